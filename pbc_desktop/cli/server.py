"""``pbc server init|upgrade|status``: a database on a PostgreSQL server, set up and kept.

Clients never change a server's schema (``db.migrate.check_server_schema``): the schema is
made by ``init`` and upgraded by ``upgrade``, both run by an administrator with the
database owner's account (docs/SERVER.md). The account's password comes from the URL,
``PGPASSWORD`` or the ``pgpass`` file, as for every PostgreSQL program.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import EXIT_OK, Subcommands, server_url
from pbc_desktop.cli.database import add_admin_arguments, admin_answers, make_admin
from pbc_desktop.cli.exchange import add_office_arguments, create_office_from
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:  # imported when a command opens it: ``pbc --help`` loads no database library
    from pbc_desktop.db.engine import Database


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "server",
        help=t(
            "在 PostgreSQL 服务器上建立、升级或查看数据库",
            "set up, upgrade or look at a database on a PostgreSQL server",
        ),
    )
    actions: Subcommands = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    p = actions.add_parser(
        "init",
        parents=[common_parent],
        help=t(
            "在服务器上一个空的数据库中建立数据表和第一个管理员",
            "create the schema in an empty server database and its first administrator",
        ),
    )
    add_admin_arguments(
        p,
        admin_help=t(
            "第一个管理员的用户名（默认为 $PBC_USER，没有时询问）",
            "the first administrator's user name (default: $PBC_USER, else asked)",
        ),
    )
    p.add_argument(
        "--password-file",
        metavar=t("文件", "FILE"),
        help=t(
            "管理员的密码：取文件的第一行（'-'：标准输入）；默认取自 $PBC_PASSWORD，没有时询问两次",
            "the administrator's password: the first line of FILE ('-': standard input); "
            "default $PBC_PASSWORD, else asked twice",
        ),
    )
    add_office_arguments(p, required=False)
    p.set_defaults(handler=cmd_init)

    p = actions.add_parser(
        "upgrade",
        parents=[common_parent],
        help=t(
            "把服务器上的数据表升级到本程序的版本（请先备份）",
            "upgrade the server's schema to this program's version (back it up first)",
        ),
    )
    p.set_defaults(handler=cmd_upgrade)

    p = actions.add_parser(
        "status",
        parents=[common_parent],
        help=t("数据表和服务器的版本", "the schema's and the server's versions"),
    )
    p.set_defaults(handler=cmd_status)


def _server_db(args: argparse.Namespace) -> Database:
    from pbc_desktop.db.engine import Database
    from pbc_desktop.db.server import split_password

    url = server_url(args)
    if url is None:
        raise UserError(
            t(
                "pbc server 的命令只用于服务器上的数据库：请用 --db "
                "postgresql+psycopg://账号@服务器/数据库 指明。",
                "The pbc server commands work on a server's database: name it with --db "
                "postgresql+psycopg://ACCOUNT@HOST/DATABASE.",
            )
        )
    url, password = split_password(url)
    return Database(url, password=password)


def cmd_init(args: argparse.Namespace) -> int:
    from pbc_desktop.db.engine import shown_url
    from pbc_desktop.db.migrate import head_revision, server_schema, upgrade_server
    from pbc_desktop.services.accounts.users import needs_first_admin

    office_asked = args.office is not None or args.level is not None
    if office_asked and not ((args.office or "").strip() and args.level):
        raise UserError(
            t(
                "设置本单位需要同时给出单位名称（--office）和层级（--level）。",
                "Setting up this office needs both its name (--office) and its level (--level).",
            )
        )
    db = _server_db(args)
    where = shown_url(db.url)
    try:
        revision, _tables = server_schema(db)
        if revision is not None and revision != head_revision():
            raise UserError(
                t(
                    f"服务器上的数据库 {where} 已经建立过（结构版本 {revision}）："
                    "升级请用 pbc server upgrade。",
                    f"The database {where} on the server is set up already (schema "
                    f"{revision}): upgrade it with pbc server upgrade.",
                )
            )
        if revision is not None and not needs_first_admin(db):
            raise UserError(
                t(
                    f"服务器上的数据库 {where} 已经建立过，也已有管理员。",
                    f"The database {where} on the server is set up already and has its "
                    "administrator.",
                )
            )
        # The questions first: a schema is not left behind without its administrator.
        answers = admin_answers(args, needed=True)
        assert answers is not None
        if revision is None:
            upgrade_server(db)
        make_admin(db, args, *answers)
        if office_asked:
            create_office_from(db, args)
        print(
            t(
                f"服务器上的数据库已建立：{where}（结构版本 {head_revision()}）",
                f"The server's database is set up: {where} (schema {head_revision()})",
            )
        )
        return EXIT_OK
    finally:
        db.dispose()


def cmd_upgrade(args: argparse.Namespace) -> int:
    from pbc_desktop.db.engine import shown_url
    from pbc_desktop.db.migrate import upgrade_server

    db = _server_db(args)
    where = shown_url(db.url)
    try:
        before, after = upgrade_server(db)
    finally:
        db.dispose()
    if before == after:
        print(
            t(
                f"服务器上的数据库 {where} 已是最新版本（{after}），没有改动。",
                f"The database {where} on the server is up to date ({after}); nothing changed.",
            )
        )
    else:
        print(
            t(
                f"服务器上的数据库 {where} 已从 {before or '空库'} 升级到 {after}。",
                f"The database {where} on the server was upgraded from {before or 'empty'} "
                f"to {after}.",
            )
        )
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from pbc_desktop.db.engine import shown_url
    from pbc_desktop.db.migrate import (
        head_revision,
        known_revisions,
        server_schema,
        server_version,
    )

    db = _server_db(args)
    try:
        revision, tables = server_schema(db)
        version = server_version(db)
    finally:
        db.dispose()
    head = head_revision()
    if revision == head:
        state = t("最新，可以使用", "up to date, ready for use")
    elif revision is None:
        state = (
            t("里面有不属于本程序的表", "holds tables that are not this program's")
            if tables
            else t("还没有建立（pbc server init）", "not set up yet (pbc server init)")
        )
    elif revision not in known_revisions():
        state = t("比本程序新（请升级本程序）", "newer than this program (upgrade the program)")
    else:
        state = t("需要升级（pbc server upgrade）", "needs an upgrade (pbc server upgrade)")
    print(t(f"数据库：{shown_url(db.url)}", f"Database: {shown_url(db.url)}"))
    print(t(f"服务器版本：{version}", f"Server version: {version}"))
    print(t(f"结构版本：{revision or '无'}", f"Schema revision: {revision or 'none'}"))
    print(t(f"本程序的结构版本：{head}", f"This program's schema revision: {head}"))
    print(t(f"状态：{state}", f"State: {state}"))
    return EXIT_OK
