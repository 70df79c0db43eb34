"""Messy member rosters for the import tests, written with openpyxl as offices make them."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, time
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember

TEMPLATE = (
    "姓名",
    "性别",
    "身份证号",
    "出生日期",
    "入党日期",
    "人员类别",
    "联系电话",
    "所在党组织",
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def wrong_check_digit(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


def write_roster(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[str] = TEMPLATE,
    above: Sequence[Sequence[object]] = (),
    sheet_title: str = "党员名册",
) -> Path:
    """A workbook with ``above`` (title lines …), then the header row, then ``rows``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_title
    for line in above:
        ws.append(list(line))
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def set_raw_number(path: Path, cell: str, literal: str) -> None:
    """Write ``literal`` as the stored number of ``cell`` (e.g. an exact 18-digit integer,
    which openpyxl itself would write as a rounded float)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text, n = re.subn(
                    rf'<c r="{cell}"[^>]*>.*?</c>',
                    f'<c r="{cell}" t="n"><v>{literal}</v></c>',
                    text,
                )
                assert n == 1, f"cell {cell} not found"
                data = text.encode("utf-8")
            dst.writestr(item, data)
    shutil.move(tmp, path)


def encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a workbook with an opening password: an OLE compound file
    holding the streams EncryptionInfo and EncryptedPackage (the header and directory
    entries are what the import looks at)."""
    header = OLE_MAGIC + bytes(504)
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    path.write_bytes(header + directory + bytes(2048))
    return path


def old_xls(path: Path) -> Path:
    header = OLE_MAGIC + bytes(504)
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for name in ("Root Entry", "Workbook", "\x05SummaryInformation")
    )
    path.write_bytes(header + directory + bytes(2048))
    return path


def docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def member_rows(db: Database) -> list[tuple[object, ...]]:
    """Every stored member's columns (except timestamps), for before/after comparisons."""
    from sqlalchemy import select

    columns = [c for c in PartyMember.__table__.c if c.name not in {"created_at", "updated_at"}]
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(*columns).order_by(PartyMember.id))]


def database_state(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """The contents of every table (timestamps included): equal means nothing was written."""
    from sqlalchemy import select

    from pbc_desktop.db.base import Base

    state = {}
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            state[table.name] = sorted((tuple(r) for r in s.execute(select(table))), key=repr)
    return state


def rewrite_parts(path: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """Rewrite every part of the workbook at ``path`` through ``change(name, data)``."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, change(item.filename, src.read(item.filename)))
    shutil.move(tmp, path)
    return path


def set_raw_cell(path: Path, cell: str, xml: str, sheet: str = "sheet1") -> None:
    """Replace the XML of ``cell`` (e.g. a formula with or without a saved result)."""

    def change(name: str, data: bytes) -> bytes:
        if name != f"xl/worksheets/{sheet}.xml":
            return data
        text, n = re.subn(rf'<c r="{cell}"[^>]*?(?:/>|>.*?</c>)', xml, data.decode("utf-8"))
        assert n == 1, f"cell {cell} not found"
        return text.encode("utf-8")

    rewrite_parts(path, change)


STRICT_NAMESPACES = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        "http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def strict_workbook(path: Path) -> Path:
    """What Excel writes as “Strict Open XML Spreadsheet”: the parts' XML namespaces are
    the ISO ones (purl.oclc.org) instead of the transitional ones openpyxl reads."""

    def change(name: str, data: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return data
        text = data.decode("utf-8")
        for old, new in STRICT_NAMESPACES.items():
            text = text.replace(old, new)
        return text.encode("utf-8")

    return rewrite_parts(path, change)


def zip_bomb(path: Path, unpacked_mb: int = 64) -> Path:
    """A real roster whose sheet XML is padded with ``unpacked_mb`` MB of spaces: the file
    stays small (about a thousandth of that) and still holds a valid workbook."""
    padding = b" " * (unpacked_mb << 20)

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return data
        return data.replace(b"</worksheet>", padding + b"</worksheet>")

    return rewrite_parts(path, change)


# -- other formats ----------------------------------------------------------------------


def xls_roster(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[str] = TEMPLATE,
    above: Sequence[Sequence[object]] = (),
    sheet_title: str = "党员名册",
    merged: Sequence[tuple[int, int, int, int]] = (),
) -> Path:
    """A real Excel 97-2003 workbook (BIFF8, written by xlwt), laid out as
    :func:`write_roster`'s; dates are date cells. ``merged``: 0-based (first row, last row,
    first column, last column) ranges, the first cell keeping its value."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(sheet_title)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    lines = [*above, headers, *rows]
    covered = {
        (r, c) for r1, r2, c1, c2 in merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    }
    for r1, r2, c1, c2 in merged:
        sheet.write_merge(r1, r2, c1, c2, lines[r1][c1] if c1 < len(lines[r1]) else None)
    for r, line in enumerate(lines):
        for c, value in enumerate(line):
            if value is None or (r, c) in covered:
                continue
            if isinstance(value, date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, time):  # as LibreOffice writes a cell formatted as a time
        return (
            f'<table:table-cell office:value-type="time" office:time-value='
            f'"PT{value.hour:02d}H{value.minute:02d}M{value.second:02d}S">'
            f"<text:p>{value.isoformat()}</text:p></table:table-cell>"
        )
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _ods_line(
    r: int,
    line: Sequence[object],
    spans: dict[tuple[int, int], tuple[int, int]],
    covered: set[tuple[int, int]],
) -> list[str]:
    out: list[str] = []
    blanks = 0
    for c, value in enumerate([*line, "end"]):
        if value is None and (r, c) not in covered and (r, c) not in spans:
            blanks += 1
            continue
        if blanks:
            out.append(f'<table:table-cell table:number-columns-repeated="{blanks}"/>')
            blanks = 0
        if c == len(line):
            break
        if (r, c) in covered:
            out.append("<table:covered-table-cell/>")
            continue
        cell = _ods_cell(value)
        if (r, c) in spans:
            rows, cols = spans[r, c]
            attrs = f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{cols}"'
            cell = cell.replace("<table:table-cell", "<table:table-cell" + attrs, 1)
        out.append(cell)
    return out


def ods_roster(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[str] = TEMPLATE,
    above: Sequence[Sequence[object]] = (),
    sheet_title: str = "党员名册",
    merged: Sequence[tuple[int, int, int, int]] = (),
) -> Path:
    """An OpenDocument spreadsheet built by hand: the zip LibreOffice writes, reduced to
    its mimetype, manifest and content.xml (dates are date cells). ``merged``: as
    :func:`xls_roster`'s, written as LibreOffice does (a spanned first cell, covered cells
    after it); blank cells in a run are one repeated cell, as LibreOffice writes them."""
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for r1, r2, c1, c2 in merged}
    covered = {
        (r, c) for r1, r2, c1, c2 in merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
    } - set(spans)
    lines = [*above, headers, *rows]
    width = max((len(line) for line in lines), default=0)
    table = "".join(
        "<table:table-row>"
        + "".join(_ods_line(r, [*line, *[None] * (width - len(line))], spans, covered))
        + "</table:table-row>"
        for r, line in enumerate(lines)
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {_ODS_NS} office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="{escape(sheet_title)}">{table}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def csv_roster(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[str] = TEMPLATE,
    above: Sequence[Sequence[object]] = (),
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    """A CSV roster as Excel saves one (``utf-8-sig``: “CSV UTF-8”, ``gbk``: the plain
    “CSV” of a Chinese Windows); dates as text, ISO."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for line in [*above, headers, *rows]:
        writer.writerow(
            ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in line]
        )
    path.write_bytes(out.getvalue().encode(encoding))
    return path
