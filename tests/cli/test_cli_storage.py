"""Where the database lives going wrong: a mistyped --db, a read-only file, a data folder
that cannot be written, a full disk, a write-protected USB stick, leftover copies and
file permissions. Every refusal is one sentence and status 2, never a traceback."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pbc_desktop.db import migrate
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.domain.accounts import SYSTEM
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import DiskFullError, UserError
from pbc_desktop.services import backup
from pbc_desktop.services.organizations import OrgInput, create_organization
from tests.backup_helpers import new_database, org_names
from tests.factories import make_id
from tests.import_factories import write_roster
from tests.storage_helpers import REPO, fill, one_sentence, read_only, run_pbc, small_disk

pytestmark = pytest.mark.sqlite_only(
    "where the database file lives: folders, permissions, full disks"
)

ORG = "上底村党总支"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def roster(tmp_path: Path) -> Path:
    return write_roster(
        tmp_path / "名册.xlsx", [("张三", "男", make_id("19850302"), "", "", "", "", ORG)]
    )


# -- a mistyped --db (item 23) -----------------------------------------------------------
@pytest.mark.parametrize("command", ["info", "communities", "import-members", "backup"])
def test_a_mistyped_db_is_an_error_not_a_new_database(
    tmp_path: Path, data_dir: Path, command: str
) -> None:
    typo = tmp_path / "offcie.sqlite"
    extra = [str(roster(tmp_path))] if command == "import-members" else []
    code, out, err = run_pbc(data_dir, command, *extra, "--db", str(typo))
    assert (code, out) == (2, "")
    assert str(typo) in one_sentence(err)
    assert not typo.exists()


def test_init_still_creates_a_database(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "新建.sqlite"
    code, _, err = run_pbc(data_dir, "init", "--db", str(path))
    assert code == 0, err
    assert path.is_file()


# -- a read-only file, a data folder that cannot be written (item 17) ----------------------
def test_a_read_only_database_is_refused_for_writing_and_only_read_for_info(
    tmp_path: Path, data_dir: Path
) -> None:
    path = tmp_path / "只读.sqlite"
    new_database(path, ORG).dispose()
    path.chmod(0o444)
    before = path.read_bytes()
    code, out, err = run_pbc(data_dir, "import-members", str(roster(tmp_path)), "--db", str(path))
    assert (code, out) == (2, "")
    assert "只读" in one_sentence(err) and str(path) in err
    code, out, err = run_pbc(data_dir, "info", "--db", str(path))
    assert code == 0, err
    assert "党组织：1" in out and "只读取" in err and "Traceback" not in err
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_data_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    office = tmp_path / "office.sqlite"
    new_database(office, ORG).dispose()
    for args in (["info"], ["import-members", str(roster(tmp_path)), "--db", str(office)]):
        code, out, err = run_pbc(blocked, *args)
        assert (code, out) == (2, "")
        sentence = one_sentence(err)
        assert str(blocked) in sentence and "数据文件夹" in sentence
    code, out, err = run_pbc(blocked, "info", "--db", str(office))  # needs nothing else
    assert code == 0, err
    assert "党组织：1" in out
    # The note names the data folder as the reason, not the database file (which is fine).
    assert "数据文件夹" in err
    assert "数据库文件" not in err


# -- a full disk (items 17 and 18) -------------------------------------------------------
def add_many_organizations(db: Database) -> None:
    for i in range(200):
        create_organization(
            db,
            OrgInput(
                name=f"党支部{i}",
                kind=OrgKind.BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
                town="成田镇",
                remark="备注" * 400,
            ),
        )


def test_a_full_disk_while_writing_says_so(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db = open_database(sqlite_url(disk / "pbc.sqlite"), backup_dir=tmp_path / "backups")
        try:
            fill(disk)
            with pytest.raises(DiskFullError) as refused:
                add_many_organizations(db)
        finally:
            db.dispose()
    assert "磁盘已满" in refused.value.message


def test_a_full_disk_at_open_is_not_called_damaged(tmp_path: Path, data_dir: Path) -> None:
    good = tmp_path / "good.sqlite"
    new_database(good, ORG).dispose()
    with small_disk(tmp_path / "disk") as disk:
        office = disk / "pbc.sqlite"
        shutil.copyfile(good, office)
        fill(disk)
        code, out, err = run_pbc(data_dir, "info", "--db", str(office))
        assert (code, out) == (2, "")
        sentence = one_sentence(err)
        assert "磁盘已满" in sentence and "损坏" not in sentence
    assert org_names(good) == [ORG]


def test_a_full_disk_at_start_up_offers_no_restore(
    qtbot: object, tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop import app as app_module
    from pbc_desktop.ui.common import messages
    from pbc_desktop.ui.shell import recovery_dialog

    good = tmp_path / "good.sqlite"
    new_database(good, ORG).dispose()
    monkeypatch.setattr("pbc_desktop.i18n.install", lambda _app, _lang: [])
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_user_error", lambda _p, exc: shown.append(exc.message))

    def no_recovery(*_args: object) -> None:
        raise AssertionError("the recovery dialog (restore by default) was offered")

    monkeypatch.setattr(recovery_dialog, "recover", no_recovery)
    with small_disk(tmp_path / "disk") as disk:
        office = disk / "pbc.sqlite"
        shutil.copyfile(good, office)
        fill(disk)
        assert app_module.main(["--db", str(office)]) == 1
    assert len(shown) == 1 and "磁盘已满" in shown[0]


# -- backup --to: the real cause (item 22) ------------------------------------------------
def test_backup_to_a_write_protected_stick_says_read_only(tmp_path: Path, data_dir: Path) -> None:
    office = data_dir / "pbc.sqlite"
    new_database(office, ORG).dispose()
    with small_disk(tmp_path / "usb") as usb:
        read_only(usb)
        code, out, err = run_pbc(data_dir, "backup", "--to", str(usb))
    assert (code, out) == (2, "")
    sentence = one_sentence(err)
    assert "只读" in sentence and "磁盘空间" not in sentence


def test_backup_to_a_full_stick_says_full(tmp_path: Path, data_dir: Path) -> None:
    office = data_dir / "pbc.sqlite"
    new_database(office, *[f"党支部{i}" for i in range(300)]).dispose()
    with small_disk(tmp_path / "usb", "256k") as usb:
        fill(usb)
        code, out, err = run_pbc(data_dir, "backup", "--to", str(usb))
        assert not [p for p in usb.iterdir() if p.name != "filler.bin"]  # nothing half-done
    assert (code, out) == (2, "")
    assert "已满" in one_sentence(err)


@pytest.mark.parametrize("command", ["export-members", "export-template"])
def test_a_workbook_on_a_full_disk_is_one_sentence_without_a_traceback(
    tmp_path: Path, data_dir: Path, command: str
) -> None:
    """openpyxl left its zip open after the failed write; at exit Python printed a second
    "No space left on device" traceback under the sentence."""
    office = data_dir / "pbc.sqlite"
    new_database(office, ORG).dispose()
    with small_disk(tmp_path / "usb", "256k") as usb:
        fill(usb)
        code, out, err = run_pbc(data_dir, command, str(usb / "名册.xlsx"))
        assert sorted(p.name for p in usb.iterdir()) == ["filler.bin"]
    assert (code, out) == (2, "")
    assert "磁盘已满" in one_sentence(err)


def test_backup_to_a_folder_without_permission_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office = tmp_path / "pbc.sqlite"
    new_database(office, ORG).dispose()
    usb = tmp_path / "usb"
    usb.mkdir()

    def denied(path: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(migrate, "create_private", denied)
    with pytest.raises(UserError) as refused:
        backup.backup_to(office, usb, by=SYSTEM)
    assert "权限" in refused.value.message and "磁盘空间" not in refused.value.message
    assert str(usb) in refused.value.message


# -- leftovers of killed copies (item 15) -------------------------------------------------
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_copies_left_by_a_killed_backup_or_restore_are_removed_at_the_next_start(
    tmp_path: Path, data_dir: Path
) -> None:
    office = data_dir / "pbc.sqlite"
    new_database(office, ORG).dispose()
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    gone = dead_pid()
    left = [
        backups / f".pbc-auto-20261201-101010.sqlite.{gone}-0123abcd.part",
        backups / f".pbc-auto-20261201-101010.sqlite.{gone}-0123abcd.part-journal",
        data_dir / f".pbc.sqlite.restore-{gone}-89abcdef.sqlite",
    ]
    running = backups / f".pbc-auto-20261201-111111.sqlite.{os.getpid()}-fedcba98.part"
    for path in [*left, running]:
        path.write_bytes(b"personal data" * 100)
    code, _, err = run_pbc(data_dir, "info")
    assert code == 0, err
    assert [p for p in left if p.exists()] == []
    assert running.exists()  # this process is still writing it
    # the window cleans up too
    left[0].write_bytes(b"personal data")
    env = dict(os.environ, PBC_DATA_DIR=str(data_dir), PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-m", "pbc_desktop.app", "--exit-after-show"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert not left[0].exists() and running.exists()


# -- permissions (item 16) -----------------------------------------------------------------
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_data_folder_database_and_backups_are_private(data_dir: Path) -> None:
    data_dir.chmod(0o755)
    code, _, err = run_pbc(data_dir, "init")
    assert code == 0, err
    code, out, err = run_pbc(data_dir, "backup")
    assert code == 0, err
    office = data_dir / "pbc.sqlite"
    assert mode(data_dir) == 0o700
    assert mode(office) == 0o600
    for folder in ("backups", "logs"):
        assert mode(data_dir / folder) == 0o700
    assert mode(Path(out.strip())) == 0o600
    logs = list((data_dir / "logs").glob("*.log"))
    assert logs
    assert all(mode(log) == 0o600 for log in logs)
    db = open_database(sqlite_url(office))
    try:
        with db.write() as s:
            s.connection()
        assert mode(office.with_name("pbc.sqlite-wal")) == 0o600
        assert mode(office.with_name("pbc.sqlite-shm")) == 0o600
    finally:
        db.dispose()
