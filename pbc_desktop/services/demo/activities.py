"""Activities of the running communities: the monthly rhythm of meetings and the extra
activities, with participants, attendance, agenda items and a few photos."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from pbc_desktop.db import models
from pbc_desktop.domain.enums import (
    MEETING_KINDS,
    TRAINING_KINDS,
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
    LeadershipRole,
)
from pbc_desktop.domain.rotation import month_start
from pbc_desktop.services.demo import communities, data, photos
from pbc_desktop.services.demo.district import CommunityInfo, District, OrgInfo

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


def add_activities(gen: District) -> None:
    running = [c for c in gen.communities if c.running]
    year_start = date(gen.last_year, 1, 1)
    months_total = 0
    for c in running:
        assert c.founded is not None
        first = month_start(max(c.founded, year_start))
        months_total += (gen.today.year - first.year) * 12 + gen.today.month - first.month + 1
    target = gen.scale.activities
    fixed_rate = 0.92 + 0.95 / 3 + 0.9 / 6 + 0.85
    extra = 1.0 if target is None else max(0.2, target / max(1, months_total) - fixed_rate)
    kinds = [k for k, _ in _EXTRA_KINDS]
    weights = [w for _, w in _EXTRA_KINDS]
    for n, c in enumerate(running):
        if n % 25 == 0:
            gen.tick()
        assert c.founded is not None
        month = month_start(max(c.founded, year_start))
        stop = month_start(gen.today, 1)
        seq: dict[tuple[int, ActivityKind], int] = defaultdict(int)
        turn = 0
        while month <= stop:
            plan: list[ActivityKind] = []
            slack = 0.5 if c.rectify else 1.0
            if gen.rng.random() < 0.92 * slack:
                plan.append(ActivityKind.REGULAR_MEETING)
            if month.month % 3 == 0 and gen.rng.random() < 0.95 * slack:
                plan.append(ActivityKind.JOINT_MEETING)
            if month.month % 6 == 0 and gen.rng.random() < 0.9 * slack:
                plan.append(ActivityKind.BRIEFING)
            if gen.rng.random() < 0.85 * slack:
                plan.append(ActivityKind.THEME_PARTY_DAY)
            whole = int(extra)
            count = whole + (1 if gen.rng.random() < extra - whole else 0)
            plan += gen.rng.choices(kinds, weights, k=count)
            for kind in plan:
                day = month.replace(day=gen.rng.randint(1, 28))
                if month == stop and day > gen.today + timedelta(days=40):
                    continue
                seq[(day.year, kind)] += 1
                host = (
                    communities.convener_org(c, day)
                    if kind in MEETING_KINDS
                    else c.orgs[turn % len(c.orgs)]
                )
                turn += kind not in MEETING_KINDS
                _activity(gen, c, kind, day, host, seq=seq[(day.year, kind)])
            month = month_start(month, 1)


def _activity(
    gen: District, c: CommunityInfo, kind: ActivityKind, day: date, host: OrgInfo, *, seq: int
) -> None:
    rng = gen.rng
    starts = datetime.combine(day, time(rng.choice((9, 9, 10, 14, 15)), rng.choice((0, 30))))
    status = ActivityStatus.HELD if day < gen.today else ActivityStatus.PLANNED
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
        guests = f"区委组织部 {gen.staff[2]}"
    aid = gen.add(
        models.Activity,
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
            f"由{host.short}主导，{len(participants)}个成员党组织参加。"
            if status == ActivityStatus.HELD
            else None
        ),
        seq_in_year=seq,
    )
    c.activities[day.year].append(aid)
    for org in participants:
        gen.add(models.ActivityOrganization, activity_id=aid, organization_id=org.id)
    if status == ActivityStatus.CANCELLED:
        return
    present = 0
    if status == ActivityStatus.HELD and (meeting or gen.scale.full_attendance):
        present = _attendance(gen, c, aid, participants, meeting)
    if meeting:
        _agenda(gen, aid, kind, present if status == ActivityStatus.HELD else None)
    elif status == ActivityStatus.HELD and gen.photos_left > 0:
        _photos(gen, aid, title)


def _photos(gen: District, aid: int, title: str) -> None:
    """One or two photos of the first activities held (a few in all, at any scale)."""
    for n in range(1, min(gen.photos_left, gen.photo_rng.choice((1, 1, 2))) + 1):
        png = photos.activity_photo(gen.photo_rng)
        attachment_id = gen.add(
            models.Attachment,
            activity_id=aid,
            filename=f"现场照片{n}.png",
            is_photo=True,
            caption=f"{title}现场",
            size=len(png),
            sha256=hashlib.sha256(png).hexdigest(),
        )
        gen.rows[models.AttachmentContent.__tablename__].append(
            {"attachment_id": attachment_id, "data": png}
        )
        gen.photos_left -= 1


def _attendance(
    gen: District, c: CommunityInfo, aid: int, participants: list[OrgInfo], meeting: bool
) -> int:
    rng = gen.rng
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
                people[m] = gen.members[m].name
    voters = 0
    for member_id, name in people.items():
        if rng.random() < 0.09:
            reason = rng.choice(list(AbsenceReason))
            _attend(gen, aid, member_id, name, AttendanceStatus.ABSENT, reason=reason)
        else:
            voters += 1
            _attend(gen, aid, member_id, name, AttendanceStatus.PRESENT)
    if meeting and rng.random() < 0.35:
        _attend(gen, aid, None, rng.choice(gen.staff), AttendanceStatus.NON_VOTING)
    return voters


def _attend(
    gen: District,
    aid: int,
    member_id: int | None,
    name: str,
    status: AttendanceStatus,
    *,
    reason: AbsenceReason | None = None,
) -> None:
    """One attendance row; an absence carries its reason and the clerk's words for it."""
    gen.add(
        models.Attendance,
        activity_id=aid,
        member_id=member_id,
        person_name=name,
        status=status,
        absence_reason=reason,
        reason_text=None if reason is None else _ABSENCE_TEXT[reason],
    )


def _agenda(gen: District, aid: int, kind: ActivityKind, voters: int | None) -> None:
    rng = gen.rng
    topics = data.AGENDA_TOPICS.get(kind.value, data.AGENDA_TOPICS["other"])
    chosen = rng.sample(topics, min(len(topics), rng.randint(2, 3)))
    for seq, (title, discussion, resolution) in enumerate(chosen, start=1):
        held = voters is not None
        against = 1 if held and voters and voters > 4 and rng.random() < 0.05 else 0
        abstain = 1 if held and voters and voters > 4 and rng.random() < 0.08 else 0
        gen.add(
            models.AgendaItem,
            activity_id=aid,
            seq=seq,
            title=title,
            discussion=discussion if held else None,
            resolution=resolution if held else None,
            votes_for=(voters or 0) - against - abstain if held else None,
            votes_against=against if held else None,
            votes_abstain=abstain if held else None,
        )
