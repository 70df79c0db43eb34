"""中国共产党党员组织关系介绍信: the letter of transfer on one A4 sheet, in three parts cut
apart along dashed lines — the 存根 (counterfoil, kept by the sender), the 介绍信 (taken by
the member to the receiving organization) and the 回执 (the receipt, sent back).

The ID number and phone are masked unless asked otherwise (and the age left blank: see
``LetterFacts.age``); an unmasked letter is written to the audit log before the file
appears. The dues line (党费已交到…) says the month the fee records show paid up to, or is
left blank like the seals, to be filled in by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.chinese_text import month_words
from pbc_desktop.lang import t
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import PORTRAIT, Styles, build_pdf, make_styles, plain
from pbc_desktop.services import member_export
from pbc_desktop.services.member_changes.transfers import LetterFacts, letter_facts

TITLE = "中国共产党党员组织关系介绍信"
BODY_SIZE = 13.0
LEADING = 22.0
#: Smaller type the letter is set in, in turn, until its three parts fit one A4 sheet
#: (long names of the organizations and an outside unit of 120 characters); the last
#: one is used even when it does not fit, each part then kept whole on its page.
SCALES = (1.0, 0.96, 0.92, 0.88, 0.84, 0.8, 0.76, 0.72)


class CutLine(Flowable):  # type: ignore[misc]
    """A dashed line across the text block with a short note in its middle."""

    def __init__(self, note: str, font: str) -> None:
        super().__init__()
        self.note = note
        self.font = font
        self.height = 8 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canv = self.canv
        size = 9.0
        text_width = float(stringWidth(self.note, self.font, size))
        y = self.height / 2
        gap_left = (self.width - text_width) / 2 - 4
        gap_right = (self.width + text_width) / 2 + 4
        canv.saveState()
        canv.setDash(4, 3)
        canv.setLineWidth(0.6)
        canv.line(0, y, gap_left, y)
        canv.line(gap_right, y, self.width, y)
        canv.setFont(self.font, size)
        canv.drawCentredString(self.width / 2, y - size / 3, self.note)
        canv.restoreState()


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _party(name: str) -> str:
    """An organization as a letter names it: 中共… (unless its name says so already)."""
    return name if name.startswith(("中共", "中国共产党")) else f"中共{name}"


def _person(facts: LetterFacts) -> str:
    """（男，45岁，汉族）; a masked letter leaves the age blank, to be written by hand (it
    is not given: see ``LetterFacts.age``)."""
    age = f"{facts.age}岁" if facts.age else ("" if facts.unmasked else "____岁")
    parts = [p for p in (facts.gender, age, facts.ethnicity) if p]
    return f"（{'，'.join(parts)}）" if parts else ""


def _styles(
    scale: float = 1.0,
) -> tuple[Styles, ParagraphStyle, ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    styles = make_styles()
    body = ParagraphStyle(
        "LetterBody",
        parent=styles.body,
        fontSize=BODY_SIZE * scale,
        leading=LEADING * scale,
    )
    flush = ParagraphStyle("LetterFlush", parent=body, firstLineIndent=0)
    title = ParagraphStyle(
        "LetterTitle",
        parent=styles.title,
        fontSize=18 * scale,
        leading=26 * scale,
        spaceAfter=2,
    )
    right = ParagraphStyle("LetterRight", parent=flush, alignment=TA_RIGHT)
    return styles, body, flush, title, right


def letter_story(facts: LetterFacts) -> tuple[list[Flowable], Styles]:
    """The three parts, in the largest type of :data:`SCALES` that fits one sheet."""
    for scale in SCALES:
        parts, styles = _parts(facts, scale)
        if sum(_height(part) for part in parts) <= PORTRAIT.text_height:
            break
    return [KeepTogether(part) for part in parts], styles


def _height(part: list[Flowable]) -> float:
    """The height ``part`` takes in the text block (its flowables one under another)."""
    total = 0.0
    for flowable in part:
        _width, height = flowable.wrap(PORTRAIT.text_width, PORTRAIT.text_height)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _parts(facts: LetterFacts, scale: float) -> tuple[list[list[Flowable]], Styles]:
    styles, body, flush, title, right = _styles(scale)
    number = ParagraphStyle("LetterNumber", parent=flush, alignment=TA_CENTER)
    source = _party(facts.from_organization)
    destination = _party(facts.destination) if facts.in_district else facts.destination
    issued = _chinese_date(facts.issued_on)
    kind = f"中共{facts.category}党员"
    stub: list[Flowable] = [
        Paragraph(plain(f"{TITLE}（存根）"), title),
        Paragraph(plain(f"第 {facts.letter_number} 号"), number),
        Paragraph(
            plain(f"{facts.member_name}同志系{kind}，组织关系由{source}转到{destination}。"),
            body,
        ),
        Paragraph(plain(f"有效期{facts.valid_days}天"), body),
        Paragraph(plain(issued), right),
        CutLine("（沿此线剪开，存根由开具党组织留存）", styles.fonts.body),
    ]
    letter: list[Flowable] = [
        Paragraph(plain(TITLE), title),
        Paragraph(plain(f"第 {facts.letter_number} 号"), number),
        Paragraph(plain(f"{destination}："), flush),
        Paragraph(
            plain(
                f"兹介绍{facts.member_name}同志{_person(facts)}，系{kind}，"
                f"身份证号码{facts.id_number or '________'}，"
                f"前往你处，请转接组织关系。该同志党费已交到{_dues_month(facts.dues_paid_through)}。"
            ),
            body,
        ),
        Paragraph(plain(f"（有效期{facts.valid_days}天）"), body),
        Spacer(1, 2 * mm),
        Paragraph(plain(f"{source}（盖章）"), right),
        Paragraph(plain(issued), right),
        Paragraph(
            plain(
                f"党员联系电话：{facts.member_phone or '________'}　　"
                f"开具党组织联系电话：{facts.from_phone or '________'}"
            ),
            ParagraphStyle("LetterSmall", parent=flush, fontSize=10.5 * scale, leading=16 * scale),
        ),
        CutLine("（沿此线剪开，回执由接收党组织寄回）", styles.fonts.body),
    ]
    receipt: list[Flowable] = [
        Paragraph(plain(f"{TITLE}回执"), title),
        Paragraph(plain(f"第 {facts.letter_number} 号"), number),
        Paragraph(plain(f"{source}："), flush),
        Paragraph(plain(f"{facts.member_name}同志的党员组织关系已转达我处，特此回执。"), body),
        Spacer(1, 2 * mm),
        Paragraph(plain("接收党组织（盖章）"), right),
        Paragraph(plain("____年____月____日"), right),
    ]
    return [stub, letter, receipt], styles


def write_letter_pdf(
    facts: LetterFacts, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    story, styles = letter_story(facts)
    return build_pdf(
        out_path,
        story,
        styles,
        title=TITLE,
        subject=facts.letter_number,
        invariant=invariant,
        warn=warn,
    )


def build_transfer_letter(
    db: Database,
    transfer_id: int,
    out_path: Path,
    *,
    unmasked: bool = False,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the letter of transfer ``transfer_id``; an unmasked one is logged first."""
    facts = letter_facts(db, transfer_id, unmasked=unmasked)
    target = Path(out_path)
    if unmasked:
        member_export.record_unmasked_export(
            db,
            what=t("党员组织关系介绍信（PDF）", "letter of transfer (PDF)"),
            file_name=target.name,
            count=1,
            description=t(f"介绍信 {facts.letter_number}", f"letter {facts.letter_number}"),
            details={"transfer_id": transfer_id},
        )
    return write_letter_pdf(facts, target, invariant=invariant, warn=warn)


def _dues_month(month: date | None) -> str:
    return "____年____月" if month is None else month_words(month)
