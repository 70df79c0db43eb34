"""Who is in arrears (欠缴党费) and for how many months, and the reminders of branches
with members three months or more behind."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.fees import (
    REMIND_ARREARS_MONTHS,
    add_months,
    arrears,
    month_of,
)
from pbc_desktop.domain.money import yuan
from pbc_desktop.domain.pinyin import sort_key
from pbc_desktop.domain.reminders import Reminder, ReminderArea
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.fees.common import (
    Standards,
    current_member,
    dues,
    load_bases,
    load_paid,
    load_schedules,
)


@dataclass(frozen=True)
class ArrearsRow:
    member_id: int
    name: str
    organization_id: int
    organization_name: str
    town: str | None
    months: int  # unpaid months up to the month asked about
    consecutive: int  # of which running up to it (连续欠缴)
    first_month: date  # the oldest unpaid month
    owed: Decimal


@dataclass(frozen=True)
class FeeReminder:
    """A branch with members behind with their fees by :data:`REMIND_ARREARS_MONTHS` or more."""

    organization_id: int
    organization_name: str
    town: str | None
    members: int
    longest_months: int
    as_of: date


def arrears_list(db: Database, month: date, town: str | None = None) -> list[ArrearsRow]:
    """Current members of the account's scope (and ``town``) with unpaid months up to and
    including ``month``; by town, branch, then most months first."""
    until = month_of(month)
    with db.read() as s:
        acc = access.of(db, s)
        stmt = (
            select(
                PartyMember.id,
                PartyMember.name,
                Organization.id,
                Organization.name,
                Organization.town,
                PartyMember.name_sort,  # the pinyin keys stored (domain/pinyin.py)
                Organization.name_sort,
            )
            .join(Organization, Organization.id == PartyMember.organization_id)
            .where(current_member(), acc.orgs(PartyMember.organization_id))
        )
        if town is not None:
            stmt = stmt.where(Organization.town == town)
        members = s.execute(stmt).all()
        ids = [m[0] for m in members]
        schedules = load_schedules(s)
        bases = load_bases(s, ids)
        paid = load_paid(s, ids, until)
    rows = []
    order: dict[int, tuple[str, str, str]] = {}  # member → town, organization, name keys
    town_key = functools.cache(sort_key)  # a district has a few dozen towns
    known: Standards = {}  # the schedules stay alive meanwhile: their ids are not reused
    for member_id, name, org_id, org_name, org_town, name_sort, org_sort in members:
        owed = arrears(
            dues(schedules, bases.get(member_id, []), until, known),
            paid.get(member_id, {}),
            until,
        )
        if owed.count:
            rows.append(
                ArrearsRow(
                    member_id,
                    name,
                    org_id,
                    org_name,
                    org_town,
                    owed.count,
                    owed.consecutive,
                    owed.months[0],
                    yuan(owed.owed_cents),
                )
            )
            order[member_id] = (town_key(org_town or ""), org_sort, name_sort)
    rows.sort(
        key=lambda r: (
            order[r.member_id][:2],
            -r.months,
            order[r.member_id][2],
        )
    )
    return rows


def fee_reminders(db: Database, today: date) -> list[FeeReminder]:
    """Branches of the account's scope with members whose fees are unpaid for
    :data:`REMIND_ARREARS_MONTHS` months or more by the end of last month."""
    as_of = add_months(month_of(today), -1)
    by_branch: dict[int, list[ArrearsRow]] = defaultdict(list)
    for row in arrears_list(db, as_of):
        if row.months >= REMIND_ARREARS_MONTHS:
            by_branch[row.organization_id].append(row)
    reminders = [
        FeeReminder(
            org_id,
            rows[0].organization_name,
            rows[0].town,
            len(rows),
            max(r.months for r in rows),
            as_of,
        )
        for org_id, rows in by_branch.items()
    ]
    # by_branch is in the list's order: by town, then by the branch's pinyin
    position = {org_id: i for i, org_id in enumerate(by_branch)}
    reminders.sort(key=lambda r: (-r.longest_months, position[r.organization_id]))
    return reminders


def fee_reminder_items(db: Database, today: date) -> list[Reminder]:
    """:func:`fee_reminders` for the unified reminders list (area 党费): one line a branch,
    overdue since the end of the month it is as of."""
    found = []
    for r in fee_reminders(db, today):
        due = add_months(r.as_of, 1) - timedelta(days=1)  # the month's last day
        found.append(
            Reminder(
                ReminderArea.FEES,
                r.organization_name,
                (r.town,) if r.town else (),
                t(
                    f"党费：{r.members}人欠缴，最长{r.longest_months}个月",
                    f"Party dues: {r.members} behind, up to {r.longest_months} months",
                ),
                due,
                max((today - due).days, 1),
                "fees",
                (("organization_id", r.organization_id), ("month", r.as_of)),
            )
        )
    return found


def paid_through(s: Session, member_id: int) -> date | None:
    """The month up to which the member's dues are paid (the 介绍信's 党费已交到): every
    month with a standard up to it paid in full, and it paid too. None when the office
    keeps no fee records for the member, or the first month due is not paid in full: the
    line is then filled in by hand."""
    paid = load_paid(s, [member_id]).get(member_id, {})
    if not paid:
        return None
    last = max(paid)
    due = dues(load_schedules(s), load_bases(s, [member_id]).get(member_id, []), last)
    owed = arrears(due, paid, last)
    if not owed.count:
        return last
    through = add_months(owed.months[0], -1)
    return through if due and through >= min(due) else None
