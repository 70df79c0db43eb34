"""组织关系转接: letters of transfer (介绍信), their receipt, and members transferred in.

A village account issues a letter for a member of its own (to an organization of the
district, or to an outside unit by name); the member stays on its roll, marked by the
pending letter, until the receipt: the receiving organization of the district confirms it
in the program (the member moves there: 转出 dated the day of issue at the sender, 转入 the
day received at the receiver), or for an outside unit the sender records the returned 回执
(转出). A pending letter may be withdrawn by its sender. A member coming from outside the
district is added with a 转入 change (one who left the district by 转出 before comes back
on their own record, when the name and dates typed are theirs: another name on their ID
number is refused, naming whose record it is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import MemberTransfer, Organization, PartyMember
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.development import MIN_AGE, age_on
from pbc_desktop.domain.enums import MemberCategory, MembershipStatus
from pbc_desktop.domain.member_changes import (
    ON_ROLL_STATUSES,
    MemberChangeKind,
    TransferState,
    before_joining_error,
    letter_valid_until,
)
from pbc_desktop.domain.member_rules import MemberInput, completed, member_errors
from pbc_desktop.domain.validation import future_date_error, name_key
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, member_editing
from pbc_desktop.services.fees.arrears import paid_through
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.member_changes.leaving import (
    REMARK_MAX,
    UNIT_MAX,
    check_change_date,
    end_presence,
    leaving_member,
    leaving_refusal,
)
from pbc_desktop.services.member_changes.recording import record_change, record_transfer_within
from pbc_desktop.services.member_changes.roll import ended_refusal
from pbc_desktop.services.members import (
    check_unmasked,
    sees_contact_phones,
    shown_contact_phone,
    shown_id_number,
    shown_phone,
)

NUMBER_MAX = 40


@dataclass(frozen=True)
class TransferInput:
    to_organization_id: int | None = None  # an organization of the district …
    to_unit: str | None = None  # … or an outside unit
    letter_number: str | None = None  # blank: the next number of the year
    issued_on: date | None = None
    valid_days: int = 30
    reason: str | None = None
    remark: str | None = None
    version: int | None = None  # the member's, as read by the dialog


@dataclass(frozen=True)
class TransferRow:
    id: int
    member_id: int
    member_name: str
    from_organization_id: int
    from_organization: str
    to_organization_id: int | None
    destination: str  # the organization's name or the outside unit
    letter_number: str
    issued_on: date
    valid_days: int
    reason: str | None
    state: TransferState
    received_on: date | None
    #: the account may confirm the receipt (the receiving side, or the sender for an
    #: outside unit) / withdraw it (the sender), while pending
    can_receive: bool
    can_withdraw: bool
    #: why a pending letter cannot be received (its member left the roll since it was
    #: issued: the sender withdraws it); None otherwise
    receive_refused: str | None = None


@dataclass(frozen=True)
class TransferQuery:
    state: TransferState | None = TransferState.PENDING
    member_id: int | None = None


def transfer_not_found() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该组织关系介绍信，可能已被删除。",
            "The letter of transfer was not found; it may have been deleted.",
        )
    )


# -- issuing ---------------------------------------------------------------------------------
def next_letter_number(s: Session, year: int) -> str:
    """``2026-007``: one more than the highest number of the year's letters. On a server
    the year's numbering is locked until the transaction ends: two letters issued at once
    get two numbers."""
    lock_groups(s, [("letter_number", year)])
    prefix = f"{year}-"
    numbers = s.scalars(
        select(MemberTransfer.letter_number).where(MemberTransfer.letter_number.startswith(prefix))
    )
    highest = 0
    for number in numbers:
        match = re.fullmatch(rf"{year}-(\d+)", number)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:03d}"


def issue_refusal(db: Database, member_id: int) -> str | None:
    """Why the account may not issue a letter for the member (None: it may): the rule of
    any leaving, an organization it may write and a member on the roll, no letter pending."""
    return leaving_refusal(db, member_id)


def issue_transfer(db: Database, member_id: int, data: TransferInput) -> int:
    """Issue a letter of transfer for the member; returns its id."""
    with db.write() as s:
        member = leaving_member(s, access.of(db, s), member_id, data.version)
        err = FieldErrors()
        unit = err.text("to_unit", data.to_unit, ("转往单位", "unit"), max_len=UNIT_MAX)
        to_org = data.to_organization_id
        if to_org is None and not unit:
            err.add(
                "to_organization",
                "请选择转入的党组织，或填写区外的转往单位",
                "Choose the organization of the district, or enter the outside unit",
            )
        elif to_org is not None and unit:
            err.add(
                "to_unit",
                "转入本区党组织时不填写区外单位",
                "Leave the outside unit empty when the member goes to an organization here",
            )
        elif to_org is not None and s.get(Organization, to_org) is None:
            err.add("to_organization", "所选党组织不存在", "The chosen organization does not exist")
        elif (ended := _ended_by(s, to_org, data.issued_on)) is not None:
            # a temporary branch dissolved years ago took members onto its roll
            err.add("to_organization", *ended)
        elif to_org == member.organization_id:
            err.add(
                "to_organization",
                "转入的党组织就是党员现在的党组织",
                "The member already belongs to that organization",
            )
        issued = check_change_date(s, err, member, data.issued_on, ("开具日期", "date of issue"))
        if not 1 <= data.valid_days <= 365:
            err.add("valid_days", "有效期应为 1～365 天", "The letter is valid for 1 to 365 days")
        number = err.text(
            "letter_number", data.letter_number, ("介绍信编号", "letter number"), max_len=NUMBER_MAX
        )
        if number and s.scalar(
            select(MemberTransfer.id).where(MemberTransfer.letter_number == number)
        ):
            err.add(
                "letter_number",
                f"介绍信编号“{number}”已使用",
                f"The letter number “{number}” is taken",
            )
        reason = err.text("reason", data.reason, ("转接原因", "reason"), max_len=REMARK_MAX)
        remark = err.text(
            "remark", data.remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True
        )
        err.raise_any()
        transfer = MemberTransfer(
            member_id=member.id,
            from_organization_id=member.organization_id,
            to_organization_id=to_org,
            to_unit=unit or None,
            letter_number=number or next_letter_number(s, issued.year),
            issued_on=issued,
            valid_days=data.valid_days,
            reason=reason or None,
            remark=remark or None,
            state=TransferState.PENDING,
        )
        s.add(transfer)
        s.flush()
        audit.created(
            s,
            transfer,
            t(
                f"为党员 {member.name} 开具组织关系介绍信（{transfer.letter_number}），"
                f"转往{_destination(s, transfer)}",
                f"Letter of transfer {transfer.letter_number} for {member.name} to "
                f"{_destination(s, transfer)}",
            ),
        )
        return transfer.id


def _ended_by(s: Session, org_id: int | None, day: date | None) -> tuple[str, str] | None:
    """Why the organization takes no member in by a letter issued on ``day`` (in Chinese
    and English): it ended before; None when it has not (or nothing is known)."""
    org = None if org_id is None else s.get(Organization, org_id)
    return None if org is None or day is None else ended_refusal(org, day)


def _destination(s: Session, transfer: MemberTransfer) -> str:
    if transfer.to_organization_id is not None:
        org = s.get(Organization, transfer.to_organization_id)
        return org.name if org is not None else ""
    return transfer.to_unit or ""


# -- the receiving side ----------------------------------------------------------------------
def _receiver_id(transfer: MemberTransfer) -> int:
    """The organization whose account confirms the receipt."""
    return transfer.to_organization_id or transfer.from_organization_id


def _load_transfer(s: Session, transfer_id: int, acc: access.Access) -> MemberTransfer:
    transfer = s.get(MemberTransfer, transfer_id)
    if transfer is None or not (
        acc.sees_org(transfer.from_organization_id) or acc.sees_org(transfer.to_organization_id)
    ):
        raise transfer_not_found()
    return transfer


def _pending(transfer: MemberTransfer) -> None:
    if transfer.state is not TransferState.PENDING:
        raise ConflictError(
            t(
                f"该介绍信{transfer.state.zh}，不能再办理。",
                f"The letter is already {transfer.state.en.lower()}.",
            )
        )


def _member_on_roll(transfer: MemberTransfer) -> None:
    """The letter's member is still on a roll: one who died or left the Party meanwhile
    is not received by the receipt: it would put them back on a roll."""
    member = transfer.member
    off = off_roll_refusal(member.name, member.status)
    if off is not None:
        raise ConflictError(off)


def off_roll_refusal(name: str, status: MembershipStatus) -> str | None:
    """Why a letter of a member with ``status`` cannot be received (they left the roll
    since it was issued); None while they are on it."""
    if status in ON_ROLL_STATUSES:
        return None
    return t(
        f"党员{name}已不在册（{status.zh}），不能接收其组织关系，请由开具党组织撤回该介绍信。",
        f"{name} is no longer on the roll ({status.en}); the letter cannot be received: "
        "the sending organization should withdraw it.",
    )


def receive_refusal(db: Database, transfer_id: int) -> str | None:
    def check(s: Session, acc: access.Access) -> None:
        transfer = _load_transfer(s, transfer_id, acc)
        acc.check_org_writable(_receiver_id(transfer))
        _pending(transfer)
        _member_on_roll(transfer)

    try:
        return access.refusal(db, check)
    except ConflictError as error:
        return error.message


def receive_transfer(
    db: Database, transfer_id: int, received_on: date | None, remark: str | None = None
) -> None:
    """Confirm the receipt: the receiving organization of the district takes the member
    in, or the sender records the 回执 of the outside unit."""
    with db.write() as s:
        acc = access.of(db, s)
        transfer = _load_transfer(s, transfer_id, acc)
        acc.check_org_writable(_receiver_id(transfer))
        _pending(transfer)
        _member_on_roll(transfer)
        err = FieldErrors()
        if received_on is None:
            err.add("received_on", "请填写接收日期", "Enter the date received")
        else:
            problem = future_date_error(received_on, label=("接收日期", "date received"))
            if problem is not None:
                err.add("received_on", problem, problem)
            elif received_on < transfer.issued_on:
                err.add(
                    "received_on",
                    "接收日期不能早于介绍信开具日期",
                    "The receipt cannot be before the letter was issued",
                )
            elif (target := transfer.to_organization) is not None and (
                absent := _not_existing(target, received_on)
            ) is not None:
                err.add("received_on", *absent)
            elif received_on > (
                until := letter_valid_until(transfer.issued_on, transfer.valid_days)
            ):
                err.add(
                    "received_on",
                    f"该介绍信有效期至{until.isoformat()}，已过期，"
                    "请开具党组织撤回该介绍信后重新开具。",
                    f"The letter was valid until {until.isoformat()} and has expired; the "
                    "sending organization should withdraw it and issue a new one.",
                )
        text = err.text("remark", remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True)
        err.raise_any()
        assert received_on is not None
        member = transfer.member
        before = audit.snapshot(transfer)
        transfer.state = TransferState.RECEIVED
        transfer.received_on = received_on
        if text:
            transfer.remark = text
        # Within the district the member leaves the sender's roll on the day the receiver
        # takes them in (always on one roll, the district's count unbroken); to a unit
        # outside, on the day the letter was issued, as the letter's stub records it.
        letter = t(f"介绍信 {transfer.letter_number}", f"letter {transfer.letter_number}")
        if transfer.to_organization_id is not None:
            record_transfer_within(
                s,
                member,
                transfer.from_organization_id,
                transfer.to_organization_id,
                received_on,
                remark=letter,
            )
        else:
            record_change(
                s,
                member,
                MemberChangeKind.TRANSFERRED_OUT,
                transfer.issued_on,
                organization_id=transfer.from_organization_id,
                other_unit=transfer.to_unit,
                remark=letter,
            )
            end_presence(s, member.id, transfer.issued_on)
        audit.updated(
            s,
            transfer,
            t(
                f"党员 {member.name} 的组织关系已转至{_destination(s, transfer)}"
                f"（介绍信 {transfer.letter_number}）",
                f"Transfer of {member.name} to {_destination(s, transfer)} received "
                f"(letter {transfer.letter_number})",
            ),
            before,
        )


def _not_existing(org: Organization, day: date) -> tuple[str, str] | None:
    """Why ``org`` takes no member in on ``day`` (in Chinese and English): not founded
    yet, or ended; None when it exists then."""
    if org.founded_on is not None and day < org.founded_on:
        founded = org.founded_on.isoformat()
        return (
            f"{org.name}成立于{founded}，接收日期不能早于成立日期",
            f"{org.name} was founded on {founded}: the receipt cannot be before that",
        )
    ended = ended_refusal(org, day)
    if ended is not None:
        return (
            f"{ended[0]}，请由开具党组织撤回该介绍信",
            f"{ended[1]}; the sending organization should withdraw the letter",
        )
    return None


def withdraw_transfer(db: Database, transfer_id: int) -> None:
    """The sender withdraws a pending letter; the member stays on its roll."""
    with db.write() as s:
        acc = access.of(db, s)
        transfer = _load_transfer(s, transfer_id, acc)
        acc.check_org_writable(transfer.from_organization_id)
        _pending(transfer)
        before = audit.snapshot(transfer)
        transfer.state = TransferState.CANCELLED
        audit.updated(
            s,
            transfer,
            t(
                f"撤回党员 {transfer.member.name} 的组织关系介绍信（{transfer.letter_number}）",
                f"Withdrew the letter {transfer.letter_number} of {transfer.member.name}",
            ),
            before,
        )


# -- from outside ----------------------------------------------------------------------------
def transfer_in_from_outside(
    db: Database,
    data: MemberInput,
    *,
    from_unit: str | None,
    received_on: date | None,
    remark: str | None = None,
) -> int:
    """A member whose letter comes from outside the district: a new member record of the
    receiving organization with its 转入 change; returns the member's id."""

    def add(s: Session, acc: access.Access) -> int:
        err = FieldErrors()
        unit = err.text("from_unit", from_unit, ("转出单位", "unit"), max_len=UNIT_MAX)
        if not unit:
            err.add("from_unit", "请填写转出单位", "Enter the unit the member comes from")
        if received_on is None:
            err.add("received_on", "请填写转入日期", "Enter the date of the transfer")
        else:
            label = ("转入日期", "date of transfer")
            problem = future_date_error(received_on, label=label) or before_joining_error(
                received_on, data.joined_on, label
            )
            if problem is not None:
                err.add("received_on", problem, problem)
            elif (born := completed(data).birth_date) is not None and age_on(
                born, received_on
            ) < MIN_AGE:  # a child's ID number (or the day, before the birth) was taken
                err.add(
                    "received_on",
                    f"按身份证号，该党员出生于{born.isoformat()}，转入日期时未满{MIN_AGE}周岁，"
                    "请核对身份证号和转入日期",
                    f"By the ID number the member was born on {born.isoformat()}, under "
                    f"{MIN_AGE} on the date of the transfer: check the ID number and the date",
                )
        text = err.text("remark", remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True)
        if err.errors:  # the person's own too, at once (the name was asked for next time)
            err.errors[:0] = member_errors(completed(data))
        err.raise_any()
        assert received_on is not None
        typed = completed(data)
        returning = _transferred_out_before(s, typed.id_number)
        if returning is not None and data.organization_id is not None:
            # back in the district: their own record, on the roll again, when it is theirs
            acc.check_org_writable(data.organization_id)
            again = FieldErrors()
            named = acc.sees_org(returning.organization_id)
            again.errors.extend(_not_the_same_person(returning, typed, named=named))
            if not again.errors:  # not theirs: the record's dates are not checked nor said
                check_change_date(
                    s, again, returning, received_on, ("转入日期", "date of transfer")
                )
            again.raise_any()
            record_change(
                s,
                returning,
                MemberChangeKind.TRANSFERRED_IN,
                received_on,
                organization_id=data.organization_id,
                other_unit=unit,
                remark=text,
            )
            return returning.id
        member = member_editing.add_member(
            s, acc, data, ("转入党员 {name}", "Party member {name} transferred in")
        )
        s.flush()
        record_change(
            s,
            member,
            MemberChangeKind.TRANSFERRED_IN,
            received_on,
            other_unit=unit,
            remark=text,
        )
        return member.id

    return member_editing.store_new_member(db, data, add)


def _not_the_same_person(
    stored: PartyMember, typed: MemberInput, *, named: bool
) -> list[FieldError]:
    """Why the record of ``stored``, who left the district by 转出 and whose ID number was
    typed, is not the person ``typed`` (the record was taken back whatever name was
    typed): another name, or another day of joining or of confirmation. The stored name
    and dates are said (the clerk checks them against the letter) only when ``named``, the
    account sees the organization they left (an account learns nothing of what it may not
    see by typing ID numbers); never the ID number."""
    errors = []
    if name_key(typed.name) != name_key(stored.name):
        errors.append(
            FieldError(
                "id_number",
                t(
                    f"该身份证号登记的是曾转出本区的党员{stored.name}，"
                    f"与填写的姓名“{typed.name}”不符，请核对身份证号",
                    f"This ID number is of {stored.name}, who transferred out of the district "
                    f"before, not of “{typed.name}”: check the ID number",
                )
                if named
                else t(
                    f"该身份证号登记的是曾转出本区的另一位党员，与填写的姓名“{typed.name}”"
                    "不符，请核对身份证号",
                    f"This ID number is of another member who transferred out of the district "
                    f"before, not of “{typed.name}”: check the ID number",
                ),
            )
        )
        return errors  # another person: their dates say nothing more
    for key, (zh, en) in (
        ("joined_on", ("入党日期", "date of joining the Party")),
        ("confirmed_on", ("转正日期", "date of confirmation")),
    ):
        given, kept = getattr(typed, key), getattr(stored, key)
        if given is not None and kept is not None and given != kept:
            errors.append(
                FieldError(
                    key,
                    t(
                        f"曾转出本区的党员{stored.name}登记的{zh}为{kept.isoformat()}，"
                        f"与填写的{zh}（{given.isoformat()}）不符，请核对身份证号和{zh}",
                        f"{stored.name}, who transferred out of the district before, has the "
                        f"{en} {kept.isoformat()}, not {given.isoformat()}: check the ID "
                        f"number and the {en}",
                    )
                    if named
                    else t(
                        f"该身份证号登记的曾转出本区党员的{zh}与填写的不符，请核对身份证号和{zh}",
                        f"The member of this ID number who transferred out of the district "
                        f"before has another {en}: check the ID number and the {en}",
                    ),
                )
            )
    return errors


def _transferred_out_before(s: Session, id_number: str | None) -> PartyMember | None:
    """The member of the district with ``id_number`` who left it by 转出 (to a unit
    outside), whose letter now brings them back: their record is the one taken in again
    (a new one was refused as the same person entered twice, and nothing else took them
    back onto a roll)."""
    if not id_number:
        return None
    member = s.scalars(select(PartyMember).where(PartyMember.id_number == id_number)).first()
    if member is None or member.status is not MembershipStatus.TRANSFERRED_OUT:
        return None
    return member


# -- reading ---------------------------------------------------------------------------------
def _visible(acc: access.Access) -> ColumnElement[bool]:
    return or_(
        acc.orgs(MemberTransfer.from_organization_id), acc.orgs(MemberTransfer.to_organization_id)
    )


def list_transfers(db: Database, query: TransferQuery = TransferQuery()) -> list[TransferRow]:
    """Letters the account sees (sent by or addressed to its organizations), newest first."""
    with db.read() as s:
        return transfers_in(s, access.of(db, s), query)


def transfers_in(s: Session, acc: access.Access, query: TransferQuery) -> list[TransferRow]:
    """:func:`list_transfers` read in ``s``."""
    source = aliased(Organization)
    target = aliased(Organization)
    stmt = (
        select(MemberTransfer, PartyMember.name, PartyMember.status, source.name, target.name)
        .join(PartyMember, PartyMember.id == MemberTransfer.member_id)
        .join(source, source.id == MemberTransfer.from_organization_id)
        .outerjoin(target, target.id == MemberTransfer.to_organization_id)
        .order_by(MemberTransfer.issued_on.desc(), MemberTransfer.id.desc())
    )
    if query.state is not None:
        stmt = stmt.where(MemberTransfer.state == query.state)
    if query.member_id is not None:
        stmt = stmt.where(MemberTransfer.member_id == query.member_id)
    stmt = stmt.where(_visible(acc))
    writes = acc.actor.can(Permission.WRITE)
    rows = []
    for transfer, member_name, status, from_name, to_name in s.execute(stmt):
        pending = transfer.state is TransferState.PENDING
        refused = off_roll_refusal(member_name, status) if pending else None
        rows.append(
            TransferRow(
                id=transfer.id,
                member_id=transfer.member_id,
                member_name=member_name,
                from_organization_id=transfer.from_organization_id,
                from_organization=from_name,
                to_organization_id=transfer.to_organization_id,
                destination=to_name or transfer.to_unit or "",
                letter_number=transfer.letter_number,
                issued_on=transfer.issued_on,
                valid_days=transfer.valid_days,
                reason=transfer.reason,
                state=transfer.state,
                received_on=transfer.received_on,
                can_receive=pending
                and refused is None
                and writes
                and acc.sees_org(_receiver_id(transfer)),
                can_withdraw=pending and writes and acc.sees_org(transfer.from_organization_id),
                receive_refused=refused,
            )
        )
    return rows


@dataclass(frozen=True)
class LetterFacts:
    """What the printed 介绍信 says (reports/transfer_letter.py)."""

    letter_number: str
    member_name: str
    gender: str  # 男 / 女 / ""
    #: on the day of issue; None on a masked letter: with the birth year that rosters show
    #: beside a masked ID number, it would tell whether the birthday falls before or after
    #: the day of issue (a letter of 10 January: born 1 to 10 January)
    age: int | None
    ethnicity: str | None
    category: str  # 正式 / 预备
    id_number: str = field(repr=False)  # masked unless unmasked
    member_phone: str  # masked unless unmasked
    from_organization: str
    from_phone: str | None
    destination: str
    in_district: bool  # the destination is an organization of the district
    issued_on: date
    valid_days: int
    unmasked: bool
    #: the month the dues are paid up to, from the fee records (None: written by hand)
    dues_paid_through: date | None = None


def _age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def letter_facts(db: Database, transfer_id: int, *, unmasked: bool = False) -> LetterFacts:
    """The letter as printed; the ID number and phone masked unless ``unmasked`` (which
    needs the permission; the caller logs the export)."""
    with db.read() as s:
        acc = access.of(db, s)
        check_unmasked(acc, unmasked)
        transfer = _load_transfer(s, transfer_id, acc)
        member = transfer.member
        source = transfer.from_organization
        return LetterFacts(
            letter_number=transfer.letter_number,
            member_name=member.name,
            gender=member.gender.zh if member.gender else "",
            age=_age(member.birth_date, transfer.issued_on) if unmasked else None,
            ethnicity=member.ethnicity,
            category="预备" if member.category is MemberCategory.PROBATIONARY else "正式",
            id_number=shown_id_number(member.id_number, unmasked),
            member_phone=shown_phone(member.phone, unmasked),
            from_organization=source.name,
            # the issuing organization's phone, for the receiving side to call back: as the
            # organizations tab shows it to this account (masked for the inspector)
            from_phone=shown_contact_phone(
                source.contact_phone, unmasked or sees_contact_phones(acc)
            ),
            destination=_destination(s, transfer),
            in_district=transfer.to_organization_id is not None,
            issued_on=transfer.issued_on,
            valid_days=transfer.valid_days,
            unmasked=unmasked,
            dues_paid_through=paid_through(s, member.id),
        )
