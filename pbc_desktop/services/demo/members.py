"""Party members of every organization and their post reports (双报到) with service logs
and evaluations."""

from __future__ import annotations

from datetime import date, timedelta

from pbc_desktop.db.models import PartyMember, PostEvaluation, PostReport, ServiceLog
from pbc_desktop.domain.enums import (
    EvaluationResult,
    MemberCategory,
    MembershipStatus,
    PostReportStatus,
)
from pbc_desktop.services.demo import data
from pbc_desktop.services.demo.district import (
    REPORTING_FIELDS,
    VILLAGE_FIELDS,
    CommunityInfo,
    District,
    MemberInfo,
    OrgInfo,
)
from pbc_desktop.services.demo.people import add_years, random_date


def add_members(gen: District) -> None:
    sc, rng, people = gen.scale, gen.rng, gen.people
    weighted = [o for o in gen.orgs if o.weight > 0]
    total_weight = sum(o.weight for o in weighted)
    counts = [max(3, int(sc.members * o.weight / total_weight)) for o in weighted]
    shortfall = sc.members - sum(counts)
    for i in rng.choices(range(len(weighted)), [o.weight for o in weighted], k=max(0, shortfall)):
        counts[i] += 1
    probation_from = gen.today - timedelta(days=330)
    for org, n in zip(weighted, counts, strict=True):
        village = org.org_field in VILLAGE_FIELDS
        ages = (23, 82) if village else (22, 59)
        work_unit = f"{org.town}{org.unit}" if village and org.town else org.unit
        for i in range(n):
            gender = people.gender(0.7 if village else 0.58)
            if i == 0:  # the secretary
                birth = people.birth_date(gen.today, ages[0] + 14, min(ages[1], 62))
            else:
                birth = people.birth_date(gen.today, *ages)
            if i >= 3 and rng.random() < 0.05:
                category = MemberCategory.PROBATIONARY
                joined = random_date(rng, probation_from, gen.today - timedelta(days=20))
                confirmed: date | None = None
            else:
                category = MemberCategory.FULL
                earliest = add_years(birth, 18)
                latest = min(add_years(birth, 45), gen.today - timedelta(days=400))
                joined = random_date(rng, earliest, max(earliest, latest))
                confirmed = joined + timedelta(days=365)
            status = MembershipStatus.NORMAL
            if i >= 3:
                roll = rng.random()
                if roll < 0.004:
                    status = MembershipStatus.LOST_CONTACT
                elif roll < 0.009:
                    status = MembershipStatus.TRANSFERRED_OUT
                elif roll < 0.012 and village:
                    status = MembershipStatus.DECEASED
            name = people.name(gender)
            phone = people.phone()
            member_id = gen.add(
                PartyMember,
                name=name,
                gender=gender,
                ethnicity="汉族" if rng.random() < 0.995 else "畲族",
                birth_date=birth,
                id_number=people.id_number(birth, gender),
                native_place=rng.choice(("广东潮南", "广东潮南", "广东潮阳", "广东汕头")),
                education=people.education(),
                joined_on=joined,
                confirmed_on=confirmed,
                category=category,
                party_post=data.PARTY_POSTS[i] if i < min(n - 1, 5) else None,
                work_unit=work_unit,
                phone=phone,
                organization_id=org.id,
                status=status,
                remark=None,
            )
            gen.members[member_id] = MemberInfo(
                member_id, name, phone, org.id, status == MembershipStatus.NORMAL
            )
            org.members.append(member_id)
            if i == 0:
                org.secretary, org.secretary_id, org.phone = name, member_id, phone
    for org in gen.orgs:
        if not org.secretary:
            gender = people.gender()
            org.secretary, org.phone = people.name(gender), people.phone()
        contact = gen.members[org.members[1]] if len(org.members) > 1 else None
        org.row["secretary"] = org.secretary
        org.row["contact_person"] = contact.name if contact else org.secretary
        org.row["contact_phone"] = contact.phone if contact else org.phone


def add_post_reports(gen: District) -> None:
    rng = gen.rng
    reported: set[int] = set()
    slots: list[tuple[CommunityInfo, OrgInfo, list[int]]] = []
    for c in gen.communities:
        if not c.running:
            continue
        targets = [o for o in c.orgs if o.org_field in VILLAGE_FIELDS] or [c.orgs[0]]
        for o in c.orgs:
            if o.org_field in REPORTING_FIELDS:
                candidates = [m for m in o.members if gen.members[m].active and m != o.secretary_id]
                target = rng.choice([t for t in targets if t is not o] or [c.orgs[-1]])
                if target is not o:
                    slots.append((c, target, candidates))
    available = sum(len(s[2]) for s in slots) or 1
    share = min(1.0, gen.scale.reports / available)
    for c, target, candidates in slots:
        assert c.founded is not None
        take = [m for m in candidates if m not in reported]
        take = rng.sample(take, min(len(take), round(len(candidates) * share + rng.random())))
        for member_id in take:
            reported.add(member_id)
            _report(gen, c, target, member_id)


def _report(gen: District, c: CommunityInfo, target: OrgInfo, member_id: int) -> None:
    rng = gen.rng
    assert c.founded is not None
    post_id, post_name = rng.choice(gen.posts) if gen.posts else (None, "志愿服务")
    reported_on = random_date(rng, c.founded, gen.today - timedelta(days=30))
    ended = rng.random() < 0.05
    ended_on = random_date(rng, reported_on + timedelta(days=20), gen.today) if ended else None
    rid = gen.add(
        PostReport,
        member_id=member_id,
        community_id=c.id,
        organization_id=target.id,
        post_id=post_id,
        reported_on=reported_on,
        status=PostReportStatus.ENDED if ended else PostReportStatus.ACTIVE,
        ended_on=ended_on,
        remark="工作调动，离岗" if ended else None,
    )
    last_day = ended_on or gen.today
    for _ in range(rng.randint(1, 3 if gen.scale.name == "district" else 4)):
        gen.add(
            ServiceLog,
            report_id=rid,
            served_on=random_date(rng, reported_on, last_day),
            hours=rng.choice((1.0, 1.5, 2.0, 2.5, 3.0, 4.0)),
            content=rng.choice(data.SERVICE_CONTENT.get(post_name, ("参加志愿服务",))),
        )
    if reported_on <= date(gen.last_year, 12, 1):
        result = rng.choices(
            (
                EvaluationResult.EXCELLENT,
                EvaluationResult.QUALIFIED,
                EvaluationResult.UNQUALIFIED,
            ),
            (25, 72, 3),
        )[0]
        remarks = {
            EvaluationResult.EXCELLENT: "履职尽责，服务群众成效明显",
            EvaluationResult.QUALIFIED: "能按要求参加报到服务",
            EvaluationResult.UNQUALIFIED: "全年参加服务次数偏少",
        }
        gen.add(
            PostEvaluation,
            report_id=rid,
            year=gen.last_year,
            result=result,
            remark=remarks[result],
        )
