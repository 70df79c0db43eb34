"""Dashboard figures: each equals the same count made independently in Python."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
)
from pbc_desktop.services import stats
from tests.listing_factories import TODAY, TOWN_A, TOWN_C, YEAR, seed
from tests.stats_recount import recount


def independent(db: Database, year: int, town: str | None) -> dict[str, object]:
    """Every figure recomputed from whole tables in plain Python."""
    return recount(db, year, town, TODAY)


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


def test_the_years_activities_are_read_once_for_their_four_figures(db: Database) -> None:
    """活动, 已开展, 培训 and 培训人次 come from one reading of the year's activities (65,000
    in the district: each figure reading them again was most of the 概览's time)."""
    seed(db)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        f = stats.headline_figures(db, YEAR, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert (f.activities, f.activities_held, f.trainings, f.trainees) == (5, 4, 2, 65)
    reads = [re.findall(r"\bFROM activity\b", s, flags=re.IGNORECASE) for s in statements]
    assert sum(len(found) for found in reads) == 1, statements
