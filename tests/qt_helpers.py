"""Typing into widgets as a clerk does, for the widget tests."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot


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
