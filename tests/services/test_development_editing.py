"""Corrections of 发展党员 records: the person's facts and the latest step, each under the
rules they were entered by, one audited transaction, refused where they would break them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, DevelopmentRecord, MemberChange, PartyMember
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)
from pbc_desktop.services.development import detail, editing, listing, records
from pbc_desktop.services.development.records import StepInput
from pbc_desktop.services.paging import PageRequest
from tests.development_factories import TODAY, make_record
from tests.factories import make_id, make_org
from tests.scope_factories import two_towns, village_actor


def _audits(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_the_person_is_corrected_and_the_audit_masks_the_numbers(db: Database) -> None:
    org = make_org(db)
    other = make_org(db, "文光村党支部")
    record_id = make_record(db, "王芳", org)
    data = editing.get_applicant_input(db, record_id)
    number = make_id("19970305", 211)
    before = len(_audits(db))
    editing.update_applicant(
        db,
        record_id,
        replace(
            data,
            name="王方",
            id_number=number,
            gender=None,
            birth_date=None,
            phone="13800001111",
            ethnicity="汉族",
            organization_id=other,
            applied_on=date(2023, 2, 1),
        ),
        today=TODAY,
    )
    shown = detail.get_development_detail(db, record_id, unmasked=True)
    assert (shown.name, shown.id_number, shown.phone) == ("王方", number, "13800001111")
    assert shown.birth_date == "1997-03-05"
    assert (shown.organization_id, shown.applied_on, shown.ethnicity) == (
        other,
        date(2023, 2, 1),
        "汉族",
    )
    assert shown.steps[0].step is Step.APPLICATION
    assert shown.steps[0].occurred_on == date(2023, 2, 1)
    entries = _audits(db)[before:]
    assert len(entries) == 1
    text = " ".join(str(v) for v in (entries[0].summary, entries[0].before, entries[0].after))
    assert "王方" in text
    assert number not in text and "13800001111" not in text
    assert number[-4:] in text  # masked, not left out


def test_an_unchanged_save_writes_nothing(db: Database) -> None:
    record_id = make_record(db, "王芳", make_org(db))
    before = len(_audits(db))
    editing.update_applicant(db, record_id, editing.get_applicant_input(db, record_id), today=TODAY)
    assert len(_audits(db)) == before


def test_the_person_is_still_eighteen_at_the_application(db: Database) -> None:
    record_id = make_record(db, "王芳", make_org(db))
    data = editing.get_applicant_input(db, record_id)
    young = replace(data, id_number=make_id("20080301", 124), gender=None, birth_date=None)
    with pytest.raises(ValidationError) as refused:
        editing.update_applicant(db, record_id, young, today=TODAY)
    assert refused.value.fields() == ["applied_on"]
    assert "18" in refused.value.message
    assert detail.get_development_detail(db, record_id).name == "王芳"


def test_the_application_cannot_move_after_a_later_step(db: Database) -> None:
    record_id = make_record(db, "陈明", make_org(db), Stage.ACTIVIST)  # activist 2023-06-01
    data = editing.get_applicant_input(db, record_id)
    with pytest.raises(ValidationError) as refused:
        editing.update_applicant(db, record_id, replace(data, applied_on=date(2023, 7, 1)))
    assert refused.value.fields() == ["applied_on"]


def test_an_id_number_of_another_person_is_refused(db: Database) -> None:
    org = make_org(db)
    first = make_record(db, "王芳", org)
    second = make_record(db, "李丽", org)
    taken = editing.get_applicant_input(db, first).id_number
    data = editing.get_applicant_input(db, second)
    with pytest.raises(ValidationError) as refused:
        editing.update_applicant(db, second, replace(data, id_number=taken), today=TODAY)
    assert refused.value.fields() == ["id_number"]
    assert taken not in refused.value.message  # type: ignore[operator]


def test_a_stale_edit_is_refused(db: Database) -> None:
    record_id = make_record(db, "王芳", make_org(db))
    data = editing.get_applicant_input(db, record_id)
    editing.update_applicant(db, record_id, replace(data, name="王方"), today=TODAY)
    with pytest.raises(StaleEditError):
        editing.update_applicant(db, record_id, replace(data, name="王芬"), today=TODAY)
    assert detail.get_development_detail(db, record_id).name == "王方"


def test_an_admitted_person_is_edited_on_the_member(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)
    data = editing.get_applicant_input(db, record_id)
    with pytest.raises(ConflictError) as refused:
        editing.update_applicant(db, record_id, replace(data, name="林队"), today=TODAY)
    assert "党员" in refused.value.message


def test_a_village_corrects_only_its_own_and_keeps_it_in_scope(db: Database) -> None:
    world = two_towns(db)
    own = make_record(db, "甲一人", world.jia_one)
    other = make_record(db, "乙一人", world.yi_one)
    data = editing.get_applicant_input(db, own)
    db.user = village_actor(db, world.jia_one)
    with pytest.raises(NotFoundError):
        editing.get_applicant_input(db, other)
    with pytest.raises(NotFoundError):
        editing.update_applicant(db, other, data, today=TODAY)
    with pytest.raises(NotFoundError):
        editing.remove_latest_step(db, other)
    with pytest.raises(PermissionDeniedError):  # not moved out of the village's scope
        editing.update_applicant(db, own, replace(data, organization_id=world.yi_one), today=TODAY)
    assert detail.get_development_detail(db, own).organization_id == world.jia_one


# -- the latest step ----------------------------------------------------------------------------
def test_the_latest_step_is_corrected_under_its_rules(db: Database) -> None:
    record_id = make_record(db, "陈明", make_org(db), Stage.ACTIVIST)  # activist 2023-06-01
    latest = editing.latest_step(db, record_id)
    assert latest.step is Step.ACTIVIST
    editing.correct_latest_step(
        db,
        record_id,
        StepInput(Step.ACTIVIST, date(2023, 5, 1), people="党支部", remark="日期录错"),
        version=latest.version,
        today=TODAY,
    )
    shown = detail.get_development_detail(db, record_id)
    assert shown.steps[-1].occurred_on == date(2023, 5, 1)
    assert shown.steps[-1].people == "党支部"
    # the 发展对象 date (one year as activist) follows the corrected date
    assert shown.dues[-1].step is Step.CANDIDATE and shown.dues[-1].due_on == date(2024, 5, 1)
    with pytest.raises(ValidationError) as refused:  # before the application
        editing.correct_latest_step(
            db, record_id, StepInput(Step.ACTIVIST, date(2023, 1, 1)), today=TODAY
        )
    assert "早于" in refused.value.message


def test_a_corrected_candidate_date_keeps_the_year_as_activist(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.CANDIDATE)
    with pytest.raises(ValidationError) as refused:
        editing.correct_latest_step(
            db, record_id, StepInput(Step.CANDIDATE, date(2024, 1, 1)), today=TODAY
        )
    assert "满一年" in refused.value.message


def test_a_step_corrected_onto_the_day_of_the_same_step_is_refused_as_recorded_twice(
    db: Database,
) -> None:
    """Two reviews, the latest corrected to the day of the first: taken (only a new step
    was refused as saved twice), the 备案表 then listed the review twice."""
    record_id = make_record(db, "陈明", make_org(db), Stage.ACTIVIST)
    records.record_step(db, record_id, StepInput(Step.REVIEW, date(2023, 12, 1)), today=TODAY)
    records.record_step(db, record_id, StepInput(Step.REVIEW, date(2024, 3, 1)), today=TODAY)
    with pytest.raises(ValidationError) as refused:
        records.record_step(db, record_id, StepInput(Step.REVIEW, date(2023, 12, 1)), today=TODAY)
    with pytest.raises(ValidationError) as corrected:
        editing.correct_latest_step(
            db, record_id, StepInput(Step.REVIEW, date(2023, 12, 1)), today=TODAY
        )
    assert corrected.value.fields() == refused.value.fields() == ["occurred_on"]
    assert (
        str(corrected.value)
        == str(refused.value)
        == ("“培养考察”（2023-12-01）已经记录，不必重复记录")
    )
    reviews = [s.occurred_on for s in detail.get_development_detail(db, record_id).steps]
    assert reviews.count(date(2023, 12, 1)) == 1 and date(2024, 3, 1) in reviews
    # its own day, the people or remark corrected: still its own entry
    editing.correct_latest_step(
        db, record_id, StepInput(Step.REVIEW, date(2024, 3, 1), remark="补记"), today=TODAY
    )


def test_a_stale_step_correction_is_refused(db: Database) -> None:
    record_id = make_record(db, "陈明", make_org(db), Stage.ACTIVIST)
    latest = editing.latest_step(db, record_id)
    records.record_step(db, record_id, StepInput(Step.REVIEW, date(2023, 12, 1)), today=TODAY)
    with pytest.raises(StaleEditError):
        editing.remove_latest_step(db, record_id, version=latest.version)


def test_removing_the_latest_step_goes_back_a_stage(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.CANDIDATE)
    before = len(_audits(db))
    assert editing.remove_latest_step(db, record_id) is Step.CANDIDATE
    shown = detail.get_development_detail(db, record_id)
    assert shown.stage is Stage.ACTIVIST
    assert Step.CANDIDATE not in [s.step for s in shown.steps]
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None
        assert record.stage_since == date(2023, 6, 1)
        assert record.next_step is Step.REVIEW
    assert len(_audits(db)) == before + 1


def test_only_the_application_left_cannot_be_corrected_or_removed(db: Database) -> None:
    record_id = make_record(db, "王芳", make_org(db))
    before = len(_audits(db))
    said = "只记录了递交入党申请书，还没有可更正或撤销的后续步骤"
    with pytest.raises(ConflictError, match=said):
        editing.latest_step(db, record_id)
    with pytest.raises(ConflictError, match=said):
        editing.remove_latest_step(db, record_id)
    with pytest.raises(ConflictError, match=said):
        editing.correct_latest_step(
            db, record_id, StepInput(Step.APPLICATION, date(2023, 2, 1)), today=TODAY
        )
    assert len(detail.get_development_detail(db, record_id).steps) == 1
    assert detail.get_development_detail(db, record_id).applied_on == date(2023, 3, 1)
    assert len(_audits(db)) == before
    # the list says so beforehand (the tab disables its button on it)
    row = listing.list_development(db, listing.DevelopmentQuery(), PageRequest())[0]
    assert row.latest_step is Step.APPLICATION


def test_a_record_without_any_step_is_refused_with_the_same_sentence(db: Database) -> None:
    """Not an internal error (the latest of no steps)."""
    record_id = make_record(db, "王芳", make_org(db))
    with db.write() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None
        record.steps.clear()
    with pytest.raises(ConflictError, match="只记录了递交入党申请书"):
        editing.remove_latest_step(db, record_id)
    row = listing.list_development(db, listing.DevelopmentQuery(), PageRequest())[0]
    assert row.latest_step is None


def test_the_admission_is_cancelled_not_removed(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)
    with pytest.raises(ConflictError) as refused:
        editing.remove_latest_step(db, record_id)
    assert "取消预备党员资格" in refused.value.message
    assert detail.get_development_detail(db, record_id).stage is Stage.PROBATIONARY


def test_a_corrected_admission_date_moves_the_member(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)  # admitted 2025-03-01
    editing.correct_latest_step(
        db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 2, 1)), today=TODAY
    )
    with db.read() as s:
        member = s.scalars(select(PartyMember)).one()
        assert member.joined_on == date(2025, 2, 1)
        change = s.scalars(
            select(MemberChange).where(MemberChange.kind == MemberChangeKind.DEVELOPED)
        ).one()
        assert change.occurred_on == date(2025, 2, 1)
    assert detail.get_development_detail(db, record_id).probation_ends == date(2026, 2, 1)


def test_a_corrected_admission_does_not_move_past_the_members_fee_basis(db: Database) -> None:
    """The member's fee basis from March 2025 (the month of joining), then the branch
    meeting corrected to May: taken, March and April owed before the member joined."""
    from pbc_desktop.domain.fees import FeeCategory
    from pbc_desktop.services.fees.basis import BasisInput, set_basis

    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)  # admitted 2025-03-01
    member_id = detail.get_development_detail(db, record_id).member_id
    assert member_id is not None
    set_basis(db, BasisInput(member_id, date(2025, 3, 1), FeeCategory.FARMER), today=TODAY)
    with pytest.raises(ValidationError) as refused:
        editing.correct_latest_step(
            db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 5, 6)), today=TODAY
        )
    assert refused.value.fields() == ["occurred_on"]
    assert refused.value.message == (
        "林对象的党费缴纳基数自2025-03起，支部大会讨论通过的日期（入党日期）不能晚于2025-03；"
        "如入党日期确有误，请先更正缴纳基数的起始月份"
    )
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.joined_on == date(2025, 3, 1)
    editing.correct_latest_step(  # within the month: the basis still starts after joining
        db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 3, 20)), today=TODAY
    )


def test_a_removed_confirmation_makes_the_member_probationary_again(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)
    records.record_step(db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY)
    editing.remove_latest_step(db, record_id)
    with db.read() as s:
        member = s.scalars(select(PartyMember)).one()
        assert member.category is MemberCategory.PROBATIONARY
        assert member.confirmed_on is None
    assert detail.get_development_detail(db, record_id).stage is Stage.PROBATIONARY


def test_an_extension_is_corrected_and_removed(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)
    records.record_step(
        db, record_id, StepInput(Step.EXTENSION, date(2026, 2, 1), months=6), today=TODAY
    )
    with pytest.raises(ValidationError) as refused:
        editing.correct_latest_step(
            db, record_id, StepInput(Step.EXTENSION, date(2026, 2, 1), months=13), today=TODAY
        )
    assert refused.value.fields() == ["months"]
    editing.correct_latest_step(
        db, record_id, StepInput(Step.EXTENSION, date(2026, 2, 1), months=12), today=TODAY
    )
    assert detail.get_development_detail(db, record_id).extension_months == 12
    editing.remove_latest_step(db, record_id)
    shown = detail.get_development_detail(db, record_id)
    assert shown.extension_months == 0
    assert shown.probation_ends == date(2026, 3, 1)


def test_a_cancellation_with_a_member_is_not_moved_here(db: Database) -> None:
    record_id = make_record(db, "林对象", make_org(db), Stage.PROBATIONARY)
    records.record_step(
        db, record_id, StepInput(Step.CANCELLATION, date(2026, 2, 1), remark="不合格"), today=TODAY
    )
    with pytest.raises(ConflictError):
        editing.remove_latest_step(db, record_id)
    with pytest.raises(ConflictError):
        editing.correct_latest_step(
            db, record_id, StepInput(Step.CANCELLATION, date(2026, 1, 1)), today=TODAY
        )
    editing.correct_latest_step(  # the remark may still be corrected
        db,
        record_id,
        StepInput(Step.CANCELLATION, date(2026, 2, 1), remark="考察不合格"),
        today=TODAY,
    )
    assert detail.get_development_detail(db, record_id).steps[-1].remark == "考察不合格"
