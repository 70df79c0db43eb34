"""The Database's connections: none outlives the database's use."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text
from sqlalchemy.pool import QueuePool

from pbc_desktop.db.engine import Database
from pbc_desktop.db.server import connection_lost
from pbc_desktop.errors import ServerConnectionError


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


def test_a_server_found_not_answering_refuses_at_once(db: Database) -> None:
    """While the window's server watch finds the server not answering, each read or write
    fails at once with the banner's sentence: the engine is not asked (a dead network
    would hold the window for the connection's time limit at each click)."""
    asked: list[str] = []
    event.listen(db.engine, "checkout", lambda *_args: asked.append("checkout"))
    db.server_answers(connection_lost(db.url).message)
    with pytest.raises(ServerConnectionError, match="连接中断了：") as read, db.read() as s:
        s.execute(text("SELECT 1"))
    assert "没有保存" not in read.value.message
    with pytest.raises(ServerConnectionError, match="这次没有保存"), db.write() as s:
        s.execute(text("SELECT 1"))
    with pytest.raises(ServerConnectionError), db.snapshot() as s:
        s.execute(text("SELECT 1"))
    assert asked == []
    db.server_answers(None)  # it answers again
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1


def test_a_refusal_meanwhile_says_why_the_server_does_not_answer(db: Database) -> None:
    """The watch's ping was told why (the banner's tooltip): each refusal says the same,
    not "the connection was lost, check the network" for a password the server no longer
    accepts; a save also says it was not saved."""
    reason = "服务器 10.38.1.5:5432 没有接受账号“pbc_chengtian”的密码：请检查账号和密码。"
    db.server_answers(reason)
    with pytest.raises(ServerConnectionError) as read, db.read():
        pass
    assert read.value.message == reason
    with pytest.raises(ServerConnectionError) as save, db.write():
        pass
    assert save.value.message == reason + "这次没有保存。"
    db.server_answers(None)
    with db.read() as s:
        assert s.execute(text("SELECT 1")).scalar() == 1
