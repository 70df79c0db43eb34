"""民主评议党员: the grid, its one-transaction save, the member's results, the figures."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import AppraisalResult, AuditEntry
from pbc_desktop.domain.appraisals import AppraisalGrade, grade_for_key
from pbc_desktop.domain.enums import MembershipStatus
from pbc_desktop.errors import NotFoundError, PermissionDeniedError, StaleEditError, ValidationError
from pbc_desktop.services.appraisals import grid, results
from pbc_desktop.services.appraisals.reminders import appraisal_reminders
from pbc_desktop.services.community_figures import community_figures, format_figure
from tests.factories import make_community, make_member, make_org
from tests.scope_factories import two_towns, viewer_actor, village_actor

TODAY = date(2026, 3, 1)
E, Q, B, U = (
    AppraisalGrade.EXCELLENT,
    AppraisalGrade.QUALIFIED,
    AppraisalGrade.BASICALLY_QUALIFIED,
    AppraisalGrade.UNQUALIFIED,
)


def _branch(db: Database) -> tuple[int, list[int]]:
    org = make_org(db, "上底村党支部")
    ids = [make_member(db, name, org) for name in ("张三", "李四", "王五", "赵六")]
    make_member(db, "转走的人", org, status=MembershipStatus.TRANSFERRED_OUT)
    return org, ids


def _entries(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def test_the_grid_lists_the_members_taking_part(db: Database) -> None:
    org, _ids = _branch(db)
    g = grid.appraisal_grid(db, org, 2025)
    assert [r.name for r in g.rows] == ["李四", "王五", "张三", "赵六"]  # by pinyin
    assert all(r.grade is None for r in g.rows)
    assert g.version == grid.NONE_YET and g.held_on is None


def test_save_all_in_one_transaction_with_one_audit_entry(db: Database) -> None:
    org, ids = _branch(db)
    before = _entries(db)
    data = grid.AppraisalInput(
        org,
        2025,
        date(2026, 1, 10),
        date(2026, 1, 12),
        grades=dict(zip(ids, (E, Q, B, None), strict=True)),
    )
    grid.save_appraisal(db, data, today=TODAY)
    assert _entries(db) == before + 1
    g = grid.appraisal_grid(db, org, 2025)
    assert {r.member_id: r.grade for r in g.rows} == dict(zip(ids, (E, Q, B, None), strict=True))
    assert (g.held_on, g.ended_on) == (date(2026, 1, 10), date(2026, 1, 12))
    assert g.graded == 3 and g.count(E) == 1
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        assert "上底村党支部2025年度民主评议党员：优秀1人，合格1人，基本合格1人" in entry.summary
    # change one, clear one, add one: still one entry, the grades as typed
    again = grid.AppraisalInput(
        org,
        2025,
        date(2026, 1, 10),
        grades={ids[0]: Q, ids[1]: None, ids[3]: U},
        version=g.version,
    )
    grid.save_appraisal(db, again, today=TODAY)
    assert _entries(db) == before + 2
    g = grid.appraisal_grid(db, org, 2025)
    assert {r.member_id: r.grade for r in g.rows} == dict(zip(ids, (Q, None, B, U), strict=True))
    # a save over another's change is refused
    with pytest.raises(StaleEditError):
        grid.save_appraisal(db, again, today=TODAY)


def test_bad_input_is_refused_and_nothing_is_written(db: Database) -> None:
    org, ids = _branch(db)
    other = make_member(db, "外村党员", make_org(db, "外村党支部"))
    before = _entries(db)
    with pytest.raises(ValidationError) as caught:
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, None, grades={ids[0]: E}), today=TODAY
        )
    assert caught.value.fields() == ["held_on"]
    with pytest.raises(ValidationError, match="2025年或2026年召开"):
        grid.save_appraisal(db, grid.AppraisalInput(org, 2025, date(2024, 12, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="不能早于"):
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, date(2026, 1, 5), date(2026, 1, 1)), today=TODAY
        )
    with pytest.raises(ValidationError, match="不属于上底村党支部"):
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, date(2026, 1, 5), grades={other: E}), today=TODAY
        )
    with pytest.raises(ValidationError, match="评议年度"):
        grid.save_appraisal(db, grid.AppraisalInput(org, 2027, date(2026, 1, 5)), today=TODAY)
    with pytest.raises(ValidationError) as caught:  # ended after today: not held yet
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, date(2026, 1, 5), date(2026, 5, 1)), today=TODAY
        )
    assert caught.value.fields() == ["ended_on"] and "不能晚于今天" in str(caught.value)
    assert _entries(db) == before
    with db.read() as s:
        assert s.scalar(select(func.count(AppraisalResult.id))) == 0


def test_a_member_who_left_keeps_the_grade_given(db: Database) -> None:
    org, ids = _branch(db)
    grid.save_appraisal(
        db, grid.AppraisalInput(org, 2025, date(2025, 12, 20), grades={ids[0]: E}), today=TODAY
    )
    with db.write() as s:
        from pbc_desktop.db.models import PartyMember

        member = s.get(PartyMember, ids[0])
        assert member is not None
        member.status = MembershipStatus.DECEASED
    g = grid.appraisal_grid(db, org, 2025)
    assert [r.grade for r in g.rows if r.member_id == ids[0]] == [E]
    assert [r.name for r in grid.appraisal_grid(db, org, 2026).rows] == ["李四", "王五", "赵六"]


def test_member_results_and_the_year_overview(db: Database) -> None:
    org, ids = _branch(db)
    grid.save_appraisal(
        db, grid.AppraisalInput(org, 2024, date(2024, 12, 20), grades={ids[0]: Q}), today=TODAY
    )
    grid.save_appraisal(
        db,
        grid.AppraisalInput(org, 2025, date(2025, 12, 20), grades={ids[0]: E, ids[1]: Q}),
        today=TODAY,
    )
    shown = results.member_appraisals(db, ids[0])
    assert [(a.year, a.grade, a.organization_name) for a in shown] == [
        (2025, E, "上底村党支部"),
        (2024, Q, "上底村党支部"),
    ]
    (row,) = [o for o in results.year_overview(db, 2025) if o.organization_id == org]
    assert (row.members, row.graded, dict(row.counts)[E]) == (4, 2, 1)
    assert row.held_on == date(2025, 12, 20)


def test_scope_village_and_viewer(db: Database) -> None:
    world = two_towns(db)
    db.user = village_actor(db, world.jia_two)
    assert grid.change_refusal(db, world.jia_two) is None
    assert grid.change_refusal(db, world.yi_one) is not None  # not seen: "not found"
    with pytest.raises(NotFoundError):
        grid.appraisal_grid(db, world.yi_one, 2025)
    grid.save_appraisal(
        db,
        grid.AppraisalInput(
            world.jia_two, 2025, date(2025, 12, 1), grades={world.member_jia_two: E}
        ),
        today=TODAY,
    )
    db.user = viewer_actor(db, town="甲镇")
    assert grid.appraisal_grid(db, world.jia_two, 2025).graded == 1
    with pytest.raises(PermissionDeniedError):
        grid.save_appraisal(
            db, grid.AppraisalInput(world.jia_two, 2025, date(2025, 12, 1)), today=TODAY
        )
    with pytest.raises(NotFoundError):
        results.member_appraisals(db, world.member_yi_one)


def test_the_assessment_figures(db: Database) -> None:
    org, ids = _branch(db)
    other = make_org(db, "下底村党支部")
    make_member(db, "孙七", other)
    community = make_community(db, "共建", [org, other])
    grid.save_appraisal(
        db,
        grid.AppraisalInput(
            org, 2025, date(2025, 12, 1), grades=dict(zip(ids, (E, Q, Q, B), strict=True))
        ),
        today=TODAY,
    )
    figures = community_figures(db, community, 2025, today=TODAY)
    assert figures["appraisal_rate"] == 80.0  # 4 of the 5 members
    assert figures["excellent_share"] == 25.0  # 1 of the 4 graded
    assert format_figure("appraisal_rate", figures["appraisal_rate"]) == "80.0%"
    assert community_figures(db, community, 2024, today=TODAY)["appraisal_rate"] == 0.0


def test_grade_keys() -> None:
    assert [grade_for_key(k) for k in ("1", "2", "3", "4")] == [E, Q, B, U]
    assert [grade_for_key(k) for k in ("优", "合", "基", "不", "基本合格")] == [E, Q, B, U, B]
    assert grade_for_key("5") is None and grade_for_key("") is None and grade_for_key("x") is None


def test_a_grid_read_before_another_window_entered_the_appraisal_is_refused(
    db: Database,
) -> None:
    """Two windows open on a branch with no appraisal yet: the second save replaced the
    first one's grades without a word (its grid had read no version to check)."""
    org, ids = _branch(db)
    first = grid.appraisal_grid(db, org, 2025)
    second = grid.appraisal_grid(db, org, 2025)
    typed = {ids[0]: AppraisalGrade.EXCELLENT}
    grid.save_appraisal(
        db,
        grid.AppraisalInput(org, 2025, date(2026, 1, 10), grades=typed, version=first.version),
        today=TODAY,
    )
    with pytest.raises(StaleEditError):
        grid.save_appraisal(
            db,
            grid.AppraisalInput(
                org,
                2025,
                date(2026, 1, 11),
                grades={ids[0]: AppraisalGrade.QUALIFIED},
                version=second.version,
            ),
            today=TODAY,
        )
    g = grid.appraisal_grid(db, org, 2025)
    assert g.held_on == date(2026, 1, 10)
    assert {r.member_id: r.grade for r in g.rows}[ids[0]] is AppraisalGrade.EXCELLENT


def test_a_member_who_joined_after_the_year_takes_no_part_in_it(db: Database) -> None:
    """One who joined in 2026 was offered in 2025's grid, graded, and counted among the
    members who should have been (the overview, the reminder, the completion rate)."""
    org, ids = _branch(db)
    late = make_member(db, "新党员", org, joined_on=date(2026, 1, 5))
    community = make_community(db, "共建", [org])
    assert late not in {r.member_id for r in grid.appraisal_grid(db, org, 2025).rows}
    assert late in {r.member_id for r in grid.appraisal_grid(db, org, 2026).rows}
    with pytest.raises(ValidationError, match="1名党员不属于上底村党支部"):
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, date(2026, 1, 10), grades={late: E}), today=TODAY
        )
    grades = dict.fromkeys(ids, Q)
    grid.save_appraisal(
        db, grid.AppraisalInput(org, 2025, date(2026, 1, 10), grades=grades), today=TODAY
    )
    (row,) = [o for o in results.year_overview(db, 2025) if o.organization_id == org]
    assert (row.members, row.graded) == (4, 4)
    assert community_figures(db, community, 2025, today=TODAY)["appraisal_rate"] == 100.0


def test_an_organization_founded_after_the_year_has_no_appraisal_of_it(db: Database) -> None:
    """A branch set up in February 2026 (its members transferred in) was reminded of the
    2025 appraisal, and one could be entered for it."""
    org = make_org(db, "新建党支部", founded_on=date(2026, 2, 1))
    member = make_member(db, "老党员", org, joined_on=date(2000, 7, 1))
    assert org not in {o.organization_id for o in results.year_overview(db, 2025)}
    assert org in {o.organization_id for o in results.year_overview(db, 2026)}
    assert appraisal_reminders(db, TODAY) == []
    with pytest.raises(ValidationError, match="成立于2026-02-01，不能录入2025年度") as refused:
        grid.save_appraisal(
            db, grid.AppraisalInput(org, 2025, date(2026, 1, 10), grades={member: E}), today=TODAY
        )
    assert refused.value.fields() == ["year"]


def test_a_member_transferred_after_the_grading_is_not_graded_again(db: Database) -> None:
    """Graded by 上底村 for 2025, then transferred to 下底村 (whose grid offered them):
    two grades of one year for one person, and 上底村's overview counted the grade of the
    member who left for one of a member still ungraded."""
    from pbc_desktop.services.member_changes.transfers import (
        TransferInput,
        issue_transfer,
        receive_transfer,
    )

    org, ids = _branch(db)
    other = make_org(db, "下底村党支部")
    make_member(db, "孙七", other)
    grid.save_appraisal(
        db, grid.AppraisalInput(org, 2025, date(2026, 1, 10), grades={ids[0]: E}), today=TODAY
    )
    letter = issue_transfer(
        db, ids[0], TransferInput(to_organization_id=other, issued_on=date(2026, 2, 1))
    )
    receive_transfer(db, letter, date(2026, 2, 3))
    assert [r.name for r in grid.appraisal_grid(db, other, 2025).rows] == ["孙七"]
    before = _entries(db)
    with pytest.raises(ValidationError, match="张三已在上底村党支部2025年度民主评议中评定等次"):
        grid.save_appraisal(
            db,
            grid.AppraisalInput(other, 2025, date(2026, 2, 20), grades={ids[0]: U}),
            today=TODAY,
        )
    assert _entries(db) == before
    assert [(a.year, a.grade) for a in results.member_appraisals(db, ids[0])] == [(2025, E)]
    overview = {o.organization_id: o for o in results.year_overview(db, 2025)}
    assert (overview[org].members, overview[org].graded) == (4, 1)  # 张三 graded, 3 not yet
    assert (overview[other].members, overview[other].graded) == (1, 0)
    assert [r.name for r in grid.appraisal_grid(db, other, 2026).rows] == ["孙七", "张三"]
