"""账号管理 → 重置密码: an administrator gives an account a new password (typed twice);
its person must change it at the next sign-in, and a locked account is unlocked."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.errors import ValidationError
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.users import UserView
from pbc_desktop.ui.accounts.new_password import PASSWORD, PASSWORD_AGAIN, password_problems
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_reset_password_dialog import Ui_ResetPasswordDialog


class ResetPasswordDialog(FormDialog):
    def __init__(self, ctx: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.ui = self.use_form(Ui_ResetPasswordDialog)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset password"))
        self.field_widgets = {
            PASSWORD: self.ui.passwordEdit,
            PASSWORD_AGAIN: self.ui.passwordAgainEdit,
        }
        self.ui.accountLabel.setText(
            self.tr("A new password for {0} ({1}):").format(user.username, user.name)
        )

    def save(self) -> int:
        ui = self.ui
        errors = password_problems(
            ui.passwordEdit, ui.passwordAgainEdit, username=self.user.username
        )
        if errors:
            raise ValidationError(errors)
        users.reset_password(self.ctx.db, self.user.id, ui.passwordEdit.text())
        return self.user.id
