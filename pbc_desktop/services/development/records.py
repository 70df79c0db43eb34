"""发展党员 records: enter an applicant, record each dated step, admit, extend, cancel, confirm.

Every step is checked by ``domain/development.py``'s rules against what is stored, and
written with its audit entry in one transaction. Admission (支部大会讨论通过 and 上级党委
审批) makes the :class:`PartyMember` from the record's own facts (no re-typing): category
预备党员, joined on the day of the branch meeting; 转正 makes them a 正式党员. The person's
facts are checked by the member rules (``domain/member_rules.py``), so that the member
made at admission is a valid member.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import DevelopmentRecord, DevelopmentStepEntry, PartyMember
from pbc_desktop.domain import development as rules
from pbc_desktop.domain.accounts import Permission
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep, Progress
from pbc_desktop.domain.enums import Gender, MemberCategory
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES, LeavingKind, MemberChangeKind
from pbc_desktop.domain.member_rules import MemberInput, completed, member_errors
from pbc_desktop.domain.validation import clean_text, optional_text, strip_or_none
from pbc_desktop.errors import ConflictError, FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.member_changes import record_change
from pbc_desktop.services.member_changes.leaving import (
    check_change_date,
    check_on_roll,
    latest_change,
)

PEOPLE_MAX = 120
#: a step's remark (the reason of a cancellation, say): a paragraph at most
STEP_REMARK_MAX = 500


@dataclass(frozen=True)
class ApplicantInput:
    """An applicant as the clerk enters them from the 入党申请书."""

    name: str
    organization_id: int | None
    id_number: str | None = field(repr=False)
    applied_on: date | None
    gender: Gender | None = None
    ethnicity: str | None = None
    birth_date: date | None = field(default=None, repr=False)
    education: str | None = None
    work_unit: str | None = None
    phone: str | None = field(default=None, repr=False)
    remark: str | None = None
    version: int | None = None  # the record's version an editor read (None: new, or unchecked)


@dataclass(frozen=True)
class StepInput:
    step: DevelopmentStep
    occurred_on: date | None
    people: str | None = None  # 培养联系人, 入党介绍人, who talked, the committee…
    months: int | None = None  # 延长预备期 only
    remark: str | None = None


def record_not_found() -> NotFoundError:
    return NotFoundError(
        t(
            "找不到该发展党员记录，可能已被删除。",
            "The development record was not found; it may have been deleted.",
        )
    )


def load_record(s: Session, record_id: int, acc: access.Access) -> DevelopmentRecord:
    record = s.get(DevelopmentRecord, record_id)
    if record is None or not acc.sees_org(record.organization_id):
        raise record_not_found()
    return record


def progress_of(record: DevelopmentRecord) -> Progress:
    """The rules' view of a stored record."""
    done: dict[DevelopmentStep, date] = {}
    for step in record.steps:
        if step.kind not in done or step.occurred_on > done[step.kind]:
            done[step.kind] = step.occurred_on
    return Progress(record.stage, record.applied_on, done, record.extension_months)


def _as_member(data: ApplicantInput) -> MemberInput:
    return MemberInput(
        name=data.name,
        organization_id=data.organization_id,
        id_number=data.id_number,
        gender=data.gender,
        ethnicity=data.ethnicity,
        birth_date=data.birth_date,
        education=data.education,
        work_unit=data.work_unit,
        phone=data.phone,
        remark=data.remark,
        category=MemberCategory.PROBATIONARY,
    )


def _id_taken(
    s: Session, number: str, record_id: int | None, acc: access.Access
) -> FieldError | None:
    """Another record (not ``record_id``), or a member, with the ID number: a person is
    entered once. Named only when the account sees its organization (an account learns
    nothing of what it may not see, not by typing ID numbers)."""
    found = (
        s.execute(
            select(DevelopmentRecord.name, DevelopmentRecord.organization_id)
            .where(DevelopmentRecord.id_number == number, DevelopmentRecord.id != (record_id or 0))
            .limit(1)
        ).first()
        or s.execute(
            select(PartyMember.name, PartyMember.organization_id)
            .where(PartyMember.id_number == number)
            .limit(1)
        ).first()
    )
    if found is None:
        return None
    name, org_id = found
    if not acc.sees_org(org_id):
        return FieldError(
            "id_number",
            t(
                "该身份证号已在其他党组织登记，同一人不能重复登记",
                "This ID number is already registered by another organization; a person is "
                "entered only once",
            ),
        )
    return FieldError(
        "id_number",
        t(
            f"该身份证号已登记（{name}），同一人不能重复登记",
            f"This ID number is already registered ({name}); a person is entered only once",
        ),
    )


def keep_summary(record: DevelopmentRecord, progress: Progress) -> None:
    """Store what the rules say of the record's steps (the lists read it)."""
    for key, value in vars(rules.summary(progress)).items():
        setattr(record, key, value)


def validated(
    s: Session,
    acc: access.Access,
    data: ApplicantInput,
    today: date,
    record_id: int | None = None,
) -> MemberInput:
    """``data`` checked by the member rules and the application rules (``record_id``: the
    record being edited, whose own ID number is not a duplicate)."""
    member = completed(_as_member(data))
    errors = member_errors(member, today=today)
    if data.applied_on is None:
        errors.append(
            FieldError("applied_on", t("请填写递交申请书日期", "Enter the application date"))
        )
    else:
        problem = rules.application_error(member.birth_date, data.applied_on, today)
        if problem:
            errors.append(FieldError("applied_on", problem))
    if member.id_number and not any(e.field == "id_number" for e in errors):
        # one person entered twice at once (on a server): the second waits, then is told
        lock_groups(s, [("development_id_numbers",)])
        taken = _id_taken(s, member.id_number, record_id, acc)
        if taken:
            errors.append(taken)
    if errors:
        raise ValidationError(errors)
    return member


def change_refusal(db: Database, record_id: int | None = None) -> str | None:
    """Why the account may not add applicants (``record_id`` None) or change the record."""

    def check(s: Session, acc: access.Access) -> None:
        acc.require(Permission.WRITE)
        if record_id is not None:
            acc.check_org_writable(load_record(s, record_id, acc).organization_id)

    return access.refusal(db, check)


#: The person's facts: entered with the applicant, kept by the member admitted from the record.
_PERSON = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "education",
    "work_unit",
    "phone",
    "organization_id",
)


def _person(source: object) -> dict[str, Any]:
    return {name: getattr(source, name) for name in _PERSON}


def create_applicant(db: Database, data: ApplicantInput, *, today: date | None = None) -> int:
    """Enter an applicant (入党申请人) with the 递交入党申请书 step; returns the record's id."""
    with db.write() as s:
        return add_applicant(s, access.of(db, s), data, today or date.today()).id


def add_applicant(
    s: Session, acc: access.Access, data: ApplicantInput, today: date
) -> DevelopmentRecord:
    """:func:`create_applicant` in the write transaction ``s`` (the member import enters
    the applicants of a roster in its own)."""
    acc.require(Permission.WRITE)
    clean = validated(s, acc, data, today)
    acc.check_org_writable(clean.organization_id)
    assert data.applied_on is not None
    assert clean.organization_id is not None
    record = DevelopmentRecord(
        **_person(clean),
        stage=DevelopmentStage.APPLICANT,
        applied_on=data.applied_on,
        extension_months=0,
        remark=clean.remark,
    )
    record.steps.append(
        DevelopmentStepEntry(kind=DevelopmentStep.APPLICATION, occurred_on=data.applied_on)
    )
    keep_summary(record, progress_of(record))
    s.add(record)
    audit.created(s, record, t(f"登记入党申请人 {record.name}", f"Entered applicant {record.name}"))
    return record


def step_errors(progress: Progress, data: StepInput, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.occurred_on is None:
        errors.append(FieldError("occurred_on", t("请填写日期", "Enter the date")))
    elif problem := rules.date_error(progress, data.step, data.occurred_on, today):
        errors.append(FieldError("occurred_on", problem))  # marked on the date, not the step
    else:
        problem = rules.step_error(progress, data.step, data.occurred_on, today, months=data.months)
        if problem:
            marked = (
                "months" if data.step is DevelopmentStep.EXTENSION and "月" in problem else "step"
            )
            errors.append(FieldError(marked, problem))
    if data.step is DevelopmentStep.SPONSORS and not (data.people or "").strip():
        errors.append(  # the 备案表 then listed the step with nobody named
            FieldError(
                "people",
                t(
                    "指定培养联系人时，请在“有关人员”中填写两名培养联系人的姓名",
                    "Name the two mentors in “People”",
                ),
            )
        )
    _remark, problem = clean_text(
        data.remark, ("备注", "remark"), max_len=STEP_REMARK_MAX, multiline=True
    )
    if problem is not None:  # a pasted control character broke the save on the server
        errors.append(FieldError("remark", problem))
    for key, value, limit in (("people", data.people, PEOPLE_MAX),):
        if value and len(value.strip()) > limit:
            errors.append(
                FieldError(
                    key,
                    t(
                        f"有关人员不能超过 {limit} 个字",
                        f"The people cannot exceed {limit} characters",
                    ),
                )
            )
    return errors


def _admit(s: Session, record: DevelopmentRecord, on: date) -> PartyMember:
    """The member made from the record: 预备党员, joined on the branch meeting's day."""
    if record.id_number and s.scalar(
        select(PartyMember.id).where(PartyMember.id_number == record.id_number).limit(1)
    ):  # entered on the roll meanwhile (the member editor, a roster): the insert failed
        raise ConflictError(
            t(
                f"{record.name}的身份证号已登记在党员名册中，同一人不能重复登记；"
                "请核对党员名册，删除误录的党员记录后再办理接收预备党员。",
                f"The ID number of {record.name} is already on the roll of members; a person "
                "is entered once: check the roll and delete the member entered by mistake "
                "before admitting them.",
            )
        )
    member = PartyMember(
        **_person(record),
        category=MemberCategory.PROBATIONARY,
        joined_on=on,
    )
    s.add(member)
    s.flush()
    record.member_id = member.id
    record_change(s, member, MemberChangeKind.DEVELOPED, on)
    audit.created(
        s,
        member,
        t(
            f"接收预备党员 {member.name}（由发展党员记录转入）",
            f"Admitted {member.name} as a probationary member (from the development record)",
        ),
    )
    return member


def _apply(s: Session, record: DevelopmentRecord, data: StepInput) -> None:
    """What a step does beyond being recorded: the stage, the member, the 预备期."""
    on = data.occurred_on
    assert on is not None
    member = record.member
    if data.step is DevelopmentStep.BRANCH_MEETING:
        _admit(s, record, on)
    elif data.step is DevelopmentStep.EXTENSION:
        record.extension_months = data.months or 0
    elif data.step is DevelopmentStep.CONFIRMATION and member is not None:
        before = audit.snapshot(member)
        member.category = MemberCategory.FULL
        member.confirmed_on = on
        audit.updated(
            s, member, t(f"{member.name} 转为正式党员", f"{member.name} confirmed"), before
        )
    elif data.step is DevelopmentStep.CANCELLATION and member is not None:
        record_change(
            s,
            member,
            MemberChangeKind.LEFT_PARTY,
            on,
            leaving_kind=LeavingKind.PROBATION_CANCELLED,
            remark=data.remark,
        )
    stage = rules.stage_after(data.step)
    if stage is not None:
        record.stage = stage


def check_member_step(s: Session, record: DevelopmentRecord, data: StepInput) -> None:
    """取消预备党员资格 takes the admitted member off the roll, as any leaving does: only a
    member on it with no letter of transfer on its way (one who died, or whose letter was
    then received, came back on a roll), dated not before the member's latest change; and
    nothing is recorded of a member who left the roll after the day they left: not the
    转正, nor a 预备期考察, 入党宣誓 or 延长预备期 (one transferred out of the district was
    reviewed and extended by the branch they had left)."""
    member = record.member
    if member is None or data.occurred_on is None:
        return
    if data.step is not DevelopmentStep.CANCELLATION and member.status not in ON_ROLL_STATUSES:
        last = latest_change(s, member.id)
        if last is not None and data.occurred_on > last.occurred_on:  # by a roll it left
            day = last.occurred_on.isoformat()
            left = t(
                f"党员{member.name}已于{day}{last.kind.zh}，不在册，",
                f"{member.name} left the roll on {day} ({last.kind.en}) and ",
            )
            if data.step is DevelopmentStep.CONFIRMATION:
                done = t("不能在此之后转正。", "cannot be confirmed after that.")
            else:
                done = t(
                    f"不能在此之后记录“{data.step.zh}”。",
                    f"no “{data.step.en}” can be recorded after that.",
                )
            raise ConflictError(left + done)
    if data.step is not DevelopmentStep.CANCELLATION:
        return
    check_on_roll(s, member)
    err = FieldErrors()
    check_change_date(s, err, member, data.occurred_on, ("取消日期", "date of the cancellation"))
    err.raise_any()


def duplicate_step_error(
    record: DevelopmentRecord, data: StepInput, entry: DevelopmentStepEntry | None = None
) -> FieldError | None:
    """``data``'s step is recorded already on its day (another entry than ``entry``, the
    one being corrected): saved twice, the 备案表 listed the review twice."""
    on = data.occurred_on
    if on is None or not any(
        e is not entry and e.kind is data.step and e.occurred_on == on for e in record.steps
    ):
        return None
    return FieldError(
        "occurred_on",
        t(
            f"“{data.step.zh}”（{on.isoformat()}）已经记录，不必重复记录",
            f"“{data.step.en}” of {on.isoformat()} is recorded already",
        ),
    )


def record_in(s: Session, record: DevelopmentRecord, data: StepInput, today: date) -> int:
    """Check and record one step of ``record`` in the write transaction ``s`` (the caller
    loaded the record within the account's scope)."""
    before = audit.snapshot(record)
    errors = step_errors(progress_of(record), data, today)
    if not errors and (twice := duplicate_step_error(record, data)) is not None:
        errors.append(twice)
    if errors:
        raise ValidationError(errors)
    check_member_step(s, record, data)
    assert data.occurred_on is not None
    entry = DevelopmentStepEntry(
        kind=data.step,
        occurred_on=data.occurred_on,
        people=optional_text(data.people),
        months=data.months if data.step is DevelopmentStep.EXTENSION else None,
        remark=strip_or_none(data.remark),
    )
    record.steps.append(entry)
    _apply(s, record, data)
    keep_summary(record, progress_of(record))
    audit.updated(
        s,
        record,
        t(
            f"{record.name}：{data.step.zh}（{data.occurred_on.isoformat()}）",
            f"{record.name}: {data.step.en} ({data.occurred_on.isoformat()})",
        ),
        before,
    )
    return entry.id


def record_step(db: Database, record_id: int, data: StepInput, *, today: date | None = None) -> int:
    """Record one dated step of a person, as the rules allow it; returns the step's id.

    A step that moves the person on (确定积极分子, 确定发展对象, 支部大会讨论通过, 转正,
    取消预备党员资格) changes the stage; the branch meeting's admission makes the member.
    """
    with db.write() as s:
        acc = access.of(db, s)
        record = load_record(s, record_id, acc)
        acc.check_org_writable(record.organization_id)
        return record_in(s, record, data, today or date.today())


def admit(
    db: Database,
    record_id: int,
    meeting: StepInput,
    approval: StepInput | None = None,
    *,
    today: date | None = None,
) -> int:
    """支部大会讨论通过 (``meeting``) and, when known, 上级党委审批 (``approval``), in one
    transaction; returns the id of the member made."""
    today = today or date.today()
    with db.write() as s:
        acc = access.of(db, s)
        record = load_record(s, record_id, acc)
        acc.check_org_writable(record.organization_id)
        record_in(s, record, replace(meeting, step=DevelopmentStep.BRANCH_MEETING), today)
        if approval is not None:
            record_in(s, record, replace(approval, step=DevelopmentStep.APPROVAL), today)
        assert record.member_id is not None
        return record.member_id
