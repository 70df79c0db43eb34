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
database is simply checked at every open.

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
from pathlib import Path

from pbc_desktop.files import part_path

log = logging.getLogger(__name__)

SUFFIX = "-checked"
_VERSION = 2  # 1: without the file's change time
_DAMAGED: dict[str, object] = {"version": _VERSION, "damaged": True}
_LONGEST = 4096  # a note is some 100 bytes: a longer one is garbled, and not read through
# The journals a crash or another program's open connection leave beside the file: while
# one holds anything, the file alone does not say what the database holds.
_JOURNALS = ("-wal", "-journal")


def stamp_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _stamp(db_path: Path) -> list[int] | None:
    """What identifies the file as it is now, or None when it cannot be told (a journal
    holding transactions beside it, or the file not there).

    Besides its size, time written, file number and volume, the time anything last
    changed the file (POSIX ``st_ctime``): a copy written over it in place that keeps the
    time of its source (``cp -p``, a backup tool) has the same size, time and number, and
    a later change time, which no program can set. (On Windows ``st_ctime`` is the time
    the file was made, the same for each file: there the other four tell.)
    """
    try:
        info = db_path.stat()
        for suffix in _JOURNALS:
            with contextlib.suppress(FileNotFoundError):
                if db_path.with_name(db_path.name + suffix).stat().st_size:
                    return None
    except OSError:
        return None
    changed = info.st_ctime_ns if os.name != "nt" else 0
    return [info.st_size, info.st_mtime_ns, changed, info.st_ino, info.st_dev]


def file_identity(db_path: Path) -> tuple[int, int] | None:
    """The file's number and volume (None: not there): what :func:`remember_closed` is
    given, to note at close only the file that was opened."""
    try:
        info = db_path.stat()
    except OSError:
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
    target = stamp_file(db_path)
    tmp = part_path(target)  # a kill's leftover is deleted as a killed copy's
    try:
        tmp.write_text(json.dumps(content), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:  # a read-only folder: the file is checked at every open
        log.debug("could not write the note beside the database: %s", exc.strerror)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def remember_checked(db_path: Path) -> None:
    """Remember ``db_path`` as it is now as sound: call it only right after the file passed
    ``PRAGMA quick_check``."""
    now = _stamp(db_path)
    if now is None:
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
