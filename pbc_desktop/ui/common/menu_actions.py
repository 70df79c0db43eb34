"""A menu of the main window whose entries open windows of their own, one at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.screens import FittedDialog


class MenuWindow(FittedDialog):
    """A window a menu entry opens: :meth:`MenuActions.open_window` builds it as
    ``Window(ctx, parent)``; it keeps ``ctx`` and is named ``name`` (tests find it by it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)


class MenuHost(Protocol):
    """What a menu needs from the main window."""

    ctx: AppContext


H = TypeVar("H", bound=MenuHost)


class MenuActions(DialogHost, QObject, Generic[H]):
    """Holds :attr:`menu` (named ``menu_name``, titled by the subclass) for the main window
    ``parent``; :meth:`add_entry` adds its entries and :meth:`open_window` opens what they
    show. Refusals are said over the main window."""

    def __init__(self, host: H, parent: QWidget, menu_name: str) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.menu = QMenu(parent)
        self.menu.setObjectName(menu_name)

    def message_parent(self) -> QWidget | None:
        return self._parent

    def add_entry(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        """An entry of the menu that calls ``slot`` (see :func:`make_action`)."""
        action = make_action(self._parent, name, text, slot)
        self.menu.addAction(action)
        return action

    def open_window(self, build: Callable[[AppContext, QWidget], MenuWindow]) -> None:
        """Open the window ``build`` makes, or bring the one open to the front; a refusal
        (e.g. the account lost the permission meanwhile) is said instead."""
        if not self.raise_active_dialog():
            self.open_made(lambda: build(self._host.ctx, self._parent))
