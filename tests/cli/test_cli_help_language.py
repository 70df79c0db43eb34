"""``pbc --help``, ``pbc <command> --help`` and ``pbc-desktop --help`` in the clerk's
language: each command's and option's help, the parsers' descriptions and epilogs and the
placeholders of their values (``FILE``, ``NAME|ID``) were English only, so a Chinese
clerk read "create or upgrade a database" and ``--organization NAME|ID``. Every text is
checked from the parsers as built, so a new option written in English alone fails here."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator

import pytest

from pbc_desktop import app, argparse_text, lang
from pbc_desktop.cli import build_parser, main

CJK = re.compile(r"[\u4e00-\u9fff]")
#: An English word (not JSON or PDF, said as they are in a Chinese text too).
ENGLISH_WORD = re.compile(r"\b[a-z]{2,}\b")
#: Chinese punctuation, outside an example quoted in an English text ("第12行：…").
CHINESE_PUNCTUATION = re.compile(r"[，。；：（）、]")
QUOTED = re.compile(r'"[^"]*"')
#: Three English words in a row: an English phrase, not a command, an option or a value
#: (``pbc exchange log``, a command's name, is one).
ENGLISH_PHRASE = re.compile(r"(?<![\w-])[A-Za-z]+(?: [A-Za-z]+){2,}")
#: What is typed as it is in either language: not a word to translate.
TYPED_AS_IT_IS = frozenset({"yes|no"})


def _texts(parser: argparse.ArgumentParser, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every text a reader of the parser's help (and its subcommands')
    reads: description, epilog, each argument's help and the placeholder of its value."""
    for kind, text in (("description", parser.description), ("epilog", parser.epilog)):
        if text:
            yield f"{where} {kind}", text
    for action in parser._actions:
        name = f"{where} {'/'.join(action.option_strings) or action.dest}"
        if action.help is not argparse.SUPPRESS and action.help is not None:
            yield f"{name} help", action.help
        if isinstance(action, argparse._SubParsersAction):
            yield f"{name} metavar", str(action.metavar)
            for listed in action._choices_actions:
                yield f"{where} {listed.dest} help", str(listed.help)
            for command, subparser in action.choices.items():
                yield from _texts(subparser, f"{where} {command}".strip())
        elif action.nargs != 0 and action.choices is None and action.help is not argparse.SUPPRESS:
            # without a metavar argparse shows the option's name in capitals (--town TOWN)
            yield f"{name} metavar", str(action.metavar)


def _both(build: Callable[[], argparse.ArgumentParser]) -> list[tuple[str, str, str]]:
    """(where, Chinese, English) of every text of the parser ``build`` makes."""
    said = {}
    for language in lang.SUPPORTED:
        lang.set_language(language)
        said[language] = list(_texts(build()))
    lang.set_language("zh")
    assert [w for w, _ in said["zh"]] == [w for w, _ in said["en"]]
    return [(w, zh, en) for (w, zh), (_, en) in zip(said["zh"], said["en"], strict=True)]


def _check(texts: list[tuple[str, str, str]]) -> None:
    untranslated = [
        (where, zh)
        for where, zh, _ in texts
        if zh not in TYPED_AS_IT_IS
        and (
            not CJK.search(zh)
            or any(not m.group().startswith("pbc ") for m in ENGLISH_PHRASE.finditer(zh))
        )
    ]
    assert untranslated == []
    not_english = [
        (where, en)
        for where, zh, en in texts
        if zh not in TYPED_AS_IT_IS
        and (
            en == zh
            or (where.endswith("metavar") and CJK.search(en))
            or (where.endswith("help") and not ENGLISH_WORD.search(en))
            or CHINESE_PUNCTUATION.search(QUOTED.sub("", en))
        )
    ]
    assert not_english == []


def test_every_help_text_of_pbc_is_said_in_both_languages() -> None:
    texts = _both(build_parser)
    assert len(texts) > 300  # every subcommand walked
    assert ("init --scale help", "演示数据的规模：demo 较小，district 一个区县") in {
        (w.strip(), zh) for w, zh, _ in texts
    }
    _check(texts)


def test_every_help_text_of_pbc_desktop_is_said_in_both_languages() -> None:
    texts = _both(app.build_parser)
    assert {w.strip() for w, _, _ in texts} >= {"--db help", "--demo help", "--user metavar"}
    _check(texts)


def test_the_checks_see_english() -> None:
    """The checks themselves: an English help in Chinese, a Chinese one in English."""
    with pytest.raises(AssertionError):
        _check([("x help", "create or upgrade a database", "create or upgrade a database")])
    with pytest.raises(AssertionError):
        _check([("x help", "只列这个镇的 branches in this town", "only this town's")])
    with pytest.raises(AssertionError):
        _check([("x metavar", "名称", "名称")])
    with pytest.raises(AssertionError):
        _check([("x help", "只列已逾期的", "只列已逾期的（late）")])
    with pytest.raises(AssertionError):
        _check([("x help", "输出 JSON", "JSON")])
    _check([("x help", "在 pbc exchange log 中的序号", "its number in pbc exchange log")])
    _check([("x help", "一个党组织的党员花名册", "党员花名册 of one Party organization")])


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out.splitlines()


def _commands() -> list[list[str]]:
    """Every command and subcommand of ``pbc``, as typed."""
    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, typed: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for command, subparser in action.choices.items():
                    found.append([*typed, command])
                    walk(subparser, [*typed, command])

    walk(build_parser(), [])
    return found


def test_each_commands_chinese_help_fits_and_is_aligned(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every ``pbc … --help`` in Chinese: no line past an 80-column console (a Chinese
    placeholder takes two columns a character: argparse counted one, and the usage ran
    past the edge), and each option's help starts in the column of the others' (argparse
    padded ``--town 镇`` by its characters, its help two columns to the right)."""
    monkeypatch.setenv("COLUMNS", "80")
    commands = _commands()
    assert ["report", "roster"] in commands and ["fees", "arrears"] in commands
    for command in commands:
        lines = _help(capsys, command)
        assert max(argparse_text.width(line) for line in lines) <= 78, (command, lines)
        help_line = next(line for line in lines if line.startswith("  -h, --help"))
        column = argparse_text.width(help_line[: help_line.index("显示本帮助")])
        for line in lines:
            option = re.match(r"  (-\S+(?: [^ -]\S*)?)(  +)\S", line)
            if option:
                assert argparse_text.width(line[: option.end() - 1]) == column, (command, line)


def test_the_alignment_is_that_of_the_english(capsys: pytest.CaptureFixture[str]) -> None:
    zh = _help(capsys, ["export-members"])
    lang.set_language("en")
    en = _help(capsys, ["export-members", "--lang", "en"])
    assert "  --town 镇             这个镇各党组织的党员" in zh
    assert "  --town TOWN           members of organizations in this town" in en


def test_pbc_desktop_says_its_help_and_a_wrong_argument_in_the_language_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app.parse_args(["--help"])
    assert exit_info.value.code == 0
    said = capsys.readouterr().out
    assert said.startswith("用法：pbc-desktop ") and "--db 数据库" in said
    assert "打开演示数据" in said and "显示本帮助并退出" in said
    assert "show" not in said and "database file" not in said

    with pytest.raises(SystemExit) as exit_info:
        app.parse_args(["--lang", "en", "--help"])
    said = capsys.readouterr().out
    assert said.startswith("usage: pbc-desktop ") and "--db DB" in said
    assert "open the demo district" in said and not CJK.search(said.replace("党建共同体工作台", ""))

    with pytest.raises(SystemExit) as exit_info:
        app.parse_args(["--demo", "--bogus"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "错误：命令行参数不正确，无法识别的参数 --bogus。用法见“pbc-desktop --help”。"
    )
    with pytest.raises(SystemExit) as exit_info:
        app.parse_args(["--lang=en", "--db"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "Error: wrong arguments (argument --db: expected one argument). See “pbc-desktop --help”."
    )


def test_pbc_desktop_still_reads_its_options() -> None:
    args = app.parse_args(["--lang", "en", "--demo", "--db", "x.sqlite", "--user", "li"])
    assert (args.lang, args.demo, args.db, args.user, args.exit_after_show) == (
        "en",
        True,
        "x.sqlite",
        "li",
        False,
    )
    assert lang.language() == "en"


@pytest.mark.parametrize("command", ["import-members", "import-organizations"])
def test_an_epilog_written_wrapped_fits_the_console(command: str) -> None:
    """argparse prints these epilogs as they are: the Chinese is written wrapped."""
    parser = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    ).choices[command]
    assert parser.epilog is not None and CJK.search(parser.epilog)
    widest = max(parser.epilog.splitlines(), key=argparse_text.width)
    assert argparse_text.width(widest) <= 78, widest
