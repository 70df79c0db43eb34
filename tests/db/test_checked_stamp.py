"""A SQLite file unchanged since it was found sound is not read through again at open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from pbc_desktop.db import checked_stamp, migrate
from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.errors import DatabaseDamagedError
from tests.backup_helpers import damage, new_database


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files ``PRAGMA quick_check`` read, in order (a test counts its own file's)."""
    seen: list[Path] = []
    real = migrate.quick_check

    def counted(conn: Connection) -> list[Any]:
        seen.append(Path(conn.engine.url.database or ""))
        return real(conn)

    monkeypatch.setattr(migrate, "quick_check", counted)
    return seen


def _reopen(path: Path) -> None:
    open_database(sqlite_url(path)).dispose()


def test_a_file_closed_cleanly_is_not_read_again(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(50))).dispose()  # written, closed
    assert checks.count(path) == 1  # checked when first opened
    _reopen(path)
    _reopen(path)
    assert checks.count(path) == 1
    assert checked_stamp.stamp_file(path).exists()


def test_a_file_another_program_wrote_is_checked_again(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scribble (x TEXT)")
    conn.executemany("INSERT INTO scribble VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    _reopen(path)
    assert checks.count(path) == 2


def test_damage_after_a_clean_close_is_still_found(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    _reopen(path)
    assert checks.count(path) == 1  # remembered
    damage(path)  # same size, written in place
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))
    assert not checked_stamp.stamp_file(path).exists()  # forgotten: checked at every open


def test_a_copy_or_a_restored_file_is_checked(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())
    path.unlink()
    copy.rename(path)  # another file in its place, same bytes
    _reopen(path)
    assert checks.count(path) == 2


def test_a_journal_with_transactions_beside_the_file_means_a_check(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    assert checked_stamp.unchanged_since_checked(path)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"\x00" * 32)  # a crash left transactions behind
    assert not checked_stamp.unchanged_since_checked(path)
    wal.write_bytes(b"")  # an empty one says nothing
    assert checked_stamp.unchanged_since_checked(path)


def test_a_garbled_or_unwritable_note_only_means_a_check(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    note = checked_stamp.stamp_file(path)
    note.write_text("{not json", encoding="utf-8")
    _reopen(path)
    assert checks.count(path) == 2
    note.unlink()
    note.mkdir()  # cannot be written: the database still opens, checked each time
    _reopen(path)
    _reopen(path)
    assert checks.count(path) == 4


def test_damage_met_while_in_use_is_not_remembered_as_sound(
    tmp_path: Path, checks: list[Path]
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    db = open_database(sqlite_url(path))
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
    with pytest.raises(sa_exc.DatabaseError), db.read():
        raise sa_exc.DatabaseError("SELECT 1", None, corrupt)
    db.dispose()
    assert not checked_stamp.stamp_file(path).exists()
    _reopen(path)
    assert checks.count(path) == 2  # the first open's, then this one
