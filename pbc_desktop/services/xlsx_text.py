"""Text in the workbooks the app writes: always stored as text, never as a formula, and cut
visibly when it does not fit in an Excel cell.

openpyxl turns any string starting with ``=`` into a formula (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``), which Excel would run when the file is opened. Every workbook
writer puts its text through :func:`put_text` (or :func:`fit_text` plus :func:`put_text`
for a reused write-only cell), which stores the string as a string cell.

An Excel cell holds at most 32,767 characters (counted in UTF-16 units, so a rare character
outside the basic plane counts twice). Longer text is cut and ends with :data:`CUT_MARKER`,
so a reader sees it is incomplete and the member import knows not to write it back over
the full text stored in the database.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE

from pbc_desktop.domain.excel_cells import CUT_MARKER, EXCEL_CELL_MAX


def _units(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units)."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def clean_text(value: str) -> str:
    """Text Excel accepts: control characters removed."""
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def fit_text(value: str) -> tuple[str, bool]:
    """``value`` cleaned and, when too long for a cell, cut and marked: ``(text, was_cut)``."""
    text = clean_text(value)
    if len(text) <= EXCEL_CELL_MAX // 2 or _units(text) <= EXCEL_CELL_MAX:
        return text, False
    room = EXCEL_CELL_MAX - _units(CUT_MARKER)
    used = end = 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > room:
            break
        end += 1
    return text[:end] + CUT_MARKER, True


def needs_text_cell(text: str) -> bool:
    """True when openpyxl would not store ``text`` as plain text (a formula or an error code),
    so it must go in through :func:`store_text` rather than as a bare value."""
    return text.startswith("=") or text in ERROR_CODES


def store_text(cell: Any, text: str) -> None:
    """Put already fitted ``text`` in ``cell`` (a worksheet or write-only cell) as a string."""
    cell.value = text
    cell.data_type = "s"  # after the value: openpyxl made "=…" a formula, "#N/A" an error


def put_text(cell: Any, value: str) -> bool:
    """Store ``value`` in ``cell`` as text, never a formula; True when it had to be cut."""
    text, cut = fit_text(value)
    store_text(cell, text)
    return cut
