"""``pbc``: the same services without a window, for offices' IT staff, scripts and tests."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from pbc_desktop import (
    APP_NAME,
    __version__,
    cli_activities,
    cli_assessment,
    cli_backup,
    cli_import,
    cli_members,
    cli_reports,
    lang,
)
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


def _read_only(path: Path) -> Database:
    """A database that cannot be written, opened only to read it (and said so)."""
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
        t(
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
        return _read_only(path)
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


# -- commands ---------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    from pbc_desktop.services.info import is_empty

    path = _db_path_or_error(args)
    db = open_db(args, create=True)
    try:
        if not args.demo:
            print(t(f"数据库已就绪: {path}", f"Database ready: {path}"))
            return EXIT_OK
        if not is_empty(db):
            raise UserError(
                t(
                    f"数据库 {path} 已有数据,不能再生成演示数据。请指定一个新文件(--db)。",
                    f"The database {path} already holds records; the demo can only "
                    "be built into an empty one. Name a new file with --db.",
                )
            )
        from pbc_desktop.services.demo import build_demo

        def progress(percent: int, text: str) -> None:
            if not args.quiet:
                print(f"[{percent:3d}%] {text}", file=sys.stderr, flush=True)

        summary = build_demo(db, scale=args.scale, seed=args.seed, progress=progress)
        print(t(f"演示数据已生成: {path}", f"Demo district built: {path}"))
        print(summary)
        return EXIT_OK
    finally:
        db.dispose()


def cmd_info(args: argparse.Namespace) -> int:
    from pbc_desktop.db.migrate import current_revision
    from pbc_desktop.services.info import record_counts

    db = open_db(args, write=False)
    try:
        path, revision = _db_path(args), current_revision(db)
        print(t(f"数据库: {path}", f"Database: {path}"))
        print(t(f"结构版本: {revision}", f"Schema revision: {revision}"))
        for count in record_counts(db):
            print(f"{count.label}: {count.count}")
        return EXIT_OK
    finally:
        db.dispose()


def cmd_communities(args: argparse.Namespace) -> int:
    from pbc_desktop.domain.enums import CommunityStatus
    from pbc_desktop.services import communities as svc
    from pbc_desktop.services.paging import PageRequest

    status = enum_option(CommunityStatus, args.status, ("状态", "status"))
    db = open_db(args, write=False)
    try:
        query = svc.CommunityQuery(text=args.search or "", town=args.town, status=status)
        total = svc.count_communities(db, query)
        rows = svc.list_communities(db, query, PageRequest(offset=0, limit=max(total, 1)))
        lg = lang.language()
        print_table(
            [
                t("名称", "Name"),
                t("牵头党组织", "Lead"),
                t("类型", "Types"),
                t("状态", "Status"),
                t("成员数", "Members"),
            ],
            [
                (
                    r.name,
                    r.lead_org_name,
                    "、".join(x.label(lg) for x in r.types),
                    r.status.label(lg),
                    r.member_count,
                )
                for r in rows
            ],
        )
        print(t(f"共 {total} 个党建共同体", f"{total} communities"))
        return EXIT_OK
    finally:
        db.dispose()


class Parser(argparse.ArgumentParser):
    """Wrong arguments: the usage, then one sentence in the user's language (argparse's own
    detail stays English) and status 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(
            t(
                f"错误: 命令行参数不正确({message})。用法见“{self.prog} --help”。",
                f"Error: wrong arguments ({message}). See “{self.prog} --help”.",
            ),
            file=sys.stderr,
        )
        raise SystemExit(EXIT_USER_ERROR)


def _language_in(argv: Sequence[str]) -> str:
    """The ``--lang`` of a command line not yet parsed (for the messages about parsing it)."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return "zh"


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument(
        "--db", type=Path, help="database file (default: pbc.sqlite in the data folder)"
    )
    common.add_argument("--lang", choices=lang.SUPPORTED, default="zh", help="message language")
    common.add_argument("--actor", default="cli", help="name recorded in the audit log")

    parser = Parser(prog="pbc", description=f"{APP_NAME} (党建共同体工作台) command line")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub: Any = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create or upgrade a database")
    p.add_argument("--demo", action="store_true", help="fill it with the demo district")
    p.add_argument("--scale", choices=("demo", "district"), default="demo")
    p.add_argument("--seed", type=int, default=2021)
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("info", parents=[common], help="what a database holds")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("communities", parents=[common], help="list Party-building communities")
    p.add_argument("--search", help="text in the name, theme or lead organization")
    p.add_argument("--town", help="communities with a member organization in this town")
    p.add_argument("--status", help="e.g. 运行中 or running")
    p.set_defaults(handler=cmd_communities)

    cli_activities.register(sub, common)
    cli_assessment.register(sub, common)
    cli_import.register(sub, common)
    cli_members.register(sub, common)
    cli_backup.register(sub, common)
    report_kinds = cli_reports.register(sub, common)
    cli_assessment.add_report_commands(report_kinds, common)
    return parser


class _StdoutMayClose:
    """Standard output that a reader may stop reading (``pbc communities | head``): the
    rest of the output is dropped and the command still finishes its work (an import
    piped into ``head`` is written all the same) instead of failing as an internal error."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._closed_by_reader = False

    def _reader_gone(self) -> None:
        self._closed_by_reader = True
        devnull = os.open(os.devnull, os.O_WRONLY)  # the final flush at exit goes nowhere
        os.dup2(devnull, self._stream.fileno())
        os.close(devnull)

    def write(self, text: str) -> int:
        if not self._closed_by_reader:
            try:
                self._stream.write(text)
                if "\n" in text:
                    self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self._closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._reader_gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    if argv is None and not isinstance(sys.stdout, _StdoutMayClose):
        sys.stdout = _StdoutMayClose(sys.stdout)
    arguments = sys.argv[1:] if argv is None else argv
    language = _language_in(arguments)
    lang.set_language(language if language in lang.SUPPORTED else "zh")
    args = parser.parse_args(arguments)
    lang.set_language(args.lang)
    from pbc_desktop.logging_setup import report_bug, setup_cli_logging

    setup_cli_logging()
    from pbc_desktop.db import lock

    lock.set_program(f"pbc {args.command}")
    handler: Handler = args.handler
    try:
        return handler(args)
    except UserError as exc:
        print(t(f"错误: {exc.message}", f"Error: {exc.message}"), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: one scrubbed sentence here, the scrubbed trace logged
        print(report_bug(exc), file=sys.stderr)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
