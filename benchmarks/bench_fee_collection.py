"""党费收缴 of a 200-member branch (issue 17): entered in the grid and saved under 300 ms.

The demo district (a year of fee collection already in it) gets one more branch of 200
members with their fee bases; the 党费收缴 window opens on it for a month with earlier
months partly unpaid, and each run types every member's amount into the grid (the model's
``setData``, as the delegate does), a 补缴 for every tenth member, then saves (one
transaction, one audit entry) and reloads the grid. Printed: the median and worst of five
runs (each a new month), the save alone, and the grid's reload.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 300.0
MEMBERS = 200
RUNS = 5


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="pbc-bench-fees-") as folder:
        base = Path(folder)
        os.environ["PBC_DATA_DIR"] = str(base / "data")
        from decimal import Decimal

        from PySide6.QtCore import QDate
        from PySide6.QtWidgets import QApplication

        from pbc_desktop.db.engine import sqlite_url
        from pbc_desktop.db.migrate import open_database
        from pbc_desktop.domain.fees import FeeCategory
        from pbc_desktop.services.demo import build_demo
        from pbc_desktop.services.fees.basis import BasisInput, set_basis
        from pbc_desktop.ui.common import combos
        from pbc_desktop.ui.common.context import AppContext
        from pbc_desktop.ui.fees.sheet_model import BACK, PAID
        from pbc_desktop.ui.fees.window import FeeCollectionWindow
        from tests.factories import make_members, make_org

        app = QApplication.instance() or QApplication([])
        db = open_database(sqlite_url(base / "bench.sqlite"), backup_dir=base / "backups")
        try:
            build_demo(db, today=date(2026, 12, 5))
            org = make_org(db, "基准测试村党支部", town="司马浦镇")
            make_members(db, org, MEMBERS, prefix="党员")
            from pbc_desktop.services.fees.collection import collection_sheet

            first = date(2026, 1, 1)
            for index, row in enumerate(collection_sheet(db, org, first).rows):
                category = (FeeCategory.EMPLOYED, FeeCategory.RETIRED, FeeCategory.FARMER)[
                    index % 3
                ]
                income = None if category is FeeCategory.FARMER else Decimal(2500 + 37 * index)
                set_basis(db, BasisInput(row.member_id, first, category, income=income))
            window = FeeCollectionWindow(AppContext(db))
            combos.select_data(window.branch, org)
            window.show()
            app.processEvents()
            total_ms: list[float] = []
            save_ms: list[float] = []
            for run in range(RUNS):
                window.month.setDate(QDate(2026, 6 + run, 1))  # loads the month's sheet
                app.processEvents()
                model = window.model
                started = time.perf_counter()
                for row in range(model.rowCount()):
                    standard = model.row_at(row).standard
                    model.setData(model.index(row, PAID), f"{standard}")
                    if row % 10 == 0:
                        model.setData(model.index(row, BACK), "2")
                saving = time.perf_counter()
                window.save_sheet()
                done = time.perf_counter()
                total_ms.append((done - started) * 1000)
                save_ms.append((done - saving) * 1000)
                assert not model.changed
                assert model.row_at(0).paid is not None
            started = time.perf_counter()
            window.load()
            reload_ms = (time.perf_counter() - started) * 1000
            window.close()
        finally:
            db.dispose()
    median, worst = statistics.median(total_ms), max(total_ms)
    verdict = "ok" if worst < GOAL_MS else "TOO SLOW"
    print(
        f"党费收缴, {MEMBERS} members, typed and saved: median {median:.0f} ms, "
        f"worst {worst:.0f} ms (goal < {GOAL_MS:.0f} ms) {verdict}"
    )
    print(f"  of which save and reload of the grid: median {statistics.median(save_ms):.0f} ms")
    print(f"  opening the month's grid: {reload_ms:.0f} ms")
    return 0 if worst < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
