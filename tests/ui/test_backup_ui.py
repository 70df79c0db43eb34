"""File → 备份到… / 恢复…, the automatic backups and the damaged-database dialog."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pbc_desktop import app as app_module
from pbc_desktop import i18n
from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import CopyStoppedError
from pbc_desktop.domain.accounts import SYSTEM
from pbc_desktop.errors import DatabaseDamagedError
from pbc_desktop.services import backup
from pbc_desktop.ui.common.worker import JobOutcome
from pbc_desktop.ui.shell import backup_actions, recovery_dialog
from pbc_desktop.ui.shell.backup_actions import describe, failed
from pbc_desktop.ui.shell.main_window import MainWindow
from pbc_desktop.ui.shell.recovery_dialog import RecoveryDialog
from tests.backup_helpers import (
    add_orgs,
    damage,
    names_in,
    new_database,
    org_names,
    with_office,
)
from tests.qt_helpers import Boxes, sign_ins_as_tester, stub_boxes

pytestmark = pytest.mark.sqlite_only("backups and restores copy the database file")


@pytest.fixture
def office(data_dir: Path) -> Iterator[Database]:
    """The office's database (SQLite in the data folder), with one organization."""
    db = new_database(data_dir / "pbc.sqlite", "上底村党总支")
    yield db
    db.dispose()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


def folder_of(db: Database) -> Path:
    assert db.path is not None
    return db.path.parent


def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def file_menu_texts(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    return [a.text() for a in file_menu.actions()]


def save_dialog(monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> list[str]:
    offered: list[str] = []

    def fake(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return (str(answer) if answer else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return offered


def open_dialog(monkeypatch: pytest.MonkeyPatch, answer: Path | None) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(answer) if answer else "", "")
    )


def backups_in(data_dir: Path, kind: str = backup.AUTO) -> list[Path]:
    return [b.path for b in backup.list_backups(data_dir / "pbc.sqlite") if b.kind == kind]


# -- the menu ---------------------------------------------------------------------------
def test_file_menu_has_backup_and_restore(qtbot: QtBot, office: Database) -> None:
    window = make_window(qtbot, office)
    texts = file_menu_texts(window)
    assert texts.index("&Back up to…") < texts.index("&Restore…") < texts.index("E&xit")
    assert window.backups.action_backup.isEnabled()


def test_back_up_to_a_usb_stick(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, office)
    usb = tmp_path / "U盘"
    usb.mkdir()
    offered = save_dialog(monkeypatch, usb / "上底村备份")
    window.backups.action_backup.trigger()
    copy = usb / "上底村备份.sqlite"
    assert org_names(copy) == ["上底村党总支"]
    assert offered and Path(offered[0]).name.startswith("pbc-manual-")
    assert boxes.shown and str(copy) in boxes.shown[0]
    # the next backup offers the same folder
    offered = save_dialog(monkeypatch, None)
    window.backups.action_backup.trigger()
    assert Path(offered[0]).parent == usb
    assert len(boxes.shown) == 1 and len(list(usb.iterdir())) == 1


def test_back_up_onto_a_file_the_dialog_asked_to_replace(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The save dialog asked before replacing a file that exists: answered Yes, it is
    replaced (a copy never replaces a file nobody was asked about: backup.backup_to)."""
    window = make_window(qtbot, office)
    old = tmp_path / "上周的备份.sqlite"
    new_database(old, "上周的党支部").dispose()
    save_dialog(monkeypatch, old)
    window.backups.action_backup.trigger()
    assert org_names(old) == ["上底村党总支"]
    assert len(boxes.shown) == 1 and str(old) in boxes.shown[0]


def test_a_failed_backup_is_one_sentence(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, office)
    save_dialog(monkeypatch, tmp_path / "pbc.sqlite" / "x.sqlite")  # a folder that is a file
    (tmp_path / "pbc.sqlite").write_text("a file")
    window.backups.action_backup.trigger()
    assert len(boxes.shown) == 1 and "无法写入" in boxes.shown[0]


# -- restore ----------------------------------------------------------------------------
def test_restore_shows_the_contents_asks_and_reopens(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = folder_of(office)
    copy = backup.backup_to(office.path or Path(), tmp_path / "usb.sqlite", by=SYSTEM)
    add_orgs(office, "后来新增的党支部")
    window = make_window(qtbot, office)
    window.show_tab("organizations")
    open_dialog(monkeypatch, copy)
    window.backups.action_restore.trigger()
    question, done = boxes.shown
    assert str(copy) in question and "党组织：1" in question and "党员：0" in question
    assert window.ctx.db is not office
    assert names_in(window.ctx.db) == ["上底村党总支"]
    assert window.current_key() == "organizations"
    kept = backups_in(data_dir, backup.BEFORE_RESTORE)
    assert len(kept) == 1 and str(kept[0]) in done
    assert org_names(kept[0]) == ["上底村党总支", "后来新增的党支部"]


def test_a_backup_replaced_while_its_contents_are_shown_is_not_restored(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The question shows what the backup holds; the file was replaced on the stick while
    it was open (another copy saved under its name) and that one was restored unseen. The
    restore is refused in one sentence, and the database stays as it was."""
    data_dir = folder_of(office)
    usb = tmp_path / "usb.sqlite"
    new_database(usb, "别处的党支部").dispose()
    other = tmp_path / "other.sqlite"
    new_database(other, "又一个党支部").dispose()
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, usb)

    def replaced_while_read(_parent: object, _title: str, text: str) -> bool:
        boxes.shown.append(text)
        other.replace(usb)
        return True

    monkeypatch.setattr(backup_actions.messages, "confirm", replaced_while_read)
    window.backups.action_restore.trigger()
    question, refusal = boxes.shown
    assert str(usb) in question and "党组织：1" in question
    assert refusal == (
        f"备份文件“{usb}”在显示其内容之后被改动或替换了，没有恢复。请重新选择它，核对内容后再恢复。"
    )
    assert window.ctx.db is office and names_in(office) == ["上底村党总支"]
    assert backups_in(data_dir, backup.BEFORE_RESTORE) == []


def test_restore_declined_changes_nothing(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = folder_of(office)
    other = tmp_path / "other.sqlite"
    new_database(other, "别处的党支部").dispose()
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, other)
    boxes.confirm_answer = False
    window.backups.action_restore.trigger()
    assert len(boxes.shown) == 1
    assert window.ctx.db is office and names_in(office) == ["上底村党总支"]
    assert backups_in(data_dir, backup.BEFORE_RESTORE) == []


@pytest.mark.parametrize("answer", [False, True])
def test_restoring_another_offices_database_is_asked_first(
    qtbot: QtBot,
    data_dir: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    """A backup of another office's database replaced this office's without a word: a
    question names both offices first (No, the default, changes nothing)."""
    with_office(data_dir / "pbc.sqlite", "上底村党委", "上底村党总支")
    office = new_database(data_dir / "pbc.sqlite")
    (data_dir / "usb").mkdir()
    theirs = with_office(data_dir / "usb" / "theirs.sqlite", "下底村党委", "下底村党总支")
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, theirs)
    boxes.confirm_answer = answer
    window.backups.action_restore.trigger()
    assert "下底村党委" in boxes.shown[0] and "上底村党委" in boxes.shown[0]
    if not answer:
        assert len(boxes.shown) == 1
        assert window.ctx.db is office and names_in(office) == ["上底村党总支"]
        assert backups_in(data_dir, backup.BEFORE_RESTORE) == []
    else:
        assert names_in(window.ctx.db) == ["下底村党总支"]
        assert len(backups_in(data_dir, backup.BEFORE_RESTORE)) == 1
    window.ctx.db.dispose()


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letter = tmp_path / "通知.sqlite"
    letter.write_bytes(b"a letter, not a database" * 100)
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, letter)
    window.backups.action_restore.trigger()
    assert len(boxes.shown) == 1 and "不是数据库" in boxes.shown[0]
    assert window.ctx.db is office and names_in(office) == ["上底村党总支"]


def test_restoring_the_open_database_onto_itself_is_refused_before_asking(
    qtbot: QtBot, office: Database, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, office.path)
    window.backups.action_restore.trigger()
    assert len(boxes.shown) == 1 and "就是当前的数据库" in boxes.shown[0]  # no question first
    assert window.ctx.db is office and names_in(office) == ["上底村党总支"]


def test_what_a_backup_holds_is_said_in_chinese(
    qapp: QApplication, office: Database, tmp_path: Path
) -> None:
    copy = backup.backup_to(office.path or Path(), tmp_path / "usb.sqlite", by=SYSTEM)
    translators = i18n.install(qapp, "zh")
    try:
        text = describe(backup.inspect_backup(copy))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)  # type: ignore[arg-type]
    assert f"文件：{copy}" in text and "备份时间：" in text and "大小：" in text
    assert "File:" not in text and "Size:" not in text


# -- automatic backups ------------------------------------------------------------------
def test_closing_the_window_backs_up_once_per_change(
    qtbot: QtBot, office: Database, data_dir: Path
) -> None:
    window = make_window(qtbot, office)
    window.close()
    first = backups_in(data_dir)
    assert len(first) == 1 and org_names(first[0]) == ["上底村党总支"]
    again = make_window(qtbot, office)
    again.close()
    assert backups_in(data_dir) == first  # nothing changed: no second copy
    add_orgs(office, "新增的党支部")
    make_window(qtbot, office).close()
    made = backups_in(data_dir)  # the newest of the day is kept
    assert len(made) == 1 and org_names(made[0]) == ["上底村党总支", "新增的党支部"]


def test_daily_check_backs_up_in_the_background(
    qtbot: QtBot, office: Database, data_dir: Path
) -> None:
    window = make_window(qtbot, office)
    assert window.backups.timer.isActive()
    window.backups.check_daily()
    window.backups.wait(10)
    made = backups_in(data_dir)
    assert len(made) == 1
    window.backups.check_daily()  # made just now: not due
    assert not window.backups.running()
    assert backups_in(data_dir) == made


def test_a_failing_automatic_backup_is_logged_not_shown(
    qtbot: QtBot,
    office: Database,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "automatic_backup", broken)
    monkeypatch.setattr(backup, "backup_due", broken)
    window = make_window(qtbot, office)
    with caplog.at_level(logging.ERROR):
        window.backups.check_daily()
        window.close()
    assert not window.isVisible() and boxes.shown == []
    assert "No space left" in caplog.text


def test_opening_another_database_backs_up_the_one_left(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(qtbot, office)
    open_dialog(monkeypatch, tmp_path / "other.sqlite")
    new_database(tmp_path / "other.sqlite", "别处的党支部").dispose()
    sign_ins_as_tester(monkeypatch)  # its tester signs in
    window.action_open.trigger()
    assert window.ctx.db.path == tmp_path / "other.sqlite"
    assert len(backups_in(data_dir)) == 1


# -- start-up with a damaged database ---------------------------------------------------
def click_on(label_part: str, seen: list[RecoveryDialog]) -> Callable[[QMessageBox], int]:
    """A stand-in for ``exec`` that clicks the button whose text contains ``label_part``."""

    def fake_exec(box: QMessageBox) -> int:
        assert isinstance(box, RecoveryDialog)
        seen.append(box)
        button = next(b for b in box.buttons() if label_part in b.text())
        assert isinstance(button, QPushButton)
        button.click()
        return 0

    return fake_exec


def damaged_office(data_dir: Path) -> tuple[Path, Path]:
    path = data_dir / "pbc.sqlite"
    new_database(path, *(f"党支部{i:03d}" for i in range(300))).dispose()
    good = backup.automatic_backup(path, only_if_changed=False)
    assert good is not None
    db = new_database(path, "备份之后新增的党支部")
    db.dispose()
    damage(path)
    return path, good


def test_damaged_database_at_start_up_offers_the_newest_good_backup(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, good = damaged_office(data_dir)
    damaged_bytes = path.read_bytes()
    seen: list[RecoveryDialog] = []
    monkeypatch.setattr(QMessageBox, "exec", click_on("Restore", seen))
    db = recovery_dialog.recover(path, DatabaseDamagedError("数据库文件已损坏"), "测试员")
    assert db is not None
    try:
        assert len(names_in(db)) == 300
    finally:
        db.dispose()
    (dialog,) = seen
    assert dialog.text() == "数据库文件已损坏"
    assert str(good) in dialog.informativeText() and "党组织：300" in dialog.informativeText()
    kept = backups_in(data_dir, backup.BEFORE_RESTORE)
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


def test_damaged_database_without_backups_can_open_another_file_or_quit(
    qtbot: QtBot,
    data_dir: Path,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = data_dir / "pbc.sqlite"
    path.write_bytes(b"not a database" * 300)
    seen: list[RecoveryDialog] = []
    error = DatabaseDamagedError("不是数据库")
    monkeypatch.setattr(QMessageBox, "exec", click_on("Quit", seen))
    assert recovery_dialog.recover(path, error, "测试员") is None
    assert seen[0].restore_button is None and "No good backup" in seen[0].informativeText()

    other = tmp_path / "usb.sqlite"
    new_database(other, "U盘上的党支部").dispose()
    open_dialog(monkeypatch, other)
    monkeypatch.setattr(QMessageBox, "exec", click_on("Open another", seen))
    db = recovery_dialog.recover(path, error, "测试员")
    assert db is not None and db.path == other
    db.dispose()
    assert path.read_bytes() == b"not a database" * 300  # left as it was


def test_the_entry_point_sends_a_damaged_database_to_the_dialog(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _good = damaged_office(data_dir)
    asked: list[str] = []

    def fake_recover(db_path: Path, error: Exception, _actor: str) -> None:
        asked.append(f"{db_path}: {error}")

    monkeypatch.setattr(recovery_dialog, "recover", fake_recover)
    monkeypatch.setattr("pbc_desktop.i18n.install", lambda _app, _lang: [])
    monkeypatch.setattr("pbc_desktop.ui.shell.crash.install", lambda: None)
    monkeypatch.setattr("pbc_desktop.logging_setup.setup_logging", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app_module.main(["--db", str(path)]) == 1
    assert len(asked) == 1 and "已损坏" in asked[0]


def test_an_empty_file_given_as_db_goes_to_the_dialog_not_made_a_new_office(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty file (a copy that failed) was made into a new database that asked for a
    first administrator, as if the office started afresh; File → 打开数据库 the same."""
    path = data_dir / "拷贝.sqlite"
    path.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(recovery_dialog, "recover", lambda p, e, _a: asked.append(str(e)))
    monkeypatch.setattr(  # the first administrator's dialog, had the file been made a database
        "pbc_desktop.ui.accounts.session.sign_in_to", lambda *_a, **_k: None
    )
    monkeypatch.setattr("pbc_desktop.i18n.install", lambda _app, _lang: [])
    monkeypatch.setattr("pbc_desktop.ui.shell.crash.install", lambda: None)
    monkeypatch.setattr("pbc_desktop.logging_setup.setup_logging", lambda: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app_module.main(["--db", str(path)]) == 1
    assert len(asked) == 1 and "是空的（0 字节），不是数据库" in asked[0]
    assert path.stat().st_size == 0
    with pytest.raises(DatabaseDamagedError, match="不是数据库"):
        backup_actions.open_file(path, "测试员")
    assert path.stat().st_size == 0


def test_recovery_dialog_names_the_three_ways_on(qtbot: QtBot, data_dir: Path) -> None:
    path, good_copy = damaged_office(data_dir)
    good = backup.newest_good_backup(path)
    assert good is not None and good.path == good_copy
    error = DatabaseDamagedError(f"数据库文件“{path}”已损坏：完整性检查没有通过。")
    dialog = RecoveryDialog(error, good)
    qtbot.addWidget(dialog)
    dialog.show()
    assert {b.text() for b in dialog.buttons()} == {
        "Restore the backup",
        "Open another file…",
        "Quit",
    }
    assert dialog.defaultButton() is dialog.restore_button
    assert dialog.escapeButton() is dialog.quit_button


def test_cancel_is_quiet_and_a_late_cancel_keeps_the_result(
    qtbot: QtBot,
    office: Database,
    tmp_path: Path,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def stopped(*_args: object, **_kwargs: object) -> Path:
        raise CopyStoppedError

    window = make_window(qtbot, office)
    save_dialog(monkeypatch, tmp_path / "copy.sqlite")
    monkeypatch.setattr(backup, "backup_to", stopped)
    window.backups.action_backup.trigger()
    assert boxes.shown == []
    # Cancel pressed once the restore had already replaced the file: it still counts
    assert not failed(None, JobOutcome(result=tmp_path, cancelled=True))
    assert failed(None, JobOutcome(error=CopyStoppedError(), cancelled=True))
    assert failed(None, JobOutcome(error=DatabaseDamagedError("坏了")))
    assert boxes.shown == ["坏了"]
