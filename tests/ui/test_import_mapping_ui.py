"""The member import dialog with a roster from another system: the columns not read, and
the mapping step for organizations that almost match (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from pbc_desktop.ui.members.org_mapping_dialog import OrgMappingDialog
from tests.factories import make_id, make_org
from tests.import_factories import write_roster
from tests.qt_helpers import Boxes, stub_boxes

ORG = "大溪坝村党总支"
OTHER = "柳河社区党支部"
# Headers of the 2017 党员基本信息采集表 (see tests/services/test_member_import_headers.py),
# with a column of the clerk's own.
HEADERS = ("姓名", "公民身份证号", "所在党支部", "家庭住址", "备注2")
ROWS = [
    ("甲", make_id("19850302", "123"), "大溪坝党总支", "一组", ""),
    ("乙", make_id("19900715", "224"), "大溪坝党总支", "", ""),
    ("丙", make_id("19700101", "315"), "柳河党支部", "", ""),
]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database) -> MemberImportDialog:
    make_org(db, ORG, town="大溪镇")
    make_org(db, OTHER, town="大溪镇")
    widget = MemberImportDialog(AppContext(db))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, dialog: MemberImportDialog, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    QTest.mouseClick(dialog.ui.chooseButton, Qt.MouseButton.LeftButton)


def answer_mapping(
    monkeypatch: pytest.MonkeyPatch, dialog: MemberImportDialog, tick: list[int], *, ok: bool
) -> list[list[tuple[str, str]]]:
    """Answer the mapping step: tick the rows ``tick``, then OK or Cancel; what the step
    showed is recorded (file name, stored name) per row."""
    shown: list[list[tuple[str, str]]] = []

    def run(step: OrgMappingDialog) -> int:
        table = step.ui.mappingTable
        rows = []
        for row in range(table.rowCount()):
            source, target = table.item(row, 0), table.item(row, 1)
            assert source is not None and target is not None
            assert source.checkState() == Qt.CheckState.Unchecked  # nothing ticked unasked
            rows.append((source.text(), target.text()))
        shown.append(rows)
        for row in tick:
            step.set_ticked(row, True)
        code = QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected
        step.done(code.value)
        return code.value

    monkeypatch.setattr(dialog, "exec_mapping", run)
    return shown


def names_by_org(db: Database) -> list[tuple[str, int]]:
    with db.read() as s:
        rows = s.execute(select(PartyMember.name, PartyMember.organization_id))
        return sorted((name, org) for name, org in rows)


@pytest.mark.usefixtures("boxes")
def test_the_mapping_step_maps_only_what_is_ticked_and_then_imports(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    db: Database,
    dialog: MemberImportDialog,
    tmp_path: Path,
) -> None:
    path = write_roster(tmp_path / "名册.xlsx", ROWS, headers=HEADERS)
    choose(monkeypatch, dialog, path)
    ui = dialog.ui
    assert ui.columnsLabel.isVisibleTo(dialog)
    assert ui.columnsLabel.text() == "Columns not imported: 家庭住址、备注2"
    assert dialog.model.rowCount() == 3
    assert dialog.model.data(dialog.model.index(0, 2)) == (
        "所在党组织“大溪坝党总支”在系统中不存在（相近的党组织是“大溪坝村党总支”，"
        "若是同一个，请把它对应到“大溪坝村党总支”）"
    )
    assert ui.mapOrgsButton.isVisibleTo(dialog)
    assert "2 organizations of the file are close to stored ones" in ui.mapOrgsLabel.text()

    # Cancelled: nothing mapped.
    answer_mapping(monkeypatch, dialog, [0], ok=False)
    QTest.mouseClick(ui.mapOrgsButton, Qt.MouseButton.LeftButton)
    assert dialog.org_map == {} and dialog.model.rowCount() == 3

    # 大溪坝党总支 ticked, 柳河党支部 left alone.
    shown = answer_mapping(monkeypatch, dialog, [0], ok=True)
    QTest.mouseClick(ui.mapOrgsButton, Qt.MouseButton.LeftButton)
    assert shown == [[("大溪坝党总支", ORG), ("柳河党支部", OTHER)]]
    assert dialog.org_map == {"大溪坝党总支": ORG}
    assert dialog.model.rowCount() == 1  # only 丙's organization is still unknown
    assert dialog.model.data(dialog.model.index(0, 1)) == "丙"
    assert "“大溪坝党总支” in the file is imported into “大溪坝村党总支”." in (
        ui.mapOrgsLabel.text()
    )
    assert ui.importButton.text() == "Import the 2 valid rows"

    with qtbot.waitSignal(dialog.imported):
        QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    with db.read() as s:
        org_id = s.scalar(select(Organization.id).where(Organization.name == ORG))
    assert names_by_org(db) == [("乙", org_id), ("甲", org_id)]


def test_another_file_starts_without_the_mapping(
    monkeypatch: pytest.MonkeyPatch, boxes: Boxes, dialog: MemberImportDialog, tmp_path: Path
) -> None:
    choose(monkeypatch, dialog, write_roster(tmp_path / "a.xlsx", ROWS, headers=HEADERS))
    answer_mapping(monkeypatch, dialog, [0, 1], ok=True)
    QTest.mouseClick(dialog.ui.mapOrgsButton, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert not dialog.ui.mapOrgsButton.isVisibleTo(dialog)  # nothing close is left
    choose(monkeypatch, dialog, write_roster(tmp_path / "b.xlsx", ROWS, headers=HEADERS))
    assert dialog.org_map == {} and dialog.model.rowCount() == 3
