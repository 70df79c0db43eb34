"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 takes a reference off ``None`` on every call that returns nothing; on
Python 3.11 (where ``None`` is not immortal) the program aborts after a few thousand
calls. pyproject.toml excludes that release; this test catches the next one like it.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    combo = QComboBox()
    qtbot.addWidget(label)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("党员")
        combo.addItem("x", None)
        combo.itemData(0)
    combo.clear()
    assert abs(sys.getrefcount(None) - before) < 50
