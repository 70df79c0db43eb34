"""The member editing service: create, update, delete, every refusal with its field, the
duplicate ID number, the audit log, and the unmasked listing."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pbc_desktop import lang
from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Attendance,
    AuditEntry,
    FeePayment,
    PartyMember,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain import privacy
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.domain.enums import (
    ActivityKind,
    AttendanceStatus,
    AuditAction,
    Gender,
    MemberCategory,
    MembershipStatus,
)
from pbc_desktop.domain.member_changes import OrganizationMove
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.services import member_editing as editing
from pbc_desktop.services import members
from pbc_desktop.services.appraisals.grid import AppraisalInput, save_appraisal
from pbc_desktop.services.fees.collection import SheetEntry, save_sheet
from pbc_desktop.services.members import MemberQuery
from pbc_desktop.services.paging import PageRequest
from tests.factories import make_id, make_member, make_org, make_post_report

CHEN_ID = make_id("19900101", "123")  # 440514199001011237, male
CHEN_MASKED = "**************1237"
LIN_ID = make_id("19851212", "562")  # female


@pytest.fixture
def org(db: Database) -> int:
    return make_org(db, "文光村党支部", town="陈店镇")


def member(org_id: int | None, **changes: object) -> MemberInput:
    base = MemberInput(name="陈伟", organization_id=org_id, id_number=CHEN_ID)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def stored(db: Database) -> list[PartyMember]:
    with db.read() as s:
        return list(s.scalars(select(PartyMember).order_by(PartyMember.id)))


def audit_entries(db: Database) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def refusal(db: Database, data: MemberInput, member_id: int | None = None) -> ValidationError:
    def write() -> None:
        if member_id is None:
            editing.create_member(db, data)
        else:
            editing.update_member(db, member_id, data)

    with pytest.raises(ValidationError) as info:
        write()
    return info.value


# -- create ----------------------------------------------------------------------------------
def test_create_normalises_fills_from_the_id_and_audits(db: Database, org: int) -> None:
    data = member(
        org,
        id_number=f" {CHEN_ID[:6]} {CHEN_ID[6:]} ",
        ethnicity=" 汉族 ",
        native_place="广东汕头",
        education="大学本科",
        joined_on=date(2012, 7, 1),
        confirmed_on=date(2013, 7, 1),
        party_post="  ",
        work_unit="文光村委会  主任",
        phone="+86 138 1234 5678",
        remark="  调入  ",
    )
    member_id = editing.create_member(db, data)
    [m] = stored(db)
    assert m.id == member_id
    assert (m.name, m.id_number, m.phone) == ("陈伟", CHEN_ID, "13812345678")
    assert (m.birth_date, m.gender) == (date(1990, 1, 1), Gender.MALE)
    assert (m.ethnicity, m.party_post, m.work_unit, m.remark) == (
        "汉族",
        None,
        "文光村委会 主任",
        "调入",
    )
    assert (m.category, m.status, m.organization_id) == (
        MemberCategory.FULL,
        MembershipStatus.NORMAL,
        org,
    )
    [entry] = audit_entries(db)
    assert (entry.actor, entry.action) == ("测试员", AuditAction.CREATE)
    assert entry.entity == "party_member"
    assert entry.entity_uuid == m.uuid
    assert entry.summary == "新增党员 陈伟"
    after = json.loads(entry.after or "{}")
    assert after["id_number"] == privacy.mask_id_number(CHEN_ID)
    assert CHEN_ID not in (entry.after or "")
    assert after["organization_id"] == org


def test_create_records_the_databases_actor(db: Database, org: int) -> None:
    db.user = replace(db.user, name="导入")
    editing.create_member(db, member(org))
    assert [e.actor for e in audit_entries(db)] == ["导入"]


def test_full_width_id_number_is_accepted(db: Database, org: int) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) for c in CHEN_ID)
    editing.create_member(db, member(org, id_number=wide))
    assert stored(db)[0].id_number == CHEN_ID


TODAY = date.today()
BAD_INPUTS: list[tuple[str, dict[str, object], str]] = [
    ("name", {"name": "  "}, "姓名不能为空"),
    ("organization", {"organization_id": None}, "请选择所在党组织"),
    ("id_number", {"id_number": None}, "身份证号不能为空"),
    ("id_number", {"id_number": CHEN_ID[:-1] + "5"}, "校验位"),
    ("id_number", {"id_number": "44051419900101"}, "18 位"),
    ("birth_date", {"birth_date": date(1991, 1, 1)}, "出生日期与身份证号不一致"),
    ("gender", {"gender": Gender.FEMALE}, "性别与身份证号不一致"),
    ("joined_on", {"joined_on": date(1989, 5, 1)}, "入党日期必须晚于出生日期"),
    ("joined_on", {"joined_on": TODAY + timedelta(days=1)}, "入党日期不能晚于今天"),
    (
        "confirmed_on",
        {"joined_on": date(2012, 7, 1), "confirmed_on": date(2012, 1, 1)},
        "转正日期必须晚于入党日期",
    ),
    (
        "confirmed_on",
        {"category": MemberCategory.PROBATIONARY, "confirmed_on": date(2013, 7, 1)},
        "预备党员不应有转正日期",
    ),
    ("phone", {"phone": "12345"}, "电话号码格式不正确"),
    ("work_unit", {"work_unit": "单" * 121}, "不能超过 120 个字"),
    ("name", {"name": "名" * 61}, "不能超过 60 个字"),
]


@pytest.mark.parametrize(
    ("field", "changes", "words"), BAD_INPUTS, ids=[f"{c[0]}-{i}" for i, c in enumerate(BAD_INPUTS)]
)
def test_each_refusal_names_its_field_and_saves_nothing(
    db: Database, org: int, field: str, changes: dict[str, object], words: str
) -> None:
    error = refusal(db, member(org, **changes))
    assert error.fields() == [field]
    assert words in error.message
    assert stored(db) == []
    assert audit_entries(db) == []


def test_unknown_organization_is_refused(db: Database, org: int) -> None:
    error = refusal(db, member(org + 999))
    assert error.fields() == ["organization"]
    assert "所选党组织不存在" in error.message


def test_all_problems_are_reported_at_once(db: Database, org: int) -> None:
    data = member(
        None,
        name="",
        id_number=CHEN_ID[:-1] + "5",
        phone="abc",
        joined_on=date(2012, 7, 1),
        confirmed_on=date(2011, 7, 1),
    )
    error = refusal(db, data)
    assert sorted(error.fields()) == ["confirmed_on", "id_number", "name", "organization", "phone"]
    assert len(error.message.splitlines()) == 5


def test_messages_follow_the_language(db: Database, org: int) -> None:
    lang.set_language("en")
    error = refusal(db, member(org, name=""))
    assert error.message == "The name is empty"
    error = refusal(db, member(org, joined_on=TODAY + timedelta(days=1)))
    assert error.message == "The date of joining the Party cannot be in the future"


def test_padded_chinese_name_is_stored_as_the_import_stores_it(db: Database, org: int) -> None:
    editing.create_member(db, member(org, name=" 王  五 "))
    assert stored(db)[0].name == "王五"
    found = members.list_members(db, MemberQuery(text="王五"), PageRequest(0, 10))
    assert [r.name for r in found] == ["王五"]


# -- duplicate ID number ---------------------------------------------------------------------
def test_duplicate_id_number_names_the_other_member_and_organization(
    db: Database, org: int
) -> None:
    other_org = make_org(db, "东山社区党支部", town="峡山街道")
    editing.create_member(db, member(other_org, name="陈伟"))
    error = refusal(db, member(org, name="陈小伟", id_number=CHEN_ID.lower()))
    assert error.fields() == ["id_number"]
    assert "陈伟" in error.message
    assert "东山社区党支部" in error.message
    assert not privacy.contains_personal_numbers(error.message)
    assert "身份证号已登记" in error.message
    assert [m.name for m in stored(db)] == ["陈伟"]


def test_an_applicant_not_yet_admitted_is_not_entered_as_a_member(db: Database, org: int) -> None:
    """The same person then had a member record and a development record, whose admission
    failed on the ID number (an internal error); an admitted one keeps their own."""
    from pbc_desktop.domain.development import DevelopmentStage
    from pbc_desktop.services.development.detail import get_development_detail
    from tests.development_factories import make_record

    record_id = make_record(db, "王芳", org, DevelopmentStage.CANDIDATE)
    number = get_development_detail(db, record_id, unmasked=True).id_number
    assert number
    error = refusal(db, member(org, name="王芳", id_number=number))
    assert error.fields() == ["id_number"]
    assert "尚未接收为预备党员" in error.message
    assert not privacy.contains_personal_numbers(error.message)
    assert stored(db) == []
    admitted = make_record(db, "李娜", org, DevelopmentStage.PROBATIONARY)
    member_id = get_development_detail(db, admitted).member_id
    assert member_id is not None
    data = editing.get_member_input(db, member_id)
    editing.update_member(db, member_id, replace(data, education="大学专科"))


@pytest.mark.parametrize("move", list(OrganizationMove))
def test_a_member_moved_to_another_organization_takes_their_development_record(
    db: Database, org: int, move: OrganizationMove
) -> None:
    """Only a transfer moved it: the old organization still confirmed (转正) a member on
    another's roll, and the new one could not. A move is a transfer (转出, 转入) or the
    correction of an entry error (the admission said the old organization)."""
    from pbc_desktop.db.models import DevelopmentRecord
    from pbc_desktop.domain.development import DevelopmentStage
    from pbc_desktop.services.development.detail import get_development_detail
    from tests.development_factories import make_record

    other = make_org(db, "文光村第二党支部", town="陈店镇")
    record_id = make_record(db, "李娜", org, DevelopmentStage.PROBATIONARY)
    member_id = get_development_detail(db, record_id).member_id
    assert member_id is not None
    data = editing.get_member_input(db, member_id)
    editing.update_member(db, member_id, replace(data, organization_id=other), move=move)
    with db.read() as s:
        record = s.get(DevelopmentRecord, record_id)
        assert record is not None and record.organization_id == other
    summaries = [e.summary for e in audit_entries(db)]
    if move is OrganizationMove.TRANSFER:
        last = summaries[-4:]  # the member's edit, 转出, the record going with 转入, 转入
        assert last[0] == "修改党员 李娜"
        assert last[1].startswith("党员 李娜 转出（") and last[3].startswith("党员 李娜 转入（")
        assert last[2] == "李娜的发展党员记录随组织关系转入新的党组织"
    else:
        assert summaries[-3:] == [
            "修改党员 李娜",
            "更正党员 李娜 的所在党组织（录入错误），增减记录随之更正",  # the 发展 said org
            "李娜的发展党员记录随更正后的党组织调整",
        ]


def test_id_number_ending_in_x_is_compared_case_insensitively(db: Database, org: int) -> None:
    number = make_id("19851212", "102")
    assert number.endswith("X")
    editing.create_member(db, member(org, name="林丽", id_number=number))
    error = refusal(db, member(org, name="林小丽", id_number=number.lower()))
    assert error.fields() == ["id_number"]
    assert "林丽" in error.message


def test_a_member_keeps_its_own_id_number_on_update(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org))
    editing.update_member(db, member_id, member(org, education="大学专科"))
    assert stored(db)[0].education == "大学专科"


def test_update_to_another_members_id_number_is_refused(db: Database, org: int) -> None:
    editing.create_member(db, member(org))
    lin = editing.create_member(db, member(org, name="林丽", id_number=LIN_ID))
    error = refusal(db, member(org, name="林丽", id_number=CHEN_ID), member_id=lin)
    assert error.fields() == ["id_number"]
    assert "陈伟" in error.message
    assert {m.name: m.id_number for m in stored(db)} == {"陈伟": CHEN_ID, "林丽": LIN_ID}


# -- update ----------------------------------------------------------------------------------
def test_update_stores_and_audits_before_and_after(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org, phone="13812345678"))
    new_org = make_org(db, "东山社区党支部", town="陈店镇")
    editing.update_member(
        db,
        member_id,
        member(
            new_org,
            name="陈伟华",
            phone="0754-87654321",
            category=MemberCategory.PROBATIONARY,
            status=MembershipStatus.LOST_CONTACT,
        ),
    )
    [m] = stored(db)
    assert (m.name, m.phone, m.organization_id) == ("陈伟华", "0754-87654321", new_org)
    assert (m.category, m.status) == (MemberCategory.PROBATIONARY, MembershipStatus.LOST_CONTACT)
    _create, update, *moved = audit_entries(db)  # then the transfer's 转出 and 转入
    assert [e.summary[:9] for e in moved] == ["党员 陈伟华 转出", "党员 陈伟华 转入"]
    assert update.action == AuditAction.UPDATE
    assert update.summary == "修改党员 陈伟华"
    before, after = json.loads(update.before or ""), json.loads(update.after or "")
    assert (before["phone"], after["phone"]) == ("138****5678", "075******4321")
    assert after["phone_changed"] is True
    assert (before["organization_id"], after["organization_id"]) == (org, new_org)
    assert (before["status"], after["status"]) == ("normal", "lost_contact")


def test_update_without_changes_writes_no_audit_entry(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org, joined_on=date(2012, 7, 1)))
    editing.update_member(db, member_id, editing.get_member_input(db, member_id))
    assert len(audit_entries(db)) == 1


def test_refused_update_changes_nothing(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org, phone="13812345678"))
    error = refusal(db, member(org, name="", phone="1"), member_id=member_id)
    assert sorted(error.fields()) == ["name", "phone"]
    [m] = stored(db)
    assert (m.name, m.phone) == ("陈伟", "13812345678")
    assert len(audit_entries(db)) == 1


def test_update_of_a_deleted_member(db: Database, org: int) -> None:
    with pytest.raises(NotFoundError):
        editing.update_member(db, 4242, member(org))
    with pytest.raises(NotFoundError):
        editing.get_member_input(db, 4242)


def test_get_member_input_is_unmasked(db: Database, org: int) -> None:
    member_id = make_member(
        db,
        "林丽",
        org,
        id_number=LIN_ID,
        phone="13900001111",
        gender=Gender.FEMALE,
        birth_date=date(1985, 12, 12),
        joined_on=date(2023, 7, 1),
        category=MemberCategory.PROBATIONARY,
        remark="备注",
    )
    data = editing.get_member_input(db, member_id)
    assert data == MemberInput(
        name="林丽",
        organization_id=org,
        id_number=LIN_ID,
        gender=Gender.FEMALE,
        birth_date=date(1985, 12, 12),
        joined_on=date(2023, 7, 1),
        category=MemberCategory.PROBATIONARY,
        phone="13900001111",
        remark="备注",
        version=1,  # as read, handed back with the editor's input
    )


# -- delete ----------------------------------------------------------------------------------
def test_delete_a_member_without_reports(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org))
    impact = editing.deletion_impact(db, member_id)
    assert (impact.name, impact.report_count, impact.has_records) == ("陈伟", 0, False)
    editing.delete_member(db, member_id)
    assert stored(db) == []
    entry = audit_entries(db)[-1]
    assert (entry.action, entry.summary) == (AuditAction.DELETE, "删除误录的党员 陈伟")
    assert json.loads(entry.before or "")["id_number"] == privacy.mask_id_number(CHEN_ID)
    with pytest.raises(NotFoundError):
        editing.delete_member(db, member_id)


def test_delete_with_reports_needs_confirmation_then_takes_them_along(
    db: Database, org: int
) -> None:
    to_org = make_org(db, "东山社区党支部", town="陈店镇")
    member_id = editing.create_member(db, member(org))
    make_post_report(db, member_id, to_org, services=(2.5, 1.0))
    make_post_report(db, member_id, to_org)
    keep = make_member(db, "林丽", org)
    make_post_report(db, keep, to_org, services=(3.0,))

    impact = editing.deletion_impact(db, member_id)
    assert (impact.report_count, impact.service_count, impact.service_hours) == (2, 2, 3.5)
    with pytest.raises(ConflictError) as info:
        editing.delete_member(db, member_id)
    assert "2 条报到领岗记录" in info.value.message
    assert [m.name for m in stored(db)] == ["陈伟", "林丽"]

    editing.delete_member(db, member_id, with_reports=True)
    assert [m.name for m in stored(db)] == ["林丽"]
    with db.read() as s:
        assert list(s.scalars(select(PostReport.member_id))) == [keep]
        assert list(s.scalars(select(ServiceLog.hours))) == [3.0]
    entry = audit_entries(db)[-1]
    assert entry.summary == "删除误录的党员 陈伟（含 2 条报到领岗记录、2 条服务记录）"
    before = json.loads(entry.before or "")
    assert len(before["reports"]) == 2
    assert sorted(len(r["services"]) for r in before["reports"]) == [0, 2]


def test_attendance_keeps_the_name_of_a_deleted_member(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org))
    with db.write() as s:
        activity = Activity(
            host_org_id=org,
            kind=ActivityKind.THEME_PARTY_DAY,
            title="主题党日",
            starts_at=datetime(2024, 7, 1, 9, 0),
        )
        activity.attendance = [
            Attendance(member_id=member_id, person_name="陈伟", status=AttendanceStatus.PRESENT)
        ]
        s.add(activity)
    editing.delete_member(db, member_id)
    with db.read() as s:
        [attendance] = s.scalars(select(Attendance))
        assert (attendance.person_name, attendance.member_id) == ("陈伟", None)


# -- unmasked listing ------------------------------------------------------------------------
def test_listing_and_detail_are_masked_unless_asked(db: Database, org: int) -> None:
    member_id = editing.create_member(db, member(org, phone="13812345678"))
    page = PageRequest()
    [masked] = members.list_members(db, MemberQuery(), page)
    assert (masked.id_number, masked.phone) == (CHEN_MASKED, "138****5678")
    [plain] = members.list_members(db, MemberQuery(), page, unmasked=True)
    assert (plain.id_number, plain.phone) == (CHEN_ID, "13812345678")
    detail = members.get_member_detail(db, member_id)
    assert (detail.id_number, detail.phone) == (CHEN_MASKED, "138****5678")
    detail = members.get_member_detail(db, member_id, unmasked=True)
    assert (detail.id_number, detail.phone, detail.birth_date) == (
        CHEN_ID,
        "13812345678",
        "1990-01-01",
    )


def test_unmasked_listing_shows_blank_for_missing_values(db: Database, org: int) -> None:
    make_member(db, "郑敏", org)
    [row] = members.list_members(db, MemberQuery(), PageRequest(), unmasked=True)
    assert (row.id_number, row.phone) == ("", "")


def test_a_member_with_fee_payments_is_not_deleted(db: Database, org: int) -> None:
    """Deleting a member entered by mistake took the Party fees collected from them along
    (the payments' foreign key cascades), unsaid and unaudited: a branch's totals changed."""
    member_id = editing.create_member(db, member(org))
    save_sheet(
        db, org, date(2026, 1, 1), [SheetEntry(member_id, paid=Decimal("40"))], date(2026, 1, 5)
    )
    refusal = editing.deletion_refusal(db, member_id)
    assert refusal == "党员陈伟已有 1 笔党费缴纳记录，收缴的党费须留账可查，不能删除。"
    with pytest.raises(ConflictError, match="党费缴纳记录"):
        editing.delete_member(db, member_id, with_reports=True)
    assert [m.name for m in stored(db)] == ["陈伟"]
    with db.read() as s:
        assert s.scalar(select(func.count(FeePayment.id))) == 1


def test_a_member_with_appraisal_results_is_not_deleted(db: Database, org: int) -> None:
    """Deleting a member entered by mistake took their 民主评议 grades along (the results'
    foreign key cascades), unsaid: the branch's appraisal of the year changed."""
    member_id = editing.create_member(db, member(org, joined_on=date(2020, 7, 1)))
    save_appraisal(
        db,
        AppraisalInput(org, 2025, date(2026, 1, 10), grades={member_id: AppraisalGrade.EXCELLENT}),
        today=date(2026, 1, 12),
    )
    refusal = editing.deletion_refusal(db, member_id)
    assert refusal == "党员陈伟已有 1 个年度的民主评议结果，评议结果须留档可查，不能删除。"
    with pytest.raises(ConflictError, match="民主评议结果"):
        editing.delete_member(db, member_id, with_reports=True)
    assert [m.name for m in stored(db)] == ["陈伟"]


def test_the_day_of_joining_does_not_move_past_a_fee_basis_or_payment(
    db: Database, org: int
) -> None:
    """A basis from July 2010 (refused before the month of joining), then the joining moved
    to September 2010 in the editor: taken, July and August owed before the member joined.
    Whichever is entered first, the same months are refused."""
    from pbc_desktop.domain.fees import FeeCategory
    from pbc_desktop.services.fees.basis import BasisInput, set_basis

    member_id = editing.create_member(db, member(org, joined_on=date(2010, 7, 1)))
    set_basis(db, BasisInput(member_id, date(2010, 7, 1), FeeCategory.FARMER))
    typed = editing.get_member_input(db, member_id)
    refused = refusal(db, replace(typed, joined_on=date(2010, 9, 1)), member_id)
    assert refused.fields() == ["joined_on"]
    assert refused.message == (
        "陈伟的党费缴纳基数自2010-07起，入党日期不能晚于2010-07；"
        "如入党日期确有误，请先更正缴纳基数的起始月份"
    )
    assert stored(db)[0].joined_on == date(2010, 7, 1)
    editing.update_member(db, member_id, replace(typed, joined_on=date(2010, 7, 20)))
    assert stored(db)[0].joined_on == date(2010, 7, 20)
    # a payment of a month before the basis (typed on the sheet) is named first
    other = editing.create_member(db, member(org, name="林芳", id_number=LIN_ID))
    save_sheet(db, org, date(2025, 6, 1), [SheetEntry(other, paid=Decimal("40"))], date(2025, 6, 5))
    set_basis(db, BasisInput(other, date(2025, 9, 1), FeeCategory.FARMER))
    typed = editing.get_member_input(db, other)
    refused = refusal(db, replace(typed, joined_on=date(2025, 10, 1)), other)
    assert refused.fields() == ["joined_on"]
    assert refused.message == (
        "林芳已有2025-06的党费缴纳记录，入党日期不能晚于2025-06，请核对入党日期"
    )
    editing.update_member(db, other, replace(typed, joined_on=date(2025, 6, 1)))


def test_the_day_of_joining_is_not_cleared_below_a_basis_from_before_18(
    db: Database, org: int
) -> None:
    """Joined (typed) in July 2007, a basis from September 2007; the joining date then
    cleared: taken, the basis left before the month the member turned 18 (January 2008),
    which a basis entered without a joining date may not start before (``set_basis``)."""
    from pbc_desktop.domain.fees import FeeCategory
    from pbc_desktop.services.fees.basis import BasisInput, set_basis

    member_id = editing.create_member(db, member(org, joined_on=date(2007, 7, 1)))
    set_basis(db, BasisInput(member_id, date(2007, 9, 1), FeeCategory.STUDENT))
    typed = editing.get_member_input(db, member_id)
    refused = refusal(db, replace(typed, joined_on=None), member_id)
    assert refused.fields() == ["joined_on"]
    assert refused.message == (
        "陈伟的党费缴纳基数自2007-09起，早于其年满18周岁的月份（2008-01），入党日期不能清空；"
        "请核对入党日期"
    )
    assert stored(db)[0].joined_on == date(2007, 7, 1)
    # a member whose bases start once they were 18 may have it cleared
    other = editing.create_member(
        db, member(org, name="林芳", id_number=LIN_ID, joined_on=date(2010, 7, 1))
    )
    set_basis(db, BasisInput(other, date(2010, 7, 1), FeeCategory.FARMER))
    editing.update_member(db, other, replace(editing.get_member_input(db, other), joined_on=None))
    assert stored(db)[1].joined_on is None
