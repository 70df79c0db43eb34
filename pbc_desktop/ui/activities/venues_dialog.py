"""阵地管理: party-mass service centres and other sites, and the communities they are open to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from pbc_desktop.domain.enums import VenueKind
from pbc_desktop.errors import UserError
from pbc_desktop.services import organizations, scope
from pbc_desktop.services import venues as svc
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import fill_choices, fill_enum, searchable, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.discarding import AsksBeforeDiscarding
from pbc_desktop.ui.common.form_values import entered_values
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.views import close_without_enter
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.forms.ui_venues_dialog import Ui_VenuesDialog

DATA = Qt.ItemDataRole.UserRole
NO_CAPACITY = -1


class VenuesDialog(AsksBeforeDiscarding):
    """Pick a venue on the left, edit it on the right; every write goes through the service.
    What was typed for a venue and not saved is not dropped unasked: closing, or turning to
    another venue or a new one, asks first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_VenuesDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.errorLabel.hide()
        self.current_id: int | None = None
        self._rows: dict[int, svc.VenueRow] = {}
        self._new_refusal = svc.change_refusal(ctx.db)
        self._refusal = self._new_refusal  # of the shown venue (None: it may be changed)
        ui = self.ui
        fill_enum(ui.kindCombo, VenueKind)
        fill_choices(ui.ownerCombo, organizations.choices(ctx.db), "")
        searchable(ui.ownerCombo)
        ui.capacitySpin.setMinimum(NO_CAPACITY)
        ui.capacitySpin.setValue(NO_CAPACITY)
        for community in scope.community_choices(ctx.db):
            item = QListWidgetItem(community.name)
            item.setData(DATA, community.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.communitiesList.addItem(item)
        self.field_widgets: dict[str, QWidget] = {
            "name": ui.nameEdit,
            "capacity": ui.capacitySpin,
            "owner": ui.ownerCombo,
            "communities": ui.communitiesList,
            "address": ui.addressEdit,
            "opening_hours": ui.hoursEdit,
            "remark": ui.remarkEdit,
        }
        ui.searchEdit.textChanged.connect(lambda _t: self.reload())
        ui.venueList.currentRowChanged.connect(self._selected)
        ui.newButton.clicked.connect(self.new_venue)
        ui.deleteButton.clicked.connect(self.delete_current)
        ui.saveButton.clicked.connect(self.save)
        close_without_enter(ui.buttonBox, self, self.cancel)
        ui.saveButton.setDefault(True)
        self._guard_writes()
        self.reload()
        if ui.venueList.count():
            ui.venueList.setCurrentRow(0)
        else:
            self.new_venue()

    def _guard_writes(self) -> None:
        """A venue is changed by its owner's office: others see it, and the form stays."""
        ui = self.ui
        self.writes = WriteGuard(self.ctx, self)
        self.writes.add(ui.newButton, lambda: self._new_refusal)
        self.writes.add(ui.deleteButton, self.refused, when=lambda: self.current_id is not None)
        for widget in (
            ui.saveButton,
            ui.nameEdit,
            ui.kindCombo,
            ui.ownerCombo,
            ui.addressEdit,
            ui.capacitySpin,
            ui.hoursEdit,
            ui.communitiesList,
            ui.remarkEdit,
        ):
            self.writes.add(widget, self.refused)
        self.writes.update()

    def refused(self) -> str | None:
        """Why the account may not change the shown venue (or add one), or None."""
        return self._refusal

    def reload(self, select: int | None = None) -> None:
        ui = self.ui
        keep = select if select is not None else self.current_id
        rows = svc.list_venues(self.ctx.db, ui.searchEdit.text())
        self._rows = {r.id: r for r in rows}
        ui.venueList.blockSignals(True)
        ui.venueList.clear()
        for row in rows:
            item = QListWidgetItem(row.name)
            item.setData(DATA, row.id)
            item.setToolTip(label(row.kind))
            ui.venueList.addItem(item)
            if row.id == keep:
                ui.venueList.setCurrentItem(item)
        ui.venueList.blockSignals(False)
        self.writes.update()

    def entered(self) -> dict[object, object]:
        """The shown venue's form (the list of venues and its search are no input)."""
        return entered_values(self.ui.venueBox)

    def changed(self) -> bool:
        """The shown venue's form differs from what it was shown with (a venue the account
        may not change has nothing to lose)."""
        return self._refusal is None and super().changed()

    def _selected(self, index: int) -> None:
        item = self.ui.venueList.item(index) if index >= 0 else None
        row = self._rows.get(int(item.data(DATA))) if item is not None else None
        if row is None:
            return
        if row.id != self.current_id and not self.may_discard():
            self._select_quietly(self.current_id)  # back to the venue being typed into
            return
        self._show(row)

    def _select_quietly(self, venue_id: int | None) -> None:
        ui = self.ui
        ui.venueList.blockSignals(True)
        ui.venueList.setCurrentRow(-1)
        for i in range(ui.venueList.count()):
            if ui.venueList.item(i).data(DATA) == venue_id:
                ui.venueList.setCurrentRow(i)
        ui.venueList.blockSignals(False)

    def _show(self, row: svc.VenueRow | None) -> None:
        ui = self.ui
        self.current_id = row.id if row else None
        self.show_error(None)
        ui.venueBox.setTitle(row.name if row else self.tr("New venue"))
        ui.nameEdit.setText(row.name if row else "")
        kind = row.kind if row else VenueKind.SERVICE_CENTRE
        select_data(ui.kindCombo, kind, otherwise=-1)
        select_data(ui.ownerCombo, row.owner_org_id if row else None, otherwise=0)
        ui.addressEdit.setText((row.address if row else None) or "")
        capacity = row.capacity if row and row.capacity is not None else NO_CAPACITY
        ui.capacitySpin.setValue(capacity)
        ui.hoursEdit.setText((row.opening_hours if row else None) or "")
        ui.remarkEdit.setPlainText((row.remark if row else None) or "")
        opened = {c.id for c in row.communities} if row else set()
        for i in range(ui.communitiesList.count()):
            item = ui.communitiesList.item(i)
            checked = item.data(DATA) in opened
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._refusal = (
            svc.change_refusal(self.ctx.db, row.id) if row is not None else self._new_refusal
        )
        self.writes.update()
        self._shown_values = self.entered()  # the venue as shown: nothing typed yet

    def new_venue(self) -> None:
        if not self.may_discard():
            return
        self.ui.venueList.clearSelection()
        self.ui.venueList.setCurrentRow(-1)
        self._show(None)
        self.ui.nameEdit.setFocus()

    def collect(self) -> svc.VenueInput:
        ui = self.ui
        owner_index = ui.ownerCombo.findText(ui.ownerCombo.currentText().strip())
        owner = ui.ownerCombo.itemData(owner_index) if owner_index >= 0 else None
        capacity = ui.capacitySpin.value()
        shown = self._rows.get(self.current_id) if self.current_id is not None else None
        return svc.VenueInput(
            name=ui.nameEdit.text(),
            kind=VenueKind.from_label(str(ui.kindCombo.currentData())),
            owner_org_id=owner if isinstance(owner, int) else None,
            address=ui.addressEdit.text(),
            capacity=None if capacity == NO_CAPACITY else capacity,
            opening_hours=ui.hoursEdit.text(),
            remark=ui.remarkEdit.toPlainText(),
            community_ids=tuple(
                int(ui.communitiesList.item(i).data(DATA))
                for i in range(ui.communitiesList.count())
                if ui.communitiesList.item(i).checkState() == Qt.CheckState.Checked
            ),
            version=shown.version if shown is not None else None,
        )

    def show_error(self, error: UserError | None) -> None:
        messages.show_form_error(self.ui.errorLabel, self.field_widgets, error)

    def save(self) -> int | None:
        data = self.collect()
        try:
            if self.current_id is None:
                self.current_id = svc.create_venue(self.ctx.db, data)
            else:
                svc.update_venue(self.ctx.db, self.current_id, data)
        except UserError as exc:
            self.show_error(exc)
            return None
        self.show_error(None)
        self.reload(self.current_id)
        self._selected(self.ui.venueList.currentRow())
        return self.current_id

    def delete_current(self) -> None:
        row = self._rows.get(self.current_id) if self.current_id is not None else None
        if row is None:
            return
        question = self.tr("Delete the venue \u201c{0}\u201d?").format(row.name)
        if not messages.confirm(self, self.tr("Delete venue"), question):
            return
        try:
            svc.delete_venue(self.ctx.db, row.id)
        except UserError as exc:
            self.show_error(exc)
            return
        self.current_id = None
        self.reload()
        if self.ui.venueList.count():
            self.ui.venueList.setCurrentRow(0)
        else:
            self.new_venue()
