"""A package holds its values to the rules the services hold them to: a fee rate above 3 %
(or below nothing), which the rates editor refuses, is refused in a package from another
office too (a faulty or older program, a package edited by hand and signed again), with
a sentence, before anything is written; the rates within the rule travel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import ExchangeLogEntry, FeeRate, Organization
from pbc_desktop.domain.enums import OrgLevel
from pbc_desktop.domain.fees import (
    DEFAULT_SCHEDULE,
    MAX_FIXED_CENTS,
    MAX_INCOME_CENTS,
    MAX_RATE,
)
from pbc_desktop.domain.money import MAX_CENTS
from pbc_desktop.services.exchange.records import COLUMN_RULES, RowError
from pbc_desktop.services.exchange.transfer import LocalOffice, preview_package, receive_package
from pbc_desktop.services.fees.rates import schedules, set_schedule
from tests.factories import make_org
from tests.services.exchange.helpers import office_db
from tests.services.exchange.package_helpers import forge_part, office, registry, sent_parts

VILLAGE = office("a0000000-0000-4000-8000-000000000021", "上底村党委", OrgLevel.VILLAGE)
TOWN = office("a0000000-0000-4000-8000-000000000022", "和平镇党委", OrgLevel.TOWN)
MARCH = date(2026, 3, 1)


def _top_employed(rows: list[dict[str, object]]) -> dict[str, object]:
    """The rate of the highest incomes of employed members (2 % by the rules)."""
    [row] = [r for r in rows if r["category"] == "employed" and r["up_to_cents"] is None]
    assert row["rate"] == 200
    return row


def _count(db: Database, model: object) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


@pytest.fixture
def sent(tmp_path: Path) -> tuple[Database, Database, Path, dict[str, list[dict[str, object]]]]:
    """A village's package holding the district's rates of March 2026 (as they came down to
    it), for the town."""
    village, town = office_db(tmp_path, "village"), office_db(tmp_path, "town")
    make_org(village, "上底村党支部")
    set_schedule(village, replace(DEFAULT_SCHEDULE, effective_from=MARCH))
    path = tmp_path / "p.pbcx"
    return village, town, path, sent_parts(village, path, VILLAGE, TOWN)


@pytest.mark.parametrize(
    ("rate", "said"),
    [
        (500, "党费的比例不能超过 3%（党费规定的最高比例为 2%），请核对是否漏了小数点"),
        (MAX_RATE + 1, "党费的比例不能超过 3%"),
        (-50, "党费的比例不能为负数。"),
    ],
)
def test_a_fee_rate_the_editor_refuses_is_refused_in_a_package_and_nothing_written(
    sent: tuple[Database, Database, Path, dict[str, list[dict[str, object]]]],
    rate: int,
    said: str,
) -> None:
    village, town, path, parts = sent
    rows = parts["fee_rate"]
    _top_employed(rows)["rate"] = rate  # 2 % made 5 %, say
    forge_part(path, "fee_rate", rows, VILLAGE.keys)
    for step in (preview_package, receive_package):
        with pytest.raises(RowError) as caught:
            step(town, path, me=LocalOffice(TOWN.card, TOWN.keys), lookup_sender=registry(VILLAGE))
        message = caught.value.message
        assert message.startswith("数据包中一条“党费比例”记录（记录标识 ")
        assert "的“交纳比例”不符合规定：" + said in message
        assert message.endswith(
            "数据包已拒绝，未写入任何数据；请发送单位在本程序中更正后重新发送。"
        )
    for model in (FeeRate, Organization, ExchangeLogEntry):
        assert _count(town, model) == 0
    village.dispose()
    town.dispose()


def test_rates_within_the_rule_travel(
    sent: tuple[Database, Database, Path, dict[str, list[dict[str, object]]]],
) -> None:
    village, town, path, parts = sent
    rows = parts["fee_rate"]
    _top_employed(rows)["rate"] = MAX_RATE  # 3 %: the most a schedule may set
    forge_part(path, "fee_rate", rows, VILLAGE.keys)
    receive_package(
        town, path, me=LocalOffice(TOWN.card, TOWN.keys), lookup_sender=registry(VILLAGE)
    )
    [schedule] = schedules(town)
    assert schedule.effective_from == MARCH
    assert schedule.employed[-1].rate == MAX_RATE
    village.dispose()
    town.dispose()


def test_a_fixed_standard_beyond_the_editors_limit_is_refused_in_a_package(
    sent: tuple[Database, Database, Path, dict[str, list[dict[str, object]]]],
) -> None:
    village, town, path, parts = sent
    rows = parts["fee_rate"]
    fixed = next(r for r in rows if r["fixed_cents"] is not None)
    fixed["fixed_cents"] = MAX_FIXED_CENTS + 1  # 十万元 a month: a digit too many
    forge_part(path, "fee_rate", rows, VILLAGE.keys)
    with pytest.raises(RowError) as caught:
        receive_package(
            town, path, me=LocalOffice(TOWN.card, TOWN.keys), lookup_sender=registry(VILLAGE)
        )
    assert "不符合规定：金额不能超过 100,000 元。" in caught.value.message
    assert _count(town, FeeRate) == 0
    village.dispose()
    town.dispose()


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        (("fee_rate", "fixed_cents"), MAX_FIXED_CENTS + 1, "金额不能超过 100,000 元。"),
        (("fee_rate", "up_to_cents"), -1, "金额不能为负数。"),
        (("fee_basis", "income_cents"), MAX_INCOME_CENTS + 1, "金额不能超过 1,000,000 元。"),
        (("fee_basis", "fixed_cents"), -100, "金额不能为负数。"),
        (("fee_payment", "amount_cents"), MAX_FIXED_CENTS + 1, "金额不能超过 100,000 元。"),
        (("fund_entry", "amount_cents"), 0, "金额必须大于零。"),
        (("fund_entry", "amount_cents"), MAX_CENTS + 1, "金额不能超过 100,000,000 元。"),
        (("assessment", "award_cents"), -1, "金额不能为负数。"),
        (("assessment", "award_cents"), MAX_CENTS + 1, "金额不能超过 100,000,000 元。"),
    ],
)
def test_amounts_are_held_to_their_editors_limits(
    column: tuple[str, str], value: int, said: str
) -> None:
    rule = COLUMN_RULES[column]
    assert rule(value) == said
    assert rule(None) is None
    assert rule(value - 1 if value > 0 else 1) is None  # within the limit, or the least one
