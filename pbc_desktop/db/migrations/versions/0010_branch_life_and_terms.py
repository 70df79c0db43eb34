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
from pbc_desktop.db.migrations.helpers import (
    create_index,
    foreign_key,
    primary_key,
    record_columns,
    unique,
)

revision: str = "0010"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meeting_rule",
        *record_columns(UTCDateTime),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("interval_months", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        primary_key("meeting_rule"),
        unique("meeting_rule", "kind"),
        unique("meeting_rule", "uuid"),
    )
    op.create_table(
        "committee",
        *record_columns(UTCDateTime),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("term_no", sa.Integer(), nullable=False),
        sa.Column("elected_on", sa.Date(), nullable=False),
        sa.Column("term_years", sa.Integer(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=True),
        foreign_key("committee", "organization_id", "organization", "RESTRICT"),
        primary_key("committee"),
        unique("committee", "uuid"),
    )
    create_index("committee", "organization_id")
    op.create_table(
        "committee_member",
        *record_columns(UTCDateTime),
        sa.Column("committee_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=60), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("post", sa.String(length=32), nullable=False),
        foreign_key("committee_member", "committee_id", "committee", "CASCADE"),
        foreign_key("committee_member", "member_id", "party_member", "SET NULL"),
        primary_key("committee_member"),
        unique("committee_member", "uuid"),
    )
    create_index("committee_member", "committee_id")
    create_index("committee_member", "member_id")


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
