"""The fund-entry dialog's 党费补 reference: the branch and month of the fee collection
the income came from, the sum collected shown beside it, and the reference listed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FundEntry
from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.services import funds
from pbc_desktop.ui.common.combos import select_data
from pbc_desktop.ui.common.context import AppContext
from pbc_desktop.ui.lists.fund_entry_dialog import FundEntryDialog
from pbc_desktop.ui.lists.tab import ListsTab
from tests.factories import make_member
from tests.fee_factories import member_with_basis, pay_months
from tests.list_factories import Setup, setup_community
from tests.qt_helpers import stub_boxes
from tests.scope_factories import town_actor

FEB = date(2026, 2, 1)


@pytest.fixture(autouse=True)
def _boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    stub_boxes(monkeypatch)


@pytest.fixture
def setup(db: Database) -> Setup:
    found = setup_community(db)
    branch = found.orgs[0]
    ids = [member_with_basis(db, name, branch) for name in ("张三", "李四")]  # 40.00 a month
    pay_months(db, branch, ids, FEB)
    make_member(db, "外镇党员", found.outsider)
    return found


def _dialog(qtbot: QtBot, db: Database, setup: Setup, **kw: object) -> FundEntryDialog:
    direction = kw.pop("direction", FundDirection.INCOME)
    assert isinstance(direction, FundDirection)
    dialog = FundEntryDialog(AppContext(db), setup.community_id, "和平党建共同体", direction, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _choose_dues(dialog: FundEntryDialog, org_id: int, month: date) -> None:
    select_data(dialog.ui.sourceCombo, FundSource.PARTY_DUES.value)
    select_data(dialog.fee_org_combo, org_id)
    dialog.fee_month_edit.setDate(QDate(month.year, month.month, 1))


def test_only_party_dues_income_shows_the_reference(
    qtbot: QtBot, db: Database, setup: Setup
) -> None:
    dialog = _dialog(qtbot, db, setup)
    assert not dialog.fee_org_combo.isVisible() and not dialog.fee_month_edit.isVisible()
    select_data(dialog.ui.sourceCombo, FundSource.HIGHER_LEVEL.value)
    assert not dialog.fee_org_combo.isVisible()
    select_data(dialog.ui.sourceCombo, FundSource.PARTY_DUES.value)
    assert dialog.fee_org_combo.isVisible() and dialog.fee_month_edit.isVisible()
    assert not dialog.fee_month_edit.isEnabled()  # no branch chosen yet
    assert dialog.fee_collected_label.text() == ""
    # the branches with members in the account's scope
    names = [dialog.fee_org_combo.itemText(i) for i in range(1, dialog.fee_org_combo.count())]
    assert names == ["和平村党支部", "外镇党支部"]
    _choose_dues(dialog, setup.orgs[0], FEB)
    assert dialog.fee_month_edit.isEnabled()
    assert dialog.fee_collected_label.text() == "collected 80.00 yuan that month"
    dialog.fee_month_edit.setDate(QDate(2026, 3, 1))
    assert dialog.fee_collected_label.text() == "collected 0.00 yuan that month"
    # switched to another source: the reference is not stored
    select_data(dialog.ui.sourceCombo, FundSource.HIGHER_LEVEL.value)
    assert not dialog.fee_org_combo.isVisible()
    assert (dialog.fee_org_id(), dialog.fee_month()) == (None, None)
    expense = _dialog(qtbot, db, setup, direction=FundDirection.EXPENSE)
    assert not expense.fee_org_combo.isVisible() and expense.fee_org_id() is None


def test_saved_reference_is_listed_and_edited(qtbot: QtBot, db: Database, setup: Setup) -> None:
    dialog = _dialog(qtbot, db, setup)
    dialog.ui.amountEdit.setText("80")
    dialog.ui.dateEdit.setDate(QDate(2026, 3, 5))
    _choose_dues(dialog, setup.orgs[0], FEB)
    entry_id = dialog.save()
    with db.read() as s:
        entry = s.get(FundEntry, entry_id)
        assert entry is not None
        assert (entry.fee_org_id, entry.fee_month) == (setup.orgs[0], FEB)
    # the ledger names where it came from
    tab = ListsTab(AppContext(db))
    qtbot.addWidget(tab)
    tab.community_combo.setCurrentIndex(tab.community_combo.findData(setup.community_id))
    tab.pages.setCurrentIndex(1)
    panel = tab.funds_panel
    assert panel.table.item(0, 2).text() == "党费补助（和平村党支部 2026-02）"  # type: ignore[union-attr]
    # the editor shows it again; clearing the branch removes the reference
    again = _dialog(qtbot, db, setup, entry_id=entry_id)
    assert again.fee_org_combo.currentData() == setup.orgs[0]
    assert again.fee_month_edit.date() == QDate(2026, 2, 1)
    assert again.fee_collected_label.text() == "collected 80.00 yuan that month"
    again.fee_org_combo.setCurrentIndex(0)
    again.save()
    got = funds.get_entry(db, entry_id)
    assert (got.fee_org_id, got.fee_month) == (None, None)


def test_the_services_refusal_marks_the_branch(qtbot: QtBot, db: Database, setup: Setup) -> None:
    dialog = _dialog(qtbot, db, setup)
    dialog.ui.amountEdit.setText("80")
    select_data(dialog.ui.sourceCombo, FundSource.PARTY_DUES.value)
    dialog.fee_org_combo.addItem("已撤销的支部", 999_999)  # gone since the dialog opened
    dialog.fee_org_combo.setCurrentIndex(dialog.fee_org_combo.count() - 1)
    dialog.accept()
    assert dialog.isVisible()
    assert "党支部" in dialog.ui.errorLabel.text()
    assert dialog.fee_org_combo.styleSheet()
    with db.read() as s:
        assert s.scalars(select(FundEntry.id)).all() == []


def test_a_town_account_chooses_among_its_branches(
    qtbot: QtBot, db: Database, setup: Setup
) -> None:
    db.user = town_actor(db, "和平镇")
    dialog = _dialog(qtbot, db, setup)
    names = [dialog.fee_org_combo.itemText(i) for i in range(dialog.fee_org_combo.count())]
    assert "和平村党支部" in names and "外镇党支部" not in names
