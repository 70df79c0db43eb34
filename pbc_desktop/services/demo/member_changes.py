"""The demo's 增减 history, transfers and 流动党员: members who left (死亡, 转出 with its
returned letter, 出党) with their changes, one who moved between two organizations of the
district, 发展 of recent members, a transfer into the village account's organization
waiting for it to confirm, one of its own to an outside unit, and a few members working
away from home.

Drawn from a generator of its own, so the rest of the district stays as it was.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from pbc_desktop.db.models import MemberChange, MemberTransfer, MobileMember
from pbc_desktop.domain.enums import MembershipStatus, UserRole
from pbc_desktop.domain.member_changes import (
    STATUS_AFTER,
    LeavingKind,
    MemberChangeKind,
    TransferState,
)
from pbc_desktop.services.demo.district import District

#: Outside units members went to (转出 to another city).
_OUTSIDE_UNITS = (
    "广州市天河区某街道党工委",
    "深圳市南山区某社区党委",
    "汕头市龙湖区某街道党工委",
)
_WHEREABOUTS = (
    ("广东省深圳市宝安区", "深圳市宝安区流动党员党支部"),
    ("广东省广州市白云区", "广州市白云区某镇流动党员党支部"),
    ("浙江省义乌市", "义乌市潮汕商会党支部"),
)


def add_member_changes(gen: District) -> None:
    rng = random.Random(f"member-changes-{gen.scale.members}")
    members = gen.rows["party_member"]
    serial = 0

    def letter() -> str:
        nonlocal serial
        serial += 1
        return f"{gen.this_year}-{serial:03d}"

    for row in members:
        status = row["status"]
        joined = row["joined_on"]
        if joined is not None and joined.year >= gen.last_year:
            _change(gen, row, MemberChangeKind.DEVELOPED, joined)
        if status is MembershipStatus.DECEASED:
            _change(gen, row, MemberChangeKind.DECEASED, _earlier(gen.today, rng, 20, 300))
        elif status is MembershipStatus.TRANSFERRED_OUT:
            issued = _earlier(gen.today, rng, 40, 400)
            unit = rng.choice(_OUTSIDE_UNITS)
            received = issued + timedelta(days=rng.randint(5, 25))
            gen.add(
                MemberTransfer,
                **_transfer(
                    row,
                    letter(),
                    issued,
                    to_unit=unit,
                    state=TransferState.RECEIVED,
                    received_on=received,
                ),
            )
            _change(gen, row, MemberChangeKind.TRANSFERRED_OUT, issued, other_unit=unit)
    _some_leave(gen, rng, letter)
    village_org = next(
        (u["organization_id"] for u in gen.rows["app_user"] if u["role"] is UserRole.VILLAGE),
        None,
    )
    normal = [
        r for r in members if r["status"] is MembershipStatus.NORMAL and not r.get("party_post")
    ]
    own = [r for r in normal if r["organization_id"] == village_org]
    others = [r for r in normal if r["organization_id"] != village_org]
    if village_org is not None and others:
        incoming = others[0]  # the lowest id: kept in the schema fixtures too
        gen.add(
            MemberTransfer,
            **_transfer(
                incoming,
                letter(),
                gen.today - timedelta(days=6),
                to_organization_id=village_org,
                reason="工作调动，回村居住",
            ),
        )
    if len(others) > 1:  # a letter to an outside unit elsewhere in the district
        gen.add(
            MemberTransfer,
            **_transfer(
                others[1],
                letter(),
                gen.today - timedelta(days=20),
                to_unit=_OUTSIDE_UNITS[1],
                reason="随子女迁居",
            ),
        )
    if own:
        outgoing = own[-1]
        gen.add(
            MemberTransfer,
            **_transfer(
                outgoing,
                letter(),
                gen.today - timedelta(days=12),
                to_unit=_OUTSIDE_UNITS[0],
                reason="到外地工作",
            ),
        )
    away = normal[2 :: max(1, len(normal) // 6)][:6]
    for i, row in enumerate(away):
        place, unit = _WHEREABOUTS[i % len(_WHEREABOUTS)]
        gen.add(
            MobileMember,
            member_id=row["id"],
            left_on=_earlier(gen.today, rng, 60, 900),
            whereabouts=place,
            contact_phone=row.get("phone"),
            managing_organization_id=None,
            managing_unit=unit,
            returned_on=None,
            remark=None,
        )


#: Records that put a member to work (a post, a meeting, a role): such members stay.
_BUSY = ("post_report", "attendance", "community_role")


def _untouched(gen: District) -> list[dict[str, Any]]:
    """Members on the roll with no post, report, attendance or role: they may leave or
    move without changing anything else of the district."""
    used = {
        row["member_id"]
        for name in _BUSY
        for row in gen.rows.get(name, ())
        if row.get("member_id") is not None
    }
    return [
        r
        for r in gen.rows["party_member"]
        if r["status"] is MembershipStatus.NORMAL
        and not r.get("party_post")
        and r["id"] not in used
        and r["joined_on"] is not None
        and r["joined_on"].year < gen.last_year
    ]


def _some_leave(gen: District, rng: random.Random, letter: Callable[[], str]) -> None:
    """Two deaths, two transfers out of the district (letters received), one 出党 and one
    move between two organizations of the district (its history shows both)."""
    free = _untouched(gen)[::7]
    plan = [
        MemberChangeKind.DECEASED,
        MemberChangeKind.TRANSFERRED_OUT,
        MemberChangeKind.DECEASED,
        MemberChangeKind.TRANSFERRED_OUT,
        MemberChangeKind.LEFT_PARTY,
    ]
    for row, kind in zip(free, plan, strict=False):
        on = _earlier(gen.today, rng, 20, 300)
        row["status"] = STATUS_AFTER[kind]
        if kind is MemberChangeKind.TRANSFERRED_OUT:
            unit = rng.choice(_OUTSIDE_UNITS)
            gen.add(
                MemberTransfer,
                **_transfer(
                    row,
                    letter(),
                    on,
                    to_unit=unit,
                    state=TransferState.RECEIVED,
                    received_on=min(gen.today, on + timedelta(days=12)),
                ),
            )
            _change(gen, row, kind, on, other_unit=unit)
        elif kind is MemberChangeKind.LEFT_PARTY:
            _change(gen, row, kind, on, leaving_kind=LeavingKind.LAPSED)
        else:
            _change(gen, row, kind, on)
    movers = free[len(plan) :]
    orgs = sorted({r["organization_id"] for r in gen.rows["party_member"]})
    if movers and len(orgs) > 1:
        row = movers[0]
        source = row["organization_id"]
        target = next(o for o in orgs if o != source)
        issued = _earlier(gen.today, rng, 60, 200)
        received = issued + timedelta(days=9)
        gen.add(
            MemberTransfer,
            **_transfer(
                row,
                letter(),
                issued,
                to_organization_id=target,
                state=TransferState.RECEIVED,
                received_on=received,
                reason="随家庭迁居",
            ),
        )
        # off the sender's roll when the receiver takes the member in, as the service does
        _change(gen, row, MemberChangeKind.TRANSFERRED_OUT, received, other_organization_id=target)
        row["organization_id"] = target
        _change(gen, row, MemberChangeKind.TRANSFERRED_IN, received, other_organization_id=source)


def _earlier(today: date, rng: random.Random, least: int, most: int) -> date:
    return today - timedelta(days=rng.randint(least, most))


def _transfer(row: dict[str, Any], number: str, issued: date, **given: Any) -> dict[str, Any]:
    """A letter's row: pending, to nowhere yet, unless ``given`` says otherwise."""
    return {
        "member_id": row["id"],
        "from_organization_id": row["organization_id"],
        "to_organization_id": None,
        "to_unit": None,
        "letter_number": number,
        "issued_on": issued,
        "valid_days": 30,
        "reason": None,
        "state": TransferState.PENDING,
        "received_on": None,
        "remark": None,
    } | given


def _change(
    gen: District, row: dict[str, Any], kind: MemberChangeKind, on: date, **details: Any
) -> None:
    gen.add(
        MemberChange,
        member_id=row["id"],
        kind=kind,
        occurred_on=on,
        leaving_kind=details.get("leaving_kind"),
        organization_id=row["organization_id"],
        other_organization_id=details.get("other_organization_id"),
        other_unit=details.get("other_unit"),
        remark=None,
    )
