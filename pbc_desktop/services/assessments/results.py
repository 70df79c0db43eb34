"""The assessment results: the year's ranking (a paged listing) and one assessment's detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Assessment, Community, IndicatorSet, Score
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus, Grade
from pbc_desktop.services.assessments.common import (
    filter_assessments,
    indicators_of,
    load_assessment,
)
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import enum_order, ordered


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


@dataclass(frozen=True)
class ScoreView:
    category: str
    name: str
    max_score: float
    guidance: str | None
    score: float | None  # None: not scored yet
    remark: str | None


@dataclass(frozen=True)
class AssessmentDetail:
    id: int
    community_name: str
    year: int
    set_name: str
    status: AssessmentStatus
    total: float
    grade: Grade | None
    outcome: AssessmentOutcome
    award_cents: int
    rectify_reasons: str | None
    feedback: str | None
    assessor: str | None
    scores: tuple[ScoreView, ...]

    @property
    def max_total(self) -> float:
        return sum(s.max_score for s in self.scores)


_SORT_KEYS: dict[str, Any] = {
    "total": Assessment.total,
    "community": Community.name,
    "grade": enum_order(Assessment.grade, Grade),
    "outcome": enum_order(Assessment.outcome, AssessmentOutcome),
    "award": Assessment.award_cents,
}


def count_assessments(db: Database, year: int, town: str | None = None, *, text: str = "") -> int:
    stmt = filter_assessments(
        select(func.count(Assessment.id)).select_from(Assessment), year, town, text
    )
    with db.read() as s:
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
    key = _SORT_KEYS.get(page.sort or "")
    order = [Assessment.total.desc()] if key is None else ordered(key, page.descending)
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
    )
    stmt = (
        stmt.order_by(*order, Assessment.total.desc(), Community.name, Assessment.id)
        .offset(page.offset)
        .limit(page.limit)
    )
    with db.read() as s:
        return [
            AssessmentRow(
                id=r.id,
                community_id=r.community_id,
                community_name=r.name,
                year=r.year,
                total=float(r.total or 0),
                grade=r.grade,
                outcome=r.outcome,
                award_cents=int(r.award_cents or 0),
                status=r.status,
            )
            for r in s.execute(stmt)
        ]


def get_assessment_detail(db: Database, assessment_id: int) -> AssessmentDetail:
    with db.read() as s:
        assessment = load_assessment(s, assessment_id)
        scored = {
            sc.indicator_id: sc
            for sc in s.scalars(select(Score).where(Score.assessment_id == assessment_id))
        }
        indicators = indicators_of(s, assessment.set_id)
        iset = assessment.indicator_set
        return AssessmentDetail(
            id=assessment.id,
            community_name=assessment.community.name,
            year=iset.year,
            set_name=iset.name,
            status=assessment.status,
            total=float(assessment.total or 0),
            grade=assessment.grade,
            outcome=assessment.outcome,
            award_cents=int(assessment.award_cents or 0),
            rectify_reasons=assessment.rectify_reasons,
            feedback=assessment.feedback,
            assessor=assessment.assessor,
            scores=tuple(
                ScoreView(
                    category=ind.category,
                    name=ind.name,
                    max_score=ind.max_score,
                    guidance=ind.guidance,
                    score=scored[ind.id].score if ind.id in scored else None,
                    remark=scored[ind.id].remark if ind.id in scored else None,
                )
                for ind in indicators
            ),
        )
