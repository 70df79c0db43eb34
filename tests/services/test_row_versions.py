"""Many writers at once: two clerks save the same record, the first wins, the second is
refused with a sentence naming the first and when, and nothing is lost (optimistic
locking, ``services/versions.py``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Activity, Assessment, AuditEntry, PartyMember, User
from pbc_desktop.domain.enums import UserRole
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import StaleEditError
from pbc_desktop.services import audit, member_editing, member_export, versions
from pbc_desktop.services.accounts.users import actor_of
from pbc_desktop.services.activities import editing as activity_editing
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.members import MemberQuery
from tests.assessment_factories import YEAR, running_communities
from tests.conftest import add_account
from tests.factories import complete_fields, make_activity, make_member, make_org


def client(db: Database, username: str, name: str) -> Database:
    """Another client of ``db`` (its own connections), signed in as account ``username``."""
    add_account(db, username, UserRole.DISTRICT, name=name, unit="区委组织部")
    with db.read() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        return Database(db.url, user=actor_of(user))


@pytest.fixture
def clients(db: Database) -> Iterator[tuple[Database, Database]]:
    """Two clients of one database, signed in as 张三 and 李四."""
    first, second = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    yield first, second
    first.dispose()
    second.dispose()


def _refused_naming(error: pytest.ExceptionInfo[StaleEditError], who: str) -> None:
    text = str(error.value)
    assert f"该记录已被 {who} 于 " in text
    assert "请关闭后重新打开再保存" in text


def test_the_second_save_of_a_member_is_refused_naming_the_first(
    db: Database, clients: tuple[Database, Database]
) -> None:
    zhang, li = clients
    member_id = make_member(db, "王五", make_org(db), complete=True)
    read_by_zhang = member_editing.get_member_input(zhang, member_id)
    read_by_li = member_editing.get_member_input(li, member_id)
    member_editing.update_member(zhang, member_id, replace(read_by_zhang, party_post="支部委员"))
    with pytest.raises(StaleEditError) as refused:
        member_editing.update_member(li, member_id, replace(read_by_li, work_unit="新单位"))
    _refused_naming(refused, "张三")
    stored = member_editing.get_member_input(db, member_id)
    assert (stored.party_post, stored.work_unit) == ("支部委员", read_by_li.work_unit)
    # reopened, 李四's change goes in over 张三's, which stays
    again = member_editing.get_member_input(li, member_id)
    member_editing.update_member(li, member_id, replace(again, work_unit="新单位"))
    stored = member_editing.get_member_input(db, member_id)
    assert (stored.party_post, stored.work_unit) == ("支部委员", "新单位")


def test_a_save_without_a_read_version_is_not_checked(db: Database) -> None:
    """A command or an import names no version: it writes over what is stored."""
    member_id = make_member(db, "王五", make_org(db), complete=True)
    read = member_editing.get_member_input(db, member_id)
    member_editing.update_member(db, member_id, replace(read, party_post="委员"))
    member_editing.update_member(db, member_id, replace(read, remark="备注", version=None))
    assert member_editing.get_member_input(db, member_id).remark == "备注"


def test_every_change_counts_and_the_audit_holds_no_version(db: Database) -> None:
    member_id = make_member(db, "王五", make_org(db), complete=True)
    first = member_editing.get_member_input(db, member_id).version
    read = member_editing.get_member_input(db, member_id)
    member_editing.update_member(db, member_id, replace(read, remark="一", version=None))
    assert member_editing.get_member_input(db, member_id).version == (first or 0) + 1
    with db.read() as s:
        after = s.scalars(select(AuditEntry.after).order_by(AuditEntry.id.desc())).first()
    assert after is not None and "version" not in after


def test_the_second_save_of_an_activity_is_refused_and_its_attendance_kept(
    db: Database, clients: tuple[Database, Database]
) -> None:
    zhang, li = clients
    activity_id = make_activity(db, None, host_org_id=make_org(db))

    def as_input(edit: activity_editing.ActivityEdit, **changes: object) -> object:
        data = activity_editing.ActivityInput(
            community_id=edit.community_id,
            kind=edit.kind,
            title=edit.title,
            starts_at=edit.starts_at,
            status=edit.status,
            host_org_id=edit.host_org_id,
            version=edit.version,
        )
        return replace(data, **changes)

    read_by_zhang = activity_editing.get_activity_edit(zhang, activity_id)
    read_by_li = activity_editing.get_activity_edit(li, activity_id)
    present = (activity_editing.AttendanceInput("赵六"),)
    activity_editing.update_activity(
        zhang,
        activity_id,
        as_input(read_by_zhang, attendance=present),  # type: ignore[arg-type]
    )
    with pytest.raises(StaleEditError) as refused:
        activity_editing.update_activity(
            li,
            activity_id,
            as_input(read_by_li, title="改过的标题"),  # type: ignore[arg-type]
        )
    _refused_naming(refused, "张三")
    stored = activity_editing.get_activity_edit(db, activity_id)
    assert stored.title == read_by_li.title
    assert [a.person_name for a in stored.attendance] == ["赵六"]


def test_a_change_of_the_attendance_alone_counts_for_the_activity(db: Database) -> None:
    """Only the activity's parts changed: its version goes up all the same, so an editor
    open on it elsewhere is refused."""
    activity_id = make_activity(db, None, host_org_id=make_org(db))
    read = activity_editing.get_activity_edit(db, activity_id)
    with db.write() as s:
        activity = s.get(Activity, activity_id)
        assert activity is not None
        versions.check(s, activity, read.version)
    assert activity_editing.get_activity_edit(db, activity_id).version == read.version + 1


def test_the_second_scoring_is_refused_and_the_first_scores_stay(
    db: Database, clients: tuple[Database, Database]
) -> None:
    zhang, li = clients
    indicator_sets.create_indicator_set(db, YEAR)
    (community_id,) = running_communities(db, "甲共建")
    assessment_id = scoring.start_assessment(db, community_id, YEAR)
    sheet_zhang = scoring.get_scoring_sheet(zhang, assessment_id)
    sheet_li = scoring.get_scoring_sheet(li, assessment_id)
    first, second = sheet_zhang.rows[0].indicator_id, sheet_zhang.rows[1].indicator_id
    scoring.save_scores(
        zhang, assessment_id, scoring.ScoresInput({first: 1.0}, version=sheet_zhang.version)
    )
    with pytest.raises(StaleEditError) as refused:
        scoring.save_scores(
            li, assessment_id, scoring.ScoresInput({second: 2.0}, version=sheet_li.version)
        )
    _refused_naming(refused, "张三")
    stored = scoring.get_scoring_sheet(db, assessment_id)
    scores = {r.indicator_id: r.score for r in stored.rows}
    assert scores[first] == 1.0 and scores[second] is None


def test_two_saves_at_the_same_moment_one_waits_and_is_refused(
    db: Database, clients: tuple[Database, Database]
) -> None:
    """张三's save holds the member (its transaction open) when 李四 saves: 李四's save
    waits for it and then, the version having moved, is refused (on the server the
    row's lock, on SQLite the write lock); 张三's change is kept whole."""
    zhang, li = clients
    member_id = make_member(db, "王五", make_org(db), complete=True)
    read = member_editing.get_member_input(li, member_id)
    outcome: list[BaseException | None] = []

    def li_saves() -> None:
        try:
            member_editing.update_member(li, member_id, replace(read, work_unit="李四写的"))
            outcome.append(None)
        except BaseException as exc:  # the test reads it
            outcome.append(exc)

    saver = threading.Thread(target=li_saves)
    with zhang.write() as s:
        member = s.get(PartyMember, member_id)
        assert member is not None
        versions.check(s, member, read.version)
        member.party_post = "张三写的"
        s.flush()
        audit.updated(s, member, "修改党员 王五", None)
        saver.start()
        time.sleep(0.5)
        assert saver.is_alive()  # waiting for 张三's transaction
    saver.join(15)
    assert len(outcome) == 1 and isinstance(outcome[0], StaleEditError)
    assert "张三" in str(outcome[0])
    stored = member_editing.get_member_input(db, member_id)
    assert (stored.party_post, stored.work_unit) == ("张三写的", read.work_unit)


def test_a_row_changed_under_an_open_transaction_is_refused_by_the_orm(
    db: Database,
) -> None:
    """The model's own version check (``version_id_col``): an ORM update of a row whose
    version moved since it was loaded is refused as a whole, in a sentence."""
    member_id = make_member(db, "王五", make_org(db), complete=True)

    def change_under_it() -> None:
        with db.write() as s:
            member = s.get(PartyMember, member_id)
            assert member is not None
            s.execute(
                PartyMember.__table__.update()
                .where(PartyMember.id == member_id)
                .values(version=PartyMember.version + 1)
            )
            member.remark = "不会保存"

    with pytest.raises(StaleEditError):
        change_under_it()
    assert member_editing.get_member_input(db, member_id).remark != "不会保存"


def test_the_assessment_version_is_on_the_sheet(db: Database) -> None:
    indicator_sets.create_indicator_set(db, YEAR)
    (community_id,) = running_communities(db, "甲共建")
    assessment_id = scoring.start_assessment(db, community_id, YEAR)
    with db.read() as s:
        stored = s.scalar(select(Assessment.version).where(Assessment.id == assessment_id))
    assert scoring.get_scoring_sheet(db, assessment_id).version == stored


# -- snapshots: long reads see one moment while others write ---------------------------------
def test_an_export_read_while_another_client_writes_is_of_one_moment(
    db: Database,
    clients: tuple[Database, Database],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export counts the members, then describes its filter, then reads the rows; a
    member 张三 adds in between is in none of them (on a server without the snapshot the
    rows would hold one more than the count)."""
    zhang, _li = clients
    organization = make_org(db)
    for name in ("陈伟", "林丽", "黄强"):
        make_member(db, name, organization, complete=True)
    describe = member_export.describe_query

    def describe_while_zhang_adds(d: Database, query: MemberQuery) -> str:
        member_editing.create_member(
            zhang, MemberInput(name="王新", organization_id=organization, **complete_fields())
        )
        return describe(d, query)

    monkeypatch.setattr(member_export, "describe_query", describe_while_zhang_adds)
    result = member_export.export_members(db, MemberQuery(), tmp_path / "党员.xlsx")
    assert result.count == 3
    book = load_workbook(tmp_path / "党员.xlsx", read_only=True)
    try:
        rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    finally:
        book.close()
    assert len(rows) == 3 and "王新" not in {row[0] for row in rows}
    assert member_export.export_members(db, MemberQuery(), tmp_path / "后.xlsx").count == 4


def test_reads_inside_a_snapshot_are_its_own_in_this_thread_only(db: Database) -> None:
    with db.snapshot() as snap:
        with db.read() as s:
            assert s is snap
        with db.snapshot() as inner:
            assert inner is snap
        elsewhere: list[object] = []

        def read_elsewhere() -> None:
            with db.read() as s:
                elsewhere.append(s)

        worker = threading.Thread(target=read_elsewhere)
        worker.start()
        worker.join()
        assert elsewhere and elsewhere[0] is not snap
    with db.read() as s:
        assert s is not snap


@pytest.mark.server_only("transaction isolation levels")
def test_a_snapshot_on_the_server_is_one_repeatable_read_read_only_transaction(
    db: Database,
) -> None:
    with db.snapshot() as s:
        assert s.scalar(text("SHOW transaction_isolation")) == "repeatable read"
        assert s.scalar(text("SHOW transaction_read_only")) == "on"
    with db.read() as s:  # the connection back in the pool is as it was
        assert s.scalar(text("SHOW transaction_isolation")) == "read committed"


def test_numbering_an_activity_anew_does_not_refuse_its_editor(db: Database) -> None:
    """An activity added before another renumbers it (第N次): not an edit of it, so a
    clerk's editor open on it saves as ever."""
    organization = make_org(db)
    later = make_activity(db, None, "第二次", host_org_id=organization)
    read = activity_editing.get_activity_edit(db, later)
    activity_editing.create_activity(
        db,
        activity_editing.ActivityInput(
            community_id=None,
            kind=read.kind,
            title="更早的一次",
            starts_at=read.starts_at.replace(month=1),
            host_org_id=organization,
        ),
    )
    renumbered = activity_editing.get_activity_edit(db, later)
    with db.read() as s:
        assert s.scalar(select(Activity.seq_in_year).where(Activity.id == later)) == 2
    assert renumbered.version == read.version
    activity_editing.update_activity(
        db,
        later,
        activity_editing.ActivityInput(
            community_id=None,
            kind=read.kind,
            title="第二次(改)",
            starts_at=read.starts_at,
            host_org_id=organization,
            version=read.version,
        ),
    )
