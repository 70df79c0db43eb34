"""Reading and checking every row of a roster against the database; nothing is written.

The rows themselves are read and checked by ``row_checks`` (in a child process for the
window); here the database's facts are gathered, the updates of stored members checked
and the preview put together."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.child_process import Child, ChildLostError
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.member_changes import OrganizationMove
from pbc_desktop.domain.member_rules import (
    STORED_FIELDS,
    MemberInput,
)
from pbc_desktop.domain.org_names import OrgNameMatcher
from pbc_desktop.domain.pinyin import load_dictionaries
from pbc_desktop.domain.validation import (
    name_key,
    normalise_text,
)
from pbc_desktop.errors import UserError
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access
from pbc_desktop.services.member_changes.moving import move_refusals
from pbc_desktop.services.member_editing import joining_moved_error
from pbc_desktop.services.member_import.applicants import (
    check_record_updates,
    refuse_waiting,
    stored_records,
    waiting_numbers,
)
from pbc_desktop.services.member_import.preview import (
    ImportPreview,
    ImportRow,
    Problem,
    _cancelled_error,
)
from pbc_desktop.services.member_import.row_checks import (
    _CHUNK,
    _MEMBER_COLUMN_SET,
    _READ_SHARE,
    WHOLE,
    Part,
    _check,
    _collection_paused,
    _Facts,
    _FileRead,
    _from_wire,
    _read_file,
    _read_in_child,
    merged_reads,
)
from pbc_desktop.services.permissions import require
from pbc_desktop.services.scope import chunks

_IN_CHUNK = 500
_MEMBER_COLUMNS = STORED_FIELDS


def _org_index(s: Session, acc: access.Access) -> dict[str, tuple[int, str]]:
    """The account's own organizations by name key, and by the key of their short name
    (简称) where no organization is named so and no other is called so for short: a
    roster's 所在支部 is often the 简称 (和平村党支部 for 中共和平镇和平村支部委员会). A roster
    row naming another organization reads as naming one that does not exist."""
    stmt = _ORG_NAMES.where(acc.orgs(Organization.id))
    rows = s.execute(stmt).all()
    index = {name_key(name): (oid, name) for oid, name, _short in rows}
    by_short: dict[str, list[tuple[int, str]]] = {}
    for oid, name, short in rows:
        if short and (key := name_key(short)):
            by_short.setdefault(key, []).append((oid, name))
    for key, found in by_short.items():
        if key not in index and len(found) == 1:
            index[key] = found[0]
    return index


_ORG_NAMES = select(Organization.id, Organization.name, Organization.short_name)


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

    An account that may change nothing is refused first, before the file is read (it
    would only learn row by row what it may not import).
    """
    require(db, Permission.WRITE)
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
    children = _start_children(path, sheet_name, today) if in_child else []
    stored: dict[str, tuple[int, str]] = {}
    mapped: dict[str, tuple[str, tuple[int, str]]] = {}
    gathered: _Facts | None = None

    def facts() -> _Facts:
        """The database's facts, gathered once: while the children read the file, or
        while the sheet is read ahead here."""
        nonlocal stored, mapped, gathered
        if gathered is None:
            with db.read() as s:
                stored = _org_index(s, access.of(db, s))
                existing = _existing_members(s)
                records = stored_records(s)
            mapped = _mapped_orgs(org_map, stored)
            orgs = {**stored, **{key: target for key, (_name, target) in mapped.items()}}
            gathered = (orgs, existing, records)
        return gathered

    def facts_then_dictionaries() -> _Facts:
        """The facts, then the pinyin dictionaries of the writing that follows: loaded
        while the sheet is parsed (read ahead), or while a child checks rows; after the
        facts, which a child waits for."""
        gathered = facts()
        load_dictionaries()
        return gathered

    if children:
        try:
            facts()
        except BaseException:
            for child in children:  # it waits for the facts: end it
                child.close()
            raise
    rows: list[ImportRow] = []
    file = None
    checked = 0  # the rows whose updates are checked
    versions: dict[int, int] = {}  # the stored members' versions, as read for the preview

    def check_updates(start: int) -> None:  # while the child reads on (the other core)
        _check_updates(db, rows, today, lambda _p, _t: None, stop, start=start, seen=versions)

    if children:
        try:
            file = _read_by_children(
                children,
                facts(),
                rows,
                report,
                stop,
                on_rows=check_updates,
                meanwhile=load_dictionaries,
            )
            checked = len(rows)
        except ChildLostError:  # a child died: the file is read here after all
            rows.clear()
    elif (helper := _start_helper(path, sheet_name, today)) is not None:
        try:
            file = _read_beside_child(
                helper,
                path,
                sheet_name,
                facts,
                rows,
                today=today,
                report=report,
                stop=stop,
                meanwhile=load_dictionaries,
            )
        except ChildLostError:  # the child died: the whole file is read here
            rows.clear()
    if file is None:
        file = _read_file(
            path,
            sheet_name,
            facts_then_dictionaries,
            today=today,
            sink=rows.extend,
            report=report,
            stop=stop,
        )
    matcher = OrgNameMatcher(dict.fromkeys(name for _oid, name in stored.values()))
    suggestions = tuple(
        (n, close) for n in file.missing if (close := matcher.suggest(n)) is not None
    )
    unused = [name for key, (name, _target) in mapped.items() if key not in file.used]
    with db.read() as s:
        refuse_waiting(rows, waiting_numbers(s))
    _check_updates(db, rows, today, report, stop, start=checked, seen=versions)
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
        read_versions=versions,
    )


#: A file at least this large is read in two parts at once when the machine has two cores:
#: by two children, each checking half of its rows (the window's import), or by this
#: process and one child (the command line's).
_SPLIT_BYTES = 256 * 1024


def _in_two_parts(path: Path) -> bool:
    """Whether ``path`` is large enough to read in two parts, on a machine with two cores
    (a file that cannot be looked at is read whole: the reading says what is wrong)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size >= _SPLIT_BYTES and (os.cpu_count() or 1) >= 2


def _start_children(path: Path, sheet_name: str | None, today: date | None) -> list[Child]:
    """The children reading ``path``, each a part of it (none when none can be started:
    the file is read here)."""
    parts: list[Part] = [(0, 50), (50, 100)] if _in_two_parts(path) else [WHOLE]
    children: list[Child] = []
    try:
        for part in parts:
            children.append(Child(_read_in_child, path, sheet_name, today, part))
    except ChildLostError:
        for child in children:
            child.close()
        if len(parts) == 1:
            return []
        try:  # one child, reading it all
            return [Child(_read_in_child, path, sheet_name, today, WHOLE)]
        except ChildLostError:
            return []
    return children


def _start_helper(path: Path, sheet_name: str | None, today: date | None) -> Child | None:
    """A child checking the later rows of a large file while this process checks the first
    (when the machine has two cores; the command line's import, which has no window to keep
    answering); None when it is not worth one, or none can be started."""
    if not _in_two_parts(path):
        return None
    try:
        return Child(_read_in_child, path, sheet_name, today, _BESIDE)
    except ChildLostError:
        return None


#: The rows checked here and by the child beside: this process starts checking first (the
#: child is started, imports and opens the file meanwhile) and the child's rows come
#: through a pipe once it is done, so this process takes the larger share.
_HERE: Part = (0, 60)
_BESIDE: Part = (60, 100)
#: Seconds a child not yet started on its rows is waited for once this process's are done
#: (about what reading them here takes: a district's roster parsed again, 40% checked).
_WAIT_FOR_CHILD = 1.0


def _read_beside_child(
    helper: Child,
    path: Path,
    sheet_name: str | None,
    facts: Callable[[], _Facts],
    rows: list[ImportRow],
    *,
    today: date | None,
    report: ProgressFn,
    stop: CancelFn,
    meanwhile: Callable[[], None],
) -> _FileRead:
    """The first rows of the file (``_HERE``) read and checked here, the later ones by
    ``helper``, added to ``rows`` in the file's order.

    The database's facts go to the child from a thread of their own once the child asks
    for them (it has opened the file), while this thread parses and checks its rows: sent
    before, they would fill the pipe and this thread would wait in it. A child that has
    not asked for them within ``_WAIT_FOR_CHILD`` of this thread's rows being done (a slow
    start: a virus scanner looking at the program, a busy machine) is not waited for: it
    is ended and its rows are read here. ``meanwhile()`` runs once the facts are gathered
    (the child waits for them), while the sheet is parsed here."""
    stream = helper.messages(stop, _cancelled_error)
    forward = _never_back(report)
    known = threading.Event()  # the facts are gathered (or their gathering failed)
    handed = threading.Event()  # the child has them
    failed: list[BaseException] = []

    def hand_over() -> None:
        try:
            _wait_until_ready(stream)
            known.wait()
            if not failed:
                helper.send(facts())
                handed.set()
        except BaseException as exc:  # raised in the reading thread
            failed.append(exc)

    def own_facts() -> _Facts:
        try:
            gathered = facts()
        except BaseException as exc:
            failed.append(exc)
            raise
        finally:
            known.set()
        meanwhile()
        return gathered

    def read_here(part: Part) -> _FileRead:
        return _read_file(
            path,
            sheet_name,
            own_facts,
            today=today,
            sink=rows.extend,
            report=forward,
            stop=stop,
            part=part,
        )

    sender = threading.Thread(target=hand_over, name="import-facts", daemon=True)
    sender.start()
    try:
        try:
            own = read_here(_HERE)
        except BaseException:
            known.set()
            helper.close()  # the sender, waiting for the child, is told it is gone
            sender.join()
            raise
        if not handed.wait(_WAIT_FOR_CHILD):  # the child is far behind: its rows are read here
            helper.close()
            sender.join()  # what it met, the child being ended, is of no matter
            later = read_here(_BESIDE)
        else:
            sender.join()
            if failed:
                raise failed[0]
            later = _read_by_child(stream, rows, forward, on_rows=lambda _start: None)
        if own.stamp is None or own.stamp != later.stamp:
            # saved again between the two readings: their parts are of two files
            raise ChildLostError("the file changed while it was read")
        return merged_reads([own, later])
    finally:
        helper.close()


def _never_back(report: ProgressFn) -> ProgressFn:
    """``report``, never going back: a later part's news (counted from the sheet's first
    row, as it passes the rows before its own) come after the rows before it are done.
    News behind what is shown are left out: their row ("Reading row 2…") went back."""
    shown = 0

    def forward(percent: int, text: str) -> None:
        nonlocal shown
        if percent >= shown:
            shown = percent
            report(percent, text)

    return forward


def _read_by_children(
    children: list[Child],
    facts: _Facts,
    rows: list[ImportRow],
    report: ProgressFn,
    stop: CancelFn,
    *,
    on_rows: Callable[[int], None],
    meanwhile: Callable[[], None] = lambda: None,
) -> _FileRead:
    """The children's rows added to ``rows`` in the file's order (the first child's as they
    come, the others' when it is done); ``on_rows(start)`` after each chunk, ``meanwhile()``
    once every child has the facts."""
    forward = _never_back(report)  # the later children's news come late
    streams = [child.messages(stop, _cancelled_error) for child in children]
    try:
        for child, stream in zip(children, streams, strict=True):
            _wait_until_ready(stream)
            child.send(facts)
        meanwhile()
        reads = [_read_by_child(stream, rows, forward, on_rows=on_rows) for stream in streams]
        stamps = {read.stamp for read in reads}
        if len(reads) > 1 and (len(stamps) > 1 or None in stamps):
            # saved again between the children's readings: their parts are of two files
            raise ChildLostError("the file changed while it was read")
        return merged_reads(reads)
    finally:
        for child in children:
            child.close()


def _wait_until_ready(stream: Iterator[Any]) -> None:
    """Wait (minding a cancel) for the child to ask for the database's facts: it has opened
    the file and started parsing its sheet. Sent before, they would fill the pipe and the
    parent would wait in it, deaf to a cancel, for as long as the child opens the file."""
    for kind, *_payload in stream:
        if kind == "ready":
            return
    raise ChildLostError("ended without asking for the facts")


def _read_by_child(
    stream: Iterator[Any],
    rows: list[ImportRow],
    report: ProgressFn,
    *,
    on_rows: Callable[[int], None],
) -> _FileRead:
    """The rows of the child's ``stream`` of messages added to ``rows``; ``on_rows(start)``
    after each chunk."""
    file = None
    for kind, *payload in stream:
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


def _check_updates(
    db: Database,
    rows: list[ImportRow],
    today: date | None,
    report: ProgressFn,
    stop: CancelFn,
    *,
    start: int = 0,
    seen: dict[int, int],
) -> None:
    """What updating each stored member from its row (from ``start`` on) would break, a
    chunk at a time; ``seen`` gets each stored member's version as read (the writing
    refuses the import when one changed since). A row putting its member in another
    organization is marked, with what refuses each way of moving them (:func:`_moves`).

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
            moving: list[int] = []
            for i in chunk:
                r = rows[i]
                found = stored.get(r.existing_id or 0)
                problems: tuple[Problem, ...] = ()
                if found is not None:
                    if found[0].version is not None:
                        seen[r.existing_id or 0] = found[0].version
                    merged = _merged(found[0], r.data, r.given)
                    problems = tuple(_merged_errors(merged, r.data, r.errors, today))
                    if not problems and merged.joined_on != found[0].joined_on:
                        problems = _joining_moved(s, r.existing_id or 0, merged)
                    if not r.errors and found[0].organization_id != r.data.organization_id:
                        moving.append(i)  # another organization (or one to be created)
                if problems or r.errors:
                    rows[i] = replace(
                        r, update_errors=problems, member=None if r.errors else r.member
                    )
            if moving:
                _moves(s, rows, moving, today or date.today())


def _joining_moved(s: Session, member_id: int, merged: MemberInput) -> tuple[Problem, ...]:
    """A row changing a stored member's day of joining: refused as the member editor
    refuses it (past their first change, fee basis or payment; the import took it)."""
    member = s.get(PartyMember, member_id)
    if member is None:  # deleted meanwhile: the writing says the file is stale
        return ()
    problem = joining_moved_error(s, member, merged)
    return () if problem is None else ((problem.field, problem.message),)


def _moves(s: Session, rows: list[ImportRow], moving: Sequence[int], on: date) -> None:
    """Mark the rows ``moving`` (each puts its stored member in another organization)
    with what refuses the move on ``on`` (the import's day) as a transfer within the
    district and as the correction of an entry error: the member editor's refusals
    (``services/member_changes/moving``), the user choosing one of the two for all."""
    ids = [rows[i].existing_id or 0 for i in moving]
    members = {m.id: m for m in s.scalars(select(PartyMember).where(PartyMember.id.in_(ids)))}
    for i in moving:
        r = rows[i]
        member = members.get(r.existing_id or 0)
        if member is None:  # deleted meanwhile: the writing says the file is stale
            continue
        why = move_refusals(s, member, r.data.organization_id, on)
        rows[i] = replace(
            r,
            moves=True,
            transfer_errors=_refused(why[OrganizationMove.TRANSFER]),
            correction_errors=_refused(why[OrganizationMove.CORRECTION]),
        )


def _refused(why: str | None) -> tuple[Problem, ...]:
    """The row's error when its move is refused ``why``."""
    return () if why is None else (("organization", why),)
