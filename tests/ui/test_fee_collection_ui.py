"""党费 → 党费收缴: the grid typed from the keyboard (Enter goes down the column), 补缴 and
预缴 typed as months, saved at once; checked on screen and in the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FeePayment
from pbc_desktop.domain.fees import DEFAULT_SCHEDULE, FeeCategory, PaymentKind
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.fees.rates_window import FeeRatesWindow
from pbc_desktop.ui.fees.sheet_model import AHEAD, BACK, OWED, PAID
from pbc_desktop.ui.fees.window import FeeCollectionWindow
from tests.factories import make_org
from tests.fee_factories import member_with_basis
from tests.pdf_helpers import page_texts
from tests.qt_helpers import Boxes, DiscardQuestion, stub_boxes
from tests.scope_factories import viewer_actor

MAR = date(2026, 3, 1)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def window(qtbot: QtBot, db: Database, boxes: Boxes) -> FeeCollectionWindow:
    org = make_org(db, "甲村党支部")
    member_with_basis(db, "李四", org, category=FeeCategory.FARMER, income=None)
    member_with_basis(db, "王五", org, category=FeeCategory.RETIRED, income="4000")
    member_with_basis(db, "张三", org, income="4000")
    win = FeeCollectionWindow(AppContext(db))
    qtbot.addWidget(win)
    win.month.setDate(QDate(2026, 3, 1))
    win.paid_on.setDate(QDate(2026, 3, 18))
    win.show()
    qtbot.waitExposed(win)
    return win


def _cell(win: FeeCollectionWindow, row: int, column: int) -> str:
    return str(win.model.index(row, column).data())


def _type(qtbot: QtBot, win: FeeCollectionWindow, text: str) -> None:
    """Type as a clerk does: into the open cell, or a first key that opens it; then Enter."""
    if win.view.state() != QAbstractItemView.State.EditingState:
        qtbot.keyClick(win.view, text[0])
        text = text[1:]
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not win.view
    qtbot.keyClicks(editor, text)
    row = win.view.currentIndex().row()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            win.view.currentIndex().row() != row
            or win.view.state() != QAbstractItemView.State.EditingState
        )
    )


def test_typing_down_the_column_then_saving(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database, qtmodeltester: object
) -> None:
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    assert [_cell(window, r, 0) for r in range(3)] == ["李四", "王五", "张三"]
    assert _cell(window, 2, OWED) == "2"  # January and February
    window.view.setFocus()
    assert window.view.currentIndex().column() == PAID
    _type(qtbot, window, "0.2")
    _type(qtbot, window, "20")  # Enter moved to 王五
    assert window.view.currentIndex().row() == 2
    _type(qtbot, window, "40")
    assert [_cell(window, r, PAID) for r in range(3)] == ["0.20", "20.00", "40.00"]
    # the total paid counts what is typed (it said 0.00 until saved)
    assert "60.20 yuan paid" in window.totals.text()
    # 张三 also pays back two months and one ahead
    window.view.setCurrentIndex(window.model.index(2, BACK))
    _type(qtbot, window, "2")
    window.view.setCurrentIndex(window.model.index(2, AHEAD))
    _type(qtbot, window, "1")
    assert "not saved" in window.totals.text() or "未保存" in window.totals.text()
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        stored = s.execute(
            select(FeePayment.fee_month, FeePayment.amount_cents, FeePayment.kind).order_by(
                FeePayment.amount_cents, FeePayment.fee_month
            )
        ).all()
    assert len(stored) == 6
    zhang = [(m, a, k) for m, a, k in stored if a == 4000]
    assert zhang == [
        (date(2026, 1, 1), 4000, PaymentKind.BACK),
        (date(2026, 2, 1), 4000, PaymentKind.BACK),
        (MAR, 4000, PaymentKind.ON_TIME),
        (date(2026, 4, 1), 4000, PaymentKind.AHEAD),
    ]
    # the grid shows what is stored now
    assert _cell(window, 2, OWED) == ""
    assert _cell(window, 2, PAID) == "40.00" and _cell(window, 2, BACK) == ""
    assert window.totals.text().endswith(" — saved")


def test_saving_with_nothing_typed_says_nothing_changed(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    """保存 with nothing typed said "— 已保存", as if something had been."""
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    assert window.totals.text() == "3 members, 60.20 yuan due, 0.00 yuan paid — nothing changed"
    with db.read() as s:
        assert s.scalars(select(FeePayment)).all() == []


def test_bad_amounts_are_refused_and_fill_uses_the_standards(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    index = window.model.index(0, PAID)
    assert not window.model.setData(index, "abc")
    assert not window.model.setData(index, "1.234")
    assert not window.model.setData(index, "-1")
    # no number, or one no database column holds: refused in the cell (Infinity once
    # raised OverflowError out of setData, 1e20 a crash on saving)
    for hostile in ("Infinity", "NaN", "1e20", "100000001"):
        assert not window.model.setData(index, hostile), hostile
    qtbot.mouseClick(window.fill, Qt.MouseButton.LeftButton)
    assert [_cell(window, r, PAID) for r in range(3)] == ["0.20", "20.00", "40.00"]
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        total = sum(s.scalars(select(FeePayment.amount_cents)))
    assert total == 20 + 2000 + 4000
    assert window.model.row_at(1).paid == Decimal("20.00")


@pytest.mark.usefixtures("chinese")
def test_a_refused_cell_says_why_and_keeps_the_clerk_on_it(
    qtbot: QtBot, window: FeeCollectionWindow
) -> None:
    """1.234, -5 or 30 months typed and Enter: the cell went blank and the cursor on to
    the next member, not a word said."""
    window.view.setFocus()
    _type(qtbot, window, "1.234")
    assert window.view.currentIndex().row() == 0  # not on to 王五
    assert window.error.isVisible()
    assert window.error.text() == "李四的实缴（元）：金额最多精确到分（两位小数）。"
    assert _cell(window, 0, PAID) == ""
    for typed, said in (
        ("-5", "李四的实缴（元）：金额不能为负数。"),
        ("abc", "李四的实缴（元）：“abc”不是金额。"),
        # an income typed in the wrong cell: refused at once, not saved as a month's fee
        ("4000000", "李四的实缴（元）：一个月的实缴金额不能超过100,000元，请核对。"),
    ):
        assert not window.model.setData(window.model.index(0, PAID), typed)
        assert window.error.text() == said
    assert not window.model.setData(window.model.index(2, BACK), "30")
    assert window.error.text() == "张三的补缴月数：应为 0 到 24 的整数。"
    _type(qtbot, window, "0.2")  # taken: the sentence goes, Enter goes on down
    assert window.error.isHidden()
    assert window.view.currentIndex().row() == 1
    assert _cell(window, 0, PAID) == "0.20"


@pytest.mark.usefixtures("chinese")
def test_a_paste_into_the_wrong_cell_is_refused_in_a_sentence(
    window: FeeCollectionWindow,
) -> None:
    """Thousands of digits pasted as months raised ValueError out of setData (int()'s
    limit), and an ID number or a phone pasted as an amount was said back in full."""
    from pbc_desktop.domain import privacy
    from tests.factories import make_id

    for column in (BACK, AHEAD):
        assert not window.model.setData(window.model.index(2, column), "9" * 5000)
        assert window.error.text().endswith("应为 0 到 24 的整数。")
    for pasted in (make_id("19851212", "102"), "138-1234-5678"):  # the ID number ends in X
        assert not window.model.setData(window.model.index(0, PAID), pasted)
        said = window.error.text()
        assert said.startswith("李四的实缴（元）：“") and said.endswith("”不是金额。")
        assert pasted not in said and not privacy.contains_personal_numbers(said)
    assert window.model.setData(window.model.index(2, BACK), "2")


def test_a_viewer_sees_the_sheet_but_cannot_save(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    org = make_org(db, "乙村党支部")
    member_with_basis(db, "赵六", org)
    db.user = viewer_actor(db)
    win = FeeCollectionWindow(AppContext(db))
    qtbot.addWidget(win)
    assert win.model.rowCount() == 1
    assert not win.save.isEnabled() and win.save.toolTip()


def test_the_basis_dialog_shows_the_standard_and_saves(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    from pbc_desktop.services.fees.basis import member_bases
    from pbc_desktop.ui.common.combos import select_data
    from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog

    row = window.model.row_at(2)  # 张三, employed at 4,000 since January
    dialog = FeeBasisDialog(AppContext(db), row.member_id, row.name, MAR, window)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert ui.incomeEdit.text() == "4000.00"
    assert ui.standardLabel.text() == "40.00 yuan a month"
    ui.incomeEdit.clear()
    qtbot.keyClicks(ui.incomeEdit, "10000.01")
    assert ui.standardLabel.text() == "200.00 yuan a month"
    qtbot.keyClicks(ui.incomeEdit, "x")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert "月收入" in ui.errorLabel.text()
    ui.incomeEdit.clear()
    select_data(ui.categoryCombo, FeeCategory.STUDENT.value)
    assert ui.standardLabel.text() == "0.20 yuan a month"
    # a remark the column cannot hold: refused by its name (the server's save failed)
    ui.remarkEdit.setText("备" * 201)
    dialog.accept()
    assert ui.errorLabel.text() == "备注不能超过 200 个字（现为 201 个）"
    assert ui.remarkEdit.styleSheet()
    assert len(member_bases(db, row.member_id)) == 1
    ui.remarkEdit.setText("在读研究生")
    dialog.accept()
    assert [b.category for b in member_bases(db, row.member_id)] == [
        FeeCategory.EMPLOYED,
        FeeCategory.STUDENT,
    ]
    window.load()
    assert _cell(window, 2, PAID - 1) == "0.20"


def test_the_district_sets_new_rates_from_a_month(qtbot: QtBot, db: Database, boxes: Boxes) -> None:
    from pbc_desktop.services.fees.rates import schedules

    win = FeeRatesWindow(AppContext(db))
    qtbot.addWidget(win)
    employed = win.tables[FeeCategory.EMPLOYED]
    assert [employed.item(r, 1).text() for r in range(4)] == ["0.5", "1", "1.5", "2"]
    assert win.fixed[FeeCategory.FARMER].text() == "0.20"
    win.start.setDate(QDate(2027, 1, 1))
    employed.item(0, 1).setText("0.6")
    win.fixed[FeeCategory.FARMER].setText("0.5")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    (stored,) = schedules(db)
    assert stored.effective_from == date(2027, 1, 1)
    assert stored.employed[0].rate == 60 and stored.fixed_cents[FeeCategory.FARMER] == 50
    employed.item(1, 1).setText("abc")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    assert "row 2" in win.error.text() or "第 2 行" in win.error.text()


def shown_rates_window(qtbot: QtBot, db: Database) -> FeeRatesWindow:
    win = FeeRatesWindow(AppContext(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_rate_typed_without_its_decimal_point_is_refused(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    """1.5 typed as 15: every member of the bracket would have owed ten times the rule."""
    from pbc_desktop.services.fees.rates import schedules

    win = shown_rates_window(qtbot, db)
    employed = win.tables[FeeCategory.EMPLOYED]
    employed.item(2, 1).setText("15")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    assert win.error.isVisible()
    assert win.error.text() == (
        "在职党员的比例不能超过 3%（党费规定的最高比例为 2%），"
        "请核对是否漏了小数点（如 0.5% 输成了 5%）。"
    )
    assert schedules(db) == [] and boxes.shown == []
    employed.item(2, 1).setText("1.5")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    assert not win.error.isVisible()
    assert [b.rate for b in schedules(db)[0].employed] == [50, 100, 150, 200]


def test_rates_typed_and_not_saved_are_not_dropped_unasked(
    qtbot: QtBot, db: Database, boxes: Boxes, discard_question: DiscardQuestion
) -> None:
    """Esc, 关闭 or another schedule chosen after typing rates closed the window (or showed
    the other schedule) and dropped them without a word."""
    from pbc_desktop.services.fees.rates import set_schedule

    set_schedule(db, replace(DEFAULT_SCHEDULE, effective_from=date(2026, 1, 1)))
    set_schedule(db, replace(DEFAULT_SCHEDULE, effective_from=date(2026, 7, 1)))
    win = shown_rates_window(qtbot, db)
    qtbot.keyClick(win, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not win.isVisible() and discard_question.asked == []
    win.show()
    employed = win.tables[FeeCategory.EMPLOYED]
    employed.item(0, 1).setText("0.6")
    discard_question.answer = False  # 继续编辑
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert win.isVisible() and employed.item(0, 1).text() == "0.6"
    close = win.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert win.isVisible()
    win.history.setCurrentIndex(0)  # the January schedule: the July one is typed into
    assert win.history.currentIndex() == 1 and employed.item(0, 1).text() == "0.6"
    assert discard_question.asked == [win, win, win]
    discard_question.answer = True  # 放弃修改
    win.history.setCurrentIndex(0)
    assert win.history.currentIndex() == 0 and employed.item(0, 1).text() == "0.5"
    qtbot.keyClick(win, Qt.Key.Key_Escape)  # the January one as shown: nothing to ask
    assert not win.isVisible() and len(discard_question.asked) == 4


def test_an_account_that_may_not_set_rates_is_not_asked(
    qtbot: QtBot, db: Database, boxes: Boxes, discard_question: DiscardQuestion
) -> None:
    db.user = viewer_actor(db)
    win = shown_rates_window(qtbot, db)
    win.fixed[FeeCategory.FARMER].setText("9")
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not win.isVisible() and discard_question.asked == []


def test_typed_amounts_are_not_dropped_without_asking(
    qtbot: QtBot, window: FeeCollectionWindow, boxes: Boxes
) -> None:
    window.model.setData(window.model.index(0, PAID), "0.2")
    boxes.confirm_answer = False
    window.month.setDate(QDate(2026, 4, 1))
    assert window.month.date() == QDate(2026, 3, 1)
    assert _cell(window, 0, PAID) == "0.20"
    assert "not saved" in boxes.shown[-1]
    boxes.confirm_answer = True
    window.month.setDate(QDate(2026, 4, 1))
    assert _cell(window, 0, PAID) == ""


def test_closing_with_amounts_typed_asks_first(
    qtbot: QtBot, window: FeeCollectionWindow, boxes: Boxes, db: Database
) -> None:
    """Esc (or 关闭) after typing a branch's payments closed the window and dropped them
    without a word; also the amount still open in its cell."""
    window.view.setFocus()
    _type(qtbot, window, "0.2")
    assert window.view.state() == QAbstractItemView.State.EditingState  # 王五's cell open
    qtbot.keyClicks(window.focusWidget(), "2")  # typed, Enter not yet pressed
    boxes.confirm_answer = False
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert "not saved" in boxes.shown[-1]
    assert _cell(window, 1, PAID) == "2.00"  # the open cell was taken, not lost
    boxes.confirm_answer = True
    qtbot.mouseClick(
        window.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close),
        Qt.MouseButton.LeftButton,
    )
    assert not window.isVisible()
    with db.read() as s:
        assert s.scalar(select(FeePayment.id)) is None
    shown = len(boxes.shown)
    window.show()
    window.load()  # nothing typed: closed without asking
    window.reject()
    assert not window.isVisible() and len(boxes.shown) == shown


def test_no_sheet_of_a_month_to_come(window: FeeCollectionWindow) -> None:
    """The month scrolled on to 2099: 887 months owed, and a payment saved for it."""
    today = date.today()
    this_month = QDate(today.year, today.month, 1)
    assert window.month.maximumDate() == this_month
    window.month.setDate(QDate(2099, 12, 1))
    assert window.month.date() == this_month


def test_without_a_branch_the_sheet_buttons_are_off(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    """No organization with members in the account's scope: 收缴表 and 公示 were enabled
    and did nothing when clicked."""
    win = FeeCollectionWindow(AppContext(db))
    qtbot.addWidget(win)
    assert win.org_id() is None
    assert not win.print_sheet.isEnabled() and not win.print_notice.isEnabled()
    assert not win.save.isEnabled()
    assert win.print_year.isEnabled()  # the year's summary says what there is


def test_full_width_digits_are_taken_as_typed(window: FeeCollectionWindow) -> None:
    """A Chinese input method types ４０．５０: the cell refused it without a word."""
    assert window.model.setData(window.model.index(0, PAID), "４０．５０")
    assert window.model.setData(window.model.index(0, BACK), "２")
    [entry] = window.model.entries()
    assert (entry.paid, entry.back) == (Decimal("40.50"), 2)


@pytest.mark.usefixtures("chinese")
def test_a_comma_typed_for_the_point_is_refused_not_read_as_thousands(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    """ "3,50" (a comma for the point) was read 350 yuan, and an income of "4000,5" 40,005
    yuan: the basis was stored and the standard followed it without a word."""
    from pbc_desktop.services.fees.basis import member_bases
    from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog

    assert not window.model.setData(window.model.index(0, PAID), "3,50")
    assert window.error.text() == "李四的实缴（元）：“3,50”不是金额。"
    assert window.model.setData(window.model.index(0, PAID), "1,234.50")  # thousands: taken
    row = window.model.row_at(2)  # 张三, employed at 4,000 since January
    dialog = FeeBasisDialog(AppContext(db), row.member_id, row.name, date(2026, 4, 1), window)
    qtbot.addWidget(dialog)
    dialog.ui.incomeEdit.clear()
    qtbot.keyClicks(dialog.ui.incomeEdit, "4000,5")
    assert dialog.ui.standardLabel.text() == "（暂无）"
    dialog.accept()
    assert dialog.ui.errorLabel.text() == "月收入应为数字金额。"
    assert len(member_bases(db, row.member_id)) == 1  # nothing stored


@pytest.mark.usefixtures("chinese")
@pytest.mark.qt_log_ignore("does not support raise")  # the refusal's tooltip
def test_a_day_paid_that_does_not_exist_is_not_saved_under_the_old_one(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    """缴纳日期 typed 2026-3-32 and 保存 clicked: a tooltip flashed, the field went back to
    the 18th and the payments were stored as paid then, the window saying "saved"."""
    assert window.model.setData(window.model.index(2, PAID), "40")
    window.paid_on.setFocus()
    window.paid_on.selectAll()
    qtbot.keyClicks(window.paid_on, "2026-3-32")
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    assert window.error.isVisible()
    assert window.error.text() == "“2026-3-32”这一天不存在，请检查月份和日期。"
    with db.read() as s:
        assert s.scalars(select(FeePayment.id)).all() == []
    assert window.model.changed  # what was typed stays, to save with the right day
    window.paid_on.selectAll()
    qtbot.keyClicks(window.paid_on, "2026-3-30")
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert s.scalars(select(FeePayment.paid_on)).all() == [date(2026, 3, 30)]


def test_a_sheet_saved_meanwhile_elsewhere_is_not_overwritten(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database, boxes: Boxes
) -> None:
    """Two clerks on the same branch and month: the second save replaced the first's
    amounts without a word."""
    from pbc_desktop.services.fees.collection import SheetEntry, save_sheet

    org = window.org_id()
    assert org is not None
    zhang = window.model.row_at(2).member_id
    save_sheet(db, org, MAR, [SheetEntry(zhang, paid=Decimal("40"))], paid_on=date(2026, 3, 10))
    assert window.model.setData(window.model.index(2, PAID), "4")
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    assert len(boxes.shown) == 1 and "其他人修改" in boxes.shown[0]
    with db.read() as s:
        assert list(s.scalars(select(FeePayment.amount_cents))) == [4000]
    window.load()  # read again: the other save shows, and this one goes through
    assert _cell(window, 2, PAID) == "40.00"
    assert window.model.setData(window.model.index(2, PAID), "4")
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert list(s.scalars(select(FeePayment.amount_cents))) == [400]


def test_two_basis_dialogs_on_one_member_the_second_save_is_refused(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database
) -> None:
    """The basis editor read no version: the second of two dialogs open on the same
    member's month replaced the first one's basis without a word."""
    from pbc_desktop.services.fees.basis import member_bases
    from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog

    row = window.model.row_at(2)  # 张三, employed at 4,000 since January
    first, second = (
        FeeBasisDialog(AppContext(db), row.member_id, row.name, MAR, window) for _ in range(2)
    )
    for dialog, income in ((first, "5000"), (second, "6000")):
        qtbot.addWidget(dialog)
        dialog.ui.incomeEdit.clear()
        qtbot.keyClicks(dialog.ui.incomeEdit, income)
    first.accept()
    assert first.result() == FeeBasisDialog.DialogCode.Accepted
    second.accept()
    assert "请关闭后重新打开再保存" in second.error_text()
    assert second.ui.incomeEdit.text() == "6000"  # the input kept as typed
    assert [b.income for b in member_bases(db, row.member_id)] == [4000, 5000]
    again = FeeBasisDialog(AppContext(db), row.member_id, row.name, MAR, window)
    qtbot.addWidget(again)
    assert again.ui.incomeEdit.text() == "5000.00"
    again.accept()
    assert again.result() == FeeBasisDialog.DialogCode.Accepted


def test_two_rates_windows_the_second_save_is_refused(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    from pbc_desktop.services.fees.rates import schedules

    first, second = FeeRatesWindow(AppContext(db)), FeeRatesWindow(AppContext(db))
    for win, rate in ((first, "0.6"), (second, "0.7")):
        qtbot.addWidget(win)
        win.start.setDate(QDate(2027, 1, 1))
        win.tables[FeeCategory.EMPLOYED].item(0, 1).setText(rate)
    qtbot.mouseClick(first.save, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(second.save, Qt.MouseButton.LeftButton)
    assert len(boxes.shown) == 1 and "请关闭后重新打开再保存" in boxes.shown[0]
    assert [s.employed[0].rate for s in schedules(db)] == [60]
    second.reload()
    second.start.setDate(QDate(2027, 1, 1))
    second.tables[FeeCategory.EMPLOYED].item(0, 1).setText("0.7")
    qtbot.mouseClick(second.save, Qt.MouseButton.LeftButton)
    assert [s.employed[0].rate for s in schedules(db)] == [70]


def test_a_limit_with_a_third_decimal_is_not_cut_without_a_word(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    from pbc_desktop.services.fees.rates import schedules

    win = FeeRatesWindow(AppContext(db))
    qtbot.addWidget(win)
    win.tables[FeeCategory.EMPLOYED].item(0, 0).setText("3000.005")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    assert "row 1" in win.error.text() and schedules(db) == []
    win.tables[FeeCategory.EMPLOYED].item(0, 0).setText("100000000000000000000")
    qtbot.mouseClick(win.save, Qt.MouseButton.LeftButton)
    assert "100000000" in win.error.text() and schedules(db) == [] and boxes.shown == []


def test_enter_past_the_last_row_presses_no_button(
    qtbot: QtBot, window: FeeCollectionWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter after the last row reached the window, whose default button filled every
    unpaid member's amount with the standard (or opened the basis dialog)."""
    from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog

    opened: list[FeeBasisDialog] = []
    monkeypatch.setattr(FeeBasisDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    window.view.setFocus()
    window.view.setCurrentIndex(window.model.index(2, PAID))
    _type(qtbot, window, "40")  # 张三, the last row: Enter leaves the editor there
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert [_cell(window, r, PAID) for r in range(3)] == ["", "", "40.00"]
    assert window.isVisible() and opened == []


def test_enter_in_the_rates_does_not_save_the_districts_rates(
    qtbot: QtBot, db: Database, boxes: Boxes
) -> None:
    from pbc_desktop.services.fees.rates import schedules

    win = shown_rates_window(qtbot, db)
    table = win.tables[FeeCategory.EMPLOYED]
    table.setFocus()
    table.setCurrentCell(0, 1)
    table.item(0, 1).setText("0.7")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert schedules(db) == [] and win.isVisible()


def test_a_pdf_with_amounts_typed_saves_them_first_when_asked(
    qtbot: QtBot,
    window: FeeCollectionWindow,
    *,
    boxes: Boxes,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The 收缴表 and the 公示 printed what was saved: amounts typed just before were left
    out without a word (a notice posted 已缴 0 人)."""
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a, **_k: out)
    monkeypatch.setattr(prompts, "open_folder", lambda _folder: None)
    window.view.setFocus()
    _type(qtbot, window, "0.2")
    qtbot.keyClicks(window.focusWidget(), "20")  # 王五's amount typed, still in its cell
    boxes.confirm_answer = False
    qtbot.mouseClick(window.print_sheet, Qt.MouseButton.LeftButton)
    assert "not saved" in boxes.shown[-1]
    assert not out.exists()  # not printed, nothing saved, the amounts still there
    with db.read() as s:
        assert s.scalar(select(FeePayment.id)) is None
    assert _cell(window, 1, PAID) == "20.00"
    boxes.confirm_answer = True
    qtbot.mouseClick(window.print_notice, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert sorted(s.scalars(select(FeePayment.amount_cents))) == [20, 2000]
    assert "已缴 2 人" in "".join(page_texts(out))  # 李四 and 王五, as typed
    asked = len(boxes.shown)
    qtbot.mouseClick(window.print_sheet, Qt.MouseButton.LeftButton)  # all saved: not asked
    assert len(boxes.shown) == asked + 1 and "not saved" not in boxes.shown[-1]


def test_amounts_typed_stay_when_a_basis_is_saved(
    qtbot: QtBot, window: FeeCollectionWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setting one member's 缴纳基数 reloaded the grid: the amounts typed for the others
    (and the one still open in its cell) vanished without a word."""
    from pbc_desktop.services.fees.basis import BasisInput, set_basis
    from pbc_desktop.ui.fees.basis_dialog import FeeBasisDialog

    def saved(dialog: FeeBasisDialog) -> int:
        income = Decimal("6000")  # 1.5 %: 90.00
        set_basis(db, BasisInput(dialog.member_id, MAR, FeeCategory.EMPLOYED, income=income))
        return 1

    monkeypatch.setattr(FeeBasisDialog, "exec", saved)
    window.view.setFocus()
    _type(qtbot, window, "0.2")
    qtbot.keyClicks(window.focusWidget(), "20")  # 王五's, still open
    window.view.setCurrentIndex(window.model.index(2, PAID))
    qtbot.mouseClick(window.basis, Qt.MouseButton.LeftButton)
    assert _cell(window, 2, 2) == "90.00"  # 张三's new standard shown
    assert [_cell(window, r, PAID) for r in range(2)] == ["0.20", "20.00"]
    qtbot.mouseClick(window.save, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert sorted(s.scalars(select(FeePayment.amount_cents))) == [20, 2000]
