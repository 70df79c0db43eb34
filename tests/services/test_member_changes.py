"""The member change records (增减方式): the models, record_change and count_changes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AuditEntry,
    MemberChange,
    MemberTransfer,
    MobileMember,
    PartyMember,
)
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.member_changes import (
    KIND_OF_STATUS,
    LeavingKind,
    MemberChangeKind,
    TransferState,
)
from pbc_desktop.errors import StaleEditError, ValidationError
from pbc_desktop.services.member_changes import count_changes, record_change
from tests.scope_factories import TwoTowns, district_actor, town_actor, two_towns, village_actor


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def _record(
    db: Database, member_id: int, kind: MemberChangeKind, on: date, **details: object
) -> int:
    with db.write() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        return record_change(s, member, kind, on, **details).id


def test_a_change_is_stored_audited_and_sets_the_status(db: Database, world: TwoTowns) -> None:
    change_id = _record(
        db,
        world.member_jia_two,
        MemberChangeKind.LEFT_PARTY,
        date(2026, 3, 1),
        leaving_kind=LeavingKind.EXPELLED,
        remark="违纪",
    )
    with db.read() as s:
        change = s.get(MemberChange, change_id)
        assert change is not None
        assert change.kind is MemberChangeKind.LEFT_PARTY
        assert change.leaving_kind is LeavingKind.EXPELLED
        assert change.organization_id == world.jia_two  # the member's organization then
        assert change.member.status is MembershipStatus.LEFT_PARTY
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_uuid == change.uuid)).one()
        assert "出党" in entry.summary


def test_leaving_the_party_needs_its_kind_and_only_it_has_one(
    db: Database, world: TwoTowns
) -> None:
    with pytest.raises(ValidationError):
        _record(db, world.member_jia_two, MemberChangeKind.LEFT_PARTY, date(2026, 3, 1))
    with pytest.raises(ValidationError):
        _record(
            db,
            world.member_jia_two,
            MemberChangeKind.DECEASED,
            date(2026, 3, 1),
            leaving_kind=LeavingKind.REMOVED,
        )
    with db.read() as s:
        assert s.scalars(select(MemberChange)).all() == []
        assert s.get(PartyMember, world.member_jia_two).status is MembershipStatus.NORMAL  # type: ignore[union-attr]


def test_an_entry_moves_the_member_into_its_organization(db: Database, world: TwoTowns) -> None:
    _record(
        db,
        world.member_yi_one,
        MemberChangeKind.TRANSFERRED_OUT,
        date(2026, 4, 1),
        other_organization_id=world.jia_two,
    )
    _record(
        db,
        world.member_yi_one,
        MemberChangeKind.TRANSFERRED_IN,
        date(2026, 4, 9),
        organization_id=world.jia_two,
        other_organization_id=world.yi_one,
    )
    with db.read() as s:
        member = s.get(PartyMember, world.member_yi_one)
        assert member is not None
        assert member.organization_id == world.jia_two
        assert member.status is MembershipStatus.NORMAL
        orgs = [
            c.organization_id for c in s.scalars(select(MemberChange).order_by(MemberChange.id))
        ]
        assert orgs == [world.yi_one, world.jia_two]


def test_changes_are_counted_by_kind_in_the_period_and_the_scope(
    db: Database, world: TwoTowns
) -> None:
    _record(db, world.member_jia_one, MemberChangeKind.DECEASED, date(2026, 2, 1))
    _record(db, world.member_jia_one_first, MemberChangeKind.TRANSFERRED_OUT, date(2026, 5, 1))
    _record(db, world.member_jia_two, MemberChangeKind.SUSPENDED, date(2025, 12, 31))
    _record(db, world.member_yi_one, MemberChangeKind.DECEASED, date(2026, 7, 1))
    year = (date(2026, 1, 1), date(2026, 12, 31))
    db.user = district_actor(db)
    counts = count_changes(db, *year)
    assert set(counts) == set(MemberChangeKind)
    assert counts[MemberChangeKind.DECEASED] == 2
    assert counts[MemberChangeKind.TRANSFERRED_OUT] == 1
    assert counts[MemberChangeKind.SUSPENDED] == 0  # the year before
    assert count_changes(db, *year, town="乙镇")[MemberChangeKind.DECEASED] == 1
    under_jia_one = count_changes(db, *year, organization_id=world.jia_one)
    assert under_jia_one[MemberChangeKind.DECEASED] == 1
    assert under_jia_one[MemberChangeKind.TRANSFERRED_OUT] == 1  # its branch below
    db.user = town_actor(db, "甲镇")
    assert count_changes(db, *year)[MemberChangeKind.DECEASED] == 1
    db.user = village_actor(db, world.jia_two)
    assert sum(count_changes(db, *year).values()) == 0
    assert count_changes(db, *year, town="乙镇")[MemberChangeKind.DECEASED] == 0


def test_a_member_with_changes_cannot_be_deleted_underneath_them(
    db: Database, world: TwoTowns
) -> None:
    _record(db, world.member_jia_two, MemberChangeKind.DECEASED, date(2026, 2, 1))
    with pytest.raises(StaleEditError) as refused, db.write() as s:
        s.delete(s.get(PartyMember, world.member_jia_two))
    assert isinstance(refused.value.__cause__, IntegrityError)  # the database's own refusal


def test_transfers_and_stays_away_are_stored(db: Database, world: TwoTowns) -> None:
    with db.write() as s:
        s.add(
            MemberTransfer(
                member_id=world.member_jia_two,
                from_organization_id=world.jia_two,
                to_unit="广州市某街道党工委",
                letter_number="2026-001",
                issued_on=date(2026, 5, 1),
            )
        )
        s.add(
            MobileMember(
                member_id=world.member_jia_one,
                left_on=date(2025, 3, 1),
                whereabouts="广东省深圳市",
                contact_phone="13800001111",
                managing_organization_id=world.yi_one,
            )
        )
    with db.read() as s:
        transfer = s.scalars(select(MemberTransfer)).one()
        assert transfer.state is TransferState.PENDING
        assert transfer.valid_days == 30
        assert s.scalars(select(MobileMember)).one().returned_on is None


def test_each_off_roll_status_has_the_change_it_comes_from() -> None:
    assert KIND_OF_STATUS == {
        MembershipStatus.TRANSFERRED_OUT: MemberChangeKind.TRANSFERRED_OUT,
        MembershipStatus.DECEASED: MemberChangeKind.DECEASED,
        MembershipStatus.LEFT_PARTY: MemberChangeKind.LEFT_PARTY,
        MembershipStatus.SUSPENDED: MemberChangeKind.SUSPENDED,
    }


def test_a_status_set_without_a_change_gets_one(db: Database, world: TwoTowns) -> None:
    """An imported roster says 已故, or 正常 again after 停止党籍: the change is recorded."""
    from pbc_desktop.services.member_changes.recording import reconcile_statuses

    _record(db, world.member_jia_one, MemberChangeKind.SUSPENDED, date(2025, 1, 1))
    with db.write() as s:
        s.get(PartyMember, world.member_jia_two).status = MembershipStatus.DECEASED  # type: ignore[union-attr]
        s.get(PartyMember, world.member_jia_one).status = MembershipStatus.NORMAL  # type: ignore[union-attr]
    with db.write() as s:
        assert reconcile_statuses(s, date(2026, 5, 1), "导入", PartyMember.id > 0) == 2
    with db.write() as s:  # once only
        assert reconcile_statuses(s, date(2026, 5, 2), "导入", PartyMember.id > 0) == 0
    with db.read() as s:
        kinds = {
            (c.member_id, c.kind)
            for c in s.scalars(
                select(MemberChange).where(MemberChange.occurred_on == date(2026, 5, 1))
            )
        }
    assert kinds == {
        (world.member_jia_two, MemberChangeKind.DECEASED),
        (world.member_jia_one, MemberChangeKind.RESTORED),
    }
