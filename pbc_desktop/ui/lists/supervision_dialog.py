"""Record a follow-up (督办) of an item: date, by whom, progress and next step."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services.lists import queries, supervision
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_supervision_dialog import Ui_SupervisionDialog


class SupervisionDialog(FormDialog):
    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.ui = self.use_form(Ui_SupervisionDialog)
        ui = self.ui
        detail = queries.get_item_detail(ctx.db, item_id)
        ui.itemLabel.setText(with_note(detail.title, detail.status_text))
        today = date.today()
        set_date_capped(ui.dateEdit, today)
        ui.byEdit.setText(ctx.actor if ctx.actor != "system" else "")
        self.field_widgets = {
            "entry_date": ui.dateEdit,
            "by_whom": ui.byEdit,
            "progress": ui.progressEdit,
            "next_step": ui.nextEdit,
            "status": ui.itemLabel,
        }

    def save(self) -> int:
        ui = self.ui
        return supervision.add_supervision(
            self.ctx.db,
            self.item_id,
            supervision.SupervisionInput(
                entry_date=to_date(ui.dateEdit.date()),
                by_whom=ui.byEdit.text(),
                progress=ui.progressEdit.toPlainText(),
                next_step=ui.nextEdit.toPlainText(),
            ),
        )
