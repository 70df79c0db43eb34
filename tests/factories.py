"""Test set-up helpers: insert records directly with the ORM (no validation, no audit).

Other test modules may import these; each helper takes the ``Database`` first and returns
the new record's id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from itertools import count
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Community,
    CommunityMember,
    CommunityType,
    LifecycleEvent,
    Organization,
    PartyMember,
)
from pbc_desktop.domain.enums import (
    ActivityKind,
    CoBuildType,
    CommunityStatus,
    LifecycleAction,
    MemberRole,
    OrgField,
    OrgKind,
    OrgLevel,
)

_serial = count(1)


def make_org(
    db: Database,
    name: str | None = None,
    *,
    town: str | None = "成田镇",
    kind: OrgKind = OrgKind.BRANCH,
    field: OrgField = OrgField.RURAL,
    level: OrgLevel = OrgLevel.VILLAGE,
    parent_id: int | None = None,
    **extra: Any,
) -> int:
    with db.write() as s:
        org = Organization(
            name=name or f"测试党支部{next(_serial)}",
            kind=kind,
            field=field,
            level=level,
            town=town,
            parent_id=parent_id,
            **extra,
        )
        s.add(org)
        s.flush()
        return org.id


def make_orgs(db: Database, *names: str, town: str | None = "成田镇") -> list[int]:
    return [make_org(db, name, town=town) for name in names]


def make_community(
    db: Database,
    name: str,
    member_ids: Sequence[int],
    *,
    types: Sequence[CoBuildType] = (CoBuildType.CROSS_FIELD,),
    status: CommunityStatus = CommunityStatus.APPLIED,
    theme: str | None = None,
    founded_on: date | None = None,
) -> int:
    """A community whose first member leads; one APPLY event dated ``founded_on``."""
    with db.write() as s:
        community = Community(
            name=name,
            theme=theme,
            status=status,
            founded_on=founded_on,
            lead_org_id=member_ids[0] if member_ids else None,
            types=[CommunityType(type=kind) for kind in types],
            members=[
                CommunityMember(
                    organization_id=org_id,
                    role=MemberRole.LEAD if i == 0 else MemberRole.MEMBER,
                    seq=i,
                )
                for i, org_id in enumerate(member_ids)
            ],
            events=[
                LifecycleEvent(
                    action=LifecycleAction.APPLY,
                    status_after=CommunityStatus.APPLIED,
                    occurred_on=founded_on or date(2024, 1, 1),
                    operator="测试",
                )
            ],
        )
        s.add(community)
        s.flush()
        return community.id


def make_member(db: Database, name: str, organization_id: int) -> int:
    with db.write() as s:
        member = PartyMember(name=name, organization_id=organization_id)
        s.add(member)
        s.flush()
        return member.id


def make_activity(
    db: Database,
    community_id: int | None,
    title: str = "主题党日活动",
    *,
    kind: ActivityKind = ActivityKind.THEME_PARTY_DAY,
    starts_at: datetime | None = None,
    host_org_id: int | None = None,
) -> int:
    with db.write() as s:
        activity = Activity(
            community_id=community_id,
            kind=kind,
            title=title,
            starts_at=starts_at or datetime(2024, 3, 1, 9, 0),
            host_org_id=host_org_id,
        )
        s.add(activity)
        s.flush()
        return activity.id
