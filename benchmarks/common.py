"""Shared by the benchmark scripts: a cached district-scale database."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

# The district database is the demo's: the window and every ``pbc`` command sign in as its
# administrator (README, "Accounts and signing in").
os.environ.setdefault("PBC_USER", "admin")
os.environ.setdefault("PBC_PASSWORD", "demo1234")

CACHE = Path(tempfile.gettempdir()) / "pbc-bench"
DISTRICT_DB = CACHE / "district.sqlite"


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PBC_DATA_DIR"] = str(CACHE / "data")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def district_db() -> Path:
    """Build the district-scale database once and reuse it."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if not DISTRICT_DB.exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pbc_desktop.cli",
                "init",
                "--demo",
                "--scale",
                "district",
                "--quiet",
                "--db",
                str(DISTRICT_DB),
            ],
            check=True,
            env=bench_env(),
        )
    return DISTRICT_DB
