"""Claim a project item: one organization (单个认领) or a group of members (组团认领)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidgetItem, QWidget

from pbc_desktop.domain.enums import ClaimMode
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services.lists import claims, queries
from pbc_desktop.ui.common.combos import fill_choices
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import (
    checked_date,
    set_date,
    set_date_capped,
    to_date,
)
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_claim_dialog import Ui_ClaimDialog

ORG_ROLE = Qt.ItemDataRole.UserRole
ORG_COL, PERSON_COL = 0, 1


class ClaimDialog(FormDialog):
    """The organization picker offers only the community's current member organizations."""

    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.ui = self.use_form(Ui_ClaimDialog)
        ui = self.ui
        detail = queries.get_item_detail(ctx.db, item_id)
        ui.itemLabel.setText(with_note(detail.title, detail.community_name))
        self.members = queries.member_choices(ctx.db, detail.community_id)
        fill_choices(ui.leadCombo, self.members)
        table = ui.partnersTable
        table.setHorizontalHeaderLabels([self.tr("Organization"), self.tr("Responsible person")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(ORG_COL, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(PERSON_COL, 160)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setRowCount(len(self.members))
        self._rows: list[tuple[int, QTableWidgetItem, QTableWidgetItem]] = []
        for row, member in enumerate(self.members):
            org = QTableWidgetItem(member.name)
            org.setData(ORG_ROLE, member.id)
            org.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            org.setCheckState(Qt.CheckState.Unchecked)
            person = QTableWidgetItem("")
            table.setItem(row, ORG_COL, org)
            table.setItem(row, PERSON_COL, person)
            self._rows.append((member.id, org, person))
        ui.partnersHint.setText(
            self.tr(
                "Tick the other member organizations that take part and name their responsible "
                "persons. The lead organization takes part anyway."
            )
        )
        today = date.today()
        set_date_capped(ui.claimedEdit, today)
        set_date(ui.deadlineEdit, detail.deadline or today + timedelta(days=90))
        ui.deadlineCheck.toggled.connect(ui.deadlineEdit.setEnabled)
        ui.groupRadio.toggled.connect(self._mode_changed)
        ui.leadCombo.currentIndexChanged.connect(self._mode_changed)
        self.field_widgets = {
            "lead_org": ui.leadCombo,
            "participants": ui.partnersTable,
            "claimed_on": ui.claimedEdit,
            "deadline": ui.deadlineEdit,
            "responsible": ui.responsibleEdit,
            "status": ui.itemLabel,
        }
        self._mode_changed()

    def mode(self) -> ClaimMode:
        return ClaimMode.GROUP if self.ui.groupRadio.isChecked() else ClaimMode.SINGLE

    def _mode_changed(self) -> None:
        group = self.mode() == ClaimMode.GROUP
        table = self.ui.partnersTable
        table.setEnabled(group)
        self.ui.partnersHint.setVisible(group)
        lead = self.ui.leadCombo.currentData()
        for row, (org_id, _org, _person) in enumerate(self._rows):
            table.setRowHidden(row, org_id == lead)

    def set_partner(self, org_id: int, checked: bool = True, person: str = "") -> None:
        for row_org, org, person_item in self._rows:
            if row_org == org_id:
                org.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                person_item.setText(person)

    def partners(self) -> tuple[claims.ParticipantInput, ...]:
        if self.mode() != ClaimMode.GROUP:
            return ()
        lead = self.ui.leadCombo.currentData()
        chosen = []
        for org_id, org, person in self._rows:
            if org_id != lead and org.checkState() == Qt.CheckState.Checked:
                chosen.append(claims.ParticipantInput(org_id, person.text().strip() or None))
        return tuple(chosen)

    def save(self) -> int:
        ui = self.ui
        data = claims.ClaimInput(
            mode=self.mode(),
            lead_org_id=ui.leadCombo.currentData(),
            claimed_on=to_date(ui.claimedEdit.date()),
            deadline=checked_date(ui.deadlineCheck, ui.deadlineEdit),
            responsible=ui.responsibleEdit.text(),
            participants=self.partners(),
        )
        return claims.claim_item(self.ctx.db, self.item_id, data)
