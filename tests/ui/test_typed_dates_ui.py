"""Dates typed from the keyboard into a date field: 2025-3-1, 2025/3/1, 2025.3.1, 20250301."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from pbc_desktop import lang
from pbc_desktop.ui.common.dates import (
    NO_DATE,
    DateEdit,
    date_of,
    optional_date_edit,
    refused_date,
)

# A refusal is said in a tooltip bubble, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")

START = QDate(2020, 1, 1)


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, DateEdit, QLineEdit]:
    """A date field (showing 2020-01-01) and another field to move to."""
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    edit = DateEdit(widget)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(START)
    other = QLineEdit(widget)
    layout.addWidget(edit)
    layout.addWidget(other)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, edit, other


def type_date(
    qtbot: QtBot, edit: DateEdit, text: str, *, finish: Qt.Key = Qt.Key.Key_Return
) -> None:
    """Select what the field shows, type ``text`` over it and press ``finish``."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    assert edit.lineEdit().text() == text  # the field took every key as typed
    qtbot.keyClick(edit, finish)


@pytest.mark.parametrize("typed", ["2025-3-1", "2025-03-01", "2025/3/1", "2025.3.1", "20250301"])
def test_a_typed_date_is_taken_and_shown_in_the_field_format(
    qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit], typed: str
) -> None:
    _widget, edit, _other = form
    type_date(qtbot, edit, typed)
    assert edit.date() == QDate(2025, 3, 1)
    assert edit.lineEdit().text() == "2025-03-01"
    assert edit.problem is None


def test_a_typed_date_is_taken_when_the_field_is_left(
    qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit]
) -> None:
    _widget, edit, other = form
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2024.12.31")
    assert edit.date() == START  # not while typing
    other.setFocus()
    assert edit.date() == QDate(2024, 12, 31)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2025-2-30", "“2025-2-30”这一天不存在，请检查月份和日期。"),
        ("20251301", "“20251301”这一天不存在，请检查月份和日期。"),
        (
            "2025-3",
            "“2025-3”缺少日，请写成 2025-03-01、2025-3-1、2025/3/1、2025.3.1 或 20250301。",
        ),
        (
            "2025--1",
            "“2025--1”不是日期，请写成 2025-03-01、2025-3-1、2025/3/1、2025.3.1 或 20250301。",
        ),
        # a year no date field takes: the years are named (as by the command line)
        ("2101-3-1", "“2101-3-1”超出了可填的年份：日期应在1900年至2100年之间。"),
        ("18991231", "“18991231”超出了可填的年份：日期应在1900年至2100年之间。"),
    ],
)
def test_an_impossible_or_unreadable_date_is_refused_with_a_sentence(
    qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit], typed: str, message: str
) -> None:
    _widget, edit, _other = form
    with qtbot.waitSignal(edit.refused, timeout=1000) as said:
        type_date(qtbot, edit, typed)
    assert said.args == [message]
    assert edit.problem == message
    assert edit.date() == START  # the field keeps its date
    assert edit.lineEdit().text() == "2020-01-01"
    type_date(qtbot, edit, "2025-2-28")  # a date taken clears the problem
    assert (edit.date(), edit.problem) == (QDate(2025, 2, 28), None)


def test_letters_are_not_typed_into_a_date_field(
    qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit]
) -> None:
    _widget, edit, _other = form
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "20x25")
    assert "x" not in edit.lineEdit().text()


def test_a_date_after_the_fields_last_day_is_refused(
    qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit]
) -> None:
    _widget, edit, _other = form
    edit.setMaximumDate(QDate(2026, 12, 5))
    type_date(qtbot, edit, "2026.12.6")
    assert edit.problem == "“2026.12.6”晚于这里能填的最后一天 2026-12-05。"
    assert edit.date() == START


def test_messages_in_english(qtbot: QtBot, form: tuple[QWidget, DateEdit, QLineEdit]) -> None:
    lang.set_language("en")
    _widget, edit, _other = form
    type_date(qtbot, edit, "2025.2.29")
    assert edit.problem == "“2025.2.29” is not a real date; check the month and the day."
    type_date(qtbot, edit, "2101.1.1")
    assert edit.problem == "“2101.1.1” is out of range: expected a date from 1900 to 2100."


def test_an_optional_date_is_typed_or_cleared(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = optional_date_edit(None, parent)
    parent.show()
    qtbot.waitExposed(parent)
    assert date_of(edit) is None
    type_date(qtbot, edit, "2023-7-15")
    assert date_of(edit) == date(2023, 7, 15)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert date_of(edit) is None
    assert edit.date() == NO_DATE
    assert refused_date(parent) is None
