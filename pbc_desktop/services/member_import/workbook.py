"""Opening a roster workbook: refuse what is not an .xlsx, find the sheet, read its rows."""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.member_rules import (
    FIELD_BY_KEY,
)
from pbc_desktop.errors import UserError, os_reason
from pbc_desktop.lang import t

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"
_XML_HEAD = 4096
# A roster of 200,000 rows unpacks to a few hundred MB; its parts compress 5 to 30 times.
_MAX_UNPACKED = 1 << 30
_MAX_RATIO = 200
_RATIO_FROM = 16 << 20  # small parts (styles, a few rows) may compress better


def _file_error(path: Path, zh: str, en: str) -> UserError:
    return UserError(t(f"无法导入“{path.name}”:{zh}", f"Cannot import “{path.name}”: {en}"))


def _save_as_xlsx_hint() -> tuple[str, str]:
    return (
        "请在 Excel 或 WPS 中打开它,另存为“Excel 工作簿(*.xlsx)”后再导入。",
        "Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and import that file.",
    )


def _not_xlsx(path: Path, what_zh: str, what_en: str) -> UserError:
    hint_zh, hint_en = _save_as_xlsx_hint()
    return _file_error(path, f"{what_zh}{hint_zh}", f"{what_en} {hint_en}")


def _damaged(path: Path) -> UserError:
    return _file_error(
        path,
        "文件已损坏,无法读取。若能在 Excel 中打开它,请另存为一个新的 .xlsx 文件后再导入。",
        "the file is damaged and cannot be read. If Excel can open it, save it as a new "
        ".xlsx file and import that one.",
    )


# -- opening the file -------------------------------------------------------------------


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _check_ole(path: Path, data: bytes) -> UserError:
    """An OLE compound file: an encrypted workbook, an old .xls, or another Office file."""
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return _file_error(
            path,
            "工作簿设置了打开密码,程序无法读取。请在 Excel 中打开它,"
            "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存,然后再导入。",
            "the workbook is protected by a password. Open it in Excel, clear the password "
            "under File → Info → Protect Workbook → Encrypt with Password, save it and "
            "import it again.",
        )
    if _utf16("WordDocument") in data:
        return _not_xlsx(path, "这是一个 Word 文档,不是 Excel 工作簿。", "this is a Word document.")
    return _not_xlsx(
        path,
        "这是旧版 Excel 97-2003 工作簿(.xls 或 .et),程序只能读取 .xlsx。",
        "this is an old Excel 97-2003 workbook (.xls); only .xlsx workbooks can be read.",
    )


def _check_zip(path: Path, stream: IO[bytes]) -> None:
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            _check_sizes(path, infos)
            book = "xl/workbook.xml" if "xl/workbook.xml" in names else None
            book = book or next((n for n in sorted(names) if n.endswith("/workbook.xml")), None)
            if book is not None:
                with archive.open(book) as part:
                    _check_not_strict(path, part.read(_XML_HEAD))
                return
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        raise _damaged(path) from None
    finally:
        stream.seek(0)
    if "word/document.xml" in names:
        raise _not_xlsx(path, "这是一个 Word 文档,不是 Excel 工作簿。", "this is a Word document.")
    if "ppt/presentation.xml" in names:
        raise _not_xlsx(
            path, "这是一个 PowerPoint 文件,不是 Excel 工作簿。", "this is a PowerPoint file."
        )
    if "content.xml" in names:
        raise _not_xlsx(
            path, "这是 OpenDocument 表格(.ods),不是 Excel 工作簿。", "this is an .ods file."
        )
    raise _not_xlsx(
        path, "这是一个压缩包,不是 Excel 工作簿。", "this is a zip archive, not a workbook."
    )


def _check_sizes(path: Path, infos: Sequence[zipfile.ZipInfo]) -> None:
    """Refuse a workbook that would unpack to far more than any roster (a “zip bomb”),
    from the sizes its archive declares, before anything is unpacked. (Python's zipfile
    never unpacks more than an entry declares: a lie reads as a damaged file.)"""
    total = sum(i.file_size for i in infos)
    inflated = any(
        i.file_size > _RATIO_FROM and i.file_size > _MAX_RATIO * max(i.compress_size, 1)
        for i in infos
    )
    if total <= _MAX_UNPACKED and not inflated:
        return
    size = f"{total / 2**30:.1f} GB" if total >= 2**30 else f"{total / 2**20:.0f} MB"
    raise _file_error(
        path,
        f"文件解压后会有 {size},远超一份党员名册应有的大小(可能已损坏,或被故意构造成“压缩炸弹”),"
        "为免耗尽电脑内存,程序不读取它。请确认选对了文件;若它确是名册,请在 Excel 中打开它,"
        "只复制名册的行到一个新工作簿,保存后再导入。",
        f"it would unpack to {size}, far more than any member roster (it may be damaged or "
        "built as a “zip bomb”), so it is not read, to keep the computer's memory safe. "
        "Check that this is the right file; if it is a roster, open it in Excel, copy the "
        "roster's rows into a new workbook, save it and import that one.",
    )


def _check_not_strict(path: Path, head: bytes) -> None:
    if _STRICT_NS in head:
        raise _file_error(
            path,
            "这是“Strict Open XML 电子表格”格式的工作簿,程序只能读取普通的 .xlsx。请在 Excel 中"
            "打开它,选择“文件 → 另存为”,保存类型选“Excel 工作簿(*.xlsx)”(不要选 Strict Open XML "
            "电子表格),保存后导入新文件。",
            "this workbook is in the “Strict Open XML Spreadsheet” format; only ordinary .xlsx "
            "workbooks can be read. Open it in Excel, choose File → Save As, pick the type "
            "“Excel Workbook (*.xlsx)” (not Strict Open XML Spreadsheet), save it and import "
            "the new file.",
        )


def _check_content(path: Path, stream: IO[bytes]) -> None:
    """Refuse, with a sentence, any file that is not an Excel 2007+ workbook."""
    head = stream.read(8)
    stream.seek(0)
    if not head:
        raise _file_error(path, "文件是空的。", "the file is empty.")
    if head.startswith(b"PK"):
        _check_zip(path, stream)
        return
    if head == _OLE_MAGIC:
        raise _check_ole(path, stream.read())
    sample = stream.read(4096)
    stream.seek(0)
    if _looks_like_utf16(sample):
        raise _not_xlsx(
            path,
            "这是一个 UTF-16(Unicode)编码的文本文件(例如 Excel 另存的“Unicode 文本”,"
            "或别的系统导出的表格),不是 Excel 工作簿。",
            "this is a UTF-16 (Unicode) text file, such as Excel's “Unicode Text” or a table "
            "exported by another system, not an Excel workbook.",
        )
    if path.suffix.lower() in (".csv", ".txt") or _looks_like_text(sample):
        raise _not_xlsx(
            path,
            "这是一个文本文件(如 CSV),不是 Excel 工作簿。",
            "this is a text file (such as CSV), not an Excel workbook.",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise _damaged(path)
    raise _not_xlsx(path, "它不是 Excel 工作簿。", "it is not an Excel workbook.")


def _looks_like_utf16(sample: bytes) -> bool:
    """A byte-order mark, or text whose every other byte is zero (Latin letters, digits)."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    even = len(sample) - len(sample) % 2
    if even < 8:
        return False
    for start, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        zeros = sample[start:even:2]
        if zeros.count(0) >= len(zeros) * 3 // 4:
            try:
                sample[:even].decode(encoding)
            except UnicodeDecodeError:
                return False
            return True
    return False


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # Incremental: the sample may end inside a character.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _open(path: Path) -> IO[bytes]:
    if not path.exists():
        raise UserError(t(f"找不到文件“{path}”。", f"The file “{path}” does not exist."))
    if path.is_dir():
        raise UserError(
            t(f"“{path}”是一个文件夹,请选择文件。", f"“{path}” is a folder; choose a file.")
        )
    try:
        return path.open("rb")
    except OSError as exc:
        raise _file_error(
            path,
            "文件无法打开,可能正被其他程序占用或没有权限。请关闭该文件后重试。",
            f"the file cannot be opened ({os_reason(exc)}). Close it in other programs "
            "and try again.",
        ) from exc


# -- reading ----------------------------------------------------------------------------

# What openpyxl raises on a workbook whose parts are broken.
_BROKEN = (zipfile.BadZipFile, KeyError, ParseError, ValueError, TypeError, EOFError, OSError)
_MERGE_REF = re.compile(rb'mergeCell\b[^>]*?\bref="([A-Z]{1,3}\d+)(?::([A-Z]{1,3}\d+))?"')
_CELL_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_SCAN_CHUNK = 1 << 20


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


@lru_cache(maxsize=1)
def _parser_class() -> type[Any]:
    """openpyxl's sheet parser, telling a formula without a saved result from an empty
    cell (built on first use: openpyxl is imported only when a file is read)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    parse_cell = WorkSheetParser.parse_cell

    class Parser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = parse_cell(self, element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = cells.UNCALCULATED
            return cell

    return Parser


def _sheet_rows(
    path: Path, ws: Any, *, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[int, list[object]]]:
    """``(Excel's row number, values)`` of each row the sheet holds, read lazily; a broken
    part of the file becomes a message. A formula without a saved result reads as
    :data:`~pbc_desktop.domain.member_cells.UNCALCULATED`."""
    wb = ws.parent
    try:
        with ws._get_source() as src:
            parser = _parser_class()(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            for row_no, found in parser.parse():
                if row_no < min_row:
                    continue
                if max_row is not None and row_no > max_row:
                    return
                values: list[object] = [None] * max([c["column"] for c in found], default=0)
                for c in found:
                    values[c["column"] - 1] = c["value"]
                yield row_no, values
    except _BROKEN:
        raise _damaged(path) from None


def _first_rows(path: Path, ws: Any) -> list[list[object]]:
    rows: list[list[object]] = [[] for _ in range(cells.HEADER_SEARCH_ROWS)]
    for row_no, values in _sheet_rows(path, ws, max_row=cells.HEADER_SEARCH_ROWS):
        rows[row_no - 1] = values
    return rows


def merged_parts(path: Path, sheet: _Sheet) -> dict[int, dict[int, cells.MergedPart]]:
    """Row number → column index → the merged range, for the cells of the columns read,
    below the header, that lie inside merged cells but are not their first cell.

    The ranges come at the end of the sheet's XML: they are found by a scan of its bytes,
    before the rows are read, so that each row is checked once.
    """
    ws = sheet.worksheet
    columns = set(sheet.header.columns)
    out: dict[int, dict[int, cells.MergedPart]] = {}
    try:
        with ws._get_source() as src:
            refs = _merge_refs(src)
    except _BROKEN:
        raise _damaged(path) from None
    last = sheet.header_row + cells.MAX_DATA_ROWS + 1
    for first, end in refs:
        c1, r1 = _cell(first)
        c2, r2 = _cell(end or first)
        part = cells.MergedPart(f"{first}:{end}" if end else first)
        for row in range(max(r1, sheet.header_row + 1), min(r2, last) + 1):
            for col in columns.intersection(range(c1, c2 + 1)):
                if (row, col) != (r1, c1):
                    out.setdefault(row, {})[col] = part
    return out


def _merge_refs(src: IO[bytes]) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    buffer = b""
    while chunk := src.read(_SCAN_CHUNK):
        buffer += chunk
        last = 0
        for match in _MERGE_REF.finditer(buffer):
            refs.append((match.group(1).decode(), (match.group(2) or b"").decode()))
            last = match.end()
        buffer = buffer[max(last, len(buffer) - 512) :]
    return refs


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
        f"工作簿里没有名为“{wanted}”的工作表。它的工作表是:{_quoted(names)}。",
        f"the workbook has no sheet named “{wanted}”. Its sheets are {_quoted(names)}.",
    )


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
            f"名册在隐藏的工作表{_quoted(hidden)}中,隐藏的工作表不会导入。请在 Excel 中右键单击"
            "工作表标签,选择“取消隐藏”,保存后再导入。",
            f"the roster is on the hidden sheet {_quoted(hidden)}, and hidden sheets are not "
            "imported. In Excel, right-click a sheet tab, choose Unhide, save the workbook "
            "and import it again.",
        )
    else:
        raise _no_roster(path, incomplete, anything=anything)
    rosters = tuple(s.name for s in found)
    return _SheetChoice(sheet, rosters, hidden, _sheet_notices(sheet, rosters, hidden))


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
        if sheet is None:
            continue
        if set(cells.REQUIRED_KEYS) <= sheet.header.keys:
            found.append(sheet)
        else:
            incomplete = incomplete or sheet.header
    return found, incomplete, anything


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
        f"表头行须包含 {required} 这几列(列的顺序不限,其他列会被忽略)。",
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
                f"工作簿中有 {len(rosters)} 个工作表像党员名册:读取了“{sheet.name}”,"
                f"没有读取{_quoted(others)}。如需导入其他工作表,请另行选择该工作表导入。",
                f"{len(rosters)} sheets of the workbook look like rosters: “{sheet.name}” was "
                f"read, {_quoted(others)} not. To import another one, choose that sheet.",
            )
        )
    if hidden:
        notices.append(
            t(
                f"隐藏的工作表{_quoted(hidden)}也像党员名册,没有读取(隐藏的工作表不导入)。",
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
    """The rows of every visible sheet of the workbook at ``path`` (the active sheet first),
    for imports other than the roster's. A file that is not a usable .xlsx is refused with
    the roster's sentences; at most ``max_rows`` rows are read a sheet. A formula without a
    saved result reads as :data:`~pbc_desktop.domain.member_cells.UNCALCULATED`; the cells
    inside merged cells read as their first cell (a parent named once for several rows)."""
    import warnings

    path = Path(path)
    with _open(path) as stream, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # parts of WPS files that openpyxl drops
        _check_content(path, stream)
        try:
            from openpyxl import load_workbook

            workbook = load_workbook(stream, read_only=True, data_only=True)
        except _BROKEN:
            raise _damaged(path) from None
        try:
            visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
            if workbook.active in visible:
                visible.remove(workbook.active)
                visible.insert(0, workbook.active)
            sheets = []
            for ws in visible:
                rows: list[tuple[int, list[object]]] = []
                truncated = False
                for row in _sheet_rows(path, ws):  # left at a break: its file part closes
                    if len(rows) == max_rows:
                        truncated = True
                        break
                    rows.append(row)
                try:
                    with ws._get_source() as src:
                        _fill_merged(rows, _merge_refs(src))
                except _BROKEN:
                    raise _damaged(path) from None
                sheets.append(SheetRows(ws.title, tuple(rows), truncated))
            epoch_1904 = bool(getattr(workbook, "epoch", None) and workbook.epoch.year == 1904)
        finally:
            workbook.close()
    return WorkbookRows(tuple(sheets), epoch_1904)


def _fill_merged(rows: list[tuple[int, list[object]]], refs: list[tuple[str, str]]) -> None:
    """Give every cell inside merged cells, in the rows read, the value of the first."""
    by_row = dict(rows)
    for first, end in refs:
        if not end:
            continue
        c1, r1 = _cell(first)
        c2, r2 = _cell(end)
        top = by_row.get(r1)
        value = top[c1] if top is not None and c1 < len(top) else None
        if cells.is_blank(value):
            continue
        for row_no in range(r1, r2 + 1):
            values = by_row.get(row_no)
            if values is None:
                continue
            if len(values) <= c2:
                values.extend([None] * (c2 + 1 - len(values)))
            for col in range(c1, c2 + 1):
                if cells.is_blank(values[col]):
                    values[col] = value
