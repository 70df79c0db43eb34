"""Members with every field of the 党员基本信息采集表, for the export and roster tests.

Written straight through the ORM (no validation, no audit); ID numbers are valid (their
check digit, birth date and sex agree), so an unmasked export must re-import cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import count
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember, PostReport
from pbc_desktop.domain.enums import (
    Gender,
    MemberCategory,
    MembershipStatus,
    OrgField,
    OrgLevel,
    PostReportStatus,
)
from pbc_desktop.domain.validation import id_check_char
from tests.factories import make_org

_serial = count(101)


def id_number(birth: date, gender: Gender, region: str = "440514") -> str:
    """A valid 18-character number for someone born on ``birth``."""
    seq = next(_serial) % 1000
    if (seq % 2 == 1) != (gender is Gender.MALE):
        seq = (seq + 1) % 1000
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def add_member(
    db: Database,
    name: str,
    organization_id: int,
    *,
    gender: Gender = Gender.MALE,
    birth: date = date(1980, 5, 1),
    phone: str | None = "13812345678",
    **extra: Any,
) -> int:
    values: dict[str, Any] = {
        "name": name,
        "organization_id": organization_id,
        "gender": gender,
        "ethnicity": "汉族",
        "birth_date": birth,
        "id_number": id_number(birth, gender),
        "native_place": "广东潮南",
        "education": "本科",
        "joined_on": date(2005, 7, 1),
        "confirmed_on": date(2006, 7, 1),
        "category": MemberCategory.FULL,
        "work_unit": "成田镇甲村村委会",
        "phone": phone,
        "status": MembershipStatus.NORMAL,
    }
    values.update(extra)
    with db.write() as s:
        member = PartyMember(**values)
        s.add(member)
        s.flush()
        return member.id


def add_report(db: Database, member_id: int, to_org_id: int) -> None:
    """An active 报到 of the member to ``to_org_id``."""
    with db.write() as s:
        s.add(
            PostReport(
                member_id=member_id,
                organization_id=to_org_id,
                reported_on=date(2024, 3, 1),
                status=PostReportStatus.ACTIVE,
            )
        )


@dataclass(frozen=True)
class Roster:
    village: int  # 甲村党支部 (成田镇): 张伟 (书记), 张伟强, 李娜, 王芳 (预备)
    agency: int  # 区教育局机关党支部 (no town): 赵敏, reported to 甲村
    other_town: int  # 乙村党支部 (陈店镇): 张三
    zhang: int
    li: int
    wang: int
    zhao: int


def setup_roster(db: Database) -> Roster:
    village = make_org(db, "甲村党支部", town="成田镇")
    agency = make_org(
        db, "区教育局机关党支部", town=None, field=OrgField.AGENCY, level=OrgLevel.DISTRICT
    )
    other_town = make_org(db, "乙村党支部", town="陈店镇")
    zhang = add_member(
        db,
        "张伟",
        village,
        birth=date(1968, 3, 2),
        phone="13800138000",
        party_post="书记",
        education="大专",
    )
    add_member(db, "张伟强", village, birth=date(1990, 1, 15), phone="13900001111")
    li = add_member(
        db,
        "李娜",
        village,
        gender=Gender.FEMALE,
        birth=date(1985, 12, 24),
        phone="0754-87654321",
        party_post="组织委员",
        remark="=1+1 不是公式",
    )
    wang = add_member(
        db,
        "王芳",
        village,
        gender=Gender.FEMALE,
        birth=date(1998, 6, 30),
        joined_on=date(2025, 6, 1),
        confirmed_on=None,
        category=MemberCategory.PROBATIONARY,
        phone=None,
    )
    zhao = add_member(
        db, "赵敏", agency, gender=Gender.FEMALE, birth=date(1979, 9, 9), work_unit="区教育局"
    )
    add_report(db, zhao, village)
    add_member(db, "张三", other_town, birth=date(1970, 10, 10), phone="13512345678")
    return Roster(village, agency, other_town, zhang, li, wang, zhao)
