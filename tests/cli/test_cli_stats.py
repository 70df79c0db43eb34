"""``pbc stats``: the dashboard's figures on the command line, checked against the tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pbc_desktop import lang
from pbc_desktop.cli import build_parser
from pbc_desktop.db.engine import Database
from pbc_desktop.errors import UserError
from tests.conftest import TEST_ADMIN, db_arg
from tests.factories import make_org
from tests.listing_factories import TOWN_A, YEAR, seed
from tests.stats_recount import recount


def run(argv: list[str]) -> int:
    """Parse with ``pbc``'s own parser and run the handler (a UserError is not caught)."""
    args = build_parser().parse_args(argv)
    lang.set_language(args.lang)
    code: int = args.handler(args)
    return code


def expected(db: Database, year: int, town: str | None) -> dict[str, object]:
    """Every figure counted in plain Python from whole tables (today: the real date)."""
    from datetime import date

    counts = recount(db, year, town, date.today())
    by_type = counts.pop("by_type")
    by_status = counts.pop("by_status")
    assert isinstance(by_type, dict) and isinstance(by_status, dict)
    communities = counts.pop("communities")
    return {
        "year": year,
        "town": town,
        "communities": communities,
        "communities_by_type": {t.value: n for t, n in by_type.items()},
        "communities_by_status": {st.value: n for st, n in by_status.items()},
        **counts,
    }


@pytest.mark.parametrize("town", [None, TOWN_A])
def test_stats_json_equals_independent_counts(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str], town: str | None
) -> None:
    seed(db)
    path = db_arg(db)
    argv = ["stats", "--db", str(path), "--year", str(YEAR), "--json"]
    if town:
        argv += ["--town", town]
    assert run(argv) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == expected(db, YEAR, town)
    assert printed["communities"] > 0


def test_stats_table_and_unknown_town(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db)
    path = db_arg(db)
    assert run(["stats", "--db", str(path), "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert "党建共同体（个）" in out and "逾期事项（个）" in out
    with pytest.raises(UserError, match="没有位于“火星镇”的党组织"):
        run(["stats", "--db", str(path), "--year", str(YEAR), "--town", "火星镇"])


def test_report_assessment_command(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from pbc_desktop.services.assessments import indicator_sets, scoring
    from tests.assessment_factories import running_communities, score_all

    path = db_arg(db)
    indicator_sets.create_indicator_set(db, YEAR)
    (cid,) = running_communities(db, "文光党建共同体")
    score_all(db, scoring.start_assessment(db, cid, YEAR), 0.8)
    out = tmp_path / "report.pdf"
    argv = ["report", "assessment", "--db", str(path), "--year", str(YEAR), "-o", str(out)]
    assert run([*argv, "--quiet", "--invariant"]) == 0
    assert str(out) in capsys.readouterr().out
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "文光党建共同体" in text
    with pytest.raises(UserError):
        run([*argv[:-2], "--year", str(YEAR + 1), "-o", str(tmp_path / "none.pdf")])


def test_a_town_or_village_account_s_figures_are_headed_with_its_part(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not 全区: the figures are those of the account's scope, and so is the heading (and
    the printed assessment report's, which shares it)."""
    from pbc_desktop.domain.enums import UserRole
    from tests.conftest import add_account

    seed(db)
    path = db_arg(db)
    org = make_org(db, "甲村党支部", town="陈店镇")
    add_account(db, "zhen", UserRole.TOWN, town=TOWN_A)
    add_account(db, "cun", UserRole.VILLAGE, organization_id=org)
    for user, heading in (("zhen", TOWN_A), ("cun", "甲村党支部"), (TEST_ADMIN, "全区")):
        monkeypatch.setenv("PBC_USER", user)
        assert run(["stats", "--db", str(path), "--year", str(YEAR)]) == 0
        assert capsys.readouterr().out.splitlines()[0] == f"{YEAR} 年 · {heading}"
