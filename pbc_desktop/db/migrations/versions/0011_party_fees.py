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

revision: str = "0011"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "fee_rate",
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("up_to_cents", sa.BigInteger(), nullable=True),
        sa.Column("rate", sa.Integer(), nullable=True),
        sa.Column("fixed_cents", sa.BigInteger(), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_rate")),
        sa.UniqueConstraint("uuid", name=op.f("uq_fee_rate_uuid")),
    )
    op.create_index(op.f("ix_fee_rate_effective_from"), "fee_rate", ["effective_from"])
    op.create_table(
        "fee_basis",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("income_cents", sa.BigInteger(), nullable=True),
        sa.Column("fixed_cents", sa.BigInteger(), nullable=True),
        sa.Column("remark", sa.String(length=200), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["party_member.id"],
            name=op.f("fk_fee_basis_member_id_party_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_basis")),
        sa.UniqueConstraint(
            "member_id", "effective_from", name=op.f("uq_fee_basis_member_id_effective_from")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_fee_basis_uuid")),
    )
    op.create_index(op.f("ix_fee_basis_member_id"), "fee_basis", ["member_id"])
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
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["party_member.id"],
            name=op.f("fk_fee_payment_member_id_party_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_fee_payment_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_payment")),
        sa.UniqueConstraint(
            "member_id", "fee_month", name=op.f("uq_fee_payment_member_id_fee_month")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_fee_payment_uuid")),
    )
    op.create_index(op.f("ix_fee_payment_member_id"), "fee_payment", ["member_id"])
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
