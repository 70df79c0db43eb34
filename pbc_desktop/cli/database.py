"""``pbc init`` and ``pbc info``: create (or upgrade) a database, and say what it holds."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from pbc_desktop.cli.common import (
    EXIT_OK,
    PASSWORD_ENV,
    USER_ENV,
    Subcommands,
    _db_path_or_error,
    ask_password,
    db_label,
    interactive,
    open_db,
    server_url,
    typed,
)
from pbc_desktop.cli.exchange import add_office_arguments, create_office_from
from pbc_desktop.db.lock import remove_lock_files
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t

if TYPE_CHECKING:  # imported when a command opens it: ``pbc --help`` loads no database library
    from pbc_desktop.db.engine import Database


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "init", parents=[common_parent], help=t("新建或升级数据库", "create or upgrade a database")
    )
    p.add_argument(
        "--demo", action="store_true", help=t("填入演示数据", "fill it with the demo district")
    )
    p.add_argument(
        "--scale",
        choices=("demo", "district"),
        default="demo",
        help=t(
            "演示数据的规模：demo 较小，district 一个区县", "the demo's size: demo, or a district"
        ),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=2021,
        metavar=t("种子", "SEED"),
        help=t("生成演示数据的随机种子", "the random seed the demo is made from"),
    )
    p.add_argument("--quiet", action="store_true", help=t("不显示进度", "no progress lines"))
    add_admin_arguments(
        p,
        admin_help=t(
            "第一个管理员的用户名（默认为 $PBC_USER）；密码会询问，或取自 $PBC_PASSWORD",
            "the first administrator's user name (default: $PBC_USER); the password "
            "is asked for or taken from $PBC_PASSWORD",
        ),
    )
    add_office_arguments(p, required=False)
    p.set_defaults(handler=cmd_init)

    p = subparsers.add_parser(
        "info", parents=[common_parent], help=t("查看数据库中有哪些数据", "what a database holds")
    )
    p.set_defaults(handler=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from pbc_desktop.db.migrate import remove_with_sidecars
    from pbc_desktop.services.accounts.users import needs_first_admin
    from pbc_desktop.services.info import is_empty

    office_asked = args.office is not None or args.level is not None
    if office_asked and not (args.demo or ((args.office or "").strip() and args.level)):
        raise UserError(
            t(
                "设置本单位需要同时给出单位名称（--office）和层级（--level）。",
                "Setting up this office needs both its name (--office) and its level (--level).",
            )
        )
    on_server = server_url(args) is not None
    path = None if on_server else _db_path_or_error(args)
    existed = path is None or path.exists()
    where = db_label(args)
    db = open_db(args, create=True, sign_in=False)
    try:
        # Nobody signs in to ``pbc init``: it acts as the program itself, which may do
        # anything. That is right for a database that no administrator can sign in to yet
        # (its first one is made here); on any other it only upgrades.
        had_admin = not needs_first_admin(db)
        if not args.demo:
            try:
                if had_admin and office_asked:
                    raise _signed_in_elsewhere(
                        "请以管理员账号登录后用 pbc office create 设置本单位",
                        "sign in as one and set the office up with pbc office create",
                    )
                _first_admin(db, args, needed=True, had_admin=had_admin)
                if office_asked:
                    create_office_from(db, args)
            except BaseException:
                if path is not None and not existed:  # no file without its administrator
                    db.dispose()
                    remove_with_sidecars(path)
                    remove_lock_files(path)  # as the window does: nothing left beside it
                raise
            print(t(f"数据库已就绪：{where}", f"Database ready: {where}"))
            return EXIT_OK
        if not is_empty(db):
            raise UserError(
                t(
                    f"数据库 {where} 已有数据，不能再生成演示数据。请指定一个新文件（--db）。",
                    f"The database {where} already holds records; the demo can only "
                    "be built into an empty one. Name a new file with --db.",
                )
            )
        from pbc_desktop.services.demo import build_demo

        def progress(percent: int, text: str) -> None:
            if not args.quiet:
                print(f"[{percent:3d}%] {text}", file=sys.stderr, flush=True)

        summary = build_demo(db, scale=args.scale, seed=args.seed, progress=progress)
        _first_admin(db, args, needed=False, had_admin=had_admin)  # the demo has its own
        print(t(f"演示数据已生成：{where}", f"Demo district built: {where}"))
        print(summary)
        return EXIT_OK
    finally:
        db.dispose()


def _signed_in_elsewhere(zh: str, en: str) -> UserError:
    return UserError(
        t(
            f"这个数据库已有管理员账号，pbc init 只升级它：{zh}。",
            f"This database has an administrator already, so pbc init only upgrades it: {en}.",
        )
    )


def _first_admin(db: Database, args: argparse.Namespace, *, needed: bool, had_admin: bool) -> None:
    """Create the administrator --admin names (or $PBC_USER); asked for at a terminal when
    the database has none (``needed``), refused in a script that names none.

    A database that ``had_admin`` before the command gets no new account from it (one
    --admin already names is left as it is): an account is added by an administrator
    who signs in (``pbc user add``), not by whoever can run the command."""
    if had_admin:
        if args.admin is not None and not _account_exists(db, args.admin):
            raise _signed_in_elsewhere(
                "新的管理员请以管理员账号登录后用 pbc user add 用户名 --role district 添加",
                "an administrator signs in and adds another with pbc user add NAME --role district",
            )
        return
    answers = admin_answers(
        args, needed=needed
    )  # not had_admin: none yet (make_admin checks again)
    if answers is not None:
        make_admin(db, args, *answers)


def _account_exists(db: Database, username: str) -> bool:
    from pbc_desktop.errors import NotFoundError
    from pbc_desktop.services.accounts import users

    try:
        users.user_id_by_name(db, username)
    except NotFoundError:
        return False
    return True


def add_admin_arguments(p: argparse.ArgumentParser, *, admin_help: str) -> None:
    """``--admin NAME``, ``--name`` and ``--unit``: the first administrator a command gives
    a new database (``pbc init``, ``pbc server init``), read by :func:`admin_answers` and
    :func:`make_admin`; ``admin_help`` says where the name and password come from."""
    p.add_argument("--admin", metavar=t("用户名", "NAME"), help=admin_help)
    p.add_argument(
        "--name",
        dest="admin_name",
        metavar=t("姓名", "ADMIN_NAME"),
        help=t("管理员的姓名", "the administrator's full name"),
    )
    p.add_argument(
        "--unit",
        dest="admin_unit",
        default="",
        metavar=t("单位职务", "ADMIN_UNIT"),
        help=t("管理员的单位/职务", "their 单位/职务"),
    )


def admin_answers(args: argparse.Namespace, *, needed: bool) -> tuple[str, str] | None:
    """The first administrator's user name and password: --admin (or $PBC_USER), else
    asked at a terminal when ``needed``; the password from --password-file (``-``:
    standard input), $PBC_PASSWORD or typed twice. None: no administrator to make."""
    name = args.admin or os.environ.get(USER_ENV)
    if name is None:
        if not needed:
            return None
        if not interactive():
            raise UserError(
                t(
                    f"新数据库需要第一个管理员：请用 --admin 用户名 指明（密码放在环境变量 "
                    f"{PASSWORD_ENV} 中），或在终端中运行并按提示输入。",
                    f"A new database needs its first administrator: name them with --admin "
                    f"NAME (the password in the environment variable {PASSWORD_ENV}), or "
                    "run this in a terminal and answer the questions.",
                )
            )
        name = typed(t("管理员用户名：", "Administrator's user name: "))
    password = ask_password(
        PASSWORD_ENV,
        t("管理员密码：", "Administrator's password: "),
        twice=True,
        file=getattr(args, "password_file", None),
    )
    return name, password


def make_admin(db: Database, args: argparse.Namespace, name: str, password: str) -> None:
    """The administrator ``name``: the first one of a database that has none, or another
    district account (e.g. beside the demo's own)."""
    from pbc_desktop.domain.enums import UserRole
    from pbc_desktop.services.accounts import users

    data = users.UserInput(name, args.admin_name or name, args.admin_unit, UserRole.DISTRICT)
    if users.needs_first_admin(db):
        users.create_first_admin(db, data, password)
    elif name.strip().lower() not in {u.username.lower() for u in users.list_users(db)}:
        users.create_user(db, data, password, must_change=False)  # e.g. the demo's
    print(t(f"管理员账号：{name}", f"Administrator: {name}"))


def cmd_info(args: argparse.Namespace) -> int:
    from pbc_desktop.db.migrate import current_revision
    from pbc_desktop.services.info import record_counts

    db = open_db(args, write=False)
    try:
        path, revision = db_label(args), current_revision(db)
        print(t(f"数据库：{path}", f"Database: {path}"))
        print(t(f"结构版本：{revision}", f"Schema revision: {revision}"))
        for count in record_counts(db):
            print(labelled(count.label, count.count))
        return EXIT_OK
    finally:
        db.dispose()
