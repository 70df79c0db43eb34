"""签到表: the sign-in sheet of a planned activity, pre-filled with who is expected.

The rows have a fixed height (room for a handwritten signature), so the sheet knows how
many fit on a page and adds blank rows up to the end of the last page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.attendance import absence_text
from pbc_desktop.domain.chinese_text import format_time_range
from pbc_desktop.domain.enums import AttendanceStatus
from pbc_desktop.domain.punctuation import cjk_punctuation
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.reports.activity_titles import base_title, place_text, write_activity_pdf
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    TEXT_HEIGHT,
    TEXT_WIDTH,
    Styles,
    clipped,
    grid_style,
    info_table,
    make_styles,
    title_paragraph,
)
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.activities.documents import ActivityDocument, get_activity_document

MIN_BLANK_ROWS = 5
MAX_BLANK_ROWS = 1000
ROW_HEIGHT = 11 * mm
HEADER_HEIGHT = 9 * mm
HEADERS = ("序号", "姓名", "单位", "职务", "签到", "备注")
# 序号, 姓名, 单位, 职务, 签到 (room for a signature), 备注 (takes the rest).
COLUMN_WIDTHS = (12 * mm, 22 * mm, 52 * mm, 22 * mm, 30 * mm, 0.0)
# Each column's size, then smaller ones tried until a long text fits its fixed row.
NAME_SIZE = 14.0
TEXT_SIZE = 12.0
FIT_SIZES = (14.0, 12.0, 10.5, 9.0, 7.5)
ONE_LINE_MIN_SIZE = 9.0
CELL_PADDING = 3.0
# Lines of the header's texts at most (longer ones are cut with "…").
TITLE_LINES = 3
SUBTITLE_LINES = 2
INFO_LINES = 3


@dataclass(frozen=True)
class Expected:
    """One pre-filled row: someone expected to sign."""

    name: str
    unit: str = ""
    post: str = ""
    remark: str = ""
    voting: bool = True  # counted in 应到; 列席 are not


def signin_title_parts(activity: ActivityDocument) -> tuple[str, str]:
    owner, rest = base_title(activity)
    return owner, rest + "签到表"


def expected_people(activity: ActivityDocument) -> list[Expected]:
    """The attendance rows (voting first, then 列席), else members of the participants."""
    rows = activity.attendance
    if rows:
        voting = [a for a in rows if a.status is not AttendanceStatus.NON_VOTING]
        observers = [a for a in rows if a.status is AttendanceStatus.NON_VOTING]
        people = []
        for a in voting + observers:
            remark = ""
            if a.status is AttendanceStatus.NON_VOTING:
                remark = "列席"
            elif a.status is AttendanceStatus.ABSENT:
                remark = absence_text(a.absence_reason, a.reason_text)
            people.append(
                Expected(
                    name=a.name,
                    unit=a.unit or "",
                    post=a.post or "",
                    remark=remark,
                    voting=a.status is not AttendanceStatus.NON_VOTING,
                )
            )
        return people
    return [Expected(name=m.name, unit=m.unit, post=m.post or "") for m in activity.invitees]


def _widths() -> list[float]:
    fixed = sum(COLUMN_WIDTHS)
    return [w or TEXT_WIDTH - fixed for w in COLUMN_WIDTHS]


@cache
def _cell_style(font: str, size: float, center: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"SignCell-{font}-{size}-{center}",
        fontName=font,
        fontSize=size,
        leading=size * 1.15,
        alignment=TA_CENTER if center else TA_LEFT,
        wordWrap="CJK",
    )


def _fit(
    text: str, width: float, font: str, *, size: float = TEXT_SIZE, center: bool = False
) -> Paragraph | str:
    """The text at the column's size; a long one shrinks to one line (down to 9 pt), and
    only then wraps onto two smaller lines within the fixed row."""
    if not text:
        return ""
    room_w = width - 2 * CELL_PADDING
    room_h = ROW_HEIGHT - 2 * CELL_PADDING
    sizes = (size, *(x for x in FIT_SIZES if x < size))
    text = cjk_punctuation(text)
    for fit in sizes:
        if fit >= ONE_LINE_MIN_SIZE and stringWidth(text, font, fit) <= room_w:
            return Paragraph(escape(text), _cell_style(font, fit, center))
    for fit in sizes:
        para = Paragraph(escape(text), _cell_style(font, fit, center))
        if para.wrap(room_w, room_h * 4)[1] <= room_h:
            return para
    # Still too long at the smallest size: cut with "…" rather than spill into the next row.
    smallest = _cell_style(font, sizes[-1], center)
    return clipped(text, smallest, room_w, max(1, int(room_h // smallest.leading)))


def _rows_to_fill(prefilled: int, first_page: int, other_pages: int) -> int:
    """Total rows: the prefilled ones plus at least five blank, up to the end of a page."""
    wanted = prefilled + MIN_BLANK_ROWS
    if wanted <= first_page:
        return first_page
    rest = wanted - first_page
    return first_page + math.ceil(rest / other_pages) * other_pages


def _height(flowables: list[Flowable]) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _table(people: list[Expected], total_rows: int, styles: Styles) -> Table:
    widths = _widths()
    font = styles.fonts.body
    data: list[list[Paragraph | str]] = [
        [Paragraph(h, styles.cell_label) for h in HEADERS],
    ]
    for i in range(total_rows):
        p = people[i] if i < len(people) else Expected("")
        data.append(
            [
                Paragraph(str(i + 1), styles.cell_center),
                _fit(p.name, widths[1], font, size=NAME_SIZE, center=True),
                _fit(p.unit, widths[2], font),
                _fit(p.post, widths[3], font, center=True),
                "",
                _fit(p.remark, widths[5], font, center=True),
            ]
        )
    commands = grid_style(font, header_rows=1)
    commands += [
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    heights = [HEADER_HEIGHT] + [ROW_HEIGHT] * total_rows
    # fixed heights, the texts cut to them: a row never splits
    return ruled_table(
        data, widths, commands, split_in_row=False, h_align="LEFT", row_heights=heights
    )


def _check_blank_rows(blank_rows: int | None) -> None:
    if blank_rows is not None and not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise UserError(
            t(
                f"空白行数应在 0 到 {MAX_BLANK_ROWS} 之间。",
                f"The number of blank rows must be between 0 and {MAX_BLANK_ROWS}.",
            )
        )


def build_signin(
    db: Database,
    activity_id: int,
    out_path: Path,
    *,
    blank_rows: int | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the sign-in sheet; ``blank_rows`` None fills the last page (at least five).

    ``warn`` is told which words hold characters no installed font has."""
    _check_blank_rows(blank_rows)
    return write_signin_pdf(
        get_activity_document(db, activity_id),
        out_path,
        blank_rows=blank_rows,
        invariant=invariant,
        warn=warn,
    )


def write_signin_pdf(
    activity: ActivityDocument,
    out_path: Path,
    *,
    blank_rows: int | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Lay out the sign-in sheet of ``activity`` and write it atomically to ``out_path``."""
    _check_blank_rows(blank_rows)
    styles = make_styles()
    parts = signin_title_parts(activity)
    title = "".join(parts)
    people = expected_people(activity)
    expected = sum(1 for p in people if p.voting)

    info: list[tuple[str, str | None]] = [
        ("时间", format_time_range(activity.starts_at, activity.ends_at)),
        ("地点", place_text(activity)),
        ("主持人", activity.chair),
        ("主办单位", activity.host_org_name or ""),
        ("应到人数", f"{expected} 人" if expected else ""),
        ("实到人数", ""),
    ]
    # The header leaves most of the first page to the signatures: long texts are cut.
    heading = title_paragraph(parts, styles.title)
    if heading.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1] > TITLE_LINES * styles.title.leading:
        heading = clipped(title, styles.title, TEXT_WIDTH, TITLE_LINES)
    head: list[Flowable] = [heading]
    if activity.title and activity.title not in title:
        head.append(clipped(activity.title, styles.subtitle, TEXT_WIDTH, SUBTITLE_LINES))
    head.append(
        info_table(
            info,
            styles,
            pairs_per_row=2,
            wide=("时间", "地点"),
            label_width=24 * mm,
            max_lines=INFO_LINES,
        )
    )
    head.append(Spacer(1, 4 * mm))

    if blank_rows is None:
        first = int((TEXT_HEIGHT - _height(head) - HEADER_HEIGHT - 1) // ROW_HEIGHT)
        others = int((TEXT_HEIGHT - HEADER_HEIGHT - 1) // ROW_HEIGHT)
        total = _rows_to_fill(len(people), max(first, 0), others)
    else:
        total = len(people) + blank_rows
    story = [*head, _table(people, total, styles)]
    return write_activity_pdf(
        activity, out_path, story, styles, title=title, invariant=invariant, warn=warn
    )
