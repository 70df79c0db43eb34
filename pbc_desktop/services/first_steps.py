"""The first steps of an office on an empty database, in order, each done or not.

本单位信息 → 导入党组织 → 导入党员 → 建立党建共同体 → 记录活动: the 概览 tab shows them
until they are all done, or until the account sees communities and activities (a database
in use, or one received from the town). Computed from what is stored, in the account's
scope; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Community, Office, Organization, PartyMember
from pbc_desktop.services import access

STEPS = ("office", "organizations", "members", "communities", "activities")


@dataclass(frozen=True)
class FirstSteps:
    office: bool  # this office is set up (文件 → 数据交换 → 本单位)
    organizations: bool
    members: bool
    communities: bool
    activities: bool

    def done(self, step: str) -> bool:
        return bool(getattr(self, step))

    @property
    def all_done(self) -> bool:
        return all(self.done(step) for step in STEPS)

    @property
    def in_use(self) -> bool:
        """The overview's figures instead of the steps: all done, or communities and
        activities there already."""
        return self.all_done or (self.communities and self.activities)

    @property
    def next_step(self) -> str | None:
        return next((step for step in STEPS if not self.done(step)), None)


def _any(s: Session, column: Any, *where: ColumnElement[bool]) -> bool:
    return s.scalar(select(column).where(*where).limit(1)) is not None


def first_steps(db: Database) -> FirstSteps:
    with db.read() as s:
        acc = access.of(db, s)
        return FirstSteps(
            office=_any(s, Office.uuid, Office.local.is_(True)),
            organizations=_any(s, Organization.id, acc.orgs(Organization.id)),
            members=_any(s, PartyMember.id, acc.orgs(PartyMember.organization_id)),
            communities=_any(s, Community.id, acc.communities(Community.id)),
            activities=_any(
                s, Activity.id, acc.activities(Activity.community_id, Activity.host_org_id)
            ),
        )
