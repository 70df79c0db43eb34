"""Writing one member change and counting changes (see the package's docstring)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, MemberChange, Organization, PartyMember
from pbc_desktop.domain.member_changes import (
    ENTRY_KINDS,
    KIND_OF_STATUS,
    LEAVING_KINDS,
    STATUS_AFTER,
    MemberChangeKind,
)
from pbc_desktop.errors import ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.member_changes import roll

_DETAILS = frozenset({"leaving_kind", "organization_id", "other_organization_id", "other_unit"})


def move_development_records(
    s: Session, member: PartyMember, organization_id: int, summary: str
) -> None:
    """The member's 发展党员 records moved to ``organization_id`` (the organization the
    member is moved to), each audited with ``summary`` (no personal data)."""
    moved = s.scalars(
        select(DevelopmentRecord).where(
            DevelopmentRecord.member_id == member.id,
            DevelopmentRecord.organization_id != organization_id,
        )
    )
    for record in moved:
        before = audit.snapshot(record)
        record.organization_id = organization_id
        audit.updated(s, record, summary, before)


def record_change(
    s: Session,
    member: PartyMember,
    kind: MemberChangeKind,
    occurred_on: date,
    **details: Any,
) -> MemberChange:
    """Write ``member``'s change of ``kind`` on ``occurred_on`` in ``s`` (the caller's
    write transaction, whose service checked the account's scope) with its audit entry.

    ``details``: ``leaving_kind`` (出党 only, and required for it), ``organization_id``
    (the organization entered, for an entry; default the member's own), and
    ``other_organization_id`` / ``other_unit`` / ``remark``. The member's status becomes
    the one the kind implies; an entry into another organization moves the member there.
    """
    unknown = set(details) - _DETAILS - {"remark"}
    if unknown:
        raise TypeError(f"unknown member change details: {sorted(unknown)}")
    leaving = details.get("leaving_kind")
    if kind is MemberChangeKind.LEFT_PARTY and leaving is None:
        raise ValidationError.single(
            "leaving_kind", t("请选择出党方式", "Choose how the member left the Party")
        )
    if kind is not MemberChangeKind.LEFT_PARTY and leaving is not None:
        raise ValidationError.single(
            "leaving_kind",
            t("只有出党才填写出党方式", "Only a member leaving the Party has a kind of leaving"),
        )
    organization_id = details.get("organization_id") or member.organization_id
    change = MemberChange(
        member_id=member.id,
        kind=kind,
        occurred_on=occurred_on,
        leaving_kind=leaving,
        organization_id=organization_id,
        other_organization_id=details.get("other_organization_id"),
        other_unit=(details.get("other_unit") or "").strip() or None,
        remark=(details.get("remark") or "").strip() or None,
    )
    s.add(change)
    member.status = STATUS_AFTER[kind]
    if kind in ENTRY_KINDS:
        member.organization_id = organization_id
        # the member's 发展党员 record (a probationary member's 转正 still to come) goes
        # with them: the new organization confirms them, the old one no longer may
        move_development_records(
            s,
            member,
            organization_id,
            t(
                f"{member.name}的发展党员记录随组织关系转入新的党组织",
                f"The development record of {member.name} moved with the member",
            ),
        )
    audit.created(
        s,
        change,
        t(
            f"党员 {member.name} {kind.zh}（{occurred_on.isoformat()}）",
            f"Party member {member.name}: {kind.en} on {occurred_on.isoformat()}",
        ),
    )
    return change


def record_transfer_within(
    s: Session, member: PartyMember, from_id: int, to_id: int, on: date, *, remark: str
) -> None:
    """``member``'s transfer within the district on ``on``: 转出 at ``from_id`` and 转入 at
    ``to_id``, each naming the other, each audited (a letter's receipt, or a move in the
    member editor or a roster's import); the member ends on ``to_id``'s roll."""
    record_change(
        s,
        member,
        MemberChangeKind.TRANSFERRED_OUT,
        on,
        organization_id=from_id,
        other_organization_id=to_id,
        remark=remark,
    )
    record_change(
        s,
        member,
        MemberChangeKind.TRANSFERRED_IN,
        on,
        organization_id=to_id,
        other_organization_id=from_id,
        remark=remark,
    )


def count_changes(
    db: Database,
    start: date,
    end: date,
    *,
    town: str | None = None,
    organization_id: int | None = None,
) -> dict[MemberChangeKind, int]:
    """How many changes of each kind occurred from ``start`` to ``end`` (both included)
    in the organizations the account sees (of ``town`` / under ``organization_id`` when
    given: the organization and those below it). Every kind is in the answer."""
    with db.read() as s:
        acc = access.of(db, s)
        stmt = (
            select(MemberChange.kind, func.count(MemberChange.id))
            .where(
                MemberChange.occurred_on >= start,
                MemberChange.occurred_on <= end,
                acc.orgs(MemberChange.organization_id),
            )
            .group_by(MemberChange.kind)
        )
        if town is not None:
            stmt = stmt.where(
                MemberChange.organization_id.in_(
                    select(Organization.id).where(Organization.town == town)
                )
            )
        if organization_id is not None:
            stmt = stmt.where(
                MemberChange.organization_id.in_(sorted(access.org_subtree(s, organization_id)))
            )
        counts = dict.fromkeys(MemberChangeKind, 0)
        for kind, number in s.execute(stmt).all():
            counts[kind] = int(number)
        return counts


def reconcile_statuses(s: Session, on: date, remark: str, where: ColumnElement[bool]) -> int:
    """Record the change a status set without one implies (an imported roster says 已故 or
    正常 again), dated ``on``, for the members ``where`` selects; returns how many.

    A member off the roll whose latest change is not the leaving their status names gets
    that leaving; a member back on the roll whose latest change is a leaving gets 恢复党籍
    after a suspension, else 转入. Written in bulk, each with its audit entry.
    """
    latest = roll.latest_kind().label("latest")
    # Only a status off the roll or a change recorded before can call for a change: the
    # others (a roster's thousands of new members) are not looked at one by one.
    maybe = or_(
        PartyMember.status.in_(list(KIND_OF_STATUS)),
        exists().where(MemberChange.member_id == PartyMember.id),
    )
    rows = s.execute(
        select(PartyMember.id, PartyMember.status, PartyMember.organization_id, latest).where(
            where, maybe
        )
    ).all()
    added: list[tuple[MemberChange, str]] = []
    for member_id, status, org_id, last in rows:
        kind: MemberChangeKind | None = None
        if status in KIND_OF_STATUS:
            if last != KIND_OF_STATUS[status].value:
                kind = KIND_OF_STATUS[status]
        elif last is not None and last in LEAVING_KINDS:
            suspended = last == MemberChangeKind.SUSPENDED.value
            kind = MemberChangeKind.RESTORED if suspended else MemberChangeKind.TRANSFERRED_IN
        if kind is None:
            continue
        change = MemberChange(
            member_id=member_id,
            kind=kind,
            occurred_on=on,
            organization_id=org_id,
            remark=remark,
        )
        added.append((change, t(f"党员增减补记：{kind.zh}", f"Member change recorded: {kind.en}")))
    s.add_all(change for change, _summary in added)
    audit.created_all(s, added)
    return len(added)
