"""Add or edit an item of a list: title, content, the demand it answers, the resource it uses."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import ListKind
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services.lists import editing, queries
from pbc_desktop.ui.common.combos import fill_choices, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import checked_date, set_date, show_checked_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.forms.ui_item_dialog import Ui_ItemDialog


class ItemDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        list_id: int,
        item_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list_id = list_id
        self.item_id = item_id
        self.ui = self.use_form(Ui_ItemDialog)
        ui = self.ui
        lst = queries.get_service_list(ctx.db, list_id)
        ui.listLabel.setText(with_note(lst.title, label(lst.kind)))
        none = self.tr("(none)")
        fill_choices(
            ui.answersCombo,
            [
                c
                for c in queries.source_choices(ctx.db, lst.community_id, ListKind.DEMAND)
                if c.id != item_id
            ],
            none,
        )
        fill_choices(
            ui.usesCombo,
            [
                c
                for c in queries.source_choices(ctx.db, lst.community_id, ListKind.RESOURCE)
                if c.id != item_id
            ],
            none,
        )
        ui.deadlineCheck.toggled.connect(ui.deadlineEdit.setEnabled)
        set_date(ui.deadlineEdit, date(lst.year, 12, 31))
        ui.deadlineCheck.setChecked(False)
        ui.deadlineEdit.setEnabled(False)
        self.field_widgets = {
            "title": ui.titleEdit,
            "category": ui.categoryEdit,
            "description": ui.descriptionEdit,
            "answers_item": ui.answersCombo,
            "uses_item": ui.usesCombo,
            "expected_result": ui.expectedEdit,
        }
        if item_id is None:
            self.setWindowTitle(self.tr("New list item"))
            if lst.kind == ListKind.PROJECT:
                ui.deadlineCheck.setChecked(True)
                set_date(
                    ui.deadlineEdit, max(date.today() + timedelta(days=90), date(lst.year, 1, 1))
                )
        else:
            self.setWindowTitle(self.tr("Edit list item"))
            d = queries.get_item_detail(ctx.db, item_id)
            self.read_version = d.version
            ui.titleEdit.setText(d.title)
            ui.categoryEdit.setText(d.category or "")
            ui.descriptionEdit.setPlainText(d.description or "")
            ui.expectedEdit.setPlainText(d.expected_result or "")
            select_data(ui.answersCombo, d.answers_item_id)
            select_data(ui.usesCombo, d.uses_item_id)
            show_checked_date(ui.deadlineCheck, ui.deadlineEdit, d.deadline)

    def save(self) -> int:
        ui = self.ui
        data = editing.ItemInput(
            title=ui.titleEdit.text(),
            description=ui.descriptionEdit.toPlainText(),
            category=ui.categoryEdit.text(),
            answers_item_id=ui.answersCombo.currentData(),
            uses_item_id=ui.usesCombo.currentData(),
            expected_result=ui.expectedEdit.toPlainText(),
            deadline=checked_date(ui.deadlineCheck, ui.deadlineEdit),
            version=self.read_version,
        )
        if self.item_id is None:
            return editing.add_item(self.ctx.db, self.list_id, data)
        editing.update_item(self.ctx.db, self.item_id, data)
        return self.item_id
