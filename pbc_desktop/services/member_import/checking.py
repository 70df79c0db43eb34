"""Reading and checking every row of a roster; nothing is written."""

from __future__ import annotations

import contextlib
import gc
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.child_process import Channel, Child, ChildLostError
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain import member_cells as cells
from pbc_desktop.domain.enums import (
    Gender,
    MemberCategory,
    MembershipStatus,
)
from pbc_desktop.domain.member_rules import (
    STORED_FIELDS,
    MemberInput,
    completed_from,
    member_errors,
)
from pbc_desktop.domain.org_names import OrgNameMatcher
from pbc_desktop.domain.validation import (
    birth_date_from_id,
    name_key,
    normalise_text,
    text_error,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access
from pbc_desktop.services.member_import.applicants import (
    PipelineCheck,
    check_record_updates,
    stored_records,
)
from pbc_desktop.services.member_import.filekind import _file_error
from pbc_desktop.services.member_import.preview import (
    ImportPreview,
    ImportRow,
    Problem,
    _cancelled_error,
)
from pbc_desktop.services.member_import.workbook import (
    _find_sheet,
    _Sheet,
    _sheet_rows,
    merged_parts,
    open_book,
)
from pbc_desktop.services.scope import chunks
from pbc_desktop.services.xlsx_text import is_cut  # the export's mark of a cut cell

ORG_NAME_MAX = 120
_CHUNK = 2_000
_IN_CHUNK = 500
_CHECK_EVERY = 500
# Share of the progress bar for reading the file; checking the rows takes the rest.
_READ_SHARE = 90
_SWITCH_INTERVAL = 0.001  # seconds; see _collection_paused
_MEMBER_COLUMNS = STORED_FIELDS
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
    out = _Parsed({}, set(), {})
    for key, value in raw.items():
        if cells.is_blank(value):
            continue
        out.given.add(key)
        if isinstance(value, cells.UncalculatedFormula | cells.MergedPart):
            out.errors[key] = cells.mark_message(value, key, letters.get(key, "?"))
            continue
        if key == "remark":  # kept as typed, line breaks included
            try:
                text = value.strip() if isinstance(value, str) else cells.parse_text(value)
            except cells.CellError as exc:
                out.errors[key] = exc.message
                continue
            out.values[key] = text or None
            if is_cut(text):  # cut by an export: an update keeps the full stored remark
                out.given.discard(key)
            continue
        if key in _REPEATING_KEYS:
            cell_key = (key, type(value), value)  # 1, 1.0 and True are equal keys
            cell = parsed.get(cell_key)
            if cell is None:
                cell = _parse_one(key, value, epoch_1904)
                if len(parsed) < _PARSED_MAX:
                    parsed[cell_key] = cell
        else:
            cell = _parse_one(key, value, epoch_1904)
        result, error, month_only = cell
        if error is not None:
            out.errors[key] = error
            continue
        out.values[key] = result
        if key == "birth_date" and month_only:
            out.birth_month_only = True
    return out


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


def _org_index(s: Session, acc: access.Access) -> dict[str, tuple[int, str]]:
    """The account's own organizations by name key (a roster row naming another
    organization reads as naming one that does not exist)."""
    stmt = _ORG_NAMES.where(acc.orgs(Organization.id))
    return {name_key(name): (oid, name) for oid, name in s.execute(stmt)}


_ORG_NAMES = select(Organization.id, Organization.name)


def _existing_members(s: Session, wanted: set[str | None] | None = None) -> dict[str, int]:
    """The stored members by ID number (only those in ``wanted``, when given)."""
    stmt = select(PartyMember.id_number, PartyMember.id).where(PartyMember.id_number.is_not(None))
    out: dict[str, int] = {}
    # Streamed: the session would otherwise fetch every row before the first is seen.
    with s.execute(stmt.execution_options(yield_per=_CHUNK)) as rows:  # closed, even on error
        for number, mid in rows:
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

    Afterwards what is alive is moved to the oldest generation (``gc.freeze`` then
    ``gc.unfreeze``: no object looked at): the collector's next look at the youngest
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
        gc.freeze()  # every generation into the permanent one …
        gc.unfreeze()  # … and all of it back into the oldest
        if enabled:
            gc.enable()


def _stored_inputs(s: Session, member_ids: Sequence[int]) -> dict[int, tuple[MemberInput, str]]:
    """The stored members (as inputs) and their UUIDs, loaded a chunk at a time."""
    columns = [getattr(PartyMember, c) for c in _MEMBER_COLUMNS]
    out: dict[int, tuple[MemberInput, str]] = {}
    for chunk in chunks(sorted(set(member_ids)), _IN_CHUNK):
        stmt = select(PartyMember.id, PartyMember.uuid, PartyMember.version, *columns).where(
            PartyMember.id.in_(chunk)
        )
        for mid, uid, version, *values in s.execute(stmt):
            data = MemberInput(**dict(zip(_MEMBER_COLUMNS, values, strict=True)), version=version)
            out[mid] = (data, uid)
    return out


def _merged(stored: MemberInput, data: MemberInput, given: frozenset[str]) -> MemberInput:
    """The stored member with the filled-in cells (``given``) of a row written over it.

    Birth date and sex left empty on both sides come from the (same) ID number, as
    ``completed`` would fill them. It has the row's ``version`` (none): a row saying all
    that is stored equals it.
    """
    changes = {k: getattr(data, k) for k in given if k in _MEMBER_COLUMN_SET}
    changes["organization_id"] = data.organization_id
    changes["version"] = data.version
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
    sheet: str | None = None,
    org_map: Mapping[str, str] | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    today: date | None = None,
    in_child: bool = False,
) -> ImportPreview:
    """Read and check every row of the roster at ``path``; nothing is written.

    The roster is the sheet named ``sheet``, or else the first visible sheet (the active
    one first) whose header names the required columns; the preview's ``notices`` name the
    other sheets that look like rosters, and columns named twice.

    ``org_map`` maps organization names of the file to names stored (the user confirmed
    them: ``--map-org``, the dialog's mapping step); every row naming one of the former
    goes to the latter. The preview's ``org_suggestions`` name, for each organization of
    the file not stored, the stored one it most likely means — never applied unasked.

    Raises :class:`UserError` when the file cannot be used (missing, not an .xlsx, too
    large once unpacked, password-protected, damaged, no such sheet, no header row, more
    than ``member_cells.MAX_DATA_ROWS`` rows) and :class:`ImportCancelledError`.

    ``in_child``: the file is read and checked in a child process (the window's import,
    which must not freeze: see ``_read_in_child``), here when none can be started.
    """
    with _collection_paused():
        return _read_members(
            db,
            Path(path),
            create_orgs=create_orgs,
            sheet_name=sheet,
            org_map=org_map or {},
            report=progress or (lambda _p, _t: None),
            stop=cancelled or (lambda: False),
            today=today,
            in_child=in_child,
        )


def _read_members(
    db: Database,
    path: Path,
    *,
    create_orgs: bool,
    sheet_name: str | None,
    org_map: Mapping[str, str],
    report: ProgressFn,
    stop: CancelFn,
    today: date | None,
    in_child: bool = False,
) -> ImportPreview:
    report(0, t("正在打开文件…", "Opening the file…"))
    child = _start_child(path, sheet_name, today) if in_child else None
    try:
        with db.read() as s:
            stored = _org_index(s, access.of(db, s))
            existing = _existing_members(s)
            records = stored_records(s)
        mapped = _mapped_orgs(org_map, stored)
    except BaseException:
        if child is not None:  # it waits for the facts: end it
            child.close()
        raise
    orgs = {**stored, **{key: target for key, (_name, target) in mapped.items()}}
    facts = (orgs, existing, records)
    del existing, records
    rows: list[ImportRow] = []
    file = None
    checked = 0  # the rows whose updates are checked

    def check_updates(start: int) -> None:  # while the child reads on (the other core)
        _check_updates(db, rows, today, lambda _p, _t: None, stop, start=start)

    if child is not None:
        try:
            file = _read_by_child(child, facts, rows, report, stop, on_rows=check_updates)
            checked = len(rows)
        except ChildLostError:  # the child died: the file is read here after all
            rows.clear()
    if file is None:
        file = _read_file(
            path, sheet_name, lambda: facts, today=today, sink=rows.extend, report=report, stop=stop
        )
    matcher = OrgNameMatcher(name for _oid, name in stored.values())
    suggestions = tuple(
        (n, close) for n in file.missing if (close := matcher.suggest(n)) is not None
    )
    unused = [name for key, (name, _target) in mapped.items() if key not in file.used]
    _check_updates(db, rows, today, report, stop, start=checked)
    report(100, t(f"已读取 {len(rows)} 行。", f"{len(rows)} rows read."))
    return ImportPreview(
        path=path,
        sheet=file.sheet,
        header_row=file.header_row,
        columns=file.columns,
        ignored_headers=file.ignored,
        rows=tuple(rows),
        create_orgs=create_orgs,
        missing_orgs=file.missing,
        sheets=file.rosters,
        notices=(*file.notices, *(_unused_mapping(n) for n in unused)),
        org_suggestions=suggestions,
        org_map=tuple((name, target[1]) for name, target in mapped.values()),
    )


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


def _read_file(
    path: Path,
    sheet_name: str | None,
    facts: Callable[[], _Facts],
    *,
    today: date | None,
    sink: Callable[[list[ImportRow]], None],
    report: ProgressFn,
    stop: CancelFn,
) -> _FileRead:
    """Read and check the rows of the file (handed to ``sink`` a chunk at a time); the
    database's ``facts`` are asked for once the file is open and its sheet found."""
    with open_book(path) as book:
        choice = _find_sheet(path, book, sheet_name)
        sheet = choice.sheet
        letters = {k: cells.column_letter(i) for i, k in sheet.header.columns.items()}
        orgs, existing, records = facts()
        header = sheet.header
        named = {k: header.headers.get(i, "") for i, k in header.columns.items()}
        pipeline = PipelineCheck(records, named, today, header.duplicates.get("category", ()))
        checker = _RowChecker(orgs, existing, today, book.epoch_1904, letters, pipeline=pipeline)
        chunk: list[ImportRow] = []
        for row in _read_rows(path, sheet, checker, report, stop):
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
    )


# -- reading in a child process -----------------------------------------------------------
#
# python-calamine holds the interpreter lock while it parses a sheet (a second or more for
# a district's roster), which would freeze the window: the window's import reads and
# checks the file in a child process, on the other core, while the parent reads the
# database. The rows come back a chunk at a time as plain tuples (pickling the dataclasses
# themselves costs ten times as much), and the parent builds them again as they arrive.

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


# Every field of a row, its member (the one not plain data) at _MEMBER_AT.
_ROW_FIELDS = tuple(f.name for f in fields(ImportRow))
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


def _start_child(path: Path, sheet_name: str | None, today: date | None) -> Child | None:
    """The child reading ``path`` (None when none can be started: read here)."""
    try:
        return Child(_read_in_child, path, sheet_name, today)
    except ChildLostError:
        return None


def _read_in_child(
    channel: Channel, path: Path, sheet_name: str | None, today: date | None
) -> None:
    """The child's work: read and check the file, the database's facts sent by the parent."""

    def report(percent: int, text: str) -> None:
        channel.send(("progress", percent, text))

    def sink(rows: list[ImportRow]) -> None:
        channel.send(("rows", [_to_wire(r) for r in rows]))

    with _collection_paused():
        file = _read_file(
            path,
            sheet_name,
            channel.receive,
            today=today,
            sink=sink,
            report=report,
            stop=lambda: False,
        )
    channel.send(("file", file))


def _read_by_child(
    child: Child,
    facts: _Facts,
    rows: list[ImportRow],
    report: ProgressFn,
    stop: CancelFn,
    *,
    on_rows: Callable[[int], None],
) -> _FileRead:
    """The child's rows added to ``rows``; ``on_rows(start)`` after each chunk."""
    with contextlib.suppress(ChildLostError):  # gone already: its messages say why
        child.send(facts)
    file = None
    for kind, *payload in child.messages(stop, _cancelled_error):
        if kind == "progress":
            report(*payload)
        elif kind == "rows":
            start = len(rows)
            rows.extend(_from_wire(w) for w in payload[0])
            on_rows(start)
        elif kind == "file":
            file = cast(_FileRead, payload[0])
    if file is None:
        raise ChildLostError("no result")
    return file


def _mapped_orgs(
    org_map: Mapping[str, str], stored: dict[str, tuple[int, str]]
) -> dict[str, tuple[str, tuple[int, str]]]:
    """Name key of each organization name of the file the user mapped → (that name, the
    stored organization); a target that is not stored is refused."""
    out: dict[str, tuple[str, tuple[int, str]]] = {}
    for source, target in org_map.items():
        found = stored.get(name_key(target))
        if found is None:
            raise UserError(
                t(
                    f"对应关系“{source}={target}”中的党组织“{target}”在系统中不存在"
                    "（或不在你的管理范围内），请写出“党组织”页中的名称。",
                    f"The organization “{target}” of the mapping “{source}={target}” does "
                    "not exist (or is outside your scope); give a name from the "
                    "organizations tab.",
                )
            )
        out[name_key(source)] = (normalise_text(source), found)
    return out


def _unused_mapping(name: str) -> str:
    return t(
        f"文件中没有党组织“{name}”，它的对应关系没有用到。",
        f"No row names the organization “{name}”; its mapping was not used.",
    )


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


def _read_rows(
    path: Path, sheet: _Sheet, checker: _RowChecker, report: ProgressFn, stop: CancelFn
) -> Iterator[ImportRow]:
    """Each row is parsed and checked as it is read: no copy of the sheet is kept."""
    columns = tuple(sheet.header.columns.items())
    estimate = sheet.estimate if sheet.estimate and sheet.estimate > sheet.header_row else None
    merged = merged_parts(path, sheet)
    count = 0
    first = sheet.header_row + 1
    rows = _sheet_rows(path, sheet.worksheet, min_row=first)
    for seen, (row_no, values) in enumerate(rows):
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
        yield checker.check(row_no, raw, values)
    if not count:
        raise _file_error(
            path,
            f"表头（第 {sheet.header_row} 行）下面没有任何党员。",
            f"there are no members below the header (row {sheet.header_row}).",
        )


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


def _check_updates(
    db: Database,
    rows: list[ImportRow],
    today: date | None,
    report: ProgressFn,
    stop: CancelFn,
    *,
    start: int = 0,
) -> None:
    """What updating each stored member from its row (from ``start`` on) would break, a
    chunk at a time.

    A refused row drops its member once this is known.
    """
    people = [i for i in range(start, len(rows)) if rows[i].record_id is not None]
    if people:
        with db.read() as s:
            for chunk in chunks(people, _IN_CHUNK):
                check_record_updates(s, rows, chunk)
    pending = [i for i in range(start, len(rows)) if rows[i].existing_id is not None]
    if not pending:
        return
    with db.read() as s:
        for done, chunk in enumerate(chunks(pending, _IN_CHUNK)):
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
