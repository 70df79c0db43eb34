"""Writing the rows of a preview in one transaction, creating missing organizations."""

from __future__ import annotations

import errno
import json
import operator
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from pbc_desktop.db.base import name_key_values, utcnow, version_bump
from pbc_desktop.db.bulk import insert_rows
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Organization, PartyMember
from pbc_desktop.db.server import LongWrite
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.enums import (
    AuditAction,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.domain.member_changes import OrganizationMove
from pbc_desktop.domain.member_rules import (
    MemberInput,
)
from pbc_desktop.domain.validation import (
    name_key,
)
from pbc_desktop.errors import DiskFullError, PermissionDeniedError, StaleEditError, UserError
from pbc_desktop.lang import t
from pbc_desktop.progress import CancelFn, ProgressFn
from pbc_desktop.services import access, audit
from pbc_desktop.services.member_changes.moving import (
    correct_organization,
    move_refusal,
    record_move,
)
from pbc_desktop.services.member_changes.recording import reconcile_statuses
from pbc_desktop.services.member_editing import (
    in_development_message,
    member_update_errors,
    with_joining_records,
)
from pbc_desktop.services.member_import.applicants import waiting_numbers, write_applicants
from pbc_desktop.services.member_import.checking import (
    _IN_CHUNK,
    _MEMBER_COLUMNS,
    _existing_members,
    _merged,
    _merged_errors,
    _org_index,
    _stored_inputs,
)
from pbc_desktop.services.member_import.preview import (
    ON_DUPLICATE_CHOICES,
    ImportPreview,
    ImportResult,
    ImportRow,
    OnDuplicate,
    Problem,
    _cancelled_error,
)
from pbc_desktop.services.member_import.row_checks import _CHUNK, _collection_paused
from pbc_desktop.services.scope import chunks

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
            "导入党员名册时自动创建，请核对党组织类别、所属领域、层级、所属镇街和上级党组织。",
            "Created by a member import; check its kind, field, level, town and parent.",
        ),
    }


def _create_orgs(s: Session, names: Sequence[str], index: dict[str, tuple[int, str]]) -> list[str]:
    towns = {tn for tn in s.scalars(select(Organization.town).distinct()) if tn}
    created = []
    for name in names:
        key = name_key(name)
        if key in index:  # added meanwhile
            continue
        org = Organization(**new_org_values(name, towns))
        s.add(org)
        audit.created(
            s, org, t(f"导入党员时新增党组织 {name}", f"Created organization {name} on import")
        )
        index[key] = (org.id, name)
        created.append(name)
    return created


# -- writing ----------------------------------------------------------------------------


def _stale() -> UserError:
    return UserError(
        t(
            "读取文件后，数据库中的党组织或党员已被修改。请重新读取文件后再导入。",
            "Organizations or members changed after the file was read. "
            "Read the file again and import.",
        )
    )


def _disk_full(exc: BaseException) -> bool:
    """SQLite's “database or disk is full” (SQLITE_FULL), or the system's ENOSPC."""
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return "database or disk is full" in str(exc).lower()


def _disk_full_error() -> DiskFullError:
    return DiskFullError(
        t(
            "磁盘空间已满，导入没有完成，数据库没有任何改动。请删除一些不需要的文件、腾出磁盘空间后"
            "重新导入。",
            "The disk is full, so the import did not finish and nothing was changed. Free "
            "some disk space and import again.",
        )
    )


def _row_values(data: MemberInput) -> dict[str, Any]:
    return dict(zip(_MEMBER_COLUMNS, _member_columns(data), strict=True))


_member_columns = operator.attrgetter(*_MEMBER_COLUMNS)


def apply_import(
    db: Database,
    preview: ImportPreview,
    *,
    on_duplicate: OnDuplicate = "skip",
    valid_only: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    today: date | None = None,
) -> ImportResult:
    """Write the rows of ``preview`` in one transaction.

    Refuses (writing nothing) when a row is bad, unless ``valid_only``. A member already
    stored (same ID number) is left alone (``skip``) or gets the filled-in cells of its row
    (``update``; empty cells keep what is stored); one put in another organization is
    moved as ``preview.move`` says (``services/member_changes/moving``: a transfer within
    the district dated ``today``, or the correction of an entry error), each record
    audited as the member editor writes it. Cancelling, or any error, rolls back.
    The rows are written a chunk at a time, so no second copy of the file is built.
    """
    if on_duplicate not in ON_DUPLICATE_CHOICES:
        raise ValueError(on_duplicate)
    report = progress or (lambda _p, _t: None)
    stop = cancelled or (lambda: False)
    acc = access.of(db)
    acc.require(Permission.WRITE)
    if preview.orgs_to_create(on_duplicate) and not acc.whole:
        raise PermissionDeniedError(
            t(
                "名册中有尚未登记的党组织；导入时新建党组织需要区级管理员账号。"
                "请先请管理员在“党组织”页添加这些党组织，或删去这些行。",
                "The roster names organizations that are not registered; only a district "
                "administrator may create organizations on import. Ask one to add them on "
                "the Organizations tab first, or remove those rows.",
            )
        )
    good = preview.good_rows(on_duplicate)
    people = preview.applicant_rows(on_duplicate)
    bad = len(preview.rows) - len(good) - len(people)
    if bad and not valid_only:
        raise UserError(
            t(
                f"有 {bad} 行有错误，没有导入任何党员。"
                "请改正这些行后重新导入，或选择只导入正确的行。",
                f"{bad} rows have errors, so nothing was imported. Correct them and "
                "import again, or choose to import only the valid rows.",
            )
        )

    def check() -> None:
        if stop():
            raise _cancelled_error()

    try:
        # the audit entries at the end: the chain's lock held for the last moment only
        importing = db.write(long_write=LongWrite.IMPORTING)  # other PCs' saves told so
        with _collection_paused(), importing as s, audit.appended_at_the_end(s):
            since = utcnow()
            result = _write(
                db,
                s,
                preview=preview,
                good=good,
                on_duplicate=on_duplicate,
                report=report,
                check=check,
                today=today,
            )
            result = replace(result, bad=bad)
            if preview.applicants:
                acc = access.of(db, s)
                added, updated, skipped = write_applicants(
                    s,
                    acc,
                    people,
                    _organization_of(s, acc),
                    on_duplicate=on_duplicate,
                    today=today or date.today(),
                )
                result = replace(
                    result,
                    applicants_added=added,
                    applicants_updated=updated,
                    applicants_skipped=skipped,
                )
            else:
                result = replace(result, applicants_set_aside=len(people))
            # a status of the roster (已故, 已转出…) is a change: recorded on the import's day
            reconcile_statuses(
                s,
                today or date.today(),
                t(
                    "导入党员名册时依据党籍状态补记",
                    "Recorded from the status of an imported roster",
                ),
                PartyMember.updated_at >= since,
            )
            audit.imported(
                s,
                PartyMember.__tablename__,
                ("党员", "members"),
                (preview.path.name, preview.sheet, len(preview.rows)),
                result,
                on_duplicate=on_duplicate,
                facts={
                    "imported": result.imported,
                    "created_organizations": list(result.created_orgs),
                    "applicants_added": result.applicants_added,
                    "applicants_updated": result.applicants_updated,
                    "moved": result.moved,
                    "moves": preview.move.value,
                },
            )
            check()
            report(99, t("正在保存…", "Saving…"))
    except (IntegrityError, StaleEditError) as exc:  # a member changed since the file was read
        raise _stale() from exc
    except DiskFullError as exc:  # db.write's sentence; the import's own when truly full
        if exc.__cause__ is not None and _disk_full(exc.__cause__):
            raise _disk_full_error() from exc
        raise
    except (OperationalError, OSError) as exc:
        if not _disk_full(exc):
            raise
        raise _disk_full_error() from exc
    report(100, t("导入完成。", "Import finished."))
    return result


def _organization_of(
    s: Session, acc: access.Access, index: dict[str, tuple[int, str]] | None = None
) -> Callable[[ImportRow], int]:
    """The stored organization of a row (created by the import when it was missing), by
    ``index`` (the account's organizations by name key; read when not given); a row whose
    organization is gone or out of the account's scope means the file is stale."""
    known = index if index is not None else _org_index(s, acc)
    org_ids = {oid for oid, _name in known.values()}

    def organization_of(row: ImportRow) -> int:
        if row.org_missing:
            found = known.get(name_key(row.org_name))
            if found is None:
                raise _stale()
            return found[0]
        organization_id = row.data.organization_id
        if organization_id is None or organization_id not in org_ids:
            raise _stale()
        return organization_id

    return organization_of


# A stored member to update: the row's member (with its organization's id), the fields
# its cells gave, its own errors, the stored member's id and the row's number.
_Duplicate = tuple[MemberInput, frozenset[str], tuple[Problem, ...], int, int]


def _foreign_members(s: Session, acc: access.Access, member_ids: Iterable[int]) -> set[int]:
    """Of ``member_ids``, those of organizations the account does not answer for."""
    if acc.whole:
        return set()
    ids = list(member_ids)
    foreign: set[int] = set()
    for chunk in chunks(ids, _IN_CHUNK):
        stmt = select(PartyMember.id).where(
            PartyMember.id.in_(chunk), ~acc.orgs(PartyMember.organization_id)
        )
        foreign.update(s.scalars(stmt))
    return foreign


def _not_own_member(row: int) -> PermissionDeniedError:
    return PermissionDeniedError(
        t(
            f"第 {row} 行的身份证号属于其他党组织的党员，当前账号不能修改，没有导入任何党员。"
            "请删去这一行，或选择跳过已有的党员。",
            f"Row {row}: the ID number is of a member of another organization, which the "
            "signed-in account may not change; nothing was imported. Remove the row, or "
            "choose to skip members already stored.",
        )
    )


def _refused_once_written(row: int, name: str, what: tuple[str, str], reason: str) -> UserError:
    """A row the preview allowed, refused once written (the database changed since the
    file was read: a person entered as a 发展党员, a change, a letter or a fee basis
    recorded for the member): the whole import undone. ``what`` says what the row could
    not do, e.g. ("不能更新", "cannot be updated")."""
    return UserError(
        t(
            f"第 {row} 行（{name}）{what[0]}：{reason.rstrip('。')}。"
            "没有导入任何数据，请重新读取文件后再导入。",
            f"Row {row} ({name}) {what[1]}: {reason.rstrip('.')}. Nothing was imported; "
            "read the file again and import.",
        )
    )


def _in_development(row: ImportRow) -> UserError:
    """A new member's row whose person was entered as a 发展党员 meanwhile."""
    what = ("不能作为党员导入", "cannot be imported as a member")
    return _refused_once_written(row.row, row.name, what, in_development_message())


def _move_refused(row: int, name: str, reason: str) -> UserError:
    """A move the preview allowed, refused once written (a change or a letter recorded
    for the member since the file was read)."""
    what = ("不能调整所在党组织", "cannot be put in the other organization")
    return _refused_once_written(row, name, what, reason)


def _update_refused(row: int, name: str, reason: str) -> UserError:
    """An update the preview allowed, refused once written (a fee basis or a change
    recorded for the member since the file was read)."""
    return _refused_once_written(row, name, ("不能更新", "cannot be updated"), reason)


class _Mover:
    """The members a chunk of updates puts in another organization, moved as the member
    editor moves one (``services/member_changes/moving``): each checked before the chunk
    is written, recorded (a transfer) or put right (a correction) after."""

    def __init__(self, s: Session, acc: access.Access, move: OrganizationMove, on: date) -> None:
        self.s, self.acc, self.move, self.on = s, acc, move, on
        self.moved = 0
        # the chunk's members to move: the member, the organization left, the new one
        self._pending: list[tuple[PartyMember, int, int]] = []

    def check(self, moving: Sequence[tuple[int, int, int, int, str]]) -> None:
        """Refuse the import when a move of ``moving`` (member id, old and new
        organization, row, name) is refused; else hold them for :meth:`record`."""
        if not moving:
            return
        s = self.s
        ids = [member_id for member_id, *_rest in moving]
        members = {m.id: m for m in s.scalars(select(PartyMember).where(PartyMember.id.in_(ids)))}
        for member_id, old_id, new_id, row, name in moving:
            member = members.get(member_id)
            if member is None or member.organization_id != old_id:
                raise _stale()
            why = move_refusal(s, member, self.move, new_id, self.on)
            if why is not None:
                raise _move_refused(row, name, why)
            self._pending.append((member, old_id, new_id))

    def record(self) -> None:
        """The checked moves, once the chunk's members are written (their new values read
        again: the chunk was written past the session)."""
        s = self.s
        for member, old_id, new_id in self._pending:
            s.expire(member)
            if self.move is OrganizationMove.TRANSFER:
                record_move(s, member, old_id, new_id, self.on, by_import=True)
            else:
                correct_organization(s, self.acc, member, old_id, new_id)
        self.moved += len(self._pending)
        self._pending.clear()


def _write(
    db: Database,
    s: Session,
    *,
    preview: ImportPreview,
    good: list[ImportRow],
    on_duplicate: OnDuplicate,
    report: ProgressFn,
    check: Callable[[], None],
    today: date | None,
) -> ImportResult:
    check()
    acc = access.of(db, s)
    index = _org_index(s, acc)
    existing = _existing_members(s, {r.data.id_number for r in good})
    foreign = _foreign_members(s, acc, existing.values()) if on_duplicate == "update" else set()
    waiting = waiting_numbers(s, {n for r in good if (n := r.data.id_number) not in existing if n})
    created = _create_orgs(s, preview.orgs_to_create(on_duplicate), index)
    organization_of = _organization_of(s, acc, index)

    mover = _Mover(s, acc, preview.move, today or date.today())
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
        insert_rows(
            s.connection(), _MEMBERS, new_rows, same={"created_at": stamp, "updated_at": stamp}
        )
        imported += len(new_rows)
        new_rows.clear()
        progressed(done)

    def update_duplicates(done: int) -> None:
        nonlocal updated, unchanged
        check()
        changed, same = _update(s, duplicates, today, stamp, preview.read_versions, mover=mover)
        updated += changed
        unchanged += same
        duplicates.clear()
        progressed(done)

    for done, row in enumerate(good, start=1):
        data = row.data
        organization_id = organization_of(row)
        member_id = existing.get(data.id_number or "")
        if member_id is None:
            if data.id_number in waiting:  # entered as a 发展党员 since the file was read
                raise _in_development(row)
            values = _row_values(data)
            values.update(organization_id=organization_id, uuid=str(uuid.uuid4()))
            # Given here, the pinyin keys are not computed column by column as defaults.
            values |= name_key_values(_MEMBERS, values)
            new_rows.append(values)
            if len(new_rows) == _CHUNK:
                insert_new(done)
        elif on_duplicate == "update":
            if member_id in foreign:
                raise _not_own_member(row.row)
            merged = (
                data
                if data.organization_id == organization_id
                else replace(data, organization_id=organization_id)
            )
            duplicates.append((merged, row.given, row.errors, member_id, row.row))
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
        moved=mover.moved,
        move=preview.move,
    )


def _update(
    s: Session,
    duplicates: list[_Duplicate],
    today: date | None,
    stamp: datetime,
    read_versions: Mapping[int, int],
    *,
    mover: _Mover,
) -> tuple[int, int]:
    """Update one chunk of stored members; the audit keeps only the fields that changed.
    A member changed since the preview read it (``read_versions``) is not updated over
    what was saved meanwhile: the import is refused as stale. The members put in another
    organization are moved by ``mover``."""
    stored = _stored_inputs(s, [member_id for *_row, member_id, _number in duplicates])
    changes: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    moving: list[tuple[int, int, int, int, str]] = []
    joining: dict[int, tuple[MemberInput, int]] = {}  # a new day of joining, and the row
    unchanged = 0
    for data, given, own, member_id, number in duplicates:
        before, member_uuid = stored[member_id]
        if read_versions.get(member_id, before.version) != before.version:
            raise _stale()
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
        if "joined_on" in diff:
            joining[member_id] = (after, number)
        if "organization_id" in diff:
            old_id, new_id = diff["organization_id"]
            moving.append((member_id, old_id, new_id, number, after.name))
        # Only the columns that change: an unchanged indexed column costs its index
        # entries nothing (a roster sent again with new phone numbers touches no index).
        values = {k: new for k, (_old, new) in diff.items()}
        if "name" in diff:  # new members get theirs from the insert itself
            values |= name_key_values(_MEMBERS, values)
        # the version read: the update counts one more, and is refused had it changed
        changes.append(
            {"b_id": member_id, "b_version": before.version, **values, "updated_at": stamp}
        )
        entries.append(
            {
                "at": stamp,
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
    _check_joining(s, joining)
    mover.check(moving)  # as stored before the update (the editor's order)
    # One statement run for many rows (the ORM's bulk update of a versioned table runs one
    # statement a row); a row whose version changed meanwhile is not updated: stale.
    for keys in {frozenset(c) for c in changes}:
        batch = [c for c in changes if c.keys() == keys]
        if s.connection().execute(_UPDATE, batch).rowcount != len(batch):
            raise _stale()
    audit.append(s, entries)
    mover.record()  # after the members' own entries, as the editor writes them
    return len(changes), unchanged


def _check_joining(s: Session, joining: Mapping[int, tuple[MemberInput, int]]) -> None:
    """Refuse the import when a new day of joining of ``joining`` (member id → the member
    to write, the row) is refused as the editor refuses it: a fee basis, a payment or a
    change recorded for the member since the preview checked it."""
    ids = with_joining_records(s, joining)
    if not ids:
        return
    for member in s.scalars(select(PartyMember).where(PartyMember.id.in_(ids))):
        after, number = joining[member.id]
        refused = member_update_errors(s, member, after)
        s.expire(member)  # written past the session next
        if refused:
            raise _update_refused(number, after.name, refused[0].message)


_MEMBERS = cast(Table, PartyMember.__table__)
_UPDATE = (
    update(_MEMBERS)
    .where(_MEMBERS.c.id == bindparam("b_id"), _MEMBERS.c.version == bindparam("b_version"))
    .values(version_bump(_MEMBERS))
)


def _masked_diff(diff: dict[str, tuple[Any, Any]]) -> dict[str, str]:
    before, after = audit.masked_change(
        {k: old for k, (old, _new) in diff.items()}, {k: new for k, (_old, new) in diff.items()}
    )
    return {"before": _json(before), "after": _json(after)}


def _json(values: dict[str, Any]) -> str:
    return json.dumps(
        {k: audit._jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True
    )
