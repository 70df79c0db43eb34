"""A roster of members with every field of the 党员基本信息采集表, for the export and roster
tests (made with ``tests.factories.make_member(..., complete=True)``: ID numbers are valid,
their check digit, birth date and sex agree, so an unmasked export must re-import cleanly).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import Gender, MemberCategory, OrgField, OrgLevel
from tests.factories import make_member, make_org, make_post_report


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
    zhang = make_member(
        db,
        "张伟",
        village,
        complete=True,
        birth_date=date(1968, 3, 2),
        phone="13800138000",
        party_post="书记",
        education="大专",
    )
    make_member(
        db, "张伟强", village, complete=True, birth_date=date(1990, 1, 15), phone="13900001111"
    )
    li = make_member(
        db,
        "李娜",
        village,
        complete=True,
        gender=Gender.FEMALE,
        birth_date=date(1985, 12, 24),
        phone="0754-87654321",
        party_post="组织委员",
        remark="=1+1 不是公式",
    )
    wang = make_member(
        db,
        "王芳",
        village,
        complete=True,
        gender=Gender.FEMALE,
        birth_date=date(1998, 6, 30),
        joined_on=date(2025, 6, 1),
        confirmed_on=None,
        category=MemberCategory.PROBATIONARY,
        phone=None,
    )
    zhao = make_member(
        db,
        "赵敏",
        agency,
        complete=True,
        gender=Gender.FEMALE,
        birth_date=date(1979, 9, 9),
        work_unit="区教育局",
    )
    make_post_report(db, zhao, village)
    make_member(
        db, "张三", other_town, complete=True, birth_date=date(1970, 10, 10), phone="13512345678"
    )
    return Roster(village, agency, other_town, zhang, li, wang, zhao)
