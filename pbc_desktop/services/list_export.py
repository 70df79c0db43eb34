"""Export a service list (清单) to an Excel workbook: one header row, real dates, sized columns.

Text is stored as text (``services/xlsx_text.py``): an item reading ``=HYPERLINK(...)`` stays
those characters and never becomes a live formula.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.files import atomic_output, save_workbook
from pbc_desktop.lang import language, t
from pbc_desktop.services.lists import printout
from pbc_desktop.services.xlsx_text import put_text

DATE_FORMAT = "yyyy-mm-dd"
OVERDUE_FONT = Font(color="C0392B", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")

Cell = str | int | date | None


def _columns() -> list[tuple[str, int, Callable[[printout.ReportItem], Cell]]]:
    """(header, width in characters, value) of each column."""
    lang = language()

    def lbl(value: LabeledEnum | None) -> str | None:
        return value.label(lang) if value is not None else None

    return [
        (t("序号", "No."), 6, lambda r: r.seq),
        (t("事项", "Item"), 30, lambda r: r.title),
        (t("类别", "Category"), 12, lambda r: r.category),
        (t("事项内容", "Description"), 40, lambda r: r.description),
        (t("预期成效", "Expected result"), 30, lambda r: r.expected_result),
        (t("状态", "Status"), 10, lambda r: r.status_text),
        (t("认领方式", "Claim"), 12, lambda r: lbl(r.claim_mode)),
        (t("认领单位", "Claimed by"), 36, lambda r: "、".join(r.claimants) or None),
        (t("责任人", "Responsible"), 12, lambda r: r.responsible),
        (t("完成时限", "Deadline"), 12, lambda r: r.deadline),
        (t("办结日期", "Solved on"), 12, lambda r: r.solved_on),
        (t("办理结果", "Result"), 30, lambda r: r.result),
        (t("群众满意度", "Satisfaction"), 12, lambda r: lbl(r.satisfaction)),
        (t("督办次数", "Follow-ups"), 10, lambda r: r.supervision_count),
    ]


def write_list_xlsx(report: printout.ListReport, out_path: Path) -> Path:
    """Write the workbook atomically (a half-written file never replaces a good one)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = report.kind.label(language())[:31]
    wb.properties.title = report.title
    columns = _columns()
    for index, (header, _w, _v) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        put_text(cell, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row, item in enumerate(report.items, start=2):
        for index, (_h, _w, value) in enumerate(columns, start=1):
            cell = ws.cell(row=row, column=index)
            shown = value(item)
            if isinstance(shown, str):
                put_text(cell, shown)
            else:
                cell.value = shown
                if isinstance(shown, date):
                    cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        if item.overdue:
            ws.cell(row=row, column=6).font = OVERDUE_FONT
    for index, (_h, width, _v) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    out_path = Path(out_path)
    with atomic_output(out_path) as tmp:
        save_workbook(wb, tmp, out_path)
    return out_path


def export_list_xlsx(
    db: Database, list_id: int, out_path: Path, *, today: date | None = None
) -> Path:
    """The list's items as ``.xlsx``; the export is written to the audit log."""
    report = printout.get_list_report(db, list_id, today=today)
    path = write_list_xlsx(report, out_path)
    printout.record_export(db, list_id, path.name, "Excel")
    return path
