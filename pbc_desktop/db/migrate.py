"""Bring a database to the current schema at start-up, safely.

The file is checked (``PRAGMA quick_check``) and copied before any upgrade; a database
written by a newer version is refused; a file that is not a database, or a damaged one, is
reported as such.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError

from pbc_desktop import paths
from pbc_desktop.db import checked_stamp
from pbc_desktop.db import lock as db_lock
from pbc_desktop.db.engine import (
    Database,
    disk_full,
    is_disk_full,
    read_only_file,
    read_only_uri,
    shown_url,
)
from pbc_desktop.db.server import server_error, server_needs_upgrade, server_too_new
from pbc_desktop.db.stale_wal import set_aside_foreign_wal
from pbc_desktop.errors import (
    DatabaseDamagedError,
    DatabaseError,
    DatabaseLockedError,
    DatabaseTooNewError,
    UserError,
)
from pbc_desktop.files import SQLITE_SIDECARS, file_uri, part_path, place_new, replace_file
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
COPY_STEP_PAGES = 256  # 1 MB of 4 KB pages between progress reports
COPY_STAMP = "%Y%m%d-%H%M%S"  # the time in the name of a copy


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# Alembic is imported only to change a schema: its import is a fifth of a second or more
# of every start of the window and of every command. Opening a database at head needs
# only the revision it holds and the migrations' revisions, read here from their files
# (a test checks them against alembic's own reading).
_REVISION_LINE = re.compile(
    r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:["'](\w+)["']|None)\s*$""", re.M
)


@functools.cache
def _revision_parents() -> dict[str, str | None]:
    """Each migration's revision and the one it follows (None for the first)."""
    out: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        out[found["revision"]] = found.get("down_revision") or None
    return out


def head_revision() -> str:
    """The newest revision of the migrations (the one no other follows)."""
    parents = _revision_parents()
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_parents())


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return revision_of(conn)


def revision_of(conn: Connection) -> str | None:
    """The revision the connection's database holds (None: no version table, or empty)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError("the database holds more than one schema revision")
    return rows[0] if rows else None


def _damaged(path: Path | None) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"文件“{path}”不是本程序可用的数据库，或已损坏。",
            f"The file “{path}” is not a database this program can use, or it is damaged.",
        )
    )


def _failed_check(path: Path | None) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"数据库文件“{path}”已损坏：完整性检查没有通过。",
            f"The database file “{path}” is damaged: it failed its integrity check.",
        )
    )


def _no_access(path: Path | None) -> DatabaseError:
    return DatabaseError(
        t(
            f"无法打开数据库文件“{path}”：文件或它所在的文件夹是只读的，或者没有权限。"
            "本程序需要在那里写入。请把文件复制到可以写入的文件夹（例如“文档”）后再打开，"
            "或请管理员检查权限。",
            f"Cannot open the database file “{path}”: the file or its folder is read-only, "
            "or there is no permission. The program needs to write there. Copy the file to a "
            "folder you can write to (such as Documents) and open it there, or ask the "
            "administrator to check the permissions.",
        )
    )


def _locked(path: Path | None) -> DatabaseLockedError:
    return DatabaseLockedError(
        t(
            f"数据库文件“{path}”正被其他程序占用，请关闭该程序后再试。",
            f"The database file “{path}” is held by another program; close it and try again.",
        )
    )


def _missing(path: Path) -> DatabaseError:
    return DatabaseError(
        t(
            f"找不到数据库文件“{path}”。请检查文件名和位置（新建数据库请用 pbc init 或 "
            "文件 → 新建数据库）。",
            f"There is no database file “{path}”. Check the name and the place (a new "
            "database is made with pbc init or File → New database).",
        )
    )


def _empty(path: Path) -> DatabaseDamagedError:
    """An empty file, as a file that is not a database: a restore may replace it."""
    return DatabaseDamagedError(
        t(
            f"文件“{path}”是空的（0 字节），不是数据库。请检查文件名和位置（新建数据库请用 "
            "pbc init 或 文件 → 新建数据库）。",
            f"The file “{path}” is empty (0 bytes), not a database. Check the name and the "
            "place (a new database is made with pbc init or File → New database).",
        )
    )


def _unreadable(path: Path | None) -> DatabaseError:
    return DatabaseError(
        t(
            f"无法读取数据库文件“{path}”：没有读取它的权限。请管理员检查文件的权限。",
            f"Cannot read the database file “{path}”: there is no permission to read it. "
            "Ask the administrator to check its permissions.",
        )
    )


def read_only_revision(db: Database) -> str | None:
    """The schema revision of a database opened only to read it (``Database.read_only``: a
    read-only file), after the checks :func:`open_database` makes of a file it may write:
    an empty file, one that is not a database, a damaged or an unreadable one is refused
    with its sentence (each reached the user as an internal error)."""
    path = db.path
    if path is not None and path.is_file() and path.stat().st_size == 0:
        raise _empty(path)
    try:
        revision = current_revision(db)
        with db.engine.connect() as conn:  # checked, and nothing noted beside a file only read
            problems = quick_check(conn)
    except SADatabaseError as exc:
        if "unable to open" in str(exc.orig or exc).lower():
            raise _unreadable(path) from exc
        raise _open_error(path, exc) from exc
    if problems:
        raise _failed_check(path)
    return revision


def _malformed(exc: SADatabaseError) -> bool:
    """SQLite's "database disk image is malformed": a database file, damaged."""
    return "malformed" in str(exc.orig or exc).lower()


def _open_error(path: Path | None, exc: SADatabaseError) -> DatabaseError:
    """Why SQLite refused ``path``: damage, a full disk, or a file it may not write or lock."""
    text = str(exc.orig or exc).lower()
    if is_disk_full(exc):
        return disk_full(path)
    if _malformed(exc):  # a database, but the check met a broken page
        return _failed_check(path)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return _no_access(path)
    if "locked" in text or "busy" in text:
        return _locked(path)
    return _damaged(path)


def _unusable_path(path: Path, backup_dir: Path | None, create: bool) -> DatabaseError | None:
    """What is wrong with ``path`` before SQLite is asked to open it, if anything."""
    if path.is_dir():
        return DatabaseError(
            t(
                f"“{path}”是一个文件夹，不是数据库文件。",
                f"“{path}” is a folder, not a database file.",
            )
        )
    if not path.parent.is_dir():
        return DatabaseError(
            t(
                f"文件夹“{path.parent}”不存在，无法打开数据库文件“{path.name}”。",
                f"The folder “{path.parent}” does not exist; cannot open the database file "
                f"“{path.name}”.",
            )
        )
    if not path.exists():
        if not create:
            return _missing(path)
        if not os.access(path.parent, os.W_OK):
            return _no_access(path)
        return None
    if not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222:
        return read_only_file(path)
    if not os.access(path.parent, os.W_OK):  # SQLite writes its -wal and -shm there
        return _no_access(path)
    # An empty file where a database with backups was is a lost database (a copy or a
    # power cut gone wrong), not a new one: send it to the backups instead of starting
    # an empty office over it.
    if (
        backup_dir is not None
        and path.is_file()
        and path.stat().st_size == 0
        and any(backup_dir.glob(f"{glob.escape(copy_stem(path, backup_dir))}-*-[0-9]*.sqlite"))
    ):
        return DatabaseDamagedError(
            t(
                f"数据库文件“{path}”是空的（0 字节），里面的记录已经丢失。",
                f"The database file “{path}” is empty (0 bytes); its records are lost.",
            )
        )
    # Any other empty file is no database either: only pbc init and File → New make one of
    # it (opening it made an empty office in its place, which asked for an administrator).
    if not create and path.is_file() and path.stat().st_size == 0:
        return _empty(path)
    return None


def too_new() -> DatabaseTooNewError:
    return DatabaseTooNewError(
        t(
            "这个数据库由更新版本的党建共同体工作台创建，当前版本无法打开。请先升级本程序。",
            "This database was written by a newer version of PBC Desktop and cannot be "
            "opened by this one. Please upgrade the program first.",
        )
    )


def check_integrity(db: Database) -> None:
    """``PRAGMA quick_check`` (well under a second on a district database); raises if damaged.

    A file unchanged since it last passed (:mod:`db.checked_stamp`) is not read again; one
    that passes is remembered, and :meth:`Database.dispose` remembers it as closed.
    """
    if not db.is_sqlite:
        return
    path = db.path
    if path is None:
        return
    opened = checked_stamp.file_identity(path)
    if opened is not None and checked_stamp.unchanged_since_checked(path):
        db.checked = opened
        return
    try:
        with db.engine.connect() as conn:
            problems = quick_check(conn)
    except SADatabaseError as exc:
        if _malformed(exc):  # not for a file that is no database (nothing beside it)
            checked_stamp.note_damaged(path)
        raise _open_error(path, exc) from exc
    if problems:
        log.error("quick_check of %s failed: %.1000s", path, problems[:5])
        checked_stamp.note_damaged(path)
        raise _failed_check(path)
    db.checked = opened
    checked_stamp.remember_checked(path)


def quick_check(conn: Connection) -> list[str]:
    """What ``PRAGMA quick_check`` finds wrong in the file: nothing for a sound one."""
    found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check")]
    return [] if found == ["ok"] else found


class CopyStoppedError(Exception):
    """``should_stop`` asked a database copy to stop; nothing was written."""


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SQLITE_SIDECARS]


def remove_with_sidecars(path: Path) -> None:
    for each in [path, *_sidecars(path)]:
        with contextlib.suppress(FileNotFoundError):
            each.unlink()
    checked_stamp.forget_checked(path)


def copy_database(
    src: Path,
    dest: Path,
    *,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    read_only: bool = False,
    exclusive: bool = False,
) -> None:
    """Copy a live SQLite database into ``dest``: consistent, checked, all or nothing.

    SQLite's online backup reads one snapshot of ``src`` (writers in other connections carry
    on and are not waited for), writes a temporary file beside ``dest`` in rollback-journal
    mode (one self-contained file), runs ``PRAGMA quick_check`` on it and only then renames
    it onto ``dest``. ``progress`` gets a percentage; ``should_stop`` returning true abandons
    the copy (:class:`CopyStoppedError`). ``read_only`` opens ``src`` without writing to it,
    as is done anyway for a file that cannot be written (a write-protected USB stick: SQLite
    could not create the ``-shm`` a WAL-mode file needs beside it, and the sound file read as
    damaged). ``exclusive``: a file ``dest`` that exists (another program's copy, finished
    meanwhile) is never replaced: ``FileExistsError`` (:func:`files.place_new`).

    Raises :class:`DatabaseDamagedError` when ``src`` is not a database or is damaged;
    ``sqlite3.Error`` / ``OSError`` when the copy cannot be written.
    """
    if not src.is_file():
        raise FileNotFoundError(str(src))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = part_path(dest)
    read_only = read_only or not _writable(src)
    uri = read_only_uri(src) if read_only else f"{file_uri(src.resolve())}?mode=rw"
    source = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        source.isolation_level = None
        try:
            # Hold one read transaction: every step copies the same snapshot, so a writer
            # in another connection never makes the backup start over.
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _source_damaged(src, _damaged(src), noted=not read_only) from exc

        def step(_status: int, remaining: int, total: int) -> None:
            if should_stop is not None and should_stop():
                raise CopyStoppedError
            if progress is not None and total:
                progress(int(100 * (total - remaining) / total))

        try:
            create_private(tmp)
            target = sqlite3.connect(tmp)
            try:
                source.backup(target, pages=COPY_STEP_PAGES, progress=step)
                target.execute("PRAGMA journal_mode=DELETE").fetchall()
                check = target.execute("PRAGMA quick_check").fetchall()
            finally:
                target.close()
            if check != [("ok",)]:
                raise _source_damaged(src, _failed_check(src), noted=not read_only)
            (place_new if exclusive else replace_file)(tmp, dest)
        except sqlite3.DatabaseError as exc:
            if "malformed" in str(exc) or "not a database" in str(exc):
                raise _source_damaged(src, _failed_check(src), noted=not read_only) from exc
            raise
        finally:
            remove_with_sidecars(tmp)
    finally:
        source.close()


def _writable(path: Path) -> bool:
    """Whether SQLite may write ``path`` and its ``-wal``/``-shm`` beside it."""
    return (
        os.access(path, os.W_OK)
        and bool(path.stat().st_mode & 0o222)
        and os.access(path.parent, os.W_OK)
    )


def _source_damaged(src: Path, error: DatabaseDamagedError, *, noted: bool) -> DatabaseDamagedError:
    """``error``, the damage a copy found in ``src``; when ``noted`` (a database in use,
    not a backup being read), its next open checks it (:func:`checked_stamp.note_damaged`):
    the automatic backup is what finds damage no program wrote (a failing disk)."""
    if noted:
        checked_stamp.note_damaged(src)
    return error


def create_private(path: Path) -> None:
    """Create the empty file ``path``, readable and writable by its owner only (SQLite
    gives the file's ``-journal``/``-wal``/``-shm`` the same permissions)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def copy_stem(db_path: Path, folder: Path) -> str:
    """The name the copies of ``db_path`` carry in the backups ``folder``: the file's stem
    when the database lives beside that folder (the office's own database in the data
    folder), else the stem and a tag of the file's place. So another office's
    ``pbc.sqlite`` opened from a USB stick never passes for this office's backups, nor
    makes the retention policy delete them."""
    place = db_path.resolve()
    if place.parent == folder.resolve().parent:
        return db_path.stem
    tag = hashlib.sha1(os.path.normcase(str(place)).encode("utf-8")).hexdigest()[:6]
    return f"{db_path.stem}-{tag}"


def unique_copy_path(folder: Path, stem: str, label: str, when: datetime) -> Path:
    """``<stem>-<label>-<YYYYMMDD-HHMMSS>.sqlite`` in ``folder`` (the names that
    ``services.backup`` lists), with ``-2``, ``-3``… for later copies of the same second."""
    base = f"{stem}-{label}-{when.strftime(COPY_STAMP)}"
    dest = folder / f"{base}.sqlite"
    n = 1
    while dest.exists():
        n += 1
        dest = folder / f"{base}-{n}.sqlite"
    return dest


def backup_copy(src: Path, dest_dir: Path, label: str) -> Path:
    """Copy a live SQLite database consistently (online backup API) and return the copy,
    named by :func:`unique_copy_path` (``stem`` from :func:`copy_stem`)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = unique_copy_path(dest_dir, copy_stem(src, dest_dir), label, datetime.now())
    copy_database(src, dest)
    return dest


def upgrade(db: Database, backup_dir: Path | None = None, *, check: bool = True) -> Path | None:
    """Migrate ``db`` to head. Returns the path of the pre-upgrade copy, if one was made.

    With ``check``, a SQLite file must first pass ``PRAGMA quick_check``.
    """
    if check:
        check_integrity(db)
    try:
        current = current_revision(db)
        has_tables = bool(inspect(db.engine).get_table_names())
    except SADatabaseError as exc:
        raise _open_error(db.path, exc) from exc
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise too_new()
    if current is None and has_tables:
        raise _damaged(db.path)
    # Nobody else may write while the schema changes: wait for them, or say who they are.
    exclusive = (
        db_lock.acquire(db.path, exclusive=True) if db.lock is not None and db.path else None
    )
    try:
        return _upgrade_locked(db, current, backup_dir)
    finally:
        if exclusive is not None:
            exclusive.release()


def _upgrade_locked(db: Database, current: str | None, backup_dir: Path | None) -> Path | None:
    copy: Path | None = None
    if current is not None and db.path is not None and backup_dir is not None:
        try:
            copy = backup_copy(db.path, backup_dir, f"before-upgrade-{current}")
        except (OSError, sqlite3.Error) as exc:
            log.exception("pre-upgrade copy of %s failed", db.path)
            raise UserError(
                t(
                    f"升级数据库前无法把它复制到“{backup_dir}”（{exc}），因此没有升级。"
                    "请检查磁盘空间后重试。",
                    f"The database could not be copied to “{backup_dir}” before its upgrade "
                    f"({exc}), so it was not upgraded. Check the free disk space and try again.",
                )
            ) from exc
    try:
        with db.engine.connect() as conn:
            _upgrade_to_head(conn)
            conn.commit()
    except SADatabaseError as exc:
        if is_disk_full(exc):
            raise disk_full(db.path) from exc
        raise
    return copy


def _upgrade_to_head(conn: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(conn), "head")


def _foreign_wal_notice(path: Path, kept: Path) -> str:
    return t(
        f"数据库“{path.name}”旁边有一个不属于它的临时日志文件（-wal，可能是复制文件时留下的），"
        f"没有使用它，已改名保存为“{kept.name}”。数据库本身没有改动。",
        f"A temporary log file (-wal) beside the database “{path.name}” does not belong to "
        f"it (perhaps left when a file was copied over it); it was not applied and was kept "
        f"as “{kept.name}”. The database itself was left as it was.",
    )


def _synced_notice(path: Path, folder: Path) -> str:
    return t(
        f"数据库“{path}”在 OneDrive 同步的文件夹“{folder}”里。OneDrive 会在写入过程中上传它，"
        "可能把不完整的数据库带到别的电脑，或产生冲突副本。请把数据库放在不同步的文件夹里，"
        "用“文件 → 备份到”制作副本。",
        f"The database “{path}” is in the folder “{folder}”, which OneDrive keeps in sync. "
        "OneDrive uploads it while it is being written, and may carry an incomplete database "
        "to another PC or make conflicting copies. Keep the database in a folder that is not "
        "synced, and make copies with File → Back up to.",
    )


def _take_file(db: Database, path: Path) -> None:
    """Hold the file's lock (shared, as every writer) and, when no other program has the
    database open, set aside a ``-wal`` that is not its own before SQLite would apply it."""
    try:
        db.lock = db_lock.acquire(path)
        alone = db_lock.acquire(path, exclusive=True, wait=0)
    except DatabaseLockedError as exc:
        if db.lock is None:
            raise
        log.info("%s is open elsewhere: %s", path, exc.message)
        return
    except OSError as exc:
        raise _no_access(path) from exc
    try:
        if not path.exists():
            create_private(path)
            return
        kept = set_aside_foreign_wal(path)
        if kept is not None:
            db.notices.append(_foreign_wal_notice(path, kept))
    except OSError as exc:
        log.warning("could not look at the WAL beside %s: %s", path, exc)
    finally:
        alone.release()


def open_database(
    url: str,
    *,
    actor: str = "system",
    backup_dir: Path | None = None,
    check: bool = True,
    create: bool = True,
    lock: bool = True,
    password: str | None = None,
) -> Database:
    """Open, check and migrate a database.

    A missing SQLite file is created (readable by its owner only) when ``create``, else
    refused. With ``lock`` (every database a user works in; not a private temporary
    copy), the file's lock is held shared until :meth:`Database.dispose`, and an upgrade
    waits for it exclusively (:mod:`db.lock`).

    A server's database (``password``: its account's, kept out of the URL) is never
    upgraded here: see :func:`check_server_schema`; an empty one gets the schema only
    when ``create``.
    """
    db = Database(url, actor=actor, password=password)
    try:
        if not db.is_sqlite:
            check_server_schema(db, create=create)
            db.schema_revision = head_revision()  # each save checks it is still the server's
            return db
        if db.path is not None:
            problem = _unusable_path(db.path, backup_dir, create)
            if problem is not None:
                raise problem
            if lock:
                _take_file(db, db.path)
                synced = paths.synced_by_onedrive(db.path)
                if synced is not None:
                    db.notices.append(_synced_notice(db.path, synced))
        upgrade(db, backup_dir, check=check)
    except BaseException as exc:
        if isinstance(exc, DatabaseDamagedError) and db.checked is not None and db.path:
            # it passed the check, then a step of the opening met damage: not sound
            checked_stamp.note_damaged(db.path)
            db.checked = None
        db.dispose()
        raise
    return db


# -- a server's schema: set up and upgraded only by an administrator's explicit command --


def server_not_set_up(db: Database) -> DatabaseError:
    return DatabaseError(
        t(
            f"服务器上的数据库 {shown_url(db.url)} 还没有建立：请管理员先运行 pbc server init。",
            f"The database {shown_url(db.url)} on the server is not set up yet: an "
            "administrator runs pbc server init first.",
        )
    )


def _server_foreign(db: Database) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"服务器上的数据库 {shown_url(db.url)} 里已有不属于本程序的表："
            "请换一个新建的空数据库。",
            f"The database {shown_url(db.url)} on the server holds tables that are not "
            "this program's: use a new, empty database.",
        )
    )


def server_schema(db: Database) -> tuple[str | None, bool]:
    """The server database's revision and whether it holds any table; a connection
    refused or lost is a sentence (:func:`db.server.server_error`)."""
    with _on_server(db) as conn:
        return revision_of(conn), bool(inspect(conn).get_table_names())


def server_version(db: Database) -> str:
    """The server's product and version as it names them (``PostgreSQL 16.4``)."""
    with _on_server(db) as conn:
        return f"PostgreSQL {conn.scalar(text('SHOW server_version'))}"


@contextlib.contextmanager
def _on_server(db: Database) -> Iterator[Connection]:
    """A connection to the server; refused or lost, a sentence."""
    try:
        with db.engine.connect() as conn:
            yield conn
    except DBAPIError as exc:
        refused = server_error(exc, db.url)
        if refused is None:
            raise
        raise refused from exc


def check_server_schema(db: Database, *, create: bool = False) -> None:
    """A client never changes a server's schema: a newer one is refused (upgrade the
    program), an older one too (an administrator runs ``pbc server upgrade``). An empty
    database gets the schema when ``create`` (``pbc server init``, ``pbc init``)."""
    revision, has_tables = server_schema(db)
    if revision == head_revision():
        return
    if revision is None and not has_tables:
        if not create:
            raise server_not_set_up(db)
        upgrade_server(db)
        return
    if revision is None:
        raise _server_foreign(db)
    if revision not in known_revisions():
        raise server_too_new()
    raise server_needs_upgrade()


#: The key of the advisory lock two administrators' upgrades queue on.
_UPGRADE_LOCK = 0x7062_6301


def upgrade_server(db: Database) -> tuple[str | None, str]:
    """Migrate a server's database to head (``pbc server init``/``upgrade``): one
    transaction (PostgreSQL changes a schema transactionally), one upgrade at a time.
    Returns the revisions before and after."""
    before, has_tables = server_schema(db)
    if before is None and has_tables:
        raise _server_foreign(db)
    if before is not None and before not in known_revisions():
        raise server_too_new()
    try:
        with db.engine.connect() as conn:
            # An upgrade waits as long as it must: for another upgrade, and for the
            # offices' saves under way to end before it changes a table they write in.
            conn.execute(text("SET LOCAL lock_timeout = 0"))
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
            # Read again: an upgrade waited for may have done the work (not claimed twice).
            before = revision_of(conn)
            if before is not None and before not in known_revisions():
                raise server_too_new()
            _upgrade_to_head(conn)
            conn.commit()
    except DBAPIError as exc:
        refused = server_error(exc, db.url, saving=True)
        if refused is None:
            raise
        raise refused from exc
    return before, head_revision()
