"""Indicator sets and last year's assessment (年底考核) of the running communities, with
the demonstration sites and the communities sent to rectification."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pbc_desktop.db.models import Assessment, Indicator, IndicatorSet, Score
from pbc_desktop.domain.enums import (
    AssessmentOutcome,
    AssessmentStatus,
    LifecycleAction,
)
from pbc_desktop.domain.indicators import DEFAULT_GRADE_THRESHOLDS, DEFAULT_INDICATORS, grade_for
from pbc_desktop.services.demo import communities, data
from pbc_desktop.services.demo.district import CommunityInfo, District, Row


def _indicator_set(gen: District, year: int) -> tuple[int, list[tuple[int, float]]]:
    set_id = gen.add(
        IndicatorSet,
        year=year,
        name=f"{year}年度党建共同体标准体系",
        excellent_min=DEFAULT_GRADE_THRESHOLDS.excellent_min,
        good_min=DEFAULT_GRADE_THRESHOLDS.good_min,
        pass_min=DEFAULT_GRADE_THRESHOLDS.pass_min,
    )
    indicators = []
    for seq, spec in enumerate(DEFAULT_INDICATORS, start=1):
        iid = gen.add(
            Indicator,
            set_id=set_id,
            seq=seq,
            category=spec.category,
            name=spec.name,
            max_score=spec.max_score,
            guidance=spec.guidance,
            metric=spec.metric,
        )
        indicators.append((iid, spec.max_score))
    return set_id, indicators


def add_assessments(gen: District) -> None:
    rng = gen.rng
    years = gen.skip.get("indicator_set", set())
    if str(gen.last_year) in years:
        return
    set_id, indicators = _indicator_set(gen, gen.last_year)
    if str(gen.this_year) not in years:
        _indicator_set(gen, gen.this_year)
    finished = datetime(gen.last_year, 12, 28, 2, 0, tzinfo=UTC)
    assessed: list[tuple[float, CommunityInfo, Row]] = []
    for c in gen.communities:
        if not c.running:
            continue
        quality = rng.uniform(0.42, 0.55) if c.rectify else rng.uniform(0.66, 0.99)
        scores = []
        for _iid, max_score in indicators:
            factor = min(1.0, max(0.2, quality + rng.uniform(-0.08, 0.08)))
            scores.append(round(max_score * factor * 2) / 2)
        total = round(sum(scores), 1)
        grade = grade_for(total)
        aid = gen.add(
            Assessment,
            set_id=set_id,
            community_id=c.id,
            status=AssessmentStatus.FINISHED,
            total=total,
            grade=grade,
            feedback=data.ASSESSMENT_FEEDBACK[grade.value],
            outcome=AssessmentOutcome.NONE,
            award_cents=0,
            rectify_reasons=None,
            finished_at=finished,
            assessor=gen.staff[1],
        )
        assessed.append((total, c, gen.rows["assessment"][-1]))
        for (iid, _max), score in zip(indicators, scores, strict=True):
            gen.add(Score, assessment_id=aid, indicator_id=iid, score=score, remark=None)
    assessed.sort(key=lambda a: (-a[0], a[1].id))
    demo_sites = [a for a in assessed if a[0] >= DEFAULT_GRADE_THRESHOLDS.excellent_min]
    for _total, _c, row in demo_sites[: max(2, len(assessed) // 12)]:
        row["outcome"] = AssessmentOutcome.DEMONSTRATION
        row["award_cents"] = rng.choice((2_000_000, 3_000_000, 5_000_000))
    rectify_on = min(date(gen.this_year, 1, 10), gen.today)
    for _total, c, row in assessed:
        if c.rectify:
            row["outcome"] = AssessmentOutcome.RECTIFY
            row["rectify_reasons"] = data.RECTIFY_REASONS
            communities.take_step(
                gen,
                c,
                LifecycleAction.RECTIFY,
                on=rectify_on,
                who=gen.staff[1],
                remark="年底考核作用发挥不明显，责令规范整顿",
            )
