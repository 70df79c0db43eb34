"""This database's office set up (or changed) while the window is open: the status bar's
role and the accounts window's area follow it at once. Both were read when opened, and
went on naming a town's administrator 区委组织部管理员 and its area 全区 until the program
was started again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.errors import ServerConnectionError
from pbc_desktop.services import access, changes
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.accounts.manager import AccountsDialog
from pbc_desktop.ui.exchange.office_dialog import OfficeDialog, OfficeSetupDialog
from pbc_desktop.ui.overview.tab import OverviewTab
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.conftest import TEST_ADMIN
from tests.factories import make_org
from tests.qt_helpers import Boxes, stub_boxes

AREA_COLUMN = 4


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def town_office_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The set-up dialog, answered as a town's administrator would."""

    def as_a_town(setup: OfficeSetupDialog) -> QDialog.DialogCode:
        setup.level_combo.setCurrentIndex(setup.level_combo.findData(OrgLevel.TOWN.value))
        setup.town_combo.setCurrentText("甲镇")
        setup.name_edit.setText("甲镇党委")
        setup.accept()
        return QDialog.DialogCode(setup.result())

    monkeypatch.setattr(OfficeSetupDialog, "exec", as_a_town)


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    make_org(db, "甲村党支部", town="甲镇")
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert "区委组织部管理员" in window._user_label.text()  # no office yet
    return window


def admin_area(accounts: AccountsDialog) -> str:
    row = [u.username for u in accounts.model.rows()].index(TEST_ADMIN)
    return str(accounts.model.data(accounts.model.index(row, AREA_COLUMN)))


def named_as_the_towns(window: MainWindow) -> bool:
    text = window._user_label.text()
    return "· 管理员" in text and "区委" not in text


@pytest.mark.usefixtures("town_office_typed", "boxes")
def test_set_up_in_the_offices_window(window: MainWindow) -> None:
    window.admin.open_accounts()
    accounts = window.admin.active_dialog
    assert isinstance(accounts, AccountsDialog)
    assert admin_area(accounts) == "Whole district"
    window.exchange.open_offices()
    dialog = window.exchange.active_dialog
    assert isinstance(dialog, OfficeDialog)
    dialog.set_up()
    assert offices.local_card(window.ctx.db) is not None
    assert named_as_the_towns(window)
    assert admin_area(accounts) == "甲镇"


@pytest.mark.usefixtures("town_office_typed", "boxes")
def test_set_up_in_the_first_steps(window: MainWindow) -> None:
    overview = window.show_tab("overview")
    assert isinstance(overview, OverviewTab) and overview.showing_first_steps()
    dialog = overview.first_run.open_step("office")
    assert isinstance(dialog, OfficeDialog)
    dialog.set_up()
    assert named_as_the_towns(window)


def watching(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's change watch looks on SQLite too (two connections stand for two PCs)
    and as if the window were the active one; its first look taken."""
    window.change_watch.everywhere = True
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    window.change_watch.look()


def test_set_up_at_another_pc_of_a_server(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server's database another administrator may set the office up: the window
    follows it with the others' changes, as the watch's look read it."""
    watching(window, monkeypatch)
    offices.create_local_office(
        window.ctx.db, offices.OfficeSetup("甲镇党委", OrgLevel.TOWN, town="甲镇")
    )
    window.change_watch.look()
    assert named_as_the_towns(window)


def test_a_look_finding_nothing_new_reads_only_the_mark(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watch looks every few seconds on the UI thread: the office is read only when
    someone wrote since the last look."""
    watching(window, monkeypatch)
    read: list[object] = []
    real = changes.office_area
    monkeypatch.setattr(changes, "office_area", lambda s: read.append(s) or real(s))
    window.change_watch.look()
    window.change_watch.look()
    assert read == []
    offices.create_local_office(  # another PC's write
        window.ctx.db, offices.OfficeSetup("甲镇党委", OrgLevel.TOWN, town="甲镇")
    )
    window.change_watch.look()
    assert len(read) == 1
    assert named_as_the_towns(window)


def test_a_server_gone_after_the_look_is_no_message(
    window: MainWindow, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server may stop answering the moment after a look found others' writes: the
    role is not read again for the status bar (the read would fail, and its refusal
    reach the window as a message over it, while the server watch's red line says so
    already); the look's own reading of the office is shown."""
    watching(window, monkeypatch)
    offices.create_local_office(
        window.ctx.db, offices.OfficeSetup("甲镇党委", OrgLevel.TOWN, town="甲镇")
    )

    def gone(_db: Database) -> str | None:
        raise ServerConnectionError("连接不上服务器 10.38.1.5:5432：请检查网络。")

    monkeypatch.setattr(access, "own_area", gone)
    window.change_watch.look()  # the change found, the server gone after
    assert named_as_the_towns(window)
    window.follow_changes()  # and as the server watch has it, once the server is back
    assert named_as_the_towns(window)
    assert boxes.shown == []
