"""The 清单 tab and 经费 page driven through qtbot: editing, signing and deleting.

Lists, items and fund entries are changed as a clerk does (select a row, click or press a
key, type, answer the boxes) and then checked both on the screen and through the services.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FundEntry, ListItem, ServiceList
from pbc_desktop.domain.enums import ClaimMode, FundDirection, FundSource, ItemStatus, ListKind
from pbc_desktop.services import funds
from pbc_desktop.services.lists import claims, editing, queries
from pbc_desktop.ui.common import messages
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.lists.dialog import ListDialog
from pbc_desktop.ui.lists.fund_entry_dialog import FundEntryDialog
from pbc_desktop.ui.lists.funds_panel import FundsPanel
from pbc_desktop.ui.lists.item_dialog import ItemDialog
from pbc_desktop.ui.lists.tab import ListsTab
from tests.list_factories import Setup, setup_community
from tests.qt_helpers import Boxes, stub_boxes, type_text

SIGNED = date(2026, 3, 1)  # the project list of ``setup_community`` was signed then
PAST = date(2026, 2, 20)  # a day safely before the test run


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return stub_boxes(monkeypatch)


@pytest.fixture
def setup(db: Database) -> Setup:
    return setup_community(db)


@pytest.fixture
def tab(qtbot: QtBot, db: Database, setup: Setup, boxes: Boxes) -> ListsTab:
    widget = ListsTab(AppContext(db))
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# -- how a clerk acts ----------------------------------------------------------------------
def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """Click a cell of ``row`` as a clerk selects a line of a table."""
    model = view.model()
    assert model is not None and 0 <= row < model.rowCount(), row
    index = model.index(row, column, QModelIndex())
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), (row, column)
    viewport = view.viewport()
    assert viewport is not None
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select what the field holds and type ``text`` over it."""
    widget.setFocus()
    if isinstance(widget, QLineEdit | QSpinBox):
        widget.selectAll()
    else:  # pragma: no cover - only line edits and spin boxes are retyped here
        raise AssertionError(type(widget))
    type_text(qtbot, widget, text)


def choose_community(tab: ListsTab, community_id: int) -> None:
    tab.community_combo.setCurrentIndex(tab.community_combo.findData(community_id))


def list_row(tab: ListsTab, list_id: int) -> int:
    return next(i for i, r in enumerate(tab._lists) if r.id == list_id)


def list_cells(tab: ListsTab, row: int) -> list[str]:
    table = tab.lists_table
    return [table.item(row, c).text() for c in range(table.columnCount())]


def item_row(tab: ListsTab, item_id: int) -> int:
    return next(i for i, r in enumerate(tab.model.rows()) if r.id == item_id)


def shown_titles(tab: ListsTab) -> list[str]:
    return [r.title for r in tab.model.rows()]


def count(db: Database, model: type[ListItem] | type[ServiceList] | type[FundEntry]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def claim(db: Database, setup: Setup, item_id: int) -> None:
    claims.claim_item(db, item_id, claims.ClaimInput(ClaimMode.SINGLE, setup.orgs[0], SIGNED))


# -- lists ---------------------------------------------------------------------------------
def test_edit_a_list_title_and_year(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup
) -> None:
    choose_community(tab, setup.community_id)
    click_row(qtbot, tab.lists_table, list_row(tab, setup.list_id))
    assert tab.current_list() is not None and tab.current_list().id == setup.list_id  # type: ignore[union-attr]
    click(qtbot, tab.edit_list_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, ListDialog)
    assert dialog.ui.titleEdit.text() == "和平党建共同体2026年项目清单"
    assert dialog.ui.yearSpin.value() == 2026
    assert dialog.ui.signedCheck.isChecked()

    # An empty title is refused in the dialog and nothing changes.
    retype(qtbot, dialog.ui.titleEdit, " ")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "清单名称" in dialog.ui.errorLabel.text()
    assert queries.get_service_list(db, setup.list_id).title == "和平党建共同体2026年项目清单"

    retype(qtbot, dialog.ui.titleEdit, "和平2027年项目清单")
    retype(qtbot, dialog.ui.yearSpin, "2027")
    assert dialog.ui.titleEdit.text() == "和平2027年项目清单"  # not re-proposed by the year
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted

    stored = queries.get_service_list(db, setup.list_id)
    assert (stored.title, stored.year, stored.signed_on, stored.kind) == (
        "和平2027年项目清单",
        2027,
        SIGNED,
        ListKind.PROJECT,
    )
    assert count(db, ServiceList) == 1
    row = list_row(tab, setup.list_id)
    assert list_cells(tab, row)[:3] == ["和平2027年项目清单", "2027", "2026-03-01"]
    # Still the chosen list, and its new title is in the filter note.
    assert tab.current_list() is not None and tab.current_list().id == setup.list_id  # type: ignore[union-attr]
    assert "和平2027年项目清单" in tab.extra_label.text()
    assert tab.year_combo.findData(2027) >= 0


def test_editing_a_list_keeps_its_remark(qtbot: QtBot, db: Database, setup: Setup) -> None:
    stored = queries.get_service_list(db, setup.list_id)
    editing.update_list(
        db,
        setup.list_id,
        editing.ListInput(
            community_id=setup.community_id,
            kind=stored.kind,
            title=stored.title,
            year=stored.year,
            signed_on=stored.signed_on,
            remark="经共同体联席会议审议通过",
        ),
    )
    dialog = ListDialog(AppContext(db), setup.community_id, "和平党建共同体", setup.list_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.remarkEdit.toPlainText() == "经共同体联席会议审议通过"

    retype(qtbot, dialog.ui.titleEdit, "和平2026年项目清单")
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = queries.get_service_list(db, setup.list_id)
    assert (stored.title, stored.remark) == ("和平2026年项目清单", "经共同体联席会议审议通过")


def test_sign_a_list_through_the_date_prompt(
    qtbot: QtBot,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    boxes: Boxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demand = editing.create_list(
        db,
        editing.ListInput(setup.community_id, ListKind.DEMAND, "和平需求清单", 2026),
    )
    choose_community(tab, setup.community_id)
    row = list_row(tab, demand)
    before = list_cells(tab, row)
    assert before[0] == "和平需求清单"
    assert before[2] and "-" not in before[2]  # "not signed", no date yet

    # The prompt the tab opens: a mistyped date is refused with a warning, then asked again.
    answers = iter([("2026/02/20", True), (PAST.isoformat(), True)])
    prompts: list[str] = []

    def get_text(_parent: object, _title: str, prompt: str, **_kw: object) -> tuple[str, bool]:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    click_row(qtbot, tab.lists_table, row)
    click(qtbot, tab.sign_list_button)
    assert len(prompts) == 2
    assert "和平需求清单" in prompts[0]
    assert boxes.shown == ["日期格式应为 2026-03-01"]

    assert queries.get_service_list(db, demand).signed_on == PAST
    assert queries.get_service_list(db, setup.list_id).signed_on == SIGNED  # the other list
    row = list_row(tab, demand)
    assert list_cells(tab, row)[2] == "2026-02-20"
    assert tab.current_list() is not None and tab.current_list().id == demand  # type: ignore[union-attr]

    # Cancelling the prompt changes nothing; a day in the future is refused by the service.
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("", False)))
    click(qtbot, tab.sign_list_button)
    assert queries.get_service_list(db, demand).signed_on == PAST
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("2100-01-01", True))
    )
    click(qtbot, tab.sign_list_button)
    assert "签订日期不能晚于今天" in boxes.shown[-1]
    assert queries.get_service_list(db, demand).signed_on == PAST
    assert list_cells(tab, list_row(tab, demand))[2] == "2026-02-20"


def test_delete_a_list_when_confirmed(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, boxes: Boxes
) -> None:
    demand = editing.create_list(
        db, editing.ListInput(setup.community_id, ListKind.DEMAND, "和平需求清单", 2026)
    )
    editing.add_item(db, demand, editing.ItemInput(title="路灯不亮"))
    kept = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    choose_community(tab, setup.community_id)
    assert sorted(shown_titles(tab)) == sorted(["路灯不亮", "长者饭堂"])
    click_row(qtbot, tab.lists_table, list_row(tab, demand))
    assert shown_titles(tab) == ["路灯不亮"]

    # Declined: nothing happens.
    boxes.confirm_answer = False
    click(qtbot, tab.delete_list_button)
    assert "和平需求清单" in boxes.shown[-1] and "1" in boxes.shown[-1]
    assert count(db, ServiceList) == 2
    assert tab.lists_table.rowCount() == 2

    boxes.confirm_answer = True
    click(qtbot, tab.delete_list_button)
    assert len(boxes.shown) == 2  # the question only, no error
    with db.read() as s:
        assert s.scalars(select(ServiceList.id)).all() == [setup.list_id]
        assert s.scalars(select(ListItem.id)).all() == [kept]
    assert tab.lists_table.rowCount() == 1
    assert list_cells(tab, 0)[0] == "和平党建共同体2026年项目清单"
    assert tab.current_list() is None
    assert shown_titles(tab) == ["长者饭堂"]  # every list's items again
    assert not tab.extra_label.isVisible()
    assert not tab.delete_list_button.isEnabled()


def test_delete_a_list_refused_while_an_item_is_handled(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, boxes: Boxes
) -> None:
    open_item = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    claimed = editing.add_item(db, setup.list_id, editing.ItemInput(title="修路"))
    claim(db, setup, claimed)
    choose_community(tab, setup.community_id)
    click_row(qtbot, tab.lists_table, list_row(tab, setup.list_id))
    boxes.confirm_answer = True
    click(qtbot, tab.delete_list_button)
    assert len(boxes.shown) == 2, boxes.shown  # the question, then the refusal
    assert "和平党建共同体2026年项目清单" in boxes.shown[0]
    assert "已在办理" in boxes.shown[1] and "不能删除" in boxes.shown[1]
    with db.read() as s:
        assert s.scalars(select(ServiceList.id)).all() == [setup.list_id]
        assert sorted(s.scalars(select(ListItem.id)).all()) == sorted([open_item, claimed])
    assert queries.get_item_detail(db, claimed).status == ItemStatus.CLAIMED
    assert tab.lists_table.rowCount() == 1
    assert list_cells(tab, 0)[3] == "0 / 2"
    assert sorted(shown_titles(tab)) == sorted(["长者饭堂", "修路"])


# -- items ---------------------------------------------------------------------------------
def test_edit_an_item_title_and_deadline(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup
) -> None:
    editing.add_item(db, setup.list_id, editing.ItemInput(title="修路"))
    item = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂", category="为老"))
    choose_community(tab, setup.community_id)
    click_row(qtbot, tab.table, item_row(tab, item), 3)
    row = tab.current_row()
    assert row is not None and row.id == item
    assert tab.edit_item_button.isEnabled()
    click(qtbot, tab.edit_item_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, ItemDialog)
    assert dialog.ui.titleEdit.text() == "长者饭堂"
    assert not dialog.ui.deadlineCheck.isChecked()
    assert not dialog.ui.deadlineEdit.isEnabled()

    retype(qtbot, dialog.ui.titleEdit, "长者饭堂(二期)")
    qtbot.mouseClick(dialog.ui.deadlineCheck, Qt.MouseButton.LeftButton)
    assert dialog.ui.deadlineCheck.isChecked()
    assert dialog.ui.deadlineEdit.isEnabled()
    dialog.ui.deadlineEdit.setFocus()
    dialog.ui.deadlineEdit.setCurrentSectionIndex(0)
    dialog.ui.deadlineEdit.selectAll()
    qtbot.keyClicks(dialog.ui.deadlineEdit, "2026-09-30")
    assert dialog.ui.deadlineEdit.text() == "2026-09-30"  # read when OK is clicked
    ok(qtbot, dialog)
    assert not dialog.isVisible()

    detail = queries.get_item_detail(db, item)
    assert (detail.title, detail.deadline, detail.category, detail.status) == (
        "长者饭堂(二期)",
        date(2026, 9, 30),
        "为老",
        ItemStatus.OPEN,
    )
    assert count(db, ListItem) == 2
    row = tab.current_row()
    assert row is not None and row.id == item
    r = item_row(tab, item)
    assert tab.model.data(tab.model.index(r, 3)) == "长者饭堂(二期)"
    assert tab.model.data(tab.model.index(r, 6)) == "2026-09-30"
    assert "长者饭堂(二期)" in tab.detail.toPlainText()
    assert "2026-09-30" in tab.detail.toPlainText()


def test_edit_an_item_with_f2(qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup) -> None:
    item = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    choose_community(tab, setup.community_id)
    tab.activateWindow()
    qtbot.waitActive(tab)
    click_row(qtbot, tab.table, item_row(tab, item), 3)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    dialog = tab.active_dialog
    assert isinstance(dialog, ItemDialog)
    assert dialog.item_id == item
    retype(qtbot, dialog.ui.titleEdit, "Canteen")
    qtbot.keyClick(dialog.ui.titleEdit, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert queries.get_item_detail(db, item).title == "Canteen"
    assert shown_titles(tab) == ["Canteen"]


def test_delete_an_unclaimed_item_but_not_a_claimed_one(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, boxes: Boxes
) -> None:
    unclaimed = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    claimed = editing.add_item(db, setup.list_id, editing.ItemInput(title="修路"))
    claim(db, setup, claimed)
    choose_community(tab, setup.community_id)

    # A claimed item: 删除 is not offered, and the service refuses it anyway.
    click_row(qtbot, tab.table, item_row(tab, claimed), 3)
    row = tab.current_row()
    assert row is not None and row.id == claimed
    assert tab.edit_item_button.isEnabled()
    assert not tab.delete_item_button.isEnabled()
    boxes.confirm_answer = True
    tab.delete_item()  # as if the button were still there
    assert "已认领" in boxes.shown[-1], boxes.shown
    assert queries.get_item_detail(db, claimed).status == ItemStatus.CLAIMED
    assert count(db, ListItem) == 2
    shown = len(boxes.shown)

    # An unclaimed item: declined first, then confirmed.
    click_row(qtbot, tab.table, item_row(tab, unclaimed), 3)
    row = tab.current_row()
    assert row is not None and row.id == unclaimed
    assert tab.delete_item_button.isEnabled()
    boxes.confirm_answer = False
    click(qtbot, tab.delete_item_button)
    assert "长者饭堂" in boxes.shown[-1]
    assert count(db, ListItem) == 2
    boxes.confirm_answer = True
    click(qtbot, tab.delete_item_button)
    assert len(boxes.shown) == shown + 2  # two questions, no error
    with db.read() as s:
        assert s.scalars(select(ListItem.id)).all() == [claimed]
    assert shown_titles(tab) == ["修路"]
    assert list_cells(tab, list_row(tab, setup.list_id))[3] == "0 / 1"
    assert tab.current_row() is None
    assert not tab.delete_item_button.isEnabled()
    assert "长者饭堂" not in tab.detail.toPlainText()


# -- 经费 --------------------------------------------------------------------------------------
def add_entry(db: Database, setup: Setup, direction: FundDirection, cents: int, when: date) -> int:
    income = direction == FundDirection.INCOME
    return funds.add_entry(
        db,
        funds.FundInput(
            community_id=setup.community_id,
            direction=direction,
            entry_date=when,
            amount_cents=cents,
            source=FundSource.HIGHER_LEVEL if income else None,
            purpose=None if income else "慰问困难群众",
        ),
    )


@pytest.fixture
def ledger(db: Database, setup: Setup) -> tuple[int, int]:
    """1,000.00 in on 2026-02-01, 200.00 out on 2026-02-10."""
    income = add_entry(db, setup, FundDirection.INCOME, 100_000, date(2026, 2, 1))
    expense = add_entry(db, setup, FundDirection.EXPENSE, 20_000, date(2026, 2, 10))
    return income, expense


def open_funds(tab: ListsTab, setup: Setup) -> FundsPanel:
    choose_community(tab, setup.community_id)
    tab.pages.setCurrentIndex(1)
    panel = tab.funds_panel
    assert panel.community_id() == setup.community_id
    return panel


def ledger_row(panel: FundsPanel, entry_id: int) -> int:
    return next(i for i, r in enumerate(panel.rows) if r.id == entry_id)


def test_edit_a_fund_entry_amount_changes_the_balance(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, ledger: tuple[int, int]
) -> None:
    _income, expense = ledger
    panel = open_funds(tab, setup)
    assert "800.00" in panel.balance_label.text()
    assert not panel.edit_button.isEnabled()
    click_row(qtbot, panel.table, ledger_row(panel, expense))
    assert panel.current_id() == expense
    click(qtbot, panel.edit_button)
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    assert dialog.ui.amountEdit.text() == "200.00"
    retype(qtbot, dialog.ui.amountEdit, "350.5")
    ok(qtbot, dialog)
    assert not dialog.isVisible()

    with db.read() as s:
        entry = s.get(FundEntry, expense)
        assert entry is not None
        assert (entry.amount_cents, entry.purpose, entry.over_balance) == (
            35_050,
            "慰问困难群众",
            False,
        )
    assert funds.balance(db, setup.community_id) == 64_950
    assert "649.50" in panel.balance_label.text()
    assert "800.00" not in panel.balance_label.text()
    r = ledger_row(panel, expense)
    assert panel.current_id() == expense
    assert panel.table.item(r, 3).text() == "-350.50"
    assert panel.table.item(r, 4).text() == "649.50"
    assert "350.50" in panel.summary_view.toPlainText()


def test_delete_a_fund_entry_restores_the_balance(
    qtbot: QtBot,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    boxes: Boxes,
    ledger: tuple[int, int],
) -> None:
    income, expense = ledger
    panel = open_funds(tab, setup)
    assert panel.table.rowCount() == 2
    click_row(qtbot, panel.table, ledger_row(panel, expense))
    assert panel.delete_button.isEnabled()

    boxes.confirm_answer = False
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "200.00" in boxes.shown[-1] and "慰问困难群众" in boxes.shown[-1]
    assert count(db, FundEntry) == 2
    assert "800.00" in panel.balance_label.text()

    boxes.confirm_answer = True
    click(qtbot, panel.delete_button)
    assert len(boxes.shown) == 2  # two questions, no error
    with db.read() as s:
        assert s.scalars(select(FundEntry.id)).all() == [income]
    assert funds.balance(db, setup.community_id) == 100_000
    assert "1,000.00" in panel.balance_label.text()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 4).text() == "1,000.00"
    assert panel.current_id() is None
    assert not panel.delete_button.isEnabled()
    assert "慰问困难群众" not in panel.summary_view.toPlainText()


def test_deleting_an_income_already_spent_asks_again(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    ledger: tuple[int, int],
    chinese: object,
) -> None:
    """The 1,000.00 income the 200.00 was spent from: deleting it leaves -200.00, said
    before it is done; declined, it stays."""
    income, _expense = ledger
    asked: list[str] = []
    titles: list[str] = []
    answers: list[bool] = []

    def confirm(_parent: object, title: str, text: str) -> bool:
        titles.append(title)
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(messages, "confirm", confirm)
    panel = open_funds(tab, setup)
    answers[:] = [True, False]  # yes, delete it; no, not below zero
    click_row(qtbot, panel.table, ledger_row(panel, income))
    click(qtbot, panel.delete_button)
    assert len(asked) == 2 and "-200.00" in asked[-1]
    assert titles[-1] == "结余将为负数"
    assert asked[-1] == "该笔收入已有支出，删除后结余将为 -200.00 元。确认仍要删除吗？"
    assert count(db, FundEntry) == 2 and "800.00" in panel.balance_label.text()
    answers[:] = [True, True]
    click_row(qtbot, panel.table, ledger_row(panel, income))
    click(qtbot, panel.delete_button)
    assert len(asked) == 4
    assert count(db, FundEntry) == 1 and "-200.00" in panel.balance_label.text()


def test_lowering_an_income_already_spent_is_asked_as_a_negative_balance(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    ledger: tuple[int, int],
    chinese: object,
) -> None:
    """The 1,000.00 income lowered to 100.00 leaves -100.00: asked under "结余将为负数"
    (the title of an expense beyond the balance, "超出余额", would not fit it)."""
    income, _expense = ledger
    asked: list[tuple[str, str]] = []

    def confirm(_parent: object, title: str, text: str) -> bool:
        asked.append((title, text))
        return False

    monkeypatch.setattr(messages, "confirm", confirm)
    panel = open_funds(tab, setup)
    click_row(qtbot, panel.table, ledger_row(panel, income))
    click(qtbot, panel.edit_button)
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    retype(qtbot, dialog.ui.amountEdit, "100")
    ok(qtbot, dialog)
    assert asked == [
        ("结余将为负数", "该笔收入已有支出，修改后结余将为 -100.00 元。确认仍要保存吗？")
    ]
    assert funds.balance(db, setup.community_id) == 80_000
    dialog.reject()


@pytest.mark.parametrize(
    ("typed", "why"), [("12.345", "两位小数"), ("abc", "不是有效的金额"), ("0", "大于零")]
)
def test_an_invalid_amount_is_refused_in_the_dialog(
    qtbot: QtBot,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    boxes: Boxes,
    typed: str,
    why: str,
) -> None:
    panel = open_funds(tab, setup)
    click(qtbot, panel.income_button)
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    dialog.ui.sourceCombo.setCurrentIndex(1)
    type_text(qtbot, dialog.ui.amountEdit, typed)
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert why in dialog.ui.errorLabel.text()
    assert dialog.ui.amountEdit.styleSheet()
    assert why in dialog.ui.amountEdit.toolTip()
    assert count(db, FundEntry) == 0
    assert panel.table.rowCount() == 0
    assert boxes.shown == []

    # Corrected, the same dialog saves and the error goes away.
    retype(qtbot, dialog.ui.amountEdit, "12.34")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    with db.read() as s:
        assert s.scalars(select(FundEntry.amount_cents)).all() == [1_234]
    assert "12.34" in panel.balance_label.text()


def test_an_invalid_amount_leaves_the_edited_entry_alone(
    qtbot: QtBot,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    ledger: tuple[int, int],
) -> None:
    income, _expense = ledger
    item = editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    choose_community(tab, setup.community_id)
    click_row(qtbot, tab.lists_table, list_row(tab, setup.list_id))
    click_row(qtbot, tab.table, item_row(tab, item), 3)
    assert tab.new_item_button.isEnabled() and tab.edit_item_button.isEnabled()
    panel = open_funds(tab, setup)
    tab.activateWindow()
    qtbot.waitActive(tab)
    click_row(qtbot, panel.table, ledger_row(panel, income))
    # F2 and Ctrl+N belong to the 清单 page: here F2 edits the entry, Ctrl+N does nothing.
    qtbot.keyClick(panel.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.active_dialog is None
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    assert tab.active_dialog is None
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    assert dialog.entry_id == income
    retype(qtbot, dialog.ui.amountEdit, "1000.005")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "两位小数" in dialog.ui.errorLabel.text()
    with db.read() as s:
        entry = s.get(FundEntry, income)
        assert entry is not None and entry.amount_cents == 100_000
    assert "800.00" in panel.balance_label.text()
    dialog.reject()
    assert not dialog.isVisible()
    assert funds.balance(db, setup.community_id) == 80_000
