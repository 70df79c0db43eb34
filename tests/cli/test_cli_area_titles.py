"""``pbc stats`` and ``pbc user list`` name a town's or a village's database by its area.

With no town chosen, ``pbc stats`` headed its table 全区, and an account tied to no
organization or town was listed as seeing 全区, on a database holding one town's records.
The district's database, and one whose office is not set up, keep 全区.
"""

from __future__ import annotations

import pytest

from pbc_desktop.cli import main
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from tests.conftest import TEST_ADMIN, db_arg
from tests.factories import make_org
from tests.scope_factories import VILLAGE_OFFICE, set_up_own_office

OFFICES = [
    pytest.param(None, "全区", id="no-office"),
    pytest.param(OrgLevel.DISTRICT, "全区", id="district"),
    pytest.param(OrgLevel.TOWN, "成田镇", id="town"),
    pytest.param(OrgLevel.VILLAGE, VILLAGE_OFFICE, id="village"),
]


def _named(text: str, area: str) -> None:
    assert area in text
    if area != "全区":
        assert "全区" not in text


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_stats_table_is_headed_with_the_databases_area(
    db: Database, capsys: pytest.CaptureFixture[str], office: OrgLevel | None, area: str
) -> None:
    make_org(db, "仙港村第一党支部", town="成田镇")
    set_up_own_office(db, office)
    assert main(["stats", "--db", db_arg(db), "--year", "2026"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"2026 年 · {area}"


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_account_list_says_what_an_administrator_sees(
    db: Database, capsys: pytest.CaptureFixture[str], office: OrgLevel | None, area: str
) -> None:
    set_up_own_office(db, office)
    assert main(["user", "list", "--db", db_arg(db)]) == 0
    (admin,) = [line for line in capsys.readouterr().out.splitlines() if TEST_ADMIN in line]
    _named(admin, area)
