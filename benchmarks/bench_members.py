"""The 党员 tab and the member exports on the district-scale database (30,000 members).

Goals:
- the tab built, filled (first page) and shown: under 300 ms;
- each search keystroke (a name, phone digits, the last digits of an ID number), the
  count and the first page: under 100 ms;
- all 30,000 members to .xlsx: under 15 s (it runs off the UI thread with progress), peak
  memory of that process under 400 MB;
- the 党员花名册 PDF of the largest organization: under 2 s.

The exports run in a child process each, so their peak memory is their own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

TAB_GOAL_MS = 300.0
KEY_GOAL_MS = 100.0
EXPORT_GOAL_S = 15.0
EXPORT_MEMORY_GOAL_MB = 400.0
ROSTER_GOAL_S = 2.0

# What a clerk types, one keystroke at a time (a name, phone digits, the end of an ID number,
# a name in pinyin).
TYPED = ("张伟", "13800", "8319", "zhangwei")


def peak_mb() -> float:
    """Peak resident memory of this process.

    Linux: VmHWM, which a child starts afresh (``ru_maxrss`` would carry the parent's peak
    over the fork); elsewhere ``ru_maxrss`` (KiB on Linux, bytes on macOS).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def keystrokes(word: str) -> list[str]:
    return [word[: i + 1] for i in range(len(word))]


def tab_timings(db_path: Path) -> dict[str, float]:
    os.environ.update(bench_env())
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services import members
    from pbc_desktop.services.paging import PageRequest
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.members.tab import MembersTab

    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db_path))
    total = members.count_members(database, members.MemberQuery())
    print(f"members in the database: {total}")
    out: dict[str, list[float]] = {"show the tab": []}
    for _ in range(3):
        t0 = time.perf_counter()
        tab = MembersTab(AppContext(database))
        tab.resize(1300, 800)
        tab.show()
        app.processEvents()
        out["show the tab"].append(time.perf_counter() - t0)
        tab.deleteLater()
        app.processEvents()

    tab = MembersTab(AppContext(database))
    tab.resize(1300, 800)
    tab.show()
    app.processEvents()
    for word in TYPED:
        for text in keystrokes(word):
            # The tab waits for a pause in typing, then runs the search: time the search.
            tab.search_edit.setText(text)
            t0 = time.perf_counter()
            tab.reload()
            app.processEvents()
            ms = time.perf_counter() - t0
            out.setdefault(f"type “{text}” ({tab.model.total()} found)", []).append(ms)
            # The same in SQL alone: the count and the first page.
            query = members.MemberQuery(text=text)
            t0 = time.perf_counter()
            members.count_members(database, query)
            members.list_members(database, query, PageRequest(offset=0, limit=100))
            out.setdefault(f"  SQL “{text}”", []).append(time.perf_counter() - t0)
        tab.search_edit.clear()
        tab.reload()
    tab.deleteLater()
    app.processEvents()
    database.dispose()
    return {k: max(v) * 1000 for k, v in out.items()}


def child_export(db_path: Path, kind: str) -> dict[str, float]:
    """Run one export in a fresh process: seconds, peak MB and a count."""
    script = Path(__file__).resolve()
    done = subprocess.run(
        [sys.executable, str(script), "--child", kind, str(db_path)],
        check=True,
        capture_output=True,
        text=True,
        env=bench_env(),
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_child(kind: str, db_path: Path) -> None:
    from sqlalchemy import func, select

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import PartyMember
    from pbc_desktop.services.members import MemberQuery

    database = open_database(sqlite_url(db_path))
    before = peak_mb()
    with tempfile.TemporaryDirectory(prefix="pbc-bench-") as folder:
        if kind == "xlsx":
            from pbc_desktop.services.member_export import export_members

            t0 = time.perf_counter()
            count = export_members(database, MemberQuery(), Path(folder) / "members.xlsx").count
            seconds = time.perf_counter() - t0
            size = (Path(folder) / "members.xlsx").stat().st_size
        else:
            from pbc_desktop.reports.roster import build_roster

            with database.read() as s:
                org_id, count = s.execute(
                    select(PartyMember.organization_id, func.count())
                    .group_by(PartyMember.organization_id)
                    .order_by(func.count().desc())
                    .limit(1)
                ).one()
            out = Path(folder) / "roster.pdf"
            t0 = time.perf_counter()
            build_roster(database, org_id, out)
            seconds = time.perf_counter() - t0
            size = out.stat().st_size
    database.dispose()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "count": count,
                "size_kb": size / 1024,
                "peak_mb": peak_mb(),
                "before_mb": before,
            }
        )
    )


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        run_child(sys.argv[2], Path(sys.argv[3]))
        return 0
    db_path = district_db()
    ok = True
    for name, ms in tab_timings(db_path).items():
        goal = TAB_GOAL_MS if name == "show the tab" else KEY_GOAL_MS
        met = ms < goal
        if not name.startswith("  "):
            ok = ok and met
        verdict = "ok" if met else "TOO SLOW"
        print(f"党员 tab, {name}: worst {ms:.0f} ms (goal < {goal:.0f} ms) {verdict}")
    print(f"党员 tab process peak memory: {peak_mb():.0f} MB")

    xlsx = child_export(db_path, "xlsx")
    met = xlsx["seconds"] < EXPORT_GOAL_S and xlsx["peak_mb"] < EXPORT_MEMORY_GOAL_MB
    ok = ok and met
    print(
        f"export {xlsx['count']:.0f} members to .xlsx: {xlsx['seconds']:.1f} s, "
        f"{xlsx['size_kb'] / 1024:.1f} MB file, peak memory {xlsx['peak_mb']:.0f} MB "
        f"(after start-up {xlsx['before_mb']:.0f} MB) "
        f"(goal < {EXPORT_GOAL_S:.0f} s, < {EXPORT_MEMORY_GOAL_MB:.0f} MB) "
        f"{'ok' if met else 'TOO SLOW'}"
    )
    roster = child_export(db_path, "roster")
    met = roster["seconds"] < ROSTER_GOAL_S
    ok = ok and met
    print(
        f"花名册 PDF of the largest organization ({roster['count']:.0f} members): "
        f"{roster['seconds'] * 1000:.0f} ms, {roster['size_kb']:.0f} KB, "
        f"peak memory {roster['peak_mb']:.0f} MB (goal < {ROSTER_GOAL_S:.0f} s) "
        f"{'ok' if met else 'TOO SLOW'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
