"""Party members (党员): create, update and delete one member, with the database checks.

A member is not deleted once on the roll: they leave by a change (增减方式,
``services/member_changes``). Only a record entered by mistake may be deleted, by an
administrator, within :data:`~pbc_desktop.domain.member_changes.MISTAKE_DAYS` days of being
made; the status moves off the roll and back only by a change (the editor keeps 失联).
A new organization is a transfer within the district (转出 and 转入 recorded) or the
correction of an entry error (``services/member_changes/moving``).

The rules a member obeys on its own live in ``domain.member_rules`` (shared with the
Excel import); here they are joined by what needs the database: the organization exists
and no other member has the same ID number. Every refusal lists all problems at once,
each under the name of its :class:`~pbc_desktop.domain.member_rules.MemberInput` field
(``organization`` for the Party organization).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pbc_desktop.db.base import utcnow
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AppraisalResult,
    DevelopmentRecord,
    FeePayment,
    MemberChange,
    MemberTransfer,
    MobileMember,
    Organization,
    PartyMember,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.member_changes import MISTAKE_DAYS, ON_ROLL_STATUSES, OrganizationMove
from pbc_desktop.domain.member_rules import (
    STORED_FIELDS,
    MemberInput,
    completed,
    member_errors,
)
from pbc_desktop.errors import ConflictError, FieldError, PermissionDeniedError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.fees.basis import joining_fee_error
from pbc_desktop.services.member_changes.leaving import (
    first_change_since_joining,
    has_pending_transfer,
    leaving_member,
    pending_transfer,
)
from pbc_desktop.services.member_changes.moving import (
    check_move,
    correct_organization,
    record_move,
)
from pbc_desktop.services.members import load_member
from pbc_desktop.services.scope import hold, update_audited

_COLUMNS = STORED_FIELDS


@dataclass(frozen=True)
class MemberDeletion:
    """What deleting a member takes with it, for the confirmation question."""

    id: int
    name: str
    report_count: int  # post reports (报到领岗), ended ones included
    service_count: int  # service log entries of those reports
    service_hours: float

    @property
    def has_records(self) -> bool:
        return self.report_count > 0


# -- reading ---------------------------------------------------------------------------------
def get_member_input(db: Database, member_id: int) -> MemberInput:
    """The stored member as the editor's input: nothing masked, so only for an account
    that may change the member (the editor corrects the numbers; a read-only account sees
    the masked detail)."""
    with db.read() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc)
        acc.check_org_writable(member.organization_id)
        return MemberInput(
            **{key: getattr(member, key) for key in _COLUMNS}, version=member.version
        )


def move_refusal(db: Database, member_id: int) -> str | None:
    """Why the stored member cannot be put in another organization however it is taken
    (a letter of transfer waiting to be received), None when that depends on the way: the
    editor says it before asking whether the member moved or was entered wrong."""
    with db.read() as s:
        member = load_member(s, member_id, access.of(db, s))
        if has_pending_transfer(s, member.id):
            return pending_transfer(member).message
        return None


def deletion_impact(db: Database, member_id: int) -> MemberDeletion:
    """The member's post reports and service, which :func:`delete_member` removes with it."""
    with db.read() as s:
        member = load_member(s, member_id, access.of(db, s))
        return _impact(s, member)


def _impact(s: Session, member: PartyMember) -> MemberDeletion:
    reports = int(
        s.execute(
            select(func.count(PostReport.id)).where(PostReport.member_id == member.id)
        ).scalar_one()
    )
    services, hours = s.execute(
        select(func.count(ServiceLog.id), func.coalesce(func.sum(ServiceLog.hours), 0.0))
        .join(PostReport, PostReport.id == ServiceLog.report_id)
        .where(PostReport.member_id == member.id)
    ).one()
    return MemberDeletion(member.id, member.name, reports, int(services), float(hours))


# -- validation ------------------------------------------------------------------------------
def _duplicate_message(
    s: Session, number: str, own_id: int | None, acc: access.Access
) -> str | None:
    """Why another member with ID ``number`` (not ``own_id``) refuses it, or None when
    there is none. Names the member, never the number: messages end up in logs and
    screenshots; one of an organization out of the account's scope not even by name (an
    account learns nothing of what it may not see, not by typing ID numbers)."""
    stmt = (
        select(PartyMember.name, Organization.name, Organization.id)
        .join(Organization, Organization.id == PartyMember.organization_id)
        .where(PartyMember.id_number == number)
    )
    if own_id is not None:
        stmt = stmt.where(PartyMember.id != own_id)
    row = s.execute(stmt.limit(1)).first()
    if row is None:
        return _in_development(s, number)
    name, organization, org_id = row
    if not acc.sees_org(org_id):
        return t(
            "该身份证号已登记为其他党组织的党员，同一人不能重复登记；"
            "如是转入的党员，请由其所在党组织办理组织关系转接",
            "This ID number is already registered to a member of another organization; a "
            "person can be registered only once (a member moving in is transferred by their "
            "organization)",
        )
    return t(
        f"该身份证号已登记为“{organization}”的党员{name}，同一人不能重复登记",
        f"This ID number is already registered to {name} of “{organization}”; "
        "a person can be registered only once",
    )


def _in_development(s: Session, number: str) -> str | None:
    """Why ``number`` of a person in the 发展党员 pipeline, not admitted yet, is refused
    for a member (their admission then made a second member of one person and failed)."""
    waiting = s.scalar(
        select(DevelopmentRecord.id)
        .where(DevelopmentRecord.id_number == number, DevelopmentRecord.member_id.is_(None))
        .limit(1)
    )
    if waiting is None:
        return None
    return t(
        "该身份证号已登记为发展党员（尚未接收为预备党员），同一人不能重复登记；"
        "请在“发展党员”中办理接收预备党员",
        "This ID number belongs to a person in the development of new members, not yet "
        "admitted; a person is entered once: admit them under “Development”",
    )


def _validate(s: Session, data: MemberInput, own_id: int | None, acc: access.Access) -> MemberInput:
    """``data`` completed and checked; raises ValidationError listing every problem."""
    data = completed(data)
    errors: list[FieldError] = member_errors(data)
    if data.organization_id is not None and s.get(Organization, data.organization_id) is None:
        errors.append(
            FieldError(
                "organization",
                t(
                    "所选党组织不存在，可能已被删除，请重新选择",
                    "The chosen Party organization does not exist (it may have been "
                    "deleted); choose another",
                ),
            )
        )
    if data.id_number and not any(e.field == "id_number" for e in errors):
        taken = _duplicate_message(s, data.id_number, own_id, acc)
        if taken is not None:
            errors.append(FieldError("id_number", taken))
    if errors:
        raise ValidationError(errors)
    return data


def _joined_error(s: Session, stored: PartyMember, data: MemberInput) -> FieldError | None:
    """A day of joining moved past the member's first change (a 转入 of 1 November, the
    joining then typed 20 November: taken, the member in the Party before joining it)."""
    if data.joined_on is None or data.joined_on == stored.joined_on:
        return None
    first = first_change_since_joining(s, stored.id)
    if first is None or data.joined_on <= first.occurred_on:
        return None
    day = first.occurred_on.isoformat()
    return FieldError(
        "joined_on",
        t(
            f"入党日期不能晚于该党员的{first.kind.zh}日期（{day}）",
            f"The date of joining cannot be after the member's first change "
            f"({first.kind.en}, {day})",
        ),
    )


def _joined_fee_error(s: Session, stored: PartyMember, data: MemberInput) -> FieldError | None:
    """A day of joining moved past the member's first fee basis or payment (a basis from
    March, the joining then typed in May: taken, March's dues owed before joining)."""
    if data.joined_on is None or data.joined_on == stored.joined_on:
        return None
    problem = joining_fee_error(
        s, stored, data.joined_on, ("入党日期", "date of joining the Party")
    )
    return None if problem is None else FieldError("joined_on", problem)


def joining_moved_error(s: Session, stored: PartyMember, data: MemberInput) -> FieldError | None:
    """Why the stored member's day of joining cannot become ``data``'s: past their first
    change, or past their first fee basis or payment (the editor's rules, which the roster
    import updating a stored member keeps too); None when it can."""
    return _joined_error(s, stored, data) or _joined_fee_error(s, stored, data)


def _status_error(stored: PartyMember | None, data: MemberInput) -> FieldError | None:
    """The editor keeps a member on the roll (正常 or 失联) and leaves a member who left as
    they are: coming and going are changes of their own."""
    new = data.status
    if stored is not None and stored.status not in ON_ROLL_STATUSES:
        if new == stored.status:
            return None
        return FieldError(
            "status",
            t(
                f"该党员现为“{stored.status.zh}”，状态由党员增减记录决定，不能在此修改",
                f"The member is “{stored.status.en}”; the status follows the member's changes "
                "and cannot be edited here",
            ),
        )
    if new is None or new in ON_ROLL_STATUSES:
        return None
    return FieldError(
        "status",
        t(
            "党员转出、死亡、出党或停止党籍请使用“党员减少”办理，不能直接修改状态",
            "A member who transferred out, died, left the Party or was suspended leaves "
            "through “Member leaves”, not by editing the status",
        ),
    )


def _values(data: MemberInput) -> dict[str, Any]:
    return {key: getattr(data, key) for key in _COLUMNS}


def _duplicate_id(db: Database, exc: IntegrityError, data: MemberInput) -> ValidationError:
    """Another window stored the same ID number between our check and the write."""
    number = completed(data).id_number
    if "id_number" not in str(exc.orig).lower() or not number:
        raise exc
    with db.read() as s:
        taken = _duplicate_message(s, number, None, access.of(db, s))
    if taken is None:
        raise exc
    return ValidationError.single("id_number", taken)


# -- writing ---------------------------------------------------------------------------------
def change_refusal(
    db: Database, member_id: int | None = None, as_of: date | None = None
) -> str | None:
    """Why the acting account may not change or delete the member ``member_id`` (nor
    report them to a post, log their service, evaluate them), or with None add or import
    members; None when it may. ``as_of``: the member is listed on a past roll, where one
    moved to an organization out of the account's scope since is only to be looked at."""

    return access.refusal(db, lambda s, acc: _check_changeable(s, acc, member_id, as_of))


def _check_changeable(
    s: Session, acc: access.Access, member_id: int | None, as_of: date | None
) -> None:
    acc.require(Permission.WRITE)
    if member_id is not None:
        member = load_member(s, member_id, acc, as_of=as_of)
        acc.check_org_writable(member.organization_id)


@dataclass(frozen=True)
class MemberActions:
    """Why the account may not do each action on a member (None: it may), for the 党员
    tab's buttons and menu entries: each sentence the one its service refuses with."""

    member_id: int
    #: edit, report to a post, log service, evaluate, restore (:func:`change_refusal`)
    change: str | None
    #: delete as entered by mistake (:func:`deletion_refusal`)
    deletion: str | None
    #: leave, a letter of transfer, a mobile member's stay (``leaving.leaving_refusal``)
    leaving: str | None


def member_actions(db: Database, member_id: int, as_of: date | None = None) -> MemberActions:
    """Every action rule of the member selected in the 党员 tab (``as_of``: listed on the
    roll at that date), asked in one short read, the member loaded once. One by one they
    were a read each, loading the member again: 40-odd small queries a click, slow over a
    network (tests/services/test_member_actions.py counts them)."""
    with db.read() as s:
        return actions_in(s, access.of(db, s), member_id, as_of)


def actions_in(
    s: Session, acc: access.Access, member_id: int, as_of: date | None = None
) -> MemberActions:
    """:func:`member_actions` asked in ``s``."""
    # held here, each check finds it loaded (the session keeps a record only while
    # something refers to it: it was read again by each)
    held = s.get(PartyMember, member_id)
    change = access.said(lambda: _check_changeable(s, acc, member_id, as_of))
    deletion = access.said(
        lambda: _check_deletable(s, acc, load_member(s, member_id, acc)), ConflictError
    )
    leaving = access.said(lambda: leaving_member(s, acc, member_id, None), ConflictError)
    del held
    return MemberActions(member_id, change, deletion, leaving)


def add_member(
    s: Session, acc: access.Access, data: MemberInput, summary: tuple[str, str]
) -> PartyMember:
    """Validate and add a new member in ``s`` (the caller's write transaction), audited
    under ``summary`` (中文, English; ``{name}`` stands for the member's name)."""
    acc.require(Permission.WRITE)
    clean = _validate(s, data, None, acc)
    status_error = _status_error(None, clean)
    if status_error is not None:
        raise ValidationError([status_error])
    acc.check_org_writable(clean.organization_id)
    member = PartyMember(**_values(clean))
    s.add(member)
    zh, en = summary
    audit.created(s, member, t(zh.format(name=member.name), en.format(name=member.name)))
    return member


def create_member(db: Database, data: MemberInput) -> int:
    """Validate and store a new member; returns its id."""
    return store_new_member(
        db,
        data,
        lambda s, acc: (
            add_member(s, acc, data, ("新增党员 {name}", "Added party member {name}")).id
        ),
    )


def store_new_member(
    db: Database, data: MemberInput, add: Callable[[Session, access.Access], int]
) -> int:
    """Run ``add`` (which adds the member ``data``) in one write transaction; a duplicate
    ID number stored meanwhile by another window is refused by name."""
    try:
        with db.write() as s:
            return add(s, access.of(db, s))
    except IntegrityError as exc:
        raise _duplicate_id(db, exc, data) from exc


def update_member(
    db: Database,
    member_id: int,
    data: MemberInput,
    *,
    move: OrganizationMove | None = None,
    moved_on: date | None = None,
) -> None:
    """Validate and store the member's new values (nothing is written when unchanged);
    refused when someone else changed the member since ``data.version`` was read.

    A new organization is ``move`` (``services/member_changes/moving``): a transfer within
    the district dated ``moved_on`` (default today), recorded as 转出 and 转入; or the
    correction of an entry error. None: a transfer for a member on the roll, a correction
    for one who left it (they move nowhere)."""
    try:
        with db.write() as s:
            acc = access.of(db, s)
            member = load_member(s, member_id, acc)
            acc.check_org_writable(member.organization_id)
            versions.check(s, member, data.version)
            clean = _validate(s, data, member_id, acc)
            status_error = _status_error(member, clean) or joining_moved_error(s, member, clean)
            if status_error is not None:
                raise ValidationError([status_error])
            acc.check_org_writable(clean.organization_id)  # not moved out of the scope
            old_id, new_id = member.organization_id, clean.organization_id
            how: OrganizationMove | None = None
            on = moved_on or date.today()
            if new_id is not None and new_id != old_id:
                on_roll = member.status in ON_ROLL_STATUSES
                how = move or (
                    OrganizationMove.TRANSFER if on_roll else OrganizationMove.CORRECTION
                )
                check_move(s, member, how, new_id, on)
            update_audited(
                s,
                member,
                _values(clean),
                lambda: t(f"修改党员 {member.name}", f"Updated party member {member.name}"),
            )
            if new_id is not None and how is OrganizationMove.TRANSFER:
                record_move(s, member, old_id, new_id, on)
            elif new_id is not None and how is OrganizationMove.CORRECTION:
                correct_organization(s, acc, member, old_id, new_id)
    except IntegrityError as exc:
        raise _duplicate_id(db, exc, data) from exc


def _check_deletable(s: Session, acc: access.Access, member: PartyMember) -> None:
    """An administrator, a record made within :data:`MISTAKE_DAYS` days, no letter of
    transfer on its way (it would vanish from the receiving side's list)."""
    acc.check_org_writable(member.organization_id)
    if not acc.actor.can(Permission.MAINTAIN):
        raise PermissionDeniedError(
            t(
                "只有系统管理员可以删除误录的党员记录；党员离开请办理“党员减少”。",
                "Only an administrator may delete a member record entered by mistake; a "
                "member who leaves is recorded through “Member leaves”.",
            )
        )
    if has_pending_transfer(s, member.id):  # the receiving side waits for it
        raise pending_transfer(member)
    if utcnow() - member.created_at > timedelta(days=MISTAKE_DAYS):
        raise PermissionDeniedError(
            t(
                f"该党员记录录入已超过 {MISTAKE_DAYS} 天，不能删除；党员离开请办理“党员减少”。",
                f"The member was recorded more than {MISTAKE_DAYS} days ago and can no longer "
                "be deleted; a member who leaves is recorded through “Member leaves”.",
            )
        )
    graded = s.scalar(
        select(func.count(AppraisalResult.id)).where(AppraisalResult.member_id == member.id)
    )
    if graded:  # a branch's 民主评议 results are its record: they went with it, unsaid
        raise ConflictError(
            t(
                f"党员{member.name}已有 {graded} 个年度的民主评议结果，"
                "评议结果须留档可查，不能删除。",
                f"{member.name} has democratic appraisal results of {graded} years; they stay "
                "on record, so the member cannot be deleted.",
            )
        )
    paid = s.scalar(select(func.count(FeePayment.id)).where(FeePayment.member_id == member.id))
    if paid:  # money collected is accounted for: the payments went with the record, unsaid
        raise ConflictError(
            t(
                f"党员{member.name}已有 {paid} 笔党费缴纳记录，收缴的党费须留账可查，不能删除。",
                f"{member.name} has {paid} Party fee payments; fees collected stay on record, "
                "so the member cannot be deleted.",
            )
        )


def deletion_refusal(db: Database, member_id: int) -> str | None:
    """Why the account may not delete the member as entered by mistake (None: it may)."""
    with db.read() as s:
        acc = access.of(db, s)
        return access.said(
            lambda: _check_deletable(s, acc, load_member(s, member_id, acc)), ConflictError
        )


def delete_member(db: Database, member_id: int, *, with_reports: bool = False) -> None:
    """Delete a member entered by mistake (see :func:`deletion_refusal`); with
    ``with_reports`` also its post reports and their service log.

    Without ``with_reports`` a member who has post reports is refused with a ConflictError
    (the editor asks the user first, see :func:`deletion_impact`). The member's changes,
    letters of transfer and stays away go with it (in the audit entry's facts). Attendance
    at activities and community roles keep the person's name, without the link.
    """
    with db.write() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc)
        hold(s, member)  # a fee payment saved meanwhile is counted, not deleted with them
        _check_deletable(s, acc, member)
        impact = _impact(s, member)
        if impact.has_records and not with_reports:
            raise ConflictError(
                t(
                    f"党员{member.name}有 {impact.report_count} 条报到领岗记录和 "
                    f"{impact.service_count} 条服务记录；确认删除后这些记录会一并删除。",
                    f"{member.name} has {impact.report_count} post reports and "
                    f"{impact.service_count} service records; confirm to delete them too.",
                )
            )
        reports = [
            audit.snapshot(r, services=[audit.snapshot(log) for log in r.services])
            for r in member.reports
        ]
        extra: dict[str, Any] = {"reports": reports} if reports else {}
        attached: list[Any] = []
        for record_type, key in (
            (MemberChange, "changes"),
            (MemberTransfer, "transfers"),
            (MobileMember, "stays_away"),
        ):
            rows = list(s.scalars(select(record_type).where(record_type.member_id == member.id)))
            if rows:
                extra[key] = [audit.snapshot(r) for r in rows]
                attached.extend(rows)
        before = audit.snapshot(member, **extra)
        if impact.has_records:
            summary = t(
                f"删除误录的党员 {member.name}（含 {impact.report_count} 条报到领岗记录、"
                f"{impact.service_count} 条服务记录）",
                f"Deleted party member {member.name}, entered by mistake, with "
                f"{impact.report_count} post reports and {impact.service_count} service records",
            )
        else:
            summary = t(
                f"删除误录的党员 {member.name}",
                f"Deleted party member {member.name}, entered by mistake",
            )
        audit.deleted(s, member, summary, before=before)
        for row in attached:
            s.delete(row)
        s.flush()
        s.delete(member)
