"""An organization's committees (班子): record a newly elected one, read the history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from pbc_desktop.db.engine import Database
from pbc_desktop.db.group_locks import lock_groups
from pbc_desktop.db.models import Committee, CommitteeMember, Organization, PartyMember
from pbc_desktop.domain import terms
from pbc_desktop.domain.enums import AuditAction, MembershipStatus
from pbc_desktop.domain.member_changes import ON_ROLL_STATUSES
from pbc_desktop.domain.terms import CommitteePost, TermState
from pbc_desktop.domain.validation import clean_text
from pbc_desktop.errors import FieldError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access, audit, versions
from pbc_desktop.services.scope import chunks

#: 届次 above this is a typo (a party committee of its 1000th term), and 20 digits would
#: not fit the database column.
TERM_NO_MAX = 999
#: ``committee_member.person_name`` is a String(60).
NAME_MAX = 60
REMARK_MAX = 500


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
    version: int = 1


@dataclass(frozen=True)
class MemberChoice:
    id: int
    name: str
    #: what the picker shows: the name, and for namesakes what tells them apart (two
    #: 陈伟 of a village were one entry twice, and either chosen was the first)
    label: str


def _choices(rows: list[tuple[int, str, date | None, date | None]]) -> tuple[MemberChoice, ...]:
    """The members as choices, a namesake's label with the year of birth (or the day of
    joining) and, were that the same too, a number."""
    names = Counter(name for _id, name, _born, _joined in rows)
    labels = []
    for _id, name, born, joined in rows:
        if names[name] == 1:
            labels.append(name)
        elif born is not None:
            labels.append(t(f"{name}（{born.year}年生）", f"{name} (born {born.year})"))
        elif joined is not None:
            labels.append(
                t(f"{name}（{joined.isoformat()}入党）", f"{name} (joined {joined.isoformat()})")
            )
        else:
            labels.append(name)
    seen: Counter[str] = Counter()
    choices = []
    for (member_id, name, _born, _joined), label in zip(rows, labels, strict=True):
        seen[label] += 1
        shown = f"{label}（{seen[label]}）" if labels.count(label) > 1 else label
        choices.append(MemberChoice(member_id, name, shown))
    return tuple(choices)


@dataclass(frozen=True)
class CommitteeForm:
    """What the 换届 dialog starts from for one organization."""

    organization_id: int
    organization_name: str
    default_term_years: int  # by the organization's kind and field
    next_term_no: int  # the latest committee's 届次 + 1 (1 for the first)
    latest: CommitteeRow | None  # the current committee, the one a correction edits
    members: tuple[MemberChoice, ...]  # the organization's members in good standing
    #: the 届次 of the committee before the latest (what a correction follows), if any
    previous_term_no: int | None = None


class TermGapError(ValidationError):
    """A 届次 that skips terms after the last one recorded (第20届 after 第7届): an earlier
    term can never be added after a later one, so a typo would leave a gap for good.
    Refused unless the caller says the gap is intended."""

    def __init__(self, last: int, term_no: int) -> None:
        self.last = last
        self.term_no = term_no
        super().__init__(
            [
                FieldError(
                    "term_no",
                    t(
                        f"上一届是第{last}届，下一届应为第{last + 1}届；登记第{term_no}届会"
                        "跳过中间的届次，以后也无法补登",
                        f"The last committee recorded is no. {last}, so the next is "
                        f"no. {last + 1}; no. {term_no} would skip terms that can never "
                        "be added later",
                    ),
                )
            ]
        )


def _check_gap(term_no: int, taken: set[int], allow_gap: bool) -> None:
    """Refuse a 届次 that is not the one after the last recorded, unless ``allow_gap``
    (the first committee recorded may be of any 届次: an office starts where it is)."""
    if taken and not allow_gap and term_no > (last := max(taken)) + 1:
        raise TermGapError(last, term_no)


def organization_gone() -> NotFoundError:
    return NotFoundError(t("该党组织不存在或已被删除", "That Party organization does not exist"))


def _validate(
    data: CommitteeInput, taken: set[int], latest: date | None, today: date, org: Organization
) -> None:
    errors = []
    if data.term_years not in terms.TERM_YEARS:
        errors.append(
            FieldError("term_years", t("任期应为3年或5年", "The term must be 3 or 5 years"))
        )
    if not 1 <= data.term_no <= TERM_NO_MAX:
        errors.append(
            FieldError(
                "term_no",
                t(
                    f"届次应为1至{TERM_NO_MAX}的整数",
                    f"The term number must be 1 to {TERM_NO_MAX}",
                ),
            )
        )
    elif data.term_no in taken:
        errors.append(
            FieldError(
                "term_no",
                t(f"第{data.term_no}届班子已登记", f"Committee no. {data.term_no} is recorded"),
            )
        )
    elif taken and data.term_no < (last := max(taken)):  # elected after it: numbered after
        errors.append(
            FieldError(
                "term_no",
                t(
                    f"届次应大于已登记的第{last}届",
                    f"The term number must come after no. {last}, recorded already",
                ),
            )
        )
    if data.elected_on > today:
        errors.append(
            FieldError(
                "elected_on", t("选举日期不能晚于今天", "The election cannot be in the future")
            )
        )
    elif org.founded_on is not None and data.elected_on < org.founded_on:
        errors.append(
            FieldError(
                "elected_on",
                t(
                    f"选举日期不能早于党组织成立日期（{org.founded_on.isoformat()}）",
                    f"The election cannot be before the organization was founded "
                    f"({org.founded_on.isoformat()})",
                ),
            )
        )
    elif org.end_date is not None and data.elected_on > org.end_date:
        errors.append(
            FieldError(
                "elected_on",
                t(
                    f"选举日期不能晚于党组织的结束日期（{org.end_date.isoformat()}）",
                    f"The election cannot be after the organization ended "
                    f"({org.end_date.isoformat()})",
                ),
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
    seat_error = _seats_problem(data.seats)
    if seat_error is not None:
        errors.append(FieldError("seats", seat_error))
    _text, remark_error = clean_text(
        data.remark, ("备注", "remark"), max_len=REMARK_MAX, multiline=True
    )
    if remark_error is not None:
        errors.append(FieldError("remark", remark_error))
    if errors:
        raise ValidationError(errors)


def _seats_problem(seats: tuple[Seat, ...]) -> str | None:
    """The first thing wrong with the members (a committee has its 书记)."""
    for seat in seats:
        if not seat.person_name.strip():
            return t(f"请填写{seat.post.zh}的姓名", f"Enter the name of the {seat.post.en.lower()}")
    for seat in seats:  # the stored column holds NAME_MAX characters (no control ones)
        _name, problem = clean_text(seat.person_name, ("班子成员的姓名", "member's name"))
        if problem is None and len(seat.person_name.strip()) > NAME_MAX:
            problem = t(
                f"班子成员的姓名最多{NAME_MAX}个字（{seat.post.zh}一栏有"
                f"{len(seat.person_name.strip())}个字）",
                f"A member's name has at most {NAME_MAX} characters ({seat.post.en}: "
                f"{len(seat.person_name.strip())})",
            )
        if problem is not None:
            return problem
    secretaries = sum(seat.post is CommitteePost.SECRETARY for seat in seats)
    if not secretaries:
        return t("班子成员中应有书记", "The committee needs a secretary")
    if secretaries > 1:
        return t(
            f"班子中只能有一名书记（现有{secretaries}名），其他人请选副书记或委员",
            f"A committee has one secretary ({secretaries} given); choose deputy secretary "
            "or member for the others",
        )
    seen: set[object] = set()
    for seat in seats:
        person = seat.member_id if seat.member_id is not None else seat.person_name.strip()
        if person in seen:
            name = seat.person_name.strip()
            return t(f"{name}在班子中出现了两次", f"{name} is listed twice")
        seen.add(person)
    return None


def _check_members(
    s: Session, org: Organization, seats: tuple[Seat, ...], kept: frozenset[int] = frozenset()
) -> None:
    """A seat naming a party member names one of the organization's own, on the roll.

    ``kept``: the members the committee already names (a correction): history, they were
    on the committee then, kept even when they have since left the roll or the
    organization; only new links are checked."""
    ids = {seat.member_id for seat in seats if seat.member_id is not None} - kept
    if not ids:
        return
    found = {
        member_id: (name, status)
        for member_id, name, status in s.execute(
            select(PartyMember.id, PartyMember.name, PartyMember.status).where(
                PartyMember.id.in_(ids), PartyMember.organization_id == org.id
            )
        )
    }
    for seat in seats:
        if seat.member_id is None or seat.member_id in kept:
            continue
        own = found.get(seat.member_id)
        if own is None:
            raise ValidationError(
                [
                    FieldError(
                        "seats",
                        t(
                            f"{seat.person_name.strip()}不是{org.name}的党员",
                            f"{seat.person_name.strip()} is not a member of {org.name}",
                        ),
                    )
                ]
            )
        name, status = own
        if status not in ON_ROLL_STATUSES:
            raise ValidationError(
                [
                    FieldError(
                        "seats",
                        t(
                            f"{name}已不在党员名册上（{status.zh}），不能列入班子",
                            f"{name} is no longer on the roll ({status.en.lower()}) and "
                            "cannot be put on the committee",
                        ),
                    )
                ]
            )


def _members(data: CommitteeInput) -> list[CommitteeMember]:
    return [
        CommitteeMember(
            seq=i, person_name=seat.person_name.strip(), post=seat.post, member_id=seat.member_id
        )
        for i, seat in enumerate(data.seats)
    ]


def _seat_texts(seats: tuple[Seat, ...]) -> list[str]:
    return [f"{x.post.zh} {x.person_name.strip()}" for x in seats]


def record_committee(
    db: Database, data: CommitteeInput, today: date | None = None, *, allow_gap: bool = False
) -> int:
    """Record a newly elected committee of an own organization (it becomes the current
    one); returns its id. Its 届次 follows the last one recorded (:class:`TermGapError`)
    unless ``allow_gap``: terms skipped on purpose."""
    today = today or date.today()
    with db.write() as s:
        acc = access.of(db, s)
        org = s.get(Organization, data.organization_id)
        if org is None or not acc.sees_org(org.id):
            raise organization_gone()
        acc.check_org_writable(org.id)
        lock_groups(s, [("committee", org.id)])  # two recording its new term at once
        stored = s.execute(
            select(Committee.term_no, Committee.elected_on).where(
                Committee.organization_id == org.id
            )
        ).all()
        latest = max((elected for _no, elected in stored), default=None)
        taken = {no for no, _e in stored}
        _validate(data, taken, latest, today, org)
        _check_gap(data.term_no, taken, allow_gap)
        _check_members(s, org, data.seats)
        committee = Committee(
            organization_id=org.id,
            term_no=data.term_no,
            elected_on=data.elected_on,
            term_years=data.term_years,
            remark=(data.remark or "").strip() or None,
            members=_members(data),
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
            after=audit.snapshot(committee, seats=_seat_texts(data.seats)),
            entity="committee",
        )
        return committee.id


def correct_committee(
    db: Database,
    committee_id: int,
    data: CommitteeInput,
    read_version: int | None = None,
    today: date | None = None,
    *,
    allow_gap: bool = False,
) -> None:
    """Correct the current (latest) committee of an own organization: its 届次, election,
    term and members, checked against the committees before it (a 届次 changed follows the
    one before unless ``allow_gap``). Earlier committees are history and stay as recorded;
    so do the committee's own links to members who have since left."""
    today = today or date.today()
    with db.write() as s:
        acc = access.of(db, s)
        committee = s.get(Committee, committee_id)
        if committee is None or not acc.sees_org(committee.organization_id):
            raise NotFoundError(t("该届班子不存在或已被删除", "That committee does not exist"))
        org = committee.organization
        acc.check_org_writable(org.id)
        versions.check(s, committee, read_version)
        others = s.execute(
            select(Committee.term_no, Committee.elected_on).where(
                Committee.organization_id == org.id, Committee.id != committee.id
            )
        ).all()
        if any(elected > committee.elected_on for _no, elected in others):
            raise ValidationError(
                [
                    FieldError(
                        "term_no",
                        t(
                            "只能修改最近一届班子，以往各届作为历史保留",
                            "Only the latest committee can be corrected; earlier ones are kept"
                            " as history",
                        ),
                    )
                ]
            )
        latest = max((elected for _no, elected in others), default=None)
        taken = {no for no, _e in others}
        _validate(data, taken, latest, today, org)
        if data.term_no != committee.term_no:  # a gap recorded before is not refused again
            _check_gap(data.term_no, taken, allow_gap)
        kept = frozenset(m.member_id for m in committee.members if m.member_id is not None)
        _check_members(s, org, data.seats, kept)
        old_seats = tuple(Seat(m.person_name, m.post, m.member_id) for m in committee.members)
        before = audit.snapshot(committee, seats=_seat_texts(old_seats))
        committee.term_no = data.term_no
        committee.elected_on = data.elected_on
        committee.term_years = data.term_years
        committee.remark = (data.remark or "").strip() or None
        committee.members = _members(data)
        s.flush()
        audit.record(
            s,
            AuditAction.UPDATE,
            committee,
            summary=t(
                f"更正{org.name}第{data.term_no}届班子",
                f"Corrected committee no. {data.term_no} of {org.name}",
            ),
            before=before,
            after=audit.snapshot(committee, seats=_seat_texts(data.seats)),
            entity="committee",
        )


def committee_form(db: Database, organization_id: int, today: date | None = None) -> CommitteeForm:
    """The organization's name, the proposed 届次 and term, its current committee and the
    members to choose the committee from."""
    rows = history(db, organization_id, today)
    with db.read() as s:
        org = s.get(Organization, organization_id)
        if org is None:
            raise organization_gone()
        members = s.execute(
            select(PartyMember.id, PartyMember.name, PartyMember.birth_date, PartyMember.joined_on)
            .where(
                PartyMember.organization_id == organization_id,
                PartyMember.status == MembershipStatus.NORMAL,
            )
            .order_by(PartyMember.name_sort, PartyMember.id)
        ).all()
        return CommitteeForm(
            org.id,
            org.name,
            terms.default_term_years(org.kind, org.field),
            rows[0].term_no + 1 if rows else 1,
            rows[0] if rows else None,
            _choices([(m.id, m.name, m.birth_date, m.joined_on) for m in members]),
            rows[1].term_no if len(rows) > 1 else None,
        )


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
                    c.version,
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
    whose term status ``keep`` accepts), by town and pinyin name; not of an organization
    ended before ``today`` (a temporary branch dissolved in 2020 was reminded every year
    of a 换届 it will never hold).

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
        .where(or_(Organization.end_date.is_(None), Organization.end_date >= today))
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
        for chunk in chunks(ids):
            members = (
                select(
                    CommitteeMember.committee_id,
                    CommitteeMember.person_name,
                    CommitteeMember.post,
                    CommitteeMember.member_id,
                )
                .where(CommitteeMember.committee_id.in_(chunk))
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
