"""The dialog that creates or edits one party organization (党组织)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from pbc_desktop.domain.enums import LabeledEnum, OrgField, OrgKind, OrgLevel
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import organizations as orgs
from pbc_desktop.services import scope
from pbc_desktop.ui.common.combos import fill_choices, fill_enum, searchable, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import checked_date, show_checked_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_organization_dialog import Ui_OrganizationDialog


def _fill_enum_combo(combo: QComboBox, enum_cls: type[LabeledEnum], placeholder: str) -> None:
    fill_enum(combo, enum_cls)
    combo.setPlaceholderText(placeholder)
    combo.setCurrentIndex(-1)


class OrganizationDialog(FormDialog):
    """Fields are validated by the service; refused input keeps the dialog open."""

    def __init__(
        self, ctx: AppContext, org_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.org_id = org_id
        self.ui = self.use_form(Ui_OrganizationDialog)
        self.field_widgets = self._field_widgets()
        self.setObjectName("organizationDialog")
        self.setWindowTitle(
            self.tr("New party organization") if org_id is None else self.tr("Edit organization")
        )
        self._date_rows = (
            (self.ui.foundedCheck, self.ui.foundedEdit),
            (self.ui.startCheck, self.ui.startEdit),
            (self.ui.endCheck, self.ui.endEdit),
        )
        self._fill_choices()
        for check, edit in self._date_rows:
            edit.setDate(QDate.currentDate())
            check.toggled.connect(edit.setEnabled)
        self.ui.kindCombo.currentIndexChanged.connect(self._update_period_rows)
        if org_id is not None:
            self._load(orgs.get_organization(ctx.db, org_id))
        self._update_period_rows()

    # -- set-up ------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        _fill_enum_combo(ui.kindCombo, OrgKind, self.tr("Choose a kind"))
        _fill_enum_combo(ui.fieldCombo, OrgField, self.tr("Choose a field"))
        _fill_enum_combo(ui.levelCombo, OrgLevel, self.tr("Choose a level"))
        towns = scope.towns(self.ctx.db)
        home = orgs.home_town(self.ctx.db)
        if home is not None and home not in towns:
            towns.insert(0, home)  # a town office's first organization
        ui.townCombo.addItems(towns)
        ui.townCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        ui.townCombo.setCurrentIndex(-1)
        if self.org_id is None and home is not None:
            ui.townCombo.setEditText(home)  # a new one is in the office's town, unless told
        others = [c for c in orgs.choices(self.ctx.db) if c.id != self.org_id]
        fill_choices(ui.parentCombo, others, "")
        searchable(ui.parentCombo)
        line_edit = ui.parentCombo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("None (type to search)"))
        ui.parentCombo.setCurrentIndex(0)

    def _load(self, detail: orgs.OrgDetail) -> None:
        ui = self.ui
        self.read_version = detail.version
        ui.nameEdit.setText(detail.name)
        ui.shortNameEdit.setText(detail.short_name or "")
        select_data(ui.kindCombo, detail.kind, otherwise=-1)
        select_data(ui.fieldCombo, detail.field, otherwise=-1)
        select_data(ui.levelCombo, detail.level, otherwise=-1)
        ui.townCombo.setEditText(detail.town or "")
        select_data(ui.parentCombo, detail.parent_id, otherwise=0)
        ui.secretaryEdit.setText(detail.secretary or "")
        ui.contactPersonEdit.setText(detail.contact_person or "")
        ui.phoneEdit.setText(detail.contact_phone or "")
        ui.addressEdit.setText(detail.address or "")
        show_checked_date(ui.foundedCheck, ui.foundedEdit, detail.founded_on)
        show_checked_date(ui.startCheck, ui.startEdit, detail.start_date)
        show_checked_date(ui.endCheck, ui.endEdit, detail.end_date)
        ui.remarkEdit.setPlainText(detail.remark or "")

    def _update_period_rows(self) -> None:
        """Start and end dates belong to temporary branches (临时党支部) only."""
        temporary = self.ui.kindCombo.currentData() == OrgKind.TEMPORARY_BRANCH
        for check, edit in self._date_rows[1:]:
            check.setEnabled(temporary)
            edit.setEnabled(temporary and check.isChecked())

    def _field_widgets(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "name": ui.nameEdit,
            "short_name": ui.shortNameEdit,
            "kind": ui.kindCombo,
            "field": ui.fieldCombo,
            "level": ui.levelCombo,
            "town": ui.townCombo,
            "parent_id": ui.parentCombo,
            "secretary": ui.secretaryEdit,
            "contact_person": ui.contactPersonEdit,
            "contact_phone": ui.phoneEdit,
            "address": ui.addressEdit,
            "founded_on": ui.foundedEdit,
            "start_date": ui.startEdit,
            "end_date": ui.endEdit,
        }

    # -- saving ------------------------------------------------------------------------
    def _parent_id(self) -> int | None:
        combo = self.ui.parentCombo
        text = combo.currentText().strip()
        if not text:
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index <= 0:
            raise ValidationError.single(
                "parent_id",
                self.tr("No organization is named “{0}”; choose one from the list.").format(text),
            )
        parent_id = combo.itemData(index)
        return int(parent_id) if parent_id is not None else None

    def input(self) -> orgs.OrgInput:
        """What the form holds, as the service's input (raises for an unknown parent)."""
        ui = self.ui
        return orgs.OrgInput(
            name=ui.nameEdit.text(),
            short_name=ui.shortNameEdit.text(),
            kind=ui.kindCombo.currentData(),
            field=ui.fieldCombo.currentData(),
            level=ui.levelCombo.currentData(),
            town=ui.townCombo.currentText(),
            parent_id=self._parent_id(),
            secretary=ui.secretaryEdit.text(),
            contact_person=ui.contactPersonEdit.text(),
            contact_phone=ui.phoneEdit.text(),
            address=ui.addressEdit.text(),
            founded_on=checked_date(ui.foundedCheck, ui.foundedEdit),
            start_date=checked_date(ui.startCheck, ui.startEdit),
            end_date=checked_date(ui.endCheck, ui.endEdit),
            remark=ui.remarkEdit.toPlainText(),
            version=self.read_version,
        )

    def save(self) -> int:
        data = self.input()
        if self.org_id is None:
            return orgs.create_organization(self.ctx.db, data)
        orgs.update_organization(self.ctx.db, self.org_id, data)
        return self.org_id
