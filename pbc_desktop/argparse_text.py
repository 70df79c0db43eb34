"""argparse's own sentences (a required option missing, a wrong choice, "usage:", "show this
help message and exit"…) in the language ``pbc`` and ``pbc-desktop`` speak, and their
:class:`Parser`.

argparse says each of them through ``gettext`` (``argparse._`` and ``argparse.ngettext``,
module globals it looks up at each call since Python 3.11 at least), and Python ships no Chinese
catalogue for them: a Chinese sentence of ``pbc`` then held argparse's English. While
:func:`speaking` is active those two globals are this module's lookups in :data:`CHINESE`
(and argparse's English stays as it is when the language is English); :class:`Parser` keeps
it active around its work. A message a later Python adds stays English until it is added
here (``tests/cli/test_cli_argparse_text.py`` lists what the running Python says).
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from pbc_desktop import lang
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.lang import t

#: The exit status of wrong arguments (argparse's own; ``cli.common.EXIT_USER_ERROR``).
EXIT_WRONG_ARGUMENTS = 2

#: What argparse calls a value of these types (``invalid int value: 'abc'``); any other
#: type (a function of ours) is "a valid value".
TYPE_NAMES = {"int": "整数", "float": "数字", "complex": "数字", "Path": "路径"}


def _listed(text: str) -> str:
    """argparse's ``'a', 'b'`` (choices, the options an abbreviation may mean) as ``a、b``."""
    items = text.split(", ")
    if all(len(item) > 1 and item[0] == item[-1] and item[0] in "'\"" for item in items):
        items = [item[1:-1] for item in items]
    return "、".join(items)


def _named(argument: str) -> str:
    """An option (``--db``) as "参数 --db"; a command or a file (``命令``, ``FILE``) alone."""
    return f"参数 {argument}" if argument.startswith("-") else argument


_SAID: dict[str, Callable[[str], str]] = {
    "type": lambda name: TYPE_NAMES.get(name, "值"),
    "choices": _listed,
    "matches": _listed,
    "argument_name": _named,
}


class _Chinese(str):
    """A Chinese template whose named values are said in Chinese too (``int`` as 整数,
    ``'zh', 'en'`` as ``zh、en``) when argparse fills it in (``template % values``)."""

    __slots__ = ()

    def __mod__(self, values: Any) -> str:
        if isinstance(values, dict):
            values = {
                key: _SAID[key](value) if key in _SAID and isinstance(value, str) else value
                for key, value in values.items()
            }
        return str.__mod__(str(self), values)


class _ChineseList(_Chinese):
    """A Chinese template filled in with a list argparse joined (``--activity, -o``)."""

    __slots__ = ()

    def __mod__(self, values: Any) -> str:
        return super().__mod__(values.replace(", ", "、") if isinstance(values, str) else values)


#: The templates :class:`_ChineseList` fills in.
_LISTS = frozenset({"the following arguments are required: %s"})


#: argparse's English (the exact text it passes to ``gettext``) → the Chinese said instead.
#: Values are written with ``%(value)s`` (argparse's ``%(value)r`` quotes them in English).
CHINESE: dict[str, str] = {
    # the help
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "subcommands": "子命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示程序版本并退出",
    "%(heading)s:": "%(heading)s：",
    " (default: %(default)s)": "（默认：%(default)s）",
    # the refusals
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数 %s",
    "one of the arguments %s is required": "必须给出参数 %s 中的一个",
    "unrecognized arguments: %s": "无法识别的参数 %s",
    "expected one argument": "缺少取值",
    "expected at most one argument": "最多只能跟一个值",
    "expected at least one argument": "至少要跟一个值",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
    "ignored explicit argument %r": "不接受取值“%s”",
    "unexpected option string: %s": "多余的选项 %s",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "不能取“%(value)s”（可选：%(choices)s）"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "不能取“%(value)s”（是否想写“%(closest)s”；可选：%(choices)s）"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r?": (
        "不能取“%(value)s”（是否想写“%(closest)s”）"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有命令“%(parser_name)s”（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s：警告：%(message)s\n",
    "option '%(option)s' is deprecated": "选项 %(option)s 已弃用",
    "argument '%(argument_name)s' is deprecated": "参数 %(argument_name)s 已弃用",
    "command '%(parser_name)s' is deprecated": "命令 %(parser_name)s 已弃用",
}

#: ``ngettext``'s singular and plural → the Chinese (one form for any number).
CHINESE_PLURAL: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "应跟 %s 个值",
}

#: What argparse says only to a programmer (a parser built wrongly), never to a user of
#: ``pbc``: left English.
FOR_PROGRAMMERS = frozenset(
    {
        ".__call__() not defined",
        "%r is not callable",
        "conflicting subparser: %s",
        "conflicting subparser alias: %s",
        'argument "-" with mode %r',
        "cannot merge actions - two groups are named %r",
        "'required' is an invalid argument for positionals",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "mutually exclusive arguments must be optional",
        "cannot have multiple subparser arguments",
    }
)


def gettext(message: str) -> str:
    """argparse's ``_``: ``message`` in the current language."""
    if lang.language() != "zh":
        return message
    said = CHINESE.get(message)
    if said is None:
        return message
    if message == "usage: ":
        return _Columns(said)
    return _ChineseList(said) if message in _LISTS else _Chinese(said)


def ngettext(singular: str, plural: str, n: int) -> str:
    """argparse's ``ngettext``: the form for ``n`` in the current language."""
    said = CHINESE_PLURAL.get((singular, plural)) if lang.language() == "zh" else None
    if said is not None:
        return _Chinese(said)
    return singular if n == 1 else plural


#: Chinese punctuation a line does not start with, and that it does not end with.
_NO_LINE_START = "，。、；：？！）》」』”’"
_NO_LINE_END = "（《「『“‘"
#: A run of characters a line is not broken in (a word, an option), a space, or one
#: character of another script (a line may be broken between two Chinese characters).
_UNITS = re.compile(r"[!-~]+|\s+|.")


def width(text: str) -> int:
    """The columns ``text`` takes in a console: a Chinese character (or a full-width
    punctuation) takes two."""
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _wide(text: str) -> bool:
    return width(text) != len(text)


def wrap(text: str, columns: int) -> list[str]:
    """``text``, its spaces collapsed, in lines of at most ``columns`` console columns
    (textwrap counts a Chinese character as one column: argparse's Chinese help ran past
    an 80-column console), broken at a space or between two Chinese characters; a line
    neither starts with a closing punctuation (，。）…) nor ends with an opening one (（“…):
    what would is carried to the next line."""
    lines: list[str] = []
    line: list[str] = []  # its units, each after its space if it had one
    space = False
    for unit in _UNITS.findall(text.strip()):
        if unit.isspace():
            space = True
            continue
        piece = f" {unit}" if space and line else unit
        space = False
        if line and width("".join(line) + piece) > columns:
            carried: list[str] = []
            first = unit[0]
            while len(line) > 1 and (first in _NO_LINE_START or line[-1][-1] in _NO_LINE_END):
                carried.insert(0, line.pop())
                first = carried[0].lstrip()[0]
            lines.append("".join(line))
            line = [*carried, piece]
            line[0] = line[0].lstrip()
        else:
            line.append(piece)
    return [*lines, "".join(line)] if line else lines


class WideHelpFormatter(argparse.HelpFormatter):
    """argparse's help, a Chinese help text wrapped to the console's columns (its English
    wrapped by argparse as ever; a raw formatter's text kept as written), a Chinese
    heading followed by a full-width colon (Python 3.11 and 3.12 write ``选项:``, no
    ``gettext`` asked)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._wide_headings: set[str] = set()

    def start_section(self, heading: str | None) -> None:
        if heading and _wide(heading):
            self._wide_headings.add(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._wide_headings:
            text = _full_width_colon(text, heading)
        return text

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not _wide(text) or isinstance(self, argparse.RawTextHelpFormatter):
            return super()._split_lines(text, width)
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not _wide(text) or isinstance(self, argparse.RawDescriptionHelpFormatter):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_action_invocation(self, action: argparse.Action) -> str:
        """``--db 数据库``, its ``len`` the columns it takes: argparse aligns the help
        after the longest one by it."""
        invocation = super()._format_action_invocation(action)
        return _Columns(invocation) if _wide(invocation) else invocation

    def _format_action(self, action: argparse.Action) -> str:
        """An option's line, its help aligned with the others' after a Chinese metavar
        (argparse pads the option by its characters, a Chinese one taking two columns)."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = width(invocation) - len(str(invocation))
        first, newline, rest = text.partition("\n")
        end = first.find(str(invocation)) + len(str(invocation))
        if extra and first[end:].startswith(" " * (extra + 2)):  # the help on the same line
            first = first[:end] + first[end + extra :]
        return first + newline + rest

    def _format_usage(self, *args: Any) -> str:
        """The usage wrapped to the console's columns, a Chinese metavar taking two a
        character (argparse counts one): wrapped narrower until it fits."""
        columns = self._width
        try:
            while True:
                usage: str = super()._format_usage(*args)
                over = max(width(line) for line in usage.splitlines()) - columns
                if over <= 0 or self._width - over < columns // 2:
                    return usage
                self._width -= over
        finally:
            self._width = columns


def _full_width_colon(text: str, heading: str) -> str:
    """``text`` with its lines ``heading:`` (indented or not) as ``heading：``."""
    said = f"{heading}："
    line = re.compile(rf"^( *){re.escape(heading)}:$", re.MULTILINE)
    return line.sub(lambda m: m.group(1) + said, text)


def wide_formatter(formatter: type[argparse.HelpFormatter]) -> type[argparse.HelpFormatter]:
    """``formatter`` (a parser's ``formatter_class``) with :class:`WideHelpFormatter`'s
    wrapping."""
    if issubclass(formatter, WideHelpFormatter):
        return formatter
    if formatter is argparse.HelpFormatter:
        return WideHelpFormatter
    return type(f"Wide{formatter.__name__}", (WideHelpFormatter, formatter), {})


class _Columns(str):
    """A Chinese text whose ``len`` is the columns a console shows it in: argparse indents
    the usage's wrapped lines by ``len("用法：")``, three where a console shows six."""

    __slots__ = ()

    def __len__(self) -> int:
        return width(self)


#: Guards the swap: how many :func:`speaking` blocks are active (in any thread), and
#: argparse's own lookups the first of them replaced.
_SWAP_LOCK = threading.Lock()
_active = [0]
_before: dict[str, Any] = {}
_NAMES = ("_", "ngettext")


@contextmanager
def speaking() -> Iterator[None]:
    """argparse says its sentences in the current language meanwhile.

    Nested, or in two threads at once, the lookups are swapped in by the first block to
    start and put back by the last to end (each block putting back what it found left
    this module's lookups in argparse for good when two threads' blocks ended in the
    order they began, and the later block spoke English after the first ended)."""
    with _SWAP_LOCK:
        if _active[0] == 0:
            _before.clear()
            _before.update({n: getattr(argparse, n) for n in _NAMES if hasattr(argparse, n)})
            vars(argparse).update(_=gettext, ngettext=ngettext)
        _active[0] += 1
    try:
        yield
    finally:
        with _SWAP_LOCK:
            _active[0] -= 1
            if _active[0] == 0:
                for name in _NAMES:
                    if name in _before:
                        setattr(argparse, name, _before[name])
                    else:
                        delattr(argparse, name)
                _before.clear()


def language_in(argv: Sequence[str]) -> str:
    """The ``--lang`` of a command line not yet parsed (for the messages about parsing it),
    Chinese when it names none the program speaks. ``--lang`` as argparse takes it: also
    abbreviated (``--lan en``, ``--la=en``), and the last one given when there are several
    (``--lang zh … --lang en``: argparse keeps the last)."""
    given = "zh"
    i = 0
    while i < len(argv):
        name, equals, value = argv[i].partition("=")
        i += 1
        if not _names_lang(name):
            continue
        if equals:
            given = value
        elif i < len(argv) and not argv[i].startswith("-"):  # an option is no value
            given = argv[i]
            i += 1
    return given if given in lang.SUPPORTED else "zh"


def _names_lang(option: str) -> bool:
    """Whether argparse may take ``option`` for ``--lang``: itself, or an abbreviation of
    it (``--la``, ``--lan``; one another option begins with too, ``--la`` of ``pbc
    development due`` beside ``--late``, is refused as ambiguous, in the language its value
    names)."""
    return len(option) > len("--") and "--lang".startswith(option)


#: The words naming a command group's subcommands in its usage (``pbc user ACTION``), in
#: Chinese: "缺少必需的参数 命令" holds no English.
SUBCOMMAND_WORDS = {"COMMAND": "命令", "ACTION": "操作", "REPORT": "报表"}


class Parser(argparse.ArgumentParser):
    """Wrong arguments: the usage, then one sentence in the user's language and status 2.

    What argparse itself says (the usage, the headings of the help, its refusals) is said
    in the user's language too (this module): each of these methods puts
    argparse's Chinese in place while it runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        formatter = kwargs.get("formatter_class", argparse.HelpFormatter)
        kwargs["formatter_class"] = wide_formatter(formatter)
        with speaking():  # "options", "show this help message and exit"
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with speaking():  # --version's own help (Python 3.13)
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        metavar = kwargs.get("metavar")
        if lang.language() == "zh" and metavar in SUBCOMMAND_WORDS:
            kwargs["metavar"] = SUBCOMMAND_WORDS[metavar]
        with speaking():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking():  # "unrecognized arguments" is said here
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with speaking():
            return super().format_usage()

    def format_help(self) -> str:
        with speaking():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        message = scrub_text(message)  # an ID number typed in place of a year, say
        print(
            t(
                f"错误：命令行参数不正确，{message}。用法见“{self.prog} --help”。",
                f"Error: wrong arguments ({message}). See “{self.prog} --help”.",
            ),
            file=sys.stderr,
        )
        raise SystemExit(EXIT_WRONG_ARGUMENTS)
