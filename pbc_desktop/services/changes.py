"""Whether anything changed in the database: a mark for windows that follow others' writes.

Every write is audited (``services/audit.py``), records received in a package too, and the
audit chain's head (``audit_head``, one row) holds the id of the last entry. Reading it is
one primary-key lookup, cheap enough to ask every few seconds from every window on a
server (``ui/common/change_watch.py``). The same read brings what the window names from
the database itself, this database's own area (its office, set up or changed at another
PC too): the window follows it without a read of its own (one that, the moment after a
look, may find the server gone and say so in a message).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditHead
from pbc_desktop.errors import DatabaseError
from pbc_desktop.services.access import office_area


@dataclass(frozen=True)
class Look:
    """One look at the database, read together."""

    mark: int  # moves at every write (the last audit entry's id; 0: none yet)
    #: ``access.own_area`` (a town's or a village's office's area), read when the mark
    #: moved from the one the look was given; None otherwise too
    own_area: str | None


def look(db: Database, since: int | None = None) -> Look | None:
    """The mark and, when it is not ``since`` (someone wrote), the database's own area, in
    one read: a look every few seconds that finds nothing new reads one row. None when the
    database cannot be reached just now (the next look tries again)."""
    try:
        with db.read() as s:
            mark = s.scalar(select(AuditHead.last_id).where(AuditHead.id == 1)) or 0
            return Look(mark, None if mark == since else office_area(s))
    except (OperationalError, DatabaseError):  # a server's refusal said as a sentence too
        return None
