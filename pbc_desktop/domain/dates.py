"""Dates written as text: typed into a date field or found in a roster's cell; dates with a
time of day typed into a date-and-time field (:func:`parse_datetime_text`).

One reading for both: ``2025-3-1``, ``2025-03-01``, ``2025/3/1``, ``2025.3.1``,
``2025年3月1日``, ``20250301`` (full-width digits too, a time after the date ignored);
a year and a month (``2025.03``, ``2025年3月``, ``202503``) give the first of that month
with ``month_only`` set, for the caller to accept or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from pbc_desktop.domain.validation import normalise_text
from pbc_desktop.lang import t

MIN_YEAR = 1900
MAX_YEAR = 2100

_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_FULL_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?$")
_MONTH_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$")
_COMPACT_FULL = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_COMPACT_MONTH = re.compile(r"^(\d{4})(\d{2})$")
_YEAR_ONLY = re.compile(r"^\d{4}\s*年?$")


class DateProblem(Enum):
    UNREADABLE = "unreadable"  # not a date at all
    IMPOSSIBLE = "impossible"  # looks like a date that does not exist (2025-2-30)
    OUT_OF_YEARS = "out_of_years"  # a date of a year outside MIN_YEAR–MAX_YEAR (2101-3-1)
    YEAR_ONLY = "year_only"  # a year and nothing else


class DateTextError(ValueError):
    """Text that is not a date; ``problem`` says why, ``shown`` is the text as read."""

    def __init__(self, problem: DateProblem, shown: str) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.shown = shown


@dataclass(frozen=True)
class TypedDate:
    """A date read from text; ``month_only`` when the text gave a year and a month."""

    value: date
    month_only: bool = False


def _make(shown: str, year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(DateProblem.OUT_OF_YEARS, shown)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(DateProblem.IMPOSSIBLE, shown) from None


def parse_date_text(text: str) -> TypedDate:
    """The date ``text`` stands for; raises :class:`DateTextError` when there is none."""
    shown = normalise_text(text)
    plain = _TIME_SUFFIX.sub("", shown).strip()
    if match := _FULL_DATE.match(plain) or _COMPACT_FULL.match(plain):
        y, m, d = (int(g) for g in match.groups())
        return TypedDate(_make(shown, y, m, d))
    if match := _MONTH_DATE.match(plain) or _COMPACT_MONTH.match(plain):
        y, m = (int(g) for g in match.groups())
        return TypedDate(_make(shown, y, m, 1), month_only=True)
    if _YEAR_ONLY.fullmatch(plain):
        raise DateTextError(DateProblem.YEAR_ONLY, shown)
    raise DateTextError(DateProblem.UNREADABLE, shown)


def typed_forms_hint() -> str:
    """The forms a date field accepts, for its messages."""
    return t(
        "请写成 2025-03-01、2025-3-1、2025/3/1、2025.3.1 或 20250301",
        "write it as 2025-03-01, 2025-3-1, 2025/3/1, 2025.3.1 or 20250301",
    )


def out_of_years_message(shown: str) -> str:
    """A date typed of a year no date field takes (:data:`MIN_YEAR` to :data:`MAX_YEAR`),
    said with those years, as the command line's date options say it."""
    return t(
        f"“{shown}”超出了可填的年份：日期应在{MIN_YEAR}年至{MAX_YEAR}年之间。",
        f"“{shown}” is out of range: expected a date from {MIN_YEAR} to {MAX_YEAR}.",
    )


def out_of_years_error(value: date | None, label: tuple[str, str]) -> str | None:
    """A stored date outside :data:`MIN_YEAR`–:data:`MAX_YEAR` (those no date field takes:
    a deadline of year 1 or 9999 given to a service), named by ``label``; None when in."""
    if value is None or MIN_YEAR <= value.year <= MAX_YEAR:
        return None
    return t(
        f"{label[0]}（{value.isoformat()}）超出了可填的年份：日期应在{MIN_YEAR}年至{MAX_YEAR}年之间",
        f"The {label[1]} ({value.isoformat()}) is out of range: "
        f"expected a date from {MIN_YEAR} to {MAX_YEAR}",
    )


def typed_date_message(shown: str, problem: DateProblem | None) -> str:
    """Why the text typed into a date field is not taken (``None``: a year and a month
    without a day)."""
    if problem is DateProblem.OUT_OF_YEARS:
        return out_of_years_message(shown)
    if problem is DateProblem.IMPOSSIBLE:
        return t(
            f"“{shown}”这一天不存在，请检查月份和日期。",
            f"“{shown}” is not a real date; check the month and the day.",
        )
    if problem is None:
        return t(
            f"“{shown}”缺少日，{typed_forms_hint()}。",
            f"“{shown}” has no day; {typed_forms_hint()}.",
        )
    return t(
        f"“{shown}”不是日期，{typed_forms_hint()}。",
        f"“{shown}” is not a date; {typed_forms_hint()}.",
    )


# A time of day after a date: 14:30, 9:00:00, 14时30分, 14点半, 9点; 0900 after a space.
_CLOCK = r"(\d{1,2})\s*:\s*(\d{1,2})(?:\s*:\s*\d{1,2})?"
_CHINESE = r"(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分?|(半))?"
_TIME_AFTER = re.compile(
    rf"^(?P<date>.*?)(?:\s+|T|(?<=[日号]))(?:{_CLOCK}|{_CHINESE}|(\d{{2}})(\d{{2}}))$"
)


@dataclass(frozen=True)
class TypedDateTime:
    """A date-and-time read from text; ``at`` is None when only a date was written."""

    day: date
    at: time | None


def parse_datetime_text(text: str) -> TypedDateTime:
    """The date and time of day ``text`` stands for: a date of :func:`parse_date_text`'s forms
    followed by a time (``2026-3-5 14:30``, ``2026.3.5 9:00``, ``20260305 0900``,
    ``2026年3月5日 14时30分``, ``2026年3月5日14点半``), or a date alone. Raises
    :class:`DateTextError`: ``IMPOSSIBLE`` for a date or a time of day that does not exist
    (2026-2-30, 25:00), ``OUT_OF_YEARS`` for a date outside the years, ``UNREADABLE``
    otherwise (a year and a month are no date here)."""
    shown = normalise_text(text)
    match = _TIME_AFTER.match(shown)
    day_text = match.group("date") if match else shown
    typed = parse_date_text(day_text)
    if typed.month_only:
        raise DateTextError(DateProblem.UNREADABLE, shown)
    if match is None:
        if _TIME_SUFFIX.search(shown):  # a time parse_date_text let pass, but out of range
            raise DateTextError(DateProblem.IMPOSSIBLE, shown)
        return TypedDateTime(typed.value, None)
    h1, m1, h2, m2, half, h3, m3 = match.groups()[1:]
    hour = int(h1 or h2 or h3)
    minute = 30 if half else int(m1 or m2 or m3 or 0)
    if hour > 23 or minute > 59:
        raise DateTextError(DateProblem.IMPOSSIBLE, shown)
    return TypedDateTime(typed.value, time(hour, minute))


def typed_datetime_message(shown: str, problem: DateProblem) -> str:
    """Why the text typed into a date-and-time field is not taken."""
    if problem is DateProblem.OUT_OF_YEARS:
        return out_of_years_message(shown)
    if problem is DateProblem.IMPOSSIBLE:
        return t(
            f"“{shown}”这个日期或时间不存在，请检查月、日、时、分。",
            f"“{shown}” is not a real date and time; check the month, day, hour and minute.",
        )
    return t(
        f"“{shown}”不是日期和时间，请写成 2026-03-05 14:30、2026.3.5 9:00、"
        "20260305 0900 或 2026年3月5日14时30分。",
        f"“{shown}” is not a date and time; write it as 2026-03-05 14:30, 2026.3.5 9:00, "
        "20260305 0900 or 2026年3月5日14时30分.",
    )


def at_time(value: TypedDateTime, default: time) -> datetime:
    """The moment ``value`` names, at ``default`` when only a date was written."""
    return datetime.combine(value.day, value.at or default)
