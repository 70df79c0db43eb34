"""exchange state: the version agreed per record, conflicts, the exchange log

Revision ID: 0004
Revises: 0003
Create Date: 2027-03-01

Three new tables for packages between offices (``services/exchange/``): ``sync_base``
(the ``updated_at`` each record had when this office and another last agreed on it), ``sync_conflict``
(records changed at both ends, for a person to decide) and ``exchange_log`` (every package
sent or received). Nothing existing changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from pbc_desktop.db.base import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
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
    sa.ForeignKeyConstraint(['by'], ['app_user.id'], name=op.f('fk_exchange_log_by_app_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_log'))
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
    sa.ForeignKeyConstraint(['resolved_by'], ['app_user.id'], name=op.f('fk_sync_conflict_resolved_by_app_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflict'))
    )
    op.create_index(op.f('ix_sync_conflict_record_uuid'), 'sync_conflict', ['record_uuid'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_conflict_record_uuid"), table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_exchange_log_package_uuid"), table_name="exchange_log")
    op.drop_table("exchange_log")
    op.drop_table("sync_base")
