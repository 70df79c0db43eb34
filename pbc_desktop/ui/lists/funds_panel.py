"""The 经费 page of the 清单 tab: a community's ledger with running balance and yearly summary."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import FundDirection
from pbc_desktop.domain.fees import month_label
from pbc_desktop.domain.money import format_yuan
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.services import access, funds, scope
from pbc_desktop.services.permissions import refusal
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.columns import refit_columns
from pbc_desktop.ui.common.combos import fill, fill_choices, select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.views import (
    ID_ROLE,
    add_captioned,
    make_item_table,
    make_splitter,
    select_id,
    selected_id,
)
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.lists.fund_entry_dialog import FundEntryDialog

OVER_COLOR = "#c0392b"


class FundsPanel(DialogHost, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[funds.LedgerRow] = []
        self.summary: funds.FundSummary | None = None
        self.writes = WriteGuard(ctx, self)
        self._refusal: str | None = None  # of the chosen community's ledger
        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("listsFundsCommunity")
        self.community_combo.setMinimumContentsLength(16)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("listsFundsYear")
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("listsFundsBalance")
        self.balance_label.setStyleSheet("font-weight: bold;")
        self.income_button = QPushButton(self.tr("&Income..."), self)
        self.income_button.setObjectName("listsFundsIncome")
        self.income_button.setToolTip(self.tr("Record money received (higher-level, raised, dues)"))
        self.expense_button = QPushButton(self.tr("E&xpense..."), self)
        self.expense_button.setObjectName("listsFundsExpense")
        self.expense_button.setToolTip(self.tr("Record money spent and what it was for"))
        self.edit_button = QPushButton(self.tr("&Edit..."), self)
        self.edit_button.setObjectName("listsFundsEdit")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("listsFundsDelete")
        top = QHBoxLayout()
        add_captioned(top, self.tr("&Community:"), self.community_combo, 2)
        add_captioned(top, self.tr("&Year:"), self.year_combo)
        top.addWidget(self.balance_label, 1)
        for button in (
            self.income_button,
            self.expense_button,
            self.edit_button,
            self.delete_button,
        ):
            top.addWidget(button)

        headers = [
            self.tr("Date"),
            self.tr("In/Out"),
            self.tr("Source / purpose"),
            self.tr("Amount"),
            self.tr("Balance"),
            self.tr("Linked to"),
            self.tr("Handled by"),
            self.tr("Remark"),
        ]
        self.table = make_item_table(self, "listsFundsLedger", headers)
        self.table.installEventFilter(self)
        self.summary_view = QTextBrowser(self)
        self.summary_view.setObjectName("listsFundsSummary")
        self.summary_view.setMinimumWidth(240)
        splitter = make_splitter(
            self,
            "listsFundsSplitter",
            Qt.Orientation.Horizontal,
            [self.table, self.summary_view],
            (3, 1),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.community_combo.currentIndexChanged.connect(self._community_changed)
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.income_button.clicked.connect(lambda: self.new_entry(FundDirection.INCOME))
        self.expense_button.clicked.connect(lambda: self.new_entry(FundDirection.EXPENSE))
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.table.doubleClicked.connect(lambda _i: self.writes.press(self.edit_button))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        has_community = self._has_community
        for button, when in (
            (self.income_button, has_community),
            (self.expense_button, has_community),
            (self.edit_button, self._has_entry),
            (self.delete_button, self._has_entry),
        ):
            self.writes.add(button, self.refused, when=when)
        self.refresh()

    # -- data --------------------------------------------------------------------------------
    def community_id(self) -> int | None:
        value = self.community_combo.currentData()
        return int(value) if value is not None else None

    def refresh(self) -> None:
        current = self.community_id()
        self.community_combo.blockSignals(True)
        fill_choices(
            self.community_combo,
            scope.community_choices(self.ctx.db),
            self.tr("(choose a community)"),
        )
        select_data(self.community_combo, current, otherwise=0)
        self.community_combo.blockSignals(False)
        self._community_changed()

    def set_community(self, community_id: int | None) -> None:
        """Follow the community chosen on the 清单 page."""
        if community_id is not None and community_id != self.community_id():
            select_data(self.community_combo, community_id, otherwise=0)

    def _community_changed(self) -> None:
        cid = self.community_id()
        self._refusal = (
            access.community_work_refusal(self.ctx.db, cid)
            if cid is not None
            else refusal(self.ctx.db.user, Permission.WRITE)
        )
        keep = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        years = funds.fund_years(self.ctx.db, cid) if cid is not None else []
        fill(self.year_combo, ((str(year), year) for year in years), self.tr("All years"))
        select_data(self.year_combo, keep, otherwise=0)
        self.year_combo.blockSignals(False)
        self.reload()

    def year(self) -> int | None:
        value = self.year_combo.currentData()
        return int(value) if value is not None else None

    def reload(self, *_args: object, keep_id: int | None = None) -> None:
        cid = self.community_id()
        keep = keep_id if keep_id is not None else self.current_id()
        self.rows = funds.ledger(self.ctx.db, cid, self.year()) if cid is not None else []
        table = self.table
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            income = row.direction == FundDirection.INCOME
            what = label(row.source) if income else (row.purpose or "")
            if row.fee_org_name and row.fee_month:
                what = with_note(what, f"{row.fee_org_name} {month_label(row.fee_month)}")
            linked = "、".join(x for x in (row.activity_title, row.item_title) if x)
            marker = self.tr(" (over balance)") if row.over_balance else ""
            amount = format_yuan(row.amount_cents if income else -row.amount_cents)
            values = [
                fmt_date(row.entry_date),
                label(row.direction),
                what + marker,
                amount,
                format_yuan(row.balance_cents),
                linked,
                row.handler or "",
                row.remark or "",
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (3, 4):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if row.over_balance or (c == 4 and row.balance_cents < 0):
                    cell.setForeground(QBrush(QColor(OVER_COLOR)))
                if c == 0:
                    cell.setData(ID_ROLE, row.id)
                table.setItem(r, c, cell)
        refit_columns(table)
        table.horizontalHeader().setStretchLastSection(True)
        # Only the same entry stays chosen: when it is gone (deleted, other year or community),
        # the row Qt kept selected would show another entry as chosen.
        if keep is None or not self.select_id(keep):
            table.clearSelection()
        self._show_summary(cid)
        self._update_buttons()

    def _show_summary(self, cid: int | None) -> None:
        if cid is None:
            self.summary = None
            self.balance_label.setText("")
            hint = self.tr("Choose a community to see its ledger.")
            self.summary_view.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        balance = funds.balance(self.ctx.db, cid)
        color = f"color:{OVER_COLOR}" if balance < 0 else ""
        self.balance_label.setText(self.tr("Balance: {0} yuan").format(format_yuan(balance)))
        self.balance_label.setStyleSheet(f"font-weight: bold; {color}")
        year = self.year() or (self.rows[-1].entry_date.year if self.rows else None)
        if year is None:
            self.summary = None
            self.summary_view.setHtml(
                f"<p style='color:#666'>{escape(self.tr('No entries yet.'))}</p>"
            )
            return
        s = funds.yearly_summary(self.ctx.db, cid, year)
        self.summary = s

        def line(caption: str, cents: int, bold: bool = False) -> str:
            text = escape(format_yuan(cents))
            cell = f"<b>{text}</b>" if bold else text
            return f"<tr><td>{escape(caption)}</td><td align='right'>{cell}</td></tr>"

        parts = [
            f"<h3>{escape(self.tr('Summary of {0}').format(year))}</h3><table cellpadding='2'>",
            line(self.tr("Carried over"), s.opening_cents),
        ]
        parts += [line(label(src), cents) for src, cents in s.income_by_source.items()]
        parts.append(line(self.tr("Total income"), s.income_cents, bold=True))
        parts += [line(purpose, cents) for purpose, cents in s.expense_by_purpose.items()]
        parts.append(line(self.tr("Total spending"), s.expense_cents, bold=True))
        parts.append(line(self.tr("Balance at year end"), s.closing_cents, bold=True))
        parts.append("</table>")
        self.summary_view.setHtml("".join(parts))

    # -- selection and actions ---------------------------------------------------------------
    def current_id(self) -> int | None:
        return selected_id(self.table)

    def current_row(self) -> funds.LedgerRow | None:
        entry_id = self.current_id()
        return next((r for r in self.rows if r.id == entry_id), None)

    def select_id(self, entry_id: int) -> bool:
        return select_id(self.table, entry_id)

    def refused(self) -> str | None:
        """Why the account may not change the chosen community's ledger (None: it may)."""
        return self._refusal

    def _has_community(self) -> bool:
        return self.community_id() is not None

    def _has_entry(self) -> bool:
        return self.current_id() is not None

    def _update_buttons(self) -> None:
        self.writes.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
                self.writes.press(self.edit_button)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.writes.press(self.delete_button)
                return True
        return super().eventFilter(watched, event)

    def open_entry(
        self, direction: FundDirection, entry_id: int | None = None
    ) -> FundEntryDialog | None:
        cid = self.community_id()
        if cid is None:
            return None
        name = self.community_combo.currentText()
        return self.open_made(
            lambda: FundEntryDialog(self.ctx, cid, name, direction, entry_id=entry_id, parent=self),
            self._after_save,
        )

    def _after_save(self, entry_id: int) -> None:
        self._community_changed()
        self.select_id(entry_id)

    def new_entry(self, direction: FundDirection) -> FundEntryDialog | None:
        return self.open_entry(direction)

    def edit_current(self) -> FundEntryDialog | None:
        row = self.current_row()
        if row is None:
            return None
        return self.open_entry(row.direction, row.id)

    def delete_current(self) -> None:
        row = self.current_row()
        if row is None:
            return
        what = label(row.source) if row.source else (row.purpose or "")
        question = self.tr("Delete the {0} of {1} yuan ({2}, {3})?").format(
            label(row.direction), format_yuan(row.amount_cents), fmt_date(row.entry_date), what
        )
        if not messages.confirm(self, self.tr("Delete fund entry"), question):
            return
        messages.guarded(self, lambda: self._delete(row.id))
        self._community_changed()

    def _delete(self, entry_id: int) -> None:
        """Delete the entry; an income whose money was spent is deleted once confirmed."""
        try:
            funds.delete_entry(self.ctx.db, entry_id)
        except funds.OverBalanceError as exc:
            if messages.confirm(self, self.tr("The balance would be negative"), exc.message):
                funds.delete_entry(self.ctx.db, entry_id, confirm_over_balance=True)
