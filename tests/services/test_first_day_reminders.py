"""An office's first day: the branches it registers that day (their founding dates left
empty, as a new organization's are) are not reminded of the periods before they were
recorded (三会一课 of the months before, last year's 民主评议)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.reminders import ReminderArea, Severity
from pbc_desktop.services.reminders import collect
from tests.conftest import sql_by_hand
from tests.factories import make_member, make_org

FIRST_DAY = date(2026, 12, 7)
AREAS = (ReminderArea.BRANCH_LIFE, ReminderArea.APPRAISAL)


def _recorded(db: Database, org_id: int, day: date) -> None:
    sql_by_hand(db, f"UPDATE organization SET created_at = '{day} 02:00:00' WHERE id = {org_id}")


def _overdue(db: Database, today: date) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for r in collect(db, today):
        if r.area in AREAS and r.severity is Severity.OVERDUE:
            found.setdefault(r.subject, []).append(r.what)
    return found


def test_branches_registered_today_owe_nothing_before(db: Database) -> None:
    branch = make_org(db, "新录入党支部")
    make_member(db, "张三", branch, complete=True)
    _recorded(db, branch, FIRST_DAY)
    assert _overdue(db, FIRST_DAY) == {}


def test_a_branch_counts_from_the_day_it_was_recorded(db: Database) -> None:
    """Recorded in June: the months since are missed, not the ones before; the
    appraisal of the year before it was recorded is not asked of it."""
    branch = make_org(db, "六月录入党支部")
    make_member(db, "李四", branch, complete=True)
    _recorded(db, branch, date(2026, 6, 10))
    lines = _overdue(db, FIRST_DAY)[("六月录入党支部")]
    assert lines and all("本年已有" in what for what in lines)
    # 支委会 monthly: June to November missed, not January to May
    assert any("支委会：本年已有6期未开" in what for what in lines)


def test_a_founding_date_still_rules(db: Database) -> None:
    """A branch recorded today but founded years ago is reminded as before."""
    branch = make_org(db, "老党支部", founded_on=date(2001, 7, 1))
    make_member(db, "王五", branch, complete=True)
    _recorded(db, branch, FIRST_DAY)
    lines = _overdue(db, FIRST_DAY)["老党支部"]
    assert any("支委会：本年已有11期未开" in what for what in lines)
    assert any("2025年度民主评议党员未录入" in what for what in lines)


@pytest.fixture
def in_beijing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("the local time zone is set through TZ")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("in_beijing")
def test_a_branch_entered_early_on_a_quarters_first_day_owes_nothing_of_the_quarter_before(
    db: Database,
) -> None:
    """Entered at 07:30 on 1 October in Beijing (23:30 on 30 September, UTC, as stored):
    it counts from 1 October, the third quarter's meetings not asked of it."""
    branch = make_org(db, "十月录入党支部")
    make_member(db, "赵六", branch, complete=True)
    sql_by_hand(
        db, f"UPDATE organization SET created_at = '2026-09-30 23:30:00' WHERE id = {branch}"
    )
    assert _overdue(db, date(2026, 10, 1)) == {}
