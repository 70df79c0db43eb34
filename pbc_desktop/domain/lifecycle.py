"""The community lifecycle (组建程序): 申请 → 审核 → 批准 → 运行 → (整顿) → 撤销.

Pure rules: which step may follow which status, and when a step may be dated.
"""

from __future__ import annotations

from datetime import date

from pbc_desktop.domain.enums import CommunityStatus, LifecycleAction
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t

S = CommunityStatus
A = LifecycleAction

_TRANSITIONS: dict[tuple[CommunityStatus, LifecycleAction], CommunityStatus] = {
    (S.RETURNED, A.APPLY): S.APPLIED,
    (S.APPLIED, A.REVIEW_PASS): S.REVIEWED,
    (S.APPLIED, A.REVIEW_RETURN): S.RETURNED,
    (S.REVIEWED, A.APPROVE): S.APPROVED,
    (S.APPROVED, A.START): S.RUNNING,
    (S.RUNNING, A.RECTIFY): S.RECTIFYING,
    (S.RECTIFYING, A.FINISH_RECTIFY): S.RUNNING,
}

#: The status a brand-new community has after its first step (提交申请).
INITIAL_ACTION = A.APPLY
INITIAL_STATUS = S.APPLIED


class LifecycleError(ValidationError):
    """A step that the procedure does not allow; names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__([FieldError(field, message)])


def allowed_actions(status: CommunityStatus) -> list[LifecycleAction]:
    """The steps that may follow ``status``, in procedure order."""
    actions = [action for (source, action) in _TRANSITIONS if source == status]
    if status != S.REVOKED:
        actions.append(A.REVOKE)
    return actions


def _refusal(status: CommunityStatus, action: LifecycleAction) -> str:
    if status == S.REVOKED:
        return t("该共同体已撤销，不能再办理任何程序", "The community is revoked; no further step")
    if action == A.APPROVE and status in (S.APPLIED, S.RETURNED):
        return t("尚未审核通过，不能批准", "Not yet passed review; it cannot be approved")
    if action == A.START and status in (S.APPLIED, S.REVIEWED, S.RETURNED):
        return t("尚未批准，不能开始运行", "Not yet approved; it cannot start running")
    if action in (A.REVIEW_PASS, A.REVIEW_RETURN) and status == S.RETURNED:
        return t("申请已退回，请先重新提交申请", "The application was returned; apply again first")
    if action == A.APPLY and status != S.RETURNED:
        return t(
            "已提交过申请，只有被退回后才能重新申请", "Already applied; reapply only if returned"
        )
    if action == A.RECTIFY and status == S.RECTIFYING:
        return t("已在整顿中", "Already under rectification")
    if action in (A.RECTIFY, A.FINISH_RECTIFY) and status != S.RUNNING:
        return t("只有运行中的共同体才能整顿", "Only a running community can be rectified")
    return t(
        f"当前状态为「{status.zh}」，不能办理「{action.zh}」",
        f"A community that is '{status.en}' cannot '{action.en}'",
    )


def next_status(status: CommunityStatus, action: LifecycleAction) -> CommunityStatus:
    """The status after ``action``; :class:`LifecycleError` (field ``action``) if not allowed."""
    if action == A.REVOKE and status != S.REVOKED:
        return S.REVOKED
    target = _TRANSITIONS.get((status, action))
    if target is None:
        raise LifecycleError("action", _refusal(status, action))
    return target


def check_step_date(on: date, previous: date | None, today: date) -> None:
    """A step is dated neither before the previous step nor in the future (field ``on``)."""
    if on > today:
        raise LifecycleError(
            "on",
            t(
                f"日期 {on.isoformat()} 晚于今天，不能登记未来的程序",
                f"The date {on.isoformat()} is in the future",
            ),
        )
    if previous is not None and on < previous:
        raise LifecycleError(
            "on",
            t(
                f"日期 {on.isoformat()} 早于上一步的日期 {previous.isoformat()}",
                f"The date {on.isoformat()} is before the previous step ({previous.isoformat()})",
            ),
        )
