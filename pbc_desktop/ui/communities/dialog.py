"""Create or edit a Party-building community: basics, members, team and convener rotation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from pbc_desktop.domain import rotation
from pbc_desktop.domain.enums import CoBuildType, LeadershipRole
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services import communities as svc
from pbc_desktop.ui.common.combos import fill, fill_enum, find_data, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import NO_DATE, date_of, optional_date_edit, to_qdate
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.form_values import not_entered
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.views import cell_text, cell_widget, tab_through_cell_widgets
from pbc_desktop.ui.forms.ui_community_dialog import Ui_CommunityDialog

ORG_ROLE = Qt.ItemDataRole.UserRole
PICKER_LIMIT = 200

ROLE_PERSON, ROLE_ROLE, ROLE_ORG, ROLE_CROSS, ROLE_PHONE = range(5)
TURN_ORG, TURN_LABEL, TURN_START, TURN_END = range(4)


class CommunityDialog(FormDialog):
    """Widgets only: everything is checked and saved by ``services.communities``."""

    def __init__(
        self, ctx: AppContext, community_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community_id = community_id
        self.ui = Ui_CommunityDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.init_form(self.ui.errorLabel, self.ui.tabs, buttons=self.ui.buttonBox)
        self.ui.typesBox.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.type_boxes: dict[CoBuildType, QCheckBox] = {
            CoBuildType.CROSS_FIELD: self.ui.typeCrossField,
            CoBuildType.CROSS_LEVEL: self.ui.typeCrossLevel,
            CoBuildType.CROSS_REGION: self.ui.typeCrossRegion,
            CoBuildType.CROSS_INDUSTRY: self.ui.typeCrossIndustry,
        }
        for kind, box in self.type_boxes.items():
            box.setText(label(kind))
        fill_enum(self.ui.periodLengthCombo, rotation.PeriodLength)
        select_data(self.ui.periodLengthCombo, rotation.PeriodLength.QUARTER, otherwise=-1)
        self.ui.foundedEdit.setMinimumDate(NO_DATE)
        self.ui.foundedEdit.setSpecialValueText(" ")
        self.ui.foundedEdit.setMaximumDate(to_qdate(date.today()))
        for table in (self.ui.rolesTable, self.ui.rotationTable):
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().setVisible(False)
            tab_through_cell_widgets(table)
        # Names of every organization this dialog has shown, members or former members.
        self._org_names: dict[int, str] = {}
        self._former: list[svc.MemberView] = []
        self._saved_members: dict[int, svc.MemberView] = {}
        self.field_widgets = {
            "name": self.ui.nameEdit,
            "types": self.ui.typesBox,
            "founded_on": self.ui.foundedEdit,
            "members": self.ui.membersList,
            "lead_org": self.ui.leadCombo,
            "roles": self.ui.rolesTable,
            "rotation": self.ui.rotationTable,
            "theme": self.ui.themeEdit,
            "description": self.ui.descriptionEdit,
        }
        not_entered(self.ui.orgFilterEdit, self.ui.availableList)  # to choose from
        self._connect()
        if community_id is None:
            self.setWindowTitle(self.tr("New Party-building community"))
            self.ui.foundedEdit.setDate(to_qdate(date.today()))
        else:
            self.setWindowTitle(self.tr("Edit Party-building community"))
            self._load(svc.get_community(ctx.db, community_id, for_editing=True))
        self.reload_available()
        self.no_orgs_hint: QFrame | None = None
        if community_id is None and not svc.organization_choices(ctx.db, limit=1):
            self._add_no_orgs_hint()
        self._update_buttons()

    def _add_no_orgs_hint(self) -> None:
        """No organization to choose from: say where they are made, with a button."""
        hint = QFrame(self)
        hint.setObjectName("communityNoOrgsHint")
        hint.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(
            self.tr(
                "No Party organization is stored yet, so there is no lead or member "
                "organization to choose. Import them first (File → Import Party "
                "organizations from Excel...) or add them one by one on the Organizations tab."
            ),
            hint,
        )
        text.setWordWrap(True)
        button = QPushButton(self.tr("Import &organizations..."), hint)
        button.setObjectName("communityImportOrgsButton")
        button.clicked.connect(self.import_organizations)
        row = QHBoxLayout(hint)
        row.addWidget(text, 1)
        row.addWidget(button)
        layout = self.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(0, hint)
        self.no_orgs_hint = hint

    def import_organizations(self) -> QDialog:
        """The organization import over this dialog; the pickers follow what it added."""
        from pbc_desktop.ui.organizations.import_dialog import OrganizationImportDialog

        dialog = OrganizationImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _result: self._organizations_imported())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _organizations_imported(self) -> None:
        self.reload_available()
        if self.no_orgs_hint is not None and svc.organization_choices(self.ctx.db, limit=1):
            self.no_orgs_hint.hide()

    def _connect(self) -> None:
        ui = self.ui
        ui.orgFilterEdit.textChanged.connect(self.reload_available)
        ui.addMemberButton.clicked.connect(self.add_selected_members)
        ui.removeMemberButton.clicked.connect(self.remove_selected_members)
        ui.availableList.itemDoubleClicked.connect(lambda _i: self.add_selected_members())
        ui.membersList.itemDoubleClicked.connect(lambda _i: self.remove_selected_members())
        ui.memberUpButton.clicked.connect(lambda: self._move_member(-1))
        ui.memberDownButton.clicked.connect(lambda: self._move_member(1))
        ui.addRoleButton.clicked.connect(self._add_blank_role)
        ui.removeRoleButton.clicked.connect(self._remove_role_row)
        ui.proposeTurnButton.clicked.connect(self.propose_turn)
        ui.removeTurnButton.clicked.connect(self._remove_turn_row)
        for widget in (ui.availableList, ui.membersList):
            widget.itemSelectionChanged.connect(self._update_buttons)
        ui.rolesTable.itemSelectionChanged.connect(self._update_buttons)
        ui.rotationTable.itemSelectionChanged.connect(self._update_buttons)

    # -- loading -----------------------------------------------------------------------------
    def _load(self, detail: svc.CommunityDetail) -> None:
        ui = self.ui
        self.read_version = detail.version
        ui.nameEdit.setText(detail.name)
        ui.themeEdit.setText(detail.theme or "")
        ui.descriptionEdit.setPlainText(detail.description or "")
        ui.foundedEdit.setDate(to_qdate(detail.founded_on) if detail.founded_on else NO_DATE)
        for kind, box in self.type_boxes.items():
            box.setChecked(kind in detail.types)
        for member in detail.members:
            self._org_names[member.organization_id] = member.name
            self._saved_members[member.organization_id] = member
            if member.active:
                self._append_member(member.organization_id, member.name, member.town)
            else:
                self._former.append(member)
        self._members_changed()
        select_data(ui.leadCombo, detail.lead_org_id, otherwise=-1)
        for role in detail.roles:
            if role.organization_id is not None and role.organization_name:
                self._org_names[role.organization_id] = role.organization_name
            self.add_role_row(role)
        for turn in detail.rotation:
            self._org_names[turn.organization_id] = turn.organization_name
            self.add_turn_row(
                turn.organization_id, turn.period_label, turn.period_start, turn.period_end
            )
        if detail.rotation:
            last = detail.rotation[-1]
            length = rotation.guess_length(last.period_start, last.period_end)
            select_data(ui.periodLengthCombo, length, otherwise=-1)

    # -- member picker -----------------------------------------------------------------------
    def member_ids(self) -> list[int]:
        ids: list[int] = []
        for row in range(self.ui.membersList.count()):
            item = self.ui.membersList.item(row)
            ids.append(int(item.data(ORG_ROLE)))
        return ids

    def reload_available(self) -> None:
        chosen = set(self.member_ids())
        choices = svc.organization_choices(
            self.ctx.db, self.ui.orgFilterEdit.text(), limit=PICKER_LIMIT
        )
        listing = self.ui.availableList
        listing.clear()
        for choice in choices:
            if choice.id in chosen:
                continue
            self._org_names[choice.id] = choice.name
            item = QListWidgetItem(self._org_text(choice.name, choice.town))
            item.setData(ORG_ROLE, choice.id)
            listing.addItem(item)
        if len(choices) >= PICKER_LIMIT:
            more = QListWidgetItem(self.tr("More organizations: type to narrow the list"))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(more)
        self._update_buttons()

    @staticmethod
    def _org_text(name: str, town: str | None) -> str:
        return with_note(name, town) if town else name

    def _append_member(self, org_id: int, name: str, town: str | None) -> None:
        item = QListWidgetItem(self._org_text(name, town))
        item.setData(ORG_ROLE, org_id)
        self.ui.membersList.addItem(item)

    def add_selected_members(self) -> None:
        for item in self.ui.availableList.selectedItems():
            org_id = item.data(ORG_ROLE)
            if org_id is None:
                continue
            self.ui.membersList.addItem(item.clone())
            self._former = [m for m in self._former if m.organization_id != org_id]
        self._members_changed()
        self.reload_available()

    def remove_selected_members(self) -> None:
        for item in self.ui.membersList.selectedItems():
            org_id = int(item.data(ORG_ROLE))
            if org_id in self._saved_members:
                # A saved member that is removed leaves: the rotation passes over it.
                self._former.append(self._saved_members[org_id])
            self.ui.membersList.takeItem(self.ui.membersList.row(item))
        self._members_changed()
        self.reload_available()

    def _move_member(self, step: int) -> None:
        listing = self.ui.membersList
        row = listing.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < listing.count():
            return
        item = listing.takeItem(row)
        listing.insertItem(target, item)
        listing.setCurrentRow(target)
        self._members_changed()

    def _members_changed(self) -> None:
        members = [(org_id, self._org_names.get(org_id, "")) for org_id in self.member_ids()]
        self._fill_org_combo(self.ui.leadCombo, members, blank=False)
        for row in range(self.ui.rolesTable.rowCount()):
            combo = self.ui.rolesTable.cellWidget(row, ROLE_ORG)
            if isinstance(combo, QComboBox):
                self._fill_org_combo(combo, members, blank=True)
        for row in range(self.ui.rotationTable.rowCount()):
            combo = self.ui.rotationTable.cellWidget(row, TURN_ORG)
            if isinstance(combo, QComboBox):
                self._fill_org_combo(combo, members, blank=False)
        self._update_buttons()

    def _fill_org_combo(
        self, combo: QComboBox, members: list[tuple[int, str]], *, blank: bool
    ) -> None:
        """Refill with the members, keeping the current choice (even a former member)."""
        current = combo.currentData()
        combo.blockSignals(True)
        fill(combo, ((name, org_id) for org_id, name in members), "" if blank else None)
        if isinstance(current, int) and find_data(combo, current) < 0:
            combo.addItem(self._org_names.get(current, str(current)), current)
        select_data(combo, current, otherwise=0 if combo.count() else -1)
        combo.blockSignals(False)

    def _members(self) -> list[tuple[int, str]]:
        return [(org_id, self._org_names.get(org_id, "")) for org_id in self.member_ids()]

    # -- leadership team ---------------------------------------------------------------------
    def add_role_row(self, role: svc.RoleView | None = None) -> int:
        table = self.ui.rolesTable
        row = table.rowCount()
        table.insertRow(row)
        person = QTableWidgetItem(role.person_name if role else "")
        table.setItem(row, ROLE_PERSON, person)
        role_combo = QComboBox(table)
        fill_enum(role_combo, LeadershipRole)
        if role is not None:
            select_data(role_combo, role.role, otherwise=-1)
        elif row > 0:
            select_data(role_combo, LeadershipRole.COMMITTEE_MEMBER, otherwise=-1)
        table.setCellWidget(row, ROLE_ROLE, role_combo)
        org_combo = QComboBox(table)
        if role is not None and role.organization_id is not None:
            org_combo.addItem(role.organization_name or "", role.organization_id)
        self._fill_org_combo(org_combo, self._members(), blank=True)
        table.setCellWidget(row, ROLE_ORG, org_combo)
        cross = QTableWidgetItem()
        cross.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        cross.setCheckState(
            Qt.CheckState.Checked if role and role.cross_appointment else Qt.CheckState.Unchecked
        )
        table.setItem(row, ROLE_CROSS, cross)
        table.setItem(row, ROLE_PHONE, QTableWidgetItem((role.phone if role else None) or ""))
        if role is None:
            table.setCurrentItem(person)
            table.editItem(person)
        return row

    def _add_blank_role(self) -> None:
        self.add_role_row()
        self._update_buttons()

    def _remove_role_row(self) -> None:
        row = self.ui.rolesTable.currentRow()
        if row >= 0:
            self.ui.rolesTable.removeRow(row)
        self._update_buttons()

    def _role_inputs(self) -> tuple[svc.RoleInput, ...]:
        table = self.ui.rolesTable
        roles: list[svc.RoleInput] = []
        for row in range(table.rowCount()):
            cross = table.item(row, ROLE_CROSS)
            role_combo = cell_widget(table, row, ROLE_ROLE, QComboBox)
            org_id = cell_widget(table, row, ROLE_ORG, QComboBox).currentData()
            roles.append(
                svc.RoleInput(
                    person_name=cell_text(table, row, ROLE_PERSON) or "",
                    role=LeadershipRole.from_label(str(role_combo.currentData())),
                    organization_id=org_id if isinstance(org_id, int) else None,
                    cross_appointment=bool(cross and cross.checkState() == Qt.CheckState.Checked),
                    phone=cell_text(table, row, ROLE_PHONE),
                )
            )
        return tuple(roles)

    # -- convener rotation -------------------------------------------------------------------
    def add_turn_row(
        self, org_id: int | None, period_label: str, start: date | None, end: date | None
    ) -> int:
        table = self.ui.rotationTable
        row = table.rowCount()
        table.insertRow(row)
        org_combo = QComboBox(table)
        if org_id is not None:
            org_combo.addItem(self._org_names.get(org_id, str(org_id)), org_id)
        self._fill_org_combo(org_combo, self._members(), blank=False)
        table.setCellWidget(row, TURN_ORG, org_combo)
        table.setItem(row, TURN_LABEL, QTableWidgetItem(period_label))
        table.setCellWidget(row, TURN_START, optional_date_edit(start, table))
        table.setCellWidget(row, TURN_END, optional_date_edit(end, table))
        return row

    def _turn_inputs(self) -> tuple[svc.TurnInput, ...]:
        table = self.ui.rotationTable
        turns: list[svc.TurnInput] = []
        for row in range(table.rowCount()):
            org_id = cell_widget(table, row, TURN_ORG, QComboBox).currentData()
            turns.append(
                svc.TurnInput(
                    organization_id=org_id if isinstance(org_id, int) else -1,
                    period_label=cell_text(table, row, TURN_LABEL) or "",
                    period_start=date_of(cell_widget(table, row, TURN_START, QDateEdit)),
                    period_end=date_of(cell_widget(table, row, TURN_END, QDateEdit)),
                )
            )
        return tuple(turns)

    def proposal(self) -> tuple[int, rotation.Period] | None:
        """The next convener in member order after the last row, and the following period."""
        members = [rotation.RotationMember(org_id) for org_id in self.member_ids()]
        members += [rotation.RotationMember(m.organization_id, False) for m in self._former]
        turns = [t for t in self._turn_inputs() if t.organization_id >= 0]
        org_id = rotation.next_convener(members, [t.organization_id for t in turns])
        if org_id is None:
            return None
        length = rotation.PeriodLength.from_label(str(self.ui.periodLengthCombo.currentData()))
        last_end = turns[-1].period_end if turns else None
        return org_id, rotation.next_period(last_end, length, date.today())

    def propose_turn(self) -> None:
        proposal = self.proposal()
        if proposal is None:
            return
        org_id, period = proposal
        row = self.add_turn_row(org_id, period.label, period.start, period.end)
        self.ui.rotationTable.setCurrentCell(row, TURN_LABEL)
        self._update_buttons()

    def _remove_turn_row(self) -> None:
        row = self.ui.rotationTable.currentRow()
        if row >= 0:
            self.ui.rotationTable.removeRow(row)
        self._update_buttons()

    # -- saving ------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ui = self.ui
        ui.addMemberButton.setEnabled(
            any(i.data(ORG_ROLE) is not None for i in ui.availableList.selectedItems())
        )
        has_member = bool(ui.membersList.selectedItems())
        ui.removeMemberButton.setEnabled(has_member)
        row = ui.membersList.currentRow() if has_member else -1
        ui.memberUpButton.setEnabled(row > 0)
        ui.memberDownButton.setEnabled(0 <= row < ui.membersList.count() - 1)
        ui.removeRoleButton.setEnabled(ui.rolesTable.currentRow() >= 0)
        ui.removeTurnButton.setEnabled(ui.rotationTable.currentRow() >= 0)
        ui.proposeTurnButton.setEnabled(ui.membersList.count() > 0)

    def collect(self) -> svc.CommunityInput:
        ui = self.ui
        lead = ui.leadCombo.currentData()
        return svc.CommunityInput(
            name=ui.nameEdit.text(),
            theme=ui.themeEdit.text(),
            types=tuple(kind for kind, box in self.type_boxes.items() if box.isChecked()),
            founded_on=date_of(ui.foundedEdit),
            description=ui.descriptionEdit.toPlainText(),
            lead_org_id=lead if isinstance(lead, int) else None,
            member_org_ids=tuple(self.member_ids()),
            roles=self._role_inputs(),
            rotation=self._turn_inputs(),
            version=self.read_version,
        )

    def save(self) -> int:
        data = self.collect()
        if self.community_id is None:
            self.community_id = svc.create_community(self.ctx.db, data)
        else:
            svc.update_community(self.ctx.db, self.community_id, data)
        return self.community_id
