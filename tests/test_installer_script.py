"""``packaging/installer.nsi`` compiles with makensis, so the installer script never rots.

A small stand-in payload (the names of the PyInstaller folder, a few bytes each) is enough:
the real bundle is built by ``make package`` and the Windows workflow, not by the tests.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis (NSIS) is not installed"
)


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "pbc_packaging_build", ROOT / "packaging" / "build.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def _payload(folder: Path, suffix: str) -> Path:
    """The layout of ``dist/pbc_desktop``: both programs and ``_internal/``."""
    internal = folder / "_internal" / "resources" / "fonts"
    internal.mkdir(parents=True)
    (internal / "font.ttc").write_bytes(b"font")
    (folder / "_internal" / "中文 名字.txt").write_text("数据", encoding="utf-8")
    for name in ("pbc", "pbc-desktop"):
        (folder / f"{name}{suffix}").write_bytes(b"MZ stand-in")
    return folder


def _makensis(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)


@pytest.mark.parametrize("suffix", ["", ".exe"])
def test_installer_compiles_without_warnings(tmp_path: Path, suffix: str) -> None:
    build = _build_script()
    payload = _payload(tmp_path / "pbc_desktop", suffix)
    setup = tmp_path / "out" / "pbc-desktop-9.8.7-setup.exe"
    setup.parent.mkdir()
    result = _makensis(build.makensis_command(payload, setup, "9.8.7", exe_suffix=suffix))
    assert result.returncode == 0, result.stdout + result.stderr  # -WX: no warnings either
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    pe_offset = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe_offset : pe_offset + 4] == b"PE\0\0"
    assert b"Nullsoft" in data


def test_installer_refuses_a_payload_without_the_program(tmp_path: Path) -> None:
    build = _build_script()
    payload = tmp_path / "empty"
    payload.mkdir()
    setup = tmp_path / "setup-test.exe"
    result = _makensis(build.makensis_command(payload, setup, "1.0.0", exe_suffix=""))
    assert result.returncode != 0
    assert "build the program first" in result.stdout + result.stderr
    assert not setup.exists()
