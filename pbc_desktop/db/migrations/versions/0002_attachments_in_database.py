"""attachments inside the database; personal numbers masked in the audit log

Revision ID: 0002
Revises: 0001
Create Date: 2027-01-05

1. Attachments: until 0001 a photo or file of an activity lived in the data folder
   (``<data folder>/attachments/<activity uuid>/<name>``, the row holding that relative
   ``stored_path``). Its bytes now live in ``attachment_content``, and ``attachment``
   gains ``size`` and ``sha256``. Each old file is read into the database, but only
   from a path that resolves inside the attachments folder: a path pointing elsewhere
   (``..``, an absolute path, a link out of the folder) in a database from another PC
   is refused, and a missing, unreadable or oversized file leaves its row without
   content (``sha256`` NULL, shown as missing). The old files are left where they are.
2. The audit log: ``summary``, ``before`` and ``after`` of existing entries are rewritten
   with ID numbers showing only their last 4 characters and phone numbers as
   ``138****5678``. The masking below is a frozen copy of
   ``pbc_desktop.domain.privacy.scrub_text`` as released with this revision: a released
   migration must not change when the application's code does.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import context, op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("pbc_desktop.db.migrations")

#: Old files larger than this stay out of the database (marked missing, left on disk).
MAX_OLD_FILE = 200 * 1024 * 1024
AUDIT_CHUNK = 2000


# -- attachments ----------------------------------------------------------------------------
def _attachments_root() -> Path:
    """The attachments folder of the data folder, as release 0001 wrote it."""
    given = context.config.attributes.get("attachments_dir")
    if given is not None:
        return Path(given)
    from pbc_desktop import paths  # the data folder (PBC_DATA_DIR or the user's folder)

    return paths.data_dir() / "attachments"


def _inside(root: Path, stored_path: str) -> Path | None:
    """The file ``stored_path`` names, if it resolves to a file inside ``root``."""
    if not stored_path or "\x00" in stored_path:
        return None
    try:
        base = root.resolve()
        target = (base / stored_path).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if target == base or not target.is_relative_to(base):
        return None
    return target if target.is_file() else None


def _read_old_file(root: Path, attachment_id: int, stored_path: str) -> bytes | None:
    target = _inside(root, stored_path)
    if target is None:
        log.warning(
            "attachment %s: its file is missing or outside the attachments folder", attachment_id
        )
        return None
    try:
        if target.stat().st_size > MAX_OLD_FILE:
            log.warning("attachment %s: its file is too large to move in", attachment_id)
            return None
        return target.read_bytes()
    except OSError as exc:
        log.warning("attachment %s: its file could not be read (%s)", attachment_id, exc.errno)
        return None


def _move_attachments_in() -> None:
    bind = op.get_bind()
    old = bind.execute(sa.text("SELECT id, stored_path FROM attachment ORDER BY id")).fetchall()

    # The attachment table is rebuilt before anything refers to it: a rebuild drops the
    # old table, which would cascade into attachment_content.
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("size", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("sha256", sa.String(length=64), nullable=True))
        batch_op.drop_column("stored_path")

    op.create_table(
        "attachment_content",
        sa.Column("attachment_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_attachment_content_attachment_id_attachment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_content")),
    )
    if not old:
        return
    root = _attachments_root()
    content = sa.table(
        "attachment_content",
        sa.column("attachment_id", sa.Integer()),
        sa.column("data", sa.LargeBinary()),
    )
    for attachment_id, stored_path in old:
        data = _read_old_file(root, attachment_id, stored_path)
        if data is None:
            continue
        bind.execute(sa.insert(content).values(attachment_id=attachment_id, data=data))
        bind.execute(
            sa.text("UPDATE attachment SET size = :size, sha256 = :sha WHERE id = :id"),
            {"size": len(data), "sha": hashlib.sha256(data).hexdigest(), "id": attachment_id},
        )


# -- the audit log: a frozen copy of domain.privacy.scrub_text (release 0002) ---------------
_MASK = "*"
_ID_VISIBLE = 4
_ID_RE = re.compile(r"(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９Xx]|[0-9０-９]{15})(?![0-9０-９Xx])")
_PHONE_RE = re.compile(
    r"(?<![0-9０-９])(?:(?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}"
    r"|0[1-9][0-9]{1,2}[ -]?[0-9]{7,8})(?![0-9])"
)


def _mask_phone(value: str) -> str:
    text = value.strip()
    if len(text) <= 7:
        return _MASK * max(len(text) - 2, 0) + text[-2:]
    return text[:3] + _MASK * (len(text) - 7) + text[-4:]


def _mask_id_match(match: re.Match[str]) -> str:
    text = match.group(0)
    return _MASK * (len(text) - _ID_VISIBLE) + text[-_ID_VISIBLE:]


def _mask_phone_match(match: re.Match[str]) -> str:
    return _mask_phone(re.sub(r"[^0-9]", "", match.group(0)))


def scrub_text(text: str) -> str:
    if not text:
        return text
    return _PHONE_RE.sub(_mask_phone_match, _ID_RE.sub(_mask_id_match, text))


def _scrub_value(key: str, value: Any) -> Any:
    """Every string inside a JSON value scrubbed, except record UUIDs (hex, never personal)."""
    if isinstance(value, str):
        if key == "birth_date":
            # Beside a masked ID number a birth date keeps only its year (as new entries do).
            return value[:4]
        return value if key.endswith("uuid") else scrub_text(value)
    if isinstance(value, list):
        return [_scrub_value(key, v) for v in value]
    if isinstance(value, dict):
        return {k: _scrub_value(str(k), v) for k, v in value.items()}
    return value


def scrub_json(text: str | None) -> str | None:
    """``before``/``after`` of an audit entry (JSON as ``services.audit`` wrote it) masked;
    the same text when it holds nothing to mask, plain text scrubbed if it is not JSON."""
    if not text:
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return scrub_text(text)
    scrubbed = _scrub_value("", value)
    if scrubbed == value:
        return text
    return json.dumps(scrubbed, ensure_ascii=False, sort_keys=True)


def _mask_audit_log() -> None:
    bind = op.get_bind()
    select = sa.text(
        "SELECT id, summary, before, after FROM audit_log WHERE id > :last ORDER BY id LIMIT :n"
    )
    update = sa.text(
        "UPDATE audit_log SET summary = :summary, before = :before, after = :after WHERE id = :id"
    )
    last = 0
    while rows := bind.execute(select, {"last": last, "n": AUDIT_CHUNK}).fetchall():
        for entry_id, summary, before, after in rows:
            new = (scrub_text(summary), scrub_json(before), scrub_json(after))
            if new != (summary, before, after):
                bind.execute(
                    update,
                    {"summary": new[0], "before": new[1], "after": new[2], "id": entry_id},
                )
        last = rows[-1][0]


def upgrade() -> None:
    _move_attachments_in()
    _mask_audit_log()


def downgrade() -> None:
    # The bytes cannot go back to files here; only the schema is restored.
    op.drop_table("attachment_content")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stored_path", sa.String(length=400), nullable=False, server_default="")
        )
        batch_op.drop_column("sha256")
        batch_op.drop_column("size")
