"""Importing a 30,000-row member roster into a copy of the district-scale database.

Goal: reading and checking the workbook plus writing the members under 20 s, for new
members and again when the same members come back with new phone numbers (all updated);
the UI thread stays responsive meanwhile (the longest gap between its timer ticks is
reported, goal < 250 ms). Also reports the peak memory (maximum resident set)."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CACHE, bench_env, district_db

GOAL_SECONDS = 20.0
GOAL_STALL_MS = 250.0
ROWS = 30_000
HEADERS = (
    "序号",
    "姓名",
    "性别",
    "民族",
    "出生日期",
    "身份证号码",
    "籍贯",
    "学历",
    "入党时间",
    "转正时间",
    "人员类别",
    "党内职务",
    "工作单位及职务",
    "联系电话",
    "所在党组织",
    "党籍状态",
    "备注",
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_number(region: str, birth: date, seq: int) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def make_roster(path: Path, organizations: list[str], phones_seed: int) -> Path:
    """A roster as offices send it: a title, the header on row 3, dates in several forms.

    The same members each time; ``phones_seed`` gives them other phone numbers.
    """
    from openpyxl import Workbook

    rng = random.Random(2021)
    phones = random.Random(phones_seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("党员名册")
    ws.append(["潮南区党员信息采集表"])
    ws.append(["填报单位:区委组织部", None, None, None, "填报日期:2026年5月"])
    ws.append(list(HEADERS))
    day0 = date(1950, 1, 1)
    used: set[str] = set()
    for i in range(ROWS):
        number = ""
        while not number or number in used:
            birth = day0 + timedelta(days=rng.randrange(0, 365 * 40))
            number = _id_number("445199", birth, rng.randrange(0, 1000))
        used.add(number)
        joined = birth + timedelta(days=365 * 20 + rng.randrange(0, 3650))
        confirmed = joined + timedelta(days=365)
        forms = (
            joined.isoformat(),
            f"{joined.year}.{joined.month}.{joined.day}",
            f"{joined.year}年{joined.month}月{joined.day}日",
            joined,
        )
        ws.append(
            [
                i + 1,
                f"党员{i:05d}",
                "男" if int(number[16]) % 2 else "女",
                "汉族",
                birth,
                number,
                "广东潮南",
                rng.choice(("初中", "高中", "大专", "本科")),
                forms[i % 4],
                f"{confirmed.year}.{confirmed.month:02d}",
                "正式党员",
                None,
                "某某村委会",
                f"13{phones.randrange(100000000, 999999999)}",
                rng.choice(organizations),
                "正常",
                None,
            ]
        )
    wb.save(path)
    return path


def main() -> int:
    os.environ.update(bench_env())
    source = district_db()
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.services import member_import as svc
    from pbc_desktop.ui.worker import CancelFn, ProgressFn, run_with_progress

    with sqlite3.connect(source) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM organization WHERE level='village'")]
    rosters = {}
    for on_duplicate, seed in (("skip", 1), ("update", 2)):
        roster = rosters[on_duplicate] = CACHE / f"import-{ROWS}-{seed}.xlsx"
        if not roster.exists():
            t0 = time.perf_counter()
            make_roster(roster, names, seed)
            print(f"generated {roster.name}: {time.perf_counter() - t0:.1f} s")
    app = QApplication.instance() or QApplication([])
    start_rss = _peak_rss_mb()
    ok = True
    with tempfile.TemporaryDirectory(prefix="pbc-bench-import-") as folder:
        db_path = Path(folder) / "district.sqlite"
        shutil.copy(source, db_path)
        db = open_database(sqlite_url(db_path), backup_dir=Path(folder) / "backups")
        try:
            for on_duplicate in ("skip", "update"):
                stall = {"worst": 0.0}
                clock = QElapsedTimer()
                clock.start()

                def tick(clock: QElapsedTimer = clock, stall: dict[str, float] = stall) -> None:
                    stall["worst"] = max(stall["worst"], clock.restart() - 20)

                timer = QTimer()
                timer.timeout.connect(tick)
                timer.start(20)

                def read(
                    progress: ProgressFn, cancelled: CancelFn, roster: Path = rosters[on_duplicate]
                ) -> svc.ImportPreview:
                    return svc.read_members(db, roster, progress=progress, cancelled=cancelled)

                t0 = time.perf_counter()
                outcome = run_with_progress(None, "reading", read)
                read_s = time.perf_counter() - t0
                preview = outcome.result
                if preview is None:
                    raise RuntimeError(outcome.error)
                bad = preview.bad_rows(on_duplicate)
                if bad:
                    raise RuntimeError(bad[0].line())

                def write(
                    progress: ProgressFn,
                    cancelled: CancelFn,
                    preview: svc.ImportPreview = preview,
                    on_duplicate: svc.OnDuplicate = on_duplicate,
                ) -> svc.ImportResult:
                    return svc.apply_import(
                        db, preview, on_duplicate=on_duplicate, progress=progress
                    )

                t1 = time.perf_counter()
                outcome_w = run_with_progress(None, "writing", write)
                write_s = time.perf_counter() - t1
                timer.stop()
                timer.deleteLater()
                app.processEvents()
                if outcome_w.result is None:
                    raise RuntimeError(outcome_w.error)
                total = read_s + write_s
                verdict = "ok" if total < GOAL_SECONDS else "TOO SLOW"
                ui_verdict = "ok" if stall["worst"] < GOAL_STALL_MS else "UI STALLS"
                ok = ok and total < GOAL_SECONDS and stall["worst"] < GOAL_STALL_MS
                label = "new members" if on_duplicate == "skip" else "again, new phone numbers"
                print(
                    f"{ROWS} rows, {label}: read+check {read_s:.1f} s, write {write_s:.1f} s, "
                    f"total {total:.1f} s (goal < {GOAL_SECONDS:.0f} s) {verdict}"
                )
                print(f"  {outcome_w.result.summary()}")
                print(
                    f"  UI thread: longest stall {stall['worst']:.0f} ms "
                    f"(goal < {GOAL_STALL_MS:.0f} ms) {ui_verdict}"
                )
        finally:
            db.dispose()
    peak = _peak_rss_mb()
    if peak is not None and start_rss is not None:
        print(f"peak memory (max RSS): {peak:.0f} MB, {peak - start_rss:.0f} MB above the start")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
