"""The fund ledger (经费) of the running communities: income early in the year, spending on
activities and projects."""

from __future__ import annotations

from datetime import date, timedelta

from pbc_desktop.db.models import FundEntry
from pbc_desktop.domain.enums import FundDirection, FundSource, LeadershipRole
from pbc_desktop.services.demo import data
from pbc_desktop.services.demo.district import CommunityInfo, District
from pbc_desktop.services.demo.people import random_date


def add_funds(gen: District) -> None:
    rng = gen.rng
    for c in gen.communities:
        if not c.running:
            continue
        assert c.founded is not None
        handler = c.person(LeadershipRole.LIAISON)
        for year in (gen.last_year, gen.this_year):
            first = max(c.founded, date(year, 1, 1))
            last = min(date(year, 12, 31), gen.today)
            if first > last:
                continue
            income = 0
            income_end = min(last, first + timedelta(days=60))
            sources = [FundSource.HIGHER_LEVEL, FundSource.RAISED, FundSource.PARTY_DUES]
            amounts = {
                FundSource.HIGHER_LEVEL: (10_000, 50_000),
                FundSource.RAISED: (3_000, 20_000),
                FundSource.PARTY_DUES: (2_000, 8_000),
            }
            for source in sources:
                low, high = amounts[source]
                cents = rng.randint(low // 100, high // 100) * 100 * 100
                income += cents
                _entry(
                    gen,
                    c,
                    random_date(rng, first, income_end),
                    cents,
                    f"{year}年度党建共同体工作经费",
                    handler=handler,
                    source=source,
                )
            budget = int(income * rng.uniform(0.4, 0.85))
            spend_from = income_end + timedelta(days=1)
            spending: list[tuple[str, int | None, int | None]] = [
                (rng.choice(data.FUND_SPENDING), aid, None)
                for aid in rng.sample(c.activities[year], min(len(c.activities[year]), 4))
            ]
            spending += [
                (f"项目实施：{title}", None, item_id) for item_id, title in c.projects[year][:2]
            ]
            for purpose, aid, item_id in spending:
                if spend_from > last or budget < 100_000:
                    break
                cents = rng.randint(5, max(6, budget // 3 // 10_000)) * 10_000
                cents = min(cents, budget)
                budget -= cents
                _entry(
                    gen,
                    c,
                    random_date(rng, spend_from, last),
                    cents,
                    purpose,
                    handler=handler,
                    activity_id=aid,
                    item_id=item_id,
                )


def _entry(
    gen: District,
    c: CommunityInfo,
    on: date,
    cents: int,
    purpose: str,
    *,
    handler: str,
    source: FundSource | None = None,
    activity_id: int | None = None,
    item_id: int | None = None,
) -> None:
    """One ledger line: income when it has a ``source``, else spending (on an activity or a
    project item, when given)."""
    gen.add(
        FundEntry,
        community_id=c.id,
        entry_date=on,
        direction=FundDirection.EXPENSE if source is None else FundDirection.INCOME,
        source=source,
        purpose=purpose,
        amount_cents=cents,
        activity_id=activity_id,
        item_id=item_id,
        over_balance=False,
        handler=handler,
        remark=None,
    )
