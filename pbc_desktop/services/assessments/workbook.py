"""A year's assessment as an Excel workbook (考核结果), for the offices that keep their
figures in Excel: what the assessment report prints, as cells.

Two sheets, each with one header row (frozen, filtered) and sized columns:

- 考核结果: a row per community, highest total first: its rank, total, full marks, grade,
  outcome, award, scoring status, assessor, reasons for rectification and feedback;
- 评分明细: a row per community and indicator: category, indicator, full marks, score, the
  figure on record (its name and its value) and the scorer's remark (评分备注).

Ranks, scores, totals, awards and figures are numbers; text goes in as text
(``services/xlsx_text.py``), with ID numbers and phones in free text masked
(``printout``). Like the report, it covers the communities the acting account sees, and
speaks the window's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import AssessmentOutcome, LabeledEnum
from pbc_desktop.domain.indicators import PERCENT_METRICS
from pbc_desktop.files import atomic_output, save_workbook
from pbc_desktop.lang import language, t
from pbc_desktop.services.assessments import printout
from pbc_desktop.services.assessments.scoring import ScoringRow, ScoringSheet
from pbc_desktop.services.community_figures import metric_label
from pbc_desktop.services.xlsx_text import put_text

HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
YUAN_FORMAT = "#,##0.00"
WHOLE_FORMAT = "#,##0"
PERCENT_FORMAT = '0.0"%"'

R = TypeVar("R")
Cell = str | int | float | None


@dataclass(frozen=True)
class _Column(Generic[R]):
    header: str
    width: int  # in characters, Excel's unit
    value: Callable[[R], Cell]
    number_format: Callable[[R], str | None] = lambda _r: None


def results_sheet_title() -> str:
    return t("考核结果", "Results")


def scores_sheet_title() -> str:
    return t("评分明细", "Scores")


def _label(value: LabeledEnum | None) -> str | None:
    return value.label(language()) if value is not None else None


def _result_columns() -> list[_Column[tuple[int, ScoringSheet]]]:
    def outcome(sheet: ScoringSheet) -> str | None:
        return None if sheet.outcome == AssessmentOutcome.NONE else _label(sheet.outcome)

    return [
        _Column(t("名次", "Rank"), 8, lambda r: r[0]),
        _Column(t("党建共同体", "Community"), 30, lambda r: r[1].community_name),
        _Column(t("总分", "Total"), 10, lambda r: r[1].total),
        _Column(t("满分", "Max"), 10, lambda r: r[1].max_total),
        _Column(t("等次", "Grade"), 10, lambda r: _label(r[1].grade)),
        _Column(t("考核结果", "Outcome"), 12, lambda r: outcome(r[1])),
        _Column(
            t("奖补金额（元）", "Award (yuan)"),
            14,
            lambda r: r[1].award_cents / 100 if r[1].award_cents else None,
            lambda _r: YUAN_FORMAT,
        ),
        _Column(t("状态", "Status"), 10, lambda r: _label(r[1].status)),
        _Column(t("评分人", "Assessor"), 12, lambda r: r[1].assessor),
        _Column(t("整顿原因", "Reasons for rectification"), 30, lambda r: r[1].rectify_reasons),
        _Column(t("考核反馈", "Feedback"), 40, lambda r: r[1].feedback),
    ]


def _figure_format(row: ScoringRow) -> str | None:
    if row.metric is None:
        return None
    if row.metric == "funds_income":
        return YUAN_FORMAT
    return PERCENT_FORMAT if row.metric in PERCENT_METRICS else WHOLE_FORMAT


def _score_columns() -> list[_Column[tuple[ScoringSheet, ScoringRow]]]:
    lang = language()
    return [
        _Column(t("党建共同体", "Community"), 30, lambda r: r[0].community_name),
        _Column(t("类别", "Category"), 12, lambda r: r[1].category),
        _Column(t("指标", "Indicator"), 30, lambda r: r[1].name),
        _Column(t("满分", "Max"), 10, lambda r: r[1].max_score),
        _Column(t("得分", "Score"), 10, lambda r: r[1].score),
        _Column(
            t("参考数据", "Figure on record"),
            24,
            lambda r: metric_label(r[1].metric, lang) or None,
        ),
        _Column(
            t("数值", "Value"),
            12,
            lambda r: r[1].figure if r[1].metric else None,
            lambda r: _figure_format(r[1]),
        ),
        _Column(t("评分备注", "Remarks"), 40, lambda r: r[1].remark),
    ]


def _fill(ws: Worksheet, columns: Sequence[_Column[R]], rows: Iterable[R]) -> None:
    """One header row (bold, shaded, frozen, filtered) and a row per item of ``rows``."""
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        put_text(cell, column.header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for number, item in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            cell = ws.cell(row=number, column=index)
            value = column.value(item)
            if isinstance(value, str):
                put_text(cell, value)
            else:
                cell.value = value
                shown = column.number_format(item)
                if shown is not None and value is not None:
                    cell.number_format = shown
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"


def write_assessment_xlsx(data: printout.AssessmentPrintout, out_path: Path) -> Path:
    """Write the workbook atomically (a half-written file never replaces a good one)."""
    wb = Workbook()
    results = wb.active
    assert results is not None
    wb.properties.title = t(
        f"{data.year}年度党建共同体考核结果（{data.area}）",
        f"Assessment of the communities, {data.year} ({data.area})",
    )
    results.title = results_sheet_title()
    _fill(results, _result_columns(), data.ranked())
    scores = wb.create_sheet(scores_sheet_title())
    _fill(scores, _score_columns(), ((sh, row) for sh in data.sheets for row in sh.rows))
    out_path = Path(out_path)
    with atomic_output(out_path) as tmp:
        save_workbook(wb, tmp, out_path)
    return out_path


def export_assessment_xlsx(
    db: Database,
    year: int,
    out_path: Path,
    *,
    town: str | None = None,
    today: date | None = None,
) -> Path:
    """The assessments of ``year`` (in ``town``) the acting account sees, as ``.xlsx``;
    refused, before anything is written, when the year has none."""
    return write_assessment_xlsx(
        printout.assessment_printout(db, year, town, today=today), out_path
    )
