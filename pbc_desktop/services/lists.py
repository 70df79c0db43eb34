"""Demand, resource and project lists (清单), their items, claims and supervision (督办).

An item is shown as 逾期 (overdue) when its deadline has passed and it is not solved;
``today`` can be given so that tests and reports see a fixed day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Claim,
    ClaimOrganization,
    Community,
    CommunityMember,
    ListItem,
    Organization,
    ServiceList,
    Supervision,
)
from pbc_desktop.domain import items as items_rules
from pbc_desktop.domain.enums import (
    OVERDUE_LABEL,
    AuditAction,
    ClaimMode,
    ItemStatus,
    ListKind,
    Satisfaction,
)
from pbc_desktop.domain.items import ItemAction, allowed_actions, is_overdue
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.lang import language, t
from pbc_desktop.services import audit
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    AnySelect,
    Choice,
    enum_order,
    ordered,
    town_community_ids,
)


def overdue_clause(today: date) -> ColumnElement[bool]:
    """SQL test of 逾期: deadline before ``today`` and not solved."""
    return and_(
        ListItem.deadline.is_not(None),
        ListItem.deadline < today,
        ListItem.status != ItemStatus.SOLVED,
    )


def _status_text(status: ItemStatus, overdue: bool) -> str:
    return t(*OVERDUE_LABEL) if overdue else status.label(language())


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


class _ItemState:
    """``status_text`` and ``actions`` of an item DTO (a row or the detail)."""

    status: ItemStatus
    overdue: bool
    list_kind: ListKind

    @property
    def status_text(self) -> str:
        """The stored status, or 逾期 when past the deadline and not solved."""
        return _status_text(self.status, self.overdue)

    @property
    def actions(self) -> frozenset[ItemAction]:
        return allowed_actions(self.status, self.list_kind)


@dataclass(frozen=True)
class ItemRow(_ItemState):
    id: int
    community_id: int
    community_name: str
    list_id: int
    list_kind: ListKind
    list_title: str
    list_year: int
    signed_on: date | None
    title: str
    status: ItemStatus
    overdue: bool
    deadline: date | None
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
class SupervisionView:
    entry_date: date
    by_whom: str
    progress: str
    next_step: str | None


@dataclass(frozen=True)
class ItemDetail(_ItemState):
    id: int
    title: str
    description: str | None
    category: str | None
    community_name: str
    list_kind: ListKind
    list_title: str
    signed_on: date | None
    status: ItemStatus
    overdue: bool
    deadline: date | None
    expected_result: str | None
    solved_on: date | None
    result: str | None
    satisfaction: Satisfaction | None
    answers_title: str | None
    uses_title: str | None
    claims: tuple[ClaimView, ...]
    supervisions: tuple[SupervisionView, ...]
    list_id: int = 0
    community_id: int = 0
    answers_item_id: int | None = None
    uses_item_id: int | None = None


@dataclass(frozen=True)
class ServiceListRow:
    id: int
    community_id: int
    community_name: str
    kind: ListKind
    title: str
    year: int
    signed_on: date | None
    item_count: int
    solved_count: int


# -- listing ---------------------------------------------------------------------------------
def _claimed_by(org_id: int) -> ColumnElement[bool]:
    as_lead = exists().where(Claim.item_id == ListItem.id, Claim.lead_org_id == org_id)
    as_partner = exists().where(
        Claim.item_id == ListItem.id,
        ClaimOrganization.claim_id == Claim.id,
        ClaimOrganization.organization_id == org_id,
    )
    return or_(as_lead.correlate(ListItem), as_partner.correlate(ListItem))


def _filtered(stmt: AnySelect, query: ItemQuery, today: date) -> AnySelect:
    stmt = stmt.join(ServiceList, ServiceList.id == ListItem.list_id).join(
        Community, Community.id == ServiceList.community_id
    )
    needle = query.text.strip()
    if needle:
        stmt = stmt.where(
            ListItem.title.icontains(needle, autoescape=True)
            | ListItem.description.icontains(needle, autoescape=True)
            | ServiceList.title.icontains(needle, autoescape=True)
            | Community.name.icontains(needle, autoescape=True)
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
    "community": Community.name,
    "list_kind": enum_order(ServiceList.kind, ListKind),
    "signed_on": ServiceList.signed_on,
    "title": ListItem.title,
    "status": enum_order(ListItem.status, ItemStatus),
    "deadline": ListItem.deadline,
}


def _order(page: PageRequest) -> list[Any]:
    tail = [Community.name, ServiceList.id, ListItem.seq, ListItem.id]
    key = _SORT_KEYS.get(page.sort or "")
    if key is None:  # the newest lists first
        return [*ordered(ServiceList.signed_on, True), *tail]
    return [*ordered(key, page.descending), *tail]


def count_items(db: Database, query: ItemQuery, *, today: date | None = None) -> int:
    stmt = _filtered(
        select(func.count(ListItem.id)).select_from(ListItem), query, today or date.today()
    )
    with db.read() as s:
        return int(s.execute(stmt).scalar_one())


def _claimants(
    s: Session, item_ids: Sequence[int]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    leads: dict[int, list[str]] = defaultdict(list)
    partners: dict[int, list[str]] = defaultdict(list)
    if not item_ids:
        return leads, partners
    lead_stmt = (
        select(Claim.item_id, Organization.name)
        .join(Organization, Organization.id == Claim.lead_org_id)
        .where(Claim.item_id.in_(item_ids))
        .order_by(Claim.claimed_on, Claim.id)
    )
    for item_id, name in s.execute(lead_stmt):
        if name not in leads[item_id]:
            leads[item_id].append(name)
    partner_stmt = (
        select(Claim.item_id, Organization.name)
        .join(ClaimOrganization, ClaimOrganization.claim_id == Claim.id)
        .join(Organization, Organization.id == ClaimOrganization.organization_id)
        .where(Claim.item_id.in_(item_ids))
        .order_by(Claim.id, ClaimOrganization.id)
    )
    for item_id, name in s.execute(partner_stmt):
        if name not in leads[item_id] and name not in partners[item_id]:
            partners[item_id].append(name)
    return leads, partners


def _supervision_counts(s: Session, item_ids: Sequence[int]) -> dict[int, int]:
    if not item_ids:
        return {}
    stmt = (
        select(Supervision.item_id, func.count(Supervision.id))
        .where(Supervision.item_id.in_(item_ids))
        .group_by(Supervision.item_id)
    )
    return {item_id: int(n) for item_id, n in s.execute(stmt)}


def list_items(
    db: Database, query: ItemQuery, page: PageRequest, *, today: date | None = None
) -> list[ItemRow]:
    day = today or date.today()
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
    )
    stmt = stmt.order_by(*_order(page)).offset(page.offset).limit(page.limit)
    with db.read() as s:
        rows = list(s.execute(stmt))
        ids = [r.id for r in rows]
        leads, partners = _claimants(s, ids)
        supervised = _supervision_counts(s, ids)
    return [
        ItemRow(
            id=r.id,
            community_id=r.community_id,
            community_name=r.community_name,
            list_id=r.list_id,
            list_kind=r.kind,
            list_title=r.list_title,
            list_year=r.year,
            signed_on=r.signed_on,
            title=r.title,
            status=r.status,
            overdue=is_overdue(r.status, r.deadline, day),
            deadline=r.deadline,
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
            func.count(ListItem.id).label("items"),
            solved.label("solved"),
        )
        .join(Community, Community.id == ServiceList.community_id)
        .outerjoin(ListItem, ListItem.list_id == ServiceList.id)
        .group_by(ServiceList.id, Community.name)
        .order_by(*ordered(ServiceList.signed_on, True), Community.name, ServiceList.id)
    )
    if community_id is not None:
        stmt = stmt.where(ServiceList.community_id == community_id)
    if list_id is not None:
        stmt = stmt.where(ServiceList.id == list_id)
    with db.read() as s:
        return [
            ServiceListRow(
                id=r.id,
                community_id=r.community_id,
                community_name=r.community_name,
                kind=r.kind,
                title=r.title,
                year=r.year,
                signed_on=r.signed_on,
                item_count=int(r.items),
                solved_count=int(r.solved or 0),
            )
            for r in s.execute(stmt)
        ]


def list_years(db: Database) -> list[int]:
    """Years that have lists, newest first."""
    with db.read() as s:
        return list(
            s.scalars(select(ServiceList.year).distinct().order_by(ServiceList.year.desc()))
        )


# -- detail ----------------------------------------------------------------------------------
def get_item_detail(db: Database, item_id: int, *, today: date | None = None) -> ItemDetail:
    day = today or date.today()
    with db.read() as s:
        item = _load_item(s, item_id)
        linked = aliased(ListItem)

        def title_of(other_id: int | None) -> str | None:
            if other_id is None:
                return None
            return s.scalar(select(linked.title).where(linked.id == other_id))

        claims = s.scalars(
            select(Claim).where(Claim.item_id == item_id).order_by(Claim.claimed_on, Claim.id)
        ).all()
        lst = item.service_list
        return ItemDetail(
            id=item.id,
            title=item.title,
            description=item.description,
            category=item.category,
            community_name=lst.community.name,
            list_kind=lst.kind,
            list_title=lst.title,
            signed_on=lst.signed_on,
            status=item.status,
            overdue=is_overdue(item.status, item.deadline, day),
            deadline=item.deadline,
            expected_result=item.expected_result,
            solved_on=item.solved_on,
            result=item.result,
            satisfaction=item.satisfaction,
            answers_title=title_of(item.answers_item_id),
            uses_title=title_of(item.uses_item_id),
            claims=tuple(
                ClaimView(
                    mode=c.mode,
                    lead_org_name=c.lead_org.name,
                    claimed_on=c.claimed_on,
                    deadline=c.deadline,
                    responsible=c.responsible,
                    participants=tuple(
                        ParticipantView(p.organization.name, p.responsible_person)
                        for p in c.participants
                    ),
                )
                for c in claims
            ),
            supervisions=tuple(_supervisions(s, item_id)),
            list_id=lst.id,
            community_id=lst.community_id,
            answers_item_id=item.answers_item_id,
            uses_item_id=item.uses_item_id,
        )


# -- choices for the dialogs -----------------------------------------------------------------
def get_service_list(db: Database, list_id: int) -> ServiceListRow:
    for row in list_service_lists(db, list_id=list_id):
        return row
    raise _list_gone()


def _current_members(community_id: int) -> AnySelect:
    """Ids and names of the community's current member organizations, in its order."""
    return (
        select(Organization.id, Organization.name)
        .join(CommunityMember, CommunityMember.organization_id == Organization.id)
        .where(CommunityMember.community_id == community_id, CommunityMember.left_on.is_(None))
        .order_by(CommunityMember.seq, CommunityMember.id)
    )


def member_choices(db: Database, community_id: int) -> list[Choice]:
    """The community's current member organizations, in the community's order."""
    with db.read() as s:
        return [Choice(r.id, r.name) for r in s.execute(_current_members(community_id))]


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
    stmt = stmt.order_by(Organization.name, Organization.id)
    with db.read() as s:
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
        return [Choice(r.id, f"{r.title}({r.year})") for r in s.execute(stmt)]


# -- writing: lists --------------------------------------------------------------------------
TITLE_MAX = 200
TEXT_MAX = 2000


@dataclass(frozen=True)
class ListInput:
    community_id: int
    kind: ListKind
    title: str
    year: int
    signed_on: date | None = None
    remark: str | None = None


@dataclass(frozen=True)
class ItemInput:
    title: str
    description: str | None = None
    category: str | None = None
    answers_item_id: int | None = None  # the demand the item answers
    uses_item_id: int | None = None  # the resource it uses
    expected_result: str | None = None
    deadline: date | None = None


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


@dataclass(frozen=True)
class SupervisionInput:
    entry_date: date
    by_whom: str
    progress: str
    next_step: str | None = None


@dataclass(frozen=True)
class SolveInput:
    solved_on: date
    result: str
    satisfaction: Satisfaction | None


def _today() -> date:
    return date.today()


def _list_gone() -> NotFoundError:
    return NotFoundError(
        t("该清单已不存在(可能已被删除)。", "The list no longer exists; it may have been deleted.")
    )


def _item_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该清单事项,可能已被删除。",
            "The list item was not found; it may have been deleted.",
        )
    )


def _load_list(s: Session, list_id: int) -> ServiceList:
    lst = s.get(ServiceList, list_id)
    if lst is None:
        raise _list_gone()
    return lst


def _load_item(s: Session, item_id: int) -> ListItem:
    item = s.get(ListItem, item_id)
    if item is None:
        raise _item_gone()
    return item


def _check_text(
    err: FieldErrors, name: str, value: str | None, limit: int, words: tuple[str, str]
) -> None:
    """Not longer than ``limit``; no control characters or direction marks, and (unless
    it is a long text of ``TEXT_MAX``) on one line."""
    zh, en = words
    if value is not None and len(value.strip()) > limit:
        err.add(name, f"{zh}不能超过{limit}个字", f"{en} is longer than {limit} characters")
        return
    noun = en.removeprefix("The ").strip("'")
    err.text(name, value, (zh, noun), multiline=limit >= TEXT_MAX)


def _check_not_future(err: FieldErrors, name: str, value: date | None, zh: str, en: str) -> None:
    if value is not None and value > _today():
        err.add(name, f"{zh}不能晚于今天", f"{en} is in the future")


def _check_dated_after_claim(
    err: FieldErrors, item: ListItem, name: str, value: date, words: tuple[str, str]
) -> None:
    """A follow-up or solving date: not in the future, not before the item's first claim."""
    zh, en = words
    _check_not_future(err, name, value, zh, en)
    first_claim = min((c.claimed_on for c in item.claims), default=None)
    if first_claim is not None and value < first_claim:
        err.add(
            name,
            f"{zh}不能早于认领日期({first_claim.isoformat()})",
            f"{en} is before the claim ({first_claim.isoformat()})",
        )


def _validate_list(s: Session, data: ListInput) -> None:
    err = FieldErrors()
    if s.get(Community, data.community_id) is None:
        err.add("community", "请选择党建共同体", "Choose the community")
    title = (data.title or "").strip()
    if not title:
        err.add("title", "请填写清单名称", "Enter the list's title")
    _check_text(err, "title", title, TITLE_MAX, ("清单名称", "The title"))
    if not 2000 <= data.year <= 2100:
        err.add("year", "年度应在2000至2100之间", "The year must be between 2000 and 2100")
    _check_not_future(err, "signed_on", data.signed_on, "签订日期", "The signing date")
    err.raise_any()


def create_list(db: Database, data: ListInput) -> int:
    """A new 需求/资源/项目清单 of a community; ``signed_on`` may be set now or when signed."""
    with db.write() as s:
        _validate_list(s, data)
        lst = ServiceList(
            community_id=data.community_id,
            kind=data.kind,
            title=data.title.strip(),
            year=data.year,
            signed_on=data.signed_on,
            remark=strip_or_none(data.remark),
        )
        s.add(lst)
        s.flush()
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            lst,
            summary=t(f"新建清单「{lst.title}」", f"Created list {lst.title}"),
            after=audit.snapshot(lst),
        )
        return lst.id


def update_list(db: Database, list_id: int, data: ListInput) -> None:
    with db.write() as s:
        lst = _load_list(s, list_id)
        if data.community_id != lst.community_id:
            raise ValidationError.single(
                "community",
                t("清单不能移到其他共同体", "A list cannot move to another community"),
            )
        if data.kind != lst.kind and lst.items:
            raise ValidationError.single(
                "kind",
                t(
                    "清单已有事项,不能更改清单类型",
                    "The list has items; its kind cannot change",
                ),
            )
        _validate_list(s, data)
        before = audit.snapshot(lst)
        lst.kind = data.kind
        lst.title = data.title.strip()
        lst.year = data.year
        lst.signed_on = data.signed_on
        lst.remark = strip_or_none(data.remark)
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            lst,
            summary=t(f"修改清单「{lst.title}」", f"Updated list {lst.title}"),
            before=before,
            after=audit.snapshot(lst),
        )


def sign_list(db: Database, list_id: int, signed_on: date) -> None:
    """Record the day the community signed (签订) the list."""
    with db.write() as s:
        lst = _load_list(s, list_id)
        err = FieldErrors()
        _check_not_future(err, "signed_on", signed_on, "签订日期", "The signing date")
        err.raise_any()
        before = audit.snapshot(lst)
        lst.signed_on = signed_on
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            lst,
            summary=t(
                f"签订清单「{lst.title}」({signed_on.isoformat()})",
                f"Signed list {lst.title} on {signed_on.isoformat()}",
            ),
            before=before,
            after=audit.snapshot(lst),
        )


def delete_list(db: Database, list_id: int) -> None:
    """Delete a list and its items, unless an item was already claimed, followed up or solved."""
    with db.write() as s:
        lst = _load_list(s, list_id)
        busy = [it for it in lst.items if it.status != ItemStatus.OPEN or it.supervisions]
        if busy:
            raise ConflictError(
                t(
                    f"清单「{lst.title}」中有{len(busy)}个事项已在办理,不能删除。",
                    f"{len(busy)} items of the list {lst.title} are being handled; "
                    "it cannot be deleted.",
                )
            )
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            lst,
            summary=t(f"删除清单「{lst.title}」", f"Deleted list {lst.title}"),
            before=audit.snapshot(lst, items=[it.title for it in lst.items]),
        )
        s.delete(lst)


# -- writing: items --------------------------------------------------------------------------
def _validate_item(s: Session, lst: ServiceList, data: ItemInput, item_id: int | None) -> None:
    err = FieldErrors()
    if not (data.title or "").strip():
        err.add("title", "请填写事项名称", "Enter the item's title")
    _check_text(err, "title", data.title, TITLE_MAX, ("事项名称", "The title"))
    _check_text(err, "category", data.category, 60, ("类别", "The category"))
    _check_text(err, "description", data.description, TEXT_MAX, ("事项内容", "The description"))
    for name, linked_id, kind, zh, en in (
        ("answers_item", data.answers_item_id, ListKind.DEMAND, "对应需求", "The demand"),
        ("uses_item", data.uses_item_id, ListKind.RESOURCE, "使用资源", "The resource"),
    ):
        if linked_id is None:
            continue
        other = s.get(ListItem, linked_id)
        if other is None or linked_id == item_id:
            err.add(name, f"{zh}已不存在", f"{en} no longer exists")
        elif other.service_list.community_id != lst.community_id:
            err.add(
                name,
                f"{zh}必须是本共同体清单中的事项",
                f"{en} must be an item of this community's lists",
            )
        elif other.service_list.kind != kind:
            err.add(
                name,
                f"{zh}必须来自{kind.zh}",
                f"{en} must come from a {kind.en.lower()}",
            )
    err.raise_any()


def _apply_item(item: ListItem, data: ItemInput) -> None:
    item.title = data.title.strip()
    item.description = strip_or_none(data.description)
    item.category = strip_or_none(data.category)
    item.answers_item_id = data.answers_item_id
    item.uses_item_id = data.uses_item_id
    item.expected_result = strip_or_none(data.expected_result)
    item.deadline = data.deadline


def _item_facts(item: ListItem) -> dict[str, Any]:
    return audit.snapshot(item)


def add_item(db: Database, list_id: int, data: ItemInput) -> int:
    with db.write() as s:
        lst = _load_list(s, list_id)
        _validate_item(s, lst, data, None)
        seq = s.scalar(select(func.max(ListItem.seq)).where(ListItem.list_id == list_id))
        item = ListItem(list_id=list_id, seq=(seq or 0) + 1, status=ItemStatus.OPEN)
        _apply_item(item, data)
        s.add(item)
        s.flush()
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            item,
            summary=t(
                f"清单「{lst.title}」新增事项「{item.title}」",
                f"Added item {item.title} to list {lst.title}",
            ),
            after=_item_facts(item),
        )
        return item.id


def update_item(db: Database, item_id: int, data: ItemInput) -> None:
    with db.write() as s:
        item = _load_item(s, item_id)
        _validate_item(s, item.service_list, data, item_id)
        before = _item_facts(item)
        _apply_item(item, data)
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            item,
            summary=t(f"修改清单事项「{item.title}」", f"Updated item {item.title}"),
            before=before,
            after=_item_facts(item),
        )


def delete_item(db: Database, item_id: int) -> None:
    """Delete an item nobody has claimed or followed up yet."""
    with db.write() as s:
        item = _load_item(s, item_id)
        items_rules.check(item.status, item.service_list.kind, ItemAction.DELETE)
        if item.supervisions:
            raise ConflictError(
                t(
                    f"事项「{item.title}」已有督办记录,不能删除。",
                    f"The item {item.title} has follow-ups and cannot be deleted.",
                )
            )
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            item,
            summary=t(f"删除清单事项「{item.title}」", f"Deleted item {item.title}"),
            before=_item_facts(item),
        )
        s.delete(item)


# -- claims, follow-ups, solving -------------------------------------------------------------
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
            "单个认领只能有一个认领单位;多个单位请选「组团认领」",
            "A single claim has one organization; choose a group claim for several",
        )
    if data.mode == ClaimMode.GROUP:
        if len(orgs) + len(others) < 2:
            err.add(
                "participants",
                "组团认领至少需要两个党组织(牵头单位和参与单位)",
                "A group claim needs at least two organizations (the lead and a partner)",
            )
        outsiders = [o for o in others if o not in members]
        if outsiders:
            err.add(
                "participants",
                "参与单位必须是本共同体的成员党组织",
                "Every partner must be a member organization of this community",
            )
    _check_not_future(err, "claimed_on", data.claimed_on, "认领日期", "The claim date")
    if data.deadline is not None and data.deadline < data.claimed_on:
        err.add("deadline", "完成时限不能早于认领日期", "The deadline is before the claim date")
    _check_text(err, "responsible", data.responsible, 200, ("责任人", "The responsible person"))
    err.raise_any()
    return orgs + others


def claim_item(db: Database, item_id: int, data: ClaimInput) -> int:
    """单个认领 or 组团认领 of a project item by member organizations; 待认领 → 已认领."""
    with db.write() as s:
        item = _load_item(s, item_id)
        orgs = _validate_claim(s, item, data)
        before = _item_facts(item)
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
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            item,
            summary=t(
                f"事项「{item.title}」{data.mode.zh}",
                f"Item {item.title}: {data.mode.en.lower()}",
            ),
            before=before,
            after=_item_facts(item) | {"claim": _claim_facts(claim)},
        )
        return claim.id


def _set_status(
    db: Database, s: Session, item: ListItem, status: ItemStatus, words: tuple[str, str]
) -> None:
    zh, en = words
    before = _item_facts(item)
    item.status = status
    audit.record(
        s,
        db.actor,
        AuditAction.UPDATE,
        item,
        summary=t(f"事项「{item.title}」{zh}", f"Item {item.title}: {en}"),
        before=before,
        after=_item_facts(item),
    )


def start_item(db: Database, item_id: int) -> None:
    """已认领 → 推进中 without waiting for the first follow-up."""
    with db.write() as s:
        item = _load_item(s, item_id)
        target = items_rules.after_start(item.status, item.service_list.kind)
        _set_status(db, s, item, target, ("开始推进", "started"))


def add_supervision(db: Database, item_id: int, data: SupervisionInput) -> int:
    """A dated follow-up (督办); the first one moves a claimed item to 推进中."""
    with db.write() as s:
        item = _load_item(s, item_id)
        target = items_rules.after_supervision(item.status, item.service_list.kind)
        err = FieldErrors()
        if not data.by_whom.strip():
            err.add("by_whom", "请填写督办人或督办单位", "Enter who followed the item up")
        _check_text(err, "by_whom", data.by_whom, 60, ("督办人", "'By whom'"))
        if not data.progress.strip():
            err.add("progress", "请填写进展情况", "Describe the progress")
        _check_text(err, "progress", data.progress, TEXT_MAX, ("进展情况", "The progress"))
        _check_dated_after_claim(err, item, "entry_date", data.entry_date, ("督办日期", "The date"))
        err.raise_any()
        before = _item_facts(item)
        entry = Supervision(
            item_id=item.id,
            entry_date=data.entry_date,
            by_whom=data.by_whom.strip(),
            progress=data.progress.strip(),
            next_step=strip_or_none(data.next_step),
        )
        s.add(entry)
        item.status = target
        s.flush()
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            item,
            summary=t(f"督办事项「{item.title}」", f"Followed up item {item.title}"),
            before=before,
            after=_item_facts(item) | {"supervision": audit.snapshot(entry)},
        )
        return entry.id


def _supervisions(s: Session, item_id: int) -> list[SupervisionView]:
    """The follow-ups of an item by date (entries of one day in the order recorded)."""
    stmt = (
        select(Supervision)
        .where(Supervision.item_id == item_id)
        .order_by(Supervision.entry_date, Supervision.id)
    )
    return [
        SupervisionView(v.entry_date, v.by_whom, v.progress, v.next_step) for v in s.scalars(stmt)
    ]


def list_supervisions(db: Database, item_id: int) -> list[SupervisionView]:
    """The follow-ups of an item by date (entries of one day in the order recorded)."""
    with db.read() as s:
        return _supervisions(s, item_id)


def solve_item(db: Database, item_id: int, data: SolveInput) -> None:
    """办结: the result and the residents' satisfaction are required."""
    with db.write() as s:
        item = _load_item(s, item_id)
        target = items_rules.after_solve(item.status, item.service_list.kind)
        err = FieldErrors()
        if not data.result.strip():
            err.add("result", "请填写办理结果", "Describe the result")
        _check_text(err, "result", data.result, TEXT_MAX, ("办理结果", "The result"))
        if data.satisfaction is None:
            err.add("satisfaction", "请选择群众满意度", "Choose the residents' satisfaction")
        _check_dated_after_claim(
            err, item, "solved_on", data.solved_on, ("办结日期", "The date solved")
        )
        err.raise_any()
        before = _item_facts(item)
        item.status = target
        item.solved_on = data.solved_on
        item.result = data.result.strip()
        item.satisfaction = data.satisfaction
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            item,
            summary=t(f"事项「{item.title}」已解决", f"Item {item.title} solved"),
            before=before,
            after=_item_facts(item),
        )


def reopen_item(db: Database, item_id: int, reason: str) -> None:
    """已解决 → 推进中; the earlier result stays in the audit log with the reason."""
    with db.write() as s:
        item = _load_item(s, item_id)
        target = items_rules.after_reopen(item.status, item.service_list.kind)
        if not reason.strip():
            raise ValidationError.single(
                "reason", t("请填写重新打开的原因", "Give the reason for reopening")
            )
        before = _item_facts(item)
        item.status = target
        item.solved_on = None
        item.result = None
        item.satisfaction = None
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            item,
            summary=t(
                f"重新打开事项「{item.title}」:{reason.strip()}",
                f"Reopened item {item.title}: {reason.strip()}",
            ),
            before=before,
            after=_item_facts(item) | {"reason": reason.strip()},
        )


# -- a whole list, for printing and export ---------------------------------------------------
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
        return _status_text(self.status, self.overdue)


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
        lst = _load_list(s, list_id)
        community = lst.community
        item_rows = list(
            s.scalars(
                select(ListItem)
                .where(ListItem.list_id == list_id)
                .order_by(ListItem.seq, ListItem.id)
            )
        )
        ids = [it.id for it in item_rows]
        leads, partners = _claimants(s, ids)
        supervised = _supervision_counts(s, ids)
        claims: dict[int, Claim] = {}
        if ids:
            for claim in s.scalars(
                select(Claim).where(Claim.item_id.in_(ids)).order_by(Claim.claimed_on, Claim.id)
            ):
                claims.setdefault(claim.item_id, claim)
        members = s.execute(_current_members(community.id)).all()
        lead_id = community.lead_org_id
        names = [n for o, n in members if o == lead_id] + [n for o, n in members if o != lead_id]
        report_items = []
        for seq, it in enumerate(item_rows, start=1):
            first = claims.get(it.id)
            report_items.append(
                ReportItem(
                    seq=seq,
                    title=it.title,
                    category=it.category,
                    description=it.description,
                    expected_result=it.expected_result,
                    status=it.status,
                    overdue=is_overdue(it.status, it.deadline, day),
                    claim_mode=first.mode if first else None,
                    claimants=tuple(leads.get(it.id, [])) + tuple(partners.get(it.id, [])),
                    responsible=first.responsible if first else None,
                    deadline=it.deadline,
                    solved_on=it.solved_on,
                    result=it.result,
                    satisfaction=it.satisfaction,
                    supervision_count=supervised.get(it.id, 0),
                )
            )
        return ListReport(
            id=lst.id,
            title=lst.title,
            kind=lst.kind,
            year=lst.year,
            signed_on=lst.signed_on,
            community_name=community.name,
            members=tuple(names),
            items=tuple(report_items),
        )


def record_export(db: Database, list_id: int, file_name: str, kind: str) -> None:
    """Log that the list was exported (``kind``: "PDF" or "Excel") to ``file_name``."""
    with db.write() as s:
        lst = _load_list(s, list_id)
        audit.record(
            s,
            db.actor,
            AuditAction.EXPORT,
            lst,
            summary=t(
                f"导出清单「{lst.title}」为{kind}:{file_name}",
                f"Exported list {lst.title} to {kind}: {file_name}",
            ),
        )
