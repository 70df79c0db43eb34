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
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIX = "-checked"
_VERSION = 1
# The journals a crash or another program's open connection leave beside the file: while
# one holds anything, the file alone does not say what the database holds.
_JOURNALS = ("-wal", "-journal")


def stamp_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _stamp(db_path: Path) -> list[int] | None:
    """What identifies the file as it is now, or None when it cannot be told (a journal
    holding transactions beside it, or the file not there)."""
    try:
        info = db_path.stat()
        for suffix in _JOURNALS:
            with contextlib.suppress(FileNotFoundError):
                if db_path.with_name(db_path.name + suffix).stat().st_size:
                    return None
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev]


def unchanged_since_checked(db_path: Path) -> bool:
    """True when ``db_path`` is exactly the file remembered by :func:`remember_checked`."""
    now = _stamp(db_path)
    if now is None:
        return False
    try:
        recorded = json.loads(stamp_file(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, unreadable or garbled: check the file
        return False
    return isinstance(recorded, dict) and recorded == {"version": _VERSION, "file": now}


def remember_checked(db_path: Path) -> None:
    """Remember ``db_path`` as it is now as sound: call it only right after the file passed
    ``PRAGMA quick_check``, or after this program closed the database it had opened checked
    (nothing but SQLite's own transactions has written it since)."""
    now = _stamp(db_path)
    if now is None:
        forget_checked(db_path)
        return
    target = stamp_file(db_path)
    tmp = target.with_name(f"{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        tmp.write_text(json.dumps({"version": _VERSION, "file": now}), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:  # a read-only folder: the file is checked at every open
        log.debug("could not remember the checked database: %s", exc.strerror)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def forget_checked(db_path: Path) -> None:
    with contextlib.suppress(OSError):
        stamp_file(db_path).unlink(missing_ok=True)
