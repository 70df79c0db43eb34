"""Reading lists and items: the item listing (filters, sort, paging), the lists of a
community, an item's detail, and the choices the list dialogs offer.

An item is shown as 逾期 (overdue) when its deadline has passed and it is not solved;
``today`` can be given so that tests and reports see a fixed day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, or_, select
from sqlalchemy.orm import aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Claim,
    ClaimOrganization,
    Community,
    ListItem,
    Organization,
    ServiceList,
)
from pbc_desktop.domain.enums import ClaimMode, ItemStatus, ListKind, Satisfaction
from pbc_desktop.domain.items import is_overdue
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services import access
from pbc_desktop.services.lists.common import (
    ItemState,
    claimants,
    list_gone,
    load_item,
    supervision_counts,
)
from pbc_desktop.services.lists.editing import ListInput
from pbc_desktop.services.lists.supervision import SupervisionView, supervisions
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    AnySelect,
    Choice,
    containing,
    current_members,
    enum_order,
    from_fields,
    ordered,
    overdue_clause,
    sorted_page,
    town_community_ids,
)


# -- DTOs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemQuery:
    community_id: int | None = None
    list_kind: ListKind | None = None
    status: ItemStatus | None = None
    overdue_only: bool = False
    claimant_org_id: int | None = None  # lead or member of a claim
    town: str | None = None  # communities with a member organization in this town
    text: str = ""
    year: int | None = None  # the list's year
    claimed: bool | None = None  # has (True) or has no (False) claim
    list_id: int | None = None  # one list only


@dataclass(frozen=True)
class ItemFacts(ItemState):
    """What a row of the listing and the detail both show of an item: its list, its
    community and its state."""

    id: int
    community_id: int
    community_name: str
    list_id: int
    list_kind: ListKind
    list_title: str
    signed_on: date | None
    title: str
    status: ItemStatus
    overdue: bool
    deadline: date | None


@dataclass(frozen=True)
class ItemRow(ItemFacts):
    list_year: int
    lead_orgs: tuple[str, ...]
    partner_orgs: tuple[str, ...]  # other organizations of group claims (组团认领)
    supervision_count: int


@dataclass(frozen=True)
class ParticipantView:
    organization_name: str
    responsible_person: str | None


@dataclass(frozen=True)
class ClaimView:
    mode: ClaimMode
    lead_org_name: str
    claimed_on: date
    deadline: date | None
    responsible: str | None
    participants: tuple[ParticipantView, ...]


@dataclass(frozen=True)
class ItemDetail(ItemFacts):
    description: str | None
    category: str | None
    expected_result: str | None
    solved_on: date | None
    result: str | None
    satisfaction: Satisfaction | None
    answers_title: str | None
    uses_title: str | None
    claims: tuple[ClaimView, ...]
    supervisions: tuple[SupervisionView, ...]
    answers_item_id: int | None = None
    uses_item_id: int | None = None
    version: int = 0  # the stored version, handed back by the editor (optimistic locking)


@dataclass(frozen=True, kw_only=True)
class ServiceListRow(ListInput):
    """A list as entered, with its id, its community's name and how many items it holds."""

    id: int
    community_name: str
    item_count: int
    solved_count: int
    version: int  # the stored version, handed back by the editor (optimistic locking)


def _claimed_by(org_id: int) -> ColumnElement[bool]:
    as_lead = exists().where(Claim.item_id == ListItem.id, Claim.lead_org_id == org_id)
    as_partner = exists().where(
        Claim.item_id == ListItem.id,
        ClaimOrganization.claim_id == Claim.id,
        ClaimOrganization.organization_id == org_id,
    )
    return or_(as_lead.correlate(ListItem), as_partner.correlate(ListItem))


def _filtered(stmt: AnySelect, query: ItemQuery, today: date, acc: access.Access) -> AnySelect:
    stmt = stmt.join(ServiceList, ServiceList.id == ListItem.list_id).join(
        Community, Community.id == ServiceList.community_id
    )
    stmt = stmt.where(acc.communities(ServiceList.community_id))
    stmt = containing(
        stmt, query.text, ListItem.title, ListItem.description, ServiceList.title, Community.name
    )
    if query.community_id is not None:
        stmt = stmt.where(ServiceList.community_id == query.community_id)
    if query.list_kind is not None:
        stmt = stmt.where(ServiceList.kind == query.list_kind)
    if query.status is not None:
        stmt = stmt.where(ListItem.status == query.status)
    if query.overdue_only:
        stmt = stmt.where(overdue_clause(today))
    if query.claimant_org_id is not None:
        stmt = stmt.where(_claimed_by(query.claimant_org_id))
    if query.town:
        stmt = stmt.where(ServiceList.community_id.in_(town_community_ids(query.town)))
    if query.year is not None:
        stmt = stmt.where(ServiceList.year == query.year)
    if query.list_id is not None:
        stmt = stmt.where(ListItem.list_id == query.list_id)
    if query.claimed is not None:
        has_claim = exists().where(Claim.item_id == ListItem.id).correlate(ListItem)
        stmt = stmt.where(has_claim if query.claimed else ~has_claim)
    return stmt


_SORT_KEYS: dict[str, Any] = {
    "community": Community.name_sort,
    "list_kind": enum_order(ServiceList.kind, ListKind),
    "signed_on": ServiceList.signed_on,
    "title": ListItem.title,
    "status": enum_order(ListItem.status, ItemStatus),
    "deadline": ListItem.deadline,
}


def count_items(db: Database, query: ItemQuery, *, today: date | None = None) -> int:
    with db.read() as s:
        stmt = _filtered(
            select(func.count(ListItem.id)).select_from(ListItem),
            query,
            today or date.today(),
            access.of(db, s),
        )
        return int(s.execute(stmt).scalar_one())


def list_items(
    db: Database, query: ItemQuery, page: PageRequest, *, today: date | None = None
) -> list[ItemRow]:
    day = today or date.today()
    acc = access.of(db)
    stmt = _filtered(
        select(
            ListItem.id,
            ServiceList.community_id,
            Community.name.label("community_name"),
            ServiceList.id.label("list_id"),
            ServiceList.kind,
            ServiceList.title.label("list_title"),
            ServiceList.year,
            ServiceList.signed_on,
            ListItem.title,
            ListItem.status,
            ListItem.deadline,
        ).select_from(ListItem),
        query,
        day,
        acc,
    )
    stmt = sorted_page(
        stmt,
        page,
        _SORT_KEYS,
        Community.name,
        ServiceList.id,
        ListItem.seq,
        ListItem.id,
        default=ordered(ServiceList.signed_on, True),  # the newest lists first
    )
    with db.read() as s:
        rows = list(s.execute(stmt))
        ids = [r.id for r in rows]
        leads, partners = claimants(s, ids)
        supervised = supervision_counts(s, ids)
    return [
        from_fields(
            ItemRow,
            r,
            list_kind=r.kind,
            list_year=r.year,
            overdue=is_overdue(r.status, r.deadline, day),
            lead_orgs=tuple(leads.get(r.id, ())),
            partner_orgs=tuple(partners.get(r.id, ())),
            supervision_count=supervised.get(r.id, 0),
        )
        for r in rows
    ]


def list_service_lists(
    db: Database, community_id: int | None = None, *, list_id: int | None = None
) -> list[ServiceListRow]:
    solved = func.sum(case((ListItem.status == ItemStatus.SOLVED, 1), else_=0))
    stmt = (
        select(
            ServiceList.id,
            ServiceList.community_id,
            Community.name.label("community_name"),
            ServiceList.kind,
            ServiceList.title,
            ServiceList.year,
            ServiceList.signed_on,
            ServiceList.remark,
            func.count(ListItem.id).label("items"),
            solved.label("solved"),
            ServiceList.version,
        )
        .join(Community, Community.id == ServiceList.community_id)
        .outerjoin(ListItem, ListItem.list_id == ServiceList.id)
        .group_by(ServiceList.id, Community.name, Community.name_sort)
        .order_by(*ordered(ServiceList.signed_on, True), Community.name_sort, ServiceList.id)
    )
    if community_id is not None:
        stmt = stmt.where(ServiceList.community_id == community_id)
    if list_id is not None:
        stmt = stmt.where(ServiceList.id == list_id)
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).communities(ServiceList.community_id))
        return [
            from_fields(ServiceListRow, r, item_count=int(r.items), solved_count=int(r.solved or 0))
            for r in s.execute(stmt)
        ]


def list_years(db: Database) -> list[int]:
    """Years that have lists, newest first."""
    with db.read() as s:
        seen = access.of(db, s).communities(ServiceList.community_id)
        return list(
            s.scalars(
                select(ServiceList.year).where(seen).distinct().order_by(ServiceList.year.desc())
            )
        )


def get_item_detail(db: Database, item_id: int, *, today: date | None = None) -> ItemDetail:
    day = today or date.today()
    with db.read() as s:
        item = load_item(s, item_id, access.of(db, s))
        linked = aliased(ListItem)

        def title_of(other_id: int | None) -> str | None:
            if other_id is None:
                return None
            return s.scalar(select(linked.title).where(linked.id == other_id))

        claims = s.scalars(
            select(Claim).where(Claim.item_id == item_id).order_by(Claim.claimed_on, Claim.id)
        ).all()
        lst = item.service_list
        return from_fields(
            ItemDetail,
            item,
            community_name=lst.community.name,
            list_kind=lst.kind,
            list_title=lst.title,
            signed_on=lst.signed_on,
            overdue=is_overdue(item.status, item.deadline, day),
            answers_title=title_of(item.answers_item_id),
            uses_title=title_of(item.uses_item_id),
            claims=tuple(
                from_fields(
                    ClaimView,
                    c,
                    lead_org_name=c.lead_org.name,
                    participants=tuple(
                        ParticipantView(p.organization.name, p.responsible_person)
                        for p in c.participants
                    ),
                )
                for c in claims
            ),
            supervisions=tuple(supervisions(s, item_id)),
            list_id=lst.id,
            community_id=lst.community_id,
        )


def get_service_list(db: Database, list_id: int) -> ServiceListRow:
    for row in list_service_lists(db, list_id=list_id):
        return row
    raise list_gone()


def member_choices(db: Database, community_id: int) -> list[Choice]:
    """The community's current member organizations, in the community's order."""
    with db.read() as s:
        if not access.of(db, s).sees_community(s, community_id):
            return []
        return [Choice(r.id, r.name) for r in s.execute(current_members(community_id))]


def claimant_choices(db: Database, community_id: int | None = None) -> list[Choice]:
    """Organizations that lead or take part in a claim (of one community when given)."""
    leads = select(Claim.lead_org_id.label("org_id"), Claim.item_id)
    partners = select(ClaimOrganization.organization_id.label("org_id"), Claim.item_id).join(
        Claim, Claim.id == ClaimOrganization.claim_id
    )
    both = leads.union(partners).subquery()
    stmt = select(Organization.id, Organization.name).where(
        Organization.id.in_(select(both.c.org_id).distinct())
    )
    if community_id is not None:
        in_community = (
            select(both.c.org_id)
            .join(ListItem, ListItem.id == both.c.item_id)
            .join(ServiceList, ServiceList.id == ListItem.list_id)
            .where(ServiceList.community_id == community_id)
        )
        stmt = select(Organization.id, Organization.name).where(Organization.id.in_(in_community))
    stmt = stmt.order_by(Organization.name_sort, Organization.id)
    with db.read() as s:
        seen_items = (
            select(ListItem.id)
            .join(ServiceList, ServiceList.id == ListItem.list_id)
            .where(access.of(db, s).communities(ServiceList.community_id))
        )
        stmt = stmt.where(
            Organization.id.in_(select(both.c.org_id).where(both.c.item_id.in_(seen_items)))
        )
        return [Choice(r.id, r.name) for r in s.execute(stmt)]


def source_choices(db: Database, community_id: int, kind: ListKind) -> list[Choice]:
    """Items of the community's lists of ``kind`` (the demands or resources an item links to)."""
    stmt = (
        select(ListItem.id, ListItem.title, ServiceList.year)
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(ServiceList.community_id == community_id, ServiceList.kind == kind)
        .order_by(ServiceList.year.desc(), ServiceList.id, ListItem.seq, ListItem.id)
    )
    with db.read() as s:
        if not access.of(db, s).sees_community(s, community_id):
            return []
        return [Choice(r.id, with_note(r.title, r.year)) for r in s.execute(stmt)]
