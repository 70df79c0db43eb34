"""岗位目录: the posts members take when they report (报到领岗).

A new database gets the default catalogue (政策宣传, 志愿服务 …) the first time the catalogue
is read, unless the catalogue was ever edited (the audit log remembers), so a clerk who
removed every post does not see the defaults come back.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Post, PostReport
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import AuditAction, PostReportStatus
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.permissions import require
from pbc_desktop.services.post_reports.common import check_length
from pbc_desktop.services.scope import (
    Choice,
    from_fields,
    name_taken,
    refusing_name_clash,
    update_audited,
)

POST_NAME_MAX = 60


DESCRIPTION_MAX = 500


#: The catalogue a new database starts with (the posts the article's offices use).
DEFAULT_POSTS: tuple[tuple[str, str], ...] = (
    ("政策宣传", "宣讲党的路线方针政策，入户宣传惠民政策"),
    ("志愿服务", "参加共建单位组织的志愿服务活动"),
    ("矛盾调解", "协助村（社区）调解邻里纠纷，化解信访矛盾"),
    ("环境整治", "参与人居环境整治、垃圾分类和河道清理"),
    ("关爱帮扶", "结对帮扶困难群众、留守老人和儿童"),
    ("文明实践", "参与新时代文明实践站（所）活动"),
    ("助企服务", "走访企业，协调解决企业生产经营困难"),
    ("安全生产", "参与安全生产检查和消防安全宣传"),
)


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
    version: int  # the stored version, handed back by the editor (optimistic locking)

    @property
    def in_use(self) -> bool:
        return self.report_count > 0


@dataclass(frozen=True)
class PostInput:
    name: str
    description: str | None = None
    version: int | None = None  # the version the editor read (PostRow); None: not checked


def _post_gone() -> NotFoundError:
    return NotFoundError(
        t("找不到该岗位，可能已被删除。", "The post was not found; it may have been deleted.")
    )


def _load_post(s: Session, post_id: int) -> Post:
    post = s.get(Post, post_id)
    if post is None:
        raise _post_gone()
    return post


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
            AuditAction.CREATE,
            None,
            summary=t(
                f"建立默认岗位目录（{len(DEFAULT_POSTS)}个岗位）",
                f"Added the default post catalogue ({len(DEFAULT_POSTS)} posts)",
            ),
            after={"posts": [name for name, _ in DEFAULT_POSTS]},
            entity=Post.__tablename__,
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
            from_fields(PostRow, p, report_count=int(n), active_count=int(active))
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
            Choice(i, name if active else t(f"{name}（已停用）", f"{name} (inactive)"))
            for i, name, active in s.execute(stmt)
        ]


def _duplicate_post(name: str) -> str:
    return t(f"已有名为“{name}”的岗位，岗位名称不能重复", f"A post named “{name}” already exists")


def _refusing_clash(data: PostInput) -> AbstractContextManager[None]:
    return refusing_name_clash(_duplicate_post(v.normalise_text(data.name)))


def _validate_post(s: Session, data: PostInput, own_id: int | None) -> tuple[str, str | None]:
    name = v.normalise_text(data.name)
    description = v.strip_or_none(data.description)
    err = FieldErrors()
    if not name:
        err.add("name", "请填写岗位名称", "Enter the post's name")
    else:
        check_length(err, "name", name, POST_NAME_MAX, ("岗位名称", "The name"))
        taken = name_taken(s, Post.id, Post.name, name, own_id)
        if taken is not None:
            err.errors.append(FieldError("name", _duplicate_post(taken)))
    check_length(err, "description", description, DESCRIPTION_MAX, ("岗位职责", "The duties"))
    err.raise_any()
    return name, description


def add_post(db: Database, data: PostInput) -> int:
    """A new active post at the end of the catalogue."""
    require(db, Permission.DISTRICT_RULES)  # the catalogue is the district's
    with _refusing_clash(data), db.write() as s:
        name, description = _validate_post(s, data, None)
        last = s.scalar(select(func.max(Post.seq)))
        post = Post(name=name, description=description, active=True, seq=(last or 0) + 1)
        s.add(post)
        audit.created(s, post, t(f"新增岗位「{name}」", f"Added post {name}"))
        return post.id


def update_post(db: Database, post_id: int, data: PostInput) -> None:
    """Rename a post or change its duties; reports keep pointing at it."""
    require(db, Permission.DISTRICT_RULES)  # the catalogue is the district's
    with _refusing_clash(data), db.write() as s:
        post = _load_post(s, post_id)
        versions.check(s, post, data.version)
        name, description = _validate_post(s, data, post_id)
        old_name = post.name
        update_audited(
            s,
            post,
            {"name": name, "description": description},
            lambda: (
                t(f"岗位「{old_name}」改名为「{name}」", f"Renamed post {old_name} to {name}")
                if old_name != name
                else t(f"修改岗位「{name}」的职责", f"Changed the duties of post {name}")
            ),
        )


def set_post_active(db: Database, post_id: int, active: bool) -> None:
    """停用/启用: an inactive post is no longer offered; reports on it stay as they are."""
    require(db, Permission.DISTRICT_RULES)  # the catalogue is the district's
    with db.write() as s:
        post = _load_post(s, post_id)
        if post.active == active:
            return
        before = audit.snapshot(post)
        post.active = active
        audit.updated(
            s,
            post,
            t(f"启用岗位「{post.name}」", f"Reactivated post {post.name}")
            if active
            else t(f"停用岗位「{post.name}」", f"Deactivated post {post.name}"),
            before,
        )


def move_post(db: Database, post_id: int, step: int) -> bool:
    """Move a post ``step`` places (-1 up, +1 down); ``False`` when it cannot move further."""
    require(db, Permission.DISTRICT_RULES)  # the catalogue is the district's
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
        audit.updated(
            s,
            moved,
            t(f"调整岗位「{moved.name}」的顺序", f"Moved post {moved.name}"),
            {"order": before},
            after={"order": [p.name for p in posts]},
        )
        return True


def delete_post(db: Database, post_id: int) -> None:
    """Delete a post no report names; a post in use can only be deactivated."""
    require(db, Permission.DISTRICT_RULES)  # the catalogue is the district's
    with db.write() as s:
        post = _load_post(s, post_id)
        used = int(
            s.scalar(select(func.count(PostReport.id)).where(PostReport.post_id == post_id)) or 0
        )
        if used:
            raise ConflictError(
                t(
                    f"岗位「{post.name}」已有{used}条报到记录使用，不能删除；如不再使用，请停用。",
                    f"{used} post reports name the post {post.name}; it cannot be deleted. "
                    "Deactivate it instead.",
                )
            )
        audit.deleted(s, post, t(f"删除岗位「{post.name}」", f"Deleted post {post.name}"))
        s.delete(post)
