"""``pbc server init|upgrade|status`` on the throwaway PostgreSQL server, and a client that
never changes a server's schema: an older one asks for ``pbc server upgrade``, a newer
one asks for a newer program."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pbc_desktop.db.migrate import alembic_config, head_revision, open_database
from pbc_desktop.errors import DatabaseError, DatabaseTooNewError, ServerUpgradeNeededError
from pbc_desktop.services.accounts.sign_in import sign_in
from tests.cli.test_cli import run
from tests.conftest import server_database

pytestmark = pytest.mark.server_only("pbc server works on a PostgreSQL server")

PREVIOUS = "0003"  # a released schema before head


@pytest.fixture
def empty_url() -> str:
    url = server_database("pbc_server_cli")
    assert url is not None
    return url


def by_hand(url: str, statement: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(statement))
    engine.dispose()


def migrate_by_hand(url: str, revision: str) -> None:
    """The schema as an older program's server init left it."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), revision)
        conn.commit()
    engine.dispose()


def init(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> tuple[int, str, str]:
    secret = tmp_path / "admin-password.txt"
    secret.write_text("district-Admin-1\n", encoding="utf-8")
    return run(
        capsys, "server", "init", "--db", url, "--admin", "boss", "--name", "区管理员",
        "--password-file", str(secret),
    )  # fmt: skip


def test_init_then_status_then_upgrade(
    capsys: pytest.CaptureFixture[str], empty_url: str, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "server", "status", "--db", empty_url)
    assert code == 0
    assert "还没有建立" in out and "结构版本：无" in out
    assert "服务器版本：PostgreSQL " in out

    code, out, err = init(capsys, empty_url, tmp_path)
    assert code == 0, err
    assert "管理员账号：boss" in out and "服务器上的数据库已建立" in out

    code, out, _ = run(capsys, "server", "status", "--db", empty_url)
    assert code == 0
    assert f"结构版本：{head_revision()}" in out and "状态：最新" in out

    code, out, _ = run(capsys, "server", "upgrade", "--db", empty_url)
    assert code == 0 and "已是最新版本" in out

    db = open_database(empty_url, create=False)  # what a client does
    try:
        assert sign_in(db, "boss", "district-Admin-1").actor.username == "boss"
    finally:
        db.dispose()

    code, _, err = init(capsys, empty_url, tmp_path)  # a second init changes nothing
    assert code == 2 and "已经建立过" in err


def test_init_takes_the_password_from_standard_input(
    capsys: pytest.CaptureFixture[str], empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("from-a-pipe-1\n"))
    code, _, err = run(
        capsys, "server", "init", "--db", empty_url, "--admin", "boss", "--password-file", "-"
    )
    assert code == 0, err
    db = open_database(empty_url, create=False)
    try:
        assert sign_in(db, "boss", "from-a-pipe-1").actor.username == "boss"
    finally:
        db.dispose()


def test_an_init_without_a_password_leaves_the_database_empty(
    capsys: pytest.CaptureFixture[str], empty_url: str, tmp_path: Path
) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n", encoding="utf-8")
    code, _, err = run(
        capsys, "server", "init", "--db", empty_url, "--admin", "boss", "--password-file",
        str(blank),
    )  # fmt: skip
    assert code == 2 and "第一行是空的" in err
    code, out, _ = run(capsys, "server", "status", "--db", empty_url)
    assert "还没有建立" in out  # no schema without its administrator


def test_a_client_does_not_set_up_an_empty_server_database(
    capsys: pytest.CaptureFixture[str], empty_url: str
) -> None:
    code, _, err = run(capsys, "info", "--db", empty_url)
    assert code == 2
    assert "还没有建立" in err and "pbc server init" in err
    assert err.count("\n") == 1  # one sentence, no traceback


def test_an_older_schema_is_upgraded_only_by_pbc_server_upgrade(
    capsys: pytest.CaptureFixture[str], empty_url: str
) -> None:
    migrate_by_hand(empty_url, PREVIOUS)
    with pytest.raises(ServerUpgradeNeededError, match="pbc server upgrade"):
        open_database(empty_url)
    code, _, err = run(capsys, "info", "--db", empty_url)
    assert code == 2 and "pbc server upgrade" in err and "Traceback" not in err
    code, out, _ = run(capsys, "server", "status", "--db", empty_url)
    assert f"结构版本：{PREVIOUS}" in out and "需要升级" in out

    code, out, err = run(capsys, "server", "upgrade", "--db", empty_url)
    assert code == 0, err
    assert f"从 {PREVIOUS} 升级到 {head_revision()}" in out
    open_database(empty_url, create=False).dispose()  # usable now


def test_a_newer_schema_is_refused_by_every_command(
    capsys: pytest.CaptureFixture[str], empty_url: str, tmp_path: Path
) -> None:
    assert init(capsys, empty_url, tmp_path)[0] == 0
    by_hand(empty_url, "UPDATE alembic_version SET version_num = 'zz99_future'")
    sentence = "服务器上的数据库版本比本程序新，请升级本程序。"
    with pytest.raises(DatabaseTooNewError) as refused:
        open_database(empty_url)
    assert refused.value.message == sentence
    for command_line in (["info"], ["server", "upgrade"]):
        code, _, err = run(capsys, *command_line, "--db", empty_url)
        assert code == 2
        assert err.strip() == f"错误：{sentence}"
    code, out, _ = run(capsys, "server", "status", "--db", empty_url)
    assert code == 0 and "比本程序新" in out


def test_foreign_tables_are_not_taken_over(
    capsys: pytest.CaptureFixture[str], empty_url: str, tmp_path: Path
) -> None:
    by_hand(empty_url, "CREATE TABLE payroll (x INTEGER)")
    code, _, err = init(capsys, empty_url, tmp_path)
    assert code == 2 and "不属于本程序的表" in err


def test_connection_errors_are_one_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import make_url

    from tests.pg_cluster import free_port

    server = make_url(server_database("pbc_server_cli") or "")
    missing = server.set(database="no_such_db").render_as_string(hide_password=False)
    code, _, err = run(capsys, "server", "status", "--db", missing)
    assert code == 2
    assert err.strip() == (
        f"错误：服务器 127.0.0.1:{server.port} 上没有名为“no_such_db”的数据库：请检查数据库名。"
    )
    closed = server.set(port=free_port()).render_as_string(hide_password=False)
    code, _, err = run(capsys, "info", "--db", closed)
    assert code == 2 and "连接不上服务器" in err and err.count("\n") == 1


def test_pbc_server_wants_a_server(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "server", "status", "--db", str(tmp_path / "pbc.sqlite"))
    assert code == 2 and "只用于服务器上的数据库" in err


def test_not_set_up_is_a_database_error(empty_url: str) -> None:
    with pytest.raises(DatabaseError, match="pbc server init"):
        open_database(empty_url, create=False)
