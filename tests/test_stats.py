"""Dashboard figures: each equals the same count made independently in Python."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Claim,
    Community,
    CommunityMember,
    CommunityType,
    CommunityVenue,
    ListItem,
    Organization,
    PostReport,
    ServiceList,
    Venue,
)
from pbc_desktop.domain.enums import (
    ActivityStatus,
    CoBuildType,
    CommunityStatus,
    ItemStatus,
    ListKind,
    PostReportStatus,
    VenueKind,
)
from pbc_desktop.services import stats
from tests.listing_factories import TODAY, TOWN_A, TOWN_C, YEAR, seed


def independent(db: Database, year: int, town: str | None) -> dict[str, object]:
    """Every figure recomputed from whole tables in plain Python."""
    with db.read() as s:
        orgs = {o.id: o for o in s.scalars(select(Organization))}
        communities = list(s.scalars(select(Community)))
        cm = list(s.scalars(select(CommunityMember)))
        types = list(s.scalars(select(CommunityType)))
        cv = list(s.scalars(select(CommunityVenue)))
        venues = {v.id: v for v in s.scalars(select(Venue))}
        acts = list(s.scalars(select(Activity)))
        reports = list(s.scalars(select(PostReport)))
        lists_ = {sl.id: sl for sl in s.scalars(select(ServiceList))}
        items = list(s.scalars(select(ListItem)))
        claimed = {c.item_id for c in s.scalars(select(Claim))}

    scope = {c.id for c in communities}
    if town:
        scope = {
            m.community_id for m in cm if m.left_on is None and orgs[m.organization_id].town == town
        }
    live = {c.id for c in communities if c.id in scope and c.status != CommunityStatus.REVOKED}
    year_acts = [
        a
        for a in acts
        if a.starts_at.year == year
        and a.status != ActivityStatus.CANCELLED
        and (town is None or a.community_id in scope)
    ]
    held = [a for a in year_acts if a.status == ActivityStatus.HELD]
    trainings = [a for a in held if a.kind.is_training]
    in_scope_items = [i for i in items if town is None or lists_[i.list_id].community_id in scope]
    year_items = [i for i in in_scope_items if lists_[i.list_id].year == year]
    return {
        "communities": len(live),
        "by_type": {
            t: len({x.community_id for x in types if x.type == t and x.community_id in live})
            for t in CoBuildType
        },
        "by_status": {
            st: sum(1 for c in communities if c.id in scope and c.status == st)
            for st in CommunityStatus
        },
        "member_organizations": len(
            {m.organization_id for m in cm if m.left_on is None and m.community_id in live}
        ),
        "service_centres": len(
            {
                x.venue_id
                for x in cv
                if x.community_id in live and venues[x.venue_id].kind == VenueKind.SERVICE_CENTRE
            }
        ),
        "activities": len(year_acts),
        "activities_held": len(held),
        "trainings": len(trainings),
        "trainees": sum(a.trainee_count for a in trainings),
        "members_reported": len(
            {
                r.member_id
                for r in reports
                if r.status == PostReportStatus.ACTIVE and (town is None or r.community_id in scope)
            }
        ),
        "lists_signed": sum(
            1
            for sl in lists_.values()
            if sl.year == year and sl.signed_on and (town is None or sl.community_id in scope)
        ),
        "projects_claimed": sum(
            1 for i in year_items if lists_[i.list_id].kind == ListKind.PROJECT and i.id in claimed
        ),
        "problems_solved": sum(1 for i in year_items if i.status == ItemStatus.SOLVED),
        "overdue_items": sum(
            1
            for i in in_scope_items
            if i.deadline and i.deadline < TODAY and i.status != ItemStatus.SOLVED
        ),
    }


def as_dict(f: stats.Figures) -> dict[str, object]:
    return {
        "communities": f.communities,
        "by_type": dict(f.communities_by_type),
        "by_status": dict(f.communities_by_status),
        "member_organizations": f.member_organizations,
        "service_centres": f.service_centres,
        "activities": f.activities,
        "activities_held": f.activities_held,
        "trainings": f.trainings,
        "trainees": f.trainees,
        "members_reported": f.members_reported,
        "lists_signed": f.lists_signed,
        "projects_claimed": f.projects_claimed,
        "problems_solved": f.problems_solved,
        "overdue_items": f.overdue_items,
    }


@pytest.mark.parametrize("town", [None, TOWN_A, TOWN_C, "两英镇", "无此镇"])
@pytest.mark.parametrize("year", [YEAR, YEAR - 1])
def test_figures_match_an_independent_count(db: Database, year: int, town: str | None) -> None:
    seed(db)
    figures = stats.headline_figures(db, year, town, today=TODAY)
    assert figures.year == year
    assert figures.town == town
    assert as_dict(figures) == independent(db, year, town)


def test_known_figures_of_the_crafted_district(db: Database) -> None:
    seed(db)
    f = stats.headline_figures(db, YEAR, today=TODAY)
    assert f.communities == 2
    assert dict(f.communities_by_type)[CoBuildType.CROSS_FIELD] == 1  # the revoked one not
    assert dict(f.communities_by_status)[CommunityStatus.REVOKED] == 1
    assert f.member_organizations == 4
    assert f.service_centres == 2
    assert (f.activities, f.activities_held, f.trainings, f.trainees) == (5, 4, 2, 65)
    assert f.members_reported == 2
    assert (f.lists_signed, f.projects_claimed, f.problems_solved, f.overdue_items) == (2, 2, 2, 2)
    town = stats.headline_figures(db, YEAR, TOWN_A, today=TODAY)
    assert (town.communities, town.service_centres, town.members_reported) == (1, 1, 1)
    assert (town.trainings, town.trainees, town.projects_claimed) == (2, 65, 1)


def test_empty_database(db: Database) -> None:
    f = stats.headline_figures(db, YEAR)
    assert f.communities == 0
    assert f.trainees == 0
    assert all(n == 0 for _t, n in f.communities_by_type)
    assert stats.available_years(db, today=date(2025, 3, 1)) == [2025]


def test_available_years(db: Database) -> None:
    seed(db)
    assert stats.available_years(db, today=date(2025, 3, 1)) == [2025, 2024, 2023]
