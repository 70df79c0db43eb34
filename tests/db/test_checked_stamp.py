"""A SQLite file unchanged since it was found sound is not read through again at open."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from pbc_desktop import files
from pbc_desktop.db import checked_stamp, migrate
from pbc_desktop.db.engine import Database, sqlite_url
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
    assert not checked_stamp.unchanged_since_checked(path)  # noted: checked at every open


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
    assert not checked_stamp.unchanged_since_checked(path)
    _reopen(path)
    assert checks.count(path) == 2  # the first open's, then this one


# -- found by the hostile tests of the note ------------------------------------------------


def test_damage_another_program_found_is_not_undone_by_a_window_still_open(
    tmp_path: Path,
) -> None:
    """The window has the file open; a ``pbc`` command finds it damaged and exits 2. The
    window closing cleanly afterwards must not note the damaged file as sound."""
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    window = open_database(sqlite_url(path))
    damage(path)
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))  # the command
    window.dispose()
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))  # the next start: the recovery dialog


def test_damage_the_automatic_backup_found_means_a_check(tmp_path: Path) -> None:
    """A file whose bytes went bad though nobody wrote it (a failing disk) keeps its note;
    the automatic backup's check of its copy finds the damage, and the next open then
    checks the file (the recovery dialog), even when the window closed after it."""
    from pbc_desktop.services import backup

    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    window = open_database(sqlite_url(path))
    damage(path)
    checked_stamp.remember_checked(path)  # the note as it was: the disk changed the bytes
    with pytest.raises(DatabaseDamagedError):
        backup.automatic_backup(path, tmp_path / "backups", only_if_changed=False)
    window.dispose()
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))
    assert list((tmp_path / "backups").iterdir()) == []  # no copy, no stray note


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot rename over an open file")
def test_a_file_put_in_its_place_while_it_was_open_is_not_noted_at_close(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    other = tmp_path / "other.sqlite"
    new_database(other, *(f"党支部{i}" for i in range(500))).dispose()
    damage(other)
    window = open_database(sqlite_url(path))
    other.replace(path)  # another office's (damaged) file moved over it
    window.dispose()
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))


def test_a_copy_written_over_it_keeping_its_time_is_checked(tmp_path: Path) -> None:
    """A copy on a USB stick (made keeping the file's time, as ``cp -p`` and Explorer do)
    went bad there, and is copied back over the database the same way: the same file,
    size and time as noted, other bytes. (On Windows the change time is NTFS's, read by
    ``checked_stamp._change_time``: this test is its only check there.)"""
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = Path(shutil.copy2(path, stick / path.name))
    written = copy.stat().st_mtime_ns
    damage(copy)
    os.utime(copy, ns=(written, written))  # the stick's flash, not a program
    shutil.copy2(copy, path)  # written in place: the same file number
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path))


@pytest.mark.parametrize("size", [4000, 100_000])  # short enough to be read; too long
def test_a_note_nested_too_deep_only_means_a_check(
    tmp_path: Path, checks: list[Path], size: int
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    checked_stamp.stamp_file(path).write_text("[" * size, encoding="utf-8")
    _reopen(path)
    assert checks.count(path) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_note_that_is_no_file_only_means_a_check(tmp_path: Path, checks: list[Path]) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    note = checked_stamp.stamp_file(path)
    note.unlink()
    os.mkfifo(note)  # reading it would wait for a writer for ever
    opening = threading.Thread(target=_reopen, args=(path,), daemon=True)
    opening.start()
    opening.join(10)
    if opening.is_alive():
        with note.open("w"):  # let it go
            pass
        pytest.fail("opening the database waited on its note")
    assert checks.count(path) == 2


def test_an_old_copy_opened_once_leaves_no_note_when_retention_deletes_it(
    tmp_path: Path,
) -> None:
    """An automatic copy opened with File → Open (from the recovery dialog, say) got a
    note beside it; the retention policy deleting the copy deletes its note too."""
    from pbc_desktop.services import backup

    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    folder = tmp_path / "backups"
    old = backup.automatic_backup(path, folder, now=datetime(2020, 1, 1), only_if_changed=False)
    assert old is not None
    _reopen(old)  # opened as a database once
    assert checked_stamp.stamp_file(old).exists()
    for month in range(12):  # twelve later months with a copy: the oldest goes
        backup.automatic_backup(
            path, folder, now=datetime(2025, month + 1, 1), only_if_changed=False
        )
    assert not old.exists()
    assert list(folder.glob("*-checked")) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_program_killed_with_the_file_open_leaves_it_to_be_checked(
    tmp_path: Path, checks: list[Path]
) -> None:
    """A real kill, not a journal made by hand: what SQLite leaves beside the file of a
    program killed after its save (its WAL, holding the save) means a check."""
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from pbc_desktop.db.engine import sqlite_url\n"
            "from pbc_desktop.db.migrate import open_database\n"
            "from tests.backup_helpers import add_orgs\n"
            f"db = open_database(sqlite_url({str(path)!r}))\n"
            "add_orgs(db, '党支部')\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
        ],
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    _reopen(path)
    assert checks.count(path) == 2  # the first open's, then this one


def test_a_file_opened_only_to_read_gets_no_note_when_damage_is_met(tmp_path: Path) -> None:
    """A backup looked into, a read-only file read by a ``pbc`` command: nothing is
    written beside it, not even the note of damage met."""
    path = tmp_path / "pbc-auto-20260101-120000.sqlite"
    new_database(path).dispose()
    checked_stamp.forget_checked(path)
    looked = Database.read_only(path)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = sqlite3.SQLITE_CORRUPT  # type: ignore[attr-defined]
    try:
        with pytest.raises(sa_exc.DatabaseError), looked.read():
            raise sa_exc.DatabaseError("SELECT 1", None, corrupt)
    finally:
        looked.dispose()
    assert not checked_stamp.stamp_file(path).exists()


def test_a_note_half_written_by_a_killed_program_is_cleared_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between writing the note and putting it in place: what it left is one of
    the leftovers the next start deletes (as a killed backup's)."""
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    checked_stamp.forget_checked(path)

    def killed(_self: Path, _target: Path) -> None:
        raise SystemExit(-9)

    monkeypatch.setattr(Path, "replace", killed)
    with pytest.raises(SystemExit):
        checked_stamp.remember_checked(path)
    monkeypatch.undo()
    (left,) = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    monkeypatch.setattr(files, "process_alive", lambda _pid: False)  # it died
    assert files.remove_leftovers(tmp_path) == [left]


def test_a_file_that_is_no_database_gets_no_note(tmp_path: Path) -> None:
    """A document picked with File → Open by mistake is refused, and no note of damage is
    left beside it (it could never pass for a database checked)."""
    picked = tmp_path / "会议记录.db"
    picked.write_bytes("第一次支部委员会会议记录\n".encode() * 500)
    with pytest.raises(DatabaseDamagedError, match="不是本程序可用的数据库"):
        open_database(sqlite_url(picked), create=False)
    assert not checked_stamp.stamp_file(picked).exists()


def test_damage_met_after_the_check_passed_while_opening_is_noted(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged page the check did not reach (a page it does not read) met by a later step
    of the opening: the file is not remembered as sound, so the next open checks it."""
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    checked_stamp.forget_checked(path)  # the next open checks it, and the check passes

    def broken(_db: object) -> str:
        raise migrate._damaged(path)

    real = migrate.current_revision
    monkeypatch.setattr(migrate, "current_revision", broken)
    with pytest.raises(DatabaseDamagedError):
        open_database(sqlite_url(path))
    assert checks.count(path) == 2
    assert not checked_stamp.unchanged_since_checked(path)
    monkeypatch.setattr(migrate, "current_revision", real)
    _reopen(path)  # checked again (and sound, in fact)
    assert checks.count(path) == 3


# -- volumes that cannot tell a changed file (Windows' USB sticks, network shares) ----------


class _StatAs:
    """A file's ``os.stat`` result with some fields as another volume gives them."""

    def __init__(self, real: os.stat_result, **fields: int) -> None:
        self._real = real
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        return self._fields.get(name, getattr(self._real, name))


def _stat_of(monkeypatch: pytest.MonkeyPatch, path: Path, change: Any) -> None:
    """``path``'s ``stat()`` as ``change(real stat)`` gives it (other files as they are)."""
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> Any:
        info = real_stat(self, follow_symlinks=follow_symlinks)
        return change(info) if self == path else info

    monkeypatch.setattr(Path, "stat", stat)


def test_a_volume_keeping_no_change_time_means_a_check_at_every_open(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a FAT32 or exFAT stick keeps no change time: a copy that went bad,
    put back over the file keeping its time (as Explorer copies), looks like the file."""
    monkeypatch.setattr(checked_stamp, "_change_time", lambda _path, _info: None)
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    _reopen(path)
    _reopen(path)
    assert checks.count(path) == 3
    assert not checked_stamp.stamp_file(path).exists()


def test_a_volume_giving_no_file_number_means_a_check_and_no_note_at_close(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A network share that numbers no file: another file put in its place while a window
    had it open would pass for the one opened."""
    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    assert checked_stamp.unchanged_since_checked(path)
    _stat_of(monkeypatch, path, lambda info: _StatAs(info, st_ino=0))
    assert checked_stamp.file_identity(path) is None
    assert not checked_stamp.unchanged_since_checked(path)
    _reopen(path)
    _reopen(path)
    assert checks.count(path) == 3
    assert not checked_stamp.stamp_file(path).exists()


def test_a_file_written_within_a_fat_tick_of_the_note_is_checked(
    tmp_path: Path, checks: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT keeps the time a file was written to two seconds: written again in the same two
    seconds, keeping its size, it would look unchanged. A note is written only once the
    file's time is safely past."""
    path = tmp_path / "pbc.sqlite"
    tick = 2_000_000_000

    def on_fat(info: os.stat_result) -> Any:
        return _StatAs(
            info,
            st_mtime_ns=info.st_mtime_ns // tick * tick,
            st_ctime_ns=info.st_ctime_ns // tick * tick,
        )

    _stat_of(monkeypatch, path, on_fat)
    new_database(path).dispose()  # closed right after it was written
    assert not checked_stamp.stamp_file(path).exists()
    _reopen(path)
    assert checks.count(path) == 2  # so checked again
    now = time.time_ns()
    monkeypatch.setattr(checked_stamp.time, "time_ns", lambda: now + 3 * tick)
    _reopen(path)  # checked, and its time is now two ticks past: noted
    assert checks.count(path) == 3
    _reopen(path)
    assert checks.count(path) == 3


def test_only_a_coarse_time_just_past_holds_the_note_back() -> None:
    second = 1_000_000_000
    now = time.time_ns() // second * second
    fine = now - 1_234_567  # a volume keeping times to the 100 ns (NTFS, ext4)
    assert not checked_stamp._too_recent([4096, fine, fine])
    assert checked_stamp._too_recent([4096, now - second, now - second])
    assert not checked_stamp._too_recent([4096, now - 3 * second, now - 3 * second])


def test_damage_noted_while_the_note_cannot_be_replaced_leaves_no_sound_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a note another program is reading (or a scanner holds) cannot be
    replaced: the note saying "sound" must not stay when damage was met."""
    from pbc_desktop import files

    path = tmp_path / "pbc.sqlite"
    new_database(path).dispose()
    assert checked_stamp.unchanged_since_checked(path)
    note = checked_stamp.stamp_file(path)
    real = Path.replace

    def held(self: Path, target: Path) -> Path:
        if target == note:
            raise PermissionError(13, "The process cannot access the file")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", held)
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    checked_stamp.note_damaged(path)
    assert not checked_stamp.unchanged_since_checked(path)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
