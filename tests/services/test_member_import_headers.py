"""Rosters exported by other systems import as they are (issue 18).

Each header set below is one found in public material, named with where it was found; a
roster built with it imports without editing its headers. Then: 政治面貌 as a column,
organization names that almost match a stored one (suggested, mapped only when asked),
columns named twice and columns not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_import as mi
from tests.factories import make_id, make_org
from tests.import_factories import write_roster

ORG = "大溪坝村党总支"
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")

# 党员基本信息采集表: the 16 items of the 2017 collection for the 全国党员管理信息系统
# (中组部; the notices of e.g. uta.edu.cn/dwzzb/2017/0619/c639a8658/page.htm and
# dqxxgcxy.nepu.edu.cn/info/1118/1338.htm list "党员基本信息16项"), as a public GitHub web
# form reproduces it (its labels: 姓名, 性别, 民族, 公民身份证号, 出生日期, 学历, 人员类别,
# 所在党支部, 加入党组织日期, 转为正式党员日期, 工作岗位, 联系电话, 家庭住址, 党籍状态,
# 是否失联, 是否流动党员).
CAIJI_2017 = (
    "姓名",
    "性别",
    "民族",
    "公民身份证号",
    "出生日期",
    "学历",
    "人员类别",
    "所在党支部",
    "加入党组织日期",
    "转为正式党员日期",
    "工作岗位",
    "联系电话",
    "家庭住址",
    "党籍状态",
    "是否失联",
    "是否流动党员",
)
# The member list of the 全国党员管理信息系统 (发展党员纪实) as a public GitHub scraper of
# that system writes it to Excel (a Python tool built on Selenium and openpyxl).
SYSTEM_EXPORT = (
    "序号",
    "姓名",
    "性别",
    "公民身份证号码",
    "民族",
    "出生日期",
    "学历",
    "申请入党日期",
    "手机号码",
    "背景信息",
    "工作岗位",
    "政治面貌",
    "接受申请党组织",
    "籍贯",
    "入团日期",
    "参加工作日期",
    "申请入党日期",
    "确定入党积极分子日期",
    "工作单位及职务",
    "家庭住址",
    "加入党组织日期",
    "转为正式党员日期",
    "人员类别",
    "党籍状态",
    "入党类型",
    "所在党支部",
    "人员类型",
    "隶属党组织",
)
# An enterprise party system's member import (a public GitHub Java project reading the
# sheet with easypoi: @Excel(name = "姓名" / "身份证" / "入党时间" / "党支部" / "党员状态")).
EASYPOI_ENTERPRISE = ("姓名", "身份证", "入党时间", "党支部", "党员状态")
# The official-form layout the trial used (所在党支部, 身份证号码, 出生年月 as
# 1985.03, 转为正式党员时间), with 党内职务 and 文化程度 of the paper form.
OFFICIAL_FORM = (
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "身份证号码",
    "文化程度",
    "入党时间",
    "转为正式党员时间",
    "党内职务",
    "所在党支部",
)
# A 智慧党建 platform's member template (a public GitHub Node.js tool that writes it with
# the xlsx package: 姓名, 支部信息, 政治面貌 and one column per post), with the ID number
# column every roster of this program needs.
ZHIHUI_DANGJIAN = ("姓名", "身份证号", "支部信息", "政治面貌", "支部书记", "组织委员")


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="大溪镇")


def test_the_2017_collection_form_imports(db: Database, org_id: int, tmp_path: Path) -> None:
    row = (
        "王五",
        "男",
        "汉族",
        ID_A,
        "1985-03-02",
        "大学本科",
        "正式党员",
        ORG,
        "2008-07-01",
        "2009-07-01",
        "农牧渔民",
        "13812345678",
        "大溪镇大溪坝村",
        "正常",
        "否",
        "否",
    )
    path = write_roster(tmp_path / "采集表.xlsx", [row], headers=CAIJI_2017)
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    assert preview.ignored_headers == ("家庭住址", "是否失联", "是否流动党员")
    assert preview.notices == ()
    member = preview.rows[0].data
    assert (member.id_number, member.organization_id) == (ID_A, org_id)
    assert (str(member.joined_on), str(member.confirmed_on)) == ("2008-07-01", "2009-07-01")
    assert member.work_unit == "农牧渔民"
    assert member.category is MemberCategory.FULL


def test_the_systems_member_list_imports_and_names_its_ambiguous_columns(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    values = {
        "序号": 1,
        "姓名": "李四",
        "公民身份证号码": ID_B,
        "手机号码": "13912345678",
        "工作岗位": "村干部",
        "政治面貌": "中共党员",
        "工作单位及职务": "大溪坝村委会主任",
        "加入党组织日期": "2012.07",
        "转为正式党员日期": "2013.07",
        "人员类别": "正式党员",
        "所在党支部": ORG,
        "人员类型": "党员",
        "隶属党组织": "大溪镇党委",
    }
    row = [values.get(h) for h in SYSTEM_EXPORT]
    path = write_roster(tmp_path / "党员信息库.xlsx", [row], headers=SYSTEM_EXPORT)
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    member = preview.rows[0].data
    assert member.work_unit == "大溪坝村委会主任"  # 工作单位及职务 is the field's own name
    assert member.phone == "13912345678"
    assert preview.notices == (
        # a member's dates of the 发展党员 pipeline: read only for people not yet members
        "有 2 列都是“递交入党申请书日期”（H 列“申请入党日期”、Q 列“申请入党日期”）："
        "读取了 H 列，Q 列被忽略。",
        "有 2 列都是“工作单位及职务”（K 列“工作岗位”、S 列“工作单位及职务”）："
        "读取了 S 列，K 列被忽略。",
        "有 3 列都是“人员类别”（L 列“政治面貌”、W 列“人员类别”、AA 列“人员类型”）："
        "读取了 W 列，L 列、AA 列被忽略。",
    )
    assert preview.ignored_headers == (
        "序号",
        "背景信息",
        "工作岗位",
        "政治面貌",
        "接受申请党组织",
        "入团日期",
        "参加工作日期",
        "申请入党日期",
        "家庭住址",
        "入党类型",
        "人员类型",
        "隶属党组织",
    )


def test_an_enterprise_systems_import_sheet_imports(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "party.xlsx",
        [("赵六", ID_A, "2015-06-30", ORG, "正常")],
        headers=EASYPOI_ENTERPRISE,
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == [] and preview.ignored_headers == ()
    assert preview.rows[0].data.organization_id == org_id


def test_the_official_form_layout_imports(db: Database, org_id: int, tmp_path: Path) -> None:
    row = (1, "王  五", "男", "1985.03", ID_A, "大专", "2008.07", "2009.07", "支部委员", ORG)
    path = write_roster(tmp_path / "名册.xlsx", [row], headers=OFFICIAL_FORM)
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == [] and preview.ignored_headers == ("序号",)
    member = preview.rows[0].data
    assert (member.name, str(member.birth_date), member.party_post) == (
        "王五",
        "1985-03-02",  # the day from the ID number
        "支部委员",
    )


def test_a_zhihui_dangjian_template_reads_branch_and_political_status(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    rows = [("甲", ID_A, ORG, "中共党员", "是", ""), ("乙", ID_B, ORG, "中共预备党员", "", "是")]
    path = write_roster(tmp_path / "导入模板.xlsx", rows, headers=ZHIHUI_DANGJIAN)
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    assert [r.data.category for r in preview.rows] == [
        MemberCategory.FULL,
        MemberCategory.PROBATIONARY,
    ]
    assert preview.ignored_headers == ("支部书记", "组织委员")


# -- 政治面貌 -----------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["共青团员", "群众", "九三学社社员"])
def test_a_person_who_is_not_a_member_is_a_row_error(
    db: Database, org_id: int, tmp_path: Path, status: str
) -> None:
    path = write_roster(
        tmp_path / "r.xlsx",
        [("甲", ID_A, ORG, "中共党员"), ("乙", ID_B, ORG, status)],
        headers=("姓名", "身份证号", "所在支部", "政治面貌"),
    )
    preview = mi.read_members(db, path)
    assert [p.line() for p in preview.bad_rows()] == [
        f"第3行：政治面貌为“{status}”，不是中共党员，不能作为党员导入（只导入中共党员和中共预备党员）"
    ]
    assert preview.counts().new == 1


# -- organization names that almost match ---------------------------------------------------


def near_miss_roster(tmp_path: Path) -> Path:
    return write_roster(
        tmp_path / "r.xlsx",
        [("甲", ID_A, "大溪坝党总支"), ("乙", ID_B, "大溪坝党总支"), ("丙", make_id(), "完全不同")],
        headers=("姓名", "身份证号", "支部名称"),
    )


def test_a_near_miss_organization_is_suggested_not_applied(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    make_org(db, "大溪坝村第一党支部", town="大溪镇")
    preview = mi.read_members(db, near_miss_roster(tmp_path))
    assert preview.org_suggestions == (("大溪坝党总支", ORG),)
    assert preview.missing_orgs == ("大溪坝党总支", "完全不同")
    assert [p.line() for p in preview.bad_rows()] == [
        "第2行：所在党组织“大溪坝党总支”在系统中不存在（相近的党组织是“大溪坝村党总支”，"
        "若是同一个，请把它对应到“大溪坝村党总支”）",
        "第3行：所在党组织“大溪坝党总支”在系统中不存在（相近的党组织是“大溪坝村党总支”，"
        "若是同一个，请把它对应到“大溪坝村党总支”）",
        "第4行：所在党组织“完全不同”在系统中不存在",
    ]


def test_a_confirmed_mapping_applies_to_every_row(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    preview = mi.read_members(
        db, near_miss_roster(tmp_path), org_map={"大溪坝党总支": "大溪坝村党总支"}
    )
    assert [(r.name, r.org_name, r.org_missing) for r in preview.rows] == [
        ("甲", ORG, False),
        ("乙", ORG, False),
        ("丙", "完全不同", True),
    ]
    assert preview.org_map == (("大溪坝党总支", ORG),)
    assert preview.org_suggestions == ()
    result = mi.apply_import(db, preview, valid_only=True)
    assert (result.imported, result.bad) == (2, 1)


def test_a_mapping_to_an_organization_not_stored_is_refused(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as caught:
        mi.read_members(db, near_miss_roster(tmp_path), org_map={"大溪坝党总支": "没有这个"})
    assert str(caught.value) == (
        "对应关系“大溪坝党总支=没有这个”中的党组织“没有这个”在系统中不存在"
        "（或不在你的管理范围内），请写出“党组织”页中的名称。"
    )


def test_a_mapping_no_row_uses_is_a_notice(db: Database, org_id: int, tmp_path: Path) -> None:
    preview = mi.read_members(db, near_miss_roster(tmp_path), org_map={"柳河支部": ORG})
    assert preview.notices == ("文件中没有党组织“柳河支部”，它的对应关系没有用到。",)


def test_two_equally_close_organizations_suggest_neither(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """石门党委 is as close to 石门村党支部 as to 石门村党总支: the user picks."""
    make_org(db, "石门村党支部", town="大溪镇")
    make_org(db, "石门村党总支", town="大溪镇")
    path = write_roster(
        tmp_path / "r.xlsx", [("甲", ID_A, "石门党委")], headers=("姓名", "身份证号", "党支部")
    )
    preview = mi.read_members(db, path)
    assert preview.missing_orgs == ("石门党委",)
    assert preview.org_suggestions == ()


def test_a_branch_of_another_number_is_never_suggested(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    make_org(db, "大溪坝村第一党支部", town="大溪镇")
    path = write_roster(
        tmp_path / "r.xlsx",
        [("甲", ID_A, "大溪坝村第二党支部"), ("乙", ID_B, "大溪坝第一党支部")],
        headers=("姓名", "身份证号", "所属党组织"),
    )
    preview = mi.read_members(db, path)
    assert preview.org_suggestions == (("大溪坝第一党支部", "大溪坝村第一党支部"),)


def test_a_roster_may_name_an_organization_by_its_short_name(db: Database, tmp_path: Path) -> None:
    """A town's roster names its branches as everyone calls them, their 简称: each row goes
    to the organization called so for short (not to the town's committee, whose name is
    the closest by letters); a short name two organizations share, or that another has
    as its name, stays a name not stored."""
    town = make_org(db, "中共和平镇委员会", town="和平镇")
    village = make_org(
        db, "中共和平镇和平村支部委员会", short_name="和平村党支部", town="和平镇", parent_id=town
    )
    make_org(db, "中共和平镇甲村支部委员会", short_name="第一党支部", town="和平镇")
    make_org(db, "中共和平镇乙村支部委员会", short_name="第一党支部", town="和平镇")
    path = write_roster(
        tmp_path / "r.xlsx",
        [("甲", ID_A, "和平村党支部"), ("乙", ID_B, "第一党支部")],
        headers=("姓名", "身份证号", "所在支部"),
    )
    preview = mi.read_members(db, path)
    assert [(r.name, r.org_missing) for r in preview.rows] == [("甲", False), ("乙", True)]
    assert preview.missing_orgs == ("第一党支部",)
    result = mi.apply_import(db, preview, valid_only=True)
    assert (result.imported, result.bad) == (1, 1)
    with db.read() as s:
        assert s.scalar(select(PartyMember.organization_id)) == village
