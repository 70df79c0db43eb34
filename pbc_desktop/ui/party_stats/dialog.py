"""党内统计: the composition tables of the district, a town or an organization at a year's
end, shown as the forms lay them out, and saved as Excel or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations, scope
from pbc_desktop.services.party_stats.tables import (
    FIRST_YEAR,
    PartyStatistics,
    party_statistics,
    share_text,
)
from pbc_desktop.ui.common.combos import fill, fill_choices
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.detail import grid, heading
from pbc_desktop.ui.common.messages import information, show_user_error
from pbc_desktop.ui.common.prompts import ask_save_path, suggested_file
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.spin_boxes import IntSpinBox
from pbc_desktop.ui.common.views import add_captioned, enter_presses_nothing


class PartyStatsDialog(FittedDialog):
    """Year, town and organization above; the tables below; Excel and PDF buttons."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("PartyStatsDialog")
        self.setWindowTitle(self.tr("Party statistics"))
        self.resize(820, 660)
        self.stats: PartyStatistics | None = None
        self.year_spin = IntSpinBox(self)
        self.year_spin.setObjectName("statsYear")
        self.year_spin.setRange(FIRST_YEAR, date.today().year)
        self.year_spin.setValue(date.today().year - 1)
        self.town_combo = QComboBox(self)
        self.town_combo.setObjectName("statsTown")
        fill(self.town_combo, ((t, t) for t in scope.towns(ctx.db)), self.tr("All towns"))
        self.org_combo = QComboBox(self)
        self.org_combo.setObjectName("statsOrganization")
        fill_choices(self.org_combo, organizations.choices(ctx.db), self.tr("All organizations"))
        self.org_combo.setMaximumWidth(320)
        self.view = QTextBrowser(self)
        self.view.setObjectName("statsView")
        top = QHBoxLayout()
        add_captioned(top, self.tr("&Year:"), self.year_spin)
        add_captioned(top, self.tr("&Town:"), self.town_combo)
        add_captioned(top, self.tr("&Organization:"), self.org_combo)
        top.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.xlsx_button = QPushButton(self.tr("Save as &Excel..."), self)
        self.xlsx_button.setObjectName("statsXlsx")
        self.pdf_button = QPushButton(self.tr("Save as &PDF..."), self)
        self.pdf_button.setObjectName("statsPdf")
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.year_spin.valueChanged.connect(self.reload)
        self.town_combo.currentIndexChanged.connect(self.reload)
        self.org_combo.currentIndexChanged.connect(self.reload)
        enter_presses_nothing(self)  # Enter in the year asked where to save the workbook
        self.reload()

    def reload(self) -> None:
        org = self.org_combo.currentData()
        try:
            self.stats = party_statistics(
                self.ctx.db,
                self.year_spin.value(),
                town=self.town_combo.currentData(),
                organization_id=int(org) if org is not None else None,
            )
        except UserError as error:
            self.stats = None
            self.view.setPlainText(error.message)
            return
        self.view.setHtml(self.html(self.stats))

    def html(self, stats: PartyStatistics) -> str:
        parts = [
            heading(self.tr("{0}: party statistics {1}").format(stats.area, stats.year)),
            "<p>"
            + self.tr("As of {0}: {1} members, {2} organizations").format(
                stats.as_of.isoformat(), stats.members, stats.organizations
            )
            + "</p>",
        ]
        for table in stats.tables:
            if table.share:
                headers = [table.title, table.shown_columns[0], self.tr("Share")]
                rows: list[tuple[object, ...]] = [
                    (r.shown, r.values[0], share_text(r.values[0], stats.members))
                    for r in table.rows
                ]
            else:
                headers = [table.title, *table.shown_columns]
                rows = [(r.shown, *r.values) for r in table.rows]
            parts += [grid(headers, rows, self.tr("None")), "<br/>"]
        return "".join(parts)

    def save(self, kind: str) -> Path | None:
        if self.stats is None:
            return None
        stats = self.stats
        name = self.tr("{0} party statistics {1}").format(stats.area, stats.year)
        path = ask_save_path(
            self, self.tr("Save the statistics"), suggested_file(f"{name}.{kind}"), kind
        )
        if path is None:
            return None
        try:
            if kind == "pdf":
                from pbc_desktop.reports.party_stats import build_party_stats_pdf

                build_party_stats_pdf(stats, path)
            else:
                from pbc_desktop.services.party_stats.workbook import write_party_stats_xlsx

                write_party_stats_xlsx(stats, path)
        except UserError as error:
            show_user_error(self, error)
            return None
        information(self, self.tr("Party statistics"), self.tr("Saved to {0}").format(path))
        return path
