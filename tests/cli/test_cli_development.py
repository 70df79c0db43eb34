"""``pbc development due``: the pipeline's late and due people on the command line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pbc_desktop import lang
from pbc_desktop.cli import build_parser
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.errors import UserError
from tests.conftest import db_arg
from tests.development_factories import make_record
from tests.factories import make_org


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    lang.set_language(args.lang)
    code: int = args.handler(args)
    return code


def test_due_and_late_as_json_and_as_a_table(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    jia = make_org(db, "甲村党支部", town="甲镇")
    yi = make_org(db, "乙村党支部", town="乙镇")
    make_record(db, "甲迟", jia, Stage.ACTIVIST, activist_on=date(2025, 1, 1))
    make_record(db, "乙迟", yi, Stage.ACTIVIST, activist_on=date(2025, 1, 1))
    make_record(db, "甲新", jia, Stage.ACTIVIST, activist_on=date(2026, 11, 1))
    path = str(db_arg(db))
    assert run(["development", "due", "--db", path, "--late", "--town", "甲镇", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in printed] == ["甲迟"]
    assert printed[0]["next_step"] == "review"
    assert printed[0]["days_overdue"] > 0
    assert run(["development", "due", "--db", path, "--all", "--stage", "入党积极分子"]) == 0
    out = capsys.readouterr().out
    assert "甲新" in out
    assert "乙迟" in out
    assert "共 3 人" in out
    with pytest.raises(UserError, match="丙镇"):
        run(["development", "due", "--db", path, "--town", "丙镇"])
