"""工具 → 账号管理, driven like an administrator: create an account, reset a password,
disable and enable; refusals shown field by field or as a message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import User
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.sign_in import sign_in
from pbc_desktop.ui.accounts.manager import AccountsDialog
from pbc_desktop.ui.accounts.reset_password import ResetPasswordDialog
from pbc_desktop.ui.accounts.user_dialog import UserDialog
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from tests.conftest import TEST_ADMIN
from tests.factories import make_org
from tests.qt_helpers import Boxes, stub_boxes, type_text

PASSWORD = "Cun-secret-9"


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = stub_boxes(monkeypatch)
    monkeypatch.setattr(messages, "show_user_error", lambda _p, e: recorder.shown.append(e.message))
    return recorder


@pytest.fixture
def manager(qtbot: QtBot, db: Database, boxes: Boxes) -> Iterator[AccountsDialog]:
    make_org(db, "文光村党支部", town="陈店镇")
    make_org(db, "东山社区党支部", town="峡山街道")
    users.create_user(
        db,
        users.UserInput("zhen", "镇组织委员", "陈店镇党委", UserRole.TOWN, town="陈店镇"),
        PASSWORD,
    )
    dialog = AccountsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    if dialog.active_dialog is not None:
        dialog.active_dialog.reject()


def usernames(manager: AccountsDialog) -> list[str]:
    return [u.username for u in manager.model.rows()]


def cell(manager: AccountsDialog, username: str, column: int) -> str:
    row = usernames(manager).index(username)
    return str(manager.model.data(manager.model.index(row, column)))


def click_row(qtbot: QtBot, manager: AccountsDialog, username: str) -> None:
    row = usernames(manager).index(username)
    rect = manager.table.visualRect(manager.model.index(row, 0))
    qtbot.mouseClick(manager.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = manager.current_user()
    assert current is not None and current.username == username


def click(qtbot: QtBot, button: QPushButton | None) -> None:
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok_button(dialog: UserDialog | ResetPasswordDialog) -> QPushButton:
    button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def open_new(qtbot: QtBot, manager: AccountsDialog) -> UserDialog:
    click(qtbot, manager.new_button)
    dialog = manager.active_dialog
    assert isinstance(dialog, UserDialog)
    qtbot.waitExposed(dialog)
    return dialog


def stored(db: Database, username: str) -> User | None:
    with db.read() as s:
        return s.scalars(select(User).where(User.username == username)).first()


def test_the_table_lists_every_account_with_its_role_scope_and_status(
    manager: AccountsDialog, qtmodeltester: object
) -> None:
    qtmodeltester.check(manager.model)  # type: ignore[attr-defined]
    assert sorted(usernames(manager)) == sorted([TEST_ADMIN, "zhen"])
    assert [cell(manager, "zhen", c) for c in range(6)] == [
        "zhen",
        "镇组织委员",
        "陈店镇党委",
        "镇（街道）党（工）委",
        "陈店镇",
        "需改密码",
    ]
    assert (
        cell(manager, TEST_ADMIN, 4) == "Whole district" and cell(manager, TEST_ADMIN, 5) == "正常"
    )
    assert manager.count_label.text() == "2 accounts"


# typing the organization opens the list of names found
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_create_an_account_through_the_dialog(
    qtbot: QtBot, manager: AccountsDialog, db: Database
) -> None:
    dialog = open_new(qtbot, manager)
    type_text(qtbot, dialog.ui.usernameEdit, "cun")
    type_text(qtbot, dialog.ui.nameEdit, "李书记")
    type_text(qtbot, dialog.ui.unitEdit, "文光村党支部书记")
    dialog.ui.roleCombo.setFocus()
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(UserRole.VILLAGE))
    assert dialog.ui.organizationCombo.isEnabled() and not dialog.ui.townCombo.isEnabled()
    type_text(qtbot, dialog.ui.organizationCombo, "文光村党支部")
    type_text(qtbot, dialog.ui.passwordEdit, PASSWORD)
    type_text(qtbot, dialog.ui.passwordAgainEdit, PASSWORD)
    click(qtbot, ok_button(dialog))

    assert dialog.error_text() == "" and manager.active_dialog is None
    assert "cun" in usernames(manager)
    current = manager.current_user()
    assert current is not None and current.username == "cun"  # the new one is selected
    assert cell(manager, "cun", 4) == "文光村党支部" and cell(manager, "cun", 5) == "需改密码"
    user = stored(db, "cun")
    assert user is not None
    assert (user.display_name, user.unit, user.role) == (
        "李书记",
        "文光村党支部书记",
        UserRole.VILLAGE,
    )
    assert user.organization_id is not None and user.must_change_password
    signed = sign_in(db, "cun", PASSWORD)
    assert signed.must_change_password and signed.actor.organization_id == user.organization_id


def test_the_role_opens_the_picker_it_uses(qtbot: QtBot, manager: AccountsDialog) -> None:
    dialog = open_new(qtbot, manager)
    combo = dialog.ui.roleCombo
    opened = {}
    for role in UserRole:
        combo.setCurrentIndex(combo.findData(role))
        opened[role] = (dialog.ui.organizationCombo.isEnabled(), dialog.ui.townCombo.isEnabled())
        assert dialog.ui.scopeNote.isVisibleTo(dialog) and dialog.ui.scopeNote.text()
    assert opened == {
        UserRole.DISTRICT: (False, False),
        UserRole.TOWN: (False, True),
        UserRole.VILLAGE: (True, False),
        UserRole.VIEWER: (True, True),
    }


def test_refused_fields_are_marked_all_at_once(
    qtbot: QtBot, manager: AccountsDialog, db: Database
) -> None:
    dialog = open_new(qtbot, manager)
    type_text(qtbot, dialog.ui.usernameEdit, "zhen")  # taken
    type_text(qtbot, dialog.ui.passwordEdit, "short")
    click(qtbot, ok_button(dialog))
    marked = {name for name, w in dialog.field_widgets.items() if w.styleSheet()}
    assert marked == {"username", "name", "role", "password"}
    assert "已被使用" in dialog.error_text() and "8 个字符" in dialog.error_text()
    assert "short" not in dialog.error_text()

    type_text(qtbot, dialog.ui.nameEdit, "王")
    dialog.ui.usernameEdit.clear()
    type_text(qtbot, dialog.ui.usernameEdit, "wang")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(UserRole.TOWN))
    dialog.ui.passwordEdit.clear()
    type_text(qtbot, dialog.ui.passwordEdit, PASSWORD)
    type_text(qtbot, dialog.ui.passwordAgainEdit, PASSWORD + "x")
    type_text(qtbot, dialog.ui.organizationCombo, "没有这个")  # closed for a town: ignored
    click(qtbot, ok_button(dialog))
    marked = {name for name, w in dialog.field_widgets.items() if w.styleSheet()}
    assert marked == {"town", "password_again"}
    assert "The two passwords differ." in dialog.error_text()
    assert stored(db, "wang") is None and manager.active_dialog is dialog


def test_an_unknown_organization_is_named(qtbot: QtBot, manager: AccountsDialog) -> None:
    dialog = open_new(qtbot, manager)
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData(UserRole.VILLAGE))
    type_text(qtbot, dialog.ui.organizationCombo, "不存在的支部")
    click(qtbot, ok_button(dialog))
    assert "“不存在的支部”" in dialog.error_text()
    assert "要选择所属党组织" not in dialog.error_text()  # said once, not twice
    assert dialog.ui.organizationCombo.styleSheet()


def test_reset_a_password(qtbot: QtBot, manager: AccountsDialog, db: Database) -> None:
    zhen = users.user_id_by_name(db, "zhen")
    sign_in(db, "zhen", PASSWORD)  # … and changed it: now it would be 正常
    with db.write() as s:
        user = s.get(User, zhen)
        assert user is not None
        user.must_change_password = False
    manager.refresh()
    assert cell(manager, "zhen", 5) == "正常"
    click_row(qtbot, manager, "zhen")
    click(qtbot, manager.reset_button)
    dialog = manager.active_dialog
    assert isinstance(dialog, ResetPasswordDialog)
    assert "zhen" in dialog.ui.accountLabel.text()
    type_text(qtbot, dialog.ui.passwordEdit, "New-pass-42")
    type_text(qtbot, dialog.ui.passwordAgainEdit, "New-pass-4")
    click(qtbot, ok_button(dialog))
    assert "differ" in dialog.error_text() and manager.active_dialog is dialog
    type_text(qtbot, dialog.ui.passwordAgainEdit, "2")
    click(qtbot, ok_button(dialog))
    assert manager.active_dialog is None
    assert cell(manager, "zhen", 5) == "需改密码"
    assert sign_in(db, "zhen", "New-pass-42").must_change_password


def test_disable_and_enable_an_account(
    qtbot: QtBot, manager: AccountsDialog, db: Database, boxes: Boxes
) -> None:
    click_row(qtbot, manager, "zhen")
    assert manager.active_button.text() == "&Disable"
    boxes.confirm_answer = False
    click(qtbot, manager.active_button)
    assert cell(manager, "zhen", 5) == "需改密码" and len(boxes.shown) == 1  # asked, declined

    boxes.confirm_answer = True
    click(qtbot, manager.active_button)
    assert cell(manager, "zhen", 5) == "已停用"
    user = stored(db, "zhen")
    assert user is not None and not user.active
    assert manager.active_button.text() == "&Enable"
    click(qtbot, manager.active_button)
    assert cell(manager, "zhen", 5) == "需改密码" and len(boxes.shown) == 2  # no question
    user = stored(db, "zhen")
    assert user is not None and user.active


def test_disabling_oneself_is_refused_with_a_message(
    qtbot: QtBot, manager: AccountsDialog, db: Database, boxes: Boxes
) -> None:
    db.user = users.actor_of(stored(db, TEST_ADMIN))  # type: ignore[arg-type]
    click_row(qtbot, manager, TEST_ADMIN)
    click(qtbot, manager.active_button)
    assert boxes.shown[-1] == "不能停用自己正在使用的账号。"
    user = stored(db, TEST_ADMIN)
    assert user is not None and user.active
    assert cell(manager, TEST_ADMIN, 5) == "正常"


def test_there_is_no_delete_button(manager: AccountsDialog) -> None:
    texts = [b.text() for b in manager.findChildren(QPushButton)]
    assert not any("Delete" in t for t in texts)
