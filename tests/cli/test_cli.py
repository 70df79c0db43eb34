"""The ``pbc`` command line, driven as a user types it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pbc_desktop import __version__
from pbc_desktop.cli import main
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import head_revision, open_database
from pbc_desktop.db.models import Community, CommunityMember, Organization
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, db_arg, server_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@dataclass(frozen=True)
class Demo:
    """The demo district built by ``pbc init --demo``: what --db is given, and its URL."""

    arg: str
    url: str

    def open(self) -> Database:
        return open_database(self.url)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """Built once for the module: in a file, or in a database of its own on the server."""
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    server = server_database("pbc_cli_demo")
    target = Demo(server, server) if server else Demo(str(path), sqlite_url(path))
    with pytest.MonkeyPatch.context() as env:  # the suite's test account, made by init
        env.setenv("PBC_PASSWORD", TEST_PASSWORD)
        args = ["init", "--demo", "--quiet", "--db", target.arg, "--admin", TEST_ADMIN]
        assert main(args) == 0
    return target


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_creates_a_database_in_the_data_folder(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert (data_dir / "pbc.sqlite").exists()
    assert "数据库已就绪" in out


def test_demo_and_info(capsys: pytest.CaptureFixture[str], demo: Demo) -> None:
    code, out, _ = run(capsys, "info", "--db", demo.arg)
    assert code == 0
    db = demo.open()
    with db.read() as s:
        orgs = s.scalar(select(func.count()).select_from(Organization))
        communities = s.scalar(select(func.count()).select_from(Community))
    db.dispose()
    assert f"党组织：{orgs}" in out
    assert f"党建共同体：{communities}" in out
    assert f"结构版本：{head_revision()}" in out


def test_demo_into_a_database_with_records_is_refused(
    capsys: pytest.CaptureFixture[str], demo: Demo, tmp_path: Path
) -> None:
    target = demo.arg  # a file is copied, so a wrong yes would not spoil the others' demo
    if demo.url.startswith("sqlite"):
        copy = tmp_path / "copy.sqlite"
        copy.write_bytes(Path(demo.arg).read_bytes())
        target = str(copy)
    code, _, err = run(capsys, "init", "--demo", "--quiet", "--db", target)
    assert code == 2
    assert "已有数据" in err


def test_communities_filtered_by_town_and_status(
    capsys: pytest.CaptureFixture[str], demo: Demo
) -> None:
    code, out, _ = run(capsys, "communities", "--db", demo.arg, "--town", "红场镇")
    assert code == 0
    db = demo.open()
    with db.read() as s:
        expected = set(
            s.scalars(
                select(Community.name)
                .join(CommunityMember, CommunityMember.community_id == Community.id)
                .join(Organization, Organization.id == CommunityMember.organization_id)
                .where(Organization.town == "红场镇")
            )
        )
    db.dispose()
    listed = {line.split()[0] for line in out.splitlines()[2:-1]}
    assert listed == expected
    assert f"共 {len(expected)} 个党建共同体" in out

    code, out, _ = run(capsys, "communities", "--db", demo.arg, "--status", "运行中")
    assert code == 0
    assert "已申请" not in out and "运行中" in out


def test_unknown_status_is_a_clear_error(capsys: pytest.CaptureFixture[str], demo: Demo) -> None:
    code, out, err = run(capsys, "communities", "--db", demo.arg, "--status", "飞行中")
    assert code == 2
    assert out == ""
    assert "未知的状态“飞行中”" in err


def test_the_demos_own_accounts_act_within_their_scope(
    capsys: pytest.CaptureFixture[str], demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.db.models import User
    from pbc_desktop.services.demo.builder import DEMO_PASSWORD

    monkeypatch.setenv("PBC_PASSWORD", DEMO_PASSWORD)
    listed: dict[str, set[str]] = {}
    for account in ("admin", "zhen"):
        code, out, err = run(capsys, "communities", "--db", demo.arg, "--user", account)
        assert code == 0, err
        listed[account] = {line.split()[0] for line in out.splitlines()[2:-1]}
    db = demo.open()
    with db.read() as s:
        town = s.scalars(select(User.town).where(User.username == "zhen")).one()
        of_the_town = set(
            s.scalars(
                select(Community.name)
                .join(CommunityMember, CommunityMember.community_id == Community.id)
                .join(Organization, Organization.id == CommunityMember.organization_id)
                .where(Organization.town == town)
            )
        )
    db.dispose()
    assert listed["zhen"] == of_the_town and of_the_town < listed["admin"]
    code, out, err = run(capsys, "user", "list", "--db", demo.arg, "--user", "ducha")
    assert (code, out) == (2, "") and "没有权限管理账号" in err


def test_english_messages(capsys: pytest.CaptureFixture[str], demo: Demo) -> None:
    code, out, _ = run(capsys, "communities", "--db", demo.arg, "--lang", "en")
    assert code == 0
    assert "Running" in out and "communities" in out


def test_wrong_arguments_exit_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["init", "--scale", "galaxy"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "错误：命令行参数不正确" in err
    assert "参数 --scale：不能取“galaxy”" in err and "invalid choice" not in err
    assert "pbc init --help" in err
    with pytest.raises(SystemExit) as exc:
        main(["import-members", "--lang", "en", "x.xlsx", "--on-duplicate", "maybe"])
    assert exc.value.code == 2
    assert "Error: wrong arguments" in capsys.readouterr().err


def test_damaged_database_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "info", "--db", str(bad))
    assert code == 2
    assert "不是本程序可用的数据库" in err


def test_a_server_database_is_named_by_its_url_without_a_password(
    capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    code, out, err = run(capsys, "info", "--db", db_arg(db))
    assert code == 0, err
    assert f"数据库：{db.path if db.path is not None else db.url}" in out
    code, _, err = run(
        capsys, "backup", "--db", "postgresql+psycopg://clerk:secret@127.0.0.1:1/pbc"
    )
    assert code == 2 and "只用于数据库文件" in err and "secret" not in err
