"""A clerk's first day, through the window only: a new, empty database; the first steps on
the 概览 tab; organizations imported from the program's own template filled in; members
the same way; a community; a meeting with its agenda and attendance; its minutes saved as a
PDF, opened and read."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AbsenceReason, AttendanceStatus
from pbc_desktop.services.first_steps import STEPS
from pbc_desktop.ui.accounts.first_admin_dialog import FirstAdminDialog
from pbc_desktop.ui.activities.dialog import COL_REASON, COL_STATUS, ActivityDialog
from pbc_desktop.ui.activities.tab import ActivitiesTab
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.communities.dialog import CommunityDialog
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog
from pbc_desktop.ui.overview.tab import OverviewTab
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.factories import make_id
from tests.qt_helpers import Boxes, stub_boxes, type_text

# A typed date that is refused is said in a bubble, which the offscreen platform cannot raise.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")

ORGS = [
    {"党组织名称": "甲镇党委", "党组织类别": "党委", "所属镇街": "甲镇", "所属领域": "机关"},
    {"党组织名称": "甲村党支部", "党组织类别": "党支部", "上级党组织": "甲镇党委",
     "所属镇街": "甲镇", "所属领域": "农村", "书记": "陈伟"},
    {"党组织名称": "乙社区党支部", "党组织类别": "党支部", "上级党组织": "甲镇党委",
     "所属镇街": "甲镇", "所属领域": "社区"},
]  # fmt: skip
MEMBERS = [
    ("陈伟", make_id("19800101", "011"), "甲村党支部"),
    ("陈丽", make_id("19850202", "022"), "甲村党支部"),
    ("黄强", make_id("19900303", "033"), "乙社区党支部"),
]


def fill_template(path: Path, rows: list[dict[str, str]]) -> None:
    """As a clerk fills the template in Excel: a row a record under the first sheet's header."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for r, row in enumerate(rows, start=2):
        for name, value in row.items():
            sheet.cell(r, header.index(name) + 1, value)
    book.save(path)


def open_step(qtbot: QtBot, overview: OverviewTab, step: str) -> QDialog:
    button = overview.first_run.buttons[step]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = overview.first_run.active_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def import_from_template(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    dialog: OrganizationImportDialog | MemberImportDialog,
    path: Path,
    rows: list[dict[str, str]],
) -> None:
    """Save the dialog's empty template, fill it in, choose it and import it."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(path), ""))
    qtbot.mouseClick(dialog.ui.templateButton, Qt.MouseButton.LeftButton)
    fill_template(path, rows)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    qtbot.mouseClick(dialog.ui.chooseButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.importButton.isEnabled(), dialog.ui.summaryLabel.text()
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)


def marks(overview: OverviewTab) -> list[str]:
    return [overview.first_run.marks[step].text() for step in STEPS]


def test_a_new_database_to_printed_minutes_through_the_window(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: Boxes = stub_boxes(monkeypatch)
    monkeypatch.setattr(QDialog, "exec", lambda self: self.show())  # modal dialogs: shown
    monkeypatch.setattr(prompts, "open_folder", lambda _folder: None)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1024, 728)
    window.show()
    assert window.current_key() == "overview"
    overview = window.tab("overview")
    assert isinstance(overview, OverviewTab) and overview.showing_first_steps()
    assert marks(overview) == ["1", "2", "3", "4", "5"]

    # 导入党组织: the template, filled in, read back
    dialog = open_step(qtbot, overview, "organizations")
    assert isinstance(dialog, OrganizationImportDialog)
    import_from_template(qtbot, monkeypatch, dialog, tmp_path / "党组织.xlsx", ORGS)
    assert "新增党组织 3 个" in boxes.shown[-1]
    overview.refresh()
    assert marks(overview)[1] == "✓"

    # 导入党员
    dialog = open_step(qtbot, overview, "members")
    assert isinstance(dialog, MemberImportDialog)
    rows = [{"姓名": n, "身份证号": i, "所在党组织": o} for n, i, o in MEMBERS]
    import_from_template(qtbot, monkeypatch, dialog, tmp_path / "党员.xlsx", rows)
    assert any("党员.xlsx" in said for said in boxes.shown)  # where the template went
    overview.refresh()
    assert marks(overview)[2] == "✓"

    # 建立党建共同体
    dialog = open_step(qtbot, overview, "communities")
    assert isinstance(dialog, CommunityDialog)
    ui = dialog.ui
    type_text(qtbot, ui.nameEdit, "甲镇村社党建共同体")
    qtbot.mouseClick(ui.typeCrossField, Qt.MouseButton.LeftButton)
    ui.tabs.setCurrentWidget(ui.membersTab)
    for name in ("甲村党支部", "乙社区党支部"):
        ui.orgFilterEdit.clear()
        type_text(qtbot, ui.orgFilterEdit, name)
        [item] = ui.availableList.findItems(name, Qt.MatchFlag.MatchStartsWith)
        ui.availableList.setCurrentItem(item)
        qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    overview.refresh()
    assert marks(overview)[3] == "✓"

    # 记录活动: a joint meeting, its time typed, who came, one agenda item
    dialog = open_step(qtbot, overview, "activities")
    assert isinstance(dialog, ActivityDialog)
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findText("联席会议"))
    type_text(qtbot, ui.titleEdit, "第一季度联席会议")
    ui.startEdit.setFocus()
    ui.startEdit.selectAll()
    type_text(qtbot, ui.startEdit, "2026年3月5日 14时30分")
    QTest.keyClick(ui.startEdit, Qt.Key.Key_Tab)
    type_text(qtbot, ui.chairEdit, "陈伟")
    type_text(qtbot, ui.recorderEdit, "陈丽")
    ui.tabs.setCurrentWidget(ui.peoplePage)
    type_text(qtbot, ui.memberSearchEdit, "陈")
    qtbot.waitUntil(lambda: ui.memberResults.count() == 2)
    ui.memberResults.selectAll()
    qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    ui.memberSearchEdit.clear()
    type_text(qtbot, ui.memberSearchEdit, "黄强")
    qtbot.waitUntil(lambda: ui.memberResults.count() == 1)
    ui.memberResults.setCurrentRow(0)
    qtbot.mouseClick(ui.addMemberButton, Qt.MouseButton.LeftButton)
    assert ui.attendanceTable.rowCount() == 3
    names = [ui.attendanceTable.item(r, 0).text() for r in range(3)]
    absent = names.index("黄强")
    status = ui.attendanceTable.cellWidget(absent, COL_STATUS)
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData(AttendanceStatus.ABSENT.value))
    reason = ui.attendanceTable.cellWidget(absent, COL_REASON)
    assert isinstance(reason, QComboBox)
    reason.setCurrentIndex(reason.findData(AbsenceReason.BUSINESS.value))
    ui.tabs.setCurrentWidget(ui.agendaPage)
    qtbot.mouseClick(ui.addAgendaButton, Qt.MouseButton.LeftButton)
    type_text(qtbot, ui.agendaTitleEdit, "审议需求清单")
    type_text(qtbot, ui.discussionEdit, "逐项讨论")
    type_text(qtbot, ui.resolutionEdit, "同意签订")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.mouseClick(
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    assert not ui.errorLabel.text()
    overview.refresh()
    assert not overview.showing_first_steps()  # the figures from now on

    # 会议纪要 → 另存为PDF, opened and read
    tab = window.show_tab("activities")
    assert isinstance(tab, ActivitiesTab)
    assert tab.select_id(saved.args[0])
    target = tmp_path / "纪要.pdf"
    monkeypatch.setattr(tab, "choose_pdf_path", lambda _suggested: str(target))
    assert tab.save_pdf() == target
    assert str(target) in boxes.shown[-1]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    said = [
        "第一季度联席会议记录",  # the heading follows the meeting's title
        "2026年3月5日 14:30",  # the time typed into the date-and-time field
        "主持人\n陈伟",
        "记录人\n陈丽",
        "应到 3 人，实到 2 人，缺席 1 人。",
        "缺席：黄强（公出）。",
        "一、审议需求清单",
        "决议：同意签订",
    ]
    assert [s for s in said if s not in text] == []
    assert "草稿" not in text  # a meeting held: no draft mark


def test_the_first_administrator_is_the_clerks_own_whatever_the_office(
    qtbot: QtBot, db: Database, chinese: object
) -> None:
    """A town's or a village's clerk setting up the database reads that the account is
    their own (it was called the district organization department's, as if someone else
    had to make it) and where the colleagues' accounts are made afterwards."""
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    text = dialog.ui.introLabel.text()
    assert "请先为自己建立第一个管理员账号" in text
    assert "“工具 → 账号管理”" in text
