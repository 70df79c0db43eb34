"""The 发展党员 tab driven like a clerk: enter an applicant, record steps (one refused by
the rules), admit a candidate, print a 公示; with the database checked after each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, DevelopmentStepEntry, PartyMember
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.services.development.forms import NoticeKind
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.development.dialogs import ApplicantDialog, StepDialog
from pbc_desktop.ui.development.tab import DevelopmentTab
from tests.development_factories import make_record
from tests.factories import make_id, make_org
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, stub_boxes, type_text


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def org(db: Database) -> int:
    return make_org(db, "文光村党支部", town="陈店镇")


@pytest.fixture
def tab(qtbot: QtBot, db: Database, org: int, boxes: Boxes) -> Iterator[DevelopmentTab]:
    make_record(db, "郑积极", org, Stage.ACTIVIST, activist_on=date(2026, 7, 1))
    make_record(db, "林对象", org, Stage.CANDIDATE)
    widget = DevelopmentTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def click_row(qtbot: QtBot, tab: DevelopmentTab, name: str) -> None:
    row = [r.name for r in tab.model.rows()].index(name)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_ok(qtbot: QtBot, dialog: FormDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def open_step(qtbot: QtBot, tab: DevelopmentTab, name: str) -> StepDialog:
    click_row(qtbot, tab, name)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = tab.active_dialog
    assert isinstance(dialog, StepDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose_step(dialog: StepDialog, step: Step) -> None:
    index = dialog.ui.stepCombo.findData(step.value)
    assert index >= 0
    dialog.ui.stepCombo.setCurrentIndex(index)


def test_enter_an_applicant_and_record_the_talk(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, org: int
) -> None:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, ApplicantDialog)
    type_text(qtbot, dialog.ui.nameEdit, "陈新")
    dialog.ui.organizationCombo.setCurrentIndex(dialog.ui.organizationCombo.findData(org))
    type_text(qtbot, dialog.ui.idNumberEdit, make_id("20000101", "123"))
    dialog.ui.appliedEdit.setDate(QDate(2026, 11, 1))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    current = tab.current_row()
    assert current is not None
    assert (current.name, current.stage, current.next_step) == ("陈新", Stage.APPLICANT, Step.TALK)
    assert "递交入党申请书" in tab.detail.toPlainText()

    dialog2 = open_step(qtbot, tab, "陈新")
    assert dialog2.step() is Step.TALK  # the step due first is chosen
    dialog2.ui.dateEdit.setDate(QDate(2026, 11, 20))
    type_text(qtbot, dialog2.ui.peopleEdit, "王书记")
    click_ok(qtbot, dialog2)
    assert tab.active_dialog is None
    assert "王书记" in tab.detail.toPlainText()
    with db.read() as s:
        record = s.scalars(select(DevelopmentRecord).where(DevelopmentRecord.name == "陈新")).one()
        assert [step.kind for step in record.steps] == [Step.APPLICATION, Step.TALK]


def test_a_step_too_early_is_refused_in_the_dialog(
    qtbot: QtBot, tab: DevelopmentTab, db: Database
) -> None:
    dialog = open_step(qtbot, tab, "郑积极")
    choose_step(dialog, Step.CANDIDATE)
    dialog.ui.dateEdit.setDate(QDate(2026, 12, 1))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog  # kept open, with the rule said
    assert "满一年" in dialog.ui.errorLabel.text()
    with db.read() as s:
        stages = set(s.scalars(select(DevelopmentRecord.stage)))
    assert Stage.CANDIDATE in stages  # 林对象 only
    dialog.reject()


def test_a_date_before_the_stage_is_marked_on_the_date_not_on_the_step(
    qtbot: QtBot, tab: DevelopmentTab
) -> None:
    """The date was wrong, but the step combo was marked red and focused: the clerk looked
    for a wrong step. In the correction dialog the step cannot even be changed."""
    dialog = open_step(qtbot, tab, "林对象")  # a 发展对象 since 2024-07-01
    dialog.ui.dateEdit.setDate(QDate(2024, 6, 30))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog
    assert "早于成为发展对象的日期" in dialog.ui.errorLabel.text()
    assert dialog.ui.dateEdit.styleSheet() and not dialog.ui.stepCombo.styleSheet()
    assert dialog.focusWidget() in (dialog.ui.dateEdit, *dialog.ui.dateEdit.findChildren(QWidget))
    dialog.reject()


def test_mentors_named_with_nobody_named_is_refused(
    qtbot: QtBot, tab: DevelopmentTab, db: Database
) -> None:
    """指定培养联系人 was saved with 有关人员 empty: the 备案表 named no mentor."""
    dialog = open_step(qtbot, tab, "郑积极")
    choose_step(dialog, Step.SPONSORS)
    dialog.ui.dateEdit.setDate(QDate(2026, 7, 2))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog
    assert "两名培养联系人" in dialog.ui.errorLabel.text()
    assert dialog.ui.peopleEdit.styleSheet() and not dialog.ui.stepCombo.styleSheet()
    type_text(qtbot, dialog.ui.peopleEdit, "王明、李华")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    with db.read() as s:
        people = s.scalars(
            select(DevelopmentStepEntry.people).where(DevelopmentStepEntry.kind == Step.SPONSORS)
        ).all()
    assert people == ["王明、李华"]


def test_the_branch_meeting_admits_the_candidate_as_a_member(
    qtbot: QtBot, tab: DevelopmentTab, db: Database
) -> None:
    for step in (Step.POLITICAL_CHECK, Step.TRAINING, Step.PUBLICITY):
        dialog = open_step(qtbot, tab, "林对象")
        choose_step(dialog, step)
        dialog.ui.dateEdit.setDate(QDate(2026, 10, 1))
        click_ok(qtbot, dialog)
        assert tab.active_dialog is None
    dialog = open_step(qtbot, tab, "林对象")
    choose_step(dialog, Step.BRANCH_MEETING)
    assert "预备党员" in dialog.ui.hintLabel.text() or "probationary" in dialog.ui.hintLabel.text()
    dialog.ui.dateEdit.setDate(QDate(2026, 11, 1))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    current = tab.current_row()
    assert current is not None
    assert current.stage is Stage.PROBATIONARY
    with db.read() as s:
        member = s.scalars(select(PartyMember).where(PartyMember.name == "林对象")).one()
        assert member.category is MemberCategory.PROBATIONARY
        assert member.joined_on == date(2026, 11, 1)


def test_the_late_filter_and_the_printed_notice(
    qtbot: QtBot,
    tab: DevelopmentTab,
    org: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab.urgency_combo.setCurrentIndex(tab.urgency_combo.findData("late"))
    # 林对象 was never reviewed as a 发展对象; 郑积极, named in July, is due in January
    assert [r.name for r in tab.model.rows()] == ["林对象"]
    tab.urgency_combo.setCurrentIndex(0)
    tab.organization_combo.setCurrentIndex(tab.organization_combo.findData(org))
    monkeypatch.setattr(prompts, "ask_date", lambda *_a: date(2026, 12, 7))
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: tmp_path / "notice.pdf")
    monkeypatch.setattr(prompts, "offer_folder", lambda *_a: None)
    written = tab.save_notice(NoticeKind.CANDIDATES)
    assert written == tmp_path / "notice.pdf"
    text = "".join(page_texts(written))
    assert "关于发展对象的公示" in text
    assert "林对象" in text
    assert "郑积极" not in text


def test_an_applicant_entered_behind_the_late_filter_is_shown(
    qtbot: QtBot, tab: DevelopmentTab, org: int
) -> None:
    """A new applicant is not late: with 逾期 chosen they stayed hidden, and nothing said
    so (the urgency filter was not cleared like the others)."""
    tab.urgency_combo.setCurrentIndex(tab.urgency_combo.findData("late"))
    assert [r.name for r in tab.model.rows()] == ["林对象"]
    dialog = tab.new_applicant()
    assert dialog is not None
    type_text(qtbot, dialog.ui.nameEdit, "陈新")
    dialog.ui.organizationCombo.setCurrentIndex(dialog.ui.organizationCombo.findData(org))
    type_text(qtbot, dialog.ui.idNumberEdit, make_id("20000101", "123"))
    dialog.ui.appliedEdit.setDate(QDate.currentDate())
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    current = tab.current_row()
    assert current is not None and current.name == "陈新"
    assert tab.urgency_combo.currentIndex() == 0
    assert tab.extra_label.isVisible()


def test_a_notice_with_nobody_to_announce_says_so_and_writes_nothing(
    qtbot: QtBot,
    tab: DevelopmentTab,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prompts, "ask_date", lambda *_a: date(2026, 12, 7))
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: tmp_path / "notice.pdf")
    monkeypatch.setattr(prompts, "offer_folder", lambda *_a: None)
    click_row(qtbot, tab, "林对象")  # 政审 and 集中培训 not done: nobody to be admitted
    assert tab.save_notice(NoticeKind.ADMISSION) is None
    assert "无需公示" in boxes.shown[-1]
    assert not (tmp_path / "notice.pdf").exists()


def test_the_member_admitted_shows_the_development_history(
    qtbot: QtBot, db: Database, org: int, boxes: Boxes
) -> None:
    from pbc_desktop.ui.members.tab import MembersTab

    make_record(db, "许预备", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    members_tab = MembersTab(AppContext(db))
    qtbot.addWidget(members_tab)
    members_tab.resize(1300, 700)
    members_tab.show()
    assert members_tab.select_id(members_tab.model.rows()[0].id)
    shown = members_tab.detail.toPlainText()
    assert "确定入党积极分子" in shown
    assert "支部大会讨论通过" in shown
    assert "2025-03-01" in shown


def test_the_filing_form_waits_for_a_person(qtbot: QtBot, db: Database, org: int) -> None:
    """备案表 was enabled with nobody selected (the click then asked to select someone),
    where every other button on a selected record waits for the selection."""
    widget = DevelopmentTab(AppContext(db))
    qtbot.addWidget(widget)
    assert widget.current_row() is None
    assert not widget.filing_button.isEnabled()
    make_record(db, "林对象", org, Stage.CANDIDATE)
    widget.refresh()
    widget.show()
    qtbot.waitExposed(widget)
    click_row(qtbot, widget, "林对象")
    assert widget.filing_button.isEnabled()


def test_the_cancellation_of_a_member_who_died_is_refused_in_the_dialog(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, org: int
) -> None:
    """The dialog said nothing and the member who had died was recorded as leaving the
    Party too (their status overwritten). Here the death is recorded in another window
    while the dialog is open (the tab no longer opens it for a member off the roll)."""
    from pbc_desktop.domain.member_changes import MemberChangeKind
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    record_id = make_record(db, "王预备", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None and record.member_id is not None
        member_id = record.member_id
    tab.refresh()
    dialog = open_step(qtbot, tab, "王预备")
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2025, 6, 1)))
    choose_step(dialog, Step.CANCELLATION)
    dialog.ui.dateEdit.setDate(QDate(2025, 9, 1))
    type_text(qtbot, dialog.ui.remarkEdit, "不履行党员义务")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog  # kept open, with the sentence
    assert dialog.ui.errorLabel.text() == "党员王预备已不在册（已故），不能再办理减少。"
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.status.zh == "已故"
    dialog.reject()


def test_a_step_before_the_member_left_the_roll_is_still_recorded(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, org: int
) -> None:
    """A probationary member transferred out of the district: 记录步骤 opened on today,
    a day every save was refused on; then the action was disabled, and a step held before
    the transfer, entered late (the service takes it), could not be recorded at all. The
    dialog opens on the day they left, offers no later day and says why."""
    from pbc_desktop.services.development.detail import get_development_detail
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )

    record_id = make_record(db, "王预备", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None and record.member_id is not None
        member_id = record.member_id
    letter = issue_transfer(
        db, member_id, TransferInput(to_unit="外省某党委", issued_on=date(2025, 6, 1))
    )
    receive_transfer(db, letter, date(2025, 6, 5))
    left_on = get_development_detail(db, record_id).left_on
    assert left_on is not None and left_on <= date(2025, 6, 5)
    tab.refresh()
    click_row(qtbot, tab, "王预备")
    assert tab.step_button.isEnabled()
    dialog = open_step(qtbot, tab, "王预备")
    assert dialog.ui.dateEdit.maximumDate() == QDate(left_on.year, left_on.month, left_on.day)
    assert dialog.ui.dateEdit.date() == dialog.ui.dateEdit.maximumDate()
    assert f"王预备 left the roll on {left_on.isoformat()}" in dialog.ui.hintLabel.text()
    choose_step(dialog, Step.OATH)
    dialog.ui.dateEdit.setDate(QDate(2025, 4, 1))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    steps = [(v.step, v.occurred_on) for v in get_development_detail(db, record_id).steps]
    assert (Step.OATH, date(2025, 4, 1)) in steps
