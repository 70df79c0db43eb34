"""Declarative base shared by every model: naming convention, UUID and timestamps."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    ColumnElement,
    DateTime,
    FromClause,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, validates
from sqlalchemy.types import TypeDecorator

from pbc_desktop.domain.pinyin import NameKeys, name_keys

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uuid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps stored in UTC and always returned timezone-aware, on any backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


E = TypeVar("E", bound=StrEnum)


class EnumCode(TypeDecorator[E]):
    """Stores a StrEnum as its short code (a plain VARCHAR, portable and migration-friendly)."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[E]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: E | str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return self.enum_cls(value).value

    def process_result_value(self, value: str | None, dialect: Any) -> E | None:
        if value is None:
            return None
        return self.enum_cls(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record(Base):
    """Abstract base: integer key for joins, stable UUID for exchange between offices.

    ``origin_office`` is the UUID of the office the record came from in a package (the
    office that made it); empty for a record made in this database.

    ``version`` counts the row's changes (optimistic locking, ``services/versions.py``):
    every UPDATE the ORM flushes adds one and is refused (``StaleDataError``) when another
    connection changed the row since it was read; an editor hands back the version it
    read, and its save is refused when the stored one differs. It stays in its database
    (packages do not carry it; a received change adds one).
    """

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    origin_office: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805  (a class-level directive)
        return {"version_id_col": cls.version}


def version_bump(table: Table) -> dict[str, ColumnElement[Any]]:
    """What a Core ``UPDATE`` of a record table sets beside its values so that the change
    counts, as the ORM's own updates do (``Record.version``): the version plus one."""
    return {"version": table.c.version + 1}


#: ``Column.info`` key of a column computed from others (never typed, never sent in a
#: package, never in the audit log): its value is the name of the field it comes from.
DERIVED = "derived_from"
_PERSON = "person_name"
#: The pinyin keys of a name (``domain/pinyin.py``) and the column that holds each.
NAME_KEY_COLUMNS: dict[str, str] = {
    "name_sort": "sort",
    "name_initials": "initials",
    "name_pinyin": "pinyin",
}


def _name_key_default(field: str) -> Callable[[DefaultExecutionContext], str]:
    """The value of a pinyin key column for a row inserted without it (any INSERT: the
    ORM's, a bulk insert of dicts, a package's rows)."""

    def compute(context: DefaultExecutionContext) -> str:
        column = context.current_column
        assert column is not None
        params = context.get_current_parameters()  # type: ignore[no-untyped-call]
        keys = name_keys(params["name"], person=bool(column.info.get(_PERSON)))
        return str(getattr(keys, field))

    return compute


def _name_key_column(field: str, person: bool) -> Mapped[str]:
    return mapped_column(
        Text,
        default=_name_key_default(field),
        server_default="",
        info={DERIVED: "name", _PERSON: person},
    )


class PinyinNamed:
    """Mixin of a record listed by ``name``: the name's pinyin keys (``domain/pinyin.py``)
    stored beside it, for ordering (``name_sort``) and search by initials and full pinyin
    (``name_initials``, ``name_pinyin``) in SQL.

    They follow the name by themselves on every ORM write (set with it) and every INSERT
    (filled when missing); an UPDATE statement that sets the name adds
    :func:`name_key_values` to its values. ``PERSON_NAMES`` reads the first character as a
    surname.
    """

    PERSON_NAMES: ClassVar[bool] = False

    @declared_attr
    def name_sort(cls) -> Mapped[str]:  # noqa: N805  (a declared_attr is a class method)
        return _name_key_column("sort", cls.PERSON_NAMES)

    @declared_attr
    def name_initials(cls) -> Mapped[str]:  # noqa: N805
        return _name_key_column("initials", cls.PERSON_NAMES)

    @declared_attr
    def name_pinyin(cls) -> Mapped[str]:  # noqa: N805
        return _name_key_column("pinyin", cls.PERSON_NAMES)

    @validates("name")
    def _keep_name_keys(self, _key: str, value: str | None) -> str | None:
        if value is not None:
            keys = name_keys(value, person=self.PERSON_NAMES)
            for column, field in NAME_KEY_COLUMNS.items():
                setattr(self, column, getattr(keys, field))
        return value


def is_derived(column: ColumnElement[Any]) -> bool:
    """Whether ``column`` is computed from other columns (see :data:`DERIVED`)."""
    return DERIVED in getattr(column, "info", {})


def name_key_values(table: FromClause, values: Mapping[str, Any]) -> dict[str, str]:
    """The pinyin key columns to set beside ``values`` in an UPDATE of ``table``: empty
    unless the values set the name of a :class:`PinyinNamed` table."""
    name = values.get("name")
    if name is None:
        return {}
    person = _person_named(table)
    if person is None:
        return {}
    keys: NameKeys = name_keys(name, person=person)
    return {column: getattr(keys, field) for column, field in NAME_KEY_COLUMNS.items()}


@lru_cache(maxsize=64)  # an entry a table
def _person_named(table: FromClause) -> bool | None:
    """Whether ``table``'s names are read with a surname; None: it keeps no pinyin keys."""
    if "name_sort" not in table.c:
        return None
    return bool(table.c.name_sort.info.get(_PERSON))
