"""Pieces of schema that several migrations declare alike.

FROZEN: a released migration must make the same schema on every database it ever runs
on, whatever later versions of the program change. So a function or constant here that a
migration uses is never changed: a migration that needs something different gets a new
one beside it. Nothing here imports the application's models, services or domain rules,
and every name is spelled out as the migrations wrote it (``op.f``: no naming convention
is applied again).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.types import TypeEngine

#: every table of a record (``db.base.Record``) at revisions 0004 and 0005
RECORD_TABLES_0004 = (
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


def record_columns(
    timestamp: Callable[[], TypeEngine[datetime]] = sa.DateTime,
) -> list[sa.Column[Any]]:
    """The columns every record has since revision 0005 (``db.base.Record``), in this
    order; ``created_at`` and ``updated_at`` of the type ``timestamp`` makes."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("created_at", timestamp(), nullable=False),
        sa.Column("updated_at", timestamp(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    ]


def primary_key(table: str) -> sa.PrimaryKeyConstraint:
    """``pk_<table>`` over ``id``."""
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def unique(table: str, *columns: str) -> sa.UniqueConstraint:
    """``uq_<table>_<columns>`` over ``columns``."""
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def record_keys(table: str) -> list[sa.Constraint]:
    """A record's primary key, then its unique ``uuid``."""
    return [primary_key(table), unique(table, "uuid")]


def foreign_key(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    """``fk_<table>_<column>_<target>``: ``column`` refers to ``<target>.id``."""
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def create_index(table: str, column: str) -> None:
    """The plain index ``ix_<table>_<column>`` over one column."""
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
