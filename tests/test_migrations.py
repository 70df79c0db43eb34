"""Schema management: fresh databases, no drift, newer or damaged files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from pbc_desktop.db.base import Base
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import (
    backup_copy,
    current_revision,
    head_revision,
    open_database,
)
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import DatabaseDamagedError, DatabaseTooNewError

FIXTURES = Path(__file__).parent / "fixtures"


def test_fresh_database_is_at_head(db: Database) -> None:
    assert current_revision(db) == head_revision()


def test_migrated_schema_equals_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_sqlite_pragmas_are_set(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite only")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_reopening_keeps_records_and_makes_no_copy(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "a.sqlite")
    db = open_database(url, backup_dir=tmp_path / "backups")
    with db.write() as s:
        s.add(
            Organization(
                name="上底村党总支",
                kind=OrgKind.GENERAL_BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
                town="司马浦镇",
            )
        )
    db.dispose()
    again = open_database(url, backup_dir=tmp_path / "backups")
    with again.read() as s:
        assert s.scalars(select(Organization.name)).all() == ["上底村党总支"]
    again.dispose()
    assert not (tmp_path / "backups").exists()


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    db = open_database(sqlite_url(path))
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'zz99_future'"))
    db.dispose()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        open_database(sqlite_url(path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(DatabaseDamagedError, match="不是本程序可用的数据库"):
        open_database(sqlite_url(path))
    assert path.read_bytes().startswith(b"this is a letter")


def test_foreign_tables_without_version_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE stuff (x INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseDamagedError):
        open_database(sqlite_url(path))


def test_backup_copy_is_a_consistent_database(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite"
    db = open_database(sqlite_url(path))
    with db.write() as s:
        s.add(
            Organization(
                name="华西村党总支",
                kind=OrgKind.GENERAL_BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
            )
        )
    copy = backup_copy(path, tmp_path / "copies", "test")
    db.dispose()
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT name FROM organization").fetchall() == [("华西村党总支",)]
    conn.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_its_records(fixture: Path, tmp_path: Path) -> None:
    work = tmp_path / fixture.name
    work.write_bytes(fixture.read_bytes())
    before = sqlite3.connect(work)
    names = sorted(r[0] for r in before.execute("SELECT name FROM organization"))
    before.close()
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    assert current_revision(db) == head_revision()
    with db.read() as s:
        assert sorted(s.scalars(select(Organization.name))) == names
    db.dispose()
    assert names
