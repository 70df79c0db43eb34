"""Scoring through the window: typing scores, live total and grade, outcome, locking."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus, CommunityStatus, Grade
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.ui.assessment.indicator_set_dialog import IndicatorSetDialog
from pbc_desktop.ui.assessment.scoring_dialog import ScoringDialog
from pbc_desktop.ui.assessment.tab import AssessmentTab
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from tests.assessment_factories import YEAR, running_communities
from tests.qt_helpers import type_text


class Boxes:
    """Stand-ins for the modal message boxes."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.warned: list[str] = []

    def confirm(self, _parent: object, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def warning(self, _parent: object, _title: str, text: str) -> None:
        self.warned.append(text)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    b = Boxes()
    monkeypatch.setattr(messages, "confirm", b.confirm)
    monkeypatch.setattr(messages, "warning", b.warning)
    monkeypatch.setattr(messages, "information", b.warning)
    return b


@pytest.fixture
def ctx(db: Database) -> AppContext:
    indicator_sets.create_indicator_set(db, YEAR)
    return AppContext(db)


def type_score(qtbot: QtBot, dialog: ScoringDialog, indicator_id: int, text: str) -> None:
    spin = dialog.spins[indicator_id]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def test_scoring_by_typing(qtbot: QtBot, ctx: AppContext, boxes: Boxes) -> None:
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid)
    qtbot.addWidget(dialog)
    rows = dialog.sheet.rows
    assert dialog.ui.scoresTable.rowCount() == len(rows)
    first = rows[0]
    assert dialog.ui.scoresTable.item(0, 1).text() == first.name
    assert first.guidance and first.guidance in dialog.spins[first.indicator_id].toolTip()
    figure_row = next(i for i, r in enumerate(rows) if r.metric == "activities")
    assert "开展活动场次" in dialog.ui.scoresTable.item(figure_row, 3).text()

    assert dialog.ui.gradeLabel.text() == "(not scored yet)"  # no 不合格 before scoring
    type_score(qtbot, dialog, first.indicator_id, f"{first.max_score + 5:g}")  # over the top
    assert dialog.spins[first.indicator_id].value() == first.max_score + 5  # kept as typed
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() != 1 and f"0 到 {first.max_score:g} 之间" in dialog.error_text()
    for row in rows:
        type_score(qtbot, dialog, row.indicator_id, f"{row.max_score:g}")
    assert dialog.ui.totalLabel.text() == "100 / 100"
    assert dialog.ui.gradeLabel.text() == Grade.EXCELLENT.zh
    type_score(qtbot, dialog, rows[-1].indicator_id, "0")  # 群众满意 10 → 90, still 优秀
    type_score(qtbot, dialog, rows[-2].indicator_id, "0")  # 3 more → 87: 良好
    assert dialog.ui.totalLabel.text() == "87 / 100"
    assert dialog.ui.gradeLabel.text() == Grade.GOOD.zh
    dialog.ui.feedbackEdit.setFocus()
    qtbot.keyClicks(dialog.ui.feedbackEdit, "good work")
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == 1
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    assert sheet.total == 87 and sheet.grade == Grade.GOOD
    assert sheet.feedback == "good work"
    assert not sheet.unscored


@pytest.mark.parametrize(("typed", "score"), [("0。5", 0.5), ("４．５", 4.5), ("３", 3.0)])
def test_a_score_typed_by_an_input_method(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, typed: str, score: float
) -> None:
    """The point a Chinese input method types (。 or ．) and full-width digits are read:
    ``0。5`` was taken as 05, five points instead of a half."""
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid)
    qtbot.addWidget(dialog)
    first = dialog.sheet.rows[0]
    spin = dialog.spins[first.indicator_id]
    spin.setFocus()
    spin.selectAll()
    type_text(qtbot, spin, typed)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == score
    assert dialog.attempt(dialog.save) == aid
    assert scoring.get_scoring_sheet(ctx.db, aid).total == score


def test_demonstration_and_finish_lock(qtbot: QtBot, ctx: AppContext, boxes: Boxes) -> None:
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid, outcome=AssessmentOutcome.DEMONSTRATION)
    qtbot.addWidget(dialog)
    assert dialog.ui.awardEdit.isVisibleTo(dialog) and not dialog.ui.reasonsEdit.isVisibleTo(dialog)
    for row in dialog.sheet.rows:
        type_score(qtbot, dialog, row.indicator_id, f"{row.max_score:g}")
    dialog.ui.awardEdit.setFocus()
    qtbot.keyClicks(dialog.ui.awardEdit, "abc")
    qtbot.mouseClick(dialog.ui.finishButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert "奖补金额" in dialog.ui.errorLabel.text()
    dialog.ui.awardEdit.clear()
    qtbot.keyClicks(dialog.ui.awardEdit, "20000")
    qtbot.mouseClick(dialog.ui.finishButton, Qt.MouseButton.LeftButton)
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    assert sheet.status == AssessmentStatus.FINISHED
    assert (sheet.outcome, sheet.award_cents) == (AssessmentOutcome.DEMONSTRATION, 2_000_000)

    locked = ScoringDialog(ctx, aid)
    qtbot.addWidget(locked)
    assert not any(spin.isEnabled() for spin in locked.spins.values())
    assert locked.ui.feedbackEdit.isReadOnly()
    assert locked.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save) is None


def test_an_award_refused_saves_no_score_beside_it(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes
) -> None:
    """The award is read before the scores are saved: a clerk told it is wrong who then
    closes the form has saved nothing."""
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid, outcome=AssessmentOutcome.DEMONSTRATION)
    qtbot.addWidget(dialog)
    for row in dialog.sheet.rows:
        type_score(qtbot, dialog, row.indicator_id, f"{row.max_score:g}")
    qtbot.keyClicks(dialog.ui.awardEdit, "1,2,3")
    assert dialog.attempt(dialog.save) is None
    assert "奖补金额" in dialog.ui.errorLabel.text()
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    assert (sheet.total, len(sheet.unscored)) == (0, len(sheet.rows))
    dialog.ui.awardEdit.clear()
    qtbot.keyClicks(dialog.ui.awardEdit, "1,230")
    assert dialog.attempt(dialog.save) == aid
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    assert (sheet.total, sheet.award_cents) == (100, 123_000)


def test_withdrawing_a_demonstration_and_failing_in_one_save(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes
) -> None:
    """A 示范点 is never graded Fail; a clerk who withdraws it and lowers the scores in
    one save is not refused for it (the designation goes first)."""
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid, outcome=AssessmentOutcome.DEMONSTRATION)
    qtbot.addWidget(dialog)
    for row in dialog.sheet.rows:
        type_score(qtbot, dialog, row.indicator_id, f"{row.max_score:g}")
    qtbot.keyClicks(dialog.ui.awardEdit, "20000")
    assert dialog.attempt(dialog.save) == aid
    for row in dialog.sheet.rows:
        type_score(qtbot, dialog, row.indicator_id, "0")
    assert dialog.attempt(dialog.save) is None  # still a 示范点: refused, said why
    assert "示范点" in dialog.ui.errorLabel.text()
    assert scoring.get_scoring_sheet(ctx.db, aid).grade == Grade.EXCELLENT
    dialog.select_outcome(AssessmentOutcome.NONE)
    assert dialog.attempt(dialog.save) == aid
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    assert (sheet.grade, sheet.outcome, sheet.award_cents) == (
        Grade.FAIL,
        AssessmentOutcome.NONE,
        0,
    )


def test_rectify_confirms_and_sets_status(qtbot: QtBot, ctx: AppContext, boxes: Boxes) -> None:
    (cid,) = running_communities(ctx.db, "旧城党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    dialog = ScoringDialog(ctx, aid, outcome=AssessmentOutcome.RECTIFY)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.reasonsEdit, "no meetings held")
    boxes.answer = False
    dialog.accept()
    assert boxes.asked and dialog.result() == 0  # declined: nothing changed
    assert scoring.get_scoring_sheet(ctx.db, aid).outcome == AssessmentOutcome.NONE
    boxes.answer = True
    dialog.accept()
    with ctx.db.read() as s:
        community = s.get(Community, cid)
        assert community is not None and community.status == CommunityStatus.RECTIFYING
    assert scoring.get_scoring_sheet(ctx.db, aid).rectify_reasons == "no meetings held"


def test_tab_start_finish_reopen(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    running_communities(ctx.db, "甲党建共同体", "乙党建共同体")
    opened: list[int] = []
    monkeypatch.setattr(ScoringDialog, "exec", lambda self: opened.append(self.assessment_id) or 0)
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.year_combo.currentData() == YEAR
    assert [tab.start_combo.itemText(i) for i in range(tab.start_combo.count())] == [
        "甲党建共同体",  # jia before yi
        "乙党建共同体",
    ]
    tab.start_combo.setCurrentIndex(1)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert tab.model.rowCount() == 1
    assert tab.start_combo.itemText(0) == "甲党建共同体"
    tab.select_id(opened[0])
    assert tab.finish_button.isEnabled() and not tab.reopen_button.isEnabled()

    # Finishing an unscored assessment is refused with the reason.
    qtbot.mouseClick(tab.finish_button, Qt.MouseButton.LeftButton)
    assert boxes.warned and "尚未评分" in boxes.warned[-1]
    sheet = scoring.get_scoring_sheet(ctx.db, opened[0])
    scoring.save_scores(
        ctx.db, opened[0], scoring.ScoresInput({r.indicator_id: r.max_score for r in sheet.rows})
    )
    qtbot.mouseClick(tab.finish_button, Qt.MouseButton.LeftButton)
    assert scoring.get_scoring_sheet(ctx.db, opened[0]).locked
    assert tab.reopen_button.isEnabled() and not tab.finish_button.isEnabled()
    assert tab.score_button.text() == tab.tr("&View scores...")

    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "补充材料")
    qtbot.mouseClick(tab.reopen_button, Qt.MouseButton.LeftButton)
    assert not scoring.get_scoring_sheet(ctx.db, opened[0]).locked
    assert tab.finish_button.isEnabled()

    qtbot.mouseClick(tab.demo_button, Qt.MouseButton.LeftButton)
    assert opened[-1] == opened[0] and len(opened) == 2
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # keyboard: Enter on a row opens it too
    assert len(opened) == 3


@pytest.mark.parametrize(("typed", "threshold"), [("8７。5", 87.5), ("９２", 92.0)])
def test_a_grade_threshold_typed_by_an_input_method(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, typed: str, threshold: float
) -> None:
    """The thresholds read 。 and ．for the point and full-width digits, as scores do."""
    dialog = IndicatorSetDialog(ctx, YEAR + 1, create=True)
    qtbot.addWidget(dialog)
    spin = dialog.ui.excellentSpin
    spin.setFocus()
    spin.selectAll()
    type_text(qtbot, spin, typed)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == threshold
    for other in (dialog.ui.goodSpin, dialog.ui.passSpin):
        other.setFocus()
        other.selectAll()
        type_text(qtbot, other, "6０。5")
        qtbot.keyClick(other, Qt.Key.Key_Tab)
        assert other.value() == 60.5


def test_indicator_set_dialog_create_and_edit(qtbot: QtBot, ctx: AppContext, boxes: Boxes) -> None:
    dialog = IndicatorSetDialog(ctx, YEAR + 1, create=True)
    qtbot.addWidget(dialog)
    dialog.ui.sourceCombo.setCurrentIndex(1)  # copy of last year's
    assert dialog.ui.indicatorsTable.rowCount() == len(
        indicator_sets.default_set_input(YEAR).indicators
    )
    assert "100" in dialog.ui.totalsLabel.text()
    assert not dialog.ui.warningLabel.isVisibleTo(dialog)
    dialog.ui.indicatorsTable.setCurrentCell(0, 1)
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.indicatorsTable.rowCount() == 18
    assert "101" in dialog.ui.totalsLabel.text()
    assert dialog.ui.warningLabel.isVisibleTo(dialog)
    # The new row has no name: refused, naming the row.
    boxes.answer = True
    dialog.accept()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert "第 2 项指标缺少名称" in dialog.ui.errorLabel.text()
    dialog.ui.indicatorsTable.item(1, 1).setText("志愿服务时长")
    dialog.ui.excellentSpin.setValue(95)
    dialog.accept()
    assert dialog.result() == 1
    view = indicator_sets.get_indicator_set(ctx.db, YEAR + 1)
    assert view is not None
    assert view.total_max == 101 and view.thresholds.excellent_min == 95
    assert view.indicators[1].name == "志愿服务时长"

    edit = IndicatorSetDialog(ctx, YEAR + 1)
    qtbot.addWidget(edit)
    assert not edit.ui.sourceCombo.isVisibleTo(edit)
    edit.ui.indicatorsTable.setCurrentCell(1, 1)
    qtbot.mouseClick(edit.ui.removeButton, Qt.MouseButton.LeftButton)
    edit.ui.passSpin.setValue(99)  # above good: refused
    edit.accept()
    assert "合格" in edit.ui.errorLabel.text()
    edit.ui.passSpin.setValue(60)
    edit.accept()
    view = indicator_sets.get_indicator_set(ctx.db, YEAR + 1)
    assert view is not None and view.total_max == 100


def test_report_button_writes_pdf(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    scoring.start_assessment(ctx.db, cid, YEAR)
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: out)
    folders: list[Path] = []
    monkeypatch.setattr(prompts, "open_folder", folders.append)
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert folders == [tmp_path]


def test_excel_button_writes_the_workbook_of_the_year(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    sheet = scoring.get_scoring_sheet(ctx.db, aid)
    first = sheet.rows[0].indicator_id
    scoring.save_scores(
        ctx.db, aid, scoring.ScoresInput({first: 4.5}, remarks={first: "组建材料齐全"})
    )
    out = tmp_path / "考核结果.xlsx"
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: asked.append(a) or out)
    folders: list[Path] = []
    monkeypatch.setattr(prompts, "open_folder", folders.append)
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    assert tab.workbook_button.isEnabled()
    qtbot.mouseClick(tab.workbook_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][-1] == "xlsx"
    assert Path(str(asked[0][2])).name == f"{YEAR}年度党建共同体考核结果.xlsx"
    wb = load_workbook(out)
    assert wb.sheetnames == ["考核结果", "评分明细"]
    assert [r[:3] for r in wb["考核结果"].iter_rows(min_row=2, values_only=True)] == [
        (1, "文光党建共同体", 4.5)
    ]
    scores = list(wb["评分明细"].iter_rows(min_row=2, values_only=True))
    assert scores[0][4:] == (4.5, None, None, "组建材料齐全")
    assert folders == [tmp_path] and str(out) in boxes.asked[-1]


def test_excel_button_says_why_nothing_was_written(
    qtbot: QtBot, ctx: AppContext, boxes: Boxes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No community assessed in the year yet: one sentence, no file."""
    out = tmp_path / "考核结果.xlsx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: out)
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.workbook_button, Qt.MouseButton.LeftButton)
    assert boxes.warned == [f"{YEAR} 年还没有任何共同体的考核记录。"]
    assert not out.exists()


def test_tab_opens_on_the_latest_year_already_scored(qtbot: QtBot, ctx: AppContext) -> None:
    """Before year-end this year's set exists but is unscored: show last year's results."""
    (first,) = running_communities(ctx.db, "甲党建共同体")
    # YEAR's is made above:
    indicator_sets.create_indicator_set(ctx.db, YEAR + 1, copy_last_year=True)
    scoring.start_assessment(ctx.db, first, YEAR)
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    assert tab.year_combo.currentData() == YEAR
    assert tab.model.rowCount() == 1


def test_the_start_choice_says_what_is_missing_on_a_new_database(
    qtbot: QtBot, db: Database
) -> None:
    """On a new database (no indicator system, no community) the choice beside 开始评分
    said "(every community is assessed)"."""
    tab = AssessmentTab(AppContext(db))
    qtbot.addWidget(tab)
    assert tab.year_combo.currentData() is None
    assert tab.start_combo.count() == 1
    assert tab.start_combo.itemText(0) == "(first set up an indicator system)"
    assert not tab.start_button.isEnabled()


def test_the_start_choice_with_every_community_assessed(qtbot: QtBot, ctx: AppContext) -> None:
    running_communities(ctx.db, "甲党建共同体")
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    community = tab.start_combo.currentData()
    assert isinstance(community, int)
    scoring.start_assessment(ctx.db, community, YEAR)
    tab.refresh()
    assert [tab.start_combo.itemText(i) for i in range(tab.start_combo.count())] == [
        "(no community left to assess)"
    ]


def test_the_detail_shows_each_indicators_remark_beside_its_score(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """The scorer's 评分备注 is printed in the PDF and the workbook: the detail pane shows
    it too, beside the score, escaped and with phones masked as on paper; an indicator
    without one shows nothing, and a sheet without any has no remarks column."""
    (cid,) = running_communities(ctx.db, "文光党建共同体")
    aid = scoring.start_assessment(ctx.db, cid, YEAR)
    rows = scoring.get_scoring_sheet(ctx.db, aid).rows
    first, second = rows[0].indicator_id, rows[1].indicator_id
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    tab.select_id(aid)
    assert "Remarks" not in tab.detail.toPlainText()
    scoring.save_scores(
        ctx.db,
        aid,
        scoring.ScoresInput(
            {first: 4.5, second: 3},
            remarks={first: "材料齐全<b>另附</b>，联系人13812345678"},
        ),
    )
    tab.reload()
    tab.select_id(aid)
    shown = tab.detail.toPlainText()
    assert "Remarks" in shown
    assert "材料齐全<b>另附</b>，联系人138****5678" in shown  # escaped, masked
    assert "13812345678" not in tab.detail.toHtml()
    cells = shown.splitlines()  # one cell a line: category, indicator, max, score, remark
    at = cells.index(rows[0].name)
    assert cells[at + 2 : at + 4] == ["4.5", "材料齐全<b>另附</b>，联系人138****5678"]
    at = cells.index(rows[1].name)
    assert cells[at + 2 : at + 4] == ["3", ""]
