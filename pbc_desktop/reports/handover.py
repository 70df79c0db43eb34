"""数据移交单: the sheet two offices sign when a package changes hands on a USB stick.

One A4 page: who sent it to whom, when, the package's fingerprint (to compare with the file
that arrives), how many records of each kind it carried (received: how many were new,
changed, unchanged, conflicting or deleted), what personal data it left out, and the
signatures of the person handing it over and the person receiving it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.exchange import (
    RECEIVED_COUNTS,
    label_order,
    received_headings,
    record_label,
)
from pbc_desktop.domain.offices import fingerprint_lines
from pbc_desktop.lang import t
from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    BODY_LEADING,
    TEXT_WIDTH,
    Styles,
    build_pdf,
    grid_style,
    in_english,
    info_table,
    make_styles,
    plain,
    sign_below,
    title_paragraph,
)
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.exchange.log import HandoverSheet, handover_sheet

#: The signatures of an English sheet: 小四, as on the other signed sheets, where "Handed
#: over by (signature): ___" and "Received by" stand side by side (at 三号 they stood one
#: below the other and took the sheet to a second page).
SIGN_SIZE_EN = 12.0
LABEL_WIDTH = 34 * mm  # 移交单位指纹 on one line
#: The English labels break between words ("Recipient's / fingerprint"): their column
#: narrower, the values wider ("yes (only the recipient can open it)" on two lines).
LABEL_WIDTH_EN = 28 * mm
#: The column of the record types: 共同体成员单位 on one line. A sent sheet has one column
#: of counts beside it, so in English it takes the room its names need ("Community member
#: organization", "Formation or rectification step" on one line, not three).
RECORDS_WIDTH = 40 * mm
RECORDS_WIDTH_SENT_EN = 80 * mm
#: The five counts' headings in English ("Unchanged" fits its column).
COUNTS_HEAD_SIZE_EN = 11.0


def _lines(fingerprint: str) -> str:
    return "\n".join(fingerprint_lines(fingerprint)) if fingerprint else ""


def _time(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _counts_table(sheet: HandoverSheet, styles: Styles, signed: list[Flowable]) -> Table:
    """The records of each kind, then the notes and the signatures (``signed``) below
    them, which keep its last rows on their page (:func:`sign_below`)."""
    kinds = sorted(sheet.counts, key=label_order)
    if sheet.received:
        head = received_headings()
        keys: tuple[str, ...] = tuple(key for key, _zh, _en in RECEIVED_COUNTS)
    else:
        head = [t("数据类别", "Records"), t("记录数", "Records carried")]
        keys = ("rows",)
    label = styles.cell_label
    if in_english():
        size = COUNTS_HEAD_SIZE_EN
        label = ParagraphStyle("CountsHeadEn", parent=label, fontSize=size, leading=size * 1.4)
    data: list[list[Flowable | str]] = [[Paragraph(plain(h), label) for h in head]]
    totals = dict.fromkeys(keys, 0)
    for kind in kinds:
        values = [sheet.counts[kind].get(k, 0) for k in keys]
        if not any(values):
            continue
        for k, v in zip(keys, values, strict=True):
            totals[k] += v
        row: list[Flowable | str] = [Paragraph(plain(record_label(kind)), styles.cell)]
        row += [Paragraph(str(v), styles.cell) for v in values]
        data.append(row)
    total: list[Flowable | str] = [Paragraph(plain(t("合计", "Total")), styles.cell_label)]
    total += [Paragraph(str(totals[k]), styles.cell) for k in keys]
    data.append(total)
    first = RECORDS_WIDTH_SENT_EN if in_english() and not sheet.received else RECORDS_WIDTH
    rest = (TEXT_WIDTH - first) / len(keys)
    gap = 2 * mm if len(signed) > 1 else BODY_LEADING
    commands = sign_below(data, grid_style(styles.fonts.body, header_rows=1), signed, gap=gap)
    return ruled_table(data, [first] + [rest] * len(keys), commands, split_in_row=False)


def build_handover(
    db: Database,
    log_id: int,
    out_path: Path,
    *,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """The 数据移交单 of the exchange log entry ``log_id``, written to ``out_path``."""
    return write_handover_pdf(handover_sheet(db, log_id), out_path, invariant=invariant, warn=warn)


def write_handover_pdf(
    sheet: HandoverSheet, out_path: Path, *, invariant: bool = False, warn: WarnFn | None = None
) -> Path:
    """Lay out the 数据移交单 of one package and write it atomically to ``out_path``."""
    # In English, labels break between words: ReportLab's CJK line breaking cut them
    # inside ("Package finge-rprint", "Unchang-ed", "Party memb-er").
    styles = make_styles(english=in_english())
    title = t("党建共同体数据移交单", "Data handover sheet")
    kind = t("接收", "received") if sheet.received else t("移交", "sent")
    story: list[Flowable] = [title_paragraph((title,), styles.title)]
    sender_fp = t("移交单位指纹", "Sender's fingerprint")
    recipient_fp = t("接收单位指纹", "Recipient's fingerprint")
    package = t("数据包编号", "Package")
    package_fp = t("数据包指纹", "Package fingerprint")
    handled = t("本单位", "This office")
    rows: list[tuple[str, str | None]] = [
        (t("移交单位", "From"), sheet.sender),
        (t("接收单位", "To"), sheet.recipient),
        (sender_fp, _lines(sheet.sender_fingerprint)),
        (recipient_fp, _lines(sheet.recipient_fingerprint) or "—"),
        (package, sheet.package_uuid),
        (package_fp, _lines(sheet.package_fingerprint)),
        (t("生成时间", "Made at"), _time(sheet.created_at)),
        (
            t("加密", "Encrypted"),
            t("是（仅接收单位可打开）", "yes (only the recipient can open it)")
            if sheet.encrypted
            else t("否", "no"),
        ),
        (
            handled,
            t(
                f"{_time(sheet.handled_at)} {kind}，经办人：{sheet.handled_by}",
                f"{kind} {_time(sheet.handled_at)} by {sheet.handled_by}",
            ),
        ),
    ]
    story.append(
        info_table(
            rows,
            styles,
            pairs_per_row=2,
            wide=(sender_fp, recipient_fp, package, package_fp, handled),
            label_width=LABEL_WIDTH_EN if in_english() else LABEL_WIDTH,
        )
    )
    notes = list(sheet.left_out)
    if sheet.received and sheet.conflicts:
        notes.append(
            t(
                f"有 {sheet.conflicts} 条记录两地均有修改，已列入冲突清单，待经办人逐条确认。",
                "1 record was changed at both ends and waits in the conflict list for a decision."
                if sheet.conflicts == 1
                else f"{sheet.conflicts} records were changed at both ends and wait in the "
                "conflict list for a decision.",
            )
        )
    signed: list[Flowable] = []
    for note in notes:
        signed += [Paragraph(plain(note), styles.small), Spacer(1, 2 * mm)]
    if signed:
        signed[-1] = Spacer(1, BODY_LEADING)
    signed.append(
        SignatureBlock(
            [t("移交人", "Handed over by"), t("接收人", "Received by")],
            styles.fonts.body,
            size=SIGN_SIZE_EN if in_english() else layout.BODY_SIZE,
            space_before=0,
            english=in_english(),
        )
    )
    # The notes and the signatures below the counts, never on a page of their own.
    story += [Spacer(1, 3 * mm), _counts_table(sheet, styles, signed)]
    return build_pdf(
        out_path,
        story,
        styles,
        title=title,
        subject=sheet.package_uuid,
        invariant=invariant,
        warn=warn,
        english=in_english(),
    )
