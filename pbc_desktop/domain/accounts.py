"""Accounts: roles, what each may do, and the password rules (plain Python, no storage).

Scope is by organization tree: an account is tied to one organization (a village or
community office, the organizations below it) or to one town (every organization whose
``town`` is it); a district account sees everything. Which records fall inside a scope is
decided by ``services/scope.py``; this module only says what a role may do at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from pbc_desktop.domain.enums import AccountStatus, UserRole
from pbc_desktop.domain.punctuation import with_note

#: Shortest password accepted (characters).
PASSWORD_MIN_LENGTH = 8
#: Longest (argon2 takes any length; this only stops a pasted document).
PASSWORD_MAX_LENGTH = 128
#: Wrong passwords in a row that lock an account …
MAX_FAILED_SIGN_INS = 5
#: … for this long.
LOCKOUT = timedelta(minutes=15)
#: Idle minutes before the window locks itself (settable in the window).
DEFAULT_IDLE_LOCK_MINUTES = 15

USERNAME_MAX = 60
NAME_MAX = 60
UNIT_MAX = 120
#: The columns naming the person who acted (评分人, 操作人, the audit log's actor).
RECORDED_MAX = 60


class Permission(StrEnum):
    """What an account may do besides looking at what its scope holds."""

    #: Change records inside the scope (members, activities, lists, claims, funds…).
    WRITE = "write"
    #: Score the communities of the scope in the year-end assessment.
    SCORE = "score"
    #: District-wide rules: indicator systems, 示范点 and rectification, the registry.
    DISTRICT_RULES = "district_rules"
    #: Create, reset and disable accounts.
    MANAGE_ACCOUNTS = "manage_accounts"
    #: See, print and export full ID numbers and phones (each use is audited).
    SEE_PERSONAL_DATA = "see_personal_data"
    #: Read the audit log and check its chain.
    VIEW_AUDIT = "view_audit"
    #: Restore backups, upgrade, replace the database.
    MAINTAIN = "maintain"
    #: Send and receive packages, register other offices' cards, decide exchange conflicts
    #: (this office's own set-up and its keys: MANAGE_ACCOUNTS). All but sending only by an
    #: account answering for the whole office (``services/exchange/office_scope.py``).
    EXCHANGE = "exchange"


ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.DISTRICT: frozenset(Permission),
    UserRole.TOWN: frozenset({Permission.WRITE, Permission.SCORE, Permission.EXCHANGE}),
    UserRole.VILLAGE: frozenset({Permission.WRITE, Permission.EXCHANGE}),
    UserRole.VIEWER: frozenset(),
}


def role_needs_organization(role: UserRole) -> bool:
    return role is UserRole.VILLAGE


def role_needs_town(role: UserRole) -> bool:
    return role is UserRole.TOWN


@dataclass(frozen=True)
class Account:
    """Who an account is and what it answers for: the person, the role and the scope.

    ``organization_id`` / ``town`` tie the account to its part of the organization tree
    (both empty: the whole district).
    """

    username: str
    name: str
    unit: str
    role: UserRole
    organization_id: int | None = None
    town: str | None = None


@dataclass(frozen=True, kw_only=True)
class Actor(Account):
    """The signed-in person on whose behalf a service runs.

    ``user_id`` is None only for the program itself (migrations, the demo builder), which
    acts as a district administrator.
    """

    user_id: int | None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def whole_district(self) -> bool:
        return self.organization_id is None and self.town is None

    @property
    def label(self) -> str:
        """How the person is named on records and paper: 姓名(单位/职务)."""
        return with_note(self.name, self.unit) if self.unit else self.name

    @property
    def recorded_name(self) -> str:
        """:attr:`label` as records store it (评分人, 操作人, the audit log's actor): at
        most :data:`RECORDED_MAX` characters, the name alone when a long unit would pass
        them (a name and unit of 182 characters failed to save on a server)."""
        label = self.label
        return label if len(label) <= RECORDED_MAX else self.name[:RECORDED_MAX]


#: The program acting on its own (schema upgrades, building a demo database).
SYSTEM = Actor("system", "system", "", UserRole.DISTRICT, user_id=None)


def password_problem(password: str, *, username: str = "") -> str | None:
    """Why ``password`` is refused (a Chinese sentence key for ``lang.t``), or None."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return "short"
    if len(password) > PASSWORD_MAX_LENGTH:
        return "long"
    if password.strip() != password:
        return "spaces"
    if username and password.lower() == username.lower():
        return "username"
    return None


def account_status(
    *, active: bool, locked_until: datetime | None, must_change_password: bool, now: datetime
) -> AccountStatus:
    """The one status an account shows: disabled first, then locked (until the lock-out
    ends), then waiting for its new password."""
    if not active:
        return AccountStatus.DISABLED
    if locked_until is not None and locked_until > now:
        return AccountStatus.LOCKED
    if must_change_password:
        return AccountStatus.MUST_CHANGE_PASSWORD
    return AccountStatus.ACTIVE
