"""The UI thread filling the long lists of the district: the 概览 reminders panel (every
area's reminders, about 2,800) and the 三会一课 window's list of branches (about 1,500).

Both are read off the UI thread; what is measured here is only what showing the rows
read holds the UI thread for: the call that fills the list (its CPU time and wall clock)
and the painting after it (the events run until idle), each the median and the worst of
:data:`ROUNDS` fills of the same rows into the shown widget (the panel 480×700, as beside
the 概览 figures on a 1366×768 screen; the window at its own size). The 三会一课 list is
also filtered to the branches behind and back (the year read kept, shown again). Goal:
each fill under 50 ms of the UI thread's CPU (filled item by item, 70–100 ms for the
reminders).

Run by hand (``python benchmarks/bench_tables.py``), never as a timed test. Runs on an
older checkout too (it calls ``RemindersPanel._show`` and ``BranchLifeWindow._year_read``
with the rows read), for comparison.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import district_window_db

ROUNDS = 7
GOAL_MS = 50.0


def timed(app: Any, act: Callable[[], object]) -> dict[str, float]:
    """The UI thread in ``act`` (CPU, wall) and in the painting after it (CPU, wall), in ms."""
    app.processEvents()
    t0, c0 = time.perf_counter(), time.thread_time()
    act()
    t1, c1 = time.perf_counter(), time.thread_time()
    for _ in range(3):  # layouts posted by the fill, then the paint they ask for
        app.sendPostedEvents()
        app.processEvents()
    t2, c2 = time.perf_counter(), time.thread_time()
    return {
        "fill cpu": (c1 - c0) * 1000,
        "fill": (t1 - t0) * 1000,
        "paint cpu": (c2 - c1) * 1000,
        "paint": (t2 - t1) * 1000,
    }


def summary(name: str, rows: int, runs: list[dict[str, float]]) -> bool:
    def of(key: str) -> str:
        values = [r[key] for r in runs]
        return f"{statistics.median(values):.1f} (worst {max(values):.1f})"

    total = [r["fill cpu"] + r["paint cpu"] for r in runs]
    met = statistics.median(total) <= GOAL_MS
    print(
        f"{name} ({rows} rows), ms, median of {len(runs)}: fill CPU {of('fill cpu')}, "
        f"wall {of('fill')}; painting after it CPU {of('paint cpu')}, wall {of('paint')}; "
        f"together CPU {statistics.median(total):.1f} (goal <= {GOAL_MS:.0f}) "
        f"{'ok' if met else 'TOO LONG'}"
    )
    return met


def reminders_panel(app: Any, database: Any) -> bool:
    from pbc_desktop.services import reminders
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.overview.reminders_panel import RemindersPanel

    rows = reminders.collect(database, date.today(), None)
    RemindersPanel.refresh = lambda _self: None  # type: ignore[method-assign]
    panel = RemindersPanel(AppContext(database))
    panel.resize(480, 700)
    panel.show()
    app.processEvents()
    runs = [timed(app, lambda: panel._show(list(rows))) for _ in range(ROUNDS)]
    met = summary("概览 reminders panel filled", len(rows), runs)
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return met


def branch_life_window(app: Any, database: Any) -> bool:
    from pbc_desktop.services.branch_life import compliance
    from pbc_desktop.ui.branch_life.window import BranchLifeWindow, YearRead
    from pbc_desktop.ui.common.context import AppContext

    BranchLifeWindow.refresh = lambda _self: None  # type: ignore[method-assign]
    window = BranchLifeWindow(AppContext(database))
    window.show()
    app.processEvents()
    today = date.today()
    read = YearRead.of(compliance.town_year(database, today.year, today), window.tr("yes"))
    runs = [timed(app, lambda: window._year_read(read)) for _ in range(ROUNDS)]
    met = summary("三会一课 window's list filled", len(read.rows), runs)
    window.table.selectRow(len(read.rows) // 2)
    app.processEvents()
    filtered = []
    for _ in range(ROUNDS):
        filtered.append(timed(app, lambda: window.behind_only.setChecked(True)))
        filtered.append(timed(app, lambda: window.behind_only.setChecked(False)))
    met = summary("三会一课 list, behind only and back", len(read.rows), filtered) and met
    window.close()
    window.deleteLater()
    app.processEvents()
    return met


def main() -> int:
    with district_window_db() as (app, database):
        ok = reminders_panel(app, database)
        ok = branch_life_window(app, database) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
