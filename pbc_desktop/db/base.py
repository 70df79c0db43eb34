"""Declarative base shared by every model: naming convention, UUID and timestamps."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, DateTime, Integer, MetaData, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

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
