"""Members, their editing, exports and rosters limited to the acting account's scope; full
ID numbers only with the permission, and each use audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, PartyMember, PostReport
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services import member_editing, member_export, members
from pbc_desktop.services.development import listing as development_listing
from pbc_desktop.services.development import records as development
from pbc_desktop.services.development.listing import DevelopmentQuery
from pbc_desktop.services.member_changes import transfers
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_id, make_member
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)

ALL = MemberQuery()
PAGE = PageRequest()


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def listed(db: Database) -> set[str]:
    return {r.name for r in members.list_members(db, ALL, PAGE)}


def test_each_account_lists_the_members_of_its_own_organizations(
    db: Database, world: TwoTowns
) -> None:
    db.user = district_actor(db)
    assert listed(db) == {"甲一党员", "甲一支部党员", "甲二党员", "乙一党员"}
    db.user = town_actor(db, "甲镇")
    assert listed(db) == {"甲一党员", "甲一支部党员", "甲二党员"}
    assert members.count_members(db, ALL) == 3
    db.user = village_actor(db, world.jia_one)
    assert listed(db) == {"甲一党员", "甲一支部党员"}  # its organization and the one below
    # a filter naming another organization does not widen the scope
    assert members.list_members(db, MemberQuery(organization_id=world.yi_one), PAGE) == []
    db.user = viewer_actor(db, town="乙镇")
    assert listed(db) == {"乙一党员"}


def test_a_member_out_of_scope_is_not_found(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_one)
    assert members.get_member_detail(db, world.member_jia_one_first).name == "甲一支部党员"
    for read in (
        lambda: members.get_member_detail(db, world.member_yi_one),
        lambda: member_editing.get_member_input(db, world.member_jia_two),
        lambda: member_editing.deletion_impact(db, world.member_yi_one),
        lambda: member_editing.delete_member(db, world.member_yi_one),
    ):
        with pytest.raises(NotFoundError, match="找不到该党员"):
            read()


def test_changes_stay_inside_the_own_organizations(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    new = MemberInput(
        name="新党员", organization_id=world.jia_two, id_number=make_id("19900101", "123")
    )
    created = member_editing.create_member(db, new)
    with pytest.raises(PermissionDeniedError, match="其他党组织"):
        member_editing.create_member(
            db,
            MemberInput(
                name="外村", organization_id=world.yi_one, id_number=make_id("19900102", "123")
            ),
        )
    moved = member_editing.get_member_input(db, created)
    with pytest.raises(PermissionDeniedError):  # not moved out of its scope either
        member_editing.update_member(db, created, replace(moved, organization_id=world.jia_one))
    with pytest.raises(PermissionDeniedError, match="系统管理员"):  # a mistake: the district's
        member_editing.delete_member(db, created)


def test_a_viewer_changes_nothing(db: Database, world: TwoTowns) -> None:
    db.user = viewer_actor(db, town="甲镇")
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        member_editing.create_member(
            db,
            MemberInput(
                name="某", organization_id=world.jia_two, id_number=make_id("19900103", "123")
            ),
        )
    with pytest.raises(PermissionDeniedError):
        member_editing.delete_member(db, world.member_jia_two)
    with pytest.raises(PermissionDeniedError):  # nor the editor's full numbers
        member_editing.get_member_input(db, world.member_jia_two)


def test_full_numbers_need_the_permission(db: Database, world: TwoTowns, tmp_path: Path) -> None:
    db.user = town_actor(db, "甲镇")
    for refused in (
        lambda: members.list_members(db, ALL, PAGE, unmasked=True),
        lambda: members.get_member_detail(db, world.member_jia_two, unmasked=True),
        lambda: member_export.export_members(db, ALL, tmp_path / "x.xlsx", unmasked=True),
        lambda: member_export.get_roster(db, world.jia_two, unmasked=True),
        lambda: member_export.record_unmasked_view(db),
        lambda: member_export.record_unmasked_export(
            db, what="党员名册", file_name="x.pdf", count=3, description="全部"
        ),
    ):
        with pytest.raises(PermissionDeniedError, match="完整的身份证号"):
            refused()
    assert not (tmp_path / "x.xlsx").exists()
    with db.read() as s:  # not even a forged record of an export it could not make
        assert not s.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT)
        ).all()
    db.user = district_actor(db)
    member_export.record_unmasked_view(db)
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT)).one()
    assert "显示完整身份证号" in entry.summary and entry.user_id == db.user.user_id


def test_exports_and_rosters_hold_only_the_scope(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    db.user = village_actor(db, world.jia_one)
    out = tmp_path / "members.xlsx"
    assert member_export.export_members(db, ALL, out).count == 2
    names = {
        row[0] for row in load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)
    }
    assert "乙一党员" not in names and "甲二党员" not in names
    assert member_export.get_roster(db, world.jia_one).count() == 1
    with pytest.raises(NotFoundError):
        member_export.get_roster(db, world.yi_one)
    with pytest.raises(NotFoundError):
        member_export.find_organization(db, "乙一村党支部")
    assert member_export.find_organization(db, "甲一村第一党支部")[0] == world.jia_one_first


def test_an_id_number_of_another_town_is_refused_without_naming_its_holder(
    db: Database, world: TwoTowns
) -> None:
    """Typing ID numbers into the editors tells a village account no one's name or branch
    outside its scope (only that the number is taken: a person is registered once)."""
    theirs, ours = make_id("19800101", "111"), make_id("19800102", "113")
    make_member(db, "乙一持证", world.yi_one, id_number=theirs)
    make_member(db, "甲二持证", world.jia_two, id_number=ours)
    db.user = village_actor(db, world.jia_two)
    refusals = []
    for number in (theirs, ours):
        with pytest.raises(ValidationError) as member:
            member_editing.create_member(
                db, MemberInput(name="新党员", organization_id=world.jia_two, id_number=number)
            )
        with pytest.raises(ValidationError) as applicant:
            development.create_applicant(
                db,
                development.ApplicantInput("申请人", world.jia_two, number, date(2025, 3, 1)),
                today=date(2026, 1, 5),
            )
        refusals.append((member.value.message, applicant.value.message))
    for text in refusals[0]:
        assert "同一人不能重复登记" in text and "其他党组织" in text
        assert "乙一" not in text
    for text in refusals[1]:  # one of its own is named, to find them
        assert "甲二持证" in text


def test_a_search_reads_no_hidden_digit_back_for_the_inspector(
    db: Database, world: TwoTowns
) -> None:
    """The inspector sees ID numbers by their last 4 and phones by their first 3 and last
    4: a search finds people by those, never by hidden digits (else typing each digit
    before the shown last 4 would read a whole ID number back, one digit at a time)."""
    number = make_id("19800101", "111")
    make_member(db, "号码党员", world.jia_two, id_number=number, phone="13912345678")
    development.create_applicant(
        db,
        development.ApplicantInput(
            "号码申请人", world.jia_two, make_id("19990101", "222"), date(2025, 3, 1)
        ),
        today=date(2026, 1, 5),
    )
    applicant_number = make_id("19990101", "222")

    def found(text: str) -> set[str]:
        query = MemberQuery(text=text)
        people = {r.name for r in members.list_members(db, query, PAGE)}
        assert members.count_members(db, query) == len(people)
        applicants = DevelopmentQuery(text=text)
        return people | {r.name for r in development_listing.list_development(db, applicants, PAGE)}

    db.user = viewer_actor(db, town="甲镇")
    for shown in (number[-4:], "139", "5678", applicant_number[-4:]):
        assert found(shown) & {"号码党员", "号码申请人"}, shown
    for hidden in (
        number,
        number[-5:],
        number[-8:],
        "1391234",
        "12345678",
        "1234",
        applicant_number,
    ):
        assert found(hidden) == set(), hidden
    db.user = town_actor(db, "甲镇")  # who may change them (and so see them in the editor)
    assert found(number) == {"号码党员"} and found("1234") == {"号码党员"}
    assert found(applicant_number) == {"号码申请人"}


def test_a_search_finds_a_short_phone_only_by_what_its_mask_shows(
    db: Database, world: TwoTowns
) -> None:
    """An 8-digit landline shows only its last 4 (``****4321``), a 7-digit one its last 2:
    the inspector's search finds neither by its first 3, nor the 7-digit one by its last 4
    (with both, 7 of 8 digits would be known)."""
    make_member(db, "座机党员", world.jia_two, phone="87654321")
    make_member(db, "短号党员", world.jia_two, phone="2765439")
    db.user = viewer_actor(db, town="甲镇")

    def found(text: str) -> set[str]:
        query = MemberQuery(text=text)
        people = {r.name for r in members.list_members(db, query, PAGE)}
        assert members.count_members(db, query) == len(people)
        return people

    assert [r.phone for r in members.list_members(db, MemberQuery(text="4321"), PAGE)] == [
        "****4321"
    ]
    assert found("21") == {"座机党员"} and found("39") == {"短号党员"}
    for hidden in ("876", "87", "276", "5439", "439"):
        assert found(hidden) == set(), hidden
    db.user = town_actor(db, "甲镇")
    assert found("876") == {"座机党员"} and found("5439") == {"短号党员"}


def test_a_member_moved_to_another_town_is_shown_without_what_that_office_keeps(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    """On a roll of a past date the member who has moved since to another town is read
    (where they went, as the letter said), but not what the new office keeps now: work
    unit, party post, remark, phone, posts and service there."""
    moved = make_member(db, "迁出党员", world.jia_two, complete=True, phone="13912345678")
    db.user = district_actor(db)
    letter = transfers.issue_transfer(
        db,
        moved,
        transfers.TransferInput(to_organization_id=world.yi_one, issued_on=date(2026, 3, 2)),
    )
    transfers.receive_transfer(db, letter, date(2026, 3, 5))
    with db.write() as s:
        member = s.get(PartyMember, moved)
        assert member is not None
        member.work_unit, member.party_post, member.remark = "乙镇新单位", "乙一组长", "乙镇备注"
        member.phone = "13700001111"
        s.add(
            PostReport(member_id=moved, organization_id=world.yi_town, reported_on=date(2026, 4, 1))
        )
    db.user = village_actor(db, world.jia_two)
    before = date(2026, 3, 1)
    detail = members.get_member_detail(db, moved, as_of=before)
    assert (detail.name, detail.organization_name) == ("迁出党员", "乙一村党支部")
    assert (detail.work_unit, detail.party_post, detail.remark, detail.phone) == (None,) * 3 + ("",)
    assert (detail.reports, detail.services) == ((), ())
    [row] = [r for r in members.list_members(db, MemberQuery(as_of=before), PAGE) if r.id == moved]
    assert (row.organization_name, row.phone) == ("甲二村党支部", "")
    roster = member_export.get_roster(db, world.jia_two, as_of=before)
    [line] = [r for r in roster.rows if r.name == "迁出党员"]
    assert (line.work_unit, line.party_post, line.phone) == (None, None, "")
    out = tmp_path / "past.xlsx"
    member_export.export_members(db, MemberQuery(as_of=before), out)
    sheet = "".join(
        str(v) for r in load_workbook(out).worksheets[0].iter_rows(values_only=True) for v in r
    )
    assert "迁出党员" in sheet and "乙" not in sheet and "1111" not in sheet
    db.user = town_actor(db, "乙镇")  # the new office sees all of it
    now = members.get_member_detail(db, moved)
    assert (now.work_unit, now.phone, len(now.reports)) == ("乙镇新单位", "137****1111", 1)
