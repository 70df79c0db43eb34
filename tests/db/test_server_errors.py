"""A server's refusals and a lost connection, each one sentence naming what to check,
never the password; a save interrupted by a lost connection is refused and the next one
goes through."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import Organization
from pbc_desktop.db.server import ServerAddress, connect_arguments, server_error, split_password
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import ServerConnectionError
from tests.conftest import server_database
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
            "连接不上服务器 10.38.1.5:5432:请检查网络、服务器地址和端口，以及服务器是否已开机。",
        ),
        (
            "connection failed: connection timeout expired",
            "连接不上服务器 10.38.1.5:5432:请检查网络、服务器地址和端口，以及服务器是否已开机。",
        ),
        (
            "failed to resolve host 'pbc-server': [Errno -2] Name or service not known",
            "连接不上服务器 10.38.1.5:5432:请检查网络、服务器地址和端口，以及服务器是否已开机。",
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
