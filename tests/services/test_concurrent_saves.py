"""Two clerks at once: the second of two saves of one thing (a year's evaluation, a month's
fee basis, a name, a year's indicator system) is told in a sentence, never given a database
error; a save made impossible by another PC's delete (or a delete made impossible by
another PC's save) is refused in a sentence, nothing half-written.

On the server the other clerk's save is held open in a transaction while ours runs in a
thread (as ``test_numbering_locks`` does); on SQLite writers queue, so only the stale-edit
checks apply there."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import (
    Activity,
    Appraisal,
    Assessment,
    Claim,
    Committee,
    Community,
    CommunityType,
    DevelopmentRecord,
    FeeBasis,
    FeePayment,
    FeeRate,
    IndicatorSet,
    ListItem,
    Organization,
    PartyMember,
    PostEvaluation,
    ServiceLog,
    SyncConflict,
    User,
)
from pbc_desktop.domain.enums import (
    ActivityKind,
    AssessmentStatus,
    ClaimMode,
    CoBuildType,
    CommunityStatus,
    EvaluationResult,
    Grade,
    ItemStatus,
    OrgField,
    OrgKind,
    OrgLevel,
    PostReportStatus,
    UserRole,
)
from pbc_desktop.domain.fees import DEFAULT_SCHEDULE, FeeCategory, PaymentKind
from pbc_desktop.domain.member_rules import MemberInput
from pbc_desktop.domain.terms import CommitteePost
from pbc_desktop.errors import ConflictError, StaleEditError, ValidationError
from pbc_desktop.services import access, communities, member_editing, organizations, reminders
from pbc_desktop.services.accounts import users
from pbc_desktop.services.appraisals import grid
from pbc_desktop.services.assessments import indicator_sets, scoring
from pbc_desktop.services.development import records
from pbc_desktop.services.exchange.merge import MergeResult
from pbc_desktop.services.fees import rates
from pbc_desktop.services.fees.basis import BasisInput, set_basis
from pbc_desktop.services.fees.collection import SheetEntry, collection_sheet, save_sheet
from pbc_desktop.services.lists import editing as list_editing
from pbc_desktop.services.post_reports import evaluations, reports
from pbc_desktop.services.terms import committees
from pbc_desktop.services.versions import NONE_YET
from tests.assessment_factories import YEAR, running_communities
from tests.development_factories import TODAY, applicant
from tests.factories import complete_fields, make_community, make_member, make_org, new_member
from tests.fee_factories import JAN, member_with_basis
from tests.list_factories import setup_community
from tests.post_report_factories import report_input, setup_posts
from tests.services.exchange.helpers import TOWN, VILLAGE, merge_into, office_db, owned_by, send
from tests.services.test_row_versions import client

server_only = pytest.mark.server_only("two transactions of two clients at the same moment")
GONE = "与此记录相关的记录刚被其他人删除或修改"


def while_another_saves(
    db: Database,
    theirs: Callable[[Session], object],
    ours: Callable[[Database], object],
    *,
    group: tuple[Hashable, ...] | None = None,
) -> object:
    """Run ``ours`` (as 李四) while 张三's save, ``theirs`` (holding ``group``'s lock as the
    service does), is not yet committed; then commit it. What ``ours`` returned or raised."""
    holder, other = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(ours(other))
        except Exception as exc:  # the test reads it
            outcome.append(exc)

    job = threading.Thread(target=run)
    try:
        with holder.write() as s:
            if group is not None:
                lock_groups(s, [group])
            theirs(s)
            s.flush()
            job.start()
            _wait_until_blocked(s, job)
        job.join(15)
    finally:
        holder.dispose()
        other.dispose()
    assert len(outcome) == 1
    return outcome[0]


def _wait_until_blocked(s: Session, job: threading.Thread, timeout: float = 15) -> None:
    """Until 李四's statement waits for a lock of 张三's transaction (another connection of
    this database in ``pg_stat_activity``'s lock wait). A fixed pause was not enough on a
    loaded machine: 李四 had not reached the statement yet, so ran after 张三's commit and
    met another refusal than the one the test is about."""
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert job.is_alive(), "李四's save ended without waiting for 张三's transaction"
        s.execute(text("SELECT pg_stat_clear_snapshot()"))  # else one view a transaction
        if s.scalar(waiting):
            return
        time.sleep(0.05)
    pytest.fail("李四's save never waited for 张三's transaction")


# -- the yearly evaluation of a post report: an editor like any other -------------------


def _report(db: Database) -> int:
    setup = setup_posts(db)
    return reports.report_member(db, setup.member, report_input(setup))


def test_the_second_evaluation_of_a_year_is_refused_and_the_first_stays(db: Database) -> None:
    report_id = _report(db)
    first, second = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")

    def both_save(read: int, ours: EvaluationResult, theirs: EvaluationResult) -> None:
        """Two editors opened at ``read``: 张三's save stands, 李四's is refused."""
        evaluations.set_evaluation(
            first, report_id, evaluations.EvaluationInput(2024, ours, "改", version=read)
        )
        with pytest.raises(StaleEditError, match="该记录已被 张三 于 "):
            evaluations.set_evaluation(
                second, report_id, evaluations.EvaluationInput(2024, theirs, version=read)
            )
        stored = evaluations.get_evaluation(db, report_id, 2024)
        assert stored is not None and (stored.result, stored.remark) == (ours, "改")

    try:
        assert evaluations.get_evaluation(first, report_id, 2024) is None
        both_save(NONE_YET, EvaluationResult.EXCELLENT, EvaluationResult.UNQUALIFIED)
        stored = evaluations.get_evaluation(db, report_id, 2024)
        assert stored is not None
        both_save(stored.version, EvaluationResult.QUALIFIED, EvaluationResult.EXCELLENT)
    finally:
        first.dispose()
        second.dispose()


def test_an_evaluation_without_a_read_version_is_not_checked(db: Database) -> None:
    report_id = _report(db)
    for result in (EvaluationResult.EXCELLENT, EvaluationResult.QUALIFIED):
        evaluations.set_evaluation(db, report_id, evaluations.EvaluationInput(2024, result))
    stored = evaluations.get_evaluation(db, report_id, 2024)
    assert stored is not None and stored.result == EvaluationResult.QUALIFIED


def test_leaving_the_post_over_a_remark_changed_meanwhile_is_refused(db: Database) -> None:
    """The 离岗 dialog shows the report's remark and saves it back: not over another's."""
    setup = setup_posts(db)
    report_id = reports.report_member(db, setup.member, report_input(setup, remark="原备注"))
    read = reports.get_report(db, report_id).version
    reports.update_report(  # another window corrects the remark meanwhile
        db, report_id, replace(report_input(setup, remark="新备注"), version=read)
    )
    with pytest.raises(StaleEditError, match="该记录已被"):
        reports.end_report(
            db, report_id, reports.EndInput(date(2023, 12, 31), "原备注", version=read)
        )
    after = reports.get_report(db, report_id)
    assert (after.status, after.remark) == (PostReportStatus.ACTIVE, "新备注")
    reports.end_report(
        db, report_id, reports.EndInput(date(2023, 12, 31), "调动", version=after.version)
    )
    assert reports.get_report(db, report_id).remark == "调动"


@server_only
def test_two_evaluations_of_one_year_entered_at_once(db: Database) -> None:
    report_id = _report(db)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            PostEvaluation(report_id=report_id, year=2024, result=EvaluationResult.EXCELLENT)
        ),
        lambda other: evaluations.set_evaluation(
            other,
            report_id,
            evaluations.EvaluationInput(2024, EvaluationResult.UNQUALIFIED, version=NONE_YET),
        ),
        group=("post_evaluation", report_id, 2024),
    )
    assert isinstance(outcome, StaleEditError), outcome
    stored = evaluations.get_evaluation(db, report_id, 2024)
    assert stored is not None and stored.result == EvaluationResult.EXCELLENT


# -- unique things made at the same moment (the server) ---------------------------------


@server_only
def test_two_communities_of_one_name_created_at_once(db: Database) -> None:
    a, b = make_org(db), make_org(db)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            Community(
                name="和平党建共同体",
                status=CommunityStatus.APPLIED,
                lead_org_id=a,
                types=[CommunityType(type=CoBuildType.CROSS_FIELD)],
            )
        ),
        lambda other: communities.create_community(
            other,
            communities.CommunityInput(
                name="和平党建共同体",
                types=(CoBuildType.CROSS_FIELD,),
                lead_org_id=a,
                member_org_ids=(a, b),
            ),
        ),
    )
    assert isinstance(outcome, ValidationError), outcome
    assert outcome.errors[0].field == "name"
    assert "已有名为「和平党建共同体」的共同体" in outcome.message


@server_only
def test_two_members_of_one_id_number_added_at_once(db: Database) -> None:
    org = make_org(db, "甲村党支部")
    fields = complete_fields()
    outcome = while_another_saves(
        db,
        lambda s: s.add(new_member("陈伟", org, **fields)),
        lambda other: member_editing.create_member(
            other, MemberInput(name="陈小伟", organization_id=org, **fields)
        ),
    )
    assert isinstance(outcome, ValidationError), outcome
    assert outcome.errors[0].field == "id_number"
    assert "该身份证号已登记为“甲村党支部”的党员陈伟" in outcome.message


@server_only
def test_two_community_names_that_read_the_same_saved_at_once(db: Database) -> None:
    """A space apart: the unique index would let both in."""
    a, b = make_org(db), make_org(db)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            Community(name="和平党建共同体", status=CommunityStatus.APPLIED, lead_org_id=a)
        ),
        lambda other: communities.create_community(
            other,
            communities.CommunityInput("和平 党建共同体", (CoBuildType.CROSS_FIELD,), a, (a, b)),
        ),
        group=communities.NAMES,
    )
    assert isinstance(outcome, ValidationError), outcome
    assert "已有名为「和平 党建共同体」的共同体" in outcome.message


@server_only
def test_two_organization_names_that_read_the_same_saved_at_once(db: Database) -> None:
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            Organization(
                name="和平村党支部",
                kind=OrgKind.BRANCH,
                field=OrgField.RURAL,
                level=OrgLevel.VILLAGE,
                town="成田镇",
            )
        ),
        lambda other: organizations.create_organization(
            other,
            organizations.OrgInput(
                "和平村 党支部", OrgKind.BRANCH, OrgField.RURAL, OrgLevel.VILLAGE, town="成田镇"
            ),
        ),
        group=organizations.NAMES,
    )
    assert isinstance(outcome, ValidationError), outcome
    assert outcome.errors[0].field == "name"


@server_only
def test_two_fee_bases_of_one_month_entered_at_once(db: Database) -> None:
    member = make_member(db, "陈伟", make_org(db), joined_on=date(2000, 7, 1))
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            FeeBasis(
                member_id=member,
                effective_from=JAN,
                category=FeeCategory.EMPLOYED,
                income_cents=400000,
            )
        ),
        lambda other: set_basis(
            other,
            BasisInput(member, JAN, FeeCategory.EMPLOYED, income=Decimal("5000"), version=NONE_YET),
        ),
        group=("fee_basis", member, JAN),
    )
    assert isinstance(outcome, StaleEditError), outcome
    with db.read() as s:
        assert s.scalar(select(FeeBasis.income_cents).where(FeeBasis.member_id == member)) == (
            400000
        )


@server_only
def test_two_fee_sheets_of_one_branch_saved_at_once(db: Database) -> None:
    org = make_org(db)
    member = member_with_basis(db, "陈伟", org)
    sheet = collection_sheet(db, org, JAN)
    paid = date(2026, 1, 15)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            FeePayment(
                member_id=member,
                organization_id=org,
                fee_month=JAN,
                collected_in=JAN,
                paid_on=paid,
                kind=PaymentKind.ON_TIME,
                due_cents=100,
                amount_cents=100,
            )
        ),
        lambda other: save_sheet(
            other,
            org,
            JAN,
            [SheetEntry(member, paid=sheet.rows[0].standard)],
            paid_on=paid,
            read_stamp=sheet.stamp,
        ),
        group=("fee_sheet", org),
    )
    assert isinstance(outcome, StaleEditError), outcome
    with db.read() as s:
        assert s.scalar(select(func.count(FeePayment.id))) == 1


@server_only
def test_one_months_fee_rates_entered_twice_at_once(db: Database) -> None:
    start = date(2027, 1, 1)
    schedule = replace(DEFAULT_SCHEDULE, effective_from=start)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            FeeRate(effective_from=start, category=FeeCategory.FARMER, fixed_cents=200)
        ),
        lambda other: rates.set_schedule(other, schedule, NONE_YET),
        group=("fee_rates", start),
    )
    assert isinstance(outcome, StaleEditError), outcome
    with db.read() as s:
        assert s.scalar(select(func.count(FeeRate.id)).where(FeeRate.effective_from == start)) == 1


@server_only
def test_two_indicator_systems_of_one_year_created_at_once(db: Database) -> None:
    outcome = while_another_saves(
        db,
        lambda s: s.add(IndicatorSet(year=2031, name="2031年度考核")),
        lambda other: indicator_sets.create_indicator_set(other, 2031),
        group=("indicator_set", 2031),
    )
    assert isinstance(outcome, ConflictError), outcome
    assert "2031 年已有标准体系" in outcome.message


@server_only
def test_one_assessment_started_twice_at_once_is_one(db: Database) -> None:
    (community,) = running_communities(db, "和平党建共同体")
    set_id = indicator_sets.create_indicator_set(db, YEAR)
    holding: list[int] = []

    def theirs(s: Session) -> None:
        assessment = Assessment(
            set_id=set_id, community_id=community, status=AssessmentStatus.DRAFT, grade=Grade.FAIL
        )
        s.add(assessment)
        s.flush()
        holding.append(assessment.id)

    outcome = while_another_saves(
        db,
        theirs,
        lambda other: scoring.start_assessment(other, community, YEAR),
        group=("assessment", set_id, community),
    )
    assert outcome == holding[0]


@server_only
def test_one_applicant_entered_twice_at_once(db: Database) -> None:
    org = make_org(db)
    data = applicant(db, "王申请", org)
    outcome = while_another_saves(
        db,
        lambda s: records.add_applicant(s, access.of(db, s), data, TODAY),
        lambda other: records.create_applicant(other, data, today=TODAY),
        group=("development_id_numbers",),
    )
    assert isinstance(outcome, ValidationError), outcome
    assert "该身份证号已登记（王申请）" in outcome.message
    with db.read() as s:
        assert s.scalar(select(func.count(DevelopmentRecord.id))) == 1


@server_only
def test_one_years_appraisal_entered_twice_at_once(db: Database) -> None:
    org = make_org(db, founded_on=date(2000, 1, 1))
    make_member(db, "张三", org, joined_on=date(2001, 7, 1))
    outcome = while_another_saves(
        db,
        lambda s: s.add(Appraisal(organization_id=org, year=2025, held_on=date(2026, 1, 10))),
        lambda other: grid.save_appraisal(
            other,
            grid.AppraisalInput(org, 2025, date(2026, 1, 12), version=NONE_YET),
            today=TODAY,
        ),
        group=("appraisal", org, 2025),
    )
    assert isinstance(outcome, StaleEditError), outcome
    with db.read() as s:
        assert s.scalar(select(Appraisal.held_on)) == date(2026, 1, 10)


@server_only
def test_one_new_committee_term_recorded_twice_at_once(db: Database) -> None:
    org = make_org(db)
    seats = (committees.Seat("王书记", CommitteePost.SECRETARY),)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            Committee(organization_id=org, term_no=5, elected_on=date(2024, 6, 1), term_years=5)
        ),
        lambda other: committees.record_committee(
            other, committees.CommitteeInput(org, 5, date(2024, 6, 2), 5, seats)
        ),
        group=("committee", org),
    )
    assert isinstance(outcome, ValidationError), outcome
    assert "第5届班子已登记" in outcome.message
    with db.read() as s:
        assert s.scalar(select(func.count(Committee.id))) == 1


@server_only
def test_one_user_name_taken_twice_at_once(db: Database) -> None:
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            User(username="li", display_name="李书记", unit="甲村", role=UserRole.VILLAGE)
        ),
        lambda other: users.create_user(
            other, users.UserInput("li", "李四", "乙村", UserRole.DISTRICT), "Village-pass-1"
        ),
        group=users.ACCOUNTS,
    )
    assert isinstance(outcome, ValidationError), outcome
    assert "用户名“li”已被使用" in outcome.message


@server_only
def test_two_administrators_disabling_each_other_at_once_leave_one(db: Database) -> None:
    """Each counted the other as an administrator left, and the database had none: then
    ``pbc user add NAME --role district`` or the window's first-administrator form makes
    one for whoever comes."""

    def zhangsan_disables_the_others(s: Session) -> None:
        s.execute(
            text(
                "UPDATE app_user SET active = false, version = version + 1 "
                "WHERE username IN ('tester', 'lisi')"
            )
        )

    outcome = while_another_saves(
        db,
        zhangsan_disables_the_others,
        lambda li: users.set_active(li, users.user_id_by_name(li, "zhangsan"), False),
        group=users.ACCOUNTS,
    )
    assert isinstance(outcome, ConflictError) and "最后一个管理员" in outcome.message, outcome
    assert not users.needs_first_admin(db)


# -- a delete and a save referring to it (the server) -----------------------------------


@server_only
def test_an_organization_deleted_while_a_member_is_moved_into_it(db: Database) -> None:
    home, target = make_org(db), make_org(db, "新党支部")
    member = make_member(db, "陈伟", home)

    def theirs(s: Session) -> None:
        moved = s.get(PartyMember, member)
        assert moved is not None
        moved.organization_id = target

    outcome = while_another_saves(
        db, theirs, lambda other: organizations.delete_organization(other, target)
    )
    assert isinstance(outcome, StaleEditError) and GONE in outcome.message, outcome
    with db.read() as s:
        assert s.get(Organization, target) is not None
        assert s.scalar(select(PartyMember.organization_id)) == target


@server_only
def test_a_community_deleted_while_an_activity_is_saved_into_it(db: Database) -> None:
    community = make_community(db, "和平党建共同体", [make_org(db), make_org(db)])
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            Activity(
                community_id=community,
                kind=ActivityKind.THEME_PARTY_DAY,
                title="主题党日",
                starts_at=datetime(2026, 3, 1, 9),
            )
        ),
        lambda other: communities.delete_community(other, community),
    )
    assert isinstance(outcome, StaleEditError) and GONE in outcome.message, outcome
    with db.read() as s:
        assert s.get(Community, community) is not None


def test_a_foreign_key_refusal_is_the_sentence_with_the_database_error_behind_it(
    db: Database,
) -> None:
    """On either database: a save referring to a record that is not there (another PC
    deleted it) is refused in words, the driver's error kept as its cause for the log."""
    with pytest.raises(StaleEditError, match=GONE) as refused, db.write() as s:
        s.add(PartyMember(name="陈伟", organization_id=999_999))
    assert isinstance(refused.value.__cause__, IntegrityError)
    with db.read() as s:
        assert s.scalar(select(func.count(PartyMember.id))) == 0


# -- the district's reminder rules: an editor like the 三会一课 schedule's ---------------


def test_the_second_save_of_the_reminder_rules_is_refused(db: Database) -> None:
    first, second = client(db, "zhangsan", "张三"), client(db, "lisi", "李四")
    try:
        for months in (6, 9):  # none saved yet, then saved
            shown, version = reminders.rules_to_edit(first)
            assert (version == NONE_YET) is (months == 6)
            reminders.set_rules(first, {**shown, ActivityKind.TRAINING: months}, version)
            with pytest.raises(StaleEditError, match="该记录已被 张三 于 "):
                reminders.set_rules(second, {ActivityKind.TRAINING: 2}, version)
            assert reminders.get_rules(db)[ActivityKind.TRAINING] == months
        reminders.set_rules(second, {}, reminders.rules_to_edit(second)[1])
        assert reminders.get_rules(db) == {}  # none: the defaults do not come back
    finally:
        first.dispose()
        second.dispose()


# -- a package received while a clerk saves a record it changes (the server) ------------


@server_only
def test_a_package_received_while_a_clerk_saves_its_record_keeps_the_clerks_change(
    db: Database, tmp_path: Path
) -> None:
    """The package read the record before the clerk's save committed: it must see that
    save (a change here, a conflict for a person), not write over it unseen."""
    village = office_db(tmp_path, "village")
    try:
        member = make_member(village, "陈小明", make_org(village, "上底村党支部"), complete=True)
        merge_into(db, send(village, TOWN), owned_by(VILLAGE))
        with village.write() as s:
            changed = s.get(PartyMember, member)
            assert changed is not None
            changed.work_unit = "村里改的"
        package = send(village, TOWN)
    finally:
        village.dispose()

    def clerk_saves(s: Session) -> None:
        here = s.scalars(select(PartyMember).where(PartyMember.name == "陈小明")).one()
        here.work_unit = "镇上改的"

    outcome = while_another_saves(
        db, clerk_saves, lambda other: merge_into(other, package, owned_by(VILLAGE))
    )
    assert isinstance(outcome, MergeResult), outcome
    assert outcome.conflicts == 1  # the owner's version stands, the clerk's is kept
    with db.read() as s:
        assert s.scalar(select(PartyMember.work_unit)) == "村里改的"
        assert "镇上改的" in s.scalars(select(SyncConflict.other)).one()


@server_only
def test_a_member_deleted_while_their_fee_payment_is_recorded(db: Database) -> None:
    """The payment goes with the member by its cascading key: the deletion must see it."""
    org = make_org(db)
    member = member_with_basis(db, "陈伟", org)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            FeePayment(
                member_id=member,
                organization_id=org,
                fee_month=JAN,
                collected_in=JAN,
                paid_on=date(2026, 1, 15),
                kind=PaymentKind.ON_TIME,
                due_cents=100,
                amount_cents=100,
            )
        ),
        lambda other: member_editing.delete_member(other, member),
    )
    assert isinstance(outcome, ConflictError), outcome
    with db.read() as s:
        assert s.get(PartyMember, member) is not None
        assert s.scalar(select(func.count(FeePayment.id))) == 1


@server_only
def test_a_post_report_deleted_while_a_service_entry_is_saved_to_it(db: Database) -> None:
    report_id = _report(db)
    outcome = while_another_saves(
        db,
        lambda s: s.add(
            ServiceLog(report_id=report_id, served_on=date(2023, 5, 1), hours=2, content="宣讲")
        ),
        lambda other: reports.delete_report(other, report_id),
    )
    assert isinstance(outcome, ConflictError), outcome
    assert "已有1条服务记录" in outcome.message
    with db.read() as s:
        assert s.scalar(select(func.count(ServiceLog.id))) == 1


@server_only
def test_a_list_deleted_while_one_of_its_items_is_claimed(db: Database) -> None:
    setup = setup_community(db)
    item_id = list_editing.add_item(db, setup.list_id, list_editing.ItemInput(title="修缮村道"))

    def claim(s: Session) -> None:
        item = s.get(ListItem, item_id)
        assert item is not None
        item.status = ItemStatus.CLAIMED
        s.add(
            Claim(
                item_id=item_id,
                mode=ClaimMode.SINGLE,
                lead_org_id=setup.orgs[0],
                claimed_on=date(2026, 3, 2),
            )
        )

    outcome = while_another_saves(
        db, claim, lambda other: list_editing.delete_list(other, setup.list_id)
    )
    assert isinstance(outcome, ConflictError), outcome
    assert "有1个事项已在办理" in outcome.message  # why, not only that it changed
    with db.read() as s:
        assert s.scalar(select(func.count(Claim.id))) == 1
