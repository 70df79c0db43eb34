"""``pbc fees arrears --month YYYY-MM [--town T] [--json]`` as a user types it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pbc_desktop import cli
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import FeeCategory
from tests.conftest import db_arg
from tests.factories import make_org
from tests.fee_factories import JAN, member_with_basis, pay_months


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db_file(db: Database) -> str:
    jia = make_org(db, "甲村党支部", town="甲镇")
    yi = make_org(db, "乙村党支部", town="乙镇")
    paid = member_with_basis(db, "张三", jia, income="4000")
    member_with_basis(db, "李四", jia, income="4000")
    member_with_basis(db, "王五", yi, category=FeeCategory.FARMER, income=None)
    pay_months(db, jia, [paid], JAN, date(2026, 2, 1))
    return db_arg(db)


def test_the_table_line_by_line(capsys: pytest.CaptureFixture[str], db_file: str) -> None:
    code, out, _ = run(capsys, "fees", "arrears", "--month", "2026-03", "--db", db_file)
    assert code == 0
    assert out.splitlines() == [
        "截至 2026-03 欠缴党费的党员",
        "镇街  党组织      姓名  欠缴月数  连续欠缴  起始月份  欠缴金额（元）",
        "----  ----------  ----  --------  --------  --------  --------------",
        "甲镇  甲村党支部  李四  3         3         2026-01   120.00",
        "甲镇  甲村党支部  张三  1         1         2026-03   40.00",
        "乙镇  乙村党支部  王五  3         3         2026-01   0.60",
        "共 3 人，欠缴合计 160.60 元",
    ]


def test_a_town_and_json(capsys: pytest.CaptureFixture[str], db_file: str) -> None:
    code, out, _ = run(
        capsys, "fees", "arrears", "--month", "2026-02", "--town", "乙镇", "--json", "--db", db_file
    )
    assert code == 0
    assert json.loads(out) == {
        "month": "2026-02",
        "town": "乙镇",
        "members": [
            {
                "name": "王五",
                "organization": "乙村党支部",
                "town": "乙镇",
                "months": 2,
                "consecutive": 2,
                "since": "2026-01",
                "owed": "0.40",
            }
        ],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "不是有效的月份"),
        (["--month", "2026-03", "--town", "丙镇"], "丙镇"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    capsys: pytest.CaptureFixture[str], db_file: str, args: list[str], message: str
) -> None:
    code, _out, err = run(capsys, "fees", "arrears", *args, "--db", db_file)
    assert code == 2
    assert message in err and "Traceback" not in err
