"""For a widget that opens one record dialog at a time and forgets it when it closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog, QWidget

from pbc_desktop.errors import ServerConnectionError, UserError
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.screens import fit_dialog

D = TypeVar("D", bound=QDialog)


class DialogHost:
    """Mixin: :meth:`open_dialog` keeps the dialog in ``active_dialog`` while it is open
    (tests reach it there) and deletes it once it has closed."""

    active_dialog: QDialog | None = None

    def open_dialog(self, dialog: QDialog, on_saved: Callable[[int], object] | None = None) -> None:
        """Open ``dialog`` window-modal; ``on_saved`` gets the id its ``saved`` signal sends."""
        self.active_dialog = dialog
        fit_dialog(dialog)
        if on_saved is not None:
            dialog.saved.connect(on_saved)  # type: ignore[attr-defined]
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def open_made(
        self,
        make: Callable[[], D],
        on_saved: Callable[[int], object] | None = None,
        *,
        gone: Callable[[], object] | None = None,
    ) -> D | None:
        """Open the dialog ``make`` builds, as :meth:`open_dialog` does.

        When it cannot be built (a ``UserError``: its record was deleted in another window
        meanwhile, the account lost the permission…), say why, call ``gone`` (e.g. reload
        the list the record was chosen from) and return None. A server that does not
        answer is said alone: the record is not gone, and the reload would only be
        refused, and said, once more.
        """
        try:
            dialog = make()
        except UserError as error:
            messages.show_user_error(self.message_parent(), error)
            if gone is not None and not isinstance(error, ServerConnectionError):
                gone()
            return None
        self.open_dialog(dialog, on_saved)
        return dialog

    def message_parent(self) -> QWidget | None:
        """The window a refusal is shown over: the host itself when it is a widget."""
        return self if isinstance(self, QWidget) else None

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
