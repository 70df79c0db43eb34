"""A ``-wal`` left beside a database by another file is set aside; the database's own is applied."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import backup_copy, open_database
from tests.backup_helpers import add_orgs, integrity, names_in, new_database, org_names
from tests.conftest import TEST_ADMIN, TEST_PASSWORD

pytestmark = pytest.mark.sqlite_only("the -wal file beside a database file")

REPO = Path(__file__).resolve().parent.parent.parent


def wal_left_by(path: Path, *names: str) -> tuple[bytes, bytes]:
    """The ``-wal`` and ``-shm`` that ``path`` has after ``names`` were written into it
    (as a crash leaves them: never checkpointed)."""
    db = open_database(sqlite_url(path))
    keep_open = sqlite3.connect(path)  # a second connection keeps the WAL from closing
    keep_open.execute("PRAGMA wal_autocheckpoint=0")
    keep_open.execute("SELECT count(*) FROM organization").fetchone()
    add_orgs(db, *names, remark="备注" * 50)
    wal = path.with_name(path.name + "-wal").read_bytes()
    shm = path.with_name(path.name + "-shm").read_bytes()
    keep_open.close()
    db.dispose()
    return wal, shm


def leave_beside(path: Path, wal: bytes, shm: bytes) -> None:
    path.with_name(path.name + "-wal").write_bytes(wal)
    path.with_name(path.name + "-shm").write_bytes(shm)


GOOD_SMALL = [f"好村党支部{i}" for i in range(5)]
GOOD_LARGE = [f"好村党支部{i}" for i in range(400)]


@pytest.mark.parametrize(
    ("good_names", "foreign_names"),
    [
        (GOOD_SMALL, [f"别村{i}" for i in range(300)]),  # the foreign WAL is larger
        (GOOD_LARGE, ["别村"]),  # the foreign WAL is smaller
    ],
    ids=["larger-wal", "smaller-wal"],
)
def test_a_stale_wal_beside_a_copied_file_is_set_aside(
    tmp_path: Path, good_names: list[str], foreign_names: list[str]
) -> None:
    old = tmp_path / "old" / "pbc.sqlite"
    old.parent.mkdir()
    new_database(old, "旧村").dispose()
    wal, shm = wal_left_by(old, *foreign_names)  # the old file crashed, leaving these
    # The clerk copies a good database over the old one; its -wal/-shm stay behind.
    good = tmp_path / "good.sqlite"
    new_database(good, *good_names).dispose()
    office = tmp_path / "office" / "pbc.sqlite"
    office.parent.mkdir()
    shutil.copyfile(good, office)
    leave_beside(office, wal, shm)
    before = office.read_bytes()

    db = open_database(sqlite_url(office), backup_dir=tmp_path / "backups")
    try:
        assert names_in(db) == sorted(good_names)
        assert db.notices and "pbc.sqlite-wal.foreign-" in db.notices[0]
    finally:
        db.dispose()
    set_aside = list(office.parent.glob("pbc.sqlite-wal.foreign-*"))
    assert len(set_aside) == 1 and set_aside[0].read_bytes() == wal  # kept, not deleted
    assert org_names(office) == sorted(good_names)
    assert integrity(office) == "ok"
    assert office.read_bytes()[:100] == before[:100]


def test_a_stale_wal_beside_a_restored_backup_copy_is_set_aside(tmp_path: Path) -> None:
    office = tmp_path / "pbc.sqlite"
    new_database(office, "旧村").dispose()
    wal, shm = wal_left_by(office, "崩溃前的党支部")
    good = tmp_path / "good.sqlite"
    new_database(good, "好村").dispose()
    copy = backup_copy(good, tmp_path / "backups", "manual")  # rollback-journal mode
    shutil.copyfile(copy, office)
    leave_beside(office, wal, shm)
    db = open_database(sqlite_url(office), backup_dir=tmp_path / "backups")
    try:
        assert names_in(db) == ["好村"]
    finally:
        db.dispose()
    assert len(list(tmp_path.glob("pbc.sqlite-wal.foreign-*"))) == 1


def test_the_databases_own_wal_left_by_a_crash_is_applied(tmp_path: Path) -> None:
    office = tmp_path / "pbc.sqlite"
    new_database(office, "上底村").dispose()
    before_crash = tmp_path / "before-crash.sqlite"
    shutil.copyfile(office, before_crash)  # the file as the crash left it
    wal, shm = wal_left_by(office, "崩溃前提交的党支部")
    shutil.copyfile(before_crash, office)
    leave_beside(office, wal, shm)
    db = open_database(sqlite_url(office), backup_dir=tmp_path / "backups")
    try:
        assert names_in(db) == ["上底村", "崩溃前提交的党支部"]
        assert db.notices == []
    finally:
        db.dispose()
    assert not list(tmp_path.glob("*.foreign-*"))


def test_the_command_line_says_it_set_a_wal_aside(tmp_path: Path, data_dir: Path) -> None:
    old = tmp_path / "old.sqlite"
    new_database(old, "旧村").dispose()
    wal, shm = wal_left_by(old, *[f"别村{i}" for i in range(50)])
    office = tmp_path / "pbc.sqlite"
    new_database(office, "好村").dispose()
    leave_beside(office, wal, shm)
    proc = subprocess.run(
        [sys.executable, "-m", "pbc_desktop.cli", "info", "--db", str(office)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={
            "PBC_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(REPO),
            "PATH": "/usr/bin:/bin",
            "PBC_USER": TEST_ADMIN,
            "PBC_PASSWORD": TEST_PASSWORD,
        },
    )
    assert proc.returncode == 0, proc.stderr
    assert "pbc.sqlite-wal.foreign-" in proc.stderr and "Traceback" not in proc.stderr
    assert org_names(office) == ["好村"]
