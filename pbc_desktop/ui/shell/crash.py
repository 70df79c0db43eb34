"""The global exception hook: bugs reach the user as an apology with copyable details.

The details (shown, copied, logged or printed) never hold a full ID number or phone: the
traceback is scrubbed (``privacy.scrub_text``) before anything sees it.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pbc_desktop import __version__
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.errors import UserError
from pbc_desktop.logging_setup import log_file
from pbc_desktop.ui.common import messages

log = logging.getLogger(__name__)


def details_text(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The version and the traceback, personal numbers masked (shown, copied and logged)."""
    lines = traceback.format_exception(exc_type, exc, tb)
    return f"PBC Desktop {__version__}\n" + scrub_text("".join(lines))


def show_crash_dialog(parent: QWidget | None, details: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("CrashDialog", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "CrashDialog",
            "Sorry, something went wrong inside the program. Your saved records are safe.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate("CrashDialog", "The details were written to the log file:")
        + f"\n{log_file()}"
    )
    box.setDetailedText(details)
    copy = box.addButton(
        QCoreApplication.translate("CrashDialog", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    return box


#: A refusal reaching the hook again this soon after its message was closed is the same
#: action's (a click whose slots each asked a server that does not answer): not said
#: twice.
SAID_AGAIN_S = 1.0
_last_said: list[Any] = ["", -SAID_AGAIN_S]
#: The refusals whose message is open now: the same one met again from the message's own
#: event loop (a listing scrolled while its USB stick is gone asks again at each repaint)
#: is not stacked on top of it.
_showing: set[str] = set()


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if isinstance(exc, UserError):
        log.warning("user error reached the hook: %s", exc.message)
        said, closed = _last_said
        if exc.message == said and time.monotonic() - closed < SAID_AGAIN_S:
            return  # one action, two of its slots refused alike: said once
        if exc.message in _showing:
            return
        _showing.add(exc.message)
        try:
            messages.show_user_error(QApplication.activeWindow(), exc)
        finally:
            _showing.discard(exc.message)
        _last_said[:] = [exc.message, time.monotonic()]
        return
    details = details_text(exc_type, exc, tb)
    log.error("unhandled exception\n%s", details)
    if QApplication.instance() is None:
        print(details, file=sys.stderr)
        return
    show_crash_dialog(QApplication.activeWindow(), details).exec()


def handle_thread_exception(args: threading.ExceptHookArgs) -> None:
    """A bug in a background thread: logged scrubbed (no dialog can be shown from there)."""
    if args.exc_type is SystemExit:
        return
    exc = args.exc_value if args.exc_value is not None else args.exc_type()
    details = details_text(args.exc_type, exc, args.exc_traceback)
    log.error("unhandled exception in a background thread\n%s", details)


def install() -> None:
    sys.excepthook = handle_exception
    threading.excepthook = handle_thread_exception
