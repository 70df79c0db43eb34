"""Party members (党员): masked listing and a read-only detail with posts and service.

ID numbers and phones leave this module masked (``**************1234``, ``138****5678``)
unless the caller asks for them with ``unmasked=True`` (the user ticked "show"): the
listing is shown on screens in shared offices. Beside a masked ID number the birth date is
shown as its year only, so the hidden digits cannot be read back from it
(``domain/privacy.py`` is the one masking scheme).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    DevelopmentRecord,
    Organization,
    PartyMember,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import (
    Gender,
    MemberCategory,
    MembershipStatus,
    PostReportStatus,
)
from pbc_desktop.domain.member_changes import MemberRoll
from pbc_desktop.domain.privacy import mask_birth_date, mask_id_number, mask_phone, scrub_text
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.member_changes.roll import organization_at, roll_clause
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.post_reports.common import ReportFacts
from pbc_desktop.services.post_reports.service_log import ServiceInput
from pbc_desktop.services.scope import (
    AnySelect,
    enum_order,
    from_fields,
    like_digits,
    number_matches,
    origin_name,
    pinyin_match,
    report_hours,
    report_places,
    sorted_page,
    town_community_ids,
)


# -- DTOs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberQuery:
    text: str = ""
    organization_id: int | None = None
    town: str | None = None  # the town of the member's own organization
    category: MemberCategory | None = None
    reported: bool | None = None  # has (True) or has not (False) an active post report
    report_town: str | None = None  # reported to a community of this town (the dashboard's area)
    #: on the roll (the default), who left, or both; at ``as_of`` when given, else now
    roll: MemberRoll = MemberRoll.CURRENT
    #: the roll at this date: each member in the organization they belonged to then
    as_of: date | None = None


@dataclass(frozen=True)
class PersonRow:
    """A person of a Party organization as a listing shows them (a member, an applicant)."""

    id: int
    name: str
    gender: Gender | None
    organization_id: int
    organization_name: str
    town: str | None


@dataclass(frozen=True)
class MemberRow(PersonRow):
    category: MemberCategory
    status: MembershipStatus
    joined_on: date | None
    id_number: str = field(repr=False)  # masked unless listed with unmasked=True
    phone: str = field(repr=False)  # masked unless listed with unmasked=True
    reported: bool


@dataclass(frozen=True, kw_only=True)
class ServiceView(ServiceInput):
    """A service entry as the member's detail lists it, with the organization served."""

    organization_name: str


@dataclass(frozen=True)
class PersonDetail:
    """A person of a Party organization as a detail pane shows them (a member, an
    applicant); filled by :func:`shown_person` and the record's attributes."""

    id: int
    name: str
    gender: Gender | None
    # "1985-03-02"; only the year ("1985") unless read with unmasked=True
    birth_date: str = field(repr=False)
    ethnicity: str | None
    education: str | None
    work_unit: str | None
    id_number: str = field(repr=False)  # masked unless read with unmasked=True
    phone: str = field(repr=False)  # masked unless read with unmasked=True
    organization_name: str
    town: str | None
    remark: str | None  # ID numbers and phones in it masked unless unmasked=True


@dataclass(frozen=True)
class MemberDetail(PersonDetail):
    native_place: str | None
    category: MemberCategory
    status: MembershipStatus
    joined_on: date | None
    confirmed_on: date | None
    party_post: str | None
    reports: tuple[ReportFacts, ...]
    services: tuple[ServiceView, ...]  # newest first
    #: the office the record came from in a package (None: made here)
    origin: str | None = None

    @property
    def service_hours(self) -> float:
        return sum(s.hours for s in self.services)


# -- listing ---------------------------------------------------------------------------------
def _active_report(*where: ColumnElement[bool]) -> ColumnElement[bool]:
    return (
        exists()
        .where(
            PostReport.member_id == PartyMember.id,
            PostReport.status == PostReportStatus.ACTIVE,
            *where,
        )
        .correlate(PartyMember)
    )


def _organization_column(query: MemberQuery) -> Any:
    """The member's organization as the listing reads it: at ``as_of``, or now."""
    if query.as_of is not None:
        return organization_at(query.as_of)
    return PartyMember.organization_id


def _filtered(stmt: AnySelect, query: MemberQuery, acc: access.Access) -> AnySelect:
    org_column = _organization_column(query)
    stmt = stmt.join(Organization, Organization.id == org_column)
    stmt = stmt.where(acc.orgs(org_column))
    on_roll = roll_clause(query.roll, query.as_of)
    if on_roll is not None:
        stmt = stmt.where(on_roll)
    # NFKC: digits, X and spaces typed in the input method's full-width mode (１２３４).
    needle = unicodedata.normalize("NFKC", query.text).strip()
    if needle:
        matches: ColumnElement[bool] = PartyMember.name.icontains(needle, autoescape=True)
        by_pinyin = pinyin_match(PartyMember, needle)  # zw, zhangwei: 张伟
        if by_pinyin is not None:
            matches = matches | by_pinyin
        digits = like_digits(needle)
        if digits:
            matches = matches | number_matches(
                digits, PartyMember.id_number, PartyMember.phone, acc
            )
        stmt = stmt.where(matches)
    if query.organization_id is not None:
        stmt = stmt.where(org_column == query.organization_id)
    if query.town:
        stmt = stmt.where(Organization.town == query.town)
    if query.category is not None:
        stmt = stmt.where(PartyMember.category == query.category)
    if query.reported is not None:
        reported = _active_report()
        stmt = stmt.where(reported if query.reported else ~reported)
    if query.report_town:
        stmt = stmt.where(
            _active_report(PostReport.community_id.in_(town_community_ids(query.report_town)))
        )
    return stmt


#: names by pinyin (``domain/pinyin.py``), like every list of names
_SORT_KEYS: dict[str, Any] = {
    "name": PartyMember.name_sort,
    "organization": Organization.name_sort,
    "category": enum_order(PartyMember.category, MemberCategory),
    "joined_on": PartyMember.joined_on,
}


def count_members(db: Database, query: MemberQuery) -> int:
    with db.read() as s:
        acc = access.of(db, s)
        stmt = _filtered(select(func.count(PartyMember.id)).select_from(PartyMember), query, acc)
        return int(s.execute(stmt).scalar_one())


def check_unmasked(acc: access.Access, unmasked: bool) -> None:
    """Full ID numbers and phones only for an account allowed to see them."""
    if unmasked:
        acc.require(Permission.SEE_PERSONAL_DATA)


def shown_id_number(value: str | None, unmasked: bool) -> str:
    """The ID number as shown: masked unless ``unmasked``; ``""`` when there is none."""
    return (value or "") if unmasked else mask_id_number(value)


def shown_phone(value: str | None, unmasked: bool) -> str:
    """The phone as shown: masked unless ``unmasked``; ``""`` when there is none."""
    return (value or "") if unmasked else mask_phone(value)


def sees_contact_phones(acc: access.Access) -> bool:
    """An organization's contact phone (often its secretary's mobile) is personal data
    (``services/audit.py``, it goes up only in packages): in full for an account that may
    see full numbers or change what it lists (its own organizations, whose phones it
    corrects); masked for the inspector (查看), as members' phones and a community
    team's are."""
    return acc.actor.can(Permission.SEE_PERSONAL_DATA) or acc.actor.can(Permission.WRITE)


def shown_contact_phone(value: str | None, full: bool) -> str | None:
    return value if full else (mask_phone(value) or None)


def shown_birth_date(value: date | None, unmasked: bool) -> str:
    """The birth date as shown beside an ID number: ``1985-03-02``, or only ``1985`` while the
    ID number is masked (the date would give back the hidden digits); ``""`` when unknown."""
    if value is None:
        return ""
    return value.isoformat() if unmasked else mask_birth_date(value)


def shown_person(person: PartyMember | DevelopmentRecord, unmasked: bool) -> dict[str, Any]:
    """The :class:`PersonDetail` facts of ``person`` not read as they are stored: the
    birth date, ID number and phone masked and the remark scrubbed unless ``unmasked``,
    and its organization's name and town."""
    org = person.organization
    return {
        "birth_date": shown_birth_date(person.birth_date, unmasked),
        "id_number": shown_id_number(person.id_number, unmasked),
        "phone": shown_phone(person.phone, unmasked),
        "organization_name": org.name,
        "town": org.town,
        "remark": person.remark if unmasked else scrubbed(person.remark),
    }


#: What a member's office keeps of them (beside their person): read only by the offices
#: that see their organization now; a member who moved since out of the account's scope is
#: shown on a past roll without it.
KEPT_BY_THEIR_OFFICE = ("work_unit", "party_post", "phone", "remark")


def kept_elsewhere(acc: access.Access, organization_id: int) -> dict[str, Any]:
    """Blanks for :data:`KEPT_BY_THEIR_OFFICE` when the member's organization now is not one
    the account sees (a past roll lists them), else nothing."""
    if acc.sees_org(organization_id):
        return {}
    return {"work_unit": None, "party_post": None, "phone": "", "remark": None}


def kept_here(acc: access.Access, column: Any) -> Any:
    """SQL: ``column`` (of :data:`KEPT_BY_THEIR_OFFICE`), or NULL for a member whose
    organization now is not one the account sees."""
    return case((acc.orgs(PartyMember.organization_id), column)).label(column.key)


def scrubbed(text: str | None) -> str | None:
    """Free text (a remark) as shown while numbers are masked: ID numbers and phones in it
    masked too."""
    return scrub_text(text) if text else text


def list_members(
    db: Database, query: MemberQuery, page: PageRequest, *, unmasked: bool = False
) -> list[MemberRow]:
    """One page of members; ID numbers and phones masked unless ``unmasked``."""
    acc = access.of(db)
    check_unmasked(acc, unmasked)
    stmt = _filtered(
        select(
            PartyMember.id,
            PartyMember.name,
            PartyMember.gender,
            Organization.id.label("organization_id"),
            Organization.name.label("org_name"),
            Organization.town,
            PartyMember.category,
            PartyMember.status,
            PartyMember.joined_on,
            PartyMember.id_number,
            kept_here(acc, PartyMember.phone),  # a past roll: not a moved member's phone
            _active_report().label("reported"),
        ).select_from(PartyMember),
        query,
        acc,
    )
    stmt = sorted_page(
        stmt, page, _SORT_KEYS, PartyMember.name_sort, PartyMember.name, PartyMember.id
    )
    with db.read() as s:
        return [
            from_fields(
                MemberRow,
                r,
                organization_name=r.org_name,
                id_number=shown_id_number(r.id_number, unmasked),
                phone=shown_phone(r.phone, unmasked),
                reported=bool(r.reported),
            )
            for r in s.execute(stmt)
        ]


# -- detail ----------------------------------------------------------------------------------
def member_not_found() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该党员，可能已被删除。",
            "The party member was not found; it may have been deleted.",
        )
    )


def load_member(
    s: Session, member_id: int, acc: access.Access | None = None, *, as_of: date | None = None
) -> PartyMember:
    """The stored member; :func:`member_not_found` when it is gone or (with ``acc``) not of
    the account's organizations. ``as_of``: also one of theirs at that date (a past roll
    lists them: their detail is read there; a change still needs them to be own now)."""
    member = s.get(PartyMember, member_id)
    if member is None:
        raise member_not_found()
    if acc is None or acc.sees_org(member.organization_id):
        return member
    if as_of is None or not acc.sees_org(_organization_on(s, member_id, as_of)):
        raise member_not_found()
    return member


def _organization_on(s: Session, member_id: int, day: date) -> int | None:
    """The member's organization at ``day``, as a roll at that date reads it."""
    stmt = select(organization_at(day)).select_from(PartyMember).where(PartyMember.id == member_id)
    return s.scalar(stmt)


def _reports(s: Session, member_id: int) -> tuple[tuple[ReportFacts, ...], tuple[ServiceView, ...]]:
    report_stmt = (
        report_places(
            PostReport.id,
            PostReport.reported_on,
            PostReport.status,
            PostReport.ended_on,
            report_hours().label("hours"),
        )
        .where(PostReport.member_id == member_id)
        .order_by(PostReport.reported_on.desc(), PostReport.id.desc())
    )
    reports = tuple(
        from_fields(ReportFacts, r, organization_name=r.org_name, service_hours=float(r.hours or 0))
        for r in s.execute(report_stmt)
    )
    service_stmt = (
        select(ServiceLog.served_on, ServiceLog.hours, ServiceLog.content, Organization.name)
        .join(PostReport, PostReport.id == ServiceLog.report_id)
        .join(Organization, Organization.id == PostReport.organization_id)
        .where(PostReport.member_id == member_id)
        .order_by(ServiceLog.served_on.desc(), ServiceLog.id.desc())
    )
    services = tuple(
        ServiceView(served_on=d, hours=float(h), content=c, organization_name=o)
        for d, h, c, o in s.execute(service_stmt)
    )
    return reports, services


def get_member_detail(
    db: Database, member_id: int, *, unmasked: bool = False, as_of: date | None = None
) -> MemberDetail:
    """The member with posts and service; ID number and phone masked unless ``unmasked``;
    ``as_of``: also a member the account's organizations held at that date (a past roll).

    One who has moved since to an organization the account does not see is shown without
    what their office now keeps (work unit, party post, phone, remark, posts and service
    there): where they went (their organization now) is what the letter said."""
    with db.read() as s:
        return member_detail_in(s, access.of(db, s), member_id, unmasked=unmasked, as_of=as_of)


def member_detail_in(
    s: Session,
    acc: access.Access,
    member_id: int,
    *,
    unmasked: bool = False,
    as_of: date | None = None,
) -> MemberDetail:
    """:func:`get_member_detail` read in ``s`` (a read of several parts)."""
    check_unmasked(acc, unmasked)
    member = load_member(s, member_id, acc, as_of=as_of)
    shown = shown_person(member, unmasked)
    reports, services = _reports(s, member_id)
    if as_of is not None and (blanks := kept_elsewhere(acc, member.organization_id)):
        shown |= blanks
        reports, services = (), ()
    return from_fields(
        MemberDetail,
        member,
        **shown,
        reports=reports,
        services=services,
        origin=origin_name(s, member.origin_office),
    )
