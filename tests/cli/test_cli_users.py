"""``pbc user``, ``pbc audit verify``, ``--user``/``PBC_PASSWORD`` and ``pbc init --admin``:
each command and each refusal (one sentence, exit 2), and no password in any output."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from pbc_desktop.cli import main
from pbc_desktop.db.engine import Database
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, all_rows_text, db_arg, sql_by_hand
from tests.factories import make_org

NEW = "Village-pass-1"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert TEST_PASSWORD not in out + err and NEW not in out + err
    return code, out, err


@pytest.fixture
def office(db: Database) -> str:
    make_org(db, "甲村党支部", town="成田镇")
    return db_arg(db)


def add_village_account(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    code, out, err = run(
        capsys,
        "user", "add", "li", "--role", "village", "--organization", "甲村党支部",
        "--name", "李书记", "--unit", "甲村党支部", "--db", str(office),
    )  # fmt: skip
    assert code == 0, err
    assert "已新建账号 li" in out


def test_an_administrator_adds_lists_and_disables_accounts(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_village_account(capsys, office, monkeypatch)
    code, out, _ = run(capsys, "user", "list", "--db", str(office))
    assert code == 0
    assert "李书记" in out and "甲村党支部" in out and "需改密码" in out
    code, out, _ = run(capsys, "user", "disable", "li", "--db", str(office))
    assert code == 0 and "已停用账号 li" in out
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    code, _, err = run(capsys, "communities", "--db", str(office), "--user", "li")
    assert code == 2 and "已停用" in err


def test_a_reset_password_must_be_changed_first(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_village_account(capsys, office, monkeypatch)
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    code, _, err = run(capsys, "communities", "--db", str(office), "--user", "li")
    assert code == 2 and "pbc user passwd li" in err
    monkeypatch.setenv("PBC_NEW_PASSWORD", "Mine-now-123")
    code, out, err = run(capsys, "user", "passwd", "li", "--db", str(office), "--user", "li")
    assert code == 0 and "密码已修改" in out, err
    monkeypatch.setenv("PBC_PASSWORD", "Mine-now-123")
    code, _, err = run(capsys, "communities", "--db", str(office), "--user", "li")
    assert code == 0, err


def test_a_village_account_may_not_manage_accounts(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_village_account(capsys, office, monkeypatch)
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    monkeypatch.setenv("PBC_NEW_PASSWORD", "Mine-now-123")
    assert run(capsys, "user", "passwd", "li", "--db", str(office), "--user", "li")[0] == 0
    monkeypatch.setenv("PBC_PASSWORD", "Mine-now-123")
    code, out, err = run(
        capsys, "user", "add", "x", "--role", "viewer", "--db", str(office), "--user", "li"
    )
    assert (code, out) == (2, "")
    assert "没有权限管理账号" in err and "Traceback" not in err
    for command in ("passwd", "disable", "enable"):
        said = set()
        for name in (TEST_ADMIN, "no-such-account"):  # which names exist is not told either
            code, out, err = run(capsys, "user", command, name, "--db", office, "--user", "li")
            assert (code, out) == (2, "") and "没有权限管理账号" in err, command
            said.add(err)
        assert len(said) == 1, command


def test_wrong_password_and_lockout(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PBC_PASSWORD", "not-the-password")
    for _ in range(4):
        code, _, err = run(capsys, "communities", "--db", str(office))
        assert code == 2 and "用户名或密码不正确。密码连续输错 5 次" in err
    code, _, err = run(capsys, "communities", "--db", str(office))
    assert code == 2 and "已锁定" in err
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)  # locked: the right one too
    code, _, err = run(capsys, "communities", "--db", str(office))
    assert code == 2 and "已锁定" in err


def test_refusals_name_what_is_wrong(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PBC_USER")
    code, _, err = run(capsys, "communities", "--db", str(office))
    assert code == 2 and "--user" in err
    monkeypatch.setenv("PBC_USER", TEST_ADMIN)
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    code, _, err = run(
        capsys,
        "user",
        "add",
        "x",
        "--role",
        "village",
        "--organization",
        "没有这个",
        "--db",
        str(office),
    )
    assert code == 2 and "找不到名为“没有这个”的党组织" in err
    code, _, err = run(capsys, "user", "add", "z", "--role", "town", "--db", str(office))
    assert code == 2 and "镇（街道）账号要选择所属镇街" in err
    for role in ("town", "viewer"):  # a town no organization lies in: a typo
        code, _, err = run(
            capsys, "user", "add", "z", "--role", role, "--town", "成田", "--db", str(office)
        )
        assert code == 2 and "没有位于“成田”的党组织。已有的镇街：成田镇" in err
    code, _, err = run(
        capsys, "user", "add", "z", "--role", "viewer", "--town", "成田镇", "--db", str(office)
    )
    assert code == 0, err
    with pytest.raises(SystemExit) as exc:
        main(["user", "add", "y", "--role", "boss", "--db", str(office)])
    assert exc.value.code == 2


def test_a_refusal_of_several_fields_is_one_line(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each field's refusal was printed on a line of its own (a script reading the error
    line saw only the first)."""
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    code, _, err = run(capsys, "user", "add", "", "--role", "district", "--db", str(office))
    assert code == 2
    assert err == "错误：请填写用户名；请填写姓名（最多 60 个字）。\n"


def test_a_new_database_needs_its_first_administrator(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.sqlite"
    monkeypatch.delenv("PBC_USER")
    code, _, err = run(capsys, "init", "--db", str(path))
    assert code == 2 and "--admin" in err
    assert not path.exists()  # nothing left without its administrator
    code, out, err = run(
        capsys,
        "init",
        "--db",
        str(path),
        "--admin",
        "wang",
        "--name",
        "王主任",
        "--unit",
        "区委组织部",
    )
    assert code == 0, err
    assert "管理员账号：wang" in out
    code, _, err = run(capsys, "communities", "--db", str(path), "--user", "wang")
    assert code == 0, err


def test_init_adds_no_account_to_a_database_with_an_administrator(
    capsys: pytest.CaptureFixture[str], db: Database, office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody signs in to ``pbc init``: on a database that has an administrator it only
    upgrades. It made a new district administrator for whoever could run it (a village
    clerk at the office's PC: ``PBC_PASSWORD=x pbc init --admin me``), and set the office up."""
    monkeypatch.delenv("PBC_USER")
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    code, out, err = run(capsys, "init", "--db", office, "--admin", "intruder")
    assert code == 2 and "pbc user add" in err, out
    code, _, err = run(
        capsys, "init", "--db", office, "--office", "甲村", "--level", "village"
    )  # fmt: skip
    assert code == 2 and "pbc office create" in err
    with db.read() as s:
        assert (
            s.execute(text("SELECT count(*) FROM app_user WHERE username = 'intruder'")).scalar()
            == 0
        )
        assert s.execute(text("SELECT count(*) FROM office")).scalar() == 0
    # upgrading, and an --admin that names an existing account (a script run again), go on
    assert run(capsys, "init", "--db", office)[0] == 0
    assert run(capsys, "init", "--db", office, "--admin", TEST_ADMIN)[0] == 0


def test_an_upgraded_database_without_accounts_says_how_to_make_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.backup_helpers import new_database

    path = tmp_path / "old.sqlite"
    new_database(path, "甲村党支部").dispose()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM app_user")  # as a database from before accounts
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "communities", "--db", str(path))
    assert code == 2 and "pbc user add" in err
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    code, _, err = run(capsys, "user", "add", "li", "--role", "village", "--db", str(path))
    assert code == 2 and "还没有管理员" in err  # the first account is an administrator
    code, _, err = run(capsys, "user", "add", "wang", "--role", "district", "--db", str(path))
    assert code == 0, err
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    code, _, err = run(capsys, "communities", "--db", str(path), "--user", "wang")
    assert code == 0, err


def test_audit_verify_intact_edited_and_deleted(
    capsys: pytest.CaptureFixture[str], db: Database, office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_village_account(capsys, office, monkeypatch)
    run(capsys, "user", "disable", "li", "--db", str(office))
    code, out, _ = run(capsys, "audit", "verify", "--db", str(office))
    assert code == 0 and "操作日志完整" in out
    sql_by_hand(db, "UPDATE audit_log SET summary = '改过' WHERE id = 1")
    code, out, _ = run(capsys, "audit", "verify", "--db", str(office))
    assert code == 1 and "第 1 条记录被改动过" in out
    sql_by_hand(db, "DELETE FROM audit_log WHERE id = 1")
    code, out, _ = run(capsys, "audit", "verify", "--db", str(office))
    assert code == 1 and "第 2 条之前" in out


def test_no_password_reaches_the_database_file(
    capsys: pytest.CaptureFixture[str], db: Database, office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_village_account(capsys, office, monkeypatch)
    monkeypatch.setenv("PBC_PASSWORD", "typo-" + TEST_PASSWORD)
    run(capsys, "communities", "--db", str(office))
    dump = all_rows_text(db)
    for secret in (TEST_PASSWORD, NEW, "typo-"):
        assert secret not in dump


def add_own_password_account(
    capsys: pytest.CaptureFixture[str],
    office: str,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    *role: str,
) -> str:
    """An account (``role``: its --role and scope options) that has set its own password, so
    it may act: that password."""
    mine = f"{name}-own-pass-1"
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    code, _, err = run(capsys, "user", "add", name, *role, "--db", str(office))
    assert code == 0, err
    monkeypatch.setenv("PBC_PASSWORD", NEW)
    monkeypatch.setenv("PBC_NEW_PASSWORD", mine)
    code, _, err = run(capsys, "user", "passwd", name, "--db", str(office), "--user", name)
    assert code == 0, err
    monkeypatch.setenv("PBC_PASSWORD", mine)
    monkeypatch.delenv("PBC_NEW_PASSWORD")
    return mine


def test_enable_lets_a_disabled_account_sign_in_again(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = add_own_password_account(capsys, office, monkeypatch, "zhao", "--role", "viewer")
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)
    assert run(capsys, "user", "disable", "zhao", "--db", str(office))[0] == 0
    code, out, _ = run(capsys, "user", "enable", "zhao", "--db", str(office))
    assert code == 0 and "已启用账号 zhao" in out
    monkeypatch.setenv("PBC_PASSWORD", mine)
    code, out, err = run(capsys, "communities", "--db", str(office), "--user", "zhao")
    assert code == 0, err


def test_a_viewer_may_neither_manage_accounts_nor_check_the_audit_log(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_own_password_account(capsys, office, monkeypatch, "zhao", "--role", "viewer")
    # No new password is at hand: the refusal comes before one would be asked for.
    for command in (
        ("user", "add", "x", "--role", "viewer"),
        ("user", "passwd", TEST_ADMIN),
        ("user", "disable", TEST_ADMIN),
        ("user", "list"),
        ("audit", "verify"),
    ):
        code, out, err = run(capsys, *command, "--db", str(office), "--user", "zhao")
        assert (code, out) == (2, ""), command
        assert err.startswith("错误：当前账号（zhao，查看（督查））没有权限"), command
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_messages_in_english(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_own_password_account(capsys, office, monkeypatch, "zhao", "--role", "viewer")
    code, _, err = run(
        capsys, "user", "list", "--lang", "en", "--db", str(office), "--user", "zhao"
    )
    assert code == 2
    assert err.strip() == (
        "Error: The signed-in account (zhao, Viewer (inspection)) may not manage accounts."
    )
    monkeypatch.setenv("PBC_PASSWORD", "not-the-password")
    code, _, err = run(capsys, "info", "--lang", "en", "--db", str(office), "--user", "zhao")
    assert code == 2 and "user name or password is wrong" in err
    monkeypatch.delenv("PBC_USER")
    code, _, err = run(capsys, "info", "--lang", "en", "--db", str(office))
    assert code == 2 and err.startswith("Error: Name the account to act as with --user")
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)
    code, out, _ = run(
        capsys, "audit", "verify", "--lang", "en", "--db", str(office), "--user", TEST_ADMIN
    )
    assert code == 0 and out.startswith("The audit log is intact")


class Terminal:
    """Someone at a terminal answering the prompts in turn (``None``: Ctrl+D)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> None:
        import getpass

        from pbc_desktop.cli import common, database

        self.answers = list(answers)
        self.prompts: list[str] = []
        for module in (common, database):
            monkeypatch.setattr(module, "interactive", lambda: True)
        monkeypatch.setattr("builtins.input", self.answer)
        monkeypatch.setattr(getpass, "getpass", self.answer)
        for name in ("PBC_USER", "PBC_PASSWORD", "PBC_NEW_PASSWORD"):
            monkeypatch.delenv(name, raising=False)

    def answer(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        answer = self.answers.pop(0)
        if answer is None:
            raise EOFError
        return answer


def test_at_a_terminal_the_user_name_and_passwords_are_asked_for(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal(monkeypatch, TEST_ADMIN, TEST_PASSWORD, NEW, NEW)
    code, out, err = run(capsys, "user", "add", "li", "--role", "viewer", "--db", str(office))
    assert code == 0 and "已新建账号 li" in out, err
    assert terminal.prompts == ["用户名：", "密码：", "新密码：", "再输入一次："]
    assert terminal.answers == []
    terminal.answers = [TEST_ADMIN, TEST_PASSWORD, NEW, "Typo-" + NEW]
    code, out, err = run(capsys, "user", "add", "wu", "--role", "viewer", "--db", str(office))
    assert (code, out) == (2, "") and "两次输入的密码不一致" in err
    terminal.answers = [TEST_ADMIN, None]  # Ctrl+D at the password prompt
    code, out, err = run(capsys, "info", "--db", str(office))
    assert code == 2 and "没有输入，命令已取消" in err and "Traceback" not in err


def test_init_at_a_terminal_asks_for_the_first_administrator(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.sqlite"
    terminal = Terminal(monkeypatch, "wang", NEW, NEW)
    code, out, err = run(capsys, "init", "--db", str(path), "--name", "王主任")
    assert code == 0 and "管理员账号：wang" in out, err
    assert terminal.prompts == ["管理员用户名：", "管理员密码：", "再输入一次："]
    terminal.answers = ["wang", NEW]
    code, out, err = run(capsys, "user", "list", "--db", str(path))
    assert code == 0 and "王主任" in out, err


def test_no_password_reaches_the_log_files(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    office: str,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    mine = add_own_password_account(
        capsys, office, monkeypatch, "zhao", "--role", "village", "--organization", "甲村党支部"
    )
    for password in ("typo-" + mine, mine):
        monkeypatch.setenv("PBC_PASSWORD", password)
        run(capsys, "communities", "--db", str(office), "--user", "zhao")
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("PBC_NEW_PASSWORD", "reset-" + NEW)
    assert run(capsys, "user", "passwd", "zhao", "--db", str(office))[0] == 0
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    if db.path is not None:  # the database file and its -wal
        files += db.path.parent.glob("*")
    assert any(p.parent.name == "logs" for p in files)  # the log was written to
    stored = all_rows_text(db)
    for secret in (TEST_PASSWORD, NEW, mine, "reset-"):
        assert secret not in stored
    for path in files:
        if path.is_file():
            text = path.read_bytes()
            for secret in (TEST_PASSWORD, NEW, mine, "reset-"):
                assert secret.encode() not in text, path


def test_scope_options_the_role_cannot_have_are_refused(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never dropped in silence: ``--role district --town X`` made an administrator of the
    whole district for someone meant to look after one town."""
    monkeypatch.setenv("PBC_NEW_PASSWORD", NEW)
    org, town = ["--organization", "甲村党支部"], ["--town", "成田镇"]
    for role, options, words in (
        ("district", town, "--role town --town"),
        ("district", org, "不能指定 --organization 或 --town"),
        ("village", org + town, "不能指定 --town"),
        ("town", town + org, "不能指定 --organization"),
        ("viewer", org + town, "只指定 --organization 和 --town 之一"),
    ):
        code, out, err = run(
            capsys, "user", "add", "z", "--role", role, *options, "--db", str(office)
        )
        assert (code, out) == (2, "") and words in err, (role, err)
    _, out, _ = run(capsys, "user", "list", "--db", str(office))
    assert "\nz " not in out


def test_the_account_s_fields_are_checked_before_its_password_is_asked_for(
    capsys: pytest.CaptureFixture[str], office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = Terminal(monkeypatch, TEST_ADMIN, TEST_PASSWORD)
    code, _, err = run(capsys, "user", "add", "li", "--role", "village", "--db", str(office))
    assert code == 2 and "村（社区）账号要选择所属党组织" in err
    assert terminal.prompts == ["用户名：", "密码："]  # no new password typed in vain
    terminal.answers = [TEST_ADMIN, TEST_PASSWORD]
    code, _, err = run(capsys, "user", "add", "a b", "--role", "viewer", "--db", str(office))
    assert code == 2 and "用户名不能含空格" in err and terminal.answers == []


def test_enter_alone_at_the_password_prompt_is_not_a_wrong_password(
    capsys: pytest.CaptureFixture[str], db: Database, office: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in the sign-in dialog: an empty password cancels, and is not counted towards the
    five wrong passwords that lock the account."""
    terminal = Terminal(monkeypatch, TEST_ADMIN, "")
    code, _, err = run(capsys, "communities", "--db", str(office))
    assert code == 2 and "没有输入密码" in err and terminal.answers == []
    with db.engine.connect() as conn:
        failed = conn.execute(
            text("SELECT failed_sign_ins FROM app_user WHERE username = :name"),
            {"name": TEST_ADMIN},
        ).one()
    assert tuple(failed) == (0,)
