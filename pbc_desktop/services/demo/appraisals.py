"""民主评议党员 of last year: most organizations held it in December and graded every
member in good standing; a few have not held it yet (the overview shows them as missing)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from pbc_desktop.db.models import Appraisal, AppraisalResult, PartyMember
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.services.demo.district import District

#: How often each grade is given (the forms' usual shares: about one in seven 优秀).
GRADE_WEIGHTS: tuple[tuple[AppraisalGrade, int], ...] = (
    (AppraisalGrade.EXCELLENT, 15),
    (AppraisalGrade.QUALIFIED, 80),
    (AppraisalGrade.BASICALLY_QUALIFIED, 4),
    (AppraisalGrade.UNQUALIFIED, 1),
)
#: The share of organizations that have not held last year's appraisal.
NOT_HELD = 0.1


def add_appraisals(gen: District) -> None:
    rng = gen.rng
    year = gen.last_year
    by_org: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in gen.rows[PartyMember.__tablename__]:
        if row["status"] == MembershipStatus.NORMAL:
            by_org[row["organization_id"]].append(row)
    grades = [g for g, _ in GRADE_WEIGHTS]
    weights = [w for _, w in GRADE_WEIGHTS]
    for org_id in sorted(by_org):
        if rng.random() < NOT_HELD:
            continue
        held_on = date(year, 12, rng.randint(10, 28))
        appraisal_id = gen.add(
            Appraisal,
            organization_id=org_id,
            year=year,
            held_on=held_on,
            ended_on=None,
            remark=None,
        )
        for member in by_org[org_id]:
            joined = member["joined_on"]
            if joined is not None and joined > held_on:
                continue
            gen.add(
                AppraisalResult,
                appraisal_id=appraisal_id,
                member_id=member["id"],
                grade=rng.choices(grades, weights)[0],
                remark=None,
            )
