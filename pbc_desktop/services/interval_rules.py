"""District tables of how often each activity kind is due, in months: the 三会一课 schedule
(``MeetingRule``) and the community activity reminders (``ReminderRule``). Each is read
with its defaults until the district saves one, and its replacement is logged the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MeetingRule, ReminderRule
from pbc_desktop.domain.enums import ActivityKind, AuditAction
from pbc_desktop.services import audit

Rule = MeetingRule | ReminderRule


def enabled_months(rules: Iterable[Rule]) -> dict[ActivityKind, int]:
    """{kind: months} of the rules in force."""
    return {r.kind: r.interval_months for r in rules if r.enabled}


def read_months(
    db: Database, model: type[Rule], defaults: Mapping[ActivityKind, int]
) -> dict[ActivityKind, int]:
    """The table in force: ``defaults`` while no row was ever saved."""
    with db.read() as s:
        stored: list[Rule] = list(s.scalars(select(model)))
    return enabled_months(stored) if stored else dict(defaults)


def log_replaced(
    s: Session,
    model: type[Rule],
    summary: str,
    before: Mapping[ActivityKind, int],
    after: Mapping[ActivityKind, int],
) -> None:
    """Audit a replaced table: the kinds in force before and after (an empty one before is
    the defaults; after, none)."""
    audit.record(
        s,
        AuditAction.UPDATE,
        None,
        summary=summary,
        before={k.value: v for k, v in before.items()} or {"defaults": True},
        after={k.value: v for k, v in after.items()} or {"none": True},
        entity=model.__tablename__,
    )
