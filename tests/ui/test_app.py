"""The main window and the ``pbc-desktop`` entry point."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMenu,
    QSplitter,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.paths import settings_file
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.tab import Navigable, Tab, checked_tab
from pbc_desktop.ui.shell.main_window import MainWindow, migrate_settings
from tests.factories import make_activity, make_community, make_org
from tests.qt_helpers import accelerator, sign_ins_as_tester

QT_OWN_NAMES = {"ScrollLeftButton", "ScrollRightButton"}  # a QTabBar's scroll arrows
TAB_TITLES_ZH = ["概览", "共同体", "党组织", "党员", "发展党员", "活动", "清单", "考核"]


def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def in_use(db: Database) -> None:
    make_activity(db, make_community(db, "共建", [make_org(db, "共建党支部")]))


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tab_widget.tabText(i) for i in range(window.tab_widget.count())]


def accelerator_clashes(window: MainWindow) -> list[str]:
    """Menus (the bar, and each menu's entries) where two visible entries share an Alt key."""
    clashes = []
    groups: list[tuple[str, list[QAction]]] = [("menu bar", window.menuBar().actions())]
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        if isinstance(menu, QMenu):
            groups.append((menu.title(), menu.actions()))
            menus += [a.menu() for a in menu.actions()]
    for name, actions in groups:
        keys: dict[str, str] = {}
        for a in actions:
            if a.isSeparator() or not a.isVisible():
                continue
            key = accelerator(a.text())
            if key is None:
                continue
            if key in keys:
                clashes.append(f"{name}: {keys[key]} / {a.text()}")
            keys[key] = a.text()
    return clashes


def tab_accelerator_clashes(window: MainWindow) -> list[str]:
    """Per tab, two visible buttons or labels sharing an Alt key, or one taking a menu's
    (Alt+D on the 党员 tab went to 删除误录 and 党费 in turn, opening neither)."""
    bar = {accelerator(a.text()): a.text() for a in window.menuBar().actions()}
    clashes = []
    for key in window.tab_keys():
        tab = window.show_tab(key)
        QApplication.processEvents()
        taken: dict[str | None, str] = dict(bar)
        for child in tab.findChildren(QWidget):
            if not isinstance(child, QAbstractButton | QLabel):
                continue
            letter = accelerator(child.text())
            if letter is None or not child.isVisibleTo(window):
                continue
            if letter in taken:
                clashes.append(f"{key}: {taken[letter]} / {child.text()}")
            taken[letter] = child.text()
    return clashes


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_two_keys_of_a_tab_or_its_menus_share_an_alt_letter(
    qtbot: QtBot, db: Database, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "zh":
        request.getfixturevalue("chinese")
    window = make_window(qtbot, db)
    assert tab_accelerator_clashes(window) == []


def test_window_speaks_chinese_and_names_the_database(
    qtbot: QtBot, db: Database, chinese: object
) -> None:
    window = make_window(qtbot, db)
    assert tab_titles(window) == TAB_TITLES_ZH
    menus = [a.text() for a in window.menuBar().actions()]
    assert any("文件" in m for m in menus) and any("帮助" in m for m in menus)
    assert accelerator_clashes(window) == []
    if db.path is not None:
        assert str(db.path) in window._db_label.text()
    assert window.current_key() == "overview"  # a new database: its first steps


def test_english_source_without_translator(qtbot: QtBot, db: Database) -> None:
    window = make_window(qtbot, db)
    assert tab_titles(window)[:3] == ["Overview", "Communities", "Organizations"]


def test_every_tab_opens(qtbot: QtBot, db: Database) -> None:
    window = make_window(qtbot, db)
    for key in window.tab_keys():
        widget = window.show_tab(key)
        assert window.tab_widget.currentWidget() is widget
        assert widget.objectName() == f"{key}Tab"


def test_every_tab_keeps_the_contract_and_the_naming_scheme(qtbot: QtBot, db: Database) -> None:
    window = make_window(qtbot, db)
    for key in window.tab_keys():
        widget = window.show_tab(key)
        assert isinstance(widget, Tab), key
        assert isinstance(widget, Navigable) == (key == "overview"), key
        names = {
            child.objectName()
            for child in widget.findChildren(QWidget)
            if child.objectName()
            and child.objectName() not in QT_OWN_NAMES
            and not child.objectName().startswith("qt_")
        }
        assert names, key
        assert [n for n in names if not n.startswith(key)] == [], key


def test_menu_entries_follow_the_naming_scheme(qtbot: QtBot, db: Database) -> None:
    window = make_window(qtbot, db)
    assert accelerator_clashes(window) == []
    names = []
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        assert isinstance(menu, QMenu)
        names.append(menu.objectName())
        for action in menu.actions():
            if action.isSeparator():
                continue
            names.append(action.objectName())
            if action.menu() is not None:
                menus.append(action.menu())  # a submenu: 文件 → 数据交换
    assert len(names) > 10
    assert {"mainExchangeMenu", "mainExchangeSend", "mainExchangeReceive"} <= set(names)
    assert [n for n in names if not n.startswith("main")] == []
    assert {"mainFileMenu", "mainImportMembers", "mainBackup", "mainAuditLog"} <= set(names)


def test_a_tab_without_the_contract_is_refused() -> None:
    with pytest.raises(TypeError, match="QWidget is not a Tab: no refresh, apply_filters"):
        checked_tab(QWidget())


def test_dashboard_navigation_applies_the_filters(qtbot: QtBot, db: Database) -> None:
    window = make_window(qtbot, db)
    overview = window.show_tab("overview")
    assert isinstance(overview, Navigable)
    overview.navigate.emit("communities", {"town": "成田镇"})
    assert window.current_key() == "communities"
    assert (
        window.tab("communities").findChild(QComboBox, "communitiesTownFilter").currentText()
        == "成田镇"
    )


def test_file_menu_imports_members_on_the_members_tab(qtbot: QtBot, db: Database) -> None:
    from pbc_desktop.ui.members.import_dialog import MemberImportDialog

    window = make_window(qtbot, db)
    assert window.current_key() == "overview"
    window.action_import_members.trigger()
    assert window.current_key() == "members"
    tab = window.tab("members")
    dialog = getattr(tab, "active_dialog", None)
    assert isinstance(dialog, MemberImportDialog)
    dialog.reject()


def test_layout_and_last_tab_are_remembered(qtbot: QtBot, db: Database) -> None:
    in_use(db)  # otherwise the window opens on the first steps
    window = make_window(qtbot, db)
    assert window.isMaximized()  # the offscreen screen is 800 x 600; the default is larger
    window.showNormal()
    window.resize(760, 450)
    size = window.size()
    assert size.height() < 500
    window.show_tab("organizations")
    splitter = window.tab("organizations").findChild(QSplitter)
    assert splitter is not None and splitter.objectName()
    splitter.setSizes([123, 600])
    sizes = splitter.sizes()
    window.close()

    again = make_window(qtbot, db)
    assert again.current_key() == "organizations"
    restored = again.tab("organizations").findChild(QSplitter)
    assert restored is not None and restored.sizes()[0] == sizes[0]
    assert again.height() == size.height()  # widths are clamped to the small screen


def test_splitters_saved_under_old_names_are_migrated(qtbot: QtBot, db: Database) -> None:
    in_use(db)  # otherwise the window opens on the first steps
    window = make_window(qtbot, db)
    window.showNormal()
    window.resize(760, 450)
    window.show_tab("members")
    splitter = window.tab("members").findChild(QSplitter, "membersPostsSplitter")
    assert splitter is not None
    splitter.setSizes([100, 250])
    QApplication.processEvents()
    sizes, state = splitter.sizes(), splitter.saveState()
    window.close()
    # The ini as an older version wrote it: the splitter under its old object name.
    old = QSettings(str(settings_file()), QSettings.Format.IniFormat)
    assert old.value("splitters/membersPostsSplitter") == state
    old.remove("splitters/membersPostsSplitter")
    old.setValue("splitters/memberPostsSplitter", state)
    old.sync()
    del old
    assert "memberPostsSplitter" in settings_file().read_text(encoding="utf-8")

    again = make_window(qtbot, db)
    assert again.current_key() == "members"
    restored = again.tab("members").findChild(QSplitter, "membersPostsSplitter")
    QApplication.processEvents()
    assert restored is not None and restored.sizes()[0] == sizes[0]
    again.close()
    text = settings_file().read_text(encoding="utf-8")
    assert "memberPostsSplitter=" not in text
    assert "membersPostsSplitter=" in text


def test_a_value_under_the_new_name_wins_over_the_old(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("splitters/fundsSplitter", QByteArray(b"old"))
    settings.setValue("splitters/listsFundsSplitter", QByteArray(b"new"))
    migrate_settings(settings)
    assert not settings.contains("splitters/fundsSplitter")
    assert settings.value("splitters/listsFundsSplitter") == QByteArray(b"new")


def test_new_database_from_the_menu(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.ui.accounts.first_admin_dialog import FirstAdminDialog

    def first_admin(dialog: FirstAdminDialog) -> int:
        dialog.ui.nameEdit.setText("王主任")
        dialog.ui.unitEdit.setText("区委组织部")
        dialog.ui.usernameEdit.setText("wang")
        dialog.ui.passwordEdit.setText("Guarded-123")
        dialog.ui.passwordAgainEdit.setText("Guarded-123")
        level = dialog.ui.officeLevelCombo
        level.setCurrentIndex(level.findData(OrgLevel.DISTRICT.value))
        dialog.ui.officeNameEdit.setText("潮南区委组织部")
        dialog.accept()
        return dialog.result()

    window = make_window(qtbot, db)
    target = tmp_path / "second"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(FirstAdminDialog, "exec", first_admin)
    window.action_new.trigger()
    assert window.ctx.db.path == (tmp_path / "second.sqlite")
    assert window.ctx.db.user.username == "wang"  # a new database starts with its admin
    assert "王主任（区委组织部）" in window._user_label.text()
    assert "second.sqlite" in window._db_label.text()
    assert (tmp_path / "second.sqlite").exists()


def test_a_new_database_without_its_administrator_is_not_kept(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from pbc_desktop.ui.accounts.first_admin_dialog import FirstAdminDialog

    window = make_window(qtbot, db)
    said: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "second"), "")
    )
    monkeypatch.setattr(FirstAdminDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    window.action_new.trigger()
    assert window.ctx.db is db and not list(tmp_path.glob("second.sqlite*"))
    assert len(said) == 1 and "not created" in said[0]


def test_opening_a_damaged_file_keeps_the_current_database(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 50)
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.action_open.trigger()
    assert shown and "损坏" in shown[0]
    assert window.ctx.db is db


def test_about_names_the_version(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop import __version__

    window = make_window(qtbot, db)
    shown: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: shown.append(text))
    window.action_about.trigger()
    assert shown and __version__ in shown[0]


def _run_app(args: list[str], data_dir: Path, **kwargs: object) -> subprocess.Popen[str]:
    env = dict(os.environ, PBC_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "pbc_desktop.app", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


def _new_office(path: Path) -> Path:
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from tests.conftest import add_test_admin

    db = open_database(sqlite_url(path))
    add_test_admin(db)  # the app signs in as it (PBC_USER / PBC_PASSWORD)
    db.dispose()
    return path


def test_entry_point_shows_the_window(tmp_path: Path, data_dir: Path) -> None:
    db_file = _new_office(tmp_path / "office.sqlite")
    proc = _run_app(["--db", str(db_file), "--exit-after-show"], data_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.startswith("shown ")
    assert db_file.exists()
    # once shown, the objects alive are left out of the garbage collector's passes (each
    # walked them all holding the interpreter: the window froze beside a background read)
    [settled] = [line for line in out.splitlines() if line.startswith("objects settled ")]
    assert int(settled.split()[-1]) > 100_000


def test_entry_point_signs_in_with_user_and_password_from_the_environment(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import TEST_ADMIN

    db_file = _new_office(tmp_path / "office.sqlite")
    monkeypatch.delenv("PBC_USER")  # the account from --user, its password from PBC_PASSWORD
    proc = _run_app(["--db", str(db_file), "--user", TEST_ADMIN, "--exit-after-show"], data_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.startswith("shown ")


def test_the_password_from_the_environment_is_not_passed_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``PBC_PASSWORD`` signs the window in once and leaves the environment, so a PDF
    viewer or file manager the window starts never inherits it."""
    from pbc_desktop.app import take_password

    monkeypatch.setenv("PBC_PASSWORD", "Secret-pass-1")
    assert take_password() == "Secret-pass-1"
    assert "PBC_PASSWORD" not in os.environ
    assert take_password() is None
    monkeypatch.setenv("PBC_PASSWORD", "")  # empty: no password, the dialog asks
    assert take_password() is None and "PBC_PASSWORD" not in os.environ


def test_second_start_on_the_same_database_hands_over(tmp_path: Path, data_dir: Path) -> None:
    from pbc_desktop.single_instance import server_name

    db_file = _new_office(tmp_path / "office.sqlite")
    first = _run_app(["--db", str(db_file)], data_dir)
    try:
        name = server_name(str(db_file.resolve()))
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            probe = QLocalSocket()
            probe.connectToServer(name)
            if probe.waitForConnected(200):
                probe.disconnectFromServer()
                break
            time.sleep(0.2)
        else:
            pytest.fail("first window never started listening")
        second = _run_app(["--db", str(db_file), "--exit-after-show"], data_dir)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "shown" not in out
        assert first.poll() is None
    finally:
        first.kill()
        first.communicate()


def test_translator_loads_qt_own_strings(chinese: object) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_an_unwritable_data_folder_is_a_message_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop import app as app_module
    from pbc_desktop.ui.common import messages

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("PBC_DATA_DIR", str(blocked))
    monkeypatch.setattr("pbc_desktop.i18n.install", lambda _app, _lang: [])
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: shown.append(text))
    assert app_module.main(["--db", str(tmp_path / "office.sqlite")]) == 2
    assert len(shown) == 1
    assert str(blocked) in shown[0] and "无法写入" in shown[0]
    assert not (tmp_path / "office.sqlite").exists()


def test_a_mistyped_db_is_refused_not_created(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop import app as app_module
    from pbc_desktop.ui.common import messages

    monkeypatch.setattr("pbc_desktop.i18n.install", lambda _app, _lang: [])
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _parent, _title, text: shown.append(text))
    typo = tmp_path / "offcie.sqlite"
    assert app_module.main(["--db", str(typo)]) == 2
    assert len(shown) == 1 and str(typo) in shown[0] and "找不到数据库文件" in shown[0]
    assert not typo.exists()


def test_opening_a_read_only_file_says_so_and_keeps_the_current_database(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.backup_helpers import new_database

    window = make_window(qtbot, db)
    locked = tmp_path / "只读.sqlite"
    new_database(locked, "上底村党总支").dispose()
    locked.chmod(0o444)
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(locked), ""))
    window.action_open.trigger()
    assert len(shown) == 1 and "只读" in shown[0] and str(locked) in shown[0]
    assert window.ctx.db is db


def test_opening_a_file_with_a_foreign_wal_says_it_was_set_aside(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At start the notice is shown; File → Open set the -wal aside without a word."""
    import shutil

    from tests.backup_helpers import names_in, new_database
    from tests.db.test_stale_wal import leave_beside, wal_left_by

    old = tmp_path / "old" / "pbc.sqlite"
    old.parent.mkdir()
    new_database(old, "旧村").dispose()
    wal, shm = wal_left_by(old, *[f"别村{i}" for i in range(50)])
    good = tmp_path / "good.sqlite"
    new_database(good, "好村党支部").dispose()
    office = tmp_path / "office" / "pbc.sqlite"
    office.parent.mkdir()
    shutil.copyfile(good, office)
    leave_beside(office, wal, shm)

    window = make_window(qtbot, db)
    shown: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(office), ""))
    sign_ins_as_tester(monkeypatch)  # the office's tester signs in
    window.action_open.trigger()
    assert window.ctx.db.path == office and names_in(window.ctx.db) == ["好村党支部"]
    assert len(shown) == 1
    assert "不属于它的临时日志文件" in shown[0] and "pbc.sqlite-wal.foreign-" in shown[0]
    assert len(list(office.parent.glob("pbc.sqlite-wal.foreign-*"))) == 1


def test_the_community_detail_opens_on_its_member_organizations_in_chinese(
    qtbot: QtBot, db: Database, chinese: object
) -> None:
    from pbc_desktop.ui.communities.tab import CommunitiesTab

    window = make_window(qtbot, db)
    tab = window.show_tab("communities")
    assert isinstance(tab, CommunitiesTab)
    assert tab.detail_tabs.tabText(0) == "成员单位"  # not 成员单位数, the table's count column


@pytest.mark.server_only("the window on a server's database")
def test_entry_point_opens_a_server_database(db: Database, data_dir: Path) -> None:
    """``pbc-desktop --db postgresql+psycopg://…``: connected, signed in (PBC_USER,
    PBC_PASSWORD), the window shown."""
    proc = _run_app(["--db", db.url, "--exit-after-show"], data_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out.startswith("shown ")
