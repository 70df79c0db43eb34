"""What a package to another office holds: which records, which of their fields.

**Which records.** Going *up* (village → town → district) a package holds everything this
database has: the level above supervises and merges it all. Going *down* or *sideways*
(the district or a town to a village, a village to another) it holds what the recipient's
own account would see: the organization registry and the district's reference lists
(indicator systems, posts, venues), the communities one of its organizations belongs to
with everything recorded in them, its own party members and what else its organizations
own (committees, appraisals, applicants). A reference from a record it gets to one it
does not (another village's member in an attendance list) travels empty. An account that
sees part of the database sends no more than that part, whichever way.

**Since when.** Unless everything is asked for, a record travels only when the recipient
does not already hold this version of it: the version it was last sent, or the one that
came from it (``sync_base``, per office). Clocks do not matter: what counts is whether the
version changed, not when.

**Personal data.** ID numbers and phones go up only; going down or sideways they are left
out of the rows (not emptied: the recipient's own values stay as they are) and the
manifest says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.models import (
    Community,
    CommunityMember,
    Organization,
    PartyMember,
    SyncBase,
    Tombstone,
)
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import OrgLevel, UserRole
from pbc_desktop.domain.privacy import mask_id_number, mask_phone
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.access import Access, own_org_ids
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.records import TableShape, UuidIndex

_RANK = {OrgLevel.VILLAGE: 0, OrgLevel.TOWN: 1, OrgLevel.DISTRICT: 2}

#: Columns that go up only, in whichever table holds them: the ID numbers and phones the
#: audit log masks (a member's, a candidate's, a role's, an organization's contact, a
#: member's phone while away). Found by name, so a table added later is covered too: a
#: list of tables once missed the 流动党员's phone.
UP_ONLY = frozenset(
    name for name, mask in audit.PERSONAL_FIELDS.items() if mask in (mask_id_number, mask_phone)
)


def personal_columns(shape: TableShape) -> tuple[str, ...]:
    """The columns of ``shape`` that go up only."""
    return tuple(c.name for c in shape.columns if c.name in UP_ONLY)


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"
    SIDEWAYS = "sideways"


def direction(sender: OrgLevel, recipient: OrgLevel) -> Direction:
    if _RANK[recipient] > _RANK[sender]:
        return Direction.UP
    if _RANK[recipient] < _RANK[sender]:
        return Direction.DOWN
    return Direction.SIDEWAYS


@dataclass(frozen=True)
class Recipient:
    uuid: str
    level: OrgLevel
    #: its organization (a village) or town (a town); both None: the district
    organization_uuid: str | None = None
    town: str | None = None


@dataclass
class Selection:
    """The rows a package will carry, read as the package is written (streamed)."""

    session: Session
    recipient: Recipient
    direction: Direction
    everything: bool
    #: table name → the ids the recipient may have (None: every row)
    allowed: dict[str, Select[Any] | None]
    #: the organizations of the account that sends (None: all of them)
    sender_orgs: frozenset[int] | None = None
    #: the communities whose team the account that sends keeps (None: all of them)
    sender_teams: frozenset[int] | None = None
    #: (uuid, updated_at) of every row handed out: agreed with the recipient once the
    #: package is safely written
    sent: list[tuple[str, datetime]] = field(default_factory=list)

    @property
    def left_out(self) -> list[str]:
        if self.direction is Direction.UP:
            return []
        return [
            t(
                "身份证号、联系电话只向上级报送，本数据包未包含。",
                "ID numbers and phones go to the levels above only; this package leaves them out.",
            )
        ]

    def parts(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        index = UuidIndex(self.session)
        for shape in records.exchanged_tables():
            yield shape.name, self._rows(shape, index)

    def _rows(self, shape: TableShape, index: UuidIndex) -> Iterator[dict[str, Any]]:
        table = shape.table
        stmt = select(table).order_by(table.c.id)
        ids = self.allowed.get(shape.name)
        if ids is not None:
            stmt = stmt.where(table.c.id.in_(ids))
        if not self.everything:
            stmt = stmt.where(~_agreed(table, self.recipient.uuid))
        hidden = personal_columns(shape) if self.direction is not Direction.UP else ()
        theirs = personal_columns(shape) if not hidden else ()
        outside = self._outside_references(shape)
        for row in self.session.execute(stmt).mappings():
            encoded = records.encode_row(shape, row, index)
            for column in hidden:
                encoded.pop(column, None)
            if theirs and self._not_the_senders(shape.name, row):
                for column in theirs:
                    encoded.pop(column, None)
            for column, target_ids in outside.items():
                if row[column] is not None and row[column] not in target_ids:
                    encoded[column] = None
            self.sent.append((row["uuid"], row["updated_at"]))
            yield encoded

    def _not_the_senders(self, table: str, row: Any) -> bool:
        """Whether the ID numbers and phones of ``row`` are others' than the sending
        account's, which go up only from an account that answers for them: the registry
        goes whole, but a village clerk on a town's database carried every organization's
        contact phone, and the phones of the teams of its communities, which it sees
        masked. Its members, applicants and their stays are its own by the selection."""
        if table == "organization" and self.sender_orgs is not None:
            return row["id"] not in self.sender_orgs
        if table == "community_role" and self.sender_teams is not None:
            return row["community_id"] not in self.sender_teams
        return False

    def tombstones(self, local_office: str) -> Iterator[dict[str, Any]]:
        """The deletions the recipient has not had yet (``owner``: the office the deleted
        record came from, this one when it was made here)."""
        stmt = select(Tombstone).order_by(Tombstone.deleted_at)
        if not self.everything:
            stmt = stmt.where(
                ~exists().where(
                    SyncBase.record_uuid == Tombstone.record_uuid,
                    SyncBase.office == self.recipient.uuid,
                    SyncBase.updated_at == Tombstone.deleted_at,
                )
            )
        for stone in self.session.scalars(stmt):
            self.sent.append((stone.record_uuid, stone.deleted_at))
            yield {
                "entity": stone.entity,
                "uuid": stone.record_uuid,
                "owner": stone.origin_office or local_office,
                "deleted_at": stone.deleted_at.astimezone(UTC).replace(tzinfo=None).isoformat(),
            }

    def _outside_references(self, shape: TableShape) -> dict[str, frozenset[int]]:
        """Nullable references into restricted tables: column → the ids the recipient gets
        (a row that belongs to such a parent was filtered out before; what is left only
        refers to it, like an attendance row to another village's member)."""
        out: dict[str, frozenset[int]] = {}
        for column, target in shape.references.items():
            ids = self.allowed.get(target.name)
            if ids is not None and shape.table.c[column].nullable and target is not shape.table:
                out[column] = frozenset(self.session.scalars(ids))
        return out


def select_rows(
    session: Session,
    *,
    sender_level: OrgLevel,
    recipient: Recipient,
    everything: bool = False,
    sender: Actor | None = None,
) -> Selection:
    """The rows a package to ``recipient`` carries. ``sender``: the account that sends it,
    which hands out no more than it sees itself (a village account on a town's database
    sends its own organizations' records, not the whole town's with their ID numbers)."""
    way = direction(sender_level, recipient.level)
    allowed: dict[str, Select[Any] | None] = {}
    if way is not Direction.UP:
        allowed = _recipient_scope(session, recipient)
    own = own_org_ids(session, sender) if sender is not None else None
    teams: frozenset[int] | None = None
    if own is not None:
        allowed = _both(allowed, _scope_of(own))
        assert sender is not None
        teams = _teams_kept(session, sender, own)
    return Selection(
        session, recipient, way, everything, allowed, sender_orgs=own, sender_teams=teams
    )


def _teams_kept(session: Session, sender: Actor, own: frozenset[int]) -> frozenset[int]:
    """The communities whose team (``community_role``) ``sender`` keeps
    (``Access.communities_kept``: an own organization leads them, for a town; a village
    keeps none)."""
    return frozenset(session.scalars(Access(sender, own).communities_kept()))


def _both(
    first: dict[str, Select[Any] | None], second: dict[str, Select[Any] | None]
) -> dict[str, Select[Any] | None]:
    """Per table, the rows both allow (a table missing or None: every row)."""
    out: dict[str, Select[Any] | None] = {}
    for shape in records.exchanged_tables():
        ids = [a for a in (first.get(shape.name), second.get(shape.name)) if a is not None]
        id_column = shape.table.c.id
        out[shape.name] = (
            None if not ids else select(id_column).where(*(id_column.in_(a) for a in ids))
        )
    return out


def _agreed(table: Any, office: str) -> ColumnElement[bool]:
    return exists().where(
        SyncBase.record_uuid == table.c.uuid,
        SyncBase.office == office,
        SyncBase.updated_at == table.c.updated_at,
    )


#: Shared by the whole district: every office gets all of them.
_REGISTRY = frozenset({"organization", "indicator_set", "indicator", "post", "venue"})


def _recipient_scope(session: Session, recipient: Recipient) -> dict[str, Select[Any] | None]:
    """For each travelling table, the ids of the rows the recipient's account would see."""
    org_id = None
    if recipient.organization_uuid is not None:
        org_id = session.scalar(
            select(Organization.id).where(Organization.uuid == recipient.organization_uuid)
        )
    if recipient.level is OrgLevel.DISTRICT or (org_id is None and recipient.town is None):
        own: frozenset[int] = frozenset()  # an office not placed in the tree: registry only
    else:
        actor = Actor(
            "recipient",
            "recipient",
            "",
            UserRole.TOWN if recipient.town else UserRole.VILLAGE,
            organization_id=org_id,
            town=recipient.town,
            user_id=None,
        )
        own = own_org_ids(session, actor) or frozenset()
    return _scope_of(own)


def _scope_of(own: frozenset[int]) -> dict[str, Select[Any] | None]:
    """For each travelling table, the ids of the rows an account answering for the
    organizations ``own`` sees (the registry and the district's lists: every row)."""
    owned = select(Organization.id).where(Organization.id.in_(own))
    communities = select(Community.id).where(
        or_(
            Community.lead_org_id.in_(own),
            Community.id.in_(
                select(CommunityMember.community_id).where(CommunityMember.organization_id.in_(own))
            ),
        )
    )
    allowed: dict[str, Select[Any] | None] = {
        "community": communities,
        "party_member": select(PartyMember.id).where(PartyMember.organization_id.in_(own)),
    }
    for shape in records.exchanged_tables():
        if shape.name in allowed:
            continue
        if shape.name in _REGISTRY:
            allowed[shape.name] = None
            continue
        restricted: dict[str, Select[Any]] = {}
        for column, target in shape.references.items():
            target_ids = allowed.get(target.name)
            if target_ids is not None and target is not shape.table:
                restricted[column] = target_ids
        decided = any(not shape.table.c[c].nullable for c in restricted)
        if not decided:
            # Nothing above decides it: a record of one organization (its committees, its
            # appraisals, its applicants) belongs to that organization, not to the
            # registry. These went to every office, whatever organization they were of.
            owners = {
                column: owned
                for column, target in shape.references.items()
                if target.name == "organization" and not shape.table.c[column].nullable
            }
            restricted.update(owners)
            decided = bool(owners)
        conditions = []
        for column, target_ids in restricted.items():
            col = shape.table.c[column]
            if col.nullable and decided:
                continue  # a reference only: it travels empty (Selection._outside_references)
            conditions.append(col.in_(target_ids))  # the row belongs there
        allowed[shape.name] = select(shape.table.c.id).where(*conditions) if conditions else None
    return allowed
