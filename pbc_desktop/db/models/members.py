"""Party members (党员), their post reports (报到领岗), service logs and evaluations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, PinyinNamed, Record
from pbc_desktop.db.models.communities import Community
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.enums import (
    EvaluationResult,
    Gender,
    MemberCategory,
    MembershipStatus,
    PostReportStatus,
)


class PartyMember(PinyinNamed, Record):
    __tablename__ = "party_member"
    PERSON_NAMES = True

    name: Mapped[str] = mapped_column(String(60), index=True)
    gender: Mapped[Gender | None] = mapped_column(EnumCode(Gender))
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    native_place: Mapped[str | None] = mapped_column(String(60))
    education: Mapped[str | None] = mapped_column(String(20))
    joined_on: Mapped[date | None] = mapped_column(Date)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    category: Mapped[MemberCategory] = mapped_column(
        EnumCode(MemberCategory), default=MemberCategory.FULL
    )
    party_post: Mapped[str | None] = mapped_column(String(60))
    work_unit: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[MembershipStatus] = mapped_column(
        EnumCode(MembershipStatus), default=MembershipStatus.NORMAL
    )
    remark: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship(back_populates="members")
    reports: Mapped[list[PostReport]] = relationship(
        back_populates="member", cascade="all, delete-orphan"
    )


class Post(Record):
    """An entry of the editable post catalogue (政策宣传, 志愿服务, 矛盾调解 …)."""

    __tablename__ = "post"

    name: Mapped[str] = mapped_column(String(60), unique=True)
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class PostReport(Record):
    """A member reports (报到) to a co-building organization and takes a post (领岗)."""

    __tablename__ = "post_report"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="CASCADE"), index=True
    )
    community_id: Mapped[int | None] = mapped_column(
        ForeignKey("community.id", ondelete="RESTRICT"), index=True
    )
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(ForeignKey("post.id", ondelete="RESTRICT"))
    reported_on: Mapped[date] = mapped_column(Date)
    status: Mapped[PostReportStatus] = mapped_column(
        EnumCode(PostReportStatus), default=PostReportStatus.ACTIVE
    )
    ended_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    member: Mapped[PartyMember] = relationship(back_populates="reports")
    community: Mapped[Community | None] = relationship()
    organization: Mapped[Organization] = relationship()
    post: Mapped[Post | None] = relationship()
    services: Mapped[list[ServiceLog]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ServiceLog.served_on"
    )
    evaluations: Mapped[list[PostEvaluation]] = relationship(
        back_populates="report", cascade="all, delete-orphan"
    )


class ServiceLog(Record):
    __tablename__ = "service_log"

    report_id: Mapped[int] = mapped_column(
        ForeignKey("post_report.id", ondelete="CASCADE"), index=True
    )
    served_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    content: Mapped[str] = mapped_column(Text)

    report: Mapped[PostReport] = relationship(back_populates="services")


class PostEvaluation(Record):
    """The yearly performance note of a post report (优秀/合格/不合格)."""

    __tablename__ = "post_evaluation"
    __table_args__ = (UniqueConstraint("report_id", "year"),)

    report_id: Mapped[int] = mapped_column(ForeignKey("post_report.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    result: Mapped[EvaluationResult] = mapped_column(EnumCode(EvaluationResult))
    remark: Mapped[str | None] = mapped_column(Text)

    report: Mapped[PostReport] = relationship(back_populates="evaluations")
