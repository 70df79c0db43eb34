"""An organization's committees (班子): record a newly elected one, read the history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import Committee, CommitteeMember, Organization
from pbc_desktop.domain import terms
from pbc_desktop.domain.enums import AuditAction
from pbc_desktop.domain.terms import CommitteePost, TermState
from pbc_desktop.errors import FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit


@dataclass(frozen=True)
class Seat:
    person_name: str
    post: CommitteePost
    member_id: int | None = None


@dataclass(frozen=True)
class CommitteeInput:
    organization_id: int
    term_no: int
    elected_on: date
    term_years: int
    seats: tuple[Seat, ...] = ()
    remark: str | None = None


@dataclass(frozen=True)
class CommitteeRow:
    id: int
    organization_id: int
    organization_name: str
    town: str | None
    term_no: int
    elected_on: date
    term_years: int
    due_on: date
    state: TermState
    days_left: int  # negative: overdue
    current: bool  # the organization's latest committee
    seats: tuple[Seat, ...]
    remark: str | None


def organization_gone() -> NotFoundError:
    return NotFoundError(t("该党组织不存在或已被删除", "That Party organization does not exist"))


def _validate(data: CommitteeInput, taken: set[int], latest: date | None, today: date) -> None:
    errors = []
    if data.term_years not in terms.TERM_YEARS:
        errors.append(
            FieldError("term_years", t("任期应为3年或5年", "The term must be 3 or 5 years"))
        )
    if data.term_no < 1:
        errors.append(
            FieldError("term_no", t("届次应为正整数", "The term number must be 1 or more"))
        )
    elif data.term_no in taken:
        errors.append(
            FieldError(
                "term_no",
                t(f"第{data.term_no}届班子已登记", f"Committee no. {data.term_no} is recorded"),
            )
        )
    if data.elected_on > today:
        errors.append(
            FieldError(
                "elected_on", t("选举日期不能晚于今天", "The election cannot be in the future")
            )
        )
    elif latest is not None and data.elected_on <= latest:
        errors.append(
            FieldError(
                "elected_on",
                t(
                    f"选举日期应晚于上一届（{latest.isoformat()}）",
                    f"The election must come after the last one ({latest.isoformat()})",
                ),
            )
        )
    if any(not seat.person_name.strip() for seat in data.seats):
        errors.append(FieldError("seats", t("班子成员的姓名不能为空", "A member's name is empty")))
    if errors:
        raise ValidationError(errors)


def record_committee(db: Database, data: CommitteeInput, today: date | None = None) -> int:
    """Record a newly elected committee of an own organization (it becomes the current
    one); returns its id."""
    today = today or date.today()
    with db.write() as s:
        acc = access.of(db, s)
        org = s.get(Organization, data.organization_id)
        if org is None or not acc.sees_org(org.id):
            raise organization_gone()
        acc.check_org_writable(org.id)
        stored = s.execute(
            select(Committee.term_no, Committee.elected_on).where(
                Committee.organization_id == org.id
            )
        ).all()
        latest = max((elected for _no, elected in stored), default=None)
        _validate(data, {no for no, _e in stored}, latest, today)
        committee = Committee(
            organization_id=org.id,
            term_no=data.term_no,
            elected_on=data.elected_on,
            term_years=data.term_years,
            remark=(data.remark or "").strip() or None,
            members=[
                CommitteeMember(
                    seq=i,
                    person_name=seat.person_name.strip(),
                    post=seat.post,
                    member_id=seat.member_id,
                )
                for i, seat in enumerate(data.seats)
            ],
        )
        s.add(committee)
        s.flush()
        audit.record(
            s,
            AuditAction.CREATE,
            committee,
            summary=t(
                f"登记{org.name}第{data.term_no}届班子",
                f"Recorded committee no. {data.term_no} of {org.name}",
            ),
            after=audit.snapshot(
                committee, seats=[f"{x.post.zh} {x.person_name}" for x in data.seats]
            ),
            entity="committee",
        )
        return committee.id


def history(db: Database, organization_id: int, today: date | None = None) -> list[CommitteeRow]:
    """An organization's committees, the latest (the current one) first."""
    today = today or date.today()
    acc = access.of(db)
    if not acc.sees_org(organization_id):
        raise organization_gone()
    stmt = (
        select(Committee)
        .where(Committee.organization_id == organization_id)
        .options(selectinload(Committee.members), selectinload(Committee.organization))
        .order_by(Committee.term_no.desc())
    )
    rows = []
    with db.read() as s:
        for n, c in enumerate(s.scalars(stmt)):
            status = terms.term_status(c.elected_on, c.term_years, today)
            rows.append(
                CommitteeRow(
                    c.id,
                    c.organization_id,
                    c.organization.name,
                    c.organization.town,
                    c.term_no,
                    c.elected_on,
                    c.term_years,
                    status.due_on,
                    status.state,
                    status.days_left,
                    n == 0,
                    tuple(Seat(m.person_name, m.post, m.member_id) for m in c.members),
                    c.remark,
                )
            )
    return rows


def current_committees(
    db: Database,
    today: date | None = None,
    town: str | None = None,
    keep: Callable[[terms.TermStatus], bool] | None = None,
) -> list[CommitteeRow]:
    """The latest committee of each organization the account sees (of ``town``; those
    whose term status ``keep`` accepts), by town and pinyin name.

    Read in plain rows (a district holds thousands of committees); the members are read
    for the committees listed only."""
    today = today or date.today()
    stmt = (
        select(
            Committee.id,
            Committee.organization_id,
            Organization.name,
            Organization.town,
            Committee.term_no,
            Committee.elected_on,
            Committee.term_years,
            Committee.remark,
        )
        .join(Organization, Organization.id == Committee.organization_id)
        .order_by(Organization.town, Organization.name_sort, Committee.term_no)
    )
    if town:
        stmt = stmt.where(Organization.town == town)
    with db.read() as s:
        stmt = stmt.where(access.of(db, s).orgs(Organization.id))
        latest: dict[int, Any] = {}
        for row in s.execute(stmt).all():
            latest[row.organization_id] = row  # ordered by term: the last one stays
        chosen = []
        for row in latest.values():
            status = terms.term_status(row.elected_on, row.term_years, today)
            if keep is None or keep(status):
                chosen.append((row, status))
        seats: dict[int, list[Seat]] = {}
        ids = [row.id for row, _status in chosen]
        for start in range(0, len(ids), 500):
            members = (
                select(
                    CommitteeMember.committee_id,
                    CommitteeMember.person_name,
                    CommitteeMember.post,
                    CommitteeMember.member_id,
                )
                .where(CommitteeMember.committee_id.in_(ids[start : start + 500]))
                .order_by(CommitteeMember.committee_id, CommitteeMember.seq)
            )
            for committee_id, name, post, member_id in s.execute(members):
                seats.setdefault(committee_id, []).append(Seat(name, post, member_id))
    return [
        CommitteeRow(
            row.id,
            row.organization_id,
            row.name,
            row.town,
            row.term_no,
            row.elected_on,
            row.term_years,
            status.due_on,
            status.state,
            status.days_left,
            True,
            tuple(seats.get(row.id, ())),
            row.remark,
        )
        for row, status in chosen
    ]
