"""文件 → 连接到服务器…: typed as a clerk types it, the password kept only in the (fake)
password store, recent connections without passwords, refusals in one sentence with the
dialog and its input kept; and the status bar's watch on the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pbc_desktop import credentials
from pbc_desktop.db.engine import Database
from pbc_desktop.db.server import ServerAddress
from pbc_desktop.errors import ServerConnectionError, ServerUpgradeNeededError
from pbc_desktop.paths import settings_file
from pbc_desktop.services import changes
from pbc_desktop.ui.shell import connect_dialog
from pbc_desktop.ui.shell.connect_dialog import ConnectDialog, recent_connections
from pbc_desktop.ui.shell.main_window import MainWindow
from pbc_desktop.ui.shell.server_watch import ServerWatch
from tests.qt_helpers import sign_ins_as_tester, stub_boxes, type_text

SECRET = "Office-pass-7"


class FakeStore(KeyringBackend):
    """A password store in memory, as Windows Credential Manager would keep them."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def store() -> Any:
    previous = keyring.get_keyring()
    fake = FakeStore()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(previous)


@pytest.fixture
def no_store() -> Any:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class Connections:
    """Stands in for the server: records what it was asked, refuses when told to."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str | None]] = []
        self.refusals: list[Exception] = []

    def __call__(self, url: str, password: str | None) -> Any:
        self.asked.append((url, password))
        if self.refusals:
            raise self.refusals.pop(0)
        return object()  # the caller only hands it on


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Connections:
    fake = Connections()
    monkeypatch.setattr(connect_dialog, "connect", fake)
    return fake


def fill(qtbot: QtBot, dialog: ConnectDialog, *, password: str = SECRET) -> None:
    type_text(qtbot, dialog.ui.hostEdit, "10.38.1.5")
    dialog.ui.portSpin.setValue(5433)
    dialog.ui.databaseEdit.clear()
    type_text(qtbot, dialog.ui.databaseEdit, "pbc")
    type_text(qtbot, dialog.ui.accountEdit, "pbc_chengtian")
    type_text(qtbot, dialog.ui.passwordEdit, password)


def test_connecting_remembers_the_password_only_in_the_store(
    qtbot: QtBot, store: FakeStore, server: Connections
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert dialog.ui.rememberCheck.isEnabled()
    fill(qtbot, dialog)
    dialog.ui.rememberCheck.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.db is not None
    assert server.asked == [("postgresql+psycopg://pbc_chengtian@10.38.1.5:5433/pbc", SECRET)]
    key = "pbc_chengtian@10.38.1.5:5433/pbc"
    assert store.kept == {(credentials.SERVICE, key): SECRET}
    assert recent_connections() == [ServerAddress("10.38.1.5", 5433, "pbc", "pbc_chengtian")]
    assert SECRET not in Path(settings_file()).read_text(encoding="utf-8")

    again = ConnectDialog()  # the next time: the last server, its password filled in
    qtbot.addWidget(again)
    assert again.ui.recentCombo.currentIndex() == 1
    assert again.ui.hostEdit.text() == "10.38.1.5" and again.ui.portSpin.value() == 5433
    assert again.ui.accountEdit.text() == "pbc_chengtian"
    assert again.ui.passwordEdit.text() == SECRET and again.ui.rememberCheck.isChecked()

    again.ui.rememberCheck.setChecked(False)  # 记住密码 unticked: forgotten
    again.accept()
    assert store.kept == {}


def test_a_refusal_is_one_sentence_and_the_dialog_keeps_the_input(
    qtbot: QtBot, store: FakeStore, server: Connections
) -> None:
    sentence = "服务器 10.38.1.5:5433 没有接受账号“pbc_chengtian”的密码:请检查账号和密码。"
    server.refusals.append(ServerConnectionError(sentence))
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, password="wrong")
    dialog.ui.rememberCheck.setChecked(True)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.db is None
    assert dialog.error_text() == sentence
    assert dialog.ui.hostEdit.text() == "10.38.1.5"
    assert dialog.ui.accountEdit.text() == "pbc_chengtian"
    assert store.kept == {}  # a refused password is not remembered
    assert recent_connections() == []

    dialog.ui.passwordEdit.clear()
    type_text(qtbot, dialog.ui.passwordEdit, SECRET)
    dialog.accept()  # typed again: connected
    assert dialog.db is not None and server.asked[-1][1] == SECRET


def test_missing_fields_are_named_at_once(
    qtbot: QtBot, store: FakeStore, server: Connections
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.ui.databaseEdit.clear()
    dialog.accept()
    assert server.asked == []
    text = dialog.error_text()
    assert all(word in text for word in ("server", "database", "account")) or all(
        word in text for word in ("服务器", "数据库", "账号")
    )


def test_without_a_password_store_the_password_is_asked_each_time(
    qtbot: QtBot, no_store: None, server: Connections
) -> None:
    assert not credentials.available()
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ui.rememberCheck.isEnabled()
    assert dialog.ui.rememberCheck.toolTip()
    fill(qtbot, dialog)
    dialog.accept()
    assert dialog.db is not None
    again = ConnectDialog()
    qtbot.addWidget(again)
    assert again.ui.hostEdit.text() == "10.38.1.5" and again.ui.passwordEdit.text() == ""


def test_a_schema_of_another_version_is_a_message_box(
    qtbot: QtBot, store: FakeStore, server: Connections, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = stub_boxes(monkeypatch)
    sentence = "服务器上的数据库版本比本程序旧,需要先升级:请管理员运行 pbc server upgrade。"
    server.refusals.append(ServerUpgradeNeededError(sentence))
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    fill(qtbot, dialog)
    dialog.accept()
    assert boxes.shown == [sentence]
    assert dialog.db is None and dialog.result() != QDialog.DialogCode.Accepted


def test_connect_at_start_uses_the_remembered_password_and_asks_when_refused(
    qtbot: QtBot, store: FakeStore, server: Connections, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "postgresql+psycopg://pbc_chengtian@10.38.1.5:5433/pbc"
    credentials.save_password("pbc_chengtian@10.38.1.5:5433/pbc", SECRET)
    assert connect_dialog.connect_at_start(url) is not None
    assert server.asked == [(url, SECRET)]

    shown: list[ConnectDialog] = []

    def answer(dialog: ConnectDialog) -> QDialog.DialogCode:
        shown.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ConnectDialog, "exec", answer)
    server.refusals.append(ServerConnectionError("连接不上服务器 10.38.1.5:5433。"))
    # a password typed into the URL is used, and never kept in it
    assert connect_dialog.connect_at_start(url.replace("@", ":typed-pw@")) is None
    assert server.asked[-1] == (url, "typed-pw")
    (dialog,) = shown
    assert dialog.error_text() == "连接不上服务器 10.38.1.5:5433。"
    assert dialog.ui.accountEdit.text() == "pbc_chengtian"


def test_the_file_menu_connects_and_signs_in(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """文件 → 连接到服务器… switches the window to the database the dialog opened."""
    sign_ins_as_tester(monkeypatch)
    other = connect_dialog.open_database(db.url, actor="system")  # stands in for a server

    def connected(dialog: ConnectDialog) -> QDialog.DialogCode:
        dialog.db = other
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", connected)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.action_connect.text().replace("&", "") in {
        "Connect to server...",
        "连接到服务器(S)…",
    }
    window.action_connect.trigger()
    try:
        assert window.current_db() is other
        assert window.current_db().user.username == "tester"
    finally:
        other.dispose()


def test_the_status_bar_says_when_the_server_stops_answering(qtbot: QtBot, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.server_watch is None or not db.is_sqlite  # a file is never watched
    answers: list[str | None] = [
        "与服务器 10.38.1.5:5433 的连接中断了：请检查网络，连接恢复后再试。"
    ]
    watch = ServerWatch(lambda: answers[0], window.statusBar(), interval_ms=50)
    with qtbot.waitSignal(watch.lost, timeout=3000):
        pass
    assert watch.banner.isVisible() or not window.isVisible()
    assert "server" in watch.banner.text() or "服务器" in watch.banner.text()
    assert watch.banner.toolTip() == answers[0]
    answers[0] = None
    with qtbot.waitSignal(watch.back, timeout=3000):
        pass
    assert watch.banner.isHidden()
    watch.stop()


@pytest.mark.server_only("the window watches a server's database only")
def test_no_look_for_others_changes_while_the_server_does_not_answer(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each look on a server that does not answer would hold the window for the
    connection's time limit (5 s every 3 s on a network that drops packets): none is taken
    until the server answers again; then the tab in view shows what changed meanwhile."""
    answers: list[str | None] = ["连接不上服务器 10.38.1.5:5432：请检查网络。"]
    monkeypatch.setattr(
        "pbc_desktop.ui.shell.main_window.ServerWatch",
        lambda _ping, bar: ServerWatch(lambda: answers[0], bar, interval_ms=50),
    )
    followed: list[bool] = []
    monkeypatch.setattr(MainWindow, "follow_changes", lambda _self: followed.append(True))
    looks: list[Database] = []
    monkeypatch.setattr(changes, "look", lambda d, **_k: looks.append(d) or changes.Look(0, None))
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.server_watch is not None
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.server_watch.lost, timeout=3000):
        pass
    window.change_watch.look()
    assert looks == [] and followed == []
    assert not db.reachable  # a click reading or saving meanwhile is refused at once
    answers[0] = None
    with qtbot.waitSignal(window.server_watch.back, timeout=3000):
        pass
    assert followed == [True]
    assert db.reachable
    window.change_watch.look()
    assert looks == [db]
    window.server_watch.stop()
    window.server_watch = None


def test_connect_at_start_says_an_older_schema_in_a_message_box(
    qtbot: QtBot, store: FakeStore, server: Connections, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes = stub_boxes(monkeypatch)
    sentence = "服务器上的数据库版本比本程序旧,需要先升级:请管理员运行 pbc server upgrade。"
    server.refusals.append(ServerUpgradeNeededError(sentence))
    assert connect_dialog.connect_at_start("postgresql+psycopg://pbc_app@10.38.1.5/pbc") is None
    assert boxes.shown == [sentence]


def test_the_watches_follow_the_database_the_window_switched_to(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After 文件 → 连接到服务器… (or 打开) the window looks for others' changes in the
    database it now shows: not in the one it left (closed, perhaps on a server that no
    longer answers: each look there would hold the window), and never refuses the new
    one's reads for the old one's silence."""
    sign_ins_as_tester(monkeypatch)
    looks: list[Database] = []
    monkeypatch.setattr(changes, "look", lambda d, **_k: looks.append(d) or changes.Look(0, None))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.change_watch.everywhere = True  # on SQLite too
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    db.server_answers("连接不上服务器 10.38.1.5:5432：请检查网络。")  # the server left behind
    other = connect_dialog.open_database(db.url, actor="system")  # stands in for a server

    _connect_through_the_menu(window, other, monkeypatch)
    try:
        assert window.current_db() is other and other.reachable
        window.change_watch.look()
        assert looks == [other]
    finally:
        other.dispose()


@pytest.mark.server_only("the window watches a server's database only")
def test_a_server_connected_to_while_the_old_one_does_not_answer_starts_answering(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """文件 → 连接到服务器… away from a server that stopped answering: the new server's
    database is read at once (its own watch), whatever the old one's watch still says."""
    sign_ins_as_tester(monkeypatch)
    silent: set[Database] = {db}  # the servers that do not answer
    watched: list[Database] = []

    def watch(ping: Any, bar: Any) -> ServerWatch:
        server = ping.__self__
        watched.append(server)
        return ServerWatch(
            lambda: "连接不上服务器 10.38.1.5:5432：请检查网络。" if server in silent else None,
            bar,
            interval_ms=50,
        )

    monkeypatch.setattr("pbc_desktop.ui.shell.main_window.ServerWatch", watch)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.server_watch is not None
    with qtbot.waitSignal(window.server_watch.lost, timeout=3000):
        pass
    assert not db.reachable
    other = connect_dialog.open_database(db.url, actor="system")  # stands in for a server

    _connect_through_the_menu(window, other, monkeypatch)
    try:
        assert window.current_db() is other and watched == [db, other]
        qtbot.wait(300)  # a few answers of the new watch
        assert other.reachable and window.server_watch.reason is None
        assert not window.server_watch.banner.isVisible()
        window.follow_changes()  # the tab in view reads the new server's database
    finally:
        window.server_watch.stop()
        window.server_watch = None
        other.dispose()


def test_the_watch_says_again_when_the_server_stops_answering_for_another_reason(
    qtbot: QtBot, db: Database
) -> None:
    """The network back, the server refusing the password now: the tooltip and the
    database's refusals both change to the new reason."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    unreachable = (
        "连接不上服务器 10.38.1.5:5432：请检查网络、服务器地址和端口，以及服务器是否已开机。"
    )
    refused = "服务器 10.38.1.5:5432 没有接受账号“pbc_chengtian”的密码：请检查账号和密码。"
    answers: list[str | None] = [unreachable]
    watch = ServerWatch(lambda: answers[0], window.statusBar(), interval_ms=50)
    watch.lost.connect(db.server_answers)
    watch.back.connect(lambda: db.server_answers(None))
    with qtbot.waitSignal(watch.lost, timeout=3000):
        pass
    assert db.unreachable_because == unreachable
    answers[0] = refused
    with qtbot.waitSignal(watch.lost, timeout=3000):
        pass
    assert watch.banner.toolTip() == refused and db.unreachable_because == refused
    with pytest.raises(ServerConnectionError, match="没有接受账号"), db.read():
        pass
    answers[0] = None
    with qtbot.waitSignal(watch.back, timeout=3000):
        pass
    assert db.reachable
    watch.stop()


def _connect_through_the_menu(
    window: MainWindow, other: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """文件 → 连接到服务器…, the dialog answering with ``other`` (standing in for a server)."""

    def connected(dialog: ConnectDialog) -> QDialog.DialogCode:
        dialog.db = other
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConnectDialog, "exec", connected)
    window.action_connect.trigger()
