"""Names in pinyin order in every listing and export, and found by their pinyin."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ActivityOrganization, Attendance
from pbc_desktop.domain.enums import AttendanceStatus
from pbc_desktop.services import communities, member_editing, members, organizations
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.services.activities.documents import get_activity_document
from pbc_desktop.services.activities.editing import member_choices
from pbc_desktop.services.member_export import export_members, get_roster
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.organizations import OrgInput, OrgQuery
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_activity, make_community, make_member, make_org

ALL = PageRequest(limit=1000)
PEOPLE = ("张伟", "李明", "曾强", "陈静", "章安", "单田芳")
#: chen, li, shan (单 as a surname), zeng (曾 as a surname), zhang 张, zhang 章
PEOPLE_IN_ORDER = ["陈静", "李明", "单田芳", "曾强", "张伟", "章安"]
ORGS = ("张村党支部", "大溪坝村党总支", "李村党支部", "安平社区党委")
ORGS_IN_ORDER = ["安平社区党委", "大溪坝村党总支", "李村党支部", "张村党支部"]


@pytest.fixture
def branch(db: Database) -> int:
    org = make_org(db, "爱民村党支部")
    for name in PEOPLE:
        make_member(db, name, org, complete=name == "张伟")  # one with all a form asks
    return org


def _member_names(db: Database, text: str = "", sort: str | None = None) -> list[str]:
    page = replace(ALL, sort=sort)
    return [r.name for r in members.list_members(db, MemberQuery(text=text), page)]


def test_members_are_listed_by_pinyin(db: Database, branch: int) -> None:
    assert _member_names(db) == PEOPLE_IN_ORDER  # the default order
    assert _member_names(db, sort="name") == PEOPLE_IN_ORDER
    descending = replace(ALL, sort="name", descending=True)
    rows = members.list_members(db, MemberQuery(), descending)
    assert [r.name for r in rows] == PEOPLE_IN_ORDER[::-1]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zw", ["张伟"]),
        ("zhangwei", ["张伟"]),
        ("Zhang Wei", ["张伟"]),
        ("ZQ", ["曾强"]),
        ("zengqiang", ["曾强"]),
        ("shan", ["单田芳"]),
        ("zhang", ["张伟", "章安"]),
        ("张", ["张伟"]),  # the name itself, as before
    ],
)
def test_members_are_found_by_initials_and_full_pinyin(
    db: Database, branch: int, typed: str, found: list[str]
) -> None:
    assert _member_names(db, typed) == found
    assert members.count_members(db, MemberQuery(text=typed)) == len(found)


def test_an_attendance_picker_finds_members_by_pinyin(db: Database, branch: int) -> None:
    assert [c.name for c in member_choices(db, "zw")] == ["张伟"]


def test_a_renamed_member_sorts_and_is_found_under_the_new_name(db: Database, branch: int) -> None:
    (zhang,) = members.list_members(db, MemberQuery(text="张伟"), ALL)
    data = member_editing.get_member_input(db, zhang.id)
    member_editing.update_member(db, zhang.id, replace(data, name="区伟"))
    assert _member_names(db, "ouwei") == ["区伟"]  # 区 as a surname: ou, not qu
    assert _member_names(db, "zw") == []
    assert _member_names(db) == ["陈静", "李明", "区伟", "单田芳", "曾强", "章安"]


@pytest.fixture
def orgs(db: Database) -> None:
    for name in ORGS:
        make_org(db, name)


def _org_names(db: Database, text: str = "", sort: str | None = "name") -> list[str]:
    page = replace(ALL, sort=sort)
    return [r.name for r in organizations.list_organizations(db, OrgQuery(text=text), page)]


def test_organizations_are_listed_and_picked_by_pinyin(db: Database, orgs: None) -> None:
    assert _org_names(db) == ORGS_IN_ORDER
    assert _org_names(db, sort=None) == ORGS_IN_ORDER  # same level and town: by name
    assert [c.name for c in organizations.choices(db)] == ORGS_IN_ORDER


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("dxb", ["大溪坝村党总支"]),
        ("daxiba", ["大溪坝村党总支"]),
        ("dzb", ["李村党支部", "张村党支部"]),
        ("溪坝", ["大溪坝村党总支"]),
    ],
)
def test_organizations_are_found_by_initials_and_full_pinyin(
    db: Database, orgs: None, typed: str, found: list[str]
) -> None:
    assert _org_names(db, typed) == found
    assert organizations.count_organizations(db, OrgQuery(text=typed)) == len(found)
    assert [c.name for c in organizations.choices(db, typed)] == found


def test_a_renamed_organization_gets_its_new_pinyin(db: Database, orgs: None) -> None:
    (dxb,) = organizations.list_organizations(db, OrgQuery(text="大溪坝"), ALL)
    data = OrgInput.from_detail(organizations.get_organization(db, dxb.id))
    organizations.update_organization(db, dxb.id, replace(data, name="曾厝村党支部"))
    assert _org_names(db, "dxb") == []
    assert _org_names(db, "cengcuo") == ["曾厝村党支部"]  # an organization: no surname
    assert _org_names(db) == ["安平社区党委", "曾厝村党支部", "李村党支部", "张村党支部"]


def test_communities_are_listed_by_pinyin(db: Database) -> None:
    org = make_org(db, "爱民村党支部")
    for name in ("张村党建共同体", "白沙党建共同体", "李村党建共同体"):
        make_community(db, name, [org])
    rows = communities.list_communities(db, communities.CommunityQuery(), ALL)
    assert [r.name for r in rows] == ["白沙党建共同体", "李村党建共同体", "张村党建共同体"]
    found = communities.list_communities(db, communities.CommunityQuery(text="bs"), ALL)
    assert [r.name for r in found] == ["白沙党建共同体"]


def test_the_excel_export_lists_organizations_then_members_by_pinyin(
    db: Database, tmp_path: Path
) -> None:
    zhang, li = make_org(db, "张村党支部"), make_org(db, "李村党支部")
    for name in ("张伟", "曾强", "陈静"):
        make_member(db, name, zhang)
    make_member(db, "王芳", li)
    path = tmp_path / "党员.xlsx"
    export_members(db, MemberQuery(), path)
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    at = header.index("姓名")
    names = [row[at] for row in ws.iter_rows(min_row=2, values_only=True) if row[at]]
    assert names == ["王芳", "陈静", "曾强", "张伟"]


def test_the_roster_lists_members_of_one_rank_by_pinyin(db: Database) -> None:
    org = make_org(db, "爱民村党支部")
    for name in PEOPLE:  # no party post, no date of joining: one rank
        make_member(db, name, org)
    roster = get_roster(db, org)
    assert [r.name for r in roster.rows] == PEOPLE_IN_ORDER


def test_attendance_is_listed_by_status_then_pinyin(db: Database) -> None:
    present, absent = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT
    people = [("张伟", present), ("曾强", absent), ("李明", present), ("陈静", present)]
    activity = make_activity(
        db,
        None,
        attendance=[Attendance(person_name=n, status=status) for n, status in people],
    )
    detail = get_activity_detail(db, activity)
    assert [(a.person_name, a.status) for a in detail.attendance] == [
        ("陈静", present),
        ("李明", present),
        ("张伟", present),
        ("曾强", absent),
    ]


def test_the_minutes_and_sign_in_sheet_list_names_by_pinyin(db: Database, branch: int) -> None:
    """Attendees (the printed documents group them by status) and, before attendance is
    taken, the members of the participating organizations."""
    invited = make_activity(db, None, organizations=[ActivityOrganization(organization_id=branch)])
    assert [i.name for i in get_activity_document(db, invited).invitees] == PEOPLE_IN_ORDER
    present = AttendanceStatus.PRESENT
    taken = make_activity(
        db, None, attendance=[Attendance(person_name=n, status=present) for n in PEOPLE]
    )
    assert [a.name for a in get_activity_document(db, taken).attendance] == PEOPLE_IN_ORDER
