"""The record table every tab uses: whole-row selection, read-only, columns sized to fit.

A ``QTableView`` shows a ``PagedTableModel``; a small ``QTableWidget`` (a panel's few rows)
is filled with :func:`fill_table`, each cell holding its record's id. Also the other pieces
of a window's layout that dialogs share: splitters, captioned widgets and a Close button Enter
does not press.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pbc_desktop.ui.common.columns import fit_columns, refit_columns
from pbc_desktop.ui.common.table_model import PagedTableModel

ID_ROLE = Qt.ItemDataRole.UserRole  # a QTableWidget cell's record id
T = TypeVar("T")
W = TypeVar("W", bound=QWidget)


def make_record_table(parent: QWidget, object_name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(object_name)
    style_record_table(table)
    return table


def style_record_table(table: QTableView) -> None:
    """Give ``table`` (e.g. one placed in a ``.ui`` form) the record table's behaviour."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)


def attach_model(table: QTableView, model: QAbstractItemModel) -> None:
    """Show ``model`` in ``table`` and fit the columns once the first rows arrive."""
    table.setModel(model)
    fit_columns(table)
    model.modelReset.connect(lambda: fit_columns(table))


def keep_sortable_indicator(table: QTableView, model: PagedTableModel[Any]) -> None:
    """Columns the service cannot sort by must not show a sort arrow.

    Clicking such a header puts the arrow back where it was when this was called or last moved.
    """
    header = table.horizontalHeader()
    sorted_by = (header.sortIndicatorSection(), header.sortIndicatorOrder())

    def keep(column: int, order: Qt.SortOrder) -> None:
        nonlocal sorted_by
        if model.is_sortable(column):
            sorted_by = (column, order)
            return
        header.blockSignals(True)
        header.setSortIndicator(*sorted_by)
        header.blockSignals(False)

    header.sortIndicatorChanged.connect(keep)


def selected_record(table: QTableView, model: PagedTableModel[T]) -> T | None:
    """The selected row (the view's current index alone can linger after a reload)."""
    selected = table.selectionModel().selectedRows()
    if not selected or selected[0].row() >= model.rowCount():
        return None
    return model.row_at(selected[0].row())


def select_record(table: QTableView, model: PagedTableModel[T], match: Callable[[T], bool]) -> bool:
    """Select and make current the first loaded row that ``match`` accepts."""
    row = model.find_row(match)
    if row < 0:
        return False
    table.selectRow(row)
    table.setCurrentIndex(model.index(row, 0))
    return True


def make_item_table(parent: QWidget | None, name: str, headers: Sequence[str]) -> QTableWidget:
    """A record table for a few rows filled by :func:`fill_table`."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    style_record_table(table)
    return table


def header_tips(table: QTableWidget, tips: dict[int, str]) -> None:
    """The whole text of short headers (by column) as their tooltips, where it differs
    from the header (a short English header; the Chinese translates both alike)."""
    for column, tip in tips.items():
        item = table.horizontalHeaderItem(column)
        if item is not None and item.text() != tip:
            item.setToolTip(tip)


def two_lines(text: str) -> str:
    """A header of several words (the English of a grade or a kind of meeting) broken at
    the space nearest its middle, about half as wide over its short numbers; a header
    without a space (the Chinese) is kept as it is."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda i: abs(2 * i - len(text)))
    return f"{text[:at]}\n{text[at + 1 :]}"


def fill_table(
    table: QTableWidget,
    rows: Sequence[tuple[int, Sequence[str]]],
    keep: int | None,
    right: Sequence[int] = (),
) -> None:
    """Show ``rows`` (id, cells); the row of ``keep`` stays selected, or none is.

    The columns in ``right`` (numbers) are aligned right.
    """
    table.setRowCount(len(rows))
    selected = -1
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setData(ID_ROLE, record_id)
            if len(text) > 20:  # a new item has none (setting "" on each took a third of
                cell.setToolTip(text)  # a second for the 三会一课 list of a district)
            if c in right:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)
        if record_id == keep:
            selected = r
    refit_columns(table)
    table.horizontalHeader().setStretchLastSection(True)
    if selected >= 0:
        table.selectRow(selected)
    else:
        table.clearSelection()


def selected_id(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    cell = table.item(rows[0].row(), 0)
    return int(cell.data(ID_ROLE)) if cell is not None else None


def select_id(table: QTableWidget, record_id: int) -> bool:
    for r in range(table.rowCount()):
        cell = table.item(r, 0)
        if cell is not None and cell.data(ID_ROLE) == record_id:
            table.selectRow(r)
            return True
    return False


def cell_widget(table: QTableWidget, row: int, column: int, kind: type[W]) -> W:
    """The editor set in a cell of an editable table (a bug when missing or of another kind)."""
    widget = table.cellWidget(row, column)
    assert isinstance(widget, kind)
    return widget


class _CellWidgetKeys(QObject):
    """See :func:`tab_through_cell_widgets`."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        table.currentCellChanged.connect(self._entered)

    def _entered(self, row: int, column: int, *_previous: int) -> None:
        widget: QWidget | None = self.table.cellWidget(row, column)  # None: a plain cell
        focus = self.table.window().focusWidget()
        inside = focus is self.table or (focus is not None and self.table.isAncestorOf(focus))
        if widget is None or not inside or not widget.isEnabled():
            if inside and focus is not self.table and widget is None:
                self.table.setFocus(Qt.FocusReason.TabFocusReason)  # out of a box, on a cell
            return
        if not isinstance(widget, QAbstractSpinBox):  # a date's Tab goes through its parts
            widget.removeEventFilter(self)
            widget.installEventFilter(self)
        widget.setFocus(Qt.FocusReason.TabFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        table = self.table
        back = event.key() == Qt.Key.Key_Backtab or bool(
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        cell = table.currentRow() * table.columnCount() + table.currentColumn()
        cell += -1 if back else 1
        if not 0 <= cell < table.rowCount() * table.columnCount():
            table.setFocus(Qt.FocusReason.TabFocusReason)
            return False  # the widget's own Tab: on to the next widget of the window
        table.setFocus(Qt.FocusReason.TabFocusReason)
        table.setCurrentCell(*divmod(cell, table.columnCount()))
        return True


def tab_through_cell_widgets(table: QTableWidget) -> None:
    """Tab goes through ``table``'s row cell by cell, its boxes (``setCellWidget``) among
    them: Tab from a cell onto a box gives the box the focus (its list opens with
    Alt+Down), and Tab or Shift+Tab in a box goes on to the next or previous cell. Without
    it Tab in a box went to the next box of the window, past the cells after it."""
    _CellWidgetKeys(table)


def cell_text(table: QTableWidget, row: int, column: int) -> str | None:
    """The text of a cell of an editable table; None when the cell has no item."""
    item = table.item(row, column)
    return item.text() if item else None


def make_splitter(
    parent: QWidget,
    name: str,
    orientation: Qt.Orientation,
    panes: Sequence[QWidget],
    stretch: Sequence[int] = (),
    *,
    collapsible: bool = False,
) -> QSplitter:
    """A splitter over ``panes`` with the stretch factors ``stretch`` (in pane order).

    ``name`` is its objectName, under which the main window remembers its sizes
    (docs/CONTRIBUTING.md); by default no pane can be dragged shut.
    """
    splitter = QSplitter(orientation, parent)
    splitter.setObjectName(name)
    for pane in panes:
        splitter.addWidget(pane)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setChildrenCollapsible(collapsible)
    return splitter


def add_captioned(row: QHBoxLayout, text: str, widget: QWidget, stretch: int = 0) -> QLabel:
    """Add to ``row`` a caption ``text`` (its accelerator, ``&Year:``, focuses ``widget``)
    and then ``widget`` (with ``stretch``); the caption is returned."""
    caption = QLabel(text, widget.parentWidget())
    caption.setBuddy(widget)
    row.addWidget(caption)
    row.addWidget(widget, stretch)
    return caption


def close_without_enter(
    buttons: QDialogButtonBox, dialog: QDialog, on_close: Callable[[], object] | None = None
) -> None:
    """The Close button of ``buttons`` closes ``dialog`` (as Escape does; ``on_close``, when
    given, does it: asking first about what is not saved), but Enter does not press it:
    Enter then saves, or searches."""
    buttons.rejected.connect(on_close or dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    if close is not None:
        close.setAutoDefault(False)


def enter_presses_nothing(dialog: QDialog) -> None:
    """No button of ``dialog`` is pressed by Enter: a window whose grid takes Enter (Enter
    past the last row reached the window, whose default button then filled the sheet or
    saved the district's rates without a word). Call once its buttons are made."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)


def ok_cancel_buttons(
    dialog: QDialog, on_cancel: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """A button box holding OK, which accepts ``dialog``, and Cancel, which rejects it
    (``on_cancel``, when given, does it: asking first about what is not saved)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(on_cancel or dialog.reject)
    return buttons


def close_buttons(dialog: QDialog) -> QDialogButtonBox:
    """A button box holding Close, which closes ``dialog`` (as Escape does)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons
