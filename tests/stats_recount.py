"""The dashboard figures counted again in plain Python from whole tables.

Independent of :mod:`pbc_desktop.services.stats` on purpose: the service counts in SQL,
this module loads every row and counts in Python, so the tests compare two ways of
counting. Shared by ``test_stats.py`` and ``test_cli_stats.py``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Claim,
    Community,
    CommunityMember,
    CommunityType,
    CommunityVenue,
    ListItem,
    Organization,
    PostReport,
    ServiceList,
    Venue,
)
from pbc_desktop.domain.enums import (
    ActivityStatus,
    CoBuildType,
    CommunityStatus,
    ItemStatus,
    ListKind,
    PostReportStatus,
    VenueKind,
)


def recount(db: Database, year: int, town: str | None, today: date) -> dict[str, object]:
    """Every figure recomputed from whole tables; ``by_type``/``by_status`` keyed by enum."""
    with db.read() as s:
        orgs = {o.id: o for o in s.scalars(select(Organization))}
        communities = list(s.scalars(select(Community)))
        cm = list(s.scalars(select(CommunityMember)))
        types = list(s.scalars(select(CommunityType)))
        cv = list(s.scalars(select(CommunityVenue)))
        venues = {v.id: v for v in s.scalars(select(Venue))}
        acts = list(s.scalars(select(Activity)))
        reports = list(s.scalars(select(PostReport)))
        lists_ = {sl.id: sl for sl in s.scalars(select(ServiceList))}
        items = list(s.scalars(select(ListItem)))
        claimed = {c.item_id for c in s.scalars(select(Claim))}

    scope = {c.id for c in communities}
    if town:
        scope = {
            m.community_id for m in cm if m.left_on is None and orgs[m.organization_id].town == town
        }
    live = {c.id for c in communities if c.id in scope and c.status != CommunityStatus.REVOKED}
    year_acts = [
        a
        for a in acts
        if a.starts_at.year == year
        and a.status != ActivityStatus.CANCELLED
        and (town is None or a.community_id in scope)
    ]
    held = [a for a in year_acts if a.status == ActivityStatus.HELD]
    trainings = [a for a in held if a.kind.is_training]
    in_scope_items = [i for i in items if town is None or lists_[i.list_id].community_id in scope]
    year_items = [i for i in in_scope_items if lists_[i.list_id].year == year]
    return {
        "communities": len(live),
        "by_type": {
            t: len({x.community_id for x in types if x.type == t and x.community_id in live})
            for t in CoBuildType
        },
        "by_status": {
            st: sum(1 for c in communities if c.id in scope and c.status == st)
            for st in CommunityStatus
        },
        "member_organizations": len(
            {m.organization_id for m in cm if m.left_on is None and m.community_id in live}
        ),
        "service_centres": len(
            {
                x.venue_id
                for x in cv
                if x.community_id in live and venues[x.venue_id].kind == VenueKind.SERVICE_CENTRE
            }
        ),
        "activities": len(year_acts),
        "activities_held": len(held),
        "trainings": len(trainings),
        "trainees": sum(a.trainee_count for a in trainings),
        "members_reported": len(
            {
                r.member_id
                for r in reports
                if r.status == PostReportStatus.ACTIVE and (town is None or r.community_id in scope)
            }
        ),
        "lists_signed": sum(
            1
            for sl in lists_.values()
            if sl.year == year
            and sl.signed_on is not None
            and (town is None or sl.community_id in scope)
        ),
        "projects_claimed": sum(
            1 for i in year_items if lists_[i.list_id].kind == ListKind.PROJECT and i.id in claimed
        ),
        "problems_solved": sum(1 for i in year_items if i.status == ItemStatus.SOLVED),
        "overdue_items": sum(
            1
            for i in in_scope_items
            if i.deadline is not None and i.deadline < today and i.status != ItemStatus.SOLVED
        ),
    }
