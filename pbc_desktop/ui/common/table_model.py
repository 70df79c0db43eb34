"""A read-only table model that fetches rows page by page from a service.

The view asks for more rows as the user scrolls (``canFetchMore``/``fetchMore``); sorting
is done by the service in SQL. No more than the rows scrolled to are ever held. The total
may be counted off the UI thread (``refresh(count_aside=...)``): the first page is shown at
once and :attr:`PagedTableModel.counted` says the total when it is known.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.worker import BackgroundLoad

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
#: A cell text longer than this (in characters) is also its tooltip.
LONG_TEXT = 8


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: header text, how to show a row, and the service's sort key (if sortable)."""

    header: str
    value: Callable[[T], Any]
    sort_key: str | None = None
    align_right: bool = False
    tooltip: Callable[[T], str | None] | None = None
    foreground: Callable[[T], str | None] | None = field(default=None)
    #: the fewest characters the column keeps when the table is narrow (0: the default,
    #: ``ui/common/columns.py``); a column the user must be able to read, e.g. an item's title
    min_chars: int = 0
    #: where even the squeezed columns do not fit the table, columns with a ``drop`` are
    #: left out, the highest first, until the rest fit (back when there is room): those a
    #: clerk finds in the detail pane too (``ui/common/columns.py``); 0: always shown
    drop: int = 0
    #: the header's whole text where ``header`` is a short form of it (an English header
    #: wider than the Chinese kept a column from fitting 1024 px): the header's tooltip,
    #: shown only where the two differ (the Chinese translates both alike)
    header_tip: str | None = None


Fetcher = Callable[[PageRequest], Sequence[T]]
Counter = Callable[[], int]


class PagedTableModel(QAbstractTableModel, Generic[T]):
    #: The total, once counted off the UI thread after ``refresh(count_aside=...)``.
    counted = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column[T]],
        fetch: Fetcher[T],
        count: Counter,
        *,
        page_size: int = PAGE_SIZE,
        load: bool = True,
        parent: Any = None,
    ) -> None:
        """``load``: fetch the first page now; False leaves the model empty until its first
        :meth:`refresh` (a tab that refreshes once it is built: its first page was read
        three times, here, at the sort the view asks for, then in the tab's refresh)."""
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._count = count
        self._page_size = page_size
        self._rows: list[T] = []
        self._total = 0
        self._sort: str | None = None
        self._descending = False
        # Counting off the UI thread (a load as the windows' reads are: the count of an
        # earlier refresh is dropped, one runs at a time, the latest wins), and whether the
        # latest refresh's total is still being counted.
        self._counting = False
        self._count_load = BackgroundLoad(self, "count", refused=self._count_refused)
        # until the first refresh is asked for, a sort only sets the order it fetches in
        self._asked = False
        if load:
            self.refresh()

    # -- data source -------------------------------------------------------------------
    def set_source(self, fetch: Fetcher[T], count: Counter) -> None:
        self._fetch = fetch
        self._count = count
        self.refresh()

    def refresh(self, *, keep_rows: int = 0, count_aside: Counter | None = None) -> None:
        """Drop every row and fetch the first page again (after a filter or a write); with
        ``keep_rows``, at least that many rows (as many as were scrolled to).

        The rows are fetched before the reset begins: when the fetch is refused (a
        server that stopped answering), the rows shown stay and the model stays usable.

        A first page that is not full holds every row: the count is not asked then (a
        search finding a few of a district's 133,000 activities took the count's time
        again, to count what the page already held). Else the model's counter counts, or,
        given ``count_aside`` (a counter safe to run on another thread: its query already
        read from the widgets), that counts off the UI thread: the rows are shown at once,
        :meth:`counting` holds until :attr:`counted` says the total."""
        self._asked = True
        request = self._request(0, at_least=keep_rows)
        rows = list(self._fetch(request))
        full = len(rows) >= request.limit
        aside = count_aside if full else None
        total = self._count() if full and aside is None else len(rows)
        self.beginResetModel()
        self._counting = aside is not None
        self._total = total
        self._rows = rows
        self.endResetModel()
        if aside is not None:
            self._count_load.start(aside, self._on_counted)
        else:
            self._count_load.forget()  # an earlier refresh's count is not wanted

    def counting(self) -> bool:
        """Whether the total is still being counted off the UI thread, or, that count
        refused, not known until every row is scrolled to (:meth:`total` is then the rows
        loaded so far)."""
        return self._counting

    def _on_counted(self, total: int) -> None:
        if not self._counting:
            return  # every row was scrolled to first: counted already
        self._counting = False
        self._total = max(total, len(self._rows))
        self.counted.emit(self._total)

    def _count_refused(self, error: UserError) -> None:
        """The count refused (a server that stopped answering meanwhile): said as a
        refusal is, while the rows stay reachable. The total stays "at least the rows
        loaded" (:meth:`counting`), and scrolling fetches page after page until a short
        one says the total. (Set to the rows loaded, it left a search on its first
        page: nothing more to fetch.)"""
        parent = QObject.parent(self)
        messages.show_user_error(parent if isinstance(parent, QWidget) else None, error)

    def _request(self, offset: int, *, at_least: int = 0) -> PageRequest:
        return PageRequest(
            offset=offset,
            limit=max(self._page_size, at_least),
            sort=self._sort,
            descending=self._descending,
        )

    def min_chars(self, column: int) -> int:
        """The fewest characters column ``column`` keeps in a narrow table (0: default)."""
        return self._columns[column].min_chars if 0 <= column < len(self._columns) else 0

    def drop_order(self, column: int) -> int:
        """How early column ``column`` is left out of a table too narrow for all (0: never)."""
        return self._columns[column].drop if 0 <= column < len(self._columns) else 0

    def loaded(self) -> int:
        """How many rows are held (scrolled to) now."""
        return len(self._rows)

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def find_row(self, predicate: Callable[[T], bool]) -> int:
        for i, item in enumerate(self._rows):
            if predicate(item):
                return i
        return -1

    # -- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and (len(self._rows) < self._total or self._counting)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        request = self._request(len(self._rows))
        more = list(self._fetch(request))
        if not more:
            self._total = len(self._rows)
            if self._counting:  # every row is here: that is the total
                self._counting = False
                self.counted.emit(self._total)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
        if self._counting:
            self._total = len(self._rows)
            if len(more) < request.limit:  # the last page: every row is here
                self._counting = False
                self.counted.emit(self._total)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tip != column.header:
            return column.header_tip
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        col = self._columns[index.column()]
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = col.value(item)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip is not None:
                return col.tooltip(item)
            value = col.value(item)  # a long text may be shown elided in a narrow column
            return value if isinstance(value, str) and len(value) > LONG_TEXT else None
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            color = col.foreground(item)
            return QBrush(QColor(color)) if color else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or self._columns[column].sort_key is None:
            return
        self._sort = self._columns[column].sort_key
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._asked:  # a fetch refused before: a click on a header tries again
            self.refresh()

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None
