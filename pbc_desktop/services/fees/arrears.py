"""Who is in arrears (欠缴党费) and for how many months, and the reminders of branches
with members three months or more behind."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.fees import (
    REMIND_ARREARS_MONTHS,
    Arrears,
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
    Basis,
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


#: A member as :func:`_owing` reads them: id, name, organization id, name and town, the
#: member's and the organization's pinyin keys (domain/pinyin.py)
_Member = tuple[int, str, int, str, str | None, str, str]


def _owing(db: Database, until: date, town: str | None) -> list[tuple[_Member, Arrears]]:
    """Current members of the account's scope (and ``town``) with unpaid months up to and
    including the month ``until``, each with them (in no order).

    The members read as plain tuples, their bases and payments by the members' query (not
    by 30,000 ids, 900 a statement), the standards worked out once for all."""
    with db.read() as s:
        acc = access.of(db, s)
        where = [current_member(), acc.orgs(PartyMember.organization_id)]
        if town is not None:
            where.append(Organization.town == town)
        stmt = (
            select(
                PartyMember.id,
                PartyMember.name,
                Organization.id,
                Organization.name,
                Organization.town,
                PartyMember.name_sort,
                Organization.name_sort,
            )
            .join(Organization, Organization.id == PartyMember.organization_id)
            .where(*where)
        )
        members = cast(list[_Member], [tuple(row) for row in s.execute(stmt)])
        who = (
            select(PartyMember.id)
            .join(Organization, Organization.id == PartyMember.organization_id)
            .where(*where)
        )
        schedules = load_schedules(s)
        bases = load_bases(s, who)
        paid = load_paid(s, who, until)
    found = []
    known: Standards = {}  # the schedules stay alive meanwhile: their ids are not reused
    no_bases: list[Basis] = []
    no_payments: dict[date, int] = {}
    for member in members:
        member_id = member[0]
        owed = arrears(
            dues(schedules, bases.get(member_id, no_bases), until, known),
            paid.get(member_id, no_payments),
            until,
        )
        if owed.count:
            found.append((member, owed))
    return found


def arrears_list(db: Database, month: date, town: str | None = None) -> list[ArrearsRow]:
    """Current members of the account's scope (and ``town``) with unpaid months up to and
    including ``month``; by town, branch, then most months first."""
    town_key = functools.cache(sort_key)  # a district has a few dozen towns
    owing = _owing(db, month_of(month), town)
    owing.sort(key=lambda o: (town_key(o[0][4] or ""), o[0][6], -o[1].count, o[0][5]))
    return [
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
        for (member_id, name, org_id, org_name, org_town, _key, _org_key), owed in owing
    ]


def fee_reminders(db: Database, today: date) -> list[FeeReminder]:
    """Branches of the account's scope with members whose fees are unpaid for
    :data:`REMIND_ARREARS_MONTHS` months or more by the end of last month: those longest
    behind first, then by town and branch (the town's name as stored: the pinyin
    dictionaries, a fraction of a second to load holding the interpreter, are not needed
    to collect the reminders, which come in their own order)."""
    as_of = add_months(month_of(today), -1)
    branches: dict[int, tuple[_Member, list[int]]] = {}
    for member, owed in _owing(db, as_of, None):
        if owed.count >= REMIND_ARREARS_MONTHS:
            branches.setdefault(member[2], (member, []))[1].append(owed.count)
    reminders = [
        FeeReminder(org_id, member[3], member[4], len(months), max(months), as_of)
        for org_id, (member, months) in branches.items()
    ]
    order = {org_id: (member[4] or "", member[6]) for org_id, (member, _m) in branches.items()}
    reminders.sort(key=lambda r: (-r.longest_months, order[r.organization_id]))
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
