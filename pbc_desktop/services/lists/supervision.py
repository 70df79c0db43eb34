"""An item after its claim: starting it, follow-ups (督办), solving (办结) and reopening."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ListItem, Supervision
from pbc_desktop.domain import items as items_rules
from pbc_desktop.domain.enums import ItemStatus, Satisfaction
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.lists.common import (
    TEXT_MAX,
    check_not_future,
    check_text,
    item_facts,
    item_updated,
    load_item,
    moving_item,
)


@dataclass(frozen=True)
class SupervisionInput:
    """A follow-up (督办): when, by whom, the progress and the next step."""

    entry_date: date
    by_whom: str
    progress: str
    next_step: str | None = None


#: A stored follow-up, as listed: the same four facts as entered.
SupervisionView = SupervisionInput


@dataclass(frozen=True)
class SolveInput:
    solved_on: date
    result: str
    satisfaction: Satisfaction | None


def _check_dated_after_claim(
    err: FieldErrors, item: ListItem, name: str, value: date, words: tuple[str, str]
) -> None:
    """A follow-up or solving date: not in the future, not before the item's first claim."""
    check_not_future(err, name, value, words)
    zh, en = words
    first_claim = min((c.claimed_on for c in item.claims), default=None)
    if first_claim is not None and value < first_claim:
        err.add(
            name,
            f"{zh}不能早于认领日期（{first_claim.isoformat()}）",
            f"The {en} is before the claim ({first_claim.isoformat()})",
        )


def _set_status(
    db: Database, s: Session, item: ListItem, status: ItemStatus, words: tuple[str, str]
) -> None:
    zh, en = words
    before = item_facts(item)
    item.status = status
    item_updated(s, item, t(f"事项「{item.title}」{zh}", f"Item {item.title}: {en}"), before)


def start_item(db: Database, item_id: int) -> None:
    """已认领 → 推进中 without waiting for the first follow-up."""
    with db.write() as s:
        item, target = moving_item(s, db, item_id, items_rules.after_start)
        _set_status(db, s, item, target, ("开始推进", "started"))


def add_supervision(db: Database, item_id: int, data: SupervisionInput) -> int:
    """A dated follow-up (督办); the first one moves a claimed item to 推进中."""
    with db.write() as s:
        item, target = moving_item(s, db, item_id, items_rules.after_supervision)
        err = FieldErrors()
        check_text(
            err,
            "by_whom",
            data.by_whom,
            60,
            ("督办人", "'By whom'"),
            missing=("请填写督办人或督办单位", "Enter who followed the item up"),
        )
        check_text(
            err,
            "progress",
            data.progress,
            TEXT_MAX,
            ("进展情况", "The progress"),
            missing=("请填写进展情况", "Describe the progress"),
        )
        check_text(err, "next_step", data.next_step, TEXT_MAX, ("下一步", "The next step"))
        _check_dated_after_claim(
            err, item, "entry_date", data.entry_date, ("督办日期", "supervision date")
        )
        err.raise_any()
        before = item_facts(item)
        entry = Supervision(
            item_id=item.id,
            entry_date=data.entry_date,
            by_whom=data.by_whom.strip(),
            progress=data.progress.strip(),
            next_step=strip_or_none(data.next_step),
        )
        s.add(entry)
        item.status = target
        s.flush()
        item_updated(
            s,
            item,
            t(f"督办事项「{item.title}」", f"Followed up item {item.title}"),
            before,
            supervision=audit.snapshot(entry),
        )
        return entry.id


def supervisions(s: Session, item_id: int) -> list[SupervisionView]:
    """The follow-ups of an item by date (entries of one day in the order recorded)."""
    stmt = (
        select(Supervision)
        .where(Supervision.item_id == item_id)
        .order_by(Supervision.entry_date, Supervision.id)
    )
    return [
        SupervisionView(v.entry_date, v.by_whom, v.progress, v.next_step) for v in s.scalars(stmt)
    ]


def list_supervisions(db: Database, item_id: int) -> list[SupervisionView]:
    """The follow-ups of an item by date (entries of one day in the order recorded)."""
    with db.read() as s:
        load_item(s, item_id, access.of(db, s))
        return supervisions(s, item_id)


def solve_item(db: Database, item_id: int, data: SolveInput) -> None:
    """办结: the result and the residents' satisfaction are required."""
    with db.write() as s:
        item, target = moving_item(s, db, item_id, items_rules.after_solve)
        err = FieldErrors()
        check_text(
            err,
            "result",
            data.result,
            TEXT_MAX,
            ("办理结果", "The result"),
            missing=("请填写办理结果", "Describe the result"),
        )
        if data.satisfaction is None:
            err.add("satisfaction", "请选择群众满意度", "Choose the residents' satisfaction")
        _check_dated_after_claim(
            err, item, "solved_on", data.solved_on, ("办结日期", "date solved")
        )
        last = max((v.entry_date for v in item.supervisions), default=None)
        if last is not None and data.solved_on < last:
            err.add(
                "solved_on",
                f"办结日期不能早于最近一次督办（{last.isoformat()}）",
                f"The date solved is before the last follow-up ({last.isoformat()})",
            )
        err.raise_any()
        before = item_facts(item)
        item.status = target
        item.solved_on = data.solved_on
        item.result = data.result.strip()
        item.satisfaction = data.satisfaction
        item_updated(s, item, t(f"事项「{item.title}」已解决", f"Item {item.title} solved"), before)


def reopen_item(db: Database, item_id: int, reason: str) -> None:
    """已解决 → 推进中; the earlier result stays in the audit log with the reason."""
    with db.write() as s:
        item, target = moving_item(s, db, item_id, items_rules.after_reopen)
        err = FieldErrors()
        check_text(
            err,
            "reason",
            reason,
            TEXT_MAX,
            ("重新打开的原因", "The reason"),
            missing=("请填写重新打开的原因", "Give the reason for reopening"),
        )
        err.raise_any()
        before = item_facts(item)
        item.status = target
        item.solved_on = None
        item.result = None
        item.satisfaction = None
        item_updated(
            s,
            item,
            t(
                f"重新打开事项「{item.title}」：{reason.strip()}",
                f"Reopened item {item.title}: {reason.strip()}",
            ),
            before,
            reason=reason.strip(),
        )
