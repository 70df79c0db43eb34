"""A clerk saving on one PC while another PC receives a package or imports a roster (one
server database).

The long write holds what it changes until it commits, all of it or nothing: a clerk's
save of one of those records waits. It waits a few seconds at most and is then refused
with a sentence naming what the other PC is doing (the window is not frozen for the
server's whole ``lock_timeout``, and the form keeps what was typed); once the long write
is done the save goes in, or is refused as stale when the long write changed the record
(no lost update). A save that only refers to what a package changes (a new member in one
of its branches, a new activity in one of its communities, a new item in its list) does
not wait at all.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from pbc_desktop.db import engine
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Community, Organization, PartyMember, ServiceList, SyncConflict
from pbc_desktop.db.server import BESIDE_LONG_WRITE, LongWrite
from pbc_desktop.domain.enums import ActivityKind, OrgLevel
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import DatabaseLockedError, StaleEditError
from pbc_desktop.services import member_editing
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.activities import editing as activities
from pbc_desktop.services.exchange import transfer
from pbc_desktop.services.exchange.merge import Change, MergeResult, merge
from pbc_desktop.services.exchange.package import Package
from pbc_desktop.services.exchange.transfer import LocalOffice, receive_package, send_package
from pbc_desktop.services.lists import editing as lists
from tests.factories import complete_fields, make_id, make_member, make_org
from tests.import_factories import write_roster
from tests.list_factories import setup_community
from tests.services.exchange.helpers import TOWN, VILLAGE, Parts, merge_into, office_db, owned_by
from tests.services.exchange.helpers import send as send_parts
from tests.services.exchange.package_helpers import office, registry
from tests.services.test_row_versions import client

server_only = pytest.mark.server_only("two transactions of two clients at the same moment")


def _received_then_changed(db: Database, tmp_path: Path) -> Parts:
    """A village's records, received here once; then changed there (its branches, its
    community, its list and its member): the package bringing those changes."""
    village = office_db(tmp_path, "village")
    try:
        setup = setup_community(village)
        make_member(village, "陈小明", setup.orgs[0], complete=True)
        merge_into(db, send_parts(village, TOWN), owned_by(VILLAGE))
        with village.write() as s:
            for org in s.scalars(select(Organization)):
                org.contact_person = "新联系人"
            s.scalars(select(Community)).one().theme = "村里改的主题"
            s.scalars(select(ServiceList)).one().title = "村里改的清单"
            s.scalars(select(PartyMember)).one().work_unit = "村里改的"
        return send_parts(village, TOWN)
    finally:
        village.dispose()


def _add_member(clerk: Database, branch: int) -> object:
    fields = complete_fields(birth_date=date(1975, 3, 1))
    data = member_editing.MemberInput(name="区里新增", organization_id=branch, **fields)
    return member_editing.create_member(clerk, data)


def _add_activity(clerk: Database, community: int) -> object:
    return activities.create_activity(
        clerk,
        activities.ActivityInput(
            community_id=community,
            kind=ActivityKind.THEME_PARTY_DAY,
            title="区里记的活动",
            starts_at=datetime(2026, 6, 1, 9),
        ),
    )


def _add_item(clerk: Database, service_list: int) -> object:
    return lists.add_item(clerk, service_list, lists.ItemInput(title="区里加的事项"))


ADDS: dict[str, tuple[Callable[[Database, int], object], type]] = {
    "member": (_add_member, Organization),
    "activity": (_add_activity, Community),
    "list item": (_add_item, ServiceList),
}


@server_only
@pytest.mark.parametrize("what", ADDS)
def test_a_clerk_adds_beside_what_a_package_being_received_changes_without_waiting(
    db: Database, tmp_path: Path, what: str
) -> None:
    """The package holds the rows it changes against other changes only: a new member of
    one of its branches (the branch's row only referred to) goes in at once."""
    package = _received_then_changed(db, tmp_path)
    add, parent = ADDS[what]
    with db.read() as s:
        parent_id = s.scalars(select(parent.id).order_by(parent.id)).first()  # type: ignore[attr-defined]
    clerk = client(db, "lisi", "李四")
    outcome: list[object] = []

    def save() -> None:
        try:
            outcome.append(add(clerk, parent_id))
        except Exception as exc:  # the test reads it
            outcome.append(exc)

    job = threading.Thread(target=save)
    try:
        with db.write() as s:  # the package being received: merged, not yet committed
            result = merge(s, package, [], owned_by(VILLAGE))
            assert result.count("organization", Change.CHANGED) == 4
            job.start()
            job.join(5)
            waited = job.is_alive()
        job.join(20)
    finally:
        clerk.dispose()
    assert not waited, f"adding the {what} waited for the package"
    assert len(outcome) == 1 and isinstance(outcome[0], int), outcome


@server_only
def test_a_clerks_save_of_a_member_does_not_deadlock_with_a_package_changing_its_branch(
    db: Database, tmp_path: Path
) -> None:
    """The clerk changes a member the package has not reached yet: the save (which checks
    the member's branch again) goes in, and the package, reaching the member, sees the
    clerk's change (a conflict kept for a person to decide), not a deadlock that failed
    one of the two."""
    package = _received_then_changed(db, tmp_path)
    branches = [(name, rows) for name, rows in package if name == "organization"]
    rest = [(name, rows) for name, rows in package if name != "organization"]
    with db.read() as s:
        member = s.scalars(select(PartyMember.id)).one()
    clerk = client(db, "lisi", "李四")
    read = member_editing.get_member_input(clerk, member)
    outcome: list[object] = []

    def save() -> None:
        try:
            outcome.append(
                member_editing.update_member(clerk, member, replace(read, party_post="区里改的"))
            )
        except Exception as exc:  # the test reads it
            outcome.append(exc)

    job = threading.Thread(target=save)
    try:
        with db.write() as s:  # the package being received: its branches written
            assert (
                merge(s, branches, [], owned_by(VILLAGE)).count("organization", Change.CHANGED) == 4
            )
            job.start()
            job.join(5)
            waited = job.is_alive()
            result = merge(s, rest, [], owned_by(VILLAGE))  # then the member
        job.join(20)
    finally:
        clerk.dispose()
    assert not waited, "the clerk's save waited for the package's branches"
    assert outcome == [None]
    assert result.count("party_member", Change.CONFLICT) == 1  # the clerk's change seen
    with db.read() as s:
        stored = s.get(PartyMember, member)
        assert stored is not None
        assert stored.work_unit == "村里改的"  # the village owns it: its version stands
        assert "区里改的" in s.scalars(select(SyncConflict.other)).one()  # the clerk's kept


# -- a save of what a long write changes: refused in seconds, naming it ------------------


VILLAGE_OFFICE = office("b0000000-0000-4000-8000-000000000001", "上底村党委", OrgLevel.VILLAGE)
TOWN_OFFICE = office("b0000000-0000-4000-8000-000000000002", "和平镇党委", OrgLevel.TOWN)


def _package_file(db: Database, tmp_path: Path) -> Path:
    """A village's member, received here in a first package; then changed there: the
    second package, which changes the member."""
    village = office_db(tmp_path, "village")
    village_office = LocalOffice(VILLAGE_OFFICE.card, VILLAGE_OFFICE.keys)
    first, second = tmp_path / "first.pbcx", tmp_path / "second.pbcx"
    try:
        make_member(village, "陈小明", make_org(village, "上底村党支部"), complete=True)
        send_package(village, first, me=village_office, to=TOWN_OFFICE.card)
        _receive(db, first)
        with village.write() as s:
            s.scalars(select(PartyMember)).one().work_unit = "村里改的"
        send_package(village, second, me=village_office, to=TOWN_OFFICE.card)
    finally:
        village.dispose()
    return second


def _receive(db: Database, path: Path) -> None:
    me = LocalOffice(TOWN_OFFICE.card, TOWN_OFFICE.keys)
    receive_package(db, path, me=me, lookup_sender=registry(VILLAGE_OFFICE))


def _save_meanwhile(clerk: Database, member: int, read: MemberInput) -> tuple[object, float]:
    """The clerk's save of ``member`` as read, in a thread: how it ended and how long it
    took (None: not ended within 10 s)."""
    outcome: list[object] = []

    def save() -> None:
        try:
            outcome.append(
                member_editing.update_member(clerk, member, replace(read, party_post="区里改的"))
            )
        except Exception as exc:  # the test reads it
            outcome.append(exc)

    job = threading.Thread(target=save)
    started = time.monotonic()
    job.start()
    job.join(10)
    return (outcome[0] if outcome else None), time.monotonic() - started


def _refused_naming(outcome: object, seconds: float, doing: str) -> None:
    assert isinstance(outcome, DatabaseLockedError), outcome
    assert seconds < BESIDE_LONG_WRITE + 3
    assert f"上另一台电脑{doing}，这条记录要等它" in outcome.message
    assert outcome.message.endswith("这次没有保存：请稍等片刻再保存一次。")


def _then_stale_then_saved(clerk: Database, member: int, read: MemberInput) -> None:
    """Once the long write is done, the save over what it changed is refused as stale (no
    lost update); reopened, it goes in."""
    with pytest.raises(StaleEditError):
        member_editing.update_member(clerk, member, replace(read, party_post="区里改的"))
    again = member_editing.get_member_input(clerk, member)
    member_editing.update_member(clerk, member, replace(again, party_post="区里改的"))


@server_only
def test_a_save_of_a_member_a_package_being_received_changes_is_refused_naming_it(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _package_file(db, tmp_path)
    with db.read() as s:
        member = s.scalars(select(PartyMember.id)).one()
    clerk = client(db, "lisi", "李四")
    read = member_editing.get_member_input(clerk, member)  # the clerk's editor open
    met: list[tuple[object, float]] = []
    store_files = transfer._store_files

    def receiving(s: Session, package: Package, result: MergeResult) -> None:
        store_files(s, package, result)
        met.append(_save_meanwhile(clerk, member, read))  # the package merged, not committed

    monkeypatch.setattr(transfer, "_store_files", receiving)
    try:
        _receive(db, path)
        _refused_naming(*met[0], "正在接收数据包")
        _then_stale_then_saved(clerk, member, read)
    finally:
        clerk.dispose()
    with db.read() as s:
        stored = s.get(PartyMember, member)
        assert stored is not None
        assert (stored.work_unit, stored.party_post) == ("村里改的", "区里改的")


@server_only
def test_a_save_of_a_member_a_roster_being_imported_changes_is_refused_naming_it(
    db: Database, tmp_path: Path
) -> None:
    branch = "成田镇大寮村党支部"
    org = make_org(db, branch, town="成田镇")
    number = make_id("19850302", "123")
    member = make_member(db, "张老三", org, id_number=number, phone="13900000000")
    roster = write_roster(
        tmp_path / "r.xlsx",
        [
            (
                "张老三",
                None,
                number,
                None,
                "2010-07-01",
                "正式党员",
                "13811112222",
                "成田镇大寮村党支部",
            )
        ],
    )
    preview = mi.read_members(db, roster)
    clerk = client(db, "lisi", "李四")
    read = member_editing.get_member_input(clerk, member)
    met: list[tuple[object, float]] = []

    def progress(_percent: int, text: str) -> None:
        if not met and text.startswith("正在写入"):  # the member written, not committed
            met.append(_save_meanwhile(clerk, member, read))

    try:
        result = mi.apply_import(db, preview, on_duplicate="update", progress=progress)
        assert result.updated == 1
        _refused_naming(*met[0], "正在导入名册")
        _then_stale_then_saved(clerk, member, read)
    finally:
        clerk.dispose()
    stored = member_editing.get_member_input(db, member)
    assert (stored.phone, stored.party_post) == ("13811112222", "区里改的")


@server_only
def test_a_save_beside_no_long_write_waits_the_usual_time(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC's ordinary save holding the record: waited for as long as ever (it ends
    in a moment), then the usual sentence."""
    monkeypatch.setattr("pbc_desktop.db.server.LOCK_TIMEOUT", BESIDE_LONG_WRITE + 2)
    member = make_member(db, "王五", make_org(db), complete=True)
    clerk = client(db, "lisi", "李四")
    read = member_editing.get_member_input(clerk, member)
    try:
        with db.write() as s:
            s.execute(select(PartyMember.id).where(PartyMember.id == member).with_for_update())
            outcome, seconds = _save_meanwhile(clerk, member, read)
    finally:
        clerk.dispose()
    assert isinstance(outcome, DatabaseLockedError), outcome
    assert seconds >= BESIDE_LONG_WRITE + 2
    assert "正在保存（或正在导入、升级）" in outcome.message


@server_only
def test_a_save_begun_before_a_long_write_waits_the_usual_time_and_is_told_what_held_it(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package's receipt began after the save did (which then saw none under way):
    the save waits the server's usual time, and its refusal still names the receipt."""
    monkeypatch.setattr("pbc_desktop.db.server.LOCK_TIMEOUT", 1)
    member = make_member(db, "王五", make_org(db), complete=True)
    clerk = client(db, "lisi", "李四")  # connects with the one-second timeout
    read = member_editing.get_member_input(clerk, member)
    holder = create_engine(db.url, poolclass=NullPool)
    try:
        with holder.connect() as other:
            lock = text("SELECT id FROM party_member WHERE id = :id FOR UPDATE")
            other.execute(lock, {"id": member})
            met: list[tuple[object, float]] = []
            job = threading.Thread(target=lambda: met.append(_save_meanwhile(clerk, member, read)))
            job.start()
            _until_waiting(db)  # the save under way, no long write seen
            other.execute(
                text("SELECT set_config('application_name', :name, true)"),
                {"name": str(LongWrite.RECEIVING)},
            )
            job.join(10)
            other.rollback()
    finally:
        holder.dispose()
        clerk.dispose()
    ((outcome, _seconds),) = met
    assert isinstance(outcome, DatabaseLockedError), outcome
    assert "上另一台电脑正在接收数据包，这条记录要等它接收完才能保存" in outcome.message


@server_only
def test_two_saves_the_server_gives_up_on_as_deadlocked_one_is_told_to_save_again(
    db: Database,
) -> None:
    """Each holds what the other needs: the save the server gives up on is told in a
    sentence (not a database error), nothing of it saved."""
    first, second = make_org(db, "甲村党支部"), make_org(db, "乙村党支部")
    holder = create_engine(db.url, poolclass=NullPool)
    outcome: list[object] = []

    def name_contacts() -> None:
        try:
            with db.write() as s:
                for org_id in (first, second):
                    org = s.get(Organization, org_id)
                    assert org is not None
                    org.contact_person = "区里"
                    s.flush()
        except Exception as exc:  # the test reads it
            outcome.append(exc)

    try:
        with holder.connect() as other:
            lock = text("SELECT id FROM organization WHERE id = :id FOR UPDATE")
            other.execute(lock, {"id": second})
            job = threading.Thread(target=name_contacts)
            job.start()
            _until_waiting(db)  # it holds the first, and waits for the second
            # waiting from now on, after it: the server finds the deadlock when it looks
            # at its own wait (a second after it began), and gives up on it
            with contextlib.suppress(OperationalError):
                other.execute(lock, {"id": first})
            other.rollback()
            job.join(20)
    finally:
        holder.dispose()
    (refused,) = outcome
    assert isinstance(refused, DatabaseLockedError), refused
    assert "同时在保存相关的记录，这次没有保存：请再保存一次。" in refused.message
    with db.read() as s:
        assert set(s.scalars(select(Organization.contact_person))) == {None}


def _until_waiting(db: Database) -> None:
    """Until a connection of ``db`` waits for a lock."""
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with db.read() as s:
            if s.scalar(waiting):
                return
        time.sleep(0.02)
    pytest.fail("nothing waited")


@pytest.mark.sqlite_only("SQLite's one writer at a time")
def test_on_a_file_a_save_while_another_program_imports_is_refused_in_a_sentence(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two programs on one database file: the import holds the file's one write lock until
    it is done. The window's save waits the busy time, then is refused in a sentence,
    nothing of it written; once the import is done the save over the member it changed is
    refused as stale, and reopened it goes in."""
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)  # the wait, shortened
    branch = "成田镇大寮村党支部"
    number = make_id("19850302", "123")
    member = make_member(db, "张老三", make_org(db, branch), id_number=number, phone="13900000000")
    roster = write_roster(
        tmp_path / "r.xlsx",
        [("张老三", None, number, None, "2010-07-01", "正式党员", "13811112222", branch)],
    )
    preview = mi.read_members(db, roster)
    window = Database(db.url)  # the other program, with connections of its own
    read = member_editing.get_member_input(window, member)
    met: list[tuple[object, float]] = []

    def progress(_percent: int, text: str) -> None:
        if not met and text.startswith("正在写入"):  # the member written, not committed
            met.append(_save_meanwhile(window, member, read))

    try:
        assert mi.apply_import(db, preview, on_duplicate="update", progress=progress).updated == 1
        outcome, seconds = met[0]
        assert isinstance(outcome, DatabaseLockedError), outcome
        assert outcome.message == "数据库正被其他程序占用，请稍后再试。"
        assert seconds < 5
        _then_stale_then_saved(window, member, read)
    finally:
        window.dispose()
    stored = member_editing.get_member_input(db, member)
    assert (stored.phone, stored.party_post) == ("13811112222", "区里改的")
