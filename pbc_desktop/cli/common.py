"""What every ``pbc`` command shares: exit codes, opening the database, tables and
enum options."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.domain.enums import LabeledEnum

EXIT_OK = 0
EXIT_USER_ERROR = 2

Handler = Callable[[argparse.Namespace], int]
E = TypeVar("E", bound="LabeledEnum")


def _db_path(args: argparse.Namespace) -> Path:
    from pbc_desktop import paths

    path: Path = args.db if args.db is not None else paths.default_db_path()
    return path.expanduser().resolve()


def _db_path_or_error(args: argparse.Namespace) -> Path:
    from pbc_desktop import paths

    try:
        return _db_path(args)
    except OSError as exc:  # no --db, and no data folder to find the default one in
        raise paths.data_folder_error(exc) from exc


def _writable(path: Path) -> bool:
    return (
        os.access(path, os.W_OK)
        and bool(path.stat().st_mode & 0o222)
        and os.access(path.parent, os.W_OK)
    )


def _read_only(path: Path, note: str | None = None) -> Database:
    """A database opened only to read it, and said so: by default because the file cannot
    be written; ``note`` says why otherwise (e.g. the data folder cannot be used)."""
    from pbc_desktop.db.migrate import current_revision, head_revision

    db = Database.read_only(path)
    try:
        revision = current_revision(db)
    except Exception:
        db.dispose()
        raise
    if revision != head_revision():
        db.dispose()
        raise UserError(
            t(
                f"数据库文件“{path}”无法写入,而它需要升级后才能使用。请把它复制到可以写入的"
                "文件夹后再试。",
                f"The database file “{path}” cannot be written, and it needs an upgrade "
                "before it can be used. Copy it to a folder you can write to and try again.",
            )
        )
    print(
        note
        or t(
            f"注意: 数据库文件“{path}”无法写入,只读取其中的数据。",
            f"Note: the database file “{path}” cannot be written; it is only read.",
        ),
        file=sys.stderr,
    )
    return db


def open_db(args: argparse.Namespace, *, write: bool = True, create: bool = False) -> Database:
    """The database a command works on: opened, checked, upgraded and locked (see
    ``db.lock``); a missing file is refused unless ``create`` (``pbc init``). A command
    that only reads (``write=False``) reads a file that cannot be written, or that is
    named by --db while the data folder is unusable, without changing it."""
    from pbc_desktop import paths
    from pbc_desktop.db.migrate import open_database, remove_leftovers

    path = _db_path_or_error(args)
    try:
        backup_dir = paths.backups_dir()
    except OSError as exc:
        if write or not path.is_file():
            raise paths.data_folder_error(exc) from exc
        folder = exc.filename or ""
        return _read_only(
            path,
            t(
                f"注意: 数据文件夹“{folder}”无法使用,只读取数据库“{path}”中的数据,不做任何修改。",
                f"Note: the data folder “{folder}” cannot be used; the database “{path}” is "
                "only read, nothing is changed.",
            ),
        )
    remove_leftovers(backup_dir, path.parent)
    if not write and path.is_file() and not _writable(path):
        return _read_only(path)
    db = open_database(sqlite_url(path), actor=args.actor, backup_dir=backup_dir, create=create)
    for notice in db.notices:
        print(t(f"注意: {notice}", f"Note: {notice}"), file=sys.stderr)
    return db


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A plain aligned table; CJK characters count as two columns."""

    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    cells = [[str(c) if c is not None else "" for c in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in cells:
        widths = [max(w, width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True))

    print(line(list(headers)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print(line(row).rstrip())


def enum_option(enum_cls: type[E], text: str | None, words: tuple[str, str]) -> E | None:
    """The member an option names by code or label; ``None`` when the option is not given.

    ``words`` name the option in messages, e.g. ("状态", "status").
    """
    if not text:
        return None
    try:
        return enum_cls.from_label(text)
    except ValueError:
        zh, en = words
        raise UserError(t(f"未知的{zh}“{text}”", f"Unknown {en} “{text}”")) from None


@contextmanager
def opened_db(args: argparse.Namespace, *, write: bool = True) -> Iterator[Database]:
    """``with opened_db(args) as db:`` the command's database, let go when the block ends."""
    db = open_db(args, write=write)
    try:
        yield db
    finally:
        db.dispose()
