"""row versions: a change counter on every record, for optimistic locking

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

Many clerks may edit one server database at once (issue 14). Every record's table gets
``version``, an integer the program adds one to at each change of the row
(``version_id_col`` of the models, ``db/base.py``); an editor remembers the version it
read and its save is refused when the stored one differs (``services/versions.py``).
Existing rows start at 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


#: every table of a record (``db.base.Record``) in this revision
RECORD_TABLES = (
    "activity",
    "activity_organization",
    "agenda_item",
    "app_user",
    "assessment",
    "attachment",
    "attendance",
    "claim",
    "claim_organization",
    "community",
    "community_member",
    "community_role",
    "community_type",
    "community_venue",
    "convener_turn",
    "fund_entry",
    "indicator",
    "indicator_set",
    "lifecycle_event",
    "list_item",
    "organization",
    "party_member",
    "post",
    "post_evaluation",
    "post_report",
    "reminder_rule",
    "score",
    "service_list",
    "service_log",
    "supervision",
    "venue",
)


def upgrade() -> None:
    for table in RECORD_TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
