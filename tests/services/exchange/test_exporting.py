"""What a package holds: everything going up; going down or sideways what the recipient's
account would see, without ID numbers and phones; only versions it does not hold yet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Appraisal,
    Attendance,
    Committee,
    CommunityMember,
    CommunityRole,
    MobileMember,
    Organization,
    PartyMember,
)
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import AttendanceStatus, LeadershipRole, OrgLevel
from pbc_desktop.services.development import records as development
from pbc_desktop.services.exchange.exporting import Direction, Recipient, direction, select_rows
from pbc_desktop.services.exchange.merge import agree_sent
from tests.demo_cache import demo_into
from tests.development_factories import applicant
from tests.factories import make_activity, make_member
from tests.scope_factories import TwoTowns, district_actor, town_actor, two_towns, village_actor
from tests.services.exchange.helpers import Parts, merge_into, office_db, owned_by

DISTRICT = "d0000000-0000-4000-8000-000000000001"
TOWN = "d0000000-0000-4000-8000-000000000002"
VILLAGE = "d0000000-0000-4000-8000-000000000003"


def _collect(
    db: Database, recipient: Recipient, sender: OrgLevel, *, everything: bool = False
) -> Parts:
    with db.write() as s:
        selection = select_rows(s, sender_level=sender, recipient=recipient, everything=everything)
        parts = [(name, list(rows)) for name, rows in selection.parts()]
        agree_sent(s, recipient.uuid, selection.sent)
    return parts


def _rows(parts: Parts, entity: str) -> list[dict[str, Any]]:
    return next(rows for name, rows in parts if name == entity)


def _uuid(db: Database, model: Any, row_id: int) -> str:
    with db.read() as s:
        return str(s.scalar(select(model.uuid).where(model.id == row_id)))


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def test_direction_follows_the_levels() -> None:
    assert direction(OrgLevel.VILLAGE, OrgLevel.TOWN) is Direction.UP
    assert direction(OrgLevel.DISTRICT, OrgLevel.VILLAGE) is Direction.DOWN
    assert direction(OrgLevel.VILLAGE, OrgLevel.VILLAGE) is Direction.SIDEWAYS


def test_up_carries_everything_once_with_personal_data(db: Database, world: TwoTowns) -> None:
    make_member(db, "带证党员", world.jia_one, complete=True)
    up = Recipient(DISTRICT, OrgLevel.DISTRICT)
    parts = _collect(db, up, OrgLevel.TOWN)
    members = _rows(parts, "party_member")
    assert len(members) == 5
    assert any(m.get("id_number") for m in members)
    assert all(rows == [] for _name, rows in _collect(db, up, OrgLevel.TOWN))  # nothing new
    with db.write() as s:
        member = s.get(PartyMember, world.member_yi_one)
        assert member is not None
        member.work_unit = "乙一村村委会"
    again = _collect(db, up, OrgLevel.TOWN)
    assert [(n, [r["name"] for r in rows]) for n, rows in again if rows] == [
        ("party_member", ["乙一党员"])
    ]
    assert len(_rows(_collect(db, up, OrgLevel.TOWN, everything=True), "party_member")) == 5


def test_down_to_a_village_holds_what_its_account_sees(db: Database, world: TwoTowns) -> None:
    make_member(db, "带证党员", world.jia_two, complete=True)
    cross_activity = make_activity(db, world.cross_community, "跨镇联学", host_org_id=world.yi_one)
    with db.write() as s:  # a 乙一村 member attends; 甲二村 gets the row without the link
        s.add(
            Attendance(
                activity_id=cross_activity,
                member_id=world.member_yi_one,
                person_name="乙一党员",
                status=AttendanceStatus.PRESENT,
            )
        )
    make_activity(db, world.yi_community, "乙镇内部活动", host_org_id=world.yi_one)
    village = Recipient(
        VILLAGE, OrgLevel.VILLAGE, organization_uuid=_uuid(db, Organization, world.jia_two)
    )
    parts = _collect(db, village, OrgLevel.DISTRICT)
    assert len(_rows(parts, "organization")) == 6  # the whole registry
    assert {r["name"] for r in _rows(parts, "community")} == {"甲镇共建", "跨镇共建"}
    assert {r["name"] for r in _rows(parts, "party_member")} == {"甲二党员", "带证党员"}
    assert all("id_number" not in r and "phone" not in r for r in _rows(parts, "party_member"))
    assert [r["title"] for r in _rows(parts, "activity")] == ["跨镇联学"]
    (attendance,) = _rows(parts, "attendance")
    assert attendance["member_id"] is None
    assert attendance["person_name"] == "乙一党员"


def test_no_phone_goes_down_in_any_table_but_every_one_goes_up(
    db: Database, world: TwoTowns
) -> None:
    """A list of tables decided which columns go up only: the 流动党员's phone (a table
    added later) and an organization's contact phone went down to every village."""
    with db.write() as s:
        organization = s.get(Organization, world.jia_two)
        assert organization is not None
        organization.contact_phone = "13912345678"
        s.add(
            MobileMember(
                member_id=world.member_jia_two,
                left_on=date(2026, 3, 1),
                whereabouts="广州市天河区",
                contact_phone="13812345678",
            )
        )
    village = Recipient(
        VILLAGE, OrgLevel.VILLAGE, organization_uuid=_uuid(db, Organization, world.jia_two)
    )
    down = _collect(db, village, OrgLevel.DISTRICT)
    (stay,) = _rows(down, "mobile_member")
    assert stay["whereabouts"] == "广州市天河区" and "contact_phone" not in stay
    assert all("contact_phone" not in r for r in _rows(down, "organization"))
    assert "13812345678" not in json.dumps(down) and "13912345678" not in json.dumps(down)
    up = _collect(db, Recipient(DISTRICT, OrgLevel.DISTRICT), OrgLevel.TOWN)
    assert _rows(up, "mobile_member")[0]["contact_phone"] == "13812345678"
    assert "13912345678" in json.dumps(_rows(up, "organization"))


def test_down_to_a_town_holds_its_towns_communities(db: Database, world: TwoTowns) -> None:
    town = Recipient(TOWN, OrgLevel.TOWN, town="乙镇")
    parts = _collect(db, town, OrgLevel.DISTRICT)
    assert {r["name"] for r in _rows(parts, "community")} == {"跨镇共建", "乙镇共建"}
    assert {r["name"] for r in _rows(parts, "party_member")} == {"乙一党员"}


@pytest.fixture
def demo_district(db: Database) -> Database:
    demo_into(db, today=date(2026, 11, 20))
    return db


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    other = office_db(tmp_path, "empty")
    yield other
    other.dispose()


def test_a_down_package_stands_on_its_own_in_an_empty_database(
    demo_district: Database, empty: Database
) -> None:
    with demo_district.read() as s:
        org = s.scalars(
            select(Organization)
            .join(CommunityMember, CommunityMember.organization_id == Organization.id)
            .where(Organization.level == OrgLevel.VILLAGE)
            .limit(1)
        ).one()
        org_uuid = org.uuid
    village = Recipient(VILLAGE, OrgLevel.VILLAGE, organization_uuid=org_uuid)
    parts = _collect(demo_district, village, OrgLevel.DISTRICT)
    result = merge_into(empty, parts, owned_by(DISTRICT))  # no reference left dangling
    assert result.conflicts == 0
    assert len(_rows(parts, "activity")) > 0
    with empty.read() as s:
        assert s.scalar(select(Activity.id).limit(1)) is not None


def test_an_up_package_of_the_demo_district_stands_on_its_own(
    demo_district: Database, empty: Database
) -> None:
    parts = _collect(demo_district, Recipient(DISTRICT, OrgLevel.DISTRICT), OrgLevel.TOWN)
    result = merge_into(empty, parts, owned_by(TOWN))
    assert result.conflicts == 0
    assert result.count("party_member", next(iter(result.counts["party_member"]))) == len(
        _rows(parts, "party_member")
    )


def test_an_account_sends_no_more_than_it_sees(db: Database, world: TwoTowns) -> None:
    """A village account on a town's database sends its own organizations' records up
    (with their ID numbers), not the other villages' and towns'; what it did not send
    stays to be sent by an account that sees it."""
    make_member(db, "甲二带证", world.jia_two, complete=True)
    make_member(db, "乙一带证", world.yi_one, complete=True)
    up = Recipient(DISTRICT, OrgLevel.DISTRICT)
    village = village_actor(db, world.jia_two)
    with db.write() as s:
        selection = select_rows(s, sender_level=OrgLevel.TOWN, recipient=up, sender=village)
        parts = [(name, list(rows)) for name, rows in selection.parts()]
        agree_sent(s, up.uuid, selection.sent)
    members = _rows(parts, "party_member")
    assert sorted(m["name"] for m in members) == ["甲二党员", "甲二带证"]
    assert all(m.get("id_number") for m in members if m["name"] == "甲二带证")
    assert {c["name"] for c in _rows(parts, "community")} == {"甲镇共建", "跨镇共建"}
    district = district_actor(db)
    with db.write() as s:
        rest = select_rows(s, sender_level=OrgLevel.TOWN, recipient=up, sender=district)
        later = sorted(m["name"] for m in _rows(list(rest.parts()), "party_member"))
    assert later == ["乙一党员", "乙一带证", "甲一党员", "甲一支部党员"]


def _own_records(db: Database, world: TwoTowns) -> None:
    """A committee, an appraisal and an applicant (not a member yet) of 甲二村 and of 乙一村."""
    for org in (world.jia_two, world.yi_one):
        with db.write() as s:
            s.add(
                Committee(organization_id=org, term_no=1, elected_on=date(2024, 5, 1), term_years=3)
            )
            s.add(Appraisal(organization_id=org, year=2025, held_on=date(2026, 1, 10)))
    development.create_applicant(
        db, applicant(db, "甲二申请人", world.jia_two), today=date(2026, 12, 5)
    )
    development.create_applicant(
        db, applicant(db, "乙一申请人", world.yi_one), today=date(2026, 12, 5)
    )


def _owners(parts: Parts, entity: str, db: Database) -> set[str]:
    with db.read() as s:
        names = {
            row.uuid: row.name for row in s.execute(select(Organization.uuid, Organization.name))
        }
    return {names[r["organization_id"]] for r in _rows(parts, entity)}


def test_an_organizations_own_records_go_to_its_offices_only(db: Database, world: TwoTowns) -> None:
    """Committees (换届) and appraisals (民主评议) of every organization went down to every
    village as if they were the registry, and a village account's package up carried the
    whole database's; an applicant not yet a member went nowhere but up from the whole."""
    _own_records(db, world)
    village = Recipient(
        VILLAGE, OrgLevel.VILLAGE, organization_uuid=_uuid(db, Organization, world.jia_two)
    )
    down = _collect(db, village, OrgLevel.DISTRICT)
    assert _owners(down, "committee", db) == {"甲二村党支部"}
    assert _owners(down, "appraisal", db) == {"甲二村党支部"}
    assert {r["name"] for r in _rows(down, "development_record")} == {"甲二申请人"}
    clerk = village_actor(db, world.jia_two)
    up = Recipient(DISTRICT, OrgLevel.DISTRICT)
    with db.write() as s:
        sent = select_rows(s, sender_level=OrgLevel.TOWN, recipient=up, sender=clerk)
        parts = [(name, list(rows)) for name, rows in sent.parts()]
    assert _owners(parts, "committee", db) == {"甲二村党支部"}
    assert _owners(parts, "appraisal", db) == {"甲二村党支部"}
    assert {r["name"] for r in _rows(parts, "development_record")} == {"甲二申请人"}


def _sent_by(db: Database, sender: Actor) -> Parts:
    with db.write() as s:
        selection = select_rows(
            s,
            sender_level=OrgLevel.TOWN,
            recipient=Recipient(DISTRICT, OrgLevel.DISTRICT),
            sender=sender,
        )
        return [(name, list(rows)) for name, rows in selection.parts()]


def test_an_account_sends_up_no_phone_it_does_not_answer_for(db: Database, world: TwoTowns) -> None:
    """The registry and the teams of its communities go up whole, but an organization's
    contact phone only from an account of that organization, a team's phones only from
    the town that keeps the team: a village clerk on a town's database sent every
    organization's and every team's, which it sees masked."""
    with db.write() as s:
        for org, phone in ((world.jia_two, "13912345678"), (world.yi_one, "13987654321")):
            organization = s.get(Organization, org)
            assert organization is not None
            organization.contact_phone = phone
        for community, phone in ((world.jia_community, "13711112222"),
                                 (world.cross_community, "13733334444")):  # fmt: skip
            s.add(
                CommunityRole(
                    community_id=community,
                    person_name="召集人",
                    role=LeadershipRole.CONVENER,
                    organization_id=world.jia_two,
                    phone=phone,
                )
            )
    sent = _sent_by(db, village_actor(db, world.jia_two))
    organizations = _rows(sent, "organization")
    assert len(organizations) == 6  # the whole registry still
    assert "13912345678" in json.dumps(organizations)
    assert "13987654321" not in json.dumps(organizations)
    roles = _rows(sent, "community_role")
    assert len(roles) == 2 and all("phone" not in r for r in roles)  # the town keeps teams
    roles = _rows(_sent_by(db, town_actor(db, "甲镇")), "community_role")
    assert sorted(r.get("phone", "") for r in roles) == ["", "13711112222"]  # its own team's
