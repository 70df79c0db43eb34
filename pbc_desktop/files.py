"""Writing an output file (PDF, workbook) so that a failure never leaves half a file, and
clearing away the temporary files a killed run left."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import itertools
import logging
import os
import re
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, BinaryIO

from pbc_desktop.errors import UserError, os_errno, os_reason
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from openpyxl import Workbook

log = logging.getLogger(__name__)

#: How every SQLite database file starts.
SQLITE_HEADER = b"SQLite format 3\x00"
#: The files SQLite keeps beside a database, by suffix.
SQLITE_SIDECARS = ("-journal", "-wal", "-shm")
#: Those, the program's file lock (``db/lock.py``) and its note of the file last checked
#: (``db/checked_stamp.py``).
_COMPANIONS = (*SQLITE_SIDECARS, "-lock", "-checked")


# Characters no Windows file name may hold (``/`` and ``\\`` would start a folder).
_NOT_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
# Names Windows keeps for devices, whatever the extension: ``CON.pdf`` is the console.
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
#: The longest file name proposed, in characters: Windows takes 255 in a name and, for
#: most programs, 260 in the whole path; a Documents folder under a long user name and
#: OneDrive takes some 60 of them.
LONGEST_FILE_NAME = 120


def _is_device_name(name: str) -> bool:
    """Whether Windows takes ``name`` for a device: ``CON``, ``nul.txt``, ``COM1 .pdf``."""
    return name.split(".", maxsplit=1)[0].rstrip(" ").upper() in _DEVICE_NAMES


def safe_file_name(name: str) -> str:
    """``name`` (made from a community's, an organization's or a person's name) as a file
    name Windows takes: characters it refuses become ``_`` (a title ``2026/007`` would
    otherwise name a folder), trailing dots and spaces, which Windows drops, are dropped
    before the extension too, a device name (``CON``, ``NUL``, ``COM1``…) gets a ``_``,
    and a name longer than :data:`LONGEST_FILE_NAME` is cut before its extension."""
    cleaned = _NOT_IN_FILE_NAMES.sub("_", name).strip(" ")
    stem, dot, suffix = cleaned.rpartition(".")
    if not (dot and stem and 0 < len(suffix) <= 8 and " " not in suffix):
        stem, suffix = cleaned, ""
    if _is_device_name(stem):
        stem = f"_{stem}"
    stem = stem[: max(1, LONGEST_FILE_NAME - len(suffix) - 1)].rstrip(" .") or "_"
    return f"{stem}.{suffix}" if suffix else stem


def file_uri(path: PurePath) -> str:
    """The ``file:`` URI SQLite opens ``path`` by (``sqlite3.connect(uri, uri=True)``): any
    character survives, percent-encoded. A Windows network path ``\\\\server\\share\\…``,
    which ``as_uri`` renders ``file://server/share/…``, gets an empty authority
    (``file:////server/share/…``): SQLite refuses any other ("invalid uri authority")."""
    uri = path.as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        return "file:////" + uri.removeprefix("file://")
    return uri


_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_part_numbers = itertools.count()


def _base36(n: int, width: int) -> str:
    digits = ""
    while n or len(digits) < width:
        n, d = divmod(n, 36)
        digits = _BASE36[d] + digits
    return digits


def host_tag() -> str:
    """Three characters for this computer (of a hash of its name) that the part files it
    writes carry, so that one written by another computer into a shared folder, whose
    process cannot be looked at from here, is never taken for one a kill left here."""
    name = socket.gethostname().casefold().encode("utf-8", "replace")
    return _base36(int.from_bytes(hashlib.blake2s(name, digest_size=4).digest()) % 36**3, 3)


def part_path(dest: Path) -> Path:
    """The temporary name a file (an export, a database copy, the note of a checked
    database) is written under before it is renamed onto ``dest``: hidden, and naming this
    computer and process, so that :func:`remove_leftovers` tells one being written from
    one left by a kill.

    ``.<stem>~<token>.part``: the token's 8 characters are this computer's
    :func:`host_tag`, the process id in base 36 (4 characters up to 1 679 615) and a
    number of this process's. As long as the name the 8 random digits gave before, so
    that a path near Windows' MAX_PATH that could be saved still can.
    """
    token = host_tag() + _base36(os.getpid(), 4) + _BASE36[next(_part_numbers) % 36]
    return dest.with_name(f".{dest.stem}~{token}.part")


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

    def process_alive(pid: int) -> bool:
        """Whether the process ``pid`` still runs."""
        process_query_limited_information = 0x1000
        still_active = 259
        handle = _kernel32.OpenProcess(process_query_limited_information, False, pid)
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        try:
            code = wintypes.DWORD()
            if not _kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return bool(code.value == still_active)
        finally:
            _kernel32.CloseHandle(handle)

else:

    def process_alive(pid: int) -> bool:
        """Whether the process ``pid`` still runs."""
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # another user's process
        return True


#: A part file of :func:`part_path` (and the journal SQLite keeps beside one).
_PART = re.compile(
    r"^\..*~(?P<host>[0-9a-z]{3})(?P<pid>[0-9a-z]{4,})[0-9a-z]\.part(?:-journal|-wal|-shm)?$"
)
#: The names copies and restore work files had before (with a process id since
#: 2026-12-04, without one before), in the program's own folders only.
_LEFTOVER = re.compile(
    r"^\..+?[.-](?:(?P<pid>\d+)-)?[0-9a-f]{8}(?:\.part|\.sqlite)(?:-journal|-wal|-shm)?$"
)
_OLD_LEFTOVER_SECONDS = 24 * 3600  # a copy whose process cannot be looked at from here


def _is_leftover(entry: Path, *, user_folder: bool, host: str, now: float) -> bool:
    """Whether ``entry`` is a temporary copy a killed run left (see :func:`remove_leftovers`)."""
    part = _PART.match(entry.name)
    if part is not None and part["host"] == host:
        return not process_alive(int(part["pid"], 36))
    if user_folder:
        return False  # another computer's, or another program's: not ours to judge
    if part is None:
        old = _LEFTOVER.match(entry.name)
        if old is None or not (".part" in entry.name or ".restore-" in entry.name):
            return False
        if old["pid"] is not None:
            return not process_alive(int(old["pid"]))
    # another computer's (a data folder on a share), or named without a process id
    return now - entry.stat().st_mtime >= _OLD_LEFTOVER_SECONDS


def _orphan_sidecar(entry: Path, now: float) -> bool:
    """Whether ``entry`` is a ``-journal``, ``-wal`` or ``-shm`` whose database is not
    beside it (older versions copied in place: a copy killed left them), a day old (a
    copy may be being written now)."""
    name = entry.name
    main = next(
        (name[: -len(s)] for s in SQLITE_SIDECARS if name.endswith(s) and len(name) > len(s)),
        None,
    )
    if main is None or os.path.lexists(entry.with_name(main)) or not entry.is_file():
        return False
    return now - entry.stat().st_mtime >= _OLD_LEFTOVER_SECONDS


def _own_backups_folder(folders: list[Path]) -> Path | None:
    """The program's own backups folder (:func:`paths.backups_dir`) when it is one of
    ``folders`` and none of the others (the data folder holding the live database)."""
    if not any(folder.name == "backups" for folder in folders):
        return None  # not looked up: the lookup makes the data folder
    from pbc_desktop import paths

    try:
        own = paths.backups_dir().resolve()
        places = [folder.resolve() for folder in folders]
    except OSError:
        return None
    if places.count(own) != 1:
        return None
    return folders[places.index(own)]


def remove_leftovers(*folders: Path | None, user_folder: bool = False) -> list[Path]:
    """Delete the temporary copies that a killed backup, restore, upgrade or export left in
    ``folders`` (hidden ``.part`` files and restore work files, full of personal data);
    a copy whose process still runs is left alone. Never raises; returns what it deleted.

    ``user_folder``: a folder the user saves to (maybe a share other computers write to
    too, or where other programs keep hidden files of their own): only this computer's
    part files (named by :func:`part_path`) whose process has ended are deleted. In the
    program's own data and backups folders (the default) also the copies named as before
    and another computer's, once a day old; in the backups folder alone (when it is not
    the live database's folder as well) also a day-old ``-journal``, ``-wal`` or ``-shm``
    without its database (:func:`_orphan_sidecar`).
    """
    removed: list[Path] = []
    now = time.time()
    host = host_tag()
    given = [folder for folder in folders if folder is not None]
    backups = None if user_folder else _own_backups_folder(given)
    for folder in given:
        orphans = folder is backups
        try:
            entries = [p for p in folder.iterdir() if orphans or p.name.startswith(".")]
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.name.startswith("."):
                    if not _is_leftover(entry, user_folder=user_folder, host=host, now=now):
                        continue
                elif not _orphan_sidecar(entry, now):
                    continue
                entry.unlink()
            except OSError:
                log.warning("could not delete the leftover copy %s", entry, exc_info=True)
            else:
                removed.append(entry)
    if removed:
        log.info("deleted leftover copies: %s", ", ".join(str(p) for p in removed))
    return removed


#: Pauses before renaming a file just written once more, on Windows: an antivirus scan,
#: the search indexer or OneDrive's sync holds a new file for a moment, and the rename is
#: refused meanwhile (PermissionError). About a second in all: a file held open for longer
#: (the target open in Excel or a PDF reader) is then said as such.
HELD_FILE_PAUSES_S = (0.05, 0.1, 0.15, 0.3, 0.4)


def _on_windows() -> bool:
    return sys.platform == "win32"


def replace_file(src: Path, dest: Path) -> None:
    """``src.replace(dest)``, tried again for about a second on Windows while it is
    refused because a scanner holds ``src`` (or ``dest``) for a moment."""
    for pause in HELD_FILE_PAUSES_S:
        try:
            src.replace(dest)
            return
        except PermissionError:
            if not _on_windows():
                raise
            time.sleep(pause)
    src.replace(dest)


#: What ``os.link`` says on a drive that keeps no hard links (a FAT32 or exFAT stick).
_NO_HARD_LINKS = frozenset(
    code
    for code in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK)
    if code is not None
)


def place_new(src: Path, dest: Path) -> None:
    """Rename ``src`` (a part file just written) onto ``dest`` only if no file ``dest``
    exists: ``FileExistsError`` otherwise, and ``src`` stays. Two programs finishing the
    same copy at the same instant: one gets the name, the other is refused, where
    :func:`replace_file` let the second silently replace the first.

    Windows' rename never replaces a file (retried while a scanner holds ``src``, as
    :func:`replace_file`); elsewhere a hard link is made, then ``src`` removed; on a drive
    without hard links the name is first claimed by creating it exclusively, then the
    part renamed onto that claim."""
    if _on_windows():
        for pause in HELD_FILE_PAUSES_S:
            try:
                src.rename(dest)
                return
            except FileExistsError:
                raise
            except PermissionError:
                time.sleep(pause)
        src.rename(dest)
        return
    try:
        os.link(src, dest)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        src.replace(dest)
        return
    src.unlink()


def flush_to_medium(path: Path) -> None:
    """Have the system write what it holds of ``path`` to the drive, before the file takes
    its name: on a USB stick Windows may keep the data back, and a stick that turns out
    full, or is pulled out as soon as "saved" shows, then held half a file under the
    name. An ``OSError`` here says the data did not reach the drive."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(out_path: Path, *, keys: bool = False) -> Iterator[Path]:
    """A temporary path beside ``out_path``, renamed onto it only if the block succeeds.

    ``out_path`` is first checked by :func:`check_output` (``keys``: the caller writes an
    office's private keys and may replace a key file). The temporary file is named by
    :func:`part_path`, so that a program killed while writing leaves one that
    :func:`remove_leftovers` tells from one being written: it is deleted when the next file
    is written in that folder (a roster or a package half-written on a USB stick holds ID
    numbers and phones).

    Expected failures (no permission, the file open in a PDF reader or Excel, a full disk,
    a read-only or failing drive) become a :class:`UserError` naming the file, whether they
    happen while creating, writing (the ``with`` block) or renaming the file; the temporary
    file is removed and an existing ``out_path`` is left as it was.
    """
    target = Path(out_path)
    check_output(target, keys=keys)
    remove_leftovers(target.parent, user_folder=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _new_part(target)
    except OSError as exc:
        raise write_error(target, exc) from exc
    try:
        try:
            yield tmp
            flush_to_medium(tmp)
            replace_file(tmp, target)
        except OSError as exc:
            raise write_error(target, exc, size=size_of(tmp)) from exc
    finally:
        with contextlib.suppress(OSError):  # a failing drive: the sentence above matters more
            tmp.unlink(missing_ok=True)


def _new_part(target: Path) -> Path:
    """Create :func:`part_path`'s file for ``target`` (ordinary permissions, as any file the
    user saves), under the next name if a kill left one of this process id's there."""
    for _ in range(3):
        tmp = part_path(target)
        try:
            tmp.touch(exist_ok=False)
        except FileExistsError:
            continue
        return tmp
    tmp = part_path(target)
    tmp.touch(exist_ok=False)
    return tmp


def check_output(target: Path, *, keys: bool = False) -> None:
    """Refuse, with a sentence, an output path no file can be written to or that holds what
    an output must never replace: a folder, a path through a file, a database (or a file
    SQLite keeps beside one) or, unless ``keys``, a private key. A mistyped ``-o`` or a
    click on the wrong file in a save dialog would otherwise put a PDF or a package in the
    place of the office's data or keys. Called before the work starts, the check lets a
    command refuse before it has done anything."""
    target = Path(target)
    if target.is_dir():
        raise UserError(
            t(
                f"“{target}”是一个文件夹，请给出文件名。",
                f"“{target}” is a folder; give a file name.",
            )
        )
    for folder in target.parents:
        if folder.exists():
            if not folder.is_dir():
                raise UserError(
                    t(
                        f"无法写入“{target}”：“{folder}”是一个文件，不是文件夹。",
                        f"Cannot write “{target}”: “{folder}” is a file, not a folder.",
                    )
                )
            break
    if _on_windows() and _is_device_name(target.name):
        raise UserError(
            t(
                f"“{target.name}”是 Windows 留给设备（如 CON、NUL、COM1）的名称，不能用作文件名，"
                "请换一个文件名。",
                f"“{target.name}” is a name Windows keeps for a device (such as CON, NUL, "
                "COM1) and cannot name a file; choose another file name.",
            )
        )
    kept = _kept_file(target, keys=keys)
    if kept is not None:
        raise UserError(
            t(
                f"“{target}”是{kept[0]}，不能被覆盖，请换一个文件名。",
                f"“{target}” is {kept[1]} and cannot be overwritten; choose another file name.",
            )
        )


def _kept_file(target: Path, *, keys: bool) -> tuple[str, str] | None:
    """What ``target`` holds that no output may replace, in both languages, or None."""
    if _starts_with(target, SQLITE_HEADER):
        return "数据库文件", "a database file"
    for suffix in _COMPANIONS:
        base = target.name.removesuffix(suffix)
        if base != target.name and _starts_with(target.with_name(base), SQLITE_HEADER):
            return "数据库文件的组成部分", "part of a database file"
    if not keys and _is_private_key(target):
        return "密钥文件", "a key file"
    return None


def _head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except OSError:  # not there, or not readable: nothing to keep (writing says why)
        return b""


def _starts_with(path: Path, header: bytes) -> bool:
    return _head(path, len(header)) == header


def _is_private_key(path: Path) -> bool:
    head = _head(path, 64)
    return head.startswith(b"-----BEGIN ") and b"PRIVATE KEY-----" in head


def save_workbook(workbook: Workbook, tmp: Path, target: Path) -> None:
    """Save ``workbook`` into ``tmp`` (from :func:`atomic_output` for ``target``).

    openpyxl leaves its zip archive open when writing the file fails (a full disk): the
    archive then fails again when it is garbage-collected and Python prints that second
    error, a traceback, under the sentence. So the workbook is assembled in memory (a
    district's whole roster is a few MB) and written to the file in one go."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    try:
        with tmp.open("wb") as f:
            f.write(buffer.getbuffer())
    except OSError as exc:
        raise write_error(target, exc) from exc


# No room left: on the drive (ENOSPC) or in the user's quota (EDQUOT, not on Windows).
_DISK_FULL = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)


def _errno_of(exc: BaseException) -> int | None:
    """The errno of ``exc`` or of the OSError it was raised from (libraries re-raise
    an OSError with a new message and no errno)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        code = os_errno(current)
        if code is not None:
            return code
        current = current.__cause__ or current.__context__
    return None


#: The largest file a FAT32 drive (most USB sticks as sold) holds: 4 GB less a byte.
FAT32_LARGEST = 4 * 1024**3 - 1
#: How near that a file failing "disk full" is taken to have reached it.
_NEAR_LARGEST = 64 * 1024**2
_ERROR_FILE_TOO_LARGE = 223  # Windows' own number for "file too large"


def _too_large_for_the_drive(
    target: Path, exc: OSError, code: int | None, size: int | None
) -> bool:
    """Whether writing ``target`` failed because one file may grow no larger on its drive:
    "file too large", or "disk full" for a file of ``size`` bytes that reached FAT32's 4 GB
    on a drive with room left (Windows says "full" then)."""
    if code == errno.EFBIG or getattr(exc, "winerror", None) == _ERROR_FILE_TOO_LARGE:
        return True
    if code not in _DISK_FULL or size is None or size < FAT32_LARGEST - _NEAR_LARGEST:
        return False
    try:
        return shutil.disk_usage(target.parent).free > _NEAR_LARGEST
    except OSError:
        return False


def is_special(path: Path) -> bool:
    """Whether ``path`` is there but neither a regular file nor a folder: a pipe
    (``/dev/stdin``), a FIFO or a device, which a chooser may hand over as a file. Read in
    several passes it cannot be, and a FIFO nobody writes is waited on for ever."""
    return path.exists() and not path.is_file() and not path.is_dir()


def file_digest(stream: BinaryIO, head: bytes = b"") -> bytes:
    """The SHA-256 of ``head`` (what was already read of the file) and of the rest of
    ``stream``, read to its end: what the fingerprint of a file is made of, to tell later
    that the file is still the one looked at (an exchange package, a backup)."""
    sha = hashlib.sha256(head)
    while block := stream.read(1 << 20):
        sha.update(block)
    return sha.digest()


def size_of(path: Path) -> int | None:
    """How large ``path`` is (None: it cannot be told), to say why writing it failed."""
    try:
        return path.stat().st_size
    except OSError:
        return None


#: The longest path most Windows programs take (of the temporary file too, whose name is longer).
MAX_PATH = 260


def _path_too_long(target: Path, code: int | None) -> bool:
    """Whether writing ``target`` failed because its path is beyond Windows' MAX_PATH:
    Windows then says "no such file" (or "invalid argument"), which reads as nonsense."""
    if code not in (errno.ENOENT, errno.ENAMETOOLONG, errno.EINVAL):
        return False
    return code == errno.ENAMETOOLONG or (_on_windows() and len(str(part_path(target))) >= MAX_PATH)


def write_error(target: Path, exc: OSError, *, size: int | None = None) -> UserError:
    """The sentence for an OSError while writing ``target`` (``size``: how much of it was
    written, where known)."""
    code = _errno_of(exc)
    if _path_too_long(target, code):
        return UserError(
            t(
                f"无法写入“{target}”：文件名或路径太长"
                f"（Windows 的路径一般不能超过 {MAX_PATH - 1} 个字符）。"
                "请换一个较短的文件名，或存到层次较浅的文件夹。",
                f"Cannot write “{target}”: the name or path is too long (Windows takes paths "
                f"of up to {MAX_PATH - 1} characters in most programs). Choose a shorter name "
                "or a folder nearer the top of the drive.",
            )
        )
    if _too_large_for_the_drive(target, exc, code, size):
        return UserError(
            t(
                f"无法写入“{target}”：文件超过了这个磁盘能存放的单个文件大小"
                "（FAT32 格式的 U 盘每个文件最大 4 GB）。请换一个位置，或把 U 盘格式化为 exFAT 或 "
                "NTFS 后重试。",
                f"Cannot write “{target}”: the file is larger than this drive holds in one file "
                "(a USB stick formatted FAT32 holds files of up to 4 GB). Choose another place, "
                "or format the stick as exFAT or NTFS.",
            )
        )
    if code in _DISK_FULL:
        return UserError(
            t(
                f"无法写入“{target}”：磁盘已满。请删除不需要的文件腾出空间，或换一个位置后重试。",
                f"Cannot write “{target}”: the disk is full. Free some space or choose "
                "another place, then try again.",
            )
        )
    if code == errno.EROFS:
        return UserError(
            t(
                f"无法写入“{target}”：该磁盘或 U 盘是只读的。请换一个位置后重试。",
                f"Cannot write “{target}”: the drive is read-only. Choose another place.",
            )
        )
    if isinstance(exc, PermissionError):
        return UserError(
            t(
                f"无法写入“{target}”：没有权限，或文件正被其他程序（如 PDF 阅读器或 Excel）打开。"
                "请关闭该文件或换一个位置后重试。",
                f"Cannot write “{target}”: no permission, or the file is open in another "
                "program (such as a PDF reader or Excel). Close it or choose another place.",
            )
        )
    return UserError(
        t(
            f"无法写入“{target}”：{os_reason(exc)}",
            f"Cannot write “{target}”: {os_reason(exc)}",
        )
    )
