"""Photos and files of activities, kept inside the database.

A file added to an activity is read into the database (``attachment`` holds its name,
size and SHA-256, ``attachment_content`` its bytes), so a backup or a restore carries it
by construction and no stored path can point anywhere on disk. Opening a file writes it to
a private temporary folder; "save as" writes a copy where the user chooses. Nothing here
deletes a file of the user's.

:func:`verify_attachments` checks a database file's attachments against their checksums;
backups and restores call :func:`check_copy` on each copy they make.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pbc_desktop.db.engine import Database, read_only_uri
from pbc_desktop.db.models import Activity, Attachment, AttachmentContent
from pbc_desktop.errors import DatabaseDamagedError, NotFoundError, UserError, os_reason
from pbc_desktop.files import atomic_output, safe_file_name, write_error
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.field_errors import FieldErrors

log = logging.getLogger(__name__)

#: The largest file that can be added to an activity.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_FILE_MB = MAX_FILE_BYTES // (1024 * 1024)
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"})
FIELD = "attachments"


def is_photo(name: str) -> bool:
    return Path(name).suffix.lower() in PHOTO_SUFFIXES


# -- adding files -----------------------------------------------------------------------------
@dataclass(frozen=True)
class NewFile:
    """A file read from disk, ready to be stored."""

    filename: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def attachment(self) -> Attachment:
        """A new row with its content, to append to an activity's attachments."""
        return Attachment(
            filename=self.filename,
            is_photo=is_photo(self.filename),
            size=len(self.data),
            sha256=self.sha256,
            content=AttachmentContent(data=self.data),
        )


def _read_one(path: Path, errors: FieldErrors) -> NewFile | None:
    name = path.name
    if not path.is_file():
        errors.add(
            FIELD,
            f"找不到文件「{name}」（位置：{path.parent}），它可能已被移动或删除",
            f"The file “{name}” is not in {path.parent}; it may have been moved or deleted",
        )
        return None
    try:
        too_large = path.stat().st_size > MAX_FILE_BYTES
        data = b""
        if not too_large:
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)  # it may have grown since
    except OSError as exc:
        reason = os_reason(exc)
        errors.add(
            FIELD,
            f"无法读取文件「{name}」：{reason}",
            f"The file “{name}” cannot be read: {reason}",
        )
        return None
    if too_large or len(data) > MAX_FILE_BYTES:
        errors.add(
            FIELD,
            f"文件「{name}」超过 {MAX_FILE_MB} MB，不能作为附件。请压缩后再添加",
            f"The file “{name}” is larger than {MAX_FILE_MB} MB and cannot be attached; "
            "make it smaller first",
        )
        return None
    return NewFile(name, data)


def read_new_files(files: Sequence[Path], errors: FieldErrors) -> list[NewFile]:
    """Read the files to add; each one missing, unreadable or too large is a field error."""
    read = [_read_one(Path(p), errors) for p in files]
    return [f for f in read if f is not None]


# -- reading them back ------------------------------------------------------------------------
def _missing_content(filename: str) -> UserError:
    return UserError(
        t(
            f"附件「{filename}」的内容不在数据库中：升级数据库时在原附件文件夹里没有找到这个文件。",
            f"The content of the attachment “{filename}” is not in the database: the file was "
            "not found in the old attachments folder when the database was upgraded.",
        )
    )


def content(db: Database, attachment_id: int) -> tuple[str, bytes]:
    """An attachment's file name and bytes; one of an activity the acting account does not
    see reads as one that does not exist."""
    with db.read() as s:
        row = s.execute(
            select(
                Attachment.filename,
                Attachment.sha256,
                AttachmentContent.data,
                Activity.community_id,
                Activity.host_org_id,
            )
            .join(Activity, Activity.id == Attachment.activity_id)
            .outerjoin(AttachmentContent, AttachmentContent.attachment_id == Attachment.id)
            .where(Attachment.id == attachment_id)
        ).one_or_none()
        if row is not None and not access.of(db, s).sees_activity(
            s, row.community_id, row.host_org_id
        ):
            row = None
    if row is None:
        raise NotFoundError(
            t(
                "找不到该附件，可能已被删除。",
                "The attachment was not found; it may have been deleted.",
            )
        )
    if row.data is None:
        raise _missing_content(row.filename)
    return row.filename, bytes(row.data)


_open_folder: Path | None = None


def _private_folder() -> Path:
    """This run's own temporary folder (readable by this user only), removed at exit."""
    global _open_folder  # noqa: PLW0603 - one folder per run
    if _open_folder is None or not _open_folder.is_dir():
        _open_folder = Path(tempfile.mkdtemp(prefix="pbc-open-"))
        atexit.register(shutil.rmtree, _open_folder, ignore_errors=True)
    return _open_folder


def open_copy(db: Database, attachment_id: int) -> Path:
    """Write an attachment to a private temporary file (to open it with its program)."""
    filename, data = content(db, attachment_id)
    folder = Path(tempfile.mkdtemp(prefix=f"{attachment_id}-", dir=_private_folder()))
    target = folder / safe_file_name(Path(filename).name or "attachment")
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise UserError(
            t(
                f"无法打开附件「{filename}」：临时文件写不进去（{os_reason(exc)}）。请检查磁盘空间。",
                f"Cannot open the attachment “{filename}”: its temporary file could not be "
                f"written ({os_reason(exc)}). Check the free disk space.",
            )
        ) from exc
    return target


def save_copy(db: Database, attachment_id: int, target: Path) -> Path:
    """Save an attachment as the file ``target`` (all or nothing)."""
    _filename, data = content(db, attachment_id)
    with atomic_output(target) as tmp:
        try:
            tmp.write_bytes(data)
        except OSError as exc:
            raise write_error(target, exc) from exc
    return target


# -- verification -----------------------------------------------------------------------------
@dataclass(frozen=True)
class AttachmentCheck:
    """What :func:`verify_attachments` found: ``count`` attachments with content, and the
    names of those whose content is gone or does not match its SHA-256."""

    count: int
    bad: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.bad


def verify_attachments(path: Path) -> AttachmentCheck:
    """Check every attachment in the SQLite file ``path`` (only read): its content is there
    and matches its stored SHA-256, and there are as many contents as rows that have one.

    A database of a schema before attachments moved inside (0001) has none to check.
    """
    conn = sqlite3.connect(read_only_uri(Path(path)), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "attachment_content" not in tables:
            return AttachmentCheck(0, ())
        (contents,) = conn.execute("SELECT count(*) FROM attachment_content").fetchone()
        count = 0
        bad: list[str] = []
        rows = conn.execute(
            "SELECT a.filename, a.sha256, c.data FROM attachment a "
            "LEFT JOIN attachment_content c ON c.attachment_id = a.id "
            "WHERE a.sha256 IS NOT NULL ORDER BY a.id"
        )
        for filename, sha, data in rows:
            count += 1
            if data is None or hashlib.sha256(data).hexdigest() != sha:
                bad.append(filename)
        if contents != count and not bad:
            bad.append(t(f"（共 {contents} 份内容）", f"({contents} contents)"))
        return AttachmentCheck(count, tuple(bad))
    finally:
        conn.close()


class AttachmentsDamagedError(DatabaseDamagedError):
    """A copy's attachments do not match their checksums."""


def check_copy(path: Path) -> int:
    """After a backup or restore copy: raise (and remove the copy) unless every attachment
    in it is intact. Returns how many attachments it carries."""
    try:
        found = verify_attachments(path)
    except sqlite3.Error as exc:
        path.unlink(missing_ok=True)
        raise AttachmentsDamagedError(
            t(
                f"无法核对“{path}”中的附件：{exc}",
                f"The attachments in “{path}” could not be checked: {exc}",
            )
        ) from exc
    if found.ok:
        return found.count
    path.unlink(missing_ok=True)
    names = "、".join(found.bad[:3]) + ("等" if len(found.bad) > 3 else "")
    names_en = ", ".join(found.bad[:3]) + (" and others" if len(found.bad) > 3 else "")
    log.warning("%d of %d attachments in %s failed their check", len(found.bad), found.count, path)
    raise AttachmentsDamagedError(
        t(
            f"复制到“{path}”的附件核对没有通过（{len(found.bad)} 个附件的内容与校验值不符："
            f"{names}），这份复制没有保留。",
            f"The attachments copied to “{path}” failed their check ({len(found.bad)} do not "
            f"match their checksum: {names_en}); the copy was not kept.",
        )
    )
