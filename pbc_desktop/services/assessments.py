"""The year-end assessment (年底考核): indicator systems, scoring, outcome, locking, ranking.

Writes follow the usual pattern: validate, one ``db.write()`` block, one audit entry. A
finished assessment is locked (:class:`AssessmentLockedError`) until reopened with a reason.
Totals and grades come from ``domain.indicators.grade_for`` with the set's own thresholds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Assessment, Community, Indicator, IndicatorSet, Score
from pbc_desktop.domain.enums import (
    AssessmentOutcome,
    AssessmentStatus,
    AuditAction,
    CommunityStatus,
    Grade,
    LifecycleAction,
)
from pbc_desktop.domain.indicators import (
    DEFAULT_GRADE_THRESHOLDS,
    DEFAULT_INDICATORS,
    METRICS,
    GradeThresholds,
    grade_for,
)
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit, communities
from pbc_desktop.services.community_figures import figures_in_session
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    AnySelect,
    Choice,
    enum_order,
    ordered,
    town_community_ids,
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


def years(db: Database) -> list[int]:
    """Years with an indicator system, newest first."""
    with db.read() as s:
        return list(s.scalars(select(IndicatorSet.year).order_by(IndicatorSet.year.desc())))


def _filtered(stmt: AnySelect, year: int, town: str | None, text: str) -> AnySelect:
    stmt = (
        stmt.join(IndicatorSet, IndicatorSet.id == Assessment.set_id)
        .join(Community, Community.id == Assessment.community_id)
        .where(IndicatorSet.year == year)
    )
    if town:
        stmt = stmt.where(Assessment.community_id.in_(town_community_ids(town)))
    if text.strip():
        stmt = stmt.where(Community.name.icontains(text.strip(), autoescape=True))
    return stmt


_SORT_KEYS: dict[str, Any] = {
    "total": Assessment.total,
    "community": Community.name,
    "grade": enum_order(Assessment.grade, Grade),
    "outcome": enum_order(Assessment.outcome, AssessmentOutcome),
    "award": Assessment.award_cents,
}


def count_assessments(db: Database, year: int, town: str | None = None, *, text: str = "") -> int:
    stmt = _filtered(select(func.count(Assessment.id)).select_from(Assessment), year, town, text)
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
    stmt = _filtered(
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
        assessment = _load_assessment(s, assessment_id)
        scored = {
            sc.indicator_id: sc
            for sc in s.scalars(select(Score).where(Score.assessment_id == assessment_id))
        }
        indicators = _indicators_of(s, assessment.set_id)
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


# == write side: indicator systems, scoring, outcome, locking ================================
class AssessmentLockedError(ConflictError):
    """The assessment is finished; it must be reopened (with a reason) before any change."""


@dataclass(frozen=True)
class IndicatorInput:
    category: str
    name: str
    max_score: float
    guidance: str | None = None
    metric: str | None = None
    id: int | None = None  # an existing indicator being edited; None: a new one


@dataclass(frozen=True)
class IndicatorSetInput:
    name: str
    excellent_min: float
    good_min: float
    pass_min: float
    indicators: tuple[IndicatorInput, ...]

    @property
    def total_max(self) -> float:
        return round(sum(i.max_score for i in self.indicators), 2)


@dataclass(frozen=True)
class IndicatorView:
    id: int
    seq: int
    category: str
    name: str
    max_score: float
    guidance: str | None
    metric: str | None


@dataclass(frozen=True)
class IndicatorSetView:
    id: int
    year: int
    name: str
    thresholds: GradeThresholds
    indicators: tuple[IndicatorView, ...]
    assessments: int
    finished: int

    @property
    def total_max(self) -> float:
        return round(sum(i.max_score for i in self.indicators), 2)

    def category_totals(self) -> list[tuple[str, float]]:
        """Each category with the sum of its maximum scores, in first-appearance order."""
        totals: dict[str, float] = {}
        for ind in self.indicators:
            totals[ind.category] = totals.get(ind.category, 0) + ind.max_score
        return list(totals.items())

    def as_input(self) -> IndicatorSetInput:
        return IndicatorSetInput(
            name=self.name,
            excellent_min=self.thresholds.excellent_min,
            good_min=self.thresholds.good_min,
            pass_min=self.thresholds.pass_min,
            indicators=tuple(
                IndicatorInput(i.category, i.name, i.max_score, i.guidance, i.metric, i.id)
                for i in self.indicators
            ),
        )


@dataclass(frozen=True)
class ScoringRow:
    indicator_id: int
    category: str
    name: str
    max_score: float
    guidance: str | None
    metric: str | None
    figure: float | None  # the supporting figure the app knows, None without a metric
    score: float | None  # None: not scored yet
    remark: str | None


@dataclass(frozen=True)
class ScoringSheet:
    """Everything the scoring form and the report show of one assessment."""

    id: int
    uuid: str
    community_id: int
    community_name: str
    community_status: CommunityStatus
    year: int
    set_id: int
    set_name: str
    thresholds: GradeThresholds
    status: AssessmentStatus
    total: float
    grade: Grade | None
    feedback: str | None
    outcome: AssessmentOutcome
    award_cents: int
    rectify_reasons: str | None
    assessor: str | None
    finished_at: datetime | None
    rows: tuple[ScoringRow, ...]

    @property
    def locked(self) -> bool:
        return self.status == AssessmentStatus.FINISHED

    @property
    def max_total(self) -> float:
        return round(sum(r.max_score for r in self.rows), 2)

    @property
    def unscored(self) -> tuple[ScoringRow, ...]:
        return tuple(r for r in self.rows if r.score is None)


@dataclass(frozen=True)
class ScoresInput:
    """New scores by indicator id (None clears one), feedback and optional remarks."""

    scores: Mapping[int, float | None]
    feedback: str | None = None
    remarks: Mapping[int, str | None] = field(default_factory=dict)


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


def total_warning(total_max: float) -> str | None:
    """A warning (not an error) when the maximum scores do not add up to 100."""
    if abs(total_max - 100) < 1e-9:
        return None
    return t(
        f"各项满分合计为 {total_max:g} 分,不是 100 分。等次按总分划分,请确认。",
        f"The maximum scores add up to {total_max:g}, not 100. Grades go by the total; "
        "please check.",
    )


# -- indicator systems -------------------------------------------------------------------------
def _set_for_year(s: Session, year: int) -> IndicatorSet | None:
    return s.scalars(select(IndicatorSet).where(IndicatorSet.year == year)).one_or_none()


def _set_view(s: Session, iset: IndicatorSet) -> IndicatorSetView:
    counts = s.execute(
        select(
            func.count(Assessment.id),
            func.coalesce(
                func.sum(case((Assessment.status == AssessmentStatus.FINISHED, 1), else_=0)), 0
            ),
        ).where(Assessment.set_id == iset.id)
    ).one()
    indicators = _indicators_of(s, iset.id)
    return IndicatorSetView(
        id=iset.id,
        year=iset.year,
        name=iset.name,
        thresholds=thresholds_of(iset),
        indicators=tuple(
            IndicatorView(i.id, i.seq, i.category, i.name, i.max_score, i.guidance, i.metric)
            for i in indicators
        ),
        assessments=int(counts[0]),
        finished=int(counts[1]),
    )


def latest_set_before(db: Database, year: int) -> IndicatorSetView | None:
    """The most recent system of a year before ``year`` (what "copy last year's" copies)."""
    with db.read() as s:
        iset = s.scalars(
            select(IndicatorSet)
            .where(IndicatorSet.year < year)
            .order_by(IndicatorSet.year.desc())
            .limit(1)
        ).one_or_none()
        return None if iset is None else _set_view(s, iset)


def get_indicator_set(db: Database, year: int) -> IndicatorSetView | None:
    """The indicator system of ``year``, or None when that year has none yet."""
    with db.read() as s:
        iset = _set_for_year(s, year)
        return None if iset is None else _set_view(s, iset)


def validate_set(data: IndicatorSetInput) -> None:
    """Names required, maximum scores above 0, thresholds 0..100 with 优秀 ≥ 良好 ≥ 合格."""
    errors: list[FieldError] = []
    if not data.name.strip():
        errors.append(
            FieldError("name", t("请填写标准体系名称", "Enter the name of the indicator system"))
        )
    if not data.indicators:
        errors.append(FieldError("indicators", t("至少要有一项指标", "Add at least one indicator")))
    for i, ind in enumerate(data.indicators, start=1):
        if not ind.category.strip():
            errors.append(
                FieldError(
                    f"indicators[{i}].category",
                    t(f"第 {i} 项指标缺少类别", f"Indicator {i} has no category"),
                )
            )
        if not ind.name.strip():
            errors.append(
                FieldError(
                    f"indicators[{i}].name",
                    t(f"第 {i} 项指标缺少名称", f"Indicator {i} has no name"),
                )
            )
        if not ind.max_score > 0:
            errors.append(
                FieldError(
                    f"indicators[{i}].max_score",
                    t(
                        f"第 {i} 项指标「{ind.name}」的满分必须大于 0",
                        f"The maximum score of indicator {i} ({ind.name}) must be above 0",
                    ),
                )
            )
        if ind.metric is not None and ind.metric not in METRICS:
            errors.append(
                FieldError(
                    f"indicators[{i}].metric",
                    t(f"第 {i} 项指标的参考数据未知", f"Indicator {i}: unknown figure"),
                )
            )
    bounds = (
        ("excellent_min", data.excellent_min, "优秀", "excellent"),
        ("good_min", data.good_min, "良好", "good"),
        ("pass_min", data.pass_min, "合格", "pass"),
    )
    for name, value, zh, en in bounds:
        if not 0 <= value <= 100:
            errors.append(
                FieldError(
                    name,
                    t(
                        f"「{zh}」分数线须在 0 到 100 之间",
                        f"The {en} threshold must be between 0 and 100",
                    ),
                )
            )
    if data.good_min > data.excellent_min:
        errors.append(
            FieldError(
                "good_min",
                t("「良好」分数线不能高于「优秀」", "The good threshold cannot exceed excellent"),
            )
        )
    if data.pass_min > data.good_min:
        errors.append(
            FieldError(
                "pass_min",
                t("「合格」分数线不能高于「良好」", "The pass threshold cannot exceed good"),
            )
        )
    if errors:
        raise ValidationError(errors)


def _set_facts(iset: IndicatorSet) -> dict[str, Any]:
    return audit.snapshot(
        iset,
        indicators=[
            {"category": i.category, "name": i.name, "max_score": i.max_score, "metric": i.metric}
            for i in iset.indicators
        ],
    )


def default_set_input(year: int) -> IndicatorSetInput:
    """The article's standard system (domain default), named for ``year``."""
    return IndicatorSetInput(
        name=t(f"{year}年度党建共同体标准体系", f"{year} community indicator system"),
        excellent_min=DEFAULT_GRADE_THRESHOLDS.excellent_min,
        good_min=DEFAULT_GRADE_THRESHOLDS.good_min,
        pass_min=DEFAULT_GRADE_THRESHOLDS.pass_min,
        indicators=tuple(
            IndicatorInput(spec.category, spec.name, spec.max_score, spec.guidance, spec.metric)
            for spec in DEFAULT_INDICATORS
        ),
    )


def create_indicator_set(
    db: Database,
    year: int,
    *,
    copy_last_year: bool = False,
    data: IndicatorSetInput | None = None,
) -> int:
    """Create ``year``'s system: ``data`` as edited, else a copy of the latest earlier year's
    (``copy_last_year``), else the default."""
    if not 2000 <= year <= 2100:
        raise ValidationError.single("year", t("年份不正确", "The year is not valid"))
    with db.write() as s:
        if _set_for_year(s, year) is not None:
            raise ConflictError(
                t(f"{year} 年已有标准体系", f"{year} already has an indicator system")
            )
        given = data
        data = default_set_input(year)
        source_year: int | None = None
        if given is not None:
            data = given
        elif copy_last_year:
            source = s.scalars(
                select(IndicatorSet)
                .where(IndicatorSet.year < year)
                .order_by(IndicatorSet.year.desc())
                .limit(1)
            ).one_or_none()
            if source is None:
                raise NotFoundError(
                    t(
                        f"{year} 年以前没有标准体系可以复制",
                        f"There is no indicator system before {year} to copy",
                    )
                )
            source_year = source.year
            old = _set_view(s, source).as_input()
            name = old.name.replace(str(source.year), str(year))
            if name == old.name:
                name = data.name
            data = IndicatorSetInput(
                name=name,
                excellent_min=old.excellent_min,
                good_min=old.good_min,
                pass_min=old.pass_min,
                indicators=tuple(
                    IndicatorInput(i.category, i.name, i.max_score, i.guidance, i.metric)
                    for i in old.indicators
                ),
            )
        validate_set(data)
        iset = IndicatorSet(
            year=year,
            name=data.name.strip(),
            excellent_min=data.excellent_min,
            good_min=data.good_min,
            pass_min=data.pass_min,
        )
        iset.indicators = [_new_indicator(ind, seq) for seq, ind in enumerate(data.indicators, 1)]
        s.add(iset)
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            iset,
            summary=t(
                f"新建 {year} 年标准体系" + (f"(复制 {source_year} 年)" if source_year else ""),
                f"Created the {year} indicator system"
                + (f" (copy of {source_year})" if source_year else ""),
            ),
            after=_set_facts(iset),
        )
        return iset.id


def _new_indicator(ind: IndicatorInput, seq: int) -> Indicator:
    return Indicator(
        seq=seq,
        category=ind.category.strip(),
        name=ind.name.strip(),
        max_score=float(ind.max_score),
        guidance=strip_or_none(ind.guidance),
        metric=ind.metric or None,
    )


def update_indicator_set(db: Database, set_id: int, data: IndicatorSetInput) -> None:
    """Replace the name, thresholds and indicators; recompute draft assessments' grades.

    Refused while any assessment of the set is finished (reopen it first), when an indicator
    that has scores would be removed, or when a maximum falls below a score already given.
    """
    validate_set(data)
    with db.write() as s:
        iset = s.get(IndicatorSet, set_id)
        if iset is None:
            raise NotFoundError(t("找不到该标准体系", "The indicator system was not found"))
        finished = s.scalar(
            select(func.count(Assessment.id)).where(
                Assessment.set_id == set_id, Assessment.status == AssessmentStatus.FINISHED
            )
        )
        if finished:
            raise AssessmentLockedError(
                t(
                    f"{iset.year} 年已有 {finished} 个共同体完成考核,标准体系已锁定;"
                    "如需修改,请先重新打开这些考核。",
                    f"{finished} assessments of {iset.year} are finished, so the system is "
                    "locked; reopen them before changing it.",
                )
            )
        before = _set_facts(iset)
        existing = {i.id: i for i in iset.indicators}
        kept_ids = {ind.id for ind in data.indicators if ind.id is not None}
        max_given: dict[int, float] = {
            int(iid): float(top)
            for iid, top in s.execute(
                select(Score.indicator_id, func.max(Score.score))
                .join(Assessment, Assessment.id == Score.assessment_id)
                .where(Assessment.set_id == set_id)
                .group_by(Score.indicator_id)
            )
        }
        errors: list[FieldError] = []
        for iid, old in existing.items():
            if iid not in kept_ids and iid in max_given:
                errors.append(
                    FieldError(
                        "indicators",
                        t(
                            f"指标「{old.name}」已有评分,不能删除",
                            f"Indicator '{old.name}' has scores and cannot be removed",
                        ),
                    )
                )
        for i, ind in enumerate(data.indicators, start=1):
            if ind.id is not None and ind.id not in existing:
                raise NotFoundError(t("指标已不存在", "An indicator no longer exists"))
            highest = max_given.get(ind.id) if ind.id is not None else None
            if highest is not None and ind.max_score < highest:
                errors.append(
                    FieldError(
                        f"indicators[{i}].max_score",
                        t(
                            f"指标「{ind.name}」已有 {highest:g} 分的评分,满分不能低于它",
                            f"Indicator '{ind.name}' already has a score of {highest:g}; "
                            "its maximum cannot be lower",
                        ),
                    )
                )
        if errors:
            raise ValidationError(errors)
        iset.name = data.name.strip()
        iset.excellent_min = data.excellent_min
        iset.good_min = data.good_min
        iset.pass_min = data.pass_min
        for iid, old in existing.items():
            if iid not in kept_ids:
                iset.indicators.remove(old)
        for seq, ind in enumerate(data.indicators, start=1):
            if ind.id is None:
                iset.indicators.append(_new_indicator(ind, seq))
                continue
            row = existing[ind.id]
            row.seq = seq
            row.category = ind.category.strip()
            row.name = ind.name.strip()
            row.max_score = float(ind.max_score)
            row.guidance = strip_or_none(ind.guidance)
            row.metric = ind.metric or None
        s.flush()
        thresholds = thresholds_of(iset)
        for assessment in s.scalars(select(Assessment).where(Assessment.set_id == set_id)):
            totals = compute_totals((sc.score for sc in assessment.scores), thresholds)
            assessment.total, assessment.grade = totals.total, totals.grade
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            iset,
            summary=t(f"修改 {iset.year} 年标准体系", f"Edited the {iset.year} indicator system"),
            before=before,
            after=_set_facts(iset),
        )


# -- scoring -------------------------------------------------------------------------------
def _load_assessment(s: Session, assessment_id: int) -> Assessment:
    assessment = s.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFoundError(
            t(
                "找不到该考核记录,可能已被删除。",
                "The assessment was not found; it may have been deleted.",
            )
        )
    return assessment


def _indicators_of(s: Session, set_id: int) -> list[Indicator]:
    """The indicators of one set in their printed order."""
    stmt = select(Indicator).where(Indicator.set_id == set_id).order_by(Indicator.seq, Indicator.id)
    return list(s.scalars(stmt))


def _check_unlocked(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.FINISHED:
        raise AssessmentLockedError(
            t(
                f"「{assessment.community.name}」的考核已完成并锁定,不能修改;"
                "如确需修改,请先「重新打开」并说明原因。",
                f"The assessment of '{assessment.community.name}' is finished and locked; "
                "reopen it (giving a reason) before changing it.",
            )
        )


def unassessed_communities(db: Database, year: int, town: str | None = None) -> list[Choice]:
    """Communities not revoked and not yet assessed in ``year`` (to start scoring)."""
    assessed = (
        select(Assessment.community_id)
        .join(IndicatorSet, IndicatorSet.id == Assessment.set_id)
        .where(IndicatorSet.year == year)
    )
    stmt = select(Community.id, Community.name).where(
        Community.status != CommunityStatus.REVOKED, Community.id.not_in(assessed)
    )
    if town:
        stmt = stmt.where(Community.id.in_(town_community_ids(town)))
    with db.read() as s:
        return [Choice(r.id, r.name) for r in s.execute(stmt.order_by(Community.name))]


def start_assessment(db: Database, community_id: int, year: int) -> int:
    """Open a draft assessment of the community in ``year`` (the existing one if any)."""
    with db.write() as s:
        iset = _set_for_year(s, year)
        if iset is None:
            raise NotFoundError(
                t(
                    f"{year} 年还没有标准体系,请先新建标准体系。",
                    f"{year} has no indicator system yet; create one first.",
                )
            )
        community = s.get(Community, community_id)
        if community is None:
            raise NotFoundError(t("该党建共同体已不存在", "The community no longer exists"))
        found = s.scalar(
            select(Assessment.id).where(
                Assessment.set_id == iset.id, Assessment.community_id == community_id
            )
        )
        if found is not None:
            return int(found)
        if community.status == CommunityStatus.REVOKED:
            raise ConflictError(
                t(
                    f"「{community.name}」已撤销,不再考核",
                    f"'{community.name}' is revoked and is not assessed",
                )
            )
        grade = grade_for(0, thresholds_of(iset))
        assessment = Assessment(
            set_id=iset.id,
            community_id=community_id,
            status=AssessmentStatus.DRAFT,
            total=0,
            grade=grade,
            outcome=AssessmentOutcome.NONE,
            award_cents=0,
        )
        s.add(assessment)
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            assessment,
            summary=t(
                f"开始 {year} 年考核:{community.name}",
                f"Started the {year} assessment of {community.name}",
            ),
            after=audit.snapshot(assessment),
        )
        return assessment.id


def _sheets(
    s: Session, assessments: Sequence[Assessment], *, today: date | None
) -> list[ScoringSheet]:
    if not assessments:
        return []
    set_ids = {a.set_id for a in assessments}
    indicators: dict[int, list[Indicator]] = {sid: [] for sid in set_ids}
    for ind in s.scalars(
        select(Indicator).where(Indicator.set_id.in_(set_ids)).order_by(Indicator.seq, Indicator.id)
    ):
        indicators[ind.set_id].append(ind)
    ids = [a.id for a in assessments]
    scores: dict[int, dict[int, Score]] = {aid: {} for aid in ids}
    for i in range(0, len(ids), 500):
        for sc in s.scalars(select(Score).where(Score.assessment_id.in_(ids[i : i + 500]))):
            scores[sc.assessment_id][sc.indicator_id] = sc
    sets = {
        iset.id: iset
        for iset in s.scalars(select(IndicatorSet).where(IndicatorSet.id.in_(set_ids)))
    }
    communities = {
        c.id: c
        for c in s.scalars(
            select(Community).where(Community.id.in_({a.community_id for a in assessments}))
        )
    }
    by_year: dict[int, list[int]] = {}
    for a in assessments:
        by_year.setdefault(sets[a.set_id].year, []).append(a.community_id)
    figures = {
        year: figures_in_session(s, year, cids, today=today) for year, cids in by_year.items()
    }
    out = []
    for a in assessments:
        iset = sets[a.set_id]
        community = communities[a.community_id]
        known = figures[iset.year][a.community_id]
        given = scores[a.id]
        out.append(
            ScoringSheet(
                id=a.id,
                uuid=a.uuid,
                community_id=a.community_id,
                community_name=community.name,
                community_status=community.status,
                year=iset.year,
                set_id=iset.id,
                set_name=iset.name,
                thresholds=thresholds_of(iset),
                status=a.status,
                total=float(a.total or 0),
                grade=a.grade,
                feedback=a.feedback,
                outcome=a.outcome,
                award_cents=int(a.award_cents or 0),
                rectify_reasons=a.rectify_reasons,
                assessor=a.assessor,
                finished_at=a.finished_at,
                rows=tuple(
                    ScoringRow(
                        indicator_id=ind.id,
                        category=ind.category,
                        name=ind.name,
                        max_score=ind.max_score,
                        guidance=ind.guidance,
                        metric=ind.metric,
                        figure=known.get(ind.metric) if ind.metric else None,
                        score=given[ind.id].score if ind.id in given else None,
                        remark=given[ind.id].remark if ind.id in given else None,
                    )
                    for ind in indicators[a.set_id]
                ),
            )
        )
    return out


def get_scoring_sheet(
    db: Database, assessment_id: int, *, today: date | None = None
) -> ScoringSheet:
    """One assessment with its indicators, scores and the supporting figures."""
    with db.read() as s:
        return _sheets(s, [_load_assessment(s, assessment_id)], today=today)[0]


def scoring_sheets(
    db: Database, year: int, town: str | None = None, *, today: date | None = None
) -> list[ScoringSheet]:
    """Every assessment of ``year`` (in ``town``), highest total first, then by name."""
    stmt = _filtered(select(Assessment).select_from(Assessment), year, town, "").order_by(
        Assessment.total.desc(), Community.name, Assessment.id
    )
    with db.read() as s:
        return _sheets(s, list(s.scalars(stmt)), today=today)


def save_scores(db: Database, assessment_id: int, data: ScoresInput) -> Totals:
    """Store scores (each 0..max of its indicator) and feedback; recompute total and grade."""
    with db.write() as s:
        assessment = _load_assessment(s, assessment_id)
        _check_unlocked(assessment)
        indicators = {
            i.id: i
            for i in s.scalars(select(Indicator).where(Indicator.set_id == assessment.set_id))
        }
        errors: list[FieldError] = []
        for iid, value in data.scores.items():
            ind = indicators.get(iid)
            if ind is None:
                raise NotFoundError(t("指标已不存在", "An indicator no longer exists"))
            if value is None:
                continue
            if not 0 <= value <= ind.max_score:  # NaN fails this too
                errors.append(
                    FieldError(
                        score_field(iid),
                        t(
                            f"「{ind.name}」的得分须在 0 到 {ind.max_score:g} 之间",
                            f"The score of '{ind.name}' must be between 0 and {ind.max_score:g}",
                        ),
                    )
                )
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(
            assessment, scores={str(sc.indicator_id): sc.score for sc in assessment.scores}
        )
        current = {sc.indicator_id: sc for sc in assessment.scores}
        for iid, value in data.scores.items():
            remark = strip_or_none(data.remarks.get(iid)) if iid in data.remarks else None
            sc = current.get(iid)
            if value is None:
                if sc is not None:
                    assessment.scores.remove(sc)
                continue
            if sc is None:
                assessment.scores.append(
                    Score(indicator_id=iid, score=round(float(value), 2), remark=remark)
                )
            else:
                sc.score = round(float(value), 2)
                if iid in data.remarks:
                    sc.remark = remark
        assessment.feedback = strip_or_none(data.feedback)
        s.flush()
        totals = compute_totals(
            (sc.score for sc in assessment.scores), thresholds_of(assessment.indicator_set)
        )
        assessment.total, assessment.grade = totals.total, totals.grade
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            assessment,
            summary=t(
                f"考核评分:{assessment.community.name} 合计 {totals.total:g} 分",
                f"Scored {assessment.community.name}: total {totals.total:g}",
            ),
            before=before,
            after=audit.snapshot(
                assessment, scores={str(sc.indicator_id): sc.score for sc in assessment.scores}
            ),
        )
        return totals


def yuan_to_cents(value: str | float | Decimal) -> int:
    """A yuan amount (up to two decimals) in fen; :class:`ValidationError` on ``award``."""
    try:
        amount = Decimal(str(value).replace(",", "").strip() or "0")
    except InvalidOperation:
        raise ValidationError.single(
            "award", t("奖补金额不是有效的数字", "The award is not a valid amount")
        ) from None
    if not amount.is_finite() or amount < 0 or amount > Decimal("100000000"):
        raise ValidationError.single(
            "award",
            t("奖补金额须在 0 到 1 亿元之间", "The award must be between 0 and 100 million yuan"),
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError.single(
            "award", t("奖补金额最多保留两位小数(分)", "The award has at most two decimals")
        )
    return int(amount * 100)


def set_outcome(
    db: Database,
    assessment_id: int,
    outcome: AssessmentOutcome,
    *,
    award_yuan: str | float | Decimal = 0,
    reasons: str | None = None,
    on: date | None = None,
) -> None:
    """示范点 with its 奖补 amount, 规范整顿 with reasons, or no outcome.

    Marking for 整顿 also moves a running community to 整顿中 through the lifecycle
    procedure (``communities.apply_lifecycle``), dated ``on`` (today by default).
    """
    award_cents = yuan_to_cents(award_yuan) if outcome == AssessmentOutcome.DEMONSTRATION else 0
    clean_reasons = strip_or_none(reasons) if outcome == AssessmentOutcome.RECTIFY else None
    if outcome == AssessmentOutcome.RECTIFY and clean_reasons is None:
        raise ValidationError.single(
            "reasons", t("请填写整顿原因", "Enter the reasons for rectification")
        )
    with db.read() as s:
        assessment = _load_assessment(s, assessment_id)
        _check_unlocked(assessment)
        community_id = assessment.community_id
        community_status = assessment.community.status
        if outcome == AssessmentOutcome.DEMONSTRATION and assessment.grade == Grade.FAIL:
            raise ValidationError.single(
                "outcome",
                t(
                    "考核不合格的共同体不能评为示范点",
                    "A community graded Fail cannot be a demonstration site",
                ),
            )
    if outcome == AssessmentOutcome.RECTIFY and community_status != CommunityStatus.RECTIFYING:
        # Its own transaction, audited there; refused (clearly) unless the community runs.
        communities.apply_lifecycle(
            db, community_id, LifecycleAction.RECTIFY, on or date.today(), clean_reasons
        )
    with db.write() as s:
        assessment = _load_assessment(s, assessment_id)
        _check_unlocked(assessment)
        before = audit.snapshot(assessment)
        assessment.outcome = outcome
        assessment.award_cents = award_cents
        assessment.rectify_reasons = clean_reasons
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            assessment,
            summary=t(
                f"考核结果:{assessment.community.name} {outcome.zh}",
                f"Assessment outcome of {assessment.community.name}: {outcome.en}",
            ),
            before=before,
            after=audit.snapshot(assessment),
        )


def finish_assessment(db: Database, assessment_id: int) -> Totals:
    """Lock the assessment; every indicator must be scored first."""
    with db.write() as s:
        assessment = _load_assessment(s, assessment_id)
        _check_unlocked(assessment)
        scored = {sc.indicator_id for sc in assessment.scores}
        missing = [i for i in _indicators_of(s, assessment.set_id) if i.id not in scored]
        if missing:
            raise ValidationError(
                [
                    FieldError(
                        score_field(i.id),
                        t(f"「{i.name}」尚未评分", f"'{i.name}' is not scored yet"),
                    )
                    for i in missing
                ]
            )
        before = audit.snapshot(assessment)
        totals = compute_totals(
            (sc.score for sc in assessment.scores), thresholds_of(assessment.indicator_set)
        )
        assessment.total, assessment.grade = totals.total, totals.grade
        assessment.status = AssessmentStatus.FINISHED
        assessment.finished_at = datetime.now(UTC)
        assessment.assessor = db.actor
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            assessment,
            summary=t(
                f"完成考核:{assessment.community.name} {totals.total:g} 分 {totals.grade.zh}",
                f"Finished the assessment of {assessment.community.name}: "
                f"{totals.total:g}, {totals.grade.en}",
            ),
            before=before,
            after=audit.snapshot(assessment),
        )
        return totals


def reopen_assessment(db: Database, assessment_id: int, reason: str) -> None:
    """Unlock a finished assessment; who, when and why go to the audit log."""
    why = strip_or_none(reason)
    if why is None:
        raise ValidationError.single(
            "reason", t("请说明重新打开的原因", "Give the reason for reopening")
        )
    with db.write() as s:
        assessment = _load_assessment(s, assessment_id)
        if assessment.status != AssessmentStatus.FINISHED:
            raise ConflictError(
                t(
                    "该考核尚未完成,无需重新打开",
                    "The assessment is not finished; nothing to reopen",
                )
            )
        before = audit.snapshot(assessment)
        assessment.status = AssessmentStatus.DRAFT
        assessment.finished_at = None
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            assessment,
            summary=t(
                f"重新打开考核:{assessment.community.name},原因:{why}",
                f"Reopened the assessment of {assessment.community.name}: {why}",
            ),
            before=before,
            after=audit.snapshot(assessment, reopen_reason=why),
        )
