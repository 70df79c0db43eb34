"""The main window: seven tabs over one open database, menus and remembered layout."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from pbc_desktop import __version__
from pbc_desktop.db.engine import Database
from pbc_desktop.db.server import ServerAddress
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.errors import ServerConnectionError, UserError
from pbc_desktop.heap import resettle_heap
from pbc_desktop.lang import t
from pbc_desktop.paths import settings_file
from pbc_desktop.services import access, first_steps
from pbc_desktop.ui.accounts.idle_lock import SETTING as IDLE_SETTING
from pbc_desktop.ui.accounts.idle_lock import (
    IdleLock,
    LockCover,
    cover_dialogs,
    idle_minutes,
    uncover,
)
from pbc_desktop.ui.common import messages, worker
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.change_watch import ChangeWatch
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.labels import label
from pbc_desktop.ui.common.screens import start_size
from pbc_desktop.ui.common.tab import FollowsChanges, Navigable, SetsUpOffice, Tab, checked_tab
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.exchange.actions import ExchangeActions
from pbc_desktop.ui.fees.actions import FeeActions
from pbc_desktop.ui.shell.admin_actions import AdminActions
from pbc_desktop.ui.shell.backup_actions import BackupActions, open_file
from pbc_desktop.ui.shell.server_watch import ServerWatch

if TYPE_CHECKING:
    from pbc_desktop.ui.help.window import HelpWindow

TabFactory = Callable[[AppContext], QWidget]


def _lazy(module: str, class_name: str) -> TabFactory:
    """A factory that imports the tab's module only when the tab is first shown."""

    def build(ctx: AppContext) -> QWidget:
        tab_class = getattr(importlib.import_module(f"pbc_desktop.ui.{module}"), class_name)
        widget: QWidget = tab_class(ctx)
        return widget

    return build


#: The tabs in order: key (also the package under ui/ whose ``tab`` module holds it),
#: untranslated title, tab class.
TABS = (
    ("overview", QT_TRANSLATE_NOOP("MainWindow", "Overview"), "OverviewTab"),
    ("communities", QT_TRANSLATE_NOOP("MainWindow", "Communities"), "CommunitiesTab"),
    ("organizations", QT_TRANSLATE_NOOP("MainWindow", "Organizations"), "OrganizationsTab"),
    ("members", QT_TRANSLATE_NOOP("MainWindow", "Party members"), "MembersTab"),
    ("development", QT_TRANSLATE_NOOP("MainWindow", "Development"), "DevelopmentTab"),
    ("activities", QT_TRANSLATE_NOOP("MainWindow", "Activities"), "ActivitiesTab"),
    ("lists", QT_TRANSLATE_NOOP("MainWindow", "Lists"), "ListsTab"),
    ("assessment", QT_TRANSLATE_NOOP("MainWindow", "Assessment"), "AssessmentTab"),
)


def _tab_factories() -> list[tuple[str, str, TabFactory]]:
    return [(key, str(title), _lazy(f"{key}.tab", class_name)) for key, title, class_name in TABS]


def tab_title(source: str) -> str:
    return QCoreApplication.translate("MainWindow", source)


#: The window's first size where the screen has room for it (else it starts maximized).
DEFAULT_SIZE = (1200, 760)


def ui_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


#: Widgets whose state is remembered by object name, renamed to the one naming scheme
#: (docs/CONTRIBUTING.md): old name → new name. Keep the entries: an office may skip versions.
RENAMED_OBJECTS = {
    "memberPostsSplitter": "membersPostsSplitter",
    "memberPostsLowerSplitter": "membersPostsLowerSplitter",
    "fundsSplitter": "listsFundsSplitter",
}


def migrate_settings(settings: QSettings) -> None:
    """Move what was saved under an old object name to the new name and drop the old key
    (a value already saved under the new name wins)."""
    for old, new in RENAMED_OBJECTS.items():
        old_key, new_key = f"splitters/{old}", f"splitters/{new}"
        if settings.contains(old_key):
            if not settings.contains(new_key):
                settings.setValue(new_key, settings.value(old_key))
            settings.remove(old_key)


class MainWindow(QMainWindow):
    """Tabs are built when first shown, so start-up only pays for the visible one."""

    database_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PBC Desktop"))
        self.setObjectName("mainWindow")
        self.ctx = AppContext(db)
        self._factories = _tab_factories()
        self._tabs: dict[str, QWidget] = {}
        self._contracts: dict[str, Tab] = {}  # the same widgets, as the tab contract
        self._placeholders: dict[str, QWidget] = {}
        self.tab_widget = QTabWidget(self)
        self.tab_widget.setObjectName("mainTabs")
        self.tab_widget.setDocumentMode(True)
        self.setCentralWidget(self.tab_widget)
        self._db_label = QLabel(self)
        self._user_label = QLabel(self)
        self._user_label.setObjectName("mainUser")
        self.statusBar().addPermanentWidget(self._user_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self.help_window: HelpWindow | None = None
        self._own_area: str | None = None  # access.own_area, as last read
        self._build_menus()
        self._build_tabs()
        self.tab_widget.currentChanged.connect(self._on_tab_changed)
        self._restore_state()
        self.server_watch: ServerWatch | None = None
        self._watch_server()
        self._update_db_label()
        self.idle_lock = IdleLock(idle_minutes(ui_settings()), self)
        self.idle_lock.idle.connect(self.lock)
        self.lock_cover = LockCover(self)
        self.change_watch = ChangeWatch(self.ctx, self)
        self.change_watch.reachable = self._server_answers
        self.change_watch.changed.connect(self._follow_watch)

    # -- construction -------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("mainFileMenu")
        self.action_new = make_action(
            self, "mainNewDatabase", self.tr("&New database..."), self.new_database, "Ctrl+Shift+N"
        )
        self.action_open = make_action(
            self,
            "mainOpenDatabase",
            self.tr("&Open database..."),
            self.open_database_dialog,
            QKeySequence(QKeySequence.StandardKey.Open),
        )
        self.action_connect = make_action(
            self, "mainConnectServer", self.tr("Connect to &server..."), self.connect_to_server
        )
        self.action_switch_user = make_action(
            self, "mainSwitchUser", self.tr("S&witch user..."), self.switch_user
        )
        self.action_change_password = make_action(
            self, "mainChangePassword", self.tr("Change &password..."), self.change_password
        )
        self.action_lock = make_action(
            self, "mainLock", self.tr("&Lock now"), self.lock, "Ctrl+Shift+L"
        )
        self.action_idle_minutes = make_action(
            self, "mainIdleMinutes", self.tr("Lock &after idle time..."), self.ask_idle_minutes
        )
        self.action_quit = make_action(self, "mainQuit", self.tr("E&xit"), self.close, "Ctrl+Q")
        self.backups = BackupActions(self, self)
        self.action_import_organizations = make_action(
            self,
            "mainImportOrganizations",
            self.tr("Import Party or&ganizations from Excel..."),
            self.import_organizations,
        )
        self.action_import_members = make_action(
            self,
            "mainImportMembers",
            self.tr("&Import party members from Excel..."),
            self.import_members,
        )
        file_menu.setToolTipsVisible(True)  # a disabled entry says why
        self.writes = WriteGuard(lambda: self.ctx.db, self)
        self.writes.add(self.action_import_organizations, Permission.WRITE)
        self.writes.add(self.action_import_members, Permission.WRITE)
        file_menu.addAction(self.action_new)
        file_menu.addAction(self.action_open)
        file_menu.addAction(self.action_connect)
        file_menu.addSeparator()
        file_menu.addAction(self.action_import_organizations)
        file_menu.addAction(self.action_import_members)
        self.exchange = ExchangeActions(self, self)  # its entries follow the account on show
        file_menu.addMenu(self.exchange.menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backups.action_backup)
        file_menu.addAction(self.backups.action_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.action_switch_user)
        file_menu.addAction(self.action_change_password)
        file_menu.addAction(self.action_lock)
        file_menu.addAction(self.action_idle_minutes)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        self._add_fees_menu()
        self._add_admin_menu()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("mainHelpMenu")
        self.action_manual = make_action(
            self, "mainManual", self.tr("&Manual..."), self.show_manual
        )
        help_menu.addAction(self.action_manual)
        self.action_tab_help = make_action(
            self, "mainTabHelp", self.tr("Help on this &tab"), self.show_tab_help, "F1"
        )
        help_menu.addAction(self.action_tab_help)
        self.action_shortcuts = make_action(
            self, "mainShortcuts", self.tr("&Keyboard shortcuts..."), self.show_shortcuts
        )
        help_menu.addAction(self.action_shortcuts)
        self.action_about = make_action(self, "mainAbout", self.tr("&About"), self.show_about)
        help_menu.addAction(self.action_about)
        for number in range(len(self._factories)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.tab_widget.setCurrentIndex(n))

    def _add_fees_menu(self) -> None:
        """党费 → 党费收缴 (``ui/fees/actions.py``)."""
        self.fees = FeeActions(self, self)
        self.menuBar().addMenu(self.fees.menu)
        self.database_changed.connect(lambda _where: self.fees.update_actions())

    def _add_admin_menu(self) -> None:
        """工具 → 账号管理, 操作日志 (``admin_actions.py``), for the accounts that may use them."""
        self.admin = AdminActions(self, self)
        self.menuBar().addMenu(self.admin.menu)
        self.database_changed.connect(lambda _where: self.admin.update_actions())

    def import_organizations(self) -> None:
        """文件 → 从 Excel 导入党组织: the 党组织 tab's import, with the tab in view."""
        from pbc_desktop.ui.organizations.tab import OrganizationsTab

        tab = self.show_tab("organizations")
        assert isinstance(tab, OrganizationsTab)
        tab.import_organizations()

    def import_members(self) -> None:
        """文件 → 导入党员: the 党员 tab's import, with the tab in view."""
        from pbc_desktop.ui.members.tab import MembersTab

        tab = self.show_tab("members")
        assert isinstance(tab, MembersTab)
        tab.import_members()

    def _build_tabs(self) -> None:
        self.tab_widget.blockSignals(True)
        while self.tab_widget.count():
            widget = self.tab_widget.widget(0)
            self.tab_widget.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self._tabs.clear()
        self._contracts.clear()
        self._placeholders.clear()
        for key, title, _factory in self._factories:
            holder = QWidget()
            holder.setObjectName(f"{key}Holder")
            self._placeholders[key] = holder
            self.tab_widget.addTab(holder, tab_title(title))
        self.tab_widget.blockSignals(False)

    def tab_keys(self) -> list[str]:
        return [key for key, _t, _f in self._factories]

    def tab(self, key: str) -> QWidget:
        """The tab widget for ``key``, built on first use."""
        if key not in self._tabs:
            factory = {k: f for k, _t, f in self._factories}[key]
            widget = factory(self.ctx)
            contract = checked_tab(widget)
            widget.setObjectName(f"{key}Tab")
            holder = self._placeholders[key]
            index = self.tab_widget.indexOf(holder)
            self.tab_widget.blockSignals(True)
            self.tab_widget.removeTab(index)
            title = {k: t for k, t, _f in self._factories}[key]
            self.tab_widget.insertTab(index, widget, tab_title(title))
            self.tab_widget.setCurrentIndex(index)
            self.tab_widget.blockSignals(False)
            holder.deleteLater()
            self._tabs[key] = widget
            self._contracts[key] = contract
            self._restore_splitters(widget)
            if isinstance(widget, Navigable):
                widget.navigate.connect(self.navigate)
            if isinstance(widget, SetsUpOffice):
                widget.office_changed.connect(self.follow_office)
        return self._tabs[key]

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tab_widget.setCurrentWidget(widget)
        return widget

    def current_key(self) -> str:
        return self.tab_keys()[self.tab_widget.currentIndex()]

    def _on_tab_changed(self, index: int) -> None:
        key = self.tab_keys()[index]
        fresh = key not in self._tabs
        self.tab(key)
        if not fresh:
            self._contracts[key].refresh()

    def refresh_all(self) -> None:
        """After records came in from elsewhere (a package): the tab in view shows them;
        the others refresh when they are shown."""
        self._contracts[self.current_key()].refresh()

    def _follow_watch(self) -> None:
        """The change watch found others' writes: the role the status bar names follows
        the office (set up or changed at another PC) as the watch's look read it, off no
        read of its own (the server may be gone the moment after the look: the watch's
        next look and the server watch say so, not a message over the window)."""
        seen = self.change_watch.last
        if seen is not None:
            self._own_area = seen.own_area
        self.follow_changes()

    def follow_changes(self) -> None:
        """Others wrote to the (server) database: the tab in view shows it, keeping the
        user's place; the others refresh when they are shown, as ever.

        A reload no one asked for: a server that stops answering meanwhile is no message
        over the window (the server watch's red line says it is gone). The tab keeps what
        it showed, the status bar says it could not be read again, and the change watch's
        next look that reaches the server (or the server watch, once it is back) reloads
        it."""
        self._show_user()
        key = self.current_key()
        widget = self._tabs.get(key)
        if widget is None:
            return
        try:
            if isinstance(widget, FollowsChanges):
                widget.follow_changes()
            else:
                self._contracts[key].refresh()
        except ServerConnectionError:
            self.change_watch.missed()
            self.statusBar().showMessage(
                t(
                    "其他电脑的修改暂时读不到：连不上服务器。服务器恢复后会自动显示。",
                    "Others' changes could not be read: no connection to the server. "
                    "They are shown once it answers.",
                ),
                10_000,
            )

    def follow_office(self) -> None:
        """This database's office was set up or changed (数据交换 → 本单位, the first
        steps): the role the status bar names (管理员 of a town's or village's database)
        and the area of the accounts window follow it."""
        self._update_user()
        self.admin.follow_office()

    def navigate(self, key: str, filters: dict[str, Any]) -> None:
        """Open tab ``key`` filtered as the dashboard asked."""
        self.show_tab(key)
        self._contracts[key].apply_filters(**filters)

    # -- who works ---------------------------------------------------------------------
    def _update_user(self) -> None:
        """Who is signed in: named (:meth:`_show_user`, the database's own area read
        again), and the entries they may use."""
        user = self.ctx.db.user
        district = user.role is UserRole.DISTRICT
        self._own_area = access.own_area(self.ctx.db) if district else None
        self._show_user()
        self.action_change_password.setEnabled(self.ctx.db.user.user_id is not None)
        self.backups.update_actions()
        self.writes.update()

    def _show_user(self) -> None:
        """The status bar and the title name who is signed in (姓名(单位), role: 管理员 of
        a town's or village's database, by its office as last read: no read here)."""
        user = self.ctx.db.user
        role = label(user.role)
        if user.role is UserRole.DISTRICT and self._own_area is not None:
            role = t("管理员", "Administrator")  # of a town's or village's database, not 区委
        self._user_label.setText(
            self.tr("Signed in: %1 · %2").replace("%1", user.label).replace("%2", role)
        )
        where = self.ctx.db.path.name if self.ctx.db.path else self._where()
        self.setWindowTitle(f"{self.tr('PBC Desktop')} — {where} — {user.label}")

    def _after_user_change(self) -> None:
        """Another person: every tab is built again for what they may see."""
        current = self.current_key()
        self._save_splitters()
        self._build_tabs()
        self.show_tab(current)
        self._update_user()
        self.admin.update_actions()  # 工具: accounts and the audit log, by permission

    def open_dialogs(self) -> list[QDialog]:
        """The dialogs open over the window (record forms, the accounts manager, …)."""
        return [dialog for dialog in self.findChildren(QDialog) if dialog.isVisible()]

    def _close_dialogs(self, dialogs: list[QDialog]) -> bool:
        """Close ``dialogs`` as Cancel would (a dialog may first offer to save, as the
        person still signed in); False when one stayed open."""
        for dialog in dialogs:
            dialog.reject()
        return not any(dialog.isVisible() for dialog in dialogs)

    def switch_user(self) -> None:
        """文件 → 切换用户: someone else signs in; the window then shows their scope.
        Dialogs still open would be closed, so the person is asked first."""
        from pbc_desktop.ui.accounts.session import act_as, is_demo
        from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog

        dialogs = self.open_dialogs()
        if dialogs and not messages.confirm(
            self,
            self.tr("Switch user"),
            self.tr(
                "%1 dialog(s) are still open. Switching user closes them and what was typed "
                "there and not saved is lost. Switch user anyway?"
            ).replace("%1", str(len(dialogs))),
        ):
            return
        dialog = SignInDialog(self.ctx.db, self, demo=is_demo(self.ctx.db))
        dialog.setWindowTitle(self.tr("Switch user"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        signed = dialog.signed if accepted else None
        if signed is None or not self._close_dialogs(dialogs):
            return
        if act_as(self.ctx.db, self, signed) is not None:
            self._after_user_change()

    def change_password(self) -> None:
        from pbc_desktop.ui.accounts.change_password_dialog import ChangePasswordDialog

        if ChangePasswordDialog(self.ctx.db, self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("The password was changed."), 5000)

    def lock(self) -> None:
        """Cover the window and every open dialog until the same person's password (the
        dialogs stay open, covered, what was typed kept), or another person signs in, or
        the program is left."""
        from pbc_desktop.ui.accounts.sign_in_dialog import SignInDialog

        if self.idle_lock.paused or self.ctx.db.user.user_id is None:
            return
        self.idle_lock.paused = True
        self.lock_cover.cover()
        covers = cover_dialogs(self.open_dialogs())
        try:
            while True:
                dialog = SignInDialog(self.ctx.db, self, unlock_as=self.ctx.db.user.username)
                dialog.setObjectName("unlockDialog")
                dialog.exec()
                dialog.deleteLater()
                if dialog.choice == "exit":  # as File → Exit: the layout kept, a backup made
                    self.close()
                    QApplication.instance().quit()  # type: ignore[union-attr]
                    return
                if dialog.choice == "switch":
                    before = self.ctx.db.user
                    self.switch_user()
                    if self.ctx.db.user != before:
                        return
                    continue
                if dialog.signed is not None:
                    return
        finally:
            uncover(covers)
            self.lock_cover.hide()
            self.idle_lock.paused = False
            self.idle_lock.restart()

    def ask_idle_minutes(self) -> None:
        settings = ui_settings()
        minutes, ok = QInputDialog.getInt(
            self,
            self.tr("Lock after idle time"),
            self.tr("Lock the window after this many minutes without use (0: never):"),
            idle_minutes(settings),
            0,
            480,
        )
        if ok:
            settings.setValue(IDLE_SETTING, minutes)
            self.idle_lock.set_minutes(minutes)

    # -- database -----------------------------------------------------------------------
    def _where(self) -> str:
        """The open database as the window names it: the file, or the server's address."""
        db = self.ctx.db
        return str(db.path) if db.path else ServerAddress.from_url(db.url).label()

    def _update_db_label(self) -> None:
        self._db_label.setText(self.tr("Database: %1").replace("%1", self._where()))
        self._update_user()

    def _watch_server(self) -> None:
        """A server's database is watched (a lost connection said within seconds)."""
        if self.server_watch is not None:
            self.server_watch.stop()
            self.server_watch = None
        db = self.ctx.db
        db.server_answers(None)
        if not db.is_sqlite:
            self.server_watch = ServerWatch(db.ping, self.statusBar())
            # While it does not answer, each click fails at once with the sentence the
            # banner's tooltip says (instead of holding the window for the connection's
            # time limit).
            self.server_watch.lost.connect(db.server_answers)
            self.server_watch.back.connect(lambda: db.server_answers(None))
            # what others wrote while it was away, and a listing that failed to load
            self.server_watch.back.connect(self.follow_changes)

    def _server_answers(self) -> bool:
        """False while the server watch finds the server not answering."""
        return self.server_watch is None or self.server_watch.reason is None

    def connect_to_server(self) -> None:
        """文件 → 连接到服务器…: a server's database instead of the open one, once someone
        signed in to it."""
        from pbc_desktop.ui.accounts.session import sign_in_to
        from pbc_desktop.ui.shell.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        db = dialog.db if accepted else None
        if db is None:
            return
        if sign_in_to(db, self) is None:
            db.dispose()
            return
        self.switch_database(db)

    def current_db(self) -> Database:
        return self.ctx.db

    def switch_database(self, db: Database) -> None:
        """Show ``db`` (just opened) instead of the database open now, which is closed;
        refused (``db`` closed) while reads of the open one do not end in time."""
        if not worker.settle_reads():  # none may run on the database about to be closed
            worker.resume_reads()
            db.dispose()
            messages.warning(self, self.tr("Open database"), worker.reads_unsettled())
            return
        current = self.current_key()
        self._save_splitters()
        old = self.ctx.db
        if old.path is not None and old.path != db.path:
            self.backups.backup_now(old.path)  # the copy it would have had at exit
        self.ctx = AppContext(db)
        self.change_watch.follow(self.ctx)
        self._build_tabs()
        worker.drop_settled_reads()  # of the tabs replaced
        self.show_tab(current)
        old.dispose()
        resettle_heap()  # the old tabs, frozen with the window, freed
        self._watch_server()
        self._update_db_label()
        self.backups.update_actions()
        self.database_changed.emit(str(db.path or db.url))

    def _open_path(self, path: Path, *, create: bool = False) -> None:
        from pbc_desktop.ui.accounts.session import close_unused, sign_in_to

        try:
            db = open_file(path, self.ctx.actor, create=create)
        except UserError as exc:
            messages.show_user_error(self, exc)
            return
        # A new (or upgraded) database's first administrator, or a sign-in.
        if sign_in_to(db, self, created=create) is None:
            close_unused(db, created=create)
            return
        self.switch_database(db)
        for notice in db.notices:  # e.g. a -wal that was not the database's own, set aside
            messages.warning(self, self.tr("Note"), notice)

    def new_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("New database"), str(Path.home()), self.tr("Database (*.sqlite)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix == "":
            target = target.with_suffix(".sqlite")
        if target.exists():
            messages.warning(
                self,
                self.tr("New database"),
                self.tr("A file with that name already exists. Choose another name."),
            )
            return
        self._open_path(target, create=True)

    def open_database_dialog(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self.ctx.db.path.parent if self.ctx.db.path else Path.home()),
            self.tr("Database (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self._open_path(Path(path))

    def show_manual(self, page: str | None = None) -> HelpWindow:
        """帮助 → 使用手册: the manual's window (one, left open beside this one) at ``page``
        (its first page when none is given)."""
        from pbc_desktop.ui.help.pages import START_PAGE
        from pbc_desktop.ui.help.window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self, commands={"shortcuts": self.show_shortcuts})
        self.help_window.show_page(page or START_PAGE)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_tab_help(self) -> HelpWindow:
        """F1: the manual at the page of the tab in view."""
        from pbc_desktop.ui.help.pages import page_for_tab

        return self.show_manual(page_for_tab(self.tab(self.current_key()).objectName()))

    def show_shortcuts(self) -> None:
        from pbc_desktop.ui.shell.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self.tab_widget, self).exec()

    def show_about(self) -> None:
        messages.information(
            self,
            self.tr("About PBC Desktop"),
            self.tr(
                "PBC Desktop %1\n\nAn offline workbench for Party-building communities: "
                "member organizations, members reporting for posts, joint activities and "
                "meetings, lists, funds and the year-end assessment.\n\n"
                "Bundled font: WenQuanYi Micro Hei (Apache License 2.0)."
            ).replace("%1", __version__),
        )

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- remembered layout --------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = ui_settings()
        migrate_settings(settings)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)  # Qt fits it to a smaller screen than it had
        else:
            start_size(self, *DEFAULT_SIZE)
        last = settings.value("window/lastTab", "communities")
        key = last if isinstance(last, str) and last in self.tab_keys() else "communities"
        if not first_steps.first_steps(self.ctx.db).in_use:
            key = "overview"  # a database not in use yet: its first steps, whatever was last
        self.show_tab(key)

    def _restore_splitters(self, widget: QWidget) -> None:
        settings = ui_settings()
        for splitter in widget.findChildren(QSplitter):
            if splitter.objectName():
                state = settings.value(f"splitters/{splitter.objectName()}")
                if isinstance(state, QByteArray):
                    splitter.restoreState(state)

    def _save_splitters(self) -> None:
        settings = ui_settings()
        for widget in self._tabs.values():
            for splitter in widget.findChildren(QSplitter):
                if splitter.objectName():
                    settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    def save_state(self) -> None:
        settings = ui_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/lastTab", self.current_key())
        self._save_splitters()
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.server_watch is not None:
            self.server_watch.timer.stop()
        self.backups.timer.stop()
        self.backups.backup_now()  # quick, bounded, only if something changed; never raises
        super().closeEvent(event)
