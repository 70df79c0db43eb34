"""Claiming (认领) a project item: 单个认领 by one member organization or 组团认领 by
a lead and its partners; 待认领 → 已认领."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Claim, ClaimOrganization, CommunityMember, ListItem
from pbc_desktop.domain import items as items_rules
from pbc_desktop.domain.enums import ClaimMode
from pbc_desktop.domain.items import ItemAction
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.lists.common import (
    PERSON_MAX,
    changing_item,
    check_not_future,
    check_text,
    item_facts,
    item_updated,
)


@dataclass(frozen=True)
class ParticipantInput:
    organization_id: int
    responsible_person: str | None = None


@dataclass(frozen=True)
class ClaimInput:
    """单个认领: only ``lead_org_id``; 组团认领: the lead and the other participants."""

    mode: ClaimMode
    lead_org_id: int | None
    claimed_on: date
    deadline: date | None = None
    responsible: str | None = None
    participants: tuple[ParticipantInput, ...] = ()


def _claim_facts(claim: Claim) -> dict[str, Any]:
    return audit.snapshot(
        claim,
        participants=[
            {"organization_id": p.organization_id, "responsible_person": p.responsible_person}
            for p in claim.participants
        ],
    )


def _validate_claim(s: Session, item: ListItem, data: ClaimInput) -> list[int]:
    """The organizations of the claim, lead first; errors name the field."""
    lst = item.service_list
    items_rules.check(item.status, lst.kind, ItemAction.CLAIM)
    err = FieldErrors()
    members = set(
        s.scalars(
            select(CommunityMember.organization_id).where(
                CommunityMember.community_id == lst.community_id,
                CommunityMember.left_on.is_(None),
            )
        )
    )
    orgs: list[int] = []
    if data.lead_org_id is None:
        err.add("lead_org", "请选择认领的党组织", "Choose the claiming organization")
    else:
        orgs.append(data.lead_org_id)
        if data.lead_org_id not in members:
            err.add(
                "lead_org",
                "认领单位必须是本共同体的成员党组织",
                "The claiming organization must be a member of this community",
            )
    others = [p.organization_id for p in data.participants if p.organization_id not in orgs]
    others = list(dict.fromkeys(others))
    if data.mode == ClaimMode.SINGLE and others:
        err.add(
            "participants",
            "单个认领只能有一个认领单位；多个单位请选「组团认领」",
            "A single claim has one organization; choose a group claim for several",
        )
    if data.mode == ClaimMode.GROUP:
        if len(orgs) + len(others) < 2:
            err.add(
                "participants",
                "组团认领至少需要两个党组织（牵头单位和参与单位）",
                "A group claim needs at least two organizations (the lead and a partner)",
            )
        outsiders = [o for o in others if o not in members]
        if outsiders:
            err.add(
                "participants",
                "参与单位必须是本共同体的成员党组织",
                "Every partner must be a member organization of this community",
            )
    check_not_future(err, "claimed_on", data.claimed_on, ("认领日期", "claim date"))
    err.in_years("deadline", data.deadline, ("完成时限", "deadline"))
    if data.deadline is not None and data.deadline < data.claimed_on:
        err.add("deadline", "完成时限不能早于认领日期", "The deadline is before the claim date")
    check_text(err, "responsible", data.responsible, 200, ("责任人", "The responsible person"))
    for p in data.participants:
        check_text(
            err,
            "participants",
            p.responsible_person,
            PERSON_MAX,
            ("参与单位的责任人", "A partner's responsible person"),
        )
    err.raise_any()
    return orgs + others


def claim_item(db: Database, item_id: int, data: ClaimInput) -> int:
    """单个认领 or 组团认领 of a project item by member organizations; 待认领 → 已认领."""
    with db.write() as s:
        item = changing_item(s, db, item_id)
        orgs = _validate_claim(s, item, data)
        access.of(db, s).check_org_writable(data.lead_org_id)  # an own organization claims
        before = item_facts(item)
        responsible = {
            p.organization_id: strip_or_none(p.responsible_person) for p in data.participants
        }
        claim = Claim(
            item_id=item.id,
            mode=data.mode,
            lead_org_id=orgs[0],
            claimed_on=data.claimed_on,
            deadline=data.deadline,
            responsible=strip_or_none(data.responsible),
        )
        if data.mode == ClaimMode.GROUP:
            claim.participants = [
                ClaimOrganization(organization_id=o, responsible_person=responsible.get(o))
                for o in orgs
            ]
        item.claims.append(claim)
        item.status = items_rules.after_claim(item.status, item.service_list.kind)
        if data.deadline is not None:
            item.deadline = data.deadline
        s.flush()
        item_updated(
            s,
            item,
            t(
                f"事项「{item.title}」{data.mode.zh}",
                f"Item {item.title}: {data.mode.en.lower()}",
            ),
            before,
            claim=_claim_facts(claim),
        )
        return claim.id
