"""The demo district in a test's own database, built once per process on SQLite.

Building the demo takes several seconds; a dozen test modules need it, most of them in
every test. :func:`demo_into` builds it once per process and set of options into a file
of its own, then copies that file's pages into the test's database (SQLite's backup API,
which replaces the whole content) and the office's key file beside it, so that each test
still has a database of its own. On
the server run it builds the demo in place, as before.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import User
from pbc_desktop.services.demo import DemoSummary, build_demo
from pbc_desktop.services.exchange.offices import key_file
from tests.conftest import add_test_admin, empty_sqlite_at_head

_BUILT: dict[tuple[Any, ...], tuple[Path, Path, DemoSummary]] = {}


def demo_into(db: Database, *, today: date, seed: int | None = None) -> DemoSummary:
    """``build_demo(db, today=today, seed=seed)`` for a fresh ``db`` (empty, or holding only
    the suite's test administrator, as the ``db`` fixture gives it)."""
    options: dict[str, Any] = {"today": today}
    if seed is not None:
        options["seed"] = seed
    if not db.is_sqlite or db.path is None:
        return build_demo(db, **options)
    with db.read() as s:
        accounts = s.scalar(select(func.count()).select_from(User)) or 0
    key = (today, seed, accounts)
    if key not in _BUILT:
        path = Path(tempfile.mkdtemp(prefix="pbc-test-demo-")) / "demo.sqlite"
        built = open_database(sqlite_url(empty_sqlite_at_head(path)), actor="测试员")
        try:
            if accounts:
                add_test_admin(built)
            summary = build_demo(built, **options)
            keys = key_file(built)  # the office's private keys lie beside the file
        finally:
            built.dispose()
        _BUILT[key] = (path, keys, summary)
    path, keys, summary = _BUILT[key]
    # SQLite connections are not pooled (NullPool): no other connection holds old pages
    source = sqlite3.connect(path)
    raw = db.engine.raw_connection()
    try:
        source.backup(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()
        source.close()
    if keys.exists():
        shutil.copy2(keys, key_file(db))
    return summary
