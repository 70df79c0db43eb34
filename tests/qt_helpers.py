"""Typing into widgets as a clerk does, message boxes that never open, the Alt letter of a
label, waiting for what a screen reads in the background, and reading or double-clicking
the rows of a table shown through a model, for the widget tests."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.worker import BackgroundLoad

T = TypeVar("T")


def wait_loaded(qtbot: QtBot, *loads: BackgroundLoad) -> None:
    """Wait until each of ``loads`` (read off the UI thread) has shown its latest request."""
    qtbot.waitUntil(lambda: not any(load.busy for load in loads), timeout=10_000)


def view_texts(table: QTableView, columns: int | None = None) -> list[list[str]]:
    """The texts of ``table``'s rows, as its model shows them (the first ``columns``)."""
    model = table.model()
    count = model.columnCount() if columns is None else columns
    return [
        [str(model.index(r, c).data() or "") for c in range(count)] for r in range(model.rowCount())
    ]


def view_headers(table: QTableView) -> list[str]:
    model = table.model()
    horizontal = Qt.Orientation.Horizontal
    return [str(model.headerData(c, horizontal)) for c in range(model.columnCount())]


def double_click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    """Double-click the first cell of ``row`` (scrolled into view), as a clerk does."""
    table.window().show()
    QApplication.processEvents()  # laid out: the rows are where they are drawn
    index = table.model().index(row, 0)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    # a double click is a click followed by a double-click event at the same place
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ASCII as key presses and Chinese as a committed input-method string.

    QTest cannot synthesise key presses for characters outside Latin-1, and Chinese is
    typed through an input method anyway.
    """
    target = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    assert target is not None
    target.setFocus()
    run = ""
    for i, ch in enumerate(text):
        run += ch
        last = i == len(text) - 1
        if last or ch.isascii() != text[i + 1].isascii():
            if run.isascii():
                qtbot.keyClicks(target, run)
            else:
                event = QInputMethodEvent("", [])
                event.setCommitString(run)
                QApplication.sendEvent(target, event)
            run = ""


class Boxes:
    """Records message boxes instead of showing them."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.confirm_answer = True
        #: the index of the choice :meth:`choose` answers (None: cancelled)
        self.choice: int | None = 0

    def warning(self, _parent: object, _title: str, text: str) -> None:
        self.shown.append(text)

    def confirm(self, _parent: object, _title: str, text: str) -> bool:
        self.shown.append(text)
        return self.confirm_answer

    def choose(
        self,
        _parent: object,
        _title: str,
        text: str,
        choices: Sequence[tuple[T, str]],
        *,
        detail: str = "",
    ) -> T | None:
        self.shown.append(text)
        return None if self.choice is None else choices[self.choice][0]


def stub_boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    """Route ``messages.warning``, ``information``, ``confirm`` and ``choose`` to a new
    :class:`Boxes`."""
    recorder = Boxes()
    monkeypatch.setattr(messages, "warning", recorder.warning)
    monkeypatch.setattr(messages, "information", recorder.warning)
    monkeypatch.setattr(messages, "confirm", recorder.confirm)
    monkeypatch.setattr(messages, "choose", recorder.choose)
    return recorder


def sign_ins_as_tester(monkeypatch: pytest.MonkeyPatch) -> None:
    """A database the window opens (File → Open, New) is signed in to as the test's
    administrator without the dialog (the dialogs themselves: ``test_sign_in_ui``)."""
    from pbc_desktop.db.engine import Database
    from pbc_desktop.domain.accounts import Actor
    from pbc_desktop.services.accounts.sign_in import sign_in
    from tests.conftest import TEST_ADMIN, TEST_PASSWORD

    def as_tester(db: Database, _parent: QWidget | None = None, **_options: object) -> Actor:
        db.user = sign_in(db, TEST_ADMIN, TEST_PASSWORD).actor
        return db.user

    monkeypatch.setattr("pbc_desktop.ui.accounts.session.sign_in_to", as_tester)


def accelerator(text: str) -> str | None:
    """The Alt letter of a label (``&N`` in ``&New`` or ``新建(&N)``; ``&&`` is a plain ``&``),
    upper-case; None when it has none."""
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


@dataclass
class DiscardQuestion:
    """Stands for ``messages.discard_changes`` (the ``discard_question`` fixture of the
    widget tests): ``answer`` True to discard, False to keep editing, None when the
    question is not expected (it then fails the test instead of waiting for a click)."""

    answer: bool | None = None
    asked: list[QWidget] = field(default_factory=list)

    def __call__(self, parent: QWidget) -> bool:
        self.asked.append(parent)
        if self.answer is None:
            raise AssertionError(f"{type(parent).__name__} unexpectedly asked to discard")
        return self.answer
