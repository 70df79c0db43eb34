"""工具 menu: 账号管理 and 操作日志, shown only to an account that may use them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dialog_host import DialogHost


class Host(Protocol):
    """What the actions need from the main window."""

    ctx: AppContext


class AdminActions(DialogHost, QObject):
    """The 工具 menu's administrators' entries. The services refuse anyone else anyway;
    the menu only keeps from offering what would be refused."""

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.menu = QMenu(self.tr("&Tools"), parent)
        self.menu.setObjectName("mainToolsMenu")
        self.action_accounts = self._action(
            "mainAccounts", self.tr("&Accounts..."), self.open_accounts
        )
        self.action_audit = self._action("mainAuditLog", self.tr("Audit &log..."), self.open_audit)
        self.menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def _action(self, name: str, text: str, slot: Callable[[], object]) -> QAction:
        action = make_action(self._parent, name, text, slot)
        self.menu.addAction(action)
        return action

    def update_actions(self) -> None:
        """Show what the signed-in account may use (call after a sign-in or a new database)."""
        user = self._host.ctx.db.user
        any_shown = False
        for action, permission in (
            (self.action_accounts, Permission.MANAGE_ACCOUNTS),
            (self.action_audit, Permission.VIEW_AUDIT),
        ):
            allowed = user.can(permission)
            action.setVisible(allowed)
            action.setEnabled(allowed)
            any_shown = any_shown or allowed
        self.menu.menuAction().setVisible(any_shown)

    def _open(self, build: Callable[[AppContext, QWidget], QDialog]) -> None:
        self.open_built(lambda: build(self._host.ctx, self._parent), self._parent)

    def open_accounts(self) -> None:
        from pbc_desktop.ui.accounts.manager import AccountsDialog

        self._open(AccountsDialog)

    def open_audit(self) -> None:
        from pbc_desktop.ui.audit.viewer import AuditLogDialog

        self._open(AuditLogDialog)
