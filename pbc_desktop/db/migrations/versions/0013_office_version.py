"""office version: a change counter on the office table, for optimistic locking

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Two administrators changing this office (its name, level, place in the tree) from two PCs
of one server database at once: the second save silently replaced the first, the office
table having no ``version`` as every record's table has since 0005. It gets one, the
program adding one at each change of the row (``version_id_col`` of ``Office``); an
editor's save is refused when the stored one differs from the one it read
(``services/versions.py``). Existing rows start at 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "office", sa.Column("version", sa.Integer(), server_default="1", nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("office") as batch_op:
        batch_op.drop_column("version")
