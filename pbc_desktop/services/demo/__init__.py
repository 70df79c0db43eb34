"""The demo district: a believable 潮南区 built from a seed, at two scales.

``build_demo(db)`` fills an empty database in one transaction, so a cancel or a crash
leaves it empty; the same seed and ``today`` always give the same district.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from pbc_desktop.db.base import Base
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    IndicatorSet,
    MeetingRule,
    Organization,
    Post,
    ReminderRule,
    User,
)
from pbc_desktop.domain.enums import AuditAction, OrgLevel
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import audit
from pbc_desktop.services.demo.builder import SCALES, DistrictGenerator
from pbc_desktop.services.demo.data import DISTRICT_CODE, DISTRICT_OFFICE

_CHUNK = 5_000
# Share of the progress bar spent generating rows; the rest is writing them.
_GENERATE_SHARE = 45


class DemoCancelledError(UserError):
    """The user cancelled building the demo district; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demo district holds."""

    scale: str
    seed: int
    organizations: int
    party_members: int
    communities: int
    post_reports: int
    service_logs: int
    venues: int
    activities: int
    attendance: int
    agenda_items: int
    service_lists: int
    list_items: int
    project_items: int
    claims: int
    supervisions: int
    fund_entries: int
    assessments: int

    def counts(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _META}

    def __str__(self) -> str:
        lines = [t(f"规模 {self.scale}，种子 {self.seed}", f"scale {self.scale}, seed {self.seed}")]
        for key, value in self.counts().items():
            zh, en = _LABELS[key]
            lines.append("  " + labelled(t(zh, en), value))
        return "\n".join(lines)


_META = frozenset({"scale", "seed"})
_LABELS: dict[str, tuple[str, str]] = {
    "organizations": ("党组织", "organizations"),
    "party_members": ("党员", "party members"),
    "communities": ("党建共同体", "communities"),
    "post_reports": ("报到领岗", "post reports"),
    "service_logs": ("服务记录", "service logs"),
    "venues": ("阵地", "venues"),
    "activities": ("活动", "activities"),
    "attendance": ("出勤记录", "attendance records"),
    "agenda_items": ("会议议题", "agenda items"),
    "service_lists": ("清单", "service lists"),
    "list_items": ("清单事项", "list items"),
    "project_items": ("项目清单事项", "project items"),
    "claims": ("认领", "claims"),
    "supervisions": ("督办记录", "supervision entries"),
    "fund_entries": ("经费收支", "fund entries"),
    "assessments": ("考核", "assessments"),
}


def build_demo(
    db: Database,
    *,
    scale: str = "demo",
    seed: int = 2021,
    today: date | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo district (``scale`` "demo" or "district").

    Raises :class:`UserError` if the database already holds organizations, and
    :class:`DemoCancelledError` when ``should_cancel()`` turns true (nothing is then written).
    """
    if scale not in SCALES:
        raise UserError(
            t(
                f"未知的演示数据规模“{scale}”，可选 demo 或 district。",
                f"Unknown demo scale “{scale}”; choose demo or district.",
            )
        )
    day = today or date.today()
    report = progress or (lambda _percent, _text: None)
    cancelled = should_cancel or (lambda: False)
    steps = 0

    def check() -> None:
        if cancelled():
            raise DemoCancelledError(t("已取消生成演示数据。", "Building the demo was cancelled."))

    def tick() -> None:
        nonlocal steps
        check()
        steps += 1
        report(
            min(_GENERATE_SHARE, steps * 2),
            t("正在生成演示数据…", "Generating the demo district…"),
        )

    with db.write() as session:
        if session.scalar(select(Organization.id).limit(1)) is not None:
            raise UserError(
                t(
                    "数据库中已有党组织，不能再生成演示数据。请使用一个新的空数据库。",
                    "The database already holds organizations; the demo can only be built "
                    "into a new, empty database.",
                )
            )
        gen = DistrictGenerator(
            SCALES[scale],
            seed,
            day,
            first_ids=_first_ids(session),
            skip=_existing_keys(session),
            tick=tick,
            existing_posts={name: pid for pid, name in session.execute(select(Post.id, Post.name))},
        )
        gen.generate()
        check()
        _write_rows(session, gen.rows, report, check)
        summary = _summary(gen, scale, seed)
        audit.record(
            session,
            AuditAction.IMPORT,
            None,
            summary=f"生成演示数据（规模 {scale}，种子 {seed}）："
            f"党组织 {summary.organizations} 个，"
            f"党员 {summary.party_members} 名，党建共同体 {summary.communities} 个，"
            f"活动 {summary.activities} 场",
            after={"scale": scale, "seed": seed, "today": day.isoformat(), **summary.counts()},
            entity="demo",
        )
        _fix_sequences(session, gen.rows)
        check()
        report(99, t("正在保存…", "Saving…"))
    _district_office(db)
    report(100, t("演示数据已生成。", "The demo district is ready."))
    return summary


def _district_office(db: Database) -> None:
    """The demo database is the district's office (its keys beside the file), so it can
    exchange packages at once."""
    from pbc_desktop.services.exchange import offices

    if offices.local_card(db) is None:
        offices.create_local_office(
            db, offices.OfficeSetup(DISTRICT_OFFICE, OrgLevel.DISTRICT, code=DISTRICT_CODE)
        )


def _first_ids(session: Session) -> dict[str, int]:
    """The next free id of every table (the database may hold users or catalogues)."""
    first: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if "id" in table.c:
            first[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return first


def _existing_keys(session: Session) -> dict[str, set[str]]:
    """Unique keys already taken in the small catalogues, so they are not added twice."""
    return {
        "post": set(session.scalars(select(Post.name))),
        "reminder_rule": {k.value for k in session.scalars(select(ReminderRule.kind))},
        "meeting_rule": {k.value for k in session.scalars(select(MeetingRule.kind))},
        "app_user": set(session.scalars(select(User.username))),
        "indicator_set": {str(y) for y in session.scalars(select(IndicatorSet.year))},
    }


def _write_rows(
    session: Session,
    rows: dict[str, list[dict[str, Any]]],
    report: ProgressFn,
    check: Callable[[], None],
) -> None:
    tables = [tb for tb in Base.metadata.sorted_tables if rows.get(tb.name)]
    total = sum(len(rows[tb.name]) for tb in tables) or 1
    done = 0
    conn = session.connection()
    for table in tables:
        table_rows = rows[table.name]
        _complete(table_rows)
        statement = insert(table)
        for start in range(0, len(table_rows), _CHUNK):
            check()
            chunk = table_rows[start : start + _CHUNK]
            conn.execute(statement, chunk)
            done += len(chunk)
            report(
                _GENERATE_SHARE + (98 - _GENERATE_SHARE) * done // total,
                t(f"正在写入数据库（{done}/{total}）…", f"Writing records ({done}/{total})…"),
            )


def _complete(rows: list[dict[str, Any]]) -> None:
    """Give every row of a table the same keys, as ``executemany`` needs."""
    keys: set[str] = set()
    for row in rows:
        keys.update(row)
    for row in rows:
        if len(row) != len(keys):
            for key in keys - row.keys():
                row[key] = None


def _fix_sequences(session: Session, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Ids were given explicitly; on PostgreSQL move each sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name, table_rows in rows.items():
        if table_rows and "id" in table_rows[0]:  # not attachment_content
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), :value)"),
                {"value": max(r["id"] for r in table_rows)},
            )


def _summary(gen: DistrictGenerator, scale: str, seed: int) -> DemoSummary:
    def n(table: str) -> int:
        return len(gen.rows.get(table, []))

    project_lists = {
        r["id"] for r in gen.rows.get("service_list", []) if r["kind"].value == "project"
    }
    return DemoSummary(
        scale=scale,
        seed=seed,
        organizations=n("organization"),
        party_members=n("party_member"),
        communities=n("community"),
        post_reports=n("post_report"),
        service_logs=n("service_log"),
        venues=n("venue"),
        activities=n("activity"),
        attendance=n("attendance"),
        agenda_items=n("agenda_item"),
        service_lists=n("service_list"),
        list_items=n("list_item"),
        project_items=sum(
            1 for r in gen.rows.get("list_item", []) if r["list_id"] in project_lists
        ),
        claims=n("claim"),
        supervisions=n("supervision"),
        fund_entries=n("fund_entry"),
        assessments=n("assessment"),
    )


__all__ = ["DemoCancelledError", "DemoSummary", "build_demo"]
