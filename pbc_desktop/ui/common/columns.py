"""Column widths that keep every column of a record table in view on a small screen.

A table's columns are first sized to their rows (never wider than a cap); when they then
need more room than the table has, the widest ones (long names, titles) give up width first
and show their text elided ("…", the whole of it in the tooltip and the detail pane), each
down to a floor of a few characters (:attr:`Column.min_chars` raises it), so that the short
columns after them (状态, dates, counts) stay visible. Where even that does not fit, the
columns a clerk also finds in the detail pane (:attr:`Column.drop`: gender, town, phone…)
are left out, the highest ``drop`` first, until the rest fit; they come back when the
table is wide enough. Where the rest still do not fit (English, with its longer words and
headers), a raised floor (an item's title) gives way towards the default before a column
is left off to the right (:meth:`ColumnFitter.give_way`). The widths follow the table's
width as the window is resized, until the user drags a column edge: from then on their
widths are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

#: The widest a column is sized to its rows.
MAX_FITTED_WIDTH = 260
#: Room beside a cell's text (margins, the sort arrow of the header).
PADDING = 12
#: A long text column keeps at least this many characters' width when squeezed.
FLOOR_CHARS = 6
#: Columns measured on fewer rows than this are measured again when a reload has more.
FEW_ROWS = 20
#: As a column's ``min_chars``: never narrower than its text (dates, times, statuses).
WHOLE = 99

_NAME = "columnFitter"


def squeeze(natural: Sequence[int], floors: Sequence[int], room: int) -> list[int]:
    """Widths for columns wanting ``natural`` in ``room`` pixels: where they do not all fit,
    every column wider than some level is cut to it (the widest give up width first), none
    below its floor (nor above its natural width). The level is the highest that fits;
    when even the floors do not fit, every column is at its floor (the table scrolls)."""
    widths = list(natural)
    if sum(widths) <= room:
        return widths

    def at(level: int) -> list[int]:
        return [min(n, max(level, f)) for n, f in zip(natural, floors, strict=True)]

    low, high = 0, max(natural)  # at(high) is too wide, at(low) the narrowest
    while high - low > 1:
        middle = (low + high) // 2
        if sum(at(middle)) <= room:
            low = middle
        else:
            high = middle
    return at(low)


class ColumnFitter(QObject):
    """Fits the columns of its parent table (see the module's text); one per table.

    It follows the table's width through signals (no event filter, which Qt may still call
    while the table is being destroyed): the horizontal scroll bar's range changes when
    the columns come to need more room than the table has, and the stretched last column
    is resized when the table grows.
    """

    def __init__(self, table: QTableView, max_width: int = MAX_FITTED_WIDTH) -> None:
        super().__init__(table)
        self.setObjectName(_NAME)
        self.table = table
        self.max_width = max_width
        self.natural: list[int] = []
        #: how many rows the table had when ``natural`` was measured
        self.measured_rows = 0
        #: per column, the fewest characters it keeps (beside the model's own, see floors)
        self.min_chars: dict[int, int] = {}
        #: per column, how early it is left out of a narrow table (beside the model's own)
        self.drops: dict[int, int] = {}
        self.user_sized = False
        #: the columns left out for want of room (hidden by the fitter, not by others)
        self.dropped: set[int] = set()
        self._applying = False
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.apply)
        header = table.horizontalHeader()
        header.sectionResized.connect(self._section_resized)
        header.sectionHandleDoubleClicked.connect(self._sized_by_user)
        table.horizontalScrollBar().rangeChanged.connect(self._width_changed)

    # -- measuring and applying -----------------------------------------------------------
    def measure(self) -> None:
        """Take the columns' widths from the rows loaded now (and their headers)."""
        table = self.table
        header = table.horizontalHeader()
        # measured without the room Qt keeps in every header for the sort arrow once
        # sorting is on: the same widths whether the first rows come before (as they
        # did) or after the listing enabled sorting (its first page is read once now)
        arrow = header.isSortIndicatorShown()
        self._applying = True
        try:
            self._show(self.dropped)  # measured as the others, left out again by apply
            self.dropped = set()
            header.setSortIndicatorShown(False)
            table.resizeColumnsToContents()
        finally:
            header.setSortIndicatorShown(arrow)
            self._applying = False
        sizes = [header.sectionSize(c) for c in range(header.count())]
        if sizes and header.stretchLastSection():
            # the last column is stretched to the room left: no wider than its contents
            # (measured again, its stretched width would grow by the padding each time)
            last = len(sizes) - 1
            contents = max(table.sizeHintForColumn(last), header.sectionSizeHint(last))
            sizes[last] = min(sizes[last], contents)
        self.natural = [
            0 if header.isSectionHidden(c) else min(size + PADDING, self.max_width)
            for c, size in enumerate(sizes)
        ]
        model = table.model()
        self.measured_rows = model.rowCount() if model is not None else 0

    def _hidden(self, column: int) -> bool:
        """Hidden by someone else than the fitter."""
        hidden = self.table.horizontalHeader().isSectionHidden(column)
        return hidden and column not in self.dropped

    def _show(self, columns: set[int]) -> None:
        header = self.table.horizontalHeader()
        for column in columns:
            header.setSectionHidden(column, False)

    def to_drop(self, floors: Sequence[int], room: int) -> set[int]:
        """The columns to leave out so that the others fit ``room`` at their floors (none
        when all fit; as many as may be dropped when even that is not enough)."""
        model_order = getattr(self.table.model(), "drop_order", None)

        def order(column: int) -> int:
            own = model_order(column) if callable(model_order) else 0
            return self.drops.get(column) or int(own)

        least = [min(n, f) for n, f in zip(self.natural, floors, strict=True)]
        candidates = sorted(
            (c for c in range(len(least)) if order(c) > 0 and not self._hidden(c)),
            key=lambda c: (-order(c), -c),
        )
        dropped: set[int] = set()
        need = sum(least)
        for column in candidates:
            if need <= room:
                break
            dropped.add(column)
            need -= least[column]
        return dropped

    def chars(self, column: int) -> int:
        """The fewest characters ``column`` keeps: the fitter's own, else the model's (0:
        :data:`FLOOR_CHARS`)."""
        own = getattr(self.table.model(), "min_chars", None)
        return self.min_chars.get(column) or (own(column) if callable(own) else 0)

    def floors(self) -> tuple[list[int], list[int]]:
        """The narrowest each column is squeezed to, its headers measured once: its
        header's text, and at least :data:`FLOOR_CHARS` characters (a :class:`Column`'s own
        ``min_chars`` where set: the raised floors, first); the same without ``min_chars``
        (the base floors, second, that :meth:`give_way` lowers the raised ones towards)."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        metrics = header.fontMetrics()
        char = metrics.horizontalAdvance("中")
        raised: list[int] = []
        base: list[int] = []
        for c in range(header.count()):
            if self._hidden(c):
                raised.append(0)
                base.append(0)
                continue
            title = str(model.headerData(c, header.orientation()) or "") if model else ""
            widest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
            text = widest + 2 * PADDING  # a header of two lines: its wider line
            raised.append(max(text, char * (self.chars(c) or FLOOR_CHARS) + PADDING))
            base.append(max(text, char * FLOOR_CHARS + PADDING))
        return raised, base

    def give_way(
        self, floors: Sequence[int], base: Sequence[int], dropped: set[int], room: int
    ) -> list[int]:
        """``floors`` with the raised ones (a ``min_chars`` below :data:`WHOLE`: an item's
        title) lowered towards their ``base`` (see :meth:`floors`), by as much as the
        columns shown still lack of ``room`` at their floors once the others are left out:
        in English, whose words are longer, a title then shows fewer characters (the whole
        in its tooltip and the detail pane) rather than a column after it being left off to
        the right. Where the columns fit (the Chinese at 1024 px), the floors are kept as
        they are."""
        least = [
            0 if c in dropped else min(n, f)
            for c, (n, f) in enumerate(zip(self.natural, floors, strict=True))
        ]
        lack = sum(least) - room
        if lack <= 0:
            return list(floors)
        result = list(floors)
        for c in sorted(range(len(least)), key=lambda c: (-least[c], c)):
            if lack <= 0:
                break
            if c in dropped or self._hidden(c) or self.chars(c) >= WHOLE:
                continue
            spare = least[c] - min(self.natural[c], base[c])
            if spare > 0:
                given = min(spare, lack)
                result[c] = least[c] - given
                lack -= given
        return result

    def apply(self) -> None:
        """Size the columns for the table's width now (nothing once the user sized them)."""
        header = self.table.horizontalHeader()
        if self.user_sized or not self.natural or len(self.natural) != header.count():
            return
        room = self.table.viewport().width()
        if room <= 0:
            return
        floors, base = self.floors()
        dropped = self.to_drop(floors, room)
        floors = self.give_way(floors, base, dropped, room)
        natural = [0 if c in dropped else n for c, n in enumerate(self.natural)]
        widths = squeeze(natural, floors, room)
        self._applying = True
        try:
            self._show(self.dropped - dropped)
            for column in dropped - self.dropped:
                header.setSectionHidden(column, True)
            self.dropped = dropped
            for column, width in enumerate(widths):
                if not header.isSectionHidden(column) and header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._applying = False

    # -- following the window and the user ---------------------------------------------------
    def _width_changed(self, *_args: object) -> None:
        if not self._applying:
            self._later.start()

    def _section_resized(self, *_args: object) -> None:
        if self._applying:
            return
        header = self.table.horizontalHeader()
        if header.underMouse() and QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._sized_by_user()  # a column edge dragged: the user's widths are kept
        else:
            self._later.start()  # the last column stretched to a new width of the table

    def _sized_by_user(self, *_args: object) -> None:
        self.user_sized = True
        self._later.stop()


def fitter(table: QTableView) -> ColumnFitter:
    """The fitter of ``table`` (made on first use)."""
    found = table.findChild(ColumnFitter, _NAME)
    return found if found is not None else ColumnFitter(table)


def keep_chars(table: QTableView, chars: dict[int, int]) -> None:
    """Columns of ``table`` (by number) that keep at least so many characters' width when
    it is narrow (:data:`WHOLE`: their whole text), e.g. a small panel's dates."""
    fitter(table).min_chars.update(chars)


def drop_when_narrow(table: QTableView, drops: dict[int, int]) -> None:
    """Columns of ``table`` (by number) left out where even squeezed the columns do not
    fit, the highest number first (as :attr:`Column.drop`), e.g. a small panel's year."""
    fitter(table).drops.update(drops)


def fit_columns(table: QTableView, max_width: int = MAX_FITTED_WIDTH) -> None:
    """Size the columns to the first rows loaded (once they are :data:`FEW_ROWS` or more:
    later reloads keep the widths) and keep them fitted to the table's width (see the
    module's text). Fewer rows (a new database's first records) are measured again as
    more are added, so that a longer name than the first one's is shown whole."""
    if table.model() is None:
        return
    fit = fitter(table)
    fit.max_width = max_width
    if table.model().rowCount() == 0:
        if not fit.natural:
            # an empty table (a new database): its headers fitted, not Qt's 100 px each
            # that left most of them off to the right; the first rows are measured again
            refit_columns(table)
            fit.natural = []
        return
    rows = table.model().rowCount()
    more = fit.measured_rows < FEW_ROWS and rows > fit.measured_rows and not fit.user_sized
    if not fit.natural or more:
        fit.measure()
    fit.apply()


def refit_columns(table: QTableView) -> None:
    """Size the columns to the rows shown now (a table refilled with other rows, or the
    same rows shown wider), then fit them to the table's width."""
    fit = fitter(table)
    fit.measure()
    fit.apply()
