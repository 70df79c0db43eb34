"""Merged cells of an OpenDocument spreadsheet (.ods), which calamine does not report.

A merged cell is written in ``content.xml`` as a ``table:table-cell`` with
``table:number-rows-spanned`` / ``table:number-columns-spanned``; the cells it covers follow
as ``table:covered-table-cell``. Positions count repeated rows and cells
(``number-rows-repeated``, ``number-columns-repeated``: how LibreOffice writes runs of
blank cells). Most sheets merge nothing: the XML is first scanned for the attribute and
parsed only when it is there.
"""

from __future__ import annotations

import zipfile
from typing import IO
from xml.etree.ElementTree import iterparse

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE = f"{{{_TABLE_NS}}}table"
_ROW = f"{{{_TABLE_NS}}}table-row"
_CELL = f"{{{_TABLE_NS}}}table-cell"
_COVERED = f"{{{_TABLE_NS}}}covered-table-cell"
_NAME = f"{{{_TABLE_NS}}}name"
_ROWS_REPEATED = f"{{{_TABLE_NS}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE_NS}}}number-columns-repeated"
_ROWS_SPANNED = f"{{{_TABLE_NS}}}number-rows-spanned"
_COLUMNS_SPANNED = f"{{{_TABLE_NS}}}number-columns-spanned"
_SPAN_MARK = b"-spanned="
_SCAN_CHUNK = 1 << 20

Range = tuple[int, int, int, int]


def _count(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1


def _spans(src: IO[bytes]) -> bool:
    """Whether the XML names a spanned cell at all (a scan of its bytes)."""
    rest = b""
    while chunk := src.read(_SCAN_CHUNK):
        if _SPAN_MARK in rest + chunk:
            return True
        rest = chunk[-len(_SPAN_MARK) :]
    return False


def ods_merged(stream: IO[bytes], sheet: str) -> list[Range]:
    """The merged ranges of the sheet named ``sheet`` as 0-based (first row, first column,
    last row, last column), as calamine gives them for .xlsx and .xls. Raises what a broken
    zip or XML raises (the caller turns it into a sentence)."""
    try:
        with zipfile.ZipFile(stream) as archive:
            with archive.open("content.xml") as src:
                if not _spans(src):
                    return []
            with archive.open("content.xml") as src:
                return _read_ranges(src, sheet)
    finally:
        stream.seek(0)


def _read_ranges(src: IO[bytes], sheet: str) -> list[Range]:
    out: list[Range] = []
    inside = False
    row = col = 0
    for event, elem in iterparse(src, events=("start", "end")):
        tag = elem.tag
        if tag == _TABLE:
            if event == "start":
                inside, row = elem.get(_NAME) == sheet, 0
            elif inside:
                return out
            else:
                elem.clear()
        elif not inside:
            if event == "end" and tag == _ROW:
                elem.clear()
        elif tag == _ROW:
            if event == "start":
                col = 0
            else:
                row += _count(elem.get(_ROWS_REPEATED))
                elem.clear()
        elif event == "start" and tag in (_CELL, _COVERED):
            rows, cols = _count(elem.get(_ROWS_SPANNED)), _count(elem.get(_COLUMNS_SPANNED))
            if tag == _CELL and (rows > 1 or cols > 1):
                out.append((row, col, row + rows - 1, col + cols - 1))
            col += _count(elem.get(_COLUMNS_REPEATED))
    return out
