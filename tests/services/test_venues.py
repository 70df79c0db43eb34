"""阵地 (venues): validated writes, openings to communities, and refusal to delete a used one."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, AuditEntry, CommunityVenue
from pbc_desktop.domain.enums import VenueKind
from pbc_desktop.errors import ConflictError, ValidationError
from pbc_desktop.services import venues as svc
from tests.factories import make_community, make_orgs


def test_create_update_delete_with_openings(db: Database) -> None:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    c1 = make_community(db, "甲乙党建共同体", [a, b])
    c2 = make_community(db, "乙甲党建共同体", [b, a])
    vid = svc.create_venue(
        db,
        svc.VenueInput(
            "甲村党群服务中心",
            VenueKind.SERVICE_CENTRE,
            owner_org_id=a,
            address=" 甲村大道1号 ",
            capacity=80,
            opening_hours="周一至周五 8:30-17:30",
            community_ids=(c1,),
        ),
    )
    row = svc.list_venues(db)[0]
    assert (row.name, row.owner_name, row.address, row.capacity) == (
        "甲村党群服务中心",
        "甲村党支部",
        "甲村大道1号",
        80,
    )
    assert [c.name for c in row.communities] == ["甲乙党建共同体"]
    assert [c.id for c in svc.venue_choices(db, c2)] == [vid]
    svc.update_venue(db, vid, svc.VenueInput("甲村党群服务中心", community_ids=(c2,)))
    with db.read() as s:
        assert [cv.community_id for cv in s.scalars(select(CommunityVenue))] == [c2]
    assert svc.list_venues(db, "大道") == []  # the address was cleared
    svc.delete_venue(db, vid)
    assert svc.list_venues(db) == []
    with db.read() as s:
        actions = [e.action.value for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert actions == ["create", "update", "delete"]
        assert s.scalars(select(CommunityVenue)).first() is None


def test_validation(db: Database) -> None:
    svc.create_venue(db, svc.VenueInput("文光党群服务中心"))
    with pytest.raises(ValidationError) as exc:
        svc.create_venue(db, svc.VenueInput("文光 党群服务中心", capacity=-1))
    assert exc.value.fields() == ["name", "capacity"]
    with pytest.raises(ValidationError) as exc:
        svc.create_venue(db, svc.VenueInput("  "))
    assert exc.value.fields() == ["name"]


def test_choices_put_the_communitys_venues_first(db: Database) -> None:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    c1 = make_community(db, "甲乙党建共同体", [a, b])
    first = svc.create_venue(db, svc.VenueInput("A活动室"))
    second = svc.create_venue(db, svc.VenueInput("B活动室", community_ids=(c1,)))
    assert [c.id for c in svc.venue_choices(db, c1)] == [second, first]
    assert [c.id for c in svc.venue_choices(db)] == [first, second]


def test_delete_refused_while_activities_use_it(db: Database) -> None:
    vid = svc.create_venue(db, svc.VenueInput("党性教育基地", VenueKind.EDUCATION_BASE))
    with db.write() as s:
        s.add(Activity(kind="training", title="培训", starts_at=datetime(2026, 1, 5), venue_id=vid))
    with pytest.raises(ConflictError) as exc:
        svc.delete_venue(db, vid)
    assert "1次活动" in exc.value.message
    assert svc.list_venues(db)[0].activity_count == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"opening_hours": "周一" * 61}, "opening_hours"),
        ({"opening_hours": "8:30\x00"}, "opening_hours"),
        ({"remark": "备注\x1b"}, "remark"),
        ({"capacity": 3_000_000_000}, "capacity"),
    ],
)
def test_hours_remark_and_capacity_bounded(
    db: Database, change: dict[str, object], field: str
) -> None:
    """Opening hours longer than their column, control characters, and a capacity past
    what the column holds (a server refused them with an internal error) were stored."""
    with pytest.raises(ValidationError) as caught:
        svc.create_venue(db, svc.VenueInput("甲村党群服务中心", **change))  # type: ignore[arg-type]
    assert caught.value.fields() == [field]
