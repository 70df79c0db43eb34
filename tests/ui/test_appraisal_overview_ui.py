"""The year's appraisal overview in the appraisal window, and the 民主评议 reminder that
opens an organization's grid."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.domain.reminders import ReminderArea
from pbc_desktop.services.appraisals import grid
from pbc_desktop.ui.appraisals.dialog import AppraisalDialog
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel
from tests.factories import make_member, make_org
from tests.qt_helpers import double_click_row, stub_boxes, view_texts
from tests.scope_factories import town_actor, two_towns

YEAR = date.today().year - 1


@pytest.fixture(autouse=True)
def _boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_boxes(monkeypatch)


def _rows(dialog: AppraisalDialog) -> list[list[str]]:
    table = dialog.overview.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def test_overview_lists_held_and_not_held_and_opens_the_grid(qtbot: QtBot, db: Database) -> None:
    world = two_towns(db)
    extra = make_member(db, "甲二另一人", world.jia_two)
    grid.save_appraisal(
        db,
        grid.AppraisalInput(
            world.jia_two,
            YEAR,
            date(YEAR, 12, 20),
            grades={
                world.member_jia_two: AppraisalGrade.EXCELLENT,
                extra: AppraisalGrade.QUALIFIED,
            },
        ),
    )
    db.user = town_actor(db, "甲镇")
    dialog = AppraisalDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_overview(YEAR)
    assert dialog.overview.year() == YEAR
    assert not dialog.save_button.isVisible()
    rows = _rows(dialog)
    # the town's organizations only: held with its date and counts, or not held
    assert [r[1] for r in rows] == ["甲二村党支部", "甲一村党总支", "甲一村第一党支部"]
    assert rows[0] == ["甲镇", "甲二村党支部", "held", f"{YEAR}-12-20", "2", "1", "1", "0", "0"]
    assert rows[1][2:] == ["not held", "", "1", "0", "0", "0", "0"]
    assert "3" in dialog.overview.summary.text() and "1" in dialog.overview.summary.text()
    # double-click: the grid of that organization and year, opened once
    opened: list[tuple[int, int]] = []
    dialog.overview.open_grid.connect(lambda org, year: opened.append((org, year)))
    double_click_row(qtbot, dialog.overview.table, 1)
    assert opened == [(world.jia_one, YEAR)]
    assert dialog.tabs.currentIndex() == 0 and dialog.save_button.isVisible()
    assert dialog.organization_id() == world.jia_one
    assert dialog.year_spin.value() == YEAR
    assert [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())] == ["甲一党员"]
    # saving the grid updates the overview
    dialog.held_edit.setDate(QDate(YEAR, 12, 28))
    dialog.combo(0).set_grade(AppraisalGrade.QUALIFIED)
    assert dialog.save()
    row = next(r for r in _rows(dialog) if r[1] == "甲一村党总支")
    assert row[2:5] == ["held", f"{YEAR}-12-28", "1"] and row[6] == "1"
    # another year: nobody has held it
    dialog.show_overview(YEAR - 1)
    assert {r[2] for r in _rows(dialog)} == {"not held"}


def test_the_reminder_opens_the_organizations_grid_of_the_year(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    org = make_org(db, "上底村党支部")
    make_member(db, "张三", org)
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: date(YEAR + 1, 4, 3))
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    texts = view_texts(panel.table, 4)
    line = [
        "民主评议",
        "上底村党支部",
        f"{YEAR}年度民主评议党员未录入（1名党员）",
        "3 days overdue",
    ]
    assert line in texts
    panel.show()
    double_click_row(qtbot, panel.table, texts.index(line))
    window = panel._windows["appraisal"]
    assert isinstance(window, AppraisalDialog) and window.isVisible()
    assert window.organization_id() == org and window.year_spin.value() == YEAR
    assert window.table.item(0, 0).text() == "张三"  # type: ignore[union-attr]
    window.held_edit.setDate(QDate(YEAR, 12, 30))
    window.combo(0).set_grade(AppraisalGrade.QUALIFIED)
    assert window.save()
    assert all(r.area is not ReminderArea.APPRAISAL for r in panel.rows)  # entered: gone
    window.reject()
    qtbot.waitUntil(lambda: "appraisal" not in panel._windows)
