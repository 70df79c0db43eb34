"""Optimistic locking: an editor's save is refused when someone else changed the record
since the editor read it, naming who and when.

Every record counts its changes (``Record.version``, ``db/base.py``). An editor's input
carries the version it was read at; the service hands it to :func:`check` inside its
write transaction, before it changes anything. On a server two clerks may save the same
record at once: the counter is raised with ``UPDATE … WHERE version = <read>``, so of two
saves one waits for the other and then finds the version changed. On SQLite writers
queue anyway (``BEGIN IMMEDIATE``); the check still refuses a save over a change made
since the editor opened (in another window, or by a command).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Table, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from pbc_desktop.db.base import Record, version_bump
from pbc_desktop.db.models import AuditEntry, Office, User
from pbc_desktop.errors import StaleEditError, stale_edit

#: The version an editor reads when no record is stored yet (an appraisal not entered, a
#: month without a fee basis): no stored record has it, so a save over one another window
#: entered meanwhile is refused by :func:`check`.
NONE_YET = 0

#: A row that counts its changes: every record, and this office (``Office.version``).
Versioned = Record | Office


def check(session: Session, record: Versioned, read_version: int | None) -> None:
    """Refuse (``StaleEditError``) the save of ``record`` when its stored version is not
    ``read_version``; otherwise count the save as a change of ``record`` (its version
    plus one), also when only its parts change (an activity's attendance, an
    assessment's scores), so that an editor open on it elsewhere is refused in turn.

    ``read_version`` None: a write that no editor read first (a command, an import), not
    checked. Call before changing ``record``.
    """
    if read_version is None:
        return
    table = cast(Table, type(record).__table__)
    if record.version == read_version:
        done = cast(
            "CursorResult[Any]",
            session.execute(
                update(table)
                .where(table.c.id == record.id, table.c.version == read_version)
                .values(version_bump(table))
            ),
        )
        if done.rowcount == 1:
            set_committed_value(record, "version", read_version + 1)
            return
    raise refusal(session, record)


def refusal(session: Session, record: Versioned) -> StaleEditError:
    """The refusal naming who last changed ``record`` and when, from the audit log (the
    person's name where the entry names an account)."""
    last = session.execute(
        select(AuditEntry.actor, AuditEntry.at, User.display_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity_uuid == record.uuid)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return stale_edit()
    actor, at, name = last
    return stale_edit(name or actor, at)
