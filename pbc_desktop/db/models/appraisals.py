"""民主评议党员: a branch's yearly appraisal meeting and each member's grade."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.appraisals import AppraisalGrade


class Appraisal(Record):
    """One organization's 民主评议 of a year, held from ``held_on`` (to ``ended_on`` when
    the meetings took more than one day)."""

    __tablename__ = "appraisal"
    __table_args__ = (UniqueConstraint("organization_id", "year"),)

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    held_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship()
    results: Mapped[list[AppraisalResult]] = relationship(
        back_populates="appraisal", cascade="all, delete-orphan"
    )


class AppraisalResult(Record):
    """A member's 评议等次 in an appraisal (one per member and appraisal)."""

    __tablename__ = "appraisal_result"
    __table_args__ = (UniqueConstraint("appraisal_id", "member_id"),)

    appraisal_id: Mapped[int] = mapped_column(ForeignKey("appraisal.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="CASCADE"), index=True
    )
    grade: Mapped[AppraisalGrade] = mapped_column(EnumCode(AppraisalGrade))
    remark: Mapped[str | None] = mapped_column(Text)

    appraisal: Mapped[Appraisal] = relationship(back_populates="results")
    member: Mapped[PartyMember] = relationship()
