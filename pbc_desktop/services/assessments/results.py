"""The assessment results: the year's ranking (a paged listing).

One assessment's detail is its scoring sheet (``scoring.get_scoring_sheet``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Assessment, Community, IndicatorSet
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus, Grade
from pbc_desktop.services import access
from pbc_desktop.services.assessments.common import (
    filter_assessments,
)
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    enum_order,
    from_fields,
    sorted_page,
)


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    community_id: int
    community_name: str
    year: int
    total: float
    grade: Grade | None
    outcome: AssessmentOutcome
    award_cents: int
    status: AssessmentStatus


_SORT_KEYS: dict[str, Any] = {
    "total": Assessment.total,
    "community": Community.name_sort,
    "grade": enum_order(Assessment.grade, Grade),
    "outcome": enum_order(Assessment.outcome, AssessmentOutcome),
    "award": Assessment.award_cents,
}


def count_assessments(db: Database, year: int, town: str | None = None, *, text: str = "") -> int:
    with db.read() as s:
        stmt = filter_assessments(
            select(func.count(Assessment.id)).select_from(Assessment),
            year,
            town,
            text,
            access.of(db, s),
        )
        return int(s.execute(stmt).scalar_one())


def list_assessments(
    db: Database,
    year: int,
    town: str | None = None,
    *,
    text: str = "",
    page: PageRequest | None = None,
) -> list[AssessmentRow]:
    """The communities assessed in ``year``, highest total first unless ``page`` sorts."""
    page = page or PageRequest(limit=100_000)
    stmt = filter_assessments(
        select(
            Assessment.id,
            Assessment.community_id,
            Community.name,
            IndicatorSet.year,
            Assessment.total,
            Assessment.grade,
            Assessment.outcome,
            Assessment.award_cents,
            Assessment.status,
        ).select_from(Assessment),
        year,
        town,
        text,
        access.of(db),
    )
    stmt = sorted_page(
        stmt,
        page,
        _SORT_KEYS,
        Assessment.total.desc(),
        Community.name_sort,
        Assessment.id,
        default=[Assessment.total.desc()],
    )
    with db.read() as s:
        return [
            from_fields(
                AssessmentRow,
                r,
                community_name=r.name,
                total=float(r.total or 0),
                award_cents=int(r.award_cents or 0),
            )
            for r in s.execute(stmt)
        ]
