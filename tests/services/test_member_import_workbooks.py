"""Workbooks that used to be read silently wrong: hidden or several roster sheets, formulas
without results, merged cells, columns named twice, UTF-16 text, Strict Open XML, zip
bombs, endless sheets, and a disk that fills up while the members are written."""

from __future__ import annotations

import codecs
import errno
import signal
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.errors import DatabaseError, UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.member_import import filekind
from pbc_desktop.services.member_import.workbook import (
    _BROKEN,
    Book,
    _ReadAhead,
    find_sheet,
    likely_sheet,
    open_book,
)
from tests.factories import make_id, make_org
from tests.import_factories import (
    database_state,
    set_raw_cell,
    strict_workbook,
    write_roster,
    zip_bomb,
)

ORG = "和平镇中寨村党支部"
HEADERS = ("姓名", "身份证号", "所在党组织", "联系电话")
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")
ID_C = make_id("19700101", "315")


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="和平镇")


def refused(db: Database, path: Path, **kwargs: Any) -> str:
    with pytest.raises(UserError) as caught:
        mi.read_members(db, path, **kwargs)
    return caught.value.message


def roster(path: Path, *rows: tuple[object, ...], **kwargs: Any) -> Path:
    return write_roster(path, list(rows), headers=HEADERS, **kwargs)


def workbook(path: Path, sheets: dict[str, list[tuple[object, ...]]], hidden: set[str]) -> Path:
    """A workbook with a sheet per entry (the first active), ``hidden`` ones hidden."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for line in rows:
            ws.append(list(line))
        if title in hidden:
            ws.sheet_state = "hidden"
    wb.active = 0
    wb.save(path)
    return path


def members_of(preview: mi.ImportPreview) -> list[str]:
    return [r.name for r in preview.rows]


# -- sheets -----------------------------------------------------------------------------


def test_a_hidden_roster_sheet_is_not_read_without_being_chosen(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {"说明": [("本表由镇党委汇总",)], "旧名册": [HEADERS, ("甲", ID_A, ORG, None)]},
        hidden={"旧名册"},
    )
    message = refused(db, path)
    assert "名册在隐藏的工作表“旧名册”中，隐藏的工作表不会导入" in message
    assert "取消隐藏" in message
    preview = mi.read_members(db, path, sheet="旧名册")
    assert (preview.sheet, members_of(preview)) == ("旧名册", ["甲"])


def test_several_roster_sheets_name_the_one_read_and_those_skipped(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "一支部": [HEADERS, ("甲", ID_A, ORG, None)],
            "统计": [("合计", 3)],
            "二支部": [HEADERS, ("乙", ID_B, ORG, None)],
            "2019年名册": [HEADERS, ("丙", ID_C, ORG, None)],
        },
        hidden={"2019年名册"},
    )
    preview = mi.read_members(db, path)
    assert (preview.sheet, members_of(preview)) == ("一支部", ["甲"])
    assert preview.sheets == ("一支部", "二支部")
    assert preview.notices == (
        "工作簿中有 2 个工作表像党员名册：读取了“一支部”，没有读取“二支部”。"
        "如需导入其他工作表，请另行选择该工作表导入。",
        "隐藏的工作表“2019年名册”也像党员名册，没有读取（隐藏的工作表不导入）。",
    )
    second = mi.read_members(db, path, sheet="二支部")
    assert (second.sheet, members_of(second)) == ("二支部", ["乙"])
    assert second.notices[0].startswith("工作簿中有 2 个工作表像党员名册：读取了“二支部”")


def test_an_unknown_sheet_is_refused_naming_the_sheets(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "r.xlsx", {"名册": [HEADERS], "说明": []}, hidden=set())
    assert refused(db, path, sheet="党员") == (
        "无法导入“r.xlsx”：工作簿里没有名为“党员”的工作表。它的工作表是：“名册”、“说明”。"
    )


def test_one_roster_sheet_has_no_notice(db: Database, org_id: int, tmp_path: Path) -> None:
    preview = mi.read_members(db, roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None)))
    assert (preview.sheets, preview.notices) == (("党员名册",), ())


def test_a_sheet_read_ahead_is_handed_to_its_reader_and_other_sheets_wait_for_it(
    tmp_path: Path,
) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "一支部": [HEADERS, ("甲", ID_A, ORG, None)],
            "二支部": [HEADERS, ("乙", ID_B, ORG, None)],
        },
        hidden=set(),
    )
    with open_book(path) as book:
        first, second = book.worksheets
        # every visible sheet is looked at, the active one first, even when one is named
        assert likely_sheet(book) is likely_sheet(book, "二支部") is first
        first.read_ahead()
        ahead = book._ahead
        assert ahead is not None and ahead.title == "一支部"
        # another sheet is read once the read-ahead is done, never beside it; what was
        # read ahead is kept for its own reader
        assert [r[0] for r in second.rows()] == ["姓名", "乙"]
        assert book._ahead is ahead
        read = ahead.result()
        assert read is not None and read.sheet is not None
        assert [r[0] for r in first.rows()] == ["姓名", "甲"]
        assert book._ahead is None
        book.read_ahead("二支部")
        assert [r[0] for r in sheet_rows_of(book, "二支部")] == ["姓名", "乙"]
        book.read_ahead("一支部")  # closed while it reads: the close waits for it


class _CountingWorkbook:
    """calamine's workbook, counting the sheets it parses."""

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self.parsed: list[str] = []

    def get_sheet_by_name(self, title: str) -> Any:
        self.parsed.append(title)
        return self._workbook.get_sheet_by_name(title)

    def close(self) -> None:
        self._workbook.close()


@pytest.mark.parametrize("wanted", [None, "二支部", "说明"])
def test_each_sheet_is_parsed_once_with_a_read_ahead(tmp_path: Path, wanted: str | None) -> None:
    path = workbook(
        tmp_path / "r.xlsx",
        {
            "一支部": [HEADERS, ("甲", ID_A, ORG, None)],
            "二支部": [HEADERS, ("乙", ID_B, ORG, None)],
            "说明": [("本表由镇党委汇总",)],
        },
        hidden={"说明"},
    )
    with open_book(path) as book:
        counting = book.calamine = _CountingWorkbook(book.calamine)
        likely = likely_sheet(book, wanted)
        assert likely is not None
        likely.read_ahead()
        try:
            choice = find_sheet(path, book, wanted)
        except UserError:
            assert wanted == "说明"  # not a roster: refused as before
        else:
            assert choice.sheet.name == (wanted or "一支部")
        assert sorted(counting.parsed) == sorted(set(counting.parsed))


def test_what_a_read_ahead_raises_is_raised_by_its_reader_only(tmp_path: Path) -> None:
    path = workbook(tmp_path / "r.xlsx", {"名册": [HEADERS, ("甲", ID_A, ORG, None)]}, set())
    with open_book(path) as book:
        book.read_ahead("不存在的表")
        with pytest.raises(_BROKEN):
            book.sheet_named("不存在的表")
        book.read_ahead("不存在的表")
        assert [r[0] for r in sheet_rows_of(book, "名册")] == ["姓名", "甲"]


def test_a_reader_interrupted_while_waiting_leaves_the_read_ahead_to_the_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C while the sheet is parsed: the workbook is not closed under its reader."""
    path = workbook(tmp_path / "r.xlsx", {"名册": [HEADERS, ("甲", ID_A, ORG, None)]}, set())
    waits = []
    real = _ReadAhead.result

    def interrupted(self: _ReadAhead) -> Any:
        waits.append(self.title)
        if len(waits) == 1:
            raise KeyboardInterrupt
        return real(self)

    monkeypatch.setattr(_ReadAhead, "result", interrupted)

    def read_it() -> None:
        with open_book(path) as book:
            book.read_ahead("名册")
            book.sheet_named("名册")

    with pytest.raises(KeyboardInterrupt):
        read_it()
    assert waits == ["名册", "名册"]  # the close waited for it


def sheet_rows_of(book: Book, title: str) -> list[list[object]]:
    return list(book.sheet_named(title).iter_rows())


# -- cells ------------------------------------------------------------------------------


def test_a_formula_without_a_saved_result_is_not_called_empty(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = roster(
        tmp_path / "r.xlsx",
        ('="张"&"三"', ID_A, ORG, None),
        ("李四", ID_B, "=C2", None),
        ("王五", ID_C, ORG, None),
    )
    # What Excel saves: the formula and its result. It reads as the result.
    set_raw_cell(path, "A4", '<c r="A4" t="str"><f>"王"&amp;"五"</f><v>王五</v></c>')
    preview = mi.read_members(db, path)
    bad = {p.row: p.messages for p in preview.bad_rows()}
    assert bad == {
        2: (
            "姓名（A 列）是一个公式，但文件里没有保存公式的计算结果（文件不是用 Excel 保存的）。"
            "请在 Excel 中打开文件并保存一次，或复制这些单元格后用“选择性粘贴 → 数值”粘贴回去，"
            "再导入",
        ),
        3: (bad[3][0],),
    }
    assert bad[3][0].startswith("所在党组织（C 列）是一个公式")
    assert preview.counts().new == 1
    assert [r.name for r in preview.good_rows()] == ["王五"]


def test_cells_inside_merged_cells_are_not_called_empty(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "r.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["文光村党员名册"])
    ws.merge_cells("A1:D1")  # a title above the header: not a member
    ws.append(list(HEADERS))
    ws.append(["甲", ID_A, ORG, "13812345678"])
    ws.append(["乙", ID_B, None, None])
    ws.append(["丙", ID_C, None, None])
    ws.append([None, None, None, None])
    ws.merge_cells("C3:C6")  # the organization written once for three members
    wb.save(path)
    preview = mi.read_members(db, path)
    assert [r.name for r in preview.good_rows()] == ["甲"]
    merged = (
        "所在党组织（C 列）是合并单元格 C3:C6 的一部分，合并单元格只有第一格有内容。"
        "请在 Excel 中选中这些单元格，取消合并后在每一行都填上内容，再导入"
    )
    assert [(p.row, p.messages) for p in preview.bad_rows()] == [
        (4, (merged,)),
        (5, (merged,)),
    ]  # row 6 holds nothing of its own


def test_a_column_named_twice_says_which_one_is_read(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "r.xlsx",
        [("甲", "旧号码", ORG, ID_A, ID_A)],
        headers=("姓名", "身份证号", "所在党组织", "身份证号码", "公民身份证号码"),
    )
    preview = mi.read_members(db, path)
    assert preview.notices == (
        "有 3 列都是“身份证号”（B 列“身份证号”、D 列“身份证号码”、E 列“公民身份证号码”）："
        "读取了 B 列，D 列、E 列被忽略。",
    )
    assert preview.bad_rows()[0].row == 2  # the first column is the one checked


def test_a_column_named_twice_in_english(db: Database, org_id: int, tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "r.xlsx",
        [("甲", ID_A, ORG, "乙")],
        headers=("姓名", "身份证号", "所在党组织", "姓名"),
    )
    lang.set_language("en")
    preview = mi.read_members(db, path)
    assert preview.notices == (
        "2 columns are headed “Name” (A “姓名”, D “姓名”): column A is read and D ignored.",
    )


# -- files that are not ordinary workbooks ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        (
            "名册.csv",
            codecs.BOM_UTF16_LE + "姓名，身份证号，所在党组织\n甲，1,2\n".encode("utf-16-le"),
        ),
        ("名册.txt", codecs.BOM_UTF16_BE + "姓名\t身份证号\n甲\t1\n".encode("utf-16-be")),
        ("名册.xlsx", "Name\tID\tOrganization\nA\t1\t2\n".encode("utf-16-le")),  # no mark
        ("名册.csv", "姓名，所在党组织,备注\n陈小明，上底村党支部,无\n".encode("utf-16-le")),
        ("名册.csv", "姓名,所在党组织\n陈小明,上底村第一党支部\n".encode("utf-16-be")),
        # mostly ASCII, the 4 KB sniffed ending inside a character outside the basic plane
        (
            "名册.csv",
            ("A,1\n" * 512)[:-1].encode("utf-16-le") + "\U0002a6a5,1\n".encode("utf-16-le"),
        ),
    ],
    ids=["csv-le", "txt-be", "xlsx-without-mark", "chinese-le", "chinese-be", "cut-surrogate"],
)
def test_a_utf16_text_file_is_named_as_such(
    db: Database, tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert refused(db, path) == (
        f"无法导入“{name}”：这是一个 UTF-16（Unicode）编码的文本文件（例如 Excel 另存的"
        "“Unicode 文本”，或别的系统导出的表格），不是 Excel 工作簿。"
        "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再导入。"
    )


def test_a_strict_open_xml_workbook_is_named_as_such(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = strict_workbook(roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None)))
    message = refused(db, path)
    assert message.startswith("无法导入“r.xlsx”：这是“Strict Open XML 电子表格”格式的工作簿")
    assert "保存类型选“Excel 工作簿(*.xlsx)”" in message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = zip_bomb(roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None)), unpacked_mb=64)
    assert path.stat().st_size < 1 << 20

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(mi.workbook, "_calamine_book", never)
    message = refused(db, path)
    assert message.startswith("无法导入“r.xlsx”：文件解压后会有 64 MB，远超一份党员名册应有的大小")
    assert "压缩炸弹" in message


def test_a_workbook_too_large_once_unpacked_is_refused(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None))
    assert mi.read_members(db, path).rows
    monkeypatch.setattr(filekind, "_MAX_UNPACKED", 1000)  # bytes, instead of 1 GB
    assert "远超一份党员名册应有的大小" in refused(db, path)


def test_reading_stops_at_the_row_limit(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    numbers = [make_id("19800101", f"{i:03d}") for i in range(1, 9)]
    path = roster(tmp_path / "r.xlsx", *((f"党员{i}", n, ORG, None) for i, n in enumerate(numbers)))
    monkeypatch.setattr(cells, "MAX_DATA_ROWS", 5)
    checked: list[int] = []
    real_check = mi.row_checks._RowChecker.check

    def counting(self: Any, row_no: int, raw: dict[str, object], *row: Any) -> mi.ImportRow:
        checked.append(row_no)
        return real_check(self, row_no, raw, *row)

    monkeypatch.setattr(mi.row_checks._RowChecker, "check", counting)
    message = refused(db, path)
    assert message.startswith(
        "无法导入“r.xlsx”：工作表“党员名册”的党员超过 5 行，这不像一份党员名册"
    )
    assert "分成几个文件分别导入" in message
    assert checked == [2, 3, 4, 5, 6]  # the rows after the limit were never checked


# -- a full disk while writing ----------------------------------------------------------


def _full(*_args: object, **_kwargs: object) -> None:
    raise OperationalError(
        "INSERT INTO audit_log", {}, sqlite3.OperationalError("database or disk is full")
    )


def _no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("failure", [_full, _no_space])
def test_a_full_disk_while_writing_is_a_sentence_and_writes_nothing(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Any
) -> None:
    preview = mi.read_members(
        db, roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None), ("乙", ID_B, ORG, None))
    )
    state = database_state(db)
    # The members are inserted, then the last write of the transaction fails.
    monkeypatch.setattr(mi.writing.audit, "imported", failure)
    with pytest.raises(UserError) as caught:
        mi.apply_import(db, preview)
    assert caught.value.message == (
        "磁盘空间已满，导入没有完成，数据库没有任何改动。请删除一些不需要的文件、腾出磁盘空间后重新导入。"
    )
    assert database_state(db) == state


def test_other_database_errors_are_not_called_a_full_disk(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = mi.read_members(db, roster(tmp_path / "r.xlsx", ("甲", ID_A, ORG, None)))

    def broken(_s: Session, *_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(mi.writing.audit, "imported", broken)
    state = database_state(db)
    # The database layer names a failed write as one sentence that does not claim the disk
    # is full (on SQLite an I/O error is a USB stick pulled out or failing; a server's
    # "或无法写入"); the import does not add its own "磁盘空间已满".
    with pytest.raises(DatabaseError) as caught:
        mi.apply_import(db, preview)
    assert "无法写入" in caught.value.message
    assert "磁盘空间已满" not in caught.value.message
    assert database_state(db) == state


class _SlowWorkbook:
    """A workbook whose sheet takes until ``release`` is set to parse; closing it while
    a sheet is parsed is what calamine refuses ("Already borrowed")."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.parsing = False
        self.closed_while_parsing = False

    def get_sheet_by_name(self, title: str) -> Any:
        self.parsing = True
        self.release.wait(10)
        self.parsing = False
        return title

    def close(self) -> None:
        self.closed_while_parsing = self.parsing


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="POSIX timer")
def test_a_wait_for_the_read_ahead_interrupted_by_ctrl_c_still_keeps_the_close_waiting() -> None:
    # Ctrl+C while the reader waited for the read-ahead: Thread.join, interrupted, took
    # the thread for ended and the close freed the workbook under it (an internal error
    # instead of the interruption's sentence).
    slow = _SlowWorkbook()
    book = Book("xlsx", calamine=slow)
    book.read_ahead("名册")

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        with pytest.raises(KeyboardInterrupt):
            book.sheet_named("名册")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    threading.Timer(0.2, slow.release.set).start()
    book.close()
    assert not slow.closed_while_parsing


@pytest.mark.parametrize("thread_runs", [True, False])
def test_ctrl_c_while_the_read_ahead_starts_leaves_the_close_waiting_for_it(
    monkeypatch: pytest.MonkeyPatch, thread_runs: bool
) -> None:
    # Ctrl+C while the reading thread was being started: the book did not know of it
    # and closed the workbook under it; and a thread never started is not waited for.
    slow = _SlowWorkbook()
    book = Book("xlsx", calamine=slow)
    start = threading.Thread.start

    def interrupted(thread: threading.Thread) -> None:
        if thread_runs:
            start(thread)
        raise KeyboardInterrupt

    monkeypatch.setattr(threading.Thread, "start", interrupted)
    with pytest.raises(KeyboardInterrupt):
        book.read_ahead("名册")
    monkeypatch.undo()
    threading.Timer(0.2, slow.release.set).start()
    book.close()
    assert not slow.closed_while_parsing
