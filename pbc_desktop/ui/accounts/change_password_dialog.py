"""Changing one's own password (and the change an administrator's reset asks for)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import ValidationError
from pbc_desktop.services.accounts import sign_in
from pbc_desktop.ui.accounts.new_password import PASSWORD, PASSWORD_AGAIN, password_problems
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_change_password_dialog import Ui_ChangePasswordDialog


class ChangePasswordDialog(FormDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.ui = self.use_form(Ui_ChangePasswordDialog)
        self.setObjectName("changePasswordDialog")
        self.field_widgets = {
            "old_password": self.ui.oldPasswordEdit,
            PASSWORD: self.ui.passwordEdit,
            PASSWORD_AGAIN: self.ui.password2Edit,
        }
        self.ui.introLabel.setText(
            self.tr(
                "An administrator set your password. Choose your own now (at least 8 "
                "characters); without it the program cannot be used."
            )
            if forced
            else self.tr("At least 8 characters; not your user name.")
        )

    def save(self) -> int | None:
        user = self.db.user
        assert user.user_id is not None, "only a signed-in person changes a password"
        problems = password_problems(
            self.ui.passwordEdit, self.ui.password2Edit, username=user.username
        )
        if problems:
            raise ValidationError(problems)
        old, new = self.ui.oldPasswordEdit.text(), self.ui.passwordEdit.text()
        sign_in.change_password(self.db, user.user_id, old, new)
        return user.user_id
