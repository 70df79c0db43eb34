"""offices and exchange: this office and the registered ones, where each record came from,
deletions that travel, the version agreed per record, conflicts, the exchange log

Revision ID: 0004
Revises: 0003
Create Date: 2027-03-01

For packages between offices (``services/exchange/``): ``office`` (this database's own
office, at most one, and the offices registered from their cards), ``origin_office`` on
every record (empty: made here), ``tombstone`` (deleted records, so deletions travel, and
who deleted them here), ``sync_base`` (the ``updated_at`` each record had when this office
and another last agreed on it),
``sync_conflict`` (records changed at both ends, for a person to decide) and
``exchange_log`` (every package sent or received). Existing rows keep their values; their
``origin_office`` is empty, as records made here.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pbc_desktop.db.base import UTCDateTime
from pbc_desktop.db.migrations.helpers import RECORD_TABLES_0004, foreign_key, primary_key, unique

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in RECORD_TABLES_0004:
        op.add_column(table, sa.Column("origin_office", sa.String(length=36), nullable=True))
    op.create_table(
        "tombstone",
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_by", sa.Integer(), nullable=True),
        foreign_key("tombstone", "deleted_by", "app_user", "SET NULL"),
        sa.PrimaryKeyConstraint("record_uuid", name=op.f("pk_tombstone")),
    )
    op.create_index(op.f("ix_tombstone_deleted_at"), "tombstone", ["deleted_at"], unique=False)
    op.create_table(
        "office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("organization_uuid", sa.String(length=36), nullable=True),
        sa.Column("town", sa.String(length=60), nullable=True),
        sa.Column("sign_key", sa.LargeBinary(), nullable=False),
        sa.Column("box_key", sa.LargeBinary(), nullable=False),
        sa.Column("local", sa.Boolean(), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.Column("registered_by", sa.Integer(), nullable=True),
        foreign_key("office", "registered_by", "app_user", "SET NULL"),
        primary_key("office"),
        unique("office", "uuid"),
    )
    # one office of its own per database
    op.create_index(
        "uq_office_local",
        "office",
        ["local"],
        unique=True,
        sqlite_where=sa.text("local"),
        postgresql_where=sa.text("local"),
    )
    op.create_table('sync_base',
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('office', sa.String(length=36), nullable=False),
    sa.Column('updated_at', UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('record_uuid', 'office', name=op.f('pk_sync_base'))
    )
    op.create_table('exchange_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('sender', sa.String(length=36), nullable=False),
    sa.Column('sender_name', sa.String(length=120), nullable=False),
    sa.Column('recipient', sa.String(length=36), nullable=True),
    sa.Column('recipient_name', sa.String(length=120), nullable=False),
    sa.Column('created_at', UTCDateTime(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('by', sa.Integer(), nullable=True),
    sa.Column('fingerprint', sa.String(length=80), nullable=False),
    sa.Column('sender_fingerprint', sa.String(length=80), nullable=False),
    sa.Column('recipient_fingerprint', sa.String(length=80), nullable=False),
    sa.Column('encrypted', sa.Boolean(), nullable=False),
    sa.Column('counts', sa.Text(), nullable=False),
    sa.Column('left_out', sa.Text(), nullable=False),
    sa.Column('conflicts', sa.Integer(), nullable=False),
    sa.Column('watermark', UTCDateTime(), nullable=True),
    foreign_key('exchange_log', 'by', 'app_user', 'SET NULL'),
    primary_key('exchange_log'),
    )
    op.create_index(op.f('ix_exchange_log_package_uuid'), 'exchange_log', ['package_uuid'], unique=False)
    op.create_table('sync_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('record_uuid', sa.String(length=36), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('sender', sa.String(length=36), nullable=False),
    sa.Column('package_uuid', sa.String(length=36), nullable=False),
    sa.Column('kept', sa.String(length=8), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('other', sa.Text(), nullable=False),
    sa.Column('at', UTCDateTime(), nullable=False),
    sa.Column('resolved_at', UTCDateTime(), nullable=True),
    sa.Column('resolved_by', sa.Integer(), nullable=True),
    foreign_key('sync_conflict', 'resolved_by', 'app_user', 'SET NULL'),
    primary_key('sync_conflict'),
    )
    op.create_index(op.f('ix_sync_conflict_record_uuid'), 'sync_conflict', ['record_uuid'], unique=False)


def downgrade() -> None:
    op.drop_index("uq_office_local", table_name="office")
    op.drop_table("office")
    op.drop_index(op.f("ix_tombstone_deleted_at"), table_name="tombstone")
    op.drop_table("tombstone")
    for table in RECORD_TABLES_0004:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("origin_office")
    op.drop_index(op.f("ix_sync_conflict_record_uuid"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_exchange_log_package_uuid"), table_name="exchange_log")
    op.drop_table("exchange_log")
    op.drop_table("sync_base")
