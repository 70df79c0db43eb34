"""Each branch's 三会一课 for a year: the meetings it hosted or joined, per kind and month.

A meeting counts for every organization that hosted it or is listed among its
organizations (once, when it is both), when it was held (``ActivityStatus.HELD``). The
rules (periods, behind, due this month) are :mod:`pbc_desktop.domain.branch_life`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import String, or_, select, type_coerce

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, ActivityOrganization, Organization
from pbc_desktop.domain import branch_life, reminders
from pbc_desktop.domain.branch_life import KindCompliance
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.branch_life.schedule import get_schedule
from pbc_desktop.services.scope import year_bounds

#: Meetings read at a time (a district's year is tens of thousands).
PART_ROWS = 500


@dataclass(frozen=True)
class BranchYear:
    """One branch's year: each scheduled kind with its months and periods."""

    organization_id: int
    name: str
    town: str | None
    year: int
    kinds: tuple[KindCompliance, ...]

    @property
    def behind(self) -> bool:
        """A period of the year ended without its meeting."""
        return any(k.behind for k in self.kinds)

    @property
    def behind_kinds(self) -> tuple[KindCompliance, ...]:
        return tuple(k for k in self.kinds if k.behind)

    @property
    def open_kinds(self) -> tuple[KindCompliance, ...]:
        """Kinds whose period running today has no meeting yet (still to hold this month)."""
        return tuple(k for k in self.kinds if k.open_period is not None)

    def kind(self, kind: ActivityKind) -> KindCompliance | None:
        return next((k for k in self.kinds if k.kind is kind), None)


@dataclass(frozen=True)
class TownYear:
    """The branches of a town (or the area seen) and how many are behind."""

    year: int
    today: date
    branches: tuple[BranchYear, ...]
    #: the kinds the schedule asks for, in order (every branch's ``kinds``)
    kinds: tuple[ActivityKind, ...] = ()

    @property
    def behind(self) -> tuple[BranchYear, ...]:
        return tuple(b for b in self.branches if b.behind)

    @property
    def open_now(self) -> tuple[BranchYear, ...]:
        return tuple(b for b in self.branches if b.open_kinds)


def branch_gone() -> NotFoundError:
    return NotFoundError(t("该党支部不存在或已被删除", "That Party branch does not exist"))


def held_counts(
    db: Database, year: int, kinds: list[ActivityKind], until: date | None = None
) -> dict[int, dict[ActivityKind, list[int]]]:
    """{organization: {kind: meetings held in each month}} of ``year`` (all organizations;
    the caller keeps those it lists); with ``until``, only the meetings of that day and
    before (the year as it stood then: a meeting after it does not count yet)."""
    start, end = year_bounds(year)
    if until is not None:
        end = min(end, datetime.combine(until + timedelta(days=1), time()))
    where = (
        Activity.status == ActivityStatus.HELD,
        Activity.kind.in_(kinds),
        Activity.starts_at >= start,
        Activity.starts_at < end,
    )
    # The rows themselves, counted here: grouping tens of thousands of (organization,
    # kind, month) in SQL costs more than reading them (index ix_activity_kind_starts_at
    # holds every column read, benchmarks/bench_branch_life.py).
    code = type_coerce(Activity.kind, String)  # the stored code, without the ORM
    hosted = select(Activity.host_org_id, code, Activity.starts_at).where(
        Activity.host_org_id.is_not(None), *where
    )
    # listed among its organizations, and not its host (counted above)
    listed = ActivityOrganization.organization_id
    joined = (
        select(listed, code, Activity.starts_at)
        .join(Activity, Activity.id == ActivityOrganization.activity_id)
        .where(or_(Activity.host_org_id.is_(None), Activity.host_org_id != listed), *where)
    )
    by_code = {k.value: k for k in kinds}
    counts: dict[int, dict[ActivityKind, list[int]]] = {}
    with db.read() as s:
        connection = s.connection()
        for stmt in (hosted, joined):
            # a part at a time: fetched whole, the driver held Python's lock for a fifth of
            # a second on end, and the window (its UI thread) stood still meanwhile
            for part in connection.execute(stmt).partitions(PART_ROWS):
                for org_id, kind_code, starts_at in part:
                    assert org_id is not None  # hosted: the host is given
                    per_kind = counts.get(org_id)
                    if per_kind is None:
                        per_kind = counts[org_id] = {}
                    months = per_kind.get(by_code[kind_code])
                    if months is None:
                        months = per_kind[by_code[kind_code]] = [0] * 12
                    months[starts_at.month - 1] += 1
    return counts


def town_year(
    db: Database,
    year: int,
    today: date,
    *,
    town: str | None = None,
    organization_id: int | None = None,
    since_recorded: bool = False,
) -> TownYear:
    """Every branch the account sees (of ``town``, or the one organization), sorted by
    town and pinyin name, with its year as of ``today``: the meetings held up to that day,
    the periods begun after it not yet due. ``since_recorded`` (the reminders): a branch
    without a founding date counts from the day it was recorded here
    (:func:`reminders.existing_since`), not missing the months before."""
    schedule = get_schedule(db)
    orgs = (
        select(
            Organization.id,
            Organization.name,
            Organization.town,
            Organization.kind,
            Organization.start_date,
            Organization.end_date,
            Organization.founded_on,
            Organization.created_at,
        )
        .where(
            Organization.kind.in_(sorted(branch_life.BRANCH_KINDS)),
            # a temporary branch only in the years it existed (not one dissolved in 2020)
            or_(Organization.start_date.is_(None), Organization.start_date <= date(year, 12, 31)),
            or_(Organization.end_date.is_(None), Organization.end_date >= date(year, 1, 1)),
            # nor any branch in the years before it was founded
            or_(Organization.founded_on.is_(None), Organization.founded_on <= date(year, 12, 31)),
        )
        .order_by(Organization.town, Organization.name_sort)
    )
    if town:
        orgs = orgs.where(Organization.town == town)
    if organization_id is not None:
        orgs = orgs.where(Organization.id == organization_id)
    with db.read() as s:
        orgs = orgs.where(access.of(db, s).orgs(Organization.id))
        rows = s.execute(orgs).all()
    kinds = branch_life.ordered_kinds(schedule)
    counts = held_counts(db, year, kinds, today) if kinds else {}
    branches = tuple(
        BranchYear(
            org_id,
            name,
            org_town,
            year,
            tuple(
                branch_life.compliance(
                    schedule,
                    counts.get(org_id, {}),
                    year,
                    today,
                    kinds,
                    active=branch_life.active_span(
                        kind,
                        start,
                        end,
                        reminders.existing_since(founded, created, today)
                        if since_recorded
                        else founded,
                    ),
                )
            ),
        )
        for org_id, name, org_town, kind, start, end, founded, created in rows
    )
    return TownYear(year, today, branches, tuple(kinds))


def branch_year(db: Database, organization_id: int, year: int, today: date) -> BranchYear:
    """One branch's year at a glance (the 12-month grid); out of scope reads as missing."""
    found = town_year(db, year, today, organization_id=organization_id).branches
    if not found:
        raise branch_gone()
    return found[0]
