"""File → 备份到… / 恢复…, and the automatic backups of the open database.

The copies themselves are made by ``services.backup``; here they get file dialogs, a
progress dialog (the work runs off the UI thread), a confirmation showing what a backup
holds, and the automatic copies: one when the window closes and one a day while it stays
open. Automatic copies never show a message: a failure is logged, and a close never
waits long for them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QWidget

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import CopyStoppedError, open_database
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import UserError
from pbc_desktop.paths import backups_dir, settings_file
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import backup, backup_restore
from pbc_desktop.services.backup import BackupInfo
from pbc_desktop.ui.common import messages, worker
from pbc_desktop.ui.common.actions import make_action
from pbc_desktop.ui.common.worker import JobOutcome, run_with_progress
from pbc_desktop.ui.common.write_guard import WriteGuard

log = logging.getLogger(__name__)


class Host(Protocol):
    """What the actions need from the main window."""

    def current_db(self) -> Database: ...

    def switch_database(self, db: Database) -> None: ...


def open_file(path: Path, actor: str, *, create: bool = False) -> Database:
    """Open, check and upgrade the SQLite file ``path`` as the window does: a copy made
    before an upgrade goes to the backups folder. A missing file is refused unless
    ``create`` (File → New)."""
    return open_database(sqlite_url(path), actor=actor, backup_dir=backups_dir(), create=create)


def describe(info: BackupInfo) -> str:
    """What a backup holds, as lines for a message: file, dates, schema, counts."""
    lines = [
        QCoreApplication.translate("Backup", "File: %1").replace("%1", str(info.path)),
        QCoreApplication.translate("Backup", "Backed up: %1").replace(
            "%1", f"{info.written_at:%Y-%m-%d %H:%M}"
        ),
    ]
    if info.last_change is not None:
        lines.append(
            QCoreApplication.translate("Backup", "Last change recorded: %1").replace(
                "%1", f"{info.last_change:%Y-%m-%d %H:%M}"
            )
        )
    lines.append(
        QCoreApplication.translate("Backup", "Size: %1 MB").replace(
            "%1", f"{info.size_bytes / 1_000_000:.1f}"
        )
    )
    if info.needs_upgrade:
        lines.append(
            QCoreApplication.translate(
                "Backup", "Made by an earlier version: it will be upgraded when restored."
            )
        )
    lines.append("")
    lines.extend(labelled(count.label, count.count) for count in info.counts)
    return "\n".join(lines)


def failed(parent: QWidget | None, outcome: JobOutcome[Any]) -> bool:
    """Whether a job gave no result: stopped by Cancel, or failed (a user error is shown,
    a bug re-raised). A job that finished although Cancel came late did not fail."""
    if outcome.error is None:
        return outcome.result is None
    if isinstance(outcome.error, CopyStoppedError):
        return True
    if isinstance(outcome.error, UserError):
        messages.show_user_error(parent, outcome.error)
        return True
    raise outcome.error


def run_restore(
    parent: QWidget | None, db_path: Path, shown: BackupInfo, close: Database | None
) -> backup_restore.RestoreResult | None:
    """Restore the backup ``shown`` (what it holds was described to the user: a file
    changed since is refused) off the UI thread with progress; ``None`` if it failed (said
    why) or stopped."""

    def job(progress: ProgressFn, should_cancel: CancelFn) -> backup_restore.RestoreResult:
        return backup_restore.restore(
            db_path,
            shown.path,
            close=close,
            progress=lambda percent: progress(percent, ""),
            should_stop=should_cancel,
            described=shown.fingerprint,
        )

    outcome = run_with_progress(
        parent, QCoreApplication.translate("Backup", "Restoring the backup…"), job
    )
    if failed(parent, outcome):
        return None
    return outcome.result


class BackupActions(QObject):
    """The two File menu actions and the automatic backups of the host's database."""

    DAILY_CHECK_MS = 60 * 60 * 1000  # look once an hour whether a day has passed
    EXIT_SECONDS = 15.0  # the longest a close waits for its backup

    def __init__(self, host: Host, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        self.action_backup = make_action(
            parent, "mainBackup", self.tr("&Back up to…"), self.backup_to_dialog
        )
        self.action_restore = make_action(
            parent, "mainRestore", self.tr("&Restore…"), self.restore_dialog
        )
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.timer = QTimer(self)
        self.timer.setInterval(self.DAILY_CHECK_MS)
        self.timer.timeout.connect(self.check_daily)
        self.timer.start()
        # Restoring replaces everyone's records: only an account allowed to maintain may.
        self.writes = WriteGuard(host.current_db, self)
        self.writes.add(
            self.action_restore, Permission.MAINTAIN, when=lambda: self._db_path() is not None
        )
        # A copy to take away holds every record and full ID number: see backup.copy_refusal.
        self.writes.add(
            self.action_backup,
            lambda: backup.copy_refusal(host.current_db().user),
            when=lambda: self._db_path() is not None,
        )
        self.update_actions()

    def _db_path(self) -> Path | None:
        return self._host.current_db().path

    def update_actions(self) -> None:
        """Backups are of SQLite files (a server database has its own); restoring one
        replaces everyone's records, so only an account allowed to maintain may."""
        self.writes.update()

    # -- automatic ----------------------------------------------------------------------
    def check_daily(self) -> None:
        """Start a background copy when the last automatic one is a day old (never raises)."""
        path = self._db_path()
        if path is None or self.running():
            return
        try:
            due = backup.backup_due(path)
        except Exception:
            log.exception("could not check whether %s needs a backup", path)
            return
        if due:
            self._thread = threading.Thread(
                target=self._automatic, args=(path, self._stop.is_set), name="daily-backup"
            )
            self._thread.start()

    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background copy; past ``timeout`` seconds, ask it to stop."""
        if self._thread is None:
            return
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()
        self._thread = None
        self._stop.clear()

    @staticmethod
    def _automatic(path: Path, should_stop: Callable[[], bool]) -> Path | None:
        try:
            return backup.automatic_backup(path, should_stop=should_stop)
        except Exception:
            log.exception("the automatic backup of %s failed", path)
            return None

    def backup_now(self, path: Path | None = None) -> Path | None:
        """An automatic copy of ``path`` (default: the open database) if it changed since
        the last one, given at most ``EXIT_SECONDS``; logs instead of raising."""
        try:
            self.wait(self.EXIT_SECONDS)
            path = path or self._db_path()
            if path is None:
                return None
            deadline = time.monotonic() + self.EXIT_SECONDS
            return self._automatic(path, lambda: time.monotonic() > deadline)
        except Exception:
            log.exception("the backup at exit failed")
            return None

    # -- File → 备份到… -----------------------------------------------------------------
    def _last_folder(self) -> Path:
        folder = QSettings(str(settings_file()), QSettings.Format.IniFormat).value(
            "backup/lastFolder"
        )
        if isinstance(folder, str) and Path(folder).is_dir():
            return Path(folder)
        return Path.home()

    def _remember_folder(self, folder: Path) -> None:
        settings = QSettings(str(settings_file()), QSettings.Format.IniFormat)
        settings.setValue("backup/lastFolder", str(folder))
        settings.sync()

    def backup_to_dialog(self) -> None:
        db_path = self._db_path()
        if db_path is None:
            return
        by = self._host.current_db().user
        name = backup.backup_name(db_path.stem, backup.MANUAL, datetime.now())
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Back up to"),
            str(self._last_folder() / name),
            self.tr("Database backup (*.sqlite)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        # The dialog asked before replacing a file that exists; one that appears meanwhile
        # (another program's copy) is not replaced.
        agreed = target.is_file()

        def job(progress: ProgressFn, should_cancel: CancelFn) -> Path:
            return backup.backup_to(
                db_path,
                target,
                by=by,
                progress=lambda percent: progress(percent, ""),
                should_stop=should_cancel,
                overwrite=agreed,
            )

        outcome = run_with_progress(self._parent, self.tr("Backing up…"), job)
        if failed(self._parent, outcome):
            return
        written = outcome.result
        assert written is not None
        self._remember_folder(written.parent)
        messages.information(
            self._parent,
            self.tr("Backed up"),
            self.tr(
                "The database was copied to\n%1\n\nKeep the copy away from this computer, "
                "for example on a USB stick in a locked drawer."
            ).replace("%1", str(written)),
        )

    # -- File → 恢复… -------------------------------------------------------------------
    def restore_dialog(self) -> None:
        db = self._host.current_db()
        db_path = db.path
        if db_path is None:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Restore from a backup"),
            str(backups_dir()),
            self.tr("Database backup (*.sqlite *.db);;All files (*)"),
        )
        if not chosen:
            return
        backup_path = Path(chosen)

        def inspect(
            _progress: ProgressFn, _should_cancel: CancelFn
        ) -> tuple[BackupInfo, str | None]:
            backup_restore.refuse_itself(db_path, backup_path)
            found = backup.inspect_backup(backup_path)
            return found, backup.other_office(db_path, found)

        outcome = run_with_progress(self._parent, self.tr("Checking the backup…"), inspect)
        if failed(self._parent, outcome):
            return
        assert outcome.result is not None
        info, other = outcome.result
        if other is not None and not messages.confirm(
            self._parent, self.tr("Restore a backup"), backup.other_office_question(other)
        ):
            return
        question = (
            self.tr("Replace the database now open by this backup?")
            + "\n\n"
            + describe(info)
            + "\n\n"
            + self.tr("The database as it is now is first copied to the backups folder.")
        )
        if not messages.confirm(self._parent, self.tr("Restore a backup"), question):
            return
        if not worker.settle_reads():  # none may hold the file about to be replaced
            worker.resume_reads()
            messages.warning(self._parent, self.tr("Restore a backup"), worker.reads_unsettled())
            return
        self.wait()
        restored: Database | None = None
        try:
            result = run_restore(self._parent, db_path, info, close=db)
            if result is not None:
                restored = self._open_restored(db, db_path, result)
        finally:
            # Whatever happened, short of the restored database shown in new tabs (the
            # restore refused or failed, its file not opened, a bug): the database left
            # open, as it was or put back, and its lists read again, none left "loading".
            if restored is None:
                worker.resume_reads()
        if restored is None or result is None:
            return
        self._host.switch_database(restored)
        done = self.tr("The backup was restored.")
        if result.kept is not None:
            done += "\n\n" + self.tr("The database as it was before is kept as\n%1").replace(
                "%1", str(result.kept)
            )
        messages.information(self._parent, self.tr("Restored"), done)

    def _open_restored(
        self, db: Database, db_path: Path, result: backup_restore.RestoreResult
    ) -> Database | None:
        """The restored file opened; ``None`` when it cannot be (said why): the database as
        it was is then put back in its place (:func:`backup_restore.put_back`) and ``db``,
        the database left open, goes on with it."""
        try:
            return open_file(db_path, db.actor)
        except UserError as exc:
            log.warning("the restored %s could not be opened: %s", db_path, exc.message)
            said = (
                self.tr("The backup was restored, but the database could not then be opened:")
                + "\n"
                + exc.message
            )
        kept = result.kept
        if kept is not None:  # always, for an open database

            def put_back(_progress: ProgressFn, _should_cancel: CancelFn) -> Path:
                backup_restore.put_back(db_path, kept, close=db)
                return kept

            outcome = run_with_progress(
                self._parent, self.tr("Putting back the database as it was…"), put_back
            )
            if outcome.error is None:
                said += "\n\n" + self.tr(
                    "The database as it was before the restore was put back: nothing changed."
                )
            elif isinstance(outcome.error, UserError):
                said += (
                    "\n\n"
                    + self.tr("Putting back the database as it was failed too:")
                    + "\n"
                    + outcome.error.message
                    + "\n\n"
                    + self.tr("Close the program and start it again.")
                )
            else:
                raise outcome.error
        worker.resume_reads()  # the lists show the database left open while this is read
        messages.warning(self._parent, self.tr("Restore a backup"), said)
        return None
