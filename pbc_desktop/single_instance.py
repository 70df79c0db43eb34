"""One writer window per database: a second start hands over to the first and exits."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_MESSAGE = b"activate\n"


def server_name(db_key: str) -> str:
    """A name for the local socket, unique per database file (and per user on Unix)."""
    key = str(Path(db_key).resolve()) if "://" not in db_key else db_key
    if sys.platform == "win32":
        key = key.lower()
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"pbc-desktop-{digest}"


def activate_running(name: str, timeout_ms: int = 500) -> bool:
    """Ask a running instance to come to the front; True if one answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_MESSAGE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts on the same database and emits :attr:`activated`."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        if not self._server.listen(name):
            # A crashed earlier instance may have left its socket file behind.
            QLocalServer.removeServer(name)
            self._server.listen(name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _on_connection(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            # The message is one short line from a local process: waiting briefly is fine.
            if conn.bytesAvailable() or conn.waitForReadyRead(1000):
                data = bytes(conn.readAll().data())
            else:
                data = b""
            conn.abort()
            conn.deleteLater()
            if _MESSAGE.strip() in data:
                self.activated.emit()

    def close(self) -> None:
        self._server.close()
