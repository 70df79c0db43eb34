"""``pbc init`` and ``pbc info``: create (or upgrade) a database, and say what it holds."""

from __future__ import annotations

import argparse
import sys

from pbc_desktop.cli.common import EXIT_OK, _db_path, _db_path_or_error, open_db
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    common_parent: argparse.ArgumentParser,
) -> None:
    p = subparsers.add_parser("init", parents=[common_parent], help="create or upgrade a database")
    p.add_argument("--demo", action="store_true", help="fill it with the demo district")
    p.add_argument("--scale", choices=("demo", "district"), default="demo")
    p.add_argument("--seed", type=int, default=2021)
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=cmd_init)

    p = subparsers.add_parser("info", parents=[common_parent], help="what a database holds")
    p.set_defaults(handler=cmd_info)


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
