"""Slow work off the UI thread.

Two kinds:

- :func:`run_with_progress`: a job the user waits for (an import, an export, a report),
  with a progress dialog and a cancel button. The job gets plain callbacks
  (``progress(percent, text)`` and ``should_cancel()``), returns its result by signal, and
  never touches widgets.
- :class:`BackgroundLoad`: what a window or tab shows, read while it stays usable (the
  三会一课 of a district, the 概览 figures, every area's reminders, the total of a search
  in a table model): the widget says it is loading, a newer request supersedes an older
  one, and a widget closed meanwhile is simply not answered.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from pbc_desktop.errors import UserError
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.ui.common import messages

log = logging.getLogger(__name__)

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


# -- reads for a widget ------------------------------------------------------------------
Read = Callable[[], T]
Show = Callable[[T], object]


class _Relay(QObject):
    """Lives on the UI thread for the whole program: a reading thread hands its answer here
    (queued), never to the widget, which may be gone by then."""

    arrived = Signal(int, int, object)  # the load's key, its request's number, the answer

    @Slot(int, int, object)
    def deliver(self, key: int, request: int, answer: object) -> None:
        load = _loads.get(key)
        if load is not None and shiboken6.isValid(load):
            load._arrived(request, answer)


_relays: list[_Relay] = []  # the one made (again after the application is made anew)
_loads: dict[int, BackgroundLoad] = {}
# What settle_reads forgot, by load: asked again by resume_reads.
_settled: dict[int, tuple[Read[Any], Show[Any]]] = {}
_keys = itertools.count(1)
_threads: set[threading.Thread] = set()
_threads_lock = threading.Lock()


def _the_relay() -> _Relay:
    """The relay, made on the UI thread at the first load (again with a new application)."""
    if not _relays or not shiboken6.isValid(_relays[0]):
        relay = _Relay(QCoreApplication.instance())
        relay.arrived.connect(relay.deliver)
        _relays[:] = [relay]
    return _relays[0]


def reading_threads() -> int:
    """How many loads are reading now (answered or not: a closed widget's read runs on)."""
    with _threads_lock:
        return sum(1 for thread in _threads if thread.is_alive())


def wait_for_reads(timeout: float) -> bool:
    """Wait up to ``timeout`` seconds for every reading thread to end; whether they did (a
    test's database is not removed under a read)."""
    with _threads_lock:
        running = list(_threads)
    for thread in running:
        thread.join(timeout)
    return reading_threads() == 0


#: How long a restore or a database switch waits for the reads under way, in seconds.
SETTLE_SECONDS = 15.0


def _forget_load(key: int) -> None:
    _loads.pop(key, None)
    _settled.pop(key, None)


def settle_reads(timeout: float | None = None) -> bool:
    """Before the database is closed or its file replaced (a restore, a switch): every
    load's request forgotten (nothing more is shown, no waiting request starts), and up to
    ``timeout`` seconds (:data:`SETTLE_SECONDS`) waited for the reads under way; whether
    they all ended. (A read holding a SQLite connection kept the file from being replaced
    on Windows: the restore was refused as "in use"; a switch closed the old database under
    a read.)"""
    for load in list(_loads.values()):
        if shiboken6.isValid(load) and (wanted := load.forget()) is not None:
            _settled[load._key] = (wanted[1], wanted[2])
    return wait_for_reads(SETTLE_SECONDS if timeout is None else timeout)


def resume_reads() -> None:
    """After a restore or a switch refused or failed (the database left open): the
    requests :func:`settle_reads` forgot asked again, so no widget keeps showing its
    "loading" state until its next refresh (those deleted, or asked anew meanwhile, are
    left alone)."""
    settled = dict(_settled)
    _settled.clear()
    for key, (read, show) in settled.items():
        load = _loads.get(key)
        if load is not None and shiboken6.isValid(load) and not load.busy:
            load.start(read, show)


def drop_settled_reads() -> None:
    """Once the database is switched: the requests :func:`settle_reads` forgot (of the
    database closed, their widgets replaced) are not asked again."""
    _settled.clear()


def reads_unsettled() -> str:
    """The refusal when :func:`settle_reads` found reads still running."""
    return QCoreApplication.translate(
        "Worker",
        "A list is still being read from the database and did not finish in time; "
        "nothing was changed. Please try again in a moment.",
    )


class BackgroundLoad(QObject):
    """What one widget shows, read off the UI thread.

    ``start(read, show)`` runs ``read`` (a function of plain data, which never touches
    widgets: capture the filters on the UI thread) on a thread of its own, then calls
    ``show(answer)`` on the UI thread. Only the latest request is shown: one made while
    another is read supersedes it (its answer is dropped, and at most one read runs per
    load; the latest starts once it ends). A refusal (``UserError``) goes to ``refused``
    (by default said in a message over ``parent``); any other error is a bug and raised on
    the UI thread. The widget shows its own "loading" state while :attr:`busy`.
    A widget closed and deleted meanwhile is not answered. The parent may be an object
    other than a widget (a table model counting its rows): a refusal is then said over no
    window, unless ``refused`` says it.
    """

    #: Emitted on the UI thread once the latest request was shown (or its refusal said).
    finished = Signal()
    #: Read at once on the UI thread instead (tests that look right after a change; the
    #: tests of the background set it back).
    in_background: ClassVar[bool] = True

    def __init__(
        self,
        parent: QObject,
        name: str,
        refused: Callable[[UserError], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._parent = parent
        self._refused = refused
        self._key = next(_keys)
        self._request = 0
        self._wanted: tuple[int, Read[Any], Show[Any]] | None = None
        self._reading: int | None = None  # the request a thread reads now
        self._soon = False  # a read asked by start_soon waits for the window's events
        _loads[self._key] = self
        self.destroyed.connect(lambda _obj=None, key=self._key: _forget_load(key))

    @property
    def busy(self) -> bool:
        """Whether a request is still to be shown."""
        return self._wanted is not None

    def start(self, read: Read[T], show: Show[T]) -> None:
        if self._want(read, show) and self._reading is None:
            self._launch()
        # else: read here already, or started when the read under way comes back

    def start_soon(self, read: Read[T], show: Show[T]) -> None:
        """As :meth:`start`, but read once the window's events run: the requests of one
        moment (a screen made, then its filters set at once) make one read, started after
        what was asked before it (:attr:`busy` from now on, as with :meth:`start`)."""
        if self._want(read, show) and not self._soon:
            self._soon = True
            QTimer.singleShot(0, self, self._launch_soon)

    def _want(self, read: Read[T], show: Show[T]) -> bool:
        """Make ``read`` the latest request; read at once where loads read at once (False
        then), else True: a thread is to read it."""
        self._request += 1
        self._wanted = (self._request, read, show)
        if not self.in_background:
            self._read_here()
            return False
        return True

    def _launch_soon(self) -> None:
        self._soon = False
        if self._wanted is not None and self._reading is None:
            self._launch()
        # else: forgotten meanwhile, or started when the read under way comes back

    def forget(self) -> tuple[int, Read[Any], Show[Any]] | None:
        """Drop the request under way: nothing more is shown (its read runs to its end);
        the request dropped, if any."""
        wanted = self._wanted
        self._request += 1
        self._wanted = None
        return wanted

    def _read_here(self) -> None:
        wanted = self._wanted
        assert wanted is not None
        try:
            answer: object = wanted[1]()
        except UserError as exc:
            answer = exc
        self._arrived(wanted[0], answer)

    def _launch(self) -> None:
        assert self._wanted is not None
        request, read, _show = self._wanted
        self._reading = request
        relay, key = _the_relay(), self._key

        def run() -> None:
            answer: object
            try:
                answer = read()
            except Exception as exc:  # said or raised on the UI thread
                answer = exc
            try:
                with contextlib.suppress(RuntimeError):  # the program is ending
                    relay.arrived.emit(key, request, answer)
            finally:
                with _threads_lock:
                    _threads.discard(threading.current_thread())

        thread = threading.Thread(target=run, name=f"load-{self.objectName()}", daemon=True)
        with _threads_lock:
            _threads.add(thread)
        thread.start()

    def _arrived(self, request: int, answer: object) -> None:
        if request == self._reading:
            self._reading = None
        wanted = self._wanted
        if wanted is None or wanted[0] != request:
            _log_dropped(self.objectName(), answer)
            if wanted is not None and self._reading is None and self.in_background:
                self._launch()  # the latest request, made while this one was read
            return
        self._wanted = None
        if isinstance(answer, UserError):
            if self._refused is not None:
                self._refused(answer)
            else:
                parent = self._parent
                messages.show_user_error(parent if isinstance(parent, QWidget) else None, answer)
        elif isinstance(answer, BaseException):
            self.finished.emit()
            raise answer
        else:
            wanted[2](answer)
        self.finished.emit()


def _log_dropped(name: str, answer: object) -> None:
    """A bug in a read whose answer is dropped (superseded, forgotten) is logged, not lost:
    its type and the code lines it went through, never its message (which may quote a
    member's numbers; the log's own scrubbing aside)."""
    if isinstance(answer, Exception) and not isinstance(answer, UserError):
        kind = type(answer)
        log.error(
            "a superseded background read (%s) failed: %s.%s\n%s",
            name,
            kind.__module__,
            kind.__qualname__,
            "".join(traceback.format_tb(answer.__traceback__)).rstrip(),
        )
