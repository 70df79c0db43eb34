"""What the app's workbooks and its imports agree on about an Excel cell: how much text it
holds, and the mark ending a text the app cut to fit (so that an import of the app's own
export does not write a cut remark back over the full one)."""

from __future__ import annotations

#: The most characters (UTF-16 units) an Excel cell holds.
EXCEL_CELL_MAX = 32_767

#: The end of a cell whose text was cut to fit; language-independent, so the import finds it.
CUT_MARKER = "…【已截断：超出 Excel 单元格 32767 字上限】"


def is_cut(text: str | None) -> bool:
    """True when ``text`` is a cell cut to fit (it ends with :data:`CUT_MARKER`)."""
    return bool(text) and str(text).rstrip().endswith(CUT_MARKER)
