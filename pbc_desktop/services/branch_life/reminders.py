"""三会一课 reminders: a period ending soon without its meeting, and missed periods."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain import branch_life
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.lang import t
from pbc_desktop.services.branch_life.compliance import BranchYear, town_year

TAB = "branchLife"


def _reminder(branch: BranchYear, what: str, end: date, overdue: int, topic: str) -> Reminder:
    """A line of the branch's, opening the 三会一课 window on it; ``topic``: which of the
    branch's reminders it is (the kind of meeting, missed or of this period)."""
    towns = (branch.town,) if branch.town else ()
    filters: tuple[tuple[str, object], ...] = (("organization_id", branch.organization_id),)
    return Reminder(
        ReminderArea.BRANCH_LIFE, branch.name, towns, what, end, overdue, TAB, filters, topic
    )


def branch_life_reminders(db: Database, today: date) -> list[Reminder]:
    """Each branch the account sees: a kind whose running period ends within
    :data:`branch_life.REMIND_DAYS_BEFORE` days with no meeting yet, and a kind with
    periods of this year missed (overdue since the latest missed period ended); a branch
    without a founding date not before the day it was recorded here."""
    year = today.year
    found = []
    for branch in town_year(db, year, today, since_recorded=True).branches:
        for k in branch.kinds:
            end = branch_life.last_missed_end(k, year)
            if end is not None:
                what = t(
                    f"{k.kind.zh}：本年已有{k.missed}期未开",
                    f"{k.kind.en}: {k.missed} period(s) of this year missed",
                )
                found.append(
                    _reminder(branch, what, end, (today - end).days, f"{k.kind.value}:missed")
                )
        for k in branch_life.ending_soon(branch.kinds, year, today):
            period = k.open_period
            assert period is not None
            end = period.end(year)
            what = t(f"{k.kind.zh}：本期尚未召开", f"{k.kind.en}: not yet held this period")
            found.append(
                _reminder(branch, what, end, -(end - today).days, f"{k.kind.value}:period")
            )
    return found
