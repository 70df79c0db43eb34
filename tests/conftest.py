"""Shared fixtures: every test gets its own data folder and its own database."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A safety net for session- and module-scoped fixtures; each test then gets its own folder.
os.environ["PBC_DATA_DIR"] = tempfile.mkdtemp(prefix="pbc-test-session-")

from pbc_desktop import lang
from pbc_desktop.db.base import Base
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import head_revision, open_database
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.reports.fonts import SYSTEM_FONTS_ENV

TEST_DB_URL_ENV = "PBC_TEST_DB_URL"


def _worker_suffix() -> str:
    """``_gw0``… under pytest-xdist (``make pytest`` runs a worker per core), else ``""``:
    each worker has databases of its own on the test server."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return f"_{worker}" if worker.isidentifier() else ""


def _own_server_database() -> None:
    """Under pytest-xdist on the server run, point ``PBC_TEST_DB_URL`` at a database of
    this worker's own (made here, empty), so that two workers never share rows."""
    server, suffix = os.environ.get(TEST_DB_URL_ENV), _worker_suffix()
    if not server or not suffix:
        return
    from sqlalchemy import make_url

    base = make_url(server).database or "postgres"
    if base.endswith(suffix):
        return  # a subprocess of the worker: its database is made already
    os.environ[TEST_DB_URL_ENV] = server_database(base + suffix, own=True) or server


def on_server() -> bool:
    """Whether this run's databases are on the PostgreSQL server (``PBC_TEST_DB_URL``)."""
    return bool(os.environ.get(TEST_DB_URL_ENV))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On the server run, skip the tests marked ``sqlite_only("why")``; on SQLite, those
    marked ``server_only("why")``; saying why."""
    skipped, kind = ("sqlite_only", "SQLite") if on_server() else ("server_only", "PostgreSQL")
    for item in items:
        marker = item.get_closest_marker(skipped)
        if marker is not None:
            why = marker.args[0] if marker.args else f"{kind} by nature"
            item.add_marker(pytest.mark.skip(reason=f"{kind} only: {why}"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A test's captured output and log with a file name that is not UTF-8 in them (the
    program logs such names; see tests/cli/test_cli_hostile_databases.py), escaped: a
    pytest-xdist worker could not send its report to the controller (an internal error
    ending the whole run)."""
    outcome = yield
    report = outcome.get_result()
    report.sections = [
        (title, text.encode("utf-8", "backslashreplace").decode("utf-8"))
        for title, text in report.sections
    ]


@pytest.fixture(autouse=True)
def loads_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows and tabs read what they show off the UI thread in the program
    (``ui.common.worker.BackgroundLoad``); most tests look right after a change, so they
    read at once here. The tests of a screen that loads in the background ask for it with
    the ``loads_in_background`` fixture (tests/ui/test_background_loads.py: the loads)."""
    monkeypatch.setattr(
        "pbc_desktop.ui.common.worker.BackgroundLoad.in_background", False, raising=True
    )


@pytest.fixture
def loads_in_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows and tabs read off the UI thread, as in the program: the test waits for what
    it looks at (``qtbot.waitUntil``, ``qtbot.waitSignal(load.finished)``)."""
    monkeypatch.setattr("pbc_desktop.ui.common.worker.BackgroundLoad.in_background", True)


def _wait_for_background_reads() -> None:
    """No window's background read outlives its test's database (one closed meanwhile
    still reads to its end)."""
    worker = sys.modules.get("pbc_desktop.ui.common.worker")
    if worker is not None:
        assert worker.wait_for_reads(30), "a background read did not end"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest: the real cost (64 MiB, 0.2 s a hash) would slow every
    test that makes an account; a hash carries its parameters, so verification is real."""
    from argon2 import PasswordHasher

    from pbc_desktop.services.accounts import passwords

    monkeypatch.setattr(
        passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
    monkeypatch.setattr(passwords, "_DUMMY_HASH", None)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Never the user's data folder: each test has a fresh one. Whatever the test did, the
    log files it left there hold no full ID number or phone (a suite-wide guard)."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("PBC_DATA_DIR", str(folder))
    # The same fonts on every machine: a Windows runner's 黑体/仿宋 would change the PDFs.
    monkeypatch.setenv(SYSTEM_FONTS_ENV, "0")
    lang.set_language("zh")
    yield folder
    assert_logs_private(folder / "logs")


def assert_logs_private(logs: Path) -> None:
    """No log file in ``logs`` holds anything that looks like a full ID number or phone
    (``logging_setup.ScrubbingFormatter`` masks every line on its way out)."""
    from pbc_desktop.domain.privacy import contains_personal_numbers

    for path in sorted(logs.glob("*")) if logs.is_dir() else ():
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not contains_personal_numbers(text), f"{path.name} holds a personal number"


def _reset_server_db(url: str) -> None:
    """Empty the server database. A schema at head keeps its tables and loses every row,
    its ids starting again at 1 (DELETE, a few times quicker than TRUNCATE for the few rows
    a test leaves, and a tenth of the time of migrating afresh); any other schema (a first
    test, or one a test changed) is dropped whole and migrated again by ``open_database``."""
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            tables = set(inspect(conn).get_table_names())
            at_head = (
                tables == {*Base.metadata.tables, "alembic_version"}
                and conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            )
            if not at_head:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
                return
            sequences = conn.scalars(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")
            )
            conn.exec_driver_sql(
                "; ".join(
                    [f'DELETE FROM "{t.name}"' for t in reversed(Base.metadata.sorted_tables)]
                    + [f'ALTER SEQUENCE "{name}" RESTART' for name in sequences]
                )
            )
    finally:
        engine.dispose()


def server_database(name: str, *, own: bool = False) -> str | None:
    """On the server run, the URL of a new, empty database ``name`` on the test server
    (made again if it exists), for a fixture that outlives one test; None on SQLite.
    Under pytest-xdist the name gets the worker's suffix (``own``: it has it already)."""
    server = os.environ.get(TEST_DB_URL_ENV)
    if not server:
        return None
    if not own:
        name += _worker_suffix()
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.pool import NullPool

    url = make_url(server)
    engine = create_engine(
        url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


_own_server_database()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh database: SQLite in the test's folder, or PBC_TEST_DB_URL when set."""
    server = os.environ.get(TEST_DB_URL_ENV)
    if server:
        _reset_server_db(server)
        return server
    return sqlite_url(tmp_path / "test.sqlite")


def db_arg(database: Database) -> str:
    """What ``pbc --db`` is given for ``database``: its file, or the server's URL."""
    return str(database.path) if database.path is not None else database.url


def sql_by_hand(database: Database, statement: str) -> None:
    """Run ``statement`` past the program, as someone tampering with the database would."""
    from sqlalchemy import text

    with database.engine.begin() as conn:
        conn.execute(text(statement))


def all_rows_text(database: Database) -> str:
    """Every row of every table as text, as a dump of the database shows it (on a file or
    on the server alike)."""
    from sqlalchemy import select

    with database.read() as s:
        return "\n".join(
            repr(tuple(row))
            for table in Base.metadata.sorted_tables
            for row in s.execute(select(table))
        )


#: The administrator every test database has, for the command line (``pbc --user``).
TEST_ADMIN = "tester"
TEST_PASSWORD = "test-password-1"


def add_test_admin(database: Database) -> None:
    """The account ``pbc`` commands sign in as (inserted directly: no audit entry, so tests
    that count entries see only their own)."""

    add_account(database, TEST_ADMIN, UserRole.DISTRICT, name="测试管理员", unit="区委组织部")


def add_account(
    database: Database,
    username: str,
    role: UserRole,
    *,
    name: str = "测试员",
    unit: str = "",
    organization_id: int | None = None,
    town: str | None = None,
) -> None:
    """An account with :data:`TEST_PASSWORD` that may sign in at once (inserted directly,
    without an audit entry); nothing when ``username`` exists already."""
    from pbc_desktop.db.models import User
    from pbc_desktop.services.accounts.passwords import hash_password

    with database.write() as s:
        if s.query(User).filter_by(username=username).first() is not None:
            return
        s.add(
            User(
                username=username,
                display_name=name,
                unit=unit,
                role=role,
                organization_id=organization_id,
                town=town,
                password_hash=hash_password(TEST_PASSWORD),
            )
        )


@pytest.fixture(autouse=True)
def cli_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pbc`` commands in tests act as :data:`TEST_ADMIN` (their own processes too)."""
    monkeypatch.setenv("PBC_USER", TEST_ADMIN)
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)
    monkeypatch.delenv("PBC_NEW_PASSWORD", raising=False)


_EMPTY_AT_HEAD: list[Path] = []


def empty_sqlite_at_head(path: Path) -> Path:
    """Put an empty database at the schema's head at ``path`` (which must not exist): a
    copy of one this process migrated once. Migrating a new file afresh through every
    revision takes about a second, most of the time of a test that needs only a database;
    an empty database holds nothing of its own (no ids, keys or names), so a copy is as
    fresh as a new one. Tests of creating and migrating a file make their own."""
    if not _EMPTY_AT_HEAD:
        folder = Path(tempfile.mkdtemp(prefix="pbc-test-head-"))
        open_database(sqlite_url(folder / "head.sqlite"), backup_dir=folder).dispose()
        _EMPTY_AT_HEAD.append(folder / "head.sqlite")
    shutil.copy2(_EMPTY_AT_HEAD[0], path)  # its mode too: readable by its owner only
    return path


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> Iterator[Database]:
    if db_url.startswith("sqlite"):
        empty_sqlite_at_head(tmp_path / "test.sqlite")
    database = open_database(db_url, actor="测试员", backup_dir=tmp_path / "backups")
    add_test_admin(database)
    yield database
    try:
        _wait_for_background_reads()
        assert_audit_log_private(database)
    finally:
        database.dispose()


def assert_audit_log_private(database: Database) -> None:
    """Whatever a test did, its audit log holds nothing that looks like a full ID number or
    phone (services/audit.py masks them): a suite-wide guard over every feature's writes.
    A database the test broke or removed on purpose is not read."""
    from sqlalchemy import select

    from pbc_desktop.db.models import AuditEntry
    from pbc_desktop.domain.privacy import contains_personal_numbers

    columns = (AuditEntry.actor, AuditEntry.summary, AuditEntry.before, AuditEntry.after)
    try:
        with database.read() as s:
            rows = s.execute(select(AuditEntry.id, *columns)).all()
    except Exception:  # a test's own damage (a pulled-out stick…) is its own
        return
    for entry_id, *texts in rows:
        text = " | ".join(t for t in texts if t)
        assert not contains_personal_numbers(text), f"audit entry {entry_id}: {text}"
