"""The rank (名次) of each total in a ranking, ties sharing one."""

from __future__ import annotations

from pbc_desktop.domain.indicators import ranks


def test_equal_totals_share_a_rank_and_the_next_counts_them() -> None:
    assert ranks([95, 90, 90, 85, 85, 85, 60]) == [1, 2, 2, 4, 4, 4, 7]


def test_no_totals_no_ranks() -> None:
    assert ranks([]) == []
    assert ranks([0.0]) == [1]
