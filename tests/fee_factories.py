"""Members with fee bases and payments for the fee tests (services, CLI, reports, UI)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.fees import FeeCategory
from pbc_desktop.services.fees.basis import BasisInput, set_basis
from pbc_desktop.services.fees.collection import SheetEntry, save_sheet
from tests.factories import make_member

JAN = date(2026, 1, 1)


def member_with_basis(
    db: Database,
    name: str,
    org_id: int,
    *,
    category: FeeCategory = FeeCategory.EMPLOYED,
    income: str | None = "4000",
    fixed: str | None = None,
    since: date = JAN,
) -> int:
    member_id = make_member(db, name, org_id)
    set_basis(
        db,
        BasisInput(
            member_id,
            since,
            category,
            income=None if income is None else Decimal(income),
            fixed=None if fixed is None else Decimal(fixed),
        ),
    )
    return member_id


def pay_months(db: Database, org_id: int, member_ids: list[int], *months: date) -> None:
    """Each month's sheet with every member paying that month's standard (as typed)."""
    from pbc_desktop.services.fees.collection import collection_sheet

    for month in months:
        sheet = collection_sheet(db, org_id, month)
        entries = [
            SheetEntry(r.member_id, paid=r.standard)
            for r in sheet.rows
            if r.member_id in member_ids and r.standard is not None
        ]
        save_sheet(db, org_id, month, entries, paid_on=month.replace(day=15))
