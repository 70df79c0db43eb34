"""三会一课 computed from activities; the town list; the schedule; terms; reminders by scope."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ActivityOrganization, AuditEntry
from pbc_desktop.domain.branch_life import PeriodState as P
from pbc_desktop.domain.enums import ActivityKind as K
from pbc_desktop.domain.enums import ActivityStatus, MembershipStatus, OrgField, OrgKind
from pbc_desktop.domain.reminders import ReminderArea, Severity
from pbc_desktop.domain.terms import CommitteePost, TermState, default_term_years
from pbc_desktop.errors import (
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)
from pbc_desktop.services import reminders
from pbc_desktop.services.branch_life import compliance, schedule
from pbc_desktop.services.terms import committees, due
from tests.conftest import sql_by_hand
from tests.factories import make_activity, make_member, make_org
from tests.scope_factories import TwoTowns, district_actor, town_actor, two_towns, village_actor

TODAY = date(2026, 5, 25)


def _meeting(db: Database, org: int, kind: K, month: int, **extra: object) -> int:
    return make_activity(
        db,
        None,
        f"{month}月{kind.zh}",
        kind=kind,
        host_org_id=org,
        starts_at=datetime(2026, month, 10, 9),
        **extra,
    )


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def test_the_year_as_of_a_date_counts_only_the_meetings_until_then(
    db: Database, world: TwoTowns
) -> None:
    """At a date the year stood as it did then: a meeting held after it did not count
    (a period not begun showed as kept, December's committee as held on the 30th)."""
    _meeting(db, world.jia_two, K.BRANCH_ASSEMBLY, 2)
    _meeting(db, world.jia_two, K.BRANCH_ASSEMBLY, 8)
    make_activity(
        db,
        None,
        "年终支委会",
        kind=K.BRANCH_COMMITTEE,
        host_org_id=world.jia_two,
        starts_at=datetime(2026, 12, 31, 18),
    )
    june = compliance.branch_year(db, world.jia_two, 2026, date(2026, 6, 15))
    assembly = june.kind(K.BRANCH_ASSEMBLY)
    assert assembly is not None
    assert [p.state for p in assembly.periods] == [P.KEPT, P.OPEN, P.FUTURE, P.FUTURE]
    assert (assembly.held, assembly.due) == (1, 2)
    eve = compliance.branch_year(db, world.jia_two, 2026, date(2026, 12, 30))
    committee = eve.kind(K.BRANCH_COMMITTEE)
    assert committee is not None
    assert committee.months[11] == 0 and committee.periods[11].state is P.OPEN
    last = compliance.branch_year(db, world.jia_two, 2026, date(2026, 12, 31)).kind(
        K.BRANCH_COMMITTEE
    )
    assert last is not None and last.periods[11].state is P.KEPT


def test_a_branch_with_missing_months(db: Database, world: TwoTowns) -> None:
    for month in (1, 2, 4):  # 支委会: none in March, none yet in May
        _meeting(db, world.jia_two, K.BRANCH_COMMITTEE, month)
    _meeting(db, world.jia_two, K.BRANCH_COMMITTEE, 4)  # twice in April: one period
    _meeting(db, world.jia_two, K.BRANCH_ASSEMBLY, 2)
    _meeting(db, world.jia_two, K.PARTY_LESSON, 1, status=ActivityStatus.CANCELLED)
    # joined, not hosted: a 主题党日 of 甲一村党总支 with 甲二村党支部 among its organizations
    joint = _meeting(db, world.jia_one, K.THEME_PARTY_DAY, 3)
    with db.write() as s:
        s.add(ActivityOrganization(activity_id=joint, organization_id=world.jia_two))
        s.add(ActivityOrganization(activity_id=joint, organization_id=world.jia_one))
    year = compliance.branch_year(db, world.jia_two, 2026, TODAY)
    committee = year.kind(K.BRANCH_COMMITTEE)
    assert committee is not None
    assert committee.months == (1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)
    assert [p.state for p in committee.periods[:6]] == [
        P.KEPT,
        P.KEPT,
        P.MISSED,
        P.KEPT,
        P.OPEN,
        P.FUTURE,
    ]
    assert {k.kind: (k.held, k.due, k.missed) for k in year.kinds} == {
        K.BRANCH_ASSEMBLY: (1, 2, 0),
        K.BRANCH_COMMITTEE: (4, 5, 1),
        K.GROUP_MEETING: (0, 5, 4),
        K.PARTY_LESSON: (0, 2, 1),  # the cancelled one does not count
        K.THEME_PARTY_DAY: (1, 5, 3),
    }
    assert year.behind
    host = compliance.branch_year(db, world.jia_one, 2026, TODAY).kind(K.THEME_PARTY_DAY)
    assert host is not None and host.held == 1  # hosted and listed: counted once


def test_the_town_list_and_scope(db: Database, world: TwoTowns) -> None:
    for month in range(1, 5):
        for kind in (K.BRANCH_COMMITTEE, K.GROUP_MEETING, K.THEME_PARTY_DAY):
            _meeting(db, world.yi_one, kind, month)
    for kind in (K.BRANCH_ASSEMBLY, K.PARTY_LESSON):
        _meeting(db, world.yi_one, kind, 2)
    whole = compliance.town_year(db, 2026, TODAY)
    assert [b.name for b in whole.branches] == [  # by town, then pinyin
        "乙一村党支部",
        "甲二村党支部",
        "甲一村党总支",
        "甲一村第一党支部",
    ]
    assert [b.name for b in whole.behind] == ["甲二村党支部", "甲一村党总支", "甲一村第一党支部"]
    assert [b.name for b in whole.open_now] == [b.name for b in whole.branches]
    assert [b.name for b in compliance.town_year(db, 2026, TODAY, town="乙镇").branches] == [
        "乙一村党支部"
    ]
    db.user = town_actor(db, "乙镇")
    assert [b.name for b in compliance.town_year(db, 2026, TODAY).branches] == ["乙一村党支部"]
    db.user = village_actor(db, world.jia_one)
    assert [b.name for b in compliance.town_year(db, 2026, TODAY).branches] == [
        "甲一村党总支",
        "甲一村第一党支部",
    ]
    with pytest.raises(NotFoundError):
        compliance.branch_year(db, world.yi_one, 2026, TODAY)


def test_the_schedule_is_the_districts(db: Database, world: TwoTowns) -> None:
    assert schedule.get_schedule(db)[K.PARTY_LESSON] == 3
    db.user = town_actor(db, "甲镇")
    with pytest.raises(PermissionDeniedError):
        schedule.set_schedule(db, {K.PARTY_LESSON: 1})
    db.user = district_actor(db)
    with pytest.raises(ValidationError) as exc:
        schedule.set_schedule(db, {K.PARTY_LESSON: 5, K.VOLUNTEER: 1})
    assert exc.value.fields() == ["party_lesson", "volunteer"]
    schedule.set_schedule(db, {K.BRANCH_ASSEMBLY: 3, K.PARTY_LESSON: 1})
    assert schedule.get_schedule(db) == {K.BRANCH_ASSEMBLY: 3, K.PARTY_LESSON: 1}
    year = compliance.branch_year(db, world.jia_two, 2026, TODAY)
    assert [k.kind for k in year.kinds] == [K.BRANCH_ASSEMBLY, K.PARTY_LESSON]
    with db.read() as s:
        assert "meeting_rule" in s.scalars(select(AuditEntry.entity)).all()


def _committee(db: Database, org: int, no: int, elected: date, years: int = 3) -> int:
    seats = (
        committees.Seat("张书记", CommitteePost.SECRETARY),
        committees.Seat("李委员", CommitteePost.ORGANIZATION),
    )
    data = committees.CommitteeInput(org, no, elected, years, seats)
    return committees.record_committee(db, data, today=TODAY)


def test_terms_due_and_overdue(db: Database, world: TwoTowns) -> None:
    _committee(db, world.jia_two, 1, date(2020, 6, 1))
    _committee(db, world.jia_two, 2, date(2023, 6, 1))  # due 2026-06-01: in a week
    _committee(db, world.jia_one, 3, date(2021, 3, 1), 5)  # due 2026-03-01: overdue
    _committee(db, world.yi_one, 1, date(2025, 1, 10))  # due 2028
    rows = due.due_terms(db, TODAY)
    assert [(r.organization_name, r.term_no, r.state, r.due_on) for r in rows] == [
        ("甲一村党总支", 3, TermState.OVERDUE, date(2026, 3, 1)),
        ("甲二村党支部", 2, TermState.DUE, date(2026, 6, 1)),
    ]
    assert len(due.due_terms(db, TODAY, within_months=36)) == 3
    assert [r.organization_name for r in due.due_terms(db, TODAY, town="乙镇")] == []
    history = committees.history(db, world.jia_two, TODAY)
    assert [(r.term_no, r.current) for r in history] == [(2, True), (1, False)]
    assert [s.person_name for s in history[0].seats] == ["张书记", "李委员"]


def test_a_committee_is_refused_with_every_field_named(db: Database, world: TwoTowns) -> None:
    _committee(db, world.jia_two, 2, date(2023, 6, 1))
    bad = committees.CommitteeInput(
        world.jia_two, 2, date(2022, 1, 1), 4, (committees.Seat(" ", CommitteePost.MEMBER),)
    )
    with pytest.raises(ValidationError) as exc:
        committees.record_committee(db, bad, today=TODAY)
    assert exc.value.fields() == ["term_years", "term_no", "elected_on", "seats"]
    # elected after 第2届, numbered before it: the 届次 went back without a word
    with pytest.raises(ValidationError) as exc:
        _committee(db, world.jia_two, 1, date(2026, 5, 1))
    assert exc.value.fields() == ["term_no"] and "应大于已登记的第2届" in str(exc.value)
    with pytest.raises(ValidationError, match="选举日期不能晚于今天"):
        _committee(db, world.jia_two, 3, date(2026, 5, 26))
    db.user = village_actor(db, world.jia_one)
    with pytest.raises(NotFoundError):
        _committee(db, world.yi_one, 1, date(2025, 1, 1))
    with pytest.raises(NotFoundError):
        committees.history(db, world.yi_one)


def test_reminders_in_one_place_per_scope(db: Database, world: TwoTowns) -> None:
    _committee(db, world.jia_two, 1, date(2023, 6, 1))
    _committee(db, world.yi_one, 1, date(2021, 1, 10), 5)  # overdue since 2026-01-10
    found = reminders.collect(db, TODAY)
    terms = [(r.subject, r.severity) for r in found if r.area is ReminderArea.TERMS]
    assert terms == [("乙一村党支部", Severity.OVERDUE), ("甲二村党支部", Severity.DUE_SOON)]
    meetings = [r for r in found if r.area is ReminderArea.BRANCH_LIFE]
    # 4 branches behind on the four kinds missed since January, and 支委会/党小组会/主题党日
    # still to hold in May (ending in 6 days)
    assert len(meetings) == 4 * 5 + 4 * 3
    # each its own reminder (the panel keeps its selection by the key): a branch's
    # meetings missed and still to hold all open the window on the branch alone
    assert len({r.key for r in found}) == len(found)
    first = found[0]
    assert first.severity is Severity.OVERDUE and first.days == (TODAY - first.due_on).days
    severities = [r.severity for r in found]
    assert severities == sorted(severities, key=lambda v: v is Severity.DUE_SOON)
    assert [r.days for r in found] == sorted((r.days for r in found), reverse=True)
    db.user = town_actor(db, "乙镇")
    seen = reminders.collect(db, TODAY)
    assert {r.subject for r in seen if r.area is not ReminderArea.ACTIVITIES} == {"乙一村党支部"}
    assert reminders.collect(db, TODAY, town="甲镇") == []
    db.user = village_actor(db, world.jia_two)
    assert {r.subject for r in reminders.collect(db, TODAY)} == {"甲二村党支部"}


def test_a_temporary_branch_counts_only_while_it_exists(db: Database, world: TwoTowns) -> None:
    temporary = make_org(
        db,
        "甲镇防汛临时党支部",
        town="甲镇",
        kind=OrgKind.TEMPORARY_BRANCH,
        parent_id=world.jia_town,
        start_date=date(2026, 4, 1),
        end_date=date(2026, 4, 30),
    )
    for kind in (K.BRANCH_COMMITTEE, K.GROUP_MEETING, K.THEME_PARTY_DAY):
        _meeting(db, temporary, kind, 4)
    year = compliance.branch_year(db, temporary, 2026, TODAY)
    committee = year.kind(K.BRANCH_COMMITTEE)
    assert committee is not None
    assert [p.state for p in committee.periods[:5]] == [P.INACTIVE] * 3 + [P.KEPT, P.INACTIVE]
    lesson = year.kind(K.PARTY_LESSON)
    assert lesson is not None
    # the second quarter ended for it on 30 April, without a 党课
    assert [p.state for p in lesson.periods] == [P.INACTIVE, P.MISSED, P.INACTIVE, P.INACTIVE]
    assert [k.kind for k in year.behind_kinds] == [K.BRANCH_ASSEMBLY, K.PARTY_LESSON]
    assert year.open_kinds == ()
    # an ordinary branch with the same meeting is behind since January
    _meeting(db, world.jia_two, K.BRANCH_COMMITTEE, 4)
    assert compliance.branch_year(db, world.jia_two, 2026, TODAY).behind
    # in the years before and after it existed, it is not one of the town's branches
    listed = {b.organization_id for b in compliance.town_year(db, 2026, TODAY).branches}
    assert temporary in listed
    for other_year in (2025, 2027):
        found = compliance.town_year(db, other_year, date(other_year, 12, 31)).branches
        assert temporary not in {b.organization_id for b in found}
        assert world.jia_two in {b.organization_id for b in found}


def test_the_latest_committee_is_corrected_in_one_audited_write(
    db: Database, world: TwoTowns
) -> None:
    _committee(db, world.jia_two, 1, date(2020, 6, 1))
    latest = _committee(db, world.jia_two, 2, date(2023, 6, 1))
    row = committees.history(db, world.jia_two, TODAY)[0]
    member = committees.Seat("甲二党员", CommitteePost.SECRETARY, world.member_jia_two)
    fixed = committees.CommitteeInput(
        world.jia_two, 2, date(2023, 7, 1), 5, (member,), remark="补正选举日期"
    )
    committees.correct_committee(db, latest, fixed, row.version, today=TODAY)
    after = committees.history(db, world.jia_two, TODAY)[0]
    assert (after.elected_on, after.term_years, after.remark) == (
        date(2023, 7, 1),
        5,
        "补正选举日期",
    )
    assert after.seats == (member,)
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and entry.summary == "更正甲二村党支部第2届班子"
    # a stale version, an earlier committee, a date before the previous election
    with pytest.raises(StaleEditError):
        committees.correct_committee(db, latest, fixed, row.version, today=TODAY)
    earlier = committees.history(db, world.jia_two, TODAY)[1]
    with pytest.raises(ValidationError, match="只能修改最近一届班子"):
        committees.correct_committee(db, earlier.id, fixed, earlier.version, today=TODAY)
    too_early = committees.CommitteeInput(world.jia_two, 2, date(2020, 1, 1), 3, (member,))
    with pytest.raises(ValidationError, match=r"选举日期应晚于上一届（2020-06-01）"):
        committees.correct_committee(db, latest, too_early, after.version, today=TODAY)
    db.user = village_actor(db, world.yi_one)
    with pytest.raises(NotFoundError):
        committees.correct_committee(db, latest, fixed, after.version, today=TODAY)


@pytest.mark.parametrize(
    ("seats", "message"),
    [
        ((committees.Seat("李委员", CommitteePost.ORGANIZATION),), "班子成员中应有书记"),
        (
            (
                committees.Seat("张三", CommitteePost.SECRETARY),
                committees.Seat(" 张三", CommitteePost.PROPAGANDA),
            ),
            "张三在班子中出现了两次",
        ),
        (
            (
                committees.Seat("张三", CommitteePost.SECRETARY),
                committees.Seat("李四", CommitteePost.SECRETARY),
            ),
            "班子中只能有一名书记（现有2名）",
        ),
    ],
)
def test_a_committee_needs_a_secretary_and_each_person_once(
    db: Database, world: TwoTowns, seats: tuple[committees.Seat, ...], message: str
) -> None:
    data = committees.CommitteeInput(world.jia_two, 1, date(2025, 1, 1), 3, seats)
    with pytest.raises(ValidationError, match=message):
        committees.record_committee(db, data, today=TODAY)


def test_a_committee_is_not_elected_before_the_organization_was_founded(
    db: Database, world: TwoTowns
) -> None:
    sql_by_hand(db, f"UPDATE organization SET founded_on = '2020-03-01' WHERE id = {world.jia_two}")
    seats = (committees.Seat("张三", CommitteePost.SECRETARY),)
    early = committees.CommitteeInput(world.jia_two, 1, date(2019, 12, 1), 3, seats)
    with pytest.raises(ValidationError, match="不能早于党组织成立日期（2020-03-01）") as refused:
        committees.record_committee(db, early, today=TODAY)
    assert refused.value.fields() == ["elected_on"]
    first = committees.record_committee(
        db, committees.CommitteeInput(world.jia_two, 1, date(2020, 3, 1), 3, seats), today=TODAY
    )
    row = committees.history(db, world.jia_two, TODAY)[0]
    with pytest.raises(ValidationError, match="成立日期"):
        committees.correct_committee(db, first, early, row.version, today=TODAY)


def test_a_seat_names_a_member_of_the_organization(db: Database, world: TwoTowns) -> None:
    other = committees.Seat("乙一党员", CommitteePost.SECRETARY, world.member_yi_one)
    data = committees.CommitteeInput(world.jia_two, 1, date(2025, 1, 1), 3, (other,))
    with pytest.raises(ValidationError, match="乙一党员不是甲二村党支部的党员"):
        committees.record_committee(db, data, today=TODAY)


def test_a_term_number_that_skips_terms_is_refused_unless_intended(
    db: Database, world: TwoTowns
) -> None:
    """第20届 typed for 第8届 was recorded: 第8 to 19届 could never be added after it."""
    _committee(db, world.jia_two, 7, date(2020, 6, 1))  # the first recorded: any number
    seats = (committees.Seat("张书记", CommitteePost.SECRETARY),)
    typo = committees.CommitteeInput(world.jia_two, 20, date(2023, 6, 1), 3, seats)
    with pytest.raises(committees.TermGapError) as refused:
        committees.record_committee(db, typo, today=TODAY)
    gap = refused.value
    assert gap.fields() == ["term_no"] and (gap.last, gap.term_no) == (7, 20)
    assert "上一届是第7届，下一届应为第8届；登记第20届会跳过中间的届次" in str(refused.value)
    assert [r.term_no for r in committees.history(db, world.jia_two, TODAY)] == [7]
    latest = committees.record_committee(db, typo, today=TODAY, allow_gap=True)  # intended
    row = committees.history(db, world.jia_two, TODAY)[0]
    assert (row.id, row.term_no) == (latest, 20)
    form = committees.committee_form(db, world.jia_two, TODAY)
    assert (form.next_term_no, form.previous_term_no) == (21, 7)
    # a correction keeping the 届次 recorded with a gap is not refused again; one moving it
    # away from the term before is, unless intended
    same = replace(typo, remark="补记")
    committees.correct_committee(db, latest, same, row.version, today=TODAY)
    row = committees.history(db, world.jia_two, TODAY)[0]
    moved = replace(typo, term_no=25)
    with pytest.raises(committees.TermGapError, match="登记第25届"):
        committees.correct_committee(db, latest, moved, row.version, today=TODAY)
    committees.correct_committee(db, latest, replace(typo, term_no=8), row.version, today=TODAY)
    assert [r.term_no for r in committees.history(db, world.jia_two, TODAY)] == [8, 7]


def test_a_seat_naming_a_member_who_left_the_roll(db: Database, world: TwoTowns) -> None:
    """The dialog lists the members on the roll; the service took any of the organization's.
    A committee corrected after its member left keeps the link: they were on it then."""
    gone = make_member(db, "离开党员", world.jia_two, status=MembershipStatus.TRANSFERRED_OUT)
    lost = make_member(db, "失联党员", world.jia_two, status=MembershipStatus.LOST_CONTACT)
    seats = (
        committees.Seat("甲二党员", CommitteePost.SECRETARY, world.member_jia_two),
        committees.Seat("离开党员", CommitteePost.ORGANIZATION, gone),
    )
    data = committees.CommitteeInput(world.jia_two, 1, date(2023, 6, 1), 3, seats)
    refusal = r"^离开党员已不在党员名册上（已转出），不能列入班子$"
    with pytest.raises(ValidationError, match=refusal):
        committees.record_committee(db, data, today=TODAY)
    assert committees.history(db, world.jia_two, TODAY) == []
    on_roll = (seats[0], committees.Seat("失联党员", CommitteePost.ORGANIZATION, lost))
    first = committees.record_committee(db, replace(data, seats=on_roll), today=TODAY)
    sql_by_hand(db, f"UPDATE party_member SET status = 'deceased' WHERE id = {lost}")
    row = committees.history(db, world.jia_two, TODAY)[0]
    kept = replace(data, seats=on_roll, remark="补记")
    committees.correct_committee(db, first, kept, row.version, today=TODAY)
    row = committees.history(db, world.jia_two, TODAY)[0]
    assert row.seats == on_roll and row.remark == "补记"  # the link to 失联党员 kept
    # a link new to the committee is refused, in a correction too
    added = (*on_roll, committees.Seat("离开党员", CommitteePost.PROPAGANDA, gone))
    with pytest.raises(ValidationError, match="离开党员已不在党员名册上"):
        committees.correct_committee(db, first, replace(data, seats=added), row.version, TODAY)


def test_the_form_proposes_the_next_term_and_its_length(db: Database, world: TwoTowns) -> None:
    form = committees.committee_form(db, world.jia_two, TODAY)
    assert (form.next_term_no, form.latest, form.default_term_years) == (1, None, 5)  # a village
    assert [m.name for m in form.members] == ["甲二党员"]
    _committee(db, world.jia_two, 4, date(2023, 6, 1))
    form = committees.committee_form(db, world.jia_two, TODAY)
    assert form.next_term_no == 5 and form.latest is not None and form.latest.term_no == 4


@pytest.mark.parametrize(
    ("kind", "field", "years"),
    [
        (OrgKind.COMMITTEE, OrgField.AGENCY, 5),
        (OrgKind.BRANCH, OrgField.AGENCY, 3),
        (OrgKind.GENERAL_BRANCH, OrgField.STATE_ENTERPRISE, 3),
        (OrgKind.BRANCH, OrgField.RURAL, 5),
        (OrgKind.GENERAL_BRANCH, OrgField.URBAN_COMMUNITY, 5),
    ],
)
def test_default_term_years(kind: OrgKind, field: OrgField, years: int) -> None:
    assert default_term_years(kind, field) == years


def test_a_committee_no_column_holds_is_refused_and_nothing_written(
    db: Database, world: TwoTowns
) -> None:
    """A name of 61 characters (the column holds 60; a server refuses it with an internal
    error), a 届次 of 20 digits (no integer column holds it), a remark of 501 characters,
    a control character pasted into a name."""
    long_name = committees.Seat("张" * 61, CommitteePost.SECRETARY)
    data = committees.CommitteeInput(
        world.jia_two, 10**20, date(2025, 1, 1), 3, (long_name,), remark="备" * 501
    )
    with pytest.raises(ValidationError) as exc:
        committees.record_committee(db, data, today=TODAY)
    assert exc.value.fields() == ["term_no", "seats", "remark"]
    assert "最多60个字" in str(exc.value) and "届次应为1至999的整数" in str(exc.value)
    pasted = committees.Seat("张\u202e三", CommitteePost.SECRETARY)
    with pytest.raises(ValidationError, match="控制字符"):
        committees.record_committee(
            db, committees.CommitteeInput(world.jia_two, 1, date(2025, 1, 1), 3, (pasted,)), TODAY
        )
    assert committees.history(db, world.jia_two, TODAY) == []
    fits = committees.Seat("张" * 60, CommitteePost.SECRETARY)
    ok = committees.CommitteeInput(world.jia_two, 999, date(2025, 1, 1), 3, (fits,), "备" * 500)
    committees.record_committee(db, ok, today=TODAY)


def test_a_branch_counts_only_from_the_day_it_was_founded(db: Database, world: TwoTowns) -> None:
    """A branch founded in March 2026 is not behind on January and February, nor one of
    the town's branches in 2025."""
    founded = make_org(
        db, "甲镇新建党支部", town="甲镇", parent_id=world.jia_town, founded_on=date(2026, 3, 9)
    )
    _meeting(db, founded, K.BRANCH_COMMITTEE, 3)
    _meeting(db, founded, K.BRANCH_COMMITTEE, 4)
    committee = compliance.branch_year(db, founded, 2026, TODAY).kind(K.BRANCH_COMMITTEE)
    assert committee is not None
    assert [p.state for p in committee.periods[:5]] == [P.INACTIVE] * 2 + [P.KEPT] * 2 + [P.OPEN]
    assert not committee.behind
    before = compliance.town_year(db, 2025, date(2025, 12, 31)).branches
    assert founded not in {b.organization_id for b in before}
    assert world.jia_two in {b.organization_id for b in before}


def test_the_form_tells_namesakes_apart(db: Database, world: TwoTowns) -> None:
    born = make_member(db, "陈伟", world.jia_two, birth_date=date(1975, 1, 2))
    joined = make_member(db, "陈伟", world.jia_two, joined_on=date(2001, 7, 1))
    twins = [make_member(db, "林芳", world.jia_two, birth_date=date(1980, 5, 6)) for _ in "ab"]
    labels = {c.id: c.label for c in committees.committee_form(db, world.jia_two).members}
    assert labels[born] == "陈伟（1975年生）"
    assert labels[joined] == "陈伟（2001-07-01入党）"
    assert [labels[t] for t in twins] == ["林芳（1980年生）（1）", "林芳（1980年生）（2）"]
    assert labels[world.member_jia_two] == "甲二党员"


def test_an_organization_that_ended_holds_no_more_elections(db: Database, world: TwoTowns) -> None:
    """A temporary branch disbanded in 2020 was reminded every year of a 换届 it will never
    hold, and a committee could be recorded years after it ended."""
    temporary = make_org(
        db,
        "甲镇疫情防控临时党支部",
        town="甲镇",
        kind=OrgKind.TEMPORARY_BRANCH,
        parent_id=world.jia_town,
        start_date=date(2020, 2, 1),
        end_date=date(2020, 6, 30),
    )
    _committee(db, temporary, 1, date(2020, 2, 10))  # due 2023: overdue ever since
    _committee(db, world.jia_two, 1, date(2023, 6, 1))  # due in a week
    assert [r.organization_name for r in due.due_terms(db, TODAY)] == ["甲二村党支部"]
    assert [r.subject for r in due.term_reminders(db, TODAY)] == ["甲二村党支部"]
    # while it existed, it was due like any other
    assert [r.organization_id for r in due.due_terms(db, date(2020, 6, 1), 36)] == [temporary]
    with pytest.raises(ValidationError, match="不能晚于党组织的结束日期（2020-06-30）") as late:
        _committee(db, temporary, 2, date(2023, 2, 10))
    assert late.value.fields() == ["elected_on"]
    assert len(committees.history(db, temporary, TODAY)) == 1
