"""Reading the audit log (accounts with :attr:`Permission.VIEW_AUDIT` only): a paged
listing, newest first, filtered by account, record type, action, dates and text, and the
choices of those filters. Nothing here writes, and nothing is unmasked: the facts are
shown as ``services/audit.py`` stored them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, User
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.audit_entries import FieldChange, field_changes, record_type_names
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.lang import t
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import (
    AnySelect,
    containing,
    enum_order,
    from_fields,
    ordered,
)


@dataclass(frozen=True)
class AuditQuery:
    """Which entries to list; every filter left empty lists them all."""

    #: Made by this account.
    user_id: int | None = None
    #: Made by someone whose stored name contains this text (also the entries of the
    #: program itself and those written before there were accounts).
    actor: str | None = None
    #: The record type (``audit_log.entity``).
    entity: str | None = None
    action: AuditAction | None = None
    #: Local days, both included.
    date_from: date | None = None
    date_to: date | None = None
    #: Text the summary contains.
    text: str | None = None
    #: Just this entry (e.g. the one a chain check names).
    entry_id: int | None = None


@dataclass(frozen=True)
class AuditRow:
    """One entry, as the viewer shows it."""

    id: int
    #: Local time.
    at: datetime
    #: The person as the entry names them (姓名(单位), or the program's name).
    actor: str
    user_id: int | None
    username: str | None
    action: AuditAction
    action_label: str
    entity: str
    entity_label: str
    entity_uuid: str | None
    summary: str
    #: The facts before and after, JSON, masked when written.
    before: str | None
    after: str | None

    def changes(self) -> list[FieldChange]:
        """Before → after, field by field."""
        return field_changes(self.before, self.after)


@dataclass(frozen=True)
class WhoChoice:
    """An entry of the 用户 filter: an account, or a name that entries carry without one."""

    caption: str
    user_id: int | None = None
    actor: str | None = None


def _local(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None)


def _local_midnight(day: date) -> datetime:
    """The start of a local day, as an aware moment (stored and compared in UTC)."""
    return datetime.combine(day, time()).astimezone()


def _filtered(stmt: AnySelect, query: AuditQuery) -> AnySelect:
    if query.entry_id is not None:
        stmt = stmt.where(AuditEntry.id == query.entry_id)
    if query.user_id is not None:
        stmt = stmt.where(AuditEntry.user_id == query.user_id)
    if query.actor:
        stmt = containing(stmt, query.actor, AuditEntry.actor)
    if query.entity:
        stmt = stmt.where(AuditEntry.entity == query.entity)
    if query.action is not None:
        stmt = stmt.where(AuditEntry.action == query.action)
    if query.date_from is not None:
        stmt = stmt.where(AuditEntry.at >= _local_midnight(query.date_from))
    if query.date_to is not None:
        stmt = stmt.where(AuditEntry.at < _local_midnight(query.date_to + timedelta(days=1)))
    return containing(stmt, query.text, AuditEntry.summary)


_SORT_KEYS: dict[str, Any] = {
    "at": AuditEntry.at,
    "actor": AuditEntry.actor,
    "action": enum_order(AuditEntry.action, AuditAction),
    "entity": AuditEntry.entity,
}


def _order(page: PageRequest) -> list[Any]:
    key = _SORT_KEYS.get(page.sort or "")
    newest_first = [AuditEntry.at.desc(), AuditEntry.id.desc()]
    if key is None or page.sort == "at":
        if page.sort == "at" and not page.descending:
            return [AuditEntry.at.asc(), AuditEntry.id.asc()]
        return newest_first
    return [*ordered(key, page.descending), *newest_first]


def count_entries(db: Database, query: AuditQuery) -> int:
    require(db, Permission.VIEW_AUDIT)
    stmt = _filtered(select(func.count(AuditEntry.id)), query)
    with db.read() as s:
        return int(s.execute(stmt).scalar_one())


def _row(e: AuditEntry, username: str | None) -> AuditRow:
    zh, en = record_type_names(e.entity)
    return from_fields(
        AuditRow,
        e,
        at=_local(e.at),
        username=username,
        action_label=t(e.action.zh, e.action.en),
        entity_label=t(zh, en),
    )


def list_entries(db: Database, query: AuditQuery, page: PageRequest) -> list[AuditRow]:
    """One page of the entries ``query`` asks for (newest first unless sorted otherwise)."""
    require(db, Permission.VIEW_AUDIT)
    stmt = (
        _filtered(
            select(AuditEntry, User.username).outerjoin(User, User.id == AuditEntry.user_id),
            query,
        )
        .order_by(*_order(page))
        .offset(page.offset)
        .limit(page.limit)
    )
    with db.read() as s:
        return [_row(entry, username) for entry, username in s.execute(stmt)]


def who_choices(db: Database) -> list[WhoChoice]:
    """Every account (by name), then the names entries carry without an account."""
    require(db, Permission.VIEW_AUDIT)
    with db.read() as s:
        accounts = s.execute(
            select(User.id, User.display_name, User.username).order_by(User.username)
        )
        choices = [
            WhoChoice(with_note(name, username), user_id=uid) for uid, name, username in accounts
        ]
        names = s.scalars(
            select(AuditEntry.actor)
            .where(AuditEntry.user_id.is_(None))
            .distinct()
            .order_by(AuditEntry.actor)
        )
        return choices + [WhoChoice(name, actor=name) for name in names]


def record_type_choices(db: Database) -> list[tuple[str, str]]:
    """The record types the log holds: (name in the UI language, stored type), by name."""
    require(db, Permission.VIEW_AUDIT)
    with db.read() as s:
        types: Sequence[str] = list(s.scalars(select(AuditEntry.entity).distinct()))
    named = [(t(*record_type_names(entity)), entity) for entity in types]
    return sorted(named)
