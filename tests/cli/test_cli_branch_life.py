"""``pbc branch-life`` and ``pbc terms due``: tables line by line, JSON, the 通报 PDF."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from pbc_desktop import lang
from pbc_desktop.cli import build_parser, main
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ActivityKind as K
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.errors import UserError
from pbc_desktop.services.terms import committees
from tests.conftest import db_arg
from tests.factories import make_activity
from tests.pdf_helpers import page_texts
from tests.scope_factories import TwoTowns, two_towns


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    lang.set_language(args.lang)
    code: int = args.handler(args)
    return code


@pytest.fixture
def world(db: Database) -> TwoTowns:
    world = two_towns(db)
    # 乙一村党支部 kept every meeting of 2025; 甲二村党支部 only its 主题党日 (not December)
    for month in range(1, 13):
        for kind in (K.BRANCH_COMMITTEE, K.GROUP_MEETING, K.THEME_PARTY_DAY):
            make_activity(
                db, None, kind=kind, host_org_id=world.yi_one, starts_at=datetime(2025, month, 5, 9)
            )
        if month % 3 == 0:
            for kind in (K.BRANCH_ASSEMBLY, K.PARTY_LESSON):
                make_activity(
                    db,
                    None,
                    kind=kind,
                    host_org_id=world.yi_one,
                    starts_at=datetime(2025, month, 20, 9),
                )
        if month < 12:
            make_activity(
                db,
                None,
                kind=K.THEME_PARTY_DAY,
                host_org_id=world.jia_two,
                starts_at=datetime(2025, month, 1, 9),
            )
    seat = (committees.Seat("王书记", CommitteePost.SECRETARY),)
    for org, no, elected, years in (
        (world.jia_two, 4, date(2023, 3, 15), 3),
        (world.yi_one, 2, date(2021, 1, 8), 5),
        (world.jia_one, 1, date(2024, 7, 1), 3),
    ):
        data = committees.CommitteeInput(org, no, elected, years, seat)
        committees.record_committee(db, data, today=date(2025, 1, 1))
    return world


def test_branch_life_table(
    db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["branch-life", "--db", str(db_arg(db)), "--year", "2025", "--as-of", "2026-01-10"]
    assert run(argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        "党支部            镇街  支部党员大会  支委会  党小组会  党课  主题党日  落后",
        "----------------  ----  ------------  ------  --------  ----  --------  ----",
        "乙一村党支部      乙镇  4/4           12/12   12/12     4/4   12/12     否",
        "甲二村党支部      甲镇  0/4           0/12    0/12      0/4   11/12     是",
        "甲一村党总支      甲镇  0/4           0/12    0/12      0/4   0/12      是",
        "甲一村第一党支部  甲镇  0/4           0/12    0/12      0/4   0/12      是",
        "共 4 个党支部，3 个落后（已开/应开，截至 2026-01-10）",
    ]
    assert run([*argv, "--town", "乙镇", "--behind"]) == 0
    assert capsys.readouterr().out.splitlines()[2:] == [
        "共 1 个党支部，0 个落后（已开/应开，截至 2026-01-10）"
    ]


def test_branch_life_json(
    db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "branch-life",
        "--db",
        str(db_arg(db)),
        "--year",
        "2025",
        "--town",
        "甲镇",
        "--json",
        "--as-of",
        "2026-01-10",
    ]
    assert run(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["year"], out["as_of"], out["town"]) == (2025, "2026-01-10", "甲镇")
    jia_two = out["branches"][0]
    assert jia_two["organization"] == "甲二村党支部" and jia_two["behind"] is True
    assert jia_two["kinds"]["theme_party_day"] == {
        "name": "主题党日",
        "interval_months": 1,
        "held": 11,
        "due": 12,
        "missed": 1,
        "behind": True,
        "months": [1] * 11 + [0],
    }


def test_branch_life_the_day_before_the_year_ends(
    db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]
) -> None:
    """The year's last 支委会 of 甲二村党支部 is held on 31 December: on the 30th it is not
    held yet, December's period still open (due, not missed)."""
    make_activity(
        db,
        None,
        kind=K.BRANCH_COMMITTEE,
        host_org_id=world.jia_two,
        starts_at=datetime(2025, 12, 31, 9),
    )
    argv = ["branch-life", "--db", str(db_arg(db)), "--year", "2025", "--town", "甲镇", "--json"]
    assert run([*argv, "--as-of", "2025-12-30"]) == 0
    committee = json.loads(capsys.readouterr().out)["branches"][0]["kinds"]["branch_committee"]
    assert (committee["held"], committee["due"], committee["missed"]) == (0, 12, 11)
    assert committee["months"] == [0] * 12
    assert run([*argv, "--as-of", "2025-12-31"]) == 0
    committee = json.loads(capsys.readouterr().out)["branches"][0]["kinds"]["branch_committee"]
    assert (committee["held"], committee["missed"], committee["months"][11]) == (1, 11, 1)


def test_branch_life_notice_pdf(
    db: Database, world: TwoTowns, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "通报.pdf"
    argv = [
        "branch-life",
        "--db",
        str(db_arg(db)),
        "--year",
        "2025",
        "--as-of",
        "2026-01-10",
        "-o",
        str(out),
    ]
    assert run(argv) == 0
    text = "".join(page_texts(out)).replace(" ", "").replace("\n", "")
    assert "全区2025年三会一课落实情况通报" in text
    assert "共有党支部4个，其中3个本年度未按要求落实三会一课，0个本期尚有会议未召开" in text
    assert (
        "甲二村党支部甲镇支部党员大会缺4次；支委会缺12次；党小组会缺12次；党课缺4次；主题党日缺1次"
        in text
    )
    assert "乙一村党支部乙镇" not in text  # it kept every meeting
    assert "二、本期尚未召开的会议序号党支部镇街待开会议（无）" in text


def test_terms_due(db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["terms", "due", "--db", str(db_arg(db)), "--as-of", "2026-01-10"]
    assert run(argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        "党组织        镇街  届次   选举日期    任期  届满日期    状态      天数",
        "------------  ----  -----  ----------  ----  ----------  --------  --------",
        "乙一村党支部  乙镇  第2届  2021-01-08  5年   2026-01-08  已超期    超期2天",
        "甲二村党支部  甲镇  第4届  2023-03-15  3年   2026-03-15  即将届满  还剩64天",
        "共 2 个党组织 6 个月内到期或已超期",
    ]
    assert run([*argv, "--within-months", "36", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["organization"], r["state"], r["due_on"]) for r in rows] == [
        ("乙一村党支部", "overdue", "2026-01-08"),
        ("甲二村党支部", "due", "2026-03-15"),
        ("甲一村党总支", "running", "2027-07-01"),
    ]
    assert rows[0]["members"] == [{"name": "王书记", "post": "书记"}]


def test_bad_input_is_one_sentence(db: Database, world: TwoTowns) -> None:
    with pytest.raises(UserError, match="没有位于“丙镇”的党组织"):
        run(["terms", "due", "--db", str(db_arg(db)), "--town", "丙镇"])
    with pytest.raises(UserError, match="--within-months"):
        run(["terms", "due", "--db", str(db_arg(db)), "--within-months", "-1"])


def test_terms_record_and_history(
    db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["terms", "record", "--db", str(db_arg(db)), "--organization", "甲二村党支部"]
    argv = [
        *base,
        "--term-no",
        "5",
        "--elected-on",
        "2026-03-10",
        "--years",
        "5",
        "--member",
        "书记:李明",
        "--member",
        "组织委员：陈红",
    ]
    assert run(argv) == 0
    assert capsys.readouterr().out == "已登记甲二村党支部第5届班子\n"
    assert run(["terms", "history", "--db", str(db_arg(db)), "--organization", "甲二村党支部"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "甲二村党支部",
        "届次   选举日期    任期  届满日期    班子成员",
        "-----  ----------  ----  ----------  ------------------------",
        "第5届  2026-03-10  5年   2031-03-10  书记 李明、组织委员 陈红",
        "第4届  2023-03-15  3年   2026-03-15  书记 王书记",
    ]
    with pytest.raises(UserError, match="应写成“职务：姓名”（如“书记：张三”）"):
        run(
            [
                *base,
                "--term-no",
                "6",
                "--elected-on",
                "2026-04-01",
                "--years",
                "3",
                "--member",
                "队长:王五",
            ]
        )
    with pytest.raises(UserError, match="第5届班子已登记"):
        run([*base, "--term-no", "5", "--elected-on", "2026-04-01", "--years", "3"])


def test_terms_record_refuses_a_number_that_skips_terms(
    db: Database, world: TwoTowns, capsys: pytest.CaptureFixture[str]
) -> None:
    """第20届 typed for 第3届 was recorded: 第3 to 19届 could never be added after it."""
    argv = [
        *("terms", "record", "--db", str(db_arg(db)), "--organization", "乙一村党支部"),
        *("--term-no", "20", "--elected-on", "2026-01-05", "--years", "5"),
        *("--member", "书记:李明"),
    ]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "错误：乙一村党支部上一届是第2届，第20届会跳过中间的届次且以后无法补登；"
        "确属跳号请加 --allow-gap。\n"
    )
    assert [r.term_no for r in committees.history(db, world.yi_one)] == [2]
    assert main([*argv, "--allow-gap"]) == 0
    assert capsys.readouterr().out == "已登记乙一村党支部第20届班子\n"
    assert [r.term_no for r in committees.history(db, world.yi_one)] == [20, 2]
