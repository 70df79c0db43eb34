"""The 清单 tab and 经费 page driven through qtbot: list, item, group claim, 督办, 办结, funds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Claim, FundEntry, ServiceList
from pbc_desktop.domain.enums import (
    ClaimMode,
    FundDirection,
    FundSource,
    ItemStatus,
    ListKind,
    Satisfaction,
)
from pbc_desktop.services import funds
from pbc_desktop.services.lists import claims, editing, queries, supervision
from pbc_desktop.ui.common import prompts
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.lists.claim_dialog import ClaimDialog
from pbc_desktop.ui.lists.dialog import ListDialog
from pbc_desktop.ui.lists.fund_entry_dialog import FundEntryDialog
from pbc_desktop.ui.lists.item_dialog import ItemDialog
from pbc_desktop.ui.lists.solve_dialog import SolveDialog
from pbc_desktop.ui.lists.supervision_dialog import SupervisionDialog
from pbc_desktop.ui.lists.tab import ListsTab
from tests.list_factories import Setup, setup_community
from tests.qt_helpers import Boxes, stub_boxes, type_text


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
    return widget


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def choose_community(tab: ListsTab, community_id: int) -> None:
    tab.community_combo.setCurrentIndex(tab.community_combo.findData(community_id))


def test_buttons_need_a_community_and_a_list(tab: ListsTab, setup: Setup) -> None:
    assert not tab.new_list_button.isEnabled()
    assert not tab.new_item_button.isEnabled()
    assert tab.lists_hint.text()
    choose_community(tab, setup.community_id)
    assert tab.new_list_button.isEnabled()
    assert tab.lists_table.rowCount() == 1
    assert not tab.new_item_button.isEnabled()
    tab.lists_table.selectRow(0)
    assert tab.new_item_button.isEnabled()
    assert tab.extra_label.text()  # "List: ..." with a "show all" button
    for button in tab.item_buttons.values():
        assert not button.isEnabled()


def test_create_list_item_claim_supervise_and_solve(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, boxes: Boxes
) -> None:
    choose_community(tab, setup.community_id)
    # A new demand list: the title is proposed from the community, the year and the kind.
    click(qtbot, tab.new_list_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, ListDialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(ListKind.DEMAND.value))
    assert dialog.ui.titleEdit.text().endswith("年需求清单")
    dialog.ui.titleEdit.clear()
    type_text(qtbot, dialog.ui.titleEdit, "和平2026需求清单")
    ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.read() as s:
        assert (
            s.scalars(select(ServiceList.title).where(ServiceList.kind == ListKind.DEMAND)).one()
            == "和平2026需求清单"
        )
    assert tab.lists_table.rowCount() == 2

    # A project item on the project list.
    project_row = next(i for i, r in enumerate(tab._lists) if r.id == setup.list_id)
    tab.lists_table.selectRow(project_row)
    click(qtbot, tab.new_item_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, ItemDialog)
    ok(qtbot, dialog)  # no title: refused, the field is named
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text()
    assert dialog.ui.titleEdit.styleSheet()
    type_text(qtbot, dialog.ui.titleEdit, "长者饭堂")
    type_text(qtbot, dialog.ui.categoryEdit, "为老服务")
    ok(qtbot, dialog)
    assert tab.model.rowCount() == 1
    row = tab.current_row()
    assert row is not None and row.title == "长者饭堂"
    assert row.status == ItemStatus.OPEN
    assert tab.claim_button.isEnabled()
    assert not tab.solve_button.isEnabled()
    assert tab.solve_button.toolTip() == "项目事项需先认领，才能推进或办结。"  # says why

    # 组团认领: the picker offers the community's members only; a group of one is refused.
    click(qtbot, tab.claim_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, ClaimDialog)
    assert [m.name for m in dialog.members] == [
        "和平村党支部",
        "区卫健局党支部",
        "和平供电所党支部",
    ]
    qtbot.mouseClick(dialog.ui.groupRadio, Qt.MouseButton.LeftButton)
    assert dialog.ui.partnersTable.isEnabled()
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "组团认领" in dialog.ui.errorLabel.text()
    dialog.set_partner(setup.orgs[1], person="李四")
    dialog.set_partner(setup.orgs[2], person="王五")
    type_text(qtbot, dialog.ui.responsibleEdit, "张三")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    with db.read() as s:
        claim = s.scalars(select(Claim)).one()
        assert claim.mode == ClaimMode.GROUP
        assert sorted(p.organization_id for p in claim.participants) == sorted(setup.orgs)
    row = tab.current_row()
    assert row is not None and row.status == ItemStatus.CLAIMED
    assert "区卫健局党支部" in tab.model.data(tab.model.index(0, 5))
    assert not tab.claim_button.isEnabled()
    assert tab.claim_button.toolTip() == "该事项已认领，不能再次认领。"

    # 督办 moves it in progress.
    click(qtbot, tab.supervise_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, SupervisionDialog)
    dialog.ui.byEdit.clear()
    type_text(qtbot, dialog.ui.byEdit, "镇党委")
    type_text(qtbot, dialog.ui.progressEdit, "已选址")
    type_text(qtbot, dialog.ui.nextEdit, "采购设备")
    ok(qtbot, dialog)
    row = tab.current_row()
    assert row is not None and row.status == ItemStatus.IN_PROGRESS
    assert "已选址" in tab.detail.toPlainText()

    # 办结 needs the satisfaction.
    click(qtbot, tab.solve_button)
    dialog = tab.active_dialog
    assert isinstance(dialog, SolveDialog)
    type_text(qtbot, dialog.ui.resultEdit, "饭堂开业")
    ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.satisfactionCombo.styleSheet()
    combo = dialog.ui.satisfactionCombo
    combo.setCurrentIndex(combo.findData(Satisfaction.FAIRLY.value))
    ok(qtbot, dialog)
    detail = queries.get_item_detail(db, row.id)
    assert (detail.status, detail.satisfaction, detail.result) == (
        ItemStatus.SOLVED,
        Satisfaction.FAIRLY,
        "饭堂开业",
    )
    assert tab.reopen_button.isEnabled()
    assert not tab.supervise_button.isEnabled()
    assert tab.lists_table.item(project_row, 3).text() == "1 / 1"


def test_reopen_asks_for_the_reason(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    item = editing.add_item(db, setup.list_id, editing.ItemInput(title="修路"))
    claims.claim_item(
        db, item, claims.ClaimInput(ClaimMode.SINGLE, setup.orgs[0], date(2026, 3, 1))
    )
    supervision.solve_item(
        db, item, supervision.SolveInput(date(2026, 3, 2), "修好了", Satisfaction.SATISFIED)
    )
    tab.refresh()
    assert tab.select_id(item)
    monkeypatch.setattr(prompts, "ask_text", lambda *_a: "又坏了")
    click(qtbot, tab.reopen_button)
    assert queries.get_item_detail(db, item).status == ItemStatus.IN_PROGRESS


def test_overdue_items_are_red(qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup) -> None:
    from datetime import date

    editing.add_item(
        db, setup.list_id, editing.ItemInput(title="过期项目", deadline=date(2025, 1, 1))
    )
    tab.refresh()
    index = tab.model.index(0, 4)
    assert tab.model.data(index) == "逾期"
    brush = tab.model.data(index, Qt.ItemDataRole.ForegroundRole)
    assert brush.color().name() == "#c0392b"
    tab.status_combo.setCurrentIndex(tab.status_combo.count() - 1)  # 逾期
    assert tab.model.rowCount() == 1


def test_claimant_filter(qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup) -> None:
    from datetime import date

    a = editing.add_item(db, setup.list_id, editing.ItemInput(title="甲认领"))
    editing.add_item(db, setup.list_id, editing.ItemInput(title="没人认领"))
    claims.claim_item(db, a, claims.ClaimInput(ClaimMode.SINGLE, setup.orgs[1], date(2026, 3, 1)))
    tab.refresh()
    assert tab.model.rowCount() == 2
    combo = tab.claimant_combo
    combo.setCurrentIndex(combo.findData(setup.orgs[1]))
    assert [r.title for r in tab.model.rows()] == ["甲认领"]


def test_income_and_confirmed_over_balance_expense(
    qtbot: QtBot, tab: ListsTab, db: Database, setup: Setup, boxes: Boxes
) -> None:
    choose_community(tab, setup.community_id)
    tab.pages.setCurrentIndex(1)
    panel = tab.funds_panel
    assert panel.community_id() == setup.community_id
    click(qtbot, panel.income_button)
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    assert not dialog.ui.purposeEdit.isVisibleTo(dialog)
    type_text(qtbot, dialog.ui.amountEdit, "1,000.50")
    ok(qtbot, dialog)  # no source yet
    assert dialog.isVisible()
    assert dialog.ui.sourceCombo.styleSheet()
    dialog.ui.sourceCombo.setCurrentIndex(1)  # 上级拨款
    ok(qtbot, dialog)
    assert funds.balance(db, setup.community_id) == 100_050

    click(qtbot, panel.expense_button)
    dialog = panel.active_dialog
    assert isinstance(dialog, FundEntryDialog)
    type_text(qtbot, dialog.ui.amountEdit, "1,500")
    type_text(qtbot, dialog.ui.purposeEdit, "慰问困难群众")
    boxes.confirm_answer = False
    ok(qtbot, dialog)  # declined: nothing stored, the dialog stays
    assert dialog.isVisible()
    assert "超过当前结余" in boxes.shown[-1]
    boxes.confirm_answer = True
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    with db.read() as s:
        spent = s.scalars(
            select(FundEntry).where(FundEntry.direction == FundDirection.EXPENSE)
        ).one()
        assert (spent.amount_cents, spent.over_balance) == (150_000, True)
    assert panel.table.rowCount() == 2
    assert "超支" in panel.table.item(1, 2).text() or "over" in panel.table.item(1, 2).text()
    assert panel.table.item(1, 4).text() == "-499.50"
    assert panel.table.item(1, 3).foreground().color().name() == "#c0392b"
    assert "-499.50" in panel.balance_label.text()
    assert "1,000.50" in panel.summary_view.toPlainText()


def test_an_expense_stored_below_zero_shows_marked(
    chinese: object, tab: ListsTab, db: Database, setup: Setup
) -> None:
    """An expense dated before the income (a database from before the balance was kept by
    day) was shown with a negative balance but no 超支 mark."""
    with db.write() as s:
        s.add_all(
            [
                FundEntry(
                    community_id=setup.community_id,
                    entry_date=date(2025, 1, 1),
                    direction=FundDirection.EXPENSE,
                    purpose="旧账",
                    amount_cents=5_000,
                    over_balance=False,
                ),
                FundEntry(
                    community_id=setup.community_id,
                    entry_date=date(2025, 2, 1),
                    direction=FundDirection.INCOME,
                    source=FundSource.RAISED,
                    amount_cents=10_000,
                    over_balance=False,
                ),
            ]
        )
    choose_community(tab, setup.community_id)
    tab.pages.setCurrentIndex(1)
    table = tab.funds_panel.table
    assert table.rowCount() == 2
    assert table.item(0, 2).text() == "旧账（超支）"  # as the confirmation says it will be
    assert table.item(0, 4).text() == "-50.00"
    assert table.item(0, 3).foreground().color().name() == "#c0392b"
    assert (table.item(1, 2).text(), table.item(1, 4).text()) == ("各方筹集", "50.00")


def test_exports_from_the_tab(
    qtbot: QtBot,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    boxes: Boxes,
) -> None:
    editing.add_item(db, setup.list_id, editing.ItemInput(title="长者饭堂"))
    choose_community(tab, setup.community_id)
    tab.lists_table.selectRow(0)
    out = tmp_path / "list.xlsx"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: out)
    boxes.confirm_answer = False
    click(qtbot, tab.xlsx_button)
    assert out.exists()
    assert tab.last_export == out
    pdf = tmp_path / "list.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: pdf)
    click(qtbot, tab.pdf_button)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Open its folder" in boxes.shown[-1] or str(pdf) in boxes.shown[-1]


def test_export_proposes_a_name_windows_takes(
    qtbot: QtBot,
    *,
    tab: ListsTab,
    db: Database,
    setup: Setup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list titled 2025/2026年项目清单 proposed a folder 2025 that does not exist (and
    a colon or quotes a name Windows refuses)."""
    title = '2025/2026年"项目"清单:第一批'
    data = editing.ListInput(setup.community_id, ListKind.PROJECT, title, 2026, date(2026, 3, 1))
    editing.update_list(db, setup.list_id, data)
    choose_community(tab, setup.community_id)
    tab.lists_table.selectRow(0)
    asked: list[Path] = []

    def ask(_parent: object, _title: str, suggested: Path, _kind: str = "pdf") -> None:
        asked.append(suggested)

    monkeypatch.setattr(prompts, "ask_save_path", ask)
    click(qtbot, tab.pdf_button)
    assert asked == [prompts.documents_dir() / "2025_2026年_项目_清单_第一批.pdf"]
