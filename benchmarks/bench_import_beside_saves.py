"""A 30,000-row member roster imported on one PC while another PC saves members, on one
PostgreSQL server (the import's locks, issue 14).

    python benchmarks/bench_import_beside_saves.py

starts a throwaway server (``tests/pg_cluster.py``; or uses the empty database that
``PBC_TEST_DB_URL`` names), makes 60 branches and one member outside the roster, writes
the roster of ``bench_import.py`` (as a CSV file: reading it is not what is measured),
then imports it twice: new members, and the same members again with new phones
(``update``: 30,000 changed members, each with its audit entry). Meanwhile another
process, as another PC, saves the member outside the roster every 0.2 s
(``member_editing.update_member``, version-checked) and times each save.

Reported for each import: how long it wrote, how many of the other PC's saves went in
meanwhile and the longest wait of one. Goal: the other PC never waits more than 2 s (the
import's last moment, when its audit entries are appended and it commits), far from the
server's ``lock_timeout`` (15 s), after which a save is refused. Needs PostgreSQL's
programs (``initdb``, ``pg_ctl``): without them nothing is measured.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_import import HEADERS, roster_lines
from bench_server_load import server
from common import CACHE

GOAL_WAIT_S = 2.0
SAVE_EVERY_S = 0.2
BRANCHES = 60


def other_pc(url: str, member_id: int, stop: Any, out: Any) -> None:
    """Save the member every ``SAVE_EVERY_S`` until ``stop``; put (ended, seconds,
    refusal or "") of each save in ``out``."""
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.errors import UserError
    from pbc_desktop.services import member_editing

    db = open_database(url, actor="另一台电脑", create=False)
    saves: list[tuple[float, float, str]] = []
    n = 0
    while not stop.is_set():
        n += 1
        data = member_editing.get_member_input(db, member_id)
        started = time.monotonic()
        refusal = ""
        try:
            member_editing.update_member(db, member_id, replace(data, work_unit=f"单位{n}"))
        except UserError as exc:
            refusal = str(exc)
        saves.append((time.monotonic(), time.monotonic() - started, refusal))
        time.sleep(SAVE_EVERY_S)
    db.dispose()
    out.put(saves)


def main() -> int:
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services.member_import import apply_import, read_members
    from tests.factories import make_member, make_orgs
    from tests.import_factories import csv_roster

    with server() as url:
        if url is None:
            print("PostgreSQL is not installed (no initdb/pg_ctl): nothing measured.")
            return 0
        db = open_database(url, actor="导入的电脑")
        names = [f"测试村{i:03d}党支部" for i in range(BRANCHES)]
        make_orgs(db, *names)
        outside = make_member(db, "名册外党员", 1, complete=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        ok = True
        for seed, on_duplicate in ((1, "skip"), (2, "update")):
            above, rows = roster_lines(names, seed)
            path = CACHE / f"roster-beside-{seed}.csv"
            csv_roster(path, rows, headers=HEADERS, above=above, encoding="utf-8-sig")
            preview = read_members(db, path)
            stop, out = multiprocessing.Event(), multiprocessing.Queue()
            pc = multiprocessing.Process(target=other_pc, args=(url, outside, stop, out))
            pc.start()
            time.sleep(2.0)  # the other PC saving before the import starts
            started = time.monotonic()
            result = apply_import(db, preview, on_duplicate=on_duplicate)  # type: ignore[arg-type]
            ended = time.monotonic()
            time.sleep(1.0)
            stop.set()
            saves: list[tuple[float, float, str]] = out.get()
            pc.join()
            during = [s for s in saves if s[0] > started and s[0] - s[1] < ended]
            longest = max((s[1] for s in during), default=0.0)
            refused = [s[2] for s in during if s[2]]
            met = longest <= GOAL_WAIT_S and not refused
            ok = ok and met
            print(
                f"{on_duplicate}: {result.imported} new, {result.updated} updated, written in "
                f"{ended - started:.1f} s; the other PC's saves meanwhile: {len(during)}, "
                f"the longest wait {longest:.2f} s (goal <= {GOAL_WAIT_S} s): "
                f"{'ok' if met else 'TOO LONG'}"
            )
            for refusal in refused[:3]:
                print(f"  refused: {refusal}")
        db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
