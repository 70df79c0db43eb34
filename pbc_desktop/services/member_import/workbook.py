"""Opening a roster, once ``filekind`` has told what kind of file it is (and refused, with a
sentence, what cannot be read): find the sheet; read its rows.

Read: Excel workbooks (.xlsx, .xlsm, and the old Excel 97-2003 .xls), OpenDocument
spreadsheets (.ods) — all through calamine — and CSV text (UTF-8, with or without a
byte-order mark, or GBK/GB18030, found out from the bytes). The kind of a file is told by
its content, not its name: a CSV named .xls is read as CSV.

Public reading interface (the member import and other imports use it):
:func:`open_book` (a context manager giving a :class:`Book`), :func:`find_sheet`,
:func:`sheet_rows` and :func:`merged_parts`. Each raises :class:`UserError` with one
sentence for a file it cannot use.
"""

from __future__ import annotations

import codecs
import csv
import io
import posixpath
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.etree.ElementTree import ParseError

from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.member_rules import (
    FIELD_BY_KEY,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.services.member_import.filekind import (
    _MAX_TEXT,
    CSV,
    ODS,
    XLSX,
    _check_content,
    _damaged,
    _file_error,
    _not_xlsx,
    _open,
    _password,
    _too_large,
)
from pbc_desktop.services.member_import.ods_merged import ods_merged

# -- reading ----------------------------------------------------------------------------


def _calamine_errors() -> tuple[type[BaseException], ...]:
    from python_calamine import CalamineError

    return (CalamineError,)


# What a broken file makes the readers raise (calamine's own errors are added on first use).
_BROKEN: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    KeyError,
    ParseError,
    ValueError,
    TypeError,
    EOFError,
    OSError,
    IndexError,
    csv.Error,
    *_calamine_errors(),
)
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_SCAN_CHUNK = 1 << 20
# In a sheet's XML: a formula, or a stored number of 16 digits or more (an ID number some
# programs write as a number; calamine reads it as a float, which keeps only 15 or so), or
# a number of 0 or below (in a date cell calamine reads it as the time 00:00:00).
_XLSX_MARK = re.compile(rb"<f[\s>/]|<v>(-?\d{16,})</v>|<v>(0|-\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)</v>")
# A cell's type, which says its <v> is no number: an index of a shared string, a string,
# an error or a truth value.
_XLSX_NOT_NUMBER = re.compile(rb'\bt="(?!n")')
_XLSX_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d+)"')
_ROW_END = b"</row>"

Row = list[object]


class Worksheet:
    """One sheet of a :class:`Book`: its title, whether it is hidden, and its rows."""

    def __init__(self, title: str, sheet_state: str) -> None:
        self.title = title
        self.sheet_state = sheet_state  # "visible" or "hidden"

    @property
    def max_row(self) -> int | None:
        """Excel's number of the last row, if known before reading."""
        return None

    def rows(self) -> Iterator[Row]:
        """Every row from the first (row 1), empty ones included, as far as the sheet goes."""
        raise NotImplementedError

    def merged(self) -> list[tuple[int, int, int, int]]:
        """Merged ranges as 0-based (first row, first column, last row, last column)."""
        return []

    def marks(self) -> dict[int, dict[int, object]]:
        """Row number → 0-based column → the value to read instead of the reader's: a
        formula saved without its result (:data:`~member_cells.UNCALCULATED`), an exact
        integer the reader rounded."""
        return {}

    def read_ahead(self) -> None:
        """Start reading the sheet in the background (see :meth:`Book.read_ahead`)."""


class _CalamineSheet(Worksheet):
    def __init__(self, book: Book, title: str, sheet_state: str, part: str | None) -> None:
        super().__init__(title, sheet_state)
        self._book = book
        self._part = part  # the sheet's XML in an .xlsx
        self._sheet: Any = None
        self._marks: dict[int, dict[int, object]] | None = None

    def _loaded(self) -> Any:
        if self._sheet is None:
            self._sheet = self._book.sheet_named(self.title)
        return self._sheet

    def read_ahead(self) -> None:
        self._book.read_ahead(self.title)

    @property
    def max_row(self) -> int | None:
        end = self._loaded().end
        return None if end is None else end[0] + 1

    def rows(self) -> Iterator[Row]:
        sheet = self._loaded()
        if sheet.start is None:
            return
        # calamine's rows start at row 1 but at the sheet's first used column.
        pad: Row = [None] * sheet.start[1]
        if pad:
            for values in sheet.iter_rows():
                yield pad + values
        else:
            yield from sheet.iter_rows()

    def merged(self) -> list[tuple[int, int, int, int]]:
        if self._book.kind == ODS and self._book.stream is not None:
            return ods_merged(self._book.stream, self.title)  # calamine gives none of .ods
        ranges = self._loaded().merged_cell_ranges or []
        return [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in ranges]

    def marks(self) -> dict[int, dict[int, object]]:
        if self._marks is None:
            if self._part is None or self._book.stream is None:
                return {}
            with zipfile.ZipFile(self._book.stream) as archive, archive.open(self._part) as src:
                self._marks = _xlsx_marks(src)
        return self._marks

    def drop(self) -> None:
        self._sheet = None
        self._marks = None


def _xlsx_marks(src: IO[bytes]) -> dict[int, dict[int, object]]:
    """The formulas and long stored integers of a sheet's XML, a whole number of rows at a
    time (a scan of its bytes: most sheets have neither)."""
    out: dict[int, dict[int, object]] = {}
    rest = b""
    while True:
        chunk = src.read(_SCAN_CHUNK)
        data = rest + chunk
        cut = len(data) if not chunk else data.rfind(_ROW_END) + len(_ROW_END)
        if chunk and cut < len(_ROW_END):  # no row ends in it yet
            rest = data
            continue
        piece, rest = data[:cut], data[cut:]
        for match in _XLSX_MARK.finditer(piece):
            start = piece.rfind(b"<c ", 0, match.start())
            cell = _XLSX_CELL.match(piece, start) if start >= 0 else None
            if cell is None:
                continue
            col, row = _cell(cell.group(1).decode() + cell.group(2).decode())
            digits, below_one = match.group(1), match.group(2)
            value: object
            if below_one is not None:
                if _XLSX_NOT_NUMBER.search(piece, start, match.start()):
                    continue  # “0”: the first shared string
                value = float(below_one)
            else:
                value = cells.UNCALCULATED if digits is None else int(digits)
            out.setdefault(row, {})[col] = value
        if not chunk:
            return out


class _CsvSheet(Worksheet):
    def __init__(self, path: Path, text: str) -> None:
        super().__init__(path.stem, "visible")
        self._path = path
        self._text = text

    @property
    def max_row(self) -> int | None:
        return self._text.count("\n") + 1

    def rows(self) -> Iterator[Row]:
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=_delimiter(self._text))
        read = 0
        try:
            for record in reader:
                read += 1
                yield [_csv_value(v) for v in record]
        except csv.Error as exc:
            if not str(exc).startswith(_FIELD_LIMIT):
                raise
            raise _field_too_long(self._path, read + 1) from None


#: how the csv module starts the error for a field over :func:`csv.field_size_limit`
_FIELD_LIMIT = "field larger than field limit"


def _field_too_long(path: Path, row: int) -> UserError:
    """A CSV field longer than the reader takes (a cell of Excel holds far less): said with
    its row, as Excel numbers the records, rather than called damaged."""
    limit = csv.field_size_limit()
    return _file_error(
        path,
        f"第{row}行有一个字段超过 {limit} 个字符，远超名册中一格应有的长度"
        "（Excel 的单元格最多 32767 个字符；也可能是这一行有一个引号没有配对）。"
        "请检查并改正这一行后再导入。",
        f"row {row} has a field of more than {limit} characters, far more than any roster "
        "cell holds (an Excel cell holds at most 32767; or a quotation mark in that row "
        "is never closed). Correct that row and import the file again.",
    )


def _csv_value(text: str) -> object:
    """A CSV field; ``="0123"`` (how some systems keep ID numbers as text) gives ``0123``."""
    if not text:
        return None
    if text.startswith('="') and text.endswith('"') and len(text) >= 3:
        return text[2:-1]
    return text


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon: the one the first lines use most."""
    head = text[:4096]
    return max((",", "\t", ";"), key=head.count) if head else ","


def _decoded(path: Path, data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_xlsx(
        path,
        "文件是文本文件（如 CSV），但它的文字编码无法识别。",
        "it is a text file (such as CSV) in an encoding that cannot be told.",
    )


@dataclass
class Book:
    """An open roster file: its sheets (worksheets only, in the file's order), the one
    Excel shows first, and the date system of its serial numbers."""

    kind: str
    worksheets: list[Worksheet] = field(default_factory=list)
    active_index: int = 0
    epoch_1904: bool = False
    calamine: Any = None
    stream: IO[bytes] | None = None
    _ahead: _ReadAhead | None = field(default=None, init=False, repr=False)

    def read_ahead(self, title: str) -> None:
        """Start parsing the sheet ``title`` in a thread. calamine lets go of the
        interpreter lock while it parses (most of a second for a district's roster), so
        what the caller does meanwhile (the database's facts, the sheet's formulas) runs
        on another core."""
        if self.calamine is not None and self._ahead is None:
            # known to close() before it starts: a Ctrl+C while it starts is waited out
            ahead = self._ahead = _ReadAhead(self.calamine, title)
            ahead.start()

    def sheet_named(self, title: str) -> Any:
        """calamine's sheet ``title``: the one read ahead (waited for) or read now. Only
        one thread at a time uses the workbook."""
        ahead = self._ahead
        if ahead is not None:
            sheet = ahead.result()  # interrupted here, it is still waited for by close()
            if sheet is None:  # it never began
                self._ahead = None
            elif ahead.title == title:
                self._ahead = None
                return sheet.unwrap()
            # kept for when its sheet is asked for (a roster after a notes sheet)
        return self.calamine.get_sheet_by_name(title)

    @property
    def active(self) -> Worksheet | None:
        if 0 <= self.active_index < len(self.worksheets):
            return self.worksheets[self.active_index]
        return None

    def close(self) -> None:
        if self._ahead is not None:  # never close the workbook under its reader
            self._ahead.result()
            self._ahead = None
        for ws in self.worksheets:
            if isinstance(ws, _CalamineSheet):
                ws.drop()
        if self.calamine is not None:
            self.calamine.close()
            self.calamine = None
        self.stream = None


@dataclass(frozen=True)
class _Outcome:
    """What a read-ahead gave: calamine's sheet, or what it raised."""

    sheet: Any = None
    error: BaseException | None = None

    def unwrap(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.sheet


class _ReadAhead:
    """One sheet parsed by calamine in a thread of its own (see :meth:`Book.read_ahead`)."""

    def __init__(self, workbook: Any, title: str) -> None:
        self.title = title
        self._outcome = _Outcome()
        # Set once the thread no longer uses the workbook. Not ``Thread.join``: a join
        # interrupted by Ctrl+C takes the thread for ended (Python 3.11), and the next
        # one returns at once: the workbook was closed under its reader ("Already
        # borrowed", an internal error instead of the interruption's sentence).
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._claimed = False  # the thread reads the sheet (or was told not to)
        self._started = False  # its start returned (else Ctrl+C interrupted it)
        self._thread = threading.Thread(
            target=self._run, args=(workbook,), name="calamine-read-ahead", daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        self._started = True

    def _run(self, workbook: Any) -> None:
        with self._lock:
            if self._claimed:  # its start was interrupted and it is no longer wanted
                return
            self._claimed = True
        try:
            self._outcome = _Outcome(sheet=workbook.get_sheet_by_name(self.title))
        except BaseException as exc:  # handed to the reader, who says what is wrong
            self._outcome = _Outcome(error=exc)
        finally:
            self._done.set()

    def result(self) -> _Outcome | None:
        """What the thread read (waited for); None when its start was interrupted and it
        had not begun: it never will (the sheet is read by the caller)."""
        if not self._started:
            with self._lock:
                if not self._claimed:
                    self._claimed = True
                    return None
        self._done.wait()
        return self._outcome


def _calamine_book(stream: IO[bytes]) -> Any:
    """calamine's workbook from the open file (it reads the whole file first)."""
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(stream)


@dataclass(frozen=True)
class _XlsxInfo:
    epoch_1904: bool = False
    active: str | None = None  # the title of the sheet shown first
    parts: dict[str, str] = field(default_factory=dict)  # sheet title → its XML's name


def _xlsx_info(stream: IO[bytes]) -> _XlsxInfo:
    """What calamine does not tell of an .xlsx: the date system, the sheet Excel shows first
    and where each sheet's XML is (a broken part leaves the defaults: calamine says more)."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return _XlsxInfo()
            root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            rels_name = "xl/_rels/workbook.xml.rels"
            rels = ElementTree.fromstring(archive.read(rels_name)) if rels_name in names else None
    except _BROKEN:
        return _XlsxInfo()
    finally:
        stream.seek(0)
    targets = {}
    for rel in rels.iter() if rels is not None else ():
        if rel.get("Id") and rel.get("Target"):
            target = rel.get("Target", "")
            targets[rel.get("Id")] = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            )
    titles, parts = [], {}
    for sheet in root.iterfind("{*}sheets/{*}sheet"):
        title = sheet.get("name", "")
        titles.append(title)
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        if rid in targets:
            parts[title] = targets[rid]
    pr = root.find("{*}workbookPr")
    epoch_1904 = pr is not None and pr.get("date1904", "").lower() in ("1", "true")
    view = root.find("{*}bookViews/{*}workbookView")
    try:
        active_tab = int(view.get("activeTab", "0")) if view is not None else 0
    except ValueError:
        active_tab = 0
    active = titles[active_tab] if 0 <= active_tab < len(titles) else None
    return _XlsxInfo(epoch_1904, active, parts)


def _load_calamine(path: Path, stream: IO[bytes], kind: str) -> Book:
    from python_calamine import PasswordError, SheetTypeEnum, SheetVisibleEnum

    info = _xlsx_info(stream) if kind == XLSX else _XlsxInfo()
    try:
        workbook = _calamine_book(stream)
        metadata = list(workbook.sheets_metadata)
    except PasswordError:
        raise _password(path) from None
    except _BROKEN:
        raise _damaged(path) from None
    finally:
        stream.seek(0)
    book = Book(kind, epoch_1904=info.epoch_1904, calamine=workbook, stream=stream)
    for meta in metadata:
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        state = "visible" if meta.visible == SheetVisibleEnum.Visible else "hidden"
        book.worksheets.append(_CalamineSheet(book, meta.name, state, info.parts.get(meta.name)))
    titles = [ws.title for ws in book.worksheets]
    book.active_index = titles.index(info.active) if info.active in titles else 0
    return book


def _load_csv(path: Path, stream: IO[bytes]) -> Book:
    data = stream.read(_MAX_TEXT + 1)
    stream.seek(0)
    if len(data) > _MAX_TEXT:
        raise _too_large(path, path.stat().st_size, unpacked=False)
    return Book(CSV, [_CsvSheet(path, _decoded(path, data))])


def load_book(path: Path, stream: IO[bytes], kind: str) -> Book:
    """The file opened as :func:`_check_content` found it to be (close it when done)."""
    if kind == CSV:
        return _load_csv(path, stream)
    return _load_calamine(path, stream, kind)


@contextmanager
def open_book(path: Path | str) -> Iterator[Book]:
    """The roster file at ``path``, checked and open; a file that cannot be read raises
    :class:`UserError` with a sentence saying why and what to do."""
    path = Path(path)
    with _open(path) as stream:
        book = load_book(path, stream, _check_content(path, stream))
        try:
            yield book
        finally:
            book.close()


@dataclass
class _Sheet:
    name: str
    header_row: int  # Excel's row number
    header: cells.HeaderMatch
    estimate: int | None  # rows according to the sheet's dimension, if it tells
    worksheet: Any


@dataclass(frozen=True)
class _SheetChoice:
    """The sheet to read, and the other sheets that look like rosters."""

    sheet: _Sheet
    rosters: tuple[str, ...]  # the visible sheets that qualify, the chosen one included
    hidden: tuple[str, ...]  # hidden sheets that qualify (never read unless chosen)
    notices: tuple[str, ...]


def _sheet_rows(
    path: Path, ws: Worksheet, *, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[int, Row]]:
    """``(Excel's row number, values)`` of each row the sheet holds, read lazily; a broken
    part of the file becomes a message. A formula without a saved result reads as
    :data:`~pbc_desktop.domain.member_cells.UNCALCULATED` (not when ``max_row`` is given:
    the first rows are read for their header)."""
    try:
        marks = ws.marks() if max_row is None else {}
        for index, values in enumerate(ws.rows()):
            row_no = index + 1
            if row_no < min_row:
                continue
            if max_row is not None and row_no > max_row:
                return
            found = marks.get(row_no)
            yield row_no, _marked(values, found) if found else values
    except _BROKEN:
        raise _damaged(path) from None


def _marked(values: Row, found: dict[int, object]) -> Row:
    values = list(values)
    for col, mark in found.items():
        if col >= len(values):
            values.extend([None] * (col + 1 - len(values)))
        now = values[col]
        if (
            (mark is cells.UNCALCULATED and cells.is_blank(now))
            or (isinstance(mark, int) and isinstance(now, float))
            or (isinstance(mark, float) and isinstance(now, time))
        ):
            # A date serial of 0 or below, read as 00:00:00: quoted as the number it is.
            values[col] = mark
    return values


def _first_rows(path: Path, ws: Worksheet) -> list[Row]:
    rows: list[Row] = [[] for _ in range(cells.HEADER_SEARCH_ROWS)]
    for row_no, values in _sheet_rows(path, ws, max_row=cells.HEADER_SEARCH_ROWS):
        rows[row_no - 1] = values
    return rows


def merged_parts(path: Path, sheet: _Sheet) -> dict[int, dict[int, cells.MergedPart]]:
    """Row number → column index → the merged range, for the cells of the columns read,
    below the header, that lie inside merged cells but are not their first cell."""
    columns = set(sheet.header.columns)
    out: dict[int, dict[int, cells.MergedPart]] = {}
    try:
        ranges = sheet.worksheet.merged()
    except _BROKEN:
        raise _damaged(path) from None
    last = sheet.header_row + cells.MAX_DATA_ROWS + 1
    for r1, c1, r2, c2 in ranges:
        first = f"{cells.column_letter(c1)}{r1 + 1}"
        end = f"{cells.column_letter(c2)}{r2 + 1}"
        part = cells.MergedPart(f"{first}:{end}" if end != first else first)
        for row in range(max(r1 + 1, sheet.header_row + 1), min(r2 + 1, last) + 1):
            for col in columns.intersection(range(c1, c2 + 1)):
                if (row, col) != (r1 + 1, c1):
                    out.setdefault(row, {})[col] = part
    return out


def _cell(ref: str) -> tuple[int, int]:
    """``B3`` → (1, 3): the 0-based column index and Excel's row number."""
    match = _CELL_REF.fullmatch(ref)
    if match is None:
        raise ValueError(ref)
    index = 0
    for letter in match.group(1):
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1, int(match.group(2))


def _quoted(names: Iterable[str]) -> str:
    return t("、".join(f"“{n}”" for n in names), ", ".join(f"“{n}”" for n in names))


def _unknown_sheet(path: Path, wanted: str, names: Sequence[str]) -> UserError:
    return _file_error(
        path,
        f"工作簿里没有名为“{wanted}”的工作表。它的工作表是：{_quoted(names)}。",
        f"the workbook has no sheet named “{wanted}”. Its sheets are {_quoted(names)}.",
    )


def likely_sheet(book: Book, wanted: str | None = None) -> Worksheet | None:
    """The sheet :func:`_find_sheet` reads first (to read it ahead): the one Excel shows
    first when it is visible, else the first visible one (every visible sheet is looked at,
    even when another is ``wanted``), else ``wanted``."""
    active = book.active
    if active is not None and active.sheet_state == "visible":
        return active
    visible = next((ws for ws in book.worksheets if ws.sheet_state == "visible"), None)
    if visible is not None or wanted is None:
        return visible
    return next((ws for ws in book.worksheets if ws.title == wanted), None)


def _find_sheet(path: Path, workbook: Any, wanted: str | None = None) -> _SheetChoice:
    """The sheet to read: ``wanted``, or the first visible sheet (the active one first)
    whose header names the required columns. Hidden sheets are read only when chosen."""
    every = list(workbook.worksheets)
    chosen = None
    if wanted is not None:
        chosen = next((ws for ws in every if ws.title == wanted), None) or next(
            (ws for ws in every if ws.title.strip().casefold() == wanted.strip().casefold()),
            None,
        )
        if chosen is None:
            raise _unknown_sheet(path, wanted, [ws.title for ws in every])
    visible = [ws for ws in every if ws.sheet_state == "visible"]
    active = workbook.active
    if active in visible:
        visible.remove(active)
        visible.insert(0, active)
    found, incomplete, anything = _rosters(path, visible)
    hidden = _hidden_rosters(path, [ws for ws in every if ws is not chosen])
    if chosen is not None:
        sheet = next((s for s in found if s.worksheet is chosen), None)
        if sheet is None:
            alone, incomplete, anything = _rosters(path, [chosen])
            if not alone:
                raise _no_roster(path, incomplete, anything=anything)
            sheet = alone[0]
            found.append(sheet)
    elif found:
        sheet = found[0]
    elif hidden:
        raise _file_error(
            path,
            f"名册在隐藏的工作表{_quoted(hidden)}中，隐藏的工作表不会导入。请在 Excel 中右键单击"
            "工作表标签，选择“取消隐藏”，保存后再导入。",
            f"the roster is on the hidden sheet {_quoted(hidden)}, and hidden sheets are not "
            "imported. In Excel, right-click a sheet tab, choose Unhide, save the workbook "
            "and import it again.",
        )
    else:
        raise _no_roster(path, incomplete, anything=anything)
    _refuse_hidden_numbers(path, sheet)
    rosters = tuple(s.name for s in found)
    return _SheetChoice(sheet, rosters, hidden, _sheet_notices(sheet, rosters, hidden))


_NUMBERS_LOOKED_AT = 20


def _refuse_hidden_numbers(path: Path, sheet: _Sheet) -> None:
    """Refuse, in one sentence, a roster whose ID numbers are partly hidden by * (an export
    made with hidden numbers, read back after editing): each of its rows was refused with
    the same three reasons, hundreds of lines."""
    column = next(i for i, key in sheet.header.columns.items() if key == "id_number")
    first, last = sheet.header_row + 1, sheet.header_row + _NUMBERS_LOOKED_AT
    numbers = [
        str(values[column])
        for _no, values in _sheet_rows(path, sheet.worksheet, min_row=first, max_row=last)
        if column < len(values) and not cells.is_blank(values[column])
    ]
    if numbers and all("*" in number for number in numbers):
        raise _file_error(
            path,
            "表格中的身份证号都有数字被 * 隐藏了（这是隐藏身份证号的导出文件）。"
            "请使用导出时选择了显示完整身份证号的文件。",
            "the ID numbers of the sheet have digits hidden by * (an export with hidden ID "
            "numbers). Import an export made with the full ID numbers shown.",
        )


def _rosters(
    path: Path, sheets: Sequence[Any]
) -> tuple[list[_Sheet], cells.HeaderMatch | None, bool]:
    """The sheets whose header names the required columns; the first header lacking some;
    whether any of the sheets holds anything."""
    found: list[_Sheet] = []
    incomplete: cells.HeaderMatch | None = None
    anything = False
    for ws in sheets:
        sheet, rows = _sheet_of(path, ws)
        anything = anything or any(not cells.is_blank(v) for row in rows for v in row)
        anything = anything or (sheet is None and _holds_anything_below(path, ws))
        if sheet is None:
            continue
        if set(cells.REQUIRED_KEYS) <= sheet.header.keys:
            found.append(sheet)
        else:
            incomplete = incomplete or sheet.header
    return found, incomplete, anything


def _holds_anything_below(path: Path, ws: Worksheet) -> bool:
    """Whether a sheet whose first rows are blank holds something further down (a roster
    whose header is below them is no empty workbook)."""
    try:
        return any(
            not cells.is_blank(v)
            for index, values in enumerate(ws.rows())
            if index >= cells.HEADER_SEARCH_ROWS
            for v in values
        )
    except _BROKEN:
        raise _damaged(path) from None


def _no_roster(path: Path, incomplete: cells.HeaderMatch | None, *, anything: bool) -> UserError:
    if not anything:
        return _file_error(path, "工作簿里没有任何内容。", "the workbook is empty.")
    required = cells.required_headers_text()
    if incomplete is not None:
        missing = [k for k in cells.REQUIRED_KEYS if k not in incomplete.keys]
        names = t(
            "、".join(FIELD_BY_KEY[k].zh for k in missing),
            ", ".join(FIELD_BY_KEY[k].en for k in missing),
        )
        return _file_error(
            path,
            f"表格缺少“{names}”列。表头须包含 {required} 这几列。",
            f"the sheet has no “{names}” column. The header must name the columns {required}.",
        )
    return _file_error(
        path,
        f"在前 {cells.HEADER_SEARCH_ROWS} 行中找不到表头行。"
        f"表头行须包含 {required} 这几列（列的顺序不限，其他列会被忽略）。",
        f"no header row in the first {cells.HEADER_SEARCH_ROWS} rows. The header row must "
        f"name the columns {required} (in any order; other columns are ignored).",
    )


def _sheet_of(path: Path, ws: Any) -> tuple[_Sheet | None, list[list[object]]]:
    """The sheet with its header row (``None`` without one), and its first rows."""
    try:
        estimate = ws.max_row
    except _BROKEN:
        estimate = None
    rows = _first_rows(path, ws)
    header = cells.find_header(rows)
    if header is None:
        return None, rows
    return _Sheet(ws.title, header.row_index + 1, header, estimate, ws), rows


def _hidden_rosters(path: Path, every: Sequence[Any]) -> tuple[str, ...]:
    out = []
    for ws in every:
        if ws.sheet_state == "visible":
            continue
        sheet, _rows = _sheet_of(path, ws)
        if sheet is not None and set(cells.REQUIRED_KEYS) <= sheet.header.keys:
            out.append(ws.title)
    return tuple(out)


def _sheet_notices(sheet: _Sheet, rosters: Sequence[str], hidden: Sequence[str]) -> tuple[str, ...]:
    notices = []
    others = [n for n in rosters if n != sheet.name]
    if others:
        notices.append(
            t(
                f"工作簿中有 {len(rosters)} 个工作表像党员名册：读取了“{sheet.name}”，"
                f"没有读取{_quoted(others)}。如需导入其他工作表，请另行选择该工作表导入。",
                f"{len(rosters)} sheets of the workbook look like rosters: “{sheet.name}” was "
                f"read, {_quoted(others)} not. To import another one, choose that sheet.",
            )
        )
    if hidden:
        notices.append(
            t(
                f"隐藏的工作表{_quoted(hidden)}也像党员名册，没有读取（隐藏的工作表不导入）。",
                f"The hidden sheet {_quoted(hidden)} also looks like a roster and was not "
                "read (hidden sheets are not imported).",
            )
        )
    notices.extend(sheet.header.duplicate_notices())
    return tuple(notices)


# -- the rows of any workbook (other imports) ---------------------------------------------


@dataclass(frozen=True)
class SheetRows:
    """A visible sheet: its name and its rows, ``(Excel's row number, values)``."""

    name: str
    rows: tuple[tuple[int, list[object]], ...]
    truncated: bool  # the sheet has more rows than were asked for


@dataclass(frozen=True)
class WorkbookRows:
    sheets: tuple[SheetRows, ...]  # the visible sheets, the active one first
    epoch_1904: bool


def read_visible_sheets(path: Path | str, *, max_rows: int) -> WorkbookRows:
    """The rows of every visible sheet of the file at ``path`` (the active sheet first), for
    imports other than the roster's: every kind the roster reads (.xlsx, .xlsm, .xls, .ods,
    CSV), and a file that cannot be read is refused with the roster's sentences. At most
    ``max_rows`` rows are read a sheet. A formula without a saved result reads as
    :data:`~pbc_desktop.domain.member_cells.UNCALCULATED`; the cells inside merged cells
    read as their first cell (a parent named once for several rows)."""
    path = Path(path)
    with open_book(path) as book:
        visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
        active = book.active
        if active in visible:
            visible.remove(active)
            visible.insert(0, active)
        sheets = []
        for ws in visible:
            rows: list[tuple[int, list[object]]] = []
            truncated = False
            for row in _sheet_rows(path, ws):
                if len(rows) == max_rows:
                    truncated = True
                    break
                rows.append(row)
            try:
                ranges = ws.merged()
            except _BROKEN:
                raise _damaged(path) from None
            _fill_merged(rows, ranges)
            sheets.append(SheetRows(ws.title, tuple(rows), truncated))
        return WorkbookRows(tuple(sheets), book.epoch_1904)


def _fill_merged(
    rows: list[tuple[int, list[object]]], ranges: Sequence[tuple[int, int, int, int]]
) -> None:
    """Give every cell inside merged cells (0-based ranges), in the rows read, the value
    of the first."""
    by_row = dict(rows)
    for r1, c1, r2, c2 in ranges:
        top = by_row.get(r1 + 1)
        value = top[c1] if top is not None and c1 < len(top) else None
        if cells.is_blank(value):
            continue
        for row_no in range(r1 + 1, r2 + 2):
            values = by_row.get(row_no)
            if values is None:
                continue
            if len(values) <= c2:
                values.extend([None] * (c2 + 1 - len(values)))
            for col in range(c1, c2 + 1):
                if cells.is_blank(values[col]):
                    values[col] = value


# The reading interface under its public names (the underscored ones stay for old callers).
find_sheet = _find_sheet
sheet_rows = _sheet_rows
