"""A program killed while it keeps the copy of a damaged database before a restore: what it
left in the backups folder is cleared at the next start, and never a ``-wal`` without its
copy (nor a half one beside a copy, which SQLite would apply to it)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pbc_desktop import files
from pbc_desktop.files import SQLITE_HEADER

pytestmark = [
    pytest.mark.sqlite_only("the copy of a database file"),
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

ROOT = Path(__file__).resolve().parents[2]

#: Keeps the copy of ``argv[1]`` in the folder ``argv[2]``, killed (SIGKILL) at the
#: ``argv[3]``-th step: a file copy (killed half-way through it) or a rename or link
#: (killed just after it); prints ``done`` when it was not killed.
KEEPER = """
import os, shutil, signal, sys
from datetime import datetime
from pathlib import Path
from pbc_desktop.services import backup_restore

db, folder, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
steps = [0]

def now_killed():
    steps[0] += 1
    return steps[0] == kill_at

real_copyfile = shutil.copyfile

def copyfile(src, dst, *args, **kwargs):
    if now_killed():
        with open(dst, "wb") as out:
            out.write(Path(src).read_bytes()[:1000])
        os.kill(os.getpid(), signal.SIGKILL)
    return real_copyfile(src, dst, *args, **kwargs)

def killed_after(real):
    def step(*args, **kwargs):
        done = real(*args, **kwargs)
        if now_killed():
            os.kill(os.getpid(), signal.SIGKILL)
        return done
    return step

shutil.copyfile = copyfile
os.replace, os.rename, os.link = map(killed_after, (os.replace, os.rename, os.link))
backup_restore.keep_current(db, folder, now=datetime(2026, 12, 7, 12, 0, 0))
print("done", flush=True)
"""


def damaged_with_wal(path: Path) -> tuple[bytes, bytes]:
    """A database file that is no longer one (its pages overwritten) and the WAL beside
    it; their bytes."""
    main = SQLITE_HEADER + bytes(range(256)) * 64
    wal = b"\x37\x7f\x06\x82" + bytes(reversed(range(256))) * 48
    path.write_bytes(main)
    path.with_name(path.name + "-wal").write_bytes(wal)
    return main, wal


@pytest.mark.parametrize("kill_at", [1, 2, 3, 4, 5])
def test_a_kill_while_a_damaged_database_is_kept_leaves_no_wal_without_its_copy(
    tmp_path: Path, kill_at: int
) -> None:
    db = tmp_path / "pbc.sqlite"
    folder = tmp_path / "backups"
    main, wal = damaged_with_wal(db)
    run = subprocess.run(
        [sys.executable, "-c", KEEPER, str(db), str(folder), str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode in (0, -signal.SIGKILL), run.stderr
    finished = run.returncode == 0
    files.remove_leftovers(folder, db.parent)  # as the next start, or the next pbc command
    left = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert not [name for name in left if name.startswith(".")]  # part files all cleared
    for name in left:
        copy = folder / name.removesuffix("-wal")
        assert copy.is_file(), f"{name} without its copy"
        assert (folder / name).read_bytes() == (wal if name.endswith("-wal") else main)
    if finished:  # the bytes as they were, the WAL's included
        kept = "pbc-before-restore-20261207-120000.sqlite"
        assert left == [kept, f"{kept}-wal"]
    assert db.read_bytes() == main  # the database itself untouched
