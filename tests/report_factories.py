"""Crafted activities for the report tests, made with ``tests.factories`` (no service, no audit)."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from datetime import datetime

from pbc_desktop.cli import build_parser
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ActivityOrganization, AgendaItem, Attendance, Venue
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
    VenueKind,
)
from tests.factories import make_activity, make_community, make_member, make_org

COMMUNITY = "成田镇跨领域党建共同体"
ORG_NAMES = ("成田镇上盐村党支部", "潮南区人民医院党支部", "成田镇中心小学党支部")
VENUE = "成田镇党群服务中心"

AGENDA = (
    (
        "研究第一季度需求清单认领工作",
        "与会人员逐条梳理了需求清单中尚未认领的12个项目,认为道路亮化和老年食堂两个项目群众呼声最高。\n"
        "医院党支部提出可派出医护党员每月开展一次义诊。",
        "由上盐村党支部牵头,组团认领道路亮化项目,3月底前完成方案。",
        (9, 0, 1),
    ),
    (
        "通报轮值召集单位工作安排",
        "轮值召集单位介绍了本季度活动计划,与会人员表示支持。",
        "同意第二季度由潮南区人民医院党支部轮值召集。",
        (10, 0, 0),
    ),
    (
        "讨论党员报到领岗考评办法",
        "大家认为考评办法应简便易行,注重群众评价。有同志建议把服务时长作为主要依据。",
        "考评办法修改后下次会议再议。",
        (6, 2, 2),
    ),
)

PRESENT = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰")
ABSENT = (
    ("吴刚", AbsenceReason.SICK, None),
    ("郑丽", AbsenceReason.BUSINESS, "赴区委党校培训"),
    ("孙涛", AbsenceReason.OTHER, "家中有急事"),
)
OBSERVERS = ("马骏", "林晓")


@dataclass
class Meeting:
    community_id: int
    activity_id: int
    org_ids: list[int] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)


def make_joint_meeting(
    db: Database,
    *,
    earlier_same_kind: int = 2,
    starts_at: datetime = datetime(2026, 3, 12, 14, 30),
    seq_in_year: int | None = None,
    agenda_items: int | None = None,
    attendees: int | None = None,
    status: ActivityStatus = ActivityStatus.HELD,
    with_attendance: bool = True,
    title: str = "联席会议",
) -> Meeting:
    """A community's 联席会议 with agenda, votes, absentees with reasons and 列席.

    ``earlier_same_kind`` joint meetings of the same community earlier that year (plus a
    cancelled one, one of another kind and one of the year before, none of which count)
    make this one the ``earlier_same_kind + 1``-th. ``agenda_items``/``attendees`` ask for
    a long record instead of the crafted one.
    """
    orgs = [
        make_org(db, name, town="成田镇", secretary=f"书记{i}") for i, name in enumerate(ORG_NAMES)
    ]
    community = make_community(db, COMMUNITY, orgs, types=(), applied_event=False)
    with db.write() as s:
        venue = Venue(name=VENUE, kind=VenueKind.SERVICE_CENTRE, owner_org_id=orgs[0])
        s.add(venue)
        s.flush()
        venue_id = venue.id

    def other(kind: ActivityKind, when: datetime, st: ActivityStatus) -> None:
        make_activity(
            db, community, "其他活动", kind=kind, starts_at=when, host_org_id=orgs[0], status=st
        )

    for i in range(earlier_same_kind):
        other(ActivityKind.JOINT_MEETING, datetime(2026, 1, 5 + i, 9, 0), ActivityStatus.HELD)
    other(ActivityKind.JOINT_MEETING, datetime(2026, 2, 1, 9, 0), ActivityStatus.CANCELLED)
    other(ActivityKind.REGULAR_MEETING, datetime(2026, 2, 2, 9, 0), ActivityStatus.HELD)
    other(ActivityKind.JOINT_MEETING, datetime(2025, 12, 30, 9, 0), ActivityStatus.HELD)
    other(ActivityKind.JOINT_MEETING, datetime(2026, 12, 30, 9, 0), ActivityStatus.HELD)

    if agenda_items is None:
        agenda = [
            AgendaItem(
                seq=i,
                title=title,
                discussion=discussion,
                resolution=resolution,
                votes_for=votes[0],
                votes_against=votes[1],
                votes_abstain=votes[2],
            )
            for i, (title, discussion, resolution, votes) in enumerate(AGENDA, start=1)
        ]
    else:
        agenda = [
            AgendaItem(
                seq=i,
                title=f"第{i}项议题:关于项目清单第{i}项的推进安排",
                discussion=f"与会人员围绕第{i}项议题进行了讨论。" * 6,
                resolution=f"第{i}项议题:同意按计划推进,由牵头单位负责落实。",
                votes_for=20,
                votes_against=0,
                votes_abstain=1,
            )
            for i in range(1, agenda_items + 1)
        ]
    activity = make_activity(
        db,
        community,
        title,
        kind=ActivityKind.JOINT_MEETING,
        starts_at=starts_at,
        host_org_id=orgs[0],
        ends_at=starts_at.replace(hour=16, minute=0),
        venue_id=venue_id,
        chair="张伟",
        recorder="王芳",
        lecturer="区委党校 陈老师",
        guests="区委组织部 何明",
        status=status,
        summary="会议由上盐村党支部主导,三个成员党组织参加。",
        seq_in_year=seq_in_year,
        organizations=[ActivityOrganization(organization_id=o) for o in orgs],
        agenda=agenda,
    )

    names = PRESENT + tuple(n for n, _, _ in ABSENT) + OBSERVERS
    members = [
        make_member(db, name, orgs[i % len(orgs)], party_post="支部委员" if i % 3 == 0 else None)
        for i, name in enumerate(names)
    ]
    rows: list[Attendance] = []
    if with_attendance and attendees is None:
        named = list(zip(names, members, strict=True))
        rows = [
            Attendance(person_name=name, member_id=m, status=AttendanceStatus.PRESENT)
            for name, m in named[: len(PRESENT)]
        ]
        for (name, m), (_, reason, text) in zip(named[len(PRESENT) :], ABSENT, strict=False):
            rows.append(
                Attendance(
                    person_name=name,
                    member_id=m,
                    status=AttendanceStatus.ABSENT,
                    absence_reason=reason,
                    reason_text=text,
                )
            )
        rows += [
            Attendance(person_name=name, member_id=m, status=AttendanceStatus.NON_VOTING)
            for name, m in named[len(PRESENT) + len(ABSENT) :]
        ]
    elif with_attendance and attendees is not None:
        rows = [
            Attendance(
                person_name=f"党员{i:03d}",
                status=AttendanceStatus.ABSENT if i % 10 == 0 else AttendanceStatus.PRESENT,
                absence_reason=AbsenceReason.PERSONAL if i % 10 == 0 else None,
            )
            for i in range(1, attendees + 1)
        ]
    if rows:
        with db.write() as s:
            for row in rows:
                row.activity_id = activity
            s.add_all(rows)
    return Meeting(community_id=community, activity_id=activity, org_ids=orgs, member_ids=members)


HALF_WIDTH = str.maketrans("\uff0c\uff1a\uff1b\uff08\uff09", ",:;()")


def norm(text: str) -> str:
    """Compare without line breaks or spaces, full-width punctuation read as half-width."""
    return re.sub(r"\s+", "", text).translate(HALF_WIDTH)


def report_parser() -> argparse.ArgumentParser:
    """The parser of ``pbc`` itself (``cli.build_parser``), report commands included."""
    return build_parser()
