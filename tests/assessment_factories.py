"""Small fixtures for the assessment tests: running communities, a year's system, scores."""

from __future__ import annotations

from datetime import date, datetime

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import CommunityVenue, FundEntry, ListItem, ServiceList, Venue
from pbc_desktop.domain.enums import (
    ActivityKind,
    ActivityStatus,
    CommunityStatus,
    FundDirection,
    FundSource,
    ItemStatus,
    ListKind,
    VenueKind,
)
from pbc_desktop.services.assessments import scoring
from tests.factories import make_activity, make_community, make_orgs

YEAR = 2024


def running_communities(db: Database, *names: str, town: str = "成田镇") -> list[int]:
    ids = []
    for i, name in enumerate(names):
        orgs = make_orgs(db, f"{name}甲党支部{i}", f"{name}乙党支部{i}", town=town)
        ids.append(
            make_community(
                db, name, orgs, status=CommunityStatus.RUNNING, founded_on=date(2023, 1, 5)
            )
        )
    return ids


def score_all(db: Database, assessment_id: int, fraction: float, feedback: str = "") -> float:
    """Give every indicator ``fraction`` of its maximum (rounded to halves); the total."""
    sheet = scoring.get_scoring_sheet(db, assessment_id)
    scores = {r.indicator_id: round(r.max_score * fraction * 2) / 2 for r in sheet.rows}
    scoring.save_scores(db, assessment_id, scoring.ScoresInput(scores, feedback or None))
    return round(sum(scores.values()), 2)


def add_known_figures(db: Database, community_id: int) -> None:
    """Three held theme days, one training of 40, one meeting, a venue, a list, funds."""
    held, planned = ActivityStatus.HELD, ActivityStatus.PLANNED
    for kind, title, starts_at, status, trainees in (
        *(
            (ActivityKind.THEME_PARTY_DAY, f"主题党日{day}", datetime(YEAR, 3, day, 9), held, 0)
            for day in (1, 2, 3)
        ),
        (ActivityKind.TRAINING, "党务培训", datetime(YEAR, 4, 1, 9), held, 40),
        (ActivityKind.JOINT_MEETING, "联席会议", datetime(YEAR, 5, 1, 9), held, 0),
        # Not counted: another year, and a planned one.
        (ActivityKind.THEME_PARTY_DAY, "去年主题党日", datetime(YEAR - 1, 3, 1, 9), held, 0),
        (ActivityKind.VOLUNTEER, "计划中的志愿服务", datetime(YEAR, 11, 1, 9), planned, 0),
    ):
        make_activity(
            db,
            community_id,
            title,
            kind=kind,
            starts_at=starts_at,
            status=status,
            trainee_count=trainees,
        )
    with db.write() as s:
        venue = Venue(name=f"党群服务中心{community_id}", kind=VenueKind.SERVICE_CENTRE)
        s.add(venue)
        s.flush()
        s.add(CommunityVenue(community_id=community_id, venue_id=venue.id))
        lst = ServiceList(
            community_id=community_id,
            kind=ListKind.PROJECT,
            title="项目清单",
            year=YEAR,
            signed_on=date(YEAR, 2, 1),
        )
        lst.items = [
            ListItem(title="修路", status=ItemStatus.SOLVED, seq=1),
            ListItem(title="路灯", status=ItemStatus.OPEN, seq=2, deadline=date(YEAR, 3, 1)),
        ]
        s.add(lst)
        s.add(
            FundEntry(
                community_id=community_id,
                entry_date=date(YEAR, 2, 1),
                direction=FundDirection.INCOME,
                source=FundSource.HIGHER_LEVEL,
                amount_cents=1_234_550,
            )
        )
