"""Backups: online copies while writing, the retention policy, inspecting and restoring."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pbc_desktop import files
from pbc_desktop.db.engine import sqlite_url
from pbc_desktop.db.migrate import CopyStoppedError, backup_copy, open_database
from pbc_desktop.domain.accounts import SYSTEM, Actor
from pbc_desktop.domain.enums import OrgField, OrgKind, OrgLevel, UserRole
from pbc_desktop.errors import (
    DatabaseDamagedError,
    DatabaseError,
    DatabaseTooNewError,
    PermissionDeniedError,
    UserError,
)
from pbc_desktop.services import backup, backup_restore
from pbc_desktop.services.backup import AUTO, BackupFile
from pbc_desktop.services.organizations import OrgInput, create_organization
from tests.backup_helpers import (
    add_orgs,
    both_copying_at_once,
    damage,
    integrity,
    names_in,
    new_database,
    org_names,
    with_office,
)
from tests.storage_helpers import read_only, small_disk

pytestmark = pytest.mark.sqlite_only("backups copy the database file")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NOW = datetime(2025, 6, 15, 18, 30, 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def leftovers(folder: Path) -> list[str]:
    """Temporary files and journals left behind in ``folder``."""
    return [
        p.name
        for p in folder.rglob("*")
        if p.name.startswith(".") or p.name.endswith(("-wal", "-shm", "-journal", ".part"))
    ]


def set_mtime(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


# -- copies -----------------------------------------------------------------------------
def test_online_backup_while_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path)
    add_orgs(db, *(f"党支部{i:04d}" for i in range(3000)), remark="备注" * 300)
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            add_orgs(db, f"写入中{n:05d}")
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    steps: list[int] = []
    try:
        while len(written) < 3:
            stop.wait(0.01)
        copy = backup.backup_to(path, tmp_path / "copy.sqlite", progress=steps.append, by=SYSTEM)
        while len(written) < 10:
            stop.wait(0.01)
    finally:
        stop.set()
        thread.join()
    db.dispose()
    assert len(steps) > 3 and steps[-1] == 100  # copied in steps, one snapshot
    assert integrity(copy) == "ok"
    names = org_names(copy)
    during = [n for n in names if n.startswith("写入中")]
    # a consistent snapshot: the writes up to some moment, none missing in between
    assert during == [f"写入中{n:05d}" for n in range(len(during))]
    assert 3 <= len(during) < len(written)
    assert len(names) == 3000 + len(during)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
    conn.close()
    assert leftovers(tmp_path) == []


def test_a_stopped_copy_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, *(f"党支部{i}" for i in range(2000)))
    db.dispose()
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(CopyStoppedError):
        backup.backup_to(path, target, should_stop=lambda: True, by=SYSTEM)
    assert list(target.iterdir()) == []


def test_backup_into_a_folder_is_named_by_date(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "上底村党总支").dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    first = backup.backup_to(path, usb, now=NOW, by=SYSTEM)
    second = backup.backup_to(path, usb, now=NOW, by=SYSTEM)
    assert first.name == "pbc-manual-20250615-183000.sqlite"
    assert second.name == "pbc-manual-20250615-183000-2.sqlite"
    assert org_names(second) == ["上底村党总支"]
    parsed = backup.parse_name(second)
    assert parsed is not None and parsed.serial == 2 and parsed.kind == backup.MANUAL


def test_two_copies_of_the_same_second_into_a_folder_are_both_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two copies into the same folder in the same second (two clerks' ``pbc backup --to``
    a stick) both chose ``pbc-manual-<time>.sqlite``, none there yet, and the second
    replaced the first: the second now takes the next name."""
    path = tmp_path / "pbc.sqlite"
    new_database(path, "上底村党总支").dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    both_copying_at_once(monkeypatch, usb)
    written: list[Path] = []

    def copy() -> None:
        written.append(backup.backup_to(path, usb, now=NOW, by=SYSTEM))

    copies = [threading.Thread(target=copy) for _ in range(2)]
    for each in copies:
        each.start()
    for each in copies:
        each.join(60)
    assert sorted(p.name for p in written) == [
        "pbc-manual-20250615-183000-2.sqlite",
        "pbc-manual-20250615-183000.sqlite",
    ]
    assert sorted(usb.iterdir()) == sorted(written)
    assert all(org_names(p) == ["上底村党总支"] for p in written)


def test_backup_of_a_missing_or_damaged_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到数据库文件"):
        backup.backup_to(tmp_path / "none.sqlite", tmp_path, by=SYSTEM)
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database" * 500)
    with pytest.raises(DatabaseDamagedError):
        backup.backup_to(bad, tmp_path / "copy.sqlite", by=SYSTEM)
    assert not (tmp_path / "copy.sqlite").exists()


def test_backup_of_a_database_on_a_write_protected_stick_is_a_sound_copy(tmp_path: Path) -> None:
    """A sound database on a read-only medium is copied, not called damaged (SQLite could
    not create the -shm its WAL mode needs) nor noted as damaged for its next open."""
    with small_disk(tmp_path / "usb", "8m") as usb:
        path = usb / "pbc.sqlite"
        new_database(path, "上底村党总支").dispose()
        read_only(usb)
        before = {p.name: p.read_bytes() for p in usb.iterdir() if p.is_file()}
        copy = backup.backup_to(path, tmp_path / "copy.sqlite", by=SYSTEM)
        assert {p.name: p.read_bytes() for p in usb.iterdir() if p.is_file()} == before
    assert org_names(copy) == ["上底村党总支"]
    assert integrity(copy) == "ok"


def test_backup_into_a_folder_that_is_gone_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    pulled_out = tmp_path / "U盘" / "备份"
    with pytest.raises(UserError, match="不存在"):
        backup.backup_to(path, pulled_out / "pbc.sqlite", by=SYSTEM)
    assert not (tmp_path / "U盘").exists()  # no folder made up in its place


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (UserRole.VILLAGE, {"organization_id": 1}),
        (UserRole.TOWN, {"town": "成田镇"}),
        (UserRole.VIEWER, {}),  # the inspector sees the district, not the full numbers
        (UserRole.VIEWER, {"town": "成田镇"}),
    ],
)
def test_only_a_district_administrator_takes_a_copy_away(
    tmp_path: Path, role: UserRole, scope: dict[str, object]
) -> None:
    """A copy is the whole file, every town's members with their full ID numbers: a village
    clerk's 备份到… carried them off on a stick, though the window shows them only their own
    organization's members, masked."""
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    clerk = Actor("li", "李书记", "甲村", role, user_id=7, **scope)  # type: ignore[arg-type]
    refusal = backup.copy_refusal(clerk)
    assert refusal is not None and "li" in refusal and "备份" in refusal
    with pytest.raises(PermissionDeniedError) as refused:
        backup.backup_to(path, usb, by=clerk)
    assert refused.value.message == refusal
    assert list(usb.iterdir()) == []
    admin = Actor("wang", "王主任", "区委组织部", UserRole.DISTRICT, user_id=1)
    assert backup.copy_refusal(admin) is None
    assert org_names(backup.backup_to(path, usb, by=admin)) == ["甲"]


def test_backup_onto_the_database_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    with pytest.raises(UserError, match="自己"):
        backup.backup_to(path, path, by=SYSTEM)
    assert org_names(path) == ["甲"]


# -- automatic copies and their retention -----------------------------------------------
def auto(when: datetime, serial: int = 1) -> BackupFile:
    suffix = "" if serial == 1 else f"-{serial}"
    name = f"pbc-auto-{when:%Y%m%d-%H%M%S}{suffix}.sqlite"
    return BackupFile(Path(name), "pbc", AUTO, when, serial)


def test_retention_keeps_ten_days_and_twelve_months() -> None:
    start = datetime(2023, 1, 1, 9, 0)
    backups = [
        auto(start + timedelta(days=d, hours=h))
        for d in range(0, 900, 3)  # every third day for two and a half years
        for h in (0, 8)  # twice on each of those days
    ]
    keep = backup.retained(backups)
    newest_first = sorted(backups, key=lambda b: b.written_at, reverse=True)
    days: dict[date, Path] = {}
    months: dict[str, Path] = {}
    for b in newest_first:
        days.setdefault(b.written_at.date(), b.path)
        months.setdefault(b.written_at.strftime("%Y-%m"), b.path)
    expected = set(list(days.values())[:10]) | set(list(months.values())[:12])
    assert keep == expected
    assert 10 < len(keep) < 22  # the newest daily ones are also their month's newest
    assert newest_first[0].path in keep
    assert newest_first[1].path not in keep  # earlier on the same day
    assert all(b.written_at.hour == 17 for b in backups if b.path in keep)


def test_retention_counts_days_that_have_a_backup() -> None:
    # Away for a month: the ten days kept are the last ten with a backup, not calendar days.
    backups = [auto(datetime(2025, 3, d, 17)) for d in range(1, 21)]
    backups.append(auto(datetime(2025, 4, 25, 17)))
    keep = backup.retained(backups)
    kept_days = sorted(b.written_at.day for b in backups if b.path in keep)
    assert kept_days == [12, 13, 14, 15, 16, 17, 18, 19, 20, 25]


def test_retention_prefers_the_later_copy_of_the_same_second() -> None:
    first, second = auto(NOW), auto(NOW, serial=2)
    assert backup.retained([second, first]) == {second.path}


def test_automatic_backups_are_pruned_but_other_copies_kept(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "上底村党总支")
    db.dispose()
    upgrade_copy = backup_copy(path, folder, "before-upgrade-0000")
    other_db = folder / "demo-auto-20200101-120000.sqlite"
    other_db.write_bytes(upgrade_copy.read_bytes())
    restore_copy = backup_restore.keep_current(path, folder, now=datetime(2020, 1, 1))
    made = [
        backup.automatic_backup(path, folder, now=NOW - timedelta(days=d), only_if_changed=False)
        for d in range(40, -1, -1)
    ]
    remaining = {p.name for p in folder.iterdir()}
    assert upgrade_copy.name in remaining and restore_copy.name in remaining
    assert other_db.name in remaining  # another database's copies are not this one's
    autos = [b for b in backup.list_backups(path, folder) if b.kind == AUTO]
    # the last ten days, and the newest of May (June's newest is among the ten)
    expected = [(NOW - timedelta(days=d)).date() for d in range(10)] + [date(2025, 5, 31)]
    assert [b.written_at.date() for b in autos] == expected
    assert made[-1] is not None and made[-1].exists()


def test_another_places_database_of_the_same_name_keeps_its_copies_apart(
    tmp_path: Path, folder: Path
) -> None:
    office = tmp_path / "pbc.sqlite"  # beside the backups folder, as in the data folder
    new_database(office, "本单位党支部").dispose()
    usb = tmp_path / "U盘" / "pbc.sqlite"  # another office's database, the same name
    usb.parent.mkdir()
    new_database(usb, "别处的党支部").dispose()
    own = backup.automatic_backup(office, folder, now=NOW, only_if_changed=False)
    theirs = backup.automatic_backup(usb, folder, now=NOW, only_if_changed=False)
    assert own is not None and theirs is not None
    assert own.name == "pbc-auto-20250615-183000.sqlite"
    assert theirs.name.startswith("pbc-") and theirs.name != own.name
    assert own.exists()  # not pruned as an older copy of the same database
    assert [b.path for b in backup.list_backups(office, folder)] == [own]
    assert [b.path for b in backup.list_backups(usb, folder)] == [theirs]
    good = backup.newest_good_backup(office, folder)
    assert good is not None and org_names(good.path) == ["本单位党支部"]


def test_automatic_backup_only_when_changed(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "甲")
    db.dispose()
    set_mtime(path, NOW - timedelta(hours=3))
    first = backup.automatic_backup(path, folder, now=NOW - timedelta(hours=2))
    assert first is not None and first.exists()
    assert backup.automatic_backup(path, folder, now=NOW) is None  # nothing changed since
    db = open_database(sqlite_url(path))
    add_orgs(db, "乙")
    db.dispose()
    second = backup.automatic_backup(path, folder)
    assert second is not None and org_names(second) == ["乙", "甲"]
    assert backup.automatic_backup(tmp_path / "none.sqlite", folder) is None


def test_closing_the_database_after_its_backup_is_no_change(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "甲")
    add_orgs(db, "乙")  # still in the WAL: the last connection folds it in as it closes
    first = backup.automatic_backup(path, folder)
    assert first is not None and org_names(first) == ["乙", "甲"]
    db.dispose()
    assert backup.automatic_backup(path, folder) is None
    assert not backup.backup_due(path, folder, now=datetime.now() + timedelta(days=2))
    db = open_database(sqlite_url(path))
    add_orgs(db, "丙")  # a write after the copy, in the same second: a change
    assert backup.backup_due(path, folder, now=datetime.now() + timedelta(days=2))
    db.dispose()


def test_backup_due_once_a_day_after_a_change(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    assert backup.backup_due(path, folder, now=NOW)  # never backed up
    set_mtime(path, NOW - timedelta(days=3))
    backup.automatic_backup(path, folder, now=NOW - timedelta(days=2))
    assert not backup.backup_due(path, folder, now=NOW)  # unchanged for two days
    set_mtime(path, NOW - timedelta(hours=1))
    assert backup.backup_due(path, folder, now=NOW)
    backup.automatic_backup(path, folder, now=NOW - timedelta(minutes=30))
    assert not backup.backup_due(path, folder, now=NOW)  # less than a day ago
    assert not backup.backup_due(tmp_path / "none.sqlite", folder, now=NOW)


def test_a_clock_set_back_still_gets_copies_that_are_kept(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    set_mtime(path, NOW - timedelta(hours=3))
    future = backup.automatic_backup(path, folder, now=NOW)
    for months in range(1, 14):  # a year of history, all "after" the wrong clock below
        backup.automatic_backup(
            path, folder, now=NOW - timedelta(days=30 * months), only_if_changed=False
        )
    behind = NOW - timedelta(days=500)  # the CMOS battery went flat
    set_mtime(path, behind - timedelta(hours=1))
    assert backup.backup_due(path, folder, now=behind)
    copy = backup.automatic_backup(path, folder, now=behind)
    assert copy is not None and copy.exists()  # made, and not pruned as too old
    assert future is not None and future.exists()
    assert not backup.backup_due(path, folder, now=behind + timedelta(hours=2))


def test_reading_is_no_change_but_a_write_in_the_wal_is(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    since = datetime.now() - timedelta(seconds=5)
    set_mtime(path, since - timedelta(hours=1))
    db = open_database(sqlite_url(path))
    assert names_in(db) == ["甲"]
    assert path.with_name("pbc.sqlite-wal").exists()
    assert not backup.changed_since(path, since)
    add_orgs(db, "乙")
    assert backup.changed_since(path, since)
    db.dispose()


def test_a_write_on_a_fat32_stick_just_after_a_copy_counts_as_a_change(tmp_path: Path) -> None:
    """FAT32 keeps a file's time to two seconds: a write just after the last automatic
    copy may carry a time just before it."""
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    since = datetime.now() - timedelta(minutes=5)
    whole = since.replace(microsecond=0)  # as FAT32 keeps it
    set_mtime(path, whole - timedelta(seconds=1))  # written after ``since``, on FAT32
    assert backup.changed_since(path, since)
    set_mtime(path, whole - timedelta(seconds=backup.COARSE_TIME_S + 1))
    assert not backup.changed_since(path, since)
    set_mtime(path, whole - timedelta(milliseconds=500))  # a time kept finely (NTFS)
    assert not backup.changed_since(path, since)


# -- inspecting -------------------------------------------------------------------------
def test_inspect_says_what_a_backup_holds(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "上底村党总支", "华西村党总支")
    town = OrgInput(
        "司马浦镇党委", OrgKind.COMMITTEE, OrgField.RURAL, OrgLevel.TOWN, town="司马浦镇"
    )
    create_organization(db, town)  # through the service: an audit entry
    db.dispose()
    copy = backup.automatic_backup(path, folder, now=NOW, only_if_changed=False)
    assert copy is not None
    before = copy.read_bytes()
    info = backup.inspect_backup(copy)
    counts = {c.label: c.count for c in info.counts}
    assert counts["党组织"] == 3 and counts["党建共同体"] == 0
    assert info.written_at == NOW
    assert info.last_change is not None and abs(info.last_change - datetime.now()) < timedelta(
        minutes=5
    )
    assert not info.needs_upgrade and info.size_bytes == len(before)
    assert copy.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [copy.name]  # no -wal, no -shm


def test_inspect_a_closed_wal_file_writes_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "copy.sqlite").write_bytes(path.read_bytes())  # a raw copy, still in WAL mode
    info = backup.inspect_backup(usb / "copy.sqlite")
    assert info.counts[0].count == 1
    assert [p.name for p in usb.iterdir()] == ["copy.sqlite"]


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", DatabaseDamagedError, "不是数据库"),
        (b"Dear comrades, this is a letter." * 100, DatabaseDamagedError, "不是数据库"),
    ],
)
def test_inspect_refuses_files_that_are_not_databases(
    tmp_path: Path, content: bytes, error: type[Exception], words: str
) -> None:
    path = tmp_path / "letter.sqlite"
    path.write_bytes(content)
    with pytest.raises(error, match=words):
        backup.inspect_backup(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a FIFO")
def test_inspect_refuses_a_fifo_as_no_regular_file(tmp_path: Path) -> None:
    """A FIFO given to restore exists: it was called a file that does not exist."""
    fifo = tmp_path / "备份.sqlite"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="不是普通文件"):
        backup.inspect_backup(fifo)


def test_a_backup_of_another_office_is_named_as_such(tmp_path: Path) -> None:
    """The own office a backup holds is read, so that restoring another office's database
    over this one is asked first (none, or the same office, is no question)."""
    ours = with_office(tmp_path / "ours.sqlite", "上底村党委", "上底村党总支")
    theirs = with_office(tmp_path / "theirs.sqlite", "下底村党委", "下底村党总支")
    plain = tmp_path / "plain.sqlite"
    new_database(plain, "别处的党支部").dispose()
    info = backup.inspect_backup(theirs)
    assert info.office is not None and info.office.name == "下底村党委"
    sentence = backup.other_office(ours, info)
    assert sentence is not None and "下底村党委" in sentence and "上底村党委" in sentence
    assert backup.other_office(ours, backup.inspect_backup(ours)) is None
    assert backup.other_office(ours, backup.inspect_backup(plain)) is None
    assert backup.other_office(plain, info) is None  # no office here yet
    assert backup.other_office(tmp_path / "gone.sqlite", info) is None


def test_inspect_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到文件"):
        backup.inspect_backup(tmp_path / "gone.sqlite")


def test_inspect_refuses_a_damaged_database(tmp_path: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    damage(path)
    with pytest.raises(DatabaseDamagedError, match="已损坏"):
        backup.inspect_backup(path)


def test_inspect_refuses_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE ledger (x INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="不是党建共同体工作台的数据库"):
        backup.inspect_backup(path)


def test_inspect_refuses_a_database_of_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    db = new_database(path, "甲")
    with db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = 'zz99_future'"))
    db.dispose()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        backup.inspect_backup(path)


def test_newest_good_backup_skips_damaged_copies(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    good = backup.automatic_backup(path, folder, now=NOW - timedelta(days=1))
    bad = backup.automatic_backup(path, folder, now=NOW, only_if_changed=False)
    assert good is not None and bad is not None
    damage(bad)
    (folder / "pbc-auto-20250615-190000.sqlite").write_bytes(b"half a copy")
    found = backup.newest_good_backup(path, folder)
    assert found is not None and found.path == good
    assert backup.newest_good_backup(tmp_path / "other.sqlite", folder) is None


# -- restoring --------------------------------------------------------------------------
def test_restore_keeps_a_copy_of_the_current_database(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "上底村党总支")
    copy = backup.backup_to(path, tmp_path / "usb.sqlite", by=SYSTEM)
    add_orgs(db, "后来新增的党支部")  # still in the WAL: the kept copy must include it
    steps: list[int] = []
    result = backup_restore.restore(path, copy, folder=folder, close=db, progress=steps.append)
    assert result.kept is not None and result.kept.parent == folder
    assert org_names(result.kept) == ["上底村党总支", "后来新增的党支部"]
    assert org_names(path) == ["上底村党总支"]
    assert not path.with_name("pbc.sqlite-wal").exists()
    assert steps[-1] == 100 and steps == sorted(steps)
    again = open_database(sqlite_url(path))
    assert names_in(again) == ["上底村党总支"]
    again.dispose()
    assert leftovers(tmp_path) == []


def test_a_restore_whose_new_file_a_scanner_holds_a_moment_on_windows_succeeds(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to rename a file an antivirus scan holds open: the restored copy,
    just written, is renamed onto the database once the scan lets go."""
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "上底村党总支")
    copy = backup.backup_to(path, tmp_path / "usb.sqlite", by=SYSTEM)
    add_orgs(db, "后来新增的党支部")
    real = Path.replace
    refused: list[Path] = []

    def scanned(self: Path, target: Path) -> Path:
        if target == path and len(refused) < 2:
            refused.append(self)
            raise PermissionError(13, "The process cannot access the file")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", scanned)
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    monkeypatch.setattr(files.sys, "platform", "win32")
    try:
        backup_restore.restore(path, copy, folder=folder, close=db)
    finally:
        monkeypatch.setattr(files.sys, "platform", "linux")
    assert len(refused) == 2
    assert org_names(path) == ["上底村党总支"]


def test_restore_over_a_damaged_database_keeps_the_damaged_file(
    tmp_path: Path, folder: Path
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    good = backup.automatic_backup(path, folder, now=NOW)
    assert good is not None
    damage(path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        open_database(sqlite_url(path))
    result = backup_restore.restore(path, good, folder=folder)
    assert result.kept is not None and result.kept.read_bytes() == damaged_bytes
    assert integrity(path) == "ok" and len(org_names(path)) == 500
    open_database(sqlite_url(path)).dispose()


def test_a_restore_that_could_not_then_be_opened_is_undone_by_putting_back_the_kept_copy(
    tmp_path: Path, folder: Path
) -> None:
    """The window could not open the file a restore put in place: the copy of the database
    as it was is put back (and stays in the backups folder); a copy that is gone is
    refused in a sentence, the restored file left in place."""
    path = tmp_path / "pbc.sqlite"
    db = new_database(path, "上底村党总支")
    copy = backup.backup_to(path, tmp_path / "usb.sqlite", by=SYSTEM)
    add_orgs(db, "后来新增的党支部")
    result = backup_restore.restore(path, copy, folder=folder, close=db)
    assert result.kept is not None and names_in(db) == ["上底村党总支"]
    backup_restore.put_back(path, result.kept, close=db)
    assert names_in(db) == ["上底村党总支", "后来新增的党支部"]
    assert org_names(result.kept) == ["上底村党总支", "后来新增的党支部"]
    db.dispose()
    assert leftovers(tmp_path) == []
    gone = folder / "pbc-before-restore-20200101-000000.sqlite"
    with pytest.raises(UserError, match="无法把原来的数据库放回"):
        backup_restore.put_back(path, gone)
    assert org_names(path) == ["上底村党总支", "后来新增的党支部"]
    assert leftovers(tmp_path) == []


def test_restore_into_a_new_place_keeps_nothing(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "甲").dispose()
    result = backup_restore.restore(tmp_path / "fresh.sqlite", path, folder=folder)
    assert result.kept is None and org_names(tmp_path / "fresh.sqlite") == ["甲"]


def test_a_refused_or_stopped_restore_leaves_the_database_alone(
    tmp_path: Path, folder: Path
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, *(f"党支部{i}" for i in range(500))).dispose()
    before = path.read_bytes()
    letter = tmp_path / "letter.sqlite"
    letter.write_bytes(b"not a backup" * 100)
    with pytest.raises(DatabaseDamagedError):
        backup_restore.restore(path, letter, folder=folder)
    with pytest.raises(UserError, match="当前的数据库"):
        backup_restore.restore(path, path, folder=folder)
    other = tmp_path / "other.sqlite"
    new_database(other, "乙").dispose()
    with pytest.raises(CopyStoppedError):
        backup_restore.restore(path, other, folder=folder, should_stop=lambda: True)
    assert path.read_bytes() == before
    assert not folder.exists()
    assert leftovers(tmp_path) == []


def test_a_backup_changed_since_it_was_described_is_refused_and_nothing_restored(
    tmp_path: Path, folder: Path
) -> None:
    """What a backup holds is shown, then the clerk confirms: a file replaced meanwhile
    (another copy saved under the same name on the stick) was restored unseen. The restore
    is given the fingerprint of the file described and refuses another."""
    path = tmp_path / "pbc.sqlite"
    new_database(path, "上底村党总支").dispose()
    before = path.read_bytes()
    usb = tmp_path / "usb.sqlite"
    new_database(usb, "别处的党支部").dispose()
    shown = backup.inspect_backup(usb)
    assert shown.fingerprint == backup.fingerprint_of(usb) and len(shown.fingerprint) == 49
    other = tmp_path / "other.sqlite"
    new_database(other, "又一个党支部").dispose()
    other.replace(usb)
    with pytest.raises(UserError) as caught:
        backup_restore.restore(path, usb, folder=folder, described=shown.fingerprint)
    assert caught.value.message.startswith(
        f"备份文件“{usb}”在显示其内容之后被改动或替换了，没有恢复。"
    )
    assert path.read_bytes() == before and not folder.exists()
    assert leftovers(tmp_path) == []
    again = backup.inspect_backup(usb)  # looked at again: restored
    backup_restore.restore(path, usb, folder=folder, described=again.fingerprint)
    assert org_names(path) == ["又一个党支部"]


def test_a_backup_changed_while_it_is_copied_is_refused(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "上底村党总支").dispose()
    before = path.read_bytes()
    usb = tmp_path / "usb.sqlite"
    new_database(usb, "别处的党支部").dispose()
    shown = backup.inspect_backup(usb)
    real_copy = backup_restore._copy

    def copy_then_change(source: Path, dest: Path, **kwargs: Any) -> None:
        real_copy(source, dest, **kwargs)
        if source == usb:  # another program wrote to the file while it was read
            conn = sqlite3.connect(usb)
            with conn:
                conn.execute("UPDATE organization SET name = '改过的党支部'")
            conn.close()

    monkeypatch.setattr(backup_restore, "_copy", copy_then_change)
    with pytest.raises(UserError, match="在显示其内容之后被改动或替换了"):
        backup_restore.restore(path, usb, folder=folder, described=shown.fingerprint)
    assert path.read_bytes() == before and not folder.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema_*.sqlite")), ids=lambda p: p.stem)
def test_restoring_a_released_schema_gives_the_current_one(
    fixture: Path, tmp_path: Path, folder: Path
) -> None:
    path = tmp_path / "pbc.sqlite"
    new_database(path, "今天的党支部").dispose()
    names = org_names(fixture)
    result = backup_restore.restore(path, fixture, folder=folder)
    db = open_database(sqlite_url(path))  # no further upgrade needed, no error
    assert names_in(db) == names
    db.dispose()
    assert result.kept is not None and org_names(result.kept) == ["今天的党支部"]


def test_restoring_an_older_schema_upgrades_it(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only one schema is released so far: pretend the backup's revision is an older one.
    path = tmp_path / "pbc.sqlite"
    new_database(path, "今天的党支部").dispose()
    old = tmp_path / "old.sqlite"
    new_database(old, "去年的党支部").dispose()
    upgraded: list[Path] = []
    real_open = open_database

    def spy(url: str, **kwargs: object) -> object:
        db = real_open(url, **kwargs)  # type: ignore[arg-type]
        upgraded.append(Path(db.path or ""))
        return db

    monkeypatch.setattr(backup, "head_revision", lambda: "9999_next")
    monkeypatch.setattr("pbc_desktop.services.backup.open_database", spy)
    info = backup.inspect_backup(old)
    assert info.needs_upgrade and info.counts[0].count == 1
    result = backup_restore.restore(path, old, folder=folder)
    assert result.upgraded
    assert len(upgraded) == 2 and upgraded[1].parent == tmp_path  # beside the database
    assert org_names(path) == ["去年的党支部"]
    assert leftovers(tmp_path) == []
