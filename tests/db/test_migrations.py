"""Schema management: fresh databases, no drift, newer or damaged files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, event, select, text

from pbc_desktop.db.base import Base
from pbc_desktop.db.engine import Database, _sqlite_on_connect, sqlite_url
from pbc_desktop.db.migrate import (
    alembic_config,
    backup_copy,
    current_revision,
    head_revision,
    known_revisions,
    open_database,
    revision_of,
    upgrade,
)
from pbc_desktop.db.models import AuditEntry, Organization
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import DatabaseDamagedError, DatabaseError, DatabaseTooNewError
from tests.backup_helpers import damage, new_database

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_fresh_database_is_at_head(db: Database) -> None:
    assert current_revision(db) == head_revision()


def test_migrated_schema_equals_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


@pytest.mark.sqlite_only("SQLite's own settings (PRAGMA)")
def test_sqlite_pragmas_are_set(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


def test_reopening_keeps_records_and_makes_no_copy(db_url: str, tmp_path: Path) -> None:
    url = db_url
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


def test_database_from_a_newer_version_is_refused(db_url: str) -> None:
    db = open_database(db_url)
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'zz99_future'"))
    db.dispose()
    # a file: "written by a newer version"; the server: "the server's is newer"
    with pytest.raises(DatabaseTooNewError, match=r"更新版本|版本比本程序新"):
        open_database(db_url)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a letter, not a database" * 100)
    with pytest.raises(DatabaseDamagedError, match="不是本程序可用的数据库"):
        open_database(sqlite_url(path))
    assert path.read_bytes().startswith(b"this is a letter")


def test_a_damaged_database_is_refused_at_open(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    damage(path)
    with pytest.raises(DatabaseDamagedError, match="完整性检查"):
        open_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()


def test_a_folder_or_a_missing_folder_is_said_plainly_not_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "pbc.sqlite"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="是一个文件夹") as refused:
        open_database(sqlite_url(folder))
    assert not isinstance(refused.value, DatabaseDamagedError)  # no backup to offer
    missing = tmp_path / "U盘" / "pbc.sqlite"
    with pytest.raises(DatabaseError, match="不存在") as refused:
        open_database(sqlite_url(missing))
    assert not isinstance(refused.value, DatabaseDamagedError)
    assert not missing.parent.exists()


def test_a_read_only_file_is_said_plainly_not_damaged(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    conn = sqlite3.connect(path)  # not yet in WAL mode: opening it has to write
    conn.execute("CREATE TABLE stuff (x INTEGER)")
    conn.commit()
    conn.close()
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True),
    )
    event.listen(engine, "connect", _sqlite_on_connect)  # as the program opens files
    db = Database(sqlite_url(path), engine=engine)
    with pytest.raises(DatabaseError, match="只读") as refused:
        upgrade(db)
    db.dispose()
    assert not isinstance(refused.value, DatabaseDamagedError)


def test_an_empty_file_beside_backups_is_a_lost_database(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    path = tmp_path / "pbc.sqlite"
    path.touch()
    new_database(tmp_path / "other.sqlite").dispose()
    (backups / "other-auto-20250101-120000.sqlite").write_bytes(b"")  # not this one's
    open_database(sqlite_url(path), backup_dir=backups).dispose()  # a new database
    path.write_bytes(b"")
    (backups / "pbc-auto-20250101-120000.sqlite").write_bytes(b"")
    with pytest.raises(DatabaseDamagedError, match="空的"):
        open_database(sqlite_url(path), backup_dir=backups)
    assert path.stat().st_size == 0


def test_foreign_tables_without_version_are_refused(db_url: str) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE stuff (x INTEGER)"))
    engine.dispose()
    with pytest.raises(DatabaseDamagedError):
        open_database(db_url)


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


RELEASED = sorted(FIXTURES.glob("schema_*.sqlite"))

# What a migration removes on purpose: table -> the columns it drops (empty set: the whole
# table). Every other table and column of an older release must come through unchanged.
REMOVED_BY_MIGRATIONS: dict[str, set[str]] = {
    "attachment": {"stored_path"},  # 0002: the files moved into the database
}

# What a migration rewrites on purpose: (table, column) -> old value -> new value.
MAPPED_BY_MIGRATIONS: dict[tuple[str, str], dict[object, object]] = {
    ("app_user", "role"): {"admin": "district", "clerk": "viewer"},  # 0003: the four roles
}

Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def all_rows(path: Path) -> Rows:
    """Every row of every table, by rowid, with its column names."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        rows: Rows = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            data = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            rows[table] = (columns, data)
        return rows
    finally:
        conn.close()


def test_the_current_schema_has_a_fixture() -> None:
    """A new migration needs its fixture: ``python -m tests.make_schema_fixture``."""
    head = head_revision()
    assert (FIXTURES / f"schema_{head}.sqlite").exists(), (
        f"No fixture for the schema revision {head}. Run `python -m tests.make_schema_fixture` "
        f"and commit tests/fixtures/schema_{head}.sqlite (docs/CONTRIBUTING.md, "
        "'Changing the schema')."
    )


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_each_fixture_is_at_the_revision_it_names(fixture: Path) -> None:
    conn = sqlite3.connect(fixture)
    (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    assert fixture.stem == f"schema_{revision}"
    assert revision in known_revisions()


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_its_records(fixture: Path, tmp_path: Path) -> None:
    work = tmp_path / fixture.name
    work.write_bytes(fixture.read_bytes())
    before = all_rows(work)
    # the fixture holds records in (nearly) every table, not just a few
    filled = [table for table, (_cols, data) in before.items() if data]
    assert len(filled) >= len(before) - 2, sorted(set(before) - set(filled))
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    assert current_revision(db) == head_revision()
    with db.read() as s:
        assert s.scalars(select(Organization.name)).all()  # the models read the old records
    db.dispose()
    after = all_rows(work)
    for table, (columns, data) in before.items():
        removed = REMOVED_BY_MIGRATIONS.get(table)
        if removed == set():
            continue
        assert table in after, f"table {table} disappeared"
        new_columns, new_data = after[table]
        kept = [c for c in columns if c not in (removed or set())]
        assert set(kept) <= set(new_columns), f"{table}: columns lost"
        old_at = [columns.index(c) for c in kept]
        new_at = [new_columns.index(c) for c in kept]
        maps = [MAPPED_BY_MIGRATIONS.get((table, c), {}) for c in kept]
        assert [tuple(row[i] for i in new_at) for row in new_data] == [
            tuple(m.get(row[i], row[i]) for i, m in zip(old_at, maps, strict=True)) for row in data
        ], f"{table}: records changed"
    copies = list((tmp_path / "backups").glob("*.sqlite"))
    upgraded = fixture.stem != f"schema_{head_revision()}"
    assert len(copies) == (1 if upgraded else 0)  # the copy kept before an upgrade


def test_an_upgraded_audit_log_is_chained_and_verifies(tmp_path: Path) -> None:
    from pbc_desktop.services.audit_chain import verify_chain

    work = tmp_path / "old.sqlite"
    work.write_bytes((FIXTURES / "schema_0002.sqlite").read_bytes())
    conn = sqlite3.connect(work)
    (entries,) = conn.execute("SELECT count(*) FROM audit_log").fetchone()
    conn.close()
    assert entries > 0
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        check = verify_chain(db)
        assert check.intact, check.message
        assert check.entries == entries
        with db.read() as s:
            actors = set(s.scalars(select(AuditEntry.actor)))
        assert actors  # the old entries keep their actor text
    finally:
        db.dispose()


@pytest.mark.parametrize("older", ["schema_0004", "schema_0005"])
def test_names_get_their_pinyin_keys_on_upgrade(older: str, tmp_path: Path) -> None:
    """0006 fills the order and search keys of every stored member, organization and
    community, as the program computes them for a new name."""
    from pbc_desktop.domain.pinyin import name_keys

    work = tmp_path / "old.sqlite"
    work.write_bytes((FIXTURES / f"{older}.sqlite").read_bytes())
    conn = sqlite3.connect(work)
    conn.execute(
        "UPDATE party_member SET name = '曾强' WHERE id = (SELECT min(id) FROM party_member)"
    )
    conn.commit()
    conn.close()
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            for table, person in (
                ("party_member", True),
                ("organization", False),
                ("community", False),
            ):
                rows = s.execute(
                    text(f"SELECT name, name_sort, name_initials, name_pinyin FROM {table}")
                ).all()
                assert rows, table
                for name, order, initials, pinyin in rows:
                    keys = name_keys(name, person=person)
                    assert (order, initials, pinyin) == (keys.sort, keys.initials, keys.pinyin)
                    assert initials and pinyin.startswith(initials[0])
            assert s.execute(
                text("SELECT name_initials, name_pinyin FROM party_member WHERE name = '曾强'")
            ).one() == ("zq", "zengqiang")
    finally:
        db.dispose()


def test_the_revisions_read_from_the_files_are_alembics(db: Database) -> None:
    """Opening a database reads the revisions without alembic; they must be its own."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
    with db.engine.connect() as conn:
        assert revision_of(conn) == MigrationContext.configure(conn).get_current_revision()
        conn.execute(text("DELETE FROM alembic_version"))
        assert revision_of(conn) is None
        conn.rollback()


def test_opening_a_database_at_head_imports_no_alembic(db: Database) -> None:
    """Alembic (a fifth of a second of every start) is imported only to change a schema."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pbc_desktop.db.migrate import open_database\n"
        f"open_database({str(db.url)!r}).dispose()\n"
        "print([m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
