"""The year-end assessment: indicator systems, scoring, grades, outcome, locking."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    AuditEntry,
    Community,
    CommunityVenue,
    ListItem,
    ServiceList,
    Venue,
)
from pbc_desktop.domain.enums import (
    AssessmentOutcome,
    AssessmentStatus,
    ClaimMode,
    CommunityStatus,
    Grade,
    ItemStatus,
    LifecycleAction,
    ListKind,
    PostReportStatus,
    VenueKind,
)
from pbc_desktop.domain.indicators import DEFAULT_INDICATORS
from pbc_desktop.errors import ConflictError, NotFoundError, StaleEditError, ValidationError
from pbc_desktop.services.assessments import common, indicator_sets, outcomes, scoring
from pbc_desktop.services.community_figures import community_figures, stats_field
from pbc_desktop.services.lists import claims, editing
from tests.assessment_factories import YEAR, add_known_figures, running_communities, score_all
from tests.factories import make_member, make_post_report
from tests.scope_factories import district_actor


@pytest.fixture
def year_set(db: Database) -> int:
    return indicator_sets.create_indicator_set(db, YEAR)


def test_default_set_totals_100_with_default_thresholds(db: Database, year_set: int) -> None:
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None and view.id == year_set
    assert view.total_max == 100
    assert len(view.indicators) == len(DEFAULT_INDICATORS)
    assert [c for c, _ in view.category_totals()][:2] == ["组织联建", "活动共搞"]
    assert (view.thresholds.excellent_min, view.thresholds.good_min) == (90, 80)
    assert indicator_sets.total_warning(view.total_max) is None
    assert indicator_sets.total_warning(95) is not None
    with pytest.raises(ConflictError):
        indicator_sets.create_indicator_set(db, YEAR)


def test_copy_last_year_keeps_edits(db: Database, year_set: int) -> None:
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    data = view.as_input()
    first = replace(data.indicators[0], max_score=7, name="组建程序规范(修订)")
    data = replace(data, excellent_min=92, indicators=(first, *data.indicators[1:]))
    indicator_sets.update_indicator_set(db, year_set, data)

    indicator_sets.create_indicator_set(db, YEAR + 2, copy_last_year=True)
    copy = indicator_sets.get_indicator_set(db, YEAR + 2)
    assert copy is not None
    assert copy.name.startswith(str(YEAR + 2))
    assert copy.thresholds.excellent_min == 92
    assert copy.indicators[0].name == "组建程序规范(修订)"
    assert copy.indicators[0].max_score == 7
    assert copy.total_max == 102
    assert {i.id for i in copy.indicators}.isdisjoint({i.id for i in view.indicators})
    with pytest.raises(NotFoundError):
        indicator_sets.create_indicator_set(db, YEAR - 5, copy_last_year=True)


def test_set_validation_names_fields(db: Database, year_set: int) -> None:
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    bad = replace(
        view.as_input(),
        name=" ",
        good_min=95,
        pass_min=101,
        indicators=(
            replace(view.as_input().indicators[0], name="", max_score=0),
            *view.as_input().indicators[1:],
        ),
    )
    with pytest.raises(ValidationError) as caught:
        indicator_sets.update_indicator_set(db, year_set, bad)
    fields = set(caught.value.fields())
    assert {
        "name",
        "indicators[1].name",
        "indicators[1].max_score",
        "good_min",
        "pass_min",
    } <= fields


def test_scores_validated_per_indicator(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    assert scoring.start_assessment(db, cid, YEAR) == aid  # idempotent
    sheet = scoring.get_scoring_sheet(db, aid)
    first, second = sheet.rows[0], sheet.rows[1]
    with pytest.raises(ValidationError) as caught:
        scoring.save_scores(
            db,
            aid,
            scoring.ScoresInput({first.indicator_id: first.max_score + 1, second.indicator_id: -1}),
        )
    assert caught.value.fields() == [
        common.score_field(first.indicator_id),
        common.score_field(second.indicator_id),
    ]
    assert first.name in caught.value.message
    assert scoring.get_scoring_sheet(db, aid).unscored == sheet.rows  # nothing saved


def test_scores_and_maxima_take_one_decimal(db: Database, year_set: int) -> None:
    """The editors show one decimal: a finer figure from elsewhere would be rounded unseen
    on its next save there, so it is refused here, in a sentence naming the indicator."""
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    first = scoring.get_scoring_sheet(db, aid).rows[0]
    with pytest.raises(ValidationError) as caught:
        scoring.save_scores(db, aid, scoring.ScoresInput({first.indicator_id: 1.25}))
    assert caught.value.fields() == [common.score_field(first.indicator_id)]
    assert first.name in caught.value.message and "一位小数" in caught.value.message
    scoring.save_scores(db, aid, scoring.ScoresInput({first.indicator_id: 1.3}))  # 1.29999…
    assert scoring.get_scoring_sheet(db, aid).rows[0].score == 1.3
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    data = view.as_input()
    finer = replace(data.indicators[0], max_score=data.indicators[0].max_score + 0.05)
    with pytest.raises(ValidationError) as caught:
        indicator_sets.update_indicator_set(
            db, year_set, replace(data, indicators=(finer, *data.indicators[1:]))
        )
    assert caught.value.fields() == ["indicators[1].max_score"]
    view_after = indicator_sets.get_indicator_set(db, YEAR)
    assert view_after is not None and view_after.indicators == view.indicators


@pytest.mark.parametrize(
    ("fraction", "grade"),
    [(1.0, Grade.EXCELLENT), (0.85, Grade.GOOD), (0.7, Grade.PASS), (0.4, Grade.FAIL)],
)
def test_total_and_grade(db: Database, year_set: int, fraction: float, grade: Grade) -> None:
    (cid,) = running_communities(db, "东泰党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    total = score_all(db, aid, fraction, "反馈")
    sheet = scoring.get_scoring_sheet(db, aid)
    assert sheet.total == pytest.approx(total)
    assert sheet.grade == grade
    assert sheet.feedback == "反馈"


def test_editable_thresholds_regrade_drafts(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "东泰党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.85)  # about 85: 良好 by default
    assert scoring.get_scoring_sheet(db, aid).grade == Grade.GOOD
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    indicator_sets.update_indicator_set(db, year_set, replace(view.as_input(), excellent_min=82))
    sheet = scoring.get_scoring_sheet(db, aid)
    assert sheet.thresholds.excellent_min == 82
    assert sheet.grade == Grade.EXCELLENT
    # An indicator with scores cannot go, nor drop its maximum below a given score.
    data = view.as_input()
    with pytest.raises(ValidationError):
        indicator_sets.update_indicator_set(
            db, year_set, replace(data, indicators=data.indicators[1:])
        )
    low = replace(data.indicators[0], max_score=0.5)
    with pytest.raises(ValidationError) as caught:
        indicator_sets.update_indicator_set(
            db, year_set, replace(data, indicators=(low, *data.indicators[1:]))
        )
    assert caught.value.fields() == ["indicators[1].max_score"]


def test_finish_locks_and_reopen_is_audited(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    sheet = scoring.get_scoring_sheet(db, aid)
    scoring.save_scores(db, aid, scoring.ScoresInput({sheet.rows[0].indicator_id: 3}))
    with pytest.raises(ValidationError) as caught:
        outcomes.finish_assessment(db, aid)  # not every indicator scored
    assert len(caught.value.errors) == len(sheet.rows) - 1

    score_all(db, aid, 0.95)
    totals = outcomes.finish_assessment(db, aid)
    assert totals.grade == Grade.EXCELLENT
    locked = scoring.get_scoring_sheet(db, aid)
    assert locked.locked and locked.assessor == "测试员" and locked.finished_at is not None
    for attempt in (
        lambda: scoring.save_scores(db, aid, scoring.ScoresInput({sheet.rows[0].indicator_id: 1})),
        lambda: outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="100"),
        lambda: outcomes.finish_assessment(db, aid),
    ):
        with pytest.raises(common.AssessmentLockedError, match="重新打开"):
            attempt()
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    with pytest.raises(common.AssessmentLockedError):
        indicator_sets.update_indicator_set(db, year_set, view.as_input())

    with pytest.raises(ValidationError) as why:
        outcomes.reopen_assessment(db, aid, "  ")
    assert why.value.fields() == ["reason"]
    outcomes.reopen_assessment(db, aid, "材料补报")
    assert scoring.get_scoring_sheet(db, aid).status == AssessmentStatus.DRAFT
    with db.read() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity_uuid == locked.uuid)
            .order_by(AuditEntry.id.desc())
        ).first()
    assert entry is not None
    assert entry.actor == "测试员" and entry.at is not None
    assert "材料补报" in entry.summary
    assert json.loads(entry.after or "{}")["reopen_reason"] == "材料补报"
    # editable again:
    scoring.save_scores(db, aid, scoring.ScoresInput({sheet.rows[0].indicator_id: 1}))


def test_a_stale_rectification_leaves_the_community_running(db: Database, year_set: int) -> None:
    """整顿 saved over someone else's outcome is refused before it moves the community."""
    (cid,) = running_communities(db, "金平党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.4)
    read = scoring.get_scoring_sheet(db, aid).version
    outcomes.set_outcome(db, aid, AssessmentOutcome.NONE, version=read)  # another window
    with pytest.raises(StaleEditError):
        outcomes.set_outcome(
            db, aid, AssessmentOutcome.RECTIFY, reasons="作用发挥不明显", version=read
        )
    with db.read() as s:
        community = s.get(Community, cid)
        assert community is not None
        assert community.status == CommunityStatus.RUNNING
        assert LifecycleAction.RECTIFY not in {e.action for e in community.events}


def test_an_outcome_refused_after_the_lifecycle_step_undoes_it(
    db: Database, year_set: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """整顿 and its outcome are one transaction: the outcome's write refused after the
    community was moved (here a check failing late) leaves it running, unaudited."""
    (cid,) = running_communities(db, "金平党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.4)
    with db.read() as s:
        audits = s.scalar(select(func.count(AuditEntry.id)))

    def refuse(*_args: object) -> None:
        raise ConflictError("locked meanwhile")

    monkeypatch.setattr(outcomes, "check_demonstration", refuse)
    with pytest.raises(ConflictError):
        outcomes.set_outcome(db, aid, AssessmentOutcome.RECTIFY, reasons="作用发挥不明显")
    with db.read() as s:
        community = s.get(Community, cid)
        assert community is not None
        assert community.status == CommunityStatus.RUNNING
        assert LifecycleAction.RECTIFY not in {e.action for e in community.events}
        assert s.scalar(select(func.count(AuditEntry.id))) == audits
    monkeypatch.undo()
    outcomes.set_outcome(db, aid, AssessmentOutcome.RECTIFY, reasons="作用发挥不明显")
    with db.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))) == (audits or 0) + 2  # both


def test_an_assessor_with_a_long_unit_is_recorded_by_name(db: Database, year_set: int) -> None:
    """Name and unit longer than the 评分人 column: the name alone is stored (the whole
    label failed to save on a server), in the audit log too."""
    (cid,) = running_communities(db, "金平党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.9)
    db.user = district_actor(db)
    db.user = replace(db.user, name="陈伟", unit="区委组织部" * 20)
    outcomes.finish_assessment(db, aid)
    assert scoring.get_scoring_sheet(db, aid).assessor == "陈伟"
    with db.read() as s:
        assert s.scalars(select(AuditEntry.actor).order_by(AuditEntry.id.desc())).first() == "陈伟"


def test_demonstration_award_in_fen(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.95)
    with pytest.raises(ValidationError) as caught:
        outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="12.345")
    assert caught.value.fields() == ["award"]
    with pytest.raises(ValidationError):
        outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="abc")
    outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="30,000.50")
    sheet = scoring.get_scoring_sheet(db, aid)
    assert (sheet.outcome, sheet.award_cents) == (AssessmentOutcome.DEMONSTRATION, 3_000_050)


@pytest.mark.parametrize("typed", ["1,2,3", "1e5", "1_000", "+5", "-5"])
def test_an_award_typed_wrong_is_refused_not_misread(typed: str) -> None:
    """Read as every amount is: ``1,2,3`` is no 123 yuan, nor ``1e5`` 100,000."""
    with pytest.raises(ValidationError) as caught:
        outcomes.yuan_to_cents(typed)
    assert caught.value.fields() == ["award"]


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("¥20,000元", 2_000_000), ("２００００", 2_000_000), (" 0 ", 0), ("", 0), (1000, 100_000)],
)
def test_an_award_reads_as_amounts_do(typed: str | int, cents: int) -> None:
    assert outcomes.yuan_to_cents(typed) == cents


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("-5", "奖补金额不能为负数"),
        ("12.345", "奖补金额最多精确到分（两位小数）"),
        ("1,2,3", "「1,2,3」不是有效的奖补金额"),
    ],
)
def test_a_refused_award_is_said_in_one_sentence(typed: str, said: str) -> None:
    """The award's name is in the sentence, once ("奖补金额：金额不能为负数" read twice)."""
    with pytest.raises(ValidationError) as caught:
        outcomes.yuan_to_cents(typed)
    assert [e.message for e in caught.value.errors] == [said]


def test_rectify_sets_the_community_status(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "旧城党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.4)
    with pytest.raises(ValidationError) as caught:
        outcomes.set_outcome(db, aid, AssessmentOutcome.RECTIFY, reasons=" ")
    assert caught.value.fields() == ["reasons"]
    with pytest.raises(ValidationError):
        # graded Fail:
        outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="1")
    outcomes.set_outcome(
        db, aid, AssessmentOutcome.RECTIFY, reasons="作用发挥不明显", on=date.today()
    )
    with db.read() as s:
        community = s.get(Community, cid)
        assert community is not None
        assert community.status == CommunityStatus.RECTIFYING
        assert community.events[-1].remark == "作用发挥不明显"
    sheet = scoring.get_scoring_sheet(db, aid)
    assert sheet.outcome == AssessmentOutcome.RECTIFY
    assert sheet.rectify_reasons == "作用发挥不明显"
    # Again (already rectifying): the outcome is kept, no second lifecycle step.
    outcomes.set_outcome(db, aid, AssessmentOutcome.RECTIFY, reasons="再次说明")
    with db.read() as s:
        community = s.get(Community, cid)
        assert community is not None and len(community.events) == 2


def test_supporting_figures(db: Database, year_set: int) -> None:
    (cid,) = running_communities(db, "文光党建共同体")
    add_known_figures(db, cid)
    figures = community_figures(db, cid, YEAR, today=date(YEAR, 6, 1))
    assert figures["activities"] == 4  # 3 theme days + 1 training (meetings apart)
    assert figures["meetings"] == 1
    assert figures["trainings"] == 1
    assert figures["trainee_times"] == 40
    assert figures["venues_opened"] == 1
    assert figures["lists_signed"] == 1
    assert figures["projects_solved"] == 1
    assert figures["overdue_items"] == 1
    assert figures["funds_income"] == 12345.5
    assert stats_field("trainee_times") == "trainees"
    assert stats_field("projects_solved") == "problems_solved"
    aid = scoring.start_assessment(db, cid, YEAR)
    rows = {
        r.metric: r.figure for r in scoring.get_scoring_sheet(db, aid, today=date(YEAR, 6, 1)).rows
    }
    assert rows["activities"] == 4 and rows["funds_income"] == 12345.5
    assert rows[None] is None


def test_overdue_items_are_those_of_the_years_lists_at_its_end(db: Database) -> None:
    """A year's figure counts its own lists' items overdue when it ended (one solved only
    the year after was overdue then, and is not among those it solved), not another
    year's items overdue today."""
    (cid,) = running_communities(db, "文光党建共同体")
    with db.write() as s:
        for year, status, solved_on in (
            (YEAR, ItemStatus.SOLVED, date(YEAR + 1, 5, 1)),  # solved late
            (YEAR + 2, ItemStatus.OPEN, None),  # overdue now
        ):
            lst = ServiceList(community_id=cid, kind=ListKind.PROJECT, title="清单", year=year)
            lst.items = [
                ListItem(
                    title="路灯",
                    status=status,
                    seq=1,
                    deadline=date(year, 3, 1),
                    solved_on=solved_on,
                )
            ]
            s.add(lst)
            s.flush()
            if year == YEAR:
                late_list, lead = lst.id, s.get(Community, cid).lead_org_id  # type: ignore[union-attr]
    today = date(YEAR + 2, 12, 1)
    assert community_figures(db, cid, YEAR - 1, today=today)["overdue_items"] == 0  # no lists
    assert community_figures(db, cid, YEAR, today=today)["overdue_items"] == 1
    assert community_figures(db, cid, YEAR, today=today)["projects_solved"] == 0  # not in it
    claims.claim_item(
        db,
        editing.add_item(db, late_list, editing.ItemInput("修桥")),
        claims.ClaimInput(ClaimMode.SINGLE, lead, date(YEAR + 1, 1, 5)),
    )
    assert community_figures(db, cid, YEAR, today=today)["projects_claimed"] == 0  # claimed after
    assert community_figures(db, cid, YEAR + 2, today=today)["overdue_items"] == 1
    assert community_figures(db, cid, YEAR + 2, today=date(YEAR + 2, 3, 1))["overdue_items"] == 0


def test_a_past_years_item_solved_without_a_date_is_not_overdue(db: Database) -> None:
    """A SOLVED item of a past year with no solved date counts as solved in it, not as
    overdue too."""
    (cid,) = running_communities(db, "文光党建共同体")
    with db.write() as s:
        lst = ServiceList(community_id=cid, kind=ListKind.PROJECT, title="清单", year=YEAR)
        lst.items = [
            ListItem(
                title="路灯",
                status=ItemStatus.SOLVED,
                seq=1,
                deadline=date(YEAR, 3, 1),
                solved_on=None,
            )
        ]
        s.add(lst)
    figures = community_figures(db, cid, YEAR, today=date(YEAR + 1, 6, 1))
    assert figures["projects_solved"] == 1
    assert figures["overdue_items"] == 0


def test_members_and_venues_are_counted_as_the_year_left_them(db: Database) -> None:
    """A past year's figures count the members on post at its end (one reported since is
    not, one who left since is) and the venues opened by then."""
    (cid,) = running_communities(db, "文光党建共同体")
    with db.read() as s:
        org = s.get(Community, cid).lead_org_id  # type: ignore[union-attr]
    assert org is not None
    left = make_member(db, "陈伟", org)
    make_post_report(
        db,
        left,
        org,
        community_id=cid,
        reported_on=date(YEAR, 3, 1),
        status=PostReportStatus.ENDED,
        ended_on=date(YEAR + 1, 6, 1),
    )
    make_post_report(
        db, make_member(db, "林丽", org), org, community_id=cid, reported_on=date(YEAR + 1, 3, 1)
    )
    with db.write() as s:
        for opened_on in (date(YEAR, 5, 1), date(YEAR + 1, 5, 1)):
            venue = Venue(name=f"党群服务中心{opened_on.year}", kind=VenueKind.SERVICE_CENTRE)
            s.add(venue)
            s.flush()
            s.add(CommunityVenue(community_id=cid, venue_id=venue.id, opened_on=opened_on))
    today = date(YEAR + 1, 12, 1)
    past, now = (community_figures(db, cid, y, today=today) for y in (YEAR, YEAR + 1))
    assert (past["members_reported"], past["venues_opened"]) == (1, 1)
    assert (now["members_reported"], now["venues_opened"]) == (1, 2)
    before = community_figures(db, cid, YEAR - 1, today=today)
    assert (before["members_reported"], before["venues_opened"]) == (0, 0)


def test_revoked_not_startable_and_unassessed_list(db: Database, year_set: int) -> None:
    a, b = running_communities(db, "甲党建共同体", "乙党建共同体")
    scoring.start_assessment(db, a, YEAR)
    assert [c.id for c in scoring.unassessed_communities(db, YEAR)] == [b]
    with pytest.raises(NotFoundError):
        scoring.start_assessment(db, b, YEAR + 1)  # no system that year


def test_a_demonstration_site_is_never_graded_fail(db: Database, year_set: int) -> None:
    """A 示范点 rescored (or re-thresholded) to 不合格 kept its designation and award, and
    the report printed it among the sites: such a change is refused until it is withdrawn."""
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    score_all(db, aid, 0.95)
    outcomes.set_outcome(db, aid, AssessmentOutcome.DEMONSTRATION, award_yuan="30000")
    with pytest.raises(ValidationError, match="示范点"):
        score_all(db, aid, 0.3)
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    with pytest.raises(ValidationError, match="示范点"):
        indicator_sets.update_indicator_set(
            db,
            year_set,
            replace(view.as_input(), excellent_min=100, good_min=100, pass_min=100),
        )
    sheet = scoring.get_scoring_sheet(db, aid)
    assert (sheet.grade, sheet.outcome) == (Grade.EXCELLENT, AssessmentOutcome.DEMONSTRATION)
    outcomes.set_outcome(db, aid, AssessmentOutcome.NONE)
    score_all(db, aid, 0.3)  # withdrawn first: accepted
    assert scoring.get_scoring_sheet(db, aid).grade == Grade.FAIL


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "名" * 121}, "name"),
        ({"name": "2024年\x00标准"}, "name"),
        ({"category": "类" * 61}, "indicators[1].category"),
        ({"name": "指" * 201}, "indicators[1].name"),
        ({"name": "指标\u202e"}, "indicators[1].name"),
        ({"guidance": "说明\x07"}, "indicators[1].guidance"),
        ({"max_score": float("inf")}, "indicators[1].max_score"),
        ({"max_score": 1e300}, "indicators[1].max_score"),
        ({"max_score": float("nan")}, "indicators[1].max_score"),
    ],
)
def test_set_texts_and_maximums_bounded(
    db: Database, year_set: int, change: dict[str, object], field: str
) -> None:
    """Names longer than their columns (a server refused them with an internal error),
    control characters and maximums of 1e300 or infinity were stored as given."""
    view = indicator_sets.get_indicator_set(db, YEAR)
    assert view is not None
    data = view.as_input()
    if field == "name":
        data = replace(data, **change)  # type: ignore[arg-type]
    else:
        first = replace(data.indicators[0], **change)  # type: ignore[arg-type]
        data = replace(data, indicators=(first, *data.indicators[1:]))
    with pytest.raises(ValidationError) as caught:
        indicator_sets.update_indicator_set(db, year_set, data)
    assert caught.value.fields() == [field]


def sheet_rows(db: Database, aid: int) -> tuple[scoring.ScoringRow, ...]:
    return scoring.get_scoring_sheet(db, aid).rows


def test_feedback_remarks_and_reasons_without_control_characters(
    db: Database, year_set: int
) -> None:
    (cid,) = running_communities(db, "文光党建共同体")
    aid = scoring.start_assessment(db, cid, YEAR)
    iid = scoring.get_scoring_sheet(db, aid).rows[0].indicator_id
    with pytest.raises(ValidationError) as caught:
        scoring.save_scores(
            db, aid, scoring.ScoresInput({iid: 1}, "反馈\x00", remarks={iid: "备注\x1b"})
        )
    assert caught.value.fields() == ["feedback", common.score_field(iid)]
    with pytest.raises(ValidationError) as caught:
        outcomes.set_outcome(db, aid, AssessmentOutcome.RECTIFY, reasons="原因\u202e")
    assert caught.value.fields() == ["reasons"]
    scoring.save_scores(
        db, aid, scoring.ScoresInput({r.indicator_id: 1 for r in sheet_rows(db, aid)})
    )
    outcomes.finish_assessment(db, aid)
    with pytest.raises(ValidationError) as caught:
        outcomes.reopen_assessment(db, aid, "补报\x00材料")
    assert caught.value.fields() == ["reason"]
    outcomes.reopen_assessment(db, aid, "补报材料")
    assert scoring.get_scoring_sheet(db, aid).feedback is None
    scoring.save_scores(db, aid, scoring.ScoresInput({iid: 1}, "第一行\n第二行"))  # lines kept
    assert scoring.get_scoring_sheet(db, aid).feedback == "第一行\n第二行"


def test_a_community_founded_after_the_year_is_not_assessed_for_it(
    db: Database, year_set: int
) -> None:
    """A community founded in YEAR + 1 was offered for YEAR's assessment and scored: the
    year's report then ranked (and could flag for 整顿) a community that did not exist."""
    old, new = running_communities(db, "文光党建共同体", "东泰党建共同体")
    with db.write() as s:
        community = s.get(Community, new)
        assert community is not None
        community.founded_on = date(YEAR + 1, 1, 1)
    assert [c.id for c in scoring.unassessed_communities(db, YEAR)] == [old]
    with pytest.raises(ConflictError, match=f"成立于{YEAR + 1}年"):
        scoring.start_assessment(db, new, YEAR)
    scoring.start_assessment(db, old, YEAR)
