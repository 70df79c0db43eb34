"""``pbc report assessment -o FILE.xlsx``: the year's assessment as a workbook, from the
command line, in the acting account's scope; bad arguments one sentence and status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.services.assessments import indicator_sets, scoring
from tests.assessment_factories import YEAR, running_communities, score_all
from tests.conftest import add_account, db_arg


@pytest.fixture
def assessed(db: Database) -> str:
    """Two communities of 成田镇 and one of 两英镇 scored; the database's ``--db``."""
    indicator_sets.create_indicator_set(db, YEAR)
    ids = running_communities(db, "文光党建共同体", "东泰党建共同体")
    ids += running_communities(db, "两英党建共同体", town="两英镇")
    for cid, fraction in zip(ids, (0.8, 0.9, 0.7), strict=True):
        score_all(db, scoring.start_assessment(db, cid, YEAR), fraction)
    return db_arg(db)


def pbc(*argv: str) -> int:
    try:
        return cli.main(list(argv))
    except SystemExit as exit_:  # refused while parsing
        return int(exit_.code or 0)


def test_the_workbook_is_written(
    assessed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "考核结果.xlsx"
    code = pbc("report", "assessment", "--year", str(YEAR), "-o", str(out), "--db", assessed)
    said, err = capsys.readouterr()
    assert code == 0, err
    assert said.strip() == f"考核结果已导出：{out}"
    wb = load_workbook(out)
    assert wb.sheetnames == ["考核结果", "评分明细"]
    results = list(wb["考核结果"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in results] == [
        (1, "东泰党建共同体"),
        (2, "文光党建共同体"),
        (3, "两英党建共同体"),
    ]
    assert all(isinstance(r[2], int | float) for r in results)


@pytest.mark.parametrize("how", ["--town", "--user"])
def test_a_town_s_workbook_holds_only_its_communities(
    assessed: str,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    """Asked for a town, or by a town's account (which sees no other town's scores)."""
    out = tmp_path / "成田镇.xlsx"
    argv = ["report", "assessment", "--year", str(YEAR), "-o", str(out), "--db", assessed]
    if how == "--town":
        argv += ["--town", "成田镇"]
    else:
        add_account(db, "zhen", UserRole.TOWN, town="成田镇")
        monkeypatch.setenv("PBC_USER", "zhen")
    assert pbc(*argv) == 0
    names = {r[1] for r in load_workbook(out)["考核结果"].iter_rows(min_row=2, values_only=True)}
    assert names == {"文光党建共同体", "东泰党建共同体"}


BAD: dict[str, tuple[list[str], str]] = {
    "a year without an indicator system": (
        ["--year", str(YEAR + 1), "-o", "{tmp}/考核.xlsx"],
        f"错误：{YEAR + 1} 年没有标准体系和考核记录。",
    ),
    "a year that is no year": (["--year", "二〇二四", "-o", "{tmp}/考核.xlsx"], "年度应为"),
    "a folder that is a file": (
        ["--year", str(YEAR), "-o", "{tmp}/名单.txt/考核.xlsx"],
        "是一个文件，不是文件夹",
    ),
    "a town no organization lies in": (
        ["--year", str(YEAR), "--town", "火星镇", "-o", "{tmp}/考核.xlsx"],
        "没有位于“火星镇”的党组织",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_arguments_are_one_sentence_and_status_2(
    assessed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    (tmp_path / "名单.txt").write_text("不是文件夹", encoding="utf-8")
    argv, expected = BAD[case]
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code = pbc("report", "assessment", *args, "--db", assessed)
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    lines = [line for line in err.splitlines() if not line.startswith(("用法：", " "))]
    assert len(lines) == 1 and expected in lines[0], err
    assert not list(tmp_path.glob("*.xlsx"))
