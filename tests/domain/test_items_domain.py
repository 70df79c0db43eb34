"""Pure rules of list items and money, with a fixed clock."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pbc_desktop.domain import items
from pbc_desktop.domain.enums import ItemStatus, ListKind
from pbc_desktop.domain.items import ItemAction
from pbc_desktop.domain.money import MoneyError, format_amount, format_yuan, parse_yuan
from pbc_desktop.errors import ValidationError

S = ItemStatus
P = ListKind.PROJECT
TODAY = date(2026, 5, 20)


@pytest.mark.parametrize(
    ("status", "deadline", "expected"),
    [
        (S.OPEN, date(2026, 5, 19), True),
        (S.CLAIMED, date(2026, 5, 19), True),
        (S.IN_PROGRESS, date(2026, 1, 1), True),
        (S.IN_PROGRESS, TODAY, False),  # the deadline day itself is not late
        (S.IN_PROGRESS, date(2026, 5, 21), False),
        (S.SOLVED, date(2026, 1, 1), False),
        (S.OPEN, None, False),
    ],
)
def test_overdue_rule(status: ItemStatus, deadline: date | None, expected: bool) -> None:
    assert items.is_overdue(status, deadline, TODAY) is expected
    assert (items.days_overdue(status, deadline, TODAY) > 0) is expected


def test_days_overdue_counts_from_the_deadline() -> None:
    assert items.days_overdue(S.CLAIMED, date(2026, 5, 10), TODAY) == 10


def test_project_item_goes_through_every_status() -> None:
    status = items.after_claim(S.OPEN, P)
    assert status == S.CLAIMED
    status = items.after_supervision(status, P)
    assert status == S.IN_PROGRESS
    assert items.after_supervision(status, P) == S.IN_PROGRESS
    status = items.after_solve(status, P)
    assert status == S.SOLVED
    assert items.after_reopen(status, P) == S.IN_PROGRESS


def test_explicit_start_and_solving_straight_from_claimed() -> None:
    assert items.after_start(S.CLAIMED, P) == S.IN_PROGRESS
    assert items.after_solve(S.CLAIMED, P) == S.SOLVED


def test_supervising_an_unclaimed_project_keeps_it_open() -> None:
    assert items.after_supervision(S.OPEN, P) == S.OPEN


@pytest.mark.parametrize(
    ("status", "kind", "call"),
    [
        (S.CLAIMED, P, items.after_claim),
        (S.OPEN, ListKind.DEMAND, items.after_claim),  # only project items are claimed
        (S.OPEN, P, items.after_start),  # claim first
        (S.OPEN, P, items.after_solve),
        (S.SOLVED, P, items.after_supervision),
        (S.SOLVED, P, items.after_solve),
        (S.IN_PROGRESS, P, items.after_reopen),
    ],
)
def test_refused_transitions_name_the_status(
    status: ItemStatus, kind: ListKind, call: object
) -> None:
    assert callable(call)
    with pytest.raises(ValidationError) as info:
        call(status, kind)
    assert info.value.fields() == ["status"]
    assert info.value.message


def test_demand_items_are_not_claimed_but_can_be_worked_on() -> None:
    actions = items.allowed_actions(S.OPEN, ListKind.DEMAND)
    assert ItemAction.CLAIM not in actions
    assert {ItemAction.START, ItemAction.SOLVE, ItemAction.SUPERVISE} <= actions
    assert items.after_supervision(S.OPEN, ListKind.RESOURCE) == S.IN_PROGRESS


def test_allowed_actions_per_status() -> None:
    assert items.allowed_actions(S.OPEN, P) == {
        ItemAction.EDIT,
        ItemAction.DELETE,
        ItemAction.CLAIM,
        ItemAction.SUPERVISE,
    }
    assert ItemAction.DELETE not in items.allowed_actions(S.CLAIMED, P)
    assert items.allowed_actions(S.SOLVED, P) == {ItemAction.EDIT, ItemAction.REOPEN}


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1,234.50", 123450),
        ("1234.5", 123450),
        ("¥ 80元", 8000),
        ("１２３４．５６", 123456),
        ("0.01", 1),
        ("1,000,000", 100_000_000),
        (".5", 50),
        ("12，345", 1234500),
        ("1,234.500", 123450),  # a cell formatted with three decimals: the same amount
        ("80.0000", 8000),
    ],
)
def test_parse_yuan(text: str, cents: int) -> None:
    assert parse_yuan(text) == cents


@pytest.mark.parametrize(
    "text", ["", "abc", "1,23.4", "12.345", "12.3450", "0.001", "-5", "0", "1.2.3", "12,34"]
)
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_yuan(text)
    assert info.value.message


def test_format_yuan() -> None:
    assert format_yuan(123450) == "1,234.50"
    assert format_yuan(5) == "0.05"
    assert format_yuan(-123450) == "-1,234.50"
    assert format_yuan(100, symbol=True) == "¥1.00"
    assert parse_yuan(format_yuan(98765432)) == 98765432


def test_format_amount() -> None:
    assert format_amount(Decimal("1234.5")) == "1,234.50"
    assert format_amount(Decimal("1234.5"), grouped=False) == "1234.50"
    assert format_amount(Decimal("0.2")) == "0.20"
    assert format_amount(Decimal("-3")) == "-3.00"
    assert format_amount(None) == ""


@pytest.mark.parametrize(
    ("status", "kind", "claimed", "followed_up", "expected"),
    [
        (S.OPEN, P, False, False, S.OPEN),  # nothing to go by: as it is
        (S.OPEN, P, True, False, S.CLAIMED),  # a claim: never 待认领
        (S.OPEN, P, True, True, S.IN_PROGRESS),  # claimed and followed up
        (S.OPEN, P, False, True, S.OPEN),  # an unclaimed project awaits its claim
        (S.CLAIMED, P, True, True, S.IN_PROGRESS),
        (S.IN_PROGRESS, P, True, True, S.IN_PROGRESS),
        (S.SOLVED, P, True, True, S.SOLVED),  # never moved back
        (S.OPEN, ListKind.DEMAND, False, True, S.IN_PROGRESS),  # no claim needed
        (S.OPEN, ListKind.DEMAND, True, False, S.OPEN),  # a demand is never claimed
    ],
)
def test_status_with_claims_only_moves_forward(
    status: ItemStatus, kind: ListKind, claimed: bool, followed_up: bool, expected: ItemStatus
) -> None:
    assert (
        items.status_with_claims(status, kind, claimed=claimed, followed_up=followed_up) == expected
    )
