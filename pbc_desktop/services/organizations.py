"""Party organizations (党组织): listing, tree, detail, create, update and delete."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import (
    Activity,
    ActivityOrganization,
    Appraisal,
    Claim,
    ClaimOrganization,
    Committee,
    Community,
    CommunityMember,
    CommunityRole,
    ConvenerTurn,
    DevelopmentRecord,
    FeePayment,
    FundEntry,
    MemberChange,
    MemberTransfer,
    MobileMember,
    Office,
    Organization,
    PartyMember,
    PostReport,
    User,
    Venue,
)
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import MemberRole, OrgField, OrgKind, OrgLevel, UserRole
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.errors import (
    ConflictError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from pbc_desktop.lang import language, t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.member_changes.roll import on_roll_now
from pbc_desktop.services.members import sees_contact_phones, shown_contact_phone
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import (
    containing,
    enum_order,
    from_fields,
    name_taken,
    pinyin_match,
    refusing_name_clash,
    update_audited,
)

LEVELS_NEEDING_TOWN = frozenset({OrgLevel.TOWN, OrgLevel.VILLAGE})
NAME_MAX = 120
SHORT_NAME_MAX = 60
PERSON_MAX = 60
PHONE_MAX = 40
ADDRESS_MAX = 200


# -- DTOs -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgQuery:
    """Filters of the listing; ``None``/empty means "any"."""

    text: str = ""
    level: OrgLevel | None = None
    town: str | None = None
    kind: OrgKind | None = None
    field: OrgField | None = None
    parent_id: int | None = None


@dataclass(frozen=True)
class OrgRow:
    id: int
    name: str
    short_name: str | None
    kind: OrgKind
    field: OrgField
    level: OrgLevel
    town: str | None
    parent_id: int | None
    parent_name: str | None
    secretary: str | None
    contact_phone: str | None
    member_count: int


@dataclass(frozen=True)
class CommunityRef:
    id: int
    name: str
    role: MemberRole


@dataclass(frozen=True)
class OrgDetail(OrgRow):
    """The listing's row of an organization, with the rest of its record."""

    uuid: str
    contact_person: str | None
    address: str | None
    founded_on: date | None
    start_date: date | None
    end_date: date | None
    remark: str | None
    children_count: int
    communities: tuple[CommunityRef, ...]
    version: int


@dataclass(frozen=True)
class OrgInput:
    """What a form or an import submits. Text is normalised by the service."""

    name: str
    kind: OrgKind | None
    field: OrgField | None
    level: OrgLevel | None
    short_name: str | None = None
    town: str | None = None
    parent_id: int | None = None
    secretary: str | None = None
    contact_person: str | None = None
    contact_phone: str | None = None
    address: str | None = None
    founded_on: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    remark: str | None = None
    #: the version the editor read (``OrgDetail.version``); None: not checked
    version: int | None = None

    @classmethod
    def from_detail(cls, detail: OrgDetail) -> OrgInput:
        """The input that would store ``detail`` unchanged (a starting point for edits)."""
        return from_fields(cls, detail)


@dataclass(frozen=True)
class OrgChoice:
    """An entry of a picker (e.g. the parent combo box)."""

    id: int
    name: str
    level: OrgLevel
    town: str | None


@dataclass(frozen=True)
class TreeNode:
    """A node of the level/town tree: a level (``town`` None) or a town within a level."""

    label: str
    level: OrgLevel
    town: str | None
    count: int
    children: tuple[TreeNode, ...] = ()

    def query(self) -> OrgQuery:
        return OrgQuery(level=self.level, town=self.town)


# -- reading ----------------------------------------------------------------------------


def _member_counts() -> Any:
    """Members on the roll per organization, one grouped subquery (no per-row counting)."""
    return (
        select(
            PartyMember.organization_id.label("org_id"),
            func.count(PartyMember.id).label("n"),
        )
        .where(on_roll_now())
        .group_by(PartyMember.organization_id)
        .subquery("member_counts")
    )


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(query: OrgQuery, acc: access.Access) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [acc.orgs(Organization.id)]
    text = v.normalise_text(query.text)
    if text:
        pattern = _like(text)
        matches: list[ColumnElement[bool]] = [
            Organization.name.ilike(pattern, escape="\\"),
            Organization.short_name.ilike(pattern, escape="\\"),
            Organization.secretary.ilike(pattern, escape="\\"),
        ]
        if (by_pinyin := pinyin_match(Organization, text)) is not None:
            matches.append(by_pinyin)  # dxb: 大溪坝村党总支
        conds.append(or_(*matches))
    if query.level is not None:
        conds.append(Organization.level == query.level)
    if query.town:
        conds.append(Organization.town == query.town)
    if query.kind is not None:
        conds.append(Organization.kind == query.kind)
    if query.field is not None:
        conds.append(Organization.field == query.field)
    if query.parent_id is not None:
        conds.append(Organization.parent_id == query.parent_id)
    return conds


def _sort_columns(key: str | None, member_count: Any) -> list[Any]:
    columns: dict[str, list[Any]] = {
        "name": [Organization.name_sort],  # by pinyin (domain/pinyin.py)
        "kind": [enum_order(Organization.kind, OrgKind)],
        "field": [enum_order(Organization.field, OrgField)],
        "level": [enum_order(Organization.level, OrgLevel)],
        "town": [func.coalesce(Organization.town, "")],
        "member_count": [member_count],
        "secretary": [func.coalesce(Organization.secretary, "")],
    }
    return columns.get(key or "", []) or [
        enum_order(Organization.level, OrgLevel),
        func.coalesce(Organization.town, ""),
    ]


SORT_KEYS = ("name", "kind", "field", "level", "town", "member_count", "secretary")


def list_organizations(db: Database, query: OrgQuery, page: PageRequest) -> list[OrgRow]:
    acc = access.of(db)
    counts = _member_counts()
    parent = aliased(Organization)
    member_count = func.coalesce(counts.c.n, 0)
    stmt: Select[Any] = (
        select(Organization, parent.name, member_count)
        .outerjoin(parent, Organization.parent_id == parent.id)
        .outerjoin(counts, counts.c.org_id == Organization.id)
        .where(*_filters(query, acc))
    )
    order = _sort_columns(page.sort, member_count)
    if page.descending:
        order = [col.desc() for col in order]
    stmt = stmt.order_by(*order, Organization.name_sort, Organization.name, Organization.id)
    stmt = stmt.offset(page.offset).limit(page.limit)
    full = sees_contact_phones(acc)
    with db.read() as s:
        return [
            from_fields(
                OrgRow,
                org,
                parent_name=parent_name,
                member_count=int(n),
                contact_phone=shown_contact_phone(org.contact_phone, full),
            )
            for org, parent_name, n in s.execute(stmt)
        ]


def count_organizations(db: Database, query: OrgQuery) -> int:
    with db.read() as s:
        stmt = select(func.count(Organization.id)).where(*_filters(query, access.of(db, s)))
        return int(s.execute(stmt).scalar_one())


def tree(db: Database) -> list[TreeNode]:
    """One node per level (区, 镇街, 村社区) with its towns as children, each with a count."""
    with db.read() as s:
        stmt = (
            select(Organization.level, Organization.town, func.count(Organization.id))
            .where(access.of(db, s).orgs(Organization.id))
            .group_by(Organization.level, Organization.town)
        )
        rows = [(level, town, int(n)) for level, town, n in s.execute(stmt)]
    lang = language()
    nodes = []
    for level in OrgLevel:
        of_level = [(town, n) for lv, town, n in rows if lv == level]
        if not of_level:
            continue
        towns = sorted((town, n) for town, n in of_level if town)
        nodes.append(
            TreeNode(
                label=level.label(lang),
                level=level,
                town=None,
                count=sum(n for _town, n in of_level),
                children=tuple(TreeNode(town, level, town, n) for town, n in towns),
            )
        )
    return nodes


def home_town(db: Database) -> str | None:
    """The town (镇街) a new organization is proposed in: a town account's own, else this
    database's office's when it is a town's; None elsewhere. On a town office's new
    database it is the one town there is, before any organization names it."""
    town = db.user.town
    if town:
        return town
    stmt = select(Office.town).where(Office.local.is_(True), Office.level == OrgLevel.TOWN)
    with db.read() as s:
        return s.scalar(stmt) or None


def choices(
    db: Database,
    text: str | None = None,
    limit: int | None = None,
    *,
    whole_district: bool = False,
) -> list[OrgChoice]:
    """Organizations for pickers, ordered by name; ``text`` narrows by name, short name or
    town. The account's own ones, or with ``whole_district`` every one (the members of a
    community may come from other towns: names only)."""
    stmt = select(Organization.id, Organization.name, Organization.level, Organization.town)
    stmt = containing(
        stmt,
        text,
        Organization.name,
        Organization.short_name,
        Organization.town,
        pinyin=Organization,
    )
    stmt = stmt.order_by(Organization.name_sort, Organization.name, Organization.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        if not whole_district:
            stmt = stmt.where(access.of(db, s).orgs(Organization.id))
        return [OrgChoice(i, name, level, town) for i, name, level, town in s.execute(stmt)]


def _count(s: Session, stmt: Select[Any]) -> int:
    return int(s.execute(stmt).scalar_one())


def _detail(s: Session, org: Organization, *, full: bool) -> OrgDetail:
    parent_name = s.scalar(select(Organization.name).where(Organization.id == org.parent_id))
    children = _count(
        s, select(func.count(Organization.id)).where(Organization.parent_id == org.id)
    )
    members = _count(
        s,
        select(func.count(PartyMember.id)).where(
            PartyMember.organization_id == org.id, on_roll_now()
        ),
    )
    memberships = {
        cid: CommunityRef(cid, name, role)
        for cid, name, role in s.execute(
            select(Community.id, Community.name, CommunityMember.role)
            .join(CommunityMember, CommunityMember.community_id == Community.id)
            .where(CommunityMember.organization_id == org.id)
        )
    }
    for cid, name in s.execute(
        select(Community.id, Community.name).where(Community.lead_org_id == org.id)
    ):
        memberships[cid] = CommunityRef(cid, name, MemberRole.LEAD)
    communities = tuple(sorted(memberships.values(), key=lambda c: sort_key(c.name)))
    return from_fields(
        OrgDetail,
        org,
        contact_phone=shown_contact_phone(org.contact_phone, full),
        parent_name=parent_name,
        children_count=children,
        member_count=members,
        communities=communities,
    )


def _not_found(org_id: int) -> NotFoundError:
    return NotFoundError(
        t(
            f"找不到该党组织（编号 {org_id}），可能已被删除。",
            f"Organization {org_id} was not found; it may have been deleted.",
        )
    )


def _load_org(s: Session, org_id: int, acc: access.Access) -> Organization:
    """The organization ``org_id``, if the account sees it; otherwise :func:`_not_found`."""
    org = s.get(Organization, org_id)
    if org is None or not acc.sees_org(org.id):
        raise _not_found(org_id)
    return org


def get_organization(db: Database, org_id: int) -> OrgDetail:
    with db.read() as s:
        acc = access.of(db, s)
        org = _load_org(s, org_id, acc)
        return _detail(s, org, full=sees_contact_phones(acc))


def check_registry(acc: access.Access, town: str | None) -> None:
    """Adding or removing organizations: the district, or a town in its own town."""
    acc.require(Permission.WRITE)
    if acc.whole or (acc.actor.role is UserRole.TOWN and town == acc.actor.town):
        return
    if acc.actor.role is UserRole.TOWN:
        raise access.not_own()  # another town's
    raise PermissionDeniedError(
        t(
            "党组织的新增和删除由区委组织部或其所在镇（街道）办理，村（社区）账号不能。",
            "Organizations are added and removed by the district or by their own town, not "
            "by a village or community account.",
        )
    )


def change_refusal(db: Database, org_id: int | None = None, *, delete: bool = False) -> str | None:
    """Why the acting account may not change (``delete``: delete) the organization
    ``org_id``, or with None add one to the registry; None when it may."""

    def check(s: Session, acc: access.Access) -> None:
        if org_id is None:
            check_registry(acc, acc.actor.town)
            return
        org = _load_org(s, org_id, acc)
        if delete:
            check_registry(acc, org.town)
        else:
            acc.check_org_writable(org.id)

    return access.refusal(db, check)


# -- validation -------------------------------------------------------------------------


def _clean(data: OrgInput) -> dict[str, Any]:
    """The column values ``data`` would be stored as (text normalised, blanks as None)."""
    values: dict[str, Any] = {
        f.name: getattr(data, f.name) for f in fields(data) if f.name != "version"
    }
    for key in ("short_name", "town", "secretary", "contact_person", "address"):
        values[key] = v.optional_text(values[key])
    values["name"] = v.normalise_text(data.name)
    values["contact_phone"] = v.normalise_phone(data.contact_phone) or None
    values["remark"] = v.strip_or_none(data.remark)
    return values


def _too_long(value: str | None, limit: int) -> bool:
    return value is not None and len(value) > limit


def _check_lengths(values: dict[str, Any], errors: list[FieldError]) -> None:
    limits = {
        "short_name": (SHORT_NAME_MAX, "简称", "short name"),
        "town": (PERSON_MAX, "镇街", "town"),
        "secretary": (PERSON_MAX, "书记", "secretary"),
        "contact_person": (PERSON_MAX, "联系人", "contact person"),
        "contact_phone": (PHONE_MAX, "联系电话", "phone"),
        "address": (ADDRESS_MAX, "地址", "address"),
    }
    for key, (limit, zh, en) in limits.items():
        if _too_long(values[key], limit):
            errors.append(
                FieldError(
                    key,
                    t(
                        f"{zh}不能超过 {limit} 个字",
                        f"The {en} may have at most {limit} characters",
                    ),
                )
            )
    # Control characters and direction marks (names and places, as typed or pasted).
    for key, zh, en in (
        ("name", "党组织名称", "organization's name"),
        *((key, zh, en) for key, (_limit, zh, en) in limits.items()),
    ):
        problem = v.text_error(values[key], (zh, en))
        if problem is not None:
            errors.append(FieldError(key, problem))


def _check_name(s: Session, name: str, own_id: int | None, errors: list[FieldError]) -> None:
    if not name:
        errors.append(FieldError("name", t("请填写党组织名称", "Enter the organization's name")))
        return
    if len(name) > NAME_MAX:
        errors.append(
            FieldError(
                "name",
                t(
                    f"名称不能超过 {NAME_MAX} 个字",
                    f"The name may have at most {NAME_MAX} characters",
                ),
            )
        )
        return
    taken = name_taken(s, Organization.id, Organization.name, name, own_id)
    if taken is not None:
        errors.append(FieldError("name", _duplicate_message(taken)))


def _check_parent(
    s: Session,
    parent_id: int | None,
    own_id: int | None,
    errors: list[FieldError],
    may_choose: Callable[[int], bool] = lambda _parent: True,
) -> None:
    """The parent exists, is not the organization itself nor below it, and ``may_choose``
    it (an own organization of the account: another reads as one that does not exist, else
    a town could hang its organizations under another town's, into that office's scope)."""
    if parent_id is None:
        return
    if parent_id == own_id:
        errors.append(
            FieldError(
                "parent_id",
                t("上级党组织不能是它自己", "An organization cannot be its own parent"),
            )
        )
        return
    if s.get(Organization, parent_id) is None or not may_choose(parent_id):
        errors.append(
            FieldError(
                "parent_id",
                t("所选上级党组织不存在", "The chosen parent organization does not exist"),
            )
        )
        return
    if own_id is None:
        return
    # Walk up from the new parent; meeting ourselves means the parent is a descendant.
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None and current not in seen:
        if current == own_id:
            errors.append(
                FieldError(
                    "parent_id",
                    t(
                        "上级党组织不能是它的下级党组织（会形成循环）",
                        "The parent cannot be one of its own sub-organizations (a cycle)",
                    ),
                )
            )
            return
        seen.add(current)
        current = s.scalar(select(Organization.parent_id).where(Organization.id == current))


def _check_dates(values: dict[str, Any], errors: list[FieldError]) -> None:
    founded = v.future_date_error(values["founded_on"], label=("成立日期", "founding date"))
    if founded:
        errors.append(FieldError("founded_on", founded))
    start, end = values["start_date"], values["end_date"]
    if values["kind"] == OrgKind.TEMPORARY_BRANCH:
        if start is None:
            errors.append(
                FieldError(
                    "start_date",
                    t("临时党支部须填写开始日期", "A temporary branch needs a start date"),
                )
            )
        if end is None:
            errors.append(
                FieldError(
                    "end_date",
                    t("临时党支部须填写结束日期", "A temporary branch needs an end date"),
                )
            )
    order = v.date_order_error(start, end)
    if order:
        errors.append(FieldError("end_date", order))


#: the lock an organization's name is checked and stored under (on a server): the unique
#: index only refuses the very same text, not one differing in spaces or width
NAMES = ("organization_names",)


def _validate(
    s: Session, data: OrgInput, acc: access.Access, stored: Organization | None = None
) -> dict[str, Any]:
    """The column values of ``data``, every refused field at once (``stored``: the
    organization changed, whose parent is kept even when the account does not own it)."""
    values = _clean(data)
    own_id = stored.id if stored is not None else None
    errors: list[FieldError] = []
    lock_groups(s, [NAMES])  # two saving names that read the same at once: one is told
    _check_name(s, values["name"], own_id, errors)
    errors.extend(input_errors(values))
    kept = stored.parent_id if stored is not None else None
    _check_parent(
        s,
        values["parent_id"],
        own_id,
        errors,
        lambda parent: parent == kept or acc.sees_org(parent),
    )
    if errors:
        raise ValidationError(errors)
    return values


def clean_input(data: OrgInput) -> dict[str, Any]:
    """The column values ``data`` would be stored as (text normalised, blanks as None)."""
    return _clean(data)


def input_errors(values: dict[str, Any]) -> list[FieldError]:
    """The editor's rules that need no database, on values from :func:`clean_input`: all
    but the name's presence, length and uniqueness and the parent."""
    errors: list[FieldError] = []
    required = (
        ("kind", t("请选择党组织类别", "Choose the kind of organization")),
        ("field", t("请选择所属领域", "Choose the field")),
        ("level", t("请选择层级", "Choose the level")),
    )
    errors.extend(FieldError(key, message) for key, message in required if values[key] is None)
    if values["level"] in LEVELS_NEEDING_TOWN and not values["town"]:
        errors.append(
            FieldError(
                "town",
                t(
                    "镇街和村社区层级的党组织须填写所属镇街",
                    "Town- and village-level organizations need a town",
                ),
            )
        )
    _check_lengths(values, errors)
    if values["contact_phone"]:
        phone = v.phone_error(values["contact_phone"])
        if phone:
            errors.append(FieldError("contact_phone", phone))
    _check_dates(values, errors)
    return errors


def _town_kept_by_town() -> PermissionDeniedError:
    return PermissionDeniedError(
        t(
            "党组织所属的镇街由镇（街道）或区委组织部调整，村（社区）账号不能修改。",
            "An organization's town is changed by the town or the district; a village or "
            "community account may not change it.",
        )
    )


def _duplicate_message(name: str) -> str:
    return t(
        f"已有名为“{name}”的党组织，名称不能重复",
        f"An organization named “{name}” already exists",
    )


def _refusing_clash(data: OrgInput) -> AbstractContextManager[None]:
    return refusing_name_clash(_duplicate_message(v.normalise_text(data.name)))


# -- writing ----------------------------------------------------------------------------


def create_organization(db: Database, data: OrgInput) -> int:
    """Validate and store a new organization; returns its id."""
    with _refusing_clash(data), db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        if town := _clean(data).get("town"):
            check_registry(acc, town)  # another town's is refused as such, before its fields
        values = _validate(s, data, acc)
        check_registry(acc, values.get("town"))
        org = Organization(**values)
        s.add(org)
        audit.created(s, org, t(f"新增党组织 {org.name}", f"Created organization {org.name}"))
        return org.id


def update_organization(db: Database, org_id: int, data: OrgInput) -> None:
    with _refusing_clash(data), db.write() as s:
        acc = access.of(db, s)
        org = _load_org(s, org_id, acc)
        acc.check_org_writable(org.id)
        versions.check(s, org, data.version)
        values = _validate(s, data, acc, org)
        if acc.actor.town is not None and values.get("town") != acc.actor.town:
            raise access.not_own()  # a town keeps its organizations in its town
        if not acc.whole and acc.actor.town is None and values.get("town") != org.town:
            raise _town_kept_by_town()
        update_audited(
            s,
            org,
            values,
            lambda: t(f"修改党组织 {org.name}", f"Updated organization {org.name}"),
        )


def _led_or_linked(
    s: Session, org_id: int, id_col: Any, lead_col: Any, *links: tuple[Any, Any]
) -> int:
    """How many rows (``id_col``) the organization leads (``lead_col``) or is linked to.

    Each link is a (row id, organization id) column pair of a link table.
    """
    linked = [id_col.in_(select(row).where(org == org_id)) for row, org in links]
    return _count(s, select(func.count(id_col)).where(or_(lead_col == org_id, *linked)))


# Other records naming an organization, each (model, its organization columns, a sentence
# in Chinese and in English with {n}): the database refuses to delete an organization they
# name (an internal error), or would drop the name from them (a venue's owner, an account).
_RECORDS: tuple[tuple[Any, tuple[str, ...], str, str], ...] = (
    (Committee, ("organization_id",), "有 {n} 届班子（换届）记录", "{n} committee terms"),
    (Appraisal, ("organization_id",), "有 {n} 次民主评议", "{n} member appraisals"),
    (FeePayment, ("organization_id",), "有 {n} 条党费交纳记录", "{n} Party fee payments"),
    (FundEntry, ("fee_org_id",), "有 {n} 条党费补助经费记录", "{n} fund entries of its fees"),
    (DevelopmentRecord, ("organization_id",), "有 {n} 名发展对象记录", "{n} development records"),
    (
        MemberChange,
        ("organization_id", "other_organization_id"),
        "有 {n} 条党员增减记录",
        "{n} membership changes",
    ),
    (
        MemberTransfer,
        ("from_organization_id", "to_organization_id"),
        "有 {n} 封组织关系介绍信",
        "{n} letters of transfer",
    ),
    (MobileMember, ("managing_organization_id",), "管理 {n} 名流动党员", "{n} mobile members"),
    (Venue, ("owner_org_id",), "是 {n} 处阵地的所属单位", "it owns {n} venues"),
    (User, ("organization_id",), "有 {n} 个账号属于它", "{n} accounts belong to it"),
)


def _records_of(s: Session, org_id: int) -> list[tuple[int, str, str]]:
    """How many of each of :data:`_RECORDS` name the organization, with the sentences."""
    found = []
    for model, columns, zh, en in _RECORDS:
        named = or_(*(getattr(model, c) == org_id for c in columns))
        found.append((_count(s, select(func.count(model.id)).where(named)), zh, en))
    return found


def _usage(s: Session, org_id: int) -> list[str]:
    """Sentences naming what still refers to the organization (empty: free to delete)."""

    def n(stmt: Select[Any]) -> int:
        return _count(s, stmt)

    # (how many, the sentence in Chinese and in English with {n} for the number)
    uses: list[tuple[int, str, str]] = [
        (
            n(select(func.count()).where(PartyMember.organization_id == org_id)),
            "该党组织下还有 {n} 名党员",
            "it still has {n} members",
        ),
        (
            n(select(func.count()).where(Organization.parent_id == org_id)),
            "还有 {n} 个下级党组织",
            "it has {n} sub-organizations",
        ),
        (
            _led_or_linked(
                s,
                org_id,
                Community.id,
                Community.lead_org_id,
                (CommunityMember.community_id, CommunityMember.organization_id),
                (CommunityRole.community_id, CommunityRole.organization_id),
                (ConvenerTurn.community_id, ConvenerTurn.organization_id),
            ),
            "它是 {n} 个党建共同体的牵头或成员单位",
            "it leads or belongs to {n} Party-building communities",
        ),
        (
            n(select(func.count()).where(PostReport.organization_id == org_id)),
            "有 {n} 条党员报到记录",
            "{n} member post reports refer to it",
        ),
        (
            _led_or_linked(
                s,
                org_id,
                Activity.id,
                Activity.host_org_id,
                (ActivityOrganization.activity_id, ActivityOrganization.organization_id),
            ),
            "参与或主办了 {n} 次活动",
            "it hosted or joined {n} activities",
        ),
        (
            _led_or_linked(
                s,
                org_id,
                Claim.id,
                Claim.lead_org_id,
                (ClaimOrganization.claim_id, ClaimOrganization.organization_id),
            ),
            "认领了 {n} 个项目",
            "it claimed {n} projects",
        ),
        *_records_of(s, org_id),
    ]
    return [t(zh.format(n=count), en.format(n=count)) for count, zh, en in uses if count]


def delete_organization(db: Database, org_id: int) -> None:
    """Delete an organization nothing refers to; otherwise ConflictError names what does."""
    with db.write() as s:
        acc = access.of(db, s)
        org = _load_org(s, org_id, acc)
        check_registry(acc, org.town)
        reasons = _usage(s, org_id)
        if reasons:
            sep = t("；", "; ")
            raise ConflictError(
                t(
                    f"不能删除“{org.name}”：{sep.join(reasons)}。请先处理这些记录。",
                    f"“{org.name}” cannot be deleted: {sep.join(reasons)}. "
                    "Deal with those records first.",
                )
            )
        before = audit.snapshot(org)
        audit.deleted(
            s, org, t(f"删除党组织 {org.name}", f"Deleted organization {org.name}"), before=before
        )
        s.delete(org)
