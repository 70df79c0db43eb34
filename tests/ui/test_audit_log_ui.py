"""工具 → 操作日志: filters and pages over a few hundred entries, before → after as stored,
the chain check (intact, then an entry edited by hand named and shown); and the 工具
menu offered only to accounts that may use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.services.accounts.sign_in import sign_in
from pbc_desktop.ui.accounts.manager import AccountsDialog
from pbc_desktop.ui.audit.viewer import AuditLogDialog, AuditPanel
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.table_model import PAGE_SIZE
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.audit_factories import add_entries
from tests.conftest import TEST_ADMIN, TEST_PASSWORD, sql_by_hand
from tests.factories import make_org
from tests.qt_helpers import Boxes, stub_boxes, type_text
from tests.scope_factories import village_actor

ENTRIES = 450  # 150 of each kind (tests/audit_factories.py)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    recorder = stub_boxes(monkeypatch)
    monkeypatch.setattr(messages, "show_user_error", lambda _p, e: recorder.shown.append(e.message))
    return recorder


@pytest.fixture
def viewer(qtbot: QtBot, db: Database, boxes: Boxes) -> AuditLogDialog:
    add_entries(db, ENTRIES)
    dialog = AuditLogDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown(panel: AuditPanel) -> int:
    return panel.model.total()


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_newest_first_fetched_page_by_page(
    qtbot: QtBot, viewer: AuditLogDialog, qtmodeltester: object
) -> None:
    panel = viewer.panel
    assert shown(panel) == ENTRIES and panel.count_label.text() == f"{ENTRIES} entries"
    assert panel.model.rowCount() == PAGE_SIZE  # no more than the first page yet
    first = panel.model.row_at(0)
    assert first.summary.endswith(f"#{ENTRIES - 1}") and first.id == ENTRIES
    assert panel.current_row() == first  # selected, its facts shown
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > PAGE_SIZE)
    while panel.model.canFetchMore(panel.model.index(-1, -1)):
        panel.model.fetchMore(panel.model.index(-1, -1))
    ids = [r.id for r in panel.model.rows()]
    assert ids == list(range(ENTRIES, 0, -1))
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]


def test_filters_narrow_the_entries(qtbot: QtBot, viewer: AuditLogDialog, db: Database) -> None:
    panel = viewer.panel
    choose(panel.type_combo, "party_member")
    assert shown(panel) == ENTRIES // 3
    assert {panel.model.data(panel.model.index(r, 4)) for r in range(10)} == {"党员"}
    choose(panel.action_combo, AuditAction.DELETE.value)
    assert shown(panel) == 0
    choose(panel.action_combo, AuditAction.UPDATE.value)
    assert shown(panel) == ENTRIES // 3
    type_text(qtbot, panel.search_edit, "#40")  # #40, #400…#409; updates: i % 3 == 1
    qtbot.waitUntil(lambda: shown(panel) == 5)
    assert sorted(r.summary for r in panel.model.rows()) == [
        "修改党员 #40",
        "修改党员 #400",
        "修改党员 #403",
        "修改党员 #406",
        "修改党员 #409",
    ]
    panel.search_edit.clear()
    qtbot.waitUntil(lambda: shown(panel) == ENTRIES // 3)

    # One an account made: the 用户 filter lists the account
    make_org(db, "甲村党支部")
    clerk = village_actor(db, 1, name="李书记")
    add_entries(db, 3, user=clerk)
    panel.refresh()
    choose(panel.action_combo, None)
    choose(panel.type_combo, None)
    captions = [panel.who_combo.itemText(i) for i in range(panel.who_combo.count())]
    assert f"李书记（{clerk.username}）" in captions and "测试员" in captions
    index = captions.index(f"李书记（{clerk.username}）")
    panel.who_combo.setCurrentIndex(index)
    assert shown(panel) == 3 and all(r.user_id == clerk.user_id for r in panel.model.rows())
    panel.who_combo.setCurrentIndex(captions.index("测试员"))
    assert shown(panel) == ENTRIES


def test_the_date_filters(viewer: AuditLogDialog) -> None:
    panel = viewer.panel
    # entries hourly from 2026-03-01 09:00 UTC: 450 hours, about 19 days
    panel.from_edit.setDate(QDate(2026, 3, 10))
    panel.to_edit.setDate(QDate(2026, 3, 10))
    assert 23 <= shown(panel) <= 24
    assert {r.at.date().isoformat() for r in panel.model.rows()} == {"2026-03-10"}
    panel.to_edit.setDate(panel.to_edit.minimumDate())  # back to "any day"
    assert panel.to_edit.text() == "any day"
    assert 0 < shown(panel) < ENTRIES


def test_the_detail_shows_before_and_after_as_stored(viewer: AuditLogDialog) -> None:
    panel = viewer.panel
    choose(panel.type_combo, "party_member")
    html = panel.detail.toPlainText()
    assert "138****0000" in html  # masked when written, never unmasked
    assert "旧名" in html and "新名" in html and "Before → after" in html


def test_check_integrity_then_an_edited_entry_is_named_and_shown(
    qtbot: QtBot, viewer: AuditLogDialog, db: Database, boxes: Boxes
) -> None:
    panel = viewer.panel
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_result.text() == f"操作日志完整：{ENTRIES} 条记录均未被改动。"
    assert boxes.shown[-1] == panel.verify_result.text()

    sql_by_hand(
        db, "UPDATE audit_log SET summary = '什么也没改' WHERE id = 7"
    )  # not on the first page
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_result.text() == "操作日志不完整：第 7 条记录被改动过。"
    assert boxes.shown[-1] == panel.verify_result.text()
    current = panel.current_row()
    assert current is not None and current.id == 7 and current.summary == "什么也没改"
    assert shown(panel) == 1 and panel.extra_label.text() == "Entry No. 7"
    qtbot.mouseClick(panel.clear_extra_button, Qt.MouseButton.LeftButton)
    assert shown(panel) == ENTRIES

    sql_by_hand(db, "UPDATE audit_log SET summary = '也改了' WHERE id = 440")  # on the first page
    sql_by_hand(db, "UPDATE audit_log SET summary = '什么也没删' WHERE id = 7")
    panel.reload()
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert "第 7 条" in panel.verify_result.text()  # the first one altered
    sql_by_hand(db, "DELETE FROM audit_log WHERE id <= 8")
    panel.reload()
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert "第 9 条之前" in panel.verify_result.text()
    current = panel.current_row()
    assert current is not None and current.id == 9
    assert shown(panel) == 1  # entry 9 is not among the loaded rows: shown alone


# -- the 工具 menu ---------------------------------------------------------------------------
def make_window(qtbot: QtBot, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_administrator_opens_both_from_the_tools_menu(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    db.user = sign_in(db, TEST_ADMIN, TEST_PASSWORD).actor
    window = make_window(qtbot, db)
    admin = window.admin
    assert admin.menu.menuAction().isVisible()
    assert window.menuBar().actions()[-2] is admin.menu.menuAction()  # before Help
    for action in (admin.action_accounts, admin.action_audit):
        assert action.isVisible() and action.isEnabled()
    admin.action_accounts.trigger()
    assert isinstance(admin.active_dialog, AccountsDialog)
    admin.active_dialog.reject()
    qtbot.waitUntil(lambda: admin.active_dialog is None)
    admin.action_audit.trigger()
    assert isinstance(admin.active_dialog, AuditLogDialog)
    admin.active_dialog.reject()


def test_both_fit_on_a_small_screen(qtbot: QtBot, db: Database) -> None:
    """An office's old 1024×768 monitor (the test screen is smaller still): the audit log
    (1100 wide when there is room) and the accounts never put a button off the screen."""
    db.user = sign_in(db, TEST_ADMIN, TEST_PASSWORD).actor
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    free = screen.availableGeometry()
    assert free.width() < 1100
    for dialog in (AuditLogDialog(AppContext(db)), AccountsDialog(AppContext(db))):
        qtbot.addWidget(dialog)
        assert dialog.width() <= free.width() and dialog.height() <= free.height()


def test_a_village_account_is_not_offered_either(qtbot: QtBot, db: Database) -> None:
    db.user = village_actor(db, make_org(db, "甲村党支部"))
    window = make_window(qtbot, db)
    admin = window.admin
    for action in (admin.action_accounts, admin.action_audit):
        assert not action.isVisible() and not action.isEnabled()
    assert not admin.menu.menuAction().isVisible()
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert "&Tools" not in titles


# The offscreen platform cannot raise a popup nor grab the keyboard for it.
@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_an_empty_date_filter_opens_its_calendar_on_this_month(
    qtbot: QtBot, viewer: AuditLogDialog
) -> None:
    edit = viewer.panel.from_edit
    arrow = QPoint(edit.width() - 5, edit.height() // 2)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=arrow)
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert edit.text() == "any day"  # nothing chosen yet
    calendar.window().close()


def test_the_program_s_own_entries_are_named_in_the_window_s_language(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    """Entries of the program itself (an upgrade, the demo builder) showed the stored
    English "system" in the Chinese window: in the table, the detail and the 用户 filter."""
    from pbc_desktop.domain.accounts import SYSTEM

    add_entries(db, 2, user=SYSTEM)
    dialog = AuditLogDialog(AppContext(db))
    qtbot.addWidget(dialog)
    panel = dialog.findChild(AuditPanel)
    assert panel is not None
    rows = panel.model.rows()
    assert rows and all(r.actor == "system" for r in rows)
    users = {panel.model.data(panel.model.index(i, 2)) for i in range(len(rows))}
    assert users == {"The program itself"}
    assert "The program itself" in panel.detail_html(rows[0])
    captions = [panel.who_combo.itemText(i) for i in range(panel.who_combo.count())]
    assert "The program itself" in captions and "system" not in captions
