"""Lock the window after a time without keyboard or mouse use (open dialogs stay open)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from pbc_desktop.domain.accounts import DEFAULT_IDLE_LOCK_MINUTES

SETTING = "security/idleLockMinutes"
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def idle_minutes(settings: QSettings) -> int:
    """The configured minutes (0: never lock)."""
    value = settings.value(SETTING, DEFAULT_IDLE_LOCK_MINUTES)
    try:
        return max(0, int(str(value)))
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES


class IdleLock(QObject):
    """Emits ``idle`` once the application had no input for the set time; any key or
    mouse use in any of its windows starts the time again. ``timeout_ms`` overrides the
    minutes (tests)."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self.paused = False  # while the lock itself is showing
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_ms = ms
        self.restart()

    def restart(self) -> None:
        if self._timeout_ms > 0:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.paused and event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start(self._timeout_ms)
        return False

    def _on_timeout(self) -> None:
        if not self.paused:
            self.idle.emit()


class LockCover(QWidget):
    """A plain panel over the whole window while it is locked, so its records are not
    seen. Each dialog open over the window gets one of its own (:func:`cover_dialogs`):
    what it shows is hidden too, and what was typed in it stays as it was."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("mainLockCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#eef1f4"))
        self.setPalette(palette)
        label = QLabel(self.tr("Locked. Sign in again to go on."), self)
        label.setObjectName("mainLockCoverText")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet("color: #555; font-size: 16pt;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)  # above the unlock dialog, which sits in the middle
        layout.addStretch(3)
        window.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        window = self.parentWidget()
        assert window is not None
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = self.parentWidget()
        if event.type() == QEvent.Type.Resize and watched is window and self.isVisible():
            self.setGeometry(window.rect())
        return False


def cover_dialogs(dialogs: Iterable[QWidget]) -> list[LockCover]:
    """Cover each of ``dialogs`` (the ones open while the window locks) until
    :func:`uncover`: a record form left open shows nothing to whoever passes by."""
    covers = [LockCover(dialog) for dialog in dialogs]
    for cover in covers:
        cover.cover()
    return covers


def uncover(covers: Iterable[LockCover]) -> None:
    """Take the covers away (those of dialogs closed meanwhile went with them)."""
    for cover in covers:
        with contextlib.suppress(RuntimeError):  # its dialog, and so it, was deleted
            cover.hide()
            cover.deleteLater()
