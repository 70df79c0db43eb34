"""The activity editor: its data, the pickers it offers, and the validated writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from pbc_desktop.db.base import new_uuid, utcnow
from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    AgendaItem,
    Attendance,
    Community,
    ConvenerTurn,
    FundEntry,
    Organization,
    PartyMember,
    Venue,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.attendance import count_attendance
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
    CommunityStatus,
    LifecycleAction,
    MembershipStatus,
)
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import ConflictError
from pbc_desktop.lang import t
from pbc_desktop.services import access, attachments, audit, communities, venues, versions
from pbc_desktop.services.activities.detail import (
    ActivityFacts,
    activity_not_found,
    numbered_together,
)
from pbc_desktop.services.attachments import NewFile
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.scope import (
    Choice,
    from_fields,
    pinyin_match,
    year_bounds,
)

TITLE_MAX = 200
NAME_MAX = 60
PLACE_MAX = 200
TEXT_MAX = 2000


@dataclass(frozen=True)
class AttendanceInput:
    """One person called to the activity; ``member_id`` when picked from the member roll."""

    person_name: str
    status: AttendanceStatus = AttendanceStatus.PRESENT
    member_id: int | None = None
    absence_reason: AbsenceReason | None = None
    reason_text: str | None = None


@dataclass(frozen=True)
class AgendaInput:
    title: str
    discussion: str | None = None
    resolution: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None

    @property
    def voted(self) -> bool:
        return any(v is not None for v in (self.votes_for, self.votes_against, self.votes_abstain))

    @property
    def votes_cast(self) -> int:
        return sum(v or 0 for v in (self.votes_for, self.votes_against, self.votes_abstain))


@dataclass(frozen=True)
class ActivityInput:
    """Everything the editor saves. Attachments: ``keep_attachment_ids`` lists the stored
    files to keep (``None`` keeps them all); ``new_files`` are read into the database."""

    community_id: int | None
    kind: ActivityKind
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    status: ActivityStatus = ActivityStatus.HELD
    venue_id: int | None = None
    place: str | None = None
    host_org_id: int | None = None
    chair: str | None = None
    recorder: str | None = None
    lecturer: str | None = None
    guests: str | None = None
    trainee_count: int = 0
    summary: str | None = None
    organization_ids: tuple[int, ...] = ()
    attendance: tuple[AttendanceInput, ...] = ()
    agenda: tuple[AgendaInput, ...] = ()
    keep_attachment_ids: tuple[int, ...] | None = None
    new_files: tuple[Path, ...] = ()
    #: the version the editor read (``ActivityEdit.version``); None: not checked
    version: int | None = None


@dataclass(frozen=True)
class AttachmentView:
    """An attachment as listed (its bytes are read only to open or save it)."""

    id: int
    filename: str
    is_photo: bool
    size: int | None
    missing: bool  # no content: not found when the database was upgraded


@dataclass(frozen=True, kw_only=True)
class AttendanceEdit(AttendanceInput):
    """A stored attendance row, as entered, with the member's organization."""

    organization_name: str | None


@dataclass(frozen=True)
class ActivityEdit(ActivityFacts):
    """A stored activity as the editor shows it (ids plus the names to display)."""

    uuid: str
    community_id: int | None
    venue_id: int | None
    host_org_id: int | None
    organizations: tuple[Choice, ...]
    attendance: tuple[AttendanceEdit, ...]
    agenda: tuple[AgendaInput, ...]
    attachments: tuple[AttachmentView, ...]
    version: int  # the stored version, handed back with the input (optimistic locking)


@dataclass(frozen=True)
class PersonChoice:
    """A party member offered by the attendance picker."""

    id: int
    name: str
    organization_name: str


def member_choices(db: Database, text: str, limit: int = 30) -> list[PersonChoice]:
    """Members whose name starts with or contains ``text`` (never the whole roll), of the
    organizations the account meets (its own, and those of the communities it sees)."""
    needle = text.strip()
    if not needle:
        return []
    starts = case((PartyMember.name.startswith(needle, autoescape=True), 0), else_=1)
    matches = PartyMember.name.icontains(needle, autoescape=True)
    if (by_pinyin := pinyin_match(PartyMember, needle)) is not None:
        matches = matches | by_pinyin  # zw, zhangwei: 张伟
    stmt = (
        select(PartyMember.id, PartyMember.name, Organization.name.label("org"))
        .join(Organization, Organization.id == PartyMember.organization_id)
        .where(matches)
        .order_by(starts, PartyMember.name_sort, PartyMember.id)
        .limit(limit)
    )
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).orgs_met(PartyMember.organization_id))
        return [PersonChoice(r.id, r.name, r.org) for r in s.execute(stmt)]


def members_of(
    db: Database, organization_ids: Sequence[int], limit: int = 500
) -> list[PersonChoice]:
    """Members in good standing of the given organizations (to call them all at once);
    only those of organizations the account meets (see :func:`member_choices`)."""
    if not organization_ids:
        return []
    stmt = (
        select(PartyMember.id, PartyMember.name, Organization.name.label("org"))
        .join(Organization, Organization.id == PartyMember.organization_id)
        .where(
            PartyMember.organization_id.in_(list(organization_ids)),
            PartyMember.status == MembershipStatus.NORMAL,
        )
        .order_by(Organization.name_sort, Organization.id, PartyMember.name_sort, PartyMember.id)
        .limit(limit)
    )
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).orgs_met(PartyMember.organization_id))
        return [PersonChoice(r.id, r.name, r.org) for r in s.execute(stmt)]


def propose_host(db: Database, community_id: int, on: date) -> Choice | None:
    """The host in turn: the convener whose rotation period holds ``on``, else the next one
    the rotation proposes (轮流主导). A community the account does not see reads as one
    that does not exist (its members' names are not told)."""
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        stmt = (
            select(Organization.id, Organization.name)
            .join(ConvenerTurn, ConvenerTurn.organization_id == Organization.id)
            .where(
                ConvenerTurn.community_id == community_id,
                ConvenerTurn.period_start <= on,
                ConvenerTurn.period_end >= on,
            )
            .order_by(ConvenerTurn.seq.desc())
            .limit(1)
        )
        row = s.execute(stmt).first()
    if row is not None:
        return Choice(row.id, row.name)
    proposal = communities.propose_next_convener(db, community_id)
    if proposal is None:
        return None
    return Choice(proposal.organization_id, proposal.organization_name)


def community_org_choices(db: Database, community_id: int) -> list[Choice]:
    """The current member organizations of a community, in their order."""
    detail = communities.get_community(db, community_id)
    return [Choice(m.organization_id, m.name) for m in detail.active_members]


def _load_full(s: Session, activity_id: int, acc: access.Access) -> Activity:
    stmt = (
        select(Activity)
        .where(Activity.id == activity_id)
        .options(
            selectinload(Activity.organizations).selectinload(ActivityOrganization.organization),
            selectinload(Activity.attendance).selectinload(Attendance.member),
            selectinload(Activity.agenda),
            selectinload(Activity.attachments),
            selectinload(Activity.community),
            selectinload(Activity.host_org),
        )
    )
    activity = s.scalars(stmt).one_or_none()
    if activity is None or not acc.sees_activity(s, activity.community_id, activity.host_org_id):
        raise activity_not_found()
    return activity


def get_activity_edit(db: Database, activity_id: int) -> ActivityEdit:
    with db.read() as s:
        a = _load_full(s, activity_id, access.of(db, s))
        member_orgs: dict[int, str] = {}
        ids = [x.member_id for x in a.attendance if x.member_id is not None]
        if ids:
            member_orgs = {
                r.id: r.org
                for r in s.execute(
                    select(PartyMember.id, Organization.name.label("org"))
                    .join(Organization, Organization.id == PartyMember.organization_id)
                    .where(PartyMember.id.in_(ids))
                )
            }
        return from_fields(
            ActivityEdit,
            a,
            community_name=a.community.name if a.community else None,
            host_org_name=a.host_org.name if a.host_org else None,
            trainee_count=a.trainee_count or 0,
            organizations=tuple(
                Choice(o.organization_id, o.organization.name)
                for o in sorted(a.organizations, key=lambda o: o.id)
            ),
            attendance=tuple(
                from_fields(
                    AttendanceEdit,
                    x,
                    organization_name=(
                        member_orgs.get(x.member_id) if x.member_id is not None else None
                    ),
                )
                for x in sorted(a.attendance, key=lambda x: x.id)
            ),
            agenda=tuple(from_fields(AgendaInput, g) for g in a.agenda),
            attachments=tuple(
                from_fields(AttachmentView, f) for f in sorted(a.attachments, key=lambda f: f.id)
            ),
        )


def _unseen(
    s: Session, data: ActivityInput, acc: access.Access, stored: Activity | None
) -> tuple[bool, bool, bool, set[int]]:
    """What ``data`` names that the account does not see, as if it did not exist: the
    community, the venue, a participating organization (not one it meets), the members
    called (rows by position, from 1). What the stored activity holds already is kept (a
    member who moved away since still attended)."""
    if acc.whole:
        return False, False, False, set()
    community = (
        data.community_id is not None
        and (stored is None or data.community_id != stored.community_id)
        and not acc.sees_community(s, data.community_id)
    )
    venue = (
        data.venue_id is not None
        and (stored is None or data.venue_id != stored.venue_id)
        and s.scalar(select(Venue.id).where(Venue.id == data.venue_id, venues.seen(acc))) is None
    )
    kept_orgs = {o.organization_id for o in stored.organizations} if stored else set()
    new_orgs = set(data.organization_ids) - kept_orgs
    met = select(Organization.id).where(
        Organization.id.in_(new_orgs), acc.orgs_met(Organization.id)
    )
    orgs = bool(new_orgs) and set(s.scalars(met)) != new_orgs
    kept_members = {x.member_id for x in stored.attendance} if stored else set()
    new_members = {p.member_id for p in data.attendance if p.member_id is not None} - kept_members
    found = (
        set(
            s.scalars(
                select(PartyMember.id).where(
                    PartyMember.id.in_(new_members), acc.orgs_met(PartyMember.organization_id)
                )
            )
        )
        if new_members
        else set()
    )
    rows = {
        row
        for row, p in enumerate(data.attendance, start=1)
        if p.member_id in new_members and p.member_id not in found
    }
    return community, venue, orgs, rows


def _check_not_after_revocation(community: Community, day: date, errors: FieldErrors) -> None:
    """A revoked (已撤销) community holds no activity after the day it was revoked."""
    if community.status != CommunityStatus.REVOKED:
        return
    revoked_on = max(
        (e.occurred_on for e in community.events if e.action == LifecycleAction.REVOKE),
        default=None,
    )
    if revoked_on is not None and day > revoked_on:
        errors.add(
            "community",
            f"「{community.name}」已于{revoked_on.isoformat()}撤销，不能登记此后的活动",
            f"'{community.name}' was revoked on {revoked_on.isoformat()}; "
            "it holds no activity after that day",
        )


def _validate(
    s: Session,
    data: ActivityInput,
    errors: FieldErrors,
    acc: access.Access,
    stored: Activity | None = None,
) -> None:
    """Raise every refused field at once, with ``errors`` already found (in the files).
    A community, venue, organization or member the account does not see reads as one
    that no longer exists (``stored``: the activity changed, whose own are kept)."""
    err = errors.add
    unseen_community, unseen_venue, unseen_orgs, unseen_rows = _unseen(s, data, acc, stored)

    title = data.title.strip()
    if not title:
        err("title", "请填写活动名称", "Enter the activity's title")
    elif len(title) > TITLE_MAX:
        err(
            "title",
            f"名称不能超过{TITLE_MAX}个字",
            f"The title is longer than {TITLE_MAX} characters",
        )
    community = s.get(Community, data.community_id) if data.community_id is not None else None
    if data.community_id is not None and (unseen_community or community is None):
        err("community", "所选党建共同体已不存在", "The chosen community no longer exists")
    elif community is not None and (
        stored is None
        or stored.community_id != community.id
        or stored.starts_at.date() != data.starts_at.date()
    ):
        _check_not_after_revocation(community, data.starts_at.date(), errors)
    if data.ends_at is not None and data.ends_at < data.starts_at:
        err("ends_at", "结束时间早于开始时间", "The end is before the start")
    if data.status == ActivityStatus.HELD and data.starts_at.date() > date.today():
        err(
            "status",
            "开始时间在今天以后的活动尚未举行，请把状态选为「计划中」",
            "An activity starting after today has not been held yet; choose Planned",
        )
    if data.host_org_id is not None and s.get(Organization, data.host_org_id) is None:
        err("host_org", "所选主导党组织已不存在", "The chosen host organization no longer exists")
    if data.venue_id is not None and (unseen_venue or s.get(Venue, data.venue_id) is None):
        err("place", "所选阵地已不存在", "The chosen venue no longer exists")
    if data.trainee_count < 0:
        err("trainee_count", "培训人次不能为负数", "Trainee person-times cannot be negative")
    for field_name, value, zh in (
        ("chair", data.chair, "主持人"),
        ("recorder", data.recorder, "记录人"),
        ("lecturer", data.lecturer, "主讲人"),
    ):
        if value and len(value.strip()) > NAME_MAX:
            err(field_name, f"{zh}姓名过长", f"The {field_name} name is too long")
        else:
            errors.text(field_name, value, (zh, field_name))
    errors.text("title", data.title, ("活动名称", "title"))
    errors.text("place", data.place, ("地点", "place"), max_len=PLACE_MAX)
    errors.text("guests", data.guests, ("特邀嘉宾", "guests"), max_len=TEXT_MAX, multiline=True)
    errors.text("summary", data.summary, ("概要", "summary"), multiline=True)
    orgs = list(dict.fromkeys(data.organization_ids))
    if orgs:
        known = set(s.scalars(select(Organization.id).where(Organization.id.in_(orgs))))
        if unseen_orgs or known != set(orgs):
            err(
                "organizations",
                "有参加党组织已不存在",
                "A participating organization no longer exists",
            )

    # A member is listed once (namesake members apart); a name typed for someone not on
    # the roll is refused beside anyone of that name, whichever row comes first.
    seen_members: set[int] = set()
    seen_names: set[str] = set()
    typed_names: set[str] = set()
    for row, person in enumerate(data.attendance, start=1):
        name = person.person_name.strip()
        if not name:
            err(
                "attendance",
                f"参会人员第{row}行未填写姓名",
                f"Attendance row {row}: enter the name",
            )
            continue
        errors.text(
            "attendance",
            name,
            (f"参会人员第{row}行的姓名", f"name in attendance row {row}"),
            max_len=NAME_MAX,
        )
        if row in unseen_rows:
            err(
                "attendance",
                f"参会人员第{row}行所选的党员已不存在",
                f"Attendance row {row}: the chosen member no longer exists",
            )
        if person.member_id is not None:
            duplicate = person.member_id in seen_members or name in typed_names
            seen_members.add(person.member_id)
        else:
            duplicate = name in seen_names
            typed_names.add(name)
        seen_names.add(name)
        if duplicate:
            err(
                "attendance",
                f"参会人员「{name}」重复登记（第{row}行）",
                f"Attendance row {row}: {name} is listed twice",
            )
        if person.status == AttendanceStatus.ABSENT:
            errors.text(
                "attendance",
                person.reason_text,
                (f"参会人员第{row}行的原因说明", f"reason in attendance row {row}"),
                multiline=True,
            )
            if person.absence_reason is None:
                err(
                    "attendance",
                    f"「{name}」缺席，请选择缺席原因（第{row}行）",
                    f"Attendance row {row}: choose why {name} was absent",
                )
            elif person.absence_reason == AbsenceReason.OTHER and not strip_or_none(
                person.reason_text
            ):
                err(
                    "attendance",
                    f"「{name}」的缺席原因为「其他」，请写明原因（第{row}行）",
                    f"Attendance row {row}: describe the other reason for {name}'s absence",
                )

    _, present = count_attendance([p.status for p in data.attendance])
    for row, item in enumerate(data.agenda, start=1):
        errors.text(
            "agenda",
            item.title,
            (f"第{row}项议题的名称", f"title of agenda item {row}"),
            max_len=TITLE_MAX,
            missing=(f"第{row}项议题未填写名称", f"Agenda item {row}: enter its title"),
        )
        for text, zh, en in (
            (item.discussion, "讨论情况", "discussion"),
            (item.resolution, "决议", "resolution"),
        ):
            errors.text(
                "agenda",
                text,
                (f"第{row}项议题的{zh}", f"{en} of agenda item {row}"),
                multiline=True,
            )
        counts = (item.votes_for, item.votes_against, item.votes_abstain)
        if any(v is not None and v < 0 for v in counts):
            err(
                "agenda",
                f"第{row}项议题的票数不能为负数",
                f"Agenda item {row}: negative vote count",
            )
        elif item.votes_cast > present:
            err(
                "agenda",
                f"第{row}项议题的表决票数（{item.votes_cast}）超过实到人数（{present}）",
                f"Agenda item {row}: {item.votes_cast} votes but only {present} present",
            )
    errors.raise_any()


def _facts(a: Activity) -> dict[str, Any]:
    return audit.snapshot(
        a,
        organizations=sorted(o.organization_id for o in a.organizations),
        attendance=[
            {
                "person_name": x.person_name,
                "member_id": x.member_id,
                "status": x.status.value,
                "absence_reason": x.absence_reason.value if x.absence_reason else None,
                "reason_text": x.reason_text,
            }
            for x in a.attendance
        ],
        agenda=[
            {
                "title": g.title,
                "resolution": g.resolution,
                "votes": [g.votes_for, g.votes_against, g.votes_abstain],
            }
            for g in a.agenda
        ],
        attachments=sorted(
            ({"filename": f.filename, "size": f.size, "sha256": f.sha256} for f in a.attachments),
            key=lambda f: (str(f["filename"]), str(f["sha256"])),
        ),
    )


def _person_key(member_id: int | None, name: str) -> tuple[int, str]:
    return (member_id, "") if member_id is not None else (0, name)


def _apply(a: Activity, data: ActivityInput, files: Sequence[NewFile]) -> None:
    """Set ``a`` from ``data``, adding ``files`` (read from ``data.new_files``)."""
    a.community_id = data.community_id
    a.kind = data.kind
    a.title = data.title.strip()
    a.starts_at = data.starts_at
    a.ends_at = data.ends_at
    a.status = data.status
    a.venue_id = data.venue_id
    a.place = None if data.venue_id is not None else strip_or_none(data.place)
    a.host_org_id = data.host_org_id
    a.chair = strip_or_none(data.chair)
    a.recorder = strip_or_none(data.recorder)
    a.lecturer = strip_or_none(data.lecturer)
    a.guests = strip_or_none(data.guests)
    a.trainee_count = data.trainee_count
    a.summary = strip_or_none(data.summary)

    wanted = list(dict.fromkeys(data.organization_ids))
    existing_orgs = {o.organization_id: o for o in a.organizations}
    a.organizations = [
        existing_orgs.get(org_id) or ActivityOrganization(organization_id=org_id)
        for org_id in wanted
    ]
    # Rows are reused per person: the (activity, member) key is unique, and the unit of
    # work inserts new rows before it deletes the old ones.
    existing_people = {_person_key(x.member_id, x.person_name): x for x in a.attendance}
    people: list[Attendance] = []
    for p in data.attendance:
        row = existing_people.pop(_person_key(p.member_id, p.person_name.strip()), None)
        row = row or Attendance()
        absent = p.status == AttendanceStatus.ABSENT
        row.member_id = p.member_id
        row.person_name = p.person_name.strip()
        row.status = p.status
        row.absence_reason = p.absence_reason if absent else None
        row.reason_text = strip_or_none(p.reason_text) if absent else None
        people.append(row)
    a.attendance = people
    a.agenda = [
        AgendaItem(
            seq=seq,
            title=g.title.strip(),
            discussion=strip_or_none(g.discussion),
            resolution=strip_or_none(g.resolution),
            votes_for=g.votes_for,
            votes_against=g.votes_against,
            votes_abstain=g.votes_abstain,
        )
        for seq, g in enumerate(data.agenda, start=1)
    ]

    if data.keep_attachment_ids is not None:
        keep = set(data.keep_attachment_ids)
        a.attachments = [f for f in a.attachments if f.id in keep]
    a.attachments.extend(f.attachment() for f in files)


class NumberingGroup(NamedTuple):
    """The activities numbered together (第N次): a community's of one kind in a year; a
    branch's own meetings (no community) are numbered per host organization."""

    community_id: int | None
    host_org_id: int | None
    kind: ActivityKind
    year: int

    @classmethod
    def of(
        cls, community_id: int | None, host_org_id: int | None, kind: ActivityKind, on: datetime
    ) -> NumberingGroup:
        host = host_org_id if community_id is None else None
        return cls(community_id, host, kind, on.year)


def _group_of(activity: Activity | ActivityInput) -> NumberingGroup:
    return NumberingGroup.of(
        activity.community_id, activity.host_org_id, activity.kind, activity.starts_at
    )


def _renumber(s: Session, group: NumberingGroup) -> None:
    """第N次: number the group's activities in date order, cancelled ones left out."""
    start, end = year_bounds(group.year)
    owner = numbered_together(group.community_id, group.host_org_id)
    stmt = (
        select(Activity.id, Activity.status, Activity.seq_in_year)
        .where(owner, Activity.kind == group.kind, Activity.starts_at >= start)
        .where(Activity.starts_at < end)
        .order_by(Activity.starts_at, Activity.id)
    )
    seq = 0
    for activity_id, status, stored in s.execute(stmt).all():
        number: int | None = None
        if status != ActivityStatus.CANCELLED:
            seq += 1
            number = seq
        if stored != number:
            _set_number(s, activity_id, number)


def _lock_numbering(s: Session, *groups: NumberingGroup) -> None:
    """Queue behind other writes renumbering the same groups (see :mod:`db.group_locks`);
    taken before the activity itself is changed."""
    lock_groups(
        s,
        (("activity_seq", g.community_id, g.host_org_id, g.kind.value, g.year) for g in groups),
    )


def _set_number(s: Session, activity_id: int, number: int | None) -> None:
    """A new 第N次 for an activity: a change that travels (``updated_at``), but not an
    edit of it: its version stays, so a clerk's editor open on it is not refused because
    another activity was added before it. The session's own copy, if loaded, follows."""
    now = utcnow()
    s.execute(
        update(Activity)
        .where(Activity.id == activity_id)
        .values(seq_in_year=number, updated_at=now),
        execution_options={"synchronize_session": False},
    )
    loaded = s.identity_map.get(identity_key(Activity, activity_id))
    if loaded is not None:
        set_committed_value(loaded, "seq_in_year", number)
        set_committed_value(loaded, "updated_at", now)


def change_refusal(db: Database, activity_id: int | None = None) -> str | None:
    """Why the acting account may not change or delete the activity ``activity_id`` (with
    None: record a new one), or None when it may."""

    def check(s: Session, acc: access.Access) -> None:
        acc.require(Permission.WRITE)
        if activity_id is None:
            return
        row = s.execute(
            select(Activity.community_id, Activity.host_org_id).where(Activity.id == activity_id)
        ).one_or_none()
        if row is None or not acc.sees_activity(s, row.community_id, row.host_org_id):
            raise activity_not_found()
        acc.check_activity_writable(s, row.community_id, row.host_org_id)

    return access.refusal(db, check)


def create_activity(db: Database, data: ActivityInput) -> int:
    """Save a new activity; its new files are read into the database with it (all or nothing)."""
    errors = FieldErrors()
    files = attachments.read_new_files(data.new_files, errors)
    with db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        _validate(s, data, errors, acc)
        acc.check_activity_writable(s, data.community_id, data.host_org_id)
        _lock_numbering(s, _group_of(data))
        activity = Activity(uuid=new_uuid())
        s.add(activity)
        _apply(activity, data, files)
        s.flush()
        _renumber(s, _group_of(activity))
        audit.created(
            s,
            activity,
            t(f"新建活动「{activity.title}」", f"Created activity {activity.title}"),
            after=_facts(activity),
        )
        return activity.id


def update_activity(db: Database, activity_id: int, data: ActivityInput) -> None:
    """Save an activity; removed attachments go with the transaction, new files are read in.
    Refused when someone else changed it since ``data.version`` was read."""
    errors = FieldErrors()
    files = attachments.read_new_files(data.new_files, errors)
    with db.write() as s:
        acc = access.of(db, s)
        activity = _load_full(s, activity_id, acc)
        acc.check_activity_writable(s, activity.community_id, activity.host_org_id)
        old_group = _group_of(activity)
        # before the version check locks the activity's row: a writer renumbering the
        # group holds the group's lock and may be waiting for that row
        _lock_numbering(s, old_group, _group_of(data))
        versions.check(s, activity, data.version)
        _validate(s, data, errors, acc, activity)
        acc.check_activity_writable(s, data.community_id, data.host_org_id)
        before = _facts(activity)
        _apply(activity, data, files)
        s.flush()
        _renumber(s, old_group)
        if _group_of(activity) != old_group:
            _renumber(s, _group_of(activity))
        audit.updated(
            s,
            activity,
            t(f"修改活动「{activity.title}」", f"Updated activity {activity.title}"),
            before,
            after=_facts(activity),
        )


def delete_activity(db: Database, activity_id: int) -> None:
    """Delete an activity with its attendance, agenda and attachments (rows of the database:
    no file on disk is touched); refused while fund entries (经费) refer to it, since the
    ledger would lose what the money was spent on."""
    with db.write() as s:
        acc = access.of(db, s)
        activity = _load_full(s, activity_id, acc)
        acc.check_activity_writable(s, activity.community_id, activity.host_org_id)
        group = _group_of(activity)
        _lock_numbering(s, group)
        funds = s.scalar(
            select(func.count(FundEntry.id)).where(FundEntry.activity_id == activity_id)
        )
        if funds:
            raise ConflictError(
                t(
                    f"活动「{activity.title}」已有{funds}条经费记录，不能删除。"
                    "请先修改或删除这些经费记录，或把活动状态改为「已取消」。",
                    f"Activity '{activity.title}' has {funds} fund entries and cannot be "
                    "deleted. Change those entries first, or mark the activity cancelled.",
                )
            )
        before = _facts(activity)
        audit.deleted(
            s,
            activity,
            t(f"删除活动「{activity.title}」", f"Deleted activity {activity.title}"),
            before=before,
        )
        s.delete(activity)
        s.flush()
        _renumber(s, group)
