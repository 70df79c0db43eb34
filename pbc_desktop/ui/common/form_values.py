"""What a form holds, read from its widgets: to tell whether the clerk changed anything.

A record dialog compares :func:`entered_values` taken when it was shown with the values
now before dropping them (Esc, 取消, the title bar's ×: ``FormDialog.cancel``). Read
generically, so that every form is covered as it is and as it grows: each field's text,
choice, tick or value, and the rows of its lists and tables (their texts and ticks).
Widgets that only help to find something (a search line, its results) are no input: a
dialog marks them with :func:`not_entered`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_NOT_ENTERED = "pbcNotEntered"
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole)


def not_entered(*widgets: QWidget) -> None:
    """Leave ``widgets`` (and what they hold) out of :func:`entered_values`: a search line,
    the list of what it found, a list to choose from; what the clerk does there changes
    nothing that would be saved."""
    for widget in widgets:
        widget.setProperty(_NOT_ENTERED, True)


def entered_values(root: QWidget) -> dict[object, object]:
    """The values of the input widgets under ``root`` (not inside its own windows), by
    widget (not in their order, which a page turned to the front changes): equal ones
    mean nothing was changed."""
    values: dict[object, object] = {}
    _collect(root, values)
    return values


def _collect(parent: QObject, values: dict[object, object]) -> None:
    for child in parent.children():
        if not isinstance(child, QWidget) or child.isWindow() or child.property(_NOT_ENTERED):
            continue
        value = _value(child)
        if value is not None:
            values[child] = value
        if not _whole(child):
            _collect(child, values)


def _whole(widget: QWidget) -> bool:
    """Whether ``widget``'s value says all of it: its parts (a spin box's line, a combo's
    list, a calendar's month view) are not read on their own."""
    return isinstance(
        widget,
        QAbstractSpinBox
        | QComboBox
        | QLineEdit
        | QCalendarWidget
        | QAbstractButton
        | QPlainTextEdit
        | QTextEdit,
    )


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit | QAbstractSpinBox):
        return widget.text()  # a spin box's or date field's text: also what is being typed
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QCalendarWidget):
        return widget.selectedDate()
    if isinstance(widget, QAbstractButton | QGroupBox):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QAbstractItemView):
        return _rows(widget)
    return None


def _rows(view: QAbstractItemView) -> tuple[object, ...]:
    """The texts and ticks of a list's or table's rows (their top level)."""
    model = view.model()
    # a list's model hides its column count (it has one)
    columns = range(1 if isinstance(model, QAbstractListModel) else model.columnCount())
    return tuple(
        model.data(model.index(row, column), role)
        for row in range(model.rowCount())
        for column in columns
        for role in _ROLES
    )
