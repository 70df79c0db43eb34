"""发展党员: people before membership (入党申请人 … 预备党员) and the dated steps of each."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, PinyinNamed, Record
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep
from pbc_desktop.domain.enums import Gender


class DevelopmentRecord(PinyinNamed, Record):
    """One person on the way into the party, from the application on.

    Admitted as 预备党员, the person becomes a :class:`PartyMember` (``member_id``) made
    from these facts; the record stays, with its steps, as the member's development history
    (a member record removed as a mistake leaves it without the link).
    """

    __tablename__ = "development_record"
    __table_args__ = (
        Index("ix_development_record_stage_org", "stage", "organization_id"),
        Index("ix_development_record_next_due_on", "next_due_on"),
    )
    PERSON_NAMES = True

    name: Mapped[str] = mapped_column(String(60))
    gender: Mapped[Gender | None] = mapped_column(EnumCode(Gender))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    education: Mapped[str | None] = mapped_column(String(20))
    work_unit: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    stage: Mapped[DevelopmentStage] = mapped_column(
        EnumCode(DevelopmentStage), default=DevelopmentStage.APPLICANT
    )
    applied_on: Mapped[date] = mapped_column(Date)
    #: months the 预备期 was extended by (0: not extended)
    extension_months: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("party_member.id", ondelete="SET NULL"), unique=True
    )
    #: What the rules (``domain/development.py``) say of the steps, kept with every write
    #: so that the lists of who is due and who is late are one query: the day the stage
    #: began, the next step, its date and whether that date is a deadline.
    stage_since: Mapped[date] = mapped_column(Date)
    next_step: Mapped[DevelopmentStep | None] = mapped_column(EnumCode(DevelopmentStep))
    next_due_on: Mapped[date | None] = mapped_column(Date)
    next_deadline: Mapped[bool] = mapped_column(Boolean, default=False)
    remark: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship()
    member: Mapped[PartyMember | None] = relationship()
    steps: Mapped[list[DevelopmentStepEntry]] = relationship(
        back_populates="record",
        cascade="all, delete-orphan",
        order_by="(DevelopmentStepEntry.occurred_on, DevelopmentStepEntry.id)",
    )


class DevelopmentStepEntry(Record):
    """A dated step of a record (谈话, 培养考察, 政审, 公示, 支部大会 …)."""

    __tablename__ = "development_step"
    #: the lists read the last date of each kind of step per record from this index alone
    __table_args__ = (
        Index("ix_development_step_record_kind_on", "record_id", "kind", "occurred_on"),
    )

    record_id: Mapped[int] = mapped_column(ForeignKey("development_record.id", ondelete="CASCADE"))
    kind: Mapped[DevelopmentStep] = mapped_column(EnumCode(DevelopmentStep))
    occurred_on: Mapped[date] = mapped_column(Date)
    #: who: the 培养联系人 named, the 入党介绍人, who talked, the approving committee…
    people: Mapped[str | None] = mapped_column(String(120))
    #: the months of a 延长预备期
    months: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str | None] = mapped_column(Text)

    record: Mapped[DevelopmentRecord] = relationship(back_populates="steps")
