"""Which roster rows are people in the 发展党员 pipeline, and what their dates must be."""

from __future__ import annotations

from datetime import date

import pytest

from pbc_desktop.domain import applicant_rows as ar
from pbc_desktop.domain import member_cells as mc
from pbc_desktop.domain.development import DevelopmentStage as Stage
from pbc_desktop.domain.development import DevelopmentStep as Step

TODAY = date(2026, 12, 5)
BORN = date(1998, 4, 2)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("递交入党申请书日期", "applied_on"),
        ("申请入党日期", "applied_on"),
        ("入党申请日期", "applied_on"),
        ("确定入党积极分子日期", "activist_on"),
        ("积极分子确立日期", "activist_on"),
        ("列为积极分子日期", "activist_on"),
        ("确定发展对象日期", "candidate_on"),
        ("发展对象确立日期", "candidate_on"),
        ("列为发展对象日期", "candidate_on"),
        ("预备党员日期", "joined_on"),
    ],
)
def test_the_pipelines_date_columns_are_recognised(header: str, key: str) -> None:
    assert mc.match_header(header) == key


@pytest.mark.parametrize(
    ("status", "dates", "stage"),
    [
        ("入党申请人", {}, Stage.APPLICANT),
        ("入党积极分子", {}, Stage.ACTIVIST),
        ("积极分子", {}, Stage.ACTIVIST),
        ("发展对象", {}, Stage.CANDIDATE),
        ("共青团员", {}, None),
        ("共青团员", {"applied_on": date(2025, 3, 1)}, Stage.APPLICANT),
        ("群众", {"applied_on": date(2024, 1, 1), "activist_on": date(2024, 6, 1)}, Stage.ACTIVIST),
        ("九三学社社员", {"applied_on": date(2025, 3, 1)}, None),
        ("", {"applied_on": date(2025, 3, 1)}, None),  # a member's history, not a stage
        ("中共党员", {"applied_on": date(2005, 3, 1)}, None),
    ],
)
def test_the_stage_of_a_row(status: str, dates: dict[str, date], stage: Stage | None) -> None:
    assert ar.row_stage(mc.choice_key(status) if status else "", dates) is stage


def test_a_candidates_steps_in_order() -> None:
    dates = {
        "applied_on": date(2023, 2, 1),
        "activist_on": date(2023, 6, 1),
        "candidate_on": date(2024, 7, 1),
    }
    steps, problems = ar.row_steps(Stage.CANDIDATE, dates, BORN, TODAY)
    assert problems == []
    assert steps == ar.RowSteps(
        Stage.CANDIDATE,
        date(2023, 2, 1),
        ((Step.ACTIVIST, date(2023, 6, 1)), (Step.CANDIDATE, date(2024, 7, 1))),
    )


def test_an_activist_named_before_applying_is_refused() -> None:
    dates = {"applied_on": date(2024, 6, 1), "activist_on": date(2024, 1, 1)}
    steps, problems = ar.row_steps(Stage.ACTIVIST, dates, BORN, TODAY)
    assert steps is None
    assert problems == [
        ("activist_on", "“确定入党积极分子”的日期不能早于成为入党申请人的日期（2024-06-01）")
    ]


def test_missing_dates_are_named_in_one_sentence() -> None:
    _steps, problems = ar.row_steps(
        Stage.CANDIDATE,
        {"applied_on": date(2023, 2, 1)},
        BORN,
        TODAY,
        {"activist_on": "列为积极分子日期"},
    )
    assert problems == [
        (
            "activist_on",
            "发展对象须填写“列为积极分子日期”、确定发展对象日期（名册中没有“确定发展对象日期”列，请加上）",
        )
    ]


def test_missing_dates_in_english_read_as_a_sentence() -> None:
    from pbc_desktop import lang

    lang.set_language("en")
    one = ar.missing_message(Stage.ACTIVIST, ["activist_on"], {})
    two = ar.missing_message(Stage.CANDIDATE, ["activist_on", "candidate_on"], {})
    named = ar.missing_message(Stage.ACTIVIST, ["activist_on"], {"activist_on": "列为积极分子日期"})
    assert one.startswith("A person at the stage “Activist” needs a date in: ")
    assert one.endswith(" column; add it)")
    assert two.endswith(" columns; add them)")
    assert "needs the " not in one + two
    assert named == "A person at the stage “Activist” needs a date in: “列为积极分子日期”"
