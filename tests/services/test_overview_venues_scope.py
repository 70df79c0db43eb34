"""The dashboard's figures, reminders and venues by scope."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import CommunityVenue
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services import community_figures, reminders, stats, venues
from tests.factories import make_activity
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    town_venues,
    two_towns,
    viewer_actor,
    village_actor,
)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    world = two_towns(db)
    for community in (world.jia_community, world.cross_community, world.yi_community):
        make_activity(db, community, starts_at=datetime(2024, 3, 1, 9, 0))
    return world


def test_figures_count_only_what_the_account_sees(db: Database, world: TwoTowns) -> None:
    db.user = district_actor(db)
    whole = stats.headline_figures(db, 2024, today=date(2024, 6, 1))
    assert (whole.communities, whole.activities) == (3, 3)
    db.user = village_actor(db, world.jia_one)
    own = stats.headline_figures(db, 2024, today=date(2024, 6, 1))
    assert (own.communities, own.activities) == (1, 1)
    assert sum(stats.chart_figures(db, 2024, today=date(2024, 6, 1)).activities_by_month) <= 1
    with pytest.raises(NotFoundError):
        community_figures.community_figures(db, world.yi_community, 2024)


def test_reminder_rules_are_the_districts(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    with pytest.raises(PermissionDeniedError):
        reminders.set_rules(db, {ActivityKind.JOINT_MEETING: 3})
    assert all(
        r.community_id != world.yi_community for r in reminders.due_reminders(db, date(2025, 1, 1))
    )


def test_venues_by_owner_and_opening(db: Database, world: TwoTowns) -> None:
    db.user = district_actor(db)
    jia, yi = town_venues(db, world)
    db.user = village_actor(db, world.jia_one)
    assert {v.name for v in venues.list_venues(db)} == set()
    db.user = village_actor(db, world.jia_two)  # its own, and one opened to 跨镇共建
    assert {v.name for v in venues.list_venues(db)} == {"甲二村党群服务中心", "乙镇党群服务中心"}
    with pytest.raises(PermissionDeniedError):
        venues.delete_venue(db, yi)
    venues.update_venue(
        db, jia, venues.VenueInput("甲二村党群服务中心", owner_org_id=world.jia_two, capacity=80)
    )
    db.user = viewer_actor(db, town="甲镇")
    with pytest.raises(PermissionDeniedError):
        venues.delete_venue(db, jia)


def test_a_venue_is_opened_only_to_communities_the_account_sees(
    db: Database, world: TwoTowns
) -> None:
    """Another town's community reads as gone: its venue list gets nothing from here, and
    the account reads none of its names back; an opening stored already is kept."""
    db.user = district_actor(db)
    jia, _yi = town_venues(db, world)
    with db.write() as s:  # opened to 乙镇共建 by the district, before
        s.add(CommunityVenue(community_id=world.yi_community, venue_id=jia))
    db.user = village_actor(db, world.jia_two)

    def opened_to(*communities: int) -> venues.VenueInput:
        return venues.VenueInput(
            "甲二村党群服务中心", owner_org_id=world.jia_two, community_ids=communities
        )

    with pytest.raises(ValidationError, match="有党建共同体已不存在"):
        venues.create_venue(
            db,
            venues.VenueInput(
                "甲二村文化室", owner_org_id=world.jia_two, community_ids=(world.yi_community,)
            ),
        )
    venues.update_venue(db, jia, opened_to(world.yi_community, world.cross_community))
    venues.update_venue(db, jia, opened_to(world.cross_community))  # closed to it, then…
    with pytest.raises(ValidationError, match="有党建共同体已不存在"):  # …not opened again
        venues.update_venue(db, jia, opened_to(world.cross_community, world.yi_community))
