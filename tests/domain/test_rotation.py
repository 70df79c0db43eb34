"""Convener rotation (轮值召集人) and period proposals."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop import lang
from pbc_desktop.domain.rotation import (
    PeriodLength,
    RotationMember,
    guess_length,
    next_convener,
    next_period,
    period_containing,
)


def members(*keys: str, left: tuple[str, ...] = ()) -> list[RotationMember[str]]:
    return [RotationMember(k, active=k not in left) for k in keys]


def test_first_turn_goes_to_first_member() -> None:
    assert next_convener(members("a", "b", "c"), []) == "a"


def test_cycles_in_member_order() -> None:
    ms = members("a", "b", "c")
    assert next_convener(ms, ["a"]) == "b"
    assert next_convener(ms, ["a", "b"]) == "c"
    assert next_convener(ms, ["a", "b", "c"]) == "a"


def test_skips_organizations_that_left() -> None:
    ms = members("a", "b", "c", "d", left=("b", "c"))
    assert next_convener(ms, ["a"]) == "d"
    assert next_convener(ms, ["d"]) == "a"


def test_last_convener_that_left_hands_over_to_the_next_in_order() -> None:
    assert next_convener(members("a", "b", "c", left=("b",)), ["b"]) == "c"


def test_unknown_last_convener_restarts() -> None:
    assert next_convener(members("a", "b"), ["zz"]) == "a"


def test_nobody_active() -> None:
    assert next_convener(members("a", left=("a",)), ["a"]) is None
    assert next_convener(members(), []) is None


@pytest.mark.parametrize(
    ("day", "length", "label", "start", "end"),
    [
        (
            date(2026, 8, 15),
            PeriodLength.QUARTER,
            "2026年第3季度",
            date(2026, 7, 1),
            date(2026, 9, 30),
        ),
        (date(2026, 2, 3), PeriodLength.MONTH, "2026年2月", date(2026, 2, 1), date(2026, 2, 28)),
        (
            date(2026, 12, 31),
            PeriodLength.HALF_YEAR,
            "2026年下半年",
            date(2026, 7, 1),
            date(2026, 12, 31),
        ),
        (
            date(2026, 6, 30),
            PeriodLength.HALF_YEAR,
            "2026年上半年",
            date(2026, 1, 1),
            date(2026, 6, 30),
        ),
        (date(2026, 4, 1), PeriodLength.YEAR, "2026年度", date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_period_containing(
    day: date, length: PeriodLength, label: str, start: date, end: date
) -> None:
    period = period_containing(day, length)
    assert (period.label, period.start, period.end) == (label, start, end)


def test_next_period_follows_previous_and_crosses_years() -> None:
    period = next_period(date(2026, 12, 31), PeriodLength.QUARTER, date(2026, 1, 1))
    assert (period.label, period.start, period.end) == (
        "2027年第1季度",
        date(2027, 1, 1),
        date(2027, 3, 31),
    )


def test_next_period_without_history_is_the_current_one() -> None:
    period = next_period(None, PeriodLength.MONTH, date(2024, 2, 10))
    assert period.end == date(2024, 2, 29)


def test_english_labels() -> None:
    lang.set_language("en")
    assert period_containing(date(2026, 8, 1), PeriodLength.QUARTER).label == "2026 Q3"


def test_guess_length() -> None:
    assert guess_length(date(2026, 1, 1), date(2026, 1, 31)) == PeriodLength.MONTH
    assert guess_length(date(2026, 1, 1), date(2026, 3, 31)) == PeriodLength.QUARTER
    assert guess_length(date(2026, 1, 1), date(2026, 6, 30)) == PeriodLength.HALF_YEAR
    assert guess_length(date(2026, 1, 1), date(2026, 12, 31)) == PeriodLength.YEAR
    assert guess_length(None, None) == PeriodLength.QUARTER
