"""The 三会一课 schedule: how often each kind of meeting is due; the district edits it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MeetingRule
from pbc_desktop.domain import branch_life
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import interval_rules
from pbc_desktop.services.permissions import require


def get_schedule(db: Database) -> dict[ActivityKind, int]:
    """{kind: months}; :data:`branch_life.DEFAULT_SCHEDULE` until the district saves one."""
    return interval_rules.read_months(db, MeetingRule, branch_life.DEFAULT_SCHEDULE)


def _refused(kind: ActivityKind, months: int) -> FieldError | None:
    if kind not in branch_life.MEETING_KINDS:
        return FieldError(
            kind.value,
            t(f"「{kind.zh}」不属于三会一课", f"{kind.en} is not one of the branch meetings"),
        )
    if months not in branch_life.INTERVALS:
        allowed = "、".join(str(m) for m in branch_life.INTERVALS)
        return FieldError(
            kind.value,
            t(
                f"「{kind.zh}」的周期应为{allowed}个月之一",
                f"{kind.en}: the period must be one of {allowed} months",
            ),
        )
    return None


def set_schedule(db: Database, schedule: Mapping[ActivityKind, int]) -> None:
    """Replace the schedule; a kind left out (or 0 months) is no longer required."""
    wanted = {kind: months for kind, months in schedule.items() if months != 0}
    errors = [e for kind, months in wanted.items() if (e := _refused(kind, months))]
    if errors:
        raise ValidationError(errors)
    require(db, Permission.DISTRICT_RULES)
    with db.write() as s:
        stored = {r.kind: r for r in s.scalars(select(MeetingRule))}
        before = interval_rules.enabled_months(stored.values())
        for kind in branch_life.MEETING_KINDS:
            rule = stored.get(kind)
            if rule is None:
                rule = MeetingRule(kind=kind, interval_months=wanted.get(kind, 1))
                s.add(rule)
            rule.interval_months = wanted.get(kind, rule.interval_months)
            rule.enabled = kind in wanted
        summary = t("修改三会一课要求", "Changed the branch meeting schedule")
        interval_rules.log_replaced(s, MeetingRule, summary, before, wanted)
