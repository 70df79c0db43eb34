"""The activities table: its filters, sort keys and counts, and the month view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Attendance, Community, Organization, Venue
from pbc_desktop.domain.attendance import EXPECTED_STATUSES, attendance_taken
from pbc_desktop.domain.enums import (
    TRAINING_KINDS,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
)
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    AnySelect,
    Choice,
    contains_any_case,
    enum_order,
    from_fields,
    sorted_page,
    town_community_ids,
)


@dataclass(frozen=True)
class ActivityQuery:
    community_id: int | None = None
    kind: ActivityKind | None = None
    host_org_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    text: str = ""
    town: str | None = None  # communities with a member organization in this town
    training_only: bool = False  # 教育培训 kinds (ActivityKind.is_training)
    status: ActivityStatus | None = None


@dataclass(frozen=True)
class ActivityRow:
    id: int
    starts_at: datetime
    kind: ActivityKind
    title: str
    status: ActivityStatus
    community_name: str | None
    host_org_name: str | None
    place: str | None
    expected: int  # 应到
    present: int | None  # 实到; None until held (domain.attendance.attendance_taken)
    trainee_count: int


_Host = aliased(Organization)
_place = func.coalesce(Activity.place, Venue.name)


def _matching(text: str, *, sqlite: bool) -> ColumnElement[bool] | None:
    """SQL test: the activity's title or place, or the name of its venue, community or host
    holds ``text`` (stripped; see :func:`scope.contains_any_case`); None for a blank text.

    The names are looked up in their own (small) tables once, not joined to every
    activity: the test reads the activity's own columns alone, all of them in the listing's
    index (``ix_activity_listing``), so a search walks that index and reads no table row."""
    needle = text.strip()
    if not needle:
        return None

    def has(column: Any) -> ColumnElement[bool]:
        return contains_any_case(column, needle, sqlite=sqlite)

    return or_(
        has(Activity.title),
        has(Activity.place),
        Activity.venue_id.in_(select(Venue.id).where(has(Venue.name))),
        Activity.community_id.in_(select(Community.id).where(has(Community.name))),
        Activity.host_org_id.in_(select(Organization.id).where(has(Organization.name))),
    )


def _filtered(
    stmt: AnySelect, query: ActivityQuery, acc: access.Access, *, sqlite: bool
) -> AnySelect:
    """``stmt`` (over the activity table alone) narrowed to the activities of ``query``
    that the account sees."""
    stmt = stmt.where(acc.activities(Activity.community_id, Activity.host_org_id))
    matching = _matching(query.text, sqlite=sqlite)
    if matching is not None:
        stmt = stmt.where(matching)
    if query.community_id is not None:
        stmt = stmt.where(Activity.community_id == query.community_id)
    if query.kind is not None:
        stmt = stmt.where(Activity.kind == query.kind)
    if query.training_only:
        stmt = stmt.where(Activity.kind.in_(sorted(TRAINING_KINDS)))
    if query.status is not None:
        stmt = stmt.where(Activity.status == query.status)
    if query.host_org_id is not None:
        stmt = stmt.where(Activity.host_org_id == query.host_org_id)
    if query.date_from is not None:
        stmt = stmt.where(Activity.starts_at >= datetime.combine(query.date_from, time()))
    if query.date_to is not None:
        end = datetime.combine(query.date_to + timedelta(days=1), time())
        stmt = stmt.where(Activity.starts_at < end)
    if query.town:
        stmt = stmt.where(Activity.community_id.in_(town_community_ids(query.town)))
    return stmt


_SORT_KEYS: dict[str, Any] = {
    "starts_at": Activity.starts_at,
    "kind": enum_order(Activity.kind, ActivityKind),
    "title": Activity.title,
    "community": Community.name_sort,
}


def count_activities(db: Database, query: ActivityQuery) -> int:
    with db.read() as s:
        acc = access.of(db, s)
        stmt = _filtered(
            select(func.count(Activity.id)).select_from(Activity), query, acc, sqlite=db.is_sqlite
        )
        return int(s.execute(stmt).scalar_one())


def attendance_counts(s: Session, activity_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """应到 and 实到 per activity, in one grouped query over the given activities."""
    if not activity_ids:
        return {}
    present = case((Attendance.status == AttendanceStatus.PRESENT, 1), else_=0)
    stmt = (
        select(Attendance.activity_id, func.count(Attendance.id), func.sum(present))
        .where(
            Attendance.activity_id.in_(activity_ids),
            Attendance.status.in_(EXPECTED_STATUSES),
        )
        .group_by(Attendance.activity_id)
    )
    return {aid: (int(expected), int(shown or 0)) for aid, expected, shown in s.execute(stmt)}


def list_activities(db: Database, query: ActivityQuery, page: PageRequest) -> list[ActivityRow]:
    """A page of the listing. Its ids are found first, from the activity table alone where
    the filter and order allow (a page far down a district's hundred thousand activities
    is then an index walk), and only the page's rows are joined to their names."""
    acc = access.of(db)
    ids_stmt = _filtered(select(Activity.id).select_from(Activity), query, acc, sqlite=db.is_sqlite)
    if page.sort == "community":  # its sort key is the community's
        ids_stmt = ids_stmt.outerjoin(Community, Community.id == Activity.community_id)
    if page.sort == "starts_at":
        # The tab's own order (its header's): the listing index's, whose walk stops at the
        # page's end. The time is never empty: sorted_page's empty-last key, constant here,
        # kept the index from serving the order, and every search sorted all it found.
        # Ties by id follow the direction (the index walked either way; ``id DESC`` after
        # ``starts_at ASC`` sorted its right part in a temporary B-tree).
        if page.descending:
            ids_stmt = ids_stmt.order_by(Activity.starts_at.desc(), Activity.id.desc())
        else:
            ids_stmt = ids_stmt.order_by(Activity.starts_at.asc(), Activity.id.asc())
        ids_stmt = ids_stmt.offset(page.offset).limit(page.limit)
    else:
        ids_stmt = sorted_page(
            ids_stmt, page, _SORT_KEYS, Activity.starts_at.desc(), Activity.id.desc()
        )
    with db.read() as s:
        ids = list(s.scalars(ids_stmt))
        if not ids:
            return []
        stmt = (
            select(
                Activity.id,
                Activity.starts_at,
                Activity.kind,
                Activity.title,
                Activity.status,
                Community.name.label("community_name"),
                _Host.name.label("host_name"),
                _place.label("place"),
                Activity.trainee_count,
            )
            .select_from(Activity)
            .outerjoin(Community, Community.id == Activity.community_id)
            .outerjoin(_Host, _Host.id == Activity.host_org_id)
            .outerjoin(Venue, Venue.id == Activity.venue_id)
            .where(Activity.id.in_(ids))
        )
        found = {r.id: r for r in s.execute(stmt)}
        counts = attendance_counts(s, ids)
    rows = [found[i] for i in ids if i in found]
    return [
        from_fields(
            ActivityRow,
            r,
            host_org_name=r.host_name,
            expected=counts.get(r.id, (0, 0))[0],
            present=counts.get(r.id, (0, 0))[1] if attendance_taken(r.status) else None,
            trainee_count=r.trainee_count or 0,
        )
        for r in rows
    ]


def host_org_choices(db: Database) -> list[Choice]:
    """Organizations that have hosted an activity the account sees, for the host filter."""
    with db.read() as s:
        seen = access.of(db, s).activities(Activity.community_id, Activity.host_org_id)
        hosts = select(Activity.host_org_id).where(Activity.host_org_id.is_not(None), seen)
        stmt = (
            select(Organization.id, Organization.name)
            .where(Organization.id.in_(hosts))
            .order_by(Organization.name_sort, Organization.id)
        )
        return [Choice(r.id, r.name) for r in s.execute(stmt)]


# -- month view ------------------------------------------------------------------------------
def day_counts(db: Database, query: ActivityQuery, year: int, month: int) -> dict[date, int]:
    """How many activities matching ``query`` fall on each day of a month."""
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    bounded = replace(
        query,
        date_from=max(first, query.date_from) if query.date_from else first,
        date_to=min(nxt - timedelta(days=1), query.date_to)
        if query.date_to
        else nxt - timedelta(days=1),
    )
    day = func.date(Activity.starts_at)
    with db.read() as s:
        acc = access.of(db, s)
        stmt = _filtered(
            select(day, func.count(Activity.id)).select_from(Activity),
            bounded,
            acc,
            sqlite=db.is_sqlite,
        ).group_by(day)
        out: dict[date, int] = {}
        for value, n in s.execute(stmt):
            key = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
            out[key] = int(n)
        return out


def community_by_name(db: Database, name: str) -> Choice:
    """The community called ``name`` (or the only one whose name contains it)."""
    needle = name.strip()
    with db.read() as s:
        seen = access.of(db, s).communities(Community.id)
        exact = s.execute(
            select(Community.id, Community.name).where(Community.name == needle, seen)
        )
        row = exact.first()
        if row is not None:
            return Choice(row.id, row.name)
        similar = list(
            s.execute(
                select(Community.id, Community.name)
                .where(Community.name.icontains(needle, autoescape=True), seen)
                .order_by(Community.name_sort)
                .limit(6)
            )
        )
    if needle and len(similar) == 1:
        return Choice(similar[0].id, similar[0].name)
    if needle and similar:
        names = "、".join(r.name for r in similar[:5])
        raise NotFoundError(
            t(
                f"有多个党建共同体的名称包含「{needle}」：{names}。请写出完整名称。",
                f"Several communities match '{needle}': {names}. Give the full name.",
            )
        )
    raise NotFoundError(
        t(f"找不到名为「{needle}」的党建共同体", f"No community is named '{needle}'")
    )
