"""pypinyin's dictionaries loaded while the window is idle.

Their first load holds the interpreter about 0.3 s wherever it happens: on the UI thread
(the first organization opened, an activity's attendance, the first name saved) it froze
the window once; in a read, it held the read and the window with it. The window loads them
on a thread of its own a few seconds after it is shown, once no read is under way (not
during the sign-in nor the first tab's read), then settles them out of the garbage
collector's passes with the rest of the start (``heap.settle_more``). A name needed during
the load waits for the same load (``pinyin.load_dictionaries``). The command line never
loads them before a name needs them.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from pbc_desktop.domain.pinyin import dictionaries_loaded, load_dictionaries
from pbc_desktop.heap import settle_more
from pbc_desktop.ui.common import worker

#: After the window is shown: its first tab read and painted by then (about 1 s).
PRELOAD_AFTER_MS = 3000
#: While reads are under way, looked again after this long …
RETRY_MS = 1000
#: … this many times at most, then loaded anyway (a name would need them soon enough).
RETRIES = 20


class DictionaryPreload(QObject):
    """Loads the dictionaries ``delay_ms`` after it is made (see the module text)."""

    #: Emitted by the loading thread once loaded; received on the UI thread (queued).
    loaded = Signal()

    def __init__(self, parent: QObject, delay_ms: int = PRELOAD_AFTER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("pinyinPreload")
        self.loader: threading.Thread | None = None
        self._retries = RETRIES
        self.loaded.connect(self._settle)
        QTimer.singleShot(delay_ms, self, self._when_idle)

    @Slot()
    def _when_idle(self) -> None:
        if worker.reading_threads() and self._retries > 0:
            self._retries -= 1
            QTimer.singleShot(RETRY_MS, self, self._when_idle)
            return
        if dictionaries_loaded():  # a name needed them first: settled all the same
            self._settle()
            return
        self.loader = threading.Thread(target=self._load, name="pinyin-preload", daemon=True)
        self.loader.start()

    def _load(self) -> None:
        load_dictionaries()
        with contextlib.suppress(RuntimeError):  # the window (and this object) gone meanwhile
            self.loaded.emit()

    @Slot()
    def _settle(self) -> None:
        settle_more()
