"""The Database's connections: none outlives the database's use."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from pbc_desktop.db import lock
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.server import connection_lost
from pbc_desktop.errors import DatabaseError, DiskFullError, ServerConnectionError

SQLITE_IOERR_READ = sqlite3.SQLITE_IOERR | 1 << 8
SQLITE_IOERR_WRITE = sqlite3.SQLITE_IOERR | 3 << 8


def test_a_database_used_after_dispose_keeps_no_connection_open(db: Database) -> None:
    """A widget's timer may still read as its window closes; what it opens is closed at
    once (on a server, a pooled connection of a disposed engine was left to the garbage
    collector, still open: psycopg's "Connection deleted while still open")."""
    assert isinstance(db.engine.pool, QueuePool)
    with db.read() as s:
        s.execute(text("SELECT 1"))
    assert db.engine.pool.checkedin() == 1  # kept for the next use while the database is open
    db.dispose()
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1
    with db.write() as s:
        s.execute(text("SELECT 1"))
    pool = db.engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedin() == 0 and pool.checkedout() == 0


def test_a_server_found_not_answering_refuses_at_once(db: Database) -> None:
    """While the window's server watch finds the server not answering, each read or write
    fails at once with the banner's sentence: the engine is not asked (a dead network
    would hold the window for the connection's time limit at each click)."""
    asked: list[str] = []
    event.listen(db.engine, "checkout", lambda *_args: asked.append("checkout"))
    db.server_answers(connection_lost(db.url).message)
    with pytest.raises(ServerConnectionError, match="连接中断了：") as read, db.read() as s:
        s.execute(text("SELECT 1"))
    assert "没有保存" not in read.value.message
    with pytest.raises(ServerConnectionError, match="这次没有保存"), db.write() as s:
        s.execute(text("SELECT 1"))
    with pytest.raises(ServerConnectionError), db.snapshot() as s:
        s.execute(text("SELECT 1"))
    assert asked == []
    db.server_answers(None)  # it answers again
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1


def test_a_refusal_meanwhile_says_why_the_server_does_not_answer(db: Database) -> None:
    """The watch's ping was told why (the banner's tooltip): each refusal says the same,
    not "the connection was lost, check the network" for a password the server no longer
    accepts; a save also says it was not saved."""
    reason = "服务器 10.38.1.5:5432 没有接受账号“pbc_chengtian”的密码：请检查账号和密码。"
    db.server_answers(reason)
    with pytest.raises(ServerConnectionError) as read, db.read():
        pass
    assert read.value.message == reason
    with pytest.raises(ServerConnectionError) as save, db.write():
        pass
    assert save.value.message == reason + "这次没有保存。"
    db.server_answers(None)
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1


# -- the drive holding the file fails or is pulled out (a USB stick) ----------------------


def _sqlite_error(message: str, code: int) -> OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("SELECT 1", None, error)


def _sqlite_file(tmp_path: Path) -> Database:
    return open_database(sqlite_url(tmp_path / "stick" / "pbc.sqlite"))


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    (tmp_path / "stick").mkdir()
    return tmp_path / "stick"


def test_a_read_from_a_pulled_stick_is_one_sentence(tmp_path: Path, stick: Path) -> None:
    db = _sqlite_file(tmp_path)
    try:
        with pytest.raises(DatabaseError) as refused, db.read():
            raise _sqlite_error("disk I/O error", SQLITE_IOERR_READ)
    finally:
        db.dispose()
    assert "U 盘" in refused.value.message and "读取" in refused.value.message
    assert str(stick / "pbc.sqlite") in refused.value.message


def test_a_save_to_a_pulled_stick_says_nothing_was_saved(
    tmp_path: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _sqlite_file(tmp_path)
    try:
        with pytest.raises(DatabaseError) as refused, db.write():
            raise _sqlite_error("disk I/O error", SQLITE_IOERR_WRITE)
        assert not isinstance(refused.value, DiskFullError)  # the stick has room
        assert "数据没有保存" in refused.value.message and "U 盘" in refused.value.message
        gone = OSError(errno.ENOENT, "no such drive")
        monkeypatch.setattr(shutil, "disk_usage", lambda _p: (_ for _ in ()).throw(gone))
        with pytest.raises(DatabaseError, match="拔出"), db.write():
            raise _sqlite_error("disk I/O error", SQLITE_IOERR_WRITE)
        full = shutil._ntuple_diskusage(8_000_000_000, 8_000_000_000, 4096)  # type: ignore[attr-defined]
        monkeypatch.setattr(shutil, "disk_usage", lambda _p: full)
        with pytest.raises(DiskFullError, match="磁盘已满"), db.write():
            raise _sqlite_error("disk I/O error", SQLITE_IOERR_WRITE)
    finally:
        db.dispose()


def test_a_file_that_cannot_be_opened_is_the_drive_only_when_it_is_gone(
    tmp_path: Path, stick: Path
) -> None:
    db = _sqlite_file(tmp_path)
    try:
        with pytest.raises(OperationalError), db.read():  # there: not the drive's doing
            raise _sqlite_error("unable to open database file", sqlite3.SQLITE_CANTOPEN)
        moved = tmp_path / "elsewhere"
        stick.rename(moved)  # the stick is gone
        with pytest.raises(DatabaseError, match="拔出"), db.read():
            raise _sqlite_error("unable to open database file", sqlite3.SQLITE_CANTOPEN)
        moved.rename(stick)
    finally:
        db.dispose()


def test_closing_after_the_stick_was_pulled_does_not_fail(
    tmp_path: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _sqlite_file(tmp_path)

    def gone(*_args: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(lock, "_os_unlock", gone)
    db.dispose()  # no exception
    monkeypatch.undo()
    _sqlite_file(tmp_path).dispose()  # the lock is free again
