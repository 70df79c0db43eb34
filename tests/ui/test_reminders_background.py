"""The 到期提醒 panel collects its list off the UI thread (a district's take seconds)."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.errors import UserError
from pbc_desktop.services import reminders
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel
from tests.qt_helpers import view_texts

TODAY = date(2026, 6, 15)
ONE = Reminder(ReminderArea.TERMS, "甲村党支部", ("甲镇",), "换届：第3届任期届满", TODAY, 3)


@pytest.fixture(autouse=True)
def in_background(loads_in_background: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)


def test_the_window_answers_while_the_reminders_are_collected(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    threads: list[str] = []

    def slow(_db: Database, _today: date, _town: str | None = None) -> list[Reminder]:
        threads.append(threading.current_thread().name)
        release.wait(10)
        return [ONE]

    monkeypatch.setattr(reminders, "collect", slow)
    panel = RemindersPanel(AppContext(db))  # returns at once: the list is being collected
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads != [threading.main_thread().name]
    assert panel.table.model().rowCount() == 0 and "条" not in panel.title.text()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        release.set()
    assert panel.rows == [ONE]
    assert view_texts(panel.table)[0][1] == "甲村党支部"
    assert "1" in panel.title.text()


def test_only_the_latest_refresh_is_shown(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gates = [threading.Event(), threading.Event()]
    answers = [[ONE, ONE], [ONE]]
    calls: list[str | None] = []

    def collect(_db: Database, _today: date, town: str | None = None) -> list[Reminder]:
        n = len(calls)
        calls.append(town)
        gates[n].wait(10)
        return answers[n]

    monkeypatch.setattr(reminders, "collect", collect)
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(calls) == 1)
    panel.set_town("甲镇")  # a second refresh before the first has come back
    gates[0].set()  # the first, older answer arrives: it is dropped, the second is read
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert calls == [None, "甲镇"]
    assert panel.rows == [] and panel.table.model().rowCount() == 0
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        gates[1].set()
    qtbot.wait(200)
    assert panel.rows == [ONE]
    assert panel.table.model().rowCount() == 1


def test_a_refusal_while_collecting_is_said_in_the_title(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(_db: Database, _today: date, _town: str | None = None) -> list[Reminder]:
        raise UserError("与服务器的连接已断开。")

    monkeypatch.setattr(reminders, "collect", refused)
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "连接已断开" in panel.title.text(), timeout=10_000)
    assert panel.rows == []


def test_the_refreshes_of_one_moment_collect_once_after_the_panel_is_made(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 概览 tab makes the panel, then at once sets its area: the district's reminders
    were collected twice at the same time (twice the memory), while the tab's own figures
    were read. The collection starts once the window's events run, once."""
    calls: list[str | None] = []

    def counted(_db: Database, _today: date, town: str | None = None) -> list[Reminder]:
        calls.append(town)
        return [ONE]

    monkeypatch.setattr(reminders, "collect", counted)
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    panel.set_town("甲镇")  # as OverviewTab.reload does
    assert calls == []  # not yet: the tab's figures are read first
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        pass
    qtbot.wait(100)
    assert calls == ["甲镇"]
    assert panel.rows == [ONE]
