"""What the appraisals feed: the member's detail, the year's overview per organization and
the assessment figures of a community (``community_figures``)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Appraisal,
    AppraisalResult,
    CommunityMember,
    Organization,
    PartyMember,
)
from pbc_desktop.domain.appraisals import AppraisalGrade, percent
from pbc_desktop.services import access
from pbc_desktop.services.appraisals.grid import taking_part
from pbc_desktop.services.members import load_member
from pbc_desktop.services.scope import chunks


@dataclass(frozen=True)
class MemberAppraisal:
    year: int
    grade: AppraisalGrade
    organization_name: str
    held_on: date | None


def member_appraisals(
    db: Database, member_id: int, as_of: date | None = None
) -> list[MemberAppraisal]:
    """The member's grades, the latest year first (``as_of``: see ``load_member``)."""
    with db.read() as s:
        load_member(s, member_id, access.of(db, s), as_of=as_of)
        return appraisals_in(s, member_id)


def appraisals_in(s: Session, member_id: int) -> list[MemberAppraisal]:
    """:func:`member_appraisals` read in ``s``, of a member the caller loaded."""
    stmt = (
        select(Appraisal.year, AppraisalResult.grade, Organization.name, Appraisal.held_on)
        .join(Appraisal, Appraisal.id == AppraisalResult.appraisal_id)
        .join(Organization, Organization.id == Appraisal.organization_id)
        .where(AppraisalResult.member_id == member_id)
        .order_by(Appraisal.year.desc())
    )
    return [MemberAppraisal(*row) for row in s.execute(stmt)]


@dataclass(frozen=True)
class AppraisalOverview:
    """One organization's appraisal of a year, as the overview lists it."""

    organization_id: int
    organization_name: str
    town: str | None
    held_on: date | None
    members: int  # the grid's rows: members taking part now, and those graded who left
    counts: tuple[tuple[AppraisalGrade, int], ...]  # every grade, best first

    @property
    def graded(self) -> int:
        return sum(n for _, n in self.counts)


def year_overview(db: Database, year: int, *, town: str | None = None) -> list[AppraisalOverview]:
    """Every organization seen with members or with an appraisal of ``year``: who has
    held it and how many of each grade (organizations by town and pinyin)."""
    with db.read() as s:
        acc = access.of(db, s)
        where = [acc.orgs(Organization.id)]
        if town:
            where.append(Organization.town == town)
        members = dict(
            s.execute(
                select(PartyMember.organization_id, func.count(PartyMember.id))
                .where(taking_part(year))
                .group_by(PartyMember.organization_id)
            ).all()
        )
        # and those graded who have left the organization since: the grid's rows, so that
        # a grade of one who left does not stand for a member still ungraded
        for org_id, n in s.execute(
            select(Appraisal.organization_id, func.count(AppraisalResult.id))
            .join(AppraisalResult, AppraisalResult.appraisal_id == Appraisal.id)
            .join(PartyMember, PartyMember.id == AppraisalResult.member_id)
            .where(
                Appraisal.year == year,
                ~((PartyMember.organization_id == Appraisal.organization_id) & taking_part(year)),
            )
            .group_by(Appraisal.organization_id)
        ):
            members[org_id] = members.get(org_id, 0) + n
        held = dict(
            s.execute(
                select(Appraisal.organization_id, Appraisal.held_on).where(Appraisal.year == year)
            ).all()
        )
        counts: dict[int, dict[AppraisalGrade, int]] = {}
        for org_id, grade, n in s.execute(
            select(Appraisal.organization_id, AppraisalResult.grade, func.count())
            .join(AppraisalResult, AppraisalResult.appraisal_id == Appraisal.id)
            .where(Appraisal.year == year)
            .group_by(Appraisal.organization_id, AppraisalResult.grade)
        ):
            counts.setdefault(org_id, {})[grade] = n
        # not one founded after the year (set up in February, it was reminded of the
        # appraisal of a year it did not exist in)
        founded = or_(
            Organization.founded_on.is_(None), Organization.founded_on <= date(year, 12, 31)
        )
        orgs = s.execute(
            select(Organization.id, Organization.name, Organization.town)
            .where(*where, or_(founded, Organization.id.in_(list(held))))
            .order_by(Organization.town, Organization.name_sort)
        )
        return [
            AppraisalOverview(
                org_id,
                name,
                org_town,
                held.get(org_id),
                members.get(org_id, 0),
                tuple((g, counts.get(org_id, {}).get(g, 0)) for g in AppraisalGrade),
            )
            for org_id, name, org_town in orgs
            if members.get(org_id) or org_id in held
        ]


def community_appraisal_figures(
    s: Session, year: int, community_ids: Collection[int]
) -> dict[int, dict[str, float]]:
    """Per community, over the members of its current member organizations: the share
    graded in ``year`` (民主评议完成率, %) and the share of 优秀 among those graded
    (优秀党员比例, %). Communities with no member taking part get no entry."""
    out: dict[int, dict[str, float]] = {}
    ids = sorted(set(community_ids))
    for chunk in chunks(ids):
        links = (
            select(CommunityMember.community_id, CommunityMember.organization_id)
            .where(CommunityMember.community_id.in_(chunk), CommunityMember.left_on.is_(None))
            .subquery()
        )
        members: dict[int, int] = dict(
            s.execute(
                select(links.c.community_id, func.count(PartyMember.id))
                .join(PartyMember, PartyMember.organization_id == links.c.organization_id)
                .where(taking_part(year))
                .group_by(links.c.community_id)
            ).all()
        )
        graded: dict[int, dict[AppraisalGrade, int]] = {}
        for cid, grade, n in s.execute(
            select(links.c.community_id, AppraisalResult.grade, func.count(AppraisalResult.id))
            .join(Appraisal, Appraisal.organization_id == links.c.organization_id)
            .join(AppraisalResult, AppraisalResult.appraisal_id == Appraisal.id)
            .join(PartyMember, PartyMember.id == AppraisalResult.member_id)
            .where(Appraisal.year == year, taking_part(year))
            .group_by(links.c.community_id, AppraisalResult.grade)
        ):
            graded.setdefault(cid, {})[grade] = n
        for cid, total in members.items():
            by_grade = graded.get(cid, {})
            done = sum(by_grade.values())
            out[cid] = {
                "appraisal_rate": percent(min(done, total), total),
                "excellent_share": percent(by_grade.get(AppraisalGrade.EXCELLENT, 0), done),
            }
    return out
