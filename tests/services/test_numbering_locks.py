"""Numbers handed out one after another (介绍信 2026-001, 002 …; a list's items 1, 2 …)
stay distinct when two clients take one at the same moment: the second waits for the
first's transaction on the numbering's lock (on SQLite the single writer does it)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import ListItem, MemberTransfer
from pbc_desktop.domain.enums import ItemStatus
from pbc_desktop.domain.member_changes import TransferState
from pbc_desktop.services.lists import editing as list_editing
from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer
from tests.factories import make_member
from tests.list_factories import setup_community
from tests.scope_factories import TwoTowns, two_towns
from tests.services.test_row_versions import client

pytestmark = pytest.mark.server_only("row and advisory locks of concurrent transactions")


def _in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # the test reads it
            outcome.append(exc)

    return threading.Thread(target=run), outcome


def test_two_letters_issued_at_once_get_two_numbers(db: Database) -> None:
    world: TwoTowns = two_towns(db)
    first = make_member(db, "甲", world.jia_two, joined_on=date(2001, 7, 1))
    second = make_member(db, "乙", world.jia_two, joined_on=date(2001, 7, 1))
    holder, other = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    try:
        issued = date(2026, 3, 2)
        job, outcome = _in_thread(
            lambda: issue_transfer(
                other, second, TransferInput(to_unit="深圳某单位", issued_on=issued)
            )
        )
        with holder.write() as s:  # a letter being issued: the year's numbering taken
            lock_groups(s, [("letter_number", 2026)])
            job.start()
            time.sleep(0.5)
            assert job.is_alive()
            s.add(
                MemberTransfer(
                    member_id=first,
                    from_organization_id=world.jia_two,
                    to_unit="广州某单位",
                    letter_number="2026-001",
                    issued_on=issued,
                    state=TransferState.PENDING,
                )
            )
        job.join(15)
        assert len(outcome) == 1 and isinstance(outcome[0], int)
        with db.read() as s:
            letter = s.get(MemberTransfer, outcome[0])
            assert letter is not None and letter.letter_number == "2026-002"
    finally:
        holder.dispose()
        other.dispose()


def test_two_items_added_at_once_get_two_numbers(db: Database) -> None:
    setup = setup_community(db)
    holder, other = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    try:
        job, outcome = _in_thread(
            lambda: list_editing.add_item(
                other, setup.list_id, list_editing.ItemInput(title="修缮村道")
            )
        )
        with holder.write() as s:  # an item being added: the list's numbering taken
            lock_groups(s, [("list_item_seq", setup.list_id)])
            job.start()
            time.sleep(0.5)
            assert job.is_alive()
            last = s.scalar(select(func.max(ListItem.seq)).where(ListItem.list_id == setup.list_id))
            s.add(
                ListItem(
                    list_id=setup.list_id,
                    seq=(last or 0) + 1,
                    title="先加的",
                    status=ItemStatus.OPEN,
                )
            )
        job.join(15)
        assert len(outcome) == 1 and isinstance(outcome[0], int)
        with db.read() as s:
            seqs = list(s.scalars(select(ListItem.seq).where(ListItem.list_id == setup.list_id)))
        assert len(set(seqs)) == len(seqs)
    finally:
        holder.dispose()
        other.dispose()
