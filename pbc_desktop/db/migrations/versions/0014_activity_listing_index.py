"""The activity listing's index holds what its filters and search read

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

The activities tab's search box tests each activity's title, place, venue, community and
host. Over the index of (starts_at, id) alone, a search finding few of a district's
133,000 activities read every row of the table in the listing's order, one page of the
file at a time (a third of a second per keystroke on SQLite). The index of the listing's
order now also holds the columns its filters and search read: the search walks the index
alone, in order, and stops at the page's end. It replaces the index of 0012 (its first
columns: it serves every query that one did). Made from the stored rows, as every index.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "starts_at",
    "id",
    "kind",
    "status",
    "community_id",
    "host_org_id",
    "venue_id",
    "title",
    "place",
]


def upgrade() -> None:
    op.create_index("ix_activity_listing", "activity", COLUMNS, unique=False)
    op.drop_index("ix_activity_starts_at_id", table_name="activity")


def downgrade() -> None:
    op.create_index("ix_activity_starts_at_id", "activity", ["starts_at", "id"], unique=False)
    op.drop_index("ix_activity_listing", table_name="activity")
