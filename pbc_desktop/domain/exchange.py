"""How the records and fields a package carries are named to people (the preview, the
conflict list, the log, the 数据移交单), in the order an office reads them."""

from __future__ import annotations

from pbc_desktop.domain.audit_entries import record_type_names
from pbc_desktop.domain.member_rules import FIELD_BY_KEY
from pbc_desktop.lang import t

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
    "post_report",
    "service_log",
    "post_evaluation",
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
    "assessment",
    "score",
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
}


def record_label(entity: str) -> str:
    return t(*record_type_names(entity))


def label_order(entity: str) -> int:
    """Where ``entity`` stands when records are listed for people (unknown ones last)."""
    return READING_ORDER.index(entity) if entity in READING_ORDER else len(READING_ORDER)


def field_label(entity: str, field: str) -> str:
    """A column's name for people: a member's field as the 党员信息采集表 names it, a
    common one by :data:`_COMMON_FIELDS`, any other as stored."""
    if entity == "party_member" and field in FIELD_BY_KEY:
        return FIELD_BY_KEY[field].label
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
