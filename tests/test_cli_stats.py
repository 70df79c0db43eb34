"""``pbc stats``: the dashboard's figures on the command line, checked against the tables."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from pbc_desktop import cli_assessment, lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Claim,
    Community,
    CommunityMember,
    CommunityType,
    CommunityVenue,
    ListItem,
    Organization,
    PostReport,
    ServiceList,
    Venue,
)
from pbc_desktop.domain.enums import (
    ActivityStatus,
    CoBuildType,
    CommunityStatus,
    ItemStatus,
    ListKind,
    PostReportStatus,
    VenueKind,
)
from pbc_desktop.errors import UserError
from pbc_desktop.services.lists import is_overdue
from tests.listing_factories import TOWN_A, YEAR, seed


def run(argv: list[str]) -> int:
    """Parse like ``pbc`` does (the same common options) and run the handler."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path)
    common.add_argument("--lang", choices=lang.SUPPORTED, default="zh")
    common.add_argument("--actor", default="cli")
    parser = argparse.ArgumentParser(prog="pbc")
    sub = parser.add_subparsers(dest="command", required=True)
    cli_assessment.register(sub, common)
    report = sub.add_parser("report").add_subparsers(dest="report", required=True)
    cli_assessment.add_report_commands(report, common)
    args = parser.parse_args(argv)
    lang.set_language(args.lang)
    code: int = args.handler(args)
    return code


def expected(db: Database, year: int, town: str | None) -> dict[str, object]:
    """Every figure counted in plain Python from whole tables (today: the real date)."""
    from datetime import date

    today = date.today()
    with db.read() as s:
        orgs = {o.id: o for o in s.scalars(select(Organization))}
        communities = list(s.scalars(select(Community)))
        cm = list(s.scalars(select(CommunityMember)))
        types = list(s.scalars(select(CommunityType)))
        cv = list(s.scalars(select(CommunityVenue)))
        venues = {v.id: v for v in s.scalars(select(Venue))}
        acts = list(s.scalars(select(Activity)))
        reports = list(s.scalars(select(PostReport)))
        lists_ = {sl.id: sl for sl in s.scalars(select(ServiceList))}
        items = list(s.scalars(select(ListItem)))
        claimed = {c.item_id for c in s.scalars(select(Claim))}
    scope = {c.id for c in communities}
    if town:
        scope = {
            m.community_id for m in cm if m.left_on is None and orgs[m.organization_id].town == town
        }
    live = {c.id for c in communities if c.id in scope and c.status != CommunityStatus.REVOKED}
    year_acts = [
        a
        for a in acts
        if a.starts_at.year == year
        and a.status != ActivityStatus.CANCELLED
        and (town is None or a.community_id in scope)
    ]
    held = [a for a in year_acts if a.status == ActivityStatus.HELD]
    trainings = [a for a in held if a.kind.is_training]
    mine = [i for i in items if town is None or lists_[i.list_id].community_id in scope]
    year_items = [i for i in mine if lists_[i.list_id].year == year]
    return {
        "year": year,
        "town": town,
        "communities": len(live),
        "communities_by_type": {
            t.value: len({x.community_id for x in types if x.type == t and x.community_id in live})
            for t in CoBuildType
        },
        "communities_by_status": {
            st.value: sum(1 for c in communities if c.id in scope and c.status == st)
            for st in CommunityStatus
        },
        "member_organizations": len(
            {m.organization_id for m in cm if m.left_on is None and m.community_id in live}
        ),
        "service_centres": len(
            {
                x.venue_id
                for x in cv
                if x.community_id in live and venues[x.venue_id].kind == VenueKind.SERVICE_CENTRE
            }
        ),
        "activities": len(year_acts),
        "activities_held": len(held),
        "trainings": len(trainings),
        "trainees": sum(a.trainee_count for a in trainings),
        "members_reported": len(
            {
                r.member_id
                for r in reports
                if r.status == PostReportStatus.ACTIVE and (town is None or r.community_id in scope)
            }
        ),
        "lists_signed": sum(
            1
            for sl in lists_.values()
            if sl.year == year
            and sl.signed_on is not None
            and (town is None or sl.community_id in scope)
        ),
        "projects_claimed": sum(
            1 for i in year_items if lists_[i.list_id].kind == ListKind.PROJECT and i.id in claimed
        ),
        "problems_solved": sum(1 for i in year_items if i.status == ItemStatus.SOLVED),
        "overdue_items": sum(1 for i in mine if is_overdue(i.status, i.deadline, today)),
    }


@pytest.mark.parametrize("town", [None, TOWN_A])
def test_stats_json_equals_independent_counts(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str], town: str | None
) -> None:
    seed(db)
    path = db.path
    if path is None:
        pytest.skip("the command line opens a SQLite file")
    argv = ["stats", "--db", str(path), "--year", str(YEAR), "--json"]
    if town:
        argv += ["--town", town]
    assert run(argv) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == expected(db, YEAR, town)
    assert printed["communities"] > 0


def test_stats_table_and_unknown_town(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db)
    path = db.path
    if path is None:
        pytest.skip("the command line opens a SQLite file")
    assert run(["stats", "--db", str(path), "--year", str(YEAR)]) == 0
    out = capsys.readouterr().out
    assert "党建共同体(个)" in out and "逾期事项(个)" in out
    with pytest.raises(UserError, match="没有名为"):
        run(["stats", "--db", str(path), "--year", str(YEAR), "--town", "火星镇"])


def test_report_assessment_command(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from pbc_desktop.services import assessments as svc
    from tests.assessment_factories import running_communities, score_all

    path = db.path
    if path is None:
        pytest.skip("the command line opens a SQLite file")
    svc.create_indicator_set(db, YEAR)
    (cid,) = running_communities(db, "文光党建共同体")
    score_all(db, svc.start_assessment(db, cid, YEAR), 0.8)
    out = tmp_path / "report.pdf"
    argv = ["report", "assessment", "--db", str(path), "--year", str(YEAR), "-o", str(out)]
    assert run([*argv, "--quiet", "--invariant"]) == 0
    assert str(out) in capsys.readouterr().out
    text = "".join(p.extract_text() or "" for p in PdfReader(str(out)).pages)
    assert "文光党建共同体" in text
    with pytest.raises(UserError):
        run([*argv[:-2], "--year", str(YEAR + 1), "-o", str(tmp_path / "none.pdf")])
