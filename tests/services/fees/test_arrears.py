"""Arrears by member, scope and town; reminders; rate schedules; the yearly summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import DEFAULT_SCHEDULE, Bracket, FeeCategory, RateSchedule
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.errors import PermissionDeniedError, ValidationError
from pbc_desktop.services.fees.arrears import arrears_list, fee_reminders, paid_through
from pbc_desktop.services.fees.collection import collection_sheet
from pbc_desktop.services.fees.rates import schedules, set_schedule
from pbc_desktop.services.fees.summary import yearly_summary
from pbc_desktop.services.reminders import collect
from tests.factories import make_org
from tests.fee_factories import JAN, member_with_basis, pay_months
from tests.scope_factories import town_actor, two_towns

FEB, MAR, APR, MAY = (date(2026, m, 1) for m in (2, 3, 4, 5))


def test_arrears_count_months_per_member(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    payer = member_with_basis(db, "按时交", org)
    late = member_with_basis(db, "欠一月", org)
    never = member_with_basis(db, "没交过", org, category=FeeCategory.STUDENT, income=None)
    pay_months(db, org, [payer, late], JAN, FEB, MAR)
    pay_months(db, org, [payer], APR)
    rows = arrears_list(db, APR)
    assert [(r.name, r.months, r.consecutive, str(r.owed)) for r in rows] == [
        ("没交过", 4, 4, "0.80"),
        ("欠一月", 1, 1, "40.00"),
    ]
    assert rows[0].first_month == JAN
    assert never == rows[0].member_id


def test_arrears_sorted_by_town_branch_months_then_name_by_pinyin(db: Database) -> None:
    """Towns and branches by pinyin, the most months first, then the members by pinyin with
    surnames read as surnames (单 as shàn), as the 党员 tab sorts them."""
    xia = make_org(db, "安村党支部", town="峡山街道")
    zhang = make_org(db, "张村党支部")  # 成田镇
    an = make_org(db, "安村党支部（成田）")
    member_with_basis(db, "甲峡山", xia)
    member_with_basis(db, "乙张村", zhang)
    names = ["孙二", "单一", "丁三", "欧阳少"]
    ids = [member_with_basis(db, name, an) for name in names]
    pay_months(db, an, ids[:3], JAN)  # 欧阳少 owes one month more than the others
    rows = arrears_list(db, MAR)
    assert [r.name for r in rows] == ["欧阳少", "丁三", "单一", "孙二", "乙张村", "甲峡山"]
    assert [r.months for r in rows[:2]] == [3, 2]


def test_arrears_follow_scope_and_town(db: Database) -> None:
    world = two_towns(db)
    member_with_basis(db, "甲二欠费", world.jia_two)
    member_with_basis(db, "乙一欠费", world.yi_one)
    assert {r.name for r in arrears_list(db, MAR)} == {"甲二欠费", "乙一欠费"}
    assert {r.name for r in arrears_list(db, MAR, town="乙镇")} == {"乙一欠费"}
    db.user = town_actor(db, "甲镇")
    assert {r.name for r in arrears_list(db, MAR)} == {"甲二欠费"}


def test_fee_reminders_name_branches_three_months_behind(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    other = make_org(db, "乙村党支部")
    member_with_basis(db, "甲", org)
    recent = member_with_basis(db, "乙", other)
    pay_months(db, other, [recent], JAN, FEB)
    reminders = fee_reminders(db, date(2026, 4, 10))  # as of March
    assert [(r.organization_name, r.members, r.longest_months) for r in reminders] == [
        ("甲村党支部", 1, 3)
    ]
    assert reminders[0].as_of == MAR
    assert fee_reminders(db, date(2026, 3, 10)) == []

    # in the unified reminders: overdue since March's last day, opening March's sheet
    (line,) = [r for r in collect(db, date(2026, 4, 10)) if r.area is ReminderArea.FEES]
    assert (line.subject, line.what, line.due_on, line.days_overdue) == (
        "甲村党支部",
        "党费：1人欠缴，最长3个月",
        date(2026, 3, 31),
        10,
    )
    assert (line.tab, dict(line.filters)) == ("fees", {"organization_id": org, "month": MAR})


def test_a_fee_reminder_is_the_same_one_a_month_on(db: Database) -> None:
    """The panel keeps its selection by the reminder's key: the branch's arrears counted a
    month on (a refresh after midnight on the 1st) keep theirs; two branches' differ."""
    org = make_org(db, "甲村党支部")
    other = make_org(db, "乙村党支部")
    member_with_basis(db, "甲", org)
    member_with_basis(db, "乙", other)

    def fee_lines(today: date) -> list[Reminder]:
        return [r for r in collect(db, today) if r.area is ReminderArea.FEES]

    april, may = fee_lines(date(2026, 4, 30)), fee_lines(date(2026, 5, 1))
    assert [dict(r.filters)["month"] for r in april + may] == [MAR, MAR, APR, APR]
    assert [r.key for r in april] == [r.key for r in may]
    assert len({r.key for r in april}) == 2


def test_the_reminders_are_collected_without_the_pinyin_dictionaries(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fee reminders ordered their branches by the town's pinyin: collecting the
    reminders (off the UI thread, at start-up) loaded the pinyin dictionaries, most of a
    second holding the interpreter, so the window froze; and every later full pass of the
    garbage collector walked their 190,000 objects."""
    from pbc_desktop.domain import pinyin

    world = two_towns(db)
    for name, org in (
        ("甲二欠费", world.jia_two),
        ("乙一欠费", world.yi_one),
        ("乙二欠费", world.yi_one),
    ):
        member_with_basis(db, name, org)

    def not_loaded() -> None:
        raise AssertionError("the pinyin dictionaries were loaded")

    monkeypatch.setattr(pinyin, "load_dictionaries", not_loaded)
    pinyin.name_keys.cache_clear()  # names keyed while the records were made
    reminders = fee_reminders(db, date(2026, 4, 10))
    # all three months behind: by town (its name as stored), then branch
    assert [(r.town, r.organization_name, r.members) for r in reminders] == [
        ("乙镇", "乙一村党支部", 2),
        ("甲镇", "甲二村党支部", 1),
    ]
    assert {r.subject for r in collect(db, date(2026, 4, 10)) if r.area is ReminderArea.FEES} == {
        "乙一村党支部",
        "甲二村党支部",
    }


def test_a_new_schedule_applies_from_its_month_and_keeps_history(db: Database) -> None:
    org = make_org(db)
    member_with_basis(db, "张三", org, income="3500")
    raised = RateSchedule(
        APR,
        employed=(Bracket(400_000, 50), Bracket(None, 100)),
        retired=DEFAULT_SCHEDULE.retired,
        fixed_cents={FeeCategory.FARMER: 50},
    )
    set_schedule(db, raised)
    assert [s.effective_from for s in schedules(db)] == [APR]
    assert collection_sheet(db, org, MAR).rows[0].standard == Decimal("35.00")
    assert collection_sheet(db, org, APR).rows[0].standard == Decimal("17.50")


def test_schedules_are_the_districts_and_must_be_sound(db: Database) -> None:
    bad = RateSchedule(APR, employed=(Bracket(1000, 50),), retired=(), fixed_cents={})
    with pytest.raises(ValidationError, match="不设上限"):
        set_schedule(db, bad)
    db.user = town_actor(db, "甲镇")
    with pytest.raises(PermissionDeniedError):
        set_schedule(db, DEFAULT_SCHEDULE)


def test_yearly_summary_per_branch_and_town(db: Database) -> None:
    world = two_towns(db)
    a = member_with_basis(db, "甲二甲", world.jia_two, income="3000")  # 15.00
    member_with_basis(db, "甲二乙", world.jia_two, income="3000")  # with 甲二党员: no basis
    pay_months(db, world.jia_two, [a], JAN, FEB)
    rows = yearly_summary(db, 2026, today=date(2026, 3, 5))
    jia = [r for r in rows if r.town == "甲镇"]
    branch = next(r for r in jia if r.organization_id == world.jia_two)
    assert (branch.members, branch.due, branch.paid) == (3, Decimal("90.00"), Decimal("30.00"))
    total = next(r for r in jia if r.organization_id is None)
    assert total.name == "甲镇" and total.paid == Decimal("30.00")


def test_paid_through_is_the_last_month_of_an_unbroken_run_of_full_payments(
    db: Database,
) -> None:
    """The 介绍信's 党费已交到: the month up to which every month due is paid in full."""
    org = make_org(db, "甲村党支部")
    steady, gap, none, first_missed = (
        member_with_basis(db, name, org) for name in ("按月交", "漏一月", "没交过", "首月未交")
    )
    pay_months(db, org, [steady, gap], JAN, FEB, MAR)
    pay_months(db, org, [steady], APR)
    pay_months(db, org, [gap, first_missed], MAY)
    with db.read() as s:
        assert paid_through(s, steady) == APR
        assert paid_through(s, gap) == MAR  # April is owed: May paid does not count
        assert paid_through(s, none) is None  # no fee records: written by hand
        assert paid_through(s, first_missed) is None  # January, the first month, unpaid
