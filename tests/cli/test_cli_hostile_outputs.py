"""Hostile output paths and filters of the reports and listings: each is refused with one
sentence and status 2 before any work, and writes nothing (a PDF saved under ``.txt``
opened as garbage; an unknown town listed no community as if there were none; the
assessment report counted a year no other command takes and checked its file only after
laying out every page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from tests.conftest import db_arg
from tests.factories import make_org

ORG = ["--organization", "甲村党支部"]
REFUSED: dict[str, tuple[list[str], str]] = {
    "minutes saved as .txt": (
        ["report", "minutes", "--activity", "1", "-o", "{tmp}/纪要.txt"],
        "输出文件“纪要.txt”应以 .pdf 结尾。",
    ),
    "a sign-in sheet without a suffix": (
        ["report", "signin", "--activity", "1", "-o", "{tmp}/签到表"],
        "应以 .pdf 结尾",
    ),
    "a roster saved as .xlsx": (
        ["report", "roster", *ORG, "-o", "{tmp}/花名册.xlsx"],
        "应以 .pdf 结尾",
    ),
    "a letter saved as .doc": (
        ["report", "transfer-letter", "--transfer", "1", "-o", "{tmp}/介绍信.doc"],
        "应以 .pdf 结尾",
    ),
    "an appraisal sheet saved as .txt": (
        ["report", "appraisal", *ORG, "--year", "2025", "-o", "{tmp}/评议.txt"],
        "应以 .pdf 结尾",
    ),
    "an assessment report saved as .txt": (
        ["report", "assessment", "--year", "2025", "-o", "{tmp}/考核.txt"],
        "输出文件“考核.txt”应以 .pdf 或 .xlsx 结尾。",
    ),
    "an assessment report over a folder named .pdf": (
        ["report", "assessment", "--year", "2025", "-o", "{folder}"],
        "是一个文件夹，请给出文件名",
    ),
    "an assessment report of year 1899": (
        ["report", "assessment", "--year", "1899", "-o", "{tmp}/考核.pdf"],
        "年度应为1900至2100",
    ),
    "an assessment report of year 99999": (
        ["report", "assessment", "--year", "99999", "-o", "{tmp}/考核.pdf"],
        "年度应为1900至2100",
    ),
    "a 党内统计 saved as .docx": (
        ["stats", "members", "--year", "2025", "-o", "{tmp}/统计.docx"],
        "应以 .xlsx 或 .pdf 结尾",
    ),
    "a 通报 over the database": (
        ["branch-life", "--year", "2026", "-o", "{db}"],
        "应以 .pdf 结尾",
    ),
    "a 通报 of year 1999": (
        ["branch-life", "--year", "1999"],
        "三会一课的年度应在2000年至2100年之间，而不是1999年。",
    ),
    "a 通报 of year 99999": (["branch-life", "--year", "99999"], "年度应为1900至2100"),
    "党内统计 of a town and an organization at once": (
        ["stats", "members", "--year", "2025", "--town", "甲镇", *ORG],
        "--town 和 --organization 只能指定其中一个",
    ),
    "a backup to a folder named by nothing": (
        ["backup", "--to", ""],
        "应给出一个文件夹（例如U盘）或以 .sqlite 结尾的文件名",
    ),
    "communities of a town no organization lies in": (
        ["communities", "--town", "不存在镇"],
        "没有位于“不存在镇”的党组织。已有的镇街：甲镇。",
    ),
    "an assessment report of an unknown town": (
        ["report", "assessment", "--year", "2025", "--town", "乙镇", "-o", "{tmp}/考核.pdf"],
        "没有位于“乙镇”的党组织",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_a_hostile_output_or_filter_is_one_sentence_before_any_work(
    case: str,
    capsys: pytest.CaptureFixture[str],
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_org(db, "甲村党支部", town="甲镇")
    argv, expected = REFUSED[case]
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # an empty name is the current folder
    folder = tmp_path / "报告.pdf"
    folder.mkdir()
    path = db_arg(db)
    places = {"{tmp}": str(out), "{db}": path, "{folder}": str(folder)}
    args = [places.get(a, a.replace("{tmp}", str(out))) for a in argv]
    try:
        code = cli.main([*args, "--db", path])
    except SystemExit as exit_:  # refused while parsing
        code = int(exit_.code or 0)
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    assert expected in err
    lines = [line for line in err.splitlines() if not line.startswith(("用法：", " "))]
    assert len(lines) == 1, err  # no progress line before the refusal
    assert not any(out.iterdir()) and not any(folder.iterdir())


def test_a_pdf_named_in_capitals_is_written(
    capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    """The suffix is compared without case (Windows names files 纪要.PDF)."""
    make_org(db, "甲村党支部", town="甲镇")
    target = tmp_path / "花名册.PDF"
    code = cli.main(["report", "roster", *ORG, "-o", str(target), "--db", db_arg(db)])
    assert code == 0, capsys.readouterr().err
    assert target.read_bytes().startswith(b"%PDF")


# Every command that writes a file, its path in a folder that does not exist.
INTO_A_MISSING_FOLDER: dict[str, list[str]] = {
    "minutes": ["report", "minutes", "--activity", "1", "-o", "{missing}/纪要.pdf"],
    "sign-in sheet": ["report", "signin", "--activity", "1", "-o", "{missing}/签到表.pdf"],
    "roster": ["report", "roster", *ORG, "-o", "{missing}/花名册.pdf"],
    "transfer letter": ["report", "transfer-letter", "--transfer", "1", "-o", "{missing}/信.pdf"],
    "appraisal sheet": ["report", "appraisal", *ORG, "--year", "2025", "-o", "{missing}/评.pdf"],
    "assessment report": ["report", "assessment", "--year", "2025", "-o", "{missing}/考核.pdf"],
    "assessment workbook": ["report", "assessment", "--year", "2025", "-o", "{missing}/考核.xlsx"],
    "党内统计": ["stats", "members", "--year", "2025", "-o", "{missing}/统计.xlsx"],
    "三会一课 通报": ["branch-life", "--year", "2026", "-o", "{missing}/通报.pdf"],
    "import template": ["export-template", "{missing}/模板.xlsx"],
    "member export": ["export-members", "{missing}/党员.xlsx"],
    "office card": ["office", "card", "-o", "{missing}/名片.json"],
    "office keys": ["office", "export-key", "-o", "{missing}/密钥.key"],
    "package": ["exchange", "export", "--to", "甲镇", "-o", "{missing}/数据包.pbcx"],
    "package's sheet": [
        "exchange",
        "export",
        "--to",
        "甲镇",
        "-o",
        "{tmp}/数据包.pbcx",
        "--sheet",
        "{missing}/单.pdf",
    ],
    "received package's sheet": [
        "exchange",
        "import",
        "{tmp}/包.pbcx",
        "--sheet",
        "{missing}/单.pdf",
    ],
    "handover sheet again": ["exchange", "sheet", "1", "-o", "{missing}/移交单.pdf"],
}


@pytest.mark.parametrize("case", sorted(INTO_A_MISSING_FOLDER))
def test_an_output_into_a_missing_folder_is_refused_and_no_folder_is_made(
    case: str, capsys: pytest.CaptureFixture[str], db: Database, tmp_path: Path
) -> None:
    """A typo in a path (报告 for 报表) names the folder instead of making it and leaving
    the file where no one looks: the same for every command, before any work."""
    make_org(db, "甲村党支部", town="甲镇")
    missing = tmp_path / "报告" / "2026"
    argv = [
        a.replace("{missing}", str(missing)).replace("{tmp}", str(tmp_path))
        for a in INTO_A_MISSING_FOLDER[case]
    ]
    code = cli.main([*argv, "--db", db_arg(db)])
    said, err = capsys.readouterr()
    assert (code, said) == (2, ""), err
    assert err.strip() == f"错误：文件夹“{missing}”不存在，请先建好它或改正路径。"
    assert not (tmp_path / "报告").exists()
