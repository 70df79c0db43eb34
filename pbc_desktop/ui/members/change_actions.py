"""The members tab's 增减 actions: a member leaves (党员减少), is restored (恢复党籍), gets a
letter of transfer or goes away for a while (流动党员); the letters and stays in their own
window; a member's history of changes and organizations in the detail."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.punctuation import labelled, with_note
from pbc_desktop.services.member_changes import leaving
from pbc_desktop.services.member_editing import get_member_input
from pbc_desktop.services.member_view import MemberShown
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.dates import fmt_date
from pbc_desktop.ui.common.detail import fields
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.write_guard import Refusal
from pbc_desktop.ui.members.leave_dialog import LeaveDialog
from pbc_desktop.ui.members.transfer_dialogs import (
    MobileMemberDialog,
    TransferInDialog,
    TransferOutDialog,
)
from pbc_desktop.ui.members.transfers_dialog import TransfersDialog

if TYPE_CHECKING:
    from pbc_desktop.ui.members.tab import MembersTab


class MemberChangeActions(QObject):
    """Builds the buttons and menu on ``tab`` and answers them."""

    def __init__(self, tab: MembersTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.leave_button = tab.add_button(
            "Leave",
            self.tr("Member &leaves..."),
            self.leave_current,
            tooltip=self.tr(
                "Record that the selected member died, left the Party, was suspended or "
                "moved away: they leave the current roll and stay in the history"
            ),
            rule=self._leaving_refused,
            when=tab.has_selection,
        )
        self.more_button = tab.add_button(
            "Transfers",
            self.tr("Tr&ansfers"),
            lambda: None,
            tooltip=self.tr("Letters of transfer, mobile members, restoring a membership"),
        )
        menu = QMenu(self.more_button)
        self.transfer_action = self._guarded(
            menu,
            "membersTransferOut",
            self.tr("Letter of transfer for the member..."),
            self.transfer_current,
            self._leaving_refused,  # a letter of transfer: the rule of any leaving
        )
        self.mobile_action = self._guarded(
            menu,
            "membersMobile",
            self.tr("Register as a mobile member..."),
            self.mobile_current,
            self._leaving_refused,
        )
        self.restore_action = self._guarded(
            menu,
            "membersRestore",
            self.tr("Restore the membership..."),
            self.restore_current,
            self.tab.refused_selected,
            why_not=self._not_suspended,
        )
        menu.addSeparator()
        self.transfer_in_action = make_action(
            menu,
            "membersTransferIn",
            self.tr("Member transferred in from outside the district..."),
            self.transfer_in,
        )
        menu.addAction(self.transfer_in_action)
        tab.writes.add(self.transfer_in_action, tab.refused_new)
        menu.addAction(
            make_action(
                menu,
                "membersTransfersList",
                self.tr("Letters of transfer and mobile members..."),
                self.open_transfers,
            )
        )
        self.more_button.setMenu(menu)

    # -- rules -----------------------------------------------------------------------------
    def _leaving_refused(self) -> str | None:
        """The tab's rule for the selected member, then that of their leaving (read with
        the member's other rules when they were selected: ``MembersTab.member_actions``)."""
        row = self.tab.current_row()
        if row is None:
            return None
        return self.tab.refused_selected() or self.tab.member_actions(row).leaving

    def _not_suspended(self) -> str | None:
        row = self.tab.current_row()
        if row is not None and row.status is not MembershipStatus.SUSPENDED:
            return self.tr("Only a suspended membership can be restored.")
        return None

    def _guarded(
        self,
        menu: QMenu,
        name: str,
        text: str,
        slot: Callable[[], object],
        rule: Refusal,
        *,
        why_not: Refusal | None = None,
    ) -> QAction:
        action = make_action(menu, name, text, slot)
        menu.addAction(action)
        self.tab.writes.add(action, rule, when=self.tab.has_selection, why_not=why_not)
        return action

    # -- actions ---------------------------------------------------------------------------
    def leave_current(self) -> LeaveDialog | None:
        if self.tab.raise_active_dialog():
            return None
        return self.tab.open_for_selected(
            lambda row: LeaveDialog(self.tab.ctx, row.id, row.name, self.tab)
        )

    def transfer_current(self) -> TransferOutDialog | None:
        if self.tab.raise_active_dialog():
            return None
        return self.tab.open_for_selected(
            lambda row: TransferOutDialog(self.tab.ctx, row.id, row.name, self.tab)
        )

    def mobile_current(self) -> MobileMemberDialog | None:
        if self.tab.raise_active_dialog():
            return None
        return self.tab.open_for_selected(
            lambda row: MobileMemberDialog(self.tab.ctx, row.id, row.name, self.tab)
        )

    def restore_current(self) -> None:
        row = self.tab.current_row()
        if row is None:
            return
        db = self.tab.ctx.db
        read: list[int | None] = []  # the member's version now: a change meanwhile refuses
        if not messages.guarded(
            self.tab, lambda: read.append(get_member_input(db, row.id).version)
        ):
            return
        day = prompts.ask_date(
            self.tab,
            self.tr("Restore the membership"),
            self.tr("Membership of {0} restored on (YYYY-MM-DD):").format(row.name),
        )
        if day is None:
            return
        messages.guarded(self.tab, lambda: leaving.restore_member(db, row.id, day, None, read[0]))
        self.tab.show_saved(row.id)

    def transfer_in(self) -> TransferInDialog | None:
        if self.tab.raise_active_dialog():
            return None
        dialog = TransferInDialog(self.tab.ctx, self.tab.organization_combo.currentData(), self.tab)
        self.tab.open_dialog(dialog, self.tab.show_saved)
        return dialog

    def open_transfers(self) -> TransfersDialog | None:
        if self.tab.raise_active_dialog():
            return None
        dialog = TransfersDialog(self.tab.ctx, self.tab)
        dialog.changed.connect(self.tab.refresh)
        self.tab.open_dialog(dialog)
        return dialog

    # -- the detail ------------------------------------------------------------------------
    def history_html(self, shown: MemberShown) -> str:
        """The member's changes (their organizations over time), a letter out, a stay away
        (as read with the member)."""
        entries: list[tuple[str, str | None]] = []
        for change in shown.changes:
            what = label(change.kind)
            if change.leaving_kind is not None:
                what = with_note(what, label(change.leaving_kind))
            where = change.organization_name
            if change.other:
                where += f" ↔ {change.other}"
            entries.append((fmt_date(change.occurred_on), labelled(what, where)))
        for letter in shown.letters:
            entries.append(
                (
                    self.tr("Letter of transfer"),
                    self.tr("{0} to {1}, issued {2}, waiting for the receipt").format(
                        letter.letter_number, letter.destination, fmt_date(letter.issued_on)
                    ),
                )
            )
        for stay in shown.stays:
            entries.append(
                (
                    self.tr("Away"),
                    self.tr("since {0} at {1}, managed by {2}").format(
                        fmt_date(stay.left_on), stay.whereabouts, stay.manager or "—"
                    ),
                )
            )
        return fields(entries) if entries else ""
