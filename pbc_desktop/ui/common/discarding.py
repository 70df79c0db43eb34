"""Closing a window whose input is not saved: asked first, never dropped unsaid.

:class:`AsksBeforeDiscarding` is the behaviour every window the clerk types into shares
(the record dialogs' ``FormDialog``, the fee rates, the venues): Esc, the window's
Close or 取消 button (wired to :meth:`~AsksBeforeDiscarding.cancel`) and the title bar's
× ask :func:`messages.discard_changes` when :meth:`~AsksBeforeDiscarding.changed` says
something was changed; an unchanged window closes at once. ``reject()`` itself stays
silent: the program closing a window (another user signing in, after asking once for
all) is not asked again.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QDialog

from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.form_values import entered_values


class AsksBeforeDiscarding(QDialog):
    """Put before the window's other base (``class W(AsksBeforeDiscarding, FittedDialog)``).
    By default a window is changed when what it holds (:meth:`entered`) differs from what
    it held when it was opened; a window that shows one record after another gives its
    own :meth:`changed`."""

    #: False for a window whose input is worth nothing once cancelled (signing in)
    asks_before_discarding: ClassVar[bool] = True
    _shown_values: dict[object, object] | None = None  # entered() as opened

    def entered(self) -> dict[object, object]:
        """What the window holds: its widgets' values (``ui.common.form_values``); a
        window keeping input outside its widgets adds it."""
        return entered_values(self)

    def changed(self) -> bool:
        """Whether the clerk changed anything that closing would drop."""
        return self._shown_values is not None and self.entered() != self._shown_values

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():  # opened (not brought back from the task bar)
            self._shown_values = self.entered()

    def cancel(self) -> None:
        """Esc, 取消 or Close, the title bar's ×: close without saving, asking first when
        something was changed (继续编辑 keeps the window open as it is)."""
        if self.may_discard():
            self.reject()

    def may_discard(self) -> bool:
        """Whether what was changed may be dropped: nothing was, or the clerk said so."""
        return (
            not self.asks_before_discarding or not self.changed() or messages.discard_changes(self)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel):
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's × (a close by the program, ``close()``, is not asked)."""
        if event.spontaneous() and self.isVisible() and not self.may_discard():
            event.ignore()
            return
        super().closeEvent(event)
