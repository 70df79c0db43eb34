"""Bring a database to the current schema at start-up, safely.

The file is copied before any upgrade; a database written by a newer version is refused;
a file that is not a database is reported as such.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect
from sqlalchemy.exc import DatabaseError as SADatabaseError

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import DatabaseDamagedError, DatabaseTooNewError
from pbc_desktop.lang import t

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _damaged(path: Path | None) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"文件“{path}”不是本程序可用的数据库,或已损坏。",
            f"The file “{path}” is not a database this program can use, or it is damaged.",
        )
    )


def backup_copy(src: Path, dest_dir: Path, label: str) -> Path:
    """Copy a live SQLite database consistently (online backup API) and return the copy."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = dest_dir / f"{src.stem}-{label}-{stamp}.sqlite"
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{src.stem}-{label}-{stamp}-{n}.sqlite"
    source = sqlite3.connect(src)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return dest


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    """Migrate ``db`` to head. Returns the path of the pre-upgrade copy, if one was made."""
    try:
        current = current_revision(db)
        has_tables = bool(inspect(db.engine).get_table_names())
    except SADatabaseError as exc:
        raise _damaged(db.path) from exc
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            t(
                "这个数据库由更新版本的党建共同体工作台创建,当前版本无法打开。请先升级本程序。",
                "This database was written by a newer version of PBC Desktop and cannot be "
                "opened by this one. Please upgrade the program first.",
            )
        )
    if current is None and has_tables:
        raise _damaged(db.path)
    copy: Path | None = None
    if current is not None and db.path is not None and backup_dir is not None:
        copy = backup_copy(db.path, backup_dir, f"before-upgrade-{current}")
    with db.engine.connect() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
    return copy


def open_database(url: str, *, actor: str = "system", backup_dir: Path | None = None) -> Database:
    """Open (creating if needed) and migrate a database."""
    db = Database(url, actor=actor)
    try:
        upgrade(db, backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db
