"""党费: the monthly standard (月缴纳标准) from the brackets in force, months, arrears.

The rules are the 中共中央组织部《关于中国共产党党费收缴、使用和管理的规定》 (中组发〔2008〕3号),
as quoted by public summaries, e.g. bdpf.org.cn (…/n5572/index.html) and w.sf024.com
(info/923586000291194779.html), read 2026-12:

* 按月领取工资的党员 (在职): the monthly after-tax regular income (税后工资收入) up to 3,000
  yuan inclusive pays 0.5 %; above 3,000 up to 5,000 inclusive 1 %; above 5,000 up to
  10,000 inclusive 1.5 %; above 10,000 2 % — one rate on the whole income, not marginal;
* 离退休: the pension (离退休费或养老金总额) up to 5,000 inclusive 0.5 %, above it 1 %;
* 农民党员 0.2 to 1 yuan a month (the province fixes it; 0.2 yuan by default here);
* 学生党员、下岗失业、依靠抚恤或救济生活、领取最低生活保障金 0.2 yuan a month;
* a member may pay more (自愿多交不限), and pays less or nothing when the branch approves
  (少交或免交): that is a **fixed standard** entered by the branch.

The district may change the rates from a date (:class:`RateSchedule`, kept with its
history in the database); :data:`DEFAULT_SCHEDULE` applies before the first one entered.

Amounts are exact: fen (分) as ``int`` in storage, :class:`~decimal.Decimal` yuan where a
person reads them; a rate is in 万分之 (``50`` = 0.5 %). A percentage standard is rounded
half-up to the fen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.domain.money import MAX_CENTS, MoneyError, cents_of
from pbc_desktop.domain.months import add_months as add_to_day
from pbc_desktop.lang import t

#: Rates are given per ten thousand (万分之): 50 = 0.5 %.
RATE_SCALE = 10_000
#: The highest rate a schedule may set: 3 %. The rules' rates are 0.5 % to 2 % (the top
#: bracket of 在职 members); 3 % leaves room for a revised rule, and refuses a decimal
#: point slipped in typing (5 for 0.5, 15 for 1.5, 20 for 2), which would have charged
#: every member of the bracket ten times their standard. A member who pays more of their
#: own will (自愿多交) is given a fixed standard, which this does not limit.
MAX_RATE = 300
#: 连续欠缴 this many months is reminded (the reminders show branches with such members).
REMIND_ARREARS_MONTHS = 3
#: 连续六个月不交纳党费 — the Party Constitution's line (党章第九条).
LAPSE_MONTHS = 6


class FeeCategory(LabeledEnum):
    """What a member's standard is computed from (the branch enters it)."""

    EMPLOYED = "employed", "在职", "Employed"
    RETIRED = "retired", "离退休", "Retired"
    FARMER = "farmer", "农民", "Farmer"
    STUDENT = "student", "学生", "Student"
    UNEMPLOYED = "unemployed", "下岗失业", "Unemployed"
    LOW_INCOME = "low_income", "低保、抚恤救济", "Minimum living allowance or relief"
    FIXED = "fixed", "核定标准", "Fixed standard"


#: Typo guards for a member's basis (a digit or two too many, not a real figure): a
#: monthly income above 一百万元, a fixed monthly standard (少交、免交、多交) above 十万元
#: (and so a month's payment on the collection sheet).
MAX_INCOME_CENTS = 1_000_000 * 100
MAX_FIXED_CENTS = 100_000 * 100


def month_fee_cents(amount: Decimal) -> int:
    """A month's fee (实缴) as typed on the collection sheet, in fen; :class:`MoneyError`
    says why it is none: no amount, more than two decimals, negative, or above the
    largest fixed standard (4,000,000 typed, an income in the wrong cell, was taken)."""
    cents = cents_of(amount)
    if cents < 0:
        raise MoneyError(t("实缴金额不能为负数", "The amount cannot be negative"))
    if cents > MAX_FIXED_CENTS:
        most = f"{MAX_FIXED_CENTS // 100:,}"
        raise MoneyError(
            t(
                f"一个月的实缴金额不能超过{most}元，请核对",
                f"A month's fee cannot exceed {most} yuan; please check it",
            )
        )
    return cents


#: Categories whose standard is a percentage of the income entered.
INCOME_CATEGORIES = frozenset({FeeCategory.EMPLOYED, FeeCategory.RETIRED})


class PaymentKind(LabeledEnum):
    """How a month's fee was paid, seen from the collection it was entered in."""

    ON_TIME = "on_time", "当月缴纳", "Paid in its month"
    BACK = "back", "补缴", "Paid late"
    AHEAD = "ahead", "预缴", "Paid ahead"


@dataclass(frozen=True)
class Bracket:
    """Income up to ``up_to_cents`` (inclusive; None: no upper limit) pays ``rate`` 万分之."""

    up_to_cents: int | None
    rate: int


@dataclass(frozen=True)
class RateSchedule:
    """The rates in force from ``effective_from`` (the first of a month)."""

    effective_from: date
    employed: tuple[Bracket, ...]
    retired: tuple[Bracket, ...]
    #: fixed monthly amounts in fen per category (农民, 学生, 下岗失业, 低保…)
    fixed_cents: Mapping[FeeCategory, int]

    def rows(self) -> list[RateRow]:
        """The schedule as the rows the fee_rate table keeps of it: the 在职 brackets, the
        离退休 ones, then the fixed amounts."""
        income = ((FeeCategory.EMPLOYED, self.employed), (FeeCategory.RETIRED, self.retired))
        rows = [RateRow(c, b.up_to_cents, b.rate, None) for c, brackets in income for b in brackets]
        rows += [RateRow(c, None, None, cents) for c, cents in self.fixed_cents.items()]
        return rows


class RateRow(NamedTuple):
    """A row of a schedule, named as the fee_rate table's columns: a bracket of an income
    category (``up_to_cents``, ``rate``) or a category's fixed amount (``fixed_cents``)."""

    category: FeeCategory
    up_to_cents: int | None
    rate: int | None
    fixed_cents: int | None


def _brackets(*pairs: tuple[int | None, int]) -> tuple[Bracket, ...]:
    return tuple(Bracket(None if up is None else up * 100, rate) for up, rate in pairs)


DEFAULT_SCHEDULE = RateSchedule(
    effective_from=date(2008, 4, 1),
    employed=_brackets((3000, 50), (5000, 100), (10000, 150), (None, 200)),
    retired=_brackets((5000, 50), (None, 100)),
    fixed_cents={
        FeeCategory.FARMER: 20,
        FeeCategory.STUDENT: 20,
        FeeCategory.UNEMPLOYED: 20,
        FeeCategory.LOW_INCOME: 20,
    },
)


class FeeRuleError(ValueError):
    """A basis or a schedule that cannot give a standard; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def check_brackets(brackets: Sequence[Bracket], what: str) -> None:
    """Brackets rise, the last has no upper limit, rates are 0 to :data:`MAX_RATE`."""
    if not brackets or brackets[-1].up_to_cents is not None:
        raise FeeRuleError(
            t(f"{what}的最后一档必须不设上限。", f"The last bracket of {what} needs no limit.")
        )
    limits = [b.up_to_cents for b in brackets[:-1]]
    if any(x is not None and not 0 <= x <= MAX_CENTS for x in limits):
        raise FeeRuleError(
            t(
                f"{what}的各档上限应为 0 至 {MAX_CENTS // 100} 元。",
                f"The limits of {what} must be 0 to {MAX_CENTS // 100} yuan.",
            )
        )
    if any(x is None for x in limits) or limits != sorted(set(limits)):  # type: ignore[type-var]
        raise FeeRuleError(t(f"{what}的各档上限必须逐档递增。", f"The limits of {what} must rise."))
    for bracket in sorted(brackets, key=lambda b: b.rate):  # a negative one said first
        check_rate(bracket.rate, what)


def check_rate(rate: int, what: str) -> None:
    """A rate (万分之) a schedule may set: 0 to :data:`MAX_RATE`, else :class:`FeeRuleError`
    naming ``what`` (the rates editor's, and a package's from another office)."""
    if rate < 0:
        raise FeeRuleError(
            t(f"{what}的比例不能为负数。", f"The rates of {what} cannot be negative.")
        )
    if rate > MAX_RATE:
        most = f"{Decimal(MAX_RATE) * 100 / RATE_SCALE:g}%"
        raise FeeRuleError(
            t(
                f"{what}的比例不能超过 {most}（党费规定的最高比例为 2%），"
                "请核对是否漏了小数点（如 0.5% 输成了 5%）。",
                f"The rates of {what} cannot exceed {most} (the Party's rules go up to 2%); "
                "check for a missing decimal point (5% typed for 0.5%).",
            )
        )


def rate_for(brackets: Sequence[Bracket], income_cents: int) -> int:
    """The rate (万分之) of the bracket holding ``income_cents``: a limit is inclusive."""
    for bracket in brackets:
        if bracket.up_to_cents is None or income_cents <= bracket.up_to_cents:
            return bracket.rate
    raise FeeRuleError(t("比例档次不完整。", "The brackets are incomplete."))


def percent_of(income_cents: int, rate: int) -> int:
    """``rate`` 万分之 of the income, in fen, rounded half-up."""
    exact = Decimal(income_cents) * rate / RATE_SCALE
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def monthly_standard(
    schedule: RateSchedule,
    category: FeeCategory,
    *,
    income_cents: int | None = None,
    fixed_cents: int | None = None,
) -> int:
    """The member's 月缴纳标准 in fen.

    A fixed standard entered by the branch (少交、免交 or 多交) wins over the category's; an
    employed or retired member needs the income, a farmer, student… has the schedule's.
    """
    if fixed_cents is not None:
        if fixed_cents < 0:
            raise FeeRuleError(t("核定标准不能为负数。", "A fixed standard cannot be negative."))
        return fixed_cents
    if category in INCOME_CATEGORIES:
        if income_cents is None:
            raise FeeRuleError(
                t("在职和离退休党员需要填写月收入。", "Employed and retired members need income.")
            )
        if income_cents < 0:
            raise FeeRuleError(t("月收入不能为负数。", "The income cannot be negative."))
        brackets = schedule.employed if category is FeeCategory.EMPLOYED else schedule.retired
        return percent_of(income_cents, rate_for(brackets, income_cents))
    if category in schedule.fixed_cents:
        return schedule.fixed_cents[category]
    raise FeeRuleError(
        t(f"「{category.zh}」需要填写核定标准。", f"“{category.en}” needs a fixed standard.")
    )


def schedule_for(schedules: Iterable[RateSchedule], month: date) -> RateSchedule:
    """The schedule in force in ``month``: the latest one starting on or before it."""
    best = DEFAULT_SCHEDULE
    for schedule in schedules:
        if best.effective_from < schedule.effective_from <= month:
            best = schedule
    return best


# -- months --------------------------------------------------------------------------------
#: The years a typed month may name (``0000-01`` is no month of any fee).
FIRST_YEAR, LAST_YEAR = 1900, 2100
_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")


def parse_month(text: str) -> date:
    """``2026-11`` (or ``2026年11月``, ``2026/11``) → the first of that month."""
    match = _MONTH.match(text)
    if (
        match is None
        or not 1 <= int(match.group(2)) <= 12
        or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR
    ):
        raise FeeRuleError(
            t(
                f"「{text}」不是有效的月份，请写成 2026-11 这样的格式。",
                f"'{text}' is not a month; write it like 2026-11.",
            )
        )
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_of(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    """The first of the month ``count`` months after ``month``'s."""
    return add_to_day(month_of(month), count)


def months_between(first: date, last: date) -> Iterator[date]:
    """Every month from ``first`` to ``last``, both included."""
    year, month = first.year, first.month
    end = (last.year, last.month)
    while (year, month) <= end:
        yield date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_label(month: date) -> str:
    return f"{month.year}-{month.month:02d}"


# -- arrears -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Arrears:
    """A member's unpaid months up to a month (each with its standard still owed)."""

    months: tuple[date, ...]
    owed_cents: int
    #: unpaid months running up to the month asked about (连续欠缴)
    consecutive: int

    @property
    def count(self) -> int:
        return len(self.months)


def arrears(due: Mapping[date, int], paid: Mapping[date, int], until: date) -> Arrears:
    """The months up to ``until`` whose standard (``due``, fen per month) is not fully paid
    (``paid``, fen per month). A month of standard 0 (免交) is never owed."""
    owed: list[date] = []
    total = 0
    for month in sorted(m for m in due if m <= until):
        short = due[month] - paid.get(month, 0)
        if short > 0:
            owed.append(month)
            total += short
    consecutive = 0
    month = month_of(until)
    owed_set = set(owed)
    while month in owed_set:
        consecutive += 1
        month = add_months(month, -1)
    return Arrears(tuple(owed), total, consecutive)


def payment_kind(fee_month: date, collected_in: date) -> PaymentKind:
    """补缴 when a past month is paid, 预缴 when a month ahead is."""
    if fee_month < month_of(collected_in):
        return PaymentKind.BACK
    if fee_month > month_of(collected_in):
        return PaymentKind.AHEAD
    return PaymentKind.ON_TIME


def back_months(
    due: Mapping[date, int], paid: Mapping[date, int], before: date, count: int
) -> list[date]:
    """The ``count`` oldest unpaid months before ``before`` (what a 补缴 of ``count`` months
    pays); fewer when fewer are owed."""
    owed = arrears(due, paid, add_months(before, -1)).months
    return list(owed[:count])


def ahead_months(paid: Mapping[date, int], after: date, count: int) -> list[date]:
    """The first ``count`` months after ``after`` not yet paid (what a 预缴 pays)."""
    months: list[date] = []
    month = add_months(after, 1)
    while len(months) < count:
        if paid.get(month, 0) == 0:
            months.append(month)
        month = add_months(month, 1)
    return months
