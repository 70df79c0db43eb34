"""工具 menu: 账号管理 and 操作日志, shown only to an account that may use them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pbc_desktop.domain.accounts import Permission
from pbc_desktop.ui.common.menu_actions import MenuActions, MenuHost


class AdminActions(MenuActions[MenuHost]):
    """The 工具 menu's administrators' entries. The services refuse anyone else anyway;
    the menu only keeps from offering what would be refused."""

    def __init__(self, host: MenuHost, parent: QWidget) -> None:
        super().__init__(host, parent, "mainToolsMenu")
        self.menu.setTitle(self.tr("&Tools"))
        self.action_accounts = self.add_entry(
            "mainAccounts", self.tr("&Accounts..."), self.open_accounts
        )
        self.action_audit = self.add_entry(
            "mainAuditLog", self.tr("Audit &log..."), self.open_audit
        )
        self.menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

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

    def follow_office(self) -> None:
        """This database's office was set up or changed: the accounts window, when open,
        names the area of the accounts tied to no organization or town anew."""
        dialog = self.active_dialog
        if dialog is None:
            return
        from pbc_desktop.ui.accounts.manager import AccountsDialog

        if isinstance(dialog, AccountsDialog):
            dialog.refresh()

    def open_accounts(self) -> None:
        from pbc_desktop.ui.accounts.manager import AccountsDialog

        self.open_window(AccountsDialog)

    def open_audit(self) -> None:
        from pbc_desktop.ui.audit.viewer import AuditLogDialog

        self.open_window(AuditLogDialog)
