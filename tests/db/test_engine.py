"""The Database's connections: none outlives the database's use."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from pbc_desktop.db.engine import Database


def test_a_database_used_after_dispose_keeps_no_connection_open(db: Database) -> None:
    """A widget's timer may still read as its window closes; what it opens is closed at
    once (on a server, a pooled connection of a disposed engine was left to the garbage
    collector, still open: psycopg's "Connection deleted while still open")."""
    assert isinstance(db.engine.pool, QueuePool)
    with db.read() as s:
        s.execute(text("SELECT 1"))
    assert db.engine.pool.checkedin() == 1  # kept for the next use while the database is open
    db.dispose()
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1
    with db.write() as s:
        s.execute(text("SELECT 1"))
    pool = db.engine.pool
    assert isinstance(pool, QueuePool)
    assert pool.checkedin() == 0 and pool.checkedout() == 0
