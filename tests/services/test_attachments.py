"""Attachments inside the database: the 0002 upgrade of old files and of the audit log,
paths confined to the attachments folder, and backups and restores that carry and verify them."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sqlalchemy import func, select

from pbc_desktop import paths
from pbc_desktop.db.engine import Database, sqlite_url
from pbc_desktop.db.migrate import current_revision, head_revision, open_database
from pbc_desktop.db.models import Attachment, AttachmentContent, AuditEntry
from pbc_desktop.domain.accounts import SYSTEM
from pbc_desktop.domain.enums import ActivityKind
from pbc_desktop.domain.privacy import contains_personal_numbers
from pbc_desktop.errors import DatabaseDamagedError, UserError
from pbc_desktop.services import attachments, backup, backup_restore
from pbc_desktop.services.activities import editing as svc
from pbc_desktop.services.attachments import AttachmentCheck, verify_attachments
from pbc_desktop.services.demo import build_demo
from tests.factories import make_community, make_orgs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ID_NUMBER = "44051419850101416X"
PHONE = "13812345678"
ENTRY_UUID = "0f1e2d3c-4b5a-4968-8776-123456789012"


# -- the upgrade from 0001 --------------------------------------------------------------------
def _old_database(tmp_path: Path, data_dir: Path) -> tuple[Path, int, Path, Path]:
    """A copy of the released 0001 fixture with attachment rows as 0001 wrote them: one
    file in place, one missing, and three whose paths lead out of the attachments folder
    (``..``, an absolute path, a link). Returns the file, the activity, the file in place
    and a file outside that must survive everything."""
    work = tmp_path / "old.sqlite"
    work.write_bytes((FIXTURES / "schema_0001.sqlite").read_bytes())
    outside = tmp_path / "outside" / "重要文件.docx"
    outside.parent.mkdir()
    outside.write_bytes(b"the office's own file, not an attachment")
    conn = sqlite3.connect(work)
    try:
        activity_id, activity_uuid = conn.execute(
            "SELECT id, uuid FROM activity WHERE id NOT IN "
            "(SELECT activity_id FROM fund_entry WHERE activity_id IS NOT NULL) "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        folder = data_dir / "attachments" / activity_uuid
        folder.mkdir(parents=True)
        in_place = folder / "合影.jpg"
        in_place.write_bytes(b"\xff\xd8 a photo of the meeting")
        (folder / "link.docx").symlink_to(outside)
        stamp = datetime(2026, 11, 30, 8, 0).isoformat(sep=" ")
        for n, (filename, stored_path) in enumerate(
            [
                ("合影.jpg", f"{activity_uuid}/合影.jpg"),
                ("不见了.jpg", f"{activity_uuid}/不见了.jpg"),
                ("重要文件.docx", "../../outside/重要文件.docx"),
                ("绝对路径.docx", str(outside)),
                ("链接.docx", f"{activity_uuid}/link.docx"),
            ]
        ):
            conn.execute(
                "INSERT INTO attachment (activity_id, filename, stored_path, is_photo, caption, "
                "uuid, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
                (
                    activity_id,
                    filename,
                    stored_path,
                    filename.endswith(".jpg"),
                    f"00000000-0000-4000-8000-00000000000{n}",
                    stamp,
                    stamp,
                ),
            )
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_uuid, summary, before, "
            "after) VALUES (?, '测试员', 'update', 'party_member', ?, ?, ?, ?)",
            (
                stamp,
                ENTRY_UUID,
                f"修改党员「陈伟」:身份证号 {ID_NUMBER},电话 {PHONE}",
                json.dumps(
                    {
                        "id_number": ID_NUMBER,
                        "phone": PHONE,
                        "birth_date": "1985-03-02",
                        "name": "陈伟",
                        "uuid": ENTRY_UUID,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                ),
                json.dumps(
                    {"remark": "办公室 0754-87654321", "phone": "+86 139 1234 5678"},
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            ),
        )
        conn.commit()
    finally:
        conn.close()
    return work, activity_id, in_place, outside


def test_the_upgrade_reads_old_files_in_and_refuses_paths_outside(
    tmp_path: Path, data_dir: Path
) -> None:
    work, activity_id, in_place, outside = _old_database(tmp_path, data_dir)
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        assert current_revision(db) == head_revision()
        listed = {a.filename: a for a in svc.get_activity_edit(db, activity_id).attachments}
        assert not listed["合影.jpg"].missing and listed["合影.jpg"].size == len(
            in_place.read_bytes()
        )
        assert attachments.content(db, listed["合影.jpg"].id)[1] == in_place.read_bytes()
        # Missing, or outside the attachments folder: marked missing, never read.
        for name in ("不见了.jpg", "重要文件.docx", "绝对路径.docx", "链接.docx"):
            assert listed[name].missing, name
        with pytest.raises(UserError, match="没有找到这个文件"):
            attachments.content(db, listed["重要文件.docx"].id)
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(AttachmentContent)) == 1
            row = s.get(Attachment, listed["合影.jpg"].id)
            assert row is not None
            assert row.sha256 == hashlib.sha256(in_place.read_bytes()).hexdigest()
        assert verify_attachments(work) == AttachmentCheck(1, ())

        # Deleting the activity deletes rows only: the old file and the outside one stay.
        svc.delete_activity(db, activity_id)
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    finally:
        db.dispose()
    assert in_place.exists()
    assert outside.read_bytes() == b"the office's own file, not an attachment"


def test_the_upgrade_masks_personal_numbers_in_the_audit_log(
    tmp_path: Path, data_dir: Path
) -> None:
    work, *_ = _old_database(tmp_path, data_dir)
    db = open_database(sqlite_url(work), backup_dir=tmp_path / "backups")
    try:
        with db.read() as s:
            entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_uuid == ENTRY_UUID)).one()
            demo_entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "demo")).one()
    finally:
        db.dispose()
    assert entry.summary == "修改党员「陈伟」:身份证号 **************416X,电话 138****5678"
    assert entry.before is not None and entry.after is not None
    before, after = json.loads(entry.before), json.loads(entry.after)
    assert before == {
        "id_number": "**************416X",
        "phone": "138****5678",
        "birth_date": "1985",
        "name": "陈伟",
        "uuid": ENTRY_UUID,
    }
    assert after == {"remark": "办公室 075*****4321", "phone": "861******5678"}
    for text in (entry.summary, entry.before, entry.after):
        assert not contains_personal_numbers(text)
    # An entry with nothing to mask is left exactly as it was written.
    conn = sqlite3.connect(FIXTURES / "schema_0001.sqlite")
    try:
        (old_after,) = conn.execute("SELECT after FROM audit_log WHERE entity = 'demo'").fetchone()
    finally:
        conn.close()
    assert demo_entry.after == old_after


# -- backups and restores ---------------------------------------------------------------------
def _activity_with_files(db: Database, tmp_path: Path) -> tuple[int, dict[str, bytes]]:
    a, b = make_orgs(db, "甲村党支部", "乙村党支部")
    community = make_community(db, "甲乙党建共同体", [a, b])
    files = {"合影.jpg": os.urandom(300_000), "签到表.pdf": b"%PDF-1.4 sign-in sheet"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    aid = svc.create_activity(
        db,
        svc.ActivityInput(
            community_id=community,
            kind=ActivityKind.THEME_PARTY_DAY,
            title="主题党日",
            starts_at=datetime(2026, 5, 1, 9),
            new_files=tuple(tmp_path / name for name in files),
        ),
    )
    return aid, files


def test_a_backup_restored_into_an_empty_data_folder_brings_its_attachments(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = paths.default_db_path()
    db = open_database(sqlite_url(db_path), backup_dir=paths.backups_dir())
    aid, files = _activity_with_files(db, tmp_path)
    usb = tmp_path / "U盘"
    usb.mkdir()
    copy = backup.backup_to(db_path, usb, by=SYSTEM)
    automatic = backup.automatic_backup(db_path, only_if_changed=False)
    db.dispose()
    assert automatic is not None
    assert verify_attachments(copy) == verify_attachments(automatic) == AttachmentCheck(2, ())

    # Another PC: a new, empty data folder; only the USB stick comes along.
    other_pc = tmp_path / "另一台电脑"
    other_pc.mkdir()
    monkeypatch.setenv("PBC_DATA_DIR", str(other_pc))
    target = paths.default_db_path()
    assert target.parent == other_pc and not target.exists()
    backup_restore.restore(target, copy)
    restored = open_database(sqlite_url(target), backup_dir=paths.backups_dir())
    try:
        listed = svc.get_activity_edit(restored, aid).attachments
        assert sorted(a.filename for a in listed) == sorted(files)
        for a in listed:
            name, data = attachments.content(restored, a.id)
            assert data == files[name]
    finally:
        restored.dispose()
    assert verify_attachments(target) == AttachmentCheck(2, ())
    assert not (other_pc / "attachments").exists()


def _spoil_content(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE attachment_content SET data = X'00' WHERE attachment_id = ("
        "SELECT id FROM attachment WHERE filename = '合影.jpg')"
    )
    conn.commit()
    conn.close()


def test_a_backup_or_restore_whose_attachments_fail_their_check_is_refused(
    tmp_path: Path, data_dir: Path
) -> None:
    db_path = tmp_path / "pbc.sqlite"
    db = open_database(sqlite_url(db_path))
    _activity_with_files(db, tmp_path)
    db.dispose()
    good = backup.backup_to(db_path, tmp_path / "good.sqlite", by=SYSTEM)
    spoiled = tmp_path / "spoiled.sqlite"
    spoiled.write_bytes(good.read_bytes())
    _spoil_content(spoiled)
    assert verify_attachments(spoiled) == AttachmentCheck(2, ("合影.jpg",))

    before = db_path.read_bytes()
    with pytest.raises(DatabaseDamagedError, match=r"合影\.jpg"):
        backup_restore.restore(db_path, spoiled, folder=tmp_path / "backups")
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    # A database whose own attachment went bad: its copy is refused and not left behind.
    _spoil_content(db_path)
    usb = tmp_path / "U盘"
    usb.mkdir()
    with pytest.raises(UserError, match="附件核对没有通过"):
        backup.backup_to(db_path, usb, by=SYSTEM)
    assert list(usb.iterdir()) == []


# -- the demo district ------------------------------------------------------------------------
def test_the_demo_district_has_photos_in_the_database(db: Database) -> None:
    build_demo(db)
    with db.read() as s:
        rows = s.execute(select(Attachment.activity_id, Attachment.id, Attachment.is_photo)).all()
    assert len(rows) >= 5 and all(is_photo for _aid, _id, is_photo in rows)
    if db.path is not None:  # the check a backup file gets
        assert verify_attachments(db.path) == AttachmentCheck(len(rows), ())
    with db.read() as s:
        stored = dict(s.execute(select(Attachment.id, Attachment.sha256)).all())
    for _aid, attachment_id, _ in rows:  # every photo's content is there, as it was stored
        assert (
            hashlib.sha256(attachments.content(db, attachment_id)[1]).hexdigest()
            == (stored[attachment_id])
        )
    activity_id, attachment_id, _ = rows[0]
    listed = svc.get_activity_edit(db, activity_id).attachments
    assert any(a.id == attachment_id and a.is_photo and not a.missing for a in listed)
    name, data = attachments.content(db, attachment_id)
    image = QImage.fromData(data)
    assert name.endswith(".png") and not image.isNull() and image.width() == 240


def test_a_file_named_as_windows_refuses_opens_under_a_name_it_takes(
    db: Database, tmp_path: Path
) -> None:
    """A file brought from another system (a package, an old database) may be named as
    Windows names no file (``会议:纪要?.pdf``, ``CON.jpg``): its copy to open still is one."""
    aid, _files = _activity_with_files(db, tmp_path)
    ids = {}
    with db.write() as s:
        for name in ("会议:纪要?.pdf", "CON.jpg"):
            row = Attachment(activity_id=aid, filename=name, size=2, sha256="-")
            s.add(row)
            s.flush()
            s.add(AttachmentContent(attachment_id=row.id, data=b"ok"))
            ids[name] = row.id
    assert attachments.open_copy(db, ids["会议:纪要?.pdf"]).name == "会议_纪要_.pdf"
    opened = attachments.open_copy(db, ids["CON.jpg"])
    assert opened.name == "_CON.jpg" and opened.read_bytes() == b"ok"
