"""The 三会一课 schedule: how often each kind of meeting is due; the district edits it."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import MeetingRule
from pbc_desktop.domain import branch_life
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import interval_rules, versions
from pbc_desktop.services.permissions import require


def get_schedule(db: Database) -> dict[ActivityKind, int]:
    """{kind: months}; :data:`branch_life.DEFAULT_SCHEDULE` until the district saves one."""
    return interval_rules.read_months(db, MeetingRule, branch_life.DEFAULT_SCHEDULE)


def schedule_to_edit(db: Database) -> tuple[dict[ActivityKind, int], int]:
    """The schedule (see :func:`get_schedule`) and its version, which the editor hands
    back to :func:`set_schedule` (:data:`versions.NONE_YET` while none is saved)."""
    with db.read() as s:
        stored = list(s.scalars(select(MeetingRule)))
    head = _head(stored)
    version = versions.NONE_YET if head is None else head.version
    if not stored:
        return dict(branch_life.DEFAULT_SCHEDULE), version
    return interval_rules.enabled_months(stored), version


def _head(stored: list[MeetingRule]) -> MeetingRule | None:
    """The rule that stands for the whole schedule and carries its version: the first
    kind's (every kind has its rule once the schedule is saved)."""
    return next((r for r in stored if r.kind is branch_life.MEETING_KINDS[0]), None)


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


def set_schedule(
    db: Database, schedule: Mapping[ActivityKind, int], read_version: int | None = None
) -> None:
    """Replace the schedule; a kind left out (or 0 months) is no longer required.
    ``read_version``: the schedule's as the editor read it (:func:`schedule_to_edit`); a
    save over another's since is refused."""
    wanted = {kind: months for kind, months in schedule.items() if months != 0}
    errors = [e for kind, months in wanted.items() if (e := _refused(kind, months))]
    if errors:
        raise ValidationError(errors)
    require(db, Permission.DISTRICT_RULES)
    with db.write() as s:
        lock_groups(s, [("meeting_rules",)])  # two saving the first schedule at once
        rows = list(s.scalars(select(MeetingRule)))
        head = _head(rows)
        if head is not None:  # read as none yet (NONE_YET): saved meanwhile
            versions.check(s, head, read_version)
        stored = {r.kind: r for r in rows}
        before = interval_rules.enabled_months(rows)
        for kind in branch_life.MEETING_KINDS:
            rule = stored.get(kind)
            if rule is None:
                rule = stored[kind] = MeetingRule(kind=kind, interval_months=wanted.get(kind, 1))
                s.add(rule)
            rule.interval_months = wanted.get(kind, rule.interval_months)
            rule.enabled = kind in wanted
        summary = t("修改三会一课要求", "Changed the branch meeting schedule")
        # under the head rule: a save refused as stale names who saved this one
        head = stored[branch_life.MEETING_KINDS[0]]
        interval_rules.log_replaced(s, MeetingRule, summary, before, wanted, record=head)
