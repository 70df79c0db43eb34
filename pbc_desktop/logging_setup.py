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
    """Log to the data folder's rotating file (once; again if the data folder moved)."""
    path = log_file()
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename).resolve() == path.resolve():
            root.setLevel(level)
            return path
        root.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def setup_cli_logging() -> None:
    """The command line logs to the same file; its screen shows only its own sentences,
    never a log line (without a handler, Python would print warnings there)."""
    try:
        setup_logging()
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())
