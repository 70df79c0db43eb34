"""What the minutes (会议纪要) and the sign-in sheet (签到表) print about one activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    Attendance,
    PartyMember,
)
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityStatus,
    AttendanceStatus,
    MembershipStatus,
)
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.activities.detail import (
    ActivityFacts,
    AgendaView,
    agenda_view,
    numbered_together,
)
from pbc_desktop.services.scope import from_fields


@dataclass(frozen=True)
class Attendee:
    """One attendance row; ``unit`` and ``post`` are those of the member it names, if any."""

    name: str
    status: AttendanceStatus
    absence_reason: AbsenceReason | None
    reason_text: str | None
    unit: str | None
    post: str | None


@dataclass(frozen=True)
class Invitee:
    """A member in good standing of a participating organization."""

    name: str
    unit: str
    post: str | None


@dataclass(frozen=True)
class ActivityDocument(ActivityFacts):
    """The activity as its minutes and sign-in sheet print it (``place`` as typed; the
    venue apart)."""

    ordinal: int  # 第N次: its place among its owner's activities of the kind that year
    venue_name: str | None
    organizations: tuple[str, ...]  # the participating organizations, in their order
    attendance: tuple[Attendee, ...]  # in the order they were entered
    agenda: tuple[AgendaView, ...]  # in their order
    # Who the sign-in sheet lists when no attendance is recorded (empty when some is):
    # the participants' members, organization by organization.
    invitees: tuple[Invitee, ...]


def get_activity_document(db: Database, activity_id: int) -> ActivityDocument:
    """The activity with everything its minutes and sign-in sheet print, in a few queries."""
    with db.read() as s:
        a = _load(s, activity_id, access.of(db, s))
        links = sorted(a.organizations, key=lambda link: link.id)
        # names in pinyin order (the minutes and the sheet group them by status)
        attendance = sorted(
            a.attendance, key=lambda row: (sort_key(row.person_name, person=True), row.id)
        )
        return from_fields(
            ActivityDocument,
            a,
            community_name=a.community.name if a.community is not None else None,
            host_org_name=a.host_org.name if a.host_org is not None else None,
            trainee_count=a.trainee_count or 0,
            ordinal=_ordinal_in_year(s, a),
            venue_name=a.venue.name if a.venue is not None else None,
            organizations=tuple(link.organization.name for link in links),
            attendance=tuple(
                from_fields(
                    Attendee,
                    row,
                    name=row.person_name,
                    unit=row.member.organization.name if row.member is not None else None,
                    post=row.member.party_post if row.member is not None else None,
                )
                for row in attendance
            ),
            agenda=tuple(agenda_view(g) for g in sorted(a.agenda, key=lambda g: (g.seq, g.id))),
            invitees=() if attendance else _members_of(s, [link.organization_id for link in links]),
        )


def _load(s: Session, activity_id: int, acc: access.Access) -> Activity:
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
    activity = s.scalars(stmt).first()
    if activity is None or not acc.sees_activity(s, activity.community_id, activity.host_org_id):
        raise NotFoundError(
            t(
                f"找不到编号为 {activity_id} 的活动，它可能已被删除。",
                f"There is no activity with id {activity_id}; it may have been deleted.",
            )
        )
    return activity


def _ordinal_in_year(s: Session, activity: Activity) -> int:
    """第N次: the activity's place among its owner's activities of the same kind that year.

    A community's activities use the stored ``seq_in_year`` when set; otherwise (and for a
    branch's own meetings, numbered per host organization) the activities are counted in
    date order, cancelled ones left out.
    """
    if activity.community_id is not None and activity.seq_in_year:
        return activity.seq_in_year
    year = activity.starts_at.year
    owner = numbered_together(activity.community_id, activity.host_org_id)
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
    return max(s.scalar(stmt) or 0, 1)


def _members_of(s: Session, org_ids: list[int]) -> tuple[Invitee, ...]:
    """Members in good standing of the organizations, organization by organization."""
    if not org_ids:
        return ()
    rank = {org_id: i for i, org_id in enumerate(org_ids)}
    members = s.scalars(
        select(PartyMember)
        .where(
            PartyMember.organization_id.in_(org_ids),
            PartyMember.status == MembershipStatus.NORMAL,
        )
        .options(joinedload(PartyMember.organization))
        .order_by(PartyMember.name_sort, PartyMember.id)
    ).all()
    return tuple(
        Invitee(m.name, m.organization.name, m.party_post)
        for m in sorted(members, key=lambda m: rank[m.organization_id])
    )
