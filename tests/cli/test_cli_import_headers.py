"""``pbc import-members`` with rosters from other systems: the columns not read, 政治面貌,
organizations that almost match and ``--map-org`` (issue 18); the output line by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from tests.conftest import db_arg
from tests.factories import make_id, make_org
from tests.import_factories import database_state, write_roster

ORG = "大溪坝村党总支"
ID_A = make_id("19850302", "123")
ID_B = make_id("19900715", "224")
ID_C = make_id("19700101", "315")
# The 16 items of the 2017 党员基本信息采集表 (see tests/services/test_member_import_headers.py
# for where each header set was found), cut to the columns this roster fills.
HEADERS = ("姓名", "公民身份证号", "所在党支部", "加入党组织日期", "政治面貌", "家庭住址", "备注2")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(db: Database) -> str:
    make_org(db, ORG, town="大溪镇")
    return db_arg(db)


def roster(tmp_path: Path) -> Path:
    return write_roster(
        tmp_path / "名册.xlsx",
        [
            ("甲", ID_A, "大溪坝党总支", "2010-07-01", "中共党员", "大溪坝村一组", ""),
            ("乙", ID_B, "大溪坝党总支", "2011-07-01", "中共预备党员", "", "x"),
            ("丙", ID_C, ORG, "", "共青团员", "", ""),
        ],
        headers=HEADERS,
    )


def names(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(s.scalars(select(PartyMember.name)))


def test_a_dry_run_names_the_columns_not_read_and_the_close_organization(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    state = database_state(db)
    code, out, err = run(
        capsys, "import-members", str(roster(tmp_path)), "--db", db_file, "--dry-run"
    )
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "未导入的列：家庭住址、备注2",
        "第2行：所在党组织“大溪坝党总支”在系统中不存在（相近的党组织是“大溪坝村党总支”，"
        "若是同一个，请把它对应到“大溪坝村党总支”）",
        "第3行：所在党组织“大溪坝党总支”在系统中不存在（相近的党组织是“大溪坝村党总支”，"
        "若是同一个，请把它对应到“大溪坝村党总支”）",
        "第4行：政治面貌为“共青团员”，不是中共党员，不能作为党员导入（只导入中共党员和中共预备党员）",
        "试运行，未写入任何数据：共 3 行，可新增 0 名，已有党员 0 名（将跳过），有错误 3 行",
        "“大溪坝党总支”与系统中的“大溪坝村党总支”相近：若是同一个党组织，"
        '请加 --map-org "大溪坝党总支=大溪坝村党总支" 重新导入。',
        "有 1 个党组织在系统中不存在（大溪坝党总支）：请核对名称是否与“党组织”页中的完全一致，"
        "或加 --create-orgs 新建这些党组织。",
    ]
    assert database_state(db) == state


def test_map_org_imports_the_rows_into_the_stored_organization(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "import-members",
        str(roster(tmp_path)),
        "--db",
        db_file,
        "--map-org",
        "大溪坝党总支=大溪坝村党总支",
        "--valid-only",
    )
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "未导入的列：家庭住址、备注2",
        "党组织对应：文件中的“大溪坝党总支”导入到“大溪坝村党总支”",
        "第4行：政治面貌为“共青团员”，不是中共党员，不能作为党员导入（只导入中共党员和中共预备党员）",
        "新增党员 2 名，更新 0 名，跳过已有党员 0 名，有错误未导入 1 行",
    ]
    assert names(db) == ["乙", "甲"]


def test_map_org_in_english(
    capsys: pytest.CaptureFixture[str], db: Database, db_file: str, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys,
        "import-members",
        str(roster(tmp_path)),
        "--db",
        db_file,
        "--dry-run",
        "--lang",
        "en",
        "--map-org",
        "大溪坝党总支 = 大溪坝村党总支",
        "--map-org",
        "柳河支部=大溪坝村党总支",
    )
    assert code == 1
    assert out.splitlines()[:4] == [
        "Note: No row names the organization “柳河支部”; its mapping was not used.",
        "Columns not imported: 家庭住址, 备注2",
        "Organization mapped: “大溪坝党总支” in the file goes to “大溪坝村党总支”",
        "Organization mapped: “柳河支部” in the file goes to “大溪坝村党总支”",
    ]


@pytest.mark.parametrize("given", ["大溪坝党总支", "=大溪坝村党总支", "大溪坝党总支="])
def test_a_malformed_map_org_exits_2(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path, given: str
) -> None:
    code, out, err = run(
        capsys, "import-members", str(roster(tmp_path)), "--db", db_file, "--map-org", given
    )
    assert (code, out) == (2, "")
    assert err == (
        f"错误：--map-org “{given}”应写成“文件中的名称=系统中的名称”，"
        '例如 --map-org "大溪坝党总支=大溪坝村党总支"。\n'
    )


def test_a_map_org_to_an_organization_not_stored_exits_2(
    capsys: pytest.CaptureFixture[str], db_file: str, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "import-members",
        str(roster(tmp_path)),
        "--db",
        db_file,
        "--map-org",
        "大溪坝党总支=大溪坝党总支",
    )
    assert (code, out) == (2, "")
    assert err == (
        "错误：对应关系“大溪坝党总支=大溪坝党总支”中的党组织“大溪坝党总支”在系统中不存在"
        "（或不在你的管理范围内），请写出“党组织”页中的名称。\n"
    )
