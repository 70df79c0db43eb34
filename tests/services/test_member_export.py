"""The member template and roster workbook: columns, formats, masking, filters, audit, cancel
and a clean re-import of an unmasked export."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.models import AuditEntry, PartyMember
from pbc_desktop.domain.enums import AuditAction, Gender, MemberCategory, MembershipStatus
from pbc_desktop.domain.member_rules import FIELDS, MemberInput, completed, member_errors
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.services import member_export
from pbc_desktop.services.member_export import (
    MASKED_SHEET_TITLE,
    SHEET_TITLE,
    ExportCancelledError,
    describe_query,
    export_members,
    find_organization,
    get_roster,
    write_template,
)
from pbc_desktop.services.members import MemberQuery
from tests.factories import make_org
from tests.member_export_factories import Roster, setup_roster

HEADERS = [f.zh for f in FIELDS]
COLUMN = {f.key: i for i, f in enumerate(FIELDS)}


@pytest.fixture
def roster(db: Database) -> Roster:
    return setup_roster(db)


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    """The data rows of the first sheet (below the header)."""
    ws = load_workbook(path).worksheets[0]
    return [tuple(r) for r in ws.iter_rows(min_row=2, values_only=True)]


def by_name(path: Path) -> dict[str, tuple[Any, ...]]:
    return {r[COLUMN["name"]]: r for r in rows_of(path)}


def export_audits(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT)).all()
        s.expunge_all()
        return list(entries)


# -- the template -------------------------------------------------------------------------------
def test_template_has_the_form_columns_with_text_and_date_formats(tmp_path: Path) -> None:
    path = write_template(tmp_path / "模板.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "党员基本信息采集表"
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.max_row == 1  # no example row that would be imported by mistake
    letter = {f.key: chr(ord("A") + i) for i, f in enumerate(FIELDS)}
    assert ws.column_dimensions[letter["id_number"]].number_format == "@"
    assert ws.column_dimensions[letter["phone"]].number_format == "@"
    assert ws.column_dimensions[letter["birth_date"]].number_format == "yyyy-mm-dd"
    assert ws.freeze_panes == "A2"
    # Required columns stand out; the choice columns offer their Chinese labels.
    assert ws[f"{letter['name']}1"].font.color.rgb.endswith("C0392B")
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists[f"{letter['gender']}2:{letter['gender']}5001"] == '"男,女"'
    assert "预备党员" in lists[f"{letter['category']}2:{letter['category']}5001"]
    notes = list(wb["说明"].iter_rows(values_only=True))
    assert any(r[0] == "身份证号" and r[1] == "是" for r in notes)
    assert not list(tmp_path.glob(".*.part"))


def test_template_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="文件夹"):
        write_template(tmp_path)


# -- the roster workbook --------------------------------------------------------------------------
def test_masked_export_of_everyone(db: Database, roster: Roster, tmp_path: Path) -> None:
    path = tmp_path / "名册.xlsx"
    assert export_members(db, MemberQuery(), path).count == 6
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == MASKED_SHEET_TITLE
    assert [c.value for c in ws[1]] == HEADERS
    assert ws.freeze_panes == "A2"
    rows = by_name(path)
    # Ordered by organization, then name, in pinyin; 所在党组织 is the name.
    assert [r[COLUMN["organization"]] for r in rows_of(path)] == [
        *["甲村党支部"] * 4,
        "区教育局机关党支部",
        "乙村党支部",
    ]
    zhang = rows["张伟"]
    assert zhang[COLUMN["id_number"]] == "*" * 14 + zhang[COLUMN["id_number"]][-4:]
    assert zhang[COLUMN["phone"]] == "138****8000"
    assert zhang[COLUMN["gender"]] == "男"
    assert zhang[COLUMN["category"]] == "正式党员"
    assert zhang[COLUMN["status"]] == "正常"
    assert zhang[COLUMN["party_post"]] == "书记"
    assert zhang[COLUMN["birth_date"]] == "1968"  # only the year beside a masked ID
    assert rows["王芳"][COLUMN["category"]] == "预备党员"
    assert rows["王芳"][COLUMN["phone"]] is None
    assert rows["王芳"][COLUMN["confirmed_on"]] is None
    # The masked file says so, and nothing is logged.
    notes = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert "部分隐藏" in notes["号码"] and notes["党员人数"] == "6"
    assert notes["筛选条件"] == "全部党员"
    assert export_audits(db) == []


def test_cells_are_text_dates_and_never_formulas(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    path = tmp_path / "名册.xlsx"
    export_members(db, MemberQuery(), path, unmasked=True)
    ws = load_workbook(path).worksheets[0]
    cells = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    li = cells["李娜"]
    assert li[COLUMN["id_number"]].number_format == "@"
    assert li[COLUMN["id_number"]].data_type == "s"
    assert li[COLUMN["phone"]].value == "0754-87654321"
    assert li[COLUMN["phone"]].number_format == "@"
    assert li[COLUMN["birth_date"]].is_date
    assert li[COLUMN["birth_date"]].number_format == "yyyy-mm-dd"
    assert li[COLUMN["remark"]].value == "=1+1 不是公式"
    assert li[COLUMN["remark"]].data_type == "s"
    # An 18-digit number is stored as its text, so Excel keeps every digit.
    with db.read() as s:
        stored = s.scalar(select(PartyMember.id_number).where(PartyMember.name == "李娜"))
    assert li[COLUMN["id_number"]].value == stored


def test_unmasked_export_is_audited_with_count_and_filter(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    path = tmp_path / "甲村.xlsx"
    query = MemberQuery(organization_id=roster.village, category=MemberCategory.FULL)
    db.user = replace(db.user, name="李书记")
    count = export_members(db, query, path, unmasked=True).count
    assert count == 3
    wb = load_workbook(path)
    assert wb.worksheets[0].title == SHEET_TITLE
    with db.read() as s:
        full_ids = set(
            s.scalars(
                select(PartyMember.id_number).where(
                    PartyMember.organization_id == roster.village,
                    PartyMember.category == MemberCategory.FULL,
                )
            )
        )
    assert {r[COLUMN["id_number"]] for r in rows_of(path)} == full_ids
    notes = dict(r[:2] for r in wb["说明"].iter_rows(values_only=True))
    assert "完整" in notes["号码"] and "操作日志" in notes["号码"]
    (entry,) = export_audits(db)
    assert entry.actor == "李书记"
    assert entry.entity == "party_member"
    assert "3 名党员" in entry.summary and "甲村党支部" in entry.summary
    assert "甲村.xlsx" in entry.summary
    after = json.loads(entry.after or "{}")
    assert after["count"] == 3 and after["unmasked"] is True
    assert after["filter"] == {"organization_id": roster.village, "category": "full"}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        (MemberQuery(text="张伟"), {"张伟", "张伟强"}),
        (MemberQuery(text="8000"), {"张伟"}),  # phone digits
        (MemberQuery(town="陈店镇"), {"张三"}),
        (MemberQuery(category=MemberCategory.PROBATIONARY), {"王芳"}),
        (MemberQuery(reported=True), {"赵敏"}),
        (MemberQuery(text="张", reported=False, town="成田镇"), {"张伟", "张伟强"}),
    ],
)
def test_export_follows_the_filter(
    db: Database, roster: Roster, tmp_path: Path, query: MemberQuery, names: set[str]
) -> None:
    path = tmp_path / "筛选.xlsx"
    assert export_members(db, query, path).count == len(names)
    assert set(by_name(path)) == names


def test_last_id_digits_find_the_member(db: Database, roster: Roster, tmp_path: Path) -> None:
    with db.read() as s:
        number = s.scalar(select(PartyMember.id_number).where(PartyMember.id == roster.li))
    assert number is not None
    path = tmp_path / "a.xlsx"
    export_members(db, MemberQuery(text=number[-6:]), path)
    assert set(by_name(path)) == {"李娜"}


def test_empty_result_still_has_the_header(db: Database, roster: Roster, tmp_path: Path) -> None:
    path = tmp_path / "空.xlsx"
    assert export_members(db, MemberQuery(text="无此人"), path).count == 0
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == HEADERS and ws.max_row == 1


def test_filter_in_words(db: Database, roster: Roster) -> None:
    query = MemberQuery(
        text="张",
        organization_id=roster.village,
        town="成田镇",
        category=MemberCategory.PROBATIONARY,
        reported=False,
    )
    assert (
        describe_query(db, query) == "搜索“张”；党组织：甲村党支部；镇街：成田镇；预备党员；未报到"
    )


def test_progress_and_cancel_leave_no_file(
    db: Database, roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The streamed sheet's own temporary file goes to this folder and must be removed too.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr(member_export, "BATCH", 2)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "名册.xlsx"
    reports: list[int] = []
    checks = iter([False, False, True])

    with pytest.raises(ExportCancelledError, match="取消"):
        export_members(
            db,
            MemberQuery(),
            target,
            unmasked=True,
            progress=lambda p, _t: reports.append(p),
            cancelled=lambda: next(checks),
        )
    assert list(out.iterdir()) == []
    assert list(scratch.iterdir()) == []
    assert reports[0] == 0 and 0 < reports[-1] < 100
    assert export_audits(db) == []  # nothing left the program

    export_members(db, MemberQuery(), target, progress=lambda p, _t: reports.append(p))
    assert reports[-1] == 100
    assert [p.name for p in out.iterdir()] == ["名册.xlsx"]


def test_a_failed_export_keeps_the_previous_file(
    db: Database, roster: Roster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "名册.xlsx"
    target.write_bytes(b"old")

    def broken(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(UserError, match="无法写入"):
        export_members(db, MemberQuery(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in out.iterdir()] == ["名册.xlsx"]


# -- organizations by name ------------------------------------------------------------------------
def test_find_organization(db: Database, roster: Roster) -> None:
    assert find_organization(db, " 甲村党支部 ") == (roster.village, "甲村党支部")
    assert find_organization(db, str(roster.agency)) == (roster.agency, "区教育局机关党支部")
    with pytest.raises(NotFoundError, match="例如：甲村党支部、乙村党支部"):
        find_organization(db, "村党支部")
    with pytest.raises(NotFoundError, match="找不到名为“丙村”的党组织"):
        find_organization(db, "丙村")


# -- roster data ----------------------------------------------------------------------------------
def test_roster_lists_the_committee_first(db: Database, roster: Roster) -> None:
    data = get_roster(db, roster.village)
    assert data.organization_name == "甲村党支部" and data.town == "成田镇"
    # 书记, 组织委员, then by the date they joined (王芳 joined last).
    assert [r.name for r in data.rows] == ["张伟", "李娜", "张伟强", "王芳"]
    assert [r.seq for r in data.rows] == [1, 2, 3, 4]
    assert data.rows[0].phone == "138****8000"
    assert "*" in data.rows[0].id_number
    assert data.count() == 4 and data.count(MemberCategory.PROBATIONARY) == 1
    unmasked = get_roster(db, roster.village, unmasked=True)
    assert unmasked.rows[0].phone == "13800138000" and "*" not in unmasked.rows[0].id_number
    with pytest.raises(NotFoundError):
        get_roster(db, 99999)


# -- re-import ------------------------------------------------------------------------------------
def _input_of(row: tuple[Any, ...], org_ids: dict[str, int]) -> MemberInput:
    def day(value: Any) -> date | None:
        if isinstance(value, str):  # a masked file's birth year: no date
            return None
        return value.date() if isinstance(value, datetime) else value

    v = {f.key: row[i] for i, f in enumerate(FIELDS)}
    return MemberInput(
        name=v["name"],
        organization_id=org_ids[v["organization"]],
        id_number=v["id_number"],
        gender=Gender.from_label(v["gender"]) if v["gender"] else None,
        ethnicity=v["ethnicity"],
        birth_date=day(v["birth_date"]),
        native_place=v["native_place"],
        education=v["education"],
        joined_on=day(v["joined_on"]),
        confirmed_on=day(v["confirmed_on"]),
        category=MemberCategory.from_label(v["category"]),
        party_post=v["party_post"],
        work_unit=v["work_unit"],
        phone=v["phone"],
        status=MembershipStatus.from_label(v["status"]),
        remark=v["remark"],
    )


def test_unmasked_rows_pass_the_member_rules(db: Database, roster: Roster, tmp_path: Path) -> None:
    path = tmp_path / "完整.xlsx"
    export_members(db, MemberQuery(), path, unmasked=True)
    org_ids = {
        "甲村党支部": roster.village,
        "区教育局机关党支部": roster.agency,
        "乙村党支部": roster.other_town,
    }
    for row in rows_of(path):
        data = completed(_input_of(row, org_ids))
        assert member_errors(data) == [], row
    # The masked one would be refused: its ID numbers are not numbers.
    masked = tmp_path / "脱敏.xlsx"
    export_members(db, MemberQuery(), masked)
    data = completed(_input_of(rows_of(masked)[0], org_ids))
    assert "id_number" in {e.field for e in member_errors(data)}


MEMBER_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "native_place",
    "education",
    "joined_on",
    "confirmed_on",
    "category",
    "party_post",
    "work_unit",
    "phone",
    "status",
    "remark",
)


def _members(db: Database) -> set[tuple[Any, ...]]:
    with db.read() as s:
        return {
            (*(getattr(m, k) for k in MEMBER_FIELDS), m.organization.name)
            for m in s.scalars(select(PartyMember))
        }


def test_unmasked_export_reimports_cleanly(db: Database, roster: Roster, tmp_path: Path) -> None:
    member_import = pytest.importorskip("pbc_desktop.services.member_import")
    path = tmp_path / "完整.xlsx"
    export_members(db, MemberQuery(), path, unmasked=True)
    other = open_database(sqlite_url(tmp_path / "other.sqlite"), actor="测试员")
    try:
        for name, town in (
            ("甲村党支部", "成田镇"),
            ("区教育局机关党支部", None),
            ("乙村党支部", "陈店镇"),
        ):
            make_org(other, name, town=town)
        preview = member_import.read_members(other, path)
        assert preview.bad_rows() == []
        assert preview.counts().new == 6
        result = member_import.apply_import(other, preview)
        assert result.imported == 6 and result.bad == 0
        assert _members(other) == _members(db)
        # Read back into the database it came from, every member is already there.
        again = member_import.read_members(db, path)
        assert again.bad_rows() == [] and again.counts().duplicates == 6
    finally:
        other.dispose()
