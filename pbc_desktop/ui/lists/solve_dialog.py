"""Solve (办结) an item: the date, the result and the residents' satisfaction."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import Satisfaction
from pbc_desktop.services.lists import queries, supervision
from pbc_desktop.ui.common.combos import fill_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_solve_dialog import Ui_SolveDialog


class SolveDialog(FormDialog):
    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.ui = self.use_form(Ui_SolveDialog)
        ui = self.ui
        detail = queries.get_item_detail(ctx.db, item_id)
        ui.itemLabel.setText(detail.title)
        today = date.today()
        set_date_capped(ui.dateEdit, today)
        # No answer is preselected: the clerk records what the residents said.
        fill_enum(ui.satisfactionCombo, Satisfaction, self.tr("(choose)"))
        self.field_widgets = {
            "solved_on": ui.dateEdit,
            "result": ui.resultEdit,
            "satisfaction": ui.satisfactionCombo,
            "status": ui.itemLabel,
        }

    def save(self) -> int:
        ui = self.ui
        code = ui.satisfactionCombo.currentData()
        supervision.solve_item(
            self.ctx.db,
            self.item_id,
            supervision.SolveInput(
                solved_on=to_date(ui.dateEdit.date()),
                result=ui.resultEdit.toPlainText(),
                satisfaction=Satisfaction.from_label(code) if isinstance(code, str) else None,
            ),
        )
        return self.item_id
