"""Due reminders: which community's regular activity of a kind is overdue (pure rules).

A rule says a kind is due every N months (日常例会 monthly, 联席会议 quarterly, …). An
activity is due N months after the last one held, or after the community started running
when none has been held yet; it is overdue from the day after that.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Generic, TypeVar

from pbc_desktop.domain.enums import ActivityKind, LabeledEnum
from pbc_desktop.domain.months import add_months

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


# -- reminders of every area, in one shape ---------------------------------------------


class ReminderArea(LabeledEnum):
    """Where a reminder comes from (the first column of the 到期提醒 list)."""

    ACTIVITIES = "activities", "共同体活动", "Community activities"
    BRANCH_LIFE = "branch_life", "三会一课", "Branch meetings"
    TERMS = "terms", "换届", "Committee terms"
    DEVELOPMENT = "development", "发展党员", "Member development"
    FEES = "fees", "党费", "Party dues"
    APPRAISAL = "appraisal", "民主评议", "Member appraisal"


class Severity(LabeledEnum):
    OVERDUE = "overdue", "已逾期", "Overdue"
    DUE_SOON = "due_soon", "即将到期", "Due soon"


#: Filters saying as of when a reminder is, not which one it is: a fee reminder's month
#: (the month ended last: it moves on the 1st, and the branch's arrears are the same
#: reminder counted a month on). Left out of :attr:`Reminder.key`. An appraisal's year is
#: not one: another year's appraisal is another thing to do.
AS_OF_FILTERS = frozenset({"month"})


@dataclass(frozen=True)
class Reminder:
    """One thing to do by a date, from any area.

    ``subject`` is the organization or community it concerns, ``towns`` the towns it lies
    in (a community's member organizations may lie in several; empty: none named);
    ``what`` says what is due in the user's language. ``days`` counts from ``due_on`` to
    today: positive when overdue, negative (or 0) when still due. ``tab`` and ``filters``
    name where the window shows it (None: nowhere particular). ``topic`` tells apart the
    reminders of one target shown in one place (a branch's 三会一课: the kind of meeting,
    missed or of this period); :attr:`key` is the reminder's identity across refreshes.
    """

    area: ReminderArea
    subject: str
    towns: tuple[str, ...]
    what: str
    due_on: date
    days: int
    tab: str | None = None
    filters: tuple[tuple[str, object], ...] = ()
    topic: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        """Which reminder it is (its area, its target and what of it is due), whatever its
        texts and days say today and whichever month it is as of (:data:`AS_OF_FILTERS`):
        the same reminder after a refresh has the same key, after midnight on the 1st too."""
        target = tuple((name, value) for name, value in self.filters if name not in AS_OF_FILTERS)
        return (self.area, self.tab, target, self.topic)

    @property
    def severity(self) -> Severity:
        return Severity.OVERDUE if self.days > 0 else Severity.DUE_SOON

    @property
    def days_overdue(self) -> int:
        return max(self.days, 0)

    @property
    def days_left(self) -> int:
        return max(-self.days, 0)


def reminder_order(r: Reminder) -> tuple[int, int, int, str]:
    """Overdue first (longest first), then what is due soonest; by area, then subject."""
    return (0 if r.days > 0 else 1, -r.days, list(ReminderArea).index(r.area), r.subject)


def existing_since(founded_on: date | None, recorded_at: datetime, today: date) -> date | None:
    """The day from which an organization is reminded of what it owes: its founding date;
    when that is not known (a new organization's is left empty), the day it was recorded
    here (an office registering its branches on its first day is not told that they missed
    every meeting of the months before): the local day of ``recorded_at`` (stored in UTC:
    a branch entered before 08:00 in Beijing is of that day, not the day before); None (no
    bound) when it was recorded after ``today`` (reminders as of an earlier day)."""
    if founded_on is not None:
        return founded_on
    if recorded_at.tzinfo is None:  # stored times are UTC
        recorded_at = recorded_at.replace(tzinfo=UTC)
    recorded_on = recorded_at.astimezone().date()
    return recorded_on if recorded_on <= today else None
