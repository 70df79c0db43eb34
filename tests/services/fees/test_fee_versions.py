"""Stale saves of the fee editors: a member's basis and the district's rates, each saved
over a change made since the editor read it, are refused naming who changed it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FeeRate, Tombstone
from pbc_desktop.domain.fees import DEFAULT_SCHEDULE, Bracket, FeeCategory
from pbc_desktop.errors import StaleEditError
from pbc_desktop.services.fees.basis import BasisInput, member_bases, set_basis
from pbc_desktop.services.fees.rates import rates_to_edit, schedules, set_schedule
from pbc_desktop.services.versions import NONE_YET
from tests.factories import make_org
from tests.fee_factories import JAN, member_with_basis

MAR = date(2026, 3, 1)


def test_a_basis_saved_over_a_change_made_meanwhile_is_refused(db: Database) -> None:
    member = member_with_basis(db, "张三", make_org(db), income="4000")
    [read] = member_bases(db, member)
    typed = BasisInput(
        member, JAN, FeeCategory.EMPLOYED, income=Decimal(5000), version=read.version
    )
    set_basis(db, replace(typed, income=Decimal(6000)))  # another window, unchecked
    with pytest.raises(StaleEditError, match="修改，请关闭后重新打开再保存"):
        set_basis(db, typed)
    assert [b.income for b in member_bases(db, member)] == [Decimal("6000.00")]
    # a month read without a basis: one entered there meanwhile is not overwritten
    set_basis(db, BasisInput(member, MAR, FeeCategory.STUDENT))
    with pytest.raises(StaleEditError):
        set_basis(db, replace(typed, effective_from=MAR, version=NONE_YET))
    [_jan, mar] = member_bases(db, member)
    assert mar.category is FeeCategory.STUDENT
    set_basis(db, replace(typed, effective_from=MAR, version=mar.version))
    assert [b.category for b in member_bases(db, member)] == [FeeCategory.EMPLOYED] * 2


def test_a_basis_saved_as_it_was_writes_no_audit_entry(db: Database) -> None:
    """OK in the basis dialog on the month's basis as shown wrote an entry each time."""
    from pbc_desktop.db.models import AuditEntry

    member = member_with_basis(db, "张三", make_org(db), income="4000")
    [read] = member_bases(db, member)
    with db.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    same = BasisInput(member, JAN, read.category, income=read.income, version=read.version)
    set_basis(db, same)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before
    assert member_bases(db, member) == [read]
    set_basis(db, replace(same, remark="在职"))  # a change is still recorded
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == (before or 0) + 1


def test_rates_saved_over_a_change_made_meanwhile_are_refused(db: Database) -> None:
    start = replace(DEFAULT_SCHEDULE, effective_from=MAR)
    read = rates_to_edit(db)
    assert read.versions == {}
    set_schedule(db, start)  # another window
    raised = replace(start, employed=(Bracket(None, 100),))
    with pytest.raises(StaleEditError, match="修改，请关闭后重新打开再保存"):
        set_schedule(db, raised, read.versions.get(MAR, NONE_YET))
    assert schedules(db) == [start]
    read = rates_to_edit(db)
    set_schedule(db, raised, read.versions[MAR])
    with pytest.raises(StaleEditError):  # the same window saving again on what it read
        set_schedule(db, start, read.versions[MAR])
    assert schedules(db) == [raised]
    # the replaced schedule's rows were changed in place; the extra ones left tombstones
    with db.read() as s:
        rows = s.scalar(select(func.count(FeeRate.id)))
        gone = s.scalar(select(func.count()).select_from(Tombstone))
    expected = len(raised.employed) + len(raised.retired) + len(raised.fixed_cents)
    assert rows == expected and gone == len(start.employed) - 1


def test_amounts_too_large_for_the_database_are_refused_in_a_sentence(db: Database) -> None:
    """A limit of 1e20 yuan typed in the rates stopped the save with an OverflowError."""
    from pbc_desktop.errors import ValidationError

    huge = replace(DEFAULT_SCHEDULE, employed=(Bracket(10**22, 50), Bracket(None, 100)))
    with pytest.raises(ValidationError, match="各档上限应为 0 至 100000000 元"):
        set_schedule(db, huge)
    below = replace(DEFAULT_SCHEDULE, employed=(Bracket(-100, 50), Bracket(None, 100)))
    with pytest.raises(ValidationError, match="各档上限应为"):
        set_schedule(db, below)
    fixed = replace(DEFAULT_SCHEDULE, fixed_cents={FeeCategory.FARMER: 10**22})
    with pytest.raises(ValidationError, match="农民的固定标准不能超过100,000元"):
        set_schedule(db, fixed)
    # nor a farmer's 200,000 yuan a month (a typo the collection sheets then followed)
    absurd = replace(DEFAULT_SCHEDULE, fixed_cents={FeeCategory.FARMER: 20_000_000})
    with pytest.raises(ValidationError, match="农民的固定标准不能超过100,000元，请核对。"):
        set_schedule(db, absurd)
    assert schedules(db) == []


def test_a_rate_above_three_percent_is_refused_in_both_languages(db: Database) -> None:
    """The rules' rates are 0.5 % to 2 %: a rate of 15 % (1.5 typed as 15) made every
    member of the bracket owe ten times their standard."""
    from pbc_desktop import lang
    from pbc_desktop.errors import ValidationError

    slipped = replace(
        DEFAULT_SCHEDULE,
        effective_from=MAR,
        employed=(*DEFAULT_SCHEDULE.employed[:2], Bracket(1_000_000, 1_500), Bracket(None, 200)),
    )
    with pytest.raises(ValidationError) as refused:
        set_schedule(db, slipped)
    assert refused.value.fields() == ["brackets"]
    assert refused.value.message == (
        "在职党员的比例不能超过 3%（党费规定的最高比例为 2%），"
        "请核对是否漏了小数点（如 0.5% 输成了 5%）。"
    )
    lang.set_language("en")
    with pytest.raises(ValidationError) as refused:
        set_schedule(
            db,
            replace(
                slipped,
                employed=DEFAULT_SCHEDULE.employed,
                retired=(
                    Bracket(500_000, 500),
                    Bracket(None, 100),
                ),
            ),
        )
    assert refused.value.message == (
        "The rates of retired members cannot exceed 3% (the Party's rules go up to 2%); "
        "check for a missing decimal point (5% typed for 0.5%)."
    )
    assert schedules(db) == []
    set_schedule(db, replace(slipped, employed=(Bracket(None, 300),)))  # 3 % still may
    assert schedules(db)[0].employed == (Bracket(None, 300),)


def test_a_basis_after_the_member_left_the_roll_is_refused(db: Database) -> None:
    """A member who died in May was given a basis from September: stored without a word,
    though no month after May is owed."""
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.errors import ValidationError
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    member = member_with_basis(db, "张三", make_org(db), income="4000")
    leave_member(db, member, LeavingInput(MemberChangeKind.DECEASED, date(2026, 5, 20)))
    typed = BasisInput(member, date(2026, 9, 1), FeeCategory.EMPLOYED, income=Decimal(5000))
    with pytest.raises(ValidationError) as refused:
        set_basis(db, typed, today=date(2026, 10, 1))
    assert refused.value.fields() == ["effective_from"]
    assert str(refused.value) == (
        "张三已于2026-05-20死亡，不在册，缴纳基数的起始月份不能晚于2026-05。"
    )
    # the month they left is still theirs (a raise from May, entered late)
    set_basis(db, replace(typed, effective_from=date(2026, 5, 1)), today=date(2026, 10, 1))
    assert [b.effective_from for b in member_bases(db, member)] == [JAN, date(2026, 5, 1)]


def test_a_basis_before_the_member_joined_is_refused(db: Database) -> None:
    """A basis dated 1900 (the calendar's first year) made 1,500 months owed."""
    from pbc_desktop.errors import ValidationError
    from pbc_desktop.services.fees.arrears import arrears_list
    from tests.factories import make_member

    org = make_org(db)
    member = make_member(db, "张三", org, joined_on=date(2010, 7, 1))
    with pytest.raises(ValidationError) as info:
        set_basis(db, BasisInput(member, date(1900, 1, 1), FeeCategory.FARMER))
    assert info.value.fields() == ["effective_from"]
    assert str(info.value) == "缴纳基数的起始月份不能早于入党月份（2010-07）。"
    set_basis(db, BasisInput(member, date(2010, 7, 1), FeeCategory.FARMER))
    assert [b.effective_from for b in member_bases(db, member)] == [date(2010, 7, 1)]
    [row] = arrears_list(db, MAR)  # owed since July 2010, not 1900
    assert (row.first_month, row.months) == (date(2010, 7, 1), 189)


def test_a_basis_starting_more_than_a_year_ahead_is_refused(db: Database) -> None:
    """A basis from 2099 (the year typed wrong) was stored: no month until then had it."""
    from pbc_desktop.errors import ValidationError
    from tests.factories import make_member

    org = make_org(db)
    member = make_member(db, "张三", org, joined_on=date(2010, 7, 1))
    today = date(2026, 12, 7)
    with pytest.raises(ValidationError) as info:
        set_basis(db, BasisInput(member, date(2099, 1, 1), FeeCategory.FARMER), today=today)
    assert info.value.fields() == ["effective_from"]
    assert str(info.value) == "缴纳基数的起始月份不能晚于2027-12（至多在一年之后）。"
    with pytest.raises(ValidationError):
        set_basis(db, BasisInput(member, date(2028, 1, 1), FeeCategory.FARMER), today=today)
    assert member_bases(db, member) == []
    set_basis(db, BasisInput(member, date(2027, 12, 1), FeeCategory.FARMER), today=today)
    assert [b.effective_from for b in member_bases(db, member)] == [date(2027, 12, 1)]


def test_a_basis_before_the_member_was_18_is_refused_when_joining_is_not_known(
    db: Database,
) -> None:
    """A member of an old roster with no date of joining: a basis of 1900, before the
    member was even born (1980), made 1,500 months owed."""
    from pbc_desktop.errors import ValidationError
    from tests.factories import make_member

    org = make_org(db)
    member = make_member(db, "张三", org, birth_date=date(1980, 5, 17))
    with pytest.raises(ValidationError) as info:
        set_basis(db, BasisInput(member, date(1900, 1, 1), FeeCategory.FARMER))
    assert info.value.fields() == ["effective_from"]
    assert str(info.value) == "缴纳基数的起始月份不能早于该党员年满18周岁的月份（1998-05）。"
    assert member_bases(db, member) == []
    set_basis(db, BasisInput(member, date(1998, 5, 1), FeeCategory.FARMER))
    assert [b.effective_from for b in member_bases(db, member)] == [date(1998, 5, 1)]


@pytest.mark.parametrize(
    ("category", "amounts", "field", "message"),
    [
        (
            FeeCategory.EMPLOYED,
            {"income": Decimal("99999999.99")},
            "income",
            "月收入不能超过1,000,000元，请核对。",
        ),
        (
            FeeCategory.FIXED,
            {"fixed": Decimal("9999999")},
            "fixed",
            "核定标准不能超过100,000元，请核对。",
        ),
    ],
)
def test_an_absurd_basis_is_refused_naming_the_field(
    db: Database, category: FeeCategory, amounts: dict[str, Decimal], field: str, message: str
) -> None:
    """A monthly income of a hundred million yuan (digits typed twice) was stored, and the
    member then owed two million a month."""
    from pbc_desktop.errors import ValidationError
    from pbc_desktop.services.fees.basis import preview_standard
    from tests.factories import make_member

    member = make_member(db, "张三", make_org(db), joined_on=date(2010, 7, 1))
    data = BasisInput(member, MAR, category, **amounts)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as info:
        set_basis(db, data)
    assert info.value.fields() == [field]
    assert str(info.value) == message
    assert member_bases(db, member) == []
    assert preview_standard(db, data) is None
    typical = {key: Decimal("80000") for key in amounts}  # large, but a real figure
    set_basis(db, BasisInput(member, MAR, category, **typical))  # type: ignore[arg-type]
    assert len(member_bases(db, member)) == 1
