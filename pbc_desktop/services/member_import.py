"""Importing party members from an Excel roster (党员名册, .xlsx).

Two steps, so that the user sees every problem before anything is written:

- :func:`read_members` reads the whole workbook and checks every row with the rules of the
  member editor (``domain.member_rules``), the organizations and ID numbers already stored
  and the other rows of the file. It writes nothing and returns an :class:`ImportPreview`.
- :func:`apply_import` writes the rows of a preview in one transaction: all of them, or
  with ``valid_only`` only the good ones. A cancel or an error leaves the database as it was.

Both take ``progress(percent, text)`` and ``cancelled()`` callbacks, as ``ui.worker`` passes.
"""

from __future__ import annotations

import codecs
import gc
import json
import re
import sys
import uuid
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, Any, Literal
from xml.etree.ElementTree import ParseError

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pbc_desktop.db.base import utcnow
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Organization, PartyMember
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.enums import (
    AuditAction,
    Gender,
    MemberCategory,
    MembershipStatus,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.domain.member_rules import (
    FIELD_BY_KEY,
    FIELDS,
    MemberInput,
    completed,
    member_errors,
)
from pbc_desktop.domain.validation import (
    birth_date_from_id,
    name_key,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import language, t
from pbc_desktop.services import audit
from pbc_desktop.services.xlsx_text import is_cut  # the export's mark of a cut cell

ProgressFn = Callable[[int, str], None]
CancelFn = Callable[[], bool]
OnDuplicate = Literal["skip", "update"]
ON_DUPLICATE_CHOICES: tuple[OnDuplicate, ...] = ("skip", "update")

ORG_NAME_MAX = 120
_CHUNK = 2_000
_IN_CHUNK = 500
_CHECK_EVERY = 500
# Share of the progress bar for reading the file; checking the rows takes the rest.
_READ_SHARE = 90
_SWITCH_INTERVAL = 0.001  # seconds; see _collection_paused
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MEMBER_COLUMNS = tuple(f.name for f in fields(MemberInput))
_COLUMN_ORDER = {f.key: i for i, f in enumerate(FIELDS)}
Problem = tuple[str, str]  # (field key, sentence)


class ImportCancelledError(UserError):
    """The user cancelled; nothing was written."""


def _cancelled_error() -> ImportCancelledError:
    return ImportCancelledError(
        t("已取消导入,数据库没有任何改动。", "The import was cancelled; nothing was changed.")
    )


# -- DTOs -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row of the roster, as read and checked.

    ``member`` is completed (``member_rules.completed``); its ``organization_id`` is
    ``None`` when the organization does not exist yet (``org_missing``). ``given`` names
    the fields whose cells were filled in: an update changes only those. A row with
    ``errors`` of its own can never be imported, so it keeps only what the preview shows
    (``member`` is ``None``). A preview holds tens of thousands of rows: equal texts and
    ``given`` sets are shared between them.
    """

    row: int  # as Excel shows it
    name: str
    member: MemberInput | None
    org_name: str
    given: frozenset[str]
    errors: tuple[Problem, ...] = ()
    org_missing: bool = False
    existing_id: int | None = None  # the stored member with the same ID number
    update_errors: tuple[Problem, ...] = ()  # what updating the stored member would break

    @property
    def data(self) -> MemberInput:
        """The member to write; only rows without errors of their own keep it."""
        if self.member is None:
            raise ValueError(f"row {self.row} has errors; only its problems are kept")
        return self.member

    def problems(self, *, create_orgs: bool, on_duplicate: OnDuplicate) -> tuple[str, ...]:
        """Why the row cannot be imported, in the order of the columns of the form."""
        if not self.errors and not (
            (self.org_missing and not create_orgs)
            or (self.update_errors and self.existing_id is not None and on_duplicate == "update")
        ):
            return ()
        found = list(self.errors)
        if self.org_missing and not create_orgs:
            found.append(("organization", _unknown_org_message(self.org_name)))
        if self.existing_id is not None and on_duplicate == "update":
            found.extend(e for e in self.update_errors if e not in found)
        found.sort(key=lambda p: _COLUMN_ORDER.get(p[0], len(_COLUMN_ORDER)))
        return tuple(message for _key, message in found)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row that cannot be imported, for the preview table and the CLI."""

    row: int
    name: str
    messages: tuple[str, ...]

    @property
    def reason(self) -> str:
        """The messages in one line; a sentence's own full stop gives way to the separator."""
        return t(";", "; ").join(m.rstrip("。.") for m in self.messages)

    def line(self) -> str:
        """``第12行: 身份证号校验位错误`` (``Row 12: …`` in English)."""
        return t(f"第{self.row}行: {self.reason}", f"Row {self.row}: {self.reason}")


@dataclass(frozen=True)
class ImportPreview:
    """What the file holds and what importing it would do; nothing is written yet."""

    path: Path
    sheet: str
    header_row: int
    columns: tuple[str, ...]  # field keys found, in the order of the file
    ignored_headers: tuple[str, ...]
    rows: tuple[ImportRow, ...]
    create_orgs: bool = False
    missing_orgs: tuple[str, ...] = ()  # organization names not found, first spelling seen

    def with_create_orgs(self, create_orgs: bool) -> ImportPreview:
        """The same rows checked with or without creating the missing organizations."""
        return replace(self, create_orgs=create_orgs)

    def problems_of(self, row: ImportRow, on_duplicate: OnDuplicate) -> tuple[str, ...]:
        return row.problems(create_orgs=self.create_orgs, on_duplicate=on_duplicate)

    def bad_rows(self, on_duplicate: OnDuplicate = "skip") -> list[RowProblem]:
        out = []
        for r in self.rows:
            found = self.problems_of(r, on_duplicate)
            if found:
                out.append(RowProblem(r.row, r.name, found))
        return out

    def good_rows(self, on_duplicate: OnDuplicate = "skip") -> list[ImportRow]:
        return [r for r in self.rows if not self.problems_of(r, on_duplicate)]

    def counts(self, on_duplicate: OnDuplicate = "skip") -> ImportCounts:
        good = self.good_rows(on_duplicate)
        duplicates = sum(1 for r in good if r.existing_id is not None)
        return ImportCounts(
            total=len(self.rows),
            new=len(good) - duplicates,
            duplicates=duplicates,
            bad=len(self.rows) - len(good),
        )

    def orgs_to_create(self, on_duplicate: OnDuplicate = "skip") -> list[str]:
        """The missing organizations the good rows need (when ``create_orgs``)."""
        if not self.create_orgs:
            return []
        needed = {name_key(r.org_name) for r in self.good_rows(on_duplicate) if r.org_missing}
        return [n for n in self.missing_orgs if name_key(n) in needed]


@dataclass(frozen=True)
class ImportCounts:
    total: int
    new: int
    duplicates: int  # good rows whose member is already stored
    bad: int


@dataclass(frozen=True)
class ImportResult:
    imported: int
    updated: int
    unchanged: int  # present and updated from rows that changed nothing
    skipped: int  # present and left alone (on_duplicate="skip")
    bad: int  # rows not imported because of their errors
    created_orgs: tuple[str, ...] = ()

    def summary(self) -> str:
        text = t(
            f"新增党员 {self.imported} 名,更新 {self.updated} 名,"
            f"跳过已有党员 {self.skipped + self.unchanged} 名,有错误未导入 {self.bad} 行",
            f"{self.imported} members added, {self.updated} updated, "
            f"{self.skipped + self.unchanged} already present skipped, "
            f"{self.bad} rows with errors not imported",
        )
        if self.created_orgs:
            text += t(
                f";新建党组织 {len(self.created_orgs)} 个",
                f"; {len(self.created_orgs)} organizations created",
            )
        return text


# -- messages ---------------------------------------------------------------------------


def _unknown_org_message(name: str) -> str:
    # The preview asks again at each change of its options: one sentence per name, not
    # one per row.
    return _unknown_org_text(name, language())


@lru_cache(maxsize=2048)
def _unknown_org_text(name: str, _language: str) -> str:
    return t(
        f"所在党组织“{name}”在系统中不存在",
        f"The Party organization “{name}” does not exist",
    )


def _file_error(path: Path, zh: str, en: str) -> UserError:
    return UserError(t(f"无法导入“{path.name}”:{zh}", f"Cannot import “{path.name}”: {en}"))


def _save_as_xlsx_hint() -> tuple[str, str]:
    return (
        "请在 Excel 或 WPS 中打开它,另存为“Excel 工作簿(*.xlsx)”后再导入。",
        "Open it in Excel or WPS, save it as “Excel Workbook (*.xlsx)” and import that file.",
    )


def _not_xlsx(path: Path, what_zh: str, what_en: str) -> UserError:
    hint_zh, hint_en = _save_as_xlsx_hint()
    return _file_error(path, f"{what_zh}{hint_zh}", f"{what_en} {hint_en}")


def _damaged(path: Path) -> UserError:
    return _file_error(
        path,
        "文件已损坏,无法读取。若能在 Excel 中打开它,请另存为一个新的 .xlsx 文件后再导入。",
        "the file is damaged and cannot be read. If Excel can open it, save it as a new "
        ".xlsx file and import that one.",
    )


# -- opening the file -------------------------------------------------------------------


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _check_ole(path: Path, data: bytes) -> UserError:
    """An OLE compound file: an encrypted workbook, an old .xls, or another Office file."""
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return _file_error(
            path,
            "工作簿设置了打开密码,程序无法读取。请在 Excel 中打开它,"
            "在“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存,然后再导入。",
            "the workbook is protected by a password. Open it in Excel, clear the password "
            "under File → Info → Protect Workbook → Encrypt with Password, save it and "
            "import it again.",
        )
    if _utf16("WordDocument") in data:
        return _not_xlsx(path, "这是一个 Word 文档,不是 Excel 工作簿。", "this is a Word document.")
    return _not_xlsx(
        path,
        "这是旧版 Excel 97-2003 工作簿(.xls 或 .et),程序只能读取 .xlsx。",
        "this is an old Excel 97-2003 workbook (.xls); only .xlsx workbooks can be read.",
    )


def _check_zip(path: Path, stream: IO[bytes]) -> None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise _damaged(path) from None
    finally:
        stream.seek(0)
    if "xl/workbook.xml" in names or any(n.endswith("/workbook.xml") for n in names):
        return
    if "word/document.xml" in names:
        raise _not_xlsx(path, "这是一个 Word 文档,不是 Excel 工作簿。", "this is a Word document.")
    if "ppt/presentation.xml" in names:
        raise _not_xlsx(
            path, "这是一个 PowerPoint 文件,不是 Excel 工作簿。", "this is a PowerPoint file."
        )
    if "content.xml" in names:
        raise _not_xlsx(
            path, "这是 OpenDocument 表格(.ods),不是 Excel 工作簿。", "this is an .ods file."
        )
    raise _not_xlsx(
        path, "这是一个压缩包,不是 Excel 工作簿。", "this is a zip archive, not a workbook."
    )


def _check_content(path: Path, stream: IO[bytes]) -> None:
    """Refuse, with a sentence, any file that is not an Excel 2007+ workbook."""
    head = stream.read(8)
    stream.seek(0)
    if not head:
        raise _file_error(path, "文件是空的。", "the file is empty.")
    if head.startswith(b"PK"):
        _check_zip(path, stream)
        return
    if head == _OLE_MAGIC:
        raise _check_ole(path, stream.read())
    sample = stream.read(4096)
    stream.seek(0)
    if path.suffix.lower() in (".csv", ".txt") or _looks_like_text(sample):
        raise _not_xlsx(
            path,
            "这是一个文本文件(如 CSV),不是 Excel 工作簿。",
            "this is a text file (such as CSV), not an Excel workbook.",
        )
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise _damaged(path)
    raise _not_xlsx(path, "它不是 Excel 工作簿。", "it is not an Excel workbook.")


def _looks_like_text(sample: bytes) -> bool:
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            # Incremental: the sample may end inside a character.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _open(path: Path) -> IO[bytes]:
    if not path.exists():
        raise UserError(t(f"找不到文件“{path}”。", f"The file “{path}” does not exist."))
    if path.is_dir():
        raise UserError(
            t(f"“{path}”是一个文件夹,请选择文件。", f"“{path}” is a folder; choose a file.")
        )
    try:
        return path.open("rb")
    except OSError as exc:
        raise _file_error(
            path,
            "文件无法打开,可能正被其他程序占用或没有权限。请关闭该文件后重试。",
            f"the file cannot be opened ({exc.strerror or exc}). Close it in other programs "
            "and try again.",
        ) from exc


# -- reading ----------------------------------------------------------------------------

# What openpyxl raises on a workbook whose parts are broken.
_BROKEN = (zipfile.BadZipFile, KeyError, ParseError, ValueError, TypeError, EOFError, OSError)


@dataclass
class _Sheet:
    name: str
    header_row: int  # Excel's row number
    header: cells.HeaderMatch
    estimate: int | None  # rows according to the sheet's dimension, if it tells
    worksheet: Any


def _rows_of(path: Path, ws: Any, **kwargs: Any) -> Iterator[tuple[object, ...]]:
    """The rows openpyxl reads lazily; a broken part of the file becomes a message."""
    rows = ws.iter_rows(values_only=True, **kwargs)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except _BROKEN:
            raise _damaged(path) from None
        yield row


def _first_rows(path: Path, ws: Any) -> list[tuple[object, ...]]:
    return list(islice(_rows_of(path, ws), cells.HEADER_SEARCH_ROWS))


def _find_sheet(path: Path, workbook: Any) -> _Sheet:
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    incomplete: cells.HeaderMatch | None = None
    anything = False
    for ws in sheets:
        try:
            estimate = ws.max_row
        except _BROKEN:
            estimate = None
        ws.reset_dimensions()
        rows = _first_rows(path, ws)
        anything = anything or any(not cells.is_blank(v) for row in rows for v in row)
        header = cells.find_header(rows)
        if header is None:
            continue
        if set(cells.REQUIRED_KEYS) <= header.keys:
            return _Sheet(ws.title, header.row_index + 1, header, estimate, ws)
        incomplete = incomplete or header
    if not anything:
        raise _file_error(path, "工作簿里没有任何内容。", "the workbook is empty.")
    required = cells.required_headers_text()
    if incomplete is not None:
        missing = [k for k in cells.REQUIRED_KEYS if k not in incomplete.keys]
        names = t(
            "、".join(FIELD_BY_KEY[k].zh for k in missing),
            ", ".join(FIELD_BY_KEY[k].en for k in missing),
        )
        raise _file_error(
            path,
            f"表格缺少“{names}”列。表头须包含 {required} 这几列。",
            f"the sheet has no “{names}” column. The header must name the columns {required}.",
        )
    raise _file_error(
        path,
        f"在前 {cells.HEADER_SEARCH_ROWS} 行中找不到表头行。"
        f"表头行须包含 {required} 这几列(列的顺序不限,其他列会被忽略)。",
        f"no header row in the first {cells.HEADER_SEARCH_ROWS} rows. The header row must "
        f"name the columns {required} (in any order; other columns are ignored).",
    )


@dataclass
class _Parsed:
    values: dict[str, Any]
    given: set[str]
    errors: dict[str, str]  # field key → message of a cell that could not be read
    birth_month_only: bool = False


def _parse_cells(raw: dict[str, object], epoch_1904: bool) -> _Parsed:
    out = _Parsed({}, set(), {})
    for key, value in raw.items():
        if cells.is_blank(value):
            continue
        out.given.add(key)
        try:
            if key == "name":
                out.values[key] = cells.parse_name(value)
            elif key == "id_number":
                out.values[key] = cells.parse_id_number(value)
            elif key in cells.DATE_KEYS:
                parsed = cells.parse_date(value, key, epoch_1904=epoch_1904)
                out.values[key] = parsed.value if parsed else None
                if key == "birth_date" and parsed is not None:
                    out.birth_month_only = parsed.month_only
            elif key == "gender":
                out.values[key] = cells.parse_choice(Gender, value, key)
            elif key == "category":
                out.values[key] = cells.parse_choice(MemberCategory, value, key)
            elif key == "status":
                out.values[key] = cells.parse_choice(MembershipStatus, value, key)
            elif key == "remark":  # kept as typed, line breaks included
                text = value.strip() if isinstance(value, str) else cells.parse_text(value)
                out.values[key] = text or None
                if is_cut(text):  # cut by an export: an update keeps the full stored remark
                    out.given.discard(key)
            else:
                out.values[key] = cells.parse_text(value)
        except cells.CellError as exc:
            out.errors[key] = exc.message
    return out


def _input(values: dict[str, Any], organization_id: int | None) -> MemberInput:
    kwargs = {k: v for k, v in values.items() if k in _MEMBER_COLUMNS and v is not None}
    kwargs.setdefault("name", "")
    return MemberInput(organization_id=organization_id, **kwargs)


def _check(data: MemberInput, skip: Iterable[str], today: date | None) -> list[Problem]:
    """The editor's rules, without the organization (checked here against the database)
    and without fields whose cell could not be read (already reported)."""
    skipped = {"organization", *skip}
    probe = data if data.organization_id is not None else replace(data, organization_id=0)
    return [
        (e.field, e.message) for e in member_errors(probe, today=today) if e.field not in skipped
    ]


def _use_id_birth_date(data: MemberInput, month_only: bool) -> MemberInput:
    """``1985.03`` for a birth date agrees with an ID number saying 1985-03-02."""
    if not month_only or data.birth_date is None:
        return data
    id_birth = birth_date_from_id(data.id_number)
    if id_birth and (id_birth.year, id_birth.month) == (
        data.birth_date.year,
        data.birth_date.month,
    ):
        return replace(data, birth_date=id_birth)
    return data


def _org_index(s: Session) -> dict[str, tuple[int, str]]:
    return {name_key(name): (oid, name) for oid, name in s.execute(_ORG_NAMES)}


_ORG_NAMES = select(Organization.id, Organization.name)


def _existing_members(s: Session, wanted: set[str | None] | None = None) -> dict[str, int]:
    """The stored members by ID number (only those in ``wanted``, when given)."""
    stmt = select(PartyMember.id_number, PartyMember.id).where(PartyMember.id_number.is_not(None))
    out: dict[str, int] = {}
    # Streamed: the session would otherwise fetch every row before the first is seen.
    for number, mid in s.execute(stmt.execution_options(yield_per=_CHUNK)):
        if number:
            key = number.strip().upper()
            if wanted is None or key in wanted:
                out[key] = mid
    return out


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No garbage collection, and the interpreter lock handed over often, while an import
    works in its thread.

    With tens of thousands of rows in memory a full collection takes up to half a second
    and holds the interpreter lock, so the window would freeze while the import runs in
    its thread. The rows hold no reference cycles; collection resumes afterwards. And the
    window's thread, waiting for the lock at each call into Qt, would wait up to the
    default switch interval (5 ms) each time: a repaint would take a tenth of a second.
    """
    enabled = gc.isenabled()
    interval = sys.getswitchinterval()
    gc.disable()
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        if enabled:
            gc.enable()


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _stored_inputs(s: Session, member_ids: Sequence[int]) -> dict[int, tuple[MemberInput, str]]:
    """The stored members (as inputs) and their UUIDs, loaded a chunk at a time."""
    columns = [getattr(PartyMember, c) for c in _MEMBER_COLUMNS]
    out: dict[int, tuple[MemberInput, str]] = {}
    for chunk in _chunks(sorted(set(member_ids)), _IN_CHUNK):
        stmt = select(PartyMember.id, PartyMember.uuid, *columns).where(PartyMember.id.in_(chunk))
        for mid, uid, *values in s.execute(stmt):
            data = MemberInput(**dict(zip(_MEMBER_COLUMNS, values, strict=True)))
            out[mid] = (data, uid)
    return out


def _merged(stored: MemberInput, data: MemberInput, given: frozenset[str]) -> MemberInput:
    """The stored member with the filled-in cells (``given``) of a row written over it.

    Birth date and sex left empty on both sides come from the (same) ID number, as
    ``completed`` would fill them.
    """
    changes = {k: getattr(data, k) for k in given if k in _MEMBER_COLUMNS}
    changes["organization_id"] = data.organization_id
    if stored.birth_date is None and "birth_date" not in changes:
        changes["birth_date"] = data.birth_date
    if stored.gender is None and "gender" not in changes:
        changes["gender"] = data.gender
    return replace(stored, **changes)


def _merged_errors(
    merged: MemberInput, data: MemberInput, own: Sequence[Problem], today: date | None
) -> list[Problem]:
    """What storing ``merged`` would break beyond the row's own errors (``own``)."""
    if merged == data:  # the row says everything the stored member holds
        return []
    return [e for e in _check(merged, (), today) if e not in own]


def read_members(
    db: Database,
    path: Path | str,
    *,
    create_orgs: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    today: date | None = None,
) -> ImportPreview:
    """Read and check every row of the roster at ``path``; nothing is written.

    Raises :class:`UserError` when the file cannot be used (missing, not an .xlsx,
    password-protected, damaged, no header row) and :class:`ImportCancelledError`.
    """
    with _collection_paused():
        return _read_members(
            db,
            Path(path),
            create_orgs=create_orgs,
            report=progress or (lambda _p, _t: None),
            stop=cancelled or (lambda: False),
            today=today,
        )


def _read_members(
    db: Database,
    path: Path,
    *,
    create_orgs: bool,
    report: ProgressFn,
    stop: CancelFn,
    today: date | None,
) -> ImportPreview:
    report(0, t("正在打开文件…", "Opening the file…"))
    with db.read() as s:
        orgs = _org_index(s)
        existing = _existing_members(s)
    with _open(path) as stream, warnings.catch_warnings():
        # Files from WPS and other programs make openpyxl warn about parts it drops.
        warnings.simplefilter("ignore")
        _check_content(path, stream)
        try:
            from openpyxl import load_workbook

            # Read-only: the rows are parsed one at a time as they are asked for.
            workbook = load_workbook(stream, read_only=True, data_only=True)
        except _BROKEN:
            raise _damaged(path) from None
        try:
            sheet = _find_sheet(path, workbook)
            epoch_1904 = bool(getattr(workbook, "epoch", None) and workbook.epoch.year == 1904)
            checker = _RowChecker(orgs, existing, today, epoch_1904)
            rows = _read_rows(path, sheet, checker, report, stop)
        finally:
            workbook.close()
    # Let go of the workbook (its shared strings), the stored ID numbers and the file's own.
    sheet.worksheet = None
    missing = tuple(checker.missing.values())
    del workbook, existing, checker
    _check_updates(db, rows, today, report, stop)
    report(100, t(f"已读取 {len(rows)} 行。", f"{len(rows)} rows read."))
    header = sheet.header
    return ImportPreview(
        path=path,
        sheet=sheet.name,
        header_row=sheet.header_row,
        columns=tuple(header.columns[i] for i in sorted(header.columns)),
        ignored_headers=header.ignored,
        rows=tuple(rows),
        create_orgs=create_orgs,
        missing_orgs=missing,
    )


def _read_rows(
    path: Path, sheet: _Sheet, checker: _RowChecker, report: ProgressFn, stop: CancelFn
) -> list[ImportRow]:
    """Each row is parsed and checked as it is read: no copy of the sheet is kept."""
    columns = tuple(sheet.header.columns.items())
    estimate = sheet.estimate if sheet.estimate and sheet.estimate > sheet.header_row else None
    out: list[ImportRow] = []
    first = sheet.header_row + 1
    for row_no, values in enumerate(_rows_of(path, sheet.worksheet, min_row=first), start=first):
        if (row_no - first) % _CHECK_EVERY == 0:
            if stop():
                raise _cancelled_error()
            done = row_no - first
            percent = _READ_SHARE * done // estimate if estimate else min(_READ_SHARE - 1, 1)
            report(
                min(percent, _READ_SHARE - 1),
                t(f"正在读取第 {row_no} 行…", f"Reading row {row_no}…"),
            )
        width = len(values)
        raw = {key: values[i] if i < width else None for i, key in columns}
        if all(cells.is_blank(v) for v in raw.values()):
            continue
        out.append(checker.check(row_no, raw))
    if not out:
        raise _file_error(
            path,
            f"表头(第 {sheet.header_row} 行)下面没有任何党员。",
            f"there are no members below the header (row {sheet.header_row}).",
        )
    return out


# Columns whose texts repeat from row to row (汉族, 本科, the work unit of a village …).
_SHARED_KEYS = ("ethnicity", "native_place", "education", "party_post", "work_unit")
# Distinct texts kept for sharing; a column of all different texts stops growing the table.
_SHARED_MAX = 20_000


class _RowChecker:
    """Checks the rows of one file: against the organizations and members stored and
    against the rows before them. Equal texts and sets of filled-in fields are shared."""

    def __init__(
        self,
        orgs: dict[str, tuple[int, str]],
        existing: dict[str, int],
        today: date | None,
        epoch_1904: bool,
    ) -> None:
        self.orgs = orgs
        self.existing = existing
        self.today = today
        self.epoch_1904 = epoch_1904
        self.seen_ids: dict[str, int] = {}
        self.org_keys: dict[str, str] = {}  # name_key of each organization name, computed once
        self.missing: dict[str, str] = {}  # name_key → the first spelling seen
        self._texts: dict[str, str] = {}
        self._given: dict[frozenset[str], frozenset[str]] = {}

    def shared(self, text: str) -> str:
        found = self._texts.get(text)
        if found is not None:
            return found
        if len(self._texts) < _SHARED_MAX:
            self._texts[text] = text
        return text

    def given(self, keys: set[str]) -> frozenset[str]:
        given = frozenset(keys)
        return self._given.setdefault(given, given)

    def check(self, row_no: int, raw: dict[str, object]) -> ImportRow:
        p = _parse_cells(raw, self.epoch_1904)
        values = p.values
        for key in _SHARED_KEYS:
            text = values.get(key)
            if text is not None:
                values[key] = self.shared(text)
        org_name = values.pop("organization", None) or ""
        org_key = self.org_keys.get(org_name)
        if org_key is None:
            org_key = self.org_keys[org_name] = name_key(org_name)
        found = self.orgs.get(org_key) if org_name else None
        data = completed(_input(values, found[0] if found else None))
        data = _use_id_birth_date(data, p.birth_month_only)
        errors: list[Problem] = list(p.errors.items())
        org_missing = False
        if not org_name:
            errors.append(("organization", t("所在党组织为空", "The Party organization is empty")))
        elif found is None:
            org_missing = True
            org_name = self.shared(org_name)
            self.missing.setdefault(org_key, org_name)
            if len(org_name) > ORG_NAME_MAX:
                errors.append(
                    (
                        "organization",
                        t(
                            f"所在党组织名称不能超过 {ORG_NAME_MAX} 个字",
                            f"An organization's name may have at most {ORG_NAME_MAX} characters",
                        ),
                    )
                )
        else:
            org_name = found[1]
        errors.extend(_check(data, p.errors, self.today))
        number = data.id_number
        existing_id = None
        if number and "id_number" not in p.errors:
            first_row = self.seen_ids.setdefault(number, row_no)
            if first_row != row_no:
                errors.append(
                    (
                        "id_number",
                        t(
                            f"身份证号与第{first_row}行重复",
                            f"The ID number repeats that of row {first_row}",
                        ),
                    )
                )
            existing_id = self.existing.get(number)
        # A refused row keeps its member only until its update is checked.
        keep = not errors or existing_id is not None
        return ImportRow(
            row=row_no,
            name=data.name,
            member=data if keep else None,
            org_name=org_name,
            given=self.given(p.given),
            errors=tuple(errors),
            org_missing=org_missing,
            existing_id=existing_id,
        )


def _check_updates(
    db: Database, rows: list[ImportRow], today: date | None, report: ProgressFn, stop: CancelFn
) -> None:
    """What updating each stored member from its row would break, a chunk at a time.

    A refused row drops its member once this is known.
    """
    pending = [i for i, r in enumerate(rows) if r.existing_id is not None]
    with db.read() as s:
        for done, chunk in enumerate(_chunks(pending, _IN_CHUNK)):
            if stop():
                raise _cancelled_error()
            report(
                _READ_SHARE + (100 - _READ_SHARE) * done * _IN_CHUNK // len(pending),
                t("正在核对已有党员…", "Checking the members already stored…"),
            )
            stored = _stored_inputs(s, [rows[i].existing_id or 0 for i in chunk])
            for i in chunk:
                r = rows[i]
                found = stored.get(r.existing_id or 0)
                problems: tuple[Problem, ...] = ()
                if found is not None:
                    merged = _merged(found[0], r.data, r.given)
                    problems = tuple(_merged_errors(merged, r.data, r.errors, today))
                if problems or r.errors:
                    rows[i] = replace(
                        r, update_errors=problems, member=None if r.errors else r.member
                    )


# -- new organizations ------------------------------------------------------------------

_TOWN_PREFIX = re.compile(r"^([\u4e00-\u9fff]{1,6}?(?:镇|街道|乡))")
_KIND_SUFFIXES = (
    ("临时党支部", OrgKind.BRANCH),
    ("党总支", OrgKind.GENERAL_BRANCH),
    ("党工委", OrgKind.WORKING_COMMITTEE),
    ("党委", OrgKind.COMMITTEE),
    ("党组", OrgKind.GROUP),
)
_FIELD_WORDS = (
    (("学校", "小学", "中学", "学院", "幼儿园"), OrgField.SCHOOL),
    (("医院", "卫生院"), OrgField.HOSPITAL),
    (("社区",), OrgField.URBAN_COMMUNITY),
    (("村",), OrgField.RURAL),
)


def new_org_values(name: str, towns: Iterable[str]) -> dict[str, Any]:
    """Column values of an organization created for an unknown 所在党组织 name.

    Guessed from the name: the kind from its ending (党委, 党总支 …; else 党支部), the field
    and level from its words (村 → 农村/村社区, 社区 → 社区/村社区, schools, hospitals; else
    其他), the town from its beginning. The remark asks the clerk to check them.
    """
    kind = next((k for suffix, k in _KIND_SUFFIXES if name.endswith(suffix)), OrgKind.BRANCH)
    org_field = next(
        (f for words, f in _FIELD_WORDS if any(w in name for w in words)), OrgField.OTHER
    )
    town = next((tn for tn in sorted(towns, key=len, reverse=True) if name.startswith(tn)), None)
    if town is None and (match := _TOWN_PREFIX.match(name)):
        town = match.group(1)
    if org_field in (OrgField.RURAL, OrgField.URBAN_COMMUNITY):
        level = OrgLevel.VILLAGE
    elif town:
        level = OrgLevel.TOWN
    else:
        level = OrgLevel.DISTRICT
    return {
        "name": name,
        "kind": kind,
        "field": org_field,
        "level": level,
        "town": town,
        "remark": t(
            "导入党员名册时自动创建,请核对党组织类别、所属领域、层级、所属镇街和上级党组织。",
            "Created by a member import; check its kind, field, level, town and parent.",
        ),
    }


def _create_orgs(
    s: Session, names: Sequence[str], index: dict[str, tuple[int, str]], actor: str
) -> list[str]:
    towns = {tn for tn in s.scalars(select(Organization.town).distinct()) if tn}
    created = []
    for name in names:
        key = name_key(name)
        if key in index:  # added meanwhile
            continue
        org = Organization(**new_org_values(name, towns))
        s.add(org)
        audit.record(
            s,
            actor,
            AuditAction.CREATE,
            org,
            summary=t(f"导入党员时新增党组织 {name}", f"Created organization {name} on import"),
            after=audit.snapshot(org),
        )
        index[key] = (org.id, name)
        created.append(name)
    return created


# -- writing ----------------------------------------------------------------------------


def _stale() -> UserError:
    return UserError(
        t(
            "读取文件后,数据库中的党组织或党员已被修改。请重新读取文件后再导入。",
            "Organizations or members changed after the file was read. "
            "Read the file again and import.",
        )
    )


def _row_values(data: MemberInput) -> dict[str, Any]:
    return {c: getattr(data, c) for c in _MEMBER_COLUMNS}


def apply_import(
    db: Database,
    preview: ImportPreview,
    *,
    on_duplicate: OnDuplicate = "skip",
    valid_only: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    actor: str | None = None,
    today: date | None = None,
) -> ImportResult:
    """Write the rows of ``preview`` in one transaction.

    Refuses (writing nothing) when a row is bad, unless ``valid_only``. A member already
    stored (same ID number) is left alone (``skip``) or gets the filled-in cells of its row
    (``update``; empty cells keep what is stored). Cancelling, or any error, rolls back.
    The rows are written a chunk at a time, so no second copy of the file is built.
    """
    if on_duplicate not in ON_DUPLICATE_CHOICES:
        raise ValueError(on_duplicate)
    report = progress or (lambda _p, _t: None)
    stop = cancelled or (lambda: False)
    who = actor or db.actor
    good = preview.good_rows(on_duplicate)
    bad = len(preview.rows) - len(good)
    if bad and not valid_only:
        raise UserError(
            t(
                f"有 {bad} 行有错误,没有导入任何党员。"
                "请改正这些行后重新导入,或选择只导入正确的行。",
                f"{bad} rows have errors, so nothing was imported. Correct them and "
                "import again, or choose to import only the valid rows.",
            )
        )

    def check() -> None:
        if stop():
            raise _cancelled_error()

    try:
        with _collection_paused(), db.write() as s:
            result = _write(
                s,
                preview=preview,
                good=good,
                on_duplicate=on_duplicate,
                actor=who,
                report=report,
                check=check,
                today=today,
            )
            result = replace(result, bad=bad)
            _audit_import(s, who, preview, result, on_duplicate)
            check()
            report(99, t("正在保存…", "Saving…"))
    except IntegrityError as exc:
        raise _stale() from exc
    report(100, t("导入完成。", "Import finished."))
    return result


# A stored member to update: the row's member (with its organization's id), the fields
# its cells gave, its own errors and the stored member's id.
_Duplicate = tuple[MemberInput, frozenset[str], tuple[Problem, ...], int]


def _write(
    s: Session,
    *,
    preview: ImportPreview,
    good: list[ImportRow],
    on_duplicate: OnDuplicate,
    actor: str,
    report: ProgressFn,
    check: Callable[[], None],
    today: date | None,
) -> ImportResult:
    check()
    index = _org_index(s)
    org_ids = {oid for oid, _name in index.values()}
    existing = _existing_members(s, {r.data.id_number for r in good})
    created = _create_orgs(s, preview.orgs_to_create(on_duplicate), index, actor)

    def organization_of(row: ImportRow) -> int:
        if row.org_missing:
            found = index.get(name_key(row.org_name))
            if found is None:
                raise _stale()
            return found[0]
        organization_id = row.data.organization_id
        if organization_id is None or organization_id not in org_ids:
            raise _stale()
        return organization_id

    stamp = utcnow()
    total = len(good) or 1
    imported = updated = unchanged = skipped = 0
    new_rows: list[dict[str, Any]] = []
    duplicates: list[_Duplicate] = []

    def progressed(done: int) -> None:
        report(
            5 + 90 * done // total,
            t(f"正在写入第 {done}/{total} 名…", f"Writing {done} of {total}…"),
        )

    def insert_new(done: int) -> None:
        nonlocal imported
        check()
        s.execute(insert(PartyMember), new_rows)
        imported += len(new_rows)
        new_rows.clear()
        progressed(done)

    def update_duplicates(done: int) -> None:
        nonlocal updated, unchanged
        check()
        changed, same = _update(s, duplicates, actor, today, stamp)
        updated += changed
        unchanged += same
        duplicates.clear()
        progressed(done)

    for done, row in enumerate(good, start=1):
        data = row.data
        organization_id = organization_of(row)
        member_id = existing.get(data.id_number or "")
        if member_id is None:
            values = _row_values(data)
            values.update(
                organization_id=organization_id,
                uuid=str(uuid.uuid4()),
                created_at=stamp,
                updated_at=stamp,
            )
            new_rows.append(values)
            if len(new_rows) == _CHUNK:
                insert_new(done)
        elif on_duplicate == "update":
            merged = replace(data, organization_id=organization_id)
            duplicates.append((merged, row.given, row.errors, member_id))
            if len(duplicates) == _IN_CHUNK:
                update_duplicates(done)
        else:
            skipped += 1
    if new_rows:
        insert_new(len(good))
    if duplicates:
        update_duplicates(len(good))
    return ImportResult(
        imported=imported,
        updated=updated,
        unchanged=unchanged,
        skipped=skipped,
        bad=0,
        created_orgs=tuple(created),
    )


def _update(
    s: Session,
    duplicates: list[_Duplicate],
    actor: str,
    today: date | None,
    stamp: datetime,
) -> tuple[int, int]:
    """Update one chunk of stored members; the audit keeps only the fields that changed."""
    stored = _stored_inputs(s, [member_id for *_row, member_id in duplicates])
    changes: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    unchanged = 0
    for data, given, own, member_id in duplicates:
        before, member_uuid = stored[member_id]
        after = _merged(before, data, given)
        if _merged_errors(after, data, own, today):
            raise _stale()
        diff = {
            k: (old, new)
            for k in _MEMBER_COLUMNS
            if (old := getattr(before, k)) != (new := getattr(after, k))
        }
        if not diff:
            unchanged += 1
            continue
        changes.append({"id": member_id, **_row_values(after), "updated_at": stamp})
        entries.append(
            {
                "at": stamp,
                "actor": actor,
                "action": AuditAction.UPDATE,
                "entity": PartyMember.__tablename__,
                "entity_uuid": member_uuid,
                "summary": t(
                    f"导入党员名册时修改党员 {after.name}",
                    f"Updated member {after.name} from a roster",
                )[:300],
                # Masked like every audit entry: no full ID number or phone in the log.
                **_masked_diff(diff),
            }
        )
    if changes:
        s.execute(update(PartyMember), changes)
        s.execute(insert(AuditEntry), entries)
    return len(changes), unchanged


def _masked_diff(diff: dict[str, tuple[Any, Any]]) -> dict[str, str]:
    before, after = audit.masked_change(
        {k: old for k, (old, _new) in diff.items()}, {k: new for k, (_old, new) in diff.items()}
    )
    return {"before": _json(before), "after": _json(after)}


def _json(values: dict[str, Any]) -> str:
    return json.dumps(
        {k: audit._jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True
    )


def _audit_import(
    s: Session,
    actor: str,
    preview: ImportPreview,
    result: ImportResult,
    on_duplicate: OnDuplicate,
) -> None:
    audit.record(
        s,
        actor,
        AuditAction.IMPORT,
        None,
        entity=PartyMember.__tablename__,
        summary=t(
            f"从“{preview.path.name}”导入党员:{result.summary()}",
            f"Imported members from “{preview.path.name}”: {result.summary()}",
        ),
        after={
            "file": preview.path.name,
            "sheet": preview.sheet,
            "rows": len(preview.rows),
            "imported": result.imported,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
            "bad": result.bad,
            "on_duplicate": on_duplicate,
            "created_organizations": list(result.created_orgs),
        },
    )


__all__ = [
    "ON_DUPLICATE_CHOICES",
    "ImportCancelledError",
    "ImportCounts",
    "ImportPreview",
    "ImportResult",
    "ImportRow",
    "OnDuplicate",
    "RowProblem",
    "apply_import",
    "new_org_values",
    "read_members",
]
