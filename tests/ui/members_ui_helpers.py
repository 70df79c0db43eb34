"""What the tests of the 党员 tab share (tests/ui/test_members_ui*.py): the members, the
tab, and the clerk's clicks. The fixtures are imported by their functions' names (the
tests ask for them by ``name``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.services import member_editing
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.dialog import MemberDialog
from pbc_desktop.ui.members.tab import MembersTab
from tests.factories import make_id, make_member, make_org, make_post_report
from tests.qt_helpers import Boxes, stub_boxes

CHEN_ID = make_id("19900101", "123")  # male
LIN_ID = make_id("19851212", "562")  # female
ZHANG_ID = make_id("19780315", "215")  # male


@pytest.fixture(name="boxes")
def boxes_fixture(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture(name="ids")
def ids_fixture(db: Database) -> dict[str, int]:
    a = make_org(db, "文光村党支部", town="陈店镇")
    b = make_org(db, "东山社区党支部", town="峡山街道")
    c = make_org(db, "区教育局机关党支部", town=None)
    chen = member_editing.create_member(
        db, MemberInput(name="陈伟", organization_id=a, id_number=CHEN_ID, phone="13812345678")
    )
    lin = member_editing.create_member(
        db,
        MemberInput(
            name="林丽",
            organization_id=a,
            id_number=LIN_ID,
            phone="13900001111",
            category=MemberCategory.PROBATIONARY,
            joined_on=date(2023, 7, 1),
        ),
    )
    huang = make_member(db, "黄强", b)
    zheng = make_member(db, "郑敏", c)
    make_post_report(db, chen, b, services=(2.5,))
    return {"A": a, "B": b, "C": c, "陈伟": chen, "林丽": lin, "黄强": huang, "郑敏": zheng}


@pytest.fixture(name="tab")
def tab_fixture(
    qtbot: QtBot, db: Database, ids: dict[str, int], boxes: Boxes
) -> Iterator[MembersTab]:
    widget = MembersTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def names(tab: MembersTab) -> list[str]:
    return sorted(row.name for row in tab.model.rows())


def cells(tab: MembersTab, column: int) -> dict[str, str]:
    model = tab.model
    return {
        model.data(model.index(r, 0)): model.data(model.index(r, column))
        for r in range(model.rowCount())
    }


def stored(db: Database, name: str) -> PartyMember | None:
    with db.read() as s:
        return s.scalars(select(PartyMember).where(PartyMember.name == name)).first()


def member_count(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(select(func.count(PartyMember.id))).scalar_one())


def monkeypatch_calls(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str
) -> list[tuple[Any, ...]]:
    """The arguments of each call of ``module.name`` from now on (still called)."""
    calls: list[tuple[Any, ...]] = []
    real = getattr(module, name)

    def spy(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(module, name, spy)
    return calls


def shown_dialog(tab: MembersTab) -> QDialog | None:
    """The tab's open dialog (a call, so that checks before and after are not merged)."""
    return tab.active_dialog


def click_row(qtbot: QtBot, tab: MembersTab, name: str) -> None:
    row = [r.name for r in tab.model.rows()].index(name)
    rect = tab.table.visualRect(tab.model.index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = tab.current_row()
    assert current is not None
    assert current.name == name


def open_new(qtbot: QtBot, tab: MembersTab) -> MemberDialog:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.waitExposed(dialog)
    return dialog


def open_edit(qtbot: QtBot, tab: MembersTab, name: str) -> MemberDialog:
    click_row(qtbot, tab, name)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.waitExposed(dialog)
    return dialog


def click_ok(qtbot: QtBot, dialog: MemberDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0
    combo.setFocus()
    combo.setCurrentIndex(index)


def check(qtbot: QtBot, box: QWidget) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())


def is_marked(widget: QWidget) -> bool:
    return "#c0392b" in widget.styleSheet()
