"""Exchange packages at district scale: selecting and encoding the records of a package,
and merging them into another office's database (issue "Offices exchange their data").

Goals (the package file's own writing, signing and verifying: ``bench_package.py``):
- the district's full package (30,000 members, 20,000 activities and everything else):
  rows selected and encoded under 10 s; merged into an empty database under 20 s;
  peak memory of each step's process under 400 MB;
- one week's changes (60 members, 20 activities edited): selected and merged under 1 s
  each way.

Each step runs in a child process of its own, so its peak memory is its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_members import peak_mb
from common import bench_env, district_db

SELECT_GOAL_S = 10.0
MERGE_GOAL_S = 20.0
MEMORY_GOAL_MB = 400.0
WEEK_GOAL_S = 1.0
SOURCE, TARGET = "b0000000-0000-4000-8000-00000000000a", "b0000000-0000-4000-8000-00000000000b"


def _open(path: Path):  # type: ignore[no-untyped-def]
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database

    return open_database(sqlite_url(path), actor="bench")


def step_select(db_path: Path, out: Path) -> dict[str, float]:
    """Select and encode everything changed for TARGET into a JSON-lines file."""
    from pbc_desktop.domain.enums import OrgLevel
    from pbc_desktop.services.exchange.exporting import Recipient, select_rows
    from pbc_desktop.services.exchange.merge import agree_sent

    db = _open(db_path)
    start = time.perf_counter()
    rows = 0
    with db.write() as s, out.open("w", encoding="utf-8") as f:
        selection = select_rows(
            s, sender_level=OrgLevel.TOWN, recipient=Recipient(TARGET, OrgLevel.DISTRICT)
        )
        for name, part in selection.parts():
            for row in part:
                f.write(json.dumps([name, row], ensure_ascii=False) + "\n")
                rows += 1
        agree_sent(s, TARGET, selection.sent)
    seconds = time.perf_counter() - start
    db.dispose()
    return {"seconds": seconds, "rows": rows, "peak_mb": peak_mb()}


def step_merge(db_path: Path, package: Path) -> dict[str, float]:
    from itertools import groupby

    from pbc_desktop.services.exchange.merge import Sender, merge

    db = _open(db_path)

    def parts():  # type: ignore[no-untyped-def]
        with package.open(encoding="utf-8") as f:
            pairs = (json.loads(line) for line in f)
            for name, group in groupby(pairs, key=lambda p: p[0]):
                yield name, (row for _n, row in group)

    start = time.perf_counter()
    with db.write() as s:
        result = merge(s, parts(), [], Sender(SOURCE, "bench", lambda _s, _r: SOURCE, TARGET))
    seconds = time.perf_counter() - start
    db.dispose()
    changed = sum(sum(c.values()) - c["unchanged"] for c in result.counts.values())
    return {"seconds": seconds, "changed": changed, "peak_mb": peak_mb()}


def step_week(db_path: Path) -> dict[str, float]:
    """Edit a week's worth of records at the source."""
    from sqlalchemy import select

    from pbc_desktop.db.models import Activity, PartyMember

    db = _open(db_path)
    with db.write() as s:
        for member in s.scalars(select(PartyMember).limit(60)):
            member.work_unit = (member.work_unit or "") + "·"
        for activity in s.scalars(select(Activity).limit(20)):
            activity.summary = (activity.summary or "") + "。"
    db.dispose()
    return {}


def _child(step: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, step, *args],
        check=True,
        capture_output=True,
        text=True,
        env=bench_env(),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> int:
    if len(sys.argv) > 1:
        step, *args = sys.argv[1:]
        paths = [Path(a) for a in args]
        result = {"select": step_select, "merge": step_merge, "week": step_week}[step](*paths)
        print(json.dumps(result))
        return 0
    work = Path(tempfile.mkdtemp(prefix="pbc-bench-exchange-"))
    source = work / "town.sqlite"
    shutil.copy(district_db(), source)
    _child("week", str(source))  # upgrades the copy to the current schema first
    target = work / "district.sqlite"
    package = work / "package.jsonl"
    full = _child("select", str(source), str(package))
    merged = _child("merge", str(target), str(package))
    _child("week", str(source))
    week = _child("select", str(source), str(package))
    week_merge = _child("merge", str(target), str(package))
    print(
        f"full package: {full['rows']:,.0f} rows selected and encoded in {full['seconds']:.1f} s "
        f"(goal {SELECT_GOAL_S:.0f} s), peak {full['peak_mb']:.0f} MB"
    )
    print(
        f"merged into an empty database: {merged['changed']:,.0f} records in "
        f"{merged['seconds']:.1f} s (goal {MERGE_GOAL_S:.0f} s), peak {merged['peak_mb']:.0f} MB"
    )
    print(
        f"one week's changes: {week['rows']:,.0f} rows in {week['seconds']:.2f} s, merged "
        f"{week_merge['changed']:,.0f} in {week_merge['seconds']:.2f} s (goal {WEEK_GOAL_S:.0f} s)"
    )
    ok = (
        full["seconds"] < SELECT_GOAL_S
        and merged["seconds"] < MERGE_GOAL_S
        and max(full["peak_mb"], merged["peak_mb"]) < MEMORY_GOAL_MB
        and week["seconds"] < WEEK_GOAL_S
        and week_merge["seconds"] < WEEK_GOAL_S
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
