"""单位名片: an office's card on paper, for the phone call or the visit that confirms it.

The fingerprint in large type (what the clerks read to each other), the office's name,
level and code, and a QR code of the whole card file so the other office can compare it
(or, later, scan it) without retyping anything.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from pbc_desktop.domain.offices import OfficeCard, card_to_json, fingerprint_lines
from pbc_desktop.lang import language, t
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    build_pdf,
    in_english,
    info_table,
    make_styles,
    plain,
    title_paragraph,
)

QR_SIZE = 70 * mm


def _qr(text: str, font: str) -> Drawing:
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(
        QR_SIZE, QR_SIZE, transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0]
    )
    drawing.add(widget)
    # the renderer starts in Helvetica, which would be listed (not embedded) in the PDF
    drawing.__dict__["initialFontName"] = font
    return drawing


def write_office_card_pdf(
    card: OfficeCard, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    styles = make_styles(english=in_english())
    title = t("党建共同体工作台 单位名片", "Office card")
    big = ParagraphStyle("Fingerprint", parent=styles.body, fontSize=20, leading=30, alignment=1)
    fingerprint = "<br/>".join(fingerprint_lines(card.fingerprint))
    story: list[Flowable] = [
        title_paragraph((title,), styles.title),
        info_table(
            [
                (t("单位名称", "Office"), card.name),
                (t("层级", "Level"), card.level.label(language())),
                (t("单位代码", "Code"), card.code or "—"),
                (t("所在镇街", "Town"), card.town or "—"),
                (t("单位标识", "Identifier"), card.uuid),
            ],
            styles,
            label_width=30 * mm,
        ),
        Spacer(1, 6 * mm),
        Paragraph(plain(t("单位指纹", "Fingerprint")), styles.heading),
        Paragraph(fingerprint, big),
        Spacer(1, 4 * mm),
        Paragraph(
            plain(
                t(
                    "登记本单位前，请对方单位经办人与本单位通电话或当面逐组核对以上指纹；"
                    "指纹一致才能登记。二维码为名片文件全文。",
                    "Before registering this office, the other office reads these groups "
                    "back by phone or in person; register only if they match. The QR code "
                    "holds the whole card file.",
                )
            ),
            styles.small,
        ),
        Spacer(1, 4 * mm),
        _qr(card_to_json(card), styles.fonts.body),
    ]
    return build_pdf(
        out_path,
        story,
        styles,
        title=title,
        subject=card.uuid,
        invariant=invariant,
        warn=warn,
        english=in_english(),
    )
