"""A whole list as signed, for printing and export: its items with their claims and the
signatories; and the audit entry of an export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Claim, Community, ListItem
from pbc_desktop.domain.enums import AuditAction, ClaimMode, ItemStatus, ListKind, Satisfaction
from pbc_desktop.domain.items import is_overdue
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.lists.common import (
    claimants,
    load_list,
    status_text,
    supervision_counts,
)
from pbc_desktop.services.scope import (
    current_members,
    from_fields,
)


def _signatories(s: Session, community: Community, signed_on: date | None) -> list[Any]:
    """(id, name) of the member organizations that sign the list, in the community's order:
    those of the day it was signed — one that left since still signed it, one that joined
    since did not (the founding members always did) — or, unsigned, the current ones."""
    if signed_on is None:
        return list(s.execute(current_members(community.id)).all())
    rows = sorted(community.members, key=lambda m: (m.seq, m.id))
    founding = community.founded_on or min(
        (m.joined_on for m in rows if m.joined_on is not None), default=None
    )
    return [
        (m.organization_id, m.organization.name)
        for m in rows
        if (m.left_on is None or m.left_on > signed_on)
        and (m.joined_on is None or m.joined_on <= max(signed_on, founding or signed_on))
    ]


@dataclass(frozen=True)
class ReportItem:
    seq: int
    title: str
    category: str | None
    description: str | None
    expected_result: str | None
    status: ItemStatus
    overdue: bool
    claim_mode: ClaimMode | None
    claimants: tuple[str, ...]  # lead first
    responsible: str | None
    deadline: date | None
    solved_on: date | None
    result: str | None
    satisfaction: Satisfaction | None
    supervision_count: int

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.overdue)


@dataclass(frozen=True)
class ListReport:
    id: int
    title: str
    kind: ListKind
    year: int
    signed_on: date | None
    community_name: str
    members: tuple[str, ...]  # every current member organization, lead first
    items: tuple[ReportItem, ...]


def get_list_report(db: Database, list_id: int, *, today: date | None = None) -> ListReport:
    """Everything printed on the signed list: its items with claims, and the signatories."""
    day = today or date.today()
    with db.read() as s:
        lst = load_list(s, list_id, access.of(db, s))
        community = lst.community
        item_rows = list(
            s.scalars(
                select(ListItem)
                .where(ListItem.list_id == list_id)
                .order_by(ListItem.seq, ListItem.id)
            )
        )
        ids = [it.id for it in item_rows]
        leads, partners = claimants(s, ids)
        supervised = supervision_counts(s, ids)
        claims: dict[int, Claim] = {}
        if ids:
            for claim in s.scalars(
                select(Claim).where(Claim.item_id.in_(ids)).order_by(Claim.claimed_on, Claim.id)
            ):
                claims.setdefault(claim.item_id, claim)
        members = _signatories(s, community, lst.signed_on)
        lead_id = community.lead_org_id
        names = [n for o, n in members if o == lead_id] + [n for o, n in members if o != lead_id]
        report_items = []
        for seq, it in enumerate(item_rows, start=1):
            first = claims.get(it.id)
            report_items.append(
                from_fields(
                    ReportItem,
                    it,
                    seq=seq,
                    overdue=is_overdue(it.status, it.deadline, day),
                    claim_mode=first.mode if first else None,
                    claimants=tuple(leads.get(it.id, [])) + tuple(partners.get(it.id, [])),
                    responsible=first.responsible if first else None,
                    supervision_count=supervised.get(it.id, 0),
                )
            )
        return from_fields(
            ListReport,
            lst,
            community_name=community.name,
            members=tuple(names),
            items=tuple(report_items),
        )


def record_export(db: Database, list_id: int, file_name: str, kind: str) -> None:
    """Log that the list was exported (``kind``: "PDF" or "Excel") to ``file_name``."""
    with db.write() as s:
        lst = load_list(s, list_id, access.of(db, s))  # whoever sees a list may print it
        audit.record(
            s,
            AuditAction.EXPORT,
            lst,
            summary=t(
                f"导出清单「{lst.title}」为{kind}：{file_name}",
                f"Exported list {lst.title} to {kind}: {file_name}",
            ),
        )
