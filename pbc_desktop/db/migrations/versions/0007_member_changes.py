"""member changes (增减方式), transfers (组织关系转接) and mobile members (流动党员)

Revision ID: 0007
Revises: 0010
Create Date: 2026-12-05

A member is no longer deleted: ``member_change`` holds each dated coming and going
(发展, 转入, 恢复党籍, 转出, 死亡, 出党, 停止党籍), ``member_transfer`` each 组织关系介绍信
until the receiving side confirms it, ``mobile_member`` each stay away of a 流动党员.

Existing members who are off the roll (已转出, 已故, 停止党籍) get the change their status
comes from, so that the history and the status agree. Their real date is not known: the
change is dated on the day the member's row was last changed (``updated_at``), the best
date the database holds, and its remark says so. A member who lost contact (失联) is still
on the roll and gets no change. The codes are written here as they are stored today (a
migration does not follow later renames of the program's enums).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

from pbc_desktop.db.base import UTCDateTime
from pbc_desktop.db.migrations.helpers import create_index, foreign_key, record_columns, record_keys

revision: str = "0007"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: stored status code → the change kind code it comes from
_KIND_OF_STATUS = {
    "transferred_out": "transferred_out",
    "deceased": "deceased",
    "suspended": "suspended",
}
_REMARK = "系统升级时依据党员状态补记，日期为该党员记录的最后修改日期"


def upgrade() -> None:
    change = op.create_table(
        "member_change",
        *record_columns(UTCDateTime),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("leaving_kind", sa.String(length=32), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("other_organization_id", sa.Integer(), nullable=True),
        sa.Column("other_unit", sa.String(length=120), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        foreign_key("member_change", "member_id", "party_member", "RESTRICT"),
        foreign_key("member_change", "organization_id", "organization", "RESTRICT"),
        foreign_key("member_change", "other_organization_id", "organization", "RESTRICT"),
        *record_keys("member_change"),
    )
    op.create_index(
        "ix_member_change_kind_occurred_on", "member_change", ["kind", "occurred_on"]
    )
    op.create_index(
        "ix_member_change_member_id_occurred_on", "member_change", ["member_id", "occurred_on"]
    )
    create_index("member_change", "organization_id")
    op.create_table(
        "member_transfer",
        *record_columns(UTCDateTime),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("from_organization_id", sa.Integer(), nullable=False),
        sa.Column("to_organization_id", sa.Integer(), nullable=True),
        sa.Column("to_unit", sa.String(length=120), nullable=True),
        sa.Column("letter_number", sa.String(length=40), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_days", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        foreign_key("member_transfer", "member_id", "party_member", "RESTRICT"),
        foreign_key("member_transfer", "from_organization_id", "organization", "RESTRICT"),
        foreign_key("member_transfer", "to_organization_id", "organization", "RESTRICT"),
        *record_keys("member_transfer"),
    )
    for column in ("member_id", "from_organization_id", "to_organization_id", "state"):
        create_index("member_transfer", column)
    op.create_table(
        "mobile_member",
        *record_columns(UTCDateTime),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=False),
        sa.Column("whereabouts", sa.String(length=120), nullable=False),
        sa.Column("contact_phone", sa.String(length=20), nullable=True),
        sa.Column("managing_organization_id", sa.Integer(), nullable=True),
        sa.Column("managing_unit", sa.String(length=120), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("remark", sa.Text(), nullable=True),
        foreign_key("mobile_member", "member_id", "party_member", "RESTRICT"),
        foreign_key("mobile_member", "managing_organization_id", "organization", "RESTRICT"),
        *record_keys("mobile_member"),
    )
    create_index("mobile_member", "member_id")
    _record_past_leavings(change)


def _record_past_leavings(change: sa.Table) -> None:
    bind = op.get_bind()
    member = sa.table(
        "party_member",
        sa.column("id", sa.Integer),
        sa.column("organization_id", sa.Integer),
        sa.column("status", sa.String),
        sa.column("updated_at", UTCDateTime()),
    )
    rows = bind.execute(
        sa.select(member.c.id, member.c.organization_id, member.c.status, member.c.updated_at)
        .where(member.c.status.in_(sorted(_KIND_OF_STATUS)))
        .order_by(member.c.id)
    ).all()
    now = datetime.now(UTC)
    values = [
        {
            "uuid": str(uuid.uuid4()),
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "member_id": member_id,
            "kind": _KIND_OF_STATUS[status],
            "occurred_on": _day(updated_at, now),
            "organization_id": org_id,
            "remark": _REMARK,
        }
        for member_id, org_id, status, updated_at in rows
    ]
    if values:
        bind.execute(sa.insert(change), values)


def _day(when: datetime | None, now: datetime) -> date:
    return (when or now).date()


def downgrade() -> None:
    op.drop_table("mobile_member")
    op.drop_table("member_transfer")
    op.drop_table("member_change")
