"""Signing in: the password checked, wrong tries counted, an account locked for a while.

A wrong name and a wrong password get the same sentence in the same time, and a name no
account has is counted and locked as an account is (``unknown_names.py``, which says where
and why), so a refusal never says whether the user name exists; the counting and the lock
are written even though the sign-in fails (their own transaction).
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
from pbc_desktop.errors import PermissionDeniedError, SignInError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.accounts import unknown_names
from pbc_desktop.services.accounts.passwords import (
    check_new_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from pbc_desktop.services.accounts.users import actor_of, get_user


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    #: An administrator set the password: the person must choose a new one now.
    must_change_password: bool


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
    tag = ""
    # A command's check only reads: a window saving meanwhile (a long import) does not keep
    # a command that reads waiting for the database and then refused as busy.
    with db.write() if record and note else db.read() as s:
        user = s.scalars(
            select(User).where(func.lower(User.username) == username.strip().lower())
        ).first()
        if user is None:  # refused as a wrong password is, counted and locked alike
            tag = unknown_names.name_tag(username)
            until = unknown_names.locked_until(s, tag, when)
            if until is not None:
                raise _locked(until, when)
            verify_password(None, password)  # the same time as a wrong password
            right = False
        else:
            if user.locked_until is not None and user.locked_until > when:
                raise _locked(user.locked_until, when)
            right = verify_password(user.password_hash, password)
    if not right:
        if not record:
            raise _wrong()
        until = (
            unknown_names.note_wrong_password(db, tag, when)
            if user is None
            else _note_wrong_password(db, user.id, when)
        )
        raise _wrong() if until is None else _locked(until, when)
    assert user is not None
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


def _lockout_note() -> tuple[str, str]:
    """What a wrong password leads to, said after each one (Chinese, English)."""
    minutes = int(LOCKOUT.total_seconds()) // 60
    tries = MAX_FAILED_SIGN_INS
    return (
        f"密码连续输错 {tries} 次，账号将被锁定 {minutes} 分钟。",
        f"After {tries} wrong passwords in a row the account is locked for {minutes} minutes.",
    )


def _wrong() -> SignInError:
    """The one refusal of a wrong name or password: the same words whether the account
    exists or not (no count of the tries left, which only an existing account has)."""
    zh, en = _lockout_note()
    return SignInError(t(f"用户名或密码不正确。{zh}", f"The user name or password is wrong. {en}"))


def _locked(until: datetime, now: datetime) -> SignInError:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return SignInError(
        t(
            f"密码连续输错 {MAX_FAILED_SIGN_INS} 次，账号已锁定，请 {minutes} 分钟后再试，"
            "或请管理员重置密码。",
            f"The password was wrong {MAX_FAILED_SIGN_INS} times in a row, so the "
            f"account is locked: try again in {minutes} minutes, or ask an administrator to "
            "reset it.",
        )
    )


def _note_wrong_password(db: Database, user_id: int, when: datetime) -> datetime | None:
    """One more wrong password of the account, in a transaction of its own (the refusal
    that follows writes nothing): the fifth in a row locks it for :data:`LOCKOUT` (audited)
    and gives the lock's end; None before."""
    with db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            return None
        user.failed_sign_ins += 1
        if user.failed_sign_ins < MAX_FAILED_SIGN_INS:
            return None
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
        return user.locked_until


def change_password(
    db: Database, user_id: int, old: str, new: str, *, now: datetime | None = None
) -> None:
    """A person changes their own password (the old one proves it is them).

    Only the signed-in account's own (an administrator resets another's with
    :func:`reset_password`): otherwise any account could try passwords of another here. A
    wrong old password counts as a wrong sign-in, and a locked account changes nothing, so
    that a window left signed in does not let anyone try passwords without end.
    """
    if user_id != db.user.user_id:
        raise PermissionDeniedError(
            t(
                "只能修改自己的密码；其他账号的密码由管理员重置。",
                "You may change only your own password; an administrator resets another account's.",
            )
        )
    when = now or utcnow()
    with db.read() as s:
        user = get_user(s, user_id)
        username = user.username
        if user.locked_until is not None and user.locked_until > when:
            raise _locked(user.locked_until, when)
        right = verify_password(user.password_hash, old)
    if not right:
        until = _note_wrong_password(db, user_id, when)
        if until is not None:
            raise _locked(until, when)
        zh, en = _lockout_note()
        raise ValidationError.single(
            "old_password",
            t(f"原密码不正确。{zh}", f"The current password is wrong. {en}"),
        )
    if new == old:
        raise ValidationError.single(
            "password",
            t("新密码不能与原密码相同。", "The new password must differ from the current one."),
        )
    check_new_password(new, username=username)
    with db.write() as s:
        user = get_user(s, user_id)
        user.password_hash = hash_password(new)
        user.must_change_password = False
        user.failed_sign_ins = 0
        audit.record(
            s,
            AuditAction.UPDATE,
            user,
            summary=t(
                f"账号 {user.username} 修改了密码", f"{user.username} changed their password"
            ),
        )
