"""Whether a SQLite file is still the one last found sound, so that it need not be read
through again when it is opened.

``PRAGMA quick_check`` reads every page of the file: half a second for a district's
170 MB database here, several seconds on an old PC's disk, at every start of the window
and every ``pbc`` command. A file that has not changed since it passed the check (or
since this program, having opened it checked, closed it cleanly) cannot have been
damaged by a crash or by a copy; it is checked again as soon as anything about it
differs.

What is remembered, in a small file beside the database (``<database>-checked``), is the
file's size, time written, file number and volume: a copy of the file, a restored backup,
a file written by any program, or one a crash left a journal or WAL beside, all differ
(they are checked). Damage to a file nobody wrote (a failing disk) is not looked for
at each start; the automatic backup's check of its copy finds it.

Where the file beside the database cannot be written (a read-only folder), the
database is simply checked at every open. So is a file whose volume cannot tell a copy
written over it from the file itself: on Windows a FAT32 or exFAT USB stick, which keeps
no change time (a copy put back keeping its time, as Explorer copies, looks the same),
and any volume that gives no file number (some network shares). A file written within
two seconds of the note on a volume that keeps whole seconds only (FAT's two) is
checked too: a second write in the same two seconds would not show.

Damage met by any program (a failed check at open, SQLite's "malformed" while in use, the
automatic backup's check of its copy) leaves a note that says so: a window that had the
file open since before does not note it as sound when it closes, and only a check that
passes replaces that note. A program notes at close only the file it opened, not one
put in its place meanwhile.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from pbc_desktop.files import part_path, replace_file

log = logging.getLogger(__name__)

SUFFIX = "-checked"
_VERSION = 2  # 1: without the file's change time
_DAMAGED: dict[str, object] = {"version": _VERSION, "damaged": True}
_LONGEST = 4096  # a note is some 100 bytes: a longer one is garbled, and not read through
# The journals a crash or another program's open connection leave beside the file: while
# one holds anything, the file alone does not say what the database holds.
_JOURNALS = ("-wal", "-journal")
# A volume that keeps times to the millisecond at best (FAT: two seconds; exFAT: 10 ms;
# some network shares: a second) does not show a second write within that time.
_COARSE_NS = 1_000_000
_RACY_NS = 2_500_000_000


if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _FileBasicInfo(ctypes.Structure):
        _fields_ = [
            ("CreationTime", ctypes.c_longlong),
            ("LastAccessTime", ctypes.c_longlong),
            ("LastWriteTime", ctypes.c_longlong),
            ("ChangeTime", ctypes.c_longlong),
            ("FileAttributes", wintypes.DWORD),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _GetFileInformationByHandleEx = _kernel32.GetFileInformationByHandleEx
    _GetFileInformationByHandleEx.argtypes = [
        wintypes.HANDLE,
        ctypes.c_int,
        ctypes.c_void_p,
        wintypes.DWORD,
    ]
    _GetFileInformationByHandleEx.restype = wintypes.BOOL
    _GetVolumeInformationByHandleW = _kernel32.GetVolumeInformationByHandleW
    _GetVolumeInformationByHandleW.argtypes = [
        wintypes.HANDLE,
        wintypes.LPWSTR,
        wintypes.DWORD,
        ctypes.POINTER(wintypes.DWORD),
        ctypes.POINTER(wintypes.DWORD),
        ctypes.POINTER(wintypes.DWORD),
        wintypes.LPWSTR,
        wintypes.DWORD,
    ]
    _GetVolumeInformationByHandleW.restype = wintypes.BOOL
    _FILE_BASIC_INFO = 0
    _KEEPS_CHANGE_TIME = frozenset({"NTFS", "REFS"})
    _EPOCH_TICKS = 116_444_736_000_000_000  # 1970-01-01 in 100 ns ticks since 1601

    def _change_time(path: Path, _info: os.stat_result) -> int | None:
        """The time anything last changed the file (NTFS's ChangeTime, which ``os.stat``
        does not give on Windows: its ``st_ctime`` is the time the file was made), in ns;
        None on a volume that keeps none (FAT32, exFAT) or when it cannot be read."""
        try:
            with path.open("rb") as f:
                handle = msvcrt.get_osfhandle(f.fileno())
                system = ctypes.create_unicode_buffer(64)
                if not _GetVolumeInformationByHandleW(
                    handle, None, 0, None, None, None, system, len(system)
                ):
                    return None
                if system.value.upper() not in _KEEPS_CHANGE_TIME:
                    return None
                info = _FileBasicInfo()
                if not _GetFileInformationByHandleEx(
                    handle, _FILE_BASIC_INFO, ctypes.byref(info), ctypes.sizeof(info)
                ):
                    return None
        except (OSError, ValueError, ctypes.ArgumentError):
            return None
        if info.ChangeTime <= 0:
            return None
        return (int(info.ChangeTime) - _EPOCH_TICKS) * 100

else:

    def _change_time(_path: Path, info: os.stat_result) -> int | None:
        """The time anything last changed the file (POSIX ``st_ctime``), in ns."""
        return info.st_ctime_ns


def stamp_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _stamp(db_path: Path) -> list[int] | None:
    """What identifies the file as it is now, or None when it cannot be told (a journal
    holding transactions beside it, or the file not there).

    Besides its size, time written, file number and volume, the time anything last
    changed the file (POSIX ``st_ctime``, NTFS's ChangeTime): a copy written over it in
    place that keeps the time of its source (``cp -p``, Explorer, a backup tool) has the
    same size, time and number, and a later change time, which no program can set.
    None too where one of these cannot be told (no change time, no file number).
    """
    try:
        info = db_path.stat()
        for suffix in _JOURNALS:
            with contextlib.suppress(FileNotFoundError):
                if db_path.with_name(db_path.name + suffix).stat().st_size:
                    return None
    except OSError:
        return None
    changed = _change_time(db_path, info)
    if changed is None or not info.st_ino:
        return None
    return [info.st_size, info.st_mtime_ns, changed, info.st_ino, info.st_dev]


def _too_recent(stamp: list[int]) -> bool:
    """Whether the file was written so shortly before now, on a volume keeping coarse
    times, that a second write in the same tick would leave the same stamp."""
    _size, written, changed = stamp[:3]
    if written % _COARSE_NS or changed % _COARSE_NS:
        return False  # times to the microsecond or finer: a later write shows
    return time.time_ns() - max(written, changed) < _RACY_NS


def file_identity(db_path: Path) -> tuple[int, int] | None:
    """The file's number and volume (None: not there): what :func:`remember_closed` is
    given, to note at close only the file that was opened."""
    try:
        info = db_path.stat()
    except OSError:
        return None
    if not info.st_ino:  # a volume that numbers no file (a network share): cannot tell
        return None
    return (info.st_ino, info.st_dev)


def _note(db_path: Path) -> object:
    """What the note beside ``db_path`` says; None when there is none, or none that can be
    read (not a plain file, too long, garbled: a check tells)."""
    note = stamp_file(db_path)
    try:
        if not note.is_file():  # a folder, a named pipe (reading it would wait for ever)
            return None
        with note.open("rb") as f:
            raw = f.read(_LONGEST + 1)
        if len(raw) > _LONGEST:
            return None
        return json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # unreadable, garbled, nested too deep
        return None


def unchanged_since_checked(db_path: Path) -> bool:
    """True when ``db_path`` is exactly the file remembered by :func:`remember_checked`."""
    now = _stamp(db_path)
    if now is None:
        return False
    return _note(db_path) == {"version": _VERSION, "file": now}


def _write(db_path: Path, content: dict[str, object]) -> None:
    """Write the note; where it cannot be (a read-only folder; on Windows a note another
    program is reading, or a scanner holds, past the retries), the old note is removed
    if it can be: a note saying "sound" must not outlive damage met since."""
    target = stamp_file(db_path)
    tmp = part_path(target)  # a kill's leftover is deleted as a killed copy's
    try:
        tmp.write_text(json.dumps(content), encoding="utf-8")
        replace_file(tmp, target)
    except OSError as exc:  # a read-only folder: the file is checked at every open
        log.debug("could not write the note beside the database: %s", exc.strerror)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        forget_checked(db_path)


def remember_checked(db_path: Path) -> None:
    """Remember ``db_path`` as it is now as sound: call it only right after the file passed
    ``PRAGMA quick_check``."""
    now = _stamp(db_path)
    if now is None or _too_recent(now):
        forget_checked(db_path)
        return
    _write(db_path, {"version": _VERSION, "file": now})


def remember_closed(db_path: Path, opened: tuple[int, int]) -> None:
    """Remember ``db_path`` as sound after this program closed it, having opened it checked
    (nothing but SQLite's own transactions has written it since) as the file ``opened``
    (:func:`file_identity`): not when another file was put in its place meanwhile, nor
    when any program has met damage in it since (:func:`note_damaged`)."""
    if file_identity(db_path) != opened or _note(db_path) == _DAMAGED:
        return
    remember_checked(db_path)


def note_damaged(db_path: Path) -> None:
    """Damage met in ``db_path``: it is checked at its next open, whoever closes it first."""
    _write(db_path, _DAMAGED)


def forget_checked(db_path: Path) -> None:
    with contextlib.suppress(OSError):
        stamp_file(db_path).unlink(missing_ok=True)
