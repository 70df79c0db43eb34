"""Work run in a child process, so that work holding the interpreter lock for long
(a roster turned into rows and checked) cannot freeze the window, and the work uses a
second core.

The child is started with the ``spawn`` method, as on Windows (a fresh interpreter that
imports what the work needs; the frozen program calls ``multiprocessing.freeze_support()``
first thing, see ``packaging/launcher.py``). It runs ``target(channel, *args)``: the
target sends messages to the parent (``channel.send``) and may wait for one
(``channel.receive``). The parent reads them with :meth:`Child.messages`, which polls the
caller's ``cancelled()`` meanwhile and kills the child on a cancel.

A :class:`UserError` raised in the child is raised again in the parent (its sentence
unchanged); any other exception there is a bug, raised in the parent as
:class:`ChildFailedError` with the child's traceback. A child that cannot be started, or
that dies without a word, raises :class:`ChildLostError`: the caller does the work itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any

from pbc_desktop.errors import UserError
from pbc_desktop.lang import language, set_language
from pbc_desktop.progress import CancelFn

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.05  # how often a cancel is looked for while the child works
_JOIN_SECONDS = 5.0


class ChildLostError(Exception):
    """The child could not be started, or ended without finishing its work."""


class ChildFailedError(RuntimeError):
    """A bug in the child's work; the message holds the child's traceback."""


class Channel:
    """The child's end of the pipe."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def send(self, message: object) -> None:
        self._conn.send(("message", message))

    def receive(self) -> Any:
        return self._conn.recv()


def _child_main(
    conn: Connection, lang: str, target: Callable[..., None], args: tuple[Any, ...]
) -> None:
    # Ctrl+C in the console reaches every process of it: the parent ends the child (and
    # says so); the child printing its own traceback would only garble the console.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_language(lang)
    try:
        try:
            target(Channel(conn), *args)
        except UserError as exc:
            conn.send(("refused", exc))
        except BaseException:  # a bug: the parent raises it with this traceback
            conn.send(("failed", traceback.format_exc()))
        else:
            conn.send(("done", None))
    except OSError:  # the parent is gone (killed, its console closed): no one to tell,
        pass  # and no traceback for the console
    finally:
        conn.close()


@contextmanager
def _main_script_left_alone() -> Iterator[None]:
    """Start a child that does not run the program's main script again.

    ``spawn`` has the child run the parent's ``__main__`` file (under another name) so that
    functions defined there can be unpickled. The work here is a function of the package,
    and the ``pbc`` script imports every command of the command line: most of a second in
    each child. Without its ``__file__`` the main module is left alone, as it is for a
    frozen program on Windows and for ``python -m``.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main.__spec__, "name", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C back while a child starts (POSIX): the child inherits the held signal
    (it ignores it from :func:`_child_main` on), so a Ctrl+C while it imports what it needs
    prints no traceback of its own into the console; here it is delivered once the child
    has started, not lost. Only the main thread is interrupted by Ctrl+C."""
    if (
        not hasattr(signal, "pthread_sigmask")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    # multiprocessing starts its resource tracker with the first child and lets Ctrl+C
    # through again once the tracker runs, while the child is still being started: it
    # is started first, so that nothing lets go of Ctrl+C before the child has started.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Child:
    """A running child process and the parent's end of its pipe."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        """Start ``target(channel, *args)`` in a child (``target`` and ``args`` are
        pickled: a module-level function and plain data); :class:`ChildLostError` when
        it cannot be started."""
        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe()
        self._closed = False
        self._process = context.Process(
            target=_child_main, args=(child_end, language(), target, args), daemon=True
        )
        try:
            with _main_script_left_alone(), _interrupts_held():
                self._process.start()
        except (OSError, RuntimeError, ValueError) as exc:  # no process, or no way to start one
            log.warning("cannot start a child process: %s", exc)
            self._conn.close()
            raise ChildLostError(str(exc)) from exc
        except BaseException:  # Ctrl+C (held back while it started): it is not wanted
            self._closed = True
            if self._process.pid is not None:
                self._process.kill()
                self._process.join(_JOIN_SECONDS)
            self._conn.close()
            raise
        finally:
            child_end.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def send(self, message: object) -> None:
        try:
            self._conn.send(message)
        except (OSError, ValueError) as exc:  # the child is gone
            raise ChildLostError(str(exc)) from exc

    def messages(
        self, cancelled: CancelFn, on_cancel: Callable[[], BaseException]
    ) -> Iterator[Any]:
        """Each message the child sends, until it is done; a cancel kills the child and
        raises ``on_cancel()``."""
        try:
            while True:
                while not self._conn.poll(_POLL_SECONDS):
                    if cancelled():
                        raise on_cancel()
                    if not self._process.is_alive() and not self._conn.poll():
                        raise ChildLostError(f"exit code {self._process.exitcode}")
                try:
                    kind, payload = self._conn.recv()
                except (EOFError, OSError) as exc:
                    raise ChildLostError(str(exc)) from exc
                if kind == "message":
                    yield payload
                    if cancelled():
                        raise on_cancel()
                elif kind == "refused":
                    raise payload
                elif kind == "failed":
                    raise ChildFailedError(payload)
                else:
                    return
        finally:
            self.close()

    def close(self) -> None:
        """End the child (killed when still working) and let go of the pipe."""
        if self._closed:
            return
        self._closed = True
        if self._process.is_alive():
            self._process.kill()
        self._process.join(_JOIN_SECONDS)
        self._conn.close()
        self._process.close()
