"""报到领岗 driven through qtbot: the member posts panel and its dialogs, the post catalogue
and the 双报到 overview, checked on the screen and in the database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import EvaluationResult, PostReportStatus
from pbc_desktop.services.post_reports import catalogue as post_catalogue
from pbc_desktop.services.post_reports import evaluations, reports, service_log
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.dual_report_overview import DualReportOverviewDialog
from pbc_desktop.ui.members.end_report_dialog import EndReportDialog
from pbc_desktop.ui.members.evaluation_dialog import EvaluationDialog
from pbc_desktop.ui.members.post_catalogue_dialog import PostCatalogueDialog
from pbc_desktop.ui.members.post_report_dialog import PostReportDialog
from pbc_desktop.ui.members.posts import MemberPostsPanel
from pbc_desktop.ui.members.service_log_dialog import ServiceLogDialog
from tests.post_report_factories import TOWN_B, PostSetup, report_input, setup_posts
from tests.qt_helpers import Boxes, DiscardQuestion, stub_boxes, type_text


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def setup(db: Database) -> PostSetup:
    return setup_posts(db)


@pytest.fixture
def panel(qtbot: QtBot, db: Database, setup: PostSetup, boxes: Boxes) -> MemberPostsPanel:
    widget = MemberPostsPanel(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_member(setup.member)
    return widget


# -- how a clerk acts ----------------------------------------------------------------------
def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.objectName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry showing ``text``, as a clerk does in the drop-down."""
    index = combo.findText(text)
    assert index >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)


def entries(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    model = view.model()
    assert model is not None and 0 <= row < model.rowCount(), row
    index = model.index(row, column, QModelIndex())
    view.scrollTo(index)
    rect = view.visualRect(index)
    viewport = view.viewport()
    assert viewport is not None
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    widget.setFocus()
    QTest.keyClick(widget, key)


def text_at(table: QTableWidget, row: int, col: int) -> str:
    cell = table.item(row, col)
    assert cell is not None, (row, col)
    return cell.text()


def cells(table: QTableWidget, row: int) -> list[str]:
    return [text_at(table, row, c) for c in range(table.columnCount())]


def dialog_of(panel: MemberPostsPanel, kind: type[QDialog]) -> Any:
    dialog = panel.active_dialog
    assert isinstance(dialog, kind), dialog
    assert dialog.isVisible()
    return dialog


def closed(qtbot: QtBot, panel: MemberPostsPanel) -> None:
    qtbot.waitUntil(lambda: panel.active_dialog is None)


def add_report(db: Database, setup: PostSetup, **kw: Any) -> int:
    return reports.report_member(db, setup.member, report_input(setup, **kw))


# -- reporting -----------------------------------------------------------------------------
def test_the_title_has_a_line_of_its_own(panel: MemberPostsPanel) -> None:
    panel.resize(560, 600)  # the detail column of a small screen
    QApplication.processEvents()
    title = panel.title_label
    assert title.mapTo(panel, title.rect().bottomLeft()).y() < panel.report_button.y()
    assert title.height() < 2 * title.fontMetrics().height()  # one line, not squeezed


def test_report_a_member_for_a_post(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel
) -> None:
    assert panel.reports_table.rowCount() == 0
    assert panel.title_label.text().startswith("陈伟")
    click(qtbot, panel.report_button)
    dialog = dialog_of(panel, PostReportDialog)
    ui = dialog.ui
    assert ui.memberLabel.text() == "陈伟 (区教育局机关党支部)"
    assert entries(ui.communityCombo)[1:] == ["文光党建共同体"]  # not the revoked one
    assert not ui.organizationCombo.isEnabled()
    choose(ui.communityCombo, "文光党建共同体")
    # the member's own organization and the one that left are not offered
    assert entries(ui.organizationCombo)[1:] == [
        "文光社区党委",
        "东泰社区党支部",
        "区卫健局机关党支部",
    ]
    choose(ui.organizationCombo, "东泰社区党支部")
    choose(ui.postCombo, "关爱帮扶")
    assert ui.postHint.text() == "结对帮扶困难群众、留守老人和儿童"
    ui.reportedEdit.setDate(QDate(2023, 5, 4))
    type_text(qtbot, ui.remarkEdit, "每月第一周到社区报到")
    with qtbot.waitSignal(panel.changed):
        press_ok(qtbot, dialog)
    closed(qtbot, panel)

    [row] = reports.list_member_reports(db, setup.member)
    assert (row.organization_name, row.post_name, row.reported_on, row.remark) == (
        "东泰社区党支部",
        "关爱帮扶",
        date(2023, 5, 4),
        "每月第一周到社区报到",
    )
    assert cells(panel.reports_table, 0)[:5] == [
        "东泰社区党支部",
        "文光党建共同体",
        "关爱帮扶",
        "2023-05-04",
        "在岗",
    ]
    assert panel.current_report_id() == row.id  # the new report is chosen
    assert panel.add_service_button.isEnabled()


def test_the_report_dialog_explains_what_is_missing(
    qtbot: QtBot,
    db: Database,
    setup: PostSetup,
    panel: MemberPostsPanel,
    discard_question: DiscardQuestion,
) -> None:
    click(qtbot, panel.report_button)
    dialog = dialog_of(panel, PostReportDialog)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisible()
    assert "请选择党建共同体" in dialog.ui.errorLabel.text()
    assert dialog.ui.communityCombo.styleSheet()  # marked
    assert dialog.focusWidget() is dialog.ui.communityCombo
    choose(dialog.ui.communityCombo, "文光党建共同体")
    choose(dialog.ui.organizationCombo, "文光社区党委")
    dialog.ui.reportedEdit.setDate(QDate(2009, 1, 1))  # before 陈伟 joined the Party
    press_ok(qtbot, dialog)
    assert "入党日期" in dialog.ui.errorLabel.text()
    assert dialog.ui.reportedEdit.styleSheet()
    assert not dialog.ui.communityCombo.styleSheet()
    assert reports.list_member_reports(db, setup.member) == []
    discard_question.answer = True  # what was chosen and typed is dropped, once agreed
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert discard_question.asked == [dialog]
    closed(qtbot, panel)
    assert reports.list_member_reports(db, setup.member) == []


def test_a_member_not_in_good_standing_is_told_at_once(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel
) -> None:
    panel.set_member(setup.deceased)
    click(qtbot, panel.report_button)
    dialog = dialog_of(panel, PostReportDialog)
    assert dialog.ui.errorLabel.isVisible()
    assert "已故" in dialog.ui.errorLabel.text()
    choose(dialog.ui.communityCombo, "文光党建共同体")
    choose(dialog.ui.organizationCombo, "文光社区党委")
    press_ok(qtbot, dialog)
    assert dialog.ui.memberLabel.styleSheet()  # the service refuses it too
    assert reports.list_member_reports(db, setup.deceased) == []


def test_a_second_report_to_the_same_organization_is_refused(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel
) -> None:
    add_report(db, setup)
    panel.reload()
    click(qtbot, panel.report_button)
    dialog = dialog_of(panel, PostReportDialog)
    choose(dialog.ui.communityCombo, "文光党建共同体")
    choose(dialog.ui.organizationCombo, "文光社区党委")
    press_ok(qtbot, dialog)
    assert "不能重复报到" in dialog.ui.errorLabel.text()
    assert dialog.ui.organizationCombo.styleSheet()


def test_correct_a_report_with_enter(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel
) -> None:
    rid = add_report(db, setup, post="矛盾调解")
    post_catalogue.set_post_active(db, setup.posts["矛盾调解"], False)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    press(qtbot, panel.reports_table, Qt.Key.Key_Return)
    dialog = dialog_of(panel, PostReportDialog)
    ui = dialog.ui
    assert ui.communityCombo.currentText() == "文光党建共同体"
    assert ui.organizationCombo.currentText() == "文光社区党委"
    assert ui.postCombo.currentText() == "矛盾调解（已停用）"  # kept for this report
    assert ui.reportedEdit.date() == QDate(2023, 3, 1)
    choose(ui.postCombo, "环境整治")
    press_ok(qtbot, dialog)
    closed(qtbot, panel)
    assert reports.get_report(db, rid).post_name == "环境整治"
    assert cells(panel.reports_table, 0)[2] == "环境整治"


def test_no_member_no_actions(qtbot: QtBot, panel: MemberPostsPanel, db: Database) -> None:
    panel.set_member(None)
    assert panel.title_label.text() == "Choose a member to see their posts."
    buttons = [
        panel.report_button,
        panel.edit_report_button,
        panel.end_button,
        panel.resume_button,
        panel.delete_report_button,
        panel.add_service_button,
        panel.edit_service_button,
        panel.delete_service_button,
        panel.evaluate_button,
        panel.clear_evaluation_button,
    ]
    assert not any(b.isEnabled() for b in buttons)
    panel.new_report()  # a shortcut reaching it anyway does nothing
    assert panel.active_dialog is None


# -- service log ---------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "hours"), [("1。5", 1.5), ("３", 3.0), ("２．５", 2.5)])
def test_service_hours_typed_by_an_input_method(
    qtbot: QtBot,
    *,
    db: Database,
    setup: PostSetup,
    panel: MemberPostsPanel,
    typed: str,
    hours: float,
) -> None:
    """The point a Chinese input method types (。 or ．) and full-width digits are read:
    ``1。5`` hours was taken as 15."""
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    click(qtbot, panel.add_service_button)
    dialog = dialog_of(panel, ServiceLogDialog)
    ui = dialog.ui
    ui.servedEdit.setDate(QDate(2024, 1, 10))
    ui.hoursSpin.setFocus()
    ui.hoursSpin.selectAll()
    type_text(qtbot, ui.hoursSpin, typed)
    qtbot.keyClick(ui.hoursSpin, Qt.Key.Key_Tab)
    assert ui.hoursSpin.value() == hours
    type_text(qtbot, ui.contentEdit, "入户宣讲")
    with qtbot.waitSignal(panel.changed):
        press_ok(qtbot, dialog)
    closed(qtbot, panel)
    [entry] = service_log.list_services(db, rid)
    assert entry.hours == hours


def test_log_edit_and_delete_service(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    click(qtbot, panel.add_service_button)
    dialog = dialog_of(panel, ServiceLogDialog)
    ui = dialog.ui
    assert ui.servedEdit.minimumDate() == QDate(2023, 3, 1)  # not before the report
    ui.servedEdit.setDate(QDate(2024, 1, 10))
    ui.hoursSpin.selectAll()
    point = ui.hoursSpin.locale().decimalPoint()
    QTest.keyClicks(ui.hoursSpin, f"2{point}5")
    type_text(qtbot, ui.contentEdit, "入户宣讲医保缴费政策")
    with qtbot.waitSignal(panel.changed):
        press_ok(qtbot, dialog)
    closed(qtbot, panel)
    [entry] = service_log.list_services(db, rid)
    assert (entry.served_on, entry.hours, entry.content) == (
        date(2024, 1, 10),
        2.5,
        "入户宣讲医保缴费政策",
    )
    assert cells(panel.services_table, 0) == ["2024-01-10", "2.5", "入户宣讲医保缴费政策"]
    assert panel.services_total.text() == "1 entries, 2.5 hours"
    assert cells(panel.reports_table, 0)[6] == "2.5"

    click_row(qtbot, panel.services_table, 0)
    press(qtbot, panel.services_table, Qt.Key.Key_Return)
    dialog = dialog_of(panel, ServiceLogDialog)
    assert dialog.ui.contentEdit.toPlainText() == "入户宣讲医保缴费政策"
    assert dialog.ui.hoursSpin.value() == 2.5
    dialog.ui.contentEdit.selectAll()
    type_text(qtbot, dialog.ui.contentEdit, "宣讲乡村振兴政策")
    press_ok(qtbot, dialog)
    closed(qtbot, panel)
    assert service_log.get_service(db, entry.id).content == "宣讲乡村振兴政策"
    assert text_at(panel.services_table, 0, 2) == "宣讲乡村振兴政策"

    click_row(qtbot, panel.services_table, 0)
    boxes.confirm_answer = False
    press(qtbot, panel.services_table, Qt.Key.Key_Delete)
    assert service_log.list_services(db, rid) != []
    boxes.confirm_answer = True
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.delete_service_button)
    assert service_log.list_services(db, rid) == []
    assert panel.services_table.rowCount() == 0
    assert "宣讲乡村振兴政策" in boxes.shown[-1]


def test_service_needs_hours_and_content(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel
) -> None:
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    press(qtbot, panel.services_table, Qt.Key.Key_Insert)
    dialog = dialog_of(panel, ServiceLogDialog)
    dialog.ui.hoursSpin.setValue(0)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    text = dialog.ui.errorLabel.text()
    assert "服务时长应大于0" in text and "请填写服务内容" in text
    assert dialog.ui.hoursSpin.styleSheet() and dialog.ui.contentEdit.styleSheet()
    assert service_log.list_services(db, rid) == []


# -- evaluations ---------------------------------------------------------------------------
def test_evaluate_a_year_and_change_it(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    click(qtbot, panel.evaluate_button)
    dialog = dialog_of(panel, EvaluationDialog)
    ui = dialog.ui
    assert entries(ui.yearCombo)[-1] == "2023"  # from the report's year
    choose(ui.yearCombo, "2023")
    assert not ui.existingHint.isVisible()
    press_ok(qtbot, dialog)
    assert "请选择评价结果" in ui.errorLabel.text()
    click(qtbot, ui.excellentRadio)
    type_text(qtbot, ui.remarkEdit, "履职尽责")
    press_ok(qtbot, dialog)
    closed(qtbot, panel)
    assert [(e.year, e.result, e.remark) for e in evaluations.list_evaluations(db, rid)] == [
        (2023, EvaluationResult.EXCELLENT, "履职尽责")
    ]
    assert cells(panel.evaluations_table, 0) == ["2023", "优秀", "履职尽责"]
    assert cells(panel.reports_table, 0)[7] == "2023 优秀"

    click_row(qtbot, panel.evaluations_table, 0)
    press(qtbot, panel.evaluations_table, Qt.Key.Key_Return)
    dialog = dialog_of(panel, EvaluationDialog)
    ui = dialog.ui
    assert ui.yearCombo.currentText() == "2023"
    assert ui.excellentRadio.isChecked()
    assert ui.existingHint.isVisible()
    assert ui.remarkEdit.toPlainText() == "履职尽责"
    click(qtbot, ui.qualifiedRadio)
    press_ok(qtbot, dialog)
    closed(qtbot, panel)
    assert [e.result for e in evaluations.list_evaluations(db, rid)] == [EvaluationResult.QUALIFIED]

    click_row(qtbot, panel.evaluations_table, 0)
    with qtbot.waitSignal(panel.changed):
        click(qtbot, panel.clear_evaluation_button)
    assert evaluations.list_evaluations(db, rid) == []
    assert panel.evaluations_table.rowCount() == 0


def test_an_evaluation_entered_meanwhile_elsewhere_keeps_the_dialog_open(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    click(qtbot, panel.evaluate_button)
    dialog = dialog_of(panel, EvaluationDialog)
    ui = dialog.ui
    choose(ui.yearCombo, "2023")
    click(qtbot, ui.excellentRadio)
    type_text(qtbot, ui.remarkEdit, "履职尽责")
    # another window evaluates 2023 while this one is open
    evaluations.set_evaluation(
        db, rid, evaluations.EvaluationInput(2023, EvaluationResult.UNQUALIFIED, "另一窗口")
    )
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "该记录已被" in ui.errorLabel.text()
    assert ui.excellentRadio.isChecked() and ui.remarkEdit.toPlainText() == "履职尽责"
    assert [(e.result, e.remark) for e in evaluations.list_evaluations(db, rid)] == [
        (EvaluationResult.UNQUALIFIED, "另一窗口")
    ]
    dialog.reject()


# -- leaving, coming back, deleting --------------------------------------------------------
def test_leave_the_post_and_come_back(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    rid = add_report(db, setup, remark="原备注")
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    assert not panel.resume_button.isEnabled()
    click(qtbot, panel.end_button)
    dialog = dialog_of(panel, EndReportDialog)
    assert dialog.ui.reportLabel.text() == (
        "陈伟: 文光社区党委 (文光党建共同体), 政策宣传, on the post since 2023-03-01"
    )
    assert dialog.ui.remarkEdit.toPlainText() == "原备注"
    assert dialog.ui.endedEdit.minimumDate() == QDate(2023, 3, 1)
    dialog.ui.endedEdit.setDate(QDate(2024, 2, 1))
    dialog.ui.remarkEdit.selectAll()
    type_text(qtbot, dialog.ui.remarkEdit, "工作调动")
    press_ok(qtbot, dialog)
    closed(qtbot, panel)
    row = reports.get_report(db, rid)
    assert (row.status, row.ended_on, row.remark) == (
        PostReportStatus.ENDED,
        date(2024, 2, 1),
        "工作调动",
    )
    assert cells(panel.reports_table, 0)[4:6] == ["已离岗", "2024-02-01"]
    assert not panel.end_button.isEnabled()
    assert panel.resume_button.isEnabled()
    click(qtbot, panel.resume_button)
    assert reports.get_report(db, rid).active
    assert panel.end_button.isEnabled()


def test_delete_a_report_made_by_mistake(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    used = add_report(db, setup)
    service_log.add_service(db, used, service_log.ServiceInput(date(2024, 1, 1), 1, "清扫"))
    add_report(db, setup, organization=setup.v2, reported_on=date(2023, 1, 1))
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    assert panel.current_report_id() == used
    assert not panel.delete_report_button.isEnabled()  # it has service
    click_row(qtbot, panel.reports_table, 1)
    press(qtbot, panel.reports_table, Qt.Key.Key_Delete)
    assert "东泰社区党支部" in boxes.shown[-1]
    assert [r.id for r in reports.list_member_reports(db, setup.member)] == [used]
    assert panel.reports_table.rowCount() == 1


def test_a_report_deleted_elsewhere_is_said_not_crashed(
    qtbot: QtBot, db: Database, setup: PostSetup, panel: MemberPostsPanel, boxes: Boxes
) -> None:
    rid = add_report(db, setup)
    panel.reload()
    click_row(qtbot, panel.reports_table, 0)
    reports.delete_report(db, rid)
    click(qtbot, panel.add_service_button)
    assert panel.active_dialog is None
    assert "找不到该报到记录" in boxes.shown[-1]
    assert panel.reports_table.rowCount() == 0


# -- the post catalogue --------------------------------------------------------------------
@pytest.fixture
def catalogue(qtbot: QtBot, db: Database, setup: PostSetup, boxes: Boxes) -> PostCatalogueDialog:
    dialog = PostCatalogueDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def names(db: Database) -> list[str]:
    return [p.name for p in post_catalogue.list_posts(db)]


def test_catalogue_add_and_rename(
    qtbot: QtBot, db: Database, catalogue: PostCatalogueDialog
) -> None:
    ui = catalogue.ui
    assert catalogue.post_names() == [n for n, _ in post_catalogue.DEFAULT_POSTS]
    assert ui.nameEdit.text() == "政策宣传"
    click(qtbot, ui.newButton)
    assert ui.nameEdit.text() == "" and ui.nameEdit.hasFocus()
    assert not ui.deleteButton.isEnabled() and not ui.activeButton.isEnabled()
    type_text(qtbot, ui.nameEdit, "护河巡查")
    type_text(qtbot, ui.descriptionEdit, "巡查河道")
    with qtbot.waitSignal(catalogue.changed):
        click(qtbot, ui.saveButton)
    assert names(db)[-1] == "护河巡查"
    assert catalogue.post_names()[-1] == "护河巡查"
    assert ui.postList.currentItem().text() == "护河巡查"

    ui.nameEdit.selectAll()
    type_text(qtbot, ui.nameEdit, "河长助理")
    QTest.keyClick(ui.nameEdit, Qt.Key.Key_Return)  # Enter saves
    assert names(db)[-1] == "河长助理"
    assert catalogue.isVisible()

    ui.nameEdit.selectAll()
    type_text(qtbot, ui.nameEdit, "政策 宣传")
    click(qtbot, ui.saveButton)
    assert "已有名为“政策宣传”的岗位" in ui.errorLabel.text()
    assert ui.nameEdit.styleSheet()
    assert names(db)[-1] == "河长助理"


def test_catalogue_order_and_deactivation(
    qtbot: QtBot, db: Database, setup: PostSetup, catalogue: PostCatalogueDialog, boxes: Boxes
) -> None:
    add_report(db, setup, post="志愿服务")
    catalogue.reload()
    ui = catalogue.ui
    assert not ui.upButton.isEnabled()  # the first post
    catalogue.select_post(setup.posts["矛盾调解"])
    click(qtbot, ui.upButton)
    assert names(db)[:3] == ["政策宣传", "矛盾调解", "志愿服务"]
    ui.postList.setFocus()
    QTest.keyClick(ui.postList, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(db)[:3] == ["政策宣传", "志愿服务", "矛盾调解"]
    assert ui.postList.currentItem().text() == "矛盾调解"

    catalogue.select_post(setup.posts["志愿服务"])
    assert "1 reports" in ui.usageLabel.text()
    assert not ui.deleteButton.isEnabled()  # in use
    assert ui.activeButton.text() == "Deac&tivate"
    click(qtbot, ui.activeButton)
    assert "志愿服务" not in [c.name for c in post_catalogue.post_choices(db)]
    assert ui.postList.currentItem().text() == "志愿服务 (inactive)"
    assert ui.activeButton.text() == "Reac&tivate"
    click(qtbot, ui.activeButton)
    assert "志愿服务" in [c.name for c in post_catalogue.post_choices(db)]

    catalogue.select_post(setup.posts["安全生产"])
    assert ui.deleteButton.isEnabled()
    assert not ui.downButton.isEnabled()  # the last post
    with qtbot.waitSignal(catalogue.changed):
        click(qtbot, ui.deleteButton)
    assert "安全生产" in boxes.shown[-1]
    assert "安全生产" not in names(db)
    assert "安全生产" not in catalogue.post_names()


def test_catalogue_asks_before_dropping_unsaved_edits(
    qtbot: QtBot, db: Database, setup: PostSetup, catalogue: PostCatalogueDialog, boxes: Boxes
) -> None:
    ui = catalogue.ui
    catalogue.select_post(setup.posts["政策宣传"])
    ui.descriptionEdit.setPlainText("宣讲惠民政策")
    boxes.confirm_answer = False  # moving to another post without saving drops the edit
    catalogue.select_post(setup.posts["志愿服务"])
    assert "政策宣传" in boxes.shown[-1]
    assert ui.nameEdit.text() == "志愿服务"
    assert post_catalogue.list_posts(db)[0].description != "宣讲惠民政策"

    ui.descriptionEdit.setPlainText("组织志愿活动")
    boxes.confirm_answer = True  # ... or saves it
    catalogue.select_post(setup.posts["矛盾调解"])
    assert ui.nameEdit.text() == "矛盾调解"
    assert ui.postList.currentItem().text() == "矛盾调解"
    by_name = {p.name: p.description for p in post_catalogue.list_posts(db)}
    assert by_name["志愿服务"] == "组织志愿活动"

    # A new post typed but not saved: closing saves it when the user says so.
    click(qtbot, ui.newButton)
    type_text(qtbot, ui.nameEdit, "护河巡查")
    asked = len(boxes.shown)
    QTest.keyClick(catalogue, Qt.Key.Key_Escape)
    assert len(boxes.shown) == asked + 1
    assert names(db)[-1] == "护河巡查"
    assert not catalogue.isVisible()


def test_catalogue_stays_open_when_the_edits_cannot_be_saved(
    qtbot: QtBot, db: Database, setup: PostSetup, catalogue: PostCatalogueDialog, boxes: Boxes
) -> None:
    ui = catalogue.ui
    catalogue.select_post(setup.posts["志愿服务"])
    ui.nameEdit.setText("政策宣传")  # the name of another post
    catalogue.reject()
    assert catalogue.isVisible()
    assert "已有名为“政策宣传”的岗位" in ui.errorLabel.text()
    catalogue.select_post(setup.posts["矛盾调解"])
    assert ui.nameEdit.text() == "政策宣传"  # still the edit, on the same post
    assert ui.postList.currentItem().text() == "志愿服务"
    boxes.confirm_answer = False
    catalogue.reject()
    assert not catalogue.isVisible()
    assert "志愿服务" in names(db)


# -- the 双报到 overview -------------------------------------------------------------------
@pytest.fixture
def overview(
    qtbot: QtBot, db: Database, setup: PostSetup, boxes: Boxes
) -> DualReportOverviewDialog:
    rid = add_report(db, setup)
    service_log.add_service(db, rid, service_log.ServiceInput(date(2024, 1, 10), 2.5, "宣讲"))
    service_log.add_service(db, rid, service_log.ServiceInput(date(2023, 6, 10), 1.0, "清扫"))
    reports.report_member(db, setup.nurse, report_input(setup, organization=setup.v2))
    dialog = DualReportOverviewDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.resize(1100, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown(dialog: DualReportOverviewDialog) -> list[str]:
    return [r.name for r in dialog.model.rows()]


def test_overview_model_passes_the_modeltester(
    overview: DualReportOverviewDialog, qtmodeltester: Any
) -> None:
    qtmodeltester.check(overview.model)


def test_overview_shows_counts_and_filters(
    qtbot: QtBot, overview: DualReportOverviewDialog
) -> None:
    ui = overview.ui
    assert ui.countLabel.text() == "6 organizations"
    # sorted by members reported, most first (one each), then by name in pinyin
    assert shown(overview)[:2] == ["区教育局机关党支部", "区卫健局机关党支部"]
    model = overview.model
    values = [model.index(0, c).data() for c in range(model.columnCount())]
    assert values[:7] == ["区教育局机关党支部", "", "2", "1", "50%", "0", "3.5"]
    assert values[7] == "文光社区党委（文光党建共同体）1人"

    type_text(qtbot, ui.searchEdit, "卫健")
    QTest.keyClick(ui.searchEdit, Qt.Key.Key_Return)  # searches at once, keeps the window
    assert shown(overview) == ["区卫健局机关党支部"]
    assert overview.isVisible()
    assert ui.countLabel.text() == "1 organizations"
    ui.searchEdit.clear()
    qtbot.waitUntil(lambda: len(shown(overview)) == 6)

    choose(ui.townCombo, TOWN_B)
    assert shown(overview) == ["东泰社区党支部"]
    assert model.index(0, 5).data() == "1"  # received 吴芳
    choose(ui.townCombo, "All towns")
    click(qtbot, ui.involvedCheck)
    assert set(shown(overview)) == {
        "区教育局机关党支部",
        "区卫健局机关党支部",
        "文光社区党委",
        "东泰社区党支部",
    }
    choose(ui.yearCombo, "2023")
    row = shown(overview).index("区教育局机关党支部")
    assert model.index(row, 6).data() == "1"


def test_overview_sorts_by_a_header_click_and_shows_the_members(
    qtbot: QtBot, overview: DualReportOverviewDialog
) -> None:
    table = overview.ui.overviewTable
    header = table.horizontalHeader()
    received = 5
    model = overview.model

    def received_values() -> list[int]:
        return [int(model.index(r, received).data()) for r in range(model.rowCount())]

    for _ in range(2):  # one way, then the other
        spot = QPoint(header.sectionViewportPosition(received) + 5, header.height() // 2)
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        values = received_values()
        assert header.sortIndicatorSection() == received
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert values == sorted(values, reverse=descending)
    model.sort(received, Qt.SortOrder.DescendingOrder)
    assert set(shown(overview)[:2]) == {"文光社区党委", "东泰社区党支部"}
    click_row(qtbot, table, shown(overview).index("区教育局机关党支部"))
    text = overview.ui.detailView.toPlainText()
    assert "陈伟" in text and "政策宣传" in text and "3.5" in text
    assert "2 members, 1 on a post now (50%)" in text
    click_row(qtbot, table, shown(overview).index("华山村党支部"))
    assert "None of its members has reported to a post." in overview.ui.detailView.toPlainText()
