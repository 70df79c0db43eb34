"""The organization list template (党组织信息表): the import's columns, an example-free
sheet with drop-down lists for the choices, and a sheet of instructions."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pbc_desktop.domain import org_columns as oc
from pbc_desktop.files import atomic_output, save_workbook
from pbc_desktop.lang import t
from pbc_desktop.services.member_export import (
    DATE_FORMAT,
    TEMPLATE_ROWS,
    TEXT_FORMAT,
    add_notes_sheet,
    new_workbook,
    style_header,
)

TEMPLATE_SHEET_TITLE = "党组织信息表"
_WIDTHS = {"name": 30, "parent": 30, "address": 24, "remark": 20, "level": 8}


def write_org_template(path: Path) -> Path:
    """Write the empty organization list to ``path`` (replaced whole, or left as it was)."""
    target = Path(path)
    wb, ws = new_workbook(TEMPLATE_SHEET_TITLE)
    for index, column in enumerate(oc.COLUMNS, start=1):
        style_header(ws.cell(row=1, column=index, value=column.zh), column.required)
        letter = get_column_letter(index)
        dim = ws.column_dimensions[letter]
        dim.width = _WIDTHS.get(column.key, 12)
        if column.key == "contact_phone":
            dim.number_format = TEXT_FORMAT
        elif column.key in oc.DATE_KEYS:
            dim.number_format = DATE_FORMAT
        enum_cls = oc.CHOICE_KEYS.get(column.key)
        if enum_cls is not None:
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(m.zh for m in enum_cls) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=column.zh,
                error=t("请从列表中选择", "Choose from the list"),
            )
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    add_notes_sheet(
        wb,
        (
            t(
                f"在“{TEMPLATE_SHEET_TITLE}”中从第 2 行起每行填写一个党组织，"
                "不要修改第 1 行的列名。",
                "Fill in one organization a row from row 2 of the first sheet; keep the "
                "column names of row 1.",
            ),
            t("红色列名为必填项。", "Columns with red names must be filled in."),
            t(
                "上级党组织可以写在它的下级之后；系统中已有的同名党组织可选择跳过或按本表更新。",
                "A parent may come after its children; organizations already stored under "
                "the same name are skipped or updated from the sheet, as chosen.",
            ),
        ),
        [(c.zh, c.required, c.hint()) for c in oc.COLUMNS],
    )
    wb.properties.title = TEMPLATE_SHEET_TITLE
    with atomic_output(target) as tmp:
        save_workbook(wb, tmp, target)
    return target
