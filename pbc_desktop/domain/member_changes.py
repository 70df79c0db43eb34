"""增减方式: how a party member comes into an organization's roll and leaves it.

A member is never deleted once on the roll (a record entered by mistake aside): every
coming and going is a dated change (``db.models.member_changes.MemberChange``), and the
member's :class:`~pbc_desktop.domain.enums.MembershipStatus` follows the latest one.
Rosters and statistics at a date are read from the changes (``services/member_changes``).
"""

from __future__ import annotations

from datetime import date, timedelta

from pbc_desktop.domain.enums import LabeledEnum, MembershipStatus
from pbc_desktop.domain.validation import Label
from pbc_desktop.lang import t


class MemberChangeKind(LabeledEnum):
    """One coming or going of a member (增加 or 减少)."""

    DEVELOPED = "developed", "发展", "Admitted as probationary"
    TRANSFERRED_IN = "transferred_in", "转入", "Transferred in"
    RESTORED = "restored", "恢复党籍", "Membership restored"
    TRANSFERRED_OUT = "transferred_out", "转出", "Transferred out"
    DECEASED = "deceased", "死亡", "Deceased"
    LEFT_PARTY = "left_party", "出党", "Left the Party"
    SUSPENDED = "suspended", "停止党籍", "Membership suspended"


class LeavingKind(LabeledEnum):
    """The kind of an 出党 (a member leaving the Party)."""

    EXPELLED = "expelled", "开除党籍", "Expelled"
    REMOVED = "removed", "除名", "Removed from the roll"
    LAPSED = "lapsed", "自行脱党", "Left of their own accord"
    PERSUADED = "persuaded", "劝退", "Persuaded to withdraw"
    WITHDREW = "withdrew", "退党", "Withdrew"
    PROBATION_CANCELLED = (
        "probation_cancelled",
        "取消预备党员资格",
        "Probationary membership cancelled",
    )


#: Changes that put a member on an organization's roll (增加).
ENTRY_KINDS = frozenset(
    {MemberChangeKind.DEVELOPED, MemberChangeKind.TRANSFERRED_IN, MemberChangeKind.RESTORED}
)
#: Changes that take a member off the roll (减少).
LEAVING_KINDS = frozenset(
    {
        MemberChangeKind.TRANSFERRED_OUT,
        MemberChangeKind.DECEASED,
        MemberChangeKind.LEFT_PARTY,
        MemberChangeKind.SUSPENDED,
    }
)

#: The member's status after each change.
STATUS_AFTER: dict[MemberChangeKind, MembershipStatus] = {
    MemberChangeKind.DEVELOPED: MembershipStatus.NORMAL,
    MemberChangeKind.TRANSFERRED_IN: MembershipStatus.NORMAL,
    MemberChangeKind.RESTORED: MembershipStatus.NORMAL,
    MemberChangeKind.TRANSFERRED_OUT: MembershipStatus.TRANSFERRED_OUT,
    MemberChangeKind.DECEASED: MembershipStatus.DECEASED,
    MemberChangeKind.LEFT_PARTY: MembershipStatus.LEFT_PARTY,
    MemberChangeKind.SUSPENDED: MembershipStatus.SUSPENDED,
}

#: Statuses of a member on the roll (a member who lost contact is still one: 失联党员).
ON_ROLL_STATUSES = frozenset({MembershipStatus.NORMAL, MembershipStatus.LOST_CONTACT})

#: The change each off-roll status comes from (the migration's and the checks' reading).
KIND_OF_STATUS: dict[MembershipStatus, MemberChangeKind] = {
    status: kind for kind, status in STATUS_AFTER.items() if kind in LEAVING_KINDS
}


class TransferState(LabeledEnum):
    """Where a 组织关系介绍信 stands."""

    PENDING = "pending", "待接收", "Pending"
    RECEIVED = "received", "已接收", "Received"
    CANCELLED = "cancelled", "已撤回", "Withdrawn"


def before_joining_error(on: date, joined_on: date | None, label: Label) -> str | None:
    """Why ``on`` cannot be the date of something a member does as one (a change, a stay
    away, a post report; ``label`` names the date): it is before they joined the Party on
    ``joined_on`` (None: not known, nothing to check)."""
    if joined_on is None or on >= joined_on:
        return None
    joined = joined_on.isoformat()
    return t(
        f"{label[0]}不能早于入党日期（{joined}）",
        f"The {label[1]} cannot be before the member joined the Party ({joined})",
    )


def letter_valid_until(issued_on: date, valid_days: int) -> date:
    """The last day a 介绍信 may be received. The letter prints 有效期N天 under its date of
    issue; a period of days is counted from the day after (民法典第二百零一条), so it runs
    to the N-th day after the date of issue."""
    return issued_on + timedelta(days=valid_days)


class OrganizationMove(LabeledEnum):
    """What a member's new organization in the member editor means.

    ``TRANSFER``: the member moved within the district (内部转接, the paper of a letter
    aside): 转出 at the old organization and 转入 at the new one, dated the day, as a
    letter's receipt records them, so that each organization's statistics add up.
    ``CORRECTION``: the organization was entered wrong and the member was never in the old
    one: their records there are put right, no change is recorded.
    """

    TRANSFER = "transfer", "组织关系转接", "Transfer"
    CORRECTION = "correction", "更正录入错误", "Correction of an entry error"


class MemberRoll(LabeledEnum):
    """Which members a listing shows: those on the roll (the default), those who left, or
    both; or of those on the roll, the ones out of contact (失联) or away (流动党员)."""

    CURRENT = "current", "在册党员", "On the roll"
    LOST_CONTACT = "lost_contact", "失联党员", "Out of contact"
    AWAY = "away", "流动党员", "Away (mobile)"
    LEFT = "left", "已减少党员", "Who left"
    ALL = "all", "全部党员", "All members"


#: Kinds a member leaves by through the 党员减少 dialog (转出 goes through a letter).
LEAVING_BY_DIALOG = (
    MemberChangeKind.DECEASED,
    MemberChangeKind.LEFT_PARTY,
    MemberChangeKind.SUSPENDED,
    MemberChangeKind.TRANSFERRED_OUT,
)

#: A member record entered by mistake may be deleted this many days after it was made
#: (by an administrator); after that the member only leaves by a change.
MISTAKE_DAYS = 7
