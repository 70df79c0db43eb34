"""The roster import's update of stored members refuses what the member editor refuses
(``member_editing.member_update_errors``, one function for both): a day of joining after
the member's first change or first fee month. The row is refused in the preview with the
editor's sentence, and nothing is written for it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import FeeCategory
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.services import member_editing
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.fees.basis import BasisInput, set_basis
from pbc_desktop.services.fees.collection import SheetEntry, save_sheet
from pbc_desktop.services.member_changes.transfers import transfer_in_from_outside
from tests.factories import make_id, make_member, make_org
from tests.import_factories import database_state, member_rows, write_roster

ORG = "成田镇大寮村党支部"
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="成田镇")


def row(name: str, number: str, joined: str) -> tuple[object, ...]:
    """姓名 性别 身份证号 出生日期 入党日期 人员类别 联系电话 所在党组织."""
    return (name, None, number, None, joined, "正式党员", "13812345678", ORG)


def editor_refusal(db: Database, member_id: int, joined_on: date) -> str:
    """The member editor's sentence refusing ``joined_on`` for the member."""
    typed = member_editing.get_member_input(db, member_id)
    with pytest.raises(ValidationError) as refused:
        member_editing.update_member(db, member_id, replace(typed, joined_on=joined_on))
    assert refused.value.fields() == ["joined_on"]
    return refused.value.message


def assert_refused_and_unwritten(db: Database, path: Path, lines: list[str]) -> None:
    """The preview refuses the rows ``lines`` say (``第N行：…``); importing writes nothing
    (refused whole), and with only the valid rows nothing for them."""
    preview = mi.read_members(db, path)
    assert preview.bad_rows("skip") == []
    assert [p.line() for p in preview.bad_rows("update")] == lines
    before = database_state(db)
    with pytest.raises(UserError, match=f"有 {len(lines)} 行有错误"):
        mi.apply_import(db, preview, on_duplicate="update")
    assert database_state(db) == before
    members = member_rows(db)
    result = mi.apply_import(db, preview, on_duplicate="update", valid_only=True)
    assert (result.updated, result.bad) == (0, len(lines))
    assert member_rows(db) == members


def test_a_joining_date_after_the_members_first_change_is_refused(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """Transferred in on 1 April 2026, then a roster saying they joined on 20 April: the
    editor refuses it, the import took it."""
    data = MemberInput(name="林芳", organization_id=org_id, id_number=ID_B)
    member_id = transfer_in_from_outside(
        db, data, from_unit="深圳市南山区某社区党委", received_on=date(2026, 4, 1)
    )
    sentence = editor_refusal(db, member_id, date(2026, 4, 20))
    assert sentence == "入党日期不能晚于该党员的转入日期（2026-04-01）"
    path = write_roster(tmp_path / "r.xlsx", [row("林芳", ID_B, "2026-04-20")])
    assert_refused_and_unwritten(db, path, [f"第2行：{sentence}"])
    # a day before the transfer goes in
    path = write_roster(tmp_path / "ok.xlsx", [row("林芳", ID_B, "2016-04-20")])
    assert mi.apply_import(db, mi.read_members(db, path), on_duplicate="update").updated == 1
    assert member_editing.get_member_input(db, member_id).joined_on == date(2016, 4, 20)


def test_a_joining_date_after_the_first_fee_basis_or_payment_is_refused(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """A basis from July 2010, a payment of June 2025: a roster moving the joining past
    either month is refused as the editor refuses it (``fees.basis.joining_fee_error``)."""
    based = make_member(db, "张三", org_id, id_number=ID_A, joined_on=date(2010, 7, 1))
    set_basis(db, BasisInput(based, date(2010, 7, 1), FeeCategory.FARMER))
    paid = make_member(db, "林芳", org_id, id_number=ID_B, joined_on=date(2020, 7, 1))
    save_sheet(
        db, org_id, date(2025, 6, 1), [SheetEntry(paid, paid=Decimal("40"))], date(2025, 6, 5)
    )
    basis_sentence = editor_refusal(db, based, date(2010, 9, 1))
    assert basis_sentence.startswith("张三的党费缴纳基数自2010-07起，入党日期不能晚于2010-07")
    paid_sentence = editor_refusal(db, paid, date(2025, 10, 1))
    assert paid_sentence == (
        "林芳已有2025-06的党费缴纳记录，入党日期不能晚于2025-06，请核对入党日期"
    )
    path = write_roster(
        tmp_path / "r.xlsx",
        [row("张三", ID_A, "2010-09-01"), row("林芳", ID_B, "2025-10-01")],
    )
    assert_refused_and_unwritten(db, path, [f"第2行：{basis_sentence}", f"第3行：{paid_sentence}"])
    # within the month of the first basis, and before the payment: taken
    path = write_roster(
        tmp_path / "ok.xlsx",
        [row("张三", ID_A, "2010-07-20"), row("林芳", ID_B, "2025-06-01")],
    )
    assert mi.apply_import(db, mi.read_members(db, path), on_duplicate="update").updated == 2
    assert member_editing.get_member_input(db, based).joined_on == date(2010, 7, 20)
    assert member_editing.get_member_input(db, paid).joined_on == date(2025, 6, 1)


def test_a_basis_entered_after_the_preview_refuses_the_import(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    """The preview read the roster; a clerk then gave the member a basis from July 2010:
    the joining of September 2010 is refused once written too, nothing imported."""
    member_id = make_member(db, "张三", org_id, id_number=ID_A, joined_on=date(2010, 7, 1))
    path = write_roster(tmp_path / "r.xlsx", [row("张三", ID_A, "2010-09-01")])
    preview = mi.read_members(db, path)
    assert preview.bad_rows("update") == []
    set_basis(db, BasisInput(member_id, date(2010, 7, 1), FeeCategory.FARMER))
    before = database_state(db)
    with pytest.raises(UserError, match="第 2 行（张三）不能更新：张三的党费缴纳基数自2010-07起"):
        mi.apply_import(db, preview, on_duplicate="update")
    assert database_state(db) == before
