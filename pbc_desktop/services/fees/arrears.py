"""Who is in arrears (欠缴党费) and for how many months, and the reminders of branches
with members three months or more behind."""

from __future__ import annotations

import functools
from collections.abc import Iterator
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
from pbc_desktop.services.scope import chunks


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


#: Members whose dues and payments are read and worked out at a time: a district's 30,000
#: members with a year of payments, read at once, held some 100 MB while the reminders
#: (collected when the 概览 tab is first shown) needed only a line a branch.
BATCH = 2000

#: A row's place in the list: the town's, the branch's and the member's pinyin keys.
_Order = tuple[str, str, str]


def _arrears_rows(
    db: Database, until: date, town: str | None
) -> Iterator[tuple[ArrearsRow, _Order]]:
    """Each current member of the account's scope (and ``town``) with unpaid months up to
    and including ``until``, with its place in the list, :data:`BATCH` members at a time
    (in one read)."""
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
        schedules = load_schedules(s)
        town_key = functools.cache(sort_key)  # a district has a few dozen towns
        known: Standards = {}  # the schedules stay alive meanwhile: their ids are not reused
        for batch in chunks(members, BATCH):
            ids = [m[0] for m in batch]
            bases = load_bases(s, ids)
            paid = load_paid(s, ids, until)
            for member_id, name, org_id, org_name, org_town, name_sort, org_sort in batch:
                owed = arrears(
                    dues(schedules, bases.get(member_id, []), until, known),
                    paid.get(member_id, {}),
                    until,
                )
                if owed.count:
                    row = ArrearsRow(
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
                    yield row, (town_key(org_town or ""), org_sort, name_sort)


def _list_key(row: ArrearsRow, order: _Order) -> tuple[str, str, int, str]:
    """By town, branch, then most months first."""
    return (order[0], order[1], -row.months, order[2])


def arrears_list(db: Database, month: date, town: str | None = None) -> list[ArrearsRow]:
    """Current members of the account's scope (and ``town``) with unpaid months up to and
    including ``month``; by town, branch, then most months first."""
    found = list(_arrears_rows(db, month_of(month), town))
    found.sort(key=lambda found_row: _list_key(*found_row))
    return [row for row, _order in found]


def fee_reminders(db: Database, today: date) -> list[FeeReminder]:
    """Branches of the account's scope with members whose fees are unpaid for
    :data:`REMIND_ARREARS_MONTHS` months or more by the end of last month; the longest
    first, then in :func:`arrears_list`'s order (a branch where its first member behind
    stands). Only a line a branch is kept, not the list."""
    as_of = add_months(month_of(today), -1)
    branches: dict[int, _Branch] = {}
    for row, order in _arrears_rows(db, as_of, None):
        if row.months < REMIND_ARREARS_MONTHS:
            continue
        key = _list_key(row, order)
        branch = branches.get(row.organization_id)
        if branch is None:
            branches[row.organization_id] = _Branch(row, key)
        else:
            branch.add(row, key)
    reminders = [
        FeeReminder(
            org_id,
            b.first.organization_name,
            b.first.town,
            b.members,
            b.longest_months,
            as_of,
        )
        for org_id, b in branches.items()
    ]
    reminders.sort(key=lambda r: (-r.longest_months, branches[r.organization_id].key))
    return reminders


class _Branch:
    """A branch's members behind, as :func:`fee_reminders` counts them."""

    def __init__(self, row: ArrearsRow, key: tuple[str, str, int, str]) -> None:
        self.first = row
        self.key = key  # where the branch's first member behind stands in the list
        self.members = 1
        self.longest_months = row.months

    def add(self, row: ArrearsRow, key: tuple[str, str, int, str]) -> None:
        self.members += 1
        self.longest_months = max(self.longest_months, row.months)
        self.key = min(self.key, key)


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
