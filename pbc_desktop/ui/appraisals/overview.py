"""The year's appraisals at a glance: every organization in the account's scope with
members, whether it has held the year's 民主评议党员, the meeting date and the count of
each grade (``results.year_overview``). Double-click (or Enter) opens its grid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.errors import UserError
from pbc_desktop.services.appraisals import grid, results
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.messages import show_user_error
from pbc_desktop.ui.common.spin_boxes import IntSpinBox
from pbc_desktop.ui.common.views import (
    add_captioned,
    fill_table,
    make_item_table,
    selected_id,
    two_lines,
)

# the columns after 镇, 党组织, 状态, 评议日期, 党员数: one for each grade
FIRST_GRADE = 5


class AppraisalOverview(QWidget):
    """Organizations × the year: held or not, when, how many of each grade."""

    # (organization id, year): the clerk asked for that organization's grid
    open_grid = Signal(int, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[results.AppraisalOverview] = []
        self.year_spin = IntSpinBox(self)
        self.year_spin.setObjectName("appraisalOverviewYear")
        this_year = date.today().year
        self.year_spin.setRange(grid.FIRST_YEAR, this_year)
        self.year_spin.setValue(this_year - 1)
        self.summary = QLabel(self)
        self.summary.setObjectName("appraisalOverviewSummary")
        headers = [
            self.tr("Town"),
            self.tr("Organization"),
            self.tr("Appraisal"),
            self.tr("Meeting on"),
            self.tr("Members"),
            # on two lines in English ("Basically / qualified"): the counts fit 1024 px
            *(two_lines(label(g)) for g in AppraisalGrade),
        ]
        self.table = make_item_table(self, "appraisalOverviewTable", headers)
        self.table.setToolTip(self.tr("Double-click to enter the organization's grades"))
        # activated: Enter and a double-click (connecting cellDoubleClicked too opened the
        # grid twice on one double-click)
        self.table.cellActivated.connect(self._activated)
        top = QHBoxLayout()
        add_captioned(top, self.tr("&Year:"), self.year_spin)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.year_spin.valueChanged.connect(lambda _y: self.refresh())

    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        keep = selected_id(self.table)
        try:
            self.rows = results.year_overview(self.ctx.db, self.year())
        except UserError as error:
            show_user_error(self, error)
            return
        held, not_held = self.tr("held"), self.tr("not held")
        fill_table(
            self.table,
            [
                (
                    o.organization_id,
                    [
                        o.town or "",
                        o.organization_name,
                        held if o.held_on else not_held,
                        fmt_date(o.held_on),
                        str(o.members),
                        *(str(n) for _g, n in o.counts),
                    ],
                )
                for o in self.rows
            ],
            keep,
            right=range(4, FIRST_GRADE + len(AppraisalGrade)),
        )
        done = sum(1 for o in self.rows if o.held_on)
        self.summary.setText(
            self.tr("{0} organizations, {1} held, {2} not held").format(
                len(self.rows), done, len(self.rows) - done
            )
        )

    def _activated(self, row: int, _column: int = 0) -> None:
        if 0 <= row < len(self.rows):
            self.open_grid.emit(self.rows[row].organization_id, self.year())
