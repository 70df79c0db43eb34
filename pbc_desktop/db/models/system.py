"""Users, the audit log and small editable rules."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pbc_desktop.db.base import Base, EnumCode, Record, UTCDateTime, utcnow
from pbc_desktop.domain.enums import ActivityKind, AuditAction, UserRole


class User(Record):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[UserRole] = mapped_column(EnumCode(UserRole), default=UserRole.CLERK)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )


class AuditEntry(Base):
    """Append-only log of every write: who, when, which record, before → after (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[AuditAction] = mapped_column(EnumCode(AuditAction))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    summary: Mapped[str] = mapped_column(String(300))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class ReminderRule(Record):
    """How often an activity kind is due per community (e.g. 联席会议 every 3 months)."""

    __tablename__ = "reminder_rule"

    kind: Mapped[ActivityKind] = mapped_column(EnumCode(ActivityKind), unique=True)
    interval_months: Mapped[int] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
