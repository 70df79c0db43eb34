"""May the acting account change a record? Each feature's ``change_refusal`` answers with the
sentence its writing service refuses with (so the window can disable the action and say
why), and None exactly when the write goes through. The services still refuse on their own
(their scope tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.errors import PermissionDeniedError
from pbc_desktop.services import (
    access,
    communities,
    member_editing,
    venues,
)
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.activities import editing
from pbc_desktop.services.assessments import indicator_sets, scoring
from tests.factories import make_activity
from tests.scope_factories import (
    district_actor,
    town_actor,
    town_venues,
    two_towns,
    viewer_actor,
    village_actor,
)

YEAR = 2024


class Records:
    """The two towns, an activity hosted on each side of 跨镇共建, a venue of each town's,
    and 甲镇共建's and 跨镇共建's assessments."""

    def __init__(self, db: Database) -> None:
        self.world = w = two_towns(db)
        db.user = district_actor(db)
        self.by_jia_two = make_activity(db, w.cross_community, "甲二办", host_org_id=w.jia_two)
        self.by_yi_one = make_activity(db, w.cross_community, "乙一办", host_org_id=w.yi_one)
        self.jia_two_venue, self.yi_venue = town_venues(db, w)
        indicator_sets.create_indicator_set(db, YEAR)
        self.jia_assessment = scoring.start_assessment(db, w.jia_community, YEAR)
        self.cross_assessment = scoring.start_assessment(db, w.cross_community, YEAR)


@pytest.fixture
def records(db: Database) -> Records:
    return Records(db)


def answers(db: Database, r: Records) -> dict[str, str | None]:
    """Every question the window asks, by a short name."""
    w = r.world
    return {
        "new organization": orgs.change_refusal(db),
        "edit 甲二村": orgs.change_refusal(db, w.jia_two),
        "delete 甲二村": orgs.change_refusal(db, w.jia_two, delete=True),
        "new member": member_editing.change_refusal(db),
        "edit 甲二党员": member_editing.change_refusal(db, w.member_jia_two),
        "new community": communities.change_refusal(db),
        "edit 甲镇共建": communities.change_refusal(db, w.jia_community),
        "edit 跨镇共建": communities.change_refusal(db, w.cross_community),
        "lists of 跨镇共建": access.community_work_refusal(db, w.cross_community),
        "new activity": editing.change_refusal(db),
        "activity by 甲二村": editing.change_refusal(db, r.by_jia_two),
        "activity by 乙一村": editing.change_refusal(db, r.by_yi_one),
        "new venue": venues.change_refusal(db),
        "venue of 甲二村": venues.change_refusal(db, r.jia_two_venue),
        "venue of 乙镇": venues.change_refusal(db, r.yi_venue),
        "start scoring": scoring.start_refusal(db),
        "start 甲镇共建": scoring.start_refusal(db, w.jia_community),
        "score 甲镇共建": scoring.change_refusal(db, r.jia_assessment),
        "score 跨镇共建": scoring.change_refusal(db, r.cross_assessment),
    }


def allowed(db: Database, r: Records) -> set[str]:
    return {name for name, refusal in answers(db, r).items() if refusal is None}


def test_the_district_may_change_everything(db: Database, records: Records) -> None:
    db.user = district_actor(db)
    assert allowed(db, records) == set(answers(db, records))


def test_a_viewer_may_change_nothing_and_is_told_why(db: Database, records: Records) -> None:
    db.user = viewer_actor(db, town="甲镇")
    got = answers(db, records)
    assert allowed(db, records) == set()
    assert got["new member"] == f"当前账号（{db.user.username}，查看（督查））没有权限修改数据。"
    assert got["start scoring"] is not None and "考核评分" in got["start scoring"]


def test_a_village_changes_its_own_and_only_looks_at_the_others(
    db: Database, records: Records
) -> None:
    db.user = village_actor(db, records.world.jia_two)
    got = answers(db, records)
    assert allowed(db, records) == {
        "edit 甲二村",
        "new member",
        "edit 甲二党员",
        "lists of 跨镇共建",  # it takes part in the community
        "new activity",
        "activity by 甲二村",
        "new venue",
        "venue of 甲二村",
    }
    assert got["activity by 乙一村"] == access.not_own().message
    assert got["venue of 乙镇"] == access.not_own().message
    assert got["edit 甲镇共建"] == access.kept_by_town().message
    assert got["new community"] == access.kept_by_town().message
    assert got["new organization"] is not None and "村（社区）账号不能" in got["new organization"]


def test_a_town_changes_what_it_leads(db: Database, records: Records) -> None:
    db.user = town_actor(db, "甲镇")
    got = answers(db, records)
    assert set(got) - allowed(db, records) == {
        "edit 跨镇共建",  # 乙镇 leads it
        "activity by 乙一村",
        "venue of 乙镇",
        "score 跨镇共建",
    }
    assert got["edit 跨镇共建"] == access.not_own().message


def test_a_record_out_of_scope_reads_as_gone(db: Database, records: Records) -> None:
    db.user = village_actor(db, records.world.jia_one)  # 甲一村 does not take part in 跨镇共建
    assert editing.change_refusal(db, records.by_yi_one) == "找不到该活动，可能已被删除。"
    assert communities.change_refusal(db, records.world.cross_community) is not None


@pytest.mark.parametrize(
    ("account", "question", "write"),
    [
        (
            "village",
            lambda db, r: editing.change_refusal(db, r.by_yi_one),
            lambda db, r: editing.delete_activity(db, r.by_yi_one),
        ),
        (
            "village",
            lambda db, r: communities.change_refusal(db, r.world.jia_community),
            lambda db, r: communities.delete_community(db, r.world.jia_community),
        ),
        (
            "village",
            lambda db, r: orgs.change_refusal(db, r.world.jia_two, delete=True),
            lambda db, r: orgs.delete_organization(db, r.world.jia_two),
        ),
        (
            "village",
            lambda db, r: venues.change_refusal(db, r.yi_venue),
            lambda db, r: venues.delete_venue(db, r.yi_venue),
        ),
        (
            "town",
            lambda db, r: scoring.change_refusal(db, r.cross_assessment),
            lambda db, r: scoring.save_scores(db, r.cross_assessment, scoring.ScoresInput({})),
        ),
        (
            "viewer",
            lambda db, r: member_editing.change_refusal(db, r.world.member_jia_two),
            lambda db, r: member_editing.delete_member(db, r.world.member_jia_two),
        ),
    ],
)
def test_the_answer_is_the_services_own_refusal(
    db: Database,
    records: Records,
    account: str,
    question: Callable[[Database, Records], str | None],
    write: Callable[[Database, Records], object],
) -> None:
    actors: dict[str, Callable[[], Actor]] = {
        "village": lambda: village_actor(db, records.world.jia_two),
        "town": lambda: town_actor(db, "甲镇"),
        "viewer": lambda: viewer_actor(db, town="甲镇"),
    }
    db.user = actors[account]()
    refusal = question(db, records)
    assert refusal is not None
    with pytest.raises(PermissionDeniedError) as refused:
        write(db, records)
    assert refused.value.message == refusal
