"""A member's fee basis (党费缴纳基数): category, income or a fixed standard, from a month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import FeeBasis, FeePayment, PartyMember
from pbc_desktop.domain.dates import MAX_YEAR, MIN_YEAR
from pbc_desktop.domain.development import MIN_AGE
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.fees import (
    INCOME_CATEGORIES,
    MAX_FIXED_CENTS,
    MAX_INCOME_CENTS,
    FeeCategory,
    FeeRuleError,
    add_months,
    month_label,
    month_of,
    monthly_standard,
    schedule_for,
)
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES
from pbc_desktop.domain.money import MoneyError, cents_of, yuan
from pbc_desktop.domain.validation import clean_text
from pbc_desktop.errors import FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.fees.common import load_bases, load_schedules, standard_at
from pbc_desktop.services.member_changes.leaving import latest_change

#: ``fee_basis.remark`` is a String(200).
REMARK_MAX = 200


@dataclass(frozen=True)
class BasisInput:
    member_id: int
    effective_from: date
    category: FeeCategory
    income: Decimal | None = None
    fixed: Decimal | None = None
    remark: str | None = None
    #: the version of the member's basis of ``effective_from``'s month as the editor read
    #: it (``versions.NONE_YET``: none was stored; None: not checked, a command)
    version: int | None = None


@dataclass(frozen=True)
class BasisRow:
    effective_from: date
    category: FeeCategory
    income: Decimal | None
    fixed: Decimal | None
    standard: Decimal | None
    remark: str | None = None
    version: int = versions.NONE_YET


def _cents(value: Decimal | None, field: str, what: tuple[str, str], limit: int) -> int | None:
    """``value`` in fen, refused by the field's name: no amount, more than two decimals,
    negative, or above ``limit`` (a typo: the standard would follow it unnoticed)."""
    if value is None:
        return None
    if not value.is_finite():
        raise ValidationError(
            [FieldError(field, t(f"{what[0]}应为数字金额。", f"The {what[1]} must be an amount."))]
        )
    try:
        cents = cents_of(value)
    except MoneyError as error:
        raise ValidationError([FieldError(field, error.message)]) from error
    if cents < 0:
        raise ValidationError(
            [FieldError(field, t(f"{what[0]}不能为负数。", f"The {what[1]} cannot be negative."))]
        )
    if cents > limit:
        most = f"{limit // 100:,}"
        raise ValidationError(
            [
                FieldError(
                    field,
                    t(
                        f"{what[0]}不能超过{most}元，请核对。",
                        f"The {what[1]} cannot exceed {most} yuan; please check it.",
                    ),
                )
            ]
        )
    return cents


def _amounts(data: BasisInput) -> tuple[int | None, int | None]:
    """The income and the fixed standard of ``data`` in fen, each checked by its name."""
    return (
        _cents(data.income, "income", ("月收入", "income"), MAX_INCOME_CENTS),
        _cents(data.fixed, "fixed", ("核定标准", "fixed standard"), MAX_FIXED_CENTS),
    )


#: How far ahead of the current month a basis may start (a year typed wrong, 2099 from
#: the calendar, was stored: no month until then had the basis the member was given).
MAX_MONTHS_AHEAD = 12


def _check_start(s: Session, member: PartyMember, start: date, today: date) -> None:
    """A basis starts no earlier than the month the member joined the Party (when the
    day of joining is not known, than the month they turned 18): one dated before (a year
    typed wrong, 1900 from the calendar) made every month since owed; no later than
    :data:`MAX_MONTHS_AHEAD` months after the current one; and for a member off the roll,
    no later than the month they left."""
    latest = add_months(month_of(today), MAX_MONTHS_AHEAD)
    if start > latest:
        raise ValidationError.single(
            "effective_from",
            t(
                f"缴纳基数的起始月份不能晚于{month_label(latest)}（至多在一年之后）。",
                f"The basis cannot start after {month_label(latest)} (a year ahead at most).",
            ),
        )
    joined = None if member.joined_on is None else month_of(member.joined_on)
    if joined is not None and start < joined:
        raise ValidationError.single(
            "effective_from",
            t(
                f"缴纳基数的起始月份不能早于入党月份（{month_label(joined)}）。",
                f"The basis cannot start before the month the member joined the Party "
                f"({month_label(joined)}).",
            ),
        )
    born = member.birth_date
    adult = None if born is None else date(born.year + MIN_AGE, born.month, 1)
    if joined is None and adult is not None and start < adult:  # no joining date to go by
        raise ValidationError.single(
            "effective_from",
            t(
                f"缴纳基数的起始月份不能早于该党员年满{MIN_AGE}周岁的月份（{month_label(adult)}）。",
                f"The basis cannot start before the member was {MIN_AGE} ({month_label(adult)}).",
            ),
        )
    if member.status not in ON_ROLL_STATUSES and (left := latest_change(s, member.id)):
        last = month_of(left.occurred_on)
        if start > last:  # no month after it is owed: the basis was stored, never used
            raise ValidationError.single(
                "effective_from",
                t(
                    f"{member.name}已于{left.occurred_on.isoformat()}{left.kind.zh}，不在册，"
                    f"缴纳基数的起始月份不能晚于{month_label(last)}。",
                    f"{member.name} left the roll on {left.occurred_on.isoformat()} "
                    f"({left.kind.en}): the basis cannot start after {month_label(last)}.",
                ),
            )
    if not MIN_YEAR <= start.year <= MAX_YEAR:
        raise ValidationError.single(
            "effective_from",
            t(
                f"缴纳基数的起始月份应在{MIN_YEAR}年至{MAX_YEAR}年之间。",
                f"The basis must start between {MIN_YEAR} and {MAX_YEAR}.",
            ),
        )


def joining_fee_error(
    s: Session, member: PartyMember, joined_on: date | None, label: tuple[str, str]
) -> str | None:
    """Why the member's day of joining the Party cannot become ``joined_on`` (``label``
    names the date, in Chinese and English): a fee basis or a payment of theirs is of a
    month before it. The rule of :func:`_check_start` and of the collection sheet (no
    basis, no payment before the month of joining) kept when the joining moves instead:
    which one the clerk enters first, the same months are refused."""
    if joined_on is None:
        return None
    joined = month_of(joined_on)
    basis = s.scalar(
        select(func.min(FeeBasis.effective_from)).where(FeeBasis.member_id == member.id)
    )
    paid = s.scalar(select(func.min(FeePayment.fee_month)).where(FeePayment.member_id == member.id))
    if paid is not None and paid < joined and (basis is None or paid <= basis):
        month = month_label(paid)
        return t(
            f"{member.name}已有{month}的党费缴纳记录，{label[0]}不能晚于{month}，请核对{label[0]}",
            f"{member.name} has paid the Party fee of {month}: the {label[1]} cannot be after "
            f"{month}; please check it",
        )
    if basis is not None and basis < joined:
        month = month_label(basis)
        return t(
            f"{member.name}的党费缴纳基数自{month}起，{label[0]}不能晚于{month}；"
            "如入党日期确有误，请先更正缴纳基数的起始月份",
            f"The Party fee basis of {member.name} starts in {month}: the {label[1]} cannot "
            f"be after {month}; if the joining date is wrong, correct the basis's first month "
            "first",
        )
    return None


def cleared_joining_error(s: Session, member: PartyMember, born: date | None) -> str | None:
    """Why the member's day of joining the Party cannot be cleared (``born``: their birth
    date as it will be stored): without it a basis starts no earlier than the month they
    turned 18 (:func:`_check_start`), and one of theirs starts before it. The rule a basis
    entered after the clearing meets, kept when the joining date goes instead."""
    if born is None:
        return None
    adult = date(born.year + MIN_AGE, born.month, 1)
    basis = s.scalar(
        select(func.min(FeeBasis.effective_from)).where(FeeBasis.member_id == member.id)
    )
    if basis is None or basis >= adult:
        return None
    month = month_label(basis)
    return t(
        f"{member.name}的党费缴纳基数自{month}起，早于其年满{MIN_AGE}周岁的月份"
        f"（{month_label(adult)}），入党日期不能清空；请核对入党日期",
        f"The Party fee basis of {member.name} starts in {month}, before they were {MIN_AGE} "
        f"({month_label(adult)}): the date of joining the Party cannot be cleared; please "
        "check it",
    )


def set_basis(db: Database, data: BasisInput, *, today: date | None = None) -> None:
    """Store the member's basis from ``effective_from``'s month (replacing one of that month)."""
    income, fixed = _amounts(data)
    if data.category in INCOME_CATEGORIES and income is None and fixed is None:
        raise ValidationError(
            [FieldError("income", t("在职和离退休党员请填写月收入。", "Enter the monthly income."))]
        )
    if data.category is FeeCategory.FIXED and fixed is None:
        raise ValidationError(
            [
                FieldError(
                    "fixed", t("请填写核定的月缴纳标准。", "Enter the fixed monthly standard.")
                )
            ]
        )
    remark, problem = clean_text(data.remark, ("备注", "remark"), max_len=REMARK_MAX)
    if problem is not None:  # 300 characters broke the save on the server, unsaid
        raise ValidationError.single("remark", problem)
    start = month_of(data.effective_from)
    with db.write() as s:
        member = s.get(PartyMember, data.member_id)
        acc = access.of(db, s)
        if member is None or not acc.sees_org(member.organization_id):
            raise NotFoundError(t("找不到该党员。", "The member was not found."))
        acc.check_org_writable(member.organization_id)
        _check_start(s, member, start, today or date.today())
        lock_groups(s, [("fee_basis", member.id, start)])  # two entering one month at once
        row = s.scalar(
            select(FeeBasis).where(
                FeeBasis.member_id == member.id, FeeBasis.effective_from == start
            )
        )
        values = (data.category, income, fixed, remark or None)
        if row is not None and (row.category, row.income_cents, row.fixed_cents, row.remark) == (
            values
        ):  # OK on the basis as stored: nothing new (an audit entry was written each time)
            return
        if row is not None:  # read as none yet (NONE_YET): entered meanwhile
            versions.check(s, row, data.version)
        before = audit.snapshot(row) if row is not None else None
        if row is None:
            row = FeeBasis(member_id=member.id, effective_from=start)
            s.add(row)
        row.category = data.category
        row.income_cents = income
        row.fixed_cents = fixed
        row.remark = remark or None
        after = audit.snapshot(row)
        audit.record(
            s,
            AuditAction.UPDATE if before else AuditAction.CREATE,
            row,
            summary=t(
                f"党费缴纳基数：{member.name}，自 {start:%Y-%m} 起",
                f"Party fee basis of {member.name} from {start:%Y-%m}",
            ),
            before=before,
            after=after,
        )


def member_bases(db: Database, member_id: int) -> list[BasisRow]:
    """The member's bases, oldest first, each with the standard it gave in its month, its
    remark and the version an editor hands back when it saves that month's basis."""
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        if member is None or not access.of(db, s).sees_org(member.organization_id):
            raise NotFoundError(t("找不到该党员。", "The member was not found."))
        bases = load_bases(s, [member_id]).get(member_id, [])
        schedules = load_schedules(s)
        stored = {
            start: (remark, version)
            for start, remark, version in s.execute(
                select(FeeBasis.effective_from, FeeBasis.remark, FeeBasis.version).where(
                    FeeBasis.member_id == member_id
                )
            )
        }
    rows = []
    for basis in bases:
        standard = standard_at(schedules, bases, basis.effective_from)
        remark, version = stored[basis.effective_from]
        rows.append(
            BasisRow(
                basis.effective_from,
                basis.category,
                None if basis.income_cents is None else yuan(basis.income_cents),
                None if basis.fixed_cents is None else yuan(basis.fixed_cents),
                None if standard is None else yuan(standard),
                remark,
                version,
            )
        )
    return rows


def preview_standard(db: Database, data: BasisInput) -> Decimal | None:
    """The standard ``data`` gives in its month under the rates then in force (None when
    it gives none yet: an income missing, a bad amount), for the editor to show."""
    try:
        income, fixed = _amounts(data)
    except ValidationError:
        return None
    with db.read() as s:
        schedules = load_schedules(s)
    try:
        cents = monthly_standard(
            schedule_for(schedules, month_of(data.effective_from)),
            data.category,
            income_cents=income,
            fixed_cents=fixed,
        )
    except FeeRuleError:
        return None
    return yuan(cents)
