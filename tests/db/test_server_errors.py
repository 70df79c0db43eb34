"""A server's refusals and a lost connection, each one sentence naming what to check,
never the password; a save interrupted by a lost connection is refused and the next one
goes through."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from pbc_desktop.db.engine import Database, shown_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import Organization
from pbc_desktop.db.server import (
    LOCK_TIMEOUT,
    ServerAddress,
    connect_arguments,
    server_error,
    split_password,
)
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import DatabaseLockedError, DatabaseTooNewError, ServerConnectionError
from pbc_desktop.services import changes
from tests.conftest import server_database, sql_by_hand
from tests.factories import make_orgs

URL = "postgresql+psycopg://pbc_chengtian@10.38.1.5:5432/pbc"


def refused(message: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception(message))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            'connection failed: connection to server at "10.38.1.5", port 5432 failed: '
            'FATAL:  password authentication failed for user "pbc_chengtian"',
            "服务器 10.38.1.5:5432 没有接受账号“pbc_chengtian”的密码：请检查账号和密码。",
        ),
        (
            "connection failed: fe_sendauth: no password supplied",
            "服务器 10.38.1.5:5432 没有接受账号“pbc_chengtian”的密码：请检查账号和密码。",
        ),
        (
            'connection failed: FATAL:  database "pcb" does not exist',
            "服务器 10.38.1.5:5432 上没有名为“pcb”的数据库：请检查数据库名。",
        ),
        (
            'connection failed: FATAL:  role "pbc_chengtian" does not exist',
            "服务器 10.38.1.5:5432 上没有账号“pbc_chengtian”：请检查账号。",
        ),
        (
            'connection failed: connection to server at "10.38.1.5", port 5432 failed: '
            "Connection refused\n\tIs the server running on that host and accepting TCP/IP "
            "connections?",
            "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。",
        ),
        (
            "connection failed: connection timeout expired",
            "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。",
        ),
        (
            "failed to resolve host 'pbc-server': [Errno -2] Name or service not known",
            "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。",
        ),
        (
            'FATAL:  no pg_hba.conf entry for host "10.38.12.7", user "pbc_chengtian", '
            'database "pbc", no encryption',
            "服务器 10.38.1.5:5432 不允许这台电脑用账号“pbc_chengtian”连接数据库“pbc”："
            "请服务器管理员在 pg_hba.conf 中放行。",
        ),
        (
            "consuming input failed: server closed the connection unexpectedly",
            "与服务器 10.38.1.5:5432 的连接中断了：请检查网络，连接恢复后再试。",
        ),
    ],
)
def test_each_refusal_is_one_sentence(message: str, expected: str) -> None:
    error = server_error(refused(message), URL)
    assert error is not None
    assert error.message == expected
    assert "\n" not in error.message


def test_a_lost_save_says_it_was_not_saved() -> None:
    error = server_error(refused("terminating connection due to administrator command"), URL)
    assert error is not None and "连接中断" in error.message
    saving = server_error(refused("SSL SYSCALL error: EOF detected"), URL, saving=True)
    assert saving is not None and "这次没有保存" in saving.message


def test_other_errors_are_left_to_the_caller() -> None:
    assert server_error(refused('relation "organisation" does not exist'), URL) is None


def test_the_password_never_travels_in_the_url() -> None:
    url, password = split_password("postgresql+psycopg://pbc_chengtian:s3cret@10.38.1.5/pbc")
    assert password == "s3cret" and "s3cret" not in url
    assert ServerAddress.from_url(url).label() == "pbc_chengtian@10.38.1.5:5432/pbc"
    assert split_password(URL) == (URL, None)
    arguments = connect_arguments(url, password)
    assert arguments["password"] == "s3cret"
    assert arguments["connect_timeout"] and arguments["keepalives"] == 1
    # what the URL sets itself is kept
    assert "connect_timeout" not in connect_arguments(URL + "?connect_timeout=30", None)


@pytest.mark.server_only("a server connection that is cut")
def test_a_save_cut_off_by_a_lost_connection_is_refused_and_saving_again_works(
    db: Database,
) -> None:
    """The server ends the connection in the middle of the save (as a dropped network or
    a restarted server does): one sentence, nothing half-saved, and the next save works."""
    killer = create_engine(db.url, poolclass=NullPool)

    def save_cut_off() -> None:
        with db.write() as s:
            s.add(
                Organization(
                    name="半截党支部",
                    kind=OrgKind.BRANCH,
                    field=OrgField.RURAL,
                    level=OrgLevel.VILLAGE,
                )
            )
            s.flush()
            pid = s.scalar(text("SELECT pg_backend_pid()"))
            with killer.begin() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            s.execute(text("SELECT 1"))

    with pytest.raises(ServerConnectionError, match="这次没有保存") as lost:
        save_cut_off()
    killer.dispose()
    assert "Traceback" not in lost.value.message and "\n" not in lost.value.message
    make_orgs(db, "上底村党支部")  # the server is back: saving again works
    with db.read() as s:
        assert s.scalars(select(Organization.name)).all() == ["上底村党支部"]


@pytest.mark.server_only("connection refusals of a real server")
def test_a_missing_database_and_a_closed_port_are_said_plainly() -> None:
    from sqlalchemy import make_url

    from tests.pg_cluster import free_port

    server = make_url(server_database("pbc_errors_scratch") or "")
    with pytest.raises(ServerConnectionError, match="没有名为“pbc_nowhere”的数据库"):
        open_database(server.set(database="pbc_nowhere").render_as_string(False))
    closed = server.set(port=free_port()).render_as_string(False)
    with pytest.raises(ServerConnectionError, match="连接不上服务器"):
        open_database(closed, create=False)
    unreachable = Database(closed)
    assert unreachable.ping() is not None  # the window's watch: not answering
    unreachable.dispose()


def test_an_installation_without_the_server_driver_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from pbc_desktop.errors import DatabaseError

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in a bundle without it
    with pytest.raises(DatabaseError, match="psycopg"):
        Database(URL)


def test_a_password_given_as_a_url_option_is_taken_out_too() -> None:
    """libpq also takes ``?password=``: it never stays in the URL that messages show."""
    url, password = split_password(URL + "?password=s3cret&sslmode=require")
    assert password == "s3cret"
    assert url == URL + "?sslmode=require"
    assert "s3cret" not in shown_url(url)


def test_the_urls_own_server_options_come_after_the_programs() -> None:
    options = connect_arguments(URL + "?options=-c%20lock_timeout%3D3s", None)["options"]
    assert isinstance(options, str)
    assert options.startswith("-c tcp_keepalives_idle=5 ")
    assert options.endswith(f"-c lock_timeout={LOCK_TIMEOUT}s -c lock_timeout=3s")


def test_a_server_that_cannot_be_reached_is_no_change_to_follow() -> None:
    """The window's look for others' changes (every few seconds) on a server that stopped
    answering: nothing to say (the status bar says it), no refusal reaching the window."""
    from tests.pg_cluster import free_port

    unreachable = Database(f"postgresql+psycopg://pbc_chengtian@127.0.0.1:{free_port()}/pbc")
    try:
        assert changes.look(unreachable) is None
    finally:
        unreachable.dispose()


@pytest.mark.server_only("the server's own settings of a connection")
def test_the_server_end_of_a_connection_notices_a_dropped_pc_within_seconds(
    db: Database,
) -> None:
    """A PC whose network drops in the middle of a save holds that save's locks (the audit
    log's head: every office's saves) until the server notices: within seconds, not the
    operating system's two hours (by hand, in a network namespace whose route to one PC
    was made a blackhole mid-save: the other PC's save of the same record went through
    after 10.5 s; before, it was refused at the lock timeout and the server held the
    dropped PC's locks for a quarter of an hour, its last reply being retransmitted)."""
    with db.engine.connect() as conn:
        shown = {
            name: conn.exec_driver_sql(f"SHOW {name}").scalar()
            for name in (
                "tcp_keepalives_idle",
                "tcp_keepalives_interval",
                "tcp_user_timeout",
                "lock_timeout",
            )
        }
    assert shown == {
        "tcp_keepalives_idle": "5",
        "tcp_keepalives_interval": "2",
        "tcp_user_timeout": "10000",  # milliseconds
        "lock_timeout": f"{LOCK_TIMEOUT}s",
    }


def name_contact(db: Database, org_id: int) -> None:
    with db.write() as s:
        org = s.get(Organization, org_id)
        assert org is not None
        org.contact_person = "李明"


@pytest.mark.server_only("a row lock held by another connection")
def test_a_save_waiting_on_another_pcs_lock_is_refused_in_seconds(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC holds the record (its save cut off, or a long import): the save is
    refused with a sentence after the lock timeout instead of freezing the window; once
    the other lets go, saving again works."""
    import time

    monkeypatch.setattr("pbc_desktop.db.server.LOCK_TIMEOUT", 1)
    (org_id,) = make_orgs(db, "上底村党支部")
    # connects with the one-second timeout (and, should it not, gives up after 20 s)
    waiting = Database(
        make_url(db.url)
        .update_query_dict({"options": "-c statement_timeout=20s"})
        .render_as_string(hide_password=False)
    )
    holder = create_engine(db.url, poolclass=NullPool)
    try:
        with holder.connect() as other:
            other.execute(
                text("SELECT id FROM organization WHERE id = :id FOR UPDATE"), {"id": org_id}
            )
            started = time.monotonic()
            with pytest.raises(DatabaseLockedError) as refused:
                name_contact(waiting, org_id)
            assert time.monotonic() - started < 10
            other.rollback()
        assert refused.value.message == (
            f"服务器 127.0.0.1:{make_url(db.url).port} 上另一台电脑正在保存（或正在导入、升级），"
            "等了 1 秒仍未完成，这次没有保存：请稍后再保存一次。"
        )
        name_contact(waiting, org_id)  # the other let go: saving again works
        with db.read() as s:
            assert s.scalar(
                select(Organization.contact_person).where(Organization.id == org_id)
            ) == ("李明")
    finally:
        holder.dispose()
        waiting.dispose()


@pytest.mark.server_only("an upgrade waiting for another")
def test_an_upgrade_waits_for_another_longer_than_a_saves_lock_timeout(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two administrators' upgrades queue (docs/SERVER.md): the lock timeout that keeps a
    clerk's save from waiting long is not an upgrade's."""
    import threading

    from pbc_desktop.db.migrate import _UPGRADE_LOCK, head_revision, upgrade_server

    monkeypatch.setattr("pbc_desktop.db.server.LOCK_TIMEOUT", 1)
    url = server_database("pbc_errors_upgrade")
    assert url is not None
    holder = create_engine(url, poolclass=NullPool)
    upgrading = Database(url)
    try:
        with holder.connect() as other:  # the first administrator's upgrade, under way
            other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
            release = threading.Timer(2.5, other.rollback)
            release.start()
            try:
                assert upgrade_server(upgrading) == (None, head_revision())
            finally:
                release.join()
    finally:
        upgrading.dispose()
        holder.dispose()


@pytest.mark.server_only("an upgrade waiting for another")
def test_an_upgrade_that_waited_for_another_says_the_other_did_it() -> None:
    """Two administrators run ``pbc server upgrade`` at once: the second, once the first
    is done, finds the schema at head and says nothing changed (it said it upgraded from
    the revision it had read before waiting)."""
    import threading

    from pbc_desktop.db.migrate import (
        _UPGRADE_LOCK,
        _upgrade_to_head,
        head_revision,
        upgrade_server,
    )

    url = server_database("pbc_errors_upgrade_twice")
    assert url is not None
    holder = create_engine(url, poolclass=NullPool)
    upgrading = Database(url)
    try:
        with holder.connect() as other:  # the first administrator's upgrade, under way
            other.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
            _upgrade_to_head(other)
            done = threading.Timer(1.5, other.commit)
            done.start()
            try:
                assert upgrade_server(upgrading) == (head_revision(), head_revision())
            finally:
                done.join()
    finally:
        upgrading.dispose()
        holder.dispose()


@pytest.mark.server_only("a server connection cut at the commit")
def test_a_connection_lost_at_the_commit_does_not_claim_nothing_was_saved(db: Database) -> None:
    """Cut while the server commits, the save may have gone through: the sentence says it
    is not known and asks to look before saving again (a second save could make the
    record twice), instead of "this was not saved"."""
    from sqlalchemy import event

    killer = create_engine(db.url, poolclass=NullPool)

    def cut(conn: Any) -> None:
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with killer.begin() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

    event.listen(db.engine, "commit", cut)
    try:
        with pytest.raises(ServerConnectionError) as lost:
            make_orgs(db, "半截党支部")
    finally:
        event.remove(db.engine, "commit", cut)
        killer.dispose()
    assert "不能确定是否已经保存" in lost.value.message
    assert "没有保存：" not in lost.value.message


def test_a_connection_the_driver_could_not_make_is_said_whatever_its_wording() -> None:
    """A route that drops everything makes psycopg say ``connection is bad: … Invalid
    argument``, no wording listed: still the sentence, never the driver's text (before, it
    reached the window as a crash dialog); a server's refusal (with its SQLSTATE) is not."""
    import psycopg
    from psycopg import errors as pg_errors

    bad = psycopg.OperationalError(
        'connection is bad: connection to server at "10.38.1.5", port 5432 failed: Invalid argument'
    )
    error = server_error(OperationalError("SELECT 1", {}, bad), URL)
    assert error is not None
    assert error.message.startswith("连接不上服务器 10.38.1.5:5432：")
    refused = pg_errors.UndefinedTable('relation "organisation" does not exist')
    assert server_error(OperationalError("SELECT 1", {}, refused), URL) is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://pbc_chengtian:s3cret@10.38.1.5:notaport/pbc",
        "postgresql+psycopg://pbc_chengtian:s3cret@[::1/pbc",
        "mysql://pbc_chengtian:s3cret@10.38.1.5/pbc",
        "postgresql+psycopg://pbc_chengtian:s3cret@x9@10.38.1.5/pbc",  # its @ not as %40
    ],
)
def test_an_address_that_cannot_be_read_is_one_sentence_without_the_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, a port that is no number was an internal error (ValueError) and another
    kind of server said the PostgreSQL component was missing."""
    from pbc_desktop.errors import UserError
    from tests.cli.test_cli import run

    with pytest.raises(UserError, match="地址写得不对") as refused:
        split_password(url)
    assert "s3cret" not in refused.value.message and "x9" not in refused.value.message
    for command in (["server", "status"], ["info"]):
        code, out, err = run(capsys, *command, "--db", url)
        assert code == 2
        assert err.startswith("错误：服务器数据库的地址写得不对") and err.count("\n") == 1
        assert "s3cret" not in out + err and "x9" not in out + err


def test_postgres_urls_as_other_programs_write_them_use_this_programs_driver() -> None:
    for scheme in ("postgresql", "postgres", "postgresql+psycopg"):
        assert split_password(f"{scheme}://pbc_chengtian:s3cret@10.38.1.5/pbc") == (
            "postgresql+psycopg://pbc_chengtian@10.38.1.5/pbc",
            "s3cret",
        )


@pytest.mark.server_only("a server connection cut during a long read")
def test_a_connection_lost_during_a_report_is_the_sentence(db: Database) -> None:
    """A report or an export reads in one snapshot: a connection lost in the middle is the
    sentence, as in any other read, never the driver's error (a crash dialog)."""
    killer = create_engine(db.url, poolclass=NullPool)

    def report() -> None:
        with db.snapshot() as s:
            pid = s.scalar(text("SELECT pg_backend_pid()"))
            with killer.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            with db.read() as inner:  # a service's own read inside the report's snapshot
                inner.scalars(select(Organization.name)).all()

    try:
        with pytest.raises(ServerConnectionError, match="连接中断了：") as lost:
            report()
    finally:
        killer.dispose()
    assert "没有保存" not in lost.value.message
    with db.snapshot() as s:  # the next one goes through
        assert s.scalar(text("SELECT 1")) == 1


def test_a_ping_failing_for_a_reason_not_known_is_said_as_lost_not_in_the_drivers_words(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The watch's reason is the banner's tooltip and each refusal meanwhile: a sentence,
    never the driver's text (which goes to the log)."""
    from psycopg import errors as pg_errors

    def connect() -> Any:  # a server too busy to answer within its statement timeout
        raise pg_errors.QueryCanceled("canceling statement due to statement timeout")

    engine = create_engine(URL, creator=connect, poolclass=NullPool)
    watched = Database(URL, engine=engine)
    try:
        with caplog.at_level("INFO"):
            reason = watched.ping()
    finally:
        watched.dispose()
    assert reason == "与服务器 10.38.1.5:5432 的连接中断了：请检查网络，连接恢复后再试。"
    assert "statement timeout" in caplog.text


NEWER = "服务器上的数据库版本比本程序新，请升级本程序。"


def _org_names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Organization.name)))


@pytest.mark.server_only("a newer program's upgrade of a server database in use")
def test_a_save_after_a_newer_programs_upgrade_is_refused_and_writes_nothing(
    db: Database,
) -> None:
    """An administrator upgraded the server with a newer program while this window stayed
    open: its saves would write rows as the old schema had them (a column the new schema
    fills left empty), so each is refused in the sentence given at opening."""
    make_orgs(db, "上底村党支部")
    sql_by_hand(db, "UPDATE alembic_version SET version_num = 'zz99_future'")
    with pytest.raises(DatabaseTooNewError) as refused:
        make_orgs(db, "下底村党支部")
    assert refused.value.message == NEWER
    assert _org_names(db) == ["上底村党支部"]


@pytest.mark.server_only("a newer program's upgrade under way while a save starts")
def test_a_save_during_a_newer_programs_upgrade_waits_for_it_then_is_refused(
    db: Database,
) -> None:
    import threading
    import time

    holder = create_engine(db.url, poolclass=NullPool)
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            make_orgs(db, "下底村党支部")
            outcome.append(None)
        except BaseException as exc:  # the test reads it
            outcome.append(exc)

    try:
        with holder.connect() as upgrade:  # the upgrade under way, not yet committed
            upgrade.execute(text("UPDATE alembic_version SET version_num = 'zz99_future'"))
            job = threading.Thread(target=save)
            job.start()
            waiting = text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'"
            )
            deadline = time.monotonic() + 10
            while not upgrade.scalar(waiting) and time.monotonic() < deadline:
                upgrade.execute(text("SELECT pg_stat_clear_snapshot()"))
                time.sleep(0.05)
            assert job.is_alive()  # the save waits for the upgrade
            upgrade.commit()
            job.join(10)
    finally:
        holder.dispose()
    assert len(outcome) == 1 and isinstance(outcome[0], DatabaseTooNewError), outcome
    assert _org_names(db) == []
