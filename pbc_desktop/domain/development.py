"""发展党员: the stages before membership, their dated steps and the rules between them.

A person goes 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员 (or their 预备期 is
cancelled). Each stage has steps that are dated when they happen (谈话, 培养考察, 政审 …);
the rules here say which step may be taken when, and which step a person is due for next
and by when. Pure functions over :class:`Progress`, the facts of one person's record: the
services hand them what is stored and write what they allow.

The rules (中国共产党发展党员工作细则):

* an applicant is at least 18 years old when the application is handed in;
* the organization talks with the applicant within one month of the application;
* an activist is reviewed (培养考察) every half year, and becomes a 发展对象 only after at
  least one year as an activist;
* a 发展对象 is admitted only after the 政治审查, the 集中培训 and the 公示;
* the 预备期 is one year from the branch meeting that admitted them; it may be extended
  once, by 6 to 12 months, or cancelled; a 预备党员 is reviewed every half year and is
  confirmed (转正) when the 预备期 has ended, not before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.domain.months import add_months
from pbc_desktop.lang import t

MIN_AGE = 18
TALK_WITHIN_MONTHS = 1
REVIEW_EVERY_MONTHS = 6
ACTIVIST_MIN_MONTHS = 12
PROBATION_MONTHS = 12
EXTENSION_MONTHS = (6, 12)  # the shortest and longest extension of the 预备期
#: a step is "due" in the lists this many days before its deadline
DUE_SOON_DAYS = 30


class DevelopmentStage(LabeledEnum):
    APPLICANT = "applicant", "入党申请人", "Applicant"
    ACTIVIST = "activist", "入党积极分子", "Activist"
    CANDIDATE = "candidate", "发展对象", "Candidate for admission"
    PROBATIONARY = "probationary", "预备党员", "Probationary member"
    FULL = "full", "正式党员", "Full member"
    CANCELLED = "cancelled", "已取消预备党员资格", "Probation cancelled"


#: stages still in the pipeline (someone has a next step)
OPEN_STAGES = (
    DevelopmentStage.APPLICANT,
    DevelopmentStage.ACTIVIST,
    DevelopmentStage.CANDIDATE,
    DevelopmentStage.PROBATIONARY,
)


class DevelopmentStep(LabeledEnum):
    APPLICATION = "application", "递交入党申请书", "Application handed in"
    TALK = "talk", "谈话", "Talk with the applicant"
    ACTIVIST = "activist", "确定入党积极分子", "Named an activist"
    SPONSORS = "sponsors", "指定培养联系人", "Mentors named"
    REVIEW = "review", "培养考察", "Half-yearly review"
    CANDIDATE = "candidate", "确定发展对象", "Named a candidate"
    POLITICAL_CHECK = "political_check", "政治审查", "Political check"
    TRAINING = "training", "集中培训", "Training course"
    PUBLICITY = "publicity", "公示", "Public notice"
    BRANCH_MEETING = "branch_meeting", "支部大会讨论通过", "Admitted by the branch meeting"
    APPROVAL = "approval", "上级党委审批", "Approved by the higher committee"
    OATH = "oath", "入党宣誓", "Oath taken"
    PROBATION_REVIEW = "probation_review", "预备期考察", "Probation review"
    EXTENSION = "extension", "延长预备期", "Probation extended"
    CANCELLATION = "cancellation", "取消预备党员资格", "Probation cancelled"
    CONFIRMATION = "confirmation", "转正", "Confirmed as a full member"


#: the steps recorded on their own while in a stage (the others move the person on)
EVENT_STEPS: Mapping[DevelopmentStage, tuple[DevelopmentStep, ...]] = {
    DevelopmentStage.APPLICANT: (DevelopmentStep.TALK,),
    DevelopmentStage.ACTIVIST: (DevelopmentStep.SPONSORS, DevelopmentStep.REVIEW),
    DevelopmentStage.CANDIDATE: (
        DevelopmentStep.SPONSORS,
        DevelopmentStep.REVIEW,
        DevelopmentStep.POLITICAL_CHECK,
        DevelopmentStep.TRAINING,
        DevelopmentStep.PUBLICITY,
    ),
    DevelopmentStage.PROBATIONARY: (
        DevelopmentStep.APPROVAL,
        DevelopmentStep.OATH,
        DevelopmentStep.PROBATION_REVIEW,
    ),
}
#: what a 发展对象 has done before the branch meeting may admit them
BEFORE_ADMISSION = (
    DevelopmentStep.POLITICAL_CHECK,
    DevelopmentStep.TRAINING,
    DevelopmentStep.PUBLICITY,
)


@dataclass(frozen=True)
class Progress:
    """One person's record as the rules read it: the stage and the last date of each step
    taken (``done``)."""

    stage: DevelopmentStage
    applied_on: date
    done: Mapping[DevelopmentStep, date] = field(default_factory=dict)
    extension_months: int = 0

    def on(self, step: DevelopmentStep) -> date | None:
        return self.done.get(step)

    @property
    def stage_since(self) -> date:
        """The day the current stage began."""
        started = {
            DevelopmentStage.ACTIVIST: DevelopmentStep.ACTIVIST,
            DevelopmentStage.CANDIDATE: DevelopmentStep.CANDIDATE,
            DevelopmentStage.PROBATIONARY: DevelopmentStep.BRANCH_MEETING,
            DevelopmentStage.FULL: DevelopmentStep.CONFIRMATION,
            DevelopmentStage.CANCELLED: DevelopmentStep.CANCELLATION,
        }.get(self.stage)
        return (self.on(started) if started else None) or self.applied_on

    @property
    def probation_ends(self) -> date | None:
        """The last day of the 预备期 (one year from admission, plus an extension)."""
        admitted = self.on(DevelopmentStep.BRANCH_MEETING)
        if admitted is None:
            return None
        return add_months(admitted, PROBATION_MONTHS + self.extension_months)


@dataclass(frozen=True)
class Due:
    """The next step of a person: by when (``deadline``) or from when (not a deadline)."""

    step: DevelopmentStep
    due_on: date | None  # None: no date (a step still needed, or no deadline)
    deadline: bool = True

    def days_overdue(self, today: date) -> int:
        """Days since the deadline passed (0 on the day, negative before it)."""
        if self.due_on is None or not self.deadline:
            return 0
        return (today - self.due_on).days

    def late(self, today: date) -> bool:
        return self.deadline and self.due_on is not None and today > self.due_on

    def soon(self, today: date) -> bool:
        """Late, or the deadline within :data:`DUE_SOON_DAYS`."""
        return (
            self.deadline
            and self.due_on is not None
            and self.days_overdue(today) >= (-DUE_SOON_DAYS)
        )


# -- ages ------------------------------------------------------------------------------------
def age_on(birth: date, day: date) -> int:
    """Full years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def application_error(birth: date | None, applied_on: date, today: date) -> str | None:
    """Why an application of someone born on ``birth`` handed in on ``applied_on`` is
    refused: in the future, before the birth, or the applicant under 18 then."""
    if applied_on > today:
        return t("递交申请书的日期不能晚于今天", "The application date cannot be in the future")
    if birth is not None and applied_on < birth:  # a year typed wrong: it said "-10岁"
        return t(
            f"递交申请书的日期早于出生日期（{birth.isoformat()}），请核对",
            f"The application date is before the date of birth ({birth.isoformat()}); "
            "please check it",
        )
    if birth is not None and age_on(birth, applied_on) < MIN_AGE:
        return t(
            f"递交入党申请书时须年满{MIN_AGE}周岁（出生日期{birth.isoformat()}，"
            f"递交时{age_on(birth, applied_on)}岁）",
            f"An applicant must be at least {MIN_AGE} years old when applying (born "
            f"{birth.isoformat()}, {age_on(birth, applied_on)} on the application date)",
        )
    return None


# -- the rules between steps ------------------------------------------------------------------
def _wrong_stage(step: DevelopmentStep, stage: DevelopmentStage) -> str:
    return t(
        f"“{step.zh}”不适用于{stage.zh}",
        f"“{step.en}” does not apply to a person at the stage “{stage.en}”",
    )


def earliest(progress: Progress, step: DevelopmentStep) -> date | None:
    """The first day ``step`` may be taken (None: no date rule)."""
    if step is DevelopmentStep.CANDIDATE:
        named = progress.on(DevelopmentStep.ACTIVIST)
        return add_months(named, ACTIVIST_MIN_MONTHS) if named else None
    if step is DevelopmentStep.CONFIRMATION:
        return progress.probation_ends
    return None


def date_error(progress: Progress, step: DevelopmentStep, on: date, today: date) -> str | None:
    """Why ``on`` is no date for ``step`` of ``progress`` (in the future, before the stage
    began, before the first day the rules allow), or None: the part of :func:`step_error`
    that is the date's, which a form marks on the date rather than on the step."""
    stage = progress.stage
    if on > today:
        return t(
            f"“{step.zh}”的日期不能晚于今天", f"The date of “{step.en}” cannot be in the future"
        )
    if on < progress.stage_since:
        return t(
            f"“{step.zh}”的日期不能早于成为{stage.zh}的日期（{progress.stage_since.isoformat()}）",
            f"The date of “{step.en}” cannot be before the stage began "
            f"({progress.stage_since.isoformat()})",
        )
    if step in EVENT_STEPS.get(stage, ()):
        return None
    first = earliest(progress, step)
    if first is None or on >= first:
        return None
    if step is DevelopmentStep.CANDIDATE and stage is DevelopmentStage.ACTIVIST:
        return t(
            f"确定为入党积极分子满一年后才能确定为发展对象（最早{first.isoformat()}）",
            f"A candidate must have been an activist for at least one year (from "
            f"{first.isoformat()})",
        )
    if step is DevelopmentStep.CONFIRMATION and stage is DevelopmentStage.PROBATIONARY:
        return t(
            f"预备期满（{first.isoformat()}）后才能讨论转正",
            f"A probationary member is confirmed only after the probation ends ({first})",
        )
    return None


def step_error(
    progress: Progress,
    step: DevelopmentStep,
    on: date,
    today: date,
    *,
    months: int | None = None,
) -> str | None:
    """Why ``step`` may not be recorded on ``on`` for ``progress``, or None: the date's
    problem (:func:`date_error`) first, then the step's.

    ``months`` is the length of an extension (:attr:`DevelopmentStep.EXTENSION`).
    """
    stage = progress.stage
    problem = date_error(progress, step, on, today)
    if problem is not None or step in EVENT_STEPS.get(stage, ()):
        return problem
    needed = {
        DevelopmentStep.ACTIVIST: DevelopmentStage.APPLICANT,
        DevelopmentStep.CANDIDATE: DevelopmentStage.ACTIVIST,
        DevelopmentStep.BRANCH_MEETING: DevelopmentStage.CANDIDATE,
        DevelopmentStep.EXTENSION: DevelopmentStage.PROBATIONARY,
        DevelopmentStep.CANCELLATION: DevelopmentStage.PROBATIONARY,
        DevelopmentStep.CONFIRMATION: DevelopmentStage.PROBATIONARY,
    }.get(step)
    if needed is not stage:
        return _wrong_stage(step, stage)
    if step is DevelopmentStep.BRANCH_MEETING:
        missing = [s for s in BEFORE_ADMISSION if (progress.on(s) or date.max) > on]
        if missing:
            names = "、".join(s.zh for s in missing)
            return t(
                f"支部大会讨论接收预备党员前须完成：{names}",
                "Before the branch meeting admits them: " + ", ".join(s.en for s in missing),
            )
    if step is DevelopmentStep.EXTENSION:
        return extension_error(progress, months)
    return None


def extension_error(progress: Progress, months: int | None) -> str | None:
    low, high = EXTENSION_MONTHS
    if progress.extension_months:
        return t("预备期只能延长一次", "The probation may be extended only once")
    if months is None or not low <= months <= high:
        return t(
            f"延长预备期的时间应为{low}至{high}个月",
            f"The probation is extended by {low} to {high} months",
        )
    return None


#: the step that moves a person on from each stage (the first) and the other endings
_MOVES: Mapping[DevelopmentStage, tuple[DevelopmentStep, ...]] = {
    DevelopmentStage.APPLICANT: (DevelopmentStep.ACTIVIST,),
    DevelopmentStage.ACTIVIST: (DevelopmentStep.CANDIDATE,),
    DevelopmentStage.CANDIDATE: (DevelopmentStep.BRANCH_MEETING,),
    DevelopmentStage.PROBATIONARY: (
        DevelopmentStep.EXTENSION,
        DevelopmentStep.CONFIRMATION,
        DevelopmentStep.CANCELLATION,
    ),
}


def correction_refusal(latest: DevelopmentStep | None) -> str | None:
    """Why the step recorded last (``latest``; None: none at all) cannot be corrected or
    removed: the application is no step to correct there, it is the person's record (its
    date is corrected with the person's data). The service refuses with it, and the tab
    shows it on its disabled button."""
    if latest is not None and latest is not DevelopmentStep.APPLICATION:
        return None
    return t(
        "只记录了递交入党申请书，还没有可更正或撤销的后续步骤；"
        "申请书的日期请用“修改”在人员信息中更正。",
        "Only the application is recorded, so there is no later step to correct or remove; "
        "the application date is corrected with Edit, in the person's data.",
    )


def steps_for(stage: DevelopmentStage) -> tuple[DevelopmentStep, ...]:
    """The steps that may be recorded for a person at ``stage``, in the order taken."""
    return EVENT_STEPS.get(stage, ()) + _MOVES.get(stage, ())


def stage_after(step: DevelopmentStep) -> DevelopmentStage | None:
    """The stage a step moves the person into (None: the stage stays)."""
    return {
        DevelopmentStep.ACTIVIST: DevelopmentStage.ACTIVIST,
        DevelopmentStep.CANDIDATE: DevelopmentStage.CANDIDATE,
        DevelopmentStep.BRANCH_MEETING: DevelopmentStage.PROBATIONARY,
        DevelopmentStep.CONFIRMATION: DevelopmentStage.FULL,
        DevelopmentStep.CANCELLATION: DevelopmentStage.CANCELLED,
    }.get(step)


def stage_before(step: DevelopmentStep, stage: DevelopmentStage) -> DevelopmentStage:
    """The stage a person at ``stage`` was in before ``step`` (the same unless the step
    moved them on)."""
    if stage_after(step) is None:
        return stage
    return next(before for before, moves in _MOVES.items() if step in moves)


# -- who is due for what ----------------------------------------------------------------------
def _review(progress: Progress, step: DevelopmentStep) -> Due:
    last = max(progress.stage_since, progress.on(step) or date.min)
    return Due(step, add_months(last, REVIEW_EVERY_MONTHS))


def dues(progress: Progress) -> list[Due]:
    """What the person is due for next, the most pressing first: deadlines by date, then
    the steps still needed, then the next stage's step (from its earliest date)."""
    stage = progress.stage
    found: list[Due] = []
    if stage is DevelopmentStage.APPLICANT:
        if progress.on(DevelopmentStep.TALK) is None:
            found.append(
                Due(DevelopmentStep.TALK, add_months(progress.applied_on, TALK_WITHIN_MONTHS))
            )
        found.append(Due(DevelopmentStep.ACTIVIST, None, deadline=False))
    elif stage is DevelopmentStage.ACTIVIST:
        found.append(_review(progress, DevelopmentStep.REVIEW))
        found.append(
            Due(
                DevelopmentStep.CANDIDATE,
                earliest(progress, DevelopmentStep.CANDIDATE),
                deadline=False,
            )
        )
    elif stage is DevelopmentStage.CANDIDATE:
        found.append(_review(progress, DevelopmentStep.REVIEW))
        since = progress.stage_since
        found.extend(Due(s, None) for s in BEFORE_ADMISSION if (progress.on(s) or date.min) < since)
        found.append(Due(DevelopmentStep.BRANCH_MEETING, None, deadline=False))
    elif stage is DevelopmentStage.PROBATIONARY:
        ends = progress.probation_ends
        review = _review(progress, DevelopmentStep.PROBATION_REVIEW)
        if ends is None or review.due_on is None or review.due_on < ends:
            found.append(review)
        found.append(Due(DevelopmentStep.CONFIRMATION, ends))
    found.sort(key=lambda d: (not d.deadline, d.due_on is None, d.due_on or date.max))
    return found


def next_due(progress: Progress) -> Due | None:
    """The most pressing of :func:`dues` (None: out of the pipeline)."""
    found = dues(progress)
    return found[0] if found else None


@dataclass(frozen=True)
class Summary:
    """What a record keeps of its steps for the lists (``db.models.DevelopmentRecord``)."""

    stage_since: date
    next_step: DevelopmentStep | None
    next_due_on: date | None
    next_deadline: bool


def summary(progress: Progress) -> Summary:
    due = next_due(progress)
    return Summary(
        progress.stage_since,
        due.step if due else None,
        due.due_on if due else None,
        bool(due and due.deadline and due.due_on is not None),
    )
