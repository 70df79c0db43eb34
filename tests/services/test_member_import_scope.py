"""Importing a roster as a village or town account: only its own organizations' members."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import PermissionDeniedError, UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.members import MemberQuery, count_members
from tests.factories import make_id, make_member
from tests.import_factories import database_state, write_roster
from tests.scope_factories import TwoTowns, two_towns, viewer_actor, village_actor

ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")


def row(name: str, number: str, org: str) -> tuple[object, ...]:
    return (name, None, number, None, "2010-07-01", "正式党员", "13812345678", org)


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def test_a_row_of_another_organization_reads_as_unknown(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    db.user = village_actor(db, world.jia_two)
    path = write_roster(
        tmp_path / "r.xlsx", [row("甲", ID_A, "甲二村党支部"), row("乙", ID_B, "乙一村党支部")]
    )
    preview = mi.read_members(db, path)
    assert [p.line() for p in preview.bad_rows()] == [
        "第3行：所在党组织“乙一村党支部”在系统中不存在"
    ]
    result = mi.apply_import(db, preview, valid_only=True)
    assert result.imported == 1
    with pytest.raises(PermissionDeniedError, match="区级管理员"):
        mi.apply_import(db, mi.read_members(db, path, create_orgs=True))


def test_a_member_of_another_organization_is_not_updated(
    db: Database, world: TwoTowns, tmp_path: Path
) -> None:
    """Refused in the preview with the editor's sentence for that ID number (the preview
    said nothing: the import was refused whole only once written); skipped, it is left
    alone as any member stored."""
    make_member(db, "乙一原有", world.yi_one, id_number=ID_A)
    village = village_actor(db, world.jia_two)
    path = write_roster(
        tmp_path / "r.xlsx", [row("改名", ID_A, "甲二村党支部"), row("甲", ID_B, "甲二村党支部")]
    )
    preview = mi.read_members(db, path)  # read by the district, applied by the village
    db.user = village
    with pytest.raises(PermissionDeniedError, match="第 2 行"):
        mi.apply_import(db, preview, on_duplicate="update")
    preview = mi.read_members(db, path)
    assert preview.bad_rows("skip") == []
    assert [p.line() for p in preview.bad_rows("update")] == [
        "第2行：该身份证号已登记为其他党组织的党员，同一人不能重复登记；"
        "如是转入的党员，请由其所在党组织办理组织关系转接"
    ]
    before = database_state(db)
    with pytest.raises(UserError, match="有 1 行有错误"):
        mi.apply_import(db, preview, on_duplicate="update")
    assert database_state(db) == before
    result = mi.apply_import(db, preview, on_duplicate="update", valid_only=True)
    assert (result.imported, result.updated, result.bad) == (1, 0, 1)
    assert count_members(db, MemberQuery(text="改名")) == 0


def test_a_viewer_imports_nothing(db: Database, world: TwoTowns, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", [row("甲", ID_A, "甲二村党支部")])
    preview = mi.read_members(db, path)  # read by an account that may (the district's)
    db.user = viewer_actor(db)
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        mi.apply_import(db, preview)
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):  # before the file
        mi.read_members(db, tmp_path / "not-there.xlsx")
