"""The demo district's 发展党员 pipeline: every stage, some late, some due, all by the rules."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, PartyMember, User
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.months import add_months
from pbc_desktop.services.development import listing
from pbc_desktop.services.development.listing import DevelopmentQuery, Urgency
from pbc_desktop.services.development.records import progress_of
from pbc_desktop.services.paging import PageRequest
from tests.demo_cache import demo_into

TODAY = date(2026, 11, 20)


def test_the_demo_has_applicants_at_every_stage_by_the_rules(db: Database) -> None:
    demo_into(db, today=TODAY)
    with db.read() as s:
        records = list(s.scalars(select(DevelopmentRecord)))
        stages = Counter(r.stage for r in records)
        for record in records:
            progress = progress_of(record)
            kept = (record.stage_since, record.next_step, record.next_due_on, record.next_deadline)
            assert kept == tuple(vars(rules.summary(progress)).values())
            assert record.applied_on <= TODAY
            assert all(step.occurred_on <= TODAY for step in record.steps)
            named = progress.on(Step.ACTIVIST)
            chosen = progress.on(Step.CANDIDATE)
            if named and chosen:
                assert chosen >= add_months(named, rules.ACTIVIST_MIN_MONTHS)
            if record.stage is Stage.PROBATIONARY:
                member = s.get(PartyMember, record.member_id)
                assert member is not None
                assert member.category is MemberCategory.PROBATIONARY
                assert member.joined_on == progress.on(Step.BRANCH_MEETING)
                assert member.id_number == record.id_number
        probationary = s.scalar(
            select(PartyMember.id).where(PartyMember.category == MemberCategory.PROBATIONARY)
        )
        village = s.scalar(select(User.organization_id).where(User.username == "cun"))
    assert probationary is not None
    for stage in (Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY):
        assert stages[stage] >= 3, stage
    everyone = PageRequest(limit=10_000)
    late = listing.list_development(
        db, DevelopmentQuery(urgency=Urgency.LATE), everyone, today=TODAY
    )
    due = listing.list_development(db, DevelopmentQuery(urgency=Urgency.DUE), everyone, today=TODAY)
    assert late
    assert len(due) > len(late)
    assert {r.next_step for r in late} >= {Step.TALK, Step.REVIEW}
    own = listing.list_development(
        db, DevelopmentQuery(organization_id=village), everyone, today=TODAY
    )
    assert {Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE} <= {r.stage for r in own}
