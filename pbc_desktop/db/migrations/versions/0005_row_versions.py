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

from pbc_desktop.db.migrations.helpers import RECORD_TABLES_0004

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in RECORD_TABLES_0004:
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    for table in RECORD_TABLES_0004:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("version")
