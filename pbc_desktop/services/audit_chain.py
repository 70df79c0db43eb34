"""Checking the audit log's hash chain (``domain/audit_chain.py``): is it intact, and if
not, which entry was the first to be altered or removed."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, AuditHead
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.audit_chain import ChainFacts, entry_hash
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields

CHUNK = 5000


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    #: The id of the first entry found altered, or after which entries were removed.
    broken_at: int | None
    message: str

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _facts(e: AuditEntry) -> ChainFacts:
    return from_fields(ChainFacts, e, action=str(e.action))


def _broken(count: int, entry_id: int, zh: str, en: str) -> ChainCheck:
    return ChainCheck(count, entry_id, t(zh, en))


def _head_problem(
    head: AuditHead | None, last_hash: str, count: int, last_id: int
) -> tuple[str, str] | None:
    """What the chain's end (``audit_head``, written with every entry) says is wrong with
    a chain that is whole in itself: its newest entries removed (all of them, even), the
    end itself removed, or the last entry renumbered."""
    if head is None:
        if count == 0:
            return None  # a log never written to
        return (
            f"操作日志不完整：记录操作日志末尾的数据（audit_head）被删除了，无法确认第 {last_id} "
            "条之后的记录是否被删除。",
            f"The audit log is not intact: the record of its end (audit_head) was removed, "
            f"so entries after #{last_id} may have been removed too.",
        )
    if count == 0 and head.entries:
        return (
            f"操作日志不完整：全部 {head.entries} 条记录都被删除了。",
            f"The audit log is not intact: all its {head.entries} entries were removed.",
        )
    if head.last_hash != last_hash or head.entries != count:
        return (
            f"操作日志不完整：第 {last_id} 条之后的记录被删除了。",
            f"The audit log is not intact: entries after #{last_id} were removed.",
        )
    if head.last_id != last_id:
        return (
            f"操作日志不完整：最后一条记录的编号被改动过（原为第 {head.last_id} 条，现为第 "
            f"{last_id} 条）。",
            f"The audit log is not intact: the number of its last entry was changed (from "
            f"#{head.last_id} to #{last_id}).",
        )
    return None


def verify_chain(
    db: Database, *, progress: ProgressFn | None = None, cancelled: CancelFn | None = None
) -> ChainCheck:
    """Walk the log in order, recomputing every hash."""
    require(db, Permission.VIEW_AUDIT)
    report = progress or (lambda _p, _t: None)
    with db.read() as s:
        head = s.get(AuditHead, 1)
        total = s.scalar(select(func.count(AuditEntry.id))) or 0
        prev, last_id, count = "", 0, 0
        while True:
            if cancelled is not None and cancelled():
                return ChainCheck(count, None, t("已取消检查。", "The check was cancelled."))
            rows = list(
                s.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.id > last_id)
                    .order_by(AuditEntry.id)
                    .limit(CHUNK)
                )
            )
            if not rows:
                break
            for e in rows:
                if e.prev_hash != prev:
                    return _broken(
                        count,
                        e.id,
                        f"操作日志不完整：第 {e.id} 条之前的记录被删除或改动过。",
                        f"The audit log is not intact: an entry before #{e.id} was removed "
                        "or altered.",
                    )
                if entry_hash(prev, _facts(e)) != e.hash:
                    return _broken(
                        count,
                        e.id,
                        f"操作日志不完整：第 {e.id} 条记录被改动过。",
                        f"The audit log is not intact: entry #{e.id} was altered.",
                    )
                prev, last_id = e.hash, e.id
                count += 1
            report(
                int(count * 100 / max(total, 1)),
                t(f"已检查 {count} 条", f"{count} entries checked"),
            )
        problem = _head_problem(head, prev, count, last_id)
        if problem is not None:
            return _broken(count, last_id, *problem)
    return ChainCheck(
        count,
        None,
        t(
            f"操作日志完整：{count} 条记录均未被改动。",
            f"The audit log is intact: {count} entries, none altered.",
        ),
    )
