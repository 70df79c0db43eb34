"""The yearly summary of fees (党费收缴年度汇总) per branch and per town."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FeePayment, Organization, PartyMember
from pbc_desktop.domain.fees import month_of, months_between
from pbc_desktop.domain.money import yuan
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.services import access
from pbc_desktop.services.fees.common import (
    current_member,
    load_bases,
    load_schedules,
    require_branch,
    standard_at,
)


@dataclass(frozen=True)
class SummaryRow:
    """One branch (or, with ``organization_id`` None, a town's total) for the year."""

    organization_id: int | None
    name: str
    town: str | None
    members: int
    due: Decimal  # 应缴: its current members' standards over the year's months so far
    paid: Decimal  # 实缴: what the branch collected for the year's months
    back: Decimal  # of which 补缴 (paid in a later month)


def yearly_summary(
    db: Database, year: int, today: date, town: str | None = None
) -> list[SummaryRow]:
    """Each branch with members in the scope, then each town's total, in town order."""
    last = min(date(year, 12, 1), month_of(today))
    months = list(months_between(date(year, 1, 1), last)) if last.year == year else []
    with db.read() as s:
        acc = access.of(db, s)
        where = [acc.orgs(Organization.id)]
        if town is not None:
            where.append(Organization.town == town)
        members = s.execute(
            select(PartyMember.id, PartyMember.organization_id)
            .join(Organization, Organization.id == PartyMember.organization_id)
            .where(current_member(), *where)
        ).all()
        orgs = {
            org_id: (name, org_town)
            for org_id, name, org_town in s.execute(
                select(Organization.id, Organization.name, Organization.town).where(*where)
            )
        }
        schedules = load_schedules(s)
        bases = load_bases(s, [m[0] for m in members])
        paid_rows = s.execute(
            select(
                FeePayment.organization_id,
                FeePayment.fee_month < FeePayment.collected_in,
                func.sum(FeePayment.amount_cents),
            )
            .join(Organization, Organization.id == FeePayment.organization_id)
            .where(
                FeePayment.fee_month >= date(year, 1, 1),
                FeePayment.fee_month < date(year + 1, 1, 1),
                *where,
            )
            .group_by(FeePayment.organization_id, FeePayment.fee_month < FeePayment.collected_in)
        ).all()
    count: dict[int, int] = defaultdict(int)
    due: dict[int, int] = defaultdict(int)
    for member_id, org_id in members:
        count[org_id] += 1
        own = bases.get(member_id, [])
        due[org_id] += sum(standard_at(schedules, own, m) or 0 for m in months)
    paid: dict[int, int] = defaultdict(int)
    back: dict[int, int] = defaultdict(int)
    for org_id, late, total in paid_rows:
        paid[org_id] += int(total)
        if late:
            back[org_id] += int(total)
    shown = [o for o in orgs if count[o] or paid[o]]
    by_town: dict[str | None, list[int]] = defaultdict(list)
    for org_id in shown:
        by_town[orgs[org_id][1]].append(org_id)
    rows: list[SummaryRow] = []
    for town_name in sorted(by_town, key=lambda n: sort_key(n or "")):
        ids = sorted(by_town[town_name], key=lambda o: sort_key(orgs[o][0]))
        for org_id in ids:
            rows.append(
                SummaryRow(
                    org_id,
                    orgs[org_id][0],
                    town_name,
                    count[org_id],
                    yuan(due[org_id]),
                    yuan(paid[org_id]),
                    yuan(back[org_id]),
                )
            )
        rows.append(
            SummaryRow(
                None,
                town_name or "",
                town_name,
                sum(count[o] for o in ids),
                yuan(sum(due[o] for o in ids)),
                yuan(sum(paid[o] for o in ids)),
                yuan(sum(back[o] for o in ids)),
            )
        )
    return rows


def collected(db: Database, org_id: int, month: date) -> Decimal:
    """What the branch collected in ``month``'s collection (实缴, 补缴 and 预缴 alike): the
    sum a 党费补 income of a community's funds can point to."""
    with db.read() as s:
        acc = access.of(db, s)
        require_branch(s, acc, org_id)
        total = s.scalar(
            select(func.coalesce(func.sum(FeePayment.amount_cents), 0)).where(
                FeePayment.organization_id == org_id,
                FeePayment.collected_in == month_of(month),
            )
        )
    return yuan(int(total or 0))
