"""Pieces shared by the 报到领岗 services: the clock, loading a report, length and date
checks.

Every module calls ``common.today()`` (not a copy of it), so a test fixes the date once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import Session

from pbc_desktop.db.models import PartyMember, PostReport
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import PostReportStatus
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.field_errors import FieldErrors

REMARK_MAX = 2000


@dataclass(frozen=True)
class ReportFacts:
    """A report as every listing of reports shows it: where to, which post, from when to
    when, and the hours served on it."""

    organization_name: str
    community_name: str | None
    post_name: str | None
    reported_on: date
    status: PostReportStatus
    ended_on: date | None
    service_hours: float


def today() -> date:
    """Today; the one clock of the 报到领岗 services (tests replace it)."""
    return date.today()


def report_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该报到记录，可能已被删除。",
            "The post report was not found; it may have been deleted.",
        )
    )


def reports_seen(acc: access.Access) -> ColumnElement[bool]:
    """SQL test: a report of a member of an own organization, or to an own organization."""
    if acc.whole:
        return true()
    own_members = select(PartyMember.id).where(acc.orgs(PartyMember.organization_id))
    return or_(acc.orgs(PostReport.organization_id), PostReport.member_id.in_(own_members))


def load_report(
    s: Session, report_id: int, acc: access.Access, *, change: bool = False
) -> PostReport:
    """The report, if the account answers for the member or for the organization reported
    to (a member's home office and the unit the member serves both keep it); to ``change``
    it the account needs WRITE too."""
    report = s.get(PostReport, report_id)
    if report is None or not (
        acc.sees_org(report.organization_id) or acc.sees_org(report.member.organization_id)
    ):
        raise report_gone()
    if change:
        acc.require(Permission.WRITE)
    return report


def check_length(
    err: FieldErrors, name: str, value: str | None, limit: int, words: tuple[str, str]
) -> None:
    zh, en = words
    if value is not None and len(value) > limit:
        err.add(name, f"{zh}不能超过{limit}个字", f"{en} may have at most {limit} characters")


def check_not_future(err: FieldErrors, name: str, day: date, label: v.Label) -> None:
    """``day`` must not be after :func:`today`; ``label`` names it ("离岗日期", "end date")."""
    err.not_future(name, day, label, today())


def check_in_report(
    err: FieldErrors, name: str, day: date, report: PostReport, label: v.Label
) -> None:
    """A day of the report's period (service, leaving): not in the future, not before the
    report date."""
    check_not_future(err, name, day, label)
    if day < report.reported_on:
        zh, en = label
        reported = report.reported_on.isoformat()
        err.add(
            name,
            f"{zh}不能早于报到日期（{reported}）",
            f"The {en} is before the report date ({reported})",
        )
