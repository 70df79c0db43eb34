"""Nothing leaked, nothing lost in the app's exports (issue 10, items 4, 8, 9 and 12).

- A masked export or roster never lets an ID number be rebuilt: the ID shows only its last
  4 characters and the birth date beside it only its year.
- Numbers typed in the search box never reach the 说明 sheet or the audit log.
- Text too long for an Excel cell is cut visibly, the export says which rows, and a
  re-import does not write the cut text over the full one.
- Every workbook the app writes stores text as text: no cell is a formula.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, PartyMember
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.excel_cells import CUT_MARKER, EXCEL_CELL_MAX
from pbc_desktop.domain.member_rules import FIELDS
from pbc_desktop.reports.roster import build_roster
from pbc_desktop.services import members
from pbc_desktop.services.list_export import export_list_xlsx
from pbc_desktop.services.lists import editing
from pbc_desktop.services.member_export import export_members, write_template
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.xlsx_text import fit_text
from tests.conftest import db_arg
from tests.factories import make_member
from tests.list_factories import setup_community
from tests.member_export_factories import Roster, setup_roster
from tests.pdf_helpers import page_texts

COLUMN = {f.key: i for i, f in enumerate(FIELDS)}
FORMULAS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.com/x","点这里")',
    "=1+1",
)


@pytest.fixture
def roster(db: Database) -> Roster:
    return setup_roster(db)


def stored_members(db: Database) -> dict[str, PartyMember]:
    with db.read() as s:
        found = {m.name: m for m in s.scalars(select(PartyMember))}
        s.expunge_all()
        return found


def all_text(path: Path) -> str:
    """Every cell of every sheet, one line each."""
    wb = load_workbook(path)
    return "\n".join(
        str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value
    )


def notes_of(path: Path) -> dict[str, str]:
    return {str(k): str(v) for k, v, *_ in load_workbook(path)["说明"].iter_rows(values_only=True)}


def assert_no_formula(path: Path) -> None:
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def birth_digits(number: str) -> str:
    return number[6:14]


# -- item 8: a masked row gives no ID number back --------------------------------------------------
def test_no_id_number_can_be_rebuilt_from_a_masked_export(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    path = tmp_path / "名册.xlsx"
    assert export_members(db, MemberQuery(), path).count == 6
    stored = stored_members(db)
    ws = load_workbook(path).worksheets[0]
    assert ws.max_row == 7
    everything = all_text(path)
    for row in ws.iter_rows(min_row=2, values_only=True):
        m = stored[row[COLUMN["name"]]]
        assert m.id_number is not None and m.birth_date is not None
        shown_id, shown_birth = row[COLUMN["id_number"]], row[COLUMN["birth_date"]]
        # The ID shows exactly its last 4 characters; the birth column only the year.
        assert shown_id == "*" * 14 + m.id_number[-4:]
        assert len(shown_id.replace("*", "")) == 4
        assert shown_birth == str(m.birth_date.year)
        assert re.fullmatch(r"\d{4}", shown_birth)
        # Nothing in the row (or anywhere in the file) holds the 8 birth digits in any form.
        row_text = " ".join(str(v) for v in row if v is not None)
        for form in (birth_digits(m.id_number), m.birth_date.isoformat(), f"{m.birth_date:%m%d}"):
            assert form not in row_text
        assert m.id_number not in everything
        assert birth_digits(m.id_number) not in everything
    # The 说明 sheet explains the new form.
    numbers = notes_of(path)["号码"]
    assert "**************1234" in numbers and "440514" not in numbers
    assert "出生日期只显示年份" in numbers


def test_an_unmasked_export_keeps_full_numbers_and_dates(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    path = tmp_path / "完整.xlsx"
    export_members(db, MemberQuery(), path, unmasked=True)
    stored = stored_members(db)
    ws = load_workbook(path).worksheets[0]
    for row in ws.iter_rows(min_row=2, values_only=True):
        m = stored[row[COLUMN["name"]]]
        assert m.birth_date is not None
        assert row[COLUMN["id_number"]] == m.id_number
        assert row[COLUMN["birth_date"]].date() == m.birth_date


def test_no_id_number_can_be_rebuilt_from_a_masked_roster_pdf(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    path = build_roster(db, roster.village, tmp_path / "花名册.pdf", today=date(2026, 3, 1))
    text = "".join(page_texts(path)).replace("\n", "").replace(" ", "")
    village = [m for m in stored_members(db).values() if m.organization_id == roster.village]
    assert len(village) == 4
    for m in village:
        assert m.id_number is not None and m.birth_date is not None
        assert "*" * 14 + m.id_number[-4:] in text
        assert m.id_number not in text
        assert birth_digits(m.id_number) not in text
        assert m.birth_date.isoformat() not in text
        assert str(m.birth_date.year) in text
    assert "出生日期只显示年份" in text


def test_the_roster_data_shows_the_year_unless_unmasked(db: Database, roster: Roster) -> None:
    from pbc_desktop.services.member_export import get_roster

    masked = get_roster(db, roster.village)
    assert {r.name: r.birth_date for r in masked.rows}["张伟"] == "1968"
    assert {r.name: r.id_number for r in masked.rows}["张伟"].startswith("*" * 14)
    full = get_roster(db, roster.village, unmasked=True)
    assert {r.name: r.birth_date for r in full.rows}["张伟"] == "1968-03-02"


def test_a_masked_export_masks_numbers_in_the_remark(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    number = "44051419850302416X"
    make_member(
        db, "陈立", roster.village, remark=f"其子身份证 {number},电话 13912345678", complete=True
    )
    masked, full = tmp_path / "脱敏.xlsx", tmp_path / "完整.xlsx"
    export_members(db, MemberQuery(text="陈立"), masked)
    export_members(db, MemberQuery(text="陈立"), full, unmasked=True)
    assert number not in all_text(masked) and "13912345678" not in all_text(masked)
    assert "*" * 14 + "416X" in all_text(masked) and "139****5678" in all_text(masked)
    assert number in all_text(full)


def test_the_member_detail_masks_numbers_in_the_remark_too(db: Database, roster: Roster) -> None:
    number = "44051419850302416X"
    remark = f"其子身份证 {number},电话 13912345678"
    member_id = make_member(db, "陈立", roster.village, remark=remark, complete=True)
    detail = members.get_member_detail(db, member_id)
    assert detail.remark is not None
    assert number not in detail.remark and "13912345678" not in detail.remark
    assert "416X" in detail.remark and "139****5678" in detail.remark
    assert detail.birth_date == "1980"
    full = members.get_member_detail(db, member_id, unmasked=True)
    assert full.remark is not None and number in full.remark
    assert full.birth_date == "1980-05-01"


# -- item 9: the search text never shows a full number --------------------------------------------
@pytest.mark.parametrize("unmasked", [False, True])
def test_numbers_typed_in_the_search_are_not_printed(
    db: Database, roster: Roster, tmp_path: Path, unmasked: bool
) -> None:
    number = stored_members(db)["张伟"].id_number
    assert number is not None
    for text, hidden in ((number, number), ("13800138000", "13800138000"), (number[-8:], number)):
        path = tmp_path / f"搜索{len(text)}.xlsx"
        result = export_members(db, MemberQuery(text=text), path, unmasked=unmasked)
        assert result.count == 1
        notes = notes_of(path)
        assert "搜索" in notes["筛选条件"]
        for part in (hidden, hidden[-8:], hidden[-6:]):
            assert part not in notes["筛选条件"], notes["筛选条件"]
        assert hidden[-4:] in notes["筛选条件"]
    with db.read() as s:
        audits = [
            f"{e.summary} {e.after}"
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT))
        ]
    assert len(audits) == (3 if unmasked else 0)
    for entry in audits:
        assert number not in entry and number[-8:] not in entry and "13800138000" not in entry


# -- item 4: a cut cell says so and is not imported over the full text ----------------------------
def test_fit_text_cuts_visibly_and_counts_rare_characters_twice() -> None:
    assert fit_text("短") == ("短", False)
    text, cut = fit_text("字" * (EXCEL_CELL_MAX + 10))
    assert cut and text.endswith(CUT_MARKER) and len(text) == EXCEL_CELL_MAX
    assert fit_text("字" * EXCEL_CELL_MAX) == ("字" * EXCEL_CELL_MAX, False)
    rare = "\U00020000"  # outside the basic plane: two UTF-16 units in Excel
    text, cut = fit_text(rare * (EXCEL_CELL_MAX // 2 + 1))
    assert cut and len(text) + text.count(rare) <= EXCEL_CELL_MAX


def long_remark() -> str:
    return "".join(f"第{i}次走访记录:群众反映路灯问题。" for i in range(3000))


def test_a_long_remark_is_cut_with_a_marker_and_the_rows_are_named(
    db: Database, roster: Roster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remark = long_remark()
    assert len(remark) > EXCEL_CELL_MAX
    make_member(db, "陈长", roster.village, remark=remark, complete=True)
    path = tmp_path / "名册.xlsx"
    result = export_members(db, MemberQuery(), path, unmasked=True)
    ws = load_workbook(path).worksheets[0]
    rows = {r[COLUMN["name"]].value: r for r in ws.iter_rows(min_row=2)}
    cell = rows["陈长"][COLUMN["remark"]]
    assert cell.value.endswith(CUT_MARKER) and len(cell.value) <= EXCEL_CELL_MAX
    assert remark.startswith(cell.value.removesuffix(CUT_MARKER))
    assert result.cut_rows == (cell.row,)
    cut_note = notes_of(path)["截断"]
    assert f"第 {cell.row} 行" in cut_note and "32767" in cut_note
    assert "截断" not in notes_of_uncut(db, tmp_path)
    # The command line says so too (exit 0: the file was written).
    out_cli = tmp_path / "命令行.xlsx"
    code = cli.main(["export-members", str(out_cli), "--db", db_arg(db), "--search", "陈长"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "第 2 行" in out and "已截断" in out


def notes_of_uncut(db: Database, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "短.xlsx"
    assert export_members(db, MemberQuery(text="张伟"), path).cut_rows == ()
    return notes_of(path)


def test_reimporting_a_cut_remark_keeps_the_full_text(
    db: Database, roster: Roster, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remark = long_remark()
    member_id = make_member(
        db, "陈长", roster.village, remark=remark, work_unit="甲村村委会", complete=True
    )
    path = tmp_path / "名册.xlsx"
    export_members(db, MemberQuery(text="陈长"), path, unmasked=True)
    # The clerk edits another column of the exported file, then imports it back.
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert str(ws.cell(row=2, column=COLUMN["remark"] + 1).value).endswith(CUT_MARKER)
    ws.cell(row=2, column=COLUMN["work_unit"] + 1).value = "甲村股份经济合作社"
    wb.save(path)
    code = cli.main(["import-members", str(path), "--db", db_arg(db), "--on-duplicate", "update"])
    capsys.readouterr()
    assert code == 0
    with db.read() as s:
        m = s.get(PartyMember, member_id)
        assert m is not None
        assert m.work_unit == "甲村股份经济合作社"  # the update went through
        assert m.remark == remark  # and the full remark was not cut


# -- item 12: text stays text in every workbook ---------------------------------------------------
def test_list_export_keeps_formula_like_text_as_text(db: Database, tmp_path: Path) -> None:
    st = setup_community(db)
    for text in FORMULAS:
        editing.add_item(
            db,
            st.list_id,
            editing.ItemInput(
                title=text, description=text, expected_result="#N/A", category="民生"
            ),
        )
    path = export_list_xlsx(db, st.list_id, tmp_path / "清单.xlsx")
    assert_no_formula(path)
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    title, description = header.index("事项"), header.index("事项内容")
    rows = list(ws.iter_rows(min_row=2))
    assert [r[title].value for r in rows] == list(FORMULAS)
    assert [r[description].value for r in rows] == list(FORMULAS)
    assert all(r[title].data_type == "s" for r in rows)
    assert {r[header.index("预期成效")].value for r in rows} == {"#N/A"}


def test_every_member_workbook_holds_no_formula(
    db: Database, roster: Roster, tmp_path: Path
) -> None:
    for i, text in enumerate(FORMULAS):
        make_member(
            db,
            f"公式{i}",
            roster.village,
            birth_date=date(1981 + i, 2, 3),
            remark=text,
            work_unit=text,
            party_post=text[:60],
            complete=True,
        )
    written: list[Path] = [write_template(tmp_path / "模板.xlsx")]
    for unmasked in (False, True):
        path = tmp_path / f"名册{unmasked}.xlsx"
        export_members(db, MemberQuery(), path, unmasked=unmasked)
        written.append(path)
        rows: dict[Any, tuple[Any, ...]] = {
            r[COLUMN["name"]]: r
            for r in load_workbook(path).worksheets[0].iter_rows(min_row=2, values_only=True)
        }
        for i, text in enumerate(FORMULAS):
            assert rows[f"公式{i}"][COLUMN["remark"]] == text
            assert rows[f"公式{i}"][COLUMN["work_unit"]] == text
    for path in written:
        assert_no_formula(path)
