"""发展党员 services: entering applicants, the steps under the rules, admission making the
member, extension, cancellation, confirmation, the due/late list and the reminders."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, DevelopmentRecord, MemberChange, PartyMember
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.domain.enums import MemberCategory, MembershipStatus
from pbc_desktop.domain.member_changes import LeavingKind, MemberChangeKind
from pbc_desktop.domain.reminders import ReminderArea
from pbc_desktop.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from pbc_desktop.services.development import detail, listing, records
from pbc_desktop.services.development.listing import DevelopmentQuery, Urgency
from pbc_desktop.services.development.records import StepInput
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.reminders import collect
from tests.development_factories import TODAY, applicant, make_record
from tests.factories import make_id, make_org
from tests.scope_factories import two_towns, village_actor

ALL = PageRequest(limit=1000)
ALL_QUERY = DevelopmentQuery(urgency=Urgency.ALL)


def test_an_applicant_under_eighteen_is_refused(db: Database) -> None:
    org = make_org(db)
    young = applicant(db, "李小", org, date(2026, 1, 1))
    young = young.__class__(**{**young.__dict__, "id_number": make_id("20080301", 124)})
    with pytest.raises(ValidationError) as refused:
        records.create_applicant(db, young, today=TODAY)
    assert refused.value.fields() == ["applied_on"]
    assert "18" in refused.value.message
    with db.read() as s:
        assert s.scalar(select(DevelopmentRecord.id)) is None


def test_a_person_is_entered_once(db: Database) -> None:
    org = make_org(db)
    data = applicant(db, "王芳", org)
    records.create_applicant(db, data, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        records.create_applicant(db, data, today=TODAY)
    assert refused.value.fields() == ["id_number"]


def test_a_candidate_too_early_is_refused_and_nothing_is_written(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "陈明", org, Stage.ACTIVIST, activist_on=date(2026, 1, 10))
    with pytest.raises(ValidationError) as refused:
        records.record_step(
            db, record_id, StepInput(Step.CANDIDATE, date(2026, 12, 1)), today=TODAY
        )
    assert "满一年" in refused.value.message
    shown = detail.get_development_detail(db, record_id)
    assert shown.stage is Stage.ACTIVIST
    assert Step.CANDIDATE not in [s.step for s in shown.steps]


def test_a_step_saved_twice_is_recorded_once(db: Database) -> None:
    """The same 培养考察 of the same day saved again (the clerk unsure it was saved) was
    recorded twice and listed twice in the 备案表."""
    org = make_org(db)
    record_id = make_record(db, "陈明", org, Stage.ACTIVIST, activist_on=date(2026, 1, 10))
    review = StepInput(Step.REVIEW, date(2026, 7, 10), people="王书记")
    records.record_step(db, record_id, review, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        records.record_step(db, record_id, review, today=TODAY)
    assert refused.value.fields() == ["occurred_on"]
    assert refused.value.message == "“培养考察”（2026-07-10）已经记录，不必重复记录"
    records.record_step(db, record_id, StepInput(Step.REVIEW, date(2026, 11, 10)), today=TODAY)
    shown = detail.get_development_detail(db, record_id)
    assert [s.occurred_on for s in shown.steps if s.step is Step.REVIEW] == [
        date(2026, 7, 10),
        date(2026, 11, 10),
    ]


def test_admission_makes_the_member_from_the_record(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "赵敏", org, Stage.CANDIDATE)
    with pytest.raises(ValidationError, match="政治审查"):
        records.admit(db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 3, 1)), today=TODAY)
    for kind in (Step.POLITICAL_CHECK, Step.TRAINING, Step.PUBLICITY):
        records.record_step(db, record_id, StepInput(kind, date(2025, 1, 5)), today=TODAY)
    member_id = records.admit(
        db,
        record_id,
        StepInput(Step.BRANCH_MEETING, date(2025, 3, 1), people="张三、李四"),
        StepInput(Step.APPROVAL, date(2025, 4, 1), people="成田镇党委"),
        today=TODAY,
    )
    with db.read() as s:
        member = s.get(PartyMember, member_id)
        record = s.get(DevelopmentRecord, record_id)
        assert member is not None
        assert record is not None
        assert (member.name, member.id_number, member.phone) == (
            record.name,
            record.id_number,
            record.phone,
        )
        assert member.category is MemberCategory.PROBATIONARY
        assert member.joined_on == date(2025, 3, 1)
        assert member.organization_id == org
        assert record.stage is Stage.PROBATIONARY
        assert record.member_id == member_id
        summaries = list(s.scalars(select(AuditEntry.summary)))
        changes = [
            (c.kind, c.occurred_on, c.organization_id) for c in s.scalars(select(MemberChange))
        ]
    assert any("接收预备党员 赵敏" in text for text in summaries)
    assert changes == [(MemberChangeKind.DEVELOPED, date(2025, 3, 1), org)]
    history = detail.member_development(db, member_id)
    assert history is not None
    assert [v.step for v in history.steps][-2:] == [Step.BRANCH_MEETING, Step.APPROVAL]
    assert history.probation_ends == date(2026, 3, 1)


def test_confirmation_sets_the_member_full(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "孙立", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    with pytest.raises(ValidationError, match="预备期满"):
        records.record_step(
            db, record_id, StepInput(Step.CONFIRMATION, date(2026, 2, 28)), today=TODAY
        )
    records.record_step(db, record_id, StepInput(Step.CONFIRMATION, date(2026, 3, 2)), today=TODAY)
    shown = detail.get_development_detail(db, record_id)
    assert shown.stage is Stage.FULL
    with db.read() as s:
        member = s.get(PartyMember, shown.member_id)
        assert member is not None
        assert member.category is MemberCategory.FULL
        assert member.confirmed_on == date(2026, 3, 2)


def test_extension_moves_the_end_of_the_probation_once(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "周洁", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    with pytest.raises(ValidationError, match="6至12"):
        records.record_step(
            db, record_id, StepInput(Step.EXTENSION, date(2026, 3, 1), months=18), today=TODAY
        )
    records.record_step(
        db, record_id, StepInput(Step.EXTENSION, date(2026, 3, 1), months=6), today=TODAY
    )
    shown = detail.get_development_detail(db, record_id)
    assert shown.probation_ends == date(2026, 9, 1)
    assert shown.extension_months == 6
    with pytest.raises(ValidationError, match="一次"):
        records.record_step(
            db, record_id, StepInput(Step.EXTENSION, date(2026, 4, 1), months=6), today=TODAY
        )
    with pytest.raises(ValidationError, match="预备期满"):
        records.record_step(
            db, record_id, StepInput(Step.CONFIRMATION, date(2026, 8, 1)), today=TODAY
        )


def test_cancellation_ends_the_record(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "吴刚", org, Stage.PROBATIONARY)
    records.record_step(
        db,
        record_id,
        StepInput(Step.CANCELLATION, date(2025, 9, 1), remark="不履行党员义务"),
        today=TODAY,
    )
    shown = detail.get_development_detail(db, record_id)
    assert shown.stage is Stage.CANCELLED
    assert shown.dues == ()
    with db.read() as s:
        member = s.get(PartyMember, shown.member_id)
        assert member is not None
        assert member.status is MembershipStatus.LEFT_PARTY
        left = s.scalars(
            select(MemberChange).where(MemberChange.kind == MemberChangeKind.LEFT_PARTY)
        ).one()
        assert (left.leaving_kind, left.occurred_on, left.remark) == (
            LeavingKind.PROBATION_CANCELLED,
            date(2025, 9, 1),
            "不履行党员义务",
        )
    assert listing.count_development(db, DevelopmentQuery()) == 0
    assert listing.count_development(db, DevelopmentQuery(stage=Stage.CANCELLED)) == 1


def test_the_list_of_due_and_late_per_branch_and_town(db: Database) -> None:
    world = two_towns(db)
    # late: an activist never reviewed since June 2025
    late = make_record(db, "甲迟", world.jia_one, Stage.ACTIVIST, activist_on=date(2025, 6, 1))
    # due soon: reviewed on 2026-06-20, next by 2026-12-20
    soon = make_record(db, "甲近", world.jia_two, Stage.ACTIVIST, activist_on=date(2025, 12, 1))
    records.record_step(db, soon, StepInput(Step.REVIEW, date(2026, 6, 20)), today=TODAY)
    # not due: a probationary member reviewed last month, 预备期 ending in 2027
    calm = make_record(db, "乙稳", world.yi_one, Stage.PROBATIONARY, admitted_on=date(2026, 2, 1))
    records.record_step(db, calm, StepInput(Step.PROBATION_REVIEW, date(2026, 8, 1)), today=TODAY)

    def names(query: DevelopmentQuery) -> list[str]:
        return [r.name for r in listing.list_development(db, query, ALL, today=TODAY)]

    assert names(DevelopmentQuery()) == ["甲迟", "甲近", "乙稳"]
    assert names(DevelopmentQuery(urgency=Urgency.DUE)) == ["甲迟", "甲近"]
    assert names(DevelopmentQuery(urgency=Urgency.LATE)) == ["甲迟"]
    assert names(DevelopmentQuery(town="乙镇")) == ["乙稳"]
    assert names(DevelopmentQuery(organization_id=world.jia_two)) == ["甲近"]
    assert listing.count_development(db, DevelopmentQuery(urgency=Urgency.DUE), today=TODAY) == 2
    row = listing.list_development(db, DevelopmentQuery(urgency=Urgency.LATE), ALL, today=TODAY)[0]
    assert row.next_step is Step.REVIEW
    assert row.due_on == date(2025, 12, 1)
    assert row.days_overdue == (TODAY - date(2025, 12, 1)).days
    assert row.id_number.startswith("****")
    assert row.phone == "139****5678"

    reminders = listing.development_reminders(db, TODAY)
    assert [(r.subject, r.what, r.due_on) for r in reminders] == [
        ("甲迟（入党积极分子）", "培养考察", date(2025, 12, 1)),
        ("甲近（入党积极分子）", "培养考察", date(2026, 12, 20)),
    ]
    assert reminders[1].days_overdue == -15
    assert late in {r.record_id for r in reminders}

    # in the unified reminders: one line a branch, in its town, opening the tab on it
    lines = [r for r in collect(db, TODAY, town="甲镇") if r.area is ReminderArea.DEVELOPMENT]
    assert [(r.what, r.due_on, r.days_overdue, r.towns) for r in lines] == [
        ("发展党员：1人逾期，0人即将到期（培养考察）", date(2025, 12, 1), 369, ("甲镇",)),
        ("发展党员：0人逾期，1人即将到期（培养考察）", date(2026, 12, 20), 0, ("甲镇",)),
    ]
    assert lines[0].tab == "development"
    assert dict(lines[0].filters) == {"organization_id": world.jia_one, "urgency": "due"}
    assert not [r for r in collect(db, TODAY, town="乙镇") if r.area is ReminderArea.DEVELOPMENT]


def test_a_village_sees_and_changes_only_its_own_applicants(db: Database) -> None:
    world = two_towns(db)
    own = make_record(db, "甲一人", world.jia_one, Stage.ACTIVIST)
    other = make_record(db, "乙一人", world.yi_one, Stage.ACTIVIST)
    db.user = village_actor(db, world.jia_one)
    rows = listing.list_development(db, DevelopmentQuery(), ALL, today=TODAY)
    assert [r.id for r in rows] == [own]
    with pytest.raises(NotFoundError):
        detail.get_development_detail(db, other)
    with pytest.raises(NotFoundError):
        records.record_step(db, other, StepInput(Step.REVIEW, date(2026, 6, 1)), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        records.create_applicant(db, applicant(db, "乙新人", world.yi_one), today=TODAY)
    assert records.change_refusal(db, own) is None
    assert [r.organization for r in listing.development_reminders(db, TODAY)] == ["甲一村党总支"]


def test_a_member_removed_leaves_the_development_record_without_the_link(db: Database) -> None:
    org = make_org(db)
    record_id = make_record(db, "错录", org, Stage.PROBATIONARY)
    with db.write() as s:  # as an administrator's removal of a mistaken entry would
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None
        for change in s.scalars(select(MemberChange)):
            s.delete(change)
        s.flush()
        s.execute(PartyMember.__table__.delete().where(PartyMember.id == record.member_id))
    shown = detail.get_development_detail(db, record_id)
    assert shown.member_id is None
    assert shown.stage is Stage.PROBATIONARY


@pytest.mark.parametrize(
    ("remark", "said"),
    [("原因\x00", "备注"), ("很" * 501, "备注不能超过 500 个字")],
    ids=["a control character", "too long"],
)
def test_a_step_remark_is_checked_by_its_name(db: Database, remark: str, said: str) -> None:
    """A NUL pasted into a step's remark stopped the save on the server with an error of
    the database; a page of text was taken as it came."""
    record_id = make_record(db, "林晓燕", make_org(db), Stage.ACTIVIST)
    step = StepInput(Step.REVIEW, date(2024, 1, 5), remark=remark)
    with pytest.raises(ValidationError, match=said) as refused:
        records.record_step(db, record_id, step, today=TODAY)
    assert refused.value.fields() == ["remark"]
    assert len(detail.get_development_detail(db, record_id).steps) == 3  # as made


def test_a_person_put_on_the_roll_meanwhile_is_not_admitted_twice(db: Database) -> None:
    """A roster imported the applicant as a member meanwhile: the admission made a second
    member of the same ID number and failed in the database (an internal error). The
    import and the editor now refuse such a member; one stored before they did is put
    on the roll directly."""
    from tests.factories import make_member

    org = make_org(db, "成田镇大寮村党支部", town="成田镇")
    record_id = make_record(db, "王芳", org, Stage.CANDIDATE, candidate_on=date(2024, 7, 1))
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None and record.id_number is not None
        number = record.id_number
    make_member(db, "王芳", org, id_number=number, joined_on=date(2010, 7, 1))
    for kind in (Step.POLITICAL_CHECK, Step.TRAINING, Step.PUBLICITY):
        records.record_step(db, record_id, StepInput(kind, date(2024, 7, 1)), today=TODAY)
    with pytest.raises(ConflictError, match="身份证号已登记在党员名册中") as info:
        records.admit(db, record_id, StepInput(Step.BRANCH_MEETING, date(2025, 3, 1)), today=TODAY)
    assert number not in str(info.value)
    shown = detail.get_development_detail(db, record_id)
    assert shown.stage is Stage.CANDIDATE and shown.member_id is None
    with db.read() as s:
        assert len(s.scalars(select(PartyMember).where(PartyMember.id_number == number)).all()) == 1


def test_a_probationary_member_who_died_is_due_for_nothing(db: Database) -> None:
    """The 转正 of a probationary member who died was reminded of, late, year after year."""
    from pbc_desktop.services.member_changes.leaving import LeavingInput, leave_member

    org = make_org(db)
    gone = make_record(db, "王芳", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    kept = make_record(db, "李娜", org, Stage.PROBATIONARY, admitted_on=date(2025, 3, 1))
    due = DevelopmentQuery(urgency=Urgency.DUE)
    before = listing.list_development(db, due, PageRequest(), today=TODAY)
    assert {r.id for r in before} == {gone, kept}
    member_id = detail.get_development_detail(db, gone).member_id
    assert member_id is not None
    leave_member(db, member_id, LeavingInput(MemberChangeKind.DECEASED, date(2025, 6, 1)))
    assert [r.id for r in listing.list_development(db, due, PageRequest(), today=TODAY)] == [kept]
    assert listing.count_development(db, due, today=TODAY) == 1
    assert [r.record_id for r in listing.development_reminders(db, TODAY)] == [kept]
    # nor in the detail and the list's columns, where 转正 was still due, days late
    assert detail.get_development_detail(db, gone).dues == ()
    assert detail.get_development_detail(db, kept).dues != ()
    rows = {r.id: r for r in listing.list_development(db, ALL_QUERY, PageRequest(), today=TODAY)}
    assert (rows[gone].next_step, rows[gone].due_on, rows[gone].late) == (None, None, False)
    assert rows[kept].next_step is not None and rows[kept].late
    everyone = DevelopmentQuery(urgency=Urgency.ALL)
    assert {r.id for r in listing.list_development(db, everyone, PageRequest(), today=TODAY)} == {
        gone,
        kept,
    }
