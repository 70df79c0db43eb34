"""党员花名册: the members of one Party organization, printed on A4 landscape.

Fourteen columns (序号, 姓名, 性别, 民族, 出生日期, 身份证号, 学历, 入党日期, 转正日期,
人员类别, 党内职务, 工作单位及职务, 联系电话, 党籍状态); each column is as wide as its
longest entry (ID numbers, dates and phones never wrap) and 工作单位及职务 takes the rest,
wrapping Chinese text; when the rest is too narrow the whole table steps down a font size.
The header row is repeated on every page, pages after the first carry a running head, and
every page "第 x 页 共 y 页". The title names the organization; a line gives the count and
the date; 制表人 and 审核人 sign at the end.

ID numbers and phones are masked unless the caller asks otherwise, and the birth date beside
a masked ID number shows only its year (``domain/privacy.py``); an unmasked roster is
written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Spacer,
    Table,
    TableStyle,
)

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import MemberCategory, MembershipStatus
from pbc_desktop.files import atomic_output
from pbc_desktop.lang import t
from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services import member_export
from pbc_desktop.services.member_export import Roster, RosterRow

PAGE = layout.PageGeometry(landscape(A4), top=18 * mm, bottom=16 * mm, left=15 * mm, right=15 * mm)

TITLE_SIZE = 18.0  # 小二
INFO_SIZE = 12.0  # 小四
HEAD_SIZE = 9.0  # the running head
SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0)  # 五号 first; smaller only when needed
PADDING = 3.0  # points, each side of a cell
MIN_REST = 32 * mm  # 工作单位及职务 at least this wide before the font steps down
REST_KEY = "work_unit"


@dataclass(frozen=True)
class RosterColumn:
    key: str
    zh: str
    en: str
    value: Callable[[RosterRow], str]
    cap_em: float | None = None  # wraps beyond this many characters; None: never wraps
    center: bool = True


def _date(value: date | None) -> str:
    return value.isoformat() if value else ""


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("seq", "序号", "No.", lambda r: str(r.seq)),
    RosterColumn("name", "姓名", "Name", lambda r: r.name, cap_em=5),
    RosterColumn("gender", "性别", "Sex", lambda r: r.gender.zh if r.gender else ""),
    RosterColumn("ethnicity", "民族", "Ethnicity", lambda r: r.ethnicity or "", cap_em=3),
    RosterColumn("birth_date", "出生日期", "Born", lambda r: r.birth_date),
    RosterColumn("id_number", "身份证号", "ID number", lambda r: r.id_number),
    RosterColumn("education", "学历", "Education", lambda r: r.education or "", cap_em=4),
    RosterColumn("joined_on", "入党日期", "Joined", lambda r: _date(r.joined_on)),
    RosterColumn("confirmed_on", "转正日期", "Confirmed", lambda r: _date(r.confirmed_on)),
    RosterColumn("category", "人员类别", "Category", lambda r: r.category.zh, cap_em=4),
    RosterColumn("party_post", "党内职务", "Party post", lambda r: r.party_post or "", cap_em=5),
    RosterColumn(
        REST_KEY, "工作单位及职务", "Work unit", lambda r: r.work_unit or "", center=False
    ),
    RosterColumn("phone", "联系电话", "Phone", lambda r: r.phone),
    RosterColumn("status", "党籍状态", "Status", lambda r: r.status.zh, cap_em=4),
)
HEADERS = tuple(c.zh for c in COLUMNS)


# -- column widths ---------------------------------------------------------------------------
def _header_width(text: str, font: str, size: float) -> float:
    """A header may wrap after two characters ("出生/日期"), never inside one."""
    return float(stringWidth(text[:2], font, size))


def column_widths(
    texts: Sequence[Sequence[str]], font: str, size: float, *, width: float = PAGE.text_width
) -> list[float]:
    """Each column as wide as its longest entry (up to its cap), the work unit the rest."""
    widths: list[float] = []
    for index, column in enumerate(COLUMNS):
        if column.key == REST_KEY:
            widths.append(0.0)
            continue
        longest = max(
            (float(stringWidth(row[index], font, size)) for row in texts),
            default=0.0,
        )
        if column.cap_em is not None:
            longest = min(longest, column.cap_em * size)
        widths.append(max(longest, _header_width(column.zh, font, size)) + 2 * PADDING + 1)
    rest = width - sum(widths)
    widths[[c.key for c in COLUMNS].index(REST_KEY)] = rest
    return widths


def fit_columns(
    texts: Sequence[Sequence[str]], font: str, *, width: float = PAGE.text_width
) -> tuple[float, list[float]]:
    """The largest of SIZES at which 工作单位及职务 keeps MIN_REST, with its widths."""
    rest = [c.key for c in COLUMNS].index(REST_KEY)
    for size in SIZES:
        widths = column_widths(texts, font, size, width=width)
        if widths[rest] >= MIN_REST:
            return size, widths
    return SIZES[-1], column_widths(texts, font, SIZES[-1], width=width)


# -- the story -------------------------------------------------------------------------------
def _cell_styles(font: str, heading: str, size: float) -> tuple[ParagraphStyle, ...]:
    base: dict[str, Any] = {"fontName": font, "fontSize": size, "leading": size * 1.25}
    center = ParagraphStyle("RosterCenter", alignment=TA_CENTER, wordWrap="CJK", **base)
    left = ParagraphStyle("RosterLeft", alignment=TA_LEFT, wordWrap="CJK", **base)
    head = ParagraphStyle("RosterHead", parent=center, fontName=heading)
    return center, left, head


def title_of(roster: Roster) -> str:
    return f"{roster.organization_name}党员花名册"


def summary_parts(roster: Roster, today: date) -> tuple[str, str, str]:
    """("所在镇街:成田镇", "党员 69 名(正式党员 65 名,预备党员 4 名)", "制表日期:2026年3月1日")."""
    full = roster.count(MemberCategory.FULL)
    probation = roster.count(MemberCategory.PROBATIONARY)
    counts = f"党员 {roster.count()} 名（正式党员 {full} 名，预备党员 {probation} 名"
    if roster.as_of is not None:
        day = roster.as_of
        counts = f"截至{day.year}年{day.month}月{day.day}日在册" + counts
    others = [
        f"{status.zh} {n} 名"
        for status in MembershipStatus
        if status is not MembershipStatus.NORMAL and (n := roster.with_status(status))
    ]
    if others:
        counts += "；其中" + "、".join(others)
    counts += "）"
    town = f"所在镇街：{roster.town}" if roster.town else ""
    return town, counts, f"制表日期：{today.year}年{today.month}月{today.day}日"


def _summary(roster: Roster, today: date, style: ParagraphStyle) -> Table:
    """The line under the title: town on the left, counts in the middle, date on the right."""
    town, counts, made = summary_parts(roster, today)
    aligned = [
        ParagraphStyle(f"RosterInfo{i}", parent=style, alignment=a)
        for i, a in enumerate((TA_LEFT, TA_CENTER, TA_RIGHT))
    ]
    cells = [
        Paragraph(layout.plain(text), st)
        for text, st in zip((town, counts, made), aligned, strict=True)
    ]
    width = PAGE.text_width
    table = Table([cells], colWidths=[width * 0.25, width * 0.5, width * 0.25])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize),  # not Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def _table(roster: Roster, styles: layout.Styles) -> Table:
    """Header, one row a member, then the note and the signatures in rows without rules.

    The last members, the note and the signatures form one unsplittable block, so the
    signatures never stand alone on a page.
    """
    texts = [[c.value(r) for c in COLUMNS] for r in roster.rows]
    font = styles.fonts.body
    size, widths = fit_columns(texts, font)
    center, left, head = _cell_styles(font, styles.fonts.heading, size)
    blank = [""] * (len(COLUMNS) - 1)
    data: list[list[Flowable | str]] = [[Paragraph(escape(h), head) for h in HEADERS]]
    for row in texts:
        data.append(
            [
                Paragraph(layout.plain(text), center if column.center else left)
                for column, text in zip(COLUMNS, row, strict=True)
            ]
        )
    if not roster.rows:
        data.append([Paragraph(layout.plain("（暂无党员）"), center), *blank])
    trailer: list[Flowable] = []
    if not roster.unmasked:
        note = ParagraphStyle("RosterNote", parent=left, fontSize=HEAD_SIZE, leading=12)
        trailer.append(
            Paragraph(layout.plain("注：身份证号和联系电话已部分隐藏，出生日期只显示年份。"), note)
        )
    trailer.append(SignatureBlock(["制表人", "审核人"], font, size=INFO_SIZE, space_before=0))
    commands = [c for c in layout.grid_style(font, header_rows=1) if c[0] != "FONT"]
    commands += [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if not roster.rows:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    commands = layout.sign_below(data, commands, trailer)
    return ruled_table(data, widths, commands, h_align="LEFT")


def build_story(roster: Roster, today: date) -> tuple[list[Flowable], layout.Styles]:
    styles = layout.make_styles()
    title = ParagraphStyle(
        "RosterTitle",
        parent=styles.title,
        fontSize=TITLE_SIZE,
        leading=TITLE_SIZE * 1.4,
        spaceAfter=3 * mm,
    )
    info = ParagraphStyle(
        "RosterInfo", parent=styles.small, fontSize=INFO_SIZE, leading=INFO_SIZE * 1.4
    )
    story: list[Flowable] = [
        Paragraph(layout.plain(title_of(roster)), title),
        _summary(roster, today, info),
        Spacer(1, 2 * mm),
        _table(roster, styles),
    ]
    return story, styles


# -- pages -----------------------------------------------------------------------------------
def _numbered_canvas(font: str, running_head: str) -> type[Canvas]:
    """Page numbers on each page, and the running head "…(续)" from page 2."""

    style = ParagraphStyle("RosterRunningHead", fontName=font, fontSize=HEAD_SIZE, leading=11)
    # A paragraph, not drawString: a rare character of the name takes a fallback font.
    text = Paragraph(layout.plain(f"{running_head}（续）"), style)

    def head(canvas: Canvas, number: int, _total: int) -> None:
        if number > 1:
            text.wrap(PAGE.text_width, PAGE.top)
            text.drawOn(canvas, PAGE.left, PAGE.height - PAGE.top + 4 * mm - 2)

    return layout.numbered_canvas(
        font, page_width=PAGE.width, footer_y=PAGE.bottom - 9 * mm, decorate=head
    )


def write_roster_pdf(
    roster: Roster,
    out_path: Path,
    *,
    today: date | None = None,
    invariant: bool = False,
    before_publish: Callable[[], None] | None = None,
    warn: WarnFn | None = None,
) -> Path:
    """Lay out the roster on A4 landscape pages and write it atomically to ``out_path``.

    ``before_publish`` runs once the document is complete, before it takes the name
    ``out_path``; if it raises, no file is left. ``warn`` is told which words hold
    characters no installed font has.
    """
    day = today or date.today()
    story, styles = build_story(roster, day)
    layout.add_unprintable_note(story, styles.small, warn)
    title = title_of(roster)
    target = Path(out_path)
    with atomic_output(target) as tmp:
        options = layout.document_options(
            PAGE,
            title=title,
            subject=roster.organization_name,
            font=styles.fonts.body,
            invariant=invariant,
        )
        doc = layout.ReportDocument(str(tmp), **options)
        doc.addPageTemplates([layout.body_page(PAGE, "landscape")])
        story = layout.fit_signatures(story, PAGE)
        doc.build(story, canvasmaker=_numbered_canvas(styles.fonts.body, title))
        if before_publish is not None:
            before_publish()
    return target


def build_roster(
    db: Database,
    organization_id: int,
    out_path: Path,
    *,
    unmasked: bool = False,
    today: date | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
    as_of: date | None = None,
) -> Path:
    """Write the 党员花名册 of one organization (its roll now, or at ``as_of``); an
    unmasked one is logged in the audit log (before the file appears: a roster with full
    numbers never leaves unlogged)."""
    roster = member_export.get_roster(db, organization_id, unmasked=unmasked, as_of=as_of)
    target = Path(out_path)

    def log() -> None:
        member_export.record_unmasked_export(
            db,
            what=t("党员花名册（PDF）", "member roster (PDF)"),
            file_name=target.name,
            count=roster.count(),
            description=t(
                f"党组织：{roster.organization_name}", f"organization: {roster.organization_name}"
            ),
            details={"organization_id": organization_id},
        )

    return write_roster_pdf(
        roster,
        target,
        today=today,
        invariant=invariant,
        before_publish=log if unmasked else None,
        warn=warn,
    )
