"""Month arithmetic, the one home for it: terms, probation, reminders and party fees all
count in months."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


@lru_cache(maxsize=8192)  # the 发展党员 lists ask it for thousands of people at once
def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
