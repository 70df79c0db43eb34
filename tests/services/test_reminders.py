"""Due reminders: the pure rule, and running communities from a crafted history."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, AuditEntry, LifecycleEvent
from pbc_desktop.domain import reminders
from pbc_desktop.domain.enums import (
    ActivityKind,
    ActivityStatus,
    CommunityStatus,
    LifecycleAction,
)
from pbc_desktop.domain.months import add_months
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import reminders as svc
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.overview.reminders_panel import RemindersPanel, RulesDialog
from tests.factories import make_activity, make_community, make_org
from tests.qt_helpers import double_click_row, view_texts, wait_loaded

K = ActivityKind
TODAY = date(2026, 6, 15)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 15), 12) == date(2027, 3, 15)


def test_overdue_rule() -> None:
    rules = {K.REGULAR_MEETING: 1, K.JOINT_MEETING: 3}
    started = {"甲": date(2026, 1, 1), "乙": date(2026, 6, 1)}
    last = {
        ("甲", K.REGULAR_MEETING): date(2026, 5, 15),  # due 6-15: not yet overdue
        ("甲", K.JOINT_MEETING): date(2026, 2, 10),  # due 5-10: 36 days
    }
    found = reminders.overdue(rules, started, last, TODAY)
    assert found == [
        reminders.Overdue("甲", K.JOINT_MEETING, date(2026, 2, 10), date(2026, 5, 10), 36)
    ]
    # Never held: due one interval after the start.
    later = reminders.overdue(rules, started, last, date(2026, 7, 3))
    assert [(o.community, o.kind, o.last_held, o.days_overdue) for o in later] == [
        ("甲", K.JOINT_MEETING, date(2026, 2, 10), 54),
        ("甲", K.REGULAR_MEETING, date(2026, 5, 15), 18),
        ("乙", K.REGULAR_MEETING, None, 2),
    ]
    assert reminders.overdue({}, started, last, TODAY) == []


def _running(db: Database, name: str, org: int, since: date) -> int:
    cid = make_community(
        db, name, [org], status=CommunityStatus.RUNNING, founded_on=date(2025, 1, 1)
    )
    with db.write() as s:
        s.add(
            LifecycleEvent(
                community_id=cid,
                action=LifecycleAction.START,
                status_after=CommunityStatus.RUNNING,
                occurred_on=since,
                operator="测试",
            )
        )
    return cid


def test_due_reminders_for_a_crafted_history(db: Database) -> None:
    a = make_org(db, "甲村党支部", town="成田镇")
    b = make_org(db, "乙村党支部", town="峡山街道")
    c1 = _running(db, "甲党建共同体", a, date(2026, 1, 1))
    c2 = _running(db, "乙党建共同体", b, date(2026, 5, 1))
    make_community(db, "未运行的共同体", [a])  # only applied: never reminded
    make_activity(db, c1, "五月例会", kind=K.REGULAR_MEETING, starts_at=datetime(2026, 5, 20, 9))
    make_activity(db, c1, "二月联席会议", kind=K.JOINT_MEETING, starts_at=datetime(2026, 2, 1, 9))
    make_activity(db, c1, "主题党日", kind=K.THEME_PARTY_DAY, starts_at=datetime(2026, 6, 1, 9))
    # A later joint meeting that is only planned does not count as held.
    planned = make_activity(
        db, c1, "计划中的联席会议", kind=K.JOINT_MEETING, starts_at=datetime(2026, 6, 1, 9)
    )
    with db.write() as s:
        s.get(Activity, planned).status = ActivityStatus.PLANNED  # type: ignore[union-attr]
    make_activity(db, c2, "主题党日", kind=K.THEME_PARTY_DAY, starts_at=datetime(2026, 6, 10, 9))

    rows = svc.due_reminders(db, TODAY)
    got = [(r.community_name, r.kind, r.last_held, r.due_on, r.days_overdue) for r in rows]
    assert got == [
        ("甲党建共同体", K.JOINT_MEETING, date(2026, 2, 1), date(2026, 5, 1), 45),
        ("乙党建共同体", K.REGULAR_MEETING, None, date(2026, 6, 1), 14),
    ]
    assert [r.community_id for r in svc.due_reminders(db, TODAY, town="峡山街道")] == [c2]

    # Editing the rules changes the answer, and is audited.
    svc.set_rules(db, {K.REGULAR_MEETING: 2, K.JOINT_MEETING: 6})
    assert svc.get_rules(db) == {K.REGULAR_MEETING: 2, K.JOINT_MEETING: 6}
    assert svc.due_reminders(db, TODAY) == []
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "reminder_rule")).one()
        assert entry.after is not None and "joint_meeting" in entry.after


def test_rules_default_and_validation(db: Database) -> None:
    assert svc.get_rules(db) == {K.REGULAR_MEETING: 1, K.JOINT_MEETING: 3, K.THEME_PARTY_DAY: 1}
    with pytest.raises(ValidationError) as exc:
        svc.set_rules(db, {K.JOINT_MEETING: 30, K.BRIEFING: -1})
    assert exc.value.fields() == ["joint_meeting", "briefing"]
    svc.set_rules(db, {})
    assert svc.get_rules(db) == {}


def test_reminders_panel_lists_and_navigates(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = make_org(db, "甲村党支部")
    cid = _running(db, "甲党建共同体", a, date(2026, 1, 1))
    make_activity(db, cid, "二月联席会议", kind=K.JOINT_MEETING, starts_at=datetime(2026, 2, 1, 9))
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    panel.show()
    cells = view_texts(panel.table, 4)
    activities = [row for row in cells if row[0] == "共同体活动"]
    assert activities == [
        ["共同体活动", "甲党建共同体", "主题党日（上次：从未举行）", "134 days overdue"],
        ["共同体活动", "甲党建共同体", "日常例会（上次：从未举行）", "134 days overdue"],
        ["共同体活动", "甲党建共同体", "联席会议（上次：2026-02-01）", "45 days overdue"],
    ]
    row = cells.index(activities[1])
    with qtbot.waitSignal(panel.navigate) as sent:
        double_click_row(qtbot, panel.table, row)
    assert sent.args == ["activities", {"community_id": cid, "kind": K.REGULAR_MEETING}]

    def edit(dialog: RulesDialog) -> int:
        dialog.spins[K.REGULAR_MEETING].setValue(0)
        dialog.spins[K.THEME_PARTY_DAY].setValue(0)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RulesDialog, "exec", edit)
    with qtbot.waitSignal(panel.rules_changed):
        qtbot.mouseClick(panel.rules_button, Qt.MouseButton.LeftButton)
    assert svc.get_rules(db) == {K.JOINT_MEETING: 3}
    areas = [row[0] for row in view_texts(panel.table, 1)]
    assert areas.count("共同体活动") == 1


def test_the_panel_keeps_the_reminder_selected_across_a_refresh(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a refresh the table kept the selected row's place: an earlier reminder gone
    (its activity recorded), the next one down was selected in its stead."""
    a = make_org(db, "甲村党支部")
    cid = _running(db, "甲党建共同体", a, date(2026, 1, 1))
    make_activity(db, cid, "二月联席会议", kind=K.JOINT_MEETING, starts_at=datetime(2026, 2, 1, 9))
    monkeypatch.setattr(RemindersPanel, "today", lambda _self: TODAY)
    panel = RemindersPanel(AppContext(db))
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel.load)
    activities = [r for r in panel.rows if r.area == reminders.ReminderArea.ACTIVITIES]
    assert [dict(r.filters)["kind"] for r in activities] == [
        K.THEME_PARTY_DAY,
        K.REGULAR_MEETING,
        K.JOINT_MEETING,
    ]
    third = activities[2]
    panel.table.selectRow(panel.rows.index(third))
    assert panel.table.selected() == third
    # the theme party day held: its reminder, above the one selected, is gone
    make_activity(db, cid, "六月主题党日", kind=K.THEME_PARTY_DAY, starts_at=datetime(2026, 6, 1))
    panel.refresh()
    wait_loaded(qtbot, panel.load)
    assert activities[0] not in panel.rows
    assert panel.table.selected() == third
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [
        panel.rows.index(third)
    ]
    # the one selected gone as well: nothing is selected
    make_activity(db, cid, "六月联席会议", kind=K.JOINT_MEETING, starts_at=datetime(2026, 6, 2))
    panel.refresh()
    wait_loaded(qtbot, panel.load)
    assert third not in panel.rows
    assert panel.table.selected() is None
    assert not panel.table.selectionModel().hasSelection()
