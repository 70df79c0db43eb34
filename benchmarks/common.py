"""Shared by the benchmark scripts: a cached district-scale database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pbc_desktop.db.engine import Database

# The district database is the demo's: the window and every ``pbc`` command sign in as its
# administrator (README, "Accounts and signing in").
os.environ.setdefault("PBC_USER", "admin")
os.environ.setdefault("PBC_PASSWORD", "demo1234")

#: The checkout the benchmarks belong to: its ``pbc_desktop`` is measured, here and in every
#: child process, even when the environment's editable install points at another checkout.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: Where the district database, its data folder and the bytecode are kept between runs
#: (``PBC_BENCH_DIR`` elsewhere: a run of its own beside another one on the same PC).
CACHE = Path(os.environ.get("PBC_BENCH_DIR") or Path(tempfile.gettempdir()) / "pbc-bench")


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PBC_DATA_DIR"] = str(CACHE / "data")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    # Compiled once and kept (outside the checkout), as an installed program has its
    # bytecode: otherwise every child would compile each module from source again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def compile_bytecode() -> None:
    """Compile the program and the libraries it uses into the benchmarks' bytecode cache
    (once: later only what changed), so that no measured process compiles source."""
    script = (
        "import compileall, sysconfig; "
        "compileall.compile_dir('pbc_desktop', quiet=2); "
        "compileall.compile_dir(sysconfig.get_paths()['purelib'], quiet=2)"
    )
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True, env=bench_env())


def build_district(db: str) -> None:
    """Build the district-scale demo into ``db`` (a new file, or an empty server database's
    URL) with ``pbc init --demo --scale district``."""
    command = [sys.executable, "-m", "pbc_desktop.cli", "init", "--demo", "--scale", "district",
               "--quiet", "--db", db]  # fmt: skip
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=bench_env())


def district_db() -> Path:
    """Build the district-scale database once per schema and reuse it (and compile the
    bytecode). The file is named by the schema's head revision: one built before a later
    migration is left as it is (upgraded, it would still lack what the demo of today
    holds, such as its accounts) and a new one is built."""
    from pbc_desktop.db.migrate import head_revision

    CACHE.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    district = CACHE / f"district-{head_revision()}.sqlite"
    if not district.exists():
        build_district(str(district))
    return district


def peak_rss_mb() -> float | None:
    """This process's peak resident set so far, in MB (None on Windows)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)  # bytes / KiB


def proc_status_mb(field: str, pid: int | str = "self") -> float | None:
    """A memory figure of ``/proc/PID/status`` (``VmRSS``: resident now, ``VmHWM``: its
    peak so far, which a child's ``ru_maxrss`` would not tell: it counts its parent's pages
    at the fork), in MB (Linux only)."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def rss_mb() -> float | None:
    """This process's resident set now, in MB (Linux only)."""
    return proc_status_mb("VmRSS")


@contextmanager
def district_window_db() -> Iterator[tuple[Any, Database]]:
    """The Qt application (in Chinese) and the district database opened as the window opens
    it, for a benchmark of the window's screens; on leaving, the reads still running are
    waited for before the database is closed."""
    db_path = district_db()
    os.environ.update(bench_env())
    from PySide6.QtWidgets import QApplication

    from pbc_desktop import lang
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database

    lang.set_language("zh")
    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db_path))
    try:
        yield app, database
    finally:
        from pbc_desktop.ui.common import worker

        if hasattr(worker, "wait_for_reads"):
            worker.wait_for_reads(60)
        database.dispose()
