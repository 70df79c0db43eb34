"""How an audit entry reads: its record type's name and its facts, field by field
(plain Python; the entries themselves are ``services/audit.py``'s).

The facts are shown exactly as stored: personal data in them was masked when the entry
was written, and nothing here could or should undo that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: The record type (``audit_log.entity``: a table name, or a word for entries about no
#: one record) → its name in Chinese and in English.
RECORD_TYPES: dict[str, tuple[str, str]] = {
    "organization": ("党组织", "Party organization"),
    "party_member": ("党员", "Party member"),
    "member_change": ("党员增减", "Member change"),
    "member_transfer": ("组织关系转接", "Membership transfer"),
    "mobile_member": ("流动党员", "Mobile Party member"),
    "community": ("党建共同体", "Community"),
    "community_type": ("共建类型", "Co-building type"),
    "community_member": ("共同体成员单位", "Community member organization"),
    "community_role": ("共同体职务", "Community role"),
    "community_venue": ("共同体阵地", "Community venue"),
    "convener_turn": ("轮值召集", "Convener turn"),
    "lifecycle_event": ("组建与整顿记录", "Formation or rectification step"),
    "activity": ("活动", "Activity"),
    "activity_organization": ("活动参与单位", "Activity organization"),
    "attendance": ("出席情况", "Attendance"),
    "agenda_item": ("议题", "Agenda item"),
    "venue": ("阵地", "Venue"),
    "service_list": ("清单", "List"),
    "list_item": ("清单事项", "List item"),
    "claim": ("认领", "Claim"),
    "claim_organization": ("认领单位", "Claiming organization"),
    "supervision": ("督办", "Follow-up"),
    "fund_entry": ("经费收支", "Funds entry"),
    "fee_rate": ("党费比例", "Party fee rates"),
    "fee_basis": ("党费缴纳基数", "Party fee basis"),
    "fee_payment": ("党费收缴", "Party fee collection"),
    "indicator_set": ("指标体系", "Indicator system"),
    "indicator": ("考核指标", "Indicator"),
    "assessment": ("考核", "Assessment"),
    "score": ("评分", "Score"),
    "post": ("岗位", "Post"),
    "post_report": ("报到领岗", "Post report"),
    "post_evaluation": ("岗位评价", "Post evaluation"),
    "appraisal": ("民主评议", "Democratic appraisal"),
    "appraisal_result": ("评议结果", "Appraisal result"),
    "service_log": ("服务记录", "Service log"),
    "development_record": ("发展党员记录", "Development record"),
    "development_step": ("发展党员步骤", "Development step"),
    "attachment": ("附件", "Attachment"),
    "attachment_content": ("附件内容", "Attachment content"),
    "reminder_rule": ("提醒规则", "Reminder rule"),
    "meeting_rule": ("三会一课要求", "Meeting schedule"),
    "committee": ("班子届次", "Committee"),
    "committee_member": ("班子成员", "Committee member"),
    "app_user": ("账号", "Account"),
    "unknown_user": ("不存在的用户名", "User name no account has"),
    "demo": ("演示数据", "Demo data"),
    "-": ("其他", "Other"),
}


def record_type_names(entity: str) -> tuple[str, str]:
    """The Chinese and English name of a record type; an unknown one is named as stored."""
    return RECORD_TYPES.get(entity, (entity, entity))


@dataclass(frozen=True)
class FieldChange:
    """One fact of an entry: its value before and after, as text ("" when absent)."""

    field: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _facts(stored: str | None) -> dict[str, Any]:
    """The stored JSON facts as a dict (a value that is not an object is kept under "")."""
    if not stored:
        return {}
    try:
        value = json.loads(stored)
    except ValueError:
        return {"": stored}
    return value if isinstance(value, dict) else {"": value}


def fact_text(value: Any) -> str:
    """A fact as text: strings as they are, lists and objects as indented JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)


def field_changes(before: str | None, after: str | None) -> list[FieldChange]:
    """The facts of both sides, field by field: the fields of ``before`` in their order,
    then the ones only ``after`` has."""
    old, new = _facts(before), _facts(after)
    fields = list(old) + [k for k in new if k not in old]
    return [FieldChange(f, fact_text(old.get(f)), fact_text(new.get(f))) for f in fields]
