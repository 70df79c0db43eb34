"""The 发展党员 lists on the district-scale database (a few thousand people in the pipeline).

Goal: under 300 ms each for the first page of the whole district's list (the most urgent
first), the due and the late lists, a town's and a branch's list, the count beside them,
the reminders, the same list for a town account; the 发展党员 tab shown (filters' choices,
the count and the first page fitted to its columns) and filtered to those late.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

GOAL_MS = 300.0
ROUNDS = 5


def main() -> int:
    db_path = district_db()
    os.environ.update(bench_env())
    from sqlalchemy import func, select

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import DevelopmentRecord
    from pbc_desktop.domain.accounts import Actor
    from pbc_desktop.domain.enums import UserRole
    from pbc_desktop.services import scope
    from pbc_desktop.services.development import listing
    from pbc_desktop.services.development.listing import DevelopmentQuery, Urgency
    from pbc_desktop.services.paging import PageRequest

    database = open_database(sqlite_url(db_path))
    today = date.today()
    page = PageRequest(limit=200)
    timings: dict[str, list[float]] = {}

    def measure(name: str, step: Callable[[], object], rounds: int = ROUNDS) -> object:
        result = None
        for _ in range(rounds):
            t0 = time.perf_counter()
            result = step()
            timings.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
        return result

    with database.read() as s:
        people = s.scalar(select(func.count(DevelopmentRecord.id)))
        busiest = s.scalar(
            select(DevelopmentRecord.organization_id)
            .group_by(DevelopmentRecord.organization_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    town = scope.towns(database)[0]

    def listed(query: DevelopmentQuery) -> Callable[[], object]:
        return lambda: listing.list_development(database, query, page, today=today)

    measure("the district, most urgent first", listed(DevelopmentQuery()))
    measure("due (late or within 30 days)", listed(DevelopmentQuery(urgency=Urgency.DUE)))
    measure("late", listed(DevelopmentQuery(urgency=Urgency.LATE)))
    measure("a town", listed(DevelopmentQuery(town=town)))
    measure("the busiest branch", listed(DevelopmentQuery(organization_id=busiest)))
    measure(
        "sorted by name", lambda: listing.list_development(
            database, DevelopmentQuery(), replace(page, sort="name"), today=today
        )
    )  # fmt: skip
    measure("count", lambda: listing.count_development(database, DevelopmentQuery()))
    measure(
        "count of the late",
        lambda: listing.count_development(
            database, DevelopmentQuery(urgency=Urgency.LATE), today=today
        ),
    )
    reminders = measure("reminders", lambda: listing.development_reminders(database, today))
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.development.tab import DevelopmentTab

    app = QApplication.instance() or QApplication([])

    def open_tab() -> DevelopmentTab:
        tab = DevelopmentTab(AppContext(database))
        tab.resize(1366, 700)
        tab.show()
        app.processEvents()
        return tab

    def filtered(tab: DevelopmentTab, index: int) -> None:
        tab.urgency_combo.setCurrentIndex(index)
        app.processEvents()

    tab = measure("the tab shown", open_tab)
    assert isinstance(tab, DevelopmentTab)
    for _ in range(ROUNDS):
        measure("the tab filtered to the late", lambda: filtered(tab, 2), rounds=1)
        filtered(tab, 0)
    database.user = Actor(
        user_id=None, username="bench", name="bench", unit="", role=UserRole.TOWN, town=town
    )
    measure("a town account's list", listed(DevelopmentQuery()))
    database.dispose()

    assert isinstance(reminders, list)
    print(f"{people} people in the pipeline; {len(reminders)} reminders")
    ok = True
    for name, runs in timings.items():
        worst, median = max(runs), sorted(runs)[len(runs) // 2]
        verdict = "ok" if worst < GOAL_MS else "TOO SLOW"
        ok = ok and worst < GOAL_MS
        print(
            f"发展党员 list, {name}: median {median:.0f} ms, worst {worst:.0f} ms "
            f"(goal < {GOAL_MS:.0f} ms) {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
