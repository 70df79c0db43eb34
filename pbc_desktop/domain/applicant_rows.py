"""Roster rows of people in the 发展党员 pipeline: who they are and what their dates must be.

A member roster often lists, beside the 中共党员 and 中共预备党员, the branch's 入党申请人,
入党积极分子 and 发展对象 (政治面貌 or 人员类别 says which). They are not members; the import
recognises them at their stage (:func:`row_stage`) and may enter them as 发展党员 records
with their dated steps. Which stage, and which dates it needs:

* 入党申请人 (申请入党人, 申请人): the 递交入党申请书 date;
* 入党积极分子 (积极分子): that and the 确定入党积极分子 date;
* 发展对象: those and the 确定发展对象 date.

A 共青团员 or 群众 with a 递交入党申请书 date in the row has applied: he is an applicant
(or, with the later dates in the row too, at the stage they show — a 群众 named an
activist is an activist whatever the status column still says). Without that date they
stay outside the pipeline, a row error as before; so do the members of other parties
(民革会员 …) and 少先队员, whom the dates do not change. The dates alone never make a row
an applicant: the 全国党员管理信息系统's list fills in 申请入党日期 and 确定入党积极分子日期
for its members too.

The dates are checked by the very rules the 发展党员 service uses (``domain/development``):
18 years old at the application (birth date or ID number), a year as an activist before
becoming a 发展对象, no step in the future nor before the one it follows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from pbc_desktop.domain import development as rules
from pbc_desktop.domain.development import DevelopmentStage, DevelopmentStep, Progress
from pbc_desktop.domain.member_rules import FIELD_BY_KEY
from pbc_desktop.lang import t

# The 政治面貌 / 人员类别 texts of each stage, compared by ``member_cells.choice_key``.
STAGE_WORDS: Mapping[str, DevelopmentStage] = {
    "入党申请人": DevelopmentStage.APPLICANT,
    "申请入党人": DevelopmentStage.APPLICANT,
    "申请入党": DevelopmentStage.APPLICANT,
    "申请人": DevelopmentStage.APPLICANT,
    "入党积极分子": DevelopmentStage.ACTIVIST,
    "积极分子": DevelopmentStage.ACTIVIST,
    "发展对象": DevelopmentStage.CANDIDATE,
    "入党发展对象": DevelopmentStage.CANDIDATE,
}
#: 政治面貌 of people who become applicants by a 递交入党申请书 date in their row
MAY_APPLY = frozenset({"共青团员", "中国共产主义青年团团员", "团员", "群众"})

#: the stages a roster row may put a person at, in order
ROW_STAGES = (DevelopmentStage.APPLICANT, DevelopmentStage.ACTIVIST, DevelopmentStage.CANDIDATE)
#: the date column of each step, and the step that moves the person to each stage
STEP_KEYS: tuple[tuple[DevelopmentStep, str], ...] = (
    (DevelopmentStep.APPLICATION, "applied_on"),
    (DevelopmentStep.ACTIVIST, "activist_on"),
    (DevelopmentStep.CANDIDATE, "candidate_on"),
)
DATE_KEYS = tuple(key for _step, key in STEP_KEYS)


def row_stage(status_key: str, dates: Mapping[str, date | None]) -> DevelopmentStage | None:
    """The stage of a row whose 政治面貌 reads ``status_key`` (``member_cells.choice_key``
    of the cell; "" when empty) and whose pipeline dates are ``dates`` (None: not in the
    pipeline). See the module's docstring."""
    named = STAGE_WORDS.get(status_key)
    if named is not None:
        return named
    if status_key in MAY_APPLY and dates.get("applied_on") is not None:
        if dates.get("candidate_on") is not None:
            return DevelopmentStage.CANDIDATE
        if dates.get("activist_on") is not None:
            return DevelopmentStage.ACTIVIST
        return DevelopmentStage.APPLICANT
    return None


def required_keys(stage: DevelopmentStage) -> tuple[str, ...]:
    """The date columns a person at ``stage`` has filled in."""
    return DATE_KEYS[: ROW_STAGES.index(stage) + 1]


@dataclass(frozen=True, slots=True)
class RowSteps:
    """A row's person in the pipeline: the stage and the dated steps that led there."""

    stage: DevelopmentStage
    applied_on: date
    steps: tuple[tuple[DevelopmentStep, date], ...]  # after the application, in order


def missing_message(
    stage: DevelopmentStage, keys: Sequence[str], headers: Mapping[str, str]
) -> str:
    """A person at ``stage`` whose dates ``keys`` are empty: the columns named as the file
    heads them (``headers``), and those the roster lacks asked for."""
    fields = [FIELD_BY_KEY[k] for k in keys]
    shown_zh = "、".join(f"“{headers[f.key]}”" if headers.get(f.key) else f.zh for f in fields)
    shown_en = ", ".join(
        f"“{headers[f.key]}”" if headers.get(f.key) else f.en.lower() for f in fields
    )
    absent = [f for f in fields if not headers.get(f.key)]
    text = t(
        f"{stage.zh}须填写{shown_zh}",
        f"A person at the stage “{stage.en}” needs a date in: {shown_en}",
    )
    if absent:
        several = len(absent) > 1
        text += t(
            f"（名册中没有{'、'.join(f'“{f.zh}”' for f in absent)}列，请加上）",
            f" (the roster has no {', '.join(f'“{f.zh}”' for f in absent)} "
            f"column{'s' if several else ''}; add {'them' if several else 'it'})",
        )
    return text


def row_steps(
    stage: DevelopmentStage,
    dates: Mapping[str, date | None],
    birth: date | None,
    today: date,
    headers: Mapping[str, str] | None = None,
) -> tuple[RowSteps | None, list[tuple[str, str]]]:
    """The steps of a row at ``stage`` and the problems of its dates as (column key,
    sentence): a required date missing (naming the column, its header in the file from
    ``headers`` when it has one), or a date the 发展党员 rules refuse. ``birth``: the birth
    date (from the ID number when the row has none)."""
    missing = [key for key in required_keys(stage) if dates.get(key) is None]
    if missing:
        return None, [(missing[0], missing_message(stage, missing, headers or {}))]
    applied_on = dates["applied_on"]
    assert applied_on is not None
    refused = rules.application_error(birth, applied_on, today)
    if refused:
        return None, [("applied_on", refused)]
    progress = Progress(DevelopmentStage.APPLICANT, applied_on)
    steps: list[tuple[DevelopmentStep, date]] = []
    for step, key in STEP_KEYS[1 : ROW_STAGES.index(stage) + 1]:
        on = dates[key]
        assert on is not None
        refused = rules.step_error(progress, step, on, today)
        if refused:
            return None, [(key, refused)]
        steps.append((step, on))
        after = rules.stage_after(step)
        assert after is not None
        progress = Progress(after, applied_on, {**progress.done, step: on})
    return RowSteps(stage, applied_on, tuple(steps)), []


def already_member_message() -> str:
    """A pipeline row whose ID number is a stored member's."""
    return t(
        "该身份证号已是党员名册中的党员，不能再作为入党申请人、积极分子或发展对象导入",
        "This ID number is a member's already; the person cannot be imported as an "
        "applicant, activist or candidate",
    )
