"""A value of a record as a package carries it (``records.encode_row``), in a person's
words: what the conflict list shows of each version of a field.

A package holds codes: an enum's code (``claimed``), a date in ISO form, a time in UTC, an
amount in fen, a rate in 万分之, a flag as true/false and a related record as its UUID.
Shown here: the enum's label in the current language (已认领 / Claimed), the date as the
app writes dates (a month column as its month), the time in local time, the amount in
yuan (``domain.money``), the rate in %, 是/否, and the related record by its name (or,
when it has none, by the names of the records it belongs to and its date).

Without the permission to see personal data, a personal column is masked as the audit log
masks it (``audit.PERSONAL_FIELDS``: an ID number's last 4, a phone's first 3 and last 4, a
birth date's year) and any other text has the ID numbers and phones in it masked
(``privacy.scrub_text``), as a member's remark is in the roster.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Table,
    select,
)
from sqlalchemy.orm import Session

from pbc_desktop.db.base import EnumCode, UTCDateTime
from pbc_desktop.domain.exchange import record_label
from pbc_desktop.domain.fees import RATE_SCALE
from pbc_desktop.domain.money import format_yuan
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.lang import language, t
from pbc_desktop.services import audit
from pbc_desktop.services.exchange.records import LABEL_COLUMNS, TableShape

#: Date columns holding the first of a month: shown as the month (``2026-03``).
MONTH_COLUMNS = frozenset({"fee_month", "effective_from", "collected_in"})
#: Columns of a record without a name that say which one it is, after the records it
#: belongs to (the first present).
_WHEN_COLUMNS = (
    "year",
    "fee_month",
    "effective_from",
    "occurred_on",
    "issued_on",
    "left_on",
    "reported_on",
    "served_on",
    "entry_date",
    "held_on",
    "elected_on",
    "claimed_on",
    "joined_on",
    "start_date",
    "period_start",
)
#: Related records a record without a name is named by first: whom it belongs to.
_OWNERS = ("member_id", "community_id", "organization_id")
#: Text kept as it is without the permission: identifiers and digests, never free text.
_NOT_TEXT = ("uuid", "sha256", "origin_office")
#: How many records a record without a name is named by, at the most (a score: its
#: assessment, which is named by its community and its indicator system).
_DEPTH = 2


class ValueText:
    """Values of the records of one session as people read them; a related record's name
    is looked up once."""

    def __init__(self, session: Session, *, personal: bool) -> None:
        self._session = session
        self._personal = personal
        self._names: dict[tuple[str, str], str] = {}

    def __call__(self, shape: TableShape, column: str, value: Any) -> str:
        """``value`` of ``column`` of a ``shape`` record ("" when empty)."""
        if value is None or value == "":
            return ""
        mask = audit.PERSONAL_FIELDS.get(column)
        if mask is not None and not self._personal:
            return mask(str(value))
        target = shape.references.get(column)
        if target is not None:
            return self.record_name(target, str(value))
        if column in shape.table.c:
            return self._plain(shape.table.name, column, shape.table.c[column].type, value)
        return str(value)

    def describe(self, shape: TableShape, values: dict[str, Any]) -> str:
        """A ``shape`` record without a name of its own (a fee payment, a change, a stay
        away), from its values as a package carries them: the name of whom it belongs to
        and its month or date, e.g. ``张三 2026-03`` ("" when it has neither)."""
        parts = []
        owner = next((c for c in _OWNERS if c in shape.references and values.get(c)), None)
        if owner is not None:
            parts.append(self(shape, owner, values[owner]))
        when = next((c for c in _WHEN_COLUMNS if values.get(c) not in (None, "")), None)
        if when is not None:
            parts.append(self(shape, when, values[when]))
        return " ".join(parts)

    def record_name(self, table: Table, row_uuid: str) -> str:
        """The record ``row_uuid`` of ``table`` by its name; one this database does not
        have is named by its type."""
        key = (table.name, row_uuid)
        if key not in self._names:
            name = self._name_where(table, table.c.uuid == row_uuid, _DEPTH)
            self._names[key] = (
                t(
                    f"（本库没有的{record_label(table.name)}记录）",
                    "(a record not in this database)",
                )
                if name is None
                else name
            )
        return self._names[key]

    def _name_where(self, table: Table, where: ColumnElement[bool], depth: int) -> str | None:
        row = self._session.execute(select(table).where(where)).mappings().first()
        if row is None:
            return None
        for column in LABEL_COLUMNS:
            if column in table.c and isinstance(row[column], str) and row[column]:
                return self._text(column, row[column])
        parts: list[str] = []
        if depth > 0:
            for fk in _foreign_keys(table):
                ref = row[fk.parent.name]
                target = fk.column.table
                if ref is None or target is table:
                    continue
                name = self._name_where(target, fk.column == ref, depth - 1)
                if name:
                    parts.append(name)
        for column in _WHEN_COLUMNS:
            if column in table.c and row[column] is not None:
                value = row[column]
                parts.append(self._plain(table.name, column, table.c[column].type, value))
                break
        return " ".join(parts) if parts else record_label(table.name)

    def _plain(self, table: str, column: str, kind: Any, value: Any) -> str:
        if isinstance(kind, EnumCode):
            try:
                return str(kind.enum_cls(value).label(language()))
            except ValueError:  # a code this program does not know: as it came
                return str(value)
        if isinstance(kind, Boolean):
            return t("是", "yes") if value else t("否", "no")
        try:
            if isinstance(kind, UTCDateTime | DateTime):
                return _time(value, utc=isinstance(kind, UTCDateTime))
            if isinstance(kind, Date):
                day = value if isinstance(value, date) else date.fromisoformat(str(value))
                return f"{day:%Y-%m}" if column in MONTH_COLUMNS else day.isoformat()
        except ValueError:  # not a date: as it came
            return str(value)
        if column.endswith("_cents") and isinstance(value, int):
            return format_yuan(value)
        if table == "fee_rate" and column == "rate" and isinstance(value, int):
            return f"{Decimal(value) * 100 / RATE_SCALE:g}%"
        if isinstance(kind, Float) and isinstance(value, int | float):
            return f"{value:g}"
        return self._text(column, value) if isinstance(value, str) else str(value)

    def _text(self, column: str, text: str) -> str:
        if self._personal or column.endswith(_NOT_TEXT):
            return text
        return scrub_text(text)


def _time(value: Any, *, utc: bool) -> str:
    """A time as the app shows one, to the minute; one kept in UTC in local time."""
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if utc:
        when = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def _foreign_keys(table: Table) -> list[ForeignKey]:
    """``table``'s foreign keys, those naming whom a record belongs to first, then in
    column order (``Table.foreign_keys`` is a set: its order changes from run to run)."""
    keys = [fk for column in table.columns for fk in column.foreign_keys]
    return sorted(keys, key=lambda fk: fk.parent.name not in _OWNERS)
