"""The one place tests make records: organizations, members, ID numbers, communities,
activities and post reports.

Records are inserted directly with the ORM (no validation, no audit), so a test can set up
any state, even one the services would refuse. Each ``make_…`` helper takes the
``Database`` first, writes in its own transaction and returns the new record's id;
:func:`new_member` returns an unsaved member for a test that writes in its own transaction.
Scenario modules (``list_factories``, ``listing_factories``, ``post_report_factories``, …)
build their records with these.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from itertools import count
from typing import Any, Literal

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import (
    Activity,
    Community,
    CommunityMember,
    CommunityType,
    LifecycleEvent,
    Organization,
    PartyMember,
    PostReport,
    ServiceLog,
)
from pbc_desktop.domain.enums import (
    ActivityKind,
    CoBuildType,
    CommunityStatus,
    Gender,
    LifecycleAction,
    MemberCategory,
    MemberRole,
    MembershipStatus,
    OrgField,
    OrgKind,
    OrgLevel,
)
from pbc_desktop.domain.validation import id_check_char

_org_serial = count(1)
_id_serial = count(101)
NEXT_ID_REGION = 620102

# -- ID numbers ---------------------------------------------------------------------------


def make_id(birth: str | date = "19900101", seq: str | int = "123", region: str = "440514") -> str:
    """A valid 18-character ID number (check character from ``validation.id_check_char``).

    ``birth`` is ``YYYYMMDD`` or a date; the last digit of ``seq`` is odd for men, even for
    women.
    """
    born = birth if isinstance(birth, str) else f"{birth:%Y%m%d}"
    number = seq if isinstance(seq, str) else f"{seq:03d}"
    first17 = region + born + number
    return first17 + id_check_char(first17)


def next_id(birth: date, gender: Gender) -> str:
    """A valid ID number not handed out before in this run, agreeing with ``gender``."""
    serial = next(_id_serial)
    while (serial % 2 == 1) != (gender is Gender.MALE):  # a number of its own, never reused
        serial = next(_id_serial)
    # A region of its own (620102, 620103, ... past each thousand numbers) that no test's
    # hand-written ``make_id`` uses, so a generated number never repeats one a test spelled
    # out, however many numbers this worker handed out before.
    return make_id(birth, serial % 1000, region=str(NEXT_ID_REGION + serial // 1000))


# -- organizations ------------------------------------------------------------------------


def make_org(
    db: Database,
    name: str | None = None,
    *,
    town: str | None = "成田镇",
    kind: OrgKind = OrgKind.BRANCH,
    field: OrgField = OrgField.RURAL,
    level: OrgLevel = OrgLevel.VILLAGE,
    parent_id: int | None = None,
    **extra: Any,
) -> int:
    """An organization: a village branch of 成田镇 unless told otherwise; ``extra`` sets any
    other column."""
    (org_id,) = make_orgs(
        db,
        name or f"测试党支部{next(_org_serial)}",
        town=town,
        kind=kind,
        field=field,
        level=level,
        parent_id=parent_id,
        **extra,
    )
    return org_id


def make_orgs(db: Database, *names: str, town: str | None = "成田镇", **columns: Any) -> list[int]:
    """Organizations like :func:`make_org`'s (``columns`` as its keywords), all in one
    transaction (thousands take a moment)."""
    values = {"kind": OrgKind.BRANCH, "field": OrgField.RURAL, "level": OrgLevel.VILLAGE}
    values |= columns
    with db.write() as s:
        orgs = [Organization(name=name, town=town, **values) for name in names]
        s.add_all(orgs)
        s.flush()
        return [org.id for org in orgs]


# -- party members ------------------------------------------------------------------------


def complete_fields(
    gender: Gender = Gender.MALE, birth_date: date = date(1980, 5, 1)
) -> dict[str, Any]:
    """Every field of the 党员基本信息采集表 filled in as an office would, with a fresh valid
    ID number agreeing with ``birth_date`` and ``gender`` (an unmasked export re-imports)."""
    return {
        "gender": gender,
        "ethnicity": "汉族",
        "birth_date": birth_date,
        "id_number": next_id(birth_date, gender),
        "native_place": "广东潮南",
        "education": "本科",
        "joined_on": date(2005, 7, 1),
        "confirmed_on": date(2006, 7, 1),
        "category": MemberCategory.FULL,
        "work_unit": "成田镇甲村村委会",
        "phone": "13812345678",
        "status": MembershipStatus.NORMAL,
    }


def new_member(
    name: str, organization_id: int, *, complete: bool = False, **fields: Any
) -> PartyMember:
    """An unsaved party member with ``fields`` set and every other column left empty, or
    (``complete=True``) first filled in by :func:`complete_fields` (``gender`` and
    ``birth_date`` among ``fields`` choose the ID number)."""
    values: dict[str, Any] = {}
    if complete:
        values = complete_fields(
            fields.get("gender", Gender.MALE), fields.get("birth_date", date(1980, 5, 1))
        )
    values.update(fields)
    return PartyMember(name=name, organization_id=organization_id, **values)


def make_member(
    db: Database, name: str, organization_id: int, *, complete: bool = False, **fields: Any
) -> int:
    """A party member of ``organization_id`` (see :func:`new_member`)."""
    with db.write() as s:
        member = new_member(name, organization_id, complete=complete, **fields)
        s.add(member)
        s.flush()
        return member.id


def make_members(db: Database, organization_id: int, number: int, *, prefix: str = "党员") -> None:
    """``number`` bare members named ``{prefix}{organization_id}-{i}``, in one transaction."""
    with db.write() as s:
        s.add_all(
            new_member(f"{prefix}{organization_id}-{i}", organization_id) for i in range(number)
        )


# -- communities, activities, post reports ------------------------------------------------


def make_community(
    db: Database,
    name: str,
    member_ids: Sequence[int] = (),
    *,
    lead_org_id: int | Literal["first"] | None = "first",
    types: Sequence[CoBuildType] = (CoBuildType.CROSS_FIELD,),
    status: CommunityStatus = CommunityStatus.APPLIED,
    theme: str | None = None,
    founded_on: date | None = None,
    applied_event: bool = True,
) -> int:
    """A community of ``member_ids`` (in that order), led by the first of them unless
    ``lead_org_id`` names another organization (or ``None``); the lead's member row has the
    LEAD role. With ``applied_event``, one APPLY event dated ``founded_on`` (or 2024-01-01).
    """
    lead = (member_ids[0] if member_ids else None) if lead_org_id == "first" else lead_org_id
    with db.write() as s:
        community = Community(
            name=name,
            theme=theme,
            status=status,
            founded_on=founded_on,
            lead_org_id=lead,
            types=[CommunityType(type=kind) for kind in types],
            members=[
                CommunityMember(
                    organization_id=org_id,
                    role=MemberRole.LEAD if org_id == lead else MemberRole.MEMBER,
                    seq=i,
                )
                for i, org_id in enumerate(member_ids)
            ],
            events=[
                LifecycleEvent(
                    action=LifecycleAction.APPLY,
                    status_after=CommunityStatus.APPLIED,
                    occurred_on=founded_on or date(2024, 1, 1),
                    operator="测试",
                )
            ]
            if applied_event
            else [],
        )
        s.add(community)
        s.flush()
        return community.id


def make_activity(
    db: Database,
    community_id: int | None,
    title: str = "主题党日活动",
    *,
    kind: ActivityKind = ActivityKind.THEME_PARTY_DAY,
    starts_at: datetime | None = None,
    host_org_id: int | None = None,
    **extra: Any,
) -> int:
    """An activity; ``extra`` sets any other column or relationship (``agenda=[…]``, …)."""
    with db.write() as s:
        activity = Activity(
            community_id=community_id,
            kind=kind,
            title=title,
            starts_at=starts_at or datetime(2024, 3, 1, 9, 0),
            host_org_id=host_org_id,
            **extra,
        )
        s.add(activity)
        s.flush()
        return activity.id


def make_post_report(
    db: Database,
    member_id: int,
    organization_id: int,
    *,
    reported_on: date = date(2024, 3, 1),
    services: Sequence[float] = (),
    **extra: Any,
) -> int:
    """A 报到 of the member to ``organization_id`` (active unless ``status`` says otherwise),
    with one service log entry (2024-04-01, -02, …) per number of hours in ``services``."""
    with db.write() as s:
        report = PostReport(
            member_id=member_id, organization_id=organization_id, reported_on=reported_on, **extra
        )
        report.services = [
            ServiceLog(served_on=date(2024, 4, i + 1), hours=hours, content=f"志愿服务{i + 1}")
            for i, hours in enumerate(services)
        ]
        s.add(report)
        s.flush()
        return report.id
