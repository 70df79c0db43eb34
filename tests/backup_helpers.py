"""Databases to back up, damage and restore, for the backup tests."""

from __future__ import annotations

import itertools
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db import migrate
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.services.exchange import offices
from pbc_desktop.services.exchange.offices import OfficeSetup
from tests.conftest import add_test_admin, empty_sqlite_at_head
from tests.factories import make_orgs


def new_database(path: Path, *names: str) -> Database:
    """A database at ``path`` holding organizations named ``names``."""
    if not path.exists():
        empty_sqlite_at_head(path)
    db = open_database(sqlite_url(path), actor="测试员", backup_dir=path.parent / "upgrades")
    add_test_admin(db)  # the account ``pbc`` commands sign in as
    add_orgs(db, *names)
    return db


def with_office(path: Path, office: str, *names: str) -> Path:
    """The database at ``path`` (made if missing, holding ``names``) with its own office
    ``office`` set up, as for data exchange."""
    db = new_database(path, *names)
    try:
        offices.create_local_office(db, OfficeSetup(office, OrgLevel.VILLAGE))
    finally:
        db.dispose()
    return path


def add_orgs(db: Database, *names: str, remark: str | None = None) -> None:
    make_orgs(db, *names, remark=remark)


def org_names(path: Path) -> list[str]:
    """The organization names in the file at ``path`` (read with plain sqlite3)."""
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM organization"))
    finally:
        conn.close()


def names_in(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(Organization.name)))


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def damage(path: Path) -> None:
    """Scribble over a page near the end of the file: the header and schema stay readable,
    ``PRAGMA quick_check`` fails. The file must hold a few hundred rows first."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    pages = len(data) // page_size
    offset = (pages - 3) * page_size + 8
    data[offset : offset + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def both_copying_at_once(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The first two copies into ``folder`` each wait, their part file about to be made,
    for the other: two copies (two threads) started at the same instant, both past every
    check made before copying and both having chosen their name."""
    both = threading.Barrier(2, timeout=30)
    first_two = itertools.count()
    real_create = migrate.create_private

    def create_private(path: Path) -> None:
        if path.parent == folder and next(first_two) < 2:
            both.wait()
        real_create(path)

    monkeypatch.setattr(migrate, "create_private", create_private)
