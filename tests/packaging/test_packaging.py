"""The frozen build's description stays in step with the source, checked without PyInstaller.

``packaging/pbc_desktop.spec`` takes its data files, hidden imports, exclusions and version
resource from ``packaging/build.py``; these tests check those helpers and the launcher.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import pbc_desktop
from pbc_desktop import fonts, i18n, paths
from pbc_desktop.db import migrate
from pbc_desktop.ui.help.pages import manual_dir, page_path, pages

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _load("pbc_packaging_build", PACKAGING / "build.py")


def test_version_comes_from_the_package(build: ModuleType) -> None:
    assert build.package_version() == pbc_desktop.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.10.3rc1", (2, 10, 3, 0)),
        ("1.2.3.post4", (1, 2, 3, 0)),
        ("2026.1.2.3.4", (2026, 1, 2, 3)),
    ],
)
def test_windows_version_numbers(build: ModuleType, version: str, numbers: tuple[int, ...]) -> None:
    assert build.version_tuple(version) == numbers


def test_version_resource_names_the_package_version(build: ModuleType, tmp_path: Path) -> None:
    files = build.write_version_files(tmp_path)
    assert set(files) == {"pbc", "pbc-desktop"}
    version = pbc_desktop.__version__
    numbers = build.version_tuple(version)
    for name, path in files.items():
        text = path.read_text(encoding="utf-8")
        strings = build.check_version_info(text)
        assert strings["FileVersion"] == strings["ProductVersion"] == version
        assert strings["OriginalFilename"] == f"{name}.exe"
        assert "党建共同体工作台" in strings["ProductName"]
        assert f"filevers={numbers}" in text
        assert f"prodvers={numbers}" in text


def test_every_data_file_exists_and_keeps_its_place(build: ModuleType) -> None:
    """The bundle mirrors the source tree, so paths.py finds everything frozen or not."""
    datas = build.bundle_datas(ROOT)
    assert datas
    for src, dest in datas:
        source = Path(src)
        if source.suffix == ".qm":  # compiled by the build; its source must be there
            assert source.with_suffix(".ts").is_file(), src
        else:
            assert source.is_file(), src
        assert source.parent == ROOT / dest, (src, dest)
    shipped = {Path(src) for src, _dest in datas}
    assert fonts.bundled_cjk_font() in shipped
    assert paths.resources_dir() / "icons" / "app.ico" in shipped
    assert i18n.qm_file() in shipped
    scripts = sorted((migrate.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert scripts
    assert set(scripts) <= shipped
    assert migrate.MIGRATIONS_DIR / "env.py" in shipped


def test_frozen_resources_are_found_under_the_bundle_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"
    assert fonts.bundled_cjk_font() == tmp_path / "resources" / "fonts" / "wqy-microhei.ttc"


def test_migration_imports_are_collected(build: ModuleType) -> None:
    modules = build.migration_hiddenimports(ROOT)
    assert {
        "alembic",
        "sqlalchemy",
        "pbc_desktop.db.models",
        "pbc_desktop.db.migrations.helpers",  # what several migrations declare alike
    } <= set(modules)
    for name in modules:
        assert importlib.util.find_spec(name) is not None, name


def test_no_qt_module_the_program_uses_is_excluded(build: ModuleType) -> None:
    used: set[str] = set()
    for source in (ROOT / "pbc_desktop").rglob("*.py"):
        used.update(re.findall(r"PySide6\.Qt\w+", source.read_text(encoding="utf-8")))
    assert used
    assert not used & set(build.QT_EXCLUDES)
    top_level = {name.split(".")[0] for name in used}
    assert not top_level & set(build.PY_EXCLUDES)


def test_qt_translations_and_plugins_kept(build: ModuleType) -> None:
    keep = build.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("resources/translations/pbc_zh_CN.qm")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    binary = build.keep_binary
    assert binary("PySide6/plugins/platforms/qwindows.dll")
    assert not binary("PySide6/opengl32sw.dll")
    assert not binary("PySide6/Qt/plugins/tls/libqopensslbackend.so")


def test_spec_is_python_and_uses_the_helpers() -> None:
    text = (PACKAGING / "pbc_desktop.spec").read_text(encoding="utf-8")
    ast.parse(text)
    for name in ("bundle_datas", "migration_hiddenimports", "write_version_files", "launcher.py"):
        assert name in text
    assert '("X utf8", None, "OPTION")' in text  # "X utf8_mode=1" is silently ignored


@pytest.mark.parametrize(
    ("executable", "expected"),
    [
        ("/opt/pbc_desktop/pbc", "cli"),
        (r"C:\PBC Desktop\PBC.EXE", "cli"),
        ("pbc-desktop.exe", "app"),
    ],
)
def test_launcher_runs_the_program_its_file_names(
    monkeypatch: pytest.MonkeyPatch, executable: str, expected: str
) -> None:
    import pbc_desktop.app
    import pbc_desktop.cli

    launcher = _load("pbc_packaging_launcher", PACKAGING / "launcher.py")
    monkeypatch.setattr(pbc_desktop.cli, "main", lambda: 11)
    monkeypatch.setattr(pbc_desktop.app, "main", lambda: 22)
    monkeypatch.setattr(sys, "executable", executable.replace("\\", "/"))
    assert launcher.main() == {"cli": 11, "app": 22}[expected]


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
