"""Start-up, memory and filtering on the district-scale database.

Each figure is taken in a fresh process, from the moment the process is started (five runs,
the median; the first run only warms the file cache):

- the sign-in dialog painted, no account given (the dialog then waits for one);
- the window painted with its first tab filled, signing in as the district's administrator
  (``PBC_USER``/``PBC_PASSWORD``): under 1.5 s;
- memory: the resident set with the window open on its first tab, then after each tab was
  opened once (in the tabs' order; its first showing timed beside it), and the peak;
- the command line: ``pbc --help`` and ``pbc info`` (signing in as the administrator);
  ``pbc --help`` does not open a database, so it loads no database library either;
- pypinyin's dictionaries (``ui/shell/preload.py``): with the window idle for a while after
  its first tab, the first search by initials (``zs`` among the members) and the first
  organization opened (its communities sorted by pinyin: the first name that needs the
  dictionaries) on the UI thread, the objects left in the garbage collector's passes and
  a full pass's time, with the idle preload and without it (as before it).

Then filtering the 共同体 table answers in under 100 ms.

``python bench_startup.py --child MODE DB`` is one measured process (``sign-in``,
``window``, ``tabs``, ``first-use`` or ``first-use-unloaded``): it starts the program as
``pbc-desktop --db DB`` does, noting (through an event filter) the first paint of the
sign-in dialog or of the window's tab.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db, peak_rss_mb, rss_mb

RUNS = 5
WINDOW_GOAL_S = 1.5
SIGN_IN_GOAL_S = 1.0
HELP_GOAL_S = 0.3
INFO_GOAL_S = 1.5
PEAK_GOAL_MB = 400.0
FILTER_GOAL_MS = 100.0
TIMEOUT_S = 120.0
#: How long the window is left idle before the first uses are timed (the preload: 3 s).
IDLE_S = 6.0


# -- the measured process --------------------------------------------------------------------
def child(mode: str, db_path: str) -> int:
    """The program started on ``db_path``; prints ``signin``, ``painted`` and (``tabs``)
    ``tab <key> <ms> <resident MB>`` and ``peak <MB>`` lines as they happen."""
    if mode == "sign-in":  # common.py names the demo's administrator for every process
        os.environ.pop("PBC_USER", None)
        os.environ.pop("PBC_PASSWORD", None)
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([sys.argv[0]])

    def say(line: str) -> None:
        print(line, flush=True)

    def memory() -> str:  # nan where the platform does not say (Windows)
        unknown = float("nan")
        return f"{rss_mb() or unknown:.1f} {peak_rss_mb() or unknown:.1f}"

    def settle() -> None:
        """Let the tab paint and its background loads (the reminders) finish."""
        app.processEvents()
        deadline = time.perf_counter() + 30
        while time.perf_counter() < deadline and any(
            t.name == "reminders" for t in threading.enumerate()
        ):
            app.processEvents()
            time.sleep(0.01)
        app.processEvents()

    def visit_tabs(window: object) -> None:
        first = window.current_key()  # type: ignore[attr-defined]
        say(f"tab {first} 0 {memory()}")
        for key in window.tab_keys():  # type: ignore[attr-defined]
            if key == first:
                continue
            t0 = time.perf_counter()
            window.show_tab(key)  # type: ignore[attr-defined]
            app.processEvents()
            shown_ms = (time.perf_counter() - t0) * 1000
            settle()
            say(f"tab {key} {shown_ms:.0f} {memory()}")
        window.show_tab(first)  # type: ignore[attr-defined]  # the tab remembered stays
        close(window)

    def close(window: object) -> None:
        window.close()  # type: ignore[attr-defined]
        app.quit()

    def first_use(window: Any) -> None:
        """Idle :data:`IDLE_S`, then the first search by initials and organization opened,
        timed on the UI thread (ms wall, ms CPU), then a full garbage collection."""
        import gc

        from sqlalchemy import select

        from pbc_desktop.db.models import Community
        from pbc_desktop.domain import pinyin
        from pbc_desktop.services import members, organizations
        from pbc_desktop.services.paging import PageRequest

        idle_until = time.perf_counter() + IDLE_S
        while time.perf_counter() < idle_until:
            app.processEvents()
            time.sleep(0.01)
        say(f"loaded {int(pinyin.dictionaries_loaded())}")
        say(f"frozen {gc.get_freeze_count()} tracked {len(gc.get_objects())}")
        db = window.ctx.db
        query = members.MemberQuery(text="zs")  # as the 党员 tab asks it

        def timed(name: str, act: Callable[[], object]) -> None:
            t0, c0 = time.perf_counter(), time.thread_time()
            act()
            wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
            say(f"use {name} {wall * 1000:.0f} {cpu * 1000:.0f}")

        timed("search", lambda: members.list_members(db, query, PageRequest()))
        with db.read() as s:
            org_id = s.scalar(select(Community.lead_org_id).limit(1))
        timed("organization", lambda: organizations.get_organization(db, org_id))
        say(f"loaded {int(pinyin.dictionaries_loaded())}")
        t0 = time.perf_counter()
        gc.collect()
        say(f"gc {(time.perf_counter() - t0) * 1000:.0f} {len(gc.get_objects())} {memory()}")
        close(window)

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                self.painted(watched)
            return False

        def painted(self, widget: QWidget) -> None:
            window = widget.window()
            kind = type(window).__name__
            if kind == "SignInDialog" and mode == "sign-in":
                app.removeEventFilter(self)
                say(f"signin {memory()}")
                QTimer.singleShot(0, window.reject)  # type: ignore[attr-defined]
            elif kind == "MainWindow" and mode != "sign-in":
                tabs = window.tab_widget  # type: ignore[attr-defined]
                tab = tabs.currentWidget()
                if window.current_key() not in window._tabs:  # type: ignore[attr-defined]
                    return  # a placeholder: not yet built
                if widget is not tab and not tab.isAncestorOf(widget):
                    return
                app.removeEventFilter(self)
                say(f"painted {memory()}")
                then = {"tabs": visit_tabs}.get(mode, first_use if "first-use" in mode else close)
                QTimer.singleShot(0, lambda: then(window))

    watch = Watch()
    app.installEventFilter(watch)
    if mode == "first-use-unloaded":  # as before the preload: the first name loads them
        from pbc_desktop.ui.shell.preload import DictionaryPreload

        DictionaryPreload._when_idle = lambda _self: None  # type: ignore[method-assign]
    elif mode == "first-use":  # the preload's own time: its thread's, then the settling's
        from pbc_desktop.ui.shell import preload

        def timing(name: str, step: Callable[[], None]) -> Callable[[], None]:
            def timed() -> None:
                t0, c0 = time.perf_counter(), time.thread_time()
                step()
                wall, cpu = time.perf_counter() - t0, time.thread_time() - c0
                say(f"preload {name} {wall * 1000:.0f} {cpu * 1000:.0f} {memory()}")

            return timed

        preload.load_dictionaries = timing("load", preload.load_dictionaries)
        preload.settle_more = timing("settle", preload.settle_more)
    from pbc_desktop import app as program

    return program.main(["--db", db_path])


def run_child(mode: str, db_path: Path) -> tuple[dict[str, float], list[tuple[str, float, float]]]:
    """Seconds from the start of a ``child`` process to each of its marks (``signin``,
    ``painted``), the memory figures (``<mark> rss``, ``peak``) and the tabs (key, first
    showing in ms, resident MB)."""
    env = bench_env()
    env.pop("PBC_USER", None)
    env.pop("PBC_PASSWORD", None)
    if mode != "sign-in":
        env["PBC_USER"], env["PBC_PASSWORD"] = "admin", "demo1234"
    command = [sys.executable, __file__, "--child", mode, str(db_path)]
    marks: dict[str, float] = {}
    tabs: list[tuple[str, float, float]] = []
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as process:
        watchdog = threading.Timer(TIMEOUT_S, process.kill)
        watchdog.start()
        assert process.stdout is not None
        for line in process.stdout:
            at = time.perf_counter() - started
            words = line.split()
            if words and words[0] in ("signin", "painted"):
                marks[words[0]] = at
                marks[f"{words[0]} rss"] = float(words[1])
                marks["peak"] = float(words[2])
            elif words and words[0] == "tab":
                tabs.append((words[1], float(words[2]), float(words[3])))
                marks["peak"] = float(words[4])
        watchdog.cancel()
    assert process.returncode == 0, (command, process.returncode)
    return marks, tabs


def child_lines(mode: str, db_path: Path) -> list[str]:
    """The ``first-use`` lines of a ``child`` process, as it printed them."""
    env = bench_env()
    env["PBC_USER"], env["PBC_PASSWORD"] = "admin", "demo1234"
    command = [sys.executable, __file__, "--child", mode, str(db_path)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    keep = ("painted", "preload", "loaded", "frozen", "use", "gc")
    return [line for line in done.stdout.splitlines() if line.startswith(keep)]


def child_mark(mode: str, db_path: Path, mark: str) -> float:
    """Seconds from the start of a ``child`` process to its ``mark``."""
    return run_child(mode, db_path)[0][mark]


def command_seconds(arguments: list[str]) -> float:
    """Seconds a ``pbc`` command takes, from process start to its end."""
    env = bench_env()
    env["PBC_USER"], env["PBC_PASSWORD"] = "admin", "demo1234"
    command = [sys.executable, "-m", "pbc_desktop.cli", *arguments]
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def median_of(step: Callable[[], float]) -> tuple[float, float]:
    step()  # warms the file cache
    runs = [step() for _ in range(RUNS)]
    return statistics.median(runs), min(runs)


# -- filtering -----------------------------------------------------------------------------
def filter_timings(db: Path) -> dict[str, float]:
    os.environ.update(bench_env())
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.communities.tab import CommunitiesTab

    app = QApplication.instance() or QApplication([])
    database = open_database(sqlite_url(db))
    tab = CommunitiesTab(AppContext(database))
    tab.show()
    app.processEvents()
    timings: dict[str, list[float]] = {"search": [], "town": [], "status": []}
    for text in ("成田", "教育", "村", "共同体", "社区"):
        tab.search_edit.setText(text)
        t0 = time.perf_counter()
        tab.reload()
        timings["search"].append(time.perf_counter() - t0)
    tab.search_edit.clear()
    for town in ("成田镇", "峡山街道", "红场镇"):
        t0 = time.perf_counter()
        tab.apply_filters(town=town)
        timings["town"].append(time.perf_counter() - t0)
    from pbc_desktop.domain.enums import CommunityStatus

    for status in (CommunityStatus.RUNNING, CommunityStatus.APPLIED):
        t0 = time.perf_counter()
        tab.apply_filters(status=status)
        timings["status"].append(time.perf_counter() - t0)
    database.dispose()
    return {k: max(v) * 1000 for k, v in timings.items() if v}


# -- the table -------------------------------------------------------------------------------
def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3])
    db = district_db()
    ok = True

    def row(name: str, figure: str, goal: str = "-", met: bool = True) -> None:
        nonlocal ok
        ok = ok and met
        print(f"{name:<44} {figure:>24} {goal:>10}  {'ok' if met else 'MISSED'}")

    print(f"{'measure':<44} {'figure':>24} {'goal':>10}  verdict")
    for mode, mark, caption, goal in (
        ("sign-in", "signin", "sign-in dialog painted", SIGN_IN_GOAL_S),
        ("window", "painted", "window painted, first tab filled", WINDOW_GOAL_S),
    ):
        median, best = median_of(partial(child_mark, mode, db, mark))
        row(caption, f"{median:.2f} s (min {best:.2f} s)", f"< {goal} s", median < goal)

    marks, tabs = run_child("tabs", db)
    row("resident, window on its first tab", f"{marks['painted rss']:.0f} MB")
    for key, shown_ms, resident in tabs[1:]:
        row(f"  after {key} (shown in {shown_ms:.0f} ms)", f"{resident:.0f} MB")
    peak = marks["peak"]
    row("peak, every tab opened once", f"{peak:.0f} MB", f"< {PEAK_GOAL_MB:.0f} MB",
        math.isnan(peak) or peak < PEAK_GOAL_MB)  # fmt: skip

    for arguments, goal in ((["--help"], HELP_GOAL_S), (["info", "--db", str(db)], INFO_GOAL_S)):
        median, best = median_of(partial(command_seconds, arguments))
        caption = f"pbc {arguments[0]}"
        row(caption, f"{median:.2f} s (min {best:.2f} s)", f"< {goal} s", median < goal)

    for mode in ("first-use-unloaded", "first-use"):
        for line in child_lines(mode, db):
            row(f"{mode}: {line}", "")

    for name, ms in filter_timings(db).items():
        row(f"filter 共同体 by {name} (worst)", f"{ms:.0f} ms", f"< {FILTER_GOAL_MS:.0f} ms",
            ms < FILTER_GOAL_MS)  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
