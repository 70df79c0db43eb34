"""党费 of the demo district: each member's basis (farmers in the villages, employed and
retired elsewhere) and a year of monthly collection, with some members behind (a few
branches lagging by three to six months) and some paying late (补缴); 党费补 income of
the communities points to the lead branch's collection of its month."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.models import FeeBasis, FeePayment, FeeRate
from pbc_desktop.domain.enums import FundSource, OrgField
from pbc_desktop.domain.fees import (
    DEFAULT_SCHEDULE,
    FeeCategory,
    add_months,
    month_of,
    monthly_standard,
    payment_kind,
)
from pbc_desktop.services.demo.district import District, OrgInfo

#: A full-size district collects only its last months (a year would be 360,000 rows).
_FULL_YEAR_UP_TO = 5_000


def _basis(gen: District, org: OrgInfo) -> tuple[FeeCategory, int | None]:
    rng = gen.rng
    roll = rng.random()
    if org.org_field in (OrgField.RURAL, OrgField.URBAN_COMMUNITY):
        if roll < 0.55:
            return FeeCategory.FARMER, None
        if roll < 0.8:
            return FeeCategory.RETIRED, rng.randint(1800, 7000) * 100
        if roll < 0.85:
            return FeeCategory.LOW_INCOME, None
        return FeeCategory.EMPLOYED, rng.randint(2200, 6000) * 100
    if roll < 0.75:
        return FeeCategory.EMPLOYED, rng.randint(2800, 14000) * 100
    if roll < 0.95:
        return FeeCategory.RETIRED, rng.randint(3000, 9000) * 100
    return FeeCategory.STUDENT, None


def _rates(gen: District) -> None:
    """The 中组部 schedule of 2008 as the district entered it."""
    schedule = DEFAULT_SCHEDULE
    for row in schedule.rows():
        gen.add(FeeRate, effective_from=schedule.effective_from, **row._asdict())


def add_fees(gen: District) -> None:
    _rates(gen)
    rng = gen.rng
    this_month = month_of(gen.today)
    span = 12 if gen.scale.members <= _FULL_YEAR_UP_TO else 3
    first = add_months(this_month, -span)
    for org in gen.orgs:
        active = [m for m in org.members if gen.members[m].active]
        if not active:
            continue
        lagging = rng.random() < 0.15  # a branch whose collection fell behind
        for member_id in active:
            category, income = _basis(gen, org)
            gen.add(
                FeeBasis,
                member_id=member_id,
                effective_from=first,
                category=category,
                income_cents=income,
                fixed_cents=None,
                remark=None,
            )
            due = monthly_standard(DEFAULT_SCHEDULE, category, income_cents=income)
            stops = span
            if lagging and rng.random() < 0.4:
                stops = span - rng.randint(3, 6)
            elif rng.random() < 0.03:
                stops = span - rng.randint(1, 2)
            for index in range(stops):
                fee_month = add_months(first, index)
                late = rng.random() < 0.06 and index + 2 < stops
                collected = add_months(fee_month, 2 if late else 0)
                gen.add(
                    FeePayment,
                    member_id=member_id,
                    organization_id=org.id,
                    fee_month=fee_month,
                    collected_in=collected,
                    paid_on=collected.replace(day=rng.randint(5, 25)),
                    kind=payment_kind(fee_month, collected),
                    due_cents=due,
                    amount_cents=due,
                )
    _point_fee_income(gen)


def _point_fee_income(gen: District) -> None:
    """党费补 income of a community comes from its lead branch's collection of that month."""
    lead = {c.id: c.orgs[0].id for c in gen.communities if c.orgs}
    for row in gen.rows["fund_entry"]:
        is_fee = row.get("source") == FundSource.PARTY_DUES and row["community_id"] in lead
        row["fee_org_id"] = lead[row["community_id"]] if is_fee else None
        row["fee_month"] = (
            date(row["entry_date"].year, row["entry_date"].month, 1) if is_fee else None
        )
