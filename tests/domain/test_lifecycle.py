"""The formation procedure (组建程序) as a state machine."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop import lang
from pbc_desktop.domain.enums import CommunityStatus as S
from pbc_desktop.domain.enums import LifecycleAction as A
from pbc_desktop.domain.lifecycle import (
    LifecycleError,
    allowed_actions,
    check_step_date,
    next_status,
)


def test_full_procedure_walk() -> None:
    status = S.APPLIED
    for action, expected in [
        (A.REVIEW_PASS, S.REVIEWED),
        (A.APPROVE, S.APPROVED),
        (A.START, S.RUNNING),
        (A.RECTIFY, S.RECTIFYING),
        (A.FINISH_RECTIFY, S.RUNNING),
        (A.REVOKE, S.REVOKED),
    ]:
        status = next_status(status, action)
        assert status == expected


def test_returned_application_can_be_resubmitted() -> None:
    status = next_status(S.APPLIED, A.REVIEW_RETURN)
    assert status == S.RETURNED
    assert allowed_actions(status) == [A.APPLY, A.REVOKE]
    assert next_status(status, A.APPLY) == S.APPLIED


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.APPLIED, [A.REVIEW_PASS, A.REVIEW_RETURN, A.REVOKE]),
        (S.REVIEWED, [A.APPROVE, A.REVOKE]),
        (S.APPROVED, [A.START, A.REVOKE]),
        (S.RUNNING, [A.RECTIFY, A.REVOKE]),
        (S.RECTIFYING, [A.FINISH_RECTIFY, A.REVOKE]),
        (S.REVOKED, []),
    ],
)
def test_allowed_actions(status: S, expected: list[A]) -> None:
    assert allowed_actions(status) == expected


def test_every_disallowed_pair_is_refused_with_a_message() -> None:
    for status in S:
        for action in A:
            if action in allowed_actions(status):
                continue
            with pytest.raises(LifecycleError) as info:
                next_status(status, action)
            assert info.value.fields() == ["action"]
            assert info.value.message


def test_approval_before_review_names_the_reason() -> None:
    with pytest.raises(LifecycleError, match="尚未审核通过，不能批准"):
        next_status(S.APPLIED, A.APPROVE)


def test_refusal_in_english() -> None:
    lang.set_language("en")
    with pytest.raises(LifecycleError, match="Not yet passed review"):
        next_status(S.APPLIED, A.APPROVE)


def test_revoked_is_final() -> None:
    with pytest.raises(LifecycleError, match="已撤销"):
        next_status(S.REVOKED, A.REVOKE)


def test_step_dates() -> None:
    today = date(2026, 5, 10)
    check_step_date(date(2026, 5, 10), date(2026, 5, 10), today)
    check_step_date(date(2026, 5, 1), None, today)
    with pytest.raises(LifecycleError, match="晚于今天") as future:
        check_step_date(date(2026, 5, 11), None, today)
    assert future.value.fields() == ["on"]
    with pytest.raises(LifecycleError, match="早于上一步"):
        check_step_date(date(2026, 4, 30), date(2026, 5, 1), today)
