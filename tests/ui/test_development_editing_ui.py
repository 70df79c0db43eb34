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
from pbc_desktop.services.development.records import StepInput
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.development.dialogs import ApplicantDialog, CorrectStepDialog
from pbc_desktop.ui.development.tab import DevelopmentTab
from tests.development_factories import make_record
from tests.factories import make_id, make_org
from tests.qt_helpers import Boxes, stub_boxes, type_text
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


def test_the_person_is_corrected_by_double_click(
    qtbot: QtBot, tab: DevelopmentTab, db: Database, records: dict[str, int]
) -> None:
    dialog = open_edit(qtbot, tab, "王申请")
    assert dialog.ui.nameEdit.text() == "王申请"
    assert dialog.ui.appliedEdit.date() == QDate(2023, 3, 1)
    assert not dialog.ui.birthCheck.isChecked()  # as in the ID number
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
    qtbot: QtBot, tab: DevelopmentTab, boxes: Boxes
) -> None:
    click_row(qtbot, tab, "王申请")
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    assert tab.active_dialog is None
    assert any("尚未记录" in text or "No step" in text for text in boxes.shown)
