"""names in pinyin: order and search keys beside the names of members, organizations and
communities

Revision ID: 0006
Revises: 0005
Create Date: 2027-04-01

``party_member``, ``organization`` and ``community`` gain ``name_sort`` (the order key),
``name_initials`` and ``name_pinyin`` (search by initials and full pinyin), computed from
``name`` by ``pbc_desktop.domain.pinyin.name_keys`` (``db.base.PinyinNamed``). Existing rows
get theirs here. Unlike a migration that rewrites stored facts, this one uses the program's
own function rather than a frozen copy: the keys are derived data and must be the ones the
running program computes for new names, or old and new names would sort apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pbc_desktop.domain.pinyin import name_keys

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> whether its names are people's (the first character read as a surname)
TABLES = {"party_member": True, "organization": False, "community": False}
COLUMNS = ("name_sort", "name_initials", "name_pinyin")
CHUNK = 2000


def _fill(table_name: str, person: bool) -> None:
    bind = op.get_bind()
    table = sa.table(
        table_name,
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        *(sa.column(c, sa.Text) for c in COLUMNS),
    )
    rows = bind.execute(sa.select(table.c.id, table.c.name).order_by(table.c.id)).all()
    stmt = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("row_id"))
        .values({c: sa.bindparam(f"new_{c}") for c in COLUMNS})
    )
    for start in range(0, len(rows), CHUNK):
        params = []
        for row_id, name in rows[start : start + CHUNK]:
            keys = name_keys(name or "", person=person)
            params.append(
                {
                    "row_id": row_id,
                    "new_name_sort": keys.sort,
                    "new_name_initials": keys.initials,
                    "new_name_pinyin": keys.pinyin,
                }
            )
        bind.execute(stmt, params)


def upgrade() -> None:
    for table, person in TABLES.items():
        for column in COLUMNS:
            op.add_column(
                table, sa.Column(column, sa.Text(), server_default="", nullable=False)
            )
        _fill(table, person)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            for column in COLUMNS:
                batch_op.drop_column(column)
