"""``pbc backup`` and ``pbc restore``, typed as an office's IT staff would."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pbc_desktop.cli import main
from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import head_revision, open_database
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.single_instance import InstanceServer, server_name
from tests.backup_helpers import (
    add_orgs,
    both_copying_at_once,
    damage,
    integrity,
    new_database,
    org_names,
    with_office,
)
from tests.conftest import TEST_PASSWORD, add_account

pytestmark = pytest.mark.sqlite_only("backups and restores copy the database file")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office_db(data_dir: Path) -> Path:
    """The office's database in the data folder, with one organization."""
    path = data_dir / "pbc.sqlite"
    new_database(path, "上底村党总支").dispose()
    return path


def test_backup_into_the_backups_folder(
    capsys: pytest.CaptureFixture[str], office_db: Path, data_dir: Path
) -> None:
    code, out, err = run(capsys, "backup")
    assert (code, err) == (0, "")
    written = Path(out.strip())
    assert written.parent == data_dir / "backups"
    assert written.name.startswith("pbc-auto-") and org_names(written) == ["上底村党总支"]
    code, out, _ = run(capsys, "backup")  # asked for: written even if nothing changed
    assert code == 0 and Path(out.strip()).exists()


def test_backup_to_a_usb_stick(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "U盘"
    usb.mkdir()
    code, out, _ = run(capsys, "backup", "--to", str(usb))
    assert code == 0
    written = Path(out.strip())
    assert written.parent == usb and written.name.startswith("pbc-manual-")
    assert org_names(written) == ["上底村党总支"]


def test_backup_to_a_file_name(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    """``--to`` names the copy's file (as the window's 备份到… and the service take it);
    one that exists is refused in one sentence and left as it was."""
    usb = tmp_path / "U盘"
    usb.mkdir()
    target = usb / "上底村-2026.sqlite"
    code, out, err = run(capsys, "backup", "--to", str(target))
    assert (code, err) == (0, ""), err
    assert Path(out.strip()) == target.resolve() and org_names(target) == ["上底村党总支"]
    kept = target.read_bytes()
    code, out, err = run(capsys, "backup", "--to", str(target))
    assert code == 2 and out == ""
    assert err == f"错误：文件“{target}”已存在，不会覆盖它；请换一个文件名。\n"
    assert target.read_bytes() == kept and sorted(usb.iterdir()) == [target]
    code, _, err = run(capsys, "backup", "--to", str(tmp_path / "no-stick" / "pbc.sqlite"))
    assert code == 2 and "U 盘" in err and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main(["backup", "--help"])
    assert ".sqlite" in capsys.readouterr().out


def test_two_backups_to_the_same_file_at_once_never_overwrite_one_another(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two ``pbc backup --to X.sqlite`` started at the same instant (a scheduled task and
    a clerk's): both found no X.sqlite, and the second copy silently replaced the first.
    One writes it, the other is refused in one sentence (status 2), as for a file that
    existed from the start; the file left is a whole, sound copy."""
    usb = tmp_path / "U盘"
    usb.mkdir()
    target = usb / "上底村.sqlite"
    both_copying_at_once(monkeypatch, usb)  # both past the check that --to is not there
    codes: list[int] = []

    def one_run() -> None:
        codes.append(main(["backup", "--to", str(target)]))

    runs = [threading.Thread(target=one_run) for _ in range(2)]
    for each in runs:
        each.start()
    for each in runs:
        each.join(60)
    out, err = capsys.readouterr()
    assert sorted(codes) == [0, 2]
    assert out == f"{target.resolve()}\n"
    assert err == f"错误：文件“{target}”已存在，不会覆盖它；请换一个文件名。\n"
    assert org_names(target) == ["上底村党总支"] and integrity(target) == "ok"
    assert sorted(usb.iterdir()) == [target]  # no part file of the refused copy


def test_backup_refusals_are_one_sentence(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "backup", "--to", str(tmp_path / "no-stick"))
    assert code == 2 and out == ""
    assert err.startswith("错误：文件夹") and "U 盘" in err and err.count("\n") == 1
    code, _, err = run(capsys, "backup", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "找不到数据库文件" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_restore_shows_the_contents_and_the_kept_copy(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path, data_dir: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    _, out, _ = run(capsys, "backup", "--to", str(usb))
    copy = Path(out.strip())
    db = new_database(office_db, "后来新增的党支部")
    add_orgs(db, "又一个党支部")
    db.dispose()
    code, out, err = run(capsys, "restore", str(copy), "--yes")
    assert (code, err) == (0, "")
    assert f"备份文件：{copy}" in out
    assert "党组织：1" in out and f"结构版本：{head_revision()}" in out
    kept = Path(out.strip().splitlines()[-1].split("：", 1)[1])
    assert kept.parent == data_dir / "backups" and "before-restore" in kept.name
    assert org_names(kept) == ["上底村党总支", "又一个党支部", "后来新增的党支部"]
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_asks_first(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "other.sqlite"
    new_database(other, "别处的党支部").dispose()
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, out, err = run(capsys, "restore", str(other), "--lang", "en")
    assert code == 2 and "Nothing was restored" in err and "organizations: 1" in out
    assert org_names(office_db) == ["上底村党总支"]
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, _ = run(capsys, "restore", str(other), "--lang", "en")
    assert code == 0 and "The previous database was kept as" in out
    assert org_names(office_db) == ["别处的党支部"]


def test_restore_without_a_terminal_needs_yes(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    new_database(other, "别处的党支部").dispose()
    code, _, err = run(capsys, "restore", str(other))  # stdin is not a terminal under pytest
    assert code == 2 and "--yes" in err
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_of_another_offices_database_needs_other_office(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    """A backup of another office's database (another own office in it) was restored
    without a word, as the window did: this office's records, and its office, were gone
    from the database. It is refused, naming both offices, unless --other-office."""
    with_office(office_db, "上底村党委")
    usb = tmp_path / "usb"
    usb.mkdir()
    _, out, _ = run(capsys, "backup", "--to", str(usb))
    ours = Path(out.strip())
    theirs = with_office(tmp_path / "theirs.sqlite", "下底村党委", "下底村党总支")
    code, out, err = run(capsys, "restore", str(theirs), "--yes")
    assert code == 2 and "下底村党委" in err and "上底村党委" in err and "--other-office" in err
    assert "Traceback" not in err and err.strip().count("\n") == 0
    assert org_names(office_db) == ["上底村党总支"]
    code, out, err = run(capsys, "restore", str(ours), "--yes")  # its own office's backup
    assert (code, err) == (0, "")
    code, out, err = run(capsys, "restore", str(theirs), "--yes", "--other-office")
    assert code == 0, err
    assert org_names(office_db) == ["下底村党总支"]


class Terminal(io.StringIO):
    """Standard input typed at a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def two_offices(office_db: Path, tmp_path: Path) -> Path:
    """This office's database, 上底村党委's, and a backup of 下底村党委's (returned)."""
    with_office(office_db, "上底村党委")
    return with_office(tmp_path / "theirs.sqlite", "下底村党委", "下底村党总支")


def at_a_terminal(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Standard input and output at a terminal; ``input`` gives ``answers`` in turn (Ctrl+D
    after them) and the questions asked are returned."""
    asked: list[str] = []
    given = iter(answers)

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        try:
            return next(given)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", typed)
    return asked


@pytest.mark.parametrize("answer", ["", "n", "否"])
def test_restore_of_another_offices_database_at_a_terminal_asks_no_by_default(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    two_offices: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    """At a terminal, another office's backup was refused as in a script (add
    --other-office and run it again): the window's question is asked instead, naming both
    offices; Enter (No) restores nothing."""
    asked = at_a_terminal(monkeypatch, answer)
    code, out, err = run(capsys, "restore", str(two_offices), "--yes")
    assert len(asked) == 1 and asked[0].endswith("仍要恢复吗？ [y/N] ")
    assert (
        "下底村党委" in asked[0] and "上底村党委" in asked[0] and "--other-office" not in asked[0]
    )
    assert code == 2 and err == "错误：没有恢复。\n"
    assert "党组织：1" in out  # what the backup holds was shown first
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_of_another_offices_database_at_a_terminal_answered_yes(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    two_offices: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = at_a_terminal(monkeypatch, "y", "y")  # the office, then replacing the database
    code, out, err = run(capsys, "restore", str(two_offices), "--lang", "en")
    assert (code, err) == (0, ""), err
    assert "The previous database was kept as" in out
    assert asked[0].startswith("This backup is the database of another office, “下底村党委”")
    assert asked[0].endswith("Restore it all the same? [y/N] ")
    assert asked[1].startswith("Replace the database") and len(asked) == 2
    assert org_names(office_db) == ["下底村党总支"]


def test_restore_asks_its_two_questions_alike(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    two_offices: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another office's backup, then replacing the database: each question ends "？ [y/N] "
    (the second had no space before "[y/N]")."""
    asked = at_a_terminal(monkeypatch, "y", "y")
    code, _out, err = run(capsys, "restore", str(two_offices))
    assert (code, err) == (0, ""), err
    assert len(asked) == 2
    assert asked[0].endswith("仍要恢复吗？ [y/N] ")
    assert asked[1] == f"用这个备份替换数据库“{office_db}”吗？ [y/N] "


def test_restore_of_another_offices_database_asks_only_with_a_terminal_both_ways(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    two_offices: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Typed at a terminal but its output piped to a file, or Ctrl+D at the question:
    refused, nothing restored."""
    asked = at_a_terminal(monkeypatch)  # Ctrl+D
    code, _, err = run(capsys, "restore", str(two_offices), "--yes")
    assert code == 2 and len(asked) == 1 and "命令已取消" in err
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    code, _, err = run(capsys, "restore", str(two_offices), "--yes")
    assert code == 2 and len(asked) == 1 and "--other-office" in err
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_of_a_backup_replaced_while_the_question_waits_is_refused(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    usb = tmp_path / "usb.sqlite"
    new_database(usb, "别处的党支部").dispose()
    other = tmp_path / "other.sqlite"
    new_database(other, "又一个党支部").dispose()

    def replaced_then_yes(_prompt: str = "") -> str:
        other.replace(usb)
        return "y"

    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr("builtins.input", replaced_then_yes)
    code, _, err = run(capsys, "restore", str(usb))
    assert code == 2 and "在显示其内容之后被改动或替换了，没有恢复" in err
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_refuses_a_file_that_is_not_a_backup(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    letter = tmp_path / "通知.docx"
    letter.write_bytes(b"PK\x03\x04 a Word document" * 50)
    code, out, err = run(capsys, "restore", str(letter), "--yes")
    assert code == 2 and out == ""
    assert "不是数据库" in err and err.count("\n") == 1
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_refuses_the_database_itself_or_a_folder_before_listing(
    capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "restore", str(office_db), "--yes")
    assert (code, out) == (2, "") and "就是当前的数据库" in err
    code, out, err = run(capsys, "restore", str(tmp_path), "--yes")
    assert (code, out) == (2, "") and "是一个文件夹" in err and err.count("\n") == 1
    assert org_names(office_db) == ["上底村党总支"]


def test_a_damaged_backup_is_one_sentence_on_screen_and_the_details_in_the_log(
    office_db: Path, tmp_path: Path, data_dir: Path
) -> None:
    broken = tmp_path / "broken.sqlite"
    new_database(broken, *(f"党支部{i}" for i in range(500))).dispose()
    damage(broken)
    env = dict(os.environ, PBC_DATA_DIR=str(data_dir))
    done = subprocess.run(
        [sys.executable, "-m", "pbc_desktop.cli", "restore", str(broken), "--yes"],
        env=env,
        capture_output=True,
        check=False,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("错误：文件") and done.stderr.count("\n") == 1, done.stderr
    logged = (data_dir / "logs" / "pbc-desktop.log").read_text(encoding="utf-8")
    assert "WARNING pbc_desktop.services.backup: " in logged and str(broken) in logged
    assert org_names(office_db) == ["上底村党总支"]


def test_restore_refuses_while_a_window_has_the_database(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], office_db: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    new_database(other, "别处的党支部").dispose()
    window = InstanceServer(server_name(str(office_db)))  # what a window on it listens to
    try:
        with qtbot.waitSignal(window.activated, timeout=3000):  # and it comes to the front
            code, out, err = run(capsys, "restore", str(other), "--yes")
    finally:
        window.close()
    assert (code, out) == (2, "") and "关闭窗口" in err
    assert org_names(office_db) == ["上底村党总支"]
    code, _, _ = run(capsys, "restore", str(other), "--yes")
    assert code == 0 and org_names(office_db) == ["别处的党支部"]


def test_backup_and_restore_act_as_a_signed_in_account(
    capsys: pytest.CaptureFixture[str],
    office_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "other.sqlite"
    new_database(other, "别处的党支部").dispose()
    db = open_database(sqlite_url(office_db))
    add_account(db, "ducha", UserRole.VIEWER)
    db.dispose()
    monkeypatch.setenv("PBC_PASSWORD", "not-the-password")
    for command in (("backup",), ("restore", str(other), "--yes")):
        code, out, err = run(capsys, *command)
        assert (code, out) == (2, "") and "用户名或密码不正确" in err, command
    assert not list((office_db.parent / "backups").glob("*auto*"))  # no copy taken
    monkeypatch.setenv("PBC_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("PBC_USER", "ducha")  # a viewer has the program's own copy made
    code, out, err = run(capsys, "backup")
    assert code == 0 and Path(out.strip()).is_file(), err
    usb = tmp_path / "U盘"
    usb.mkdir()
    code, out, err = run(capsys, "backup", "--to", str(usb))  # but takes none away
    assert (code, out) == (2, "") and "ducha" in err and err.count("\n") == 1
    assert list(usb.iterdir()) == []
    code, out, err = run(capsys, "restore", str(other), "--yes")  # but replaces nothing
    assert (code, out) == (2, "") and "没有权限" in err and err.count("\n") == 1
    assert org_names(office_db) == ["上底村党总支"]


def test_a_damaged_database_is_restored_without_signing_in(
    capsys: pytest.CaptureFixture[str], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "pbc.sqlite"
    new_database(path, *(f"党支部{i:03d}" for i in range(300))).dispose()
    code, out, err = run(capsys, "backup")
    assert code == 0, err
    good = Path(out.strip())
    damage(path)
    monkeypatch.delenv("PBC_USER")  # no one can sign in to a damaged file
    monkeypatch.delenv("PBC_PASSWORD")
    code, out, err = run(capsys, "restore", str(good), "--yes")
    assert (code, err) == (0, ""), err
    assert len(org_names(path)) == 300
