"""The audit log: every write records who, when, which record, before → after."""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from pbc_desktop.db.base import Record
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain.enums import AuditAction

_SKIP = frozenset({"created_at", "updated_at"})


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(obj: Record, **extra: Any) -> dict[str, Any]:
    """Column values of ``obj`` (and any ``extra`` facts such as member lists), JSON-ready."""
    mapper = inspect(type(obj))
    data = {
        col.key: _jsonable(getattr(obj, col.key))
        for col in mapper.column_attrs
        if col.key not in _SKIP
    }
    data.update({k: _jsonable(v) for k, v in extra.items()})
    return data


def record(
    session: Session,
    actor: str,
    action: AuditAction,
    obj: Record | None,
    *,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    entity: str | None = None,
) -> None:
    """Append one entry; call inside the write transaction so it commits with the change."""
    if obj is not None:
        session.flush()
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            entity=entity or (obj.__tablename__ if obj is not None else "-"),
            entity_uuid=obj.uuid if obj is not None else None,
            summary=summary[:300],
            before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else None,
            after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else None,
        )
    )


def entries_for(session: Session, entity_uuid: str) -> list[AuditEntry]:
    stmt = (
        select(AuditEntry)
        .where(AuditEntry.entity_uuid == entity_uuid)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return list(session.scalars(stmt))
