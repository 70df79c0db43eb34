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
from pbc_desktop.services.fees.collection import has_change, listed_in
from pbc_desktop.services.fees.common import (
    current_member,
    load_bases,
    load_schedules,
    require_branch,
    standard_at,
)
from pbc_desktop.services.member_changes.roll import organization_at


@dataclass(frozen=True)
class SummaryRow:
    """One branch (or, with ``organization_id`` None, a town's total) for the year."""

    organization_id: int | None
    name: str
    town: str | None
    members: int  # on its sheet of the year's last month so far
    #: 应缴: the standards of the year's months so far, each month of the members on the
    #: branch's sheet of that month (``collection.on_sheet``), so it is their sum
    due: Decimal
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
        # each month's members by that month's sheets (a member transferred or dead
        # mid-year owes each branch the months they were on its roll), not the roll now;
        # those without a change (most) are on their own branch's every month: read once
        steady = [
            (member_id, org_id)
            for member_id, org_id in s.execute(
                select(PartyMember.id, PartyMember.organization_id)
                .join(Organization, Organization.id == PartyMember.organization_id)
                .where(current_member(), ~has_change(), *where)
            )
        ]
        on_sheets: list[tuple[date, list[tuple[int, int]]]] = []
        for month in months:
            branch = organization_at(month)  # sheet_branch, of a member with a change
            found = s.execute(
                select(PartyMember.id, branch)
                .join(Organization, Organization.id == branch)
                .where(has_change(), listed_in(month), *where)
            ).all()
            on_sheets.append((month, [*steady, *((m, org_id) for m, org_id in found)]))
        orgs = {
            org_id: (name, org_town)
            for org_id, name, org_town in s.execute(
                select(Organization.id, Organization.name, Organization.town).where(*where)
            )
        }
        schedules = load_schedules(s)
        bases = load_bases(s, {m for _month, listed in on_sheets for m, _org in listed})
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
    for month, listed in on_sheets:
        for member_id, org_id in listed:
            due[org_id] += standard_at(schedules, bases.get(member_id, []), month) or 0
    for _member_id, org_id in on_sheets[-1][1] if on_sheets else []:
        count[org_id] += 1  # on the sheet of the year's last month so far
    paid: dict[int, int] = defaultdict(int)
    back: dict[int, int] = defaultdict(int)
    for org_id, late, total in paid_rows:
        paid[org_id] += int(total)
        if late:
            back[org_id] += int(total)
    shown = [o for o in orgs if count[o] or due[o] or paid[o]]
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
