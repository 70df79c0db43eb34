"""Scoring a community's year-end assessment: start it, read its scoring sheet with the
figures on record, save the scores (a draft until it is finished).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Assessment, Community, Indicator, IndicatorSet, Score
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import (
    AssessmentOutcome,
    AssessmentStatus,
    CommunityStatus,
)
from pbc_desktop.domain.indicators import (
    SCORE_DECIMALS,
    GradeThresholds,
    IndicatorSpec,
    grade_for,
    is_score_precision,
    total_max_score,
)
from pbc_desktop.domain.validation import clean_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.assessments.common import (
    Totals,
    check_demonstration,
    check_scorer,
    check_unlocked,
    compute_totals,
    filter_assessments,
    load_assessment,
    score_field,
    set_for_year,
    thresholds_of,
)
from pbc_desktop.services.assessments.results import AssessmentRow
from pbc_desktop.services.community_figures import figures_in_session
from pbc_desktop.services.scope import (
    Choice,
    chunks,
    from_fields,
    town_community_ids,
)


@dataclass(frozen=True, kw_only=True)
class ScoringRow(IndicatorSpec):
    indicator_id: int
    figure: float | None  # the supporting figure the app knows, None without a metric
    score: float | None  # None: not scored yet
    remark: str | None


@dataclass(frozen=True)
class ScoringSheet(AssessmentRow):
    """Everything the scoring form and the report show of one assessment: its row in the
    results, and the rest."""

    uuid: str
    community_status: CommunityStatus
    set_id: int
    set_name: str
    thresholds: GradeThresholds
    feedback: str | None
    rectify_reasons: str | None
    assessor: str | None
    finished_at: datetime | None
    rows: tuple[ScoringRow, ...]
    version: int  # the assessment's stored version, handed back with the scores

    @property
    def locked(self) -> bool:
        return self.status == AssessmentStatus.FINISHED

    @property
    def max_total(self) -> float:
        return total_max_score(self.rows)

    @property
    def unscored(self) -> tuple[ScoringRow, ...]:
        return tuple(r for r in self.rows if r.score is None)


@dataclass(frozen=True)
class ScoresInput:
    """New scores by indicator id (None clears one), feedback and optional remarks."""

    scores: Mapping[int, float | None]
    feedback: str | None = None
    remarks: Mapping[int, str | None] = field(default_factory=dict)
    #: the assessment's version the scorer read (``ScoringSheet.version``); None: unchecked
    version: int | None = None


def unassessed_communities(db: Database, year: int, town: str | None = None) -> list[Choice]:
    """Communities not revoked, founded by ``year`` and not yet assessed in it (to start
    scoring)."""
    assessed = (
        select(Assessment.community_id)
        .join(IndicatorSet, IndicatorSet.id == Assessment.set_id)
        .where(IndicatorSet.year == year)
    )
    stmt = select(Community.id, Community.name).where(
        Community.status != CommunityStatus.REVOKED,
        Community.id.not_in(assessed),
        or_(Community.founded_on.is_(None), Community.founded_on < date(year + 1, 1, 1)),
    )
    if town:
        stmt = stmt.where(Community.id.in_(town_community_ids(town)))
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).communities(Community.id))
        return [Choice(r.id, r.name) for r in s.execute(stmt.order_by(Community.name_sort))]


def start_refusal(db: Database, community_id: int | None = None) -> str | None:
    """Why the acting account may not start scoring the community ``community_id`` (None:
    any community), or None when it may."""

    def check(s: Session, acc: access.Access) -> None:
        if community_id is None:
            acc.require(Permission.SCORE)
            return
        community = s.get(Community, community_id)
        if community is None or not acc.sees_community(s, community_id):
            raise NotFoundError(t("该党建共同体已不存在", "The community no longer exists"))
        check_scorer(acc, community.lead_org_id)

    return access.refusal(db, check)


def change_refusal(db: Database, assessment_id: int) -> str | None:
    """Why the acting account may not score, finish or reopen the assessment
    ``assessment_id`` (a community another town leads), or None when it may."""
    return access.refusal(db, lambda s, acc: load_assessment(s, assessment_id, acc, score=True))


def start_assessment(db: Database, community_id: int, year: int) -> int:
    """Open a draft assessment of the community in ``year`` (the existing one if any)."""
    with db.write() as s:
        iset = set_for_year(s, year)
        if iset is None:
            raise NotFoundError(
                t(
                    f"{year} 年还没有标准体系，请先新建标准体系。",
                    f"{year} has no indicator system yet; create one first.",
                )
            )
        acc = access.of(db, s)
        community = s.get(Community, community_id)
        if community is None or not acc.sees_community(s, community_id):
            raise NotFoundError(t("该党建共同体已不存在", "The community no longer exists"))
        check_scorer(acc, community.lead_org_id)
        lock_groups(s, [("assessment", iset.id, community_id)])  # two starting it at once
        found = s.scalar(
            select(Assessment.id).where(
                Assessment.set_id == iset.id, Assessment.community_id == community_id
            )
        )
        if found is not None:
            return int(found)
        if community.founded_on is not None and community.founded_on.year > year:
            raise ConflictError(
                t(
                    f"「{community.name}」成立于{community.founded_on.year}年，"
                    f"不参加{year}年度考核",
                    f"'{community.name}' was founded in {community.founded_on.year} "
                    f"and is not assessed for {year}",
                )
            )
        if community.status == CommunityStatus.REVOKED:
            raise ConflictError(
                t(
                    f"「{community.name}」已撤销，不再考核",
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
        audit.created(
            s,
            assessment,
            t(
                f"开始 {year} 年考核：{community.name}",
                f"Started the {year} assessment of {community.name}",
            ),
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
    for chunk in chunks(ids):
        for sc in s.scalars(select(Score).where(Score.assessment_id.in_(chunk))):
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
            from_fields(
                ScoringSheet,
                a,
                community_name=community.name,
                community_status=community.status,
                year=iset.year,
                set_id=iset.id,
                set_name=iset.name,
                thresholds=thresholds_of(iset),
                total=float(a.total or 0),
                award_cents=int(a.award_cents or 0),
                rows=tuple(
                    from_fields(
                        ScoringRow,
                        ind,
                        indicator_id=ind.id,
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
        return _sheets(s, [load_assessment(s, assessment_id, access.of(db, s))], today=today)[0]


def scoring_sheets(
    db: Database, year: int, town: str | None = None, *, today: date | None = None
) -> list[ScoringSheet]:
    """Every assessment of ``year`` (in ``town``), highest total first, then by name."""
    with db.read() as s:
        stmt = filter_assessments(
            select(Assessment).select_from(Assessment), year, town, "", access.of(db, s)
        ).order_by(Assessment.total.desc(), Community.name_sort, Assessment.id)
        return _sheets(s, list(s.scalars(stmt)), today=today)


def save_scores(db: Database, assessment_id: int, data: ScoresInput) -> Totals:
    """Store scores (each 0..max of its indicator) and feedback; recompute total and grade.
    Refused when someone else changed the assessment since ``data.version`` was read."""
    with db.write() as s:
        assessment = load_assessment(s, assessment_id, access.of(db, s), score=True)
        check_unlocked(assessment)
        versions.check(s, assessment, data.version)
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
            elif not is_score_precision(value):
                errors.append(
                    FieldError(
                        score_field(iid),
                        t(
                            f"「{ind.name}」的得分最多保留一位小数",
                            f"The score of '{ind.name}' takes one decimal at most",
                        ),
                    )
                )
        problem = clean_text(data.feedback, ("考核反馈", "feedback"), multiline=True)[1]
        if problem is not None:
            errors.append(FieldError("feedback", problem))
        for iid, remark in data.remarks.items():
            problem = clean_text(remark, ("评分备注", "score remark"), multiline=True)[1]
            if problem is not None:
                errors.append(FieldError(score_field(iid), problem))
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
                    Score(
                        indicator_id=iid, score=round(float(value), SCORE_DECIMALS), remark=remark
                    )
                )
            else:
                sc.score = round(float(value), SCORE_DECIMALS)
                if iid in data.remarks:
                    sc.remark = remark
        assessment.feedback = strip_or_none(data.feedback)
        s.flush()
        totals = compute_totals(
            (sc.score for sc in assessment.scores), thresholds_of(assessment.indicator_set)
        )
        check_demonstration(assessment, totals.grade)
        assessment.total, assessment.grade = totals.total, totals.grade
        audit.updated(
            s,
            assessment,
            t(
                f"考核评分：{assessment.community.name} 合计 {totals.total:g} 分",
                f"Scored {assessment.community.name}: total {totals.total:g}",
            ),
            before,
            after=audit.snapshot(
                assessment, scores={str(sc.indicator_id): sc.score for sc in assessment.scores}
            ),
        )
        return totals
