"""The letters of transfer the account sees (sent by or addressed to its organizations)
and its members away from home (流动党员): receive, withdraw, print; record a return."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.member_changes import TransferState, letter_valid_until
from pbc_desktop.errors import UserError
from pbc_desktop.services.member_changes import mobile, transfers
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.combos import current_enum, fill_enum
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import (
    close_buttons,
    fill_table,
    make_item_table,
    selected_id,
)
from pbc_desktop.ui.members.transfer_dialogs import MobileMemberDialog, TransferReceiveDialog


class TransfersDialog(FittedDialog):
    """Two pages: letters of transfer (pending ones first shown) and members away."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("transfersDialog")
        self.setWindowTitle(self.tr("Transfers and mobile members"))
        self.resize(900, 520)
        self._rows: list[transfers.TransferRow] = []
        self._stays: list[mobile.StayRow] = []
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._letters_page(), self.tr("&Letters of transfer"))
        self.tabs.addTab(self._stays_page(), self.tr("&Mobile members"))
        layout.addWidget(self.tabs)
        layout.addWidget(close_buttons(self))
        self.reload()

    # -- pages -----------------------------------------------------------------------------
    def _button(
        self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], object]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _letters_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.state_combo = QComboBox(page)
        self.state_combo.setObjectName("transfersState")
        fill_enum(self.state_combo, TransferState, self.tr("All letters"))
        self.state_combo.setCurrentIndex(1)  # pending
        self.state_combo.currentIndexChanged.connect(self.reload)
        row.addWidget(self.state_combo)
        self.receive_button = self._button(
            row, "transfersReceive", self.tr("&Receive..."), self.receive_current
        )
        self.withdraw_button = self._button(
            row, "transfersWithdraw", self.tr("&Withdraw"), self.withdraw_current
        )
        self.print_button = self._button(
            row, "transfersPrint", self.tr("&Save the letter as PDF..."), self.save_letter
        )
        row.addStretch(1)
        layout.addLayout(row)
        self.table = make_item_table(
            page,
            "transfersTable",
            [
                self.tr("Member"),
                self.tr("Letter"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Issued on"),
                self.tr("Valid until"),
                self.tr("State"),
                self.tr("Received on"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)
        self.letters_note = QLabel(page)
        self.letters_note.setObjectName("transfersNote")
        self.letters_note.hide()
        layout.addWidget(self.letters_note)
        # why the chosen letter cannot be received (its member left the roll meanwhile)
        self.receive_note = QLabel(page)
        self.receive_note.setObjectName("transfersReceiveNote")
        self.receive_note.setWordWrap(True)
        self.receive_note.hide()
        layout.addWidget(self.receive_note)
        return page

    def _stays_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.change_stay_button = self._button(
            row, "staysChange", self.tr("C&hange..."), self.change_current_stay
        )
        self.returned_button = self._button(
            row, "staysReturned", self.tr("&Came back..."), self.end_current_stay
        )
        row.addStretch(1)
        layout.addLayout(row)
        self.stays_table = make_item_table(
            page,
            "staysTable",
            [
                self.tr("Member"),
                self.tr("Organization"),
                self.tr("Left on"),
                self.tr("Whereabouts"),
                self.tr("Phone"),
                self.tr("Managed by"),
            ],
        )
        self.stays_table.itemSelectionChanged.connect(self._update_buttons)
        self.stays_table.itemActivated.connect(lambda _item: self.change_current_stay())
        layout.addWidget(self.stays_table)
        return page

    # -- data ------------------------------------------------------------------------------
    def _valid_until(self, row: transfers.TransferRow) -> str:
        """The letter's last valid day; a pending one past it is marked: it can no longer
        be received (the sender withdraws it and issues a new one)."""
        until = letter_valid_until(row.issued_on, row.valid_days)
        if row.state is TransferState.PENDING and until < date.today():
            return self.tr("{0} (expired)").format(fmt_date(until))
        return fmt_date(until)

    def reload(self) -> None:
        state = current_enum(self.state_combo, TransferState)
        keep = selected_id(self.table)
        self._rows = transfers.list_transfers(self.ctx.db, transfers.TransferQuery(state=state))
        fill_table(
            self.table,
            [
                (
                    r.id,
                    [
                        r.member_name,
                        r.letter_number,
                        r.from_organization,
                        r.destination,
                        fmt_date(r.issued_on),
                        self._valid_until(r),
                        label(r.state),
                        fmt_date(r.received_on),
                    ],
                )
                for r in self._rows
            ],
            keep,
        )
        self._stays = mobile.list_stays(self.ctx.db)
        fill_table(
            self.stays_table,
            [
                (
                    r.id,
                    [
                        r.member_name,
                        r.organization_name,
                        fmt_date(r.left_on),
                        r.whereabouts,
                        r.contact_phone,
                        r.manager,
                    ],
                )
                for r in self._stays
            ],
            selected_id(self.stays_table),
        )
        self._update_buttons()

    def current_transfer(self) -> transfers.TransferRow | None:
        chosen = selected_id(self.table)
        return next((r for r in self._rows if r.id == chosen), None)

    def _update_buttons(self) -> None:
        row = self.current_transfer()
        self.receive_button.setEnabled(row is not None and row.can_receive)
        refused = row.receive_refused if row is not None else None
        self.receive_button.setToolTip(refused or "")
        self.receive_note.setText(refused or "")
        self.receive_note.setVisible(refused is not None)
        self.withdraw_button.setEnabled(row is not None and row.can_withdraw)
        self.print_button.setEnabled(row is not None)
        stay_chosen = selected_id(self.stays_table) is not None
        self.returned_button.setEnabled(stay_chosen)
        self.change_stay_button.setEnabled(stay_chosen)

    def _done(
        self, letter: transfers.TransferRow | None = None, now: TransferState | None = None
    ) -> None:
        """Show the lists again; a ``letter`` just received or withdrawn (``now`` its state)
        that the state filter hides is said to be done (it left "pending" without a word)."""
        self.reload()
        self.letters_note.hide()
        if letter is not None and now is not None and letter.id not in {r.id for r in self._rows}:
            said = self.tr("The letter {0} of {1} is now “{2}”: the filter no longer lists it.")
            self.letters_note.setText(
                said.format(letter.letter_number, letter.member_name, label(now))
            )
            self.letters_note.show()
        self.changed.emit()

    # -- actions ---------------------------------------------------------------------------
    def receive_current(self) -> TransferReceiveDialog | None:
        row = self.current_transfer()
        if row is None:
            return None
        dialog = TransferReceiveDialog(self.ctx, row, self)
        dialog.saved.connect(lambda _id: self._done(row, TransferState.RECEIVED))
        dialog.open()
        return dialog

    def withdraw_current(self) -> None:
        row = self.current_transfer()
        if row is None:
            return
        question = self.tr("Withdraw the letter {0} of {1}? The member stays on the roll.").format(
            row.letter_number, row.member_name
        )
        if not messages.confirm(self, self.tr("Withdraw the letter"), question):
            return
        if messages.guarded(self, lambda: transfers.withdraw_transfer(self.ctx.db, row.id)):
            self._done(row, TransferState.CANCELLED)
        else:
            self._done()

    def save_letter(self, path: Path | None = None) -> Path | None:
        row = self.current_transfer()
        if row is None:
            return None
        from pbc_desktop.reports.transfer_letter import build_transfer_letter

        title = self.tr("Save the letter of transfer as PDF")
        if path is None:
            suggested = prompts.suggested_file(
                self.tr("Letter of transfer {0} {1}.pdf").format(row.letter_number, row.member_name)
            )
            path = prompts.ask_save_path(self, title, suggested, "pdf")
        if path is None:
            return None
        target = path
        if not messages.guarded(self, lambda: build_transfer_letter(self.ctx.db, row.id, target)):
            return None
        prompts.offer_folder(self, title, target)  # nothing was said: saved or not?
        return target

    def current_stay(self) -> mobile.StayRow | None:
        chosen = selected_id(self.stays_table)
        return next((r for r in self._stays if r.id == chosen), None)

    def change_current_stay(self) -> MobileMemberDialog | None:
        row = self.current_stay()
        if row is None:
            return None
        try:  # gone or out of reach since the list was read: say so
            dialog = MobileMemberDialog(
                self.ctx, row.member_id, row.member_name, self, stay_id=row.id
            )
        except UserError as error:
            messages.show_user_error(self, error)
            self.reload()
            return None
        dialog.saved.connect(lambda _id: self._done())
        dialog.open()
        return dialog

    def end_current_stay(self) -> None:
        stay_id = selected_id(self.stays_table)
        if stay_id is None:
            return
        day = prompts.ask_date(
            self, self.tr("The member came back"), self.tr("Came back on (YYYY-MM-DD):")
        )
        if day is None:
            return
        messages.guarded(self, lambda: mobile.end_stay(self.ctx.db, stay_id, day))
        self._done()


__all__ = ["TransfersDialog"]
