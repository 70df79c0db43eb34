"""增减方式 instead of deletion: a member leaves by a change, drops off the current rolls,
stays in the history, the roll at an earlier date and the year's counts; only a record
entered by mistake is deleted, by an administrator, within the allowed days."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, MemberChange, PartyMember, PostReport
from pbc_desktop.domain.enums import AuditAction, MembershipStatus, PostReportStatus
from pbc_desktop.domain.member_changes import (
    MISTAKE_DAYS,
    LeavingKind,
    MemberChangeKind,
    MemberRoll,
)
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import (
    ConflictError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)
from pbc_desktop.services import member_editing, member_export, members
from pbc_desktop.services.member_changes import count_changes
from pbc_desktop.services.member_changes.leaving import (
    LeavingInput,
    leave_member,
    leaving_refusal,
    member_changes,
    restore_member,
)
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_id, make_member, make_org
from tests.scope_factories import village_actor

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


CURRENT = MemberQuery()


def names(db: Database, query: MemberQuery = CURRENT) -> set[str]:
    return {r.name for r in members.list_members(db, query, PageRequest())}


def typed(name: str, org: int, seq: int, **fields: object) -> MemberInput:
    return MemberInput(name=name, organization_id=org, id_number=make_id(seq=seq), **fields)  # type: ignore[arg-type]


@pytest.fixture
def org(db: Database) -> int:
    return make_org(db, "甲村党支部")


def test_a_member_who_dies_leaves_the_current_rolls_and_stays_in_history(
    db: Database, org: int
) -> None:
    gone = make_member(db, "李四", org, joined_on=date(1990, 7, 1))
    make_member(db, "张三", org, joined_on=date(2000, 7, 1))
    with db.write() as s:
        s.add(PostReport(member_id=gone, organization_id=org, reported_on=date(2025, 1, 5)))
    leave_member(db, gone, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 10)))

    assert names(db) == {"张三"}
    assert members.count_members(db, MemberQuery()) == 1
    assert names(db, MemberQuery(roll=MemberRoll.LEFT)) == {"李四"}
    assert names(db, MemberQuery(roll=MemberRoll.ALL)) == {"张三", "李四"}
    # the roll at a date before: still there; after: gone
    assert names(db, MemberQuery(as_of=date(2026, 3, 9))) == {"张三", "李四"}
    assert names(db, MemberQuery(as_of=date(2026, 3, 10))) == {"张三"}
    assert [r.name for r in member_export.get_roster(db, org).rows] == ["张三"]
    earlier = member_export.get_roster(db, org, as_of=date(2025, 12, 31))
    assert {r.name for r in earlier.rows} == {"张三", "李四"}
    # the organization counts its members on the roll
    from pbc_desktop.services import organizations

    [org_row] = organizations.list_organizations(db, organizations.OrgQuery(), PageRequest())
    assert org_row.member_count == 1
    # the year's count, the member's history, the post ended
    assert count_changes(db, *YEAR)[MemberChangeKind.DECEASED] == 1
    [change] = member_changes(db, gone)
    assert (change.kind, change.occurred_on, change.organization_name) == (
        MemberChangeKind.DECEASED,
        date(2026, 3, 10),
        "甲村党支部",
    )
    with db.read() as s:
        member = s.get(PartyMember, gone)
        assert member is not None and member.status is MembershipStatus.DECEASED
        report = s.scalars(select(PostReport)).one()
        assert (report.status, report.ended_on) == (PostReportStatus.ENDED, date(2026, 3, 10))


def test_leaving_the_party_needs_its_kind_and_a_date_not_before_joining(
    db: Database, org: int
) -> None:
    member_id = make_member(db, "王五", org, joined_on=date(2010, 7, 1))
    with pytest.raises(ValidationError) as info:
        leave_member(db, member_id, LeavingInput(MemberChangeKind.LEFT_PARTY, date(2009, 1, 1)))
    assert sorted(info.value.fields()) == ["leaving_kind", "occurred_on"]
    with pytest.raises(ValidationError) as info:
        leave_member(
            db, member_id, LeavingInput(MemberChangeKind.DECEASED, date.today() + timedelta(1))
        )
    assert info.value.fields() == ["occurred_on"]
    with pytest.raises(ValidationError) as info:
        leave_member(
            db, member_id, LeavingInput(MemberChangeKind.TRANSFERRED_OUT, date(2026, 1, 2))
        )
    assert info.value.fields() == ["other_unit"]
    leave_member(
        db,
        member_id,
        LeavingInput(MemberChangeKind.LEFT_PARTY, date(2026, 2, 1), LeavingKind.EXPELLED),
    )
    with db.read() as s:
        assert s.get(PartyMember, member_id).status is MembershipStatus.LEFT_PARTY  # type: ignore[union-attr]
    # gone once: not again
    assert leaving_refusal(db, member_id) is not None
    with pytest.raises(ConflictError):
        leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 1)))
    assert count_changes(db, *YEAR)[MemberChangeKind.LEFT_PARTY] == 1


def test_a_suspended_member_is_restored_to_the_roll(db: Database, org: int) -> None:
    member_id = make_member(db, "赵六", org)
    leave_member(db, member_id, LeavingInput(MemberChangeKind.SUSPENDED, date(2025, 6, 1)))
    assert names(db) == set()
    restore_member(db, member_id, date(2026, 6, 1), "处分期满")
    assert names(db) == {"赵六"}
    assert names(db, MemberQuery(as_of=date(2025, 12, 31))) == set()
    assert names(db, MemberQuery(as_of=date(2025, 5, 31))) == {"赵六"}
    kinds = [c.kind for c in member_changes(db, member_id)]
    assert kinds == [MemberChangeKind.SUSPENDED, MemberChangeKind.RESTORED]
    with pytest.raises(ConflictError):  # only a suspended member
        restore_member(db, member_id, date(2026, 7, 1), None)


def test_restoring_over_a_change_made_meanwhile_is_refused(db: Database, org: int) -> None:
    member_id = member_editing.create_member(db, typed("赵六", org, 112))
    leave_member(db, member_id, LeavingInput(MemberChangeKind.SUSPENDED, date(2025, 6, 1)))
    read = member_editing.get_member_input(db, member_id).version
    edited = member_editing.get_member_input(db, member_id)
    member_editing.update_member(db, member_id, replace(edited, phone="13800138000"))
    with pytest.raises(StaleEditError, match="修改，请关闭后重新打开再保存"):
        restore_member(db, member_id, date(2026, 6, 1), None, read)
    assert names(db) == set()
    again = member_editing.get_member_input(db, member_id).version
    restore_member(db, member_id, date(2026, 6, 1), None, again)
    assert names(db) == {"赵六"}


def test_the_editor_cannot_move_a_member_off_the_roll(db: Database, org: int) -> None:
    member_id = member_editing.create_member(db, typed("钱七", org, 111))
    data = member_editing.get_member_input(db, member_id)
    with pytest.raises(ValidationError) as info:
        member_editing.update_member(db, member_id, replace(data, status=MembershipStatus.DECEASED))
    assert info.value.fields() == ["status"]
    with pytest.raises(ValidationError):
        member_editing.create_member(db, typed("孙八", org, 113, status=MembershipStatus.SUSPENDED))
    # 失联 is a marker of a member still on the roll
    member_editing.update_member(db, member_id, replace(data, status=MembershipStatus.LOST_CONTACT))
    assert names(db) == {"钱七"}
    # a member who left keeps the status the change gave (said once: not “已已故”)
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 1)))
    data = member_editing.get_member_input(db, member_id)
    with pytest.raises(ValidationError) as info:
        member_editing.update_member(db, member_id, replace(data, status=MembershipStatus.NORMAL))
    assert str(info.value) == "该党员现为“已故”，状态由党员增减记录决定，不能在此修改"


def test_only_an_administrator_deletes_a_mistake_and_only_within_the_days(
    db: Database, org: int
) -> None:
    fresh = member_editing.create_member(db, typed("误录", org, 115))
    old = member_editing.create_member(db, typed("老党员", org, 117))
    with db.write() as s:
        long_ago = datetime.now(UTC) - timedelta(days=MISTAKE_DAYS + 1)
        s.execute(update(PartyMember).where(PartyMember.id == old).values(created_at=long_ago))
    assert member_editing.deletion_refusal(db, old) is not None
    with pytest.raises(PermissionDeniedError, match="超过"):
        member_editing.delete_member(db, old)
    admin = db.user
    db.user = village_actor(db, org)
    assert member_editing.deletion_refusal(db, fresh) is not None
    with pytest.raises(PermissionDeniedError, match="系统管理员"):
        member_editing.delete_member(db, fresh)
    db.user = admin
    assert member_editing.deletion_refusal(db, fresh) is None
    member_editing.delete_member(db, fresh)
    with db.read() as s:
        assert s.scalars(select(PartyMember.name)).all() == ["老党员"]
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.DELETE)).one()
        assert "误录" in entry.summary


def test_a_deleted_mistake_takes_its_changes_along(db: Database, org: int) -> None:
    member_id = member_editing.create_member(db, typed("重复录入", org, 119))
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 1, 3)))
    member_editing.delete_member(db, member_id)
    with db.read() as s:
        assert s.scalars(select(MemberChange)).all() == []
        assert s.scalars(select(PartyMember)).all() == []


def test_the_rolls_of_members_out_of_contact_and_away(db: Database, org: int) -> None:
    """Of the members on the roll: those marked 失联, and those away (流动党员) now or at a
    date; a member who left is on neither."""
    from pbc_desktop.services.member_changes.mobile import StayInput, end_stay, start_stay

    make_member(db, "在家", org)
    make_member(db, "失联者", org, status=MembershipStatus.LOST_CONTACT)
    away = make_member(db, "外出者", org)
    back = make_member(db, "已回者", org)
    gone = make_member(db, "已故者", org, status=MembershipStatus.LOST_CONTACT)
    start_stay(db, away, StayInput(date(2026, 2, 1), "深圳市南山区"))
    stay = start_stay(db, back, StayInput(date(2026, 1, 10), "广州市天河区"))
    end_stay(db, stay, date(2026, 3, 1))
    leave_member(db, gone, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 10)))

    assert names(db, MemberQuery(roll=MemberRoll.LOST_CONTACT)) == {"失联者"}
    assert names(db, MemberQuery(roll=MemberRoll.AWAY)) == {"外出者"}
    assert names(db, MemberQuery(roll=MemberRoll.AWAY, as_of=date(2026, 2, 15))) == {
        "外出者",
        "已回者",
    }
    assert names(db, MemberQuery(roll=MemberRoll.AWAY, as_of=date(2026, 1, 20))) == {"已回者"}
    assert members.count_members(db, MemberQuery(roll=MemberRoll.LOST_CONTACT)) == 1


def test_a_leaving_dated_before_the_members_last_change_is_refused(db: Database) -> None:
    """A member transferred in on 1 June who is recorded as dead on 1 March: the roll of
    any later day went by the latest change (the 转入) and still counted the member."""
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )

    first = make_org(db, "甲村党支部")
    second = make_org(db, "乙村党支部")
    member_id = make_member(db, "李四", first, joined_on=date(1990, 7, 1))
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=second, issued_on=date(2026, 5, 28))
    )
    receive_transfer(db, letter, date(2026, 6, 1))
    with pytest.raises(ValidationError) as caught:
        leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 3, 1)))
    assert caught.value.fields() == ["occurred_on"]
    assert "2026-06-01" in str(caught.value) and "转入" in str(caught.value)
    assert names(db) == {"李四"}
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2026, 6, 1)))
    assert names(db, MemberQuery(as_of=date(2026, 12, 1))) == set()


def test_a_restoring_dated_before_the_suspension_is_refused(db: Database, org: int) -> None:
    member_id = make_member(db, "李四", org, joined_on=date(1990, 7, 1))
    leave_member(db, member_id, LeavingInput(MemberChangeKind.SUSPENDED, date(2026, 3, 1)))
    with pytest.raises(ValidationError) as caught:
        restore_member(db, member_id, date(2026, 2, 1), None)
    assert caught.value.fields() == ["occurred_on"]
    assert names(db) == set()


def test_only_a_probationary_member_s_probation_is_cancelled_here(db: Database, org: int) -> None:
    """取消预备党员资格 of a full member was taken; of one admitted through the 发展党员
    records it left their record 预备党员, its 转正 reminded of for one who had left."""
    from pbc_desktop.domain.development import DevelopmentStage
    from pbc_desktop.domain.enums import MemberCategory
    from pbc_desktop.services.development import detail
    from tests.development_factories import make_record

    cancelled = LeavingInput(
        MemberChangeKind.LEFT_PARTY, date(2026, 3, 1), LeavingKind.PROBATION_CANCELLED
    )
    full = make_member(db, "王五", org, joined_on=date(2010, 7, 1), category=MemberCategory.FULL)
    with pytest.raises(ValidationError, match="只有预备党员才能取消预备党员资格") as info:
        leave_member(db, full, cancelled)
    assert info.value.fields() == ["leaving_kind"]
    record_id = make_record(db, "王芳", org, DevelopmentStage.PROBATIONARY)
    admitted = detail.get_development_detail(db, record_id).member_id
    assert admitted is not None
    with pytest.raises(ValidationError, match="请在“发展党员”中办理取消预备党员资格"):
        leave_member(db, admitted, cancelled)
    assert names(db) == {"王五", "王芳"}
    entered = make_member(  # a probationary member of a roster, with no record here
        db, "赵六", org, joined_on=date(2025, 7, 1), category=MemberCategory.PROBATIONARY
    )
    leave_member(db, entered, cancelled)
    assert names(db) == {"王五", "王芳"}
