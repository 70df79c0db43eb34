"""报到领岗: the post catalogue, members' post reports, service logs and yearly evaluations.

A party member (of a home branch) reports (报到) to a member organization of a
Party-building community and takes a post (领岗) from the catalogue; the service done on
the post is logged (date, hours, what was done) and noted once a year (优秀/合格/不合格).
The 双报到 overview counts, per home organization, how many of its members reported where
and how many hours they served.

A new database gets the default catalogue (政策宣传, 志愿服务 …) the first time the catalogue
is read, unless the catalogue was ever edited (the audit log remembers), so a clerk who
removed every post does not see the defaults come back.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, distinct, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AuditEntry,
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
    AuditAction,
    CommunityStatus,
    EvaluationResult,
    MembershipStatus,
    PostReportStatus,
)
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import audit
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.members import load_member
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import Choice, date_bounds, ordered

POST_NAME_MAX = 60
DESCRIPTION_MAX = 500
REMARK_MAX = 2000
CONTENT_MAX = 2000
MAX_HOURS = 24.0
MIN_YEAR = 2000
SUMMARY_DESTINATIONS = 3  # destinations named in an overview row; the rest are counted

#: The catalogue a new database starts with (the posts the article's offices use).
DEFAULT_POSTS: tuple[tuple[str, str], ...] = (
    ("政策宣传", "宣讲党的路线方针政策,入户宣传惠民政策"),
    ("志愿服务", "参加共建单位组织的志愿服务活动"),
    ("矛盾调解", "协助村(社区)调解邻里纠纷,化解信访矛盾"),
    ("环境整治", "参与人居环境整治、垃圾分类和河道清理"),
    ("关爱帮扶", "结对帮扶困难群众、留守老人和儿童"),
    ("文明实践", "参与新时代文明实践站(所)活动"),
    ("助企服务", "走访企业,协调解决企业生产经营困难"),
    ("安全生产", "参与安全生产检查和消防安全宣传"),
)

#: Members who no longer belong to the organization are not counted in the overview.
_GONE = (MembershipStatus.TRANSFERRED_OUT, MembershipStatus.DECEASED)


def _today() -> date:
    return date.today()


# -- DTOs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PostRow:
    """A catalogue entry with how many reports name it."""

    id: int
    name: str
    description: str | None
    active: bool
    seq: int
    report_count: int  # every report naming the post, ended ones included
    active_count: int  # members on the post now

    @property
    def in_use(self) -> bool:
        return self.report_count > 0


@dataclass(frozen=True)
class PostInput:
    name: str
    description: str | None = None


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


@dataclass(frozen=True)
class EndInput:
    """离岗: the day the member left the post; ``remark`` replaces the report's remark."""

    ended_on: date
    remark: str | None = None


@dataclass(frozen=True)
class ReportRow:
    id: int
    member_id: int
    member_name: str
    community_id: int | None
    community_name: str | None
    organization_id: int
    organization_name: str
    post_id: int | None
    post_name: str | None
    reported_on: date
    status: PostReportStatus
    ended_on: date | None
    remark: str | None
    service_hours: float
    service_count: int
    last_evaluation_year: int | None
    last_evaluation: EvaluationResult | None

    @property
    def active(self) -> bool:
        return self.status == PostReportStatus.ACTIVE

    @property
    def last_day(self) -> date | None:
        """The last day service can be logged on (``None``: still on the post)."""
        return self.ended_on


@dataclass(frozen=True)
class ServiceInput:
    served_on: date
    hours: float
    content: str


@dataclass(frozen=True)
class ServiceRow:
    id: int
    report_id: int
    served_on: date
    hours: float
    content: str


@dataclass(frozen=True)
class EvaluationInput:
    year: int
    result: EvaluationResult | None
    remark: str | None = None


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    report_id: int
    year: int
    result: EvaluationResult
    remark: str | None


@dataclass(frozen=True)
class OverviewQuery:
    """Filters of the 双报到 overview; ``year`` limits the service hours only."""

    text: str = ""
    town: str | None = None
    year: int | None = None
    involved_only: bool = False  # organizations whose members reported or that received reports


@dataclass(frozen=True)
class Destination:
    community_name: str | None
    organization_name: str
    members: int

    @property
    def text(self) -> str:
        where = self.organization_name
        if self.community_name:
            where = t(f"{where}({self.community_name})", f"{where} ({self.community_name})")
        return t(f"{where} {self.members}人", f"{where}: {self.members}")


@dataclass(frozen=True)
class OverviewRow:
    id: int
    name: str
    town: str | None
    member_count: int  # its own current members
    reported_count: int  # of them, members on a post now (active report)
    received_count: int  # active reports of other organizations' members to it
    service_hours: float  # served by its members (in the year, when one is chosen)
    destinations: tuple[Destination, ...]  # the first few, most members first
    destination_count: int

    @property
    def reported_share(self) -> float | None:
        return self.reported_count / self.member_count if self.member_count else None

    @property
    def summary(self) -> str:
        """e.g. "东泰社区党支部(东泰党建共同体)3人;文光社区党委 1人 等4处"."""
        parts = t(";", "; ").join(d.text for d in self.destinations)
        more = self.destination_count - len(self.destinations)
        if more > 0:
            parts += t(f" 等{self.destination_count}处", f" and {more} more")
        return parts


@dataclass(frozen=True)
class ReportedMember:
    """A report of one of the organization's members (the overview's detail)."""

    report_id: int
    member_id: int
    member_name: str
    community_name: str | None
    organization_name: str
    post_name: str | None
    reported_on: date
    status: PostReportStatus
    ended_on: date | None
    service_hours: float


# -- errors ----------------------------------------------------------------------------------
def _post_gone() -> NotFoundError:
    return NotFoundError(
        t("找不到该岗位,可能已被删除。", "The post was not found; it may have been deleted.")
    )


def _report_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该报到记录,可能已被删除。",
            "The post report was not found; it may have been deleted.",
        )
    )


def _service_gone() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该服务记录,可能已被删除。",
            "The service entry was not found; it may have been deleted.",
        )
    )


def _load_post(s: Session, post_id: int) -> Post:
    post = s.get(Post, post_id)
    if post is None:
        raise _post_gone()
    return post


def _load_report(s: Session, report_id: int) -> PostReport:
    report = s.get(PostReport, report_id)
    if report is None:
        raise _report_gone()
    return report


def _load_service(s: Session, service_id: int) -> ServiceLog:
    entry = s.get(ServiceLog, service_id)
    if entry is None:
        raise _service_gone()
    return entry


def _check_length(
    err: FieldErrors, name: str, value: str | None, limit: int, words: tuple[str, str]
) -> None:
    zh, en = words
    if value is not None and len(value) > limit:
        err.add(name, f"{zh}不能超过{limit}个字", f"{en} may have at most {limit} characters")


# -- the post catalogue ----------------------------------------------------------------------
def ensure_default_posts(db: Database) -> bool:
    """Give a new database the default catalogue; ``True`` when it was added now."""
    never_edited = select(AuditEntry.id).where(AuditEntry.entity == Post.__tablename__).limit(1)
    with db.read() as s:
        if s.scalar(select(Post.id).limit(1)) is not None or s.scalar(never_edited) is not None:
            return False
    with db.write() as s:
        if s.scalar(select(Post.id).limit(1)) is not None:  # another window was quicker
            return False
        for seq, (name, description) in enumerate(DEFAULT_POSTS, start=1):
            s.add(Post(name=name, description=description, active=True, seq=seq))
        s.flush()
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            None,
            entity=Post.__tablename__,
            summary=t(
                f"建立默认岗位目录({len(DEFAULT_POSTS)}个岗位)",
                f"Added the default post catalogue ({len(DEFAULT_POSTS)} posts)",
            ),
            after={"posts": [name for name, _ in DEFAULT_POSTS]},
        )
    return True


def list_posts(db: Database, *, include_inactive: bool = True) -> list[PostRow]:
    """The catalogue in its order, with how many reports use each post."""
    ensure_default_posts(db)
    usage = (
        select(
            PostReport.post_id.label("post_id"),
            func.count(PostReport.id).label("n"),
            func.sum(case((PostReport.status == PostReportStatus.ACTIVE, 1), else_=0)).label(
                "active"
            ),
        )
        .where(PostReport.post_id.is_not(None))
        .group_by(PostReport.post_id)
        .subquery()
    )
    stmt = (
        select(Post, func.coalesce(usage.c.n, 0), func.coalesce(usage.c.active, 0))
        .outerjoin(usage, usage.c.post_id == Post.id)
        .order_by(Post.seq, Post.id)
    )
    if not include_inactive:
        stmt = stmt.where(Post.active.is_(True))
    with db.read() as s:
        return [
            PostRow(
                id=p.id,
                name=p.name,
                description=p.description,
                active=p.active,
                seq=p.seq,
                report_count=int(n),
                active_count=int(active),
            )
            for p, n, active in s.execute(stmt)
        ]


def post_choices(db: Database, include_id: int | None = None) -> list[Choice]:
    """Active posts in catalogue order; ``include_id`` is kept even when deactivated
    (the post an existing report already names)."""
    ensure_default_posts(db)
    stmt = select(Post.id, Post.name, Post.active).order_by(Post.seq, Post.id)
    stmt = stmt.where(or_(Post.active.is_(True), Post.id == include_id))
    with db.read() as s:
        return [
            Choice(i, name if active else t(f"{name}(已停用)", f"{name} (inactive)"))
            for i, name, active in s.execute(stmt)
        ]


def _post_name_taken(s: Session, name: str, own_id: int | None) -> str | None:
    """The name of another post that reads the same (width, spaces and case ignored)."""
    key = v.name_key(name)
    for other_id, other_name in s.execute(select(Post.id, Post.name)):
        if other_id != own_id and v.name_key(other_name) == key:
            return str(other_name)
    return None


def _duplicate_post(name: str) -> str:
    return t(f"已有名为“{name}”的岗位,岗位名称不能重复", f"A post named “{name}” already exists")


def _validate_post(s: Session, data: PostInput, own_id: int | None) -> tuple[str, str | None]:
    name = v.normalise_text(data.name)
    description = v.strip_or_none(data.description)
    err = FieldErrors()
    if not name:
        err.add("name", "请填写岗位名称", "Enter the post's name")
    else:
        _check_length(err, "name", name, POST_NAME_MAX, ("岗位名称", "The name"))
        taken = _post_name_taken(s, name, own_id)
        if taken is not None:
            err.errors.append(FieldError("name", _duplicate_post(taken)))
    _check_length(err, "description", description, DESCRIPTION_MAX, ("岗位职责", "The duties"))
    err.raise_any()
    return name, description


def _integrity(exc: IntegrityError, name: str) -> ValidationError:
    """A concurrent write took the name between our check and the insert."""
    if "name" not in str(exc.orig).lower():
        raise exc
    return ValidationError.single("name", _duplicate_post(name))


def add_post(db: Database, data: PostInput) -> int:
    """A new active post at the end of the catalogue."""
    try:
        with db.write() as s:
            name, description = _validate_post(s, data, None)
            last = s.scalar(select(func.max(Post.seq)))
            post = Post(name=name, description=description, active=True, seq=(last or 0) + 1)
            s.add(post)
            audit.record(
                s,
                db.actor,
                AuditAction.CREATE,
                post,
                summary=t(f"新增岗位「{name}」", f"Added post {name}"),
                after=audit.snapshot(post),
            )
            return post.id
    except IntegrityError as exc:
        raise _integrity(exc, v.normalise_text(data.name)) from exc


def update_post(db: Database, post_id: int, data: PostInput) -> None:
    """Rename a post or change its duties; reports keep pointing at it."""
    try:
        with db.write() as s:
            post = _load_post(s, post_id)
            name, description = _validate_post(s, data, post_id)
            before = audit.snapshot(post)
            old_name = post.name
            post.name = name
            post.description = description
            after = audit.snapshot(post)
            if after == before:
                return
            summary = (
                t(f"岗位「{old_name}」改名为「{name}」", f"Renamed post {old_name} to {name}")
                if old_name != name
                else t(f"修改岗位「{name}」的职责", f"Changed the duties of post {name}")
            )
            audit.record(
                s, db.actor, AuditAction.UPDATE, post, summary=summary, before=before, after=after
            )
    except IntegrityError as exc:
        raise _integrity(exc, v.normalise_text(data.name)) from exc


def set_post_active(db: Database, post_id: int, active: bool) -> None:
    """停用/启用: an inactive post is no longer offered; reports on it stay as they are."""
    with db.write() as s:
        post = _load_post(s, post_id)
        if post.active == active:
            return
        before = audit.snapshot(post)
        post.active = active
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            post,
            summary=(
                t(f"启用岗位「{post.name}」", f"Reactivated post {post.name}")
                if active
                else t(f"停用岗位「{post.name}」", f"Deactivated post {post.name}")
            ),
            before=before,
            after=audit.snapshot(post),
        )


def move_post(db: Database, post_id: int, step: int) -> bool:
    """Move a post ``step`` places (-1 up, +1 down); ``False`` when it cannot move further."""
    with db.write() as s:
        posts = list(s.scalars(select(Post).order_by(Post.seq, Post.id)))
        index = next((i for i, p in enumerate(posts) if p.id == post_id), None)
        if index is None:
            raise _post_gone()
        target = min(max(index + step, 0), len(posts) - 1)
        if target == index:
            return False
        before = [p.name for p in posts]
        moved = posts.pop(index)
        posts.insert(target, moved)
        for seq, post in enumerate(posts, start=1):
            post.seq = seq
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            moved,
            summary=t(f"调整岗位「{moved.name}」的顺序", f"Moved post {moved.name}"),
            before={"order": before},
            after={"order": [p.name for p in posts]},
        )
        return True


def delete_post(db: Database, post_id: int) -> None:
    """Delete a post no report names; a post in use can only be deactivated."""
    with db.write() as s:
        post = _load_post(s, post_id)
        used = int(
            s.scalar(select(func.count(PostReport.id)).where(PostReport.post_id == post_id)) or 0
        )
        if used:
            raise ConflictError(
                t(
                    f"岗位「{post.name}」已有{used}条报到记录使用,不能删除;如不再使用,请停用。",
                    f"{used} post reports name the post {post.name}; it cannot be deleted. "
                    "Deactivate it instead.",
                )
            )
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            post,
            summary=t(f"删除岗位「{post.name}」", f"Deleted post {post.name}"),
            before=audit.snapshot(post),
        )
        s.delete(post)


# -- choices for the report dialog -----------------------------------------------------------
def member_brief(db: Database, member_id: int) -> MemberBrief:
    with db.read() as s:
        member = load_member(s, member_id)
        return MemberBrief(
            id=member.id,
            name=member.name,
            organization_id=member.organization_id,
            organization_name=member.organization.name,
            joined_on=member.joined_on,
            status=member.status,
        )


def community_choices(db: Database) -> list[Choice]:
    """Communities a member can report to: every one not revoked (已撤销), by name."""
    stmt = (
        select(Community.id, Community.name)
        .where(Community.status != CommunityStatus.REVOKED)
        .order_by(Community.name, Community.id)
    )
    with db.read() as s:
        return [Choice(i, name) for i, name in s.execute(stmt)]


def organization_choices(
    db: Database, community_id: int, exclude_org_id: int | None = None
) -> list[Choice]:
    """The community's current member organizations in its order (the lead among them),
    without ``exclude_org_id`` (the member's own organization)."""
    stmt = (
        select(Organization.id, Organization.name)
        .join(CommunityMember, CommunityMember.organization_id == Organization.id)
        .where(CommunityMember.community_id == community_id, CommunityMember.left_on.is_(None))
        .order_by(CommunityMember.seq, CommunityMember.id)
    )
    if exclude_org_id is not None:
        stmt = stmt.where(Organization.id != exclude_org_id)
    with db.read() as s:
        return [Choice(i, name) for i, name in s.execute(stmt)]


# -- reading reports -------------------------------------------------------------------------
def _report_hours(*where: ColumnElement[bool]) -> Any:
    """The hours logged on the enclosing query's report (the entries matching ``where``)."""
    return (
        select(func.coalesce(func.sum(ServiceLog.hours), 0.0))
        .where(ServiceLog.report_id == PostReport.id, *where)
        .correlate(PostReport)
        .scalar_subquery()
    )


def _report_select() -> Select[Any]:
    hours = _report_hours()
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
        select(
            PostReport,
            PartyMember.name.label("member_name"),
            Community.name.label("community_name"),
            Organization.name.label("org_name"),
            Post.name.label("post_name"),
            hours.label("hours"),
            services.label("services"),
            last.year.label("last_year"),
            last.result.label("last_result"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .join(Organization, Organization.id == PostReport.organization_id)
        .outerjoin(Community, Community.id == PostReport.community_id)
        .outerjoin(Post, Post.id == PostReport.post_id)
        .outerjoin(last, (last.report_id == PostReport.id) & (last.year == last_year))
    )


def _report_row(r: Any) -> ReportRow:
    report: PostReport = r[0]
    return ReportRow(
        id=report.id,
        member_id=report.member_id,
        member_name=r.member_name,
        community_id=report.community_id,
        community_name=r.community_name,
        organization_id=report.organization_id,
        organization_name=r.org_name,
        post_id=report.post_id,
        post_name=r.post_name,
        reported_on=report.reported_on,
        status=report.status,
        ended_on=report.ended_on,
        remark=report.remark,
        service_hours=float(r.hours or 0),
        service_count=int(r.services or 0),
        last_evaluation_year=r.last_year,
        last_evaluation=r.last_result,
    )


def list_member_reports(db: Database, member_id: int) -> list[ReportRow]:
    """The member's reports: those on a post first, then the newest."""
    on_post_first = case((PostReport.status == PostReportStatus.ACTIVE, 0), else_=1)
    stmt = (
        _report_select()
        .where(PostReport.member_id == member_id)
        .order_by(on_post_first, PostReport.reported_on.desc(), PostReport.id.desc())
    )
    with db.read() as s:
        return [_report_row(r) for r in s.execute(stmt)]


def get_report(db: Database, report_id: int) -> ReportRow:
    with db.read() as s:
        row = s.execute(_report_select().where(PostReport.id == report_id)).first()
    if row is None:
        raise _report_gone()
    return _report_row(row)


# -- writing reports -------------------------------------------------------------------------
def _report_facts(report: PostReport) -> dict[str, Any]:
    return audit.snapshot(report)


def _where(s: Session, report: PostReport) -> str:
    """ "东泰社区党支部(政策宣传岗)" for the audit summaries."""
    org = s.get(Organization, report.organization_id)
    post = s.get(Post, report.post_id) if report.post_id is not None else None
    name = org.name if org is not None else str(report.organization_id)
    return t(f"{name}({post.name}岗)", f"{name} ({post.name})") if post else name


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
    s: Session, err: FieldErrors, data: ReportInput, member: PartyMember, unchanged: bool
) -> None:
    if data.community_id is None:
        err.add("community", "请选择党建共同体", "Choose the community")
        if data.organization_id is None:
            err.add("organization", "请选择报到的党组织", "Choose the organization reported to")
        return
    community = s.get(Community, data.community_id)
    if community is None:
        err.add("community", "所选党建共同体已不存在", "The chosen community no longer exists")
        return
    if community.status == CommunityStatus.REVOKED and not unchanged:
        err.add(
            "community",
            f"党建共同体「{community.name}」已撤销,不能再报到",
            f"The community {community.name} was revoked; no one can report to it",
        )
    if data.organization_id is None:
        err.add("organization", "请选择报到的党组织", "Choose the organization reported to")
        return
    if data.organization_id == member.organization_id:
        err.add(
            "organization",
            "党员应到共建单位党组织报到,不能选择本人所在的党组织",
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
    s: Session, member: PartyMember, data: ReportInput, report: PostReport | None
) -> None:
    """Raise a ValidationError naming every bad field of ``data``."""
    err = FieldErrors()
    if report is None and member.status != MembershipStatus.NORMAL:
        err.add(
            "member",
            f"该党员的党籍状态为「{member.status.zh}」,不能报到领岗",
            f"The member's status is {member.status.en.lower()}; they cannot report to a post",
        )
    unchanged = report is not None and (
        (report.community_id, report.organization_id) == (data.community_id, data.organization_id)
    )
    _check_community(s, err, data, member, unchanged)
    if data.post_id is not None:
        post = s.get(Post, data.post_id)
        if post is None:
            err.add("post", "所选岗位已不存在", "The chosen post no longer exists")
        elif not post.active and (report is None or report.post_id != post.id):
            err.add(
                "post", f"岗位「{post.name}」已停用,请另选岗位", f"The post {post.name} is inactive"
            )
    reported = data.reported_on
    future = v.future_date_error(reported, label=("报到日期", "report date"), today=_today())
    if future:
        err.errors.append(FieldError("reported_on", future))
    if member.joined_on is not None and reported < member.joined_on:
        joined = member.joined_on.isoformat()
        err.add(
            "reported_on",
            f"报到日期不能早于该党员的入党日期({joined})",
            f"The report date is before the member joined the Party ({joined})",
        )
    if report is not None:
        if report.ended_on is not None and reported > report.ended_on:
            err.add(
                "reported_on",
                f"报到日期不能晚于离岗日期({report.ended_on.isoformat()})",
                f"The report date is after the end date ({report.ended_on.isoformat()})",
            )
        _check_against_records(s, err, report, reported, report.ended_on)
    _check_length(err, "remark", v.strip_or_none(data.remark), REMARK_MAX, ("备注", "The remark"))
    org_id = data.organization_id
    if org_id is not None and (report is None or report.status == PostReportStatus.ACTIVE):
        other = _active_elsewhere(s, member.id, org_id, report.id if report else None)
        if other is not None:
            err.add(
                "organization",
                f"该党员已在该党组织报到({other.reported_on.isoformat()}起在岗),不能重复报到",
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
            f"已有{earliest.isoformat()}的服务记录,报到日期不能晚于它",
            f"Service was logged on {earliest.isoformat()}; the report date cannot be later",
        )
    if years and min(years) < first.year:
        err.add(
            "reported_on",
            f"已有{min(years)}年度的评价,报到日期不能晚于该年度",
            f"There is an evaluation for {min(years)}; the report date cannot be later",
        )
    if last is None:
        return
    if latest is not None and latest > last:
        err.add(
            "ended_on",
            f"已有{latest.isoformat()}的服务记录,离岗日期不能早于它",
            f"Service was logged on {latest.isoformat()}; the end date cannot be earlier",
        )
    if years and max(years) > last.year:
        err.add(
            "ended_on",
            f"已有{max(years)}年度的评价,离岗日期不能早于该年度",
            f"There is an evaluation for {max(years)}; the end date cannot be earlier",
        )


def report_member(db: Database, member_id: int, data: ReportInput) -> int:
    """报到领岗: the member reports to a member organization of a community, on a post."""
    with db.write() as s:
        member = load_member(s, member_id)
        _check_report(s, member, data, None)
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
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            report,
            summary=t(f"党员{member.name}到{where}报到", f"{member.name} reported to {where}"),
            after=_report_facts(report),
        )
        return report.id


def update_report(db: Database, report_id: int, data: ReportInput) -> None:
    """Correct a report: where, which post, the date, the remark."""
    with db.write() as s:
        report = _load_report(s, report_id)
        member = report.member
        _check_report(s, member, data, report)
        before = _report_facts(report)
        report.community_id = data.community_id
        assert data.organization_id is not None  # checked above
        report.organization_id = data.organization_id
        report.post_id = data.post_id
        report.reported_on = data.reported_on
        report.remark = v.strip_or_none(data.remark)
        after = _report_facts(report)
        if after == before:
            return
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            report,
            summary=t(
                f"修改党员{member.name}的报到记录({_where(s, report)})",
                f"Updated the post report of {member.name} ({_where(s, report)})",
            ),
            before=before,
            after=after,
        )


def end_report(db: Database, report_id: int, data: EndInput) -> None:
    """离岗: the member leaves the post; the service log and evaluations stay."""
    with db.write() as s:
        report = _load_report(s, report_id)
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
        future = v.future_date_error(ended, label=("离岗日期", "end date"), today=_today())
        if future:
            err.errors.append(FieldError("ended_on", future))
        if ended < report.reported_on:
            err.add(
                "ended_on",
                f"离岗日期不能早于报到日期({report.reported_on.isoformat()})",
                f"The end date is before the report date ({report.reported_on.isoformat()})",
            )
        check = FieldErrors()
        _check_against_records(s, check, report, report.reported_on, ended)
        err.errors.extend(e for e in check.errors if e.field == "ended_on")
        remark = v.strip_or_none(data.remark)
        _check_length(err, "remark", remark, REMARK_MAX, ("备注", "The remark"))
        err.raise_any()
        before = _report_facts(report)
        report.status = PostReportStatus.ENDED
        report.ended_on = ended
        report.remark = remark
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            report,
            summary=t(
                f"党员{member.name}从{_where(s, report)}离岗({ended.isoformat()})",
                f"{member.name} left {_where(s, report)} on {ended.isoformat()}",
            ),
            before=before,
            after=_report_facts(report),
        )


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def resume_report(db: Database, report_id: int) -> None:
    """Undo 离岗 (ended by mistake): the member is on the post again."""
    with db.write() as s:
        report = _load_report(s, report_id)
        member = report.member
        if report.status == PostReportStatus.ACTIVE:
            return
        other = _active_elsewhere(s, member.id, report.organization_id, report.id)
        if other is not None:
            raise ConflictError(
                t(
                    "该党员已有到同一党组织的在岗报到记录,不能恢复这一条。",
                    "The member already reports to the same organization; "
                    "this report cannot be resumed.",
                )
            )
        before = _report_facts(report)
        report.status = PostReportStatus.ACTIVE
        report.ended_on = None
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            report,
            summary=t(
                f"恢复党员{member.name}在{_where(s, report)}的在岗状态",
                f"{member.name} is on the post at {_where(s, report)} again",
            ),
            before=before,
            after=_report_facts(report),
        )


def delete_report(db: Database, report_id: int) -> None:
    """Delete a report entered by mistake; one with service or evaluations must be ended."""
    with db.write() as s:
        report = _load_report(s, report_id)
        member = report.member
        services = len(report.services)
        evaluations = len(report.evaluations)
        if services or evaluations:
            raise ConflictError(
                t(
                    f"该报到记录已有{services}条服务记录、{evaluations}条年度评价,不能删除;"
                    "党员不再在岗时请办理离岗。",
                    f"The report has {services} service entries and {evaluations} evaluations; "
                    "it cannot be deleted. End it when the member leaves the post.",
                )
            )
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            report,
            summary=t(
                f"删除党员{member.name}到{_where(s, report)}的报到记录",
                f"Deleted the report of {member.name} to {_where(s, report)}",
            ),
            before=_report_facts(report),
        )
        s.delete(report)


# -- service log -----------------------------------------------------------------------------
def list_services(db: Database, report_id: int) -> list[ServiceRow]:
    """The report's service, newest first."""
    stmt = (
        select(ServiceLog)
        .where(ServiceLog.report_id == report_id)
        .order_by(ServiceLog.served_on.desc(), ServiceLog.id.desc())
    )
    with db.read() as s:
        return [_service_row(e) for e in s.scalars(stmt)]


def get_service(db: Database, service_id: int) -> ServiceRow:
    with db.read() as s:
        return _service_row(_load_service(s, service_id))


def _service_row(entry: ServiceLog) -> ServiceRow:
    return ServiceRow(entry.id, entry.report_id, entry.served_on, float(entry.hours), entry.content)


def _check_service(
    s: Session, report: PostReport, data: ServiceInput, own_id: int | None
) -> tuple[float, str]:
    err = FieldErrors()
    day = data.served_on
    future = v.future_date_error(day, label=("服务日期", "service date"), today=_today())
    if future:
        err.errors.append(FieldError("served_on", future))
    if day < report.reported_on:
        err.add(
            "served_on",
            f"服务日期不能早于报到日期({report.reported_on.isoformat()})",
            f"The service date is before the report date ({report.reported_on.isoformat()})",
        )
    if report.ended_on is not None and day > report.ended_on:
        err.add(
            "served_on",
            f"服务日期不能晚于离岗日期({report.ended_on.isoformat()})",
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
                f"该党员{day.isoformat()}已登记{logged:g}小时,一天合计不能超过24小时",
                f"The member already has {logged:g} hours on {day.isoformat()}; "
                "a day has at most 24",
            )
    content = (data.content or "").strip()
    if not content:
        err.add("content", "请填写服务内容", "Describe the service")
    _check_length(err, "content", content, CONTENT_MAX, ("服务内容", "The description"))
    err.raise_any()
    return hours, content


def add_service(db: Database, report_id: int, data: ServiceInput) -> int:
    """Log service done on the post (date within the report's period, hours, content)."""
    with db.write() as s:
        report = _load_report(s, report_id)
        hours, content = _check_service(s, report, data, None)
        entry = ServiceLog(
            report_id=report.id, served_on=data.served_on, hours=hours, content=content
        )
        s.add(entry)
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE,
            entry,
            summary=t(
                f"登记党员{report.member.name}的服务记录({data.served_on.isoformat()},"
                f"{hours:g}小时)",
                f"Logged {hours:g} hours of service by {report.member.name} "
                f"on {data.served_on.isoformat()}",
            ),
            after=audit.snapshot(entry),
        )
        return entry.id


def update_service(db: Database, service_id: int, data: ServiceInput) -> None:
    with db.write() as s:
        entry = _load_service(s, service_id)
        report = entry.report
        hours, content = _check_service(s, report, data, entry.id)
        before = audit.snapshot(entry)
        entry.served_on = data.served_on
        entry.hours = hours
        entry.content = content
        after = audit.snapshot(entry)
        if after == before:
            return
        audit.record(
            s,
            db.actor,
            AuditAction.UPDATE,
            entry,
            summary=t(
                f"修改党员{report.member.name}的服务记录({data.served_on.isoformat()})",
                f"Updated a service entry of {report.member.name} ({data.served_on.isoformat()})",
            ),
            before=before,
            after=after,
        )


def delete_service(db: Database, service_id: int) -> None:
    with db.write() as s:
        entry = _load_service(s, service_id)
        name = entry.report.member.name
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            entry,
            summary=t(
                f"删除党员{name}的服务记录({entry.served_on.isoformat()})",
                f"Deleted a service entry of {name} ({entry.served_on.isoformat()})",
            ),
            before=audit.snapshot(entry),
        )
        s.delete(entry)


# -- yearly evaluations ----------------------------------------------------------------------
def list_evaluations(db: Database, report_id: int) -> list[EvaluationRow]:
    """The report's evaluations, the latest year first."""
    stmt = (
        select(PostEvaluation)
        .where(PostEvaluation.report_id == report_id)
        .order_by(PostEvaluation.year.desc())
    )
    with db.read() as s:
        return [_evaluation_row(e) for e in s.scalars(stmt)]


def _evaluation(s: Session, report_id: int, year: int) -> PostEvaluation | None:
    stmt = select(PostEvaluation).where(
        PostEvaluation.report_id == report_id, PostEvaluation.year == year
    )
    return s.scalars(stmt).first()


def get_evaluation(db: Database, report_id: int, year: int) -> EvaluationRow | None:
    with db.read() as s:
        found = _evaluation(s, report_id, year)
        return _evaluation_row(found) if found is not None else None


def _evaluation_row(e: PostEvaluation) -> EvaluationRow:
    return EvaluationRow(e.id, e.report_id, e.year, e.result, e.remark)


def evaluation_years(report: ReportRow, today: date | None = None) -> range:
    """The years a report can be evaluated for: from its report year to its end (or now)."""
    last = (report.ended_on or today or _today()).year
    return range(report.reported_on.year, max(last, report.reported_on.year) + 1)


def set_evaluation(db: Database, report_id: int, data: EvaluationInput) -> int:
    """Record (or replace) the evaluation of ``data.year``; one per report and year."""
    with db.write() as s:
        report = _load_report(s, report_id)
        err = FieldErrors()
        last = (report.ended_on or _today()).year
        if not report.reported_on.year <= data.year <= last:
            err.add(
                "year",
                f"评价年度应在{report.reported_on.year}至{last}年之间(在岗期间)",
                f"The year must be between {report.reported_on.year} and {last} "
                "(while on the post)",
            )
        if data.result is None:
            err.add("result", "请选择评价结果(优秀、合格或不合格)", "Choose the result")
        remark = v.strip_or_none(data.remark)
        _check_length(err, "remark", remark, REMARK_MAX, ("评语", "The remark"))
        err.raise_any()
        assert data.result is not None
        entry = _evaluation(s, report_id, data.year)
        before = audit.snapshot(entry) if entry is not None else None
        if entry is None:
            entry = PostEvaluation(report_id=report_id, year=data.year)
            s.add(entry)
        entry.result = data.result
        entry.remark = remark
        s.flush()
        after = audit.snapshot(entry)
        if before == after:
            return entry.id
        name = report.member.name
        audit.record(
            s,
            db.actor,
            AuditAction.CREATE if before is None else AuditAction.UPDATE,
            entry,
            summary=t(
                f"党员{name}{data.year}年度报到领岗评价:{data.result.zh}",
                f"{name}: {data.result.en.lower()} for {data.year}",
            ),
            before=before,
            after=after,
        )
        return entry.id


def clear_evaluation(db: Database, report_id: int, year: int) -> None:
    with db.write() as s:
        report = _load_report(s, report_id)
        entry = _evaluation(s, report_id, year)
        if entry is None:
            raise NotFoundError(
                t(f"该报到记录没有{year}年度的评价。", f"The report has no evaluation for {year}.")
            )
        name = report.member.name
        audit.record(
            s,
            db.actor,
            AuditAction.DELETE,
            entry,
            summary=t(
                f"删除党员{name}{year}年度报到领岗评价", f"Removed the {year} evaluation of {name}"
            ),
            before=audit.snapshot(entry),
        )
        s.delete(entry)


# -- the 双报到 overview ---------------------------------------------------------------------
def _counts() -> tuple[Any, Any, Any]:
    """Grouped subqueries per organization: members, members on a post, reports received."""
    members = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.count(PartyMember.id).label("n"),
        )
        .where(PartyMember.status.not_in(_GONE))
        .group_by(PartyMember.organization_id)
        .subquery("own_members")
    )
    reported = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.count(distinct(PostReport.member_id)).label("n"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .where(PostReport.status == PostReportStatus.ACTIVE)
        .group_by(PartyMember.organization_id)
        .subquery("reported_members")
    )
    received = (
        select(
            PostReport.organization_id.label("org_id"),
            func.count(PostReport.id).label("n"),
        )
        .where(PostReport.status == PostReportStatus.ACTIVE)
        .group_by(PostReport.organization_id)
        .subquery("received_reports")
    )
    return members, reported, received


def _hours(year: int | None) -> Any:
    stmt = (
        select(
            PartyMember.organization_id.label("org_id"),
            func.sum(ServiceLog.hours).label("hours"),
        )
        .join(PostReport, PostReport.id == ServiceLog.report_id)
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .group_by(PartyMember.organization_id)
    )
    if year is not None:
        first, after = date_bounds(year)
        stmt = stmt.where(ServiceLog.served_on >= first, ServiceLog.served_on < after)
    return stmt.subquery("served_hours")


def _overview_filters(query: OverviewQuery, reported: Any, received: Any) -> list[Any]:
    conds: list[ColumnElement[bool]] = []
    needle = v.normalise_text(query.text)
    if needle:
        conds.append(
            Organization.name.icontains(needle, autoescape=True)
            | Organization.short_name.icontains(needle, autoescape=True)
        )
    if query.town:
        conds.append(Organization.town == query.town)
    if query.involved_only:
        conds.append(or_(reported.c.n > 0, received.c.n > 0))
    return conds


OVERVIEW_SORT_KEYS = (
    "name",
    "town",
    "member_count",
    "reported_count",
    "share",
    "received_count",
    "service_hours",
)


def count_overview(db: Database, query: OverviewQuery) -> int:
    _members, reported, received = _counts()
    stmt = select(func.count(Organization.id)).select_from(Organization)
    if query.involved_only:
        stmt = stmt.outerjoin(reported, reported.c.org_id == Organization.id).outerjoin(
            received, received.c.org_id == Organization.id
        )
    stmt = stmt.where(*_overview_filters(query, reported, received))
    with db.read() as s:
        return int(s.execute(stmt).scalar_one())


def list_overview(db: Database, query: OverviewQuery, page: PageRequest) -> list[OverviewRow]:
    """双报到 per home organization: members, members on a post, where, hours served."""
    members, reported, received = _counts()
    hours = _hours(query.year)
    member_n = func.coalesce(members.c.n, 0)
    reported_n = func.coalesce(reported.c.n, 0)
    received_n = func.coalesce(received.c.n, 0)
    hours_sum = func.coalesce(hours.c.hours, 0.0)
    share = case((member_n > 0, reported_n * 1.0 / member_n), else_=None)
    stmt = (
        select(
            Organization.id,
            Organization.name,
            Organization.town,
            member_n.label("members"),
            reported_n.label("reported"),
            received_n.label("received"),
            hours_sum.label("hours"),
        )
        .outerjoin(members, members.c.org_id == Organization.id)
        .outerjoin(reported, reported.c.org_id == Organization.id)
        .outerjoin(received, received.c.org_id == Organization.id)
        .outerjoin(hours, hours.c.org_id == Organization.id)
        .where(*_overview_filters(query, reported, received))
    )
    keys: dict[str, Any] = {
        "name": Organization.name,
        "town": Organization.town,
        "member_count": member_n,
        "reported_count": reported_n,
        "share": share,
        "received_count": received_n,
        "service_hours": hours_sum,
    }
    key = keys.get(page.sort or "")
    tail = [func.coalesce(Organization.town, ""), Organization.name, Organization.id]
    order = tail if key is None else [*ordered(key, page.descending), *tail]
    stmt = stmt.order_by(*order).offset(page.offset).limit(page.limit)
    with db.read() as s:
        rows = list(s.execute(stmt))
        places = _destinations(s, [r.id for r in rows])
    out = []
    for r in rows:
        where = places.get(r.id, [])
        out.append(
            OverviewRow(
                id=r.id,
                name=r.name,
                town=r.town,
                member_count=int(r.members),
                reported_count=int(r.reported),
                received_count=int(r.received),
                service_hours=round(float(r.hours or 0), 2),
                destinations=tuple(where[:SUMMARY_DESTINATIONS]),
                destination_count=len(where),
            )
        )
    return out


def _destinations(s: Session, org_ids: list[int]) -> dict[int, list[Destination]]:
    """Where the members of each organization are on a post, most members first (one query)."""
    if not org_ids:
        return {}
    target = aliased(Organization)
    n = func.count(distinct(PostReport.member_id))
    stmt = (
        select(PartyMember.organization_id, Community.name, target.name, n)
        .select_from(PostReport)
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .join(target, target.id == PostReport.organization_id)
        .outerjoin(Community, Community.id == PostReport.community_id)
        .where(
            PartyMember.organization_id.in_(org_ids),
            PostReport.status == PostReportStatus.ACTIVE,
        )
        .group_by(PartyMember.organization_id, Community.name, target.name)
    )
    found: dict[int, list[Destination]] = defaultdict(list)
    for org_id, community, org_name, count in s.execute(stmt):
        found[org_id].append(Destination(community, org_name, int(count)))
    for places in found.values():
        places.sort(key=lambda d: (-d.members, d.organization_name, d.community_name or ""))
    return found


def reported_members(db: Database, org_id: int, year: int | None = None) -> list[ReportedMember]:
    """Every report of the organization's members (on a post first), hours in ``year``."""
    in_year: list[ColumnElement[bool]] = []
    if year is not None:
        first, after = date_bounds(year)
        in_year = [ServiceLog.served_on >= first, ServiceLog.served_on < after]
    hours = _report_hours(*in_year)
    on_post_first = case((PostReport.status == PostReportStatus.ACTIVE, 0), else_=1)
    stmt = (
        select(
            PostReport.id,
            PartyMember.id.label("member_id"),
            PartyMember.name.label("member_name"),
            Community.name.label("community_name"),
            Organization.name.label("org_name"),
            Post.name.label("post_name"),
            PostReport.reported_on,
            PostReport.status,
            PostReport.ended_on,
            hours.label("hours"),
        )
        .join(PartyMember, PartyMember.id == PostReport.member_id)
        .join(Organization, Organization.id == PostReport.organization_id)
        .outerjoin(Community, Community.id == PostReport.community_id)
        .outerjoin(Post, Post.id == PostReport.post_id)
        .where(PartyMember.organization_id == org_id)
        .order_by(on_post_first, PartyMember.name, PostReport.reported_on, PostReport.id)
    )
    with db.read() as s:
        return [
            ReportedMember(
                report_id=r.id,
                member_id=r.member_id,
                member_name=r.member_name,
                community_name=r.community_name,
                organization_name=r.org_name,
                post_name=r.post_name,
                reported_on=r.reported_on,
                status=r.status,
                ended_on=r.ended_on,
                service_hours=round(float(r.hours or 0), 2),
            )
            for r in s.execute(stmt)
        ]


def service_years(db: Database) -> list[int]:
    """Years with logged service, newest first (for the overview's year filter)."""
    with db.read() as s:
        first = s.scalar(select(func.min(ServiceLog.served_on)))
        last = s.scalar(select(func.max(ServiceLog.served_on)))
    if first is None or last is None:
        return []
    return list(range(last.year, first.year - 1, -1))
