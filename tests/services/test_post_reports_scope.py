"""双报到 by scope: a report is kept by the member's home office and by the organization
the member serves; the post catalogue is the district's."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.post_reports import catalogue, evaluations, overview, reports, service_log
from pbc_desktop.services.post_reports.overview import OverviewQuery
from tests.factories import make_post_report
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


@pytest.fixture
def report(db: Database, world: TwoTowns) -> int:
    """甲二村's member serves at 乙一村 (across towns), with 2 hours logged."""
    return make_post_report(db, world.member_jia_two, world.yi_one, services=[2.0])


def test_both_offices_keep_the_report(db: Database, world: TwoTowns, report: int) -> None:
    for day, actor in enumerate(
        (village_actor(db, world.jia_two), village_actor(db, world.yi_one))
    ):
        db.user = actor
        assert reports.get_report(db, report).id == report
        assert len(service_log.list_services(db, report)) == 1 + day
        service_log.add_service(
            db, report, service_log.ServiceInput(date(2024, 5, 1 + day), 1.5, "入户走访")
        )
    db.user = village_actor(db, world.jia_one)
    for read in (
        lambda: reports.get_report(db, report),
        lambda: service_log.list_services(db, report),
        lambda: evaluations.list_evaluations(db, report),
    ):
        with pytest.raises(NotFoundError):
            read()
    assert reports.list_member_reports(db, world.member_jia_two) == []
    with pytest.raises(NotFoundError):
        reports.delete_report(db, report)


def test_a_member_reports_through_the_home_office(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_one)
    with pytest.raises(NotFoundError):
        reports.member_brief(db, world.member_yi_one)
    assert reports.member_brief(db, world.member_jia_one_first).name == "甲一支部党员"
    assert {c.name for c in reports.community_choices(db)} == {"甲镇共建"}


def test_the_overview_lists_the_own_organizations(
    db: Database, world: TwoTowns, report: int
) -> None:
    db.user = town_actor(db, "乙镇")
    names = {r.name for r in overview.list_overview(db, OverviewQuery(), PageRequest())}
    assert names == {"乙镇党委", "乙一村党支部"}
    assert overview.count_overview(db, OverviewQuery()) == 2
    assert overview.reported_members(db, world.jia_two) == []


def test_a_viewer_reads_and_the_catalogue_is_the_districts(
    db: Database, world: TwoTowns, report: int
) -> None:
    db.user = viewer_actor(db, town="甲镇")
    assert reports.get_report(db, report).id == report
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        service_log.add_service(db, report, service_log.ServiceInput(date(2024, 5, 1), 1, "走访"))
    db.user = town_actor(db, "甲镇")
    with pytest.raises(PermissionDeniedError, match="指标体系、示范点"):
        catalogue.add_post(db, catalogue.PostInput("新岗位"))
    db.user = district_actor(db)
    catalogue.add_post(db, catalogue.PostInput("新岗位"))


def test_a_member_reports_only_to_a_community_the_account_sees(
    db: Database, world: TwoTowns
) -> None:
    """The communities offered are those the account sees; another town's reads as gone
    (its name is not read back from the refusal either)."""
    db.user = village_actor(db, world.jia_one)
    post = catalogue.post_choices(db)[0].id
    for community, org in (
        (world.yi_community, world.yi_one),
        (world.cross_community, world.yi_one),
    ):
        with pytest.raises(ValidationError, match="所选党建共同体已不存在") as refused:
            reports.report_member(
                db,
                world.member_jia_one,
                reports.ReportInput(community, org, post, date(2025, 3, 1)),
            )
        assert "乙" not in refused.value.message and "跨镇" not in refused.value.message
    assert reports.list_member_reports(db, world.member_jia_one) == []
    reports.report_member(
        db,
        world.member_jia_one,
        reports.ReportInput(world.jia_community, world.jia_two, post, date(2025, 3, 1)),
    )
