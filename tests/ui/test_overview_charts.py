"""The dashboard's month and project charts: figures, navigation, and the side panel."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, ListItem, ServiceList
from pbc_desktop.domain.enums import ActivityStatus, ItemStatus, ListKind
from pbc_desktop.domain.items import is_overdue
from pbc_desktop.services import stats
from pbc_desktop.ui.common.combos import select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.tab import OVERDUE, OverviewTab
from tests.listing_factories import TODAY, YEAR, seed
from tests.qt_helpers import wait_loaded

# The tab counts its figures off the UI thread, as in the program: each test waits for them.
pytestmark = pytest.mark.usefixtures("loads_in_background")


def test_chart_figures_match_the_tables(db: Database) -> None:
    seed(db)
    charts = stats.chart_figures(db, YEAR, today=TODAY)
    with db.read() as s:
        acts = list(s.scalars(select(Activity)))
        lists_ = {sl.id: sl for sl in s.scalars(select(ServiceList))}
        items = list(s.scalars(select(ListItem)))
    months = [0] * 12
    for a in acts:
        if a.starts_at.year == YEAR and a.status == ActivityStatus.HELD:
            months[a.starts_at.month - 1] += 1
    assert list(charts.activities_by_month) == months
    projects = [
        i
        for i in items
        if lists_[i.list_id].year == YEAR and lists_[i.list_id].kind == ListKind.PROJECT
    ]
    assert dict(charts.projects_by_status) == {
        st: sum(1 for i in projects if i.status == st) for st in ItemStatus
    }
    assert charts.projects_overdue == sum(
        1 for i in projects if is_overdue(i.status, i.deadline, TODAY)
    )


def test_month_and_project_bars_navigate(qtbot: QtBot, db: Database) -> None:
    seed(db)
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    select_data(tab.year_combo, YEAR, otherwise=0)
    assert tab.figures_load.busy and not tab.figures_scroll.isEnabled()  # greyed meanwhile
    wait_loaded(qtbot, tab.figures_load)
    assert tab.figures_scroll.isEnabled()
    seen: list[tuple[str, dict[str, Any]]] = []
    tab.navigate.connect(lambda key, filters: seen.append((key, filters)))
    march = tab.month_chart.month_rect(3).center().toPoint()
    qtbot.mouseClick(tab.month_chart, Qt.MouseButton.LeftButton, pos=march)
    assert seen[-1] == (
        "activities",
        {
            "year": YEAR,
            "status": ActivityStatus.HELD,
            "date_from": date(YEAR, 3, 1),
            "date_to": date(YEAR, 3, 31),
        },
    )
    bars = tab.project_chart.bars()
    assert [b.data for b in bars] == [*ItemStatus, OVERDUE]
    solved = tab.project_chart.bar_rect(3).center().toPoint()
    qtbot.mouseClick(tab.project_chart, Qt.MouseButton.LeftButton, pos=solved)
    assert seen[-1] == (
        "lists",
        {"year": YEAR, "list_kind": ListKind.PROJECT, "status": ItemStatus.SOLVED},
    )
    overdue = tab.project_chart.bar_rect(4).center().toPoint()
    qtbot.mouseClick(tab.project_chart, Qt.MouseButton.LeftButton, pos=overdue)
    assert seen[-1][1]["overdue_only"] is True
    qtbot.mouseClick(tab.month_chart, Qt.MouseButton.LeftButton, pos=QPoint(1, 1))
    assert seen[-1][1]["date_to"] == date(YEAR, 1, 31)


def test_side_panel_sits_beside_the_figures(qtbot: QtBot, db: Database) -> None:
    from tests.factories import make_activity, make_community, make_org

    make_activity(db, make_community(db, "共建", [make_org(db)]))  # in use: the figures
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    panel = QLabel("提醒")
    tab.add_side_panel(panel)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitExposed(tab)
    assert panel.parent() is tab.dashboard and panel.isVisible()
    assert panel.geometry().left() > tab.cards["communities"].geometry().right()


def test_the_area_choice_names_the_account_s_part_not_the_whole_district(
    qtbot: QtBot, db: Database
) -> None:
    from tests.factories import make_org
    from tests.scope_factories import town_actor, village_actor

    db.user = village_actor(db, make_org(db, "甲村党支部", town="陈店镇"))
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    assert tab.town_combo.itemText(0) == "甲村党支部"
    db.user = town_actor(db, "陈店镇")
    tab.refresh()
    assert tab.town_combo.itemText(0) == "陈店镇"


def test_the_overview_opens_on_this_year_not_a_later_one_of_planned_meetings(
    qtbot: QtBot, db: Database
) -> None:
    from datetime import date, datetime

    from pbc_desktop.domain.enums import ActivityStatus
    from pbc_desktop.ui.common.context import AppContext
    from pbc_desktop.ui.overview.tab import OverviewTab
    from tests.factories import make_activity, make_community, make_orgs

    this_year = date.today().year
    orgs = make_orgs(db, "甲村党支部", "乙村党支部")
    community = make_community(db, "甲乙共建", list(orgs))
    make_activity(
        db, community, "明年的联席会议", starts_at=datetime(this_year + 1, 3, 1, 9),
        status=ActivityStatus.PLANNED,
    )  # fmt: skip
    tab = OverviewTab(AppContext(db))
    qtbot.addWidget(tab)
    assert tab.year_combo.findData(this_year + 1) >= 0  # the later year can be chosen
    assert tab.year() == this_year


def test_a_bar_s_caption_is_not_cut_at_the_left(qtbot: QtBot) -> None:
    """The English "Under rectification" (整顿中) was wider than the 110 px left of the bars
    and lost its first letter; the captions take the room they need, up to half the chart."""
    from pbc_desktop.ui.overview.tab import Bar, BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_bars([Bar("Running", 11, None), Bar("Under rectification", 1, None)])
    needed = chart.fontMetrics().horizontalAdvance("Under rectification")
    assert chart.caption_width() - 6 >= needed
    chart.set_bars([Bar("运行中", 11, None)])
    assert chart.caption_width() == BarChart.CAPTION_WIDTH  # short ones: as before
    chart.resize(100, 200)
    chart.set_bars([Bar("Under rectification", 1, None)])
    assert chart.caption_width() <= max(50, BarChart.CAPTION_WIDTH)  # bars keep their room
