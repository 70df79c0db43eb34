"""Two offices' databases in one test, and packages' parts as plain lists (the container
is tested on its own)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.services.exchange import records
from pbc_desktop.services.exchange.merge import MergeResult, Sender, agree_sent, merge
from pbc_desktop.services.exchange.records import TableShape, UuidIndex
from tests.conftest import empty_sqlite_at_head

Parts = list[tuple[str, list[dict[str, Any]]]]

VILLAGE = "0b5e4a52-5a0e-4d3c-9a61-1f9d0e2a0001"
TOWN = "0b5e4a52-5a0e-4d3c-9a61-1f9d0e2a0002"


def office_db(tmp_path: Path, name: str) -> Database:
    path = tmp_path / f"{name}.sqlite"
    if not path.exists():
        empty_sqlite_at_head(path)
    return open_database(sqlite_url(path), actor="测试员")


def dump(db: Database) -> Parts:
    """Every travelling row of ``db``, through JSON as a package holds them."""
    with db.read() as s:
        index = UuidIndex(s)
        return [
            (shape.name, [json.loads(json.dumps(r)) for r in records.iter_encoded(s, shape, index)])
            for shape in records.exchanged_tables()
        ]


def send(db: Database, recipient: str) -> Parts:
    """:func:`dump` as a package to ``recipient``: the versions sent are agreed with it."""
    parts = dump(db)
    with db.write() as s:
        agree_sent(
            s,
            recipient,
            (
                (r["uuid"], datetime.fromisoformat(r["updated_at"]))
                for _n, rows in parts
                for r in rows
            ),
        )
    return parts


def rows_of(parts: Parts, entity: str) -> list[dict[str, Any]]:
    return next(rows for name, rows in parts if name == entity)


def owned_by(office: str, *, local: str = "") -> Sender:
    """A package from ``office``, which owns every row it sends, to the office ``local``."""
    return relayed_by(office, office, local=local)


def relayed_by(office: str, owner: str, *, local: str = "") -> Sender:
    """A package from ``office`` passing on rows ``owner`` owns, to the office ``local``."""

    def owner_of(_shape: TableShape, _row: Mapping[str, Any]) -> str:
        return owner

    return Sender(
        office_uuid=office, package_uuid="p-" + office[-4:], owner_of=owner_of, local_office=local
    )


def merge_into(
    db: Database,
    parts: Parts,
    sender: Sender,
    tombstones: list[dict[str, Any]] | None = None,
) -> MergeResult:
    with db.write() as s:
        return merge(s, parts, tombstones or [], sender)
