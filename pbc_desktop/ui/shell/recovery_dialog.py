"""At start-up, a database that is damaged or not a database: explain, offer a way out.

The dialog says what is wrong in one sentence and offers to restore the newest backup that
passes every check (showing its date and what it holds), to open another database file,
or to quit. Never a traceback.
"""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pbc_desktop.db.engine import Database
from pbc_desktop.errors import UserError
from pbc_desktop.services import backup
from pbc_desktop.services.backup import BackupInfo
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.shell.backup_actions import describe, open_file, run_restore

log = logging.getLogger(__name__)


class Choice(Enum):
    RESTORE = "restore"
    OPEN_OTHER = "open"
    QUIT = "quit"


class RecoveryDialog(QMessageBox):
    """Why the database cannot be opened, and the three ways on."""

    def __init__(
        self, error: UserError, good: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setText(error.message)
        if good is not None:
            self.setInformativeText(
                self.tr("The newest good backup of this database:")
                + "\n\n"
                + describe(good)
                + "\n\n"
                + self.tr(
                    "Restore it? Whatever was entered after that backup has to be entered "
                    "again. The damaged file is kept in the backups folder."
                )
            )
        else:
            self.setInformativeText(
                self.tr(
                    "No good backup of this database was found in the backups folder. "
                    "Open another database file (for example a backup on a USB stick), "
                    "or quit and ask for help."
                )
            )
        self.restore_button = (
            self.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
            if good is not None
            else None
        )
        self.open_button = self.addButton(
            self.tr("Open another file…"), QMessageBox.ButtonRole.ActionRole
        )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.open_button)
        self.setEscapeButton(self.quit_button)

    def choice(self) -> Choice:
        clicked = self.clickedButton()
        if self.restore_button is not None and clicked is self.restore_button:
            return Choice.RESTORE
        if clicked is self.open_button:
            return Choice.OPEN_OTHER
        return Choice.QUIT

    def ask(self) -> Choice:
        self.exec()
        return self.choice()


def recover(db_path: Path, error: UserError, actor: str) -> Database | None:
    """Offer a way on after ``db_path`` failed to open; the database to use, or ``None``."""
    cause = f" ({error.__cause__!r})" if error.__cause__ is not None else ""
    log.warning("cannot open %s: %s%s", db_path, error.message, cause)
    while True:
        good = backup.newest_good_backup(db_path)
        choice = RecoveryDialog(error, good).ask()
        if choice is Choice.RESTORE and good is not None:
            result = run_restore(None, db_path, good, close=None)
            if result is None:
                continue
            try:
                return open_file(db_path, actor)
            except UserError as exc:
                error = exc
                continue
        elif choice is Choice.OPEN_OTHER:
            chosen, _filter = QFileDialog.getOpenFileName(
                None,
                QCoreApplication.translate("RecoveryDialog", "Open database"),
                str(db_path.parent),
                QCoreApplication.translate(
                    "RecoveryDialog", "Database (*.sqlite *.db);;All files (*)"
                ),
            )
            if not chosen:
                continue
            try:
                return open_file(Path(chosen), actor)
            except UserError as exc:
                messages.show_user_error(None, exc)
                continue
        else:
            return None
