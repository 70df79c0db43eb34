"""One person's development record with its steps: the detail pane, the member's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep, Due
from pbc_desktop.domain.enums import Gender
from pbc_desktop.services import access
from pbc_desktop.services.development.records import load_record, progress_of
from pbc_desktop.services.members import (
    check_unmasked,
    load_member,
    scrubbed,
    shown_birth_date,
    shown_id_number,
    shown_phone,
)


@dataclass(frozen=True)
class StepView:
    id: int
    step: DevelopmentStep
    occurred_on: date
    people: str | None
    months: int | None
    remark: str | None


@dataclass(frozen=True)
class DevelopmentDetail:
    id: int
    name: str
    gender: Gender | None
    birth_date: str  # the year only unless read with unmasked=True
    ethnicity: str | None
    education: str | None
    work_unit: str | None
    id_number: str  # masked unless read with unmasked=True
    phone: str  # masked unless read with unmasked=True
    organization_id: int
    organization_name: str
    town: str | None
    stage: DevelopmentStage
    applied_on: date
    extension_months: int
    probation_ends: date | None
    member_id: int | None
    remark: str | None
    steps: tuple[StepView, ...]  # in the order they happened
    dues: tuple[Due, ...]  # what is due next, the most pressing first
    version: int


def _detail(record: DevelopmentRecord, unmasked: bool) -> DevelopmentDetail:
    progress = progress_of(record)
    org = record.organization
    return DevelopmentDetail(
        id=record.id,
        name=record.name,
        gender=record.gender,
        birth_date=shown_birth_date(record.birth_date, unmasked),
        ethnicity=record.ethnicity,
        education=record.education,
        work_unit=record.work_unit,
        id_number=shown_id_number(record.id_number, unmasked),
        phone=shown_phone(record.phone, unmasked),
        organization_id=org.id,
        organization_name=org.name,
        town=org.town,
        stage=record.stage,
        applied_on=record.applied_on,
        extension_months=record.extension_months,
        probation_ends=progress.probation_ends,
        member_id=record.member_id,
        remark=record.remark if unmasked else scrubbed(record.remark),
        steps=tuple(
            StepView(e.id, e.kind, e.occurred_on, e.people, e.months, e.remark)
            for e in record.steps
        ),
        dues=tuple(rules.dues(progress)),
        version=record.version,
    )


def get_development_detail(
    db: Database, record_id: int, *, unmasked: bool = False
) -> DevelopmentDetail:
    """The record with its steps; ID number and phone masked unless ``unmasked``."""
    with db.read() as s:
        acc = access.of(db, s)
        check_unmasked(acc, unmasked)
        return _detail(load_record(s, record_id, acc), unmasked)


def member_development(
    db: Database, member_id: int, as_of: date | None = None
) -> DevelopmentDetail | None:
    """The development history of a member admitted through the pipeline (None: the
    member was entered directly, or came from elsewhere); ``as_of``: also of a member the
    account's organizations held at that date."""
    with db.read() as s:
        acc = access.of(db, s)
        load_member(s, member_id, acc, as_of=as_of)
        record = s.scalars(
            select(DevelopmentRecord).where(DevelopmentRecord.member_id == member_id)
        ).first()
        return None if record is None else _detail(record, False)
