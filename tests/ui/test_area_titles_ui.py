"""The windows name a town's or a village's own database by its area, not 全区.

The 三会一课 window offered its whole as 全区 (and suggested 全区…通报.pdf), and the
accounts list said an administrator sees 全区, on a database holding one town's records.
The district's database, and one whose office is not set up, keep 全区 (Whole district).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.ui.accounts.manager import AccountsDialog
from pbc_desktop.ui.branch_life.window import BranchLifeWindow
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from tests.conftest import TEST_ADMIN
from tests.factories import make_org
from tests.qt_helpers import wait_loaded
from tests.scope_factories import VILLAGE_OFFICE, set_up_own_office

pytestmark = pytest.mark.usefixtures("loads_in_background")

WHOLE = "Whole district"  # the window's language in the tests (全区 in Chinese)
OFFICES = [
    pytest.param(None, WHOLE, id="no-office"),
    pytest.param(OrgLevel.DISTRICT, WHOLE, id="district"),
    pytest.param(OrgLevel.TOWN, "成田镇", id="town"),
    pytest.param(OrgLevel.VILLAGE, VILLAGE_OFFICE, id="village"),
]


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_branch_life_window_names_the_databases_area(
    qtbot: QtBot,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    office: OrgLevel | None,
    area: str,
) -> None:
    monkeypatch.setattr(BranchLifeWindow, "today", lambda _self: date(2026, 5, 25))
    make_org(db, "仙港村第一党支部", town="成田镇")
    set_up_own_office(db, office)
    window = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(window)
    wait_loaded(qtbot, window.meetings_load)
    assert window.town.itemText(0) == area and window.selected_town() is None
    suggested: list[Path] = []

    def ask(_parent: object, _title: str, path: Path) -> Path:
        suggested.append(path)
        return tmp_path / "通报.pdf"

    monkeypatch.setattr(prompts, "ask_save_path", ask)
    monkeypatch.setattr(prompts, "offer_folder", lambda *_a, **_k: None)
    assert window.save_notice() == tmp_path / "通报.pdf"
    assert [p.name for p in suggested] == [f"{area}2026年三会一课通报.pdf"]


@pytest.mark.parametrize(("office", "area"), OFFICES)
def test_the_accounts_list_says_what_an_administrator_sees(
    qtbot: QtBot, db: Database, office: OrgLevel | None, area: str
) -> None:
    set_up_own_office(db, office)
    dialog = AccountsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    names = [
        str(dialog.model.data(dialog.model.index(r, 0))) for r in range(dialog.model.rowCount())
    ]
    row = names.index(TEST_ADMIN)
    assert dialog.model.data(dialog.model.index(row, 4)) == area
