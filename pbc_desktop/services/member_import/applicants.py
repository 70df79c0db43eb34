"""The rows of a roster that are people in the 发展党员 pipeline (入党申请人, 入党积极分子,
发展对象): recognised while the rows are checked, written as 发展党员 records when asked.

Which rows these are and which dates they need: ``domain/applicant_rows.py``. Such a row
is not a member: without the preview's ``applicants`` it is set aside (counted, offered,
not written); with it, the person is entered by the 发展党员 service's own functions
(``services/development/records.py``: the applicant with the 递交入党申请书 step, then each
later step by the same rules) in the member import's transaction, audited there. A person
whose ID number is a stored member's is a row error; one already entered (same ID number)
is left alone (``skip``) or updated (``update``: the filled-in cells of the person's facts,
and the row's later steps the record has not taken yet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pbc_desktop.db.models import DevelopmentRecord
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import PermissionDeniedError, UserError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.development.editing import applied_on_error, correct_applicant
from pbc_desktop.services.development.records import (
    ApplicantInput,
    StepInput,
    add_applicant,
    progress_of,
    record_in,
)
from pbc_desktop.services.member_editing import in_development_message
from pbc_desktop.services.member_import.preview import ImportRow, OnDuplicate

# The person's facts a 发展党员 record keeps (``ApplicantInput``), as the member's fields.
_FACTS = (
    "name",
    "id_number",
    "gender",
    "ethnicity",
    "birth_date",
    "education",
    "work_unit",
    "phone",
    "remark",
)


def stored_records(s: Session) -> dict[str, int]:
    """The stored 发展党员 records by ID number."""
    stmt = select(DevelopmentRecord.id_number, DevelopmentRecord.id).where(
        DevelopmentRecord.id_number.is_not(None)
    )
    return {number.strip().upper(): rid for number, rid in s.execute(stmt) if number}


def waiting_numbers(s: Session, wanted: set[str] | None = None) -> set[str]:
    """The ID numbers of the stored 发展党员 records not admitted yet (only those in
    ``wanted``, when given): a member's row with one of them is refused (the person is
    entered once; their admission would then fail)."""
    stmt = select(DevelopmentRecord.id_number).where(
        DevelopmentRecord.id_number.is_not(None), DevelopmentRecord.member_id.is_(None)
    )
    numbers = {n.strip().upper() for n in s.scalars(stmt) if n}
    return numbers if wanted is None else numbers & wanted


def refuse_waiting(rows: list[ImportRow], waiting: set[str]) -> None:
    """The members' rows (not a stored member's) whose ID number is in ``waiting``
    (``waiting_numbers``) given that row error: they are not imported."""
    if not waiting:
        return
    for i, row in enumerate(rows):
        data = row.member
        if (
            row.stage is None
            and row.existing_id is None
            and data is not None
            and data.id_number
            and data.id_number in waiting
        ):
            problem = ("id_number", in_development_message())
            rows[i] = replace(row, errors=(*row.errors, problem), member=None)


def check_record_updates(s: Session, rows: list[ImportRow], indices: Sequence[int]) -> None:
    """The rows at ``indices`` (people whose 发展党员 record is stored) given the
    ``update_errors`` that updating their record would meet: an application date after a
    step the record took since (the writing would refuse the whole import)."""
    wanted = {rows[i].record_id for i in indices}
    stmt = (
        select(DevelopmentRecord)
        .where(DevelopmentRecord.id.in_(wanted))
        .options(selectinload(DevelopmentRecord.steps))
    )
    records = {r.id: r for r in s.scalars(stmt)}
    for i in indices:
        row = rows[i]
        record = records.get(row.record_id or 0)
        if record is None or row.steps is None or row.steps.applied_on == record.applied_on:
            continue
        late = applied_on_error(record, row.steps.applied_on)
        if late is not None:
            rows[i] = replace(row, update_errors=(*row.update_errors, (late.field, late.message)))


# -- writing ----------------------------------------------------------------------------------


def _not_own_record(row: ImportRow) -> PermissionDeniedError:
    return PermissionDeniedError(
        t(
            f"第 {row.row} 行的身份证号属于其他党组织的发展党员，当前账号不能修改，"
            "没有导入任何数据。请删去这一行，或选择跳过已有的记录。",
            f"Row {row.row}: the ID number is of a development record of another "
            "organization, which the signed-in account may not change; nothing was imported. "
            "Remove the row, or choose to skip records already stored.",
        )
    )


def _applicant(data: MemberInput, organization_id: int, applied_on: date) -> ApplicantInput:
    facts = {k: getattr(data, k) for k in _FACTS}
    return ApplicantInput(organization_id=organization_id, applied_on=applied_on, **facts)


def _row_refused(row: ImportRow, exc: UserError) -> UserError:
    """A row the rules refused at writing (the database changed since it was read)."""
    reason = (
        "；".join(e.message for e in exc.errors) if isinstance(exc, ValidationError) else str(exc)
    )
    return UserError(
        t(
            f"第 {row.row} 行（{row.name}）不能作为发展党员导入：{reason}。没有导入任何数据，"
            "请重新读取文件后再导入。",
            f"Row {row.row} ({row.name}) cannot be imported as a development record: "
            f"{reason}. Nothing was imported; read the file again and import.",
        )
    )


def _updated(
    s: Session,
    acc: access.Access,
    record: DevelopmentRecord,
    row: ImportRow,
    *,
    org: int,
    today: date,
) -> bool:
    """The stored ``record`` updated from ``row``: the filled-in cells of the person's
    facts, and the row's steps the record has not taken yet (in their order, by the rules);
    False when nothing changed."""
    assert row.steps is not None
    data = row.data
    stored = {k: getattr(record, k) for k in _FACTS}
    given = {k: getattr(data, k) for k in _FACTS if k in row.given}
    if "birth_date" not in given and stored["birth_date"] is None:
        given["birth_date"] = data.birth_date
    if "gender" not in given and stored["gender"] is None:
        given["gender"] = data.gender
    facts = {**stored, **given}
    changed = (
        facts != stored
        or org != record.organization_id
        or row.steps.applied_on != record.applied_on
    )
    if changed:
        merged = ApplicantInput(organization_id=org, applied_on=row.steps.applied_on, **facts)
        correct_applicant(s, acc, record, merged, today)
    for step, on in row.steps.steps:
        progress = progress_of(record)
        if progress.on(step) is not None or step not in rules.steps_for(record.stage):
            continue  # taken already, or the record is further on than the row
        record_in(s, record, StepInput(step, on), today)
        changed = True
    return changed


def write_applicants(
    s: Session,
    acc: access.Access,
    rows: Sequence[ImportRow],
    organization_of: Callable[[ImportRow], int],
    *,
    on_duplicate: OnDuplicate,
    today: date,
) -> tuple[int, int, int]:
    """Enter (or update) the people of ``rows`` in the write transaction ``s``; returns how
    many were added, updated, and present and left alone."""
    added = updated = skipped = 0
    stored = stored_records(s)
    for row in rows:
        assert row.steps is not None
        org = organization_of(row)
        record_id = stored.get(row.data.id_number or "")
        try:
            if record_id is None:
                record = add_applicant(
                    s, acc, _applicant(row.data, org, row.steps.applied_on), today
                )
                for step, on in row.steps.steps:
                    record_in(s, record, StepInput(step, on), today)
                s.flush()
                stored[record.id_number or ""] = record.id
                added += 1
                continue
            stored_record = s.get(DevelopmentRecord, record_id)
            if stored_record is None or not acc.sees_org(stored_record.organization_id):
                if on_duplicate == "update":
                    raise _not_own_record(row)
                skipped += 1
            elif on_duplicate == "skip":
                skipped += 1
            elif _updated(s, acc, stored_record, row, org=org, today=today):
                updated += 1
            else:
                skipped += 1
        except ValidationError as exc:
            raise _row_refused(row, exc) from exc
    return added, updated, skipped
