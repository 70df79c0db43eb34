"""第N次 numbering with many clients saving at once: saves in one group (a community's
activities of a kind in a year) queue on the group's lock instead of deadlocking, and no
two activities get the same number."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import select, text

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import group_key, lock_groups
from pbc_desktop.db.models import Activity
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.services.activities import editing
from tests.factories import make_activity, make_org
from tests.services.test_row_versions import client

KIND = ActivityKind.THEME_PARTY_DAY


@pytest.fixture
def clerks(db: Database) -> Iterator[list[Database]]:
    """Three clients of one database, each signed in with its own account."""
    made = [client(db, f"clerk{i}", f"文员{i}") for i in range(3)]
    yield made
    for each in made:
        each.dispose()


def _input(
    org: int, title: str, when: datetime, version: int | None = None
) -> editing.ActivityInput:
    return editing.ActivityInput(
        community_id=None, kind=KIND, title=title, starts_at=when, host_org_id=org, version=version
    )


def _numbers(db: Database) -> list[tuple[str, int | None]]:
    with db.read() as s:
        rows = s.execute(
            select(Activity.title, Activity.seq_in_year).order_by(Activity.starts_at, Activity.id)
        )
        return [(title, seq) for title, seq in rows]


def _run_all(jobs: list[threading.Thread], errors: list[BaseException]) -> None:
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(60)
    assert not any(job.is_alive() for job in jobs)
    assert errors == []


def test_activities_added_at_once_are_numbered_one_to_n(
    db: Database, clerks: list[Database]
) -> None:
    org = make_org(db)
    errors: list[BaseException] = []
    start = threading.Barrier(len(clerks))

    def adds(clerk: Database, n: int) -> None:
        try:
            start.wait(10)
            for i in range(4):
                when = datetime(2025, 1 + i * 3, 1 + n, 9, 0)
                editing.create_activity(clerk, _input(org, f"{n}-{i}", when))
        except BaseException as exc:  # the test reads it
            errors.append(exc)

    _run_all([threading.Thread(target=adds, args=(c, n)) for n, c in enumerate(clerks)], errors)
    assert [seq for _title, seq in _numbers(db)] == list(range(1, 13))


def test_activities_moved_at_once_keep_one_to_n(db: Database, clerks: list[Database]) -> None:
    """Each clerk moves its own activity back and forth across the others: every move
    renumbers the rows between, which other clerks' moves renumber too."""
    org = make_org(db)
    mine = [
        make_activity(db, None, f"第{n}个", host_org_id=org, starts_at=datetime(2025, 2, 1 + n))
        for n in range(len(clerks))
    ]
    editing.create_activity(db, _input(org, "其他", datetime(2025, 6, 1)))
    errors: list[BaseException] = []
    start = threading.Barrier(len(clerks))

    def moves(clerk: Database, activity_id: int, n: int) -> None:
        try:
            start.wait(10)
            for i in range(6):
                read = editing.get_activity_edit(clerk, activity_id)
                month = 11 - n if i % 2 == 0 else 1 + n
                when = datetime(2025, month, 10, 9, 0)
                editing.update_activity(
                    clerk, activity_id, _input(org, read.title, when, read.version)
                )
        except BaseException as exc:  # the test reads it
            errors.append(exc)

    jobs = [
        threading.Thread(target=moves, args=(c, a, n))
        for n, (c, a) in enumerate(zip(clerks, mine, strict=True))
    ]
    _run_all(jobs, errors)
    assert [seq for _title, seq in _numbers(db)] == [1, 2, 3, 4]


@pytest.mark.server_only("row locks and advisory locks of concurrent transactions")
def test_a_save_waits_for_the_group_before_it_locks_its_activity(
    db: Database, clerks: list[Database]
) -> None:
    """While another writer renumbers the group (holding the group's lock), a save of one
    of its activities waits for the group first: it has not locked its own row, which the
    renumbering writer may need (the deadlock the load test found)."""
    org = make_org(db)
    activity_id = make_activity(db, None, "主题党日", host_org_id=org)
    holder, saver = clerks[0], clerks[1]
    read = editing.get_activity_edit(saver, activity_id)
    outcome: list[BaseException | None] = []

    def saves() -> None:
        try:
            editing.update_activity(
                saver, activity_id, _input(org, "改过", read.starts_at, read.version)
            )
            outcome.append(None)
        except BaseException as exc:  # the test reads it
            outcome.append(exc)

    job = threading.Thread(target=saves)
    with holder.write() as s:
        lock_groups(s, [("activity_seq", None, org, KIND.value, read.starts_at.year)])
        job.start()
        time.sleep(0.5)
        assert job.is_alive()  # waiting for the group
        with clerks[2].write() as other:  # the activity's row is free
            locked = other.execute(
                text("SELECT id FROM activity WHERE id = :id FOR UPDATE NOWAIT"),
                {"id": activity_id},
            ).scalar()
            assert locked == activity_id
    job.join(15)
    assert outcome == [None]
    assert _numbers(db) == [("改过", 1)]


def test_a_branch_s_own_meetings_are_numbered_per_host(db: Database) -> None:
    """Meetings of no community (三会一课) count per host organization: a branch's new
    meeting does not renumber another branch's."""
    first, second = make_org(db, "一支部"), make_org(db, "二支部")
    theirs = make_activity(
        db, None, "二支部1", host_org_id=second, starts_at=datetime(2025, 3, 1), seq_in_year=1
    )
    editing.create_activity(db, _input(first, "一支部1", datetime(2025, 2, 1)))
    editing.create_activity(db, _input(first, "一支部2", datetime(2025, 4, 1)))
    assert _numbers(db) == [("一支部1", 1), ("二支部1", 1), ("一支部2", 2)]
    read = editing.get_activity_edit(db, theirs)
    editing.update_activity(  # moved to the first branch: it counts there now
        db, theirs, _input(first, "二支部1", read.starts_at, read.version)
    )
    assert _numbers(db) == [("一支部1", 1), ("二支部1", 2), ("一支部2", 3)]


def test_group_keys_are_stable_and_distinct() -> None:
    assert group_key("activity_seq", None, KIND.value, 2025) == group_key(
        "activity_seq", None, KIND.value, 2025
    )
    assert group_key("activity_seq", 1, KIND.value, 2025) != group_key(
        "activity_seq", 1, KIND.value, 2024
    )
    assert -(2**63) <= group_key("x") < 2**63
