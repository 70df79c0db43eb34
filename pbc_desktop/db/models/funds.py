"""The fund ledger (经费): 上级拨、各方筹、党费补, and spending by purpose."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.communities import Community
from pbc_desktop.domain.enums import FundDirection, FundSource


class FundEntry(Record):
    __tablename__ = "fund_entry"

    community_id: Mapped[int] = mapped_column(
        ForeignKey("community.id", ondelete="RESTRICT"), index=True
    )
    entry_date: Mapped[date] = mapped_column(Date)
    direction: Mapped[FundDirection] = mapped_column(EnumCode(FundDirection))
    source: Mapped[FundSource | None] = mapped_column(EnumCode(FundSource))
    purpose: Mapped[str | None] = mapped_column(String(200))
    # Money in fen (分): exact on every backend.
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("list_item.id", ondelete="SET NULL"))
    over_balance: Mapped[bool] = mapped_column(Boolean, default=False)
    handler: Mapped[str | None] = mapped_column(String(60))
    remark: Mapped[str | None] = mapped_column(Text)
    #: 党费补 income: the branch's fee collection it came from (optional) and its month
    fee_org_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    fee_month: Mapped[date | None] = mapped_column(Date)

    community: Mapped[Community] = relationship()
