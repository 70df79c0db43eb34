"""``pbc`` commands while the window holds the database's write lock (a long import, a
package being received): a command that only reads runs; one that writes waits
``BUSY_TIMEOUT_MS`` and is refused in one sentence (exit 2), no traceback."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from pbc_desktop.cli import main
from pbc_desktop.db import engine
from pbc_desktop.db.engine import Database
from tests.conftest import db_arg
from tests.factories import make_org

pytestmark = pytest.mark.sqlite_only("SQLite's one writer at a time")


@pytest.fixture
def window_saving(db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The database's --db argument, while another connection holds a write transaction."""
    make_org(db, "甲村党支部", town="成田镇")
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)  # the wait, shortened
    assert db.path is not None
    window = sqlite3.connect(db.path, isolation_level=None)
    window.execute("BEGIN IMMEDIATE")
    try:
        yield db_arg(db)
    finally:
        window.execute("ROLLBACK")
        window.close()


@pytest.mark.parametrize("command", [["communities"], ["info"], ["user", "list"]])
def test_a_command_that_reads_runs_while_the_window_saves(
    window_saving: str, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, "--db", window_saving]) == 0
    _out, err = capsys.readouterr()
    assert err == ""


def test_a_command_that_writes_is_refused_in_a_sentence_while_the_window_saves(
    window_saving: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PBC_NEW_PASSWORD", "Village-pass-1")
    args = ["user", "add", "li", "--role", "village", "--organization", "甲村党支部"]
    code = main([*args, "--name", "李书记", "--unit", "甲村党支部", "--db", window_saving])
    _out, err = capsys.readouterr()
    assert code == 2
    assert err.strip() == "错误：数据库正被其他程序占用，请稍后再试。"
