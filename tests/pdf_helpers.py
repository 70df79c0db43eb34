"""Reading a written PDF back in tests: its page texts and the fonts ``pdffonts`` lists."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth

from pbc_desktop.reports.fonts import official_fonts


def page_texts(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


@dataclass(frozen=True)
class SignedPage:
    """The page of a PDF that holds a signature (or a seal): its number (from 1) and its
    text with white space removed."""

    number: int
    text: str
    before: str  # the page's text before the mark
    after: str  # and after it


def signed_page(path: Path, mark: str) -> SignedPage:
    """The one page of the PDF at ``path`` holding ``mark`` (fails unless exactly one)."""
    pages = ["".join(text.split()) for text in page_texts(path)]
    signed = [n for n, text in enumerate(pages, start=1) if mark in text]
    assert len(signed) == 1, f"{path.name}: {mark} on pages {signed}"
    text = pages[signed[0] - 1]
    before, _mark, after = text.partition(mark)
    return SignedPage(signed[0], text, before, after)


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


@dataclass(frozen=True)
class TextRun:
    """A run of text as drawn: its baseline's left end, font size and an estimated width."""

    text: str
    x: float
    y: float
    size: float

    @property
    def width(self) -> float:
        # CJK characters are one em wide, others about half (an estimate, on the safe side).
        return sum(self.size if ord(ch) > 0x2E7F else self.size * 0.5 for ch in self.text)

    def overlaps(self, other: TextRun) -> bool:
        """Whether two runs on different baselines have boxes (baseline to 0.8 em above)
        that cover one another: lines printed over each other.

        Runs on one baseline are left out: the reader does not report how far each run
        advances, so the parts of one line seem to start at the same place.
        """
        tolerance = 0.5
        if abs(self.y - other.y) <= tolerance:
            return False
        across = (
            self.x + tolerance < other.x + other.width and other.x + tolerance < self.x + self.width
        )
        up = self.y + tolerance < other.y + 0.8 * other.size and (
            other.y + tolerance < self.y + 0.8 * self.size
        )
        return across and up


def text_runs(path: Path, page: int = 0) -> list[TextRun]:
    """The text runs of a page with their positions on it (points from the lower left)."""
    runs: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text.strip():
            return
        # The text matrix times the current transformation matrix.
        a, b, _c, _d, e, f = tm
        ca, cb, cc, cd, ce, cf = cm
        x = e * ca + f * cc + ce
        y = e * cb + f * cd + cf
        scale = abs(a * ca + b * cc) or 1.0
        runs.append(TextRun(text.replace("\n", ""), x, y, size * scale))

    PdfReader(str(path)).pages[page].extract_text(visitor_text=visit)
    return runs


def overprinted(path: Path, page: int = 0) -> list[tuple[str, str]]:
    """Pairs of text runs of the page that are drawn over one another."""
    runs = text_runs(path, page)
    return [
        (one.text, two.text)
        for i, one in enumerate(runs)
        for two in runs[i + 1 :]
        if one.overlaps(two)
    ]


@dataclass(frozen=True)
class Segment:
    """A straight line drawn on a page (a rule, a signature line, a side of a rectangle),
    in points from the lower left of the page."""

    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def right(self) -> float:
        return max(self.x1, self.x2)


def drawn_segments(path: Path, page: int = 0) -> list[Segment]:
    """The straight lines a page draws (``m``/``l`` paths and ``re`` rectangles), through
    the transformations (``cm``, ``q``/``Q``) in force where they are drawn."""
    reader = PdfReader(str(path))
    pdf_page = reader.pages[page]
    content = ContentStream(pdf_page.get_contents(), reader)
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    current = (0.0, 0.0)
    segments: list[Segment] = []

    def to_page(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return x * a + y * c + e, x * b + y * d + f

    for operands, operator in content.operations:
        numbers = [float(value) for value in operands if isinstance(value, int | float)]
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q" and saved:
            ctm = saved.pop()
        elif operator == b"cm" and len(numbers) == 6:
            a, b, c, d, e, f = numbers
            ca, cb, cc, cd, ce, cf = ctm
            ctm = (
                a * ca + b * cc,
                a * cb + b * cd,
                c * ca + d * cc,
                c * cb + d * cd,
                e * ca + f * cc + ce,
                e * cb + f * cd + cf,
            )
        elif operator == b"m" and len(numbers) == 2:
            current = to_page(*numbers)
        elif operator == b"l" and len(numbers) == 2:
            end = to_page(*numbers)
            segments.append(Segment(*current, *end))
            current = end
        elif operator == b"re" and len(numbers) == 4:
            x, y, w, h = numbers
            corners = [to_page(x, y), to_page(x + w, y), to_page(x + w, y + h), to_page(x, y + h)]
            for one, two in zip(corners, corners[1:] + corners[:1], strict=True):
                segments.append(Segment(*one, *two))
    return segments


def page_width(path: Path, page: int = 0) -> float:
    return float(PdfReader(str(path)).pages[page].mediabox.width)


def measured_width(run: TextRun) -> float:
    """The width of a run set in the reports' fonts (the widest of them, to be safe): the
    run's own :attr:`TextRun.width` overestimates Latin text."""
    fonts = official_fonts()
    names = {fonts.title, fonts.heading, fonts.body}
    return max(float(stringWidth(run.text, name, run.size)) for name in names)


def past_right_margin(path: Path, margin: float, page: int | None = None) -> list[str]:
    """What the PDF draws to the right of its right margin (``margin`` points from the
    page's right edge), on ``page`` (from 0) or every page: lines, and text runs by
    their width in the reports' fonts."""
    pages = range(len(PdfReader(str(path)).pages)) if page is None else [page]
    found: list[str] = []
    for number in pages:
        limit = page_width(path, number) - margin + 0.5
        found += [
            f"page {number + 1}: line to x={segment.right:.1f}"
            for segment in drawn_segments(path, number)
            if segment.right > limit
        ]
        found += [
            f"page {number + 1}: {run.text!r} to x={run.x + measured_width(run):.1f}"
            for run in text_runs(path, number)
            if run.x + measured_width(run) > limit
        ]
    return found
