"""Accounts: the first administrator, creating, listing, resetting and disabling.

Accounts are never deleted (their audit entries stay theirs); a disabled one cannot sign
in. Only an account with :attr:`Permission.MANAGE_ACCOUNTS` manages others; anyone
changes their own password.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Organization, User
from pbc_desktop.domain import accounts as rules
from pbc_desktop.domain.accounts import Account, Actor, Permission, account_status
from pbc_desktop.domain.enums import AccountStatus, AuditAction, UserRole
from pbc_desktop.domain.validation import clean_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.accounts.passwords import (
    check_new_password,
    hash_password,
)
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import from_fields

#: What the account form (or the CLI) submits: the account's own fields.
UserInput = Account


@dataclass(frozen=True, kw_only=True)
class UserView(Account):
    """An account as the manager lists it."""

    id: int
    organization_name: str | None
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None

    def status(self, now: datetime | None = None) -> AccountStatus:
        return account_status(
            active=self.active,
            locked_until=self.locked_until,
            must_change_password=self.must_change_password,
            now=now or datetime.now(UTC),
        )


def actor_of(user: User) -> Actor:
    """The acting person a stored account stands for."""
    return from_fields(Actor, user, user_id=user.id, name=user.display_name)


def _can_sign_in() -> ColumnElement[bool]:
    return and_(User.active.is_(True), User.password_hash.is_not(None))


def needs_first_admin(db: Database) -> bool:
    """True while no district administrator can sign in (a new or upgraded database)."""
    with db.read() as s:
        stmt = select(func.count(User.id)).where(_can_sign_in(), User.role == UserRole.DISTRICT)
        return not s.scalar(stmt)


def _not_found(user_id: int | str) -> NotFoundError:
    return NotFoundError(t(f"找不到账号 {user_id}。", f"No account {user_id}."))


def _username_problem(s: Session, username: str, user_id: int | None) -> str | None:
    if not username:
        return t("请填写用户名。", "Enter a user name.")
    if len(username) > rules.USERNAME_MAX or any(c.isspace() for c in username):
        return t(
            f"用户名不能含空格，最多 {rules.USERNAME_MAX} 个字符。",
            f"A user name has no spaces and at most {rules.USERNAME_MAX} characters.",
        )
    taken = s.scalar(
        select(User.id).where(
            func.lower(User.username) == username.lower(), User.id != (user_id or 0)
        )
    )
    if taken is not None:
        return t(f"用户名“{username}”已被使用。", f"The user name “{username}” is taken.")
    return None


def _validated(s: Session, data: UserInput, user_id: int | None = None) -> dict[str, object]:
    errors: list[FieldError] = []
    # Printed as 经办人/评分人 and kept in the audit log: no control characters or direction
    # marks (a name that reads backwards), as every other name typed into the program.
    username, bad_username = clean_text(data.username, ("用户名", "user name"))
    name, bad_name = clean_text(data.name, ("姓名", "name"))
    unit, bad_unit = clean_text(data.unit, ("单位/职务", "unit"))
    problem = bad_username or _username_problem(s, username, user_id)
    if problem is not None:
        errors.append(FieldError("username", problem))
    for field, bad in (("name", bad_name), ("unit", bad_unit)):
        if bad is not None:
            errors.append(FieldError(field, bad))
    if bad_name is None and (not name or len(name) > rules.NAME_MAX):
        errors.append(
            FieldError(
                "name", t(f"请填写姓名（最多 {rules.NAME_MAX} 个字）。", "Enter the person's name.")
            )
        )
    if bad_unit is None and len(unit) > rules.UNIT_MAX:
        errors.append(
            FieldError("unit", t(f"单位/职务最多 {rules.UNIT_MAX} 个字。", "The unit is too long."))
        )
    organization_id = data.organization_id
    town = strip_or_none(data.town)
    if rules.role_needs_organization(data.role):
        town = None
        if organization_id is None or s.get(Organization, organization_id) is None:
            errors.append(
                FieldError(
                    "organization",
                    t(
                        "村（社区）账号要选择所属党组织。",
                        "A village account needs its organization.",
                    ),
                )
            )
    elif rules.role_needs_town(data.role):
        organization_id = None
        known = town is not None and s.scalar(
            select(Organization.id).where(Organization.town == town).limit(1)
        )
        if not known:
            errors.append(
                FieldError(
                    "town",
                    t(
                        "镇（街道）账号要选择所属镇街（须是党组织中登记过的镇街）。",
                        "A town account needs its town (one the organizations name).",
                    ),
                )
            )
    elif data.role is UserRole.DISTRICT:
        organization_id, town = None, None
    else:  # a viewer: the whole district, a town or one organization
        if organization_id is not None and s.get(Organization, organization_id) is None:
            errors.append(
                FieldError("organization", t("找不到所选党组织。", "No such organization."))
            )
        if organization_id is not None:
            town = None
    if errors:
        raise ValidationError(errors)
    return {
        "username": username,
        "display_name": name,
        "unit": unit,
        "role": data.role,
        "organization_id": organization_id,
        "town": town,
    }


#: the lock new accounts are made under (on a server): a user name taken by another PC
#: meanwhile is said as taken, not refused by the database
ACCOUNTS = ("accounts",)


def _add(s: Session, data: UserInput, password: str, *, must_change: bool) -> User:
    lock_groups(s, [ACCOUNTS])
    values = _validated(s, data)
    check_new_password(password, username=str(values["username"]))
    user = User(**values, password_hash=hash_password(password), must_change_password=must_change)
    s.add(user)
    audit.created(
        s,
        user,
        t(
            f"新建账号 {user.username}（{user.display_name}，{user.role.zh}）",
            f"Created account {user.username} ({user.display_name}, {user.role.en})",
        ),
    )
    return user


def create_first_admin(db: Database, data: UserInput, password: str) -> Actor:
    """The first district administrator of a new or upgraded database; refused once one
    exists (then an administrator creates accounts).

    A database from before accounts signed in (release 0003) holds its old accounts, with
    no password: an old account of that name becomes the administrator, rather than the
    name the office always used being refused as taken by its own account."""
    with db.write() as s:
        lock_groups(s, [ACCOUNTS])  # two PCs setting up a new server at once: one admin
        if s.scalar(
            select(func.count(User.id)).where(_can_sign_in(), User.role == UserRole.DISTRICT)
        ):
            raise ConflictError(
                t(
                    "已经有管理员账号了，请用管理员账号登录后再新建账号。",
                    "An administrator exists already: sign in as one to create accounts.",
                )
            )
        first = UserInput(data.username, data.name, data.unit, UserRole.DISTRICT)
        old = s.scalars(
            select(User).where(
                func.lower(User.username) == data.username.strip().lower(),
                User.password_hash.is_(None),
            )
        ).first()
        if old is None:
            return actor_of(_add(s, first, password, must_change=False))
        return actor_of(_claim(s, old, first, password))


def _claim(s: Session, user: User, data: UserInput, password: str) -> User:
    """The old account ``user`` (no password) made the first administrator ``data``."""
    values = _validated(s, data, user.id)
    values.pop("username")  # as stored: the name its audit entries give
    check_new_password(password, username=user.username)
    before = audit.snapshot(user)
    for key, value in values.items():
        setattr(user, key, value)
    user.password_hash = hash_password(password)
    user.must_change_password = False
    user.active = True
    user.failed_sign_ins = 0
    user.locked_until = None
    audit.updated(
        s,
        user,
        t(
            f"账号 {user.username} 设为第一个管理员（{user.display_name}，{user.role.zh}）",
            f"Made account {user.username} the first administrator ({user.display_name}, "
            f"{user.role.en})",
        ),
        before,
    )
    return user


def check_user(db: Database, data: UserInput) -> None:
    """Refuse ``data`` as :func:`create_user` would (every field at once), writing nothing:
    a form names the refused fields together with its own (the password typed twice)."""
    require(db, Permission.MANAGE_ACCOUNTS)
    with db.read() as s:
        _validated(s, data)


def create_user(db: Database, data: UserInput, password: str, *, must_change: bool = True) -> int:
    """A new account; its person changes the password at the first sign-in by default."""
    require(db, Permission.MANAGE_ACCOUNTS)
    with db.write() as s:
        return _add(s, data, password, must_change=must_change).id


def _view(user: User, org_names: dict[int, str]) -> UserView:
    return from_fields(
        UserView,
        user,
        name=user.display_name,
        organization_name=org_names.get(user.organization_id or 0),
    )


def list_users(db: Database) -> list[UserView]:
    require(db, Permission.MANAGE_ACCOUNTS)
    with db.read() as s:
        users = list(s.scalars(select(User).order_by(User.active.desc(), User.username)))
        ids = {u.organization_id for u in users if u.organization_id}
        stmt = select(Organization.id, Organization.name).where(Organization.id.in_(ids))
        names = {row.id: row.name for row in s.execute(stmt)}
        return [_view(u, names) for u in users]


def _by_name(s: Session, username: str) -> User:
    user = s.scalars(
        select(User).where(func.lower(User.username) == username.strip().lower())
    ).first()
    if user is None:
        raise _not_found(username.strip())
    return user


def user_id_by_name(db: Database, username: str) -> int:
    """The id of the account ``username``: one's own, or any for an account that manages
    accounts. Found or not, the answer says whether a name exists, which a sign-in never
    tells (``pbc user disable NAME`` told a village clerk which names were taken)."""
    if username.strip().lower() != db.user.username.lower():
        require(db, Permission.MANAGE_ACCOUNTS)
    with db.read() as s:
        return _by_name(s, username).id


def get_user(s: Session, user_id: int) -> User:
    """The stored account, or the sentence of one not found."""
    user = s.get(User, user_id)
    if user is None:
        raise _not_found(user_id)
    return user


def reset_password(db: Database, user_id: int, password: str) -> None:
    """An administrator sets a new password; the person must change it at next sign-in.
    The account is unlocked."""
    require(db, Permission.MANAGE_ACCOUNTS)
    with db.write() as s:
        user = get_user(s, user_id)
        check_new_password(password, username=user.username)
        user.password_hash = hash_password(password)
        user.must_change_password = user.id != db.user.user_id
        user.failed_sign_ins = 0
        user.locked_until = None
        audit.record(
            s,
            AuditAction.UPDATE,
            user,
            summary=t(f"重置账号 {user.username} 的密码", f"Reset the password of {user.username}"),
        )


def set_active(db: Database, user_id: int, active: bool) -> None:
    """Disable (or enable again) an account; never one's own, never the last administrator."""
    require(db, Permission.MANAGE_ACCOUNTS)
    with db.write() as s:
        # Two administrators disabling each other on two PCs at once each counted the
        # other still active, and left the database with none: then anyone may make the
        # "first" one. The second now waits, and counts the first's change.
        lock_groups(s, [ACCOUNTS])
        user = get_user(s, user_id)
        if user.active == active:
            return
        if not active and user.id == db.user.user_id:
            raise ConflictError(
                t("不能停用自己正在使用的账号。", "You cannot disable your own account.")
            )
        if not active and user.role is UserRole.DISTRICT:
            others = s.scalar(
                select(func.count(User.id)).where(
                    _can_sign_in(), User.role == UserRole.DISTRICT, User.id != user.id
                )
            )
            if not others:
                raise ConflictError(
                    t(
                        "这是最后一个管理员账号，不能停用。",
                        "This is the last administrator account; it cannot be disabled.",
                    )
                )
        before = audit.snapshot(user)
        user.active = active
        verb = ("启用", "Enabled") if active else ("停用", "Disabled")
        audit.updated(
            s,
            user,
            t(f"{verb[0]}账号 {user.username}", f"{verb[1]} account {user.username}"),
            before,
        )
