"""The 考核 tab: the year-end ranking of communities and each one's scores and feedback."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout

from pbc_desktop.domain.enums import AssessmentOutcome
from pbc_desktop.services import assessments, scope
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.labels import label
from pbc_desktop.ui.listing_tab import (
    ListingTab,
    fields,
    find_data,
    grid,
    heading,
    set_combo_data,
    text,
)
from pbc_desktop.ui.table_model import Column

OUTCOME_COLORS = {
    AssessmentOutcome.DEMONSTRATION: "#1e7b34",
    AssessmentOutcome.RECTIFY: "#c0392b",
}


def yuan(cents: int) -> str:
    return f"{cents / 100:,.2f}" if cents else ""


class AssessmentTab(ListingTab[assessments.AssessmentRow]):
    """Read-only for now: scoring comes with the assessment issue."""

    key = "assessment"

    def search_hint(self) -> str:
        return self.tr("Search community")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.year_combo = self.data_combo("YearFilter")
        self.town_combo = self.data_combo("TownFilter")
        row.addWidget(self.year_combo, 1)
        row.addWidget(self.town_combo, 1)

    def fill_choices(self) -> None:
        db = self.ctx.db
        years = assessments.years(db)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        # The latest year that has begun (a set for next year may already be prepared).
        started = [y for y in years if y <= date.today().year]
        fallback = started[0] if started else (years[0] if years else None)
        set_combo_data(self.year_combo, current if current in years else fallback)
        self.year_combo.blockSignals(False)
        self.fill_combo(self.town_combo, self.tr("All towns"), [(t, t) for t in scope.towns(db)])

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 1, Qt.SortOrder.DescendingOrder

    def columns(self) -> Sequence[Column[assessments.AssessmentRow]]:
        return [
            Column(self.tr("Community"), lambda r: r.community_name, "community"),
            Column(self.tr("Total"), lambda r: f"{r.total:g}", "total", align_right=True),
            Column(self.tr("Grade"), lambda r: label(r.grade), "grade"),
            Column(
                self.tr("Outcome"),
                lambda r: "" if r.outcome == AssessmentOutcome.NONE else label(r.outcome),
                "outcome",
                foreground=lambda r: OUTCOME_COLORS.get(r.outcome),
            ),
            Column(
                self.tr("Award (yuan)"), lambda r: yuan(r.award_cents), "award", align_right=True
            ),
            Column(self.tr("Scoring"), lambda r: label(r.status)),
        ]

    def _year(self) -> int | None:
        year = self.year_combo.currentData()
        return year if isinstance(year, int) else None

    def fetch(self, page: PageRequest) -> list[assessments.AssessmentRow]:
        year = self._year()
        if year is None:
            return []
        return assessments.list_assessments(
            self.ctx.db,
            year,
            self.town_combo.currentData(),
            text=self.search_edit.text(),
            page=page,
        )

    def count(self) -> int:
        year = self._year()
        if year is None:
            return 0
        return assessments.count_assessments(
            self.ctx.db, year, self.town_combo.currentData(), text=self.search_edit.text()
        )

    def apply_filters(
        self,
        *,
        year: int | None = None,
        town: str | None = None,
        text: str = "",
    ) -> None:
        """Show the ranking of ``year`` (default: the selected one) in ``town``."""

        def change() -> None:
            self.search_edit.setText(text)
            if year is not None:
                set_combo_data(self.year_combo, year)
            if town and find_data(self.town_combo, town) < 0:
                self.town_combo.addItem(town, town)
            set_combo_data(self.town_combo, town)

        self.with_signals_blocked([self.search_edit, self.year_combo, self.town_combo], change)
        self.reload()

    def detail_html(self, row: assessments.AssessmentRow) -> str:
        d = assessments.get_assessment_detail(self.ctx.db, row.id)
        return "".join(
            [
                heading(f"{d.community_name} · {d.year}"),
                fields(
                    [
                        (self.tr("Indicator system"), d.set_name),
                        (self.tr("Scoring"), label(d.status)),
                        (self.tr("Total"), f"{d.total:g} / {d.max_total:g}"),
                        (self.tr("Grade"), label(d.grade)),
                        (
                            self.tr("Outcome"),
                            None if d.outcome == AssessmentOutcome.NONE else label(d.outcome),
                        ),
                        (self.tr("Award (yuan)"), yuan(d.award_cents)),
                        (self.tr("Reasons for rectification"), d.rectify_reasons),
                        (self.tr("Assessor"), d.assessor),
                    ]
                ),
                heading(self.tr("Scores")),
                grid(
                    [
                        self.tr("Category"),
                        self.tr("Indicator"),
                        self.tr("Max"),
                        self.tr("Score"),
                        self.tr("Guidance"),
                    ],
                    [
                        (
                            s.category,
                            s.name,
                            f"{s.max_score:g}",
                            "" if s.score is None else f"{s.score:g}",
                            s.guidance,
                        )
                        for s in d.scores
                    ],
                    self.tr("No indicators in this year's system."),
                ),
                heading(self.tr("Feedback")),
                f"<p>{text(d.feedback) or escape(self.tr('No feedback yet.'))}</p>",
            ]
        )
