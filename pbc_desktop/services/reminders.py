"""Due reminders (到期提醒): rules per activity kind, and running communities overdue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Community, LifecycleEvent, ReminderRule
from pbc_desktop.domain import reminders
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus, AuditAction, CommunityStatus
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import town_community_ids


@dataclass(frozen=True)
class ReminderRow:
    community_id: int
    community_name: str
    kind: ActivityKind
    last_held: date | None
    due_on: date
    days_overdue: int


def get_rules(db: Database) -> dict[ActivityKind, int]:
    """{kind: months}; the defaults (日常例会 1, 联席会议 3, 主题党日 1) until rules are saved."""
    with db.read() as s:
        stored = list(s.scalars(select(ReminderRule)))
    if not stored:
        return dict(reminders.DEFAULT_RULES)
    return {r.kind: r.interval_months for r in stored if r.enabled}


def set_rules(db: Database, rules: Mapping[ActivityKind, int]) -> None:
    """Replace the rules; a kind left out (or 0 months) is no longer reminded of."""
    wanted = {kind: months for kind, months in rules.items() if months != 0}
    errors = [
        FieldError(
            kind.value,
            t(
                f"「{kind.zh}」的间隔应为1至{reminders.MAX_INTERVAL_MONTHS}个月",
                f"{kind.en}: the interval must be 1 to {reminders.MAX_INTERVAL_MONTHS} months",
            ),
        )
        for kind, months in wanted.items()
        if not 1 <= months <= reminders.MAX_INTERVAL_MONTHS
    ]
    if errors:
        raise ValidationError(errors)
    require(db, Permission.DISTRICT_RULES)  # the reminder rules are district-wide
    with db.write() as s:
        stored = {r.kind: r for r in s.scalars(select(ReminderRule))}
        before = {k.value: r.interval_months for k, r in stored.items() if r.enabled}
        for kind in ActivityKind:
            rule = stored.get(kind)
            if kind in wanted:
                if rule is None:
                    rule = ReminderRule(kind=kind, interval_months=wanted[kind])
                    s.add(rule)
                rule.interval_months = wanted[kind]
                rule.enabled = True
            elif rule is not None:
                rule.enabled = False
        if not wanted and not stored:
            # Keep an explicit "nothing" so the defaults do not come back.
            for kind in reminders.DEFAULT_RULES:
                s.add(ReminderRule(kind=kind, interval_months=1, enabled=False))
        audit.record(
            s,
            AuditAction.UPDATE,
            None,
            summary=t("修改活动到期提醒规则", "Changed the activity reminder rules"),
            before=before or {"defaults": True},
            after={k.value: v for k, v in wanted.items()} or {"none": True},
            entity="reminder_rule",
        )


def due_reminders(db: Database, today: date, town: str | None = None) -> list[ReminderRow]:
    """Running (运行中) communities whose activity of a reminded kind is overdue."""
    rules = get_rules(db)
    if not rules:
        return []
    running_since = (
        select(func.max(LifecycleEvent.occurred_on))
        .where(
            LifecycleEvent.community_id == Community.id,
            LifecycleEvent.status_after == CommunityStatus.RUNNING,
        )
        .correlate(Community)
        .scalar_subquery()
    )
    communities = select(
        Community.id, Community.name, Community.founded_on, Community.created_at, running_since
    ).where(Community.status == CommunityStatus.RUNNING)
    if town:
        communities = communities.where(Community.id.in_(town_community_ids(town)))
    communities = communities.where(access.of(db).communities(Community.id))
    held = (
        select(Activity.community_id, Activity.kind, func.max(Activity.starts_at))
        .where(
            Activity.status == ActivityStatus.HELD,
            Activity.kind.in_(sorted(rules)),
            Activity.community_id.is_not(None),
            Activity.starts_at < datetime.combine(today + timedelta(days=1), time()),
        )
        .group_by(Activity.community_id, Activity.kind)
    )
    with db.read() as s:
        names: dict[int, str] = {}
        started: dict[int, date] = {}
        for cid, name, founded, created, since in s.execute(communities):
            names[cid] = name
            started[cid] = since or founded or created.date()
        last: dict[tuple[int, ActivityKind], date] = {
            (cid, kind): when.date()
            for cid, kind, when in s.execute(held)
            if cid in started and when is not None
        }
    return [
        ReminderRow(o.community, names[o.community], o.kind, o.last_held, o.due_on, o.days_overdue)
        for o in reminders.overdue(rules, started, last, today)
    ]
