"""The year-end assessment by scope: a town scores the communities its organizations lead;
the district sets the indicator systems and decides 示范点 and 整顿."""

from __future__ import annotations

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AssessmentOutcome
from pbc_desktop.errors import NotFoundError, PermissionDeniedError
from pbc_desktop.services.assessments import indicator_sets, outcomes, results, scoring
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    two_towns,
    village_actor,
)

YEAR = 2024


@pytest.fixture
def world(db: Database) -> TwoTowns:
    world = two_towns(db)
    db.user = district_actor(db)
    indicator_sets.create_indicator_set(db, YEAR)
    return world


def test_a_town_scores_the_communities_it_leads(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    assert {c.name for c in scoring.unassessed_communities(db, YEAR)} == {"甲镇共建", "跨镇共建"}
    own = scoring.start_assessment(db, world.jia_community, YEAR)
    with pytest.raises(PermissionDeniedError, match="只能查看"):
        scoring.start_assessment(db, world.cross_community, YEAR)  # 乙镇 leads it
    with pytest.raises(NotFoundError):
        scoring.start_assessment(db, world.yi_community, YEAR)
    assert [r.community_id for r in results.list_assessments(db, YEAR)] == [world.jia_community]
    assert scoring.get_scoring_sheet(db, own).community_name == "甲镇共建"
    db.user = town_actor(db, "乙镇")
    assert results.count_assessments(db, YEAR) == 0
    with pytest.raises(NotFoundError):
        scoring.get_scoring_sheet(db, own)


def test_a_village_does_not_score(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(PermissionDeniedError, match="考核评分"):
        scoring.start_assessment(db, world.jia_community, YEAR)


def test_the_district_decides_outcomes_and_indicator_systems(db: Database, world: TwoTowns) -> None:
    assessment = scoring.start_assessment(db, world.cross_community, YEAR)
    db.user = town_actor(db, "乙镇")
    with pytest.raises(PermissionDeniedError, match="指标体系"):
        outcomes.set_outcome(db, assessment, AssessmentOutcome.DEMONSTRATION, award_yuan=1000)
    with pytest.raises(PermissionDeniedError):
        indicator_sets.create_indicator_set(db, YEAR + 1)
    db.user = district_actor(db)
    outcomes.set_outcome(db, assessment, AssessmentOutcome.NONE)  # the district may
