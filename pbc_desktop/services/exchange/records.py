"""Records as they travel in a package: one JSON object per row, keyed by UUID.

A package carries rows, not database ids: every office numbers its rows itself, so a row
travels under its ``uuid`` and each foreign key travels as the UUID of the row it points
at (``"community_id": "5b0c…"``). Which tables travel, and how each column's value is
written and read back, is derived from the models' metadata, so a column added by a later
migration travels without a change here; :data:`LOCAL_TABLES` names what never leaves
the database (accounts, the audit trail, this PC's reminder settings) and attachment bytes
travel as package files named by their SHA-256. Columns derived from others (a name's
pinyin keys, ``db.base.DERIVED``) do not travel: the receiving office computes them.

Reading a row back checks every value against its column (type, length, enum code), so a
package from a newer or damaged program is refused with a sentence naming the table and
column rather than writing a bad value. Text is held to the rules a clerk's typing is
(``domain.validation.refused_character``): no control characters, bidi overrides or other
invisible marks, and no line break in a one-line field (a ``String`` column; a ``Text``
column and :data:`MULTILINE_STRINGS` are the multi-line ones, which keep line breaks and
tabs), whether the package came from a faulty program or was edited by hand and signed
again: such a text would be shown in every list and printed in every PDF. A value is also
held to the rule the service writing its column holds it to (:data:`COLUMN_RULES`: a fee
rate above 3 % charged every member of its bracket as typed in no editor; the fees' and
the funds' amounts are held to the editors' limits).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from functools import cache, cached_property
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    RowMapping,
    String,
    Table,
    Text,
    select,
    update,
)
from sqlalchemy.orm import Session

import pbc_desktop.db.models  # noqa: F401  (registers every table on the metadata)
from pbc_desktop.db.base import Base, EnumCode, UTCDateTime, is_derived, version_bump
from pbc_desktop.domain.exchange import field_label, record_label
from pbc_desktop.domain.fees import (
    MAX_FIXED_CENTS,
    MAX_INCOME_CENTS,
    FeeRuleError,
    check_rate,
)
from pbc_desktop.domain.money import MAX_CENTS
from pbc_desktop.domain.validation import refused_character
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

#: Tables that stay in their database: accounts and the audit trail are each office's
#: own, reminder rules and the 三会一课 schedule are this PC's settings, attachment bytes
#: travel as package files.
LOCAL_TABLES = frozenset(
    {
        "app_user",
        "audit_log",
        "audit_head",
        "attachment_content",
        "reminder_rule",
        "meeting_rule",
        "office",
    }
)
#: Never in a package: the row's id and its change counter are this database's own (a
#: received change counts one more here).
_NOT_SENT = frozenset({"id", "version"})
#: ``String`` columns whose service takes several lines (``multiline=True``), as a
#: ``Text`` column's does: (table, column).
MULTILINE_STRINGS = frozenset({("attendance", "reason_text")})
#: Columns that name a record to people (the preview's list, a refusal), the first present.
LABEL_COLUMNS = ("name", "title", "person_name", "item_title", "summary")


class RowError(UserError):
    """A package row that does not fit this database's columns."""


class _BrokenRuleError(ValueError):
    """A value its column's rule (:data:`COLUMN_RULES`) refuses, with the rule's sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _RefusedTextError(ValueError):
    """A text holding a character the text rules refuse (:func:`refused_character`)."""

    def __init__(self, char: str) -> None:
        super().__init__(f"U+{ord(char):04X}")
        self.char = char


@dataclass(frozen=True)
class TableShape:
    """How one table's rows are written: its plain columns and its foreign keys."""

    table: Table
    columns: tuple[Column[Any], ...]
    #: column name → the table its UUID refers to
    references: Mapping[str, Table]

    @property
    def name(self) -> str:
        return self.table.name

    @cached_property
    def encoders(self) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
        """Each plain column with how its (non-empty) value is written: chosen once per
        table, not tested value by value (a district's package holds 200,000 rows)."""
        return tuple((c.name, _encoder(c)) for c in self.columns)

    @cached_property
    def decoders(self) -> tuple[tuple[str, bool, bool, Decoder], ...]:
        """Each plain column: its name, whether a package may leave it out, whether it may
        be empty, and how its value is read back."""
        return tuple(
            (
                c.name,
                bool(c.nullable or c.default is not None),
                bool(c.nullable),
                _ruled(_decoder(c), COLUMN_RULES.get((self.name, c.name))),
            )
            for c in self.columns
        )

    @property
    def self_references(self) -> tuple[str, ...]:
        """Foreign keys into the same table (a parent organization, an answered item)."""
        return tuple(c for c, target in self.references.items() if target is self.table)


@cache
def exchanged_tables() -> tuple[TableShape, ...]:
    """Every travelling table, parents before the rows that point at them."""
    shapes = []
    for table in Base.metadata.sorted_tables:
        if table.name in LOCAL_TABLES or "uuid" not in table.c:
            continue
        references: dict[str, Table] = {}
        for column in table.columns:
            for fk in column.foreign_keys:
                references[column.name] = fk.column.table
        columns = tuple(
            c
            for c in table.columns
            if c.name not in _NOT_SENT and c.name not in references and not is_derived(c)
        )
        shapes.append(TableShape(table, columns, references))
    return tuple(shapes)


def shape_of(name: str) -> TableShape:
    for shape in exchanged_tables():
        if shape.name == name:
            return shape
    raise RowError(
        t(
            f"数据包含有本程序不认识的数据类型“{name}”。",
            f"The package holds unknown records “{name}”.",
        )
    )


class UuidIndex:
    """Database id ↔ UUID of the rows of the tables foreign keys point at, loaded once per
    table on first use (one query instead of one per row)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._to_uuid: dict[str, dict[int, str]] = {}
        self._to_id: dict[str, dict[str, int]] = {}

    def uuid(self, table: Table, row_id: int) -> str:
        return self._uuids(table)[row_id]

    def id(self, table: Table, row_uuid: str) -> int | None:
        if table.name not in self._to_id:
            self._to_id[table.name] = {u: i for i, u in self._uuids(table).items()}
        return self._to_id[table.name].get(row_uuid)

    def alias(self, table: Table, row_uuid: str, row_id: int) -> None:
        """Let ``row_uuid`` find row ``row_id`` too (a record another office knows under
        another UUID)."""
        if table.name not in self._to_id:
            self._to_id[table.name] = {u: i for i, u in self._uuids(table).items()}
        self._to_id[table.name][row_uuid] = row_id

    def add(self, table: Table, row_id: int, row_uuid: str) -> None:
        self._uuids(table)[row_id] = row_uuid
        if table.name in self._to_id:
            self._to_id[table.name][row_uuid] = row_id

    def _uuids(self, table: Table) -> dict[int, str]:
        if table.name not in self._to_uuid:
            rows = self._session.execute(select(table.c.id, table.c.uuid))
            self._to_uuid[table.name] = {row[0]: row[1] for row in rows}
        return self._to_uuid[table.name]


def encode_row(shape: TableShape, row: RowMapping, index: UuidIndex) -> dict[str, Any]:
    """One database row (a ``select(table)`` mapping) as the JSON object a package holds."""
    out: dict[str, Any] = {}
    for name, encode in shape.encoders:
        value = row[name]
        out[name] = value if value is None or encode is None else encode(value)
    for name, target in shape.references.items():
        value = row[name]
        out[name] = None if value is None else index.uuid(target, value)
    return out


def iter_encoded(session: Session, shape: TableShape, index: UuidIndex) -> Iterator[dict[str, Any]]:
    """Every row of ``shape``'s table, encoded, in id order (streamed, not loaded at once)."""
    result = session.execute(select(shape.table).order_by(shape.table.c.id))
    for row in result.mappings():
        yield encode_row(shape, row, index)


def decode_row(
    shape: TableShape, data: Mapping[str, Any], index: UuidIndex
) -> tuple[dict[str, Any], dict[str, str]]:
    """A package row as column values for this database, and the UUIDs of the foreign keys
    into its own table, which the caller sets once every row of the table is in.

    :class:`RowError` names the first value that does not fit; a foreign key to a row this
    database does not have is refused too (the package that brings it was not imported).
    """
    if not isinstance(data, Mapping):
        raise _bad(shape, "uuid")
    values: dict[str, Any] = {}
    for name, optional, nullable, decode in shape.decoders:
        if name not in data:
            if optional:
                continue
            raise _bad(shape, name)
        value = data[name]
        if value is None:
            if not nullable:
                raise _bad(shape, name)
            values[name] = None
            continue
        try:
            values[name] = decode(value)
        except _RefusedTextError as exc:
            raise _refused_text(shape, name, data, exc.char) from exc
        except _BrokenRuleError as exc:
            raise _broken_rule(shape, name, data, exc.reason) from exc
        except (ValueError, TypeError, OverflowError) as exc:
            raise _bad(shape, name) from exc
    own: dict[str, str] = {}
    for name, target in shape.references.items():
        ref = data.get(name)
        if ref is None:
            values[name] = None
            continue
        if not isinstance(ref, str):
            raise _bad(shape, name)
        if target is shape.table:
            own[name] = ref
            values[name] = None
            continue
        found = index.id(target, ref)
        if found is None:
            raise RowError(
                t(
                    f"数据包中的“{record_label(shape.name)}”记录引用了本库没有的"
                    f"“{record_label(target.name)}”记录（请先导入更早的数据包）。",
                    f"A “{record_label(shape.name)}” record in the package refers to a "
                    f"“{record_label(target.name)}” record this database does not have "
                    "(import the earlier package first).",
                )
            )
        values[name] = found
    return values, own


def link_own(
    session: Session,
    shape: TableShape,
    index: UuidIndex,
    row_uuid: str,
    own: Mapping[str, str],
    *,
    updated_at: datetime,
) -> None:
    """Set the foreign keys into the row's own table that :func:`decode_row` left out,
    once every row of the table is in; ``updated_at`` is written again so that this second
    step does not stamp the row as changed here."""
    refs: dict[str, Any] = {}
    for name, ref in own.items():
        found = index.id(shape.table, ref)
        if found is None:
            raise RowError(
                t(
                    f"数据包中的“{record_label(shape.name)}”记录引用了本库没有的同类记录"
                    "（请先导入更早的数据包）。",
                    f"A “{record_label(shape.name)}” record in the package refers to another "
                    "one this database does not have (import the earlier package first).",
                )
            )
        refs[name] = found
    refs["updated_at"] = updated_at
    session.execute(
        update(shape.table)
        .where(shape.table.c.uuid == row_uuid)
        .values({**refs, **version_bump(shape.table)})
    )


def _utc_text(value: datetime) -> str:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat()


def _encoder(column: Column[Any]) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        return _utc_text
    if isinstance(kind, Date):
        return date.isoformat
    if isinstance(kind, EnumCode):
        return _enum_code
    if isinstance(kind, LargeBinary):
        return _no_binary
    return None


def _enum_code(value: StrEnum) -> str:
    return value.value


def _no_binary(_value: bytes) -> None:
    raise TypeError("binary columns travel as package files")


Decoder = Callable[[Any], Any]


def _decoder(column: Column[Any]) -> Decoder:
    """How a non-empty package value of ``column`` is read back; ``ValueError`` or
    ``TypeError`` when it does not fit (chosen once per column)."""
    kind = column.type
    if isinstance(kind, EnumCode):
        return kind.enum_cls
    if isinstance(kind, UTCDateTime):
        return _utc_datetime
    if isinstance(kind, DateTime):
        return lambda value: datetime.fromisoformat(_text(value))
    if isinstance(kind, Date):
        return lambda value: date.fromisoformat(_text(value))
    if isinstance(kind, Boolean):
        return _boolean
    if isinstance(kind, BigInteger):  # before Integer, its base class
        return lambda value: _integer(value, _BIG_INTEGER)
    if isinstance(kind, Integer):
        return lambda value: _integer(value, _INTEGER)
    if isinstance(kind, Float):
        return _float
    if isinstance(kind, String | Text):
        length = getattr(kind, "length", None)
        multiline = isinstance(kind, Text) or (column.table.name, column.name) in MULTILINE_STRINGS
        return lambda value: _string(value, length, multiline=multiline)
    return _refuse


def _fee_rate(rate: int) -> str | None:
    try:
        check_rate(rate, t("党费", "fees"))
    except FeeRuleError as exc:
        return exc.message
    return None


def _yuan_up_to(limit_cents: int, *, positive: bool = False) -> Callable[[Any], str | None]:
    """An amount in fen of 0 (more than 0: ``positive``) to ``limit_cents`` (None: not
    given), as the editors hold it (a digit or two too many is a typo, not a figure)."""
    most = f"{limit_cents // 100:,}"

    def rule(cents: int | None) -> str | None:
        if cents is None:
            return None
        if cents > limit_cents:
            return t(f"金额不能超过 {most} 元。", f"The amount cannot exceed {most} yuan.")
        if positive and cents <= 0:
            return t("金额必须大于零。", "The amount must be greater than zero.")
        if cents < 0:
            return t("金额不能为负数。", "The amount cannot be negative.")
        return None

    return rule


#: Columns whose service holds them to a rule beyond their type, held to it in a package
#: too: (table, column) → why a read value is refused (None: it is not).
COLUMN_RULES: Mapping[tuple[str, str], Callable[[Any], str | None]] = {
    ("fee_rate", "rate"): _fee_rate,  # services.fees.rates: 0 to 3 %
    ("fee_rate", "up_to_cents"): _yuan_up_to(MAX_CENTS),  # domain.fees.check_brackets
    ("fee_rate", "fixed_cents"): _yuan_up_to(MAX_FIXED_CENTS),  # services.fees.rates
    ("fee_basis", "income_cents"): _yuan_up_to(MAX_INCOME_CENTS),  # services.fees.basis
    ("fee_basis", "fixed_cents"): _yuan_up_to(MAX_FIXED_CENTS),
    ("fee_payment", "amount_cents"): _yuan_up_to(MAX_FIXED_CENTS),  # domain.fees.month_fee_cents
    ("fund_entry", "amount_cents"): _yuan_up_to(MAX_CENTS, positive=True),  # services.funds
    # services.assessments.outcomes.yuan_to_cents: a 示范点's 奖补, 0 to 100 million yuan
    ("assessment", "award_cents"): _yuan_up_to(MAX_CENTS),
}


def _ruled(decode: Decoder, rule: Callable[[Any], str | None] | None) -> Decoder:
    """``decode``, then ``rule`` (when there is one) on what it read."""
    if rule is None:
        return decode

    def read(value: Any) -> Any:
        found = decode(value)
        reason = rule(found)
        if reason is not None:
            raise _BrokenRuleError(reason)
        return found

    return read


def _utc_datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(_text(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError
    return value


#: What an ``Integer`` and a ``BigInteger`` column hold on every database (PostgreSQL's
#: ``integer`` and ``bigint``; SQLite takes 64 bits): JSON numbers have no limit.
_INTEGER = 2**31
_BIG_INTEGER = 2**63


def _integer(value: Any, bound: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not -bound <= value < bound:
        raise ValueError
    return value


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError
    number = float(value)  # an int too large for a float: OverflowError, refused too
    if not math.isfinite(number):  # 1e999 reads as infinity, which JSON cannot send on
        raise ValueError
    return number


def _string(value: Any, length: int | None, *, multiline: bool) -> str:
    text = _text(value)
    if length is not None and len(text) > length:
        raise ValueError
    if not text.isprintable():  # most texts are; a remark's line breaks are not refused
        char = refused_character(text, multiline=multiline)
        if char is not None:
            raise _RefusedTextError(char)
    return text


def _refuse(_value: Any) -> Any:
    raise ValueError


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError
    return value


def _bad(shape: TableShape, column: str) -> RowError:
    kind, field = record_label(shape.name), field_label(shape.name, column)
    return RowError(
        t(
            f"数据包中一条“{kind}”记录的“{field}”不符合本程序的格式，已拒绝，未写入任何数据。",
            f"A “{kind}” record in the package has an invalid “{field}”; the package was "
            "refused and nothing was written.",
        )
    )


def _which(shape: TableShape, column: str, data: Mapping[str, Any]) -> tuple[str, str]:
    """The package's record, in both languages, to say what was refused in it: by its name
    or title when that is clean (else by its identifier), never by the refused value (it
    may be an ID number, a phone or a remark about a person)."""
    kind = record_label(shape.name)
    naming = next(
        (
            value
            for c in LABEL_COLUMNS
            if c != column
            and isinstance(value := data.get(c), str)
            and value.isprintable()
            and 0 < len(value) <= 60
        ),
        None,
    )
    ident = data.get("uuid")
    if naming is not None:
        return f"“{kind}”记录“{naming}”", f"The “{kind}” record “{naming}”"
    if isinstance(ident, str) and ident.isprintable() and 0 < len(ident) <= 36:
        return f"一条“{kind}”记录（记录标识 {ident}）", f"A “{kind}” record (identifier {ident})"
    return f"一条“{kind}”记录", f"A “{kind}” record"


def _refused_text(shape: TableShape, column: str, data: Mapping[str, Any], char: str) -> RowError:
    """The package is refused for a character in one text (the text itself never said)."""
    field = field_label(shape.name, column)
    which_zh, which_en = _which(shape, column, data)
    if char == "\n":
        what_zh, what_en = "换行（该项只能填写一行）", "a line break (it must be one line)"
    else:
        code = f"U+{ord(char):04X}"
        what_zh = f"不可见的控制字符或排版标记（{code}）"
        what_en = f"an invisible control character or direction mark ({code})"
    return RowError(
        t(
            f"数据包中{which_zh}的“{field}”含有{what_zh}，数据包已拒绝，未写入任何数据；"
            "请发送单位在本程序中更正后重新发送。",
            f"{which_en} in the package has {what_en} in its “{field}”; the package was "
            "refused and nothing was written (ask the sending office to correct it in the "
            "program and send it again).",
        )
    )


def _broken_rule(shape: TableShape, column: str, data: Mapping[str, Any], reason: str) -> RowError:
    """The package is refused for a value its column's rule refuses: ``reason`` says why."""
    field = field_label(shape.name, column)
    which_zh, which_en = _which(shape, column, data)
    return RowError(
        t(
            f"数据包中{which_zh}的“{field}”不符合规定：{reason}数据包已拒绝，未写入任何数据；"
            "请发送单位在本程序中更正后重新发送。",
            f"{which_en} in the package has a “{field}” the rules refuse: {reason} The "
            "package was refused and nothing was written (ask the sending office to correct "
            "it in the program and send it again).",
        )
    )
