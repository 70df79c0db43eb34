"""民主评议 in the unified reminders: each organization with members that has not entered
last year's appraisal, due by :data:`DUE_MONTH`/:data:`DUE_DAY` of this year (overdue
after), one line an organization, as :func:`results.year_overview` sees them (the
account's scope)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.reminders import Reminder, ReminderArea, existing_since
from pbc_desktop.lang import t
from pbc_desktop.services.appraisals.results import year_overview

#: last year's appraisal is to be entered by 31 March
DUE_MONTH, DUE_DAY = 3, 31


def due_on(year: int) -> date:
    """The day by which ``year``'s appraisal is to be entered."""
    return date(year + 1, DUE_MONTH, DUE_DAY)


def _recorded_after(db: Database, year: int, today: date) -> set[int]:
    """Organizations without a founding date recorded here after ``year`` (and by
    ``today``): not reminded of that year's appraisal (:func:`existing_since`)."""
    stmt = select(Organization.id, Organization.created_at).where(
        Organization.founded_on.is_(None),
        Organization.created_at >= datetime(year + 1, 1, 1).astimezone(),  # local midnight
    )
    with db.read() as s:
        rows = s.execute(stmt).all()
    end = date(year, 12, 31)
    return {
        org_id
        for org_id, created in rows
        if (since := existing_since(None, created, today)) is not None and since > end
    }


def appraisal_reminders(db: Database, today: date) -> list[Reminder]:
    """From 1 January: a line for every organization (with members taking part) without
    an appraisal of the year before, due on 31 March (not one recorded here, its founding
    date unknown, after that year); the tab ``appraisal`` opens its grid of that year."""
    year = today.year - 1
    due = due_on(year)
    recorded_after = _recorded_after(db, year, today)
    return [
        Reminder(
            ReminderArea.APPRAISAL,
            o.organization_name,
            (o.town,) if o.town else (),
            t(
                f"{year}年度民主评议党员未录入（{o.members}名党员）",
                f"Appraisal of {year} not entered ({o.members} members)",
            ),
            due,
            (today - due).days,
            "appraisal",
            (("organization_id", o.organization_id), ("year", year)),
        )
        for o in year_overview(db, year)
        if o.held_on is None and o.members > 0 and o.organization_id not in recorded_after
    ]
