"""Start-up plumbing: single instance, the crash hook, background jobs."""

from __future__ import annotations

import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from pbc_desktop.errors import DatabaseError, ServerConnectionError, UserError
from pbc_desktop.logging_setup import log_file, setup_logging
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.single_instance import InstanceServer, activate_running, server_name
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.worker import run_with_progress
from pbc_desktop.ui.shell import crash


def test_server_name_is_per_database(tmp_path: Path) -> None:
    a = server_name(str(tmp_path / "a.sqlite"))
    assert a == server_name(str(tmp_path / "." / "a.sqlite"))
    assert a != server_name(str(tmp_path / "b.sqlite"))


def test_second_start_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = server_name(str(tmp_path / f"single-{id(qtbot)}.sqlite"))
    assert not activate_running(name, timeout_ms=100)
    server = InstanceServer(name)
    assert server.listening
    with qtbot.waitSignal(server.activated, timeout=3000):
        assert activate_running(name)
    server.close()


def test_bug_reaches_the_crash_dialog_and_the_log(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_logging()
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        copy = next(b for b in box.buttons() if "Copy" in b.text() or "复制" in b.text())
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    try:
        raise ZeroDivisionError("boom in a slot")
    except ZeroDivisionError:
        crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert (shown and "Sorry" in shown[0]) or "抱歉" in shown[0]
    assert "ZeroDivisionError: boom in a slot" in QApplication.clipboard().text()
    assert "boom in a slot" in log_file().read_text(encoding="utf-8")


def test_the_log_follows_the_data_folder(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = setup_logging()
    assert first.parent == data_dir / "logs"
    moved = tmp_path / "elsewhere"
    monkeypatch.setenv("PBC_DATA_DIR", str(moved))
    assert setup_logging() == moved / "logs" / "pbc-desktop.log"
    logging.getLogger("pbc_desktop.test").warning("written after the move")
    assert "after the move" in log_file().read_text(encoding="utf-8")
    assert "after the move" not in first.read_text(encoding="utf-8")
    files = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(files) == 1


def test_user_error_reaching_the_hook_is_a_plain_message(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: seen.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: pytest.fail("no crash dialog"))
    try:
        raise UserError("磁盘已满,无法保存。")
    except UserError:
        crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert seen == ["磁盘已满,无法保存。"]


def test_a_refusal_raised_by_two_slots_of_one_click_is_said_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A row clicked while the server does not answer: its detail and its buttons' rule
    each ask and are refused alike; one message, not the same one twice. The same
    refusal of a later action is said again."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "warning", lambda _p, _t, text: seen.append(text))
    clock = [1000.0]
    monkeypatch.setattr(crash.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(crash, "_last_said", ["", -crash.SAID_AGAIN_S])
    sentence = "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。"

    def refused() -> None:
        try:
            raise ServerConnectionError(sentence)
        except ServerConnectionError:
            crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]

    refused()
    refused()
    assert seen == [sentence]
    clock[0] += 5  # the next click
    refused()
    assert seen == [sentence, sentence]


def test_a_refusal_met_again_while_its_message_is_open_is_not_stacked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The USB stick holding the database pulled out: the listing, scrolled or repainted
    from the message's own event loop, is refused again and again; one message."""
    seen: list[str] = []
    monkeypatch.setattr(crash, "_last_said", ["", -crash.SAID_AGAIN_S])
    sentence = "无法读取数据库文件“E:/pbc.sqlite”：存放它的 U 盘或磁盘可能已被拔出或出了故障。"

    def refused() -> None:
        try:
            raise DatabaseError(sentence)
        except DatabaseError:
            crash.handle_exception(*sys.exc_info())  # type: ignore[arg-type]

    def shown(_parent: object, _title: str, text: str) -> None:
        seen.append(text)
        if len(seen) < 5:
            refused()  # a repaint while the message is open

    monkeypatch.setattr(messages, "warning", shown)
    refused()
    assert seen == [sentence]


def test_background_job_reports_progress_and_result(qtbot: QtBot) -> None:
    threads: list[int] = []

    def job(progress: ProgressFn, should_cancel: CancelFn) -> int:
        threads.append(threading.get_ident())
        for i in range(5):
            progress(i * 20, f"step {i}")
        return 42

    outcome = run_with_progress(None, "working", job)
    assert outcome.result == 42
    assert outcome.error is None and not outcome.cancelled
    assert threads and threads[0] != threading.get_ident()


def test_background_job_can_be_cancelled(qtbot: QtBot) -> None:
    started = threading.Event()
    shown: list[bool] = []

    def job(progress: ProgressFn, should_cancel: CancelFn) -> str:
        started.set()
        for _ in range(500):
            if should_cancel():
                break
            threading.Event().wait(0.01)
        return "stopped"

    def press_cancel() -> None:
        started.wait(2)
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        shown.extend(d.isVisible() for d in dialogs)
        for dialog in dialogs:
            dialog.findChild(QPushButton).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(500, press_cancel)
    outcome = run_with_progress(None, "working", job)
    assert shown == [True]
    assert outcome.cancelled
    assert outcome.result == "stopped"


def test_background_job_error_is_returned_not_raised(qtbot: QtBot) -> None:
    def job(progress: ProgressFn, should_cancel: CancelFn) -> None:
        raise UserError("文件已损坏")

    outcome = run_with_progress(None, "working", job)
    assert isinstance(outcome.error, UserError)
