"""Communities and their activities by scope: a community across towns is seen by every
member organization's town, changed only by the town that leads it; an activity is
changed only by the organization that hosts it."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Attachment,
    AttachmentContent,
    CommunityRole,
    PartyMember,
)
from pbc_desktop.domain.enums import ActivityKind, CoBuildType, LeadershipRole, LifecycleAction
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services import attachments, communities, venues
from pbc_desktop.services.activities import detail, documents, editing, listing
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import community_choices
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

PAGE = PageRequest()


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


@pytest.fixture
def activities(db: Database, world: TwoTowns) -> dict[str, int]:
    return {
        "甲": make_activity(db, world.jia_community, "甲镇活动", host_org_id=world.jia_one),
        "跨": make_activity(db, world.cross_community, "跨镇活动", host_org_id=world.yi_one),
        "乙": make_activity(db, world.yi_community, "乙镇活动", host_org_id=world.yi_one),
    }


def community_names(db: Database) -> set[str]:
    return {r.name for r in communities.list_communities(db, communities.CommunityQuery(), PAGE)}


def activity_titles(db: Database) -> set[str]:
    return {r.title for r in listing.list_activities(db, listing.ActivityQuery(), PAGE)}


def test_communities_listed_by_scope(db: Database, world: TwoTowns) -> None:
    db.user = town_actor(db, "甲镇")
    assert community_names(db) == {"甲镇共建", "跨镇共建"}
    assert communities.count_communities(db, communities.CommunityQuery()) == 2
    assert {c.name for c in community_choices(db)} == {"甲镇共建", "跨镇共建"}
    db.user = village_actor(db, world.jia_one_first)  # below 甲一村, a member of 甲镇共建
    assert community_names(db) == set()
    db.user = village_actor(db, world.jia_one)
    assert community_names(db) == {"甲镇共建"}
    with pytest.raises(NotFoundError):
        communities.get_community(db, world.cross_community)


def test_a_cross_town_community_is_read_only_for_the_town_that_does_not_lead(
    db: Database, world: TwoTowns
) -> None:
    db.user = town_actor(db, "甲镇")
    cross = communities.get_community(db, world.cross_community)  # seen
    assert cross.name == "跨镇共建"
    with pytest.raises(PermissionDeniedError, match="只能查看"):
        communities.apply_lifecycle(
            db, world.cross_community, LifecycleAction.REVIEW_PASS, datetime(2024, 2, 1).date()
        )
    with pytest.raises(PermissionDeniedError):
        communities.delete_community(db, world.cross_community)
    own = communities.create_community(
        db,
        communities.CommunityInput(
            name="甲镇新共建",
            types=(CoBuildType.CROSS_FIELD,),
            lead_org_id=world.jia_town,
            member_org_ids=(world.jia_town, world.jia_two),
        ),
    )
    with pytest.raises(PermissionDeniedError):  # led by another town's committee
        communities.create_community(
            db,
            communities.CommunityInput(
                name="乙镇新共建",
                types=(CoBuildType.CROSS_FIELD,),
                lead_org_id=world.yi_town,
                member_org_ids=(world.yi_town, world.jia_two),
            ),
        )
    communities.delete_community(db, own)


def test_a_village_never_edits_a_community(db: Database, world: TwoTowns) -> None:
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(PermissionDeniedError):
        communities.delete_community(db, world.jia_community)


def test_activities_listed_by_scope(
    db: Database, world: TwoTowns, activities: dict[str, int]
) -> None:
    db.user = district_actor(db)
    assert activity_titles(db) == {"甲镇活动", "跨镇活动", "乙镇活动"}
    db.user = town_actor(db, "甲镇")
    assert activity_titles(db) == {"甲镇活动", "跨镇活动"}
    assert listing.count_activities(db, listing.ActivityQuery()) == 2
    assert {c.name for c in listing.host_org_choices(db)} == {"甲一村党总支", "乙一村党支部"}
    db.user = village_actor(db, world.jia_one)
    assert activity_titles(db) == {"甲镇活动"}
    for read in (
        lambda: detail.get_activity_detail(db, activities["跨"]),
        lambda: documents.get_activity_document(db, activities["乙"]),
        lambda: editing.get_activity_edit(db, activities["乙"]),
    ):
        with pytest.raises(NotFoundError):
            read()


def test_an_activity_is_changed_by_the_organization_that_hosts_it(
    db: Database, world: TwoTowns, activities: dict[str, int]
) -> None:
    db.user = village_actor(db, world.jia_two)  # sees 跨镇活动, hosted by 乙一村
    assert detail.get_activity_detail(db, activities["跨"]).title == "跨镇活动"
    with pytest.raises(PermissionDeniedError, match="只能查看"):
        editing.delete_activity(db, activities["跨"])
    new = editing.create_activity(
        db,
        editing.ActivityInput(
            community_id=world.cross_community,
            kind=ActivityKind.THEME_PARTY_DAY,
            title="甲二村主办",
            starts_at=datetime(2024, 5, 1, 9, 0),
            host_org_id=world.jia_two,
        ),
    )
    with pytest.raises(PermissionDeniedError):
        editing.create_activity(
            db,
            editing.ActivityInput(
                community_id=world.cross_community,
                kind=ActivityKind.THEME_PARTY_DAY,
                title="替乙一村办",
                starts_at=datetime(2024, 5, 2, 9, 0),
                host_org_id=world.yi_one,
            ),
        )
    editing.delete_activity(db, new)


def test_a_viewer_reads_but_does_not_write(
    db: Database, world: TwoTowns, activities: dict[str, int]
) -> None:
    db.user = viewer_actor(db, town="乙镇")
    assert activity_titles(db) == {"跨镇活动", "乙镇活动"}
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        editing.delete_activity(db, activities["乙"])


def test_an_activity_s_files_are_read_only_within_scope(
    db: Database, world: TwoTowns, activities: dict[str, int]
) -> None:
    """A photo or file is read by id (open, save as): one of an activity the account does
    not see reads as missing, like the activity itself."""
    ids = {}
    with db.write() as s:
        for key, activity_id in activities.items():
            row = Attachment(activity_id=activity_id, filename=f"{key}.txt", size=2, sha256="-")
            s.add(row)
            s.flush()
            s.add(AttachmentContent(attachment_id=row.id, data=key.encode()))
            ids[key] = row.id
    db.user = village_actor(db, world.jia_one)  # sees 甲镇共建 only
    assert attachments.content(db, ids["甲"]) == ("甲.txt", "甲".encode())
    for key in ("跨", "乙"):
        with pytest.raises(NotFoundError):
            attachments.content(db, ids[key])
        with pytest.raises(NotFoundError):
            attachments.open_copy(db, ids[key])
    db.user = town_actor(db, "乙镇")
    assert attachments.content(db, ids["跨"])[0] == "跨.txt"
    with pytest.raises(NotFoundError):
        attachments.content(db, ids["甲"])
    db.user = district_actor(db)
    assert {attachments.content(db, i)[0] for i in ids.values()} == {"甲.txt", "跨.txt", "乙.txt"}


def test_the_attendee_pickers_offer_only_the_members_the_account_meets(
    db: Database, world: TwoTowns
) -> None:
    """Searching members by name or calling an organization's members (an activity's
    attendance): the account's own organizations and those of the communities it sees,
    never the whole district's roll."""

    def found(text: str = "党员") -> set[str]:
        return {p.name for p in editing.member_choices(db, text)}

    every = [world.jia_one, world.jia_one_first, world.jia_two, world.yi_one]
    db.user = village_actor(db, world.jia_one)  # 甲镇共建: with 甲二村
    assert found() == {"甲一党员", "甲一支部党员", "甲二党员"}
    assert {p.name for p in editing.members_of(db, every)} == found()
    assert editing.members_of(db, [world.yi_one]) == []
    db.user = town_actor(db, "乙镇")  # 跨镇共建 brings 甲二村
    assert found() == {"乙一党员", "甲二党员"}
    assert found("甲一") == set()
    db.user = district_actor(db)
    assert len(found()) == len(editing.members_of(db, every)) == 4


def test_the_teams_phones_are_masked_but_in_the_editor_of_who_may_change_it(
    db: Database, world: TwoTowns
) -> None:
    """A convener's mobile is personal: the tab shows it masked to whoever sees the
    community; only the editor of an account that may change the community holds it."""
    with db.write() as s:
        s.add(
            CommunityRole(
                community_id=world.cross_community,
                person_name="召集人",
                role=LeadershipRole.CONVENER,
                organization_id=world.yi_town,
                phone="13912345678",
            )
        )

    def phones(**editing: bool) -> list[str | None]:
        return [
            r.phone for r in communities.get_community(db, world.cross_community, **editing).roles
        ]

    for actor in (
        viewer_actor(db),
        village_actor(db, world.jia_two),
        town_actor(db, "甲镇"),  # a member's town, not the one that leads it
        town_actor(db, "乙镇"),
        district_actor(db),
    ):
        db.user = actor
        assert phones() == ["139****5678"]
    assert phones(for_editing=True) == ["13912345678"]
    db.user = town_actor(db, "乙镇")
    assert phones(for_editing=True) == ["13912345678"]
    for refused in (viewer_actor(db), village_actor(db, world.jia_two), town_actor(db, "甲镇")):
        db.user = refused
        with pytest.raises(PermissionDeniedError):
            phones(for_editing=True)


def test_an_activity_names_nothing_the_account_does_not_see(
    db: Database, world: TwoTowns, activities: dict[str, int]
) -> None:
    """An own organization hosts it, but the community, the venue, the participating
    organizations and the members called must be ones the account sees: another town's
    read as gone (no activity slipped into its community, no name of it read back)."""
    _own_venue, opened = town_venues(db, world)
    hidden_venue = venues.create_venue(
        db, venues.VenueInput("乙一村活动室", owner_org_id=world.yi_one)
    )
    db.user = village_actor(db, world.jia_one)

    def new(**what: Any) -> editing.ActivityInput:
        plain = editing.ActivityInput(
            community_id=world.jia_community,
            kind=ActivityKind.THEME_PARTY_DAY,
            title="甲一村主题党日",
            starts_at=datetime(2025, 5, 1, 9, 0),
            host_org_id=world.jia_one,
        )
        return replace(plain, **what)

    called = editing.AttendanceInput(person_name="某人", member_id=world.member_yi_one)
    for refused, sentence in (
        (new(community_id=world.yi_community), "所选党建共同体已不存在"),
        (new(venue_id=hidden_venue), "所选阵地已不存在"),
        (new(venue_id=opened), "所选阵地已不存在"),  # opened to 跨镇共建, not 甲一村's
        (new(organization_ids=(world.yi_one,)), "有参加党组织已不存在"),
        (new(attendance=(called,)), "第1行所选的党员已不存在"),
    ):
        with pytest.raises(ValidationError, match=sentence) as info:
            editing.create_activity(db, refused)
        assert "乙" not in info.value.message
    with db.read() as s:
        assert s.scalar(select(func.count(Activity.id))) == len(activities)
    own = editing.create_activity(
        db,
        new(
            organization_ids=(world.jia_one, world.jia_two),
            attendance=(
                editing.AttendanceInput(person_name="甲二党员", member_id=world.member_jia_two),
            ),
        ),
    )
    # kept when saved again after the member moved away (what was stored stays)
    with db.write() as s:
        s.get(PartyMember, world.member_jia_two).organization_id = world.yi_one  # type: ignore[union-attr]
    stored = editing.get_activity_edit(db, own)
    editing.update_activity(
        db,
        own,
        replace(
            new(
                organization_ids=(world.jia_one, world.jia_two),
                attendance=(
                    editing.AttendanceInput(person_name="甲二党员", member_id=world.member_jia_two),
                ),
            ),
            title="改名",
            version=stored.version,
        ),
    )
    assert detail.get_activity_detail(db, own).title == "改名"
