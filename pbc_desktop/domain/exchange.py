"""How the records and fields a package carries are named to people (the preview, the
conflict list, the log, the 数据移交单), in the order an office reads them."""

from __future__ import annotations

from pbc_desktop.domain.audit_entries import record_type_names
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.domain.member_rules import FIELD_BY_KEY
from pbc_desktop.lang import language, t

#: Record types in the order an office reads them (registry first, then communities,
#: members, activities, lists and assessment).
READING_ORDER: tuple[str, ...] = (
    "organization",
    "post",
    "venue",
    "indicator_set",
    "indicator",
    "community",
    "community_member",
    "community_type",
    "community_role",
    "community_venue",
    "convener_turn",
    "lifecycle_event",
    "party_member",
    "member_change",
    "member_transfer",
    "mobile_member",
    "post_report",
    "service_log",
    "post_evaluation",
    "development_record",
    "development_step",
    "appraisal",
    "appraisal_result",
    "activity",
    "activity_organization",
    "agenda_item",
    "attendance",
    "attachment",
    "service_list",
    "list_item",
    "claim",
    "claim_organization",
    "supervision",
    "fund_entry",
    "fee_rate",
    "fee_basis",
    "fee_payment",
    "assessment",
    "score",
    "committee",
    "committee_member",
)

#: Fields named alike in most record types (a member's own fields: ``member_rules``).
_COMMON_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("名称", "Name"),
    "title": ("标题", "Title"),
    "remark": ("备注", "Remark"),
    "description": ("内容", "Description"),
    "status": ("状态", "Status"),
    "town": ("所属镇街", "Town"),
    "organization_id": ("所属党组织", "Organization"),
    "community_id": ("党建共同体", "Community"),
    "member_id": ("党员", "Member"),
    "activity_id": ("活动", "Activity"),
    "starts_at": ("时间", "Time"),
    "ends_at": ("结束时间", "End"),
    "place": ("地点", "Place"),
    "summary": ("内容摘要", "Summary"),
    "phone": ("联系电话", "Phone"),
    "score": ("得分", "Score"),
    "amount": ("金额", "Amount"),
    "deadline": ("完成时限", "Deadline"),
    "uuid": ("记录标识", "Record identifier"),
    "deleted": ("删除", "Deletion"),
    "origin_office": ("来源单位", "Came from"),
    "seq": ("排序", "Order"),
    "kind": ("类别", "Kind"),
    "category": ("类别", "Category"),
    "year": ("年度", "Year"),
    "address": ("地址", "Address"),
    "founded_on": ("成立日期", "Founded on"),
    "start_date": ("开始日期", "Start date"),
    "end_date": ("结束日期", "End date"),
    "person_name": ("姓名", "Name"),
    "role": ("角色", "Role"),
    "result": ("结果", "Result"),
    "content": ("内容", "Content"),
    "entry_date": ("日期", "Date"),
    "set_id": ("指标体系", "Indicator system"),
    "item_id": ("清单事项", "List item"),
    "venue_id": ("阵地", "Venue"),
    "post_id": ("岗位", "Post"),
    "report_id": ("报到领岗", "Post report"),
    "lead_org_id": ("牵头党组织", "Lead organization"),
}

#: Fields of one record type only, or named otherwise there (record type → field → names).
_TABLE_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "committee": {
        "term_no": ("届次", "Term number"),
        "elected_on": ("选举日期", "Elected on"),
        "term_years": ("任期（年）", "Term (years)"),
    },
    "committee_member": {
        "committee_id": ("班子届次", "Committee"),
        "post": ("职务", "Post"),
    },
    "organization": {
        "short_name": ("简称", "Short name"),
        "kind": ("组织类别", "Kind"),
        "field": ("所属领域", "Field"),
        "level": ("层级", "Level"),
        "secretary": ("书记", "Secretary"),
        "contact_person": ("联系人", "Contact person"),
        "contact_phone": ("联系电话", "Contact phone"),
        "start_date": ("设立日期", "Set up on"),
        "end_date": ("撤销日期", "Dissolved on"),
        "parent_id": ("上级党组织", "Parent organization"),
    },
    "indicator_set": {
        "excellent_min": ("优秀分数线", "Excellent from"),
        "good_min": ("良好分数线", "Good from"),
        "pass_min": ("合格分数线", "Pass from"),
    },
    "indicator": {
        "max_score": ("分值", "Points"),
        "guidance": ("评分说明", "Guidance"),
        "metric": ("统计口径", "Metric"),
    },
    "post": {"active": ("启用", "Active")},
    "community": {"theme": ("主题", "Theme")},
    "venue": {
        "kind": ("阵地类别", "Kind"),
        "capacity": ("容纳人数", "Capacity"),
        "opening_hours": ("开放时间", "Opening hours"),
        "owner_org_id": ("所属党组织", "Organization"),
    },
    "activity": {
        "kind": ("活动类型", "Kind"),
        "chair": ("主持人", "Chair"),
        "recorder": ("记录人", "Recorder"),
        "lecturer": ("主讲人", "Lecturer"),
        "guests": ("列席嘉宾", "Guests"),
        "trainee_count": ("培训人次", "Trainees"),
        "seq_in_year": ("年度序号", "Number in the year"),
        "host_org_id": ("主办党组织", "Host organization"),
    },
    "assessment": {
        "total": ("总分", "Total"),
        "grade": ("等次", "Grade"),
        "feedback": ("反馈意见", "Feedback"),
        "outcome": ("考核结果运用", "Outcome"),
        "award_cents": ("奖补金额", "Award"),
        "rectify_reasons": ("整顿原因", "Reasons for rectification"),
        "finished_at": ("完成时间", "Finished at"),
        "assessor": ("考核人", "Assessor"),
    },
    "community_member": {
        "joined_on": ("加入日期", "Joined on"),
        "left_on": ("退出日期", "Left on"),
    },
    "community_role": {
        "role": ("职务", "Role"),
        "cross_appointment": ("交叉任职", "Cross-appointment"),
    },
    "community_type": {"type": ("共建类型", "Co-building type")},
    "community_venue": {"opened_on": ("开放日期", "Opened on")},
    "convener_turn": {
        "period_label": ("轮值期", "Period"),
        "period_start": ("开始日期", "Period start"),
        "period_end": ("结束日期", "Period end"),
    },
    "lifecycle_event": {
        "action": ("程序", "Step"),
        "status_after": ("办理后状态", "Status after"),
        "occurred_on": ("日期", "Date"),
        "operator": ("经办人", "Done by"),
    },
    "member_change": {
        "occurred_on": ("日期", "Date"),
        "leaving_kind": ("出党方式", "Kind of leaving"),
        "other_organization_id": ("转入或转出党组织", "Other organization"),
        "other_unit": ("转入或转出单位", "Other unit"),
    },
    "member_transfer": {
        "from_organization_id": ("转出党组织", "From organization"),
        "to_organization_id": ("转入党组织", "To organization"),
        "to_unit": ("转往单位", "To unit"),
        "letter_number": ("介绍信编号", "Letter number"),
        "issued_on": ("开具日期", "Issued on"),
        "valid_days": ("有效期（天）", "Valid for (days)"),
        "reason": ("转接原因", "Reason"),
        "state": ("状态", "State"),
        "received_on": ("接收日期", "Received on"),
    },
    "mobile_member": {
        "left_on": ("外出日期", "Left on"),
        "whereabouts": ("外出地点", "Whereabouts"),
        "contact_phone": ("联系电话", "Contact phone"),
        "managing_organization_id": ("流入地管理党组织", "Managing organization"),
        "managing_unit": ("流入地管理单位", "Managing unit"),
        "returned_on": ("返回日期", "Returned on"),
    },
    "post_report": {
        "reported_on": ("报到日期", "Reported on"),
        "ended_on": ("结束日期", "Ended on"),
    },
    "service_list": {
        "kind": ("清单类别", "Kind"),
        "signed_on": ("签订日期", "Signed on"),
    },
    "agenda_item": {
        "discussion": ("讨论情况", "Discussion"),
        "resolution": ("决议", "Resolution"),
        "votes_for": ("赞成票", "Votes for"),
        "votes_against": ("反对票", "Votes against"),
        "votes_abstain": ("弃权票", "Abstentions"),
    },
    "attachment": {
        "filename": ("文件名", "File name"),
        "is_photo": ("照片", "Photo"),
        "caption": ("说明", "Caption"),
        "size": ("大小", "Size"),
        "sha256": ("文件校验值", "Checksum"),
    },
    "attendance": {
        "absence_reason": ("缺席原因", "Reason for absence"),
        "reason_text": ("原因说明", "Reason"),
    },
    "list_item": {
        "expected_result": ("预期成效", "Expected result"),
        "solved_on": ("解决日期", "Solved on"),
        "result": ("办理结果", "Result"),
        "satisfaction": ("满意度", "Satisfaction"),
        "list_id": ("清单", "List"),
        "answers_item_id": ("对应需求", "Answers the demand"),
        "uses_item_id": ("使用资源", "Uses the resource"),
    },
    "post_evaluation": {"result": ("评价结果", "Evaluation")},
    "development_record": {
        "stage": ("发展阶段", "Stage"),
        "applied_on": ("递交申请书日期", "Applied on"),
        "extension_months": ("延长预备期月数", "Probation extended by (months)"),
        "work_unit": ("工作单位", "Work unit"),
        "gender": ("性别", "Gender"),
        "ethnicity": ("民族", "Ethnicity"),
        "birth_date": ("出生日期", "Birth date"),
        "id_number": ("身份证号", "ID number"),
        "education": ("学历", "Education"),
        "stage_since": ("进入本阶段日期", "Stage since"),
        "next_step": ("下一步骤", "Next step"),
        "next_due_on": ("下一步骤日期", "Next step due on"),
        "next_deadline": ("下一步骤有时限", "Next step has a deadline"),
    },
    "development_step": {
        "record_id": ("发展党员记录", "Development record"),
        "occurred_on": ("日期", "Date"),
        "people": ("有关人员", "People"),
        "months": ("月数", "Months"),
    },
    "appraisal": {
        "held_on": ("评议日期", "Held on"),
        "ended_on": ("评议结束日期", "Ended on"),
    },
    "appraisal_result": {
        "appraisal_id": ("民主评议", "Appraisal"),
        "grade": ("评议等次", "Grade"),
    },
    "score": {
        "assessment_id": ("考核", "Assessment"),
        "indicator_id": ("考核指标", "Indicator"),
    },
    "service_log": {
        "served_on": ("服务日期", "Served on"),
        "hours": ("服务时长", "Hours"),
        "content": ("服务内容", "What was done"),
    },
    "claim": {
        "mode": ("认领方式", "Mode"),
        "claimed_on": ("认领日期", "Claimed on"),
        "responsible": ("责任人", "Responsible"),
        "lead_org_id": ("牵头认领党组织", "Lead organization"),
    },
    "fund_entry": {
        "direction": ("收支", "Income or spending"),
        "source": ("来源", "Source"),
        "purpose": ("用途", "Purpose"),
        "amount_cents": ("金额", "Amount"),
        "over_balance": ("超出结余", "Over the balance"),
        "handler": ("经手人", "Handled by"),
        "fee_org_id": ("党费来自党组织", "Fees from organization"),
        "fee_month": ("党费所属月份", "Fees of month"),
    },
    "fee_rate": {
        "effective_from": ("执行起始月份", "In force from"),
        "up_to_cents": ("收入上限", "Income up to"),
        "rate": ("交纳比例", "Rate"),
        "fixed_cents": ("固定标准", "Fixed amount"),
    },
    "fee_basis": {
        "effective_from": ("起始月份", "From month"),
        "income_cents": ("月收入", "Monthly income"),
        "fixed_cents": ("核定标准", "Fixed standard"),
    },
    "fee_payment": {
        "fee_month": ("党费所属月份", "Fee month"),
        "collected_in": ("收缴月份", "Collected in"),
        "paid_on": ("缴纳日期", "Paid on"),
        "due_cents": ("应缴金额", "Due"),
        "amount_cents": ("实缴金额", "Paid"),
    },
    "supervision": {
        "by_whom": ("督办人", "By"),
        "progress": ("进展情况", "Progress"),
        "next_step": ("下一步", "Next step"),
    },
    "claim_organization": {
        "responsible_person": ("责任人", "Responsible"),
        "claim_id": ("认领", "Claim"),
    },
}


def record_label(entity: str) -> str:
    return t(*record_type_names(entity))


def label_order(entity: str) -> int:
    """Where ``entity`` stands when records are listed for people (unknown ones last)."""
    return READING_ORDER.index(entity) if entity in READING_ORDER else len(READING_ORDER)


def held_status_text(status: ItemStatus, *, stays: bool, arrived: bool = False) -> str:
    """The status a list item's claims or follow-ups here give it instead of a package's
    (``stays``: the status it had here already), as ``pbc exchange import`` says it;
    ``arrived``: the status an item the package leaves as it is moves on to because of
    the claims or follow-ups the package brings."""
    label = status.label(language())
    if arrived:
        return t(
            f"状态改为“{label}”，因收到认领或督办记录",
            f"status becomes “{label}” because of claims or follow-ups received",
        )
    if stays:
        return t(
            f"状态仍为“{label}”，因本机已有认领或督办记录",
            f"status stays “{label}” because of claims or follow-ups on this computer",
        )
    return t(
        f"状态改为“{label}”，因本机已有认领或督办记录",
        f"status becomes “{label}” because of claims or follow-ups on this computer",
    )


def field_label(entity: str, field: str) -> str:
    """A column's name for people: a member's field as the 党员信息采集表 names it, one
    of a record type by :data:`_TABLE_FIELDS`, a common one by :data:`_COMMON_FIELDS`,
    any other as stored."""
    if entity == "party_member" and field in FIELD_BY_KEY:
        return FIELD_BY_KEY[field].label
    if field in _TABLE_FIELDS.get(entity, {}):
        return t(*_TABLE_FIELDS[entity][field])
    if field in _COMMON_FIELDS:
        return t(*_COMMON_FIELDS[field])
    return field


#: What a received package did, by kind of record, in the order its counts are read:
#: (key, 中文, English); the keys are those of ``services.exchange.merge.Change``.
RECEIVED_COUNTS: tuple[tuple[str, str, str], ...] = (
    ("new", "新增", "New"),
    ("changed", "修改", "Changed"),
    ("unchanged", "未变", "Unchanged"),
    ("conflict", "冲突", "Conflicts"),
    ("deleted", "删除", "Deleted"),
)


def received_headings() -> list[str]:
    """The heading row of a received package's counts: the kind of record, then each of
    :data:`RECEIVED_COUNTS` (the 数据移交单 and ``pbc exchange import`` alike)."""
    return [t("数据类别", "Records")] + [t(zh, en) for _key, zh, en in RECEIVED_COUNTS]
