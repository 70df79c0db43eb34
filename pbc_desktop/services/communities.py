"""Party-building communities (党建共同体): listing, editing, lifecycle, rotation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import (
    Activity,
    Assessment,
    Community,
    CommunityMember,
    CommunityRole,
    CommunityType,
    ConvenerTurn,
    FundEntry,
    LifecycleEvent,
    Organization,
    PostReport,
    ServiceList,
)
from pbc_desktop.domain import lifecycle, rotation
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    LifecycleAction,
    MemberRole,
)
from pbc_desktop.domain.privacy import mask_phone
from pbc_desktop.domain.validation import normalise_phone, phone_error, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, organizations, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.organizations import OrgChoice
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    containing,
    enum_order,
    from_fields,
    refusing_name_clash,
    sorted_page,
    town_community_ids,
)

MIN_MEMBERS = 2
NAME_MAX = 120
PERSON_MAX = 60
PERIOD_MAX = 60
THEME_MAX = 200


def _today() -> date:
    return date.today()


# -- DTOs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CommunityQuery:
    text: str = ""
    town: str | None = None
    cobuild_type: CoBuildType | None = None
    status: CommunityStatus | None = None


@dataclass(frozen=True)
class CommunityRow:
    id: int
    name: str
    theme: str | None
    status: CommunityStatus
    founded_on: date | None
    lead_org_name: str | None
    member_count: int
    types: tuple[CoBuildType, ...]


@dataclass(frozen=True)
class RoleInput:
    person_name: str
    role: LeadershipRole
    organization_id: int | None = None
    cross_appointment: bool = False
    phone: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class TurnInput:
    organization_id: int
    period_label: str
    period_start: date | None = None
    period_end: date | None = None


@dataclass(frozen=True)
class CommunityInput:
    name: str
    types: tuple[CoBuildType, ...]
    lead_org_id: int | None
    member_org_ids: tuple[int, ...]
    theme: str | None = None
    founded_on: date | None = None
    description: str | None = None
    roles: tuple[RoleInput, ...] = ()
    rotation: tuple[TurnInput, ...] = ()
    #: the version the editor read (``CommunityDetail.version``); None: not checked
    version: int | None = None


@dataclass(frozen=True)
class MemberView:
    organization_id: int
    name: str
    town: str | None
    role: MemberRole
    joined_on: date | None
    left_on: date | None

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True, kw_only=True)
class RoleView(RoleInput):
    """A stored seat, as entered, with its organization's name."""

    organization_name: str | None


@dataclass(frozen=True, kw_only=True)
class TurnView(TurnInput):
    """A stored turn of the rotation, as entered, with its organization's name."""

    organization_name: str


@dataclass(frozen=True)
class EventView:
    action: LifecycleAction
    status_after: CommunityStatus
    occurred_on: date
    operator: str
    remark: str | None


@dataclass(frozen=True)
class ConvenerProposal:
    organization_id: int
    organization_name: str
    period: rotation.Period


@dataclass(frozen=True)
class CommunityDetail:
    id: int
    uuid: str
    name: str
    theme: str | None
    description: str | None
    status: CommunityStatus
    founded_on: date | None
    types: tuple[CoBuildType, ...]
    lead_org_id: int | None
    lead_org_name: str | None
    members: tuple[MemberView, ...]
    roles: tuple[RoleView, ...]
    rotation: tuple[TurnView, ...]
    events: tuple[EventView, ...]
    version: int
    allowed_actions: tuple[LifecycleAction, ...] = field(default=())

    @property
    def active_members(self) -> tuple[MemberView, ...]:
        return tuple(m for m in self.members if m.active)

    @property
    def last_step_on(self) -> date | None:
        return self.events[-1].occurred_on if self.events else None


# -- reading --------------------------------------------------------------------------------
def organization_choices(
    db: Database, text: str | None = None, limit: int = 200
) -> list[OrgChoice]:
    """Organizations for the member pickers, filtered by name or town."""
    return organizations.choices(db, text, limit, whole_district=True)


_member_count = (
    select(func.count(CommunityMember.id))
    .where(CommunityMember.community_id == Community.id, CommunityMember.left_on.is_(None))
    .correlate(Community)
    .scalar_subquery()
)
_LeadOrg = aliased(Organization)


def _filtered(stmt: Select[Any], query: CommunityQuery, acc: access.Access) -> Select[Any]:
    stmt = stmt.outerjoin(_LeadOrg, _LeadOrg.id == Community.lead_org_id)
    stmt = stmt.where(acc.communities(Community.id))
    stmt = containing(
        stmt, query.text, Community.name, Community.theme, _LeadOrg.name, pinyin=Community
    )
    if query.status is not None:
        stmt = stmt.where(Community.status == query.status)
    if query.cobuild_type is not None:
        stmt = stmt.where(
            exists().where(
                CommunityType.community_id == Community.id,
                CommunityType.type == query.cobuild_type,
            )
        )
    if query.town:
        stmt = stmt.where(Community.id.in_(town_community_ids(query.town)))
    return stmt


_SORT_KEYS: dict[str, Any] = {
    "name": Community.name_sort,  # by pinyin (domain/pinyin.py)
    "status": enum_order(Community.status, CommunityStatus),
    "founded_on": Community.founded_on,
    "member_count": _member_count,
    "lead_org": _LeadOrg.name_sort,
}


def count_communities(db: Database, query: CommunityQuery) -> int:
    with db.read() as s:
        acc = access.of(db, s)
        stmt = _filtered(select(func.count(Community.id)).select_from(Community), query, acc)
        return int(s.execute(stmt).scalar_one())


def list_communities(db: Database, query: CommunityQuery, page: PageRequest) -> list[CommunityRow]:
    acc = access.of(db)
    stmt = _filtered(
        select(
            Community.id,
            Community.name,
            Community.theme,
            Community.status,
            Community.founded_on,
            _LeadOrg.name.label("lead_name"),
            _member_count.label("member_count"),
        ),
        query,
        acc,
    )
    stmt = sorted_page(stmt, page, _SORT_KEYS, Community.name_sort, Community.name, Community.id)
    with db.read() as s:
        rows = list(s.execute(stmt))
        ids = [r.id for r in rows]
        types: dict[int, list[CoBuildType]] = {i: [] for i in ids}
        if ids:
            type_stmt = (
                select(CommunityType.community_id, CommunityType.type)
                .where(CommunityType.community_id.in_(ids))
                .order_by(CommunityType.id)
            )
            for cid, kind in s.execute(type_stmt):
                types[cid].append(kind)
    order = list(CoBuildType)
    return [
        from_fields(
            CommunityRow,
            r,
            lead_org_name=r.lead_name,
            member_count=int(r.member_count or 0),
            types=tuple(sorted(types[r.id], key=order.index)),
        )
        for r in rows
    ]


def _gone() -> NotFoundError:
    return NotFoundError(
        t("该党建共同体已不存在（可能已被删除）", "The community no longer exists")
    )


def _load(s: Session, community_id: int, acc: access.Access) -> Community:
    """The community with everything it shows; missing (or out of scope): :func:`_gone`."""
    if not acc.sees_community(s, community_id):
        raise _gone()
    stmt = (
        select(Community)
        .where(Community.id == community_id)
        .options(
            selectinload(Community.types),
            selectinload(Community.members).selectinload(CommunityMember.organization),
            selectinload(Community.roles).selectinload(CommunityRole.organization),
            selectinload(Community.rotation).selectinload(ConvenerTurn.organization),
            selectinload(Community.events),
            selectinload(Community.lead_org),
        )
    )
    community = s.scalars(stmt).one_or_none()
    if community is None:
        raise _gone()
    return community


def _detail(c: Community, *, unmasked: bool = False) -> CommunityDetail:
    order = list(CoBuildType)
    return from_fields(
        CommunityDetail,
        c,
        types=tuple(sorted((ct.type for ct in c.types), key=order.index)),
        lead_org_name=c.lead_org.name if c.lead_org else None,
        members=tuple(
            from_fields(MemberView, m, name=m.organization.name, town=m.organization.town)
            for m in c.members
        ),
        roles=tuple(
            from_fields(
                RoleView,
                r,
                organization_name=r.organization.name if r.organization else None,
                phone=r.phone if unmasked else (mask_phone(r.phone) or None),
            )
            for r in c.roles
        ),
        rotation=tuple(
            from_fields(TurnView, tn, organization_name=tn.organization.name) for tn in c.rotation
        ),
        events=tuple(from_fields(EventView, e) for e in c.events),
        allowed_actions=tuple(lifecycle.allowed_actions(c.status)),
    )


def get_community(db: Database, community_id: int, *, for_editing: bool = False) -> CommunityDetail:
    """The community as its tab shows it: the team's phones masked (personal numbers,
    ``domain/privacy.py``), unless ``for_editing`` — the editor of an account that may
    change the community itself, which corrects them (refused for any other)."""
    with db.read() as s:
        acc = access.of(db, s)
        community = _load(s, community_id, acc)
        if for_editing:
            acc.check_community_record_writable(community.lead_org_id)
        return _detail(community, unmasked=for_editing)


def propose_convener(
    detail: CommunityDetail,
    length: rotation.PeriodLength | None = None,
    today: date | None = None,
) -> ConvenerProposal | None:
    """The next convener in turn and the period after the last one scheduled."""
    members = [rotation.RotationMember(m.organization_id, m.active) for m in detail.members]
    key = rotation.next_convener(members, [tn.organization_id for tn in detail.rotation])
    if key is None:
        return None
    last = detail.rotation[-1] if detail.rotation else None
    if length is None:
        length = rotation.guess_length(
            last.period_start if last else None, last.period_end if last else None
        )
    period = rotation.next_period(last.period_end if last else None, length, today or _today())
    name = next(m.name for m in detail.members if m.organization_id == key)
    return ConvenerProposal(key, name, period)


def propose_next_convener(
    db: Database, community_id: int, length: rotation.PeriodLength | None = None
) -> ConvenerProposal | None:
    return propose_convener(get_community(db, community_id), length)


# -- writing --------------------------------------------------------------------------------
def normalize_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def _name_key(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def _name_taken(s: Session, name: str, exclude_id: int | None) -> bool:
    """Another community has this name, ignoring case and spaces (portable SQL)."""
    squeezed = func.lower(func.replace(func.replace(Community.name, " ", ""), "\u3000", ""))
    stmt = select(Community.id).where(squeezed == _name_key(name))
    if exclude_id is not None:
        stmt = stmt.where(Community.id != exclude_id)
    return s.scalars(stmt.limit(1)).first() is not None


#: the lock a community's name is checked and stored under (on a server): the unique index
#: only refuses the very same text, not one differing in spaces or case
NAMES = ("community_names",)


def _name_clash(name: str) -> str:
    return t(f"已有名为「{name}」的共同体", f"A community named '{name}' already exists")


def _refusing_clash(data: CommunityInput) -> AbstractContextManager[None]:
    """Two clerks saving one name at the same moment (on a server): the second is told."""
    return refusing_name_clash(lambda: _name_clash(normalize_name(data.name)))


def _validate(s: Session, data: CommunityInput, community_id: int | None) -> None:
    lock_groups(s, [NAMES])  # two saving names that read the same at once: one is told
    errors = FieldErrors()
    err = errors.add

    name = normalize_name(data.name)
    if not name:
        err("name", "请填写共同体名称", "Enter the community's name")
    elif len(name) > NAME_MAX:
        err("name", f"名称不能超过{NAME_MAX}个字", f"The name is longer than {NAME_MAX} characters")
    elif _name_taken(s, name, community_id):
        errors.errors.append(FieldError("name", _name_clash(name)))
    if not data.types:
        err("types", "请至少选择一种共建类型", "Choose at least one co-building type")
    errors.not_future("founded_on", data.founded_on, ("成立日期", "founding date"), _today())

    members = list(dict.fromkeys(data.member_org_ids))
    known = set(s.scalars(select(Organization.id).where(Organization.id.in_(members))))
    if len(members) < MIN_MEMBERS:
        err("members", "至少需要两个成员党组织", "At least two member organizations are needed")
    elif known != set(members):
        err("members", "有成员党组织已不存在", "A member organization no longer exists")
    if data.lead_org_id is None:
        err("lead_org", "请选择牵头党组织", "Choose the lead organization")
    elif data.lead_org_id not in members:
        err(
            "lead_org",
            "牵头党组织必须是成员之一",
            "The lead organization must be one of the members",
        )

    errors.text("name", data.name, ("共同体名称", "community's name"))
    errors.text("theme", data.theme, ("主题", "theme"), max_len=THEME_MAX)
    errors.text("description", data.description, ("简介", "description"), multiline=True)
    role_orgs = {r.organization_id for r in data.roles} - {None}
    known_role_orgs = set(s.scalars(select(Organization.id).where(Organization.id.in_(role_orgs))))
    for row, role in enumerate(data.roles, start=1):
        errors.text(
            "roles",
            role.person_name,
            (f"班子第{row}行的姓名", f"name in team row {row}"),
            max_len=PERSON_MAX,
            missing=(f"班子第{row}行未填写姓名", f"Team row {row}: enter the person's name"),
        )
        phone = strip_or_none(role.phone)
        if phone is not None and phone_error(phone) is not None:
            err(
                "roles",
                f"班子第{row}行的电话号码格式不正确，应为手机号或固定电话",
                f"Team row {row}: the phone is not a mobile or landline number",
            )
        if role.organization_id is not None and role.organization_id not in known_role_orgs:
            err(
                "roles",
                f"班子第{row}行的所在党组织已不存在",
                f"Team row {row}: the organization no longer exists",
            )

    former: set[int] = set()
    if community_id is not None:
        former = set(
            s.scalars(
                select(CommunityMember.organization_id).where(
                    CommunityMember.community_id == community_id
                )
            )
        )
    for row, turn in enumerate(data.rotation, start=1):
        if turn.organization_id not in members and turn.organization_id not in former:
            err(
                "rotation",
                f"轮值第{row}行的党组织不是成员",
                f"Rotation row {row}: the organization is not a member",
            )
        errors.text(
            "rotation",
            turn.period_label,
            (f"轮值第{row}行的期次", f"period in rotation row {row}"),
            max_len=PERIOD_MAX,
            missing=(f"轮值第{row}行未填写期次", f"Rotation row {row}: enter the period"),
        )
        if turn.period_start and turn.period_end and turn.period_end < turn.period_start:
            err(
                "rotation",
                f"轮值第{row}行结束日期早于开始日期",
                f"Rotation row {row}: the end is before the start",
            )
    errors.raise_any()


def _facts(c: Community) -> dict[str, Any]:
    return audit.snapshot(
        c,
        types=sorted(ct.type.value for ct in c.types),
        members=[
            {
                "organization_id": m.organization_id,
                "role": m.role.value,
                "left_on": m.left_on.isoformat() if m.left_on else None,
            }
            for m in c.members
        ],
        roles=[
            {
                "person_name": r.person_name,
                "role": r.role.value,
                "organization_id": r.organization_id,
                "cross_appointment": r.cross_appointment,
            }
            for r in c.roles
        ],
        rotation=[
            {"organization_id": tn.organization_id, "period_label": tn.period_label}
            for tn in c.rotation
        ],
    )


def _apply(c: Community, data: CommunityInput, today: date) -> None:
    c.name = normalize_name(data.name)
    c.theme = strip_or_none(data.theme)
    c.description = strip_or_none(data.description)
    c.founded_on = data.founded_on
    c.lead_org_id = data.lead_org_id

    wanted_types = list(dict.fromkeys(data.types))
    c.types = [ct for ct in c.types if ct.type in wanted_types] + [
        CommunityType(type=kind) for kind in wanted_types if kind not in {ct.type for ct in c.types}
    ]

    members = list(dict.fromkeys(data.member_org_ids))
    existing = {m.organization_id: m for m in c.members}
    # the founding members joined when it was founded; one added later joins today
    joins = (c.founded_on or today) if not existing else today
    for org_id in members:
        member = existing.get(org_id)
        if member is None:
            member = CommunityMember(organization_id=org_id, joined_on=joins)
            c.members.append(member)
        member.left_on = None
        member.role = MemberRole.LEAD if org_id == data.lead_org_id else MemberRole.MEMBER
    # Organizations that left are kept (with the date) so the rotation can skip them, each
    # in its old place, so that the turn after it passes to its old successor.
    old_order = [m.organization_id for m in sorted(existing.values(), key=lambda m: m.seq)]
    order = list(members)
    for position, org_id in enumerate(old_order):
        if org_id in members:
            continue
        before = next((o for o in reversed(old_order[:position]) if o in order), None)
        order.insert(order.index(before) + 1 if before is not None else 0, org_id)
        gone = existing[org_id]
        gone.role = MemberRole.MEMBER
        if gone.left_on is None:
            gone.left_on = today
    by_org = {m.organization_id: m for m in c.members}
    for seq, org_id in enumerate(order):
        by_org[org_id].seq = seq

    c.roles = [
        CommunityRole(
            person_name=r.person_name.strip(),
            role=r.role,
            organization_id=r.organization_id,
            cross_appointment=r.cross_appointment,
            phone=normalise_phone(r.phone) or None,
            seq=seq,
        )
        for seq, r in enumerate(data.roles)
    ]
    c.rotation = [
        ConvenerTurn(
            organization_id=tn.organization_id,
            period_label=tn.period_label.strip(),
            period_start=tn.period_start,
            period_end=tn.period_end,
            seq=seq,
        )
        for seq, tn in enumerate(data.rotation)
    ]


def change_refusal(db: Database, community_id: int | None = None) -> str | None:
    """Why the acting account may not change the community ``community_id`` itself (its
    record, members, team, procedure; delete it), or with None make one; None when it may."""

    def check(s: Session, acc: access.Access) -> None:
        if community_id is None:
            acc.check_community_records()
            return
        if not acc.sees_community(s, community_id):
            raise _gone()
        lead_org_id = s.scalar(select(Community.lead_org_id).where(Community.id == community_id))
        acc.check_community_record_writable(lead_org_id)

    return access.refusal(db, check)


def create_community(db: Database, data: CommunityInput) -> int:
    """Create a community; its first lifecycle step (提交申请) is recorded with it."""
    today = _today()
    with _refusing_clash(data), db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        _validate(s, data, None)
        acc.check_community_record_writable(data.lead_org_id)
        community = Community(status=lifecycle.INITIAL_STATUS)
        _apply(community, data, today)
        community.events = [
            LifecycleEvent(
                action=lifecycle.INITIAL_ACTION,
                status_after=lifecycle.INITIAL_STATUS,
                occurred_on=data.founded_on or today,
                operator=db.actor,
            )
        ]
        s.add(community)
        s.flush()
        audit.created(
            s,
            community,
            t(f"新建党建共同体「{community.name}」", f"Created community {community.name}"),
            after=_facts(community),
        )
        return community.id


def update_community(db: Database, community_id: int, data: CommunityInput) -> None:
    today = _today()
    with _refusing_clash(data), db.write() as s:
        acc = access.of(db, s)
        community = _load(s, community_id, acc)
        acc.check_community_record_writable(community.lead_org_id)
        versions.check(s, community, data.version)
        _validate(s, data, community_id)
        acc.check_community_record_writable(data.lead_org_id)  # not handed to another town
        before = _facts(community)
        _apply(community, data, today)
        s.flush()
        audit.updated(
            s,
            community,
            t(f"修改党建共同体「{community.name}」", f"Updated community {community.name}"),
            before,
            after=_facts(community),
        )


def apply_lifecycle(
    db: Database,
    community_id: int,
    action: LifecycleAction,
    on: date,
    remark: str | None = None,
) -> CommunityStatus:
    """Record one dated step of the procedure and move the community to its new status."""
    with db.write() as s:
        return apply_lifecycle_in(db, s, community_id, action, on, remark=remark)


def apply_lifecycle_in(
    db: Database,
    s: Session,
    community_id: int,
    action: LifecycleAction,
    on: date,
    *,
    remark: str | None = None,
) -> CommunityStatus:
    """:func:`apply_lifecycle` within the caller's write session ``s`` (audited there), so
    that the step is undone with the rest of the caller's change if that is refused."""
    acc = access.of(db, s)
    community = _load(s, community_id, acc)
    acc.check_community_record_writable(community.lead_org_id)
    target = lifecycle.next_status(community.status, action)
    previous = max((e.occurred_on for e in community.events), default=None)
    lifecycle.check_step_date(on, previous, _today())
    errors = FieldErrors()
    errors.text("remark", remark, ("说明", "remark"), multiline=True)
    errors.raise_any()
    before = audit.snapshot(community)
    community.status = target
    community.events.append(
        LifecycleEvent(
            action=action,
            status_after=target,
            occurred_on=on,
            operator=db.actor,
            remark=strip_or_none(remark),
        )
    )
    audit.updated(
        s,
        community,
        t(
            f"党建共同体「{community.name}」{action.zh}",
            f"Community {community.name}: {action.en}",
        ),
        before,
        after=audit.snapshot(community, action=action, on=on, remark=strip_or_none(remark)),
    )
    return target


_DEPENDENTS: Sequence[tuple[Any, str, str]] = (
    (Activity, "活动", "activities"),
    (ServiceList, "清单", "service lists"),
    (FundEntry, "经费记录", "fund entries"),
    (Assessment, "考核", "assessments"),
    (PostReport, "党员报到记录", "post reports"),
)


def delete_community(db: Database, community_id: int) -> None:
    """Delete a community that nothing refers to; otherwise say what refers to it."""
    with db.write() as s:
        acc = access.of(db, s)
        community = _load(s, community_id, acc)
        acc.check_community_record_writable(community.lead_org_id)
        found_zh: list[str] = []
        found_en: list[str] = []
        for model, zh, en in _DEPENDENTS:
            n = s.scalar(select(func.count(model.id)).where(model.community_id == community_id))
            if n:
                found_zh.append(f"{zh}{n}条")
                found_en.append(f"{n} {en}")
        if found_zh:
            raise ConflictError(
                t(
                    f"「{community.name}」已有{'、'.join(found_zh)}，不能删除。"
                    "如不再运行，请办理「撤销」。",
                    f"'{community.name}' has {', '.join(found_en)} and cannot be deleted. "
                    "Revoke it instead if it no longer runs.",
                )
            )
        before = _facts(community)
        audit.deleted(
            s,
            community,
            t(f"删除党建共同体「{community.name}」", f"Deleted community {community.name}"),
            before=before,
        )
        s.delete(community)
