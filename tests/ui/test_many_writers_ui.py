"""Many writers at once, as the clerk sees it: a save over someone else's change keeps the
dialog open with the input as typed, and a listing shows others' new records by itself."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import User
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.services import member_editing
from pbc_desktop.services.accounts.users import actor_of
from pbc_desktop.ui.common.change_watch import ChangeWatch
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.dialog import MemberDialog
from pbc_desktop.ui.members.tab import MembersTab
from tests.conftest import add_account
from tests.factories import complete_fields, make_member, make_org
from tests.qt_helpers import stub_boxes, type_text

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


@pytest.fixture
def other_pc(db: Database) -> Iterator[Database]:
    """Another client of the same database (its own connections), signed in as 张三."""
    add_account(db, "zhangsan", UserRole.DISTRICT, name="张三", unit="区委组织部")
    with db.read() as s:
        user = s.scalars(select(User).where(User.username == "zhangsan")).one()
    other = Database(db.url, user=actor_of(user))
    yield other
    other.dispose()


@pytest.fixture
def tab(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[MembersTab]:
    stub_boxes(monkeypatch)
    organization = make_org(db, "文光村党支部", town="陈店镇")
    for name in ("陈伟", "林丽", "黄强"):
        make_member(db, name, organization, complete=True)
    widget = MembersTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    if widget.active_dialog is not None:
        widget.active_dialog.reject()


def _select(tab: MembersTab, name: str) -> None:
    assert tab.select_id(next(r.id for r in tab.model.rows() if r.name == name))


def _edit(qtbot: QtBot, tab: MembersTab, name: str) -> MemberDialog:
    _select(tab, name)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.active_dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot: QtBot, dialog: MemberDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_save_over_another_clerks_change_keeps_the_dialog_and_the_input(
    qtbot: QtBot, db: Database, tab: MembersTab, other_pc: Database
) -> None:
    dialog = _edit(qtbot, tab, "林丽")
    member_id = dialog.member_id
    assert member_id is not None
    # meanwhile 张三, on another PC, saves the same member
    theirs = member_editing.get_member_input(other_pc, member_id)
    member_editing.update_member(other_pc, member_id, replace(theirs, party_post="组织委员"))

    dialog.ui.workUnitEdit.clear()
    type_text(qtbot, dialog.ui.workUnitEdit, "陈店镇文光村村委会")
    typed = dialog.input()
    _ok(qtbot, dialog)

    assert tab.active_dialog is dialog and dialog.isVisible()  # not closed
    assert "该记录已被 张三 于 " in dialog.error_text()
    assert "请关闭后重新打开再保存" in dialog.error_text()
    assert dialog.input() == typed  # every field as the clerk left it
    stored = member_editing.get_member_input(db, member_id)
    assert (stored.party_post, stored.work_unit) == ("组织委员", theirs.work_unit)

    # closed and opened again, the clerk's change goes in over 张三's, which stays
    dialog.reject()
    again = _edit(qtbot, tab, "林丽")
    again.ui.workUnitEdit.clear()
    type_text(qtbot, again.ui.workUnitEdit, "陈店镇文光村村委会")
    _ok(qtbot, again)
    assert not again.isVisible()
    stored = member_editing.get_member_input(db, member_id)
    assert (stored.party_post, stored.work_unit) == ("组织委员", "陈店镇文光村村委会")


def test_the_listing_shows_another_clients_new_member_and_keeps_the_selection(
    qtbot: QtBot, db: Database, tab: MembersTab, other_pc: Database
) -> None:
    watch = ChangeWatch(tab.ctx, tab, interval_ms=50)
    watch.everywhere = True  # SQLite too: two connections stand for two PCs
    watch.changed.connect(tab.follow_changes)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    _select(tab, "黄强")
    qtbot.wait(150)  # the watch has had its first look
    organization = next(iter({r.organization_id for r in tab.model.rows()}))
    member_editing.create_member(
        other_pc, MemberInput(name="王新", organization_id=organization, **complete_fields())
    )
    qtbot.waitUntil(lambda: "王新" in [r.name for r in tab.model.rows()], timeout=5000)
    current = tab.current_row()
    assert current is not None and current.name == "黄强"


def test_nothing_is_asked_on_sqlite_or_while_another_window_is_active(
    qtbot: QtBot, db: Database, tab: MembersTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Database] = []
    monkeypatch.setattr("pbc_desktop.services.changes.last_change", lambda d: asked.append(d) or 0)
    watch = ChangeWatch(tab.ctx, tab, interval_ms=60_000)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    watch.look()
    assert asked == ([] if db.is_sqlite else [db])
    watch.everywhere = True
    monkeypatch.setattr(tab, "isActiveWindow", lambda: False)
    watch.look()
    assert len(asked) == (0 if db.is_sqlite else 1)
