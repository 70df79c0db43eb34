"""What the printed 发展党员 forms hold: the 公示 (of 发展对象, or of those to be received as
预备党员) and the 备案表 of one person.

A 公示 is posted on a notice board: it shows names, sex, 出生年月, education, work unit and
the dates of the stages, never ID numbers or phones. The 备案表 goes to the higher
committee and shows the ID number masked unless the account may see it in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import DevelopmentRecord, Organization
from pbc_desktop.domain.development import BEFORE_ADMISSION, DevelopmentStage, DevelopmentStep
from pbc_desktop.domain.enums import LabeledEnum
from pbc_desktop.errors import ConflictError, NotFoundError, ValidationError
from pbc_desktop.lang import t
from pbc_desktop.services import access
from pbc_desktop.services.development.detail import DevelopmentDetail, get_development_detail
from pbc_desktop.services.development.records import progress_of

#: a 公示 lasts at least this many days
MIN_NOTICE_DAYS = 5


class NoticeKind(LabeledEnum):
    CANDIDATES = "candidates", "发展对象公示", "Notice of candidates for admission"
    ADMISSION = "admission", "拟接收预备党员公示", "Notice of those to be admitted"


@dataclass(frozen=True)
class NoticePerson:
    name: str
    gender: str
    born: str  # 出生年月, "1998.04"
    ethnicity: str
    education: str
    work_unit: str
    applied_on: date
    activist_on: date | None
    candidate_on: date | None


@dataclass(frozen=True)
class PublicityNotice:
    kind: NoticeKind
    organization_name: str
    town: str | None
    starts_on: date
    ends_on: date
    people: tuple[NoticePerson, ...]


@dataclass(frozen=True)
class FilingForm:
    """发展党员备案表: the person, and every dated step."""

    organization_name: str
    detail: DevelopmentDetail


def _born(value: date | None) -> str:
    return f"{value:%Y.%m}" if value else ""


def publicity_notice(
    db: Database,
    organization_id: int,
    kind: NoticeKind,
    starts_on: date,
    days: int = MIN_NOTICE_DAYS,
) -> PublicityNotice:
    """The 公示 of an organization's 发展对象 (``CANDIDATES``) or of those of them whose 政审
    and 集中培训 are done, to be received as 预备党员 (``ADMISSION``); refused when there is
    nobody to announce."""
    if days < MIN_NOTICE_DAYS:
        raise ValidationError.single(
            "days",
            t(
                f"公示期不少于{MIN_NOTICE_DAYS}天",
                f"A public notice lasts at least {MIN_NOTICE_DAYS} days",
            ),
        )
    with db.read() as s:
        acc = access.of(db, s)
        org = s.get(Organization, organization_id)
        if org is None or not acc.sees_org(org.id):
            raise NotFoundError(t("找不到该党组织。", "The organization was not found."))
        records = s.scalars(
            select(DevelopmentRecord)
            .where(
                DevelopmentRecord.organization_id == organization_id,
                DevelopmentRecord.stage == DevelopmentStage.CANDIDATE,
            )
            .order_by(DevelopmentRecord.name_sort, DevelopmentRecord.id)
        )
        people = []
        for record in records:
            progress = progress_of(record)
            if kind is NoticeKind.ADMISSION:
                since = progress.stage_since
                needed = [x for x in BEFORE_ADMISSION if x is not DevelopmentStep.PUBLICITY]
                if any((progress.on(x) or date.min) < since for x in needed):
                    continue
            people.append(
                NoticePerson(
                    name=record.name,
                    gender=record.gender.zh if record.gender else "",
                    born=_born(record.birth_date),
                    ethnicity=record.ethnicity or "",
                    education=record.education or "",
                    work_unit=record.work_unit or "",
                    applied_on=record.applied_on,
                    activist_on=progress.on(DevelopmentStep.ACTIVIST),
                    candidate_on=progress.on(DevelopmentStep.CANDIDATE),
                )
            )
        if not people:  # a notice board would show an empty table
            who = (
                ("发展对象", "candidates for admission")
                if kind is NoticeKind.CANDIDATES
                else (
                    "政审、集中培训均已完成的发展对象",
                    "candidates whose political check and training are done",
                )
            )
            raise ConflictError(
                t(
                    f"{org.name}目前没有{who[0]}，无需公示。",
                    f"{org.name} has no {who[1]} now: there is nothing to announce.",
                )
            )
        return PublicityNotice(
            kind=kind,
            organization_name=org.name,
            town=org.town,
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=days - 1),
            people=tuple(people),
        )


def filing_form(db: Database, record_id: int, *, unmasked: bool = False) -> FilingForm:
    """The 备案表 of one person (ID number masked unless ``unmasked``)."""
    shown = get_development_detail(db, record_id, unmasked=unmasked)
    return FilingForm(shown.organization_name, shown)
