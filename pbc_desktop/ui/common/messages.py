"""Message boxes and field highlighting, in one place so tests can stub them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QTabWidget, QWidget

from pbc_desktop.errors import UserError, ValidationError

T = TypeVar("T")

_ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


def error_line(parent: QWidget, name: str) -> QLabel:
    """A red line saying why something typed was refused (hidden until it says so)."""
    line = QLabel(parent)
    line.setObjectName(name)
    line.setStyleSheet("color: #c0392b; font-weight: bold;")
    line.setWordWrap(True)
    line.hide()
    return line


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


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[tuple[T, str]],
    *,
    detail: str = "",
) -> T | None:
    """Which of ``choices`` (value, the button's text), asked as a question ``text`` with
    ``detail`` below it; the first is the default, None when cancelled (取消, Esc, ×)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent
    )
    if detail:
        box.setInformativeText(detail)
    buttons = [
        (box.addButton(label, QMessageBox.ButtonRole.AcceptRole), value) for value, label in choices
    ]
    if buttons:
        box.setDefaultButton(buttons[0][0])
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((value for button, value in buttons if button is clicked), None)


def discard_changes(parent: QWidget) -> bool:
    """Whether to close the form ``parent`` and drop what the clerk changed in it (asked on
    Esc, 取消 or the title bar's ×); 继续编辑 is the default, so a stray Enter keeps it."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        parent.windowTitle(),
        QCoreApplication.translate("Messages", "Discard the changes you made?"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton(
        QCoreApplication.translate("Messages", "Discard changes"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("Messages", "Keep editing"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    warning(parent, QCoreApplication.translate("Messages", "Cannot do that"), error.message)


def guarded(parent: QWidget | None, work: Callable[[], object]) -> bool:
    """Run ``work`` (a service call); when it is refused (a ``UserError``), say why over
    ``parent`` instead of failing. True when it went through."""
    try:
        work()
    except UserError as error:
        show_user_error(parent, error)
        return False
    return True


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


def show_page_of(tabs: QTabWidget, widget: QWidget) -> None:
    """Turn ``tabs`` to the page that holds ``widget``."""
    for index in range(tabs.count()):
        page = tabs.widget(index)
        if page is not None and (page is widget or page.isAncestorOf(widget)):
            tabs.setCurrentIndex(index)
            return


def show_form_error(
    error_label: QLabel,
    widgets: Mapping[str, QWidget],
    error: UserError | None,
    tabs: QTabWidget | None = None,
) -> None:
    """Say in ``error_label`` why a form was refused (``None`` clears it) and mark the fields.

    With ``tabs``, first turn to the page of the first marked field.
    """
    error_label.setText(error.message if error else "")
    error_label.setVisible(error is not None)
    invalid = error if isinstance(error, ValidationError) else None
    if invalid is not None and tabs is not None:
        first = next((f for f in invalid.fields() if f in widgets), None)
        if first is not None:
            show_page_of(tabs, widgets[first])
    mark_fields(widgets, invalid)
