"""The selected member's action rules, asked in one read (``member_editing.member_actions``):
the same sentences as each action's own rule, in a few queries (one by one they were a read
each, the member loaded again each time: 40-odd small queries a click in the 党员 tab)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.services import member_editing as editing
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member, leaving_refusal
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    issue_transfer,
    receive_transfer,
)
from tests.conftest import sql_by_hand
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)

#: The most statements asking every rule of a member may take (measured: 5 for the
#: district, 6 for a town or a village account; one by one, 12 to 17).
MOST_QUERIES = 8
ISSUED = date(2026, 3, 2)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    """The statements sent to the database inside the block."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def one_by_one(db: Database, member_id: int, as_of: date | None = None) -> editing.MemberActions:
    """Each rule asked by itself, as the tab did."""
    return editing.MemberActions(
        member_id,
        editing.change_refusal(db, member_id, as_of),
        editing.deletion_refusal(db, member_id),
        leaving_refusal(db, member_id),
    )


def recorded_long_ago(db: Database, member_id: int) -> None:
    """Past the days a record entered by mistake may be deleted in."""
    sql_by_hand(db, f"UPDATE party_member SET created_at = '2020-01-01' WHERE id = {member_id}")


def with_letter(db: Database, world: TwoTowns) -> int:
    issue_transfer(
        db, world.member_jia_two, TransferInput(to_unit="某单位", issued_on=date.today())
    )
    return world.member_jia_two


def left(db: Database, world: TwoTowns) -> int:
    leave_member(
        db, world.member_jia_one, LeavingInput(MemberChangeKind.DECEASED, date(2026, 1, 5))
    )
    return world.member_jia_one


def as_village(db: Database, world: TwoTowns) -> int:
    recorded_long_ago(db, world.member_jia_two)
    db.user = village_actor(db, world.jia_two)
    return world.member_jia_two


def as_viewer(db: Database, world: TwoTowns) -> int:
    db.user = viewer_actor(db)
    return world.member_jia_two


def of_another_town(db: Database, world: TwoTowns) -> int:
    db.user = town_actor(db, "乙镇")
    return world.member_jia_two


def gone(db: Database, world: TwoTowns) -> int:
    editing.delete_member(db, world.member_yi_one)
    return world.member_yi_one


STATES: dict[str, tuple[Callable[[Database, TwoTowns], int], tuple[bool, bool, bool]]] = {
    # name: (the member as set up, which of change / deletion / leaving is refused)
    "new, the district": (lambda _db, world: world.member_jia_two, (False, False, False)),
    "a letter waiting": (with_letter, (False, True, True)),
    "left the roll": (left, (False, False, True)),
    "a village, long ago": (as_village, (False, True, False)),
    "a viewer": (as_viewer, (True, True, True)),
    "another town's": (of_another_town, (True, True, True)),
    "deleted meanwhile": (gone, (True, True, True)),
}


@pytest.mark.parametrize("state", list(STATES))
def test_each_rule_says_what_the_action_s_own_rule_says(
    db: Database, world: TwoTowns, state: str
) -> None:
    make, refused = STATES[state]
    member_id = make(db, world)
    actions = editing.member_actions(db, member_id)
    assert actions == one_by_one(db, member_id)
    said = (actions.change, actions.deletion, actions.leaving)
    assert tuple(sentence is not None for sentence in said) == refused, said


def test_a_member_of_a_past_roll_moved_away_since(db: Database, world: TwoTowns) -> None:
    """On the roll at a past date a village still lists a member who moved to another
    town's branch: looked at, not changed."""
    member_id = world.member_jia_two
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=world.yi_one, issued_on=ISSUED)
    )
    receive_transfer(db, letter, date(2026, 3, 9))
    db.user = village_actor(db, world.jia_two)
    then = date(2026, 3, 5)
    actions = editing.member_actions(db, member_id, then)
    assert actions == one_by_one(db, member_id, then)
    assert None not in (actions.change, actions.deletion, actions.leaving)


@pytest.mark.parametrize("account", ["district", "town", "village"])
def test_every_rule_of_a_member_in_a_few_queries(
    db: Database, world: TwoTowns, account: str
) -> None:
    member_id = world.member_jia_two
    if account == "district":
        db.user = district_actor(db)
    elif account == "town":
        db.user = town_actor(db, "甲镇")
    else:
        db.user = village_actor(db, world.jia_two)
    with counted(db) as together:
        actions = editing.member_actions(db, member_id)
    with counted(db) as apart:
        assert one_by_one(db, member_id) == actions
    assert len(together) <= MOST_QUERIES, together
    assert len(together) < len(apart)
