"""Engine and session factory: SQLite set up for safety, the same code on PostgreSQL."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from pbc_desktop.db import checked_stamp
from pbc_desktop.db.server import (
    LongWrite,
    beside_long_writes,
    collided,
    collision_refusal,
    commit_unknown,
    connect_arguments,
    connection_lost,
    lock_refusal,
    lock_waited_too_long,
    long_write_under_way,
    not_answering,
    server_error,
    server_needs_upgrade,
    server_too_new,
    set_server_user_timeout,
)
from pbc_desktop.domain.accounts import SYSTEM, Actor
from pbc_desktop.errors import (
    DatabaseError,
    DatabaseLockedError,
    DiskFullError,
    PermissionDeniedError,
    reference_changed,
    stale_edit,
)
from pbc_desktop.files import file_uri
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.db.lock import DatabaseLock

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
FOREIGN_KEY_VIOLATION = "23503"  # the server's SQLSTATE of a foreign key's refusal


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the driver, decide when transactions start (see _sqlite_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed transaction survives a power cut, not only a crash.
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _sqlite_on_connect_read_only(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    """A look inside a file that must not change (a backup to inspect): no WAL switch."""
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only=ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """Writers take the write lock up front, so two writers queue instead of deadlocking."""
    if conn.get_execution_options().get("pbc_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file; any character in the path (``#``, ``%``, ``?``) survives.
    A name that is not UTF-8 (bytes a Linux or macOS file name may hold) has no URL: it is
    refused with a sentence (it reached the user as an internal error)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")  # the bytes, as \\xff
        raise DatabaseError(
            t(
                f"文件名“{shown}”中有无法识别的字符（不是 UTF-8 编码），本程序无法打开它。"
                "请把文件改名后再试。",
                f"The file name “{shown}” holds characters that cannot be read (not UTF-8); "
                "the program cannot open it. Rename the file and try again.",
            )
        ) from None
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def is_server_url(text: str) -> bool:
    """Whether ``text`` (a ``--db``) names a database server (``postgresql+psycopg://…``)
    rather than a file."""
    return "://" in text and not text.lower().startswith("sqlite")


def shown_url(url: str) -> str:
    """A database URL as messages show it: its password, if any, hidden."""
    return make_url(url).render_as_string(hide_password=True)


def is_reference_violation(exc: IntegrityError) -> bool:
    """Whether ``exc`` is a foreign key's refusal (SQLite's or the server's), not another
    constraint's (a unique one, which its service says in its own words)."""
    original = exc.orig
    if isinstance(original, sqlite3.IntegrityError):
        # a RESTRICT key refuses as SQLITE_CONSTRAINT_TRIGGER, only its text tells
        return str(original).startswith("FOREIGN KEY constraint failed")
    return getattr(original, "sqlstate", None) == FOREIGN_KEY_VIOLATION


def read_only_file(path: Path | None) -> DatabaseError:
    """The sentence for a database file the program cannot save in."""
    return DatabaseError(
        t(
            f"数据库文件“{path}”是只读的，本程序无法在其中保存。请去掉文件的“只读”属性，"
            "或把它复制到可以写入的文件夹后再打开。",
            f"The database file “{path}” is read-only, so the program could not save in it. "
            "Clear the file's read-only attribute, or copy it to a folder you can write to "
            "and open it there.",
        )
    )


def disk_full(path: Path | None) -> DiskFullError:
    """The sentence for SQLite's "database or disk is full" and its disk I/O errors."""
    where = path.parent if path is not None else None
    return DiskFullError(
        t(
            f"磁盘已满（或无法写入），数据没有保存。请在“{where}”所在的磁盘上腾出空间后再试。"
            if where is not None
            else "磁盘已满（或无法写入），数据没有保存。请腾出磁盘空间后再试。",
            f"The disk is full (or cannot be written), so nothing was saved. Free some space "
            f"on the disk that holds “{where}” and try again."
            if where is not None
            else "The disk is full (or cannot be written), so nothing was saved. Free some "
            "disk space and try again.",
        )
    )


def is_disk_full(exc: BaseException) -> bool:
    """Whether a SQLite error says the disk is full or could not be written."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "disk is full" in text or "disk i/o error" in text


#: Less room than this left on the drive: a disk I/O error is taken for a full disk.
LOW_SPACE_BYTES = 1_000_000


def drive_failed(path: Path | None, *, saving: bool) -> DatabaseError:
    """The sentence for a database file that can no longer be read or written while in
    use: on an office PC most often the USB stick holding it pulled out (SQLite's "disk
    I/O error", or "unable to open" a file no longer there)."""
    why = "存放它的 U 盘或磁盘可能已被拔出或出了故障。请插好 U 盘，关闭本程序后重新打开。"
    because = (
        "the USB stick or disk holding it may have been removed or failed. Plug it back "
        "in, close the program and open it again."
    )
    if saving:
        return DatabaseError(
            t(
                f"无法写入数据库文件“{path}”，数据没有保存：{why}",
                f"Cannot write the database file “{path}”, so nothing was saved: {because}",
            )
        )
    return DatabaseError(
        t(
            f"无法读取数据库文件“{path}”：{why}",
            f"Cannot read the database file “{path}”: {because}",
        )
    )


def storage_error(path: Path | None, exc: DBAPIError, *, saving: bool) -> DatabaseError | None:
    """A SQLite error of the drive holding ``path`` as its sentence (None: another error):
    a full disk, or a drive that failed or is gone."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc.orig or exc).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return disk_full(path)
    io_error = primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text
    gone = path is not None and (primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text)
    if not io_error and not (gone and not _reachable(path)):
        return None
    try:
        free = shutil.disk_usage(path.parent).free if path is not None else None
    except OSError:  # the drive is gone
        free = None
    if free is not None and free < LOW_SPACE_BYTES:
        return disk_full(path)
    return drive_failed(path, saving=saving)


def _reachable(path: Path | None) -> bool:
    try:
        return path is None or path.exists()
    except OSError:
        return False


def _wal_mode_without_wal(path: Path) -> bool:
    """A WAL-mode file that no connection has open (it has no ``-wal`` beside it)."""
    try:
        with path.open("rb") as f:
            header = f.read(20)
    except OSError:
        return False
    wal_mode = len(header) == 20 and header[18] == 2  # file format version: 2 = WAL
    return wal_mode and not path.with_name(path.name + "-wal").exists()


def read_only_uri(path: Path) -> str:
    """A ``file:`` URI that opens ``path`` only to read it (``sqlite3.connect(uri, uri=True)``).

    A closed WAL-mode file is opened as immutable, so not even ``-wal``/``-shm`` files
    appear beside it (it may sit on a read-only USB stick).
    """
    path = path.resolve()
    return file_uri(path) + "?mode=ro" + ("&immutable=1" if _wal_mode_without_wal(path) else "")


def read_only_engine(path: Path) -> Engine:
    """An engine that only reads ``path``; neither the file nor its folder is written."""
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_on_connect_read_only)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


#: What stands in a server's error for the values of the row it refused.
HIDDEN_DETAIL = "DETAIL:  (the row's values are not shown)"


def _hide_row_values(context: ExceptionContext) -> None:
    """A server's error names the values of the row it refused (``Key (id_number)=(…)
    already exists``, ``Failing row contains (…)``): personal data, which errors and logs
    never hold (as SQLAlchemy's ``hide_parameters`` keeps the statement's values out).
    Its DETAIL line is taken out of the driver's error and of SQLAlchemy's."""
    original = context.original_exception
    detail = getattr(getattr(original, "diag", None), "message_detail", None)
    if not detail:
        return
    for error in (original, context.sqlalchemy_exception):
        if error is not None:
            error.args = tuple(
                re.sub(r"DETAIL:\s+" + re.escape(detail), HIDDEN_DETAIL, arg)
                if isinstance(arg, str)
                else arg
                for arg in error.args
            )


def make_engine(url: str, password: str | None = None) -> Engine:
    """The engine for ``url``; on a server, ``password`` goes with each connection and
    never into the URL (so no message or log that shows the URL can show it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # pool_pre_ping: a connection the network or a restarted server dropped while it
    # waited in the pool is replaced before use instead of failing the next save.
    try:
        engine = create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args=connect_arguments(url, password),
        )
    except ImportError as exc:  # an installation without the server's driver (psycopg)
        raise DatabaseError(
            t(
                "这个版本的程序没有安装连接数据库服务器所需的组件（psycopg），"
                "只能打开数据库文件。请向 IT 人员索取带服务器组件的安装包。",
                "This installation of the program lacks the component that connects to a "
                "database server (psycopg) and opens database files only. Ask your IT "
                "staff for an installation with the server component.",
            )
        ) from exc
    event.listen(engine, "connect", set_server_user_timeout)
    event.listen(engine, "handle_error", _hide_row_values)
    return engine


def _check_schema(session: Session, revision: str) -> None:
    """Refuse a save on a server whose schema is no longer ``revision``, the one this
    program opened it at: an administrator ran a newer program's ``pbc server upgrade``
    while this window stayed open. Its saves would write rows as the old schema had them
    (a column the new one fills left empty) into tables the newer program reads.

    The version row is locked ``FOR KEY SHARE`` to the end of the save: an upgrade under
    way (which changes it) is waited for, then its revision read; an upgrade starting
    waits for this save to end (as it does for the saves' tables anyway)."""
    found = session.scalar(text("SELECT version_num FROM alembic_version FOR KEY SHARE"))
    if found == revision:
        return
    from pbc_desktop.db import migrate  # it imports this module

    if found in migrate.known_revisions():
        raise server_needs_upgrade()  # an older backup restored into it
    raise server_too_new()


def _check_still_active(session: Session, actor: Actor) -> None:
    """Refuse a write by an account disabled since it signed in (e.g. by an administrator
    in another window or with ``pbc user disable``): its open window reads on, and can
    change nothing more."""
    from pbc_desktop.db.models import User

    if not session.scalar(select(User.active).where(User.id == actor.user_id)):
        raise PermissionDeniedError(
            t(
                f"账号 {actor.username} 已被停用，不能再修改数据。请联系管理员。",
                f"The account {actor.username} has been disabled and can change nothing "
                "more. Ask an administrator.",
            )
        )


class Database:
    """An open database: the engine, short sessions for reads and one transaction per write."""

    def __init__(
        self,
        url: str,
        *,
        actor: str | None = None,
        user: Actor = SYSTEM,
        engine: Engine | None = None,
        password: str | None = None,
    ) -> None:
        self.url = url
        self.engine = engine or make_engine(url, password)
        # Who acts: the signed-in account (services check its permissions and scope);
        # ``actor`` names the program acting on its own (a district-wide actor, no account).
        self.user = user if actor is None else replace(SYSTEM, username=actor, name=actor)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # The hold of the file's lock (db.lock) for as long as the database is open, and
        # what opening it had to say (a foreign WAL set aside): set by open_database.
        self.lock: DatabaseLock | None = None
        self.notices: list[str] = []
        self.writable = True  # False: opened only to read (Database.read_only)
        # Why the window's server watch finds the server not answering (its ping's
        # sentence), None while it answers: a read or a write then fails at once, instead
        # of holding the window for the connection's time limit (5 to 10 s) at each click;
        # the watch itself pings past it.
        self.unreachable_because: str | None = None
        # The SQLite file found sound when opened (``migrate.check_integrity``), by its
        # number and volume (``checked_stamp.file_identity``): closed by dispose, it is
        # remembered as sound (``db.checked_stamp``) if it is still that file.
        self.checked: tuple[int, int] | None = None
        # On a server: the schema revision this program found there and works with (set
        # by open_database); each save checks the server's is still it (_check_schema).
        self.schema_revision: str | None = None
        self._disposed = False
        # Per thread: the session of the snapshot being read in it (see snapshot()).
        self._local = threading.local()

    @property
    def actor(self) -> str:
        """The acting person as the audit log and records name them (``recorded_name``)."""
        return self.user.recorded_name

    @classmethod
    def read_only(cls, path: Path) -> Database:
        """Open a SQLite file only to read it (e.g. a backup to inspect); it stays unchanged."""
        db = cls(sqlite_url(path.resolve()), engine=read_only_engine(path))
        db.writable = False
        return db

    @property
    def path(self) -> Path | None:
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            return Path(parsed.database)
        return None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short session to read in; inside :meth:`snapshot` (in this thread), the
        snapshot's own."""
        shared: Session | None = getattr(self._local, "snapshot", None)
        if shared is not None:
            yield shared
            return
        self._refuse_if_unreachable(saving=False)
        with self._said(saving=False), self._sessions() as session:
            yield session

    @property
    def reachable(self) -> bool:
        """False while the window's server watch finds the server not answering."""
        return self.unreachable_because is None

    def server_answers(self, reason: str | None) -> None:
        """What the window's server watch found: None, the server answers (again); else
        why it does not (its ping's sentence), which each read or save refused meanwhile
        says."""
        self.unreachable_because = reason

    def _refuse_if_unreachable(self, *, saving: bool) -> None:
        if not self.reachable:
            raise not_answering(self.url, self.unreachable_because, saving=saving)

    def ping(self) -> str | None:
        """On a server: None when it answers, else the sentence saying why not (the
        window's connection watch, from a background thread). A file: always None."""
        if self.is_sqlite:
            return None
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            lost = server_error(exc, self.url)
            if lost is None:  # not a refusal it knows: said as lost, the driver's text logged
                log.info("the server did not answer the watch: %s", exc.orig or exc)
                lost = connection_lost(self.url)
            return lost.message
        finally:
            self._let_go_if_disposed()
        return None

    @contextmanager
    def _said(self, *, saving: bool) -> Iterator[None]:
        """A session's block: a lost or refused server connection turned into a sentence,
        and the engine let go of when the database was disposed meanwhile."""
        try:
            yield
        except DBAPIError as exc:
            self._note_damage(exc)
            if self.is_sqlite:
                failed = storage_error(self.path, exc, saving=saving)
                if failed is not None:
                    raise failed from exc
            lost = self._lost(exc, saving=saving)
            if lost is None:
                raise
            raise lost from exc
        finally:
            self._let_go_if_disposed()

    def _note_damage(self, exc: DBAPIError) -> None:
        """A SQLite file that proved damaged (or not a database) while in use is not
        remembered as sound: the next open checks it, and offers the way out."""
        code = getattr(exc.orig, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            self.checked = None
            if self.writable and self.path is not None:  # nothing beside a file only read
                checked_stamp.note_damaged(self.path)

    def _lost(self, exc: DBAPIError, *, saving: bool) -> DatabaseError | None:
        """On a server, a lost or refused connection, or a lock waited for too long
        (another PC's save), as a sentence; else None."""
        if self.is_sqlite:
            return None
        if lock_waited_too_long(exc):
            return lock_refusal(self.url, saving=saving, doing=self._long_write_elsewhere())
        if collided(exc):
            return collision_refusal(self.url)
        return server_error(exc, self.url, saving=saving)

    def _long_write_elsewhere(self) -> LongWrite | None:
        """On a server, another PC's long write under way (what a save that waited too long
        most likely waited for), asked on a connection of its own; None when none is, or
        when the server cannot tell."""
        try:
            with self.engine.connect() as connection:
                return long_write_under_way(connection)
        except DBAPIError:
            return None

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """One consistent view of the database for a long read (a report, an export): every
        :meth:`read` in this thread inside the block is this one transaction, which sees
        the database as it was at its first query, whatever others commit meanwhile.

        On a server: one ``REPEATABLE READ``, ``READ ONLY`` transaction. On SQLite a read
        transaction already is a snapshot (WAL): one plain transaction. Writes inside the
        block (:meth:`write`, e.g. an audit entry) are their own transactions, as ever. A
        snapshot inside a snapshot is the outer one.
        """
        outer: Session | None = getattr(self._local, "snapshot", None)
        if outer is not None:
            yield outer
            return
        self._refuse_if_unreachable(saving=False)
        # a lost connection is the sentence, as in any read (not the driver's error)
        with self._said(saving=False), self._sessions() as session, session.begin():
            if not self.is_sqlite:
                session.connection(
                    execution_options={
                        "isolation_level": "REPEATABLE READ",
                        "postgresql_readonly": True,
                    }
                )
            self._local.snapshot = session
            try:
                yield session
            finally:
                self._local.snapshot = None

    @contextmanager
    def write(
        self, *, user: Actor | None = None, long_write: LongWrite | None = None
    ) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception.

        Its audit entries name :attr:`user`, or ``user`` (a sign-in records itself). A row
        that another connection changed or deleted since this transaction read it (the
        ORM's version check, ``Record.version``) refuses the whole write with a sentence.

        On a server, ``long_write`` (a package received, a roster imported) is shown to the
        other PCs, whose saves meanwhile wait a few seconds at most for what it holds and
        are then refused with a sentence naming it (``server.beside_long_writes``).
        """
        acting = user or self.user
        if not self.writable:  # e.g. a preview, which writes and rolls back
            raise read_only_file(self.path)
        self._refuse_if_unreachable(saving=True)
        committing = False  # the block is done: only the COMMIT is left
        with self._said(saving=True):
            try:
                with self._sessions() as session, session.begin():
                    session.info["pbc_actor"] = acting.recorded_name
                    session.info["pbc_user_id"] = acting.user_id
                    session.connection(execution_options={"pbc_write": True})
                    if acting.user_id is not None:
                        _check_still_active(session, acting)
                    if self.schema_revision is not None:
                        _check_schema(session, self.schema_revision)
                    if not self.is_sqlite:
                        beside_long_writes(session, long_write)
                    yield session
                    session.flush()
                    committing = True
            except StaleDataError as exc:
                raise stale_edit() from exc
            except IntegrityError as exc:
                if not is_reference_violation(exc):
                    raise
                # Another PC deleted what this save refers to (or saved a reference to what
                # this one deletes) between this save's checks and its write.
                log.warning("a save refused by a foreign key: %s", type(exc.orig).__name__)
                raise reference_changed() from exc
            except OperationalError as exc:
                failed = storage_error(self.path, exc, saving=True) if self.is_sqlite else None
                if failed is not None:
                    raise failed from exc
                if is_disk_full(exc):
                    raise disk_full(self.path) from exc
                if committing and not self.is_sqlite and server_error(exc, self.url):
                    # The COMMIT was sent: the server may have saved it before the
                    # connection went. Saving again blindly could save it twice.
                    raise commit_unknown(self.url) from exc
                lost = self._lost(exc, saving=True)
                if lost is not None:
                    raise lost from exc
                # SQLite's own message only: the statement may name a column such as locked_until.
                reason = str(exc.orig or exc).lower()
                if "locked" in reason or "busy" in reason:
                    raise DatabaseLockedError(
                        t(
                            "数据库正被其他程序占用，请稍后再试。",
                            "The database is busy in another program; please try again shortly.",
                        )
                    ) from exc
                raise

    def _let_go_if_disposed(self) -> None:
        """A database used after :meth:`dispose` (a widget's timer firing as its window
        closes) closes the connection that use opened at once: nothing is kept in the pool
        of an engine no one disposes again (on a server, a connection left to the garbage
        collector, still open)."""
        if self._disposed:
            self.engine.dispose()

    def dispose(self) -> None:
        """Close the connections and let go of the file's lock (the database is done with)."""
        first = not self._disposed
        self._disposed = True
        self.engine.dispose()
        path = self.path
        if first and self.checked is not None and self.writable and path is not None:
            checked_stamp.remember_closed(path, self.checked)  # only SQLite wrote it
        if self.lock is not None:
            self.lock.release()
            self.lock = None
