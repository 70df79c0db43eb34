"""The roll (增减方式) on the district-scale database (30,000 members): the members tab's
count and first page for the members on the roll now, those who left, and the roll at a
past date (read from the changes); the year's change counts; the roster of the largest
organization at a date.

Goals: each count and first page under 100 ms, like every filter of the tab (the roll at
a date under 300 ms: it reads every member's latest change); the change counts under
100 ms; the roster at a date under 2 s like the roster of today.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

FILTER_GOAL_MS = 100.0
AS_OF_GOAL_MS = 300.0
ROSTER_GOAL_S = 2.0


def main() -> int:
    os.environ.update(bench_env())
    from sqlalchemy import func, select

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import PartyMember
    from pbc_desktop.domain.member_changes import MemberRoll
    from pbc_desktop.services import member_export, members
    from pbc_desktop.services.member_changes import count_changes
    from pbc_desktop.services.paging import PageRequest

    database = open_database(sqlite_url(district_db()))
    today = date.today()
    past = date(today.year - 1, 6, 30)
    cases = {
        "on the roll now": (members.MemberQuery(), FILTER_GOAL_MS),
        "everyone (no roll filter)": (members.MemberQuery(roll=MemberRoll.ALL), FILTER_GOAL_MS),
        "who left": (members.MemberQuery(roll=MemberRoll.LEFT), FILTER_GOAL_MS),
        f"on the roll at {past}": (members.MemberQuery(as_of=past), AS_OF_GOAL_MS),
    }
    failed = False
    members.count_members(database, members.MemberQuery())  # warm up: connection, caches
    for name, (query, goal) in cases.items():
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            total = members.count_members(database, query)
            members.list_members(database, query, PageRequest(offset=0, limit=100))
            runs.append((time.perf_counter() - t0) * 1000)
        ms = max(runs)
        failed |= ms > goal
        print(f"{name}: {total} members, count + first page {ms:.0f} ms (goal {goal:.0f})")
    t0 = time.perf_counter()
    counts = count_changes(database, date(today.year, 1, 1), today)
    ms = (time.perf_counter() - t0) * 1000
    failed |= ms > FILTER_GOAL_MS
    print(f"changes of the year: {sum(counts.values())}, {ms:.0f} ms (goal {FILTER_GOAL_MS:.0f})")
    with database.read() as s:
        largest = s.execute(
            select(PartyMember.organization_id, func.count())
            .group_by(PartyMember.organization_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()[0]
    t0 = time.perf_counter()
    roster = member_export.get_roster(database, largest, as_of=past)
    seconds = time.perf_counter() - t0
    failed |= seconds > ROSTER_GOAL_S
    print(f"roster at {past}: {roster.count()} members, {seconds:.2f} s (goal {ROSTER_GOAL_S})")
    database.dispose()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
