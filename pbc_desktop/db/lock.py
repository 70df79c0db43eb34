"""One lock per database file, shared by every program that writes it.

Every writer (a window for as long as it has the database open, a ``pbc`` command for its
run) holds the lock SHARED: a window and a command line import may still write side by
side (SQLite serializes their transactions). Whatever replaces or rebuilds the file (a
restore, a schema upgrade) takes it EXCLUSIVE: it waits a few seconds for the others to
finish, then refuses with a sentence naming them; and a writer that starts while a
restore holds it waits, then refuses, likewise.

The lock is an OS lock on ``<database>-lock`` beside the file (``flock`` on POSIX,
``LockFileEx`` on Windows): the OS drops it when its process ends, however it ends. Who
holds it is written in small files in ``<database>-holders/`` (program, process id, user,
since when), read only to name them in a refusal; a holder file whose process is gone
is deleted when seen, and every other one by a program that takes the lock exclusively
(each program that opens the database alone does, for a moment).

Within one process the lock is held once per file and counted, so a window that restores
its own database converts its shared hold to exclusive and back.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from pbc_desktop.errors import DatabaseLockedError
from pbc_desktop.files import process_alive
from pbc_desktop.lang import t

log = logging.getLogger(__name__)

WAIT_ENV = "PBC_LOCK_WAIT"  # seconds to wait for a lock (tests set it short)
DEFAULT_WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05
WINDOW = "pbc-desktop"  # the program name of a window

_program = WINDOW
_registry_guard = threading.Lock()
_registry: dict[str, _LockFile] = {}


def set_program(name: str) -> None:
    """How this process is named to others in a refusal, e.g. ``pbc import-members``."""
    global _program  # noqa: PLW0603
    _program = name


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT_SECONDS)))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-lock")


def holders_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-holders")


def remove_lock_files(db_path: Path) -> None:
    """Remove the lock file and the holders folder beside a database file that was itself
    removed; both stay while a holder is still recorded there."""
    with contextlib.suppress(OSError):
        holders_dir(db_path).rmdir()  # only when empty
        lock_path(db_path).unlink()


# -- the OS lock ------------------------------------------------------------------------
if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def _file_lock_function(name: str, dwords: int) -> Any:
        """``BOOL name(HANDLE, DWORD × dwords, LPOVERLAPPED)`` of kernel32: LockFileEx
        (flags, reserved, bytes low, bytes high), UnlockFileEx (reserved, bytes low, high)."""
        function = getattr(_kernel32, name)
        function.argtypes = [
            wintypes.HANDLE,
            *[wintypes.DWORD] * dwords,
            ctypes.POINTER(_Overlapped),
        ]
        function.restype = wintypes.BOOL
        return function

    _LockFileEx = _file_lock_function("LockFileEx", 4)
    _UnlockFileEx = _file_lock_function("UnlockFileEx", 3)
    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2
    _ERROR_LOCK_VIOLATION = 33
    _ERROR_IO_PENDING = 997

    def _os_lock(f: IO[bytes], exclusive: bool) -> bool:
        """Lock byte 0 of ``f`` without waiting; False if another handle holds it.

        Windows neither converts a lock nor lets a handle lock over its own lock: the
        handle's lock, if any, is let go first (as ``flock`` does when converting)."""
        handle = msvcrt.get_osfhandle(f.fileno())
        _UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_Overlapped()))  # fails if none: fine
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        if _LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_Overlapped())):
            return True
        error = ctypes.get_last_error()
        if error in (_ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING):
            return False
        raise ctypes.WinError(error)

    def _os_unlock(f: IO[bytes]) -> None:
        handle = msvcrt.get_osfhandle(f.fileno())
        _UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_Overlapped()))

else:
    import fcntl

    def _os_lock(f: IO[bytes], exclusive: bool) -> bool:
        """Lock ``f`` without waiting; False if another open file holds it."""
        try:
            fcntl.flock(f.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _os_unlock(f: IO[bytes]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


# -- who holds it -----------------------------------------------------------------------
@dataclass(frozen=True)
class Holder:
    program: str
    pid: int
    user: str
    since: datetime
    exclusive: bool

    def describe(self) -> str:
        program = t("党建共同体工作台窗口", "a PBC Desktop window")
        if self.program != WINDOW:
            program = self.program
        return t(
            f"{program}（进程号 {self.pid}，用户 {self.user}，自 {self.since:%m-%d %H:%M} 起）",
            f"{program} (process {self.pid}, user {self.user}, since {self.since:%m-%d %H:%M})",
        )


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def holders(db_path: Path, *, but: Path | None = None) -> list[Holder]:
    """The processes that hold the lock of ``db_path`` (stale holder files are deleted)."""
    found: list[Holder] = []
    folder = holders_dir(db_path)
    with contextlib.suppress(OSError):
        for entry in sorted(folder.glob("*.json")):
            if entry == but:
                continue
            try:
                data = json.loads(entry.read_text(encoding="utf-8"))
                holder = Holder(
                    program=str(data["program"]),
                    pid=int(data["pid"]),
                    user=str(data["user"]),
                    since=datetime.fromisoformat(str(data["since"])),
                    exclusive=bool(data["exclusive"]),
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if not process_alive(holder.pid):
                with contextlib.suppress(OSError):
                    entry.unlink()
                continue
            found.append(holder)
    return found


def _busy(db_path: Path, exclusive: bool, own: Path | None) -> DatabaseLockedError:
    names = "; ".join(h.describe() for h in holders(db_path, but=own))
    if not names:
        names = t("另一个程序", "another program")
    if exclusive:
        return DatabaseLockedError(
            t(
                f"数据库“{db_path}”正被使用：{names}。请等它结束或关闭它后再试。",
                f"The database “{db_path}” is in use by {names}. Wait for it to finish, or "
                "close it, and try again.",
            )
        )
    return DatabaseLockedError(
        t(
            f"数据库“{db_path}”正在被恢复或升级：{names}。请等它完成后再试。",
            f"The database “{db_path}” is being restored or upgraded by {names}. Wait for it "
            "to finish and try again.",
        )
    )


# -- the lock of one file in this process -----------------------------------------------
class _LockFile:
    """The open lock file of one database in this process: shared holds are counted."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        folder = holders_dir(db_path)
        self.file: IO[bytes] = _open_private(lock_path(db_path))
        self.shared = 0
        self.exclusive = 0
        self.holder_file = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self.since = datetime.now()

    def _poll(self, exclusive: bool, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while True:
            if _os_lock(self.file, exclusive):
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL_SECONDS)

    def write_holder(self) -> None:
        data = {
            "program": _program,
            "pid": os.getpid(),
            "user": _current_user(),
            "since": self.since.isoformat(timespec="seconds"),
            "exclusive": self.exclusive > 0,
        }
        try:
            self.holder_file.parent.mkdir(mode=0o700, exist_ok=True)
            tmp = self.holder_file.with_suffix(".tmp")
            with _open_private(tmp) as f:
                f.truncate()
                f.write(json.dumps(data).encode("utf-8"))
            tmp.replace(self.holder_file)
        except OSError as exc:
            log.warning("could not record the holder of %s: %s", self.db_path, exc)

    def acquire(self, exclusive: bool, wait: float) -> None:
        if exclusive and self.exclusive:
            self.exclusive += 1
            return
        if not exclusive and (self.shared or self.exclusive):
            self.shared += 1
            return
        if not self._poll(exclusive, wait):
            if self.shared:  # a failed conversion may have dropped the shared hold
                self._poll(False, max(wait, 1.0))
            raise _busy(self.db_path, exclusive, self.holder_file)
        if exclusive:
            self.exclusive += 1
            self._forget_others()
        else:
            self.shared += 1
        self.write_holder()

    def _forget_others(self) -> None:
        """Delete every other note of a holder: with the lock held exclusively, nobody else
        holds it, so each was left by a program that ended without deleting it (killed, a
        power cut), and its process id may since belong to another program, which a
        refusal would name as holding the database."""
        with contextlib.suppress(OSError):
            for entry in holders_dir(self.db_path).iterdir():
                if entry != self.holder_file:
                    with contextlib.suppress(OSError):
                        entry.unlink()

    def release(self, exclusive: bool) -> None:
        if exclusive:
            self.exclusive -= 1
            if self.exclusive == 0 and self.shared:
                self._poll(False, 60.0)  # back to shared: nobody else can hold it now
                self.write_holder()
                return
        else:
            self.shared -= 1
        if self.shared == 0 and self.exclusive == 0:
            # The drive may be gone (a USB stick pulled out): the OS dropped the lock with
            # it, and closing the window must not fail over that.
            with contextlib.suppress(OSError):
                _os_unlock(self.file)
            with contextlib.suppress(OSError):
                self.holder_file.unlink()
            with contextlib.suppress(OSError):
                self.file.close()

    @property
    def idle(self) -> bool:
        return self.shared == 0 and self.exclusive == 0


def _open_private(path: Path) -> IO[bytes]:
    """Open (creating, readable by its owner only) a small file for reading and writing."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(fd, "r+b")


class DatabaseLock:
    """One hold of the lock of a database file; :meth:`release` ends it (once)."""

    def __init__(self, db_path: Path, exclusive: bool) -> None:
        self.db_path = db_path
        self.exclusive = exclusive
        self._released = False

    def release(self) -> None:
        with _registry_guard:
            if self._released:
                return
            self._released = True
            key = _key(self.db_path)
            entry = _registry.get(key)
            if entry is None:
                return
            entry.release(self.exclusive)
            if entry.idle:
                del _registry[key]

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _key(db_path: Path) -> str:
    return os.path.normcase(str(db_path.resolve()))


def acquire(db_path: Path, *, exclusive: bool = False, wait: float | None = None) -> DatabaseLock:
    """Hold the lock of ``db_path``: shared to write, exclusive to replace or upgrade it.

    Waits up to ``wait`` seconds (default :func:`wait_seconds`), then raises
    :class:`DatabaseLockedError` naming the holders. ``OSError`` when the lock file cannot
    be created beside the database.
    """
    db_path = db_path.resolve()
    wait = wait_seconds() if wait is None else wait
    with _registry_guard:
        key = _key(db_path)
        entry = _registry.get(key)
        created = entry is None
        if entry is None:
            entry = _LockFile(db_path)
        try:
            entry.acquire(exclusive, wait)
        except BaseException:
            if created:
                entry.file.close()
            raise
        _registry[key] = entry
    return DatabaseLock(db_path, exclusive)
