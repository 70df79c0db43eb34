"""党费: rate schedules, members' fee bases, payments; 党费补 income points to a collection

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-05

``fee_rate`` holds the district's rate schedules (brackets and fixed amounts from a date,
history kept), ``fee_basis`` what each member's standard is computed from (from a month
on), ``fee_payment`` each member's fee of a month (应缴 and 实缴, 补缴/预缴). A fund entry
gains ``fee_org_id`` and ``fee_month``: the branch's collection a 党费补 income came from.
Money is whole fen (BigInteger).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pbc_desktop.db.migrations.helpers import (
    create_index,
    foreign_key,
    primary_key,
    record_columns,
    unique,
)

revision: str = "0011"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fee_rate",
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("up_to_cents", sa.BigInteger(), nullable=True),
        sa.Column("rate", sa.Integer(), nullable=True),
        sa.Column("fixed_cents", sa.BigInteger(), nullable=True),
        *record_columns(),
        primary_key("fee_rate"),
        unique("fee_rate", "uuid"),
    )
    create_index("fee_rate", "effective_from")
    op.create_table(
        "fee_basis",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("income_cents", sa.BigInteger(), nullable=True),
        sa.Column("fixed_cents", sa.BigInteger(), nullable=True),
        sa.Column("remark", sa.String(length=200), nullable=True),
        *record_columns(),
        foreign_key("fee_basis", "member_id", "party_member", "CASCADE"),
        primary_key("fee_basis"),
        unique("fee_basis", "member_id", "effective_from"),
        unique("fee_basis", "uuid"),
    )
    create_index("fee_basis", "member_id")
    op.create_table(
        "fee_payment",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("fee_month", sa.Date(), nullable=False),
        sa.Column("collected_in", sa.Date(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("due_cents", sa.BigInteger(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        *record_columns(),
        foreign_key("fee_payment", "member_id", "party_member", "CASCADE"),
        foreign_key("fee_payment", "organization_id", "organization", "RESTRICT"),
        primary_key("fee_payment"),
        unique("fee_payment", "member_id", "fee_month"),
        unique("fee_payment", "uuid"),
    )
    create_index("fee_payment", "member_id")
    op.create_index("ix_fee_payment_org_month", "fee_payment", ["organization_id", "fee_month"])
    with op.batch_alter_table("fund_entry") as batch_op:
        batch_op.add_column(sa.Column("fee_org_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fee_month", sa.Date(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_fund_entry_fee_org_id_organization"),
            "organization",
            ["fee_org_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("fund_entry") as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_fund_entry_fee_org_id_organization"), type_="foreignkey"
        )
        batch_op.drop_column("fee_month")
        batch_op.drop_column("fee_org_id")
    op.drop_table("fee_payment")
    op.drop_table("fee_basis")
    op.drop_table("fee_rate")
