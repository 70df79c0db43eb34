"""The 清单 tab on the district-scale database.

Goal: under 300 ms each to open the tab (items of every community, filters filled), to
choose a community (its lists, claimants and fund ledger), to choose one of its lists, and
to filter by status, by 逾期 and by town.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

GOAL_MS = 300.0


def main() -> int:
    db_path = district_db()
    os.environ.update(bench_env())
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services import scope
    from pbc_desktop.services.lists import queries
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.lists.tab import OVERDUE, ListsTab

    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db_path))
    ctx = AppContext(database)
    timings: dict[str, float] = {}

    def measure(name: str, step: Callable[[], object]) -> object:
        t0 = time.perf_counter()
        result = step()
        app.processEvents()
        timings[name] = max(timings.get(name, 0.0), (time.perf_counter() - t0) * 1000)
        return result

    tab = measure("open the tab", lambda: ListsTab(ctx))
    assert isinstance(tab, ListsTab)
    tab.resize(1400, 800)
    tab.show()
    app.processEvents()
    # The communities with the most lists are the slowest to show.
    busiest = sorted(queries.list_service_lists(database), key=lambda r: r.community_id)
    counts: dict[int, int] = {}
    for row in busiest:
        counts[row.community_id] = counts.get(row.community_id, 0) + row.item_count
    for cid in sorted(counts, key=lambda c: -counts[c])[:3]:
        index = tab.community_combo.findData(cid)
        measure("choose a community", lambda i=index: tab.community_combo.setCurrentIndex(i))
        if tab.lists_table.rowCount():
            measure("choose a list", lambda: tab.lists_table.selectRow(0))
    tab.community_combo.setCurrentIndex(0)
    status_index = tab.status_combo.findData(OVERDUE)
    measure("filter 逾期", lambda: tab.status_combo.setCurrentIndex(status_index))
    measure("filter by status", lambda: tab.status_combo.setCurrentIndex(1))
    tab.status_combo.setCurrentIndex(0)
    for town in scope.towns(database)[:3]:
        index = tab.town_combo.findData(town)
        measure("filter by town", lambda i=index: tab.town_combo.setCurrentIndex(i))
    measure("switch to 经费", lambda: tab.pages.setCurrentIndex(1))
    database.dispose()

    ok = True
    for name, ms in timings.items():
        verdict = "ok" if ms < GOAL_MS else "TOO SLOW"
        ok = ok and ms < GOAL_MS
        print(f"清单 tab, {name}: worst {ms:.0f} ms (goal < {GOAL_MS:.0f} ms) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
