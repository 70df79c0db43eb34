"""Opening a roster workbook: refuse what is not an .xlsx, find the sheet, read its rows."""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.member_rules import (
    FIELD_BY_KEY,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _damaged(path) from None
    finally:
        stream.seek(0)
    if "xl/workbook.xml" in names or any(n.endswith("/workbook.xml") for n in names):
        return
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
    if path.suffix.lower() in (".csv", ".txt") or _looks_like_text(sample):
        raise _not_xlsx(
            path,
            "这是一个文本文件(如 CSV),不是 Excel 工作簿。",
            "this is a text file (such as CSV), not an Excel workbook.",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise _damaged(path)
    raise _not_xlsx(path, "它不是 Excel 工作簿。", "it is not an Excel workbook.")


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
            f"the file cannot be opened ({exc.strerror or exc}). Close it in other programs "
            "and try again.",
        ) from exc


# -- reading ----------------------------------------------------------------------------

# What openpyxl raises on a workbook whose parts are broken.
_BROKEN = (zipfile.BadZipFile, KeyError, ParseError, ValueError, TypeError, EOFError, OSError)


@dataclass
class _Sheet:
    name: str
    header_row: int  # Excel's row number
    header: cells.HeaderMatch
    estimate: int | None  # rows according to the sheet's dimension, if it tells
    worksheet: Any


def _rows_of(path: Path, ws: Any, **kwargs: Any) -> Iterator[tuple[object, ...]]:
    """The rows openpyxl reads lazily; a broken part of the file becomes a message."""
    rows = ws.iter_rows(values_only=True, **kwargs)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except _BROKEN:
            raise _damaged(path) from None
        yield row


def _first_rows(path: Path, ws: Any) -> list[tuple[object, ...]]:
    return list(islice(_rows_of(path, ws), cells.HEADER_SEARCH_ROWS))


def _find_sheet(path: Path, workbook: Any) -> _Sheet:
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    incomplete: cells.HeaderMatch | None = None
    anything = False
    for ws in sheets:
        try:
            estimate = ws.max_row
        except _BROKEN:
            estimate = None
        ws.reset_dimensions()
        rows = _first_rows(path, ws)
        anything = anything or any(not cells.is_blank(v) for row in rows for v in row)
        header = cells.find_header(rows)
        if header is None:
            continue
        if set(cells.REQUIRED_KEYS) <= header.keys:
            return _Sheet(ws.title, header.row_index + 1, header, estimate, ws)
        incomplete = incomplete or header
    if not anything:
        raise _file_error(path, "工作簿里没有任何内容。", "the workbook is empty.")
    required = cells.required_headers_text()
    if incomplete is not None:
        missing = [k for k in cells.REQUIRED_KEYS if k not in incomplete.keys]
        names = t(
            "、".join(FIELD_BY_KEY[k].zh for k in missing),
            ", ".join(FIELD_BY_KEY[k].en for k in missing),
        )
        raise _file_error(
            path,
            f"表格缺少“{names}”列。表头须包含 {required} 这几列。",
            f"the sheet has no “{names}” column. The header must name the columns {required}.",
        )
    raise _file_error(
        path,
        f"在前 {cells.HEADER_SEARCH_ROWS} 行中找不到表头行。"
        f"表头行须包含 {required} 这几列(列的顺序不限,其他列会被忽略)。",
        f"no header row in the first {cells.HEADER_SEARCH_ROWS} rows. The header row must "
        f"name the columns {required} (in any order; other columns are ignored).",
    )
