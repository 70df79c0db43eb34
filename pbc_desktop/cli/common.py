"""What every ``pbc`` command shares: exit codes, opening the database, tables and
enum options."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from pbc_desktop.domain.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateTextError,
    parse_date_text,
    typed_date_message,
)
from pbc_desktop.errors import UserError, os_reason
from pbc_desktop.lang import t

if TYPE_CHECKING:  # the database is imported when a command opens it: ``pbc --help`` and
    # the parsing of every command load no database library
    from pbc_desktop.db.engine import Database
    from pbc_desktop.domain.enums import LabeledEnum

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report a command ended by SIGINT

Handler = Callable[[argparse.Namespace], int]
#: What a command module's ``register`` adds its commands (or a command its actions) to.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
E = TypeVar("E", bound="LabeledEnum")


def server_url(args: argparse.Namespace) -> str | None:
    """The server's URL that ``--db`` gives, or None (a database file)."""
    from pbc_desktop.db.engine import is_server_url

    given: str | None = args.db
    return given if given is not None and is_server_url(given) else None


def db_label(args: argparse.Namespace) -> str:
    """The database as messages name it: the file's path, or the server's URL (no password)."""
    from pbc_desktop.db.engine import shown_url

    url = server_url(args)
    return shown_url(url) if url is not None else str(_db_path_or_error(args))


def _db_path(args: argparse.Namespace) -> Path:
    from pbc_desktop import paths

    if server_url(args) is not None:
        raise UserError(
            t(
                "这个命令只用于数据库文件，不用于服务器上的数据库"
                "（服务器上的数据库由服务器备份和管理）。",
                "This command works on a database file, not on a server's database (a "
                "server's database is backed up and looked after on the server).",
            )
        )
    path = Path(args.db) if args.db is not None else paths.default_db_path()
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
    from pbc_desktop.db.engine import Database
    from pbc_desktop.db.migrate import head_revision, read_only_revision

    db = Database.read_only(path)
    try:
        revision = read_only_revision(db)
    except Exception:
        db.dispose()
        raise
    if revision != head_revision():
        db.dispose()
        raise UserError(
            t(
                f"数据库文件“{path}”无法写入，而它需要升级后才能使用。请把它复制到可以写入的"
                "文件夹后再试。",
                f"The database file “{path}” cannot be written, and it needs an upgrade "
                "before it can be used. Copy it to a folder you can write to and try again.",
            )
        )
    print(
        note
        or t(
            f"注意：数据库文件“{path}”无法写入，只读取其中的数据。",
            f"Note: the database file “{path}” cannot be written; it is only read.",
        ),
        file=sys.stderr,
    )
    return db


PASSWORD_ENV = "PBC_PASSWORD"
NEW_PASSWORD_ENV = "PBC_NEW_PASSWORD"
USER_ENV = "PBC_USER"


def interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def typed(prompt: str, *, secret: bool = False) -> str:
    """What the person at the terminal answers (``secret``: not shown); Ctrl+D or Ctrl+C
    instead of an answer ends the command with one sentence."""
    import getpass

    try:
        return getpass.getpass(prompt) if secret else input(prompt).strip()
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # the prompt's line ends before the sentence
        raise UserError(t("没有输入，命令已取消。", "Nothing was typed; cancelled.")) from None


def confirmed(question: str) -> bool:
    """The answer of the person at the terminal to a yes-or-no ``question``, asked as
    "``question`` [y/N] ": yes only when answered y, yes or 是; Enter or anything else is
    no (the caller says what was not done); Ctrl+D or Ctrl+C cancels, as :func:`typed`."""
    return typed(f"{question} [y/N] ").lower() in {"y", "yes", "是"}


def ask_password(env: str, prompt: str, *, twice: bool = False, file: str | None = None) -> str:
    """A password from ``file`` (its first line; ``-``: standard input, for scripts that
    pipe it), else from the environment variable ``env``, else typed at the terminal (not
    shown; ``twice`` for a new one); refused when none is possible."""
    if file is not None:
        return _password_from(file)
    given = os.environ.get(env)
    if given:
        return given
    if not interactive():
        raise UserError(
            t(
                f"需要密码：请在终端中运行并按提示输入，或设置环境变量 {env}。",
                f"A password is needed: run this in a terminal and type it when asked, "
                f"or set the environment variable {env}.",
            )
        )
    password = typed(prompt, secret=True)
    if not password:  # Enter alone: not a wrong password, never counted towards a lock-out
        raise UserError(t("没有输入密码，命令已取消。", "No password was typed; cancelled."))
    if twice and typed(t("再输入一次：", "Again: "), secret=True) != password:
        raise UserError(t("两次输入的密码不一致。", "The two passwords differ."))
    return password


def _password_from(file: str) -> str:
    """The first line of ``file`` (``-``: standard input), without its line end."""
    try:
        if file == "-":
            line = sys.stdin.readline() if sys.stdin is not None else ""
        else:
            with Path(file).open(encoding="utf-8-sig") as f:
                line = f.readline()
    except OSError as exc:
        raise UserError(
            t(
                f"无法读取密码文件“{file}”（{os_reason(exc)}）。",
                f"Cannot read the password file “{file}” ({os_reason(exc)}).",
            )
        ) from exc
    password = line.rstrip("\r\n")
    if not password:
        raise UserError(
            t(
                f"密码文件“{file}”的第一行是空的。",
                f"The first line of the password file “{file}” is empty.",
            )
        )
    return password


def _username(args: argparse.Namespace) -> str:
    name: str | None = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if name:
        return name
    if interactive():
        return typed(t("用户名：", "User name: "))
    raise UserError(
        t(
            f"请用 --user 指明以哪个账号操作（或设置环境变量 {USER_ENV}），"
            f"密码在提示时输入或放在环境变量 {PASSWORD_ENV} 中。",
            f"Name the account to act as with --user (or the environment variable "
            f"{USER_ENV}); the password is typed when asked or taken from {PASSWORD_ENV}.",
        )
    )


def no_administrator() -> UserError:
    return UserError(
        t(
            "这个数据库还没有管理员账号。请先新建第一个管理员："
            "pbc user add 用户名 --role district --name 姓名 --unit 单位",
            "This database has no administrator yet. Create the first one with: "
            "pbc user add NAME --role district --name 'Full name' --unit 'Unit'",
        )
    )


def sign_in_for(db: Database, args: argparse.Namespace, *, record: bool = True) -> None:
    """Sign in as the command's user and make them the one who acts (``db.user``)."""
    from pbc_desktop.services.accounts.sign_in import sign_in
    from pbc_desktop.services.accounts.users import needs_first_admin

    if needs_first_admin(db):
        raise no_administrator()
    name = _username(args)
    password = ask_password(PASSWORD_ENV, t("密码：", "Password: "))
    # A command's sign-in is checked (and wrong tries counted) but not noted in the log:
    # a command that only reads leaves the database as it was.
    done = sign_in(db, name, password, record=record, note=False)
    if done.must_change_password:
        raise UserError(
            t(
                f"管理员重置了账号 {done.actor.username} 的密码，请先修改密码："
                f"pbc user passwd {done.actor.username}",
                f"An administrator reset the password of {done.actor.username}; change it "
                f"first: pbc user passwd {done.actor.username}",
            )
        )
    db.user = done.actor


def open_db(
    args: argparse.Namespace,
    *,
    write: bool = True,
    create: bool = False,
    sign_in: bool = True,
) -> Database:
    """The database a command works on: opened, checked, upgraded and locked (see
    ``db.lock``), acting as the signed-in ``--user`` (unless ``sign_in`` is False: the
    command signs in itself); a missing file is refused unless ``create`` (``pbc init``).
    A command that only reads (``write=False``) reads a file that cannot be written, or
    that is named by --db while the data folder is unusable, without changing it."""
    db = _open_db(args, write=write, create=create)
    if sign_in:
        try:
            sign_in_for(db, args, record=db.writable)
        except BaseException:
            db.dispose()
            raise
    return db


def _open_db(args: argparse.Namespace, *, write: bool, create: bool) -> Database:
    from pbc_desktop import paths
    from pbc_desktop.db.engine import sqlite_url
    from pbc_desktop.db.migrate import open_database
    from pbc_desktop.db.server import split_password
    from pbc_desktop.files import remove_leftovers

    url = server_url(args)
    if url is not None:  # no file: no folder to check, no lock, no copy before an upgrade
        url, password = split_password(url)  # kept out of every message that names the URL
        return open_database(url, create=create, password=password)
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
                f"注意：数据文件夹“{folder}”无法使用，只读取数据库“{path}”中的数据，不做任何修改。",
                f"Note: the data folder “{folder}” cannot be used; the database “{path}” is "
                "only read, nothing is changed.",
            ),
        )
    remove_leftovers(backup_dir, path.parent)
    if not write and path.is_file() and not _writable(path):
        return _read_only(path)
    db = open_database(sqlite_url(path), backup_dir=backup_dir, create=create)
    for notice in db.notices:
        print(t(f"注意：{notice}", f"Note: {notice}"), file=sys.stderr)
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


#: The years a date or year option may name: earlier or later is a typo, and counting
#: months or terms from ``9999-12-31`` runs past the last date Python knows.
FIRST_YEAR, LAST_YEAR = MIN_YEAR, MAX_YEAR  # as the window's date fields


def add_unmasked_option(
    p: argparse.ArgumentParser,
    english: str = "full ID numbers and phones (recorded in the audit log)",
) -> None:
    """``--unmasked``: a roster, export or letter printed with the personal data in full,
    which the command then records in the audit log."""
    p.add_argument(
        "--unmasked",
        action="store_true",
        help=t("显示完整的身份证号和电话（记入操作日志）", english),
    )


def date_option(text: str) -> date:
    """A date option (``--as-of 2025-12-31``), in any form a date field of the window takes
    (2025-3-1, 2025/3/1, 2025.3.1, 20250301, 2025年3月1日); argparse names the option in
    its refusal."""
    try:
        typed = parse_date_text(text)
    except DateTextError as exc:
        try:  # a date outside the years a date field takes (9999-12-31): said as such
            day = date.fromisoformat(text.strip())
        except ValueError:
            raise _date_refusal(typed_date_message(exc.shown, exc.problem)) from None
    else:
        if typed.month_only:
            raise _date_refusal(typed_date_message(text.strip(), None))
        day = typed.value
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            t(
                f"日期应在{FIRST_YEAR}年至{LAST_YEAR}年之间：{text}",
                f"expected a date from {FIRST_YEAR} to {LAST_YEAR}: {text}",
            )
        )
    return day


def _date_refusal(message: str) -> argparse.ArgumentTypeError:
    # argparse's sentence puts it in brackets and ends it: no full stop of its own
    return argparse.ArgumentTypeError(message.rstrip("。."))


def year_number(text: str) -> int:
    """A year option (``--year 2026``), refused outside :data:`FIRST_YEAR`–:data:`LAST_YEAR`."""
    try:
        year = int(text.strip())
    except ValueError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            t(
                f"年度应为{FIRST_YEAR}至{LAST_YEAR}之间的四位数字：{text}",
                f"expected a year from {FIRST_YEAR} to {LAST_YEAR}: {text}",
            )
        )
    return year


def output_file(path: Path, *suffixes: str, keys: bool = False) -> Path:
    """An output option's file (``-o 纪要.pdf``), absolute; refused, before any work, unless
    its name ends in one of ``suffixes`` (when given: a PDF saved as ``纪要.txt`` opens as
    garbage), it may be written (``files.check_output``: no folder, database or, unless
    ``keys``, key file) and its folder exists: a typo in a path is said, not made into new
    folders that no one then finds the file in (every command writing a file takes its
    path through here)."""
    from pbc_desktop.files import check_output

    target = path.expanduser().resolve()
    if suffixes and target.suffix.lower() not in suffixes:
        zh = " 或 ".join(suffixes)
        en = " or ".join(suffixes)
        raise UserError(
            t(
                f"输出文件“{path.name}”应以 {zh} 结尾。",
                f"The output file “{path.name}” must end in {en}.",
            )
        )
    check_output(target, keys=keys)
    if not target.parent.is_dir():
        raise UserError(
            t(
                f"文件夹“{target.parent}”不存在，请先建好它或改正路径。",
                f"The folder “{target.parent}” does not exist; create it first or correct "
                "the path.",
            )
        )
    return target


#: The largest id a database row may have (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def record_id(text: str) -> int:
    """A record's id (``--transfer 7``): a whole number from 1 (twenty digits once reached
    the database and failed there as an internal error)."""
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            t(f"应为记录编号（正整数）：{text}", f"expected a record id (a whole number): {text}")
        )
    return value


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
        raise UserError(
            t(
                f"未知的{zh}“{text}”：应为{'、'.join(m.zh for m in enum_cls)}之一。",
                f"Unknown {en} “{text}”: expected one of {', '.join(m.value for m in enum_cls)}.",
            )
        ) from None


def known_town(db: Database, text: str | None) -> str | None:
    """The town ``text`` names, refused when no organization lies in it (a typo)."""
    from pbc_desktop.services.scope import towns

    town = (text or "").strip()
    if not town:
        return None
    known = towns(db)
    if town not in known:
        raise UserError(
            t(
                f"没有位于“{town}”的党组织。已有的镇街：{'、'.join(known)}。",
                f"No Party organization lies in “{town}”. The towns are: {', '.join(known)}.",
            )
        )
    return town


@contextmanager
def opened_db(args: argparse.Namespace, *, write: bool = True) -> Iterator[Database]:
    """``with opened_db(args) as db:`` the command's database, let go when the block ends."""
    db = open_db(args, write=write)
    try:
        yield db
    finally:
        db.dispose()
