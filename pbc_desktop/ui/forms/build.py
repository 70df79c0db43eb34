"""Generate ``ui_<name>.py`` from every Designer file in ``forms/``.

Run ``python -m pbc_desktop.ui.forms.build``; a test fails when a ``.ui`` changed without it.
"""

from __future__ import annotations

import re
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
    """The Python source for one form, without uic's version banner (stable across builds).

    Its Qt classes are imported by name, each module's on one line. A star import would
    make PySide6 create every class of QtCore, QtGui and QtWidgets (it creates them as
    they are first named): a tenth of a second of every start. On one line, the lists do
    not read as twenty lines repeated in every form.
    """
    out = subprocess.run(
        [uic_executable(), str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    ).stdout
    lines = [ln for ln in out.splitlines() if not ln.startswith("## ")]
    return _imports_on_one_line("\n".join(lines)).strip() + "\n"


_IMPORT = re.compile(r"^(from \S+ import )\(([^)]*)\)", re.MULTILINE)


def _imports_on_one_line(source: str) -> str:
    def joined(match: re.Match[str]) -> str:
        names = ", ".join(n.strip() for n in match.group(2).split(",") if n.strip())
        return match.group(1) + names

    return _IMPORT.sub(joined, source)


def main() -> int:
    for ui_file in sorted(forms_dir().glob("*.ui")):
        target_for(ui_file).write_text(generate(ui_file), encoding="utf-8")
        print(f"{ui_file.name} -> {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
