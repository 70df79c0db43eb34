"""三会一课 reminders: a period ending soon without its meeting, and missed periods."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain import branch_life
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.lang import t
from pbc_desktop.services.branch_life.compliance import town_year

TAB = "branchLife"


def branch_life_reminders(db: Database, today: date) -> list[Reminder]:
    """Each branch the account sees: a kind whose running period ends within
    :data:`branch_life.REMIND_DAYS_BEFORE` days with no meeting yet, and a kind with
    periods of this year missed (overdue since the latest missed period ended)."""
    year = today.year
    found = []
    for branch in town_year(db, year, today).branches:
        towns = (branch.town,) if branch.town else ()
        filters: tuple[tuple[str, object], ...] = (("organization_id", branch.organization_id),)
        for k in branch.kinds:
            end = branch_life.last_missed_end(k, year)
            if end is not None:
                what = t(
                    f"{k.kind.zh}：本年已有{k.missed}期未开",
                    f"{k.kind.en}: {k.missed} period(s) of this year missed",
                )
                overdue = (today - end).days
                found.append(
                    Reminder(
                        ReminderArea.BRANCH_LIFE,
                        branch.name,
                        towns,
                        what,
                        end,
                        overdue,
                        TAB,
                        filters,
                    )
                )
        for k in branch_life.ending_soon(branch.kinds, year, today):
            period = k.open_period
            assert period is not None
            end = period.end(year)
            what = t(f"{k.kind.zh}：本期尚未召开", f"{k.kind.en}: not yet held this period")
            found.append(
                Reminder(
                    ReminderArea.BRANCH_LIFE,
                    branch.name,
                    towns,
                    what,
                    end,
                    -(end - today).days,
                    TAB,
                    filters,
                )
            )
    return found
