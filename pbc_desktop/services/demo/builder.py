"""Generate the demo district as plain rows, then bulk-insert them in one transaction.

Everything comes from one ``random.Random(seed)``; ``today`` fixes the calendar. Rows are
dictionaries keyed by column name with explicit ids, so the whole district is written
with a few ``executemany`` calls per table instead of one ORM object at a time.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table

from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    AgendaItem,
    Assessment,
    Attachment,
    AttachmentContent,
    Attendance,
    Claim,
    ClaimOrganization,
    Community,
    CommunityMember,
    CommunityRole,
    CommunityType,
    CommunityVenue,
    ConvenerTurn,
    FundEntry,
    Indicator,
    IndicatorSet,
    LifecycleEvent,
    ListItem,
    Organization,
    PartyMember,
    Post,
    PostEvaluation,
    PostReport,
    ReminderRule,
    Score,
    ServiceList,
    ServiceLog,
    Supervision,
    User,
    Venue,
)
from pbc_desktop.domain.enums import (
    MEETING_KINDS,
    TRAINING_KINDS,
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AssessmentOutcome,
    AssessmentStatus,
    AttendanceStatus,
    ClaimMode,
    CoBuildType,
    CommunityStatus,
    EvaluationResult,
    FundDirection,
    FundSource,
    ItemStatus,
    LeadershipRole,
    LifecycleAction,
    ListKind,
    MemberCategory,
    MemberRole,
    MembershipStatus,
    OrgField,
    OrgKind,
    OrgLevel,
    PostReportStatus,
    Satisfaction,
    UserRole,
    VenueKind,
)
from pbc_desktop.domain.indicators import (
    DEFAULT_GRADE_THRESHOLDS,
    DEFAULT_INDICATORS,
    grade_for,
)
from pbc_desktop.services.demo import data, photos
from pbc_desktop.services.demo.people import PeopleFactory, add_years, random_date

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
    phone: str | None = None
    venue_id: int | None = None
    sub: bool = False
    unit: str = ""


@dataclass
class MemberInfo:
    id: int
    name: str
    phone: str
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

    @property
    def running(self) -> bool:
        return self.status in (CommunityStatus.RUNNING, CommunityStatus.RECTIFYING)

    def person(self, role: LeadershipRole) -> str:
        for r in self.roles:
            if r.role == role:
                return r.name
        return self.orgs[0].secretary


_VILLAGE_FIELDS = (OrgField.RURAL, OrgField.URBAN_COMMUNITY)
_REPORTING_FIELDS = (
    OrgField.AGENCY,
    OrgField.PUBLIC_INSTITUTION,
    OrgField.STATE_ENTERPRISE,
    OrgField.HOSPITAL,
    OrgField.SCHOOL,
    OrgField.PRIVATE_ENTERPRISE,
)
_SUFFIX_KIND = {
    "党总支": (OrgKind.GENERAL_BRANCH, OrgField.RURAL),
    "党支部": (OrgKind.BRANCH, OrgField.RURAL),
    "党委": (OrgKind.COMMITTEE, OrgField.URBAN_COMMUNITY),
}
# Relative number of members per kind of organization.
_WEIGHTS = {
    "village_committee": 2.6,
    "village_general": 2.2,
    "village_branch": 1.2,
    "sub_branch": 0.9,
    "agency": 3.2,
    "hospital": 3.0,
    "public": 2.0,
    "state": 2.0,
    "town_agency": 2.2,
    "school": 1.0,
    "school_system": 1.5,
    "enterprise": 0.5,
    "social": 0.4,
}
_ABSENCE_TEXT = {
    AbsenceReason.SICK: "身体不适请假",
    AbsenceReason.PERSONAL: "家中有事请假",
    AbsenceReason.BUSINESS: "外出参加上级会议",
    AbsenceReason.OTHER: "在外务工",
}
_EXTRA_KINDS: tuple[tuple[ActivityKind, int], ...] = (
    (ActivityKind.THEME_LESSON, 2),
    (ActivityKind.JOINT_STUDY, 5),
    (ActivityKind.PARTY_SPIRIT, 1),
    (ActivityKind.TRAINING, 2),
    (ActivityKind.VOLUNTEER, 6),
    (ActivityKind.BRANCH_ASSEMBLY, 1),
    (ActivityKind.BRANCH_COMMITTEE, 1),
    (ActivityKind.GROUP_MEETING, 1),
    (ActivityKind.PARTY_LESSON, 1),
)

_CN_DIGITS = "零一二三四五六七八九十"


def _month_start(day: date, months: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _half_year_label(start: date) -> str:
    return f"{start.year}年{'上' if start.month <= 6 else '下'}半年"


def _quarter_label(start: date) -> str:
    return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"


class DistrictGenerator:
    """Builds every row of the district in memory; :meth:`tables` lists them in FK order."""

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
        self._existing_posts = existing_posts or {}
        self.rng = random.Random(seed)
        self._uuid_rng = random.Random(f"uuid-{seed}")
        self.today = today
        self.this_year = today.year
        self.last_year = today.year - 1
        self.stamp = datetime.combine(today, time(8, 0), tzinfo=UTC)
        self.people = PeopleFactory(self.rng)
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self._next_id = dict(first_ids)
        self._skip = skip
        self._tick = tick
        self.orgs: list[OrgInfo] = []
        self.org_by_name: dict[str, OrgInfo] = {}
        self.members: dict[int, MemberInfo] = {}
        self.communities: list[CommunityInfo] = []
        self.posts: list[tuple[int, str]] = []
        self.staff = [self.people.name(self.people.gender()) for _ in range(4)]
        # Photos come from their own generator, so they change nothing else in the district.
        self._photo_rng = random.Random(f"photos-{seed}")
        self._photos_left = DEMO_PHOTOS

    # -- rows -----------------------------------------------------------------------------
    def add(self, table: Table | type[Any], **values: Any) -> int:
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

    # -- the whole district ---------------------------------------------------------------
    def generate(self) -> None:
        steps: tuple[Callable[[], None], ...] = (
            self._catalogues,
            self._organizations,
            self._members,
            self._admin_user,
            self._venues,
            self._communities,
            self._post_reports,
            self._activities,
            self._lists,
            self._funds,
            self._assessments,
        )
        for step in steps:
            self._tick()
            step()

    # -- catalogues -----------------------------------------------------------------------
    def _catalogues(self) -> None:
        for seq, (name, description) in enumerate(data.POSTS, start=1):
            post_id = self._existing_posts.get(name)
            if post_id is None and name not in self._skip.get("post", set()):
                post_id = self.add(Post, name=name, description=description, active=True, seq=seq)
            if post_id is not None:
                self.posts.append((post_id, name))
        rules = (
            (ActivityKind.REGULAR_MEETING, 1),
            (ActivityKind.JOINT_MEETING, 3),
            (ActivityKind.THEME_PARTY_DAY, 1),
        )
        for kind, months in rules:
            if kind.value not in self._skip.get("reminder_rule", set()):
                self.add(ReminderRule, kind=kind, interval_months=months, enabled=True)

    # -- organizations --------------------------------------------------------------------
    def _org(
        self,
        name: str,
        kind: OrgKind,
        fld: OrgField,
        level: OrgLevel,
        *,
        town: str | None = None,
        parent: OrgInfo | None = None,
        short: str | None = None,
        weight: str | None = None,
        founded: date | None = None,
        start: date | None = None,
        end: date | None = None,
        remark: str | None = None,
        unit: str | None = None,
    ) -> OrgInfo:
        rng = self.rng
        short = short or name
        unit = unit or short
        place = f"汕头市潮南区{town or ''}{unit.removeprefix('区')}"
        if founded is None:
            founded = random_date(rng, date(1985, 1, 1), date(self.this_year - 4, 12, 31))
        row: Row = {
            "name": name,
            "short_name": short,
            "kind": kind,
            "field": fld,
            "level": level,
            "town": town,
            "parent_id": parent.id if parent else None,
            "secretary": None,
            "contact_person": None,
            "contact_phone": None,
            "address": place,
            "founded_on": founded,
            "start_date": start,
            "end_date": end,
            "remark": remark,
        }
        org_id = self.add(Organization, **row)
        info = OrgInfo(
            org_id,
            name,
            short,
            kind,
            fld,
            level,
            town,
            self.rows["organization"][-1],
            _WEIGHTS.get(weight or "", 0.0),
            unit=unit,
        )
        self.orgs.append(info)
        self.org_by_name[name] = info
        return info

    def _village_names(self, town: data.Town, used: set[str]) -> list[tuple[str, str]]:
        names = list(town.villages)
        used.update(n for n, _ in names)
        rng = self.rng
        for _ in range(self.scale.extra_villages_per_town):
            while True:
                is_community = rng.random() < 0.15
                short = (
                    rng.choice(data.VILLAGE_FIRST)
                    + rng.choice(data.VILLAGE_SECOND)
                    + ("社区" if is_community else "村")
                )
                if short not in used:
                    break
            used.add(short)
            suffix = "党委" if is_community else rng.choice(("党总支", "党总支", "党支部"))
            names.append((short, suffix))
        return names

    def _organizations(self) -> None:
        sc, rng = self.scale, self.rng
        district = self._org(
            data.DISTRICT_COMMITTEE,
            OrgKind.COMMITTEE,
            OrgField.AGENCY,
            OrgLevel.DISTRICT,
            short="潮南区委",
        )
        agency_wc = self._org(
            data.AGENCY_WORKING_COMMITTEE,
            OrgKind.WORKING_COMMITTEE,
            OrgField.AGENCY,
            OrgLevel.DISTRICT,
            parent=district,
            short="区直机关工委",
        )
        two_new = self._org(
            data.TWO_NEW_COMMITTEE,
            OrgKind.COMMITTEE,
            OrgField.SOCIAL_ORGANIZATION,
            OrgLevel.DISTRICT,
            parent=district,
            short="区两新组织党委",
        )
        self.district = district

        # District agencies, hospitals and state enterprises.
        weights = {
            OrgField.AGENCY: "agency",
            OrgField.HOSPITAL: "hospital",
            OrgField.STATE_ENTERPRISE: "state",
        }
        for agency, fld, branches in data.AGENCIES[: sc.agencies]:
            count = branches if sc.agency_branches else 1
            if agency == "区交通运输局":
                count = max(count, 2)  # the article's 机关第一党支部
            infix = "机关" if fld == OrgField.AGENCY else ""
            for n in range(count):
                ordinal = f"第{data.BRANCH_ORDINALS[n]}" if count > 1 else ""
                self._org(
                    f"{agency}{infix}{ordinal}党支部",
                    OrgKind.BRANCH,
                    fld,
                    OrgLevel.DISTRICT,
                    parent=agency_wc if fld == OrgField.AGENCY else district,
                    short=f"{agency}{infix}{ordinal}支部",
                    weight=weights.get(fld, "public"),
                    unit=agency,
                )
        self._org(
            data.CHENSHA_PROJECT,
            OrgKind.BRANCH,
            OrgField.PRIVATE_ENTERPRISE,
            OrgLevel.DISTRICT,
            parent=two_new,
            short="陈沙大道改建工程项目部",
            weight="enterprise",
            founded=date(self.this_year - 5, 3, 18),
        )

        used_villages: set[str] = set()
        for town in data.TOWNS:
            self._town(town, district, used_villages)

        # Temporary branches (临时党支部) of epidemic control, and one still open today.
        temps = [f"{p}疫情防控卡口临时党支部" for p in data.CHECKPOINTS]
        temps += [f"{p}医学集中观察点临时党支部" for p in data.OBSERVATION_POINTS]
        for name in temps[: max(0, sc.temporary - 1)]:
            start = random_date(rng, date(2020, 1, 25), date(2020, 2, 3))
            self._org(
                name,
                OrgKind.TEMPORARY_BRANCH,
                OrgField.OTHER,
                OrgLevel.DISTRICT,
                parent=district,
                founded=start,
                start=start,
                end=random_date(rng, date(2020, 3, 20), date(2020, 5, 31)),
                remark="疫情防控期间在一线成立,任务完成后撤销。",
            )
        flood_start = self.today - timedelta(days=45)
        self._org(
            f"潮南区{self.this_year}年防汛抢险临时党支部",
            OrgKind.TEMPORARY_BRANCH,
            OrgField.OTHER,
            OrgLevel.DISTRICT,
            parent=district,
            founded=flood_start,
            start=flood_start,
            remark="汛期结束后撤销。",
        )

        # Top up with private enterprises to the district's size.
        if sc.target_orgs is not None:
            towns = [t.name for t in data.TOWNS]
            while len(self.orgs) < sc.target_orgs:
                town_name = rng.choice(towns)
                self._enterprise(town_name, self.org_by_name[self._committee_name(town_name)])

    @staticmethod
    def _committee_name(town: str) -> str:
        return f"{town}党工委" if town.endswith("街道") else f"{town}党委"

    def _enterprise(self, town: str, parent: OrgInfo) -> OrgInfo:
        rng = self.rng
        while True:
            prefix = rng.choice(data.ENTERPRISE_PREFIXES)
            trade = rng.choice(data.ENTERPRISE_TRADES)
            company = f"{prefix}{trade}"
            if f"{company}党支部" in self.org_by_name:
                company = f"汕头市潮南区{town[:2]}{prefix[-2:]}{trade}"
            if f"{company}党支部" not in self.org_by_name:
                break
        return self._org(
            f"{company}党支部",
            OrgKind.BRANCH,
            OrgField.PRIVATE_ENTERPRISE,
            OrgLevel.TOWN,
            town=town,
            parent=parent,
            short=company,
            weight="enterprise",
            founded=random_date(rng, date(2005, 1, 1), date(self.this_year - 3, 12, 31)),
        )

    def _town(self, town: data.Town, district: OrgInfo, used_villages: set[str]) -> None:
        sc, rng = self.scale, self.rng
        name = town.name
        committee = self._org(
            self._committee_name(name),
            OrgKind.WORKING_COMMITTEE if town.kind == "街道" else OrgKind.COMMITTEE,
            OrgField.AGENCY,
            OrgLevel.TOWN,
            town=name,
            parent=district,
            short=name,
        )
        if sc.town_units:
            self._org(
                f"{name}机关党支部",
                OrgKind.BRANCH,
                OrgField.AGENCY,
                OrgLevel.TOWN,
                town=name,
                parent=committee,
                short=f"{name}机关",
                weight="town_agency",
            )
            self._org(
                f"{name}卫生院党支部",
                OrgKind.BRANCH,
                OrgField.HOSPITAL,
                OrgLevel.TOWN,
                town=name,
                parent=committee,
                short=f"{name}卫生院",
                weight="hospital",
            )
        if sc.town_units or name == "司马浦镇":
            self._org(
                f"{name}教育系统党总支",
                OrgKind.GENERAL_BRANCH,
                OrgField.SCHOOL,
                OrgLevel.TOWN,
                town=name,
                parent=committee,
                short=f"{name}教育系统",
                weight="school_system",
            )
        for short, suffix in self._village_names(town, used_villages):
            kind, fld = _SUFFIX_KIND[suffix]
            weight = {"党委": "village_committee", "党总支": "village_general"}.get(
                suffix, "village_branch"
            )
            village = self._org(
                f"{short}{suffix}",
                kind,
                fld,
                OrgLevel.VILLAGE,
                town=name,
                parent=committee,
                short=short,
                weight=weight,
            )
            if kind != OrgKind.BRANCH and rng.random() < sc.sub_branch_share:
                for n in range(rng.randint(2, 4)):
                    sub = self._org(
                        f"{short}第{data.BRANCH_ORDINALS[n]}党支部",
                        OrgKind.BRANCH,
                        fld,
                        OrgLevel.VILLAGE,
                        town=name,
                        parent=village,
                        short=f"{short}第{data.BRANCH_ORDINALS[n]}党支部",
                        weight="sub_branch",
                    )
                    sub.sub = True
        kinds = list(data.SCHOOL_KINDS)
        rng.shuffle(kinds)
        for school in kinds[: sc.schools_per_town]:
            self._org(
                f"{name}{school}党支部",
                OrgKind.BRANCH,
                OrgField.SCHOOL,
                OrgLevel.TOWN,
                town=name,
                parent=committee,
                short=f"{name}{school}",
                weight="school",
            )
        if name == "成田镇":
            for n, org_name in enumerate(data.CHENGTIAN_ALLIANCE):
                self._org(
                    org_name,
                    OrgKind.GENERAL_BRANCH if n == 0 else OrgKind.BRANCH,
                    OrgField.SOCIAL_ORGANIZATION,
                    OrgLevel.TOWN,
                    town=name,
                    parent=committee,
                    short=org_name.removesuffix("党总支部").removesuffix("党支部"),
                    weight="social",
                )
            for org_name in data.CHENGTIAN_ENTERPRISES:
                self._org(
                    org_name,
                    OrgKind.BRANCH,
                    OrgField.PRIVATE_ENTERPRISE,
                    OrgLevel.TOWN,
                    town=name,
                    parent=committee,
                    short=org_name.removesuffix("党支部"),
                    weight="enterprise",
                )
        socials = list(data.SOCIAL_ORG_KINDS)
        rng.shuffle(socials)
        for social in socials[: sc.social_per_town]:
            org_name = f"{name}{social}党支部"
            if org_name not in self.org_by_name:
                self._org(
                    org_name,
                    OrgKind.BRANCH,
                    OrgField.SOCIAL_ORGANIZATION,
                    OrgLevel.TOWN,
                    town=name,
                    parent=committee,
                    short=f"{name}{social}",
                    weight="social",
                )
        for _ in range(sc.enterprises_per_town):
            self._enterprise(name, committee)

    # -- party members --------------------------------------------------------------------
    def _members(self) -> None:
        sc, rng, people = self.scale, self.rng, self.people
        weighted = [o for o in self.orgs if o.weight > 0]
        total_weight = sum(o.weight for o in weighted)
        counts = [max(3, int(sc.members * o.weight / total_weight)) for o in weighted]
        shortfall = sc.members - sum(counts)
        for i in rng.choices(
            range(len(weighted)), [o.weight for o in weighted], k=max(0, shortfall)
        ):
            counts[i] += 1
        probation_from = self.today - timedelta(days=330)
        for org, n in zip(weighted, counts, strict=True):
            village = org.org_field in _VILLAGE_FIELDS
            ages = (23, 82) if village else (22, 59)
            work_unit = f"{org.town}{org.unit}" if village and org.town else org.unit
            for i in range(n):
                gender = people.gender(0.7 if village else 0.58)
                if i == 0:  # the secretary
                    birth = people.birth_date(self.today, ages[0] + 14, min(ages[1], 62))
                else:
                    birth = people.birth_date(self.today, *ages)
                if i >= 3 and rng.random() < 0.05:
                    category = MemberCategory.PROBATIONARY
                    joined = random_date(rng, probation_from, self.today - timedelta(days=20))
                    confirmed: date | None = None
                else:
                    category = MemberCategory.FULL
                    earliest = add_years(birth, 18)
                    latest = min(add_years(birth, 45), self.today - timedelta(days=400))
                    joined = random_date(rng, earliest, max(earliest, latest))
                    confirmed = joined + timedelta(days=365)
                status = MembershipStatus.NORMAL
                if i >= 3:
                    roll = rng.random()
                    if roll < 0.004:
                        status = MembershipStatus.LOST_CONTACT
                    elif roll < 0.009:
                        status = MembershipStatus.TRANSFERRED_OUT
                    elif roll < 0.012 and village:
                        status = MembershipStatus.DECEASED
                name = people.name(gender)
                phone = people.phone()
                member_id = self.add(
                    PartyMember,
                    name=name,
                    gender=gender,
                    ethnicity="汉族" if rng.random() < 0.995 else "畲族",
                    birth_date=birth,
                    id_number=people.id_number(birth, gender),
                    native_place=rng.choice(("广东潮南", "广东潮南", "广东潮阳", "广东汕头")),
                    education=people.education(),
                    joined_on=joined,
                    confirmed_on=confirmed,
                    category=category,
                    party_post=data.PARTY_POSTS[i] if i < min(n - 1, 5) else None,
                    work_unit=work_unit,
                    phone=phone,
                    organization_id=org.id,
                    status=status,
                    remark=None,
                )
                self.members[member_id] = MemberInfo(
                    member_id, name, phone, org.id, status == MembershipStatus.NORMAL
                )
                org.members.append(member_id)
                if i == 0:
                    org.secretary, org.secretary_id, org.phone = name, member_id, phone
        for org in self.orgs:
            if not org.secretary:
                gender = people.gender()
                org.secretary, org.phone = people.name(gender), people.phone()
            contact = self.members[org.members[1]] if len(org.members) > 1 else None
            org.row["secretary"] = org.secretary
            org.row["contact_person"] = contact.name if contact else org.secretary
            org.row["contact_phone"] = contact.phone if contact else org.phone

    # -- venues ---------------------------------------------------------------------------
    def _venues(self) -> None:
        rng = self.rng
        venue_names: set[str] = set()
        for org in self.orgs:
            if org.level == OrgLevel.VILLAGE and not org.sub:
                kind, name = VenueKind.SERVICE_CENTRE, f"{org.town}{org.short}党群服务中心"
            elif org.level == OrgLevel.TOWN and org.kind in (
                OrgKind.COMMITTEE,
                OrgKind.WORKING_COMMITTEE,
            ):
                kind, name = VenueKind.SERVICE_CENTRE, f"{org.town}党群服务中心"
            elif (
                org.org_field == OrgField.AGENCY
                and org.level == OrgLevel.DISTRICT
                and org.kind == OrgKind.BRANCH
                and rng.random() < 0.5
            ):
                kind, name = VenueKind.ACTIVITY_ROOM, f"{org.unit}党员活动室"
                if name in venue_names:
                    continue
            else:
                continue
            venue_names.add(name)
            org.venue_id = self.add(
                Venue,
                name=name,
                kind=kind,
                owner_org_id=org.id,
                address=org.row["address"],
                capacity=rng.choice((40, 60, 80, 100, 150, 200)),
                opening_hours=rng.choice(data.VENUE_HOURS),
                remark=None,
            )
        self.education_bases: list[int] = []
        for name, town in data.EDUCATION_BASES:
            owner = self.org_by_name[self._committee_name(town)]
            self.education_bases.append(
                self.add(
                    Venue,
                    name=name,
                    kind=VenueKind.EDUCATION_BASE,
                    owner_org_id=owner.id,
                    address=f"汕头市潮南区{town}",
                    capacity=rng.choice((100, 200, 300)),
                    opening_hours="周二至周日 9:00-17:00",
                    remark="预约参观,可开展现场教学。",
                )
            )

    # -- communities ----------------------------------------------------------------------
    def _communities(self) -> None:
        rng = self.rng
        used: set[str] = set()
        for spec in data.ARTICLE_COMMUNITIES:
            founded = random_date(
                rng, date(self.this_year - 4, 4, 1), date(self.this_year - 4, 7, 31)
            )
            orgs = [self.org_by_name[n] for n in spec.members]
            self._community(
                name=spec.name,
                theme=spec.theme,
                types=spec.types,
                orgs=orgs,
                status=CommunityStatus.RUNNING,
                founded=founded,
                description=spec.description,
            )
            used.add(spec.name)
        plans = self._plan_communities(used)
        n = len(plans)
        pending = [CommunityStatus.APPLIED] * max(1, n // 40) + [CommunityStatus.REVIEWED] * max(
            1, n // 60
        )
        pending += [CommunityStatus.RETURNED] * max(1, n // 100)
        statuses = pending + [CommunityStatus.RUNNING] * (n - len(pending))
        rng.shuffle(statuses)
        rectify_left = max(1, n // 60)
        for (name, theme, types, orgs), status in zip(plans, statuses, strict=True):
            running = status == CommunityStatus.RUNNING
            started: date | None = None
            if running:
                started = random_date(
                    rng, date(self.this_year - 3, 3, 1), date(self.last_year, 9, 30)
                )
            rectify = running and rectify_left > 0 and rng.random() < 0.3
            rectify_left -= rectify
            self._community(
                name=name,
                theme=theme,
                types=types,
                orgs=orgs,
                status=status,
                founded=started,
                rectify=rectify,
            )
        if rectify_left > 0:  # make sure someone is under rectification
            for c in reversed(self.communities):
                if c.status == CommunityStatus.RUNNING and c.name not in used:
                    c.rectify = True
                    break

    def _plan_communities(
        self, used: set[str]
    ) -> list[tuple[str, str, tuple[CoBuildType, ...], list[OrgInfo]]]:
        rng = self.rng
        by_town: dict[str, dict[str, list[OrgInfo]]] = defaultdict(lambda: defaultdict(list))
        agencies: list[OrgInfo] = []
        for o in self.orgs:
            if o.level == OrgLevel.DISTRICT and o.org_field in _REPORTING_FIELDS and o.members:
                if o.name != data.CHENSHA_PROJECT:
                    agencies.append(o)
            elif o.town and o.level == OrgLevel.VILLAGE and not o.sub:
                by_town[o.town]["village"].append(o)
            elif o.town and o.org_field == OrgField.PRIVATE_ENTERPRISE:
                by_town[o.town]["enterprise"].append(o)
            elif o.town and o.org_field == OrgField.SOCIAL_ORGANIZATION:
                by_town[o.town]["social"].append(o)
            elif o.town and o.org_field == OrgField.SCHOOL:
                by_town[o.town]["school"].append(o)
        towns = [t.name for t in data.TOWNS]
        rng.shuffle(agencies)
        pattern_cycle = (
            CoBuildType.CROSS_FIELD,
            CoBuildType.CROSS_LEVEL,
            CoBuildType.CROSS_REGION,
            CoBuildType.CROSS_INDUSTRY,
            CoBuildType.CROSS_FIELD,
            CoBuildType.CROSS_LEVEL,
            CoBuildType.CROSS_FIELD,
            CoBuildType.CROSS_REGION,
            CoBuildType.CROSS_LEVEL,
            CoBuildType.CROSS_INDUSTRY,
        )
        plans = []
        for i in range(self.scale.extra_communities):
            pattern = pattern_cycle[i % len(pattern_cycle)]
            ti = rng.randrange(len(towns))
            town = towns[ti]
            pool = by_town[town]
            village = rng.choice(pool["village"])
            types: tuple[CoBuildType, ...] = (pattern,)
            agency = agencies[i % len(agencies)]
            if pattern == CoBuildType.CROSS_FIELD:
                orgs = [agency, village]
                if pool["enterprise"] and rng.random() < 0.5:
                    orgs.append(rng.choice(pool["enterprise"]))
                anchor = village.short
            elif pattern == CoBuildType.CROSS_LEVEL:
                orgs = [self.org_by_name[self._committee_name(town)], agency, village]
                if pool["school"] and rng.random() < 0.4:
                    orgs.append(rng.choice(pool["school"]))
                if rng.random() < 0.3:
                    types = (pattern, CoBuildType.CROSS_FIELD)
                anchor = village.short
            elif pattern == CoBuildType.CROSS_REGION:
                other = by_town[towns[(ti + 1) % len(towns)]]["village"]
                orgs = rng.sample(pool["village"], min(len(pool["village"]), rng.randint(2, 3)))
                orgs += rng.sample(other, min(len(other), rng.randint(1, 2)))
                anchor = f"{orgs[0].short}片区"
            else:
                trades = ("商会", "联合会", "行业协会", "私营企业协会", "袜业协会")
                leads = [o for o in pool["social"] if any(k in o.short for k in trades)]
                leads = leads or pool["enterprise"]
                lead = rng.choice(leads)
                rest = [e for e in pool["enterprise"] if e is not lead]
                orgs = [lead, *rng.sample(rest, min(len(rest), rng.randint(2, 4)))]
                if len(orgs) < 2:
                    orgs.append(village)
                anchor = town
            if (
                pattern == CoBuildType.CROSS_INDUSTRY
                and orgs[0].org_field == OrgField.SOCIAL_ORGANIZATION
            ):
                anchor = orgs[0].short
            suffix = "党建联盟" if pattern == CoBuildType.CROSS_INDUSTRY else "党建共同体"
            themes = list(data.THEMES[pattern])
            rng.shuffle(themes)
            candidates = [f"{anchor}{theme}{suffix}" for theme in themes]
            candidates += [
                f"{anchor}{theme}第{n}{suffix}" for n in range(2, 99) for theme in themes
            ]
            name = next(c for c in candidates if c not in used)
            theme = next(th for th in themes if th in name)
            used.add(name)
            plans.append((name, theme, types, orgs))
        return plans

    def _community(
        self,
        *,
        name: str,
        theme: str,
        types: tuple[CoBuildType, ...],
        orgs: list[OrgInfo],
        status: CommunityStatus,
        founded: date | None,
        description: str | None = None,
        rectify: bool = False,
    ) -> None:
        rng = self.rng
        lead = orgs[0]
        cid = self.add(
            Community,
            name=name,
            theme=theme,
            lead_org_id=lead.id,
            founded_on=founded,
            status=status,
            description=description or f"{lead.short}牵头,{len(orgs)}个成员党组织联建共建。",
        )
        info = CommunityInfo(
            cid,
            name,
            name.removesuffix("党建共同体"),
            types,
            orgs,
            status,
            founded,
            rectify,
            self.rows["community"][-1],
        )
        self.communities.append(info)
        for t in types:
            self.add(CommunityType, community_id=cid, type=t)
        self._lifecycle(info)
        joined = founded or self._events_first_day
        for seq, org in enumerate(orgs):
            self.add(
                CommunityMember,
                community_id=cid,
                organization_id=org.id,
                role=MemberRole.LEAD if seq == 0 else MemberRole.MEMBER,
                seq=seq,
                joined_on=joined,
                left_on=None,
            )
        self._team(info)
        if not info.running:
            return
        assert founded is not None
        # Venues of the member organizations, sometimes an education base too.
        venues = [o.venue_id for o in orgs if o.venue_id is not None]
        if rng.random() < 0.3:
            venues.append(rng.choice(self.education_bases))
        for venue_id in dict.fromkeys(venues):
            self.add(
                CommunityVenue,
                community_id=cid,
                venue_id=venue_id,
                opened_on=founded + timedelta(days=rng.randint(3, 40)),
            )
            info.venue_ids.append(venue_id)
        self._rotation(info)

    @property
    def _events_first_day(self) -> date:
        return self.today - timedelta(days=70)

    def _lifecycle(self, info: CommunityInfo) -> None:
        rng = self.rng
        a, st = LifecycleAction, CommunityStatus
        applicant = info.orgs[0].secretary
        steps: list[tuple[LifecycleAction, CommunityStatus, date, str, str | None]] = []
        if info.founded is not None:
            start = info.founded
            approve = start - timedelta(days=rng.randint(2, 10))
            review = approve - timedelta(days=rng.randint(5, 15))
            apply = review - timedelta(days=rng.randint(7, 20))
            steps = [
                (a.APPLY, st.APPLIED, apply, applicant, "提交组建申请及组建方案"),
                (a.REVIEW_PASS, st.REVIEWED, review, self.staff[0], "组建程序和班子选配符合规定"),
                (a.APPROVE, st.APPROVED, approve, self.staff[1], "经区委组织部研究同意组建"),
                (a.START, st.RUNNING, start, applicant, "召开成立大会,正式运行"),
            ]
        else:
            apply = random_date(rng, self._events_first_day, self.today - timedelta(days=25))
            steps = [(a.APPLY, st.APPLIED, apply, applicant, "提交组建申请及组建方案")]
            if info.status == st.REVIEWED:
                review = apply + timedelta(days=rng.randint(5, 15))
                steps.append(
                    (a.REVIEW_PASS, st.REVIEWED, review, self.staff[0], "材料齐全,报区委组织部审批")
                )
            elif info.status == st.RETURNED:
                review = apply + timedelta(days=rng.randint(5, 15))
                steps.append(
                    (
                        a.REVIEW_RETURN,
                        st.RETURNED,
                        review,
                        self.staff[0],
                        "班子选配方案不完整,缺少联络员人选,请补充后重新申请",
                    )
                )
        for action, after, on, who, remark in steps:
            self.add(
                LifecycleEvent,
                community_id=info.id,
                action=action,
                status_after=after,
                occurred_on=on,
                operator=who,
                remark=remark,
            )

    def _team(self, info: CommunityInfo) -> None:
        rng = self.rng
        lead = info.orgs[0]
        seats: list[tuple[str, int | None, LeadershipRole, OrgInfo, bool, str | None]] = [
            (lead.secretary, lead.secretary_id, LeadershipRole.CONVENER, lead, False, lead.phone)
        ]
        if len(info.orgs) > 1:
            deputy = info.orgs[1]
            seats.append(
                (
                    deputy.secretary,
                    deputy.secretary_id,
                    LeadershipRole.DEPUTY_CONVENER,
                    deputy,
                    deputy.org_field in _REPORTING_FIELDS and rng.random() < 0.6,
                    deputy.phone,
                )
            )
        liaison_pool = lead.members[1:3]
        if liaison_pool:
            m = self.members[rng.choice(liaison_pool)]
            seats.append((m.name, m.id, LeadershipRole.LIAISON, lead, False, m.phone))
        for org in info.orgs[2:]:
            seats.append(
                (
                    org.secretary,
                    org.secretary_id,
                    LeadershipRole.COMMITTEE_MEMBER,
                    org,
                    False,
                    org.phone,
                )
            )
        # Cross-appointment (交叉任职): an agency cadre sits on the team for a village.
        helpers = [o for o in info.orgs if o.org_field in _REPORTING_FIELDS and len(o.members) > 3]
        if helpers and any(o.org_field in _VILLAGE_FIELDS for o in info.orgs):
            org = helpers[0]
            m = self.members[org.members[3]]
            seats.append((m.name, m.id, LeadershipRole.COMMITTEE_MEMBER, org, True, m.phone))
        for seq, (name, member_id, role, org, cross, phone) in enumerate(seats):
            self.add(
                CommunityRole,
                community_id=info.id,
                person_name=name,
                member_id=member_id,
                role=role,
                organization_id=org.id,
                cross_appointment=cross,
                phone=phone,
                seq=seq,
                start_date=info.founded,
                end_date=None,
            )
            info.roles.append(RoleInfo(name, member_id, role))

    def _rotation(self, info: CommunityInfo) -> None:
        assert info.founded is not None
        quarterly = self.rng.random() < 0.4
        months = 3 if quarterly else 6
        start = _month_start(info.founded)
        start = _month_start(start, -((start.month - 1) % months))
        seq = 0
        horizon = _month_start(self.today, months)
        while start < horizon:
            end = _month_start(start, months) - timedelta(days=1)
            org = info.orgs[seq % len(info.orgs)]
            label = _quarter_label(start) if quarterly else _half_year_label(start)
            self.add(
                ConvenerTurn,
                community_id=info.id,
                organization_id=org.id,
                seq=seq,
                period_label=label,
                period_start=start,
                period_end=end,
            )
            info.turns.append((start, end, org))
            seq += 1
            start = end + timedelta(days=1)

    def _convener_org(self, info: CommunityInfo, day: date) -> OrgInfo:
        for start, end, org in info.turns:
            if start <= day <= end:
                return org
        return info.orgs[0]

    # -- post reports (双报到) ------------------------------------------------------------
    def _post_reports(self) -> None:
        rng = self.rng
        reported: set[int] = set()
        slots: list[tuple[CommunityInfo, OrgInfo, list[int]]] = []
        for c in self.communities:
            if not c.running:
                continue
            targets = [o for o in c.orgs if o.org_field in _VILLAGE_FIELDS] or [c.orgs[0]]
            for o in c.orgs:
                if o.org_field in _REPORTING_FIELDS:
                    candidates = [
                        m for m in o.members if self.members[m].active and m != o.secretary_id
                    ]
                    target = rng.choice([t for t in targets if t is not o] or [c.orgs[-1]])
                    if target is not o:
                        slots.append((c, target, candidates))
        available = sum(len(s[2]) for s in slots) or 1
        share = min(1.0, self.scale.reports / available)
        for c, target, candidates in slots:
            assert c.founded is not None
            take = [m for m in candidates if m not in reported]
            take = rng.sample(take, min(len(take), round(len(candidates) * share + rng.random())))
            for member_id in take:
                reported.add(member_id)
                self._report(c, target, member_id)

    def _report(self, c: CommunityInfo, target: OrgInfo, member_id: int) -> None:
        rng = self.rng
        assert c.founded is not None
        post_id, post_name = rng.choice(self.posts) if self.posts else (None, "志愿服务")
        reported_on = random_date(rng, c.founded, self.today - timedelta(days=30))
        ended = rng.random() < 0.05
        ended_on = random_date(rng, reported_on + timedelta(days=20), self.today) if ended else None
        rid = self.add(
            PostReport,
            member_id=member_id,
            community_id=c.id,
            organization_id=target.id,
            post_id=post_id,
            reported_on=reported_on,
            status=PostReportStatus.ENDED if ended else PostReportStatus.ACTIVE,
            ended_on=ended_on,
            remark="工作调动,离岗" if ended else None,
        )
        last_day = ended_on or self.today
        for _ in range(rng.randint(1, 3 if self.scale.name == "district" else 4)):
            self.add(
                ServiceLog,
                report_id=rid,
                served_on=random_date(rng, reported_on, last_day),
                hours=rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
                content=rng.choice(data.SERVICE_CONTENT.get(post_name, ("参加志愿服务",))),
            )
        if reported_on <= date(self.last_year, 12, 1):
            result = rng.choices(
                (
                    EvaluationResult.EXCELLENT,
                    EvaluationResult.QUALIFIED,
                    EvaluationResult.UNQUALIFIED,
                ),
                (25, 72, 3),
            )[0]
            remarks = {
                EvaluationResult.EXCELLENT: "履职尽责,服务群众成效明显",
                EvaluationResult.QUALIFIED: "能按要求参加报到服务",
                EvaluationResult.UNQUALIFIED: "全年参加服务次数偏少",
            }
            self.add(
                PostEvaluation,
                report_id=rid,
                year=self.last_year,
                result=result,
                remark=remarks[result],
            )

    # -- activities -----------------------------------------------------------------------
    def _activities(self) -> None:
        running = [c for c in self.communities if c.running]
        year_start = date(self.last_year, 1, 1)
        months_total = 0
        for c in running:
            assert c.founded is not None
            first = _month_start(max(c.founded, year_start))
            months_total += (self.today.year - first.year) * 12 + self.today.month - first.month + 1
        target = self.scale.activities
        fixed_rate = 0.92 + 0.95 / 3 + 0.9 / 6 + 0.85
        extra = 1.0 if target is None else max(0.2, target / max(1, months_total) - fixed_rate)
        kinds = [k for k, _ in _EXTRA_KINDS]
        weights = [w for _, w in _EXTRA_KINDS]
        for n, c in enumerate(running):
            if n % 25 == 0:
                self._tick()
            assert c.founded is not None
            month = _month_start(max(c.founded, year_start))
            stop = _month_start(self.today, 1)
            seq: dict[tuple[int, ActivityKind], int] = defaultdict(int)
            turn = 0
            while month <= stop:
                plan: list[ActivityKind] = []
                slack = 0.5 if c.rectify else 1.0
                if self.rng.random() < 0.92 * slack:
                    plan.append(ActivityKind.REGULAR_MEETING)
                if month.month % 3 == 0 and self.rng.random() < 0.95 * slack:
                    plan.append(ActivityKind.JOINT_MEETING)
                if month.month % 6 == 0 and self.rng.random() < 0.9 * slack:
                    plan.append(ActivityKind.BRIEFING)
                if self.rng.random() < 0.85 * slack:
                    plan.append(ActivityKind.THEME_PARTY_DAY)
                whole = int(extra)
                count = whole + (1 if self.rng.random() < extra - whole else 0)
                plan += self.rng.choices(kinds, weights, k=count)
                for kind in plan:
                    day = month.replace(day=self.rng.randint(1, 28))
                    if month == stop and day > self.today + timedelta(days=40):
                        continue
                    seq[(day.year, kind)] += 1
                    host = (
                        self._convener_org(c, day)
                        if kind in MEETING_KINDS
                        else c.orgs[turn % len(c.orgs)]
                    )
                    turn += kind not in MEETING_KINDS
                    self._activity(c, kind, day, host, seq[(day.year, kind)])
                month = _month_start(month, 1)

    def _activity(
        self, c: CommunityInfo, kind: ActivityKind, day: date, host: OrgInfo, seq: int
    ) -> None:
        rng = self.rng
        starts = datetime.combine(day, time(rng.choice((9, 9, 10, 14, 15)), rng.choice((0, 30))))
        status = ActivityStatus.HELD if day < self.today else ActivityStatus.PLANNED
        if status == ActivityStatus.HELD and rng.random() < 0.01:
            status = ActivityStatus.CANCELLED
        meeting = kind in MEETING_KINDS
        if meeting:
            title = f"{day.year}年第{seq}次{kind.zh}"
        else:
            title = rng.choice(data.ACTIVITY_TITLES.get(kind.value, (kind.zh,)))
        if meeting:
            participants = list(c.orgs)
        else:
            others = [o for o in c.orgs if o is not host]
            participants = [
                host,
                *rng.sample(others, rng.randint(min(1, len(others)), len(others))),
            ]
        venue_id = rng.choice(c.venue_ids) if c.venue_ids else None
        training = kind in TRAINING_KINDS
        trainees = 0
        if training and status == ActivityStatus.HELD:
            trainees = rng.randint(15, 60) * len(participants) // 2 + rng.randint(0, 9)
        chair = c.person(LeadershipRole.CONVENER) if meeting else host.secretary
        recorder = c.person(LeadershipRole.LIAISON)
        guests = None
        if kind == ActivityKind.JOINT_MEETING and rng.random() < 0.4:
            guests = f"区委组织部 {self.staff[2]}"
        aid = self.add(
            Activity,
            community_id=c.id,
            host_org_id=host.id,
            kind=kind,
            title=title,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=rng.choice((90, 120, 150, 180))),
            venue_id=venue_id,
            place=None if venue_id else f"{host.short}会议室",
            chair=chair,
            recorder=recorder,
            lecturer=host.secretary if training else None,
            guests=guests,
            trainee_count=trainees,
            status=status,
            summary=(
                f"由{host.short}主导,{len(participants)}个成员党组织参加。"
                if status == ActivityStatus.HELD
                else None
            ),
            seq_in_year=seq,
        )
        c.activities[day.year].append(aid)
        for org in participants:
            self.add(ActivityOrganization, activity_id=aid, organization_id=org.id)
        if status == ActivityStatus.CANCELLED:
            return
        present = 0
        if status == ActivityStatus.HELD and (meeting or self.scale.full_attendance):
            present = self._attendance(c, aid, participants, meeting)
        if meeting:
            self._agenda(aid, kind, present if status == ActivityStatus.HELD else None)
        elif status == ActivityStatus.HELD and self._photos_left > 0:
            self._photos(aid, title)

    def _photos(self, aid: int, title: str) -> None:
        """One or two photos of the first activities held (a few in all, at any scale)."""
        for n in range(1, min(self._photos_left, self._photo_rng.choice((1, 1, 2))) + 1):
            png = photos.activity_photo(self._photo_rng)
            attachment_id = self.add(
                Attachment,
                activity_id=aid,
                filename=f"现场照片{n}.png",
                is_photo=True,
                caption=f"{title}现场",
                size=len(png),
                sha256=hashlib.sha256(png).hexdigest(),
            )
            self.rows[AttachmentContent.__tablename__].append(
                {"attachment_id": attachment_id, "data": png}
            )
            self._photos_left -= 1

    def _attendance(
        self, c: CommunityInfo, aid: int, participants: list[OrgInfo], meeting: bool
    ) -> int:
        rng = self.rng
        people: dict[int, str] = {}
        if meeting:
            for r in c.roles:
                if r.member_id is not None:
                    people[r.member_id] = r.name
            for org in participants:
                if org.secretary_id is not None:
                    people.setdefault(org.secretary_id, org.secretary)
        else:
            for org in participants:
                pool = org.members[: rng.randint(2, 8)]
                for m in pool:
                    people[m] = self.members[m].name
        voters = 0
        for member_id, name in people.items():
            if rng.random() < 0.09:
                reason = rng.choice(list(AbsenceReason))
                self.add(
                    Attendance,
                    activity_id=aid,
                    member_id=member_id,
                    person_name=name,
                    status=AttendanceStatus.ABSENT,
                    absence_reason=reason,
                    reason_text=_ABSENCE_TEXT[reason],
                )
            else:
                voters += 1
                self.add(
                    Attendance,
                    activity_id=aid,
                    member_id=member_id,
                    person_name=name,
                    status=AttendanceStatus.PRESENT,
                    absence_reason=None,
                    reason_text=None,
                )
        if meeting and rng.random() < 0.35:
            self.add(
                Attendance,
                activity_id=aid,
                member_id=None,
                person_name=rng.choice(self.staff),
                status=AttendanceStatus.NON_VOTING,
                absence_reason=None,
                reason_text=None,
            )
        return voters

    def _agenda(self, aid: int, kind: ActivityKind, voters: int | None) -> None:
        rng = self.rng
        topics = data.AGENDA_TOPICS.get(kind.value, data.AGENDA_TOPICS["other"])
        chosen = rng.sample(topics, min(len(topics), rng.randint(2, 3)))
        for seq, (title, discussion, resolution) in enumerate(chosen, start=1):
            held = voters is not None
            against = 1 if held and voters and voters > 4 and rng.random() < 0.05 else 0
            abstain = 1 if held and voters and voters > 4 and rng.random() < 0.08 else 0
            self.add(
                AgendaItem,
                activity_id=aid,
                seq=seq,
                title=title,
                discussion=discussion if held else None,
                resolution=resolution if held else None,
                votes_for=(voters or 0) - against - abstain if held else None,
                votes_against=against if held else None,
                votes_abstain=abstain if held else None,
            )

    # -- lists, claims and supervision ----------------------------------------------------
    def _lists(self) -> None:
        rng = self.rng
        slots: list[tuple[CommunityInfo, int, date]] = []
        for c in self.communities:
            if not c.running:
                continue
            assert c.founded is not None
            for year in (self.last_year, self.this_year):
                signed = max(c.founded + timedelta(days=30), date(year, 2, 15))
                signed += timedelta(days=rng.randint(0, 40))
                if signed <= self.today and signed.year == year:
                    slots.append((c, year, signed))
        total = self.scale.project_items
        per = [total // max(1, len(slots))] * len(slots)
        for i in rng.sample(range(len(slots)), min(len(slots), total - sum(per))):
            per[i] += 1
        for n, ((c, year, signed), projects) in enumerate(zip(slots, per, strict=True)):
            if n % 50 == 0:
                self._tick()
            self._list_set(c, year, signed, projects)

    def _list_set(self, c: CommunityInfo, year: int, signed: date, projects: int) -> None:
        rng = self.rng
        ids = {}
        for kind in ListKind:
            ids[kind] = self.add(
                ServiceList,
                community_id=c.id,
                kind=kind,
                title=f"{year}年度{c.short}{kind.zh}",
                year=year,
                signed_on=signed,
                remark="经联席会议审议,各成员党组织签字确认",
            )
        demands: list[tuple[int, Row]] = []
        for seq, (title, category) in enumerate(
            rng.sample(data.DEMANDS, rng.randint(max(1, projects // 2), max(2, projects))), start=1
        ):
            row_id = self._item(ids[ListKind.DEMAND], seq, title, category)
            demands.append((row_id, self.rows["list_item"][-1]))
        resources: list[tuple[int, Row]] = []
        for seq, (title, category) in enumerate(
            rng.sample(data.RESOURCES, rng.randint(1, 3)), start=1
        ):
            row_id = self._item(ids[ListKind.RESOURCE], seq, title, category)
            resources.append((row_id, self.rows["list_item"][-1]))
        last_year = year < self.this_year
        for seq in range(1, projects + 1):
            title, category, expected = rng.choice(data.PROJECTS)
            answers = rng.choice(demands)
            uses = rng.choice(resources) if rng.random() < 0.6 else None
            weights = (2, 2, 6, 90) if last_year else (15, 15, 35, 35)
            if c.rectify:
                weights = (30, 30, 30, 10)
            status = rng.choices(
                (ItemStatus.OPEN, ItemStatus.CLAIMED, ItemStatus.IN_PROGRESS, ItemStatus.SOLVED),
                weights,
            )[0]
            deadline = signed + timedelta(days=rng.randint(60, 300))
            if not last_year and status != ItemStatus.SOLVED:
                # Most open work is still within its deadline; about one in five is overdue.
                if rng.random() < 0.2:
                    deadline = self.today - timedelta(days=rng.randint(3, 60))
                else:
                    deadline = self.today + timedelta(days=rng.randint(15, 200))
                deadline = max(deadline, signed + timedelta(days=30))
            claimed_on = min(self.today, signed + timedelta(days=rng.randint(3, 30)))
            solved_on = None
            result = satisfaction = None
            if status == ItemStatus.SOLVED:
                latest = min(self.today, deadline + timedelta(days=20))
                solved_on = random_date(rng, claimed_on + timedelta(days=15), latest)
                solved_on = min(solved_on, self.today)
                result = f"已完成:{expected}"
                satisfaction = rng.choices(list(Satisfaction), (80, 17, 3))[0]
            item_id = self.add(
                ListItem,
                list_id=ids[ListKind.PROJECT],
                seq=seq,
                title=title,
                description=f"针对“{answers[1]['title']}”的服务项目",
                category=category,
                answers_item_id=answers[0],
                uses_item_id=uses[0] if uses else None,
                expected_result=expected,
                status=status,
                deadline=deadline,
                solved_on=solved_on,
                result=result,
                satisfaction=satisfaction,
            )
            c.projects[year].append((item_id, title))
            rank = {ItemStatus.OPEN: 0, ItemStatus.CLAIMED: 1, ItemStatus.IN_PROGRESS: 2}
            demand_row = answers[1]
            if status == ItemStatus.SOLVED:
                demand_row["status"] = ItemStatus.SOLVED
            elif rank.get(demand_row["status"], 3) < rank[status]:
                demand_row["status"] = status
            if uses and status != ItemStatus.OPEN:
                uses[1]["status"] = ItemStatus.CLAIMED
            if status != ItemStatus.OPEN:
                self._claim(
                    c,
                    item_id,
                    claimed_on=claimed_on,
                    deadline=deadline,
                    status=status,
                    solved_on=solved_on,
                )

    def _item(self, list_id: int, seq: int, title: str, category: str) -> int:
        return self.add(
            ListItem,
            list_id=list_id,
            seq=seq,
            title=title,
            description=None,
            category=category,
            answers_item_id=None,
            uses_item_id=None,
            expected_result=None,
            status=ItemStatus.OPEN,
            deadline=None,
            solved_on=None,
            result=None,
            satisfaction=None,
        )

    def _claim(
        self,
        c: CommunityInfo,
        item_id: int,
        *,
        claimed_on: date,
        deadline: date,
        status: ItemStatus,
        solved_on: date | None,
    ) -> None:
        rng = self.rng
        group = len(c.orgs) > 2 and rng.random() < 0.3
        orgs = (
            rng.sample(c.orgs, rng.randint(2, min(3, len(c.orgs))))
            if group
            else [rng.choice(c.orgs)]
        )
        claim_id = self.add(
            Claim,
            item_id=item_id,
            mode=ClaimMode.GROUP if group else ClaimMode.SINGLE,
            lead_org_id=orgs[0].id,
            claimed_on=claimed_on,
            deadline=deadline,
            responsible=orgs[0].secretary,
        )
        for org in orgs:
            self.add(
                ClaimOrganization,
                claim_id=claim_id,
                organization_id=org.id,
                responsible_person=org.secretary,
            )
        if status == ItemStatus.CLAIMED and rng.random() < 0.5:
            return
        last = solved_on or self.today
        for _ in range(rng.randint(1, 3)):
            self.add(
                Supervision,
                item_id=item_id,
                entry_date=random_date(rng, claimed_on, last),
                by_whom=rng.choice(
                    (c.person(LeadershipRole.CONVENER), c.person(LeadershipRole.LIAISON))
                ),
                progress=rng.choice(data.SUPERVISION_PROGRESS),
                next_step=rng.choice(data.SUPERVISION_NEXT),
            )

    # -- funds ----------------------------------------------------------------------------
    def _funds(self) -> None:
        rng = self.rng
        for c in self.communities:
            if not c.running:
                continue
            assert c.founded is not None
            handler = c.person(LeadershipRole.LIAISON)
            for year in (self.last_year, self.this_year):
                first = max(c.founded, date(year, 1, 1))
                last = min(date(year, 12, 31), self.today)
                if first > last:
                    continue
                income = 0
                income_end = min(last, first + timedelta(days=60))
                sources = [FundSource.HIGHER_LEVEL, FundSource.RAISED, FundSource.PARTY_DUES]
                amounts = {
                    FundSource.HIGHER_LEVEL: (10_000, 50_000),
                    FundSource.RAISED: (3_000, 20_000),
                    FundSource.PARTY_DUES: (2_000, 8_000),
                }
                for source in sources:
                    low, high = amounts[source]
                    cents = rng.randint(low // 100, high // 100) * 100 * 100
                    income += cents
                    self.add(
                        FundEntry,
                        community_id=c.id,
                        entry_date=random_date(rng, first, income_end),
                        direction=FundDirection.INCOME,
                        source=source,
                        purpose=f"{year}年度党建共同体工作经费",
                        amount_cents=cents,
                        activity_id=None,
                        item_id=None,
                        over_balance=False,
                        handler=handler,
                        remark=None,
                    )
                budget = int(income * rng.uniform(0.4, 0.85))
                spend_from = income_end + timedelta(days=1)
                spending: list[tuple[str, int | None, int | None]] = [
                    (rng.choice(data.FUND_SPENDING), aid, None)
                    for aid in rng.sample(c.activities[year], min(len(c.activities[year]), 4))
                ]
                spending += [
                    (f"项目实施:{title}", None, item_id) for item_id, title in c.projects[year][:2]
                ]
                for purpose, aid, item_id in spending:
                    if spend_from > last or budget < 100_000:
                        break
                    cents = rng.randint(5, max(6, budget // 3 // 10_000)) * 10_000
                    cents = min(cents, budget)
                    budget -= cents
                    self.add(
                        FundEntry,
                        community_id=c.id,
                        entry_date=random_date(rng, spend_from, last),
                        direction=FundDirection.EXPENSE,
                        source=None,
                        purpose=purpose,
                        amount_cents=cents,
                        activity_id=aid,
                        item_id=item_id,
                        over_balance=False,
                        handler=handler,
                        remark=None,
                    )

    # -- indicator sets and assessments ---------------------------------------------------
    def _indicator_set(self, year: int) -> tuple[int, list[tuple[int, float]]]:
        set_id = self.add(
            IndicatorSet,
            year=year,
            name=f"{year}年度党建共同体标准体系",
            excellent_min=DEFAULT_GRADE_THRESHOLDS.excellent_min,
            good_min=DEFAULT_GRADE_THRESHOLDS.good_min,
            pass_min=DEFAULT_GRADE_THRESHOLDS.pass_min,
        )
        indicators = []
        for seq, spec in enumerate(DEFAULT_INDICATORS, start=1):
            iid = self.add(
                Indicator,
                set_id=set_id,
                seq=seq,
                category=spec.category,
                name=spec.name,
                max_score=spec.max_score,
                guidance=spec.guidance,
                metric=spec.metric,
            )
            indicators.append((iid, spec.max_score))
        return set_id, indicators

    def _assessments(self) -> None:
        rng = self.rng
        years = self._skip.get("indicator_set", set())
        if str(self.last_year) in years:
            return
        set_id, indicators = self._indicator_set(self.last_year)
        if str(self.this_year) not in years:
            self._indicator_set(self.this_year)
        finished = datetime(self.last_year, 12, 28, 2, 0, tzinfo=UTC)
        assessed: list[tuple[float, CommunityInfo, Row]] = []
        for c in self.communities:
            if not c.running:
                continue
            quality = rng.uniform(0.42, 0.55) if c.rectify else rng.uniform(0.66, 0.99)
            scores = []
            for _iid, max_score in indicators:
                factor = min(1.0, max(0.2, quality + rng.uniform(-0.08, 0.08)))
                scores.append(round(max_score * factor * 2) / 2)
            total = round(sum(scores), 1)
            grade = grade_for(total)
            aid = self.add(
                Assessment,
                set_id=set_id,
                community_id=c.id,
                status=AssessmentStatus.FINISHED,
                total=total,
                grade=grade,
                feedback=data.ASSESSMENT_FEEDBACK[grade.value],
                outcome=AssessmentOutcome.NONE,
                award_cents=0,
                rectify_reasons=None,
                finished_at=finished,
                assessor=self.staff[1],
            )
            assessed.append((total, c, self.rows["assessment"][-1]))
            for (iid, _max), score in zip(indicators, scores, strict=True):
                self.add(Score, assessment_id=aid, indicator_id=iid, score=score, remark=None)
        assessed.sort(key=lambda a: (-a[0], a[1].id))
        demo_sites = [a for a in assessed if a[0] >= DEFAULT_GRADE_THRESHOLDS.excellent_min]
        for _total, _c, row in demo_sites[: max(2, len(assessed) // 12)]:
            row["outcome"] = AssessmentOutcome.DEMONSTRATION
            row["award_cents"] = rng.choice((2_000_000, 3_000_000, 5_000_000))
        rectify_on = min(date(self.this_year, 1, 10), self.today)
        for _total, c, row in assessed:
            if c.rectify:
                row["outcome"] = AssessmentOutcome.RECTIFY
                row["rectify_reasons"] = data.RECTIFY_REASONS
                c.status = CommunityStatus.RECTIFYING
                c.row["status"] = CommunityStatus.RECTIFYING
                self.add(
                    LifecycleEvent,
                    community_id=c.id,
                    action=LifecycleAction.RECTIFY,
                    status_after=CommunityStatus.RECTIFYING,
                    occurred_on=rectify_on,
                    operator=self.staff[1],
                    remark="年底考核作用发挥不明显,责令规范整顿",
                )

    # -- users ----------------------------------------------------------------------------
    def _admin_user(self) -> None:
        if "admin" not in self._skip.get("app_user", set()):
            self.add(
                User,
                username="admin",
                display_name="系统管理员",
                role=UserRole.ADMIN,
                active=True,
                organization_id=self.district.id,
            )


__all__ = ["SCALES", "DistrictGenerator", "Scale"]
