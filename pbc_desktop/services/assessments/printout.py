"""A year's assessment as printed and exported: the indicator system, every assessment the
account sees (highest total first) with its rank, and the part of the district it covers.

The assessment report (``reports/assessment.py``) and the workbook (``workbook.py``) both
take this. Free text written while scoring (each indicator's 评分备注, the feedback, the
reasons for rectification) is printed with ID numbers and phones masked
(``privacy.scrub_text``), as a member's remark is on a roster: paper and files leave the
office.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.indicators import ranks
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.assessments import indicator_sets, scoring


@dataclass(frozen=True)
class AssessmentPrintout:
    year: int
    town: str | None  # the town asked for, None for all the account sees
    area: str  # the town, the account's town or organization, or 全区
    indicator_set: indicator_sets.IndicatorSetView
    sheets: tuple[scoring.ScoringSheet, ...]  # highest total first, free text masked
    ranks: tuple[int, ...]  # of each sheet: equal totals share a rank

    def ranked(self) -> Iterator[tuple[int, scoring.ScoringSheet]]:
        """(rank, sheet) of each assessment, highest total first."""
        return zip(self.ranks, self.sheets, strict=True)


def masked(text: str | None) -> str | None:
    """Free text as printed: ID numbers and phones in it masked."""
    return scrub_text(text) if text else text


def _printed(sheet: scoring.ScoringSheet) -> scoring.ScoringSheet:
    return replace(
        sheet,
        feedback=masked(sheet.feedback),
        rectify_reasons=masked(sheet.rectify_reasons),
        rows=tuple(replace(row, remark=masked(row.remark)) for row in sheet.rows),
    )


def assessment_printout(
    db: Database, year: int, town: str | None = None, *, today: date | None = None
) -> AssessmentPrintout:
    """The assessments of ``year`` (in ``town``) the acting account sees, read at one
    moment (others may be scoring); refused when the year has no indicator system or no
    assessment to show."""
    with db.snapshot():  # the scores of one moment, while others score
        view = indicator_sets.get_indicator_set(db, year)
        sheets = scoring.scoring_sheets(db, year, town, today=today) if view is not None else []
        area = town or access.area_name(db) or t("全区", "the whole district")
    if view is None:
        raise NotFoundError(
            t(f"{year} 年没有标准体系和考核记录。", f"{year} has no indicator system.")
        )
    if not sheets:
        raise NotFoundError(
            t(
                f"{year} 年{town or ''}还没有任何共同体的考核记录。",
                f"No community has been assessed in {year}{' in ' + town if town else ''}.",
            )
        )
    printed = tuple(_printed(sheet) for sheet in sheets)
    return AssessmentPrintout(
        year=year,
        town=town,
        area=area,
        indicator_set=view,
        sheets=printed,
        ranks=tuple(ranks(sheet.total for sheet in printed)),
    )
