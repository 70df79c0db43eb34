"""The assessment workbook: its two sheets, headers, numbers as numbers, remarks masked,
and only the communities the acting account sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AssessmentOutcome
from pbc_desktop.errors import NotFoundError
from pbc_desktop.services.assessments import indicator_sets, outcomes, scoring
from pbc_desktop.services.assessments.workbook import export_assessment_xlsx
from tests.assessment_factories import YEAR, running_communities
from tests.scope_factories import town_actor

RESULT_HEADERS = [
    "名次",
    "党建共同体",
    "总分",
    "满分",
    "等次",
    "考核结果",
    "奖补金额（元）",
    "状态",
    "评分人",
    "整顿原因",
    "考核反馈",
]
SCORE_HEADERS = ["党建共同体", "类别", "指标", "满分", "得分", "参考数据", "数值", "评分备注"]


def score(db: Database, cid: int, fraction: float, remarks: dict[int, str] | None = None) -> int:
    """Every indicator at ``fraction`` of its maximum; ``remarks`` by row number."""
    aid = scoring.start_assessment(db, cid, YEAR)
    sheet = scoring.get_scoring_sheet(db, aid)
    scores = {r.indicator_id: round(r.max_score * fraction * 2) / 2 for r in sheet.rows}
    notes = {sheet.rows[i].indicator_id: text for i, text in (remarks or {}).items()}
    scoring.save_scores(db, aid, scoring.ScoresInput(scores, "联系电话13912345678", notes))
    return aid


@pytest.fixture
def assessed(db: Database) -> dict[str, int]:
    indicator_sets.create_indicator_set(db, YEAR)
    wenguang, dongtai = running_communities(db, "文光党建共同体", "东泰党建共同体")
    (liangying,) = running_communities(db, "两英党建共同体", town="两英镇")
    score(db, wenguang, 0.8, {0: "材料齐全，班子健全", 3: "身份证440514198503024161的党员未报到"})
    demo = score(db, dongtai, 0.95)
    outcomes.set_outcome(db, demo, AssessmentOutcome.DEMONSTRATION, award_yuan="30000")
    score(db, liangying, 0.8)
    return {"文光": wenguang, "东泰": dongtai, "两英": liangying}


def rows(ws: Worksheet) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_workbook_holds_results_and_scores_as_numbers(
    db: Database, assessed: dict[str, int], tmp_path: Path
) -> None:
    out = export_assessment_xlsx(db, YEAR, tmp_path / "考核.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["考核结果", "评分明细"]
    results, scores = wb["考核结果"], wb["评分明细"]
    assert results.freeze_panes == "A2" and scores.freeze_panes == "A2"
    assert results.column_dimensions["B"].width >= 20  # the community's name is not cut
    table = rows(results)
    assert table[0] == RESULT_HEADERS
    # highest total first; 文光 and 两英 tie, sharing rank 2
    assert [(r[0], r[1]) for r in table[1:]] == [
        (1, "东泰党建共同体"),
        (2, "两英党建共同体"),
        (2, "文光党建共同体"),
    ]
    top = table[1]
    assert isinstance(top[2], int | float) and not isinstance(top[2], bool)
    assert top[2] == pytest.approx(95.5) and top[3] == 100
    assert (top[4], top[5], top[6], top[7]) == ("优秀", "示范点", 30000, "评分中")
    assert results["G2"].number_format == "#,##0.00"
    assert table[2][6] is None  # no award
    assert top[10] == "联系电话139****5678"  # the feedback masked

    detail = rows(scores)
    assert detail[0] == SCORE_HEADERS
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    assert len(detail) == 1 + 3 * len(view.indicators)
    wenguang = [r for r in detail[1:] if r[0] == "文光党建共同体"]
    assert [r[2] for r in wenguang] == [i.name for i in view.indicators]
    first = wenguang[0]
    assert first[1] == view.indicators[0].category
    assert first[3] == view.indicators[0].max_score and isinstance(first[4], int | float)
    assert first[7] == "材料齐全，班子健全"
    assert wenguang[3][7] == "身份证**************4161的党员未报到"
    assert [r[7] for r in wenguang if r[7] is not None] == [first[7], wenguang[3][7]]
    figure = next(r for r in wenguang if r[5] == "开展活动场次")
    assert figure[6] == 0 and isinstance(figure[6], int | float)


def test_a_town_account_exports_only_its_town_s_communities(
    db: Database, assessed: dict[str, int], tmp_path: Path
) -> None:
    db.user = town_actor(db, "成田镇")
    wb = load_workbook(export_assessment_xlsx(db, YEAR, tmp_path / "town.xlsx"))
    names = {r[1] for r in rows(wb["考核结果"])[1:]}
    assert names == {"文光党建共同体", "东泰党建共同体"}
    assert {r[0] for r in rows(wb["评分明细"])[1:]} == names


def test_a_year_without_assessments_is_refused_and_writes_nothing(
    db: Database, assessed: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "none.xlsx"
    with pytest.raises(NotFoundError, match=f"{YEAR + 1} 年没有标准体系"):
        export_assessment_xlsx(db, YEAR + 1, out)
    db.user = town_actor(db, "成田镇")  # another town's communities: none it sees
    with pytest.raises(NotFoundError, match="两英镇还没有"):
        export_assessment_xlsx(db, YEAR, out, town="两英镇")
    assert not out.exists()


def test_english_workbook_speaks_english(
    db: Database, assessed: dict[str, int], tmp_path: Path
) -> None:
    from pbc_desktop import lang

    lang.set_language("en")
    wb = load_workbook(export_assessment_xlsx(db, YEAR, tmp_path / "en.xlsx"))
    assert wb.sheetnames == ["Results", "Scores"]
    header = rows(wb["Results"])[0]
    assert header[:3] == ["Rank", "Community", "Total"]
    assert rows(wb["Results"])[1][4:6] == ["Excellent", "Demonstration site"]
