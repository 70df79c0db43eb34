"""The 考核 tab: the year-end ranking, the indicator system, scoring and the report.

Above the ranking: the year's indicator system (new / edit), starting the scoring of a
community not yet assessed, and, for the selected row, scoring, 示范点 / 整顿, finishing
(locks it) and reopening (with a reason, logged). "Assessment report" writes the PDF of
the year (and town), "Excel" its workbook (results, and every indicator's score and
remark), each on a worker thread, and offers to open its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus
from pbc_desktop.domain.money import format_yuan
from pbc_desktop.errors import UserError
from pbc_desktop.services.assessments import indicator_sets, outcomes, results, scoring
from pbc_desktop.services.assessments.printout import masked
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.assessment.indicator_set_dialog import IndicatorSetDialog
from pbc_desktop.ui.common import messages, printing, prompts
from pbc_desktop.ui.common.combos import (
    fill,
    fill_choices,
    select_adding,
    select_data,
    widen_to_contents,
)
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.detail import fields, grid, heading, text
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.table_model import Column

# the widest name the 开始评分 choice shows whole (a longer one is elided), in letters X:
# 24 Chinese characters, each as wide as one and a half
START_NAME_LETTERS = 36

OUTCOME_COLORS = {
    AssessmentOutcome.DEMONSTRATION: "#1e7b34",
    AssessmentOutcome.RECTIFY: "#c0392b",
}


class AssessmentTab(ListingTab[results.AssessmentRow]):
    """Ranking, indicator system, scoring, outcome, locking and the report of a year."""

    key = "assessment"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._build_actions()
        self.table.activated.connect(lambda _index: self.score_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.year_combo.currentIndexChanged.connect(self._fill_start_choices)
        self.start_combo.currentIndexChanged.connect(self._start_chosen)
        self.town_combo.currentIndexChanged.connect(self._fill_start_choices)
        self._fill_start_choices()
        self._update_actions()

    def _build_actions(self) -> None:
        self._start_refusal: str | None = None
        self.new_set_button = self.button(
            "NewSet",
            self.tr("&New indicator system..."),
            tooltip=self.tr("Set up a year's indicators"),
            rule=Permission.DISTRICT_RULES,
        )
        self.edit_set_button = self.button(
            "EditSet",
            self.tr("Indicator syste&m..."),
            tooltip=self.tr(
                "Categories, indicators, maximum scores and grade thresholds of the year"
            ),
        )
        self.start_combo = QComboBox(self)
        self.start_combo.setObjectName("assessmentStartCommunity")
        # as wide as the longest name it offers (12 characters cut most names), up to
        # START_NAME_LETTERS: the row has the room at 1024 px
        widen_to_contents(self.start_combo, most=START_NAME_LETTERS)
        self.start_combo.setToolTip(self.tr("Communities not yet assessed this year"))
        self.start_button = self.button(
            "Start",
            self.tr("Start scorin&g"),
            rule=self.refused_start,
            when=lambda: (
                self._year() is not None and isinstance(self.start_combo.currentData(), int)
            ),
        )
        self.score_button = self.button("Score", self.tr("&Score..."))
        self.demo_button = self.button(
            "Demonstration",
            self.tr("&Demonstration site..."),
            tooltip=self.tr("Designate with an award"),
            rule=Permission.DISTRICT_RULES,
            when=self._draft,
        )
        self.rectify_button = self.button(
            "Rectify",
            self.tr("Rectif&y..."),
            tooltip=self.tr("Order rectification, with reasons"),
            rule=Permission.DISTRICT_RULES,
            when=self._draft,
        )
        self.finish_button = self.button(
            "Finish",
            self.tr("F&inish"),
            tooltip=self.tr("Lock the assessment against edits"),
            rule=self.refused_selected,
            when=self._draft,
        )
        self.reopen_button = self.button(
            "Reopen",
            self.tr("&Reopen..."),
            tooltip=self.tr("Unlock it again; the reason is recorded"),
            rule=self.refused_selected,
            when=lambda: self.has_selection() and not self._draft(),
        )
        self.report_button = self.button(
            "Report",
            self.tr("Assessment re&port..."),
            tooltip=self.tr("PDF of the year's ranking and every community's scores"),
        )
        self.workbook_button = self.button(
            "Workbook",
            self.tr("E&xcel..."),
            tooltip=self.tr(
                "Excel workbook of the year's results and every indicator's score and remarks"
            ),
        )
        self.insert_row(
            1,
            self.new_set_button,
            self.edit_set_button,
            self.start_combo,
            self.start_button,
            None,
            self.report_button,
            self.workbook_button,
        )
        self.insert_row(
            2,
            self.score_button,
            self.demo_button,
            self.rectify_button,
            self.finish_button,
            self.reopen_button,
            None,
        )
        self.new_set_button.clicked.connect(self.new_set)
        self.edit_set_button.clicked.connect(self.edit_set)
        self.start_button.clicked.connect(self.start_scoring)
        self.score_button.clicked.connect(self.score_selected)
        self.demo_button.clicked.connect(
            lambda: self.score_selected(AssessmentOutcome.DEMONSTRATION)
        )
        self.rectify_button.clicked.connect(lambda: self.score_selected(AssessmentOutcome.RECTIFY))
        self.finish_button.clicked.connect(self.finish_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.report_button.clicked.connect(self.make_report)
        self.workbook_button.clicked.connect(self.export_workbook)

    def _fill_start_choices(self) -> None:
        if not hasattr(self, "start_combo"):
            return
        year = self._year()
        choices = (
            []
            if year is None
            else scoring.unassessed_communities(self.ctx.db, year, self.town_combo.currentData())
        )
        fill_choices(self.start_combo, choices)
        if year is None:  # a new database: no year has its indicators yet
            self.start_combo.addItem(self.tr("(first set up an indicator system)"), None)
        elif not choices:  # every one assessed, or none there (it said "every one" then too)
            self.start_combo.addItem(self.tr("(no community left to assess)"), None)
        self._start_chosen()

    def _start_chosen(self) -> None:
        community_id = self.start_combo.currentData()
        self._start_refusal = scoring.start_refusal(
            self.ctx.db, community_id if isinstance(community_id, int) else None
        )
        self._update_actions()

    def refused_start(self) -> str | None:
        """The rule of starting the chosen community's scoring (a town scores its own)."""
        return self._start_refusal

    def _draft(self) -> bool:
        row = self.current_row()
        return row is not None and row.status == AssessmentStatus.DRAFT

    def change_refusal(self, row: results.AssessmentRow) -> str | None:
        return scoring.change_refusal(self.ctx.db, row.id)

    def _update_actions(self, *_args: object) -> None:
        if not hasattr(self, "score_button"):
            return
        year = self._year()
        self.edit_set_button.setEnabled(year is not None)
        self.report_button.setEnabled(year is not None)
        self.workbook_button.setEnabled(year is not None)
        self.start_combo.setEnabled(year is not None)
        self.score_button.setEnabled(self.has_selection())
        scoring_allowed = self._draft() and self.refused_selected() is None
        self.score_button.setText(
            self.tr("&Score...") if scoring_allowed else self.tr("&View scores...")
        )
        self.writes.update()

    def refresh(self) -> None:
        super().refresh()
        self._fill_start_choices()

    # -- actions ---------------------------------------------------------------------------
    def _after_write(self, select_id: int | None = None) -> None:
        self.model.refresh()
        if select_id is not None:
            self.select_id(select_id)
        self.reload()
        self._fill_start_choices()

    def new_set(self) -> None:
        years = indicator_sets.years(self.ctx.db)
        year = max([*years, date.today().year - 1]) + 1 if years else date.today().year
        dialog = IndicatorSetDialog(self.ctx, year, self, create=True)
        dialog.saved.connect(self._set_saved)
        dialog.exec()

    def edit_set(self) -> None:
        year = self._year()
        if year is None:
            return
        dialog = IndicatorSetDialog(self.ctx, year, self)
        dialog.saved.connect(self._set_saved)
        dialog.exec()

    def _set_saved(self, year: int) -> None:
        self.fill_choices()
        select_data(self.year_combo, year, otherwise=0)
        self._after_write()

    def start_scoring(self) -> None:
        year, community_id = self._year(), self.start_combo.currentData()
        if year is None or not isinstance(community_id, int):
            return
        try:
            assessment_id = scoring.start_assessment(self.ctx.db, community_id, year)
        except UserError as error:
            messages.show_user_error(self, error)
            return
        self._after_write(assessment_id)
        self.open_scoring(assessment_id)

    def open_scoring(self, assessment_id: int, outcome: AssessmentOutcome | None = None) -> None:
        from pbc_desktop.ui.assessment.scoring_dialog import ScoringDialog

        try:
            dialog = ScoringDialog(self.ctx, assessment_id, self, outcome=outcome)
        except UserError as error:
            messages.show_user_error(self, error)
            self._after_write()
            return
        dialog.saved.connect(self._after_write)
        dialog.exec()

    def score_selected(self, outcome: AssessmentOutcome | None = None) -> None:
        row = self.current_row()
        if row is not None:
            self.open_scoring(row.id, outcome)

    def finish_selected(self) -> None:
        row = self.current_row()
        if row is None or not messages.confirm(
            self,
            self.tr("Finish the assessment"),
            self.tr(
                "Finish and lock the assessment of '{0}'? It can only be changed after "
                "reopening it, which is recorded."
            ).format(row.community_name),
        ):
            return
        messages.guarded(self, lambda: outcomes.finish_assessment(self.ctx.db, row.id))
        self._after_write(row.id)

    def reopen_selected(self) -> None:
        row = self.current_row()
        if row is None:
            return
        reason = prompts.ask_text(
            self,
            self.tr("Reopen the assessment"),
            self.tr("Why must the finished assessment of '{0}' be changed?").format(
                row.community_name
            ),
        )
        if reason is None:
            return
        messages.guarded(self, lambda: outcomes.reopen_assessment(self.ctx.db, row.id, reason))
        self._after_write(row.id)

    def make_report(self) -> None:
        from pbc_desktop.reports.assessment import build_assessment_report
        from pbc_desktop.ui.common.worker import run_with_progress, succeeded

        year = self._year()
        if year is None:
            return
        town = self._town()
        name = f"{year}年度党建共同体考核报告{'-' + town if town else ''}.pdf"
        out = prompts.ask_save_path(
            self, self.tr("Save the assessment report"), prompts.suggested_file(name)
        )
        if out is None:
            return
        db = self.ctx.db
        notes: list[str] = []  # words with characters no font has (filled on the worker)
        outcome = run_with_progress(
            self,
            self.tr("Writing the assessment report"),
            lambda progress, cancelled: build_assessment_report(
                db,
                year,
                out,
                town=town,
                progress=progress,
                should_cancel=cancelled,
                warn=notes.append,
            ),
        )
        if not succeeded(self, outcome):
            return
        printing.warn_unprintable(self, notes)
        if messages.confirm(
            self,
            self.tr("Assessment report"),
            self.tr("The report was saved as {0}. Open its folder?").format(str(out)),
        ):
            prompts.open_folder(out.parent)

    def export_workbook(self) -> Path | None:
        """The year's assessment (of the town chosen) as an Excel workbook; its path, or
        None when cancelled or refused."""
        from pbc_desktop.services.assessments.workbook import export_assessment_xlsx
        from pbc_desktop.ui.common.worker import run_with_progress, succeeded

        year = self._year()
        if year is None:
            return None
        town = self._town()
        title = self.tr("Save the assessment as Excel")
        name = f"{year}年度党建共同体考核结果{'-' + town if town else ''}.xlsx"
        out = prompts.ask_save_path(self, title, prompts.suggested_file(name), "xlsx")
        if out is None:
            return None
        db = self.ctx.db
        outcome = run_with_progress(
            self,
            title,
            lambda _progress, _cancelled: export_assessment_xlsx(db, year, out, town=town),
        )
        if not succeeded(self, outcome, title=title, refused=(UserError, OSError)):
            return None
        said = self.tr("The assessment was saved as {0}.").format(str(out))
        prompts.offer_folder(self, title, out, said)
        return out

    def search_hint(self) -> str:
        return self.tr("Search community")

    def add_filters(self, row: QHBoxLayout) -> None:
        self.year_combo = self.data_combo("YearFilter")
        self.town_combo = self.data_combo("TownFilter")
        row.addWidget(self.year_combo, 1)
        row.addWidget(self.town_combo, 1)

    def fill_choices(self) -> None:
        db = self.ctx.db
        years = indicator_sets.years(db)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        fill(self.year_combo, ((str(year), year) for year in years))
        # The latest year that has begun (a set for next year may already be prepared),
        # preferring one whose scoring has started: before year-end that is last year.
        started = [y for y in years if y <= date.today().year]
        scored = [y for y in started if results.count_assessments(db, y) > 0]
        fallback = next(iter(scored or started or years), None)
        select_data(self.year_combo, current if current in years else fallback, otherwise=0)
        self.year_combo.blockSignals(False)
        self.fill_town_combo(self.town_combo)

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return 1, Qt.SortOrder.DescendingOrder

    def columns(self) -> Sequence[Column[results.AssessmentRow]]:
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
                self.tr("Award (yuan)"),
                lambda r: format_yuan(r.award_cents) if r.award_cents else "",
                "award",
                align_right=True,
            ),
            Column(self.tr("Scoring"), lambda r: label(r.status)),
        ]

    def _year(self) -> int | None:
        year = self.year_combo.currentData()
        return year if isinstance(year, int) else None

    def _town(self) -> str | None:
        town = self.town_combo.currentData()
        return town if isinstance(town, str) and town else None

    def fetch(self, page: PageRequest) -> list[results.AssessmentRow]:
        year = self._year()
        if year is None:
            return []
        return results.list_assessments(
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
        return results.count_assessments(
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
                select_data(self.year_combo, year, otherwise=0)
            select_adding(self.town_combo, town)

        self.with_signals_blocked([self.search_edit, self.year_combo, self.town_combo], change)
        self.reload()

    def detail_html(self, row: results.AssessmentRow) -> str:
        d = scoring.get_scoring_sheet(self.ctx.db, row.id)
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
                        (
                            self.tr("Award (yuan)"),
                            format_yuan(d.award_cents) if d.award_cents else "",
                        ),
                        (self.tr("Reasons for rectification"), d.rectify_reasons),
                        (self.tr("Assessor"), d.assessor),
                    ]
                ),
                heading(self.tr("Scores")),
                self._scores_grid(d),
                heading(self.tr("Feedback")),
                f"<p>{text(d.feedback) or escape(self.tr('No feedback yet.'))}</p>",
            ]
        )

    def _scores_grid(self, d: scoring.ScoringSheet) -> str:
        """Each indicator's score, with the scorer's remark beside it as the PDF prints it
        (ID numbers and phones masked); the remarks column only when one has a remark."""
        remarks = [masked(r.remark) or "" for r in d.rows]
        any_remark = any(remarks)
        headers = [self.tr("Category"), self.tr("Indicator"), self.tr("Max"), self.tr("Score")]
        if any_remark:
            headers.append(self.tr("Remarks"))
        headers.append(self.tr("Guidance"))
        rows = []
        for s, remark in zip(d.rows, remarks, strict=True):
            cells = [
                s.category,
                s.name,
                f"{s.max_score:g}",
                "" if s.score is None else f"{s.score:g}",
            ]
            if any_remark:
                cells.append(remark)
            rows.append((*cells, s.guidance))
        return grid(headers, rows, self.tr("No indicators in this year's system."))
