"""报到领岗: a member reports to a member organization of a community and takes a post."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.services.post_reports import catalogue, reports
from pbc_desktop.ui.common.combos import fill_choices, find_data, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date, set_date, set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_post_report_dialog import Ui_PostReportDialog


def report_caption(report: reports.ReportRow) -> str:
    """One line naming a report in the dialogs that act on it."""
    translate = QCoreApplication.translate
    post = report.post_name or translate("PostReports", "no post yet")
    where = report.organization_name
    if report.community_name:
        where = translate("PostReports", "{0} ({1})").format(where, report.community_name)
    if report.active:
        since = translate("PostReports", "on the post since {0}").format(
            fmt_date(report.reported_on)
        )
    else:
        since = translate("PostReports", "{0} to {1}").format(
            fmt_date(report.reported_on), fmt_date(report.ended_on)
        )
    return translate("PostReports", "{0}: {1}, {2}, {3}").format(
        report.member_name, where, post, since
    )


class PostReportDialog(FormDialog):
    """A new report of ``member_id``, or a correction of ``report_id`` (same member).

    The organization picker offers the chosen community's current member organizations
    except the member's own; the post picker offers the active posts of the catalogue.
    """

    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        *,
        report_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.report_id = report_id
        self.ui = self.use_form(Ui_PostReportDialog)
        ui = self.ui
        self.member = reports.member_brief(ctx.db, member_id)
        ui.memberLabel.setText(
            self.tr("{0} ({1})").format(self.member.name, self.member.organization_name)
        )
        self.report = reports.get_report(ctx.db, report_id) if report_id is not None else None
        self.read_version = self.report.version if self.report is not None else None
        report = self.report
        self._duties = {p.id: p.description or "" for p in catalogue.list_posts(ctx.db)}
        fill_choices(ui.communityCombo, reports.community_choices(ctx.db), self.tr("(choose)"))
        if report is not None and report.community_id is not None:
            if find_data(ui.communityCombo, report.community_id) < 0:  # revoked since
                ui.communityCombo.addItem(report.community_name or "", report.community_id)
            select_data(ui.communityCombo, report.community_id)
        fill_choices(
            ui.postCombo,
            catalogue.post_choices(ctx.db, report.post_id if report else None),
            self.tr("(no post yet)"),
        )
        today = date.today()
        set_date_capped(ui.reportedEdit, today)
        self._community_changed()
        ui.communityCombo.currentIndexChanged.connect(self._community_changed)
        ui.postCombo.currentIndexChanged.connect(self._post_changed)
        self.field_widgets = {
            "member": ui.memberLabel,
            "community": ui.communityCombo,
            "organization": ui.organizationCombo,
            "post": ui.postCombo,
            "reported_on": ui.reportedEdit,
            "remark": ui.remarkEdit,
        }
        if report is None:
            self.setWindowTitle(self.tr("Report to a post: {0}").format(self.member.name))
            if self.member.status != MembershipStatus.NORMAL:
                self.show_error(
                    self.tr(
                        "The member's status is {0}: only members in good standing report."
                    ).format(label(self.member.status))
                )
            elif ui.communityCombo.count() == 1:
                self.show_error(
                    self.tr(
                        "No community is open for reports yet: set up a Party-building "
                        "community with member organizations first."
                    )
                )
        else:
            self.setWindowTitle(self.tr("Correct the post report: {0}").format(self.member.name))
            select_data(ui.organizationCombo, report.organization_id)
            select_data(ui.postCombo, report.post_id)
            set_date(ui.reportedEdit, report.reported_on)
            ui.remarkEdit.setPlainText(report.remark or "")
        self._post_changed()
        ui.communityCombo.setFocus()

    def _community_changed(self) -> None:
        ui = self.ui
        keep = ui.organizationCombo.currentData()
        community_id = ui.communityCombo.currentData()
        choices = (
            reports.organization_choices(self.ctx.db, community_id, self.member.organization_id)
            if community_id is not None
            else []
        )
        fill_choices(ui.organizationCombo, choices, self.tr("(choose)"))
        report = self.report
        if (
            report is not None
            and community_id == report.community_id
            and find_data(ui.organizationCombo, report.organization_id) < 0
        ):  # the organization has left the community since
            ui.organizationCombo.addItem(report.organization_name, report.organization_id)
        if len(choices) == 1:
            ui.organizationCombo.setCurrentIndex(1)
        else:
            select_data(ui.organizationCombo, keep)
        ui.organizationCombo.setEnabled(community_id is not None)

    def _post_changed(self) -> None:
        post_id = self.ui.postCombo.currentData()
        duties = self._duties.get(post_id, "") if post_id is not None else ""
        self.ui.postHint.setText(duties)
        self.ui.postHint.setVisible(bool(duties))

    def collect(self) -> reports.ReportInput:
        ui = self.ui
        return reports.ReportInput(
            community_id=ui.communityCombo.currentData(),
            organization_id=ui.organizationCombo.currentData(),
            post_id=ui.postCombo.currentData(),
            reported_on=to_date(ui.reportedEdit.date()),
            remark=ui.remarkEdit.toPlainText(),
            version=self.read_version,
        )

    def save(self) -> int:
        if self.report_id is None:
            return reports.report_member(self.ctx.db, self.member_id, self.collect())
        reports.update_report(self.ctx.db, self.report_id, self.collect())
        return self.report_id
