"""Fixtures of the report tests."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table


@pytest.fixture
def bounded_splits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout that loops (ReportLab splitting a table for ever) fails the test instead
    of hanging it: at most 2,000 table splits a document."""
    splits = {"count": 0}
    split = Table.split

    def counted(self: Table, width: float, height: float) -> list[Table]:
        splits["count"] += 1
        if splits["count"] > 2000:
            raise AssertionError("the layout loops: over 2,000 table splits")
        return split(self, width, height)  # type: ignore[no-any-return]

    monkeypatch.setattr(Table, "split", counted)
