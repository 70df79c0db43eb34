"""0014: the activity listing's index holds what its filters and search read, and a search
of the activities tab reads that index alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.services.activities import listing
from pbc_desktop.services.paging import PageRequest

FIXTURES = Path(__file__).parent.parent / "fixtures"
LISTING_COLUMNS = [
    "starts_at",
    "id",
    "kind",
    "status",
    "community_id",
    "host_org_id",
    "venue_id",
    "title",
    "place",
]

pytestmark = pytest.mark.sqlite_only("SQLite's query plans of an upgraded file")


def index_columns(path: Path, name: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[2] for r in conn.execute(f"PRAGMA index_info({name})")]
    finally:
        conn.close()


def statements(db: Database, read: Any) -> list[tuple[str, Any]]:
    """The queries (with their parameters) that ``read()`` runs."""
    seen: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, sql: str, params: Any, *_args: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            seen.append((sql, params))

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        read()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return seen


def plan(path: Path, sql: str, params: Any) -> str:
    conn = sqlite3.connect(path)
    try:
        return "\n".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    finally:
        conn.close()


def test_the_listing_index_replaces_the_order_index_on_upgrade(tmp_path: Path) -> None:
    work = tmp_path / "old.sqlite"
    work.write_bytes((FIXTURES / "schema_0013.sqlite").read_bytes())
    assert index_columns(work, "ix_activity_starts_at_id") == ["starts_at", "id"]
    conn = sqlite3.connect(work)
    (activities,) = conn.execute("SELECT count(*) FROM activity").fetchone()
    conn.close()
    assert activities > 0
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        # the stored activities are in the new index: a search finds them from it alone
        query = listing.ActivityQuery(text="党")
        every = listing.list_activities(db, listing.ActivityQuery(), PageRequest(limit=1000))
        assert len(every) == activities
        found = listing.list_activities(db, query, PageRequest(limit=1000))
        expected = [r.id for r in every if "党" in f"{r.title}{r.place}{r.community_name}"]
        assert set(expected) <= {r.id for r in found}
        ran = statements(db, lambda: listing.list_activities(db, query, PageRequest()))
    finally:
        db.dispose()
    assert index_columns(work, "ix_activity_listing") == LISTING_COLUMNS
    assert index_columns(work, "ix_activity_starts_at_id") == []  # gone
    # the page's ids (the first statement) read from the index, in its order, no table row
    sql, params = ran[0]
    ids_plan = plan(work, sql, params)
    assert "SCAN activity USING COVERING INDEX ix_activity_listing" in ids_plan, ids_plan
    assert "TEMP B-TREE" not in ids_plan  # no sort: the walk stops at the page's end


def test_a_search_joins_no_name_table_to_each_activity(db: Database, tmp_path: Path) -> None:
    """The count and the page test the names of venues, communities and hosts once, in
    their own tables, not joined to every activity, and neither sorts what it finds."""
    path = db.path
    assert path is not None
    query = listing.ActivityQuery(text="会议")
    tabs_page = PageRequest(sort="starts_at", descending=True)  # the tab's header's order
    oldest_first = PageRequest(sort="starts_at")  # the header clicked: either way
    ran = statements(db, lambda: listing.count_activities(db, query))
    for page in (PageRequest(), tabs_page, oldest_first):
        ran += statements(db, lambda page=page: listing.list_activities(db, query, page)[:1])
    assert len(ran) == 4
    for sql, params in ran:
        text = plan(path, sql, params)
        assert "COVERING INDEX ix_activity_listing" in text, text
        assert "PRIMARY KEY" not in text and "TEMP B-TREE" not in text, text
