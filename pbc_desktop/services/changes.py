"""Whether anything changed in the database: a mark for windows that follow others' writes.

Every write is audited (``services/audit.py``), records received in a package too, and the
audit chain's head (``audit_head``, one row) holds the id of the last entry. Reading it is
one primary-key lookup, cheap enough to ask every few seconds from every window on a
server (``ui/common/change_watch.py``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditHead
from pbc_desktop.errors import DatabaseError


def last_change(db: Database) -> int | None:
    """A number that moves at every write (the last audit entry's id; 0: none yet), or
    None when the database cannot be reached just now (the next look tries again)."""
    try:
        with db.read() as s:
            return s.scalar(select(AuditHead.last_id).where(AuditHead.id == 1)) or 0
    except (OperationalError, DatabaseError):  # a server's refusal said as a sentence too
        return None
