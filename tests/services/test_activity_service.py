"""Activity writes: validation naming the field, counts, host proposal, files and audit."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from pbc_desktop import paths
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Attachment,
    AttachmentContent,
    AuditEntry,
    Community,
    ConvenerTurn,
    FundEntry,
)
from pbc_desktop.domain.enums import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    AttendanceStatus,
    CommunityStatus,
    FundDirection,
    LifecycleAction,
)
from pbc_desktop.errors import ConflictError, UserError, ValidationError
from pbc_desktop.services import attachments, communities
from pbc_desktop.services.activities import editing as svc
from pbc_desktop.services.activities.detail import get_activity_detail
from pbc_desktop.services.activities.listing import ActivityQuery, day_counts, list_activities
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.scope import Choice
from tests.factories import make_community, make_member, make_org, make_orgs

P, A, N = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.NON_VOTING
START = datetime(2026, 3, 10, 9, 0)


@pytest.fixture
def world(db: Database) -> dict[str, int]:
    a, b, c = make_orgs(db, "甲村党支部", "乙村党支部", "丙公司党支部")
    community = make_community(db, "甲乙党建共同体", [a, b, c])
    return {
        "a": a,
        "b": b,
        "c": c,
        "community": community,
        "m1": make_member(db, "陈伟", a),
        "m2": make_member(db, "林丽", a),
        "m3": make_member(db, "黄强", b),
    }


def meeting(w: dict[str, int], **changes: object) -> svc.ActivityInput:
    base = svc.ActivityInput(
        community_id=w["community"],
        kind=ActivityKind.JOINT_MEETING,
        title="第一季度联席会议",
        starts_at=START,
        ends_at=datetime(2026, 3, 10, 11, 30),
        place="甲村党群服务中心",
        host_org_id=w["a"],
        chair="陈伟",
        recorder="林丽",
        organization_ids=(w["a"], w["b"]),
        attendance=(
            svc.AttendanceInput("陈伟", P, w["m1"]),
            svc.AttendanceInput("林丽", P, w["m2"]),
            svc.AttendanceInput("黄强", A, w["m3"], AbsenceReason.SICK),
            svc.AttendanceInput("街道干部", N),
        ),
        agenda=(
            svc.AgendaInput("审议项目清单", "大家讨论", "同意", 2, 0, 0),
            svc.AgendaInput("通报经费情况"),
        ),
    )
    if "starts_at" in changes:
        changes.setdefault("ends_at", None)
    return svc.ActivityInput(**{**base.__dict__, **changes})


def fields_of(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return exc.value.fields()


def test_create_stores_everything_with_counts_and_audit(
    db: Database, world: dict[str, int]
) -> None:
    aid = svc.create_activity(db, meeting(world))
    detail = get_activity_detail(db, aid)
    assert (detail.expected, detail.present) == (3, 2)
    assert [a.person_name for a in detail.absent] == ["黄强"]
    assert [g.title for g in detail.agenda] == ["审议项目清单", "通报经费情况"]
    assert detail.organizations == ("甲村党支部", "乙村党支部")
    row = list_activities(db, ActivityQuery(), PageRequest())[0]
    assert (row.expected, row.present) == (3, 2)
    edit = svc.get_activity_edit(db, aid)
    assert edit.attendance[2].absence_reason == AbsenceReason.SICK
    assert edit.attendance[0].organization_name == "甲村党支部"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "activity")).one()
        assert entry.actor == "测试员" and "黄强" in (entry.after or "")
        assert s.get(Activity, aid).seq_in_year == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "  "}, "title", "名称"),
        ({"ends_at": datetime(2026, 3, 10, 8, 0)}, "ends_at", "早于"),
        ({"trainee_count": -1}, "trainee_count", "负数"),
    ],
)
def test_simple_field_errors(
    db: Database, world: dict[str, int], changes: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, **changes))
    assert fields_of(exc) == [field]
    assert words in exc.value.message


def test_absent_without_reason(db: Database, world: dict[str, int]) -> None:
    people = (
        svc.AttendanceInput("陈伟", P, world["m1"]),
        svc.AttendanceInput("黄强", A, world["m3"]),
    )
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, attendance=people, agenda=()))
    assert fields_of(exc) == ["attendance"] and "黄强" in exc.value.message
    other = (svc.AttendanceInput("黄强", A, world["m3"], AbsenceReason.OTHER, " "),)
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, attendance=other, agenda=()))
    assert "其他" in exc.value.message


def test_member_twice(db: Database, world: dict[str, int]) -> None:
    people = (
        svc.AttendanceInput("陈伟", P, world["m1"]),
        svc.AttendanceInput("陈伟", N, world["m1"]),
    )
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, attendance=people, agenda=()))
    assert fields_of(exc) == ["attendance"] and "重复" in exc.value.message
    # Two different members with the same name are fine.
    namesake = make_member(db, "陈伟", world["b"])
    ok = (svc.AttendanceInput("陈伟", P, world["m1"]), svc.AttendanceInput("陈伟", P, namesake))
    svc.create_activity(db, meeting(world, attendance=ok, agenda=()))


@pytest.mark.parametrize("typed_first", [True, False])
def test_a_typed_name_beside_a_member_of_that_name_is_refused_in_either_order(
    db: Database, world: dict[str, int], typed_first: bool
) -> None:
    """陈伟 picked from the roll and 陈伟 typed (a guest, or the member typed again): refused
    whichever row comes first (the typed one first was taken)."""
    picked = svc.AttendanceInput("陈伟", P, world["m1"])
    typed = svc.AttendanceInput("陈伟", N)
    people = (typed, picked) if typed_first else (picked, typed)
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, attendance=people, agenda=()))
    assert fields_of(exc) == ["attendance"] and "「陈伟」重复登记（第2行）" in exc.value.message


def test_votes_exceeding_those_present(db: Database, world: dict[str, int]) -> None:
    agenda = (svc.AgendaInput("表决事项", resolution="通过", votes_for=2, votes_abstain=1),)
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, agenda=agenda))
    assert fields_of(exc) == ["agenda"]
    assert "3" in exc.value.message and "2" in exc.value.message
    with db.read() as s:
        assert s.scalars(select(Activity)).first() is None


def test_an_agenda_item_needs_a_title(db: Database, world: dict[str, int]) -> None:
    agenda = (svc.AgendaInput("审议项目清单"), svc.AgendaInput("  "))
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(db, meeting(world, agenda=agenda))
    assert fields_of(exc) == ["agenda"]
    assert "第2项议题未填写名称" in exc.value.message


def test_errors_are_reported_together(db: Database, world: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create_activity(
            db,
            meeting(
                world,
                title="",
                ends_at=datetime(2026, 1, 1),
                attendance=(svc.AttendanceInput("黄强", A, world["m3"]),),
            ),
        )
    assert set(fields_of(exc)) == {"title", "ends_at", "attendance", "agenda"}


def test_host_proposed_from_rotation(db: Database, world: dict[str, int]) -> None:
    cid = world["community"]
    # No rotation yet: the first member convenes.
    assert svc.propose_host(db, cid, date(2026, 3, 10)) == Choice(world["a"], "甲村党支部")
    with db.write() as s:
        s.add_all(
            [
                ConvenerTurn(
                    community_id=cid,
                    organization_id=world["a"],
                    period_label="2026年第1季度",
                    period_start=date(2026, 1, 1),
                    period_end=date(2026, 3, 31),
                    seq=0,
                ),
                ConvenerTurn(
                    community_id=cid,
                    organization_id=world["b"],
                    period_label="2026年第2季度",
                    period_start=date(2026, 4, 1),
                    period_end=date(2026, 6, 30),
                    seq=1,
                ),
            ]
        )
    # The convener of the period holding the date ...
    assert svc.propose_host(db, cid, date(2026, 5, 5)).id == world["b"]  # type: ignore[union-attr]
    assert svc.propose_host(db, cid, date(2026, 2, 1)).id == world["a"]  # type: ignore[union-attr]
    # ... and after the schedule ends, the next in turn.
    assert svc.propose_host(db, cid, date(2026, 9, 1)).id == world["c"]  # type: ignore[union-attr]


def test_update_and_sequence_numbers(db: Database, world: dict[str, int]) -> None:
    first = svc.create_activity(db, meeting(world, starts_at=datetime(2026, 6, 1, 9), ends_at=None))
    second = svc.create_activity(db, meeting(world))  # earlier in the year
    with db.read() as s:
        assert s.get(Activity, second).seq_in_year == 1  # type: ignore[union-attr]
        assert s.get(Activity, first).seq_in_year == 2  # type: ignore[union-attr]
    svc.update_activity(
        db, second, meeting(world, title="改期的会议", starts_at=datetime(2026, 7, 1), ends_at=None)
    )
    with db.read() as s:
        assert s.get(Activity, first).seq_in_year == 1  # type: ignore[union-attr]
        changed = s.get(Activity, second)
        assert changed is not None and changed.title == "改期的会议" and changed.seq_in_year == 2
        entries = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "activity").order_by(AuditEntry.id)
        ).all()
        assert [e.value for e in entries] == ["create", "create", "update"]


def test_attachments_are_stored_in_the_database(
    db: Database, world: dict[str, int], tmp_path: Path
) -> None:
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"\xff\xd8fake jpeg")
    doc = tmp_path / "签到表.pdf"
    doc.write_bytes(b"%PDF-1.4 sign-in sheet")
    aid = svc.create_activity(db, meeting(world, new_files=(photo, doc)))
    edit = svc.get_activity_edit(db, aid)
    stored = {a.filename: a for a in edit.attachments}
    assert stored["合影.jpg"].is_photo and not stored["签到表.pdf"].is_photo
    assert stored["签到表.pdf"].size == len(b"%PDF-1.4 sign-in sheet")
    assert attachments.content(db, stored["合影.jpg"].id) == ("合影.jpg", b"\xff\xd8fake jpeg")
    with db.read() as s:
        row = s.get(Attachment, stored["签到表.pdf"].id)
        assert row is not None and row.sha256 == hashlib.sha256(doc.read_bytes()).hexdigest()
    # The originals are the user's: no copy of them in the data folder, and they stay.
    photo.write_bytes(b"changed afterwards")
    assert attachments.content(db, stored["合影.jpg"].id)[1] == b"\xff\xd8fake jpeg"
    assert not (paths.data_dir() / "attachments").exists()

    svc.update_activity(db, aid, meeting(world, new_files=(photo,)))  # the same name again
    assert [a.filename for a in svc.get_activity_edit(db, aid).attachments].count("合影.jpg") == 2
    keep = tuple(
        a.id for a in svc.get_activity_edit(db, aid).attachments if a.filename != "合影.jpg"
    )
    svc.update_activity(db, aid, meeting(world, keep_attachment_ids=keep))
    assert [a.filename for a in svc.get_activity_edit(db, aid).attachments] == ["签到表.pdf"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 1
        audit_after = s.scalars(select(AuditEntry.after).order_by(AuditEntry.id.desc())).first()
    assert audit_after is not None and hashlib.sha256(doc.read_bytes()).hexdigest() in audit_after
    svc.delete_activity(db, aid)
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 0
    assert photo.exists() and doc.exists()


def test_a_file_gone_or_too_large_is_named_and_nothing_is_saved(
    db: Database, world: dict[str, int], tmp_path: Path
) -> None:
    gone = tmp_path / "会场照片.jpg"  # chosen, then moved away before saving
    big = tmp_path / "录像.mp4"
    with big.open("wb") as f:
        f.truncate(attachments.MAX_FILE_BYTES + 1)  # sparse: nothing is written
    fine = tmp_path / "议程.docx"
    fine.write_bytes(b"agenda")
    with pytest.raises(ValidationError) as refused:
        svc.create_activity(db, meeting(world, new_files=(fine, gone, big)))
    assert fields_of(refused) == ["attachments", "attachments"]
    message = refused.value.message
    assert "找不到文件「会场照片.jpg」" in message
    assert "文件「录像.mp4」超过 50 MB" in message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Activity)) == 0
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_an_unreadable_file_is_named(
    db: Database, world: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = svc.create_activity(db, meeting(world))
    locked = tmp_path / "锁定.xlsx"
    locked.write_bytes(b"excel")
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ValidationError) as refused:
        svc.update_activity(db, aid, meeting(world, title="改过的名称", new_files=(locked,)))
    assert fields_of(refused) == ["attachments"]
    assert "无法读取文件「锁定.xlsx」" in refused.value.message
    assert svc.get_activity_edit(db, aid).title == "第一季度联席会议"


@pytest.mark.sqlite_only("a full disk under the database file")
def test_a_full_disk_while_storing_files_is_a_sentence_and_saves_nothing(
    db: Database, world: dict[str, int], tmp_path: Path
) -> None:
    aid = svc.create_activity(db, meeting(world))
    photo = tmp_path / "大合影.jpg"
    photo.write_bytes(os.urandom(400_000))
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Every new connection may grow the file by a few pages only: the disk is "full".
    event.listen(
        db.engine,
        "connect",
        lambda dbapi, _rec: dbapi.execute(f"PRAGMA max_page_count={int(pages or 0) + 8}"),
    )
    db.engine.dispose()
    with pytest.raises(UserError) as refused:
        svc.update_activity(db, aid, meeting(world, title="新名称", new_files=(photo,)))
    assert "磁盘已满" in refused.value.message
    assert "\n" not in refused.value.message
    edit = svc.get_activity_edit(db, aid)
    assert edit.title == "第一季度联席会议" and edit.attachments == ()


def test_delete_refused_when_funds_refer(db: Database, world: dict[str, int]) -> None:
    aid = svc.create_activity(db, meeting(world))
    with db.write() as s:
        s.add(
            FundEntry(
                community_id=world["community"],
                entry_date=date(2026, 3, 10),
                direction=FundDirection.EXPENSE,
                amount_cents=5000,
                activity_id=aid,
            )
        )
    with pytest.raises(ConflictError) as exc:
        svc.delete_activity(db, aid)
    assert "经费" in exc.value.message
    with db.read() as s:
        assert s.get(Activity, aid) is not None


def test_member_picker_is_bounded(db: Database, world: dict[str, int]) -> None:
    org = make_org(db, "大村党支部")
    for i in range(40):
        make_member(db, f"陈{i:02d}", org)
    found = svc.member_choices(db, "陈", limit=25)
    assert len(found) == 25 and found[0].name == "陈00"
    assert svc.member_choices(db, "  ") == []
    assert [c.name for c in svc.members_of(db, [world["b"]])] == ["黄强"]


def test_day_counts(db: Database, world: dict[str, int]) -> None:
    svc.create_activity(db, meeting(world, agenda=()))
    svc.create_activity(db, meeting(world, agenda=(), starts_at=datetime(2026, 3, 10, 15)))
    svc.create_activity(
        db, meeting(world, agenda=(), starts_at=datetime(2026, 3, 31, 15), ends_at=None)
    )
    svc.create_activity(db, meeting(world, agenda=(), starts_at=datetime(2026, 4, 1), ends_at=None))
    counts = day_counts(db, ActivityQuery(), 2026, 3)
    assert counts == {date(2026, 3, 10): 2, date(2026, 3, 31): 1}
    assert day_counts(db, ActivityQuery(kind=ActivityKind.TRAINING), 2026, 3) == {}


def test_no_activity_after_the_community_was_revoked(db: Database, world: dict[str, int]) -> None:
    """A community revoked (已撤销) on 1 March still took activities after that day, which
    counted in the year's figures as if it ran."""
    held = svc.create_activity(db, meeting(world, starts_at=datetime(2026, 2, 20, 9)))
    with db.write() as s:  # running since January
        community = s.get(Community, world["community"])
        assert community is not None
        community.status = CommunityStatus.RUNNING
    communities.apply_lifecycle(db, world["community"], LifecycleAction.REVOKE, date(2026, 3, 1))
    with pytest.raises(ValidationError) as caught:
        svc.create_activity(db, meeting(world, ends_at=None))
    assert fields_of(caught) == ["community"]
    assert "2026-03-01" in str(caught.value)
    svc.create_activity(db, meeting(world, starts_at=datetime(2026, 3, 1, 9), ends_at=None))
    # one held before keeps being edited (its minutes corrected)
    svc.update_activity(
        db, held, replace(meeting(world, starts_at=datetime(2026, 2, 20, 9)), summary="补记")
    )
    assert get_activity_detail(db, held).summary == "补记"


def test_held_is_not_dated_after_today(db: Database, world: dict[str, int]) -> None:
    tomorrow = datetime.combine(date.today() + timedelta(days=1), datetime.min.time())
    with pytest.raises(ValidationError) as caught:
        svc.create_activity(db, meeting(world, starts_at=tomorrow, ends_at=None))
    assert fields_of(caught) == ["status"]
    planned = meeting(world, starts_at=tomorrow, ends_at=None, status=ActivityStatus.PLANNED)
    svc.create_activity(db, replace(planned, attendance=(), agenda=()))
    today = datetime.combine(date.today(), datetime.min.time())
    svc.create_activity(db, meeting(world, starts_at=today, ends_at=None))
