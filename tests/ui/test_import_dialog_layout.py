"""The Excel import dialogs' layout (members and organizations share the form): without
bad rows no blank area is left where their table would be; with bad rows the table is
shown and takes the spare height; both within an old 1024×768 screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.ui.common import screens
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog
from tests.factories import make_id, make_org
from tests.import_factories import write_roster
from tests.org_import_factories import org, write_org_list

ORG = "司马浦镇大布村党支部"
MEMBER_HEADERS = ("姓名", "身份证号", "所在党组织", "入党日期")
FREE = QRect(0, 0, 1024, 768 - 40)  # a 1024×768 screen less its task bar
BAD_ROWS = 8
AnyImportDialog = MemberImportDialog | OrganizationImportDialog


@pytest.fixture(autouse=True)
def old_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(FREE))


def settle() -> None:
    for _ in range(3):  # the layout is redone on the next turn of the loop
        QApplication.processEvents()


class Files:
    """A dialog of one kind and files for it, with or without bad rows."""

    def __init__(self, kind: str, db: Database, folder: Path) -> None:
        self.kind = kind
        self.db = db
        self.folder = folder
        if kind == "members":
            make_org(db, ORG, town="司马浦镇")

    def dialog(self, qtbot: QtBot, *, wait: bool = True) -> AnyImportDialog:
        cls = MemberImportDialog if self.kind == "members" else OrganizationImportDialog
        widget = cls(AppContext(self.db))
        qtbot.addWidget(widget)
        widget.show()
        if wait:
            settle()
        return widget

    def file(self, bad: int, name: str = "file") -> Path:
        if self.kind == "members":
            members: list[tuple[object, ...]] = [
                ("张三", make_id("19850302", "123"), ORG, "2010-07-01")
            ]
            members += [(f"李{i}", "123", ORG, "2011-07-01") for i in range(bad)]
            return write_roster(self.folder / f"{name}.xlsx", members, headers=MEMBER_HEADERS)
        orgs = [org("甲二村党支部", "甲镇党委"), org("甲镇党委", None, kind="党委", field="机关")]
        orgs += [org(f"坏党支部{i}", "甲镇党委", kind="协会") for i in range(bad)]
        return write_org_list(self.folder / f"{name}.xlsx", orgs)


@pytest.fixture(params=["members", "organizations"])
def files(request: pytest.FixtureRequest, db: Database, tmp_path: Path) -> Files:
    return Files(request.param, db, tmp_path)


def load(dialog: AnyImportDialog, path: Path) -> None:
    assert dialog.load(path)
    settle()


def blank_height(dialog: AnyImportDialog) -> int:
    """The dialog's height that none of its shown parts covers (spacers' included)."""
    layout = dialog.ui.mainLayout
    items = [layout.itemAt(i) for i in range(layout.count())]
    shown = [item for item in items if item is not None and not item.isEmpty()]
    margins = layout.contentsMargins()
    used = sum(item.geometry().height() for item in shown)
    used += layout.spacing() * (len(shown) - 1) + margins.top() + margins.bottom()
    return dialog.height() - used


def within_screen(dialog: AnyImportDialog) -> bool:
    frame = dialog.frameGeometry()
    return FREE.contains(frame) and dialog.height() <= FREE.height() - screens.FRAME_HEIGHT


def assert_no_blank_area(dialog: AnyImportDialog) -> None:
    ui = dialog.ui
    assert ui.badTable.isHidden() and ui.badLabel.isHidden()
    assert blank_height(dialog) <= 4
    # nothing stretched: the summary sits right above the options, the buttons at the foot
    gap = ui.optionsGroup.geometry().top() - ui.summaryLabel.geometry().bottom()
    assert gap <= 3 * ui.mainLayout.spacing()
    assert dialog.height() - ui.importButton.geometry().bottom() <= 20


def assert_table_takes_the_room(dialog: AnyImportDialog) -> None:
    ui = dialog.ui
    assert ui.badTable.isVisible() and ui.badLabel.isVisible()
    table = ui.badTable
    assert table.height() >= (BAD_ROWS + 1) * table.rowHeight(0)
    assert blank_height(dialog) <= 4  # the spare height is the table's
    assert within_screen(dialog)


def test_without_bad_rows_the_dialog_keeps_no_blank_area(qtbot: QtBot, files: Files) -> None:
    dialog = files.dialog(qtbot)
    assert_no_blank_area(dialog)  # no file yet
    load(dialog, files.file(bad=0))
    assert "0 rows with errors" in dialog.ui.summaryLabel.text()
    assert_no_blank_area(dialog)
    assert dialog.height() < 400
    assert within_screen(dialog)
    # made as tall as the screen, it still keeps no blank area
    dialog.move(0, 0)
    dialog.resize(FREE.width() - screens.FRAME_WIDTH, FREE.height() - screens.FRAME_HEIGHT)
    settle()
    assert dialog.height() < 400
    assert_no_blank_area(dialog)


def test_the_dialog_opens_at_its_height(qtbot: QtBot, files: Files) -> None:
    dialog = files.dialog(qtbot, wait=False)  # as first painted: not the form's height
    assert dialog.height() < 400
    assert_no_blank_area(dialog)


def test_bad_rows_show_their_table_with_the_spare_height(qtbot: QtBot, files: Files) -> None:
    dialog = files.dialog(qtbot)
    load(dialog, files.file(bad=BAD_ROWS))
    assert dialog.model.rowCount() == BAD_ROWS
    assert_table_takes_the_room(dialog)
    assert dialog.height() >= 550  # the form's own height back
    before = dialog.ui.badTable.height()
    dialog.move(0, 0)
    dialog.resize(FREE.width() - screens.FRAME_WIDTH, FREE.height() - screens.FRAME_HEIGHT)
    settle()
    assert dialog.ui.badTable.height() > before + 50  # a taller dialog: a taller table
    assert_table_takes_the_room(dialog)


def test_the_dialog_follows_the_file_chosen_again(qtbot: QtBot, files: Files) -> None:
    dialog = files.dialog(qtbot)
    dialog.move(100, 380)  # low on the screen while small
    load(dialog, files.file(bad=BAD_ROWS, name="bad"))
    assert_table_takes_the_room(dialog)  # grown, and moved up to stay on the screen
    load(dialog, files.file(bad=0, name="good"))
    assert_no_blank_area(dialog)
    load(dialog, files.file(bad=BAD_ROWS, name="bad"))
    assert_table_takes_the_room(dialog)
