"""Output files are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import errno
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfdoc

from pbc_desktop import cli, files, lang, paths
from pbc_desktop.db.engine import Database
from pbc_desktop.errors import UserError, os_reason
from pbc_desktop.files import FAT32_LARGEST, atomic_output, write_error
from tests.conftest import db_arg
from tests.report_factories import make_joint_meeting


def test_success_replaces_the_target_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out" / "纪要.pdf"
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["纪要.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _write_half_then_fail(target: Path) -> None:
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("layout failed")


def test_a_failure_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        _write_half_then_fail(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="是一个文件夹"), atomic_output(tmp_path):
        pass


def test_a_file_held_open_elsewhere_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a PDF open in a reader cannot be replaced: the rename is refused."""

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    target = tmp_path / "report.pdf"
    with pytest.raises(UserError, match="正被其他程序"), atomic_output(target) as tmp:
        tmp.write_bytes(b"new")
    assert not target.exists()


class _FullDisk(io.RawIOBase):
    """A file on a disk that fills up: the first bytes are written, then ENOSPC."""

    def __init__(self, path: str, room: int = 100) -> None:
        self._file = Path(path).open("wb")  # noqa: SIM115 - closed in close()
        self._room = room

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = bytes(data)[: self._room]
        self._file.write(chunk)
        self._room -= len(chunk)
        if len(chunk) < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return len(chunk)

    def close(self) -> None:
        self._file.close()
        super().close()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "磁盘已满"),
        (getattr(errno, "EDQUOT", errno.ENOSPC), "磁盘已满"),
        (errno.EROFS, "只读"),
        (errno.EIO, "无法写入"),
    ],
)
def test_an_error_while_writing_is_a_sentence_and_leaves_no_part(
    tmp_path: Path, code: int, words: str
) -> None:
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def write_half() -> None:
        with atomic_output(target) as tmp:
            tmp.write_bytes(b"half")
            raise OSError(code, os.strerror(code))

    with pytest.raises(UserError, match=words) as caught:
        write_half()
    assert str(target) in caught.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]


def test_a_full_disk_while_writing_a_report_is_one_sentence_on_the_command_line(
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``pbc report minutes`` on a disk that fills while ReportLab writes the PDF."""
    meeting = make_joint_meeting(db)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "纪要.pdf"
    target.write_bytes(b"%PDF-old")

    def full_disk_open(path: str, mode: str = "r", *args: object, **kwargs: object) -> object:
        assert mode == "wb"
        return _FullDisk(path)

    monkeypatch.setattr(pdfdoc, "open", full_disk_open, raising=False)
    code = cli.main(
        [
            "report",
            "minutes",
            "--db",
            db_arg(db),
            "--activity",
            str(meeting.activity_id),
            "-o",
            str(target),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "磁盘已满" in err
    assert str(target) in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in folder.iterdir()] == ["纪要.pdf"]


@pytest.mark.parametrize(
    ("error", "zh", "en"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "不存在", "no such file"),
        (PermissionError(errno.EACCES, "Permission denied"), "没有权限", "no permission"),
        (PermissionError("no code"), "没有权限", "no permission"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘已满", "disk is full"),
        (OSError(errno.EPIPE, "Broken pipe"), "Broken pipe", "Broken pipe"),
    ],
)
def test_a_system_error_is_phrased_in_the_users_language(error: OSError, zh: str, en: str) -> None:
    assert zh in os_reason(error)
    lang.set_language("en")
    assert en in os_reason(error)


# -- a USB stick formatted FAT32 holds no file of 4 GB or more ------------------------------


def _fails_at_4_gb(target: Path, exc: OSError) -> UserError:
    target.parent.mkdir()
    target.write_bytes(b"old")

    def write_4_gb() -> None:
        with atomic_output(target) as tmp:
            with tmp.open("r+b") as f:
                f.truncate(FAT32_LARGEST - 1000)  # sparse: takes no room here
            raise exc

    with pytest.raises(UserError) as caught:
        write_4_gb()
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no part left
    return caught.value


def test_a_package_reaching_4_gb_on_a_fat32_stick_says_so(tmp_path: Path) -> None:
    """Windows says "disk full" when a file on a FAT32 stick reaches 4 GB, with gigabytes
    free: the clerk would delete files for nothing."""
    refused = _fails_at_4_gb(tmp_path / "stick" / "交换包.pbcx", OSError(errno.ENOSPC, "disk full"))
    assert "4 GB" in refused.message and "FAT32" in refused.message
    assert "磁盘已满" not in refused.message


@pytest.mark.parametrize("winerror", [None, 223])
def test_file_too_large_says_the_drive_s_limit(tmp_path: Path, winerror: int | None) -> None:
    exc = OSError(errno.EFBIG if winerror is None else errno.EINVAL, "File too large")
    if winerror is not None:
        exc.winerror = winerror  # type: ignore[attr-defined]  # as Windows gives it
    refused = _fails_at_4_gb(tmp_path / "stick" / "backup.sqlite", exc)
    assert "4 GB" in refused.message


def test_a_full_stick_is_still_full_when_the_file_is_small_or_no_room_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    full = OSError(errno.ENOSPC, "No space left on device")
    assert "磁盘已满" in write_error(target, full, size=1_000_000).message
    no_room = shutil._ntuple_diskusage(8 * 1024**3, 8 * 1024**3, 0)  # type: ignore[attr-defined]
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: no_room)
    assert "磁盘已满" in write_error(target, full, size=FAT32_LARGEST - 1000).message


def test_a_package_written_past_4_gb_names_the_limit(tmp_path: Path) -> None:
    from pbc_desktop.services.exchange.package_writer import _Out

    class Stick(io.BytesIO):
        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "There is not enough space on the disk")

        def tell(self) -> int:
            return FAT32_LARGEST - 5000

    out = _Out(Stick(), tmp_path / "交换包.pbcx")
    with pytest.raises(UserError, match="4 GB"):
        out.write(b"x" * 65536)


# -- Windows: a file just written is held a moment by a scanner ------------------------------


def _held(monkeypatch: pytest.MonkeyPatch, times: int) -> list[Path]:
    """``Path.replace`` refused ``times`` times as Windows refuses it while an antivirus
    scan holds the new file (then it succeeds); the tries are listed."""
    tries: list[Path] = []
    real = Path.replace

    def replace(self: Path, target: Path) -> Path:
        tries.append(self)
        if len(tries) <= times:
            raise PermissionError(13, "The process cannot access the file")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    monkeypatch.setattr(files.time, "sleep", lambda _s: None)
    return tries


def test_a_new_file_held_by_a_scanner_for_a_moment_is_renamed_all_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "考核报告.pdf"
    tries = _held(monkeypatch, 3)
    monkeypatch.setattr(sys, "platform", "win32")
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF")
    monkeypatch.setattr(sys, "platform", "linux")
    assert target.read_bytes() == b"%PDF" and len(tries) == 4
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_file_held_open_in_excel_is_a_sentence_after_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "党员名册.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"open in Excel")
    tries = _held(monkeypatch, 1000)

    def write() -> None:
        with atomic_output(target) as tmp:
            tmp.write_bytes(b"new")

    monkeypatch.setattr(sys, "platform", "win32")
    try:
        with pytest.raises(UserError, match="Excel"):
            write()
    finally:
        monkeypatch.setattr(sys, "platform", "linux")
    assert len(tries) == len(files.HELD_FILE_PAUSES_S) + 1
    assert target.read_bytes() == b"open in Excel"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_elsewhere_a_refused_rename_is_not_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries = _held(monkeypatch, 1000)
    with pytest.raises(UserError), atomic_output(tmp_path / "report.pdf") as tmp:
        tmp.write_bytes(b"x")
    assert len(tries) == 1


# -- Windows: a USB stick's write-protect switch --------------------------------------------


def _write_protected() -> PermissionError:
    """What Python raises on Windows for ERROR_WRITE_PROTECT: EACCES, winerror 19."""
    exc = PermissionError(errno.EACCES, "The media is write protected")
    exc.winerror = 19  # type: ignore[attr-defined]
    return exc


def test_a_write_protected_stick_on_windows_is_said_read_only(tmp_path: Path) -> None:
    target = tmp_path / "stick" / "党员名册.xlsx"
    target.parent.mkdir()

    def write() -> None:
        with atomic_output(target):
            raise _write_protected()

    with pytest.raises(UserError, match="只读") as refused:
        write()
    assert "权限" not in refused.value.message
    assert list(target.parent.iterdir()) == []
    assert os_reason(_write_protected()) == "磁盘是只读的"


def test_a_backup_to_a_write_protected_stick_on_windows_names_the_switch(tmp_path: Path) -> None:
    from pbc_desktop.services.backup import cannot_write

    refused = cannot_write(tmp_path / "U盘" / "pbc-backup.sqlite", _write_protected())
    assert "写保护" in refused.message and "管理员" not in refused.message


@pytest.mark.parametrize("name", ["CON.pdf", "nul", "com1.xlsx", "LPT1 .pbcx", "aux.2026.pdf"])
def test_a_device_name_given_on_windows_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """``pbc … -o CON.pdf`` on Windows would write the PDF to the console."""
    monkeypatch.setattr(files, "_on_windows", lambda: True)
    with pytest.raises(UserError, match="设备"), atomic_output(tmp_path / name):
        pytest.fail("nothing may be written")
    assert not list(tmp_path.glob("*.part"))
    monkeypatch.setattr(files, "_on_windows", lambda: False)
    with atomic_output(tmp_path / name) as tmp:  # an ordinary name elsewhere
        tmp.write_bytes(b"x")


def test_the_file_reaches_the_drive_before_it_takes_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A USB stick keeps written data back: a stick found full or failing only then (a
    delayed write) must fail the save while the file is still the temporary one."""
    target = tmp_path / "stick" / "交换包.pbcx"
    target.parent.mkdir()
    target.write_bytes(b"old")
    done: list[str] = []
    real_fsync, real_replace = os.fsync, Path.replace

    def fsync(fd: int) -> None:
        done.append("flushed")
        real_fsync(fd)

    def replace(self: Path, dest: Path) -> Path:
        done.append("renamed")
        return real_replace(self, dest)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(Path, "replace", replace)
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"new")
    assert done == ["flushed", "renamed"] and target.read_bytes() == b"new"

    def delayed_write_failed(_fd: int) -> None:
        raise OSError(errno.EIO, "Delayed Write Failed")

    monkeypatch.setattr(os, "fsync", delayed_write_failed)
    with pytest.raises(UserError, match="无法写入") as refused, atomic_output(target) as tmp:
        tmp.write_bytes(b"newer")
    assert "拔出" in refused.value.message or "读写出错" in refused.value.message
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_a_path_beyond_windows_max_path_is_said_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows says "no such file" for a path of more than 260 characters."""
    deep = tmp_path / ("很深的文件夹" * 10) / ("党员名册" * 30 + ".xlsx")
    monkeypatch.setattr(files, "_on_windows", lambda: True)
    not_found = FileNotFoundError(errno.ENOENT, "The system cannot find the path specified")
    assert "太长" in write_error(deep, not_found).message
    short = tmp_path / "名册.xlsx"
    assert "太长" not in write_error(short, not_found).message
    monkeypatch.setattr(files, "_on_windows", lambda: False)
    assert "太长" not in write_error(deep, not_found).message
    too_long = OSError(errno.ENAMETOOLONG, "File name too long")
    assert "太长" in write_error(short, too_long).message


def test_what_a_killed_export_left_is_cleared_by_the_next_file_written_there(
    tmp_path: Path,
) -> None:
    """A program killed while it wrote a roster or a package (Task Manager, a power cut)
    left its hidden part file beside the target, full of ID numbers and phones, on a USB
    stick that goes from office to office. The next file written in that folder deletes
    it; a part file another program is writing still (this one's) is left alone."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    target = stick / "党员名册.xlsx"
    killed = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from pbc_desktop.files import atomic_output\n"
        "with atomic_output(Path(sys.argv[1])) as tmp:\n"
        "    tmp.write_bytes(b'440514199001011234 13812345678')\n"
        "    os._exit(9)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    done = subprocess.run([sys.executable, "-c", killed, str(target)], env=env, check=False)
    assert done.returncode == 9
    (left,) = stick.iterdir()
    assert left.name.startswith(".") and not target.exists()
    writing = files.part_path(stick / "统计表.pdf")  # this process is writing it
    writing.write_bytes(b"%PDF-")
    with atomic_output(stick / "数据移交单.pdf") as tmp:
        tmp.write_bytes(b"%PDF-1.4")
    assert sorted(p.name for p in stick.iterdir()) == sorted(["数据移交单.pdf", writing.name])


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_another_computers_part_file_in_a_shared_folder_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a network folder, another PC's part file names a process this PC cannot see (it
    looks ended): it is being written there, and is not deleted. This computer's part
    file whose process ended is."""
    share = tmp_path / "共享"
    share.mkdir()
    gone = dead_pid()
    with monkeypatch.context() as m:
        m.setattr(os, "getpid", lambda: gone)
        ours = files.part_path(share / "名册.xlsx")
        m.setattr(socket, "gethostname", lambda: "OFFICE-PC-2")
        theirs = files.part_path(share / "统计表.xlsx")
    for path in (ours, theirs):
        path.write_bytes(b"440514199001011234")
    with atomic_output(share / "数据移交单.pdf") as tmp:
        tmp.write_bytes(b"%PDF-1.4")
    assert theirs.exists() and not ours.exists()


def test_other_programs_hidden_part_files_are_left_in_the_users_folders(
    tmp_path: Path,
) -> None:
    """A day-old hidden ``.<x>-<8 hex>.part`` (as this program's used to be named, and
    another program's may be) is deleted only in the program's own folders."""
    folder = tmp_path / "文档"
    folder.mkdir()
    other = folder / ".draft-0123abcd.part"
    other.write_bytes(b"someone else's")
    old = other.stat().st_mtime - 2 * 24 * 3600
    os.utime(other, (old, old))
    with atomic_output(folder / "名册.xlsx") as tmp:
        tmp.write_bytes(b"PK")
    assert other.exists()
    assert files.remove_leftovers(folder) == [other]  # in the data or backups folder


def test_a_day_old_sidecar_without_its_copy_is_deleted_in_the_backups_folder_alone(
    tmp_path: Path, data_dir: Path
) -> None:
    """Older versions copied into the backups folder in place: a copy killed left its
    ``-wal``, ``-shm`` or ``-journal`` without it, kept for ever. Deleted there once a day
    old (a copy may be being written now); one whose database is beside it, and any in the
    live database's folder or a folder of the user's, are left alone."""
    backups = paths.backups_dir()
    day_old = time.time() - 25 * 3600

    def sidecar(folder: Path, name: str, *, old: bool = True) -> Path:
        path = folder / name
        path.write_bytes(b"440514199001011234")
        if old:
            os.utime(path, (day_old, day_old))
        return path

    killed = "pbc-auto-20260101-120000.sqlite"
    orphans = [sidecar(backups, killed + suffix) for suffix in files.SQLITE_SIDECARS]
    (backups / "pbc-auto-20260102-120000.sqlite").write_bytes(b"SQLite format 3\x00")
    beside = sidecar(backups, "pbc-auto-20260102-120000.sqlite-wal")
    fresh = sidecar(backups, "pbc-auto-20260103-120000.sqlite-journal", old=False)
    live = sidecar(data_dir, "pbc.sqlite-wal")  # the live database's folder: never
    users = tmp_path / "文档"
    users.mkdir()
    theirs = sidecar(users, "名册.sqlite-wal")
    assert files.remove_leftovers(users) == []
    assert files.remove_leftovers(users, user_folder=True) == []
    assert files.remove_leftovers(backups, user_folder=True) == []
    assert sorted(files.remove_leftovers(backups, data_dir)) == sorted(orphans)
    assert [p.exists() for p in (beside, fresh, live, theirs)] == [True] * 4
    # a database kept in the backups folder itself: its folder is the live one's
    again = sidecar(backups, f"{killed}-wal")
    assert files.remove_leftovers(backups, backups) == []
    assert again.exists()


def test_the_temporary_name_is_no_longer_than_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path that Windows took before (its temporary file named ``.<stem>-<8 hex>.part``,
    259 characters) is still not refused as too long."""
    target = tmp_path / "x.xlsx"
    before = len(str(target.with_name(f".{target.stem}-0123abcd.part")))
    target = tmp_path / ("名" * (files.MAX_PATH - 1 - before + 1) + ".xlsx")
    assert len(str(target.with_name(f".{target.stem}-0123abcd.part"))) == files.MAX_PATH - 1
    assert len(str(files.part_path(target))) <= files.MAX_PATH - 1
    monkeypatch.setattr(files, "_on_windows", lambda: True)
    not_found = FileNotFoundError(errno.ENOENT, "The system cannot find the path specified")
    assert "太长" not in write_error(target, not_found).message
    longer = target.with_name("名" + target.name)
    assert "太长" in write_error(longer, not_found).message


@pytest.mark.parametrize("hard_links", [True, False])
def test_place_new_never_replaces_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hard_links: bool
) -> None:
    """A part file takes its name only if no file has it (a copy another program finished
    meanwhile stays), also on a drive without hard links (a FAT32 stick)."""
    if not hard_links:

        def no_link(_src: object, _dest: object) -> None:
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(files.os, "link", no_link)
    dest = tmp_path / "copy.sqlite"
    first, second = tmp_path / ".first.part", tmp_path / ".second.part"
    first.write_bytes(b"first")
    second.write_bytes(b"second")
    files.place_new(first, dest)
    with pytest.raises(FileExistsError):
        files.place_new(second, dest)
    assert dest.read_bytes() == b"first" and not first.exists()
    assert second.read_bytes() == b"second"
