"""The manual (帮助 → 使用手册) ships with the program: in the PyInstaller bundle, whose
data files are listed explicitly, and in the wheel, which carries all of ``resources/``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from pbc_desktop.ui.help.pages import manual_dir, page_path, pages

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "pbc_packaging_build", ROOT / "packaging" / "build.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_carries_every_file_of_the_manual(build: ModuleType) -> None:
    shipped = {Path(src): dest for src, dest in build.bundle_datas(ROOT)}
    files = [p for p in manual_dir().rglob("*") if p.is_file()]
    assert len(files) > len(pages())  # the pages, their style sheet and pictures
    for path in files:
        assert shipped.get(path) == path.parent.relative_to(ROOT).as_posix(), path
    assert all(page_path(page.name) in shipped for page in pages())


def test_the_wheel_check_looks_for_the_manual(build: ModuleType) -> None:
    checked = [r for r in build.WHEEL_RESOURCES if r.startswith("manual/")]
    assert "manual/index.html" in checked
    assert any(r.startswith("manual/images/") for r in checked)
    for resource in checked:
        assert (ROOT / "resources" / resource).is_file(), resource
