"""The window offers only what the signed-in account may do: every write action of every
tab, panel and menu is disabled (its tooltip saying why) when the account may not use it,
and for a record follows the selection; shortcuts and double-clicks follow the same state.
The services refuse on their own as well (tests/services/*_scope.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import FundDirection, FundSource, ListKind
from pbc_desktop.services import access, funds, member_editing
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.lists import editing as list_editing
from pbc_desktop.ui.activities.tab import ActivitiesTab
from pbc_desktop.ui.activities.venues_dialog import VenuesDialog
from pbc_desktop.ui.assessment.scoring_dialog import ScoringDialog
from pbc_desktop.ui.assessment.tab import AssessmentTab
from pbc_desktop.ui.common.listing_tab import ListingTab
from pbc_desktop.ui.common.write_guard import WriteGuard
from pbc_desktop.ui.communities.tab import CommunitiesTab
from pbc_desktop.ui.lists.tab import ListsTab
from pbc_desktop.ui.members.tab import MembersTab
from pbc_desktop.ui.shell.main_window import MainWindow
from tests.factories import make_activity
from tests.qt_helpers import Boxes, stub_boxes
from tests.scope_factories import (
    TwoTowns,
    district_actor,
    town_actor,
    town_venues,
    two_towns,
    viewer_actor,
    village_actor,
)

#: The write actions each part of the window has (by object name): all of them guarded.
WRITE_ACTIONS = {
    "mainImportMembers",
    "mainRestore",
    "mainExchangeSend",
    "mainExchangeReceive",
    "mainExchangeConflicts",
    "mainExchangeLog",
    "communitiesNew",
    "communitiesEdit",
    "communitiesDelete",
    "communitiesLifecycle",
    "organizationsNew",
    "organizationsEdit",
    "organizationsDelete",
    "membersNew",
    "membersEdit",
    "membersDelete",
    "membersImport",
    "membersPostsReport",
    "membersPostsEdit",
    "membersPostsEnd",
    "membersPostsResume",
    "membersPostsDelete",
    "membersPostsAddService",
    "membersPostsEditService",
    "membersPostsDeleteService",
    "membersPostsEvaluate",
    "membersPostsClearEvaluation",
    "activitiesNew",
    "activitiesEdit",
    "activitiesDelete",
    "listsNewList",
    "listsEditList",
    "listsDeleteList",
    "listsSignList",
    "listsNewItem",
    "listsEditItem",
    "listsDeleteItem",
    "listsClaim",
    "listsStart",
    "listsSupervise",
    "listsSolve",
    "listsReopen",
    "listsFundsIncome",
    "listsFundsExpense",
    "listsFundsEdit",
    "listsFundsDelete",
    "assessmentNewSet",
    "assessmentStart",
    "assessmentDemonstration",
    "assessmentRectify",
    "assessmentFinish",
    "assessmentReopen",
    "overviewRemindersRules",
}


@dataclass
class World:
    towns: TwoTowns
    by_jia_two: int  # an activity of 跨镇共建 hosted by 甲二村
    by_yi_one: int  # one hosted by 乙一村
    list_id: int  # of 跨镇共建
    jia_two_venue: int
    yi_venue: int  # opened to 跨镇共建


@pytest.fixture
def world(db: Database) -> World:
    w = two_towns(db)
    db.user = district_actor(db)
    list_id = list_editing.create_list(
        db, list_editing.ListInput(w.cross_community, ListKind.PROJECT, "跨镇项目清单", 2024)
    )
    list_editing.add_item(db, list_id, list_editing.ItemInput("修缮活动室"))
    funds.add_entry(
        db,
        funds.FundInput(
            w.cross_community, FundDirection.INCOME, date(2024, 3, 1), 100_00, FundSource.RAISED
        ),
    )
    indicator_sets.create_indicator_set(db, 2024)
    scoring.start_assessment(db, w.jia_community, 2024)
    jia_two_venue, yi_venue = town_venues(db, w)
    return World(
        towns=w,
        by_jia_two=make_activity(db, w.cross_community, "甲二办", host_org_id=w.jia_two),
        by_yi_one=make_activity(db, w.cross_community, "乙一办", host_org_id=w.yi_one),
        list_id=list_id,
        jia_two_venue=jia_two_venue,
        yi_venue=yi_venue,
    )


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


def window_of(qtbot: QtBot, db: Database, world: World) -> MainWindow:
    """The window with every tab built, a row selected in each, 跨镇共建 chosen for lists."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    for key in window.tab_keys():
        tab = window.show_tab(key)
        if isinstance(tab, ListsTab):
            index = tab.community_combo.findData(world.towns.cross_community)
            tab.community_combo.setCurrentIndex(index)
            tab.funds_panel.set_community(world.towns.cross_community)
            tab.funds_panel.table.selectRow(0)
            tab.lists_table.selectRow(0)
        if isinstance(tab, ListingTab):
            tab.select_first()
    return window


def guarded(window: QWidget) -> dict[str, tuple[QWidget, str | None]]:
    """Every guarded action of the window by object name, with why it is refused now."""
    found: dict[str, tuple[QWidget, str | None]] = {}
    for guard in window.findChildren(WriteGuard):
        for target, refusal in guard.refusals():
            found[target.objectName()] = (target, refusal)  # type: ignore[assignment]
    return found


def test_a_viewer_sees_every_write_action_disabled_and_why(
    qtbot: QtBot, db: Database, world: World, boxes: Boxes
) -> None:
    db.user = viewer_actor(db, town="甲镇")
    window = window_of(qtbot, db, world)
    actions = guarded(window)
    assert set(actions) >= WRITE_ACTIONS
    for name, (target, refusal) in actions.items():
        assert refusal is not None, name
        assert not target.isEnabled(), name
        assert target.toolTip() == refusal, name
    assert "没有权限修改数据" in actions["membersEdit"][1]  # type: ignore[operator]
    assert "指标体系" in actions["assessmentNewSet"][1]  # type: ignore[operator]
    # The keys do nothing either: no question asked, nothing deleted.
    members = window.show_tab("members")
    assert isinstance(members, MembersTab)
    members.select_first()
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Delete)
    qtbot.keyClick(members.table, Qt.Key.Key_F2)
    assert boxes.shown == [] and members.active_dialog is None
    assert members.model.total() == 3  # 甲镇's three members


def test_the_district_may_use_every_write_action(qtbot: QtBot, db: Database, world: World) -> None:
    db.user = district_actor(db)
    window = window_of(qtbot, db, world)
    actions = guarded(window)
    assert set(actions) >= WRITE_ACTIONS
    assert {name for name, (_t, refusal) in actions.items() if refusal is not None} == set()
    for name in ("communitiesNew", "communitiesEdit", "membersEdit", "activitiesDelete"):
        assert actions[name][0].isEnabled(), name


def test_a_village_changes_its_own_row_and_only_looks_at_another_office_s(
    qtbot: QtBot, db: Database, world: World, boxes: Boxes
) -> None:
    db.user = village_actor(db, world.towns.jia_two)  # takes part in 跨镇共建 (乙镇 leads it)
    window = window_of(qtbot, db, world)
    tab = window.show_tab("activities")
    assert isinstance(tab, ActivitiesTab)
    assert tab.new_button.isEnabled()
    assert tab.select_id(world.by_jia_two)
    assert tab.edit_button.isEnabled() and tab.delete_button.isEnabled()
    assert tab.select_id(world.by_yi_one)  # seen in the shared community, 乙一村's
    assert not tab.edit_button.isEnabled() and not tab.delete_button.isEnabled()
    assert tab.edit_button.toolTip() == access.not_own().message
    tab.table.doubleClicked.emit(tab.table.currentIndex())
    assert tab.active_dialog is None  # double-click does not open what may not be changed
    assert tab.select_id(world.by_jia_two)
    assert tab.edit_button.isEnabled()

    communities = window.show_tab("communities")
    assert isinstance(communities, CommunitiesTab)
    assert not communities.new_button.isEnabled()
    assert communities.select_id(world.towns.cross_community)
    assert not communities.edit_button.isEnabled()
    assert communities.edit_button.toolTip() == access.kept_by_town().message

    lists = window.show_tab("lists")
    assert isinstance(lists, ListsTab)  # it takes part: its lists are its to keep too
    assert lists.new_list_button.isEnabled() and lists.edit_list_button.isEnabled()
    assert lists.funds_panel.income_button.isEnabled()

    members = window.show_tab("members")
    assert isinstance(members, MembersTab)
    assert members.select_id(world.towns.member_jia_two)
    assert members.edit_button.isEnabled() and members.posts_panel.report_button.isEnabled()
    assert member_editing.change_refusal(db, world.towns.member_jia_two) is None

    dialog = VenuesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    names = [dialog.ui.venueList.item(i).text() for i in range(dialog.ui.venueList.count())]
    dialog.ui.venueList.setCurrentRow(names.index("甲二村党群服务中心"))
    assert dialog.ui.saveButton.isEnabled() and dialog.ui.deleteButton.isEnabled()
    dialog.ui.venueList.setCurrentRow(names.index("乙镇党群服务中心"))
    assert not dialog.ui.saveButton.isEnabled() and not dialog.ui.deleteButton.isEnabled()
    assert dialog.ui.saveButton.toolTip() == access.not_own().message
    assert dialog.ui.newButton.isEnabled()


def test_a_town_only_views_the_scores_of_a_community_another_town_leads(
    qtbot: QtBot, db: Database, world: World
) -> None:
    cross = scoring.start_assessment(db, world.towns.cross_community, 2024)  # by the district
    db.user = town_actor(db, "甲镇")
    tab = window_of(qtbot, db, world).show_tab("assessment")
    assert isinstance(tab, AssessmentTab)
    assert not tab.new_set_button.isEnabled()  # the district's
    assert tab.select_id(cross)
    assert tab.score_button.isEnabled() and tab.score_button.text() == "&View scores..."
    assert not tab.finish_button.isEnabled()
    assert tab.finish_button.toolTip() == access.not_own().message
    dialog = ScoringDialog(tab.ctx, cross, tab)
    qtbot.addWidget(dialog)
    assert dialog.read_only and dialog.ui.statusLabel.text() == access.not_own().message
    assert not any(spin.isEnabled() for spin in dialog.spins.values())
    assert not dialog.ui.finishButton.isVisible()
    own = next(r.id for r in tab.model.rows() if r.community_id == world.towns.jia_community)
    assert tab.select_id(own)
    assert tab.score_button.text() == "&Score..." and tab.finish_button.isEnabled()
    dialog = ScoringDialog(tab.ctx, own, tab)
    qtbot.addWidget(dialog)
    assert not dialog.read_only and all(spin.isEnabled() for spin in dialog.spins.values())
    assert not dialog.ui.outcomeCombo.isEnabled()  # 示范点 and 整顿 are the district's
