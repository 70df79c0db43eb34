"""The yearly evaluation of a post report (优秀/合格/不合格), one per report and year."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import PostEvaluation
from pbc_desktop.domain import validation as v
from pbc_desktop.domain.enums import EvaluationResult
from pbc_desktop.errors import NotFoundError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.field_errors import FieldErrors
from pbc_desktop.services.post_reports import common
from pbc_desktop.services.post_reports.common import REMARK_MAX, check_length, load_report
from pbc_desktop.services.post_reports.reports import ReportRow


@dataclass(frozen=True)
class EvaluationInput:
    year: int
    result: EvaluationResult | None
    remark: str | None = None
    #: the version of the year's evaluation its editor read (``EvaluationRow.version``,
    #: ``versions.NONE_YET`` when none was stored); None: not checked (a command)
    version: int | None = None


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    report_id: int
    year: int
    result: EvaluationResult
    remark: str | None
    version: int


def list_evaluations(db: Database, report_id: int) -> list[EvaluationRow]:
    """The report's evaluations, the latest year first."""
    stmt = (
        select(PostEvaluation)
        .where(PostEvaluation.report_id == report_id)
        .order_by(PostEvaluation.year.desc())
    )
    with db.read() as s:
        load_report(s, report_id, access.of(db, s))
        return [_evaluation_row(e) for e in s.scalars(stmt)]


def evaluations_of_reports(
    s: Session, report_ids: Collection[int]
) -> dict[int, list[EvaluationRow]]:
    """The evaluations of each of ``report_ids`` (reports the account sees, read by the
    caller), the latest year first: :func:`list_evaluations` of several in one query."""
    found: dict[int, list[EvaluationRow]] = {report_id: [] for report_id in report_ids}
    if found:
        stmt = (
            select(PostEvaluation)
            .where(PostEvaluation.report_id.in_(found))
            .order_by(PostEvaluation.year.desc())
        )
        for evaluation in s.scalars(stmt):
            found[evaluation.report_id].append(_evaluation_row(evaluation))
    return found


def _evaluation(s: Session, report_id: int, year: int) -> PostEvaluation | None:
    stmt = select(PostEvaluation).where(
        PostEvaluation.report_id == report_id, PostEvaluation.year == year
    )
    return s.scalars(stmt).first()


def get_evaluation(db: Database, report_id: int, year: int) -> EvaluationRow | None:
    with db.read() as s:
        load_report(s, report_id, access.of(db, s))
        found = _evaluation(s, report_id, year)
        return _evaluation_row(found) if found is not None else None


def _evaluation_row(e: PostEvaluation) -> EvaluationRow:
    return EvaluationRow(e.id, e.report_id, e.year, e.result, e.remark, e.version)


def evaluation_years(report: ReportRow, today: date | None = None) -> range:
    """The years a report can be evaluated for: from its report year to its end (or now)."""
    last = (report.ended_on or today or common.today()).year
    return range(report.reported_on.year, max(last, report.reported_on.year) + 1)


def set_evaluation(db: Database, report_id: int, data: EvaluationInput) -> int:
    """Record (or replace) the evaluation of ``data.year``; one per report and year.
    Refused when another window entered or changed it since ``data.version`` was read."""
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        lock_groups(s, [("post_evaluation", report_id, data.year)])  # two entering it at once
        err = FieldErrors()
        last = (report.ended_on or common.today()).year
        if not report.reported_on.year <= data.year <= last:
            err.add(
                "year",
                f"评价年度应在{report.reported_on.year}至{last}年之间（在岗期间）",
                f"The year must be between {report.reported_on.year} and {last} "
                "(while on the post)",
            )
        if data.result is None:
            err.add("result", "请选择评价结果（优秀、合格或不合格）", "Choose the result")
        remark = v.strip_or_none(data.remark)
        check_length(err, "remark", remark, REMARK_MAX, ("评语", "The remark"))
        err.raise_any()
        assert data.result is not None
        entry = _evaluation(s, report_id, data.year)
        if entry is not None:  # read as none yet (NONE_YET): entered meanwhile
            versions.check(s, entry, data.version)
        before = audit.snapshot(entry) if entry is not None else None
        if entry is None:
            entry = PostEvaluation(report_id=report_id, year=data.year)
            s.add(entry)
        entry.result = data.result
        entry.remark = remark
        s.flush()
        after = audit.snapshot(entry)
        if before == after:
            return entry.id
        name = report.member.name
        audit.saved(
            s,
            entry,
            t(
                f"党员{name}{data.year}年度报到领岗评价：{data.result.zh}",
                f"{name}: {data.result.en.lower()} for {data.year}",
            ),
            before,
            after,
        )
        return entry.id


def clear_evaluation(db: Database, report_id: int, year: int) -> None:
    with db.write() as s:
        report = load_report(s, report_id, access.of(db, s), change=True)
        entry = _evaluation(s, report_id, year)
        if entry is None:
            raise NotFoundError(
                t(f"该报到记录没有{year}年度的评价。", f"The report has no evaluation for {year}.")
            )
        name = report.member.name
        audit.deleted(
            s,
            entry,
            t(f"删除党员{name}{year}年度报到领岗评价", f"Removed the {year} evaluation of {name}"),
        )
        s.delete(entry)
