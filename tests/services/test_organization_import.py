"""Importing Party organizations from an Excel list: rows, parents in any order, cycles,
duplicates, dry runs (a preview writes nothing), valid rows only, and scope."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Organization
from pbc_desktop.domain.enums import AuditAction, OrgField, OrgKind, OrgLevel
from pbc_desktop.domain.pinyin import name_keys
from pbc_desktop.errors import PermissionDeniedError, StaleEditError, UserError
from pbc_desktop.services import organization_import as oi
from pbc_desktop.services.audit_chain import verify_chain
from pbc_desktop.services.organizations import (
    OrgInput,
    OrgQuery,
    count_organizations,
    get_organization,
    update_organization,
)
from tests.factories import make_org
from tests.import_factories import ods_roster, xls_roster
from tests.org_import_factories import ORG_HEADERS, org, stored_tree, write_org_list
from tests.scope_factories import (
    district_actor,
    town_actor,
    two_towns,
    viewer_actor,
    village_actor,
)

PHONE = "13812345678"


def audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def only(db: Database, name: str) -> Organization:
    with db.read() as s:
        found = s.scalars(select(Organization).where(Organization.name == name)).one()
        s.expunge(found)
        return found


def test_a_good_list_with_children_before_parents_builds_the_tree(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲一村第一党支部", "甲一村党总支"),
            org("甲一村党总支", "甲镇党委", kind="党总支", secretary="王五", phone=PHONE),
            org("甲镇机关党支部", "甲镇党委", field="机关", founded="2015-07-01"),
            org("甲镇党委", None, kind="党委", field="机关"),
        ],
    )
    before = audit_count(db)
    preview = oi.read_organizations(db, path)
    assert preview.bad_rows() == []
    assert preview.counts().new == 4
    result = oi.apply_org_import(db, preview)
    assert (result.created, result.updated, result.bad) == (4, 0, 0)
    assert stored_tree(db) == {
        "甲镇党委": None,
        "甲一村党总支": "甲镇党委",
        "甲一村第一党支部": "甲一村党总支",
        "甲镇机关党支部": "甲镇党委",
    }
    branch = only(db, "甲一村党总支")
    assert (branch.kind, branch.field, branch.level, branch.town) == (
        OrgKind.GENERAL_BRANCH,
        OrgField.RURAL,
        OrgLevel.VILLAGE,
        "甲镇",
    )
    assert (branch.secretary, branch.contact_phone) == ("王五", PHONE)
    office = only(db, "甲镇机关党支部")
    assert (office.level, office.founded_on) == (OrgLevel.TOWN, date(2015, 7, 1))
    keys = name_keys("甲镇机关党支部")  # listed in pinyin order, found by its initials
    assert (office.name_sort, office.name_initials) == (keys.sort, keys.initials)
    # one entry per organization and one for the import; no phone in any of them
    assert audit_count(db) == before + 5
    with db.read() as s:
        entries = s.scalars(select(AuditEntry)).all()
        assert not any(PHONE in (e.summary + (e.after or "")) for e in entries)
        assert any(
            e.action == AuditAction.IMPORT and "新增党组织 4 个" in e.summary for e in entries
        )
    assert verify_chain(db).intact


def test_the_level_and_town_are_derived_when_left_empty(db: Database, tmp_path: Path) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("区委", None, kind="党委", town=None, field="机关"),
            org("区教育局党组", "区委", kind="党组", town=None, field="机关"),
            org("乙镇党委", "区委", kind="党委", town="乙镇", field="机关"),
            org("乙镇中学党支部", "乙镇党委", town=None, field="学校"),
            org("乙镇某社区党委", "乙镇党委", kind="党委", town=None, field="社区"),
        ],
    )
    oi.apply_org_import(db, oi.read_organizations(db, path))
    got = {
        name: (only(db, name).level, only(db, name).town)
        for name in ("区委", "区教育局党组", "乙镇党委", "乙镇中学党支部", "乙镇某社区党委")
    }
    assert got == {
        "区委": (OrgLevel.DISTRICT, None),
        "区教育局党组": (OrgLevel.DISTRICT, None),
        "乙镇党委": (OrgLevel.TOWN, "乙镇"),
        "乙镇中学党支部": (OrgLevel.TOWN, "乙镇"),
        "乙镇某社区党委": (OrgLevel.VILLAGE, "乙镇"),
    }


def test_each_kind_of_bad_row_is_named_with_its_row_and_column(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲镇党委", None, kind="党委", field="机关"),
            org("坏类别党支部", "甲镇党委", kind="协会"),
            org("坏领域党支部", "甲镇党委", field="外星"),
            org("坏电话党支部", "甲镇党委", phone="99988"),
            org("坏日期党支部", "甲镇党委", founded="2015年13月1日"),
            org("无上级党支部", "不存在的党委"),
            org("甲镇党委", None, kind="党委", field="机关"),
            org("", "甲镇党委"),
        ],
    )
    preview = oi.read_organizations(db, path)
    lines = [p.line() for p in preview.bad_rows()]
    assert lines[0].startswith("第3行：党组织类别“协会”无法识别，应为 党委 或 党总支")
    assert lines[1].startswith("第4行：所属领域“外星”无法识别")
    assert lines[2] == (
        "第5行：电话号码格式不正确，应为手机号（如 13812345678）或固定电话（如 0754-87654321）"
    )
    assert lines[3] == "第6行：成立日期“2015年13月1日”不是有效的日期"
    assert (
        lines[4]
        == "第7行：上级党组织“不存在的党委”既不在本表中，系统中也没有，请核对名称或先导入它"
    )
    assert lines[5] == "第8行：党组织名称与第2行重复"
    assert lines[6] == "第9行：党组织名称为空"
    assert "99988" not in "".join(lines)
    with pytest.raises(UserError, match="有 7 行有错误"):
        oi.apply_org_import(db, preview)
    assert count_organizations(db, OrgQuery()) == 0


def test_valid_only_imports_the_good_rows_and_not_the_children_of_bad_ones(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲镇党委", None, kind="党委", field="机关"),
            org("坏党总支", "甲镇党委", kind="不知道"),
            org("坏党总支的支部", "坏党总支"),
            org("好党支部", "甲镇党委"),
        ],
    )
    preview = oi.read_organizations(db, path)
    assert [p.line() for p in preview.bad_rows()][1] == (
        "第4行：上级党组织“坏党总支”（第3行）有错误，不能导入"
    )
    result = oi.apply_org_import(db, preview, valid_only=True)
    assert (result.created, result.bad) == (2, 2)
    assert stored_tree(db) == {"甲镇党委": None, "好党支部": "甲镇党委"}


def test_cycles_are_refused_in_the_file_and_with_stored_organizations(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲党支部", "乙党支部"),
            org("乙党支部", "丙党支部"),
            org("丙党支部", "甲党支部"),
            org("自己党支部", "自己党支部"),
            org("好党支部", None),
        ],
    )
    preview = oi.read_organizations(db, path)
    lines = [p.line() for p in preview.bad_rows()]
    assert lines[0] == (
        "第2行：上级党组织形成循环（甲党支部 → 乙党支部 → 丙党支部 → 甲党支部），"
        "请改正其中一行的上级党组织"
    )
    assert len(lines) == 4
    assert lines[3] == "第5行：上级党组织不能是它自己"
    # stored 丁 under 戊; the file puts 戊 under 丁 and updates 丁 … only when updating
    top = make_org(db, "戊党委", town="甲镇", kind=OrgKind.COMMITTEE)
    make_org(db, "丁党支部", town="甲镇", parent_id=top)
    path = write_org_list(tmp_path / "cycle.xlsx", [org("戊党委", "丁党支部", kind="党委")])
    preview = oi.read_organizations(db, path)
    assert preview.bad_rows("skip") == []
    assert preview.counts("skip").duplicates == 1
    assert [p.reason for p in preview.bad_rows("update")] == [
        "上级党组织形成循环（戊党委 → 丁党支部 → 戊党委），请改正其中一行的上级党组织"
    ]


def test_a_parent_already_stored_is_found_by_name(db: Database, tmp_path: Path) -> None:
    make_org(db, "甲镇党委", town="甲镇", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN)
    path = write_org_list(tmp_path / "orgs.xlsx", [org("甲二村党支部", " 甲镇党委 ", town=None)])
    oi.apply_org_import(db, oi.read_organizations(db, path))
    assert stored_tree(db)["甲二村党支部"] == "甲镇党委"
    assert only(db, "甲二村党支部").town == "甲镇"  # the parent's


def test_stored_organizations_are_skipped_or_updated_from_filled_cells(
    db: Database, tmp_path: Path
) -> None:
    org_id = make_org(db, "甲二村党支部", town="甲镇", secretary="旧书记", address="村委会")
    path = write_org_list(
        tmp_path / "orgs.xlsx", [org("甲二村党支部", None, secretary="新书记"), org("新党支部")]
    )
    preview = oi.read_organizations(db, path)
    assert preview.counts("skip").duplicates == 1
    result = oi.apply_org_import(db, preview)
    assert (result.created, result.skipped) == (1, 1)
    assert get_organization(db, org_id).secretary == "旧书记"
    again = oi.read_organizations(db, path)
    result = oi.apply_org_import(db, again, on_duplicate="update")
    assert (result.created, result.updated, result.unchanged, result.skipped) == (0, 1, 1, 0)
    detail = get_organization(db, org_id)
    assert (detail.secretary, detail.address) == ("新书记", "村委会")  # empty cells keep


def test_a_preview_writes_nothing_and_a_changed_database_is_read_again(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(tmp_path / "orgs.xlsx", [org("新党支部")])
    before = audit_count(db)
    preview = oi.read_organizations(db, path)
    assert preview.counts().new == 1
    assert count_organizations(db, OrgQuery()) == 0
    assert audit_count(db) == before
    make_org(db, "新党支部", town="甲镇")
    with pytest.raises(UserError, match="重新读取文件"):
        oi.apply_org_import(db, preview)


def test_an_organization_changed_after_the_preview_refuses_the_update(
    db: Database, tmp_path: Path
) -> None:
    # any change counts (its row version), also of a field the row leaves empty
    org_id = make_org(db, "甲二村党支部", town="甲镇", secretary="旧书记")
    path = write_org_list(tmp_path / "orgs.xlsx", [org("甲二村党支部", None, secretary="新书记")])
    preview = oi.read_organizations(db, path)
    stored = get_organization(db, org_id)
    update_organization(
        db, org_id, replace(OrgInput.from_detail(stored), address="村委会", version=stored.version)
    )
    edited = get_organization(db, org_id)
    with pytest.raises(UserError, match="重新读取文件"):
        oi.apply_org_import(db, preview, on_duplicate="update")
    assert get_organization(db, org_id) == edited
    again = oi.read_organizations(db, path)
    assert oi.apply_org_import(db, again, on_duplicate="update").updated == 1
    after = get_organization(db, org_id)
    assert (after.secretary, after.address) == ("新书记", "村委会")
    assert after.version == edited.version + 1  # the import's change counts


def test_an_editor_open_before_an_import_is_refused_after_it(db: Database, tmp_path: Path) -> None:
    org_id = make_org(db, "甲二村党支部", town="甲镇", secretary="旧书记")
    opened = get_organization(db, org_id)
    path = write_org_list(tmp_path / "orgs.xlsx", [org("甲二村党支部", None, secretary="新书记")])
    oi.apply_org_import(db, oi.read_organizations(db, path), on_duplicate="update")
    with pytest.raises(StaleEditError):
        update_organization(
            db, org_id, replace(OrgInput.from_detail(opened), address="x", version=opened.version)
        )
    assert get_organization(db, org_id).secretary == "新书记"
    assert count_organizations(db, OrgQuery()) == 1


def test_a_file_that_is_no_organization_list_is_one_sentence(db: Database, tmp_path: Path) -> None:
    no_header = write_org_list(tmp_path / "a.xlsx", [("x", "y")], headers=("甲", "乙"))
    with pytest.raises(UserError, match="找不到党组织名单的表头行"):
        oi.read_organizations(db, no_header)
    no_field = write_org_list(
        tmp_path / "b.xlsx", [("甲党支部", "党支部")], headers=("党组织名称", "党组织类别")
    )
    with pytest.raises(UserError, match="表格缺少“所属领域”列"):
        oi.read_organizations(db, no_field)
    page = tmp_path / "c.xls"  # what web systems export as “Excel”
    page.write_text("<html><table><tr><td>党组织名称</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(UserError, match="这是一个网页或 XML 文件"):
        oi.read_organizations(db, page)
    csv_list = write_org_list(tmp_path / "d.csv", [("甲党支部", "党支部")], headers=ORG_HEADERS[:2])
    with pytest.raises(UserError, match="表格缺少“所属领域”列"):
        oi.read_organizations(db, csv_list)


def test_the_template_reads_back_as_an_empty_list(db: Database, tmp_path: Path) -> None:
    path = oi.write_org_template(tmp_path / "template.xlsx")
    wb = load_workbook(path)
    headers = [c.value for c in wb.worksheets[0][1]]
    assert headers[:3] == ["党组织名称", "党组织类别", "上级党组织"]
    assert "层级" in headers
    with pytest.raises(UserError, match="下面没有任何党组织"):
        oi.read_organizations(db, path)
    ws = wb.worksheets[0]
    ws.append(["甲镇党委", "党委", None, "甲镇", "机关"])
    wb.save(path)
    assert oi.read_organizations(db, path).counts().new == 1


# -- scope --------------------------------------------------------------------------------


def test_a_town_imports_within_its_own_town(db: Database, tmp_path: Path) -> None:
    world = two_towns(db)
    db.user = town_actor(db, "甲镇")
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲三村党支部", "甲镇党委", town=None),
            org("乙二村党支部", "乙镇党委", town="乙镇"),
            org("乙一村党支部", None, town="乙镇", secretary="改"),
        ],
    )
    preview = oi.read_organizations(db, path)
    assert [p.line() for p in preview.bad_rows("update")] == [
        "第3行：所属镇街“乙镇”不是本账号的“甲镇”，镇街账号只能新增本镇街的党组织；"
        "上级党组织“乙镇党委”既不在本表中，系统中也没有，请核对名称或先导入它",
        "第4行：这条记录属于其他党组织，当前账号只能查看，不能修改",
    ]
    result = oi.apply_org_import(db, preview, on_duplicate="update", valid_only=True)
    assert result.created == 1
    assert only(db, "甲三村党支部").town == "甲镇"
    assert get_organization(db, world.jia_two).town == "甲镇"


def test_no_row_is_hung_under_another_towns_organization(db: Database, tmp_path: Path) -> None:
    """Another town's organization named as a parent reads as one not stored: a town hangs
    nothing under it (its rows would fall into that town's scope), nor moves its own."""
    two_towns(db)
    db.user = town_actor(db, "甲镇")
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [org("甲四村党支部", "乙一村党支部"), org("甲二村党支部", "乙镇党委")],
    )
    before = stored_tree(db)
    preview = oi.read_organizations(db, path)
    assert [p.line() for p in preview.bad_rows("update")] == [
        "第2行：上级党组织“乙一村党支部”既不在本表中，系统中也没有，请核对名称或先导入它",
        "第3行：上级党组织“乙镇党委”既不在本表中，系统中也没有，请核对名称或先导入它",
    ]
    assert oi.apply_org_import(db, preview, on_duplicate="update", valid_only=True).created == 0
    assert stored_tree(db) == before


def test_a_village_may_update_its_own_but_add_none(db: Database, tmp_path: Path) -> None:
    world = two_towns(db)
    db.user = village_actor(db, world.jia_two)
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲二村党支部", "甲镇党委", secretary="新书记"),
            org("甲二村新党支部", "甲二村党支部"),
        ],
    )
    preview = oi.read_organizations(db, path)
    assert [p.line() for p in preview.bad_rows("update")] == [
        "第3行：党组织的新增和删除由区委组织部或其所在镇（街道）办理，村（社区）账号不能"
    ]
    result = oi.apply_org_import(db, preview, on_duplicate="update", valid_only=True)
    assert (result.created, result.updated) == (0, 1)
    assert get_organization(db, world.jia_two).secretary == "新书记"


def test_a_viewer_imports_nothing(db: Database, tmp_path: Path) -> None:
    two_towns(db)
    db.user = viewer_actor(db)
    path = write_org_list(tmp_path / "orgs.xlsx", [org("新党支部")])
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):  # before the file
        oi.read_organizations(db, tmp_path / "not-there.xlsx")
    db.user = district_actor(db)
    preview = oi.read_organizations(db, path)
    db.user = viewer_actor(db)
    with pytest.raises(PermissionDeniedError, match="没有权限修改数据"):
        oi.apply_org_import(db, preview)


def test_the_scope_is_checked_again_when_writing(db: Database, tmp_path: Path) -> None:
    world = two_towns(db)
    path = write_org_list(tmp_path / "orgs.xlsx", [org("甲三村党支部", "甲镇党委")])
    preview = oi.read_organizations(db, path)  # read by the district
    db.user = village_actor(db, world.jia_two)
    with pytest.raises(PermissionDeniedError, match="村（社区）账号不能"):
        oi.apply_org_import(db, preview)
    assert "甲三村党支部" not in stored_tree(db)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("orgs.xls", ""), ("orgs.ods", ""), ("orgs.csv", "utf-8-sig"), ("orgs.csv", "gbk")],
)
def test_every_kind_of_file_the_roster_reads_is_read(
    db: Database, tmp_path: Path, name: str, encoding: str
) -> None:
    # Excel 97-2003 and OpenDocument with date cells; CSV (Excel's “CSV UTF-8” and the GBK
    # “CSV” of a Chinese Windows) with dates as text, typed as offices type them
    text_dates = name.endswith(".csv")
    path = write_org_list(
        tmp_path / name,
        [
            org("甲一村党支部", "甲镇党委", phone=PHONE),
            org(
                "甲镇机关党支部",
                "甲镇党委",
                field="机关",
                founded="2015.7.1" if text_dates else date(2015, 7, 1),
            ),
            org("甲镇党委", None, kind="党委", field="机关"),
        ],
        encoding=encoding or "utf-8-sig",
    )
    preview = oi.read_organizations(db, path)
    assert preview.bad_rows() == []
    assert oi.apply_org_import(db, preview).created == 3
    assert stored_tree(db) == {
        "甲镇党委": None,
        "甲一村党支部": "甲镇党委",
        "甲镇机关党支部": "甲镇党委",
    }
    assert only(db, "甲一村党支部").contact_phone == PHONE
    assert only(db, "甲镇机关党支部").founded_on == date(2015, 7, 1)


def test_a_text_date_is_read_as_typed_dates_are(db: Database, tmp_path: Path) -> None:
    path = write_org_list(
        tmp_path / "orgs.csv",
        [
            org("甲党支部", founded="20150701"),
            org("乙党支部", founded="2015-2-30"),
            org("丙党支部", founded="2015"),
        ],
    )
    preview = oi.read_organizations(db, path)
    lines = [p.line() for p in preview.bad_rows()]
    assert lines[0] == "第3行：成立日期“2015-2-30”不是有效的日期"
    assert lines[1].startswith("第4行：成立日期“2015”只有年份，请写成 ")
    assert len(lines) == 2
    oi.apply_org_import(db, preview, valid_only=True)
    assert only(db, "甲党支部").founded_on == date(2015, 7, 1)


@pytest.mark.parametrize("write", [xls_roster, ods_roster], ids=["xls", "ods"])
def test_a_parent_merged_in_an_xls_or_ods_is_the_parent_of_each(
    db: Database, tmp_path: Path, write: Callable[..., Path]
) -> None:
    rows = [
        org("甲镇党委", None, kind="党委", field="机关"),
        org("甲一村党支部", "甲镇党委"),
        org("甲二村党支部", None),
        org("甲三村党支部", None),
    ]
    path = write(
        tmp_path / f"orgs.{write.__name__[:3]}",
        rows,
        headers=ORG_HEADERS,
        sheet_title="党组织信息表",
        merged=[(2, 4, 2, 2)],  # 上级党组织 of Excel's rows 3 to 5
    )
    oi.apply_org_import(db, oi.read_organizations(db, path))
    tree = stored_tree(db)
    assert [tree[n] for n in ("甲一村党支部", "甲二村党支部", "甲三村党支部")] == ["甲镇党委"] * 3


def test_a_parent_merged_over_several_rows_is_the_parent_of_each(
    db: Database, tmp_path: Path
) -> None:
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [
            org("甲镇党委", None, kind="党委", field="机关"),
            org("甲一村党支部", "甲镇党委"),
            org("甲二村党支部", None),
            org("甲三村党支部", None),
        ],
    )
    wb = load_workbook(path)
    wb.worksheets[0].merge_cells("C3:C5")  # 上级党组织 of rows 3 to 5
    wb.save(path)
    oi.apply_org_import(db, oi.read_organizations(db, path))
    tree = stored_tree(db)
    assert [tree[n] for n in ("甲一村党支部", "甲二村党支部", "甲三村党支部")] == ["甲镇党委"] * 3


def test_children_of_a_stored_organization_whose_update_is_refused_still_import(
    db: Database, tmp_path: Path
) -> None:
    make_org(db, "甲镇党委", town="甲镇", kind=OrgKind.COMMITTEE, level=OrgLevel.TOWN)
    path = write_org_list(
        tmp_path / "orgs.xlsx",
        [org("甲镇党委", None, kind="党委", phone="99988"), org("甲二村党支部", "甲镇党委")],
    )
    preview = oi.read_organizations(db, path)
    assert [p.row for p in preview.bad_rows("update")] == [2]
    result = oi.apply_org_import(db, preview, on_duplicate="update", valid_only=True)
    assert (result.created, result.bad) == (1, 1)
    assert stored_tree(db)["甲二村党支部"] == "甲镇党委"
