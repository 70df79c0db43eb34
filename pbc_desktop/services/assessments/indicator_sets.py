"""The indicator systems (考核指标体系) of the year-end assessment, one per year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Assessment, Indicator, IndicatorSet, Score
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AssessmentStatus
from pbc_desktop.domain.indicators import (
    DEFAULT_GRADE_THRESHOLDS,
    DEFAULT_INDICATORS,
    METRICS,
    GradeThresholds,
    IndicatorSpec,
    is_score_precision,
    total_max_score,
)
from pbc_desktop.domain.validation import Label, clean_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit, versions
from pbc_desktop.services.assessments.common import (
    AssessmentLockedError,
    check_demonstration,
    compute_totals,
    indicators_of,
    set_for_year,
    thresholds_of,
)
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields


@dataclass(frozen=True)
class IndicatorInput(IndicatorSpec):
    id: int | None = None  # an existing indicator being edited; None: a new one


@dataclass(frozen=True)
class IndicatorSetInput:
    name: str
    excellent_min: float
    good_min: float
    pass_min: float
    indicators: tuple[IndicatorInput, ...]
    version: int | None = None  # the version the editor read; None: not checked

    @property
    def total_max(self) -> float:
        return total_max_score(self.indicators)


@dataclass(frozen=True, kw_only=True)
class IndicatorView(IndicatorSpec):
    id: int
    seq: int


@dataclass(frozen=True)
class IndicatorSetView:
    id: int
    year: int
    name: str
    thresholds: GradeThresholds
    indicators: tuple[IndicatorView, ...]
    assessments: int
    finished: int
    version: int  # the stored version, handed back by the editor (optimistic locking)

    @property
    def total_max(self) -> float:
        return total_max_score(self.indicators)

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
            indicators=tuple(from_fields(IndicatorInput, i) for i in self.indicators),
        )


def years(db: Database) -> list[int]:
    """Years with an indicator system, newest first."""
    with db.read() as s:
        return list(s.scalars(select(IndicatorSet.year).order_by(IndicatorSet.year.desc())))


def total_warning(total_max: float) -> str | None:
    """A warning (not an error) when the maximum scores do not add up to 100."""
    if abs(total_max - 100) < 1e-9:
        return None
    return t(
        f"各项满分合计为 {total_max:g} 分，不是 100 分。等次按总分划分，请确认。",
        f"The maximum scores add up to {total_max:g}, not 100. Grades go by the total; "
        "please check.",
    )


def _set_view(s: Session, iset: IndicatorSet) -> IndicatorSetView:
    counts = s.execute(
        select(
            func.count(Assessment.id),
            func.coalesce(
                func.sum(case((Assessment.status == AssessmentStatus.FINISHED, 1), else_=0)), 0
            ),
        ).where(Assessment.set_id == iset.id)
    ).one()
    indicators = indicators_of(s, iset.id)
    return IndicatorSetView(
        id=iset.id,
        year=iset.year,
        name=iset.name,
        thresholds=thresholds_of(iset),
        indicators=tuple(from_fields(IndicatorView, i) for i in indicators),
        assessments=int(counts[0]),
        finished=int(counts[1]),
        version=iset.version,
    )


def _latest_before(s: Session, year: int) -> IndicatorSet | None:
    """The most recent stored system of a year before ``year``."""
    return s.scalars(
        select(IndicatorSet)
        .where(IndicatorSet.year < year)
        .order_by(IndicatorSet.year.desc())
        .limit(1)
    ).one_or_none()


def latest_set_before(db: Database, year: int) -> IndicatorSetView | None:
    """The most recent system of a year before ``year`` (what "copy last year's" copies)."""
    with db.read() as s:
        iset = _latest_before(s, year)
        return None if iset is None else _set_view(s, iset)


def get_indicator_set(db: Database, year: int) -> IndicatorSetView | None:
    """The indicator system of ``year``, or None when that year has none yet."""
    with db.read() as s:
        iset = set_for_year(s, year)
        return None if iset is None else _set_view(s, iset)


SET_NAME_MAX = 120  # the columns' lengths
CATEGORY_MAX = 60
INDICATOR_NAME_MAX = 200
MAX_SCORE_MAX = 100  # as the editor's spin box allows


def validate_set(data: IndicatorSetInput) -> None:
    """Names required, maximum scores above 0, thresholds 0..100 with 优秀 ≥ 良好 ≥ 合格."""
    errors: list[FieldError] = []
    if not data.name.strip():
        errors.append(
            FieldError("name", t("请填写标准体系名称", "Enter the name of the indicator system"))
        )
    if not data.indicators:
        errors.append(FieldError("indicators", t("至少要有一项指标", "Add at least one indicator")))

    def text(field: str, value: str | None, label: Label, most: int | None) -> None:
        problem = clean_text(value, label, max_len=most, multiline=most is None)[1]
        if problem is not None:
            errors.append(FieldError(field, problem))

    text("name", data.name, ("标准体系名称", "name of the indicator system"), SET_NAME_MAX)
    for i, ind in enumerate(data.indicators, start=1):
        text(
            f"indicators[{i}].category",
            ind.category,
            (f"第 {i} 项指标的类别", f"category of indicator {i}"),
            CATEGORY_MAX,
        )
        text(
            f"indicators[{i}].name",
            ind.name,
            (f"第 {i} 项指标的名称", f"name of indicator {i}"),
            INDICATOR_NAME_MAX,
        )
        text(
            f"indicators[{i}].guidance",
            ind.guidance,
            (f"第 {i} 项指标的评分说明", f"guidance of indicator {i}"),
            None,
        )
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
        if not 0 < ind.max_score <= MAX_SCORE_MAX:  # NaN and infinity fail this too
            errors.append(
                FieldError(
                    f"indicators[{i}].max_score",
                    t(
                        f"第 {i} 项指标「{ind.name}」的满分须大于 0 且不超过 {MAX_SCORE_MAX}",
                        f"The maximum score of indicator {i} ({ind.name}) must be above 0 "
                        f"and at most {MAX_SCORE_MAX}",
                    ),
                )
            )
        elif not is_score_precision(ind.max_score):
            errors.append(
                FieldError(
                    f"indicators[{i}].max_score",
                    t(
                        f"第 {i} 项指标「{ind.name}」的满分最多保留一位小数",
                        f"The maximum score of indicator {i} ({ind.name}) takes one decimal "
                        "at most",
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
        indicators=tuple(from_fields(IndicatorInput, spec, id=None) for spec in DEFAULT_INDICATORS),
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
    require(db, Permission.DISTRICT_RULES)
    with db.write() as s:
        lock_groups(s, [("indicator_set", year)])  # two creating one year's at once
        if set_for_year(s, year) is not None:
            raise ConflictError(
                t(f"{year} 年已有标准体系", f"{year} already has an indicator system")
            )
        given = data
        data = default_set_input(year)
        source_year: int | None = None
        if given is not None:
            data = given
        elif copy_last_year:
            source = _latest_before(s, year)
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
                indicators=tuple(from_fields(IndicatorInput, i, id=None) for i in old.indicators),
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
        audit.created(
            s,
            iset,
            t(
                f"新建 {year} 年标准体系" + (f"（复制 {source_year} 年）" if source_year else ""),
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
    require(db, Permission.DISTRICT_RULES)  # first: an account that may not is told so
    validate_set(data)
    with db.write() as s:
        iset = s.get(IndicatorSet, set_id)
        if iset is None:
            raise NotFoundError(t("找不到该标准体系", "The indicator system was not found"))
        versions.check(s, iset, data.version)
        finished = s.scalar(
            select(func.count(Assessment.id)).where(
                Assessment.set_id == set_id, Assessment.status == AssessmentStatus.FINISHED
            )
        )
        if finished:
            raise AssessmentLockedError(
                t(
                    f"{iset.year} 年已有 {finished} 个共同体完成考核，标准体系已锁定；"
                    "如需修改，请先重新打开这些考核。",
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
                            f"指标「{old.name}」已有评分，不能删除",
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
                            f"指标「{ind.name}」已有 {highest:g} 分的评分，满分不能低于它",
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
            check_demonstration(assessment, totals.grade)
            assessment.total, assessment.grade = totals.total, totals.grade
        audit.updated(
            s,
            iset,
            t(f"修改 {iset.year} 年标准体系", f"Edited the {iset.year} indicator system"),
            before,
            after=_set_facts(iset),
        )
