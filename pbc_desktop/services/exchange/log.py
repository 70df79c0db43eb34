"""The exchange log: every package this office sent or received, and the 数据移交单 of each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ExchangeLogEntry, User
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields


@dataclass(frozen=True)
class HandoverSheet:
    """What a 数据移交单 prints (``reports/handover.py``)."""

    received: bool
    sender: str
    sender_fingerprint: str
    recipient: str
    recipient_fingerprint: str
    package_uuid: str
    package_fingerprint: str
    created_at: datetime
    handled_at: datetime
    handled_by: str
    encrypted: bool
    #: record type → {"rows": n} (sent) or {change: n} (received)
    counts: dict[str, dict[str, int]]
    left_out: tuple[str, ...] = ()
    conflicts: int = 0


@dataclass(frozen=True)
class LogRow:
    id: int
    received: bool
    at: datetime
    sender: str
    recipient: str
    records: int
    conflicts: int
    fingerprint: str
    by: str


def exchange_log(db: Database) -> list[LogRow]:
    """Newest first."""
    require(db, Permission.EXCHANGE)
    with db.read() as s:
        rows = s.execute(
            select(ExchangeLogEntry, User.display_name)
            .outerjoin(User, User.id == ExchangeLogEntry.by)
            .order_by(ExchangeLogEntry.at.desc(), ExchangeLogEntry.id.desc())
        ).all()
        return [
            from_fields(
                LogRow,
                e,
                received=e.direction == "received",
                sender=e.sender_name,
                recipient=e.recipient_name,
                records=_records(e),
                by=name or "",
            )
            for e, name in rows
        ]


def _counts(entry: ExchangeLogEntry) -> dict[str, dict[str, int]]:
    data = json.loads(entry.counts or "{}")
    return {str(k): {str(c): int(n) for c, n in v.items()} for k, v in data.items()}


def _records(entry: ExchangeLogEntry) -> int:
    """Records sent, or records received that changed something here."""
    return sum(n for v in _counts(entry).values() for c, n in v.items() if c not in {"unchanged"})


def handover_sheet(db: Database, log_id: int) -> HandoverSheet:
    require(db, Permission.EXCHANGE)
    with db.read() as s:
        entry = s.get(ExchangeLogEntry, log_id)
        if entry is None:
            raise NotFoundError(t("找不到该交换记录。", "The exchange log entry was not found."))
        user = s.get(User, entry.by) if entry.by is not None else None
        by = ""
        if user is not None:
            by = with_note(user.display_name, user.unit) if user.unit else user.display_name
        return from_fields(
            HandoverSheet,
            entry,
            received=entry.direction == "received",
            sender=entry.sender_name,
            recipient=entry.recipient_name,
            package_fingerprint=entry.fingerprint,
            handled_at=entry.at,
            handled_by=by,
            counts=_counts(entry),
            left_out=tuple(json.loads(entry.left_out or "[]")),
        )
