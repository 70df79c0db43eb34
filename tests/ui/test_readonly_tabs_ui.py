"""The read-only tabs: rows shown, typing narrows them, selection fills the detail pane,
the dashboard's cards navigate, and the table models keep Qt's model contract."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ActivityStatus, CoBuildType, ItemStatus, ListKind
from pbc_desktop.ui.activities.tab import ActivitiesTab
from pbc_desktop.ui.assessment.tab import AssessmentTab
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.common.listing_tab import SEARCH_DELAY_MS, ListingTab
from pbc_desktop.ui.lists.tab import ListsTab
from pbc_desktop.ui.members.tab import MembersTab
from pbc_desktop.ui.overview.tab import OverviewTab
from tests.listing_factories import TOWN_A, YEAR, seed
from tests.qt_helpers import wait_loaded


@pytest.fixture
def ctx(db: Database) -> AppContext:
    seed(db)
    return AppContext(db)


def shown(tab: ListingTab[Any], column: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method commits it."""
    edit.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClick(edit, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(edit, event)


def type_search(qtbot: QtBot, tab: ListingTab[Any], text: str) -> None:
    with qtbot.waitSignal(tab.model.modelReset, timeout=SEARCH_DELAY_MS * 10):
        type_text(qtbot, tab.search_edit, text)
    assert tab.search_edit.text() == text


# (tab class, search text, column holding the expected text, expected rows, detail word)
CASES = [
    (MembersTab, "1234", 0, ["陈伟"], "Service hours\n3.5"),
    (ActivitiesTab, "党务", 2, ["基层党务培训班"], "每月集中学习一次"),
    (ListsTab, "助老", 3, ["助老服务"], "已上门12户"),
    (AssessmentTab, "东泰", 0, ["东泰党建共同体"], "班子健全"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0].__name__)
def test_tab_lists_filters_and_shows_detail(
    qtbot: QtBot, ctx: AppContext, case: tuple[type[ListingTab[Any]], str, int, list[str], str]
) -> None:
    cls, search, column, expected, detail = case
    tab = cls(ctx)
    qtbot.addWidget(tab)
    tab.show()
    key = tab.key
    assert tab.findChild(QWidget, f"{key}Splitter") is tab.splitter
    before = tab.model.rowCount()
    assert before > len(expected)
    assert tab.count_label.text().endswith(str(before))
    type_search(qtbot, tab, search)
    assert shown(tab, column) == expected
    assert tab.count_label.text().endswith(str(len(expected)))
    tab.table.selectRow(0)
    assert detail in tab.detail.toPlainText()
    tab.search_edit.clear()
    tab.reload()
    assert tab.model.rowCount() == before


def test_members_are_masked_on_screen(qtbot: QtBot, ctx: AppContext) -> None:
    tab = MembersTab(ctx)
    qtbot.addWidget(tab)
    cells = {c for col in range(tab.model.columnCount()) for c in shown(tab, col)}
    assert "**************1234" in cells
    assert "138****5678" in cells
    assert not any("19900101" in c for c in cells)
    tab.select_id(tab.model.rows()[shown(tab, 0).index("陈伟")].id)
    text = tab.detail.toPlainText()
    assert "**************1234" in text
    assert "19900101" not in text


def test_member_filters_from_the_dashboard(qtbot: QtBot, ctx: AppContext) -> None:
    tab = MembersTab(ctx)
    qtbot.addWidget(tab)
    tab.apply_filters(reported=True, report_town=TOWN_A)
    assert shown(tab, 0) == ["陈伟"]
    assert tab.extra_label.text()
    assert not tab.clear_extra_button.isHidden()
    qtbot.mouseClick(tab.clear_extra_button, Qt.MouseButton.LeftButton)
    assert sorted(shown(tab, 0)) == ["陈伟", "黄强"]  # the 'reported' combo stays
    assert tab.clear_extra_button.isHidden()
    tab.reported_combo.setCurrentIndex(0)
    assert tab.model.rowCount() == 4


def test_activities_newest_first_and_filtered_by_combo(qtbot: QtBot, ctx: AppContext) -> None:
    tab = ActivitiesTab(ctx)
    qtbot.addWidget(tab)
    dates = shown(tab, 0)
    assert dates == sorted(dates, reverse=True)
    tab.kind_combo.setCurrentIndex(1)  # all trainings
    assert set(shown(tab, 2)) == {"基层党务培训班", "七一主题党课", "取消的培训", "去年的培训"}
    tab.apply_filters(year=YEAR, status=ActivityStatus.HELD, training_only=True)
    assert set(shown(tab, 2)) == {"基层党务培训班", "七一主题党课"}
    row = shown(tab, 2).index("基层党务培训班")
    assert (shown(tab, 7)[row], shown(tab, 8)[row]) == ("3", "2")  # 应到 / 实到


def test_lists_show_overdue_and_filter_by_status(qtbot: QtBot, ctx: AppContext) -> None:
    tab = ListsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 6
    tab.apply_filters(overdue_only=True)
    # The screen uses the real today, long after every 2024 deadline of the data set.
    assert set(shown(tab, 3)) == {"路灯维修", "电商培训", "助老服务"}
    assert set(shown(tab, 4)) == {"逾期"}
    tab.apply_filters(year=YEAR, list_kind=ListKind.PROJECT, claimed=True)
    assert set(shown(tab, 3)) == {"助老服务", "环境整治"}
    tab.apply_filters(status=ItemStatus.SOLVED)
    assert set(shown(tab, 3)) == {"修缮文化室", "环境整治"}


def test_assessment_ranking(qtbot: QtBot, ctx: AppContext) -> None:
    tab = AssessmentTab(ctx)
    qtbot.addWidget(tab)
    assert tab.year_combo.currentData() == YEAR
    assert shown(tab, 0) == ["文光党建共同体", "东泰党建共同体"]
    assert shown(tab, 1) == ["92", "58"]
    assert shown(tab, 3) == ["示范点", "规范整顿"]
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(tab, 0) == sorted(shown(tab, 0))


def test_unsortable_column_keeps_the_sort_arrow(qtbot: QtBot, ctx: AppContext) -> None:
    tab = MembersTab(ctx)
    qtbot.addWidget(tab)
    header = tab.table.horizontalHeader()
    tab.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # gender: not sortable
    assert header.sortIndicatorSection() == 0


@pytest.mark.parametrize("cls", [MembersTab, ActivitiesTab, ListsTab, AssessmentTab])
def test_table_models_keep_the_qt_contract(
    qtbot: QtBot, ctx: AppContext, qtmodeltester: Any, cls: type[ListingTab[Any]]
) -> None:
    tab = cls(ctx)
    qtbot.addWidget(tab)
    qtmodeltester.check(tab.model)


# -- overview -------------------------------------------------------------------------------
@pytest.mark.usefixtures("loads_in_background")
def test_overview_shows_the_figures(qtbot: QtBot, ctx: AppContext) -> None:
    tab = OverviewTab(ctx)
    qtbot.addWidget(tab)
    tab.apply_filters(year=YEAR)
    wait_loaded(qtbot, tab.figures_load)
    assert tab.cards["trainings"].value() == 2
    assert tab.cards["trainees"].value() == 65
    assert tab.cards["service_centres"].value() == 2
    assert tab.cards["overdue_items"].value() >= 2
    assert {b.data: b.value for b in tab.type_chart.bars()}[CoBuildType.CROSS_REGION] == 1
    tab.town_combo.setCurrentIndex(tab.town_combo.findData(TOWN_A))
    wait_loaded(qtbot, tab.figures_load)
    assert tab.cards["service_centres"].value() == 1
    assert tab.cards["members_reported"].value() == 1


@pytest.mark.usefixtures("loads_in_background")
def test_overview_card_click_navigates(qtbot: QtBot, ctx: AppContext) -> None:
    tab = OverviewTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.apply_filters(year=YEAR, town=TOWN_A)
    wait_loaded(qtbot, tab.figures_load)
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(tab.cards["overdue_items"], Qt.MouseButton.LeftButton)
    assert blocker.args == ["lists", {"overdue_only": True, "town": TOWN_A}]
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(tab.cards["trainings"], Qt.MouseButton.LeftButton)
    assert blocker.args == [
        "activities",
        {"year": YEAR, "status": ActivityStatus.HELD, "town": TOWN_A, "training_only": True},
    ]
    chart = tab.type_chart
    index = [b.data for b in chart.bars()].index(CoBuildType.CROSS_LEVEL)
    center = chart.bar_rect(index).center().toPoint()
    with qtbot.waitSignal(tab.navigate) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(center))
    assert blocker.args == [
        "communities",
        {"cobuild_type": CoBuildType.CROSS_LEVEL, "town": TOWN_A},
    ]


def test_every_card_target_lists_what_it_counts(qtbot: QtBot, ctx: AppContext) -> None:
    overview = OverviewTab(ctx)
    qtbot.addWidget(overview)
    overview.apply_filters(year=YEAR)
    tabs: dict[str, ListingTab[Any]] = {
        "members": MembersTab(ctx),
        "activities": ActivitiesTab(ctx),
        "lists": ListsTab(ctx),
    }
    for tab in tabs.values():
        qtbot.addWidget(tab)
    checked = 0
    for card_key, card in overview.cards.items():
        tab_key, filters = overview.card_target(card_key)
        if tab_key not in tabs or card_key in ("trainees", "lists_signed"):
            continue  # person-times and lists: the tab lists the activities and items behind
        tabs[tab_key].apply_filters(**filters)
        assert tabs[tab_key].model.total() == card.value(), card_key
        checked += 1
    assert checked == 6
