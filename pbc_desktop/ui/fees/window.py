"""党费收缴: a branch's members for a month in one grid, typed from the keyboard (Enter
moves down the column), saved at once, and printed as the 党费收缴表 or the 公示."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.fees import month_of
from pbc_desktop.domain.money import format_amount
from pbc_desktop.reports.fees import build_year_summary, write_notice_pdf, write_sheet_pdf
from pbc_desktop.services.fees import collection
from pbc_desktop.ui.common import combos, messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import DateEdit, set_date, to_date
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.views import add_captioned, enter_presses_nothing
from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog
from pbc_desktop.ui.fees.sheet_model import PAID, FeeSheetModel


class SheetView(QTableView):
    """A grid where Enter, after typing a cell, goes on to the same cell of the next row;
    a value the model refused keeps the clerk on its cell."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        model = self.model()
        refused = isinstance(model, FeeSheetModel) and model.refusal is not None
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and not refused:
            current = self.currentIndex()
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid():
                self.setCurrentIndex(below)
                self.edit(below)


class FeeCollectionWindow(MenuWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "feeCollectionWindow")
        self.setWindowTitle(self.tr("Party fee collection"))
        self.resize(900, 640)
        self.branch = QComboBox(self)
        self.branch.setObjectName("feeBranch")
        self.month = QDateEdit(self)
        self.month.setObjectName("feeMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        self.paid_on = DateEdit(self)
        self.paid_on.setObjectName("feePaidOn")
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        today = date.today()
        self.month.setDate(QDate(today.year, today.month, 1))
        # no sheet of a month to come (2099's showed 887 months owed): paying ahead is
        # entered as months ahead on this month's sheet
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        set_date(self.paid_on, today)
        top = QHBoxLayout()
        add_captioned(top, self.tr("&Organization:"), self.branch, 2)
        add_captioned(top, self.tr("&Month:"), self.month)
        add_captioned(top, self.tr("Paid on (&D):"), self.paid_on)
        self.model = FeeSheetModel(self)
        self._sheet: collection.CollectionSheet | None = None
        self.view = SheetView(self)
        self.view.setObjectName("feeSheet")
        self.view.setModel(self.model)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(True)
        self.totals = QLabel(self)
        self.totals.setObjectName("feeTotals")
        self.error = messages.error_line(self, "feeError")
        self.model.refused.connect(self._refused)
        self.paid_on.refused.connect(self._refused)  # a day that does not exist, 2026-11-31
        self.fill = QPushButton(self.tr("&Fill in the standards"), self)
        self.fill.setObjectName("feeFill")
        self.basis = QPushButton(self.tr("Fee &basis..."), self)
        self.basis.setObjectName("feeBasis")
        self.save = QPushButton(self.tr("&Save"), self)
        self.save.setObjectName("feeSave")
        self.print_sheet = QPushButton(self.tr("Collection s&heet PDF..."), self)
        self.print_sheet.setObjectName("feeSheetPdf")
        self.print_notice = QPushButton(self.tr("&Notice PDF..."), self)
        self.print_notice.setObjectName("feeNoticePdf")
        self.print_year = QPushButton(self.tr("&Year summary PDF..."), self)
        self.print_year.setObjectName("feeYearPdf")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for button in (
            self.basis,
            self.fill,
            self.save,
            self.print_sheet,
            self.print_notice,
            self.print_year,
        ):
            bottom.addWidget(button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.totals)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_sheet)
        self.fill.clicked.connect(self.fill_standards)
        self.basis.clicked.connect(self.edit_basis)
        self.save.clicked.connect(self.save_sheet)
        self.print_sheet.clicked.connect(lambda: self.write_pdf(notice=False))
        self.print_notice.clicked.connect(lambda: self.write_pdf(notice=True))
        self.print_year.clicked.connect(self.write_year_summary)
        self.model.dataChanged.connect(lambda *_: self._show_totals())
        self.model.modelReset.connect(self.error.hide)
        combos.fill_choices(self.branch, collection.branch_choices(ctx.db))
        self.branch.currentIndexChanged.connect(lambda _i: self.choose())
        self.month.dateChanged.connect(lambda _d: self.choose())
        self._shown = (self.branch.currentIndex(), self.month.date())
        enter_presses_nothing(self)  # Enter is the grid's: down the column
        self.load()

    def choose(self) -> None:
        """Another organization or month: what was typed and not saved is kept unless the
        clerk agrees to drop it."""
        if self.model.changed and not messages.confirm(
            self,
            self.tr("Party fee collection"),
            self.tr("The amounts typed are not saved. Show another sheet without saving them?"),
        ):
            for widget in (self.branch, self.month):
                widget.blockSignals(True)
            self.branch.setCurrentIndex(self._shown[0])
            self.month.setDate(self._shown[1])
            for widget in (self.branch, self.month):
                widget.blockSignals(False)
            return
        self._shown = (self.branch.currentIndex(), self.month.date())
        self.load()

    def show_sheet(self, organization_id: int | None, month: date | None = None) -> None:
        """The sheet of ``organization_id`` (when it is one the account collects for) at
        ``month`` (else the month shown), as a reminder asks."""
        if month is not None:
            self.month.setDate(QDate(month.year, month.month, 1))
        if organization_id is not None:
            combos.select_data(self.branch, organization_id)

    # -- reading ------------------------------------------------------------------------
    def org_id(self) -> int | None:
        data = self.branch.currentData()
        return int(data) if data is not None else None

    def chosen_month(self) -> date:
        return month_of(to_date(self.month.date()))

    def load(self, *, keep_typed: bool = False) -> None:
        """The sheet as stored; with ``keep_typed`` (the same sheet read again), what was
        typed and not saved stays, checked on saving against the sheet it was typed on."""
        org_id = self.org_id()
        sheet = None
        if org_id is not None:
            sheet = collection.collection_sheet(self.ctx.db, org_id, self.chosen_month())
        before = self._sheet
        if keep_typed and self.model.changed and sheet is not None and before is not None:
            sheet = replace(sheet, stamp=before.stamp)  # another's save meanwhile: refused
        self.model.set_sheet(sheet, keep_typed=keep_typed)
        self._sheet = sheet
        for button in (self.print_sheet, self.print_notice):  # no sheet: they did nothing
            button.setEnabled(sheet is not None)
        refusal = None if org_id is None else collection.save_refusal(self.ctx.db, org_id)
        for button in (self.save, self.fill, self.basis):
            button.setEnabled(org_id is not None and refusal is None)
            button.setToolTip(refusal or "")
        self.view.setEditTriggers(
            self.view.editTriggers()
            if refusal is None
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, PAID))
        self._show_totals()

    def _refused(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def _show_totals(self) -> None:
        self.error.hide()  # a cell taken: the refusal before it is past
        sheet = self._sheet
        if sheet is None:
            self.totals.setText(self.tr("No organization with members in your scope."))
            return
        self.totals.setText(
            self.tr("{members} members, {due} yuan due, {paid} yuan paid").format(
                members=len(sheet.rows),
                due=format_amount(sheet.due_total, grouped=False),
                paid=format_amount(self.model.paid_total(), grouped=False),  # as typed
            )
            + (self.tr(" (not saved)") if self.model.changed else "")
        )

    # -- actions ------------------------------------------------------------------------
    def fill_standards(self) -> None:
        self.model.fill_standard()
        self._show_totals()

    def edit_basis(self) -> None:
        """The selected member's 缴纳基数; the grid reloads when it is saved, keeping what
        was typed and not saved (the amounts typed for the others vanished unsaid)."""
        current = self.view.currentIndex()
        if not current.isValid() or not self.basis.isEnabled():
            return
        self._commit_open_cell()
        row = self.model.row_at(current.row())
        dialog = FeeBasisDialog(self.ctx, row.member_id, row.name, self.chosen_month(), self)
        if dialog.exec():
            self.load(keep_typed=True)
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))

    def _commit_open_cell(self) -> None:
        """What is typed in the open cell counts, as if Enter had been pressed."""
        editor = self.focusWidget()  # the window's, active or not
        if self.view.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.view.commitData(editor)
            self.view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def reject(self) -> None:
        """Closed (Esc, 关闭, the title bar, another user signing in) with amounts typed and
        not saved: asked first, as showing another sheet is; they were dropped unsaid."""
        self._commit_open_cell()
        if self.model.changed and not messages.confirm(
            self,
            self.tr("Party fee collection"),
            self.tr("The amounts typed are not saved. Close without saving them?"),
        ):
            return
        super().reject()

    def save_sheet(self) -> bool:
        """Save what was typed; whether it was saved."""
        org_id = self.org_id()
        if org_id is None or not self.save.isEnabled():
            return False
        self._commit_open_cell()
        self.paid_on.finish_typing()  # 保存 clicked while the date was being typed
        if self.paid_on.problem:  # the date typed was not taken: not saved under the old one
            self._refused(self.paid_on.problem)
            self.paid_on.setFocus()
            return False
        entries = self.model.entries()
        paid_on = to_date(self.paid_on.date())
        month = self.chosen_month()
        stamp = self._sheet.stamp if self._sheet is not None else None
        result: list[collection.SavedSheet] = []
        if messages.guarded(
            self,
            lambda: result.append(
                collection.save_sheet(
                    self.ctx.db, org_id, month, entries, paid_on, read_stamp=stamp
                )
            ),
        ):
            self.load()
            # nothing typed: said so, not "saved" (the clerk would think something was)
            done = self.tr(" — saved") if result[0].payments else self.tr(" — nothing changed")
            self.totals.setText(self.totals.text() + done)
            return True
        return False

    def saved_first(self, title: str) -> bool:
        """Before a PDF, which shows what is saved: amounts typed and not saved are saved
        first, once the clerk agrees (the 收缴表 and 公示 printed the old amounts, the
        typed ones left out without a word); False: not to print."""
        self._commit_open_cell()
        if not self.model.changed:
            return True
        return (
            messages.confirm(
                self,
                title,
                self.tr(
                    "The amounts typed are not saved, and the PDF shows what is saved. "
                    "Save them first?"
                ),
            )
            and self.save_sheet()
        )

    def write_pdf(self, *, notice: bool) -> None:
        kind = self.tr("Notice") if notice else self.tr("Collection sheet")
        if not self.saved_first(kind):
            return
        sheet = self._sheet
        if sheet is None:
            return
        suffix = "党费公示" if notice else "党费收缴表"
        name = f"{sheet.organization_name}{sheet.month:%Y-%m}{suffix}.pdf"
        path = prompts.ask_save_path(self, kind, prompts.suggested_file(name))
        if path is None:
            return
        target: Path = path
        if messages.guarded(
            self,
            lambda: write_notice_pdf(sheet, target) if notice else write_sheet_pdf(sheet, target),
        ):
            prompts.offer_folder(self, kind, target)

    def write_year_summary(self) -> None:
        """The year's 党费收缴情况汇总表 of every branch the account sees, town by town."""
        year = self.chosen_month().year
        title = self.tr("Year summary")
        if not self.saved_first(title):
            return
        path = prompts.ask_save_path(
            self, title, prompts.documents_dir() / f"{year}年度党费汇总.pdf"
        )
        if path is None:
            return
        target: Path = path
        if messages.guarded(self, lambda: build_year_summary(self.ctx.db, year, target)):
            prompts.offer_folder(self, title, target)
