"""The 党组织 tab and dialog, driven through the keyboard and mouse like a clerk would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.enums import LabeledEnum, OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.exchange import offices
from pbc_desktop.services.exchange.offices import OfficeSetup
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.columns import PADDING, ColumnFitter
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.organizations.dialog import OrganizationDialog
from pbc_desktop.ui.organizations.tab import OrganizationsTab
from tests.factories import make_members, make_org
from tests.qt_helpers import type_text


@pytest.fixture
def seeded(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    ids["陈店镇党委"] = make_org(
        db, "陈店镇党委", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN, town="陈店镇"
    )
    ids["文光村党支部"] = make_org(
        db, "文光村党支部", parent_id=ids["陈店镇党委"], secretary="陈明", town="陈店镇"
    )
    ids["东山社区党支部"] = make_org(
        db,
        "东山社区党支部",
        field=OrgField.URBAN_COMMUNITY,
        town="峡山街道",
        secretary="林华",
    )
    make_members(db, ids["文光村党支部"], 5)
    make_members(db, ids["东山社区党支部"], 2)
    return ids


@pytest.fixture
def tab(qtbot: QtBot, db: Database, seeded: dict[str, int]) -> Iterator[OrganizationsTab]:
    widget = OrganizationsTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes never open in tests: refusals are collected here instead."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "show_user_error", lambda _p, e: seen.append(e.message))
    monkeypatch.setattr(
        messages, "warning", lambda _p, _t, text: pytest.fail(f"unexpected warning: {text}")
    )
    return seen


def table_names(tab: OrganizationsTab) -> list[str]:
    return [row.name for row in tab.model.rows()]


def stored_names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Organization.name)))


def choose(qtbot: QtBot, combo: QComboBox, member: LabeledEnum) -> None:
    """Pick an entry the way a keyboard user does: focus the combo and type to it."""
    combo.setFocus()
    index = combo.findData(member)
    assert index >= 0
    combo.setCurrentIndex(index)
    assert combo.currentData() == member


def click_row(qtbot: QtBot, tab: OrganizationsTab, name: str) -> None:
    row = table_names(tab).index(name)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current_row() is not None
    assert tab.current_row().name == name  # type: ignore[union-attr]


def click_tree(qtbot: QtBot, tab: OrganizationsTab, item: QTreeWidgetItem | None) -> None:
    assert item is not None
    tab.tree.scrollToItem(item)
    rect = tab.tree.visualItemRect(item)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def open_dialog(
    qtbot: QtBot, tab: OrganizationsTab, key: Qt.Key | None = None
) -> OrganizationDialog:
    if key is None:
        qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(tab.table, key)
    assert tab.active_dialog is not None
    qtbot.waitExposed(tab.active_dialog)
    return tab.active_dialog


def click_ok(qtbot: QtBot, dialog: OrganizationDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


# -- table and filters ------------------------------------------------------------------


def test_table_model_passes_modeltester(tab: OrganizationsTab, qtmodeltester: object) -> None:
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]
    assert tab.model.rowCount() == 3


def test_layout_and_initial_state(tab: OrganizationsTab) -> None:
    assert tab.findChild(type(tab.splitter), "organizationsSplitter") is tab.splitter
    root = tab.tree.topLevelItem(0)
    assert root is not None
    assert root.text(0) == "All (3)"
    assert [root.child(i).text(0) for i in range(root.childCount())] == ["镇街 (1)", "村社区 (2)"]
    assert tab.count_label.text() == "3 organizations"
    assert tab.new_button.isEnabled()
    assert not tab.edit_button.isEnabled()
    assert not tab.delete_button.isEnabled()


def test_selecting_a_row_enables_buttons_and_shows_detail(
    qtbot: QtBot, tab: OrganizationsTab
) -> None:
    click_row(qtbot, tab, "文光村党支部")
    assert tab.edit_button.isEnabled()
    assert tab.delete_button.isEnabled()
    detail = tab.detail_label.text()
    assert "文光村党支部" in detail
    assert "Parent: 陈店镇党委" in detail
    assert "Members: 5" in detail


def test_clicking_tree_nodes_filters(qtbot: QtBot, tab: OrganizationsTab) -> None:
    click_tree(qtbot, tab, tab.tree_item(OrgLevel.VILLAGE))
    assert sorted(table_names(tab)) == ["东山社区党支部", "文光村党支部"]
    click_tree(qtbot, tab, tab.tree_item(OrgLevel.VILLAGE, "峡山街道"))
    assert table_names(tab) == ["东山社区党支部"]
    assert tab.count_label.text() == "1 organizations"
    click_tree(qtbot, tab, tab.tree_item(None))
    assert len(table_names(tab)) == 3


def test_search_filters_as_you_type(qtbot: QtBot, tab: OrganizationsTab) -> None:
    type_text(qtbot, tab.search_edit, "林华")
    qtbot.waitUntil(lambda: table_names(tab) == ["东山社区党支部"])
    tab.search_edit.clear()
    type_text(qtbot, tab.search_edit, "党委")
    qtbot.waitUntil(lambda: table_names(tab) == ["陈店镇党委"])


def test_search_by_pinyin_initials_and_full_pinyin(qtbot: QtBot, tab: OrganizationsTab) -> None:
    type_text(qtbot, tab.search_edit, "wgc")
    qtbot.waitUntil(lambda: table_names(tab) == ["文光村党支部"])
    tab.search_edit.clear()
    type_text(qtbot, tab.search_edit, "dongshan")
    qtbot.waitUntil(lambda: table_names(tab) == ["东山社区党支部"])


def test_kind_and_field_filters(qtbot: QtBot, tab: OrganizationsTab) -> None:
    choose(qtbot, tab.kind_filter, OrgKind.COMMITTEE)
    assert table_names(tab) == ["陈店镇党委"]
    tab.kind_filter.setCurrentIndex(0)
    choose(qtbot, tab.field_filter, OrgField.URBAN_COMMUNITY)
    assert table_names(tab) == ["东山社区党支部"]


def test_filter_by_from_the_dashboard(tab: OrganizationsTab) -> None:
    tab.apply_filters(level="village", town="峡山街道")
    assert table_names(tab) == ["东山社区党支部"]
    current = tab.tree.currentItem()
    assert current is not None
    assert current.text(0) == "峡山街道 (1)"
    tab.apply_filters(kind=OrgKind.COMMITTEE)
    assert table_names(tab) == ["陈店镇党委"]
    tab.apply_filters(field="社区", text="林")
    assert table_names(tab) == ["东山社区党支部"]
    assert tab.search_edit.text() == "林"


def test_header_click_sorts_in_sql(qtbot: QtBot, tab: OrganizationsTab) -> None:
    header = tab.table.horizontalHeader()
    members = 8
    assert tab.model.headerData(members, Qt.Orientation.Horizontal) == "Mbrs."  # short
    tip = tab.model.headerData(members, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Members"
    pos = QPoint(header.sectionViewportPosition(members) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = [r.member_count for r in tab.model.rows()]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    second = [r.member_count for r in tab.model.rows()]
    assert {tuple(first), tuple(second)} == {(0, 2, 5), (5, 2, 0)}
    # The parent column cannot be sorted: clicking it keeps the order and the arrow.
    parent = 5
    pos = QPoint(header.sectionViewportPosition(parent) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert [r.member_count for r in tab.model.rows()] == second
    assert header.sortIndicatorSection() == members


# -- dialog -----------------------------------------------------------------------------


# typing the organization opens the list of names found
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_create_through_the_dialog(
    qtbot: QtBot, tab: OrganizationsTab, db: Database, seeded: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    assert dialog.windowTitle() == "New party organization"
    type_text(qtbot, ui.nameEdit, "陈店镇 内輋村党支部")
    choose(qtbot, ui.kindCombo, OrgKind.BRANCH)
    choose(qtbot, ui.fieldCombo, OrgField.RURAL)
    choose(qtbot, ui.levelCombo, OrgLevel.VILLAGE)
    type_text(qtbot, ui.townCombo, "陈店镇")
    type_text(qtbot, ui.parentCombo, "陈店镇党委")
    type_text(qtbot, ui.secretaryEdit, "郑国")
    type_text(qtbot, ui.phoneEdit, "13812345678")
    qtbot.mouseClick(ui.foundedCheck, Qt.MouseButton.LeftButton)
    assert ui.foundedEdit.isEnabled()
    ui.foundedEdit.setDate(date(2001, 7, 1))
    assert not ui.startCheck.isEnabled()
    click_ok(qtbot, dialog)

    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert "陈店镇 内輋村党支部" in stored_names(db)
    new_id = next(r.id for r in tab.model.rows() if r.name == "陈店镇 内輋村党支部")
    detail = orgs.get_organization(db, new_id)
    assert detail.parent_id == seeded["陈店镇党委"]
    assert (detail.town, detail.secretary, detail.contact_phone) == (
        "陈店镇",
        "郑国",
        "13812345678",
    )
    assert detail.founded_on == date(2001, 7, 1)
    assert detail.start_date is None
    # The table shows and selects the new row; the tree counts it.
    assert tab.current_row() is not None
    assert tab.current_row().id == new_id  # type: ignore[union-attr]
    assert tab.tree_item(OrgLevel.VILLAGE, "陈店镇").text(0) == "陈店镇 (2)"  # type: ignore[union-attr]


def test_bad_input_shows_message_and_stores_nothing(
    qtbot: QtBot, tab: OrganizationsTab, db: Database
) -> None:
    before = stored_names(db)
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "文光村党支部")  # already taken
    choose(qtbot, ui.fieldCombo, OrgField.RURAL)
    type_text(qtbot, ui.phoneEdit, "12345")
    click_ok(qtbot, dialog)

    assert tab.active_dialog is dialog
    assert dialog.isVisible()
    text = dialog.error_text()
    assert "已有名为“文光村党支部”的党组织" in text
    assert "请选择党组织类别" in text
    assert "请选择层级" in text
    assert "电话号码格式不正确" in text
    assert ui.nameEdit.styleSheet()
    assert ui.kindCombo.styleSheet()
    assert ui.phoneEdit.styleSheet()
    assert not ui.fieldCombo.styleSheet()
    assert stored_names(db) == before

    # Fixing the input saves and closes.
    ui.nameEdit.clear()
    type_text(qtbot, ui.nameEdit, "文光村第二党支部")
    choose(qtbot, ui.kindCombo, OrgKind.BRANCH)
    choose(qtbot, ui.levelCombo, OrgLevel.DISTRICT)
    ui.phoneEdit.clear()
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert "文光村第二党支部" in stored_names(db)


def test_unknown_parent_is_refused_in_the_dialog(
    qtbot: QtBot, tab: OrganizationsTab, db: Database
) -> None:
    dialog = open_dialog(qtbot, tab)
    type_text(qtbot, dialog.ui.nameEdit, "新党支部")
    type_text(qtbot, dialog.ui.parentCombo, "没有这个党委")
    click_ok(qtbot, dialog)
    assert "没有这个党委" in dialog.error_text()
    assert dialog.ui.parentCombo.styleSheet()
    assert "新党支部" not in stored_names(db)


def test_a_town_offices_first_organization_is_proposed_in_its_town(
    qtbot: QtBot, db: Database
) -> None:
    """A new database of a town office: no organization names a town yet, the office's
    is the one offered and the new organization's own, so its first one saves as typed."""
    offices.create_local_office(db, OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇"))
    tab = OrganizationsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    assert ui.townCombo.currentText() == "和平镇"
    assert [ui.townCombo.itemText(i) for i in range(ui.townCombo.count())] == ["和平镇"]
    type_text(qtbot, ui.nameEdit, "中共和平镇委员会")
    choose(qtbot, ui.kindCombo, OrgKind.COMMITTEE)
    choose(qtbot, ui.fieldCombo, OrgField.AGENCY)
    choose(qtbot, ui.levelCombo, OrgLevel.TOWN)
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    with db.read() as s:
        assert s.scalar(select(Organization.town)) == "和平镇"
    # an organization edited keeps its own town (none here), not the office's
    other = make_org(db, "区直机关工委", level=OrgLevel.DISTRICT, town=None)
    edited = OrganizationDialog(AppContext(db), other)
    qtbot.addWidget(edited)
    assert edited.ui.townCombo.currentText() == ""


def test_the_town_and_parent_are_typed_into_fields_as_wide_as_the_name(
    qtbot: QtBot, db: Database, chinese: object
) -> None:
    """On a new database the two lists are empty: their lines are still as wide as the
    name's, the parent's hint (无（输入文字搜索）) read whole, not a box of a few pixels."""
    tab = OrganizationsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    for combo in (ui.townCombo, ui.parentCombo):
        assert combo.width() >= ui.nameEdit.width() * 0.9
    line = ui.parentCombo.lineEdit()
    assert line is not None
    hint = line.placeholderText()
    assert line.width() > line.fontMetrics().horizontalAdvance(hint) + 8


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_a_parent_found_by_the_middle_of_its_name_is_offered_not_completed_in_the_line(
    qtbot: QtBot, tab: OrganizationsTab, db: Database
) -> None:
    """Typed letters from the middle of a name leave the line as typed (no rest of the
    name run on after them: a name nobody has, refused at OK), and the list under it
    offers the name whole."""
    make_org(db, "中共JD镇委员会", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN, town="陈店镇")
    dialog = open_dialog(qtbot, tab)
    combo = dialog.ui.parentCombo
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)  # a completer completes only in the focused line
    qtbot.keyClicks(combo, "JD")
    assert combo.currentText() == "JD"
    completer = combo.completer()
    assert completer is not None
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert completer.currentCompletion() == "中共JD镇委员会"
    completer.popup().hide()


def test_temporary_branch_dates(qtbot: QtBot, tab: OrganizationsTab, db: Database) -> None:
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "峡山街道防疫临时党支部")
    choose(qtbot, ui.kindCombo, OrgKind.TEMPORARY_BRANCH)
    choose(qtbot, ui.fieldCombo, OrgField.URBAN_COMMUNITY)
    choose(qtbot, ui.levelCombo, OrgLevel.TOWN)
    type_text(qtbot, ui.townCombo, "峡山街道")
    assert ui.startCheck.isEnabled()
    assert ui.endCheck.isEnabled()
    click_ok(qtbot, dialog)
    assert "临时党支部须填写开始日期" in dialog.error_text()
    assert ui.startEdit.styleSheet()

    qtbot.mouseClick(ui.startCheck, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.endCheck, Qt.MouseButton.LeftButton)
    ui.startEdit.setDate(date(2022, 3, 10))
    ui.endEdit.setDate(date(2022, 3, 1))
    click_ok(qtbot, dialog)
    assert "结束日期不能早于开始日期" in dialog.error_text()
    assert not ui.startEdit.styleSheet()
    assert ui.endEdit.styleSheet()
    assert "峡山街道防疫临时党支部" not in stored_names(db)

    ui.endEdit.setDate(date(2022, 6, 30))
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    row = next(r for r in tab.model.rows() if r.name == "峡山街道防疫临时党支部")
    detail = orgs.get_organization(db, row.id)
    assert (detail.start_date, detail.end_date) == (date(2022, 3, 10), date(2022, 6, 30))


def test_edit_with_f2_and_enter(qtbot: QtBot, tab: OrganizationsTab, db: Database) -> None:
    click_row(qtbot, tab, "文光村党支部")
    dialog = open_dialog(qtbot, tab, Qt.Key.Key_F2)
    ui = dialog.ui
    assert dialog.windowTitle() == "Edit organization"
    assert ui.nameEdit.text() == "文光村党支部"
    assert ui.parentCombo.currentText() == "陈店镇党委"
    assert ui.kindCombo.currentData() == OrgKind.BRANCH
    assert ui.townCombo.currentText() == "陈店镇"
    assert not ui.foundedCheck.isChecked()
    ui.secretaryEdit.clear()
    type_text(qtbot, ui.secretaryEdit, "黄海")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: tab.active_dialog is None)

    org_id = tab.current_row().id  # type: ignore[union-attr]
    assert orgs.get_organization(db, org_id).secretary == "黄海"
    assert orgs.get_organization(db, org_id).parent_name == "陈店镇党委"
    assert "Secretary: 黄海" in tab.detail_label.text()

    tab.table.setFocus()
    dialog = open_dialog(qtbot, tab, Qt.Key.Key_Return)
    assert dialog.ui.secretaryEdit.text() == "黄海"
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: tab.active_dialog is None)


def test_ctrl_n_opens_the_new_dialog(qtbot: QtBot, tab: OrganizationsTab) -> None:
    tab.search_edit.setFocus()
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.active_dialog is not None
    assert tab.active_dialog.org_id is None


# -- delete -----------------------------------------------------------------------------


def test_delete_refused_shows_the_reason(
    qtbot: QtBot,
    tab: OrganizationsTab,
    db: Database,
    shown_errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or True)
    click_row(qtbot, tab, "文光村党支部")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert asked == ["Delete the organization “文光村党支部”? This cannot be undone."]
    assert len(shown_errors) == 1
    assert "该党组织下还有 5 名党员" in shown_errors[0]
    assert "文光村党支部" in stored_names(db)
    assert "文光村党支部" in table_names(tab)


def test_delete_confirmed_and_declined(
    qtbot: QtBot,
    tab: OrganizationsTab,
    db: Database,
    shown_errors: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unused = make_org(
        db,
        "陈店镇临时党支部",
        start_date=date(2022, 1, 1),
        end_date=date(2022, 2, 1),
        town="陈店镇",
    )
    tab.refresh()
    monkeypatch.setattr(messages, "confirm", lambda *_a: False)
    click_row(qtbot, tab, "陈店镇临时党支部")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "陈店镇临时党支部" in stored_names(db)

    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "陈店镇临时党支部" not in stored_names(db)
    assert "陈店镇临时党支部" not in table_names(tab)
    assert shown_errors == []
    with pytest.raises(UserError):
        orgs.get_organization(db, unused)
    assert not tab.delete_button.isEnabled()


def test_a_save_on_a_lost_server_connection_keeps_the_dialog_and_its_input(
    qtbot: QtBot, tab: OrganizationsTab, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The network drops as OK is pressed: one sentence in the dialog, what was typed
    kept; pressing OK again once the server is back saves it."""
    from sqlalchemy.exc import OperationalError

    from pbc_desktop.db.server import server_error

    server_url = "postgresql+psycopg://pbc_chengtian@10.38.1.5:5432/pbc"
    dropped = OperationalError("COMMIT", {}, Exception("server closed the connection"))
    lost = server_error(dropped, server_url, saving=True)
    assert lost is not None
    real_write = db.write
    failures = [lost]

    def write(**options: object) -> object:
        if failures:
            raise failures.pop()
        return real_write(**options)  # type: ignore[arg-type]

    monkeypatch.setattr(db, "write", write)
    dialog = open_dialog(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "断网村党支部")
    choose(qtbot, ui.kindCombo, OrgKind.BRANCH)
    choose(qtbot, ui.fieldCombo, OrgField.RURAL)
    choose(qtbot, ui.levelCombo, OrgLevel.VILLAGE)
    type_text(qtbot, ui.townCombo, "成田镇")
    click_ok(qtbot, dialog)

    assert tab.active_dialog is dialog and dialog.isVisible()
    assert dialog.error_text() == lost.message
    assert "这次没有保存" in lost.message and "Traceback" not in dialog.error_text()
    assert ui.nameEdit.text() == "断网村党支部"
    assert "断网村党支部" not in stored_names(db)

    click_ok(qtbot, dialog)  # the server is back
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    assert "断网村党支部" in stored_names(db)


def test_a_longer_name_than_the_first_rows_is_shown_whole_where_there_is_room(
    qtbot: QtBot, db: Database
) -> None:
    """A new database's first organization has a short name; the table's name column then
    grows for the longer names added after it (it stayed at the first one's width, every
    village branch cut off beside a wide empty column)."""
    tab = OrganizationsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    make_org(db, "中共和平镇委员会", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN)
    tab.refresh()
    long_name = "中共和平镇和平村支部委员会"
    make_org(db, long_name)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    header = tab.table.horizontalHeader()
    metrics = tab.table.fontMetrics()
    qtbot.waitUntil(
        lambda: header.sectionSize(0) > metrics.horizontalAdvance(long_name), timeout=1000
    )


def test_the_last_column_is_measured_by_its_figures_not_its_stretched_width(
    qtbot: QtBot, db: Database
) -> None:
    """Measured again as rows are added, the last column (stretched to the room left) is
    measured by its figures: it was taken at its stretched width (wider at each new
    organization), and the names, squeezed to make room for it, were cut off (at 1024 px
    after a fourth organization)."""
    tab = OrganizationsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    long_name = "中共和平镇和平社区支部委员会"
    for n, name in enumerate(["中共和平镇委员会", long_name, "中共和平镇下寨村支部委员会"]):
        make_org(db, name)
        tab.refresh()
        qtbot.waitUntil(lambda n=n: tab.model.rowCount() == n + 1)
    table = tab.table
    header = table.horizontalHeader()
    last = header.count() - 1
    fit = table.findChild(ColumnFitter)
    assert fit is not None
    contents = max(table.sizeHintForColumn(last), header.sectionSizeHint(last))
    assert fit.natural[last] <= contents + PADDING
