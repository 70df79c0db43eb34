"""Exchange packages at district scale, through the real path: a signed and encrypted
``.pbcx`` written from one office's database and received into another's.

Goals (issue "Offices exchange their data"): the district's full package (30,000 members,
20,000 activities and everything else) exported under 10 s, verified and previewed under
10 s, applied under 20 s, each step's peak memory under 400 MB; one week's changes (60
members, 20 activities edited) under 1 s each way. Each step runs in a child process of
its own, so its peak memory is its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_members import peak_mb
from common import bench_env, district_db

EXPORT_GOAL_S = 10.0
PREVIEW_GOAL_S = 10.0
APPLY_GOAL_S = 20.0
MEMORY_GOAL_MB = 400.0
WEEK_GOAL_S = 1.0


def _open(path: Path) -> Any:
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database

    return open_database(sqlite_url(path), actor="bench")


def step_setup(source: Path, target: Path) -> dict[str, float]:
    """Offices for both databases, each registered at the other."""
    from pbc_desktop.domain.enums import OrgLevel
    from pbc_desktop.services.exchange import offices

    a, b = _open(source), _open(target)
    # a town sending up to the district: the package holds everything the town has
    town = offices.OfficeSetup("和平镇党委", OrgLevel.TOWN, town="和平镇")
    if offices.local_card(a) is None:
        offices.create_local_office(a, town)
    else:
        offices.update_local_office(a, town)
    offices.create_local_office(b, offices.OfficeSetup("区委组织部", OrgLevel.DISTRICT))
    card_a, card_b = offices.local_card(a), offices.local_card(b)
    assert card_a is not None
    assert card_b is not None
    offices.register_card(a, card_b)
    offices.register_card(b, card_a)
    a.dispose()
    b.dispose()
    return {}


def step_export(source: Path, package: Path) -> dict[str, float]:
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.exchange.transfer import send_package

    db = _open(source)
    me = offices.local_office(db)
    to = offices.find_office(db, "区委组织部")
    start = time.perf_counter()
    sent = send_package(db, package, me=me, to=to, encrypt=True)
    seconds = time.perf_counter() - start
    db.dispose()
    return {"seconds": seconds, "rows": sum(sent.counts.values()), "peak_mb": peak_mb()}


def step_receive(target: Path, package: Path, dry: str) -> dict[str, float]:
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.exchange.transfer import preview_package, receive_package

    db = _open(target)
    me = offices.local_office(db)
    step = preview_package if dry == "preview" else receive_package
    start = time.perf_counter()
    received = step(db, package, me=me, lookup_sender=offices.lookup(db))
    seconds = time.perf_counter() - start
    db.dispose()
    changed = sum(sum(c.values()) - c["unchanged"] for c in received.result.counts.values())
    return {"seconds": seconds, "changed": changed, "peak_mb": peak_mb()}


def step_week(source: Path) -> dict[str, float]:
    """A week's edits at the source."""
    from sqlalchemy import select

    from pbc_desktop.db.models import Activity, PartyMember

    db = _open(source)
    with db.write() as s:
        for member in s.scalars(select(PartyMember).limit(60)):
            member.work_unit = (member.work_unit or "") + "·"
        for activity in s.scalars(select(Activity).limit(20)):
            activity.summary = (activity.summary or "") + "。"
    db.dispose()
    return {}


STEPS = {"setup": step_setup, "export": step_export, "receive": step_receive, "week": step_week}


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
        result = STEPS[step](*[Path(a) if "/" in a else a for a in args])  # type: ignore[operator]
        print(json.dumps(result))
        return 0
    work = Path(tempfile.mkdtemp(prefix="pbc-bench-exchange-"))
    source, target = work / "town.sqlite", work / "district.sqlite"
    shutil.copy(district_db(), source)
    _child("setup", str(source), str(target))
    full, week = work / "full.pbcx", work / "week.pbcx"
    export = _child("export", str(source), str(full))
    preview = _child("receive", str(target), str(full), "preview")
    apply = _child("receive", str(target), str(full), "apply")
    _child("week", str(source))
    week_out = _child("export", str(source), str(week))
    week_in = _child("receive", str(target), str(week), "apply")
    size = full.stat().st_size / 1e6
    print(
        f"full package: {export['rows']:,.0f} records, {size:.0f} MB, encrypted; "
        f"exported in {export['seconds']:.1f} s (goal {EXPORT_GOAL_S:.0f}), "
        f"peak {export['peak_mb']:.0f} MB"
    )
    print(
        f"verified and previewed in {preview['seconds']:.1f} s (goal {PREVIEW_GOAL_S:.0f}), "
        f"peak {preview['peak_mb']:.0f} MB"
    )
    print(
        f"applied: {apply['changed']:,.0f} records in {apply['seconds']:.1f} s "
        f"(goal {APPLY_GOAL_S:.0f}), peak {apply['peak_mb']:.0f} MB"
    )
    print(
        f"one week's changes: {week_out['rows']:,.0f} records out in {week_out['seconds']:.2f} s, "
        f"{week_in['changed']:,.0f} in, {week_in['seconds']:.2f} s (goal {WEEK_GOAL_S:.0f} s)"
    )
    peaks = [export["peak_mb"], preview["peak_mb"], apply["peak_mb"]]
    ok = (
        export["seconds"] < EXPORT_GOAL_S
        and preview["seconds"] < PREVIEW_GOAL_S
        and apply["seconds"] < APPLY_GOAL_S
        and max(peaks) < MEMORY_GOAL_MB
        and max(week_out["seconds"], week_in["seconds"]) < WEEK_GOAL_S
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
