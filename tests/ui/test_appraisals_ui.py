"""The appraisal grid and the statistics view, driven from the keyboard like a clerk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.services.appraisals import grid
from pbc_desktop.services.appraisals.results import member_appraisals
from pbc_desktop.ui.appraisals import dialog as dialog_module
from pbc_desktop.ui.appraisals.dialog import AppraisalDialog
from pbc_desktop.ui.appraisals.menu import appraisal_lines
from pbc_desktop.ui.common.combos import select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.party_stats import dialog as stats_module
from pbc_desktop.ui.party_stats.dialog import PartyStatsDialog
from tests.factories import make_member, make_org
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, stub_boxes
from tests.scope_factories import viewer_actor

YEAR = date.today().year - 1


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    stub_boxes(monkeypatch)
    recorder = Boxes()
    for module in (dialog_module, stats_module):
        monkeypatch.setattr(module, "information", recorder.warning)
    monkeypatch.setattr(dialog_module, "confirm", recorder.confirm, raising=False)
    monkeypatch.setattr(
        dialog_module, "show_user_error", lambda _p, e: recorder.shown.append(e.message)
    )
    return recorder


@pytest.fixture
def branch(db: Database) -> tuple[int, list[int]]:
    org = make_org(db, "上底村党支部")
    return org, [
        make_member(db, name, org, gender=None, joined_on=date(2000, 7, 1))
        for name in ("张三", "李四", "王五")
    ]


def _entries(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_grades_typed_row_by_row_and_saved_at_once(
    qtbot: QtBot, db: Database, branch: tuple[int, list[int]], boxes: Boxes
) -> None:
    org, _ids = branch
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.table.item(i, 0).text() for i in range(3)] == ["李四", "王五", "张三"]
    dialog.held_edit.setDate(QDate(YEAR, 12, 20))
    # 李四: 1 (优秀), Enter; 王五: 3 (基本合格), Enter; 张三: 优 typed, Enter → Save
    dialog.focus_row(0)
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_1)
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_Return)
    assert dialog.combo(1).hasFocus() or dialog.focusWidget() is dialog.combo(1)
    qtbot.keyClick(dialog.combo(1), Qt.Key.Key_3)
    qtbot.keyClick(dialog.combo(1), Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.combo(2), "2")
    qtbot.keyClick(dialog.combo(2), Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.save_button
    assert "3" in dialog.counts_label.text()
    before = _entries(db)
    assert dialog.save()
    assert _entries(db) == before + 1
    g = grid.appraisal_grid(db, org, YEAR)
    assert [r.grade for r in g.rows] == [
        AppraisalGrade.EXCELLENT,
        AppraisalGrade.BASICALLY_QUALIFIED,
        AppraisalGrade.QUALIFIED,
    ]
    assert g.held_on == date(YEAR, 12, 20)
    # the member's detail shows the grade
    assert "优秀" in appraisal_lines(member_appraisals(db, g.rows[0].member_id))
    assert appraisal_lines(member_appraisals(db, make_member(db, "新人", org))) == ""
    # 0 clears a grade
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_0)
    assert dialog.combo(0).grade() is None


def test_no_meeting_date_is_refused_and_nothing_saved(
    qtbot: QtBot, db: Database, branch: tuple[int, list[int]], boxes: Boxes
) -> None:
    org, _ids = branch
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_1)
    before = _entries(db)
    assert not dialog.save()
    assert _entries(db) == before
    assert any("会议的日期" in text or "date of the appraisal" in text for text in boxes.shown)


def test_print_the_result_sheet(
    qtbot: QtBot,
    db: Database,
    branch: tuple[int, list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org, ids = branch
    grid.save_appraisal(
        db,
        grid.AppraisalInput(
            org, YEAR, date(YEAR, 12, 1), grades={ids[0]: AppraisalGrade.EXCELLENT}
        ),
    )
    out = tmp_path / "评议.pdf"
    monkeypatch.setattr(dialog_module, "ask_save_path", lambda *_a, **_k: out)
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    text = "".join(page_texts(out)).replace(" ", "")
    assert f"上底村党支部{YEAR}年度民主评议党员结果表" in text.replace("\n", "")
    assert "优秀1名" in text


def test_statistics_view_and_its_workbook(
    qtbot: QtBot,
    db: Database,
    branch: tuple[int, list[int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = PartyStatsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.year_spin.setValue(YEAR)
    shown = dialog.view.toPlainText()
    assert "30岁及以下" in shown or "未填写" in shown
    assert dialog.stats is not None and dialog.stats.members == 3
    out = tmp_path / "统计.xlsx"
    monkeypatch.setattr(stats_module, "ask_save_path", lambda *_a, **_k: out)
    qtbot.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(out).active
    assert ws is not None
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert "党员类别" in values and "正式党员" in values


def test_the_statistics_view_speaks_english_in_an_english_window(
    qtbot: QtBot, db: Database, branch: tuple[int, list[int]]
) -> None:
    """The rows (男/女, 正式党员…) and the organizations' kinds stayed Chinese in English."""
    lang.set_language("en")
    dialog = PartyStatsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.year_spin.setValue(YEAR)
    shown = dialog.view.toPlainText()
    for label in ("Full member", "Party branch", "Rural"):
        assert label in shown, label
    for label in ("正式党员", "党支部", "农村", "男", "女"):
        assert label not in shown, label


def test_the_members_tab_opens_both_from_its_menu(
    qtbot: QtBot, db: Database, branch: tuple[int, list[int]]
) -> None:
    from pbc_desktop.ui.members.tab import MembersTab

    assert branch[1]  # a branch with members to appraise
    tab = MembersTab(AppContext(db))
    qtbot.addWidget(tab)
    menu = tab.party_work_button.menu()
    assert menu is not None
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) == {"membersAppraisal", "membersPartyStats"}
    actions["membersAppraisal"].trigger()
    assert isinstance(tab.active_dialog, AppraisalDialog)
    assert tab.active_dialog.organization_id() is not None
    tab.active_dialog.reject()
    qtbot.waitUntil(lambda: tab.active_dialog is None)
    actions["membersPartyStats"].trigger()
    assert isinstance(tab.active_dialog, PartyStatsDialog)
    tab.active_dialog.reject()


def test_enter_in_the_statistics_year_asks_for_no_file(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing a year and pressing Enter pressed the default button: “Save as Excel”."""
    asked: list[object] = []
    monkeypatch.setattr(stats_module, "ask_save_path", lambda *a, **_k: asked.append(a))
    dialog = PartyStatsDialog(AppContext(db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.year_spin.setFocus()
    qtbot.keyClick(dialog.year_spin, Qt.Key.Key_Return)
    assert asked == [] and dialog.isVisible()


def test_printing_with_grades_typed_saves_them_first_when_asked(
    qtbot: QtBot,
    db: Database,
    *,
    branch: tuple[int, list[int]],
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The result sheet printed the stored grades: those just typed were left out unsaid."""
    org, _ids = branch
    out = tmp_path / "评议.pdf"
    monkeypatch.setattr(dialog_module, "ask_save_path", lambda *_a, **_k: out)
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    dialog.held_edit.setDate(QDate(YEAR, 12, 1))
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_1)
    boxes.confirm_answer = False
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "not saved" in boxes.shown[-1]
    assert not out.exists()
    assert grid.appraisal_grid(db, org, YEAR).graded == 0
    assert dialog.combo(0).grade() is AppraisalGrade.EXCELLENT  # still as typed
    boxes.confirm_answer = True
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert grid.appraisal_grid(db, org, YEAR).graded == 1
    assert "优秀1名" in "".join(page_texts(out)).replace(" ", "")
    asked = len(boxes.shown)
    out.unlink()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)  # saved: not asked
    assert out.exists()
    assert all("not saved" not in text for text in boxes.shown[asked:])


def test_a_viewer_prints_without_being_asked_to_save(
    qtbot: QtBot,
    db: Database,
    branch: tuple[int, list[int]],
    *,
    boxes: Boxes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org, _ids = branch
    out = tmp_path / "评议.pdf"
    monkeypatch.setattr(dialog_module, "ask_save_path", lambda *_a, **_k: out)
    db.user = viewer_actor(db)
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.remark_edit.setText("看看")  # a field it may type in, and never save
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert out.exists()
    assert all("not saved" not in text for text in boxes.shown)


def test_grades_typed_are_not_dropped_without_asking(
    qtbot: QtBot, db: Database, branch: tuple[int, list[int]], boxes: Boxes
) -> None:
    """Another year or organization, a line of the overview, or Esc dropped the grades
    typed and not saved without a word (the 党费 sheet asks)."""
    org, _ids = branch
    other = make_org(db, "下底村党支部")
    make_member(db, "赵六", other, joined_on=date(2000, 7, 1))
    dialog = AppraisalDialog(AppContext(db), organization_id=org, year=YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.combo(0), Qt.Key.Key_1)
    boxes.confirm_answer = False
    dialog.year_spin.setValue(YEAR - 1)
    assert "not saved" in boxes.shown[-1]
    assert dialog.year_spin.value() == YEAR
    select_data(dialog.org_combo, other)
    assert dialog.organization_id() == org
    dialog.show_grid(other, YEAR)
    assert dialog.organization_id() == org
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.combo(0).grade() is AppraisalGrade.EXCELLENT  # still as typed
    boxes.confirm_answer = True
    dialog.show_grid(other, YEAR)
    assert [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())] == ["赵六"]
    asked = len(boxes.shown)
    dialog.year_spin.setValue(YEAR - 1)  # nothing typed: not asked
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(boxes.shown) == asked
    assert grid.appraisal_grid(db, org, YEAR).graded == 0
