"""What argparse itself says (a required option missing, a wrong choice, a value not a
number, "usage:", "show this help message and exit"…) is said in the language of ``pbc``:
the Chinese refusal held argparse's English ("命令行参数不正确（the following arguments are
required: --db）"), and ``pbc --help`` was half English."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import re
import threading

import pytest

from pbc_desktop import argparse_text, lang
from pbc_desktop.argparse_text import Parser
from pbc_desktop.cli import build_parser, main

#: Words of argparse's English refusals and help.
ENGLISH = (
    "argument",
    "invalid",
    "expected",
    "required",
    "unrecognized",
    "not allowed",
    "ambiguous",
    "choose",
    "usage",
    "error",
    "ignored",
)

#: Each kind of refusal argparse makes: the command line, what the Chinese sentence says
#: (the option named), what argparse's English says.
REFUSALS: dict[str, tuple[list[str], str, str]] = {
    "a required option missing": (
        ["report", "minutes"],
        "缺少必需的参数 --activity、-o/--output",
        "the following arguments are required: --activity, -o/--output",
    ),
    "no command": ([], "缺少必需的参数 命令", "the following arguments are required: COMMAND"),
    "an invalid choice": (
        ["init", "--scale", "galaxy"],
        "参数 --scale：不能取“galaxy”（可选：demo、district）",
        "argument --scale: invalid choice: 'galaxy'",
    ),
    "a language not spoken": (
        ["info", "--lang", "fr"],
        "参数 --lang：不能取“fr”（可选：zh、en）",
        "argument --lang: invalid choice: 'fr'",
    ),
    "a command that does not exist": (["infos"], "命令：不能取“infos”", "invalid choice: 'infos'"),
    "a number that is not one": (
        ["init", "--seed", "abc"],
        "参数 --seed：“abc”不是有效的整数",
        "argument --seed: invalid int value: 'abc'",
    ),
    "an unrecognized option": (
        ["info", "--bogus"],
        "无法识别的参数 --bogus",
        "unrecognized arguments: --bogus",
    ),
    "an option without its value": (
        ["info", "--db"],
        "参数 --db：缺少取值",
        "argument --db: expected one argument",
    ),
    "two options that exclude each other": (
        ["development", "due", "--late", "--all"],
        "参数 --all：不能与 --late 同时使用",
        "argument --all: not allowed with argument --late",
    ),
    "an ambiguous abbreviation": (
        ["development", "due", "--la"],
        "选项 --la 不明确，可能是 --lang、--late",
        "ambiguous option: --la could match --lang, --late",
    ),
    "a value to a switch": (
        ["development", "due", "--late=yes"],
        "参数 --late：不接受取值“yes”",
        "argument --late: ignored explicit argument 'yes'",
    ),
}


#: The commands of ``pbc`` (the choices "pbc infos" is told).
COMMANDS = sorted(
    next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
)


def refusal(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """The one sentence ``pbc ARGV`` refuses with (status 2, nothing on standard output,
    the usage before it, no traceback)."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    out, err = capsys.readouterr()
    assert (exit_info.value.code, out) == (2, ""), err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[0].startswith(("用法：pbc", "usage: pbc")), err
    said = [line for line in lines if not line.startswith(("用法：", "usage:", " "))]
    assert len(said) == 1, err
    return said[0]


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_argparse_refuses_in_the_language_of_pbc(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, chinese, english = REFUSALS[case]
    said = refusal(capsys, argv)
    assert said.startswith("错误：命令行参数不正确，") and said.endswith("。"), said
    assert chinese in said, said
    assert not any(word in said.lower() for word in ENGLISH), said
    names = {*argv, "pbc", "demo district zh en", *COMMANDS}  # typed, or a choice
    latin = set(re.findall(r"[A-Za-z]+", re.sub(r"(?<!\w)--?[\w-]+", "", said)))
    assert latin <= {word for name in names for word in re.findall(r"[A-Za-z]+", name)}, said

    said = refusal(capsys, ["--lang", "en", *argv])
    assert said.startswith("Error: wrong arguments (") and english in said, said
    assert not re.search(r"[\u4e00-\u9fff]", said.replace("党建共同体工作台", "")), said
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]  # put back after


@pytest.mark.parametrize(
    "written", [["--lan", "en"], ["--la", "en"], ["--l", "en"], ["--lan=en"], ["--la=en"]]
)
def test_an_abbreviated_lang_is_the_language_of_the_refusal(
    written: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse takes an abbreviation of --lang for it: the refusal was said in Chinese
    (the language read before parsing knew --lang alone)."""
    said = refusal(capsys, ["info", *written, "--bogus"])
    assert said.startswith("Error: wrong arguments (") and "arguments: --bogus" in said, said
    assert argparse_text.language_in(["info", *written]) == "en"


def test_the_language_before_parsing_is_what_argparse_takes_for_lang() -> None:
    language_in = argparse_text.language_in
    assert language_in(["info", "--lang=en"]) == language_in(["info", "--lang", "en"]) == "en"
    assert language_in(["info", "--lan", "fr"]) == "zh"  # not one spoken
    assert language_in(["info", "--lan"]) == "zh"  # no value
    assert language_in(["info", "--", "en"]) == language_in(["info", "--lane", "en"]) == "zh"
    assert language_in(["info", "--db", "en.sqlite", "--late", "en"]) == "zh"


def test_a_value_of_another_type_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A float, or a type of ours that raises ValueError, as an int is."""

    def week(text: str) -> int:
        return int(text)

    parser = Parser(prog="pbc x")
    parser.add_argument("--ratio", type=float)
    parser.add_argument("--week", type=week)
    for argv, chinese, english in [
        (["--ratio", "x"], "参数 --ratio：“x”不是有效的数字", "invalid float value: 'x'"),
        (["--week", "二"], "参数 --week：“二”不是有效的值", "invalid week value: '二'"),
    ]:
        with pytest.raises(SystemExit) as exit_info:
            parser.parse_args(argv)
        assert exit_info.value.code == 2
        said = capsys.readouterr().err.splitlines()[-1]
        assert said == f"错误：命令行参数不正确，{chinese}。用法见“pbc x --help”。"
        lang.set_language("en")
        with pytest.raises(SystemExit):
            parser.parse_args(argv)
        assert english in capsys.readouterr().err
        lang.set_language("zh")


def test_the_help_is_headed_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["info", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
        said = capsys.readouterr().out
        assert said.startswith("用法：pbc ")
        assert re.search(r"^选项[:：]$", said, re.MULTILINE), said
        assert "显示本帮助并退出" in said
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in said
    with pytest.raises(SystemExit):
        main(["--help"])
    said = capsys.readouterr().out
    assert re.search(r"^位置参数[:：]$", said, re.MULTILINE) and "显示程序版本并退出" in said
    assert "pbc [-h] [--version] 命令 ..." in said
    with pytest.raises(SystemExit):
        main(["info", "--help"])
    said = capsys.readouterr().out
    assert "数据库文件" in said and "提示语言" in said and "以哪个账号操作" in said
    with pytest.raises(SystemExit):
        main(["info", "--help", "--lang", "en"])
    said = capsys.readouterr().out
    assert said.startswith("usage: pbc info") and "show this help message and exit" in said
    assert "database file" in said and not re.search(r"[\u4e00-\u9fff]", said)


def _said_by_argparse() -> tuple[set[str], set[tuple[str, str]]]:
    """The strings the running Python's argparse passes to ``_`` and ``ngettext``."""
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        texts = [text for text in texts if isinstance(text, str)]
        if node.func.id == "_" and texts:
            singles.add(texts[0])
        elif node.func.id == "ngettext" and len(texts) == 2:
            plurals.add((texts[0], texts[1]))
    return singles, plurals


def test_every_sentence_argparse_says_to_a_user_has_its_chinese() -> None:
    """A Python that adds or rewords one of argparse's messages is noticed here."""
    singles, plurals = _said_by_argparse()
    assert "usage: " in singles and "expected one argument" in singles
    programmers = argparse_text.FOR_PROGRAMMERS
    assert singles - programmers <= set(argparse_text.CHINESE)
    assert {p for p in plurals if not set(p) <= programmers} <= set(argparse_text.CHINESE_PLURAL)
    for english, chinese in argparse_text.CHINESE.items():  # the same values filled in
        assert sorted(re.findall(r"%\((\w+)\)", english)) == sorted(
            re.findall(r"%\((\w+)\)", chinese)
        ), english
        assert english.count("%s") + english.count("%r") == chinese.count("%s"), english


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("command", [["info"], ["init"], ["report", "minutes"]])
def test_the_chinese_help_fits_the_console(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """argparse wraps by characters: a Chinese character is two columns of a console, and
    its Chinese help ran past an 80-column one; the usage's wrapped lines stood three
    columns left of the first one's options."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = _help(capsys, command)
    assert any("数据库文件" in line for line in lines)
    assert max(argparse_text.width(line) for line in lines) <= 58, "\n".join(lines)
    first, second = lines[0], lines[1]
    assert second.startswith(" ") and not first.startswith(" ")  # the usage is wrapped
    assert argparse_text.width(first[: first.index("[-h]")]) == len(second) - len(second.lstrip())


def test_chinese_is_wrapped_between_characters_not_before_its_punctuation() -> None:
    wrap = argparse_text.wrap
    assert wrap("数据库文件（默认为 pbc），或服务器的地址", 12) == [
        "数据库文件",
        "（默认为",
        "pbc），或服",
        "务器的地址",
    ]
    assert wrap("以哪个账号操作（默认为 $PBC_USER）；密码会询问", 30) == [
        "以哪个账号操作（默认为",
        "$PBC_USER）；密码会询问",
    ]
    assert wrap("the account  to act as", 12) == ["the account", "to act as"]
    assert wrap("", 10) == []


def test_two_threads_parsing_at_once_leave_argparse_as_it_was() -> None:
    """Each block put back what it found: two threads' blocks ending in the order they
    began left argparse saying this module's Chinese for good (to any parser of the
    process), and the second thread's parse spoke English once the first had ended."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    heard: list[str] = []

    def first() -> None:
        with argparse_text.speaking():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with argparse_text.speaking():
            second_in.set()
            first_out.wait(5)
            heard.append(argparse._("usage: "))  # type: ignore[attr-defined]

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert heard == ["用法："]
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def test_a_raw_formatter_keeps_its_chinese_lines_as_written() -> None:
    """RawTextHelpFormatter's help keeps its lines: the wide wrapping joined them."""
    parser = Parser(prog="pbc x", formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--a", help="第一行\n第二行：保持原样")
    lines = parser.format_help().splitlines()
    assert any(line.endswith("第一行") for line in lines), lines
    assert any(line.strip() == "第二行：保持原样" for line in lines), lines


def test_a_chinese_heading_ends_with_a_full_width_colon(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Python 3.11 writes a section's heading as "heading:" without asking gettext: the
    Chinese help read "选项:" and "位置参数:"; an English one keeps its colon."""
    said = "\n".join(_help(capsys, []))
    assert re.search(r"^位置参数：$", said, re.MULTILINE) and re.search(r"^选项：$", said, re.M)
    assert not re.search(r"^\S.*[\u4e00-\u9fff]:$", said, re.MULTILINE), said
    parser = Parser(prog="pbc x")
    parser.add_argument_group("数据库").add_argument("--db", help="数据库文件: 路径")
    said = parser.format_help()
    assert "\n数据库：\n" in said and "数据库文件: 路径" in said  # a heading's colon alone
    said = "\n".join(_help(capsys, ["info", "--lang", "en"]))
    assert re.search(r"^options:$", said, re.MULTILINE)


@pytest.mark.parametrize(
    ("written", "english"),
    [
        (["info", "--lang", "zh", "--lang", "en"], True),
        (["info", "--lang=en", "--lan", "zh"], False),
        (["--lang", "zh", "info", "--lang", "en"], False),  # moved last: argparse keeps zh
        (["--lang", "en", "info", "--lang", "zh"], True),
    ],
)
def test_the_refusal_is_in_the_language_argparse_keeps(
    written: list[str], english: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """--lang given twice: argparse keeps the last as it reads them (one before the
    command moved after the command's options); the refusal was said in the first one's."""
    said = refusal(capsys, [*written, "--bogus"])
    assert said.startswith("Error: wrong arguments (") is english, said


@pytest.mark.parametrize(
    "written", [["--lan", "en"], ["--la=en"], ["--lang", "en"], ["--us", "x", "--l", "en"]]
)
def test_an_abbreviated_common_option_before_the_command_is_taken(
    written: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``pbc --lang en info`` is ``pbc info --lang en``; ``pbc --lan en info`` was refused
    as the command ``en``."""
    said = refusal(capsys, [*written, "info", "--bogus"])
    assert said == "Error: wrong arguments (unrecognized arguments: --bogus). See “pbc --help”."
