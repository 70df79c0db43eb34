"""The 活动 tab on the district-scale database (about 20,000 activities).

Goals: the tab is built, filled and shown within 300 ms; a filter, the month view and a
day click answer within 300 ms too.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

GOAL_MS = 300


def timings(db_path: Path) -> dict[str, float]:
    os.environ.update(bench_env())
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.domain.enums import ActivityKind
    from pbc_desktop.services.activities import listing
    from pbc_desktop.ui.activities.tab import ActivitiesTab
    from pbc_desktop.ui.common.context import AppContext

    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db_path))
    total = listing.count_activities(database, listing.ActivityQuery())
    print(f"activities in the database: {total}")
    out: dict[str, list[float]] = {"show": [], "filter": [], "month view": [], "day": []}
    for _ in range(3):
        t0 = time.perf_counter()
        tab = ActivitiesTab(AppContext(database))
        tab.resize(1300, 800)
        tab.show()
        app.processEvents()
        out["show"].append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        tab.apply_filters(kind=ActivityKind.JOINT_MEETING)
        app.processEvents()
        out["filter"].append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        tab.month_button.click()
        app.processEvents()
        out["month view"].append(time.perf_counter() - t0)

        view = tab.month_view
        t0 = time.perf_counter()
        tab.show_day(QDate(view.yearShown(), view.monthShown(), 15))
        app.processEvents()
        out["day"].append(time.perf_counter() - t0)
        tab.deleteLater()
        app.processEvents()
    database.dispose()
    return {k: max(v) * 1000 for k, v in out.items()}


def main() -> int:
    worst = timings(district_db())
    for name, ms in worst.items():
        print(f"活动 tab {name}: worst {ms:.0f} ms (goal < {GOAL_MS} ms)")
    return 0 if all(ms < GOAL_MS for ms in worst.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
