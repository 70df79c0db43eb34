"""The sign-in dialog: at start, to switch user, and to unlock an idle window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import SignInError, ValidationError
from pbc_desktop.services.accounts.sign_in import SignedIn, sign_in
from pbc_desktop.ui.accounts import last_user
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_sign_in_dialog import Ui_SignInDialog


class SignInDialog(FormDialog):
    """User name and password; ``signed`` holds the result once accepted.

    ``unlock_as`` fixes the user name (the idle lock: only the same person, or the
    caller offers another way out); ``demo`` shows the demo accounts and their password.
    """

    asks_before_discarding = False  # a name and a password: nothing to lose

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        demo: bool = False,
        unlock_as: str | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.signed: SignedIn | None = None
        self.unlocking = unlock_as is not None
        self.choice = "sign_in"  # unlocking: "sign_in" (unlocked), "switch" or "exit"
        self.ui = self.use_form(Ui_SignInDialog)
        self.setObjectName("signInDialog")
        self.field_widgets = {"username": self.ui.usernameEdit, "password": self.ui.passwordEdit}
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Sign in") if unlock_as is None else self.tr("Unlock"))
        if unlock_as is not None:
            self.setWindowTitle(self.tr("Locked"))
            self.ui.introLabel.setText(
                self.tr(
                    "The window is locked; open dialogs are kept. Enter the password of %1 "
                    "to go on."
                ).replace("%1", unlock_as)
            )
            self.ui.usernameEdit.setText(unlock_as)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.passwordEdit.setFocus()
            box = self.ui.buttonBox
            box.button(QDialogButtonBox.StandardButton.Cancel).hide()
            role = QDialogButtonBox.ButtonRole.ActionRole
            switch = box.addButton(self.tr("Switch user..."), role)
            switch.setObjectName("signInSwitch")
            switch.clicked.connect(lambda: self._leave("switch"))
            leave = box.addButton(self.tr("Exit program"), role)
            leave.setObjectName("signInExit")
            leave.clicked.connect(lambda: self._leave("exit"))
        else:
            self.ui.introLabel.setText(
                self.tr("Sign in with your own account: what you do is recorded in your name.")
            )
            last = last_user.remembered(db)  # the name signed in last here; another may type
            if last:
                self.ui.usernameEdit.setText(last)
                self.ui.usernameEdit.selectAll()
                self.ui.passwordEdit.setFocus()
        self.ui.hintLabel.setVisible(demo)
        if demo:  # the demo's generator is loaded only for it
            from pbc_desktop.services.demo.builder import DEMO_ACCOUNTS, DEMO_PASSWORD

            accounts = "\n".join(
                labelled(name, label(role)) for name, _n, _u, role in DEMO_ACCOUNTS
            )
            self.ui.hintLabel.setText(
                self.tr("Demo database. Accounts (password %1 for all):").replace(
                    "%1", DEMO_PASSWORD
                )
                + "\n"
                + accounts
            )
        if error:
            self.show_error(error)
        self.adjustSize()  # as tall as what it shows (the hint only on the demo)

    def _leave(self, choice: str) -> None:
        self.choice = choice
        super().reject()

    def reject(self) -> None:
        """Esc or the close button: cancel a sign-in, but never lift the lock."""
        if not self.unlocking:
            super().reject()

    def save(self) -> int | None:
        name = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not name:
            raise ValidationError.single("username", self.tr("Enter your user name."))
        if not password:
            raise ValidationError.single("password", self.tr("Enter your password."))
        try:
            self.signed = sign_in(self.db, name, password)
        except SignInError:
            self.ui.passwordEdit.setFocus()  # typed again there, the user name kept
            raise
        finally:
            self.ui.passwordEdit.clear()
        last_user.remember(self.db, self.signed.actor.username)  # signed in: never before
        return self.signed.actor.user_id or 0
