"""Dates with a time of day as typed into a date-and-time field."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pbc_desktop.domain.dates import (
    DateProblem,
    DateTextError,
    at_time,
    parse_datetime_text,
    typed_datetime_message,
)


@pytest.mark.parametrize(
    ("typed", "moment"),
    [
        ("2026-3-5 14:30", datetime(2026, 3, 5, 14, 30)),
        ("2026.3.5 9:00", datetime(2026, 3, 5, 9, 0)),
        ("20260305 0900", datetime(2026, 3, 5, 9, 0)),
        ("2026年3月5日 14时30分", datetime(2026, 3, 5, 14, 30)),
        ("2026年3月5日14点半", datetime(2026, 3, 5, 14, 30)),
        ("2026/3/5 8点", datetime(2026, 3, 5, 8, 0)),
        ("2026-03-05T09:05", datetime(2026, 3, 5, 9, 5)),
        ("２０２６－３－５　１４：３０", datetime(2026, 3, 5, 14, 30)),  # full-width
        ("2026-3-5 14:30:15", datetime(2026, 3, 5, 14, 30)),  # seconds dropped
    ],
)
def test_a_date_and_time_is_read(typed: str, moment: datetime) -> None:
    assert at_time(parse_datetime_text(typed), time(0, 0)) == moment


def test_a_date_alone_keeps_the_time_given() -> None:
    typed = parse_datetime_text("2026-3-5")
    assert (typed.day, typed.at) == (date(2026, 3, 5), None)
    assert at_time(typed, time(9, 30)) == datetime(2026, 3, 5, 9, 30)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("2026-3-5 25:00", DateProblem.IMPOSSIBLE),
        ("2026-3-5 14:60", DateProblem.IMPOSSIBLE),
        ("2026-2-30 10:00", DateProblem.IMPOSSIBLE),
        ("2026-3 10:00", DateProblem.UNREADABLE),  # no day
        ("2026-3-5 9", DateProblem.UNREADABLE),  # an hour alone is not a time
        ("明天下午", DateProblem.UNREADABLE),
        ("2101-3-5 10:00", DateProblem.OUT_OF_YEARS),
        ("1899年12月31日 9点", DateProblem.OUT_OF_YEARS),
    ],
)
def test_no_date_and_time_is_refused(typed: str, problem: DateProblem) -> None:
    with pytest.raises(DateTextError) as caught:
        parse_datetime_text(typed)
    assert caught.value.problem is problem


def test_the_sentences() -> None:
    assert typed_datetime_message("2026-3-5 25:00", DateProblem.IMPOSSIBLE) == (
        "“2026-3-5 25:00”这个日期或时间不存在，请检查月、日、时、分。"
    )
    assert typed_datetime_message("x", DateProblem.UNREADABLE) == (
        "“x”不是日期和时间，请写成 2026-03-05 14:30、2026.3.5 9:00、"
        "20260305 0900 或 2026年3月5日14时30分。"
    )
