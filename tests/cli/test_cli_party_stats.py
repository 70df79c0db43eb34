"""``pbc stats members`` and ``pbc report appraisal``: the 党内统计 tables and the 评议结果
sheet on the command line, checked against counts made independently from the demo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pbc_desktop import lang
from pbc_desktop.cli import build_parser
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Appraisal, Organization
from pbc_desktop.errors import UserError
from tests.conftest import db_arg
from tests.demo_cache import demo_into
from tests.party_stats_recount import recount
from tests.pdf_helpers import page_texts

TODAY = date(2026, 6, 15)
YEAR = 2025


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    lang.set_language(args.lang)
    code: int = args.handler(args)
    return code


@pytest.fixture
def demo(db: Database) -> Database:
    demo_into(db, today=TODAY)
    return db


def test_json_equals_independent_counts_and_the_files_hold_them(
    demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with demo.read() as s:
        town = s.scalars(select(Organization.town).where(Organization.town.is_not(None))).first()
    assert town is not None
    base = ["stats", "members", "--db", str(db_arg(demo)), "--year", str(YEAR), "--town", town]
    xlsx = tmp_path / "统计.xlsx"
    assert run([*base, "--json", "-o", str(xlsx)]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = recount(demo, YEAR, town=town)
    assert printed["area"] == town
    assert printed["members"] == sum(expected["sex"].values()) > 0
    for key in ("sex", "ethnicity", "age", "education", "joined", "category", "field"):
        assert {k: v for k, v in printed[key].items() if v} == dict(expected[key]), key
    # the workbook: the same counts under each table's title
    ws = load_workbook(xlsx).active
    assert ws is not None
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[0][0] == f"{town}党内统计表（{YEAR}年度）"
    sex_at = next(i for i, row in enumerate(cells) if row[0] == "性别")
    assert cells[sex_at][1] == "人数"
    shown = {cells[i][0]: cells[i][1] for i in range(sex_at + 1, sex_at + 3)}
    assert shown == {"男": expected["sex"]["男"], "女": expected["sex"]["女"]}
    # the PDF: titles and counts in its text
    pdf = tmp_path / "统计.pdf"
    assert run([*base, "-o", str(pdf), "--invariant"]) == 0
    out = capsys.readouterr().out
    assert f"党员{printed['members']}名" in out and "30岁及以下" in out
    text = "".join(page_texts(pdf)).replace(" ", "")
    assert f"{town}党内统计表（{YEAR}年度）" in text
    assert f"党员{printed['members']}名" in text
    for label in ("30岁及以下", "大学本科", "党的十八大至二十大前", "预备党员", "党支部", "填报人"):
        assert label in text, label


def test_bad_input_is_one_sentence(demo: Database, tmp_path: Path) -> None:
    path = str(db_arg(demo))
    with pytest.raises(UserError, match="没有位于“无此镇”"):
        run(["stats", "members", "--db", path, "--town", "无此镇"])
    with pytest.raises(UserError, match=r"\.xlsx 或 \.pdf"):
        run(["stats", "members", "--db", path, "-o", str(tmp_path / "x.txt")])
    with pytest.raises(UserError, match="只用于 pbc stats members"):
        run(["stats", "--db", path, "--organization", "1"])
    with pytest.raises(SystemExit):
        run(["stats", "teams", "--db", path])


def test_report_appraisal_prints_the_sheet(
    demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pbc_desktop.services.appraisals.grid import appraisal_grid
    from pbc_desktop.services.appraisals.results import year_overview

    # the demo: last year's appraisal held by most organizations, not yet by a few
    overview = year_overview(demo, YEAR)
    held = [o for o in overview if o.held_on is not None]
    assert len(held) > len(overview) / 2 > 0
    assert any(o.held_on is None for o in overview)

    with demo.read() as s:
        appraisal = s.scalars(select(Appraisal).where(Appraisal.year == YEAR)).first()
        assert appraisal is not None
        org_id, name = appraisal.organization_id, appraisal.organization.name
    g = appraisal_grid(demo, org_id, YEAR)
    pdf = tmp_path / "评议.pdf"
    argv = ["report", "appraisal", "--db", str(db_arg(demo)), "--organization", name]
    assert run([*argv, "--year", str(YEAR), "-o", str(pdf)]) == 0
    assert "民主评议党员结果表" in capsys.readouterr().out
    text = "".join(page_texts(pdf)).replace(" ", "").replace("\n", "")
    assert f"{YEAR}年度民主评议党员结果表" in text
    assert f"参加评议党员{len(g.rows)}名" in text
    for row in g.rows[:5]:
        assert row.name in text
    assert "党组织书记" in text
    from pbc_desktop.domain.appraisals import AppraisalGrade

    for grade in AppraisalGrade:
        assert f"{grade.zh}{g.count(grade)}名" in text
