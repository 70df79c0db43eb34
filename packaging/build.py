"""Build the one-folder program with PyInstaller, smoke-test it, optionally wrap it in setup.exe.

Runs the same on Windows and Linux (Linux builds a Linux bundle, used as a stand-in payload
to keep the installer script compiling)::

    python packaging/build.py                    # translations, PyInstaller, smoke test
    python packaging/build.py --installer        # ... and makensis -> dist/*-setup.exe
    python packaging/build.py --installed DIR    # only the smoke test, on an installed copy
    python packaging/build.py --wheel            # the wheel, installed into a fresh venv

The smoke test runs ``pbc --version``, ``pbc init --demo`` into a temporary folder,
``pbc communities``/``pbc activities``, writes the minutes and the sign-in sheet of a
meeting and the assessment report as PDF and checks that their fonts are embedded, exports
the members to Excel, backs the database up, then opens the window offscreen
(``--exit-after-show``).
Any failure ends the script with a non-zero status and a sentence saying what failed.

The helpers at the top (version resource, data files, hidden imports) are also used by
``pbc_desktop.spec`` and by ``tests/packaging/test_packaging.py``; they need only the standard library.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "pbc_desktop.spec"
NSI = PACKAGING / "installer.nsi"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE_NAME = "pbc_desktop"
# PyInstaller 6 puts everything but the executables into this folder of the bundle.
CONTENTS_DIR = "_internal"
IS_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""

APP_NAME = "PBC Desktop"
APP_NAME_ZH = "党建共同体工作台"
PUBLISHER = "PBC Desktop"

# name -> (console?, file description) of the two programs in the one folder.
EXECUTABLES: dict[str, tuple[bool, str]] = {
    "pbc": (True, f"{APP_NAME_ZH} 命令行 ({APP_NAME} command line)"),
    "pbc-desktop": (False, f"{APP_NAME_ZH} ({APP_NAME})"),
}

# Qt modules of PySide6-Essentials the program never imports (it uses QtCore, QtGui,
# QtWidgets, QtNetwork and QtPrintSupport), and Python modules it does not need.
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in [
        *["Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender"],
        *["QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization"],
        *["QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer"],
        *["QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNfc", "QtOpenGL"],
        *["QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick"],
        *["QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects"],
        *["QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql"],
        *["QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools"],
        *["QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets"],
        *["QtWebSockets", "QtWebView", "QtXml"],
    ]
]
PY_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "lib2to3",
    "pytest",
    "_pytest",
    "pytestqt",
    "pypdf",
    "mypy",
    "ruff",
    "psycopg",
    "psycopg_binary",
    "IPython",
    "numpy",
    "pygments",  # only mako's optional syntax highlighting
]
# Qt plugins of an offline widgets program that never loads them, and Qt's software
# OpenGL (Windows, about 20 MB): widgets paint without OpenGL.
DROP_QT_PLUGIN_TYPES = ("tls", "networkinformation")
DROP_BINARIES = ("opengl32sw.dll",)
# Qt's own translations kept in the bundle (the program speaks Chinese or English).
QT_TRANSLATION_LOCALES = ("zh_CN", "en")

# Fonts an official-style minutes PDF may embed: the bundled one or the Windows ones.
CJK_FONT_MARKERS = ("WenQuanYi", "WQY", "SimHei", "SimSun", "FangSong", "FZXiaoBiaoSong")
SMOKE_TIMEOUT = 300


class SmokeTestError(Exception):
    """A step of the build or the smoke test failed; the message says which and why."""


# --- shared with the spec and the tests -------------------------------------------------


def package_version(root: Path = ROOT) -> str:
    """``pbc_desktop.__version__``, read from the source without importing the package."""
    tree = ast.parse((root / "pbc_desktop" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise SmokeTestError("pbc_desktop/__init__.py defines no __version__")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers of a Windows file version: ``0.1.0`` -> (0, 1, 0, 0).

    Pre- and post-release suffixes (``1.2.0rc1``, ``1.2.0.post3``) keep only the release
    numbers, which is all a Windows version resource can hold.
    """
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)", version)
    if match is None:
        raise ValueError(f"not a version number: {version!r}")
    numbers = [int(part) for part in match.group(1).split(".")][:4]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_info_text(version: str, exe_name: str, description: str) -> str:
    """A PyInstaller ``VSVersionInfo`` file (the ``version=`` of an EXE) for one program."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "Apache License 2.0",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": f"{APP_NAME_ZH} {APP_NAME}",
        "ProductVersion": version,
    }
    table = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# Generated by packaging/build.py from pbc_desktop.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404b0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def check_version_info(text: str) -> dict[str, str]:
    """Evaluate a version file the way PyInstaller does, with stand-in classes.

    PyInstaller reads it only on Windows (its reader needs ``pefile``); this catches a
    broken file on any system. Returns the string table.
    """
    strings: dict[str, str] = {}

    def string_struct(key: str, value: str) -> tuple[str, str]:
        strings[key] = value
        return key, value

    def record(*args: object, **kwargs: object) -> tuple[object, ...]:
        return (*args, *kwargs.values())

    classes = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "VarFileInfo"]
    names = dict.fromkeys([*classes, "VarStruct"], record)
    eval(text, {"__builtins__": {}, "StringStruct": string_struct, **names})
    return strings


def write_version_files(out_dir: Path, version: str | None = None) -> dict[str, Path]:
    """One version file per executable in ``out_dir``; ``{exe name: path}``."""
    version = version or package_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    for name, (_console, description) in EXECUTABLES.items():
        text = version_info_text(version, name, description)
        check_version_info(text)
        path = out_dir / f"version-{name}.txt"
        path.write_text(text, encoding="utf-8")
        files[name] = path
    return files


def bundle_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Data files of the bundle, listed explicitly: (source file, folder in the bundle).

    ``paths.resources_dir()`` finds ``resources/`` at the top of the bundle; Alembic reads
    the migration scripts as files beside ``pbc_desktop/db/migrate.py``. The ``.ui`` forms
    are not needed: the program uses the classes generated from them.
    """
    resources = root / "resources"
    migrations = root / "pbc_desktop" / "db" / "migrations"
    files: list[tuple[Path, str]] = [
        (resources / "fonts" / "wqy-microhei.ttc", "resources/fonts"),
        (resources / "fonts" / "wqy-microhei-LICENSE-Apache-2.0.txt", "resources/fonts"),
        (resources / "fonts" / "wqy-microhei-COPYRIGHT.txt", "resources/fonts"),
        (resources / "icons" / "app.ico", "resources/icons"),
        (resources / "icons" / "app.png", "resources/icons"),
    ]
    # The compiled translations: one .qm for each .ts (python -m pbc_desktop.i18n build).
    for ts in sorted((resources / "translations").glob("*.ts")):
        files.append((ts.with_suffix(".qm"), "resources/translations"))
    # The manual (帮助 → 使用手册): its pages, style sheet and pictures.
    manual = resources / "manual"
    for path in sorted(manual.rglob("*")):
        if path.is_file():
            files.append((path, path.parent.relative_to(root).as_posix()))
    files += [
        (migrations / "env.py", "pbc_desktop/db/migrations"),
        (migrations / "script.py.mako", "pbc_desktop/db/migrations"),
    ]
    files += [
        (script, "pbc_desktop/db/migrations/versions")
        for script in sorted((migrations / "versions").glob("*.py"))
    ]
    return [(str(src), dest) for src, dest in files]


def migration_hiddenimports(root: Path = ROOT) -> list[str]:
    """Modules the Alembic scripts import: they are loaded from files, so PyInstaller's
    analysis never sees them."""
    migrations = root / "pbc_desktop" / "db" / "migrations"
    modules: set[str] = set()
    for script in [migrations / "env.py", *sorted((migrations / "versions").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module)
                # "from pbc_desktop.db import models": models may be a module itself.
                modules.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_module(f"{node.module}.{alias.name}")
                )
    modules.discard("__future__")
    return sorted(modules)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def keep_qt_translation(dest_name: str) -> bool:
    """True for a bundled file that is not one of Qt's translations in another language."""
    parts = Path(dest_name).parts
    if "translations" not in parts or not dest_name.endswith(".qm") or "resources" in parts:
        return True
    return any(Path(dest_name).stem.endswith(f"_{loc}") for loc in QT_TRANSLATION_LOCALES)


def keep_binary(dest_name: str) -> bool:
    """True for a collected binary the program may load."""
    path = Path(dest_name)
    if path.name.lower() in DROP_BINARIES:
        return False
    parts = path.parts
    return not any(
        parts[i] == "plugins" and parts[i + 1] in DROP_QT_PLUGIN_TYPES
        for i in range(len(parts) - 1)
    )


# --- build ---------------------------------------------------------------------------


def run(cmd: Sequence[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("+ " + " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=False, text=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def build_translations() -> None:
    result = run([sys.executable, "-m", "pbc_desktop.i18n", "build"], cwd=ROOT)
    if result.returncode != 0:
        raise SmokeTestError("the translations could not be compiled (pbc_desktop.i18n build)")


def build_bundle(*, clean: bool) -> Path:
    if not _is_module("PyInstaller"):
        raise SmokeTestError(
            "PyInstaller is not installed: pip install -e '.[packaging]' (or make package)"
        )
    build_translations()
    cmd: list[str | Path] = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK,
    ]
    if clean:
        cmd.append("--clean")
    started = time.perf_counter()
    if run([*cmd, SPEC], cwd=ROOT).returncode != 0:
        raise SmokeTestError("PyInstaller failed (see its messages above)")
    bundle = DIST / BUNDLE_NAME
    print(f"built {bundle} in {time.perf_counter() - started:.0f} s, {folder_size(bundle)}")
    return bundle


def folder_size(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    return f"{total / 1_048_576:.1f} MB in {len(files)} files"


def find_makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").exists():
            return str(Path(base) / "NSIS" / "makensis.exe")
    raise SmokeTestError(
        "makensis not found: install NSIS (Debian: apt-get install nsis; "
        "Windows: choco install nsis)"
    )


def makensis_command(
    source_dir: Path, outfile: Path, version: str, exe_suffix: str = EXE_SUFFIX
) -> list[str]:
    """The makensis call that wraps ``source_dir`` (a bundle) in ``outfile``."""
    numbers = ".".join(str(n) for n in version_tuple(version))
    return [
        find_makensis(),
        "-V2",
        "-WX",  # a warning is an error: the script never rots quietly
        "-INPUTCHARSET",
        "UTF8",
        f"-DVERSION={version}",
        f"-DVERSION4={numbers}",
        f"-DSOURCE_DIR={source_dir.resolve()}",
        f"-DOUTFILE={outfile.resolve()}",
        f"-DEXE_SUFFIX={exe_suffix}",
        f"-DICON={(ROOT / 'resources' / 'icons' / 'app.ico').resolve()}",
        str(NSI),
    ]


def build_installer(bundle: Path) -> Path:
    version = package_version()
    outfile = DIST / f"pbc-desktop-{version}-setup.exe"
    outfile.unlink(missing_ok=True)
    started = time.perf_counter()
    if run(makensis_command(bundle, outfile, version), cwd=ROOT).returncode != 0:
        raise SmokeTestError("makensis failed (see its messages above)")
    if not outfile.exists() or outfile.read_bytes()[:2] != b"MZ":
        raise SmokeTestError(f"makensis did not write a Windows program at {outfile}")
    size = outfile.stat().st_size / 1_048_576
    print(f"installer {outfile} ({size:.1f} MB) in {time.perf_counter() - started:.0f} s")
    return outfile


# --- smoke test ---------------------------------------------------------------------


def program(folder: Path, name: str) -> Path:
    exe = folder / f"{name}{EXE_SUFFIX}"
    if not exe.is_file():
        raise SmokeTestError(f"{exe} is missing")
    return exe


def step(
    title: str, cmd: Sequence[str | Path], env: dict[str, str], *, expect: str | None = None
) -> str:
    """Run one program of the bundle; fail unless it exits 0 (and prints ``expect``)."""
    print(f"== {title}", flush=True)
    try:
        result = run(
            cmd,
            env=env,
            capture_output=True,
            timeout=SMOKE_TIMEOUT,
            encoding="utf-8",
            errors="replace",
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeTestError(f"{title}: no answer after {SMOKE_TIMEOUT} s") from exc
    output = (result.stdout or "") + (result.stderr or "")
    print(textblock(output), flush=True)
    if result.returncode != 0:
        raise SmokeTestError(f"{title}: exit status {result.returncode}")
    if expect is not None and expect not in output:
        raise SmokeTestError(f"{title}: expected {expect!r} in the output")
    return output


def textblock(text: str, limit: int = 25) -> str:
    lines = text.rstrip().splitlines()
    if len(lines) > limit:
        lines = [*lines[: limit - 1], f"... ({len(lines) - limit + 1} more lines)"]
    return "\n".join("   " + line for line in lines)


def pick_meeting(db_file: Path) -> tuple[int, str]:
    """An activity with agenda items (a meeting) and its community, from the demo data."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT a.id, c.name FROM activity a JOIN community c ON c.id = a.community_id "
            "WHERE EXISTS (SELECT 1 FROM agenda_item g WHERE g.activity_id = a.id) "
            "ORDER BY a.id LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        raise SmokeTestError("the demo database holds no meeting with agenda items")
    return int(row[0]), str(row[1])


def _fonts_by_pypdf(pdf: Path) -> tuple[dict[str, bool], str]:
    """``{font name: embedded?}`` and the text of the PDF, read with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in font_dict.get_object().values() if font_dict else ():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            keys = set(descriptor.get_object()) if descriptor is not None else set()
            fonts[str(font["/BaseFont"]).lstrip("/")] = bool(
                keys & {"/FontFile", "/FontFile2", "/FontFile3"}
            )
    text = "".join(page.extract_text() or "" for page in reader.pages)
    return fonts, text


def _fonts_by_bytes(data: bytes) -> dict[str, bool]:
    """A rougher look without pypdf: the font names, embedded if any font file is."""
    names = {n.decode("latin-1") for n in re.findall(rb"/BaseFont\s*/([^\s/\]>]+)", data)}
    embedded = b"/FontFile2" in data or b"/FontFile3" in data
    return dict.fromkeys(names, embedded)


def pick_assessment_year(db_file: Path) -> int:
    """A year with assessments in the demo data."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT s.year FROM assessment a JOIN indicator_set s ON s.id = a.set_id "
            "ORDER BY s.year DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        raise SmokeTestError("the demo database holds no assessment")
    return int(row[0])


def check_pdf_fonts(pdf: Path, expect_text: str) -> list[str]:
    """Fail unless the PDF exists, every font in it is embedded and one is a CJK font."""
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise SmokeTestError(f"no PDF was written at {pdf}")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SmokeTestError(f"{pdf} is not a PDF")
    if _is_module("pypdf"):
        found, text = _fonts_by_pypdf(pdf)
        if expect_text not in text:
            raise SmokeTestError(f"{pdf}: its Chinese text cannot be read back ({expect_text})")
    else:
        found = _fonts_by_bytes(data)
    fonts = sorted(found)
    missing = [name for name, embedded in found.items() if not embedded]
    if missing or not fonts:
        raise SmokeTestError(f"{pdf}: fonts not embedded: {', '.join(missing) or 'no font'}")
    if not any(marker.lower() in font.lower() for font in fonts for marker in CJK_FONT_MARKERS):
        raise SmokeTestError(f"{pdf}: no CJK font among {fonts}")
    pdffonts = shutil.which("pdffonts")
    if pdffonts:
        print(textblock(run([pdffonts, pdf], capture_output=True).stdout or ""))
    return fonts


def check_workbook(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        raise SmokeTestError(f"{path} is not an Excel workbook")
    with zipfile.ZipFile(path) as archive:
        if "xl/workbook.xml" not in archive.namelist():
            raise SmokeTestError(f"{path} is not an Excel workbook")


def check_backup(folder: Path) -> None:
    copies = sorted(folder.glob("*.sqlite")) if folder.is_dir() else []
    if not copies:
        raise SmokeTestError(f"pbc backup wrote no copy into {folder}")
    conn = sqlite3.connect(f"file:{copies[0]}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()
    finally:
        conn.close()
    if result is None or result[0] != "ok":
        raise SmokeTestError(f"the backup {copies[0]} fails its integrity check: {result}")


def smoke_test(folder: Path) -> None:
    """Run the programs in ``folder`` (a bundle or an installed copy) on a scratch folder."""
    folder = folder.resolve()
    version = package_version()
    pbc = program(folder, "pbc")
    gui = program(folder, "pbc-desktop")
    print(f"smoke test of {folder} ({folder_size(folder)})")
    with tempfile.TemporaryDirectory(prefix="pbc-smoke-") as scratch:
        tmp = Path(scratch)
        env = dict(os.environ)
        # The programs run in UTF-8 mode (see the spec), so their output decodes as UTF-8.
        env.update(PBC_DATA_DIR=str(tmp / "data"), QT_QPA_PLATFORM="offscreen")
        for name in ("PYTHONPATH", "PYTHONHOME", "PBC_FONT_DIR", "PBC_NEW_PASSWORD"):
            env.pop(name, None)
        # Every command acts as an account: `pbc init --demo` makes this administrator.
        env.update(PBC_USER="smoke", PBC_PASSWORD="smoke-test-password")
        db = tmp / "demo.sqlite"
        step("version", [pbc, "--version"], env, expect=f"{APP_NAME} {version}")
        step("demo database", [pbc, "init", "--demo", "--quiet", "--db", db], env)
        if not db.is_file():
            raise SmokeTestError(f"pbc init --demo wrote no database at {db}")
        step("database info", [pbc, "info", "--db", db], env)
        activity, community = pick_meeting(db)
        step("communities", [pbc, "communities", "--db", db], env, expect=community)
        step(
            "activities",
            [pbc, "activities", "--db", db, "--community", community],
            env,
            expect=community,
        )
        reports = [
            ("minutes", "纪要.pdf", ["--activity", str(activity)], "主持人"),
            ("signin", "签到表.pdf", ["--activity", str(activity)], "签到表"),
            ("assessment", "考核.pdf", ["--year", str(pick_assessment_year(db))], "考核情况报告"),
        ]
        for kind, name, options, expect_text in reports:
            pdf = tmp / name
            step(f"{kind} PDF", [pbc, "report", kind, "--db", db, *options, "-o", pdf], env)
            fonts = check_pdf_fonts(pdf, expect_text)
            print(f"   {name}: {pdf.stat().st_size} bytes, fonts embedded: {', '.join(fonts)}")
        workbook = tmp / "党员.xlsx"
        step("Excel export", [pbc, "export-members", "--db", db, workbook], env)
        check_workbook(workbook)
        copies = tmp / "copies"  # e.g. a USB stick: it must exist
        copies.mkdir()
        step("backup", [pbc, "backup", "--db", db, "--to", copies], env)
        check_backup(copies)
        step("English messages", [pbc, "info", "--db", db, "--lang", "en"], env)
        # The window: offscreen, shown once, closed. A windowed program on Windows may have
        # no standard output to print "shown" on, so only the exit status counts there.
        step(
            "window",
            [gui, "--db", db, "--exit-after-show"],
            env,
            expect=None if IS_WINDOWS else "shown",
        )
        log = tmp / "data" / "logs" / "pbc-desktop.log"
        if not log.is_file():
            raise SmokeTestError(f"the window wrote no log at {log}")
    print("smoke test passed")


# --- the wheel ------------------------------------------------------------------------

#: what an installed wheel must carry beside its code (a font for the PDFs, the window's
#: icon, the compiled Chinese translations, the manual of 帮助 → 使用手册 with its pictures)
WHEEL_RESOURCES = (
    "fonts/wqy-microhei.ttc",
    "icons/app.png",
    "translations/pbc_zh_CN.qm",
    "manual/index.html",
    "manual/manual.css",
    "manual/images/activities.png",
)


#: the installed window's translator loaded from the wheel's .qm (a string of the office form)
TRANSLATED = (
    "from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QCoreApplication; "
    "from pbc_desktop import i18n; app = QApplication([]); keep = i18n.install(app, 'zh'); "
    "print(QCoreApplication.translate('OfficeForm', '(choose)'))"
)


def venv_bin(venv: Path) -> Path:
    return venv / ("Scripts" if IS_WINDOWS else "bin")


def smoke_test_wheel() -> None:
    """Build the wheel (not editable), install it with its dependencies into a fresh
    virtual environment outside the checkout, check that its resources were installed
    inside the package, then smoke-test its ``pbc`` and ``pbc-desktop``."""
    with tempfile.TemporaryDirectory(prefix="pbc-wheel-") as scratch:
        tmp = Path(scratch)
        print("== wheel", flush=True)
        built = run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp, ROOT],
            capture_output=True,
        )
        wheels = sorted(tmp.glob("pbc_desktop-*.whl"))
        if built.returncode != 0 or not wheels:
            raise SmokeTestError(f"the wheel was not built: {built.stderr.strip()[-2000:]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = set(wheel.namelist())
        missing = [r for r in WHEEL_RESOURCES if f"pbc_desktop/resources/{r}" not in names]
        if missing:
            raise SmokeTestError(f"the wheel lacks {', '.join(missing)}")
        print(f"   {wheels[0].name}: {wheels[0].stat().st_size // 1024} KiB", flush=True)
        venv = tmp / "venv"
        print("== fresh virtual environment", flush=True)
        made = run([sys.executable, "-m", "venv", venv], capture_output=True)
        if made.returncode != 0:
            raise SmokeTestError(f"no virtual environment: {made.stderr.strip()}")
        python = venv_bin(venv) / f"python{EXE_SUFFIX}"
        installed = run(
            [python, "-m", "pip", "install", "--quiet", wheels[0]],
            capture_output=True,
            cwd=tmp,
        )
        if installed.returncode != 0:
            raise SmokeTestError(f"the wheel did not install: {installed.stderr.strip()[-2000:]}")
        where = run(
            [python, "-c", "from pbc_desktop.paths import resources_dir; print(resources_dir())"],
            capture_output=True,
            cwd=tmp,
        ).stdout.strip()
        if not where.startswith(str(venv)):
            raise SmokeTestError(f"the installed program reads its resources from {where!r}")
        step(
            "Chinese translations",
            [python, "-c", TRANSLATED],
            {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            expect="（请选择）",
        )
        smoke_test(venv_bin(venv))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--installed",
        type=Path,
        metavar="DIR",
        help="only smoke-test the program installed in DIR (no build)",
    )
    parser.add_argument(
        "--wheel", action="store_true", help="only build the wheel and smoke-test it in a venv"
    )
    parser.add_argument("--installer", action="store_true", help="also build setup.exe")
    parser.add_argument("--clean", action="store_true", help="PyInstaller --clean")
    parser.add_argument("--skip-build", action="store_true", help="use the bundle already in dist/")
    args = parser.parse_args(argv)
    # The programs' Chinese output is echoed: never fail on a log's code page (cp1252 on CI).
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    started = time.perf_counter()
    try:
        if args.installed is not None:
            smoke_test(args.installed)
            return 0
        if args.wheel:
            smoke_test_wheel()
            print(f"done in {time.perf_counter() - started:.0f} s")
            return 0
        bundle = DIST / BUNDLE_NAME
        if not args.skip_build:
            bundle = build_bundle(clean=args.clean)
        smoke_test(bundle)
        if args.installer:
            build_installer(bundle)
    except SmokeTestError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
