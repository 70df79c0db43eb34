"""Message boxes and field highlighting, in one place so tests can stub them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from pbc_desktop.errors import UserError, ValidationError

_ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


def warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    warning(parent, QCoreApplication.translate("Messages", "Cannot do that"), error.message)


def mark_fields(widgets: Mapping[str, QWidget], error: ValidationError | None) -> None:
    """Outline the widgets of the fields named in ``error`` and focus the first one."""
    bad = set(error.fields()) if error else set()
    first: QWidget | None = None
    for name, widget in widgets.items():
        if name in bad:
            widget.setStyleSheet(_ERROR_STYLE)
            widget.setToolTip(
                "\n".join(e.message for e in error.errors if e.field == name) if error else ""
            )
            if first is None:
                first = widget
        else:
            widget.setStyleSheet("")
            widget.setToolTip("")
    if first is not None:
        first.setFocus()
