"""The communities (党建共同体): the article's five and the planned ones, each with its
lifecycle history, members, team, venues and convener rotation.

A history steps through ``domain.lifecycle`` as ``services.communities`` does: the first
step is the procedure's initial one, every later status comes from ``next_status`` and
every date passes ``check_step_date``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from pbc_desktop.db import models
from pbc_desktop.domain import lifecycle, rotation
from pbc_desktop.domain.enums import (
    CoBuildType,
    CommunityStatus,
    LeadershipRole,
    LifecycleAction,
    MemberRole,
    OrgField,
    OrgLevel,
)
from pbc_desktop.domain.rotation import PeriodLength, month_start
from pbc_desktop.services.demo import data, organizations
from pbc_desktop.services.demo.district import (
    REPORTING_FIELDS,
    VILLAGE_FIELDS,
    CommunityInfo,
    District,
    OrgInfo,
    RoleInfo,
)
from pbc_desktop.services.demo.people import random_date


def add_communities(gen: District) -> None:
    rng = gen.rng
    used: set[str] = set()
    for spec in data.ARTICLE_COMMUNITIES:
        founded = random_date(rng, date(gen.this_year - 4, 4, 1), date(gen.this_year - 4, 7, 31))
        orgs = [gen.org_by_name[n] for n in spec.members]
        _community(
            gen,
            name=spec.name,
            theme=spec.theme,
            types=spec.types,
            orgs=orgs,
            status=CommunityStatus.RUNNING,
            founded=founded,
            description=spec.description,
        )
        used.add(spec.name)
    plans = _plan_communities(gen, used)
    n = len(plans)
    pending = [CommunityStatus.APPLIED] * max(1, n // 40) + [CommunityStatus.REVIEWED] * max(
        1, n // 60
    )
    pending += [CommunityStatus.RETURNED] * max(1, n // 100)
    statuses = pending + [CommunityStatus.RUNNING] * (n - len(pending))
    rng.shuffle(statuses)
    rectify_left = max(1, n // 60)
    for (name, theme, types, orgs), status in zip(plans, statuses, strict=True):
        running = status == CommunityStatus.RUNNING
        started: date | None = None
        if running:
            started = random_date(rng, date(gen.this_year - 3, 3, 1), date(gen.last_year, 9, 30))
        rectify = running and rectify_left > 0 and rng.random() < 0.3
        rectify_left -= rectify
        _community(
            gen,
            name=name,
            theme=theme,
            types=types,
            orgs=orgs,
            status=status,
            founded=started,
            rectify=rectify,
        )
    if rectify_left > 0:  # make sure someone is under rectification
        for c in reversed(gen.communities):
            if c.status == CommunityStatus.RUNNING and c.name not in used:
                c.rectify = True
                break


def _plan_communities(
    gen: District, used: set[str]
) -> list[tuple[str, str, tuple[CoBuildType, ...], list[OrgInfo]]]:
    rng = gen.rng
    by_town: dict[str, dict[str, list[OrgInfo]]] = defaultdict(lambda: defaultdict(list))
    agencies: list[OrgInfo] = []
    for o in gen.orgs:
        if o.level == OrgLevel.DISTRICT and o.org_field in REPORTING_FIELDS and o.members:
            if o.name != data.CHENSHA_PROJECT:
                agencies.append(o)
        elif o.town and o.level == OrgLevel.VILLAGE and not o.sub:
            by_town[o.town]["village"].append(o)
        elif o.town and o.org_field == OrgField.PRIVATE_ENTERPRISE:
            by_town[o.town]["enterprise"].append(o)
        elif o.town and o.org_field == OrgField.SOCIAL_ORGANIZATION:
            by_town[o.town]["social"].append(o)
        elif o.town and o.org_field == OrgField.SCHOOL:
            by_town[o.town]["school"].append(o)
    towns = [t.name for t in data.TOWNS]
    rng.shuffle(agencies)
    pattern_cycle = (
        CoBuildType.CROSS_FIELD,
        CoBuildType.CROSS_LEVEL,
        CoBuildType.CROSS_REGION,
        CoBuildType.CROSS_INDUSTRY,
        CoBuildType.CROSS_FIELD,
        CoBuildType.CROSS_LEVEL,
        CoBuildType.CROSS_FIELD,
        CoBuildType.CROSS_REGION,
        CoBuildType.CROSS_LEVEL,
        CoBuildType.CROSS_INDUSTRY,
    )
    plans = []
    for i in range(gen.scale.extra_communities):
        pattern = pattern_cycle[i % len(pattern_cycle)]
        ti = rng.randrange(len(towns))
        town = towns[ti]
        pool = by_town[town]
        village = rng.choice(pool["village"])
        types: tuple[CoBuildType, ...] = (pattern,)
        agency = agencies[i % len(agencies)]
        if pattern == CoBuildType.CROSS_FIELD:
            orgs = [agency, village]
            if pool["enterprise"] and rng.random() < 0.5:
                orgs.append(rng.choice(pool["enterprise"]))
            anchor = village.short
        elif pattern == CoBuildType.CROSS_LEVEL:
            orgs = [gen.org_by_name[organizations.committee_name(town)], agency, village]
            if pool["school"] and rng.random() < 0.4:
                orgs.append(rng.choice(pool["school"]))
            if rng.random() < 0.3:
                types = (pattern, CoBuildType.CROSS_FIELD)
            anchor = village.short
        elif pattern == CoBuildType.CROSS_REGION:
            other = by_town[towns[(ti + 1) % len(towns)]]["village"]
            orgs = rng.sample(pool["village"], min(len(pool["village"]), rng.randint(2, 3)))
            orgs += rng.sample(other, min(len(other), rng.randint(1, 2)))
            anchor = f"{orgs[0].short}片区"
        else:
            trades = ("商会", "联合会", "行业协会", "私营企业协会", "袜业协会")
            leads = [o for o in pool["social"] if any(k in o.short for k in trades)]
            leads = leads or pool["enterprise"]
            lead = rng.choice(leads)
            rest = [e for e in pool["enterprise"] if e is not lead]
            orgs = [lead, *rng.sample(rest, min(len(rest), rng.randint(2, 4)))]
            if len(orgs) < 2:
                orgs.append(village)
            anchor = town
        if (
            pattern == CoBuildType.CROSS_INDUSTRY
            and orgs[0].org_field == OrgField.SOCIAL_ORGANIZATION
        ):
            anchor = orgs[0].short
        suffix = "党建联盟" if pattern == CoBuildType.CROSS_INDUSTRY else "党建共同体"
        themes = list(data.THEMES[pattern])
        rng.shuffle(themes)
        candidates = [f"{anchor}{theme}{suffix}" for theme in themes]
        candidates += [f"{anchor}{theme}第{n}{suffix}" for n in range(2, 99) for theme in themes]
        name = next(c for c in candidates if c not in used)
        theme = next(th for th in themes if th in name)
        used.add(name)
        plans.append((name, theme, types, orgs))
    return plans


def _community(
    gen: District,
    *,
    name: str,
    theme: str,
    types: tuple[CoBuildType, ...],
    orgs: list[OrgInfo],
    status: CommunityStatus,
    founded: date | None,
    description: str | None = None,
    rectify: bool = False,
) -> None:
    rng = gen.rng
    lead = orgs[0]
    cid = gen.add(
        models.Community,
        name=name,
        theme=theme,
        lead_org_id=lead.id,
        founded_on=founded,
        status=status,
        description=description or f"{lead.short}牵头，{len(orgs)}个成员党组织联建共建。",
    )
    info = CommunityInfo(
        cid,
        name,
        name.removesuffix("党建共同体"),
        types,
        orgs,
        status,
        founded,
        rectify,
        gen.rows["community"][-1],
    )
    gen.communities.append(info)
    for t in types:
        gen.add(models.CommunityType, community_id=cid, type=t)
    _lifecycle(gen, info)
    joined = founded or _events_first_day(gen)
    for seq, org in enumerate(orgs):
        gen.add(
            models.CommunityMember,
            community_id=cid,
            organization_id=org.id,
            role=MemberRole.LEAD if seq == 0 else MemberRole.MEMBER,
            seq=seq,
            joined_on=joined,
            left_on=None,
        )
    _team(gen, info)
    if not info.running:
        return
    assert founded is not None
    # Venues of the member organizations, sometimes an education base too.
    venues = [o.venue_id for o in orgs if o.venue_id is not None]
    if rng.random() < 0.3:
        venues.append(rng.choice(gen.education_bases))
    for venue_id in dict.fromkeys(venues):
        gen.add(
            models.CommunityVenue,
            community_id=cid,
            venue_id=venue_id,
            opened_on=founded + timedelta(days=rng.randint(3, 40)),
        )
        info.venue_ids.append(venue_id)
    _rotation(gen, info)


def _events_first_day(gen: District) -> date:
    return gen.today - timedelta(days=70)


def _lifecycle(gen: District, info: CommunityInfo) -> None:
    """The history that brings the community to its planned status, step by step."""
    rng = gen.rng
    a = LifecycleAction
    planned = info.status
    applicant = info.orgs[0].secretary
    steps: list[tuple[LifecycleAction, date, str, str]] = []
    if info.founded is not None:
        start = info.founded
        approve = start - timedelta(days=rng.randint(2, 10))
        review = approve - timedelta(days=rng.randint(5, 15))
        apply = review - timedelta(days=rng.randint(7, 20))
        steps = [
            (a.REVIEW_PASS, review, gen.staff[0], "组建程序和班子选配符合规定"),
            (a.APPROVE, approve, gen.staff[1], "经区委组织部研究同意组建"),
            (a.START, start, applicant, "召开成立大会，正式运行"),
        ]
    else:
        apply = random_date(rng, _events_first_day(gen), gen.today - timedelta(days=25))
        if planned == CommunityStatus.REVIEWED:
            review = apply + timedelta(days=rng.randint(5, 15))
            steps = [(a.REVIEW_PASS, review, gen.staff[0], "材料齐全，报区委组织部审批")]
        elif planned == CommunityStatus.RETURNED:
            review = apply + timedelta(days=rng.randint(5, 15))
            reason = "班子选配方案不完整，缺少联络员人选，请补充后重新申请"
            steps = [(a.REVIEW_RETURN, review, gen.staff[0], reason)]
    # The first step, as services.communities.create_community records it.
    lifecycle.check_step_date(apply, None, gen.today)
    _event(
        gen,
        info,
        lifecycle.INITIAL_ACTION,
        lifecycle.INITIAL_STATUS,
        on=apply,
        who=applicant,
        remark="提交组建申请及组建方案",
    )
    for action, on, who, remark in steps:
        take_step(gen, info, action, on=on, who=who, remark=remark)
    assert info.status == planned, (info.name, info.status, planned)


def take_step(
    gen: District, info: CommunityInfo, action: LifecycleAction, *, on: date, who: str, remark: str
) -> None:
    """One dated step of the procedure, refused as ``services.communities.apply_lifecycle``
    refuses it (a step the status does not allow, a date before the last one or in the
    future): the demo can only tell a history the application accepts."""
    status = lifecycle.next_status(info.status, action)
    lifecycle.check_step_date(on, info.last_step, gen.today)
    _event(gen, info, action, status, on=on, who=who, remark=remark)


def _event(
    gen: District,
    info: CommunityInfo,
    action: LifecycleAction,
    status: CommunityStatus,
    *,
    on: date,
    who: str,
    remark: str,
) -> None:
    gen.add(
        models.LifecycleEvent,
        community_id=info.id,
        action=action,
        status_after=status,
        occurred_on=on,
        operator=who,
        remark=remark,
    )
    info.status = status
    info.row["status"] = status
    info.last_step = on


def _team(gen: District, info: CommunityInfo) -> None:
    rng = gen.rng
    lead = info.orgs[0]
    seats: list[tuple[str, int | None, LeadershipRole, OrgInfo, bool, str | None]] = [
        (lead.secretary, lead.secretary_id, LeadershipRole.CONVENER, lead, False, lead.phone)
    ]
    if len(info.orgs) > 1:
        deputy = info.orgs[1]
        seats.append(
            (
                deputy.secretary,
                deputy.secretary_id,
                LeadershipRole.DEPUTY_CONVENER,
                deputy,
                deputy.org_field in REPORTING_FIELDS and rng.random() < 0.6,
                deputy.phone,
            )
        )
    liaison_pool = lead.members[1:3]
    if liaison_pool:
        m = gen.members[rng.choice(liaison_pool)]
        seats.append((m.name, m.id, LeadershipRole.LIAISON, lead, False, m.phone))
    for org in info.orgs[2:]:
        seats.append(
            (
                org.secretary,
                org.secretary_id,
                LeadershipRole.COMMITTEE_MEMBER,
                org,
                False,
                org.phone,
            )
        )
    # Cross-appointment (交叉任职): an agency cadre sits on the team for a village.
    helpers = [o for o in info.orgs if o.org_field in REPORTING_FIELDS and len(o.members) > 3]
    if helpers and any(o.org_field in VILLAGE_FIELDS for o in info.orgs):
        org = helpers[0]
        m = gen.members[org.members[3]]
        seats.append((m.name, m.id, LeadershipRole.COMMITTEE_MEMBER, org, True, m.phone))
    for seq, (name, member_id, role, org, cross, phone) in enumerate(seats):
        gen.add(
            models.CommunityRole,
            community_id=info.id,
            person_name=name,
            member_id=member_id,
            role=role,
            organization_id=org.id,
            cross_appointment=cross,
            phone=phone,
            seq=seq,
            start_date=info.founded,
            end_date=None,
        )
        info.roles.append(RoleInfo(name, member_id, role))


def _rotation(gen: District, info: CommunityInfo) -> None:
    """Quarterly or half-yearly turns from the founding period to the current one, as
    ``domain.rotation`` counts them."""
    assert info.founded is not None
    length = PeriodLength.QUARTER if gen.rng.random() < 0.4 else PeriodLength.HALF_YEAR
    horizon = month_start(gen.today, length.months)
    period = rotation.period_containing(info.founded, length)
    seq = 0
    while period.start < horizon:
        org = info.orgs[seq % len(info.orgs)]
        zh_label, _en_label = rotation.period_texts(period.start, length)  # demo data is Chinese
        gen.add(
            models.ConvenerTurn,
            community_id=info.id,
            organization_id=org.id,
            seq=seq,
            period_label=zh_label,
            period_start=period.start,
            period_end=period.end,
        )
        info.turns.append((period.start, period.end, org))
        seq += 1
        period = rotation.next_period(period.end, length, gen.today)


def convener_org(info: CommunityInfo, day: date) -> OrgInfo:
    for start, end, org in info.turns:
        if start <= day <= end:
            return org
    return info.orgs[0]
