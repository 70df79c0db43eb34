"""Reading and checking the rows of a roster, without the database: what the child
process that reads a file for the window runs (``checking._read_in_child``).

Nothing here imports SQLAlchemy, the models or openpyxl, so the child starts in a tenth of
a second rather than a second: the facts it needs from the database (the organizations,
members and 发展党员 records by name and ID number) come from the parent
(``checking._read_members``).
"""

from __future__ import annotations

import gc
import math
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from pbc_desktop.child_process import Channel
from pbc_desktop.domain import applicant_rows as rows_rules
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.development import DevelopmentStage
from pbc_desktop.domain.enums import (
    Gender,
    MemberCategory,
    MembershipStatus,
)
from pbc_desktop.domain.excel_cells import is_cut  # the export's mark of a cut cell
from pbc_desktop.domain.member_rules import (
    STORED_FIELDS,
    MemberInput,
    completed_from,
    member_errors,
)
from pbc_desktop.domain.validation import (
    birth_date_from_id,
    name_key,
    normalise_id_number,
    text_error,
)
from pbc_desktop.errors import UserError
from pbc_desktop.heap import age_heap
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services.member_import.filekind import _file_error
from pbc_desktop.services.member_import.preview import (
    PARENT_FIELDS,
    ImportRow,
    Problem,
    _cancelled_error,
)
from pbc_desktop.services.member_import.workbook import (
    _BROKEN,
    Worksheet,
    _find_sheet,
    _Sheet,
    _sheet_rows,
    likely_sheet,
    merged_parts,
    open_book,
)

ORG_NAME_MAX = 120
_CHUNK = 2_000
_CHECK_EVERY = 500
# Share of the progress bar for reading the file; checking the rows takes the rest.
_READ_SHARE = 90
_SWITCH_INTERVAL = 0.001  # seconds; see _collection_paused
_MEMBER_COLUMN_SET = frozenset(STORED_FIELDS)


@dataclass
class _Parsed:
    values: dict[str, Any]
    given: set[str]
    errors: dict[str, str]  # field key → message of a cell that could not be read
    birth_month_only: bool = False


# Columns whose cells repeat from row to row (性别, 人员类别, 民族, 学历, a village's work
# unit, dates of joining a whole branch shares …): each distinct cell is parsed once.
_REPEATING_KEYS = frozenset(
    {
        "gender",
        "category",
        "status",
        "ethnicity",
        "native_place",
        "education",
        "party_post",
        "work_unit",
        "organization",
        *cells.DATE_KEYS,
    }
)
# Distinct cells remembered per file; a column of all different cells stops growing it.
_PARSED_MAX = 50_000

#: What one cell parses to: its value, the message when it could not be read, and (a
#: birth date) whether it gave only the month.
_Cell = tuple[Any, str | None, bool]


def _parse_one(key: str, value: object, epoch_1904: bool) -> _Cell:
    try:
        if key == "name":
            return cells.parse_name(value), None, False
        if key == "id_number":
            return cells.parse_id_number(value), None, False
        if key in cells.DATE_KEYS:
            parsed = cells.parse_date(value, key, epoch_1904=epoch_1904)
            if parsed is None:
                return None, None, False
            return parsed.value, None, parsed.month_only
        if key == "gender":
            return cells.parse_choice(Gender, value, key), None, False
        if key == "category":
            return cells.parse_choice(MemberCategory, value, key), None, False
        if key == "status":
            return cells.parse_choice(MembershipStatus, value, key), None, False
        return cells.parse_text(value), None, False
    except cells.CellError as exc:
        return None, exc.message, False


def _parse_cells(
    raw: dict[str, object],
    epoch_1904: bool,
    letters: dict[str, str],
    parsed: dict[tuple[str, type, object], _Cell],
) -> _Parsed:
    """One row's cells read; ``parsed`` remembers the cells of repeating columns."""
    values: dict[str, Any] = {}
    given: set[str] = set()
    errors: dict[str, str] = {}
    month_only = False
    for key, value in raw.items():
        kind = value.__class__
        if isinstance(value, str):  # most cells: blank ones are skipped (cells.is_blank)
            if not value.strip():
                continue
        elif value is None:
            continue
        elif isinstance(value, cells.CellMark):
            given.add(key)
            errors[key] = cells.mark_message(value, key, letters.get(key, "?"))
            continue
        given.add(key)
        if key in _REPEATING_KEYS:
            cell_key = (key, kind, value)  # 1, 1.0 and True are equal keys
            cell = parsed.get(cell_key)
            if cell is None:
                cell = _parse_one(key, value, epoch_1904)
                if len(parsed) < _PARSED_MAX:
                    parsed[cell_key] = cell
        elif key == "remark":  # kept as typed, line breaks included
            try:
                text = value.strip() if isinstance(value, str) else cells.parse_text(value)
            except cells.CellError as exc:
                errors[key] = exc.message
                continue
            values[key] = text or None
            if is_cut(text):  # cut by an export: an update keeps the full stored remark
                given.discard(key)
            continue
        else:
            cell = _parse_one(key, value, epoch_1904)
        result, error, month = cell
        if error is not None:
            errors[key] = error
            continue
        values[key] = result
        if month and key == "birth_date":
            month_only = True
    return _Parsed(values, given, errors, month_only)


def _input(values: dict[str, Any], organization_id: int | None) -> MemberInput:
    """The row's member, completed (:func:`completed`)."""
    kwargs = {k: v for k, v in values.items() if k in _MEMBER_COLUMN_SET and v is not None}
    kwargs.setdefault("name", "")
    return completed_from({**kwargs, "organization_id": organization_id})


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


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No garbage collection, and the interpreter lock handed over often, while an import
    works in its thread.

    With tens of thousands of rows in memory a full collection takes up to half a second
    and holds the interpreter lock, so the window would freeze while the import runs in
    its thread. The rows hold no reference cycles; collection resumes afterwards. And the
    window's thread, waiting for the lock at each call into Qt, would wait up to the
    default switch interval (5 ms) each time: a repaint would take a tenth of a second.

    Afterwards what is alive is moved to the oldest generation (:func:`age_heap`: no
    object looked at, the settled heap left frozen): the collector's next look at the youngest
    objects would otherwise go through every object the import made (a million for a
    district's roster: a third of a second holding the lock, the window frozen). The rows
    are freed when dropped, as objects without cycles are; the cycles any thread (the
    window's too) left while collection was off go at the next full collection, which
    comes as it would anyway. (Left frozen, they stayed until the program ended, an
    import's worth more each time.)
    """
    enabled = gc.isenabled()
    interval = sys.getswitchinterval()
    gc.disable()
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        age_heap()
        if enabled:
            gc.enable()


# What the database tells the checking of a file: the organizations by name key (the
# account's own, and those the user mapped), the stored members and 发展党员 records by
# ID number.
_Facts = tuple[dict[str, tuple[int, str]], dict[str, int], dict[str, int]]


@dataclass(frozen=True)
class _FileRead:
    """What a file told beside its rows (sent by a child process: plain data)."""

    sheet: str
    header_row: int
    columns: tuple[str, ...]
    ignored: tuple[str, ...]
    rosters: tuple[str, ...]
    notices: tuple[str, ...]
    missing: tuple[str, ...]  # organizations not found, first spelling seen
    used: frozenset[str]  # name keys of the organizations the rows name
    missing_keys: tuple[str, ...] = ()  # the name key of each of ``missing``
    #: the file read (see :func:`_stamp`): the same before it was opened and after its
    #: rows were read, else ``None`` (it changed meanwhile)
    stamp: tuple[int, int, int] | None = None


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Which file ``path`` is (size, time written, file number): another when the clerk
    saved the roster again meanwhile."""
    try:
        st = path.stat()
    except OSError:  # said by the reading
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


#: Which part of a file a reader checks: the rows from ``a`` to ``b`` per cent of the way
#: through the sheet (another process checks each other part at the same time, on another
#: core).
Part = tuple[int, int]
WHOLE: Part = (0, 100)


def merged_reads(reads: Sequence[_FileRead]) -> _FileRead:
    """What the parts of one file told, in their order, as one reading of it would."""
    missing: dict[str, str] = {}
    for read in reads:
        for key, name in zip(read.missing_keys, read.missing, strict=True):
            missing.setdefault(key, name)
    return replace(
        reads[0],
        missing=tuple(missing.values()),
        missing_keys=tuple(missing),
        used=frozenset().union(*(read.used for read in reads)),
    )


def _read_file(
    path: Path,
    sheet_name: str | None,
    facts: Callable[[], _Facts],
    *,
    today: date | None,
    sink: Callable[[list[ImportRow]], None],
    report: ProgressFn,
    stop: CancelFn,
    part: Part = WHOLE,
) -> _FileRead:
    """Read and check the rows of the file (handed to ``sink`` a chunk at a time); the
    database's ``facts`` are asked for once the file is open, while its sheet is parsed
    (read ahead). Only the rows of ``part`` are checked (see :func:`_read_rows`)."""
    stamp = _stamp(path)
    with open_book(path) as book:
        likely = likely_sheet(book, sheet_name)
        if likely is not None:
            likely.read_ahead()
        orgs, existing, records = facts()
        if likely is not None:
            _scan_marks(likely)
        choice = _find_sheet(path, book, sheet_name)
        sheet = choice.sheet
        letters = {k: cells.column_letter(i) for i, k in sheet.header.columns.items()}
        header = sheet.header
        named = {k: header.headers.get(i, "") for i, k in header.columns.items()}
        pipeline = PipelineCheck(records, named, today, header.duplicates.get("category", ()))
        checker = _RowChecker(orgs, existing, today, book.epoch_1904, letters, pipeline=pipeline)
        chunk: list[ImportRow] = []
        for row in _read_rows(path, sheet, checker, report, stop, part=part):
            chunk.append(row)
            if len(chunk) == _CHUNK:
                sink(chunk)
                chunk = []
        if chunk:
            sink(chunk)
    # Let go of the workbook (its shared strings) before the rows are used.
    sheet.worksheet = None
    header = sheet.header
    return _FileRead(
        sheet=sheet.name,
        header_row=sheet.header_row,
        columns=tuple(header.columns[i] for i in sorted(header.columns)),
        ignored=header.ignored,
        rosters=choice.rosters,
        notices=choice.notices,
        missing=tuple(checker.missing.values()),
        used=frozenset(checker.org_keys.values()),
        missing_keys=tuple(checker.missing),
        stamp=stamp if _stamp(path) == stamp else None,
    )


def _scan_marks(sheet: Worksheet) -> None:
    """Scan the sheet for formulas while it is read ahead (what is found is kept for its
    rows; a damaged part is left for the reading to say)."""
    with suppress(*_BROKEN):
        sheet.marks()


# -- reading in a child process -----------------------------------------------------------
#
# Turning a district's roster into rows and checking them holds the interpreter lock for
# seconds (python-calamine lets go of it only while it parses), which would slow the
# window: the window's import reads and checks the file in child processes, on the other
# core, while the parent reads the database. The rows come back a chunk at a time as
# plain tuples (pickling the dataclasses themselves costs ten times as much), and the
# parent builds them again as they arrive.

_MEMBER_FIELDS = tuple(f.name for f in fields(MemberInput))
_member_values = operator.attrgetter(*_MEMBER_FIELDS)
_ENUM_FIELDS = tuple(
    (_MEMBER_FIELDS.index(key), {e.value: e for e in enum})
    for key, enum in (
        ("gender", Gender),
        ("category", MemberCategory),
        ("status", MembershipStatus),
    )
)
_WireRow = tuple[Any, ...]


# Every field of a row a child sets, its member (the one not plain data) at _MEMBER_AT;
# the last ones, set by the parent from the database, are left to their defaults.
_ROW_FIELDS = tuple(f.name for f in fields(ImportRow) if f.name not in PARENT_FIELDS)
_row_values = operator.attrgetter(*_ROW_FIELDS)
_MEMBER_AT = _ROW_FIELDS.index("member")


def _to_wire(row: ImportRow) -> _WireRow:
    wire = list(_row_values(row))
    if row.member is not None:
        values = list(_member_values(row.member))
        for i, _members in _ENUM_FIELDS:
            if values[i] is not None:
                values[i] = values[i].value
        wire[_MEMBER_AT] = tuple(values)
    return tuple(wire)


def _from_wire(wire: _WireRow) -> ImportRow:
    fields_ = list(wire)
    if fields_[_MEMBER_AT] is not None:
        values = list(fields_[_MEMBER_AT])
        for i, members in _ENUM_FIELDS:
            if values[i] is not None:
                values[i] = members[values[i]]
        fields_[_MEMBER_AT] = MemberInput(*values)
    return ImportRow(*fields_)


#: A later part tells its progress at most every this many per cent (see _read_in_child).
_LATER_PROGRESS_STEP = 5


def _read_in_child(
    channel: Channel,
    path: Path,
    sheet_name: str | None,
    today: date | None,
    part: Part = WHOLE,
) -> None:
    """The child's work: read and check the file (its ``part``), the database's facts sent
    by the parent when the child says it is ``ready`` for them.

    The first part's rows are sent as they are checked; a later part's are kept and sent
    at the end: the parent reads the children one after the other, and a child sending
    into a full pipe (8 KB on Windows) would wait meanwhile instead of checking its rows.
    For the same reason a later part tells its progress only every few per cent (the
    parent shows it once the first part is done).
    """
    told = -_LATER_PROGRESS_STEP

    def report(percent: int, text: str) -> None:
        nonlocal told
        if part[0] == 0 or percent >= told + _LATER_PROGRESS_STEP:
            told = percent
            channel.send(("progress", percent, text))

    kept: list[_WireRow] = []

    def sink(rows: list[ImportRow]) -> None:
        wire = [_to_wire(r) for r in rows]
        if part[0] == 0:
            channel.send(("rows", wire))
        else:
            kept.extend(wire)

    def facts() -> _Facts:  # asked for while the sheet is parsed (the parent waits for
        channel.send(("ready",))  # it minding a cancel, not in a full pipe)
        return cast(_Facts, channel.receive())

    with _collection_paused():
        file = _read_file(
            path,
            sheet_name,
            facts,
            today=today,
            sink=sink,
            report=report,
            stop=lambda: False,
            part=part,
        )
    if kept:
        channel.send(("rows", kept))
    channel.send(("file", file))


def _too_many_rows(path: Path, sheet: str) -> UserError:
    limit = f"{cells.MAX_DATA_ROWS:,}"
    return _file_error(
        path,
        f"工作表“{sheet}”的党员超过 {limit} 行，这不像一份党员名册（一个区的名册也不到 10 万行），"
        "程序没有读完它。请确认选对了文件；若名册确实这么大，请把它分成几个文件分别导入。",
        f"the sheet “{sheet}” has more than {limit} rows of members, which is not what a "
        "roster looks like (a whole district's has fewer than 100,000), so it was not read "
        "to the end. Check that this is the right file; if the roster really is that large, "
        "split it into several files and import them one by one.",
    )


def _part_rows(first: int, estimate: int | None, part: Part) -> tuple[float, float]:
    """The sheet rows (from, before) ``part`` checks: its share of the rows from ``first``
    to ``estimate``, the last part to the end. A sheet that does not tell its size is all
    the first part's."""
    a, b = part
    if estimate is None:
        return (first, math.inf) if a == 0 else (math.inf, math.inf)
    span = estimate - first + 1
    start = first + span * a // 100
    return start, (math.inf if b == 100 else first + span * b // 100)


def _read_rows(
    path: Path,
    sheet: _Sheet,
    checker: _RowChecker,
    report: ProgressFn,
    stop: CancelFn,
    *,
    part: Part = WHOLE,
) -> Iterator[ImportRow]:
    """Each row is parsed and checked as it is read: no copy of the sheet is kept.

    Only the rows of ``part`` are checked; of the rows before it only the ID numbers are
    noted (a later row repeating one is refused as in one reading), and the rows after it
    are not read. The rows are counted from the first, so the last part says when there
    are too many, or none.
    """
    columns = tuple(sheet.header.columns.items())
    estimate = sheet.estimate if sheet.estimate and sheet.estimate > sheet.header_row else None
    first = sheet.header_row + 1
    start, end = _part_rows(first, estimate, part)
    last_part = end == math.inf
    if start == math.inf:  # nothing to check here
        return
    merged = merged_parts(path, sheet)
    count = 0
    rows = _sheet_rows(path, sheet.worksheet, min_row=first)
    for seen, (row_no, values) in enumerate(rows):
        if row_no >= end:
            break
        if seen % _CHECK_EVERY == 0:
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
        parts = merged.get(row_no)
        if parts:
            raw.update(
                (key, parts[i]) for i, key in columns if i in parts and cells.is_blank(raw[key])
            )
        if all(cells.is_blank(v) or isinstance(v, cells.MergedPart) for v in raw.values()):
            continue  # nothing of its own
        if count == cells.MAX_DATA_ROWS:
            raise _too_many_rows(path, sheet.name)
        count += 1
        if row_no < start:
            checker.note_id(row_no, raw)
        else:
            yield checker.check(row_no, raw, values)
    if not count and last_part:
        raise _file_error(
            path,
            f"表头（第 {sheet.header_row} 行）下面没有任何党员。",
            f"there are no members below the header (row {sheet.header_row}).",
        )


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
        letters: dict[str, str],  # field key → its column's letters
        *,
        pipeline: PipelineCheck | None = None,  # the rows of people in the 发展党员 pipeline
    ) -> None:
        self.orgs = orgs
        self.existing = existing
        self.today = today or date.today()  # one day for every row of the file
        self.epoch_1904 = epoch_1904
        self.letters = letters
        self.seen_ids: dict[str, int] = {}
        self.org_keys: dict[str, str] = {}  # name_key of each organization name, computed once
        self.missing: dict[str, str] = {}  # name_key → the first spelling seen
        self._texts: dict[str, str] = {}
        self._given: dict[frozenset[str], frozenset[str]] = {}
        self._parsed: dict[tuple[str, type, object], _Cell] = {}
        self.pipeline = pipeline or PipelineCheck({}, {}, today)

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

    def note_id(self, row_no: int, raw: dict[str, object]) -> None:
        """Note the ID number of a row another process checks (an earlier part of the
        file), as :meth:`check` notes the number of each row it checks."""
        value = raw.get("id_number")
        if cells.is_blank(value) or isinstance(value, cells.CellMark):
            return
        number, error, _month_only = _parse_one("id_number", value, self.epoch_1904)
        if error is None and (key := normalise_id_number(number)):
            self.seen_ids.setdefault(key, row_no)

    def check(
        self, row_no: int, raw: dict[str, object], cells_row: Sequence[object] = ()
    ) -> ImportRow:
        p = _parse_cells(raw, self.epoch_1904, self.letters, self._parsed)
        values = p.values
        stage = self.pipeline.stage_of(raw.get("category"), values, p.errors, cells_row)
        for key in _SHARED_KEYS:
            text = values.get(key)
            if text is not None:
                values[key] = self.shared(text)
        org_name = values.pop("organization", None) or ""
        org_key = self.org_keys.get(org_name)
        if org_key is None:
            org_key = self.org_keys[org_name] = name_key(org_name)
        found = self.orgs.get(org_key) if org_name else None
        data = _input(values, found[0] if found else None)
        data = _use_id_birth_date(data, p.birth_month_only)
        errors: list[Problem] = list(p.errors.items())
        org_missing = False
        if not org_name:
            if "organization" not in p.errors:  # else a formula or merged cell, said already
                errors.append(
                    ("organization", t("所在党组织为空", "The Party organization is empty"))
                )
        elif found is None:
            org_missing = True
            org_name = self.shared(org_name)
            self.missing.setdefault(org_key, org_name)
            # A new organization (--create-orgs) gets this name: the editor's rules.
            refused = text_error(org_name, ("所在党组织名称", "organization's name"))
            if refused is not None:
                errors.append(("organization", refused))
            elif len(org_name) > ORG_NAME_MAX:
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
        row = ImportRow(
            row=row_no,
            name=data.name,
            member=data if keep else None,
            org_name=org_name,
            given=self.given(p.given),
            errors=tuple(errors),
            org_missing=org_missing,
            existing_id=existing_id,
        )
        return row if stage is None else self.pipeline.checked(row, stage, values, data)


class PipelineCheck:
    """Recognises the rows of people in the pipeline and checks their dates, for the
    member import's row checker (``_RowChecker``).

    ``headers``: the header in the file of each column read (field key → text), so that a
    missing date names the column as the file heads it.
    """

    def __init__(
        self,
        records: dict[str, int],
        headers: Mapping[str, str],
        today: date | None,
        status_columns: Sequence[int] = (),
    ) -> None:
        self.records = records
        self.headers = headers
        self.today = today
        # the other columns headed as the category (政治面貌 beside 人员类别): not read for
        # a member, but they may name the stage of someone not yet one
        self.status_columns = tuple(status_columns)

    def stage_of(
        self,
        status: object,
        values: Mapping[str, Any],
        errors: dict[str, str],
        row: Sequence[object] = (),
    ) -> DevelopmentStage | None:
        """The stage of a row whose 政治面貌 cell is ``status`` (or, when that is empty or
        not a member's, one of the row's other status columns: ``row`` is the whole row),
        its cells read as ``values`` (``errors``: the cells that could not be read). A
        person in the pipeline loses the "not a member" error of that cell; a member's
        row loses the errors of the pipeline's date cells (they are not read for a
        member)."""
        stage = None
        if values.get("category") is None:  # else a member's category: not in the pipeline
            dates = {k: values.get(k) for k in rows_rules.DATE_KEYS}
            width = len(row)
            others = (row[i] for i in self.status_columns if i < width)
            for cell in (status, *others):
                if not cells.is_blank(cell) and not isinstance(cell, cells.CellMark):
                    stage = rows_rules.row_stage(cells.choice_key(cell), dates)
                    if stage is not None:
                        break
        if stage is not None:
            errors.pop("category", None)
        elif errors:
            for k in rows_rules.DATE_KEYS:
                errors.pop(k, None)
        return stage

    def checked(
        self,
        row: ImportRow,
        stage: DevelopmentStage,
        values: Mapping[str, Any],
        data: MemberInput,
    ) -> ImportRow:
        """``row`` (checked as a member's) as a person at ``stage``: its steps by the
        发展党员 rules, a row error when the ID number is a stored member's."""
        errors: list[Problem] = list(row.errors)
        if row.existing_id is not None:
            errors.append(("id_number", rows_rules.already_member_message()))
        unread = {k for k, _message in errors}
        dates = {k: values.get(k) for k in rows_rules.DATE_KEYS}
        steps = None
        if not unread & set(rows_rules.DATE_KEYS):
            steps, problems = rows_rules.row_steps(
                stage, dates, data.birth_date, self.today or date.today(), self.headers
            )
            errors.extend(problems)
        number = data.id_number
        return replace(
            row,
            errors=tuple(errors),
            member=row.member if not errors else None,
            existing_id=None,
            stage=stage,
            steps=steps if not errors else None,
            record_id=self.records.get(number) if number else None,
        )
