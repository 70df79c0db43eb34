"""``pbc import-members`` with rows of 入党申请人, 积极分子 and 发展对象: counted and left
out, or entered as 发展党员 records with ``--applicants``."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, PartyMember
from pbc_desktop.domain.development import DevelopmentStage
from tests.conftest import db_arg
from tests.factories import make_id, make_org
from tests.import_factories import database_state, write_roster

ORG = "陈店镇文光村党支部"
HEADERS = ("姓名", "身份证号", "所在党组织", "政治面貌", "申请入党日期", "确定入党积极分子日期")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = cli.main(list(args))
    out, _err = capsys.readouterr()
    return code, out.splitlines()


@pytest.fixture
def db_file(db: Database) -> str:
    make_org(db, ORG, town="陈店镇")
    return db_arg(db)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_roster(
        tmp_path / "名册.xlsx",
        [
            ("党员甲", make_id("19850302", "123"), ORG, "中共党员", "", ""),
            ("积极乙", make_id("19970115", "224"), ORG, "入党积极分子", "2024-01-10", "2024-05-20"),
            ("申请丙", make_id("19980402", "331"), ORG, "入党申请人", "2025-03-01", ""),
            ("积极丁", make_id("19960610", "442"), ORG, "积极分子", "2024-01-10", ""),
        ],
        headers=HEADERS,
    )


def stored(db: Database) -> tuple[list[str], list[tuple[str, DevelopmentStage]]]:
    with db.read() as s:
        members = sorted(s.scalars(select(PartyMember.name)))
        records = sorted(s.execute(select(DevelopmentRecord.name, DevelopmentRecord.stage)))
    return members, [(name, stage) for name, stage in records]


def test_they_are_counted_and_left_out(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, path: Path
) -> None:
    code, lines = run(capsys, "import-members", str(path), "--db", db_file, "--valid-only")
    assert code == 1  # the activist without the date of being named one
    assert lines == [
        "第5行：入党积极分子须填写“确定入党积极分子日期”",
        "新增党员 1 名，更新 0 名，跳过已有党员 0 名，有错误未导入 1 行；"
        "另有 2 行是入党申请人、积极分子或发展对象，未导入",
        "2 行是入党申请人/积极分子/发展对象，可作为发展党员导入：加 --applicants 可一并导入。",
    ]
    assert stored(db) == (["党员甲"], [])


def test_a_dry_run_says_what_applicants_would_do(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, path: Path
) -> None:
    state = database_state(db)
    code, lines = run(
        capsys, "import-members", str(path), "--db", db_file, "--dry-run", "--applicants"
    )
    assert code == 1
    assert lines == [
        "第5行：入党积极分子须填写“确定入党积极分子日期”",
        "试运行，未写入任何数据：共 4 行，可新增 1 名，已有党员 0 名（将跳过），有错误 1 行",
        "作为发展党员导入：可新增 2 名，已有 0 名（将跳过）",
    ]
    assert database_state(db) == state


def test_applicants_imports_them_at_their_stage(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, path: Path
) -> None:
    args = ("import-members", str(path), "--db", db_file, "--valid-only", "--applicants")
    code, lines = run(capsys, *args)
    assert code == 1
    assert lines == [
        "第5行：入党积极分子须填写“确定入党积极分子日期”",
        "新增党员 1 名，更新 0 名，跳过已有党员 0 名，有错误未导入 1 行；"
        "发展党员：新增 2 名，更新 0 名，跳过已有 0 名",
    ]
    assert stored(db) == (
        ["党员甲"],
        [("申请丙", DevelopmentStage.APPLICANT), ("积极乙", DevelopmentStage.ACTIVIST)],
    )
    # again: the people entered are skipped
    code, lines = run(capsys, *args)
    assert lines[1] == (
        "新增党员 0 名，更新 0 名，跳过已有党员 1 名，有错误未导入 1 行；"
        "发展党员：新增 0 名，更新 0 名，跳过已有 2 名"
    )


def test_the_flag_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["import-members", "--help"])
    out = capsys.readouterr().out
    assert "--applicants" in out and "可作为发展党员导入" in out
