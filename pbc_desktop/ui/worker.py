"""Slow work off the UI thread, with a progress dialog and a cancel button.

The job gets plain callbacks (``progress(percent, text)`` and ``should_cancel()``), returns
its result by signal, and never touches widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
ProgressFn = Callable[[int, str], None]
CancelFn = Callable[[], bool]
Job = Callable[[ProgressFn, CancelFn], T]


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
        except BaseException as exc:  # noqa: BLE001  (handed to the UI thread)
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)


def run_with_progress(parent: QWidget | None, title: str, job: Job[T]) -> JobOutcome[T]:
    """Run ``job`` on a worker thread while a modal progress dialog shows; wait for it."""
    cancel_event = threading.Event()
    dialog = QProgressDialog(title, QProgressDialog.tr("Cancel"), 0, 100, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: JobOutcome[T] = JobOutcome()
    loop = QEventLoop()
    thread = QThread()
    runner = _Runner(job, cancel_event)
    runner.moveToThread(thread)

    def on_progress(percent: int, text: str) -> None:
        dialog.setValue(max(0, min(100, percent)))
        if text:
            dialog.setLabelText(text)

    def on_done(result: object, error: object) -> None:
        outcome.result = result  # type: ignore[assignment]
        outcome.error = error if isinstance(error, BaseException) else None
        outcome.cancelled = cancel_event.is_set()
        loop.quit()

    runner.progressed.connect(on_progress)
    runner.done.connect(on_done)
    dialog.canceled.connect(cancel_event.set)
    thread.started.connect(runner.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    return outcome
