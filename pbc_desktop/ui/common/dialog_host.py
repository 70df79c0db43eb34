"""For a widget that opens one record dialog at a time and forgets it when it closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.ui.common import messages


class DialogHost:
    """Mixin: :meth:`open_dialog` keeps the dialog in ``active_dialog`` while it is open
    (tests reach it there) and deletes it once it has closed."""

    active_dialog: QDialog | None = None

    def open_dialog(self, dialog: QDialog, on_saved: Callable[[int], object] | None = None) -> None:
        """Open ``dialog`` window-modal; ``on_saved`` gets the id its ``saved`` signal sends."""
        self.active_dialog = dialog
        if on_saved is not None:
            dialog.saved.connect(on_saved)  # type: ignore[attr-defined]
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def open_built(self, build: Callable[[], QDialog], parent: QWidget | None) -> None:
        """Open the dialog ``build()`` makes, unless one is open already (then raise it);
        a refusal while building it (say, a permission lost meanwhile) is shown instead."""
        if self.raise_active_dialog():
            return
        try:
            dialog = build()
        except UserError as error:
            messages.show_user_error(parent, error)
            return
        self.open_dialog(dialog)

    def raise_active_dialog(self) -> bool:
        """Bring the open dialog to the front; ``False`` when none is open."""
        if self.active_dialog is None:
            return False
        self.active_dialog.raise_()
        return True

    def _dialog_closed(self) -> None:
        dialog = self.active_dialog
        self.active_dialog = None
        if dialog is not None:
            dialog.deleteLater()
