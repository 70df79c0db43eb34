"""The yearly summary (党费收缴情况汇总) agrees with the branches' monthly sheets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import add_months
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.services.fees.collection import collection_sheet
from pbc_desktop.services.fees.summary import yearly_summary
from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member
from pbc_desktop.services.member_changes.transfers import (
    TransferInput,
    issue_transfer,
    receive_transfer,
)
from tests.factories import make_org
from tests.fee_factories import JAN, member_with_basis, pay_months

MONTHS = [add_months(JAN, n) for n in range(8)]  # January to August 2026


def _sheets(db: Database, org_id: int) -> tuple[Decimal, Decimal, list[list[str]]]:
    sheets = [collection_sheet(db, org_id, month) for month in MONTHS]
    return (
        sum((sheet.due_total for sheet in sheets), Decimal("0.00")),
        sum((sheet.paid_total for sheet in sheets), Decimal("0.00")),
        [[row.name for row in sheet.rows] for sheet in sheets],
    )


def test_a_member_transferred_or_dead_mid_year_owes_each_branch_its_months(
    db: Database,
) -> None:
    """The summary counted the dues of the members on the roll now over the whole year
    against what each branch collected: a member transferred in April was owed by the
    receiving branch from January (paid to the sender), one who died in June owed nothing
    (their payments counted). Each branch's due and collected are now its sheets' sums."""
    jia = make_org(db, "甲村党支部")
    yi = make_org(db, "乙村党支部")
    moved = member_with_basis(db, "张三", jia)  # 40.00 a month
    died = member_with_basis(db, "李四", jia)
    stays = member_with_basis(db, "王五", yi)
    pay_months(db, jia, [moved, died], *MONTHS[:3])
    pay_months(db, yi, [stays], *MONTHS[:4])
    letter = issue_transfer(
        db, moved, TransferInput(to_organization_id=yi, issued_on=date(2026, 4, 8))
    )
    receive_transfer(db, letter, date(2026, 4, 10))
    # the month of the transfer is still the sender's (党费交到 on the letter)
    pay_months(db, jia, [moved, died], MONTHS[3])
    pay_months(db, jia, [died], MONTHS[4])
    leave_member(db, died, LeavingInput(MemberChangeKind.DECEASED, date(2026, 6, 15)))
    pay_months(db, jia, [died], MONTHS[5])  # June's sheet, entered after the death
    pay_months(db, yi, [moved, stays], *MONTHS[4:7])  # August not paid yet

    jia_due, jia_paid, jia_names = _sheets(db, jia)
    yi_due, yi_paid, yi_names = _sheets(db, yi)
    assert jia_names == [["李四", "张三"]] * 4 + [["李四"]] * 2 + [[]] * 2
    assert yi_names == [["王五"]] * 4 + [["王五", "张三"]] * 4
    assert (jia_due, jia_paid) == (Decimal("400.00"), Decimal("400.00"))  # 4 + 6 months each
    assert (yi_due, yi_paid) == (Decimal("480.00"), Decimal("400.00"))  # 12 and 10 months

    rows = {r.organization_id: r for r in yearly_summary(db, 2026, today=date(2026, 8, 20))}
    assert (rows[jia].due, rows[jia].paid) == (jia_due, jia_paid)
    assert (rows[yi].due, rows[yi].paid) == (yi_due, yi_paid)
    assert (rows[jia].members, rows[yi].members) == (0, 2)  # as on August's sheets
    (town,) = [r for r in rows.values() if r.organization_id is None]
    assert (town.due, town.paid) == (jia_due + yi_due, jia_paid + yi_paid)
