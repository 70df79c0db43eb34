"""What the acting account may see and change: scope by organization tree.

An account is tied to one organization (a village or community office and the
organizations below it), to one town (every organization whose ``town`` is it), or to
the whole district. Those are its **own organizations**. From them:

* **organizations, party members, post reports** are seen when their organization is own;
* a **community** is seen when its lead organization or any current member organization
  is own, and with it its activities, lists, items, claims, funds and assessments (a
  community across towns is seen by every member organization's town);
* **changing** needs :attr:`Permission.WRITE` and an own record: a member of an own
  organization, an activity an own organization hosts, a list, item, claim or fund entry
  of a community an own organization takes part in (leads or belongs to), a claim led by
  an own organization; the community itself (name, members, leadership, lifecycle) only
  a town or the district when its lead organization is own; the organization registry
  the district, a town its own town's organizations.

Out of scope means *not listed and not found* (the same sentence as a record that does not
exist: an account learns nothing of what it may not see) and *not changeable* (a visible
record of another organization is refused with :class:`PermissionDeniedError`).

Every feature service asks :func:`of` once per call and applies the clauses to its
queries; the checks raise the one sentence for each refusal. The window asks the same
checks beforehand through :func:`refusal` (each feature's ``change_refusal``), so that it
offers only what would not be refused and says why in that sentence.

What an account sees is also named here, once for every title, heading and printed paper
(:func:`area_name`): its town or organization, else this database's own area, a town's or
a village's office's (:func:`own_area`, its office row :func:`own_office_row`), else 全区.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, false, or_, select, true
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, CommunityMember, Office, Organization
from pbc_desktop.domain.accounts import Actor, Permission
from pbc_desktop.domain.enums import OrgLevel, UserRole
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, UserError
from pbc_desktop.lang import t
from pbc_desktop.services.permissions import denied


@dataclass(frozen=True)
class Access:
    """The acting account and its own organizations (None: the whole district)."""

    actor: Actor
    own_org_ids: frozenset[int] | None

    @property
    def whole(self) -> bool:
        return self.own_org_ids is None

    # -- what is seen ------------------------------------------------------------------
    def orgs(self, column: Any) -> ColumnElement[bool]:
        """SQL test: the organization id in ``column`` is one of the own organizations."""
        if self.own_org_ids is None:
            return true()
        if not self.own_org_ids:
            return false()
        within: ColumnElement[bool] = column.in_(sorted(self.own_org_ids))
        return within

    def community_ids(self) -> Select[tuple[int]]:
        """The ids of the communities seen: led by, or with a current member that is, an
        own organization."""
        members = select(CommunityMember.community_id).where(
            self.orgs(CommunityMember.organization_id), CommunityMember.left_on.is_(None)
        )
        led = select(Community.id).where(self.orgs(Community.lead_org_id))
        return members.union(led)  # type: ignore[return-value]

    def orgs_met(self, column: Any) -> ColumnElement[bool]:
        """SQL test: the organization in ``column`` is own, or leads or is a current member
        of a community seen (whose members the account meets at its activities)."""
        if self.own_org_ids is None:
            return true()
        seen = self.community_ids()
        partners = select(CommunityMember.organization_id).where(
            CommunityMember.community_id.in_(seen), CommunityMember.left_on.is_(None)
        )
        leads = select(Community.lead_org_id).where(Community.id.in_(seen))
        return or_(self.orgs(column), column.in_(partners), column.in_(leads))

    def communities(self, column: Any) -> ColumnElement[bool]:
        """SQL test: the community id in ``column`` is of a community seen."""
        if self.own_org_ids is None:
            return true()
        within: ColumnElement[bool] = column.in_(self.community_ids())
        return within

    def activities(self, community_column: Any, host_column: Any) -> ColumnElement[bool]:
        """SQL test: an activity of a community seen, or hosted by an own organization."""
        if self.own_org_ids is None:
            return true()
        return or_(self.communities(community_column), self.orgs(host_column))

    def sees_activity(self, s: Session, community_id: int | None, host_org_id: int | None) -> bool:
        return self.sees_org(host_org_id) or (
            community_id is not None and self.sees_community(s, community_id)
        )

    def check_activity_writable(
        self, s: Session, community_id: int | None, host_org_id: int | None
    ) -> None:
        """WRITE, and an own organization hosts it (no host: takes part in its community)."""
        self.require(Permission.WRITE)
        if self.whole:
            return
        if host_org_id is not None:
            if not self.sees_org(host_org_id):
                raise not_own()
        elif community_id is None or not self.takes_part(s, community_id):
            raise not_own()

    def sees_org(self, org_id: int | None) -> bool:
        return self.own_org_ids is None or (org_id is not None and org_id in self.own_org_ids)

    def sees_community(self, s: Session, community_id: int) -> bool:
        if self.own_org_ids is None:
            return True
        stmt = select(Community.id).where(
            Community.id == community_id, Community.id.in_(self.community_ids())
        )
        return s.scalar(stmt) is not None

    def takes_part(self, s: Session, community_id: int) -> bool:
        """An own organization leads the community or is a current member of it."""
        return self.sees_community(s, community_id)

    # -- refusals ------------------------------------------------------------------------
    def require(self, permission: Permission) -> None:
        if not self.actor.can(permission):
            raise denied(self.actor, permission)

    def check_org_visible(self, org_id: int | None, not_found: NotFoundError) -> None:
        """Out of scope reads as missing: ``not_found`` is the service's own sentence."""
        if not self.sees_org(org_id):
            raise not_found

    def check_community_visible(
        self, s: Session, community_id: int, not_found: NotFoundError
    ) -> None:
        if not self.sees_community(s, community_id):
            raise not_found

    def require_community(self, s: Session, community_id: int) -> None:
        """A community the account does not see reads as one that does not exist."""
        if not self.sees_community(s, community_id):
            raise community_gone()

    def check_org_writable(self, org_id: int | None) -> None:
        """WRITE, and the record's organization is own."""
        self.require(Permission.WRITE)
        if not self.sees_org(org_id):
            raise not_own()

    def check_community_writable(self, s: Session, community_id: int) -> None:
        """WRITE, and an own organization takes part in the community (its lists, funds…).
        A community the account does not see reads as one that does not exist (not as one
        it may look at)."""
        self.require(Permission.WRITE)
        if not self.takes_part(s, community_id):
            raise not_own() if self.sees_community(s, community_id) else community_gone()

    def keeps_communities(self) -> bool:
        """Whether the account's role keeps communities themselves (name, members, team,
        lifecycle): a town or the district; a village only looks at them."""
        return self.actor.role is not UserRole.VILLAGE

    def communities_kept(self) -> Select[int]:
        """The ids of the communities the account keeps themselves (see
        :meth:`keeps_communities`): those an own organization leads (WRITE aside)."""
        kept = self.orgs(Community.lead_org_id) if self.keeps_communities() else false()
        return select(Community.id).where(kept)

    def check_community_records(self) -> None:
        """Making or changing communities at all: WRITE, and a town or the district."""
        self.require(Permission.WRITE)
        if not self.keeps_communities():
            raise kept_by_town()

    def check_community_record_writable(self, lead_org_id: int | None) -> None:
        """The community itself: a town or the district, its lead organization own."""
        self.check_community_records()
        if not self.sees_org(lead_org_id):
            raise not_own()


def community_gone() -> NotFoundError:
    return NotFoundError(
        t("找不到该党建共同体，可能已被删除。", "The community was not found; it may be deleted.")
    )


def not_own() -> PermissionDeniedError:
    return PermissionDeniedError(
        t(
            "这条记录属于其他党组织，当前账号只能查看，不能修改。",
            "This record belongs to another organization: the signed-in account may look "
            "at it but not change it.",
        )
    )


def kept_by_town() -> PermissionDeniedError:
    return PermissionDeniedError(
        t(
            "党建共同体本身（名称、成员单位、班子和组建程序）由镇（街道）或区委组织部维护，"
            "村（社区）账号只能查看。",
            "A community itself (its name, members, team and procedure) is kept by the town "
            "or the district; a village or community account may only look at it.",
        )
    )


def own_org_ids(s: Session, actor: Actor) -> frozenset[int] | None:
    """The organizations an account answers for (None: all of them)."""
    if actor.whole_district:
        return None
    if actor.town is not None:
        return frozenset(s.scalars(select(Organization.id).where(Organization.town == actor.town)))
    if actor.organization_id is None:
        return frozenset()
    return org_subtree(s, actor.organization_id)


def org_subtree(s: Session, organization_id: int) -> frozenset[int]:
    """The organization and every organization below it."""
    rows = s.execute(select(Organization.id, Organization.parent_id)).all()
    children: dict[int, list[int]] = {}
    for org_id, parent_id in rows:
        if parent_id is not None:
            children.setdefault(parent_id, []).append(org_id)
    found: set[int] = set()
    todo = [organization_id]
    while todo:
        org_id = todo.pop()
        if org_id not in found:
            found.add(org_id)
            todo.extend(children.get(org_id, ()))
    return frozenset(found)


def of(db: Database, s: Session | None = None) -> Access:
    """The acting account's access, read in ``s`` (or a short read of its own)."""
    if db.user.whole_district:
        return Access(db.user, None)
    if s is not None:
        return Access(db.user, own_org_ids(s, db.user))
    with db.read() as session:
        return Access(db.user, own_org_ids(session, db.user))


def refusal(db: Database, check: Callable[[Session, Access], object]) -> str | None:
    """Why the acting account may not do what ``check`` checks (the sentence the writing
    service would refuse with), or None when it may.

    ``check`` is the writing service's own check, asked in a short read that writes nothing:
    the window disables an action it refuses and shows the sentence. A record gone meanwhile
    is refused with its not-found sentence. The service still checks when it writes.
    """
    with db.read() as s:
        acc = of(db, s)
        return said(lambda: check(s, acc))


def said(check: Callable[[], object], *also: type[UserError]) -> str | None:
    """The sentence ``check`` refuses with (a ``PermissionDeniedError`` or
    ``NotFoundError``, or one of ``also``), None when it passes: :func:`refusal` inside a
    session the caller holds (several actions' rules asked in one read)."""
    refused: tuple[type[UserError], ...] = (PermissionDeniedError, NotFoundError, *also)
    try:
        check()
    except refused as error:
        return error.message
    return None


def community_work_refusal(db: Database, community_id: int) -> str | None:
    """Why the account may not change a community's lists, items, claims and fund entries
    (see :meth:`Access.check_community_writable`), or None."""

    def check(s: Session, acc: Access) -> None:
        acc.require_community(s, community_id)
        acc.check_community_writable(s, community_id)

    return refusal(db, check)


def area_name(db: Database) -> str | None:
    """The part of the district the acting account and this database cover, as titles,
    headings and printed paper name it (the one way they all ask): the account's town or
    organization; else this database's own area when its office is a town's or a village's
    (:func:`own_area`); None for the whole district (全区), on the district's database or
    one whose office is not set up."""
    user = db.user
    if user.town is not None:
        return user.town
    with db.read() as s:
        if user.organization_id is None:
            return office_area(s)
        return s.scalar(select(Organization.name).where(Organization.id == user.organization_id))


def own_area(db: Database) -> str | None:
    """This database's own area when its office is a town's (the town) or a village's (the
    office's name): what its administrators (the role 区委组织部管理员, every permission
    kept) see as a whole, named so in the window and on paper rather than 全区; None for a
    district's office or none set up."""
    with db.read() as s:
        return office_area(s)


def office_area(s: Session) -> str | None:
    """:func:`own_area` in a read already open (``services.changes.look``)."""
    office = own_office_row(s)
    if office is None or office.level is OrgLevel.DISTRICT:
        return None
    if office.level is OrgLevel.TOWN and office.town:
        return office.town
    return office.name


def own_office_row(s: Session) -> Office | None:
    """This database's own office (the one set up here), if any."""
    return s.scalars(select(Office).where(Office.local.is_(True))).first()
