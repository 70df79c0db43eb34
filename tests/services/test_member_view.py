"""A member selected in the 党员 tab, read once (``member_view.member_view``): the same as
the detail pane, the posts panel and the action rules read part by part, each in a read of
its own loading the member again (28-34 statements a click on the district, each a round
trip to a server), in one read of a few statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AppraisalResult,
    DevelopmentRecord,
    MemberChange,
    MemberTransfer,
    MobileMember,
    Organization,
    PartyMember,
    PostEvaluation,
    PostReport,
    ServiceLog,
    User,
)
from pbc_desktop.domain.member_changes import TransferState
from pbc_desktop.errors import NotFoundError, PermissionDeniedError
from pbc_desktop.services import access, member_editing, members
from pbc_desktop.services.accounts.users import actor_of
from pbc_desktop.services.appraisals.results import member_appraisals
from pbc_desktop.services.development.detail import member_development
from pbc_desktop.services.member_changes import leaving, mobile, transfers
from pbc_desktop.services.member_view import MemberPosts, MemberShown, MemberView, member_view
from pbc_desktop.services.post_reports import evaluations, reports, service_log
from tests.demo_cache import demo_into

TODAY = date(2026, 11, 20)
#: The most statements a member's view may take, in its one read (measured 12-16 on
#: SQLite, a BEGIN among them, for the district, a town and a village account; part by
#: part 26-45 in 9 reads or more; on the server 12-14 against 18-22 for the district).
MOST_QUERIES = 16


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    """The statements sent to the database inside the block, and a "(begin)" for each
    transaction begun (a read's; SQLite also shows its BEGIN among the statements)."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    def begun(_conn: Any) -> None:
        statements.append("(begin)")

    event.listen(db.engine, "before_cursor_execute", seen)
    event.listen(db.engine, "begin", begun)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
        event.remove(db.engine, "begin", begun)


def reads(statements: list[str]) -> int:
    return statements.count("(begin)")


def sent(statements: list[str]) -> int:
    return len(statements) - reads(statements)


def part_by_part(
    db: Database, member_id: int, *, unmasked: bool = False, as_of: date | None = None
) -> MemberView:
    """The member as the tab read them before: each part a read of its own."""
    actions = member_editing.member_actions(db, member_id, as_of)
    try:
        detail = members.get_member_detail(db, member_id, unmasked=unmasked, as_of=as_of)
    except (NotFoundError, PermissionDeniedError) as error:
        return MemberView(member_id, actions, None, error.message)
    brief = reports.member_brief(db, member_id, as_of)
    listed = reports.list_member_reports(db, member_id)
    posts = MemberPosts(
        member_id,
        brief.name,
        brief.organization_name,
        tuple(listed),
        {r.id: tuple(service_log.list_services(db, r.id)) for r in listed},
        {r.id: tuple(evaluations.list_evaluations(db, r.id)) for r in listed},
    )
    letters = transfers.list_transfers(db, transfers.TransferQuery(state=None, member_id=member_id))
    shown = MemberShown(
        detail=detail,
        changes=tuple(leaving.member_changes(db, member_id, as_of)),
        letters=tuple(x for x in letters if x.state is TransferState.PENDING),
        stays=tuple(mobile.list_stays(db, member_id=member_id)),
        appraisals=tuple(member_appraisals(db, member_id, as_of)),
        development=member_development(db, member_id, as_of),
        posts=posts,
    )
    return MemberView(member_id, actions, shown)


def first_member(db: Database, *where: Any) -> int | None:
    """The first member (by id) with each of ``where``, of the account's organizations."""
    with db.read() as s:
        seen = access.of(db, s).orgs(PartyMember.organization_id)
        found = s.scalar(select(func.min(PartyMember.id)).where(seen, *where))
    return None if found is None else int(found)


def interesting_members(db: Database) -> dict[str, int]:
    """The demo's first member of the account's organizations with each kind of thing the
    view shows (those it has)."""
    evaluated = select(PostReport.member_id).join(
        PostEvaluation, PostEvaluation.report_id == PostReport.id
    )
    served = select(PostReport.member_id).join(ServiceLog, ServiceLog.report_id == PostReport.id)
    chosen = {
        "posts, service and evaluations": first_member(
            db, PartyMember.id.in_(evaluated), PartyMember.id.in_(served)
        ),
        "appraised": first_member(db, PartyMember.id.in_(select(AppraisalResult.member_id))),
        "developed": first_member(
            db,
            PartyMember.id.in_(
                select(DevelopmentRecord.member_id).where(DevelopmentRecord.member_id.is_not(None))
            ),
        ),
        "changes": first_member(db, PartyMember.id.in_(select(MemberChange.member_id))),
        "letter waiting": first_member(
            db,
            PartyMember.id.in_(
                select(MemberTransfer.member_id).where(
                    MemberTransfer.state == TransferState.PENDING
                )
            ),
        ),
        "away": first_member(
            db,
            PartyMember.id.in_(
                select(MobileMember.member_id).where(MobileMember.returned_on.is_(None))
            ),
        ),
    }
    return {what: member_id for what, member_id in chosen.items() if member_id is not None}


def another_towns_member(db: Database) -> int:
    """A member of a town other than the demo's town account's."""
    town = select(User.town).where(User.username == "zhen").scalar_subquery()
    with db.read() as s:
        found = s.scalar(
            select(func.min(PartyMember.id))
            .join(Organization, Organization.id == PartyMember.organization_id)
            .where(Organization.town != town)
        )
    assert found is not None
    return int(found)


def account(db: Database, username: str) -> None:
    with db.read() as s:
        db.user = actor_of(s.scalars(select(User).where(User.username == username)).one())


@pytest.fixture
def demo(db: Database) -> Database:
    demo_into(db, today=TODAY)
    return db


@pytest.mark.parametrize("username", [None, "zhen", "cun"])
def test_the_view_is_what_the_parts_say_in_a_few_statements(
    demo: Database, username: str | None
) -> None:
    db = demo
    if username is not None:
        account(db, username)
    chosen = interesting_members(db)
    assert len(chosen) >= (6 if username is None else 3), chosen
    for what, member_id in chosen.items():
        with counted(db) as together:
            view = member_view(db, member_id)
        with counted(db) as apart:
            assert part_by_part(db, member_id) == view, what
        assert view.shown is not None, what
        assert reads(together) == 1 and reads(apart) >= 9, what
        assert sent(together) <= MOST_QUERIES, (what, together)
        assert sent(together) < sent(apart), what
        if what == "posts, service and evaluations":
            posts = view.shown.posts
            assert any(posts.services.values()) and any(posts.evaluations.values())


def test_a_member_gone_or_of_another_office_is_refused_as_each_part_is(demo: Database) -> None:
    db = demo
    other = another_towns_member(db)
    account(db, "cun")
    view = member_view(db, other)
    assert view.shown is None and view.refusal
    assert view == part_by_part(db, other)
    gone = member_view(db, 999_999)
    assert gone.shown is None and gone == part_by_part(db, 999_999)


def test_unmasked_and_a_past_roll_are_read_as_each_part_reads_them(demo: Database) -> None:
    db = demo
    member_id = interesting_members(db)["changes"]
    assert member_view(db, member_id, unmasked=True) == part_by_part(db, member_id, unmasked=True)
    then = date(2025, 1, 1)
    assert member_view(db, member_id, as_of=then) == part_by_part(db, member_id, as_of=then)
