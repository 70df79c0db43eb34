"""换届: when an organization's committee (班子) must be re-elected (pure rules).

A committee is elected for 3 or 5 years; its term is **due** from six months before it
runs out (the town starts preparing the election) and **overdue** the day after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pbc_desktop.domain.enums import LabeledEnum, OrgField, OrgKind
from pbc_desktop.domain.months import add_months

TERM_YEARS: tuple[int, ...] = (3, 5)
#: Remind this many months before a term runs out.
REMIND_MONTHS = 6


class CommitteePost(LabeledEnum):
    SECRETARY = "secretary", "书记", "Secretary"
    DEPUTY_SECRETARY = "deputy_secretary", "副书记", "Deputy secretary"
    ORGANIZATION = "organization", "组织委员", "Organization member"
    PROPAGANDA = "propaganda", "宣传委员", "Publicity member"
    DISCIPLINE = "discipline", "纪检委员", "Discipline member"
    YOUTH = "youth", "青年委员", "Youth member"
    WOMEN = "women", "妇女委员", "Women's member"
    MEMBER = "member", "委员", "Committee member"


#: Committees of these kinds are 基层委员会 (5 years); the others 总支部/支部委员会 (3 years).
FIVE_YEAR_KINDS = frozenset({OrgKind.COMMITTEE, OrgKind.WORKING_COMMITTEE, OrgKind.GROUP})
#: Villages and communities elect every organization for 5 years.
FIVE_YEAR_FIELDS = frozenset({OrgField.RURAL, OrgField.URBAN_COMMUNITY})


def default_term_years(kind: OrgKind, field: OrgField | None = None) -> int:
    """The term a newly elected committee usually runs, per 中共中央办公厅《关于党的基层组织
    任期的意见》(2018): 基层委员会 5 years, 总支部委员会 and 支部委员会 3 years, except in
    villages and communities (村和社区) where every one runs 5 years."""
    if kind in FIVE_YEAR_KINDS or field in FIVE_YEAR_FIELDS:
        return 5
    return 3


class TermState(LabeledEnum):
    RUNNING = "running", "任期内", "In term"
    DUE = "due", "即将届满", "Due soon"
    OVERDUE = "overdue", "已超期", "Overdue"


def term_ends(elected_on: date, term_years: int) -> date:
    """The day the term runs out: the same day ``term_years`` later (29 Feb → 28 Feb)."""
    return add_months(elected_on, 12 * term_years)


@dataclass(frozen=True)
class TermStatus:
    due_on: date
    state: TermState
    days_left: int  # negative: overdue by that many days


def term_status(elected_on: date, term_years: int, today: date) -> TermStatus:
    due = term_ends(elected_on, term_years)
    if today > due:
        state = TermState.OVERDUE
    elif today >= add_months(due, -REMIND_MONTHS):
        state = TermState.DUE
    else:
        state = TermState.RUNNING
    return TermStatus(due, state, (due - today).days)
