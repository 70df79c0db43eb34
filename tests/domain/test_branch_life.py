"""三会一课 rules: periods kept, missed, open and future; reminders before a period ends."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.domain import branch_life
from pbc_desktop.domain.branch_life import PeriodState as P
from pbc_desktop.domain.enums import ActivityKind as K
from pbc_desktop.domain.enums import OrgKind

MONTHS_WITH_GAPS = [1, 1, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0]  # none in Mar, May, Jul–Dec


def test_monthly_kind_with_missing_months() -> None:
    k = branch_life.kind_compliance(
        K.BRANCH_COMMITTEE, 1, MONTHS_WITH_GAPS, 2026, date(2026, 8, 20)
    )
    assert [p.state for p in k.periods] == [
        P.KEPT,
        P.KEPT,
        P.MISSED,
        P.KEPT,
        P.MISSED,
        P.KEPT,
        P.MISSED,
        P.OPEN,
        P.FUTURE,
        P.FUTURE,
        P.FUTURE,
        P.FUTURE,
    ]
    assert (k.held, k.due, k.kept, k.missed, k.behind) == (5, 8, 4, 3, True)
    assert k.open_period is not None and k.open_period.first_month == 8
    assert branch_life.last_missed_end(k, 2026) == date(2026, 7, 31)


def test_quarterly_kind_counts_one_meeting_per_quarter() -> None:
    k = branch_life.kind_compliance(K.PARTY_LESSON, 3, MONTHS_WITH_GAPS, 2026, date(2026, 8, 20))
    assert [(p.first_month, p.last_month, p.held, p.state) for p in k.periods] == [
        (1, 3, 2, P.KEPT),
        (4, 6, 3, P.KEPT),
        (7, 9, 0, P.OPEN),
        (10, 12, 0, P.FUTURE),
    ]
    assert (k.due, k.missed, k.behind) == (3, 0, False)
    assert k.month_state(8) is P.OPEN and k.month_state(11) is P.FUTURE


def test_a_past_year_is_all_ended_and_a_future_one_all_ahead() -> None:
    none = [0] * 12
    past = branch_life.kind_compliance(K.BRANCH_ASSEMBLY, 3, none, 2025, date(2026, 1, 5))
    assert (past.due, past.missed) == (4, 4)
    ahead = branch_life.kind_compliance(K.BRANCH_ASSEMBLY, 3, none, 2027, date(2026, 1, 5))
    assert (ahead.due, ahead.missed, ahead.open_period) == (0, 0, None)


def test_last_day_of_a_period_is_still_open() -> None:
    k = branch_life.kind_compliance(K.GROUP_MEETING, 1, [0] * 12, 2026, date(2026, 1, 31))
    assert k.periods[0].state is P.OPEN
    later = branch_life.kind_compliance(K.GROUP_MEETING, 1, [0] * 12, 2026, date(2026, 2, 1))
    assert later.periods[0].state is P.MISSED


def test_compliance_follows_the_schedule_order() -> None:
    held = {K.THEME_PARTY_DAY: [1] * 12}
    kinds = branch_life.compliance(branch_life.DEFAULT_SCHEDULE, held, 2026, date(2026, 12, 31))
    assert [k.kind for k in kinds] == list(branch_life.MEETING_KINDS)
    assert [k.behind for k in kinds] == [True, True, True, True, False]
    assert [k.due for k in kinds] == [4, 12, 12, 4, 12]


def test_reminder_only_near_the_end_of_an_open_period() -> None:
    kinds = branch_life.compliance(
        {K.BRANCH_COMMITTEE: 1, K.PARTY_LESSON: 3}, {}, 2026, date(2026, 5, 25)
    )
    # 支委会: May ends in 6 days; 党课: the quarter ends on 30 June (36 days)
    assert [k.kind for k in branch_life.ending_soon(kinds, 2026, date(2026, 5, 25))] == [
        K.BRANCH_COMMITTEE
    ]
    assert [k.kind for k in branch_life.ending_soon(kinds, 2026, date(2026, 5, 15))] == []


def test_periods_must_divide_the_year() -> None:
    assert branch_life.periods_of(6) == [(1, 6), (7, 12)]
    with pytest.raises(ValueError, match="5"):
        branch_life.periods_of(5)


def test_a_temporary_branch_is_asked_only_while_it_exists() -> None:
    span = branch_life.active_span(OrgKind.TEMPORARY_BRANCH, date(2026, 3, 15), None)
    assert span == (date(2026, 3, 15), None)
    assert branch_life.active_span(OrgKind.BRANCH, date(2026, 3, 15), None) is None
    assert branch_life.active_span(OrgKind.TEMPORARY_BRANCH, None, None) is None
    months = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]  # a meeting before it existed (January)
    active = (date(2026, 3, 15), date(2026, 6, 10))
    k = branch_life.kind_compliance(
        K.BRANCH_COMMITTEE, 1, months, 2026, date(2026, 8, 20), active=active
    )
    assert [p.state for p in k.periods] == [
        P.INACTIVE,
        P.INACTIVE,
        P.MISSED,  # from 15 March on
        P.MISSED,
        P.KEPT,
        P.MISSED,  # until 10 June
        *[P.INACTIVE] * 6,
    ]
    assert (k.due, k.kept, k.missed, k.open_period) == (4, 1, 3, None)
    quarterly = branch_life.compliance(
        {K.PARTY_LESSON: 3}, {}, 2026, date(2026, 8, 20), active=active
    )[0]
    assert [p.state for p in quarterly.periods] == [P.MISSED, P.MISSED, P.INACTIVE, P.INACTIVE]
    whole_year = branch_life.kind_compliance(K.BRANCH_COMMITTEE, 1, months, 2026, date(2026, 8, 20))
    assert (whole_year.due, whole_year.missed) == (8, 5)


def test_a_period_not_begun_is_not_kept_by_a_meeting_dated_in_it() -> None:
    k = branch_life.kind_compliance(K.PARTY_LESSON, 3, [1] * 12, 2026, date(2026, 5, 1))
    assert [p.state for p in k.periods] == [P.KEPT, P.KEPT, P.FUTURE, P.FUTURE]
    assert k.due == 2


def test_a_branch_is_asked_only_from_the_day_it_was_founded() -> None:
    """A branch founded on 9 December was behind on the eleven months before it existed."""
    span = branch_life.active_span(OrgKind.BRANCH, None, None, date(2026, 12, 9))
    assert span == (date(2026, 12, 9), None)
    assert branch_life.active_span(OrgKind.BRANCH, None, None) is None
    k = branch_life.kind_compliance(K.BRANCH_COMMITTEE, 1, [0] * 12, 2026, date(2026, 12, 20))
    founded = branch_life.kind_compliance(
        K.BRANCH_COMMITTEE, 1, [0] * 12, 2026, date(2026, 12, 20), active=span
    )
    assert k.missed == 11
    assert [p.state for p in founded.periods] == [P.INACTIVE] * 11 + [P.OPEN]
    assert (founded.due, founded.behind) == (1, False)
    # founded years before: asked the whole year, as one never dated
    earlier = (date(2019, 3, 1), None)
    old = branch_life.kind_compliance(
        K.BRANCH_COMMITTEE, 1, [0] * 12, 2026, date(2026, 12, 20), active=earlier
    )
    assert old.periods == k.periods
