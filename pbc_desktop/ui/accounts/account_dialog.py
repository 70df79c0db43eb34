"""An account's form: the first administrator of a database, or a new account."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor, role_needs_organization, role_needs_town
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import organizations, scope
from pbc_desktop.services.accounts import users
from pbc_desktop.ui.common.combos import current_enum, fill_enum
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_account_dialog import Ui_AccountDialog


class AccountDialog(FormDialog):
    """``first_admin``: only name, unit, user name and password (the role is the
    district's); else an administrator's new account with its role and scope."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, first_admin: bool = False
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.first_admin = first_admin
        self.actor: Actor | None = None
        self.ui = ui = Ui_AccountDialog()
        ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setObjectName("accountDialog")
        self.init_form(ui.errorLabel)
        self.field_widgets = {
            "name": ui.nameEdit,
            "unit": ui.unitEdit,
            "username": ui.usernameEdit,
            "organization": ui.organizationCombo,
            "town": ui.townCombo,
            "password": ui.passwordEdit,
        }
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        if first_admin:
            self.setWindowTitle(self.tr("First administrator"))
            ui.introLabel.setText(
                self.tr(
                    "This database has no administrator yet. Create the first one: the "
                    "district organization department's account, which creates the "
                    "accounts of towns and villages."
                )
            )
            for widget in (ui.roleCombo, ui.organizationCombo, ui.townCombo):
                widget.hide()
                ui.formLayout.labelForField(widget).hide()
        else:
            self.setWindowTitle(self.tr("New account"))
            ui.introLabel.setText(
                self.tr("The person changes this first password when they first sign in.")
            )
            fill_enum(ui.roleCombo, UserRole)
            for org in organizations.choices(db):
                ui.organizationCombo.addItem(org.name, org.id)
            ui.townCombo.addItems(scope.towns(db))
            ui.roleCombo.currentIndexChanged.connect(self._role_changed)
            self._role_changed()
        ui.nameEdit.setFocus()

    def _role_changed(self) -> None:
        role = current_enum(self.ui.roleCombo, UserRole)
        village = role is not None and (role_needs_organization(role) or role is UserRole.VIEWER)
        town = role is not None and role_needs_town(role)
        for widget, shown in ((self.ui.organizationCombo, village), (self.ui.townCombo, town)):
            widget.setEnabled(shown)

    def save(self) -> int | None:
        ui = self.ui
        password = ui.passwordEdit.text()
        if password != ui.password2Edit.text():
            raise ValidationError.single("password", self.tr("The two passwords differ."))
        if self.first_admin:
            data = users.UserInput(
                ui.usernameEdit.text(), ui.nameEdit.text(), ui.unitEdit.text(), UserRole.DISTRICT
            )
            self.actor = users.create_first_admin(self.db, data, password)
            return self.actor.user_id or 0
        role = current_enum(ui.roleCombo, UserRole)
        assert role is not None
        data = users.UserInput(
            ui.usernameEdit.text(),
            ui.nameEdit.text(),
            ui.unitEdit.text(),
            role,
            organization_id=ui.organizationCombo.currentData()
            if ui.organizationCombo.isEnabled()
            else None,
            town=ui.townCombo.currentText() if ui.townCombo.isEnabled() else None,
        )
        return users.create_user(self.db, data, password)
