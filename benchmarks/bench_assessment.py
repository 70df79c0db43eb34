"""The dashboard figures and the assessment report on the district-scale database.

Goals: the 概览 figures (headline figures and the small charts) under 500 ms; the
assessment report of every community assessed in a year (about 300) under 10 s.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import bench_env, district_db


def main() -> int:
    os.environ.update(bench_env())
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.reports.assessment import build_assessment_report
    from pbc_desktop.services import stats
    from pbc_desktop.services.assessments import indicator_sets, results

    database = open_database(sqlite_url(district_db()))
    try:
        years = stats.available_years(database)
        overview: list[float] = []
        for year in years[:3]:
            for town in (None, "成田镇"):
                t0 = time.perf_counter()
                stats.headline_figures(database, year, town)
                stats.chart_figures(database, year, town)
                overview.append(time.perf_counter() - t0)
        worst_ms = max(overview) * 1000
        print(f"概览 figures and charts: worst {worst_ms:.0f} ms (goal < 500 ms)")

        assessed = [
            y for y in indicator_sets.years(database) if results.count_assessments(database, y)
        ]
        year = assessed[0]
        count = results.count_assessments(database, year)
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "assessment.pdf"
            t0 = time.perf_counter()
            build_assessment_report(database, year, out)
            report_s = time.perf_counter() - t0
            size_kb = out.stat().st_size // 1024
        print(
            f"assessment report of {year}, {count} communities: {report_s:.1f} s, "
            f"{size_kb} KB (goal < 10 s)"
        )
    finally:
        database.dispose()
    return 0 if worst_ms < 500 and report_s < 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
