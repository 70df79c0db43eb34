"""``ui.common.rows_table``: rows already read shown without an item per cell, measured as
Qt measures them, refilled as a ``QTableWidget`` is (selection, scrolling, widths kept)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from pbc_desktop.ui.common.columns import refit_columns
from pbc_desktop.ui.common.rows_table import RowsTable, long_text
from pbc_desktop.ui.common.table_model import Column
from tests.qt_helpers import view_headers, view_texts


@dataclass(frozen=True)
class Line:
    id: int
    name: str
    days: int


COLUMNS = [
    Column("Name", lambda r: r.name, tooltip=lambda r: long_text(4)(r.name)),
    Column(
        "Days",
        lambda r: f"{r.days} days",
        align_right=True,
        foreground=lambda r: "#c0392b" if r.days > 0 else None,
    ),
]


def lines(count: int, wide: dict[int, str] | None = None) -> list[Line]:
    names = {i: f"甲{i % 7}村党支部" for i in range(count)} | (wide or {})
    return [Line(i, names[i], i % 5 - 2) for i in range(count)]


def table_of(qtbot: QtBot, rows: list[Line]) -> RowsTable[Line]:
    table: RowsTable[Line] = RowsTable(None, "testRows", COLUMNS)
    qtbot.addWidget(table)
    table.rows_model.show(rows)
    table.resize(400, 300)
    return table


def test_the_cells_say_what_the_columns_say(qtbot: QtBot) -> None:
    table = table_of(qtbot, [Line(1, "甲村党支部", 3), Line(2, "乙村", -4)])
    assert table.objectName() == "testRows"
    assert view_headers(table) == ["Name", "Days"]
    assert view_texts(table) == [["甲村党支部", "3 days"], ["乙村", "-4 days"]]
    model = table.model()
    overdue, due = model.index(0, 1), model.index(1, 1)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert due.data(Qt.ItemDataRole.ForegroundRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert overdue.data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    # a column's own tooltip alone: a long name, none for a short one or the days
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "甲村党支部"
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) is None
    flags = model.flags(overdue)
    assert flags & Qt.ItemFlag.ItemIsSelectable and not flags & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize("shown", [False, True])
def test_the_columns_are_as_wide_as_qt_measures_them(qtbot: QtBot, shown: bool) -> None:
    """Qt measures 1,000 rows around those in view; the table measures the widest texts of
    those same rows: a wider name beyond them is not measured, as before."""
    wide = {
        3: "中" * 12,
        700: "W" * 30 + "中",  # Latin wider than a Chinese name of more characters
        1500: "中" * 40,  # beyond the rows Qt measures while the top is in view
        2400: "i" * 60,
    }
    table = table_of(qtbot, lines(2500, wide))
    if shown:
        table.show()
        qtbot.waitExposed(table)
    for scrolled in (0, 1800, 2499):
        table.scrollTo(table.model().index(scrolled, 0))
        for column in range(2):
            assert table.sizeHintForColumn(column) == QTableView.sizeHintForColumn(table, column)
    header = table.horizontalHeader()
    for precision in (-1, 0, 5):
        header.setResizeContentsPrecision(precision)
        assert table.sizeHintForColumn(0) == QTableView.sizeHintForColumn(table, 0)


def test_refilled_the_selection_scrolling_and_widths_stay(qtbot: QtBot) -> None:
    """As a ``QTableWidget`` given new texts: the caller reselects; a model reset put the
    columns back at Qt's default width, the last one measured at it."""
    table = table_of(qtbot, lines(300))
    table.show()
    qtbot.waitExposed(table)
    refit_columns(table)
    widths = [table.columnWidth(c) for c in range(2)]
    table.selectRow(150)
    table.scrollTo(table.model().index(150, 0))
    scrolled = table.verticalScrollBar().value()
    table.rows_model.show(lines(300))
    assert table.selected() == lines(300)[150]
    assert table.verticalScrollBar().value() == scrolled
    assert [table.columnWidth(c) for c in range(2)] == widths
    table.rows_model.show(lines(10))  # fewer: those beyond are taken away
    # the selected row gone, the last one left is, as in a QTableWidget (callers reselect)
    assert table.model().rowCount() == 10 and table.selected() == lines(10)[9]
    table.rows_model.show(lines(20), [COLUMNS[1]])  # other columns
    assert view_headers(table) == ["Days"] and view_texts(table)[0] == ["-2 days"]
    table.rows_model.show([], COLUMNS)
    assert table.model().rowCount() == 0 and view_headers(table) == ["Name", "Days"]


def test_a_record_is_selected_by_what_it_holds(qtbot: QtBot) -> None:
    table = table_of(qtbot, lines(30))
    assert table.selected() is None
    assert table.select_where(lambda r: r.id == 12)
    assert table.selected() == lines(30)[12] and table.currentIndex().row() == 12
    assert not table.select_where(lambda r: r.id == 99)
    assert table.selected() == lines(30)[12]
