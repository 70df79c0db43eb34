"""A restore or a database switch waits for the background reads under way (one holding a
SQLite connection kept the file from being replaced on Windows; a switch closed the old
database under a read), and is refused in a sentence when they do not end in time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import SYSTEM
from pbc_desktop.errors import UserError
from pbc_desktop.services import backup, backup_restore
from pbc_desktop.ui.common import worker
from pbc_desktop.ui.common.worker import BackgroundLoad
from pbc_desktop.ui.shell import backup_actions
from pbc_desktop.ui.shell.backup_actions import open_file
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.backup_helpers import add_orgs, names_in, new_database
from tests.qt_helpers import Boxes, stub_boxes

pytestmark = [
    pytest.mark.sqlite_only("a restore replaces the database file"),
    pytest.mark.usefixtures("loads_in_background"),
]


@pytest.fixture
def office(data_dir: Path) -> Iterator[Database]:
    db = new_database(data_dir / "pbc.sqlite", "上底村党总支")
    yield db
    db.dispose()


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # a failed test's read ends too


def hold_a_read(qtbot: QtBot, window: MainWindow, db: Database, gate: threading.Event) -> list[str]:
    """A read of ``db`` that keeps its connection until ``gate`` is set (the window's own
    first reads ended); what it did."""
    qtbot.waitUntil(lambda: worker.reading_threads() == 0, timeout=10_000)
    load = BackgroundLoad(window, "heldRead")
    done: list[str] = []

    def read() -> int:
        with db.read() as s:
            s.execute(text("SELECT 1")).scalar_one()
            assert gate.wait(10)
        done.append("read")
        return 1

    load.start(read, lambda _answer: done.append("shown"))
    assert worker.reading_threads() == 1
    return done


def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def restore_from(monkeypatch: pytest.MonkeyPatch, office: Database, tmp_path: Path) -> Path:
    """A backup of ``office`` chosen in File → 恢复… (the office changed since)."""
    copy = backup.backup_to(office.path or Path(), tmp_path / "usb.sqlite", by=SYSTEM)
    add_orgs(office, "后来新增的党支部")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(copy), ""))
    return copy


def cannot_open(monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    """The restore replaces the file, then opening it fails (a scanner holding the file
    just renamed, a stick pulled out, a failing disk)."""

    def refuse(*_args: object, **_kwargs: object) -> Database:
        raise UserError(reason)

    monkeypatch.setattr(backup_actions, "open_file", refuse)


def nothing_loading(window: MainWindow) -> bool:
    return not any(load.busy for load in window.findChildren(BackgroundLoad))


def test_a_restore_waits_for_the_reads_under_way(
    qtbot: QtBot, office: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = stub_boxes(monkeypatch)
    restore_from(monkeypatch, office, tmp_path)
    window = make_window(qtbot, office)
    done = hold_a_read(qtbot, window, office, gate := threading.Event())
    real_wait = worker.wait_for_reads

    def wait_for_reads(timeout: float) -> bool:
        # the read ends while the restore waits for it, not before (a timer could fire
        # while the backup was still being checked, on a loaded PC, and its answer shown)
        threading.Timer(0.3, gate.set).start()
        return real_wait(timeout)

    monkeypatch.setattr(worker, "wait_for_reads", wait_for_reads)
    reading: list[int] = []
    real_restore = backup_restore.restore

    def restore(*args: object, **kwargs: object) -> backup_restore.RestoreResult:
        reading.append(worker.reading_threads())
        return real_restore(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_restore, "restore", restore)
    window.backups.action_restore.trigger()
    assert reading == [0] and done == ["read"]  # ended first; its answer not shown
    assert len(boxes.shown) == 2 and window.ctx.db is not office
    assert names_in(window.ctx.db) == ["上底村党总支"]
    qtbot.waitUntil(lambda: nothing_loading(window), timeout=10_000)  # the new tabs' reads


def test_a_restore_under_a_read_that_does_not_end_is_refused(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes = stub_boxes(monkeypatch)
    restore_from(monkeypatch, office, tmp_path)
    monkeypatch.setattr(worker, "SETTLE_SECONDS", 0.2)
    window = make_window(qtbot, office)
    hold_a_read(qtbot, window, office, gate)
    window.backups.action_restore.trigger()
    _question, refusal = boxes.shown
    assert refusal == worker.reads_unsettled()
    assert window.ctx.db is office
    assert names_in(office) == ["上底村党总支", "后来新增的党支部"]
    assert [b for b in backup.list_backups(office.path or Path()) if b.kind != backup.AUTO] == []


def test_a_switch_waits_for_the_reads_of_the_database_left(
    qtbot: QtBot, office: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub_boxes(monkeypatch)
    new_database(tmp_path / "other.sqlite", "别处的党支部").dispose()
    window = make_window(qtbot, office)
    done = hold_a_read(qtbot, window, office, gate := threading.Event())
    threading.Timer(0.3, gate.set).start()
    at_dispose: list[list[str]] = []
    real_dispose = office.dispose

    def dispose() -> None:
        at_dispose.append(list(done))
        real_dispose()

    monkeypatch.setattr(office, "dispose", dispose)
    window.switch_database(open_file(tmp_path / "other.sqlite", office.actor))
    assert at_dispose == [["read"]]  # the read had ended before its database was closed
    assert names_in(window.ctx.db) == ["别处的党支部"]


def test_a_switch_under_a_read_that_does_not_end_is_refused(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes: Boxes = stub_boxes(monkeypatch)
    monkeypatch.setattr(worker, "SETTLE_SECONDS", 0.2)
    new_database(tmp_path / "other.sqlite", "别处的党支部").dispose()
    window = make_window(qtbot, office)
    hold_a_read(qtbot, window, office, gate)
    window.switch_database(open_file(tmp_path / "other.sqlite", office.actor))
    assert boxes.shown == [worker.reads_unsettled()]
    assert window.ctx.db is office and names_in(office) == ["上底村党总支"]


def test_a_refused_restore_asks_again_the_reads_it_cut_off(
    qtbot: QtBot, office: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The restore forgot the read under way (its answer not shown), then failed: the
    database is as it was, and the read is asked again (its widget not left "loading")."""
    boxes = stub_boxes(monkeypatch)
    restore_from(monkeypatch, office, tmp_path)
    window = make_window(qtbot, office)
    done = hold_a_read(qtbot, window, office, gate := threading.Event())
    threading.Timer(0.3, gate.set).start()

    def refuse(*_args: object, **_kwargs: object) -> backup_restore.RestoreResult:
        raise UserError("备份文件已损坏")

    monkeypatch.setattr(backup_restore, "restore", refuse)
    window.backups.action_restore.trigger()
    assert window.ctx.db is office and "备份文件已损坏" in boxes.shown[-1]
    qtbot.waitUntil(lambda: "shown" in done, timeout=10_000)
    assert done == ["read", "read", "shown"]  # the cut-off read, then asked again
    qtbot.waitUntil(lambda: nothing_loading(window), timeout=10_000)


def test_a_refused_switch_asks_again_the_reads_it_cut_off(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stub_boxes(monkeypatch)
    monkeypatch.setattr(worker, "SETTLE_SECONDS", 0.2)
    new_database(tmp_path / "other.sqlite", "别处的党支部").dispose()
    window = make_window(qtbot, office)
    done = hold_a_read(qtbot, window, office, gate)
    window.switch_database(open_file(tmp_path / "other.sqlite", office.actor))
    gate.set()
    qtbot.waitUntil(lambda: "shown" in done, timeout=10_000)
    assert done == ["read", "read", "shown"] and window.ctx.db is office


def test_a_restored_file_that_cannot_be_opened_is_put_back_and_no_list_stays_loading(
    qtbot: QtBot, office: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The restore replaced the file, which could not then be opened: the window kept the
    message and its tabs "loading" for ever. The database as it was is put back, the
    reads the restore cut off are asked again, and one message says both."""
    boxes = stub_boxes(monkeypatch)
    restore_from(monkeypatch, office, tmp_path)
    window = make_window(qtbot, office)
    window.show_tab("organizations")
    done = hold_a_read(qtbot, window, office, gate := threading.Event())
    threading.Timer(0.3, gate.set).start()
    cannot_open(monkeypatch, "无法打开数据库：磁盘出错")
    window.backups.action_restore.trigger()
    qtbot.waitUntil(lambda: "shown" in done, timeout=10_000)
    assert done == ["read", "read", "shown"]  # the cut-off read, then asked again
    qtbot.waitUntil(lambda: nothing_loading(window), timeout=10_000)
    said = boxes.shown[-1]
    assert "could not then be opened" in said and "无法打开数据库：磁盘出错" in said
    assert "was put back" in said
    assert window.ctx.db is office
    assert names_in(office) == ["上底村党总支", "后来新增的党支部"]  # as it was
    kept = [b for b in backup.list_backups(office.path or Path()) if b.kind != backup.AUTO]
    assert [b.kind for b in kept] == [backup.BEFORE_RESTORE]  # and still kept


def test_a_restored_file_neither_opened_nor_put_back_leaves_no_list_loading(
    qtbot: QtBot, office: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = stub_boxes(monkeypatch)
    restore_from(monkeypatch, office, tmp_path)
    window = make_window(qtbot, office)
    done = hold_a_read(qtbot, window, office, gate := threading.Event())
    threading.Timer(0.3, gate.set).start()
    cannot_open(monkeypatch, "无法打开数据库：磁盘出错")

    def cannot_put_back(*_args: object, **_kwargs: object) -> None:
        raise UserError("无法把原来的数据库放回")

    monkeypatch.setattr(backup_restore, "put_back", cannot_put_back)
    window.backups.action_restore.trigger()
    qtbot.waitUntil(lambda: "shown" in done, timeout=10_000)
    qtbot.waitUntil(lambda: nothing_loading(window), timeout=10_000)
    said = boxes.shown[-1]
    assert "无法打开数据库：磁盘出错" in said and "无法把原来的数据库放回" in said
    assert "start it again" in said
    assert window.ctx.db is office
    assert names_in(office) == ["上底村党总支"]  # the restored file, which it reads as it can
