"""Shared pieces of the read-only listings: the town scope and picker choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeAlias

from sqlalchemy import ColumnElement, Select, case, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, CommunityMember, Organization
from pbc_desktop.services.organizations import towns

__all__ = ["towns"]

# A SELECT of any columns (SQLAlchemy 2.1 types rows as a variadic tuple).
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"


@dataclass(frozen=True)
class Choice:
    """An entry of a filter combo: a record's id and its display name."""

    id: int
    name: str


def town_community_ids(town: str) -> Select[int]:
    """Communities with any current member organization in ``town`` (the dashboard's area)."""
    return (
        select(CommunityMember.community_id)
        .join(Organization, Organization.id == CommunityMember.organization_id)
        .where(Organization.town == town, CommunityMember.left_on.is_(None))
        .distinct()
    )


def community_choices(db: Database) -> list[Choice]:
    stmt = select(Community.id, Community.name).order_by(Community.name, Community.id)
    with db.read() as s:
        return [Choice(r.id, r.name) for r in s.execute(stmt)]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[1 January, next 1 January) of ``year`` as datetimes, for index-friendly ranges."""
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def date_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year + 1, 1, 1)


def ordered(key: Any, descending: bool) -> list[Any]:
    """Order by ``key`` with empty values last in either direction, on any backend."""
    nulls_last: ColumnElement[int] = case((key.is_(None), 1), else_=0)
    return [nulls_last, key.desc() if descending else key.asc()]


def like_digits(text: str) -> str | None:
    """``text`` without spaces and dashes when it is made of digits (and a final X)."""
    compact = text.replace(" ", "").replace("-", "").upper()
    if compact and (compact.isdigit() or (compact[:-1].isdigit() and compact.endswith("X"))):
        return compact
    return None


def enum_order(column: Any, enum_cls: type[StrEnum]) -> ColumnElement[int]:
    """Sort an enum column in the declared order of its members, not by code."""
    return case(
        *((column == member, i) for i, member in enumerate(enum_cls)),
        else_=len(enum_cls),
    )


def organization_name(db: Database, org_id: int) -> str | None:
    with db.read() as s:
        return s.scalar(select(Organization.name).where(Organization.id == org_id))
