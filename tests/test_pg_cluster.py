"""tests/pg_cluster.py, which gives ``make test`` its PostgreSQL server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pg_cluster

REPO = Path(__file__).resolve().parent.parent
SHOW_URL = [sys.executable, "-c", "import os; print(os.environ['PBC_TEST_DB_URL'])"]


def cluster(*command: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.pg_cluster", "--", *command],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_without_postgresql_the_server_run_is_skipped_unless_required(tmp_path: Path) -> None:
    skipped = cluster(*SHOW_URL, PBC_PG_BIN=str(tmp_path), PBC_REQUIRE_POSTGRES="")
    assert skipped.returncode == 0 and skipped.stdout == ""
    assert "the server run is skipped" in skipped.stderr
    required = cluster(*SHOW_URL, PBC_PG_BIN=str(tmp_path), PBC_REQUIRE_POSTGRES="1")
    assert required.returncode == 1 and "required" in required.stderr


@pytest.mark.skipif(pg_cluster.find_bin_dir() is None, reason="PostgreSQL is not installed")
def test_a_throwaway_server_runs_the_command_and_is_removed() -> None:
    code = "import os, sys; print(os.environ['PBC_TEST_DB_URL']); sys.exit(3)"
    done = cluster(sys.executable, "-c", code, PBC_PG_BIN="")
    assert done.returncode == 3, done.stderr  # the command's status
    url = done.stdout.strip()
    assert url.startswith("postgresql+psycopg://pbc@127.0.0.1:") and url.endswith("/pbc_test")
    (folder,) = (
        line.split(" in ", 1)[1] for line in done.stderr.splitlines() if "server in" in line
    )
    assert not Path(folder).exists()  # stopped and removed
