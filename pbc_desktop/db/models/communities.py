"""Party-building communities (党建共同体) with their members, team, rotation and lifecycle."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, PinyinNamed, Record
from pbc_desktop.db.models.organizations import Organization, Venue
from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    LifecycleAction,
    MemberRole,
)


class Community(PinyinNamed, Record):
    __tablename__ = "community"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    theme: Mapped[str | None] = mapped_column(String(200))
    lead_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    founded_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[CommunityStatus] = mapped_column(
        EnumCode(CommunityStatus), default=CommunityStatus.APPLIED, index=True
    )
    description: Mapped[str | None] = mapped_column(Text)

    lead_org: Mapped[Organization | None] = relationship()
    types: Mapped[list[CommunityType]] = relationship(
        back_populates="community", cascade="all, delete-orphan"
    )
    members: Mapped[list[CommunityMember]] = relationship(
        back_populates="community", cascade="all, delete-orphan", order_by="CommunityMember.seq"
    )
    roles: Mapped[list[CommunityRole]] = relationship(
        back_populates="community", cascade="all, delete-orphan", order_by="CommunityRole.seq"
    )
    rotation: Mapped[list[ConvenerTurn]] = relationship(
        back_populates="community", cascade="all, delete-orphan", order_by="ConvenerTurn.seq"
    )
    events: Mapped[list[LifecycleEvent]] = relationship(
        back_populates="community",
        cascade="all, delete-orphan",
        order_by="(LifecycleEvent.occurred_on, LifecycleEvent.id)",
    )
    venues: Mapped[list[CommunityVenue]] = relationship(
        back_populates="community", cascade="all, delete-orphan"
    )


class CommunityType(Record):
    """One co-building type (跨领域/跨层级/跨地域/跨行业) of a community; one or more each."""

    __tablename__ = "community_type"
    __table_args__ = (UniqueConstraint("community_id", "type"),)

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    type: Mapped[CoBuildType] = mapped_column(EnumCode(CoBuildType))

    community: Mapped[Community] = relationship(back_populates="types")


class CommunityMember(Record):
    __tablename__ = "community_member"
    __table_args__ = (UniqueConstraint("community_id", "organization_id"),)

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[MemberRole] = mapped_column(EnumCode(MemberRole), default=MemberRole.MEMBER)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    community: Mapped[Community] = relationship(back_populates="members")
    organization: Mapped[Organization] = relationship()


class CommunityRole(Record):
    """A seat on the leadership team (班子); cross-appointment (交叉任职) is flagged."""

    __tablename__ = "community_role"

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    person_name: Mapped[str] = mapped_column(String(60))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_member.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[LeadershipRole] = mapped_column(EnumCode(LeadershipRole))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    cross_appointment: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    community: Mapped[Community] = relationship(back_populates="roles")
    organization: Mapped[Organization | None] = relationship()


class ConvenerTurn(Record):
    """One period of the rotating convener schedule (轮值召集人)."""

    __tablename__ = "convener_turn"

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    period_label: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)

    community: Mapped[Community] = relationship(back_populates="rotation")
    organization: Mapped[Organization] = relationship()


class LifecycleEvent(Record):
    """A dated step of the formation procedure (组建程序) or of later rectification/revocation."""

    __tablename__ = "lifecycle_event"

    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[LifecycleAction] = mapped_column(EnumCode(LifecycleAction))
    status_after: Mapped[CommunityStatus] = mapped_column(EnumCode(CommunityStatus))
    occurred_on: Mapped[date] = mapped_column(Date)
    operator: Mapped[str] = mapped_column(String(60))
    remark: Mapped[str | None] = mapped_column(Text)

    community: Mapped[Community] = relationship(back_populates="events")


class CommunityVenue(Record):
    """A venue opened (阵地开放) to a community."""

    __tablename__ = "community_venue"
    __table_args__ = (UniqueConstraint("community_id", "venue_id"),)

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"))
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id", ondelete="RESTRICT"), index=True)
    opened_on: Mapped[date | None] = mapped_column(Date)

    community: Mapped[Community] = relationship(back_populates="venues")
    venue: Mapped[Venue] = relationship()
