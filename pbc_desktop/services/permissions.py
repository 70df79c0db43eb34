"""What the acting account may do: one refusal sentence per permission.

Every service that changes something, shows personal data or reads the audit log calls
:func:`require` with the database's acting account (``db.user``) first; which records an
account may see or change is ``services/scope.py``'s business.
"""

from __future__ import annotations

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor, Permission
from pbc_desktop.errors import PermissionDeniedError
from pbc_desktop.lang import t

_WHAT: dict[Permission, tuple[str, str]] = {
    Permission.WRITE: ("修改数据", "change records"),
    Permission.SCORE: ("考核评分", "score assessments"),
    Permission.DISTRICT_RULES: (
        "维护全区的指标体系、示范点和党组织名录",
        "keep the district's indicator systems, demonstration sites and registry",
    ),
    Permission.MANAGE_ACCOUNTS: ("管理账号", "manage accounts"),
    Permission.SEE_PERSONAL_DATA: (
        "查看或导出完整的身份证号和联系电话",
        "see or export full ID numbers and phones",
    ),
    Permission.VIEW_AUDIT: ("查看操作日志", "read the audit log"),
    Permission.MAINTAIN: ("恢复备份或替换数据库", "restore backups or replace the database"),
    Permission.EXCHANGE: ("与其他单位交换数据", "exchange data with other offices"),
}


def denied(actor: Actor, permission: Permission) -> PermissionDeniedError:
    zh, en = _WHAT[permission]
    return PermissionDeniedError(
        t(
            f"当前账号（{actor.username}，{actor.role.zh}）没有权限{zh}。",
            f"The signed-in account ({actor.username}, {actor.role.en}) may not {en}.",
        )
    )


def require(db: Database, permission: Permission) -> None:
    """Refuse unless the acting account holds ``permission``."""
    if not db.user.can(permission):
        raise denied(db.user, permission)


def refusal(actor: Actor, permission: Permission) -> str | None:
    """Why ``actor`` may not use ``permission`` (the sentence :func:`require` refuses with),
    or None when it may: for the window, which disables what would be refused."""
    return None if actor.can(permission) else denied(actor, permission).message
