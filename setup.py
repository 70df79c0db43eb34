"""Build hook (the rest of the build is in pyproject.toml): a wheel carries ``resources/``
(the CJK font, icons, translations with their compiled ``.qm``) inside the package, as
``pbc_desktop/resources/``, where :func:`pbc_desktop.paths.resources_dir` finds them once
installed. A source checkout and an editable install keep using the top-level folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"
COMPILED = RESOURCES / "translations" / "pbc_zh_CN.qm"


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        if not COMPILED.is_file():
            raise SystemExit(f"{COMPILED} is missing: run `python -m pbc_desktop.i18n build`")
        target = Path(self.build_lib) / "pbc_desktop" / "resources"
        shutil.copytree(RESOURCES, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
