"""Follow what other clients write to a shared (server) database.

Polling, not PostgreSQL's LISTEN/NOTIFY: a notification needs a connection held open and
listened on all the time (its own socket notifier in the Qt loop, its own reconnecting
after a network loss, a trigger or a NOTIFY in every write path), while one cheap query
(``services.changes.look``: the audit head's last id, one primary-key row) every few
seconds, only while the window is the active one, costs the server nothing at a town's
or a district's scale, survives a lost network by itself and is the same SQL on any
PostgreSQL-compatible server. On SQLite there is one writer, this window (the file is
locked to it), so nothing is asked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from pbc_desktop.services import changes
from pbc_desktop.ui.common.context import AppContext

#: How often the window looks for others' changes while it is active.
POLL_MS = 3000


class ChangeWatch(QObject):
    """Emits :attr:`changed` when the database changed since the last look (by anyone:
    also after this window's own saves, which its tabs show already, at no harm)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, window: QWidget, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.ctx = ctx
        self._window = window
        self._seen: int | None = None
        #: the last change found could not be shown (the server gone during the reload):
        #: the next look that reads it says it again
        self._missed = False
        #: the look that found the change (its mark and what was read with it, the
        #: database's own area), for the slots of :attr:`changed`; None before one did
        self.last: changes.Look | None = None
        #: also on SQLite (tests, where two connections stand for two PCs)
        self.everywhere = False
        #: whether the server answers (the window's ``ServerWatch``): no look while it
        #: does not, since each would hold the window for the connection's time limit
        self.reachable: Callable[[], bool] = lambda: True
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def follow(self, ctx: AppContext) -> None:
        """Look in ``ctx``'s database from now on: the one the window switched to (File →
        Open, Connect to server, a restore), not the one it closed."""
        self.ctx = ctx
        self._seen = None
        self._missed = False
        self.last = None

    def missed(self) -> None:
        """The slots of :attr:`changed` could not show the change (the server stopped
        answering during the reload): the next look that reaches the database emits
        :attr:`changed` again, even with no write since."""
        self._missed = True

    def watching(self) -> bool:
        """Whether a look is worth it now: a server database, and the user at this window
        (not in one of its dialogs, not in another program), and a server that answers."""
        shared = self.everywhere or not self.ctx.db.is_sqlite
        return shared and self._window.isActiveWindow() and self.reachable()

    def look(self) -> None:
        if not self.watching():
            return
        seen = changes.look(self.ctx.db, since=None if self._missed else self._seen)
        if seen is None:
            return  # not reachable just now: the next look tries again
        if self._missed or (self._seen is not None and seen.mark != self._seen):
            self.last = seen
            self._seen = seen.mark
            self._missed = False
            self.changed.emit()
        self._seen = seen.mark
