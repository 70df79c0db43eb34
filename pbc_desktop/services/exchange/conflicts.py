"""The conflict list: records changed here and at another office since they last agreed,
for a person to decide field by field which version stands.

Merging already kept one version (the owner's: ``services/exchange/merge.py``); deciding
either confirms it or takes the other one, which then counts as a change made here and
travels in the next package like any edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pbc_desktop.db.base import name_key_values, utcnow, version_bump
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ListItem, SyncConflict
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction, ItemStatus
from pbc_desktop.domain.exchange import field_label, record_label
from pbc_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.office_scope import answers_for_the_office
from pbc_desktop.services.exchange.records import UuidIndex
from pbc_desktop.services.exchange.shown_values import ValueText
from pbc_desktop.services.lists.common import item_claims, keep_status_with_claims
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields

DELETED = "deleted"  # the field list of a deletion kept from happening
SAME_KEY = "uuid"  # the field list of a record another office has under another UUID


@dataclass(frozen=True)
class FieldVersions:
    """A field in conflict: its column, its name for people, and each version's value as
    people read it (``shown_values``: labels, dates, amounts, names, personal data masked
    without the permission)."""

    name: str
    label: str
    ours: str
    theirs: str


@dataclass(frozen=True)
class ConflictView:
    id: int
    entity: str
    entity_label: str
    label: str
    at: datetime
    #: True: the record holds the other office's version (it owns the record)
    kept_theirs: bool
    deletion: bool
    same_key: bool
    fields: tuple[FieldVersions, ...]
    #: a list item whose claims or follow-ups here hold its status whichever version is
    #: taken (``status_with_claims``): that status; "status" is then not among ``fields``
    held_status: ItemStatus | None = None

    @property
    def decidable(self) -> bool:
        """Whether the other version can be taken (two records under one name cannot be
        joined here: that is a matter for the offices to settle)."""
        return not self.same_key


def _require_the_office(db: Database, s: Session) -> None:
    """Conflicts are the office's, over any of its records: read and decided by an account
    that answers for the whole office (``office_scope``)."""
    require(db, Permission.EXCHANGE)
    if not answers_for_the_office(db, s):
        raise PermissionDeniedError(
            t(
                "数据交换中的冲突涉及本单位的全部记录，由负责本单位的账号处理，当前账号不能查看或处理。",
                "Exchange conflicts concern any record of this office: an account answering "
                "for the whole office decides them; the signed-in account may not see or "
                "decide them.",
            )
        )


def open_conflicts(db: Database) -> list[ConflictView]:
    personal = db.user.can(Permission.SEE_PERSONAL_DATA)
    with db.read() as s:
        _require_the_office(db, s)
        rows = s.scalars(
            select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.id)
        ).all()
        index = UuidIndex(s)
        shown = ValueText(s, personal=personal)
        return [_view(s, c, index, shown) for c in rows]


def _view(s: Session, c: SyncConflict, index: UuidIndex, shown: ValueText) -> ConflictView:
    names = tuple(json.loads(c.fields))
    other: dict[str, Any] = json.loads(c.other)
    current = _current(s, c, index)
    ours, theirs = (other, current) if c.kept == "theirs" else (current, other)
    held = _held_status(s, c, names, ours, theirs)
    shape = records.shape_of(c.entity)
    fields = tuple(
        FieldVersions(
            name,
            field_label(c.entity, name),
            shown(shape, name, ours.get(name)),
            shown(shape, name, theirs.get(name)),
        )
        for name in names
        if name not in {DELETED, SAME_KEY} and not (name == "status" and held is not None)
    )
    return from_fields(
        ConflictView,
        c,
        label=c.label or shown.describe(shape, current or other),
        entity_label=record_label(c.entity),
        kept_theirs=c.kept == "theirs",
        deletion=DELETED in names,
        same_key=SAME_KEY in names,
        fields=fields,
        held_status=held,
    )


def _held_status(
    s: Session,
    c: SyncConflict,
    names: tuple[str, ...],
    ours: dict[str, Any],
    theirs: dict[str, Any],
) -> ItemStatus | None:
    """The status a list item in conflict over its status keeps whichever version is
    taken, because of its claims or follow-ups here (merging took a package's 待认领 out
    of a claimed item's change already, and taking the other version does the same);
    None when the versions' statuses still differ in effect, or nothing holds it."""
    if c.entity != "list_item" or "status" not in names:
        return None
    row = s.execute(select(ListItem.id, ListItem.status).where(ListItem.uuid == c.record_uuid))
    found = row.first()
    if found is None:
        return None
    item_id, status = found
    rule = item_claims(s, [item_id]).get(item_id)
    if rule is None or not (rule.claimed or rule.followed_up):
        return None
    try:
        versions = {
            rule.status(ItemStatus.from_label(str(v.get("status", status)))) for v in (ours, theirs)
        }
    except ValueError:  # not a status this program knows: shown as it is
        return None
    return status if versions == {status} else None


def _current(s: Session, c: SyncConflict, index: UuidIndex) -> dict[str, Any]:
    shape = records.shape_of(c.entity)
    row = s.execute(select(shape.table).where(shape.table.c.uuid == c.record_uuid)).mappings()
    found = row.first()
    return {} if found is None else records.encode_row(shape, found, index)


def resolve(db: Database, conflict_id: int, *, take_other: bool) -> None:
    """Close a conflict: keep the record as merging left it, or take the other version
    (a deletion: delete the record)."""
    with db.write() as s:
        _require_the_office(db, s)
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            raise NotFoundError(
                t("该冲突已处理或不存在。", "The conflict was decided already or does not exist.")
            )
        names = json.loads(c.fields)
        shape = records.shape_of(c.entity)
        table = shape.table
        values = _current(s, c, UuidIndex(s)) or json.loads(c.other)
        label = c.label or ValueText(s, personal=False).describe(shape, values)
        choice = t("保留当前版本", "kept the current version")
        if take_other:
            if SAME_KEY in names:
                raise ConflictError(
                    t(
                        "两个单位把同一名称登记为不同记录，不能在此合并；请与对方单位核对后修改其中一条。",
                        "The two offices hold this name as two different records, which "
                        "cannot be joined here; agree with the other office and change one.",
                    )
                )
            if DELETED in names:
                try:
                    with s.begin_nested():
                        s.execute(delete(table).where(table.c.uuid == c.record_uuid))
                except IntegrityError as exc:
                    raise ConflictError(
                        t(
                            "该记录仍被本单位的其他记录使用，不能删除。",
                            "The record is still used by other records here and cannot be deleted.",
                        )
                    ) from exc
            else:
                other = json.loads(c.other)
                values, _own = records.decode_row(shape, other, UuidIndex(s))
                values = {k: v for k, v in values.items() if k in names}
                values |= name_key_values(table, values)  # a name taken: its pinyin too
                values["updated_at"] = utcnow()  # a change made here: it travels on
                values.update(version_bump(table))
                try:
                    with s.begin_nested():
                        s.execute(update(table).where(table.c.uuid == c.record_uuid).values(values))
                except IntegrityError as exc:  # e.g. its ID number is another record's here
                    raise ConflictError(
                        t(
                            "另一版本的内容（如身份证号码）与本库另一条记录相同，不能采用；"
                            "请与对方单位核对后修改其中一条。",
                            "The other version holds a value (such as an ID number) that "
                            "another record here has; agree with the other office and "
                            "change one of them.",
                        )
                    ) from exc
                if c.entity == "list_item":  # the other version's status cannot undo a claim
                    keep_status_with_claims(s, item_uuids=[c.record_uuid])
            choice = t("采用另一版本", "took the other version")
        c.resolved_at = utcnow()
        c.resolved_by = db.user.user_id
        audit.record(
            s,
            AuditAction.UPDATE,
            None,
            summary=t(
                f"处理数据交换冲突：{record_label(c.entity)} {label}，{choice}",
                f"Decided an exchange conflict: {record_label(c.entity)} {label}, {choice}",
            ),
            entity=c.entity,
        )
