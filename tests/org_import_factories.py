"""Organization lists for the organization import tests, written as offices make them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from tests.import_factories import csv_roster, ods_roster, write_roster, xls_roster

ORG_HEADERS = (
    "党组织名称",
    "党组织类别",
    "上级党组织",
    "所属镇街",
    "所属领域",
    "书记",
    "联系电话",
    "成立日期",
)


def write_org_list(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    headers: Sequence[str] = ORG_HEADERS,
    encoding: str = "utf-8-sig",
) -> Path:
    """The list as the kind of file its suffix names: .xls (Excel 97-2003), .ods, .csv (in
    ``encoding``), else .xlsx."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_roster(path, rows, headers=headers, encoding=encoding)
    if suffix == ".xls":
        return xls_roster(path, rows, headers=headers, sheet_title="党组织信息表")
    if suffix == ".ods":
        return ods_roster(path, rows, headers=headers, sheet_title="党组织信息表")
    return write_roster(path, rows, headers=headers, sheet_title="党组织信息表")


def org(
    name: str,
    parent: str | None = None,
    *,
    kind: str = "党支部",
    town: str | None = "甲镇",
    field: str = "农村",
    secretary: str | None = None,
    phone: str | None = None,
    founded: object = None,
) -> tuple[object, ...]:
    return (name, kind, parent, town, field, secretary, phone, founded)


def stored_tree(db: Database) -> dict[str, str | None]:
    """Each stored organization's name → its parent's name."""
    with db.read() as s:
        names = dict(s.execute(select(Organization.id, Organization.name)).all())
        return {
            name: names.get(parent) if parent else None
            for name, parent in s.execute(select(Organization.name, Organization.parent_id))
        }
