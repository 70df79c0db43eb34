"""The first administrator of a new or upgraded database, asked before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.services.accounts import users
from pbc_desktop.ui.accounts.new_password import PASSWORD, PASSWORD_AGAIN, password_problems
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_first_admin_dialog import Ui_FirstAdminDialog


class FirstAdminDialog(FormDialog):
    """姓名, 单位/职务, 用户名 and a password typed twice: the district organization
    department's account, which then creates the others (accounts manager). Every refused
    field is named at once; ``actor`` is the new account once accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.ui = ui = Ui_FirstAdminDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setObjectName("firstAdminDialog")
        self.init_form(ui.errorLabel, buttons=ui.buttonBox)
        self.field_widgets = {
            "name": ui.nameEdit,
            "unit": ui.unitEdit,
            "username": ui.usernameEdit,
            PASSWORD: ui.passwordEdit,
            PASSWORD_AGAIN: ui.passwordAgainEdit,
        }
        ui.introLabel.setText(
            self.tr(
                "This database has no administrator yet. Create the first one: the "
                "district organization department's account, which creates the "
                "accounts of towns and villages."
            )
        )
        ui.nameEdit.setFocus()
        self.adjustSize()

    def save(self) -> int:
        ui = self.ui
        data = users.UserInput(
            ui.usernameEdit.text(), ui.nameEdit.text(), ui.unitEdit.text(), UserRole.DISTRICT
        )
        errors: list[FieldError] = []
        try:
            users.check_user(self.db, data)
        except ValidationError as refused:
            errors.extend(refused.errors)
        errors.extend(
            password_problems(ui.passwordEdit, ui.passwordAgainEdit, username=data.username)
        )
        if errors:
            raise ValidationError(errors)
        self.actor = users.create_first_admin(self.db, data, ui.passwordEdit.text())
        return self.actor.user_id or 0
