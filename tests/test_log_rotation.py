"""The shared log file rotates without a "Logging error", also while another program
holds it open (on Windows a window and a ``pbc`` command write the same file, and an
open file cannot be renamed there)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from pbc_desktop import logging_setup
from pbc_desktop.logging_setup import PrivateRotatingFileHandler
from tests.storage_helpers import fill, small_disk


@pytest.fixture
def logger(tmp_path: Path) -> Iterator[tuple[logging.Logger, Path]]:
    (tmp_path / "logs").mkdir()
    path = tmp_path / "logs" / "pbc-desktop.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=300, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("test-rotation")
    log.propagate = False
    log.addHandler(handler)
    yield log, path
    log.removeHandler(handler)
    handler.close()


def _files(path: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(path.parent.iterdir())}


def _write(log: logging.Logger, first: int, count: int) -> None:
    for n in range(first, first + count):
        log.warning("第%03d行：上底村党总支导入了一份名册", n)


def test_the_log_rotates_keeping_its_newest_files(logger: tuple[logging.Logger, Path]) -> None:
    log, path = logger
    _write(log, 0, 60)
    files = _files(path)
    assert sorted(files) == [
        "pbc-desktop.log",
        "pbc-desktop.log.1",
        "pbc-desktop.log.2",
        "pbc-desktop.log.3",
    ]
    assert "第059行" in files["pbc-desktop.log"]
    assert "第000行" not in "".join(files.values())  # the oldest went


def test_a_log_held_open_elsewhere_grows_on_and_rotates_later(
    logger: tuple[logging.Logger, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    log, path = logger
    _write(log, 0, 30)
    before = _files(path)
    real = Path.replace

    def held(self: Path, target: Path) -> Path:
        if self == path:
            raise PermissionError(13, "The process cannot access the file")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", held)
    _write(log, 100, 40)
    after = _files(path)
    assert "Logging error" not in capsys.readouterr().err
    assert {k: v for k, v in after.items() if k != path.name} == {
        k: v for k, v in before.items() if k != path.name
    }  # the older logs stay where they were
    assert "第100行" in after[path.name] and "第139行" in after[path.name]

    monkeypatch.setattr(Path, "replace", real)
    now = logging_setup.time.monotonic()
    monkeypatch.setattr(
        logging_setup.time, "monotonic", lambda: now + logging_setup.ROLLOVER_RETRY_S + 1
    )
    _write(log, 200, 1)
    rotated = _files(path)
    assert "第139行" in rotated["pbc-desktop.log.1"]
    assert rotated[path.name].count("\n") == 1
    assert "pbc-desktop.log.rotating" not in rotated


def test_a_full_disk_loses_log_lines_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The data folder's disk full: every line logged printed a "--- Logging error ---"
    traceback on the command's screen, around its one sentence saying the disk is full."""
    with small_disk(tmp_path / "disk", "64k") as disk:
        path = disk / "pbc-desktop.log"
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(message)s"))
        log = logging.getLogger("test-full-disk")
        log.propagate = False
        log.addHandler(handler)
        try:
            fill(disk)
            _write(log, 0, 200)
            assert "Logging error" not in capsys.readouterr().err
        finally:
            log.removeHandler(handler)
            with contextlib.suppress(OSError):
                handler.close()
