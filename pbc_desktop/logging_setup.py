"""Rotating log files in the data folder, shared by the window and the command line."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pbc_desktop.paths import logs_dir

LOG_FILENAME = "pbc-desktop.log"


def log_file() -> Path:
    return logs_dir() / LOG_FILENAME


def setup_logging(level: int = logging.INFO) -> Path:
    path = log_file()
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
