"""Restore: a backup put in the place of the database, the database as it was kept first.

The backup is checked and its contents shown by ``services.backup`` (:func:`inspect_backup`);
here it is copied beside the database, upgraded if its schema is older, and renamed onto
it under the database's lock held exclusively, once the database as it was is copied into
the backups folder (``before-restore``, even a damaged one). No Qt here: the window and
``pbc restore`` share these functions.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pbc_desktop import paths
from pbc_desktop.db import lock as db_lock
from pbc_desktop.db.engine import Database
from pbc_desktop.db.migrate import (
    CopyStoppedError,
    copy_stem,
    create_private,
    remove_with_sidecars,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.errors import DatabaseDamagedError, UserError, os_reason
from pbc_desktop.files import file_uri, part_path, place_new, replace_file
from pbc_desktop.lang import t
from pbc_desktop.services.backup import (
    BEFORE_RESTORE,
    BackupInfo,
    Progress,
    ShouldStop,
    _as_new,
    _changed_since_described,
    _check,
    _contents,
    _copy,
    _copy_as_new,
    _upgrade,
    cannot_write,
    fingerprint_of,
)
from pbc_desktop.services.permissions import require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    kept: Path | None  # the copy of the database as it was, in the backups folder
    upgraded: bool  # the backup had an older schema and was upgraded


def keep_current(db_path: Path, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Copy the database (even a damaged one) into the backups folder as ``before-restore``."""
    folder = folder if folder is not None else paths.backups_dir()
    stem, when = copy_stem(db_path, folder), now or datetime.now()
    try:
        # Only read: SQLite, closing a damaged file it had open to write, deleted its WAL
        # (or folded it in), and the plain copy below never had it.
        return _copy_as_new(db_path, folder, stem, BEFORE_RESTORE, when, read_only=True)
    except DatabaseDamagedError:
        # Not readable as a database: keep its bytes as they are, WAL file included.
        log.warning("%s is damaged; keeping a plain copy of its files", db_path)
    return _as_new(folder, stem, BEFORE_RESTORE, when, lambda dest: _keep_bytes(db_path, dest))


def _keep_bytes(db_path: Path, dest: Path) -> None:
    """The bytes of the damaged database ``db_path`` kept as ``dest``, and its WAL's (if
    any) as ``dest``'s ``-wal``.

    Both are written under part names (:func:`files.part_path`, and its ``-wal``): a kill
    meanwhile leaves only those, which :func:`files.remove_leftovers` deletes at the next
    start or backup. Then the copy takes its name (never another's:
    ``FileExistsError``), and only after it the WAL its own: a kill between the two leaves
    the copy of the main file alone, never a ``-wal`` without its copy, nor a half one
    beside a copy that SQLite would apply to it.
    """
    tmp = part_path(dest)
    tmp_wal = tmp.with_name(tmp.name + "-wal")
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        create_private(tmp)
        shutil.copyfile(db_path, tmp)
        if wal.is_file():
            create_private(tmp_wal)
            shutil.copyfile(wal, tmp_wal)
        place_new(tmp, dest)
        if tmp_wal.exists():
            replace_file(tmp_wal, dest.with_name(dest.name + "-wal"))
    except FileExistsError as exc:
        if dest.exists() or dest.is_symlink():
            raise  # another program's copy took the name: the next one is tried
        raise cannot_write(dest, exc) from exc
    except OSError as exc:
        raise cannot_write(dest, exc) from exc
    finally:
        remove_with_sidecars(tmp)


def _in_use(db_path: Path) -> UserError:
    return UserError(
        t(
            f"无法替换数据库“{db_path}”：它正被其他程序打开。请关闭其他打开它的窗口或程序后重试。",
            f"Cannot replace the database “{db_path}”: another program has it open. Close "
            "the other windows or programs that use it and try again.",
        )
    )


def refuse_itself(db_path: Path, backup_path: Path) -> None:
    """Refuse the database offered as a backup of itself (before showing what it holds)."""
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise UserError(
            t(
                "所选文件就是当前的数据库，不能用它恢复自己。",
                "The file chosen is the current database itself; choose a backup.",
            )
        )


def _retire(db_path: Path) -> None:
    """Fold the database's WAL back into it and remove ``-wal``/``-shm``, so they can never
    be applied to the file that replaces it."""
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"{file_uri(db_path.resolve())}?mode=rw", uri=True, timeout=2)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
    for suffix in ("-wal", "-shm"):
        try:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise _in_use(db_path) from exc


def _replacing(db_path: Path) -> db_lock.DatabaseLock:
    """The database's lock, exclusively (waits a few seconds, then refuses naming who
    has the database open)."""
    try:
        return db_lock.acquire(db_path, exclusive=True)
    except OSError as exc:
        raise cannot_write(db_path, exc) from exc


def _not_put_back(db_path: Path, kept: Path, exc: OSError) -> UserError:
    reason = os_reason(exc)
    return UserError(
        t(
            f"无法把原来的数据库放回“{db_path}”：{reason}。它保存在“{kept}”。",
            f"The database as it was could not be put back as “{db_path}”: {reason}. It is "
            f"kept as “{kept}”.",
        )
    )


def put_back(db_path: Path, kept: Path, *, close: Database | None = None) -> None:
    """After a restore whose database could not then be opened (the window's open of the
    file :func:`restore` put in place failed): the copy :func:`keep_current` made of the
    database as it was put back in its place, so that it is as before the restore.

    ``kept`` stays in the backups folder: its bytes (and its WAL's, a damaged database's)
    are copied beside the database under a work name (cleared at the next start if a
    kill leaves it), then renamed onto it, as :func:`restore` does; ``close``, the
    window's database, is let go of meanwhile. Refused in a sentence when the copy cannot
    be written or the file replaced (the restored file then stays).
    """
    work = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}-{uuid.uuid4().hex[:8]}.sqlite")
    work_wal, kept_wal = (p.with_name(p.name + "-wal") for p in (work, kept))
    try:
        try:
            create_private(work)
            shutil.copyfile(kept, work)
            if kept_wal.is_file():
                create_private(work_wal)
                shutil.copyfile(kept_wal, work_wal)
        except OSError as exc:
            raise _not_put_back(db_path, kept, exc) from exc
        with _replacing(db_path):
            if close is not None:
                close.engine.dispose()  # its connections; its hold of the lock stays
            _retire(db_path)
            try:
                replace_file(work, db_path)
                if work_wal.exists():
                    replace_file(work_wal, db_path.with_name(db_path.name + "-wal"))
            except OSError as exc:
                raise _in_use(db_path) from exc
    finally:
        remove_with_sidecars(work)
    log.info("put %s back in place of %s after a restore that could not be opened", kept, db_path)


def restore(
    db_path: Path,
    backup_path: Path,
    *,
    folder: Path | None = None,
    close: Database | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    now: datetime | None = None,
    described: str | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` by the backup ``backup_path``.

    The backup is checked (:func:`inspect_backup`), copied beside the database and, if its
    schema is older, upgraded there. Only then is the current database (if any, even a
    damaged one) copied to the backups folder, ``close`` (the open database) disposed, and
    the prepared copy renamed onto ``db_path``. Until that moment a failure or a stop
    leaves the current database untouched.

    ``described``: the fingerprint of the backup whose contents the user was shown
    (:attr:`BackupInfo.fingerprint`); a file changed or replaced since, or while it is
    copied, is refused: what would be restored is not what was shown.
    """
    if close is not None:  # the window's open database: its signed-in person must be allowed
        require(close, Permission.MAINTAIN)
    db_path, backup_path = Path(db_path), Path(backup_path)
    refuse_itself(db_path, backup_path)
    report = progress or (lambda _percent: None)
    checked = _check(backup_path)
    if described is not None and checked.fingerprint != described:
        raise _changed_since_described(backup_path)
    report(5)
    work = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}-{uuid.uuid4().hex[:8]}.sqlite")
    try:
        _copy(
            backup_path,
            work,
            read_only=True,
            progress=lambda p: report(5 + p * 75 // 100),
            should_stop=should_stop,
        )
        if described is not None and fingerprint_of(backup_path) != described:
            raise _changed_since_described(backup_path)  # while it was copied
        if checked.needs_upgrade:
            report(85)
            _upgrade(work)
        info = checked.info(_contents(work))
        if should_stop is not None and should_stop():
            raise CopyStoppedError
        report(90)
        # Every other writer (a window, a pbc command) has finished, or the restore is
        # refused naming them; none starts until the file is replaced.
        with _replacing(db_path):
            if close is not None:
                close.engine.dispose()  # its connections; its hold of the lock stays
            kept = keep_current(db_path, folder, now) if db_path.exists() else None
            report(95)
            _retire(db_path)
            try:
                replace_file(work, db_path)
            except OSError as exc:
                raise _in_use(db_path) from exc
    finally:
        remove_with_sidecars(work)
    report(100)
    log.info("restored %s from %s (previous copy kept as %s)", db_path, backup_path, kept)
    return RestoreResult(info=info, kept=kept, upgraded=checked.needs_upgrade)
