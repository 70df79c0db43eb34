"""账号管理 → 新建账号: who the person is, their role, the part of the district it covers,
and an initial password (typed twice) that they change at their first sign-in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services import scope
from pbc_desktop.services.accounts import users
from pbc_desktop.ui.accounts.new_password import PASSWORD, PASSWORD_AGAIN, password_problems
from pbc_desktop.ui.common.combos import current_enum, fill, fill_choices, fill_enum, searchable
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_user_dialog import Ui_UserDialog


class UserDialog(FormDialog):
    """Fields are checked by ``services.accounts.users`` (and the two passwords here), all
    at once; refused input keeps the dialog open."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = self.use_form(Ui_UserDialog)
        self.setObjectName("userDialog")
        self.setWindowTitle(self.tr("New account"))
        ui = self.ui
        self.field_widgets = {
            "username": ui.usernameEdit,
            "name": ui.nameEdit,
            "unit": ui.unitEdit,
            "role": ui.roleCombo,
            "organization": ui.organizationCombo,
            "town": ui.townCombo,
            PASSWORD: ui.passwordEdit,
            PASSWORD_AGAIN: ui.passwordAgainEdit,
        }
        self._fill_choices()
        ui.roleCombo.currentIndexChanged.connect(self._update_scope_fields)
        self._update_scope_fields()

    def _fill_choices(self) -> None:
        ui = self.ui
        fill_enum(ui.roleCombo, UserRole)
        ui.roleCombo.setPlaceholderText(self.tr("Choose a role"))
        ui.roleCombo.setCurrentIndex(-1)
        combo = ui.organizationCombo
        fill_choices(combo, orgs.choices(self.ctx.db), "")
        searchable(combo)
        line_edit = combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Type to search"))
        combo.setCurrentIndex(0)
        fill(ui.townCombo, [(town, town) for town in scope.towns(self.ctx.db)], "")

    def role(self) -> UserRole | None:
        return current_enum(self.ui.roleCombo, UserRole)

    def _update_scope_fields(self) -> None:
        """Only the picker the role uses is open: an organization for a village account, a
        town for a town account, either (or neither) for a viewer, none for the district."""
        role = self.role()
        self.ui.organizationCombo.setEnabled(role in (UserRole.VILLAGE, UserRole.VIEWER))
        self.ui.townCombo.setEnabled(role in (UserRole.TOWN, UserRole.VIEWER))
        notes = {
            None: "",
            UserRole.DISTRICT: self.tr(
                "Sees and changes everything in the district and manages the accounts."
            ),
            UserRole.TOWN: self.tr("Sees and changes the records of its town."),
            UserRole.VILLAGE: self.tr(
                "Sees and changes the records of its organization and those below it."
            ),
            UserRole.VIEWER: self.tr(
                "Sees without changing: one organization, one town, or (choosing neither) "
                "the whole district."
            ),
        }
        self.ui.scopeNote.setText(notes[role])
        self.ui.scopeNote.setVisible(role is not None)

    # -- saving ------------------------------------------------------------------------
    def _organization_id(self) -> int | None:
        combo = self.ui.organizationCombo
        text = combo.currentText().strip()
        if not combo.isEnabled() or not text:
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index <= 0:
            raise ValidationError.single(
                "organization",
                self.tr("No organization is named “{0}”; choose one from the list.").format(text),
            )
        return int(combo.itemData(index))

    def input(self, role: UserRole, organization_id: int | None) -> users.UserInput:
        """What the form holds, as the service's input."""
        ui = self.ui
        town = ui.townCombo.currentData() if ui.townCombo.isEnabled() else None
        return users.UserInput(
            username=ui.usernameEdit.text(),
            name=ui.nameEdit.text(),
            unit=ui.unitEdit.text(),
            role=role,
            organization_id=organization_id,
            town=town if isinstance(town, str) else None,
        )

    def save(self) -> int:
        ui = self.ui
        role = self.role()
        errors: list[FieldError] = []
        if role is None:
            errors.append(FieldError("role", self.tr("Choose the account's role.")))
        try:
            organization_id = self._organization_id()
        except ValidationError as unknown:
            errors.extend(unknown.errors)
            organization_id = None
        # Without a role, the fields every account has are still checked.
        data = self.input(role or UserRole.DISTRICT, organization_id)
        try:
            users.check_user(self.ctx.db, data)
        except ValidationError as refused:
            named = {e.field for e in errors}  # an unknown organization is said once
            errors.extend(e for e in refused.errors if e.field not in named)
        errors.extend(
            password_problems(
                ui.passwordEdit, ui.passwordAgainEdit, username=ui.usernameEdit.text()
            )
        )
        if errors:
            raise ValidationError(errors)
        return users.create_user(self.ctx.db, data, ui.passwordEdit.text())
