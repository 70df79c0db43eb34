"""The member import dialog as the window runs it: the file read and checked in a child
process. It imports, a cancel while reading ends the child, a file that cannot be read
is said in the same sentence, and the window's thread is never blocked for long."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from pbc_desktop.child_process import Child
from pbc_desktop.db.engine import Database
from pbc_desktop.services.member_import import checking
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.import_dialog import MemberImportDialog
from tests.factories import make_id, make_org
from tests.import_factories import encrypted_workbook
from tests.qt_helpers import Boxes, stub_boxes
from tests.ui.test_import_dialog_ui import ORG, Chooser, names


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> MemberImportDialog:
    monkeypatch.setattr(MemberImportDialog, "read_in_child", True)
    make_org(db, ORG, town="司马浦镇")
    widget = MemberImportDialog(AppContext(db))
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def choose(monkeypatch: pytest.MonkeyPatch, dialog: MemberImportDialog, tmp_path: Path) -> Chooser:
    return Chooser(monkeypatch, dialog, tmp_path)


@pytest.mark.usefixtures("boxes")
def test_the_file_is_read_in_a_child_and_imported(
    qtbot: QtBot,
    choose: Chooser,
    db: Database,
    dialog: MemberImportDialog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[tuple[object, ...]] = []

    def child(target: Any, *args: Any) -> Child:
        started.append(args)
        return Child(target, *args)

    monkeypatch.setattr(checking, "Child", child)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    choose.roster([("张三", make_id("19850302", "123"), ORG, "2010-07-01")])
    timer.stop()
    # a child process read the file while the window's event loop kept turning (how long
    # the window may stall is the benchmark's goal, benchmarks/bench_import.py); a child
    # now starts in a tenth of a second, too soon to be seen reliably by a timer
    assert len(started) == 1
    assert ticks
    assert "1 new members" in dialog.ui.summaryLabel.text()
    with qtbot.waitSignal(dialog.imported):
        QTest.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert names(db) == ["张三"]
    assert multiprocessing.active_children() == []


def test_cancelling_the_reading_ends_the_child(
    choose: Chooser, boxes: Boxes, dialog: MemberImportDialog
) -> None:
    cancelled: list[int] = []

    def cancel_once_the_child_works() -> None:
        children = multiprocessing.active_children()
        progress = dialog.findChildren(QProgressDialog)
        if children and progress:
            cancelled.extend(p.pid for p in children if p.pid)
            progress[0].canceled.emit()  # its Cancel button pressed
        else:
            QTimer.singleShot(5, cancel_once_the_child_works)

    QTimer.singleShot(0, cancel_once_the_child_works)
    rows = [("张三", make_id("19850302", "123"), ORG, None)] * 3
    choose.roster(rows)
    assert cancelled
    assert multiprocessing.active_children() == []
    assert dialog.preview is None
    assert boxes.shown == []  # a cancel is not a refusal
    assert not dialog.ui.importButton.isEnabled()


def test_a_file_that_cannot_be_read_is_explained(
    choose: Chooser, boxes: Boxes, dialog: MemberImportDialog, tmp_path: Path
) -> None:
    choose.file(encrypted_workbook(tmp_path / "名册.xlsx"))
    assert len(boxes.shown) == 1
    assert "设置了打开密码" in boxes.shown[0]
    assert dialog.preview is None
    assert not dialog.ui.importButton.isEnabled()
