"""The 发展党员 dialogs: a new applicant from the 入党申请书, and one dated step of a person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from pbc_desktop.domain.development import DevelopmentStep, steps_for
from pbc_desktop.domain.enums import Gender
from pbc_desktop.domain.member_rules import EDUCATION_LEVELS, ETHNICITIES
from pbc_desktop.domain.validation import id_number_facts
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.development import detail, editing, records
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import current_enum, fill, fill_choices, fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, set_date_capped, to_date, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.masking import MaskedNumbers
from pbc_desktop.ui.forms.ui_applicant_dialog import Ui_ApplicantDialog
from pbc_desktop.ui.forms.ui_development_step_dialog import Ui_DevelopmentStepDialog
from pbc_desktop.ui.members.dialog import BIRTH_SUGGESTION


class ApplicantDialog(FormDialog):
    """An applicant (入党申请人) as the 入党申请书 gives them; birth date and sex come from
    the ID number unless given otherwise. With ``record_id`` it corrects the stored person
    (``services.development.editing``); a person already admitted is edited on the member
    instead, which the dialog says, saving nothing.

    Editing, the ID number and phone are shown masked and read-only as in the member
    editor (``ui.common.masking``) until the user clicks "Show ID number and phone", which
    only an account allowed to see full numbers is offered; saving a masked form keeps the
    stored numbers."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        organization_id: int | None = None,
        record_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.ui = self.use_form(Ui_ApplicantDialog)
        ui = self.ui
        self.setWindowTitle(self.tr("New applicant"))
        fill_choices(ui.organizationCombo, orgs.choices(ctx.db), "")
        select_data(ui.organizationCombo, organization_id, otherwise=0)
        fill(ui.educationCombo, ((level, level) for level in EDUCATION_LEVELS), "")
        fill_enum(ui.genderCombo, Gender, self.tr("As in the ID number"))
        ui.ethnicityCombo.addItems(["", *ETHNICITIES])
        ui.ethnicityCombo.setCurrentIndex(0)
        ui.birthCheck.toggled.connect(ui.birthEdit.setEnabled)
        set_date_capped(ui.birthEdit, date.today())
        ui.birthEdit.setDate(to_qdate(BIRTH_SUGGESTION))
        set_date_capped(ui.appliedEdit, date.today())
        ui.hintLabel.setText(
            self.tr(
                "The applicant must be 18 or older on the day the application was handed in. "
                "Birth date and sex are read from the ID number."
            )
        )
        self.field_widgets = {
            "name": ui.nameEdit,
            "organization": ui.organizationCombo,
            "id_number": ui.idNumberEdit,
            "birth_date": ui.birthEdit,
            "gender": ui.genderCombo,
            "ethnicity": ui.ethnicityCombo,
            "applied_on": ui.appliedEdit,
            "education": ui.educationCombo,
            "work_unit": ui.workUnitEdit,
            "phone": ui.phoneEdit,
            "remark": ui.remarkEdit,
        }
        self.masking = MaskedNumbers(
            self,
            ui.buttonBox,
            id_edit=ui.idNumberEdit,
            phone_edit=ui.phoneEdit,
            remark_edit=ui.remarkEdit,
            birth=(ui.birthCheck, ui.birthEdit),
            button_name="applicantShowNumbers",
        )
        self.show_numbers_button = self.masking.button
        if record_id is not None:
            self.setWindowTitle(self.tr("Edit applicant"))
            self._load(editing.get_applicant_input(ctx.db, record_id))
            if detail.get_development_detail(ctx.db, record_id).member_id is not None:
                self._admitted()
            self.masking.mask()  # as the member editor's
        ui.nameEdit.setFocus()

    def _load(self, data: records.ApplicantInput) -> None:
        ui = self.ui
        self.read_version = data.version
        ui.nameEdit.setText(data.name)
        select_data(ui.organizationCombo, data.organization_id, otherwise=0)
        ui.idNumberEdit.setText(data.id_number or "")
        facts = id_number_facts(data.id_number)
        given_birth = data.birth_date is not None and (not facts or facts[0] != data.birth_date)
        ui.birthCheck.setChecked(given_birth)
        if given_birth and data.birth_date is not None:
            ui.birthEdit.setDate(to_qdate(data.birth_date))
        if data.gender is not None and (not facts or facts[1] is not data.gender):
            select_data(ui.genderCombo, data.gender.value)
        ui.ethnicityCombo.setEditText(data.ethnicity or "")
        if data.applied_on is not None:
            ui.appliedEdit.setDate(to_qdate(data.applied_on))
        select_data(ui.educationCombo, data.education, otherwise=0)
        ui.workUnitEdit.setText(data.work_unit or "")
        ui.phoneEdit.setText(data.phone or "")
        ui.remarkEdit.setPlainText(data.remark or "")

    def _admitted(self) -> None:
        """Admitted: the personal data is the member's now; shown, not edited here."""
        ui = self.ui
        for widget in (*self.field_widgets.values(), ui.birthCheck):
            widget.setEnabled(False)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        ui.hintLabel.setText(
            self.tr(
                "Admitted as a probationary member: the personal data is now edited on the "
                "member (Party members tab)."
            )
        )

    def _input(self) -> records.ApplicantInput:
        ui = self.ui
        return records.ApplicantInput(
            name=ui.nameEdit.text(),
            organization_id=ui.organizationCombo.currentData(),
            id_number=self.masking.text(ui.idNumberEdit),
            applied_on=to_date(ui.appliedEdit.date()),
            gender=current_enum(ui.genderCombo, Gender),
            ethnicity=ui.ethnicityCombo.currentText(),
            birth_date=to_date(ui.birthEdit.date()) if ui.birthCheck.isChecked() else None,
            education=ui.educationCombo.currentData(),
            work_unit=ui.workUnitEdit.text(),
            phone=self.masking.text(ui.phoneEdit),
            remark=self.masking.remark(),
            version=self.read_version,
        )

    def save(self) -> int:
        if self.record_id is None:
            return records.create_applicant(self.ctx.db, self._input())
        editing.update_applicant(self.ctx.db, self.record_id, self._input())
        return self.record_id


class StepDialog(FormDialog):
    """One dated step of a person: the steps of their stage are offered, the one due first
    chosen; the months only for an extension of the 预备期."""

    def __init__(self, ctx: AppContext, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.ui = self.use_form(Ui_DevelopmentStepDialog)
        ui = self.ui
        shown = detail.get_development_detail(ctx.db, record_id)
        self.setWindowTitle(self.tr("Record a step: {0}").format(shown.name))
        ui.personLabel.setText(f"{shown.name}（{label(shown.stage)}，{shown.organization_name}）")
        fill_enum(ui.stepCombo, steps_for(shown.stage))
        offered = steps_for(shown.stage)
        first = next((d.step for d in shown.dues if d.step in offered), None)
        if first is not None:
            select_data(ui.stepCombo, first.value)
        # a member who died or left the roll: a step up to that day may still be entered
        # late, none after it (the dialog opened on today, a day every save was refused on)
        left_on = shown.left_on
        set_date_capped(ui.dateEdit, min(date.today(), left_on or date.today()))
        self.left_note = (
            ""
            if left_on is None
            else self.tr("{0} left the roll on {1}: no step after that day is recorded.").format(
                shown.name, fmt_date(left_on)
            )
        )
        ui.stepCombo.currentIndexChanged.connect(self._step_changed)
        self.field_widgets = {
            "step": ui.stepCombo,
            "occurred_on": ui.dateEdit,
            "people": ui.peopleEdit,
            "months": ui.monthsSpin,
            "remark": ui.remarkEdit,
        }
        self._step_changed()
        ui.stepCombo.setFocus()

    def step(self) -> DevelopmentStep | None:
        return current_enum(self.ui.stepCombo, DevelopmentStep)

    def _step_changed(self) -> None:
        ui = self.ui
        step = self.step()
        extension = step is DevelopmentStep.EXTENSION
        ui.monthsSpin.setEnabled(extension)
        hints = {
            DevelopmentStep.SPONSORS: self.tr("Name the two mentors (培养联系人)."),
            DevelopmentStep.BRANCH_MEETING: self.tr(
                "Admitted by the branch meeting: the person becomes a probationary member "
                "of this organization from this day (the member record is made)."
            ),
            DevelopmentStep.CONFIRMATION: self.tr(
                "Confirmed as a full member: the member's category and confirmation date change."
            ),
            DevelopmentStep.CANCELLATION: self.tr(
                "The probationary membership is cancelled: the member leaves the Party "
                "(取消预备党员资格). Write the reason in the remark."
            ),
            DevelopmentStep.EXTENSION: self.tr(
                "The probation is extended once, by 6 to 12 months."
            ),
        }
        hint = hints.get(step, "") if step is not None else ""
        ui.hintLabel.setText("\n".join(text for text in (hint, self.left_note) if text))

    def save(self) -> int:
        """Record the step; the record's id (the tab shows the person again)."""
        ui = self.ui
        step = self.step()
        assert step is not None
        records.record_step(
            self.ctx.db,
            self.record_id,
            records.StepInput(
                step,
                to_date(ui.dateEdit.date()),
                people=ui.peopleEdit.text(),
                months=ui.monthsSpin.value() if step is DevelopmentStep.EXTENSION else None,
                remark=ui.remarkEdit.toPlainText(),
            ),
        )
        return self.record_id


class CorrectStepDialog(StepDialog):
    """The step recorded last, corrected (its date, people, months, remark) or removed as
    entered by mistake; the rules it was taken by still hold
    (``services.development.editing``). Its kind stays: a wrong kind is removed and the
    right step recorded."""

    def __init__(self, ctx: AppContext, record_id: int, parent: QWidget | None = None) -> None:
        latest = editing.latest_step(ctx.db, record_id)
        super().__init__(ctx, record_id, parent)
        ui = self.ui
        self.latest = latest
        self.read_version = latest.version
        name = detail.get_development_detail(ctx.db, record_id).name
        self.setWindowTitle(self.tr("Correct the latest step: {0}").format(name))
        fill_enum(ui.stepCombo, [latest.step])
        ui.stepCombo.setEnabled(False)
        ui.dateEdit.setMaximumDate(to_qdate(date.today()))  # as stored (the service judges)
        ui.dateEdit.setDate(to_qdate(latest.occurred_on))
        ui.peopleEdit.setText(latest.people or "")
        if latest.months is not None:
            ui.monthsSpin.setValue(latest.months)
        ui.remarkEdit.setPlainText(latest.remark or "")
        self._step_changed()
        self.remove_button = ui.buttonBox.addButton(
            self.tr("&Remove this step"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.remove_button.setObjectName("developmentRemoveStep")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(
            self.tr("Remove the step entered by mistake: the person is back where they were")
        )
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        ui.dateEdit.setFocus()

    def remove(self) -> bool:
        """Remove the step after asking; True when removed (the dialog closes)."""
        question = self.tr("Remove the step “{0}” of {1} recorded as entered by mistake?")
        if not messages.confirm(
            self,
            self.tr("Remove the latest step"),
            question.format(label(self.latest.step), fmt_date(self.latest.occurred_on)),
        ):
            return False
        removed = self.attempt(
            lambda: editing.remove_latest_step(
                self.ctx.db, self.record_id, version=self.read_version
            )
        )
        if removed is None:
            return False
        self.close_saved(self.record_id)
        return True

    def save(self) -> int:
        ui = self.ui
        editing.correct_latest_step(
            self.ctx.db,
            self.record_id,
            records.StepInput(
                self.latest.step,
                to_date(ui.dateEdit.date()),
                people=ui.peopleEdit.text(),
                months=ui.monthsSpin.value() if ui.monthsSpin.isEnabled() else None,
                remark=ui.remarkEdit.toPlainText(),
            ),
            version=self.read_version,
        )
        return self.record_id
