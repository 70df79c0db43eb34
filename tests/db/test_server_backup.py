"""docs/SERVER.md's backup and restore, done exactly as written there: ``pg_dump -Fc`` of
the server's database, ``pg_restore`` into a new database, the same records in it, and
``pbc server status`` on the restored database."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text
from sqlalchemy.pool import NullPool

from pbc_desktop.cli import main
from pbc_desktop.db.base import Base
from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import head_revision
from tests.conftest import server_database
from tests.factories import make_activity, make_community, make_members, make_orgs

pytestmark = pytest.mark.server_only("pg_dump and pg_restore of the server's database")


def libpq_url(url: str) -> str:
    """The URL as PostgreSQL's own programs take it (no ``+psycopg``)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            found = {
                table.name: conn.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }
            found["alembic_version"] = conn.scalar(text("SELECT count(*) FROM alembic_version"))
            return found
    finally:
        engine.dispose()


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not on PATH (CI installs PostgreSQL's client programs)")
    return found


def test_pg_dump_restored_into_a_new_database_holds_the_same_records(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_dump, pg_restore = tool("pg_dump"), tool("pg_restore")
    orgs = make_orgs(db, "上底村党支部", "下底村党支部", "成田镇机关党支部")
    make_members(db, orgs[0], 12)
    community = make_community(db, "成田镇党建共同体", orgs)
    make_activity(db, community, "联学联建")
    before = counts(db.url)
    assert before["organization"] == 3 and sum(before.values()) > 20

    dump = tmp_path / "pbc-20261205.dump"
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    subprocess.run(
        [pg_dump, "-Fc", "-f", str(dump), "--dbname", libpq_url(db.url)],
        check=True, env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert dump.stat().st_size > 0

    restored = server_database("pbc_restored")  # `createdb pbc_restored`
    assert restored is not None
    subprocess.run(
        [pg_restore, "--no-owner", "--exit-on-error", "--dbname", libpq_url(restored), str(dump)],
        check=True, env=env, capture_output=True, timeout=120,
    )  # fmt: skip

    assert counts(restored) == before
    assert main(["server", "status", "--db", restored]) == 0
    out = capsys.readouterr().out
    assert f"结构版本：{head_revision()}" in out and "状态：最新" in out
