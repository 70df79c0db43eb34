"""Lists, their items and the funds ledger by scope: seen with the community; changed by
an organization that takes part in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.enums import FundDirection, FundSource, ListKind
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services import funds
from pbc_desktop.services.lists import editing, printout, queries, supervision
from pbc_desktop.services.lists.queries import ItemQuery
from pbc_desktop.services.paging import PageRequest
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)

PAGE = PageRequest()


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def make_list(db: Database, community_id: int, title: str) -> tuple[int, int]:
    lst = editing.create_list(
        db, editing.ListInput(community_id, ListKind.DEMAND, title, 2024, date(2024, 3, 1))
    )
    return lst, editing.add_item(db, lst, editing.ItemInput(f"{title}事项"))


def income(community_id: int) -> funds.FundInput:
    return funds.FundInput(
        community_id, FundDirection.INCOME, date(2024, 3, 1), 10_000, FundSource.HIGHER_LEVEL
    )


@pytest.fixture
def records(db: Database, world: TwoTowns) -> dict[str, int]:
    db.user = district_actor(db)
    jia_list, jia_item = make_list(db, world.jia_community, "甲镇清单")
    yi_list, yi_item = make_list(db, world.yi_community, "乙镇清单")
    cross_list, cross_item = make_list(db, world.cross_community, "跨镇清单")
    return {
        "jia_list": jia_list,
        "jia_item": jia_item,
        "yi_list": yi_list,
        "yi_item": yi_item,
        "cross_list": cross_list,
        "cross_item": cross_item,
        "yi_fund": funds.add_entry(db, income(world.yi_community)),
        "jia_fund": funds.add_entry(db, income(world.jia_community)),
    }


def test_lists_and_items_are_seen_with_their_community(
    db: Database, world: TwoTowns, records: dict[str, int]
) -> None:
    db.user = village_actor(db, world.jia_one)
    assert {r.title for r in queries.list_service_lists(db)} == {"甲镇清单"}
    assert {r.title for r in queries.list_items(db, ItemQuery(), PAGE)} == {"甲镇清单事项"}
    assert queries.count_items(db, ItemQuery()) == 1
    for read in (
        lambda: queries.get_item_detail(db, records["yi_item"]),
        lambda: printout.get_list_report(db, records["yi_list"]),
        lambda: supervision.list_supervisions(db, records["cross_item"]),
        lambda: queries.get_service_list(db, records["yi_list"]),
    ):
        with pytest.raises(NotFoundError):
            read()
    assert queries.member_choices(db, world.yi_community) == []


def test_a_member_organization_works_on_its_communitys_lists(
    db: Database, world: TwoTowns, records: dict[str, int]
) -> None:
    db.user = village_actor(db, world.jia_two)  # a member of 跨镇共建
    editing.add_item(db, records["cross_list"], editing.ItemInput("甲二村的需求"))
    supervision.start_item(db, records["cross_item"])
    db.user = town_actor(db, "乙镇")  # 甲镇共建 is not its community: not even seen
    with pytest.raises(NotFoundError):
        editing.delete_list(db, records["jia_list"])
    with pytest.raises(NotFoundError):
        editing.add_item(db, records["jia_list"], editing.ItemInput("越权"))


def test_a_community_not_seen_reads_as_gone_when_writing_into_it(
    db: Database, world: TwoTowns, records: dict[str, int]
) -> None:
    """A village account making a list or a fund entry in a community it does not see was
    told it may only look at it (只能查看): it reads as gone, the same sentence as a
    community that does not exist, and nothing of it is named."""
    db.user = village_actor(db, world.jia_one)  # sees 甲镇共建 only

    def new_list(community_id: int) -> editing.ListInput:
        return editing.ListInput(community_id, ListKind.PROJECT, "越权清单", 2024)

    refusals: list[str] = []
    for community_id in (world.yi_community, world.cross_community, 987_654):
        with pytest.raises(ValidationError) as refused:
            editing.create_list(db, new_list(community_id))
        assert refused.value.fields() == ["community"]
        refusals.append(refused.value.message)
        with pytest.raises(ValidationError) as refused:
            funds.add_entry(db, income(community_id))
        assert refused.value.fields() == ["community"]
        refusals.append(refused.value.message)
    assert set(refusals) == {"所选党建共同体已不存在"}
    db.user = district_actor(db)
    titles = {r.title for r in queries.list_service_lists(db)}
    assert "越权清单" not in titles
    assert len(funds.ledger(db, world.yi_community)) == 1
    db.user = village_actor(db, world.jia_one)
    editing.create_list(db, new_list(world.jia_community))  # its own: made


def test_a_viewer_prints_but_does_not_change(
    db: Database, world: TwoTowns, records: dict[str, int]
) -> None:
    db.user = viewer_actor(db, town="甲镇")
    report = printout.get_list_report(db, records["jia_list"])
    printout.record_export(db, records["jia_list"], "甲镇清单.pdf", "PDF")
    assert report.title == "甲镇清单"
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        editing.delete_item(db, records["jia_item"])


def test_the_ledger_by_scope(db: Database, world: TwoTowns, records: dict[str, int]) -> None:
    db.user = village_actor(db, world.jia_two)
    assert funds.balance(db, world.jia_community) == 10_000
    assert [r.amount_cents for r in funds.ledger(db, world.jia_community)] == [10_000]
    for read in (
        lambda: funds.balance(db, world.yi_community),
        lambda: funds.ledger(db, world.yi_community),
        lambda: funds.yearly_summary(db, world.yi_community, 2024),
        lambda: funds.get_entry(db, records["yi_fund"]),
    ):
        with pytest.raises(NotFoundError):
            read()
    with pytest.raises(NotFoundError):
        funds.delete_entry(db, records["yi_fund"])
    funds.add_entry(db, income(world.cross_community))  # it takes part in 跨镇共建
    db.user = village_actor(db, world.jia_one)  # 甲一村 does not belong to 跨镇共建
    with pytest.raises(NotFoundError):
        funds.balance(db, world.cross_community)
    with pytest.raises(ValidationError, match="所选党建共同体已不存在"):
        funds.add_entry(db, income(world.cross_community))


def test_dues_income_names_only_an_own_branch(db: Database, world: TwoTowns) -> None:
    """The branch whose dues came in is one of the account's own (the dialog's choices):
    another town's reads as not chosen, and its name is not read back in the ledger."""
    db.user = village_actor(db, world.jia_one)

    def dues(branch: int) -> funds.FundInput:
        return funds.FundInput(
            world.jia_community,
            FundDirection.INCOME,
            date(2024, 3, 1),
            5_000,
            FundSource.PARTY_DUES,
            fee_org_id=branch,
            fee_month=date(2024, 2, 1),
        )

    with pytest.raises(ValidationError, match="请选择党费来自的党支部") as refused:
        funds.add_entry(db, dues(world.yi_one))
    assert "乙" not in refused.value.message
    own = funds.add_entry(db, dues(world.jia_one_first))
    assert [r.fee_org_name for r in funds.ledger(db, world.jia_community)] == ["甲一村第一党支部"]
    stored = funds.get_entry(db, own)
    with db.write() as s:  # the branch left the account's organizations since: kept
        s.get(Organization, world.jia_one_first).parent_id = world.yi_town  # type: ignore[union-attr]
    funds.update_entry(db, own, replace(stored, remark="更正"))
