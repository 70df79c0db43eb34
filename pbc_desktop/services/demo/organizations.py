"""The district's organizations (区委, 工委, towns, villages, agencies, schools, enterprises,
social organizations, temporary branches) and their venues (阵地)."""

from __future__ import annotations

from datetime import date, timedelta

from pbc_desktop.db.models import Organization, Venue
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel, VenueKind
from pbc_desktop.services.demo import data
from pbc_desktop.services.demo.district import District, OrgInfo, Row
from pbc_desktop.services.demo.people import random_date

_SUFFIX_KIND = {
    "党总支": (OrgKind.GENERAL_BRANCH, OrgField.RURAL),
    "党支部": (OrgKind.BRANCH, OrgField.RURAL),
    "党委": (OrgKind.COMMITTEE, OrgField.URBAN_COMMUNITY),
}
# The units every town has at the district's scale (besides its 教育系统): unit, field, weight.
_TOWN_UNITS = (("机关", OrgField.AGENCY, "town_agency"), ("卫生院", OrgField.HOSPITAL, "hospital"))
# Relative number of members per kind of organization.
_WEIGHTS = {
    "village_committee": 2.6,
    "village_general": 2.2,
    "village_branch": 1.2,
    "sub_branch": 0.9,
    "agency": 3.2,
    "hospital": 3.0,
    "public": 2.0,
    "state": 2.0,
    "town_agency": 2.2,
    "school": 1.0,
    "school_system": 1.5,
    "enterprise": 0.5,
    "social": 0.4,
}


def _org(
    gen: District,
    name: str,
    kind: OrgKind,
    fld: OrgField,
    level: OrgLevel,
    *,
    town: str | None = None,
    parent: OrgInfo | None = None,
    short: str | None = None,
    weight: str | None = None,
    founded: date | None = None,
    start: date | None = None,
    end: date | None = None,
    remark: str | None = None,
    unit: str | None = None,
) -> OrgInfo:
    rng = gen.rng
    if town is None and parent is not None:
        town = parent.town  # an organization lies in its parent's town
    short = short or name
    unit = unit or short
    place = f"汕头市潮南区{town or ''}{unit.removeprefix('区')}"
    if founded is None:
        founded = random_date(rng, date(1985, 1, 1), date(gen.this_year - 4, 12, 31))
    row: Row = {
        "name": name,
        "short_name": short,
        "kind": kind,
        "field": fld,
        "level": level,
        "town": town,
        "parent_id": parent.id if parent else None,
        "secretary": None,
        "contact_person": None,
        "contact_phone": None,
        "address": place,
        "founded_on": founded,
        "start_date": start,
        "end_date": end,
        "remark": remark,
    }
    org_id = gen.add(Organization, **row)
    info = OrgInfo(
        org_id,
        name,
        short,
        kind,
        fld,
        level,
        town,
        gen.rows["organization"][-1],
        _WEIGHTS.get(weight or "", 0.0),
        unit=unit,
    )
    gen.orgs.append(info)
    gen.org_by_name[name] = info
    return info


def _village_names(gen: District, town: data.Town, used: set[str]) -> list[tuple[str, str]]:
    names = list(town.villages)
    used.update(n for n, _ in names)
    rng = gen.rng
    for _ in range(gen.scale.extra_villages_per_town):
        while True:
            is_community = rng.random() < 0.15
            short = (
                rng.choice(data.VILLAGE_FIRST)
                + rng.choice(data.VILLAGE_SECOND)
                + ("社区" if is_community else "村")
            )
            if short not in used:
                break
        used.add(short)
        suffix = "党委" if is_community else rng.choice(("党总支", "党总支", "党支部"))
        names.append((short, suffix))
    return names


#: the district committee's own: the working committees of its agencies and of the 两新
_WORKING_COMMITTEES = (
    (data.AGENCY_WORKING_COMMITTEE, OrgKind.WORKING_COMMITTEE, OrgField.AGENCY, "区直机关工委"),
    (data.TWO_NEW_COMMITTEE, OrgKind.COMMITTEE, OrgField.SOCIAL_ORGANIZATION, "区两新组织党委"),
)


def add_organizations(gen: District) -> None:
    sc, rng = gen.scale, gen.rng
    district = _org(
        gen,
        data.DISTRICT_COMMITTEE,
        OrgKind.COMMITTEE,
        OrgField.AGENCY,
        OrgLevel.DISTRICT,
        short="潮南区委",
    )
    agency_wc, two_new = (
        _org(gen, name, kind, fld, OrgLevel.DISTRICT, parent=district, short=short)
        for name, kind, fld, short in _WORKING_COMMITTEES
    )
    gen.district = district

    # District agencies, hospitals and state enterprises.
    weights = {
        OrgField.AGENCY: "agency",
        OrgField.HOSPITAL: "hospital",
        OrgField.STATE_ENTERPRISE: "state",
    }
    for agency, fld, branches in data.AGENCIES[: sc.agencies]:
        count = branches if sc.agency_branches else 1
        if agency == "区交通运输局":
            count = max(count, 2)  # the article's 机关第一党支部
        infix = "机关" if fld == OrgField.AGENCY else ""
        for n in range(count):
            ordinal = f"第{data.BRANCH_ORDINALS[n]}" if count > 1 else ""
            _org(
                gen,
                f"{agency}{infix}{ordinal}党支部",
                OrgKind.BRANCH,
                fld,
                OrgLevel.DISTRICT,
                parent=agency_wc if fld == OrgField.AGENCY else district,
                short=f"{agency}{infix}{ordinal}支部",
                weight=weights.get(fld, "public"),
                unit=agency,
            )
    _org(
        gen,
        data.CHENSHA_PROJECT,
        OrgKind.BRANCH,
        OrgField.PRIVATE_ENTERPRISE,
        OrgLevel.DISTRICT,
        parent=two_new,
        short="陈沙大道改建工程项目部",
        weight="enterprise",
        founded=date(gen.this_year - 5, 3, 18),
    )

    used_villages: set[str] = set()
    for town in data.TOWNS:
        _town(gen, town, district, used_villages)

    # Temporary branches (临时党支部) of epidemic control, and one still open today.
    temps = [f"{p}疫情防控卡口临时党支部" for p in data.CHECKPOINTS]
    temps += [f"{p}医学集中观察点临时党支部" for p in data.OBSERVATION_POINTS]
    for name in temps[: max(0, sc.temporary - 1)]:
        start = random_date(rng, date(2020, 1, 25), date(2020, 2, 3))
        end = random_date(rng, date(2020, 3, 20), date(2020, 5, 31))
        _temporary_branch(gen, name, start, end, "疫情防控期间在一线成立，任务完成后撤销。")
    flood = f"潮南区{gen.this_year}年防汛抢险临时党支部"
    _temporary_branch(gen, flood, gen.today - timedelta(days=45), None, "汛期结束后撤销。")

    # Top up with private enterprises to the district's size.
    if sc.target_orgs is not None:
        towns = [t.name for t in data.TOWNS]
        while len(gen.orgs) < sc.target_orgs:
            town_name = rng.choice(towns)
            _enterprise(gen, town_name, gen.org_by_name[committee_name(town_name)])


def _temporary_branch(gen: District, name: str, start: date, end: date | None, remark: str) -> None:
    """A 临时党支部 of the district, founded the day its task starts (``end``: dissolved)."""
    _org(
        gen,
        name,
        OrgKind.TEMPORARY_BRANCH,
        OrgField.OTHER,
        OrgLevel.DISTRICT,
        parent=gen.district,
        founded=start,
        start=start,
        end=end,
        remark=remark,
    )


def committee_name(town: str) -> str:
    return f"{town}党工委" if town.endswith("街道") else f"{town}党委"


def _town_unit(
    gen: District,
    committee: OrgInfo,
    short: str,
    kind: OrgKind,
    fld: OrgField,
    *,
    weight: str,
    suffix: str = "党支部",
    founded: date | None = None,
) -> OrgInfo:
    """An organization of a town under the town's committee: ``short`` names its unit, the
    organization is named ``short`` + ``suffix``."""
    return _org(
        gen,
        f"{short}{suffix}",
        kind,
        fld,
        OrgLevel.TOWN,
        parent=committee,
        short=short,
        weight=weight,
        founded=founded,
    )


def _enterprise(gen: District, town: str, parent: OrgInfo) -> OrgInfo:
    rng = gen.rng
    while True:
        prefix = rng.choice(data.ENTERPRISE_PREFIXES)
        trade = rng.choice(data.ENTERPRISE_TRADES)
        company = f"{prefix}{trade}"
        if f"{company}党支部" in gen.org_by_name:
            company = f"汕头市潮南区{town[:2]}{prefix[-2:]}{trade}"
        if f"{company}党支部" not in gen.org_by_name:
            break
    founded = random_date(rng, date(2005, 1, 1), date(gen.this_year - 3, 12, 31))
    return _town_unit(
        gen,
        parent,
        company,
        OrgKind.BRANCH,
        OrgField.PRIVATE_ENTERPRISE,
        weight="enterprise",
        founded=founded,
    )


def _town(gen: District, town: data.Town, district: OrgInfo, used_villages: set[str]) -> None:
    sc, rng = gen.scale, gen.rng
    name = town.name
    committee = _org(
        gen,
        committee_name(name),
        OrgKind.WORKING_COMMITTEE if town.kind == "街道" else OrgKind.COMMITTEE,
        OrgField.AGENCY,
        OrgLevel.TOWN,
        town=name,
        parent=district,
        short=name,
    )
    if sc.town_units:
        for unit, fld, weight in _TOWN_UNITS:
            _town_unit(gen, committee, f"{name}{unit}", OrgKind.BRANCH, fld, weight=weight)
    if sc.town_units or name == "司马浦镇":
        _town_unit(
            gen,
            committee,
            f"{name}教育系统",
            OrgKind.GENERAL_BRANCH,
            OrgField.SCHOOL,
            weight="school_system",
            suffix="党总支",
        )
    for short, suffix in _village_names(gen, town, used_villages):
        kind, fld = _SUFFIX_KIND[suffix]
        weight = {"党委": "village_committee", "党总支": "village_general"}.get(
            suffix, "village_branch"
        )
        village = _org(
            gen,
            f"{short}{suffix}",
            kind,
            fld,
            OrgLevel.VILLAGE,
            parent=committee,
            short=short,
            weight=weight,
        )
        if kind != OrgKind.BRANCH and rng.random() < sc.sub_branch_share:
            for n in range(rng.randint(2, 4)):
                sub = _org(
                    gen,
                    f"{short}第{data.BRANCH_ORDINALS[n]}党支部",
                    OrgKind.BRANCH,
                    fld,
                    OrgLevel.VILLAGE,
                    parent=village,
                    short=f"{short}第{data.BRANCH_ORDINALS[n]}党支部",
                    weight="sub_branch",
                )
                sub.sub = True
    kinds = list(data.SCHOOL_KINDS)
    rng.shuffle(kinds)
    for school in kinds[: sc.schools_per_town]:
        _town_unit(
            gen, committee, f"{name}{school}", OrgKind.BRANCH, OrgField.SCHOOL, weight="school"
        )
    if name == "成田镇":
        for n, org_name in enumerate(data.CHENGTIAN_ALLIANCE):
            kind, suffix = (
                (OrgKind.GENERAL_BRANCH, "党总支部") if n == 0 else (OrgKind.BRANCH, "党支部")
            )
            short = org_name.removesuffix(suffix)
            _town_unit(
                gen,
                committee,
                short,
                kind,
                OrgField.SOCIAL_ORGANIZATION,
                weight="social",
                suffix=suffix,
            )
        for org_name in data.CHENGTIAN_ENTERPRISES:
            short = org_name.removesuffix("党支部")
            _town_unit(
                gen,
                committee,
                short,
                OrgKind.BRANCH,
                OrgField.PRIVATE_ENTERPRISE,
                weight="enterprise",
            )
    socials = list(data.SOCIAL_ORG_KINDS)
    rng.shuffle(socials)
    for social in socials[: sc.social_per_town]:
        short = f"{name}{social}"
        if f"{short}党支部" not in gen.org_by_name:
            _town_unit(
                gen, committee, short, OrgKind.BRANCH, OrgField.SOCIAL_ORGANIZATION, weight="social"
            )
    for _ in range(sc.enterprises_per_town):
        _enterprise(gen, name, committee)


def add_venues(gen: District) -> None:
    rng = gen.rng
    venue_names: set[str] = set()
    for org in gen.orgs:
        if org.level == OrgLevel.VILLAGE and not org.sub:
            kind, name = VenueKind.SERVICE_CENTRE, f"{org.town}{org.short}党群服务中心"
        elif org.level == OrgLevel.TOWN and org.kind in (
            OrgKind.COMMITTEE,
            OrgKind.WORKING_COMMITTEE,
        ):
            kind, name = VenueKind.SERVICE_CENTRE, f"{org.town}党群服务中心"
        elif (
            org.org_field == OrgField.AGENCY
            and org.level == OrgLevel.DISTRICT
            and org.kind == OrgKind.BRANCH
            and rng.random() < 0.5
        ):
            kind, name = VenueKind.ACTIVITY_ROOM, f"{org.unit}党员活动室"
            if name in venue_names:
                continue
        else:
            continue
        venue_names.add(name)
        org.venue_id = gen.add(
            Venue,
            name=name,
            kind=kind,
            owner_org_id=org.id,
            address=org.row["address"],
            capacity=rng.choice((40, 60, 80, 100, 150, 200)),
            opening_hours=rng.choice(data.VENUE_HOURS),
            remark=None,
        )
    for name, town in data.EDUCATION_BASES:
        owner = gen.org_by_name[committee_name(town)]
        gen.education_bases.append(
            gen.add(
                Venue,
                name=name,
                kind=VenueKind.EDUCATION_BASE,
                owner_org_id=owner.id,
                address=f"汕头市潮南区{town}",
                capacity=rng.choice((100, 200, 300)),
                opening_hours="周二至周日 9:00-17:00",
                remark="预约参观，可开展现场教学。",
            )
        )
