"""民主评议 grades typed as keys in the grid (``domain.appraisals.grade_for_key``)."""

from __future__ import annotations

import pytest

from pbc_desktop.domain.appraisals import AppraisalGrade, grade_for_key


@pytest.mark.parametrize("key", ["²", "³", "¹", "᧚", "⁴"])
def test_a_digit_that_is_no_number_is_no_grade(key: str) -> None:
    """² (a key of its own on a French keyboard) is a digit to str.isdigit() and no
    number to int(): the grid's key press raised ValueError (an internal error)."""
    assert grade_for_key(key) is None


def test_a_full_width_digit_is_its_grade() -> None:
    assert grade_for_key("1") is AppraisalGrade.EXCELLENT
    assert grade_for_key("４") is AppraisalGrade.UNQUALIFIED  # typed with an input method
