"""The composition tables at a year's end, counted in a few queries over the members seen.

Which members count: those on the roll at the day, in the organization they belonged to
then (``member_changes.roll``: read from the member changes, 增减方式, as the roster at a
date; a 转出 in 2026 counts at the end of 2025). Organizations count when founded by the
day (or with no date) and, for a temporary branch, not yet ended. The changes of the year
are ``member_changes.count_changes``, with the members who came onto the roll by their
joining date alone (no change recorded: 其他增加). Everything is limited to the acting account's
organizations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, literal, or_, select, true
from sqlalchemy.orm import Session

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import MemberChange, Organization, PartyMember
from pbc_desktop.domain import party_stats as rules
from pbc_desktop.domain.appraisals import percent
from pbc_desktop.domain.enums import Gender, LabeledEnum, MemberCategory, OrgField, OrgKind
from pbc_desktop.domain.member_changes import ENTRY_KINDS, MemberChangeKind
from pbc_desktop.errors import NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.member_changes import count_changes
from pbc_desktop.services.member_changes.roll import (
    first_organization,
    joined_without_entry,
    on_roll_at,
    organization_at,
)

#: The earliest and latest year the statistics are asked for.
FIRST_YEAR, LAST_YEAR = 1949, 2100


def shown(label: str) -> str:
    """A label of the tables as printed, saved or shown: the label, the key (Chinese as
    the forms name it), in Chinese; its English in an English window."""
    return t(label, rules.english_label(label))


@dataclass(frozen=True)
class StatRow:
    label: str  # the key; :attr:`shown` is what the reader sees
    values: tuple[int, ...]

    @property
    def shown(self) -> str:
        return shown(self.label)


@dataclass(frozen=True)
class StatTable:
    """One table of the forms: a row per band, a column per count (the last may be 合计)."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[StatRow, ...]
    #: a composition of the members: each row's share of them is shown beside its count
    share: bool = False
    #: what the rows are, heading their column where the title stands above the table
    row_heading: str = ""

    @property
    def shown_columns(self) -> tuple[str, ...]:
        """The columns as the reader sees them (:func:`shown`); ``columns`` are keys."""
        return tuple(shown(column) for column in self.columns)

    def value(self, label: str, column: int = 0) -> int:
        for row in self.rows:
            if row.label == label:
                return row.values[column]
        raise KeyError(label)

    def as_dict(self) -> dict[str, Any]:
        if len(self.columns) == 1:
            return {r.label: r.values[0] for r in self.rows}
        return {r.label: dict(zip(self.columns, r.values, strict=True)) for r in self.rows}


@dataclass(frozen=True)
class PartyStatistics:
    year: int
    as_of: date
    area: str  # 全区, a town, or an organization's name
    members: int
    organizations: int
    tables: tuple[StatTable, ...]

    def table(self, key: str) -> StatTable:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "area": self.area,
            "members": self.members,
            "organizations": self.organizations,
            **{table.key: table.as_dict() for table in self.tables},
        }


def share_text(part: int, whole: int) -> str:
    """``part`` of ``whole`` as the tables print it: ``12.5%``."""
    return f"{percent(part, whole):.1f}%"


def _org_not_found() -> NotFoundError:
    return NotFoundError(
        t("找不到该党组织，可能已被删除。", "The organization was not found; it may be deleted.")
    )


def _area_filter(
    db: Database, s: Session, acc: access.Access, town: str | None, organization_id: int | None
) -> tuple[list[ColumnElement[bool]], str]:
    """SQL tests on ``Organization`` for the area, and the area's name."""
    where = [acc.orgs(Organization.id)]
    area = access.area_name(db) or t("全区", "whole district")
    if town:
        where.append(Organization.town == town)
        area = town
    if organization_id is not None:
        org = s.get(Organization, organization_id)
        if org is None:
            raise _org_not_found()
        acc.check_org_visible(org.id, _org_not_found())
        where.append(Organization.id.in_(sorted(access.org_subtree(s, org.id))))
        area = org.name
    return where, area


def _counted(
    labels: Iterable[str], counts: Counter[str], *, unknown: bool = True
) -> tuple[StatRow, ...]:
    order = rules.band_labels(tuple(labels), dict(counts)) if unknown else tuple(labels)
    return tuple(StatRow(label, (counts.get(label, 0),)) for label in order)


def _changed() -> ColumnElement[bool]:
    return exists().where(MemberChange.member_id == PartyMember.id).correlate(PartyMember)


def _on_roll_then(day: date) -> ColumnElement[bool]:
    """``roll.on_roll_at(day)``, asked only of the members with a change: for the others
    (most of them) it reads as joined by the day, said here directly so that the
    district's members are not each put through its subqueries."""
    joined = or_(PartyMember.joined_on.is_(None), PartyMember.joined_on <= day)
    return case((_changed(), on_roll_at(day)), else_=joined) == true()


def _organization_then(day: date) -> ColumnElement[int]:
    """``roll.organization_at(day)``, likewise: without a change, the member's own."""
    return case((_changed(), organization_at(day)), else_=PartyMember.organization_id)


@cache
def _zh(enum_cls: type[LabeledEnum], code: object) -> str:
    """The Chinese label of a stored code (once per code: the groups repeat them)."""
    return enum_cls.from_label(str(code)).zh


def _band_columns(day: date) -> list[Any]:
    """The member's bands as SQL expressions (the forms' rules of ``domain.party_stats``),
    so that the members are counted grouped in the database, not row by row in Python."""
    unknown = literal(rules.UNKNOWN)
    ethnicity = func.trim(func.coalesce(PartyMember.ethnicity, ""))
    ages = rules.age_cutoffs(day)
    joined = list(reversed(rules.JOINED_BANDS))
    return [
        PartyMember.gender,
        case(
            (ethnicity == "", unknown),
            (ethnicity.in_(("汉族", "汉")), literal("汉族")),
            else_=literal("少数民族"),
        ),
        case(
            (PartyMember.birth_date.is_(None), unknown),
            *[(PartyMember.birth_date > after, literal(label)) for label, after in ages[:-1]],
            else_=literal(ages[-1][0]),
        ),
        PartyMember.education,
        case(
            (PartyMember.joined_on.is_(None), unknown),
            *[(PartyMember.joined_on >= first, literal(label)) for label, first in joined[:-1]],
            else_=literal(joined[-1][0]),
        ),
        case(
            (PartyMember.confirmed_on > day, literal(MemberCategory.PROBATIONARY.value)),
            (PartyMember.confirmed_on.is_not(None), literal(MemberCategory.FULL.value)),
            else_=PartyMember.category,
        ),
        Organization.field,
    ]


def _member_tables(groups: list[Any]) -> tuple[StatTable, ...]:
    """The tables from the grouped counts: (gender, 民族 band, age band, education as
    typed, 入党 band, category code, field, count)."""
    count = (t("人数", "Members"),)

    def table(
        key: str, title: tuple[str, str], labels: Iterable[str], band: Callable[[Any], str]
    ) -> StatTable:
        counts: Counter[str] = Counter()
        for g in groups:
            counts[band(g)] += g[-1]
        return StatTable(key, t(*title), count, _counted(labels, counts), share=True)

    return (
        table(
            "sex",
            ("性别", "Sex"),
            [g.zh for g in Gender],
            lambda g: _zh(Gender, g[0]) if g[0] else rules.UNKNOWN,
        ),
        table("ethnicity", ("民族", "Ethnicity"), rules.ETHNIC_BANDS, lambda g: g[1]),
        table("age", ("年龄", "Age"), [b[0] for b in rules.AGE_BANDS], lambda g: g[2]),
        table(
            "education",
            ("学历", "Education"),
            rules.EDUCATION_BANDS,
            lambda g: rules.education_band(g[3]),
        ),
        table("joined", ("入党时间", "Joined"), [b[0] for b in rules.JOINED_BANDS], lambda g: g[4]),
        table(
            "category",
            ("党员类别", "Category"),
            [c.zh for c in MemberCategory],
            lambda g: _zh(MemberCategory, g[5]),
        ),
        table(
            "field",
            ("所在党组织领域（职业）", "Field of the organization (occupation)"),
            [f.zh for f in OrgField],
            lambda g: _zh(OrgField, g[6]),
        ),
    )


def _organization_table(rows: list[Any]) -> StatTable:
    kinds = list(OrgKind)
    counts = Counter((r.field, r.kind) for r in rows)
    fields = [f for f in OrgField if any(counts[(f, k)] for k in kinds)]
    columns = (*[k.zh for k in kinds], t("合计", "Total"))
    body = [
        StatRow(f.zh, (*[counts[(f, k)] for k in kinds], sum(counts[(f, k)] for k in kinds)))
        for f in fields
    ]
    totals = [sum(counts[(f, k)] for f in OrgField) for k in kinds]
    body.append(StatRow(t("合计", "Total"), (*totals, sum(totals))))
    return StatTable(
        "organizations",
        t("党组织（按类型和领域）", "Organizations by type and field"),
        columns,
        tuple(body),
        row_heading=t("领域", "Field"),
    )


def _changes_table(counts: dict[MemberChangeKind, int], other: int) -> StatTable:
    """The year's changes by kind, the increases first, then :data:`rules.OTHER_INCREASE`
    (``other``), then the decreases: last year's members with these are this year's."""
    rows = [StatRow(kind.zh, (counts.get(kind, 0),)) for kind in rules.CHANGE_KINDS]
    increases = sum(1 for kind in rules.CHANGE_KINDS if kind in ENTRY_KINDS)
    rows.insert(increases, StatRow(rules.OTHER_INCREASE, (other,)))
    return StatTable(
        "changes",
        t("党员增减情况（本年度）", "Changes in the year"),
        (t("人数", "Members"),),
        tuple(rows),
        row_heading=t("增减方式", "Change"),
    )


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError.single(
            "year",
            t(
                f"统计年度应在{FIRST_YEAR}至{LAST_YEAR}年之间。",
                f"The year must be between {FIRST_YEAR} and {LAST_YEAR}.",
            ),
        )


def party_statistics(
    db: Database, year: int, *, town: str | None = None, organization_id: int | None = None
) -> PartyStatistics:
    """The composition tables at 31 December of ``year`` for the district (as far as the
    account sees it), a town, or an organization with those below it."""
    check_year(year)
    day = date(year, 12, 31)
    with db.snapshot() as s:
        acc = access.of(db, s)
        where, area = _area_filter(db, s, acc, town, organization_id)
        existing = [
            or_(Organization.founded_on.is_(None), Organization.founded_on <= day),
            or_(Organization.end_date.is_(None), Organization.end_date >= day),
        ]
        bands = _band_columns(day)
        groups = list(
            s.execute(
                select(*bands, func.count(PartyMember.id))
                .join(Organization, Organization.id == _organization_then(day))
                .where(*where, _on_roll_then(day))
                .group_by(*bands)
            ).all()
        )
        orgs = list(
            s.execute(select(Organization.kind, Organization.field).where(*where, *existing))
        )
        changes = count_changes(
            db, date(year, 1, 1), day, town=town, organization_id=organization_id
        )
        other = s.scalar(  # 其他增加: in the area's organizations they joined
            select(func.count(PartyMember.id)).where(
                joined_without_entry(date(year, 1, 1), day),
                first_organization().in_(select(Organization.id).where(*where)),
            )
        )
    tables = (
        *_member_tables(groups),
        _organization_table(orgs),
        _changes_table(changes, int(other or 0)),
    )
    return PartyStatistics(year, day, area, sum(g[-1] for g in groups), len(orgs), tables)
