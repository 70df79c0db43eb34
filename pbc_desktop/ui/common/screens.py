"""Windows that fit the screen they open on (old offices still have 1024×768).

Every size here is measured against :func:`available_geometry`, the screen's area less the
task bar (tests replace it to play a small screen): the main window starts maximized on a
screen smaller than its default size, and no dialog (record forms, print previews) is ever
taller or wider than that area; a form too long for it scrolls, its buttons staying in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

#: Room left around a window for its frame and title bar (not part of its size).
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The free area (less the task bar) of the screen ``widget`` is on, or of the primary
    screen; an empty rectangle when there is no screen at all."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect()


def room_for(widget: QWidget | None = None) -> QSize:
    """The largest size a window's contents may have on that screen (its frame and title
    bar left out); an invalid size when there is no screen."""
    free = available_geometry(widget)
    if free.isEmpty():
        return QSize()
    return QSize(free.width() - FRAME_WIDTH, free.height() - FRAME_HEIGHT)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` ``width`` × ``height``, or smaller on a screen whose free area
    (less the task bar) is smaller, so that its buttons are never off the screen."""
    room = room_for(window)
    if room.isValid():
        width = min(width, room.width())
        height = min(height, room.height())
    window.resize(width, height)


def smaller_than(window: QWidget, width: int, height: int) -> bool:
    """Whether the screen ``window`` is on has no room for ``width`` × ``height`` (its
    frame included)."""
    room = room_for(window)
    return room.isValid() and (room.width() < width or room.height() < height)


def start_size(window: QWidget, width: int, height: int) -> None:
    """A main window's first size: ``width`` × ``height``, or maximized on a screen with
    less room (an old 1366×768 or 1024×768 monitor)."""
    if smaller_than(window, width, height):
        window.resize(room_for(window))  # its size when taken out of the maximized state
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(width, height)


def fit_dialog(dialog: QDialog) -> None:
    """Keep ``dialog`` within the free area of its screen; call it right before showing
    the dialog (:class:`FittedDialog` does so by itself). No taller or wider than that area
    (Qt then keeps it inside the area as it places it); a form whose content needs more
    height scrolls, its button box staying below the scrolled part."""
    room = room_for(dialog)
    if not room.isValid():
        return
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    if dialog.minimumSizeHint().height() > room.height():
        scroll_content(dialog)
        if layout is not None:
            layout.activate()
    dialog.setMaximumSize(dialog.maximumSize().boundedTo(room))
    if dialog.minimumWidth() > room.width() or dialog.minimumHeight() > room.height():
        dialog.setMinimumSize(dialog.minimumSize().boundedTo(room))
    # the size it will open with: the one set (a form's own), else what Qt would give it
    resized = dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
    wanted = dialog.size() if resized else dialog.sizeHint()
    wanted = wanted.expandedTo(dialog.minimumSize())
    if resized or wanted.width() > room.width() or wanted.height() > room.height():
        size = wanted.boundedTo(room)
        if size != dialog.size():
            dialog.resize(size)


def keep_on_screen(window: QWidget) -> None:
    """Move ``window`` up (or left) when, grown while shown, it reaches past the free area
    of its screen (its frame included), so that its buttons stay in view."""
    free = available_geometry(window)
    if not window.isVisible() or free.isEmpty():
        return
    frame = window.frameGeometry()
    dx = max(0, frame.right() - free.right())
    dy = max(0, frame.bottom() - free.bottom())
    if dx or dy:
        window.move(max(free.left(), frame.left() - dx), max(free.top(), frame.top() - dy))


class FittedDialog(QDialog):
    """A dialog fitted to the screen (:func:`fit_dialog`) each time it is shown, however
    it is opened (``open``, ``exec``, ``show``)."""

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            fit_dialog(self)
        super().setVisible(visible)


SCROLL_NAME = "screenScroll"


def scroll_content(dialog: QDialog) -> QScrollArea | None:
    """Put everything in ``dialog``'s box layout but its button box into a scroll area
    (done once; None when the dialog's layout is not a box layout)."""
    existing = dialog.findChild(QScrollArea, SCROLL_NAME)
    if existing is not None:
        return existing
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout):
        return None
    content = QWidget()
    content.setObjectName(f"{SCROLL_NAME}Content")
    inner = QVBoxLayout(content)
    inner.setContentsMargins(0, 0, 0, 0)
    buttons: list[QWidget] = []
    stretches = [layout.stretch(i) for i in range(layout.count())]
    for stretch in stretches:
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        child = item.layout()
        if isinstance(widget, QDialogButtonBox):
            buttons.append(widget)
        elif widget is not None:
            inner.addWidget(widget, stretch)
        elif child is not None:
            child.setParent(None)
            inner.addLayout(child, stretch)
        elif item.spacerItem() is not None:
            inner.addStretch(max(stretch, 1))
    scroll = QScrollArea(dialog)
    scroll.setObjectName(SCROLL_NAME)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    layout.addWidget(scroll, 1)
    for box in buttons:
        layout.addWidget(box)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetDefaultConstraint)
    # the content's whole width, so that only the height scrolls
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar)
    return scroll


class ScrollColumn(QScrollArea):
    """``content`` scrolled up and down where the window is not tall enough for it (an old
    screen 768 px high), never sideways: as wide as the content needs at the least, as the
    widgets it holds would be without it, and taking that width again whenever the
    content's layout changes (a figure grown, a caption wrapped)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        return QSize(content.minimumSizeHint().width() + self._bar(), 0)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        return content.sizeHint() + QSize(self._bar(), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)
