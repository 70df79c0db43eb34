"""报到领岗 through services.post_reports: the catalogue, reports, service, evaluations, 双报到."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AuditEntry, Post, PostEvaluation, PostReport, ServiceLog
from pbc_desktop.domain.enums import EvaluationResult, PostReportStatus
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.services.paging import PageRequest
from pbc_desktop.services.post_reports import catalogue, common, evaluations, reports, service_log
from pbc_desktop.services.post_reports import overview as dual_overview
from tests.factories import make_org
from tests.post_report_factories import (
    JOINED,
    TOWN_A,
    TOWN_B,
    PostSetup,
    report_input,
    setup_posts,
)

TODAY = date(2024, 6, 1)
DEFAULT_NAMES = [name for name, _ in catalogue.DEFAULT_POSTS]


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "today", lambda: TODAY)


@pytest.fixture
def setup(db: Database) -> PostSetup:
    return setup_posts(db)


def audit_summaries(db: Database, entity: str | None = None) -> list[str]:
    stmt = select(AuditEntry.summary).order_by(AuditEntry.id)
    if entity is not None:
        stmt = stmt.where(AuditEntry.entity == entity)
    with db.read() as s:
        return list(s.scalars(stmt))


def count(db: Database, model: type[Post | PostReport | ServiceLog | PostEvaluation]) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def fields_of(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return set(exc.value.fields())


def report(db: Database, setup: PostSetup, **kw: object) -> int:
    return reports.report_member(db, setup.member, report_input(setup, **kw))  # type: ignore[arg-type]


def service(
    day: date = date(2024, 3, 1), hours: float = 2.0, content: str = "入户宣讲"
) -> service_log.ServiceInput:
    return service_log.ServiceInput(served_on=day, hours=hours, content=content)


# -- the catalogue ---------------------------------------------------------------------------
def test_a_new_database_gets_the_default_catalogue_once(db: Database) -> None:
    assert count(db, Post) == 0
    rows = catalogue.list_posts(db)
    assert [r.name for r in rows] == DEFAULT_NAMES
    assert all(r.active and not r.in_use for r in rows)
    assert [r.seq for r in rows] == list(range(1, len(DEFAULT_NAMES) + 1))
    assert rows[0].description == "宣讲党的路线方针政策，入户宣传惠民政策"
    assert [c.name for c in catalogue.post_choices(db)] == DEFAULT_NAMES
    assert count(db, Post) == len(DEFAULT_NAMES)
    assert audit_summaries(db, "post") == ["建立默认岗位目录（8个岗位）"]
    assert catalogue.ensure_default_posts(db) is False


def test_the_defaults_do_not_come_back_once_the_catalogue_was_edited(db: Database) -> None:
    for row in catalogue.list_posts(db):
        catalogue.delete_post(db, row.id)
    assert catalogue.list_posts(db) == []
    assert catalogue.post_choices(db) == []
    assert count(db, Post) == 0


def test_a_catalogue_already_filled_is_left_alone(db: Database) -> None:
    with db.write() as s:
        s.add(Post(name="护河巡查", seq=1))
    assert [r.name for r in catalogue.list_posts(db)] == ["护河巡查"]
    assert audit_summaries(db, "post") == []


def test_add_rename_and_describe_posts(db: Database) -> None:
    catalogue.list_posts(db)
    new_id = catalogue.add_post(
        db, catalogue.PostInput("  护河  巡查 ", " 巡查河道，劝阻乱丢垃圾 ")
    )
    rows = catalogue.list_posts(db)
    assert rows[-1].id == new_id
    assert (rows[-1].name, rows[-1].description, rows[-1].active) == (
        "护河 巡查",
        "巡查河道，劝阻乱丢垃圾",
        True,
    )
    assert rows[-1].seq == len(DEFAULT_NAMES) + 1
    catalogue.update_post(db, new_id, catalogue.PostInput("护河巡查", "巡查河道"))
    assert catalogue.list_posts(db)[-1].name == "护河巡查"
    catalogue.update_post(db, new_id, catalogue.PostInput("护河巡查", "每周巡查河道"))
    # nothing changed:
    catalogue.update_post(db, new_id, catalogue.PostInput("护河巡查", "每周巡查河道"))
    assert audit_summaries(db, "post")[-3:] == [
        "新增岗位「护河 巡查」",
        "岗位「护河 巡查」改名为「护河巡查」",
        "修改岗位「护河巡查」的职责",
    ]


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("", "name"),
        ("   ", "name"),
        ("政策 宣传", "name"),  # spaces ignored
        ("志愿服务 ", "name"),
        ("岗" * 61, "name"),
    ],
)
def test_post_names_are_required_short_and_unique(db: Database, name: str, field: str) -> None:
    catalogue.list_posts(db)
    with pytest.raises(ValidationError) as exc:
        catalogue.add_post(db, catalogue.PostInput(name))
    assert fields_of(exc) == {field}
    assert count(db, Post) == len(DEFAULT_NAMES)


def test_a_post_name_taken_meanwhile_is_refused_as_a_duplicate(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = catalogue.list_posts(db)[:2]
    monkeypatch.setattr(catalogue, "name_taken", lambda *_args: None)
    with pytest.raises(ValidationError, match=f"已有名为“{first.name}”的岗位") as exc:
        catalogue.add_post(db, catalogue.PostInput(first.name))
    assert fields_of(exc) == {"name"}
    with pytest.raises(ValidationError, match=f"已有名为“{first.name}”的岗位") as exc:
        catalogue.update_post(db, second.id, catalogue.PostInput(first.name))
    assert fields_of(exc) == {"name"}
    assert count(db, Post) == len(DEFAULT_NAMES)


def test_post_names_compare_without_width_or_case(db: Database) -> None:
    catalogue.list_posts(db)
    catalogue.add_post(db, catalogue.PostInput("AED急救"))
    with pytest.raises(ValidationError, match="已有名为“AED急救”的岗位"):
        catalogue.add_post(db, catalogue.PostInput("ａｅｄ急救"))
    first = catalogue.list_posts(db)[0]
    with pytest.raises(ValidationError) as exc:
        catalogue.update_post(db, first.id, catalogue.PostInput("志愿服务"))
    assert fields_of(exc) == {"name"}
    # its own name is fine:
    catalogue.update_post(db, first.id, catalogue.PostInput("政策宣传", "新的职责"))


def test_a_long_description_is_refused(db: Database) -> None:
    catalogue.list_posts(db)
    with pytest.raises(ValidationError) as exc:
        catalogue.add_post(db, catalogue.PostInput("护河巡查", "字" * 501))
    assert fields_of(exc) == {"description"}


def test_deactivated_posts_are_not_offered_but_kept_for_their_reports(db: Database) -> None:
    posts = {r.name: r.id for r in catalogue.list_posts(db)}
    catalogue.set_post_active(db, posts["矛盾调解"], False)
    catalogue.set_post_active(db, posts["矛盾调解"], False)  # no change, no audit
    assert "矛盾调解" not in [c.name for c in catalogue.post_choices(db)]
    kept = catalogue.post_choices(db, include_id=posts["矛盾调解"])
    assert "矛盾调解（已停用）" in [c.name for c in kept]
    assert [r.name for r in catalogue.list_posts(db, include_inactive=False)] == [
        n for n in DEFAULT_NAMES if n != "矛盾调解"
    ]
    catalogue.set_post_active(db, posts["矛盾调解"], True)
    assert "矛盾调解" in [c.name for c in catalogue.post_choices(db)]
    assert audit_summaries(db, "post")[-2:] == ["停用岗位「矛盾调解」", "启用岗位「矛盾调解」"]


def test_move_posts_up_and_down(db: Database) -> None:
    posts = {r.name: r.id for r in catalogue.list_posts(db)}
    assert catalogue.move_post(db, posts["矛盾调解"], -1) is True
    assert [r.name for r in catalogue.list_posts(db)][:3] == ["政策宣传", "矛盾调解", "志愿服务"]
    assert catalogue.move_post(db, posts["政策宣传"], -1) is False  # already first
    assert catalogue.move_post(db, posts["安全生产"], +1) is False  # already last
    assert catalogue.move_post(db, posts["政策宣传"], +1) is True
    rows = catalogue.list_posts(db)
    assert [r.name for r in rows][:3] == ["矛盾调解", "政策宣传", "志愿服务"]
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert [c.name for c in catalogue.post_choices(db)][:2] == ["矛盾调解", "政策宣传"]
    assert audit_summaries(db, "post")[-1] == "调整岗位「政策宣传」的顺序"


def test_a_post_in_use_cannot_be_deleted_only_deactivated(db: Database, setup: PostSetup) -> None:
    report(db, setup, post="志愿服务")
    used = setup.posts["志愿服务"]
    row = next(r for r in catalogue.list_posts(db) if r.id == used)
    assert (row.report_count, row.active_count, row.in_use) == (1, 1, True)
    with pytest.raises(ConflictError, match="不能删除；如不再使用，请停用"):
        catalogue.delete_post(db, used)
    assert count(db, Post) == len(DEFAULT_NAMES)
    catalogue.set_post_active(db, used, False)
    catalogue.delete_post(db, setup.posts["安全生产"])
    assert "安全生产" not in [r.name for r in catalogue.list_posts(db)]
    assert audit_summaries(db, "post")[-1] == "删除岗位「安全生产」"
    with pytest.raises(NotFoundError):
        catalogue.delete_post(db, setup.posts["安全生产"])


# -- choices ---------------------------------------------------------------------------------
def test_choices_for_the_report_dialog(db: Database, setup: PostSetup) -> None:
    assert [c.name for c in reports.community_choices(db)] == ["文光党建共同体"]  # not the revoked
    orgs = reports.organization_choices(db, setup.community, exclude_org_id=setup.home)
    assert [c.name for c in orgs] == ["文光社区党委", "东泰社区党支部", "区卫健局机关党支部"]
    everyone = reports.organization_choices(db, setup.community)
    assert [c.id for c in everyone] == [setup.v1, setup.home, setup.v2, setup.other_home]
    brief = reports.member_brief(db, setup.member)
    assert (brief.name, brief.organization_name, brief.joined_on) == (
        "陈伟",
        "区教育局机关党支部",
        JOINED,
    )
    with pytest.raises(NotFoundError):
        reports.member_brief(db, 999_999)


# -- reporting -------------------------------------------------------------------------------
def test_report_a_member_to_a_post(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup, remark="  每月第一周报到 ")
    row = reports.get_report(db, rid)
    assert (row.member_name, row.community_name, row.organization_name, row.post_name) == (
        "陈伟",
        "文光党建共同体",
        "文光社区党委",
        "政策宣传",
    )
    assert row.status == PostReportStatus.ACTIVE and row.active
    assert (row.reported_on, row.ended_on, row.remark) == (date(2023, 3, 1), None, "每月第一周报到")
    assert (row.service_hours, row.service_count, row.last_evaluation) == (0.0, 0, None)
    assert reports.list_member_reports(db, setup.member) == [row]
    assert audit_summaries(db, "post_report") == ["党员陈伟到文光社区党委（政策宣传岗）报到"]
    with db.read() as s:
        after = s.scalar(select(AuditEntry.after).where(AuditEntry.entity == "post_report"))
    assert after is not None and json.loads(after)["organization_id"] == setup.v1


def test_a_report_without_a_post_yet(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup, post=None)
    assert reports.get_report(db, rid).post_name is None
    assert audit_summaries(db, "post_report") == ["党员陈伟到文光社区党委报到"]


def test_the_community_and_organization_are_required(db: Database, setup: PostSetup) -> None:
    data = reports.ReportInput(None, None, None, date(2023, 3, 1))
    with pytest.raises(ValidationError) as exc:
        reports.report_member(db, setup.member, data)
    assert fields_of(exc) == {"community", "organization"}
    data = reports.ReportInput(setup.community, None, None, date(2023, 3, 1))
    with pytest.raises(ValidationError) as exc:
        reports.report_member(db, setup.member, data)
    assert fields_of(exc) == {"organization"}
    assert count(db, PostReport) == 0


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("v3", "不是「文光党建共同体」的成员单位"),
        ("left", "不是「文光党建共同体」的成员单位"),
        ("home", "不能选择本人所在的党组织"),
    ],
)
def test_the_organization_must_be_a_current_co_building_member(
    db: Database, setup: PostSetup, which: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as exc:
        report(db, setup, organization=getattr(setup, which))
    assert fields_of(exc) == {"organization"}
    assert count(db, PostReport) == 0


def test_no_report_to_a_revoked_community(db: Database, setup: PostSetup) -> None:
    with pytest.raises(ValidationError, match="已撤销") as exc:
        report(db, setup, community=setup.revoked, organization=setup.v3)
    assert fields_of(exc) == {"community"}


def test_report_dates(db: Database, setup: PostSetup) -> None:
    with pytest.raises(ValidationError, match="报到日期不能晚于今天") as exc:
        report(db, setup, reported_on=date(2024, 6, 2))
    assert fields_of(exc) == {"reported_on"}
    with pytest.raises(ValidationError, match=r"入党日期\（2010-07-01\）") as exc:
        report(db, setup, reported_on=date(2010, 6, 30))
    assert fields_of(exc) == {"reported_on"}
    assert report(db, setup, reported_on=JOINED)
    assert report(db, setup, reported_on=TODAY, organization=setup.v2)


def test_only_members_in_good_standing_report(db: Database, setup: PostSetup) -> None:
    with pytest.raises(ValidationError, match="已故") as exc:
        reports.report_member(db, setup.deceased, report_input(setup))
    assert fields_of(exc) == {"member"}
    with pytest.raises(NotFoundError):
        reports.report_member(db, 999_999, report_input(setup))


def test_an_inactive_or_missing_post_is_refused(db: Database, setup: PostSetup) -> None:
    catalogue.set_post_active(db, setup.posts["矛盾调解"], False)
    with pytest.raises(ValidationError, match="已停用") as exc:
        report(db, setup, post="矛盾调解")
    assert fields_of(exc) == {"post"}
    data = reports.ReportInput(setup.community, setup.v1, 999_999, date(2023, 3, 1))
    with pytest.raises(ValidationError) as exc:
        reports.report_member(db, setup.member, data)
    assert fields_of(exc) == {"post"}


def test_one_active_report_per_member_and_organization(db: Database, setup: PostSetup) -> None:
    first = report(db, setup)
    with pytest.raises(ValidationError, match="不能重复报到") as exc:
        report(db, setup, post="志愿服务", reported_on=date(2023, 5, 1))
    assert fields_of(exc) == {"organization"}
    elsewhere = report(db, setup, organization=setup.v2)  # another organization is fine
    reports.end_report(db, first, reports.EndInput(date(2023, 12, 31)))
    again = report(db, setup, reported_on=date(2024, 1, 2))  # after leaving, again
    active = {r.id for r in reports.list_member_reports(db, setup.member) if r.active}
    assert active == {again, elsewhere}
    with pytest.raises(ConflictError, match="不能恢复"):
        reports.resume_report(db, first)


def test_member_reports_are_listed_on_post_first(db: Database, setup: PostSetup) -> None:
    old = report(db, setup, reported_on=date(2023, 1, 5))
    reports.end_report(db, old, reports.EndInput(date(2023, 2, 1)))
    newer = report(db, setup, organization=setup.v2, reported_on=date(2023, 3, 1))
    newest = report(db, setup, organization=setup.other_home, reported_on=date(2023, 4, 1))
    assert [r.id for r in reports.list_member_reports(db, setup.member)] == [newest, newer, old]
    assert reports.list_member_reports(db, setup.newcomer) == []


def test_correct_a_report(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    service_log.add_service(db, rid, service(date(2023, 4, 1)))
    reports.update_report(db, rid, report_input(setup, post="关爱帮扶", remark="调整岗位"))
    row = reports.get_report(db, rid)
    assert (row.post_name, row.remark) == ("关爱帮扶", "调整岗位")
    assert (
        audit_summaries(db, "post_report")[-1]
        == "修改党员陈伟的报到记录（文光社区党委（关爱帮扶岗））"
    )
    with pytest.raises(ValidationError, match="2023-04-01的服务记录") as exc:
        reports.update_report(db, rid, report_input(setup, reported_on=date(2023, 4, 2)))
    assert fields_of(exc) == {"reported_on"}
    before = len(audit_summaries(db))
    reports.update_report(db, rid, report_input(setup, post="关爱帮扶", remark="调整岗位"))
    assert len(audit_summaries(db)) == before  # nothing changed, nothing logged


def test_a_report_keeps_its_deactivated_post_and_left_organization(
    db: Database, setup: PostSetup
) -> None:
    """Correcting the remark of an old report does not trip over later catalogue changes."""
    rid = report(db, setup, post="矛盾调解")
    catalogue.set_post_active(db, setup.posts["矛盾调解"], False)
    reports.update_report(db, rid, report_input(setup, post="矛盾调解", remark="备注"))
    assert reports.get_report(db, rid).remark == "备注"


def test_end_a_report(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup, remark="原备注")
    service_log.add_service(db, rid, service(date(2023, 6, 1)))
    with pytest.raises(ValidationError, match="离岗日期不能早于报到日期") as exc:
        reports.end_report(db, rid, reports.EndInput(date(2023, 2, 28)))
    assert "ended_on" in fields_of(exc)
    with pytest.raises(ValidationError, match="离岗日期不能晚于今天"):
        reports.end_report(db, rid, reports.EndInput(date(2024, 6, 2)))
    with pytest.raises(ValidationError, match="2023-06-01的服务记录") as exc:
        reports.end_report(db, rid, reports.EndInput(date(2023, 5, 31)))
    assert fields_of(exc) == {"ended_on"}
    assert reports.get_report(db, rid).active
    reports.end_report(db, rid, reports.EndInput(date(2023, 6, 30), "工作调动，离岗"))
    row = reports.get_report(db, rid)
    assert (row.status, row.ended_on, row.remark) == (
        PostReportStatus.ENDED,
        date(2023, 6, 30),
        "工作调动，离岗",
    )
    assert audit_summaries(db, "post_report")[-1] == (
        "党员陈伟从文光社区党委（政策宣传岗）离岗（2023-06-30）"
    )
    with pytest.raises(ConflictError, match="已于2023-06-30离岗"):
        reports.end_report(db, rid, reports.EndInput(date(2023, 7, 1)))


def test_an_evaluated_year_bounds_the_end(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    evaluations.set_evaluation(
        db, rid, evaluations.EvaluationInput(2024, EvaluationResult.QUALIFIED)
    )
    with pytest.raises(ValidationError, match="2024年度的评价") as exc:
        reports.end_report(db, rid, reports.EndInput(date(2023, 12, 31)))
    assert fields_of(exc) == {"ended_on"}


def test_resume_a_report_ended_by_mistake(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    reports.end_report(db, rid, reports.EndInput(date(2024, 1, 1)))
    reports.resume_report(db, rid)
    row = reports.get_report(db, rid)
    assert (row.active, row.ended_on) == (True, None)
    assert (
        audit_summaries(db, "post_report")[-1]
        == "恢复党员陈伟在文光社区党委（政策宣传岗）的在岗状态"
    )
    before = len(audit_summaries(db))
    reports.resume_report(db, rid)  # already on the post
    assert len(audit_summaries(db)) == before


def test_delete_a_report_entered_by_mistake(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    used = report(db, setup, organization=setup.v2)
    service_log.add_service(db, used, service())
    with pytest.raises(ConflictError, match="1条服务记录"):
        reports.delete_report(db, used)
    reports.delete_report(db, rid)
    assert [r.id for r in reports.list_member_reports(db, setup.member)] == [used]
    assert (
        audit_summaries(db, "post_report")[-1]
        == "删除党员陈伟到文光社区党委（政策宣传岗）的报到记录"
    )
    with pytest.raises(NotFoundError):
        reports.get_report(db, rid)
    with pytest.raises(NotFoundError):
        reports.delete_report(db, rid)


# -- service log -----------------------------------------------------------------------------
def test_log_edit_and_delete_service(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    first = service_log.add_service(db, rid, service(date(2024, 1, 10), 2.5, " 入户宣讲医保政策 "))
    second = service_log.add_service(db, rid, service(date(2024, 3, 5), 1.0, "清理楼道"))
    rows = service_log.list_services(db, rid)
    assert [(r.served_on, r.hours, r.content) for r in rows] == [
        (date(2024, 3, 5), 1.0, "清理楼道"),
        (date(2024, 1, 10), 2.5, "入户宣讲医保政策"),
    ]
    row = reports.get_report(db, rid)
    assert (row.service_hours, row.service_count) == (3.5, 2)
    service_log.update_service(db, second, service(date(2024, 3, 6), 1.5, "清理楼道卫生"))
    assert service_log.get_service(db, second) == service_log.ServiceRow(
        date(2024, 3, 6), 1.5, "清理楼道卫生", id=second, report_id=rid, version=2
    )
    service_log.delete_service(db, first)
    assert [r.id for r in service_log.list_services(db, rid)] == [second]
    assert audit_summaries(db, "service_log") == [
        "登记党员陈伟的服务记录（2024-01-10,2.5小时）",
        "登记党员陈伟的服务记录（2024-03-05,1小时）",
        "修改党员陈伟的服务记录（2024-03-06）",
        "删除党员陈伟的服务记录（2024-01-10）",
    ]
    with pytest.raises(NotFoundError):
        service_log.update_service(db, first, service())


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (service(hours=0), "hours", "大于0且不超过24"),
        (service(hours=-1), "hours", "大于0且不超过24"),
        (service(hours=24.5), "hours", "大于0且不超过24"),
        (service(hours=float("nan")), "hours", "大于0且不超过24"),
        (service(content="  "), "content", "请填写服务内容"),
        (service(content="字" * 2001), "content", "不能超过2000个字"),
        (service(day=date(2023, 2, 28)), "served_on", "不能早于报到日期（2023-03-01）"),
        (service(day=date(2024, 6, 2)), "served_on", "不能晚于今天"),
    ],
)
def test_service_rules(
    db: Database, setup: PostSetup, data: service_log.ServiceInput, field: str, message: str
) -> None:
    rid = report(db, setup)
    with pytest.raises(ValidationError, match=re.escape(message)) as exc:
        service_log.add_service(db, rid, data)
    assert fields_of(exc) == {field}
    assert count(db, ServiceLog) == 0


def test_whole_days_are_fine_but_not_more(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    other = report(db, setup, organization=setup.v2)
    day = date(2024, 2, 1)
    service_log.add_service(db, rid, service(day, 20))
    with pytest.raises(ValidationError, match="已登记20小时") as exc:
        service_log.add_service(db, other, service(day, 4.5))  # another post, the same day
    assert fields_of(exc) == {"hours"}
    entry = service_log.add_service(db, other, service(day, 4))
    service_log.update_service(db, entry, service(day, 4, "改内容"))  # not counted twice
    service_log.add_service(db, rid, service(date(2024, 2, 2), 24))


def test_no_service_after_leaving_the_post(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    reports.end_report(db, rid, reports.EndInput(date(2023, 12, 31)))
    with pytest.raises(ValidationError, match=r"离岗日期\（2023-12-31\）") as exc:
        service_log.add_service(db, rid, service(date(2024, 1, 1)))
    assert fields_of(exc) == {"served_on"}
    service_log.add_service(db, rid, service(date(2023, 12, 31)))  # late entry of past service


# -- evaluations -----------------------------------------------------------------------------
def test_one_evaluation_per_report_and_year(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    first = evaluations.set_evaluation(
        db, rid, evaluations.EvaluationInput(2023, EvaluationResult.QUALIFIED, "按时报到")
    )
    again = evaluations.set_evaluation(
        db, rid, evaluations.EvaluationInput(2023, EvaluationResult.EXCELLENT, "成效明显")
    )
    assert again == first
    evaluations.set_evaluation(
        db, rid, evaluations.EvaluationInput(2024, EvaluationResult.UNQUALIFIED)
    )
    assert [(e.year, e.result, e.remark) for e in evaluations.list_evaluations(db, rid)] == [
        (2024, EvaluationResult.UNQUALIFIED, None),
        (2023, EvaluationResult.EXCELLENT, "成效明显"),
    ]
    assert count(db, PostEvaluation) == 2
    row = reports.get_report(db, rid)
    assert (row.last_evaluation_year, row.last_evaluation) == (2024, EvaluationResult.UNQUALIFIED)
    found = evaluations.get_evaluation(db, rid, 2023)
    assert found is not None and found.result == EvaluationResult.EXCELLENT
    assert evaluations.get_evaluation(db, rid, 2022) is None
    evaluations.clear_evaluation(db, rid, 2024)
    assert [e.year for e in evaluations.list_evaluations(db, rid)] == [2023]
    with pytest.raises(NotFoundError, match="没有2024年度的评价"):
        evaluations.clear_evaluation(db, rid, 2024)
    assert audit_summaries(db, "post_evaluation") == [
        "党员陈伟2023年度报到领岗评价：合格",
        "党员陈伟2023年度报到领岗评价：优秀",
        "党员陈伟2024年度报到领岗评价：不合格",
        "删除党员陈伟2024年度报到领岗评价",
    ]


def test_evaluation_rules(db: Database, setup: PostSetup) -> None:
    rid = report(db, setup)
    with pytest.raises(ValidationError) as exc:
        evaluations.set_evaluation(db, rid, evaluations.EvaluationInput(2022, None))
    assert fields_of(exc) == {"year", "result"}
    with pytest.raises(ValidationError, match="2023至2024年之间") as exc:
        evaluations.set_evaluation(
            db, rid, evaluations.EvaluationInput(2025, EvaluationResult.QUALIFIED)
        )
    assert fields_of(exc) == {"year"}
    with pytest.raises(ValidationError) as exc:
        evaluations.set_evaluation(
            db, rid, evaluations.EvaluationInput(2023, EvaluationResult.QUALIFIED, "字" * 2001)
        )
    assert fields_of(exc) == {"remark"}
    reports.end_report(db, rid, reports.EndInput(date(2023, 12, 31)))
    with pytest.raises(ValidationError, match="2023至2023年之间"):
        evaluations.set_evaluation(
            db, rid, evaluations.EvaluationInput(2024, EvaluationResult.QUALIFIED)
        )
    assert count(db, PostEvaluation) == 0
    assert list(evaluations.evaluation_years(reports.get_report(db, rid), TODAY)) == [2023]


# -- the 双报到 overview ---------------------------------------------------------------------
@pytest.fixture
def reported(db: Database, setup: PostSetup) -> PostSetup:
    """陈伟 on two posts (v1, v2), 林丽 on one (v1), 吴芳 ended; hours over two years."""
    a = report(db, setup)
    b = report(db, setup, organization=setup.v2, post="志愿服务")
    c = reports.report_member(db, setup.newcomer, report_input(setup, reported_on=date(2023, 8, 1)))
    d = reports.report_member(db, setup.nurse, report_input(setup, organization=setup.v2))
    service_log.add_service(db, a, service(date(2023, 5, 1), 2.5))
    service_log.add_service(db, b, service(date(2024, 2, 1), 3))
    service_log.add_service(db, c, service(date(2024, 3, 1), 1.5))
    service_log.add_service(db, d, service(date(2023, 9, 1), 4))
    reports.end_report(db, d, reports.EndInput(date(2023, 12, 31)))
    return setup


def overview(db: Database, **kw: object) -> dict[str, dual_overview.OverviewRow]:
    query = dual_overview.OverviewQuery(**kw)  # type: ignore[arg-type]
    rows = dual_overview.list_overview(db, query, PageRequest())
    assert dual_overview.count_overview(db, query) == len(rows)
    return {r.name: r for r in rows}


def test_overview_counts_members_reports_and_hours(db: Database, reported: PostSetup) -> None:
    rows = overview(db)
    assert len(rows) == 6
    home = rows["区教育局机关党支部"]
    # 黄强 is deceased: two current members, both on a post (陈伟 twice, counted once).
    assert (home.member_count, home.reported_count, home.received_count) == (2, 2, 0)
    assert home.reported_share == 1.0
    assert home.service_hours == 7.0
    assert [(d.organization_name, d.members) for d in home.destinations] == [
        ("文光社区党委", 2),
        ("东泰社区党支部", 1),
    ]
    assert home.destination_count == 2
    assert home.summary == "文光社区党委（文光党建共同体）2人；东泰社区党支部（文光党建共同体）1人"
    nurse = rows["区卫健局机关党支部"]  # her report ended: hours stay, no one on a post
    assert (nurse.member_count, nurse.reported_count, nurse.service_hours) == (1, 0, 4.0)
    assert nurse.summary == ""
    v1 = rows["文光社区党委"]
    assert (v1.member_count, v1.reported_count, v1.received_count) == (1, 0, 2)
    assert v1.reported_share == 0.0
    assert rows["东泰社区党支部"].received_count == 1
    assert rows["华山村党支部"].reported_share is None  # no members


def test_overview_hours_of_a_year(db: Database, reported: PostSetup) -> None:
    assert overview(db, year=2024)["区教育局机关党支部"].service_hours == 4.5
    assert overview(db, year=2023)["区教育局机关党支部"].service_hours == 2.5
    assert overview(db, year=2023)["区卫健局机关党支部"].service_hours == 4.0
    assert overview(db, year=2022)["区教育局机关党支部"].service_hours == 0.0
    assert dual_overview.service_years(db) == [2024, 2023]


def test_overview_filters(db: Database, reported: PostSetup) -> None:
    assert set(overview(db, involved_only=True)) == {
        "区教育局机关党支部",
        "文光社区党委",
        "东泰社区党支部",
    }
    assert set(overview(db, town=TOWN_A)) == {"文光社区党委", "华山村党支部", "老街社区党支部"}
    assert set(overview(db, town=TOWN_B, involved_only=True)) == {"东泰社区党支部"}
    assert set(overview(db, text="教育")) == {"区教育局机关党支部"}
    assert set(overview(db, text="  卫健 ")) == {"区卫健局机关党支部"}
    assert overview(db, text="100%") == {}


def test_overview_sorts_and_pages_in_sql(db: Database, reported: PostSetup) -> None:
    query = dual_overview.OverviewQuery()

    def names(sort: str, descending: bool = True, offset: int = 0, limit: int = 200) -> list[str]:
        page = PageRequest(offset=offset, limit=limit, sort=sort, descending=descending)
        return [r.name for r in dual_overview.list_overview(db, query, page)]

    assert names("received_count")[:2] == ["文光社区党委", "东泰社区党支部"]
    assert names("service_hours")[:2] == ["区教育局机关党支部", "区卫健局机关党支部"]
    assert names("share")[0] == "区教育局机关党支部"
    assert names("share", descending=False)[-3:] == sorted(
        ["华山村党支部", "老街社区党支部", "东泰社区党支部"]
    )  # no members: last either way
    assert names("reported_count", limit=2) + names("reported_count", offset=2) == names(
        "reported_count"
    )
    assert len(names("name", offset=4)) == 2
    assert dual_overview.count_overview(db, query) == 6


def test_overview_summary_names_the_first_places_and_counts_the_rest(
    db: Database, setup: PostSetup
) -> None:
    extra = [make_org(db, f"共建村{i}党支部") for i in range(3)]
    from tests.factories import make_community

    places = [setup.v1, setup.v2, *extra]
    cid = make_community(db, "多村党建共同体", [*extra, setup.home])
    for i, org in enumerate(places):
        community = setup.community if org in (setup.v1, setup.v2) else cid
        reports.report_member(
            db, setup.member, report_input(setup, organization=org, community=community)
        )
        if i == 0:
            reports.report_member(
                db, setup.newcomer, report_input(setup, reported_on=date(2024, 1, 1))
            )
    home = overview(db, text="教育")["区教育局机关党支部"]
    assert home.destination_count == 5
    assert len(home.destinations) == dual_overview.SUMMARY_DESTINATIONS
    assert home.destinations[0].organization_name == "文光社区党委"
    assert home.summary.endswith(" 等5处")


def test_reported_members_of_an_organization(db: Database, reported: PostSetup) -> None:
    rows = dual_overview.reported_members(db, reported.home)
    assert [(r.member_name, r.organization_name, r.status) for r in rows] == [
        ("陈伟", "文光社区党委", PostReportStatus.ACTIVE),  # chen before lin
        ("陈伟", "东泰社区党支部", PostReportStatus.ACTIVE),
        ("林丽", "文光社区党委", PostReportStatus.ACTIVE),
    ]
    assert [r.service_hours for r in rows] == [2.5, 3.0, 1.5]
    assert [r.service_hours for r in dual_overview.reported_members(db, reported.home, 2024)] == [
        0,
        3.0,
        1.5,
    ]
    ended = dual_overview.reported_members(db, reported.other_home)
    assert [(r.member_name, r.status, r.ended_on) for r in ended] == [
        ("吴芳", PostReportStatus.ENDED, date(2023, 12, 31))
    ]


def test_every_write_is_audited_with_the_actor(db: Database, reported: PostSetup) -> None:
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.entity != "post")))
    assert {e.entity for e in entries} == {"post_report", "service_log"}
    assert {e.actor for e in entries} == {"测试员"}
    assert len(entries) == 4 + 4 + 1  # four reports, four service entries, one end
