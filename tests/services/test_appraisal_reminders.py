"""民主评议 in the unified reminders: last year's appraisal not entered by 31 March."""

from __future__ import annotations

from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.domain.reminders import ReminderArea, Severity
from pbc_desktop.services.appraisals import grid
from pbc_desktop.services.appraisals.reminders import appraisal_reminders
from pbc_desktop.services.reminders import collect
from tests.factories import make_org
from tests.scope_factories import town_actor, two_towns, village_actor


def _appraisal_lines(db: Database, today: date, town: str | None = None) -> dict[str, int]:
    return {r.subject: r.days for r in collect(db, today, town) if r.area is ReminderArea.APPRAISAL}


def test_due_by_31_march_then_overdue(db: Database) -> None:
    world = two_towns(db)
    make_org(db, "空支部", town="甲镇")  # no members: nothing to appraise
    lines = appraisal_reminders(db, date(2026, 1, 5))
    assert {r.subject for r in lines} == {
        "甲一村党总支",
        "甲一村第一党支部",
        "甲二村党支部",
        "乙一村党支部",
    }
    line = next(r for r in lines if r.subject == "甲二村党支部")
    assert line.due_on == date(2026, 3, 31)
    assert line.severity is Severity.DUE_SOON and line.days_left == 85
    assert line.what == "2025年度民主评议党员未录入（1名党员）"
    assert line.towns == ("甲镇",)
    assert (line.tab, dict(line.filters)) == (
        "appraisal",
        {"organization_id": world.jia_two, "year": 2025},
    )
    assert _appraisal_lines(db, date(2026, 3, 31))["甲二村党支部"] == 0  # the last day
    later = _appraisal_lines(db, date(2026, 4, 10))
    assert later["甲二村党支部"] == 10  # overdue after 31 March
    assert all(r.severity is Severity.OVERDUE for r in appraisal_reminders(db, date(2026, 4, 1)))


def test_an_entered_appraisal_clears_the_line(db: Database) -> None:
    world = two_towns(db)
    grid.save_appraisal(
        db,
        grid.AppraisalInput(
            world.jia_two,
            2025,
            date(2026, 1, 20),
            grades={world.member_jia_two: AppraisalGrade.QUALIFIED},
        ),
        today=date(2026, 2, 1),
    )
    lines = _appraisal_lines(db, date(2026, 2, 1))
    assert "甲二村党支部" not in lines and "乙一村党支部" in lines
    # the next year asks for 2026's appraisal again
    assert "甲二村党支部" in _appraisal_lines(db, date(2027, 1, 2))


def test_scoped_like_the_other_reminders(db: Database) -> None:
    world = two_towns(db)
    today = date(2026, 4, 1)
    assert set(_appraisal_lines(db, today, "乙镇")) == {"乙一村党支部"}
    db.user = town_actor(db, "甲镇")
    assert set(_appraisal_lines(db, today)) == {"甲一村党总支", "甲一村第一党支部", "甲二村党支部"}
    db.user = village_actor(db, world.yi_one)
    assert set(_appraisal_lines(db, today)) == {"乙一村党支部"}
