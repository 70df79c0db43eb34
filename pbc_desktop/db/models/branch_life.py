"""三会一课 schedule (meeting_rule) and committees with their terms (换届: committee)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.domain.terms import CommitteePost


class MeetingRule(Record):
    """How often a branch must hold a kind of meeting (三会一课); the district's setting.

    Kept in its database like the reminder rules (no two offices' rows of one kind)."""

    __tablename__ = "meeting_rule"

    kind: Mapped[ActivityKind] = mapped_column(EnumCode(ActivityKind), unique=True)
    interval_months: Mapped[int] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class Committee(Record):
    """One elected committee (班子) of an organization: its 届次 and term."""

    __tablename__ = "committee"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    term_no: Mapped[int] = mapped_column(Integer)
    elected_on: Mapped[date] = mapped_column(Date)
    term_years: Mapped[int] = mapped_column(Integer)
    remark: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship()
    members: Mapped[list[CommitteeMember]] = relationship(
        back_populates="committee", cascade="all, delete-orphan", order_by="CommitteeMember.seq"
    )


class CommitteeMember(Record):
    """A person on a committee and the post they hold."""

    __tablename__ = "committee_member"

    committee_id: Mapped[int] = mapped_column(
        ForeignKey("committee.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    person_name: Mapped[str] = mapped_column(String(60))
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_member.id", ondelete="SET NULL"), index=True
    )
    post: Mapped[CommitteePost] = mapped_column(EnumCode(CommitteePost))

    committee: Mapped[Committee] = relationship(back_populates="members")
    member: Mapped[PartyMember | None] = relationship()
