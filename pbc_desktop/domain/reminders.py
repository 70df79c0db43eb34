"""Due reminders: which community's regular activity of a kind is overdue (pure rules).

A rule says a kind is due every N months (日常例会 monthly, 联席会议 quarterly, …). An
activity is due N months after the last one held, or after the community started running
when none has been held yet; it is overdue from the day after that.
"""

from __future__ import annotations

import calendar
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Generic, TypeVar

from pbc_desktop.domain.enums import ActivityKind

K = TypeVar("K", bound=Hashable)

DEFAULT_RULES: Mapping[ActivityKind, int] = {
    ActivityKind.REGULAR_MEETING: 1,
    ActivityKind.JOINT_MEETING: 3,
    ActivityKind.THEME_PARTY_DAY: 1,
}
MAX_INTERVAL_MONTHS = 24


@dataclass(frozen=True)
class Overdue(Generic[K]):
    community: K
    kind: ActivityKind
    last_held: date | None  # None: never held since the community started
    due_on: date
    days_overdue: int


@lru_cache(maxsize=8192)  # the 发展党员 lists ask it for thousands of people at once
def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def overdue(
    rules: Mapping[ActivityKind, int],
    started: Mapping[K, date],
    last_held: Mapping[tuple[K, ActivityKind], date],
    today: date,
) -> list[Overdue[K]]:
    """Every (community, kind) whose due date has passed, the longest overdue first.

    ``started`` holds each community to check and the day it started running;
    ``last_held`` the date of the last activity of a kind held by a community.
    """
    found: list[Overdue[K]] = []
    kinds: Sequence[ActivityKind] = [k for k in ActivityKind if rules.get(k, 0) > 0]
    for community, since in started.items():
        for kind in kinds:
            last = last_held.get((community, kind))
            due = add_months(last if last is not None else since, rules[kind])
            if today > due:
                found.append(Overdue(community, kind, last, due, (today - due).days))
    found.sort(key=lambda o: (-o.days_overdue, list(ActivityKind).index(o.kind)))
    return found
