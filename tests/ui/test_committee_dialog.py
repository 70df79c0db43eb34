"""The 换届 dialog: a new committee recorded, refusals in sentences, the latest corrected,
and the 换届 page's buttons following the account."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, QRect, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.services.terms import committees
from pbc_desktop.ui.branch_life.committee_dialog import CommitteeDialog
from pbc_desktop.ui.branch_life.window import BranchLifeWindow
from pbc_desktop.ui.common import prompts, screens
from pbc_desktop.ui.common.context import AppContext
from tests.conftest import sql_by_hand
from tests.factories import make_member
from tests.qt_helpers import Boxes, stub_boxes, type_text
from tests.scope_factories import TwoTowns, two_towns, viewer_actor

TODAY = date(2026, 5, 25)


@pytest.fixture
def world(db: Database, monkeypatch: pytest.MonkeyPatch) -> TwoTowns:
    monkeypatch.setattr(BranchLifeWindow, "today", lambda _self: TODAY)
    world = two_towns(db)
    seats = (
        committees.Seat("王书记", CommitteePost.SECRETARY),
        committees.Seat("陈委员", CommitteePost.ORGANIZATION),
    )
    for no, elected in ((3, date(2020, 6, 1)), (4, date(2023, 6, 1))):
        data = committees.CommitteeInput(world.jia_two, no, elected, 3, seats)
        committees.record_committee(db, data, today=TODAY)
    return world


def _dialog(qtbot: QtBot, db: Database, org: int, *, edit: bool = False) -> CommitteeDialog:
    dialog = CommitteeDialog(AppContext(db), org, edit=edit, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: CommitteeDialog, row: int, post: CommitteePost, name: str) -> None:
    combo = dialog.post_combo(row)
    combo.setCurrentIndex(combo.findData(post.value))
    dialog.name_combo(row).setEditText(name)


def test_a_new_committee_is_recorded(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    dialog = _dialog(qtbot, db, world.jia_two)
    ui = dialog.ui
    assert ui.organizationName.text() == "甲二村党支部"
    assert ui.termNoSpin.value() == 5  # the last + 1
    assert ui.termNoHint.text() == "last: no. 4, elected on 2023-06-01"
    assert ui.yearsCombo.currentData() == 5  # a village's organizations: 5 years
    assert ui.dueHint.text() == "term runs out on 2031-05-25"
    assert ui.membersTable.rowCount() == 3  # 书记, 组织委员, 宣传委员 to fill in
    ui.electedEdit.setDate(QDate(2026, 5, 20))
    # the secretary chosen from the members (completed by name), the others typed
    _fill(dialog, 0, CommitteePost.SECRETARY, "甲二党员")
    _fill(dialog, 1, CommitteePost.ORGANIZATION, "刘组织")
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)
    assert ui.membersTable.rowCount() == 4
    _fill(dialog, 3, CommitteePost.DISCIPLINE, "赵纪检")
    ui.membersTable.selectRow(2)  # the 宣传委员 left empty: removed
    qtbot.mouseClick(ui.removeButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.accept()
    latest = committees.history(db, world.jia_two, TODAY)[0]
    assert saved.args == [latest.id]
    assert (latest.term_no, latest.elected_on, latest.term_years) == (5, date(2026, 5, 20), 5)
    assert latest.seats == (
        committees.Seat("甲二党员", CommitteePost.SECRETARY, world.member_jia_two),
        committees.Seat("刘组织", CommitteePost.ORGANIZATION),
        committees.Seat("赵纪检", CommitteePost.DISCIPLINE),
    )


def focused(dialog: CommitteeDialog, combo: QComboBox) -> bool:
    return dialog.focusWidget() in (combo, combo.lineEdit())


def test_enter_in_the_grid_goes_down_the_names_and_does_not_save(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """Enter after the first name saved the committee with that one name, the other rows
    dropped as empty, and closed the dialog."""
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    for row, name in enumerate(("张三", "李四", "王五")):
        editor = dialog.name_combo(row).lineEdit()
        assert editor is not None
        type_text(qtbot, editor, name)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.saved_id is None, name
        if row < 2:
            assert focused(dialog, dialog.name_combo(row + 1))
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.focusWidget() is save  # after the last row: Save, pressed by the next Enter
    qtbot.keyClick(dialog.post_combo(1), Qt.Key.Key_Enter)  # on a post, too
    assert dialog.isVisible() and focused(dialog, dialog.name_combo(2))
    assert len(committees.history(db, world.jia_two, TODAY)) == 2
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(save, Qt.Key.Key_Return)
    seats = committees.history(db, world.jia_two, TODAY)[0].seats
    assert [s.person_name for s in seats] == ["张三", "李四", "王五"]


def test_tab_goes_through_the_rows_and_remove_takes_the_row_typed_in(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """The rows' combos came after 保存 and 取消 in the Tab order; 删除成员 removed the row
    added last, not the one the clerk had clicked into."""
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)  # row 3 selected
    order = []
    widget = dialog.ui.remarkEdit.nextInFocusChain()
    while widget is not dialog.ui.addButton and len(order) < 50:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog):
            order.append(widget)
        widget = widget.nextInFocusChain()
    rows = [w for r in range(4) for w in (dialog.post_combo(r), dialog.name_combo(r))]
    assert [w for w in order if w in rows] == rows
    for r, name in enumerate(("张三", "李四", "王五")):
        dialog.name_combo(r).setEditText(name)
    editor = dialog.name_combo(0).lineEdit()
    assert editor is not None
    # the clerk clicks into 张三's row (the offscreen window is never active: the focus
    # event a click gives is sent as it would arrive)
    QApplication.sendEvent(
        editor, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason)
    )
    qtbot.mouseClick(dialog.ui.removeButton, Qt.MouseButton.LeftButton)
    names = [dialog.name_combo(r).currentText() for r in range(dialog.ui.membersTable.rowCount())]
    assert names == ["李四", "王五", ""]


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (
            lambda d: d.ui.electedEdit.setDate(QDate(2023, 1, 1)),
            "选举日期应晚于上一届（2023-06-01）",
        ),
        # the 书记 row left empty: its name asked for (it said "应有书记" beside the row)
        (lambda d: d.name_combo(0).setEditText(""), "请填写书记的姓名"),
        (lambda d: _fill(d, 0, CommitteePost.DEPUTY_SECRETARY, "张三"), "班子成员中应有书记"),
        (lambda d: d.name_combo(1).setEditText("张三"), "张三在班子中出现了两次"),
        (lambda d: d.ui.termNoSpin.setValue(4), "第4届班子已登记"),
    ],
)
@pytest.mark.usefixtures("chinese")
def test_refusals_are_said_in_a_sentence(
    qtbot: QtBot, db: Database, world: TwoTowns, step: object, message: str
) -> None:
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    _fill(dialog, 0, CommitteePost.SECRETARY, "张三")
    _fill(dialog, 1, CommitteePost.ORGANIZATION, "李四")
    assert callable(step)
    step(dialog)
    dialog.accept()
    assert dialog.error_text() == message
    assert dialog.saved_id is None
    assert len(committees.history(db, world.jia_two, TODAY)) == 2


def test_the_latest_committee_is_corrected(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    dialog = _dialog(qtbot, db, world.jia_two, edit=True)
    ui = dialog.ui
    assert dialog.windowTitle() == "Correct committee no. 4"
    assert ui.termNoSpin.value() == 4
    assert ui.electedEdit.date() == QDate(2023, 6, 1)
    assert ui.yearsCombo.currentData() == 3
    assert [dialog.name_combo(r).currentText() for r in range(2)] == ["王书记", "陈委员"]
    ui.electedEdit.setDate(QDate(2023, 6, 8))
    _fill(dialog, 1, CommitteePost.DEPUTY_SECRETARY, "陈委员")
    dialog.accept()
    assert dialog.saved_id is not None
    rows = committees.history(db, world.jia_two, TODAY)
    assert len(rows) == 2 and rows[0].elected_on == date(2023, 6, 8)
    assert rows[0].seats[1] == committees.Seat("陈委员", CommitteePost.DEPUTY_SECRETARY)


def test_the_terms_page_buttons(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    window = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(window)
    assert not window.edit_term_button.isEnabled()  # nothing selected
    assert window.new_term_button.isEnabled()  # asks which organization
    window.terms_table.selectRow(0)
    assert window.new_term_button.isEnabled() and window.edit_term_button.isEnabled()
    opened: list[tuple[int, bool]] = []

    def fake(org_id: int, edit: bool) -> CommitteeDialog:
        opened.append((org_id, edit))
        dialog = CommitteeDialog(AppContext(db), org_id, window, edit=edit, today=TODAY)
        dialog.exec = lambda: 0  # type: ignore[method-assign]
        return dialog

    window.committee_dialog = fake  # type: ignore[method-assign]
    qtbot.mouseClick(window.edit_term_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.new_term_button, Qt.MouseButton.LeftButton)
    assert opened == [(world.jia_two, True), (world.jia_two, False)]

    def record(org_id: int, edit: bool) -> CommitteeDialog:
        dialog = CommitteeDialog(AppContext(db), org_id, window, edit=edit, today=TODAY)
        _fill(dialog, 0, CommitteePost.SECRETARY, "周书记")

        def save() -> int:
            dialog.accept()
            return dialog.result()

        dialog.exec = save  # type: ignore[method-assign]
        return dialog

    window.committee_dialog = record  # type: ignore[method-assign]
    window.within.setValue(120)  # the new committee's term runs out in 2031
    window.terms_table.selectRow(0)
    window.new_term_button.setFocus()
    qtbot.keyClick(window.new_term_button, Qt.Key.Key_Space)
    assert window.history.rowCount() == 3
    assert window.history.item(0, 3).text() == "书记 周书记"  # type: ignore[union-attr]
    db.user = viewer_actor(db)
    viewer = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(viewer)
    viewer.terms_table.selectRow(0)
    assert not viewer.new_term_button.isEnabled()
    assert viewer.new_term_button.toolTip() != ""
    assert viewer.new_term_button.toolTip() != window.new_term_button.toolTip()


def test_the_dialog_fits_an_old_screen(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    free = QRect(0, 0, 1024, 728)  # 1024×768 less the task bar
    monkeypatch.setattr(screens, "available_geometry", lambda _widget=None: QRect(free))
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.show()
    assert dialog.frameGeometry().width() <= free.width()
    assert dialog.frameGeometry().height() <= free.height()


def test_a_first_committee_starts_from_a_chosen_organization(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page lists committees already recorded; with none selected, 新建换届记录 asks
    for the organization (any of the account's) and records its first committee."""
    window = BranchLifeWindow(AppContext(db))
    qtbot.addWidget(window)
    window.terms_table.clearSelection()
    asked: list[list[str]] = []

    def choose(_parent: object, _title: str, _prompt: str, choices: list[tuple[int, str]]) -> int:
        asked.append([text for _value, text in choices])
        return world.yi_one

    monkeypatch.setattr(prompts, "ask_choice", choose)
    opened: list[tuple[int, bool]] = []

    def record(org_id: int, edit: bool) -> CommitteeDialog:
        opened.append((org_id, edit))
        dialog = CommitteeDialog(AppContext(db), org_id, window, edit=edit, today=TODAY)
        assert dialog.ui.termNoSpin.value() == 1  # none recorded yet
        dialog.ui.electedEdit.setDate(QDate(2026, 5, 1))
        _fill(dialog, 0, CommitteePost.SECRETARY, "吴书记")

        def save() -> int:
            dialog.accept()
            return dialog.result()

        dialog.exec = save  # type: ignore[method-assign]
        return dialog

    window.committee_dialog = record  # type: ignore[method-assign]
    qtbot.mouseClick(window.new_term_button, Qt.MouseButton.LeftButton)
    assert "乙一村党支部" in asked[0] and "甲二村党支部" in asked[0]
    assert opened == [(world.yi_one, False)]
    (first,) = committees.history(db, world.yi_one, TODAY)
    assert (first.term_no, [s.person_name for s in first.seats]) == (1, ["吴书记"])
    # cancelled: nothing opens
    monkeypatch.setattr(prompts, "ask_choice", lambda *_a, **_k: None)
    window.terms_table.clearSelection()
    qtbot.mouseClick(window.new_term_button, Qt.MouseButton.LeftButton)
    assert opened == [(world.yi_one, False)]


def test_namesakes_are_told_apart(qtbot: QtBot, db: Database, world: TwoTowns) -> None:
    """Two 陈伟 of the village were one entry twice, and either chosen was the first: the
    second seat was refused as the first listed twice."""
    elder = make_member(db, "陈伟", world.jia_two, birth_date=date(1968, 3, 2))
    younger = make_member(db, "陈伟", world.jia_two, birth_date=date(1990, 7, 9))
    dialog = _dialog(qtbot, db, world.jia_two)
    names = dialog.name_combo(0)
    shown = [names.itemText(i) for i in range(names.count())]
    assert shown[:2] == ["陈伟（1968年生）", "陈伟（1990年生）"]
    _fill(dialog, 0, CommitteePost.SECRETARY, "陈伟（1990年生）")
    _fill(dialog, 1, CommitteePost.ORGANIZATION, "陈伟（1968年生）")
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    latest = committees.history(db, world.jia_two, TODAY)[0]
    assert latest.seats[:2] == (
        committees.Seat("陈伟", CommitteePost.SECRETARY, younger),
        committees.Seat("陈伟", CommitteePost.ORGANIZATION, elder),
    )
    corrected = _dialog(qtbot, db, world.jia_two, edit=True)
    assert corrected.name_combo(0).currentText() == "陈伟（1990年生）"
    assert corrected.seats()[:2] == latest.seats[:2]


def test_a_click_into_another_rows_name_keeps_the_focus_there(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """Selecting the row clicked into made its post the current cell, and the table gave
    that cell's combo the focus: in the program the focus went back and forth between the
    row's name and post until it crashed (a click into a name after 添加成员)."""
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ui.addButton, Qt.MouseButton.LeftButton)  # row 3 current
    name = dialog.name_combo(0)
    name.setFocus()
    QApplication.sendEvent(
        name.lineEdit(), QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason)
    )
    assert focused(dialog, name)  # not moved to the row's post
    table = dialog.ui.membersTable
    assert (table.currentRow(), table.currentColumn()) == (0, 1)
    post = dialog.post_combo(2)
    post.setFocus()
    QApplication.sendEvent(post, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert dialog.focusWidget() is post
    assert (table.currentRow(), table.currentColumn()) == (2, 0)


def test_a_term_number_that_skips_terms_is_asked_about(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """第20届 typed for 第5届 was recorded without a word: 第5 to 19届 could never be
    added after it. The next number is proposed; another is asked about, naming both."""
    boxes: Boxes = stub_boxes(monkeypatch)
    dialog = _dialog(qtbot, db, world.jia_two)
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    _fill(dialog, 0, CommitteePost.SECRETARY, "张三")
    assert dialog.ui.termNoSpin.value() == 5
    dialog.ui.termNoSpin.setValue(20)
    boxes.confirm_answer = False
    dialog.accept()
    assert boxes.shown == [
        "The last committee recorded is no. 4, and this one is no. 20: the terms between "
        "them can never be added later. Record it as no. 20?"
    ]
    assert dialog.saved_id is None and dialog.error_text() == ""
    assert [r.term_no for r in committees.history(db, world.jia_two, TODAY)] == [4, 3]
    boxes.confirm_answer = True
    dialog.accept()
    assert dialog.saved_id is not None and len(boxes.shown) == 2
    assert [r.term_no for r in committees.history(db, world.jia_two, TODAY)] == [20, 4, 3]
    # correcting it: its own 届次 kept is not asked about; moved, it is (the one before: 4)
    corrected = _dialog(qtbot, db, world.jia_two, edit=True)
    corrected.accept()
    assert corrected.saved_id is not None and len(boxes.shown) == 2
    corrected = _dialog(qtbot, db, world.jia_two, edit=True)
    corrected.ui.termNoSpin.setValue(5)  # the typo put right: not asked
    corrected.accept()
    assert corrected.saved_id is not None and len(boxes.shown) == 2
    assert committees.history(db, world.jia_two, TODAY)[0].term_no == 5


def test_a_first_committee_of_any_number_is_not_asked_about(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An office starting to use the program records its current committee, say 第5届."""
    boxes: Boxes = stub_boxes(monkeypatch)
    dialog = _dialog(qtbot, db, world.yi_one)
    assert dialog.ui.termNoSpin.value() == 1
    dialog.ui.termNoSpin.setValue(5)
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    _fill(dialog, 0, CommitteePost.SECRETARY, "吴书记")
    dialog.accept()
    assert dialog.saved_id is not None and boxes.shown == []


def test_the_election_date_has_a_calendar_and_no_day_to_come(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """The other dialogs' dates open a calendar; this one had none (and took a day to come,
    refused only on saving)."""
    for edit in (False, True):
        dialog = _dialog(qtbot, db, world.jia_two, edit=edit)
        elected = dialog.ui.electedEdit
        assert elected.calendarPopup()
        assert elected.maximumDate() == QDate(2026, 5, 25)
        elected.setDate(QDate(2026, 6, 1))
        assert elected.date() == QDate(2026, 5, 25)


def test_a_seat_holder_who_left_keeps_the_link_when_corrected(
    qtbot: QtBot, db: Database, world: TwoTowns
) -> None:
    """The dialog lists the members on the roll: a corrected committee's 书记 who had
    since left was not found among them, and the seat silently lost its link."""
    left = make_member(db, "周书记", world.jia_two)
    seats = (
        committees.Seat("周书记", CommitteePost.SECRETARY, left),
        committees.Seat("甲二党员", CommitteePost.ORGANIZATION, world.member_jia_two),
    )
    data = committees.CommitteeInput(world.jia_two, 5, date(2026, 5, 1), 5, seats)
    committees.record_committee(db, data, today=TODAY)
    status = MembershipStatus.TRANSFERRED_OUT.value
    sql_by_hand(db, f"UPDATE party_member SET status = '{status}' WHERE id = {left}")
    dialog = _dialog(qtbot, db, world.jia_two, edit=True)
    names = dialog.name_combo(0)
    assert names.currentText() == "周书记" and names.currentData() == left
    assert names.findText("周书记") >= 0 and dialog.name_combo(1).findText("周书记") < 0
    dialog.ui.remarkEdit.setText("补记")
    dialog.accept()
    assert dialog.saved_id is not None
    assert committees.history(db, world.jia_two, TODAY)[0].seats == seats


def test_a_committee_recorded_meanwhile_elsewhere_asks_about_the_gap_on_saving(
    qtbot: QtBot, db: Database, world: TwoTowns, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog opened on an organization with no committee (any first number); another
    window then recorded 第3届. 第10届 saved here was refused beside the number, with no way
    to say the gap is intended; it is asked about as a gap the dialog knew of is."""
    boxes: Boxes = stub_boxes(monkeypatch)
    dialog = _dialog(qtbot, db, world.yi_one)
    dialog.ui.termNoSpin.setValue(10)
    dialog.ui.electedEdit.setDate(QDate(2026, 5, 20))
    _fill(dialog, 0, CommitteePost.SECRETARY, "吴书记")
    seats = (committees.Seat("周书记", CommitteePost.SECRETARY),)
    elsewhere = committees.CommitteeInput(world.yi_one, 3, date(2024, 5, 1), 5, seats)
    committees.record_committee(db, elsewhere, today=TODAY)
    boxes.confirm_answer = False
    dialog.accept()
    assert boxes.shown == [
        "The last committee recorded is no. 3, and this one is no. 10: the terms between "
        "them can never be added later. Record it as no. 10?"
    ]
    assert dialog.saved_id is None and dialog.error_text() == ""
    boxes.confirm_answer = True
    dialog.accept()
    assert dialog.saved_id is not None and len(boxes.shown) == 2
    assert [r.term_no for r in committees.history(db, world.yi_one, TODAY)] == [10, 3]
