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

from pbc_desktop.db.migrations.helpers import (
    create_index,
    foreign_key,
    primary_key,
    record_columns,
    unique,
)

revision: str = "0009"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "appraisal",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        *record_columns(),
        foreign_key("appraisal", "organization_id", "organization", "RESTRICT"),
        primary_key("appraisal"),
        unique("appraisal", "organization_id", "year"),
        unique("appraisal", "uuid"),
    )
    create_index("appraisal", "organization_id")
    create_index("appraisal", "year")
    op.create_table(
        "appraisal_result",
        sa.Column("appraisal_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("grade", sa.String(length=32), nullable=False),
        sa.Column("remark", sa.Text(), nullable=True),
        *record_columns(),
        foreign_key("appraisal_result", "appraisal_id", "appraisal", "CASCADE"),
        foreign_key("appraisal_result", "member_id", "party_member", "CASCADE"),
        primary_key("appraisal_result"),
        unique("appraisal_result", "appraisal_id", "member_id"),
        unique("appraisal_result", "uuid"),
    )
    create_index("appraisal_result", "member_id")


def downgrade() -> None:
    op.drop_table("appraisal_result")
    op.drop_table("appraisal")
