"""Alembic environment: always runs on the connection the application hands over."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext

from pbc_desktop.db import models  # noqa: F401  (fills the metadata)
from pbc_desktop.db.base import Base, EnumCode, UTCDateTime

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through pbc_desktop.db.migrate")


def render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Migrations use plain SQL types, never the application's own type classes."""
    if type_ == "type" and isinstance(obj, EnumCode):
        return "sa.String(length=32)"
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    render_item=render_item,
)
with context.begin_transaction():
    context.run_migrations()
