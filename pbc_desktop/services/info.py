"""What a database holds, in a few counts (for `pbc info`, restore previews, demo set-up)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select, true

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Assessment,
    Community,
    ListItem,
    Organization,
    PartyMember,
    PostReport,
    ServiceList,
)
from pbc_desktop.lang import t
from pbc_desktop.services import access


def _counted(acc: access.Access) -> tuple[tuple[Any, ColumnElement[bool], str, str], ...]:
    """What is counted, each with the test of what ``acc`` sees of it."""
    in_list = select(ServiceList.id).where(acc.communities(ServiceList.community_id))
    return (
        (Organization, acc.orgs(Organization.id), "党组织", "organizations"),
        (Community, acc.communities(Community.id), "党建共同体", "communities"),
        (PartyMember, acc.orgs(PartyMember.organization_id), "党员", "party members"),
        (PostReport, acc.orgs(PostReport.organization_id), "报到领岗", "post reports"),
        (
            Activity,
            acc.activities(Activity.community_id, Activity.host_org_id),
            "活动",
            "activities",
        ),
        (
            ListItem,
            true() if acc.whole else ListItem.list_id.in_(in_list),
            "清单事项",
            "list items",
        ),
        (Assessment, acc.communities(Assessment.community_id), "考核", "assessments"),
    )


@dataclass(frozen=True)
class Count:
    label: str
    count: int


def record_counts(db: Database) -> list[Count]:
    """How many records of each kind the acting account sees (``pbc info`` gave a village
    account the whole district's); a backup's, inspected by the program, holds them all."""
    with db.read() as s:
        acc = access.of(db, s)
        return [
            Count(t(zh, en), s.scalar(select(func.count()).select_from(model).where(seen)) or 0)
            for model, seen, zh, en in _counted(acc)
        ]


def is_empty(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Organization.id).limit(1)) is None
