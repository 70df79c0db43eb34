"""Users, the audit log and small editable rules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pbc_desktop.db.base import Base, EnumCode, Record, UTCDateTime, utcnow
from pbc_desktop.domain.enums import ActivityKind, AuditAction, UserRole


class User(Record):
    """An account: a person who signs in (``domain/accounts.py``: roles, scope, rules).

    Never deleted (its audit entries stay its own): ``active`` False disables it.
    """

    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    #: 单位/职务, printed beside the name (经办人, 评分人…).
    unit: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[UserRole] = mapped_column(EnumCode(UserRole), default=UserRole.VIEWER)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    town: Mapped[str | None] = mapped_column(String(60))
    #: argon2id; None: the account cannot sign in until an administrator sets one.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """Append-only log of every write: who, when, which record, before → after (JSON).

    Hash-chained (``services/audit_chain.py``): ``hash`` covers ``prev_hash`` and the
    entry's own facts, so an edited or removed entry shows.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="RESTRICT"), index=True
    )
    action: Mapped[AuditAction] = mapped_column(EnumCode(AuditAction))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    summary: Mapped[str] = mapped_column(String(300))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditHead(Base):
    """The chain's end (one row): the last entry's id and hash and how many there are.

    Removing the newest entries leaves a chain that is whole in itself; the head, written
    in the same transaction as every entry, shows it.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    entries: Mapped[int] = mapped_column(Integer, default=0)


class ReminderRule(Record):
    """How often an activity kind is due per community (e.g. 联席会议 every 3 months)."""

    __tablename__ = "reminder_rule"

    kind: Mapped[ActivityKind] = mapped_column(EnumCode(ActivityKind), unique=True)
    interval_months: Mapped[int] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
