"""The activities tab's search box: what a typed text matches (the title, the place, the
venue, the community, the host; Chinese substrings, Latin letters in either case, LIKE
wildcards as plain characters), the order of the matches and the account's scope."""

from __future__ import annotations

from datetime import datetime

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Venue
from pbc_desktop.domain.enums import VenueKind
from pbc_desktop.services.activities import listing
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_activity
from tests.scope_factories import TwoTowns, district_actor, town_actor, two_towns, village_actor

ALL = PageRequest(limit=1000)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


@pytest.fixture
def acts(db: Database, world: TwoTowns) -> dict[str, int]:
    with db.write() as s:
        centre = Venue(name="甲镇党群服务中心", kind=VenueKind.SERVICE_CENTRE)
        hall = Venue(name="Red Star礼堂", kind=VenueKind.OTHER)
        s.add_all([centre, hall])
        s.flush()
        centre_id, hall_id = centre.id, hall.id

    def at(day: int, hour: int = 9) -> datetime:
        return datetime(2025, 3, day, hour, 0)

    return {
        # the title
        "党课": make_activity(
            db, world.jia_community, "七一主题党课", host_org_id=world.jia_one, starts_at=at(1)
        ),
        # the place typed in, beside a venue whose name is searched too
        "会议室": make_activity(
            db,
            world.jia_community,
            "支委会",
            host_org_id=world.jia_two,
            starts_at=at(2),
            place="甲二村会议室",
            venue_id=centre_id,
        ),
        # the venue alone
        "中心": make_activity(
            db,
            world.yi_community,
            "志愿服务",
            host_org_id=world.yi_one,
            starts_at=at(3),
            venue_id=hall_id,
        ),
        # Latin letters, a percent sign and an underscore in the title
        "PPT": make_activity(
            db,
            None,
            "PPT课件评比 100%_完成",
            host_org_id=world.jia_one_first,
            starts_at=at(4),
        ),
        # no community, no host: found by its title only
        "孤": make_activity(db, None, "孤立的活动", starts_at=at(5)),
        # two at the same moment: the later id first
        "同1": make_activity(
            db, world.cross_community, "同时甲", host_org_id=world.yi_one, starts_at=at(6)
        ),
        "同2": make_activity(
            db, world.cross_community, "同时乙", host_org_id=world.yi_one, starts_at=at(6)
        ),
    }


def found(db: Database, text: str, **query: object) -> list[int]:
    """The ids the search lists, in the listing's order; its count agrees."""
    q = listing.ActivityQuery(text=text, **query)  # type: ignore[arg-type]
    rows = listing.list_activities(db, q, ALL)
    assert listing.count_activities(db, q) == len(rows)
    return [r.id for r in rows]


def test_the_search_matches_titles_places_venues_communities_and_hosts(
    db: Database, world: TwoTowns, acts: dict[str, int]
) -> None:
    assert found(db, "主题党") == [acts["党课"]]  # a Chinese substring of a title
    assert found(db, "二村会议") == [acts["会议室"]]  # of the place typed in
    assert found(db, "党群服务") == [acts["会议室"]]  # of the venue (its place typed over it)
    assert found(db, "star") == [acts["中心"]]  # a venue's Latin letters, either case
    assert found(db, "乙镇共建") == [acts["中心"]]  # the community
    assert found(db, "甲二村党") == [acts["会议室"]]  # the host
    assert found(db, "甲一村") == [acts["PPT"], acts["党课"]]  # a host, and its branch
    assert found(db, "ppt") == found(db, "PPT") == found(db, "Ppt") == [acts["PPT"]]
    assert found(db, "100%") == found(db, "%_") == [acts["PPT"]]  # wildcards as typed
    assert found(db, "%") == [acts["PPT"]] and found(db, "_") == [acts["PPT"]]
    assert found(db, "  孤立 ") == [acts["孤"]]  # stripped
    assert found(db, "甲乙丙丁") == []
    # newest first, the later id first at the same moment
    assert found(db, "同时") == [acts["同2"], acts["同1"]]
    every = found(db, "")
    assert (
        every == [acts[k] for k in ("同2", "同1", "孤", "PPT", "中心", "会议室", "党课")]
        and found(db, " ") == every
    )
    # the tab's order (its header's): by the time either way, ties by id the same way
    newest = listing.list_activities(
        db, listing.ActivityQuery(), PageRequest(sort="starts_at", descending=True)
    )
    assert [r.id for r in newest] == every
    oldest = listing.list_activities(db, listing.ActivityQuery(), PageRequest(sort="starts_at"))
    assert [r.id for r in oldest] == [
        acts[k] for k in ("党课", "会议室", "中心", "PPT", "孤", "同1", "同2")
    ]
    page = PageRequest(offset=1, limit=2, sort="starts_at", descending=True)
    assert [r.id for r in listing.list_activities(db, listing.ActivityQuery(), page)] == every[1:3]
    # with the other filters and another order
    assert found(db, "甲", community_id=world.jia_community) == [acts["会议室"], acts["党课"]]
    by_title = listing.list_activities(
        db, listing.ActivityQuery(text="共建"), PageRequest(sort="title")
    )
    assert [r.title for r in by_title] == sorted(r.title for r in by_title)
    by_community = listing.list_activities(
        db, listing.ActivityQuery(text="村"), PageRequest(sort="community")
    )
    assert [r.community_name for r in by_community] == [
        "甲镇共建",
        "甲镇共建",
        "跨镇共建",
        "跨镇共建",
        "乙镇共建",
        None,  # empty last
    ]


def test_the_search_keeps_to_the_account_s_scope(
    db: Database, world: TwoTowns, acts: dict[str, int]
) -> None:
    db.user = district_actor(db)
    assert set(found(db, "同时")) == {acts["同1"], acts["同2"]}
    db.user = town_actor(db, "甲镇")
    assert set(found(db, "乙")) == {acts["同2"], acts["同1"]}  # the cross-town community's
    assert found(db, "乙镇共建") == [] and found(db, "star") == []  # the other town's
    assert found(db, "会议") == [acts["会议室"]]
    db.user = village_actor(db, world.jia_one)
    # its community's, and one hosted by its branch without a community
    assert found(db, "甲") == [acts["PPT"], acts["会议室"], acts["党课"]]
    assert found(db, "同时") == [] and found(db, "乙") == []
