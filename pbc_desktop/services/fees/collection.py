"""A branch's monthly collection sheet (党费收缴表): its members of a month, each
with the standard (应缴) and what was paid (实缴), 补缴 of past months and 预缴 ahead.

The sheet is saved at once: every member's payments in one transaction with one audit
entry (a 200-member branch in well under the 300 ms the issue asks for; see
``benchmarks/bench_fee_collection.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, case, exists, func, insert, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import FeePayment, MemberChange, Organization, PartyMember
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.fees import (
    FeeCategory,
    RateSchedule,
    add_months,
    ahead_months,
    arrears,
    back_months,
    month_fee_cents,
    month_label,
    month_of,
    payment_kind,
)
from pbc_desktop.domain.member_changes import LEAVING_KINDS
from pbc_desktop.domain.money import MoneyError, cents_of, format_yuan, yuan
from pbc_desktop.domain.validation import future_date_error
from pbc_desktop.errors import FieldError, ValidationError, stale_edit
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.fees.common import (
    CURRENT_STATUSES,
    Basis,
    basis_at,
    current_member,
    dues,
    load_bases,
    load_paid,
    load_schedules,
    require_branch,
    standard_at,
)
from pbc_desktop.services.member_changes.roll import on_roll_at, organization_at
from pbc_desktop.services.scope import Choice

#: At most this many months are paid back or ahead in one sheet (a typo guard).
MAX_MONTHS = 24


@dataclass(frozen=True)
class SheetRow:
    member_id: int
    name: str
    category: FeeCategory | None  # None: no basis yet (未核定)
    income: Decimal | None
    standard: Decimal | None  # 月缴纳标准 of the month (应缴)
    paid: Decimal | None  # 实缴 for the month, None: nothing entered
    paid_on: date | None
    owed_months: int  # unpaid months before this one
    owed: Decimal
    ahead_months: int  # months after this one already paid


@dataclass(frozen=True)
class CollectionSheet:
    organization_id: int
    organization_name: str
    town: str | None
    month: date
    rows: tuple[SheetRow, ...]
    #: the payments of the sheet's members as read (:func:`_stamp`), handed back to
    #: :func:`save_sheet` so that a save over another window's meanwhile is refused
    stamp: tuple[int, ...] = ()

    @property
    def due_total(self) -> Decimal:
        return sum((r.standard or Decimal(0) for r in self.rows), Decimal("0.00"))

    @property
    def paid_total(self) -> Decimal:
        return sum((r.paid or Decimal(0) for r in self.rows), Decimal("0.00"))

    @property
    def paid_count(self) -> int:
        return sum(1 for r in self.rows if r.paid is not None and r.paid >= (r.standard or 0))


@dataclass(frozen=True)
class SheetEntry:
    """What the clerk entered for one member: the month's amount (None: nothing), and how
    many past unpaid months (补缴) and months ahead (预缴) the member paid as well."""

    member_id: int
    paid: Decimal | None = None
    back: int = 0
    ahead: int = 0


@dataclass(frozen=True)
class SavedSheet:
    payments: int
    total: Decimal


def _stamp(s: Session, member_ids: Sequence[int]) -> tuple[int, ...]:
    """What changes with every payment of these members written or changed (their count
    and the sum of their versions: a payment is never deleted) and with the members
    themselves (the sheet's rows)."""
    if not member_ids:
        return ()
    count, versions = s.execute(
        select(func.count(FeePayment.id), func.coalesce(func.sum(FeePayment.version), 0)).where(
            FeePayment.member_id.in_(member_ids)
        )
    ).one()
    return (int(count), int(versions), *sorted(member_ids))


def sheet_branch(month: date) -> ColumnElement[int]:
    """The branch whose sheet of ``month`` (its first day) lists the member: the
    organization they belonged to at the month's start (``roll.organization_at``), so a
    member transferred within the district is on the sending branch's sheets up to the
    month of the transfer (转出当月的党费由转出党组织收缴, as the letter's 党费已交到 says)
    and on the receiving branch's from the next. Asked only of the members with a change:
    for the others (most of them) it is their own organization."""
    return case((has_change(), organization_at(month)), else_=PartyMember.organization_id)


def has_change() -> ColumnElement[bool]:
    """SQL test: the member has a member change (增减) recorded; one without is on their
    own branch's sheet of every month while on the roll, and on no sheet when off it."""
    return exists().where(MemberChange.member_id == PartyMember.id).correlate(PartyMember)


def listed_in(month: date) -> ColumnElement[bool]:
    """SQL test: the member is on some branch's sheet of ``month`` (its first day): on the
    roll now, or off every roll now but on a roll during the month (on it at the month's
    start or joined within it, and left on or after its start). A member who died in June
    paid June on a sheet entered later: the sheet listed only the living."""
    end = add_months(month, 1)
    left_since = exists().where(
        MemberChange.member_id == PartyMember.id,
        MemberChange.kind.in_(sorted(LEAVING_KINDS, key=lambda k: k.value)),
        MemberChange.occurred_on >= month,
    )
    return or_(
        current_member(),
        and_(
            left_since,
            or_(
                on_roll_at(month),
                and_(PartyMember.joined_on >= month, PartyMember.joined_on < end),
            ),
        ),
    )


def on_sheet(org_id: int, month: date) -> ColumnElement[bool]:
    """SQL test: the member is on the branch's sheet of ``month`` (its first day):
    :func:`listed_in` the month, and of the branch then (:func:`sheet_branch`)."""
    here = or_(  # cheap before the subqueries of the roll at a date
        PartyMember.organization_id == org_id,
        exists().where(
            MemberChange.member_id == PartyMember.id, MemberChange.organization_id == org_id
        ),
    )
    return and_(here, sheet_branch(month) == org_id, listed_in(month))


def collection_sheet(db: Database, org_id: int, month: date) -> CollectionSheet:
    month = month_of(month)
    with db.read() as s:
        acc = access.of(db, s)
        org = require_branch(s, acc, org_id)
        members = s.execute(
            select(PartyMember.id, PartyMember.name)
            .where(on_sheet(org_id, month))
            .order_by(PartyMember.name_sort, PartyMember.id)
        ).all()
        ids = [m.id for m in members]
        schedules = load_schedules(s)
        bases = load_bases(s, ids)
        paid = load_paid(s, ids)
        paid_on = (
            dict(
                s.execute(
                    select(FeePayment.member_id, FeePayment.paid_on).where(
                        FeePayment.member_id.in_(ids), FeePayment.fee_month == month
                    )
                ).all()
            )
            if ids
            else {}
        )
        name, town = org.name, org.town
        stamp = _stamp(s, ids)
    rows = []
    for member_id, member_name in members:
        own_bases = bases.get(member_id, [])
        basis = basis_at(own_bases, month)
        standard = standard_at(schedules, own_bases, month)
        own_paid = paid.get(member_id, {})
        owed = arrears(dues(schedules, own_bases, month), own_paid, add_months(month, -1))
        ahead = sum(1 for m in own_paid if m > month)
        rows.append(
            SheetRow(
                member_id=member_id,
                name=member_name,
                category=basis.category if basis else None,
                income=yuan(basis.income_cents)
                if basis and basis.income_cents is not None
                else None,
                standard=None if standard is None else yuan(standard),
                paid=yuan(own_paid[month]) if month in own_paid else None,
                paid_on=paid_on.get(member_id),
                owed_months=owed.count,
                owed=yuan(owed.owed_cents),
                ahead_months=ahead,
            )
        )
    return CollectionSheet(org_id, name, town, month, tuple(rows), stamp)


def _entry_errors(entries: Sequence[SheetEntry], names: dict[int, str]) -> list[FieldError]:
    errors = []
    seen: set[int] = set()
    for entry in entries:
        who = names.get(entry.member_id, str(entry.member_id))
        if entry.member_id in seen:  # two rows of one member: the database refused the second
            errors.append(
                FieldError(
                    f"row{entry.member_id}",
                    t(
                        f"党员 {who} 在收缴表中出现了两次，每人只登记一行。",
                        f"Member {who} is on the sheet twice; enter one row per member.",
                    ),
                )
            )
            continue
        seen.add(entry.member_id)
        if entry.member_id not in names:
            errors.append(
                FieldError(
                    f"row{entry.member_id}",
                    t(f"党员 {who} 不在本支部。", f"Member {who} is not in this branch."),
                )
            )
        if entry.paid is not None:
            try:
                month_fee_cents(entry.paid)
            except MoneyError as error:
                errors.append(FieldError(f"paid{entry.member_id}", f"{who}：{error.message}。"))
        for count, words in (
            (entry.back, ("补缴", "paid back")),
            (entry.ahead, ("预缴", "paid ahead")),
        ):
            if not 0 <= count <= MAX_MONTHS:
                errors.append(
                    FieldError(
                        f"months{entry.member_id}",
                        t(
                            f"{who}：{words[0]}月数应为 0 到 {MAX_MONTHS}。",
                            f"{who}: months {words[1]} must be 0 to {MAX_MONTHS}.",
                        ),
                    )
                )
    return errors


def _before_joining(
    entries: Sequence[SheetEntry], month: date, members: Mapping[int, tuple[str, date | None]]
) -> list[FieldError]:
    """A member's payment on the sheet of a month before they joined the Party (a sheet
    of 1990, the month field scrolled too far, took 40 yuan for it)."""
    errors = []
    for entry in entries:
        name, joined = members.get(entry.member_id, ("", None))
        if joined is not None and month < month_of(joined):
            errors.append(
                FieldError(
                    f"paid{entry.member_id}",
                    t(
                        f"{name}于{month_label(month_of(joined))}入党，"
                        f"不能登记{month_label(month)}的党费。",
                        f"{name} joined in {month_label(month_of(joined))}: no dues for "
                        f"{month_label(month)}.",
                    ),
                )
            )
    return errors


def _ahead_off_roll(entries: Sequence[SheetEntry], off_roll: Mapping[int, str]) -> list[FieldError]:
    """预缴 asked of a member off the roll now (listed on a sheet of a month they were
    still a member): the months ahead are after they left."""
    return [
        FieldError(
            f"months{entry.member_id}",
            t(
                f"{name}已不在册，不能预缴党费。",
                f"{name} is no longer on the roll: nothing to pay ahead.",
            ),
        )
        for entry in entries
        if entry.ahead and (name := off_roll.get(entry.member_id)) is not None
    ]


def _ahead_without_standard(
    entries: Sequence[SheetEntry],
    month: date,
    schedules: Sequence[RateSchedule],
    bases: Mapping[int, Sequence[Basis]],
    names: Mapping[int, str],
) -> list[FieldError]:
    """预缴 asked of a member with no standard this month (not yet 核定, or 免交): the
    months ahead were stored as paid with 0 yuan and the sheet said 已预缴."""
    errors = []
    for entry in entries:
        if entry.ahead and not standard_at(schedules, bases.get(entry.member_id, []), month):
            who = names.get(entry.member_id, str(entry.member_id))
            errors.append(
                FieldError(
                    f"months{entry.member_id}",
                    t(
                        f"{who}：{month_label(month)}没有缴纳标准（未核定缴纳基数或免交），"
                        "不能预缴。",
                        f"{who}: no standard for {month_label(month)} (no basis yet, or "
                        "exempt): nothing to pay ahead.",
                    ),
                )
            )
    return errors


def _plan(
    entries: Sequence[SheetEntry],
    month: date,
    schedules: Sequence[RateSchedule],
    bases: Mapping[int, Sequence[Basis]],
    paid: dict[int, dict[date, int]],
) -> list[tuple[int, date, int, int]]:
    """(member, fee month, amount, standard) of every payment the entries make."""
    plan: list[tuple[int, date, int, int]] = []
    for entry in entries:
        own_bases = bases.get(entry.member_id, [])
        own_paid = paid.setdefault(entry.member_id, {})
        standard = standard_at(schedules, own_bases, month) or 0
        if entry.paid is not None:
            amount = cents_of(entry.paid)
            plan.append((entry.member_id, month, amount, standard))
            own_paid[month] = amount
        if entry.back:
            own_dues = dues(schedules, own_bases, month)
            for fee_month in back_months(own_dues, own_paid, month, entry.back):
                plan.append((entry.member_id, fee_month, own_dues[fee_month], own_dues[fee_month]))
                own_paid[fee_month] = own_dues[fee_month]
        if entry.ahead:
            for fee_month in ahead_months(own_paid, month, entry.ahead):
                due = standard_at(schedules, own_bases, fee_month) or 0
                plan.append((entry.member_id, fee_month, standard, due))
                own_paid[fee_month] = standard
    return plan


def save_sheet(
    db: Database,
    org_id: int,
    month: date,
    entries: Sequence[SheetEntry],
    paid_on: date,
    *,
    read_stamp: tuple[int, ...] | None = None,
) -> SavedSheet:
    """Store the sheet's payments: the month's amounts, 补缴 of the oldest unpaid months
    (at what each still owes) and 预缴 of the next unpaid months (at this month's standard).
    One transaction, one audit entry; a refused row refuses the whole sheet, and so does
    a change of the branch's payments or members since the sheet was read (``read_stamp``,
    the sheet's :attr:`CollectionSheet.stamp`; None: not checked)."""
    month = month_of(month)
    with db.write() as s:
        acc = access.of(db, s)
        org = require_branch(s, acc, org_id)
        acc.check_org_writable(org_id)
        lock_groups(s, [("fee_sheet", org_id)])  # two clerks saving the branch's sheets at once
        found = s.execute(
            select(
                PartyMember.id, PartyMember.name, PartyMember.joined_on, PartyMember.status
            ).where(on_sheet(org_id, month))
        ).all()
        names = {member_id: name for member_id, name, _joined, _status in found}
        off_roll = {m: n for m, n, _joined, status in found if status not in CURRENT_STATUSES}
        if read_stamp is not None and _stamp(s, sorted(names)) != read_stamp:
            raise stale_edit()
        errors = _entry_errors(entries, names)
        errors += _before_joining(entries, month, {m: (n, j) for m, n, j, _status in found})
        errors += _ahead_off_roll(entries, off_roll)
        if (problem := future_date_error(paid_on, label=("缴纳日期", "date paid"))) is not None:
            errors.append(FieldError("paid_on", problem))
        elif month > month_of(paid_on):  # a sheet of 2099 was saved, paid today
            errors.append(
                FieldError(
                    "month",
                    t(
                        f"收缴月份（{month_label(month)}）不能晚于缴纳日期所在的月份；"
                        "提前缴纳的请在当月收缴表的“预缴月数”中登记。",
                        f"The month collected ({month_label(month)}) cannot be after the month "
                        "of the payment; enter payments ahead as months ahead on this "
                        "month's sheet.",
                    ),
                )
            )
        ids = [e.member_id for e in entries]
        schedules = load_schedules(s)
        bases = load_bases(s, ids)
        errors += _ahead_without_standard(entries, month, schedules, bases, names)
        if errors:
            raise ValidationError(errors)
        paid = load_paid(s, ids)
        plan = _plan(entries, month, schedules, bases, paid)
        if not plan:  # nothing typed (保存 clicked twice): no "0 笔" entry in the audit log
            return SavedSheet(0, yuan(0))
        months = sorted({fee_month for _member, fee_month, _amount, _due in plan})
        stored = {
            (p.member_id, p.fee_month): p
            for p in s.scalars(
                select(FeePayment).where(
                    FeePayment.member_id.in_(ids), FeePayment.fee_month.in_(months)
                )
            )
        }
        total = 0
        new_rows: list[dict[str, object]] = []
        for member_id, fee_month, amount, due in plan:
            values = {
                "organization_id": org_id,
                "collected_in": month,
                "paid_on": paid_on,
                "kind": payment_kind(fee_month, month),
                "due_cents": due,
                "amount_cents": amount,
            }
            row = stored.get((member_id, fee_month))
            if row is None:
                # many new rows: one executemany INSERT, not an ORM object each
                new_rows.append({"member_id": member_id, "fee_month": fee_month, **values})
                total += amount
                continue
            total += amount - row.amount_cents
            for key, value in values.items():
                setattr(row, key, value)
        if new_rows:
            s.execute(insert(FeePayment), new_rows)
        count = len(plan)
        s.flush()
        audit.record(
            s,
            AuditAction.UPDATE,
            None,
            entity="fee_payment",
            summary=t(
                f"党费收缴：{org.name} {month_label(month)}，{count} 笔，"
                f"金额变化 {format_yuan(total)} 元",
                f"Party fees of {org.name} for {month_label(month)}: {count} payments, "
                f"{format_yuan(total)} yuan changed",
            ),
            after={"organization": org.uuid, "month": month_label(month), "payments": count},
        )
    return SavedSheet(count, yuan(total))


def branch_choices(db: Database) -> list[Choice]:
    """The organizations of the account's scope that have or had members (pinyin order):
    a branch whose last member died or left keeps its past months' sheets, which a clerk
    still opens to take a payment owed from before (it was left out of the choice)."""
    with db.read() as s:
        acc = access.of(db, s)
        has_members = or_(
            select(PartyMember.id).where(PartyMember.organization_id == Organization.id).exists(),
            select(MemberChange.id).where(MemberChange.organization_id == Organization.id).exists(),
        )
        rows = s.execute(
            select(Organization.id, Organization.name)
            .where(acc.orgs(Organization.id), has_members)
            .order_by(Organization.name_sort)
        ).all()
    return [Choice(org_id, name) for org_id, name in rows]


def save_refusal(db: Database, org_id: int) -> str | None:
    """Why the account may not save the branch's sheet (the sentence :func:`save_sheet`
    would refuse with), or None."""

    def check(s: Session, acc: access.Access) -> None:
        require_branch(s, acc, org_id)
        acc.check_org_writable(org_id)

    return access.refusal(db, check)
