"""The lazily fetching table model: pages, sorting in the source, Qt model contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.shell.main_window import _tab_factories


@dataclass(frozen=True)
class Row:
    n: int
    name: str


class Source:
    def __init__(self, total: int) -> None:
        self.rows = [Row(i, f"第{i}行") for i in range(total)]
        self.requests: list[PageRequest] = []

    def fetch(self, page: PageRequest) -> list[Row]:
        self.requests.append(page)
        ordered = sorted(self.rows, key=lambda r: r.n, reverse=page.descending)
        return ordered[page.offset : page.offset + page.limit]

    def count(self) -> int:
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

    def count() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the server did not answer")
        return source.count()

    model = PagedTableModel(COLUMNS, source.fetch, count, load=False)
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

    def counting(model: PagedTableModel[Any], *, keep_rows: int = 0) -> None:
        counted.append(model)
        refresh(model, keep_rows=keep_rows)

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
