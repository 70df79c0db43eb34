"""The service log of a post report: the date, hours and what was done on the post."""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PostReport, ServiceLog
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.post_reports.common import check_in_report, check_length, load_report
from pbc_desktop.services.scope import from_fields, update_audited

CONTENT_MAX = 2000


MAX_HOURS = 24.0


@dataclass(frozen=True)
class ServiceInput:
    """A service entry: the day, the hours and what was done."""

    served_on: date
    hours: float
    content: str
    version: int | None = None  # the version the editor read (ServiceRow); None: unchecked


@dataclass(frozen=True, kw_only=True)
class ServiceRow(ServiceInput):
    id: int
    report_id: int
    version: int  # the stored version, handed back by the editor (optimistic locking)


def _service_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该服务记录，可能已被删除。",
            "The service entry was not found; it may have been deleted.",
        )
    )


def _load_service(
    s: Session, service_id: int, acc: access.Access, *, change: bool = False
) -> ServiceLog:
    entry = s.get(ServiceLog, service_id)
    if entry is None:
        raise _service_gone()
    try:
        load_report(s, entry.report_id, acc, change=change)
    except NotFoundError:
        raise _service_gone() from None
    return entry


def list_services(db: Database, report_id: int) -> list[ServiceRow]:
    """The report's service, newest first."""
    stmt = (
        select(ServiceLog)
        .where(ServiceLog.report_id == report_id)
        .order_by(ServiceLog.served_on.desc(), ServiceLog.id.desc())
    )
    with db.read() as s:
        load_report(s, report_id, access.of(db, s))
        return [_service_row(e) for e in s.scalars(stmt)]


def services_of_reports(s: Session, report_ids: Collection[int]) -> dict[int, list[ServiceRow]]:
    """The service of each of ``report_ids`` (reports the account sees, read by the
    caller), newest first: :func:`list_services` of several reports in one query."""
    found: dict[int, list[ServiceRow]] = {report_id: [] for report_id in report_ids}
    if found:
        stmt = (
            select(ServiceLog)
            .where(ServiceLog.report_id.in_(found))
            .order_by(ServiceLog.served_on.desc(), ServiceLog.id.desc())
        )
        for entry in s.scalars(stmt):
            found[entry.report_id].append(_service_row(entry))
    return found


def get_service(db: Database, service_id: int) -> ServiceRow:
    with db.read() as s:
        return _service_row(_load_service(s, service_id, access.of(db, s)))


def _service_row(entry: ServiceLog) -> ServiceRow:
    return from_fields(ServiceRow, entry, hours=float(entry.hours))


def _check_service(
    s: Session, report: PostReport, data: ServiceInput, own_id: int | None
) -> tuple[float, str]:
    err = FieldErrors()
    day = data.served_on
    check_in_report(err, "served_on", day, report, ("服务日期", "service date"))
    if report.ended_on is not None and day > report.ended_on:
        err.add(
            "served_on",
            f"服务日期不能晚于离岗日期（{report.ended_on.isoformat()}）",
            f"The service date is after the member left the post ({report.ended_on.isoformat()})",
        )
    hours = round(float(data.hours), 2) if math.isfinite(data.hours) else -1.0
    if not 0 < hours <= MAX_HOURS:
        err.add(
            "hours", "服务时长应大于0且不超过24小时", "The hours must be more than 0 and at most 24"
        )
    else:
        others = select(func.coalesce(func.sum(ServiceLog.hours), 0.0)).where(
            ServiceLog.served_on == day,
            ServiceLog.report_id.in_(
                select(PostReport.id).where(PostReport.member_id == report.member_id)
            ),
        )
        if own_id is not None:
            others = others.where(ServiceLog.id != own_id)
        logged = float(s.scalar(others) or 0)
        if logged + hours > MAX_HOURS:
            err.add(
                "hours",
                f"该党员{day.isoformat()}已登记{logged:g}小时，一天合计不能超过24小时",
                f"The member already has {logged:g} hours on {day.isoformat()}; "
                "a day has at most 24",
            )
    content = (data.content or "").strip()
    if not content:
        err.add("content", "请填写服务内容", "Describe the service")
    check_length(err, "content", content, CONTENT_MAX, ("服务内容", "The description"))
    err.raise_any()
    return hours, content


def add_service(db: Database, report_id: int, data: ServiceInput) -> int:
    """Log service done on the post (date within the report's period, hours, content)."""
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        hours, content = _check_service(s, report, data, None)
        entry = ServiceLog(
            report_id=report.id, served_on=data.served_on, hours=hours, content=content
        )
        s.add(entry)
        audit.created(
            s,
            entry,
            t(
                f"登记党员{report.member.name}的服务记录（{data.served_on.isoformat()},"
                f"{hours:g}小时）",
                f"Logged {hours:g} hours of service by {report.member.name} "
                f"on {data.served_on.isoformat()}",
            ),
        )
        return entry.id


def update_service(db: Database, service_id: int, data: ServiceInput) -> None:
    with db.write() as s:
        entry = _load_service(s, service_id, access.of(db, s), change=True)
        versions.check(s, entry, data.version)
        report = entry.report
        hours, content = _check_service(s, report, data, entry.id)
        update_audited(
            s,
            entry,
            {"served_on": data.served_on, "hours": hours, "content": content},
            lambda: t(
                f"修改党员{report.member.name}的服务记录（{data.served_on.isoformat()}）",
                f"Updated a service entry of {report.member.name} ({data.served_on.isoformat()})",
            ),
        )


def delete_service(db: Database, service_id: int) -> None:
    with db.write() as s:
        entry = _load_service(s, service_id, access.of(db, s), change=True)
        name = entry.report.member.name
        audit.deleted(
            s,
            entry,
            t(
                f"删除党员{name}的服务记录（{entry.served_on.isoformat()}）",
                f"Deleted a service entry of {name} ({entry.served_on.isoformat()})",
            ),
        )
        s.delete(entry)
