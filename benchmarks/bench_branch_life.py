"""三会一课 for the whole district-scale database (about 1,500 organizations) for a year.

Goal: every branch's compliance for a year (the town view over the whole district,
``services.branch_life.compliance.town_year``) under 1 s; also the reminders of every
area (``services.reminders.collect``) and the terms due, for information.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

GOAL_S = 1.0


def main() -> int:
    db_path = district_db()
    os.environ.update(bench_env())
    from sqlalchemy import func, select

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import Activity, Organization
    from pbc_desktop.services import reminders
    from pbc_desktop.services.branch_life.compliance import town_year
    from pbc_desktop.services.terms.due import due_terms

    database = open_database(sqlite_url(db_path))
    with database.read() as s:
        orgs = s.scalar(select(func.count()).select_from(Organization))
        activities = s.scalar(select(func.count()).select_from(Activity))
    print(f"organizations: {orgs}, activities: {activities}")
    today = date.today()
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}  # this process's own time: the figure on a busy machine
    for _ in range(3):
        for name, call in (
            ("compliance (all branches, a year)", lambda: town_year(database, today.year, today)),
            ("terms due", lambda: due_terms(database, today)),
            ("reminders, every area", lambda: reminders.collect(database, today)),
        ):
            t0, c0 = time.perf_counter(), time.process_time()
            result = call()
            spent = time.perf_counter() - t0
            best[name] = min(best.get(name, spent), spent)
            cpu[name] = min(cpu.get(name, 1e9), time.process_time() - c0)
            if name.startswith("compliance"):
                assert not isinstance(result, list)
                branches = len(result.branches)
                behind = len(result.behind)
    print(f"branches: {branches}, behind: {behind}")
    ok = True
    for name, spent in best.items():
        goal = f" (goal {GOAL_S:.1f} s)" if name.startswith("compliance") else ""
        print(f"{name}: {spent * 1000:.0f} ms (CPU {cpu[name] * 1000:.0f} ms){goal}")
        if goal and spent > GOAL_S:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
