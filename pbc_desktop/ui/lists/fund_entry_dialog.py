"""Record fund income (by source) or spending (by purpose) of a community."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.domain.money import MoneyError, format_yuan, parse_yuan
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import funds
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.combos import fill_choices, fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import set_date, set_date_capped, to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_fund_entry_dialog import Ui_FundEntryDialog


class FundEntryDialog(FormDialog):
    """An expense beyond the balance is confirmed through ``messages.confirm`` and marked."""

    def __init__(
        self,
        ctx: AppContext,
        community_id: int,
        community_name: str,
        direction: FundDirection,
        *,
        entry_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.community_id = community_id
        self.entry_id = entry_id
        self.direction = direction
        self.ui = Ui_FundEntryDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.init_form(self.ui.errorLabel, buttons=self.ui.buttonBox)
        ui = self.ui
        ui.communityLabel.setText(community_name)
        today = date.today()
        set_date_capped(ui.dateEdit, today)
        fill_enum(ui.sourceCombo, FundSource, self.tr("(choose)"))
        none = self.tr("(none)")
        fill_choices(ui.activityCombo, funds.activity_choices(ctx.db, community_id), none)
        fill_choices(ui.itemCombo, funds.project_choices(ctx.db, community_id), none)
        income = direction == FundDirection.INCOME
        ui.sourceCombo.setVisible(income)
        ui.sourceComboLabel.setVisible(income)
        ui.purposeEdit.setVisible(not income)
        ui.purposeEditLabel.setVisible(not income)
        self.field_widgets = {
            "amount": ui.amountEdit,
            "entry_date": ui.dateEdit,
            "source": ui.sourceCombo,
            "purpose": ui.purposeEdit,
            "activity": ui.activityCombo,
            "item": ui.itemCombo,
        }
        if entry_id is None:
            self.setWindowTitle(self.tr("Record income") if income else self.tr("Record expense"))
        else:
            self.setWindowTitle(self.tr("Edit fund entry"))
            entry = funds.get_entry(ctx.db, entry_id)
            self.read_version = entry.version
            set_date(ui.dateEdit, entry.entry_date)
            ui.amountEdit.setText(format_yuan(entry.amount_cents))
            select_data(ui.sourceCombo, entry.source.value if entry.source else None)
            ui.purposeEdit.setText(entry.purpose or "")
            select_data(ui.activityCombo, entry.activity_id)
            select_data(ui.itemCombo, entry.item_id)
            ui.handlerEdit.setText(entry.handler or "")
            ui.remarkEdit.setPlainText(entry.remark or "")
        ui.amountEdit.setFocus()

    def _input(self) -> funds.FundInput:
        ui = self.ui
        try:
            cents = parse_yuan(ui.amountEdit.text())
        except MoneyError as exc:
            raise ValidationError.single("amount", exc.message) from exc
        code = ui.sourceCombo.currentData()
        income = self.direction == FundDirection.INCOME
        return funds.FundInput(
            community_id=self.community_id,
            direction=self.direction,
            entry_date=to_date(ui.dateEdit.date()),
            amount_cents=cents,
            source=FundSource.from_label(code) if income and isinstance(code, str) else None,
            purpose=None if income else ui.purposeEdit.text(),
            activity_id=ui.activityCombo.currentData(),
            item_id=ui.itemCombo.currentData(),
            handler=ui.handlerEdit.text(),
            remark=ui.remarkEdit.toPlainText(),
            version=self.read_version,
        )

    def _write(self, data: funds.FundInput, *, confirm: bool) -> int:
        if self.entry_id is None:
            return funds.add_entry(self.ctx.db, data, confirm_over_balance=confirm)
        funds.update_entry(self.ctx.db, self.entry_id, data, confirm_over_balance=confirm)
        return self.entry_id

    def save(self) -> int:
        data = self._input()
        try:
            return self._write(data, confirm=False)
        except funds.OverBalanceError as exc:
            if not messages.confirm(self, self.tr("Over the balance"), exc.message):
                raise ValidationError.single("amount", exc.message) from exc
            return self._write(data, confirm=True)
