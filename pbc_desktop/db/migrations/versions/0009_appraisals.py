"""民主评议党员: each organization's yearly appraisal and its members' grades

Revision ID: 0009
Revises: 0011
Create Date: 2026-12-05

``appraisal`` holds one organization's 民主评议 of a year (its meeting dates);
``appraisal_result`` each member's 评议等次 in it (优秀, 合格, 基本合格, 不合格).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    """The columns every record has (``db.base.Record``)."""
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
        "appraisal",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_appraisal_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal")),
        sa.UniqueConstraint(
            "organization_id", "year", name=op.f("uq_appraisal_organization_id_year")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_appraisal_uuid")),
    )
    with op.batch_alter_table("appraisal") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appraisal_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appraisal_year"), ["year"], unique=False)
    op.create_table(
        "appraisal_result",
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=False),
        sa.Column("remark", sa.Text(), nullable=True),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["appraisal_id"],
            ["appraisal.id"],
            name=op.f("fk_appraisal_result_appraisal_id_appraisal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["party_member.id"],
            name=op.f("fk_appraisal_result_member_id_party_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_result")),
        sa.UniqueConstraint(
            "appraisal_id", "member_id", name=op.f("uq_appraisal_result_appraisal_id_member_id")
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_appraisal_result_uuid")),
    )
    with op.batch_alter_table("appraisal_result") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appraisal_result_member_id"), ["member_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("appraisal_result")
    op.drop_table("appraisal")
