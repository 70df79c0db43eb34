"""The 党员 tab (its table, filters, masking and other actions), driven through the
keyboard and mouse like a clerk (also with another clerk writing to the same database);
the member dialog's own tests: tests/ui/test_members_ui_dialog.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PostReport, User
from pbc_desktop.domain.enums import MemberCategory, UserRole
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import ServerConnectionError
from pbc_desktop.services import changes, member_editing
from pbc_desktop.services.accounts.users import actor_of
from pbc_desktop.ui.common.change_watch import ChangeWatch
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.dialog import MemberDialog
from pbc_desktop.ui.members.tab import ID_COLUMN, PHONE_COLUMN, REPORTED_COLUMN, MembersTab
from tests.conftest import add_account
from tests.factories import complete_fields, make_member, make_org
from tests.qt_helpers import Boxes, type_text
from tests.ui.members_ui_helpers import (  # noqa: F401  (fixtures)
    CHEN_ID,
    boxes_fixture,
    cells,
    check,
    choose,
    click_ok,
    click_row,
    ids_fixture,
    monkeypatch_calls,
    names,
    open_edit,
    shown_dialog,
    stored,
    tab_fixture,
)

# The organization pickers open their completion popup while typing; the offscreen
# platform warns that it cannot raise the popup or give it the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


# -- the table ---------------------------------------------------------------------------------
def test_table_model_passes_modeltester(tab: MembersTab, qtmodeltester: Any) -> None:
    qtmodeltester.check(tab.model)
    assert names(tab) == ["林丽", "郑敏", "陈伟", "黄强"]
    tab.set_unmasked(True)
    qtmodeltester.check(tab.model)


def test_buttons_follow_the_selection(qtbot: QtBot, tab: MembersTab) -> None:
    assert tab.new_button.isEnabled()
    assert not tab.edit_button.isEnabled()
    assert not tab.delete_button.isEnabled()
    click_row(qtbot, tab, "陈伟")
    assert tab.edit_button.isEnabled()
    assert tab.delete_button.isEnabled()
    assert "陈伟" in tab.detail.toPlainText()


def test_a_member_selected_is_read_in_one_go(
    qtbot: QtBot,
    db: Database,
    tab: MembersTab,
    ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A member selected: the detail, the posts panel and every action's rule (edit,
    delete, leave, a letter, a stay away, the posts panel's) were each a read of its own,
    each loading the member again: 35 statements a click here (28-34 on the district), slow
    over a network to a server. One read now (``member_view``), the member loaded once."""
    from pbc_desktop.services import member_view, members
    from pbc_desktop.services.appraisals import results
    from pbc_desktop.services.development import detail
    from pbc_desktop.services.member_changes import leaving, mobile, transfers
    from pbc_desktop.services.post_reports import evaluations, reports, service_log

    together: list[int] = []
    real = member_view.member_view

    def read_once(database: Database, member_id: int, **options: Any) -> member_view.MemberView:
        together.append(member_id)
        return real(database, member_id, **options)

    monkeypatch.setattr(member_view, "member_view", read_once)
    apart: list[str] = []
    for module, name in (
        (member_editing, "member_actions"),
        (member_editing, "deletion_refusal"),
        (leaving, "leaving_refusal"),
        (transfers, "issue_refusal"),
        (members, "get_member_detail"),
        (leaving, "member_changes"),
        (transfers, "list_transfers"),
        (mobile, "list_stays"),
        (results, "member_appraisals"),
        (detail, "member_development"),
        (reports, "member_brief"),
        (reports, "list_member_reports"),
        (service_log, "list_services"),
        (evaluations, "list_evaluations"),
    ):
        monkeypatch.setattr(module, name, lambda *_a, name=name, **_k: apart.append(name))
    asked_change = monkeypatch_calls(monkeypatch, member_editing, "change_refusal")
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        click_row(qtbot, tab, "陈伟")
        clicked = len(statements)
        tab.writes.update()  # as after any change of the tab's state: nothing asked again
        tab.posts_panel.writes.update()
        assert len(statements) == clicked
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert together == [ids["陈伟"]]
    assert apart == [] and [args for args in asked_change if len(args) > 1] == []
    # measured 17, a BEGIN among them on SQLite (35 when read part by part)
    assert clicked <= 17, statements
    assert tab.edit_button.isEnabled() and tab.delete_button.isEnabled()
    assert tab.changes.leave_button.isEnabled() and tab.posts_panel.report_button.isEnabled()
    panel = tab.posts_panel
    assert panel.reports_table.rowCount() == 1 and panel.services_table.rowCount() == 1
    assert "陈伟" in tab.detail.toPlainText() and "2.5" in tab.detail.toPlainText()


def test_extra_buttons_join_the_row_and_follow_the_selection(qtbot: QtBot, tab: MembersTab) -> None:
    clicked: list[str] = []
    report = tab.add_button(
        "Report", "报到领岗", lambda: clicked.append("report"), needs_selection=True
    )
    export = tab.add_button("Export", "导出", lambda: clicked.append("export"))
    row = tab.button_row
    order = [item.widget() for i in range(row.count()) if (item := row.itemAt(i)) is not None]
    assert order.index(tab.delete_button) < order.index(report) < order.index(export)
    assert order.index(export) == len(order) - 2  # then the stretch
    last = row.itemAt(row.count() - 1)
    assert last is not None and last.spacerItem() is not None
    assert report.objectName() == "membersReport"
    assert not report.isEnabled()
    assert export.isEnabled()
    click_row(qtbot, tab, "黄强")
    assert report.isEnabled()
    qtbot.mouseClick(report, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert clicked == ["report", "export"]


# -- adding ------------------------------------------------------------------------------------
def test_double_click_and_enter_open_the_editor(qtbot: QtBot, tab: MembersTab) -> None:
    click_row(qtbot, tab, "黄强")
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.ui.nameEdit.text() == "黄强"
    dialog.reject()
    assert shown_dialog(tab) is None
    row = [r.name for r in tab.model.rows()].index("郑敏")
    rect = tab.table.visualRect(tab.model.index(row, 0))
    # A double click is a click followed by a double-click event at the same place.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.ui.nameEdit.text() == "郑敏"


def test_ctrl_n_opens_an_empty_dialog(qtbot: QtBot, tab: MembersTab) -> None:
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    assert dialog.member_id is None
    assert dialog.ui.nameEdit.text() == ""


# -- deleting ----------------------------------------------------------------------------------
def test_delete_a_member_after_confirmation(
    qtbot: QtBot, db: Database, tab: MembersTab, boxes: Boxes
) -> None:
    click_row(qtbot, tab, "郑敏")
    boxes.confirm_answer = False
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert boxes.shown == ["Delete the party member “郑敏”? This cannot be undone."]
    assert stored(db, "郑敏") is not None
    boxes.confirm_answer = True
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert stored(db, "郑敏") is None
    assert "郑敏" not in names(tab)


def test_delete_a_member_with_post_reports(
    qtbot: QtBot, db: Database, tab: MembersTab, boxes: Boxes
) -> None:
    click_row(qtbot, tab, "陈伟")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    [question] = boxes.shown
    assert "“陈伟” together with 1 post reports and 1 service records (2.5 hours)" in question
    assert stored(db, "陈伟") is None
    with db.read() as s:
        assert s.execute(select(func.count(PostReport.id))).scalar_one() == 0
    assert names(tab) == ["林丽", "郑敏", "黄强"]


# -- filters and masking -----------------------------------------------------------------------
def test_filter_by_typing_an_organization(qtbot: QtBot, tab: MembersTab) -> None:
    combo = tab.organization_combo
    type_text(qtbot, combo, "东山社区党支部")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert names(tab) == ["黄强"]
    assert tab.count_label.text().endswith("1")
    # A name that is no organization leaves the filter as it was.
    combo.setEditText("")
    type_text(qtbot, combo, "没有这个支部")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == "东山社区党支部"
    assert names(tab) == ["黄强"]
    # Emptying the box shows every organization again.
    combo.setEditText("")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert names(tab) == ["林丽", "郑敏", "陈伟", "黄强"]


def test_organization_filter_from_the_dashboard(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    tab.apply_filters(organization_id=ids["A"])
    assert tab.organization_combo.currentText() == "文光村党支部"
    assert names(tab) == ["林丽", "陈伟"]
    # An organization made after the tab filled its choices is found too.
    new_org = make_org(db, "新建党支部", town="陈店镇")
    make_member(db, "新党员", new_org)
    tab.apply_filters(organization_id=new_org)
    assert tab.organization_combo.currentText() == "新建党支部"
    assert names(tab) == ["新党员"]
    tab.apply_filters()
    assert tab.organization_combo.currentText() == ""
    assert len(names(tab)) == 5


def test_filter_by_town_category_and_reported(qtbot: QtBot, tab: MembersTab) -> None:
    choose(tab.town_combo, "峡山街道")
    assert names(tab) == ["黄强"]
    tab.town_combo.setCurrentIndex(0)
    choose(tab.category_combo, MemberCategory.PROBATIONARY)
    assert names(tab) == ["林丽"]
    tab.category_combo.setCurrentIndex(0)
    choose(tab.reported_combo, True)
    assert names(tab) == ["陈伟"]
    choose(tab.reported_combo, False)
    assert names(tab) == ["林丽", "郑敏", "黄强"]


def test_id_numbers_and_phones_show_only_while_ticked(
    qtbot: QtBot, db: Database, tab: MembersTab
) -> None:
    masked_id = "*" * 14 + CHEN_ID[-4:]
    assert not tab.unmask_check.isChecked()
    assert cells(tab, ID_COLUMN)["陈伟"] == masked_id
    assert cells(tab, PHONE_COLUMN)["陈伟"] == "138****5678"
    click_row(qtbot, tab, "陈伟")
    assert masked_id in tab.detail.toPlainText()
    assert CHEN_ID not in tab.detail.toPlainText()
    assert "1990-01-01" not in tab.detail.toPlainText()  # the birth year only
    assert "1990" in tab.detail.toPlainText()

    check(qtbot, tab.unmask_check)
    assert tab.unmask_check.isChecked()
    assert cells(tab, ID_COLUMN)["陈伟"] == CHEN_ID
    assert cells(tab, PHONE_COLUMN)["陈伟"] == "13812345678"
    assert CHEN_ID in tab.detail.toPlainText()
    assert "1990-01-01" in tab.detail.toPlainText()
    current = tab.current_row()
    assert current is not None
    assert current.name == "陈伟"  # the selection stays

    check(qtbot, tab.unmask_check)
    assert cells(tab, ID_COLUMN)["陈伟"] == masked_id
    assert CHEN_ID not in tab.detail.toPlainText()

    # A new tab (the program started again) starts masked.
    tab.set_unmasked(True)
    again = MembersTab(AppContext(db))
    qtbot.addWidget(again)
    assert not again.unmask_check.isChecked()
    assert cells(again, ID_COLUMN)["陈伟"] == masked_id


# -- the tab's other actions: posts panel, import, export, catalogue, overview ----------------
def test_posts_panel_follows_the_selected_member(qtbot: QtBot, tab: MembersTab) -> None:
    click_row(qtbot, tab, "陈伟")
    panel = tab.posts_panel
    assert panel.member_id() == tab.current_row().id  # type: ignore[union-attr]
    assert panel.reports_table.rowCount() == 1
    assert panel.services_table.rowCount() == 1  # the newest report is chosen at once
    click_row(qtbot, tab, "林丽")
    assert panel.reports_table.rowCount() == 0
    assert not panel.services_table.isEnabled() or panel.services_table.rowCount() == 0


def test_a_write_in_the_posts_panel_refreshes_the_listing(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    from pbc_desktop.services.post_reports import reports

    assert cells(tab, REPORTED_COLUMN)["陈伟"]
    click_row(qtbot, tab, "陈伟")
    report_id = tab.posts_panel.reports[0].id
    reports.end_report(db, report_id, reports.EndInput(ended_on=date.today()))
    tab.posts_panel.changed.emit()
    assert cells(tab, REPORTED_COLUMN)["陈伟"] == ""
    current = tab.current_row()
    assert current is not None
    assert current.name == "陈伟"


def test_import_button_opens_the_import_dialog_and_reloads_after(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    from pbc_desktop.ui.members.import_dialog import MemberImportDialog

    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, MemberImportDialog)
    make_member(db, "吴敏", ids["A"])
    dialog.imported.emit(None)
    assert "吴敏" in names(tab)
    dialog.reject()
    qtbot.waitUntil(lambda: shown_dialog(tab) is None)


def test_export_menu_exports_the_current_filter(
    qtbot: QtBot, tab: MembersTab, ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pbc_desktop.ui.members import tab as module

    calls: list[tuple[Any, bool]] = []
    monkeypatch.setattr(
        module.member_exports,
        "export_roster_xlsx",
        lambda _parent, _ctx, query, unmasked: calls.append((query, unmasked)),
    )
    menu = tab.export_button.menu()
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert {
        "membersExportXlsx",
        "membersExportTemplate",
        "membersRosterSave",
        "membersRosterPreview",
        "membersRosterPrint",
    } <= set(actions)
    choose(tab.category_combo, MemberCategory.PROBATIONARY)
    tab.set_unmasked(True)
    actions["membersExportXlsx"].trigger()
    assert len(calls) == 1
    query, unmasked = calls[0]
    assert query.category == MemberCategory.PROBATIONARY
    assert unmasked is True


def test_catalogue_and_overview_buttons_open_their_dialogs(qtbot: QtBot, tab: MembersTab) -> None:
    from pbc_desktop.ui.members.dual_report_overview import DualReportOverviewDialog
    from pbc_desktop.ui.members.post_catalogue_dialog import PostCatalogueDialog

    qtbot.mouseClick(tab.catalogue_button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(tab)
    assert isinstance(dialog, PostCatalogueDialog)
    dialog.reject()
    qtbot.waitUntil(lambda: shown_dialog(tab) is None)
    choose(tab.town_combo, "陈店镇")
    qtbot.mouseClick(tab.overview_button, Qt.MouseButton.LeftButton)
    overview = shown_dialog(tab)
    assert isinstance(overview, DualReportOverviewDialog)
    assert overview.ui.townCombo.currentData() == "陈店镇"
    overview.reject()


def test_a_record_saved_while_the_filters_hide_it_is_shown_and_the_tab_says_so(
    qtbot: QtBot, tab: MembersTab, ids: dict[str, int], db: Database
) -> None:
    tab.search_edit.setText("陈伟")
    tab.reload()
    assert names(tab) == ["陈伟"]
    newcomer = make_member(db, "王五", ids["B"])  # e.g. saved by the New dialog
    tab.show_saved(newcomer)
    assert tab.search_edit.text() == "" and "王五" in names(tab)
    row = tab.current_row()
    assert row is not None and row.name == "王五"
    assert "cleared" in tab.extra_label.text() and tab.extra_label.isVisible()
    tab.show_saved(ids["陈伟"])  # nothing filtered: nothing to say
    assert not tab.extra_label.isVisible()


def test_members_are_shown_by_pinyin_and_found_by_it(qtbot: QtBot, tab: MembersTab) -> None:
    assert [row.name for row in tab.model.rows()] == ["陈伟", "黄强", "林丽", "郑敏"]
    type_text(qtbot, tab.search_edit, "hq")
    qtbot.waitUntil(lambda: names(tab) == ["黄强"])
    tab.search_edit.clear()
    type_text(qtbot, tab.search_edit, "Chen Wei")
    qtbot.waitUntil(lambda: names(tab) == ["陈伟"])
    tab.search_edit.clear()
    type_text(qtbot, tab.search_edit, "lin")
    qtbot.waitUntil(lambda: names(tab) == ["林丽"])


# -- another clerk writes meanwhile (a server database) ---------------------------------------
@pytest.fixture
def other_pc(db: Database) -> Iterator[Database]:
    """Another client of the same database (its own connections), signed in as 张三."""
    add_account(db, "zhangsan", UserRole.DISTRICT, name="张三", unit="区委组织部")
    with db.read() as s:
        user = s.scalars(select(User).where(User.username == "zhangsan")).one()
    other = Database(db.url, user=actor_of(user))
    yield other
    other.dispose()


def test_a_save_over_another_clerks_change_keeps_the_dialog_and_the_input(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int], other_pc: Database
) -> None:
    dialog = open_edit(qtbot, tab, "林丽")
    # meanwhile 张三, on another PC, saves the same member
    theirs = member_editing.get_member_input(other_pc, ids["林丽"])
    member_editing.update_member(other_pc, ids["林丽"], replace(theirs, party_post="组织委员"))

    type_text(qtbot, dialog.ui.workUnitEdit, "陈店镇文光村村委会")
    typed = dialog.input()
    click_ok(qtbot, dialog)

    assert shown_dialog(tab) is dialog and dialog.isVisible()  # not closed
    assert "该记录已被 张三 于 " in dialog.error_text()
    assert "请关闭后重新打开再保存" in dialog.error_text()
    assert dialog.input() == typed  # every field as the clerk left it
    m = stored(db, "林丽")
    assert m is not None and (m.party_post, m.work_unit) == ("组织委员", None)

    # closed and opened again, the clerk's change goes in over 张三's, which stays
    dialog.reject()
    again = open_edit(qtbot, tab, "林丽")
    type_text(qtbot, again.ui.workUnitEdit, "陈店镇文光村村委会")
    click_ok(qtbot, again)
    assert shown_dialog(tab) is None
    m = stored(db, "林丽")
    assert m is not None and (m.party_post, m.work_unit) == ("组织委员", "陈店镇文光村村委会")


def test_the_listing_shows_another_clerks_new_member_keeping_the_selection(
    qtbot: QtBot, tab: MembersTab, ids: dict[str, int], other_pc: Database
) -> None:
    watch = ChangeWatch(tab.ctx, tab, interval_ms=50)
    watch.everywhere = True  # on SQLite too: two connections stand for two PCs
    watch.changed.connect(tab.follow_changes)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    click_row(qtbot, tab, "黄强")
    qtbot.wait(150)  # the watch has had its first look
    member_editing.create_member(
        other_pc, MemberInput(name="王新", organization_id=ids["A"], **complete_fields())
    )
    qtbot.waitUntil(lambda: "王新" in names(tab), timeout=5000)
    current = tab.current_row()
    assert current is not None and current.name == "黄强"


def test_a_server_gone_during_the_automatic_reload_is_no_message(
    qtbot: QtBot,
    db: Database,
    ids: dict[str, int],
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The change watch found others' writes and the server stopped answering the moment
    after: the listing's reload is refused. No one asked for it: no message over the
    window (the server watch's red line says the server is gone), the rows shown stay,
    and the next look that reaches the server reloads it, with no write since."""
    from pbc_desktop.services import members
    from pbc_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    tab = window.show_tab("members")
    assert isinstance(tab, MembersTab)
    before = names(tab)
    window.change_watch.everywhere = True  # on SQLite too: two connections, two PCs
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)
    window.change_watch.look()  # the first look
    member_editing.create_member(
        db, MemberInput(name="王新", organization_id=ids["A"], **complete_fields())
    )
    real = members.list_members

    def gone(*_args: Any, **_options: Any) -> list[members.MemberRow]:
        raise ServerConnectionError("连接不上服务器 10.38.1.5:5432：请检查网络。")

    monkeypatch.setattr(members, "list_members", gone)
    window.change_watch.look()  # the change found, the server gone during the reload
    assert boxes.shown == []
    assert names(tab) == before
    assert "连不上服务器" in window.statusBar().currentMessage()

    monkeypatch.setattr(members, "list_members", real)
    window.change_watch.look()  # the server answers again: no write since, yet shown
    assert "王新" in names(tab)
    assert boxes.shown == []


def test_no_look_on_sqlite_nor_while_another_window_is_active(
    qtbot: QtBot, db: Database, tab: MembersTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Database] = []
    monkeypatch.setattr(changes, "look", lambda d, **_k: asked.append(d) or changes.Look(0, None))
    watch = ChangeWatch(tab.ctx, tab, interval_ms=60_000)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    watch.look()
    assert asked == ([] if db.is_sqlite else [db])
    watch.everywhere = True
    monkeypatch.setattr(tab, "isActiveWindow", lambda: False)
    watch.look()
    assert len(asked) == (0 if db.is_sqlite else 1)


def test_a_reload_shows_the_selected_rows_detail_once(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each showing asks every rule of the tab's actions (a query or two each): selecting
    the row again after the reload showed it, then the reload showed it once more."""
    org = make_org(db, "上底村党支部")
    for name in ("张三", "李四", "王五"):
        make_member(db, name, org)
    tab = MembersTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.table.selectRow(1)
    selected = tab.current_row()
    assert selected is not None
    shown: list[object] = []
    original = MembersTab.show_detail

    def counted(self: MembersTab, row: Any) -> None:
        shown.append(row)
        original(self, row)

    monkeypatch.setattr(MembersTab, "show_detail", counted)
    tab.search_edit.setText("")
    tab.reload()
    assert [getattr(row, "id", None) for row in shown] == [selected.id]
    tab.search_edit.setText("张三")
    shown.clear()
    tab.reload()  # the row selected is filtered out: nothing selected, shown once
    assert shown == [None]
