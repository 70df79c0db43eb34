"""Merging a package's rows into this database: new, changed, unchanged, conflicting, deleted.

The rules (the issue's "ownership decides conflicts"):

- Each record's **agreed version** is the ``updated_at`` it had when it last came in from a
  package (``sync_base``). A package row no newer than that is stale: an older package
  arriving after a newer one never rolls a record back, and the same package twice
  changes nothing.
- A record **changed here** since it was agreed (its ``updated_at`` is no longer the agreed
  one; compared for equality, so a PC clock that is behind cannot hide an edit) and also
  changed in the package is a **conflict**. The office that owns the record wins: when the
  sender owns it, its version is applied and ours is kept in the conflict for a person to
  take back; otherwise ours stays and the sender's is kept in the conflict.
- A record not changed here takes the package's version, ``updated_at`` included, so the
  next comparison is exact; except one of our own records changed by another office,
  which stays as it is and is listed for us to decide (the owner decides, always).
- **Who owns** a record this database holds is what this database knows (the office it
  came from, or this one); a package's word counts only for a record new here, so no
  package can claim another office's record, or ours, for its sender.
- A change that would give a record the natural key another record here holds (an ID
  number corrected there to one of our other members') is a conflict too: ours stays.
- A tombstone deletes a record unless it was changed here and the sender does not own
  it, or it is one of our own records (another office deleted it: we decide), or it is
  still used by a record of ours (each a conflict: nothing is deleted from under a record
  that points at it, a list item's claims and follow-ups included, which the database
  would otherwise drop with it).
- A list item never falls behind its claims and follow-ups (``status_with_claims``): a
  package's status the claims here override is not applied, and is not announced as a
  change either (:attr:`RowChange.held_status` says the status the item keeps instead);
  an item the package leaves as it is but brings a claim or follow-up for is listed when
  that moves its status on (:attr:`RowChange.by_arrivals`).

:func:`merge` does all of this in the caller's transaction; the preview is the same call
in a transaction that is rolled back (``services/exchange/importing.py``), so what the
preview shows is exactly what applying does.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from itertools import islice
from typing import Any, cast

from sqlalchemy import (
    RowMapping,
    Select,
    Table,
    UniqueConstraint,
    bindparam,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pbc_desktop.db.base import name_key_values, utcnow, version_bump
from pbc_desktop.db.models import Claim, Supervision, SyncBase, SyncConflict, Tombstone
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.domain.exchange import record_label
from pbc_desktop.lang import t
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.records import TableShape, UuidIndex
from pbc_desktop.services.lists.common import ItemClaims, item_claims, keep_status_with_claims

CHUNK = 500
_SYNC_BASE = cast(Table, SyncBase.__table__)
_NOT_COMPARED = frozenset({"uuid", "created_at", "updated_at"})


class Change(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    DELETED = "deleted"


@dataclass(frozen=True)
class RowChange:
    """One record the package adds, changes, deletes or conflicts on (unchanged ones are
    only counted)."""

    entity: str
    uuid: str
    change: Change
    label: str
    #: the columns that differ (changed and conflicting records)
    fields: tuple[str, ...] = ()
    #: for a conflict: whose version the record now holds ("mine" or "theirs")
    kept: str = ""
    #: a list item whose status its claims and follow-ups here decide, not the change
    #: alone (``status_with_claims``): the status it holds once merged. A package's status
    #: the claims override is then not among ``fields``: it is not what the item takes.
    held_status: ItemStatus | None = None
    #: whether ``held_status`` is the status the item had here already
    status_stays: bool = False
    #: an item of ours the package leaves as it is (unchanged, or not in it) whose status
    #: moves on to ``held_status`` because of the claims or follow-ups the package brings
    by_arrivals: bool = False


@dataclass
class MergeResult:
    counts: dict[str, Counter[Change]] = field(default_factory=dict)
    changes: list[RowChange] = field(default_factory=list)
    #: the newest ``updated_at`` among the package's rows
    newest: datetime | None = None

    def count(self, entity: str, change: Change) -> int:
        return self.counts.get(entity, Counter())[change]

    @property
    def conflicts(self) -> int:
        return sum(c[Change.CONFLICT] for c in self.counts.values())

    def note(self, entity: str, change: Change) -> None:
        self.counts.setdefault(entity, Counter())[change] += 1


#: Who owns a package row: the sending office, unless the row names another (a town
#: passes its villages' records on); ``None`` for "this database's own".
OwnerOf = Callable[[TableShape, Mapping[str, Any]], str | None]


@dataclass(frozen=True)
class Sender:
    office_uuid: str
    package_uuid: str
    owner_of: OwnerOf
    #: this database's own office: a change another office made to one of our records
    #: is never applied by itself (the owner decides)
    local_office: str = ""


def merge(
    session: Session,
    parts: Iterable[tuple[str, Iterable[Mapping[str, Any]]]],
    tombstones: Iterable[Mapping[str, Any]],
    sender: Sender,
    *,
    dry: bool = False,
) -> MergeResult:
    """Merge ``parts`` (record type → package rows, parents first) and then ``tombstones``
    (``{"entity", "uuid"}``) into the session's transaction.

    ``dry`` (the preview, whose transaction is rolled back) decides every row exactly as
    merging does but leaves out the writes nothing later depends on: new rows get
    stand-in ids instead of being inserted, changed rows and agreed versions are not
    written. Deletions are still tried (whether one is refused depends on the database).
    """
    ctx = _Context(session, sender, UuidIndex(session), MergeResult(), dry=dry)
    for name, rows in parts:
        shape = records.shape_of(name)
        later: list[tuple[str, dict[str, str], datetime]] = []
        iterator = iter(rows)
        while chunk := list(islice(iterator, CHUNK)):
            _merge_chunk(ctx, shape, chunk, later)
        if not dry:
            for row_uuid, own, updated_at in later:
                records.link_own(session, shape, ctx.index, row_uuid, own, updated_at=updated_at)
    _hold_item_statuses(ctx)
    if not dry:
        _keep_item_statuses(ctx)
    _apply_tombstones(session, tombstones, sender, ctx.result)
    return ctx.result


#: Items, and the records whose arrival can move an item's status (claims, follow-ups).
_ITEM_RECORDS = {"list_item": "item_uuids", "claim": "claim_uuids", "supervision": "followup_uuids"}


def _keep_item_statuses(ctx: _Context) -> None:
    """An item whose version came in, or that a claim or follow-up came in for, takes the
    status its claims and follow-ups imply when that is further on: a package's 待认领
    never undoes a claim held here, and a claim arriving moves its item on. The item
    counts as it was merged (changed, kept, ...); its updated_at stays."""
    named: dict[str, list[str]] = {key: [] for key in _ITEM_RECORDS.values()}
    for change in ctx.result.changes:
        key = _ITEM_RECORDS.get(change.entity)
        if key is not None and change.change is not Change.DELETED:
            named[key].append(change.uuid)
    if any(named.values()):
        keep_status_with_claims(ctx.session, **named)


@dataclass(frozen=True)
class _ItemSeen:
    """A list item of ours the package changes or conflicts on, as merged."""

    #: its place in ``MergeResult.changes``
    index: int
    item_id: int
    #: its status here before the merge, and the package's
    here: ItemStatus
    theirs: ItemStatus
    #: whether the package's version was applied
    applied: bool


def _seen_item(
    ctx: _Context, shape: TableShape, local: RowMapping, values: Mapping[str, Any], *, applied: bool
) -> None:
    """Remember a list item just recorded (the last of the changes) for
    :func:`_hold_item_statuses`."""
    if shape.name == "list_item":
        here = local["status"]
        theirs = values.get("status", here)
        ctx.items.append(_ItemSeen(len(ctx.result.changes) - 1, local["id"], here, theirs, applied))


def _seen_claims(ctx: _Context, shape: TableShape, rows: Iterable[Mapping[str, Any]]) -> None:
    """The items the claims or follow-ups written (or, dry, to be written) point at."""
    found = {"claim": ctx.claimed, "supervision": ctx.followed}.get(shape.name)
    if found is not None:
        found.update(row["item_id"] for row in rows if row.get("item_id") is not None)


def _hold_item_statuses(ctx: _Context) -> None:
    """Say of each item the package changes or conflicts on what status its claims and
    follow-ups here leave it (as :func:`_keep_item_statuses` then writes it), dry or not,
    so that the preview says what receiving does: a package's status the claims override
    (its 待认领 where a claim is held here) is taken out of the change's fields, and the
    status the item holds instead is named."""
    _moved_by_arrivals(ctx)
    if not ctx.items:
        return
    known = item_claims(ctx.session, {seen.item_id for seen in ctx.items})
    for seen in ctx.items:
        found = known.get(seen.item_id)
        if found is None:
            continue
        rule = ItemClaims(  # a dry run has not written the package's claims
            found.kind,
            claimed=found.claimed or seen.item_id in ctx.claimed,
            followed_up=found.followed_up or seen.item_id in ctx.followed,
        )
        merged = seen.theirs if seen.applied else seen.here
        held = rule.status(merged)
        change = ctx.result.changes[seen.index]
        fields = change.fields
        theirs = rule.status(seen.theirs)
        if "status" in fields and theirs != seen.theirs and theirs == rule.status(seen.here):
            fields = tuple(f for f in fields if f != "status")  # whichever version: ``held``
        elif held == merged:
            continue
        ctx.result.changes[seen.index] = replace(
            change, fields=fields, held_status=held, status_stays=held == seen.here
        )


def _moved_by_arrivals(ctx: _Context) -> None:
    """List each item of ours the package does not change (nor conflict on) whose status
    the claims or follow-ups it brings move on, as :func:`_keep_item_statuses` then writes
    it (a claim alone for a 待认领 item makes it 已认领): the item is otherwise unchanged,
    only counted if at all, so without this row the preview would not say so."""
    seen = {item.item_id for item in ctx.items}
    new = ctx.fresh.get("list_item", set())
    ids = sorted((ctx.claimed | ctx.followed) - seen - new)
    table = records.shape_of("list_item").table
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        known = item_claims(ctx.session, chunk)
        rows = ctx.session.execute(select(table).where(table.c.id.in_(chunk))).mappings()
        for row in rows:
            found = known[row["id"]]
            rule = ItemClaims(  # a dry run has not written the package's claims
                found.kind,
                claimed=found.claimed or row["id"] in ctx.claimed,
                followed_up=found.followed_up or row["id"] in ctx.followed,
            )
            moved = rule.status(row["status"])
            if moved != row["status"]:
                ctx.result.changes.append(
                    RowChange(
                        "list_item",
                        row["uuid"],
                        Change.CHANGED,
                        _label(dict(row)),
                        held_status=moved,
                        by_arrivals=True,
                    )
                )


@dataclass
class _Context:
    session: Session
    sender: Sender
    index: UuidIndex
    result: MergeResult
    dry: bool = False
    #: table name → ids of the rows this merge inserted (nothing of ours can share a
    #: natural key with a row whose parent is new)
    fresh: dict[str, set[int]] = field(default_factory=dict)
    #: the last stand-in id given to a new row in a dry run (counting down from -1)
    stand_in: int = 0
    #: UUIDs of our never-exchanged rows that took the package's UUID in this merge
    adopted: set[str] = field(default_factory=set)
    #: list items changed or conflicting, and the ids of the items the package's claims
    #: and follow-ups point at (:func:`_hold_item_statuses`)
    items: list[_ItemSeen] = field(default_factory=list)
    claimed: set[int] = field(default_factory=set)
    followed: set[int] = field(default_factory=set)


def _merge_chunk(
    ctx: _Context,
    shape: TableShape,
    chunk: list[Mapping[str, Any]],
    later: list[tuple[str, dict[str, str], datetime]],
) -> None:
    session, sender, index, result = ctx.session, ctx.sender, ctx.index, ctx.result
    table = shape.table
    decoded = [(row, *records.decode_row(shape, row, index)) for row in chunk]
    for _row, values, _own in decoded:  # where each record came from, as this office sees it
        origin = values.get("origin_office") or sender.office_uuid
        values["origin_office"] = None if origin == sender.local_office else origin
    uuids = [values["uuid"] for _row, values, _own in decoded]
    existing = {r["uuid"]: r for r in session.execute(_held(ctx, table, uuids)).mappings()}
    bases = _bases(session, uuids, sender.office_uuid)
    known = _natural_matches(ctx, shape, [v for _r, v, _o in decoded if v["uuid"] not in existing])
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for row, values, own in decoded:
        row_uuid: str = values["uuid"]
        incoming_at: datetime = values["updated_at"]
        if result.newest is None or incoming_at > result.newest:
            result.newest = incoming_at
        local = existing.get(row_uuid)
        if local is None:
            local = _adopt(ctx, shape, values, known)
            if local is None:
                new.append(values)
                _agree(session, bases, row_uuid, incoming_at)
                if own:
                    later.append((row_uuid, own, incoming_at))
                _record(result, shape, row_uuid, Change.NEW, values)
                continue
            if local["uuid"] != row_uuid:  # the same record under another UUID, exchanged
                _conflict(
                    session,
                    shape,
                    local["uuid"],
                    sender=sender,
                    kept="mine",
                    values=values,
                    fields=("uuid",),
                    other=row,
                )
                index.alias(table, row_uuid, local["id"])
                _record(result, shape, row_uuid, Change.CONFLICT, values, fields=("uuid",))
                continue
        base = bases.get(row_uuid)
        adopted = row_uuid in ctx.adopted
        owner = _owner(sender, row, shape, local, adopted=adopted)
        if not adopted:
            values["origin_office"] = local["origin_office"]  # a package cannot reassign it
        differing = _differing(shape, local, values, own, index)
        if not differing:
            _agree(session, bases, row_uuid, local["updated_at"])
            result.note(shape.name, Change.UNCHANGED)
            continue
        if incoming_at <= (base if base is not None else local["updated_at"]):
            result.note(shape.name, Change.UNCHANGED)  # stale: never roll back
            continue
        # e.g. an ID number corrected there that another record holds here: ours stays
        taken = _taken(session, shape, row_uuid, values, differing)
        edited_here = base is None or local["updated_at"] != base
        sender_owns = owner == sender.office_uuid and not taken
        we_own = bool(sender.local_office) and owner == sender.local_office
        kept = ""
        if taken or we_own or (edited_here and not (base is None and sender_owns)):
            kept = "theirs" if sender_owns else "mine"
            other = records.encode_row(shape, local, index) if sender_owns else row
            _conflict(
                session,
                shape,
                row_uuid,
                sender=sender,
                kept=kept,
                values=values,
                fields=tuple(differing),
                other=other,
            )
            if not sender_owns:  # ours stays; the package's version is seen, not asked again
                _agree(session, bases, row_uuid, incoming_at)
                _record(
                    result, shape, row_uuid, Change.CONFLICT, values, fields=differing, kept=kept
                )
                _seen_item(ctx, shape, local, values, applied=False)
                continue
        changed.append(values)
        _agree(session, bases, row_uuid, incoming_at)
        if own:
            later.append((row_uuid, own, incoming_at))
        change = Change.CONFLICT if kept else Change.CHANGED
        _record(result, shape, row_uuid, change, values, fields=differing, kept=kept)
        _seen_item(ctx, shape, local, values, applied=True)
    _seen_claims(ctx, shape, [*new, *changed])
    if ctx.dry:
        _stand_in(ctx, shape, new)
        return
    _insert(ctx, shape, new)
    _update(session, shape, changed)
    bases.flush(session)


def _held(ctx: _Context, table: Table, uuids: list[str]) -> Select[Any]:
    """The rows of ``uuids`` as they are here, held until the package is written (on a
    server): a clerk's save of one of them committed meanwhile is seen as a change here,
    never written over unseen.

    Held against changes only (``FOR NO KEY UPDATE``), not against a new record referring
    to one of them: a clerk adding a member to one of the package's branches, an activity
    to one of its communities, goes in at once. ``FOR UPDATE`` made each such save wait
    for the whole package, and one that had first changed a record the package comes to
    later (a member's save checks its branch again) deadlocked with it: one of the two
    failed. A dry run (the preview) writes nothing and holds nothing."""
    query = select(table).where(table.c.uuid.in_(uuids))
    return query if ctx.dry else query.with_for_update(key_share=True)


def _owner(
    sender: Sender,
    row: Mapping[str, Any],
    shape: TableShape,
    local: RowMapping,
    *,
    adopted: bool,
) -> str | None:
    """Who owns a record this database holds: the office it is known to have come from, or
    this office for one of its own. Only for a record of ours that has just taken the
    package's UUID (the same name at both ends) does the package say: a package cannot
    claim another office's record, or ours, for its sender."""
    if local["origin_office"] is not None:
        return str(local["origin_office"])
    if sender.local_office and not adopted:
        return sender.local_office
    return sender.owner_of(shape, row)


def _by_keys(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by the columns they set (one statement, many rows, per group)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return groups


def _stand_in(ctx: _Context, shape: TableShape, rows: list[dict[str, Any]]) -> None:
    """Ids that no row has, for the new rows of a dry run, so the rows that point at
    them resolve as they will once inserted."""
    fresh = ctx.fresh.setdefault(shape.table.name, set())
    for row in rows:
        ctx.stand_in -= 1
        ctx.index.add(shape.table, ctx.stand_in, row["uuid"])
        fresh.add(ctx.stand_in)


def _insert(ctx: _Context, shape: TableShape, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` many per statement, then learn their ids in one query (a RETURNING
    in row order would cost SQLite a statement per row)."""
    if not rows:
        return
    table = shape.table
    connection = ctx.session.connection()
    for group in _by_keys(rows).values():
        with _refused_as_clash(shape):
            connection.execute(insert(table), group)
    fresh = ctx.fresh.setdefault(table.name, set())
    uuids = [row["uuid"] for row in rows]
    for new_id, row_uuid in connection.execute(
        select(table.c.id, table.c.uuid).where(table.c.uuid.in_(uuids))
    ):
        ctx.index.add(table, new_id, row_uuid)
        fresh.add(new_id)


def _update(session: Session, shape: TableShape, rows: list[dict[str, Any]]) -> None:
    table = shape.table
    # a changed name brings its pinyin keys, which no package carries
    rows = [row | name_key_values(table, row) for row in rows]
    for keys, group in _by_keys(rows).items():
        stmt = (
            update(table)
            .where(table.c.uuid == bindparam("match_uuid"))
            .values({k: bindparam(f"new_{k}") for k in keys if k != "uuid"})
            .values(version_bump(table))  # a received change counts here too
        )
        params = [
            {f"new_{k}": v for k, v in row.items()} | {"match_uuid": row["uuid"]} for row in group
        ]
        with _refused_as_clash(shape):
            session.connection().execute(stmt, params)


@contextmanager
def _refused_as_clash(shape: TableShape) -> Iterator[None]:
    """A package whose rows clash with each other or with ours in a way merging does not
    decide (two of its records with one ID number) is refused with a sentence."""
    try:
        yield
    except IntegrityError as exc:
        raise records.RowError(
            t(
                f"数据包中的“{record_label(shape.name)}”记录与本库或包内的其他记录重复"
                "（如身份证号码或名称相同），已拒绝，未写入任何数据。请发出单位核对后重新导出。",
                f"The package's “{record_label(shape.name)}” records clash with other records "
                "(the same ID number or name, for instance); it was refused and nothing was "
                "written. Ask the sending office to check them and export again.",
            )
        ) from exc


def _natural_matches(
    ctx: _Context, shape: TableShape, rows: list[dict[str, Any]]
) -> dict[tuple[str, ...], dict[tuple[Any, ...], RowMapping]]:
    """Rows of ours sharing a one-column natural key (a name, an ID number) with one of
    ``rows``, found in one query per key; composite keys are looked up row by row."""
    table = shape.table
    found: dict[tuple[str, ...], dict[tuple[Any, ...], RowMapping]] = {}
    for key in _natural_keys_of(shape.name):
        if len(key) != 1 or not rows:
            continue
        (column,) = key
        wanted = {r[column] for r in rows if r.get(column) is not None}
        matches = ctx.session.execute(select(table).where(table.c[column].in_(wanted))).mappings()
        found[key] = {(m[column],): m for m in matches} if wanted else {}
    return found


def _adopt(
    ctx: _Context,
    shape: TableShape,
    values: Mapping[str, Any],
    known: dict[tuple[str, ...], dict[tuple[Any, ...], RowMapping]],
) -> RowMapping | None:
    """The row of ours that is the package row's record under another UUID: one with the
    same natural key (a unique name, ID number, or pair such as community + organization).

    A row of ours never exchanged with anybody takes the package's UUID, so from now on
    both offices name it alike (a village's own 党支部 meeting the district's registry
    entry for it). One already exchanged keeps its UUID and is returned as it is: the
    caller lists the clash as a conflict.
    """
    table = shape.table
    for key in _natural_keys_of(shape.name):
        if any(values.get(c) is None for c in key):
            continue
        if any(
            c in shape.references and values[c] in ctx.fresh.get(shape.references[c].name, ())
            for c in key
        ):
            continue  # its parent is new here: nothing of ours can share this key
        if key in known:
            match = known[key].get(tuple(values[c] for c in key))
        else:
            match = (
                ctx.session.execute(select(table).where(*(table.c[c] == values[c] for c in key)))
                .mappings()
                .first()
            )
        if match is None:
            continue
        exchanged = ctx.session.scalar(
            select(SyncBase.office).where(SyncBase.record_uuid == match["uuid"]).limit(1)
        )
        if exchanged is not None:
            return match
        ctx.session.execute(
            update(table)
            .where(table.c.id == match["id"])
            .values(uuid=values["uuid"], updated_at=match["updated_at"], **version_bump(table))
        )
        ctx.index.add(table, match["id"], values["uuid"])
        ctx.adopted.add(values["uuid"])
        return ctx.session.execute(select(table).where(table.c.id == match["id"])).mappings().one()
    return None


def _taken(
    session: Session,
    shape: TableShape,
    row_uuid: str,
    values: Mapping[str, Any],
    differing: Iterable[str],
) -> bool:
    """Whether a changed value of a natural key (an ID number, a unique name) is held by
    another record here: applying the change would make two records one."""
    table = shape.table
    changed = set(differing)
    for key in _natural_keys_of(shape.name):
        if not changed.intersection(key) or any(values.get(c) is None for c in key):
            continue
        other = session.scalar(
            select(table.c.id)
            .where(*(table.c[c] == values[c] for c in key), table.c.uuid != row_uuid)
            .limit(1)
        )
        if other is not None:
            return True
    return False


@cache
def _natural_keys_of(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(_natural_keys(records.shape_of(name)))


def _natural_keys(shape: TableShape) -> list[tuple[str, ...]]:
    keys = []
    for constraint in shape.table.constraints:
        if isinstance(constraint, UniqueConstraint):
            names = tuple(c.name for c in constraint.columns)
            if names != ("uuid",):
                keys.append(names)
    return keys


def _apply_tombstones(
    session: Session,
    tombstones: Iterable[Mapping[str, Any]],
    sender: Sender,
    result: MergeResult,
) -> None:
    order = {shape.name: i for i, shape in enumerate(records.exchanged_tables())}
    listed = sorted(
        tombstones, key=lambda t: -order.get(str(t.get("entity")), -1)
    )  # children first
    for stone in listed:
        shape = records.shape_of(str(stone.get("entity")))
        row_uuid = str(stone.get("uuid"))
        table = shape.table
        local = (  # held, as the changed rows are (see _merge_chunk)
            session.execute(select(table).where(table.c.uuid == row_uuid).with_for_update())
            .mappings()
            .first()
        )
        if local is None:
            continue  # never had it, or deleted already
        base = session.get(SyncBase, (row_uuid, sender.office_uuid))
        edited_here = base is None or local["updated_at"] != base.updated_at
        # whose record it is, as this database knows it (the tombstone's word only when
        # this database does not know it)
        owner = local["origin_office"] or sender.local_office or stone.get("owner")
        owner = owner or sender.office_uuid
        values = dict(local)
        we_own = bool(sender.local_office) and owner == sender.local_office
        if (
            we_own
            or (edited_here and owner != sender.office_uuid)  # the owner decides
            or _followed_here(session, shape, local["id"])
        ):
            _deletion_kept(
                session, shape, row_uuid, sender=sender, values=values, stone=stone, result=result
            )
            continue
        try:
            with session.begin_nested():
                session.execute(delete(table).where(table.c.uuid == row_uuid))
        except IntegrityError:  # still used by a record of ours
            _deletion_kept(
                session, shape, row_uuid, sender=sender, values=values, stone=stone, result=result
            )
            continue
        session.execute(delete(SyncBase).where(SyncBase.record_uuid == row_uuid))
        deleted_at = _stone_time(stone)
        if session.get(Tombstone, row_uuid) is None:  # passed on in this office's packages
            origin = None if owner == sender.local_office else owner
            session.add(
                Tombstone(
                    record_uuid=row_uuid,
                    entity=shape.name,
                    origin_office=origin,
                    deleted_at=deleted_at,
                )
            )
        # the deletion came from the sender: it is not sent back to it
        session.add(
            SyncBase(record_uuid=row_uuid, office=sender.office_uuid, updated_at=deleted_at)
        )
        _record(result, shape, row_uuid, Change.DELETED, values)


def _followed_here(session: Session, shape: TableShape, row_id: int) -> bool:
    """Whether the row ``row_id`` is a list item with claims or follow-ups here (the
    package's own deletions of them applied already): records still using it that the
    database would delete with it (``ON DELETE CASCADE``), not refuse as it does others."""
    if shape.name != "list_item":
        return False
    return any(
        session.scalar(select(table.id).where(table.item_id == row_id).limit(1)) is not None
        for table in (Claim, Supervision)
    )


def _deletion_kept(
    session: Session,
    shape: TableShape,
    row_uuid: str,
    *,
    sender: Sender,
    values: Mapping[str, Any],
    stone: Mapping[str, Any],
    result: MergeResult,
) -> None:
    """The record stays (changed here, or still used here): a conflict to decide."""
    _conflict(
        session,
        shape,
        row_uuid,
        sender=sender,
        kept="mine",
        values=values,
        fields=("deleted",),
        other=stone,
    )
    _record(result, shape, row_uuid, Change.CONFLICT, values, fields=("deleted",), kept="mine")


def _stone_time(stone: Mapping[str, Any]) -> datetime:
    """When the tombstone says the record was deleted (now, if it does not say)."""
    at = stone.get("deleted_at")
    if isinstance(at, str):
        try:
            parsed = datetime.fromisoformat(at)
        except ValueError:
            return utcnow()
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    return utcnow()


def _conflict(
    session: Session,
    shape: TableShape,
    row_uuid: str,
    *,
    sender: Sender,
    kept: str,
    values: Mapping[str, Any],
    fields: tuple[str, ...],
    other: Mapping[str, Any],
) -> None:
    session.add(
        SyncConflict(
            entity=shape.name,
            record_uuid=row_uuid,
            label=_label(values)[:200],
            sender=sender.office_uuid,
            package_uuid=sender.package_uuid,
            kept=kept,
            fields=json.dumps(list(fields)),
            other=json.dumps(dict(other), ensure_ascii=False),
        )
    )


def _bases(session: Session, uuids: list[str], office: str) -> _Bases:
    rows = session.execute(
        select(SyncBase.record_uuid, SyncBase.updated_at).where(
            SyncBase.office == office, SyncBase.record_uuid.in_(uuids)
        )
    )
    return _Bases(office, {row[0]: row[1] for row in rows})


@dataclass
class _Bases:
    """The agreed versions with one office, for the rows of one chunk; changes to them
    are written together by :meth:`flush`."""

    office: str
    known: dict[str, datetime]
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)

    def get(self, row_uuid: str) -> datetime | None:
        return self.known.get(row_uuid)

    def flush(self, session: Session) -> None:
        if self.inserts:
            session.connection().execute(insert(_SYNC_BASE), self.inserts)
        if self.updates:
            stmt = (
                update(SyncBase)
                .where(
                    SyncBase.record_uuid == bindparam("match_uuid"),
                    SyncBase.office == bindparam("match_office"),
                )
                .values(updated_at=bindparam("new_at"))
            )
            session.connection().execute(stmt, self.updates)
        self.inserts, self.updates = [], []


def _agree(_session: Session, bases: _Bases, row_uuid: str, at: datetime) -> None:
    """Remember ``at`` as the version of ``row_uuid`` this office and ``bases.office``
    agree on (written by ``bases.flush``)."""
    if row_uuid in bases.known:
        if bases.known[row_uuid] != at:
            bases.updates.append(
                {"match_uuid": row_uuid, "match_office": bases.office, "new_at": at}
            )
    else:
        bases.inserts.append({"record_uuid": row_uuid, "office": bases.office, "updated_at": at})
    bases.known[row_uuid] = at


def agree_sent(session: Session, recipient: str, sent: Iterable[tuple[str, datetime]]) -> None:
    """Remember each ``(uuid, updated_at)`` a package to ``recipient`` carries as the
    version both now hold (called in the export's transaction)."""
    table = _SYNC_BASE
    connection = session.connection()
    iterator = iter(sent)
    while chunk := list(islice(iterator, CHUNK)):
        connection.execute(
            delete(table).where(
                table.c.office == recipient, table.c.record_uuid.in_([u for u, _at in chunk])
            )
        )
        connection.execute(
            insert(table),
            [{"record_uuid": u, "office": recipient, "updated_at": at} for u, at in chunk],
        )


def _differing(
    shape: TableShape,
    local: RowMapping,
    values: Mapping[str, Any],
    own: Mapping[str, str],
    index: UuidIndex,
) -> list[str]:
    names = [
        name
        for name, value in values.items()
        if name not in _NOT_COMPARED and name not in own and local[name] != value
    ]
    for name, ref in own.items():
        current = local[name]
        if current is None or index.uuid(shape.table, current) != ref:
            names.append(name)
    return names


def _label(values: Mapping[str, Any]) -> str:
    for column in records.LABEL_COLUMNS:
        value = values.get(column)
        if isinstance(value, str) and value:
            return value
    return ""


def _record(
    result: MergeResult,
    shape: TableShape,
    row_uuid: str,
    change: Change,
    values: Mapping[str, Any],
    *,
    fields: Iterable[str] = (),
    kept: str = "",
) -> None:
    result.note(shape.name, change)
    result.changes.append(
        RowChange(shape.name, row_uuid, change, _label(values), tuple(fields), kept)
    )
