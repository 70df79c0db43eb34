"""Fonts of the printed reports, registered with ReportLab once per process.

Every PDF embeds a subset of its fonts, so it prints the same on any PC. The bundled
WenQuanYi Micro Hei is always there; when the Windows fonts of official documents are
installed (仿宋, 黑体, 宋体, optionally 方正小标宋), reports use them in the style of
GB/T 9704 instead: title in 小标宋 (or 黑体), headings in 黑体, body text in 仿宋.

``PBC_FONT_DIR`` names an extra folder searched before the system ones (tests point it
at a temporary folder).
"""

from __future__ import annotations

import hashlib
import logging
import os
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
