"""What the assessment services share: the lock, totals and grades, loading a record.

Totals and grades come from ``domain.indicators.grade_for`` with the set's own thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.models import Assessment, Community, Indicator, IndicatorSet
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus, Grade
from pbc_desktop.domain.indicators import GradeThresholds, grade_for
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.scope import AnySelect, town_community_ids


class AssessmentLockedError(ConflictError):
    """The assessment is finished; it must be reopened (with a reason) before any change."""


@dataclass(frozen=True)
class Totals:
    total: float
    grade: Grade


def score_field(indicator_id: int) -> str:
    """The field name of one indicator's score in a ``ValidationError``."""
    return f"score:{indicator_id}"


def thresholds_of(iset: IndicatorSet) -> GradeThresholds:
    return GradeThresholds(iset.excellent_min, iset.good_min, iset.pass_min)


def compute_totals(scores: Iterable[float | None], thresholds: GradeThresholds) -> Totals:
    """Total of the given scores (unscored count as 0) and its grade by ``thresholds``."""
    total = round(sum(s for s in scores if s is not None), 2)
    return Totals(total, grade_for(total, thresholds))


def filter_assessments(
    stmt: AnySelect, year: int, town: str | None, text: str, acc: access.Access
) -> AnySelect:
    """``stmt`` (over assessments) limited to ``year``, to ``town``, to community names
    containing ``text`` and to the communities the account sees; joins the indicator set
    and the community."""
    stmt = (
        stmt.join(IndicatorSet, IndicatorSet.id == Assessment.set_id)
        .join(Community, Community.id == Assessment.community_id)
        .where(IndicatorSet.year == year, acc.communities(Assessment.community_id))
    )
    if town:
        stmt = stmt.where(Assessment.community_id.in_(town_community_ids(town)))
    if text.strip():
        stmt = stmt.where(Community.name.icontains(text.strip(), autoescape=True))
    return stmt


def set_for_year(s: Session, year: int) -> IndicatorSet | None:
    return s.scalars(select(IndicatorSet).where(IndicatorSet.year == year)).one_or_none()


def check_scorer(acc: access.Access, lead_org_id: int | None) -> None:
    """Scoring: the SCORE permission, and the community led by an own organization (a town
    scores its town's communities; the district every one)."""
    acc.require(Permission.SCORE)
    if not acc.whole and not acc.sees_org(lead_org_id):
        raise access.not_own()


def load_assessment(
    s: Session, assessment_id: int, acc: access.Access, *, score: bool = False
) -> Assessment:
    """The assessment of a community the account sees; to ``score`` it, see
    :func:`check_scorer`."""
    assessment = s.get(Assessment, assessment_id)
    if assessment is None or not acc.sees_community(s, assessment.community_id):
        raise NotFoundError(
            t(
                "找不到该考核记录，可能已被删除。",
                "The assessment was not found; it may have been deleted.",
            )
        )
    if score:
        check_scorer(acc, assessment.community.lead_org_id)
    return assessment


def indicators_of(s: Session, set_id: int) -> list[Indicator]:
    """The indicators of one set in their printed order."""
    stmt = select(Indicator).where(Indicator.set_id == set_id).order_by(Indicator.seq, Indicator.id)
    return list(s.scalars(stmt))


def check_unlocked(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.FINISHED:
        raise AssessmentLockedError(
            t(
                f"「{assessment.community.name}」的考核已完成并锁定，不能修改；"
                "如确需修改，请先「重新打开」并说明原因。",
                f"The assessment of '{assessment.community.name}' is finished and locked; "
                "reopen it (giving a reason) before changing it.",
            )
        )


def check_demonstration(assessment: Assessment, grade: Grade | None) -> None:
    """A 示范点 is never graded 不合格: scores or thresholds that would make the grade of a
    community designated a demonstration site Fail are refused until the designation is
    withdrawn (the report would print it among the sites, with its award)."""
    if assessment.outcome == AssessmentOutcome.DEMONSTRATION and grade == Grade.FAIL:
        raise ValidationError.single(
            "outcome",
            t(
                f"「{assessment.community.name}」已评为示范点，考核不合格的共同体不能是示范点；"
                "请先取消示范点再这样评分。",
                f"'{assessment.community.name}' is a demonstration site, and a community "
                "graded Fail cannot be one; withdraw the designation first.",
            ),
        )
