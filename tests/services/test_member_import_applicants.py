"""Roster rows of 入党申请人, 入党积极分子 and 发展对象 (issue 18 item 2): recognised at their
stage with their dates, set aside unless asked, then entered as 发展党员 records in the
member import's own transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, DevelopmentRecord, PartyMember
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step
from pbc_desktop.errors import PermissionDeniedError, UserError
from pbc_desktop.services import member_import as mi
from pbc_desktop.services.development import listing
from pbc_desktop.services.paging import PageRequest
from tests.development_factories import TODAY, make_record
from tests.factories import make_id, make_member, make_org
from tests.import_factories import database_state, write_roster
from tests.scope_factories import two_towns, village_actor

ORG = "大溪坝村党总支"
HEADERS = (
    "姓名",
    "身份证号",
    "所在党支部",
    "政治面貌",
    "递交入党申请书日期",
    "积极分子确立日期",
    "发展对象确立日期",
)
ID_M = make_id("19850302", "123")  # a member
ID_A = make_id("19980402", "224")  # an applicant
ID_B = make_id("19970115", "331")  # an activist
ID_C = make_id("19960610", "442")  # a candidate


@pytest.fixture
def org_id(db: Database) -> int:
    return make_org(db, ORG, town="大溪镇")


def roster(
    tmp_path: Path, rows: list[tuple[object, ...]], headers: tuple[str, ...] = HEADERS
) -> Path:
    return write_roster(tmp_path / "名册.xlsx", rows, headers=headers)


def mixed(tmp_path: Path) -> Path:
    return roster(
        tmp_path,
        [
            ("党员甲", ID_M, ORG, "中共党员", "", "", ""),
            ("申请乙", ID_A, ORG, "入党申请人", "2025-03-01", "", ""),
            ("积极丙", ID_B, ORG, "入党积极分子", "2024-01-10", "2024-05-20", ""),
            ("对象丁", ID_C, ORG, "发展对象", "2023-02-01", "2023-06-01", "2024-07-01"),
        ],
    )


def read(db: Database, path: Path, **kw: object) -> mi.ImportPreview:
    return mi.read_members(db, path, today=TODAY, **kw)  # type: ignore[arg-type]


def stored_records(db: Database) -> list[tuple[str, Stage, list[tuple[Step, date]]]]:
    with db.read() as s:
        records = s.scalars(select(DevelopmentRecord).order_by(DevelopmentRecord.id)).all()
        return [
            (
                r.name,
                r.stage,
                sorted(((e.kind, e.occurred_on) for e in r.steps), key=lambda x: x[1]),
            )
            for r in records
        ]


def test_each_stage_is_recognised_with_its_dates(db: Database, org_id: int, tmp_path: Path) -> None:
    preview = read(db, mixed(tmp_path))
    assert preview.bad_rows() == []
    assert [(r.name, r.stage) for r in preview.rows] == [
        ("党员甲", None),
        ("申请乙", Stage.APPLICANT),
        ("积极丙", Stage.ACTIVIST),
        ("对象丁", Stage.CANDIDATE),
    ]
    steps = preview.rows[3].steps
    assert steps is not None and steps.applied_on == date(2023, 2, 1)
    assert steps.steps == ((Step.ACTIVIST, date(2023, 6, 1)), (Step.CANDIDATE, date(2024, 7, 1)))
    counts = preview.counts()
    assert (counts.total, counts.new, counts.bad, counts.applicants) == (4, 1, 0, 3)
    assert (
        mi.applicants_offer(counts.people)
        == "3 行是入党申请人/积极分子/发展对象，可作为发展党员导入"
    )


def test_by_default_they_are_set_aside(db: Database, org_id: int, tmp_path: Path) -> None:
    preview = read(db, mixed(tmp_path))
    result = mi.apply_import(db, preview, today=TODAY)
    assert (result.imported, result.bad, result.applicants_set_aside) == (1, 0, 3)
    assert "另有 3 行是入党申请人、积极分子或发展对象，未导入" in result.summary()
    assert stored_records(db) == []
    with db.read() as s:
        assert s.scalar(select(func.count(PartyMember.id))) == 1


def test_asked_they_are_entered_at_their_stage(db: Database, org_id: int, tmp_path: Path) -> None:
    preview = read(db, mixed(tmp_path)).with_applicants(True)
    result = mi.apply_import(db, preview, today=TODAY)
    assert (result.imported, result.applicants_added) == (1, 3)
    assert "发展党员：新增 3 名，更新 0 名，跳过已有 0 名" in result.summary()
    assert stored_records(db) == [
        ("申请乙", Stage.APPLICANT, [(Step.APPLICATION, date(2025, 3, 1))]),
        (
            "积极丙",
            Stage.ACTIVIST,
            [(Step.APPLICATION, date(2024, 1, 10)), (Step.ACTIVIST, date(2024, 5, 20))],
        ),
        (
            "对象丁",
            Stage.CANDIDATE,
            [
                (Step.APPLICATION, date(2023, 2, 1)),
                (Step.ACTIVIST, date(2023, 6, 1)),
                (Step.CANDIDATE, date(2024, 7, 1)),
            ],
        ),
    ]
    # the 发展党员 tab's listing shows them, in the account's scope
    rows = listing.list_development(db, listing.DevelopmentQuery(), PageRequest(0, 50), today=TODAY)
    assert sorted((r.name, r.stage) for r in rows) == [
        ("对象丁", Stage.CANDIDATE),
        ("申请乙", Stage.APPLICANT),
        ("积极丙", Stage.ACTIVIST),
    ]
    # audited with the ID number masked
    with db.read() as s:
        texts = [
            f"{e.summary} {e.before or ''} {e.after or ''}"
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.entity == DevelopmentRecord.__tablename__)
            )
        ]
    assert any("登记入党申请人 积极丙" in text for text in texts)
    assert not any(number in text for text in texts for number in (ID_A, ID_B, ID_C))


def test_a_missing_date_is_a_row_error_naming_the_column(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = roster(
        tmp_path,
        [
            ("积极丙", ID_B, ORG, "入党积极分子", "2024-01-10", "", ""),
            ("申请乙", ID_A, ORG, "入党申请人", "", "", ""),
        ],
    )
    preview = read(db, path)
    assert [p.line() for p in preview.bad_rows()] == [
        "第2行：入党积极分子须填写“积极分子确立日期”",
        "第3行：入党申请人须填写“递交入党申请书日期”",
    ]
    assert preview.counts().people == 0


def test_a_column_the_roster_lacks_is_named(db: Database, org_id: int, tmp_path: Path) -> None:
    path = roster(
        tmp_path,
        [("积极丙", ID_B, ORG, "积极分子", "2024-01-10")],
        headers=HEADERS[:5],
    )
    assert [p.line() for p in read(db, path).bad_rows()] == [
        "第2行：入党积极分子须填写确定入党积极分子日期（名册中没有“确定入党积极分子日期”列，请加上）"
    ]


def test_the_development_rules_check_the_dates(db: Database, org_id: int, tmp_path: Path) -> None:
    young = make_id("20080301", "224")
    path = roster(
        tmp_path,
        [
            ("年少甲", young, ORG, "入党申请人", "2025-03-01", "", ""),
            ("太早乙", ID_C, ORG, "发展对象", "2023-02-01", "2023-06-01", "2024-01-01"),
            ("将来丙", ID_A, ORG, "入党申请人", "2027-01-01", "", ""),
        ],
    )
    assert [p.line() for p in read(db, path).bad_rows()] == [
        "第2行：递交入党申请书时须年满18周岁（出生日期2008-03-01，递交时17岁）",
        "第3行：确定为入党积极分子满一年后才能确定为发展对象（最早2024-06-01）",
        "第4行：递交申请书的日期不能晚于今天",
    ]


def test_a_league_member_with_an_application_date_is_an_applicant(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = roster(
        tmp_path,
        [
            ("团员甲", ID_A, ORG, "共青团员", "2025-03-01", "", ""),
            ("群众乙", ID_B, ORG, "群众", "2024-01-10", "2024-05-20", ""),
            ("群众丙", ID_C, ORG, "群众", "", "", ""),
            ("民主丁", make_id("19900101", "551"), ORG, "九三学社社员", "2025-03-01", "", ""),
        ],
    )
    preview = read(db, path)
    assert [r.stage for r in preview.rows] == [Stage.APPLICANT, Stage.ACTIVIST, None, None]
    assert [p.row for p in preview.bad_rows()] == [4, 5]
    assert "不是中共党员" in preview.bad_rows()[0].reason


def test_a_members_pipeline_dates_are_not_checked(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = roster(tmp_path, [("党员甲", ID_M, ORG, "中共党员", "不详", "2024-13-01", "")])
    preview = read(db, path)
    assert preview.bad_rows() == [] and preview.rows[0].stage is None


def test_a_member_is_not_an_applicant(db: Database, org_id: int, tmp_path: Path) -> None:
    make_member(db, "党员甲", org_id, id_number=ID_A)
    path = roster(tmp_path, [("党员甲", ID_A, ORG, "入党申请人", "2025-03-01", "", "")])
    assert [p.line() for p in read(db, path).bad_rows()] == [
        "第2行：该身份证号已是党员名册中的党员，不能再作为入党申请人、积极分子或发展对象导入"
    ]


def test_a_stored_applicant_is_skipped_or_updated(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    record_id = make_record(db, "积极丙", org_id, Stage.APPLICANT, applied_on=date(2024, 1, 10))
    with db.read() as s:
        number = s.get(DevelopmentRecord, record_id).id_number  # type: ignore[union-attr]
    path = roster(
        tmp_path,
        [("积极丙", number, ORG, "入党积极分子", "2024-01-10", "2024-05-20", "")],
    )
    preview = read(db, path).with_applicants(True)
    assert (preview.counts().applicants, preview.counts().applicants_present) == (0, 1)
    skipped = mi.apply_import(db, preview, today=TODAY)
    assert (skipped.applicants_added, skipped.applicants_skipped) == (0, 1)
    assert stored_records(db)[0][1] is Stage.APPLICANT
    updated = mi.apply_import(db, preview, on_duplicate="update", today=TODAY)
    assert updated.applicants_updated == 1
    assert stored_records(db) == [
        (
            "积极丙",
            Stage.ACTIVIST,
            [
                (Step.APPLICATION, date(2024, 1, 10)),
                (Step.ACTIVIST, date(2024, 5, 20)),
            ],
        )
    ]
    again = mi.apply_import(
        db, read(db, path).with_applicants(True), on_duplicate="update", today=TODAY
    )
    assert (again.applicants_updated, again.applicants_skipped) == (0, 1)


def test_a_refused_applicant_leaves_nothing_written(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    preview = read(db, mixed(tmp_path)).with_applicants(True)
    make_member(db, "积极丙", org_id, id_number=ID_B)  # a member meanwhile
    with pytest.raises(UserError) as caught:
        mi.apply_import(db, preview, today=TODAY)
    assert str(caught.value).startswith("第 4 行（积极丙）不能作为发展党员导入：该身份证号已登记")
    assert stored_records(db) == []
    with db.read() as s:
        assert s.scalar(select(func.count(PartyMember.id))) == 1  # the one made above


def test_the_national_systems_list_imports_its_activists(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    headers = (
        "序号",
        "姓名",
        "公民身份证号码",
        "出生日期",
        "申请入党日期",
        "政治面貌",
        "确定入党积极分子日期",
        "加入党组织日期",
        "人员类别",
        "所在党支部",
    )
    path = roster(
        tmp_path,
        [
            (
                1,
                "党员甲",
                ID_M,
                "1985-03-02",
                "2004-03-01",
                "中共党员",
                "2004-09-01",
                "2006-07-01",
                "正式党员",
                ORG,
            ),
            (
                2,
                "积极丙",
                ID_B,
                "1997-01-15",
                "2024-01-10",
                "入党积极分子",
                "2024-05-20",
                "",
                "",
                ORG,
            ),
        ],
        headers=headers,
    )
    preview = read(db, path)
    assert preview.bad_rows() == []
    assert [r.stage for r in preview.rows] == [None, Stage.ACTIVIST]
    result = mi.apply_import(db, preview.with_applicants(True), today=TODAY)
    assert (result.imported, result.applicants_added) == (1, 1)
    assert stored_records(db) == [
        (
            "积极丙",
            Stage.ACTIVIST,
            [(Step.APPLICATION, date(2024, 1, 10)), (Step.ACTIVIST, date(2024, 5, 20))],
        )
    ]


def test_reading_writes_nothing(db: Database, org_id: int, tmp_path: Path) -> None:
    state = database_state(db)
    preview = read(db, mixed(tmp_path), create_orgs=True).with_applicants(True)
    assert preview.counts().people == 3
    assert database_state(db) == state


def test_a_village_account_enters_only_its_own_applicants(db: Database, tmp_path: Path) -> None:
    world = two_towns(db)
    make_record(db, "乙村的人", world.yi_one)  # another organization's record
    with db.read() as s:
        theirs = s.scalars(select(DevelopmentRecord.id_number)).one()
    db.user = village_actor(db, world.jia_two)
    path = roster(
        tmp_path,
        [
            ("甲村的人", ID_A, "甲二村党支部", "入党申请人", "2025-03-01", "", ""),
            ("乙村的人", theirs, "甲二村党支部", "入党申请人", "2023-03-01", "", ""),
            ("乙一的人", ID_B, "乙一村党支部", "入党申请人", "2025-03-01", "", ""),
        ],
    )
    preview = read(db, path).with_applicants(True)
    assert [p.line() for p in preview.bad_rows()] == [
        "第4行：所在党组织“乙一村党支部”在系统中不存在"
    ]
    with pytest.raises(PermissionDeniedError, match="第 3 行"):
        mi.apply_import(db, preview, on_duplicate="update", valid_only=True, today=TODAY)
    result = mi.apply_import(db, preview, valid_only=True, today=TODAY)
    assert (result.applicants_added, result.applicants_skipped) == (1, 1)
    rows = listing.list_development(db, listing.DevelopmentQuery(), PageRequest(0, 50), today=TODAY)
    assert [r.name for r in rows] == ["甲村的人"]


def test_an_update_moving_the_application_after_a_later_step_is_a_bad_row(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    first = roster(
        tmp_path, [("对象丁", ID_C, ORG, "发展对象", "2023-02-01", "2023-06-01", "2024-07-01")]
    )
    mi.apply_import(db, read(db, first).with_applicants(True), today=TODAY)
    # the same person as an applicant who applied after becoming an activist (2023-06-01)
    again = roster(tmp_path, [("对象丁", ID_C, ORG, "入党申请人", "2023-08-01", "", "")])
    preview = read(db, again).with_applicants(True)
    assert preview.bad_rows() == []  # skipped: the record is left alone
    assert [(p.row, p.messages) for p in preview.bad_rows("update")] == [
        (2, ("递交申请书的日期不能晚于已记录的后续步骤（2023-06-01）",))
    ]  # said in the preview, not a refusal of the whole import telling to read it again
    before = stored_records(db)
    result = mi.apply_import(db, preview, on_duplicate="update", valid_only=True, today=TODAY)
    assert (result.applicants_added, result.applicants_updated) == (0, 0)
    assert stored_records(db) == before


def test_a_member_row_of_an_applicant_not_admitted_is_not_imported(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    record_id = make_record(db, "申请乙", org_id, Stage.APPLICANT)
    with db.read() as s:
        number = s.get(DevelopmentRecord, record_id).id_number  # type: ignore[union-attr]
    assert number
    path = roster(tmp_path, [("申请乙", number, ORG, "中共党员", "", "", "")])
    preview = read(db, path)
    lines = [p.line() for p in preview.bad_rows()]
    assert lines == [
        "第2行：该身份证号已登记为发展党员（尚未接收为预备党员），同一人不能重复登记；"
        "请在“发展党员”中办理接收预备党员"
    ]  # the member editor's sentence for the number (it had a sentence of its own)
    assert number not in lines[0]
    result = mi.apply_import(db, preview, valid_only=True, today=TODAY)
    assert (result.imported, result.bad) == (0, 1)
    with db.read() as s:
        assert s.scalar(select(func.count(PartyMember.id))) == 0


def test_a_member_row_of_an_applicant_entered_meanwhile_is_refused(
    db: Database, org_id: int, tmp_path: Path
) -> None:
    path = roster(tmp_path, [("申请乙", ID_A, ORG, "中共党员", "", "", "")])
    preview = read(db, path)
    assert preview.bad_rows() == []
    preview_two = read(db, mixed(tmp_path)).with_applicants(True)
    mi.apply_import(db, preview_two, today=TODAY)  # 申请乙 entered as an applicant
    with pytest.raises(UserError) as caught:
        mi.apply_import(db, preview, today=TODAY)
    assert str(caught.value).startswith(
        "第 2 行（申请乙）不能作为党员导入：该身份证号已登记为发展党员"
    )
    assert ID_A not in str(caught.value)
    with db.read() as s:
        assert s.scalar(select(func.count(PartyMember.id))) == 1  # 党员甲 of the other roster
