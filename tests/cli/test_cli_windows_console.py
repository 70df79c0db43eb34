"""The command line's output on a Windows console: a GBK (cp936) code page when
redirected to a file, and a pipe whose reader quits early."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from pbc_desktop import cli


class _PipeClosed(io.StringIO):
    """Standard output into a pipe whose reader quit, as the C runtime on Windows says it
    (``OSError`` EINVAL), on a real descriptor the output is then sent away from."""

    def __init__(self, fd: int, error: OSError) -> None:
        super().__init__()
        self._fd = fd
        self._error = error

    def fileno(self) -> int:
        return self._fd

    def write(self, text: str) -> int:
        raise self._error


def test_a_reader_quitting_early_on_windows_is_no_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``pbc communities | more``, quit at the first page: the rest of the output is
    dropped, the command goes on."""
    with (tmp_path / "out").open("w", encoding="utf-8") as f:
        out = cli._StdoutMayClose(_PipeClosed(f.fileno(), OSError(errno.EINVAL, "Invalid")))
        monkeypatch.setattr(os, "name", "nt")
        try:
            out.write("上底村党总支\n")
            out.write("下一行\n")
            out.flush()
        finally:
            monkeypatch.undo()


def test_elsewhere_an_invalid_argument_is_not_taken_for_a_closed_pipe(tmp_path: Path) -> None:
    with (tmp_path / "out").open("w", encoding="utf-8") as f:
        out = cli._StdoutMayClose(_PipeClosed(f.fileno(), OSError(errno.EINVAL, "Invalid")))
        with pytest.raises(OSError, match="Invalid"):
            out.write("上底村党总支\n")


def test_output_redirected_on_a_gbk_console_escapes_what_gbk_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Redirected to a file, Python writes the console's code page (cp936 on Chinese
    Windows), strictly: a name with a character GBK lacks (𠮷) failed the command
    after its work was done."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp936", errors="strict")
    monkeypatch.setattr("sys.stdout", stream)
    cli._names_printable()
    print("吉𠮷社区")
    stream.flush()
    assert raw.getvalue().decode("cp936") == "吉\\U00020bb7社区\n"
