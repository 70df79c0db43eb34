"""文件 → 连接到服务器…: the address of a server's database and the office's account.

OK connects (and checks the schema's version): a refusal is one sentence in the dialog,
which stays open with what was typed. The password is remembered only in the computer's
password store (:mod:`pbc_desktop.credentials`) and only when 记住密码 is ticked; the
recently used connections are remembered in the settings, without passwords.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from pbc_desktop import credentials
from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import open_database
from pbc_desktop.db.server import ServerAddress, split_password
from pbc_desktop.errors import (
    DatabaseTooNewError,
    FieldError,
    ServerUpgradeNeededError,
    UserError,
    ValidationError,
)
from pbc_desktop.paths import settings_file
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.form_dialog import FormDialog
from pbc_desktop.ui.forms.ui_connect_dialog import Ui_ConnectDialog

# Who acts while nobody is signed in yet (as ``app.BEFORE_SIGN_IN``).
BEFORE_SIGN_IN = "system"
RECENT_KEY = "server/recent"
RECENT_MAX = 8


def _settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def recent_connections() -> list[ServerAddress]:
    """The servers connected to lately, the latest first (no passwords are kept)."""
    value = _settings().value(RECENT_KEY, [])
    # QSettings gives one remembered value back as a string, several as a list
    urls = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found: list[ServerAddress] = []
    for url in urls:
        try:
            found.append(ServerAddress.from_url(str(url)))
        except Exception:  # a hand-edited settings file: skip what is not a URL
            continue
    return found


def remember_connection(address: ServerAddress) -> None:
    others = [a for a in recent_connections() if a != address]
    settings = _settings()
    settings.setValue(RECENT_KEY, [a.url() for a in [address, *others][:RECENT_MAX]])
    settings.sync()


def connect(url: str, password: str | None) -> Database:
    """Open the server's database at ``url`` (never setting it up or upgrading it); a
    refusal is a ``UserError`` with one sentence."""
    return open_database(url, actor=BEFORE_SIGN_IN, create=False, password=password)


def _schema_refusal(exc: UserError) -> bool:
    """The server's schema is of another version: no other password or address helps."""
    return isinstance(exc, DatabaseTooNewError | ServerUpgradeNeededError)


def connect_at_start(url: str, parent: QWidget | None = None) -> Database | None:
    """``pbc-desktop --db postgresql+psycopg://…``: connected with the URL's password,
    the remembered one or the server's own (``PGPASSWORD``, the pgpass file); when that
    is refused, the connection dialog asks, saying why. A schema of another version is a
    message box. None: not connected (the person cancelled, or the message was shown)."""
    url, given = split_password(url)
    address = ServerAddress.from_url(url)
    password = given or credentials.saved_password(address.label())
    try:
        return connect(url, password)
    except UserError as exc:
        if _schema_refusal(exc):
            messages.show_user_error(parent, exc)
            return None
        error = exc.message
    dialog = ConnectDialog(parent, address=address, error=error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.db


class ConnectDialog(FormDialog):
    """Once accepted, ``db`` is the open database (the caller signs in and owns it)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        address: ServerAddress | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.ui = self.use_form(Ui_ConnectDialog)
        self.setObjectName("connectDialog")
        self.field_widgets = {
            "host": self.ui.hostEdit,
            "database": self.ui.databaseEdit,
            "account": self.ui.accountEdit,
            "password": self.ui.passwordEdit,
        }
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Connect"))
        self._can_remember = credentials.available()
        self.ui.rememberCheck.setEnabled(self._can_remember)
        if not self._can_remember:
            self.ui.rememberCheck.setToolTip(
                self.tr(
                    "This computer has no password store: the password is asked at each connection."
                )
            )
        self._recent = recent_connections()
        self.ui.recentCombo.addItem(self.tr("(a new connection)"))
        for each in self._recent:
            self.ui.recentCombo.addItem(each.label())
        self.ui.recentCombo.setEnabled(bool(self._recent))
        self.ui.recentCombo.currentIndexChanged.connect(self._recent_chosen)
        if address is not None:
            self.fill(address)
        elif self._recent:
            self.ui.recentCombo.setCurrentIndex(1)  # the last one used
        else:
            self.ui.hostEdit.setFocus()
        if error:
            self.show_error(error)

    def _recent_chosen(self, index: int) -> None:
        if index > 0:
            self.fill(self._recent[index - 1])

    def fill(self, address: ServerAddress) -> None:
        """Show ``address`` and its remembered password (if any)."""
        self.ui.hostEdit.setText(address.host)
        self.ui.portSpin.setValue(address.port)
        self.ui.databaseEdit.setText(address.database)
        self.ui.accountEdit.setText(address.account)
        saved = credentials.saved_password(address.label()) if self._can_remember else None
        self.ui.passwordEdit.setText(saved or "")
        self.ui.rememberCheck.setChecked(saved is not None)
        (self.ui.passwordEdit if saved is None else self.ui.buttonBox).setFocus()

    def address(self) -> ServerAddress:
        return ServerAddress(
            host=self.ui.hostEdit.text().strip(),
            port=self.ui.portSpin.value(),
            database=self.ui.databaseEdit.text().strip(),
            account=self.ui.accountEdit.text().strip(),
        )

    def save(self) -> int | None:
        address = self.address()
        missing = [
            FieldError(name, text)
            for name, value, text in (
                ("host", address.host, self.tr("Enter the server's name or address.")),
                ("database", address.database, self.tr("Enter the database's name.")),
                ("account", address.account, self.tr("Enter the office's account.")),
            )
            if not value
        ]
        if missing:
            raise ValidationError(missing)
        password = self.ui.passwordEdit.text()
        try:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.db = connect(address.url(), password or None)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except UserError as exc:
            if not _schema_refusal(exc):
                raise
            messages.show_user_error(self, exc)  # a message box: the administrator's task
            return None
        if self.ui.rememberCheck.isChecked() and password:
            credentials.save_password(address.label(), password)
        else:
            credentials.forget_password(address.label())
        remember_connection(address)
        return 0
