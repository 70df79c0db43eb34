"""The member dialog of the 党员 tab (adding, editing, what it refuses), driven through
the keyboard and mouse like a clerk."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain.enums import Gender, MemberCategory
from pbc_desktop.ui.members.tab import MembersTab
from tests.qt_helpers import type_text
from tests.ui.members_ui_helpers import (  # noqa: F401  (fixtures)
    CHEN_ID,
    LIN_ID,
    ZHANG_ID,
    boxes_fixture,
    check,
    choose,
    click_ok,
    ids_fixture,
    is_marked,
    member_count,
    open_edit,
    open_new,
    shown_dialog,
    stored,
    tab_fixture,
)

# The organization pickers open their completion popup while typing; the offscreen
# platform warns that it cannot raise the popup or give it the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


def test_add_a_member_typing_chinese(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    dialog = open_new(qtbot, tab)
    ui = dialog.ui
    assert dialog.windowTitle() == "New party member"
    type_text(qtbot, ui.nameEdit, "张晓明")
    type_text(qtbot, ui.idEdit, ZHANG_ID[:17] + ZHANG_ID[17].lower())
    # A valid ID number fills the empty birth date and sex.
    assert ui.genderCombo.currentText() == "男"
    assert ui.birthCheck.isChecked()
    assert ui.birthEdit.date() == QDate(1978, 3, 15)
    assert "1978-03-15" in ui.idHintLabel.text()
    type_text(qtbot, ui.ethnicityCombo, "畲族")
    type_text(qtbot, ui.nativePlaceEdit, "广东潮阳")
    type_text(qtbot, ui.educationCombo, "大学本科")
    type_text(qtbot, ui.phoneEdit, "0754-87654321")
    type_text(qtbot, ui.organizationCombo, "东山社区党支部")
    check(qtbot, ui.joinedCheck)
    ui.joinedEdit.setDate(QDate(2001, 7, 1))
    check(qtbot, ui.confirmedCheck)
    ui.confirmedEdit.setDate(QDate(2002, 7, 1))
    type_text(qtbot, ui.partyPostEdit, "组织委员")
    type_text(qtbot, ui.workUnitEdit, "东山社区居委会 主任")
    type_text(qtbot, ui.remarkEdit, "从外地转入")
    click_ok(qtbot, dialog)

    assert shown_dialog(tab) is None
    m = stored(db, "张晓明")
    assert m is not None
    assert (m.id_number, m.gender, m.birth_date) == (ZHANG_ID, Gender.MALE, date(1978, 3, 15))
    assert (m.ethnicity, m.native_place, m.education) == ("畲族", "广东潮阳", "大学本科")
    assert (m.phone, m.organization_id) == ("0754-87654321", ids["B"])
    assert (m.joined_on, m.confirmed_on) == (date(2001, 7, 1), date(2002, 7, 1))
    assert (m.party_post, m.work_unit) == ("组织委员", "东山社区居委会 主任")
    assert m.remark == "从外地转入"
    assert m.category == MemberCategory.FULL
    # The new member is shown and selected, its details beside the table.
    current = tab.current_row()
    assert current is not None
    assert current.name == "张晓明"
    assert current.organization_name == "东山社区党支部"
    assert "组织委员" in tab.detail.toPlainText()


def test_new_member_starts_in_the_filtered_organization(
    qtbot: QtBot, tab: MembersTab, ids: dict[str, int]
) -> None:
    tab.apply_filters(organization_id=ids["B"])
    dialog = open_new(qtbot, tab)
    assert dialog.ui.organizationCombo.currentText() == "东山社区党支部"


def test_organization_is_found_by_part_of_its_name(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    dialog = open_new(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "张晓明")
    type_text(qtbot, ui.idEdit, ZHANG_ID)
    type_text(qtbot, ui.organizationCombo, "教育")
    completer = ui.organizationCombo.completer()
    assert completer is not None
    assert completer.currentCompletion() == "区教育局机关党支部"
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert ui.organizationCombo.currentText() == "区教育局机关党支部"
    click_ok(qtbot, dialog)
    m = stored(db, "张晓明")
    assert m is not None
    assert m.organization_id == ids["C"]


def test_refused_input_is_explained_marked_and_not_saved(
    qtbot: QtBot, db: Database, tab: MembersTab
) -> None:
    dialog = open_new(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "王五")
    wrong = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
    type_text(qtbot, ui.idEdit, wrong)
    assert "校验位" in ui.idHintLabel.text()  # said while typing
    assert ui.genderCombo.currentIndex() == -1  # nothing filled from a wrong number
    type_text(qtbot, ui.phoneEdit, "12345")
    click_ok(qtbot, dialog)

    assert shown_dialog(tab) is dialog
    assert dialog.isVisible()
    text = dialog.error_text()
    assert "身份证号校验位错误" in text
    assert "电话号码格式不正确" in text
    assert "请选择所在党组织" in text
    assert is_marked(ui.idEdit)
    assert is_marked(ui.phoneEdit)
    assert is_marked(ui.organizationCombo)
    assert not is_marked(ui.nameEdit)
    assert dialog.focusWidget() is ui.idEdit
    assert member_count(db) == 4

    # Fixing the fields clears the marks and saves.
    ui.idEdit.clear()
    type_text(qtbot, ui.idEdit, ZHANG_ID)
    ui.phoneEdit.clear()
    type_text(qtbot, ui.organizationCombo, "不存在的党支部")
    click_ok(qtbot, dialog)
    assert dialog.error_text() == (
        "No organization is named “不存在的党支部”; choose one from the list."
    )
    assert is_marked(ui.organizationCombo)
    assert not is_marked(ui.idEdit)
    assert member_count(db) == 4

    ui.organizationCombo.setEditText("")
    type_text(qtbot, ui.organizationCombo, "文光村党支部")
    click_ok(qtbot, dialog)
    assert shown_dialog(tab) is None
    assert member_count(db) == 5


def test_duplicate_id_number_names_the_other_member(
    qtbot: QtBot, db: Database, tab: MembersTab
) -> None:
    dialog = open_new(qtbot, tab)
    type_text(qtbot, dialog.ui.nameEdit, "陈伟")
    type_text(qtbot, dialog.ui.idEdit, CHEN_ID)
    type_text(qtbot, dialog.ui.organizationCombo, "东山社区党支部")
    click_ok(qtbot, dialog)
    assert "已登记为“文光村党支部”的党员陈伟" in dialog.error_text()
    assert is_marked(dialog.ui.idEdit)
    assert member_count(db) == 4


def test_id_number_fills_only_what_the_user_left_empty(qtbot: QtBot, tab: MembersTab) -> None:
    dialog = open_new(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.idEdit, CHEN_ID)
    assert (ui.genderCombo.currentText(), ui.birthEdit.date()) == ("男", QDate(1990, 1, 1))
    # Another number replaces what the first one filled in ...
    ui.idEdit.clear()
    type_text(qtbot, ui.idEdit, LIN_ID)
    assert (ui.genderCombo.currentText(), ui.birthEdit.date()) == ("女", QDate(1985, 12, 12))
    # ... but not what the user chose.
    choose(ui.genderCombo, Gender.MALE.value)
    ui.birthEdit.setDate(QDate(1985, 12, 13))
    ui.idEdit.clear()
    type_text(qtbot, ui.idEdit, ZHANG_ID)
    assert (ui.genderCombo.currentText(), ui.birthEdit.date()) == ("男", QDate(1985, 12, 13))


def test_optional_dates_can_be_cleared_and_probationers_have_no_confirmation(
    qtbot: QtBot, db: Database, tab: MembersTab
) -> None:
    dialog = open_edit(qtbot, tab, "林丽")
    ui = dialog.ui
    assert ui.joinedCheck.isChecked()
    assert ui.joinedEdit.date() == QDate(2023, 7, 1)
    assert not ui.confirmedCheck.isEnabled()  # 预备党员
    check(qtbot, ui.joinedCheck)
    assert not ui.joinedEdit.isEnabled()
    click_ok(qtbot, dialog)
    m = stored(db, "林丽")
    assert m is not None
    assert m.joined_on is None


def test_dates_are_typed_from_the_keyboard_and_an_impossible_one_is_not_saved(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    dialog = open_new(qtbot, tab)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "张晓明")
    type_text(qtbot, ui.idEdit, ZHANG_ID)
    type_text(qtbot, ui.organizationCombo, "东山社区党支部")
    check(qtbot, ui.joinedCheck)
    joined = ui.joinedEdit.lineEdit()
    ui.joinedEdit.setFocus()
    ui.joinedEdit.selectAll()
    qtbot.keyClicks(ui.joinedEdit, "2001-2-30")
    click_ok(qtbot, dialog)
    assert dialog.error_text() == "“2001-2-30”这一天不存在，请检查月份和日期。"
    assert shown_dialog(tab) is dialog
    assert stored(db, "张晓明") is None
    ui.joinedEdit.setFocus()
    ui.joinedEdit.selectAll()
    qtbot.keyClicks(ui.joinedEdit, "2001.7.1")
    click_ok(qtbot, dialog)  # takes the date being typed
    assert ui.joinedEdit.date() == QDate(2001, 7, 1)
    assert joined.text() == "2001-07-01"
    assert shown_dialog(tab) is None
    m = stored(db, "张晓明")
    assert m is not None
    assert m.joined_on == date(2001, 7, 1)


# -- editing -----------------------------------------------------------------------------------
def test_edit_a_member(qtbot: QtBot, db: Database, tab: MembersTab) -> None:
    dialog = open_edit(qtbot, tab, "林丽")
    ui = dialog.ui
    assert dialog.windowTitle() == "Edit party member"
    qtbot.mouseClick(dialog.show_numbers_button, Qt.MouseButton.LeftButton)
    assert ui.idEdit.text() == LIN_ID
    assert ui.phoneEdit.text() == "13900001111"
    assert ui.organizationCombo.currentText() == "文光村党支部"
    choose(ui.categoryCombo, MemberCategory.FULL.value)
    assert ui.confirmedCheck.isEnabled()
    check(qtbot, ui.confirmedCheck)
    ui.confirmedEdit.setDate(QDate(2024, 7, 1))
    ui.phoneEdit.clear()
    type_text(qtbot, ui.phoneEdit, "13700002222")
    ui.organizationCombo.setEditText("")
    type_text(qtbot, ui.organizationCombo, "东山社区党支部")
    click_ok(qtbot, dialog)

    m = stored(db, "林丽")
    assert m is not None
    assert (m.category, m.confirmed_on, m.phone) == (
        MemberCategory.FULL,
        date(2024, 7, 1),
        "13700002222",
    )
    current = tab.current_row()
    assert current is not None
    assert (current.name, current.organization_name, current.phone) == (
        "林丽",
        "东山社区党支部",
        "137****2222",
    )


def test_the_editor_masks_the_numbers_until_asked(
    qtbot: QtBot, db: Database, tab: MembersTab
) -> None:
    dialog = open_edit(qtbot, tab, "林丽")
    ui = dialog.ui
    assert ui.idEdit.text() == "*" * 14 + LIN_ID[-4:]
    assert ui.phoneEdit.text() == "139****1111"
    assert ui.idEdit.isReadOnly() and ui.phoneEdit.isReadOnly()
    # Beside the masked ID number the birth date shows only its year, read-only.
    assert dialog.ui.idHintLabel.text() == "Born on 1985, 女"
    assert ui.birthEdit.text() == "1985" and ui.birthEdit.isReadOnly()
    assert not ui.birthEdit.calendarPopup()  # its calendar would show the whole date
    assert not ui.birthCheck.isEnabled()
    assert dialog.show_numbers_button.isVisible()
    # Saving a masked form keeps the stored numbers and birth date.
    ui.workUnitEdit.setText("文光村委会")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    m = stored(db, "林丽")
    assert m is not None
    assert (m.id_number, m.phone, m.work_unit) == (LIN_ID, "13900001111", "文光村委会")
    assert m.birth_date == date(1985, 12, 12)

    dialog = open_edit(qtbot, tab, "林丽")
    qtbot.mouseClick(dialog.show_numbers_button, Qt.MouseButton.LeftButton)
    assert not dialog.show_numbers_button.isVisible()
    assert (dialog.ui.idEdit.text(), dialog.ui.phoneEdit.text()) == (LIN_ID, "13900001111")
    assert dialog.ui.idHintLabel.text().startswith("Born on 1985-12-12")
    assert dialog.ui.birthEdit.text() != "1985" and not dialog.ui.birthEdit.isReadOnly()
    assert dialog.ui.birthEdit.date() == QDate(1985, 12, 12)
    assert dialog.ui.birthEdit.calendarPopup()
    assert not dialog.ui.idEdit.isReadOnly()
    assert dialog.focusWidget() is dialog.ui.idEdit
    dialog.reject()

    # While the tab shows the numbers, so does the editor; a new member has none to hide.
    tab.set_unmasked(True)
    dialog = open_edit(qtbot, tab, "林丽")
    assert dialog.ui.idEdit.text() == LIN_ID
    assert not dialog.show_numbers_button.isVisible()
    dialog.reject()
    tab.set_unmasked(False)
    dialog = open_new(qtbot, tab)
    assert not dialog.show_numbers_button.isVisible()
    assert not dialog.ui.idEdit.isReadOnly()


def test_the_masked_editor_masks_numbers_written_in_the_remark(
    qtbot: QtBot, db: Database, ids: dict[str, int], tab: MembersTab
) -> None:
    """The detail panel masks them in the remark; the editor beside it did not."""
    remark = f"配偶林丽，身份证 {LIN_ID}，电话 13900001111"
    with db.write() as s:
        member = s.get(PartyMember, ids["陈伟"])
        assert member is not None
        member.remark = remark
    tab.refresh()
    dialog = open_edit(qtbot, tab, "陈伟")
    ui = dialog.ui
    shown = ui.remarkEdit.toPlainText()
    assert LIN_ID not in shown and "13900001111" not in shown
    assert shown == f"配偶林丽，身份证 {'*' * 14}{LIN_ID[-4:]}，电话 139****1111"
    assert ui.remarkEdit.isReadOnly()
    # Saving the masked form keeps the remark as stored.
    ui.workUnitEdit.setText("文光村委会")
    click_ok(qtbot, dialog)
    m = stored(db, "陈伟")
    assert m is not None and (m.remark, m.work_unit) == (remark, "文光村委会")

    dialog = open_edit(qtbot, tab, "陈伟")
    qtbot.mouseClick(dialog.show_numbers_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.remarkEdit.toPlainText() == remark
    assert not dialog.ui.remarkEdit.isReadOnly()
    dialog.reject()
