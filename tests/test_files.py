"""Output files are written whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from pbc_desktop.errors import UserError
from pbc_desktop.files import atomic_output


def test_success_replaces_the_target_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out" / "纪要.pdf"
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["纪要.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def _write_half_then_fail(target: Path) -> None:
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("layout failed")


def test_a_failure_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        _write_half_then_fail(target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="是一个文件夹"), atomic_output(tmp_path):
        pass


def test_a_file_held_open_elsewhere_is_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a PDF open in a reader cannot be replaced: the rename is refused."""

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    target = tmp_path / "report.pdf"
    with pytest.raises(UserError, match="正被其他程序"), atomic_output(target) as tmp:
        tmp.write_bytes(b"new")
    assert not target.exists()
