"""The fund ledger (经费) of a community: 上级拨、各方筹、党费补 in, spending by purpose out.

Amounts are whole fen (``amount_cents``). The balance is kept as of each day: the ledger
runs by date, a day's incomes before its expenses, so an expense dated back takes money
from that day on. Spending more than the balance of its day, or more than a later day's
(the running balance would fall below zero there), is refused with
:class:`OverBalanceError` unless the caller confirms it; such entries are stored with
``over_balance`` set so the ledger can mark them. An edit is held to the ledger as it was
with the entry unchanged: one that leaves no day's balance lower than it already was (only
the remark changed) is not asked, and a mark stays unless the amount or date changed.
Lowering, deleting or dating later an income whose money was spent already (the balance of
some day would fall below zero) needs confirmation too (:class:`IncomeSpentError`). The
ledger also marks every expense that leaves its running balance below zero (one confirmed
that way, or one stored before the balance was kept by day): a negative balance is never
shown unmarked.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Community,
    FundEntry,
    ListItem,
    Organization,
    ServiceList,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import FundDirection, FundSource, ListKind
from pbc_desktop.domain.money import MAX_CENTS, format_yuan
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.domain.validation import strip_or_none
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.scope import Choice, check_same_community, date_bounds, from_fields

PURPOSE_MAX = 200
HANDLER_MAX = 60  # the column's size: longer was an internal error on a server
REMARK_MAX = 2000


class OverBalanceError(UserError):
    """The expense is larger than the balance; repeat with ``confirm_over_balance=True``.
    ``on``: the day whose balance it exceeds, when not the current balance (a day before
    the ledger's last entry)."""

    def __init__(
        self,
        balance_cents: int,
        amount_cents: int,
        message: str | None = None,
        *,
        on: date | None = None,
    ) -> None:
        self.balance_cents = balance_cents
        self.amount_cents = amount_cents
        self.on = on
        spent = format_yuan(amount_cents)
        if message is None and on is not None:
            after = format_yuan(balance_cents - amount_cents)
            message = t(
                f"本次支出 {spent} 元记账后，{on.isoformat()} 的结余将为 {after} 元。"
                "确认仍要记账吗？该笔将标记为「超支」。",
                f"After this expense of {spent} yuan the balance on {on.isoformat()} will be "
                f"{after} yuan. Record it anyway? It will be marked as over the balance.",
            )
        super().__init__(
            message
            or t(
                f"本次支出 {spent} 元超过当前结余 "
                f"{format_yuan(balance_cents)} 元。确认仍要记账吗？该笔将标记为「超支」。",
                f"This expense of {spent} yuan exceeds the balance of "
                f"{format_yuan(balance_cents)} yuan. Record it anyway? "
                "It will be marked as over the balance.",
            )
        )


class IncomeSpentError(OverBalanceError):
    """Lowering, deleting or dating later an income would leave the balance below zero
    (its money was spent already); repeat with ``confirm_over_balance=True``.
    ``balance_cents``: the balance it would leave, on the day ``on`` (None: the current
    balance)."""

    def __init__(self, balance_cents: int, *, deleting: bool, on: date | None = None) -> None:
        shown = format_yuan(balance_cents)
        day_zh = f" {on.isoformat()} 的" if on is not None else ""
        day_en = f" on {on.isoformat()}" if on is not None else ""
        super().__init__(
            balance_cents,
            0,
            t(
                f"该笔收入已有支出，删除后{day_zh}结余将为 {shown} 元。确认仍要删除吗？",
                f"Money of this income has been spent: after deleting it the balance{day_en} "
                f"will be {shown} yuan. Delete it anyway?",
            )
            if deleting
            else t(
                f"该笔收入已有支出，修改后{day_zh}结余将为 {shown} 元。确认仍要保存吗？",
                f"Money of this income has been spent: after the change the balance{day_en} "
                f"will be {shown} yuan. Save it anyway?",
            ),
            on=on,
        )


# -- DTOs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FundInput:
    community_id: int
    direction: FundDirection
    entry_date: date
    amount_cents: int
    source: FundSource | None = None  # income: 上级拨款 / 各方筹集 / 党费补助
    purpose: str | None = None  # expense: what the money was spent on
    activity_id: int | None = None
    item_id: int | None = None
    handler: str | None = None
    remark: str | None = None
    #: the stored version (``get_entry``), handed back by the editor; None: not checked
    version: int | None = None
    #: 党费补 income: the branch whose fee collection of ``fee_month`` it came from (optional)
    fee_org_id: int | None = None
    fee_month: date | None = None


@dataclass(frozen=True, kw_only=True)
class LedgerRow(FundInput):
    """A stored entry (its fields as :func:`get_entry` gives them) as the ledger lists it."""

    id: int
    balance_cents: int  # running balance after this entry
    #: 超支: confirmed over the balance, or an expense that leaves the balance below zero
    over_balance: bool
    activity_title: str | None
    item_title: str | None
    #: 党费补 income: the name of the branch whose fee collection it came from
    fee_org_name: str | None = None

    @property
    def signed_cents(self) -> int:
        return self.amount_cents if self.direction == FundDirection.INCOME else -self.amount_cents


@dataclass(frozen=True)
class FundSummary:
    community_id: int
    year: int
    opening_cents: int
    income_by_source: dict[FundSource, int] = field(default_factory=dict)
    expense_by_purpose: dict[str, int] = field(default_factory=dict)

    @property
    def income_cents(self) -> int:
        return sum(self.income_by_source.values())

    @property
    def expense_cents(self) -> int:
        return sum(self.expense_by_purpose.values())

    @property
    def closing_cents(self) -> int:
        return self.opening_cents + self.income_cents - self.expense_cents


# -- reading ---------------------------------------------------------------------------------
_SIGNED = case(
    (FundEntry.direction == FundDirection.INCOME, FundEntry.amount_cents),
    else_=-FundEntry.amount_cents,
)


def _balance(s: Session, community_id: int) -> int:
    stmt = select(func.coalesce(func.sum(_SIGNED), 0)).where(FundEntry.community_id == community_id)
    return int(s.scalar(stmt) or 0)


#: Within a day, incomes come before expenses: the balance is kept as of each day, so a
#: day's income pays for that day's spending whichever was typed first.
_DAY_ORDER = case((FundEntry.direction == FundDirection.INCOME, 0), else_=1)

#: An entry's place in the ledger: its date, income (0) before expense (1), then its id
#: (a new entry: after its day's others of its kind).
_Place = tuple[date, int, int]
_NEW = sys.maxsize


def _place(on: date, direction: FundDirection, entry_id: int | None) -> _Place:
    return (
        on,
        0 if direction == FundDirection.INCOME else 1,
        _NEW if entry_id is None else entry_id,
    )


def _timeline(
    s: Session, community_id: int, *, excluding: int | None = None
) -> list[tuple[_Place, int]]:
    """The community's entries (but ``excluding``) as their places and signed amounts."""
    stmt = select(FundEntry.entry_date, FundEntry.direction, FundEntry.id, _SIGNED).where(
        FundEntry.community_id == community_id
    )
    if excluding is not None:
        stmt = stmt.where(FundEntry.id != excluding)
    return [
        (_place(on, direction, entry_id), int(signed))
        for on, direction, entry_id, signed in s.execute(stmt)
    ]


@dataclass(frozen=True)
class _Shortfall:
    """The first place where a change leaves the running balance below zero."""

    on: date
    before_cents: int  # the running balance there without the change
    after_cents: int  # with it: below zero, and lower than before
    latest: bool  # no entry comes after it: the balance is the current balance


def _shortfall(
    before: list[tuple[_Place, int]], after: list[tuple[_Place, int]]
) -> _Shortfall | None:
    """Where the ledger ``after`` a change first runs below zero and below the ledger
    ``before`` it at the same place (each day counts, not only the final balance)."""
    was = dict(before)
    becomes = dict(after)
    last = max(becomes) if becomes else None
    run_before = run_after = 0
    for place in sorted(was.keys() | becomes.keys()):
        run_before += was.get(place, 0)
        run_after += becomes.get(place, 0)
        if run_after < 0 and run_after < run_before:
            latest = last is None or place >= last
            return _Shortfall(place[0], run_before, run_after, latest)
    return None


def balance(db: Database, community_id: int) -> int:
    """The community's balance in fen: all income minus all spending."""
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return _balance(s, community_id)


def ledger(db: Database, community_id: int, year: int | None = None) -> list[LedgerRow]:
    """Entries by date (a day's incomes before its expenses) with the running balance
    (carried over from earlier years)."""
    stmt = (
        select(FundEntry, Activity.title, ListItem.title, Organization.name)
        .outerjoin(Activity, Activity.id == FundEntry.activity_id)
        .outerjoin(ListItem, ListItem.id == FundEntry.item_id)
        .outerjoin(Organization, Organization.id == FundEntry.fee_org_id)
        .where(FundEntry.community_id == community_id)
        .order_by(FundEntry.entry_date, _DAY_ORDER, FundEntry.id)
    )
    rows: list[LedgerRow] = []
    running = 0
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        for entry, activity_title, item_title, fee_org_name in s.execute(stmt):
            signed = (
                entry.amount_cents
                if entry.direction == FundDirection.INCOME
                else -entry.amount_cents
            )
            running += signed
            if year is not None and entry.entry_date.year != year:
                continue
            spent_beyond = entry.direction == FundDirection.EXPENSE and running < 0
            rows.append(
                from_fields(
                    LedgerRow,
                    entry,
                    balance_cents=running,
                    over_balance=entry.over_balance or spent_beyond,
                    activity_title=activity_title,
                    item_title=item_title,
                    fee_org_name=fee_org_name,
                )
            )
    return rows


def yearly_summary(db: Database, community_id: int, year: int) -> FundSummary:
    """Income per source and spending per purpose in ``year``, with opening balance."""
    start, end = date_bounds(year)
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        opening = s.scalar(
            select(func.coalesce(func.sum(_SIGNED), 0)).where(
                FundEntry.community_id == community_id, FundEntry.entry_date < start
            )
        )
        stmt = (
            select(
                FundEntry.direction,
                FundEntry.source,
                FundEntry.purpose,
                func.sum(FundEntry.amount_cents),
            )
            .where(
                FundEntry.community_id == community_id,
                FundEntry.entry_date >= start,
                FundEntry.entry_date < end,
            )
            .group_by(FundEntry.direction, FundEntry.source, FundEntry.purpose)
        )
        income: dict[FundSource, int] = defaultdict(int)
        spending: dict[str, int] = defaultdict(int)
        for direction, source, purpose, total in s.execute(stmt):
            if direction == FundDirection.INCOME and source is not None:
                income[source] += int(total)
            elif direction == FundDirection.EXPENSE:
                spending[purpose or t("其他", "Other")] += int(total)
    order = list(FundSource)
    return FundSummary(
        community_id=community_id,
        year=year,
        opening_cents=int(opening or 0),
        income_by_source={k: income[k] for k in sorted(income, key=order.index)},
        expense_by_purpose=dict(sorted(spending.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def fund_years(db: Database, community_id: int) -> list[int]:
    """Years with entries, newest first."""
    stmt = select(FundEntry.entry_date).where(FundEntry.community_id == community_id)
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return sorted({d.year for d in s.scalars(stmt)}, reverse=True)


def get_entry(db: Database, entry_id: int) -> FundInput:
    with db.read() as s:
        e = _load(s, entry_id, access.of(db, s))
        return from_fields(FundInput, e)


def activity_choices(db: Database, community_id: int, limit: int = 300) -> list[Choice]:
    """The community's activities, newest first, for linking an entry."""
    stmt = (
        select(Activity.id, Activity.title, Activity.starts_at)
        .where(Activity.community_id == community_id)
        .order_by(Activity.starts_at.desc(), Activity.id.desc())
        .limit(limit)
    )
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return [Choice(r.id, f"{r.starts_at:%Y-%m-%d} {r.title}") for r in s.execute(stmt)]


def project_choices(db: Database, community_id: int) -> list[Choice]:
    """The community's project items, for linking an entry."""
    stmt = (
        select(ListItem.id, ListItem.title, ServiceList.year)
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(ServiceList.community_id == community_id, ServiceList.kind == ListKind.PROJECT)
        .order_by(ServiceList.year.desc(), ListItem.seq, ListItem.id)
    )
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return [Choice(r.id, with_note(r.title, r.year)) for r in s.execute(stmt)]


# -- writing ---------------------------------------------------------------------------------
def _load(s: Session, entry_id: int, acc: access.Access, *, change: bool = False) -> FundEntry:
    """The entry, if the account sees its community (and, to ``change`` it, takes part)."""
    entry = s.get(FundEntry, entry_id)
    if entry is not None and change:
        acc.require(Permission.WRITE)
    if entry is None or not acc.sees_community(s, entry.community_id):
        raise NotFoundError(
            t("该经费记录已不存在（可能已被删除）。", "The fund entry no longer exists.")
        )
    if change:
        acc.check_community_writable(s, entry.community_id)
    return entry


def _validate(
    s: Session, data: FundInput, acc: access.Access, stored: FundEntry | None = None
) -> None:
    """Every refused field at once. A community the account does not see reads as one
    that does not exist. The branch whose dues came in is one of the account's own (the
    choices offered); another reads as not chosen, unless ``stored`` has it."""
    errors = FieldErrors()
    err = errors.add

    if s.get(Community, data.community_id) is None or not acc.sees_community(s, data.community_id):
        err("community", "所选党建共同体已不存在", "The chosen community no longer exists")
    if data.amount_cents <= 0:
        err("amount", "金额必须大于零", "The amount must be greater than zero")
    elif data.amount_cents > MAX_CENTS:
        err("amount", "金额过大，请核对", "The amount is too large; please check it")
    errors.not_future("entry_date", data.entry_date, ("日期", "date"), date.today())
    if data.direction == FundDirection.INCOME and data.source is None:
        err("source", "请选择经费来源", "Choose where the money comes from")
    purpose = strip_or_none(data.purpose)
    if data.direction == FundDirection.EXPENSE and not purpose:
        err("purpose", "请填写支出用途", "Enter what the money was spent on")
    # each no longer than its column, on one line (the remark: lines), no control marks
    errors.text("purpose", data.purpose, ("用途", "purpose"), max_len=PURPOSE_MAX)
    errors.text("handler", data.handler, ("经手人", "handler"), max_len=HANDLER_MAX)
    errors.text("remark", data.remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True)
    if data.activity_id is not None:
        owner = s.scalar(select(Activity.community_id).where(Activity.id == data.activity_id))
        if owner != data.community_id:
            err(
                "activity",
                "关联的活动必须属于本共同体",
                "The linked activity must belong to this community",
            )
    if data.item_id is not None:
        owner = s.scalar(
            select(ServiceList.community_id)
            .join(ListItem, ListItem.list_id == ServiceList.id)
            .where(ListItem.id == data.item_id)
        )
        if owner != data.community_id:
            err(
                "item",
                "关联的项目必须属于本共同体",
                "The linked project must belong to this community",
            )
    if data.fee_org_id is not None or data.fee_month is not None:
        if data.direction != FundDirection.INCOME or data.source != FundSource.PARTY_DUES:
            err(
                "fee_org",
                "只有「党费补助」收入才能注明来自哪个支部的党费",
                "Only Party-dues income can name the branch's fee collection",
            )
        elif (
            data.fee_org_id is None
            or s.get(Organization, data.fee_org_id) is None
            or not (
                acc.sees_org(data.fee_org_id)
                or (stored is not None and stored.fee_org_id == data.fee_org_id)
            )
        ):
            err("fee_org", "请选择党费来自的党支部", "Choose the branch the fees came from")
        elif data.fee_month is None:
            err("fee_month", "请填写党费所属月份", "Enter the month of the fee collection")
    errors.raise_any()


def _apply(entry: FundEntry, data: FundInput, over: bool) -> None:
    entry.community_id = data.community_id
    entry.direction = data.direction
    entry.entry_date = data.entry_date
    entry.amount_cents = data.amount_cents
    income = data.direction == FundDirection.INCOME
    entry.source = data.source if income else None
    entry.purpose = strip_or_none(data.purpose)
    entry.activity_id = data.activity_id
    entry.item_id = data.item_id
    from_fees = income and data.source == FundSource.PARTY_DUES
    entry.fee_org_id = data.fee_org_id if from_fees else None
    entry.fee_month = data.fee_month.replace(day=1) if from_fees and data.fee_month else None
    entry.handler = strip_or_none(data.handler)
    entry.remark = strip_or_none(data.remark)
    entry.over_balance = over


def _over_balance(
    s: Session, data: FundInput, stored: FundEntry | None, *, confirm_over_balance: bool
) -> bool:
    """True when the expense goes beyond the balance of its day or of a later day (and the
    caller confirmed it). ``stored``: the entry it replaces, as it is stored (None: a new
    one). An edit is compared with the ledger holding ``stored`` as it was: one that leaves
    no day's balance lower than it already was (a remark changed, while a later expense
    took the balance below zero) is not asked, and keeps the entry's mark unless its
    amount or date changed."""
    if data.direction != FundDirection.EXPENSE:
        return False
    entry_id = None if stored is None else stored.id
    others = _timeline(s, data.community_id, excluding=entry_id)
    before = others
    if stored is not None:
        was = _place(stored.entry_date, stored.direction, stored.id)
        signed = stored.amount_cents
        before = [*others, (was, signed if stored.direction == FundDirection.INCOME else -signed)]
    place = _place(data.entry_date, data.direction, entry_id)
    short = _shortfall(before, [*others, (place, -data.amount_cents)])
    if short is None:
        return (
            stored is not None
            and stored.over_balance
            and stored.direction == data.direction
            and stored.amount_cents == data.amount_cents
            and stored.entry_date == data.entry_date
        )
    if not confirm_over_balance:
        # the balance there without this expense (what it is held to)
        raise OverBalanceError(
            short.after_cents + data.amount_cents,
            data.amount_cents,
            on=None if short.latest else short.on,
        )
    return True


def _check_income_spent(
    s: Session,
    entry: FundEntry,
    data: FundInput | None,
    *,
    confirm_over_balance: bool,
) -> None:
    """An income lowered, dated later, turned into an expense or deleted (``data`` None)
    that leaves the community's balance of some day below zero, and lower than it was,
    needs confirmation."""
    if entry.direction != FundDirection.INCOME:
        return
    if data is not None and data.direction == FundDirection.EXPENSE:
        return  # an expense now: :func:`_over_balance` asks
    others = _timeline(s, entry.community_id, excluding=entry.id)
    before = [*others, (_place(entry.entry_date, entry.direction, entry.id), entry.amount_cents)]
    after = (
        others
        if data is None
        else [*others, (_place(data.entry_date, data.direction, entry.id), data.amount_cents)]
    )
    short = _shortfall(before, after)
    if short is not None and not confirm_over_balance:
        raise IncomeSpentError(
            short.after_cents, deleting=data is None, on=None if short.latest else short.on
        )


def _summary(entry: FundEntry, verb_zh: str, verb_en: str) -> str:
    what_zh = entry.source.zh if entry.source else (entry.purpose or "")
    what_en = entry.source.en if entry.source else (entry.purpose or "")
    return t(
        f"{verb_zh}经费{entry.direction.zh}：{what_zh} {format_yuan(entry.amount_cents)}元",
        f"{verb_en} fund {entry.direction.en.lower()}: {what_en} "
        f"{format_yuan(entry.amount_cents)} yuan",
    )


def add_entry(db: Database, data: FundInput, *, confirm_over_balance: bool = False) -> int:
    """Record income or an expense; an expense beyond the balance needs confirmation."""
    with db.write() as s:
        acc = access.of(db, s)
        acc.require(Permission.WRITE)
        _validate(s, data, acc)
        acc.check_community_writable(s, data.community_id)
        over = _over_balance(s, data, None, confirm_over_balance=confirm_over_balance)
        entry = FundEntry()
        _apply(entry, data, over)
        s.add(entry)
        s.flush()
        audit.created(s, entry, _summary(entry, "记录", "Recorded"))
        return entry.id


def update_entry(
    db: Database, entry_id: int, data: FundInput, *, confirm_over_balance: bool = False
) -> None:
    with db.write() as s:
        acc = access.of(db, s)
        entry = _load(s, entry_id, acc, change=True)
        versions.check(s, entry, data.version)
        check_same_community(entry.community_id, data.community_id, ("经费记录", "An entry"))
        _validate(s, data, acc, entry)
        _check_income_spent(s, entry, data, confirm_over_balance=confirm_over_balance)
        over = _over_balance(s, data, entry, confirm_over_balance=confirm_over_balance)
        before: dict[str, Any] = audit.snapshot(entry)
        _apply(entry, data, over)
        audit.updated(s, entry, _summary(entry, "修改", "Updated"), before)


def delete_entry(db: Database, entry_id: int, *, confirm_over_balance: bool = False) -> None:
    """Delete an entry; an income whose money was spent already needs confirmation."""
    with db.write() as s:
        entry = _load(s, entry_id, access.of(db, s), change=True)
        _check_income_spent(s, entry, None, confirm_over_balance=confirm_over_balance)
        audit.deleted(s, entry, _summary(entry, "删除", "Deleted"))
        s.delete(entry)
