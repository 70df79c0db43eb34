"""Create or edit a service list (需求/资源/项目清单) of a community, with its signing date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import ListKind
from pbc_desktop.services.lists import editing, queries
from pbc_desktop.ui.common.combos import fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import (
    checked_date,
    set_date_capped,
    show_checked_date,
)
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_list_dialog import Ui_ListDialog


class ListDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        community_id: int,
        community_name: str,
        list_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community_id = community_id
        self.list_id = list_id
        self.ui = self.use_form(Ui_ListDialog)
        ui = self.ui
        ui.communityLabel.setText(community_name)
        fill_enum(ui.kindCombo, ListKind)
        today = date.today()
        set_date_capped(ui.signedEdit, today)
        ui.yearSpin.setValue(today.year)
        ui.signedCheck.toggled.connect(ui.signedEdit.setEnabled)
        ui.kindCombo.currentIndexChanged.connect(self._propose_title)
        ui.yearSpin.valueChanged.connect(self._propose_title)
        ui.titleEdit.textEdited.connect(self._title_typed)
        self._auto_title = True
        self.field_widgets = {
            "kind": ui.kindCombo,
            "title": ui.titleEdit,
            "year": ui.yearSpin,
            "signed_on": ui.signedEdit,
            "remark": ui.remarkEdit,
        }
        if list_id is None:
            self.setWindowTitle(self.tr("New service list"))
            ui.signedCheck.setChecked(False)
            ui.signedEdit.setEnabled(False)
            self._propose_title()
        else:
            self.setWindowTitle(self.tr("Edit service list"))
            row = queries.get_service_list(ctx.db, list_id)
            self.read_version = row.version
            self._auto_title = False
            select_data(ui.kindCombo, row.kind.value)
            ui.yearSpin.setValue(row.year)
            ui.titleEdit.setText(row.title)
            show_checked_date(ui.signedCheck, ui.signedEdit, row.signed_on)
            ui.remarkEdit.setPlainText(row.remark or "")

    def kind(self) -> ListKind:
        return ListKind.from_label(str(self.ui.kindCombo.currentData()))

    def _title_typed(self, _text: str) -> None:
        self._auto_title = False

    def _propose_title(self) -> None:
        """ "XX党建共同体2026年项目清单" until the clerk types a title of their own."""
        if not self._auto_title:
            return
        name = self.ui.communityLabel.text()
        self.ui.titleEdit.setText(f"{name}{self.ui.yearSpin.value()}年{self.kind().zh}")

    def save(self) -> int:
        ui = self.ui
        data = editing.ListInput(
            community_id=self.community_id,
            kind=self.kind(),
            title=ui.titleEdit.text(),
            year=ui.yearSpin.value(),
            signed_on=checked_date(ui.signedCheck, ui.signedEdit),
            remark=ui.remarkEdit.toPlainText(),
            version=self.read_version,
        )
        if self.list_id is None:
            return editing.create_list(self.ctx.db, data)
        editing.update_list(self.ctx.db, self.list_id, data)
        return self.list_id
