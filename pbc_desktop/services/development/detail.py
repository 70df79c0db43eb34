"""One person's development record with its steps: the detail pane, the member's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep, Due
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES
from pbc_desktop.services import access
from pbc_desktop.services.development.records import load_record, progress_of
from pbc_desktop.services.member_changes.leaving import latest_change
from pbc_desktop.services.members import (
    PersonDetail,
    check_unmasked,
    load_member,
    shown_person,
)
from pbc_desktop.services.scope import from_fields


@dataclass(frozen=True)
class StepView:
    id: int
    step: DevelopmentStep
    occurred_on: date
    people: str | None
    months: int | None
    remark: str | None


@dataclass(frozen=True)
class DevelopmentDetail(PersonDetail):
    organization_id: int
    stage: DevelopmentStage
    applied_on: date
    extension_months: int
    probation_ends: date | None
    member_id: int | None
    steps: tuple[StepView, ...]  # in the order they happened
    dues: tuple[Due, ...]  # what is due next, the most pressing first
    version: int
    #: the day the member admitted from the record died or left the roll (their latest
    #: change): no step dated after it is recorded; None while on the roll, or not admitted
    left_on: date | None = None


def _detail(s: Session, record: DevelopmentRecord, unmasked: bool) -> DevelopmentDetail:
    progress = progress_of(record)
    # a probationary member who died or left meanwhile is due for nothing, as in the lists
    # (the detail still said 转正 was due, days late, and the step dialog offered it first)
    left = record.member is not None and record.member.status not in ON_ROLL_STATUSES
    last = latest_change(s, record.member.id) if left and record.member is not None else None
    return from_fields(
        DevelopmentDetail,
        record,
        **shown_person(record, unmasked),
        probation_ends=progress.probation_ends,
        steps=tuple(
            StepView(e.id, e.kind, e.occurred_on, e.people, e.months, e.remark)
            for e in record.steps
        ),
        dues=() if left else tuple(rules.dues(progress)),
        left_on=None if last is None else last.occurred_on,
    )


def get_development_detail(
    db: Database, record_id: int, *, unmasked: bool = False
) -> DevelopmentDetail:
    """The record with its steps; ID number and phone masked unless ``unmasked``."""
    with db.read() as s:
        acc = access.of(db, s)
        check_unmasked(acc, unmasked)
        return _detail(s, load_record(s, record_id, acc), unmasked)


def member_development(
    db: Database, member_id: int, as_of: date | None = None
) -> DevelopmentDetail | None:
    """The development history of a member admitted through the pipeline (None: the
    member was entered directly, or came from elsewhere); ``as_of``: also of a member the
    account's organizations held at that date."""
    with db.read() as s:
        load_member(s, member_id, access.of(db, s), as_of=as_of)
        return development_in(s, member_id)


def development_in(s: Session, member_id: int) -> DevelopmentDetail | None:
    """:func:`member_development` read in ``s``, of a member the caller loaded."""
    record = s.scalars(
        select(DevelopmentRecord).where(DevelopmentRecord.member_id == member_id)
    ).first()
    return None if record is None else _detail(s, record, False)
