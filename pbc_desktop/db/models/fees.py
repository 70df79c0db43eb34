"""党费: the rate schedules in force from a date, each member's fee basis, the payments.

Money is whole fen (``BigInteger``), exact on SQLite and PostgreSQL alike (a ``Numeric``
column is a float on SQLite); services hand it out as Decimal yuan.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pbc_desktop.db.base import EnumCode, Record
from pbc_desktop.db.models.members import PartyMember
from pbc_desktop.db.models.organizations import Organization
from pbc_desktop.domain.fees import FeeCategory, PaymentKind


class FeeRate(Record):
    """One bracket (在职, 离退休: ``up_to_cents`` and ``rate``) or one fixed amount (农民,
    学生…: ``fixed_cents``) of the schedule the district set from ``effective_from``."""

    __tablename__ = "fee_rate"

    effective_from: Mapped[date] = mapped_column(Date, index=True)
    category: Mapped[FeeCategory] = mapped_column(EnumCode(FeeCategory))
    up_to_cents: Mapped[int | None] = mapped_column(BigInteger)
    #: 万分之 (50 = 0.5 %)
    rate: Mapped[int | None] = mapped_column(Integer)
    fixed_cents: Mapped[int | None] = mapped_column(BigInteger)


class FeeBasis(Record):
    """What a member's standard is computed from, from a month on (the branch enters it)."""

    __tablename__ = "fee_basis"
    __table_args__ = (UniqueConstraint("member_id", "effective_from"),)

    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="CASCADE"), index=True
    )
    effective_from: Mapped[date] = mapped_column(Date)
    category: Mapped[FeeCategory] = mapped_column(EnumCode(FeeCategory))
    #: monthly after-tax income (税后工资收入) or pension, for 在职 and 离退休
    income_cents: Mapped[int | None] = mapped_column(BigInteger)
    #: a standard the branch fixed (少交、免交、多交); wins over the category's
    fixed_cents: Mapped[int | None] = mapped_column(BigInteger)
    remark: Mapped[str | None] = mapped_column(String(200))

    member: Mapped[PartyMember] = relationship()


class FeePayment(Record):
    """A member's fee for ``fee_month``, paid on ``paid_on`` in the collection of
    ``collected_in`` (a month): 补缴 when the fee month is earlier, 预缴 when later."""

    __tablename__ = "fee_payment"
    __table_args__ = (
        UniqueConstraint("member_id", "fee_month"),
        Index("ix_fee_payment_org_month", "organization_id", "fee_month"),
    )

    member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="CASCADE"), index=True
    )
    #: the branch that collected it (the member's at the time)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="RESTRICT"))
    fee_month: Mapped[date] = mapped_column(Date)
    collected_in: Mapped[date] = mapped_column(Date)
    paid_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[PaymentKind] = mapped_column(EnumCode(PaymentKind))
    #: the standard of the month when it was paid (应缴)
    due_cents: Mapped[int] = mapped_column(BigInteger)
    #: what was paid (实缴)
    amount_cents: Mapped[int] = mapped_column(BigInteger)

    member: Mapped[PartyMember] = relationship()
    organization: Mapped[Organization] = relationship()
