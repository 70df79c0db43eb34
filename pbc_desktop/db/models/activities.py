"""Joint activities and meetings (活动共搞, 例会/联席会议) with attendance and agenda."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import Base, EnumCode, Record
from pbc_desktop.db.models.communities import Community
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization, Venue
from pbc_desktop.domain.enums import AbsenceReason, ActivityKind, ActivityStatus, AttendanceStatus


class Activity(Record):
    __tablename__ = "activity"
    __table_args__ = (
        # 三会一课 of every branch for a year read from the index alone (schema 0010)
        Index("ix_activity_kind_starts_at", "kind", "starts_at", "status", "host_org_id"),
        # the listing's order (newest first, then id), with every column its filters and
        # its search test: a page far down, and a page of a search however few it finds,
        # read from the index alone (schema 0012, 0014)
        Index(
            "ix_activity_listing",
            "starts_at",
            "id",
            "kind",
            "status",
            "community_id",
            "host_org_id",
            "venue_id",
            "title",
            "place",
        ),
    )

    community_id: Mapped[int | None] = mapped_column(
        ForeignKey("community.id", ondelete="RESTRICT"), index=True
    )
    host_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[ActivityKind] = mapped_column(EnumCode(ActivityKind), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # Wall-clock local times of the meeting, as printed on the minutes.
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime | None] = mapped_column()
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id", ondelete="SET NULL"))
    place: Mapped[str | None] = mapped_column(String(200))
    chair: Mapped[str | None] = mapped_column(String(60))
    recorder: Mapped[str | None] = mapped_column(String(60))
    lecturer: Mapped[str | None] = mapped_column(String(60))
    guests: Mapped[str | None] = mapped_column(Text)
    trainee_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[ActivityStatus] = mapped_column(
        EnumCode(ActivityStatus), default=ActivityStatus.HELD
    )
    summary: Mapped[str | None] = mapped_column(Text)
    seq_in_year: Mapped[int | None] = mapped_column(Integer)

    community: Mapped[Community | None] = relationship()
    host_org: Mapped[Organization | None] = relationship()
    venue: Mapped[Venue | None] = relationship()
    organizations: Mapped[list[ActivityOrganization]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="AgendaItem.seq"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="activity", cascade="all, delete-orphan"
    )


class ActivityOrganization(Record):
    __tablename__ = "activity_organization"
    __table_args__ = (UniqueConstraint("activity_id", "organization_id"),)

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )

    activity: Mapped[Activity] = relationship(back_populates="organizations")
    organization: Mapped[Organization] = relationship()


class Attendance(Record):
    """One person at an activity: present, absent with a reason, or 列席 (no vote)."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("activity_id", "member_id"),)

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_member.id", ondelete="SET NULL"), index=True
    )
    person_name: Mapped[str] = mapped_column(String(60))
    status: Mapped[AttendanceStatus] = mapped_column(EnumCode(AttendanceStatus))
    absence_reason: Mapped[AbsenceReason | None] = mapped_column(EnumCode(AbsenceReason))
    reason_text: Mapped[str | None] = mapped_column(String(200))

    activity: Mapped[Activity] = relationship(back_populates="attendance")
    member: Mapped[PartyMember | None] = relationship()


class AgendaItem(Record):
    """An item on the agenda (议题) with its discussion and resolution (决议)."""

    __tablename__ = "agenda_item"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    discussion: Mapped[str | None] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)

    activity: Mapped[Activity] = relationship(back_populates="agenda")


class Attachment(Record):
    """A photo or file of an activity, kept inside the database.

    This row is what listings read (name, size, checksum); the bytes are in
    :class:`AttachmentContent`, loaded only when a file is opened, saved or verified.
    ``sha256`` is ``None`` when the content is missing: a file the upgrade to schema 0002
    could not find in the old attachments folder (or refused, being outside it).
    """

    __tablename__ = "attachment"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    is_photo: Mapped[bool] = mapped_column(default=False)
    caption: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64))

    activity: Mapped[Activity] = relationship(back_populates="attachments")
    content: Mapped[AttachmentContent | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )

    @property
    def missing(self) -> bool:
        return self.sha256 is None


class AttachmentContent(Base):
    """The bytes of one attachment (a separate table, so listings never load them)."""

    __tablename__ = "attachment_content"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)
