"""``pbc``: the same services without a window, for offices' IT staff, scripts and tests."""

from __future__ import annotations

import argparse
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


def open_db(args: argparse.Namespace) -> Database:
    from pbc_desktop import paths
    from pbc_desktop.db.migrate import open_database

    return open_database(
        sqlite_url(_db_path(args)), actor=args.actor, backup_dir=paths.backups_dir()
    )


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

    path = _db_path(args)
    db = open_db(args)
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

    db = open_db(args)
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
    db = open_db(args)
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    arguments = sys.argv[1:] if argv is None else argv
    language = _language_in(arguments)
    lang.set_language(language if language in lang.SUPPORTED else "zh")
    args = parser.parse_args(arguments)
    lang.set_language(args.lang)
    from pbc_desktop.logging_setup import report_bug, setup_cli_logging

    setup_cli_logging()
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
