"""Reading an organization list: the file through the roster's workbook reader, the
header, each row's cells; then the organizations stored, to check the rows against."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain import org_columns as oc
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.validation import name_key, normalise_text
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access
from pbc_desktop.services.member_import.filekind import _file_error
from pbc_desktop.services.member_import.preview import Problem, _cancelled_error
from pbc_desktop.services.member_import.workbook import SheetRows, read_visible_sheets
from pbc_desktop.services.organization_import.preview import (
    OrgImportPreview,
    OrgImportRow,
    StoredOrg,
)
from pbc_desktop.services.organizations import OrgInput
from pbc_desktop.services.permissions import require

#: A district has about 1,500 organizations; a sheet with more rows is not such a list.
MAX_ROWS = 20_000
_STORED_FIELDS = tuple(f.name for f in fields(OrgInput) if f.name not in ("parent_id", "version"))


def read_organizations(
    db: Database,
    path: Path | str,
    *,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> OrgImportPreview:
    """Read and check every row of the organization list at ``path``; nothing is written.

    The list is the first visible sheet (the active one first) whose header, in its first
    10 rows, names 党组织名称 and 党组织类别. Raises :class:`UserError` when the file
    cannot be used and ``ImportCancelledError`` when cancelled; an account that may change
    nothing first, before the file is read.
    """
    require(db, Permission.WRITE)
    report = progress or (lambda _p, _t: None)
    stop = cancelled or (lambda: False)
    path = Path(path)
    report(0, t("正在打开文件…", "Opening the file…"))
    book = read_visible_sheets(path, max_rows=MAX_ROWS + cells.HEADER_SEARCH_ROWS)
    if stop():
        raise _cancelled_error()
    sheet, header = _find_sheet(path, book.sheets)
    if sheet.truncated:
        raise _file_error(
            path,
            f"工作表“{sheet.name}”超过 {MAX_ROWS:,} 行，不像一份党组织名单（一个区约有 1,500 个"
            "党组织）。请确认选对了文件。",
            f"the sheet “{sheet.name}” has more than {MAX_ROWS:,} rows, which is not what a "
            "list of organizations looks like (a district has about 1,500). Check that this "
            "is the right file.",
        )
    report(30, t("正在检查各行…", "Checking the rows…"))
    header_row = sheet.rows[header.row_index][0] if header.row_index < len(sheet.rows) else 1
    letters = {key: cells.column_letter(i) for i, key in header.columns.items()}
    rows: list[OrgImportRow] = []
    for done, (row_no, values) in enumerate(sheet.rows):
        if row_no <= header_row:
            continue
        if done % 200 == 0 and stop():
            raise _cancelled_error()
        raw = {key: values[i] if i < len(values) else None for i, key in header.columns.items()}
        if all(cells.is_blank(v) for v in raw.values()):
            continue
        rows.append(_row(row_no, raw, letters, book.epoch_1904))
    if not rows:
        raise _file_error(
            path,
            f"表头（第 {header_row} 行）下面没有任何党组织。",
            f"there are no organizations below the header (row {header_row}).",
        )
    report(80, t("正在核对已有党组织…", "Checking the organizations already stored…"))
    with db.read() as s:
        acc = access.of(db, s)
        stored = {
            name_key(org.name): StoredOrg(
                org.id,
                org.name,
                {k: getattr(org, k) for k in _STORED_FIELDS},
                org.parent_id,
                org.version,
            )
            for org in s.scalars(select(Organization))
        }
    preview = OrgImportPreview(
        path=path,
        sheet=sheet.name,
        header_row=header_row,
        columns=tuple(header.columns[i] for i in sorted(header.columns)),
        ignored_headers=header.ignored,
        rows=tuple(rows),
        stored=stored,
        access=acc,
    )
    preview.plan("skip")  # checked here, off the window's thread
    report(100, t(f"已读取 {len(rows)} 行。", f"{len(rows)} rows read."))
    return preview


def _find_sheet(path: Path, sheets: tuple[SheetRows, ...]) -> tuple[SheetRows, oc.OrgHeader]:
    incomplete: oc.OrgHeader | None = None
    for sheet in sheets:
        first = [values for _no, values in sheet.rows[: cells.HEADER_SEARCH_ROWS]]
        header = oc.find_header(first)
        if header is None:
            continue
        if set(oc.REQUIRED_KEYS) <= header.keys:
            return sheet, header
        incomplete = incomplete or header
    required = oc.required_headers_text()
    if not any(not cells.is_blank(v) for s in sheets for _n, row in s.rows for v in row):
        raise _file_error(path, "工作簿里没有任何内容。", "the workbook is empty.")
    if incomplete is not None:
        missing = [oc.COLUMN_BY_KEY[k] for k in oc.REQUIRED_KEYS if k not in incomplete.keys]
        names = t("、".join(c.zh for c in missing), ", ".join(c.en for c in missing))
        raise _file_error(
            path,
            f"表格缺少“{names}”列。表头须包含 {required} 这几列。",
            f"the sheet has no “{names}” column. The header must name the columns {required}.",
        )
    raise _file_error(
        path,
        f"在前 {cells.HEADER_SEARCH_ROWS} 行中找不到党组织名单的表头行。表头行须包含 {required} "
        "这几列（列的顺序不限，其他列会被忽略）；导入窗口的“保存空白模板”（命令行："
        "pbc export-template --organizations）可以得到一份空白名单。",
        f"no header row of an organization list in the first {cells.HEADER_SEARCH_ROWS} rows. "
        f"The header row must name the columns {required} (in any order; other columns are "
        "ignored); “Save an empty template” in the import window (at the command line: "
        "pbc export-template --organizations) gives such a list, empty.",
    )


def _row(
    row_no: int, raw: dict[str, object], letters: dict[str, str], epoch_1904: bool
) -> OrgImportRow:
    values: dict[str, Any] = {}
    errors: list[Problem] = []
    parent: str | None = None
    for key, value in raw.items():
        if cells.is_blank(value):
            continue
        column = oc.COLUMN_BY_KEY[key]
        if isinstance(value, cells.UncalculatedFormula):
            errors.append((key, _formula_message(column, letters[key])))
            continue
        try:
            if key in oc.DATE_KEYS:
                parsed = cells.parse_date(value, column.label, epoch_1904=epoch_1904)
                values[key] = parsed.value if parsed else None
            elif key in oc.CHOICE_KEYS:
                values[key] = oc.parse_choice(oc.CHOICE_KEYS[key], value, column)
            elif key == "remark":
                text = value.strip() if isinstance(value, str) else cells.cell_text(value)
                values[key] = text or None
            elif key == "parent":
                parent = normalise_text(cells.cell_text(value)) or None
            else:
                values[key] = cells.parse_text(value)
        except cells.CellError as exc:
            errors.append((key, exc.message))
    name = values.pop("name", None) or ""
    if not name and not any(k == "name" for k, _m in errors):
        errors.append(("name", t("党组织名称为空", "The organization's name is empty")))
    return OrgImportRow(row_no, name, values, parent, tuple(errors))


def _formula_message(column: oc.OrgColumn, letter: str) -> str:
    return cells.mark_message(cells.UNCALCULATED, column.label, letter)
