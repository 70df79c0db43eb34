"""``packaging/installer.nsi`` compiles with makensis, so the installer script never rots.

A small stand-in payload (the names of the PyInstaller folder, a few bytes each) is enough:
the real bundle is built by ``make package`` and the Windows workflow, not by the tests.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

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


# --- the installer at work, under Wine ------------------------------------------------
# The Windows workflow installs, upgrades and uninstalls the real setup.exe. With Wine
# (Debian: wine64, not in CI) and PBC_WINE_TESTS=1, this runs the same script built for
# amd64 on a stand-in payload: per-user and all-users installs, upgrade in place,
# uninstall keeping or deleting the data. About a minute; run it when installer.nsi changes.

WINE_TESTS_ENV = "PBC_WINE_TESTS"

UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\PBCDesktop"
LNK = "党建共同体工作台.lnk"
DEMO_LNK = "党建共同体工作台(演示数据).lnk"


def _wine64() -> str | None:
    found = shutil.which("wine64")
    if found:
        return found
    debian = Path("/usr/lib/wine/wine64")
    return str(debian) if debian.exists() else None


class Wine:
    def __init__(self, wine64: str, prefix: Path, home: Path) -> None:
        self.wine64 = wine64
        self.server = str(Path(wine64).with_name("wineserver"))
        home.mkdir()
        self.env = {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",  # Wine writes Chinese file names in the locale's encoding
            "HOME": str(home),
            "WINEPREFIX": str(prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "winemenubuilder.exe=d",  # no menu entries on this machine
        }
        self.run("wineboot", "-i")
        self.run("winecfg", "/v", "win10")
        users = [p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
        self.user = users[0]
        self.program_files = prefix / "drive_c" / "Program Files"
        self.common_start_menu = (
            prefix / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu"
        )

    def run(self, *args: str | Path) -> int:
        """Run a program and wait for every process it started (the uninstaller re-runs
        itself from the temporary folder)."""
        cmd = [self.wine64, *map(str, args)]
        result = subprocess.run(cmd, env=self.env, capture_output=True, check=False, timeout=180)
        subprocess.run([self.server, "-w"], env=self.env, check=False, timeout=180)
        return result.returncode

    def reg(self, root: str, value: str) -> str | None:
        result = subprocess.run(
            [self.wine64, "reg", "query", f"{root}\\{UNINSTALL_KEY}", "/v", value],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        for line in result.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == value:
                return parts[2].strip()
        return None

    @property
    def per_user_dir(self) -> Path:
        return self.user / "AppData" / "Local" / "Programs" / "PBC Desktop"

    @property
    def data_dir(self) -> Path:
        return self.user / "AppData" / "Local" / "PBCDesktop"

    @property
    def start_menu_lnk(self) -> Path:
        return self.user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / LNK

    @property
    def demo_lnk(self) -> Path:
        return self.start_menu_lnk.with_name(DEMO_LNK)


def _setup(tmp_path: Path, version: str, extra: str) -> Path:
    payload = tmp_path / f"payload-{version}"
    (payload / "_internal").mkdir(parents=True)
    (payload / "_internal" / extra).write_text(version, encoding="utf-8")
    for name in ("pbc.exe", "pbc-desktop.exe"):
        (payload / name).write_text(version, encoding="utf-8")
    out = tmp_path / f"pbc-desktop-{version}-setup.exe"
    cmd = _build_script().makensis_command(payload, out, version, exe_suffix=".exe")
    cmd.insert(1, "-XTarget amd64-unicode")  # Debian's Wine runs 64-bit programs only
    result = _makensis(cmd)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.slow
@pytest.mark.skipif(_wine64() is None, reason="Wine (wine64) is not installed")
@pytest.mark.skipif(not os.environ.get(WINE_TESTS_ENV), reason=f"{WINE_TESTS_ENV}=1 not set")
def test_install_upgrade_and_uninstall_under_wine(tmp_path: Path) -> None:
    wine64 = _wine64()
    assert wine64 is not None
    v1 = _setup(tmp_path, "0.1.0", "old-only.txt")
    v2 = _setup(tmp_path, "0.2.0", "new-only.txt")
    wine = Wine(wine64, tmp_path / "prefix", tmp_path / "home")
    program, data = wine.per_user_dir, wine.data_dir

    # Per user, silently, without administrator rights needed.
    assert wine.run(v1, "/S") == 0
    assert (program / "pbc-desktop.exe").is_file()
    assert (program / "uninstall.exe").is_file()
    assert wine.start_menu_lnk.is_file()
    assert wine.demo_lnk.is_file()  # the demo district, beside the program's own entry
    assert wine.reg("HKCU", "DisplayVersion") == "0.1.0"
    assert wine.reg("HKCU", "InstallMode") == "CurrentUser"
    assert (wine.reg("HKCU", "UninstallString") or "").endswith("/CurrentUser")

    # Upgrade in place: old program files go, the data folder stays.
    (data / "backups").mkdir(parents=True)
    (data / "pbc.sqlite").write_bytes(b"office data")
    (data / "backups" / "copy.sqlite").write_bytes(b"backup")
    assert wine.run(v2, "/S") == 0
    assert not (program / "_internal" / "old-only.txt").exists()
    assert (program / "_internal" / "new-only.txt").is_file()
    assert wine.reg("HKCU", "DisplayVersion") == "0.2.0"
    assert (data / "pbc.sqlite").read_bytes() == b"office data"

    # A silent uninstall keeps the data, and any file the user put in the program folder.
    (program / "notes.txt").write_text("mine", encoding="utf-8")
    assert wine.run(program / "uninstall.exe", "/S") == 0
    assert not (program / "pbc-desktop.exe").exists()
    assert not (program / "_internal").exists()
    assert (program / "notes.txt").is_file()
    assert not wine.start_menu_lnk.exists()
    assert not wine.demo_lnk.exists()
    assert wine.reg("HKCU", "DisplayVersion") is None
    assert (data / "pbc.sqlite").is_file()
    assert (data / "backups" / "copy.sqlite").is_file()

    # A folder of one's own with /D=, also for the uninstaller.
    own = wine.program_files.parent / "PBC"
    assert wine.run(v1, "/S", "/D=C:\\PBC") == 0
    assert (own / "pbc-desktop.exe").is_file()
    assert wine.reg("HKCU", "InstallLocation") == "C:\\PBC"
    assert wine.run(own / "uninstall.exe", "/S") == 0
    assert not own.exists()

    # Asked to, the uninstaller deletes the data too.
    assert wine.run(v2, "/S") == 0
    assert wine.run(program / "uninstall.exe", "/S", "/DeleteData") == 0
    assert not data.exists()

    # For all users: Program Files and HKLM; a later setup upgrades that installation; its
    # uninstaller, run without options, finds which installation it belongs to.
    data.mkdir(parents=True)
    (data / "pbc.sqlite").write_bytes(b"office data")
    shared = wine.program_files / "PBC Desktop"
    assert wine.run(v1, "/S", "/AllUsers") == 0
    assert (shared / "pbc-desktop.exe").is_file()
    assert wine.reg("HKLM", "InstallMode") == "AllUsers"
    assert wine.reg("HKCU", "InstallMode") is None
    assert (wine.common_start_menu / "Programs" / LNK).is_file()
    assert wine.run(v2, "/S") == 0
    assert (shared / "_internal" / "new-only.txt").is_file()
    assert not (program / "pbc-desktop.exe").exists()
    assert wine.reg("HKLM", "DisplayVersion") == "0.2.0"
    assert wine.run(shared / "uninstall.exe", "/S") == 0
    assert not shared.exists()
    assert not (wine.common_start_menu / "Programs" / LNK).exists()
    assert wine.reg("HKLM", "DisplayVersion") is None
    assert (data / "pbc.sqlite").read_bytes() == b"office data"
