"""The 三会一课与换届 window: the town list, a branch's year, the 通报, terms and history."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ActivityKind as K
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.services.branch_life import schedule
from pbc_desktop.services.terms import committees
from pbc_desktop.ui.branch_life.window import STATE_COLOURS, BranchLifeWindow, ScheduleDialog
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel
from tests.factories import make_activity
from tests.pdf_helpers import page_texts
from tests.qt_helpers import (
    DiscardQuestion,
    double_click_row,
    view_headers,
    view_texts,
    wait_loaded,
)
from tests.scope_factories import TwoTowns, town_actor, two_towns, viewer_actor

# The window reads the year off the UI thread, as in the program: each test waits for it.
pytestmark = pytest.mark.usefixtures("loads_in_background")

TODAY = date(2026, 5, 25)
ALL = "支部党员大会、支委会、党小组会、党课、主题党日"
ALL_QUARTERLY = "支部党员大会、党课"


def opened(qtbot: QtBot, ctx: AppContext) -> BranchLifeWindow:
    """The window, its year read (off the UI thread) and shown."""
    window = BranchLifeWindow(ctx)
    qtbot.addWidget(window)
    read(qtbot, window)
    return window


def read(qtbot: QtBot, window: BranchLifeWindow) -> None:
    """Wait for the year being read to be shown."""
    wait_loaded(qtbot, window.meetings_load)


@pytest.fixture
def world(db: Database, monkeypatch: pytest.MonkeyPatch) -> TwoTowns:
    monkeypatch.setattr(BranchLifeWindow, "today", lambda _self: TODAY)
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)
    world = two_towns(db)
    for month in range(1, 6):
        for kind in (K.BRANCH_COMMITTEE, K.GROUP_MEETING, K.THEME_PARTY_DAY):
            make_activity(
                db, None, kind=kind, host_org_id=world.yi_one, starts_at=datetime(2026, month, 3, 9)
            )
    for kind in (K.BRANCH_ASSEMBLY, K.PARTY_LESSON):
        make_activity(
            db, None, kind=kind, host_org_id=world.yi_one, starts_at=datetime(2026, 2, 3, 9)
        )
    make_activity(
        db,
        None,
        kind=K.BRANCH_COMMITTEE,
        host_org_id=world.jia_two,
        starts_at=datetime(2026, 1, 20, 9),
    )
    seat = (
        committees.Seat("王书记", CommitteePost.SECRETARY),
        committees.Seat("陈委员", CommitteePost.ORGANIZATION),
    )
    committees.record_committee(
        db, committees.CommitteeInput(world.jia_two, 3, date(2020, 6, 1), 3, seat), today=TODAY
    )
    committees.record_committee(
        db, committees.CommitteeInput(world.jia_two, 4, date(2023, 6, 1), 3, seat), today=TODAY
    )
    return world


def test_town_list_grid_and_filters(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    window = opened(qtbot, AppContext(db))
    window.show()
    assert (
        window.summary.text() == "4 branches, 3 behind this year, 4 with meetings still to hold now"
    )
    assert view_texts(window.table, 9) == [
        ["乙一村党支部", "乙镇", "1/2", "5/5", "5/5", "1/2", "5/5", "", "支部党员大会、党课"],
        [
            "甲二村党支部",
            "甲镇",
            "0/2",
            "1/5",
            "0/5",
            "0/2",
            "0/5",
            "yes",
            ALL,
        ],
        [
            "甲一村党总支",
            "甲镇",
            "0/2",
            "0/5",
            "0/5",
            "0/2",
            "0/5",
            "yes",
            ALL,
        ],
        [
            "甲一村第一党支部",
            "甲镇",
            "0/2",
            "0/5",
            "0/5",
            "0/2",
            "0/5",
            "yes",
            ALL,
        ],
    ]
    window.table.selectRow(1)
    assert window.grid_title.text() == "甲二村党支部: 2026 at a glance"
    committee = window.kinds.index(K.BRANCH_COMMITTEE)
    cells = [window.grid.item(committee, m) for m in range(12)]
    assert [c.text() if c else None for c in cells[:3]] == ["1", "", ""]
    colours = [c.background().color().name() for c in cells if c is not None]
    assert colours[:6] == [
        STATE_COLOURS[s] for s in ("kept", "missed", "missed", "missed", "open", "future")
    ]  # type: ignore[index]
    window.behind_only.setChecked(True)
    assert window.table.model().rowCount() == 3
    window.town.setCurrentIndex(window.town.findData("乙镇"))
    read(qtbot, window)
    assert window.table.model().rowCount() == 0
    window.apply_filters(organization_id=world.jia_two)  # the whole district read again
    assert window.meetings_load.busy
    read(qtbot, window)
    assert (window.behind_only.isChecked(), window.table.model().rowCount()) == (False, 4)
    assert window.grid_title.text().startswith("甲二村党支部")


def test_a_long_cell_is_its_tooltip_too(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    """A cell longer than 20 characters (elided in a narrow column) says itself whole in
    its tooltip; a short one has none. The list is shown without an item per cell."""
    window = opened(qtbot, AppContext(db))
    model = window.table.model()
    assert model.rowCount() == 4
    last = model.columnCount() - 1
    tips = [model.index(r, last).data(Qt.ItemDataRole.ToolTipRole) for r in range(4)]
    assert len(ALL) > 20 and tips == [None, ALL, ALL, ALL]
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert not isinstance(window.table, QTableWidget)  # no item made for each cell
    assert window.table.objectName() == "branchLifeTable"


def test_behind_only_filters_the_year_read_without_reading_it_again(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """Reading a district's year takes a while (every branch's meetings): the filter
    shows what was read, the branch selected staying selected."""
    window = opened(qtbot, AppContext(db))
    window.show()
    window.table.selectRow(1)  # 甲二村党支部, behind
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        window.behind_only.setChecked(True)
        assert window.table.model().rowCount() == 3
        assert window.grid_title.text().startswith("甲二村党支部")
        window.behind_only.setChecked(False)
        assert window.table.model().rowCount() == 4
        assert window.grid_title.text().startswith("甲二村党支部")
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert statements == []


def test_the_notice_is_saved(
    qtbot: QtBot, db: Database, world: TwoTowns, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "通报.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a, **_k: out)
    said: list[str] = []
    monkeypatch.setattr(
        prompts, "offer_folder", lambda _p, _t, _s, text=None: said.append(text or "")
    )
    window = opened(qtbot, AppContext(db))
    window.show()  # the button lies on the meetings page: clicked as the clerk sees it
    window.town.setCurrentIndex(window.town.findData("甲镇"))
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    text = "".join(page_texts(out)).replace("\n", "").replace(" ", "")
    assert "甲镇2026年三会一课落实情况通报" in text
    assert (
        "甲二村党支部甲镇支部党员大会缺1次；支委会缺3次；党小组会缺4次；党课缺1次；主题党日缺4次"
        in text
    )
    assert "支委会、党小组会、主题党日（5月31日前）；支部党员大会、党课（6月30日前）" in text
    assert said == [f"The notice was saved as {out}."]


def test_terms_and_history(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    window = opened(qtbot, AppContext(db))
    assert view_texts(window.terms_table, 6) == [
        ["甲二村党支部", "甲镇", "No. 4", "2023-06-01", "2026-06-01", "即将届满"]
    ]
    window.terms_table.selectRow(0)
    assert view_texts(window.history, 4) == [
        ["No. 4", "2023-06-01", "3", "书记 王书记、组织委员 陈委员"],
        ["No. 3", "2020-06-01", "3", "书记 王书记、组织委员 陈委员"],
    ]
    window.within.setValue(0)
    assert window.terms_table.rowCount() == 0


def test_the_town_filters_the_terms_too(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    """Choosing 乙镇 changed the meetings only: 甲镇's committee stayed in the 换届 list."""
    window = opened(qtbot, AppContext(db))
    assert window.terms_table.rowCount() == 1
    window.town.setCurrentIndex(window.town.findData("乙镇"))
    assert window.terms_table.rowCount() == 0
    window.town.setCurrentIndex(window.town.findData("甲镇"))
    assert view_texts(window.terms_table, 2) == [["甲二村党支部", "甲镇"]]


def test_a_committee_saved_beyond_the_filters_is_shown_and_said(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """A new election runs out years later: with "due within 6 months" (and another town
    chosen) the organization left the list on saving, as if nothing had been saved."""
    window = opened(qtbot, AppContext(db))
    window.show()
    window.pages.setCurrentIndex(1)
    window.town.setCurrentIndex(window.town.findData("乙镇"))
    seats = (committees.Seat("周书记", CommitteePost.SECRETARY),)
    new = committees.CommitteeInput(world.jia_two, 5, date(2026, 5, 20), 5, seats)
    committees.record_committee(db, new, today=TODAY)  # as the dialog saves it
    window.refresh_terms()
    window.show_saved_committee(world.jia_two)  # what the window does once it is saved
    assert view_texts(window.terms_table, 3)[0] == ["甲二村党支部", "甲镇", "No. 5"]
    assert window.terms_table.currentRow() == 0
    assert window.history.item(0, 0).text() == "No. 5"  # type: ignore[union-attr]
    assert window.terms_note.isVisible()
    assert "widened" in window.terms_note.text()
    window.within.setValue(6)
    assert not window.terms_note.isVisible()


def test_the_schedule_is_the_districts_to_change(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    window = opened(qtbot, AppContext(db))
    dialog = window.schedule_dialog()
    qtbot.addWidget(dialog)
    dialog.combos[K.PARTY_LESSON].setCurrentIndex(dialog.combos[K.PARTY_LESSON].findData(1))
    dialog.combos[K.GROUP_MEETING].setCurrentIndex(0)  # not required
    dialog.accept()
    assert schedule.get_schedule(db)[K.PARTY_LESSON] == 1
    assert K.GROUP_MEETING not in schedule.get_schedule(db)
    db.user = town_actor(db, "甲镇")
    town = opened(qtbot, AppContext(db))
    assert not town.schedule_button.isEnabled()
    assert town.table.model().rowCount() == 3  # its own town's branches
    other = ScheduleDialog(AppContext(db), town)
    assert not other.combos[K.PARTY_LESSON].isEnabled()


def test_a_schedule_changed_and_not_stored_is_not_dropped_unasked(
    qtbot: QtBot, db: Database, discard_question: DiscardQuestion
) -> None:
    """Esc or 取消 after changing the district's 三会一课 schedule closed it without a word;
    an account that may not change it has nothing to lose."""
    dialog = ScheduleDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert not dialog.isVisible() and discard_question.asked == []
    dialog.show()
    lessons = dialog.combos[K.PARTY_LESSON]
    lessons.setCurrentIndex(lessons.findData(1))
    discard_question.answer = False  # 继续编辑
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and discard_question.asked == [dialog, dialog]
    discard_question.answer = True  # 放弃修改
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    db.user = viewer_actor(db)
    viewer = ScheduleDialog(AppContext(db))
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.combos[K.PARTY_LESSON].setCurrentIndex(0)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible() and len(discard_question.asked) == 3


@pytest.mark.usefixtures("chinese")
def test_the_schedules_labels_end_in_a_colon(qtbot: QtBot, db: Database) -> None:
    """Every form row of the program reads "名称：" in Chinese; the schedule's did not."""
    from PySide6.QtWidgets import QFormLayout, QLabel

    dialog = ScheduleDialog(AppContext(db))
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    assert form is not None and form.rowCount() == len(dialog.combos)
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        assert isinstance(widget, QLabel)
        labels.append(widget.text())
    assert all(text.endswith("：") and "：" not in text[:-1] for text in labels), labels


def test_a_reminder_opens_the_window_on_its_branch(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel.load)
    rows = view_texts(panel.table, 4)
    assert ["换届", "甲二村党支部", "第4届班子任期届满，应换届", "in 7 days"] in rows
    row = rows.index(["换届", "甲二村党支部", "第4届班子任期届满，应换届", "in 7 days"])
    panel.show()
    double_click_row(qtbot, panel.table, row)
    window = panel.branch_life
    assert window is not None and window.isVisible()
    read(qtbot, window)  # the branch is selected once its year is shown
    assert window.grid_title.text().startswith("甲二村党支部")
    assert window.pages.currentIndex() == 0
    window.reject()
    qtbot.waitUntil(lambda: panel.branch_life is None)


def test_the_window_fits_an_old_screen(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QRect

    from pbc_desktop.ui.common import screens

    free = QRect(0, 0, 1024, 728)  # 1024×768 less the task bar
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    window = opened(qtbot, AppContext(db))
    window.show()
    assert window.frameGeometry().width() <= free.width()
    assert window.frameGeometry().height() <= free.height()
    # every month of the year grid in view, a branch chosen or not (October to December
    # lay beyond the right edge until one was)
    header = window.grid.horizontalHeader()
    for column in range(12):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= window.grid.viewport().width(), column + 1
    # the year, the filter, the schedule and the 通报 are the meetings page's: on the 换届
    # page they did nothing (or printed the meetings)
    meetings_only = (window.year, window.behind_only, window.schedule_button, window.print_button)
    assert all(w.isVisible() for w in meetings_only)
    # Tab in reading order: the town, the pages' tabs, then the meetings page's bar
    order, widget = [window.town], window.town.nextInFocusChain()
    while widget is not window.town:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(window):
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert [w for w in order if w in (window.town, *meetings_only)] == [
        window.town,
        *meetings_only,
    ]
    window.pages.setCurrentIndex(1)
    assert not any(w.isVisible() for w in meetings_only)
    assert window.town.isVisible()


def test_two_schedule_editors_the_second_save_is_refused(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """The 三会一课 requirements read no version: the second of two editors replaced the
    first one's schedule without a word (a server's district office has several clerks)."""
    from pbc_desktop.ui.common.combos import select_data

    first, second = ScheduleDialog(AppContext(db)), ScheduleDialog(AppContext(db))
    for dialog, months in ((first, 1), (second, 6)):
        qtbot.addWidget(dialog)
        select_data(dialog.combos[K.PARTY_LESSON], months)
    first.accept()
    assert first.result() == ScheduleDialog.DialogCode.Accepted
    second.accept()
    assert "请关闭后重新打开再保存" in second.error_label.text()
    assert schedule.get_schedule(db)[K.PARTY_LESSON] == 1
    again = ScheduleDialog(AppContext(db))
    qtbot.addWidget(again)
    select_data(again.combos[K.PARTY_LESSON], 6)
    again.accept()
    assert schedule.get_schedule(db)[K.PARTY_LESSON] == 6


def test_enter_in_the_list_asks_for_no_file(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter on a branch of the list, or after typing a year, pressed the default
    button: “Notice (PDF)”, which asked where to save it."""
    asked: list[object] = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a, **_k: asked.append(a))
    window = opened(qtbot, AppContext(db))
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.keyClick(window.year, Qt.Key.Key_Return)
    assert asked == [] and window.isVisible()


def test_the_columns_follow_a_changed_schedule(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    """The district dropped 党小组会 (or asked for a kind it did not before): the list kept
    its columns, each count under the wrong kind's heading and 落后 under 主题党日."""
    window = opened(qtbot, AppContext(db))
    dialog = window.schedule_dialog()
    qtbot.addWidget(dialog)
    dialog.combos[K.GROUP_MEETING].setCurrentIndex(0)  # not required
    dialog.combos[K.PARTY_LESSON].setCurrentIndex(0)
    dialog.accept()
    window.refresh()  # as after the schedule dialog, or another clerk's change
    read(qtbot, window)
    assert view_headers(window.table) == [
        "Branch",
        "Town",
        "支部党员大会",
        "支委会",
        "主题党日",
        "Behind",
        "This period",
    ]
    assert view_texts(window.table, 7)[0] == [
        "乙一村党支部",
        "乙镇",
        "1/2",
        "5/5",
        "5/5",
        "",
        "支部党员大会",
    ]
    assert window.grid.rowCount() == 3
    window.table.selectRow(0)
    assert window.grid.verticalHeaderItem(2).text() == "主题党日"  # type: ignore[union-attr]
    assert window.grid.item(2, 0).text() == "1"  # type: ignore[union-attr]
    schedule.set_schedule(db, {K.BRANCH_ASSEMBLY: 3, K.PARTY_LESSON: 3})
    window.refresh()
    read(qtbot, window)
    assert window.table.model().columnCount() == 6
    assert view_texts(window.table, 6)[0] == [
        "乙一村党支部",
        "乙镇",
        "1/2",
        "1/2",
        "",
        ALL_QUARTERLY,
    ]
