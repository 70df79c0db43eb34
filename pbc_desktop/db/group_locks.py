"""Transaction locks on a group of rows that no single row stands for.

Some writes rewrite a whole group: a new or moved activity renumbers its community's
activities of that kind in the year (第N次). On a server two such writes in one group
would each see the group without the other's uncommitted row (two activities both
numbered 第3次) and lock the group's rows in different orders (a deadlock: the one saved
first is the one that moved). Taking the group's lock before touching any row makes them
queue. PostgreSQL's transaction-level advisory lock is released at commit or rollback; on
SQLite the database's single writer already serializes every write, so nothing is taken.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session


def group_key(*parts: Hashable) -> int:
    """A stable signed 64-bit key for a group (the same in every process and version)."""
    digest = hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_groups(session: Session, groups: Iterable[tuple[Hashable, ...]]) -> None:
    """Wait for, then hold until the transaction ends, the lock of each group, always in
    the same order (two writers locking the same two groups cannot deadlock)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted({group_key(*group) for group in groups}):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
