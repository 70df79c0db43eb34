"""Building the district-scale demo database.

Goal: about 1,500 organizations, 30,000 members, 300 communities and 20,000 activities
written (and committed) in under 60 seconds. Exits non-zero when the goal is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 60.0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pbc-bench-demo-") as folder:
        os.environ.setdefault("PBC_DATA_DIR", str(Path(folder) / "data"))
        from pbc_desktop.db.engine import sqlite_url
        from pbc_desktop.db.migrate import open_database
        from pbc_desktop.services.demo import build_demo

        db = open_database(sqlite_url(Path(folder) / "district.sqlite"))
        try:
            started = time.perf_counter()
            summary = build_demo(db, scale="district")
            elapsed = time.perf_counter() - started
        finally:
            db.dispose()
        size_mb = (Path(folder) / "district.sqlite").stat().st_size / 1_000_000
    print(summary)
    print(f"database size: {size_mb:.1f} MB")
    verdict = "ok" if elapsed < GOAL_SECONDS else "TOO SLOW"
    print(f"build_demo(scale='district'): {elapsed:.1f} s (goal < {GOAL_SECONDS:.0f} s) {verdict}")
    return 0 if elapsed < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
