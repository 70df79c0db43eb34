"""The command line as a village account (``PBC_USER``): every report and export of
another town's organization, activity or letter is refused with one sentence (exit 2),
writes no file and names nothing of the other town."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pbc_desktop.cli import main
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.services.member_changes import transfers
from tests.conftest import add_account, db_arg
from tests.factories import make_activity
from tests.scope_factories import TwoTowns, two_towns


@pytest.fixture
def world(db: Database) -> TwoTowns:
    return two_towns(db)


def test_a_village_account_gets_no_report_of_another_town(
    db: Database,
    world: TwoTowns,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    activity = make_activity(db, world.yi_community, "乙镇例会", host_org_id=world.yi_one)
    letter = transfers.issue_transfer(
        db,
        world.member_yi_one,
        transfers.TransferInput(to_unit="外省某党支部", issued_on=date(2026, 3, 2)),
    )
    add_account(db, "cun", UserRole.VILLAGE, organization_id=world.jia_two)
    monkeypatch.setenv("PBC_USER", "cun")
    path = db_arg(db)
    out = tmp_path / "out"
    out.mkdir()
    for command in (
        ["report", "roster", "--organization", "乙一村党支部", "-o", str(out / "r.pdf")],
        ["report", "roster", "--organization", str(world.yi_one), "-o", str(out / "r.pdf")],
        ["report", "appraisal", "--organization", "乙一村党支部", "--year", "2025",
         "-o", str(out / "a.pdf")],
        ["report", "minutes", "--activity", str(activity), "-o", str(out / "m.pdf")],
        ["report", "signin", "--activity", str(activity), "-o", str(out / "s.pdf")],
        ["report", "transfer-letter", "--transfer", str(letter), "-o", str(out / "t.pdf")],
        ["export-members", str(out / "m.xlsx"), "--organization", "乙一村党支部"],
        ["terms", "history", "--organization", "乙一村党支部"],
        ["terms", "record", "--organization", "乙一村党支部", "--term-no", "2",
         "--elected-on", "2026-01-05", "--years", "5"],
        ["stats", "members", "--year", "2025", "--organization", "乙一村党支部"],
        ["activities", "--community", "乙镇共建", "--year", "2026"],
    ):  # fmt: skip
        code = main([*command, "--db", path])
        said, err = capsys.readouterr()
        assert (code, said) == (2, ""), command
        assert err.count("\n") == 1 and "Traceback" not in err, command
        assert "乙一党员" not in err and "外省" not in err, command
    assert not any(out.iterdir())


def test_info_counts_what_the_account_sees(
    db: Database,
    world: TwoTowns,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``pbc info`` gave a village account the whole district's counts (members, activities
    of every town), which every listing and chart keeps from it."""
    make_activity(db, world.yi_community, "乙镇例会", host_org_id=world.yi_one)
    make_activity(db, world.jia_community, "甲镇例会", host_org_id=world.jia_two)
    add_account(db, "cun", UserRole.VILLAGE, organization_id=world.jia_two)
    assert main(["info", "--db", db_arg(db)]) == 0
    whole = capsys.readouterr().out
    assert "党员：4" in whole and "活动：2" in whole and "党组织：6" in whole
    monkeypatch.setenv("PBC_USER", "cun")
    assert main(["info", "--db", db_arg(db)]) == 0
    said = capsys.readouterr().out
    assert "党员：1" in said and "活动：1" in said and "党组织：1" in said
    assert "党建共同体：2" in said  # 甲镇共建 and 跨镇共建, as its communities tab lists
