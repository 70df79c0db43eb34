"""The appraisal grid: one row per member of the organization, saved all at once.

The rows are the members who take part on the day the grid is read (正常 or 失联, the
roll now: ``member_changes.roll.on_roll_now``) and were members by the end of the
appraisal's year (:func:`taking_part`), and any member already graded in the appraisal
(a member who left since keeps the grade given).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, aliased

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Appraisal, AppraisalResult, Organization, PartyMember
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.appraisals import AppraisalGrade
from pbc_desktop.domain.enums import MemberCategory
from pbc_desktop.errors import NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.member_changes.roll import on_roll_now

REMARK_MAX = 500
#: The earliest year an appraisal may be entered for (the app's records start later).
FIRST_YEAR = 1990

NONE_YET = versions.NONE_YET  # the grid's version when no appraisal is entered yet


@dataclass(frozen=True)
class GridRow:
    member_id: int
    name: str
    category: MemberCategory
    party_post: str | None
    grade: AppraisalGrade | None


@dataclass(frozen=True)
class AppraisalGrid:
    organization_id: int
    organization_name: str
    town: str | None
    year: int
    held_on: date | None
    ended_on: date | None
    remark: str | None
    rows: tuple[GridRow, ...]
    #: the stored appraisal's version (:data:`NONE_YET`: none entered yet, so that a save
    #: over one another window entered meanwhile is refused too)
    version: int | None = None

    def count(self, grade: AppraisalGrade) -> int:
        return sum(1 for r in self.rows if r.grade is grade)

    @property
    def graded(self) -> int:
        return sum(1 for r in self.rows if r.grade is not None)


@dataclass(frozen=True)
class AppraisalInput:
    organization_id: int
    year: int
    held_on: date | None
    ended_on: date | None = None
    remark: str | None = None
    #: member id → grade (None: not graded; a stored grade is removed)
    grades: Mapping[int, AppraisalGrade | None] = field(default_factory=dict)
    version: int | None = None


def organization_gone() -> NotFoundError:
    return NotFoundError(
        t("找不到该党组织，可能已被删除。", "The organization was not found; it may be deleted.")
    )


def load_organization(
    s: Session, organization_id: int, acc: access.Access, *, change: bool = False
) -> Organization:
    """The organization, seen (and, with ``change``, changeable) by the account."""
    org = s.get(Organization, organization_id)
    if org is None:
        raise organization_gone()
    acc.check_org_visible(org.id, organization_gone())
    if change:
        acc.check_org_writable(org.id)
    return org


def find_appraisal(s: Session, organization_id: int, year: int) -> Appraisal | None:
    stmt = select(Appraisal).where(
        Appraisal.organization_id == organization_id, Appraisal.year == year
    )
    return s.scalars(stmt).first()


def graded_elsewhere(year: int) -> ColumnElement[bool]:
    """SQL test: the member was graded in ``year``'s appraisal of an organization other
    than their own now (before a transfer): graded there, not again here."""
    # The member's results first (ix_appraisal_result_member_id), each one's appraisal by
    # its key: as a join, SQLite began with every appraisal of the year for each member
    # (the year's overview of a district took 20 s, its reminders 40 s). Aliased, so that
    # a query over appraisals and results itself (``results.year_overview``) does not
    # lend them its own rows.
    result = aliased(AppraisalResult)
    appraisal = aliased(Appraisal)
    of_the_year_elsewhere = (
        select(appraisal.id)
        .where(
            appraisal.id == result.appraisal_id,
            appraisal.year == year,
            appraisal.organization_id != PartyMember.organization_id,
        )
        .correlate(result, PartyMember)
        .exists()
    )
    return (
        select(result.id)
        .where(result.member_id == PartyMember.id, of_the_year_elsewhere)
        .correlate(PartyMember)
        .exists()
    )


def taking_part(year: int) -> ColumnElement[bool]:
    """SQL test: the member takes part in ``year``'s appraisal of their organization: on
    the roll now, a member by the year's end (one who joined in 2025 was offered, and
    graded, in 2023's), and not graded that year by the organization they came from (one
    transferred in after their old branch's appraisal was graded twice)."""
    joined = or_(PartyMember.joined_on.is_(None), PartyMember.joined_on <= date(year, 12, 31))
    return on_roll_now() & joined & ~graded_elsewhere(year)


def _grid_members(
    s: Session, organization_id: int, year: int, appraisal_id: int | None
) -> list[PartyMember]:
    taking = (PartyMember.organization_id == organization_id) & taking_part(year)
    graded = PartyMember.id.in_(
        select(AppraisalResult.member_id).where(AppraisalResult.appraisal_id == appraisal_id)
    )
    stmt = select(PartyMember).where(or_(taking, graded) if appraisal_id is not None else taking)
    return list(s.scalars(stmt.order_by(PartyMember.name_sort, PartyMember.id)))


def appraisal_grid(db: Database, organization_id: int, year: int) -> AppraisalGrid:
    """The grid of ``organization_id``'s appraisal of ``year`` (empty grades when none)."""
    with db.read() as s:
        org = load_organization(s, organization_id, access.of(db, s))
        appraisal = find_appraisal(s, organization_id, year)
        grades: dict[int, AppraisalGrade] = {}
        if appraisal is not None:
            grades = {r.member_id: r.grade for r in appraisal.results}
        rows = tuple(
            GridRow(m.id, m.name, m.category, m.party_post, grades.get(m.id))
            for m in _grid_members(s, org.id, year, appraisal.id if appraisal else None)
        )
        return AppraisalGrid(
            organization_id=org.id,
            organization_name=org.name,
            town=org.town,
            year=year,
            held_on=appraisal.held_on if appraisal else None,
            ended_on=appraisal.ended_on if appraisal else None,
            remark=appraisal.remark if appraisal else None,
            rows=rows,
            version=appraisal.version if appraisal else NONE_YET,
        )


def change_refusal(db: Database, organization_id: int) -> str | None:
    """Why the account may not enter ``organization_id``'s appraisals, or None."""
    return access.refusal(
        db, lambda s, acc: load_organization(s, organization_id, acc, change=True)
    )


def _check(
    data: AppraisalInput, today: date, founded: date | None
) -> tuple[str | None, FieldErrors]:
    err = FieldErrors()
    if not FIRST_YEAR <= data.year <= today.year:
        err.add(
            "year",
            f"评议年度应在{FIRST_YEAR}至{today.year}年之间",
            f"The year must be between {FIRST_YEAR} and {today.year}",
        )
    elif founded is not None and data.year < founded.year:
        err.add(
            "year",
            f"该党组织成立于{founded.isoformat()}，不能录入{data.year}年度的民主评议",
            f"The organization was founded on {founded.isoformat()}: no appraisal of {data.year}",
        )
    if data.held_on is None:
        err.add("held_on", "请填写民主评议会议的日期", "Enter the date of the appraisal meeting")
    elif not data.year <= data.held_on.year <= data.year + 1:
        err.add(
            "held_on",
            f"{data.year}年度的民主评议应在{data.year}年或{data.year + 1}年召开",
            f"The {data.year} appraisal is held in {data.year} or {data.year + 1}",
        )
    elif problem := v.future_date_error(
        data.held_on, label=("评议日期", "meeting date"), today=today
    ):
        err.add("held_on", problem, problem)
    ended = ("评议结束日期", "last meeting date")
    # the end, as the start, is recorded once held: not after today
    late = v.date_order_error(
        data.held_on,
        data.ended_on,
        first_label=("评议开始日期", "first meeting date"),
        second_label=ended,
    ) or v.future_date_error(data.ended_on, label=ended, today=today)
    if late:
        err.add("ended_on", late, late)
    remark = err.text(
        "remark", data.remark, ("备注", "The remark"), max_len=REMARK_MAX, multiline=True
    )
    return v.strip_or_none(remark), err


def _results_fact(results: Mapping[int, AppraisalGrade]) -> dict[str, str]:
    return {str(member_id): grade.value for member_id, grade in sorted(results.items())}


def _summary_counts(results: Mapping[int, AppraisalGrade]) -> tuple[str, str]:
    zh = "，".join(
        f"{g.zh}{n}人" for g in AppraisalGrade if (n := sum(1 for x in results.values() if x is g))
    )
    en = ", ".join(
        f"{g.en.lower()} {n}"
        for g in AppraisalGrade
        if (n := sum(1 for x in results.values() if x is g))
    )
    return zh or "未评定", en or "none graded"


def _graded_elsewhere(
    s: Session, org_id: int, year: int, grades: Mapping[int, AppraisalGrade | None]
) -> tuple[str, str] | None:
    """The name of a member given a grade here who has one of ``year`` from another
    organization, and that organization's name; None when there is none."""
    wanted = sorted(m for m, grade in grades.items() if grade is not None)
    if not wanted:
        return None
    found = s.execute(
        select(PartyMember.name, Organization.name)
        .join(AppraisalResult, AppraisalResult.member_id == PartyMember.id)
        .join(Appraisal, Appraisal.id == AppraisalResult.appraisal_id)
        .join(Organization, Organization.id == Appraisal.organization_id)
        .where(
            PartyMember.id.in_(wanted),
            Appraisal.year == year,
            Appraisal.organization_id != org_id,
        )
        .order_by(PartyMember.name_sort, PartyMember.id)
        .limit(1)
    ).first()
    return None if found is None else (found[0], found[1])


def save_appraisal(db: Database, data: AppraisalInput, *, today: date | None = None) -> int:
    """Store the meeting dates and every grade of the grid in one transaction with one
    audit entry; returns the appraisal's id."""
    day = today or date.today()
    with db.write() as s:
        org = load_organization(s, data.organization_id, access.of(db, s), change=True)
        remark, err = _check(data, day, org.founded_on)
        lock_groups(s, [("appraisal", org.id, data.year)])  # two entering one year at once
        appraisal = find_appraisal(s, org.id, data.year)
        allowed = {
            m.id for m in _grid_members(s, org.id, data.year, appraisal.id if appraisal else None)
        }
        elsewhere = _graded_elsewhere(s, org.id, data.year, data.grades)
        if elsewhere:
            raise ValidationError.single(
                "grades",
                t(
                    f"{elsewhere[0]}已在{elsewhere[1]}{data.year}年度民主评议中评定等次，"
                    "同一年度不能重复评定。",
                    f"{elsewhere[0]} was graded in the {data.year} appraisal of "
                    f"{elsewhere[1]}; a member is graded once a year.",
                ),
            )
        if unknown := [m for m in data.grades if m not in allowed]:
            raise ValidationError.single(
                "grades",
                t(
                    f"有{len(unknown)}名党员不属于{org.name}，不能参加该组织的民主评议。",
                    f"{len(unknown)} member(s) do not belong to {org.name} and cannot be "
                    "graded in its appraisal.",
                ),
            )
        err.raise_any()
        if appraisal is not None:  # read as none yet (NONE_YET): entered meanwhile
            versions.check(s, appraisal, data.version)
            before = audit.snapshot(
                appraisal, results=_results_fact({r.member_id: r.grade for r in appraisal.results})
            )
        else:
            before = None
            appraisal = Appraisal(organization_id=org.id, year=data.year)
            s.add(appraisal)
        appraisal.held_on = data.held_on
        appraisal.ended_on = data.ended_on
        appraisal.remark = remark
        stored = {r.member_id: r for r in appraisal.results}
        for member_id, grade in data.grades.items():
            result = stored.get(member_id)
            if grade is None:
                if result is not None:
                    appraisal.results.remove(result)
            elif result is None:
                appraisal.results.append(AppraisalResult(member_id=member_id, grade=grade))
            elif result.grade is not grade:
                result.grade = grade
        s.flush()
        results = {r.member_id: r.grade for r in appraisal.results}
        after = audit.snapshot(appraisal, results=_results_fact(results))
        if before is not None and before == after:
            return appraisal.id
        zh, en = _summary_counts(results)
        audit.saved(
            s,
            appraisal,
            t(
                f"{org.name}{data.year}年度民主评议党员：{zh}",
                f"{org.name}: democratic appraisal of {data.year} ({en})",
            ),
            before,
            after,
        )
        return appraisal.id
