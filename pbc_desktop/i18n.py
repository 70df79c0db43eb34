"""Qt translations: our own ``.ts`` (kept in git) compiled to ``.qm``, plus Qt's ``qtbase``.

``python -m pbc_desktop.i18n update`` refreshes the ``.ts`` from the sources;
``python -m pbc_desktop.i18n build`` compiles the ``.qm`` (the set-up step runs it).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from pbc_desktop import lang
from pbc_desktop.paths import forms_dir, resources_dir

LANGS = ("zh", "en")
_QT_LOCALE = {"zh": "zh_CN"}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def ts_file(locale: str = "zh_CN") -> Path:
    return translations_dir() / f"pbc_{locale}.ts"


def qm_file(locale: str = "zh_CN") -> Path:
    return translations_dir() / f"pbc_{locale}.qm"


def _tool(name: str) -> str | None:
    exe = Path(sys.executable).with_name(name)
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    return shutil.which(name)


def build(locale: str = "zh_CN") -> Path:
    tool = _tool("pyside6-lrelease")
    if tool is None:
        raise RuntimeError("pyside6-lrelease not found")
    subprocess.run(
        [tool, "-silent", str(ts_file(locale)), "-qm", str(qm_file(locale))],
        check=True,
    )
    return qm_file(locale)


def source_files() -> list[Path]:
    package = Path(__file__).resolve().parent
    sources = [
        p
        for p in sorted((package / "ui").rglob("*.py"))
        if "forms" not in p.relative_to(package).parts
    ]
    return sources + sorted(forms_dir().glob("*.ui"))


def update(locale: str = "zh_CN") -> None:
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise RuntimeError("pyside6-lupdate not found")
    subprocess.run(
        [
            tool,
            "-no-obsolete",
            "-locations",
            "none",
            *map(str, source_files()),
            "-ts",
            str(ts_file(locale)),
        ],
        check=True,
    )


def qm_is_stale(locale: str = "zh_CN") -> bool:
    qm, ts = qm_file(locale), ts_file(locale)
    return ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)


def install(app: object, language: str) -> list[object]:
    """Load our and Qt's translators for ``language`` into ``app``; keep the result alive."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    lang.set_language(language)
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    locale = _QT_LOCALE[language]
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if qm_is_stale(locale) and _tool("pyside6-lrelease") is not None:
        # A read-only install ships its .qm; then use whatever is there.
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            build(locale)
    translators: list[object] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{locale}", qt_dir), (f"pbc_{locale}", str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["build"]:
        print(build())
        return 0
    if args == ["update"]:
        update()
        print(ts_file())
        return 0
    print("usage: python -m pbc_desktop.i18n build|update", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
