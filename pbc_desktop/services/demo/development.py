"""The demo's 发展党员 pipeline: applicants at every stage across the district's branches,
some on time, some due within the month and some late; and the history of the district's
probationary members (the record each was admitted through).

Each person's steps are laid out by the rules (``domain/development.py``): a talk within
a month of the application, reviews every half year (one missed here and there, which
makes them late), a year as an activist before becoming a 发展对象, the checks before
the branch meeting. Drawn from a generator of its own, after every other area.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from pbc_desktop.db.models import DevelopmentRecord, DevelopmentStepEntry
from pbc_desktop.domain.development import (
    ACTIVIST_MIN_MONTHS,
    REVIEW_EVERY_MONTHS,
    DevelopmentStage,
    DevelopmentStep,
    Progress,
    summary,
)
from pbc_desktop.domain.enums import MemberCategory, OrgKind, UserRole
from pbc_desktop.domain.months import add_months
from pbc_desktop.services.demo.district import District, OrgInfo
from pbc_desktop.services.demo.people import add_years

#: people in the pipeline (not yet members) per hundred members of the district
PER_HUNDRED = 8
#: the stages of those not yet members, and how many of each in a hundred
_STAGES = (
    (DevelopmentStage.APPLICANT, 35),
    (DevelopmentStage.ACTIVIST, 45),
    (DevelopmentStage.CANDIDATE, 20),
)
_SPONSOR_CHARS = "明华建国志强秀英丽娟海军伟芳"


class _Steps:
    """The steps of one record, dated, in order; none after ``today``. :meth:`done`
    stores on the record what the rules say of them (as the services do)."""

    def __init__(self, gen: District, record_id: int, rng: random.Random) -> None:
        self.gen, self.record_id, self.rng = gen, record_id, rng
        self.row = gen.rows["development_record"][-1]
        assert self.row["id"] == record_id
        self.last: dict[DevelopmentStep, date] = {}

    def done(self) -> None:
        row = self.row
        progress = Progress(row["stage"], row["applied_on"], self.last, row["extension_months"])
        row.update(vars(summary(progress)))

    def add(self, kind: DevelopmentStep, on: date, **extra: Any) -> None:
        if on > self.gen.today:
            return
        self.last[kind] = max(on, self.last.get(kind, on))
        self.gen.add(
            DevelopmentStepEntry,
            record_id=self.record_id,
            kind=kind,
            occurred_on=on,
            people=extra.get("people"),
            months=extra.get("months"),
            remark=extra.get("remark"),
        )

    def reviews(self, kind: DevelopmentStep, since: date, until: date, *, skip_last: bool) -> None:
        """A review every half year from ``since`` to ``until``; ``skip_last`` leaves the
        last one due out (the person is late)."""
        due = [
            d for n in range(1, 10) if (d := add_months(since, n * REVIEW_EVERY_MONTHS)) <= until
        ]
        if skip_last and due:
            due.pop()
        for day in due:
            self.add(kind, day - timedelta(days=self.rng.randint(0, 20)))


def _sponsors(gen: District, rng: random.Random) -> str:
    return "、".join(
        gen.people.name(gen.people.gender())[:1] + rng.choice(_SPONSOR_CHARS) for _ in range(2)
    )


def _branches(gen: District) -> list[OrgInfo]:
    return [o for o in gen.orgs if o.members and o.kind is not OrgKind.COMMITTEE]


def _village_org(gen: District) -> int | None:
    for user in gen.rows["app_user"]:
        if user["role"] is UserRole.VILLAGE:
            return int(user["organization_id"])
    return None


def add_development(gen: District) -> None:
    rng = random.Random(f"development-{gen.scale.members}")
    branches = _branches(gen)
    if not branches:
        return
    village = _village_org(gen)
    own = [o for o in branches if o.id == village]
    total = max(12, gen.scale.members * PER_HUNDRED // 100)
    weights = [len(o.members) for o in branches]
    stages = [s for s, n in _STAGES for _ in range(n)]
    for i in range(total):
        # the village account's own organization gets one of each stage first
        org = own[0] if own and i < len(_STAGES) * 2 else rng.choices(branches, weights)[0]
        stage = _STAGES[i % len(_STAGES)][0] if i < len(_STAGES) * 2 else rng.choice(stages)
        _applicant(gen, rng, org, stage)
    for row in gen.rows["party_member"]:
        if row["category"] is MemberCategory.PROBATIONARY and row["joined_on"] is not None:
            _probationary(gen, rng, row)


def _record(
    gen: District, org_id: int, stage: DevelopmentStage, applied: date, **person: Any
) -> int:
    return gen.add(
        DevelopmentRecord,
        stage=stage,
        applied_on=applied,
        organization_id=org_id,
        extension_months=0,
        remark=None,
        **person,
    )


def _new_person(gen: District, rng: random.Random, org: OrgInfo, applied: date) -> dict[str, Any]:
    people = gen.people
    gender = people.gender(0.55)
    birth = people.birth_date(applied, 19, 40)
    return {
        "name": people.name(gender),
        "gender": gender,
        "ethnicity": "汉族",
        "birth_date": birth,
        "id_number": people.id_number(birth, gender),
        "education": people.education(),
        "work_unit": f"{org.town}{org.unit}" if org.town and org.unit else org.unit or None,
        "phone": people.phone(),
        "member_id": None,
    }


def _applicant(gen: District, rng: random.Random, org: OrgInfo, stage: DevelopmentStage) -> None:
    today = gen.today
    late = rng.random() < 0.2
    if stage is DevelopmentStage.APPLICANT:
        applied = today - timedelta(days=rng.randint(5, 300))
    elif stage is DevelopmentStage.ACTIVIST:
        applied = today - timedelta(days=rng.randint(200, 900))
    else:
        applied = today - timedelta(days=rng.randint(560, 1100))
    record_id = _record(gen, org.id, stage, applied, **_new_person(gen, rng, org, applied))
    steps = _Steps(gen, record_id, rng)
    steps.add(DevelopmentStep.APPLICATION, applied)
    talked = applied + timedelta(days=rng.randint(7, 28))
    if stage is DevelopmentStage.APPLICANT:
        # late: not talked with within the month
        if not late and talked <= today:
            steps.add(DevelopmentStep.TALK, talked, people=org.secretary or None)
        steps.done()
        return
    steps.add(DevelopmentStep.TALK, talked, people=org.secretary or None)
    named = talked + timedelta(days=rng.randint(60, 150))
    if stage is DevelopmentStage.CANDIDATE:
        named = min(named, add_months(today, -ACTIVIST_MIN_MONTHS - 2))
    named = max(named, talked)
    steps.add(DevelopmentStep.ACTIVIST, named)
    steps.add(DevelopmentStep.SPONSORS, named, people=_sponsors(gen, rng))
    if stage is DevelopmentStage.ACTIVIST:
        steps.reviews(DevelopmentStep.REVIEW, named, today, skip_last=late)
        steps.done()
        return
    chosen = add_months(named, ACTIVIST_MIN_MONTHS) + timedelta(days=rng.randint(0, 40))
    chosen = min(chosen, today - timedelta(days=10))
    steps.reviews(DevelopmentStep.REVIEW, named, chosen, skip_last=False)
    steps.add(DevelopmentStep.CANDIDATE, chosen)
    steps.reviews(DevelopmentStep.REVIEW, chosen, today, skip_last=late)
    progress = rng.random()
    if progress > 0.3:
        steps.add(DevelopmentStep.POLITICAL_CHECK, chosen + timedelta(days=rng.randint(5, 30)))
    if progress > 0.5:
        steps.add(DevelopmentStep.TRAINING, chosen + timedelta(days=rng.randint(10, 40)))
    if progress > 0.8:
        steps.add(DevelopmentStep.PUBLICITY, chosen + timedelta(days=rng.randint(40, 60)))
    steps.done()


def _probationary(gen: District, rng: random.Random, member: dict[str, Any]) -> None:
    """The record a probationary member was admitted through, its steps backdated."""
    admitted: date = member["joined_on"]
    candidate = admitted - timedelta(days=rng.randint(90, 200))
    named = add_months(candidate, -ACTIVIST_MIN_MONTHS) - timedelta(days=rng.randint(0, 60))
    applied = named - timedelta(days=rng.randint(60, 240))
    birth = member["birth_date"]
    if birth is not None and applied < add_years(birth, 18):
        return
    person = {
        key: member[key]
        for key in (
            "name", "gender", "ethnicity", "birth_date", "id_number", "education",
            "work_unit", "phone",
        )
    }  # fmt: skip
    record_id = _record(
        gen,
        member["organization_id"],
        DevelopmentStage.PROBATIONARY,
        applied,
        member_id=member["id"],
        **person,
    )
    steps = _Steps(gen, record_id, rng)
    steps.add(DevelopmentStep.APPLICATION, applied)
    steps.add(DevelopmentStep.TALK, applied + timedelta(days=14))
    steps.add(DevelopmentStep.ACTIVIST, named)
    steps.add(DevelopmentStep.SPONSORS, named, people=_sponsors(gen, rng))
    steps.reviews(DevelopmentStep.REVIEW, named, candidate, skip_last=False)
    steps.add(DevelopmentStep.CANDIDATE, candidate)
    steps.add(DevelopmentStep.POLITICAL_CHECK, candidate + timedelta(days=20))
    steps.add(DevelopmentStep.TRAINING, candidate + timedelta(days=30))
    steps.add(DevelopmentStep.PUBLICITY, admitted - timedelta(days=10))
    steps.add(DevelopmentStep.BRANCH_MEETING, admitted, people=_sponsors(gen, rng))
    steps.add(DevelopmentStep.APPROVAL, admitted + timedelta(days=rng.randint(10, 60)))
    steps.add(DevelopmentStep.OATH, admitted + timedelta(days=rng.randint(20, 70)))
    steps.reviews(
        DevelopmentStep.PROBATION_REVIEW, admitted, gen.today, skip_last=rng.random() < 0.25
    )
    steps.done()
