"""Read-only listings: filters, search, masking, sorting, paging, counts and detail."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    AssessmentOutcome,
    ClaimMode,
    Grade,
    ItemStatus,
    ListKind,
    MemberCategory,
    PostReportStatus,
)
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.domain.privacy import mask_id_number, mask_phone
from pbc_desktop.errors import NotFoundError
from pbc_desktop.services import members
from pbc_desktop.services.activities import listing
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.services.assessments import indicator_sets, results, scoring
from pbc_desktop.services.lists import queries
from pbc_desktop.services.lists.queries import ItemQuery
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.paging import PageRequest
from tests.listing_factories import TODAY, TOWN_A, TOWN_C, YEAR, Seeded, seed

ALL = PageRequest(limit=1000)


@pytest.fixture
def data(db: Database) -> Seeded:
    return seed(db)


# -- masking ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("440514199001011234", "**************1234"),
        ("44051419851212567X", "**************567X"),
        ("440514900101123", "***********1123"),
        ("1234", "****"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(raw: str | None, masked: str) -> None:
    assert mask_id_number(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("0754-87654321", "075******4321"),
        ("12345", "***45"),
        (None, ""),
    ],
)
def test_mask_phone(raw: str | None, masked: str) -> None:
    assert mask_phone(raw) == masked


# -- members ---------------------------------------------------------------------------------
def _names(rows: list[members.MemberRow]) -> list[str]:
    return [r.name for r in rows]


def test_members_are_listed_masked(db: Database, data: Seeded) -> None:
    rows = members.list_members(db, MemberQuery(), ALL)
    assert _names(rows) == sorted(_names(rows), key=lambda n: sort_key(n, person=True))
    assert members.count_members(db, MemberQuery()) == 4
    chen = next(r for r in rows if r.name == "陈伟")
    assert chen.id_number == "**************1234"
    assert chen.phone == "138****5678"
    assert chen.reported
    assert chen.organization_name == "文光社区党委"
    for row in rows:
        assert "19900101" not in row.id_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", ["陈伟"]),  # trailing digits of the ID number
        ("567x", ["林丽"]),  # final check character, any case
        ("0101", []),  # birth date digits in the middle are not searchable
        ("1381234", ["陈伟"]),  # phone
        ("5678", ["陈伟"]),
        ("0000", ["林丽"]),
        ("１２３４", ["陈伟"]),  # full-width digits, as typed in the IME's full-width mode
        ("５６７ｘ", ["林丽"]),
        ("１３８　１２３４", ["陈伟"]),  # with a full-width space
        ("黄", ["黄强"]),
        ("", ["林丽", "郑敏", "陈伟", "黄强"]),
    ],
)
def test_member_search(db: Database, data: Seeded, text: str, expected: list[str]) -> None:
    rows = members.list_members(db, MemberQuery(text=text), ALL)
    assert sorted(_names(rows)) == sorted(expected)
    assert members.count_members(db, MemberQuery(text=text)) == len(expected)


def test_member_filters(db: Database, data: Seeded) -> None:
    def names(**kw: object) -> list[str]:
        return sorted(_names(members.list_members(db, MemberQuery(**kw), ALL)))  # type: ignore[arg-type]

    assert names(organization_id=data.orgs["A"]) == ["林丽", "陈伟"]
    assert names(town=TOWN_C) == ["黄强"]
    assert names(category=MemberCategory.PROBATIONARY) == ["林丽"]
    assert names(reported=True) == ["陈伟", "黄强"]
    assert names(reported=False) == ["林丽", "郑敏"]
    assert names(report_town=TOWN_A) == ["陈伟"]
    assert names(report_town=TOWN_C) == ["陈伟", "黄强"]
    assert names(town=TOWN_A, reported=True) == ["陈伟"]


def test_member_sorting_and_paging(db: Database, data: Seeded) -> None:
    by_joined = members.list_members(db, MemberQuery(), PageRequest(sort="joined_on"))
    assert _names(by_joined) == ["黄强", "陈伟", "林丽", "郑敏"]  # no date: last
    desc = members.list_members(db, MemberQuery(), PageRequest(sort="joined_on", descending=True))
    assert _names(desc) == ["林丽", "陈伟", "黄强", "郑敏"]  # no date: still last
    by_category = members.list_members(db, MemberQuery(), PageRequest(sort="category"))
    assert by_category[-1].category == MemberCategory.PROBATIONARY
    by_org = members.list_members(db, MemberQuery(), PageRequest(sort="organization"))
    assert [r.organization_name for r in by_org] == sorted(r.organization_name for r in by_org)
    first = members.list_members(db, MemberQuery(), PageRequest(offset=0, limit=3, sort="name"))
    rest = members.list_members(db, MemberQuery(), PageRequest(offset=3, limit=3, sort="name"))
    assert len(first) == 3
    assert len(rest) == 1
    assert {r.id for r in first}.isdisjoint(r.id for r in rest)


def test_member_detail(db: Database, data: Seeded) -> None:
    detail = members.get_member_detail(db, data.members["M1"])
    assert detail.id_number == "**************1234"
    assert detail.phone == "138****5678"
    assert len(detail.reports) == 2
    first = next(r for r in detail.reports if r.community_name == "文光党建共同体")
    assert first.post_name == "政策宣传"
    assert first.status == PostReportStatus.ACTIVE
    assert first.service_hours == pytest.approx(3.5)
    assert [s.content for s in detail.services] == ["清理楼道", "入户宣讲政策"]
    assert detail.service_hours == pytest.approx(3.5)
    with pytest.raises(NotFoundError):
        members.get_member_detail(db, 99_999)


# -- activities ------------------------------------------------------------------------------
def test_activities_newest_first_with_attendance_counts(db: Database, data: Seeded) -> None:
    rows = listing.list_activities(db, listing.ActivityQuery(), PageRequest())
    assert [r.starts_at for r in rows] == sorted((r.starts_at for r in rows), reverse=True)
    assert listing.count_activities(db, listing.ActivityQuery()) == 7
    training = next(r for r in rows if r.id == data.activities["A1"])
    assert (training.expected, training.present) == (3, 2)  # 列席 is not 应到
    assert training.trainee_count == 40
    assert training.community_name == "文光党建共同体"
    assert training.host_org_name == "文光社区党委"
    assert training.place == "文光社区会议室"
    meeting = next(r for r in rows if r.id == data.activities["A2"])
    assert (meeting.expected, meeting.present) == (0, 0)


def test_activity_filters(db: Database, data: Seeded) -> None:
    def titles(**kw: object) -> set[str]:
        query = listing.ActivityQuery(**kw)  # type: ignore[arg-type]
        rows = listing.list_activities(db, query, ALL)
        assert listing.count_activities(db, query) == len(rows)
        return {r.title for r in rows}

    assert titles(community_id=data.communities["C2"]) == {
        "第二季度联席会议",
        "年底志愿服务",
        "去年的培训",
    }
    assert titles(kind=ActivityKind.THEME_LESSON) == {"七一主题党课"}
    assert titles(host_org_id=data.orgs["B"]) == {"区直主题党日"}
    assert titles(date_from=date(2024, 6, 1), date_to=date(2024, 7, 1)) == {
        "第二季度联席会议",
        "七一主题党课",
    }
    assert titles(text="党课") == {"七一主题党课"}
    assert titles(text="东泰") == {"第二季度联席会议", "年底志愿服务", "去年的培训"}
    assert titles(town=TOWN_C) == {"第二季度联席会议", "年底志愿服务", "去年的培训"}
    assert titles(training_only=True, date_from=date(2024, 1, 1)) == {
        "基层党务培训班",
        "七一主题党课",
        "取消的培训",
    }


def test_activity_sorting(db: Database, data: Seeded) -> None:
    asc = listing.list_activities(db, listing.ActivityQuery(), PageRequest(sort="starts_at"))
    assert asc[0].title == "去年的培训"
    by_title = listing.list_activities(db, listing.ActivityQuery(), PageRequest(sort="title"))
    assert [r.title for r in by_title] == sorted(r.title for r in by_title)
    by_kind = listing.list_activities(db, listing.ActivityQuery(), PageRequest(sort="kind"))
    order = list(ActivityKind)
    assert [order.index(r.kind) for r in by_kind] == sorted(order.index(r.kind) for r in by_kind)
    by_community = listing.list_activities(
        db, listing.ActivityQuery(), PageRequest(sort="community", descending=True)
    )
    assert by_community[-1].community_name is None  # empty last in either direction
    page = listing.list_activities(db, listing.ActivityQuery(), PageRequest(offset=5, limit=5))
    assert len(page) == 2


def test_activity_detail(db: Database, data: Seeded) -> None:
    detail = get_activity_detail(db, data.activities["A1"])
    assert (detail.expected, detail.present) == (3, 2)
    assert [a.person_name for a in detail.absent] == ["林丽"]
    assert detail.absent[0].absence_reason == AbsenceReason.SICK
    assert detail.agenda[0].resolution == "每月集中学习一次"
    assert detail.organizations == ("文光社区党委", "区教育局机关党支部")
    with pytest.raises(NotFoundError):
        get_activity_detail(db, 99_999)


# -- lists -----------------------------------------------------------------------------------
def _items(db: Database, **kw: object) -> dict[str, queries.ItemRow]:
    query = ItemQuery(**kw)  # type: ignore[arg-type]
    rows = queries.list_items(db, query, ALL, today=TODAY)
    assert queries.count_items(db, query, today=TODAY) == len(rows)
    return {r.title: r for r in rows}


def test_items_show_overdue_with_a_fixed_today(db: Database, data: Seeded) -> None:
    rows = _items(db)
    assert len(rows) == 6
    assert rows["路灯维修"].overdue
    assert rows["路灯维修"].status_text == "逾期"
    assert rows["电商培训"].overdue
    assert not rows["修缮文化室"].overdue  # solved, although past its deadline
    assert rows["修缮文化室"].status_text == "已解决"
    assert not rows["场地共享"].overdue  # no deadline
    assert set(_items(db, overdue_only=True)) == {"路灯维修", "电商培训"}
    early = queries.list_items(db, ItemQuery(overdue_only=True), ALL, today=date(2024, 1, 1))
    assert early == []


def test_item_claimants_and_supervision(db: Database, data: Seeded) -> None:
    rows = _items(db)
    assert rows["助老服务"].lead_orgs == ("文光社区党委",)
    assert rows["助老服务"].partner_orgs == ("区教育局机关党支部",)
    assert rows["助老服务"].supervision_count == 2
    assert rows["环境整治"].lead_orgs == ("东泰社区党支部",)
    assert rows["环境整治"].partner_orgs == ()
    assert rows["电商培训"].lead_orgs == ()
    assert rows["助老服务"].list_kind == ListKind.PROJECT
    assert rows["助老服务"].signed_on == date(2024, 3, 1)


def test_item_filters(db: Database, data: Seeded) -> None:
    assert set(_items(db, community_id=data.communities["C2"])) == {"环境整治", "场地共享"}
    assert set(_items(db, list_kind=ListKind.DEMAND)) == {"修缮文化室", "路灯维修"}
    assert set(_items(db, status=ItemStatus.SOLVED)) == {"修缮文化室", "环境整治"}
    assert set(_items(db, claimant_org_id=data.orgs["B"])) == {"助老服务"}  # group member
    assert set(_items(db, claimant_org_id=data.orgs["C"])) == {"环境整治"}  # lead
    assert set(_items(db, town=TOWN_C)) == {"环境整治", "场地共享"}
    assert set(_items(db, text="路灯")) == {"路灯维修"}
    assert set(_items(db, text="东泰")) == {"环境整治", "场地共享"}
    assert set(_items(db, year=2023)) == {"场地共享"}
    assert set(_items(db, claimed=True)) == {"助老服务", "环境整治"}


def test_item_sorting(db: Database, data: Seeded) -> None:
    rows = queries.list_items(db, ItemQuery(), PageRequest(sort="deadline"), today=TODAY)
    assert rows[0].title == "电商培训"
    assert rows[-1].title == "场地共享"  # no deadline: last
    rows = queries.list_items(db, ItemQuery(), PageRequest(sort="deadline", descending=True))
    assert rows[0].title == "助老服务"
    assert rows[-1].title == "场地共享"
    default = queries.list_items(db, ItemQuery(), PageRequest(), today=TODAY)
    assert default[0].signed_on == date(2024, 3, 1)  # newest list first
    assert default[-1].signed_on is None


def test_item_detail(db: Database, data: Seeded) -> None:
    detail = queries.get_item_detail(db, data.items["I3"], today=TODAY)
    assert detail.status_text == "已认领"
    (claim,) = detail.claims
    assert claim.mode == ClaimMode.GROUP
    assert claim.lead_org_name == "文光社区党委"
    assert [p.organization_name for p in claim.participants] == [
        "文光社区党委",
        "区教育局机关党支部",
    ]
    assert [v.progress for v in detail.supervisions] == ["已排班", "已上门12户"]
    late = queries.get_item_detail(db, data.items["I2"], today=TODAY)
    assert late.overdue
    with pytest.raises(NotFoundError):
        queries.get_item_detail(db, 99_999)


def test_service_lists(db: Database, data: Seeded) -> None:
    rows = queries.list_service_lists(db)
    assert len(rows) == 4
    demand = next(r for r in rows if r.kind == ListKind.DEMAND)
    assert (demand.item_count, demand.solved_count) == (2, 1)
    assert [r.title for r in queries.list_service_lists(db, data.communities["C2"])] == [
        "东泰2023年资源清单",
        "东泰2024年项目清单",
    ]
    assert queries.list_years(db) == [2024, 2023]


# -- assessments -----------------------------------------------------------------------------
def test_assessments_ranked_by_total(db: Database, data: Seeded) -> None:
    assert indicator_sets.years(db) == [YEAR]
    rows = results.list_assessments(db, YEAR)
    assert [r.community_name for r in rows] == ["文光党建共同体", "东泰党建共同体"]
    assert rows[0].outcome == AssessmentOutcome.DEMONSTRATION
    assert rows[0].award_cents == 500_000
    assert rows[1].grade == Grade.FAIL
    assert rows[1].outcome == AssessmentOutcome.RECTIFY
    assert [r.community_name for r in results.list_assessments(db, YEAR, TOWN_C)] == [
        "东泰党建共同体"
    ]
    assert results.count_assessments(db, YEAR, TOWN_A) == 1
    assert results.list_assessments(db, 2023) == []
    by_name = results.list_assessments(db, YEAR, page=PageRequest(sort="community"))
    assert [r.community_name for r in by_name] == sorted(r.community_name for r in by_name)


def test_assessment_detail(db: Database, data: Seeded) -> None:
    detail = scoring.get_scoring_sheet(db, data.assessments["C2"])
    assert [(s.category, s.max_score, s.score) for s in detail.rows] == [
        ("组织建设", 40, 30),
        ("活动共搞", 60, None),
    ]
    assert detail.max_total == 100
    good = scoring.get_scoring_sheet(db, data.assessments["C1"])
    assert good.feedback == "活动扎实"
    assert good.rows[0].guidance == "召集人到位"
    with pytest.raises(NotFoundError):
        scoring.get_scoring_sheet(db, 99_999)
