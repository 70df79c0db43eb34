"""The 发展党员 dialogs: a new applicant from the 入党申请书, and one dated step of a person."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.development import DevelopmentStep, steps_for
from pbc_desktop.domain.member_rules import EDUCATION_LEVELS
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services.development import detail, records
from pbc_desktop.ui.common.combos import current_enum, fill, fill_choices, fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_applicant_dialog import Ui_ApplicantDialog
from pbc_desktop.ui.forms.ui_development_step_dialog import Ui_DevelopmentStepDialog


class ApplicantDialog(FormDialog):
    """An applicant (入党申请人) as the 入党申请书 gives them; birth date and sex come from
    the ID number, which the member made at admission keeps."""

    def __init__(
        self, ctx: AppContext, *, organization_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ApplicantDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.init_form(self.ui.errorLabel, buttons=self.ui.buttonBox)
        ui = self.ui
        self.setWindowTitle(self.tr("New applicant"))
        fill_choices(ui.organizationCombo, orgs.choices(ctx.db), "")
        select_data(ui.organizationCombo, organization_id, otherwise=0)
        fill(ui.educationCombo, ((level, level) for level in EDUCATION_LEVELS), "")
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
            "birth_date": ui.idNumberEdit,
            "gender": ui.idNumberEdit,
            "applied_on": ui.appliedEdit,
            "education": ui.educationCombo,
            "work_unit": ui.workUnitEdit,
            "phone": ui.phoneEdit,
            "remark": ui.remarkEdit,
        }
        ui.nameEdit.setFocus()

    def save(self) -> int:
        ui = self.ui
        return records.create_applicant(
            self.ctx.db,
            records.ApplicantInput(
                name=ui.nameEdit.text(),
                organization_id=ui.organizationCombo.currentData(),
                id_number=ui.idNumberEdit.text(),
                applied_on=to_date(ui.appliedEdit.date()),
                education=ui.educationCombo.currentData(),
                work_unit=ui.workUnitEdit.text(),
                phone=ui.phoneEdit.text(),
                remark=ui.remarkEdit.toPlainText(),
            ),
        )


class StepDialog(FormDialog):
    """One dated step of a person: the steps of their stage are offered, the one due first
    chosen; the months only for an extension of the 预备期."""

    def __init__(self, ctx: AppContext, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.ui = Ui_DevelopmentStepDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.init_form(self.ui.errorLabel, buttons=self.ui.buttonBox)
        ui = self.ui
        shown = detail.get_development_detail(ctx.db, record_id)
        self.setWindowTitle(self.tr("Record a step: {0}").format(shown.name))
        ui.personLabel.setText(f"{shown.name}（{label(shown.stage)}，{shown.organization_name}）")
        fill_enum(ui.stepCombo, steps_for(shown.stage))
        offered = steps_for(shown.stage)
        first = next((d.step for d in shown.dues if d.step in offered), None)
        if first is not None:
            select_data(ui.stepCombo, first.value)
        set_date_capped(ui.dateEdit, date.today())
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
        ui.hintLabel.setText(hints.get(step, "") if step is not None else "")

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
