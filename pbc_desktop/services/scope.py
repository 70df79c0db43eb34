"""Query helpers shared by the feature services: the town scope, picker choices, year
bounds, ordering (empty values last, enums in declared order, a listing's sorted page),
text search (names by pinyin too), "name taken" checks (and the clash of a name taken
meanwhile), a community's current members, the SQL test of an overdue list item, post
reports with where they went and the hours served; the rule that a record stays in the
community it was made in; an update that is audited only when it changed something; and
a DTO filled from a record or a result row whose attributes bear its field names.

This module sits below every feature service and imports none of them, so any service
can use it without importing a sibling sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, cast

from sqlalchemy import ColumnElement, Select, Table, and_, case, false, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from pbc_desktop.db.base import PinyinNamed, Record
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Community,
    CommunityMember,
    ListItem,
    Organization,
    Post,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.domain.pinyin import pinyin_needle
from pbc_desktop.domain.privacy import (
    ID_VISIBLE,
    PHONE_SHORT_SHOWN_END,
    PHONE_SHOWN_END,
    PHONE_SHOWN_START,
    PHONE_SHOWS_END_FROM,
    PHONE_SHOWS_START_FROM,
)
from pbc_desktop.domain.validation import name_key
from pbc_desktop.errors import ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.paging import PageRequest

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# A SELECT of any columns (SQLAlchemy 2.1 types rows as a variadic tuple).
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"
_Stmt = TypeVar("_Stmt", bound="Select[*tuple[Any, ...]]")
_Dto = TypeVar("_Dto", bound="DataclassInstance")
_Item = TypeVar("_Item")

#: Ids per IN list when a query reads the rows of many records a chunk at a time.
IN_CHUNK = 500


@dataclass(frozen=True)
class Choice:
    """An entry of a filter combo: a record's id and its display name."""

    id: int
    name: str


def towns(db: Database) -> list[str]:
    """Every town (镇街) an organization names, sorted: the choices of the town filters."""
    stmt = (
        select(Organization.town)
        .where(Organization.town.is_not(None), Organization.town != "")
        .distinct()
        .order_by(Organization.town)
    )
    with db.read() as s:
        return [town for town in s.scalars(stmt) if town]


def check_same_community(stored_id: int, new_id: int, what: tuple[str, str]) -> None:
    """Refuse to move a record to another community; ``what`` names the record in Chinese
    and in English (as a sentence's subject: "A list")."""
    if new_id != stored_id:
        zh, en = what
        raise ValidationError.single(
            "community", t(f"{zh}不能移到其他共同体", f"{en} cannot move to another community")
        )


def town_community_ids(town: str) -> Select[int]:
    """Communities with any current member organization in ``town`` (the dashboard's area)."""
    return (
        select(CommunityMember.community_id)
        .join(Organization, Organization.id == CommunityMember.organization_id)
        .where(Organization.town == town, CommunityMember.left_on.is_(None))
        .distinct()
    )


def current_members(community_id: int) -> AnySelect:
    """Ids and names of the community's current member organizations, in its order."""
    return (
        select(Organization.id, Organization.name)
        .join(CommunityMember, CommunityMember.organization_id == Organization.id)
        .where(CommunityMember.community_id == community_id, CommunityMember.left_on.is_(None))
        .order_by(CommunityMember.seq, CommunityMember.id)
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """SQL test of 逾期 (``domain.items.is_overdue``): deadline before ``today``, not solved."""
    return and_(
        ListItem.deadline.is_not(None),
        ListItem.deadline < today,
        ListItem.status != ItemStatus.SOLVED,
    )


def report_places(*columns: Any) -> AnySelect:
    """``columns`` of post reports with where each went: ``org_name`` (the organization
    reported to), ``community_name`` and ``post_name`` (either may be empty)."""
    return (
        select(
            *columns,
            Community.name.label("community_name"),
            Organization.name.label("org_name"),
            Post.name.label("post_name"),
        )
        .select_from(PostReport)
        .join(Organization, Organization.id == PostReport.organization_id)
        .outerjoin(Community, Community.id == PostReport.community_id)
        .outerjoin(Post, Post.id == PostReport.post_id)
    )


def report_hours(*where: ColumnElement[bool]) -> Any:
    """The hours logged on the enclosing query's report (the entries matching ``where``)."""
    return (
        select(func.coalesce(func.sum(ServiceLog.hours), 0.0))
        .where(ServiceLog.report_id == PostReport.id, *where)
        .correlate(PostReport)
        .scalar_subquery()
    )


def community_choices(db: Database) -> list[Choice]:
    """The communities the account sees, by name (filter combos, pickers)."""

    with db.read() as s:
        seen = access.of(db, s).communities(Community.id)
        stmt = (
            select(Community.id, Community.name)
            .where(seen)
            .order_by(Community.name_sort, Community.name, Community.id)
        )
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


def sorted_page(
    stmt: _Stmt,
    page: PageRequest,
    keys: Mapping[str, Any],
    *tail: Any,
    default: Sequence[Any] = (),
) -> _Stmt:
    """The ``page`` of a listing: ``stmt`` ordered by the column ``keys`` gives the page's
    sort key (empty values last), or by ``default`` when the key is not one of ``keys``;
    then by ``tail``, which makes the order total; sliced to the page."""
    key = keys.get(page.sort or "")
    first = list(default) if key is None else ordered(key, page.descending)
    return stmt.order_by(*first, *tail).offset(page.offset).limit(page.limit)


def containing(
    stmt: _Stmt, text: str | None, *columns: Any, pinyin: type[PinyinNamed] | None = None
) -> _Stmt:
    """``stmt`` narrowed to rows where any of ``columns`` contains ``text`` (stripped; case
    and LIKE wildcards ignored), or whose ``pinyin`` record's name matches it as pinyin
    (:func:`pinyin_match`); ``stmt`` itself when ``text`` is blank."""
    needle = (text or "").strip()
    if not needle:
        return stmt
    matches = [column.icontains(needle, autoescape=True) for column in columns]
    if pinyin is not None and (by_pinyin := pinyin_match(pinyin, needle)) is not None:
        matches.append(by_pinyin)
    return stmt.where(or_(*matches))


def contains_any_case(column: Any, needle: str, *, sqlite: bool) -> ColumnElement[bool]:
    """SQL test: ``column`` holds ``needle`` (LIKE wildcards in it taken as typed), letters
    in either case, as ``icontains`` tests it, but cheaper where it can be: per row, the
    case folding cost as much as the LIKE itself.

    - On SQLite a plain LIKE: it already ignores the case of Latin letters, and
      ``lower()`` changes no other letter there, so the two find the same rows.
    - On the server a plain LIKE for a text without letters that have a case (Chinese,
      digits): folding the case of the column's text leaves every character of such a
      text where it was. Any other text: ILIKE, as ``icontains`` makes it.
    """
    if sqlite or needle.lower() == needle.upper():
        return cast(ColumnElement[bool], column.contains(needle, autoescape=True))
    return cast(ColumnElement[bool], column.icontains(needle, autoescape=True))


def pinyin_match(record: type[PinyinNamed], text: str) -> ColumnElement[bool] | None:
    """The records whose name has ``text`` in its initials or its full pinyin (``zw`` or
    ``zhangwei`` for 张伟, ``dxb`` for 大溪坝村党总支), when ``text`` is pinyin at all
    (``domain.pinyin.pinyin_needle``); None for any other text."""
    needle = pinyin_needle(text)
    if needle is None:
        return None
    return or_(
        record.name_initials.contains(needle, autoescape=True),
        record.name_pinyin.contains(needle, autoescape=True),
    )


def like_digits(text: str) -> str | None:
    """``text`` without spaces and dashes when it is made of digits (and a final X)."""
    compact = text.replace(" ", "").replace("-", "").upper()
    if compact and (compact.isdigit() or (compact[:-1].isdigit() and compact.endswith("X"))):
        return compact
    return None


def number_matches(
    digits: str, id_column: Any, phone_column: Any | None, acc: access.Access
) -> ColumnElement[bool]:
    """SQL test: a person's ID number ends with, or phone holds, the typed ``digits``.

    An account that may neither see full numbers nor change what it lists (查看) matches
    only what the masks show it (``domain/privacy.py``): an ID number by its last
    characters, a phone by its first 3 or last 4 digits (a short phone only by its end).
    Else the search box would read the hidden digits back one at a time: typing ``X`` +
    the shown last 4, for X from 0 to 9, finds the one member whose fifth-last digit is X.
    """
    actor = acc.actor
    if actor.can(Permission.SEE_PERSONAL_DATA) or actor.can(Permission.WRITE):
        matches = id_column.endswith(digits, autoescape=True)
        if phone_column is not None:
            matches = matches | phone_column.contains(digits, autoescape=True)
        return matches  # type: ignore[no-any-return]
    shown: list[ColumnElement[bool]] = []
    if len(digits) <= ID_VISIBLE:
        shown.append(id_column.endswith(digits, autoescape=True))
    if phone_column is not None:
        shown.extend(_phone_shown_matches(digits, phone_column))
    return or_(false(), *shown)


def _phone_shown_matches(digits: str, phone_column: Any) -> list[ColumnElement[bool]]:
    """SQL tests: the ``digits`` are at the start or the end of a phone where its mask
    shows them (``privacy.phone_shown``: a short phone shows only its end)."""
    length = func.length(phone_column)
    matches: list[ColumnElement[bool]] = []
    ends = phone_column.endswith(digits, autoescape=True)
    if len(digits) <= PHONE_SHORT_SHOWN_END:
        matches.append(ends)
    elif len(digits) <= PHONE_SHOWN_END:
        matches.append(ends & (length >= PHONE_SHOWS_END_FROM))
    if len(digits) <= PHONE_SHOWN_START:
        starts = phone_column.startswith(digits, autoescape=True)
        matches.append(starts & (length >= PHONE_SHOWS_START_FROM))
    return matches


def chunks(items: Sequence[_Item], size: int = IN_CHUNK) -> Iterator[Sequence[_Item]]:
    """``items`` ``size`` at a time: a query per chunk keeps its IN list well under the
    backends' limits on a statement's parameters (SQLite's 999 before 3.32)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def enum_order(column: Any, enum_cls: type[StrEnum]) -> ColumnElement[int]:
    """Sort an enum column in the declared order of its members, not by code."""
    return case(
        *((column == member, i) for i, member in enumerate(enum_cls)),
        else_=len(enum_cls),
    )


def organization_name(db: Database, org_id: int) -> str | None:
    """The name of an organization the account meets (its own, or a partner in a community
    it sees, see :meth:`access.Access.orgs_met`); None for any other, as for one that does
    not exist."""
    with db.read() as s:
        seen = access.of(db, s).orgs_met(Organization.id)
        return s.scalar(select(Organization.name).where(Organization.id == org_id, seen))


def name_taken(
    s: Session,
    id_column: InstrumentedAttribute[int],
    name_column: InstrumentedAttribute[str],
    name: str,
    own_id: int | None,
) -> str | None:
    """The stored name of another record that reads the same as ``name`` (width, spaces and
    case ignored, see ``validation.name_key``), or ``None``; ``own_id`` is the record itself.

    A few thousand short names at most: comparing normalised keys in Python is portable and
    instant.
    """
    key = name_key(name)
    for other_id, other_name in s.execute(select(id_column, name_column)):
        if other_id != own_id and name_key(other_name) == key:
            return str(other_name)
    return None


@contextmanager
def refusing_name_clash(message: str | Callable[[], str]) -> Iterator[None]:
    """Around a write that stores a named record: ``message`` (or what it returns, asked
    only then) as the refusal of the name field when a concurrent write took the name
    between the :func:`name_taken` check and the commit (the unique index refused it); any
    other failure passes through."""
    try:
        yield
    except IntegrityError as exc:
        if "name" not in str(exc.orig).lower():
            raise
        said = message if isinstance(message, str) else message()
        raise ValidationError.single("name", said) from exc


def hold(s: Session, record: Record) -> None:
    """Lock ``record``'s row until the transaction ends (on a server: SQLite's one writer
    holds everything already) and forget what was read of it, so that what is read next (its
    parts, the records referring to it) includes what another PC saved meanwhile: a
    deletion's checks, which a cascading key would otherwise outrun unsaid."""
    table = cast(Table, type(record).__table__)
    s.execute(select(table.c.id).where(table.c.id == record.id).with_for_update())
    s.expire(record)


def update_audited(
    s: Session, record: Record, values: Mapping[str, Any], summary: Callable[[], str]
) -> None:
    """Set ``values`` on ``record`` and audit the change under ``summary()`` (called once
    the values are set, so it can name the record as it now is); nothing is written to
    the audit trail when no value changed."""
    before = audit.snapshot(record)
    for key, value in values.items():
        setattr(record, key, value)
    after = audit.snapshot(record)
    if after != before:
        audit.updated(s, record, summary(), before, after=after)


def origin_name(s: Session, origin_office: str | None) -> str | None:
    """The office a record came from in a package, as people read it (None: made here)."""
    if origin_office is None:
        return None
    from pbc_desktop.db.models import Office

    name = s.scalar(select(Office.name).where(Office.uuid == origin_office))
    return name or t("未登记的单位", "an office not registered here")


@cache
def _field_names(cls: type[DataclassInstance]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_fields(cls: type[_Dto], source: object, **given: Any) -> _Dto:
    """The dataclass ``cls`` with each field read from the attribute of that name of
    ``source`` (a record, a result row, another DTO), but for the fields ``given``."""
    names = _field_names(cls)
    if unknown := given.keys() - set(names):
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    return cls(**{n: given[n] if n in given else getattr(source, n) for n in names})
