"""Slow work off the UI thread, with a progress dialog and a cancel button.

The job gets plain callbacks (``progress(percent, text)`` and ``should_cancel()``), returns
its result by signal, and never touches widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.ui.common import messages

T = TypeVar("T")
Job = Callable[[ProgressFn, CancelFn], T]
SHOW_AFTER_MS = 300


@dataclass
class JobOutcome(Generic[T]):
    result: T | None = None
    error: BaseException | None = None
    cancelled: bool = False


class _Runner(QObject):
    progressed = Signal(int, str)
    done = Signal(object, object)

    def __init__(self, job: Job[Any], cancel_event: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._cancel = cancel_event

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)


class _Receiver(QObject):
    """Lives on the UI thread, so the runner's signals arrive there (queued)."""

    def __init__(
        self,
        dialog: QProgressDialog,
        loop: QEventLoop,
        outcome: JobOutcome[Any],
        cancel_event: threading.Event,
    ) -> None:
        super().__init__()
        self._dialog = dialog
        self._loop = loop
        self._outcome = outcome
        self._cancel = cancel_event

    @Slot(int, str)
    def on_progress(self, percent: int, text: str) -> None:
        self._dialog.setValue(max(0, min(100, percent)))
        if text:
            self._dialog.setLabelText(text)

    @Slot()
    def on_cancel(self) -> None:
        self._cancel.set()
        self._dialog.setLabelText(QCoreApplication.translate("Worker", "Cancelling..."))

    @Slot(object, object)
    def on_done(self, result: object, error: object) -> None:
        self._outcome.result = result
        self._outcome.error = error if isinstance(error, BaseException) else None
        self._outcome.cancelled = self._cancel.is_set()
        self._loop.quit()


def run_with_progress(parent: QWidget | None, title: str, job: Job[T]) -> JobOutcome[T]:
    """Run ``job`` on a worker thread while a modal progress dialog shows; wait for it."""
    cancel_event = threading.Event()
    dialog = QProgressDialog(title, QCoreApplication.translate("Worker", "Cancel"), 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: JobOutcome[T] = JobOutcome()
    loop = QEventLoop()
    thread = QThread()
    runner = _Runner(job, cancel_event)
    runner.moveToThread(thread)

    receiver = _Receiver(dialog, loop, outcome, cancel_event)
    runner.progressed.connect(receiver.on_progress)
    runner.done.connect(receiver.on_done)
    dialog.canceled.connect(receiver.on_cancel)
    thread.started.connect(runner.run)
    # Quick jobs never flash a dialog; slower ones show it even before their first report.
    show_timer = QTimer()
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(dialog.show)
    show_timer.start(SHOW_AFTER_MS)
    thread.start()
    loop.exec()
    show_timer.stop()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return outcome


def succeeded(
    parent: QWidget | None,
    outcome: JobOutcome[Any],
    *,
    title: str | None = None,
    refused: tuple[type[BaseException], ...] = (UserError,),
    stopped: tuple[type[BaseException], ...] = (),
) -> bool:
    """Whether the job ran to its end.

    False when it was cancelled, or stopped by an error of a ``stopped`` kind (nothing is
    said), or refused by one of a ``refused`` kind: that is shown over ``parent``, in a
    message titled ``title`` (by default as :func:`messages.show_user_error` says it). Any
    other error is a bug and raised again.
    """
    error = outcome.error
    if outcome.cancelled or isinstance(error, stopped):
        return False
    if error is None:
        return True
    if not isinstance(error, refused):
        raise error
    if title is None and isinstance(error, UserError):
        messages.show_user_error(parent, error)
    else:
        text = error.message if isinstance(error, UserError) else str(error)
        messages.warning(parent, title or "", text)
    return False
