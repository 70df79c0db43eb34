"""Record fund income (by source) or spending (by purpose) of a community.

党费补 income may name where it came from: a branch of the account's scope and the month
of its fee collection (yyyy-MM), with the sum that collection took in shown beside it;
the two fields are there only for that source.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.domain.money import MoneyError, cents_of, format_yuan, parse_yuan
from pbc_desktop.errors import UserError, ValidationError
from pbc_desktop.services import funds
from pbc_desktop.services.fees import collection, summary
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
        self.ui = self.use_form(Ui_FundEntryDialog)
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
        self._add_fee_fields(today)
        self.field_widgets = {
            "amount": ui.amountEdit,
            "entry_date": ui.dateEdit,
            "source": ui.sourceCombo,
            "purpose": ui.purposeEdit,
            "handler": ui.handlerEdit,
            "remark": ui.remarkEdit,
            "activity": ui.activityCombo,
            "item": ui.itemCombo,
            "fee_org": self.fee_org_combo,
            "fee_month": self.fee_month_edit,
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
            if entry.fee_org_id is not None:
                select_data(self.fee_org_combo, entry.fee_org_id)
            if entry.fee_month is not None:
                self.fee_month_edit.setDate(QDate(entry.fee_month.year, entry.fee_month.month, 1))
        self._update_fee_fields()
        ui.amountEdit.setFocus()

    # -- 党费补: the branch and month the income came from -------------------------------
    def _add_fee_fields(self, today: date) -> None:
        ui = self.ui
        self.fee_org_combo = QComboBox(self)
        self.fee_org_combo.setObjectName("feeOrgCombo")
        fill_choices(self.fee_org_combo, collection.branch_choices(self.ctx.db), self.tr("(none)"))
        self.fee_org_combo.setToolTip(
            self.tr("The branch whose Party-dues collection this income came from")
        )
        self.fee_month_edit = QDateEdit(self)
        self.fee_month_edit.setObjectName("feeMonthEdit")
        self.fee_month_edit.setDisplayFormat("yyyy-MM")
        self.fee_month_edit.setCalendarPopup(False)
        self.fee_month_edit.setDate(QDate(today.year, today.month, 1))
        self.fee_collected_label = QLabel(self)
        self.fee_collected_label.setObjectName("feeCollectedLabel")
        month_row = QWidget(self)
        box = QHBoxLayout(month_row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.fee_month_edit)
        box.addWidget(self.fee_collected_label, 1)
        self.fee_org_label = QLabel(self.tr("Dues of &branch:"), self)
        self.fee_org_label.setBuddy(self.fee_org_combo)
        self.fee_month_label = QLabel(self.tr("Dues of &month:"), self)
        self.fee_month_label.setBuddy(self.fee_month_edit)
        form = ui.formLayout
        position = cast(tuple[int, object], form.getWidgetPosition(ui.sourceCombo))
        row = position[0]
        form.insertRow(row + 1, self.fee_org_label, self.fee_org_combo)
        form.insertRow(row + 2, self.fee_month_label, month_row)
        self._fee_month_row = month_row
        self.setTabOrder(ui.sourceCombo, self.fee_org_combo)
        self.setTabOrder(self.fee_org_combo, self.fee_month_edit)
        ui.sourceCombo.currentIndexChanged.connect(self._update_fee_fields)
        self.fee_org_combo.currentIndexChanged.connect(self._update_fee_fields)
        self.fee_month_edit.dateChanged.connect(self._update_fee_fields)

    def from_dues(self) -> bool:
        """True for 党费补 income (the only entries that name a branch's collection)."""
        return (
            self.direction == FundDirection.INCOME
            and self.ui.sourceCombo.currentData() == FundSource.PARTY_DUES.value
        )

    def fee_org_id(self) -> int | None:
        data = self.fee_org_combo.currentData()
        return int(data) if self.from_dues() and data is not None else None

    def fee_month(self) -> date | None:
        if self.fee_org_id() is None:
            return None
        return to_date(self.fee_month_edit.date()).replace(day=1)

    def _update_fee_fields(self) -> None:
        shown = self.from_dues()
        for widget in (self.fee_org_label, self.fee_org_combo):
            widget.setVisible(shown)
        self.fee_month_label.setVisible(shown)
        self._fee_month_row.setVisible(shown)
        org_id, month = self.fee_org_id(), self.fee_month()
        self.fee_month_edit.setEnabled(org_id is not None)
        text = ""
        if org_id is not None and month is not None:
            try:
                total = summary.collected(self.ctx.db, org_id, month)
            except UserError:
                total = None
            if total is not None:
                text = self.tr("collected {0} yuan that month").format(format_yuan(cents_of(total)))
        self.fee_collected_label.setText(text)

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
            fee_org_id=self.fee_org_id(),
            fee_month=self.fee_month(),
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
            title = (
                self.tr("The balance would be negative")
                if isinstance(exc, funds.IncomeSpentError)
                else self.tr("Over the balance")
            )
            if not messages.confirm(self, title, exc.message):
                raise ValidationError.single("amount", exc.message) from exc
            return self._write(data, confirm=True)
