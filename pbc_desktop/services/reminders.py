"""Due reminders (到期提醒), every area in one place, per the signed-in account's scope.

:func:`collect` asks each function of :data:`PROVIDERS` for its reminders and returns
them in one list (:class:`pbc_desktop.domain.reminders.Reminder`: area, subject, towns,
what, due on, days overdue or left, severity, where the window shows it). A provider is
``provider(db, today) -> list[Reminder]`` and applies the account's scope itself (as
every service does, ``services/access.py``). A feature plugs in with one line, its
provider appended to :data:`PROVIDERS` below, e.g.::

    from pbc_desktop.services.development.reminders import development_reminders
    PROVIDERS.append(development_reminders)   # or listed in the tuple below

(``development_reminders(db, today)`` for 发展党员, the fees' arrears provider for 党费:
give each ``ReminderArea.DEVELOPMENT`` / ``ReminderArea.FEES``; 民主评议 not entered
by 31 March: ``appraisals.reminders``, ``ReminderArea.APPRAISAL``.) The window's 到期提醒
panel (``ui/overview/reminders_panel.py``) shows what :func:`collect` returns.

Here too: the community activity rules (日常例会 monthly, …) and running communities
whose regular activity is overdue (:func:`due_reminders`, the area
``ReminderArea.ACTIVITIES``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import (
    Activity,
    Community,
    CommunityMember,
    LifecycleEvent,
    Organization,
    ReminderRule,
)
from pbc_desktop.domain import reminders
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import ActivityKind, ActivityStatus, CommunityStatus
from pbc_desktop.domain.reminders import Reminder, ReminderArea, reminder_order
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, interval_rules, versions
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
    return interval_rules.read_months(db, ReminderRule, reminders.DEFAULT_RULES)


#: the kind whose rule stands for the whole table and carries its version (every kind has
#: its rule once the rules are saved)
HEAD_KIND = next(iter(ActivityKind))


def rules_to_edit(db: Database) -> tuple[dict[ActivityKind, int], int]:
    """The rules (see :func:`get_rules`) and their version, which the editor hands back to
    :func:`set_rules` (:data:`versions.NONE_YET` while none are saved)."""
    with db.read() as s:
        head = s.scalar(select(ReminderRule).where(ReminderRule.kind == HEAD_KIND))
        version = versions.NONE_YET if head is None else head.version
    return get_rules(db), version


def set_rules(
    db: Database, rules: Mapping[ActivityKind, int], read_version: int | None = None
) -> None:
    """Replace the rules; a kind left out (or 0 months) is no longer reminded of.
    ``read_version``: the rules' as the editor read them (:func:`rules_to_edit`); a save
    over another's since is refused."""
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
        lock_groups(s, [("reminder_rules",)])  # two saving the first rules at once
        stored = {r.kind: r for r in s.scalars(select(ReminderRule))}
        if (head := stored.get(HEAD_KIND)) is not None:  # read as none yet: saved meanwhile
            versions.check(s, head, read_version)
        before = interval_rules.enabled_months(stored.values())
        for kind in ActivityKind:  # every kind's rule: an explicit "no reminder" too
            rule = stored.get(kind)
            if rule is None:
                rule = stored[kind] = ReminderRule(kind=kind, interval_months=1)
                s.add(rule)
            rule.interval_months = wanted.get(kind, rule.interval_months)
            rule.enabled = kind in wanted
        summary = t("修改活动到期提醒规则", "Changed the activity reminder rules")
        # under the head rule: a save refused as stale names who saved this one
        interval_rules.log_replaced(
            s, ReminderRule, summary, before, wanted, record=stored[HEAD_KIND]
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


def _community_towns(db: Database, community_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The towns of each community's lead and current member organizations."""
    members = select(CommunityMember.community_id, Organization.town).join(
        Organization, Organization.id == CommunityMember.organization_id
    )
    members = members.where(
        CommunityMember.community_id.in_(community_ids), CommunityMember.left_on.is_(None)
    )
    leads = select(Community.id, Organization.town).join(
        Organization, Organization.id == Community.lead_org_id
    )
    leads = leads.where(Community.id.in_(community_ids))
    found: dict[int, set[str]] = {}
    with db.read() as s:
        for stmt in (members, leads):
            for cid, town in s.execute(stmt):
                if town:
                    found.setdefault(cid, set()).add(town)
    return {cid: tuple(sorted(towns)) for cid, towns in found.items()}


def community_reminders(db: Database, today: date) -> list[Reminder]:
    """:func:`due_reminders` as reminders of the area 共同体活动."""
    rows = due_reminders(db, today)
    towns = _community_towns(db, sorted({r.community_id for r in rows}))
    found = []
    for r in rows:
        last = r.last_held.isoformat() if r.last_held else t("从未举行", "never held")
        found.append(
            Reminder(
                ReminderArea.ACTIVITIES,
                r.community_name,
                towns.get(r.community_id, ()),
                t(f"{r.kind.zh}（上次：{last}）", f"{r.kind.en} (last: {last})"),
                r.due_on,
                r.days_overdue,
                "activities",
                (("community_id", r.community_id), ("kind", r.kind)),
            )
        )
    return found


Provider = Callable[[Database, date], list[Reminder]]


def _providers() -> list[Provider]:
    from pbc_desktop.services.appraisals.reminders import appraisal_reminders
    from pbc_desktop.services.branch_life.reminders import branch_life_reminders
    from pbc_desktop.services.development.listing import branch_reminders
    from pbc_desktop.services.fees.arrears import fee_reminder_items
    from pbc_desktop.services.terms.due import term_reminders

    return [
        community_reminders,
        branch_life_reminders,
        term_reminders,
        branch_reminders,
        fee_reminder_items,
        appraisal_reminders,
    ]


#: Every source of reminders; a feature adds its provider here (one line, see above).
PROVIDERS: list[Provider] = _providers()


def collect(db: Database, today: date, town: str | None = None) -> list[Reminder]:
    """Every provider's reminders the account sees (of ``town``: those naming it), overdue
    first."""
    found = [r for provider in PROVIDERS for r in provider(db, today)]
    if town:
        found = [r for r in found if town in r.towns]
    return sorted(found, key=reminder_order)
