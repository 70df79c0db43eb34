"""How the records a package carries are named to people (the preview, the log, the
数据移交单), in the order an office reads them."""

from __future__ import annotations

from pbc_desktop.lang import t

#: table name → (Chinese, English)
RECORD_LABELS: dict[str, tuple[str, str]] = {
    "organization": ("党组织", "Organizations"),
    "post": ("岗位", "Posts"),
    "venue": ("阵地", "Venues"),
    "indicator_set": ("考核指标体系", "Indicator systems"),
    "indicator": ("考核指标", "Indicators"),
    "community": ("党建共同体", "Communities"),
    "community_member": ("成员单位", "Member organizations"),
    "community_type": ("共建类型", "Co-building types"),
    "community_role": ("班子成员", "Leadership roles"),
    "community_venue": ("共享阵地", "Shared venues"),
    "convener_turn": ("轮值召集", "Convener turns"),
    "lifecycle_event": ("组建程序", "Lifecycle steps"),
    "party_member": ("党员", "Party members"),
    "post_report": ("报到领岗", "Post reports"),
    "service_log": ("服务记录", "Service logs"),
    "post_evaluation": ("履职评价", "Post evaluations"),
    "activity": ("活动", "Activities"),
    "activity_organization": ("参与单位", "Participating organizations"),
    "agenda_item": ("议题", "Agenda items"),
    "attendance": ("出席情况", "Attendance"),
    "attachment": ("附件", "Attachments"),
    "service_list": ("清单", "Lists"),
    "list_item": ("清单事项", "List items"),
    "claim": ("认领", "Claims"),
    "claim_organization": ("认领单位", "Claiming organizations"),
    "supervision": ("督办", "Supervision"),
    "fund_entry": ("经费", "Fund entries"),
    "assessment": ("年度考核", "Assessments"),
    "score": ("评分", "Scores"),
}


def record_label(entity: str) -> str:
    zh, en = RECORD_LABELS.get(entity, (entity, entity))
    return t(zh, en)


def label_order(entity: str) -> int:
    """Where ``entity`` stands when records are listed for people (unknown ones last)."""
    order = list(RECORD_LABELS)
    return order.index(entity) if entity in order else len(order)
