"""How SQLite runs the appraisal overview's queries (its plan, not its time): the year's
overview of a district took 20 s when each member's "graded elsewhere" test began with
every appraisal of the year."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from pbc_desktop.db.engine import Database
from pbc_desktop.services.appraisals import results
from tests.conftest import on_server


def _correlated_plans(db: Database, run: Any) -> list[str]:
    """The steps of every correlated subquery in the plans of the statements ``run``
    executes (``EXPLAIN QUERY PLAN``: steps with a parent are a subquery's)."""
    executed: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            executed.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert executed
    steps: list[str] = []
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        for statement, parameters in executed:
            rows = cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            steps += [str(detail) for _id, parent, _unused, detail in rows if parent != 0]
    return steps


@pytest.mark.skipif(on_server(), reason="SQLite's query planner")
def test_the_year_overview_looks_up_each_members_own_results(db: Database) -> None:
    steps = _correlated_plans(db, lambda: results.year_overview(db, 2025))
    assert any("ix_appraisal_result_member_id" in step for step in steps), steps
    assert not any("ix_appraisal_year" in step for step in steps), steps
