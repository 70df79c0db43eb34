"""The standard system (标准体系) and the year-end assessment (年底考核)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record, UTCDateTime
from pbc_desktop.db.models.communities import Community
from pbc_desktop.domain.enums import AssessmentOutcome, AssessmentStatus, Grade


class IndicatorSet(Record):
    __tablename__ = "indicator_set"

    year: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(120))
    excellent_min: Mapped[float] = mapped_column(Float, default=90)
    good_min: Mapped[float] = mapped_column(Float, default=80)
    pass_min: Mapped[float] = mapped_column(Float, default=60)

    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="indicator_set", cascade="all, delete-orphan", order_by="Indicator.seq"
    )


class Indicator(Record):
    __tablename__ = "indicator"

    set_id: Mapped[int] = mapped_column(
        ForeignKey("indicator_set.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    category: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    max_score: Mapped[float] = mapped_column(Float)
    guidance: Mapped[str | None] = mapped_column(Text)
    # Which figure the app shows beside the indicator when scoring (see services.stats).
    metric: Mapped[str | None] = mapped_column(String(40))

    indicator_set: Mapped[IndicatorSet] = relationship(back_populates="indicators")


class Assessment(Record):
    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("set_id", "community_id"),)

    set_id: Mapped[int] = mapped_column(ForeignKey("indicator_set.id", ondelete="RESTRICT"))
    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[AssessmentStatus] = mapped_column(
        EnumCode(AssessmentStatus), default=AssessmentStatus.DRAFT
    )
    total: Mapped[float] = mapped_column(Float, default=0)
    grade: Mapped[Grade | None] = mapped_column(EnumCode(Grade))
    feedback: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[AssessmentOutcome] = mapped_column(
        EnumCode(AssessmentOutcome), default=AssessmentOutcome.NONE
    )
    award_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    rectify_reasons: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    assessor: Mapped[str | None] = mapped_column(String(60))

    indicator_set: Mapped[IndicatorSet] = relationship()
    community: Mapped[Community] = relationship()
    scores: Mapped[list[Score]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Score(Record):
    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("assessment_id", "indicator_id"),)

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    indicator_id: Mapped[int] = mapped_column(
        ForeignKey("indicator.id", ondelete="RESTRICT"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    remark: Mapped[str | None] = mapped_column(Text)

    assessment: Mapped[Assessment] = relationship(back_populates="scores")
    indicator: Mapped[Indicator] = relationship()
