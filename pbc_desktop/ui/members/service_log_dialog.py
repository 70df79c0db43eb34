"""Log (or correct) service done on a post: the day, the hours and what was done."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.services.post_reports import reports, service_log
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date, set_date_capped, to_date, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_service_log_dialog import Ui_ServiceLogDialog
from pbc_desktop.ui.members.post_report_dialog import report_caption


class ServiceLogDialog(FormDialog):
    """A new entry of ``report_id``, or a correction of ``service_id``.

    The date picker is limited to the report's period up to today.
    """

    def __init__(
        self,
        ctx: AppContext,
        report_id: int,
        *,
        service_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report_id = report_id
        self.service_id = service_id
        self.ui = self.use_form(Ui_ServiceLogDialog)
        ui = self.ui
        report = reports.get_report(ctx.db, report_id)
        ui.reportLabel.setText(report_caption(report))
        today = date.today()
        last = min(report.ended_on or today, today)
        ui.servedEdit.setMinimumDate(to_qdate(min(report.reported_on, last)))
        set_date_capped(ui.servedEdit, last)
        ui.hoursSpin.setMaximum(service_log.MAX_HOURS)
        ui.hoursSpin.setSuffix(self.tr(" h"))
        self.field_widgets = {
            "served_on": ui.servedEdit,
            "hours": ui.hoursSpin,
            "content": ui.contentEdit,
        }
        if service_id is None:
            self.setWindowTitle(self.tr("Log service: {0}").format(report.member_name))
        else:
            self.setWindowTitle(self.tr("Edit service entry: {0}").format(report.member_name))
            entry = service_log.get_service(ctx.db, service_id)
            self.read_version = entry.version
            set_date(ui.servedEdit, entry.served_on)
            ui.hoursSpin.setValue(entry.hours)
            ui.contentEdit.setPlainText(entry.content)
        ui.servedEdit.setFocus()

    def collect(self) -> service_log.ServiceInput:
        ui = self.ui
        return service_log.ServiceInput(
            served_on=to_date(ui.servedEdit.date()),
            hours=ui.hoursSpin.value(),
            content=ui.contentEdit.toPlainText(),
            version=self.read_version,
        )

    def save(self) -> int:
        if self.service_id is None:
            return service_log.add_service(self.ctx.db, self.report_id, self.collect())
        service_log.update_service(self.ctx.db, self.service_id, self.collect())
        return self.service_id
