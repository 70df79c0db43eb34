"""Shared A4 layout of the printed reports, after GB/T 9704 (党政机关公文格式).

- margins: top 37 mm, left 28 mm, right 26 mm, bottom 35 mm;
- title 22 pt (二号), body 16 pt (三号), CJK line breaking;
- "第 x 页 共 y 页" at the foot of every page (the canvas knows the page count), "Page x
  of y" in a report that speaks the window's language when it is English (:func:`in_english`);
- signature lines for the people who sign (kept with the last rows of the table they
  sign), two-column information tables;
- the file is written beside the target and renamed, so a failed report leaves nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
)
from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.platypus.doctemplate import ActionFlowable, LayoutError

from pbc_desktop import APP_NAME
from pbc_desktop.domain.punctuation import cjk_punctuation
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import language
from pbc_desktop.reports.fonts import FontSet, official_fonts
from pbc_desktop.reports.glyphs import Paragraph, WarnFn, unprintable, unprintable_message
from pbc_desktop.reports.tables import SplitTable, ruled_table

INVARIANT_ENV = "PBC_PDF_INVARIANT"

# Chinese line-breaking rules (禁则): closing punctuation never begins a line. ReportLab's
# list has the Japanese and ASCII forms but lacks most full-width Chinese ones.
NEVER_STARTS_A_LINE = "，：；！？）》〉」』”’…・"
for _module in (_rl_textsplit, _rl_paragraph):  # single-style and mixed-style paragraphs
    _module.ALL_CANNOT_START += "".join(
        ch for ch in NEVER_STARTS_A_LINE if ch not in _module.ALL_CANNOT_START
    )


@dataclass(frozen=True)
class PageGeometry:
    """A page and its margins; the text block is what the margins leave of it."""

    size: tuple[float, float]  # width, height
    top: float
    bottom: float
    left: float
    right: float

    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


PORTRAIT = PageGeometry(A4, top=37 * mm, bottom=35 * mm, left=28 * mm, right=26 * mm)
TEXT_WIDTH = PORTRAIT.text_width
TEXT_HEIGHT = PORTRAIT.text_height

TITLE_SIZE = 22.0  # 二号
BODY_SIZE = 16.0  # 三号
CELL_SIZE = 14.0  # 四号
SMALL_SIZE = 12.0  # 小四
FOOTER_SIZE = 10.5  # 五号
BODY_LEADING = 28.0  # about 22 lines on the GB/T 9704 text block

CELL_PADDING = 4.0  # points, left and right in ruled cells
GRID = colors.Color(0.25, 0.25, 0.25)
NOTE_COLOR = colors.HexColor("#c0392b")
HEADER_FILL = colors.Color(0.92, 0.92, 0.92)


# -- text helpers --------------------------------------------------------------------------
def invariant_requested(invariant: bool = False) -> bool:
    """Repeatable output (fixed dates and document id): asked for, or PBC_PDF_INVARIANT=1."""
    return invariant or os.environ.get(INVARIANT_ENV, "") not in ("", "0")


def esc(value: object) -> str:
    """``value`` as text for Paragraph markup (``None``: empty), XML special characters
    escaped; unlike :func:`plain`, its punctuation is kept as it is."""
    return escape("" if value is None else str(value))


def plain(text: str | None) -> str:
    """Text for Paragraph markup: Chinese punctuation, XML special characters escaped."""
    return escape(cjk_punctuation(text or ""))


def markup(text: str | None) -> str:
    """Several lines of text for one Paragraph: each line escaped, line breaks kept."""
    if not text:
        return ""
    lines = [plain(line.strip()) for line in text.strip().splitlines()]
    return "<br/>".join(line for line in lines if line)


def capitalized(text: str) -> str:
    """``text`` where it starts a line or a title: "The district", not "the district" (a
    Chinese name is left as it is)."""
    return text[:1].upper() + text[1:]


def lines(text: str | None) -> list[str]:
    """The non-empty lines of the text, each ready for its own Paragraph."""
    return [plain(line.strip()) for line in (text or "").splitlines() if line.strip()]


# -- styles --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_label: ParagraphStyle
    small: ParagraphStyle
    small_center: ParagraphStyle


def word_wrap(english: bool) -> str | None:
    """ReportLab's line breaking for a document: Chinese (``"CJK"``: between any two
    characters, after the 禁则), or, in English (``english``), between words, which CJK
    breaking cut inside ("communit-y", "Unchang-ed"). A word longer than its line, a
    Chinese name in an English document, is still cut where the line ends."""
    return None if english else "CJK"


def make_styles(fonts: FontSet | None = None, *, english: bool = False) -> Styles:
    """The styles of a report; ``english``: its lines break between words
    (:func:`word_wrap`), for a report in English (:func:`in_english`)."""
    fonts = fonts or official_fonts()
    # One line of body text; the other styles differ from it only where they say.
    line = ParagraphStyle(
        "Line",
        fontName=fonts.body,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        wordWrap=word_wrap(english),
        allowWidows=0,
        allowOrphans=0,
    )
    body = ParagraphStyle("Body", parent=line, firstLineIndent=2 * BODY_SIZE, alignment=TA_JUSTIFY)
    heading = ParagraphStyle(
        "Heading",
        parent=line,
        fontName=fonts.heading,
        spaceBefore=BODY_LEADING * 0.4,
        keepWithNext=1,
    )
    cell = ParagraphStyle("Cell", parent=line, fontSize=CELL_SIZE, leading=20)
    small = ParagraphStyle("Small", parent=line, fontSize=SMALL_SIZE, leading=15)
    return Styles(
        fonts=fonts,
        title=ParagraphStyle(
            "Title",
            parent=line,
            fontName=fonts.title,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.5,
            alignment=TA_CENTER,
            spaceAfter=BODY_LEADING * 0.75,
        ),
        subtitle=ParagraphStyle(
            "Subtitle", parent=line, alignment=TA_CENTER, spaceAfter=BODY_LEADING * 0.5
        ),
        heading=heading,
        subheading=ParagraphStyle(
            "Subheading", parent=heading, spaceBefore=0, firstLineIndent=2 * BODY_SIZE
        ),
        body=body,
        body_flush=ParagraphStyle("BodyFlush", parent=body, firstLineIndent=0),
        cell=cell,
        cell_center=ParagraphStyle("CellCenter", parent=cell, alignment=TA_CENTER),
        cell_label=ParagraphStyle(
            "CellLabel", parent=cell, fontName=fonts.heading, alignment=TA_CENTER
        ),
        small=small,
        small_center=ParagraphStyle("SmallCenter", parent=small, alignment=TA_CENTER),
    )


ELLIPSIS = "…"


def clipped(text: str | None, style: ParagraphStyle, width: float, max_lines: int) -> Paragraph:
    """The text as one paragraph of at most ``max_lines`` lines at ``width``, cut with "…"
    when longer (a form's header, a fixed row: the full text belongs to the record).

    Line breaks of the text are kept (each counts as a line).
    """
    limit = max_lines * style.leading + 0.5

    def para(source: str) -> Paragraph:
        return Paragraph(markup(source), style)

    whole = (text or "").strip()
    if para(whole).wrap(width, limit * 100)[1] <= limit:
        return para(whole)
    low, high = 0, len(whole)  # the longest prefix that fits, with the ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if para(whole[:middle].rstrip() + ELLIPSIS).wrap(width, limit * 100)[1] <= limit:
            low = middle
        else:
            high = middle - 1
    return para(whole[:low].rstrip() + ELLIPSIS)


def title_paragraph(parts: Sequence[str], style: ParagraphStyle) -> Paragraph:
    """The document title on one line, or broken between its parts when it is too long.

    "成田镇跨领域党建共同体" / "2026年第3次联席会议纪要" reads better than a break in the
    middle of a word.
    """
    whole = cjk_punctuation("".join(parts))
    if stringWidth(whole, style.fontName, style.fontSize) <= TEXT_WIDTH:
        return Paragraph(escape(whole), style)
    return Paragraph("<br/>".join(plain(part) for part in parts if part), style)


#: The room a heading over a table needs below it: itself, the header row and two rows.
HEADING_ROOM = 40 * mm


def table_heading(markup: str, style: ParagraphStyle) -> list[Flowable]:
    """A heading (``markup``, escaped) over a table that may run over pages: it starts a
    page rather than end one, and does not take the table along to the next page when
    only part of it fits below (``style``'s keepWithNext moved a table longer than the
    space left whole to the next page, the rest of the page left empty)."""
    alone = ParagraphStyle(f"{style.name}OverTable", parent=style, keepWithNext=0)
    return [CondPageBreak(HEADING_ROOM), Paragraph(markup, alone)]


def add_unprintable_note(
    story: list[Flowable],
    style: ParagraphStyle,
    warn: WarnFn | None = None,
    *,
    english: bool = False,
) -> str | None:
    """When the story holds characters no installed font has (printed 〓), end it with a
    note in red naming the words, in the document's language (``english``; an official
    form is Chinese in an English window), and pass the sentence in the window's language
    to ``warn``; the sentence."""
    words = unprintable(story)
    if not words:
        return None
    message = unprintable_message(words)
    note = ParagraphStyle(
        "UnprintableNote", parent=style, textColor=NOTE_COLOR, spaceBefore=style.leading
    )
    story.append(Paragraph(plain(unprintable_message(words, english=english)), note))
    if warn is not None:
        warn(message)
    return message


# -- tables --------------------------------------------------------------------------------
def grid_style(font: str | None = None, *, header_rows: int = 0) -> list[tuple[Any, ...]]:
    """Ruled cells; ``font`` (default: the body font) also sets plain-string cells, which
    would otherwise reference ReportLab's non-embedded Helvetica."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font or official_fonts().body, CELL_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return commands


def wrapped_grid(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    font: str,
    size: float,
    *,
    signed: Sequence[Flowable] = (),
    gap: float = BODY_LEADING,
) -> Table:
    """A ruled table whose every cell is a centred paragraph that wraps inside its column
    (a plain string runs over the next cells when it is longer than its column: a long
    name, a party post), the header row shaded and repeated on each page.

    ``signed`` (the signature lines, or what closes the document and its seal and date)
    goes ``gap`` below the rows inside the table, which keeps its last rows with it
    (:func:`sign_below`)."""
    cell = ParagraphStyle("GridCell", fontName=font, fontSize=size, leading=size * 1.3, alignment=1)
    data: list[list[Flowable | str]] = [[Paragraph(escape(h), cell) for h in headers]]
    data += [[Paragraph(plain(text), cell) for text in row] for row in rows]
    commands = [c for c in grid_style(font, header_rows=1) if c[0] != "FONT"]
    commands += [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if signed:
        commands = sign_below(data, commands, signed, gap=gap)
    return ruled_table(data, widths, commands, split_in_row=False)


def info_table(
    rows: Sequence[tuple[str, str | None]],
    styles: Styles,
    *,
    pairs_per_row: int = 1,
    wide: Sequence[str] = (),
    label_width: float = 30 * mm,
    width: float = TEXT_WIDTH,
    max_lines: int | None = None,
) -> Table:
    """Label | value cells, one or two pairs per row; long values wrap and may split pages.

    Values are plain text (several lines allowed). Labels named in ``wide`` take a whole row
    of their own, their value spanning the other columns. With ``max_lines`` (a form's
    header that must leave room below it) longer values are cut with "…".
    """
    value_width = width / pairs_per_row - label_width
    columns = 2 * pairs_per_row
    data: list[list[Flowable | str]] = []
    spans: list[tuple[Any, ...]] = []
    line: list[Flowable | str] = []

    def flush() -> None:
        if line:
            line.extend([""] * (columns - len(line)))
            data.append(list(line))
            line.clear()

    def value_cell(value: str | None, cell_width: float) -> Paragraph:
        if max_lines is None:
            return Paragraph(markup(value), styles.cell)
        return clipped(value, styles.cell, cell_width - 2 * CELL_PADDING, max_lines)

    spanned = width - label_width
    for label, value in rows:
        is_wide = label in wide and pairs_per_row > 1
        cells = [
            Paragraph(plain(label), styles.cell_label),
            value_cell(value, spanned if is_wide else value_width),
        ]
        if is_wide:
            flush()
            line.extend(cells)
            spans.append(("SPAN", (1, len(data)), (-1, len(data))))
            flush()
            continue
        line.extend(cells)
        if len(line) == columns:
            flush()
    flush()
    commands = grid_style(styles.fonts.body)
    for i in range(pairs_per_row):
        commands.append(("BACKGROUND", (2 * i, 0), (2 * i, -1), HEADER_FILL))
    # A spanned value cell keeps a white background over the label column it covers.
    commands += [("BACKGROUND", span[1], span[2], colors.white) for span in spans]
    widths = [label_width, value_width] * pairs_per_row
    return ruled_table(data, widths, commands + spans, header_rows=0, h_align="LEFT")


# -- signature lines ------------------------------------------------------------------------
#: rows of a table kept on the page of the signatures below it
KEEP_WITH_SIGNATURES = 2
#: the style commands that draw rules or fills, which stop above the signatures
_RULED = frozenset(
    (
        "GRID",
        "BOX",
        "OUTLINE",
        "INNERGRID",
        "LINEABOVE",
        "LINEBELOW",
        "LINEBEFORE",
        "LINEAFTER",
        "BACKGROUND",
    )
)


def sign_below(
    data: list[list[Flowable | str]],
    commands: Sequence[tuple[Any, ...]],
    trailer: Sequence[Flowable],
    *,
    keep_rows: int = KEEP_WITH_SIGNATURES,
    gap: float = 2 * mm,
) -> list[tuple[Any, ...]]:
    """Add ``trailer`` (a note, the :class:`SignatureBlock`) to a ruled table whose first
    row is its header, as a last row without rules spanning every column; the table's
    style commands with it.

    The last ``keep_rows`` rows and the trailer cannot be split: when the signatures do not
    fit below the last row, those rows go with them to the next page, where the repeated
    header (``repeatRows=1``) says what they are. The signatures never stand alone on a
    page. Rules and fills given for the whole table (to row -1) stop above the trailer.
    What is kept together is bounded by a page when the document is built
    (:func:`fit_signatures`).
    """
    last_ruled = len(data) - 1
    data.append([_Trailer(trailer), *[""] * (len(data[0]) - 1)])
    ruled = [
        (name, start, (end[0], last_ruled), *rest)
        if name in _RULED and end[1] == -1
        else (name, start, end, *rest)
        for name, start, end, *rest in commands
    ]
    return [
        *ruled,
        ("SPAN", (0, -1), (-1, -1)),
        # the text width, as below a table: a date set right ends at the table's edge
        ("LEFTPADDING", (0, -1), (-1, -1), 0),
        ("RIGHTPADDING", (0, -1), (-1, -1), 0),
        ("TOPPADDING", (0, -1), (-1, -1), gap),
        ("VALIGN", (0, -1), (-1, -1), "TOP"),
        ("NOSPLIT", (0, max(1, last_ruled - keep_rows + 1)), (-1, -1)),
    ]


class _Trailer(list[Flowable]):
    """The flowables :func:`sign_below` puts in a table's last row: marked, so that
    :func:`fit_signatures` finds the tables it signed."""


def fit_signatures(story: Sequence[Flowable], page: PageGeometry = PORTRAIT) -> list[Flowable]:
    """The story with the part of each table signed by :func:`sign_below` that is kept
    together bounded by a page of ``page``, so that it can always be placed.

    ReportLab cannot place rows kept together that are taller than a frame: a table split
    by rows gives up (LayoutError), a table that may also split inside a row
    (``splitInRow``) loops for ever, adding pages with only its header. So, before the
    build: fewer rows are kept with the signatures, down to the last one; when even the
    last row and the trailer do not fit, the trailer keeps only its first flowables (a
    heading, the first signatures; never cut after a heading) and the rest follows the
    table; when the last row alone fills the page, nothing is kept together (the row
    splits, the trailer follows it). Tables inside a KeepTogether are fitted too.
    """
    fitted: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            flowable._content = fit_signatures(flowable._content, page)
        if isinstance(flowable, Table) and _signed_rows(flowable) is not None:
            fitted += _fit_signed_table(flowable, page)
        else:
            fitted.append(flowable)
    return fitted


class SignedTable(SplitTable):
    """A table signed by :func:`sign_below` (:func:`fit_signatures` makes it one): it never
    splits inside a row kept with the signatures. ReportLab, splitting there, cut the row
    into an empty sliver above and the whole row below, again and again (a page of
    repeated headers, the row lost) or for ever (rows that no frame holds)."""

    def _splitRows(self, availHeight: float, doInRowSplit: int = 0) -> list[Table]:  # noqa: N803
        if doInRowSplit:
            row = self._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans=1)
            if row >= self._first_kept():
                return []
        return super()._splitRows(availHeight, doInRowSplit=doInRowSplit)

    def _first_kept(self) -> int:
        """The first row kept together with the last one (the trailer's, never split)."""
        rows = len(self._cellvalues)
        first = rows - 1
        for _name, start, end in self._nosplitCmds:
            if end[1] % rows == rows - 1:
                first = min(first, start[1] % rows)
        return first


def _signed_rows(table: Table) -> int | None:
    """The first of the rows :func:`sign_below` keeps with the trailer of ``table``
    (None: not a signed table, or nothing is kept)."""
    if not table._cellvalues or not isinstance(table._cellvalues[-1][0], _Trailer):
        return None
    for _name, start, end in table._nosplitCmds:
        if end[1] == -1:
            return int(start[1])
    return None


def _fit_signed_table(table: Table, page: PageGeometry) -> list[Flowable]:
    """:func:`fit_signatures` for one table: the table, then any flowables of its trailer
    that move below it."""
    first = _signed_rows(table)
    assert first is not None
    table.__class__ = SignedTable  # its parts are made as its class: they split alike
    table.wrap(page.text_width, page.text_height)
    heights: list[float] = list(table._rowHeights)
    header = sum(heights[: table.repeatRows]) if isinstance(table.repeatRows, int) else 0.0
    room = page.text_height - header
    last = len(heights) - 1  # the trailer's row
    while first < last - 1 and sum(heights[first:]) > room:
        first += 1  # keep fewer rows with the trailer, but one at least
    moved: list[Flowable] = []
    if sum(heights[first:]) > room:
        trailer: _Trailer = table._cellvalues[-1][0]
        style = table._cellStyles[-1][0]
        width = sum(table._colWidths)
        padding = float(style.topPadding + style.bottomPadding)

        def height(count: int) -> float:
            return float(table._listCellGeom(trailer[:count], width, style)[1]) + padding

        def longest(rows: float) -> int:
            """The most flowables of the trailer that fit a page below ``rows`` points of
            rows, cut neither after a heading (keepWithNext) nor after a space (0: none)."""
            for count in range(len(trailer), 0, -1):
                cut = trailer[count - 1]
                if count < len(trailer) and (cut.getKeepWithNext() or isinstance(cut, Spacer)):
                    continue
                if rows + height(count) <= room:
                    return count
            return 0

        keep = longest(sum(heights[first:last]))
        if not keep:
            # The last row fills a page: it splits, the trailer follows it, cut only when
            # taller than a page itself.
            table._nosplitCmds = [c for c in table._nosplitCmds if c[2][1] != -1]
            keep = longest(0) or 1
        moved = list(trailer[keep:])
        table._cellvalues[-1][0] = _Trailer(trailer[:keep])
    table._nosplitCmds = [
        (name, (start[0], first), end) if end[1] == -1 else (name, start, end)
        for name, start, end in table._nosplitCmds
    ]
    return [table, *moved]


# -- page numbers --------------------------------------------------------------------------
PageDecorator = Callable[[Canvas, int, int], None]


def in_english() -> bool:
    """Whether a report written for the office (assessment, lists, handovers, statistics:
    the window's language) is in English; the official forms (纪要, 花名册…) are Chinese."""
    return language() == "en"


def numbered_canvas(
    font: str,
    *,
    page_width: float = PORTRAIT.width,
    footer_y: float = PORTRAIT.bottom - 7 * mm - FOOTER_SIZE,
    decorate: PageDecorator | None = None,
    english: bool = False,
) -> type[Canvas]:
    """A canvas that holds its pages until the end, then writes "第 x 页 共 y 页" on each
    ("Page x of y": ``english``, see :func:`in_english`).

    ``decorate(canvas, number, total)`` may draw more on each page (e.g. a running head).
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if decorate is not None:
                    decorate(self, number, total)
                self.setFont(font, FOOTER_SIZE)
                zh = f"第 {number} 页 共 {total} 页"
                footer = f"Page {number} of {total}" if english else zh
                self.drawCentredString(page_width / 2, footer_y, footer)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def body_page(page: PageGeometry = PORTRAIT, template_id: str = "page") -> PageTemplate:
    """The page of every report: one frame filling the text block of ``page``, without
    padding."""
    frame = Frame(
        page.left,
        page.bottom,
        page.text_width,
        page.text_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return PageTemplate(id=template_id, frames=[frame])


def document_options(
    page: PageGeometry,
    *,
    title: str,
    subject: str | None = None,
    font: str,
    invariant: bool = False,
) -> dict[str, Any]:
    """The arguments of a report's ``BaseDocTemplate``: the page and its margins, the
    document's title (and subject), the application as author, repeatable output when
    asked (:func:`invariant_requested`), Chinese, and ``font`` from the first page on
    (otherwise the canvas starts every page in Helvetica, an unembedded font)."""
    options: dict[str, Any] = {
        "pagesize": page.size,
        "leftMargin": page.left,
        "rightMargin": page.right,
        "topMargin": page.top,
        "bottomMargin": page.bottom,
        "title": title,
        "author": APP_NAME,
        "creator": APP_NAME,
        "invariant": 1 if invariant_requested(invariant) else 0,
        "lang": "zh-CN",
        "initialFontName": font,
    }
    if subject is not None:
        options["subject"] = subject
    return options


#: pages in a row with nothing on them but a table's repeated header: the build stops there
IDLE_PAGES = 3


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """The document template of every report: it never loops.

    ReportLab can go on adding pages for ever when a table splits without moving on (each
    part only the repeated header, the rest as before: rows kept together that no frame
    holds, in a table split inside rows). After :data:`IDLE_PAGES` such pages in a row
    this raises LayoutError, as ReportLab does for anything else too large. A subclass
    that overrides ``afterFlowable`` calls this one.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._moved_on = False
        self._idle_pages = 0

    def handle_pageBegin(self) -> None:
        self._moved_on = False
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        if not self._moved_on and _moves_on(flowable):
            self._moved_on = True

    def handle_pageEnd(self) -> None:
        self._idle_pages = 0 if self._moved_on else self._idle_pages + 1
        if self._idle_pages >= IDLE_PAGES:
            raise LayoutError(
                f"page {self.page}: {IDLE_PAGES} pages in a row hold nothing but the "
                "repeated header of a table that cannot be split"
            )
        super().handle_pageEnd()


def _moves_on(flowable: Flowable) -> bool:
    """Whether drawing ``flowable`` moved the document on: anything but a part of a table
    whose cells below its repeated header are all empty (the sliver of a row ReportLab
    split inside, nothing of the row in it), or an action (a page begun)."""
    if isinstance(flowable, ActionFlowable):
        return False
    if not isinstance(flowable, Table) or not isinstance(flowable.repeatRows, int):
        return True
    body = flowable._cellvalues[flowable.repeatRows :]
    return not body or any(_filled(cell) for row in body for cell in row)


def _filled(cell: object) -> bool:
    if isinstance(cell, str):
        return bool(cell.strip())
    if isinstance(cell, list | tuple):
        return len(cell) > 0
    return cell is not None


def build_pdf(
    out_path: Path,
    story: list[Flowable],
    styles: Styles,
    *,
    title: str,
    subject: str = "",
    invariant: bool = False,
    warn: WarnFn | None = None,
    watermark: str | None = None,
    english: bool = False,
) -> Path:
    """Lay out the story on A4 pages with page numbers and write it atomically to out_path.

    From the second page on, ``title`` runs at the head of the page, so that a page that
    comes loose (one holding only the signatures, say) still says what it belongs to.
    Words with characters no installed font has are named in a note at the end and passed
    to ``warn`` (see :mod:`pbc_desktop.reports.glyphs`). ``watermark`` (草稿) is printed
    large and light across every page. ``english``: the page numbers in English (a report
    that follows the window's language, :func:`in_english`).
    """
    target = Path(out_path)
    story = fit_signatures(story)
    add_unprintable_note(story, styles.small, warn, english=english)
    head = running_head(title, styles.fonts.body)
    decorate = head if watermark is None else both(head, mark(watermark, styles.fonts.heading))

    def build(tmp: Path) -> None:
        doc = ReportDocument(
            str(tmp),
            **document_options(
                PORTRAIT, title=title, subject=subject, font=styles.fonts.body, invariant=invariant
            ),
        )
        doc.addPageTemplates([body_page()])
        canvas = numbered_canvas(styles.fonts.body, decorate=decorate, english=english)
        doc.build(list(story), canvasmaker=canvas)

    with atomic_output(target) as tmp:
        try:
            build(tmp)
        except LayoutError:
            # The rows kept with the signatures (sign_below) are taller than a page: the
            # table splits anywhere instead, as it would without signatures. Anything
            # else too large on a page is raised again by the second build.
            if not _let_signed_rows_split(story):
                raise
            build(tmp)
    return target


def _let_signed_rows_split(story: Sequence[Flowable]) -> bool:
    """Drop the "keep together" of :func:`sign_below` from the story's tables; whether
    there was any."""
    found = False
    for flowable in story:
        if isinstance(flowable, Table) and flowable._nosplitCmds:
            flowable._nosplitCmds = []
            found = True
    return found


def both(first: PageDecorator, second: PageDecorator) -> PageDecorator:
    def draw(canvas: Canvas, number: int, total: int) -> None:
        first(canvas, number, total)
        second(canvas, number, total)

    return draw


def mark(text: str, font: str, page: PageGeometry = PORTRAIT) -> PageDecorator:
    """A large light diagonal word across every page (草稿, 已取消): the paper says what it
    is even when copied in black and white, and the text under it stays readable."""

    def draw(canvas: Canvas, _number: int, _total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1))
        canvas.setFillAlpha(0.16)
        canvas.setFont(font, 96)
        canvas.translate(page.width / 2, page.height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -30, text)
        canvas.restoreState()

    return draw


def running_head(title: str, font: str, page: PageGeometry = PORTRAIT) -> PageDecorator:
    """Draws ``title`` small and grey above the text block of every page but the first
    (which opens with the title itself), with a hairline under it. A paragraph cut to one
    line (:func:`clipped`), not drawString: a rare character takes its fallback font."""
    style = ParagraphStyle(
        "RunningHead",
        fontName=font,
        fontSize=FOOTER_SIZE,
        leading=FOOTER_SIZE * 1.2,
        alignment=TA_CENTER,
        textColor=colors.Color(0.35, 0.35, 0.35),
    )
    head = clipped(title, style, page.text_width, 1)
    head.wrap(page.text_width, style.leading)

    def draw(canvas: Canvas, number: int, _total: int) -> None:
        if number == 1:
            return
        y = page.height - page.top + 6 * mm
        head.drawOn(canvas, page.left, y - 2)
        canvas.saveState()
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.4)
        canvas.line(page.left, y - 2 * mm, page.width - page.right, y - 2 * mm)
        canvas.restoreState()

    return draw
