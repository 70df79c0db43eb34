"""The ruled tables of the reports, as they split across pages (ReportLab 5.x).

Every report's table is a :class:`SplitTable` (:func:`ruled_table` makes one). ReportLab
alone, splitting a table with a repeated header (``repeatRows``) and rows that may split
(``splitInRow``):

- put the rows that fit on the page, then tried the rest of the table, its header first,
  in the room left below them: a row taller than that room split there, and the header
  printed a second time in the middle of the page, right under the rows above;
- split a row whose cell spans columns as though the cell were as narrow as its first
  column: the cell's first part ran up out of its row, over the rows above it (and off
  the top of the page), the rest left a tall blank;
- split a row beside a centred cell (a label) by pushing the cell half the row down in
  each part: the parts grew page after page, then were slivers of an empty row.

A :class:`SplitTable` splits as a reader expects: the header once, at the top of each
page; a row no page holds starts under the rows before it and splits where the page ends;
any other row that does not fit the room left starts the next page, under the header; the
cells of a row that splits start at the top of each part, a spanned one at its whole
width.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table, TableStyle

#: The least room (points) in which a row no page holds starts, under the rows before it.
LEAST_ROOM = 30.0


class SplitTable(Table):  # type: ignore[misc]
    """A table that splits across pages without repeating its header mid-page or
    printing a spanned cell over the rows above it (see the module)."""

    #: a part after the first of a split table (it starts with the repeated header)
    _continued = False
    #: while a row splits: the width of each spanned cell (and of its parts), by id
    _span_widths: dict[int, float] | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Table]:  # noqa: N803
        self._calc(availWidth, availHeight)
        frame = getattr(self, "_frame", None)
        if self._continued and frame is not None and not frame._atTop:
            # The rest of a table, tried in the room left under its first part: it goes
            # to the next page, where its repeated header belongs.
            return []
        parts = self._split_where_it_starts(availHeight)
        if not parts:
            parts = super().split(availWidth, availHeight)
        for part in parts[1:]:
            part._continued = True
        return parts

    def _split_where_it_starts(self, availHeight: float) -> list[Table]:  # noqa: N803
        """The parts of the table when the next row is one that no page holds below the
        header: it starts under the rows before it and splits where the page ends (else
        none)."""
        if not self.splitInRow:
            return []
        heights = self._rowHeights
        header = sum(heights[: self.repeatRows]) if isinstance(self.repeatRows, int) else 0.0
        page = self._getPossibleHeight(availHeight)  # the frame's, when in one
        n = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
        if (
            1 <= n < len(heights)
            and header + heights[n] > page
            and availHeight - sum(heights[:n]) >= LEAST_ROOM
        ):
            return self._splitRows(availHeight, doInRowSplit=1)
        return []

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Table]:  # noqa: N803
        row = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
        if not doInRowSplit or row >= len(self._cellvalues):
            return super()._splitRows(availHeight, doInRowSplit=doInRowSplit)  # type: ignore[no-any-return]
        # The cells of a row split across pages start at the top of each part: a centred
        # cell (a label beside a long value) was pushed down by half the row in each
        # part, the rows after it growing page after page.
        styles = [style for style in self._cellStyles[row] if style.valign == "MIDDLE"]
        for style in styles:
            style.valign = "TOP"
        widths: dict[int, float] = {}
        for (column, start), span in getattr(self, "_spanRanges", {}).items():
            if start == row and span is not None and span[1] == span[3] == row:
                value = self._cellvalues[row][column]
                if isinstance(value, list | tuple) and value:
                    widths[id(value)] = sum(self._colWidths[span[0] : span[2] + 1])
        self._span_widths = widths
        try:
            parts: list[Table] = super()._splitRows(availHeight, doInRowSplit=doInRowSplit)
        finally:
            self._span_widths = None
        if not parts:  # the row is not split: as it was
            for style in styles:
                style.valign = "MIDDLE"
        return parts

    def _splitCell(
        self,
        value: Any,
        style: Any,
        old_height: float,
        new_height: float,
        width: float,
    ) -> Any:
        widths = self._span_widths
        if not widths or id(value) not in widths:
            return super()._splitCell(value, style, old_height, new_height, width)
        whole = widths[id(value)]
        parts = super()._splitCell(value, style, old_height, new_height, whole)
        for part in parts or ():
            if part:
                widths[id(part)] = whole
        return parts

    def _listCellGeom(self, V: Any, w: float, s: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N803
        widths = self._span_widths
        if widths and V and id(V) in widths:
            w = widths[id(V)]
        return super()._listCellGeom(V, w, s, *args, **kwargs)


def ruled_table(
    data: Sequence[Sequence[Flowable | str]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]],
    *,
    header_rows: int = 1,
    split_in_row: bool = True,
    h_align: str = "CENTER",
    row_heights: Sequence[float] | None = None,
) -> SplitTable:
    """A report's table of ``data`` with columns of ``widths`` and the style ``commands``:
    its first ``header_rows`` repeated at the top of each page; with ``split_in_row`` a
    row taller than the room left splits across pages (its cells are best set at the top,
    ``VALIGN TOP``), else it starts the next page; ``row_heights``: fixed heights."""
    table = SplitTable(
        [list(row) for row in data],
        colWidths=list(widths),
        repeatRows=header_rows,
        splitInRow=int(split_in_row),
        hAlign=h_align,
        rowHeights=None if row_heights is None else list(row_heights),
    )
    table.setStyle(TableStyle(list(commands)))
    return table
