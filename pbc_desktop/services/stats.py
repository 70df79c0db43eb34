"""Headline figures of the dashboard (概览), computed live in a few aggregate queries.

Structural figures (communities, member organizations, service centres opened, members
reported, overdue items) describe the present state; the others count the given year:
activities by their start time, lists and their items by the list's year.
With a town, every figure is limited to the communities with a current member
organization in that town (``scope.town_community_ids``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, extract, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Claim,
    Community,
    CommunityMember,
    CommunityType,
    CommunityVenue,
    IndicatorSet,
    ListItem,
    PostReport,
    ServiceList,
    Venue,
)
from pbc_desktop.domain.enums import (
    TRAINING_KINDS,
    ActivityStatus,
    CoBuildType,
    CommunityStatus,
    ItemStatus,
    ListKind,
    PostReportStatus,
    VenueKind,
)
from pbc_desktop.services import access
from pbc_desktop.services.scope import overdue_clause, town_community_ids, year_bounds


@dataclass(frozen=True)
class Figures:
    year: int
    town: str | None
    communities: int  # not revoked
    communities_by_type: tuple[tuple[CoBuildType, int], ...]  # not revoked; every type
    communities_by_status: tuple[tuple[CommunityStatus, int], ...]  # every status
    member_organizations: int  # distinct current member organizations
    service_centres: int  # 开放党群服务中心 … 处
    activities: int  # activities of the year, planned or held (not cancelled)
    activities_held: int
    trainings: int  # 组织教育培训 … 场次 (held)
    trainees: int  # 培训党员 … 人次
    members_reported: int  # 党员报到 … 人 (distinct members on an active post)
    lists_signed: int  # 签订清单 … 份
    projects_claimed: int  # 认领服务项目 … 个
    problems_solved: int  # 解决问题 … 个
    overdue_items: int  # 逾期 now


def _count(stmt: Any) -> Any:
    return stmt.scalar_subquery()


def headline_figures(
    db: Database, year: int, town: str | None = None, *, today: date | None = None
) -> Figures:
    day = today or date.today()
    start, end = year_bounds(year)
    scope = town_community_ids(town) if town else None
    acc = access.of(db)

    def within(column: Any) -> list[ColumnElement[bool]]:
        """The town asked for, and the communities the account sees."""
        conds = [] if scope is None else [column.in_(scope)]
        return conds if acc.whole else [*conds, acc.communities(column)]

    live = [Community.status != CommunityStatus.REVOKED]
    live_ids = select(Community.id).where(*live, *within(Community.id))
    in_year = [
        Activity.starts_at >= start,
        Activity.starts_at < end,
        Activity.status != ActivityStatus.CANCELLED,
        *within(Activity.community_id),
    ]
    held = Activity.status == ActivityStatus.HELD
    training = held & Activity.kind.in_(sorted(TRAINING_KINDS))
    # the year's activities read once for the four figures (each its own count read
    # them again: 65,000 a year in the district)
    activity_counts = select(
        func.count(Activity.id).label("activities"),
        func.coalesce(func.sum(case((held, 1), else_=0)), 0).label("activities_held"),
        func.coalesce(func.sum(case((training, 1), else_=0)), 0).label("trainings"),
        func.coalesce(func.sum(case((training, Activity.trainee_count), else_=0)), 0).label(
            "trainees"
        ),
    ).where(*in_year)
    year_items = (
        select(ListItem.id)
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(ServiceList.year == year, *within(ServiceList.community_id))
    )
    scalars = select(
        _count(select(func.count(Community.id)).where(*live, *within(Community.id))).label(
            "communities"
        ),
        _count(
            select(func.count(func.distinct(CommunityMember.organization_id))).where(
                CommunityMember.left_on.is_(None), CommunityMember.community_id.in_(live_ids)
            )
        ).label("member_organizations"),
        _count(
            select(func.count(func.distinct(CommunityVenue.venue_id)))
            .join(Venue, Venue.id == CommunityVenue.venue_id)
            .where(
                Venue.kind == VenueKind.SERVICE_CENTRE,
                CommunityVenue.community_id.in_(live_ids),
            )
        ).label("service_centres"),
        _count(
            select(func.count(func.distinct(PostReport.member_id))).where(
                PostReport.status == PostReportStatus.ACTIVE, *within(PostReport.community_id)
            )
        ).label("members_reported"),
        _count(
            select(func.count(ServiceList.id)).where(
                ServiceList.year == year,
                ServiceList.signed_on.is_not(None),
                *within(ServiceList.community_id),
            )
        ).label("lists_signed"),
        _count(
            select(func.count(ListItem.id))
            .join(ServiceList, ServiceList.id == ListItem.list_id)
            .where(
                ListItem.id.in_(year_items),
                ServiceList.kind == ListKind.PROJECT,
                ListItem.id.in_(select(Claim.item_id)),
            )
        ).label("projects_claimed"),
        _count(
            select(func.count(ListItem.id)).where(
                ListItem.id.in_(year_items), ListItem.status == ItemStatus.SOLVED
            )
        ).label("problems_solved"),
        _count(
            select(func.count(ListItem.id))
            .join(ServiceList, ServiceList.id == ListItem.list_id)
            .where(overdue_clause(day), *within(ServiceList.community_id))
        ).label("overdue_items"),
    )
    by_type_stmt = (
        select(CommunityType.type, func.count(func.distinct(CommunityType.community_id)))
        .where(CommunityType.community_id.in_(live_ids))
        .group_by(CommunityType.type)
    )
    by_status_stmt = (
        select(Community.status, func.count(Community.id))
        .where(*within(Community.id))
        .group_by(Community.status)
    )
    with db.snapshot() as s:  # figures of one moment, while others write
        r = s.execute(scalars).one()
        activity_row = s.execute(activity_counts).one()
        by_type = {kind: int(n) for kind, n in s.execute(by_type_stmt)}
        by_status = {status: int(n) for status, n in s.execute(by_status_stmt)}
    # each count is labelled with the field of Figures it fills
    counts: dict[str, Any] = {
        name: int(n) for row in (r, activity_row) for name, n in row._mapping.items()
    }
    return Figures(
        year=year,
        town=town,
        communities_by_type=tuple((k, by_type.get(k, 0)) for k in CoBuildType),
        communities_by_status=tuple((k, by_status.get(k, 0)) for k in CommunityStatus),
        **counts,
    )


def available_years(db: Database, *, today: date | None = None) -> list[int]:
    """Years from the first recorded activity, list or indicator system to now, newest first."""
    this_year = (today or date.today()).year
    stmt = select(
        _count(select(func.min(Activity.starts_at))),
        _count(select(func.max(Activity.starts_at))),
        _count(select(func.min(ServiceList.year))),
        _count(select(func.max(ServiceList.year))),
        _count(select(func.min(IndicatorSet.year))),
        _count(select(func.max(IndicatorSet.year))),
    )
    with db.read() as s:
        values = s.execute(stmt).one()
    found = [this_year]
    for value in values:
        if value is None:
            continue
        found.append(value if isinstance(value, int) else int(str(value)[:4]))
    return list(range(max(found), min(found) - 1, -1))


@dataclass(frozen=True)
class ChartFigures:
    """The dashboard's small charts: held activities per month, project items by status."""

    year: int
    town: str | None
    activities_by_month: tuple[int, ...]  # 12 counts, January first (held)
    projects_by_status: tuple[tuple[ItemStatus, int], ...]  # project items of the year's lists
    projects_overdue: int  # of those, past their deadline and not solved


def chart_figures(
    db: Database, year: int, town: str | None = None, *, today: date | None = None
) -> ChartFigures:
    day = today or date.today()
    start, end = year_bounds(year)
    scope = town_community_ids(town) if town else None
    month = extract("month", Activity.starts_at)
    by_month = select(month, func.count(Activity.id)).where(
        Activity.starts_at >= start,
        Activity.starts_at < end,
        Activity.status == ActivityStatus.HELD,
    )
    projects = (
        select(ListItem.status, func.count(ListItem.id))
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(ServiceList.year == year, ServiceList.kind == ListKind.PROJECT)
    )
    overdue = (
        select(func.count(ListItem.id))
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(ServiceList.year == year, ServiceList.kind == ListKind.PROJECT, overdue_clause(day))
    )
    if scope is not None:
        by_month = by_month.where(Activity.community_id.in_(scope))
        projects = projects.where(ServiceList.community_id.in_(scope))
        overdue = overdue.where(ServiceList.community_id.in_(scope))
    with db.snapshot() as s:  # figures of one moment, while others write
        acc = access.of(db, s)
        if not acc.whole:
            by_month = by_month.where(acc.communities(Activity.community_id))
            projects = projects.where(acc.communities(ServiceList.community_id))
            overdue = overdue.where(acc.communities(ServiceList.community_id))
        months = {int(m): int(n) for m, n in s.execute(by_month.group_by(month))}
        statuses = {st: int(n) for st, n in s.execute(projects.group_by(ListItem.status))}
        late = int(s.execute(overdue).scalar_one())
    return ChartFigures(
        year=year,
        town=town,
        activities_by_month=tuple(months.get(m, 0) for m in range(1, 13)),
        projects_by_status=tuple((st, statuses.get(st, 0)) for st in ItemStatus),
        projects_overdue=late,
    )


def figures_dict(f: Figures) -> dict[str, Any]:
    """The headline figures as plain JSON-ready data (``pbc stats --json``)."""
    return {
        "year": f.year,
        "town": f.town,
        "communities": f.communities,
        "communities_by_type": {t.value: n for t, n in f.communities_by_type},
        "communities_by_status": {st.value: n for st, n in f.communities_by_status},
        "member_organizations": f.member_organizations,
        "service_centres": f.service_centres,
        "activities": f.activities,
        "activities_held": f.activities_held,
        "trainings": f.trainings,
        "trainees": f.trainees,
        "members_reported": f.members_reported,
        "lists_signed": f.lists_signed,
        "projects_claimed": f.projects_claimed,
        "problems_solved": f.problems_solved,
        "overdue_items": f.overdue_items,
    }
