"""发展党员 steps that act on the member made at admission (取消预备党员资格 takes them off
the roll, 转正 confirms them, a corrected branch meeting moves their joining), checked
against what the member's changes say: a member off the roll, a letter of transfer on its
way, a later change, and the organization the member moved to."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, MemberChange, PartyMember
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import MemberCategory, MembershipStatus
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.services.development import editing, records
from pbc_desktop.services.development.records import StepInput
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    issue_transfer,
    receive_transfer,
)
from tests.development_factories import TODAY, make_record
from tests.scope_factories import TwoTowns, two_towns, village_actor


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def _probationary(db: Database, org: int) -> tuple[int, int]:
    """A record admitted on 2025-03-01 and the member it made."""
    record_id = make_record(db, "王芳", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None and record.member_id is not None
        return record_id, record.member_id


def _member(db: Database, member_id: int) -> tuple[MembershipStatus, MemberCategory, list[str]]:
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        kinds = s.scalars(
            select(MemberChange.kind).where(MemberChange.member_id == member_id)
        ).all()
        return member.status, member.category, [k.value for k in kinds]


def _moved_in(db: Database, member_id: int, to_org: int) -> None:
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=to_org, issued_on=date(2025, 6, 1))
    )
    receive_transfer(db, letter, date(2025, 6, 5))


def test_a_member_who_died_is_neither_cancelled_nor_confirmed(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2025, 6, 1)))
    before = _member(db, member_id)
    with pytest.raises(ConflictError, match="已不在册"):
        records.record_step(
            db, record_id, StepInput(Step.CANCELLATION, date(2025, 9, 1), remark="x"), today=TODAY
        )
    with pytest.raises(ConflictError, match=r"2025-06-01死亡.*不能在此之后转正"):
        records.record_step(
            db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY
        )
    assert (
        _member(db, member_id)
        == before
        == (
            MembershipStatus.DECEASED,
            MemberCategory.PROBATIONARY,
            ["developed", "deceased"],
        )
    )


def test_no_step_of_the_probation_after_the_member_left_the_district(
    db: Database, world: TwoTowns
) -> None:
    """A probationary member transferred to a unit outside: the branch they had left still
    recorded their 预备期考察 and 延长预备期 (and the 发展党员 list showed them on)."""
    record_id, member_id = _probationary(db, world.jia_two)
    letter = issue_transfer(
        db, member_id, TransferInput(to_unit="外省某党委", issued_on=date(2025, 6, 1))
    )
    receive_transfer(db, letter, date(2025, 6, 5))
    for step in (Step.PROBATION_REVIEW, Step.OATH, Step.APPROVAL):
        with pytest.raises(ConflictError, match=rf"2025-06-01转出.*不能在此之后记录“{step.zh}”"):
            records.record_step(db, record_id, StepInput(step, date(2025, 9, 1)), today=TODAY)
    with pytest.raises(ConflictError, match="不能在此之后记录“延长预备期”"):
        records.record_step(
            db, record_id, StepInput(Step.EXTENSION, date(2026, 3, 2), months=6), today=TODAY
        )
    # a review held before the member left is still recorded (entered late)
    records.record_step(
        db, record_id, StepInput(Step.PROBATION_REVIEW, date(2025, 5, 20)), today=TODAY
    )


def test_a_confirmation_dated_before_the_member_left_is_still_recorded(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 4, 1)))
    records.record_step(db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY)
    assert _member(db, member_id)[1] is MemberCategory.FULL


def test_no_cancellation_while_a_letter_of_transfer_is_on_its_way(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=date(2025, 6, 1))
    )
    with pytest.raises(ConflictError, match="待接收的组织关系介绍信"):
        records.record_step(
            db, record_id, StepInput(Step.CANCELLATION, date(2025, 6, 3), remark="x"), today=TODAY
        )
    # the receipt no longer brings a cancelled member back onto a roll
    receive_transfer(db, letter, date(2025, 6, 5))
    assert _member(db, member_id)[0] is MembershipStatus.NORMAL
    assert "left_party" not in _member(db, member_id)[2]


def test_a_cancellation_is_not_dated_before_the_members_last_change(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    _moved_in(db, member_id, world.yi_one)
    with pytest.raises(ValidationError, match="不能早于该党员上一次变动的日期（2025-06-05，转入）"):
        records.record_step(
            db, record_id, StepInput(Step.CANCELLATION, date(2025, 5, 3), remark="x"), today=TODAY
        )
    assert _member(db, member_id)[0] is MembershipStatus.NORMAL


def test_the_record_goes_with_the_member_to_the_receiving_organization(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    _moved_in(db, member_id, world.yi_one)
    db.user = village_actor(db, world.jia_two)  # the sender no longer confirms them
    with pytest.raises(NotFoundError):
        records.record_step(
            db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY
        )
    db.user = village_actor(db, world.yi_one)  # the receiving organization does
    records.record_step(db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY)
    assert _member(db, member_id)[1] is MemberCategory.FULL


def test_a_corrected_branch_meeting_stays_before_the_members_later_changes(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    _moved_in(db, member_id, world.yi_one)
    with pytest.raises(ValidationError, match="不能晚于该党员之后的变动（2025-06-05，转出）"):
        editing.correct_latest_step(
            db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 9, 1)), today=TODAY
        )
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.joined_on == date(2025, 3, 1)
    editing.correct_latest_step(
        db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 3, 3)), today=TODAY
    )


def test_a_corrected_confirmation_stays_before_the_member_left(
    db: Database, world: TwoTowns
) -> None:
    record_id, member_id = _probationary(db, world.jia_two)
    records.record_step(db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY)
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 4, 1)))
    with pytest.raises(ConflictError, match="2026-04-01死亡"):
        editing.correct_latest_step(
            db, record_id, StepInput(Step.CONFIRMATION, date(2026, 5, 1)), today=TODAY
        )
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.confirmed_on == date(2026, 3, 2)
    editing.correct_latest_step(
        db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 3)), today=TODAY
    )
