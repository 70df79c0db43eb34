"""A member selected in the 党员 tab, read once: what its detail pane shows (the record, its
changes, a letter of transfer waiting, a stay away, the appraisals, the development
history), what the posts panel shows (the post reports, each one's service log and
evaluations) and the rules of every action on the member.

Read part by part, each in a read of its own loading the member again, a click sent 28-34
statements, each a round trip to a server; here they are read in one session, the member
loaded once (tests/services/test_member_view.py counts them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember
from pbc_desktop.domain.member_changes import TransferState
from pbc_desktop.errors import NotFoundError, PermissionDeniedError
from pbc_desktop.services import access
from pbc_desktop.services.appraisals.results import MemberAppraisal, appraisals_in
from pbc_desktop.services.development.detail import DevelopmentDetail, development_in
from pbc_desktop.services.member_changes.leaving import ChangeView, changes_in
from pbc_desktop.services.member_changes.mobile import StayRow, stays_in
from pbc_desktop.services.member_changes.transfers import TransferQuery, TransferRow, transfers_in
from pbc_desktop.services.member_editing import MemberActions, actions_in
from pbc_desktop.services.members import MemberDetail, load_member, member_detail_in
from pbc_desktop.services.post_reports.evaluations import EvaluationRow, evaluations_of_reports
from pbc_desktop.services.post_reports.reports import ReportRow, member_reports_in
from pbc_desktop.services.post_reports.service_log import ServiceRow, services_of_reports


@dataclass(frozen=True)
class MemberPosts:
    """The member's 报到领岗 as the posts panel shows it."""

    member_id: int
    name: str
    organization_name: str  # the member's organization now
    reports: tuple[ReportRow, ...]  # on a post first, then the newest
    #: each report's service log, newest first
    services: Mapping[int, tuple[ServiceRow, ...]]
    #: each report's evaluations, the latest year first
    evaluations: Mapping[int, tuple[EvaluationRow, ...]]


@dataclass(frozen=True)
class MemberShown:
    """What the detail pane and the posts panel show of the member."""

    detail: MemberDetail
    changes: tuple[ChangeView, ...]  # oldest first
    letters: tuple[TransferRow, ...]  # letters of transfer waiting for the receipt
    stays: tuple[StayRow, ...]  # stays away not ended (where they are masked)
    appraisals: tuple[MemberAppraisal, ...]  # the latest year first
    development: DevelopmentDetail | None  # admitted through the 发展党员 pipeline
    posts: MemberPosts


@dataclass(frozen=True)
class MemberView:
    """A selected member: the rules of the actions on them, and what is shown of them."""

    member_id: int
    actions: MemberActions
    #: None when the member is not to be read (gone meanwhile, not the account's): then
    #: ``refusal`` says why
    shown: MemberShown | None
    refusal: str | None = None


def member_view(
    db: Database, member_id: int, *, unmasked: bool = False, as_of: date | None = None
) -> MemberView:
    """The member ``member_id`` as the 党员 tab shows them when selected, in one read: ID
    number and phone masked unless ``unmasked``; ``as_of``: selected from the roll at that
    date (one moved since out of the account's scope is looked at, not changed)."""
    with db.read() as s:
        acc = access.of(db, s)
        # held for the whole read: every part finds the member loaded (the session keeps a
        # record only while something refers to it)
        held = s.get(PartyMember, member_id)
        actions = actions_in(s, acc, member_id, as_of)
        try:
            shown = _shown(s, acc, member_id, unmasked, as_of)
        except (NotFoundError, PermissionDeniedError) as error:
            return MemberView(member_id, actions, None, error.message)
        finally:
            del held
        return MemberView(member_id, actions, shown)


def member_posts(db: Database, member_id: int, as_of: date | None = None) -> MemberPosts:
    """The member's post reports, with each one's service log and evaluations, in one read
    (the posts panel, read again after a change there); ``as_of``: see :func:`member_view`."""
    with db.read() as s:
        acc = access.of(db, s)
        member = load_member(s, member_id, acc, as_of=as_of)
        return _posts(s, acc, member)


def _shown(
    s: Session, acc: access.Access, member_id: int, unmasked: bool, as_of: date | None
) -> MemberShown:
    detail = member_detail_in(s, acc, member_id, unmasked=unmasked, as_of=as_of)
    member = load_member(s, member_id, acc, as_of=as_of)  # loaded: no statement
    waiting = TransferQuery(state=TransferState.PENDING, member_id=member_id)
    return MemberShown(
        detail=detail,
        changes=tuple(changes_in(s, member_id)),
        letters=tuple(transfers_in(s, acc, waiting)),
        stays=tuple(stays_in(s, acc, member_id=member_id)),
        appraisals=tuple(appraisals_in(s, member_id)),
        development=development_in(s, member_id),
        posts=_posts(s, acc, member),
    )


def _posts(s: Session, acc: access.Access, member: PartyMember) -> MemberPosts:
    reports = member_reports_in(s, acc, member.id)
    ids = [r.id for r in reports]
    services = services_of_reports(s, ids)
    evaluations = evaluations_of_reports(s, ids)
    return MemberPosts(
        member_id=member.id,
        name=member.name,
        organization_name=member.organization.name,
        reports=tuple(reports),
        services={i: tuple(services[i]) for i in ids},
        evaluations={i: tuple(evaluations[i]) for i in ids},
    )
