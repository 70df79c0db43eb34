"""What every fee service shares: the schedules and bases in force, each member's
standard month by month, the members of a branch and of the account's scope."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from pbc_desktop.db.models import FeeBasis, FeePayment, FeeRate, Organization, PartyMember
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.fees import (
    DEFAULT_SCHEDULE,
    INCOME_CATEGORIES,
    Bracket,
    FeeCategory,
    FeeRuleError,
    RateSchedule,
    month_of,
    monthly_standard,
    months_between,
    schedule_for,
)
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services.access import Access
from pbc_desktop.services.scope import chunks

#: Members who still owe fees: on the roll (失联 ones too, they are who falls behind).
CURRENT_STATUSES = (MembershipStatus.NORMAL, MembershipStatus.LOST_CONTACT)


def current_member() -> ColumnElement[bool]:
    """SQL test: the member is on the roll."""
    return PartyMember.status.in_(CURRENT_STATUSES)


def branch_gone() -> NotFoundError:
    return NotFoundError(
        t("找不到该党组织，可能已被删除。", "The organization was not found; it may be deleted.")
    )


def require_branch(s: Session, acc: Access, org_id: int) -> Organization:
    """The organization, visible to the account (else: not found)."""
    org = s.get(Organization, org_id)
    if org is None or not acc.sees_org(org_id):
        raise branch_gone()
    return org


def load_schedules(s: Session) -> list[RateSchedule]:
    """Every schedule the district entered (oldest first); the default stands before them."""
    rows: dict[date, list[FeeRate]] = defaultdict(list)
    for rate in s.scalars(select(FeeRate).order_by(FeeRate.effective_from, FeeRate.id)):
        rows[rate.effective_from].append(rate)
    return [schedule_of(day, rates) for day, rates in sorted(rows.items())]


def schedule_of(effective_from: date, rates: Sequence[FeeRate]) -> RateSchedule:
    def brackets(category: FeeCategory) -> tuple[Bracket, ...]:
        found = [r for r in rates if r.category is category and r.rate is not None]
        found.sort(key=lambda r: (r.up_to_cents is None, r.up_to_cents or 0))
        return tuple(Bracket(r.up_to_cents, r.rate or 0) for r in found)

    return RateSchedule(
        effective_from=effective_from,
        employed=brackets(FeeCategory.EMPLOYED) or DEFAULT_SCHEDULE.employed,
        retired=brackets(FeeCategory.RETIRED) or DEFAULT_SCHEDULE.retired,
        fixed_cents={
            r.category: r.fixed_cents
            for r in rates
            if r.category not in INCOME_CATEGORIES and r.fixed_cents is not None
        },
    )


class Basis(NamedTuple):
    """A member's basis from a month on, as the rules read it (a tuple of plain values:
    the district's arrears hold some 30,000 members' bases, which the garbage collector
    then leaves alone)."""

    effective_from: date
    category: FeeCategory
    income_cents: int | None
    fixed_cents: int | None


#: Members named by their ids, or by a query selecting their ids (the district's 30,000
#: members: one statement, not one per 900 ids).
MemberIds = Iterable[int] | Select[Any]


def _by_members(member_ids: MemberIds) -> Iterator[Iterable[int] | Select[Any]]:
    if isinstance(member_ids, Select):
        yield member_ids
    else:
        yield from chunks(sorted(set(member_ids)), 900)


def load_bases(s: Session, member_ids: MemberIds) -> dict[int, list[Basis]]:
    """Each member's bases, oldest first."""
    found: dict[int, list[Basis]] = defaultdict(list)
    for chunk in _by_members(member_ids):
        stmt = (
            select(
                FeeBasis.member_id,
                FeeBasis.effective_from,
                FeeBasis.category,
                FeeBasis.income_cents,
                FeeBasis.fixed_cents,
            )
            .where(FeeBasis.member_id.in_(chunk))
            .order_by(FeeBasis.member_id, FeeBasis.effective_from)
        )
        for member_id, effective_from, category, income, fixed in s.execute(stmt):
            found[member_id].append(Basis(effective_from, category, income, fixed))
    return found


def basis_at(bases: Sequence[Basis], month: date) -> Basis | None:
    current = None
    for basis in bases:
        if basis.effective_from <= month:
            current = basis
    return current


def standard_at(
    schedules: Sequence[RateSchedule], bases: Sequence[Basis], month: date
) -> int | None:
    """The member's standard in fen for ``month``; None before any basis (not yet 核定)."""
    basis = basis_at(bases, month)
    if basis is None:
        return None
    return _standard(schedule_for(schedules, month), basis)


def _standard(schedule: RateSchedule, basis: Basis) -> int | None:
    try:
        return monthly_standard(
            schedule,
            basis.category,
            income_cents=basis.income_cents,
            fixed_cents=basis.fixed_cents,
        )
    except FeeRuleError:
        return None  # a category the schedule in force no longer has an amount for


#: Standards already worked out: (schedule's identity, category, income, fixed) → fen.
Standards = dict[tuple[int, FeeCategory, int | None, int | None], int | None]


def dues(
    schedules: Sequence[RateSchedule],
    bases: Sequence[Basis],
    until: date,
    known: Standards | None = None,
) -> dict[date, int]:
    """应缴 per month from the first basis to ``until``.

    The standard is worked out once for each basis and schedule in force, and once for
    all members when they share ``known`` (the district's arrears go through some 30,000
    members, with months of the same standard)."""
    if not bases:
        return {}
    out: dict[date, int] = {}
    known = {} if known is None else known
    for month in months_between(bases[0].effective_from, month_of(until)):
        basis = basis_at(bases, month)
        if basis is None:
            continue
        schedule = schedule_for(schedules, month)
        key = (id(schedule), basis.category, basis.income_cents, basis.fixed_cents)
        if key in known:
            standard = known[key]
        else:
            standard = known[key] = _standard(schedule, basis)
        if standard is not None:
            out[month] = standard
    return out


def load_paid(
    s: Session, member_ids: MemberIds, until: date | None = None
) -> dict[int, dict[date, int]]:
    """实缴 per member and month (up to ``until`` when given)."""
    paid: dict[int, dict[date, int]] = defaultdict(dict)
    for chunk in _by_members(member_ids):
        stmt = select(FeePayment.member_id, FeePayment.fee_month, FeePayment.amount_cents).where(
            FeePayment.member_id.in_(chunk)
        )
        if until is not None:
            stmt = stmt.where(FeePayment.fee_month <= until)
        for member_id, month, amount in s.execute(stmt):
            paid[member_id][month] = amount
    return paid
