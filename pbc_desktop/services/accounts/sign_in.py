"""Signing in: the password checked, wrong tries counted, an account locked for a while.

A wrong name and a wrong password get the same sentence in the same time, so a refusal
never says whether the user name exists (only the fifth wrong password of an existing
account says that it is now locked); the counting and the lock are written even though
the sign-in fails (their own transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from pbc_desktop.db.base import utcnow
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import User
from pbc_desktop.domain.accounts import LOCKOUT, MAX_FAILED_SIGN_INS, Actor
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.errors import SignInError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.accounts.passwords import hash_password, needs_rehash, verify_password
from pbc_desktop.services.accounts.users import actor_of


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    #: An administrator set the password: the person must choose a new one now.
    must_change_password: bool


def _wrong() -> SignInError:
    """The one refusal of a wrong name or password: the same words whether the account
    exists or not (no count of the tries left, which only an existing account has)."""
    minutes = int(LOCKOUT.total_seconds()) // 60
    return SignInError(
        t(
            f"用户名或密码不正确。密码连续输错 {MAX_FAILED_SIGN_INS} 次，账号将被锁定 "
            f"{minutes} 分钟。",
            f"The user name or password is wrong. After {MAX_FAILED_SIGN_INS} wrong "
            f"passwords in a row the account is locked for {minutes} minutes.",
        )
    )


def _locked(until: datetime, now: datetime) -> SignInError:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return SignInError(
        t(
            f"密码连续输错 {MAX_FAILED_SIGN_INS} 次，账号已锁定，请 {minutes} 分钟后再试，"
            "或请管理员重置密码。",
            f"The password was wrong {MAX_FAILED_SIGN_INS} times in a row, so the account is "
            f"locked: try again in {minutes} minutes, or ask an administrator to reset it.",
        )
    )


def sign_in(
    db: Database,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    record: bool = True,
    note: bool = True,
) -> SignedIn:
    """Check ``password`` for ``username``; the acting person on success.

    Five wrong passwords in a row lock the account for :data:`LOCKOUT`; a locked or
    disabled account is refused even with the right password. Without ``record`` (a
    database only read, e.g. on a read-only medium) nothing is written: no counting, no
    audit entry. Without ``note`` a right password writes only what must change (earlier
    wrong tries forgotten, an old hash renewed): a command line that only reads leaves the
    database as it was.
    """
    when = now or utcnow()
    with db.write() if record else db.read() as s:
        user = s.scalars(
            select(User).where(func.lower(User.username) == username.strip().lower())
        ).first()
        if user is None:
            verify_password(None, password)  # the same time as a wrong password
            raise _wrong()
        if user.locked_until is not None and user.locked_until > when:
            raise _locked(user.locked_until, when)
        right = verify_password(user.password_hash, password)
    if not right:
        if not record:
            raise _wrong()
        _count_failure(db, user.id, when)
    if not user.active:
        raise SignInError(
            t("该账号已停用，请联系管理员。", "This account is disabled; ask an administrator.")
        )
    actor = actor_of(user)
    stale = user.password_hash is not None and needs_rehash(user.password_hash)
    if not record or not (note or stale or user.failed_sign_ins or user.locked_until):
        return SignedIn(actor, user.must_change_password)
    with db.write(user=actor) as s:
        stored = s.get(User, user.id)
        assert stored is not None
        stored.failed_sign_ins = 0
        stored.locked_until = None
        stored.last_sign_in_at = when
        if stored.password_hash is not None and needs_rehash(stored.password_hash):
            stored.password_hash = hash_password(password)
        audit.record(
            s,
            AuditAction.SIGN_IN,
            stored,
            summary=t(f"{stored.username} 登录", f"{stored.username} signed in"),
        )
        return SignedIn(actor, stored.must_change_password)


def _count_failure(db: Database, user_id: int, when: datetime) -> None:
    """One more wrong password; the fifth locks the account (and says so). Always raises."""
    with db.write() as s:
        user = s.get(User, user_id)
        assert user is not None
        user.failed_sign_ins += 1
        if user.failed_sign_ins < MAX_FAILED_SIGN_INS:
            error = _wrong()
        else:
            user.failed_sign_ins = 0
            user.locked_until = when + LOCKOUT
            audit.record(
                s,
                AuditAction.LOCKOUT,
                user,
                summary=t(
                    f"账号 {user.username} 因密码连续输错被锁定",
                    f"Account {user.username} locked after wrong passwords",
                ),
            )
            error = _locked(user.locked_until, when)
    raise error
