"""Reading a written PDF back in tests: its page texts and the fonts ``pdffonts`` lists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def page_texts(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def skip_without_pdffonts() -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")


def pdffonts_lines(path: Path) -> list[str]:
    """The font lines of ``pdffonts`` (below its two header lines)."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    return out.stdout.splitlines()[2:]


def pdffonts_rows(path: Path) -> list[list[str]]:
    """:func:`pdffonts_lines` split into columns, blank lines left out."""
    return [line.split() for line in pdffonts_lines(path) if line.strip()]
