"""accounts that sign in; the audit log hash-chained

Revision ID: 0003
Revises: 0002
Create Date: 2027-02-01

1. ``app_user`` becomes a real account: 单位/职务 (``unit``), a town, an argon2 password
   hash, forced change, failed sign-ins and lock time, last sign-in. The two old roles map
   to the new ones (admin → district, clerk → viewer); old rows have no password, so they
   cannot sign in until an administrator sets one. The first administrator of an upgraded
   database is asked for by the program after the upgrade (not here: a migration cannot
   ask anybody anything).
2. ``audit_log`` gains the account (``user_id``) and the chain (``prev_hash``, ``hash``);
   ``audit_head`` holds the chain's end. Existing entries keep their actor text and are
   chained in id order. The hashing below is a frozen copy of
   ``pbc_desktop.domain.audit_chain.entry_hash`` as released with this revision.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 2000


def _utc_text(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")


def _entry_hash(prev_hash: str, row: sa.Row[tuple[object, ...]]) -> str:
    body = json.dumps(
        [
            _utc_text(row.at),
            None,
            row.actor,
            row.action,
            row.entity,
            row.entity_uuid,
            row.summary,
            row.before,
            row.after,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _accounts() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit", sa.String(length=120), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("town", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch_op.add_column(
            sa.Column("must_change_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("last_sign_in_at", sa.DateTime(), nullable=True))
    users = sa.table("app_user", sa.column("role", sa.String))
    op.execute(users.update().where(users.c.role == "admin").values(role="district"))
    op.execute(users.update().where(users.c.role == "clerk").values(role="viewer"))


def _chain() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_audit_log_user_id"), ["user_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_audit_log_user_id_app_user"),
            "app_user",
            ["user_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("at", sa.DateTime),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("entity", sa.String),
        sa.column("entity_uuid", sa.String),
        sa.column("summary", sa.String),
        sa.column("before", sa.Text),
        sa.column("after", sa.Text),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
    )
    conn = op.get_bind()
    prev, last_id, count = "", 0, 0
    while True:
        rows = conn.execute(
            sa.select(log).where(log.c.id > last_id).order_by(log.c.id).limit(CHUNK)
        ).all()
        if not rows:
            break
        changes = []
        for row in rows:
            digest = _entry_hash(prev, row)
            changes.append({"row_id": row.id, "prev_hash": prev, "hash": digest})
            prev, last_id = digest, row.id
        conn.execute(
            log.update()
            .where(log.c.id == sa.bindparam("row_id"))
            .values(prev_hash=sa.bindparam("prev_hash"), hash=sa.bindparam("hash")),
            changes,
        )
        count += len(rows)
    if count:  # an empty log gets its head with its first entry
        conn.execute(head.insert().values(id=1, last_id=last_id, last_hash=prev, entries=count))


def upgrade() -> None:
    _accounts()
    _chain()


def downgrade() -> None:
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_audit_log_user_id_app_user"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_audit_log_user_id"))
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("user_id")
    users = sa.table("app_user", sa.column("role", sa.String))
    op.execute(users.update().where(users.c.role == "district").values(role="admin"))
    op.execute(users.update().where(users.c.role != "admin").values(role="clerk"))
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        for column in (
            "last_sign_in_at",
            "locked_until",
            "failed_sign_ins",
            "must_change_password",
            "password_hash",
            "town",
            "unit",
        ):
            batch_op.drop_column(column)
