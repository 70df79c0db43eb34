"""The demo district under construction: its scale, what each area has built so far and
the rows to insert; every area module (``organizations``, ``members``, ``communities``,
``activities``, ``lists``, ``funds``, ``assessment``) adds to one :class:`District`.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Table

from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.services.demo import data
from pbc_desktop.services.demo.people import PeopleFactory

Row = dict[str, Any]
Tick = Callable[[], None]
#: Photos attached to the first activities held (other than meetings).
DEMO_PHOTOS = 12


@dataclass(frozen=True)
class Scale:
    """How big the generated district is."""

    name: str
    extra_villages_per_town: int  # generated beyond the named ones
    sub_branch_share: float  # share of 党总支/党委 villages with 下属党支部
    agencies: int
    agency_branches: bool  # several branches per agency as in the table
    town_units: bool  # 镇机关, 卫生院 and 教育系统 in every town
    schools_per_town: int
    enterprises_per_town: int
    social_per_town: int
    temporary: int
    target_orgs: int | None  # top up with enterprises to reach this many
    members: int
    extra_communities: int
    reports: int
    activities: int | None  # None: the natural monthly rhythm only
    project_items: int
    full_attendance: bool  # attendance for every activity, not only meetings


SCALES: dict[str, Scale] = {
    "demo": Scale(
        name="demo",
        extra_villages_per_town=0,
        sub_branch_share=0.12,
        agencies=data.DEMO_AGENCIES,
        agency_branches=False,
        town_units=False,
        schools_per_town=1,
        enterprises_per_town=2,
        social_per_town=1,
        temporary=4,
        target_orgs=None,
        members=800,
        extra_communities=10,
        reports=150,
        activities=None,
        project_items=70,
        full_attendance=True,
    ),
    "district": Scale(
        name="district",
        extra_villages_per_town=17,
        sub_branch_share=0.85,
        agencies=len(data.AGENCIES),
        agency_branches=True,
        town_units=True,
        schools_per_town=11,
        enterprises_per_town=20,
        social_per_town=4,
        temporary=21,
        target_orgs=1500,
        members=30_000,
        extra_communities=295,
        reports=3_600,
        activities=20_000,
        project_items=600,
        full_attendance=False,
    ),
}


@dataclass
class OrgInfo:
    id: int
    name: str
    short: str
    kind: OrgKind
    org_field: OrgField
    level: OrgLevel
    town: str | None
    row: Row
    weight: float = 0.0
    members: list[int] = field(default_factory=list)
    secretary: str = ""
    secretary_id: int | None = None
    phone: str | None = field(default=None, repr=False)
    venue_id: int | None = None
    sub: bool = False
    unit: str = ""


@dataclass
class MemberInfo:
    id: int
    name: str
    phone: str = field(repr=False)
    org_id: int
    active: bool


@dataclass
class RoleInfo:
    name: str
    member_id: int | None
    role: LeadershipRole


@dataclass
class CommunityInfo:
    id: int
    name: str
    short: str
    types: tuple[CoBuildType, ...]
    orgs: list[OrgInfo]
    status: CommunityStatus
    founded: date | None
    rectify: bool = False
    row: Row = field(default_factory=dict)
    roles: list[RoleInfo] = field(default_factory=list)
    venue_ids: list[int] = field(default_factory=list)
    turns: list[tuple[date, date, OrgInfo]] = field(default_factory=list)
    activities: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    projects: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    last_step: date | None = None  # the date of its latest lifecycle event

    @property
    def running(self) -> bool:
        return self.status in (CommunityStatus.RUNNING, CommunityStatus.RECTIFYING)

    def person(self, role: LeadershipRole) -> str:
        for r in self.roles:
            if r.role == role:
                return r.name
        return self.orgs[0].secretary


# Fields of villages and urban communities, and of organizations whose members report
# (双报到) to them.
VILLAGE_FIELDS = (OrgField.RURAL, OrgField.URBAN_COMMUNITY)
REPORTING_FIELDS = (
    OrgField.AGENCY,
    OrgField.PUBLIC_INSTITUTION,
    OrgField.STATE_ENTERPRISE,
    OrgField.HOSPITAL,
    OrgField.SCHOOL,
    OrgField.PRIVATE_ENTERPRISE,
)


class District:
    """Every row of the district in memory (``rows``, by table) and what the areas share."""

    def __init__(
        self,
        scale: Scale,
        seed: int,
        today: date,
        *,
        first_ids: dict[str, int],
        skip: dict[str, set[str]],
        tick: Tick,
        existing_posts: dict[str, int] | None = None,
    ) -> None:
        self.scale = scale
        self.existing_posts = existing_posts or {}
        self.seed = seed
        self.rng = random.Random(seed)
        self._uuid_rng = random.Random(f"uuid-{seed}")
        self.today = today
        self.this_year = today.year
        self.last_year = today.year - 1
        self.stamp = datetime.combine(today, time(8, 0), tzinfo=UTC)
        self.people = PeopleFactory(self.rng)
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self._next_id = dict(first_ids)
        self.skip = skip  # unique keys of the catalogues already in the database
        self.tick = tick  # reports progress; raises when the user cancels
        self.orgs: list[OrgInfo] = []
        self.org_by_name: dict[str, OrgInfo] = {}
        self.members: dict[int, MemberInfo] = {}
        self.communities: list[CommunityInfo] = []
        self.posts: list[tuple[int, str]] = []
        self.staff = [self.people.name(self.people.gender()) for _ in range(4)]
        # Photos come from their own generator, so they change nothing else in the district.
        self.photo_rng = random.Random(f"photos-{seed}")
        self.photos_left = DEMO_PHOTOS
        self.district: OrgInfo | None = None  # the 区委, root of the organizations
        self.education_bases: list[int] = []  # venue ids

    def add(self, table: Table | type[Any], **values: Any) -> int:
        """Queue a row of ``table`` with the next id (and a uuid where it has one)."""
        tbl: Table = table if isinstance(table, Table) else table.__table__
        name = tbl.name
        new_id = self._next_id.get(name, 1)
        self._next_id[name] = new_id + 1
        values["id"] = new_id
        if "uuid" in tbl.c:
            values["uuid"] = str(uuid.UUID(int=self._uuid_rng.getrandbits(128), version=4))
            values["created_at"] = self.stamp
            values["updated_at"] = self.stamp
        self.rows[name].append(values)
        return new_id
