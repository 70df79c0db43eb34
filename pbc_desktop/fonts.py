"""The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0), for the window and every PDF."""

from __future__ import annotations

from pathlib import Path

from pbc_desktop.paths import resources_dir

CJK_FONT_FILE = "wqy-microhei.ttc"


def bundled_cjk_font() -> Path:
    return resources_dir() / "fonts" / CJK_FONT_FILE
