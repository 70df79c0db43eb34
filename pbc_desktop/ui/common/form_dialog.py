"""The base of every record dialog: an error line, marked fields, save on OK, ``saved``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.dates import refused_date, typed_fields
from pbc_desktop.ui.common.discarding import AsksBeforeDiscarding
from pbc_desktop.ui.common.screens import FittedDialog

R = TypeVar("R")


class GeneratedForm(Protocol):
    """A ``Ui_*`` class generated from ``forms/*.ui`` with an error line and an OK/Cancel
    box (the names every record dialog's form gives them)."""

    errorLabel: QLabel  # noqa: N815 (the names Qt Designer gives)
    buttonBox: QDialogButtonBox  # noqa: N815

    def setupUi(self, dialog: QDialog) -> None: ...


U = TypeVar("U", bound=GeneratedForm)


def first_field(page: QWidget | None) -> QWidget | None:
    """The first widget of ``page`` that Tab stops at (its tab order), if any."""
    if page is None:
        return None
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:  # the window's chain, once round
        if (
            page.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isEnabled()
            and not widget.isHidden()
            and widget.focusProxy() is None
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class FormDialog(AsksBeforeDiscarding, FittedDialog):
    """Never taller than the screen (a long form scrolls, see :class:`FittedDialog`).

    Subclasses build their ``Ui_*`` (:meth:`use_form`, or ``setupUi`` then
    :meth:`init_form`), fill ``field_widgets`` and implement :meth:`save`.

    OK runs :meth:`save`: a refusal (``UserError``) keeps the dialog open, says why in the
    error line and marks every refused field at once (the first one focused, its tab
    turned to); a success closes the dialog and emits ``saved`` with the record's id.

    A dialog editing a stored record keeps the version it loaded in :attr:`read_version`
    and hands it back with its input: a save over someone else's change since then is
    refused (``StaleEditError``, naming who and when) like any refusal, the user's input
    left as it is.

    Esc, 取消 and the title bar's × run :meth:`cancel`: a form whose values differ from
    those it was shown with (:meth:`entered`) asks first whether to drop them
    (:func:`messages.discard_changes`); an unchanged one closes at once. ``reject()``
    itself stays silent: the program closing a dialog (another user signing in, after
    asking once for all) is not asked again.
    """

    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_widgets: dict[str, QWidget] = {}
        self.saved_id: int | None = None  # set once saved
        self.read_version: int | None = None  # the loaded record's version (None: new)
        self._tabs: QTabWidget | None = None

    def init_form(
        self,
        error_label: QLabel,
        tabs: QTabWidget | None = None,
        buttons: QDialogButtonBox | None = None,
    ) -> None:
        """``tabs``: the form's pages, turned to the first refused field's; ``buttons``:
        the OK/Cancel box, its OK then runs :meth:`accept` and its Cancel :meth:`cancel`."""
        self._error_label = error_label
        self._tabs = tabs
        error_label.setTextFormat(Qt.TextFormat.PlainText)
        # the sentence can be selected (and copied, e.g. into a message to the helpdesk)
        error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error_label.hide()
        for edit in typed_fields(self):  # a typed date (and time) that is none
            edit.refused.connect(self.show_error)
        if buttons is not None:
            buttons.accepted.connect(self.accept)
            buttons.rejected.connect(self.cancel)
        first = first_field(tabs.currentWidget()) if tabs is not None else None
        if first is not None:
            # typing starts in the first field, not on the row of pages (where a name typed
            # at once was lost); a dialog may still focus another field after this
            first.setFocus()

    def use_form(self, form: type[U]) -> U:
        """Build the generated form ``form`` on this dialog and wire its error line and
        OK/Cancel box (:meth:`init_form`); returns the form, for ``self.ui``."""
        ui = form()
        ui.setupUi(self)
        self.init_form(ui.errorLabel, buttons=ui.buttonBox)
        return ui

    def save(self) -> int | None:
        """Write through the service; return the record's id, or None to stay open quietly
        (e.g. the user declined a confirmation). Raise ``UserError`` to refuse."""
        raise NotImplementedError

    def show_error(self, error: UserError | str | None) -> None:
        """Say why in the error line (None hides it). A ``UserError`` also marks the
        fields it names and clears the other marks; a plain sentence leaves them."""
        if isinstance(error, UserError) or error is None:
            messages.show_form_error(self._error_label, self.field_widgets, error, self._tabs)
            return
        self._error_label.setText(error)
        self._error_label.setVisible(bool(error))

    def error_text(self) -> str:
        return "" if self._error_label.isHidden() else self._error_label.text()

    def attempt(self, step: Callable[[], R]) -> R | None:
        """Run ``step``; on a ``UserError`` show it and return None."""
        try:
            return step()
        except UserError as exc:
            self.show_error(exc)
            return None

    def accept(self) -> None:
        for edit in typed_fields(self):
            edit.finish_typing()  # OK clicked while a date was being typed
        pending = refused_date(self)
        if pending is not None and pending.problem:  # what was typed there is not taken
            self.show_error(pending.problem)
            if self._tabs is not None:
                messages.show_page_of(self._tabs, pending)
            pending.setFocus()
            return
        saved_id = self.attempt(self.save)
        if saved_id is not None:
            self.close_saved(saved_id)

    def close_saved(self, saved_id: int) -> None:
        """Close as accepted and tell the listeners which record was saved."""
        self.saved_id = saved_id
        super().accept()
        self.saved.emit(saved_id)
