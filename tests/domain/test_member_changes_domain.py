"""增减方式 rules: a member's dates against the day they joined the Party."""

from __future__ import annotations

from datetime import date

from pbc_desktop import lang
from pbc_desktop.domain.member_changes import before_joining_error

LEFT = ("外出日期", "date of leaving")


def test_a_date_before_joining_is_refused_naming_the_day_joined() -> None:
    joined = date(2010, 7, 1)
    assert before_joining_error(date(2010, 6, 30), joined, LEFT) == (
        "外出日期不能早于入党日期（2010-07-01）"
    )
    lang.set_language("en")
    assert before_joining_error(date(2010, 6, 30), joined, LEFT) == (
        "The date of leaving cannot be before the member joined the Party (2010-07-01)"
    )


def test_the_day_joined_or_later_or_an_unknown_day_passes() -> None:
    joined = date(2010, 7, 1)
    assert before_joining_error(joined, joined, LEFT) is None
    assert before_joining_error(date(2026, 1, 1), joined, LEFT) is None
    assert before_joining_error(date(1950, 1, 1), None, LEFT) is None
