"""The window's people: first administrator, sign-in, wrong password and lockout, a forced
password change, switch user, the idle lock, and what a village account's tabs show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.domain.enums import OrgLevel, UserRole
from pbc_desktop.errors import SignInError
from pbc_desktop.paths import demo_db_path
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.sign_in import sign_in
from pbc_desktop.services.demo.builder import DEMO_ACCOUNTS, DEMO_PASSWORD
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.accounts import session
from pbc_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog
from pbc_desktop.ui.accounts.first_admin_dialog import FirstAdminDialog
from pbc_desktop.ui.accounts.idle_lock import LockCover
from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.exchange.office_dialog import OfficeSetupDialog
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, add_test_admin
from tests.factories import make_org
from tests.scope_factories import TwoTowns, two_towns

Filler = Callable[[QDialog], int]


def answering(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Filler) -> list[QDialog]:
    """Replace ``cls.exec`` by ``fill`` (which types and presses OK); the dialogs shown."""
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        shown.append(dialog)
        return fill(dialog)

    monkeypatch.setattr(cls, "exec", run)
    return shown


def typed(name: str, password: str) -> Filler:
    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        if not dialog.ui.usernameEdit.isReadOnly():
            dialog.ui.usernameEdit.setText(name)
        dialog.ui.passwordEdit.setText(password)
        dialog.accept()
        return dialog.result()

    return fill


def test_a_new_database_asks_for_its_first_administrator(
    qtbot: QtBot, db_url: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = open_database(db_url)
    errors: list[str] = []

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, FirstAdminDialog)
        dialog.ui.usernameEdit.setText("wang")
        dialog.ui.passwordEdit.setText("short")
        dialog.ui.passwordAgainEdit.setText("short")
        dialog.accept()  # refused, every field at once; the dialog stays open
        errors.append(dialog.error_text())
        marked.extend(name for name, w in dialog.field_widgets.items() if w.styleSheet())
        dialog.ui.nameEdit.setText("王主任")
        dialog.ui.unitEdit.setText("区委组织部")
        choose_office(dialog, OrgLevel.DISTRICT, "潮南区委组织部")
        dialog.ui.passwordEdit.setText("Guarded-123")
        dialog.ui.passwordAgainEdit.setText("Guarded-124")
        dialog.accept()
        errors.append(dialog.error_text())
        dialog.ui.passwordAgainEdit.setText("Guarded-123")
        dialog.accept()
        return dialog.result()

    marked: list[str] = []
    answering(monkeypatch, FirstAdminDialog, fill)
    actor = session.sign_in_to(fresh)
    assert actor is not None and actor.username == "wang" and fresh.user == actor
    assert actor.label == "王主任（区委组织部）" and actor.role is UserRole.DISTRICT
    assert "密码至少要 8 个字符。" in errors[0]
    assert marked == ["name", "password", "office_level", "office_name"]
    assert errors[1] == "The two passwords differ."
    assert not users.needs_first_admin(fresh)
    card = offices.local_card(fresh)  # the office is made with its administrator
    assert card is not None and card.name == "潮南区委组织部" and card.level is OrgLevel.DISTRICT
    assert offices.local_office(fresh).keys is not None
    fresh.dispose()


def choose_office(dialog: FirstAdminDialog, level: OrgLevel, name: str | None = None) -> None:
    ui = dialog.ui
    ui.officeLevelCombo.setCurrentIndex(ui.officeLevelCombo.findData(level.value))
    if name is not None:
        ui.officeNameEdit.setText(name)


def test_a_village_office_follows_its_organization_in_the_first_administrators_dialog(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = open_database(db_url)
    org = make_org(fresh, "司马浦镇大布村党委", town="司马浦镇")

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, FirstAdminDialog)
        ui = dialog.ui
        ui.nameEdit.setText("李书记")
        ui.usernameEdit.setText("li")
        ui.passwordEdit.setText("Guarded-123")
        ui.passwordAgainEdit.setText("Guarded-123")
        choose_office(dialog, OrgLevel.VILLAGE)
        assert ui.officeOrganizationCombo.isEnabled() and not ui.officeTownCombo.isEnabled()
        ui.officeOrganizationCombo.setCurrentIndex(ui.officeOrganizationCombo.findData(org))
        assert ui.officeNameEdit.text() == "司马浦镇大布村党委"  # the name follows it
        dialog.accept()
        return dialog.result()

    answering(monkeypatch, FirstAdminDialog, fill)
    assert session.sign_in_to(fresh) is not None
    card = offices.local_card(fresh)
    assert card is not None and card.level is OrgLevel.VILLAGE
    assert card.name == "司马浦镇大布村党委"
    fresh.dispose()


def test_an_administrator_of_a_database_without_its_office_is_asked_for_it(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, OfficeSetupDialog)
        assert "no office yet" in dialog.intro.text()
        dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(OrgLevel.DISTRICT.value))
        dialog.name_edit.setText("潮南区委组织部")
        dialog.accept()
        return dialog.result()

    asked = answering(monkeypatch, OfficeSetupDialog, fill)
    done = sign_in(db, TEST_ADMIN, TEST_PASSWORD)
    assert session.act_as(db, None, done) is not None and len(asked) == 1
    card = offices.local_card(db)
    assert card is not None and card.name == "潮南区委组织部"
    session.act_as(db, None, done)  # set up: not asked again
    assert len(asked) == 1


def test_refusing_the_first_administrator_opens_nothing_and_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = stub_information(monkeypatch)
    answering(monkeypatch, FirstAdminDialog, lambda dialog: QDialog.DialogCode.Rejected)
    new_file = tmp_path / "new.sqlite"
    fresh = open_database(sqlite_url(new_file), create=True)
    assert session.sign_in_to(fresh, created=True) is None
    session.close_unused(fresh, created=True)
    assert "not created" in said[0] and not list(tmp_path.glob("new.sqlite*"))  # nothing kept
    old_file = tmp_path / "old.sqlite"  # e.g. upgraded from before accounts: kept, asked again
    older = open_database(sqlite_url(old_file), create=True)
    assert session.sign_in_to(older) is None
    session.close_unused(older, created=False)
    assert "not opened" in said[1] and old_file.exists()


def stub_information(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    return said


def demo_database(data_dir: Path) -> Database:
    """A database at the demo district's place (``--demo``), with the test's account."""
    demo = open_database(sqlite_url(demo_db_path()), create=True)
    add_test_admin(demo)
    return demo


def hint_of(dialog: SignInDialog) -> str:
    return dialog.ui.hintLabel.text() if dialog.ui.hintLabel.isVisibleTo(dialog) else ""


def test_only_the_demo_database_names_the_demo_accounts(
    qtbot: QtBot, db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hints: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        hints.append(hint_of(dialog))
        return QDialog.DialogCode.Rejected

    answering(monkeypatch, SignInDialog, look)
    assert session.sign_in_to(db) is None  # Cancel: nobody signed in
    assert hints == [""]
    assert not session.is_demo(db)


def test_sign_in_with_the_demo_hint_and_a_wrong_password(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_database(data_dir)
    seen: list[str] = []

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        seen.append(hint_of(dialog))
        dialog.ui.usernameEdit.setText(TEST_ADMIN)
        dialog.ui.passwordEdit.setText("wrong-password")
        dialog.accept()
        seen.append(dialog.error_text())
        assert dialog.ui.passwordEdit.text() == ""  # never left in the field
        dialog.ui.passwordEdit.setText(TEST_PASSWORD)
        dialog.accept()
        return dialog.result()

    answering(monkeypatch, SignInDialog, fill)
    actor = session.sign_in_to(db)
    assert actor is not None and actor.username == TEST_ADMIN and db.user == actor
    for name, _n, _u, _role in DEMO_ACCOUNTS:
        assert name in seen[0]
    assert DEMO_PASSWORD in seen[0] and "村（社区）党组织" in seen[0]
    assert seen[1] == "用户名或密码不正确。密码连续输错 5 次，账号将被锁定 15 分钟。"
    db.dispose()


def test_a_wrong_password_from_the_environment_opens_the_dialog_with_the_reason(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        seen.append((dialog.ui.usernameEdit.text(), dialog.error_text()))
        dialog.ui.passwordEdit.setText(TEST_PASSWORD)
        dialog.accept()
        return dialog.result()

    shown = answering(monkeypatch, SignInDialog, fill)
    right = session.sign_in_to(db, user=TEST_ADMIN, password=TEST_PASSWORD)
    assert right is not None and right.username == TEST_ADMIN and not shown  # no dialog
    actor = session.sign_in_to(db, user=TEST_ADMIN, password="wrong-password")
    assert actor is not None and actor.username == TEST_ADMIN
    assert seen == [(TEST_ADMIN, "用户名或密码不正确。密码连续输错 5 次，账号将被锁定 15 分钟。")]


def test_five_wrong_passwords_lock_the_account(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog shows a name no account has exactly what it shows an account's: else a
    stranger could find which names exist."""
    errors: dict[str, list[str]] = {}

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        name = "nobody" if TEST_ADMIN in errors else TEST_ADMIN
        dialog.ui.usernameEdit.setText(name)
        for _ in range(6):
            dialog.ui.passwordEdit.setText("wrong-password")
            dialog.accept()
            errors.setdefault(name, []).append(dialog.error_text())
        dialog.reject()
        return dialog.result()

    answering(monkeypatch, SignInDialog, fill)
    assert session.sign_in_to(db) is None  # cancelled after the lock
    assert session.sign_in_to(db) is None
    said = errors[TEST_ADMIN]
    assert "已锁定" not in said[3] and "已锁定" in said[4] and "已锁定" in said[5]
    assert errors["nobody"] == said


def test_a_reset_password_is_changed_before_the_window_opens(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = two_towns(db)
    db.user = session.sign_in_to(db, user=TEST_ADMIN, password=TEST_PASSWORD) or db.user
    users.create_user(
        db,
        users.UserInput("li", "李书记", "甲二村党支部", users.UserRole.VILLAGE, world.jia_two),
        "first-pass-1",
    )

    def change(dialog: QDialog) -> int:
        assert isinstance(dialog, ChangePasswordDialog)
        dialog.ui.oldPasswordEdit.setText("first-pass-1")
        dialog.ui.passwordEdit.setText("Mine-now-123")
        dialog.ui.password2Edit.setText("Mine-now-123")
        dialog.accept()
        return dialog.result()

    shown = answering(monkeypatch, ChangePasswordDialog, change)
    actor = session.sign_in_to(db, user="li", password="first-pass-1")
    assert actor is not None and actor.username == "li" and len(shown) == 1
    assert session.sign_in_to(db, user="li", password="Mine-now-123") is not None
    assert len(shown) == 1  # no second change asked for


def village_window(qtbot: QtBot, db: Database) -> tuple[MainWindow, TwoTowns]:
    world = two_towns(db)
    db.user = session.sign_in_to(db, user=TEST_ADMIN, password=TEST_PASSWORD) or db.user
    users.create_user(
        db,
        users.UserInput("li", "李书记", "甲一村", users.UserRole.VILLAGE, world.jia_one),
        "Village-pass-1",
        must_change=False,
    )
    window = MainWindow(db)
    qtbot.addWidget(window)
    return window, world


def community_names(window: MainWindow) -> set[str]:
    tab = window.show_tab("communities")
    model = tab.table.model()  # type: ignore[attr-defined]
    return {model.index(r, 0).data() for r in range(model.rowCount())}


def test_switch_user_shows_only_the_village_s_own(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _world = village_window(qtbot, db)
    assert community_names(window) == {"甲镇共建", "跨镇共建", "乙镇共建"}
    members = window.show_tab("members")
    assert members.unmask_check.isVisibleTo(members)  # type: ignore[attr-defined]
    assert "测试管理员（区委组织部）" in window.windowTitle()
    assert window.backups.action_backup.isEnabled() == db.is_sqlite
    answering(monkeypatch, SignInDialog, typed("li", "Village-pass-1"))
    window.action_switch_user.trigger()
    assert db.user.username == "li" and "李书记（甲一村）" in window._user_label.text()
    assert "李书记（甲一村）" in window.windowTitle() and "测试管理员" not in window.windowTitle()
    assert community_names(window) == {"甲镇共建"}
    members = window.show_tab("members")
    assert not members.unmask_check.isVisibleTo(members)  # type: ignore[attr-defined]
    assert not window.backups.action_restore.isEnabled()
    # nor is the whole file, with every member's full ID number, copied away
    assert not window.backups.action_backup.isEnabled()
    if db.is_sqlite:
        assert "li" in window.backups.action_backup.toolTip()


def test_switch_user_asks_before_closing_open_dialogs(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _world = village_window(qtbot, db)
    window.show()
    open_dialog = QMessageBox(window)
    open_dialog.show()
    questions: list[str] = []
    answers = iter([False, True])

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(messages, "confirm", confirm)
    shown = answering(monkeypatch, SignInDialog, typed("li", "Village-pass-1"))
    window.action_switch_user.trigger()  # No: nothing asked further, nothing closed
    assert len(questions) == 1 and "1" in questions[0] and not shown
    assert open_dialog.isVisible() and db.user.username == TEST_ADMIN
    window.action_switch_user.trigger()  # Yes: the dialog is closed, the village signs in
    assert len(questions) == 2 and len(shown) == 1
    assert not open_dialog.isVisible() and db.user.username == "li"


def test_the_idle_lock_keeps_open_dialogs_and_needs_the_password(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _world = village_window(qtbot, db)
    window.show()
    open_dialog = QMessageBox(window)
    open_dialog.setText("正在填写的对话框")
    open_dialog.show()
    tries: list[str] = []

    def unlock(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog) and dialog.unlocking
        assert dialog.ui.usernameEdit.text() == TEST_ADMIN and dialog.ui.usernameEdit.isReadOnly()
        assert window.lock_cover.isVisible()  # the records are hidden while locked
        assert window.lock_cover.geometry() == window.rect()
        dialog.reject()  # Esc does not lift the lock
        assert dialog.result() != QDialog.DialogCode.Accepted
        dialog.ui.passwordEdit.setText("wrong-password")
        dialog.accept()
        tries.append(dialog.error_text())
        dialog.ui.passwordEdit.setText(TEST_PASSWORD)
        dialog.accept()
        return dialog.result()

    answering(monkeypatch, SignInDialog, unlock)
    window.idle_lock.set_timeout_ms(30)
    qtbot.waitUntil(lambda: bool(tries), timeout=3000)
    assert "用户名或密码不正确" in tries[0]
    assert open_dialog.isVisible() and open_dialog.text() == "正在填写的对话框"
    assert db.user.username == TEST_ADMIN and not window.lock_cover.isVisible()
    window.idle_lock.set_timeout_ms(0)


def test_change_password_from_the_file_menu(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _world = village_window(qtbot, db)
    errors: list[tuple[str, list[str]]] = []

    def change(dialog: QDialog) -> int:
        assert isinstance(dialog, ChangePasswordDialog)
        dialog.ui.oldPasswordEdit.setText(TEST_PASSWORD)
        dialog.ui.passwordEdit.setText("Brand-new-123")
        dialog.ui.password2Edit.setText("Brand-new-124")
        dialog.accept()  # the second field is marked, nothing changed
        marked = [name for name, w in dialog.field_widgets.items() if w.styleSheet()]
        errors.append((dialog.error_text(), marked))
        dialog.ui.password2Edit.setText("Brand-new-123")
        dialog.accept()
        return dialog.result()

    answering(monkeypatch, ChangePasswordDialog, change)
    window.action_change_password.trigger()
    assert errors == [("The two passwords differ.", ["password_again"])]
    assert session.sign_in_to(db, user=TEST_ADMIN, password="Brand-new-123") is not None


def test_wrong_old_passwords_in_the_dialog_lock_the_account(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window left signed in lets no one try passwords without end: each wrong current
    password is said in the dialog (which stays open), the fifth locks the account."""
    window, _world = village_window(qtbot, db)
    said: list[tuple[str, list[str]]] = []

    def change(dialog: QDialog) -> int:
        assert isinstance(dialog, ChangePasswordDialog)
        for _ in range(5):
            dialog.ui.oldPasswordEdit.setText("a-guess-123")
            dialog.ui.passwordEdit.setText("Brand-new-123")
            dialog.ui.password2Edit.setText("Brand-new-123")
            dialog.accept()
            marked = [name for name, w in dialog.field_widgets.items() if w.styleSheet()]
            said.append((dialog.error_text(), marked))
        return dialog.result()

    answering(monkeypatch, ChangePasswordDialog, change)
    window.action_change_password.trigger()
    assert [text.split("。")[0] for text, _marked in said] == ["原密码不正确"] * 4 + [
        "密码连续输错 5 次，账号已锁定，请 15 分钟后再试，或请管理员重置密码"
    ]
    assert said[0][1] == ["old_password"]
    with pytest.raises(SignInError, match="账号已锁定"):  # the right one too, for a while
        sign_in(db, TEST_ADMIN, TEST_PASSWORD)


def test_the_lock_offers_another_person_and_leaving_the_program(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _world = village_window(qtbot, db)
    window.show()
    shown: list[str] = []

    def at_the_lock(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInDialog)
        shown.append(dialog.objectName())
        if dialog.unlocking:  # the lock: another person signs in
            dialog.findChild(QPushButton, "signInSwitch").click()
            return dialog.result()
        return typed("li", "Village-pass-1")(dialog)

    answering(monkeypatch, SignInDialog, at_the_lock)
    window.action_lock.trigger()
    assert shown == ["unlockDialog", "signInDialog"] and db.user.username == "li"
    assert "李书记（甲一村）" in window._user_label.text() and not window.lock_cover.isVisible()

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))

    def leave(dialog: QDialog) -> int:
        dialog.findChild(QPushButton, "signInExit").click()
        return dialog.result()

    answering(monkeypatch, SignInDialog, leave)
    window.action_lock.trigger()
    assert quits == [True] and not window.isVisible()  # closed as File → Exit closes it


def test_the_lock_covers_the_open_dialogs_too(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record form left open is not readable by whoever passes the locked PC; once
    unlocked it is as it was, with what was typed."""
    window, _world = village_window(qtbot, db)
    window.show()
    form = QDialog(window)
    field = QLineEdit(form)
    field.setText("440514198807071234")
    form.resize(400, 200)
    form.show()
    seen: list[bool] = []

    def unlock(dialog: QDialog) -> int:
        covers = form.findChildren(LockCover)
        seen.append(len(covers) == 1 and covers[0].isVisible())
        seen.append(covers[0].geometry() == form.rect())
        return typed(TEST_ADMIN, TEST_PASSWORD)(dialog)

    answering(monkeypatch, SignInDialog, unlock)
    window.action_lock.trigger()
    assert seen == [True, True]
    assert form.isVisible() and field.text() == "440514198807071234"
    qtbot.waitUntil(lambda: not form.findChildren(LockCover))


def test_the_sign_in_proposes_the_last_user_name_never_a_failed_one(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    """A clerk typed their user name at every start: the name signed in last to this
    database on this PC is filled in (the password never kept), the cursor in the password;
    a name whose sign-in failed is not kept, and another database proposes its own."""

    def dialog_on(database: Database) -> SignInDialog:
        dialog = SignInDialog(database)
        qtbot.addWidget(dialog)
        return dialog

    first = dialog_on(db)
    assert first.ui.usernameEdit.text() == ""
    first.ui.usernameEdit.setText("nobody")
    first.ui.passwordEdit.setText("wrong-password")
    first.accept()
    assert first.signed is None
    assert dialog_on(db).ui.usernameEdit.text() == ""  # failed: not kept
    first.ui.usernameEdit.setText(TEST_ADMIN)
    first.ui.passwordEdit.setText("wrong-password")
    first.accept()
    assert first.signed is None and dialog_on(db).ui.usernameEdit.text() == ""
    first.ui.passwordEdit.setText(TEST_PASSWORD)
    first.accept()
    assert first.signed is not None

    again = dialog_on(db)
    assert again.ui.usernameEdit.text() == TEST_ADMIN
    assert again.focusWidget() is again.ui.passwordEdit
    assert not again.ui.usernameEdit.isReadOnly()  # another person types theirs
    from pbc_desktop.paths import settings_file

    assert TEST_PASSWORD not in settings_file().read_text(encoding="utf-8")
    other = open_database(sqlite_url(tmp_path / "other.sqlite"))
    try:
        assert dialog_on(other).ui.usernameEdit.text() == ""
    finally:
        other.dispose()
