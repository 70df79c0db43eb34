"""双报到 overview: per organization, how many of its members reported to co-building
organizations, where, and how many hours they served."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.services import scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.post_reports import overview
from pbc_desktop.ui.common.combos import fill, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.detail import grid, heading
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.common.views import (
    attach_model,
    close_without_enter,
    keep_sortable_indicator,
    selected_record,
    style_record_table,
)
from pbc_desktop.ui.forms.ui_dual_report_overview_dialog import Ui_DualReportOverviewDialog

SEARCH_DELAY_MS = 150
REPORTED_COLUMN = 3  # see DualReportOverviewDialog.columns


def hours_text(hours: float) -> str:
    return f"{hours:g}"


def share_text(share: float | None) -> str:
    return "" if share is None else f"{share:.0%}"


class DualReportOverviewDialog(QDialog):
    """A lazily fetched, SQL-sorted table of organizations with a town, year and text filter;
    the selected organization's reported members are listed beside it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_DualReportOverviewDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        ui.introLabel.setText(
            self.tr(
                "Members: its own members now; Reported: of them, members on a post now; "
                "Received: members of other organizations on a post here."
            )
        )
        fill(ui.townCombo, ((town, town) for town in scope.towns(ctx.db)), self.tr("All towns"))
        years = overview.service_years(ctx.db)
        fill(ui.yearCombo, ((str(year), year) for year in years), self.tr("All years"))
        table = ui.overviewTable
        style_record_table(table)
        self.model: PagedTableModel[overview.OverviewRow] = PagedTableModel(
            self.columns(), self.fetch, self.count, parent=self
        )
        attach_model(table, self.model)
        table.horizontalHeader().setSortIndicator(REPORTED_COLUMN, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        keep_sortable_indicator(table, self.model)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        ui.searchEdit.textChanged.connect(self._timer.start)
        ui.townCombo.currentIndexChanged.connect(self.reload)
        ui.yearCombo.currentIndexChanged.connect(self.reload)
        ui.involvedCheck.toggled.connect(self.reload)
        table.selectionModel().selectionChanged.connect(self._show_detail)
        close_without_enter(ui.buttonBox, self)  # Enter searches at once
        ui.searchEdit.returnPressed.connect(self.reload)
        self.reload()
        ui.searchEdit.setFocus()

    def columns(self) -> Sequence[Column[overview.OverviewRow]]:
        return [
            Column(self.tr("Organization"), lambda r: r.name, "name"),
            Column(self.tr("Town"), lambda r: r.town, "town"),
            Column(self.tr("Members"), lambda r: r.member_count, "member_count", True),
            Column(self.tr("Reported"), lambda r: r.reported_count, "reported_count", True),
            Column(self.tr("Share"), lambda r: share_text(r.reported_share), "share", True),
            Column(self.tr("Received"), lambda r: r.received_count, "received_count", True),
            Column(
                self.tr("Service hours"),
                lambda r: hours_text(r.service_hours),
                "service_hours",
                True,
            ),
            Column(self.tr("Reported to"), lambda r: r.summary, tooltip=lambda r: r.summary),
        ]

    # -- filters and data --------------------------------------------------------------------
    def query(self) -> overview.OverviewQuery:
        ui = self.ui
        return overview.OverviewQuery(
            text=ui.searchEdit.text(),
            town=ui.townCombo.currentData(),
            year=ui.yearCombo.currentData(),
            involved_only=ui.involvedCheck.isChecked(),
        )

    def fetch(self, page: PageRequest) -> list[overview.OverviewRow]:
        return overview.list_overview(self.ctx.db, self.query(), page)

    def count(self) -> int:
        return overview.count_overview(self.ctx.db, self.query())

    def set_filters(
        self, *, text: str = "", town: str | None = None, year: int | None = None
    ) -> None:
        """Open on a town or a year (e.g. from the dashboard)."""
        ui = self.ui
        for widget in (ui.searchEdit, ui.townCombo, ui.yearCombo):
            widget.blockSignals(True)
        ui.searchEdit.setText(text)
        select_data(ui.townCombo, town, otherwise=0)
        select_data(ui.yearCombo, year, otherwise=0)
        for widget in (ui.searchEdit, ui.townCombo, ui.yearCombo):
            widget.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        self._timer.stop()
        keep = self.current_row()
        self.model.refresh()
        if keep is not None:
            row = self.model.find_row(lambda r: r.id == keep.id)
            if row >= 0:
                self.ui.overviewTable.selectRow(row)
        self.ui.countLabel.setText(self.tr("{0} organizations").format(self.model.total()))
        self._show_detail()

    # -- detail ------------------------------------------------------------------------------
    def current_row(self) -> overview.OverviewRow | None:
        return selected_record(self.ui.overviewTable, self.model)

    def _show_detail(self, *_args: object) -> None:
        row = self.current_row()
        view = self.ui.detailView
        if row is None:
            hint = self.tr("Select an organization to see where its members reported.")
            view.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        year = self.ui.yearCombo.currentData()
        reports = overview.reported_members(self.ctx.db, row.id, year)
        hours = (
            self.tr("Hours in {0}").format(year) if year is not None else self.tr("Service hours")
        )
        headers = [
            self.tr("Member"),
            self.tr("Reported to"),
            self.tr("Community"),
            self.tr("Post"),
            self.tr("Since"),
            self.tr("Status"),
            hours,
        ]
        lines = [
            [
                r.member_name,
                r.organization_name,
                r.community_name or "",
                r.post_name or "",
                fmt_date(r.reported_on),
                label(r.status) + (f" {fmt_date(r.ended_on)}" if r.ended_on is not None else ""),
                hours_text(r.service_hours),
            ]
            for r in reports
        ]
        summary = self.tr(
            "{0} members, {1} on a post now ({2}); {3} members of other organizations "
            "on a post here."
        ).format(
            row.member_count,
            row.reported_count,
            share_text(row.reported_share) or "-",
            row.received_count,
        )
        view.setHtml(
            heading(row.name)
            + f"<p>{escape(summary)}</p>"
            + grid(headers, lines, self.tr("None of its members has reported to a post."))
        )
