"""Fonts of the printed reports, registered with ReportLab once per process.

Every PDF embeds a subset of its fonts, so it prints the same on any PC. The bundled
WenQuanYi Micro Hei is always there; when the Windows fonts of official documents are
installed (仿宋, 黑体, 宋体, optionally 方正小标宋), reports use them in the style of
GB/T 9704 instead: title in 小标宋 (or 黑体), headings in 黑体, body text in 仿宋.

Characters none of these fonts has (rare names in CJK extensions B–G, emoji) are set in a
fallback font (:func:`fallback_fonts`, used by :mod:`pbc_desktop.reports.glyphs`).

``PBC_FONT_DIR`` names an extra folder searched before the system ones (tests point it
at a temporary folder); ``PBC_SYSTEM_FONTS=0`` leaves out the Windows folders and the fonts
fontconfig lists.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from pbc_desktop.fonts import bundled_cjk_font

log = logging.getLogger(__name__)

FONT_DIR_ENV = "PBC_FONT_DIR"
# "0" leaves the Windows font folders out (tests: the same PDFs on every machine).
SYSTEM_FONTS_ENV = "PBC_SYSTEM_FONTS"
BUNDLED_FONT_NAME = "PBC-WQYMicroHei"

# File names of the Windows fonts, best first, for each role.
TITLE_FILES = ("fzxbsjw.ttf", "simhei.ttf")  # 方正小标宋简体, 黑体
HEADING_FILES = ("simhei.ttf",)  # 黑体
BODY_FILES = ("simfang.ttf", "simsun.ttc")  # 仿宋, 宋体

_lock = threading.Lock()
_registered: dict[Path, str | None] = {}
_files: dict[str, Path] = {}


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names for the parts of a document."""

    title: str
    heading: str
    body: str

    @property
    def official(self) -> bool:
        """True when the body text is set in an installed official font (仿宋 or 宋体)."""
        return self.body != BUNDLED_FONT_NAME


def _register(path: Path, name: str) -> str | None:
    """Register the first face of a TrueType font or collection; None when unusable."""
    with _lock:
        if path in _registered:
            return _registered[path]
        try:
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
        except (TTFError, OSError, ValueError) as exc:
            log.warning("font %s cannot be used: %s", path, exc)
            result = None
        else:
            result = name
            _files[name] = path
        _registered[path] = result
        return result


def font_file(name: str) -> Path | None:
    """The file a font name was registered from (for diagnostics and tests)."""
    return _files.get(name)


def bundled_font() -> str:
    """The ReportLab name of the bundled CJK font, registered on first use."""
    name = _register(bundled_cjk_font().resolve(), BUNDLED_FONT_NAME)
    if name is None:  # pragma: no cover - the package is broken
        raise RuntimeError(f"bundled font missing: {bundled_cjk_font()}")
    return name


def font_dirs() -> list[Path]:
    """Folders searched for the official fonts: PBC_FONT_DIR, then the Windows ones."""
    dirs: list[Path] = []
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        dirs.append(Path(override))
    if os.environ.get(SYSTEM_FONTS_ENV) == "0":
        return dirs
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local and windir:  # fonts installed "for this user only"
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _installed_files(dirs: list[Path]) -> dict[str, Path]:
    """Lower-cased file name → path; earlier folders win."""
    found: dict[str, Path] = {}
    for folder in dirs:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            found.setdefault(entry.name.lower(), entry)
    return found


def _pick(files: dict[str, Path], candidates: tuple[str, ...]) -> str | None:
    for filename in candidates:
        path = files.get(filename)
        if path is None:
            continue
        resolved = path.resolve()
        digest = hashlib.sha1(str(resolved).encode(), usedforsecurity=False).hexdigest()[:8]
        name = _register(resolved, f"PBC-{Path(filename).stem}-{digest}")
        if name is not None:
            return name
    return None


def official_fonts() -> FontSet:
    """The fonts for a document: the installed official ones where found, else bundled."""
    files = _installed_files(font_dirs())
    fallback = bundled_font()
    heading = _pick(files, HEADING_FILES)
    return FontSet(
        title=_pick(files, TITLE_FILES) or heading or fallback,
        heading=heading or fallback,
        body=_pick(files, BODY_FILES) or fallback,
    )


# -- fallback fonts for rare characters --------------------------------------------------
# Fonts holding the rarer characters (CJK extensions A–G, symbols, emoji outlines), tried
# in this order for a character the document's own font lacks. Windows: 宋体 (extension A),
# SimSun-ExtB, MingLiU-ExtB, SimSun-ExtG (Windows 11), Segoe UI Symbol. Linux: 花園明朝 A/B
# (Debian's fonts-hanazono) or Jigmo, and Symbola. None is bundled: the extension fonts
# free to ship (花園明朝 B alone is 30 MB, Jigmo as large) would double the installer.
EXTENSION_FILES = (
    "simsun.ttc",
    "simsunb.ttf",
    "mingliub.ttc",
    "simsunextg.ttf",
    "hanamina.ttf",
    "hanaminb.ttf",
    "jigmo.ttf",  # 字雲 (CC0), 花園明朝's successor: extensions A–I in three files
    "jigmo2.ttf",
    "jigmo3.ttf",
    "seguisym.ttf",
    "symbola.ttf",
    "symbola_hint.ttf",
)
FC_LIST_TIMEOUT = 10.0  # seconds


@functools.cache
def _fontconfig_files() -> dict[str, Path]:
    """The font files fontconfig knows (Linux, other Unix), lower-cased name → path."""
    if sys.platform == "win32" or shutil.which("fc-list") is None:
        return {}
    try:
        out = subprocess.run(
            ["fc-list", "--format", "%{file}\n"],
            capture_output=True,
            text=True,
            check=False,
            timeout=FC_LIST_TIMEOUT,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("fc-list failed: %s", exc)
        return {}
    found: dict[str, Path] = {}
    for line in sorted(out.splitlines()):
        if line.strip():
            path = Path(line.strip())
            found.setdefault(path.name.lower(), path)
    return found


def fallback_fonts() -> list[str]:
    """ReportLab names of the fonts tried, in order, for characters a document's font lacks.

    The bundled font first, then the extension fonts found in ``PBC_FONT_DIR``, the Windows
    font folders and (unless ``PBC_SYSTEM_FONTS=0``) the fonts fontconfig lists.
    """
    files = _installed_files(font_dirs())
    if os.environ.get(SYSTEM_FONTS_ENV) != "0":
        for filename, path in _fontconfig_files().items():
            files.setdefault(filename, path)
    names = [bundled_font()]
    for filename in EXTENSION_FILES:
        name = _pick(files, (filename,))
        if name is not None and name not in names:
            names.append(name)
    return names


def glyph_map(font: str) -> dict[int, int] | None:
    """Code point → glyph of a registered TrueType font; None for a built-in Type 1 font."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    glyphs: dict[int, int] | None = getattr(face, "charToGlyph", None)
    return glyphs


def covers(font: str, char: str) -> bool:
    """Whether the registered font has a glyph for ``char`` (built-in Type 1 fonts: assumed)."""
    glyphs = glyph_map(font)
    return glyphs is None or ord(char) in glyphs
