"""Score one community's year-end assessment: one row per indicator, live total and grade.

Beside each indicator the figure the app already knows (activities held, trainings, …) is
shown, with the scoring guidance as a tooltip. Feedback and the outcome (示范点 with its
award, or 整顿 with reasons) are saved with the scores; "Save and finish" locks it.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AssessmentOutcome, CommunityStatus, Grade
from pbc_desktop.domain.indicators import SCORE_DECIMALS
from pbc_desktop.domain.money import format_yuan
from pbc_desktop.lang import language
from pbc_desktop.services.assessments import common, outcomes, scoring
from pbc_desktop.services.community_figures import format_figure, metric_label
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.spin_boxes import DecimalSpinBox
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.forms.ui_scoring_dialog import Ui_ScoringDialog

COL_CATEGORY, COL_NAME, COL_MAX, COL_FIGURE, COL_SCORE = range(5)
#: The spin box's lowest value stands for "not scored yet" and shows as a dash.
UNSCORED = -0.5
GRADE_COLORS = {Grade.EXCELLENT: "#1e7b34", Grade.GOOD: "#1f618d", Grade.FAIL: "#c0392b"}


class ScoringDialog(FormDialog):
    """Widgets only: ``services.assessments`` validates and stores."""

    def __init__(
        self,
        ctx: AppContext,
        assessment_id: int,
        parent: QWidget | None = None,
        *,
        outcome: AssessmentOutcome | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_id = assessment_id
        self.ui = self.use_form(Ui_ScoringDialog)
        self.sheet = scoring.get_scoring_sheet(ctx.db, assessment_id)
        self.read_version = self.sheet.version
        # Why the account may only look (another town's community, a viewer), or None.
        self.refusal = None if self.sheet.locked else scoring.change_refusal(ctx.db, assessment_id)
        self.writes = WriteGuard(ctx, self)
        self.spins: dict[int, QDoubleSpinBox] = {}
        fill_enum(self.ui.outcomeCombo, AssessmentOutcome)
        table = self.ui.scoresTable
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_CATEGORY, COL_MAX, COL_FIGURE, COL_SCORE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ui_layout = self.ui.mainLayout
        ui_layout.setStretch(ui_layout.indexOf(self.ui.scoresTable), 3)
        ui_layout.setStretch(ui_layout.indexOf(self.ui.bottomLayout), 1)
        self.field_widgets = {
            "award": self.ui.awardEdit,
            "reasons": self.ui.reasonsEdit,
            "outcome": self.ui.outcomeCombo,
            "feedback": self.ui.feedbackEdit,
        }
        self._load()
        if not self.read_only:  # 示范点 and 整顿 are the district's to decide
            for widget in (self.ui.outcomeCombo, self.ui.awardEdit, self.ui.reasonsEdit):
                self.writes.add(widget, Permission.DISTRICT_RULES)
            self.writes.update()
        if outcome is not None and not self.read_only:
            self.select_outcome(outcome)
            target: QWidget = (
                self.ui.awardEdit
                if outcome == AssessmentOutcome.DEMONSTRATION
                else self.ui.reasonsEdit
            )
            target.setFocus()
        self.ui.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self.ui.finishButton.clicked.connect(self.finish)
        self._outcome_changed()
        self.update_total()

    # -- loading ---------------------------------------------------------------------------
    def _load(self) -> None:
        sheet, ui = self.sheet, self.ui
        self.setWindowTitle(self.tr("Score {0} ({1})").format(sheet.community_name, sheet.year))
        ui.communityLabel.setText(sheet.community_name)
        ui.setLabel.setText(sheet.set_name)
        th = sheet.thresholds
        ui.thresholdsLabel.setText(
            self.tr("Excellent ≥ {0}, good ≥ {1}, pass ≥ {2}").format(
                f"{th.excellent_min:g}", f"{th.good_min:g}", f"{th.pass_min:g}"
            )
        )
        table = ui.scoresTable
        table.setRowCount(len(sheet.rows))
        for i, row in enumerate(sheet.rows):
            tip = row.guidance or ""
            cells = {
                COL_CATEGORY: row.category,
                COL_NAME: row.name,
                COL_MAX: f"{row.max_score:g}",
                COL_FIGURE: (
                    f"{metric_label(row.metric, language())}: "
                    f"{format_figure(row.metric, row.figure)}"
                    if row.metric
                    else ""
                ),
            }
            for col, value in cells.items():
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                if col in (COL_MAX,):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(i, col, item)
            spin = DecimalSpinBox(table)
            spin.setObjectName(f"score_{row.indicator_id}")
            spin.setDecimals(SCORE_DECIMALS)
            spin.setSingleStep(0.5)
            # Up to the maximum with the arrows; a higher typed score is kept and refused
            # on saving with a sentence naming the indicator and its maximum (a spin box
            # would silently swallow the keystrokes).
            spin.setRange(UNSCORED, max(row.max_score * 10, 100.0))
            spin.setSpecialValueText("—")
            spin.setValue(UNSCORED if row.score is None else row.score)
            spin.setToolTip(self.tr("0 to {0}. {1}").format(f"{row.max_score:g}", tip).strip())
            spin.setAccessibleName(row.name)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            spin.valueChanged.connect(self.update_total)
            table.setCellWidget(i, COL_SCORE, spin)
            self.spins[row.indicator_id] = spin
            self.field_widgets[common.score_field(row.indicator_id)] = spin
        table.resizeRowsToContents()
        # Tab walks down the score column, then on to the feedback.
        widgets: list[QWidget] = [*self.spins.values(), ui.feedbackEdit, ui.outcomeCombo]
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)
        if self.spins:
            next(iter(self.spins.values())).setFocus()
        ui.feedbackEdit.setPlainText(sheet.feedback or "")
        self.select_outcome(sheet.outcome)
        ui.awardEdit.setText(self._award_text(sheet.award_cents))
        ui.reasonsEdit.setPlainText(sheet.rectify_reasons or "")
        locked = self.read_only
        if self.refusal is not None:
            ui.statusLabel.setText(self.refusal)
        else:
            ui.statusLabel.setText(
                self.tr("Finished: locked. Reopen it in the Assessment tab to change it.")
                if locked
                else label(sheet.status)
            )
        ui.statusLabel.setStyleSheet("color: #c0392b;" if locked else "")
        for widget in (*self.spins.values(), ui.outcomeCombo, ui.awardEdit):
            widget.setEnabled(not locked)
        ui.feedbackEdit.setReadOnly(locked)
        ui.reasonsEdit.setReadOnly(locked)
        ui.finishButton.setVisible(not locked)
        if locked:
            ui.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    # -- state -----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """Finished (locked), or the account may not score it: shown, not changed."""
        return self.sheet.locked or self.refusal is not None

    def outcome(self) -> AssessmentOutcome:
        return AssessmentOutcome.from_label(str(self.ui.outcomeCombo.currentData()))

    def select_outcome(self, outcome: AssessmentOutcome) -> None:
        select_data(self.ui.outcomeCombo, outcome, otherwise=-1)

    def _outcome_changed(self) -> None:
        outcome = self.outcome()
        demo = outcome == AssessmentOutcome.DEMONSTRATION
        rectify = outcome == AssessmentOutcome.RECTIFY
        self.ui.awardLabel.setVisible(demo)
        self.ui.awardEdit.setVisible(demo)
        self.ui.reasonsLabel.setVisible(rectify)
        self.ui.reasonsEdit.setVisible(rectify)

    @staticmethod
    def _award_text(cents: int) -> str:
        """The award as typed in its edit: ``20000.00``; blank for none."""
        return format_yuan(cents, grouped=False) if cents else ""

    def scores(self) -> dict[int, float | None]:
        return {
            iid: None if spin.value() <= UNSCORED else spin.value()
            for iid, spin in self.spins.items()
        }

    def update_total(self) -> None:
        totals = common.compute_totals(self.scores().values(), self.sheet.thresholds)
        unscored = sum(1 for v in self.scores().values() if v is None)
        text = f"{totals.total:g} / {self.sheet.max_total:g}"
        if unscored:
            text += " " + self.tr("({0} not scored)").format(unscored)
        self.ui.totalLabel.setText(text)
        if unscored == len(self.spins):  # nothing scored yet: no grade to show
            self.ui.gradeLabel.setText(self.tr("(not scored yet)"))
            self.ui.gradeLabel.setStyleSheet("font-weight: bold; font-size: 14pt; color: #666;")
            return
        self.ui.gradeLabel.setText(label(totals.grade))
        color = GRADE_COLORS.get(totals.grade)
        self.ui.gradeLabel.setStyleSheet(
            f"font-weight: bold; font-size: 14pt; color: {color};"
            if color
            else "font-weight: bold; font-size: 14pt;"
        )

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> int | None:
        """Scores, feedback and (when changed) the outcome; None when the user declines."""
        outcome = self.outcome()
        award = self.ui.awardEdit.text()
        reasons = self.ui.reasonsEdit.toPlainText()
        changed = (
            outcome != self.sheet.outcome
            or (
                outcome == AssessmentOutcome.DEMONSTRATION
                and award.strip() != self._award_text(self.sheet.award_cents)
            )
            or (
                outcome == AssessmentOutcome.RECTIFY
                and reasons.strip() != (self.sheet.rectify_reasons or "")
            )
        )
        if changed:  # refused before any score is saved beside it
            outcomes.check_outcome(outcome, award, reasons)
        if (
            changed
            and outcome == AssessmentOutcome.RECTIFY
            and self.sheet.community_status != CommunityStatus.RECTIFYING
            and not messages.confirm(
                self,
                self.tr("Order rectification"),
                self.tr(
                    "Marking '{0}' for rectification also puts the community under "
                    "rectification (整顿中). Continue?"
                ).format(self.sheet.community_name),
            )
        ):
            return None
        demo = AssessmentOutcome.DEMONSTRATION
        if self.sheet.outcome == demo and outcome != demo:
            # a 示范点 withdrawn first: the scores that follow may then grade it Fail
            outcomes.set_outcome(
                self.ctx.db, self.assessment_id, AssessmentOutcome.NONE, version=self.read_version
            )
            self.sheet = scoring.get_scoring_sheet(self.ctx.db, self.assessment_id)
            self.read_version = self.sheet.version
            changed = outcome != AssessmentOutcome.NONE
        scoring.save_scores(
            self.ctx.db,
            self.assessment_id,
            scoring.ScoresInput(
                self.scores(), self.ui.feedbackEdit.toPlainText(), version=self.read_version
            ),
        )
        # saved: what follows is checked against the scores as now stored (a refused outcome
        # leaves the dialog open, and its next save must not be refused as someone else's)
        self.read_version = scoring.get_scoring_sheet(self.ctx.db, self.assessment_id).version
        if changed:
            outcomes.set_outcome(
                self.ctx.db, self.assessment_id, outcome, award_yuan=award, reasons=reasons
            )
        self.show_error(None)
        self.sheet = scoring.get_scoring_sheet(self.ctx.db, self.assessment_id)
        self.read_version = self.sheet.version
        return self.assessment_id

    def accept(self) -> None:
        if self.read_only:  # nothing to save: just close
            QDialog.accept(self)
            return
        super().accept()

    def finish(self) -> None:
        if not messages.confirm(
            self,
            self.tr("Finish the assessment"),
            self.tr(
                "A finished assessment is locked: it can only be changed after reopening it, "
                "which is recorded. Finish it now?"
            ),
        ):
            return
        if self.attempt(self.save) is None:
            return

        def finish() -> int:
            outcomes.finish_assessment(self.ctx.db, self.assessment_id)
            return self.assessment_id

        if self.attempt(finish) is not None:
            self.close_saved(self.assessment_id)
