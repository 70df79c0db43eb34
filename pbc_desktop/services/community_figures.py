"""Per-community figures of a year, shown beside each indicator while scoring.

Each figure is keyed by an indicator ``metric`` code (``domain.indicators.METRICS``) and is
computed for many communities at once in a handful of grouped queries, so the assessment
report for a whole district stays quick. The counting rules follow ``services.stats``:
activities by their start time (held only; ``activities`` leaves out the meetings, which
``meetings`` counts), lists and their items by the list's year (claimed, solved within it; overdue
as of the year's end, or ``today`` while it lasts), members reported on a post at the year's
end (today while it lasts), venues opened by then; the appraisal shares over the members
of the current member organizations (``appraisals.results``).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Claim,
    CommunityVenue,
    FundEntry,
    ListItem,
    PostReport,
    ServiceList,
)
from pbc_desktop.domain.enums import (
    MEETING_KINDS,
    TRAINING_KINDS,
    ActivityStatus,
    FundDirection,
    ItemStatus,
    ListKind,
    PostReportStatus,
)
from pbc_desktop.domain.indicators import METRICS, PERCENT_METRICS
from pbc_desktop.services import access
from pbc_desktop.services.appraisals.results import community_appraisal_figures
from pbc_desktop.services.scope import chunks, date_bounds, overdue_clause, year_bounds

#: Where a metric's district-wide figure lives in ``stats.Figures`` when the names differ.
#: (The indicators speak of 培训人次 and 解决问题; the dashboard's fields are older.)
STATS_FIELD_FOR_METRIC: dict[str, str] = {
    "trainee_times": "trainees",
    "projects_solved": "problems_solved",
}

Figures = dict[str, float]


def stats_field(metric: str) -> str:
    """The ``stats.Figures`` attribute that counts ``metric`` for a whole area."""
    return STATS_FIELD_FOR_METRIC.get(metric, metric)


def metric_label(metric: str | None, lang: str = "zh") -> str:
    if not metric or metric not in METRICS:
        return ""
    zh, en = METRICS[metric]
    return en if lang == "en" else zh


def _grouped(s: Session, stmt: Any) -> dict[int, float]:
    return {int(cid): float(value or 0) for cid, value in s.execute(stmt)}


def _on_post_at(cutoff: date) -> ColumnElement[bool]:
    """A post report on post on the day before ``cutoff`` (a year's last day, or today):
    on post now, or ended only since."""
    return and_(
        PostReport.reported_on < cutoff,
        or_(
            PostReport.status == PostReportStatus.ACTIVE,
            PostReport.ended_on >= cutoff,
        ),
    )


def _overdue_in(today: date, year_end: date) -> ColumnElement[bool]:
    """逾期 as of the year's end (``year_end``: the next 1 January), or of ``today`` while
    the year lasts: an item solved only after its year was overdue in it."""
    if today < year_end:
        return overdue_clause(today)
    return and_(
        ListItem.deadline.is_not(None),
        ListItem.deadline < year_end,
        # A SOLVED item with no date counts as solved in its year (as ``projects_solved``
        # does), so not as overdue.
        or_(
            ListItem.status != ItemStatus.SOLVED,
            and_(ListItem.solved_on.is_not(None), ListItem.solved_on >= year_end),
        ),
    )


def _item_counts(*conds: ColumnElement[bool]) -> Select[int, int]:
    """How many list items match ``conds``, per community of their list."""
    return (
        select(ServiceList.community_id, func.count(ListItem.id))
        .join(ServiceList, ServiceList.id == ListItem.list_id)
        .where(*conds)
        .group_by(ServiceList.community_id)
    )


def figures_in_session(
    s: Session, year: int, community_ids: Collection[int], *, today: date | None = None
) -> dict[int, Figures]:
    """Every metric for each of ``community_ids`` in ``year`` (zeros where nothing counts)."""
    ids = sorted(set(community_ids))
    out: dict[int, Figures] = {cid: dict.fromkeys(METRICS, 0.0) for cid in ids}
    if not ids:
        return out
    day = today or date.today()
    start, end = year_bounds(year)
    d_start, d_end = date_bounds(year)
    # Chunks keep the IN lists well under SQLite's parameter limit.
    for chunk in chunks(ids):
        held = [
            Activity.community_id.in_(chunk),
            Activity.starts_at >= start,
            Activity.starts_at < end,
            Activity.status == ActivityStatus.HELD,
        ]
        meeting = Activity.kind.in_(sorted(MEETING_KINDS))
        training = Activity.kind.in_(sorted(TRAINING_KINDS))
        queries: dict[str, Any] = {
            "activities": select(Activity.community_id, func.count(Activity.id))
            .where(*held, ~meeting)
            .group_by(Activity.community_id),
            "meetings": select(Activity.community_id, func.count(Activity.id))
            .where(*held, meeting)
            .group_by(Activity.community_id),
            "trainings": select(Activity.community_id, func.count(Activity.id))
            .where(*held, training)
            .group_by(Activity.community_id),
            "trainee_times": select(
                Activity.community_id, func.coalesce(func.sum(Activity.trainee_count), 0)
            )
            .where(*held, training)
            .group_by(Activity.community_id),
            "members_reported": select(
                PostReport.community_id, func.count(func.distinct(PostReport.member_id))
            )
            .where(
                PostReport.community_id.in_(chunk), _on_post_at(min(day + timedelta(days=1), d_end))
            )
            .group_by(PostReport.community_id),
            "projects_claimed": _item_counts(
                ServiceList.community_id.in_(chunk),
                ServiceList.year == year,
                ServiceList.kind == ListKind.PROJECT,
                ListItem.id.in_(select(Claim.item_id).where(Claim.claimed_on < d_end)),
            ),
            "projects_solved": _item_counts(
                ServiceList.community_id.in_(chunk),
                ServiceList.year == year,
                ListItem.status == ItemStatus.SOLVED,
                or_(ListItem.solved_on.is_(None), ListItem.solved_on < d_end),
            ),
            "overdue_items": _item_counts(
                ServiceList.community_id.in_(chunk),
                ServiceList.year == year,
                _overdue_in(day, d_end),
            ),
            "venues_opened": select(
                CommunityVenue.community_id, func.count(func.distinct(CommunityVenue.venue_id))
            )
            .where(
                CommunityVenue.community_id.in_(chunk),
                or_(CommunityVenue.opened_on.is_(None), CommunityVenue.opened_on < d_end),
            )
            .group_by(CommunityVenue.community_id),
            "funds_income": select(
                FundEntry.community_id, func.coalesce(func.sum(FundEntry.amount_cents), 0)
            )
            .where(
                FundEntry.community_id.in_(chunk),
                FundEntry.direction == FundDirection.INCOME,
                FundEntry.entry_date >= d_start,
                FundEntry.entry_date < d_end,
            )
            .group_by(FundEntry.community_id),
            "lists_signed": select(ServiceList.community_id, func.count(ServiceList.id))
            .where(
                ServiceList.community_id.in_(chunk),
                ServiceList.year == year,
                ServiceList.signed_on.is_not(None),
            )
            .group_by(ServiceList.community_id),
        }
        for metric, stmt in queries.items():
            for cid, value in _grouped(s, stmt).items():
                out[cid][metric] = value
    for cid, shares in community_appraisal_figures(s, year, ids).items():
        out[cid].update(shares)
    for figures in out.values():
        figures["funds_income"] = round(figures["funds_income"] / 100, 2)  # fen → yuan
    return out


def community_figures(
    db: Database, community_id: int, year: int, *, today: date | None = None
) -> Figures:
    """Every metric of one community in ``year``."""
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return figures_in_session(s, year, [community_id], today=today)[community_id]


def format_figure(metric: str | None, value: float | None) -> str:
    """A figure as shown beside an indicator: whole numbers plain, yuan with two decimals."""
    if metric is None or value is None:
        return ""
    if metric == "funds_income":
        return f"{value:,.2f}"
    if metric in PERCENT_METRICS:
        return f"{value:.1f}%"
    return f"{value:,.0f}"
