"""Test data for the member editor tests: valid ID numbers and members written via the ORM."""

from __future__ import annotations

from datetime import date
from typing import Any

from pbc_desktop.db.engine import Database
from pbc_desktop.db.models import PartyMember, PostReport, ServiceLog
from pbc_desktop.domain.validation import id_check_char


def valid_id(birth: str = "19900101", seq: str = "123", region: str = "440514") -> str:
    """An 18-character ID number with the right check character; odd ``seq`` → male."""
    first17 = region + birth + seq
    return first17 + id_check_char(first17)


def add_member(db: Database, name: str, org_id: int, **extra: Any) -> int:
    with db.write() as s:
        member = PartyMember(name=name, organization_id=org_id, **extra)
        s.add(member)
        s.flush()
        return member.id


def add_report(
    db: Database, member_id: int, to_org_id: int, services: tuple[float, ...] = ()
) -> int:
    """An active post report of the member with one service log entry per given hours."""
    with db.write() as s:
        report = PostReport(
            member_id=member_id, organization_id=to_org_id, reported_on=date(2024, 3, 1)
        )
        report.services = [
            ServiceLog(served_on=date(2024, 4, i + 1), hours=hours, content=f"志愿服务{i + 1}")
            for i, hours in enumerate(services)
        ]
        s.add(report)
        s.flush()
        return report.id
