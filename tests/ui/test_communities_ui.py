"""The communities tab and its dialogs, driven through qtbot like a clerk would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, CommunityRole, LifecycleEvent
from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    LifecycleAction,
)
from pbc_desktop.services import communities as svc
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.communities.dialog import ROLE_PHONE, CommunityDialog
from pbc_desktop.ui.communities.lifecycle_dialog import LifecycleDialog
from pbc_desktop.ui.communities.tab import CommunitiesTab
from tests.factories import make_activity, make_community, make_org, make_orgs
from tests.qt_helpers import Boxes, stub_boxes, type_text

S = CommunityStatus
A = LifecycleAction


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def tab(qtbot: QtBot, db: Database, boxes: Boxes) -> Iterator[CommunitiesTab]:
    widget = CommunitiesTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def visible_names(tab: CommunitiesTab) -> list[str]:
    return [row.name for row in tab.model.rows()]


def stored_names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Community.name)))


def click_ok(qtbot: QtBot, dialog: CommunityDialog | LifecycleDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def pick_members(qtbot: QtBot, dialog: CommunityDialog, *names: str) -> None:
    """Search each organization in the picker, select it and press Add."""
    ui = dialog.ui
    for name in names:
        ui.orgFilterEdit.clear()
        type_text(qtbot, ui.orgFilterEdit, name)
        items = ui.availableList.findItems(name, Qt.MatchFlag.MatchStartsWith)
        assert len(items) == 1, [
            ui.availableList.item(i).text() for i in range(ui.availableList.count())
        ]
        ui.availableList.setCurrentItem(items[0])
        qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)


@pytest.fixture
def orgs(db: Database) -> list[int]:
    return [
        make_org(db, "区交通运输局机关第一党支部", town="区直"),
        make_org(db, "陈沙大道改建工程项目部党支部", town="成田镇"),
        make_org(db, "简朴村党总支", town="成田镇"),
    ]


# -- creating -------------------------------------------------------------------------------
def test_create_community_through_the_dialog(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    assert tab.model.total() == 0
    assert not tab.edit_button.isEnabled()
    assert not tab.delete_button.isEnabled()
    assert not tab.lifecycle_button.isEnabled()

    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.active_dialog
    assert isinstance(dialog, CommunityDialog)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "陈沙大道党建共同体")
    type_text(qtbot, ui.themeEdit, "思想教育联建")
    qtbot.mouseClick(ui.typeCrossField, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.typeCrossIndustry, Qt.MouseButton.LeftButton)
    ui.foundedEdit.setDate(QDate(2024, 3, 1))

    ui.tabs.setCurrentWidget(ui.membersTab)
    assert not ui.addMemberButton.isEnabled()
    pick_members(qtbot, dialog, "区交通运输局", "陈沙大道", "简朴村")
    assert ui.membersList.count() == 3
    assert ui.leadCombo.currentText() == "区交通运输局机关第一党支部"
    ui.leadCombo.setCurrentIndex(ui.leadCombo.findText("陈沙大道改建工程项目部党支部"))

    ui.tabs.setCurrentWidget(ui.teamTab)
    qtbot.mouseClick(ui.addRoleButton, Qt.MouseButton.LeftButton)
    table = ui.rolesTable
    table.item(0, 0).setText("陈明")
    org_combo = table.cellWidget(0, 2)
    assert isinstance(org_combo, QComboBox)
    org_combo.setCurrentIndex(org_combo.findText("区交通运输局机关第一党支部"))
    table.item(0, 3).setCheckState(Qt.CheckState.Checked)
    table.item(0, 4).setText("13800000000")

    ui.tabs.setCurrentWidget(ui.rotationTab)
    ui.periodLengthCombo.setCurrentIndex(ui.periodLengthCombo.findText("按季度"))
    qtbot.mouseClick(ui.proposeTurnButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.proposeTurnButton, Qt.MouseButton.LeftButton)
    first, second = (ui.rotationTable.cellWidget(r, 0) for r in range(2))
    assert isinstance(first, QComboBox)
    assert isinstance(second, QComboBox)
    assert first.currentText() == "区交通运输局机关第一党支部"
    assert second.currentText() == "陈沙大道改建工程项目部党支部"

    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)

    assert stored_names(db) == ["陈沙大道党建共同体"]
    [row] = tab.model.rows()
    detail = svc.get_community(db, row.id, for_editing=True)  # as stored
    assert detail.types == (CoBuildType.CROSS_FIELD, CoBuildType.CROSS_INDUSTRY)
    assert detail.lead_org_name == "陈沙大道改建工程项目部党支部"
    assert detail.founded_on == date(2024, 3, 1)
    assert [(r.person_name, r.role, r.cross_appointment, r.phone) for r in detail.roles] == [
        ("陈明", LeadershipRole.CONVENER, True, "13800000000")
    ]
    assert [t.organization_name for t in detail.rotation] == [
        "区交通运输局机关第一党支部",
        "陈沙大道改建工程项目部党支部",
    ]
    # What the user sees: the row, selected, with its details.
    assert tab.count_label.text() == "1 communities"
    assert tab.current_id() == row.id
    assert tab.detail_title.text() == "陈沙大道党建共同体"
    assert tab.members_table.rowCount() == 3
    assert tab.members_table.item(1, 1).text() == "牵头"
    assert tab.roles_table.item(0, 3).text() == "Yes"
    assert tab.roles_table.item(0, 4).text() == "138****0000"  # a personal mobile: masked
    assert "简朴村党总支" in tab.next_convener_label.text()
    assert tab.events_table.item(0, 1).text() == "提交申请"
    assert tab.edit_button.isEnabled()
    assert tab.lifecycle_button.isEnabled()


def open_new_dialog(qtbot: QtBot, tab: CommunitiesTab) -> CommunityDialog:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, CommunityDialog)
    return dialog


def test_empty_name_is_refused_inside_the_dialog(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    dialog = open_new_dialog(qtbot, tab)
    qtbot.mouseClick(dialog.ui.typeCrossLevel, Qt.MouseButton.LeftButton)
    pick_members(qtbot, dialog, "区交通运输局", "简朴村")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisible()
    assert "请填写共同体名称" in dialog.ui.errorLabel.text()
    assert "border" in dialog.ui.nameEdit.styleSheet()
    assert dialog.ui.tabs.currentWidget() is dialog.ui.basicTab
    assert dialog.ui.membersList.styleSheet() == ""
    assert stored_names(db) == []
    # Fixing the field saves and closes.
    type_text(qtbot, dialog.ui.nameEdit, "简朴村党建共同体")
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert stored_names(db) == ["简朴村党建共同体"]


def test_duplicate_name_and_missing_parts_are_all_named(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    make_community(db, "简朴村党建共同体", orgs[:2])
    tab.refresh()
    dialog = open_new_dialog(qtbot, tab)
    type_text(qtbot, dialog.ui.nameEdit, " 简朴村 党建共同体")
    pick_members(qtbot, dialog, "简朴村")
    click_ok(qtbot, dialog)
    text = dialog.ui.errorLabel.text()
    assert "已有名为「简朴村 党建共同体」的共同体" in text
    assert "请至少选择一种共建类型" in text
    assert "至少需要两个成员党组织" in text
    for widget in (dialog.ui.nameEdit, dialog.ui.typesBox, dialog.ui.membersList):
        assert "border" in widget.styleSheet()
    assert dialog.isVisible()
    assert stored_names(db) == ["简朴村党建共同体"]


# -- editing and the lifecycle ---------------------------------------------------------------
def test_edit_with_enter_changes_the_theme(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    cid = make_community(db, "华西村共同体", orgs[1:], theme="旧主题")
    with db.write() as s:
        s.add(
            CommunityRole(
                community_id=cid,
                person_name="陈明",
                role=LeadershipRole.CONVENER,
                phone="13912345678",
            )
        )
    tab.refresh()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    assert isinstance(dialog, CommunityDialog)
    assert dialog.ui.nameEdit.text() == "华西村共同体"
    assert dialog.ui.membersList.count() == 2
    # the editor holds the phone whole (masked only where it is shown), and keeps it
    assert dialog.ui.rolesTable.item(0, ROLE_PHONE).text() == "13912345678"
    dialog.ui.themeEdit.clear()
    type_text(qtbot, dialog.ui.themeEdit, "共同发展新农村")
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    assert svc.get_community(db, cid).theme == "共同发展新农村"
    assert [r.phone for r in svc.get_community(db, cid, for_editing=True).roles] == ["13912345678"]
    assert "共同发展新农村" in tab.detail_info.text()


def open_lifecycle(qtbot: QtBot, tab: CommunitiesTab) -> LifecycleDialog:
    qtbot.mouseClick(tab.lifecycle_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, LifecycleDialog)
    return dialog


def test_walk_the_lifecycle_through_the_ui(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    cid = make_community(db, "红色美丽乡村共同体", orgs, founded_on=date(2024, 1, 2))
    tab.refresh()
    for action, remark, status in [
        (A.REVIEW_PASS, "材料齐全", S.REVIEWED),
        (A.APPROVE, "区委组织部批准", S.APPROVED),
        (A.START, "", S.RUNNING),
        (A.RECTIFY, "年底考核不合格", S.RECTIFYING),
    ]:
        dialog = open_lifecycle(qtbot, tab)
        dialog.select_action(action)
        dialog.ui.dateEdit.setDate(QDate(2024, 2, 1))
        type_text(qtbot, dialog.ui.remarkEdit, remark)
        with qtbot.waitSignal(dialog.saved):
            click_ok(qtbot, dialog)
        assert svc.get_community(db, cid).status == status
        assert tab.model.rows()[0].status == status
    assert tab.events_table.item(0, 1).text() == "整顿"
    assert tab.events_table.item(0, 4).text() == "年底考核不合格"
    assert tab.table.model().index(0, 5).data() == "整顿中"


def test_approval_before_review_is_explained_and_not_stored(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    cid = make_community(db, "袜业党建联盟", orgs[:2])
    tab.refresh()
    dialog = open_lifecycle(qtbot, tab)
    combo = dialog.ui.actionCombo
    assert combo.currentText() == "审核通过"
    combo.setCurrentIndex(combo.findText("批准"))
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == "尚未审核通过，不能批准"
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.accept()  # even if forced, nothing is stored
    assert dialog.isVisible()
    with db.read() as s:
        assert s.execute(select(func.count(LifecycleEvent.id))).scalar_one() == 1
    assert svc.get_community(db, cid).status == S.APPLIED


def test_revoked_community_has_no_procedure_button(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    make_community(db, "已撤销共同体", orgs[:2], status=S.REVOKED)
    tab.refresh()
    assert tab.edit_button.isEnabled()
    assert not tab.lifecycle_button.isEnabled()


# -- deleting ------------------------------------------------------------------------------------
def test_delete_key_asks_and_deletes(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, boxes: Boxes, orgs: list[int]
) -> None:
    make_community(db, "甲共同体", orgs[:2])
    make_community(db, "乙共同体", orgs[1:])
    tab.refresh()
    tab.table.setFocus()
    boxes.confirm_answer = False
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert stored_names(db) == ["乙共同体", "甲共同体"]
    boxes.confirm_answer = True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    # Sorted by name in pinyin, 甲 (jia) comes first and is the selected row.
    assert "甲共同体" in boxes.shown[-1]
    assert stored_names(db) == ["乙共同体"]
    assert visible_names(tab) == ["乙共同体"]
    assert tab.detail_title.text() == "乙共同体"


def test_delete_refused_when_an_activity_exists(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, boxes: Boxes, orgs: list[int]
) -> None:
    cid = make_community(db, "甲共同体", orgs[:2])
    make_activity(db, cid)
    tab.refresh()
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "活动1条" in boxes.shown[-1]
    assert stored_names(db) == ["甲共同体"]


# -- filtering and sorting ------------------------------------------------------------------------
@pytest.fixture
def several(db: Database) -> None:
    a, b, c = make_orgs(db, "简朴村党总支", "华西村党支部", "东仙社区党支部")
    d, e = make_orgs(db, "大溪坝村党支部", "大陂村党支部", town="红场镇")
    make_community(
        db, "新农村连片示范共同体", [a, b, c], status=S.RUNNING, types=(CoBuildType.CROSS_REGION,)
    )
    make_community(db, "红色美丽乡村共同体", [d, e], types=(CoBuildType.CROSS_LEVEL,))
    make_community(
        db, "袜业党建联盟", [c, a], status=S.RUNNING, types=(CoBuildType.CROSS_INDUSTRY,)
    )


def test_search_and_filters(qtbot: QtBot, tab: CommunitiesTab, several: None) -> None:
    tab.refresh()
    assert tab.model.total() == 3
    type_text(qtbot, tab.search_edit, "乡村")
    assert visible_names(tab) == ["红色美丽乡村共同体"]
    assert tab.count_label.text() == "1 communities"
    assert tab.detail_title.text() == "红色美丽乡村共同体"
    tab.search_edit.clear()
    assert tab.model.total() == 3

    tab.town_combo.setCurrentIndex(tab.town_combo.findText("成田镇"))
    assert sorted(visible_names(tab)) == ["新农村连片示范共同体", "袜业党建联盟"]
    tab.type_combo.setCurrentIndex(tab.type_combo.findText("跨行业"))
    assert visible_names(tab) == ["袜业党建联盟"]
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("已申请"))
    assert visible_names(tab) == []
    assert tab.detail_title.text() == "No community selected"
    assert not tab.edit_button.isEnabled()


def test_filter_by_for_the_dashboard(tab: CommunitiesTab, several: None) -> None:
    tab.apply_filters(status=S.RUNNING)
    assert sorted(visible_names(tab)) == ["新农村连片示范共同体", "袜业党建联盟"]
    assert tab.status_combo.currentText() == "运行中"
    tab.apply_filters(town="红场镇", cobuild_type="cross_level")
    assert visible_names(tab) == ["红色美丽乡村共同体"]
    assert tab.status_combo.currentIndex() == 0
    tab.apply_filters()
    assert tab.model.total() == 3


def click_header(qtbot: QtBot, tab: CommunitiesTab, column: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_clicking_headers(qtbot: QtBot, tab: CommunitiesTab, several: None) -> None:
    by_name = ["红色美丽乡村共同体", "袜业党建联盟", "新农村连片示范共同体"]  # by pinyin
    tab.refresh()
    assert visible_names(tab) == by_name
    members_column = 3
    click_header(qtbot, tab, members_column)
    first = visible_names(tab)
    click_header(qtbot, tab, members_column)
    second = visible_names(tab)
    # One direction puts the three-member community first, the other last.
    assert {first[0], second[0]} == {"新农村连片示范共同体", "红色美丽乡村共同体"}
    click_header(qtbot, tab, 0)
    assert visible_names(tab) in (by_name, list(reversed(by_name)))
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert visible_names(tab) == list(reversed(by_name))
    # The selection follows the sorted rows: the first row is shown in detail.
    assert tab.detail_title.text() == "新农村连片示范共同体"


def test_model_passes_the_model_tester(
    qtmodeltester: object, tab: CommunitiesTab, several: None
) -> None:
    tab.refresh()
    qtmodeltester.check(tab.model)  # type: ignore[attr-defined]


def test_edit_members_then_propose_the_next_turn(
    qtbot: QtBot, db: Database, tab: CommunitiesTab, orgs: list[int]
) -> None:
    cid = svc.create_community(
        db,
        svc.CommunityInput(
            name="轮值测试共同体",
            types=(CoBuildType.CROSS_FIELD,),
            lead_org_id=orgs[0],
            member_org_ids=tuple(orgs),
            rotation=(svc.TurnInput(orgs[0], "2024年上半年", date(2024, 1, 1), date(2024, 6, 30)),),
        ),
    )
    tab.refresh()
    dialog = tab.edit_current()
    assert dialog is not None
    ui = dialog.ui
    assert ui.periodLengthCombo.currentText() == "按半年"
    ui.membersList.setCurrentRow(1)
    qtbot.mouseClick(ui.removeMemberButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(ui.proposeTurnButton, Qt.MouseButton.LeftButton)
    combo = ui.rotationTable.cellWidget(1, 0)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "简朴村党总支"
    assert ui.rotationTable.item(1, 1).text() == "2024年下半年"
    with qtbot.waitSignal(dialog.saved):
        click_ok(qtbot, dialog)
    detail = svc.get_community(db, cid)
    assert [m.organization_id for m in detail.active_members] == [orgs[0], orgs[2]]
    assert [t.period_label for t in detail.rotation] == ["2024年上半年", "2024年下半年"]


def test_a_new_community_without_organizations_says_where_to_import_them(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boxes: Boxes
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog
    from tests.org_import_factories import org, write_org_list

    dialog = CommunityDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.no_orgs_hint
    assert hint is not None and hint.isVisible()
    assert "File → Import Party organizations from Excel..." in hint.findChildren(QLabel)[0].text()
    assert dialog.ui.availableList.count() == 0
    button = hint.findChild(QPushButton, "communityImportOrgsButton")
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    importer = dialog.findChild(OrganizationImportDialog)
    assert importer is not None and importer.isVisible()
    path = write_org_list(tmp_path / "orgs.xlsx", [org("甲村党支部"), org("乙村党支部")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    QTest.mouseClick(importer.ui.chooseButton, Qt.MouseButton.LeftButton)
    QTest.mouseClick(importer.ui.importButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.availableList.count() == 2
    assert hint.isHidden()


def test_a_new_community_with_organizations_has_no_hint(qtbot: QtBot, db: Database) -> None:
    make_org(db, "甲村党支部")
    dialog = CommunityDialog(AppContext(db))
    qtbot.addWidget(dialog)
    assert dialog.no_orgs_hint is None


def test_a_new_community_is_typed_into_its_name_at_once(qtbot: QtBot, db: Database) -> None:
    """The dialog opens with the name to type, not the row of its pages (a name typed at
    once went nowhere, and the theme typed next landed in the name)."""
    make_org(db, "甲村党支部")
    dialog = CommunityDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.focusWidget() is dialog.ui.nameEdit
    qtbot.keyClicks(dialog.focusWidget(), "Heping")
    assert dialog.ui.nameEdit.text() == "Heping"


def test_tab_goes_through_a_team_members_row_cell_by_cell(qtbot: QtBot, db: Database) -> None:
    """Tab from the name typed goes into the 职务 box, then the 所在单位 box, then on to
    the 交叉任职 and 联系电话 cells after them, and Shift+Tab back (from the 所在单位 box Tab
    jumped to another box: the cells after the boxes were reached by the mouse only)."""
    make_org(db, "甲村党支部")
    dialog = CommunityDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.tabs.setCurrentIndex(2)  # 班子成员
    qtbot.mouseClick(ui.addRoleButton, Qt.MouseButton.LeftButton)
    table = ui.rolesTable
    editor = dialog.focusWidget()
    assert editor is not None and table.isAncestorOf(editor)
    qtbot.keyClicks(editor, "Wang")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is table.cellWidget(0, 1)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is table.cellWidget(0, 2)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is table and table.currentColumn() == 3
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.focusWidget() is table.cellWidget(0, 2)
    assert table.item(0, 0).text() == "Wang"
