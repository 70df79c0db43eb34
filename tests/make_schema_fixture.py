"""Write ``tests/fixtures/schema_<head revision>.sqlite``: a small database of this schema.

Run once when a schema release is made (see docs/CONTRIBUTING.md, "Changing the schema")::

    python -m tests.make_schema_fixture

It builds the demo district, keeps the first rows of every table (and whatever they refer
to), and writes the file that ``tests/test_migrations.py`` upgrades from then on. A fixture
of a released revision is never regenerated: it stands for the databases offices have.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import copy_database, head_revision, open_database
from pbc_desktop.services.demo import build_demo

FIXTURES = Path(__file__).parent / "fixtures"
KEEP_ROWS = 40


def fixture_path(revision: str) -> Path:
    return FIXTURES / f"schema_{revision}.sqlite"


def _thin(path: Path, keep: int) -> None:
    """Keep the first ``keep`` rows of each table, then drop rows whose parents went."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        conn.execute("BEGIN")
        for table in tables:
            conn.execute(
                f'DELETE FROM "{table}" WHERE rowid NOT IN '
                f'(SELECT rowid FROM "{table}" ORDER BY rowid LIMIT ?)',
                (keep,),
            )
        while orphans := conn.execute("PRAGMA foreign_key_check").fetchall():
            for table, rowid, _parent, _fk in orphans:
                conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _exchange_state(db: Database) -> None:
    """A row in each table that only packages fill (the demo exchanges none), so the
    migration test sees them carried over."""
    from datetime import UTC, datetime

    from pbc_desktop.db.models import (
        ExchangeLogEntry,
        Organization,
        SyncBase,
        SyncConflict,
        Tombstone,
        User,
    )

    at = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    with db.write() as s:
        org = s.query(Organization).order_by(Organization.id).first()
        assert org is not None
        sender = "6f1d3f3e-8c55-4a57-9a2e-6ad1c2b0f001"
        s.add(SyncBase(record_uuid=org.uuid, office=sender, updated_at=at))
        package = "2a7c1a90-1f7b-4f43-8a52-93a0f1e0a002"
        s.add(
            SyncConflict(
                entity="organization",
                record_uuid=org.uuid,
                label=org.name,
                sender=sender,
                package_uuid=package,
                kept="theirs",
                fields='["contact"]',
                other='{"contact": "李四"}',
                at=at,
            )
        )
        s.add(
            ExchangeLogEntry(
                direction="received",
                package_uuid=package,
                sender=sender,
                sender_name="和平镇党委",
                recipient=None,
                created_at=at,
                at=at,
                fingerprint="0000 1111 2222 3333",
                counts='{"organization": {"changed": 1}}',
                conflicts=1,
                watermark=at,
            )
        )
        s.add(
            Tombstone(
                record_uuid="3b9d0c1e-7a44-4f0e-b1c2-5d6e7f809003",
                entity="activity",
                origin_office=None,
                deleted_at=at,
                deleted_by=s.query(User.id).order_by(User.id).limit(1).scalar(),
            )
        )


def build(out: Path, *, keep: int = KEEP_ROWS, seed: int = 2021) -> Path:
    with tempfile.TemporaryDirectory(prefix="pbc-fixture-") as tmp:
        work = Path(tmp) / "demo.sqlite"
        db = open_database(sqlite_url(work))
        try:
            build_demo(db, scale="demo", seed=seed)
            _exchange_state(db)
        finally:
            db.dispose()
        _thin(work, keep)
        copy_database(work, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="replace an existing fixture")
    args = parser.parse_args(argv)
    out = fixture_path(head_revision())
    if out.exists() and not args.force:
        print(f"{out} exists; a released schema's fixture is not regenerated (--force to do so)")
        return 1
    build(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
