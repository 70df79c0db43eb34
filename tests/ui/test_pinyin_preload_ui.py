"""pypinyin's dictionaries loaded while the window is idle (ui/shell/preload.py): once the
window is shown and the idle timer fires they are loaded and settled out of the garbage
collector's passes with the rest of the start, and a search by initials then works."""

from __future__ import annotations

from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain import pinyin
from pbc_desktop.ui.members.tab import MembersTab
from pbc_desktop.ui.shell import preload
from pbc_desktop.ui.shell.main_window import MainWindow
from pbc_desktop.ui.shell.preload import DictionaryPreload
from tests.factories import make_member, make_org
from tests.qt_helpers import type_text
from tests.ui.members_ui_helpers import names

pytestmark = pytest.mark.qt_log_ignore(r"does not support raise\(\)")


@pytest.fixture
def unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """pinyin's dictionaries as before their first load (put back after the test)."""
    monkeypatch.setattr(pinyin, "_READINGS", {})
    monkeypatch.setattr(pinyin, "_PHRASES", {})
    monkeypatch.setattr(pinyin, "_WORDS", None)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each settling of the heap after a load, with whether the dictionaries were loaded
    then (the test's own heap is not frozen)."""
    seen: list[bool] = []
    monkeypatch.setattr(preload, "settle_more", lambda: seen.append(pinyin.dictionaries_loaded()))
    return seen


@pytest.mark.usefixtures("unloaded")
def test_the_dictionaries_load_once_the_window_is_idle_and_initials_then_find(
    qtbot: QtBot, db: Database, settled: list[bool]
) -> None:
    org = make_org(db, "东山社区党支部")
    make_member(db, "张三", org)
    make_member(db, "李四", org)
    pinyin._WORDS = None  # the names written above loaded them: as at the window's start
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not pinyin.dictionaries_loaded()  # not while the window starts
    loader = DictionaryPreload(window, delay_ms=50)
    qtbot.waitUntil(lambda: settled == [True], timeout=10_000)
    assert loader.loader is not None and loader.loader.name == "pinyin-preload"
    assert pinyin.dictionaries_loaded()
    tab = cast(MembersTab, window.show_tab("members"))
    type_text(qtbot, tab.search_edit, "zs")
    qtbot.waitUntil(lambda: names(tab) == ["张三"])


@pytest.mark.usefixtures("unloaded")
def test_the_preload_waits_for_the_reads_under_way(
    qtbot: QtBot, db: Database, settled: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = [1]
    monkeypatch.setattr(preload.worker, "reading_threads", lambda: reading[0])
    monkeypatch.setattr(preload, "RETRY_MS", 20)
    window = MainWindow(db)
    qtbot.addWidget(window)
    loader = DictionaryPreload(window, delay_ms=0)
    qtbot.wait(200)  # the timer fired, and again: a read is under way
    assert loader.loader is None and not pinyin.dictionaries_loaded()
    reading[0] = 0
    qtbot.waitUntil(lambda: settled == [True], timeout=10_000)


def test_dictionaries_a_name_loaded_first_are_settled_all_the_same(
    qtbot: QtBot, db: Database, settled: list[bool]
) -> None:
    pinyin.load_dictionaries()
    window = MainWindow(db)
    qtbot.addWidget(window)
    loader = DictionaryPreload(window, delay_ms=0)
    qtbot.waitUntil(lambda: settled == [True])
    assert loader.loader is None  # no thread: nothing to load
