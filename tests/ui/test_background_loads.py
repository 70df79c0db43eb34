"""What a window or tab shows is read off the UI thread (``worker.BackgroundLoad``): the
三会一课 window's year (half a second for a district) and the 概览 figures (a third of a
second or more). The screen says it is loading and answers meanwhile; only the latest
request is shown; a window closed while it reads is simply not answered; a refusal is said
in its sentence. (The 到期提醒 panel, which loads the same way: test_reminders_background.py.)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import UserError
from pbc_desktop.logging_setup import log_file, setup_logging
from pbc_desktop.services import stats
from pbc_desktop.services.branch_life import compliance
from pbc_desktop.ui.branch_life.window import BranchLifeWindow
from pbc_desktop.ui.common import worker
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.worker import BackgroundLoad
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel
from pbc_desktop.ui.overview.tab import OverviewTab
from tests.bug_helpers import ID_NUMBER, PHONE
from tests.factories import make_activity, make_community, make_org
from tests.qt_helpers import stub_boxes, view_texts, wait_loaded

pytestmark = pytest.mark.usefixtures("loads_in_background")

TODAY = date(2026, 5, 25)
GONE = "与服务器的连接已断开，请检查网络后再试。"


@dataclass
class Gated:
    """A service function that waits for its gate before answering (each call its own),
    noting the thread it ran on and the arguments it was given."""

    real: Callable[..., Any]
    gates: list[threading.Event] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    calls: list[tuple[Any, ...]] = field(default_factory=list)
    refuse: bool = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        gate = threading.Event()
        self.gates.append(gate)
        self.threads.append(threading.current_thread().name)
        self.calls.append((*args, *kwargs.values()))
        assert gate.wait(10), "the test never let the read answer"
        if self.refuse:
            raise UserError(GONE)
        return self.real(*args, **kwargs)

    def release(self, index: int = -1) -> None:
        self.gates[index].set()


@pytest.fixture
def gated_year(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gated]:
    monkeypatch.setattr(BranchLifeWindow, "today", lambda _self: TODAY)
    make_org(db, "甲村党支部", town="甲镇")
    gated = Gated(compliance.town_year)
    monkeypatch.setattr(compliance, "town_year", gated)
    yield gated
    for gate in gated.gates:  # a failed test's reads end too
        gate.set()


@pytest.fixture
def gated_figures(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Gated]:
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)
    make_activity(db, make_community(db, "甲乙共建", [make_org(db, "甲村党支部", town="甲镇")]))
    gated = Gated(stats.headline_figures)
    monkeypatch.setattr(stats, "headline_figures", gated)
    yield gated
    for gate in gated.gates:
        gate.set()


def deleted(qtbot: QtBot, widget: QWidget) -> None:
    """Wait until ``widget`` (closed, its ``deleteLater`` called) is deleted."""
    destroyed: list[bool] = []
    widget.destroyed.connect(lambda *_a: destroyed.append(True))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: bool(destroyed))


# -- the 三会一课 window ---------------------------------------------------------------
def test_the_window_shows_at_once_and_says_the_year_is_being_read(
    qtbot: QtBot, db: Database, gated_year: Gated
) -> None:
    window = BranchLifeWindow(AppContext(db))  # returns at once: the year is being read
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(gated_year.threads))
    assert gated_year.threads != [threading.main_thread().name]
    assert window.summary.text() == "Reading the branches' meetings..."
    assert window.table.model().rowCount() == 0 and window.meetings_load.busy
    window.within.setValue(12)  # the window answers meanwhile (the terms page reads at once)
    qtbot.wait(50)
    with qtbot.waitSignal(window.meetings_load.finished, timeout=10_000):
        gated_year.release()
    assert window.summary.text().startswith("1 branches")
    assert view_texts(window.table)[0][0] == "甲村党支部"


def test_a_newer_year_supersedes_the_one_being_read(
    qtbot: QtBot, db: Database, gated_year: Gated
) -> None:
    window = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(gated_year.calls) == 1)
    window.year.setValue(2024)
    window.year.setValue(2025)  # two newer requests before the first has come back
    qtbot.wait(100)
    assert len(gated_year.calls) == 1  # one read at a time: the latest waits its turn
    gated_year.release(0)  # 2026's answer comes back: dropped, 2025 is read (2024 never)
    qtbot.waitUntil(lambda: len(gated_year.calls) == 2)
    assert [call[1] for call in gated_year.calls] == [2026, 2025]
    assert window.report is None and window.table.model().rowCount() == 0
    with qtbot.waitSignal(window.meetings_load.finished, timeout=10_000):
        gated_year.release(1)
    assert window.report is not None and window.report.year == 2025
    assert window.grid_title.text() == "Select a branch to see its year"


def test_a_window_closed_while_reading_is_not_answered(
    qtbot: QtBot, db: Database, gated_year: Gated
) -> None:
    """Closed from the 到期提醒 panel (which deletes it) before its year came back."""
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    window = panel.open_branch_life(None)
    qtbot.waitUntil(lambda: bool(gated_year.threads))
    window.reject()
    deleted(qtbot, window)
    assert panel.branch_life is None
    gated_year.release()
    assert worker.wait_for_reads(10)
    qtbot.wait(100)  # the answer reaches the UI thread, and is dropped
    again = panel.open_branch_life(None)  # a new window reads afresh
    qtbot.waitUntil(lambda: len(gated_year.gates) == 2)
    gated_year.release()
    wait_loaded(qtbot, again.meetings_load)
    assert again.table.model().rowCount() == 1


def test_a_refusal_while_reading_is_said_in_its_sentence(
    qtbot: QtBot, db: Database, gated_year: Gated
) -> None:
    gated_year.refuse = True
    window = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(gated_year.gates))
    with qtbot.waitSignal(window.meetings_load.finished, timeout=10_000):
        gated_year.release()
    assert window.summary.text() == GONE
    assert window.table.model().rowCount() == 0


def test_a_reminder_selects_its_branch_once_the_year_is_read(
    qtbot: QtBot, db: Database, gated_year: Gated
) -> None:
    org = make_org(db, "乙村党支部", town="乙镇")
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    window = panel.open_branch_life(org)  # what a reminder's double-click does
    qtbot.waitUntil(lambda: bool(gated_year.gates))
    assert window.grid_title.text() == "Select a branch to see its year"
    with qtbot.waitSignal(window.meetings_load.finished, timeout=10_000):
        gated_year.release()
    assert window.grid_title.text().startswith("乙村党支部")
    assert window.pages.currentIndex() == 0


# -- the 概览 tab ---------------------------------------------------------------------
def test_the_overview_counts_its_figures_off_the_ui_thread(
    qtbot: QtBot, db: Database, gated_figures: Gated
) -> None:
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: bool(gated_figures.threads))
    assert gated_figures.threads != [threading.main_thread().name]
    assert tab.as_of_label.text() == "Counting..."
    assert not tab.figures_scroll.isEnabled()  # greyed until counted
    assert tab.cards["communities"].value_label.text() == "…"
    tab.town_combo.setFocus()  # the tab answers meanwhile
    with qtbot.waitSignal(tab.figures_load.finished, timeout=10_000):
        gated_figures.release()
    assert tab.cards["communities"].value() == 1
    assert tab.figures_scroll.isEnabled()
    assert tab.as_of_label.text().startswith("As of ")


def test_the_overview_shows_the_area_chosen_last(
    qtbot: QtBot, db: Database, gated_figures: Gated
) -> None:
    make_community(db, "乙镇共建", [make_org(db, "乙村党支部", town="乙镇")])
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: len(gated_figures.calls) == 1)
    tab.town_combo.setCurrentIndex(tab.town_combo.findData("乙镇"))
    gated_figures.release(0)  # the whole district's answer: dropped
    qtbot.waitUntil(lambda: len(gated_figures.calls) == 2)
    assert gated_figures.calls[1][2] == "乙镇"
    assert tab.figures is None and tab.figures_load.busy
    with qtbot.waitSignal(tab.figures_load.finished, timeout=10_000):
        gated_figures.release(1)
    assert tab.figures is not None and tab.figures.communities == 1  # 乙镇's one
    assert tab.cards["communities"].value() == 1


def test_a_refusal_while_counting_is_said_in_its_sentence(
    qtbot: QtBot, db: Database, gated_figures: Gated
) -> None:
    gated_figures.refuse = True
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: bool(gated_figures.gates))
    with qtbot.waitSignal(tab.figures_load.finished, timeout=10_000):
        gated_figures.release()
    assert tab.as_of_label.text() == GONE
    assert not tab.figures_scroll.isEnabled() and tab.figures is None  # nothing counted


def test_the_same_figures_counted_again_stay_clickable(
    qtbot: QtBot, db: Database, gated_figures: Gated
) -> None:
    """Counted again after others' changes (a server's change watch, every few seconds):
    the figures shown are the same year's and area's, and do not blink grey."""
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: bool(gated_figures.gates))
    with qtbot.waitSignal(tab.figures_load.finished, timeout=10_000):
        gated_figures.release()
    tab.refresh()
    qtbot.waitUntil(lambda: len(gated_figures.gates) == 2)
    assert tab.as_of_label.text() == "Counting..." and tab.figures_scroll.isEnabled()
    with qtbot.waitSignal(tab.figures_load.finished, timeout=10_000):
        gated_figures.release()
    assert tab.figures_scroll.isEnabled() and tab.as_of_label.text().startswith("As of ")
    tab.town_combo.setCurrentIndex(tab.town_combo.findData("甲镇"))  # another area's
    qtbot.waitUntil(lambda: len(gated_figures.gates) == 3)
    assert not tab.figures_scroll.isEnabled()
    gated_figures.release()
    wait_loaded(qtbot, tab.figures_load)


# -- the load itself -------------------------------------------------------------------
def test_a_load_without_its_own_place_for_a_refusal_says_it_in_a_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = stub_boxes(monkeypatch)
    widget = QWidget()
    qtbot.addWidget(widget)
    load = BackgroundLoad(widget, "testLoad")
    shown: list[object] = []

    def refused() -> int:
        raise UserError(GONE)

    with qtbot.waitSignal(load.finished, timeout=10_000):
        load.start(refused, shown.append)
    assert boxes.shown == [GONE] and shown == [] and not load.busy


def test_a_bug_while_reading_is_raised_on_the_ui_thread(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    load = BackgroundLoad(widget, "testLoad")

    def broken() -> int:
        raise KeyError("a bug")

    with qtbot.captureExceptions() as raised:
        load.start(broken, lambda _answer: None)
        qtbot.waitUntil(lambda: bool(raised), timeout=10_000)
    assert isinstance(raised[0][1], KeyError)
    assert not load.busy


def test_a_forgotten_request_is_not_shown(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    load = BackgroundLoad(widget, "testLoad")
    gate = threading.Event()
    shown: list[int] = []
    load.start(lambda: gate.wait(10) and 1, shown.append)
    load.forget()
    assert not load.busy
    gate.set()
    assert worker.wait_for_reads(10)
    qtbot.wait(100)
    assert shown == []
    with qtbot.waitSignal(load.finished, timeout=10_000):
        load.start(lambda: 2, shown.append)
    assert shown == [2]


def test_a_bug_in_a_superseded_read_is_logged_without_its_message(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, data_dir: Path
) -> None:
    """Its answer is dropped, the bug is not: its type and code lines in the log, not its
    message (a member's numbers)."""
    setup_logging()
    widget = QWidget()
    qtbot.addWidget(widget)
    load = BackgroundLoad(widget, "testLoad")
    gate = threading.Event()
    shown: list[int] = []

    def broken_read() -> int:
        gate.wait(10)
        raise KeyError(f"member {ID_NUMBER} tel {PHONE}")

    load.start(broken_read, shown.append)
    load.start(lambda: 2, shown.append)  # supersedes it
    gate.set()
    with caplog.at_level(logging.ERROR, logger="pbc_desktop.ui.common.worker"):
        qtbot.waitUntil(lambda: shown == [2], timeout=10_000)
    (record,) = [r for r in caplog.records if r.name == "pbc_desktop.ui.common.worker"]
    text = record.getMessage()
    assert "testLoad" in text and "KeyError" in text and "broken_read" in text
    assert ID_NUMBER not in text and PHONE not in text
    logged = log_file().read_text(encoding="utf-8")
    assert "KeyError" in logged and ID_NUMBER not in logged and PHONE not in logged
    # a refusal superseded is no bug: not logged
    caplog.clear()

    def refused() -> int:
        raise UserError(GONE)

    load.start(refused, shown.append)
    load.forget()
    assert worker.wait_for_reads(10)
    qtbot.wait(100)
    assert not [r for r in caplog.records if r.name == "pbc_desktop.ui.common.worker"]


def test_the_requests_of_one_moment_started_soon_make_one_read_and_are_waited_for(
    qtbot: QtBot,
) -> None:
    """``start_soon`` (the reminders panel: made, then its area set at once) reads once,
    when the window's events run; the load is busy from the first request, so that what
    waits for it (a test, a screenshot, a restore) does not find it idle meanwhile."""
    widget = QWidget()
    qtbot.addWidget(widget)
    load = BackgroundLoad(widget, "testLoad")
    reads: list[str] = []
    shown: list[str] = []

    def read(town: str) -> Callable[[], str]:
        def run() -> str:
            reads.append(town)
            return town

        return run

    load.start_soon(read("全区"), shown.append)
    load.start_soon(read("甲镇"), shown.append)
    assert load.busy and reads == []
    wait_loaded(qtbot, load)
    assert reads == ["甲镇"] and shown == ["甲镇"]
