"""Demand, resource and project lists (需求/资源/项目清单), claims and supervision (督办)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.communities import Community
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.enums import ClaimMode, ItemStatus, ListKind, Satisfaction


class ServiceList(Record):
    __tablename__ = "service_list"

    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[ListKind] = mapped_column(EnumCode(ListKind))
    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer, index=True)
    signed_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    community: Mapped[Community] = relationship()
    items: Mapped[list[ListItem]] = relationship(
        back_populates="service_list", cascade="all, delete-orphan", order_by="ListItem.seq"
    )


class ListItem(Record):
    __tablename__ = "list_item"

    list_id: Mapped[int] = mapped_column(
        ForeignKey("service_list.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(60))
    # A project answers a demand and may use a resource of the same community.
    answers_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("list_item.id", ondelete="SET NULL")
    )
    uses_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("list_item.id", ondelete="SET NULL")
    )
    expected_result: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ItemStatus] = mapped_column(
        EnumCode(ItemStatus), default=ItemStatus.OPEN, index=True
    )
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    solved_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[Satisfaction | None] = mapped_column(EnumCode(Satisfaction))

    service_list: Mapped[ServiceList] = relationship(back_populates="items")
    claims: Mapped[list[Claim]] = relationship(back_populates="item", cascade="all, delete-orphan")
    supervisions: Mapped[list[Supervision]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Supervision.entry_date"
    )


class Claim(Record):
    """A claim of a project item: one organization (单个认领) or a group (组团认领)."""

    __tablename__ = "claim"

    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id", ondelete="CASCADE"), index=True)
    mode: Mapped[ClaimMode] = mapped_column(EnumCode(ClaimMode))
    lead_org_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    claimed_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    responsible: Mapped[str | None] = mapped_column(String(200))

    item: Mapped[ListItem] = relationship(back_populates="claims")
    lead_org: Mapped[Organization] = relationship()
    participants: Mapped[list[ClaimOrganization]] = relationship(
        back_populates="claim", cascade="all, delete-orphan"
    )


class ClaimOrganization(Record):
    __tablename__ = "claim_organization"
    __table_args__ = (UniqueConstraint("claim_id", "organization_id"),)

    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    responsible_person: Mapped[str | None] = mapped_column(String(60))

    claim: Mapped[Claim] = relationship(back_populates="participants")
    organization: Mapped[Organization] = relationship()


class Supervision(Record):
    """A follow-up (督办) of an item: when, by whom, progress and next step."""

    __tablename__ = "supervision"

    item_id: Mapped[int] = mapped_column(ForeignKey("list_item.id", ondelete="CASCADE"), index=True)
    entry_date: Mapped[date] = mapped_column(Date)
    by_whom: Mapped[str] = mapped_column(String(60))
    progress: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)

    item: Mapped[ListItem] = relationship(back_populates="supervisions")
