"""流动党员: a member on the roll who works or lives away for a while — where, how to
reach them, and the organization that manages them meanwhile (of the district, or an
outside one by name). A stay ends when the member returns (or leaves the roll).

The member stays on their own organization's roll; the managing organization of the
district sees the stay beside its own members' (it answers for them while away).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MobileMember, Organization, PartyMember
from pbc_desktop.domain.member_changes import before_joining_error
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.domain.validation import future_date_error, normalise_phone, phone_error
from pbc_desktop.errors import ConflictError, NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.member_changes.leaving import REMARK_MAX, UNIT_MAX, check_on_roll
from pbc_desktop.services.members import check_unmasked, load_member, shown_phone

PLACE_MAX = 120


@dataclass(frozen=True)
class StayInput:
    left_on: date | None
    whereabouts: str | None
    contact_phone: str | None = None
    managing_organization_id: int | None = None
    managing_unit: str | None = None
    remark: str | None = None


@dataclass(frozen=True)
class StayRow:
    id: int
    member_id: int
    member_name: str
    organization_name: str  # the member's own
    left_on: date
    whereabouts: str  # ID numbers and phones written in it masked unless read unmasked
    contact_phone: str  # masked unless read unmasked
    manager: str  # the managing organization or unit ("" when none is known)
    returned_on: date | None


def stay_not_found() -> NotFoundError:
    return NotFoundError(
        t("找不到该流动党员登记，可能已被删除。", "The stay away was not found; it may be deleted.")
    )


def _open_stay(s: Session, member_id: int) -> MobileMember | None:
    stmt = select(MobileMember).where(
        MobileMember.member_id == member_id, MobileMember.returned_on.is_(None)
    )
    return s.scalars(stmt.limit(1)).first()


@dataclass(frozen=True)
class _StayFields:
    left_on: date
    whereabouts: str
    contact_phone: str | None
    managing_organization_id: int | None
    managing_unit: str | None
    remark: str | None


def _checked(
    s: Session,
    data: StayInput,
    member: PartyMember,
    *,
    returned_on: date | None = None,
    back_on: date | None = None,
    next_on: date | None = None,
) -> _StayFields:
    """``data`` as stored, or the refusal naming each field that is wrong. The member
    leaves after joining the Party, (``back_on``) after coming back from the last stay and
    (``next_on``) not after leaving again for the next one, so two stays never overlap."""
    err = FieldErrors()
    if data.left_on is None:
        err.add("left_on", "请填写外出日期", "Enter the date the member left")
    else:
        label = ("外出日期", "date of leaving")
        problem = future_date_error(data.left_on, label=label) or before_joining_error(
            data.left_on, member.joined_on, label
        )
        if problem is not None:
            err.add("left_on", problem, problem)
        elif back_on is not None and data.left_on < back_on:
            err.add(
                "left_on",
                f"外出日期不能早于上次外出的返回日期（{back_on.isoformat()}）",
                f"The member cannot leave before coming back from the last stay "
                f"({back_on.isoformat()})",
            )
        elif next_on is not None and data.left_on > next_on:
            err.add(
                "left_on",
                f"外出日期不能晚于下次外出的外出日期（{next_on.isoformat()}）",
                f"The member cannot leave after leaving for the next stay ({next_on.isoformat()})",
            )
        elif returned_on is not None and data.left_on > returned_on:
            err.add(
                "left_on",
                f"外出日期不能晚于返回日期（{returned_on.isoformat()}）",
                f"The member cannot leave after coming back ({returned_on.isoformat()})",
            )
    place = err.text(
        "whereabouts", data.whereabouts, ("外出地点", "whereabouts"), max_len=PLACE_MAX
    )
    if not place:
        err.add("whereabouts", "请填写外出地点", "Enter where the member is")
    phone = normalise_phone(data.contact_phone) if data.contact_phone else ""
    if phone and (problem := phone_error(phone)) is not None:
        err.add("contact_phone", problem, problem)
    unit = err.text("managing_unit", data.managing_unit, ("管理单位", "unit"), max_len=UNIT_MAX)
    managing = data.managing_organization_id
    if managing is not None and s.get(Organization, managing) is None:
        err.add(
            "managing_organization",
            "所选党组织不存在",
            "The chosen organization does not exist",
        )
    remark = err.text("remark", data.remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True)
    err.raise_any()
    assert data.left_on is not None
    return _StayFields(data.left_on, place, phone or None, managing, unit or None, remark or None)


def start_stay(db: Database, member_id: int, data: StayInput) -> int:
    """Register the member as a 流动党员 from ``data.left_on``; returns the stay's id."""
    with db.write() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc)
        acc.check_org_writable(member.organization_id)
        check_on_roll(s, member)
        if _open_stay(s, member_id) is not None:
            raise ConflictError(
                t(
                    f"党员{member.name}已登记为流动党员，请先登记返回。",
                    f"{member.name} is already registered as away; record the return first.",
                )
            )
        last_back = s.scalar(
            select(func.max(MobileMember.returned_on)).where(MobileMember.member_id == member.id)
        )
        fields = _checked(s, data, member, back_on=last_back)
        stay = MobileMember(member_id=member.id, **vars(fields))
        s.add(stay)
        audit.created(
            s,
            stay,
            t(
                f"登记流动党员 {member.name}（外出至{fields.whereabouts}）",
                f"Registered {member.name} as a mobile member (away at {fields.whereabouts})",
            ),
        )
        return stay.id


def _load_stay(s: Session, stay_id: int, acc: access.Access) -> MobileMember:
    stay = s.get(MobileMember, stay_id)
    if stay is None or not acc.sees_org(stay.member.organization_id):
        raise stay_not_found()
    return stay


def get_stay(db: Database, stay_id: int) -> tuple[StayInput, int]:
    """The stay as its editor loads it (the phone in full: the editor masks it until the
    clerk asks to correct it), and the version it was read at."""
    with db.read() as s:
        acc = access.of(db, s)
        stay = _load_stay(s, stay_id, acc)
        acc.check_org_writable(stay.member.organization_id)
        data = StayInput(
            stay.left_on,
            stay.whereabouts,
            stay.contact_phone,
            stay.managing_organization_id,
            stay.managing_unit,
            stay.remark,
        )
        return data, stay.version


def _neighbours(s: Session, stay: MobileMember) -> tuple[date | None, date | None]:
    """The return from the member's stays before ``stay`` (as stored) and the start of the
    next one: the bounds a corrected date of leaving keeps within."""
    others = [
        (other.left_on, other.id, other.returned_on)
        for other in s.scalars(
            select(MobileMember).where(
                MobileMember.member_id == stay.member_id, MobileMember.id != stay.id
            )
        )
    ]
    here = (stay.left_on, stay.id)
    before = [back for left, oid, back in others if (left, oid) < here and back is not None]
    after = [left for left, oid, _back in others if (left, oid) > here]
    return max(before, default=None), min(after, default=None)


def update_stay(db: Database, stay_id: int, data: StayInput, version: int | None) -> None:
    """Correct a stay away (where, since when, the phone, who manages the member); one
    that ended keeps its return date, which the new date of leaving may not pass, and the
    new date stays between the member's previous stay and the next."""
    with db.write() as s:
        acc = access.of(db, s)
        stay = _load_stay(s, stay_id, acc)
        acc.check_org_writable(stay.member.organization_id)
        versions.check(s, stay, version)
        back_on, next_on = _neighbours(s, stay)
        fields = _checked(
            s, data, stay.member, returned_on=stay.returned_on, back_on=back_on, next_on=next_on
        )
        before = audit.snapshot(stay)
        for key, value in vars(fields).items():
            setattr(stay, key, value)
        audit.updated(
            s,
            stay,
            t(
                f"修改流动党员 {stay.member.name} 的外出登记",
                f"Changed the stay away of {stay.member.name}",
            ),
            before,
        )


def end_stay(db: Database, stay_id: int, returned_on: date | None) -> None:
    """The member came back on ``returned_on``."""
    with db.write() as s:
        acc = access.of(db, s)
        stay = _load_stay(s, stay_id, acc)
        acc.check_org_writable(stay.member.organization_id)
        if stay.returned_on is not None:
            raise ConflictError(
                t(
                    f"该党员已于{stay.returned_on.isoformat()}返回。",
                    f"The member came back on {stay.returned_on.isoformat()}.",
                )
            )
        err = FieldErrors()
        if returned_on is None:
            err.add("returned_on", "请填写返回日期", "Enter the date of return")
        elif problem := future_date_error(returned_on, label=("返回日期", "date of return")):
            err.add("returned_on", problem, problem)
        elif returned_on < stay.left_on:
            err.add(
                "returned_on", "返回日期不能早于外出日期", "The return cannot be before leaving"
            )
        err.raise_any()
        before = audit.snapshot(stay)
        stay.returned_on = returned_on
        audit.updated(
            s,
            stay,
            t(f"流动党员 {stay.member.name} 返回", f"Mobile member {stay.member.name} returned"),
            before,
        )


def list_stays(
    db: Database,
    *,
    member_id: int | None = None,
    current: bool = True,
    unmasked: bool = False,
) -> list[StayRow]:
    """Stays away (open ones with ``current``) of the members the account sees, and those
    its organizations manage; newest first."""
    with db.read() as s:
        acc = access.of(db, s)
        check_unmasked(acc, unmasked)
        return stays_in(s, acc, member_id=member_id, current=current, unmasked=unmasked)


def stays_in(
    s: Session,
    acc: access.Access,
    *,
    member_id: int | None = None,
    current: bool = True,
    unmasked: bool = False,
) -> list[StayRow]:
    """:func:`list_stays` read in ``s`` (``unmasked`` checked by the caller)."""
    own = aliased(Organization)
    manager = aliased(Organization)
    stmt = (
        select(MobileMember, PartyMember.name, own.name, manager.name)
        .join(PartyMember, PartyMember.id == MobileMember.member_id)
        .join(own, own.id == PartyMember.organization_id)
        .outerjoin(manager, manager.id == MobileMember.managing_organization_id)
        .order_by(MobileMember.left_on.desc(), MobileMember.id.desc())
    )
    if current:
        stmt = stmt.where(MobileMember.returned_on.is_(None))
    if member_id is not None:
        stmt = stmt.where(MobileMember.member_id == member_id)
    stmt = stmt.where(
        or_(
            acc.orgs(PartyMember.organization_id),
            acc.orgs(MobileMember.managing_organization_id),
        )
    )
    return [
        StayRow(
            id=stay.id,
            member_id=stay.member_id,
            member_name=name,
            organization_name=org_name,
            left_on=stay.left_on,
            # where they are, as typed: a phone written there is masked with the
            # contact phone beside it (as a member's remark is)
            whereabouts=stay.whereabouts if unmasked else scrub_text(stay.whereabouts),
            contact_phone=shown_phone(stay.contact_phone, unmasked),
            manager=manager_name or stay.managing_unit or "",
            returned_on=stay.returned_on,
        )
        for stay, name, org_name, manager_name in s.execute(stmt)
    ]
