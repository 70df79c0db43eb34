"""The lazily fetching table model: pages, sorting in the source, Qt model contract."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import worker
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.shell.main_window import _tab_factories
from tests.qt_helpers import stub_boxes


@dataclass(frozen=True)
class Row:
    n: int
    name: str


class Source:
    def __init__(self, total: int) -> None:
        self.rows = [Row(i, f"第{i}行") for i in range(total)]
        self.requests: list[PageRequest] = []
        self.counted = 0

    def fetch(self, page: PageRequest) -> list[Row]:
        self.requests.append(page)
        ordered = sorted(self.rows, key=lambda r: r.n, reverse=page.descending)
        return ordered[page.offset : page.offset + page.limit]

    def count(self) -> int:
        self.counted += 1
        return len(self.rows)


COLUMNS = [
    Column[Row]("编号", lambda r: r.n, sort_key="n", align_right=True),
    Column[Row]("名称", lambda r: r.name),
]


def test_fetches_page_by_page(qtmodeltester: object) -> None:
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=200)
    assert model.rowCount() == 200
    assert model.total() == 450
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert [r.offset for r in source.requests] == [0, 200, 400]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_sorting_is_delegated_and_restarts_from_the_first_page() -> None:
    source = Source(300)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert source.requests[-1] == PageRequest(offset=0, limit=100, sort="n", descending=True)
    assert model.data(model.index(0, 0)) == "299"
    assert model.rowCount() == 100
    model.sort(1, Qt.SortOrder.AscendingOrder)  # not sortable: nothing happens
    assert source.requests[-1].sort == "n"


def test_display_roles() -> None:
    source = Source(3)
    model = PagedTableModel(COLUMNS, source.fetch, source.count)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"
    assert model.data(model.index(2, 1)) == "第2行"
    align = model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole)
    assert align == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(5, 0)) is None


def test_a_refused_refresh_keeps_the_rows_shown_and_the_model_usable(
    qtmodeltester: object,
) -> None:
    """A server that stopped answering refuses the reload: the rows stay, the model is not
    left half reset (Qt warns, and fails this run, on a reset begun twice), and the next
    reload, the server back, shows the rows again."""
    from pbc_desktop.errors import ServerConnectionError

    source = Source(30)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=10)
    lost = ServerConnectionError("连接不上服务器 10.38.1.5:5432：请检查网络。")

    def refused(_page: PageRequest) -> list[Row]:
        raise lost

    model.set_source(source.fetch, source.count)
    model._fetch = refused  # the server stops answering
    with pytest.raises(ServerConnectionError):
        model.refresh()
    assert model.rowCount() == 10 and model.data(model.index(0, 1)) == "第0行"
    source.rows.append(Row(30, "第30行"))
    model._fetch = source.fetch  # it is back
    model.refresh()
    assert model.total() == 31
    qtmodeltester.check(model)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("total", "counted"), [(0, 0), (99, 0), (100, 1), (450, 1)])
def test_the_count_is_asked_only_when_the_first_page_is_full(total: int, counted: int) -> None:
    """A first page with room to spare holds every row: its length is the total, and the
    count (a query over everything the filter finds) is not asked."""
    source = Source(total)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    assert (model.total(), source.counted) == (total, counted)
    assert model.canFetchMore(QModelIndex()) == (total > 100)
    model.refresh(keep_rows=150)  # as many rows as were scrolled to: a page of 150
    assert (model.rowCount(), model.total()) == (min(total, 150), total)
    assert source.counted == counted + (total >= 150)


@pytest.mark.usefixtures("loads_in_background")
def test_a_count_aside_shows_the_first_page_at_once_and_the_total_when_counted(
    qtbot: QtBot,
) -> None:
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    source.counted = 0
    gate = threading.Event()
    threads: list[threading.Thread] = []

    def slow_count() -> int:
        threads.append(threading.current_thread())
        gate.wait(5)
        return 450

    model.refresh(count_aside=slow_count)
    assert model.rowCount() == 100 and model.counting() and model.total() == 100
    assert model.canFetchMore(QModelIndex())  # scrolling on while it counts
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200 and model.total() == 200 and model.counting()
    with qtbot.waitSignal(model.counted, timeout=5000) as counted:
        gate.set()
    assert counted.args == [450] and model.total() == 450 and not model.counting()
    assert threads and threads[0] is not threading.main_thread()
    assert source.counted == 0  # the model's own counter was not asked
    # a page with room to spare needs no count at all, aside or not
    source.rows = source.rows[:30]
    model.refresh(count_aside=slow_count)
    assert model.total() == 30 and not model.counting() and len(threads) == 1


@pytest.mark.usefixtures("loads_in_background")
def test_a_count_aside_of_an_earlier_refresh_is_dropped_and_one_counts_at_a_time(
    qtbot: QtBot,
) -> None:
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    gates = [threading.Event(), threading.Event(), threading.Event()]
    running: list[int] = []
    at_once: list[int] = []

    def counter(n: int) -> Callable[[], int]:
        def count() -> int:
            running.append(n)
            at_once.append(len(running))
            gates[n].wait(5)
            running.remove(n)
            return 1000 + n

        return count

    totals: list[int] = []
    model.counted.connect(totals.append)
    model.refresh(count_aside=counter(0))  # typed, then two more keystrokes' searches
    model.refresh(count_aside=counter(1))  # waits for the first, then is replaced
    model.refresh(count_aside=counter(2))
    for gate in gates:
        gate.set()
    qtbot.waitUntil(lambda: totals != [], timeout=5000)
    qtbot.wait(50)
    assert totals == [1002] and model.total() == 1002
    assert max(at_once) == 1  # never two counts at once; the one replaced never ran
    # a refresh counted on the UI thread (a filter chosen) drops the count under way
    gates[0].clear()
    model.refresh(count_aside=counter(0))
    model.refresh()
    assert model.total() == 450 and not model.counting()
    gates[0].set()
    qtbot.wait(100)
    assert totals == [1002] and model.total() == 450


def test_a_model_made_not_loaded_fetches_at_its_first_refresh_in_the_order_asked() -> None:
    """A listing tab makes its model, the view asks for the tab's order, the tab then
    fills its filters and refreshes: one fetch, in that order (it was three)."""
    source = Source(50)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=10, load=False)
    assert model.rowCount() == 0
    model.sort(0, Qt.SortOrder.DescendingOrder)  # as the view does when sorting is enabled
    assert source.requests == []
    model.refresh()
    assert [(r.sort, r.descending, r.offset) for r in source.requests] == [("n", True, 0)]
    assert model.row_at(0).n == 49
    model.sort(0, Qt.SortOrder.AscendingOrder)  # loaded: a sort fetches again
    assert len(source.requests) == 2
    assert model.row_at(0).n == 0


def test_a_first_refresh_that_failed_is_tried_again_at_a_sort() -> None:
    """A server that did not answer when the tab was built: a click on a header fetches."""
    source = Source(5)
    calls: list[int] = []

    def fetch(request: PageRequest) -> list[Row]:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the server did not answer")
        return source.fetch(request)

    model = PagedTableModel(COLUMNS, fetch, source.count, load=False)
    with pytest.raises(RuntimeError):
        model.refresh()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 5
    assert model.row_at(0).n == 4


def test_every_listing_tab_reads_its_first_page_once_when_built(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[object] = []
    refresh = PagedTableModel.refresh

    def counting(
        model: PagedTableModel[Any], *, keep_rows: int = 0, count_aside: Any = None
    ) -> None:
        counted.append(model)
        refresh(model, keep_rows=keep_rows, count_aside=count_aside)

    monkeypatch.setattr(PagedTableModel, "refresh", counting)
    ctx = AppContext(db)
    listings = 0
    for key, _title, factory in _tab_factories():
        counted.clear()
        tab = factory(ctx)
        qtbot.addWidget(tab)
        if isinstance(tab, ListingTab):
            listings += 1
            assert (key, counted.count(tab.model)) == (key, 1)
    assert listings >= 6


@pytest.mark.usefixtures("loads_in_background")
def test_a_count_aside_reads_as_the_windows_loads_do(qtbot: QtBot) -> None:
    """The count is a background load: its thread is among the reading ones (a restore or
    a database switch waits for it, as a test's end does)."""
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    gate = threading.Event()

    def slow_count() -> int:
        gate.wait(5)
        return 450

    model.refresh(count_aside=slow_count)
    assert worker.reading_threads() == 1
    assert not worker.wait_for_reads(0.05)
    with qtbot.waitSignal(model.counted, timeout=5000):
        gate.set()
    assert worker.wait_for_reads(5) and model.total() == 450


def test_a_count_aside_counts_at_once_where_the_loads_read_at_once() -> None:
    """The tests that look right after a change (``loads_at_once``) find the total too."""
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    threads: list[threading.Thread] = []

    def count() -> int:
        threads.append(threading.current_thread())
        return 450

    model.refresh(count_aside=count)
    assert model.total() == 450 and not model.counting()
    assert threads == [threading.main_thread()]


@pytest.mark.usefixtures("loads_in_background")
def test_a_refused_count_aside_leaves_every_row_reachable(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object
) -> None:
    """The count refused (the server stopped answering meanwhile) is said as a refusal is;
    the search is not stuck on its first page: scrolling fetches on until a short page
    says the total."""
    from pbc_desktop.errors import ServerConnectionError

    boxes = stub_boxes(monkeypatch)
    source = Source(450)
    model = PagedTableModel(COLUMNS, source.fetch, source.count, page_size=100)
    lost = ServerConnectionError("连接不上服务器 10.38.1.5:5432：请检查网络。")

    def refused() -> int:
        raise lost

    model.refresh(count_aside=refused)
    with qtbot.waitSignal(model._count_load.finished, timeout=5000):
        pass
    assert boxes.shown == [lost.message]
    assert model.rowCount() == 100 and model.counting()
    totals: list[int] = []
    model.counted.connect(totals.append)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450 and model.total() == 450 and not model.counting()
    assert totals == [450]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
