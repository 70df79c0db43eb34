"""The organization registry by scope: listed, found and changed only where the account
answers for it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services import communities
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.paging import PageRequest
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def listed(db: Database) -> set[str]:
    return {r.name for r in orgs.list_organizations(db, orgs.OrgQuery(), PageRequest())}


def new_branch(name: str, town: str, parent: int) -> orgs.OrgInput:
    return orgs.OrgInput(
        name=name,
        kind=OrgKind.BRANCH,
        field=OrgField.RURAL,
        level=OrgLevel.VILLAGE,
        town=town,
        parent_id=parent,
    )


def test_the_registry_lists_the_own_organizations(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "乙镇")
    assert listed(db) == {"乙镇党委", "乙一村党支部"}
    assert orgs.count_organizations(db, orgs.OrgQuery()) == 2
    assert {c.name for c in orgs.choices(db)} == {"乙镇党委", "乙一村党支部"}
    assert sum(node.count for node in orgs.tree(db)) == 2
    db.user = village_actor(db, world.jia_one)
    assert listed(db) == {"甲一村党总支", "甲一村第一党支部"}
    # a community's member picker offers every organization (a community may cross towns)
    assert len(communities.organization_choices(db)) == 6
    with pytest.raises(NotFoundError):
        orgs.get_organization(db, world.yi_one)


def test_a_town_keeps_its_own_towns_registry(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    new = orgs.create_organization(db, new_branch("甲三村党支部", "甲镇", world.jia_town))
    with pytest.raises(PermissionDeniedError, match="其他党组织"):
        orgs.create_organization(db, new_branch("乙二村党支部", "乙镇", world.yi_town))
    detail = orgs.get_organization(db, new)
    moved = orgs.OrgInput.from_detail(detail)
    with pytest.raises(PermissionDeniedError):  # not handed to another town
        orgs.update_organization(db, new, orgs.OrgInput(**{**moved.__dict__, "town": "乙镇"}))
    orgs.delete_organization(db, new)
    with pytest.raises(NotFoundError):
        orgs.delete_organization(db, world.yi_one)


def test_a_village_edits_its_own_organization_but_adds_none(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    detail = orgs.get_organization(db, world.jia_two)
    orgs.update_organization(
        db,
        world.jia_two,
        orgs.OrgInput(**{**orgs.OrgInput.from_detail(detail).__dict__, "secretary": "张书记"}),
    )
    assert orgs.get_organization(db, world.jia_two).secretary == "张书记"
    with pytest.raises(PermissionDeniedError):
        orgs.create_organization(db, new_branch("甲二村第二支部", "甲镇", world.jia_two))
    with pytest.raises(PermissionDeniedError):
        orgs.delete_organization(db, world.jia_two)


def test_no_organization_is_hung_under_another_towns(db: Database, world: TwoTowns) -> None:
    """A parent of another town reads as one that does not exist (else the organization,
    its members with it, would fall into that town's and its villages' scope), and a
    village account keeps its organization in its town; a parent stored already is kept."""
    db.user = town_actor(db, "甲镇")
    for parent in (world.yi_one, world.yi_town):
        with pytest.raises(ValidationError, match="所选上级党组织不存在") as refused:
            orgs.create_organization(db, new_branch("甲三村党支部", "甲镇", parent))
        assert "乙" not in refused.value.message
    jia_two = orgs.OrgInput.from_detail(orgs.get_organization(db, world.jia_two))
    with pytest.raises(ValidationError, match="所选上级党组织不存在"):
        orgs.update_organization(db, world.jia_two, replace(jia_two, parent_id=world.yi_town))
    orgs.update_organization(db, world.jia_two, replace(jia_two, secretary="王书记"))
    db.user = village_actor(db, world.jia_one)
    jia_one = orgs.OrgInput.from_detail(orgs.get_organization(db, world.jia_one))
    assert jia_one.parent_id == world.jia_town  # not its own, but kept
    orgs.update_organization(db, world.jia_one, replace(jia_one, secretary="李书记"))
    jia_one = orgs.OrgInput.from_detail(orgs.get_organization(db, world.jia_one))
    with pytest.raises(PermissionDeniedError, match="所属的镇街由镇"):
        orgs.update_organization(db, world.jia_one, replace(jia_one, town="乙镇"))
    with pytest.raises(ValidationError, match="所选上级党组织不存在"):
        orgs.update_organization(db, world.jia_one, replace(jia_one, parent_id=world.yi_one))
    first = orgs.OrgInput.from_detail(orgs.get_organization(db, world.jia_one_first))
    with pytest.raises(ValidationError, match="所选上级党组织不存在"):
        orgs.update_organization(db, world.jia_one_first, replace(first, parent_id=world.jia_two))


def test_a_viewer_changes_nothing_and_the_district_everything(
    db: Database, world: TwoTowns
) -> None:
    db.user = viewer_actor(db)
    assert len(listed(db)) == 6
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        orgs.create_organization(db, new_branch("某村党支部", "甲镇", world.jia_town))
    db.user = district_actor(db)
    orgs.create_organization(db, new_branch("乙二村党支部", "乙镇", world.yi_town))


def test_contact_phones_are_masked_for_the_inspector(db: Database, world: TwoTowns) -> None:
    """An organization's contact phone is often its secretary's mobile: the inspector (查看)
    sees it masked in the listing and the detail, as members' phones; an account that
    changes the organization, or may see full numbers, sees it whole."""
    db.user = district_actor(db)
    data = orgs.OrgInput.from_detail(orgs.get_organization(db, world.yi_one))
    orgs.update_organization(db, world.yi_one, replace(data, contact_phone="13812345678"))

    def shown(org_id: int) -> tuple[str | None, str | None]:
        rows = orgs.list_organizations(db, orgs.OrgQuery(), PageRequest())
        row = next(r for r in rows if r.id == org_id)
        return row.contact_phone, orgs.get_organization(db, org_id).contact_phone

    assert shown(world.yi_one) == ("13812345678", "13812345678")
    db.user = village_actor(db, world.yi_one)
    assert shown(world.yi_one) == ("13812345678", "13812345678")
    db.user = viewer_actor(db)
    assert shown(world.yi_one) == ("138****5678", "138****5678")
