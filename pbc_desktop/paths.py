"""The one place that knows where data, backups, logs and settings live.

Everything lives under the per-user data folder (QStandardPaths), which the environment
variable ``PBC_DATA_DIR`` overrides; tests always set it to a temporary folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
    path.mkdir(parents=True, exist_ok=True)
    return path


def _subdir(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def backups_dir() -> Path:
    return _subdir("backups")


def logs_dir() -> Path:
    return _subdir("logs")


def attachments_dir() -> Path:
    return _subdir("attachments")


def settings_file() -> Path:
    return data_dir() / "ui-settings.ini"


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def forms_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "forms"
    return Path(__file__).resolve().parent.parent / "forms"
