"""``pbc backup`` and ``pbc restore``: copies of the database file, and putting one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pbc_desktop.domain.accounts import Actor, Permission
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.errors import DatabaseDamagedError
from pbc_desktop.lang import t

if TYPE_CHECKING:
    from pbc_desktop.cli.common import Subcommands
    from pbc_desktop.services.backup import BackupInfo


def register(subparsers: Subcommands, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "backup",
        parents=[common_parent],
        help=t(
            "安全地备份数据库，窗口正打开着它也可以",
            "copy the database safely, even while the window has it open",
        ),
        description=t(
            "不加 --to：自动备份到数据文件夹的 backups/ 中（保留最近 10 天和 12 个月的备份）；"
            "加 --to：复制到那个文件夹（按日期命名），或者复制成那个以 .sqlite 结尾的文件"
            "（已有的文件不会被覆盖）。",
            "Without --to, an automatic backup into the data folder's backups/ "
            "(the last 10 days and 12 months are kept); with --to, a copy into that folder "
            "(named by the date), or into that file when it ends in .sqlite (a file that "
            "exists is not overwritten).",
        ),
    )
    p.add_argument(
        "--to",
        type=_folder,
        metavar=t("路径", "PATH"),
        help=t(
            "备份存放的文件夹（例如U盘），或以 .sqlite 结尾的备份文件名（不能是已有的文件）",
            "folder for the copy, e.g. a USB stick, or the copy's file name ending in "
            ".sqlite (not one that exists)",
        ),
    )
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser(
        "restore",
        parents=[common_parent],
        help=t(
            "用备份替换数据库（当前的数据库保留在 backups/ 中）",
            "replace the database by a backup (the current one is kept in backups/)",
        ),
    )
    p.add_argument(
        "file", type=Path, metavar=t("文件", "FILE"), help=t("备份文件", "the backup file")
    )
    p.add_argument(
        "--yes", action="store_true", help=t("不再询问确认", "do not ask for confirmation")
    )
    p.add_argument(
        "--other-office",
        action="store_true",
        help=t(
            "是其他单位数据库的备份也照样恢复（不加时：在终端中询问，其他情况下拒绝）",
            "restore a backup of another office's database all the same (without it, "
            "asked at a terminal, refused elsewhere)",
        ),
    )
    p.set_defaults(handler=cmd_restore)


def _backups_folder() -> Path:
    from pbc_desktop import paths

    try:
        return paths.backups_dir()
    except OSError as exc:
        raise paths.data_folder_error(exc) from exc


def _signed_in(args: argparse.Namespace, permission: Permission | None = None) -> Actor:
    """Sign in as the command's user (refused without ``permission``), as every command
    does; the database is let go at once, for the backup or restore works on its file."""
    from pbc_desktop.cli.common import opened_db
    from pbc_desktop.services.permissions import require

    with opened_db(args, write=False) as db:
        if permission is not None:
            require(db, permission)
        return db.user


def _folder(text: str) -> Path:
    """``--to``'s folder or file; an empty one (a script's variable left unset) read as
    the current folder, and the copy went there instead of to the stick."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            t(
                "应给出一个文件夹（例如U盘）或以 .sqlite 结尾的文件名",
                "expected a folder, e.g. a USB stick, or a file name ending in .sqlite",
            )
        )
    return Path(text)


def _copy_target(path: Path) -> Path:
    """Where ``pbc backup --to PATH`` writes: into the folder ``path``, or as the file
    ``path`` when it ends in .sqlite and is no folder (one that exists is refused, not
    overwritten, and so is one another run finishes first: ``backup.backup_to``); refused
    when it is neither (a stick not plugged in)."""
    from pbc_desktop.errors import UserError
    from pbc_desktop.services.backup import exists_refusal

    if path.is_dir():
        return path
    if path.suffix.lower() != ".sqlite":
        raise UserError(
            t(
                f"文件夹“{path}”不存在（U 盘是否已插好？）。",
                f"The folder “{path}” does not exist (is the USB stick plugged in?).",
            )
        )
    if path.exists() or path.is_symlink():
        raise exists_refusal(path)
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, _db_path_or_error
    from pbc_desktop.files import remove_leftovers
    from pbc_desktop.services import backup

    db_path = _db_path_or_error(args)
    # any account has the program's own copy made; one to take away: see backup_to
    actor = _signed_in(args)
    if args.to is None:
        backups = _backups_folder()
        remove_leftovers(backups, db_path.parent)
        written = backup.automatic_backup(db_path, backups, only_if_changed=False)
    else:
        target = _copy_target(args.to.expanduser())
        remove_leftovers(target if target.is_dir() else target.parent, user_folder=True)
        written = backup.backup_to(db_path, target, by=actor)
    assert written is not None
    print(written.resolve())
    return EXIT_OK


def describe(info: BackupInfo) -> list[str]:
    """The lines that say what a backup holds (for ``pbc restore``)."""
    lines = [
        t(f"备份文件：{info.path}", f"Backup file: {info.path}"),
        t(
            f"备份时间：{info.written_at:%Y-%m-%d %H:%M}",
            f"Written: {info.written_at:%Y-%m-%d %H:%M}",
        ),
    ]
    if info.last_change is not None:
        lines.append(
            t(
                f"最后一次修改：{info.last_change:%Y-%m-%d %H:%M}",
                f"Last change: {info.last_change:%Y-%m-%d %H:%M}",
            )
        )
    upgrade = t("（恢复时将升级）", " (upgraded when restored)") if info.needs_upgrade else ""
    lines.append(t(f"结构版本：{info.revision}", f"Schema revision: {info.revision}") + upgrade)
    lines.extend(labelled(count.label, count.count) for count in info.counts)
    return lines


def _at_a_terminal() -> bool:
    """Someone at a terminal can read a question and answer it (a script's piped output,
    or input from a file, cannot)."""
    from pbc_desktop.cli.common import interactive

    return interactive() and sys.stdout is not None and sys.stdout.isatty()


def _confirmed(db_path: Path) -> bool:
    from pbc_desktop.cli.common import confirmed, interactive

    if not interactive():
        return False
    return confirmed(
        t(
            f"用这个备份替换数据库“{db_path}”吗？",
            f"Replace the database “{db_path}” by this backup?",
        )
    )


def _refuse_if_a_window_has_it(db_path: Path) -> None:
    """A window that has the database open would go on writing into the file replaced
    under it (on Windows the replacement fails half-way): ask for it to be closed first.
    The window is brought to the front."""
    from pbc_desktop.errors import UserError
    from pbc_desktop.single_instance import activate_running, server_name

    if activate_running(server_name(str(db_path)), timeout_ms=300):
        raise UserError(
            t(
                f"数据库“{db_path}”正在党建共同体工作台的窗口中打开。请先关闭窗口再恢复，"
                "或在窗口中使用 文件 → 恢复…。",
                f"The database “{db_path}” is open in a PBC Desktop window. Close the window "
                "first, or restore from the window with File → Restore….",
            )
        )


def cmd_restore(args: argparse.Namespace) -> int:
    from pbc_desktop.cli.common import EXIT_OK, _db_path_or_error, confirmed
    from pbc_desktop.errors import UserError
    from pbc_desktop.files import remove_leftovers
    from pbc_desktop.services import backup, backup_restore

    db_path = _db_path_or_error(args)
    folder = _backups_folder()
    remove_leftovers(folder, db_path.parent)
    backup_path: Path = args.file.expanduser()
    _refuse_if_a_window_has_it(db_path)
    if db_path.exists():
        import contextlib

        from pbc_desktop.db import lock

        # Replacing everyone's records needs the permission to maintain, as in the window;
        # a damaged database, which no one can sign in to, is recovered all the same.
        with contextlib.suppress(DatabaseDamagedError):
            _signed_in(args, Permission.MAINTAIN)
        # A writer at work: say so now, not after showing the backup.
        with contextlib.suppress(OSError):  # no lock file there: the restore will say why
            lock.acquire(db_path, exclusive=True).release()
    backup_restore.refuse_itself(db_path, backup_path)
    info = backup.inspect_backup(backup_path)
    for line in describe(info):
        print(line)
    other = backup.other_office(db_path, info)
    if other is not None and not args.other_office:
        if not _at_a_terminal():
            raise UserError(
                other
                + t(
                    "；确认要用它替换当前数据库时，请加上 --other-office 再运行。",
                    "; to replace the current database by it all the same, add --other-office.",
                )
            )
        if not confirmed(backup.other_office_question(other)):  # the window's, No by default
            raise UserError(t("没有恢复。", "Nothing was restored."))
    if not args.yes and not _confirmed(db_path):
        raise UserError(
            t(
                "没有恢复。确认无误后加上 --yes 再运行。",
                "Nothing was restored. Add --yes to restore without a question.",
            )
        )
    result = backup_restore.restore(db_path, backup_path, folder=folder, described=info.fingerprint)
    print(t(f"已恢复到：{db_path}", f"Restored into: {db_path}"))
    if result.upgraded:
        print(t("备份的结构版本较旧，已升级。", "The backup had an older schema; it was upgraded."))
    if result.kept is not None:
        print(
            t(
                f"原来的数据库已保存为：{result.kept}",
                f"The previous database was kept as: {result.kept}",
            )
        )
    return EXIT_OK
