"""Backups of the database file: automatic ones, copies to a chosen place, and what a
backup holds (checked before a restore, which ``services.backup_restore`` makes).

Every copy goes through SQLite's online backup API (:func:`db.migrate.copy_database`): one
consistent snapshot even while the program writes, written under a temporary name,
checked with ``PRAGMA quick_check`` and only then renamed into place.

Copies in the backups folder are named ``<database stem>-<kind>-<YYYYMMDD-HHMMSS>.sqlite``
(for a database outside the data folder the stem carries a tag of its place,
:func:`db.migrate.copy_stem`, so copies of two files of the same name never mix):

- ``auto``: made when the window closes and daily while it stays open, and by
  ``pbc backup``; of these the newest of each of the last 10 days that have one and the
  newest of each of the last 12 months that have one are kept, the others deleted;
- ``manual``: copies the user asked for in a folder of their choice (never pruned);
- ``before-restore``: the database as it was before a restore replaced it (never pruned);
- ``before-upgrade-<revision>``: the copy made before a schema upgrade (never pruned).

No Qt here: the window and ``pbc backup`` / ``pbc restore`` share these functions.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from pbc_desktop import paths
from pbc_desktop.db import checked_stamp
from pbc_desktop.db.engine import Database, read_only_engine, sqlite_url
from pbc_desktop.db.migrate import (
    COPY_STAMP,
    copy_database,
    copy_stem,
    head_revision,
    known_revisions,
    open_database,
    quick_check,
    revision_of,
    too_new,
    unique_copy_path,
)
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain.accounts import Actor, Permission
from pbc_desktop.domain.offices import grouped_digest
from pbc_desktop.errors import (
    DatabaseDamagedError,
    DatabaseError,
    PermissionDeniedError,
    UserError,
    cannot_read,
    os_errno,
    os_reason,
)
from pbc_desktop.files import (
    SQLITE_HEADER,
    file_digest,
    file_uri,
    is_special,
)
from pbc_desktop.lang import t
from pbc_desktop.services import attachments
from pbc_desktop.services.info import Count, record_counts

log = logging.getLogger(__name__)

AUTO = "auto"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_UPGRADE = "before-upgrade"
KEEP_DAYS = 10
KEEP_MONTHS = 12
DAILY = timedelta(days=1)
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>auto|manual|before-restore|before-upgrade-[0-9A-Za-z_]+)"
    r"-(?P<stamp>\d{8}-\d{6})(?:-(?P<serial>\d+))?\.sqlite$"
)

Progress = Callable[[int], None]
ShouldStop = Callable[[], bool]


# -- names and listing ------------------------------------------------------------------
@dataclass(frozen=True)
class BackupFile:
    """A copy in the backups folder, known by its name."""

    path: Path
    stem: str
    kind: str  # AUTO, MANUAL, BEFORE_RESTORE or BEFORE_UPGRADE
    written_at: datetime  # local time, from the name
    serial: int = 1  # 2, 3… for later copies made within the same second

    @property
    def order(self) -> tuple[datetime, int]:
        return (self.written_at, self.serial)


def parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        written = datetime.strptime(match["stamp"], COPY_STAMP)
    except ValueError:
        return None
    kind = match["kind"]
    if kind.startswith(BEFORE_UPGRADE):
        kind = BEFORE_UPGRADE
    return BackupFile(path, match["stem"], kind, written, int(match["serial"] or 1))


def backup_name(stem: str, kind: str, when: datetime) -> str:
    return f"{stem}-{kind}-{when.strftime(COPY_STAMP)}.sqlite"


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The copies of ``db_path`` (by its file name) in the backups folder, newest first."""
    folder = folder if folder is not None else paths.backups_dir()
    if not folder.is_dir():
        return []
    found = [parse_name(p) for p in folder.glob("*.sqlite") if p.is_file()]
    stem = copy_stem(db_path, folder)
    mine = [b for b in found if b is not None and b.stem == stem]
    return sorted(mine, key=lambda b: b.order, reverse=True)


# -- retention --------------------------------------------------------------------------
def retained(
    backups: Iterable[BackupFile], keep_days: int = KEEP_DAYS, keep_months: int = KEEP_MONTHS
) -> set[Path]:
    """The automatic copies to keep: the newest of each of the last ``keep_days`` days that
    have one and the newest of each of the last ``keep_months`` months that have one."""
    newest_first = sorted(
        (b for b in backups if b.kind == AUTO), key=lambda b: b.order, reverse=True
    )
    by_day: dict[object, BackupFile] = {}
    by_month: dict[object, BackupFile] = {}
    for b in newest_first:
        by_day.setdefault(b.written_at.date(), b)
        by_month.setdefault((b.written_at.year, b.written_at.month), b)
    keep = {b.path for b in list(by_day.values())[:keep_days]}
    keep |= {b.path for b in list(by_month.values())[:keep_months]}
    return keep


def prune(
    db_path: Path, folder: Path | None = None, *, also_keep: Path | None = None
) -> list[Path]:
    """Delete the automatic copies the retention policy no longer keeps; returns them.

    ``also_keep`` (the copy just written) stays whatever its date: with the PC's clock set
    back, it would otherwise look too old to keep.
    """
    backups = list_backups(db_path, folder)
    keep = retained(backups)
    if also_keep is not None:
        keep.add(also_keep)
    deleted: list[Path] = []
    for b in backups:
        if b.kind == AUTO and b.path not in keep:
            try:
                b.path.unlink()
            except OSError:
                log.warning("could not delete the old backup %s", b.path, exc_info=True)
            else:
                # a copy once opened as a database (File → Open) has a note beside it
                checked_stamp.forget_checked(b.path)
                deleted.append(b.path)
    return deleted


# -- making copies ----------------------------------------------------------------------
#: How coarsely a drive may keep a file's time: FAT32 (a USB stick) to two seconds.
COARSE_TIME_S = 2.0


def changed_since(db_path: Path, when: datetime) -> bool:
    """Whether ``db_path`` may have been written after ``when`` (local time).

    Only errs towards "changed": the main file's and a non-empty ``-wal``'s times; a time
    kept to the whole second (a database on a FAT32 stick) is taken as written up to
    :data:`COARSE_TIME_S` later than it says: written just after a copy, it may carry a
    time just before it.
    """
    limit = when.timestamp()
    try:
        if _written_after(db_path.stat(), limit):
            return True
        wal = db_path.with_name(db_path.name + "-wal").stat()
    except FileNotFoundError:
        return False
    return wal.st_size > 0 and _written_after(wal, limit)


def _written_after(info: os.stat_result, limit: float) -> bool:
    coarse = info.st_mtime_ns % 1_000_000_000 == 0
    return info.st_mtime > limit - (COARSE_TIME_S if coarse else 0.0)


def taken_at(copy: BackupFile) -> datetime:
    """When an automatic copy's snapshot was taken: its file's time, which
    :func:`automatic_backup` sets so (to the microsecond; its name has whole seconds)."""
    try:
        return datetime.fromtimestamp(copy.path.stat().st_mtime)
    except OSError:
        return copy.written_at


def _settle(db_path: Path) -> None:
    """Fold the WAL into the database file before a copy (PASSIVE: waits for nobody), so
    that the file's time stays that of its last change, not of the checkpoint that
    closing the database would make after the copy."""
    try:
        conn = sqlite3.connect(f"{file_uri(db_path.resolve())}?mode=rw", uri=True, timeout=1)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.info("no checkpoint of %s before its backup: %s", db_path, exc)


def _last_auto(db_path: Path, folder: Path | None, now: datetime) -> BackupFile | None:
    """The newest automatic copy not dated after ``now``.

    Copies "from the future" are ignored: the PC's clock has been set back (a flat CMOS
    battery on an old PC), and measured against them no copy would ever be due.
    """
    return next(
        (b for b in list_backups(db_path, folder) if b.kind == AUTO and b.written_at <= now),
        None,
    )


def backup_due(db_path: Path, folder: Path | None = None, now: datetime | None = None) -> bool:
    """The daily check: no automatic copy for a day, and the database changed since the last."""
    if not db_path.is_file():
        return False
    now = now or datetime.now()
    newest = _last_auto(db_path, folder, now)
    if newest is None:
        return True
    if now - newest.written_at < DAILY:
        return False
    return changed_since(db_path, taken_at(newest))


def _missing(db_path: Path) -> UserError:
    return UserError(t(f"找不到数据库文件“{db_path}”。", f"There is no database file “{db_path}”."))


LOW_SPACE_BYTES = 1_000_000


def cannot_write(dest: Path, exc: BaseException) -> UserError:
    """Why the copy ``dest`` could not be written, named as it is: a full disk, a
    read-only medium, no permission, or what the system said."""
    code = os_errno(exc)
    text = str(exc).lower()
    full = code == errno.ENOSPC or "disk is full" in text
    if not full and "disk i/o error" in text:
        with contextlib.suppress(OSError):
            full = shutil.disk_usage(dest.parent).free < LOW_SPACE_BYTES
    if full:
        return UserError(
            t(
                f"无法写入备份“{dest}”：磁盘（或 U 盘）已满。请腾出空间，或换一个位置。",
                f"Cannot write the backup “{dest}”: the disk (or USB stick) is full. Free "
                "some space or choose another place.",
            )
        )
    if code == errno.EROFS:
        return UserError(
            t(
                f"无法写入备份“{dest}”：这个磁盘或 U 盘是只读的（U 盘的写保护开关是否打开了？）。"
                "请换一个位置。",
                f"Cannot write the backup “{dest}”: the disk or USB stick is read-only (is "
                "the stick's write-protect switch on?). Choose another place.",
            )
        )
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return UserError(
            t(
                f"无法写入备份“{dest}”：没有在文件夹“{dest.parent}”中写入的权限。"
                "请换一个位置，或请管理员检查权限。",
                f"Cannot write the backup “{dest}”: no permission to write in the folder "
                f"“{dest.parent}”. Choose another place, or ask the administrator to check "
                "the permissions.",
            )
        )
    reason = os_reason(exc)
    return UserError(
        t(
            f"无法写入备份“{dest}”：{reason}。请换一个位置。",
            f"Cannot write the backup “{dest}”: {reason}. Choose another place.",
        )
    )


def _copy(
    src: Path,
    dest: Path,
    *,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    read_only: bool = False,
    exclusive: bool = False,
) -> None:
    """:func:`copy_database`, with write failures turned into a sentence naming ``dest``;
    then the copy's attachments are checked (count and SHA-256) like its pages were.
    ``exclusive``: an existing ``dest`` is never replaced (``FileExistsError``)."""
    try:
        copy_database(
            src,
            dest,
            progress=progress,
            should_stop=should_stop,
            read_only=read_only,
            exclusive=exclusive,
        )
        attachments.check_copy(dest)
    except FileExistsError as exc:
        if exclusive and (dest.exists() or dest.is_symlink()):
            raise  # another program's copy took the name meanwhile: the caller says so
        raise cannot_write(dest, exc) from exc
    except FileNotFoundError as exc:
        if not src.is_file():
            raise _missing(src) from exc
        raise cannot_write(dest, exc) from exc
    except OSError as exc:
        raise cannot_write(dest, exc) from exc
    except sqlite3.Error as exc:
        log.warning("copying %s to %s failed: %s", src, dest, exc)
        raise cannot_write(dest, exc) from exc


#: How often a copy named by its time takes the next name (``-2``, ``-3``…) when another
#: program's copy took the one it was given while it was written.
NAME_TRIES = 5


def _copy_as_new(
    db_path: Path,
    folder: Path,
    stem: str,
    kind: str,
    when: datetime,
    *,
    should_stop: ShouldStop | None = None,
    progress: Progress | None = None,
    read_only: bool = False,
) -> Path:
    """Copy ``db_path`` into ``folder`` under a name of :func:`unique_copy_path`; never onto
    a copy another program (a window and ``pbc backup`` in the same second) finished
    meanwhile under that name: the next free name is taken instead."""
    return _as_new(
        folder,
        stem,
        kind,
        when,
        lambda dest: _copy(
            db_path,
            dest,
            progress=progress,
            should_stop=should_stop,
            read_only=read_only,
            exclusive=True,
        ),
    )


def _as_new(
    folder: Path, stem: str, kind: str, when: datetime, write: Callable[[Path], None]
) -> Path:
    """``write`` a copy under a name of :func:`unique_copy_path` (``write`` raises
    ``FileExistsError`` when another program took it meanwhile: the next one is tried)."""
    for _ in range(NAME_TRIES):
        dest = unique_copy_path(folder, stem, kind, when)
        try:
            write(dest)
        except FileExistsError:
            log.info("%s was written by another program meanwhile; taking the next name", dest)
            continue
        return dest
    raise cannot_write(dest, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)))


def automatic_backup(
    db_path: Path,
    folder: Path | None = None,
    *,
    now: datetime | None = None,
    only_if_changed: bool = True,
    should_stop: ShouldStop | None = None,
) -> Path | None:
    """An ``auto`` copy in the backups folder, then the retention policy; returns the copy.

    With ``only_if_changed``, nothing is written when the database has not changed since
    the newest automatic copy (returns ``None``), nor when there is no database file.
    """
    if not db_path.is_file():
        if only_if_changed:
            return None
        raise _missing(db_path)
    folder = folder if folder is not None else paths.backups_dir()
    if only_if_changed:
        newest = _last_auto(db_path, folder, now or datetime.now())
        if newest is not None and not changed_since(db_path, taken_at(newest)):
            return None
    _settle(db_path)
    taken = now or datetime.now()  # before the snapshot: a later write counts as a change
    stem = copy_stem(db_path, folder)
    dest = _copy_as_new(db_path, folder, stem, AUTO, taken, should_stop=should_stop)
    os.utime(dest, (taken.timestamp(), taken.timestamp()))
    prune(db_path, folder, also_keep=dest)
    log.info("automatic backup of %s written to %s", db_path, dest)
    return dest


def copy_refusal(actor: Actor) -> str | None:
    """Why ``actor`` may not take a copy of the database away (None: it may).

    A copy is the whole file: every town's and village's records with the full ID numbers
    and phones, which only an account that sees the whole district and may see those
    numbers may carry off. Other accounts' windows still make the program's own copies
    in the data folder (automatic, before an upgrade or a restore), which stay on the PC.
    """
    if actor.whole_district and actor.can(Permission.SEE_PERSONAL_DATA):
        return None
    return t(
        f"备份是整个数据库的副本，含全区所有党员的完整身份证号和联系电话：当前账号"
        f"（{actor.username}，{actor.role.zh}）不能把它另存到别处，请联系区委组织部管理员。"
        "程序自己的自动备份照常进行。",
        f"A backup is a copy of the whole database, with every member's full ID number and "
        f"phone: the signed-in account ({actor.username}, {actor.role.en}) may not save one "
        "elsewhere; ask a district administrator. The program's own automatic backups go on.",
    )


def backup_to(
    db_path: Path,
    target: Path,
    *,
    by: Actor,
    now: datetime | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
    overwrite: bool = False,
) -> Path:
    """A copy the user asked for: into folder ``target`` (named by date) or as file ``target``;
    ``by``, the signed-in account, must be allowed to take it away (:func:`copy_refusal`).

    A file that exists is never overwritten (refused in a sentence, :func:`exists_refusal`),
    not even one another program finished while this copy was written, unless
    ``overwrite``: the user was asked about the file ``target`` and agreed to replace it
    (the window's save dialog asks; ``pbc backup`` has no such option)."""
    refused = copy_refusal(by)
    if refused is not None:
        raise PermissionDeniedError(refused)
    if not db_path.is_file():
        raise _missing(db_path)
    if target.is_dir():
        written = _copy_as_new(
            db_path,
            target,
            db_path.stem,
            MANUAL,
            now or datetime.now(),
            should_stop=should_stop,
            progress=progress,
        )
        log.info("backup of %s written to %s", db_path, written)
        return written
    if not target.parent.exists():  # a USB stick pulled out, a mistyped folder
        raise UserError(
            t(
                f"文件夹“{target.parent}”不存在（U 盘是否已插好？）。",
                f"The folder “{target.parent}” does not exist (is the USB stick plugged in?).",
            )
        )
    dest = target if target.suffix else target.with_suffix(".sqlite")
    if dest.resolve() == db_path.resolve():
        raise UserError(
            t(
                "不能把数据库备份到它自己身上，请换一个文件名或位置。",
                "A database cannot be backed up onto itself; choose another name or place.",
            )
        )
    exclusive = not (overwrite and dest == target)
    if exclusive and (dest.exists() or dest.is_symlink()):
        raise exists_refusal(dest)
    try:
        _copy(db_path, dest, progress=progress, should_stop=should_stop, exclusive=exclusive)
    except FileExistsError as exc:  # another program's copy, finished meanwhile
        raise exists_refusal(dest) from exc
    log.info("backup of %s written to %s", db_path, dest)
    return dest


def exists_refusal(path: Path) -> UserError:
    """A copy asked for as the file ``path``, which exists (it is not overwritten)."""
    return UserError(
        t(
            f"文件“{path}”已存在，不会覆盖它；请换一个文件名。",
            f"The file “{path}” exists and is not overwritten; choose another name.",
        )
    )


# -- what a backup holds ----------------------------------------------------------------
@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, shown before it is restored."""

    path: Path
    revision: str
    written_at: datetime  # local time: from the name of our copies, else the file's time
    last_change: datetime | None  # local time of the newest audit entry
    size_bytes: int
    counts: tuple[Count, ...]
    needs_upgrade: bool  # an older schema: restoring it upgrades it
    #: the file's SHA-256, grouped (:func:`fingerprint_of`): given to :func:`restore` as
    #: ``described``, a file changed since this was read is refused
    fingerprint: str
    office: OfficeName | None = None  # its own office (data exchange), if set up


@dataclass(frozen=True)
class OfficeName:
    """A database's own office: its identity and its name (for the question before a
    backup of another office replaces the database)."""

    uuid: str
    name: str


def _office_of(conn: Connection) -> OfficeName | None:
    """The database's own office; ``None`` if none is set up (or the schema has none)."""
    if "office" not in inspect(conn).get_table_names():
        return None
    row = conn.execute(text("SELECT uuid, name FROM office WHERE local LIMIT 1")).first()
    return None if row is None else OfficeName(str(row[0]), str(row[1]))


def current_office(db_path: Path) -> OfficeName | None:
    """The own office of the database at ``db_path``; ``None`` if it has none, is missing
    or cannot be read (a damaged database is replaced all the same)."""
    if not db_path.is_file():
        return None
    engine = read_only_engine(db_path)
    try:
        with engine.connect() as conn:
            return _office_of(conn)
    except SADatabaseError as exc:
        log.warning("reading the office of %s: %s", db_path, exc)
        return None
    finally:
        engine.dispose()


def other_office(db_path: Path, info: BackupInfo) -> str | None:
    """That the backup is another office's database (its own office is not the current
    database's), as the start of a sentence (no full stop), or ``None``. Restoring it puts
    that office's records, and its office, in place of this one's: the window and ``pbc
    restore`` at a terminal ask (:func:`other_office_question`), and ``pbc restore``
    without one wants ``--other-office``."""
    current = current_office(db_path)
    if current is None or info.office is None or info.office.uuid == current.uuid:
        return None
    theirs, ours = info.office.name, current.name
    return t(
        f"该备份是另一个单位“{theirs}”的数据库，不是本单位“{ours}”的",
        f"This backup is the database of another office, “{theirs}”, not of this office, “{ours}”",
    )


def other_office_question(sentence: str) -> str:
    """What the window and ``pbc restore`` at a terminal ask before restoring another
    office's backup (``sentence``: :func:`other_office`'s); the answer No changes nothing."""
    return sentence + t(
        "；恢复后，本库将成为该单位的数据库。仍要恢复吗？",
        ": restoring it makes this the database of that office. Restore it all the same?",
    )


def _not_found(path: Path) -> UserError:
    return UserError(t(f"找不到文件“{path}”。", f"There is no file “{path}”."))


def _not_a_database(path: Path) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"文件“{path}”不是数据库，也不是本程序的备份文件。",
            f"The file “{path}” is not a database, nor a backup made by this program.",
        )
    )


def _damaged(path: Path) -> DatabaseDamagedError:
    return DatabaseDamagedError(
        t(
            f"文件“{path}”已损坏，无法用来恢复。请换一个备份文件。",
            f"The file “{path}” is damaged and cannot be restored. Choose another backup.",
        )
    )


def _foreign(path: Path) -> DatabaseError:
    return DatabaseError(
        t(
            f"文件“{path}”是一个数据库，但不是党建共同体工作台的数据库。",
            f"The file “{path}” is a database, but not one of PBC Desktop.",
        )
    )


def _local(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _contents(path: Path) -> tuple[tuple[Count, ...], datetime | None]:
    """The counts of a file at the current schema, and the time of its newest audit entry."""
    db = Database.read_only(path)
    try:
        with db.read() as s:
            newest = s.scalar(select(func.max(AuditEntry.at)))
        return tuple(record_counts(db)), _local(newest) if newest is not None else None
    finally:
        db.dispose()


def _contents_after_upgrade(path: Path) -> tuple[tuple[Count, ...], datetime | None]:
    """The counts of an older backup, read from an upgraded temporary copy of it."""
    with tempfile.TemporaryDirectory(prefix=f"pbc-inspect-{os.getpid()}-") as tmp:
        work = Path(tmp) / "backup.sqlite"
        _copy(path, work, read_only=True)
        _upgrade(work)
        return _contents(work)


def _upgrade(path: Path) -> None:
    """Bring a copy to the current schema, leaving one self-contained file."""
    db = open_database(sqlite_url(path), check=False, lock=False)
    db.dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchall()
    finally:
        conn.close()


@dataclass(frozen=True)
class _Checked:
    path: Path
    revision: str
    stat: os.stat_result
    office: OfficeName | None
    fingerprint: str

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != head_revision()

    def info(self, contents: tuple[tuple[Count, ...], datetime | None]) -> BackupInfo:
        named = parse_name(self.path)
        return BackupInfo(
            path=self.path,
            revision=self.revision,
            written_at=named.written_at if named else datetime.fromtimestamp(self.stat.st_mtime),
            last_change=contents[1],
            size_bytes=self.stat.st_size,
            counts=contents[0],
            needs_upgrade=self.needs_upgrade,
            fingerprint=self.fingerprint,
            office=self.office,
        )


def _check(path: Path) -> _Checked:
    """Every refusal of :func:`inspect_backup`; the file is only read."""
    if path.is_dir():
        raise UserError(
            t(
                f"“{path}”是一个文件夹，请选择其中的一个备份文件。",
                f"“{path}” is a folder; choose a backup file in it.",
            )
        )
    if is_special(path):  # a pipe or a device: it was “not found”
        raise UserError(
            t(
                f"“{path}”不是普通文件（例如管道或设备），不是备份文件。",
                f"“{path}” is not a regular file (a pipe or a device, say), not a backup.",
            )
        )
    if not path.is_file():
        raise _not_found(path)
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
            if header != SQLITE_HEADER:
                raise _not_a_database(path)
            digest = file_digest(f, header)
        stat = path.stat()
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    engine = read_only_engine(path)
    try:
        with engine.connect() as conn:
            problems = quick_check(conn)
            if problems:
                log.warning("quick_check of %s failed: %.1000s", path, problems[:5])
                raise _damaged(path)
            tables = set(inspect(conn).get_table_names())
            revision = revision_of(conn) if "alembic_version" in tables else None
            office = _office_of(conn)
    except SADatabaseError as exc:
        log.warning("inspecting %s: %s", path, exc)
        raise _damaged(path) from exc
    finally:
        engine.dispose()
    if revision is None or "organization" not in tables:
        raise _foreign(path)
    if revision not in known_revisions():
        raise too_new()
    return _Checked(path, revision, stat, office, grouped_digest(digest))


def fingerprint_of(path: Path) -> str:
    """The fingerprint of the file at ``path`` (its SHA-256, grouped as a package's is)."""
    try:
        with Path(path).open("rb") as f:
            return grouped_digest(file_digest(f))
    except OSError as exc:
        raise cannot_read(path, exc) from exc


def _changed_since_described(path: Path) -> UserError:
    return UserError(
        t(
            f"备份文件“{path}”在显示其内容之后被改动或替换了，没有恢复。请重新选择它，核对内容后再恢复。",
            f"The backup file “{path}” was changed or replaced after its contents were shown; "
            "nothing was restored. Choose it again and check what it holds before restoring.",
        )
    )


def inspect_backup(path: Path) -> BackupInfo:
    """Check a file offered for restore and say what it holds; the file is only read.

    Refuses, with a sentence: a missing file, a file that is not a database, a damaged
    one, a database of another program and one written by a newer version. The counts of
    a backup with an older schema are read from an upgraded temporary copy.
    """
    checked = _check(Path(path))
    if checked.needs_upgrade:
        return checked.info(_contents_after_upgrade(checked.path))
    return checked.info(_contents(checked.path))


def newest_good_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest copy of ``db_path`` in the backups folder that passes every check."""
    for b in list_backups(db_path, folder):
        try:
            return inspect_backup(b.path)
        except UserError as exc:
            log.warning("skipping the backup %s: %s", b.path, exc.message)
    return None
