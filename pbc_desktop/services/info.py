"""What a database holds, in a few counts (for `pbc info`, restore previews, demo set-up)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Assessment,
    Community,
    ListItem,
    Organization,
    PartyMember,
    PostReport,
)
from pbc_desktop.lang import t

_COUNTED = (
    (Organization, "党组织", "organizations"),
    (Community, "党建共同体", "communities"),
    (PartyMember, "党员", "party members"),
    (PostReport, "报到领岗", "post reports"),
    (Activity, "活动", "activities"),
    (ListItem, "清单事项", "list items"),
    (Assessment, "考核", "assessments"),
)


@dataclass(frozen=True)
class Count:
    label: str
    count: int


def record_counts(db: Database) -> list[Count]:
    with db.read() as s:
        return [
            Count(t(zh, en), s.scalar(select(func.count()).select_from(model)) or 0)
            for model, zh, en in _COUNTED
        ]


def is_empty(db: Database) -> bool:
    with db.read() as s:
        return s.scalar(select(Organization.id).limit(1)) is None
