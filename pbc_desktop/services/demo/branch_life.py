"""Branch life of the demo: a year and more of 三会一课 per branch, some branches behind,
and each organization's committees (换届) with some terms due or overdue.

Drawn from a generator of its own (seeded from the district's), so that the rest of the
district is the same with or without it.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from pbc_desktop.db.models import Activity, Committee, CommitteeMember, MeetingRule
from pbc_desktop.domain import branch_life
from pbc_desktop.domain.enums import ActivityStatus, OrgKind, OrgLevel
from pbc_desktop.domain.months import add_months
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.services.demo.district import District, OrgInfo

#: How reliably a branch holds each meeting: most keep them, some are patchy, a few lax.
PROFILES: tuple[tuple[float, float], ...] = ((0.75, 1.0), (0.17, 0.85), (0.08, 0.5))
POSTS = (CommitteePost.ORGANIZATION, CommitteePost.PROPAGANDA, CommitteePost.DISCIPLINE)


def add_branch_life(gen: District) -> None:
    rng = random.Random(f"branch-life-{gen.seed}")
    for kind, months in branch_life.DEFAULT_SCHEDULE.items():
        if kind.value not in gen.skip.get("meeting_rule", set()):
            gen.add(MeetingRule, kind=kind, interval_months=months, enabled=True)
    for org in gen.orgs:
        if org.kind in branch_life.BRANCH_KINDS:
            _meetings(gen, rng, org)
        if org.kind in branch_life.BRANCH_KINDS or org.kind is OrgKind.COMMITTEE:
            _committees(gen, rng, org)


def _meetings(gen: District, rng: random.Random, org: OrgInfo) -> None:
    pick = rng.random()
    reliability = PROFILES[-1][1]
    for share, rate in PROFILES:
        if pick < share:
            reliability = rate
            break
        pick -= share
    seq: dict[tuple[int, str], int] = {}
    for year in (gen.last_year, gen.this_year):
        for kind, months in branch_life.DEFAULT_SCHEDULE.items():
            for first, last in branch_life.periods_of(months):
                if date(year, first, 1) > gen.today or rng.random() > reliability:
                    continue
                day = date(year, rng.randint(first, last), rng.randint(1, 28))
                if day >= gen.today or not _existed(org, day):
                    continue
                key = (year, kind.value)
                seq[key] = seq.get(key, 0) + 1
                gen.add(
                    Activity,
                    community_id=None,
                    host_org_id=org.id,
                    kind=kind,
                    title=f"{year}年第{seq[key]}次{kind.zh}",
                    starts_at=datetime.combine(day, time(rng.choice((9, 15)), 0)),
                    place=f"{org.short}会议室",
                    chair=org.secretary or None,
                    trainee_count=0,
                    status=ActivityStatus.HELD,
                    summary=f"{org.short}按计划召开{kind.zh}。",
                    seq_in_year=seq[key],
                )


def _existed(org: OrgInfo, day: date) -> bool:
    """Whether ``org`` existed on ``day`` (a temporary branch only within its dates)."""
    start, end = org.row.get("start_date"), org.row.get("end_date")
    return (start is None or start <= day) and (end is None or day <= end)


def _committees(gen: District, rng: random.Random, org: OrgInfo) -> None:
    """The current committee (its term anywhere from just begun to a little overdue) and
    the one before it, each elected while the organization existed: none of a temporary
    branch (appointed, not elected; the 2020 ones were reminded of 换届 in 2026), the
    current one not before the organization was founded, the one before only after it."""
    village = org.level is OrgLevel.VILLAGE and rng.random() < 0.6  # 村: five years
    years = 5 if org.kind is OrgKind.COMMITTEE or village else 3
    elapsed = rng.randint(1, years * 12 + 6)  # months since the election
    elected = add_months(gen.today, -elapsed).replace(day=rng.randint(1, 28))
    if elected >= gen.today:
        elected = add_months(elected, -1)
    founded: date | None = org.row.get("founded_on")
    if founded is not None and elected < founded:
        elected = founded
    number = rng.randint(2, 12)
    names = [gen.members[m].name for m in org.members if gen.members[m].active]
    for term_no, on in ((number - 1, add_months(elected, -12 * years)), (number, elected)):
        # the seats drawn for every committee alike: the demo's other records stay as they were
        seats = [(org.secretary or (names[0] if names else "待定"), CommitteePost.SECRETARY)]
        others = [n for n in names if n != seats[0][0]]
        for post, name in zip(
            POSTS, rng.sample(others, min(len(others), rng.randint(2, 3))), strict=False
        ):
            seats.append((name, post))
        if org.kind is OrgKind.TEMPORARY_BRANCH or (founded is not None and on < founded):
            continue
        committee_id = gen.add(
            Committee,
            organization_id=org.id,
            term_no=term_no,
            elected_on=on,
            term_years=years,
            remark=None,
        )
        for seq, (name, post) in enumerate(seats):
            gen.add(
                CommitteeMember,
                committee_id=committee_id,
                seq=seq,
                person_name=name,
                member_id=None,
                post=post,
            )
