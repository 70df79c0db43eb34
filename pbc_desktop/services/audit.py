"""The audit log: every write records who, when, which record, before → after.

The log is kept forever, also for members who were deleted, and is read by whoever looks
after the database: it never holds a full ID number or phone. Personal columns
(:data:`PERSONAL_FIELDS`) are stored masked by the one scheme of ``domain/privacy.py``
(an ID number's last 4 characters, a phone's first 3 and last 4, a birth date's year);
every other text (the summary, free-text columns, extra facts) passes through
``privacy.scrub_text``. A change that masking would hide (e.g. a corrected digit in the
middle of an ID number) is still provable: the new values carry ``"<field>_changed": true``.

Why not a hash of the full value instead: an ID number has only a few hundred million
plausible values (region code × birth date × sequence, and the check character removes 10
of every 11), and a phone about as many, so an unsalted hash is reversed by trying them
all in minutes on any PC. It would keep the number in the log in all but name.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Table, event, func, insert, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session

from pbc_desktop.db.base import Record, is_derived, utcnow
from pbc_desktop.db.bulk import insert_rows
from pbc_desktop.db.models import AuditEntry, AuditHead, Tombstone
from pbc_desktop.domain.audit_chain import ChainFacts, entry_hash
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.privacy import mask_id_number, mask_phone, scrub_text
from pbc_desktop.lang import t

# Never logged: bookkeeping (the row version too), and a password hash (not the password,
# but no one's business); nor columns derived from others (a name's pinyin keys,
# ``db.base.DERIVED``).
_SKIP = frozenset({"created_at", "updated_at", "version", "password_hash"})


def _birth_year(value: Any) -> str:
    if isinstance(value, date):
        return f"{value.year:04d}"
    return str(value)[:4] if value else ""


#: Columns holding personal data, in any table (party_member.id_number / phone / birth_date,
#: organization.contact_phone, community_role.phone), and how each is kept in the log.
PERSONAL_FIELDS: dict[str, Callable[[Any], str]] = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "contact_phone": mask_phone,
    # Beside a masked ID number a birth date shows only its year (see domain/privacy.py).
    "birth_date": _birth_year,
}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


#: Keys whose values are identifiers or digests, never free text: kept as they are.
_NOT_TEXT = ("uuid", "sha256")


def mask_facts(value: Any, key: str | None = None) -> Any:
    """``value`` (facts for the log: dicts, lists, plain values) with personal data masked.

    Keys of :data:`PERSONAL_FIELDS` are masked wherever they occur (nested too); any other
    text is scrubbed of ID numbers and phones, except UUIDs and SHA-256 digests (an
    attachment's), which are kept as they are (their digit runs may look like numbers).
    Masking masked facts changes nothing.
    """
    if isinstance(value, Mapping):
        return {k: mask_facts(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_facts(v, key) for v in value]
    if key is not None and key in PERSONAL_FIELDS:
        return PERSONAL_FIELDS[key](value) if value not in (None, "") else value
    if isinstance(value, str) and not (key or "").endswith(_NOT_TEXT):
        return scrub_text(value)
    return value


class Snapshot(dict[str, Any]):
    """A record's facts for the log, already masked.

    The full personal values stay in memory only (:attr:`hidden`, never written), so that
    two snapshots whose masks look alike still compare unequal when a value changed, and
    :func:`record` can note that change.
    """

    def __init__(self, masked: Mapping[str, Any], hidden: Mapping[str, Any]) -> None:
        super().__init__(masked)
        self.hidden = dict(hidden)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Snapshot) and self.hidden != other.hidden:
            return False
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # like any dict: not hashable


def snapshot(obj: Record, **extra: Any) -> Snapshot:
    """Column values of ``obj`` (and any ``extra`` facts such as member lists), JSON-ready,
    with personal data masked (see :func:`mask_facts`)."""
    mapper = inspect(type(obj))
    data = {
        col.key: _jsonable(getattr(obj, col.key))
        for col in mapper.column_attrs
        if col.key not in _SKIP and not any(is_derived(c) for c in col.columns)
    }
    data.update({k: _jsonable(v) for k, v in extra.items()})
    hidden = {k: data[k] for k in PERSONAL_FIELDS if k in data}
    return Snapshot(mask_facts(data), hidden)


def masked_change(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Facts of a change given with full values, masked for the log; a personal value that
    changed is noted as ``"<field>_changed": true`` in the new facts."""
    old = {k: _jsonable(v) for k, v in before.items()}
    new = {k: _jsonable(v) for k, v in after.items()}
    masked_after = mask_facts(new)
    masked_after.update(_changed_flags(old, new))
    return mask_facts(old), masked_after


def _changed_flags(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, bool]:
    return {
        f"{key}_changed": True
        for key in PERSONAL_FIELDS
        if key in before and key in after and before[key] != after[key]
    }


def _json(facts: dict[str, Any] | None) -> str | None:
    return json.dumps(facts, ensure_ascii=False, sort_keys=True) if facts else None


ACTOR_KEY = "pbc_actor"
USER_KEY = "pbc_user_id"


def actor_of(session: Session) -> str:
    """Who makes this transaction's changes: set by ``Database.write`` (``session.info``)."""
    actor = session.info.get(ACTOR_KEY)
    if not isinstance(actor, str) or not actor:
        raise RuntimeError("audit entry written outside Database.write()")
    return actor


def _head(session: Session) -> AuditHead:
    """The chain's end, locked for this transaction (SQLite: the write lock already is)."""
    head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()).first()
    if head is None:
        head = AuditHead(id=1, last_id=0, last_hash="", entries=0)
        session.add(head)
    return head


#: ``Session.info`` key of the entries held back by :func:`appended_at_the_end`.
_HELD = "pbc_audit_held"


@contextmanager
def appended_at_the_end(session: Session) -> Iterator[None]:
    """Hold back every entry of a long write (a roster's import) and append them all at the
    end of the block, in their order, instead of as they come.

    Appending locks the chain's end (:func:`_head`) until the transaction ends, and every
    write appends: on a server each other PC's save would wait for the whole import (an
    update of 30,000 members, its first entries written at the start), and after
    ``lock_timeout`` be refused. Held back, the lock is taken for the last moment only.
    On an error inside the block nothing is appended (the transaction rolls back); inside
    another such block, the outer one appends them."""
    if _HELD in session.info:
        yield
        return
    held: list[dict[str, Any]] = []
    session.info[_HELD] = held
    try:
        yield
    finally:
        del session.info[_HELD]
    append(session, held)


def append(session: Session, entries: Sequence[dict[str, Any]]) -> None:
    """Insert audit rows (already masked) at the end of the chain, in this order (inside
    :func:`appended_at_the_end`, at the end of that block).

    Each dict holds ``at``, ``action``, ``entity``, ``entity_uuid``, ``summary``,
    ``before``, ``after``; the actor and account come from the transaction.
    """
    if not entries:
        return
    held = session.info.get(_HELD)
    if held is not None:
        held.extend(entries)
        return
    actor = scrub_text(actor_of(session))[:60]
    user_id = session.info.get(USER_KEY)
    head = _head(session)
    prev = head.last_hash
    # Inserted without RETURNING (a roster's import appends 30,000 entries): the chain's
    # head is locked for this transaction, so the newest entry is the last one inserted.
    # A slice at a time: the rows to insert are not a second copy of all the entries.
    for start in range(0, len(entries), _APPEND_SLICE):
        rows = []
        for entry in entries[start : start + _APPEND_SLICE]:
            facts = ChainFacts(
                at=entry["at"],
                user_id=user_id,
                actor=actor,
                action=str(entry["action"]),
                entity=entry["entity"],
                entity_uuid=entry.get("entity_uuid"),
                summary=entry["summary"],
                before=entry.get("before"),
                after=entry.get("after"),
            )
            row = {**_ENTRY_KEYS, **entry, "actor": actor, "user_id": user_id, "prev_hash": prev}
            row["hash"] = prev = entry_hash(prev, facts)
            rows.append(row)
        insert_rows(session.connection(), _AUDIT, rows)
    head.last_id = session.scalar(select(func.max(AuditEntry.id))) or head.last_id
    head.last_hash = prev
    head.entries += len(entries)


_APPEND_SLICE = 2_000
_AUDIT = cast(Table, AuditEntry.__table__)
# Every entry names every column (the bulk insert wants the same keys in each row).
_ENTRY_KEYS: dict[str, Any] = {"entity_uuid": None, "before": None, "after": None}


def record(
    session: Session,
    action: AuditAction,
    obj: Record | None,
    *,
    summary: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    entity: str | None = None,
    entity_uuid: str | None = None,
) -> None:
    """Append one entry; call inside the write transaction so it commits with the change.

    ``entity`` and ``entity_uuid`` name a changed row that is no record (``obj`` None),
    such as this office.

    The actor is the transaction's (see :meth:`Database.write`). Whatever is passed, the
    entry holds no full ID number or phone: the summary is scrubbed and ``before`` /
    ``after`` are masked (:func:`mask_facts`).
    """
    if obj is not None:
        session.flush()
    masked_before = mask_facts(before) if before else None
    masked_after = mask_facts(after) if after else None
    if isinstance(before, Snapshot) and isinstance(after, Snapshot) and masked_after:
        masked_after.update(_changed_flags(before.hidden, after.hidden))
    append(
        session,
        [
            {
                "at": utcnow(),
                "action": action,
                "entity": entity or (obj.__tablename__ if obj is not None else "-"),
                "entity_uuid": obj.uuid if obj is not None else entity_uuid,
                "summary": scrub_text(summary)[:300],
                "before": _json(masked_before),
                "after": _json(masked_after),
            }
        ],
    )


_DEFAULT: Any = object()


def _or_snapshot(obj: Record, facts: dict[str, Any] | None) -> dict[str, Any] | None:
    """The facts a caller passed, or (passed none) ``obj``'s :func:`snapshot`."""
    return snapshot(obj) if facts is _DEFAULT else facts


def created(
    session: Session, obj: Record, summary: str, *, after: dict[str, Any] | None = _DEFAULT
) -> None:
    """Log that ``obj`` was created; its facts default to :func:`snapshot` after a flush."""
    session.flush()
    record(session, AuditAction.CREATE, obj, summary=summary, after=_or_snapshot(obj, after))


def created_all(session: Session, records: Sequence[tuple[Record, str]]) -> None:
    """Log that each record was created, under its summary, as :func:`created` does, in
    one append after one flush (an import creating many records)."""
    session.flush()
    at = utcnow()
    append(
        session,
        [
            {
                "at": at,
                "action": AuditAction.CREATE,
                "entity": obj.__tablename__,
                "entity_uuid": obj.uuid,
                "summary": scrub_text(summary)[:300],
                "before": None,
                "after": _json(mask_facts(snapshot(obj))),
            }
            for obj, summary in records
        ],
    )


def updated(
    session: Session,
    obj: Record,
    summary: str,
    before: dict[str, Any] | None,
    *,
    after: dict[str, Any] | None = _DEFAULT,
) -> None:
    """Log that ``obj`` changed from ``before``; the new facts default to :func:`snapshot`."""
    session.flush()
    record(
        session,
        AuditAction.UPDATE,
        obj,
        summary=summary,
        before=before,
        after=_or_snapshot(obj, after),
    )


def saved(
    session: Session,
    obj: Record,
    summary: str,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    """Log a record saved over whatever was stored for it: created when ``before`` is None
    (a year's evaluation or appraisal entered the first time), else changed from it."""
    action = AuditAction.CREATE if before is None else AuditAction.UPDATE
    record(session, action, obj, summary=summary, before=before, after=after)


def deleted(
    session: Session, obj: Record, summary: str, *, before: dict[str, Any] | None = _DEFAULT
) -> None:
    """Log that ``obj`` is being deleted (call before ``session.delete``). The flush that
    deletes it leaves its tombstone (:func:`_leave_tombstone`)."""
    record(session, AuditAction.DELETE, obj, summary=summary, before=_or_snapshot(obj, before))


class ImportOutcome(Protocol):
    """What an Excel import wrote (``ImportResult``, ``OrgImportResult``)."""

    @property
    def updated(self) -> int: ...
    @property
    def unchanged(self) -> int: ...
    @property
    def skipped(self) -> int: ...
    @property
    def bad(self) -> int: ...
    def summary(self) -> str: ...


def imported(
    session: Session,
    entity: str,
    what: tuple[str, str],
    source: tuple[str, str, int],
    result: ImportOutcome,
    *,
    on_duplicate: str,
    facts: dict[str, Any],
) -> None:
    """Log one Excel import of ``what`` (e.g. ``("党员", "members")``) from ``source`` (the
    file's name, its sheet, the rows read): the result's summary, its counts, the option
    and the other ``facts`` (e.g. how many were added)."""
    file, sheet, rows = source
    record(
        session,
        AuditAction.IMPORT,
        None,
        summary=t(
            f"从“{file}”导入{what[0]}：{result.summary()}",
            f"Imported {what[1]} from “{file}”: {result.summary()}",
        ),
        after={
            "file": file,
            "sheet": sheet,
            "rows": rows,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "bad": result.bad,
            "on_duplicate": on_duplicate,
            **facts,
        },
        entity=entity,
    )


def _leave_tombstone(_mapper: Mapper[Any], connection: Connection, target: Record) -> None:
    """Leave a tombstone for every travelling row a flush deletes, so the deletion reaches
    the other offices in the next packages: a record deleted by a service (after
    :func:`deleted`), and as much a child the ORM deletes with its parent or drops from its
    parent's list (a community's roles and rotation replaced, an activity's attendance).
    A record's deletion is recorded here once, whoever deleted it; packages' own
    deletions (``services/exchange/merge.py``) are written in SQL and leave theirs there.
    """
    from pbc_desktop.services.exchange.records import LOCAL_TABLES

    if target.__tablename__ in LOCAL_TABLES:
        return
    known = connection.execute(
        select(Tombstone.record_uuid).where(Tombstone.record_uuid == target.uuid)
    ).first()
    if known is not None:
        return
    session = object_session(target)
    user_id = session.info.get(USER_KEY) if session is not None else None
    connection.execute(
        insert(Tombstone).values(
            record_uuid=target.uuid,
            entity=target.__tablename__,
            origin_office=target.origin_office,
            deleted_at=utcnow(),
            deleted_by=user_id,
        )
    )


event.listen(Record, "after_delete", _leave_tombstone, propagate=True)
