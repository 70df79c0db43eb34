"""A ``-wal`` file beside a database that does not belong to it is set aside, never applied.

A crash leaves committed transactions in the database's ``-wal`` file; the next open
must apply them. But when a clerk copies a good ``pbc.sqlite`` over one that left its
``-wal``/``-shm`` behind, SQLite would apply the old file's transactions to the copy: a
damaged file, or worse another office's records in place of the copy's own. SQLite
cannot tell the two apart (a WAL does not name its database), so before the first
connection we look, with the file only read:

- a database file in rollback-journal mode (a backup copy is one) never has a WAL of
  its own, nor one of another page size;
- a database that never shrinks (no VACUUM) cannot end, after its WAL's last
  transaction, with fewer pages than the file has;
- applied read-only, a foreign WAL fails ``PRAGMA quick_check``, or leaves none of the
  records the file holds (``id`` and ``uuid`` of every table that has them).

A foreign WAL is renamed ``<database>-wal.foreign-<time>`` (kept for whoever wants it)
and the stale ``-shm`` removed; the file stays exactly as it was. Only call this while
no other program has the database open (hold its lock exclusively).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import struct
from datetime import datetime
from pathlib import Path

from pbc_desktop.files import SQLITE_HEADER, file_uri

log = logging.getLogger(__name__)

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24
DB_HEADER = 100


def _db_header(path: Path) -> tuple[int, int] | None:
    """The page size and the write format (1 rollback journal, 2 WAL) of a database file."""
    with path.open("rb") as f:
        header = f.read(DB_HEADER)
    if len(header) < DB_HEADER or not header.startswith(SQLITE_HEADER):
        return None
    page_size = struct.unpack(">H", header[16:18])[0]
    return (65536 if page_size == 1 else page_size), header[18]


def _wal_commits(wal: Path) -> tuple[int, list[int]] | None:
    """The WAL's page size and the database size (pages) after each of its commits.

    Frames are read as SQLite reads them: those of the header's salts, up to the first
    that is not (checksums are left to SQLite: at worst a torn tail adds a size).
    """
    with wal.open("rb") as f:
        header = f.read(WAL_HEADER)
        if len(header) < WAL_HEADER:
            return None
        magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in WAL_MAGIC or page_size < 512 or page_size & (page_size - 1):
            return None
        sizes: list[int] = []
        while True:
            frame = f.read(FRAME_HEADER)
            if len(frame) < FRAME_HEADER:
                break
            _page, commit_size, s1, s2 = struct.unpack(">4I", frame[:16])
            if (s1, s2) != (salt1, salt2):
                break
            if commit_size:
                sizes.append(commit_size)
            if len(f.read(page_size)) < page_size:
                break
    return page_size, sizes


#: Tables left out of the comparison: rows that every database has at the same place
#: (its first administrator) would make any two databases look as if they shared records.
_NOT_COMPARED = frozenset({"app_user"})


def _records(conn: sqlite3.Connection) -> set[tuple[str, int, str]]:
    """(table, id, uuid) of every record of the tables that have both columns (but
    :data:`_NOT_COMPARED`)."""
    found: set[tuple[str, int, str]] = set()
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        if table in _NOT_COMPARED:
            continue
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if {"id", "uuid"} <= columns:
            rows = conn.execute(f'SELECT id, uuid FROM "{table}" ORDER BY id LIMIT 1000')
            found.update((table, int(i), str(u)) for i, u in rows)
    return found


def _view(path: Path, *, with_wal: bool) -> tuple[bool, set[tuple[str, int, str]]]:
    """Whether the file (with or without its WAL applied) passes ``quick_check``, and its
    records; read only: the database file is never written."""
    uri = file_uri(path.resolve()) + ("?mode=ro" if with_wal else "?mode=ro&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=2)
    except sqlite3.Error:
        return False, set()
    try:
        ok = conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        return ok, _records(conn) if ok else set()
    except sqlite3.Error:
        return False, set()
    finally:
        conn.close()


def foreign_reason(path: Path) -> str | None:
    """Why the ``-wal`` beside ``path`` is not the database's own; ``None`` if it may be."""
    wal = path.with_name(path.name + "-wal")
    try:
        if not wal.is_file() or wal.stat().st_size < WAL_HEADER:
            return None
        db = _db_header(path)
        commits = _wal_commits(wal)
    except OSError:
        return None
    if db is None or commits is None:
        return None  # not a database (reported as such), or a WAL SQLite ignores itself
    (db_page_size, write_format), (wal_page_size, sizes) = db, commits
    if not sizes:
        return None  # no committed transaction: SQLite applies nothing
    if write_format == 1:
        return "the database file is in rollback-journal mode"
    if wal_page_size != db_page_size:
        return f"page size {wal_page_size} in the WAL, {db_page_size} in the file"
    file_pages = path.stat().st_size // db_page_size
    if sizes[-1] < file_pages:
        return f"the WAL would shrink the file from {file_pages} pages to {sizes[-1]}"
    bare_ok, bare = _view(path, with_wal=False)
    if not bare_ok:
        return None  # the file is damaged by itself: reported as such, WAL kept in place
    applied_ok, applied = _view(path, with_wal=True)
    if not applied_ok:
        return "the file fails its check with the WAL applied"
    if bare and not bare & applied:
        return "with the WAL applied, none of the file's records remain"
    return None


def set_aside_foreign_wal(path: Path, now: datetime | None = None) -> Path | None:
    """Rename a foreign ``-wal`` beside ``path`` out of SQLite's way; returns its new name."""
    reason = foreign_reason(path)
    if reason is None:
        return None
    wal = path.with_name(path.name + "-wal")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}-wal.foreign-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}-wal.foreign-{stamp}-{n}")
    wal.replace(dest)
    with contextlib.suppress(FileNotFoundError):
        path.with_name(path.name + "-shm").unlink()
    log.warning("the WAL beside %s is not its own (%s); set aside as %s", path, reason, dest)
    return dest
