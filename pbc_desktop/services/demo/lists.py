"""Demand, resource and project lists (清单) of the running communities, with claims and
follow-ups (督办)."""

from __future__ import annotations

from datetime import date, timedelta

from pbc_desktop.db.models import Claim, ClaimOrganization, ListItem, ServiceList, Supervision
from pbc_desktop.domain.enums import ClaimMode, ItemStatus, LeadershipRole, ListKind, Satisfaction
from pbc_desktop.services.demo import data
from pbc_desktop.services.demo.district import CommunityInfo, District, Row
from pbc_desktop.services.demo.people import random_date


def add_lists(gen: District) -> None:
    rng = gen.rng
    slots: list[tuple[CommunityInfo, int, date]] = []
    for c in gen.communities:
        if not c.running:
            continue
        assert c.founded is not None
        for year in (gen.last_year, gen.this_year):
            signed = max(c.founded + timedelta(days=30), date(year, 2, 15))
            signed += timedelta(days=rng.randint(0, 40))
            if signed <= gen.today and signed.year == year:
                slots.append((c, year, signed))
    total = gen.scale.project_items
    per = [total // max(1, len(slots))] * len(slots)
    for i in rng.sample(range(len(slots)), min(len(slots), total - sum(per))):
        per[i] += 1
    for n, ((c, year, signed), projects) in enumerate(zip(slots, per, strict=True)):
        if n % 50 == 0:
            gen.tick()
        _list_set(gen, c, year, signed, projects)


def _list_set(gen: District, c: CommunityInfo, year: int, signed: date, projects: int) -> None:
    rng = gen.rng
    ids = {}
    for kind in ListKind:
        ids[kind] = gen.add(
            ServiceList,
            community_id=c.id,
            kind=kind,
            title=f"{year}年度{c.short}{kind.zh}",
            year=year,
            signed_on=signed,
            remark="经联席会议审议，各成员党组织签字确认",
        )
    demands: list[tuple[int, Row]] = []
    for seq, (title, category) in enumerate(
        rng.sample(data.DEMANDS, rng.randint(max(1, projects // 2), max(2, projects))), start=1
    ):
        row_id = _item(gen, ids[ListKind.DEMAND], seq, title, category)
        demands.append((row_id, gen.rows["list_item"][-1]))
    resources: list[tuple[int, Row]] = []
    for seq, (title, category) in enumerate(rng.sample(data.RESOURCES, rng.randint(1, 3)), start=1):
        row_id = _item(gen, ids[ListKind.RESOURCE], seq, title, category)
        resources.append((row_id, gen.rows["list_item"][-1]))
    last_year = year < gen.this_year
    for seq in range(1, projects + 1):
        title, category, expected = rng.choice(data.PROJECTS)
        answers = rng.choice(demands)
        uses = rng.choice(resources) if rng.random() < 0.6 else None
        weights = (2, 2, 6, 90) if last_year else (15, 15, 35, 35)
        if c.rectify:
            weights = (30, 30, 30, 10)
        status = rng.choices(
            (ItemStatus.OPEN, ItemStatus.CLAIMED, ItemStatus.IN_PROGRESS, ItemStatus.SOLVED),
            weights,
        )[0]
        deadline = signed + timedelta(days=rng.randint(60, 300))
        if not last_year and status != ItemStatus.SOLVED:
            # Most open work is still within its deadline; about one in five is overdue.
            if rng.random() < 0.2:
                deadline = gen.today - timedelta(days=rng.randint(3, 60))
            else:
                deadline = gen.today + timedelta(days=rng.randint(15, 200))
            deadline = max(deadline, signed + timedelta(days=30))
        claimed_on = min(gen.today, signed + timedelta(days=rng.randint(3, 30)))
        solved_on = None
        result = satisfaction = None
        if status == ItemStatus.SOLVED:
            latest = min(gen.today, deadline + timedelta(days=20))
            solved_on = random_date(rng, claimed_on + timedelta(days=15), latest)
            solved_on = min(solved_on, gen.today)
            result = f"已完成：{expected}"
            satisfaction = rng.choices(list(Satisfaction), (80, 17, 3))[0]
        item_id = gen.add(
            ListItem,
            list_id=ids[ListKind.PROJECT],
            seq=seq,
            title=title,
            description=f"针对“{answers[1]['title']}”的服务项目",
            category=category,
            answers_item_id=answers[0],
            uses_item_id=uses[0] if uses else None,
            expected_result=expected,
            status=status,
            deadline=deadline,
            solved_on=solved_on,
            result=result,
            satisfaction=satisfaction,
        )
        c.projects[year].append((item_id, title))
        rank = {ItemStatus.OPEN: 0, ItemStatus.CLAIMED: 1, ItemStatus.IN_PROGRESS: 2}
        demand_row = answers[1]
        if status == ItemStatus.SOLVED:
            demand_row["status"] = ItemStatus.SOLVED
        elif rank.get(demand_row["status"], 3) < rank[status]:
            demand_row["status"] = status
        if uses and status != ItemStatus.OPEN:
            uses[1]["status"] = ItemStatus.CLAIMED
        if status != ItemStatus.OPEN:
            _claim(
                gen,
                c,
                item_id,
                claimed_on=claimed_on,
                deadline=deadline,
                status=status,
                solved_on=solved_on,
            )


def _item(gen: District, list_id: int, seq: int, title: str, category: str) -> int:
    return gen.add(
        ListItem,
        list_id=list_id,
        seq=seq,
        title=title,
        description=None,
        category=category,
        answers_item_id=None,
        uses_item_id=None,
        expected_result=None,
        status=ItemStatus.OPEN,
        deadline=None,
        solved_on=None,
        result=None,
        satisfaction=None,
    )


def _claim(
    gen: District,
    c: CommunityInfo,
    item_id: int,
    *,
    claimed_on: date,
    deadline: date,
    status: ItemStatus,
    solved_on: date | None,
) -> None:
    rng = gen.rng
    group = len(c.orgs) > 2 and rng.random() < 0.3
    orgs = (
        rng.sample(c.orgs, rng.randint(2, min(3, len(c.orgs)))) if group else [rng.choice(c.orgs)]
    )
    claim_id = gen.add(
        Claim,
        item_id=item_id,
        mode=ClaimMode.GROUP if group else ClaimMode.SINGLE,
        lead_org_id=orgs[0].id,
        claimed_on=claimed_on,
        deadline=deadline,
        responsible=orgs[0].secretary,
    )
    for org in orgs:
        gen.add(
            ClaimOrganization,
            claim_id=claim_id,
            organization_id=org.id,
            responsible_person=org.secretary,
        )
    if status == ItemStatus.CLAIMED and rng.random() < 0.5:
        return
    last = solved_on or gen.today
    for _ in range(rng.randint(1, 3)):
        gen.add(
            Supervision,
            item_id=item_id,
            entry_date=random_date(rng, claimed_on, last),
            by_whom=rng.choice(
                (c.person(LeadershipRole.CONVENER), c.person(LeadershipRole.LIAISON))
            ),
            progress=rng.choice(data.SUPERVISION_PROGRESS),
            next_step=rng.choice(data.SUPERVISION_NEXT),
        )
