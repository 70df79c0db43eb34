"""三会一课: the meetings each Party branch must keep, and whether it kept them (pure rules).

A schedule gives each kind of meeting an interval in months that divides the year
(支部党员大会 and 党课 quarterly, 支委会, 党小组会 and 主题党日 monthly by default). The
year falls into periods of that length (quarterly: Jan–Mar, Apr–Jun, …); a period is
**kept** when at least one meeting of the kind was held in it, **missed** when it has
ended without one, **open** while it runs without one yet, **future** before it starts.
A branch is *behind* on a kind when a period of the year has been missed; it is *due this
month* when the period running today has no meeting yet.

A temporary branch (临时党支部) exists from its start date to its end date, any other
organization from the day it was founded: only the periods that overlap that span are
asked of it (one ends for it on its end date); the others are **inactive** (not due,
never missed).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from pbc_desktop.domain.enums import ActivityKind, LabeledEnum, OrgKind

K = ActivityKind

#: The kinds of 三会一课 (and the monthly 主题党日), in the order they are listed.
MEETING_KINDS: tuple[ActivityKind, ...] = (
    K.BRANCH_ASSEMBLY,
    K.BRANCH_COMMITTEE,
    K.GROUP_MEETING,
    K.PARTY_LESSON,
    K.THEME_PARTY_DAY,
)
DEFAULT_SCHEDULE: Mapping[ActivityKind, int] = {
    K.BRANCH_ASSEMBLY: 3,
    K.BRANCH_COMMITTEE: 1,
    K.GROUP_MEETING: 1,
    K.PARTY_LESSON: 3,
    K.THEME_PARTY_DAY: 1,
}
#: The intervals a schedule may use: each divides the year into whole periods.
INTERVALS: tuple[int, ...] = (1, 2, 3, 6, 12)
#: The organizations that keep 三会一课: branches (a general branch holds its own too).
BRANCH_KINDS = frozenset({OrgKind.BRANCH, OrgKind.GENERAL_BRANCH, OrgKind.TEMPORARY_BRANCH})
#: Remind of an open period this many days before it ends.
REMIND_DAYS_BEFORE = 10


class PeriodState(LabeledEnum):
    KEPT = "kept", "已开", "Held"
    MISSED = "missed", "未开", "Missed"
    OPEN = "open", "待开", "Still to hold"
    FUTURE = "future", "未到", "Not yet"
    INACTIVE = "inactive", "不在存续期", "Not in existence"


#: The span a branch exists (a temporary one's start and end dates, another's founding
#: date; None: open on that side).
Active = tuple[date | None, date | None]


@dataclass(frozen=True)
class Period:
    first_month: int
    last_month: int
    held: int  # meetings held in it
    state: PeriodState

    def end(self, year: int) -> date:
        return date(year, self.last_month, calendar.monthrange(year, self.last_month)[1])


@dataclass(frozen=True)
class KindCompliance:
    """One kind of meeting of one branch in one year."""

    kind: ActivityKind
    interval_months: int
    months: tuple[int, ...]  # meetings held in each month, January first
    periods: tuple[Period, ...]

    @property
    def held(self) -> int:
        return sum(self.months)

    @property
    def due(self) -> int:
        """Periods that have started while the branch existed (each needs one meeting)."""
        return sum(
            1 for p in self.periods if p.state not in (PeriodState.FUTURE, PeriodState.INACTIVE)
        )

    @property
    def kept(self) -> int:
        return sum(1 for p in self.periods if p.state is PeriodState.KEPT)

    @property
    def missed(self) -> int:
        return sum(1 for p in self.periods if p.state is PeriodState.MISSED)

    @property
    def behind(self) -> bool:
        return self.missed > 0

    @property
    def open_period(self) -> Period | None:
        return next((p for p in self.periods if p.state is PeriodState.OPEN), None)

    def month_state(self, month: int) -> PeriodState:
        """The state of the period ``month`` (1–12) falls in."""
        return next(p.state for p in self.periods if p.first_month <= month <= p.last_month)


@cache
def _bounds(interval_months: int, year: int) -> tuple[tuple[int, int, date, date], ...]:
    """Each period's first and last month, first and last day (asked 7,000 times for a
    district's year)."""
    return tuple(
        (first, last, date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))
        for first, last in periods_of(interval_months)
    )


def periods_of(interval_months: int) -> list[tuple[int, int]]:
    """The (first, last) months of each period of a year."""
    if interval_months not in INTERVALS:
        raise ValueError(interval_months)
    return [(m, m + interval_months - 1) for m in range(1, 13, interval_months)]


def kind_compliance(
    kind: ActivityKind,
    interval_months: int,
    months: Sequence[int],
    year: int,
    today: date,
    *,
    active: Active | None = None,
) -> KindCompliance:
    """One kind's periods of ``year`` as of ``today`` from the meetings held each month;
    ``active``: the span a temporary branch exists (the periods outside are inactive)."""
    counts = tuple(months)
    if len(counts) != 12:
        raise ValueError(counts)
    held = tuple(
        sum(counts[first - 1 : last]) for first, last, _s, _e in _bounds(interval_months, year)
    )
    active = _in_year(active, year)
    return KindCompliance(
        kind, interval_months, counts, _periods(interval_months, held, year, today, active)
    )


def _in_year(active: Active | None, year: int) -> Active | None:
    """``active``, or None when it spans the whole year (most branches, founded years
    before: they share the cached periods of the whole year)."""
    if active is None:
        return None
    since, until = active
    if (since is None or since <= date(year, 1, 1)) and (
        until is None or until >= date(year, 12, 31)
    ):
        return None
    return active


@lru_cache(maxsize=4096)
def _periods(
    interval_months: int,
    held: tuple[int, ...],
    year: int,
    today: date,
    active: Active | None = None,
) -> tuple[Period, ...]:
    """The periods of a year from the meetings held in each (branches share most patterns:
    a district's year builds a few hundred, not 90,000)."""
    periods = []
    for (first, last, start, end), number in zip(_bounds(interval_months, year), held, strict=True):
        if active is not None and not _overlaps(start, end, active):
            state = PeriodState.INACTIVE
        elif today < start:  # not begun: a meeting dated in it is not held yet
            state = PeriodState.FUTURE
        elif number:
            state = PeriodState.KEPT
        elif today > (end if active is None or active[1] is None else min(end, active[1])):
            state = PeriodState.MISSED
        else:
            state = PeriodState.OPEN
        periods.append(Period(first, last, number, state))
    return tuple(periods)


def _overlaps(start: date, end: date, active: Active) -> bool:
    since, until = active
    return (since is None or end >= since) and (until is None or start <= until)


def active_span(
    kind: OrgKind, start: date | None, end: date | None, founded_on: date | None = None
) -> Active | None:
    """The span :func:`compliance` asks meetings for: a temporary branch's start and end
    dates; any other organization from the day it was founded (``founded_on``: a branch
    set up in December was behind on the eleven months before it existed, and on every
    year before); None when neither is known (asked the whole year)."""
    if kind is OrgKind.TEMPORARY_BRANCH and (start is not None or end is not None):
        return (start or founded_on, end)
    return None if founded_on is None else (founded_on, None)


def compliance(
    schedule: Mapping[ActivityKind, int],
    held: Mapping[ActivityKind, Sequence[int]],
    year: int,
    today: date,
    kinds: Sequence[ActivityKind] | None = None,
    *,
    active: Active | None = None,
) -> list[KindCompliance]:
    """Each scheduled kind (in :data:`MEETING_KINDS` order, or ``kinds``: the schedule's
    :func:`ordered_kinds`, worked out once for many branches) of one branch's ``year``.

    ``held`` maps a kind to the meetings held in each month (12 counts); a kind missing
    from it held none. ``active``: see :func:`active_span`.
    """
    none = (0,) * 12
    return [
        kind_compliance(kind, schedule[kind], held.get(kind, none), year, today, active=active)
        for kind in (ordered_kinds(schedule) if kinds is None else kinds)
    ]


def ordered_kinds(schedule: Mapping[ActivityKind, int]) -> list[ActivityKind]:
    known = [k for k in MEETING_KINDS if k in schedule]
    return known + [k for k in ActivityKind if k in schedule and k not in known]


def days_left(period: Period, year: int, today: date) -> int:
    """Days from ``today`` to the period's last day (0 on that day)."""
    return (period.end(year) - today).days


def ending_soon(kinds: Sequence[KindCompliance], year: int, today: date) -> list[KindCompliance]:
    """Kinds whose running period has no meeting yet and ends within
    :data:`REMIND_DAYS_BEFORE` days."""
    found = []
    for k in kinds:
        period = k.open_period
        if period is not None and days_left(period, year, today) <= REMIND_DAYS_BEFORE:
            found.append(k)
    return found


def last_missed_end(k: KindCompliance, year: int) -> date | None:
    """The last day of the latest missed period (overdue since the day after)."""
    ends = [p.end(year) for p in k.periods if p.state is PeriodState.MISSED]
    return ends[-1] if ends else None


def month_of(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    last = first + timedelta(days=calendar.monthrange(today.year, today.month)[1] - 1)
    return first, last
