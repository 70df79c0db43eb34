"""党内统计表: the composition tables of an area at a year's end, on A4 portrait.

One ruled table per dimension of the forms (性别, 民族, 年龄, 学历, 入党时间, 党员类别,
领域), each row with its count and share of the members; then the organizations by field and
type and, when known, the changes in the year. 填报人 and 审核人 sign at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from pbc_desktop.lang import t
from pbc_desktop.reports.glyphs import Paragraph, WarnFn
from pbc_desktop.reports.layout import (
    CELL_SIZE,
    TEXT_WIDTH,
    Styles,
    build_pdf,
    grid_style,
    in_english,
    make_styles,
    plain,
    sign_below,
    title_paragraph,
)
from pbc_desktop.reports.signature_block import SignatureBlock
from pbc_desktop.reports.tables import ruled_table
from pbc_desktop.services.party_stats.tables import PartyStatistics, StatTable, share_text

SMALL_CELL = 10.5  # 五号: the organizations' table has a column per kind
HEADER_CELL = 9.0  # 小五: its header (临时党支部 fits its column)


def statistics_title(stats: PartyStatistics) -> tuple[str, str]:
    """The title's two parts, which read as one line: "全区" "党内统计表（2026年度）", or in
    English "Party statistics 2026: " "whole district" (not "whole districtParty…")."""
    if in_english():
        return f"Party statistics {stats.year}: ", stats.area
    return stats.area, f"党内统计表（{stats.year}年度）"


def _signed_grid(
    data: list[list[Flowable | str]],
    widths: Sequence[float],
    commands: list[tuple[Any, ...]],
    signed: Sequence[Flowable],
) -> Table:
    """A ruled table, ``signed`` (the signatures) below its rows when given, which keeps
    the last of them on its page (:func:`layout.sign_below`)."""
    if signed:
        commands = sign_below(data, commands, signed, gap=8 * mm)
    return ruled_table(data, widths, commands, split_in_row=False)


def _label_styles(styles: Styles, size: float, head_size: float) -> tuple[ParagraphStyle, ...]:
    """The first column's rows and header, which wrap ("The Third Plenum to the 16th
    Party Congress"; in Chinese one line, as the plain strings it had, leading 1.2)."""
    row = ParagraphStyle(f"StatLabel{size}", parent=styles.cell, fontSize=size, leading=size * 1.2)
    head = ParagraphStyle(
        f"StatHead{head_size}",
        parent=row,
        fontName=styles.fonts.heading,
        fontSize=head_size,
        leading=head_size * 1.2,
    )
    return row, head


def _member_table(
    table: StatTable, total: int, styles: Styles, signed: Sequence[Flowable] = ()
) -> Flowable:
    row, head = _label_styles(styles, CELL_SIZE, CELL_SIZE)
    data: list[list[Flowable | str]] = [
        [Paragraph(plain(table.title), head), table.shown_columns[0], t("占比", "Share")]
    ]
    data += [
        [Paragraph(plain(r.shown), row), str(r.values[0]), share_text(r.values[0], total)]
        for r in table.rows
    ]
    data.append(
        [
            Paragraph(plain(t("合计", "Total")), row),
            str(total),
            share_text(total, total) if total else "",
        ]
    )
    widths = (TEXT_WIDTH * 0.56, TEXT_WIDTH * 0.22, TEXT_WIDTH * 0.22)
    commands = [
        *grid_style(styles.fonts.body, header_rows=1),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("FONT", (0, 0), (-1, 0), styles.fonts.heading, 14),
    ]
    return _signed_grid(data, widths, commands, signed)


def _wide_table(table: StatTable, styles: Styles, signed: Sequence[Flowable] = ()) -> Flowable:
    """A table with many columns (the organizations): 五号 (the header smaller), its title
    above it and what its rows are heading the first column (wider in English, where
    "State-owned enterprise" takes more room than 国有企业)."""
    row, _head = _label_styles(styles, SMALL_CELL, HEADER_CELL)
    header = ParagraphStyle(
        f"StatColumn{HEADER_CELL}", parent=row, fontSize=HEADER_CELL, leading=HEADER_CELL * 1.2
    )
    centered = ParagraphStyle(f"{header.name}Center", parent=header, alignment=TA_CENTER)
    data: list[list[Flowable | str]] = [
        [
            Paragraph(plain(table.row_heading or table.title), header),
            *(Paragraph(plain(column), centered) for column in table.shown_columns),
        ]
    ]
    data += [[Paragraph(plain(r.shown), row), *(str(v) for v in r.values)] for r in table.rows]
    first = (28 if in_english() else 24) * mm
    rest = (TEXT_WIDTH - first) / len(table.columns)
    commands = [
        *grid_style(styles.fonts.body, header_rows=1),
        ("FONT", (0, 0), (-1, -1), styles.fonts.body, SMALL_CELL),
        ("FONT", (0, 0), (-1, 0), styles.fonts.body, HEADER_CELL),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        # "Temporary" and "committee" whole in their columns
        ("LEFTPADDING", (1, 0), (-1, 0), 2),
        ("RIGHTPADDING", (1, 0), (-1, 0), 2),
    ]
    grid = _signed_grid(data, (first, *[rest] * len(table.columns)), commands, signed)
    return KeepTogether([Paragraph(plain(table.title), styles.small), Spacer(1, 2 * mm), grid])


def build_party_stats_pdf(
    stats: PartyStatistics,
    out_path: Path,
    *,
    invariant: bool = False,
    warn: WarnFn | None = None,
) -> Path:
    """Write the statistics (a service's :class:`PartyStatistics`) as an A4 PDF."""
    styles = make_styles(english=in_english())
    parts = statistics_title(stats)
    story: list[Flowable] = [
        title_paragraph(parts, styles.title),
        Paragraph(
            plain(
                t(
                    f"统计截止日期：{stats.as_of.year}年12月31日　党员{stats.members}名　"
                    f"党组织{stats.organizations}个",
                    f"As of {stats.as_of.isoformat()}: {stats.members} members, "
                    f"{stats.organizations} organizations",
                )
            ),
            styles.small_center,
        ),
        Spacer(1, 4 * mm),
    ]
    signatures = SignatureBlock(
        [t("填报人", "Prepared by"), t("审核人", "Checked by")],
        styles.fonts.body,
        size=12,
        space_before=0,
        english=in_english(),
    )
    last = len(stats.tables) - 1
    for n, table in enumerate(stats.tables):
        # The signatures below the last table's rows, never on a page of their own.
        signed = [signatures] if n == last else []
        if table.share:
            story.append(KeepTogether([_member_table(table, stats.members, styles, signed)]))
        else:
            story.append(_wide_table(table, styles, signed))
        if n < last:
            story.append(Spacer(1, 5 * mm))
    if not stats.tables:
        story.append(signatures)
    return build_pdf(
        out_path,
        story,
        styles,
        title="".join(parts).strip(),
        invariant=invariant,
        warn=warn,
        english=in_english(),
    )
