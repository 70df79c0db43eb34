"""The one place that knows where data, backups, logs and settings live.

Everything lives under the per-user data folder (QStandardPaths), which the environment
variable ``PBC_DATA_DIR`` overrides; tests always set it to a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from pbc_desktop.errors import UserError, os_reason
from pbc_desktop.lang import t

DATA_DIR_ENV = "PBC_DATA_DIR"
DB_FILENAME = "pbc.sqlite"
DEMO_DB_FILENAME = "demo.sqlite"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        from PySide6.QtCore import QStandardPaths

        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        path = Path(base or Path.home()) / "PBCDesktop"
    return private_folder(path)


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) if needed; the folder itself readable by its owner
    only (0700 on POSIX; on Windows the user's profile is private already)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        info = path.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            path.chmod(0o700)
    return path


def _subdir(name: str) -> Path:
    return private_folder(data_dir() / name)


def data_folder_error(exc: OSError) -> UserError:
    """The sentence for a data folder that cannot be created or written."""
    folder = exc.filename or os.environ.get(DATA_DIR_ENV, "")
    reason = os_reason(exc)
    return UserError(
        t(
            f"数据文件夹“{folder}”无法写入（{reason}）。请检查磁盘是否已满、是否有写入权限，"
            "或请 IT 人员协助。",
            f"The data folder {folder} cannot be written ({reason}). Check that the disk is "
            "not full and that you may write there, or ask your IT staff for help.",
        )
    )


#: The variables Windows sets to the folders OneDrive keeps in sync (personal, work).
_ONEDRIVE_ENV = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


def synced_by_onedrive(path: Path) -> Path | None:
    """The OneDrive folder ``path`` lies in (a Documents folder OneDrive backs up), or
    None. OneDrive uploads a file while it is being written and makes "conflict" copies:
    a database there can be carried half-written to another PC."""
    try:
        place = Path(os.path.normcase(path.resolve()))
    except OSError:
        return None
    for name in _ONEDRIVE_ENV:
        folder = os.environ.get(name)
        if not folder:
            continue
        with contextlib.suppress(OSError):
            synced = Path(os.path.normcase(Path(folder).resolve()))
            if place == synced or synced in place.parents:
                return Path(folder)
    return None


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def backups_dir() -> Path:
    return _subdir("backups")


def logs_dir() -> Path:
    return _subdir("logs")


def settings_file() -> Path:
    return data_dir() / "ui-settings.ini"


def resources_dir() -> Path:
    """``resources/``: inside the installed package (a wheel, see setup.py), inside a
    PyInstaller bundle, or beside the package in a source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    return installed if installed.is_dir() else package.parent / "resources"


def forms_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "forms"
    return Path(__file__).resolve().parent.parent / "forms"
