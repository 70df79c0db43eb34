"""离岗: a member leaves the post; the service log and evaluations stay with the report."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.services.post_reports import reports
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date_capped, to_date, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_end_report_dialog import Ui_EndReportDialog
from pbc_desktop.ui.members.post_report_dialog import report_caption


class EndReportDialog(FormDialog):
    """The end date lies between the report date and today; the remark starts as it was."""

    def __init__(self, ctx: AppContext, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id = report_id
        self.ui = self.use_form(Ui_EndReportDialog)
        ui = self.ui
        report = reports.get_report(ctx.db, report_id)
        self.read_version = report.version
        self.setWindowTitle(self.tr("Leave the post: {0}").format(report.member_name))
        ui.reportLabel.setText(report_caption(report))
        today = date.today()
        ui.endedEdit.setMinimumDate(to_qdate(min(report.reported_on, today)))
        set_date_capped(ui.endedEdit, today)
        ui.remarkEdit.setPlainText(report.remark or "")
        ui.hintLabel.setText(
            self.tr(
                "The service log and the evaluations stay with the report. "
                "Write the reason in the remark, e.g. a transfer."
            )
        )
        self.field_widgets = {"ended_on": ui.endedEdit, "remark": ui.remarkEdit}
        ui.endedEdit.setFocus()

    def save(self) -> int:
        ui = self.ui
        reports.end_report(
            self.ctx.db,
            self.report_id,
            reports.EndInput(
                to_date(ui.endedEdit.date()),
                ui.remarkEdit.toPlainText(),
                version=self.read_version,
            ),
        )
        return self.report_id
