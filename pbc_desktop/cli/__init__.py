"""``pbc``: the same services without a window, for offices' IT staff, scripts and tests.

The parser and ``main`` live here; each command group has its module (``database``,
``communities``, ``activities``, ``assessment``, ``import_members``,
``import_organizations``, ``members``, ``development``, ``fees``, ``backup``, ``reports``,
``users``, ``audit``, ``exchange``, ``server``, ``branch_life``) and shares ``common``.
Nothing here imports the widget layer.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from typing import Any

from pbc_desktop import APP_NAME, __version__, lang
from pbc_desktop.argparse_text import Parser, language_in
from pbc_desktop.lang import t


def _interrupted_sentence() -> str:
    return t(
        "已按 Ctrl+C 中断：没有做完的操作没有保存任何内容。",
        "Interrupted (Ctrl+C): nothing of what was not finished was saved.",
    )


try:  # most of a second: Ctrl+C meanwhile is said as later, not as a traceback
    from pbc_desktop.cli import (
        activities,
        assessment,
        audit,
        backup,
        branch_life,
        communities,
        database,
        development,
        exchange,
        fees,
        import_members,
        import_organizations,
        members,
        reports,
        server,
        users,
    )
    from pbc_desktop.cli.common import EXIT_INTERRUPTED, EXIT_USER_ERROR, Handler
    from pbc_desktop.domain.privacy import scrub_text
    from pbc_desktop.errors import UserError, ValidationError
except KeyboardInterrupt:
    lang.set_language(language_in(sys.argv[1:]))  # --lang, not yet parsed
    print(_interrupted_sentence(), file=sys.stderr)
    raise SystemExit(130) from None  # common.EXIT_INTERRUPTED, maybe not imported


#: The options every command takes (``common`` in :func:`build_parser`).
COMMON_OPTIONS = ("--db", "--lang", "--user")


def _common_options_last(argv: Sequence[str]) -> list[str]:
    """``pbc --lang en info`` as ``pbc info --lang en``: the options every command takes,
    written before the command, moved after it (the parser read ``en`` as the command and
    answered that there is no command ``en``); abbreviated too (``pbc --lan en info``), as
    argparse takes them after the command."""
    rest = list(argv)
    moved: list[str] = []
    while rest:
        name, equals, _value = rest[0].partition("=")
        if not _names_common_option(name):
            break
        if equals:
            moved.append(rest.pop(0))
        elif len(rest) > 1:
            moved += rest[:2]
            del rest[:2]
        else:
            break
    return rest + moved if rest else []  # no command: that is what to say


def _names_common_option(name: str) -> bool:
    """Whether ``name`` is one of :data:`COMMON_OPTIONS` or an abbreviation of just one
    (whether the command's own options make it ambiguous, argparse says after the move)."""
    return len(name) > len("--") and sum(o.startswith(name) for o in COMMON_OPTIONS) == 1


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``pbc``, its help in the current language (:func:`lang.set_language`
    first)."""
    common = Parser(add_help=False)
    common.add_argument(
        "--db",
        metavar=t("数据库", "DB"),
        help=t(
            "数据库文件（默认为数据文件夹中的 pbc.sqlite），或服务器上数据库的地址 "
            "postgresql+psycopg://用户@主机:端口/数据库",
            "database file (default: pbc.sqlite in the data folder), or a server's URL "
            "postgresql+psycopg://USER@HOST:PORT/DATABASE",
        ),
    )
    common.add_argument(
        "--lang",
        choices=lang.SUPPORTED,
        default="zh",
        help=t("提示语言（zh 中文，en 英文）", "message language (zh Chinese, en English)"),
    )
    common.add_argument(
        "--user",
        metavar=t("账号", "USER"),
        help=t(
            "以哪个账号操作（默认为 $PBC_USER）；密码会询问，或取自 $PBC_PASSWORD",
            "the account to act as (default: $PBC_USER); its password is asked for, or "
            "taken from $PBC_PASSWORD",
        ),
    )

    parser = Parser(
        prog="pbc",
        description=t(
            f"{APP_NAME}（党建共同体工作台）命令行", f"{APP_NAME} (党建共同体工作台) command line"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=t("显示程序版本并退出", "show program's version number and exit"),
    )
    sub: Any = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    database.register(sub, common)
    communities.register(sub, common)
    activities.register(sub, common)
    assessment.register(sub, common)
    import_members.register(sub, common)
    import_organizations.register(sub, common)
    members.register(sub, common)
    development.register(sub, common)
    fees.register(sub, common)
    backup.register(sub, common)
    users.register(sub, common)
    audit.register(sub, common)
    exchange.register(sub, common)
    server.register(sub, common)
    branch_life.register(sub, common)
    report_kinds = reports.register(sub, common)
    assessment.add_report_commands(report_kinds, common)
    return parser


def _reader_stopped(exc: OSError) -> bool:
    """Whether writing to standard output failed because its reader stopped reading: a
    broken pipe; on Windows, where the C runtime says "invalid argument" for a pipe being
    closed (``pbc communities | more`` quit early), an OSError EINVAL."""
    return isinstance(exc, BrokenPipeError) or (os.name == "nt" and exc.errno == errno.EINVAL)


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
            except OSError as exc:
                if not _reader_stopped(exc):
                    raise
                self._reader_gone()
        return len(text)

    def flush(self) -> None:
        if not self._closed_by_reader:
            try:
                self._stream.flush()
            except OSError as exc:
                if not _reader_stopped(exc):
                    raise
                self._reader_gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _names_printable() -> None:
    """A file name that is not UTF-8 (bytes a Linux or macOS name may hold) is printed
    escaped: a strict stream refused it, after the work was done, as an internal error."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _one_line(exc: UserError) -> str:
    """The refusal on one line: a form's several fields (a line each in the window) joined
    as one sentence, for a script reading the error line."""
    if not isinstance(exc, ValidationError) or len(exc.errors) < 2:
        return exc.message
    parts = [e.message.strip().rstrip("。.") for e in exc.errors]
    return t("；".join(parts) + "。", "; ".join(parts) + ".")


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:  # Ctrl+C: each write is one transaction, rolled back
        print(_interrupted_sentence(), file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(argv: list[str] | None) -> int:
    given = sys.argv[1:] if argv is None else argv
    arguments = _common_options_last(given)
    # the help and argparse's refusals say it too; read in the order argparse reads them
    lang.set_language(language_in(arguments or given))
    parser = build_parser()
    _names_printable()
    if argv is None and not isinstance(sys.stdout, _StdoutMayClose):
        sys.stdout = _StdoutMayClose(sys.stdout)
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
        # Scripts keep what a command prints in their log files: an ID number or phone
        # typed in place of a name (--organization 4405…) is not repeated whole.
        message = scrub_text(_one_line(exc))
        print(t(f"错误：{message}", f"Error: {message}"), file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: one scrubbed sentence here, the scrubbed trace logged
        print(report_bug(exc), file=sys.stderr)
        return EXIT_USER_ERROR
