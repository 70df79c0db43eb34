"""Importing party members from messy Excel rosters: every tolerance and every refusal."""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import event, func, select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Organization, PartyMember
from pbc_desktop.domain.enums import (
    AuditAction,
    Gender,
    MemberCategory,
    MembershipStatus,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.domain.fees import FeeCategory
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.fees.basis import BasisInput, set_basis
from pbc_desktop.services.member_changes.transfers import transfer_in_from_outside
from pbc_desktop.services.member_export import MemberQuery, export_members
from tests.factories import make_id, make_member, make_org
from tests.import_factories import (
    TEMPLATE,
    database_state,
    docx,
    encrypted_workbook,
    member_rows,
    old_xls,
    set_raw_number,
    write_roster,
    wrong_check_digit,
)

ORG = "成田镇大寮村党支部"
ID_A = make_id("19850302", "123")  # a man
ID_B = make_id("19900715", "224")  # a woman
ID_C = make_id("19700101", "315")


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="成田镇")


def members(db: Database) -> dict[str, PartyMember]:
    with db.read() as s:
        return {m.id_number or "": m for m in s.scalars(select(PartyMember))}


def count_members(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(PartyMember.id))) or 0)


def simple_roster(path: Path, *rows: tuple[object, ...]) -> Path:
    return write_roster(path, list(rows))


def row(name: str, number: object, org: str = ORG, **extra: object) -> tuple[object, ...]:
    """A row of the template: 姓名 性别 身份证号 出生日期 入党日期 人员类别 联系电话 所在党组织."""
    return (
        name,
        extra.get("gender"),
        number,
        extra.get("birth"),
        extra.get("joined", "2010-07-01"),
        extra.get("category", "正式党员"),
        extra.get("phone", "13812345678"),
        org,
    )


# -- tolerances -------------------------------------------------------------------------


def test_header_on_row_5_after_a_title_shuffled_and_extra_columns(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = write_roster(
        tmp_path / "名册.xlsx",
        [
            (1, ORG, "男", "张三", "备注随意", ID_A, "2010.07"),
            (2, ORG, "女", "李四", None, ID_B, "2015年7月1日"),
        ],
        headers=("序号", "所在支部", "性别", "姓名", "其他说明", "身份证号码", "入党时间"),
        above=[("大寮村党员名册",), (), ("填报单位：大寮村党支部",), ("制表日期：2026年5月",)],
    )
    preview = mi.read_members(db, path)
    assert preview.header_row == 5
    assert preview.sheet == "党员名册"
    assert preview.columns == ("organization", "gender", "name", "id_number", "joined_on")
    assert preview.ignored_headers == ("序号", "其他说明")
    assert [r.row for r in preview.rows] == [6, 7]
    assert preview.bad_rows() == []
    result = mi.apply_import(db, preview)
    assert result.imported == 2
    stored = members(db)
    assert stored[ID_A].name == "张三"
    assert stored[ID_A].organization_id == org_id
    assert stored[ID_A].joined_on == date(2010, 7, 1)
    assert stored[ID_A].birth_date == date(1985, 3, 2)  # taken from the ID number
    assert stored[ID_B].gender == Gender.FEMALE
    assert stored[ID_B].joined_on == date(2015, 7, 1)


def test_full_width_characters_and_stray_spaces(db: Database, org_id: int, tmp_path: Path) -> None:
    full_width_id = ID_A.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})
    path = simple_roster(
        tmp_path / "r.xlsx",
        row(
            "王　五",
            f" {full_width_id} ",
            "  成田镇 大寮村党支部 ",
            phone="１３８ １２３４ ５６７８",
            gender=" 男 ",
        ),
        row("赵 六", ID_B, "成田镇大寮村党支部".replace("大寮", "大　寮"), gender="女性"),
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    mi.apply_import(db, preview)
    stored = members(db)
    assert stored[ID_A].name == "王五"
    assert stored[ID_A].phone == "13812345678"
    assert stored[ID_A].organization_id == org_id
    assert stored[ID_B].name == "赵六"
    assert stored[ID_B].organization_id == org_id


def test_invisible_marks_in_an_id_number_or_phone_are_dropped(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """A number copied from a web page or a chat with a zero-width space or a byte-order
    mark looks right: it was refused as "19 digits" (too long for its column)."""
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("王五", "\u200b" + ID_A, phone="138\u200b1234\u200e5678"),
        row("赵六", ID_B + "\ufeff", gender="女"),
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    mi.apply_import(db, preview)
    stored = members(db)
    assert sorted(stored) == sorted([ID_A, ID_B])
    assert stored[ID_A].phone == "13812345678"


def test_every_date_form(db: Database, org_id: int, tmp_path: Path) -> None:
    forms: list[object] = [
        "2010-07-01",
        "2010.7.1",
        "2010/07/01",
        "2010年7月1日",
        "2010.07",
        "２０１０．０７．０１",
        datetime(2010, 7, 1),
        40360,  # Excel's serial number of 2010-07-01 in a General cell
        20100701,
    ]
    ids = [make_id("19850302", f"{i:02d}1") for i in range(len(forms))]
    path = simple_roster(
        tmp_path / "dates.xlsx",
        *(row(f"党员{i}", n, joined=f) for i, (n, f) in enumerate(zip(ids, forms, strict=True))),
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    mi.apply_import(db, preview)
    stored = members(db)
    assert {stored[n].joined_on for n in ids} == {date(2010, 7, 1)}


def test_birth_date_by_month_agrees_with_the_id_number(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A, birth="1985.03"),
        row("乙", ID_B, birth="1990.03"),  # the ID number says July
    )
    preview = mi.read_members(db, path)
    bad = preview.bad_rows()
    assert [(p.row, p.reason) for p in bad] == [
        (3, "出生日期与身份证号不一致（身份证号为 1990-07-15）")
    ]
    assert preview.rows[0].data.birth_date == date(1985, 3, 2)


def test_a_bad_row_names_and_quotes_slipped_numbers_masked(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """The columns slipped one place: the ID number stands under 姓名, the phone under
    所在党组织. The bad-rows table names the row and quotes its cells masked."""
    path = simple_roster(
        tmp_path / "r.xlsx", (ID_A, "男", None, None, None, None, ORG, "13912345678")
    )
    [bad] = mi.read_members(db, path).bad_rows()
    assert bad.name == "**************" + ID_A[-4:]
    assert "所在党组织“139****5678”在系统中不存在" in bad.reason
    assert ID_A not in bad.name + bad.reason and "13912345678" not in bad.reason


def test_id_number_stored_as_a_number(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", "placeholder"))
    set_raw_number(path, "C2", ID_A)  # an exact integer, as some programs write it
    assert ID_A.isdigit()
    preview = mi.read_members(db, path)
    assert preview.bad_rows() == []
    mi.apply_import(db, preview)
    assert ID_A in members(db)


def test_id_number_in_scientific_notation_is_refused_with_the_fix(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", "4.40514E+17"),
        row("乙", float(ID_B)),  # Excel kept 15 digits of it
        row("丙", ID_C),
    )
    preview = mi.read_members(db, path)
    bad = preview.bad_rows()
    assert [p.row for p in bad] == [2, 3]
    for problem in bad:
        assert len(problem.messages) == 1  # not also "身份证号不能为空"
        assert "科学计数法" in problem.reason
        assert "格式设置为“文本”" in problem.reason
        assert "英文单引号" in problem.reason
    assert "“4.40514E+17”" in bad[0].reason


def test_rows_are_checked_with_the_editor_rules(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", wrong_check_digit(ID_A)),
        row("乙", ID_B, gender="男"),
        row("丙", ID_C, category="预备党员", joined="2025-01-01"),
        row("", make_id("19800101", "111")),
        row("丁", make_id("19800101", "131"), phone="12345"),
        row("戊", make_id("19800101", "151"), joined="明年"),
        row("己", make_id("19800101", "171"), gender="未知"),
    )
    lines = [p.line() for p in mi.read_members(db, path).bad_rows()]
    assert lines[0] == "第2行：身份证号校验位错误"
    assert lines[1] == "第3行：性别与身份证号不一致"
    assert lines[2].startswith("第5行：姓名不能为空")
    assert lines[3].startswith("第6行：电话号码格式不正确")
    assert lines[4].startswith("第7行：入党日期“明年”无法识别为日期")
    assert lines[5] == "第8行：性别“未知”无法识别，应为 男 或 女"
    assert len(lines) == 6  # 丙: a probationary member without a confirmation date is fine


def test_repeated_cells_are_read_alike_on_every_row(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """Cells of repeating columns are parsed once per file: a refused one is refused on
    every row it stands in, and a date typed as a number is not taken for a text."""
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", make_id("19800101", "111"), gender="未知"),
        row("乙", make_id("19800101", "131"), joined="2010-07-01"),
        row("丙", make_id("19800101", "151"), gender="未知"),
        row("丁", make_id("19800101", "171"), joined=datetime(2010, 7, 1)),
    )
    preview = mi.read_members(db, path)
    assert [p.line() for p in preview.bad_rows()] == [
        "第2行：性别“未知”无法识别，应为 男 或 女",
        "第4行：性别“未知”无法识别，应为 男 或 女",
    ]
    good = [r.member for r in preview.rows if r.member is not None and not r.errors]
    assert [m.joined_on for m in good] == [date(2010, 7, 1), date(2010, 7, 1)]


def test_row_lines_in_english(db: Database, org_id: int, tmp_path: Path) -> None:
    lang.set_language("en")
    path = simple_roster(tmp_path / "r.xlsx", row("甲", wrong_check_digit(ID_A)))
    lines = [p.line() for p in mi.read_members(db, path).bad_rows()]
    assert lines == ["Row 2: The check digit of the ID number is wrong"]


def test_blank_rows_are_skipped_and_row_numbers_stay_excels(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A),
        (None,) * 8,
        (" ", "", None, None, None, None, None, "  "),
        row("乙", wrong_check_digit(ID_B)),
    )
    preview = mi.read_members(db, path)
    assert [r.row for r in preview.rows] == [2, 5]
    assert [p.row for p in preview.bad_rows()] == [5]


def test_a_wrong_sheet_dimension_does_not_hide_columns(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A), row("乙", ID_B))
    tmp = tmp_path / "fixed.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:H3"', b'<dimension ref="A1:B1"')
                assert b'"A1:B1"' in data
            dst.writestr(item, data)
    preview = mi.read_members(db, tmp)
    assert len(preview.rows) == 2
    assert preview.bad_rows() == []


def test_the_roster_may_be_on_another_sheet(db: Database, org_id: int, tmp_path: Path) -> None:
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "填表说明"
    notes.append(["请按模板填写"])
    sheet = wb.create_sheet("名单")
    sheet.append(list(TEMPLATE))
    sheet.append(list(row("甲", ID_A)))
    wb.save(tmp_path / "r.xlsx")
    preview = mi.read_members(db, tmp_path / "r.xlsx")
    assert preview.sheet == "名单"
    assert len(preview.rows) == 1


# -- organizations ----------------------------------------------------------------------


def test_unknown_organization_is_a_row_error(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A),
        row("乙", ID_B, "成田镇新建村党支部"),
        row("丙", ID_C, ""),
    )
    preview = mi.read_members(db, path)
    assert [p.line() for p in preview.bad_rows()] == [
        "第3行：所在党组织“成田镇新建村党支部”在系统中不存在",
        "第4行：所在党组织为空",
    ]
    assert preview.missing_orgs == ("成田镇新建村党支部",)


def test_create_missing_organizations(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A, "成田镇新建村党支部"),
        row("乙", ID_B, "成田镇 新建村党支部"),
        row("丙", ID_C, "区教育局机关党委"),
    )
    preview = mi.read_members(db, path, create_orgs=True)
    assert preview.bad_rows() == []
    assert preview.counts().new == 3
    result = mi.apply_import(db, preview)
    assert result.created_orgs == ("成田镇新建村党支部", "区教育局机关党委")
    with db.read() as s:
        village = s.scalars(select(Organization).where(Organization.name == "成田镇新建村党支部"))
        org = village.one()
        assert (org.kind, org.field, org.level, org.town) == (
            OrgKind.BRANCH,
            OrgField.RURAL,
            OrgLevel.VILLAGE,
            "成田镇",
        )
        assert org.remark and "自动创建" in org.remark
        bureau = s.scalars(select(Organization).where(Organization.name == "区教育局机关党委"))
        other = bureau.one()
        assert (other.kind, other.level) == (OrgKind.COMMITTEE, OrgLevel.DISTRICT)
        created = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == AuditAction.CREATE, AuditEntry.entity == "organization"
            )
        ).all()
        assert len(created) == 2
    stored = members(db)
    assert stored[ID_A].organization_id == stored[ID_B].organization_id == org.id


def test_toggling_create_orgs_rechecks_without_reading_again(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A, "新村党支部"))
    preview = mi.read_members(db, path)
    assert preview.counts().bad == 1
    assert preview.with_create_orgs(True).counts().bad == 0
    assert preview.with_create_orgs(True).orgs_to_create() == ["新村党支部"]


def test_a_missing_organization_of_a_bad_row_is_not_created(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", wrong_check_digit(ID_A), "新村党支部"),
        row("乙", ID_B),
    )
    preview = mi.read_members(db, path, create_orgs=True)
    result = mi.apply_import(db, preview, valid_only=True)
    assert (result.imported, result.bad, result.created_orgs) == (1, 1, ())
    with db.read() as s:
        assert s.scalar(select(func.count(Organization.id))) == 1


# -- duplicates -------------------------------------------------------------------------


def test_duplicate_id_number_within_the_file(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A),
        row("乙", ID_B),
        row("甲", ID_A.lower()),
    )
    bad = mi.read_members(db, path).bad_rows()
    assert [p.line() for p in bad] == ["第4行：身份证号与第2行重复"]


def _existing(db: Database, org_id: int) -> int:
    return make_member(
        db,
        "张老三",
        org_id,
        id_number=ID_A,
        gender=Gender.MALE,
        birth_date=date(1985, 3, 2),
        phone="13900000000",
        ethnicity="汉族",
        joined_on=date(2008, 7, 1),
        confirmed_on=date(2009, 7, 1),
        remark="老备注",
    )


def test_existing_member_skipped(db: Database, org_id: int, tmp_path: Path) -> None:
    member_id = _existing(db, org_id)
    before = member_rows(db)
    path = simple_roster(tmp_path / "r.xlsx", row("张三", ID_A), row("李四", ID_B))
    preview = mi.read_members(db, path)
    assert preview.rows[0].existing_id == member_id
    counts = preview.counts()
    assert (counts.new, counts.duplicates, counts.bad) == (1, 1, 0)
    result = mi.apply_import(db, preview, on_duplicate="skip")
    assert (result.imported, result.skipped, result.updated) == (1, 1, 0)
    assert member_rows(db)[0] == before[0]


def test_a_day_of_joining_moved_past_the_first_fee_basis_or_change_is_refused(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """The member editor refuses a day of joining moved past the member's first fee basis
    (or payment) or first change; a roster updating the member took it without a word."""
    member_id = _existing(db, org_id)  # joined 2008-07-01, confirmed 2009-07-01
    basis = BasisInput(member_id, date(2008, 8, 1), FeeCategory.FARMER)
    set_basis(db, basis, today=date(2026, 5, 1))
    path = simple_roster(tmp_path / "r.xlsx", row("张三", ID_A, joined="2009.01.01"))
    preview = mi.read_members(db, path)
    assert [p.line() for p in preview.bad_rows("update")] == [
        "第2行：张老三的党费缴纳基数自2008-08起，入党日期不能晚于2008-08；"
        "如入党日期确有误，请先更正缴纳基数的起始月份"
    ]
    assert preview.bad_rows("skip") == []
    with pytest.raises(UserError):
        mi.apply_import(db, preview, on_duplicate="update")
    transferred = transfer_in_from_outside(
        db,
        MemberInput(
            name="李四", organization_id=org_id, id_number=ID_B, joined_on=date(2010, 7, 1)
        ),
        from_unit="深圳市某社区党委",
        received_on=date(2026, 4, 1),
    )
    path = simple_roster(tmp_path / "r2.xlsx", row("李四", ID_B, joined="2026.05.01"))
    bad = mi.read_members(db, path).bad_rows("update")
    assert [p.line() for p in bad] == ["第2行：入党日期不能晚于该党员的转入日期（2026-04-01）"]
    # earlier, or the same day: taken
    path = simple_roster(
        tmp_path / "r3.xlsx",
        row("张三", ID_A, joined="2008.08.01"),
        row("李四", ID_B, joined="2026.04.01"),
    )
    result = mi.apply_import(db, mi.read_members(db, path), on_duplicate="update")
    assert result.updated == 2
    with db.read() as s:
        joined = {m.id: m.joined_on for m in s.scalars(select(PartyMember))}
    assert joined == {member_id: date(2008, 8, 1), transferred: date(2026, 4, 1)}


def test_existing_member_updated_from_the_filled_cells(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    member_id = _existing(db, org_id)
    other_org = make_org(db, "成田镇简朴村党支部")
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("张三", ID_A, "成田镇简朴村党支部", phone=None, joined="2008.07.01"),
    )
    result = mi.apply_import(db, mi.read_members(db, path), on_duplicate="update")
    assert (result.imported, result.updated) == (0, 1)
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert member.name == "张三"
        assert member.organization_id == other_org
        assert member.phone == "13900000000"  # the empty cell kept what was stored
        assert member.ethnicity == "汉族"  # no such column in the file
        assert member.remark == "老备注"
        entry = s.scalars(
            select(AuditEntry).where(
                AuditEntry.action == AuditAction.UPDATE, AuditEntry.entity_uuid == member.uuid
            )
        ).one()
    assert json.loads(entry.before or "{}") == {"name": "张老三", "organization_id": org_id}
    assert json.loads(entry.after or "{}") == {"name": "张三", "organization_id": other_org}


def test_an_update_that_would_break_a_rule_is_a_row_error(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    _existing(db, org_id)  # confirmed on 2009-07-01
    path = simple_roster(
        tmp_path / "r.xlsx", row("张三", ID_A, category="预备党员", joined="2025-01-01")
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows("skip") == []
    bad = preview.bad_rows("update")
    assert len(bad) == 1
    assert "预备党员不应有转正日期" in bad[0].reason
    with pytest.raises(UserError, match="有 1 行有错误"):
        mi.apply_import(db, preview, on_duplicate="update")


def test_a_member_saved_in_another_window_since_the_preview_is_not_overwritten(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """The roster's preview read 张老三 with 139…; a clerk then saved 137… in the editor;
    applying the roster wrote its 138… over it without a word (the version was compared
    with what the writing itself read)."""
    from pbc_desktop.services import member_editing

    member_id = _existing(db, org_id)
    path = simple_roster(
        tmp_path / "r.xlsx", row("张老三", ID_A, phone="13811112222", joined="2008-07-01")
    )
    preview = mi.read_members(db, path)
    assert preview.counts().duplicates == 1
    shown = member_editing.get_member_input(db, member_id)
    member_editing.update_member(db, member_id, replace(shown, phone="13700000000"))
    with pytest.raises(UserError, match="读取文件后，数据库中的党组织或党员已被修改"):
        mi.apply_import(db, preview, on_duplicate="update")
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.phone == "13700000000"
    again = mi.apply_import(db, mi.read_members(db, path), on_duplicate="update")
    assert again.updated == 1  # read again, the roster's number is taken


def test_unchanged_members_are_not_counted_as_updated(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    _existing(db, org_id)
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("张老三", ID_A, phone="13900000000", joined="2008-07-01"),
    )
    result = mi.apply_import(db, mi.read_members(db, path), on_duplicate="update")
    assert (result.updated, result.unchanged) == (0, 1)


def test_an_update_sets_only_the_columns_that_change(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """A roster sent again with a new phone number rewrites no other column (and so no
    index on them: a district's roster of updates took twice as long)."""
    member_id = _existing(db, org_id)
    path = simple_roster(
        tmp_path / "r.xlsx", row("张老三", ID_A, phone="13911112222", joined="2008-07-01")
    )
    preview = mi.read_members(db, path)
    updates: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE PARTY_MEMBER"):
            updates.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        assert mi.apply_import(db, preview, on_duplicate="update").updated == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert len(updates) == 1
    assigned = updates[0].split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    columns = {part.split("=")[0].strip().strip('"') for part in assigned.split(",")}
    assert columns == {"phone", "updated_at", "version"}
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        assert (member.phone, member.name, member.remark) == ("13911112222", "张老三", "老备注")


def test_an_update_counts_one_more_version_and_refuses_a_member_changed_meanwhile(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _existing(db, org_id)
    path = simple_roster(
        tmp_path / "r.xlsx", row("张老三", ID_A, phone="13911112222", joined="2008-07-01")
    )
    state = database_state(db)
    real = mi.writing._stored_inputs

    def read_before_someone_saved(*args: Any) -> dict[int, tuple[MemberInput, str]]:
        # another client saved the member between this read and the update (a server)
        return {
            mid: (replace(data, version=(data.version or 1) - 1), uid)
            for mid, (data, uid) in real(*args).items()
        }

    monkeypatch.setattr(mi.writing, "_stored_inputs", read_before_someone_saved)
    with pytest.raises(UserError, match="读取文件后，数据库中的党组织或党员已被修改"):
        mi.apply_import(db, mi.read_members(db, path), on_duplicate="update")
    assert database_state(db) == state
    monkeypatch.setattr(mi.writing, "_stored_inputs", real)
    before = members(db)[ID_A].version
    assert mi.apply_import(db, mi.read_members(db, path), on_duplicate="update").updated == 1
    after = members(db)[ID_A]
    assert (after.phone, after.version) == ("13911112222", before + 1)


def test_updates_and_new_members_are_written_a_chunk_at_a_time(
    db: Database, org_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mi.writing, "_CHUNK", 3)
    for module in (mi.writing, mi.checking):
        monkeypatch.setattr(module, "_IN_CHUNK", 2)
    numbers = [make_id("19800101", f"{i:03d}") for i in range(12)]
    first = simple_roster(
        tmp_path / "first.xlsx", *(row(f"党员{i}", n) for i, n in enumerate(numbers[:7]))
    )
    assert mi.apply_import(db, mi.read_members(db, first)).imported == 7
    again = simple_roster(
        tmp_path / "again.xlsx",
        *(row(f"党员{i}", n, phone=f"1390000{i:04d}") for i, n in enumerate(numbers[:5])),
        row("党员5", numbers[5]),  # unchanged
        *(row(f"党员{i}", n) for i, n in enumerate(numbers[7:], start=7)),
    )
    preview = mi.read_members(db, again)
    assert [r.existing_id is not None for r in preview.rows] == [True] * 6 + [False] * 5
    seen: list[int] = []
    result = mi.apply_import(
        db, preview, on_duplicate="update", progress=lambda p, _t: seen.append(p)
    )
    assert (result.imported, result.updated, result.unchanged) == (5, 5, 1)
    assert seen == sorted(seen)
    stored = members(db)
    assert len(stored) == 12
    assert [stored[n].phone for n in numbers[:7]] == [
        *(f"1390000{i:04d}" for i in range(5)),
        "13812345678",
        "13812345678",
    ]
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.UPDATE))
        changed = sorted(f"{e.before} → {e.after}" for e in entries)
    assert changed == [
        f'{{"phone": "138****5678"}} → {{"phone": "139****{i:04d}", "phone_changed": true}}'
        for i in range(5)
    ]


def test_a_refused_row_keeps_only_what_the_preview_shows(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    _existing(db, org_id)  # ID_A, confirmed on 2009-07-01
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_B),
        row("乙", wrong_check_digit(ID_C), "不存在的党支部"),
        # refused by its phone number; updating would also break a rule
        row("张三", ID_A, phone="12345", category="预备党员", joined="2025-01-01"),
    )
    preview = mi.read_members(db, path)
    good, wrong_id, wrong_phone = preview.rows
    assert good.data.name == "甲"
    for refused in (wrong_id, wrong_phone):
        assert refused.member is None
        with pytest.raises(ValueError, match="has errors"):
            _ = refused.data
    assert [(p.row, p.name, len(p.messages)) for p in preview.bad_rows("skip")] == [
        (3, "乙", 2),
        (4, "张三", 1),
    ]
    update = {p.row: p.reason for p in preview.bad_rows("update")}
    assert "预备党员不应有转正日期" in update[4]
    assert "电话号码格式不正确" in update[4]
    result = mi.apply_import(db, preview, on_duplicate="update", valid_only=True)
    assert (result.imported, result.updated, result.bad) == (1, 0, 2)
    assert set(members(db)) == {ID_A, ID_B}


def _inline_roster(path: Path, rows: list[tuple[object, ...]], headers: tuple[str, ...]) -> Path:
    """Every text cell a string of its own (inline strings, as openpyxl's write-only mode
    and some programs write them), unlike the shared strings of Excel."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("党员名册")
    ws.append(list(headers))
    for values in rows:
        ws.append(list(values))
    wb.save(path)
    return path


def test_equal_texts_of_many_rows_share_one_string(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    headers = ("姓名", "身份证号", "所在党组织", "民族", "工作单位及职务", "籍贯")
    numbers = [make_id("19800101", f"{i:03d}") for i in range(3)]
    path = _inline_roster(
        tmp_path / "r.xlsx",
        [(f"党员{i}", n, ORG, "汉族", "大寮村委会", "广东潮南") for i, n in enumerate(numbers)]
        + [("新人", ID_A, "成田镇新建村党支部", "汉族", "大寮村委会", "广东潮南")],
        headers,
    )
    rows = mi.read_members(db, path, create_orgs=True).rows
    assert rows[0].data.work_unit == "大寮村委会"
    for r in rows[1:]:
        assert r.data.ethnicity is rows[0].data.ethnicity
        assert r.data.work_unit is rows[0].data.work_unit
        assert r.data.native_place is rows[0].data.native_place
        assert r.given is rows[0].given
    assert rows[1].org_name is rows[0].org_name
    assert rows[3].org_missing


def test_a_preview_is_small(db: Database, org_id: int, tmp_path: Path) -> None:
    """About 700 bytes a row are kept, and reading needs little more (30,000 rows took
    8 KB a row before the rows were checked as they were read)."""
    import tracemalloc

    count = 1500
    path = write_roster(
        tmp_path / "r.xlsx",
        [
            row(f"党员{i}", make_id("19800101", f"{i % 1000:03d}", region=str(440500 + i // 1000)))
            for i in range(count)
        ],
    )
    mi.read_members(db, path)  # the first reading imports openpyxl and fills caches
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        preview = mi.read_members(db, path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(preview.rows) == count
    assert (kept - start) / count < 1_000
    assert (peak - start) / count < 2_000


def test_reading_and_writing_pause_collection_and_hand_over_the_lock_often(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    import gc
    import sys

    interval = sys.getswitchinterval()
    seen: set[tuple[bool, float]] = set()

    def progress(percent: int, _text: str) -> None:
        if percent < 100:  # "finished" is said once the work is done
            seen.add((gc.isenabled(), sys.getswitchinterval()))

    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A))
    preview = mi.read_members(db, path, progress=progress)
    mi.apply_import(db, preview, progress=progress)
    assert seen == {(False, min(interval, 0.001))}
    assert gc.isenabled()
    assert sys.getswitchinterval() == interval


# -- all or valid rows only -------------------------------------------------------------


def test_bad_rows_import_nothing_unless_valid_only(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(
        tmp_path / "r.xlsx",
        row("甲", ID_A),
        row("乙", wrong_check_digit(ID_B)),
        row("丙", ID_C),
    )
    preview = mi.read_members(db, path)
    state = database_state(db)
    with pytest.raises(UserError) as caught:
        mi.apply_import(db, preview)
    assert "没有导入任何党员" in caught.value.message
    assert database_state(db) == state
    result = mi.apply_import(db, preview, valid_only=True)
    assert (result.imported, result.bad) == (2, 1)
    assert set(members(db)) == {ID_A, ID_C}


def test_one_import_audit_entry(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "名册.xlsx", row("甲", ID_A), row("乙", ID_B))
    mi.apply_import(db, mi.read_members(db, path))
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.IMPORT))
        entry = entries.one()
    assert entry.actor == "测试员"
    assert entry.entity == "party_member"
    assert "名册.xlsx" in entry.summary
    assert "新增党员 2 名" in entry.summary
    after = json.loads(entry.after or "{}")
    assert (after["imported"], after["bad"], after["file"]) == (2, 0, "名册.xlsx")


def test_stored_values(db: Database, org_id: int, tmp_path: Path) -> None:
    headers = (
        *TEMPLATE,
        *("民族", "籍贯", "学历", "转正日期", "党内职务", "工作单位及职务", "党籍状态", "备注"),
    )
    path = write_roster(
        tmp_path / "r.xlsx",
        [
            (
                *row("甲", ID_A, birth=date(1985, 3, 2), gender="男", joined="2008-07-01"),
                "汉族",
                "广东潮南",
                "大专",
                "2009-07-01",
                "支部委员",
                "大寮村委会 主任",
                "失联",
                "第一行\n第二行",
            )
        ],
        headers=headers,
    )
    mi.apply_import(db, mi.read_members(db, path))
    m = members(db)[ID_A]
    assert (m.name, m.gender, m.birth_date, m.ethnicity, m.native_place) == (
        "甲",
        Gender.MALE,
        date(1985, 3, 2),
        "汉族",
        "广东潮南",
    )
    assert (m.education, m.joined_on, m.confirmed_on, m.category) == (
        "大专",
        date(2008, 7, 1),
        date(2009, 7, 1),
        MemberCategory.FULL,
    )
    assert (m.party_post, m.work_unit, m.status, m.remark, m.phone) == (
        "支部委员",
        "大寮村委会 主任",
        MembershipStatus.LOST_CONTACT,
        "第一行\n第二行",
        "13812345678",
    )
    assert m.uuid and m.created_at


# -- cancel -----------------------------------------------------------------------------


def test_cancel_while_reading(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A))
    with pytest.raises(mi.ImportCancelledError):
        mi.read_members(db, path, cancelled=lambda: True)


def test_cancel_while_writing_leaves_the_database_as_before(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    _existing(db, org_id)
    many = [
        row(f"党员{i}", make_id("19800101", f"{i % 1000:03d}", region=str(440500 + i // 1000)))
        for i in range(5000)
    ]
    many.append(
        row("张三", ID_A, "成田镇新建村党支部", joined="2008-07-01")
    )  # an update and a new organization
    path = write_roster(tmp_path / "big.xlsx", many)
    preview = mi.read_members(db, path, create_orgs=True)
    assert preview.bad_rows("update") == []
    state = database_state(db)
    calls = 0

    def cancel_after_first_chunk() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(mi.ImportCancelledError):
        mi.apply_import(db, preview, on_duplicate="update", cancelled=cancel_after_first_chunk)
    assert calls > 2
    assert database_state(db) == state
    assert count_members(db) == 1


def test_cancel_at_the_last_moment_still_rolls_back(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A), row("乙", ID_B))
    preview = mi.read_members(db, path)
    state = database_state(db)
    seen: list[int] = []

    def progress(percent: int, _text: str) -> None:
        seen.append(percent)

    def cancel_when_saving() -> bool:
        return max(seen, default=0) >= 95

    with pytest.raises(mi.ImportCancelledError):
        mi.apply_import(db, preview, progress=progress, cancelled=cancel_when_saving)
    assert database_state(db) == state


def test_organization_deleted_after_reading(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A))
    preview = mi.read_members(db, path)
    with db.write() as s:
        org = s.get(Organization, org_id)
        assert org is not None
        s.delete(org)
    with pytest.raises(UserError, match="请重新读取文件"):
        mi.apply_import(db, preview)
    assert count_members(db) == 0


# -- files that cannot be read ----------------------------------------------------------


def refused(db: Database, path: Path) -> str:
    with pytest.raises(UserError) as caught:
        mi.read_members(db, path)
    return caught.value.message


def test_missing_file(db: Database, tmp_path: Path) -> None:
    assert "找不到文件" in refused(db, tmp_path / "nothing.xlsx")


def test_folder(db: Database, tmp_path: Path) -> None:
    assert "是一个文件夹" in refused(db, tmp_path)


def test_a_damaged_old_xls(db: Database, tmp_path: Path) -> None:
    # Real .xls workbooks are read (test_member_import_formats.py); this one has the
    # streams of one and nothing in them.
    message = refused(db, old_xls(tmp_path / "名册.xls"))
    assert "文件已损坏" in message
    assert "另存为一个新的 .xlsx 文件" in message


def test_password_protected(db: Database, tmp_path: Path) -> None:
    message = refused(db, encrypted_workbook(tmp_path / "名册.xlsx"))
    assert "设置了打开密码" in message
    assert "清空密码" in message


def test_csv_is_read_whatever_its_name(db: Database, org_id: int, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_text(f"姓名,身份证号,所在党组织\n甲,{ID_A},{ORG}\n", "utf-8")
    assert [r.name for r in mi.read_members(db, path).good_rows()] == ["甲"]
    renamed = tmp_path / "名册.xlsx"
    path.rename(renamed)
    assert [r.name for r in mi.read_members(db, renamed).good_rows()] == ["甲"]


def test_an_export_with_hidden_numbers_is_refused_in_one_sentence(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """The members exported with hidden numbers (the default), edited, imported back: each
    row was refused with the same reasons, hundreds of lines; one sentence says why."""
    for n in range(30):
        make_member(db, f"党员{n}", org_id, id_number=make_id("19850302", f"{n:03d}"))
    path = tmp_path / "党员名册.xlsx"
    export_members(db, MemberQuery(), path)
    message = refused(db, path)
    assert "身份证号都有数字被 * 隐藏了" in message and "显示完整身份证号" in message
    one_hidden = simple_roster(
        tmp_path / "r.xlsx", row("甲", ID_A), row("乙", "**************1234"), row("丙", ID_B)
    )
    assert [r.row for r in mi.read_members(db, one_hidden).bad_rows()] == [3]


def test_word_document(db: Database, tmp_path: Path) -> None:
    assert "Word 文档" in refused(db, docx(tmp_path / "名册.docx"))


def test_random_bytes(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    path.write_bytes(bytes(range(256)) * 40)
    assert "文件已损坏" in refused(db, path)
    other = tmp_path / "picture.png"
    other.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "不是 Excel 工作簿" in refused(db, other)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "图片（PNG）"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF", "图片（JPEG）"),
        (b"%PDF-1.7\n", "PDF 文件"),
        (b"Rar!\x1a\x07\x01\0", "压缩包（RAR）"),
    ],
)
def test_a_picture_pdf_or_archive_renamed_xlsx_is_named_not_called_damaged(
    db: Database, tmp_path: Path, head: bytes, kind: str
) -> None:
    """A picture saved as “名册.xlsx” was “damaged, if Excel can open it…”; a PNG whose
    first bytes held many zeros was even called UTF-16 text."""
    path = tmp_path / "名册.xlsx"
    path.write_bytes(head + b"\0" * 600)
    message = refused(db, path)
    assert kind in message and "不是 Excel 工作簿" in message
    assert "损坏" not in message and "UTF-16" not in message


def test_damaged_zip(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "文件已损坏" in refused(db, path)


def test_damaged_sheet_inside_the_zip(db: Database, org_id: int, tmp_path: Path) -> None:
    path = simple_roster(tmp_path / "r.xlsx", row("甲", ID_A))
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert "文件已损坏" in refused(db, broken)


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="a pipe named by a path")
def test_a_pipe_is_refused_with_a_sentence(db: Database) -> None:
    """``pbc import-members /dev/stdin`` or a shell's ``<(iconv …)``: the file is read in
    several passes, which a pipe cannot give (it was an internal error)."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, f"姓名,身份证号,所在党组织\n甲,{ID_A},{ORG}\n".encode())
        os.close(write_end)
        assert "不是普通文件" in refused(db, Path(f"/dev/fd/{read_end}"))
    finally:
        os.close(read_end)


def test_empty_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"")
    assert "文件是空的" in refused(db, path)


def test_empty_workbook(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    Workbook().save(path)
    assert "工作簿里没有任何内容" in refused(db, path)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_header_below_blank_rows_is_not_an_empty_workbook(
    db: Database, tmp_path: Path, suffix: str
) -> None:
    """Ten blank rows, then the roster: the header is out of reach, but the workbook is not
    empty (it was called so)."""
    path = write_roster(tmp_path / "r.xlsx", [("甲", ID_A, "上底村党总支")], above=[()] * 10)
    if suffix == ".csv":
        path = tmp_path / "r.csv"
        path.write_text("\n" * 10 + "姓名,身份证号,所在党组织\n甲,1,上底村党总支\n", "utf-8")
    message = refused(db, path)
    assert "没有任何内容" not in message
    assert "找不到表头行" in message


def test_no_header_row_names_the_required_headers(db: Database, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", [("甲", "男")], headers=("名字", "性别"))
    message = refused(db, path)
    assert "找不到表头行" in message
    assert "姓名、身份证号、所在党组织" in message


def test_no_organization_column(db: Database, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", [("甲", ID_A)], headers=("姓名", "身份证号"))
    assert "缺少“所在党组织”列" in refused(db, path)


def test_header_without_members(db: Database, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "r.xlsx", [])
    assert "没有任何党员" in refused(db, path)


def test_file_messages_in_english(db: Database, tmp_path: Path) -> None:
    lang.set_language("en")
    message = refused(db, encrypted_workbook(tmp_path / "r.xlsx"))
    assert message.startswith("Cannot import “r.xlsx”: the workbook is protected by a password")


# -- organizations created on the fly ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("成田镇大寮村党支部", (OrgKind.BRANCH, OrgField.RURAL, OrgLevel.VILLAGE, "成田镇")),
        ("大寮村党总支", (OrgKind.GENERAL_BRANCH, OrgField.RURAL, OrgLevel.VILLAGE, None)),
        (
            "峡山街道东山社区党委",
            (OrgKind.COMMITTEE, OrgField.URBAN_COMMUNITY, OrgLevel.VILLAGE, "峡山街道"),
        ),
        ("两英镇中心小学党支部", (OrgKind.BRANCH, OrgField.SCHOOL, OrgLevel.TOWN, "两英镇")),
        ("某某有限公司党支部", (OrgKind.BRANCH, OrgField.OTHER, OrgLevel.DISTRICT, None)),
    ],
)
def test_new_organization_defaults(name: str, expected: tuple[object, ...]) -> None:
    values = mi.new_org_values(name, ["峡山街道", "成田镇"])
    assert (values["kind"], values["field"], values["level"], values["town"]) == expected


def test_reasons_join_without_doubled_punctuation() -> None:
    from pbc_desktop.services.member_import import RowProblem

    problem = RowProblem(7, "张三", ("身份证号已被 Excel 变成了科学计数法。", "电话号码格式不正确"))
    assert problem.reason == "身份证号已被 Excel 变成了科学计数法；电话号码格式不正确"
    assert problem.line() == "第7行：身份证号已被 Excel 变成了科学计数法；电话号码格式不正确"


def test_imported_and_renamed_members_get_their_pinyin_keys(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    member_id = _existing(db, org_id)
    path = simple_roster(
        tmp_path / "r.xlsx", row("曾强", ID_A, joined="2008.07.01"), row("单田芳", ID_B)
    )
    preview = mi.read_members(db, path)
    assert preview.bad_rows("update") == []
    result = mi.apply_import(db, preview, on_duplicate="update")
    assert (result.imported, result.updated) == (1, 1)
    with db.read() as s:
        keys = {
            m.name: (m.name_initials, m.name_pinyin)
            for m in s.scalars(select(PartyMember).order_by(PartyMember.name_sort))
        }
        renamed = s.get(PartyMember, member_id)
        assert renamed is not None and renamed.name == "曾强"
    # the surname readings, and ordered by them: shan before zeng
    assert keys == {"单田芳": ("stf", "shantianfang"), "曾强": ("zq", "zengqiang")}
    assert list(keys) == ["单田芳", "曾强"]
