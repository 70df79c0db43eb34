"""Wrong sign-ins under a user name no account has, counted and locked as an account's are.

Were they not, a stranger could find which names exist: five wrong passwords lock a real
account (and the sixth try says so), while an unknown name would be refused as "wrong"
for ever. So an unknown name is refused with the same sentences, after the same number
of tries, for the same :data:`LOCKOUT`, and its tries cost the same: an argon2 check
against a dummy hash (``passwords.verify_password(None, …)``) and a write of its own.

Where the count is kept, and why there: in this database's audit log, not in memory and
not in ``app_user``. A row per name typed would fill the accounts list with strangers'
guesses (and make them accounts, of a sort); a count in memory would be forgotten when the
program is started again, and on a server each PC would count its own, while a real
account's lock holds across both: restarting the program after five tries would tell
whether the name exists. The audit log is the database's own, chained and kept, and shows
an administrator that someone tried names that do not exist.

What the entries hold: never the name typed, which is sometimes a password typed into the
wrong box; only :func:`name_tag`, four hexadecimal digits of a hash of it, in
``entity_uuid`` (entity :data:`ENTITY`). Sixteen bits keep one name's tries apart from
another's (two unknown names share a count once in 65,536) and tell nothing of what was
typed: any guess matches one tag in 65,536, so a list of likely passwords matches
thousands of them.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.base import utcnow
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain.accounts import LOCKOUT, MAX_FAILED_SIGN_INS
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.lang import t
from pbc_desktop.services import audit

#: ``audit_log.entity`` of the entries about names no account has.
ENTITY = "unknown_user"
_LOCKED_UNTIL = "locked_until"


def name_tag(username: str) -> str:
    """Sixteen bits of a hash of the name as sign-in compares it (see the module)."""
    digest = hashlib.sha256(f"pbc-unknown-user:{username.strip().lower()}".encode())
    return f"name-{digest.hexdigest()[:4]}"


def _recent(s: Session, tag: str) -> list[AuditEntry]:
    """The name's last entries, newest first: enough to count the tries since its last lock."""
    return list(
        s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == ENTITY, AuditEntry.entity_uuid == tag)
            .order_by(AuditEntry.id.desc())
            .limit(MAX_FAILED_SIGN_INS)
        )
    )


def locked_until(s: Session, tag: str, now: datetime) -> datetime | None:
    """When the name's lock ends, if it is locked at ``now``."""
    for entry in _recent(s, tag):
        if entry.action != AuditAction.LOCKOUT:
            continue
        until = json.loads(entry.after or "{}").get(_LOCKED_UNTIL)
        if not isinstance(until, str):
            return None
        end = datetime.fromisoformat(until)
        return end if end > now else None
    return None


def note_wrong_password(db: Database, tag: str, when: datetime) -> datetime | None:
    """One more wrong try of the name, in a transaction of its own (as an account's): the
    fifth since its last lock locks it for :data:`LOCKOUT` and gives the lock's end."""
    with db.write() as s:
        tries = 1
        for entry in _recent(s, tag):
            if entry.action == AuditAction.LOCKOUT:
                break
            tries += 1
        locks = tries >= MAX_FAILED_SIGN_INS
        until = when + LOCKOUT
        summary = (
            t(
                f"一个不存在的用户名因密码连续输错 {MAX_FAILED_SIGN_INS} 次被锁定"
                "（所输入的用户名不予记录）",
                f"A user name no account has was locked after {MAX_FAILED_SIGN_INS} wrong "
                "passwords (the name typed is not recorded)",
            )
            if locks
            else t(
                "用一个不存在的用户名登录未成功（所输入的用户名不予记录）",
                "A sign-in under a user name no account has failed (the name typed is "
                "not recorded)",
            )
        )
        audit.append(
            s,
            [
                {
                    "at": utcnow(),
                    "action": AuditAction.LOCKOUT if locks else AuditAction.SIGN_IN,
                    "entity": ENTITY,
                    "entity_uuid": tag,
                    "summary": summary,
                    "after": json.dumps({_LOCKED_UNTIL: until.isoformat()}) if locks else None,
                }
            ],
        )
        return until if locks else None
