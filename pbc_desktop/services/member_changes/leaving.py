"""A member leaves the roll (死亡, 出党, 停止党籍, 转出 without a letter of this program) or
is restored to it (恢复党籍); the history of a member's changes and organizations.

A leaving ends the member's active post reports on that day and any stay away (流动),
and is refused while a letter of transfer is pending (withdraw it or let it be received).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    DevelopmentRecord,
    MemberChange,
    MemberTransfer,
    MobileMember,
    Organization,
    PartyMember,
    PostReport,
)
from pbc_desktop.domain.enums import MemberCategory, MembershipStatus, PostReportStatus
from pbc_desktop.domain.member_changes import (
    LEAVING_BY_DIALOG,
    ON_ROLL_STATUSES,
    LeavingKind,
    MemberChangeKind,
    TransferState,
    before_joining_error,
)
from pbc_desktop.domain.validation import Label, future_date_error
from pbc_desktop.errors import ConflictError
from pbc_desktop.lang import t
from pbc_desktop.services import access, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.member_changes.recording import record_change
from pbc_desktop.services.members import load_member

REMARK_MAX = 500
UNIT_MAX = 120


@dataclass(frozen=True)
class LeavingInput:
    kind: MemberChangeKind
    occurred_on: date | None
    leaving_kind: LeavingKind | None = None
    other_unit: str | None = None  # 转出: the unit the member went to
    remark: str | None = None
    version: int | None = None  # the member's, as read by the dialog


@dataclass(frozen=True)
class ChangeView:
    """One change as a member's history shows it."""

    id: int
    kind: MemberChangeKind
    occurred_on: date
    leaving_kind: LeavingKind | None
    organization_name: str
    other: str  # the other organization or unit ("" when none)
    remark: str | None


# -- checks ----------------------------------------------------------------------------------
def not_on_roll(member: PartyMember) -> ConflictError:
    return ConflictError(
        t(
            f"党员{member.name}已不在册（{member.status.zh}），不能再办理减少。",
            f"{member.name} is no longer on the roll ({member.status.en}).",
        )
    )


def pending_transfer(member: PartyMember) -> ConflictError:
    return ConflictError(
        t(
            f"党员{member.name}有待接收的组织关系介绍信，请先撤回介绍信或等待对方接收。",
            f"{member.name} has a letter of transfer waiting to be received; withdraw it "
            "first or wait for the receipt.",
        )
    )


def has_pending_transfer(s: Session, member_id: int) -> bool:
    stmt = select(MemberTransfer.id).where(
        MemberTransfer.member_id == member_id, MemberTransfer.state == TransferState.PENDING
    )
    return s.scalar(stmt.limit(1)) is not None


def check_on_roll(s: Session, member: PartyMember) -> None:
    if member.status not in ON_ROLL_STATUSES:
        raise not_on_roll(member)
    if has_pending_transfer(s, member.id):
        raise pending_transfer(member)


def leaving_member(
    s: Session, acc: access.Access, member_id: int, version: int | None
) -> PartyMember:
    """The member a leaving or a letter of transfer is for: one the account sees, of an
    organization it may write, on the roll with no letter pending; saved over the
    ``version`` the dialog read (None: not checked)."""
    member = load_member(s, member_id, acc)
    acc.check_org_writable(member.organization_id)
    versions.check(s, member, version)
    check_on_roll(s, member)
    return member


def leaving_refusal(db: Database, member_id: int) -> str | None:
    """Why the account may not record the member's leaving (None: it may)."""

    with db.read() as s:
        acc = access.of(db, s)
        return access.said(lambda: leaving_member(s, acc, member_id, None), ConflictError)


def latest_change(s: Session, member_id: int) -> MemberChange | None:
    """The member's latest change (by date, then by entry), None when there is none."""
    stmt = (
        select(MemberChange)
        .where(MemberChange.member_id == member_id)
        .order_by(MemberChange.occurred_on.desc(), MemberChange.id.desc())
        .limit(1)
    )
    return s.scalar(stmt)


def first_change_since_joining(s: Session, member_id: int) -> MemberChange | None:
    """The member's first change other than their admission (发展): the day of joining the
    Party comes no later than it (one transferred in on 1 November did not join on the
    20th)."""
    stmt = (
        select(MemberChange)
        .where(
            MemberChange.member_id == member_id,
            MemberChange.kind != MemberChangeKind.DEVELOPED,
        )
        .order_by(MemberChange.occurred_on, MemberChange.id)
        .limit(1)
    )
    return s.scalar(stmt)


def change_date_error(s: Session, member: PartyMember, on: date, label: Label) -> str | None:
    """Why ``on`` cannot be the date of a change of ``member`` (``label`` names the date):
    it is in the future, before the member joined, or before the member's latest change (a
    leaving dated before the 转入 that brought the member here would leave the roll of any
    later day saying the member is still on it); None when it can."""
    problem = future_date_error(on, label=label) or before_joining_error(
        on, member.joined_on, label
    )
    if problem is not None:
        return problem
    last = latest_change(s, member.id)
    if last is None or on >= last.occurred_on:
        return None
    day = last.occurred_on.isoformat()
    return t(
        f"{label[0]}不能早于该党员上一次变动的日期（{day}，{last.kind.zh}）",
        f"The {label[1]} cannot be before the member's last change ({day}, {last.kind.en})",
    )


def check_change_date(
    s: Session,
    err: FieldErrors,
    member: PartyMember,
    on: date | None,
    label: Label,
) -> date:
    """The date of a change: given, and one :func:`change_date_error` lets be."""
    if on is None:
        err.add("occurred_on", f"请填写{label[0]}", f"Enter the {label[1]}")
        return date.min
    problem = change_date_error(s, member, on, label)
    if problem is not None:
        err.add("occurred_on", problem, problem)
    return on


# -- writing ---------------------------------------------------------------------------------
def leave_member(db: Database, member_id: int, data: LeavingInput) -> int:
    """Record that the member left the roll; returns the change's id."""
    with db.write() as s:
        member = leaving_member(s, access.of(db, s), member_id, data.version)
        err = FieldErrors()
        if data.kind not in LEAVING_BY_DIALOG:
            err.add("kind", "请选择减少方式", "Choose how the member left")
        on = check_change_date(s, err, member, data.occurred_on, ("减少日期", "date of leaving"))
        if data.kind is MemberChangeKind.LEFT_PARTY and data.leaving_kind is None:
            err.add("leaving_kind", "请选择出党方式", "Choose how the member left the Party")
        elif (
            data.kind is MemberChangeKind.LEFT_PARTY
            and data.leaving_kind is LeavingKind.PROBATION_CANCELLED
        ):
            _check_probation_cancelled(s, err, member)
        unit = err.text("other_unit", data.other_unit, ("转往单位", "unit"), max_len=UNIT_MAX)
        if data.kind is MemberChangeKind.TRANSFERRED_OUT and not unit:
            err.add("other_unit", "请填写转往单位", "Enter the unit the member went to")
        remark = err.text(
            "remark", data.remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True
        )
        err.raise_any()
        leaving = data.leaving_kind if data.kind is MemberChangeKind.LEFT_PARTY else None
        change = record_change(
            s,
            member,
            data.kind,
            on,
            leaving_kind=leaving,
            other_unit=unit if data.kind is MemberChangeKind.TRANSFERRED_OUT else None,
            remark=remark,
        )
        end_presence(s, member.id, on)
        return change.id


def _check_probation_cancelled(s: Session, err: FieldErrors, member: PartyMember) -> None:
    """取消预备党员资格 is of a probationary member; of one admitted through the 发展党员
    records it is recorded there (here their record stayed 预备党员, its 转正 reminded of
    for a member who had left the Party)."""
    if member.category is not MemberCategory.PROBATIONARY:
        err.add(
            "leaving_kind",
            "只有预备党员才能取消预备党员资格",
            "Only a probationary membership can be cancelled",
        )
    elif s.scalar(
        select(DevelopmentRecord.id).where(DevelopmentRecord.member_id == member.id).limit(1)
    ):
        err.add(
            "leaving_kind",
            "该党员由发展党员记录接收，请在“发展党员”中办理取消预备党员资格",
            "The member was admitted through a development record: cancel the probation "
            "under “Development”",
        )


def end_presence(s: Session, member_id: int, on: date) -> None:
    """A member off the roll holds no post and is away from nowhere: active post reports
    end on ``on`` (or the day they began), open stays away end too."""
    reports = s.scalars(
        select(PostReport).where(
            PostReport.member_id == member_id, PostReport.status == PostReportStatus.ACTIVE
        )
    )
    for report in reports:
        report.status = PostReportStatus.ENDED
        report.ended_on = max(on, report.reported_on)
    stays = s.scalars(
        select(MobileMember).where(
            MobileMember.member_id == member_id, MobileMember.returned_on.is_(None)
        )
    )
    for stay in stays:
        stay.returned_on = max(on, stay.left_on)


def restore_member(
    db: Database,
    member_id: int,
    on: date | None,
    remark: str | None,
    version: int | None = None,
) -> int:
    """恢复党籍: a suspended member back on the roll; returns the change's id.
    ``version``: the member's as read when the clerk chose to restore them."""
    with db.write() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc)
        acc.check_org_writable(member.organization_id)
        versions.check(s, member, version)
        if member.status is not MembershipStatus.SUSPENDED:
            raise ConflictError(
                t(
                    f"只有停止党籍的党员才能恢复党籍；党员{member.name}现为“{member.status.zh}”。",
                    f"Only a suspended member's membership can be restored; {member.name} "
                    f"is “{member.status.en}”.",
                )
            )
        err = FieldErrors()
        day = check_change_date(s, err, member, on, ("恢复日期", "date of restoring"))
        text = err.text("remark", remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True)
        err.raise_any()
        return record_change(s, member, MemberChangeKind.RESTORED, day, remark=text).id


# -- reading ---------------------------------------------------------------------------------
def member_changes(db: Database, member_id: int, as_of: date | None = None) -> list[ChangeView]:
    """The member's changes, oldest first: their history on the roll and their
    organizations (each change names the organization the member was in, or entered);
    ``as_of``: also of a member the account's organizations held at that date."""
    with db.read() as s:
        load_member(s, member_id, access.of(db, s), as_of=as_of)
        return changes_in(s, member_id)


def changes_in(s: Session, member_id: int) -> list[ChangeView]:
    """:func:`member_changes` read in ``s``, of a member the caller loaded."""
    other = aliased(Organization)
    stmt = (
        select(MemberChange, Organization.name, other.name)
        .join(Organization, Organization.id == MemberChange.organization_id)
        .outerjoin(other, other.id == MemberChange.other_organization_id)
        .where(MemberChange.member_id == member_id)
        .order_by(MemberChange.occurred_on, MemberChange.id)
    )
    return [
        ChangeView(
            id=c.id,
            kind=c.kind,
            occurred_on=c.occurred_on,
            leaving_kind=c.leaving_kind,
            organization_name=org_name,
            other=other_name or c.other_unit or "",
            remark=c.remark,
        )
        for c, org_name, other_name in s.execute(stmt)
    ]
