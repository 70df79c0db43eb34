"""Telling what kind of file a roster is, from its content (not its name), and refusing,
with one sentence saying why and what to do, a file that cannot be read: empty, missing,
a folder, a Word or PowerPoint file, a plain archive, a WPS .et file, a password-protected
or Strict Open XML workbook, a web page saved as “.xls”, UTF-16 text, a “zip bomb”.

:func:`open_file` opens the file and :func:`check_content` names its kind (:data:`XLSX`,
:data:`XLS`, :data:`ODS` or :data:`CSV`); ``workbook`` then reads it. The sentences that
reading shares (a damaged file, a password, a file too large) live here too.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from pbc_desktop.errors import UserError, not_regular_file, os_reason
from pbc_desktop.lang import t

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STRICT_NS = b"purl.oclc.org/ooxml/spreadsheetml/main"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_XML_HEAD = 4096
# A roster of 200,000 rows unpacks to a few hundred MB; its parts compress 5 to 30 times.
_MAX_UNPACKED = 1 << 30
_MAX_RATIO = 200
_RATIO_FROM = 16 << 20  # small parts (styles, a few rows) may compress better
# A CSV of 200,000 rows has some 50 MB; it is read whole to find out its encoding.
_MAX_TEXT = 256 << 20

#: The kinds of file read: an Excel 2007+ workbook, an Excel 97-2003 one, OpenDocument, CSV.
XLSX, XLS, ODS, CSV = "xlsx", "xls", "ods", "csv"


def _file_error(path: Path, zh: str, en: str) -> UserError:
    return UserError(t(f"无法导入“{path.name}”：{zh}", f"Cannot import “{path.name}”: {en}"))


def _save_as_xlsx_hint() -> tuple[str, str]:
    return (
        "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再导入。",
        "Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and import that file.",
    )


def _not_xlsx(path: Path, what_zh: str, what_en: str) -> UserError:
    hint_zh, hint_en = _save_as_xlsx_hint()
    return _file_error(path, f"{what_zh}{hint_zh}", f"{what_en} {hint_en}")


def _damaged(path: Path) -> UserError:
    return _file_error(
        path,
        "文件已损坏，无法读取。若能在 Excel 中打开它，请另存为一个新的 .xlsx 文件后再导入。",
        "the file is damaged and cannot be read. If Excel can open it, save it as a new "
        ".xlsx file and import that one.",
    )


def _password(path: Path) -> UserError:
    return _file_error(
        path,
        "工作簿设置了打开密码，程序无法读取。请在 Excel 中打开它，"
        "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存，然后再导入。",
        "the workbook is protected by a password. Open it in Excel, clear the password "
        "under File → Info → Protect Workbook → Encrypt with Password, save it and "
        "import it again.",
    )


def _too_large(path: Path, total: int, *, unpacked: bool) -> UserError:
    size = f"{total / 2**30:.1f} GB" if total >= 2**30 else f"{total / 2**20:.0f} MB"
    has_zh = "文件解压后会有" if unpacked else "文件有"
    has_en = "it would unpack to" if unpacked else "it holds"
    return _file_error(
        path,
        f"{has_zh} {size}，远超一份党员名册应有的大小（可能已损坏，或被故意构造成“压缩炸弹”），"
        "为免耗尽电脑内存，程序不读取它。请确认选对了文件；若它确是名册，请在 Excel 中打开它，"
        "只复制名册的行到一个新工作簿，保存后再导入。",
        f"{has_en} {size}, far more than any member roster (it may be damaged or "
        "built as a “zip bomb”), so it is not read, to keep the computer's memory safe. "
        "Check that this is the right file; if it is a roster, open it in Excel, copy the "
        "roster's rows into a new workbook, save it and import that one.",
    )


# -- opening the file -------------------------------------------------------------------


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _wps(path: Path) -> UserError:
    return _file_error(
        path,
        "这是 WPS 表格自己格式的文件（.et），程序无法读取。"
        "请在 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再导入。",
        "this is a file in WPS Spreadsheets' own format (.et), which cannot be read. "
        "Open it in WPS, save it as “Excel Workbook (*.xlsx)” and import that file.",
    )


def _check_ole(path: Path, data: bytes) -> str:
    """An OLE compound file: an old .xls is read; an encrypted workbook, a WPS .et file or
    another Office file is refused."""
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise _password(path)
    if _utf16("WordDocument") in data:
        raise _not_xlsx(path, "这是一个 Word 文档，不是 Excel 工作簿。", "this is a Word document.")
    if _utf16("PowerPoint Document") in data:
        raise _not_xlsx(
            path, "这是一个 PowerPoint 文件,不是 Excel 工作簿。", "this is a PowerPoint file."
        )
    if path.suffix.lower() in (".et", ".ett"):
        raise _wps(path)
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return XLS
    if _ole_cut_short(data):
        raise _damaged(path)  # its list of streams is gone: what it was cannot be told
    raise _not_xlsx(path, "它不是 Excel 工作簿。", "it is not an Excel workbook.")


def _ole_cut_short(data: bytes) -> bool:
    """Whether the OLE file's first directory sector lies past its end: a copy cut short
    (an .xls half copied from a USB stick), not another kind of file."""
    shift = int.from_bytes(data[0x1E:0x20], "little")
    if len(data) < 0x34 or not 7 <= shift <= 16:
        return True
    size = 1 << shift
    first = int.from_bytes(data[0x30:0x34], "little")  # sector n starts at (n + 1) * size
    return (first + 2) * size > len(data)


def _check_zip(path: Path, stream: IO[bytes]) -> str:
    """An .xlsx/.xlsm or .ods file is read, once its declared sizes are safe; a Strict Open
    XML workbook, another Office file or a plain archive is refused."""
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
                return XLSX
            mime = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        raise _damaged(path) from None
    finally:
        stream.seek(0)
    if "content.xml" in names and (mime.startswith(_ODS_MIME) or not mime):
        return ODS
    if "word/document.xml" in names or mime.startswith(b"application/vnd.oasis.opendocument.t"):
        raise _not_xlsx(path, "这是一个 Word 文档，不是 Excel 工作簿。", "this is a Word document.")
    if "ppt/presentation.xml" in names:
        raise _not_xlsx(
            path, "这是一个 PowerPoint 文件,不是 Excel 工作簿。", "this is a PowerPoint file."
        )
    raise _not_xlsx(
        path, "这是一个压缩包，不是 Excel 工作簿。", "this is a zip archive, not a workbook."
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
    raise _too_large(path, total, unpacked=True)


def _check_not_strict(path: Path, head: bytes) -> None:
    if _STRICT_NS in head:
        raise _file_error(
            path,
            "这是“Strict Open XML 电子表格”格式的工作簿，程序只能读取普通的 .xlsx。请在 Excel 中"
            "打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿(*.xlsx)”（不要选 Strict Open XML "
            "电子表格），保存后导入新文件。",
            "this workbook is in the “Strict Open XML Spreadsheet” format; only ordinary .xlsx "
            "workbooks can be read. Open it in Excel, choose File → Save As, pick the type "
            "“Excel Workbook (*.xlsx)” (not Strict Open XML Spreadsheet), save it and import "
            "the new file.",
        )


# Files often picked by mistake, or renamed to “.xlsx”, known by their first bytes: they
# are no damaged workbook (the sentence said so, and to open them in Excel).
_OTHER_KINDS: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "一张图片（PNG）", "a picture (PNG)"),
    (b"\xff\xd8\xff", "一张图片（JPEG）", "a picture (JPEG)"),
    (b"GIF8", "一张图片（GIF）", "a picture (GIF)"),
    (b"%PDF-", "一个 PDF 文件", "a PDF file"),
    (b"Rar!\x1a\x07", "一个压缩包（RAR）", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "一个压缩包（7z）", "a 7z archive"),
    (b"\x1f\x8b", "一个压缩包（gzip）", "a gzip archive"),
)


def _other_kind(path: Path, head: bytes) -> UserError | None:
    for magic, what_zh, what_en in _OTHER_KINDS:
        if head.startswith(magic):
            return _file_error(
                path,
                f"这是{what_zh}，不是 Excel 工作簿。请确认选对了文件。",
                f"this is {what_en}, not an Excel workbook. Check that this is the right file.",
            )
    return None


_MARKUP = re.compile(rb"^\s*<(?:\?xml|!doctype|html|table|head|body|meta)\b", re.IGNORECASE)


def _check_content(path: Path, stream: IO[bytes]) -> str:
    """The kind of file (:data:`XLSX`, :data:`XLS`, :data:`ODS` or :data:`CSV`); any other
    file is refused with a sentence."""
    head = stream.read(8)
    stream.seek(0)
    if not head:
        raise _file_error(path, "文件是空的。", "the file is empty.")
    if head.startswith(b"PK"):
        return _check_zip(path, stream)
    if head == _OLE_MAGIC:
        try:
            return _check_ole(path, stream.read())
        finally:
            stream.seek(0)
    if path.suffix.lower() in (".et", ".ett"):
        raise _wps(path)
    other = _other_kind(path, head)
    if other is not None:
        raise other
    sample = stream.read(4096)
    stream.seek(0)
    if _looks_like_utf16(sample):
        raise _not_xlsx(
            path,
            "这是一个 UTF-16（Unicode）编码的文本文件（例如 Excel 另存的“Unicode 文本”，"
            "或别的系统导出的表格），不是 Excel 工作簿。",
            "this is a UTF-16 (Unicode) text file, such as Excel's “Unicode Text” or a table "
            "exported by another system, not an Excel workbook.",
        )
    if _looks_like_text(sample):
        if _MARKUP.match(sample.removeprefix(codecs.BOM_UTF8)):
            # What many web systems export as “.xls”: a web page or Excel 2003 XML.
            raise _not_xlsx(
                path,
                "这是一个网页或 XML 文件（常见于从网上系统导出的“Excel”），"
                "不是真正的 Excel 工作簿。",
                "this is a web page or XML file (as web systems often export “Excel” files), "
                "not a real workbook.",
            )
        return CSV
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise _damaged(path)
    raise _not_xlsx(path, "它不是 Excel 工作簿。", "it is not an Excel workbook.")


def _looks_like_utf16(sample: bytes) -> bool:
    """A byte-order mark, or text whose zero bytes all stand at one parity (the high bytes
    of ASCII characters: commas, line ends, digits) and which decodes to no control
    characters. Rows mostly in Chinese were missed (their characters have no zero byte),
    and so was a sample ending inside a character outside the basic plane."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    even = len(sample) - len(sample) % 2
    if even < 8:
        return False
    for start, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        ascii_units = sample[start:even:2].count(0)
        other_zeros = sample[1 - start : even : 2].count(0)
        if ascii_units < max(2, even // 32) or other_zeros > ascii_units // 4:
            continue
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample[:even], final=False)
        except UnicodeDecodeError:
            continue
        if _CONTROL_CHARACTERS.search(text) is None:
            return True
    return False


# The control characters no text file holds: all but tab, line feed, carriage return and
# Ctrl+Z (an old end of file).
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f"
# in decoded text, with the two non-characters
_CONTROL_CHARACTERS = re.compile(f"[{_CONTROLS}\ufffe\uffff]")
# as bytes of an encoding that keeps ASCII (UTF-8, GBK, GB18030)
_CONTROL_BYTES = re.compile(f"[{_CONTROLS}]".encode("ascii"))


def _looks_like_text(sample: bytes) -> bool:
    """Text in UTF-8 or GB18030, or text whose encoding cannot be told (a CSV with rows in
    two encodings): the reading then says so, not that it is “not an Excel workbook”."""
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # Incremental: the sample may end inside a character.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return _CONTROL_BYTES.search(sample) is None


def _open(path: Path) -> IO[bytes]:
    if not path.exists():
        raise UserError(t(f"找不到文件“{path}”。", f"The file “{path}” does not exist."))
    if path.is_dir():
        raise UserError(
            t(f"“{path}”是一个文件夹，请选择文件。", f"“{path}” is a folder; choose a file.")
        )
    if not path.is_file():
        # A pipe (/dev/stdin, a shell's <(…)) or a device: read in several passes (the
        # sniffing, the sheet, a child beside), it cannot be (an internal error said so).
        raise not_regular_file(path, "名册", "roster")
    try:
        return path.open("rb")
    except OSError as exc:
        raise _file_error(
            path,
            "文件无法打开，可能正被其他程序占用或没有权限。请关闭该文件后重试。",
            f"the file cannot be opened ({os_reason(exc)}). Close it in other programs "
            "and try again.",
        ) from exc


# The public names of the sniffing.
check_content = _check_content
open_file = _open
