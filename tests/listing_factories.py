"""A small crafted district for the read-only listings and the dashboard figures.

Organizations, communities, members, post reports and activities are made with
``tests.factories``, the rest straight through the ORM; :func:`seed` returns the ids the
tests refer to. Known facts are spelt out beside the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    ActivityOrganization,
    AgendaItem,
    Assessment,
    Attendance,
    Claim,
    ClaimOrganization,
    CommunityVenue,
    Indicator,
    IndicatorSet,
    ListItem,
    Post,
    Score,
    ServiceList,
    ServiceLog,
    Supervision,
    Venue,
)
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AssessmentOutcome,
    AssessmentStatus,
    AttendanceStatus,
    ClaimMode,
    CoBuildType,
    CommunityStatus,
    Grade,
    ItemStatus,
    ListKind,
    MemberCategory,
    OrgField,
    OrgLevel,
    PostReportStatus,
    VenueKind,
)
from tests.factories import make_activity, make_community, make_member, make_org, make_post_report

TODAY = date(2024, 6, 1)
YEAR = 2024
TOWN_A = "陈店镇"
TOWN_C = "峡山街道"


@dataclass
class Seeded:
    orgs: dict[str, int] = field(default_factory=dict)
    communities: dict[str, int] = field(default_factory=dict)
    members: dict[str, int] = field(default_factory=dict)
    activities: dict[str, int] = field(default_factory=dict)
    items: dict[str, int] = field(default_factory=dict)
    assessments: dict[str, int] = field(default_factory=dict)


def seed(db: Database) -> Seeded:
    out = Seeded()
    urban = OrgField.URBAN_COMMUNITY
    orgs = out.orgs = {
        "A": make_org(db, "文光社区党委", town=TOWN_A, field=urban),
        "B": make_org(db, "区教育局机关党支部", town=None, field=urban, level=OrgLevel.DISTRICT),
        "C": make_org(db, "东泰社区党支部", town=TOWN_C, field=urban),
        "D": make_org(db, "两英供电所党支部", town="两英镇", field=urban),
    }

    def community(
        name: str, status: CommunityStatus, members: str, types: tuple[CoBuildType, ...]
    ) -> int:
        return make_community(
            db,
            name,
            [orgs[k] for k in members],
            types=types,
            status=status,
            applied_event=False,
        )

    c1 = community(
        "文光党建共同体",
        CommunityStatus.RUNNING,
        "AB",
        (CoBuildType.CROSS_FIELD, CoBuildType.CROSS_LEVEL),
    )
    c2 = community("东泰党建共同体", CommunityStatus.RUNNING, "CD", (CoBuildType.CROSS_REGION,))
    c3 = community("旧城党建共同体", CommunityStatus.REVOKED, "A", (CoBuildType.CROSS_FIELD,))
    out.communities = {"C1": c1, "C2": c2, "C3": c3}

    with db.write() as s:
        # Service centres: V1 (C1, C2) and V2 (C2) count; V3 is a room; V4 only a revoked one.
        v1 = Venue(name="文光党群服务中心", kind=VenueKind.SERVICE_CENTRE)
        v2 = Venue(name="东泰党群服务中心", kind=VenueKind.SERVICE_CENTRE)
        v3 = Venue(name="文光党员活动室", kind=VenueKind.ACTIVITY_ROOM)
        v4 = Venue(name="旧城党群服务中心", kind=VenueKind.SERVICE_CENTRE)
        s.add_all([v1, v2, v3, v4])
        s.flush()
        for cid, venue in ((c1, v1), (c2, v1), (c2, v2), (c1, v3), (c3, v4)):
            s.add(CommunityVenue(community_id=cid, venue_id=venue.id))

    members = out.members = {
        "M1": make_member(
            db,
            "陈伟",
            orgs["A"],
            id_number="440514199001011234",
            phone="13812345678",
            category=MemberCategory.FULL,
            joined_on=date(2010, 7, 1),
        ),
        "M2": make_member(
            db,
            "林丽",
            orgs["A"],
            id_number="44051419851212567X",
            phone="13900001111",
            category=MemberCategory.PROBATIONARY,
            joined_on=date(2023, 7, 1),
        ),
        "M3": make_member(
            db,
            "黄强",
            orgs["C"],
            id_number="440513197001019876",
            category=MemberCategory.FULL,
            joined_on=date(2000, 7, 1),
        ),
        "M4": make_member(db, "郑敏", orgs["B"]),
    }
    with db.write() as s:
        post = Post(name="政策宣传")
        s.add(post)
        s.flush()
        post_id = post.id

    # Reported (active): M1 twice (C1, C2) and M3 (C2); M2's report has ended.
    r1 = make_post_report(
        db,
        members["M1"],
        orgs["A"],
        community_id=c1,
        post_id=post_id,
        reported_on=date(2023, 3, 1),
    )
    make_post_report(db, members["M1"], orgs["C"], community_id=c2, reported_on=date(2023, 4, 1))
    make_post_report(db, members["M3"], orgs["C"], community_id=c2, reported_on=date(2023, 5, 1))
    make_post_report(
        db,
        members["M2"],
        orgs["A"],
        community_id=c1,
        reported_on=date(2023, 5, 1),
        status=PostReportStatus.ENDED,
    )
    with db.write() as s:
        s.add_all(
            [
                ServiceLog(
                    report_id=r1, served_on=date(2024, 1, 10), hours=2.5, content="入户宣讲政策"
                ),
                ServiceLog(report_id=r1, served_on=date(2024, 3, 5), hours=1.0, content="清理楼道"),
            ]
        )

    def activity(
        key: str,
        community_: int | None,
        kind: ActivityKind,
        title: str,
        when: datetime,
        *,
        status: ActivityStatus = ActivityStatus.HELD,
        trainees: int = 0,
        host: str = "A",
        place: str | None = None,
        **extra: Any,
    ) -> None:
        out.activities[key] = make_activity(
            db,
            community_,
            title,
            kind=kind,
            starts_at=when,
            host_org_id=orgs[host],
            status=status,
            trainee_count=trainees,
            place=place,
            **extra,
        )

    activity(
        "A1",
        c1,
        ActivityKind.TRAINING,
        "基层党务培训班",
        datetime(2024, 3, 5, 9, 0),
        trainees=40,
        place="文光社区会议室",
        attendance=[
            Attendance(
                member_id=members["M1"], person_name="陈伟", status=AttendanceStatus.PRESENT
            ),
            Attendance(
                member_id=members["M2"],
                person_name="林丽",
                status=AttendanceStatus.ABSENT,
                absence_reason=AbsenceReason.SICK,
                reason_text="住院",
            ),
            Attendance(person_name="王五", status=AttendanceStatus.PRESENT),
            Attendance(person_name="李嘉宾", status=AttendanceStatus.NON_VOTING),
        ],
        agenda=[AgendaItem(seq=1, title="学习党章", resolution="每月集中学习一次")],
        organizations=[
            ActivityOrganization(organization_id=orgs["A"]),
            ActivityOrganization(organization_id=orgs["B"]),
        ],
    )
    activity(
        "A2",
        c2,
        ActivityKind.JOINT_MEETING,
        "第二季度联席会议",
        datetime(2024, 6, 1, 15),
        host="C",
    )
    activity(
        "A3",
        c1,
        ActivityKind.THEME_LESSON,
        "七一主题党课",
        datetime(2024, 7, 1, 9),
        trainees=25,
    )
    activity(
        "A4",
        c2,
        ActivityKind.VOLUNTEER,
        "年底志愿服务",
        datetime(2024, 12, 1, 9),
        status=ActivityStatus.PLANNED,
        host="C",
    )
    activity(
        "A5",
        c1,
        ActivityKind.TRAINING,
        "取消的培训",
        datetime(2024, 5, 1, 9),
        status=ActivityStatus.CANCELLED,
        trainees=99,
    )
    activity(
        "A6",
        c2,
        ActivityKind.TRAINING,
        "去年的培训",
        datetime(2023, 5, 1, 9),
        trainees=10,
        host="C",
    )
    activity(
        "A7",
        None,
        ActivityKind.THEME_PARTY_DAY,
        "区直主题党日",
        datetime(2024, 2, 1, 9),
        host="B",
    )

    with db.write() as s:

        def service_list(
            cid: int, kind: ListKind, title: str, year: int, signed: date | None
        ) -> ServiceList:
            lst = ServiceList(community_id=cid, kind=kind, title=title, year=year, signed_on=signed)
            s.add(lst)
            s.flush()
            return lst

        def item(
            key: str, lst: ServiceList, title: str, status: ItemStatus, deadline: date | None
        ) -> ListItem:
            it = ListItem(
                list_id=lst.id, title=title, status=status, deadline=deadline, seq=len(out.items)
            )
            s.add(it)
            s.flush()
            out.items[key] = it.id
            return it

        l1 = service_list(c1, ListKind.DEMAND, "文光2024年需求清单", 2024, date(2024, 2, 1))
        l2 = service_list(c1, ListKind.PROJECT, "文光2024年项目清单", 2024, date(2024, 3, 1))
        l3 = service_list(c2, ListKind.PROJECT, "东泰2024年项目清单", 2024, None)
        l4 = service_list(c2, ListKind.RESOURCE, "东泰2023年资源清单", 2023, date(2023, 3, 1))
        item("I1", l1, "修缮文化室", ItemStatus.SOLVED, date(2024, 5, 1))
        item("I2", l1, "路灯维修", ItemStatus.IN_PROGRESS, date(2024, 4, 1))  # overdue
        i3 = item("I3", l2, "助老服务", ItemStatus.CLAIMED, date(2024, 9, 1))
        item("I4", l2, "电商培训", ItemStatus.OPEN, date(2024, 1, 1))  # overdue
        i5 = item("I5", l3, "环境整治", ItemStatus.SOLVED, date(2024, 3, 1))
        item("I6", l4, "场地共享", ItemStatus.CLAIMED, None)
        group = Claim(
            item_id=i3.id,
            mode=ClaimMode.GROUP,
            lead_org_id=orgs["A"],
            claimed_on=date(2024, 3, 10),
            responsible="陈伟",
        )
        group.participants = [
            ClaimOrganization(organization_id=orgs["A"]),
            ClaimOrganization(organization_id=orgs["B"], responsible_person="郑敏"),
        ]
        s.add_all(
            [
                group,
                Claim(
                    item_id=i5.id,
                    mode=ClaimMode.SINGLE,
                    lead_org_id=orgs["C"],
                    claimed_on=date(2024, 2, 1),
                ),
                Supervision(
                    item_id=i3.id,
                    entry_date=date(2024, 4, 1),
                    by_whom="区委组织部",
                    progress="已排班",
                ),
                Supervision(
                    item_id=i3.id,
                    entry_date=date(2024, 5, 1),
                    by_whom="镇党委",
                    progress="已上门12户",
                ),
            ]
        )

        iset = IndicatorSet(year=YEAR, name="2024年党建共同体考核指标")
        iset.indicators = [
            Indicator(
                seq=1, category="组织建设", name="班子健全", max_score=40, guidance="召集人到位"
            ),
            Indicator(seq=2, category="活动共搞", name="活动开展", max_score=60),
        ]
        s.add(iset)
        s.flush()
        good = Assessment(
            set_id=iset.id,
            community_id=c1,
            status=AssessmentStatus.FINISHED,
            total=92,
            grade=Grade.EXCELLENT,
            outcome=AssessmentOutcome.DEMONSTRATION,
            award_cents=500_000,
            feedback="活动扎实",
        )
        good.scores = [
            Score(indicator_id=iset.indicators[0].id, score=38),
            Score(indicator_id=iset.indicators[1].id, score=54),
        ]
        weak = Assessment(
            set_id=iset.id,
            community_id=c2,
            total=58,
            grade=Grade.FAIL,
            outcome=AssessmentOutcome.RECTIFY,
        )
        weak.scores = [Score(indicator_id=iset.indicators[0].id, score=30)]
        s.add_all([good, weak])
        s.flush()
        out.assessments = {"C1": good.id, "C2": weak.id}
    return out
