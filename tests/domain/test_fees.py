"""The 党费 standard for each bracket and boundary, months and arrears (domain/fees.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pbc_desktop.domain.fees import (
    DEFAULT_SCHEDULE,
    Bracket,
    FeeCategory,
    FeeRuleError,
    PaymentKind,
    RateRow,
    RateSchedule,
    add_months,
    ahead_months,
    arrears,
    back_months,
    check_brackets,
    monthly_standard,
    months_between,
    parse_month,
    payment_kind,
    schedule_for,
)
from pbc_desktop.domain.money import MoneyError, cents_of, yuan

EMPLOYED = FeeCategory.EMPLOYED
RETIRED = FeeCategory.RETIRED


@pytest.mark.parametrize(
    ("income", "standard"),
    [
        ("0.00", "0.00"),
        ("2000.00", "10.00"),
        ("3000.00", "15.00"),  # 3,000 inclusive: 0.5 %
        ("3000.01", "30.00"),  # just above: 1 %
        ("4321.50", "43.22"),  # 43.215 rounds half-up to the fen
        ("5000.00", "50.00"),  # 5,000 inclusive: 1 %
        ("5000.01", "75.00"),  # just above: 1.5 %
        ("10000.00", "150.00"),  # 10,000 inclusive: 1.5 %
        ("10000.01", "200.00"),  # just above: 2 %
        ("12345.67", "246.91"),
    ],
)
def test_employed_members_pay_the_rate_of_their_bracket(income: str, standard: str) -> None:
    cents = cents_of(Decimal(income))
    got = monthly_standard(DEFAULT_SCHEDULE, EMPLOYED, income_cents=cents)
    assert yuan(got) == Decimal(standard)


@pytest.mark.parametrize(
    ("income", "standard"),
    [("3000.00", "15.00"), ("5000.00", "25.00"), ("5000.01", "50.00"), ("8000.00", "80.00")],
)
def test_retired_members_pay_half_a_percent_up_to_5000_then_one(income: str, standard: str) -> None:
    cents = cents_of(Decimal(income))
    assert yuan(monthly_standard(DEFAULT_SCHEDULE, RETIRED, income_cents=cents)) == Decimal(
        standard
    )


@pytest.mark.parametrize(
    "category",
    [FeeCategory.FARMER, FeeCategory.STUDENT, FeeCategory.UNEMPLOYED, FeeCategory.LOW_INCOME],
)
def test_farmers_students_and_the_poor_pay_twenty_fen(category: FeeCategory) -> None:
    assert monthly_standard(DEFAULT_SCHEDULE, category) == 20
    # an income entered for them does not matter
    assert monthly_standard(DEFAULT_SCHEDULE, category, income_cents=900_000) == 20


def test_a_fixed_standard_wins_and_zero_means_exempt() -> None:
    assert monthly_standard(DEFAULT_SCHEDULE, EMPLOYED, income_cents=800_000, fixed_cents=0) == 0
    assert monthly_standard(DEFAULT_SCHEDULE, FeeCategory.FARMER, fixed_cents=100) == 100
    assert monthly_standard(DEFAULT_SCHEDULE, FeeCategory.FIXED, fixed_cents=5000) == 5000


def test_missing_income_or_fixed_standard_is_refused() -> None:
    with pytest.raises(FeeRuleError, match="月收入"):
        monthly_standard(DEFAULT_SCHEDULE, EMPLOYED)
    with pytest.raises(FeeRuleError, match="核定标准"):
        monthly_standard(DEFAULT_SCHEDULE, FeeCategory.FIXED)
    with pytest.raises(FeeRuleError):
        monthly_standard(DEFAULT_SCHEDULE, EMPLOYED, income_cents=-1)


def test_the_schedule_in_force_is_the_latest_started() -> None:
    raised = RateSchedule(
        date(2026, 7, 1),
        employed=(Bracket(400_000, 50), Bracket(None, 100)),
        retired=DEFAULT_SCHEDULE.retired,
        fixed_cents={FeeCategory.FARMER: 50},
    )
    assert schedule_for([raised], date(2026, 6, 1)) is DEFAULT_SCHEDULE
    assert schedule_for([raised], date(2026, 7, 1)) is raised
    assert monthly_standard(raised, EMPLOYED, income_cents=350_000) == 1750
    assert monthly_standard(raised, FeeCategory.FARMER) == 50
    # a category the schedule has no amount for needs a fixed standard
    with pytest.raises(FeeRuleError):
        monthly_standard(raised, FeeCategory.STUDENT)


def test_a_schedule_is_stored_as_its_brackets_then_its_fixed_amounts() -> None:
    schedule = RateSchedule(
        date(2026, 7, 1),
        employed=(Bracket(400_000, 50), Bracket(None, 100)),
        retired=(Bracket(None, 80),),
        fixed_cents={FeeCategory.FARMER: 50},
    )
    assert schedule.rows() == [
        RateRow(EMPLOYED, 400_000, 50, None),
        RateRow(EMPLOYED, None, 100, None),
        RateRow(RETIRED, None, 80, None),
        RateRow(FeeCategory.FARMER, None, None, 50),
    ]
    assert schedule.rows()[0]._asdict() == {
        "category": EMPLOYED,
        "up_to_cents": 400_000,
        "rate": 50,
        "fixed_cents": None,
    }


def test_brackets_must_rise_and_end_open() -> None:
    check_brackets(DEFAULT_SCHEDULE.employed, "在职")
    with pytest.raises(FeeRuleError, match="不设上限"):
        check_brackets((Bracket(300_000, 50),), "在职")
    with pytest.raises(FeeRuleError, match="递增"):
        check_brackets((Bracket(500_000, 50), Bracket(300_000, 100), Bracket(None, 150)), "在职")
    with pytest.raises(FeeRuleError, match="不能为负数"):
        check_brackets((Bracket(None, -50),), "在职")


@pytest.mark.parametrize("rate", [301, 500, 1_500, 20_000])
def test_a_rate_above_three_percent_is_refused_as_a_slipped_decimal_point(rate: int) -> None:
    """The rules' rates are 0.5 % to 2 %: 5 % (typed for 0.5 %) or 15 % is a typo."""
    check_brackets((Bracket(1_000_000, 200), Bracket(None, 300)), "在职")  # 3 % still may
    with pytest.raises(FeeRuleError) as refused:
        check_brackets((Bracket(300_000, 50), Bracket(None, rate)), "在职")
    assert refused.value.message == (
        "在职的比例不能超过 3%（党费规定的最高比例为 2%），"
        "请核对是否漏了小数点（如 0.5% 输成了 5%）。"
    )


def test_months_parse_and_count() -> None:
    assert parse_month("2026-11") == date(2026, 11, 1)
    assert parse_month("2026年3月") == date(2026, 3, 1)
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
    for bad in ("2026-13", "11-2026", "soon"):
        with pytest.raises(FeeRuleError, match="不是有效的月份"):
            parse_month(bad)


def _months(*numbers: int) -> list[date]:
    return [date(2026, n, 1) for n in numbers]


def test_arrears_count_unpaid_and_short_months_and_the_run_up_to_now() -> None:
    due = dict.fromkeys(_months(1, 2, 3, 4, 5, 6), 1500)
    due[date(2026, 4, 1)] = 0  # exempt that month
    paid = {date(2026, 1, 1): 1500, date(2026, 3, 1): 1000}  # March paid short
    result = arrears(due, paid, until=date(2026, 6, 1))
    assert list(result.months) == _months(2, 3, 5, 6)
    assert result.owed_cents == 1500 + 500 + 1500 + 1500
    assert result.consecutive == 2  # May and June; April was exempt
    assert arrears(due, paid, until=date(2026, 1, 1)).count == 0


def test_a_month_after_the_one_asked_about_is_not_owed_yet() -> None:
    due = dict.fromkeys(_months(1, 2, 3), 20)
    assert arrears(due, {}, until=date(2026, 2, 1)).count == 2


def test_back_payment_takes_the_oldest_owed_months_and_ahead_the_next_unpaid() -> None:
    due = dict.fromkeys(_months(1, 2, 3, 4, 5), 20)
    paid = {date(2026, 2, 1): 20}
    assert back_months(due, paid, before=date(2026, 5, 1), count=2) == _months(1, 3)
    assert back_months(due, paid, before=date(2026, 5, 1), count=9) == _months(1, 3, 4)
    assert ahead_months({date(2026, 7, 1): 20}, after=date(2026, 5, 1), count=2) == _months(6, 8)


def test_payment_kind_compares_the_fee_month_with_the_collection() -> None:
    assert payment_kind(date(2026, 3, 1), date(2026, 5, 20)) is PaymentKind.BACK
    assert payment_kind(date(2026, 5, 1), date(2026, 5, 20)) is PaymentKind.ON_TIME
    assert payment_kind(date(2026, 6, 1), date(2026, 5, 20)) is PaymentKind.AHEAD


def test_yuan_and_fen_stay_exact() -> None:
    assert yuan(1) == Decimal("0.01")
    assert cents_of(Decimal("0.1") + Decimal("0.2")) == 30
    with pytest.raises(MoneyError):
        cents_of(Decimal("1.005"))


@pytest.mark.parametrize("amount", ["1e20", "-1e20", "Infinity", "NaN", "100000000.01"])
def test_cents_of_refuses_what_no_amount_column_holds(amount: str) -> None:
    from pbc_desktop.domain.money import MoneyError, cents_of

    with pytest.raises(MoneyError):
        cents_of(Decimal(amount))
    assert cents_of(Decimal("100000000.00")) == 10_000_000_000


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("", None),
        ("  ", None),
        ("４０．５０", "40.50"),
        ("40。5", "40.5"),
        ("１２。３４", "12.34"),
        ("1，234.5", "1234.5"),
        ("¥80元", "80"),
    ],
)
def test_typed_amount_takes_what_a_chinese_input_method_types(
    typed: str, amount: str | None
) -> None:
    from pbc_desktop.domain.money import typed_amount

    assert typed_amount(typed) == (None if amount is None else Decimal(amount))
    assert typed_amount("四十").is_nan()  # type: ignore[union-attr]


@pytest.mark.parametrize("typed", ["1,2", "3,50", "3，50", "12,34.5", "1e5", "1E3", "四十", "--5"])
def test_typed_amount_refuses_a_comma_out_of_place_and_other_notations(typed: str) -> None:
    """A comma typed for the point ("3,50") was read 350 yuan, "1,2" 12 yuan and "1e5"
    100,000 yuan, each stored as the basis without a word."""
    from pbc_desktop.domain.money import typed_amount

    amount = typed_amount(typed)
    assert amount is not None
    assert amount.is_nan()


def test_typed_amount_keeps_the_sign_for_the_service_to_refuse() -> None:
    from pbc_desktop.domain.money import typed_amount

    assert typed_amount("-40") == Decimal("-40")
    assert typed_amount("+1,234.50") == Decimal("1234.50")
    assert typed_amount(".5") == Decimal("0.5")


def test_months_between_runs_over_year_ends_and_takes_the_months_of_any_days() -> None:
    assert list(months_between(date(2025, 11, 20), date(2026, 2, 3))) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
    assert list(months_between(date(2026, 3, 31), date(2026, 3, 1))) == [date(2026, 3, 1)]
    assert list(months_between(date(2026, 4, 1), date(2026, 3, 31))) == []
