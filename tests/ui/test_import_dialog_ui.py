"""The member import dialog, clicked through as a clerk does: file, preview, options, import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, Organization, PartyMember
from pbc_desktop.services import member_import as svc
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from tests.factories import make_id, make_member, make_org
from tests.import_factories import (
    csv_roster,
    database_state,
    encrypted_workbook,
    ods_roster,
    write_roster,
    wrong_check_digit,
    xls_roster,
)
from tests.qt_helpers import Boxes, stub_boxes

ORG = "司马浦镇大布村党支部"
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")
ID_C = make_id("19700101", "315")
HEADERS = ("姓名", "身份证号", "所在党组织", "入党日期")


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def ctx(db: Database) -> AppContext:
    make_org(db, ORG, town="司马浦镇")
    return AppContext(db)


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext) -> MemberImportDialog:
    widget = MemberImportDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


class Chooser:
    """Clicks “Choose file...” and answers the file dialog."""

    def __init__(
        self, monkeypatch: pytest.MonkeyPatch, dialog: MemberImportDialog, folder: Path
    ) -> None:
        self.monkeypatch = monkeypatch
        self.dialog = dialog
        self.folder = folder
        self.started_at = ""  # where the file dialog opened last

    def file(self, path: Path) -> None:
        asked: list[str] = []

        def fake_open(_parent: object, _title: str, start: str, pattern: str) -> tuple[str, str]:
            asked.append(pattern)
            self.started_at = start
            return str(path), ""

        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
        QTest.mouseClick(self.dialog.ui.chooseButton, Qt.MouseButton.LeftButton)
        assert asked and "*.xlsx" in asked[0]

    def roster(self, rows: list[tuple[object, ...]], **kwargs: Any) -> Path:
        path = write_roster(self.folder / "名册.xlsx", rows, headers=HEADERS, **kwargs)
        self.file(path)
        return path


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch, dialog: MemberImportDialog, tmp_path: Path) -> Chooser:
    return Chooser(monkeypatch, dialog, tmp_path)


def names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(PartyMember.name)))


def cell(dialog: MemberImportDialog, row: int, column: int) -> Any:
    return dialog.model.data(dialog.model.index(row, column))


def test_nothing_to_import_before_a_file_is_chosen(dialog: MemberImportDialog) -> None:
    assert not dialog.ui.importButton.isEnabled()
    assert not dialog.ui.optionsGroup.isEnabled()
    assert dialog.ui.badTable.isHidden()


def test_preview_shows_bad_rows_then_imports_the_valid_ones(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    path = choose.roster(
        [
            ("张三", ID_A, ORG, "2010-07-01"),
            ("李四", wrong_check_digit(ID_B), ORG, "2011.07"),
            ("王五", ID_C, ORG, "2012年7月1日"),
            ("赵六", make_id("19800101", "111"), "不存在的党支部", None),
        ],
        above=[("大布村党员名册",)],
    )
    ui = dialog.ui
    assert ui.fileEdit.text() == str(path)
    assert "2 new members" in ui.summaryLabel.text()
    assert "2 rows with errors" in ui.summaryLabel.text()
    assert ui.badTable.isVisibleTo(dialog)
    assert dialog.model.rowCount() == 2
    assert [cell(dialog, 0, c) for c in range(3)] == ["4", "李四", "身份证号校验位错误"]
    assert cell(dialog, 1, 0) == "6"
    assert cell(dialog, 1, 2) == "所在党组织“不存在的党支部”在系统中不存在"
    assert ui.importButton.text() == "Import the 2 valid rows"
    assert names(db) == []  # nothing written by the preview

    with qtbot.waitSignal(dialog.imported) as signal:
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    result = signal.args[0]
    assert isinstance(result, svc.ImportResult)
    assert (result.imported, result.bad) == (2, 2)
    assert names(db) == ["张三", "王五"]
    assert boxes.shown[-1].startswith("新增党员 2 名")
    assert dialog.result() == 1  # accepted and closed


def test_a_roster_corrected_in_excel_is_read_again_from_the_same_file(
    choose: Chooser, dialog: MemberImportDialog
) -> None:
    """The bad rows are corrected in Excel and the file chosen again: the file dialog
    proposes the file read last (Enter reads it), not only its folder."""
    path = choose.roster([("李四", wrong_check_digit(ID_B), ORG, "2011.07")])
    assert "1 rows with errors" in dialog.ui.summaryLabel.text()
    write_roster(path, [("李四", ID_B, ORG, "2011.07")], headers=HEADERS)
    choose.file(path)
    assert Path(choose.started_at) == path
    assert "1 new members" in dialog.ui.summaryLabel.text()


def test_create_orgs_rechecks_the_rows(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    choose.roster([("张三", ID_A, "司马浦镇新村党支部", None), ("李四", ID_B, ORG, None)])
    ui = dialog.ui
    assert dialog.model.rowCount() == 1
    assert "1 organizations named in the file do not exist yet." in ui.newOrgsLabel.text()
    assert ui.importButton.text() == "Import the 1 valid rows"
    QTest.mouseClick(ui.createOrgsCheck, Qt.MouseButton.LeftButton)
    assert ui.createOrgsCheck.isChecked()
    assert dialog.model.rowCount() == 0
    assert ui.badTable.isHidden()
    assert "司马浦镇新村党支部" in ui.newOrgsLabel.text()
    assert ui.importButton.text() == "Import all 2 rows"
    with qtbot.waitSignal(dialog.imported):
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert names(db) == ["张三", "李四"]
    with db.read() as s:
        created = s.scalars(select(Organization).where(Organization.name == "司马浦镇新村党支部"))
        assert created.one().town == "司马浦镇"


def test_members_already_present_are_skipped_or_updated(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    with db.read() as s:
        org_id = s.scalars(select(Organization.id)).one()
    make_member(db, "张老三", org_id, id_number=ID_A, joined_on=date(2008, 7, 1))
    choose.roster([("张三", ID_A, ORG, "2008-07-01")])
    ui = dialog.ui
    assert ui.importButton.text() == "Nothing new to import"
    assert not ui.importButton.isEnabled()
    QTest.mouseClick(ui.updateRadio, Qt.MouseButton.LeftButton)
    assert ui.importButton.isEnabled()
    # set, not clicked: a second click straight after the first reads as a double click,
    # which leaves a radio button as it was (the test went on in 更新, not 跳过)
    ui.skipRadio.setChecked(True)
    assert dialog.on_duplicate() == "skip"

    choose.roster([("张三", ID_A, ORG, "2008-07-01"), ("李四", ID_B, ORG, None)])
    assert "1 new members, 1 already present, 0 rows with errors" in ui.summaryLabel.text()
    # skipping the one present: what the button does is import the new one
    assert ui.importButton.text() == "Import the 1 new rows"
    QTest.mouseClick(ui.updateRadio, Qt.MouseButton.LeftButton)
    assert ui.importButton.text() == "Import all 2 rows"
    assert dialog.on_duplicate() == "update"
    with qtbot.waitSignal(dialog.imported) as signal:
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert (signal.args[0].imported, signal.args[0].updated) == (1, 1)
    assert names(db) == ["张三", "李四"]


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".csv"])
def test_old_excel_opendocument_and_csv_rosters_are_offered_and_imported(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, suffix: str
) -> None:
    dialog = choose.dialog
    write = {".xls": xls_roster, ".ods": ods_roster, ".csv": csv_roster}[suffix]
    path = write(
        choose.folder / f"名册{suffix}",
        [("张三", ID_A, ORG, date(2010, 7, 1)), ("王五", ID_C, ORG, "2012.7.1")],
        headers=HEADERS,
    )
    asked: list[str] = []

    def fake_open(_parent: object, _title: str, _dir: str, pattern: str) -> tuple[str, str]:
        asked.append(pattern)
        return str(path), ""

    choose.monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    QTest.mouseClick(dialog.ui.chooseButton, Qt.MouseButton.LeftButton)
    assert f"*{suffix}" in asked[0].split(";;")[0]  # the first filter offers every format
    assert "2 new members" in dialog.ui.summaryLabel.text()
    with qtbot.waitSignal(dialog.imported):
        QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert names(db) == ["张三", "王五"]
    assert boxes.shown[-1].startswith("新增党员 2 名")


def test_a_file_that_cannot_be_read_is_explained(
    choose: Chooser, boxes: Boxes, dialog: MemberImportDialog, tmp_path: Path
) -> None:
    choose.file(encrypted_workbook(tmp_path / "名册.xlsx"))
    assert len(boxes.shown) == 1
    assert "设置了打开密码" in boxes.shown[0]
    assert dialog.preview is None
    assert dialog.ui.fileEdit.text() == ""
    assert not dialog.ui.importButton.isEnabled()


def test_cancelled_import_changes_nothing_and_keeps_the_dialog_open(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    choose.roster([("张三", ID_A, ORG, None)])
    state = database_state(db)
    real_apply = svc.apply_import

    def apply_and_cancel(*args: Any, **kwargs: Any) -> svc.ImportResult:
        kwargs["cancelled"] = lambda: True  # the user pressed Cancel at once
        return real_apply(*args, **kwargs)

    choose.monkeypatch.setattr(svc, "apply_import", apply_and_cancel)
    emitted: list[object] = []
    dialog.imported.connect(emitted.append)
    QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert emitted == []
    assert boxes.shown == ["The import was cancelled; nothing was changed."]
    assert database_state(db) == state
    assert dialog.isVisible()


def test_bad_rows_model(choose: Chooser, qtmodeltester: Any, dialog: MemberImportDialog) -> None:
    choose.roster([("张三", wrong_check_digit(ID_A), ORG, "明天"), ("李四", ID_B, ORG, None)])
    qtmodeltester.check(dialog.model)
    tooltip = dialog.model.data(dialog.model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == [
        "身份证号校验位错误",
        "入党日期“明天”无法识别为日期，"
        "请写成 1985-03-02、1985.3.2、1985/03/02、1985年3月2日 或 1985.03",
    ]
    header = dialog.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Row"


def test_a_roster_sheet_is_chosen_when_several_qualify(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    from openpyxl import Workbook

    choose.roster([("张三", ID_A, ORG, None)])
    ui = dialog.ui
    assert ui.sheetCombo.isHidden()
    assert ui.noticeLabel.isHidden()

    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "一支部"
    second = wb.create_sheet("二支部")
    for ws, (name, number) in ((first, ("张三", ID_A)), (second, ("李四", ID_B))):
        ws.append(list(HEADERS))
        ws.append([name, number, ORG, None])
    path = choose.folder / "两个支部.xlsx"
    wb.save(path)
    choose.file(path)
    assert ui.sheetCombo.isVisibleTo(dialog)
    assert [ui.sheetCombo.itemText(i) for i in range(ui.sheetCombo.count())] == ["一支部", "二支部"]
    assert ui.sheetCombo.currentText() == "一支部"
    assert ui.noticeLabel.isVisibleTo(dialog)
    assert ui.noticeLabel.text().startswith(
        "工作簿中有 2 个工作表像党员名册：读取了“一支部”，没有读取“二支部”。"
    )
    assert "Sheet “一支部”" in ui.summaryLabel.text()

    ui.sheetCombo.setFocus()
    QTest.keyClick(ui.sheetCombo, Qt.Key.Key_Down)  # as a clerk picks the next sheet
    assert dialog.preview is not None
    assert dialog.preview.sheet == "二支部"
    assert [r.name for r in dialog.preview.rows] == ["李四"]
    assert "Sheet “二支部”" in ui.summaryLabel.text()
    assert ui.sheetCombo.currentText() == "二支部"
    assert "读取了“二支部”，没有读取“一支部”" in ui.noticeLabel.text()
    with qtbot.waitSignal(dialog.imported):
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert names(db) == ["李四"]


def test_a_full_disk_while_importing_is_a_sentence_and_changes_nothing(
    choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def full(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    choose.roster([("张三", ID_A, ORG, None), ("李四", ID_B, ORG, None)])
    state = database_state(db)
    choose.monkeypatch.setattr(svc.writing.audit, "imported", full)
    emitted: list[object] = []
    dialog.imported.connect(emitted.append)
    QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert boxes.shown == [
        "磁盘空间已满，导入没有完成，数据库没有任何改动。请删除一些不需要的文件、腾出磁盘空间后重新导入。"
    ]
    assert emitted == []
    assert database_state(db) == state
    assert dialog.isVisible()


def test_applicants_are_offered_then_imported_when_ticked(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    ui = dialog.ui
    assert not ui.applicantsCheck.isEnabled()  # no file yet
    choose.roster([("张三", ID_A, ORG, "2010-07-01")])
    assert not ui.applicantsCheck.isEnabled()  # no applicants in it
    assert ui.applicantsLabel.isHidden()
    path = write_roster(
        choose.folder / "混合名册.xlsx",
        [
            ("张三", ID_A, ORG, "中共党员", None, None),
            ("李四", ID_B, ORG, "入党积极分子", "2024-01-10", "2024-05-20"),
        ],
        headers=("姓名", "身份证号", "所在党组织", "政治面貌", "申请入党日期", "积极分子确立日期"),
    )
    choose.file(path)
    assert ui.applicantsCheck.isEnabled() and not ui.applicantsCheck.isChecked()
    assert ui.applicantsLabel.text() == (
        "1 rows are applicants, activists or candidates; they can be imported as "
        "development records."
    )
    assert ui.importButton.text() == "Import the 1 valid rows"
    QTest.mouseClick(ui.applicantsCheck, Qt.MouseButton.LeftButton)
    assert ui.applicantsCheck.isChecked()
    assert ui.applicantsLabel.text().startswith("1 applicants, activists and candidates will")
    assert ui.importButton.text() == "Import all 2 rows"
    with qtbot.waitSignal(dialog.imported) as signal:
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert (signal.args[0].imported, signal.args[0].applicants_added) == (1, 1)
    assert names(db) == ["张三"]
    with db.read() as s:
        assert [(r.name, r.stage.zh) for r in s.scalars(select(DevelopmentRecord))] == [
            ("李四", "入党积极分子")
        ]
    assert "发展党员：新增 1 名" in boxes.shown[-1]


def test_applicants_are_left_out_unless_ticked(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    path = write_roster(
        choose.folder / "混合名册.xlsx",
        [("张三", ID_A, ORG, "中共党员", None), ("李四", ID_B, ORG, "入党申请人", "2025-03-01")],
        headers=("姓名", "身份证号", "所在党组织", "政治面貌", "申请入党日期"),
    )
    choose.file(path)
    with qtbot.waitSignal(dialog.imported) as signal:
        QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert signal.args[0].applicants_set_aside == 1
    with db.read() as s:
        assert s.scalars(select(DevelopmentRecord)).all() == []


def test_members_put_in_another_organization_are_counted_and_moved_as_chosen(
    qtbot: QtBot, choose: Chooser, boxes: Boxes, db: Database, dialog: MemberImportDialog
) -> None:
    """The roster puts 张三 in another branch: the dialog says so and, updating, asks how
    they are moved (a correction unless told); 李四, who left, cannot be transferred."""
    from pbc_desktop.db.models import MemberChange
    from pbc_desktop.domain.enums import MembershipStatus

    other = "司马浦镇溪头村党支部"
    with db.read() as s:
        org_id = s.scalars(select(Organization.id)).one()
    make_org(db, other, town="司马浦镇")
    make_member(db, "张三", org_id, id_number=ID_A, joined_on=date(2008, 7, 1))
    make_member(
        db, "李四", org_id, id_number=ID_B, joined_on=date(2008, 7, 1),
        status=MembershipStatus.DECEASED,
    )  # fmt: skip
    ui = dialog.ui
    assert ui.movesWidget.isHidden()  # no file yet
    choose.roster([("张三", ID_A, ORG, None)])
    assert ui.movesWidget.isHidden()  # no member elsewhere in it
    choose.roster([("张三", ID_A, other, None), ("李四", ID_B, other, None)])
    assert ui.movesWidget.isVisibleTo(dialog)
    assert ui.movesLabel.text().startswith(
        "2 members already present are in another organization in the file; skipped"
    )
    assert not ui.correctionRadio.isEnabled() and ui.correctionRadio.isChecked()
    QTest.mouseClick(ui.updateRadio, Qt.MouseButton.LeftButton)
    assert ui.correctionRadio.isEnabled() and ui.transferRadio.isEnabled()
    assert ui.movesLabel.text() == (
        "2 members already present will be put in the organization of the file, as:"
    )
    assert dialog.model.rowCount() == 0
    QTest.mouseClick(ui.transferRadio, Qt.MouseButton.LeftButton)
    assert dialog.chosen_move().value == "transfer"
    assert ui.movesLabel.text() == (  # the rows refused said before the choice that follows
        "1 members already present will be put in the organization of the file "
        "(1 cannot be moved so: see the rows with errors), as:"
    )
    assert dialog.model.rowCount() == 1
    assert "党员李四已不在册" in cell(dialog, 0, 2)
    assert ui.importButton.text() == "Import the 1 valid rows"
    with qtbot.waitSignal(dialog.imported) as signal:
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert (signal.args[0].updated, signal.args[0].moved) == (1, 1)
    with db.read() as s:
        kinds = [c.kind.zh for c in s.scalars(select(MemberChange).order_by(MemberChange.id))]
    assert kinds == ["转出", "转入"]
    assert "记为本区内组织关系转接" in boxes.shown[-1]


def test_a_roster_read_again_keeps_the_choice_of_moves(
    choose: Chooser, db: Database, dialog: MemberImportDialog
) -> None:
    with db.read() as s:
        org_id = s.scalars(select(Organization.id)).one()
    make_org(db, "司马浦镇溪头村党支部", town="司马浦镇")
    make_member(db, "张三", org_id, id_number=ID_A, joined_on=date(2008, 7, 1))
    choose.roster([("张三", ID_A, "司马浦镇溪头村党支部", None)])
    QTest.mouseClick(dialog.ui.updateRadio, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.ui.transferRadio, Qt.MouseButton.LeftButton)
    choose.roster([("张三", ID_A, "司马浦镇溪头村党支部", "2008-07-01")])  # corrected, again
    assert dialog.preview is not None
    assert dialog.preview.move.value == "transfer"
    assert dialog.ui.transferRadio.isChecked()
