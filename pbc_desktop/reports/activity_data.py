"""What the activity reports (minutes, sign-in sheet) read: the activity and its title."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    Attendance,
    Organization,
    PartyMember,
)
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus, MembershipStatus
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t

# 三会一课: recorded by the branch itself ("XX党支部…会议记录") when not a community's.
BRANCH_KINDS = frozenset(
    {
        ActivityKind.BRANCH_ASSEMBLY,
        ActivityKind.BRANCH_COMMITTEE,
        ActivityKind.GROUP_MEETING,
        ActivityKind.PARTY_LESSON,
    }
)


def load_activity(session: Session, activity_id: int) -> Activity:
    """The activity with everything a report prints, loaded in a few queries."""
    stmt = (
        select(Activity)
        .where(Activity.id == activity_id)
        .options(
            joinedload(Activity.community),
            joinedload(Activity.host_org),
            joinedload(Activity.venue),
            selectinload(Activity.organizations).joinedload(ActivityOrganization.organization),
            selectinload(Activity.attendance)
            .joinedload(Attendance.member)
            .joinedload(PartyMember.organization),
            selectinload(Activity.agenda),
        )
    )
    activity = session.scalars(stmt).first()
    if activity is None:
        raise NotFoundError(
            t(
                f"找不到编号为 {activity_id} 的活动,它可能已被删除。",
                f"There is no activity with id {activity_id}; it may have been deleted.",
            )
        )
    return activity


def ordinal_in_year(session: Session, activity: Activity) -> int:
    """第N次: the activity's place among its owner's activities of the same kind that year.

    A community's activities use the stored ``seq_in_year`` when set; otherwise (and for a
    branch's own meetings, numbered per host organization) the activities are counted in
    date order, cancelled ones left out.
    """
    if activity.community_id is not None and activity.seq_in_year:
        return activity.seq_in_year
    year = activity.starts_at.year
    if activity.community_id is not None:
        owner = Activity.community_id == activity.community_id
    else:
        owner = and_(
            Activity.community_id.is_(None),
            Activity.host_org_id == activity.host_org_id
            if activity.host_org_id is not None
            else Activity.host_org_id.is_(None),
        )
    stmt = (
        select(func.count())
        .select_from(Activity)
        .where(
            owner,
            Activity.kind == activity.kind,
            Activity.starts_at >= datetime(year, 1, 1),
            Activity.starts_at < datetime(year + 1, 1, 1),
            or_(Activity.status != ActivityStatus.CANCELLED, Activity.id == activity.id),
            or_(
                Activity.starts_at < activity.starts_at,
                and_(Activity.starts_at == activity.starts_at, Activity.id <= activity.id),
            ),
        )
    )
    return max(session.scalar(stmt) or 0, 1)


def owner_name(activity: Activity) -> str:
    if activity.community is not None:
        return activity.community.name
    if activity.host_org is not None:
        return activity.host_org.name
    return ""


def base_title(session: Session, activity: Activity) -> tuple[str, str]:
    """("XX党建共同体", "2026年第3次联席会议"), or ("", the activity's title) with no owner."""
    owner = owner_name(activity)
    if not owner:
        return "", activity.title
    n = ordinal_in_year(session, activity)
    return owner, f"{activity.starts_at.year}年第{n}次{activity.kind.zh}"


def minutes_suffix(activity: Activity) -> str:
    if activity.community is not None:
        return "纪要" if activity.kind.is_meeting else "活动记录"
    if activity.kind.is_meeting or activity.kind in BRANCH_KINDS:
        return "会议记录"
    return "活动记录"


def place_text(activity: Activity) -> str:
    if activity.venue is not None:
        if activity.place and activity.place != activity.venue.name:
            return f"{activity.venue.name}({activity.place})"
        return activity.venue.name
    return activity.place or ""


def participating_org_names(activity: Activity) -> list[str]:
    return [link.organization.name for link in sorted(activity.organizations, key=_by_id)]


def _by_id(record: ActivityOrganization | Attendance) -> int:
    return record.id


def attendance_in_order(activity: Activity) -> list[Attendance]:
    """The attendance rows in the order they were entered."""
    return sorted(activity.attendance, key=_by_id)


def members_of_participants(session: Session, activity: Activity) -> list[PartyMember]:
    """Members in good standing of the participating organizations, organization by organization."""
    org_ids = [link.organization_id for link in sorted(activity.organizations, key=_by_id)]
    if not org_ids:
        return []
    rank = {org_id: i for i, org_id in enumerate(org_ids)}
    members = session.scalars(
        select(PartyMember)
        .where(
            PartyMember.organization_id.in_(org_ids),
            PartyMember.status == MembershipStatus.NORMAL,
        )
        .options(joinedload(PartyMember.organization))
        .order_by(PartyMember.id)
    ).all()
    return sorted(members, key=lambda m: rank[m.organization_id])


def org_of(member: PartyMember | None) -> Organization | None:
    return member.organization if member is not None else None
