"""The yearly evaluation of a post report: 优秀, 合格 or 不合格, with a remark."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from pbc_desktop.domain.enums import EvaluationResult
from pbc_desktop.services.post_reports import evaluations, reports
from pbc_desktop.services.versions import NONE_YET
from pbc_desktop.ui.common.combos import fill, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_evaluation_dialog import Ui_EvaluationDialog
from pbc_desktop.ui.members.post_report_dialog import report_caption


class EvaluationDialog(FormDialog):
    """One evaluation per report and year: choosing a year already evaluated edits it."""

    def __init__(
        self,
        ctx: AppContext,
        report_id: int,
        *,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id = report_id
        self.ui = self.use_form(Ui_EvaluationDialog)
        ui = self.ui
        report = reports.get_report(ctx.db, report_id)
        self.setWindowTitle(self.tr("Yearly evaluation: {0}").format(report.member_name))
        ui.reportLabel.setText(report_caption(report))
        self.radios: dict[EvaluationResult, QRadioButton] = {
            EvaluationResult.EXCELLENT: ui.excellentRadio,
            EvaluationResult.QUALIFIED: ui.qualifiedRadio,
            EvaluationResult.UNQUALIFIED: ui.unqualifiedRadio,
        }
        self.group = QButtonGroup(self)
        for radio in self.radios.values():
            self.group.addButton(radio)
        years = list(reversed(evaluations.evaluation_years(report)))
        fill(ui.yearCombo, ((str(each), each) for each in years))
        # Evaluations are made after the year: last year, when the member was on the post.
        default = date.today().year - 1
        wanted = year if year is not None else (default if default in years else years[0])
        select_data(ui.yearCombo, wanted)
        ui.yearCombo.currentIndexChanged.connect(self._year_changed)
        self.field_widgets = {
            "year": ui.yearCombo,
            "result": ui.resultBox,
            "remark": ui.remarkEdit,
        }
        self._year_changed()
        ui.yearCombo.setFocus()

    def year(self) -> int:
        return int(self.ui.yearCombo.currentData())

    def chosen_result(self) -> EvaluationResult | None:
        return next((r for r, radio in self.radios.items() if radio.isChecked()), None)

    def set_result(self, result: EvaluationResult | None) -> None:
        self.group.setExclusive(False)
        for value, radio in self.radios.items():
            radio.setChecked(value == result)
        self.group.setExclusive(True)

    def _year_changed(self) -> None:
        ui = self.ui
        found = evaluations.get_evaluation(self.ctx.db, self.report_id, self.year())
        self.read_version = found.version if found is not None else NONE_YET
        self.set_result(found.result if found else None)
        ui.remarkEdit.setPlainText(found.remark or "" if found else "")
        ui.existingHint.setText(
            self.tr("{0} was evaluated {1}; saving replaces it.").format(
                self.year(), label(found.result)
            )
            if found
            else ""
        )
        ui.existingHint.setVisible(found is not None)

    def save(self) -> int:
        return evaluations.set_evaluation(
            self.ctx.db,
            self.report_id,
            evaluations.EvaluationInput(
                self.year(),
                self.chosen_result(),
                self.ui.remarkEdit.toPlainText(),
                version=self.read_version,
            ),
        )
