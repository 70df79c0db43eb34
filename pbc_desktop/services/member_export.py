"""Party members to Excel: the import template, the roster of a filter, and roster data.

The workbook has exactly the columns of the 党员基本信息采集表 (``member_rules.FIELDS``,
their Chinese labels in row 1, one member a row from row 2), so an export read back by the
import finds every column. ID numbers and phones are text cells (Excel would otherwise
show an 18-digit number as ``4.40514E+17`` and lose its last digits), dates are real
dates shown ``yyyy-mm-dd``, choices are their Chinese labels and 所在党组织 is the
organization's name.

By default ID numbers and phones are masked (``**************1234``, ``138****5678``) and
the birth date shows only its year, so the hidden digits cannot be read back from it
(``domain/privacy.py``); ID numbers and phones in a remark or in the search text are masked
too. The sheet's name and a 说明 sheet say so. Text is stored as text, never as a formula,
and a cell too long for Excel is cut with a marker the 说明 sheet and the result name
(``services/xlsx_text.py``). An unmasked export is written to the audit log with the filter and
the number of members. The workbook is streamed (openpyxl write-only), so 30,000 members
stay cheap, and written beside its target then renamed: a cancel or a failure leaves no
file behind.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import case, func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.enums import AuditAction, Gender, MemberCategory, MembershipStatus
from pbc_desktop.domain.excel_cells import CUT_MARKER, EXCEL_CELL_MAX
from pbc_desktop.domain.member_changes import MemberRoll
from pbc_desktop.domain.member_rules import FIELDS, MemberField
from pbc_desktop.domain.privacy import scrub_text
from pbc_desktop.errors import NotFoundError, UserError
from pbc_desktop.files import atomic_output, save_workbook
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access, audit, members
from pbc_desktop.services.member_changes.roll import on_roll_at, on_roll_now, organization_at
from pbc_desktop.services.members import (
    KEPT_BY_THEIR_OFFICE,
    MemberQuery,
    scrubbed,
    shown_birth_date,
    shown_id_number,
    shown_phone,
)
from pbc_desktop.services.scope import from_fields
from pbc_desktop.services.xlsx_text import (
    fit_text,
    needs_text_cell,
    store_text,
)

DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
TEXT_KEYS = frozenset({"id_number", "phone"})
DATE_KEYS = frozenset({"birth_date", "joined_on", "confirmed_on"})
CHOICES: dict[str, tuple[str, ...]] = {
    "gender": tuple(g.zh for g in Gender),
    "category": tuple(c.zh for c in MemberCategory),
    "status": tuple(s.zh for s in MembershipStatus),
}
# Column widths in characters (Excel's unit); the rest get DEFAULT_WIDTH.
WIDTHS = {
    "name": 10,
    "gender": 6,
    "ethnicity": 8,
    "birth_date": 12,
    "id_number": 21,
    "native_place": 12,
    "education": 9,
    "joined_on": 12,
    "confirmed_on": 12,
    "category": 10,
    "party_post": 12,
    "work_unit": 28,
    "phone": 14,
    "organization": 30,
    "status": 9,
    "remark": 20,
}
DEFAULT_WIDTH = 12
TEMPLATE_ROWS = 5000  # rows of the template prepared with text, date and choice formats
BATCH = 500  # rows between progress reports and cancel checks

SHEET_TITLE = "党员名册"
MASKED_SHEET_TITLE = "党员名册（号码已部分隐藏）"
TEMPLATE_SHEET_TITLE = "党员基本信息采集表"
NOTES_SHEET_TITLE = "说明"

HEADER_FONT = Font(bold=True)
REQUIRED_FONT = Font(bold=True, color="C0392B")
HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


class ExportCancelledError(UserError):
    """The user cancelled the export; no file was written."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    unmasked: bool
    cut_rows: tuple[int, ...] = ()  # Excel rows with a cell cut to fit (see xlsx_text)


# -- cells ------------------------------------------------------------------------------------
class _RowCells:
    """Values of a row ready for ``append``; one styled cell per column, reused.

    A write-only sheet serialises a row as soon as it is appended, so the same cell objects
    can carry the next row's values: the text and date columns are styled once, not 30,000
    times. Plain text goes in as is (cheapest), except text starting with "=", which must
    stay text and not become a formula (``xlsx_text.store_text``). :attr:`cut` tells
    whether the last row had a cell cut to fit.
    """

    def __init__(
        self, ws: Any, fields: tuple[MemberField, ...], text_keys: frozenset[str] = TEXT_KEYS
    ) -> None:
        self.cells: list[WriteOnlyCell] = []
        self.styled: list[bool] = []
        self.cut = False
        for f in fields:
            cell = WriteOnlyCell(ws)
            if f.key in text_keys:
                cell.number_format = TEXT_FORMAT
            elif f.key in DATE_KEYS:
                cell.number_format = DATE_FORMAT
            self.cells.append(cell)
            self.styled.append(f.key in text_keys or f.key in DATE_KEYS)

    def row(self, values: list[str | date | None]) -> list[WriteOnlyCell | str | None]:
        out: list[WriteOnlyCell | str | None] = []
        self.cut = False
        for cell, styled, value in zip(self.cells, self.styled, values, strict=True):
            if value is None or value == "":
                out.append(None)
            elif isinstance(value, str):
                text, cut = fit_text(value)
                self.cut = self.cut or cut
                if styled or needs_text_cell(text):
                    store_text(cell, text)
                    out.append(cell)
                else:
                    out.append(text)
            else:
                cell.value = value
                out.append(cell)
        return out


def style_header(cell: Any, required: bool) -> None:
    """A column name of an import template (or of the export): required ones in red."""
    cell.font = REQUIRED_FONT if required else HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = CENTER


def _header_cells(ws: Any, fields: tuple[MemberField, ...]) -> list[WriteOnlyCell]:
    cells = []
    for f in fields:
        cell = WriteOnlyCell(ws, value=f.zh)
        style_header(cell, f.required)
        cells.append(cell)
    return cells


def _size_columns(
    ws: Any, fields: tuple[MemberField, ...], text_keys: frozenset[str] = TEXT_KEYS
) -> None:
    """Widths, and whole-column formats so rows typed in later are text or dates too."""
    for index, f in enumerate(fields, start=1):
        dim = ws.column_dimensions[get_column_letter(index)]
        dim.width = WIDTHS.get(f.key, DEFAULT_WIDTH)
        if f.key in text_keys:
            dim.number_format = TEXT_FORMAT
        elif f.key in DATE_KEYS:
            dim.number_format = DATE_FORMAT


def _last_column() -> str:
    return str(get_column_letter(len(FIELDS)))


def _save(wb: Workbook, tmp: Path, target: Path) -> None:
    save_workbook(wb, tmp, target)


# -- the template ------------------------------------------------------------------------------
def _field_hint(f: MemberField) -> str:
    if f.key in CHOICES:
        return t("可选：", "One of: ") + "、".join(CHOICES[f.key])
    if f.key in DATE_KEYS:
        return t("日期，如 1980-05-01", "A date such as 1980-05-01")
    if f.key == "id_number":
        return t(
            "18 位公民身份号码；出生日期和性别可由它自动填写",
            "The 18-character ID number; birth date and gender can be taken from it",
        )
    if f.key == "phone":
        return t("手机或固定电话", "A mobile or fixed-line number")
    if f.key == "organization":
        return t(
            "党组织的完整名称，须已在“党组织”中登记",
            "The full name of a Party organization already entered in the app",
        )
    if f.max_length:
        return t(f"不超过 {f.max_length} 个字", f"At most {f.max_length} characters")
    return t("其他需要说明的情况，可不填", "Anything else worth noting; may be left empty")


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A new workbook and its one sheet, titled ``title``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    return wb, ws


def add_notes_sheet(
    wb: Workbook, lines: Sequence[str], columns: Sequence[tuple[str, bool, str]]
) -> None:
    """A template's 说明 sheet: ``lines`` of instructions, then each column's name, whether
    it is required and what to enter."""
    notes = wb.create_sheet(NOTES_SHEET_TITLE)
    notes.append([t("填写说明", "How to fill in")])
    notes["A1"].font = Font(bold=True, size=14)
    for line in (*lines, ""):
        notes.append([line])
    notes.append([t("列名", "Column"), t("必填", "Required"), t("填写要求", "What to enter")])
    for cell in notes[notes.max_row]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for name, required, hint in columns:
        notes.append([name, t("是", "yes") if required else "", hint])
    notes.column_dimensions["A"].width = 16
    notes.column_dimensions["B"].width = 8
    notes.column_dimensions["C"].width = 60


def write_template(path: Path) -> Path:
    """The import template: the form's columns, formats prepared, a sheet of instructions."""
    target = Path(path)
    wb, ws = new_workbook(TEMPLATE_SHEET_TITLE)
    for index, f in enumerate(FIELDS, start=1):
        style_header(ws.cell(row=1, column=index, value=f.zh), f.required)
    _size_columns(ws, FIELDS)
    for index, f in enumerate(FIELDS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if f.key in CHOICES:
            rule = DataValidation(
                type="list",
                formula1='"' + ",".join(CHOICES[f.key]) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle=f.zh,
                error=t("请从列表中选择", "Choose from the list"),
            )
            rule.add(cells)
            ws.add_data_validation(rule)
    ws.freeze_panes = "A2"
    add_notes_sheet(
        wb,
        (
            t(
                "在“党员基本信息采集表”中从第 2 行起每行填写一名党员，不要修改第 1 行的列名。",
                "Fill in one member a row from row 2 of the first sheet; keep the column names "
                "of row 1.",
            ),
            t("红色列名为必填项。", "Columns with red names must be filled in."),
            t(
                "身份证号和联系电话列已设为文本格式，请勿改为数字格式。",
                "The ID number and phone columns are text; do not change them to numbers.",
            ),
        ),
        [(f.zh, f.required, _field_hint(f)) for f in FIELDS],
    )
    wb.properties.title = TEMPLATE_SHEET_TITLE
    with atomic_output(target) as tmp:
        _save(wb, tmp, target)
    return target


# -- the filter, in words ----------------------------------------------------------------------
_DIGIT_RUN = re.compile(r"[0-9０-９]{5,}")


def shown_search(text: str) -> str:
    """The search text as a description shows it: ID numbers and phones in it masked
    (``privacy.scrub_text``) and any other run of 5 or more digits cut to its last 4, so it
    tells no more of a number than a masked ID number does."""
    return _DIGIT_RUN.sub(
        lambda m: "*" * (len(m.group(0)) - 4) + m.group(0)[-4:], scrub_text(text.strip())
    )


def describe_query(db: Database, query: MemberQuery) -> str:
    """The filter as the user chose it, e.g. "搜索“张”;镇街:成田镇;预备党员".

    Numbers typed in the search box are masked (:func:`shown_search`): the description goes
    into the 说明 sheet and the audit log.
    """
    parts: list[str] = []
    text = shown_search(query.text)
    if text:
        parts.append(t(f"搜索“{text}”", f"search “{text}”"))
    if query.organization_id is not None:
        name = _organization_name(db, query.organization_id)
        parts.append(t(f"党组织：{name}", f"organization: {name}"))
    if query.town:
        parts.append(t(f"镇街：{query.town}", f"town: {query.town}"))
    if query.category is not None:
        parts.append(t(query.category.zh, query.category.en))
    if query.reported is not None:
        parts.append(
            t("已报到领岗", "reported to a post") if query.reported else t("未报到", "not reported")
        )
    if query.report_town:
        parts.append(
            t(
                f"报到到{query.report_town}的党建共同体",
                f"reported to communities in {query.report_town}",
            )
        )
    if query.roll is not MemberRoll.CURRENT:
        parts.append(t(query.roll.zh, query.roll.en))
    if query.as_of is not None:
        day = query.as_of.isoformat()
        parts.append(t(f"截至{day}", f"as of {day}"))
    return "；".join(parts) if parts else t("全部党员", "all members")


def _query_json(query: MemberQuery) -> dict[str, Any]:
    data = asdict(query)
    data["text"] = shown_search(query.text)
    if query.category is not None:
        data["category"] = query.category.value
    data["roll"] = None if query.roll is MemberRoll.CURRENT else query.roll.value
    data["as_of"] = query.as_of.isoformat() if query.as_of else None
    return {k: v for k, v in data.items() if v not in (None, "")}


def _organization_name(db: Database, org_id: int) -> str:
    with db.read() as s:
        name = s.scalar(select(Organization.name).where(Organization.id == org_id))
    return name or f"#{org_id}"


def _is_id(text: str) -> bool:
    """``text`` may be a record's id: ASCII digits a database integer holds (``"²"`` is a
    digit to ``str.isdigit`` and ``int`` refuses it; twenty digits overflow the column)."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def find_organization(db: Database, text: str) -> tuple[int, str]:
    """The organization named ``text`` (its full name, or its id): ``(id, name)``.

    Refused with a sentence naming a few close names when none or several match.
    """
    needle = text.strip()
    with db.read() as s:
        seen = access.of(db, s).orgs(Organization.id)
        row = s.execute(
            select(Organization.id, Organization.name).where(Organization.name == needle, seen)
        ).first()
        if row is None and _is_id(needle):
            row = s.execute(
                select(Organization.id, Organization.name).where(
                    Organization.id == int(needle), seen
                )
            ).first()
        if row is not None:
            return int(row.id), str(row.name)
        close = list(
            s.scalars(
                select(Organization.name)
                .where(Organization.name.icontains(needle, autoescape=True), seen)
                .order_by(Organization.name_sort)
                .limit(6)
            )
        )
    if not needle:
        raise UserError(t("请给出党组织的名称。", "Name the Party organization."))
    if close:
        shown = "、".join(close[:5]) + ("等" if len(close) > 5 else "")
        shown_en = ", ".join(close[:5]) + (" …" if len(close) > 5 else "")
        raise NotFoundError(
            t(
                f"找不到名为“{needle}”的党组织。请写出完整名称，例如：{shown}。",
                f"No Party organization is named “{needle}”. Give the full name, "
                f"for example: {shown_en}.",
            )
        )
    raise NotFoundError(
        t(
            f"找不到名为“{needle}”的党组织。",
            f"No Party organization is named “{needle}”.",
        )
    )


# -- the export --------------------------------------------------------------------------------
def _member_columns(acc: access.Access) -> list[Any]:
    """The export's columns; what the office of a member moved since out of the account's
    scope keeps is left out (an export of a past roll)."""
    kept = {c: members.kept_here(acc, getattr(PartyMember, c)) for c in KEPT_BY_THEIR_OFFICE}
    return [
        PartyMember.name,
        PartyMember.gender,
        PartyMember.ethnicity,
        PartyMember.birth_date,
        PartyMember.id_number,
        PartyMember.native_place,
        PartyMember.education,
        PartyMember.joined_on,
        PartyMember.confirmed_on,
        PartyMember.category,
        kept["party_post"],
        kept["work_unit"],
        kept["phone"],
        Organization.name.label("organization"),
        PartyMember.status,
        kept["remark"],
    ]


def _values(row: Any, unmasked: bool) -> list[str | date | None]:
    """A result row in the order of FIELDS, as the workbook shows it: masked unless
    ``unmasked`` (the birth date then shows only its year, a remark its numbers masked)."""
    out: list[str | date | None] = []
    for f in FIELDS:
        value = getattr(row, f.key)
        if f.key == "id_number":
            value = shown_id_number(value, unmasked) or None
        elif f.key == "phone":
            value = shown_phone(value, unmasked) or None
        elif f.key == "birth_date" and not unmasked:
            value = shown_birth_date(value, unmasked) or None
        elif f.key == "remark" and not unmasked:
            value = scrubbed(value)
        elif isinstance(value, Gender | MemberCategory | MembershipStatus):
            value = value.zh
        out.append(value)
    return out


def _export_select(query: MemberQuery, acc: access.Access) -> Any:
    stmt = members._filtered(select(*_member_columns(acc)).select_from(PartyMember), query, acc)
    return stmt.order_by(
        Organization.name_sort, Organization.id, PartyMember.name_sort, PartyMember.id
    ).execution_options(yield_per=BATCH)


def _rows_text(rows: tuple[int, ...]) -> str:
    """``2、5、9`` (the first 20, then 等 N 行)."""
    shown = "、".join(str(r) for r in rows[:20])
    return shown + (
        t(f" 等 {len(rows)} 行", f" and more ({len(rows)} rows)") if len(rows) > 20 else ""
    )


def cut_sentence(rows: tuple[int, ...]) -> str:
    """What the 说明 sheet, the CLI and the window say about cells cut to fit."""
    return t(
        f"第 {_rows_text(rows)} 行有内容超过 Excel 单元格上限（{EXCEL_CELL_MAX} 字），已截断，"
        f"以“{CUT_MARKER}”结尾；完整内容仍保存在本系统中，重新导入时截断的备注不会覆盖原文。",
        f"Rows {_rows_text(rows)} hold text longer than an Excel cell takes ({EXCEL_CELL_MAX} "
        f"characters): it was cut and ends with “{CUT_MARKER}”. The full text stays in the "
        "program; a cut remark imported again does not replace it.",
    )


def _notes(
    wb: Workbook,
    *,
    count: int,
    description: str,
    unmasked: bool,
    when: datetime,
    cut_rows: tuple[int, ...] = (),
) -> None:
    ws = wb.create_sheet(NOTES_SHEET_TITLE)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 80
    if unmasked:
        numbers = t(
            "本文件含完整的身份证号和联系电话，请妥善保管，用后及时删除；本次导出已记入操作日志。",
            "This file holds full ID numbers and phone numbers: keep it safe and delete it "
            "when done. The export is recorded in the audit log.",
        )
    else:
        numbers = t(
            "身份证号和联系电话已部分隐藏：身份证号只显示后 4 位（如 **************1234），"
            "联系电话只显示前 3 位和后 4 位（如 138****5678），出生日期只显示年份；"
            "本文件不能用于导入。",
            "ID numbers and phones are partly hidden: ID numbers show only their last 4 "
            "characters (such as **************1234), phones their first 3 and last 4 digits "
            "(such as 138****5678), birth dates only the year; this file cannot be imported.",
        )
    rows = [
        (t("导出时间", "Exported"), when.strftime("%Y-%m-%d %H:%M")),
        (t("筛选条件", "Filter"), description),
        (t("党员人数", "Members"), str(count)),
        (t("号码", "Numbers"), numbers),
        (
            t("格式", "Layout"),
            t(
                "第 1 行为列名，与“党员基本信息采集表”模板一致；从第 2 行起每行一名党员。",
                "Row 1 holds the column names of the import template; one member a row from row 2.",
            ),
        ),
    ]
    if cut_rows:
        rows.append((t("截断", "Cut"), cut_sentence(cut_rows)))
    for label, value in rows:
        label_cell = WriteOnlyCell(ws)
        store_text(label_cell, label)
        label_cell.font = HEADER_FONT
        value_cell = WriteOnlyCell(ws)
        store_text(value_cell, fit_text(value)[0])
        value_cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.append([label_cell, value_cell])


def _discard(ws: Any) -> None:
    """Remove the temporary file a write-only sheet streams into (after a cancel or error)."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    with contextlib.suppress(Exception):
        if not ws.closed:
            ws.close()
    with contextlib.suppress(Exception):
        writer.cleanup()


def _cancelled_error() -> ExportCancelledError:
    return ExportCancelledError(t("已取消导出，未生成文件。", "The export was cancelled; no file."))


def export_members(
    db: Database,
    query: MemberQuery,
    path: Path,
    *,
    unmasked: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the members matching ``query`` to ``path`` (.xlsx): the number written and the
    rows with a cell cut to fit Excel (:func:`cut_sentence` says so).

    ``progress(percent, text)`` is called every few hundred rows; when ``cancelled()``
    turns true the export stops with :class:`ExportCancelledError` and leaves no file.
    An unmasked export is recorded in the audit log.

    The count, the description and the rows are read in one snapshot (``db.snapshot``):
    members saved by others meanwhile are in none of them or in all.
    """
    with db.snapshot():
        return _export_members(
            db,
            query,
            path,
            unmasked=unmasked,
            progress=progress,
            cancelled=cancelled,
            now=now,
        )


def _export_members(
    db: Database,
    query: MemberQuery,
    path: Path,
    *,
    unmasked: bool,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
    now: datetime | None,
) -> ExportResult:
    target = Path(path)
    report = progress or (lambda _p, _t: None)
    stop = cancelled or (lambda: False)
    when = now or datetime.now()
    acc = access.of(db)
    members.check_unmasked(acc, unmasked)
    total = members.count_members(db, query)
    description = describe_query(db, query)
    report(0, t(f"正在导出 {total} 名党员…", f"Exporting {total} members…"))

    # Masked, the birth date is only its year: a text column like the ID number's.
    text_keys = TEXT_KEYS if unmasked else TEXT_KEYS | {"birth_date"}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(SHEET_TITLE if unmasked else MASKED_SHEET_TITLE)
    _size_columns(ws, FIELDS, text_keys)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_last_column()}{max(total, 0) + 1}"
    wb.properties.title = ws.title
    count = 0
    cut_rows: list[int] = []
    try:
        with atomic_output(target) as tmp:
            ws.append(_header_cells(ws, FIELDS))
            cells = _RowCells(ws, FIELDS, text_keys)
            # Closed when left (a cancel too): on a server the rows come through a cursor
            # held open there until the result is closed.
            with db.read() as s, s.execute(_export_select(query, acc)) as rows:
                for row in rows:
                    if count % BATCH == 0:
                        if stop():
                            raise _cancelled_error()
                        if count:
                            report(
                                min(95, count * 95 // max(total, 1)),
                                t(f"已导出 {count} / {total} 名", f"{count} of {total} exported"),
                            )
                    ws.append(cells.row(_values(row, unmasked)))
                    count += 1
                    if cells.cut:
                        cut_rows.append(count + 1)  # as Excel numbers it, below the header
            if stop():
                raise _cancelled_error()
            _notes(
                wb,
                count=count,
                description=description,
                unmasked=unmasked,
                when=when,
                cut_rows=tuple(cut_rows),
            )
            report(96, t("正在保存文件…", "Saving the file…"))
            _save(wb, tmp, target)
            if unmasked:
                record_unmasked_export(
                    db,
                    what=t("党员名册(Excel)", "member roster (Excel)"),
                    file_name=target.name,
                    count=count,
                    description=description,
                    details={"filter": _query_json(query)},
                )
    except BaseException:
        for sheet in wb.worksheets:
            _discard(sheet)
        raise
    report(100, t(f"已导出 {count} 名党员", f"{count} members exported"))
    return ExportResult(path=target, count=count, unmasked=unmasked, cut_rows=tuple(cut_rows))


def record_unmasked_export(
    db: Database,
    *,
    what: str,
    file_name: str,
    count: int,
    description: str,
    details: dict[str, Any] | None = None,
) -> None:
    """Log that full ID numbers and phones left the program (``what``: which document);
    refused without the permission (no account writes an export it could not make)."""
    members.check_unmasked(access.of(db), True)
    after: dict[str, Any] = {
        "file": file_name,
        "count": count,
        "unmasked": True,
        "description": description,
        **(details or {}),
    }
    with db.write() as s:
        audit.record(
            s,
            AuditAction.EXPORT,
            None,
            summary=t(
                f"导出{what}，含完整身份证号和联系电话：{count} 名党员（{description}），"
                f"文件 {file_name}",
                f"Exported the {what} with full ID numbers and phones: {count} members "
                f"({description}), file {file_name}",
            ),
            after=json.loads(json.dumps(after, ensure_ascii=False, default=str)),
            entity=PartyMember.__tablename__,
        )


def record_unmasked_view(db: Database) -> None:
    """Log that the signed-in person chose to see full ID numbers and phones on screen
    (refused without the permission)."""
    acc = access.of(db)
    members.check_unmasked(acc, True)
    with db.write() as s:
        audit.record(
            s,
            AuditAction.EXPORT,
            None,
            summary=t(
                "在党员页显示完整身份证号和联系电话",
                "Showed full ID numbers and phones on the members tab",
            ),
            after={"unmasked": True, "where": "members tab"},
            entity=PartyMember.__tablename__,
        )


# -- the roster of one organization (data for reports/roster.py) ------------------------------
@dataclass(frozen=True)
class RosterRow:
    seq: int
    name: str
    gender: Gender | None
    ethnicity: str | None
    # "1985-03-02"; only the year ("1985") unless the roster is unmasked
    birth_date: str = field(repr=False)
    id_number: str = field(repr=False)  # masked unless the roster is unmasked
    education: str | None
    joined_on: date | None
    confirmed_on: date | None
    category: MemberCategory
    party_post: str | None
    work_unit: str | None
    phone: str = field(repr=False)  # masked unless the roster is unmasked
    status: MembershipStatus


@dataclass(frozen=True)
class Roster:
    organization_id: int
    organization_name: str
    town: str | None
    secretary: str | None
    unmasked: bool
    rows: tuple[RosterRow, ...]
    as_of: date | None = None  # the roll at this date (None: now)

    def count(self, category: MemberCategory | None = None) -> int:
        return sum(1 for r in self.rows if category is None or r.category == category)

    def with_status(self, status: MembershipStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)


# Party posts in the order a roster lists them (the committee first).
POST_ORDER = (
    "书记",
    "第一书记",
    "副书记",
    "组织委员",
    "宣传委员",
    "纪检委员",
    "纪律检查委员",
    "青年委员",
    "妇女委员",
    "统战委员",
    "委员",
)


def get_roster(
    db: Database, organization_id: int, *, unmasked: bool = False, as_of: date | None = None
) -> Roster:
    """Every member on the organization's roll (now, or at ``as_of``): the committee first
    (书记, 副书记, 委员…), then by the date they joined the Party."""
    post_rank = case(
        *((PartyMember.party_post == post, i) for i, post in enumerate(POST_ORDER)),
        (PartyMember.party_post.is_(None), len(POST_ORDER) + 1),
        (func.trim(PartyMember.party_post) == "", len(POST_ORDER) + 1),
        else_=len(POST_ORDER),
    )
    stmt = (
        select(PartyMember)
        .where(
            (organization_at(as_of) if as_of else PartyMember.organization_id) == organization_id,
            on_roll_at(as_of) if as_of else on_roll_now(),
        )
        .order_by(
            post_rank,
            case((PartyMember.joined_on.is_(None), 1), else_=0),
            PartyMember.joined_on,
            PartyMember.name_sort,
            PartyMember.id,
        )
    )
    with db.snapshot() as s:  # the roster of one moment, while others write
        acc = access.of(db, s)
        members.check_unmasked(acc, unmasked)
        org = s.get(Organization, organization_id)
        if org is None or not acc.sees_org(org.id):
            raise NotFoundError(
                t(
                    "找不到该党组织，可能已被删除。",
                    "The Party organization was not found; it may have been deleted.",
                )
            )
        rows = tuple(
            from_fields(
                RosterRow,
                m,
                **{
                    "seq": i,
                    "birth_date": shown_birth_date(m.birth_date, unmasked),
                    "id_number": shown_id_number(m.id_number, unmasked),
                    "phone": shown_phone(m.phone, unmasked),
                }
                | {  # a past roll: not what a moved member's office keeps now
                    k: v
                    for k, v in members.kept_elsewhere(acc, m.organization_id).items()
                    if k != "remark"
                },
            )
            for i, m in enumerate(s.scalars(stmt), start=1)
        )
        return Roster(
            organization_id=org.id,
            organization_name=org.name,
            town=org.town,
            secretary=org.secretary,
            unmasked=unmasked,
            rows=rows,
            as_of=as_of,
        )
