"""Hostile arguments to the commands of 党员减少, 组织关系转接, 党费, 三会一课, 换届, 民主评议 and
党内统计: each is refused with one sentence and status 2, never an internal error (each of
these once reached the database or the calendar and failed there)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pbc_desktop import cli
from pbc_desktop.cli.common import date_option
from pbc_desktop.db.engine import Database
from tests.conftest import db_arg
from tests.factories import make_org

ELECTED = ["--elected-on", "2026-01-01", "--years", "3"]
HOSTILE: dict[str, tuple[list[str], str]] = {
    "a month of year 0": (["fees", "arrears", "--month", "0000-01"], "不是有效的月份"),
    "a day that does not exist": (
        ["terms", "due", "--as-of", "2025-2-30"],
        "“2025-2-30”这一天不存在",
    ),
    "a date without its day": (["terms", "due", "--as-of", "2025-03"], "“2025-03”缺少日"),
    "a date past the calendar's end": (
        ["terms", "due", "--as-of", "9999-12-31", "--within-months", "120"],
        "1900年至2100年之间",
    ),
    "a date of a year after 2100, written as a clerk writes it": (
        ["terms", "due", "--as-of", "2101.3.1"],
        "“2101.3.1”超出了可填的年份：日期应在1900年至2100年之间",
    ),
    "an organization id of 23 digits": (
        ["terms", "record", "--organization", "9" * 23, "--term-no", "1", *ELECTED],
        "找不到名为",
    ),
    "a superscript digit as organization": (
        ["terms", "history", "--organization", "²"],
        "找不到名为",
    ),
    "a term number of 20 digits": (
        [
            "terms",
            "record",
            "--organization",
            "甲村党支部",
            "--term-no",
            "9" * 20,
            *ELECTED,
            "--member",
            "书记:张三",
        ],
        "届次应为1至999的整数",
    ),
    "a committee member's name of 61 characters": (
        [
            "terms",
            "record",
            "--organization",
            "甲村党支部",
            "--term-no",
            "1",
            *ELECTED,
            "--member",
            "书记:" + "张" * 61,
        ],
        "姓名最多60个字",
    ),
    "a letter id of 20 digits": (
        ["report", "transfer-letter", "--transfer", "9" * 20, "-o", "{tmp}/x.pdf"],
        "应为记录编号",
    ),
    "an appraisal of year 99999": (
        [
            "report",
            "appraisal",
            "--organization",
            "甲村党支部",
            "--year",
            "99999",
            "-o",
            "{tmp}/x.pdf",
        ],
        "年度应为1900至2100",
    ),
    "an appraisal of a negative year": (
        [
            "report",
            "appraisal",
            "--organization",
            "甲村党支部",
            "--year",
            "-3",
            "-o",
            "{tmp}/x.pdf",
        ],
        "年度应为1900至2100",
    ),
    "arrears up to a month not yet come": (
        ["fees", "arrears", "--month", "2099-12"],
        "月份 2099-12 还没有到",
    ),
    "a 通报 written to a .txt file": (
        ["branch-life", "--year", "2026", "-o", "{tmp}/通报.txt"],
        "应以 .pdf 结尾",
    ),
    "the dashboard's figures of year 99999": (["stats", "--year", "99999"], "年度应为1900至2100"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_argument_is_one_sentence_and_status_2(
    case: str, capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    make_org(db, "甲村党支部")
    argv, expected = HOSTILE[case]
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--db", db_arg(db)]
    try:
        code = cli.main(args)
    except SystemExit as exit_:  # refused while parsing
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == 2, err
    assert expected in err
    assert "内部出错" not in err and "Traceback" not in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.txt"))


@pytest.mark.parametrize(
    "argv",
    [
        ["terms", "history", "--organization", "{id}"],
        ["terms", "history", "--organization", "13812345678"],
        ["stats", "--year", "{id}"],
        ["report", "appraisal", "--organization", "甲村党支部", "--year", "13812345678",
         "-o", "x.pdf"],
    ],
)  # fmt: skip
def test_an_id_number_or_phone_typed_in_an_option_is_not_repeated_whole(
    argv: list[str], capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    """Scripts keep a command's output in their logs: the refusal repeated what was typed."""
    from pbc_desktop.domain.privacy import contains_personal_numbers
    from tests.factories import make_id

    make_org(db, "甲村党支部")
    args = [a.replace("{id}", make_id()) for a in argv] + ["--db", db_arg(db)]
    try:
        code = cli.main(args)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == 2 and "错误" in err
    assert not contains_personal_numbers(err), err


@pytest.mark.parametrize(
    ("argv", "code", "said"),
    [
        (["--lang", "en", "--db", "{db}", "info"], 0, "Schema revision"),
        (["--lang=en", "stats", "--db", "{db}", "--year", "1800"], 2, "a year from 1900 to 2100"),
        (["--db", "{db}", "--lang", "en", "stats", "--year", "1800"], 2, "a year from 1900"),
        (["--lang", "en"], 2, "Error: wrong arguments (the following arguments are required"),
    ],
)
def test_the_options_of_every_command_may_come_before_it(
    argv: list[str], code: int, said: str, capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    """``pbc --lang en info`` was refused as a command named ``en``."""
    args = [a.replace("{db}", db_arg(db)) for a in argv]
    try:
        got = cli.main(args)
    except SystemExit as exit_:
        got = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert got == code, err
    assert said in out + err and "invalid choice" not in err


@pytest.mark.parametrize("typed", ["2025-3-1", "2025/3/1", "2025.3.1", "20250301", "2025年3月1日"])
def test_a_date_option_takes_the_forms_a_date_field_takes(typed: str) -> None:
    """As the window's date fields: a clerk's script passing 2025-3-1 was refused."""
    assert date_option(typed) == date(2025, 3, 1)
