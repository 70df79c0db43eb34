"""Rotating convener (轮值召集人): who convenes next, and for which period."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Generic, TypeVar

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.lang import t

K = TypeVar("K", bound=Hashable)


class PeriodLength(LabeledEnum):
    MONTH = "month", "按月", "Monthly"
    QUARTER = "quarter", "按季度", "Quarterly"
    HALF_YEAR = "half_year", "按半年", "Half-yearly"
    YEAR = "year", "按年", "Yearly"

    @property
    def months(self) -> int:
        return {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[self.value]


@dataclass(frozen=True)
class RotationMember(Generic[K]):
    """A member organization in rotation order; ``active`` is False once it has left."""

    key: K
    active: bool = True


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date


def next_convener(members: Sequence[RotationMember[K]], turns: Sequence[K]) -> K | None:
    """The member after the last convener, in member order, skipping those that left.

    With no turns yet the first active member convenes. If the last convener is no
    longer listed at all, the rotation starts again from the first active member.
    """
    active = [m.key for m in members if m.active]
    if not active:
        return None
    if not turns:
        return active[0]
    order = [m.key for m in members]
    last = turns[-1]
    if last not in order:
        return active[0]
    start = order.index(last)
    for step in range(1, len(order) + 1):
        candidate = members[(start + step) % len(order)]
        if candidate.active:
            return candidate.key
    return active[0]


def month_start(day: date, months: int = 0) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_texts(start: date, length: PeriodLength) -> tuple[str, str]:
    """The label of the period beginning on ``start``, in Chinese and in English."""
    year = start.year
    if length == PeriodLength.MONTH:
        return f"{year}年{start.month}月", f"{year}-{start.month:02d}"
    if length == PeriodLength.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        return f"{year}年第{quarter}季度", f"{year} Q{quarter}"
    if length == PeriodLength.HALF_YEAR:
        first = start.month <= 6
        return f"{year}年{'上' if first else '下'}半年", f"{year} H{1 if first else 2}"
    return f"{year}年度", f"{year}"


def period_label(start: date, length: PeriodLength) -> str:
    return t(*period_texts(start, length))


def period_containing(day: date, length: PeriodLength) -> Period:
    """The calendar period of ``length`` (month, quarter, half-year, year) holding ``day``."""
    months = length.months
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end = month_start(start, months) - timedelta(days=1)
    return Period(period_label(start, length), start, end)


def next_period(previous_end: date | None, length: PeriodLength, today: date) -> Period:
    """The period after one ending on ``previous_end``; with none, the period holding today."""
    if previous_end is None:
        return period_containing(today, length)
    return period_containing(previous_end + timedelta(days=1), length)


def guess_length(start: date | None, end: date | None) -> PeriodLength:
    """The period length a schedule has used so far (quarterly when unknown)."""
    if start is None or end is None or end < start:
        return PeriodLength.QUARTER
    days = (end - start).days + 1
    if days <= 31:
        return PeriodLength.MONTH
    if days <= 92:
        return PeriodLength.QUARTER
    if days <= 184:
        return PeriodLength.HALF_YEAR
    return PeriodLength.YEAR
