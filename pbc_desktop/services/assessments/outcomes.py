"""The outcome of a year-end assessment (示范点 with an award, 整改, …), finishing it (which
locks it) and reopening it with a reason.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import (
    AssessmentOutcome,
    AssessmentStatus,
    CommunityStatus,
    Grade,
    LifecycleAction,
)
from pbc_desktop.domain.money import MoneyError, parse_yuan
from pbc_desktop.domain.validation import clean_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, communities, versions
from pbc_desktop.services.assessments.common import (
    Totals,
    check_demonstration,
    check_unlocked,
    compute_totals,
    indicators_of,
    load_assessment,
    score_field,
    thresholds_of,
)
from pbc_desktop.services.permissions import require


def yuan_to_cents(value: str | float | Decimal) -> int:
    """A yuan amount (up to two decimals) in fen, blank for none; :class:`ValidationError`
    on ``award``. A typed text is read as every amount is (:func:`parse_yuan`: ``¥`` and
    ``元`` taken, a misplaced thousands comma or an exponent refused)."""
    text = value if isinstance(value, str) else format(Decimal(str(value)), "f")
    if not text.strip():
        return 0
    try:
        return parse_yuan(text, zero=True, field=("奖补金额", "award"))
    except MoneyError as exc:
        raise ValidationError.single("award", exc.message) from None


def check_outcome(
    outcome: AssessmentOutcome, award_yuan: str | float | Decimal = 0, reasons: str | None = None
) -> tuple[int, str | None]:
    """The award in fen and the reasons :func:`set_outcome` stores for ``outcome``, or its
    :class:`ValidationError` naming ``award`` or ``reasons`` (the scoring form asks first,
    so that scores are not saved beside an outcome refused)."""
    award_cents = yuan_to_cents(award_yuan) if outcome == AssessmentOutcome.DEMONSTRATION else 0
    clean_reasons = strip_or_none(reasons) if outcome == AssessmentOutcome.RECTIFY else None
    if outcome == AssessmentOutcome.RECTIFY and clean_reasons is None:
        raise ValidationError.single(
            "reasons", t("请填写整顿原因", "Enter the reasons for rectification")
        )
    problem = clean_text(clean_reasons, ("整顿原因", "reasons"), multiline=True)[1]
    if problem is not None:
        raise ValidationError.single("reasons", problem)
    return award_cents, clean_reasons


def set_outcome(
    db: Database,
    assessment_id: int,
    outcome: AssessmentOutcome,
    *,
    award_yuan: str | float | Decimal = 0,
    reasons: str | None = None,
    on: date | None = None,
    version: int | None = None,
) -> None:
    """示范点 with its 奖补 amount, 规范整顿 with reasons, or no outcome; refused when someone
    else changed the assessment since ``version`` was read (None: not checked).

    Marking for 整顿 also moves a running community to 整顿中 through the lifecycle
    procedure (``communities.apply_lifecycle_in``, in the outcome's transaction), dated
    ``on`` (today by default).
    """
    award_cents, clean_reasons = check_outcome(outcome, award_yuan, reasons)
    require(db, Permission.DISTRICT_RULES)  # 示范点 and 整顿 are the district's to decide
    # One transaction: a refused outcome leaves the community as it was (not 整顿中).
    with db.write() as s:
        assessment = load_assessment(s, assessment_id, access.of(db, s))
        check_unlocked(assessment)
        versions.check(s, assessment, version)
        if outcome == AssessmentOutcome.DEMONSTRATION and assessment.grade == Grade.FAIL:
            raise ValidationError.single(
                "outcome",
                t(
                    "考核不合格的共同体不能评为示范点",
                    "A community graded Fail cannot be a demonstration site",
                ),
            )
        if (
            outcome == AssessmentOutcome.RECTIFY
            and assessment.community.status != CommunityStatus.RECTIFYING
        ):
            # Audited in this session; refused (clearly) unless the community runs.
            communities.apply_lifecycle_in(
                db,
                s,
                assessment.community_id,
                LifecycleAction.RECTIFY,
                on or date.today(),
                remark=clean_reasons,
            )
        before = audit.snapshot(assessment)
        assessment.outcome = outcome
        check_demonstration(assessment, assessment.grade)  # scored Fail meanwhile
        assessment.award_cents = award_cents
        assessment.rectify_reasons = clean_reasons
        audit.updated(
            s,
            assessment,
            t(
                f"考核结果：{assessment.community.name} {outcome.zh}",
                f"Assessment outcome of {assessment.community.name}: {outcome.en}",
            ),
            before,
        )


def finish_assessment(db: Database, assessment_id: int) -> Totals:
    """Lock the assessment; every indicator must be scored first."""
    with db.write() as s:
        assessment = load_assessment(s, assessment_id, access.of(db, s), score=True)
        check_unlocked(assessment)
        scored = {sc.indicator_id for sc in assessment.scores}
        missing = [i for i in indicators_of(s, assessment.set_id) if i.id not in scored]
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
        audit.updated(
            s,
            assessment,
            t(
                f"完成考核：{assessment.community.name} {totals.total:g} 分 {totals.grade.zh}",
                f"Finished the assessment of {assessment.community.name}: "
                f"{totals.total:g}, {totals.grade.en}",
            ),
            before,
        )
        return totals


def reopen_assessment(db: Database, assessment_id: int, reason: str) -> None:
    """Unlock a finished assessment; who, when and why go to the audit log."""
    why = strip_or_none(reason)
    if why is None:
        raise ValidationError.single(
            "reason", t("请说明重新打开的原因", "Give the reason for reopening")
        )
    problem = clean_text(why, ("重新打开的原因", "reason"), multiline=True)[1]
    if problem is not None:
        raise ValidationError.single("reason", problem)
    with db.write() as s:
        assessment = load_assessment(s, assessment_id, access.of(db, s), score=True)
        if assessment.status != AssessmentStatus.FINISHED:
            raise ConflictError(
                t(
                    "该考核尚未完成，无需重新打开",
                    "The assessment is not finished; nothing to reopen",
                )
            )
        before = audit.snapshot(assessment)
        assessment.status = AssessmentStatus.DRAFT
        assessment.finished_at = None
        audit.updated(
            s,
            assessment,
            t(
                f"重新打开考核：{assessment.community.name}，原因：{why}",
                f"Reopened the assessment of {assessment.community.name}: {why}",
            ),
            before,
            after=audit.snapshot(assessment, reopen_reason=why),
        )
