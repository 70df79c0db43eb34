"""Who is in the 发展党员 pipeline, what each is due for next, and who is late.

The list is computed over the records of the account's scope still in the pipeline (a
district holds a few thousand): one query for the records, one for the last date of each
of their steps; the rules (``domain/development.py``) say each person's next step. It is
filtered by organization, town, stage and urgency (due soon / late), sorted and paged in
Python. :func:`development_reminders` gives the late and soon-due steps as reminder rows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, DevelopmentStepEntry, Organization
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep, Due, Progress
from pbc_desktop.domain.enums import Gender
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.members import check_unmasked, shown_id_number, shown_phone
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import AnySelect, like_digits, pinyin_match


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
class DevelopmentRow:
    id: int
    name: str
    gender: Gender | None
    organization_id: int
    organization_name: str
    town: str | None
    stage: DevelopmentStage
    applied_on: date
    stage_since: date
    next_step: DevelopmentStep | None
    due_on: date | None
    #: the due date is a deadline (late after it); False: the earliest day it may be taken
    deadline: bool
    days_overdue: int  # 0 unless late
    id_number: str  # masked unless listed with unmasked=True
    phone: str  # masked unless listed with unmasked=True
    member_id: int | None

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
            matches = matches | DevelopmentRecord.id_number.endswith(digits, autoescape=True)
        stmt = stmt.where(matches)
    return stmt


def _last_steps(
    db: Database, query: DevelopmentQuery, acc: access.Access
) -> dict[int, dict[DevelopmentStep, date]]:
    stmt = _filtered(
        select(
            DevelopmentStepEntry.record_id,
            DevelopmentStepEntry.kind,
            func.max(DevelopmentStepEntry.occurred_on),
        )
        .select_from(DevelopmentRecord)
        .join(DevelopmentStepEntry, DevelopmentStepEntry.record_id == DevelopmentRecord.id),
        query,
        acc,
    ).group_by(DevelopmentStepEntry.record_id, DevelopmentStepEntry.kind)
    done: dict[int, dict[DevelopmentStep, date]] = {}
    with db.read() as s:
        for record_id, kind, last in s.execute(stmt):
            done.setdefault(record_id, {})[kind] = last
    return done


def _keep(due: Due | None, urgency: Urgency, today: date) -> bool:
    if urgency is Urgency.ALL:
        return True
    if due is None:
        return False
    return due.late(today) if urgency is Urgency.LATE else due.soon(today)


def _rows(
    db: Database, query: DevelopmentQuery, today: date, unmasked: bool
) -> list[DevelopmentRow]:
    acc = access.of(db)
    check_unmasked(acc, unmasked)
    done = _last_steps(db, query, acc)
    stmt = _filtered(
        select(
            DevelopmentRecord.id,
            DevelopmentRecord.name,
            DevelopmentRecord.name_sort,
            DevelopmentRecord.gender,
            DevelopmentRecord.organization_id,
            Organization.name.label("org_name"),
            Organization.town,
            DevelopmentRecord.stage,
            DevelopmentRecord.applied_on,
            DevelopmentRecord.extension_months,
            DevelopmentRecord.id_number,
            DevelopmentRecord.phone,
            DevelopmentRecord.member_id,
        ).select_from(DevelopmentRecord),
        query,
        acc,
    )
    rows: list[DevelopmentRow] = []
    with db.read() as s:
        for r in s.execute(stmt):
            progress = Progress(r.stage, r.applied_on, done.get(r.id, {}), r.extension_months)
            due = rules.next_due(progress)
            if not _keep(due, query.urgency, today):
                continue
            rows.append(
                DevelopmentRow(
                    id=r.id,
                    name=r.name,
                    gender=r.gender,
                    organization_id=r.organization_id,
                    organization_name=r.org_name,
                    town=r.town,
                    stage=r.stage,
                    applied_on=r.applied_on,
                    stage_since=progress.stage_since,
                    next_step=due.step if due else None,
                    due_on=due.due_on if due else None,
                    deadline=bool(due and due.deadline),
                    days_overdue=max(0, due.days_overdue(today)) if due else 0,
                    id_number=shown_id_number(r.id_number, unmasked),
                    phone=shown_phone(r.phone, unmasked),
                    member_id=r.member_id,
                )
            )
    return rows


def _urgency_key(row: DevelopmentRow) -> tuple[Any, ...]:
    """Late first (the longest late first), then by the next deadline, then the rest."""
    has_deadline = row.deadline and row.due_on is not None
    return (
        -row.days_overdue,
        not has_deadline,
        row.due_on or date.max,
        row.organization_name,
        row.id,
    )


_SORT_KEYS = {
    "name": lambda r: (sort_key(r.name), r.id),
    "organization": lambda r: (sort_key(r.organization_name), r.id),
    "stage": lambda r: (list(DevelopmentStage).index(r.stage), r.id),
    "applied_on": lambda r: (r.applied_on, r.id),
    "stage_since": lambda r: (r.stage_since, r.id),
    "due_on": lambda r: (r.due_on is None, r.due_on or date.max, r.id),
}


def _sorted(rows: Iterable[DevelopmentRow], page: PageRequest) -> list[DevelopmentRow]:
    key = _SORT_KEYS.get(page.sort or "")
    if key is None:
        return sorted(rows, key=_urgency_key)
    return sorted(rows, key=key, reverse=page.descending)


def list_development(
    db: Database,
    query: DevelopmentQuery,
    page: PageRequest,
    *,
    today: date | None = None,
    unmasked: bool = False,
) -> list[DevelopmentRow]:
    """One page of the pipeline, the most urgent first unless sorted by a column."""
    rows = _sorted(_rows(db, query, today or date.today(), unmasked), page)
    return rows[page.offset : page.offset + page.limit]


def count_development(db: Database, query: DevelopmentQuery, *, today: date | None = None) -> int:
    if query.urgency is Urgency.ALL:
        with db.read() as s:
            stmt = _filtered(
                select(func.count(DevelopmentRecord.id)).select_from(DevelopmentRecord),
                query,
                access.of(db, s),
            )
            return int(s.execute(stmt).scalar_one())
    return len(_rows(db, query, today or date.today(), False))


def development_reminders(db: Database, today: date) -> list[DevelopmentReminder]:
    """The pipeline's late and soon-due steps in the account's scope, the longest late
    first (``days_overdue`` negative: days left)."""
    found: list[DevelopmentReminder] = []
    for row in _rows(db, DevelopmentQuery(urgency=Urgency.DUE), today, False):
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
            )
        )
    found.sort(key=lambda r: (-r.days_overdue, r.organization, r.record_id))
    return found
