"""The statistics as an Excel workbook: one sheet, the tables one under another, each with
its title row, header and counts (and the members' share), as the forms are typed in.

Like the PDF (``reports/party_stats.py``), it speaks the window's language: titles,
headers and the rows' labels (男, 30岁及以下, 党委… as ``shown``; the keys stay Chinese)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from pbc_desktop.files import atomic_output, save_workbook
from pbc_desktop.lang import t
from pbc_desktop.services.party_stats.tables import PartyStatistics
from pbc_desktop.services.xlsx_text import put_text

HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
BOLD = Font(bold=True)


def write_party_stats_xlsx(stats: PartyStatistics, out_path: Path) -> Path:
    """Write the workbook atomically (a half-written file never replaces a good one)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t(f"党内统计{stats.year}", f"Statistics {stats.year}")
    title = t(
        f"{stats.area}党内统计表（{stats.year}年度）", f"{stats.area}: statistics {stats.year}"
    )
    wb.properties.title = title
    put_text(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    put_text(
        ws.cell(row=2, column=1),
        t(
            f"统计截止日期：{stats.as_of.isoformat()}，党员{stats.members}名，党组织{stats.organizations}个",
            f"As of {stats.as_of.isoformat()}: {stats.members} members, "
            f"{stats.organizations} organizations",
        ),
    )
    row = 4
    for table in stats.tables:
        share = table.share
        headers = [table.title, *table.shown_columns]
        headers += [t("占比（%）", "Share (%)")] if share else []
        for col, text in enumerate(headers, start=1):
            cell = ws.cell(row=row, column=col)
            put_text(cell, text)
            cell.font = BOLD
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for stat in table.rows:
            row += 1
            put_text(ws.cell(row=row, column=1), stat.shown)
            for col, value in enumerate(stat.values, start=2):
                ws.cell(row=row, column=col, value=value)
            if share:
                whole = stats.members
                ws.cell(
                    row=row, column=3, value=round(100 * stat.values[0] / whole, 1) if whole else 0
                )
        row += 2
    ws.column_dimensions["A"].width = 34
    for letter in "BCDEFGH":
        ws.column_dimensions[letter].width = 12
    out_path = Path(out_path)
    with atomic_output(out_path) as tmp:
        save_workbook(wb, tmp, out_path)
    return out_path
