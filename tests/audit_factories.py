"""Audit entries for the viewer's tests: many at once, by several people, on given days."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.services import audit

#: What the generated entries are about, in turn.
KINDS = (
    (AuditAction.CREATE, "organization", "新建党组织"),
    (AuditAction.UPDATE, "party_member", "修改党员"),
    (AuditAction.DELETE, "activity", "删除活动"),
)


def add_entries(
    db: Database,
    count: int,
    *,
    user: Actor | None = None,
    start: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    step: timedelta = timedelta(hours=1),
) -> None:
    """``count`` entries (in one transaction, chained like any), one ``step`` apart from
    ``start``; entry ``i`` is of kind ``KINDS[i % 3]`` and its summary ends with " #i"."""
    rows = []
    for i in range(count):
        action, entity, verb = KINDS[i % len(KINDS)]
        rows.append(
            {
                "at": start + i * step,
                "action": action,
                "entity": entity,
                "entity_uuid": None,
                "summary": f"{verb} #{i}",
                "before": json.dumps({"name": f"旧名{i}", "phone": "138****0000"})
                if action is not AuditAction.CREATE
                else None,
                "after": json.dumps({"name": f"新名{i}"}, ensure_ascii=False)
                if action is not AuditAction.DELETE
                else None,
            }
        )
    with db.write(user=user) as s:
        audit.append(s, rows)
