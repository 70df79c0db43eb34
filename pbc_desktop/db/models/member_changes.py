"""增减方式 and 组织关系转接: a member's dated comings and goings, transfers and time away.

:class:`MemberChange` is the roll's history (``domain/member_changes.py``): who came into
or left which organization, when and how. :class:`MemberTransfer` is one 组织关系介绍信
(letter of transfer), pending until the receiving side confirms it; :class:`MobileMember`
is a stay away from home of a 流动党员 (where, contact, who manages them meanwhile).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.member_changes import LeavingKind, MemberChangeKind, TransferState


class MemberChange(Record):
    """One 增加 or 减少 of a member: ``organization_id`` is the member's organization at
    that time (the one entered, or the one left); ``other_organization_id`` /
    ``other_unit`` the source or destination in or outside the district."""

    __tablename__ = "member_change"
    __table_args__ = (
        Index("ix_member_change_kind_occurred_on", "kind", "occurred_on"),
        Index("ix_member_change_member_id_occurred_on", "member_id", "occurred_on"),
    )

    member_id: Mapped[int] = mapped_column(ForeignKey("party_member.id", ondelete="RESTRICT"))
    kind: Mapped[MemberChangeKind] = mapped_column(EnumCode(MemberChangeKind))
    occurred_on: Mapped[date] = mapped_column(Date)
    leaving_kind: Mapped[LeavingKind | None] = mapped_column(EnumCode(LeavingKind))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    other_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT")
    )
    other_unit: Mapped[str | None] = mapped_column(String(120))
    remark: Mapped[str | None] = mapped_column(Text)

    member: Mapped[PartyMember] = relationship()
    organization: Mapped[Organization] = relationship(foreign_keys=[organization_id])
    other_organization: Mapped[Organization | None] = relationship(
        foreign_keys=[other_organization_id]
    )


class MemberTransfer(Record):
    """A 组织关系介绍信: the member moves from ``from_organization_id`` to an organization
    of the district (``to_organization_id``, which confirms receipt) or to an outside unit
    (``to_unit``; the sender records the returned 回执). Pending until then."""

    __tablename__ = "member_transfer"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="RESTRICT"), index=True
    )
    from_organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    to_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    to_unit: Mapped[str | None] = mapped_column(String(120))
    letter_number: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_days: Mapped[int] = mapped_column(Integer, default=30)
    reason: Mapped[str | None] = mapped_column(Text)
    state: Mapped[TransferState] = mapped_column(
        EnumCode(TransferState), default=TransferState.PENDING, index=True
    )
    received_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    member: Mapped[PartyMember] = relationship()
    from_organization: Mapped[Organization] = relationship(foreign_keys=[from_organization_id])
    to_organization: Mapped[Organization | None] = relationship(foreign_keys=[to_organization_id])


class MobileMember(Record):
    """A stay away of a 流动党员: where, how to reach them, and the organization that
    manages them meanwhile (in the district, or an outside one by name); ended by
    ``returned_on``."""

    __tablename__ = "mobile_member"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="RESTRICT"), index=True
    )
    left_on: Mapped[date] = mapped_column(Date)
    whereabouts: Mapped[str] = mapped_column(String(120))
    contact_phone: Mapped[str | None] = mapped_column(String(20))
    managing_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT")
    )
    managing_unit: Mapped[str | None] = mapped_column(String(120))
    returned_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    member: Mapped[PartyMember] = relationship()
    managing_organization: Mapped[Organization | None] = relationship()
