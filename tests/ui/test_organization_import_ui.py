"""文件 → 从 Excel 导入党组织: the menu entry, the preview of a list, the import, cancel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.services import organization_import as svc
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.import_factories import database_state
from tests.org_import_factories import org, stored_tree, write_org_list
from tests.qt_helpers import Boxes, stub_boxes


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database) -> OrganizationImportDialog:
    widget = OrganizationImportDialog(AppContext(db))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(monkeypatch: pytest.MonkeyPatch, dialog: OrganizationImportDialog, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    QTest.mouseClick(dialog.ui.chooseButton, Qt.MouseButton.LeftButton)


def a_list(tmp_path: Path) -> Path:
    return write_org_list(
        tmp_path / "党组织.xlsx",
        [
            org("甲二村党支部", "甲镇党委"),
            org("甲镇党委", None, kind="党委", field="机关"),
            org("坏党支部", "甲镇党委", kind="协会"),
        ],
    )


def test_the_file_menu_opens_the_import_on_the_organizations_tab(
    qtbot: QtBot, db: Database
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert window.action_import_organizations.isEnabled()
    window.action_import_organizations.trigger()
    assert window.current_key() == "organizations"
    found = getattr(window.tab("organizations"), "active_dialog", None)
    assert isinstance(found, OrganizationImportDialog)
    assert found.isVisible()
    found.reject()


def test_the_preview_lists_bad_rows_then_imports_the_valid_ones(
    monkeypatch: pytest.MonkeyPatch,
    boxes: Boxes,
    db: Database,
    dialog: OrganizationImportDialog,
    tmp_path: Path,
) -> None:
    ui = dialog.ui
    assert not ui.importButton.isEnabled()
    assert ui.badTable.isHidden()
    state = database_state(db)
    choose(monkeypatch, dialog, a_list(tmp_path))
    assert "2 new organizations" in ui.summaryLabel.text()
    assert "1 rows with errors" in ui.summaryLabel.text()
    assert ui.badTable.isVisibleTo(dialog)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "4"
    assert model.data(model.index(0, 1)) == "坏党支部"
    assert str(model.data(model.index(0, 2))).startswith("党组织类别“协会”无法识别")
    assert database_state(db) == state  # the preview wrote nothing
    assert ui.importButton.text() == "Import the 2 valid rows"
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    QTest.mouseClick(ui.importButton, Qt.MouseButton.LeftButton)
    assert stored_tree(db) == {"甲镇党委": None, "甲二村党支部": "甲镇党委"}
    assert boxes.shown == ["新增党组织 2 个，更新 0 个，跳过已有党组织 0 个，有错误未导入 1 行"]
    assert len(imported) == 1
    assert not dialog.isVisible()


def test_the_duplicate_option_is_checked_again_without_reading_the_file(
    monkeypatch: pytest.MonkeyPatch, db: Database, dialog: OrganizationImportDialog, tmp_path: Path
) -> None:
    path = write_org_list(tmp_path / "a.xlsx", [org("甲镇党委", None, kind="党委", field="机关")])
    svc.apply_org_import(db, svc.read_organizations(db, path))
    choose(monkeypatch, dialog, path)
    assert dialog.ui.importButton.text() == "Nothing new to import"
    assert not dialog.ui.importButton.isEnabled()
    monkeypatch.setattr(svc, "read_organizations", None)  # not read again
    dialog.ui.updateRadio.setChecked(True)
    assert dialog.ui.importButton.text() == "Import all 1 rows"


def test_a_cancelled_import_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    boxes: Boxes,
    db: Database,
    dialog: OrganizationImportDialog,
    tmp_path: Path,
) -> None:
    choose(monkeypatch, dialog, a_list(tmp_path))
    real = svc.apply_org_import

    def apply_and_cancel(*args: Any, **kwargs: Any) -> svc.OrgImportResult:
        kwargs["cancelled"] = lambda: True
        return real(*args, **kwargs)

    monkeypatch.setattr(svc, "apply_org_import", apply_and_cancel)
    state = database_state(db)
    QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert boxes.shown == ["The import was cancelled; nothing was changed."]
    assert database_state(db) == state
    assert dialog.isVisible()


def test_a_file_that_cannot_be_read_is_said_and_nothing_is_shown(
    monkeypatch: pytest.MonkeyPatch, boxes: Boxes, dialog: OrganizationImportDialog, tmp_path: Path
) -> None:
    page = tmp_path / "a.xls"  # a web page, as web systems export “Excel”
    page.write_text("<html><table><tr><td>党组织名称</td></tr></table></html>", encoding="utf-8")
    choose(monkeypatch, dialog, page)
    assert len(boxes.shown) == 1 and "网页" in boxes.shown[0]
    assert dialog.preview is None
    assert not dialog.ui.importButton.isEnabled()


def test_the_template_button_saves_an_empty_list(
    monkeypatch: pytest.MonkeyPatch, boxes: Boxes, dialog: OrganizationImportDialog, tmp_path: Path
) -> None:
    target = tmp_path / "模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    QTest.mouseClick(dialog.ui.templateButton, Qt.MouseButton.LeftButton)
    assert target.exists()
    assert boxes.shown == [f"The empty organization list was saved to {target}."]


@pytest.mark.usefixtures("chinese")
def test_a_list_without_its_header_names_the_button_that_saves_the_template(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Boxes,
    db: Database,
    tmp_path: Path,
) -> None:
    """The sentence sent the clerk to “导出导入模板”, which no button or menu is called."""
    widget = OrganizationImportDialog(AppContext(db))
    qtbot.addWidget(widget)
    widget.show()
    members = tmp_path / "名单.csv"  # the members' roster chosen by mistake
    members.write_text("姓名,身份证号,所在党组织\n陈伟,,甲村党支部\n", encoding="utf-8")
    choose(monkeypatch, widget, members)
    button = widget.ui.templateButton.text().replace("(&T)", "").replace("…", "")
    assert len(boxes.shown) == 1 and f"“{button}”" in boxes.shown[0], boxes.shown
    assert "pbc export-template --organizations" in boxes.shown[0]
