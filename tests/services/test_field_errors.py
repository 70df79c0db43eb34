"""FieldErrors.not_future: one wording of "a date after today" for every form's service."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import FundDirection, FundSource
from pbc_desktop.errors import ValidationError
from pbc_desktop.services import funds
from pbc_desktop.services.field_errors import FieldErrors
from tests.list_factories import setup_community

TODAY = date(2026, 3, 1)


def test_a_day_after_today_is_refused_naming_the_field() -> None:
    err = FieldErrors()
    err.not_future("signed_on", TODAY, ("签订日期", "signing date"), TODAY)
    err.not_future("claimed_on", None, ("认领日期", "claim date"), TODAY)
    assert err.errors == []
    err.not_future("signed_on", date(2026, 3, 2), ("签订日期", "signing date"), TODAY)
    assert [(e.field, e.message) for e in err.errors] == [("signed_on", "签订日期不能晚于今天")]
    lang.set_language("en")
    err.not_future("claimed_on", date(2027, 1, 1), ("认领日期", "claim date"), TODAY)
    assert err.errors[-1].message == "The claim date cannot be in the future"


def test_a_fund_entry_dated_tomorrow_is_refused(db: Database) -> None:
    setup = setup_community(db)
    tomorrow = date.fromordinal(date.today().toordinal() + 1)
    entry = funds.FundInput(
        setup.community_id, FundDirection.INCOME, tomorrow, 100, source=FundSource.RAISED
    )
    with pytest.raises(ValidationError) as refused:
        funds.add_entry(db, entry)
    assert refused.value.fields() == ["entry_date"]
    assert "日期不能晚于今天" in str(refused.value)
    assert funds.ledger(db, setup.community_id) == []
