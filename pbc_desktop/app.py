"""``pbc-desktop``: the window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pbc_desktop import APP_NAME, __version__, lang
from pbc_desktop.argparse_text import Parser, language_in
from pbc_desktop.errors import os_reason
from pbc_desktop.heap import settle_heap
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from pbc_desktop.db.engine import Database
    from pbc_desktop.single_instance import InstanceServer

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The window's options, their help and a wrong argument's sentence in the language
    ``--lang`` names (Chinese by default), as ``pbc`` says them."""
    lang.set_language(language_in(argv))
    args: argparse.Namespace = build_parser().parse_args(argv)
    return args


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``pbc-desktop``, its help in the current language."""
    parser = Parser(
        prog="pbc-desktop",
        description=t(
            f"{APP_NAME}（党建共同体工作台）",
            f"{APP_NAME} (党建共同体工作台), the Party-building communities' desk",
        ),
    )
    parser.add_argument(
        "--db",
        metavar=t("数据库", "DB"),
        help=t(
            "要打开的数据库文件（默认为数据文件夹中的 pbc.sqlite），或服务器上数据库的地址 "
            "postgresql+psycopg://账号@主机:端口/数据库",
            "database file (default: pbc.sqlite in the data folder), or a server's URL "
            "postgresql+psycopg://ACCOUNT@HOST:PORT/DATABASE",
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(
            "打开演示数据（数据文件夹中的 demo.sqlite，第一次打开时生成）",
            "open the demo district (demo.sqlite in the data folder), built on first start",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=lang.SUPPORTED,
        default="zh",
        help=t("界面语言（zh 中文，en 英文）", "interface language"),
    )
    parser.add_argument(
        "--user",
        default=os.environ.get("PBC_USER"),
        metavar=t("账号", "USER"),
        help=t(
            "以这个账号登录，密码取自 $PBC_PASSWORD（没有时在登录窗口中输入）",
            "sign in as this account, the password from $PBC_PASSWORD (else the sign-in "
            "dialog asks)",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=t("显示程序版本并退出", "show program's version number and exit"),
    )
    # For benchmarks and smoke tests: show the window, report the time, quit.
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    return parser


#: Who acts before anyone signs in (opening, upgrading, recovering): the program itself,
#: never the PC's login name. Records are made only by a signed-in account.
BEFORE_SIGN_IN = "system"


PASSWORD_ENV = "PBC_PASSWORD"


def take_password() -> str | None:
    """The password given in ``PBC_PASSWORD`` (scripts, smoke tests), taken out of the
    environment: no program the window starts (a PDF viewer, the file manager opening an
    attachment or a folder) inherits it."""
    return os.environ.pop(PASSWORD_ENV, None) or None


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtGui import QFontDatabase, QIcon
    from PySide6.QtWidgets import QApplication

    from pbc_desktop import i18n, paths
    from pbc_desktop.db.engine import is_server_url, sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.errors import DatabaseDamagedError, UserError
    from pbc_desktop.files import remove_leftovers
    from pbc_desktop.fonts import bundled_cjk_font
    from pbc_desktop.logging_setup import setup_logging
    from pbc_desktop.single_instance import InstanceServer, activate_running, server_name
    from pbc_desktop.ui.common import messages
    from pbc_desktop.ui.shell import crash

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("PBCDesktop")
    icon = paths.resources_dir() / "icons" / "app.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    translators = i18n.install(app, args.lang)  # noqa: F841  (kept alive with the app)
    try:
        setup_logging()
    except OSError as exc:  # nowhere to keep data: say so before anything else fails
        folder = exc.filename or os.environ.get(paths.DATA_DIR_ENV, "")
        reason = os_reason(exc)
        messages.warning(
            None,
            t("无法启动", "Cannot start"),
            t(
                f"数据文件夹“{folder}”无法写入（{reason}）。请检查磁盘是否已满、"
                "是否有写入权限，或请 IT 人员协助。",
                f"The data folder {folder} cannot be written ({reason}). Check that the disk "
                "is not full and that you may write there, or ask your IT staff for help.",
            ),
        )
        return 2
    crash.install()
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        QFontDatabase.addApplicationFont(str(bundled_cjk_font()))

    if args.db is not None and is_server_url(args.db):
        return _run_on_server(app, args, started)
    db_path = (
        Path(args.db)
        if args.db is not None
        else (paths.demo_db_path() if args.demo else paths.default_db_path())
    )
    db_path = db_path.expanduser().resolve()
    if args.db is not None and not db_path.exists():  # a mistyped --db is not a new office
        messages.warning(
            None,
            t("无法打开数据库", "Cannot open the database"),
            t(
                f"找不到数据库文件“{db_path}”。请检查文件名和位置；新建数据库请用 "
                "文件 → 新建数据库。",
                f"There is no database file “{db_path}”. Check the name and the place; a new "
                "database is made with File → New database.",
            ),
        )
        return 2
    name = server_name(str(db_path))
    if activate_running(name):
        log.info("another window has %s open; brought it to the front", db_path)
        return 0
    server = InstanceServer(name)
    remove_leftovers(paths.backups_dir(), db_path.parent)  # copies a killed run left
    created = not db_path.exists()  # first start: pbc.sqlite (or demo.sqlite) is made now

    try:
        db = open_database(  # a --db file is never made here, not even of an empty file
            sqlite_url(db_path),
            actor=BEFORE_SIGN_IN,
            backup_dir=paths.backups_dir(),
            create=args.db is None,
        )
    except DatabaseDamagedError as exc:
        # Damaged, or not a database at all: explain and offer the newest good backup.
        from pbc_desktop.ui.shell.recovery_dialog import recover

        recovered = recover(db_path, exc, BEFORE_SIGN_IN)
        if recovered is None:
            return 1
        db = recovered
    except UserError as exc:
        messages.show_user_error(None, exc)
        return 1

    for notice in db.notices:  # e.g. a -wal that was not the database's own, set aside
        messages.warning(None, t("注意", "Note"), notice)

    if args.demo:
        from pbc_desktop.ui.shell.demo_setup import ensure_demo

        if not ensure_demo(db):
            db.dispose()
            return 1

    from pbc_desktop.ui.accounts.session import close_unused, sign_in_to

    password = take_password()
    if sign_in_to(db, None, created=created, user=args.user, password=password) is None:
        close_unused(db, created=created)  # the person cancelled: nothing opened or kept
        return 0

    return _run_window(app, db, server, args, started)


def _run_on_server(app: QApplication, args: argparse.Namespace, started: float) -> int:
    """``--db postgresql+psycopg://…``: connect (the dialog asks for what is missing or
    wrong), sign in, and run the window on the server's database."""
    from pbc_desktop.db.server import ServerAddress, split_password
    from pbc_desktop.errors import UserError
    from pbc_desktop.single_instance import InstanceServer, activate_running, server_name
    from pbc_desktop.ui.accounts.session import sign_in_to
    from pbc_desktop.ui.common import messages
    from pbc_desktop.ui.shell.connect_dialog import connect_at_start

    try:
        name = server_name(ServerAddress.from_url(split_password(args.db)[0]).label())
    except UserError as exc:  # an address that cannot be read
        messages.show_user_error(None, exc)
        return 2
    if activate_running(name):
        log.info("another window has this server database open; brought it to the front")
        return 0
    server = InstanceServer(name)
    db = connect_at_start(args.db)
    if db is None:
        server.close()
        return 2
    if sign_in_to(db, None, user=args.user, password=take_password()) is None:
        db.dispose()
        server.close()
        return 0
    return _run_window(app, db, server, args, started)


def _run_window(
    app: QApplication,
    db: Database,
    server: InstanceServer,
    args: argparse.Namespace,
    started: float,
) -> int:
    from PySide6.QtCore import QTimer

    from pbc_desktop.ui.shell.main_window import MainWindow
    from pbc_desktop.ui.shell.preload import DictionaryPreload

    window = MainWindow(db)
    server.activated.connect(window.bring_to_front)
    window.show()
    QTimer.singleShot(0, settle_heap)
    DictionaryPreload(window)  # pinyin's dictionaries, once the window is idle
    if args.exit_after_show:

        def report() -> None:
            print(f"shown {time.perf_counter() - started:.3f}", flush=True)
            print(f"objects settled {gc.get_freeze_count()}", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    code = app.exec()
    server.close()
    window.current_db().dispose()  # the database open at the end (File → Open may switch)
    db.dispose()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
