"""A member's organization changed in the member editor: a transfer within the district
(转出 and 转入, audited, in the member's history) or the correction of an entry error (no
change; the member's records say the right organization), and the moves refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, MemberChange, Organization, PartyMember
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.member_changes import MemberChangeKind, OrganizationMove
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import member_editing
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    issue_transfer,
    receive_transfer,
    transfer_in_from_outside,
)
from pbc_desktop.services.party_stats.tables import party_statistics
from tests.factories import complete_fields, make_org
from tests.member_move_helpers import change_history, organization_of

OLD, NEW = "上底村党支部", "下底村党支部"


@pytest.fixture
def orgs(db: Database) -> tuple[int, int]:
    return make_org(db, OLD), make_org(db, NEW)


def _input(name: str, org: int) -> member_editing.MemberInput:
    fields = {**complete_fields(), "joined_on": date(2000, 7, 1)}
    return member_editing.MemberInput(name=name, organization_id=org, **fields)


def _from_outside(db: Database, name: str, org: int) -> int:
    return transfer_in_from_outside(
        db, _input(name, org), from_unit="外区某党支部", received_on=date(2010, 3, 1)
    )


def _move(
    db: Database,
    member_id: int,
    org: int,
    move: OrganizationMove | None = None,
    on: date | None = date(2025, 6, 1),
) -> None:
    data = member_editing.get_member_input(db, member_id)
    member_editing.update_member(
        db, member_id, replace(data, organization_id=org), move=move, moved_on=on
    )


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            int(s.scalar(select(func.count(MemberChange.id))) or 0),
            int(s.scalar(select(func.count(AuditEntry.id))) or 0),
        )


def test_a_transfer_is_recorded_audited_and_shown_in_the_history(
    db: Database, orgs: tuple[int, int]
) -> None:
    old, new = orgs
    member_id = _from_outside(db, "张三", old)
    _move(db, member_id, new, OrganizationMove.TRANSFER)
    assert change_history(db, member_id) == [
        ("转入", OLD, "外区某党支部"),
        ("转出", OLD, NEW),
        ("转入", NEW, OLD),
    ]
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert (member.organization_id, member.status) == (new, MembershipStatus.NORMAL)
        summaries = list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id)))[-3:]
        remarks = set(s.scalars(select(MemberChange.remark).where(MemberChange.id > 1)))
    assert summaries == [
        "修改党员 张三",
        "党员 张三 转出（2025-06-01）",
        "党员 张三 转入（2025-06-01）",
    ]
    assert remarks == {"在党员信息中调整党组织（本区内转接）"}


def test_a_member_out_of_contact_stays_so_after_a_transfer(
    db: Database, orgs: tuple[int, int]
) -> None:
    old, new = orgs
    member_id = member_editing.create_member(
        db, replace(_input("张三", old), status=MembershipStatus.LOST_CONTACT)
    )
    _move(db, member_id, new)  # on the roll: a transfer unless told
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert member.status is MembershipStatus.LOST_CONTACT
    assert [kind for kind, _org, _other in change_history(db, member_id)] == ["转出", "转入"]


def test_a_correction_records_no_change_and_puts_the_members_records_right(
    db: Database, orgs: tuple[int, int]
) -> None:
    """The member was entered (here: transferred in from outside) into the wrong branch:
    no 转出/转入 is recorded, the 转入 says the right one, and every year's statistics
    count the member there and not in the old one."""
    old, new = orgs
    member_id = _from_outside(db, "张三", old)
    _move(db, member_id, new, OrganizationMove.CORRECTION)
    assert change_history(db, member_id) == [("转入", NEW, "外区某党支部")]
    for year in (2010, 2024, 2025):
        old_stats = party_statistics(db, year, organization_id=old)
        new_stats = party_statistics(db, year, organization_id=new)
        assert (old_stats.members, new_stats.members) == (0, 1), year
    changes = party_statistics(db, 2010, organization_id=new).table("changes")
    assert changes.value("转入") == 1
    with db.read() as s:
        summaries = list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id)))[-2:]
    assert summaries == [
        "修改党员 张三",
        "更正党员 张三 的所在党组织（录入错误），增减记录随之更正",
    ]


def test_a_member_who_left_is_corrected_never_transferred(
    db: Database, orgs: tuple[int, int]
) -> None:
    old, new = orgs
    member_id = member_editing.create_member(db, _input("张三", old))
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2024, 3, 1)))
    before = _counts(db)
    with pytest.raises(ValidationError, match="不在册") as info:
        _move(db, member_id, new, OrganizationMove.TRANSFER)
    assert info.value.fields() == ["organization"]
    assert _counts(db) == before and organization_of(db, member_id) == old
    _move(db, member_id, new)  # unsaid: a correction (a member off the roll moves nowhere)
    assert change_history(db, member_id) == [("死亡", NEW, "")]
    assert party_statistics(db, 2024, organization_id=new).table("changes").value("死亡") == 1


def test_refused_transfers_write_nothing(db: Database, orgs: tuple[int, int]) -> None:
    old, new = orgs
    member_id = _from_outside(db, "张三", old)
    with db.write() as s:
        org = s.get(Organization, new)
        assert org is not None
        org.end_date = date(2024, 12, 31)
    before = _counts(db)
    cases = [
        (date(2025, 6, 1), "已于2024-12-31结束"),
        (date(2009, 6, 1), "转接日期不能早于该党员上一次变动的日期（2010-03-01，转入）"),
        (date(2099, 1, 1), "转接日期不能晚于今天"),
    ]
    for on, said in cases:
        with pytest.raises(ValidationError, match=said) as info:
            _move(db, member_id, new, OrganizationMove.TRANSFER, on=on)
        assert info.value.fields() == ["organization"]
    # the dates are checked as for any other change (leaving.change_date_error)
    assert str(info.value) == "转接日期不能晚于今天"
    assert _counts(db) == before and organization_of(db, member_id) == old


def test_a_member_on_the_roll_is_not_corrected_into_an_ended_organization(
    db: Database, orgs: tuple[int, int]
) -> None:
    """Its roll would hold a member on the roll; one who died may still be corrected into
    it, where they were."""
    old, new = orgs
    member_id = member_editing.create_member(db, _input("张三", old))
    dead_id = member_editing.create_member(db, _input("李四", old))
    leave_member(db, dead_id, LeavingInput(MemberChangeKind.DECEASED, date(2024, 3, 1)))
    with db.write() as s:
        org = s.get(Organization, new)
        assert org is not None
        org.end_date = date(2024, 12, 31)
    before = _counts(db)
    with pytest.raises(ValidationError) as info:
        _move(db, member_id, new, OrganizationMove.CORRECTION)
    assert info.value.fields() == ["organization"]
    assert info.value.errors[0].message == f"{NEW}已于2024-12-31结束，不能再转入党员"
    assert _counts(db) == before and organization_of(db, member_id) == old
    _move(db, member_id, new, OrganizationMove.CORRECTION, on=date(2024, 12, 31))  # its last day
    assert organization_of(db, member_id) == new
    _move(db, dead_id, new)  # off the roll: a correction
    assert organization_of(db, dead_id) == new
    assert change_history(db, dead_id) == [("死亡", NEW, "")]


def test_a_member_received_by_letter_is_not_corrected_as_an_entry_error(
    db: Database, orgs: tuple[int, int]
) -> None:
    old, new = orgs
    third = make_org(db, "中底村党支部")
    member_id = member_editing.create_member(db, _input("张三", third))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=old, issued_on=date(2024, 3, 1))
    )
    receive_transfer(db, letter, date(2024, 3, 5))
    before = _counts(db)
    with pytest.raises(ValidationError, match="经介绍信（2024-001）转入现在的党组织"):
        _move(db, member_id, new, OrganizationMove.CORRECTION)
    assert _counts(db) == before and organization_of(db, member_id) == old
    _move(db, member_id, new, OrganizationMove.TRANSFER)
    assert change_history(db, member_id)[-2:] == [("转出", OLD, NEW), ("转入", NEW, OLD)]


def test_a_transfer_is_not_corrected_into_a_transfer_to_the_same_organization(
    db: Database, orgs: tuple[int, int]
) -> None:
    """Moved to the new branch by mistake and 'corrected' back: the 转出 and 转入 would
    then both say the old branch (a transfer from it to itself); refused, nothing
    written, the way back being a transfer."""
    old, new = orgs
    member_id = member_editing.create_member(db, _input("张三", old))
    _move(db, member_id, new, OrganizationMove.TRANSFER)
    before = _counts(db)
    with pytest.raises(
        ValidationError, match=f"更正为“{OLD}”后，这次转接将成为从“{OLD}”转到“{OLD}”本身"
    ) as info:
        _move(db, member_id, old, OrganizationMove.CORRECTION)
    assert info.value.fields() == ["organization"]
    assert _counts(db) == before and organization_of(db, member_id) == new
    _move(db, member_id, old, OrganizationMove.TRANSFER)
    assert change_history(db, member_id) == [
        ("转出", OLD, NEW),
        ("转入", NEW, OLD),
        ("转出", NEW, OLD),
        ("转入", OLD, NEW),
    ]
