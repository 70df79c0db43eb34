"""Terms running out: the town list of organizations due or overdue for 换届, and the
reminders six months ahead."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain import terms
from pbc_desktop.domain.months import add_months
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.lang import t
from pbc_desktop.services.terms.committees import CommitteeRow, current_committees


def due_terms(
    db: Database,
    today: date,
    within_months: int = terms.REMIND_MONTHS,
    town: str | None = None,
) -> list[CommitteeRow]:
    """Current committees whose term runs out within ``within_months`` months (or ran out
    already), the earliest first."""
    latest = add_months(today, within_months)
    rows = current_committees(db, today, town, keep=lambda status: status.due_on <= latest)
    return sorted(rows, key=lambda r: (r.due_on, r.organization_name))


def term_reminders(db: Database, today: date) -> list[Reminder]:
    """A reminder for each term due within :data:`terms.REMIND_MONTHS` months or overdue."""
    return [
        Reminder(
            ReminderArea.TERMS,
            r.organization_name,
            (r.town,) if r.town else (),
            t(
                f"第{r.term_no}届班子任期届满，应换届",
                f"Committee no. {r.term_no}: its term runs out, to re-elect",
            ),
            r.due_on,
            -r.days_left,
            "branchLife",
            (("organization_id", r.organization_id),),
        )
        for r in due_terms(db, today)
    ]
