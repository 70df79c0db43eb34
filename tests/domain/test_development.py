"""发展党员 rules: ages, the year as an activist, the half-yearly reviews, the 预备期."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.domain import development as dev
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.development import Progress

TODAY = date(2026, 12, 5)


def _activist(named: date, **done: date) -> Progress:
    steps = {Step.APPLICATION: date(2024, 1, 10), Step.ACTIVIST: named}
    steps |= {Step(k): v for k, v in done.items()}
    return Progress(Stage.ACTIVIST, date(2024, 1, 10), steps)


def _probationary(admitted: date, extension: int = 0, **done: date) -> Progress:
    steps = {Step.ACTIVIST: date(2023, 1, 1), Step.BRANCH_MEETING: admitted}
    steps |= {Step(k): v for k, v in done.items()}
    return Progress(Stage.PROBATIONARY, date(2022, 6, 1), steps, extension)


def test_an_applicant_is_eighteen_on_the_day_of_the_application() -> None:
    born = date(2008, 3, 1)
    assert dev.age_on(born, date(2026, 2, 28)) == 17
    assert dev.age_on(born, date(2026, 3, 1)) == 18
    problem = dev.application_error(born, date(2026, 2, 28), TODAY)
    assert problem is not None
    assert "18" in problem
    assert dev.application_error(born, date(2026, 3, 1), TODAY) is None
    assert dev.application_error(None, date(2026, 3, 1), TODAY) is None
    assert dev.application_error(born, date(2027, 1, 1), TODAY) is not None


def test_an_application_before_the_birth_says_so_not_a_negative_age() -> None:
    """A year typed wrong (1980 for 2020) was refused as "递交时-10岁"."""
    problem = dev.application_error(date(1990, 1, 1), date(1980, 11, 1), TODAY)
    assert problem == "递交申请书的日期早于出生日期（1990-01-01），请核对"


def test_a_candidate_only_after_a_full_year_as_an_activist() -> None:
    progress = _activist(date(2025, 12, 6))
    too_early = dev.step_error(progress, Step.CANDIDATE, date(2026, 12, 5), TODAY)
    assert too_early is not None
    assert "满一年" in too_early
    assert "2026-12-06" in too_early
    later = _activist(date(2025, 12, 5))
    assert dev.step_error(later, Step.CANDIDATE, date(2026, 12, 5), TODAY) is None


def test_a_step_of_another_stage_or_in_the_future_is_refused() -> None:
    progress = _activist(date(2025, 1, 1))
    assert dev.step_error(progress, Step.CONFIRMATION, date(2026, 1, 1), TODAY) is not None
    assert dev.step_error(progress, Step.OATH, date(2026, 1, 1), TODAY) is not None
    assert dev.step_error(progress, Step.REVIEW, date(2026, 12, 6), TODAY) is not None
    before_stage = dev.step_error(progress, Step.REVIEW, date(2024, 12, 31), TODAY)
    assert before_stage is not None
    assert dev.step_error(progress, Step.REVIEW, date(2025, 7, 1), TODAY) is None


def test_the_branch_meeting_needs_the_check_the_training_and_the_notice() -> None:
    steps = {Step.ACTIVIST: date(2024, 1, 1), Step.CANDIDATE: date(2025, 3, 1)}
    progress = Progress(Stage.CANDIDATE, date(2023, 6, 1), steps)
    problem = dev.step_error(progress, Step.BRANCH_MEETING, date(2025, 9, 1), TODAY)
    assert problem is not None
    assert "政治审查" in problem
    assert "集中培训" in problem
    assert "公示" in problem
    done = steps | {
        Step.POLITICAL_CHECK: date(2025, 5, 1),
        Step.TRAINING: date(2025, 6, 1),
        Step.PUBLICITY: date(2025, 8, 20),
    }
    ready = Progress(Stage.CANDIDATE, date(2023, 6, 1), done)
    assert dev.step_error(ready, Step.BRANCH_MEETING, date(2025, 9, 1), TODAY) is None
    # the notice must have been before the meeting
    assert dev.step_error(ready, Step.BRANCH_MEETING, date(2025, 8, 1), TODAY) is not None


def test_confirmation_not_before_the_probation_year_ends() -> None:
    progress = _probationary(date(2025, 12, 20))
    assert progress.probation_ends == date(2026, 12, 20)
    early = dev.step_error(progress, Step.CONFIRMATION, date(2026, 12, 1), date(2027, 1, 5))
    assert early is not None
    assert "预备期满" in early
    assert dev.step_error(progress, Step.CONFIRMATION, date(2026, 12, 20), date(2027, 1, 5)) is None


def test_the_probation_is_extended_once_by_six_to_twelve_months() -> None:
    progress = _probationary(date(2025, 1, 10))
    on = date(2026, 1, 12)
    assert dev.step_error(progress, Step.EXTENSION, on, TODAY, months=5) is not None
    assert dev.step_error(progress, Step.EXTENSION, on, TODAY, months=13) is not None
    assert dev.step_error(progress, Step.EXTENSION, on, TODAY, months=None) is not None
    assert dev.step_error(progress, Step.EXTENSION, on, TODAY, months=6) is None
    extended = _probationary(date(2025, 1, 10), extension=6)
    assert extended.probation_ends == date(2026, 7, 10)
    again = dev.step_error(extended, Step.EXTENSION, on, TODAY, months=6)
    assert again is not None
    assert "一次" in again


def test_cancellation_only_of_a_probationary_member() -> None:
    assert dev.step_error(_probationary(date(2025, 6, 1)), Step.CANCELLATION, TODAY, TODAY) is None
    assert dev.step_error(_activist(date(2025, 1, 1)), Step.CANCELLATION, TODAY, TODAY) is not None
    assert dev.stage_after(Step.CANCELLATION) is Stage.CANCELLED


@pytest.mark.parametrize(
    ("progress", "step", "due_on"),
    [
        # talk within a month of the application
        (Progress(Stage.APPLICANT, date(2026, 10, 31)), Step.TALK, date(2026, 11, 30)),
        # review half a year after being named an activist, then after the last review
        (_activist(date(2026, 3, 1)), Step.REVIEW, date(2026, 9, 1)),
        (_activist(date(2025, 3, 1), review=date(2026, 4, 2)), Step.REVIEW, date(2026, 10, 2)),
        # the 预备期 ends a year after admission, later when extended
        (
            _probationary(date(2025, 11, 1), probation_review=date(2026, 5, 1)),
            Step.CONFIRMATION,
            date(2026, 11, 1),
        ),
        (_probationary(date(2025, 11, 1), extension=12), Step.PROBATION_REVIEW, date(2026, 5, 1)),
    ],
)
def test_the_next_step_and_its_deadline(progress: Progress, step: Step, due_on: date) -> None:
    due = dev.next_due(progress)
    assert due is not None
    assert (due.step, due.due_on) == (step, due_on)
    assert due.late(TODAY)
    assert due.days_overdue(TODAY) == (TODAY - due_on).days


def test_not_late_on_the_day_and_due_soon_before_it() -> None:
    due = dev.next_due(_activist(date(2026, 6, 5)))
    assert due is not None
    assert due.due_on == TODAY
    assert not due.late(TODAY)
    assert due.soon(TODAY)
    assert due.soon(date(2026, 11, 5))
    assert not due.soon(date(2026, 11, 4))


def test_an_activist_may_become_a_candidate_from_a_date_which_is_no_deadline() -> None:
    dues = dev.dues(_activist(date(2026, 6, 1), review=date(2026, 11, 1)))
    assert [d.step for d in dues] == [Step.REVIEW, Step.CANDIDATE]
    candidate = dues[1]
    assert candidate.due_on == date(2027, 6, 1)
    assert not candidate.deadline
    assert not candidate.late(date(2028, 1, 1))


def test_a_full_member_or_a_cancelled_one_has_nothing_due() -> None:
    assert dev.next_due(Progress(Stage.FULL, date(2020, 1, 1))) is None
    assert dev.next_due(Progress(Stage.CANCELLED, date(2020, 1, 1))) is None


def test_the_steps_offered_at_each_stage_are_the_ones_the_rules_allow() -> None:
    assert dev.steps_for(Stage.APPLICANT) == (Step.TALK, Step.ACTIVIST)
    assert Step.BRANCH_MEETING in dev.steps_for(Stage.CANDIDATE)
    assert dev.steps_for(Stage.FULL) == ()
    progress = _probationary(date(2025, 1, 10))
    for step in dev.steps_for(Stage.PROBATIONARY):
        problem = dev.step_error(progress, step, date(2026, 2, 1), TODAY, months=6)
        assert problem is None or "不适用" not in problem
