"""A member's organization changed in the member editor (``services/member_editing``).

Either the member moved within the district (:attr:`OrganizationMove.TRANSFER`, 内部转接
without a letter of this program): recorded as a letter's receipt within the district
records it, 转出 at the old organization and 转入 at the new one on the same day, so that
each organization's 党内统计 adds up (last year's members with the year's changes are this
year's) and the district's is unchanged. Or the organization was entered wrong and the
member was never in the old one (:attr:`OrganizationMove.CORRECTION`): no change is
recorded, and the member's changes that said they were in the old organization say the
new one, so that the statistics of every year count them there.

Both run in the write transaction of the editor (``services/member_editing``) or of a
roster's import (``services/member_import``, which asks the user once for all the members
its roster puts in another organization), each record written audited.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from pbc_desktop.db.models import MemberChange, MemberTransfer, Organization, PartyMember
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES, OrganizationMove, TransferState
from pbc_desktop.errors import FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.member_changes.leaving import (
    change_date_error,
    has_pending_transfer,
    pending_transfer,
)
from pbc_desktop.services.member_changes.recording import (
    move_development_records,
    record_transfer_within,
)
from pbc_desktop.services.member_changes.roll import ended_refusal

#: What the field of the refusals is named (the editor marks its organization picker).
_FIELD = "organization"


def _not_existing(org: Organization, day: date) -> str | None:
    """Why ``org`` takes no member in on ``day``: not founded yet, or ended."""
    if org.founded_on is not None and day < org.founded_on:
        founded = org.founded_on.isoformat()
        return t(
            f"{org.name}成立于{founded}，转接日期（{day.isoformat()}）不能早于成立日期",
            f"{org.name} was founded on {founded}: the transfer ({day.isoformat()}) cannot "
            "be before that",
        )
    ended = ended_refusal(org, day)
    return None if ended is None else t(*ended)


def _refused(message: str) -> ValidationError:
    return ValidationError([FieldError(_FIELD, message)])


def check_move(
    s: Session, member: PartyMember, move: OrganizationMove, new_id: int | None, on: date
) -> None:
    """Refuse (under ``organization``) a move the records cannot hold: any move of a
    member with a letter of transfer waiting (its receipt would take the member out of
    the sender's roll); a transfer of a member off the roll, into an organization not
    existing on ``on``, dated before the member joined or before their last change; a
    correction of a member who came into the old organization by a letter of transfer
    (they were in it), whose changes record a transfer between the two organizations
    (corrected, a transfer from the new one to itself), or of a member on the roll into
    an organization ended before ``on`` (its roll would hold them). ``new_id`` None: an organization
    the import creates (it exists from the day)."""
    if has_pending_transfer(s, member.id):
        raise _refused(pending_transfer(member).message)
    _check_move_itself(s, member, move, new_id, on)


def _check_move_itself(
    s: Session, member: PartyMember, move: OrganizationMove, new_id: int | None, on: date
) -> None:
    """:func:`check_move` but for the letter of transfer waiting."""
    target = None if new_id is None else s.get(Organization, new_id)
    if move is OrganizationMove.TRANSFER:
        if member.status not in ON_ROLL_STATUSES:
            raise _refused(
                t(
                    f"党员{member.name}已不在册（{member.status.zh}），不能转接组织关系；"
                    "如所在党组织录入有误，请按更正录入错误修改",
                    f"{member.name} is no longer on the roll ({member.status.en}) and cannot "
                    "transfer; if the organization was entered wrong, correct it as an entry "
                    "error",
                )
            )
        problem = change_date_error(s, member, on, ("转接日期", "date of the transfer"))
        if problem is not None:
            raise _refused(problem)
        absent = None if target is None else _not_existing(target, on)
        if absent is not None:
            raise _refused(absent)
        return
    letter = s.scalar(
        select(MemberTransfer.letter_number)
        .where(
            MemberTransfer.member_id == member.id,
            MemberTransfer.to_organization_id == member.organization_id,
            MemberTransfer.state == TransferState.RECEIVED,
        )
        .limit(1)
    )
    if letter is not None:
        raise _refused(
            t(
                f"党员{member.name}经介绍信（{letter}）转入现在的党组织，不是录入错误；"
                "党员调到其他党组织请按组织关系转接办理",
                f"{member.name} came into the present organization by the letter of transfer "
                f"{letter}: it is no entry error; a member moving to another organization "
                "is transferred",
            )
        )
    if new_id is not None and _moved_between(s, member, new_id):
        raise _refused(_no_transfer_to_itself(s, member, new_id))
    if target is not None and member.status in ON_ROLL_STATUSES:
        # on the roll of an organization that has ended: a member off the roll (left,
        # died) may still be corrected into it, where they were
        ended = ended_refusal(target, on)
        if ended is not None:
            raise _refused(t(*ended))


def _moved_between(s: Session, member: PartyMember, new_id: int) -> bool:
    """Whether a change of the member names their organization and ``new_id`` as the two
    ends of a transfer: corrected, it would be a transfer from ``new_id`` to itself."""
    old_id = member.organization_id
    return (
        s.scalar(
            select(MemberChange.id)
            .where(
                MemberChange.member_id == member.id,
                or_(
                    and_(
                        MemberChange.organization_id == old_id,
                        MemberChange.other_organization_id == new_id,
                    ),
                    and_(
                        MemberChange.organization_id == new_id,
                        MemberChange.other_organization_id == old_id,
                    ),
                ),
            )
            .limit(1)
        )
        is not None
    )


def _no_transfer_to_itself(s: Session, member: PartyMember, new_id: int) -> str:
    old = s.get(Organization, member.organization_id)
    new = s.get(Organization, new_id)
    old_name = "" if old is None else old.name
    new_name = "" if new is None else new.name
    return t(
        f"党员{member.name}的增减记录中有“{new_name}”与“{old_name}”之间的转接，"
        f"更正为“{new_name}”后，这次转接将成为从“{new_name}”转到“{new_name}”本身；"
        f"如党员调回“{new_name}”，请按组织关系转接办理",
        f"The changes of {member.name} record a transfer between “{new_name}” and "
        f"“{old_name}”: corrected, it would be a transfer from “{new_name}” to itself; "
        f"a member going back to “{new_name}” is transferred",
    )


def move_refusal(
    s: Session, member: PartyMember, move: OrganizationMove, new_id: int | None, on: date
) -> str | None:
    """Why :func:`check_move` refuses the move (the sentence an import shows as the row's
    error), None when it does not."""
    return _refusal(partial(check_move, s, member, move, new_id, on))


def move_refusals(
    s: Session, member: PartyMember, new_id: int | None, on: date
) -> dict[OrganizationMove, str | None]:
    """:func:`move_refusal` of each kind of move (an import's row, the user choosing one
    of the two for all), the letter of transfer waiting looked up once for both."""
    if has_pending_transfer(s, member.id):
        waiting = pending_transfer(member).message
        return dict.fromkeys(OrganizationMove, waiting)
    return {
        move: _refusal(partial(_check_move_itself, s, member, move, new_id, on))
        for move in OrganizationMove
    }


def _refusal(check: Callable[[], None]) -> str | None:
    try:
        check()
    except ValidationError as error:
        return error.errors[0].message  # check_move names one reason
    return None


def record_move(
    s: Session,
    member: PartyMember,
    old_id: int,
    new_id: int,
    on: date,
    *,
    by_import: bool = False,
) -> None:
    """The member's transfer within the district from ``old_id`` to ``new_id`` on ``on``
    (:func:`check_move` passed): 转出 and 转入, each audited, as a letter's receipt within
    the district writes them (the member's 发展党员 record goes with them); their remark
    says where it was made (the member editor, or a roster's import: ``by_import``). The
    member's mark of 失联 stays as the editor saved it."""
    status = member.status
    remark = (
        t(
            "导入党员名册时调整党组织（本区内转接）",
            "Moved by a roster's import (within the district)",
        )
        if by_import
        else t(
            "在党员信息中调整党组织（本区内转接）",
            "Moved in the member editor (within the district)",
        )
    )
    record_transfer_within(s, member, old_id, new_id, on, remark=remark)
    member.status = status


def correct_organization(
    s: Session, acc: access.Access, member: PartyMember, old_id: int, new_id: int
) -> None:
    """The member was never in ``old_id`` (entered there by mistake; :func:`check_move`
    passed): their changes saying they were in it (an admission, a 转入 from outside)
    say ``new_id``, and the changes of another organization naming it as where the member
    went say ``new_id`` too where the account may write them; each audited. Their
    发展党员 record goes with them."""
    changes = s.scalars(
        select(MemberChange).where(
            MemberChange.member_id == member.id,
            or_(
                MemberChange.organization_id == old_id,
                MemberChange.other_organization_id == old_id,
            ),
        )
    )
    summary = t(
        f"更正党员 {member.name} 的所在党组织（录入错误），增减记录随之更正",
        f"Corrected the organization of {member.name} (an entry error) in the member's changes",
    )
    for change in changes:
        if change.organization_id != old_id and not acc.sees_org(change.organization_id):
            continue  # another organization's record, only naming the old one
        before = audit.snapshot(change)
        if change.organization_id == old_id:
            change.organization_id = new_id
        if change.other_organization_id == old_id:
            change.other_organization_id = new_id
        audit.updated(s, change, summary, before)
    move_development_records(
        s,
        member,
        new_id,
        t(
            f"{member.name}的发展党员记录随更正后的党组织调整",
            f"The development record of {member.name} moved with the corrected organization",
        ),
    )
