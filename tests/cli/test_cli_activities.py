"""``pbc activities --community NAME --year YEAR`` as a user types it."""

from __future__ import annotations

from datetime import datetime

import pytest

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ActivityKind
from tests.conftest import db_arg
from tests.factories import make_activity, make_community, make_orgs


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(db: Database) -> str:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    cid = make_community(db, "甲乙党建共同体", [a, b])
    make_community(db, "甲乙丙党建共同体", [a, b])
    make_activity(
        db,
        cid,
        "一季度联席会议",
        kind=ActivityKind.JOINT_MEETING,
        starts_at=datetime(2026, 3, 2, 9),
    )
    make_activity(db, cid, "七一主题党日", starts_at=datetime(2026, 7, 1, 15), host_org_id=b)
    make_activity(db, cid, "去年的例会", starts_at=datetime(2025, 12, 1, 9))
    return db_arg(db)


def test_table_of_a_year(capsys: pytest.CaptureFixture[str], db_file: str) -> None:
    code, out, _ = run(
        capsys,
        "activities",
        "--db",
        str(db_file),
        "--community",
        "甲乙党建共同体",
        "--year",
        "2026",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "甲乙党建共同体 2026"
    assert lines[1].split()[:4] == ["ID", "时间", "类型", "名称"]
    body = lines[3:-1]
    assert [ln.split()[1:5] for ln in body] == [
        ["2026-03-02", "09:00", "联席会议", "一季度联席会议"],
        ["2026-07-01", "15:00", "主题党日", "七一主题党日"],
    ]
    assert "乙村党支部" in body[1]
    assert lines[-1] == "共 2 次活动"


def test_all_years_in_english(capsys: pytest.CaptureFixture[str], db_file: str) -> None:
    code, out, _ = run(
        capsys, "activities", "--db", str(db_file), "--community", "甲乙党建共同体", "--lang", "en"
    )
    assert code == 0
    assert "Joint meeting" in out and out.splitlines()[-1] == "3 activities"


def test_unknown_or_ambiguous_community(capsys: pytest.CaptureFixture[str], db_file: str) -> None:
    code, out, err = run(capsys, "activities", "--db", str(db_file), "--community", "不存在")
    assert code == 2 and out == ""
    assert "找不到名为「不存在」的党建共同体" in err
    code, _, err = run(capsys, "activities", "--db", str(db_file), "--community", "甲乙")
    assert code == 2 and "完整名称" in err
    code, _, err = run(
        capsys, "activities", "--db", str(db_file), "--community", "甲乙党建共同体", "--kind", "x"
    )
    assert code == 2 and "未知的活动类型" in err


@pytest.mark.parametrize("year", ["0", "-5", "99999", "99999999999999999999", "二〇二六"])
def test_a_year_out_of_range_is_refused_in_one_sentence(
    capsys: pytest.CaptureFixture[str], db_file: str, year: str
) -> None:
    """--year 0 or 99999 ended in an internal error (a date of that year cannot be made)."""
    args = ["activities", "--db", db_file, "--community", "甲乙党建共同体", "--year", year]
    try:
        code = cli.main(args)
    except SystemExit as exit_:  # refused while parsing
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "年度应为1900至2100之间的四位数字" in err
    assert "内部出错" not in err and "Traceback" not in err
