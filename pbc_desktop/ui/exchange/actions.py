"""文件 → 数据交换: send a package (to a folder such as a USB stick), receive one (with the
preview first), the conflict list, the exchange log, and this office / registered offices.

Sending and receiving run off the UI thread; after each, the 数据移交单 can be saved at once.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.punctuation import with_note
from pbc_desktop.errors import UserError
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services.exchange.office_scope import receive_refusal
from pbc_desktop.ui.common import messages, prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.menu_actions import MenuActions, MenuHost
from pbc_desktop.ui.common.screens import FittedDialog
from pbc_desktop.ui.common.views import ok_cancel_buttons
from pbc_desktop.ui.common.worker import run_with_progress, succeeded
from pbc_desktop.ui.common.write_guard import WriteGuard

if TYPE_CHECKING:  # the packages' services (and their cryptography) load when first used
    from pbc_desktop.services.exchange import offices
    from pbc_desktop.services.exchange.transfer import Received, Sent

PACKAGE_FILTER = "*.pbcx"


class Host(MenuHost, Protocol):
    def refresh_all(self) -> None: ...

    def follow_office(self) -> None: ...


class ExchangeActions(MenuActions[Host]):
    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(host, parent, "mainExchangeMenu")
        self.menu.setTitle(self.tr("&Data exchange"))
        self.menu.menuAction().setObjectName("mainExchange")
        self.action_send = self.add_entry(
            "mainExchangeSend", self.tr("&Send a package..."), self.send
        )
        self.action_receive = self.add_entry(
            "mainExchangeReceive", self.tr("&Receive a package..."), self.receive
        )
        self.menu.addSeparator()
        self.action_conflicts = self.add_entry(
            "mainExchangeConflicts", self.tr("&Conflicts..."), self.open_conflicts
        )
        self.action_log = self.add_entry(
            "mainExchangeLog", self.tr("Exchange &log..."), self.open_log
        )
        self.menu.addSeparator()
        self.action_offices = self.add_entry(
            "mainExchangeOffices", self.tr("&Offices..."), self.open_offices
        )
        # A viewer account may look at the offices; only accounts that exchange data send,
        # receive and decide conflicts.
        self.writes = WriteGuard(lambda: self._host.ctx.db, self)
        for action in (self.action_send, self.action_conflicts, self.action_log):
            self.writes.add(action, Permission.EXCHANGE)
        # a package changes the whole office's records: its account's (transfer.receive_refusal)
        self.writes.add(self.action_receive, lambda: receive_refusal(self._host.ctx.db))
        self.menu.setToolTipsVisible(True)  # a disabled entry says why
        self.menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        """Follow the signed-in account (call after a sign-in or a new database)."""
        self.writes.update()

    # -- dialogs -------------------------------------------------------------------------------
    def open_conflicts(self) -> None:
        from pbc_desktop.ui.exchange.conflicts_dialog import ConflictsDialog

        self.open_window(ConflictsDialog)

    def open_log(self) -> None:
        from pbc_desktop.ui.exchange.log_dialog import ExchangeLogDialog

        self.open_window(ExchangeLogDialog)

    def open_offices(self) -> None:
        from pbc_desktop.ui.exchange.office_dialog import OfficeDialog

        def build(ctx: AppContext, parent: QWidget) -> OfficeDialog:
            dialog = OfficeDialog(ctx, parent)
            dialog.office_changed.connect(self._host.follow_office)
            return dialog

        self.open_window(build)

    # -- send ----------------------------------------------------------------------------------
    def send(self) -> None:
        from pbc_desktop.services.exchange import offices
        from pbc_desktop.services.exchange.transfer import send_package

        db = self._host.ctx.db
        title = self.tr("Send a package")
        try:
            me = offices.local_office(db)
        except UserError as exc:
            messages.show_user_error(self._parent, exc)
            return
        others = [o for o in offices.offices(db) if not o.local]
        if not others:
            messages.warning(
                self._parent,
                title,
                self.tr(
                    "No office is registered yet: register the other office's card first "
                    "(Data exchange → Offices)."
                ),
            )
            return
        dialog = SendDialog(others, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        to = offices.find_office(db, dialog.recipient())
        suggested = prompts.suggested_file(f"{me.card.name}-{to.name}-{date.today():%Y%m%d}.pbcx")
        name, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), PACKAGE_FILTER)
        if not name:
            return
        path = Path(name) if name.lower().endswith(".pbcx") else Path(name + ".pbcx")
        everything, encrypt = dialog.everything.isChecked(), dialog.encrypt.isChecked()

        def job(_progress: ProgressFn, _cancelled: CancelFn) -> Sent:
            return send_package(db, path, me=me, to=to, everything=everything, encrypt=encrypt)

        outcome = run_with_progress(self._parent, title, job)
        if not succeeded(self._parent, outcome) or outcome.result is None:
            return
        sent = outcome.result
        text = self.tr(
            "Package for {to} saved as {path}: {n} records.\nPackage fingerprint: {fp}"
        ).format(to=to.name, path=path, n=sum(sent.counts.values()), fp=sent.fingerprint)
        if sent.left_out:
            text += "\n" + "\n".join(sent.left_out)
        self._offer_sheet(title, text, sent.log_id)

    # -- receive -------------------------------------------------------------------------------
    def receive(self) -> None:
        from pbc_desktop.services.exchange import offices
        from pbc_desktop.services.exchange.transfer import preview_package, receive_package
        from pbc_desktop.ui.exchange.preview_dialog import PreviewDialog

        db = self._host.ctx.db
        title = self.tr("Receive a package")
        name, _ = QFileDialog.getOpenFileName(
            self._parent, title, str(prompts.documents_dir()), PACKAGE_FILTER
        )
        if not name:
            return
        path = Path(name)
        try:
            me = offices.local_office(db)
        except UserError as exc:
            messages.show_user_error(self._parent, exc)
            return
        lookup = offices.lookup(db)

        def preview(_progress: ProgressFn, _cancelled: CancelFn) -> Received:
            return preview_package(db, path, me=me, lookup_sender=lookup)

        outcome = run_with_progress(self._parent, title, preview)
        if not succeeded(self._parent, outcome) or outcome.result is None:
            return
        dialog = PreviewDialog(outcome.result, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        shown = outcome.result.fingerprint

        def apply(_progress: ProgressFn, _cancelled: CancelFn) -> Received:
            return receive_package(db, path, me=me, lookup_sender=lookup, previewed=shown)

        applied = run_with_progress(self._parent, title, apply)
        if not succeeded(self._parent, applied) or applied.result is None:
            return
        self._host.refresh_all()
        received = applied.result
        text = self.tr("The package from {sender} was received.").format(sender=received.sender)
        if received.result.conflicts:
            text += "\n" + self.tr(
                "{n} conflicts wait for a decision (Data exchange → Conflicts)."
            ).format(n=received.result.conflicts)
        self._offer_sheet(title, text, received.log_id)

    def _offer_sheet(self, title: str, text: str, log_id: int | None) -> None:
        """Say what happened and offer to save the 数据移交单 at once."""
        from pbc_desktop.reports.handover import build_handover

        question = text + "\n\n" + self.tr("Save the handover sheet to print and file now?")
        if log_id is None or not messages.confirm(self._parent, title, question):
            return
        out = prompts.ask_save_path(
            self._parent,
            self.tr("Save the handover sheet"),
            prompts.documents_dir() / self.tr("handover-{n}.pdf").format(n=log_id),
        )
        if out is None:
            return
        try:
            build_handover(self._host.ctx.db, log_id, out)
        except (UserError, OSError) as exc:
            messages.warning(self._parent, title, str(exc))
            return
        messages.information(self._parent, title, self.tr("Saved as {path}.").format(path=out))


class SendDialog(FittedDialog):
    """To whom, everything or only what is new to it, encrypted or not."""

    def __init__(self, others: list[offices.OfficeView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeSendDialog")
        self.setWindowTitle(self.tr("Send a package"))
        form = QFormLayout(self)
        self.to_combo = QComboBox(self)
        self.to_combo.setObjectName("exchangeSendTo")
        names = Counter(o.name for o in others)
        for office in others:
            shown = office.name
            if names[office.name] > 1:  # one office set up anew: its fingerprint tells
                shown = with_note(shown, f"{office.fingerprint[:9]}…")
            self.to_combo.addItem(shown, office.uuid)
        form.addRow(self.tr("&To:"), self.to_combo)
        self.everything = QCheckBox(
            self.tr("&Everything, not only what is new to that office"), self
        )
        self.everything.setObjectName("exchangeSendEverything")
        self.encrypt = QCheckBox(self.tr("En&crypt: only that office can open it"), self)
        self.encrypt.setObjectName("exchangeSendEncrypt")
        self.encrypt.setChecked(True)  # a lost USB stick leaks nothing
        form.addRow(self.everything)
        form.addRow(self.encrypt)
        note = QLabel(self.tr("Next you choose where to save it, e.g. on a USB stick."), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = ok_cancel_buttons(self)
        form.addRow(buttons)

    def recipient(self) -> str:
        return str(self.to_combo.currentData())
