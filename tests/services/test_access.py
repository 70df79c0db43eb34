"""Scope by organization tree: own organizations, communities seen, what may change."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import NotFoundError, PermissionDeniedError
from pbc_desktop.services import access
from tests.scope_factories import (
    VILLAGE_OFFICE,
    TwoTowns,
    district_actor,
    set_up_own_office,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def seen_communities(db: Database) -> set[str]:
    acc = access.of(db)
    with db.read() as s:
        return set(s.scalars(select(Community.name).where(acc.communities(Community.id))))


def test_the_district_sees_everything(db: Database, world: TwoTowns) -> None:
    db.user = district_actor(db)
    assert access.of(db).whole
    assert seen_communities(db) == {"甲镇共建", "跨镇共建", "乙镇共建"}


def test_a_town_owns_its_towns_organizations(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    acc = access.of(db)
    assert acc.own_org_ids == {world.jia_town, world.jia_one, world.jia_one_first, world.jia_two}
    # a community across towns is seen by every member organization's town
    assert seen_communities(db) == {"甲镇共建", "跨镇共建"}


def test_a_village_owns_its_organization_and_those_below(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_one)
    assert access.of(db).own_org_ids == {world.jia_one, world.jia_one_first}
    assert seen_communities(db) == {"甲镇共建"}
    db.user = village_actor(db, world.jia_two)
    assert seen_communities(db) == {"甲镇共建", "跨镇共建"}


def test_a_village_takes_part_in_its_communities_but_does_not_edit_them(
    db: Database, world: TwoTowns
) -> None:
    db.user = village_actor(db, world.jia_two)
    acc = access.of(db)
    with db.read() as s:
        acc.check_community_writable(s, world.cross_community)  # its lists, funds…
        # one it does not see reads as missing, not as one it may look at (只能查看)
        with pytest.raises(NotFoundError, match="找不到该党建共同体"):
            acc.check_community_writable(s, world.yi_community)
    with pytest.raises(PermissionDeniedError):
        acc.check_community_record_writable(world.yi_town)
    with pytest.raises(PermissionDeniedError):
        acc.check_community_record_writable(world.jia_two)  # a village never edits one


def test_a_town_edits_the_communities_it_leads(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    acc = access.of(db)
    acc.check_community_record_writable(world.jia_town)
    with pytest.raises(PermissionDeniedError):
        acc.check_community_record_writable(world.yi_town)  # 跨镇共建: 乙镇 leads it


def test_out_of_scope_reads_as_missing(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_one)
    acc = access.of(db)
    missing = NotFoundError("找不到")
    acc.check_org_visible(world.jia_one_first, missing)
    with pytest.raises(NotFoundError):
        acc.check_org_visible(world.yi_one, missing)
    with db.read() as s, pytest.raises(NotFoundError):
        acc.check_community_visible(s, world.cross_community, missing)


def test_a_viewer_sees_its_scope_and_changes_nothing(db: Database, world: TwoTowns) -> None:
    db.user = viewer_actor(db, town="乙镇")
    acc = access.of(db)
    assert seen_communities(db) == {"跨镇共建", "乙镇共建"}
    assert not db.user.can(Permission.WRITE)
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        acc.check_org_writable(world.yi_one)
    db.user = viewer_actor(db)
    assert access.of(db).whole


@pytest.mark.parametrize(
    ("office", "area"),
    [
        (None, None),
        (OrgLevel.DISTRICT, None),
        (OrgLevel.TOWN, "甲镇"),
        (OrgLevel.VILLAGE, VILLAGE_OFFICE),
    ],
)
def test_an_administrator_s_area_is_its_database_s(
    db: Database, world: TwoTowns, office: OrgLevel | None, area: str | None
) -> None:
    """What titles name with no town chosen: the whole district (None, printed 全区) on the
    district's database or one without its office; a town's database's town (not its
    office's name), a village's database's office."""
    set_up_own_office(db, office, town="甲镇")
    db.user = district_actor(db)
    assert access.area_name(db) == area
    assert access.own_area(db) == area


def test_an_account_of_a_town_or_an_organization_is_named_by_its_own_on_any_database(
    db: Database, world: TwoTowns
) -> None:
    set_up_own_office(db, OrgLevel.TOWN, town="甲镇")
    db.user = town_actor(db, "乙镇")
    assert access.area_name(db) == "乙镇"
    db.user = village_actor(db, world.jia_two)
    assert access.area_name(db) == "甲二村党支部"
    db.user = viewer_actor(db)  # a viewer of the whole: the database's
    assert access.area_name(db) == "甲镇"
