"""Party organizations (党组织) and the venues (阵地) they open."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, PinyinNamed, Record
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel, VenueKind

if TYPE_CHECKING:
    from pbc_desktop.db.models.members import PartyMember


class Organization(PinyinNamed, Record):
    __tablename__ = "organization"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[OrgKind] = mapped_column(EnumCode(OrgKind))
    field: Mapped[OrgField] = mapped_column(EnumCode(OrgField))
    level: Mapped[OrgLevel] = mapped_column(EnumCode(OrgLevel))
    town: Mapped[str | None] = mapped_column(String(60), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    secretary: Mapped[str | None] = mapped_column(String(60))
    contact_person: Mapped[str | None] = mapped_column(String(60))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    founded_on: Mapped[date | None] = mapped_column(Date)
    # Temporary branches (临时党支部) are set up for a period, e.g. epidemic control.
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Organization | None] = relationship(
        remote_side="Organization.id", back_populates="children"
    )
    children: Mapped[list[Organization]] = relationship(back_populates="parent")
    members: Mapped[list[PartyMember]] = relationship(back_populates="organization")


class Venue(Record):
    """A site opened to communities: party-mass service centre (党群服务中心) and others."""

    __tablename__ = "venue"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[VenueKind] = mapped_column(EnumCode(VenueKind))
    owner_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    address: Mapped[str | None] = mapped_column(String(200))
    capacity: Mapped[int | None] = mapped_column(Integer)
    opening_hours: Mapped[str | None] = mapped_column(String(120))
    remark: Mapped[str | None] = mapped_column(Text)

    owner: Mapped[Organization | None] = relationship()
