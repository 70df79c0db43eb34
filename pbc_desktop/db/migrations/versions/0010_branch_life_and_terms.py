"""branch life and terms: the 三会一课 schedule and each organization's committees (换届)

Revision ID: 0010
Revises: 0006
Create Date: 2027-05-01

``meeting_rule`` holds how often a branch must hold each kind of meeting (the district's
setting; no rows: the defaults). ``committee`` is one elected committee (班子) of an
organization: its 届次, the day it was elected and its term in years; ``committee_member``
its members and their posts. ``activity`` gains an index over kind, time, status and
host, from which each branch's meetings of a year are counted without reading the rows.
Existing rows are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pbc_desktop.db.base import UTCDateTime

revision: str = "0010"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "meeting_rule",
        *_record_columns(),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("interval_months", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_rule")),
        sa.UniqueConstraint("kind", name=op.f("uq_meeting_rule_kind")),
        sa.UniqueConstraint("uuid", name=op.f("uq_meeting_rule_uuid")),
    )
    op.create_table(
        "committee",
        *_record_columns(),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("term_no", sa.Integer(), nullable=False),
        sa.Column("elected_on", sa.Date(), nullable=False),
        sa.Column("term_years", sa.Integer(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_committee_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee")),
        sa.UniqueConstraint("uuid", name=op.f("uq_committee_uuid")),
    )
    op.create_index(
        op.f("ix_committee_organization_id"), "committee", ["organization_id"], unique=False
    )
    op.create_table(
        "committee_member",
        *_record_columns(),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=60), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("post", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["committee_id"],
            ["committee.id"],
            name=op.f("fk_committee_member_committee_id_committee"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["party_member.id"],
            name=op.f("fk_committee_member_member_id_party_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_member")),
        sa.UniqueConstraint("uuid", name=op.f("uq_committee_member_uuid")),
    )
    op.create_index(
        op.f("ix_committee_member_committee_id"),
        "committee_member",
        ["committee_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_committee_member_member_id"), "committee_member", ["member_id"], unique=False
    )


    op.create_index(
        "ix_activity_kind_starts_at",
        "activity",
        ["kind", "starts_at", "status", "host_org_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_activity_kind_starts_at", table_name="activity")
    op.drop_table("committee_member")
    op.drop_table("committee")
    op.drop_table("meeting_rule")
