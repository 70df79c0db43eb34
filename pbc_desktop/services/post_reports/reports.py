"""报到领岗: a party member reports (报到) to a member organization of a Party-building
community and takes a post (领岗) from the catalogue; a report is corrected, ended (离岗),
put back on the post when ended by mistake, or deleted when entered by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Community,
    CommunityMember,
    Organization,
    PartyMember,
    Post,
    PostEvaluation,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.enums import (
    CommunityStatus,
    EvaluationResult,
    MembershipStatus,
    PostReportStatus,
)
from pbc_desktop.domain.member_changes import before_joining_error
from pbc_desktop.errors import ConflictError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.members import load_member
from pbc_desktop.services.post_reports.common import (
    REMARK_MAX,
    ReportFacts,
    check_in_report,
    check_length,
    check_not_future,
    load_report,
    report_gone,
    reports_seen,
)
from pbc_desktop.services.scope import (
    Choice,
    current_members,
    from_fields,
    hold,
    report_hours,
    report_places,
    update_audited,
)


@dataclass(frozen=True)
class MemberBrief:
    """Who reports: enough to head a dialog and check the dates."""

    id: int
    name: str
    organization_id: int
    organization_name: str
    joined_on: date | None
    status: MembershipStatus


@dataclass(frozen=True)
class ReportInput:
    community_id: int | None
    organization_id: int | None
    post_id: int | None
    reported_on: date
    remark: str | None = None
    version: int | None = None  # the version the editor read (ReportRow); None: not checked


@dataclass(frozen=True)
class EndInput:
    """离岗: the day the member left the post; ``remark`` replaces the report's remark."""

    ended_on: date
    remark: str | None = None
    version: int | None = None  # the report's version the dialog read; None: not checked


@dataclass(frozen=True, kw_only=True)
class ReportRow(ReportFacts):
    id: int
    member_id: int
    member_name: str
    community_id: int | None
    organization_id: int
    post_id: int | None
    remark: str | None
    service_count: int
    last_evaluation_year: int | None
    last_evaluation: EvaluationResult | None
    version: int  # the stored version, handed back by the editor (optimistic locking)

    @property
    def active(self) -> bool:
        return self.status == PostReportStatus.ACTIVE

    @property
    def last_day(self) -> date | None:
        """The last day service can be logged on (``None``: still on the post)."""
        return self.ended_on


# -- choices for the report dialog -----------------------------------------------------------


def member_brief(db: Database, member_id: int, as_of: date | None = None) -> MemberBrief:
    """The member's name and organization (``as_of``: see ``members.load_member``)."""
    with db.read() as s:
        member = load_member(s, member_id, access.of(db, s), as_of=as_of)
        return from_fields(MemberBrief, member, organization_name=member.organization.name)


def community_choices(db: Database) -> list[Choice]:
    """Communities a member can report to: every one not revoked (已撤销), by name."""
    stmt = (
        select(Community.id, Community.name)
        .where(Community.status != CommunityStatus.REVOKED)
        .order_by(Community.name_sort, Community.name, Community.id)
    )
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).communities(Community.id))
        return [Choice(i, name) for i, name in s.execute(stmt)]


def organization_choices(
    db: Database, community_id: int, exclude_org_id: int | None = None
) -> list[Choice]:
    """The community's current member organizations in its order (the lead among them),
    without ``exclude_org_id`` (the member's own organization); a community the account
    does not see reads as one that does not exist."""
    stmt = current_members(community_id)
    if exclude_org_id is not None:
        stmt = stmt.where(Organization.id != exclude_org_id)
    with db.read() as s:
        access.of(db, s).require_community(s, community_id)
        return [Choice(i, name) for i, name in s.execute(stmt)]


# -- reading reports -------------------------------------------------------------------------


def _report_select() -> Select[Any]:
    hours = report_hours()
    services = (
        select(func.count(ServiceLog.id))
        .where(ServiceLog.report_id == PostReport.id)
        .correlate(PostReport)
        .scalar_subquery()
    )
    last_year = (
        select(func.max(PostEvaluation.year))
        .where(PostEvaluation.report_id == PostReport.id)
        .correlate(PostReport)
        .scalar_subquery()
    )
    last = aliased(PostEvaluation)
    return (
        report_places(
            PostReport,
            PartyMember.name.label("member_name"),
            hours.label("hours"),
            services.label("services"),
            last.year.label("last_year"),
            last.result.label("last_result"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .outerjoin(last, (last.report_id == PostReport.id) & (last.year == last_year))
    )


def _report_row(r: Any) -> ReportRow:
    report: PostReport = r[0]
    return from_fields(
        ReportRow,
        report,
        member_name=r.member_name,
        community_name=r.community_name,
        organization_name=r.org_name,
        post_name=r.post_name,
        service_hours=float(r.hours or 0),
        service_count=int(r.services or 0),
        last_evaluation_year=r.last_year,
        last_evaluation=r.last_result,
    )


def list_member_reports(db: Database, member_id: int) -> list[ReportRow]:
    """The member's reports: those on a post first, then the newest."""
    with db.read() as s:
        return member_reports_in(s, access.of(db, s), member_id)


def member_reports_in(s: Session, acc: access.Access, member_id: int) -> list[ReportRow]:
    """:func:`list_member_reports` read in ``s``."""
    on_post_first = case((PostReport.status == PostReportStatus.ACTIVE, 0), else_=1)
    stmt = (
        _report_select()
        .where(PostReport.member_id == member_id, reports_seen(acc))
        .order_by(on_post_first, PostReport.reported_on.desc(), PostReport.id.desc())
    )
    return [_report_row(r) for r in s.execute(stmt)]


def get_report(db: Database, report_id: int) -> ReportRow:
    with db.read() as s:
        seen = reports_seen(access.of(db, s))
        row = s.execute(_report_select().where(PostReport.id == report_id, seen)).first()
    if row is None:
        raise report_gone()
    return _report_row(row)


# -- writing reports -------------------------------------------------------------------------


def _report_facts(report: PostReport) -> dict[str, Any]:
    return audit.snapshot(report)


def _where(s: Session, report: PostReport) -> str:
    """ "东泰社区党支部(政策宣传岗)" for the audit summaries."""
    org = s.get(Organization, report.organization_id)
    post = s.get(Post, report.post_id) if report.post_id is not None else None
    name = org.name if org is not None else str(report.organization_id)
    return t(f"{name}（{post.name}岗）", f"{name} ({post.name})") if post else name


def _active_elsewhere(
    s: Session, member_id: int, org_id: int, own_id: int | None
) -> PostReport | None:
    stmt = select(PostReport).where(
        PostReport.member_id == member_id,
        PostReport.organization_id == org_id,
        PostReport.status == PostReportStatus.ACTIVE,
    )
    if own_id is not None:
        stmt = stmt.where(PostReport.id != own_id)
    return s.scalars(stmt.limit(1)).first()


def _check_community(
    s: Session,
    err: FieldErrors,
    data: ReportInput,
    member: PartyMember,
    *,
    unchanged: bool,
    acc: access.Access,
) -> None:
    """The community and organization reported to: one the account sees (the choices
    offered; another reads as gone), a current member organization of it."""
    if data.community_id is None:
        err.add("community", "请选择党建共同体", "Choose the community")
        if data.organization_id is None:
            err.add("organization", "请选择报到的党组织", "Choose the organization reported to")
        return
    community = s.get(Community, data.community_id)
    if community is None or not (unchanged or acc.sees_community(s, community.id)):
        err.add("community", "所选党建共同体已不存在", "The chosen community no longer exists")
        return
    if community.status == CommunityStatus.REVOKED and not unchanged:
        err.add(
            "community",
            f"党建共同体「{community.name}」已撤销，不能再报到",
            f"The community {community.name} was revoked; no one can report to it",
        )
    if data.organization_id is None:
        err.add("organization", "请选择报到的党组织", "Choose the organization reported to")
        return
    if data.organization_id == member.organization_id:
        err.add(
            "organization",
            "党员应到共建单位党组织报到，不能选择本人所在的党组织",
            "A member reports to a co-building organization, not to their own organization",
        )
        return
    is_member = s.scalar(
        select(CommunityMember.id).where(
            CommunityMember.community_id == data.community_id,
            CommunityMember.organization_id == data.organization_id,
            CommunityMember.left_on.is_(None),
        )
    )
    if is_member is None and not unchanged:
        err.add(
            "organization",
            f"所选党组织不是「{community.name}」的成员单位",
            f"The chosen organization is not a member of {community.name}",
        )


def _check_report(
    s: Session,
    member: PartyMember,
    data: ReportInput,
    report: PostReport | None,
    acc: access.Access,
) -> None:
    """Raise a ValidationError naming every bad field of ``data``."""
    err = FieldErrors()
    if report is None and member.status != MembershipStatus.NORMAL:
        err.add(
            "member",
            f"该党员的党籍状态为「{member.status.zh}」，不能报到领岗",
            f"The member's status is {member.status.en.lower()}; they cannot report to a post",
        )
    unchanged = report is not None and (
        (report.community_id, report.organization_id) == (data.community_id, data.organization_id)
    )
    _check_community(s, err, data, member, unchanged=unchanged, acc=acc)
    if data.post_id is not None:
        post = s.get(Post, data.post_id)
        if post is None:
            err.add("post", "所选岗位已不存在", "The chosen post no longer exists")
        elif not post.active and (report is None or report.post_id != post.id):
            err.add(
                "post",
                f"岗位「{post.name}」已停用，请另选岗位",
                f"The post {post.name} is inactive",
            )
    reported = data.reported_on
    label = ("报到日期", "report date")
    check_not_future(err, "reported_on", reported, label)
    if problem := before_joining_error(reported, member.joined_on, label):
        err.add("reported_on", problem, problem)
    if report is not None:
        if report.ended_on is not None and reported > report.ended_on:
            err.add(
                "reported_on",
                f"报到日期不能晚于离岗日期（{report.ended_on.isoformat()}）",
                f"The report date is after the end date ({report.ended_on.isoformat()})",
            )
        _check_against_records(s, err, report, reported, report.ended_on)
    check_length(err, "remark", v.strip_or_none(data.remark), REMARK_MAX, ("备注", "The remark"))
    org_id = data.organization_id
    if org_id is not None and (report is None or report.status == PostReportStatus.ACTIVE):
        other = _active_elsewhere(s, member.id, org_id, report.id if report else None)
        if other is not None:
            err.add(
                "organization",
                f"该党员已在该党组织报到（{other.reported_on.isoformat()}起在岗），不能重复报到",
                f"The member already reports to this organization "
                f"(on the post since {other.reported_on.isoformat()})",
            )
    err.raise_any()


def _check_against_records(
    s: Session, err: FieldErrors, report: PostReport, first: date, last: date | None
) -> None:
    """The report's period [first, last] must still hold its service log and evaluations."""
    earliest, latest = s.execute(
        select(func.min(ServiceLog.served_on), func.max(ServiceLog.served_on)).where(
            ServiceLog.report_id == report.id
        )
    ).one()
    years = list(
        s.scalars(select(PostEvaluation.year).where(PostEvaluation.report_id == report.id))
    )
    if earliest is not None and earliest < first:
        err.add(
            "reported_on",
            f"已有{earliest.isoformat()}的服务记录，报到日期不能晚于它",
            f"Service was logged on {earliest.isoformat()}; the report date cannot be later",
        )
    if years and min(years) < first.year:
        err.add(
            "reported_on",
            f"已有{min(years)}年度的评价，报到日期不能晚于该年度",
            f"There is an evaluation for {min(years)}; the report date cannot be later",
        )
    if last is None:
        return
    if latest is not None and latest > last:
        err.add(
            "ended_on",
            f"已有{latest.isoformat()}的服务记录，离岗日期不能早于它",
            f"Service was logged on {latest.isoformat()}; the end date cannot be earlier",
        )
    if years and max(years) > last.year:
        err.add(
            "ended_on",
            f"已有{max(years)}年度的评价，离岗日期不能早于该年度",
            f"There is an evaluation for {max(years)}; the end date cannot be earlier",
        )


def report_member(db: Database, member_id: int, data: ReportInput) -> int:
    """报到领岗: the member reports to a member organization of a community, on a post."""
    with db.write() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc)
        acc.check_org_writable(member.organization_id)  # the member's own office reports
        _check_report(s, member, data, None, acc)
        report = PostReport(
            member_id=member.id,
            community_id=data.community_id,
            organization_id=data.organization_id,
            post_id=data.post_id,
            reported_on=data.reported_on,
            status=PostReportStatus.ACTIVE,
            remark=v.strip_or_none(data.remark),
        )
        s.add(report)
        s.flush()
        where = _where(s, report)
        audit.created(
            s,
            report,
            t(f"党员{member.name}到{where}报到", f"{member.name} reported to {where}"),
            after=_report_facts(report),
        )
        return report.id


def update_report(db: Database, report_id: int, data: ReportInput) -> None:
    """Correct a report: where, which post, the date, the remark."""
    with db.write() as s:
        acc = access.of(db, s)
        report = load_report(s, report_id, acc, change=True)
        versions.check(s, report, data.version)
        member = report.member
        _check_report(s, member, data, report, acc)
        assert data.organization_id is not None  # checked above
        values = {
            "community_id": data.community_id,
            "organization_id": data.organization_id,
            "post_id": data.post_id,
            "reported_on": data.reported_on,
            "remark": v.strip_or_none(data.remark),
        }
        update_audited(
            s,
            report,
            values,
            lambda: t(
                f"修改党员{member.name}的报到记录（{_where(s, report)}）",
                f"Updated the post report of {member.name} ({_where(s, report)})",
            ),
        )


def end_report(db: Database, report_id: int, data: EndInput) -> None:
    """离岗: the member leaves the post; the service log and evaluations stay."""
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        member = report.member
        if report.status != PostReportStatus.ACTIVE:
            raise ConflictError(
                t(
                    f"该报到记录已于{_iso(report.ended_on)}离岗。",
                    f"The member already left this post on {_iso(report.ended_on)}.",
                )
            )
        err = FieldErrors()
        ended = data.ended_on
        check_in_report(err, "ended_on", ended, report, ("离岗日期", "end date"))
        check = FieldErrors()
        _check_against_records(s, check, report, report.reported_on, ended)
        err.errors.extend(e for e in check.errors if e.field == "ended_on")
        remark = v.strip_or_none(data.remark)
        check_length(err, "remark", remark, REMARK_MAX, ("备注", "The remark"))
        err.raise_any()
        versions.check(s, report, data.version)  # the remark shown was edited meanwhile
        before = _report_facts(report)
        report.status = PostReportStatus.ENDED
        report.ended_on = ended
        report.remark = remark
        audit.updated(
            s,
            report,
            t(
                f"党员{member.name}从{_where(s, report)}离岗（{ended.isoformat()}）",
                f"{member.name} left {_where(s, report)} on {ended.isoformat()}",
            ),
            before,
            after=_report_facts(report),
        )


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def resume_report(db: Database, report_id: int) -> None:
    """Undo 离岗 (ended by mistake): the member is on the post again."""
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        member = report.member
        if report.status == PostReportStatus.ACTIVE:
            return
        other = _active_elsewhere(s, member.id, report.organization_id, report.id)
        if other is not None:
            raise ConflictError(
                t(
                    "该党员已有到同一党组织的在岗报到记录，不能恢复这一条。",
                    "The member already reports to the same organization; "
                    "this report cannot be resumed.",
                )
            )
        before = _report_facts(report)
        report.status = PostReportStatus.ACTIVE
        report.ended_on = None
        audit.updated(
            s,
            report,
            t(
                f"恢复党员{member.name}在{_where(s, report)}的在岗状态",
                f"{member.name} is on the post at {_where(s, report)} again",
            ),
            before,
            after=_report_facts(report),
        )


def delete_report(db: Database, report_id: int) -> None:
    """Delete a report entered by mistake; one with service or evaluations must be ended."""
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        hold(s, report)  # a service entry saved meanwhile is counted, not deleted with it
        member = report.member
        services = len(report.services)
        evaluations = len(report.evaluations)
        if services or evaluations:
            raise ConflictError(
                t(
                    f"该报到记录已有{services}条服务记录、{evaluations}条年度评价，不能删除；"
                    "党员不再在岗时请办理离岗。",
                    f"The report has {services} service entries and {evaluations} evaluations; "
                    "it cannot be deleted. End it when the member leaves the post.",
                )
            )
        audit.deleted(
            s,
            report,
            t(
                f"删除党员{member.name}到{_where(s, report)}的报到记录",
                f"Deleted the report of {member.name} to {_where(s, report)}",
            ),
            before=_report_facts(report),
        )
        s.delete(report)
