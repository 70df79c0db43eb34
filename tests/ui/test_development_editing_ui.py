"""Corrections on the 发展党员 tab driven like a clerk: the person's data edited (saved, a
rule said, a stale edit refused, an admitted person's data not edited here) and the latest
step corrected or removed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.services.development import detail, editing
from pbc_desktop.services.development import records as record_service
from pbc_desktop.services.development.records import StepInput
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.development.dialogs import ApplicantDialog, CorrectStepDialog
from pbc_desktop.ui.development.tab import DevelopmentTab
from tests.development_factories import TODAY, make_record
from tests.factories import make_id, make_org
from tests.qt_helpers import Boxes, stub_boxes, type_text
from tests.scope_factories import village_actor
from tests.ui.test_development_ui import click_ok, click_row


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def records(db: Database) -> dict[str, int]:
    org = make_org(db, "文光村党支部", town="陈店镇")
    return {
        "王申请": make_record(db, "王申请", org),
        "郑积极": make_record(db, "郑积极", org, Stage.ACTIVIST, activist_on=date(2026, 7, 1)),
        "许预备": make_record(db, "许预备", org, Stage.PROBATIONARY),
    }


@pytest.fixture
def tab(
    qtbot: QtBot, db: Database, records: dict[str, int], boxes: Boxes
) -> Iterator[DevelopmentTab]:
    widget = DevelopmentTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def open_edit(qtbot: QtBot, tab: DevelopmentTab, name: str) -> ApplicantDialog:
    click_row(qtbot, tab, name)
    row = [r.name for r in tab.model.rows()].index(name)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = tab.active_dialog
    assert isinstance(dialog, ApplicantDialog)
    return dialog


def reveal(qtbot: QtBot, dialog: ApplicantDialog) -> None:
    qtbot.mouseClick(dialog.show_numbers_button, Qt.MouseButton.LeftButton)
    assert not dialog.masking.numbers_masked()


def test_the_person_is_corrected_by_double_click(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_edit(qtbot, tab, "王申请")
    assert dialog.ui.nameEdit.text() == "王申请"
    assert dialog.ui.appliedEdit.date() == QDate(2023, 3, 1)
    assert not dialog.ui.birthCheck.isChecked()  # as in the ID number
    reveal(qtbot, dialog)
    dialog.ui.nameEdit.clear()
    type_text(qtbot, dialog.ui.nameEdit, "王申清")
    dialog.ui.ethnicityCombo.setEditText("回族")
    dialog.ui.phoneEdit.clear()
    type_text(qtbot, dialog.ui.phoneEdit, "13600001234")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    shown = detail.get_development_detail(db, records["王申请"], unmasked=True)
    assert (shown.name, shown.ethnicity, shown.phone) == ("王申清", "回族", "13600001234")
    current = tab.current_row()
    assert current is not None and current.name == "王申清"


def test_an_applicant_under_eighteen_is_said_in_the_dialog(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_edit(qtbot, tab, "王申请")
    reveal(qtbot, dialog)
    dialog.ui.idNumberEdit.clear()
    type_text(qtbot, dialog.ui.idNumberEdit, make_id("20080301", "124"))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog  # kept open, with the rule said
    assert "18" in dialog.ui.errorLabel.text()
    assert detail.get_development_detail(db, records["王申请"], unmasked=True).birth_date == (
        "1998-04-02"
    )
    dialog.reject()


def test_a_stale_edit_is_refused_in_the_dialog(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_edit(qtbot, tab, "王申请")
    elsewhere = editing.get_applicant_input(db, records["王申请"])
    editing.update_applicant(db, records["王申请"], replace(elsewhere, work_unit="别处改过"))
    type_text(qtbot, dialog.ui.nameEdit, "甲")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog
    assert "修改" in dialog.ui.errorLabel.text() or "changed" in dialog.ui.errorLabel.text()
    shown = detail.get_development_detail(db, records["王申请"])
    assert (shown.name, shown.work_unit) == ("王申请", "别处改过")
    dialog.reject()


def test_an_admitted_persons_data_is_edited_on_the_member(
    qtbot: QtBot, tab: DevelopmentTab
) -> None:
    click_row(qtbot, tab, "许预备")
    assert not tab.edit_button.isEnabled()
    assert "党员" in tab.edit_button.toolTip() or "member" in tab.edit_button.toolTip()
    click_row(qtbot, tab, "王申请")
    assert tab.edit_button.isEnabled()


def open_correction(qtbot: QtBot, tab: DevelopmentTab, name: str) -> CorrectStepDialog:
    click_row(qtbot, tab, name)
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, CorrectStepDialog)
    return dialog


def test_the_latest_step_is_corrected(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_correction(qtbot, tab, "郑积极")
    assert dialog.step() is Step.ACTIVIST
    assert not dialog.ui.stepCombo.isEnabled()
    assert dialog.ui.dateEdit.date() == QDate(2026, 7, 1)
    dialog.ui.dateEdit.setDate(QDate(2026, 6, 20))
    type_text(qtbot, dialog.ui.peopleEdit, "村党支部")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    last = detail.get_development_detail(db, records["郑积极"]).steps[-1]
    assert (last.step, last.occurred_on, last.people) == (
        Step.ACTIVIST,
        date(2026, 6, 20),
        "村党支部",
    )


def test_a_correction_breaking_the_rules_and_a_stale_one_are_said(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_correction(qtbot, tab, "郑积极")
    dialog.ui.dateEdit.setDate(QDate(2023, 1, 1))  # before the application (2023-03-01)
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog
    assert "2023-03-01" in dialog.ui.errorLabel.text()
    editing.correct_latest_step(
        db,
        records["郑积极"],
        replace_step(db, records["郑积极"], remark="别处改过"),
    )
    dialog.ui.dateEdit.setDate(QDate(2026, 6, 1))
    click_ok(qtbot, dialog)
    assert tab.active_dialog is dialog
    assert "修改" in dialog.ui.errorLabel.text() or "changed" in dialog.ui.errorLabel.text()
    assert detail.get_development_detail(db, records["郑积极"]).steps[-1].occurred_on == (
        date(2026, 7, 1)
    )
    dialog.reject()


def replace_step(db: Database, record_id: int, **changes: object) -> StepInput:
    latest = editing.latest_step(db, record_id)
    data = StepInput(latest.step, latest.occurred_on, latest.people, latest.months, None)
    return replace(data, **changes)  # type: ignore[arg-type]


def test_the_latest_step_is_removed_after_asking(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int], boxes: Boxes
) -> None:
    dialog = open_correction(qtbot, tab, "郑积极")
    boxes.confirm_answer = False
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert tab.active_dialog is dialog
    boxes.confirm_answer = True
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert tab.active_dialog is None
    assert detail.get_development_detail(db, records["郑积极"]).stage is Stage.APPLICANT
    current = tab.current_row()
    assert current is not None and current.stage is Stage.APPLICANT


def test_removing_the_admission_is_refused_with_what_to_do(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_correction(qtbot, tab, "许预备")
    assert dialog.step() is Step.BRANCH_MEETING
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert tab.active_dialog is dialog
    assert "取消预备党员资格" in dialog.ui.errorLabel.text()
    assert detail.get_development_detail(db, records["许预备"]).stage is Stage.PROBATIONARY
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.reject()


def test_an_applicant_without_steps_has_nothing_to_correct(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int], boxes: Boxes
) -> None:
    """Only the application recorded: the button is disabled and says why (before, it
    opened a refusal and reloaded the list); a later step enables it."""
    click_row(qtbot, tab, "王申请")
    assert not tab.correct_button.isEnabled()
    assert "只记录了递交入党申请书" in tab.correct_button.toolTip()
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert tab.active_dialog is None and boxes.shown == []
    click_row(qtbot, tab, "郑积极")
    assert tab.correct_button.isEnabled()
    assert tab.correct_button.toolTip().startswith("Correct or remove the step")  # its own again
    step = StepInput(Step.TALK, date(2023, 3, 10))
    record_service.record_step(db, records["王申请"], step, today=TODAY)
    tab.refresh()
    click_row(qtbot, tab, "王申请")
    assert tab.correct_button.isEnabled()


# -- the numbers masked until shown (as in the member editor) ----------------------------------
def test_the_editor_masks_the_numbers_until_asked(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    stored = editing.get_applicant_input(db, records["王申请"])
    assert stored.id_number is not None and stored.phone == "13912345678"
    dialog = open_edit(qtbot, tab, "王申请")
    ui = dialog.ui
    assert ui.idNumberEdit.text() == "*" * 14 + stored.id_number[-4:]
    assert ui.phoneEdit.text() == "139****5678"
    assert ui.idNumberEdit.isReadOnly() and ui.phoneEdit.isReadOnly()
    # No birth date is shown beside it (it is the ID number's): the suggestion stays as it is.
    assert not ui.birthCheck.isChecked() and ui.birthEdit.displayFormat() == "yyyy-MM-dd"
    assert dialog.show_numbers_button.isVisible()
    # Saving the masked form keeps the stored numbers.
    ui.workUnitEdit.setText("文光村委会")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    kept = editing.get_applicant_input(db, records["王申请"])
    assert (kept.id_number, kept.phone, kept.work_unit, kept.birth_date) == (
        stored.id_number,
        "13912345678",
        "文光村委会",
        date(1998, 4, 2),
    )

    dialog = open_edit(qtbot, tab, "王申请")
    ui = dialog.ui
    reveal(qtbot, dialog)
    assert not dialog.show_numbers_button.isVisible()
    assert (ui.idNumberEdit.text(), ui.phoneEdit.text()) == (stored.id_number, "13912345678")
    assert not ui.idNumberEdit.isReadOnly() and not ui.phoneEdit.isReadOnly()
    assert ui.birthEdit.displayFormat() == "yyyy-MM-dd" and ui.birthEdit.calendarPopup()
    assert ui.birthCheck.isEnabled()
    assert dialog.focusWidget() is ui.idNumberEdit
    ui.phoneEdit.clear()
    type_text(qtbot, ui.phoneEdit, "13600004321")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    changed = editing.get_applicant_input(db, records["王申请"])
    assert (changed.id_number, changed.phone) == (stored.id_number, "13600004321")

    # A new applicant is typed in full.
    new = tab.new_applicant()
    assert new is not None
    assert not new.show_numbers_button.isVisible() and not new.ui.idNumberEdit.isReadOnly()
    new.reject()


def test_numbers_written_in_the_remark_are_masked_and_kept(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    remark = "母亲电话 13800001111"
    stored = editing.get_applicant_input(db, records["王申请"])
    editing.update_applicant(db, records["王申请"], replace(stored, remark=remark))
    dialog = open_edit(qtbot, tab, "王申请")
    assert dialog.ui.remarkEdit.toPlainText() == "母亲电话 138****1111"
    assert dialog.ui.remarkEdit.isReadOnly()
    dialog.ui.workUnitEdit.setText("文光村委会")
    click_ok(qtbot, dialog)
    assert editing.get_applicant_input(db, records["王申请"]).remark == remark

    dialog = open_edit(qtbot, tab, "王申请")
    reveal(qtbot, dialog)
    assert dialog.ui.remarkEdit.toPlainText() == remark
    assert not dialog.ui.remarkEdit.isReadOnly()
    dialog.reject()


def test_a_village_clerk_corrects_its_own_applicant_s_phone(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    """As in the member editor, the account that edits the applicant may show the numbers
    to correct them."""
    stored = editing.get_applicant_input(db, records["王申请"])
    assert stored.organization_id is not None and stored.id_number is not None
    db.user = village_actor(db, stored.organization_id)
    dialog = open_edit(qtbot, tab, "王申请")
    ui = dialog.ui
    masked = "*" * 14 + stored.id_number[-4:]
    assert (ui.idNumberEdit.text(), ui.phoneEdit.text()) == (masked, "139****5678")
    assert ui.idNumberEdit.isReadOnly() and dialog.show_numbers_button.isVisible()
    dialog.show_numbers_button.click()
    assert ui.phoneEdit.text() == "13912345678" and not ui.phoneEdit.isReadOnly()
    ui.phoneEdit.setText("13800001111")
    click_ok(qtbot, dialog)
    assert tab.active_dialog is None
    kept = editing.get_applicant_input(db, records["王申请"])
    assert (kept.id_number, kept.phone) == (stored.id_number, "13800001111")
