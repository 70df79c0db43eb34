"""Rosters in every format an office sends: .xlsx, .xls (Excel 97-2003), .ods and CSV in
UTF-8 (with or without BOM) or GBK; and the files that are refused, each with how to save
it so that it can be read."""

from __future__ import annotations

import codecs
import io
import threading
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.member_import import filekind, workbook
from pbc_desktop.services.member_import.ods_merged import ods_merged
from tests.factories import make_id, make_org
from tests.import_factories import (
    OLE_MAGIC,
    csv_roster,
    ods_roster,
    rewrite_parts,
    write_roster,
    xls_roster,
)

ORG = "成田镇大寮村党支部"
HEADERS = ("序号", "姓名", "身份证号", "出生日期", "入党日期", "联系电话", "所在党组织")
ABOVE = [("大寮村党员名册",), ("填报日期：2026年5月",)]
JOINED = [date(2010, 7, 1), "2010-07-01", "2010.7.1", "2010年7月1日", "20100701"]
IDS = [make_id("19850302", f"{i:02d}1") for i in range(len(JOINED))]
ROWS = [
    (i + 1, f"党员{i}", number, date(1985, 3, 2), joined, "13812345678", ORG)
    for i, (number, joined) in enumerate(zip(IDS, JOINED, strict=True))
]

Writer = Callable[..., Path]


def _csv(encoding: str) -> Writer:
    def write(path: Path, rows: Any, **kwargs: Any) -> Path:
        return csv_roster(path, rows, encoding=encoding, **kwargs)

    return write


FORMATS: dict[str, tuple[str, Writer]] = {
    "xlsx": ("名册.xlsx", write_roster),
    "xls": ("名册.xls", xls_roster),
    "ods": ("名册.ods", ods_roster),
    "csv-utf8": ("名册.csv", _csv("utf-8")),
    "csv-utf8-bom": ("名册.csv", _csv("utf-8-sig")),
    "csv-gbk": ("名册.csv", _csv("gbk")),
}


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="成田镇")


def refused(db: Database, path: Path) -> str:
    with pytest.raises(UserError) as caught:
        mi.read_members(db, path)
    return caught.value.message


def stored(db: Database) -> dict[str, tuple[object, ...]]:
    with db.read() as s:
        return {
            m.id_number or "": (m.name, m.birth_date, m.joined_on, m.phone, m.organization_id)
            for m in s.scalars(select(PartyMember))
        }


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_imports_the_same_members(
    db: Database, org_id: int, tmp_path: Path, fmt: str
) -> None:
    name, write = FORMATS[fmt]
    path = write(tmp_path / name, ROWS, headers=HEADERS, above=ABOVE)
    preview = mi.read_members(db, path)
    assert preview.header_row == 3  # Excel's row numbers, whatever the format
    assert [r.row for r in preview.rows] == [4, 5, 6, 7, 8]
    assert preview.bad_rows() == []
    mi.apply_import(db, preview)
    assert stored(db) == {
        n: (f"党员{i}", date(1985, 3, 2), date(2010, 7, 1), "13812345678", org_id)
        for i, n in enumerate(IDS)
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_rows_name_their_row_in_every_format(
    db: Database, org_id: int, tmp_path: Path, fmt: str
) -> None:
    name, write = FORMATS[fmt]
    rows = [(1, "甲", IDS[0], None, "2010-02-30", None, ORG), (2, "乙", IDS[1], None, None, None)]
    preview = mi.read_members(db, write(tmp_path / name, rows, headers=HEADERS))
    assert [p.line() for p in preview.bad_rows()] == [
        "第2行：入党日期“2010-02-30”不是有效的日期",
        "第3行：所在党组织为空",
    ]


def test_a_sheet_starting_below_and_right_keeps_excels_rows_and_columns(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["C4"], ws["D4"], ws["E4"] = "姓名", "身份证号", "所在党组织"
    ws["C5"], ws["D5"], ws["E5"] = "甲", IDS[0], ORG
    ws["C7"], ws["D7"], ws["E7"] = "乙", "123", ORG
    wb.save(path)
    preview = mi.read_members(db, path)
    assert preview.header_row == 4
    assert [r.row for r in preview.rows] == [5, 7]
    assert preview.bad_rows()[0].line().startswith("第7行：身份证号")


def test_merged_cells_in_an_xls_are_named(db: Database, org_id: int, tmp_path: Path) -> None:
    path = xls_roster(
        tmp_path / "r.xls",
        [("甲", IDS[0], ORG), ("乙", IDS[1], None), ("丙", IDS[2], None)],
        headers=("姓名", "身份证号", "所在党组织"),
        merged=[(1, 3, 2, 2)],  # the organization written once for three members
    )
    preview = mi.read_members(db, path)
    assert [r.name for r in preview.good_rows()] == ["甲"]
    assert [p.row for p in preview.bad_rows()] == [3, 4]
    assert "合并单元格 C2:C4 的一部分" in preview.bad_rows()[0].reason


def test_hidden_sheets_of_an_xls_are_not_read(db: Database, org_id: int, tmp_path: Path) -> None:
    import xlwt

    path = tmp_path / "r.xls"
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("说明").write(0, 0, "本表由镇党委汇总")
    old = book.add_sheet("旧名册")
    for c, text in enumerate(("姓名", "身份证号", "所在党组织")):
        old.write(0, c, text)
    for c, text in enumerate(("甲", IDS[0], ORG)):
        old.write(1, c, text)
    old.visibility = 1  # hidden
    book.save(str(path))
    assert "名册在隐藏的工作表“旧名册”中" in refused(db, path)
    preview = mi.read_members(db, path, sheet="旧名册")
    assert [r.name for r in preview.rows] == ["甲"]


def test_dates_of_a_1904_workbook(db: Database, org_id: int, tmp_path: Path) -> None:
    """A workbook from a Mac counts its serial numbers from 1904: date cells and serial
    numbers in General cells read as the dates Excel shows."""
    path = tmp_path / "mac.xlsx"
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "身份证号", "所在党组织", "入党日期", "转正日期"])
    ws.append(["甲", IDS[0], ORG, datetime(2010, 7, 1), 38899])  # 38899: 2010-07-02 in 1904
    wb.save(path)
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    data = preview.rows[0].data
    assert (data.joined_on, data.confirmed_on) == (date(2010, 7, 1), date(2010, 7, 2))


def test_a_date_serial_of_zero_or_below_is_quoted_as_the_number(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """A date cell holding 0 or a negative number (no date in Excel) was quoted as the
    time “00:00:00” the reader made of it; the message quotes the number in the cell."""
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "身份证号", "所在党组织", "入党日期"])
    for name, serial, number in (("甲", 0, IDS[0]), ("乙", -5, IDS[1]), ("丙", -0.5, IDS[2])):
        ws.append([name, number, ORG, serial])
        ws.cell(ws.max_row, 4).number_format = "yyyy-mm-dd"
    wb.save(path)
    preview = mi.read_members(db, path)
    lines = [p.line() for p in preview.bad_rows()]
    assert len(lines) == 3 and not any("00:00:00" in line or "12:00" in line for line in lines)
    assert "“0”" in lines[0] and "“-5”" in lines[1] and "“-0.5”" in lines[2]
    # As Excel writes them: the first shared string (“0”) is no number, a plain 0 is.
    xml = b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>0</v></c></row>'
    assert _marks_within_seconds(xml + b"</sheetData></worksheet>") == {2: {1: 0.0}}


def _marks_within_seconds(xml: bytes) -> object:
    found: list[object] = []
    scan = threading.Thread(
        target=lambda: found.append(workbook._xlsx_marks(io.BytesIO(xml))), daemon=True
    )
    scan.start()
    scan.join(timeout=10)
    assert found, "the scan of the sheet's XML did not end"
    return found[0]


def test_a_sheet_whose_xml_ends_right_after_a_row_is_scanned_to_its_end() -> None:
    """A sheet part cut just after a row (no closing tags: a hand-made or damaged file)
    sent the scan for formulas and long numbers round without end."""
    xml = b'<row r="1"><c r="A1"><f>1+1</f></c></row>'
    assert _marks_within_seconds(xml) == {1: {0: cells.UNCALCULATED}}


def test_a_gbk_csv_with_other_separators_and_id_numbers_kept_as_text(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    text = f'姓名\t身份证号\t所在党组织\t联系电话\r\n王五\t="{IDS[0]}"\t{ORG}\t13812345678\r\n'
    path = tmp_path / "名册.txt"
    path.write_bytes(text.encode("gbk"))
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    assert (preview.sheet, preview.rows[0].name, preview.rows[0].data.id_number) == (
        "名册",
        "王五",
        IDS[0],
    )


def test_a_csv_with_a_line_break_in_a_cell_counts_records_as_rows(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    rows = [("甲", IDS[0], ORG, "第一行\n第二行"), ("乙", "123", ORG, None)]
    path = csv_roster(tmp_path / "r.csv", rows, headers=("姓名", "身份证号", "所在党组织", "备注"))
    preview = mi.read_members(db, path)
    assert preview.rows[0].data.remark == "第一行\n第二行"
    assert [p.row for p in preview.bad_rows()] == [3]  # as Excel shows the file


# -- refused, with how to save the file -------------------------------------------------


SAVE_AS = "另存为“Excel 工作簿(*.xlsx)”后再导入。"


def test_a_wps_et_file_is_refused_with_how_to_save_it(db: Database, tmp_path: Path) -> None:
    path = xls_roster(tmp_path / "名册.xls", [("甲", IDS[0], ORG)])
    et = path.rename(tmp_path / "名册.et")
    assert refused(db, et) == (
        "无法导入“名册.et”：这是 WPS 表格自己格式的文件（.et），程序无法读取。"
        "请在 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再导入。"
    )


def test_a_password_protected_xls_is_refused_with_how_to_clear_it(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from python_calamine import PasswordError

    path = xls_roster(tmp_path / "名册.xls", [("甲", IDS[0], ORG)])

    def protected(_stream: object) -> None:
        raise PasswordError("Workbook is password protected")  # what calamine says

    monkeypatch.setattr(workbook, "_calamine_book", protected)
    message = refused(db, path)
    assert message.startswith("无法导入“名册.xls”：工作簿设置了打开密码，程序无法读取。")
    assert "清空密码并保存" in message


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body><table><tr><td>\xe5\xa7\x93\xe5\x90\x8d</td></tr></table></body></html>",
        b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
    ],
    ids=["web-page", "xml-2003"],
)
def test_a_web_page_named_xls_is_refused_with_how_to_save_it(
    db: Database, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "名册.xls"
    path.write_bytes(data)
    message = refused(db, path)
    assert "这是一个网页或 XML 文件" in message
    assert message.endswith(SAVE_AS)


def test_other_ole_and_open_document_files_are_refused(db: Database, tmp_path: Path) -> None:
    ppt = tmp_path / "名册.xls"
    name = "PowerPoint Document".encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
    ppt.write_bytes(OLE_MAGIC + bytes(504) + name + bytes(2048))
    assert "PowerPoint" in refused(db, ppt)
    assert refused(db, ppt).endswith(SAVE_AS)
    odt = rewrite_parts(
        ods_roster(tmp_path / "文档.ods", []),
        lambda name, data: (
            b"application/vnd.oasis.opendocument.text" if name == "mimetype" else data
        ),
    )
    assert "Word 文档" in refused(db, odt)


def test_an_ods_zip_bomb_is_refused_before_it_is_read(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ods_roster(tmp_path / "r.ods", [("甲", IDS[0], ORG)])
    monkeypatch.setattr(filekind, "_MAX_UNPACKED", 100)
    monkeypatch.setattr(workbook, "_calamine_book", lambda _s: pytest.fail("it was read"))
    assert "远超一份党员名册应有的大小" in refused(db, path)


@pytest.mark.parametrize("kept", [1 / 2, 2 / 3])
def test_an_old_workbook_cut_short_is_damaged_not_another_kind_of_file(
    db: Database, tmp_path: Path, kept: float
) -> None:
    """An .xls half copied from a USB stick lost its list of streams (written last): it
    was called “not an Excel workbook”."""
    whole = xls_roster(tmp_path / "全.xls", [("甲", "男", IDS[0], *[""] * 4, ORG)] * 40)
    data = whole.read_bytes()
    path = tmp_path / "名册.xls"
    path.write_bytes(data[: int(len(data) * kept)])
    message = refused(db, path)
    assert "文件已损坏" in message and "不是 Excel 工作簿" not in message


def test_a_text_file_in_no_known_encoding(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    # Valid GB18030 in its first 4 KB, then bytes neither encoding can read.
    path.write_bytes("姓名,身份证号\n".encode("gbk") * 400 + b"\x80\xff")
    assert "文字编码无法识别" in refused(db, path)


def test_a_short_csv_in_two_encodings_is_told_as_text(db: Database, tmp_path: Path) -> None:
    """A UTF-8 roster with a row pasted in from a GBK one: the same sentence as above when
    the odd row is within the first 4 KB, not “it is not an Excel workbook”."""
    path = tmp_path / "名册.csv"
    path.write_bytes(
        f"姓名,身份证号,所在党组织\n甲,{IDS[0]},{ORG}\n".encode() + "乙,,大寮\n".encode("gbk")
    )
    message = refused(db, path)
    assert "文字编码无法识别" in message and "不是 Excel 工作簿" not in message


def test_a_utf8_bom_is_not_part_of_the_first_header(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "r.csv"
    path.write_bytes(codecs.BOM_UTF8 + f"姓名,身份证号,所在党组织\n甲,{IDS[0]},{ORG}\n".encode())
    assert mi.read_members(db, path).columns == ("name", "id_number", "organization")


def test_formulas_and_long_numbers_are_found_across_the_scans_chunks(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.import_factories import set_raw_cell

    rows = [(f"党员{i}", "placeholder", ORG) for i in range(40)]
    path = write_roster(tmp_path / "r.xlsx", rows, headers=("姓名", "身份证号", "所在党组织"))
    set_raw_cell(path, "B2", f'<c r="B2" t="n"><v>{IDS[0]}</v></c>')  # an exact integer
    set_raw_cell(path, "A41", '<c r="A41" t="str"><f>"王"&amp;"五"</f></c>')  # no result
    monkeypatch.setattr(workbook, "_SCAN_CHUNK", 97)  # rows cut anywhere between reads
    preview = mi.read_members(db, path)
    assert preview.rows[0].data.id_number == IDS[0]
    last = preview.rows[-1]
    assert last.row == 41
    assert last.errors[0][1].startswith("姓名（A 列）是一个公式")


def test_merged_cells_in_an_ods_are_named(db: Database, org_id: int, tmp_path: Path) -> None:
    path = ods_roster(
        tmp_path / "r.ods",
        [("甲", IDS[0], ORG), ("乙", IDS[1], None), ("丙", IDS[2], None)],
        headers=("姓名", "身份证号", "所在党组织"),
        merged=[(1, 3, 2, 2)],  # the organization written once for three members
    )
    preview = mi.read_members(db, path)
    assert [r.name for r in preview.good_rows()] == ["甲"]
    assert [p.row for p in preview.bad_rows()] == [3, 4]
    assert "合并单元格 C2:C4 的一部分" in preview.bad_rows()[0].reason


def test_ods_merged_ranges_count_repeated_cells_and_rows(tmp_path: Path) -> None:
    path = ods_roster(
        tmp_path / "r.ods",
        [("甲", None, None, "x"), (None, None, None, None)],
        headers=("姓名", "身份证号", "所在党组织", "备注"),
        above=[("2026年党员名册",)],
        merged=[(0, 0, 0, 3), (2, 3, 3, 3)],  # a title over four columns; 备注 of two rows
    )
    with path.open("rb") as stream:
        assert ods_merged(stream, "党员名册") == [(0, 0, 0, 3), (2, 3, 3, 3)]
        assert ods_merged(stream, "另一张表") == []
        assert stream.tell() == 0
    plain = ods_roster(tmp_path / "p.ods", [("甲", None, None)])
    with plain.open("rb") as stream:
        assert ods_merged(stream, "党员名册") == []


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_a_date_cell_without_a_date_is_said_so_not_quoted_as_a_time(
    db: Database, org_id: int, tmp_path: Path, fmt: str
) -> None:
    """calamine reads the date cell of an .xls holding 0 or a negative number (Excel shows
    1900-01-00 or ####), and an .ods cell holding a time, as a time of day: the row error
    quoted “00:00:00”, which no clerk sees in the cell. It says the cell holds no date."""
    if fmt == "xls":
        import xlwt

        path = tmp_path / "名册.xls"
        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("党员名册")
        as_date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
        for c, heading in enumerate(("姓名", "身份证号", "所在党组织", "入党日期")):
            sheet.write(0, c, heading)
        for r, (person, serial) in enumerate((("甲", 0), ("乙", -5), ("丙", -0.5)), start=1):
            for c, value in enumerate((person, IDS[r - 1], ORG)):
                sheet.write(r, c, value)
            sheet.write(r, 3, serial, as_date)
        book.save(str(path))
    else:
        path = ods_roster(
            tmp_path / "名册.ods",
            [("甲", IDS[0], ORG, time(0, 0)), ("乙", IDS[1], ORG, time(12, 0))],
            headers=("姓名", "身份证号", "所在党组织", "入党日期"),
        )
    lines = [p.line() for p in mi.read_members(db, path).bad_rows()]
    assert len(lines) == (3 if fmt == "xls" else 2), lines
    assert not any(":00" in line for line in lines), lines
    assert all("入党日期单元格中没有日期" in line for line in lines), lines


def test_a_csv_field_too_long_to_read_is_named_with_its_row_not_called_damaged(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """A field of 300,000 characters (more than the CSV reader takes) made the roster
    “damaged”; the message says which row holds a field too long, and nothing is read."""
    rows = [("甲", IDS[0], ORG, "备注"), ("乙", IDS[1], ORG, "长" * 300_000), ("丙", IDS[2], ORG)]
    path = csv_roster(
        tmp_path / "名册.csv", rows, headers=("姓名", "身份证号", "所在党组织", "备注")
    )
    message = refused(db, path)
    assert message.startswith("无法导入“名册.csv”：第3行有一个字段超过 131072 个字符"), message
    assert "损坏" not in message
    assert stored(db) == {}
