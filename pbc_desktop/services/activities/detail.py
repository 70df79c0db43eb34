"""The activity's detail pane: everything stored about one activity, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    AgendaItem,
    Attendance,
    Organization,
)
from pbc_desktop.domain.attendance import attendance_taken, count_attendance
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
)
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.scope import (
    from_fields,
    origin_name,
)


@dataclass(frozen=True)
class AgendaView:
    seq: int
    title: str
    discussion: str | None
    resolution: str | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None


def agenda_view(item: AgendaItem) -> AgendaView:
    return from_fields(AgendaView, item)


@dataclass(frozen=True)
class AttendanceView:
    person_name: str
    status: AttendanceStatus
    absence_reason: AbsenceReason | None
    reason_text: str | None


@dataclass(frozen=True)
class ActivityFacts:
    """A stored activity's own fields, with the names of its community and host: what the
    detail pane and the editor both show."""

    id: int
    kind: ActivityKind
    title: str
    status: ActivityStatus
    starts_at: datetime
    ends_at: datetime | None
    community_name: str | None
    host_org_name: str | None
    place: str | None
    chair: str | None
    recorder: str | None
    lecturer: str | None
    guests: str | None
    trainee_count: int
    summary: str | None


@dataclass(frozen=True)
class ActivityDetail(ActivityFacts):
    organizations: tuple[str, ...]
    agenda: tuple[AgendaView, ...]
    attendance: tuple[AttendanceView, ...]

    @property
    def expected(self) -> int:
        return count_attendance([a.status for a in self.attendance])[0]

    @property
    def present(self) -> int | None:
        """实到; None until the activity is held (:func:`attendance_taken`)."""
        if not attendance_taken(self.status):
            return None
        return count_attendance([a.status for a in self.attendance])[1]

    @property
    def absent(self) -> tuple[AttendanceView, ...]:
        return tuple(a for a in self.attendance if a.status == AttendanceStatus.ABSENT)

    #: the office the record came from in a package (None: made here)
    origin: str | None = None


def activity_not_found() -> NotFoundError:
    return NotFoundError(
        t("找不到该活动，可能已被删除。", "The activity was not found; it may have been deleted.")
    )


def get_activity_detail(db: Database, activity_id: int) -> ActivityDetail:
    with db.read() as s:
        activity = s.get(Activity, activity_id)
        if activity is None or not access.of(db, s).sees_activity(
            s, activity.community_id, activity.host_org_id
        ):
            raise activity_not_found()
        orgs = s.scalars(
            select(Organization.name)
            .join(ActivityOrganization, ActivityOrganization.organization_id == Organization.id)
            .where(ActivityOrganization.activity_id == activity_id)
            .order_by(ActivityOrganization.id)
        ).all()
        agenda = s.scalars(
            select(AgendaItem)
            .where(AgendaItem.activity_id == activity_id)
            .order_by(AgendaItem.seq, AgendaItem.id)
        ).all()
        # by status, then by name in pinyin (the names of visitors are not stored in pinyin:
        # an activity has a few hundred people at most)
        status_rank = {status: i for i, status in enumerate(AttendanceStatus)}
        attendance = sorted(
            s.scalars(select(Attendance).where(Attendance.activity_id == activity_id)),
            key=lambda a: (
                status_rank[a.status],
                sort_key(a.person_name, person=True),
                a.id,
            ),
        )
        return from_fields(
            ActivityDetail,
            activity,
            community_name=activity.community.name if activity.community else None,
            host_org_name=activity.host_org.name if activity.host_org else None,
            place=activity.place or (activity.venue.name if activity.venue else None),
            trainee_count=activity.trainee_count or 0,
            organizations=tuple(orgs),
            agenda=tuple(agenda_view(a) for a in agenda),
            attendance=tuple(from_fields(AttendanceView, a) for a in attendance),
            origin=origin_name(s, activity.origin_office),
        )


def numbered_together(community_id: int | None, host_org_id: int | None) -> ColumnElement[bool]:
    """The activities counted with one of ``community_id`` and ``host_org_id`` for 第N次:
    the community's; with no community, the host organization's own meetings."""
    if community_id is not None:
        return Activity.community_id == community_id
    return and_(
        Activity.community_id.is_(None),
        Activity.host_org_id == host_org_id
        if host_org_id is not None
        else Activity.host_org_id.is_(None),
    )
