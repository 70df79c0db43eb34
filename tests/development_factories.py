"""Records of the 发展党员 pipeline for tests: an applicant taken to any stage by the
services themselves (so every step passes the rules)."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import Gender
from pbc_desktop.services.development import records
from pbc_desktop.services.development.records import ApplicantInput, StepInput
from tests.factories import next_id

TODAY = date(2026, 12, 5)


def applicant(
    db: Database,
    name: str,
    organization_id: int,
    applied_on: date = date(2023, 3, 1),
    *,
    born: date = date(1998, 4, 2),
) -> ApplicantInput:
    return ApplicantInput(
        name=name,
        organization_id=organization_id,
        id_number=next_id(born, Gender.FEMALE),
        applied_on=applied_on,
        phone="13912345678",
        education="大学本科",
        work_unit="成田镇甲村村委会",
    )


def make_record(
    db: Database,
    name: str,
    organization_id: int,
    stage: Stage = Stage.APPLICANT,
    *,
    applied_on: date = date(2023, 3, 1),
    activist_on: date = date(2023, 6, 1),
    candidate_on: date = date(2024, 7, 1),
    admitted_on: date = date(2025, 3, 1),
    today: date = TODAY,
) -> int:
    """A record entered on ``applied_on`` and taken through the steps up to ``stage``."""
    record_id = records.create_applicant(
        db, applicant(db, name, organization_id, applied_on), today=today
    )

    def step(kind: Step, on: date, **extra: object) -> None:
        records.record_step(db, record_id, StepInput(kind, on, **extra), today=today)  # type: ignore[arg-type]

    if stage is Stage.APPLICANT:
        return record_id
    step(Step.TALK, applied_on)
    step(Step.ACTIVIST, activist_on)
    if stage is Stage.ACTIVIST:
        return record_id
    step(Step.CANDIDATE, candidate_on)
    if stage is Stage.CANDIDATE:
        return record_id
    for kind in (Step.POLITICAL_CHECK, Step.TRAINING, Step.PUBLICITY):
        step(kind, candidate_on)
    records.admit(db, record_id, StepInput(Step.BRANCH_MEETING, admitted_on), today=today)
    return record_id
