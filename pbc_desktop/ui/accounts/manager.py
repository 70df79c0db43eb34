"""工具 → 账号管理: every account, how it stands, and an administrator's three acts on it:
create, reset the password, disable (or enable again). Accounts are never deleted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pbc_desktop.domain.enums import AccountStatus
from pbc_desktop.services import access
from pbc_desktop.services.accounts import users
from pbc_desktop.services.accounts.users import UserView
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.ui.accounts.reset_password import ResetPasswordDialog
from pbc_desktop.ui.accounts.user_dialog import UserDialog
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.dates import fmt_datetime
from pbc_desktop.ui.common.dialog_host import DialogHost
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.menu_actions import MenuWindow
from pbc_desktop.ui.common.screens import fit_to_screen
from pbc_desktop.ui.common.table_model import Column, PagedTableModel
from pbc_desktop.ui.common.views import (
    attach_model,
    close_buttons,
    make_record_table,
    select_record,
    selected_record,
)

_STATUS_COLORS = {
    AccountStatus.DISABLED: "#888888",
    AccountStatus.LOCKED: "#c0392b",
    AccountStatus.MUST_CHANGE_PASSWORD: "#b9770e",
}


class AccountsDialog(DialogHost, MenuWindow):
    """The accounts (a few dozen at most: all loaded at once, active ones first)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self._users: list[UserView] = users.list_users(ctx.db)
        self._now = datetime.now(UTC)
        self._whole = self._whole_area()
        self.table = make_record_table(self, "accountsTable")
        self.model: PagedTableModel[UserView] = PagedTableModel(
            self.columns(), self._fetch, lambda: len(self._users), parent=self
        )
        attach_model(self.table, self.model)
        self.new_button = self._button("accountsNew", self.tr("&New account..."), self.new_account)
        self.reset_button = self._button(
            "accountsResetPassword", self.tr("&Reset password..."), self.reset_password
        )
        self.active_button = self._button(
            "accountsToggleActive", self.tr("&Disable"), self.toggle_active
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("accountsCount")
        close = close_buttons(self)

        actions = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.active_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        fit_to_screen(self, 1000, 520)
        self._show_count()
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- the table ---------------------------------------------------------------------
    def status(self, user: UserView) -> AccountStatus:
        return user.status(self._now)

    def _whole_area(self) -> str:
        """What an account tied to no organization or town sees: what this database holds,
        the whole district or a town's or village's database's own area (its office's)."""
        return access.own_area(self.ctx.db) or self.tr("Whole district")

    def _scope(self, user: UserView) -> str:
        if user.organization_name or user.town:
            return user.organization_name or user.town or ""
        return self._whole

    def columns(self) -> Sequence[Column[UserView]]:
        def last_sign_in(user: UserView) -> str:
            moment = user.last_sign_in_at
            return fmt_datetime(moment.astimezone().replace(tzinfo=None)) if moment else ""

        return [
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Name"), lambda u: u.name),
            Column(self.tr("Unit / post"), lambda u: u.unit, tooltip=lambda u: u.unit),
            Column(self.tr("Role"), lambda u: label(u.role)),
            Column(self.tr("Organization / town"), self._scope),
            Column(
                self.tr("Status"),
                lambda u: label(self.status(u)),
                foreground=lambda u: _STATUS_COLORS.get(self.status(u)),
            ),
            Column(self.tr("Last sign-in"), last_sign_in),
        ]

    def _fetch(self, page: PageRequest) -> Sequence[UserView]:
        return self._users[page.offset : page.offset + page.limit]

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{0} accounts").format(len(self._users)))

    def refresh(self, select_id: int | None = None) -> None:
        """Load the accounts again, keeping (or moving to) the selected one."""
        current = self.current_user()
        keep = select_id if select_id is not None else (current.id if current else None)
        self._users = users.list_users(self.ctx.db)
        self._now = datetime.now(UTC)
        self._whole = self._whole_area()  # the office may have been set up meanwhile
        self.model.refresh()
        if keep is not None:
            self.select_user(keep)
        self._show_count()
        self._update_buttons()

    def current_user(self) -> UserView | None:
        return selected_record(self.table, self.model)

    def select_user(self, user_id: int) -> bool:
        return select_record(self.table, self.model, lambda u: u.id == user_id)

    def _update_buttons(self, *_args: object) -> None:
        user = self.current_user()
        self.reset_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None)
        enable = user is not None and not user.active
        self.active_button.setText(self.tr("&Enable") if enable else self.tr("&Disable"))

    # -- the acts ----------------------------------------------------------------------
    def new_account(self) -> None:
        self.open_dialog(UserDialog(self.ctx, self), self.refresh)

    def reset_password(self) -> None:
        user = self.current_user()
        if user is not None:
            self.open_dialog(ResetPasswordDialog(self.ctx, user, self), self.refresh)

    def toggle_active(self) -> None:
        """Disable the selected account (after a yes), or enable it again."""
        user = self.current_user()
        if user is None:
            return
        if user.active and not messages.confirm(
            self,
            self.tr("Disable account"),
            self.tr(
                "Disable the account {0} ({1})? It can no longer sign in; its records and "
                "log entries stay. It can be enabled again."
            ).format(user.username, user.name),
        ):
            return
        messages.guarded(self, lambda: users.set_active(self.ctx.db, user.id, not user.active))
        self.refresh()
