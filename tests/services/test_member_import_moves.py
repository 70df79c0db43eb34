"""A roster updating stored members puts some in another organization: taken as transfers
within the district (转出 and 转入 dated the import's day, each organization's 党内统计
adding up) or as corrections of entry errors (no change; the member's changes say the new
organization), as the member editor takes one (``services/member_changes/moving``), the
moves the editor refuses being row errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, MemberChange, Organization, PartyMember
from pbc_desktop.domain.member_changes import MemberChangeKind, OrganizationMove
from pbc_desktop.errors import UserError
from pbc_desktop.services import member_editing
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    issue_transfer,
    transfer_in_from_outside,
)
from pbc_desktop.services.member_import import writing
from pbc_desktop.services.party_stats.tables import party_statistics
from tests.factories import complete_fields, make_org
from tests.import_factories import database_state, write_roster
from tests.member_move_helpers import (
    assert_transfer_counted,
    change_history,
    members_and_net,
    organization_of,
)

OLD, NEW, THIRD = "上底村党支部", "下底村党支部", "中底村党支部"
TODAY = date(2025, 6, 1)  # the day of the import


@pytest.fixture
def orgs(db: Database) -> tuple[int, int]:
    return make_org(db, OLD), make_org(db, NEW)


def _member(db: Database, name: str, org: int, *, from_outside: bool = False) -> int:
    """A member of ``org`` who joined in 2000: entered by hand (no change), or transferred
    in from outside the district in 2010 (a 转入 at ``org``)."""
    fields = {**complete_fields(), "joined_on": date(2000, 7, 1)}
    data = member_editing.MemberInput(name=name, organization_id=org, **fields)
    if from_outside:
        return transfer_in_from_outside(
            db, data, from_unit="汕头市金平区某党支部", received_on=date(2010, 3, 1)
        )
    return member_editing.create_member(db, data)


def _number(db: Database, member_id: int) -> str:
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None and member.id_number
        return member.id_number


def _roster(db: Database, path: Path, *rows: tuple[int, str]) -> Path:
    """The stored members ``rows`` (id, organization named) on a roster sent again: the
    name, the ID number and the organization filled in."""
    lines = []
    for member_id, org in rows:
        with db.read() as s:
            member = s.get(PartyMember, member_id)
            assert member is not None
            name = member.name
        lines.append((name, None, _number(db, member_id), None, None, None, None, org))
    return write_roster(path, lines)


def _read(db: Database, path: Path, **options: bool) -> mi.ImportPreview:
    return mi.read_members(db, path, today=TODAY, **options)


def _summaries(db: Database, last: int) -> list[str]:
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry.summary).order_by(AuditEntry.id)))
    return entries[-last:]


# -- the statistics add up, either way ----------------------------------------------------


@pytest.mark.parametrize("from_outside", [False, True], ids=["entered", "transferred_in"])
def test_moves_taken_as_transfers_each_organization_adds_up(
    db: Database, orgs: tuple[int, int], tmp_path: Path, from_outside: bool
) -> None:
    """A roster sent again puts 张三 in the new branch: updated without a change recorded,
    the old branch's table of last year with this year's changes was not this year's, nor
    the new one's. As a transfer within the district: 转出 at the old branch and 转入 at
    the new one on the import's day, audited as the member editor writes them."""
    old, new = orgs
    moved = _member(db, "张三", old, from_outside=from_outside)
    stays = _member(db, "李四", old, from_outside=from_outside)
    _member(db, "王五", new, from_outside=from_outside)
    printed = members_and_net(db, 2024, old, new)  # last year's tables, before the import
    assert [members for members, _net in printed] == [2, 1]
    district = party_statistics(db, 2024).members

    path = _roster(db, tmp_path / "r.xlsx", (moved, NEW), (stays, OLD))
    preview = _read(db, path)
    assert preview.counts("update").moves == 1
    preview = preview.with_move(OrganizationMove.TRANSFER)
    assert preview.bad_rows("update") == []
    result = mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert (result.updated, result.moved, result.move) == (1, 1, OrganizationMove.TRANSFER)
    assert "更新的党员中 1 名调整了所在党组织，记为本区内组织关系转接" in result.summary()

    assert organization_of(db, moved) == new
    assert_transfer_counted(db, 2025, old, new, printed=printed, district=district)
    assert change_history(db, moved)[-2:] == [("转出", OLD, NEW), ("转入", NEW, OLD)]
    with db.read() as s:  # the history says where the move was made: not in the editor
        remarks = set(s.scalars(select(MemberChange.remark).where(MemberChange.member_id == moved)))
    assert "导入党员名册时调整党组织（本区内转接）" in remarks
    assert "在党员信息中调整党组织（本区内转接）" not in remarks
    assert _summaries(db, 4) == [
        "导入党员名册时修改党员 张三",
        "党员 张三 转出（2025-06-01）",
        "党员 张三 转入（2025-06-01）",
        f"从“r.xlsx”导入党员：{result.summary()}",
    ]


@pytest.mark.parametrize("from_outside", [False, True], ids=["entered", "transferred_in"])
def test_moves_taken_as_corrections_by_default_count_the_member_there_every_year(
    db: Database, orgs: tuple[int, int], tmp_path: Path, from_outside: bool
) -> None:
    """Unsaid, the roster corrects where the members were entered: no change recorded, the
    member's 转入 (from outside) says the new branch, and every year's statistics of each
    branch add up with the member counted in the new one."""
    old, new = orgs
    moved = _member(db, "张三", old, from_outside=from_outside)
    _member(db, "李四", old, from_outside=from_outside)
    _member(db, "王五", new, from_outside=from_outside)
    path = _roster(db, tmp_path / "r.xlsx", (moved, NEW))
    preview = _read(db, path)
    assert preview.move is OrganizationMove.CORRECTION is mi.DEFAULT_MOVE
    with db.read() as s:
        changes_before = len(list(s.scalars(select(MemberChange))))
    result = mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert (result.updated, result.moved, result.move) == (1, 1, OrganizationMove.CORRECTION)
    assert "更新的党员中 1 名更正了所在党组织（录入错误）" in result.summary()

    assert organization_of(db, moved) == new
    with db.read() as s:
        assert len(list(s.scalars(select(MemberChange)))) == changes_before
    expected = [("转入", NEW, "汕头市金平区某党支部")] if from_outside else []
    assert change_history(db, moved) == expected
    for year in (2010, 2024, 2025):
        (old_members, old_net), (new_members, new_net) = members_and_net(db, year, old, new)
        assert (old_members, new_members) == (1, 2), year
        (old_before, _), (new_before, _) = members_and_net(db, year - 1, old, new)
        assert (old_members, new_members) == (old_before + old_net, new_before + new_net), year
    assert party_statistics(db, 2025).members == 3
    if from_outside:
        assert _summaries(db, 3)[:2] == [
            "导入党员名册时修改党员 张三",
            "更正党员 张三 的所在党组织（录入错误），增减记录随之更正",
        ]


def test_skipped_members_stay_where_they_are(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    old, _new = orgs
    moved = _member(db, "张三", old, from_outside=True)
    preview = _read(db, _roster(db, tmp_path / "r.xlsx", (moved, NEW)))
    assert preview.counts("skip").moves == 1  # said, though skipped
    assert "跳过已有党员时不作调整" in mi.moves_notice(1, preview.move, "skip")
    result = mi.apply_import(db, preview.with_move(OrganizationMove.TRANSFER), today=TODAY)
    assert (result.skipped, result.moved) == (1, 0)
    assert organization_of(db, moved) == old
    assert change_history(db, moved) == [("转入", OLD, "汕头市金平区某党支部")]


def test_a_move_into_an_organization_the_import_creates(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    old, _new = orgs
    moved = _member(db, "张三", old)
    path = _roster(db, tmp_path / "r.xlsx", (moved, THIRD))
    preview = _read(db, path, create_orgs=True).with_move(OrganizationMove.TRANSFER)
    assert preview.bad_rows("update") == []
    assert preview.counts("update").moves == 1
    result = mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert (result.created_orgs, result.moved) == ((THIRD,), 1)
    assert change_history(db, moved) == [("转出", OLD, THIRD), ("转入", THIRD, OLD)]


def test_moves_in_several_chunks(
    db: Database, orgs: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The updates are written a chunk at a time; each chunk's moves follow its writing."""
    old, new = orgs
    monkeypatch.setattr(writing, "_IN_CHUNK", 2)
    members = [_member(db, f"党员{i}", old) for i in range(5)]
    path = _roster(db, tmp_path / "r.xlsx", *((m, NEW) for m in members))
    preview = _read(db, path).with_move(OrganizationMove.TRANSFER)
    result = mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert (result.updated, result.moved) == (5, 5)
    old_changes = party_statistics(db, 2025, organization_id=old).table("changes")
    new_changes = party_statistics(db, 2025, organization_id=new).table("changes")
    assert (old_changes.value("转出"), new_changes.value("转入")) == (5, 5)
    assert [organization_of(db, m) for m in members] == [new] * 5


# -- what the member editor refuses is a row error ----------------------------------------


def test_refused_moves_are_row_errors_and_nothing_is_half_written(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    """A member who left is never transferred (corrected, they may be); one with a letter
    of transfer waiting moves neither way; one received by a letter was in the old branch
    (no entry error). The bad rows refuse the import whole, or are left out."""
    old, new = orgs
    third = make_org(db, THIRD)
    dead = _member(db, "张三", old)
    leave_member(db, dead, LeavingInput(MemberChangeKind.DECEASED, date(2024, 3, 1)))
    waiting = _member(db, "李四", old)
    issue_transfer(db, waiting, TransferInput(to_organization_id=third, issued_on=TODAY))
    fine = _member(db, "王五", old)
    path = _roster(db, tmp_path / "r.xlsx", (dead, NEW), (waiting, NEW), (fine, NEW))
    preview = _read(db, path)

    transfer = preview.with_move(OrganizationMove.TRANSFER)
    bad = {p.row: p.reason for p in transfer.bad_rows("update")}
    assert set(bad) == {2, 3}
    assert "党员张三已不在册（已故），不能转接组织关系" in bad[2]
    assert "党员李四有待接收的组织关系介绍信" in bad[3]
    assert transfer.counts("update").moves == 1
    assert transfer.bad_rows("skip") == []  # skipped, they are not moved
    correction = {p.row: p.reason for p in preview.bad_rows("update")}
    assert set(correction) == {3}
    numbers = [_number(db, m) for m in (dead, waiting, fine)]
    assert not any(n in reason for n in numbers for reason in [*bad.values(), *correction.values()])

    state = database_state(db)
    with pytest.raises(UserError, match="有 2 行有错误"):
        mi.apply_import(db, transfer, on_duplicate="update", today=TODAY)
    assert database_state(db) == state
    result = mi.apply_import(db, transfer, on_duplicate="update", valid_only=True, today=TODAY)
    assert (result.updated, result.moved, result.bad) == (1, 1, 2)
    assert [organization_of(db, m) for m in (dead, waiting, fine)] == [old, old, new]
    assert change_history(db, fine) == [("转出", OLD, NEW), ("转入", NEW, OLD)]


def test_a_roster_correcting_a_transfer_back_is_a_row_error(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    """Moved to the new branch in the editor, listed in the old one again: corrected, the
    transfer would be from the old branch to itself; a row error, a transfer back not."""
    old, new = orgs
    member_id = _member(db, "张三", old)
    data = member_editing.get_member_input(db, member_id)
    member_editing.update_member(
        db, member_id, replace(data, organization_id=new), move=OrganizationMove.TRANSFER,
        moved_on=date(2025, 5, 1),
    )  # fmt: skip
    preview = _read(db, _roster(db, tmp_path / "r.xlsx", (member_id, OLD)))
    (problem,) = preview.bad_rows("update")
    assert f"这次转接将成为从“{OLD}”转到“{OLD}”本身" in problem.reason
    transfer = preview.with_move(OrganizationMove.TRANSFER)
    assert transfer.bad_rows("update") == []
    mi.apply_import(db, transfer, on_duplicate="update", today=TODAY)
    assert change_history(db, member_id)[-2:] == [("转出", NEW, OLD), ("转入", OLD, NEW)]


def test_a_member_received_by_letter_is_not_corrected(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    from pbc_desktop.services.member_changes.transfers import receive_transfer

    old, _new = orgs
    third = make_org(db, THIRD)
    member_id = _member(db, "张三", third)
    letter = issue_transfer(
        db, member_id, TransferInput(to_organization_id=old, issued_on=date(2024, 3, 1))
    )
    receive_transfer(db, letter, date(2024, 3, 5))
    preview = _read(db, _roster(db, tmp_path / "r.xlsx", (member_id, NEW)))
    (problem,) = preview.bad_rows("update")
    assert "经介绍信（2024-001）转入现在的党组织，不是录入错误" in problem.reason
    assert preview.with_move(OrganizationMove.TRANSFER).bad_rows("update") == []


def test_a_roster_correcting_a_member_into_an_ended_organization_is_a_row_error(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    """The new branch ended before the import's day: a correction does not put 张三, on
    the roll, on its roll (nor a transfer); 李四, who died, is corrected into it."""
    old, new = orgs
    member_id = _member(db, "张三", old)
    dead_id = _member(db, "李四", old)
    leave_member(db, dead_id, LeavingInput(MemberChangeKind.DECEASED, date(2024, 3, 1)))
    with db.write() as s:
        org = s.get(Organization, new)
        assert org is not None
        org.end_date = date(2025, 5, 31)
    preview = _read(db, _roster(db, tmp_path / "r.xlsx", (member_id, NEW), (dead_id, NEW)))
    (problem,) = preview.bad_rows("update")
    assert problem.row == 2
    assert f"{NEW}已于2025-05-31结束，不能再转入党员" in problem.reason
    transfers = preview.with_move(OrganizationMove.TRANSFER).bad_rows("update")
    assert [bad.row for bad in transfers] == [2, 3]  # 李四 is off the roll: moves nowhere
    state = database_state(db)
    with pytest.raises(UserError, match="有 1 行有错误"):
        mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert database_state(db) == state
    result = mi.apply_import(db, preview, on_duplicate="update", valid_only=True, today=TODAY)
    assert result.moved == 1
    assert (organization_of(db, member_id), organization_of(db, dead_id)) == (old, new)


def test_a_move_refused_once_written_refuses_the_import_whole(
    db: Database, orgs: tuple[int, int], tmp_path: Path
) -> None:
    """The new branch ended after the preview was read: the transfer is refused as the
    rows are written, naming the row, and nothing is written."""
    old, new = orgs
    first, second = _member(db, "张三", old), _member(db, "李四", old)
    path = _roster(db, tmp_path / "r.xlsx", (first, OLD), (second, NEW))
    preview = _read(db, path).with_move(OrganizationMove.TRANSFER)
    assert preview.bad_rows("update") == []
    with db.write() as s:
        org = s.get(Organization, new)
        assert org is not None
        org.end_date = date(2025, 5, 31)
    state = database_state(db)
    with pytest.raises(UserError, match=r"第 3 行（李四）不能调整所在党组织：.*已于2025-05-31结束"):
        mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert database_state(db) == state


def test_the_editor_refuses_a_move_of_a_member_with_a_letter_waiting(
    db: Database, orgs: tuple[int, int]
) -> None:
    """The refusal now lives in ``moving.check_move``, shared with the import."""
    from pbc_desktop.errors import ValidationError

    old, new = orgs
    member_id = _member(db, "张三", old)
    issue_transfer(db, member_id, TransferInput(to_organization_id=new, issued_on=TODAY))
    data = member_editing.get_member_input(db, member_id)
    for move in OrganizationMove:
        with pytest.raises(ValidationError, match="有待接收的组织关系介绍信") as info:
            member_editing.update_member(
                db, member_id, replace(data, organization_id=new), move=move
            )
        assert info.value.fields() == ["organization"]


def test_a_child_reading_rows_sends_none_of_the_fields_the_parent_sets() -> None:
    """A row comes from a child as its fields in order, the parent's own left out: they
    must be the last ones (their defaults fill them in)."""
    from dataclasses import fields

    from pbc_desktop.services.member_import.preview import PARENT_FIELDS, ImportRow
    from pbc_desktop.services.member_import.row_checks import _ROW_FIELDS, _from_wire, _to_wire

    names = tuple(f.name for f in fields(ImportRow))
    assert names[len(_ROW_FIELDS) :] == tuple(n for n in names if n in PARENT_FIELDS)
    row = ImportRow(row=2, name="张三", member=None, org_name=OLD, given=frozenset())
    assert len(_to_wire(row)) == len(names) - len(PARENT_FIELDS)
    assert _from_wire(_to_wire(row)) == row
