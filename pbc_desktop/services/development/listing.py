"""Who is in the 发展党员 pipeline, what each is due for next, and who is late.

Each record keeps what the rules (``domain/development.py``) say of its steps: its next
step, the date of it and whether that date is a deadline (``records.keep_summary``, at
every write). So the list is one query, filtered by organization, town, stage and urgency
(due within the month / late), sorted and paged in SQL, the most urgent first.
:func:`development_reminders` gives the late and soon-due steps as reminder rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Exists, and_, case, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    DevelopmentRecord,
    DevelopmentStepEntry,
    Organization,
    PartyMember,
)
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.members import PersonRow, check_unmasked, shown_id_number, shown_phone
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    AnySelect,
    enum_order,
    like_digits,
    number_matches,
    pinyin_match,
    sorted_page,
)


class Urgency(StrEnum):
    """Which people a list shows by their next step's deadline."""

    ALL = "all"
    DUE = "due"  # late, or the deadline within rules.DUE_SOON_DAYS
    LATE = "late"


@dataclass(frozen=True)
class DevelopmentQuery:
    text: str = ""
    organization_id: int | None = None
    town: str | None = None
    stage: DevelopmentStage | None = None  # None: every stage still in the pipeline
    urgency: Urgency = Urgency.ALL


@dataclass(frozen=True)
class DevelopmentRow(PersonRow):
    stage: DevelopmentStage
    applied_on: date
    stage_since: date
    next_step: DevelopmentStep | None
    due_on: date | None
    #: the due date is a deadline (late after it); False: the earliest day it may be taken
    deadline: bool
    days_overdue: int  # 0 unless late
    id_number: str = field(repr=False)  # masked unless listed with unmasked=True
    phone: str = field(repr=False)  # masked unless listed with unmasked=True
    member_id: int | None
    #: the kind of the step recorded last (the application alone: nothing to correct)
    latest_step: DevelopmentStep | None
    #: the status of the member admitted from the record once they left the roll (died,
    #: transferred out of the district…); None while on it, or not admitted
    left_as: MembershipStatus | None = None

    @property
    def late(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class DevelopmentReminder:
    """A late or soon-due step of the pipeline, for the unified reminders list."""

    subject: str  # the person, e.g. "张三（入党积极分子）"
    organization: str
    what: str  # the step due, e.g. "培养考察"
    due_on: date
    days_overdue: int  # negative: days left before the deadline
    record_id: int
    organization_id: int
    town: str | None


def _filtered(stmt: AnySelect, query: DevelopmentQuery, acc: access.Access) -> AnySelect:
    stmt = stmt.join(Organization, Organization.id == DevelopmentRecord.organization_id)
    stmt = stmt.where(acc.orgs(DevelopmentRecord.organization_id))
    if query.stage is not None:
        stmt = stmt.where(DevelopmentRecord.stage == query.stage)
    else:
        stmt = stmt.where(DevelopmentRecord.stage.in_(rules.OPEN_STAGES))
    if query.organization_id is not None:
        stmt = stmt.where(DevelopmentRecord.organization_id == query.organization_id)
    if query.town:
        stmt = stmt.where(Organization.town == query.town)
    needle = unicodedata.normalize("NFKC", query.text).strip()
    if needle:
        matches: ColumnElement[bool] = DevelopmentRecord.name.icontains(needle, autoescape=True)
        if (by_pinyin := pinyin_match(DevelopmentRecord, needle)) is not None:
            matches = matches | by_pinyin
        if digits := like_digits(needle):
            matches = matches | number_matches(digits, DevelopmentRecord.id_number, None, acc)
        stmt = stmt.where(matches)
    return stmt


def _urgency(query: DevelopmentQuery, today: date) -> ColumnElement[bool] | None:
    if query.urgency is Urgency.ALL:
        return None
    last = today - timedelta(days=1) if query.urgency is Urgency.LATE else today + _SOON
    return and_(
        DevelopmentRecord.next_deadline.is_(True), DevelopmentRecord.next_due_on <= last, ~_left()
    )


def _left() -> Exists:
    """The record's member died or left the roll meanwhile: a probationary member due for
    nothing (their 转正 was reminded of, late, year after year)."""
    return (
        select(PartyMember.id)
        .where(
            PartyMember.id == DevelopmentRecord.member_id,
            PartyMember.status.not_in(ON_ROLL_STATUSES),
        )
        .exists()
    )


_SOON = timedelta(days=rules.DUE_SOON_DAYS)


def _query(stmt: AnySelect, query: DevelopmentQuery, acc: access.Access, today: date) -> AnySelect:
    stmt = _filtered(stmt, query, acc)
    urgent = _urgency(query, today)
    return stmt if urgent is None else stmt.where(urgent)


#: the most urgent first: deadlines by date (the longest late first), then the rest
_URGENCY_ORDER = (
    case((DevelopmentRecord.next_deadline.is_(True), 0), else_=1),
    DevelopmentRecord.next_due_on,
    Organization.name_sort,
    DevelopmentRecord.name_sort,
)
_SORT_KEYS: dict[str, Any] = {
    "name": DevelopmentRecord.name_sort,
    "organization": Organization.name_sort,
    "stage": enum_order(DevelopmentRecord.stage, DevelopmentStage),
    "applied_on": DevelopmentRecord.applied_on,
    "stage_since": DevelopmentRecord.stage_since,
    "due_on": DevelopmentRecord.next_due_on,
}


def _row(r: Any, today: date, unmasked: bool) -> DevelopmentRow:
    # nothing next for a member who left (the list said 转正, days late, for one who died)
    left = r.left_as is not None
    next_step: DevelopmentStep | None = None if left else r.next_step
    due_on: date | None = None if left else r.next_due_on
    deadline = not left and bool(r.next_deadline)
    days_overdue = (today - due_on).days if deadline and due_on and due_on < today else 0
    return DevelopmentRow(
        id=r.id,
        name=r.name,
        gender=r.gender,
        organization_id=r.organization_id,
        organization_name=r.org_name,
        town=r.town,
        stage=r.stage,
        applied_on=r.applied_on,
        stage_since=r.stage_since,
        next_step=next_step,
        due_on=due_on,
        deadline=deadline,
        days_overdue=days_overdue,
        id_number=shown_id_number(r.id_number, unmasked),
        phone=shown_phone(r.phone, unmasked),
        member_id=r.member_id,
        latest_step=r.latest_step,
        left_as=r.left_as,
    )


_COLUMNS = (
    DevelopmentRecord.id,
    DevelopmentRecord.name,
    DevelopmentRecord.gender,
    DevelopmentRecord.organization_id,
    Organization.name.label("org_name"),
    Organization.town,
    DevelopmentRecord.stage,
    DevelopmentRecord.applied_on,
    DevelopmentRecord.stage_since,
    DevelopmentRecord.next_step,
    DevelopmentRecord.next_due_on,
    DevelopmentRecord.next_deadline,
    DevelopmentRecord.id_number,
    DevelopmentRecord.phone,
    DevelopmentRecord.member_id,
    select(DevelopmentStepEntry.kind)
    .where(DevelopmentStepEntry.record_id == DevelopmentRecord.id)
    .order_by(DevelopmentStepEntry.id.desc())
    .limit(1)
    .correlate(DevelopmentRecord)
    .scalar_subquery()
    .label("latest_step"),
    select(PartyMember.status)
    .where(
        PartyMember.id == DevelopmentRecord.member_id,
        PartyMember.status.not_in(ON_ROLL_STATUSES),
    )
    .correlate(DevelopmentRecord)
    .scalar_subquery()
    .label("left_as"),
)


def list_development(
    db: Database,
    query: DevelopmentQuery,
    page: PageRequest,
    *,
    today: date | None = None,
    unmasked: bool = False,
) -> list[DevelopmentRow]:
    """One page of the pipeline, the most urgent first unless sorted by a column; ID
    numbers and phones masked unless ``unmasked``."""
    today = today or date.today()
    acc = access.of(db)
    check_unmasked(acc, unmasked)
    stmt = _query(select(*_COLUMNS).select_from(DevelopmentRecord), query, acc, today)
    stmt = sorted_page(stmt, page, _SORT_KEYS, DevelopmentRecord.id, default=_URGENCY_ORDER)
    with db.read() as s:
        return [_row(r, today, unmasked) for r in s.execute(stmt)]


def count_development(db: Database, query: DevelopmentQuery, *, today: date | None = None) -> int:
    with db.read() as s:
        stmt = _query(
            select(func.count(DevelopmentRecord.id)).select_from(DevelopmentRecord),
            query,
            access.of(db, s),
            today or date.today(),
        )
        return int(s.execute(stmt).scalar_one())


def development_reminders(db: Database, today: date) -> list[DevelopmentReminder]:
    """The pipeline's late and soon-due steps in the account's scope, the longest late
    first (``days_overdue`` negative: days left)."""
    found: list[DevelopmentReminder] = []
    due = DevelopmentQuery(urgency=Urgency.DUE)
    for row in list_development(db, due, PageRequest(limit=1_000_000), today=today):
        assert row.next_step is not None
        assert row.due_on is not None
        found.append(
            DevelopmentReminder(
                subject=t(f"{row.name}（{row.stage.zh}）", f"{row.name} ({row.stage.en})"),
                organization=row.organization_name,
                what=t(row.next_step.zh, row.next_step.en),
                due_on=row.due_on,
                days_overdue=(today - row.due_on).days,
                record_id=row.id,
                organization_id=row.organization_id,
                town=row.town,
            )
        )
    found.sort(key=lambda r: (-r.days_overdue, r.organization, r.record_id))
    return found


def branch_reminders(db: Database, today: date) -> list[Reminder]:
    """:func:`development_reminders` for the unified reminders list: one line a branch
    (its people's steps late or soon due, the most late first), which opens the 发展党员
    tab on that branch's due people."""
    by_branch: dict[int, list[DevelopmentReminder]] = {}
    for r in development_reminders(db, today):
        by_branch.setdefault(r.organization_id, []).append(r)
    found = []
    for org_id, rows in by_branch.items():
        first = max(rows, key=lambda r: r.days_overdue)
        late = sum(1 for r in rows if r.days_overdue > 0)
        soon = len(rows) - late
        found.append(
            Reminder(
                ReminderArea.DEVELOPMENT,
                first.organization,
                (first.town,) if first.town else (),
                t(
                    f"发展党员：{late}人逾期，{soon}人即将到期（{first.what}）",
                    f"Development: {late} late, {soon} due soon ({first.what})",
                ),
                first.due_on,
                first.days_overdue,
                "development",
                (("organization_id", org_id), ("urgency", Urgency.DUE.value)),
            )
        )
    return found
