"""Rotating log files in the data folder, shared by the window and the command line.

Nothing written there may hold a full ID number or phone: every line, with its
traceback (chained exceptions included), passes through :func:`privacy.scrub_text` on its
way out (:class:`ScrubbingFormatter`). A log is what a clerk sends to IT staff by e-mail.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.lang import t
from pbc_desktop.paths import logs_dir

LOG_FILENAME = "pbc-desktop.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose final text (message, traceback, stack) has personal numbers masked.

    The whole formatted line is scrubbed, not only ``record.msg``: the arguments, the
    exception's message (e.g. SQLAlchemy's ``[parameters: …]``), every chained exception
    and any stack come out of :meth:`logging.Formatter.format` as one string.
    """

    def format(self, record: logging.LogRecord) -> str:
        return scrub_text(super().format(record))

    def formatException(self, ei: logging._SysExcInfoType) -> str:
        # Also cached on the record as ``exc_text``, which other handlers reuse: scrub it too.
        return scrub_text(super().formatException(ei))


#: How long a rollover refused by another program holding the log waits to be tried again.
ROLLOVER_RETRY_S = 300.0


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files only their user may read (0600), like the database.

    The window and every ``pbc`` command write the same file. On Windows a file another
    process holds open cannot be renamed: the stock rollover then moved the older logs
    up one place (dropping the oldest) and failed, again at every line, each time with
    a "Logging error" traceback on the command's screen. Here the live file is moved
    aside first; when that is refused nothing else moves, the file grows on past its
    limit, and the rollover is tried again a few minutes later.
    """

    _retry_at = 0.0

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with contextlib.suppress(OSError):  # a log made 0644 by an older version
            Path(self.baseFilename).chmod(0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if time.monotonic() < self._retry_at:
            return False
        return bool(super().shouldRollover(record))

    def handleError(self, record: logging.LogRecord) -> None:
        """A line the disk refuses (full, a stick pulled out) is lost quietly: Python's
        default printed a "--- Logging error ---" traceback on the command's screen for
        every line, burying the one sentence that says the disk is full. Any other error
        (a bug in a message's arguments) is reported as usual."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)

    def doRollover(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        live = Path(self.baseFilename)
        aside = live.with_name(f"{live.name}.rotating")
        try:
            live.replace(aside)
        except OSError:  # held open by another program (Windows): put off
            self._retry_at = time.monotonic() + ROLLOVER_RETRY_S
        else:
            for n in range(self.backupCount - 1, 0, -1):
                older = live.with_name(f"{live.name}.{n}")
                if older.exists():
                    with contextlib.suppress(OSError):
                        older.replace(live.with_name(f"{live.name}.{n + 1}"))
            with contextlib.suppress(OSError):
                aside.replace(live.with_name(f"{live.name}.1"))
        self.stream = self._open()


def log_file() -> Path:
    return logs_dir() / LOG_FILENAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to the data folder's rotating file (once; again if the data folder moved)."""
    path = log_file()
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename).resolve() == path.resolve():
            old.setFormatter(ScrubbingFormatter(LOG_FORMAT))
            root.setLevel(level)
            return path
        root.removeHandler(old)
        old.close()
    # errors: a file name that is not UTF-8 (Linux, macOS) is written escaped, not refused
    # with a "Logging error" traceback on the screen.
    handler = PrivateRotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", errors="backslashreplace"
    )
    handler.setFormatter(ScrubbingFormatter(LOG_FORMAT))
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


def scrubbed_traceback(exc: BaseException) -> str:
    """``exc``'s traceback as Python prints it (causes and contexts too), personal numbers
    masked: for the crash dialog, the clipboard and stderr."""
    return scrub_text("".join(traceback.format_exception(exc)))


def _open_log_file() -> Path | None:
    """The file the root logger writes to now, if any (no folder is made to find it)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def report_bug(exc: BaseException) -> str:
    """Log a bug that reached the command line (scrubbed) and return its one sentence."""
    log.error("unhandled exception in the command line\n%s", scrubbed_traceback(exc))
    first_line = (str(exc).strip().splitlines() or [""])[0][:200]
    what = scrub_text(f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__)
    path = _open_log_file()
    if path is None:
        return t(
            f"错误：程序内部出错（{what}），日志文件无法写入。已保存的记录不受影响。",
            f"Error: an internal error occurred ({what}); the log file cannot be written. "
            "Records already saved are safe.",
        )
    return t(
        f"错误：程序内部出错（{what}）。详细情况已写入日志文件 {path}，"
        "请把该文件交给技术人员。已保存的记录不受影响。",
        f"Error: an internal error occurred ({what}). The details were written to the log "
        f"file {path}; please give that file to your IT staff. Records already saved are safe.",
    )
