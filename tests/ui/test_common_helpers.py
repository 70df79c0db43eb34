"""The small helpers of ``ui/common`` that several windows share."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import checked_date, set_date, show_checked_date
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.menu_actions import MenuActions, MenuHost
from pbc_desktop.ui.common.views import close_buttons, close_without_enter, ok_cancel_buttons
from pbc_desktop.ui.common.worker import JobOutcome, succeeded


class Said:
    """Records what ``messages.show_user_error`` was asked to say, and over which window."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.errors: list[tuple[QWidget | None, str]] = []
        monkeypatch.setattr(messages, "show_user_error", self.record)

    def record(self, parent: QWidget | None, error: UserError) -> None:
        self.errors.append((parent, error.message))


class RecordDialog(QDialog):
    saved = Signal(int)


class Host(DialogHost, QWidget):
    pass


def refuse() -> RecordDialog:
    raise NotFoundError("这条记录已被删除。")


# -- dates ---------------------------------------------------------------------------------
def test_a_checked_date_counts_only_while_its_box_is_ticked_and_enabled(qtbot: QtBot) -> None:
    check, edit = QCheckBox(), QDateEdit()
    qtbot.addWidget(check)
    qtbot.addWidget(edit)
    set_date(edit, date(2026, 3, 8))
    assert checked_date(check, edit) is None
    check.setChecked(True)
    assert checked_date(check, edit) == date(2026, 3, 8)
    check.setEnabled(False)  # e.g. an end date on an organization that is not temporary
    assert checked_date(check, edit) is None


def test_showing_a_checked_date_ticks_and_fills_or_clears(qtbot: QtBot) -> None:
    check, edit = QCheckBox(), QDateEdit()
    qtbot.addWidget(check)
    qtbot.addWidget(edit)
    set_date(edit, date(2026, 12, 31))
    show_checked_date(check, edit, date(2026, 5, 4))
    assert check.isChecked() and edit.isEnabled()
    assert checked_date(check, edit) == date(2026, 5, 4)
    show_checked_date(check, edit, None)
    assert not check.isChecked() and not edit.isEnabled()
    assert checked_date(check, edit) is None
    assert edit.date().toPython() == date(2026, 5, 4)  # the field keeps its date


# -- buttons -------------------------------------------------------------------------------
def test_enter_does_not_press_close(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    close_without_enter(buttons, dialog)
    assert not close.autoDefault()
    dialog.show()
    close.click()
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    other = QDialog()
    qtbot.addWidget(other)
    close_without_enter(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, other), other)


def test_close_buttons_close_their_dialog(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = close_buttons(dialog)
    assert buttons.parent() is dialog
    assert buttons.standardButtons() == QDialogButtonBox.StandardButton.Close
    dialog.show()
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    close.click()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("pressed", "result"),
    [
        (QDialogButtonBox.StandardButton.Ok, QDialog.DialogCode.Accepted),
        (QDialogButtonBox.StandardButton.Cancel, QDialog.DialogCode.Rejected),
    ],
)
def test_ok_cancel_buttons_accept_or_reject_their_dialog(
    qtbot: QtBot, pressed: QDialogButtonBox.StandardButton, result: QDialog.DialogCode
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = ok_cancel_buttons(dialog)
    assert buttons.parent() is dialog
    dialog.show()
    button = buttons.button(pressed)
    assert button is not None
    button.click()
    assert not dialog.isVisible() and dialog.result() == result


# -- refusals ------------------------------------------------------------------------------
def test_guarded_says_why_a_write_was_refused(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = Said(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    done: list[int] = []
    assert messages.guarded(parent, lambda: done.append(1))
    assert done == [1] and said.errors == []

    def refused() -> None:
        raise UserError("该记录正被使用,不能删除。")

    assert not messages.guarded(parent, refused)
    assert said.errors == [(parent, "该记录正被使用,不能删除。")]


def test_guarded_lets_bugs_through(qtbot: QtBot) -> None:
    def bug() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        messages.guarded(None, bug)


# -- dialogs -------------------------------------------------------------------------------
def test_open_made_opens_the_dialog_and_passes_on_the_saved_id(qtbot: QtBot) -> None:
    host = Host()
    qtbot.addWidget(host)
    saved: list[int] = []
    dialog = host.open_made(lambda: RecordDialog(host), saved.append)
    assert dialog is not None and host.active_dialog is dialog and dialog.isVisible()
    dialog.saved.emit(7)
    assert saved == [7]
    dialog.reject()
    assert host.active_dialog is None


def test_open_made_says_why_a_dialog_cannot_open_and_calls_gone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = Said(monkeypatch)
    host = Host()
    qtbot.addWidget(host)
    reloaded: list[bool] = []
    assert host.open_made(refuse, gone=lambda: reloaded.append(True)) is None
    assert said.errors == [(host, "这条记录已被删除。")]
    assert reloaded == [True] and host.active_dialog is None


def test_open_made_on_a_server_that_does_not_answer_says_so_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is not gone: no reload of the list (refused too, it said the same
    sentence a second time, through the exception hook)."""
    from pbc_desktop.errors import ServerConnectionError

    said = Said(monkeypatch)
    host = Host()
    qtbot.addWidget(host)
    sentence = "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。"

    def unreachable() -> RecordDialog:
        raise ServerConnectionError(sentence)

    reloaded: list[bool] = []
    assert host.open_made(unreachable, gone=lambda: reloaded.append(True)) is None
    assert said.errors == [(host, sentence)]
    assert reloaded == [] and host.active_dialog is None


def test_a_host_that_is_no_widget_has_no_window_for_messages() -> None:
    class Plain(DialogHost, QObject):
        pass

    assert Plain().message_parent() is None


class Form(FormDialog):
    def __init__(self) -> None:
        super().__init__()
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(error := QLabel())
        layout.addWidget(self.box)
        self.init_form(error, buttons=self.box)
        self.answer: int | None = 5

    def save(self) -> int | None:
        return self.answer

    def press(self, which: QDialogButtonBox.StandardButton) -> None:
        button = self.box.button(which)
        assert button is not None
        button.click()


def test_a_form_s_ok_saves_and_its_cancel_closes(qtbot: QtBot) -> None:
    form = Form()
    qtbot.addWidget(form)
    form.answer = None  # e.g. a confirmation was declined: stays open
    form.show()
    form.press(QDialogButtonBox.StandardButton.Ok)
    assert form.isVisible() and form.saved_id is None
    form.answer = 5
    with qtbot.waitSignal(form.saved) as saved:
        form.press(QDialogButtonBox.StandardButton.Ok)
    assert saved.args == [5] and form.result() == QDialog.DialogCode.Accepted
    form.show()
    form.press(QDialogButtonBox.StandardButton.Cancel)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected


# -- menus ---------------------------------------------------------------------------------
class Menu(MenuActions[MenuHost]):
    def __init__(self, host: MenuHost, parent: QWidget) -> None:
        super().__init__(host, parent, "testMenu")
        self.menu.setTitle("测试")
        self.opened = 0
        self.entry = self.add_entry("testEntry", "打开(&O)...", self.count)

    def count(self) -> None:
        self.opened += 1


class Window:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx


def test_menu_entries_are_named_and_call_their_slot(qtbot: QtBot, db: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = Menu(Window(AppContext(db)), parent)
    assert menu.menu.objectName() == "testMenu" and menu.menu.title() == "测试"
    assert menu.menu.actions() == [menu.entry]
    assert menu.entry.objectName() == "testEntry" and menu.entry.parent() is parent
    menu.entry.trigger()
    assert menu.opened == 1


@pytest.mark.qt_log_ignore(r"does not support raise\(\)")  # offscreen cannot raise a window
def test_a_menu_opens_one_window_at_a_time_and_says_refusals_over_the_main_window(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = Said(monkeypatch)
    parent = QWidget()
    qtbot.addWidget(parent)
    ctx = AppContext(db)
    menu = Menu(Window(ctx), parent)
    built: list[AppContext] = []

    def build(context: AppContext, owner: QWidget) -> QDialog:
        built.append(context)
        return QDialog(owner)

    menu.open_window(build)
    first = menu.active_dialog
    assert first is not None and first.parent() is parent and built == [ctx]
    menu.open_window(build)  # already open: brought to the front, not built again
    assert menu.active_dialog is first and len(built) == 1
    first.reject()
    menu.open_window(lambda _ctx, _owner: refuse())
    assert said.errors == [(parent, "这条记录已被删除。")]
    assert menu.active_dialog is None


# -- background jobs -----------------------------------------------------------------------
def test_succeeded_by_default_shows_a_refusal_as_a_user_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said = Said(monkeypatch)
    assert succeeded(None, JobOutcome(result=1))
    assert not succeeded(None, JobOutcome(cancelled=True))
    assert not succeeded(None, JobOutcome(error=UserError("文件已损坏。")))
    assert said.errors == [(None, "文件已损坏。")]
    with pytest.raises(OSError, match="disk"):
        succeeded(None, JobOutcome(error=OSError("disk")))


def test_succeeded_with_a_title_stopped_and_refused_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "warning", lambda _p, title, text: warnings.append((title, text)))

    class StoppedError(UserError):
        pass

    def check(error: BaseException) -> bool:
        outcome: JobOutcome[int] = JobOutcome(error=error)
        return succeeded(
            None, outcome, title="不能保存", refused=(UserError, OSError), stopped=(StoppedError,)
        )

    assert not check(StoppedError("已取消"))
    assert warnings == []
    assert not check(UserError("名称不能为空。"))
    assert not check(OSError("磁盘已满"))
    assert warnings == [("不能保存", "名称不能为空。"), ("不能保存", "磁盘已满")]
    with pytest.raises(ValueError, match="bug"):
        check(ValueError("bug"))
