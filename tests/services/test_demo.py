"""The demo district: believable, valid, deterministic, all-or-nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from pbc_desktop.db.base import Base, EnumCode
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import (
    Activity,
    AgendaItem,
    Assessment,
    Attendance,
    AuditEntry,
    Claim,
    Committee,
    Community,
    CommunityMember,
    FundEntry,
    LifecycleEvent,
    ListItem,
    Organization,
    PartyMember,
    Post,
    PostEvaluation,
    PostReport,
    ReminderRule,
    Score,
    ServiceList,
    ServiceLog,
    Supervision,
    User,
)
from pbc_desktop.domain.enums import (
    ActivityKind,
    ActivityStatus,
    AssessmentOutcome,
    AssessmentStatus,
    AttendanceStatus,
    AuditAction,
    ClaimMode,
    CoBuildType,
    CommunityStatus,
    FundSource,
    Gender,
    ItemStatus,
    ListKind,
    OrgKind,
    OrgLevel,
    UserRole,
)
from pbc_desktop.domain.indicators import (
    CATEGORIES,
    DEFAULT_GRADE_THRESHOLDS,
    DEFAULT_INDICATORS,
    METRICS,
    grade_for,
)
from pbc_desktop.errors import UserError
from pbc_desktop.services.accounts.passwords import verify_password
from pbc_desktop.services.demo import DemoCancelledError, DemoSummary, build_demo
from pbc_desktop.services.demo.builder import DEMO_PASSWORD
from pbc_desktop.services.exchange import offices
from pbc_desktop.services.post_reports import catalogue
from tests.demo_cache import demo_into

TODAY = date(2026, 6, 15)

ARTICLE = {
    "交通先锋党建共同体": (
        {CoBuildType.CROSS_FIELD},
        {"区交通运输局机关第一党支部", "广东中人集团建设有限公司陈沙大道改建工程项目部党支部"},
    ),
    "上底村教育振兴党建共同体": (
        {CoBuildType.CROSS_LEVEL},
        {"司马浦镇党委", "区教育局机关党支部", "上底村党总支"},
    ),
    "成田陇田新农村连片示范党建共同体": (
        {CoBuildType.CROSS_REGION},
        {"简朴村党总支", "田中央社区党委", "华西村党总支", "华瑶社区党委", "东仙社区党委"},
    ),
    "大溪坝红色美丽乡村党建共同体": (
        {CoBuildType.CROSS_REGION},
        {"大溪坝村党总支", "大陂村党支部", "虎白坟村党支部", "审者村党支部"},
    ),
    "成田镇民营经济党建联盟": (
        {CoBuildType.CROSS_INDUSTRY},
        {"成田镇社会组织联合会党总支部", "成田镇商会党支部", "成田镇袜业协会党支部"},
    ),
}

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    """A database with no account at all (not the suite's usual one with its admin)."""
    database = open_database(db_url, actor="测试员", backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


def gb11643_ok(number: str) -> bool:
    """Independent check of an 18-digit resident ID number (ISO 7064 MOD 11-2)."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    remainder = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True)) % 11
    return "10X98765432"[remainder] == number[17]


@pytest.fixture
def demo(db: Database) -> tuple[Database, DemoSummary]:
    return db, demo_into(db, today=TODAY)


def _scalar(db: Database, stmt: Any) -> Any:
    with db.read() as s:
        return s.scalar(stmt)


def test_gb11643_helper_itself() -> None:
    assert gb11643_ok("11010519491231002X")
    assert not gb11643_ok("110105194912310021")


def test_summary_counts(demo: tuple[Database, DemoSummary]) -> None:
    db, summary = demo
    assert 700 <= summary.party_members <= 900
    assert summary.communities >= 15
    assert summary.project_items == 70
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PartyMember)) == summary.party_members
        assert s.scalar(select(func.count()).select_from(Activity)) == summary.activities
        assert s.scalar(select(func.count()).select_from(Organization)) == summary.organizations
    assert "党组织" in str(summary)


def test_article_communities(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        for name, (types, orgs) in ARTICLE.items():
            community = s.scalar(select(Community).where(Community.name == name))
            assert community is not None, name
            assert community.status == CommunityStatus.RUNNING
            assert {t.type for t in community.types} == types
            members = {m.organization.name for m in community.members}
            assert orgs <= members, name
            lead = community.members[0]
            assert lead.organization_id == community.lead_org_id
            assert {e.action.value for e in community.events} >= {
                "apply",
                "review_pass",
                "approve",
                "start",
            }
            assert len(community.roles) >= 2
            assert community.rotation
        lead = s.scalar(select(Community).where(Community.name == "上底村教育振兴党建共同体"))
        assert lead is not None
        assert lead.lead_org is not None
        assert lead.lead_org.name == "司马浦镇党委"
        assert lead.lead_org.level == OrgLevel.TOWN
        alliance = s.scalar(select(Community).where(Community.name == "成田镇民营经济党建联盟"))
        assert alliance is not None
        assert any("袜业有限公司" in m.organization.name for m in alliance.members)


def test_organizations_of_the_district(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        district = s.scalars(
            select(Organization).where(Organization.level == OrgLevel.DISTRICT)
        ).all()
        assert any(o.parent_id is None and o.kind == OrgKind.COMMITTEE for o in district)
        towns = set(s.scalars(select(Organization.town).where(Organization.level == OrgLevel.TOWN)))
        assert {"峡山街道", "司马浦镇", "成田镇", "陇田镇", "红场镇", "井都镇"} <= towns
        assert s.scalar(select(Organization).where(Organization.name == "司马浦镇党委"))
        temps = s.scalars(
            select(Organization).where(Organization.kind == OrgKind.TEMPORARY_BRANCH)
        ).all()
        assert len(temps) >= 3
        assert all(o.start_date is not None for o in temps)
        assert any(o.end_date is not None and o.end_date > o.start_date for o in temps)  # type: ignore[operator]
        no_secretary = s.scalar(
            select(func.count()).select_from(Organization).where(Organization.secretary.is_(None))
        )
        assert no_secretary == 0


def test_members_have_valid_consistent_ids(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        rows = s.execute(
            select(
                PartyMember.id_number,
                PartyMember.birth_date,
                PartyMember.gender,
                PartyMember.joined_on,
                PartyMember.confirmed_on,
                PartyMember.category,
                PartyMember.phone,
            )
        ).all()
    assert rows
    for number, birth, gender, joined, confirmed, category, phone in rows:
        assert number is not None
        assert gb11643_ok(number), number
        assert number.startswith("4405")
        assert date(int(number[6:10]), int(number[10:12]), int(number[12:14])) == birth
        assert (Gender.MALE if int(number[16]) % 2 else Gender.FEMALE) == gender
        assert joined is not None
        assert joined >= birth.replace(year=birth.year + 18, day=1)
        assert joined <= TODAY
        if category.value == "full":
            assert confirmed is not None
            assert confirmed > joined
        else:
            assert confirmed is None
        assert phone is not None
        assert len(phone) == 11
        assert phone.startswith("1")
    assert len({r[0] for r in rows}) == len(rows)


def _enum_columns() -> list[tuple[str, str, set[str]]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, EnumCode):
                found.append((table.name, column.name, {m.value for m in column.type.enum_cls}))
    return found


def test_all_enum_values_valid(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    columns = _enum_columns()
    assert len(columns) > 20
    with db.engine.connect() as conn:
        for table, column, allowed in columns:
            stored = conn.execute(text(f'SELECT DISTINCT "{column}" FROM "{table}"')).scalars()
            bad = {v for v in stored if v is not None} - allowed
            assert not bad, (table, column, bad)


def test_every_tab_has_data(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        kinds = set(s.scalars(select(Activity.kind).distinct()))
        assert kinds == set(ActivityKind)
        statuses = set(s.scalars(select(Community.status).distinct()))
        assert {
            CommunityStatus.RUNNING,
            CommunityStatus.APPLIED,
            CommunityStatus.RETURNED,
            CommunityStatus.RECTIFYING,
        } <= statuses
        attendance = set(s.scalars(select(Attendance.status).distinct()))
        assert attendance == set(AttendanceStatus)
        assert (
            s.scalar(
                select(func.count())
                .select_from(Attendance)
                .where(
                    Attendance.status == AttendanceStatus.ABSENT, Attendance.reason_text.is_(None)
                )
            )
            == 0
        )
        assert (s.scalar(select(func.count()).where(AgendaItem.resolution.is_not(None))) or 0) > 0
        assert (s.scalar(select(func.max(Activity.trainee_count))) or 0) > 0
        assert set(s.scalars(select(Claim.mode).distinct())) == set(ClaimMode)
        assert set(s.scalars(select(FundEntry.source).distinct())) >= set(FundSource)
        assert set(s.scalars(select(ServiceList.kind).distinct())) == set(ListKind)
        assert (s.scalar(select(func.count()).select_from(PostReport)) or 0) >= 50
        assert (s.scalar(select(func.count()).select_from(ServiceLog)) or 0) > 0
        assert (s.scalar(select(func.count()).select_from(PostEvaluation)) or 0) > 0
        rules = {r.kind: r.interval_months for r in s.scalars(select(ReminderRule))}
        assert rules[ActivityKind.REGULAR_MEETING] == 1
        assert rules[ActivityKind.JOINT_MEETING] == 3
        assert rules[ActivityKind.THEME_PARTY_DAY] == 1
        accounts = {u.username: u for u in s.scalars(select(User))}
        assert {u.role for u in accounts.values()} == set(UserRole)  # one per role
        assert accounts["admin"].role == UserRole.DISTRICT
        assert accounts["admin"].display_name == "系统管理员"
        village = s.get(Organization, accounts["cun"].organization_id)
        assert village is not None and village.level == OrgLevel.VILLAGE
        shared = select(CommunityMember.community_id).where(
            CommunityMember.organization_id == village.id
        )
        partners = select(func.count()).where(  # its communities have other members too
            CommunityMember.community_id.in_(shared), CommunityMember.organization_id != village.id
        )
        assert (s.scalar(partners) or 0) > 0
        assert accounts["zhen"].town == village.town
        for account in accounts.values():  # the README's and the sign-in hint's password
            assert verify_password(account.password_hash, DEMO_PASSWORD)
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [(e.action, e.entity) for e in entries] == [
            (AuditAction.IMPORT, "demo"),
            (AuditAction.CREATE, "office"),  # the demo database is the district's office
        ]
    card = offices.local_office(db)
    assert (card.card.name, card.card.level) == ("中共汕头市潮南区委组织部", OrgLevel.DISTRICT)
    assert card.keys is not None


def test_overdue_and_solved_items(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        projects = (
            select(ListItem)
            .join(ServiceList, ServiceList.id == ListItem.list_id)
            .where(ServiceList.kind == ListKind.PROJECT)
        )
        items = s.scalars(projects).all()
        overdue = [
            i for i in items if i.status != ItemStatus.SOLVED and i.deadline and i.deadline < TODAY
        ]
        assert overdue
        assert len(overdue) < len(items) // 2
        solved = [i for i in items if i.status == ItemStatus.SOLVED]
        assert solved
        for item in solved:
            assert item.solved_on is not None
            assert item.solved_on <= TODAY
            assert item.satisfaction is not None
            assert item.claims
        for item in items:
            if item.status != ItemStatus.OPEN:
                assert item.claims, item.title
                claim = item.claims[0]
                assert claim.participants
                assert claim.claimed_on <= TODAY
                for sup in item.supervisions:
                    assert claim.claimed_on <= sup.entry_date <= TODAY


def test_assessments_consistent(demo: tuple[Database, DemoSummary]) -> None:
    db, _ = demo
    with db.read() as s:
        assessments = s.scalars(select(Assessment)).all()
        assert assessments
        running = s.scalar(
            select(func.count())
            .select_from(Community)
            .where(Community.status.in_([CommunityStatus.RUNNING, CommunityStatus.RECTIFYING]))
        )
        assert len(assessments) == running
        for a in assessments:
            assert a.status == AssessmentStatus.FINISHED
            assert a.indicator_set.year == TODAY.year - 1
            assert a.grade == grade_for(a.total)
            total = s.scalar(select(func.sum(Score.score)).where(Score.assessment_id == a.id))
            assert total == pytest.approx(a.total)
            assert len(a.scores) == len(DEFAULT_INDICATORS)
            assert a.feedback
        demo_sites = [a for a in assessments if a.outcome == AssessmentOutcome.DEMONSTRATION]
        assert demo_sites
        assert all(a.award_cents > 0 for a in demo_sites)
        rectify = [a for a in assessments if a.outcome == AssessmentOutcome.RECTIFY]
        assert rectify
        assert all(a.rectify_reasons for a in rectify)
        assert all(a.community.status == CommunityStatus.RECTIFYING for a in rectify)
        years = set(s.scalars(select(Assessment.set_id).distinct()))
        assert len(years) == 1
        sets = s.execute(text("SELECT year FROM indicator_set ORDER BY year")).scalars().all()
        assert sets == [TODAY.year - 1, TODAY.year]


def _names_and_ids(db: Database) -> tuple[list[str], list[str], list[str], list[str]]:
    with db.read() as s:
        return (
            sorted(s.scalars(select(Organization.name))),
            sorted(s.scalars(select(PartyMember.name))),
            sorted(x or "" for x in s.scalars(select(PartyMember.id_number))),
            sorted(s.scalars(select(Community.name))),
        )


def test_deterministic(tmp_path: Path) -> None:
    first = open_database(sqlite_url(tmp_path / "a.sqlite"))
    second = open_database(sqlite_url(tmp_path / "b.sqlite"))
    third = open_database(sqlite_url(tmp_path / "c.sqlite"))
    try:
        build_demo(first, seed=7, today=TODAY)
        build_demo(second, seed=7, today=TODAY)
        build_demo(third, seed=8, today=TODAY)
        assert _names_and_ids(first) == _names_and_ids(second)
        assert _names_and_ids(first)[2] != _names_and_ids(third)[2]
    finally:
        for database in (first, second, third):
            database.dispose()


def test_refuses_a_database_with_organizations(db: Database) -> None:
    build_demo(db, today=TODAY)
    before = _scalar(db, select(func.count()).select_from(PartyMember))
    with pytest.raises(UserError, match="已有党组织"):
        build_demo(db, today=TODAY)
    assert _scalar(db, select(func.count()).select_from(PartyMember)) == before


def test_unknown_scale_is_refused(db: Database) -> None:
    with pytest.raises(UserError):
        build_demo(db, scale="city")


@pytest.mark.parametrize("phase", ["generating", "writing"])
def test_cancel_leaves_database_empty(db: Database, phase: str) -> None:
    seen: list[int] = []
    calls = {"n": 0}

    def progress(percent: int, _text: str) -> None:
        seen.append(percent)

    def should_cancel() -> bool:
        calls["n"] += 1
        if phase == "generating":
            return calls["n"] > 5
        return bool(seen) and seen[-1] > 60

    with pytest.raises(DemoCancelledError):
        build_demo(db, today=TODAY, progress=progress, should_cancel=should_cancel)
    if phase == "writing":
        assert max(seen) > 60
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            assert s.scalar(select(func.count()).select_from(table)) == 0, table.name


@pytest.mark.parametrize("today", [date(2027, 1, 2), date(2026, 12, 31), date(2026, 2, 28)])
def test_any_day_of_the_year(db: Database, today: date) -> None:
    summary = build_demo(db, today=today, seed=3)
    assert summary.assessments > 0
    with db.read() as s:
        for column in (
            LifecycleEvent.occurred_on,
            FundEntry.entry_date,
            ServiceLog.served_on,
            Supervision.entry_date,
            ListItem.solved_on,
            ServiceList.signed_on,
            PostReport.reported_on,
        ):
            latest = s.scalar(select(func.max(column)))
            assert latest is not None
            assert latest <= today, column
        held = s.scalar(
            select(func.max(Activity.starts_at)).where(Activity.status == ActivityStatus.HELD)
        )
        assert held is not None
        assert held.date() < today


def test_indicator_system() -> None:
    assert sum(i.max_score for i in DEFAULT_INDICATORS) == 100
    assert list(CATEGORIES) == list(dict.fromkeys(i.category for i in DEFAULT_INDICATORS))
    assert all(i.metric is None or i.metric in METRICS for i in DEFAULT_INDICATORS)
    assert all(i.guidance for i in DEFAULT_INDICATORS)
    assert grade_for(90).value == "excellent"
    assert grade_for(89.9).value == "good"
    assert grade_for(80, DEFAULT_GRADE_THRESHOLDS).value == "good"
    assert grade_for(60).value == "pass"
    assert grade_for(59.5).value == "fail"


def test_demo_reports_use_a_catalogue_made_before_it(db: Database) -> None:
    assert catalogue.ensure_default_posts(db)
    with db.read() as s:
        before = s.scalar(select(func.count(Post.id)))
    build_demo(db, today=TODAY)
    with db.read() as s:
        assert s.scalar(select(func.count(Post.id))) == before
        reports = s.scalar(select(func.count(PostReport.id)))
        without_post = s.scalar(
            select(func.count(PostReport.id)).where(PostReport.post_id.is_(None))
        )
    assert reports
    assert without_post == 0


def test_the_demo_s_village_and_town_accounts_see_their_part_of_the_district(
    demo: tuple[Database, DemoSummary],
) -> None:
    """Signing in as ``cun`` (and ``zhen``) to try the program shows communities, their
    activities and lists, and the organization's members: never empty tabs."""
    from pbc_desktop.services import communities, members
    from pbc_desktop.services.accounts.sign_in import sign_in
    from pbc_desktop.services.activities import listing
    from pbc_desktop.services.lists import queries
    from pbc_desktop.services.paging import PageRequest

    db, _ = demo
    for username in ("cun", "zhen"):
        db.user = sign_in(db, username, DEMO_PASSWORD).actor
        assert communities.count_communities(db, communities.CommunityQuery()) >= 1
        assert listing.list_activities(db, listing.ActivityQuery(), PageRequest())
        assert queries.list_service_lists(db)
        assert members.count_members(db, members.MemberQuery()) >= 1


def test_the_demo_shows_members_coming_and_going(demo: tuple[Database, DemoSummary]) -> None:
    """A letter addressed to the village account waiting for it, members who left (death,
    transfer out) with their changes, a few members away; statuses agree with changes."""
    from pbc_desktop.db.models import MemberChange, MobileMember, PartyMember
    from pbc_desktop.domain.member_changes import KIND_OF_STATUS, MemberChangeKind
    from pbc_desktop.services.accounts.sign_in import sign_in
    from pbc_desktop.services.member_changes import count_changes, transfers
    from pbc_desktop.services.member_changes.roll import latest_kind

    db, _ = demo
    db.user = sign_in(db, "cun", DEMO_PASSWORD).actor
    pending = transfers.list_transfers(db)
    assert any(row.can_receive for row in pending)  # addressed to it
    assert any(row.can_withdraw for row in pending)  # sent by it
    db.user = sign_in(db, "admin", DEMO_PASSWORD).actor
    with db.read() as s:
        left = s.execute(
            select(PartyMember.status, latest_kind()).where(
                PartyMember.status.in_(list(KIND_OF_STATUS))
            )
        ).all()
        assert left and all(kind == KIND_OF_STATUS[status] for status, kind in left)
        assert s.scalar(select(func.count(MobileMember.id))) >= 3
        assert s.scalar(select(func.count(MemberChange.id))) > len(left)
    year = count_changes(db, date(TODAY.year - 1, 1, 1), TODAY)
    assert year[MemberChangeKind.DECEASED] >= 1 and year[MemberChangeKind.TRANSFERRED_OUT] >= 1


def test_temporary_branches_meet_only_while_they_exist(demo: tuple[Database, DemoSummary]) -> None:
    """A 临时党支部 disbanded years ago held a whole year of 三会一课 in the demo."""
    db, _ = demo
    with db.read() as s:
        rows = s.execute(
            select(Organization.name, Organization.start_date, Organization.end_date, Activity)
            .join(Activity, Activity.host_org_id == Organization.id)
            .where(Activity.community_id.is_(None), Organization.start_date.is_not(None))
        ).all()
        assert rows  # this year's 防汛 branch, founded 45 days ago, meets
        outside = [
            (name, a.starts_at.date())
            for name, start, end, a in rows
            if a.starts_at.date() < start or (end and a.starts_at.date() > end)
        ]
    assert outside == []


def test_committees_are_elected_while_their_organization_exists(
    demo: tuple[Database, DemoSummary],
) -> None:
    """The 2020 疫情防控 临时党支部 had committees elected years after they were disbanded
    (reminded of 换届 in 2026), others one elected before they were founded."""
    db, _ = demo
    with db.read() as s:
        rows = s.execute(
            select(
                Organization.name,
                Organization.kind,
                Organization.founded_on,
                Organization.end_date,
                Committee.elected_on,
            ).join(Committee, Committee.organization_id == Organization.id)
        ).all()
    assert len(rows) > 100
    assert [name for name, kind, *_ in rows if kind is OrgKind.TEMPORARY_BRANCH] == []
    outside = [
        (name, elected)
        for name, _kind, founded, end, elected in rows
        if (founded and elected < founded) or (end and elected > end)
    ]
    assert outside == []
