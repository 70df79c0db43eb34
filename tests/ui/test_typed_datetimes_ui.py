"""Dates with a time typed from the keyboard into a date-and-time field (the activity's start
and end): 2026-3-5 14:30, 2026.3.5 9:00, 20260305 0900, 2026年3月5日 14时30分."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.ui.activities.dialog import ActivityDialog
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import DateEdit, DateTimeEdit, refused_date
from tests.factories import make_community, make_orgs
from tests.qt_helpers import type_text

# A refusal is said in a tooltip bubble, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")

START = QDateTime(QDate(2020, 1, 1), QTime(8, 15))


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, DateTimeEdit]:
    """A date-and-time field (showing 2020-01-01 08:15) and another field to move to."""
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    edit = DateTimeEdit(widget)
    edit.setDateTime(START)
    layout.addWidget(edit)
    layout.addWidget(QLineEdit(widget))
    widget.show()
    qtbot.waitExposed(widget)
    return widget, edit  # the test holds the form


def type_moment(
    qtbot: QtBot, edit: DateTimeEdit | DateEdit, text: str, finish: Qt.Key = Qt.Key.Key_Return
) -> None:
    """Type ``text`` over the field's value and press ``finish`` (in a dialog, Tab: Enter
    there saves the dialog, as in any of its fields)."""
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)  # 年, 月, 日, 时 and 分 come from the input method
    assert edit.lineEdit().text() == text  # the field took every key as typed
    qtbot.keyClick(edit, finish)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2026-3-5 14:30", "2026-03-05 14:30"),
        ("2026.3.5 9:00", "2026-03-05 09:00"),
        ("20260305 0900", "2026-03-05 09:00"),
        ("2026年3月5日 14时30分", "2026-03-05 14:30"),
        ("2026年3月5日14点半", "2026-03-05 14:30"),
        ("2026-3-5", "2026-03-05 08:15"),  # a date alone keeps the time of day
    ],
)
def test_a_typed_date_and_time_is_taken(
    qtbot: QtBot, form: tuple[QWidget, DateTimeEdit], typed: str, shown: str
) -> None:
    _widget, field = form
    type_moment(qtbot, field, typed)
    assert field.lineEdit().text() == shown
    assert field.problem is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-3-5 25:00", "“2026-3-5 25:00”这个日期或时间不存在，请检查月、日、时、分。"),
        ("2026-2-30 9:00", "“2026-2-30 9:00”这个日期或时间不存在，请检查月、日、时、分。"),
        (
            "2026-3 9:00",
            "“2026-3 9:00”不是日期和时间，请写成 2026-03-05 14:30、2026.3.5 9:00、"
            "20260305 0900 或 2026年3月5日14时30分。",
        ),
        ("2101-3-5 9:00", "“2101-3-5 9:00”超出了可填的年份：日期应在1900年至2100年之间。"),
    ],
)
def test_a_bad_date_and_time_is_refused_with_a_sentence(
    qtbot: QtBot, form: tuple[QWidget, DateTimeEdit], typed: str, message: str
) -> None:
    _widget, field = form
    with qtbot.waitSignal(field.refused, timeout=1000) as said:
        type_moment(qtbot, field, typed)
    assert said.args == [message]
    assert field.problem == message
    assert field.dateTime() == START  # the field keeps its value
    type_moment(qtbot, field, "2026-3-5 14:30")  # a value taken clears the problem
    assert field.problem is None


def test_letters_are_not_typed(qtbot: QtBot, form: tuple[QWidget, DateTimeEdit]) -> None:
    _widget, field = form
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2026x")
    assert "x" not in field.lineEdit().text()


def test_the_activity_dialog_takes_typed_times_and_refuses_a_bad_one(
    qtbot: QtBot, db: Database
) -> None:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    dialog = ActivityDialog(AppContext(db), community_id=make_community(db, "甲乙共同体", [a, b]))
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert isinstance(ui.startEdit, DateTimeEdit) and isinstance(ui.endEdit, DateTimeEdit)
    type_text(qtbot, ui.titleEdit, "主题党日")
    type_moment(qtbot, ui.startEdit, "2026年3月5日 14时30分", Qt.Key.Key_Tab)
    ui.endCheck.setChecked(True)
    ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    ui.endEdit.setFocus()
    ui.endEdit.selectAll()
    qtbot.keyClicks(ui.endEdit, "2026-3-5 16:75")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # OK while the bad time is typed
    assert dialog.isVisible()
    assert ui.errorLabel.text() == "“2026-3-5 16:75”这个日期或时间不存在，请检查月、日、时、分。"
    assert refused_date(dialog) is ui.endEdit
    with db.read() as s:
        assert s.scalars(select(Activity)).first() is None
    type_moment(qtbot, ui.endEdit, "20260305 1630", Qt.Key.Key_Tab)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    detail = get_activity_detail(db, saved.args[0])
    assert (detail.starts_at, detail.ends_at) == (
        datetime(2026, 3, 5, 14, 30),
        datetime(2026, 3, 5, 16, 30),
    )
