"""换届: a term's due date, six months' notice, overdue."""

from __future__ import annotations

from datetime import date

from pbc_desktop.domain import terms
from pbc_desktop.domain.terms import TermState


def test_term_ends_after_its_years() -> None:
    assert terms.term_ends(date(2021, 3, 10), 5) == date(2026, 3, 10)
    assert terms.term_ends(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_running_due_and_overdue() -> None:
    elected = date(2023, 9, 1)  # three years: due 2026-09-01
    assert terms.term_status(elected, 3, date(2026, 2, 28)).state is TermState.RUNNING
    due = terms.term_status(elected, 3, date(2026, 3, 1))
    assert (due.state, due.due_on, due.days_left) == (TermState.DUE, date(2026, 9, 1), 184)
    assert terms.term_status(elected, 3, date(2026, 9, 1)).state is TermState.DUE
    late = terms.term_status(elected, 3, date(2026, 9, 11))
    assert (late.state, late.days_left) == (TermState.OVERDUE, -10)
