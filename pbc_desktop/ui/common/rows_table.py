"""A record table for rows already read (off the UI thread), however many: a district's
2,800 reminders, its 1,500 branches.

A ``QTableWidget`` filled with :func:`views.fill_table` makes an item per cell on the UI
thread (70–100 ms for those lists on an old PC); :class:`RowsModel` holds the rows as
read and makes each cell's text when the view asks for it (the rows in view). Its columns
are :class:`table_model.Column`\\ s, as a paged table's: the header, the text, right
alignment, the tooltip, the colour, the fewest characters kept in a narrow table.

Qt measures a column's width by asking the model for every role of 1,000 of its rows, a
call into Python each (30,000 calls, 50 ms for the reminders): :class:`RowsTable`
measures, among those rows, only those of its column's widest texts, as Qt measures each
(the same widths, in a few milliseconds).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget

from pbc_desktop.ui.common.table_model import Column
from pbc_desktop.ui.common.views import style_record_table

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex

#: How many of a column's texts (the widest by their characters) are measured for its width.
MEASURED_TEXTS = 64

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def long_text(limit: int) -> Callable[[str], str | None]:
    """A tooltip of a text longer than ``limit`` characters: the text (it may be elided)."""
    return lambda text: text if len(text) > limit else None


def _width_guess(text: str) -> int:
    """A text's width in half-em, roughly: two for a Chinese character, one for a Latin
    one (UTF-8 spends three bytes on the one and one on the other)."""
    return len(text) + len(text.encode())


class RowsModel(QAbstractTableModel, Generic[T]):
    """Read-only rows held whole (no fetching, no sorting: they come in their order).

    A column's tooltip is its own ``tooltip`` alone (a paged table's default, a text
    longer than a few characters, is not assumed)."""

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def show(self, rows: Sequence[T], columns: Sequence[Column[T]] | None = None) -> None:
        """Show ``rows`` (and ``columns``, when given) in place of those shown.

        As a ``QTableWidget`` given as many rows and new texts (``views.fill_table``), not
        as a model reset: the rows (and columns) beyond those shown before are added, those
        beyond the new ones taken away, the rest changed in place. The columns' widths,
        the row selected and the scrolling stay as they were until the caller changes them
        (after a reset the header's sections were back at Qt's default width until its
        next layout, and the last column was measured at it)."""
        if columns is not None:
            self._set_columns(list(columns))
        new, old = list(rows), len(self._rows)
        if len(new) < old:
            self.beginRemoveRows(QModelIndex(), len(new), old - 1)
            self._rows = new
            self.endRemoveRows()
        elif len(new) > old:
            self.beginInsertRows(QModelIndex(), old, len(new) - 1)
            self._rows = new
            self.endInsertRows()
        self._rows = new
        if new and self._columns:
            last = self.index(len(new) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _set_columns(self, columns: list[Column[T]]) -> None:
        old = len(self._columns)
        if len(columns) < old:
            self.beginRemoveColumns(QModelIndex(), len(columns), old - 1)
            self._columns = columns
            self.endRemoveColumns()
        elif len(columns) > old:
            self.beginInsertColumns(QModelIndex(), old, len(columns) - 1)
            self._columns = columns
            self.endInsertColumns()
        self._columns = columns
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def find_row(self, predicate: Callable[[T], bool]) -> int:
        for i, item in enumerate(self._rows):
            if predicate(item):
                return i
        return -1

    def text(self, row: int, column: int) -> str:
        value = self._columns[column].value(self._rows[row])
        return "" if value is None else str(value)

    def widest_rows(
        self, column: int, among: range | None = None, count: int = MEASURED_TEXTS
    ) -> list[int]:
        """The rows (``among`` those, or all) of the ``count`` texts of ``column``
        likeliest to be the widest (by their characters, :func:`_width_guess`), one row
        for each text."""
        value = self._columns[column].value
        rows = self._rows
        first: dict[str, int] = {}
        for i in among if among is not None else range(len(rows)):
            shown = value(rows[i])
            first.setdefault("" if shown is None else str(shown), i)
        return [first[t] for t in heapq.nlargest(count, first, key=_width_guess)]

    def min_chars(self, column: int) -> int:
        """The fewest characters column ``column`` keeps in a narrow table (0: default)."""
        return self._columns[column].min_chars if 0 <= column < len(self._columns) else 0

    def drop_order(self, column: int) -> int:
        """How early column ``column`` is left out of a table too narrow for all (0: never)."""
        return self._columns[column].drop if 0 <= column < len(self._columns) else 0

    # -- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == _DISPLAY:
            return column.header
        if role == _TOOLTIP and column.header_tip != column.header:
            return column.header_tip
        return None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # asked for each role of each cell painted: the common answers first
        if role == _DISPLAY:
            value = self._columns[index.column()].value(self._rows[index.row()])
            return "" if value is None else str(value)
        column = self._columns[index.column()]
        if role == _FOREGROUND:
            if column.foreground is None:
                return None
            color = column.foreground(self._rows[index.row()])
            return QBrush(QColor(color)) if color else None
        if role == _ALIGN:
            return _RIGHT if column.align_right else None
        if role == _TOOLTIP and column.tooltip is not None:
            return column.tooltip(self._rows[index.row()])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowsTable(QTableView, Generic[T]):
    """A record table (``views.style_record_table``) showing a :class:`RowsModel`."""

    def __init__(
        self, parent: QWidget | None, name: str, columns: Sequence[Column[T]] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        style_record_table(self)
        self.rows_model: RowsModel[T] = RowsModel(columns, self)
        self.setModel(self.rows_model)

    def selected(self) -> T | None:
        """The selected row's record (None: none selected)."""
        selected = self.selectionModel().selectedRows()
        if not selected or selected[0].row() >= self.rows_model.rowCount():
            return None
        return self.rows_model.row_at(selected[0].row())

    def select_where(self, match: Callable[[T], bool]) -> bool:
        """Select (and make current) the first row ``match`` accepts; False: none does."""
        row = self.rows_model.find_row(match)
        if row < 0:
            return False
        self.selectRow(row)
        return True

    def measured_rows(self) -> range:
        """The rows Qt's own ``QTableView.sizeHintForColumn`` measures (none hidden): from
        the first row in view, those in view, then one above and one below in turn, up to
        the header's ``resizeContentsPrecision`` (1,000 rows unless set; below 0: all)."""
        count = self.rows_model.rowCount()
        limit = self.horizontalHeader().resizeContentsPrecision()
        header = self.verticalHeader()
        top = max(0, header.visualIndexAt(0))
        bottom = header.visualIndexAt(self.viewport().height())
        if not self.isVisible() or bottom == -1:
            bottom = count - 1
        if limit <= 0:  # 0: the rows in view
            return range(count) if limit < 0 else range(top, bottom + 1)
        low, high = top, min(bottom, top + limit - 1)
        done = high - low + 1
        while done < limit and (low > 0 or high < count - 1):
            if (done % 2 and low > 0) or high == count - 1:
                low -= 1
            else:
                high += 1
            done += 1
        return range(low, high + 1)

    def sizeHintForColumn(self, column: int) -> int:
        """As Qt's (the width its delegate asks for the widest cell of the rows it
        measures, and the grid's line), measuring the rows of the widest texts alone (see
        the module's text)."""
        model = self.rows_model
        if model.rowCount() == 0 or not 0 <= column < model.columnCount():
            return super().sizeHintForColumn(column)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        hint = 0
        for row in model.widest_rows(column, self.measured_rows()):
            index = model.index(row, column)
            hint = max(hint, self.itemDelegateForIndex(index).sizeHint(option, index).width())
        return hint + 1 if self.showGrid() else hint
