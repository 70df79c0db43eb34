"""Window sizes that fit the screen they open on (old offices still have 1024×768)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left around a window for its frame and title bar (not part of its size).
_FRAME_WIDTH = 16
_FRAME_HEIGHT = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` ``width`` × ``height``, or smaller on a screen whose free area
    (less the task bar) is smaller, so that its buttons are never off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - _FRAME_WIDTH)
        height = min(height, free.height() - _FRAME_HEIGHT)
    window.resize(width, height)
