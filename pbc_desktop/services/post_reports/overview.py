"""The 双报到 overview: per home organization, how many of its members reported where and
how many hours they served, and the reports it received.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, distinct, func, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, Organization, PartyMember, PostReport, ServiceLog
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.enums import MembershipStatus, PostReportStatus
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.post_reports.common import ReportFacts
from pbc_desktop.services.scope import (
    date_bounds,
    from_fields,
    report_hours,
    report_places,
    sorted_page,
)

SUMMARY_DESTINATIONS = 3  # destinations named in an overview row; the rest are counted


#: Members who are off the roll (转出, 已故, 出党, 停止党籍) are not counted in the overview.
_GONE = tuple(s for s in MembershipStatus if s not in ON_ROLL_STATUSES)


@dataclass(frozen=True)
class OverviewQuery:
    """Filters of the 双报到 overview; ``year`` limits the service hours only."""

    text: str = ""
    town: str | None = None
    year: int | None = None
    involved_only: bool = False  # organizations whose members reported or that received reports


@dataclass(frozen=True)
class Destination:
    community_name: str | None
    organization_name: str
    members: int

    @property
    def text(self) -> str:
        where = self.organization_name
        if self.community_name:
            where = t(f"{where}（{self.community_name}）", f"{where} ({self.community_name})")
        space = "" if where.endswith("）") else " "  # a full-width bracket has its own
        return t(f"{where}{space}{self.members}人", f"{where}: {self.members}")


@dataclass(frozen=True)
class OverviewRow:
    id: int
    name: str
    town: str | None
    member_count: int  # its own current members
    reported_count: int  # of them, members on a post now (active report)
    received_count: int  # active reports of other organizations' members to it
    service_hours: float  # served by its members (in the year, when one is chosen)
    destinations: tuple[Destination, ...]  # the first few, most members first
    destination_count: int

    @property
    def reported_share(self) -> float | None:
        return self.reported_count / self.member_count if self.member_count else None

    @property
    def summary(self) -> str:
        """e.g. "东泰社区党支部(东泰党建共同体)3人;文光社区党委 1人 等4处"."""
        parts = t("；", "; ").join(d.text for d in self.destinations)
        more = self.destination_count - len(self.destinations)
        if more > 0:
            parts += t(f" 等{self.destination_count}处", f" and {more} more")
        return parts


@dataclass(frozen=True, kw_only=True)
class ReportedMember(ReportFacts):
    """A report of one of the organization's members (the overview's detail)."""

    report_id: int
    member_id: int
    member_name: str


def _counts() -> tuple[Any, Any, Any]:
    """Grouped subqueries per organization: members, members on a post, reports received."""
    members = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.count(PartyMember.id).label("n"),
        )
        .where(PartyMember.status.not_in(_GONE))
        .group_by(PartyMember.organization_id)
        .subquery("own_members")
    )
    reported = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.count(distinct(PostReport.member_id)).label("n"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .where(PostReport.status == PostReportStatus.ACTIVE)
        .group_by(PartyMember.organization_id)
        .subquery("reported_members")
    )
    received = (
        select(
            PostReport.organization_id.label("org_id"),
            func.count(PostReport.id).label("n"),
        )
        .where(PostReport.status == PostReportStatus.ACTIVE)
        .group_by(PostReport.organization_id)
        .subquery("received_reports")
    )
    return members, reported, received


def _hours(year: int | None) -> Any:
    stmt = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.sum(ServiceLog.hours).label("hours"),
        )
        .join(PostReport, PostReport.id == ServiceLog.report_id)
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .group_by(PartyMember.organization_id)
    )
    if year is not None:
        first, after = date_bounds(year)
        stmt = stmt.where(ServiceLog.served_on >= first, ServiceLog.served_on < after)
    return stmt.subquery("served_hours")


def _overview_filters(
    query: OverviewQuery, reported: Any, received: Any, acc: access.Access
) -> list[Any]:
    conds: list[ColumnElement[bool]] = [acc.orgs(Organization.id)]
    needle = v.normalise_text(query.text)
    if needle:
        conds.append(
            Organization.name.icontains(needle, autoescape=True)
            | Organization.short_name.icontains(needle, autoescape=True)
        )
    if query.town:
        conds.append(Organization.town == query.town)
    if query.involved_only:
        conds.append(or_(reported.c.n > 0, received.c.n > 0))
    return conds


OVERVIEW_SORT_KEYS = (
    "name",
    "town",
    "member_count",
    "reported_count",
    "share",
    "received_count",
    "service_hours",
)


def count_overview(db: Database, query: OverviewQuery) -> int:
    _members, reported, received = _counts()
    stmt = select(func.count(Organization.id)).select_from(Organization)
    if query.involved_only:
        stmt = stmt.outerjoin(reported, reported.c.org_id == Organization.id).outerjoin(
            received, received.c.org_id == Organization.id
        )
    with db.read() as s:
        stmt = stmt.where(*_overview_filters(query, reported, received, access.of(db, s)))
        return int(s.execute(stmt).scalar_one())


def list_overview(db: Database, query: OverviewQuery, page: PageRequest) -> list[OverviewRow]:
    """双报到 per home organization: members, members on a post, where, hours served."""
    members, reported, received = _counts()
    hours = _hours(query.year)
    member_n = func.coalesce(members.c.n, 0)
    reported_n = func.coalesce(reported.c.n, 0)
    received_n = func.coalesce(received.c.n, 0)
    hours_sum = func.coalesce(hours.c.hours, 0.0)
    share = case((member_n > 0, reported_n * 1.0 / member_n), else_=None)
    stmt = (
        select(
            Organization.id,
            Organization.name,
            Organization.town,
            member_n.label("members"),
            reported_n.label("reported"),
            received_n.label("received"),
            hours_sum.label("hours"),
        )
        .outerjoin(members, members.c.org_id == Organization.id)
        .outerjoin(reported, reported.c.org_id == Organization.id)
        .outerjoin(received, received.c.org_id == Organization.id)
        .outerjoin(hours, hours.c.org_id == Organization.id)
        .where(*_overview_filters(query, reported, received, access.of(db)))
    )
    keys: dict[str, Any] = {
        "name": Organization.name_sort,
        "town": Organization.town,
        "member_count": member_n,
        "reported_count": reported_n,
        "share": share,
        "received_count": received_n,
        "service_hours": hours_sum,
    }
    stmt = sorted_page(
        stmt,
        page,
        keys,
        func.coalesce(Organization.town, ""),
        Organization.name_sort,
        Organization.name,
        Organization.id,
    )
    with db.read() as s:
        rows = list(s.execute(stmt))
        places = _destinations(s, [r.id for r in rows])
    out = []
    for r in rows:
        where = places.get(r.id, [])
        out.append(
            OverviewRow(
                id=r.id,
                name=r.name,
                town=r.town,
                member_count=int(r.members),
                reported_count=int(r.reported),
                received_count=int(r.received),
                service_hours=round(float(r.hours or 0), 2),
                destinations=tuple(where[:SUMMARY_DESTINATIONS]),
                destination_count=len(where),
            )
        )
    return out


def _destinations(s: Session, org_ids: list[int]) -> dict[int, list[Destination]]:
    """Where the members of each organization are on a post, most members first (one query)."""
    if not org_ids:
        return {}
    target = aliased(Organization)
    n = func.count(distinct(PostReport.member_id))
    stmt = (
        select(PartyMember.organization_id, Community.name, target.name, n)
        .select_from(PostReport)
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .join(target, target.id == PostReport.organization_id)
        .outerjoin(Community, Community.id == PostReport.community_id)
        .where(
            PartyMember.organization_id.in_(org_ids),
            PostReport.status == PostReportStatus.ACTIVE,
        )
        .group_by(PartyMember.organization_id, Community.name, target.name)
    )
    found: dict[int, list[Destination]] = defaultdict(list)
    for org_id, community, org_name, count in s.execute(stmt):
        found[org_id].append(Destination(community, org_name, int(count)))
    for places in found.values():
        places.sort(
            key=lambda d: (
                -d.members,
                sort_key(d.organization_name),
                sort_key(d.community_name or ""),
            )
        )
    return found


def reported_members(db: Database, org_id: int, year: int | None = None) -> list[ReportedMember]:
    """Every report of the organization's members (on a post first), hours in ``year``."""
    in_year: list[ColumnElement[bool]] = []
    if year is not None:
        first, after = date_bounds(year)
        in_year = [ServiceLog.served_on >= first, ServiceLog.served_on < after]
    hours = report_hours(*in_year)
    on_post_first = case((PostReport.status == PostReportStatus.ACTIVE, 0), else_=1)
    stmt = (
        report_places(
            PostReport.id,
            PartyMember.id.label("member_id"),
            PartyMember.name.label("member_name"),
            PostReport.reported_on,
            PostReport.status,
            PostReport.ended_on,
            hours.label("hours"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .where(PartyMember.organization_id == org_id)
        .order_by(on_post_first, PartyMember.name_sort, PostReport.reported_on, PostReport.id)
    )
    with db.read() as s:
        if not access.of(db, s).sees_org(org_id):
            return []
        return [
            from_fields(
                ReportedMember,
                r,
                report_id=r.id,
                organization_name=r.org_name,
                service_hours=round(float(r.hours or 0), 2),
            )
            for r in s.execute(stmt)
        ]


def service_years(db: Database) -> list[int]:
    """Years with logged service, newest first (for the overview's year filter)."""
    with db.read() as s:
        first = s.scalar(select(func.min(ServiceLog.served_on)))
        last = s.scalar(select(func.max(ServiceLog.served_on)))
    if first is None or last is None:
        return []
    return list(range(last.year, first.year - 1, -1))
