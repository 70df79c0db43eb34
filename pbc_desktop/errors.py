"""Errors the user can act on, kept apart from bugs.

A :class:`UserError` carries a sentence for the user and is shown as a message; anything
else that escapes is a bug and reaches the global exception hook.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime

from pbc_desktop.lang import t


class UserError(Exception):
    """An expected failure with a message the user understands."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class ValidationError(UserError):
    """Input was refused; each error names its field. Nothing was saved."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.message for e in errors))

    def __reduce__(self) -> tuple[type[ValidationError], tuple[list[FieldError]]]:
        # pickled as made (a child process's refusal comes back whole to its parent); by
        # default it would be made again from the joined message and fail
        return type(self), (self.errors,)

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls([FieldError(field, message)])

    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


class NotFoundError(UserError):
    """The record no longer exists (deleted elsewhere, or a wrong id on the command line)."""


class ConflictError(UserError):
    """The write is refused because of other records (e.g. deleting a record in use)."""


class StaleEditError(ConflictError):
    """Someone else saved the record since this editor read it (optimistic locking): the
    save is refused, the editor keeps its input."""


def stale_edit(who: str | None = None, at: datetime | None = None) -> StaleEditError:
    """The refusal of a save over someone else's change, naming them and when (local time)
    where the audit log knows."""
    if who and at is not None:
        when = at.astimezone().strftime("%Y-%m-%d %H:%M")
        return StaleEditError(
            t(
                f"该记录已被 {who} 于 {when} 修改，请关闭后重新打开再保存",
                f"{who} changed this record at {when}; close it and open it again before saving",
            )
        )
    return StaleEditError(
        t(
            "该记录已被其他人修改，请关闭后重新打开再保存",
            "Someone else changed this record; close it and open it again before saving",
        )
    )


def reference_changed() -> StaleEditError:
    """The refusal of a save that another PC's save, committed meanwhile, made impossible:
    a record it refers to was deleted, or one now refers to the record being deleted (the
    database's foreign key refused it; nothing was saved)."""
    return StaleEditError(
        t(
            "与此记录相关的记录刚被其他人删除或修改，未保存任何内容；请关闭后重新打开再保存",
            "A record this one refers to, or one referring to it, was just deleted or changed "
            "by someone else; nothing was saved. Close it and open it again before saving",
        )
    )


class DatabaseError(UserError):
    """The database file cannot be used as it is."""


class DatabaseTooNewError(DatabaseError):
    """The file was written by a newer version of the program."""


class DatabaseDamagedError(DatabaseError):
    """The file is not a database, or fails its integrity check."""


class DatabaseLockedError(DatabaseError):
    """Another program holds the database for too long."""


class ServerConnectionError(DatabaseError):
    """The database server cannot be reached, refused the connection, or the connection
    was lost while in use (nothing of the interrupted write was saved)."""


class ServerUpgradeNeededError(DatabaseError):
    """The server's schema is older than this program: an administrator upgrades it."""


class DiskFullError(DatabaseError):
    """The disk (or the medium) holding the database is full, or it failed to write."""


class SignInError(UserError):
    """A sign-in was refused: wrong name or password, a locked or disabled account."""


class PermissionDeniedError(UserError):
    """The signed-in account may not do this (its role or its scope)."""


#: what the system's error numbers mean, in the words of the user's language
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中的一项不是文件夹", "a part of the path is not a folder"),
    errno.EACCES: ("没有权限", "no permission"),
    errno.EPERM: ("没有权限", "no permission"),
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EROFS: ("磁盘是只读的", "the disk is read-only"),
    errno.EEXIST: ("已经存在", "it exists already"),
    errno.ENAMETOOLONG: ("文件名太长", "the name is too long"),
    errno.EIO: (
        "读写出错（磁盘或U盘可能已损坏或已拔出）",
        "a read or write error (the disk or USB stick may be damaged or removed)",
    ),
}


#: Windows' ERROR_WRITE_PROTECT: a USB stick's write-protect switch, which Python gives
#: as a PermissionError (EACCES), not as EROFS.
_ERROR_WRITE_PROTECT = 19


def os_errno(exc: BaseException) -> int | None:
    """The errno of an OSError, with a write-protected medium on Windows given as EROFS,
    as on POSIX (it would read "no permission": the clerk would ask for rights, not flip
    the stick's switch)."""
    if getattr(exc, "winerror", None) == _ERROR_WRITE_PROTECT:
        return errno.EROFS
    code = getattr(exc, "errno", None)
    return code if isinstance(code, int) else None


def os_reason(exc: BaseException) -> str:
    """Why a file operation failed, in the user's language: the system's own text
    (``strerror``) is English on most machines, so common cases are phrased here."""
    code = os_errno(exc)
    if isinstance(exc, PermissionError) and code not in _OS_REASONS:
        code = errno.EACCES
    if code in _OS_REASONS:
        return t(*_OS_REASONS[code])
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def cannot_read(path: object, exc: OSError) -> UserError:
    """A file the user chose that could not be read, and why."""
    reason = os_reason(exc)
    return UserError(t(f"无法读取文件“{path}”：{reason}", f"Cannot read “{path}”: {reason}"))


def not_regular_file(path: object, what_zh: str, what_en: str) -> UserError:
    """A file the user chose that is a pipe or a device (``/dev/stdin``, a FIFO): read in
    several passes it cannot be, and a FIFO nobody writes would be waited on for ever.
    ``what_zh``/``what_en`` name what to save as a file instead (名册, the roster)."""
    return UserError(
        t(
            f"“{path}”不是普通文件（例如管道或设备），无法读取。请先把{what_zh}保存为文件。",
            f"“{path}” is not a regular file (a pipe or a device, say) and cannot be read. "
            f"Save the {what_en} as a file first.",
        )
    )
