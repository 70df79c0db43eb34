"""A member's 党费缴纳基数: the category, the monthly income or a fixed standard, from a
month on; the standard it gives is shown as it is typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.fees import FeeCategory, month_of
from pbc_desktop.domain.money import typed_amount
from pbc_desktop.services.fees import basis
from pbc_desktop.services.versions import NONE_YET
from pbc_desktop.ui.common.combos import fill_enum, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import to_date
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_fee_basis_dialog import Ui_FeeBasisDialog


class FeeBasisDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        member_id: int,
        member_name: str,
        month: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.ui = self.use_form(Ui_FeeBasisDialog)
        ui = self.ui
        ui.memberLabel.setText(member_name)
        ui.monthEdit.setDate(QDate(month.year, month.month, 1))
        fill_enum(ui.categoryCombo, FeeCategory)
        bases = basis.member_bases(ctx.db, member_id)
        # each month's basis as read now: a save over one changed meanwhile is refused
        self.read_versions = {b.effective_from: b.version for b in bases}
        current = [b for b in bases if b.effective_from <= month]
        if current:
            last = current[-1]
            select_data(ui.categoryCombo, last.category.value)
            ui.incomeEdit.setText("" if last.income is None else f"{last.income}")
            ui.fixedEdit.setText("" if last.fixed is None else f"{last.fixed}")
            if last.effective_from == month_of(month):  # this month's own basis
                ui.remarkEdit.setText(last.remark or "")
        for edit in (ui.incomeEdit, ui.fixedEdit):
            edit.textChanged.connect(lambda _t: self.show_standard())
        ui.categoryCombo.currentIndexChanged.connect(lambda _i: self.show_standard())
        ui.monthEdit.dateChanged.connect(lambda _d: self.show_standard())
        self.field_widgets = {
            "income": ui.incomeEdit,
            "fixed": ui.fixedEdit,
            "category": ui.categoryCombo,
            "effective_from": ui.monthEdit,
            "remark": ui.remarkEdit,
        }
        self.show_standard()

    def data(self) -> basis.BasisInput:
        ui = self.ui
        income = typed_amount(ui.incomeEdit.text())
        fixed = typed_amount(ui.fixedEdit.text())
        start = month_of(to_date(ui.monthEdit.date()))
        return basis.BasisInput(
            self.member_id,
            start,
            FeeCategory.from_label(str(ui.categoryCombo.currentData())),
            income=income,
            fixed=fixed,
            remark=ui.remarkEdit.text(),
            version=self.read_versions.get(start, NONE_YET),
        )

    def show_standard(self) -> None:
        data = self.data()
        if any(v is not None and v.is_nan() for v in (data.income, data.fixed)):
            standard = None
        else:
            standard = basis.preview_standard(self.ctx.db, data)
        self.ui.standardLabel.setText(
            self.tr("(not yet)")
            if standard is None
            else self.tr("{0} yuan a month").format(standard)
        )

    def save(self) -> int:
        basis.set_basis(self.ctx.db, self.data())
        return self.member_id
