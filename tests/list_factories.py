"""A community with three member organizations and a project list, made through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pbc_desktop.db.engine import Database
from pbc_desktop.domain.enums import ItemStatus, ListKind
from pbc_desktop.services.lists import editing, printout
from tests.factories import make_community, make_org


@dataclass
class Setup:
    community_id: int
    orgs: list[int]  # members: 甲 (lead), 乙, 丙
    outsider: int
    list_id: int


def setup_community(db: Database, name: str = "和平党建共同体", prefix: str = "") -> Setup:
    orgs = [
        make_org(db, f"{prefix}和平村党支部", town="和平镇"),
        make_org(db, f"{prefix}区卫健局党支部", town=None),
        make_org(db, f"{prefix}和平供电所党支部", town="和平镇"),
    ]
    outsider = make_org(db, f"{prefix}外镇党支部", town="外镇")
    cid = make_community(db, name, orgs)
    list_id = editing.create_list(
        db,
        editing.ListInput(
            community_id=cid,
            kind=ListKind.PROJECT,
            title=f"{name}2026年项目清单",
            year=2026,
            signed_on=date(2026, 3, 1),
        ),
    )
    return Setup(cid, orgs, outsider, list_id)


def report_item(seq: int, description: str) -> printout.ReportItem:
    """An open item of a printed list (事项N号), as the list report shows it."""
    return printout.ReportItem(
        seq=seq,
        title=f"事项{seq}号",
        category="民生",
        description=description,
        expected_result="群众满意",
        status=ItemStatus.OPEN,
        overdue=False,
        claim_mode=None,
        claimants=(),
        responsible=None,
        deadline=None,
        solved_on=None,
        result=None,
        satisfaction=None,
        supervision_count=0,
    )
