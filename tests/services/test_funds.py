"""The fund ledger: balance, over-balance confirmation, yearly summary, audited edits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, FundEntry
from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import funds
from pbc_desktop.services.lists import editing
from tests.factories import make_activity
from tests.list_factories import Setup, setup_community

IN = FundDirection.INCOME
OUT = FundDirection.EXPENSE


@pytest.fixture
def setup(db: Database) -> Setup:
    return setup_community(db)


def income(setup: Setup, cents: int, source: FundSource, on: date) -> funds.FundInput:
    return funds.FundInput(setup.community_id, IN, on, cents, source=source)


def expense(setup: Setup, cents: int, purpose: str, on: date, **kw: object) -> funds.FundInput:
    return funds.FundInput(setup.community_id, OUT, on, cents, purpose=purpose, **kw)  # type: ignore[arg-type]


def test_balance_and_running_balance(db: Database, setup: Setup) -> None:
    funds.add_entry(db, income(setup, 500_000, FundSource.HIGHER_LEVEL, date(2025, 3, 1)))
    funds.add_entry(db, expense(setup, 120_050, "购买宣传资料", date(2025, 3, 5)))
    funds.add_entry(db, income(setup, 30_000, FundSource.PARTY_DUES, date(2025, 2, 1)))
    assert funds.balance(db, setup.community_id) == 409_950
    rows = funds.ledger(db, setup.community_id)
    assert [r.entry_date for r in rows] == [date(2025, 2, 1), date(2025, 3, 1), date(2025, 3, 5)]
    assert [r.balance_cents for r in rows] == [30_000, 530_000, 409_950]
    assert [r.signed_cents for r in rows] == [30_000, 500_000, -120_050]


def test_over_balance_needs_confirmation_and_is_marked(db: Database, setup: Setup) -> None:
    funds.add_entry(db, income(setup, 10_000, FundSource.RAISED, date(2025, 1, 5)))
    with pytest.raises(funds.OverBalanceError) as info:
        funds.add_entry(db, expense(setup, 10_001, "慰问困难党员", date(2025, 1, 6)))
    assert (info.value.balance_cents, info.value.amount_cents) == (10_000, 10_001)
    assert "100.00" in info.value.message
    assert funds.ledger(db, setup.community_id)[-1].direction == IN  # nothing stored
    exact = funds.add_entry(db, expense(setup, 10_000, "刚好用完", date(2025, 1, 6)))
    over = funds.add_entry(
        db, expense(setup, 5_000, "慰问困难党员", date(2025, 1, 7)), confirm_over_balance=True
    )
    rows = {r.id: r for r in funds.ledger(db, setup.community_id)}
    assert rows[exact].over_balance is False
    assert rows[over].over_balance is True
    assert rows[over].balance_cents == -5_000
    # Editing an expense counts the balance without the entry itself.
    funds.update_entry(db, exact, expense(setup, 5_000, "刚好用完", date(2025, 1, 6)))
    with pytest.raises(funds.OverBalanceError):
        funds.update_entry(db, exact, expense(setup, 10_001, "刚好用完", date(2025, 1, 6)))


def test_an_edit_that_lowers_no_day_s_balance_is_not_asked(db: Database, setup: Setup) -> None:
    """A later expense took the balance below zero: editing the remark of an earlier one,
    within the balance, asked the over-balance question (counted against the ledger
    without the entry) and marked it 超支 once confirmed."""
    funds.add_entry(db, income(setup, 10_000, FundSource.RAISED, date(2025, 1, 5)))
    within = funds.add_entry(db, expense(setup, 6_000, "宣传", date(2025, 1, 6)))
    over = funds.add_entry(
        db, expense(setup, 5_000, "慰问", date(2025, 1, 7)), confirm_over_balance=True
    )
    funds.update_entry(db, within, replace(funds.get_entry(db, within), remark="改了备注"))
    funds.update_entry(
        db, within, replace(funds.get_entry(db, within), handler="张三"), confirm_over_balance=True
    )
    rows = {r.id: r for r in funds.ledger(db, setup.community_id)}
    assert (rows[within].remark, rows[within].over_balance) == ("改了备注", False)
    with db.read() as s:
        assert s.get(FundEntry, within).over_balance is False  # type: ignore[union-attr]
    # the marked entry keeps its mark when only its remark changes ...
    funds.update_entry(db, over, replace(funds.get_entry(db, over), remark="已报批"))
    with db.read() as s:
        assert s.get(FundEntry, over).over_balance is True  # type: ignore[union-attr]
    # ... and an edit that does take a day's balance lower is still asked
    with pytest.raises(funds.OverBalanceError, match=r"2025-01-06 的结余将为 -0\.01 元"):
        funds.update_entry(db, within, replace(funds.get_entry(db, within), amount_cents=10_001))
    with pytest.raises(funds.OverBalanceError, match=r"超过当前结余 40\.00 元"):
        funds.update_entry(db, over, replace(funds.get_entry(db, over), amount_cents=5_001))


def test_an_income_already_spent_is_lowered_or_deleted_only_when_confirmed(
    db: Database, setup: Setup
) -> None:
    """The balance never falls below zero unsaid: not by spending, nor by taking away the
    income the money was spent from."""
    came = funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2025, 1, 5)))
    funds.add_entry(db, income(setup, 10_000, FundSource.RAISED, date(2025, 1, 6)))
    funds.add_entry(db, expense(setup, 80_000, "慰问困难党员", date(2025, 1, 10)))
    with pytest.raises(funds.IncomeSpentError, match=r"删除后结余将为 -700\.00 元") as info:
        funds.delete_entry(db, came)
    assert info.value.balance_cents == -70_000
    stored = funds.get_entry(db, came)
    lowered = funds.FundInput(
        setup.community_id, IN, date(2025, 1, 5), 1, FundSource.HIGHER_LEVEL, version=stored.version
    )
    with pytest.raises(funds.IncomeSpentError, match=r"修改后结余将为 -699\.99 元"):
        funds.update_entry(db, came, lowered)
    with pytest.raises(funds.OverBalanceError):  # turned into an expense: asked as one
        funds.update_entry(db, came, expense(setup, 100_000, "改成支出", date(2025, 1, 5)))
    assert funds.balance(db, setup.community_id) == 30_000  # nothing changed
    funds.update_entry(db, came, replace(lowered, amount_cents=70_000))  # still 0 left: asked not
    assert funds.balance(db, setup.community_id) == 0
    funds.delete_entry(db, came, confirm_over_balance=True)
    assert funds.balance(db, setup.community_id) == -70_000


def test_an_expense_dated_back_is_held_to_the_balance_of_its_day(
    db: Database, setup: Setup
) -> None:
    """The ledger runs by date: an expense dated before the income it would be paid from
    left a negative running balance unmarked (only the final balance was asked)."""
    funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2025, 3, 1)))
    early = expense(setup, 30_000, "慰问困难党员", date(2025, 2, 1))
    with pytest.raises(funds.OverBalanceError) as info:
        funds.add_entry(db, early)
    assert info.value.message == (
        "本次支出 300.00 元记账后，2025-02-01 的结余将为 -300.00 元。"
        "确认仍要记账吗？该笔将标记为「超支」。"
    )
    assert (info.value.balance_cents, info.value.on) == (0, date(2025, 2, 1))
    assert len(funds.ledger(db, setup.community_id)) == 1  # nothing stored
    spent = funds.add_entry(db, early, confirm_over_balance=True)
    first = funds.ledger(db, setup.community_id)[0]
    assert (first.id, first.balance_cents, first.over_balance) == (spent, -30_000, True)
    # Enough on its own day, but a later day's expense would be left without the money:
    funds.add_entry(db, expense(setup, 60_000, "培训", date(2025, 5, 1)))  # 100.00 left
    funds.add_entry(db, income(setup, 50_000, FundSource.RAISED, date(2025, 7, 1)))
    with pytest.raises(funds.OverBalanceError, match=r"2025-05-01 的结余将为 -100\.00 元"):
        funds.add_entry(db, expense(setup, 20_000, "宣传", date(2025, 4, 1)))
    # Moving an expense earlier is asked the same way.
    late = funds.add_entry(db, expense(setup, 10_000, "宣传", date(2025, 6, 1)))
    with pytest.raises(funds.OverBalanceError, match=r"2025-01-15 的结余将为 -100\.00 元"):
        funds.update_entry(db, late, expense(setup, 10_000, "宣传", date(2025, 1, 15)))


def test_an_income_dated_later_or_deleted_is_asked_for_the_day_it_leaves_short(
    db: Database, setup: Setup
) -> None:
    """The final balance stays above zero, but the money of an earlier day's expense would
    be gone: asked, naming the day."""
    came = funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2025, 1, 5)))
    funds.add_entry(db, expense(setup, 80_000, "慰问困难党员", date(2025, 2, 1)))
    funds.add_entry(db, income(setup, 200_000, FundSource.RAISED, date(2025, 6, 1)))
    stored = funds.get_entry(db, came)
    moved = replace(stored, entry_date=date(2025, 3, 1))
    with pytest.raises(funds.IncomeSpentError) as info:
        funds.update_entry(db, came, moved)
    assert info.value.message == (
        "该笔收入已有支出，修改后 2025-02-01 的结余将为 -800.00 元。确认仍要保存吗？"
    )
    assert (info.value.balance_cents, info.value.on) == (-80_000, date(2025, 2, 1))
    with pytest.raises(funds.IncomeSpentError, match=r"删除后 2025-02-01 的结余将为 -800\.00 元"):
        funds.delete_entry(db, came)
    with pytest.raises(funds.IncomeSpentError, match=r"2025-02-01 的结余将为 -300\.00 元"):
        funds.update_entry(db, came, replace(stored, amount_cents=50_000))
    assert funds.balance(db, setup.community_id) == 220_000  # nothing changed
    funds.update_entry(db, came, replace(stored, entry_date=date(2025, 1, 31)))  # still before
    funds.update_entry(db, came, replace(moved, version=None), confirm_over_balance=True)
    rows = funds.ledger(db, setup.community_id)
    assert [(r.balance_cents, r.over_balance) for r in rows] == [
        (-80_000, True),  # marked, though confirmed on the income
        (20_000, False),
        (220_000, False),
    ]


def test_rows_stored_below_zero_are_marked(db: Database, setup: Setup) -> None:
    """A database may already hold an expense dated before its income (stored before the
    balance was kept by day, or received from another office): it still reads, marked."""
    with db.write() as s:
        for on, direction, cents in (
            (date(2024, 12, 1), OUT, 5_000),
            (date(2025, 1, 1), IN, 10_000),
            (date(2025, 1, 2), OUT, 2_000),
        ):
            s.add(
                FundEntry(
                    community_id=setup.community_id,
                    entry_date=on,
                    direction=direction,
                    source=FundSource.RAISED if direction == IN else None,
                    purpose=None if direction == IN else "旧账",
                    amount_cents=cents,
                    over_balance=False,
                )
            )
    rows = funds.ledger(db, setup.community_id)
    assert [(r.balance_cents, r.over_balance) for r in rows] == [
        (-5_000, True),
        (5_000, False),
        (3_000, False),
    ]
    earlier = funds.ledger(db, setup.community_id, 2024)  # a year alone: marked the same
    assert [(r.balance_cents, r.over_balance) for r in earlier] == [(-5_000, True)]


def test_a_day_s_income_counts_before_its_expenses(db: Database, setup: Setup) -> None:
    """The balance is kept as of each day: an income of the same day as an expense pays
    for it whichever was typed first. Ordered by id, an expense typed before its day's
    income read as spent beyond the balance (marked 超支, a negative balance shown), and
    lowering an earlier income asked about a day that still ends above zero."""
    came = funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2025, 3, 1)))
    spent = funds.add_entry(db, expense(setup, 80_000, "慰问困难党员", date(2025, 3, 10)))
    funds.add_entry(db, income(setup, 50_000, FundSource.RAISED, date(2025, 3, 10)))
    # 1,000 - 800 + 500 on 3-10: lowered to 400, the day still ends at 100.00
    funds.update_entry(db, came, replace(funds.get_entry(db, came), amount_cents=40_000))
    rows = funds.ledger(db, setup.community_id)
    assert [(r.direction, r.balance_cents, r.over_balance) for r in rows] == [
        (IN, 40_000, False),
        (IN, 90_000, False),
        (OUT, 10_000, False),
    ]
    assert rows[2].id == spent
    # an expense typed before its day's income, as received from another office
    with db.write() as s:
        for direction, cents in ((OUT, 30_000), (IN, 30_000)):
            s.add(
                FundEntry(
                    community_id=setup.community_id,
                    entry_date=date(2025, 4, 1),
                    direction=direction,
                    source=FundSource.RAISED if direction == IN else None,
                    purpose=None if direction == IN else "宣传",
                    amount_cents=cents,
                    over_balance=False,
                )
            )
    april = funds.ledger(db, setup.community_id)[3:]
    assert [(r.direction, r.balance_cents, r.over_balance) for r in april] == [
        (IN, 40_000, False),
        (OUT, 10_000, False),
    ]
    # a new expense of that day is still held to the day's balance
    with pytest.raises(funds.OverBalanceError, match=r"超过当前结余 100\.00 元"):
        funds.add_entry(db, expense(setup, 10_001, "宣传", date(2025, 4, 1)))


def test_validation_names_the_fields(db: Database, setup: Setup) -> None:
    other = setup_community(db, "别的共同体", prefix="别")
    foreign_activity = make_activity(db, other.community_id)
    with pytest.raises(ValidationError) as info:
        funds.add_entry(
            db,
            funds.FundInput(
                setup.community_id,
                IN,
                date(2099, 1, 1),
                0,
                activity_id=foreign_activity,
            ),
        )
    assert set(info.value.fields()) == {"amount", "entry_date", "source", "activity"}
    with pytest.raises(ValidationError) as info:
        funds.add_entry(db, expense(setup, 100, " ", date(2025, 1, 1)))
    assert info.value.fields() == ["purpose"]


def test_texts_are_held_to_their_columns_and_one_line(db: Database, setup: Setup) -> None:
    """A handler longer than its column was stored on SQLite and an internal error on a
    server; a line break or a direction mark pasted in went through."""
    with pytest.raises(ValidationError, match="经手人不能超过 60 个字") as info:
        funds.add_entry(db, expense(setup, 100, "慰问", date(2025, 1, 1), handler="张" * 61))
    assert info.value.fields() == ["handler"]
    with pytest.raises(ValidationError) as info:
        funds.add_entry(
            db,
            expense(
                setup,
                100,
                "慰问\n困难党员",
                date(2025, 1, 1),
                handler="张\u202e三",
                remark="x" * 2001,
            ),
        )
    assert info.value.fields() == ["purpose", "handler", "remark"]
    funds.add_entry(
        db,
        income(setup, 100, FundSource.RAISED, date(2025, 1, 1)),
    )
    funds.add_entry(db, expense(setup, 100, "慰问", date(2025, 1, 1), remark="第一行\n第二行"))


def test_an_entry_stays_in_its_community(db: Database, setup: Setup) -> None:
    entry = funds.add_entry(db, income(setup, 1_000, FundSource.RAISED, date(2025, 1, 5)))
    other = setup_community(db, "团结党建共同体", prefix="团结")
    with pytest.raises(ValidationError) as info:
        funds.update_entry(db, entry, income(other, 1_000, FundSource.RAISED, date(2025, 1, 5)))
    assert info.value.fields() == ["community"]


def test_links_to_an_activity_or_project_of_the_community(db: Database, setup: Setup) -> None:
    activity = make_activity(db, setup.community_id, "七一主题党日")
    item = editing.add_item(db, setup.list_id, editing.ItemInput(title="助老食堂"))
    funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2025, 1, 1)))
    entry = funds.add_entry(
        db,
        expense(setup, 20_000, "活动用品", date(2025, 7, 1), activity_id=activity, item_id=item),
    )
    row = funds.ledger(db, setup.community_id)[-1]
    assert (row.id, row.activity_title, row.item_title) == (entry, "七一主题党日", "助老食堂")
    assert [c.id for c in funds.activity_choices(db, setup.community_id)] == [activity]
    assert [c.id for c in funds.project_choices(db, setup.community_id)] == [item]
    assert funds.get_entry(db, entry).item_id == item


def test_yearly_summary_per_source_and_purpose(db: Database, setup: Setup) -> None:
    funds.add_entry(db, income(setup, 100_000, FundSource.HIGHER_LEVEL, date(2024, 12, 31)))
    funds.add_entry(db, expense(setup, 40_000, "培训", date(2024, 12, 31)))
    funds.add_entry(db, income(setup, 200_000, FundSource.HIGHER_LEVEL, date(2025, 1, 1)))
    funds.add_entry(db, income(setup, 50_000, FundSource.PARTY_DUES, date(2025, 6, 1)))
    funds.add_entry(db, income(setup, 25_000, FundSource.RAISED, date(2025, 6, 2)))
    funds.add_entry(db, expense(setup, 30_000, "培训", date(2025, 3, 1)))
    funds.add_entry(db, expense(setup, 10_000, "培训", date(2025, 4, 1)))
    funds.add_entry(db, expense(setup, 15_000, "慰问", date(2025, 5, 1)))
    summary = funds.yearly_summary(db, setup.community_id, 2025)
    assert summary.opening_cents == 60_000
    assert summary.income_by_source == {
        FundSource.HIGHER_LEVEL: 200_000,
        FundSource.RAISED: 25_000,
        FundSource.PARTY_DUES: 50_000,
    }
    assert list(summary.income_by_source) == list(FundSource)
    assert summary.expense_by_purpose == {"培训": 40_000, "慰问": 15_000}
    assert summary.closing_cents == 60_000 + 275_000 - 55_000
    assert summary.closing_cents == funds.balance(db, setup.community_id)
    assert funds.fund_years(db, setup.community_id) == [2025, 2024]
    assert [r.entry_date.year for r in funds.ledger(db, setup.community_id, 2025)] == [2025] * 6
    assert funds.ledger(db, setup.community_id, 2025)[0].balance_cents == 260_000


def test_edit_and_delete_are_audited(db: Database, setup: Setup) -> None:
    entry = funds.add_entry(db, income(setup, 10_000, FundSource.RAISED, date(2025, 1, 5)))
    funds.update_entry(db, entry, income(setup, 12_000, FundSource.RAISED, date(2025, 1, 5)))
    funds.delete_entry(db, entry)
    with db.read() as s:
        assert s.get(FundEntry, entry) is None
        summaries = list(
            s.scalars(
                select(AuditEntry.summary)
                .where(AuditEntry.entity == "fund_entry")
                .order_by(AuditEntry.id)
            )
        )
    assert summaries == [
        "记录经费收入：各方筹集 100.00元",
        "修改经费收入：各方筹集 120.00元",
        "删除经费收入：各方筹集 120.00元",
    ]
