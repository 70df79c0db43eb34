"""A large roster read by two child processes at once, each checking half of its rows (the
window's import), or by this process and one child (the command line's): the same preview
as one reading (rows in order, an ID number repeated across the halves named by its first
row, an organization's first spelling, the pipeline's rows), the same sentences, and the
children ended on a cancel."""

from __future__ import annotations

import math
import multiprocessing
import pickle
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pbc_desktop.child_process import Child
from pbc_desktop.db.engine import Database
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.member_import import checking, row_checks
from tests.factories import make_id, make_member, make_org
from tests.import_factories import csv_roster, write_roster

ORG = "司马浦镇大布村党支部"
TODAY = date(2026, 6, 1)
HEADERS = ("姓名", "性别", "身份证号", "所在党组织", "政治面貌", "递交入党申请书日期", "联系电话")
REPEATED = make_id("19850302", "123")
STORED = make_id("19700101", "315")


def _rows() -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (f"党员{i:02d}", None, make_id("19800101", f"{i:03d}"), ORG, "中共党员", None, None)
        for i in range(1, 41)
    ]
    rows[2] = ("张三", "男", REPEATED, ORG, "中共党员", None, "13812345678")
    rows[5] = ("未登记甲", None, make_id("19810101", "001"), "溪美村党支布", None, None, None)
    rows[8] = ("王五", None, STORED, ORG, "中共党员", None, None)  # stored: an update
    rows[30] = ("张三又", "男", REPEATED, ORG, "中共党员", None, None)  # repeats row 3+1
    rows[31] = ("未登记乙", None, make_id("19810101", "002"), "溪美村党支布 ", None, None, None)
    rows[33] = ("未登记丙", None, make_id("19810101", "003"), "新建村党支部", None, None, None)
    rows[35] = ("申请丁", None, make_id("19980402", "224"), ORG, "入党申请人", "2025-03-01", None)
    rows[37] = ("坏号", None, "44", ORG, "中共党员", None, None)
    rows[20] = (None, None, None, None, None, None, None)  # an empty row in the middle
    return rows


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every file read in two parts; the parts the children were started with."""
    monkeypatch.setattr(checking, "_SPLIT_BYTES", 0)
    monkeypatch.setattr(checking.os, "cpu_count", lambda: 2)
    parts: list[tuple[int, int]] = []

    def child(target: Any, *args: Any) -> Child:
        parts.append(args[-1])
        return Child(target, *args)

    monkeypatch.setattr(checking, "Child", child)
    return parts


@contextmanager
def _one_core(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """One reading in this process: no child to check half of the file."""
    with monkeypatch.context() as m:
        m.setattr(checking.os, "cpu_count", lambda: 1)
        yield


@pytest.fixture
def stored(db: Database) -> None:
    org_id = make_org(db, ORG, town="司马浦镇")
    make_member(db, "王五", org_id, id_number=STORED, confirmed_on=date(2013, 7, 1))


@pytest.mark.usefixtures("stored")
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_two_children_give_the_preview_one_reading_gives(
    db: Database,
    tmp_path: Path,
    split: list[tuple[int, int]],
    suffix: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / f"名册{suffix}"
    if suffix == ".csv":
        csv_roster(path, _rows(), headers=HEADERS)
    else:
        write_roster(path, _rows(), headers=HEADERS, above=[("党员名册",)])
    with _one_core(monkeypatch):
        here = mi.read_members(db, path, today=TODAY)
    there = mi.read_members(db, path, today=TODAY, in_child=True)
    assert split == [(0, 50), (50, 100)]
    assert multiprocessing.active_children() == []
    assert there == here
    beside = mi.read_members(db, path, today=TODAY)  # this process and one child
    assert split == [(0, 50), (50, 100), (60, 100)]
    assert multiprocessing.active_children() == []
    assert beside == here
    first = here.header_row + 1
    assert [r.row for r in there.rows] == [first + i for i in range(40) if i != 20]
    repeated = next(r for r in there.rows if r.name == "张三又")
    assert repeated.errors == (("id_number", f"身份证号与第{first + 2}行重复"),)
    assert there.missing_orgs == ("溪美村党支布", "新建村党支部")  # the first spelling
    applicant = next(r for r in there.rows if r.name == "申请丁")
    assert applicant.stage is not None
    assert next(r for r in there.rows if r.name == "王五").existing_id is not None


def test_the_parts_of_a_sheet() -> None:
    assert row_checks._part_rows(4, 103, (0, 100)) == (4, math.inf)
    assert row_checks._part_rows(4, 103, (0, 50)) == (4, 54)
    assert row_checks._part_rows(4, 103, (50, 100)) == (54, math.inf)
    assert row_checks._part_rows(4, 103, (0, 60)) == (4, 64)
    assert row_checks._part_rows(4, 103, (60, 100)) == (64, math.inf)
    # A sheet that does not tell its size: all the first part's.
    assert row_checks._part_rows(4, None, (0, 50)) == (4, math.inf)
    assert row_checks._part_rows(4, None, (50, 100)) == (math.inf, math.inf)


def _read_part(path: Path, part: tuple[int, int]) -> list[int]:
    rows: list[mi.ImportRow] = []
    row_checks._read_file(
        path,
        None,
        lambda: ({}, {}, {}),
        today=TODAY,
        sink=rows.extend,
        report=lambda _p, _t: None,
        stop=lambda: False,
        part=part,
    )
    return [r.row for r in rows]


def test_each_part_checks_its_rows_and_the_last_counts_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    first, second = _read_part(path, (0, 50)), _read_part(path, (50, 100))
    assert first + second == _read_part(path, (0, 100))
    assert first and second
    # Too many rows: said by the part that counts them all, though it checks only half.
    monkeypatch.setattr(cells, "MAX_DATA_ROWS", 30)
    assert len(_read_part(path, (0, 50))) == 20
    with pytest.raises(UserError, match="超过 30 行"):
        _read_part(path, (50, 100))


def test_members_only_in_the_second_half_are_not_a_roster_without_members(
    tmp_path: Path,
) -> None:
    blank: list[tuple[object, ...]] = [(None,) * 7] * 20
    rows = [*blank, ("张三", "男", REPEATED, ORG, "中共党员", None, None)]
    path = write_roster(tmp_path / "名册.xlsx", rows, headers=HEADERS)
    assert _read_part(path, (0, 50)) == []
    assert _read_part(path, (50, 100)) == [22]


@pytest.mark.usefixtures("stored")
def test_a_roster_without_members_is_refused_as_by_one_reading(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = write_roster(tmp_path / "空.xlsx", [(None,) * 7] * 20, headers=HEADERS)
    with _one_core(monkeypatch), pytest.raises(UserError, match="下面没有任何党员") as here:
        mi.read_members(db, empty)
    with pytest.raises(UserError) as there:
        mi.read_members(db, empty, in_child=True)
    with pytest.raises(UserError) as beside:
        mi.read_members(db, empty)
    assert split == [(0, 50), (50, 100), (60, 100)]
    assert str(there.value) == str(here.value) == str(beside.value)
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("stored")
def test_a_cancel_ends_both_children(
    db: Database, tmp_path: Path, split: list[tuple[int, int]]
) -> None:
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    seen: list[int] = []

    def cancelled() -> bool:
        seen.append(len(multiprocessing.active_children()))
        return True

    with pytest.raises(mi.ImportCancelledError):
        mi.read_members(db, path, cancelled=cancelled, in_child=True)
    assert split == [(0, 50), (50, 100)]
    assert seen and max(seen) == 2
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("stored")
def test_a_file_both_children_refuse_is_refused_once(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "名册.xlsx"
    path.write_bytes(b"not a workbook at all" * 20_000)
    with pytest.raises(UserError) as refused:
        mi.read_members(db, path, in_child=True)
    with pytest.raises(UserError) as beside:
        mi.read_members(db, path)
    with _one_core(monkeypatch), pytest.raises(UserError) as here:
        mi.read_members(db, path)
    assert split == [(0, 50), (50, 100), (60, 100)]
    assert str(refused.value) == str(here.value) == str(beside.value)
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("stored")
def test_a_file_replaced_between_the_childrens_readings_is_read_again_here(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clerk saves the roster again (two rows more at its top) after the first child
    # opened it and before the second did: the halves are of two files, rows lost or
    # read twice. The file is read here after all, one version of it.
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    saved = _rows()
    saved[0:0] = [("新增甲", None, make_id("19900101", "001"), ORG, "中共党员", None, None)] * 2
    later = write_roster(tmp_path / "另存.xlsx", saved, headers=HEADERS)
    monkeypatch.setattr(checking, "_SPLIT_BYTES", 0)
    monkeypatch.setattr(checking.os, "cpu_count", lambda: 2)

    def child(target: Any, file: Path, *args: Any) -> Child:
        return Child(target, later if args[-1][0] > 0 else file, *args)

    monkeypatch.setattr(checking, "Child", child)
    there = mi.read_members(db, path, today=TODAY, in_child=True)
    beside = mi.read_members(db, path, today=TODAY)  # this process and one child
    assert multiprocessing.active_children() == []
    with _one_core(monkeypatch):
        here = mi.read_members(db, path, today=TODAY)
    assert there == beside == here
    assert len(here.rows) == len(_rows()) - 1


@pytest.mark.usefixtures("stored")
def test_a_cancel_ends_the_child_beside_this_process(
    db: Database, tmp_path: Path, split: list[tuple[int, int]]
) -> None:
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    with pytest.raises(mi.ImportCancelledError):
        mi.read_members(db, path, cancelled=lambda: True)
    assert split == [(60, 100)]
    assert multiprocessing.active_children() == []
    assert not [t for t in threading.enumerate() if t.name == "import-facts"]


@pytest.mark.usefixtures("stored")
def test_the_database_failing_ends_the_child_beside_this_process(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The facts cannot be read (the server went away): the child waiting for them is
    # ended, and the error is the database's, not a child's.
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)

    def gone(*_args: object, **_kwargs: object) -> dict[str, int]:
        raise ConnectionError("server closed the connection")

    monkeypatch.setattr(checking, "_existing_members", gone)
    with pytest.raises(ConnectionError, match="server closed"):
        mi.read_members(db, path)
    assert split == [(60, 100)]
    assert multiprocessing.active_children() == []
    assert not [t for t in threading.enumerate() if t.name == "import-facts"]


class _Recorder:
    """A child's channel: the database's facts when asked, what it sends recorded."""

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def send(self, message: Any) -> None:
        self.sent.append(message)

    def receive(self) -> Any:
        return ({}, {}, {})


def test_a_later_part_sends_little_before_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The parent reads the first child to its end before the second: the second's news
    # wait in the pipe (8 KB on Windows), and a child sending into a full pipe waits
    # instead of checking its rows. (Progress told at every row: as of a district's roster.)
    monkeypatch.setattr(row_checks, "_CHECK_EVERY", 1)
    path = write_roster(tmp_path / "名册.xlsx", _rows() * 30, headers=HEADERS)
    later, first = _Recorder(), _Recorder()
    row_checks._read_in_child(later, path, None, TODAY, (50, 100))  # type: ignore[arg-type]
    row_checks._read_in_child(first, path, None, TODAY, (0, 50))  # type: ignore[arg-type]
    assert later.sent[0] == ("ready",)  # for the database's facts
    news = [m for m in later.sent if m[0] == "progress"]
    assert [m[0] for m in later.sent[1 + len(news) :]] == ["rows", "file"]
    assert 10 <= len(news) <= 100 // row_checks._LATER_PROGRESS_STEP
    assert len(pickle.dumps(news)) < 4096
    assert [p for _kind, p, _text in news] == sorted(p for _kind, p, _text in news)
    assert len([m for m in first.sent if m[0] == "progress"]) > 500  # the first: each


@pytest.mark.usefixtures("stored")
def test_a_cancel_does_not_wait_for_the_children_to_open_the_file(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The database's facts were sent at once: the parent waited in the pipe, deaf to the
    # cancel, until each child had opened the file and found its sheet (seconds for a
    # district's roster). They are sent when a child asks for them.
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    sent: list[object] = []
    monkeypatch.setattr(Child, "send", lambda _child, message: sent.append(message))
    with pytest.raises(mi.ImportCancelledError):
        mi.read_members(db, path, cancelled=lambda: True, in_child=True)
    assert split == [(0, 50), (50, 100)]
    assert sent == []
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("stored")
def test_the_progress_beside_a_child_never_goes_back(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The child's news are counted from the sheet's first row (it passes the rows before
    # its own) and come once this process's rows are done: the bar does not jump back.
    monkeypatch.setattr(row_checks, "_CHECK_EVERY", 1)  # here: every row's progress told
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    seen: list[int] = []
    mi.read_members(db, path, progress=lambda percent, _text: seen.append(percent))
    assert split == [(60, 100)]
    assert seen == sorted(seen)
    assert seen[-1] == 100
    assert max(seen[:-1]) >= 40  # this process's rows: over half of the bar


def _slow_to_start(channel: Any, *args: Any) -> None:
    """A child held up before it opens the file (a virus scanner, a busy machine)."""
    time.sleep(30)
    row_checks._read_in_child(channel, *args)


@pytest.mark.usefixtures("stored")
def test_a_child_slow_to_start_is_not_waited_for(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This process's rows are done and the child has not even opened the file: it is
    # ended and its rows are read here, the same preview as one reading.
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    with _one_core(monkeypatch):
        here = mi.read_members(db, path, today=TODAY)
    monkeypatch.setattr(checking, "_SPLIT_BYTES", 0)
    monkeypatch.setattr(checking.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(checking, "_WAIT_FOR_CHILD", 0.2)
    started: list[tuple[int, int]] = []

    def slow_child(_target: Any, *args: Any) -> Child:
        started.append(args[-1])
        return Child(_slow_to_start, *args)

    monkeypatch.setattr(checking, "Child", slow_child)
    begun = time.monotonic()
    beside = mi.read_members(db, path, today=TODAY)
    assert time.monotonic() - begun < 20  # not the child's 30 s
    assert started == [(60, 100)]
    assert beside == here
    assert multiprocessing.active_children() == []
    assert not [t for t in threading.enumerate() if t.name == "import-facts"]


@pytest.mark.usefixtures("stored")
def test_the_rows_said_beside_a_child_never_go_back(
    db: Database, tmp_path: Path, split: list[tuple[int, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bar held still while the child's news of the rows it only passed came in, but
    # the line said "Reading row 2…" again after this process's last row.
    monkeypatch.setattr(row_checks, "_CHECK_EVERY", 1)
    path = write_roster(tmp_path / "名册.xlsx", _rows(), headers=HEADERS)
    said: list[int] = []

    def progress(_percent: int, text: str) -> None:
        if (found := re.search(r"\d+", text)) is not None and "第" in text:
            said.append(int(found.group()))

    mi.read_members(db, path, progress=progress)
    assert split == [(60, 100)]
    assert said == sorted(said)
    assert len(said) > 1
