"""Pure rules of list items (清单事项): status transitions and 逾期 (overdue).

待认领 → 已认领 (a claim) → 推进中 (the first 督办, or an explicit start) → 已解决 (solving);
a solved item can be reopened (back to 推进中). Only project items (项目清单) are claimed;
demand and resource items skip the claim and start from 待认领 directly.

An item is 逾期 when its deadline has passed and it is not solved. ``today`` is always
given by the caller, so tests and reports see a fixed day.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import partial

from pbc_desktop.domain.enums import ItemStatus, ListKind
from pbc_desktop.errors import ValidationError
from pbc_desktop.lang import t

S = ItemStatus


class ItemAction(StrEnum):
    """What a clerk may do with an item; the UI enables its buttons from these."""

    EDIT = "edit"
    DELETE = "delete"
    CLAIM = "claim"
    START = "start"
    SUPERVISE = "supervise"
    SOLVE = "solve"
    REOPEN = "reopen"


def needs_claim(kind: ListKind) -> bool:
    """Project items are claimed by organizations; demands and resources are not."""
    return kind == ListKind.PROJECT


def is_overdue(status: ItemStatus, deadline: date | None, today: date) -> bool:
    """逾期: a deadline before ``today`` and not solved (the deadline day itself is not late)."""
    return deadline is not None and deadline < today and status != S.SOLVED


def days_overdue(status: ItemStatus, deadline: date | None, today: date) -> int:
    if deadline is None or not is_overdue(status, deadline, today):
        return 0
    return (today - deadline).days


def allowed_actions(status: ItemStatus, kind: ListKind) -> frozenset[ItemAction]:
    """The actions open to an item of this status in a list of this kind."""
    actions = {ItemAction.EDIT}
    claimable = needs_claim(kind)
    if status == S.OPEN:
        actions |= {ItemAction.DELETE, ItemAction.SUPERVISE}
        if claimable:
            actions.add(ItemAction.CLAIM)
        else:
            actions |= {ItemAction.START, ItemAction.SOLVE}
    elif status == S.CLAIMED:
        actions |= {ItemAction.START, ItemAction.SUPERVISE, ItemAction.SOLVE}
    elif status == S.IN_PROGRESS:
        actions |= {ItemAction.SUPERVISE, ItemAction.SOLVE}
    elif status == S.SOLVED:
        actions.add(ItemAction.REOPEN)
    return frozenset(actions)


def _refuse(status: ItemStatus, kind: ListKind, action: ItemAction) -> ValidationError:
    if status == S.SOLVED:
        return ValidationError.single(
            "status",
            t(
                "该事项已解决；如需继续办理，请先「重新打开」。",
                "The item is solved; reopen it first to work on it again.",
            ),
        )
    if action == ItemAction.CLAIM and not needs_claim(kind):
        return ValidationError.single(
            "status",
            t("只有项目清单的事项可以认领。", "Only items of a project list can be claimed."),
        )
    if action == ItemAction.CLAIM:
        return ValidationError.single(
            "status",
            t(
                f"该事项{status.zh}，不能再次认领。",
                f"The item is already {status.en.lower()} and cannot be claimed again.",
            ),
        )
    if status == S.OPEN and needs_claim(kind):
        return ValidationError.single(
            "status",
            t(
                "项目事项需先认领，才能推进或办结。",
                "A project item must be claimed before it is started or solved.",
            ),
        )
    if action == ItemAction.REOPEN:
        return ValidationError.single(
            "status",
            t("只有已解决的事项可以重新打开。", "Only a solved item can be reopened."),
        )
    return ValidationError.single(
        "status",
        t(f"当前状态「{status.zh}」下不能这样操作。", f"Not possible while {status.en.lower()}."),
    )


def check(status: ItemStatus, kind: ListKind, action: ItemAction) -> None:
    """Raise a :class:`ValidationError` naming ``status`` when ``action`` is not allowed."""
    if action not in allowed_actions(status, kind):
        raise _refuse(status, kind, action)


def why_not(status: ItemStatus, kind: ListKind, action: ItemAction) -> str | None:
    """The sentence :func:`check` would refuse ``action`` with (None: it is allowed): the
    window shows it on the disabled button, e.g. why 认领 is not possible."""
    if action in allowed_actions(status, kind):
        return None
    return str(_refuse(status, kind, action))


# The status an item takes after each action that moves it (a follow-up: see status_after).
_STATUS_AFTER = {
    ItemAction.CLAIM: S.CLAIMED,
    ItemAction.START: S.IN_PROGRESS,
    ItemAction.SUPERVISE: S.IN_PROGRESS,
    ItemAction.SOLVE: S.SOLVED,
    ItemAction.REOPEN: S.IN_PROGRESS,
}


def status_after(action: ItemAction, status: ItemStatus, kind: ListKind) -> ItemStatus:
    """The status after ``action``, refused (:func:`check`) when not allowed.

    The first follow-up sets an item in progress (an unclaimed project awaits its claim).
    """
    check(status, kind, action)
    if action == ItemAction.SUPERVISE and status == S.OPEN and needs_claim(kind):
        return status
    return _STATUS_AFTER[action]


after_claim = partial(status_after, ItemAction.CLAIM)
after_start = partial(status_after, ItemAction.START)
after_supervision = partial(status_after, ItemAction.SUPERVISE)
after_solve = partial(status_after, ItemAction.SOLVE)
after_reopen = partial(status_after, ItemAction.REOPEN)


def status_with_claims(
    status: ItemStatus, kind: ListKind, *, claimed: bool, followed_up: bool
) -> ItemStatus:
    """``status`` moved forward as far as the item's claims and follow-ups take it, by the
    same rules as claiming and following up here: an item with a claim is never 待认领,
    one with a follow-up never behind 推进中 (a status from a package, or a conflict's other
    version, cannot undo a claim the item holds). Never moves a status back."""
    if claimed and ItemAction.CLAIM in allowed_actions(status, kind):
        status = after_claim(status, kind)
    if followed_up and status in (S.OPEN, S.CLAIMED):
        status = after_supervision(status, kind)
    return status
