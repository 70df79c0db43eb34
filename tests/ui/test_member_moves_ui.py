"""The member editor asks, when a member on the roll is given another organization,
whether they moved (组织关系转接: 转出 and 转入 recorded) or the old one was entered by
mistake (更正录入错误); cancelled, nothing is saved and the form stays open."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MemberChange, PartyMember
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.services import member_editing
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import TransferInput, issue_transfer
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.members.dialog import MemberDialog
from tests.factories import complete_fields, make_org
from tests.qt_helpers import Boxes, stub_boxes, type_text

pytestmark = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)

#: the question as a clerk sees it (the widget tests stub it, see ``stub_boxes``)
REAL_CHOOSE = messages.choose

OLD, NEW = "文光村党支部", "东山社区党支部"


@pytest.fixture
def member(db: Database) -> int:
    old = make_org(db, OLD)
    make_org(db, NEW)
    return member_editing.create_member(
        db, member_editing.MemberInput(name="林丽", organization_id=old, **complete_fields())
    )


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def dialog(qtbot: QtBot, db: Database, member: int) -> Iterator[MemberDialog]:
    opened = MemberDialog(AppContext(db), member)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.reject()


def _choose_new(qtbot: QtBot, dialog: MemberDialog) -> None:
    dialog.ui.organizationCombo.setEditText("")
    type_text(qtbot, dialog.ui.organizationCombo, NEW)


def _ok(qtbot: QtBot, dialog: MemberDialog) -> None:
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _stored(db: Database, member: int) -> tuple[str, list[MemberChangeKind]]:
    with db.read() as s:
        row = s.get(PartyMember, member)
        assert row is not None
        kinds = list(
            s.scalars(
                select(MemberChange.kind)
                .where(MemberChange.member_id == member)
                .order_by(MemberChange.id)
            )
        )
        return row.organization.name, kinds


def test_a_move_asks_and_a_transfer_is_recorded(
    qtbot: QtBot, db: Database, member: int, boxes: Boxes, dialog: MemberDialog
) -> None:
    _choose_new(qtbot, dialog)
    _ok(qtbot, dialog)
    assert boxes.shown == [
        f"The organization of 林丽 is changed from “{OLD}” to “{NEW}”. Did the member "
        "move to the new organization, or was the old one entered by mistake?"
    ]
    assert not dialog.isVisible()
    transfer = [MemberChangeKind.TRANSFERRED_OUT, MemberChangeKind.TRANSFERRED_IN]
    assert _stored(db, member) == (NEW, transfer)


def test_a_correction_records_no_change_and_cancel_saves_nothing(
    qtbot: QtBot, db: Database, member: int, boxes: Boxes, dialog: MemberDialog
) -> None:
    boxes.choice = None  # 取消: the form stays open, nothing saved
    _choose_new(qtbot, dialog)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error_text() == ""
    assert _stored(db, member) == (OLD, [])
    boxes.choice = 1  # 录入错误（更正）
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert _stored(db, member) == (NEW, [])
    assert len(boxes.shown) == 2


def test_no_question_without_a_move_nor_for_a_member_off_the_roll(
    qtbot: QtBot, db: Database, member: int, boxes: Boxes
) -> None:
    opened = MemberDialog(AppContext(db), member)
    qtbot.addWidget(opened)
    type_text(qtbot, opened.ui.workUnitEdit, "文光村村委会")
    _ok(qtbot, opened)
    assert boxes.shown == [] and not opened.isVisible()
    leave_member(db, member, LeavingInput(MemberChangeKind.DECEASED, date(2024, 3, 1)))
    gone = MemberDialog(AppContext(db), member)
    qtbot.addWidget(gone)
    _choose_new(qtbot, gone)
    _ok(qtbot, gone)  # a member off the roll moves nowhere: the record is corrected
    assert boxes.shown == [] and not gone.isVisible()
    assert _stored(db, member) == (NEW, [MemberChangeKind.DECEASED])


def test_a_member_with_a_letter_waiting_is_refused_without_the_question(
    qtbot: QtBot, db: Database, member: int, boxes: Boxes
) -> None:
    """A letter of transfer waiting refuses a move either way: the clerk was asked whether
    the member moved or was entered wrong, only to be told neither can be saved."""
    letter_to = make_org(db, "第三党支部")
    issue_transfer(db, member, TransferInput(to_organization_id=letter_to, issued_on=date.today()))
    opened = MemberDialog(AppContext(db), member)
    qtbot.addWidget(opened)
    opened.show()
    _choose_new(qtbot, opened)
    _ok(qtbot, opened)
    assert boxes.shown == []
    assert opened.isVisible()
    assert opened.error_text() == "党员林丽有待接收的组织关系介绍信，请先撤回介绍信或等待对方接收。"
    assert _stored(db, member) == (OLD, [])


@pytest.mark.usefixtures("boxes", "chinese")
def test_the_question_in_chinese(
    qtbot: QtBot, db: Database, member: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real question box: its sentence, its two answers and 取消; 更正 clicked."""
    monkeypatch.setattr(messages, "choose", REAL_CHOOSE)
    opened = MemberDialog(AppContext(db), member)
    qtbot.addWidget(opened)
    opened.show()
    _choose_new(qtbot, opened)
    seen: dict[str, object] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen["title"] = box.windowTitle()
        seen["text"] = box.text()
        seen["detail"] = box.informativeText()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        default = box.defaultButton()
        seen["default"] = default.text() if default is not None else None
        (correct,) = [b for b in box.buttons() if b.text() == "录入错误（更正）"]
        correct.click()

    QTimer.singleShot(0, answer)
    _ok(qtbot, opened)
    assert seen == {
        "title": "变更所在党组织",
        "text": f"党员林丽的所在党组织由“{OLD}”改为“{NEW}”。"
        "这是党员调到了新的党组织，还是原来的党组织录入错了？",
        "detail": f"组织关系转接按今天的日期记入党内统计：“{OLD}”转出、“{NEW}”转入，"
        f"并列入该党员的增减记录。只有党员从未在“{OLD}”时才选择更正录入错误，不记转接。",
        "buttons": sorted(["党员调动（组织关系转接）", "录入错误（更正）", "取消"]),
        "default": "党员调动（组织关系转接）",
    }
    assert not opened.isVisible()
    assert _stored(db, member) == (NEW, [])
