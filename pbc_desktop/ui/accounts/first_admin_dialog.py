"""The first administrator of a new or upgraded database, asked before anything else,
with the office the database belongs to (its keys are made then)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.accounts import Actor
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import FieldError, UserError, ValidationError
from pbc_desktop.services.accounts import users
from pbc_desktop.services.exchange import offices
from pbc_desktop.ui.accounts.new_password import PASSWORD, PASSWORD_AGAIN, password_problems
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.exchange.office_form import OfficeForm
from pbc_desktop.ui.forms.ui_first_admin_dialog import Ui_FirstAdminDialog

#: the office's fields among the account's (``office_name`` beside ``name``)
OFFICE = "office_"


class FirstAdminDialog(FormDialog):
    """姓名, 单位/职务, 用户名 and a password typed twice: the account of whoever sets the
    database up (a town's or a village's clerk too), with the district organization
    department's rights, which then creates the others (accounts manager); and this
    office: its level, its organization (a village office) or town (a town office) and
    its name. Every refused field is named at once; ``actor`` is the new account once
    accepted. Should the office fail after the account was made (its key file cannot be
    written), the administrator is told and asked again at the next sign-in."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.ui = ui = self.use_form(Ui_FirstAdminDialog)
        self.setObjectName("firstAdminDialog")
        self.field_widgets = {
            "name": ui.nameEdit,
            "unit": ui.unitEdit,
            "username": ui.usernameEdit,
            PASSWORD: ui.passwordEdit,
            PASSWORD_AGAIN: ui.passwordAgainEdit,
        }
        self.office = OfficeForm(
            db,
            name_edit=ui.officeNameEdit,
            level_combo=ui.officeLevelCombo,
            organization_combo=ui.officeOrganizationCombo,
            town_combo=ui.officeTownCombo,
        )
        self.field_widgets.update(self.office.field_widgets(OFFICE))
        ui.officeIntroLabel.setText(
            self.tr(
                "The office this database belongs to: packages of data exchanged with other "
                "offices are signed with its keys, made now."
            )
        )
        ui.introLabel.setText(
            self.tr(
                "This database has no administrator yet. Create the first one, your own: "
                "it may do everything in this database (as the district organization "
                "department's administrator), and makes the accounts of your colleagues, "
                "towns and villages afterwards under Tools → Accounts."
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
        errors.extend(self.office.problems(OFFICE))
        setup = self.office.setup()
        if errors or setup is None:
            raise ValidationError(errors)
        self.actor = users.create_first_admin(self.db, data, ui.passwordEdit.text())
        self.db.user = self.actor  # the office is set up in the new administrator's name
        try:
            offices.create_local_office(self.db, setup)
        except UserError as exc:
            messages.warning(
                self,
                self.tr("This office"),
                self.tr(
                    "The administrator was created, but this office was not set up: {reason} "
                    "It is asked again at the next sign-in."
                ).format(reason=str(exc)),
            )
        return self.actor.user_id or 0
