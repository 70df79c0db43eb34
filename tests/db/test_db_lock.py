"""One lock per database: restore waits for every writer, CLI or window, or names them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from pbc_desktop.db import lock
from pbc_desktop.db.engine import Database
from tests.backup_helpers import new_database, org_names
from tests.factories import make_id
from tests.import_factories import write_roster

pytestmark = pytest.mark.sqlite_only("the single-writer lock is a lock on the database file")

REPO = Path(__file__).resolve().parent.parent.parent
ORG = "上底村党总支"


def env(data_dir: Path, wait: float) -> dict[str, str]:
    return dict(
        os.environ, PBC_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO), PBC_LOCK_WAIT=str(wait)
    )


def pbc(data_dir: Path, *args: str, wait: float = 0.5) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "pbc_desktop.cli", *args],
        cwd=REPO,
        env=env(data_dir, wait),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


@contextmanager
def holder(data_dir: Path, db_path: Path, program: str, mode: str) -> Iterator[int]:
    """Another process holding the database's lock; yields its process id."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.lock_holder", str(db_path), program, mode],
        cwd=REPO,
        env=env(data_dir, 0.5),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        assert proc.stdout.readline() == "ready\n"
        yield proc.pid
    finally:
        proc.communicate(timeout=60)


@pytest.fixture
def office(data_dir: Path) -> Path:
    path = data_dir / "pbc.sqlite"
    new_database(path, ORG).dispose()
    return path


@pytest.fixture
def other(tmp_path: Path) -> Path:
    path = tmp_path / "other.sqlite"
    new_database(path, "别处的党支部").dispose()
    return path


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_restore_is_refused_naming_the_writer_that_holds_the_database(
    data_dir: Path, office: Path, other: Path
) -> None:
    with holder(data_dir, office, "pbc import-members", "shared") as pid:
        code, out, err = finish(pbc(data_dir, "restore", str(other), "--yes"))
    assert (code, out) == (2, "")
    sentence = one_sentence(err)
    assert "pbc import-members" in sentence and f"进程号 {pid}" in sentence
    assert org_names(office) == [ORG]
    assert not list((data_dir / "backups").glob("*before-restore*"))
    # and once the writer has finished, the restore goes through
    code, _, err = finish(pbc(data_dir, "restore", str(other), "--yes"))
    assert code == 0, err
    assert org_names(office) == ["别处的党支部"]


def test_a_writer_is_refused_while_a_restore_holds_the_database(
    data_dir: Path, office: Path, tmp_path: Path
) -> None:
    book = write_roster(
        tmp_path / "名册.xlsx", [("张三", "男", make_id("19850302"), "", "", "", "", ORG)]
    )
    with holder(data_dir, office, "pbc restore", "exclusive") as pid:
        code, out, err = finish(pbc(data_dir, "import-members", str(book), "--db", str(office)))
    assert (code, out) == (2, "")
    sentence = one_sentence(err)
    assert "恢复" in sentence and "pbc restore" in sentence and str(pid) in sentence
    code, _, err = finish(pbc(data_dir, "import-members", str(book), "--db", str(office)))
    assert code == 0, err


def test_an_import_running_beside_a_restore_never_loses_its_rows(
    data_dir: Path, office: Path, tmp_path: Path
) -> None:
    # The backup holds the roster's organization too: whichever of the two goes first, the
    # import's rows are good (a restore of another office's file would make them bad rows).
    other = tmp_path / "backup-of-the-office.sqlite"
    new_database(other, ORG).dispose()
    rows = [
        (f"党员{i:03d}", "男", make_id("19850302", f"{i:03d}"), "", "", "", "", ORG)
        for i in range(1, 400, 2)
    ]
    book = write_roster(tmp_path / "名册.xlsx", rows)
    importer = pbc(data_dir, "import-members", str(book), "--db", str(office), wait=60)
    restorer = pbc(data_dir, "restore", str(other), "--yes", wait=60)
    imported, _, import_err = finish(importer)
    restored, _, restore_err = finish(restorer)
    assert "Traceback" not in import_err + restore_err
    assert restored == 0, restore_err
    assert imported == 0, import_err  # each waited for the other
    kept = list((data_dir / "backups").glob("pbc-before-restore-*.sqlite"))
    assert len(kept) == 1

    def members(path: Path) -> int:
        import sqlite3

        conn = sqlite3.connect(path)
        try:
            return int(conn.execute("SELECT count(*) FROM party_member").fetchone()[0])
        finally:
            conn.close()

    # The import finished before the file was replaced (its rows are in the copy kept
    # before the restore), or started after it (its rows are in the restored database).
    assert (members(kept[0]), members(office)) in {(len(rows), 0), (0, len(rows))}


def test_a_window_and_a_command_share_the_lock_and_a_restore_converts_its_own(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "office.sqlite"
    new_database(path, ORG).dispose()
    window = lock.acquire(path)
    with holder(data_dir, path, "pbc import-members", "shared"):
        with pytest.raises(lock.DatabaseLockedError) as refused:
            lock.acquire(path, exclusive=True, wait=0.1)
        assert "pbc import-members" in refused.value.message
    # alone again: this process's own shared hold becomes exclusive and back
    with lock.acquire(path, exclusive=True, wait=0.1):
        assert not lock.holders(path, but=None) or all(
            h.pid == os.getpid() for h in lock.holders(path)
        )
    window.release()
    window.release()  # twice is harmless
    assert not list(lock.holders_dir(path).glob("*.json"))


def test_the_windows_restore_waits_for_a_command_then_names_it(
    data_dir: Path, office: Path, other: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services import backup_restore
    from tests.backup_helpers import add_orgs, names_in

    monkeypatch.setenv(lock.WAIT_ENV, "0.3")
    window_db = open_database(sqlite_url(office), backup_dir=data_dir / "backups")
    try:
        with holder(data_dir, office, "pbc import-members", "shared") as pid:
            with pytest.raises(lock.DatabaseLockedError) as refused:
                backup_restore.restore(office, other, close=window_db)
            assert "pbc import-members" in refused.value.message
            assert str(pid) in refused.value.message
            # the window goes on as before, still holding its share of the lock
            add_orgs(window_db, "窗口里新建的党支部")
            assert os.getpid() in {h.pid for h in lock.holders(office)}
        assert names_in(window_db) == sorted([ORG, "窗口里新建的党支部"])
        result = backup_restore.restore(
            office, other, close=window_db
        )  # alone now: it goes through
        assert result.kept is not None
        assert org_names(result.kept) == sorted([ORG, "窗口里新建的党支部"])
    finally:
        window_db.dispose()
    assert org_names(office) == ["别处的党支部"]


def test_an_upgrade_waits_for_the_writers_then_names_them(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database

    monkeypatch.setenv(lock.WAIT_ENV, "0.3")
    path = tmp_path / "empty.sqlite"  # no schema yet: opening it upgrades it to the current one
    path.touch()
    with holder(data_dir, path, "pbc import-members", "shared"):
        with pytest.raises(lock.DatabaseLockedError) as refused:
            open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
        assert "pbc import-members" in refused.value.message
    open_database(sqlite_url(path), backup_dir=tmp_path / "backups").dispose()


def test_only_sqlite_s_own_busy_reads_as_locked(db: Database) -> None:
    """A statement naming a column such as ``locked_until`` that fails for another reason
    (a missing column, say) is not said to be "busy in another program"."""
    with pytest.raises(OperationalError) as failed, db.write() as s:
        s.execute(text("SELECT locked_until FROM no_such_table"))
    assert not isinstance(failed.value, lock.DatabaseLockedError)
    assert "no such table" in str(failed.value.orig)


def test_a_note_left_by_a_killed_window_never_names_it_in_a_refusal(
    data_dir: Path, office: Path, other: Path
) -> None:
    """A window killed (a power cut) leaves its note in ``-holders/``. After a restart its
    process id may well belong to another program (Windows hands ids out again soon), so
    the note passed for a live window and a restore refused beside an import named a window
    nobody had open. The next program to open the database alone deletes such notes."""
    notes = lock.holders_dir(office)
    notes.mkdir(exist_ok=True)
    living = os.getpid()  # a process that runs, and holds no lock of the database
    stale = notes / f"{living}-0123abcd.json"
    stale.write_text(
        json.dumps(
            {
                "program": lock.WINDOW,
                "pid": living,
                "user": "clerk",
                "since": "2026-12-01T08:00:00",
                "exclusive": False,
            }
        ),
        encoding="utf-8",
    )
    code, _, err = finish(pbc(data_dir, "info"))
    assert code == 0, err
    assert not stale.exists()
    with holder(data_dir, office, "pbc import-members", "shared") as pid:
        code, _, err = finish(pbc(data_dir, "restore", str(other), "--yes"))
    sentence = one_sentence(err)
    assert code == 2 and f"进程号 {pid}" in sentence
    assert "窗口" not in sentence and f"进程号 {living}" not in sentence
