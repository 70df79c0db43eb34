"""Corrections of a 发展党员 record: the person's facts as typed, and the latest step.

A clerk who typed something wrong corrects it here, under the same rules as when it was
entered (``records``): the applicant's facts by the member and application rules, the
latest step by the rules of the steps as they stood before it. Personal data of a person
already admitted lives on the member (``member_editing``) and is corrected there. A step
is corrected or removed only while nothing has been built on it: the step before it
stays as the rules allowed it, and the member made or changed by it follows the change
(转正's date), or the refusal says what to do instead (the admission is cancelled, not
removed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, DevelopmentStepEntry, MemberChange
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStep, Progress
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.domain.member_changes import MemberChangeKind
from pbc_desktop.domain.validation import optional_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.development.detail import StepView
from pbc_desktop.services.development.records import (
    ApplicantInput,
    StepInput,
    check_member_step,
    duplicate_step_error,
    keep_summary,
    load_record,
    progress_of,
    step_errors,
    validated,
)
from pbc_desktop.services.fees.basis import joining_fee_error
from pbc_desktop.services.member_changes.leaving import first_change_since_joining
from pbc_desktop.services.scope import update_audited


def _admitted() -> ConflictError:
    return ConflictError(
        t(
            "该人员已接收为预备党员，个人信息请在党员名册中修改",
            "This person has been admitted; their personal data is edited on the member",
        )
    )


def get_applicant_input(db: Database, record_id: int) -> ApplicantInput:
    """The stored person as the editor's input (nothing masked: the editor corrects it),
    so only for an account that may change the record (a read-only account sees the masked
    detail)."""
    with db.read() as s:
        acc = access.of(db, s)
        record = load_record(s, record_id, acc)
        acc.check_org_writable(record.organization_id)
        return ApplicantInput(
            name=record.name,
            organization_id=record.organization_id,
            id_number=record.id_number,
            applied_on=record.applied_on,
            gender=record.gender,
            ethnicity=record.ethnicity,
            birth_date=record.birth_date,
            education=record.education,
            work_unit=record.work_unit,
            phone=record.phone,
            remark=record.remark,
            version=record.version,
        )


def applied_on_error(record: DevelopmentRecord, applied_on: date) -> FieldError | None:
    """The application cannot come after a step recorded since."""
    later = [e for e in record.steps if e.kind is not DevelopmentStep.APPLICATION]
    first = min((e.occurred_on for e in later), default=None)
    if first is None or applied_on <= first:
        return None
    return FieldError(
        "applied_on",
        t(
            f"递交申请书的日期不能晚于已记录的后续步骤（{first.isoformat()}）",
            f"The application date cannot be after a step recorded since ({first.isoformat()})",
        ),
    )


def update_applicant(
    db: Database, record_id: int, data: ApplicantInput, *, today: date | None = None
) -> None:
    """Correct the person's facts (nothing is written when unchanged); refused for a person
    already admitted, or when someone else changed the record since ``data.version``."""
    with db.write() as s:
        acc = access.of(db, s)
        record = load_record(s, record_id, acc)
        correct_applicant(s, acc, record, data, today or date.today())


def correct_applicant(
    s: Session, acc: access.Access, record: DevelopmentRecord, data: ApplicantInput, today: date
) -> None:
    """:func:`update_applicant` in the write transaction ``s``, of a record loaded within
    the account's scope (the member import updates the applicants of a roster in its own)."""
    acc.check_org_writable(record.organization_id)
    if record.member_id is not None:
        raise _admitted()
    versions.check(s, record, data.version)
    late = applied_on_error(record, data.applied_on) if data.applied_on else None
    try:
        clean = validated(s, acc, data, today, record.id)
    except ValidationError as refused:
        if late is None:
            raise
        raise ValidationError([*refused.errors, late]) from refused
    if late is not None:
        raise ValidationError([late])
    assert clean.organization_id is not None
    assert data.applied_on is not None
    acc.check_org_writable(clean.organization_id)  # not moved out of the scope
    for entry in record.steps:
        if entry.kind is DevelopmentStep.APPLICATION:
            entry.occurred_on = data.applied_on
    values = {
        "name": clean.name,
        "gender": clean.gender,
        "ethnicity": clean.ethnicity,
        "birth_date": clean.birth_date,
        "id_number": clean.id_number,
        "education": clean.education,
        "work_unit": clean.work_unit,
        "phone": clean.phone,
        "organization_id": clean.organization_id,
        "applied_on": data.applied_on,
        "remark": clean.remark,
    }
    update_audited(
        s,
        record,
        values,
        lambda: t(f"修改发展党员记录 {record.name}", f"Corrected the record of {record.name}"),
    )
    keep_summary(record, progress_of(record))


# -- the latest step ----------------------------------------------------------------------------
@dataclass(frozen=True)
class LatestStep(StepView):
    """The step recorded last, as its editor shows it."""

    #: the record's version (the editor's stale-edit check)
    version: int


def _latest(record: DevelopmentRecord) -> DevelopmentStepEntry:
    """The step recorded last; refused while there is none after the application."""
    entry = max(record.steps, key=lambda e: e.id, default=None)
    refused = rules.correction_refusal(None if entry is None else entry.kind)
    if refused is not None:
        raise ConflictError(refused)
    assert entry is not None
    return entry


def _before(record: DevelopmentRecord, entry: DevelopmentStepEntry) -> Progress:
    """The record as the rules saw it when ``entry`` was recorded: without it, in the
    stage it was taken from."""
    done: dict[DevelopmentStep, date] = {}
    for e in record.steps:
        if e is not entry and (e.kind not in done or e.occurred_on > done[e.kind]):
            done[e.kind] = e.occurred_on
    extension = 0 if entry.kind is DevelopmentStep.EXTENSION else record.extension_months
    return Progress(
        rules.stage_before(entry.kind, record.stage), record.applied_on, done, extension
    )


def latest_step(db: Database, record_id: int) -> LatestStep:
    """The step recorded last (refused while only the application is recorded)."""
    with db.read() as s:
        record = load_record(s, record_id, access.of(db, s))
        e = _latest(record)
        return LatestStep(e.id, e.kind, e.occurred_on, e.people, e.months, e.remark, record.version)


def _cancelled_member() -> ConflictError:
    return ConflictError(
        t(
            "取消预备党员资格已记入党员减少，不能在此更正日期或撤销；请在党员变动中更正",
            "The cancellation is recorded as the member leaving; its date cannot be "
            "corrected or removed here: correct it in the member's changes",
        )
    )


def _open_latest(
    s: Session, db: Database, record_id: int, version: int | None
) -> tuple[DevelopmentRecord, DevelopmentStepEntry]:
    acc = access.of(db, s)
    record = load_record(s, record_id, acc)
    acc.check_org_writable(record.organization_id)
    entry = _latest(record)
    # a change of the steps alone is a change of the record too (an editor open on it
    # elsewhere is refused), also when no editor's version is given
    versions.check(s, record, record.version if version is None else version)
    return record, entry


def _check_joined_before_changes(s: Session, member_id: int, on: date) -> None:
    """The admission (the member's 发展 change) stays before the member's other changes: a
    branch meeting moved past a transfer had the member transferred before they joined."""
    first = first_change_since_joining(s, member_id)
    if first is not None and on > first.occurred_on:
        day = first.occurred_on.isoformat()
        raise ValidationError.single(
            "occurred_on",
            t(
                f"支部大会讨论通过的日期不能晚于该党员之后的变动（{day}，{first.kind.zh}）",
                f"The branch meeting cannot be after the member's later change "
                f"({day}, {first.kind.en})",
            ),
        )


def _follow_on_member(
    s: Session, record: DevelopmentRecord, kind: DevelopmentStep, on: date
) -> None:
    """A moved date of the admission or 转正 moved on the member too."""
    member = record.member
    if member is None:
        return
    before = audit.snapshot(member)
    if kind is DevelopmentStep.BRANCH_MEETING:
        _check_joined_before_changes(s, member.id, on)
        fees = joining_fee_error(
            s,
            member,
            on,
            ("支部大会讨论通过的日期（入党日期）", "date of the branch meeting (of joining)"),
        )
        if fees is not None:
            raise ValidationError.single("occurred_on", fees)
        member.joined_on = on
        change = s.scalars(
            select(MemberChange).where(
                MemberChange.member_id == member.id,
                MemberChange.kind == MemberChangeKind.DEVELOPED,
            )
        ).first()
        if change is not None:
            change.occurred_on = on
    elif kind is DevelopmentStep.CONFIRMATION:
        # not moved past the day the member left the roll (转正 of one who had died)
        check_member_step(s, record, StepInput(kind, on))
        member.confirmed_on = on
    else:
        return
    after = audit.snapshot(member)
    if after != before:
        audit.updated(
            s,
            member,
            t(f"{member.name}：更正{kind.zh}日期", f"{member.name}: {kind.en} date corrected"),
            before,
            after=after,
        )


def correct_latest_step(
    db: Database,
    record_id: int,
    data: StepInput,
    *,
    version: int | None = None,
    today: date | None = None,
) -> None:
    """Correct the date, people, months or remark of the step recorded last (its kind
    stays: a wrong kind is removed and recorded again), under the rules it was taken by."""
    today = today or date.today()
    with db.write() as s:
        record, entry = _open_latest(s, db, record_id, version)
        record_snapshot = audit.snapshot(record)
        fixed = StepInput(entry.kind, data.occurred_on, data.people, data.months, data.remark)
        errors = step_errors(_before(record, entry), fixed, today)
        if not errors and (twice := duplicate_step_error(record, fixed, entry)) is not None:
            errors.append(twice)  # corrected onto another entry's day: the same sentence
        if errors:
            raise ValidationError(errors)
        assert fixed.occurred_on is not None
        moved = fixed.occurred_on != entry.occurred_on
        if moved and entry.kind is DevelopmentStep.CANCELLATION and record.member is not None:
            raise _cancelled_member()
        step_before = audit.snapshot(entry)
        entry.occurred_on = fixed.occurred_on
        entry.people = optional_text(fixed.people)
        entry.remark = strip_or_none(fixed.remark)
        if entry.kind is DevelopmentStep.EXTENSION:
            entry.months = fixed.months
            record.extension_months = fixed.months or 0
        if moved:
            _follow_on_member(s, record, entry.kind, fixed.occurred_on)
        keep_summary(record, progress_of(record))
        if audit.snapshot(entry) != step_before or audit.snapshot(record) != record_snapshot:
            audit.updated(
                s,
                record,
                t(
                    f"{record.name}：更正{entry.kind.zh}（{entry.occurred_on.isoformat()}）",
                    f"{record.name}: {entry.kind.en} corrected ({entry.occurred_on.isoformat()})",
                ),
                record_snapshot,
            )


def _removal_refusal(
    record: DevelopmentRecord, entry: DevelopmentStepEntry
) -> ConflictError | None:
    if record.member is None:
        return None
    if entry.kind is DevelopmentStep.BRANCH_MEETING:
        return ConflictError(
            t(
                "支部大会讨论通过后已建立党员记录，不能撤销；请办理取消预备党员资格",
                "The branch meeting's admission made the member record and cannot be "
                "removed; cancel the probationary membership instead",
            )
        )
    if entry.kind is DevelopmentStep.CANCELLATION:
        return _cancelled_member()
    return None


def remove_latest_step(
    db: Database, record_id: int, *, version: int | None = None
) -> DevelopmentStep:
    """Remove the step recorded last, entered by mistake: the stage and what is due are
    what they were before it; a removed 转正 makes the member probationary again.
    Returns the step removed."""
    with db.write() as s:
        record, entry = _open_latest(s, db, record_id, version)
        refused = _removal_refusal(record, entry)
        if refused is not None:
            raise refused
        before = audit.snapshot(record)
        kind, on = entry.kind, entry.occurred_on
        progress = _before(record, entry)
        member = record.member
        if kind is DevelopmentStep.CONFIRMATION and member is not None:
            member_before = audit.snapshot(member)
            member.category = MemberCategory.PROBATIONARY
            member.confirmed_on = None
            audit.updated(
                s,
                member,
                t(f"{member.name}：撤销转正", f"{member.name}: confirmation removed"),
                member_before,
            )
        record.steps.remove(entry)
        record.stage = progress.stage
        record.extension_months = progress.extension_months
        keep_summary(record, progress_of(record))
        audit.updated(
            s,
            record,
            t(
                f"{record.name}：撤销{kind.zh}（{on.isoformat()}）",
                f"{record.name}: {kind.en} removed ({on.isoformat()})",
            ),
            before,
        )
        return kind
