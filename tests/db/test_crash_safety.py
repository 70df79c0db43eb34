"""A writer killed at random moments leaves a valid database with every committed record."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import open_database
from tests.crash_writer import BATCH

KILLS = 30
REPO = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.sqlite_only("a writer killed mid-write leaves a valid database file"),
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def start_writer(path: Path, run: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PBC_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_writer", str(path), str(run)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def reported(output: bytes) -> list[list[str]]:
    """The complete lines the writer printed (a line cut by the kill is not a report)."""
    lines = output.decode("utf-8").split("\n")[:-1]
    return [line.split() for line in lines if line != "ready"]


def test_killed_writer_never_loses_a_committed_record(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "crash.sqlite"
    open_database(sqlite_url(path)).dispose()
    rng = random.Random(20210701)
    orgs: dict[int, str] = {}
    batches: set[int] = set()
    waited_for_a_write = 0
    for run in range(KILLS):
        proc = start_writer(path, run, data_dir)
        assert proc.stdout is not None
        output = b""
        if run % 5 == 4:
            # now and then at any moment from the start, e.g. while the database opens
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            output = proc.stdout.readline()
            assert output == b"ready\n", proc.stderr.read() if proc.stderr else ""
            if run % 2:
                # after a first write: the kill lands amid a run of transactions
                output += proc.stdout.readline()
                waited_for_a_write += 1
            time.sleep(rng.uniform(0.0, 0.2))
        proc.send_signal(signal.SIGKILL)
        rest, errors = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, errors.decode()
        for kind, first, second in reported(output + rest):
            if kind == "org":
                orgs[int(first)] = second
            else:
                assert int(second) == BATCH
                batches.add(int(first))

        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], run
            stored = dict(conn.execute("SELECT id, uuid FROM organization"))
            members = dict(
                conn.execute(
                    "SELECT organization_id, count(*) FROM party_member GROUP BY organization_id"
                )
            )
        finally:
            conn.close()
        missing = {i: u for i, u in orgs.items() if stored.get(i) != u}
        assert not missing, f"run {run}: committed organizations lost: {missing}"
        lost = [i for i in batches if members.get(i) != BATCH]
        assert not lost, f"run {run}: committed members lost for organizations {lost}"
        # all or nothing: a transaction cut by the kill left no part of itself
        assert set(members.values()) <= {BATCH}, f"run {run}: half a transaction"
    print(f"{KILLS} kills, {len(orgs)} organizations and {len(batches)} batches reported")
    assert len(orgs) >= waited_for_a_write > KILLS // 3  # the kills landed amid real writes
    open_database(sqlite_url(path)).dispose()  # and the program opens it without complaint
