"""Accounts on the district-scale database (issue 12, "People and permissions").

Goals:
- start-up to the window with its first tab filled, signing in through the real path
  (``--user`` with ``PBC_PASSWORD``: the argon2 verify with the production parameters, the
  sign-in written to the audit log): no more than 0.3 s above the same start-up without a
  sign-in (the window opened at once, as before accounts);
- for a town account and a village account (a real town and village of the data, the
  accounts made through ``services.accounts``): every tab built and its first page filled
  under 300 ms, the search box's filtering under 100 ms;
- and, for the record, the argon2id hash and verify times with the production parameters.

Each start-up runs in a child process (five of each, the median compared).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db

STARTUP_GOAL_S = 0.3  # sign-in's cost above the start-up without it
TAB_GOAL_MS = 300.0
SEARCH_GOAL_MS = 100.0
RUNS = 5
STARTUP_TIMEOUT_S = 60.0
PASSWORD = "Bench-pass-2026"

#: What a clerk types into each tab's search box, one keystroke at a time.
SEARCHES = {
    "communities": ("共同体", "村"),
    "organizations": ("党支部", "村"),
    "members": ("张伟", "138"),
    "activities": ("主题党日", "学习"),
    "lists": ("项目", "修"),
    "assessment": ("共同体",),
}


# -- start-up ------------------------------------------------------------------------------
def no_sign_in_child(db_path: str) -> int:
    """The window as before accounts: opened at once, the program acting (no sign-in)."""
    from pbc_desktop import app
    from pbc_desktop.db.engine import Database
    from pbc_desktop.domain.accounts import SYSTEM, Actor
    from pbc_desktop.ui.accounts import session

    def opened_at_once(db: Database, *_args: object, **_options: object) -> Actor:
        db.user = SYSTEM
        return SYSTEM

    session.sign_in_to = opened_at_once  # type: ignore[assignment]
    return app.main(["--db", db_path, "--exit-after-show"])


def startup(db_path: Path | str, *, sign_in: bool) -> float:
    """Seconds from starting the process to the window shown with its first tab filled
    (the child prints "shown" then; what it does on closing is not counted); ``db_path``
    a file or a server's URL."""
    env = bench_env()
    env.pop("PBC_USER", None)
    env.pop("PBC_PASSWORD", None)
    if sign_in:
        command = [sys.executable, "-m", "pbc_desktop.app", "--db", str(db_path)]
        command.append("--exit-after-show")
        env["PBC_USER"], env["PBC_PASSWORD"] = "admin", "demo1234"
    else:
        command = [sys.executable, __file__, "--no-sign-in", str(db_path)]
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        # A window stopped by a message (offscreen, nobody to close it) must not hang the run.
        watchdog = threading.Timer(STARTUP_TIMEOUT_S, child.kill)
        watchdog.start()
        assert child.stdout is not None
        shown = None
        for line in child.stdout:
            if line.startswith("shown ") and shown is None:
                shown = time.perf_counter() - started
        watchdog.cancel()
    assert shown is not None, f"no window within {STARTUP_TIMEOUT_S} s: {' '.join(command)}"
    assert child.returncode == 0, child.returncode
    return shown


# -- accounts and tabs ---------------------------------------------------------------------
def bench_accounts(db_path: Path) -> dict[str, str]:
    """A town account for the town with the most organizations and a village account for
    the village organization in the most communities (made once, through the services)."""
    from sqlalchemy import func, select

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.models import CommunityMember, Organization
    from pbc_desktop.domain.enums import OrgLevel, UserRole
    from pbc_desktop.services.accounts import users

    database = open_database(sqlite_url(db_path))
    try:
        with database.read() as s:
            town = s.execute(
                select(Organization.town, func.count())
                .where(Organization.town.is_not(None))
                .group_by(Organization.town)
                .order_by(func.count().desc())
            ).first()
            village = s.execute(
                select(Organization.id, Organization.name, func.count())
                .join(CommunityMember, CommunityMember.organization_id == Organization.id)
                .where(Organization.level == OrgLevel.VILLAGE)
                .group_by(Organization.id)
                .order_by(func.count().desc(), Organization.id)
            ).first()
        assert town is not None
        assert village is not None
        known = {u.username for u in users.list_users(database)}
        wanted = (
            users.UserInput(
                "bench_town", "镇组织委员", f"{town[0]}党委", UserRole.TOWN, None, town[0]
            ),
            users.UserInput("bench_village", "村书记", village[1], UserRole.VILLAGE, village[0]),
        )
        for data in wanted:
            if data.username not in known:
                users.create_user(database, data, PASSWORD, must_change=False)
    finally:
        database.dispose()
    return {"bench_town": f"{town[0]}", "bench_village": f"{village[1]}"}


def tab_timings(db_path: Path, username: str) -> dict[str, float]:
    """Milliseconds, the worst of three: each tab built, shown and its first page filled;
    each keystroke's filtering in its search box."""
    os.environ.update(bench_env())
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services.accounts.sign_in import sign_in
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.common.listing_tab import ListingTab
    from pbc_desktop.ui.shell.main_window import TABS, _tab_factories

    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db_path))
    database.user = sign_in(database, username, PASSWORD, note=False).actor
    ctx = AppContext(database)
    titles = {key: title for key, title, _class in TABS}
    out: dict[str, float] = {}

    def worst(name: str, step: Callable[[], object]) -> object:
        t0 = time.perf_counter()
        result = step()
        app.processEvents()
        out[name] = max(out.get(name, 0.0), (time.perf_counter() - t0) * 1000)
        return result

    for key, _title, factory in _tab_factories():
        label = f"{key} ({titles[key]})"

        def build(factory: Callable[[AppContext], object] = factory) -> object:
            tab = factory(ctx)
            tab.resize(1300, 800)  # type: ignore[attr-defined]
            tab.show()  # type: ignore[attr-defined]
            return tab

        for _ in range(3):
            tab = worst(f"{label}: show, first page", build)
            tab.deleteLater()  # type: ignore[attr-defined]
            app.processEvents()
        tab = build()
        app.processEvents()
        if isinstance(tab, ListingTab):
            for word in SEARCHES.get(key, ()):
                for n in range(1, len(word) + 1):
                    tab.search_edit.setText(word[:n])  # the tab waits for a pause, then:
                    worst(f"{label}: search", tab.reload)
            tab.search_edit.clear()
            tab.reload()
        tab.deleteLater()  # type: ignore[attr-defined]
        app.processEvents()
    database.dispose()
    return out


def tabs_child(db_path: str, username: str) -> int:
    """Run :func:`tab_timings` in a process of its own and print its figures."""
    for name, ms in tab_timings(Path(db_path), username).items():
        print(f"{ms:.3f}\t{name}")
    return 0


def account_tabs(db_path: Path, username: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--tabs", str(db_path), username],
        check=True,
        capture_output=True,
        text=True,
        env=bench_env(),
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        ms, _tab, name = line.partition("\t")
        if name:
            figures[name] = float(ms)
    return figures


# -- argon2 --------------------------------------------------------------------------------
def argon2_ms() -> tuple[float, float, str]:
    from pbc_desktop.services.accounts import passwords

    hasher = passwords.HASHER
    hashes, verifies = [], []
    stored = ""
    for _ in range(RUNS):
        t0 = time.perf_counter()
        stored = passwords.hash_password(PASSWORD)
        hashes.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        assert passwords.verify_password(stored, PASSWORD)
        verifies.append(time.perf_counter() - t0)
    parameters = (
        f"argon2id m={hasher.memory_cost} KiB, t={hasher.time_cost}, p={hasher.parallelism}"
    )
    return statistics.median(hashes) * 1000, statistics.median(verifies) * 1000, parameters


# -- the table -------------------------------------------------------------------------------
def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--no-sign-in":
        return no_sign_in_child(sys.argv[2])
    if len(sys.argv) == 4 and sys.argv[1] == "--tabs":
        return tabs_child(sys.argv[2], sys.argv[3])
    db_path = district_db()
    ok = True
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, figure: str, goal: str, met: bool) -> None:
        nonlocal ok
        ok = ok and met
        rows.append((name, figure, goal, "ok" if met else "MISSED"))

    hash_ms, verify_ms, parameters = argon2_ms()
    row(f"{parameters}: hash", f"{hash_ms:.0f} ms", "-", True)
    row(f"{parameters}: verify", f"{verify_ms:.0f} ms", "-", True)

    startup(db_path, sign_in=True)  # warm the file cache, make the settings, migrate
    plain, signed = [], []
    for _ in range(RUNS):  # alternately, so that a busy moment weighs on both
        plain.append(startup(db_path, sign_in=False))
        signed.append(startup(db_path, sign_in=True))
    for caption, runs in (("start-up, no sign-in", plain), ("start-up, signing in", signed)):
        median = statistics.median(runs)
        row(caption, f"{median:.2f} s (min {min(runs):.2f} s)", "-", True)
    above = statistics.median(signed) - statistics.median(plain)
    met = above <= STARTUP_GOAL_S
    row("sign-in above start-up", f"{above:+.2f} s", f"<= {STARTUP_GOAL_S} s", met)

    for username, where in bench_accounts(db_path).items():
        for name, ms in account_tabs(db_path, username).items():
            goal = SEARCH_GOAL_MS if name.endswith("search") else TAB_GOAL_MS
            row(f"{username} ({where}) {name}", f"{ms:.0f} ms", f"< {goal:.0f} ms", ms < goal)

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>22}  {'goal':>9}  verdict")
    for name, figure, goal, verdict in rows:
        print(f"{name:<{width}}  {figure:>22}  {goal:>9}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
