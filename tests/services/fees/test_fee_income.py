"""A 党费补 income of a community's funds may point to a branch's fee collection of a month."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import FundEntry
from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.errors import ValidationError
from pbc_desktop.services.fees.summary import collected
from pbc_desktop.services.funds import FundInput, add_entry, get_entry, ledger
from tests.factories import make_community, make_org
from tests.fee_factories import JAN, member_with_basis, pay_months


def test_party_dues_income_names_the_collection_it_came_from(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    other = make_org(db, "乙村党支部")
    community = make_community(db, "甲乙共建", [org, other])
    a = member_with_basis(db, "张三", org, income="4000")
    b = member_with_basis(db, "李四", org, income="3000")
    pay_months(db, org, [a, b], JAN)
    assert collected(db, org, JAN) == Decimal("55.00")
    entry_id = add_entry(
        db,
        FundInput(
            community,
            FundDirection.INCOME,
            date(2026, 2, 3),
            5500,
            source=FundSource.PARTY_DUES,
            fee_org_id=org,
            fee_month=date(2026, 1, 20),
        ),
    )
    stored = get_entry(db, entry_id)
    assert (stored.fee_org_id, stored.fee_month) == (org, JAN)
    assert ledger(db, community)[0].fee_org_id == org


def test_only_party_dues_income_may_point_to_fees(db: Database) -> None:
    org = make_org(db)
    community = make_community(db, "共建", [org])
    with pytest.raises(ValidationError, match="党费补助"):
        add_entry(
            db,
            FundInput(
                community,
                FundDirection.INCOME,
                date(2026, 2, 3),
                100,
                source=FundSource.HIGHER_LEVEL,
                fee_org_id=org,
                fee_month=JAN,
            ),
        )
    with pytest.raises(ValidationError, match="月份"):
        add_entry(
            db,
            FundInput(
                community,
                FundDirection.INCOME,
                date(2026, 2, 3),
                100,
                source=FundSource.PARTY_DUES,
                fee_org_id=org,
            ),
        )
    # without a reference, as before
    add_entry(
        db,
        FundInput(
            community, FundDirection.INCOME, date(2026, 2, 3), 100, source=FundSource.PARTY_DUES
        ),
    )
    with db.read() as s:
        assert s.scalars(select(FundEntry.fee_org_id)).all() == [None]
