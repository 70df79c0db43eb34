"""阵地 (venues): party-mass service centres and other sites opened (阵地开放) to communities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, true
from sqlalchemy.orm import Session, selectinload

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Community, CommunityVenue, Organization, Venue
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import VenueKind
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import ConflictError, NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.scope import (
    Choice,
    containing,
    from_fields,
)

NAME_MAX = 120
ADDRESS_MAX = 200
HOURS_MAX = 120
CAPACITY_MAX = 100_000  # people; the column holds up to 2^31


@dataclass(frozen=True)
class VenueFacts:
    """A venue's own fields, as entered and as listed."""

    name: str
    kind: VenueKind = VenueKind.SERVICE_CENTRE
    owner_org_id: int | None = None
    address: str | None = None
    capacity: int | None = None
    opening_hours: str | None = None
    remark: str | None = None


@dataclass(frozen=True)
class VenueInput(VenueFacts):
    community_ids: tuple[int, ...] = ()  # communities the venue is opened to
    version: int | None = None  # the version the editor read (VenueRow); None: not checked


@dataclass(frozen=True, kw_only=True)
class VenueRow(VenueFacts):
    id: int
    owner_name: str | None
    communities: tuple[Choice, ...]
    activity_count: int
    version: int  # the stored version, handed back by the editor (optimistic locking)


def seen(acc: access.Access) -> ColumnElement[bool]:
    """SQL test: a venue of an own organization, or opened to a community seen."""
    if acc.whole:
        return true()
    opened = select(CommunityVenue.venue_id).where(acc.communities(CommunityVenue.community_id))
    return or_(acc.orgs(Venue.owner_org_id), Venue.id.in_(opened))


def list_venues(db: Database, text: str = "") -> list[VenueRow]:
    """Every venue (a district has hundreds at most), filtered by name or address."""
    used = (
        select(func.count(Activity.id))
        .where(Activity.venue_id == Venue.id)
        .correlate(Venue)
        .scalar_subquery()
    )
    stmt = (
        select(Venue, used.label("used"))
        .options(
            selectinload(Venue.owner),
        )
        .order_by(Venue.name, Venue.id)
    )
    stmt = containing(stmt, text, Venue.name, Venue.address)
    with db.read() as s:
        rows = list(s.execute(stmt.where(seen(access.of(db, s)))))
        opened: dict[int, list[Choice]] = {}
        ids = [v.id for v, _ in rows]
        if ids:
            for venue_id, cid, name in s.execute(
                select(CommunityVenue.venue_id, Community.id, Community.name)
                .join(Community, Community.id == CommunityVenue.community_id)
                .where(CommunityVenue.venue_id.in_(ids))
                .order_by(Community.name_sort)
            ):
                opened.setdefault(venue_id, []).append(Choice(cid, name))
        return [
            from_fields(
                VenueRow,
                v,
                owner_name=v.owner.name if v.owner else None,
                communities=tuple(opened.get(v.id, ())),
                activity_count=int(n or 0),
            )
            for v, n in rows
        ]


def venue_choices(db: Database, community_id: int | None = None) -> list[Choice]:
    """Venues for the activity editor's place: those opened to the community first."""
    stmt = select(Venue.id, Venue.name).order_by(Venue.name, Venue.id)
    with db.read() as s:
        stmt = stmt.where(seen(access.of(db, s)))
        everything = [Choice(r.id, r.name) for r in s.execute(stmt)]
        if community_id is None:
            return everything
        own = set(
            s.scalars(
                select(CommunityVenue.venue_id).where(CommunityVenue.community_id == community_id)
            )
        )
    return [c for c in everything if c.id in own] + [c for c in everything if c.id not in own]


def _key(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def _validate(
    s: Session,
    data: VenueInput,
    own_id: int | None,
    acc: access.Access,
    links: Sequence[CommunityVenue] = (),
) -> None:
    """Every refused field at once. A community the account does not see reads as one that
    no longer exists (an opening already stored, ``links``, is kept)."""
    errors = FieldErrors()
    err = errors.add

    name = re.sub(r"\s+", " ", data.name).strip()
    if not name:
        err("name", "请填写阵地名称", "Enter the venue's name")
    elif len(name) > NAME_MAX:
        err("name", f"名称不能超过{NAME_MAX}个字", f"The name is longer than {NAME_MAX} characters")
    else:
        squeezed = func.lower(func.replace(func.replace(Venue.name, " ", ""), "\u3000", ""))
        stmt = select(Venue.id).where(squeezed == _key(name))
        if own_id is not None:
            stmt = stmt.where(Venue.id != own_id)
        if s.scalars(stmt.limit(1)).first() is not None:
            err("name", f"已有名为「{name}」的阵地", f"A venue named '{name}' already exists")
    errors.text("name", data.name, ("阵地名称", "venue's name"))
    errors.text("address", data.address, ("地址", "address"), max_len=ADDRESS_MAX)
    errors.text(
        "opening_hours", data.opening_hours, ("开放时间", "opening hours"), max_len=HOURS_MAX
    )
    errors.text("remark", data.remark, ("备注", "remark"), multiline=True)
    if data.capacity is not None and data.capacity < 0:
        err("capacity", "容纳人数不能为负数", "The capacity cannot be negative")
    elif data.capacity is not None and data.capacity > CAPACITY_MAX:
        err(
            "capacity",
            f"容纳人数不能超过{CAPACITY_MAX}",
            f"The capacity cannot exceed {CAPACITY_MAX}",
        )
    if data.owner_org_id is not None and s.get(Organization, data.owner_org_id) is None:
        err("owner", "所选所属党组织已不存在", "The chosen owner organization no longer exists")
    wanted = set(data.community_ids) - {cv.community_id for cv in links}
    if wanted:
        known = set(
            s.scalars(
                select(Community.id).where(Community.id.in_(wanted), acc.communities(Community.id))
            )
        )
        if known != wanted:
            err("communities", "有党建共同体已不存在", "A chosen community no longer exists")
    errors.raise_any()


def _load(s: Session, venue_id: int, acc: access.Access) -> tuple[Venue, list[CommunityVenue]]:
    """The venue to change: seen, and of an own organization."""
    venue = s.scalar(select(Venue).where(Venue.id == venue_id, seen(acc)))
    if venue is None:
        raise NotFoundError(t("该阵地已不存在（可能已被删除）", "The venue no longer exists"))
    acc.check_org_writable(venue.owner_org_id)
    links = list(s.scalars(select(CommunityVenue).where(CommunityVenue.venue_id == venue_id)))
    return venue, links


def _snapshot(v: Venue, links: list[CommunityVenue]) -> dict[str, Any]:
    return audit.snapshot(v, communities=sorted(cv.community_id for cv in links))


def _apply(
    s: Session, v: Venue, links: list[CommunityVenue], data: VenueInput
) -> list[CommunityVenue]:
    v.name = re.sub(r"\s+", " ", data.name).strip()
    v.kind = data.kind
    v.owner_org_id = data.owner_org_id
    v.address = strip_or_none(data.address)
    v.capacity = data.capacity
    v.opening_hours = strip_or_none(data.opening_hours)
    v.remark = strip_or_none(data.remark)
    wanted = list(dict.fromkeys(data.community_ids))
    kept = [cv for cv in links if cv.community_id in wanted]
    for cv in links:
        if cv.community_id not in wanted:
            s.delete(cv)
    have = {cv.community_id for cv in kept}
    for cid in wanted:
        if cid not in have:
            link = CommunityVenue(community_id=cid, venue=v, opened_on=date.today())
            s.add(link)
            kept.append(link)
    return kept


def change_refusal(db: Database, venue_id: int | None = None) -> str | None:
    """Why the acting account may not change or delete the venue ``venue_id`` (one of
    another organization, opened to a community it sees), or with None add one; None when
    it may."""

    def check(s: Session, acc: access.Access) -> None:
        acc.require(Permission.WRITE)
        if venue_id is not None:
            _load(s, venue_id, acc)

    return access.refusal(db, check)


def create_venue(db: Database, data: VenueInput) -> int:
    with db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        _validate(s, data, None, acc)
        acc.check_org_writable(data.owner_org_id)
        venue = Venue()
        s.add(venue)
        links = _apply(s, venue, [], data)
        s.flush()
        audit.created(
            s,
            venue,
            t(f"新增阵地「{venue.name}」", f"Created venue {venue.name}"),
            after=_snapshot(venue, links),
        )
        return venue.id


def update_venue(db: Database, venue_id: int, data: VenueInput) -> None:
    with db.write() as s:
        acc = access.of(db, s)
        venue, links = _load(s, venue_id, acc)
        versions.check(s, venue, data.version)
        _validate(s, data, venue_id, acc, links)
        acc.check_org_writable(data.owner_org_id)
        before = _snapshot(venue, links)
        links = _apply(s, venue, links, data)
        s.flush()
        audit.updated(
            s,
            venue,
            t(f"修改阵地「{venue.name}」", f"Updated venue {venue.name}"),
            before,
            after=_snapshot(venue, links),
        )


def delete_venue(db: Database, venue_id: int) -> None:
    """Delete a venue no activity was held at; its openings to communities go with it."""
    with db.write() as s:
        venue, links = _load(s, venue_id, access.of(db, s))
        used = s.scalar(select(func.count(Activity.id)).where(Activity.venue_id == venue_id))
        if used:
            raise ConflictError(
                t(
                    f"已有{used}次活动在「{venue.name}」举行，不能删除该阵地。",
                    f"{used} activities were held at '{venue.name}'; it cannot be deleted.",
                )
            )
        before = _snapshot(venue, links)
        for link in links:
            s.delete(link)
        audit.deleted(
            s, venue, t(f"删除阵地「{venue.name}」", f"Deleted venue {venue.name}"), before=before
        )
        s.delete(venue)
