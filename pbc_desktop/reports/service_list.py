"""A service list (需求/资源/项目清单) printed for signing.

A4 in the shared layout (page x/y, embedded CJK font): the title "XX党建共同体2026年项目清单",
the items with status, claimants and deadline, then a signature block for every member
organization of the community: 单位(盖章), 负责人(签字) and 日期.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.punctuation import labelled
from pbc_desktop.lang import language, t
from pbc_desktop.reports import layout
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.lists import printout

RED = colors.HexColor("#c0392b")
TABLE_SIZE = 10.5  # 五号: six columns fit the A4 text block
SIGN_SIZE = 12.0  # 小四


#: The shares of the text width of 序号, 事项, 内容及预期成效, 状态, 认领单位 and 完成时限. In
#: English the status is longer words ("Awaiting claim", "In progress"), which were cut
#: ("In pro-gress"): the content gives it the room.
COLUMN_PARTS = (11, 35, 44, 16, 34, 28)
COLUMN_PARTS_EN = (11, 35, 40, 20, 34, 28)


class _Styles:
    def __init__(self) -> None:
        self.base = layout.make_styles(english=layout.in_english())
        cell = self.base.small
        self.cell = ParagraphStyle("ListCell", parent=cell, fontSize=TABLE_SIZE, leading=14)
        self.center = ParagraphStyle("ListCenter", parent=self.cell, alignment=1)
        self.head = ParagraphStyle("ListHead", parent=self.center, fontName=self.base.fonts.heading)
        self.late = ParagraphStyle("ListLate", parent=self.center, textColor=RED)
        self.note = ParagraphStyle("ListNote", parent=self.cell, fontSize=8, leading=11)
        self.sign = ParagraphStyle("ListSign", parent=cell, fontSize=SIGN_SIZE, leading=18)
        # what the signatories agree to: never parted from the first of them
        self.agreed = ParagraphStyle(
            "ListAgreed", parent=self.sign, spaceAfter=2 * mm, keepWithNext=1
        )


def _items_table(report: printout.ListReport, st: _Styles, signed: list[Flowable]) -> Table:
    """The items, ``signed`` below them: the last items go over with the signatories
    (:func:`layout.sign_below`), which never stand alone on a page."""
    lang = language()
    parts = COLUMN_PARTS_EN if lang == "en" else COLUMN_PARTS
    widths = [layout.TEXT_WIDTH * p / sum(parts) for p in parts]
    head = [
        t("序号", "No."),
        t("事项", "Item"),
        t("内容及预期成效", "Content and expected result"),
        t("状态", "Status"),
        t("认领单位", "Claimed by"),
        t("完成时限", "Deadline"),
    ]
    rows: list[list[Flowable | str]] = [[Paragraph(layout.esc(h), st.head) for h in head]]
    for item in report.items:
        content = layout.markup(item.description)
        if item.expected_result:
            expected = layout.markup(item.expected_result)
            content += ("<br/>" if content else "") + t(
                f"预期成效：{expected}", f"Expected: {expected}"
            )
        claim = t("、", ", ").join(layout.esc(c) for c in item.claimants)
        if item.claim_mode is not None and claim:
            claim += f"<br/>({layout.esc(item.claim_mode.label(lang))})"
        if item.responsible:
            who = layout.esc(item.responsible)
            claim += "<br/>" + t(f"责任人：{who}", f"Responsible: {who}")
        title = layout.esc(item.title)
        if item.category:
            title += f"<br/><font size='8'>[{layout.esc(item.category)}]</font>"
        rows.append(
            [
                Paragraph(str(item.seq), st.center),
                Paragraph(title, st.cell),
                Paragraph(content, st.cell),
                Paragraph(layout.esc(item.status_text), st.late if item.overdue else st.center),
                Paragraph(claim, st.cell),
                Paragraph(item.deadline.isoformat() if item.deadline else "", st.center),
            ]
        )
    if not report.items:
        rows.append(
            [
                Paragraph(layout.esc(t("（暂无事项）", "(no items yet)")), st.center),
                "",
                "",
                "",
                "",
                "",
            ]
        )
    style = layout.grid_style(header_rows=1)
    # A long item splits across pages: its cells start at the top of each part (centred,
    # ReportLab cut the row into slivers, each on a page of its own with the header).
    style.append(("VALIGN", (0, 1), (-1, -1), "TOP"))
    if not report.items:
        style.append(("SPAN", (0, 1), (-1, 1)))
    commands = layout.sign_below(rows, style, signed, gap=8 * mm)  # the signatories' row
    return ruled_table(rows, widths, commands)


def _signature(org: str, st: _Styles) -> list[Flowable]:
    """单位(盖章):org, then 负责人(签字):____ and 日期:__年__月__日 (the shared block)."""
    seal = t("单位（盖章）", "Organization (seal)")
    return [
        Paragraph(layout.esc(labelled(seal, org)), st.sign),
        SignatureBlock(
            [t("负责人", "Head")],
            st.base.fonts.body,
            size=SIGN_SIZE,
            space_before=2 * mm,
            english=layout.in_english(),
        ),
        Spacer(1, 4 * mm),
    ]


def _signatures(report: printout.ListReport, st: _Styles) -> list[Flowable]:
    """Two member organizations side by side, each with its seal, signature and date."""
    story: list[Flowable] = [
        Paragraph(layout.esc(t("签订单位", "Signatories")), st.base.heading),
        Paragraph(
            layout.esc(
                t(
                    "以上清单经党建共同体各成员单位共同商定，签字盖章后生效。",
                    "Agreed by every member organization of the community; "
                    "valid once signed and sealed.",
                )
            ),
            st.agreed,
        ),
    ]
    half = layout.TEXT_WIDTH / 2
    members = list(report.members)
    for start in range(0, len(members), 2):
        pair: list[list[Flowable] | str] = [
            _signature(org, st) for org in members[start : start + 2]
        ]
        while len(pair) < 2:
            pair.append("")
        row = Table([pair], colWidths=[half, half])
        row.setStyle(
            TableStyle(
                [
                    # the empty half beside an odd last signatory: not in Helvetica, a font
                    # the PDF would list without embedding it
                    ("FONT", (0, 0), (-1, -1), st.base.fonts.body, SIGN_SIZE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6 * mm),
                ]
            )
        )
        story.append(row)
    return story


def build_story(report: printout.ListReport) -> tuple[list[Flowable], layout.Styles]:
    st = _Styles()
    if report.signed_on:
        signed = t(
            f"签订日期：{report.signed_on.year}年{report.signed_on.month}月{report.signed_on.day}日",
            f"Signed on {report.signed_on.isoformat()}",
        )
    else:
        signed = t("尚未签订", "Not signed yet")
    subtitle = f"{report.community_name}  {report.kind.label(language())}  {signed}"
    story: list[Flowable] = [
        Paragraph(layout.esc(report.title), st.base.title),
        Paragraph(layout.esc(subtitle), ParagraphStyle("ListSub", parent=st.sign, alignment=1)),
        Spacer(1, 5 * mm),
        _items_table(report, st, _signatures(report, st)),
    ]
    return story, st.base


def build_service_list(
    db: Database,
    list_id: int,
    out_path: Path,
    *,
    today: date | None = None,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the list for signing to ``out_path`` (atomically) and log the export.

    ``warn`` is told which words hold characters no installed font has."""
    report = printout.get_list_report(db, list_id, today=today)
    story, styles = build_story(report)
    path = layout.build_pdf(
        Path(out_path),
        story,
        styles,
        title=report.title,
        subject=report.community_name,
        invariant=invariant,
        warn=warn,
        english=layout.in_english(),
    )
    printout.record_export(db, list_id, path.name, "PDF")
    return path
