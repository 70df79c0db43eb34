"""The window's watch on its server: a lost connection is said within seconds.

Every few seconds a background thread asks the server ``SELECT 1``
(:meth:`Database.ping`); the answer comes back by signal. While the server does not
answer, the status bar carries a red line saying so (dialogs stay open with what was
typed: saving again once the server is back saves it); when it answers again, the line
goes and the status bar says it is back. A database file is never watched.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

INTERVAL_MS = 3000


class ServerWatch(QObject):
    """Pings with ``ping`` (None: answered; else the reason) every ``interval_ms``."""

    answered = Signal(object)  # None or the sentence, from the pinging thread
    lost = Signal(str)  # why: when it stops answering, and when the reason changes
    back = Signal()

    def __init__(
        self,
        ping: Callable[[], str | None],
        status_bar: QStatusBar,
        *,
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(status_bar)
        self._ping = ping
        self._status_bar = status_bar
        self._busy = threading.Event()
        self.reason: str | None = None  # why the server does not answer; None: it does
        self.banner = QLabel(status_bar)
        self.banner.setObjectName("serverLostBanner")
        self.banner.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.banner.setWordWrap(False)
        self.banner.hide()
        status_bar.insertPermanentWidget(0, self.banner, 1)
        self.answered.connect(self._on_answer)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Ask the server once, in the background (not while a question is pending)."""
        if self._busy.is_set():
            return
        self._busy.set()
        threading.Thread(target=self._ask, name="pbc-server-watch", daemon=True).start()

    def _ask(self) -> None:
        try:
            reason = self._ping()
        except Exception as exc:  # the watch itself never brings the window down
            reason = str(exc)
        finally:
            self._busy.clear()
        try:
            self.answered.emit(reason)
        except RuntimeError:  # the window let go of its watch meanwhile
            return

    def _on_answer(self, reason: object) -> None:
        before = self.reason
        was_lost = before is not None
        self.reason = reason if isinstance(reason, str) else None
        if self.reason is not None:
            self.banner.setText(
                self.tr(
                    "No connection to the server; retrying. Open dialogs keep what was "
                    "typed: save again once it is back."
                )
            )
            self.banner.setToolTip(self.reason)
            self.banner.show()
            if self.reason != before:  # gone, or gone for another reason now
                self.lost.emit(self.reason)
        elif was_lost:
            self.banner.hide()
            self._status_bar.showMessage(self.tr("The server is reachable again."), 10_000)
            self.back.emit()

    def stop(self) -> None:
        self.timer.stop()
        self.banner.hide()
        self.banner.deleteLater()
        self.deleteLater()
