"""Who is on an organization's roll, now or at a date, as SQL clauses over ``party_member``.

Now: the member's status is one of the roll's (正常, 失联). At a date ``day``: the latest
change on or before ``day`` decides (an entry puts the member on, a leaving takes them
off); with none, the member was on the roll when they had joined the Party by then and
their first change (if any, after ``day``) is not an entry (a member transferred in later
was elsewhere). The organization at ``day`` is that of the latest change on or before it,
else that of the first change, else the member's own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, and_, case, func, or_, select

from pbc_desktop.db.models import MemberChange, MobileMember, Organization, PartyMember
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.member_changes import ENTRY_KINDS, ON_ROLL_STATUSES, MemberRoll

_ENTRY_CODES = sorted(k.value for k in ENTRY_KINDS)


def ended_refusal(org: Organization, day: date) -> tuple[str, str] | None:
    """Why ``org`` takes no member onto its roll on ``day`` (in Chinese and English): it
    ended before; None when it has not ended by then. A letter of transfer to it, its
    receipt, a transfer within the district and the correction of an entry error that
    would put a member on the roll in it say so."""
    if org.end_date is None or day <= org.end_date:
        return None
    ended = org.end_date.isoformat()
    return (
        f"{org.name}已于{ended}结束，不能再转入党员",
        f"{org.name} ended on {ended} and takes no members in",
    )


def on_roll_now() -> ColumnElement[bool]:
    return PartyMember.status.in_(sorted(ON_ROLL_STATUSES))


def _change_of(column: Any, day: date | None, *, latest: bool) -> ScalarSelect[Any]:
    """``column`` of the member's latest change on or before ``day`` (``latest``), or of
    their first change of all (``day`` None)."""
    stmt = select(column).where(MemberChange.member_id == PartyMember.id)
    if day is not None:
        stmt = stmt.where(MemberChange.occurred_on <= day)
    if latest:
        stmt = stmt.order_by(MemberChange.occurred_on.desc(), MemberChange.id.desc())
    else:
        stmt = stmt.order_by(MemberChange.occurred_on, MemberChange.id)
    return stmt.limit(1).correlate(PartyMember).scalar_subquery()


def on_roll_at(day: date) -> ColumnElement[bool]:
    last = _change_of(MemberChange.kind, day, latest=True)
    first = _change_of(MemberChange.kind, None, latest=False)
    joined = or_(PartyMember.joined_on.is_(None), PartyMember.joined_on <= day)
    decided = case((last.in_(_ENTRY_CODES), True), else_=False)
    undecided = and_(
        last.is_(None),
        joined,
        or_(first.is_(None), first.not_in(_ENTRY_CODES)),
    )
    return or_(and_(last.is_not(None), decided), undecided)


def organization_at(day: date) -> ColumnElement[int]:
    """The member's organization at ``day`` (see the module's docstring)."""
    return func.coalesce(
        _change_of(MemberChange.organization_id, day, latest=True), first_organization()
    )


def roll_clause(roll: MemberRoll, day: date | None) -> ColumnElement[bool] | None:
    """The members of ``roll`` (on it at ``day`` when given, else now); None: all."""
    if roll is MemberRoll.ALL:
        return None
    on = on_roll_at(day) if day is not None else on_roll_now()
    if roll is MemberRoll.LOST_CONTACT:  # as marked now: the mark keeps no dates
        return and_(on, PartyMember.status == MembershipStatus.LOST_CONTACT)
    if roll is MemberRoll.AWAY:
        when = day or date.today()
        away = (
            select(MobileMember.id)
            .where(
                MobileMember.member_id == PartyMember.id,
                MobileMember.left_on <= when,
                or_(MobileMember.returned_on.is_(None), MobileMember.returned_on > when),
            )
            .exists()
        )
        return and_(on, away)
    return on if roll is MemberRoll.CURRENT else ~on


def joined_without_entry(start: date, end: date) -> ColumnElement[bool]:
    """SQL test: the member came onto the roll from ``start`` to ``end`` (both included)
    by their joining date alone, as :func:`on_roll_at` reads it: joined then, with no
    change before that day and no entry as their first change (none recorded: a member
    entered by hand or imported). No change of theirs counts this coming (增加)."""
    first_kind = _change_of(MemberChange.kind, None, latest=False)
    first_on = _change_of(MemberChange.occurred_on, None, latest=False)
    return and_(
        PartyMember.joined_on >= start,
        PartyMember.joined_on <= end,
        or_(
            first_kind.is_(None),
            and_(first_kind.not_in(_ENTRY_CODES), first_on >= PartyMember.joined_on),
        ),
    )


def first_organization() -> ColumnElement[int]:
    """The member's organization before any change: that of their first change, else
    their own (:func:`organization_at` a day before every change)."""
    return func.coalesce(
        _change_of(MemberChange.organization_id, None, latest=False),
        PartyMember.organization_id,
    )


def latest_kind() -> ScalarSelect[Any]:
    """The kind of the member's latest change of all (NULL: none)."""
    return _change_of(MemberChange.kind, None, latest=True)
