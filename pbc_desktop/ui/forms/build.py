"""Generate ``ui_<name>.py`` from every Designer file in ``forms/``.

Run ``python -m pbc_desktop.ui.forms.build``; a test fails when a ``.ui`` changed without it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pbc_desktop.paths import forms_dir

OUT_DIR = Path(__file__).resolve().parent


def uic_executable() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    if exe.exists():
        return str(exe)
    win = Path(sys.executable).with_name("pyside6-uic.exe")
    return str(win) if win.exists() else "pyside6-uic"


def target_for(ui_file: Path) -> Path:
    return OUT_DIR / f"ui_{ui_file.stem}.py"


def generate(ui_file: Path) -> str:
    """The Python source for one form, without uic's version banner (stable across builds)."""
    out = subprocess.run(
        [uic_executable(), "--star-imports", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    lines = [ln for ln in out.splitlines() if not ln.startswith("## ")]
    return "\n".join(lines).strip() + "\n"


def main() -> int:
    for ui_file in sorted(forms_dir().glob("*.ui")):
        target_for(ui_file).write_text(generate(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
