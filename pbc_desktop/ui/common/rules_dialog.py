"""The base of the dialogs of district-wide rules (the 三会一课 schedule, the reminder
rules): one editor a kind, OK and the editors only for an account that may change the
district's rules, a refusal said in an error line above the form."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.errors import UserError
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.discarding import AsksBeforeDiscarding
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import ok_cancel_buttons
from pbc_desktop.ui.common.write_guard import WriteGuard


class DistrictRulesDialog(AsksBeforeDiscarding, FittedDialog):
    """Subclasses build their form, hand it to :meth:`arrange` with its editors and
    implement :meth:`store`; OK stores and closes, or stays open saying why not. Rules
    changed and not stored are not dropped unasked (Esc, 取消, the title bar's ×)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def arrange(
        self, form: QFormLayout, editors: Iterable[QWidget], hint: QWidget | None = None
    ) -> None:
        """Lay out ``hint`` (if any), the error line, ``form`` and OK/Cancel; ``editors``
        and OK are disabled, with the refusal as tooltip, for an account that may not."""
        self.error_label = messages.error_line(self, "rulesError")
        self.buttons = ok_cancel_buttons(self, self.cancel)
        self.writes = WriteGuard(self.ctx, self)  # the rules are the district's
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        for widget in (ok, *editors):
            self.writes.add(widget, Permission.DISTRICT_RULES)
        self.writes.update()
        layout = QVBoxLayout(self)
        if hint is not None:
            layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def changed(self) -> bool:
        """Rules changed by an account that may store them (another has nothing to lose)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return ok is not None and ok.isEnabled() and super().changed()

    def store(self) -> None:
        """Write the rules through the service; raise ``UserError`` to refuse."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.store()
        except UserError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        super().accept()
