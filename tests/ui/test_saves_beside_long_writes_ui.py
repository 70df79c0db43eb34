"""The member editor on one PC while another PC receives a package that changes the member
(one server database): OK waits a few seconds at most, then the dialog stays open with
what was typed and says that another computer is receiving a package, to save again in
a moment; saved again once it is done, the save goes in."""

from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pbc_desktop.db.engine import Database
from pbc_desktop.db.server import BESIDE_LONG_WRITE, LongWrite
from pbc_desktop.ui.members.tab import MembersTab
from tests.qt_helpers import type_text
from tests.ui.members_ui_helpers import (  # noqa: F401  (fixtures)
    boxes_fixture,
    click_ok,
    ids_fixture,
    open_edit,
    shown_dialog,
    stored,
    tab_fixture,
)


@pytest.mark.server_only("another PC's transaction holding the member")
def test_a_member_saved_while_a_package_changing_it_is_received_keeps_the_dialog(
    qtbot: QtBot, db: Database, tab: MembersTab, ids: dict[str, int]
) -> None:
    dialog = open_edit(qtbot, tab, "林丽")
    type_text(qtbot, dialog.ui.workUnitEdit, "陈店镇文光村村委会")
    typed = dialog.input()
    holder = create_engine(db.url, poolclass=NullPool)
    try:
        with holder.connect() as receiving:  # the other PC's receipt, holding the member
            receiving.execute(
                text("SELECT set_config('application_name', :name, true)"),
                {"name": str(LongWrite.RECEIVING)},
            )
            receiving.execute(
                text("SELECT id FROM party_member WHERE id = :id FOR UPDATE"),
                {"id": ids["林丽"]},
            )
            started = time.monotonic()
            click_ok(qtbot, dialog)
            assert time.monotonic() - started < BESIDE_LONG_WRITE + 3
            receiving.rollback()
    finally:
        holder.dispose()
    assert shown_dialog(tab) is dialog and dialog.isVisible()  # not closed
    assert "另一台电脑正在接收数据包" in dialog.error_text()
    assert "请稍等片刻再保存一次" in dialog.error_text()
    assert dialog.input() == typed  # every field as the clerk left it
    m = stored(db, "林丽")
    assert m is not None and m.work_unit is None  # nothing written

    click_ok(qtbot, dialog)  # the package done: saving again goes in
    assert shown_dialog(tab) is None
    m = stored(db, "林丽")
    assert m is not None and m.work_unit == "陈店镇文光村村委会"
