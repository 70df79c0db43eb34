"""Test data for the organization tests, written straight through the ORM."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Community,
    CommunityMember,
    PartyMember,
    PostReport,
)
from pbc_desktop.domain.enums import ActivityKind, MemberRole
from tests.factories import make_org


def add_org(db: Database, name: str, *, town: str | None = "陈店镇", **extra: Any) -> int:
    return make_org(db, name, town=town, **extra)


def add_members(db: Database, org_id: int, count: int, *, prefix: str = "党员") -> None:
    with db.write() as s:
        s.add_all(
            PartyMember(name=f"{prefix}{org_id}-{i}", organization_id=org_id) for i in range(count)
        )


def add_community(
    db: Database,
    name: str,
    *,
    lead_org_id: int | None = None,
    member_org_ids: tuple[int, ...] = (),
) -> int:
    with db.write() as s:
        community = Community(name=name, lead_org_id=lead_org_id)
        s.add(community)
        s.flush()
        for seq, org_id in enumerate(member_org_ids):
            s.add(
                CommunityMember(
                    community_id=community.id,
                    organization_id=org_id,
                    role=MemberRole.MEMBER,
                    seq=seq,
                )
            )
        return community.id


def add_post_report(db: Database, member_org_id: int, to_org_id: int) -> None:
    with db.write() as s:
        member = PartyMember(name="报到党员", organization_id=member_org_id)
        s.add(member)
        s.flush()
        s.add(
            PostReport(member_id=member.id, organization_id=to_org_id, reported_on=date(2024, 3, 1))
        )


def add_activity(db: Database, host_org_id: int) -> None:
    with db.write() as s:
        s.add(
            Activity(
                host_org_id=host_org_id,
                kind=ActivityKind.THEME_PARTY_DAY,
                title="主题党日",
                starts_at=datetime(2024, 7, 1, 9, 0),
            )
        )
