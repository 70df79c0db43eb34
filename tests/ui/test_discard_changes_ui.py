"""Esc, 取消 and the title bar's × on a record form: a changed form asks before its input
is dropped, an unchanged one closes at once, the program's own ``reject()`` never asks."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
)
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.services.activities import editing as activities
from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog
from pbc_desktop.ui.activities.dialog import ActivityDialog
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.form_values import not_entered
from pbc_desktop.ui.common.messages import discard_changes as real_discard_changes
from pbc_desktop.ui.organizations.dialog import OrganizationDialog
from tests.factories import make_community, make_orgs
from tests.qt_helpers import DiscardQuestion, type_text


class Form(FormDialog):
    """A name field, a list whose rows count and a search line that does not."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("新建记录")
        layout = QVBoxLayout(self)
        layout.addWidget(error := QLabel())
        self.name = QLineEdit(self)
        self.search = QLineEdit(self)
        self.rows = QListWidget(self)
        self.rows.addItem("甲")
        not_entered(self.search)
        for widget in (self.name, self.search, self.rows):
            layout.addWidget(widget)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout.addWidget(self.box)
        self.init_form(error, buttons=self.box)

    def save(self) -> int | None:
        return 1

    def cancel_button(self) -> None:
        button = self.box.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        button.click()


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    dialog = Form()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


class TitleBarClose(QCloseEvent):
    """The close event the window's × brings: from the window system, "spontaneous"
    (which no close by the program is, and which Python cannot mark an event itself)."""

    def spontaneous(self) -> bool:
        return True


def close_from_title_bar(dialog: QDialog) -> None:
    QApplication.sendEvent(dialog, TitleBarClose())


def test_an_unchanged_form_closes_at_once(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion
) -> None:
    type_text(qtbot, form.search, "陈")  # looking for something changes nothing
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    form.show()
    form.cancel_button()
    assert not form.isVisible()
    form.show()
    close_from_title_bar(form)
    assert not form.isVisible()
    assert discard_question.asked == []


def test_esc_on_a_changed_form_asks_and_keeps_editing(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion
) -> None:
    type_text(qtbot, form.name, "陈伟")
    discard_question.answer = False  # 继续编辑
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert discard_question.asked == [form]
    assert form.isVisible() and form.name.text() == "陈伟"
    discard_question.answer = True  # 放弃修改
    qtbot.keyClick(form.name, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    assert form.saved_id is None


@pytest.mark.parametrize("how", ["cancel", "title bar"])
def test_cancel_and_the_title_bar_ask_too(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion, how: str
) -> None:
    form.rows.item(0).setText("乙")  # a row of a list changed
    discard_question.answer = False
    close = form.cancel_button if how == "cancel" else lambda: close_from_title_bar(form)
    close()
    assert form.isVisible() and len(discard_question.asked) == 1
    discard_question.answer = True
    close()
    assert not form.isVisible() and len(discard_question.asked) == 2


def test_a_change_undone_is_no_change(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion
) -> None:
    type_text(qtbot, form.name, "陈")
    form.name.clear()
    form.cancel_button()
    assert not form.isVisible() and discard_question.asked == []


def test_the_program_closing_a_changed_form_is_not_asked(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion
) -> None:
    """reject() and close() (another user signing in closes the dialogs after asking once
    for all of them) stay silent."""
    type_text(qtbot, form.name, "陈伟")
    form.reject()
    assert not form.isVisible()
    form.show()
    type_text(qtbot, form.name, "陈丽")
    form.close()
    assert not form.isVisible() and discard_question.asked == []


def test_shown_again_it_compares_with_what_it_then_held(
    qtbot: QtBot, form: Form, discard_question: DiscardQuestion
) -> None:
    type_text(qtbot, form.name, "陈伟")
    form.accept()  # saved
    assert not form.isVisible()
    form.show()
    form.cancel_button()
    assert not form.isVisible() and discard_question.asked == []


def test_the_question_and_its_buttons(qtbot: QtBot, form: Form, chinese: object) -> None:
    """放弃所做的修改？ with 放弃修改 and 继续编辑, the latter the default (a stray Enter
    keeps the input)."""
    seen: list[tuple[str, str, list[str], str]] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append(
            (box.windowTitle(), box.text(), [b.text() for b in box.buttons()], default.text())
        )
        chosen = next(b for b in box.buttons() if b.text() == button_text)
        chosen.click()

    QTimer.singleShot(0, lambda: answer("继续编辑"))
    assert real_discard_changes(form) is False
    QTimer.singleShot(0, lambda: answer("放弃修改"))
    assert real_discard_changes(form) is True
    title, text, buttons, default = seen[0]
    assert (title, text, default) == ("新建记录", "放弃所做的修改？", "继续编辑")
    assert sorted(buttons) == sorted(["放弃修改", "继续编辑"])


def test_a_record_dialog_asks_before_dropping_what_was_typed(
    qtbot: QtBot, db: Database, discard_question: DiscardQuestion
) -> None:
    """The organization form, whose Cancel the .ui file wired to reject() before."""
    dialog = OrganizationDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.nameEdit, "新村党支部")
    discard_question.answer = False
    cancel = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and discard_question.asked == [dialog]
    assert dialog.ui.nameEdit.text() == "新村党支部"


def test_the_agenda_shown_item_by_item_counts_by_its_drafts(
    qtbot: QtBot, db: Database, discard_question: DiscardQuestion
) -> None:
    """Turning to another agenda item refills its editors (no change); typing in them is
    one, and so is a search for members only when one is added."""
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    activity = activities.create_activity(
        db,
        activities.ActivityInput(
            community_id=make_community(db, "甲乙党建共同体", [a, b]),
            kind=ActivityKind.JOINT_MEETING,
            title="联席会议",
            starts_at=datetime(2026, 4, 1, 9),
            agenda=(
                activities.AgendaInput("议题一", "讨论甲"),
                activities.AgendaInput("议题二", "讨论乙"),
            ),
        ),
    )
    dialog = ActivityDialog(AppContext(db), activity)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    ui.tabs.setCurrentWidget(ui.agendaPage)
    ui.agendaList.setCurrentRow(1)
    assert ui.discussionEdit.toPlainText() == "讨论乙"
    ui.tabs.setCurrentWidget(ui.peoplePage)
    type_text(qtbot, ui.memberSearchEdit, "陈")
    assert not dialog.changed()
    ui.tabs.setCurrentWidget(ui.agendaPage)
    ui.agendaList.setCurrentRow(0)
    type_text(qtbot, ui.discussionEdit, "，补充")
    ui.agendaList.setCurrentRow(1)  # the change is in the first item's draft
    assert dialog.changed()
    discard_question.answer = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and discard_question.asked == [dialog]
    assert activities.get_activity_edit(db, activity).agenda[0].discussion == "讨论甲"


def test_signing_in_is_not_asked(
    qtbot: QtBot, db: Database, discard_question: DiscardQuestion
) -> None:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.ui.usernameEdit, "admin")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and discard_question.asked == []
