"""The 党内统计 tables counted again in plain Python from whole tables of the demo.

Independent of ``services/party_stats`` and of ``domain/party_stats``'s banding on purpose:
the bands are spelled out here once more, so a mistake in either shows as a difference.
Shared by the service, the CLI and the export tests.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MemberChange, Organization, PartyMember

#: The demo's education values and their bands on the forms.
EDUCATION = {
    "研究生": "研究生",
    "本科": "大学本科",
    "大学本科": "大学本科",
    "大专": "大学专科",
    "大学专科": "大学专科",
    "中专": "中专",
    "高中": "高中",
    "初中": "初中及以下",
    "小学及以下": "初中及以下",
}


def _age_band(birth: date, day: date) -> str:
    age = day.year - birth.year
    if (birth.month, birth.day) > (day.month, day.day):
        age -= 1
    if age <= 30:
        return "30岁及以下"
    if age >= 61:
        return "61岁及以上"
    low = 31 + (age - 31) // 5 * 5
    return f"{low}至{low + 4}岁"


def _joined_band(joined: date) -> str:
    if joined < date(1949, 10, 1):
        return "建国前"
    if joined < date(1979, 1, 1):
        return "建国后至十一届三中全会前"
    if joined < date(2002, 11, 8):
        return "十一届三中全会后至党的十六大前"
    if joined < date(2012, 11, 8):
        return "党的十六大至十八大前"
    if joined < date(2022, 10, 16):
        return "党的十八大至二十大前"
    return "党的二十大以来"


def recount(
    db: Database, year: int, *, town: str | None = None, org_ids: set[int] | None = None
) -> dict[str, Counter[str]]:
    """Every member table (and organizations per kind) as label → count."""
    day = date(year, 12, 31)
    with db.read() as s:
        orgs = {o.id: o for o in s.scalars(select(Organization))}
        members = list(s.scalars(select(PartyMember)))
        changes = list(s.scalars(select(MemberChange)))
    history: dict[int, list[MemberChange]] = {}
    for c in sorted(changes, key=lambda c: (c.occurred_on, c.id)):
        history.setdefault(c.member_id, []).append(c)
    entries = {"developed", "transferred_in", "restored"}

    def counted(org: Organization) -> bool:
        """The organization is in the town and among the organizations asked for."""
        return (town is None or org.town == town) and (org_ids is None or org.id in org_ids)

    out: dict[str, Counter[str]] = {
        k: Counter()
        for k in (
            "sex",
            "ethnicity",
            "age",
            "education",
            "joined",
            "category",
            "field",
            "kinds",
            "changes",
        )
    }
    for m in members:
        # on the roll at the day: the latest change by then decides; without one, joined
        # by then and not first entering later; in the organization of that change
        mine = history.get(m.id, [])
        before = [c for c in mine if c.occurred_on <= day]
        if before:
            if before[-1].kind.value not in entries:
                continue
            org = orgs[before[-1].organization_id]
        else:
            if m.joined_on is not None and m.joined_on > day:
                continue
            if mine and mine[0].kind.value in entries:
                continue
            org = orgs[mine[0].organization_id if mine else m.organization_id]
        if not counted(org):
            continue
        out["sex"][m.gender.zh if m.gender else "未填写"] += 1
        out["ethnicity"]["汉族" if m.ethnicity == "汉族" else "少数民族"] += 1
        out["age"][_age_band(m.birth_date, day) if m.birth_date else "未填写"] += 1
        out["education"][EDUCATION.get(m.education or "", "未填写")] += 1
        out["joined"][_joined_band(m.joined_on) if m.joined_on else "未填写"] += 1
        probationary = m.confirmed_on is None and m.category.value == "probationary"
        if m.confirmed_on is not None and m.confirmed_on > day:
            probationary = True
        out["category"]["预备党员" if probationary else "正式党员"] += 1
        out["field"][org.field.zh] += 1
    for m in members:  # on the roll by the joining date alone: 其他增加
        mine = history.get(m.id, [])
        if m.joined_on is None or not date(year, 1, 1) <= m.joined_on <= day:
            continue
        if mine and (mine[0].kind.value in entries or mine[0].occurred_on < m.joined_on):
            continue
        org = orgs[mine[0].organization_id if mine else m.organization_id]
        if not counted(org):
            continue
        out["changes"]["其他增加"] += 1
    for c in changes:
        org = orgs[c.organization_id]
        if not counted(org):
            continue
        if date(year, 1, 1) <= c.occurred_on <= day:
            out["changes"][c.kind.zh] += 1
    for org in orgs.values():
        if not counted(org):
            continue
        if org.founded_on is not None and org.founded_on > day:
            continue
        if org.end_date is not None and org.end_date < day:
            continue
        out["kinds"][org.kind.zh] += 1
    return out
