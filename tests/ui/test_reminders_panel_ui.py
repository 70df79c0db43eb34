"""The 到期提醒 panel's list: what each line says and how, and opening a line (double-click,
Enter) once."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.services import reminders
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.reminders_panel import OVERDUE_COLOUR, RemindersPanel
from tests.qt_helpers import double_click_row, view_headers, view_texts, wait_loaded

TODAY = date(2026, 6, 15)
FILTERS = (("community_id", 7), ("kind", "theme_party_day"))
LATE = Reminder(
    ReminderArea.ACTIVITIES,
    "和平社区共同体",
    ("甲镇",),
    "主题党日：3个月未开展",
    date(2026, 6, 5),
    10,
    "activities",
    FILTERS,
)
SOON = Reminder(ReminderArea.TERMS, "甲村党支部", ("甲镇",), "换届：第3届任期届满", TODAY, -3)


@pytest.fixture
def panel(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> RemindersPanel:
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)
    monkeypatch.setattr(reminders, "collect", lambda *_a, **_k: [LATE, SOON])
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    panel.resize(480, 400)
    wait_loaded(qtbot, panel.load)
    return panel


def test_each_line_says_its_area_subject_what_and_days(panel: RemindersPanel) -> None:
    table = panel.table
    assert table.objectName() == "overviewRemindersTable"
    assert view_headers(table) == ["Area", "Subject", "What", "Due"]
    assert view_texts(table) == [
        ["共同体活动", "和平社区共同体", "主题党日：3个月未开展", "10 days overdue"],
        ["换届", "甲村党支部", "换届：第3届任期届满", "in 3 days"],
    ]
    assert panel.title.text() == "Reminders: 2 (1 overdue)"
    model = table.model()
    late, soon = model.index(0, 3), model.index(1, 3)
    # the days overdue in red, right-aligned; the due date in their tooltip
    assert late.data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOUR
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert late.data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert late.data(Qt.ItemDataRole.ToolTipRole) == "Due on 2026-06-05"
    assert soon.data(Qt.ItemDataRole.ToolTipRole) == "Due on 2026-06-15"
    # what is due, often elided, whole in its tooltip; the area and subject have none
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) == "换届：第3届任期届满"
    tips = [model.index(0, c).data(Qt.ItemDataRole.ToolTipRole) for c in (0, 1)]
    assert tips == [None, None]
    assert "Double-click" in table.toolTip()


def test_a_double_click_opens_the_line_once(qtbot: QtBot, panel: RemindersPanel) -> None:
    """A double-click also activates the line: with both signals heard, each line opened
    twice over (a fee sheet read twice, a window raised that had just opened)."""
    opened: list[tuple[str, dict[str, object]]] = []
    panel.navigate.connect(lambda tab, filters: opened.append((tab, filters)))
    double_click_row(qtbot, panel.table, 0)
    assert opened == [("activities", dict(FILTERS))]


def test_enter_opens_the_current_line(qtbot: QtBot, panel: RemindersPanel) -> None:
    opened: list[str] = []
    panel.navigate.connect(lambda tab, _filters: opened.append(tab))
    panel.show()
    qtbot.waitExposed(panel)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened == ["activities"]


def test_a_new_list_replaces_the_old_one(
    qtbot: QtBot, panel: RemindersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reminders, "collect", lambda *_a, **_k: [SOON])
    panel.set_town("甲镇")
    wait_loaded(qtbot, panel.load)
    assert view_texts(panel.table, 2) == [["换届", "甲村党支部"]]
    assert panel.title.text() == "Reminders: 1 (0 overdue)"


def fees_of(month: date, members: int) -> Reminder:
    """A branch's fee reminder as of ``month`` (the month ended last)."""
    return Reminder(
        ReminderArea.FEES,
        "甲村党支部",
        ("甲镇",),
        f"党费：{members}人欠缴",
        date(month.year, month.month, 28),
        1,
        "fees",
        (("organization_id", 3), ("month", month)),
    )


def test_the_selection_stays_on_a_fee_reminder_a_month_on(
    qtbot: QtBot, panel: RemindersPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refresh after midnight on the 1st: the branch's arrears as of the month just
    ended are the reminder selected as of the month before."""
    monkeypatch.setattr(
        reminders, "collect", lambda *_a, **_k: [LATE, fees_of(date(2026, 5, 1), 2)]
    )
    panel.refresh()
    wait_loaded(qtbot, panel.load)
    panel.table.selectRow(1)
    monkeypatch.setattr(
        reminders, "collect", lambda *_a, **_k: [fees_of(date(2026, 6, 1), 3), LATE]
    )
    panel.refresh()
    wait_loaded(qtbot, panel.load)
    selected = panel.table.selected()
    assert selected is not None and selected.what == "党费：3人欠缴"
